"""BM25 keyword search with the Danish stemmer, persisted next to the manifest.

``BM25Retriever.from_persist_dir`` forgets the stemmer and then stems queries in English
("kommunerne" -> "kommunern"), so :func:`load_bm25` sets the Danish stemmer again.
The persisted index records which chunk ids it covers; a stale one is rebuilt.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import Stemmer
from llama_index.core.schema import TextNode
from llama_index.retrievers.bm25 import BM25Retriever

from ingest.types import search_text

BM25_DIR = "bm25"
COVERAGE_FILE = "chunk_ids.json"


def danish_stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


def search_node(node: TextNode) -> TextNode:
    """BM25 indexes the heading context with the text, like the embeddings do."""
    text = search_text(node.text, str(node.metadata.get("context", "")))
    # llama-index would otherwise prepend every metadata field ("doc_id: ...") to the indexed text.
    return TextNode(id_=node.node_id, text=text, metadata=node.metadata, excluded_embed_metadata_keys=list(node.metadata))


def build_bm25(nodes: Sequence[TextNode]) -> BM25Retriever:
    return BM25Retriever.from_defaults(
        nodes=[search_node(node) for node in nodes],
        stemmer=danish_stemmer(),
        language="danish",
        # Score every chunk: filters and the cut-off are applied per query by the caller, which keeps
        # the shared retriever free of per-query state (the app answers requests concurrently).
        similarity_top_k=max(1, len(nodes)),
    )


def save_bm25(retriever: BM25Retriever, chunk_ids: set[str], index_dir: Path) -> None:
    target = index_dir / BM25_DIR
    temporary = index_dir / (BM25_DIR + ".tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    retriever.persist(str(temporary))
    (temporary / COVERAGE_FILE).write_text(json.dumps(sorted(chunk_ids)), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    temporary.rename(target)


def load_bm25(index_dir: Path, chunk_ids: set[str]) -> BM25Retriever | None:
    """The persisted retriever, or None when missing or not covering exactly ``chunk_ids``."""
    folder = index_dir / BM25_DIR
    coverage = folder / COVERAGE_FILE
    if not coverage.is_file() or set(json.loads(coverage.read_text(encoding="utf-8"))) != chunk_ids:
        return None
    retriever = BM25Retriever.from_persist_dir(str(folder), show_progress=False)
    retriever.stemmer = danish_stemmer()
    retriever.similarity_top_k = len(chunk_ids)
    return retriever
