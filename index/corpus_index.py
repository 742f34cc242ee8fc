"""The searchable index of all documents: open it, update it incrementally, search it.

Incremental rules (the manifest records document hashes, chunk and unit ids, embedding model and chunking):
unchanged documents embed nothing; a changed document's chunks and evidence units are replaced; a removed
document's chunks and units are deleted; a different model or chunking builds new Chroma collections from
scratch (vectors never mix) and switches over only when they are complete. New chunks are added before the
manifest names them and old ones deleted after, and retrieval serves only what the manifest names, so an
ingest killed at any point leaves the previous index usable; the next run finishes the work.

Several processes (app workers, the command line) may share one index: one writes at a time (see
``index.writer``), every commit bumps the manifest's generation, and each process reloads its search
state when it sees a newer one (:meth:`CorpusIndex.sync`, cheap and at most once per second).

Example::

    index = CorpusIndex.open(settings)
    report = index.update([Path("corpus")])
    index.sync()  # picks up what other processes committed since
    index.retriever.hybrid("Hvad gør Holstebro for nye forældre?", k=5)
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from llama_index.core.schema import TextNode

from ingest.cases import CaseExample
from ingest.loaders import UnreadableFile
from ingest.pipeline import PreparedDocument, SourceFile, discover, prepare, read
from ingest.types import DocumentInfo, EvidenceUnit, IncompleteFile, SkippedFile
from ingest.units import split_units
from index.bm25 import build_bm25, load_bm25, save_bm25
from index.embedding_cache import EmbeddingCache
from index.embeddings import Embedder, make_embedder
from index.manifest import MANIFEST_FILE, PENDING_FILE, DocumentEntry, Manifest
from index.retrieval import FusionSettings, Passage, Retriever
from index.store import STORE_FORMAT, ChunkStore, StoreError, chroma_client, embedded_path, remove_dropped_segments
from index.units import UnitVectors
from index.vectors import VectorMatrix
from index.writer import WriterLock
from tidlig.settings import Settings

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)
SYNC_INTERVAL_S = 1.0  # how often a reader checks for another process's commit


@dataclass
class UpdateReport:
    """What an update did; ``skipped`` carries a Danish reason per file, ``incomplete`` a Danish note per file
    indexed but not whole (scanned pages, removed CPR numbers)."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    incomplete: list[IncompleteFile] = field(default_factory=list)
    chunks_embedded: int = 0
    units_embedded: int = 0
    unit_seconds: float = 0.0  # splitting, embedding and storing the units
    seconds: float = 0.0


@dataclass(frozen=True)
class IndexState:
    """Everything a search reads, built together and swapped in with one assignment, so a concurrent
    question sees either the old index or the new one, never a mix."""

    manifest: Manifest
    store: ChunkStore
    passages: Mapping[str, Passage]
    unit_vectors: UnitVectors
    retriever: Retriever


@dataclass(frozen=True)
class DocumentSummary:
    info: DocumentInfo
    chunks: int
    cases: int
    source: str


