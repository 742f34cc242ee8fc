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
import html
import logging
import re
from dataclasses import replace
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
    pages = tuple(replace(page, text=_as_read(page.text)) for page in pages)
    if not any(page.text.strip() for page in pages):
        raise UnreadableFile("filen indeholder ingen tekst")
    info = catalog.get(path.name) or _info_from_file(path, embedded)
    return LoadedDocument(info=info, pages=pages, sha256=hashlib.sha256(data).hexdigest(), path=path)


def _as_read(text: str) -> str:
    """Text as a reader sees it: HTML entities that exports from web pages and HTML-to-Markdown tools
    leave in ("Johansen &amp; Holstein", "&#8211;", "&nbsp;") become their characters. Stored text is
    plain; escaping happens once, where text is shown."""
    return html.unescape(text) if "&" in text else text


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
    from lxml.etree import LxmlError

    try:
        document = Document(str(path))
    # LxmlError: a readable zip whose word/document.xml is broken (XMLSyntaxError)
    except (PackageNotFoundError, zipfile.BadZipFile, LxmlError, KeyError, ValueError) as error:
        log.warning("cannot read DOCX %s: %s", path, error)
        raise UnreadableFile("Word-filen er beskadiget og kan ikke læses") from None
    return _docx_page_texts(document)


def _docx_page_texts(document) -> tuple[Page, ...]:
    """Paragraphs, text boxes and tables in document order, as text the structure module reads.

    Headings become Markdown headings of their level ("## Titel"), list paragraphs (a list style or
    Word numbering) list items, a table one paragraph of " | "-separated rows. Where Word recorded
    page breaks (a file saved by Word carries where its pages began), the text is split into pages.
    """
    from docx.table import Table

    pages: list[list[str]] = [[]]
    for item in document.iter_inner_content():  # paragraphs and tables in document order
        if isinstance(item, Table):
            pages[-1].append(_docx_table(item))
            continue
        if _docx_page_break(item) and pages[-1]:
            pages.append([])
        pages[-1].append(_docx_paragraph(item))
        pages[-1] += [_docx_paragraph(box) for box in _docx_text_boxes(item)]
    texts = [_docx_join(page) for page in pages]
    return tuple(Page(number, text, str(number) if len(texts) > 1 else "") for number, text in enumerate(texts, 1))


def _docx_join(paragraphs: list[str]) -> str:
    """Paragraphs separated by a blank line; consecutive list items on consecutive lines (one list)."""
    out = ""
    previous = ""
    for paragraph in filter(str.strip, paragraphs):
        if out:
            out += "\n" if paragraph.startswith("- ") and previous.startswith("- ") else "\n\n"
        out += paragraph
        previous = paragraph
    return out


def _docx_paragraph(paragraph) -> str:
    text = " ".join(paragraph.text.split("\n")).strip()
    if not text:
        return ""  # an empty list or heading paragraph must not leave a lone "-" or "#"
    level = _docx_heading_level(paragraph)
    if level:
        return f"{'#' * level} {text}"
    if _docx_is_list(paragraph):
        return f"- {text}"
    return paragraph.text


def _docx_style(paragraph) -> str:
    return (paragraph.style.name or "").lower() if paragraph.style is not None else ""


def _docx_heading_level(paragraph) -> int:
    """1-6 for "Heading 2" / "Overskrift 2" / "Title"; an outline level set on the paragraph counts too."""
    style = _docx_style(paragraph)
    if style.startswith("title") or style.startswith("titel"):
        return 1
    match = re.match(r"^(?:heading|overskrift)\s*(\d)", style)
    if match:
        return min(int(match.group(1)), 6)
    outline = paragraph._p.xpath("./w:pPr/w:outlineLvl/@w:val")
    return min(int(outline[0]) + 1, 6) if outline and outline[0].isdigit() and int(outline[0]) < 9 else 0


def _docx_is_list(paragraph) -> bool:
    # Word list paragraphs carry their bullet or number in the style or in numbering, not in the text.
    style = _docx_style(paragraph)
    return "list" in style or "liste" in style or bool(paragraph._p.xpath("./w:pPr/w:numPr"))


def _docx_text_boxes(paragraph) -> list:
    """Paragraphs inside the text boxes anchored in ``paragraph`` (python-docx leaves them out of its text)."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    boxes = [
        box
        for box in paragraph._p.xpath(".//w:txbxContent")
        # Word writes a text box twice (DrawingML and a VML fallback); the fallback is not read.
        if not any(ancestor.tag.endswith("}Fallback") for ancestor in box.iterancestors())
    ]
    return [Paragraph(p, paragraph._parent) for box in boxes for p in box.iterchildren(qn("w:p"))]


def _docx_page_break(paragraph) -> bool:
    """Word begins a new page at this paragraph: a page break it rendered there, or a hard page break."""
    return bool(paragraph._p.xpath("./w:r/w:lastRenderedPageBreak | ./w:r/w:br[@w:type='page']"))


def _docx_table(table) -> str:
    """One line per row, cells separated by " | " (a merged cell, repeated by python-docx, counts once)."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen = []
        for cell in row.cells:
            if any(cell._tc is other for other in seen):
                continue
            seen.append(cell._tc)
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


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
