"""The baseline: llama-index's default pipeline, the setup most users would start from.

``VectorStoreIndex`` over the same corpus files with the default ``SentenceSplitter``, the same
embedding model, ``similarity_top_k=2`` and the question alone (no conversation history). Only its
retrieval is scored (it has no answer composer of its own without an LLM).

Example::

    baseline = Baseline.build(corpus_dir, embedder)
    texts = baseline.retrieve("Hvad er tidlig indsats?")   # two chunk texts
"""

from __future__ import annotations

from pathlib import Path

from llama_index.core import Document, VectorStoreIndex
from llama_index.core.node_parser import SentenceSplitter
from llama_index.core.schema import MetadataMode

from index.embedding_cache import EmbeddingCache

from index.embeddings import Embedder
from ingest.pipeline import discover, read

TOP_K = 2


class Baseline:
    def __init__(self, index: VectorStoreIndex) -> None:
        self._retriever = index.as_retriever(similarity_top_k=TOP_K)

    @classmethod
    def build(cls, corpus_dir: Path, embedder: Embedder, cache: EmbeddingCache | None = None) -> Baseline:
        """What ``VectorStoreIndex.from_documents`` does (default ``SentenceSplitter``), with the
        embeddings taken from the cache when given: same vectors, no repeated embedding work."""
        sources, _ = discover([corpus_dir])
        documents = []
        for source in sources:
            loaded = read(source, max_bytes=10**9)
            text = "\n\n".join(page.text for page in loaded.pages)
            documents.append(Document(text=text, metadata={"file_name": source.path.name}))
        nodes = SentenceSplitter().get_nodes_from_documents(documents)
        if cache is not None:
            texts = [node.get_content(metadata_mode=MetadataMode.EMBED) for node in nodes]
            for node, vector in zip(nodes, cache.embed(embedder, texts)):
                node.embedding = vector
        return cls(VectorStoreIndex(nodes, embed_model=embedder.model))

    def retrieve(self, question: str) -> list[str]:
        return [hit.node.get_content() for hit in self._retriever.retrieve(question)]
