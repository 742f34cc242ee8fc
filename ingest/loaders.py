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
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ingest.docx_footnotes import DocxFootnotes
from ingest.docx_lists import DocxLists, broken_numbering_part, with_empty_numbering
from ingest.docx_text import DocxText
from ingest.pdf_layout import page_texts
from ingest.types import DocumentInfo, LoadedDocument, Page
from tidlig.cpr import redact_cpr
from tidlig.text import BULLETS, LIST_INDENT, LIST_MARKER, YEAR, is_list_item

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx"}
# Below this many letters per page on average a PDF is treated as scanned (no usable text layer).
MIN_LETTERS_PER_PAGE = 20
# Extraction limits: memory and time stay bounded whatever a file claims. The longest report in the corpus
# has about 0.3 million characters; a DOCX part is XML, several times its text.
MAX_EXTRACTED_CHARS = 20_000_000
MAX_DOCX_PART_BYTES = 40 * 1024 * 1024
MAX_DOCX_TOTAL_BYTES = 160 * 1024 * 1024
_READ_CHUNK = 1024 * 1024
# A bullet typed at the start of a list paragraph's text ("•\tlæsning" on a "List Paragraph" paragraph, which
# Word shows without a bullet of its own): any bullet glyph, or a typed "*", "-" or "–".
_TYPED_BULLET = re.compile(rf"^[{BULLETS}*\-–]\s+")
# The styles of a table of contents' entries and title ("toc 1" as Word names them, "Contents 1" as LibreOffice
# does), and of a table of figures: they repeat headings and captions with page numbers, and are not read.
_CONTENTS_STYLE = re.compile(r"(?:toc|contents) ?(?:\d|heading)|table of figures")
# The ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ (U+FB00-FB06) that PDF fonts extract as one character: "konﬂikter" would be another
# word than "konflikter" to the search. Only these are decomposed; NFKC on the whole text would also turn "½"
# into "1⁄2" and "…" into "...".
_LIGATURES = str.maketrans({chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)})


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
            check_docx_parts(path)  # before python-docx inflates anything
            pages, embedded = _docx_pages(path), {}
        case _:
            pages, embedded = (Page(1, _decode_text(data, path)),), {}
    pages = tuple(replace(page, text=_as_read(page.text)) for page in pages)
    pages = _without_cpr_numbers(pages, path)
    check_extracted_length(page.text for page in pages)
    if not any(page.text.strip() for page in pages):
        raise UnreadableFile("filen indeholder ingen tekst")
    info = catalog.get(path.name) or _info_from_file(path, embedded)
    return LoadedDocument(info=info, pages=pages, sha256=hashlib.sha256(data).hexdigest(), path=path)


def _without_cpr_numbers(pages: tuple[Page, ...], path: Path) -> tuple[Page, ...]:
    """The pages with every CPR number replaced by "[CPR-NR]": a case note or a form an organisation adds may
    hold one, and nothing the index stores, embeds or quotes may. The count is logged, never the number."""
    redacted = [redact_cpr(page.text) for page in pages]
    if found := sum(count for _, count in redacted):
        log.warning("%s: removed %d CPR number(s) from the text before indexing", path.name, found)
    return tuple(replace(page, text=text) for page, (text, _) in zip(pages, redacted, strict=True))


