"""The Chroma vector store, embedded (``PersistentClient``) or a Chroma server (``HttpClient``).

Chroma's default ONNX embedder downloads a model when text is added or queried without vectors, so
every call here passes embeddings. The collection's metadata carries the index generation, so processes
sharing a Chroma server notice each other's changes with one small request.

Example::

    client = chroma_client(settings)
    store = ChunkStore(client, "tidlig-abc123")
    store.add(chunks, vectors)
"""

from __future__ import annotations

from collections.abc import Sequence

import chromadb
from chromadb.config import Settings as ChromaSettings
from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.vector_stores.chroma import ChromaVectorStore

from ingest.types import Chunk
from tidlig.settings import Settings

ADD_BATCH = 256
GENERATION_KEY = "tidlig_generation"
# Bump when what is stored per chunk changes, so existing collections are rebuilt (part of the index config).
# 2: the "doc_id" metadata holds the document id (it was overwritten with "None", see chunk_node).
STORE_FORMAT = 2


def chroma_client(settings: Settings) -> chromadb.ClientAPI:
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    match settings.chroma_mode:
        case "embedded":
            path = settings.index_dir / "chroma"
            path.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        case "server":
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    raise ValueError(f"unknown chroma_mode {settings.chroma_mode!r}")


def chunk_node(chunk: Chunk, vector: list[float] | None = None) -> TextNode:
    # llama-index's ChromaVectorStore writes the node's source id into the "doc_id", "document_id" and
    # "ref_doc_id" metadata, replacing ours; without a source it stores "None" and a doc_ids filter matches
    # nothing. The source is the document, so Chroma's "doc_id" is the document id again.
    source = {NodeRelationship.SOURCE: RelatedNodeInfo(node_id=chunk.doc.doc_id)}
    return TextNode(
        id_=chunk.chunk_id, text=chunk.text, metadata=dict(chunk.metadata), embedding=vector, relationships=source
    )


class ChunkStore:
    """Chunks and their vectors in one Chroma collection (cosine distance)."""

    def __init__(self, client: chromadb.ClientAPI, collection_name: str) -> None:
        self.client = client
        self.collection = client.get_or_create_collection(
            collection_name, metadata={"hnsw:space": "cosine"}, embedding_function=None
        )
        self.vector_store = ChromaVectorStore(chroma_collection=self.collection)

    def add(self, chunks: Sequence[Chunk], vectors: Sequence[list[float]]) -> None:
        nodes = [chunk_node(chunk, vector) for chunk, vector in zip(chunks, vectors, strict=True)]
        for start in range(0, len(nodes), ADD_BATCH):
            self.vector_store.add(nodes[start : start + ADD_BATCH])

    def delete(self, chunk_ids: Sequence[str]) -> None:
        for start in range(0, len(chunk_ids), ADD_BATCH):
            self.collection.delete(ids=list(chunk_ids[start : start + ADD_BATCH]))

    def ids(self) -> set[str]:
        return set(self.collection.get(include=[])["ids"])

    def nodes(self) -> list[TextNode]:
        return self.vector_store.get_nodes(node_ids=None) if self.collection.count() else []

    def query(self, vector: list[float], top_k: int, where: dict | None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the nearest chunks. Only ids and distances come back: the
        passages are already in memory, and decoding Chroma's stored nodes took ten times longer."""
        result = self.collection.query(
            query_embeddings=[vector], n_results=max(1, top_k), where=where, include=["distances"]
        )
        return [(chunk_id, 1.0 - distance) for chunk_id, distance in zip(result["ids"][0], result["distances"][0])]

    def generation(self) -> int:
        """The generation last committed to this collection (0 when none was recorded)."""
        metadata = self.client.get_collection(self.collection.name).metadata or {}
        return int(metadata.get(GENERATION_KEY, 0))

    def set_generation(self, generation: int) -> None:
        # modify() replaces the metadata; the cosine space lives in the collection's configuration.
        self.collection.modify(metadata={GENERATION_KEY: generation})

    def drop(self) -> None:
        self.client.delete_collection(self.collection.name)
