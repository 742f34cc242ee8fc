"""Several real app processes (``python app.py``) on one index, as behind a load balancer, and the
command-line ingest next to a running app.

Each app sees the others' uploads and deletes through the index generation; nothing one process
commits is lost or swept by another. Timings are printed (run with ``-s`` to see them).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from tests import chroma_server as chroma
from tests.app.test_app_api import UPLOAD_QUESTION, UPLOAD_TEXT
from tests.conftest import ROOT
from tests.index.test_corpus_index import write_small_corpus
from tests.processes import stop

pytestmark = pytest.mark.server

REFUSAL_TITLE = "Dokumenterne besvarer ikke spørgsmålet"
READY = re.compile(r"tidlig kører på (http://\S+) ")
SEEN_WITHIN_S = 10.0  # "within a few seconds": one sync interval plus a reload of a small index


@contextmanager
def app_process(data_dir: Path, log: Path, **settings: str) -> Iterator[str]:
    """``python app.py`` on a free loopback port; yields its URL once it serves, stops it afterwards."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TIDLIG_DATA_DIR": str(data_dir),
        "TIDLIG_CORPUS_DIR": str(data_dir.parent / "corpus"), "TIDLIG_PORT": str(chroma.free_port()),
        "TIDLIG_HOST": "127.0.0.1", **{f"TIDLIG_{name.upper()}": value for name, value in settings.items()},
    }
    with log.open("w") as errors:
        process = subprocess.Popen(
            [sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errors, text=True
        )
    try:
        deadline = time.monotonic() + 240
        for line in process.stdout:
            if match := READY.search(line):
                break
            assert time.monotonic() < deadline, "app did not start in time"
        else:
            raise AssertionError(f"app exited ({process.wait()}):\n{log.read_text()[-3000:]}")
        yield match.group(1).rstrip("/") + "/"
    finally:
        stop(process, timeout=30)


def client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False, analytics_enabled=False, download_files=tempfile.mkdtemp(prefix="tidlig-client-"))


def answered(app, question: str) -> bool:
    markdown, _ = app.predict(question, [], [], api_name="/ask")
    return REFUSAL_TITLE not in markdown


def seconds_until(condition, limit: float = SEEN_WITHIN_S) -> float:
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < limit, f"not seen within {limit} s"
        time.sleep(0.2)
    return time.monotonic() - started


def upload(app, path: Path) -> str:
    from gradio_client import handle_file

    result, *_ = app.predict([handle_file(path)], api_name="/upload")
    return result


@pytest.fixture
def folders(tmp_path):
    (tmp_path / "corpus").mkdir()
    document = tmp_path / "fjordby-legepatruljen.txt"
    document.write_text(UPLOAD_TEXT, encoding="utf-8")
    return tmp_path / "data", document


def test_two_app_processes_on_one_chroma_server_see_each_others_changes(tmp_path, folders):
    data_dir, document = folders
    with ExitStack() as running:
        port = running.enter_context(chroma.chroma_server(tmp_path))
        server = {"chroma_mode": "server", "chroma_host": "127.0.0.1", "chroma_port": str(port)}
        first = client(running.enter_context(app_process(data_dir, tmp_path / "first.log", **server)))
        second = client(running.enter_context(app_process(data_dir, tmp_path / "second.log", **server)))
        assert not answered(first, UPLOAD_QUESTION) and not answered(second, UPLOAD_QUESTION)

        assert "indlæst" in upload(first, document)
        assert answered(first, UPLOAD_QUESTION)
        seen = seconds_until(lambda: answered(second, UPLOAD_QUESTION))

        # (the delete choice lists the documents this client session was shown: its own upload)
        result, *_ = first.predict("fjordby-legepatruljen.txt", api_name="/delete")
        assert "er slettet" in result, result
        assert not answered(first, UPLOAD_QUESTION)
        gone = seconds_until(lambda: not answered(second, UPLOAD_QUESTION))
    print(f"\ntwo app processes, one chroma server: upload seen by the other after {seen:.1f} s, delete after {gone:.1f} s")


def test_cli_ingest_next_to_a_running_app_is_answered_from_and_never_swept(tmp_path, folders):
    """Issue 13 item 5: a CLI ingest next to the app was invisible to it and swept by its next upload."""
    data_dir, document = folders
    env = {"PATH": "/usr/bin:/bin", "TIDLIG_DATA_DIR": str(data_dir), "TIDLIG_LOG_LEVEL": "WARNING"}
    with app_process(data_dir, tmp_path / "app.log") as url:
        app = client(url)
        question = "Hvad kan være tegn på mistrivsel hos børn i dagplejen?"
        assert not answered(app, question)

        cli = write_small_corpus(tmp_path / "docs", ("dagpleje.md",))
        result = subprocess.run(
            [sys.executable, "-m", "index", str(cli)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stderr[-2000:]
        seen = seconds_until(lambda: answered(app, question))

        assert "indlæst" in upload(app, document)  # the app's own commit, after the CLI's
        assert answered(app, question) and answered(app, UPLOAD_QUESTION)
    manifest = (data_dir / "index" / "manifest.json").read_text(encoding="utf-8")
    assert '"dagpleje.md"' in manifest and '"fjordby-legepatruljen.txt"' in manifest
    print(f"\napp + CLI ingest: CLI's document answered by the app after {seen:.1f} s")
