"""One writer at a time for an index, across threads and processes.

The lock is an ``flock`` on a file in the index folder (through ``filelock``). The kernel releases it
when the holding process ends in any way, kill -9 included, so a crash never leaves a lock that blocks
later writers. In server mode the data folder (manifest, BM25, uploads) is shared by every process that
uses the Chroma server, so the same lock serves them; across machines it needs shared storage with
POSIX locks (NFSv4, CephFS and most cluster file systems have them).

Example::

    writer = WriterLock(settings.index_dir, wait_s=60)
    with writer.hold():
        ...  # read the manifest, change the index, commit
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

log = logging.getLogger(__name__)

LOCK_FILE = "writer.lock"
WAIT_S = 120.0  # an upload waits this long for another writer (a CLI ingest) before it gives up


class IndexBusy(RuntimeError):
    """Another process kept the index locked longer than the wait; the message is for the user."""

    def __init__(self, wait_s: float) -> None:
        super().__init__(
            f"Indekset opdateres af en anden proces (fx en indeksering fra kommandolinjen), og den er ikke "
            f"færdig efter {wait_s:.0f} sekunder. Prøv igen om lidt; intet er ændret."
        )


class WriterLock:
    """Held while a process changes the index. ``wait_s=None`` waits as long as it takes."""

    def __init__(self, folder: Path, wait_s: float | None = WAIT_S, on_wait: Callable[[], None] | None = None) -> None:
        self.path = folder / LOCK_FILE
        self.wait_s = wait_s
        self.on_wait = on_wait
        # flock conflicts between two open files of one process too, but a thread lock makes the
        # in-process order explicit and keeps the file lock's own counter single-threaded.
        self._threads = threading.Lock()
        self._file = FileLock(self.path, thread_local=False)

    @contextmanager
    def hold(self) -> Iterator[None]:
        with self._threads:
            self._acquire()
            try:
                yield
            finally:
                self._file.release()

    def if_free(self, action: Callable[[], None]) -> bool:
        """Run ``action`` under the lock if no one holds it now; never waits (used for optional writes)."""
        if not self._threads.acquire(blocking=False):
            return False
        try:
            try:
                self._file.acquire(timeout=0)
            except Timeout:
                return False
            try:
                action()
            finally:
                self._file.release()
            return True
        finally:
            self._threads.release()

    def _acquire(self) -> None:
        try:
            self._file.acquire(timeout=0)
            return
        except Timeout:
            log.info("index is being written by another process; waiting (lock %s)", self.path)
            if self.on_wait:
                self.on_wait()
        try:
            self._file.acquire(timeout=-1 if self.wait_s is None else self.wait_s)
        except Timeout:
            log.warning("gave up waiting %.0f s for the index writer lock %s", self.wait_s, self.path)
            raise IndexBusy(self.wait_s or 0.0) from None
