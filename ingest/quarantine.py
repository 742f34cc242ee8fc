"""Safe uploads: stage, screen in a separate process, then move into ``uploads/`` or into quarantine.

The mechanism, for the app (and anything else that adds files to ``uploads/``):

1. :func:`stage` copies the upload to ``uploads/.incoming/<random>/<name>`` and fsyncs it. Folders whose
   name starts with a dot are never indexed, so a kill -9 during the copy leaves nothing that a later
   ingest picks up; :func:`sweep_incoming` (call it at start-up) quarantines such leftovers.
2. :func:`screen` reads the staged file in a child process (``python -m ingest.quarantine FILE``) with a
   time limit and an address-space limit. A DOCX zip bomb, a PDF that makes the reader loop, or a file
   over the extraction limits is refused there; a stuck reader is killed when the time is up. The
   caller holds no lock while screening, so uploads and deletes of other users never wait behind it.
3. :func:`admit` moves an accepted file into ``uploads/`` with one atomic rename (replacing an older
   version in the same step: no ``.bak`` copy is ever needed); :func:`quarantine` moves a refused one to
   ``<data_dir>/quarantine/`` next to a ``.reason.txt`` holding the Danish reason. Only then does the
   caller take the index writer lock and index the admitted file.

:func:`accept_upload` runs the three steps. Example::

    outcome = accept_upload(Path("/tmp/gradio/x/rapport.docx"), "rapport.docx", settings.uploads_dir,
                            quarantine_dir(settings.data_dir), max_bytes=50_000_000, timeout_s=60)
    outcome.path      # data/uploads/rapport.docx, or None
    outcome.reason    # "" or a Danish reason
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, UTC
from pathlib import Path

log = logging.getLogger(__name__)

INCOMING = ".incoming"
REASON_SUFFIX = ".reason.txt"
# The screening child may use this much address space; the extraction limits keep a good file far below.
CHILD_MEMORY_BYTES = 2 * 1024**3
TIMEOUT_REASON = "filen tog for lang tid at læse (over {seconds:g} sekunder) og er sat i karantæne"
INTERRUPTED_REASON = "afbrudt upload: filen blev ikke gemt færdig"
CRASH_REASON = "filen kunne ikke læses (læseren stoppede uventet) og er sat i karantæne"


@dataclass(frozen=True)
class Screening:
    accepted: bool
    reason: str = ""


@dataclass(frozen=True)
class UploadOutcome:
    """``path`` in ``uploads/`` when accepted; else ``reason`` (Danish) and where the file was put."""

    name: str
    path: Path | None = None
    reason: str = ""
    quarantined: Path | None = None


def quarantine_dir(data_dir: Path) -> Path:
    return data_dir / "quarantine"


def accept_upload(
    source: Path, name: str, uploads_dir: Path, quarantine: Path, max_bytes: int, timeout_s: float
) -> UploadOutcome:
    """Stage, screen and admit or quarantine one uploaded file. ``name`` must already be a safe file name."""
    staged = stage(source, name, uploads_dir)
    screening = screen(staged, max_bytes, timeout_s)
    if not screening.accepted:
        moved = quarantine_file(staged, name, screening.reason, quarantine)
        staged.parent.rmdir()
        return UploadOutcome(name, reason=screening.reason, quarantined=moved)
    admitted = admit(staged, name, uploads_dir)
    staged.parent.rmdir()
    return UploadOutcome(name, path=admitted)


def stage(source: Path, name: str, uploads_dir: Path) -> Path:
    (uploads_dir / INCOMING).mkdir(parents=True, exist_ok=True)
    # A folder of its own: two uploads of the same name never share a staged file.
    staged = Path(tempfile.mkdtemp(dir=uploads_dir / INCOMING)) / name
    # Unbuffered: what was received is on disk, so an interrupted copy is visible as what it is.
    with source.open("rb", buffering=0) as reader, staged.open("wb", buffering=0) as writer:
        shutil.copyfileobj(reader, writer, length=1024 * 1024)
        os.fsync(writer.fileno())
    return staged


def screen(path: Path, max_bytes: int, timeout_s: float) -> Screening:
    """Read ``path`` in a child process, as the indexer would; refuse it with a Danish reason."""
    command = [sys.executable, "-m", "ingest.quarantine", str(path), "--max-bytes", str(max_bytes)]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout_s, cwd=Path(__file__).resolve().parents[1]
        )
    except subprocess.TimeoutExpired:
        log.warning("screening %s took over %.0f s; the reader was killed", path.name, timeout_s)
        return Screening(False, TIMEOUT_REASON.format(seconds=timeout_s))
    try:
        verdict = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        log.warning("screening %s ended with code %s: %s", path.name, result.returncode, result.stderr[-500:])
        return Screening(False, CRASH_REASON)
    return Screening(bool(verdict.get("accepted")), str(verdict.get("reason", "")))


def admit(staged: Path, name: str, uploads_dir: Path) -> Path:
    target = uploads_dir / name
    os.replace(staged, target)  # atomic on one file system: the old version or the new, never half
    return target


def quarantine_file(path: Path, name: str, reason: str, quarantine: Path) -> Path:
    """Move ``path`` out of reach of the indexer and write why next to it."""
    quarantine.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = quarantine / f"{stamp}-{name}"
    shutil.move(str(path), target)
    target.with_name(target.name + REASON_SUFFIX).write_text(f"{name}: {reason}\n", encoding="utf-8")
    log.warning("quarantined %s as %s", name, target.name)
    return target


def sweep_incoming(uploads_dir: Path, quarantine: Path) -> list[Path]:
    """Quarantine what an interrupted upload left behind: staged files and the ``.<name>.bak`` copies
    older versions of the app made. Call it before the app accepts uploads. Returns where they went."""
    incoming = uploads_dir / INCOMING
    leftovers = sorted(p for p in incoming.rglob("*") if p.is_file()) if incoming.is_dir() else []
    leftovers += sorted(uploads_dir.glob(".*.bak")) if uploads_dir.is_dir() else []
    moved = [quarantine_file(path, path.name, INTERRUPTED_REASON, quarantine) for path in leftovers]
    if incoming.is_dir():
        shutil.rmtree(incoming)
    return moved


def _screen_here(path: Path, max_bytes: int) -> Screening:
    """The child's side: bounded memory, then the real loader."""
    import resource

    from ingest.loaders import UnreadableFile, load_document

    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))
    try:
        load_document(path, catalog={}, max_bytes=max_bytes)
    except UnreadableFile as refusal:
        return Screening(False, str(refusal))
    except MemoryError:
        return Screening(False, "filen kræver for meget hukommelse at læse og er sat i karantæne")
    return Screening(True)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m ingest.quarantine", description="Læs én fil som en prøve.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--max-bytes", type=int, required=True)
    args = parser.parse_args(argv)
    screening = _screen_here(args.path, args.max_bytes)
    print(json.dumps({"accepted": screening.accepted, "reason": screening.reason}, ensure_ascii=False))
    return 0 if screening.accepted else 2


if __name__ == "__main__":
    sys.exit(main())
