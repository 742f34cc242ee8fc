"""Read one file into a :class:`LoadedDocument`, or refuse it with a Danish reason.

Supported: PDF (pypdf, page by page with page labels), TXT and Markdown (UTF-8, falling back to cp1252
with a warning), DOCX (python-docx, paragraphs and tables in order). Anything else, an empty file, a
file over the size limit, a corrupt or encrypted PDF and a PDF without a text layer raise
:class:`UnreadableFile`; the pipeline skips that file and reports the reason.

Example::

    document = load_document(Path("corpus/notat.txt"), catalog={}, max_bytes=50_000_000)
    document.pages[0].text
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import datetime
from pathlib import Path

from ingest.pdf_layout import page_texts
from ingest.types import DocumentInfo, LoadedDocument, Page

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx"}
# Below this many letters per page on average a PDF is treated as scanned (no usable text layer).
MIN_LETTERS_PER_PAGE = 20


class UnreadableFile(Exception):
    """The file cannot be ingested; ``str(error)`` is a Danish reason for the user."""


def load_document(path: Path, catalog: dict[str, DocumentInfo], max_bytes: int) -> LoadedDocument:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableFile(f"filtypen {suffix or '(ingen)'} understøttes ikke (kun PDF, DOCX, TXT og MD)")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile("filen er tom")
    if size > max_bytes:
        raise UnreadableFile(f"filen er for stor ({size / 1e6:.1f} MB; grænsen er {max_bytes / 1e6:g} MB)")
    data = path.read_bytes()
    match suffix:
        case ".pdf":
            pages, embedded = _pdf_pages(path)
        case ".docx":
            pages, embedded = _docx_pages(path), {}
        case _:
            pages, embedded = (Page(1, _decode_text(data, path)),), {}
    if not any(page.text.strip() for page in pages):
        raise UnreadableFile("filen indeholder ingen tekst")
    info = catalog.get(path.name) or _info_from_file(path, embedded)
    return LoadedDocument(info=info, pages=pages, sha256=hashlib.sha256(data).hexdigest(), path=path)


def _decode_text(data: bytes, path: Path) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise UnreadableFile("teksten kan ikke læses (hverken UTF-8 eller Windows-1252)") from None
        log.warning("%s is not UTF-8; decoded it as cp1252", path)
    if "\x00" in text:
        raise UnreadableFile("filen ligner en binær fil, ikke tekst")
    return text


def _pdf_pages(path: Path) -> tuple[tuple[Page, ...], dict[str, str]]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise UnreadableFile("PDF-filen er krypteret eller beskyttet med adgangskode")
        labels = list(reader.page_labels)
        texts = page_texts(reader)
        embedded = _pdf_metadata(reader)
    except UnreadableFile:
        raise
    # PyPdfError covers PdfReadError and LimitReachedError (broken /ToUnicode maps, reference loops);
    # pypdf raises NotImplementedError for a stream filter name garbled by corruption.
    except (PyPdfError, NotImplementedError, ValueError, KeyError, TypeError, OSError) as error:
        log.warning("cannot read PDF %s: %s", path, error)
        raise UnreadableFile("PDF-filen er beskadiget og kan ikke læses") from None
    letters = sum(len(re.findall(r"\w", text)) for text in texts)
    if not texts or letters < MIN_LETTERS_PER_PAGE * len(texts):
        raise UnreadableFile("PDF-filen har intet tekstlag (fx en scannet fil); den skal OCR-behandles først")
    pages = tuple(Page(number, text, label) for number, (text, label) in enumerate(zip(texts, labels), 1))
    return pages, embedded


def _pdf_metadata(reader) -> dict[str, str]:
    metadata = reader.metadata or {}
    facts = {"title": metadata.get("/Title"), "author": metadata.get("/Author")}
    created = getattr(reader.metadata, "creation_date", None) if reader.metadata else None
    if isinstance(created, datetime):
        facts["year"] = str(created.year)
    return {key: str(value).strip() for key, value in facts.items() if value and str(value).strip()}


def _docx_pages(path: Path) -> tuple[Page, ...]:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from lxml.etree import LxmlError

    try:
        document = Document(str(path))
    # LxmlError: a readable zip whose word/document.xml is broken (XMLSyntaxError)
    except (PackageNotFoundError, zipfile.BadZipFile, LxmlError, KeyError, ValueError) as error:
        log.warning("cannot read DOCX %s: %s", path, error)
        raise UnreadableFile("Word-filen er beskadiget og kan ikke læses") from None
    paragraphs: list[str] = []
    for item in document.iter_inner_content():  # paragraphs and tables in document order
        if isinstance(item, Table):
            paragraphs.extend("\t".join(cell.text.strip() for cell in row.cells) for row in item.rows)
        else:
            paragraphs.append(_docx_paragraph(item))
    return (Page(1, "\n\n".join(p for p in paragraphs if p.strip())),)


def _docx_paragraph(paragraph) -> str:
    # Word list paragraphs carry their bullet in the style, not in the text.
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if not paragraph.text.strip():
        return ""  # an empty list or heading paragraph must not leave a lone "-" or "#"
    if "list" in style or "liste" in style:
        return f"- {paragraph.text.strip()}"
    if style.startswith(("heading", "overskrift", "title")):
        return f"# {paragraph.text.strip()}"
    return paragraph.text


def _info_from_file(path: Path, embedded: dict[str, str]) -> DocumentInfo:
    year = embedded.get("year")
    return DocumentInfo(
        doc_id=path.name,
        title=embedded.get("title") or path.stem.replace("-", " ").replace("_", " "),
        publisher=embedded.get("author", ""),
        year=int(year) if year else None,
        kind="dokument",
        form="prose",
    )
