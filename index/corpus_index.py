"""The searchable index of all documents: open it, update it incrementally, search it.

Incremental rules (the manifest records document hashes, chunk and unit ids, embedding model and chunking):
unchanged documents embed nothing; a changed document's chunks and evidence units are replaced; a removed
document's chunks and units are deleted; a different model or chunking builds a new Chroma collection from scratch (vectors never mix)
and switches over only when it is complete. New chunks are added before the manifest names them and old
ones deleted after, and retrieval serves only what the manifest names, so an ingest killed at any point
leaves the previous index usable; the next run finishes the work.

Example::

    index = CorpusIndex.open(settings)
    report = index.update([Path("corpus")])
    index.retriever.hybrid("Hvad gør Holstebro for nye forældre?", k=5)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from llama_index.core.schema import TextNode

from ingest.cases import CaseExample
from ingest.loaders import UnreadableFile
from ingest.pipeline import PreparedDocument, SourceFile, discover, prepare, read
from ingest.types import DocumentInfo, EvidenceUnit, SkippedFile
from ingest.units import split_units
from index.bm25 import build_bm25, load_bm25, save_bm25
from index.embedding_cache import EmbeddingCache
from index.embeddings import Embedder, make_embedder
from index.manifest import MANIFEST_FILE, PENDING_FILE, DocumentEntry, Manifest
from index.retrieval import FusionSettings, Passage, Retriever
from index.store import STORE_FORMAT, ChunkStore, chroma_client
from index.units import UnitVectors
from index.vectors import VectorMatrix
from tidlig.settings import Settings

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class UpdateReport:
    """What an update did; ``skipped`` carries a Danish reason per file."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    chunks_embedded: int = 0
    units_embedded: int = 0
    unit_seconds: float = 0.0  # splitting, embedding and storing the units
    seconds: float = 0.0


@dataclass(frozen=True)
class DocumentSummary:
    info: DocumentInfo
    chunks: int
    cases: int
    source: str


