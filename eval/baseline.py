"""Retrieval baselines scored on the same questions as the system, so every report shows what a plain
setup would reach.

- ``llamaindex-standard``: llama-index's default pipeline, the setup most users start from:
  ``VectorStoreIndex`` over the corpus files with the default ``SentenceSplitter``, the same embedding
  model, ``similarity_top_k=2`` and the question alone (no conversation history).
- ``simpel-hybrid``: the strongest simple recipe: 256-token ``SentenceSplitter`` chunks, BM25 with the
  Danish stemmer and dense retrieval with the same embedding model, fused with reciprocal rank fusion
  (llama-index's ``QueryFusionRetriever``, no query rewriting), top 10, question alone.

Only retrieval is scored (a baseline has no answer composer of its own without an LLM). Embeddings come
from the :class:`~index.embedding_cache.EmbeddingCache` when one is given: same vectors as an uncached
build, no repeated embedding work.

Example::

    baselines = build_baselines(corpus_dir, embedder, cache)
    baselines[1].retrieve("Hvad er tidlig indsats?")   # ten chunk texts, best first
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from llama_index.core import Document, VectorStoreIndex
from llama_index.core.llms import MockLLM
from llama_index.core.node_parser import SentenceSplitter
from llama_index.core.retrievers import BaseRetriever, QueryFusionRetriever
from llama_index.core.retrievers.fusion_retriever import FUSION_MODES
from llama_index.core.schema import BaseNode, MetadataMode
from llama_index.retrievers.bm25 import BM25Retriever

import Stemmer
from index.embedding_cache import EmbeddingCache
from index.embeddings import Embedder
from ingest.pipeline import discover, read

__all__ = ["Baseline", "build_baselines", "llamaindex_standard", "read_corpus", "simple_hybrid"]

STANDARD_TOP_K = 2
HYBRID_CHUNK_TOKENS = 256
# SentenceSplitter's own default overlap (200 tokens) would repeat most of each 256-token chunk in its
# neighbour (903 chunks instead of 372 for the bundled corpus) and fill the top 10 with near-duplicates.
HYBRID_CHUNK_OVERLAP = 32
HYBRID_TOP_K = 10


@dataclass(frozen=True)
class Baseline:
    """A named retriever whose ranked chunk texts are scored like the system's."""

    name: str
    retriever: BaseRetriever

    def retrieve(self, question: str) -> list[str]:
        return [hit.node.get_content() for hit in self.retriever.retrieve(question)]


def read_corpus(*folders: Path) -> list[Document]:
    """Every supported file under ``folders`` (the corpus, and any documents evaluated beside it) as one
    llama-index ``Document`` (pages joined)."""
    sources, _ = discover(list(folders))
    documents = []
    for source in sources:
        loaded = read(source, max_bytes=10**9)
        text = "\n\n".join(page.text for page in loaded.pages)
        documents.append(Document(text=text, metadata={"file_name": source.path.name}))
    return documents


def _embedded_nodes(
    documents: Sequence[Document], splitter: SentenceSplitter, embedder: Embedder, cache: EmbeddingCache | None
) -> list[BaseNode]:
    nodes = splitter.get_nodes_from_documents(documents)
    if cache is not None:
        # What VectorStoreIndex would embed (text with its metadata), taken from the cache.
        texts = [node.get_content(metadata_mode=MetadataMode.EMBED) for node in nodes]
        for node, vector in zip(nodes, cache.embed(embedder, texts), strict=True):
            node.embedding = vector
    return nodes


def llamaindex_standard(documents: Sequence[Document], embedder: Embedder, cache: EmbeddingCache | None = None) -> Baseline:
    """What ``VectorStoreIndex.from_documents(...).as_retriever()`` does, with ``similarity_top_k=2``."""
    nodes = _embedded_nodes(documents, SentenceSplitter(), embedder, cache)
    index = VectorStoreIndex(nodes, embed_model=embedder.model)
    return Baseline("llamaindex-standard", index.as_retriever(similarity_top_k=STANDARD_TOP_K))


def simple_hybrid(documents: Sequence[Document], embedder: Embedder, cache: EmbeddingCache | None = None) -> Baseline:
    """256-token chunks; Danish-stemmed BM25 and dense top 10 each; reciprocal rank fusion; top 10."""
    splitter = SentenceSplitter(chunk_size=HYBRID_CHUNK_TOKENS, chunk_overlap=HYBRID_CHUNK_OVERLAP)
    nodes = _embedded_nodes(documents, splitter, embedder, cache)
    dense = VectorStoreIndex(nodes, embed_model=embedder.model).as_retriever(similarity_top_k=HYBRID_TOP_K)
    keyword = BM25Retriever.from_defaults(
        nodes=nodes, stemmer=Stemmer.Stemmer("danish"), language="danish", similarity_top_k=HYBRID_TOP_K
    )
    fused = QueryFusionRetriever(
        [dense, keyword],
        # num_queries=1: the question alone, so the LLM that would write extra queries is never called.
        llm=MockLLM(),
        mode=FUSION_MODES.RECIPROCAL_RANK,
        num_queries=1,
        similarity_top_k=HYBRID_TOP_K,
        use_async=False,
    )
    return Baseline("simpel-hybrid", fused)


def build_baselines(
    corpus_dir: Path, embedder: Embedder, cache: EmbeddingCache | None = None, *added: Path
) -> tuple[Baseline, ...]:
    """Both baselines over the same files as the system (the corpus and the ``added`` folders), in report order."""
    documents = read_corpus(corpus_dir, *added)
    return llamaindex_standard(documents, embedder, cache), simple_hybrid(documents, embedder, cache)