class CorpusIndex:
    def __init__(
        self, settings: Settings, embedder: Embedder, fusion: FusionSettings = FusionSettings(), writer: WriterLock | None = None
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.fusion = fusion
        self.dir = settings.index_dir
        self.dir.mkdir(parents=True, exist_ok=True)
        self._client = chroma_client(settings)
        self._writer = writer or WriterLock(self.dir)
        self._reload_lock = threading.Lock()
        self._checked = time.monotonic()
        self._seen = self._manifest_signature()
        manifest = Manifest.load(self.dir / MANIFEST_FILE) or Manifest(self._config())
        self._state = self._build_state(manifest, self._store_for(manifest))

    @classmethod
    def open(
        cls, settings: Settings, fusion: FusionSettings = FusionSettings(), writer: WriterLock | None = None
    ) -> CorpusIndex:
        """``writer`` sets how a write waits for another process's (default: up to ``index.writer.WAIT_S``)."""
        return cls(settings, make_embedder(settings), fusion, writer)

    # ---- reading -------------------------------------------------------------------------------

    @property
    def manifest(self) -> Manifest:
        return self._state.manifest

    @property
    def passages(self) -> Mapping[str, Passage]:
        return self._state.passages

    @property
    def retriever(self) -> Retriever:
        return self._state.retriever

    @property
    def generation(self) -> int:
        """Grows by one with every committed change, made by this process or another."""
        return self._state.manifest.generation

    @property
    def collection_name(self) -> str:
        return self._state.store.collection.name

    @property
    def is_empty(self) -> bool:
        return not self.passages

    @property
    def units(self) -> Mapping[str, tuple[EvidenceUnit, ...]]:
        """Evidence units by chunk id, in order (sentences, list items, table rows)."""
        return self._state.unit_vectors.by_chunk

    def unit_similarities(self, query_vector: Sequence[float], unit_ids: Iterable[str]) -> dict[str, float]:
        """Cosine similarity of the query vector (``retriever.embed_query``) to each listed unit; unknown
        ids are left out."""
        return self._state.unit_vectors.similarities(query_vector, unit_ids)

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

    def opening(self, doc_id: str, count: int) -> list[Passage]:
        """The first ``count`` passages of a document, in reading order (none for a document not indexed)."""
        state = self._state
        entry = state.manifest.documents.get(doc_id)
        ids = entry.chunk_ids[:count] if entry is not None else []
        return [state.passages[i] for i in ids if i in state.passages]

    def surrounding(self, chunk_id: str, before: int = 1, after: int = 1) -> list[Passage]:
        """The passage with its neighbours in the document ("vis mere" in the app)."""
        state = self._state
        passage = state.passages[chunk_id]
        ids = state.manifest.documents[passage.doc_id].chunk_ids
        position = ids.index(chunk_id)
        return [state.passages[i] for i in ids[max(0, position - before) : position + after + 1] if i in state.passages]

    def sync(self, force: bool = False) -> bool:
        """Reload the search state if another process committed a newer generation; True if it did.

        Cheap enough to call before every question: at most once per ``SYNC_INTERVAL_S`` it stats the
        manifest (embedded Chroma) or reads the collection's metadata (Chroma server).
        """
        now = time.monotonic()
        if not force and now - self._checked < SYNC_INTERVAL_S:
            return False
        self._checked = now
        if not self._newer_generation_committed():
            return False
        with self._reload_lock:
            manifest = Manifest.load(self.dir / MANIFEST_FILE)
            if manifest is None or manifest.generation <= self.generation:
                return False
            log.info("index generation %d -> %d (changed by another process): reloading", self.generation, manifest.generation)
            try:
                state = self._build_state(manifest, self._store_for(manifest))
            except StoreError as error:
                # The read met another process's commit half done (Chroma: "Error finding id" for a record the
                # manifest read still lists): the whole state this process has stays, and the next sync reads again.
                log.warning(
                    "reloading generation %d failed (%s): keeping generation %d until the next sync",
                    manifest.generation, error, self.generation,
                )
                self._seen = None
                return False
            self._state = state
        return True

    def missing(self, paths: Sequence[Path]) -> list[str]:
        """Documents in the index whose file is not under ``paths`` (what a full sync would remove)."""
        sources, skipped = discover(paths)
        present = {source.path.name for source in sources} | {item.path.name for item in skipped}
        return sorted(set(self.manifest.documents) - present)

    # ---- writing -------------------------------------------------------------------------------

    def update(
        self, paths: Sequence[Path], progress: ProgressCallback | None = None, remove: Collection[str] = ()
    ) -> UpdateReport:
        """Add or replace the documents under ``paths``, then remove the documents named in ``remove``.

        Nothing else is removed: a full sync passes ``remove=index.missing(paths)`` after asking.
        """
        started = time.perf_counter()
        report = UpdateReport()
        sources, report.skipped = discover(paths)
        with self._writing():
            target, store = self._target()
            cache = EmbeddingCache(self.settings.embedding_cache)
            try:
                for number, source in enumerate(sources, 1):
                    if progress:
                        progress(source.path.name, number - 1, len(sources))
                    self._update_document(source, target, store, cache, report)
                for doc_id in sorted(set(remove) & set(target.documents)):
                    self._remove(doc_id, target, store)
                    report.removed.append(doc_id)
                swept = self._sweep_orphans(target, store)
                if report.added or report.replaced or report.removed or swept or target.config != self.manifest.config:
                    self._commit(target, store)
            finally:
                cache.close()
        if progress:
            progress("", len(sources), len(sources))
        report.seconds = time.perf_counter() - started
        return report

    def remove_document(self, doc_id: str) -> bool:
        with self._writing():
            if doc_id not in self.manifest.documents:
                return False
            target = self.manifest.copy()
            self._remove(doc_id, target, self._state.store)
            self._commit(target, self._state.store)
        return True

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the one-writer lock, working from what other processes committed before it."""
        with self._writer.hold():
            self.sync(force=True)
            yield

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
            # Split before anything is stored: a unit the splitter cannot read skips this file, not the run.
            units = [unit for chunk in prepared.chunks for unit in split_units(chunk.chunk_id, chunk.text, chunk.block.kind, chunk.heading)]
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
        # Units are embedded alone (with a list item's lead-in). Measured on train (calibrate objective):
        # prefixing each unit with its nearest heading ("CASE #3 ... (Aarhus Kommune): <sentence>") gave
        # 0.854 with the default fusion against 0.862 alone (best of the sweep 0.873 / 0.872), for longer
        # texts to embed on every ingest: not used.
        store.units.add(units, cache.embed(self.embedder, [unit.search_text for unit in units]))
        report.units_embedded += len(units)
        report.unit_seconds += time.perf_counter() - started
        target.documents[doc_id] = entry = _entry(prepared, units)
        self._save(target)
        if previous:
            store.delete(sorted(set(previous.chunk_ids) - set(entry.chunk_ids)))
            store.units.delete(sorted(set(previous.unit_ids) - set(entry.unit_ids)))
        (report.replaced if previous else report.added).append(doc_id)
        report.incomplete += [IncompleteFile(source.path, note) for note in document.notes]
        log.info("indexed %s: %d chunks, %d units", doc_id, len(prepared.chunks), len(units))

    def _remove(self, doc_id: str, target: Manifest, store: ChunkStore) -> None:
        entry = target.documents.pop(doc_id)
        self._save(target)
        store.delete(entry.chunk_ids)
        store.units.delete(entry.unit_ids)
        log.info("removed %s from the index", doc_id)

    def _target(self) -> tuple[Manifest, ChunkStore]:
        """A copy of the manifest to write and its store: the current ones, or a new build when the
        config changed. Readers keep using the current state until the commit swaps it."""
        config = self._config()
        if self.manifest.config == config:
            return self.manifest.copy(), self._state.store
        pending = Manifest.load(self.dir / PENDING_FILE)
        target = pending if pending and pending.config == config else Manifest(config)
        target.generation = self.generation
        log.info("embedding model or chunking changed: building collection %s", self._name(target))
        return target, self._store_for(target)

    def _save(self, target: Manifest) -> None:
        target.save(self.dir / (MANIFEST_FILE if target.config == self.manifest.config else PENDING_FILE))

    def _sweep_orphans(self, target: Manifest, store: ChunkStore) -> int:
        """Delete chunks and units no manifest names (added by a run killed before it recorded them).

        Safe only under the writer lock with ``target`` fresh from disk: another process's chunks are
        then always named by the manifest, or that process is dead.
        """
        orphans = sorted(store.ids() - target.chunk_ids())
        unit_orphans = sorted(store.units.ids() - target.unit_ids())
        if orphans or unit_orphans:
            log.info("deleting %d orphaned chunks and %d orphaned units", len(orphans), len(unit_orphans))
            store.delete(orphans)
            store.units.delete(unit_orphans)
        return len(orphans) + len(unit_orphans)

    def _commit(self, target: Manifest, store: ChunkStore) -> None:
        target.generation = self.generation + 1
        nodes = store.nodes()
        chunk_ids = target.chunk_ids()
        if nodes:
            save_bm25(build_bm25([n for n in nodes if n.node_id in chunk_ids]), chunk_ids, self.dir)
        target.save(self.dir / MANIFEST_FILE)
        store.set_generation(target.generation)
        old = self._state.store
        if target.config != self.manifest.config:
            (self.dir / PENDING_FILE).unlink(missing_ok=True)
        self._state = self._build_state(target, store, nodes)
        self._seen = self._manifest_signature()
        if old.collection.name != store.collection.name:
            old.drop()
            if self.settings.chroma_mode == "embedded" and (removed := remove_dropped_segments(embedded_path(self.settings))):
                log.info("removed %d folders of dropped collections", removed)
        log.info("committed index generation %d (%d documents)", target.generation, len(target.documents))

    def _build_state(self, manifest: Manifest, store: ChunkStore, nodes: list[TextNode] | None = None) -> IndexState:
        """Passages and units (only those the manifest lists) and BM25, restored from disk or rebuilt when stale."""
        chunk_ids = manifest.chunk_ids()
        if nodes is None:
            nodes = store.nodes() if chunk_ids else []
        passages = {n.node_id: Passage(n.node_id, n.text, dict(n.metadata)) for n in nodes if n.node_id in chunk_ids}
        unit_vectors = UnitVectors(*store.units.load(manifest.unit_ids()))
        bm25 = None
        if passages:
            bm25 = load_bm25(self.dir, set(passages))
            if bm25 is None:
                log.info("BM25 index missing or stale: rebuilding it")
                bm25 = build_bm25([n for n in nodes if n.node_id in passages])
                self._writer.if_free(lambda: save_bm25(bm25, set(passages), self.dir))
        vectors = VectorMatrix(*store.vectors(set(passages)))
        retriever = Retriever(self.embedder, vectors, bm25, passages, self.fusion, unit_vectors)
        return IndexState(manifest, store, passages, unit_vectors, retriever)

    def _newer_generation_committed(self) -> bool:
        if self.settings.chroma_mode == "server":
            try:
                return self._state.store.generation() > self.generation
            except Exception:  # the collection was replaced by a rebuild elsewhere: the manifest knows
                log.info("collection %s is gone: reading the manifest", self.collection_name)
                return True
        signature = self._manifest_signature()
        changed, self._seen = signature != self._seen, signature
        return changed

    def _manifest_signature(self) -> tuple[int, int, int] | None:
        try:
            stat = (self.dir / MANIFEST_FILE).stat()
        except FileNotFoundError:
            return None
        return stat.st_ino, stat.st_mtime_ns, stat.st_size

    def _store_for(self, manifest: Manifest) -> ChunkStore:
        return ChunkStore(self._client, self._name(manifest))

    def _name(self, manifest: Manifest) -> str:
        return manifest.collection_name(self.settings.chroma_collection)

    def _config(self) -> dict[str, object]:
        return {
            "embedding_model": self.embedder.model_id,
            "chunk_max_tokens": self.settings.chunk_max_tokens,
            "chunk_overlap_sentences": self.settings.chunk_overlap_sentences,
            "chunker_version": CHUNKER_VERSION,
            "store_format": STORE_FORMAT,
        }


# Bump when cleaning, structure, chunking or unit splitting code changes what comes out, to force a rebuild.
# 2: evidence units. 3: table rows one per line, naming their year columns. 4: a page per chunk (PDF layout).
# 5: a heading is never two sentences (a tab-justified list item lost its figure).
# 6: a block's first chunk opens with the headings printed above it (case titles, section titles, captions).
# 7: a lead-in line of its own, or a paragraph after an unpunctuated bullet, is a unit apart from the item before it.
# 8: a source note ("Kilde: ...") or a web address after a sentence is a sentence of its own.
# 9: a capitalised lead-in line starts its list after an unpunctuated line that does not run on into it.
# 10: any capitalised one-line title without closing punctuation introduces the list under it.
# 11: "pr." is an abbreviation: "Pr. 1. januar 2019 havde ..." is one sentence.
# 12: chart labels, titles and source lines the block sets apart after a list stay apart in the chunk (no
#     longer the list's last item), a title in capitals after a bullet's finished sentence ends the item,
#     and a text in capitals is a fragment.
# 13: a quoted statement after a list is no part of its last item; a flow chart's arrow lines still are.
# 14: footnote references glued to a word ("sprogvanskeligheder20.") are dropped; "min." is an abbreviation
#     ("af min. 18 måneders varighed"), and so are months ("nov. 2014"); "osv." before a capitalised
#     function word ends its sentence; a list that fits in a chunk is not cut between two (when a
#     quarter of a chunk stays behind), and a bullet's explanation on a line of its own does not end its list.
# 15: a title a chunk opens with (its heading's last line) is the lead-in of a list right under it.
# 16: Word list paragraphs carry the marker Word shows ("1.", "a)", "iv)") instead of "- " for all, so the
#     text of every DOCX changes; "A) x" and "iv) x" lines are list items too.
# 17: an item of a nested list (a Word list's deeper level, a Markdown item indented by two spaces) keeps
#     two spaces of indentation per level in the chunk text, so a DOCX with nested lists reads anew.
# 18: a flattened chart's values printed after two or more of its labels stand on a row of their own, no
#     longer joined to the last label (the KL report's figures 3 and 6).
# 19: a list item's evidence unit ends after its one line of explanation; the prose under the list is sentences.
# 20: a Word list nested only by paragraph indentation is nested by it; a bullet typed in a list paragraph is its marker (not "- • x").
# 21: a paragraph keeps the line breaks its cleaning kept, and a slide's lines are reflowed at the slide's
#     width: a slide title is no longer run into its first unbulleted line ("... de seneste 5 år Minimumsnormeringer ...").
# 22: a slide title over a sentence is a unit of its own, no longer the first words of the sentence's unit.
# 23: lettered points ("A. ...", "B. ...") keep their line breaks however wide the line before.
# 24: a title line under a finished list item starts a unit of its own, no longer the item's explanation.
# 25: a full stop inside an editor's insertion in square brackets ("[til at arbejde ... grupper. Red.]") ends no sentence.
# 26: a title that asks ("Hvor mange kommuner bruger ...?") is the lead-in of the list right under it.
# 27: a full stop at the end of a line ends its sentence before a capitalised line, after an abbreviation
#     too ("... støtte til madlavning mv." / "Aalborg Kommunes investering ...").
# 28: two or more lines that define a term each ("Strukturel støtte: Tiltag, der ...") are the items of a list.
# 29: on a slide, a capitalised line whose first word would have fitted is a line of its own (bullets that
#     lost their markers), unless the line before ends mid-sentence or with a name.
# 30: a footnote broken by a page is joined with its rest at the top of the next page's footnote area;
#     bare link targets repeating a note's link are dropped.
# 31: numbered points run on inline ("1) at ..., og 2) at ...") are one line, so one list item, each.
# 32: a slide's numbered first point never titles the slide; its lead-in title does.
# 33: a source note ("Kilde: ...") runs to the end of its paragraph: the titles it cites are no sentences.
# 34: a chart flattened to short label lines is a list under the chart's title, also a title after it.
# 35: a report's chart flattened to its labels, then as many values of one kind, is the chart's list of
#     label: value items; a series' values are named by the legend columns printed before the series' name.
# 36: a chart's axis among its labels (five or more numbers in a row) makes the text a fragment, no sentence.
# 37: a table row's label loses the footnote reference its joined lines glue on ("Sociale normeringer2"),
#     and a row with one value too many loses the raised note number among them ("805.000 | 4 | - | -").
# 38: a page's footnotes are searched with what those that add to the text (not those citing a source)
#     annotate ("note 3 til »Socialrådgivere i dagtilbud«").
# 39: each footnote of a page's footnotes is a paragraph of its own, so a note without a full stop does not
#     run into the next as one sentence.
# 40 -> 41: a list item carries the last two sentences of its lead-in paragraph, not the whole paragraph.
# 42: a source note or attribution glued after a list item ("... -Danmarks Evalueringsinstitut: ”...” 2022") is a
#     unit of its own, not part of the item.
# 43: a "Læs mere:" pointer is one piece to its paragraph's end (debris), so a cited subtitle ("Opsporingsmodellens
#     implementering og effekter.") is no sentence of its own; a web address broken at its own hyphen is joined
#     without a space, and a line ending in one is not continued by the next paragraph (main text resuming after
#     a box was glued to the box's "Læs mere: http://..."); a timeline's months are a fragment; "Adm." is an
#     abbreviation.
# 44: a numbered footnote citing a work is one piece ("8 SFI (2008): … Resultater fra SFI's forløbsundersøgelse …").
# 45: presenter notes glued paragraph to paragraph are split again; 46: a date's day ends no sentence.
# 47: a numbered footnote naming its source before a colon ("14 SFI: ...") or dating it by an abbreviated month
#     ("15 KL analyse, nov. 2014 ...") cites a source: never a sentence, nor a note a passage is searched with.
# 48: a slide's line above a short lead-in is a sentence of its own. 49: a PDF's margin line on every page with
#     text of a short document (two pages) is a running header, not the first paragraph of each page.
# 50: a PDF's table (pieces standing apart as cells, aligned over two rows or more) is rows of " | "-separated
#     cells, one block, like a Word table: each row is a unit carrying the header row.
# 51: a noun in "-itet" is its own stem for BM25 ("kvalitet" and "kvaliteten" one term, not "kvalit" and "kvalitet").
# 52: a noun in "-et" that doubles its t before an ending has one stem ("budget", "budgettet", "budgetter").
# 53: a line of ten words or more under a stack of a slide's diagram labels is a unit of its own, not their last words.
# 54: a PDF's titles set larger than its text are headings (sections, and no list item "1. Formål"); a PDF
#     table row whose cells wrap is one row; running headers of left and right pages are dropped; any common
#     bullet glyph opens a list item; ligatures are letters; a Word file's content controls, tracked
#     insertions, fields' results and nested tables are read, its table of contents is not.
# 55: a Word table row with an empty edge cell stays a row; a two-row header under merged cells is one header;
#     a Word paragraph set only in bold over text is a heading; hidden text (w:vanish) is not read; content
#     controls around table rows and cells are read.
# 56: a PDF piece ends where its font's glyph widths put it (table cells), a PDF's table of contents is left out,
#     a filled PDF form's values are read beside their labels, text drawn bottom-up reads top to bottom, a title
#     the file marks keeps the text under it; Word: a row of one cell over all columns stays in its table,
#     custom heading styles take their outline level and numbered headings keep their numbers, symbols and
#     check boxes read as shown, tab-separated runs are tables, a Title paragraph titles an untitled file.
# 57: a form's labels and values (PDF or Word) read row by row as items, not as a table under its first row; a
#     flattened PDF form's values stand beside their labels; a body-size bold title over a PDF table heads it; a
#     Word table whose first row is no header has an empty one; Word list numbers in table cells are shown; a
#     Word file without a title is titled by the heading that opens it.
# 58: an adjective in "-isk" has its noun's stem ("motorisk" and "motorik"), in the lexical index's terms too.
# 59: the verb "tale" (speak) has a stem of its own, not that of "tal" (number).
# 60: a PDF margin line counting the pages beside other text is a footer, a superscript footnote reference is
#     glued to its word, and a table's header row repeated after a page break is no row (the bundled text
#     exports read the same).
# 61: the nouns of a small child's signs have their verbs' stems ("gråd" and "græder", "søvn" and "sover").
# 62: a strong verb's past forms have its present's stem ("anbragt" and "anbringelse").
# 63: a file without a catalog entry or a stated publisher is published by the municipality its title block names.
# 64: the teacher's plural and definite forms ("lærerne") have a stem apart from the verb "lære" (learn).
# 65: a PDF table's header whose cells wrap is its first row, a full row goes on in its cells' wrapped lines, and
#     a column of figures set flush right aligns on its ends.
# 66: (a reverted change; not used again)
# 67: a PDF line set larger than its page's text but not than the document's is no heading (a page filled by a table
#     in small print had turned the paragraph under it into one).
# 68: a name of two capitalised words joined by "og" ("anbefaler Analyse og Udvikling, at ...") does not end a heading
#     run into its sentence.
# 69: a file that marks its headings (Word styles, a PDF's larger print) has no heading run into a sentence, and a
#     PDF title wrapped over lines is one heading however long its first line.
# 70: a PDF table row whose short cells stand in the middle of its taller cells (fpdf2's default) is one row.
# 71: (a change tried and narrowed; not used again)
# 72: the noun "snak" (a talk) has the stem of "samtale" (a conversation), in the lexical index's terms too.
# 73: a PDF page's first or last line in its top or bottom 15 % may be a running header or footer.
# 74: (a change tried and not kept)
# 75: a PDF title set smaller than the section titles standing on two pages or more is a subsection's ("###").
# 76: (a change tried and reworked as 77)
# 77: a table's caption ("Tabel 1. ...") right above it is the table's own, in its heading context and metadata; not
#     a title heading the text after the table, nor text of its own.
# 78: a hyphenated compound whose last part's stem is set by hand has that stem ("bamse-snak" as "bamse-samtale").
# 79: "kr." and "pct." end a sentence before a capitalised function word ("... 1,2 mio. kr. I projektperioden ...").
# 80: a check mark, a box to tick or a chevron opens a list item ("✓ Du har ret til ...", "□ Få login til Aula").
CHUNKER_VERSION = 80


def _entry(prepared: PreparedDocument, units: Sequence[EvidenceUnit]) -> DocumentEntry:
    return DocumentEntry(
        info=prepared.document.info,
        sha256=prepared.document.sha256,
        chunk_ids=[chunk.chunk_id for chunk in prepared.chunks],
        source=str(prepared.document.path),
        cases=[asdict(case) for case in prepared.cases],
        unit_ids=[unit.unit_id for unit in units],
    )
