"""One writer at a time across processes, and no lock survives its process (kill -9 included)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_EMBEDDING_CACHE
from tests.index.test_corpus_index import write_small_corpus

HOLD = """
import sys, time
from pathlib import Path
from index.writer import WriterLock
with WriterLock(Path(sys.argv[1])).hold():
    print("held", flush=True)
    time.sleep(600)
"""


def hold_lock(folder: Path) -> subprocess.Popen:
    """Another process that takes the writer lock and keeps it until killed."""
    folder.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "held", holder.stderr.read()
    return holder


def kill_9(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def test_a_busy_index_gives_a_danish_reason_and_a_killed_holder_frees_it(tmp_path):
    from index.writer import IndexBusy, WriterLock

    folder = tmp_path / "index"
    holder = hold_lock(folder)
    try:
        started = time.monotonic()
        with pytest.raises(IndexBusy, match="opdateres af en anden proces"), WriterLock(folder, wait_s=0.5).hold():
            pass
        assert 0.4 < time.monotonic() - started < 5
    finally:
        kill_9(holder)

    started = time.monotonic()
    with WriterLock(folder, wait_s=5).hold():
        assert time.monotonic() - started < 1  # no stale lock after kill -9


def test_threads_of_one_process_take_turns(tmp_path):
    import threading

    from index.writer import WriterLock

    lock = WriterLock(tmp_path, wait_s=10)
    inside, overlaps = [], []

    def write() -> None:
        with lock.hold():
            inside.append(1)
            overlaps.append(len(inside))
            time.sleep(0.05)
            inside.pop()

    threads = [threading.Thread(target=write) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == [1] * 6
    assert lock.if_free(lambda: None) is True  # free again afterwards


def test_cli_ingest_waits_for_the_writer_and_proceeds_when_it_is_killed(tmp_path):
    data = tmp_path / "data"
    holder = hold_lock(data / "index")
    env = {"PATH": "/usr/bin:/bin", "TIDLIG_DATA_DIR": str(data), "TIDLIG_CACHE_DIR": str(TEST_EMBEDDING_CACHE)}
    ingest = subprocess.Popen(
        [sys.executable, "-m", "index", str(write_small_corpus(tmp_path / "docs", ("dagpleje.md",)))],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        waited = ""
        deadline = time.monotonic() + 120
        while "venter" not in waited:
            assert ingest.poll() is None, ingest.communicate()
            assert time.monotonic() < deadline, waited
            waited += ingest.stderr.readline()
        time.sleep(1)
        assert ingest.poll() is None  # still waiting, nothing written
        assert not (data / "index" / "manifest.json").exists()
    finally:
        kill_9(holder)
    out, err = ingest.communicate(timeout=300)
    assert ingest.returncode == 0, err[-2000:]
    assert "1 dokumenter i indekset (1 nye" in out
