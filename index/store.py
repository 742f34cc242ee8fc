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

import contextlib
import logging
import re
import shutil
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import chromadb
from chromadb.api.types import GetResult
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError
from llama_index.core.schema import BaseNode, NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.vector_stores.chroma import ChromaVectorStore

import numpy as np

from ingest.types import Chunk, EvidenceUnit
from tidlig.settings import Settings

log = logging.getLogger(__name__)

# What a read of the store raises, also when it meets another process's write half done (see CorpusIndex.sync).
StoreError = ChromaError

ADD_BATCH = 256
GENERATION_KEY = "tidlig_generation"
# Bump when what is stored per chunk changes, so existing collections are rebuilt (part of the index config).
# 2: the "doc_id" metadata holds the document id (it was overwritten with "None", see chunk_node).
# 3: evidence units in a second collection ("<collection>-units") beside the chunks.
STORE_FORMAT = 3


# The folder an embedded Chroma store keeps a vector segment in: the segment's id.
_SEGMENT_FOLDER = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def embedded_path(settings: Settings) -> Path:
    """Where an embedded Chroma store keeps its files."""
    return settings.index_dir / "chroma"


def chroma_client(settings: Settings) -> chromadb.ClientAPI:
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    match settings.chroma_mode:
        case "embedded":
            path = embedded_path(settings)
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
    """Chunks and their vectors in one Chroma collection (cosine distance); their evidence units in
    a second one (``units``), created and dropped with it."""

    def __init__(self, client: chromadb.ClientAPI, collection_name: str) -> None:
        self.client = client
        self.collection = client.get_or_create_collection(
            collection_name, metadata={"hnsw:space": "cosine"}, embedding_function=None
        )
        self.vector_store = ChromaVectorStore(chroma_collection=self.collection)
        self.units = UnitStore(client, collection_name)

    def add(self, chunks: Sequence[Chunk], vectors: Sequence[list[float]]) -> None:
        nodes: list[BaseNode] = [chunk_node(chunk, vector) for chunk, vector in zip(chunks, vectors, strict=True)]
        for start in range(0, len(nodes), ADD_BATCH):
            self.vector_store.add(nodes[start : start + ADD_BATCH])

    def delete(self, chunk_ids: Sequence[str]) -> None:
        for start in range(0, len(chunk_ids), ADD_BATCH):
            self.collection.delete(ids=list(chunk_ids[start : start + ADD_BATCH]))

    def ids(self) -> set[str]:
        return set(self.collection.get(include=[])["ids"])

    def nodes(self) -> list[TextNode]:
        if not self.collection.count():
            return []
        # Every node this store adds is a TextNode (``chunk_node``); the vector store returns them as BaseNode.
        return [node for node in self.vector_store.get_nodes(node_ids=None) if isinstance(node, TextNode)]

    def vectors(self, chunk_ids: set[str]) -> tuple[list[str], np.ndarray]:
        """The listed chunks' ids (sorted) and vectors as one float32 matrix, for exact in-memory search."""
        if not chunk_ids or not self.collection.count():
            return [], np.zeros((0, 0), dtype=np.float32)
        data = self.collection.get(include=["embeddings"])
        embeddings = _embeddings(data)
        rows = sorted((cid, vector) for cid, vector in zip(data["ids"], embeddings, strict=True) if cid in chunk_ids)
        return [cid for cid, _ in rows], np.asarray([vector for _, vector in rows], dtype=np.float32)

    def generation(self) -> int:
        """The generation last committed to this collection (0 when none was recorded)."""
        metadata = self.client.get_collection(self.collection.name).metadata or {}
        return int(metadata.get(GENERATION_KEY, 0))

    def set_generation(self, generation: int) -> None:
        # modify() replaces the metadata; the cosine space lives in the collection's configuration.
        self.collection.modify(metadata={GENERATION_KEY: generation})

    def drop(self) -> None:
        self.client.delete_collection(self.collection.name)
        self.units.drop()