def _as_read(text: str) -> str:
    """Text as a reader sees it: HTML entities that exports from web pages and HTML-to-Markdown tools
    leave in ("Johansen &amp; Holstein", "&#8211;", "&nbsp;") become their characters, and ligature glyphs
    their letters ("konﬂikter" -> "konflikter"). Stored text is plain; escaping happens once, where text is shown."""
    text = text.translate(_LIGATURES)
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
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = PdfReader(path)
        # A PDF with only an owner password (printing or copying restricted) opens with the empty password
        # (decrypt returns PasswordType.NOT_DECRYPTED, 0, for a wrong one).
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFile("PDF-filen er krypteret eller beskyttet med adgangskode")
        labels = list(reader.page_labels)
        texts = list(bounded_texts(page_texts(reader)))
        scanned = [number for number, (page, text) in enumerate(zip(reader.pages, texts, strict=True), 1) if _scanned(page, text)]
        embedded = _pdf_metadata(reader)
    except UnreadableFile:
        raise
    # pypdf needs the cryptography package for AES; it accepts the empty password without it and fails on the
    # first page it reads (DependencyError is no PyPdfError). cryptography is a dependency: this is a broken install.
    except DependencyError as error:
        log.warning("cannot decrypt PDF %s: %s", path, error)
        raise UnreadableFile(
            "PDF-filen er krypteret på en måde, som indlæsningen ikke kan åbne; gem den uden kryptering, og prøv igen"
        ) from None
    # PyPdfError covers PdfReadError and LimitReachedError (broken /ToUnicode maps, reference loops);
    # pypdf raises NotImplementedError for a stream filter name garbled by corruption.
    except (PyPdfError, NotImplementedError, ValueError, KeyError, TypeError, OSError) as error:
        log.warning("cannot read PDF %s: %s", path, error)
        raise UnreadableFile("PDF-filen er beskadiget og kan ikke læses") from None
    if not texts or sum(map(_letters, texts)) < MIN_LETTERS_PER_PAGE * len(texts):
        raise UnreadableFile("PDF-filen har intet tekstlag (fx en scannet fil); den skal OCR-behandles først")
    if scanned:
        # Not refused, for the rest is text; but not complete either (minutes with scanned appendices).
        log.warning("%s: page(s) %s have no text layer (scanned?) and are indexed without their text", path, ", ".join(map(str, scanned)))
    pages = tuple(Page(number, text, label) for number, (text, label) in enumerate(zip(texts, labels, strict=True), 1))
    return pages, embedded


def _letters(text: str) -> int:
    return len(re.findall(r"\w", text))


def _scanned(page, text: str) -> bool:
    """Whether a PDF page is an image without a text layer: (almost) no letters, and an image to show."""
    return _letters(text) < MIN_LETTERS_PER_PAGE and len(page.images) > 0


def _pdf_metadata(reader) -> dict[str, str]:
    """Title, author and a publication year the document states about itself.

    The creation date is not a publication year: it is when this file was made (an export, a scan, a
    re-save), and a file that imitates a real report shows a recent year next to the real report's. A
    year counts only when the document's own title or subject names exactly one year ("Årsrapport 2021").
    """
    metadata = reader.metadata or {}
    facts = {"title": metadata.get("/Title"), "author": metadata.get("/Author")}
    stated = {year for field in ("/Title", "/Subject") for year in YEAR.findall(str(metadata.get(field) or ""))}
    if len(stated) == 1:
        facts["year"] = stated.pop()
    return {key: str(value).strip() for key, value in facts.items() if value and str(value).strip()}


# ---- extraction limits -------------------------------------------------------------------------------


