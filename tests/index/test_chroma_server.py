"""The index against a real Chroma server (``chroma run``), as when several app processes share one index."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tests.index.test_corpus_index import SMALL_DOCS, write_small_corpus

pytestmark = pytest.mark.server

CHROMA = Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_heartbeat(url: str, process: subprocess.Popen, log: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chroma server exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"chroma server not ready after {timeout} s:\n{log.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    assert CHROMA.is_file(), f"chroma executable not found at {CHROMA}"
    folder = tmp_path_factory.mktemp("chroma-server")
    port = _free_port()
    log = folder / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(CHROMA), "run", "--path", str(folder / "db"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_heartbeat(f"http://127.0.0.1:{port}/api/v2/heartbeat", process, log)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def test_index_in_a_chroma_server(chroma_server, tmp_path):
    import chromadb

    from index import CorpusIndex
    from index.store import unit_collection_name

    folder = write_small_corpus(tmp_path / "docs")
    settings = make_settings(
        tmp_path / "data", chroma_mode="server", chroma_host="127.0.0.1", chroma_port=chroma_server
    )

    index = CorpusIndex.open(settings)
    report = index.update([folder])

    assert sorted(report.added) == sorted(SMALL_DOCS)
    assert not (settings.index_dir / "chroma").exists(), "server mode must not create an embedded store"
    server = chromadb.HttpClient(host="127.0.0.1", port=chroma_server)
    collection = server.get_collection(index.manifest.collection)
    assert set(collection.get(include=[])["ids"]) == index.manifest.chunk_ids()
    units = server.get_collection(unit_collection_name(index.manifest.collection))
    assert set(units.get(include=[])["ids"]) == index.manifest.unit_ids() != set()

    hits = index.retriever.dense("Hvad sker der ved overleveringssamtalen før skolestart?", k=3)
    assert hits[0].passage.doc_id == "skolestart.txt"
    assert index.retriever.hybrid("sundhedsplejerskens hjemmebesøg", k=3)[0].passage.doc_id == "sundhedspleje.txt"

    # a second process (here: a second open) sees the same index through the server
    reopened = CorpusIndex.open(settings)
    assert set(reopened.passages) == set(index.passages)
    assert reopened.retriever.dense("Hvad sker der ved overleveringssamtalen før skolestart?", k=3)[0].passage.chunk_id == (
        hits[0].passage.chunk_id
    )
    assert reopened.units == index.units
    vector = reopened.retriever.embed_query("Hvornår følger kommunen op på skolestarten?")
    unit_ids = [u.unit_id for chunk_units in reopened.units.values() for u in chunk_units]
    similarities = reopened.unit_similarities(vector, unit_ids)
    best = max(similarities, key=similarities.get)
    assert "tre måneder" in next(u.text for cu in reopened.units.values() for u in cu if u.unit_id == best)
    again = reopened.update([folder])
    assert sorted(again.unchanged) == sorted(SMALL_DOCS)
    assert again.chunks_embedded == again.units_embedded == 0

    # a removal goes through the server too
    removed = set(reopened.manifest.documents["dagpleje.md"].chunk_ids)
    removed_units = set(reopened.manifest.documents["dagpleje.md"].unit_ids)
    assert reopened.remove_document("dagpleje.md")
    assert not removed & set(server.get_collection(reopened.manifest.collection).get(include=[])["ids"])
    assert removed_units and not removed_units & set(units.get(include=[])["ids"])
    assert not removed & set(reopened.units)
