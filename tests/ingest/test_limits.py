"""Extraction limits and safe uploads on real files: a DOCX zip bomb, long documents, password-free
encrypted PDFs, creation dates, quarantine, an upload killed half-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path
from unittest import mock

import pytest

from ingest.loaders import (
    MAX_DOCX_PART_BYTES,
    UnreadableFile,
    bounded_texts,
    check_docx_parts,
    load_document,
)
from ingest.pipeline import discover
from ingest.quarantine import (
    INCOMING,
    REASON_SUFFIX,
    accept_upload,
    screen,
    sweep_incoming,
)
from tests.conftest import ROOT
from tests.ingest.test_loaders import make_docx, make_pdf

LIMIT = 50_000_000
GIB = 1024**3


def _rle_compressor(compress_type, compresslevel=None):
    # Run-length deflate: 1 GB of one byte packs into about 1 MB in seconds (level 9 takes much longer).
    return zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_RLE)


def make_docx_bomb(path: Path, template: Path, xml_bytes: int = GIB) -> Path:
    """A real DOCX (python-docx's parts) whose word/document.xml unpacks to ``xml_bytes`` of XML."""
    block = b"a" * (1024 * 1024)
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for entry in source.infolist():
            if entry.filename != "word/document.xml":
                bomb.writestr(entry, source.read(entry))
        with (
            mock.patch.object(zipfile, "_get_compressor", _rle_compressor),
            bomb.open("word/document.xml", "w", force_zip64=True) as part,
        ):
            part.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                       b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            for _ in range(xml_bytes // len(block)):
                part.write(block)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


@pytest.fixture(scope="module")
def docx_bomb(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bomb")
    return make_docx_bomb(folder / "bombe.docx", make_docx(folder / "skabelon.docx"))


def _reason(path: Path) -> str:
    with pytest.raises(UnreadableFile) as refusal:
        load_document(path, {}, LIMIT)
    return str(refusal.value)


# ---- extraction limits -------------------------------------------------------------------------------


def test_a_docx_zip_bomb_is_refused_quickly_with_bounded_memory(docx_bomb):
    assert docx_bomb.stat().st_size < 1.3e6  # passes the 50 MB file limit by far
    with zipfile.ZipFile(docx_bomb) as archive:
        assert archive.getinfo("word/document.xml").file_size >= GIB
    tracemalloc.start()
    started = time.perf_counter()
    reason = _reason(docx_bomb)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "zip-bombe" in reason and "word/document.xml" in reason
    assert elapsed < 5, elapsed
    assert peak < 20 * 1024 * 1024, peak


def test_an_ordinary_docx_passes_the_limits(tmp_path):
    path = make_docx(tmp_path / "notat.docx")
    check_docx_parts(path)
    assert "Dagplejerne" in load_document(path, {}, LIMIT).pages[0].text
    assert MAX_DOCX_PART_BYTES >= 10 * 1024 * 1024


def test_a_document_over_the_character_limit_is_refused_with_a_danish_reason(tmp_path):
    path = tmp_path / "lang.txt"
    path.write_text("Dagtilbuddet taler med forældrene. " * 600_000, encoding="utf-8")  # 21 million characters
    assert "millioner tegn" in _reason(path)


def test_pages_stop_being_read_at_the_limit():
    read = []

    def pages():
        for number in range(1000):
            read.append(number)
            yield "x" * 1000

    with pytest.raises(UnreadableFile, match="millioner tegn"):
        list(bounded_texts(pages(), max_chars=10_500))
    assert len(read) == 11  # the eleventh page crossed the limit; no page after it was extracted


# ---- PDFs --------------------------------------------------------------------------------------------


def _encrypt(source: Path, target: Path, user: str, owner: str) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(source))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="RC4-128")
    writer.write(str(target))
    return target


def test_a_pdf_with_only_an_owner_password_is_read(tmp_path):
    path = _encrypt(make_pdf(tmp_path / "aaben.pdf"), tmp_path / "ejer.pdf", user="", owner="ejerkode")
    document = load_document(path, {}, LIMIT)
    assert "Ærø" in document.pages[0].text


def test_a_pdf_that_needs_a_password_to_open_is_still_refused(tmp_path):
    path = _encrypt(make_pdf(tmp_path / "aaben.pdf"), tmp_path / "laast.pdf", user="laeser", owner="ejerkode")
    assert _reason(path) == "PDF-filen er krypteret eller beskyttet med adgangskode"


def test_a_pdf_creation_date_is_not_a_publication_year(tmp_path):
    import datetime

    recent = datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC)
    imitation = load_document(make_pdf(tmp_path / "kopi.pdf", title="De udsatte børn", created=recent), {}, LIMIT)
    assert imitation.info.year is None
    stated = load_document(make_pdf(tmp_path / "aar.pdf", title="Årsrapport 2019", created=recent), {}, LIMIT)
    assert stated.info.year == 2019