def check_docx_parts(
    path: Path, max_part_bytes: int = MAX_DOCX_PART_BYTES, max_total_bytes: int = MAX_DOCX_TOTAL_BYTES
) -> None:
    """Refuse a DOCX whose parts unpack to more than the limits (a zip bomb: 1 MB holding 1 GB of XML).

    Each part is decompressed as a stream and counted, chunk by chunk, so neither a lying size in the zip
    header nor a huge part costs more than one chunk of memory or more time than the limit's worth.
    """
    total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for entry in archive.infolist():
                # XML is parsed into a tree several times its size; media is only kept as bytes.
                limit = max_part_bytes if entry.filename.endswith((".xml", ".rels")) else max_total_bytes
                if entry.file_size > limit:
                    raise _too_large_part(entry.filename, entry.file_size, limit)
                size = _streamed_size(archive, entry, limit)
                total += size
                if total > max_total_bytes:
                    log.warning("DOCX %s unpacks to over %d bytes", path, max_total_bytes)
                    raise UnreadableFile(
                        f"Word-filen fylder over {max_total_bytes / 1e6:.0f} MB, når den pakkes ud, og kan ikke indlæses"
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
        log.warning("cannot unpack DOCX %s: %s", path, error)
        raise UnreadableFile("Word-filen er beskadiget og kan ikke læses") from None


def _streamed_size(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limit: int) -> int:
    size = 0
    with archive.open(entry) as part:
        while chunk := part.read(_READ_CHUNK):
            size += len(chunk)
            if size > limit:
                raise _too_large_part(entry.filename, size, limit)
    return size


def _too_large_part(name: str, size: int, limit: int) -> UnreadableFile:
    log.warning("DOCX part %s unpacks to over %d bytes (at least %d)", name, limit, size)
    return UnreadableFile(
        f"Word-filen indeholder en del ({name}), der fylder over {limit / 1e6:.0f} MB, når den pakkes ud "
        "(typisk en såkaldt zip-bombe), og kan ikke indlæses"
    )


def bounded_texts(texts: Iterable[str], max_chars: int = MAX_EXTRACTED_CHARS) -> Iterator[str]:
    """Pass texts (pages) on while counting; stop reading at the first one past the document limit."""
    total = 0
    for text in texts:
        total += len(text)
        if total > max_chars:
            raise _too_long(max_chars)
        yield text


def check_extracted_length(texts: Iterable[str], max_chars: int = MAX_EXTRACTED_CHARS) -> None:
    for _ in bounded_texts(texts, max_chars):
        pass


def _too_long(max_chars: int) -> UnreadableFile:
    log.warning("document text is over %d characters", max_chars)
    return UnreadableFile(f"dokumentet indeholder over {max_chars / 1e6:g} millioner tegn tekst og kan ikke indlæses")


def _docx_pages(path: Path) -> tuple[Page, ...]:
    document, problem = _open_docx(path)
    text = DocxText(document.element.body)
    lists = DocxLists.of(document, problem)
    lists.nest_by_indentation(_docx_list_runs(document, text, lists))
    pages = _docx_page_texts(document, text, lists)
    lists.warn_fallbacks(path.name)
    return pages


def _open_docx(path: Path):
    """The python-docx ``Document`` and, when its numbering part had to be left out, why.

    python-docx refuses a whole file whose numbering part is missing or not XML; numbering only gives
    list markers, so such a file is read with an empty numbering part instead (its lists read as bullets).
    """
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    # LxmlError: a readable zip whose word/document.xml is broken (XMLSyntaxError)
    errors = (PackageNotFoundError, zipfile.BadZipFile, LxmlError, KeyError, ValueError)
    try:
        return Document(str(path)), ""
    except errors as error:
        part, problem = broken_numbering_part(path)
        if part:
            try:
                return Document(with_empty_numbering(path, part)), problem
            except errors:
                pass  # something else is broken too
        log.warning("cannot read DOCX %s: %s", path, error)
        raise UnreadableFile("Word-filen er beskadiget og kan ikke læses") from None


def _docx_page_texts(document, text: DocxText, lists: DocxLists) -> tuple[Page, ...]:
    """Paragraphs, text boxes and tables in document order, as text the structure module reads.

    Headings become Markdown headings of their level ("## Titel"), list paragraphs (a list style or
    Word numbering) list items with the marker Word shows ("1.", "a)", "- ", see ``ingest.docx_lists``),
    an item of a nested list indented by LIST_INDENT per level ("  - læsning"; Word's level, or in a list
    without levels its indentation, see ``DocxLists.nest_by_indentation``),
    a table one paragraph of " | "-separated rows (a table nested in a cell is that cell's text, see
    ``_docx_cell``). Text is read as Word shows it (content controls, tracked insertions, fields' results;
    see ``ingest.docx_text``), a table of contents not at all. Where Word recorded page breaks (a file saved by Word
    carries where its pages began), the text is split into pages. Footnotes are given as a report prints
    them (see ``ingest.docx_footnotes``): each after the last paragraph of the page that refers to it, endnotes
    at the end.
    """
    from docx.table import Table

    notes = DocxFootnotes(document, text)
    pages: list[list[str]] = [[]]
    for item in _docx_content(document._body, text):
        if isinstance(item, Table):
            pages[-1].append(_docx_table(item, text, notes))
            continue
        if _docx_page_break(item) and pages[-1]:
            pages[-1] += notes.take()
            pages.append([])
        pages[-1].append(_docx_paragraph(item, lists, notes))
        pages[-1] += [_docx_paragraph(box, lists, notes) for box in _docx_text_boxes(item)]
    pages[-1] += notes.take(end=True)
    texts = [_docx_join(page) for page in pages]
    return tuple(Page(number, text, str(number) if len(texts) > 1 else "") for number, text in enumerate(texts, 1))


def _docx_list_runs(document, text: DocxText, lists: DocxLists) -> list[list]:
    """The body's runs of consecutive list paragraphs, as the text will show them: a heading, prose or a
    table ends a run; an empty paragraph does not, for it is left out and the items around it join."""
    from docx.table import Table

    runs: list[list] = [[]]
    for item in _docx_content(document._body, text):
        if not isinstance(item, Table) and not text.plain(item._p).strip():
            continue
        if isinstance(item, Table) or _docx_heading_level(item) or not lists.is_item(item):
            runs.append([])
        else:
            runs[-1].append(item)
    return [run for run in runs if run]


def _docx_content(container, text: DocxText) -> Iterator:
    """The paragraphs and tables of the body or a table cell (python-docx objects) in document order, as
    ``DocxText.blocks`` finds them, without the paragraphs of a table of contents."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in text.blocks(container._element):
        if element.tag == qn("w:tbl"):
            yield Table(element, container)
        elif not _CONTENTS_STYLE.fullmatch(_docx_style(paragraph := Paragraph(element, container))):
            yield paragraph


def _docx_join(paragraphs: list[str]) -> str:
    """Paragraphs separated by a blank line; consecutive list items on consecutive lines (one list)."""
    out = ""
    previous = ""
    for paragraph in filter(str.strip, paragraphs):
        if out:
            out += "\n" if is_list_item(paragraph) and is_list_item(previous) else "\n\n"
        out += paragraph
        previous = paragraph
    return out


def _docx_paragraph(paragraph, lists: DocxLists, notes: DocxFootnotes) -> str:
    raw = notes.paragraph_text(paragraph).strip("\n")  # a break before or after the text separates nothing
    text = " ".join(raw.split("\n")).strip()
    if not text:
        return ""  # an empty list or heading paragraph must not leave a lone "-" or "#"
    level = _docx_heading_level(paragraph)
    if level:
        return f"{'#' * level} {text}"
    # Counted here, after the heading test: a numbered heading is a heading, not a list item. A nested
    # item is indented by its level, which cleaning keeps, so a sub-list stays a sub-list also where its
    # markers are of its parent's kind (bullets under bullets; see ``assistant.evidence.sub_items``).
    marker = lists.marker(paragraph)
    if not marker:
        return raw
    if marker == LIST_MARKER:  # a bullet typed in the text is the item's marker, not a second one ("- • læsning")
        text = _TYPED_BULLET.sub("", text, count=1)
    return f"{LIST_INDENT * lists.level(paragraph)}{marker}{text}"


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


def _docx_table(table, text: DocxText, notes: DocxFootnotes) -> str:
    """One line per row, cells separated by " | "."""
    return "\n".join(" | ".join(cells) for cells in _docx_rows(table, text, notes))


def _docx_rows(table, text: DocxText, notes: DocxFootnotes) -> list[list[str]]:
    """The texts of the cells of each row that has any (a merged cell, repeated by python-docx, counts once)."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[object] = []
        for cell in row.cells:
            if any(cell._tc is other for other in seen):
                continue
            seen.append(cell._tc)
            cells.append(_docx_cell(cell, text, notes))
        if any(cells):
            rows.append(cells)
    return rows


def _docx_cell(cell, text: DocxText, notes: DocxFootnotes) -> str:
    """A cell's text on one line. A table nested in the cell reads as its rows, cells separated by commas and
    rows by semicolons ("Under 1 minut, notat i journalen; Over 1 minut, indberetning"): " | " and line
    breaks would make its rows and cells the outer table's."""
    from docx.table import Table

    parts = [
        "; ".join(", ".join(filter(None, cells)) for cells in _docx_rows(item, text, notes))
        if isinstance(item, Table)
        else notes.paragraph_text(item)
        for item in _docx_content(cell, text)
    ]
    return " ".join(" ".join(parts).split())


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
