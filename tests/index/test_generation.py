"""Several processes on one index: every commit bumps the generation, and a reader that sees a newer one
reloads its search state in one step; a writer works from what others committed, never sweeping it.

Two ``CorpusIndex`` objects on one data folder stand for two processes (they share nothing in memory);
tests/app/test_multi_process.py does the same with real app processes.
"""

from __future__ import annotations

import time

import pytest

from tests.conftest import make_settings
from tests.index.test_corpus_index import SMALL_DOCS, stored_ids, write_small_corpus


@pytest.fixture
def two_processes(tmp_path):
    from index import CorpusIndex

    settings = make_settings(tmp_path / "data")
    return settings, CorpusIndex.open(settings), CorpusIndex.open(settings)


def test_a_commit_elsewhere_is_picked_up_in_one_step(two_processes, tmp_path):
    settings, writer, reader = two_processes
    folder = write_small_corpus(tmp_path / "docs", ("sundhedspleje.txt",))
    assert writer.generation == reader.generation == 0

    writer.update([folder])

    assert writer.generation == 1
    assert reader.is_empty
    assert reader.sync(force=True) is True  # noticed and reloaded
    assert reader.generation == 1
    assert set(reader.passages) == set(writer.passages) == reader.manifest.chunk_ids()
    assert reader.retriever.bm25("sundhedsplejersken", k=1)[0].passage.doc_id == "sundhedspleje.txt"
    assert reader.sync(force=True) is False  # nothing newer

    # an update that changes nothing commits nothing
    writer.update([folder])
    assert writer.generation == 1 and reader.sync(force=True) is False


def test_a_reload_that_meets_a_half_done_commit_keeps_the_state_and_reads_again_at_the_next_sync(two_processes, tmp_path, monkeypatch):
    """Chroma raised "Error finding id" in a reader whose reload read a record another process's commit was
    deleting; the search state it has is whole, so it keeps it and reloads at the next sync."""
    from chromadb.errors import InternalError

    from index.corpus_index import CorpusIndex

    settings, writer, reader = two_processes
    writer.update([write_small_corpus(tmp_path / "docs", ("sundhedspleje.txt",))])
    build = CorpusIndex._build_state

    def half_done(self, manifest, store, nodes=None):
        raise InternalError("Error executing plan: Internal error: Error finding id")

    monkeypatch.setattr(CorpusIndex, "_build_state", half_done)
    assert reader.sync(force=True) is False
    assert reader.generation == 0 and reader.is_empty  # the state it had, whole

    monkeypatch.setattr(CorpusIndex, "_build_state", build)
    assert reader.sync(force=True) is True and reader.generation == 1  # read again, though the manifest is unchanged


def test_the_check_runs_at_most_once_per_interval(two_processes, tmp_path):
    from index.corpus_index import SYNC_INTERVAL_S

    settings, writer, reader = two_processes
    reader.sync(force=True)
    writer.update([write_small_corpus(tmp_path / "docs", ("dagpleje.md",))])
    assert reader.sync() is False  # checked less than an interval ago
    time.sleep(SYNC_INTERVAL_S + 0.1)
    assert reader.sync() is True and reader.generation == 1


def test_a_stale_writer_keeps_what_another_process_added(two_processes, tmp_path):
    """Issue 13 item 5: the app's next upload deleted a CLI-added document's chunks as orphans."""
    settings, app, cli = two_processes
    app.update([write_small_corpus(tmp_path / "a", ("sundhedspleje.txt",))])
    cli.update([write_small_corpus(tmp_path / "b", ("dagpleje.md",))])  # app has not looked since
    cli_chunks = set(cli.manifest.documents["dagpleje.md"].chunk_ids)

    report = app.update([write_small_corpus(tmp_path / "c", ("skolestart.txt",))])

    assert report.added == ["skolestart.txt"] and not report.removed
    assert set(app.manifest.documents) == set(SMALL_DOCS)
    assert cli_chunks <= stored_ids(app) and cli_chunks <= set(app.passages)
    assert app.generation == 3
    assert cli.sync(force=True) and set(cli.manifest.documents) == set(SMALL_DOCS)


def test_remove_document_works_from_what_others_committed(two_processes, tmp_path):
    settings, app, cli = two_processes
    cli.update([write_small_corpus(tmp_path / "docs")])
    assert app.remove_document("dagpleje.md") is True  # app had never seen it: it looks first
    assert set(app.manifest.documents) == set(SMALL_DOCS) - {"dagpleje.md"}
    assert cli.sync(force=True) and "dagpleje.md" not in cli.manifest.documents
    assert not any(hit.passage.doc_id == "dagpleje.md" for hit in cli.retriever.hybrid("middagsluren i dagplejen", k=10))


def test_the_assistant_follows_the_generation(two_processes, tmp_path):
    from assistant import Assistant

    settings, app, cli = two_processes
    assistant = Assistant(app, settings)
    question = "Hvad kan være tegn på mistrivsel hos børn i dagplejen?"
    assert assistant.ask(question).refused  # the index is empty

    cli.update([write_small_corpus(tmp_path / "docs", ("dagpleje.md",))])
    time.sleep(1.1)
    answer = assistant.ask(question)

    assert not answer.refused, answer.text
    assert {citation.doc_id for citation in answer.citations} == {"dagpleje.md"}


def test_searches_keep_working_while_another_process_commits(two_processes, tmp_path):
    """Readers reload while searching in other threads: each search sees one whole state, never a mix."""
    import threading

    settings, writer, reader = two_processes
    folder = write_small_corpus(tmp_path / "docs", ("sundhedspleje.txt",))
    writer.update([folder])
    errors: list[BaseException] = []
    generations: set[int] = set()
    stop = threading.Event()

    def search() -> None:
        while not stop.is_set():
            try:
                reader.sync(force=True)
                state = reader._state  # one read: the retriever and passages of one generation
                generations.add(state.manifest.generation)
                for hit in state.retriever.hybrid("sundhedsplejersken i dagplejen og skolen", k=5):
                    assert hit.passage.chunk_id in state.passages
                    assert hit.passage.chunk_id in state.manifest.chunk_ids()
            except BaseException as error:  # reported by the main thread
                errors.append(error)
                return

    threads = [threading.Thread(target=search) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        for name in ("dagpleje.md", "skolestart.txt"):
            writer.update([write_small_corpus(tmp_path / name, (name,))])
        writer.remove_document("sundhedspleje.txt")
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == []
    assert reader.generation == writer.generation == 4
    assert len(generations) >= 2  # the readers did run across commits
    assert set(reader.manifest.documents) == {"dagpleje.md", "skolestart.txt"}