# ---- uploads: screening, quarantine, interrupted copies ----------------------------------------------


def test_a_refused_upload_is_quarantined_with_its_reason_and_never_reaches_uploads(tmp_path, docx_bomb):
    uploads, quarantine = tmp_path / "uploads", tmp_path / "quarantine"
    outcome = accept_upload(docx_bomb, "bombe.docx", uploads, quarantine, max_bytes=LIMIT, timeout_s=60)
    assert outcome.path is None and "zip-bombe" in outcome.reason
    assert not (uploads / "bombe.docx").exists()
    assert discover([uploads]) == ([], [])  # a later `python -m ingest` never sees it
    reason_file = outcome.quarantined.with_name(outcome.quarantined.name + REASON_SUFFIX)
    assert "zip-bombe" in reason_file.read_text(encoding="utf-8")


def test_a_good_upload_is_admitted_and_replaces_the_old_version_in_one_step(tmp_path):
    uploads, quarantine = tmp_path / "uploads", tmp_path / "quarantine"
    uploads.mkdir()
    (uploads / "notat.docx").write_bytes(b"old version")
    outcome = accept_upload(make_docx(tmp_path / "notat.docx"), "notat.docx", uploads, quarantine, LIMIT, 60)
    assert outcome.path == uploads / "notat.docx" and not outcome.reason
    assert load_document(outcome.path, {}, LIMIT).pages[0].text.startswith("# Tidlig opsporing")
    assert [p.name for p in uploads.rglob("*") if p.is_file()] == ["notat.docx"]  # no .bak, nothing staged left


def test_a_stuck_reader_is_killed_when_its_time_is_up(tmp_path):
    path = make_pdf(tmp_path / "rapport.pdf")
    started = time.perf_counter()
    screening = screen(path, LIMIT, timeout_s=0.05)  # shorter than the child's start-up: it never finishes
    assert not screening.accepted and "tog for lang tid" in screening.reason
    assert time.perf_counter() - started < 5


def test_a_kill_during_an_upload_leaves_nothing_that_is_indexed_later(tmp_path):
    uploads, quarantine = tmp_path / "uploads", tmp_path / "quarantine"
    fifo = tmp_path / "upload.fifo"
    os.mkfifo(fifo)
    copier = subprocess.Popen(
        [sys.executable, "-c", f"from pathlib import Path; from ingest.quarantine import stage; "
         f"stage(Path({str(fifo)!r}), 'rapport.pdf', Path({str(uploads)!r}))"],
        cwd=ROOT,
    )
    with fifo.open("wb") as writer:
        writer.write(make_pdf(tmp_path / "rapport.pdf").read_bytes()[:2000])  # half a file, then the kill
        writer.flush()
        staged_dir = uploads / INCOMING
        deadline = time.monotonic() + 30
        while not any(staged_dir.glob("*/rapport.pdf")) and time.monotonic() < deadline:
            time.sleep(0.05)
        staged = next(staged_dir.glob("*/rapport.pdf"))
        deadline = time.monotonic() + 30
        while not (staged.exists() and staged.stat().st_size == 2000) and time.monotonic() < deadline:
            time.sleep(0.05)
        copier.send_signal(signal.SIGKILL)
        copier.wait(timeout=30)
    assert staged.stat().st_size == 2000
    assert discover([uploads]) == ([], [])  # the half file is not visible to ingest
    moved = sweep_incoming(uploads, quarantine)
    assert len(moved) == 1 and not staged_dir.exists()
    assert "afbrudt upload" in moved[0].with_name(moved[0].name + REASON_SUFFIX).read_text(encoding="utf-8")