class CorpusIndex:
    def __init__(self, settings: Settings, embedder: Embedder, fusion: FusionSettings = FusionSettings()) -> None:
        self.settings = settings
        self.embedder = embedder
        self.fusion = fusion
        self.dir = settings.index_dir
        self.dir.mkdir(parents=True, exist_ok=True)
        self._client = chroma_client(settings)
        self.manifest = Manifest.load(self.dir / MANIFEST_FILE) or Manifest(self._config())
        self._store = ChunkStore(self._client, self.manifest.collection)
        self._load_search()

    @classmethod
    def open(cls, settings: Settings, fusion: FusionSettings = FusionSettings()) -> CorpusIndex:
        return cls(settings, make_embedder(settings), fusion)

    # ---- reading -------------------------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        return not self.passages

    @property
    def units(self) -> Mapping[str, tuple[EvidenceUnit, ...]]:
        """Evidence units by chunk id, in order (sentences, list items, table rows)."""
        return self._unit_vectors.by_chunk

    def unit_similarities(self, query_vector: Sequence[float], unit_ids: Iterable[str]) -> dict[str, float]:
        """Cosine similarity of the query vector (``retriever.embed_query``) to each listed unit; unknown
        ids are left out."""
        return self._unit_vectors.similarities(query_vector, unit_ids)

    @property
    def is_current(self) -> bool:
        """Built with the configured embedding model and chunking (else the next update rebuilds it)."""
        return self.manifest.config == self._config()

    def documents(self) -> list[DocumentSummary]:
        return [
            DocumentSummary(entry.info, len(entry.chunk_ids), len(entry.cases), entry.source)
            for entry in sorted(self.manifest.documents.values(), key=lambda e: e.info.doc_id)
        ]

    def case_examples(self) -> list[CaseExample]:
        return [CaseExample(**case) for entry in self.manifest.documents.values() for case in entry.cases]

    def surrounding(self, chunk_id: str, before: int = 1, after: int = 1) -> list[Passage]:
        """The passage with its neighbours in the document ("vis mere" in the app)."""
        passage = self.passages[chunk_id]
        ids = self.manifest.documents[passage.doc_id].chunk_ids
        position = ids.index(chunk_id)
        return [self.passages[i] for i in ids[max(0, position - before) : position + after + 1] if i in self.passages]

    # ---- writing -------------------------------------------------------------------------------

    def update(
        self, paths: Sequence[Path], progress: ProgressCallback | None = None, remove_missing: bool = True
    ) -> UpdateReport:
        """Bring the index in line with the files under ``paths``.

        With ``remove_missing`` documents no longer present are removed (a full sync of a corpus
        folder); without it the files are only added or replaced (an upload).
        """
        started = time.perf_counter()
        report = UpdateReport()
        sources, report.skipped = discover(paths)
        target, store = self._target()
        cache = EmbeddingCache(self.settings.embedding_cache)
        try:
            for number, source in enumerate(sources, 1):
                if progress:
                    progress(source.path.name, number - 1, len(sources))
                self._update_document(source, target, store, cache, report)
            if remove_missing:
                present = {source.path.name for source in sources} | {s.path.name for s in report.skipped}
                for doc_id in sorted(set(target.documents) - present):
                    self._remove(doc_id, target, store)
                    report.removed.append(doc_id)
            swept = self._sweep_orphans(target, store)
            if report.added or report.replaced or report.removed or swept or target is not self.manifest:
                self._commit(target, store)
        finally:
            cache.close()
        if progress:
            progress("", len(sources), len(sources))
        report.seconds = time.perf_counter() - started
        return report

    def remove_document(self, doc_id: str) -> bool:
        if doc_id not in self.manifest.documents:
            return False
        self._remove(doc_id, self.manifest, self._store)
        self._commit(self.manifest, self._store)
        return True

    def _update_document(
        self, source: SourceFile, target: Manifest, store: ChunkStore, cache: EmbeddingCache, report: UpdateReport
    ) -> None:
        doc_id = source.path.name
        previous = target.documents.get(doc_id)
        try:
            document = read(source, int(self.settings.max_file_mb * 1e6))
            if previous and previous.sha256 == document.sha256 and previous.info == document.info:
                report.unchanged.append(doc_id)
                return
            prepared = prepare(
                document, self.embedder.count_tokens, self.settings.chunk_max_tokens, self.settings.chunk_overlap_sentences
            )
        except UnreadableFile as reason:
            log.warning("skipped %s: %s", source.path, reason)
            report.skipped.append(SkippedFile(source.path, str(reason)))
            return
        except Exception as error:  # a bug on one odd file must not stop the others
            log.exception("failed to ingest %s", source.path)
            report.skipped.append(SkippedFile(source.path, f"uventet fejl under indlæsning ({type(error).__name__})"))
            return
        vectors = cache.embed(self.embedder, [chunk.search_text for chunk in prepared.chunks])
        store.add(prepared.chunks, vectors)
        report.chunks_embedded += len(prepared.chunks)
        started = time.perf_counter()
        units = [unit for chunk in prepared.chunks for unit in split_units(chunk.chunk_id, chunk.text, chunk.block.kind)]
        store.units.add(units, cache.embed(self.embedder, [unit.search_text for unit in units]))
        report.units_embedded += len(units)
        report.unit_seconds += time.perf_counter() - started
        target.documents[doc_id] = entry = _entry(prepared, units)
        self._save(target)
        if previous:
            store.delete(sorted(set(previous.chunk_ids) - set(entry.chunk_ids)))
            store.units.delete(sorted(set(previous.unit_ids) - set(entry.unit_ids)))
        (report.replaced if previous else report.added).append(doc_id)
        log.info("indexed %s: %d chunks, %d units", doc_id, len(prepared.chunks), len(units))

    def _remove(self, doc_id: str, target: Manifest, store: ChunkStore) -> None:
        entry = target.documents.pop(doc_id)
        self._save(target)
        store.delete(entry.chunk_ids)
        store.units.delete(entry.unit_ids)
        log.info("removed %s from the index", doc_id)

    def _target(self) -> tuple[Manifest, ChunkStore]:
        """The manifest and store to write: the current ones, or a new build when the config changed."""
        config = self._config()
        if self.manifest.config == config:
            return self.manifest, self._store
        pending = Manifest.load(self.dir / PENDING_FILE)
        target = pending if pending and pending.config == config else Manifest(config)
        log.info("embedding model or chunking changed: building collection %s", target.collection)
        return target, ChunkStore(self._client, target.collection)

    def _save(self, target: Manifest) -> None:
        target.save(self.dir / (MANIFEST_FILE if target is self.manifest else PENDING_FILE))

    def _sweep_orphans(self, target: Manifest, store: ChunkStore) -> int:
        """Delete chunks and units no manifest names (added by a run killed before it recorded them)."""
        orphans = sorted(store.ids() - target.chunk_ids())
        unit_orphans = sorted(store.units.ids() - target.unit_ids())
        if orphans or unit_orphans:
            log.info("deleting %d orphaned chunks and %d orphaned units", len(orphans), len(unit_orphans))
            store.delete(orphans)
            store.units.delete(unit_orphans)
        return len(orphans) + len(unit_orphans)

    def _commit(self, target: Manifest, store: ChunkStore) -> None:
        nodes = store.nodes()
        chunk_ids = target.chunk_ids()
        if nodes:
            save_bm25(build_bm25([n for n in nodes if n.node_id in chunk_ids]), chunk_ids, self.dir)
        target.save(self.dir / MANIFEST_FILE)
        if target is not self.manifest:
            (self.dir / PENDING_FILE).unlink(missing_ok=True)
            old = self._store
            self.manifest, self._store = target, store
            if old.collection.name != store.collection.name:
                old.drop()
        self._load_search(nodes)

    def _load_search(self, nodes: list[TextNode] | None = None) -> None:
        """Passages (only those the manifest lists) and BM25, restored from disk or rebuilt when stale."""
        chunk_ids = self.manifest.chunk_ids()
        if nodes is None:
            nodes = self._store.nodes() if chunk_ids else []
        self.passages = {n.node_id: Passage(n.node_id, n.text, dict(n.metadata)) for n in nodes if n.node_id in chunk_ids}
        self._unit_vectors = UnitVectors(*self._store.units.load(self.manifest.unit_ids()))
        bm25 = None
        if self.passages:
            bm25 = load_bm25(self.dir, set(self.passages))
            if bm25 is None:
                log.info("BM25 index missing or stale: rebuilding it")
                bm25 = build_bm25([n for n in nodes if n.node_id in self.passages])
                save_bm25(bm25, set(self.passages), self.dir)
        vectors = VectorMatrix(*self._store.vectors(set(self.passages)))
        self.retriever = Retriever(self.embedder, vectors, bm25, self.passages, self.fusion, self._unit_vectors)

    def _config(self) -> dict[str, object]:
        return {
            "embedding_model": self.embedder.model_id,
            "chunk_max_tokens": self.settings.chunk_max_tokens,
            "chunk_overlap_sentences": self.settings.chunk_overlap_sentences,
            "chunker_version": CHUNKER_VERSION,
            "store_format": STORE_FORMAT,
        }


# Bump when cleaning, structure, chunking or unit splitting code changes what comes out, to force a rebuild.
# 2: evidence units. 3: table rows one per line, naming their year columns.
CHUNKER_VERSION = 3


def _entry(prepared: PreparedDocument, units: Sequence[EvidenceUnit]) -> DocumentEntry:
    return DocumentEntry(
        info=prepared.document.info,
        sha256=prepared.document.sha256,
        chunk_ids=[chunk.chunk_id for chunk in prepared.chunks],
        source=str(prepared.document.path),
        cases=[asdict(case) for case in prepared.cases],
        unit_ids=[unit.unit_id for unit in units],
    )