class UnitStore:
    """Evidence units and their vectors in a second Chroma collection beside the chunks' one.

    Units are never queried through Chroma: the index keeps all unit vectors in memory as one matrix
    (:class:`index.units.UnitVectors`), so this store only adds, deletes and loads.
    """

    def __init__(self, client: chromadb.ClientAPI, chunk_collection: str) -> None:
        self.client = client
        self.collection = client.get_or_create_collection(
            unit_collection_name(chunk_collection), metadata={"hnsw:space": "cosine"}, embedding_function=None
        )

    def add(self, units: Sequence[EvidenceUnit], vectors: Sequence[list[float]]) -> None:
        for start in range(0, len(units), ADD_BATCH):
            part = units[start : start + ADD_BATCH]
            self.collection.upsert(
                ids=[unit.unit_id for unit in part],
                embeddings=np.asarray(vectors[start : start + ADD_BATCH], dtype=np.float32),
                documents=[unit.text for unit in part],
                metadatas=[_unit_metadata(unit) for unit in part],
            )

    def delete(self, unit_ids: Sequence[str]) -> None:
        for start in range(0, len(unit_ids), ADD_BATCH):
            self.collection.delete(ids=list(unit_ids[start : start + ADD_BATCH]))

    def ids(self) -> set[str]:
        return set(self.collection.get(include=[])["ids"])

    def load(self, unit_ids: set[str]) -> tuple[list[EvidenceUnit], np.ndarray]:
        """The listed units (others are skipped) and their vectors as one float32 matrix, row per unit."""
        if not unit_ids or not self.collection.count():
            return [], np.zeros((0, 0), dtype=np.float32)
        data = self.collection.get(include=["documents", "metadatas", "embeddings"])
        columns = (
            data["ids"],
            _requested(data["documents"], "documents"),
            _requested(data["metadatas"], "metadatas"),
            _embeddings(data),
        )
        rows = [
            (_unit(unit_id, text, metadata), vector)
            for unit_id, text, metadata, vector in zip(*columns, strict=True)
            if unit_id in unit_ids
        ]
        rows.sort(key=lambda row: (row[0].chunk_id, row[0].position))
        matrix = np.asarray([vector for _, vector in rows], dtype=np.float32)
        return [unit for unit, _ in rows], matrix

    def drop(self) -> None:
        self.client.delete_collection(self.collection.name)


def remove_dropped_segments(path: Path) -> int:
    """Remove the folders of the vector segments that no collection of the embedded store at ``path`` holds any more,
    and return how many. Chroma deletes a dropped collection from its catalogue but leaves its segment's folder on
    disk (chroma-core/chroma issues 1309 and 5520): every rebuild of the index (a new chunker version) left two
    folders of the old generation's vectors behind. The live segments are read from the store's catalogue (the
    "segments" table of chroma.sqlite3); when it cannot be read, as a Chroma version with another catalogue may make
    it, nothing is removed."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path / 'chroma.sqlite3'}?mode=ro", uri=True)) as catalogue:
            live = {str(row[0]) for row in catalogue.execute("SELECT id FROM segments")}
    except sqlite3.Error as error:
        log.warning("left the dropped collections' folders in %s: cannot read its catalogue (%s)", path, error)
        return 0
    dropped = [f for f in path.iterdir() if f.is_dir() and _SEGMENT_FOLDER.fullmatch(f.name) and f.name not in live]
    for folder in dropped:
        shutil.rmtree(folder, ignore_errors=True)
    return len(dropped)


def unit_collection_name(chunk_collection: str) -> str:
    return f"{chunk_collection}-units"


def _unit_metadata(unit: EvidenceUnit) -> dict[str, str | int]:
    return {
        "chunk_id": unit.chunk_id,
        "kind": unit.kind,
        "start": unit.start,
        "end": unit.end,
        "position": unit.position,
        "lead_in": unit.lead_in,
    }


def _unit(unit_id: str, text: str, metadata: Mapping[str, Any]) -> EvidenceUnit:
    return EvidenceUnit(
        unit_id=unit_id,
        chunk_id=str(metadata["chunk_id"]),
        kind=metadata["kind"],
        text=text,
        start=int(metadata["start"]),
        end=int(metadata["end"]),
        position=int(metadata["position"]),
        lead_in=str(metadata.get("lead_in", "")),
    )



def _embeddings(data: GetResult) -> np.ndarray:
    """The vectors of a ``get`` that included them, one float32 row each."""
    return np.asarray(_requested(data["embeddings"], "embeddings"), dtype=np.float32)


_T = TypeVar("_T")


def _requested(values: _T | None, field: str) -> _T:
    """A field the ``get`` call included: Chroma's result type leaves every field optional."""
    if values is None:
        raise RuntimeError(f"Chroma returned no {field} although they were requested")
    return values
