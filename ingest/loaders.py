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
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.docx_footnotes import DocxFootnotes
from ingest.docx_lists import DocxLists, broken_numbering_part, style_chain, with_empty_numbering
from ingest.docx_text import DocxText, join_deleted_paragraph_marks, open_table_controls
from ingest.pdf_layout import page_texts
from ingest.types import DocumentInfo, LoadedDocument, Page
from tidlig.cpr import redact_cpr
from tidlig.text import (
    BULLETS, LIST_INDENT, LIST_MARKER, MUNICIPALITY, NO_HEADER, YEAR, as_shown, is_list_item, join_danish, labels_values, one_line,
)

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
# A Word table's header is at most this many rows (a merged cell over the columns it divides, see ``_docx_header_depth``).
_MAX_DOCX_HEADER_ROWS = 3
# A paragraph set in bold is a heading only when short (see ``_docx_bold_title``).
_MAX_BOLD_HEADING_WORDS = 12
# A table's label (a row's first cell, a column's name) is a few words: "Bekymring for vægt, søvn eller hygiejne"
# is text of a row, not a label (see ``_docx_first_row_heads``).
_MAX_LABEL_WORDS = 5
# A section's number typed in front of a heading: "1 Formål", "2.3 Tilsyn" (a year, "2025 ...", is no section number).
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s")
# Titles Word and templates give a file, not its author: "Dokument1", "Document", "Microsoft Word - notat.doc".
_DEFAULT_DOCX_TITLE = re.compile(r"(?i)|microsoft word - .*|(?:dokument|document|word document|untitled|unavngivet|titel|title)\s*\d*")
_DOCX_APP_PROPERTIES = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_DOCX_EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
# A bullet typed at the start of a list paragraph's text ("•\tlæsning" on a "List Paragraph" paragraph, which
# Word shows without a bullet of its own): any bullet glyph, or a typed "*", "-" or "–".
_TYPED_BULLET = re.compile(rf"^[{BULLETS}*\-–]\s+")
# A checklist's box, empty, ticked or crossed, opening a paragraph (see ``_docx_checklist_item``).
_CHECK_BOX = re.compile(r"^[\u2610-\u2612]\s*")
# The styles of a table of contents' entries and title ("toc 1" as Word names them, "Contents 1" as LibreOffice
# does), and of a table of figures: they repeat headings and captions with page numbers, and are not read.
_CONTENTS_STYLE = re.compile(r"(?:toc|contents) ?(?:\d|heading)|table of figures")
# The ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ (U+FB00-FB06) that PDF fonts extract as one character: "konﬂikter" would be another
# word than "konflikter" to the search. Only these are decomposed; NFKC on the whole text would also turn "½"
# into "1⁄2" and "…" into "...".
_LIGATURES = str.maketrans({chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)})


# Word 97-2003 (.doc) files are OLE compound files; a .docx is a zip archive.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLD_WORD = "filen er i det ældre Word-format (.doc), som ikke kan læses; gem den som .docx i Word, og prøv igen"

_CPR_IN_NAME = "filnavnet indeholder et CPR-nummer, som ikke må gemmes i indekset; omdøb filen uden nummeret, og prøv igen"


class UnreadableFile(Exception):
    """The file cannot be ingested; ``str(error)`` is a Danish reason for the user."""


def load_document(path: Path, catalog: dict[str, DocumentInfo], max_bytes: int) -> LoadedDocument:
    if redact_cpr(path.name)[1]:
        # The name is the document's id and, without a catalog entry, its title: stored, embedded and shown.
        raise UnreadableFile(_CPR_IN_NAME)
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise UnreadableFile(_OLD_WORD)
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableFile(f"filtypen {suffix or '(ingen)'} understøttes ikke (kun PDF, DOCX, TXT og MD)")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile("filen er tom")
    if size > max_bytes:
        raise UnreadableFile(f"filen er for stor ({size / 1e6:.1f} MB; grænsen er {max_bytes / 1e6:g} MB)")
    data = path.read_bytes()
    notes: list[str] = []
    match suffix:
        case ".pdf":
            pages, embedded = _pdf_pages(path, notes)
        case ".docx":
            if data.startswith(_OLE_SIGNATURE):  # a .doc renamed, as people do to get it accepted
                raise UnreadableFile(_OLD_WORD)
            check_docx_parts(path)  # before python-docx inflates anything
            pages, embedded = _docx_pages(path)
        case _:
            pages, embedded = (Page(1, _decode_text(data, path)),), {}
    pages = tuple(replace(page, text=_as_read(page.text)) for page in pages)
    pages = _without_cpr_numbers(pages, path, notes)
    check_extracted_length(page.text for page in pages)
    if not any(page.text.strip() for page in pages):
        raise UnreadableFile("filen indeholder ingen tekst")
    info = catalog.get(path.name) or _info_from_file(path, embedded, pages[0].text)
    return LoadedDocument(info=info, pages=pages, sha256=hashlib.sha256(data).hexdigest(), path=path, notes=tuple(notes))


def _without_cpr_numbers(pages: tuple[Page, ...], path: Path, notes: list[str]) -> tuple[Page, ...]:
    """The pages with every CPR number replaced by "[CPR-NR]": a case note or a form an organisation adds may
    hold one, and nothing the index stores, embeds or quotes may. The count is logged and told the user (in
    ``notes``), never the number."""
    redacted = [redact_cpr(page.text) for page in pages]
    if found := sum(count for _, count in redacted):
        log.warning("%s: removed %d CPR number(s) from the text before indexing", path.name, found)
        notes.append(f"{'ét CPR-nummer er fjernet' if found == 1 else f'{found} CPR-numre er fjernet'} fra teksten")
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


def _pdf_pages(path: Path, notes: list[str]) -> tuple[tuple[Page, ...], dict[str, str]]:
    """The pages of a PDF and its own metadata; a note for the user in ``notes`` when pages have no text."""
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
        notes.append(f"side {join_danish([str(n) for n in scanned])} har intet tekstlag (fx scannet) og kan ikke søges i eller citeres")
    pages = tuple(Page(number, text, label) for number, (text, label) in enumerate(zip(texts, labels, strict=True), 1))
    return pages, embedded


def _letters(text: str) -> int:
    return len(re.findall(r"\w", text))


def _scanned(page, text: str) -> bool:
    """Whether a PDF page is an image without a text layer: (almost) no letters, and an image to show."""
    return _letters(text) < MIN_LETTERS_PER_PAGE and len(page.images) > 0


def _pdf_metadata(reader) -> dict[str, str]:
    metadata = reader.metadata or {}
    return _stated_facts(metadata.get("/Title"), metadata.get("/Author"), metadata.get("/Subject"))


def _stated_facts(title, publisher, subject) -> dict[str, str]:
    """Title, publisher and a publication year a document states about itself (a PDF's or Word file's properties).

    The creation date is not a publication year: it is when this file was made (an export, a scan, a
    re-save), and a file that imitates a real report shows a recent year next to the real report's. A
    year counts only when the document's own title or subject names exactly one year ("Årsrapport 2021").
    """
    facts = {"title": title, "publisher": publisher}
    stated = {year for field in (title, subject) for year in YEAR.findall(str(field or ""))}
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


def _docx_pages(path: Path) -> tuple[tuple[Page, ...], dict[str, str]]:
    document, problem = _open_docx(path)
    open_table_controls(document.element.body)  # before anything reads the tables' rows and cells
    join_deleted_paragraph_marks(document.element.body)
    text = DocxText(document.element.body)
    lists = DocxLists.of(document, problem)
    lists.nest_by_indentation(_docx_list_runs(document, text, lists))
    pages = _docx_page_texts(document, text, lists)
    lists.warn_fallbacks(path.name)
    return pages, _docx_metadata(document, text)


def _docx_metadata(document, text: DocxText) -> dict[str, str]:
    """The title and publisher a Word file states about itself (see ``_stated_facts``): its title property,
    unless Word or a template filled it in ("Dokument1"), else its paragraph in the Title style, else the
    heading that opens it (see ``_docx_opening_heading``), and the company of its extended properties. The
    author and the last to save the file are who typed it, not who publishes it."""
    properties = document.core_properties
    title = "" if _DEFAULT_DOCX_TITLE.fullmatch(properties.title.strip()) else properties.title
    title = title or _docx_title_paragraph(document) or _docx_opening_heading(document, text)
    return _stated_facts(title, _docx_company(document), properties.subject)


def _docx_title_paragraph(document) -> str:
    """The text of the document's first paragraph in the Title style, "" where none has text: Google Docs and
    LibreOffice save no title property, and such a file was titled by its name ("d03 sprogpolitik endelig v2")."""
    titles = (paragraph for paragraph in document.paragraphs if re.match("tit(?:le|el)", _docx_style(paragraph)))
    return next((shown for paragraph in titles if (shown := " ".join(as_shown(paragraph.text).split()))), "")


def _docx_opening_heading(document, text: DocxText) -> str:
    """The text of the heading (by style or outline level, see ``_docx_heading_level``) that opens the document,
    no text or table before it, and heads all of it: no heading of its level or above follows. "" for any other.

    A file written without a Title paragraph or title property (most Word files) was titled by its name
    ("d03 sprogpolitik endelig v2") though its first line, set as Heading 1, says what it is. A document whose
    first heading is one of several of its level ("Indledning", then "Baggrund") has no title in its text,
    and one whose first heading is numbered ("1. Formål") opens with a section: neither names the document.
    """
    items = [item for item in _docx_content(document._body, text) if _docx_is_block(item) or text.plain(item._p).strip()]
    opening = items[0] if items and not _docx_is_block(items[0]) else None
    level = _docx_heading_level(opening) if opening is not None else 0
    if opening is None or not level or DocxLists.is_item(opening):
        return ""
    if any(0 < _docx_heading_level(item) <= level for item in items[1:] if not _docx_is_block(item)):
        return ""
    shown = " ".join(text.plain(opening._p).split())
    return "" if _SECTION_NUMBER.match(shown) else shown


def _docx_company(document) -> str:
    from docx.oxml import parse_xml
    from lxml.etree import LxmlError

    part = next((part for part in document.part.package.iter_parts() if part.content_type == _DOCX_APP_PROPERTIES), None)
    try:
        company = parse_xml(part.blob).find(f"{_DOCX_EXTENDED}Company") if part is not None else None
    except (LxmlError, ValueError):
        return ""  # the extended properties are only metadata: a broken part leaves the file readable
    return (company.text or "") if company is not None else ""


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
    items = _with_tab_tables(list(_docx_content(document._body, text)), text)
    levels = _docx_heading_levels(items, text)
    pages: list[list[str]] = [[]]
    for item in items:
        if isinstance(item, Table | _TabTable):
            pages[-1].append(_docx_table(item, text, notes, lists) if isinstance(item, Table) else item.read(notes))
            continue
        if _docx_page_break(item) and pages[-1]:
            pages[-1] += notes.take()
            pages.append([])
        pages[-1].append(_docx_paragraph(item, levels.get(item._p, 0), lists, notes))
        pages[-1] += [_docx_paragraph(box, _docx_heading_level(box), lists, notes) for box in _docx_text_boxes(item)]
    pages[-1] += notes.take(end=True)
    texts = [_docx_join(page) for page in pages]
    return tuple(Page(number, text, str(number) if len(texts) > 1 else "") for number, text in enumerate(texts, 1))


@dataclass(frozen=True)
class _TabTable:
    """Consecutive paragraphs set as a table with tabs ("Navn<TAB>Funktion<TAB>Telefon"), read as a table."""

    paragraphs: list

    def read(self, notes: DocxFootnotes) -> str:
        """One " | "-separated row per paragraph, as a Word table is read."""
        return "\n".join(" | ".join(_tab_fields(notes.paragraph_text(paragraph))) for paragraph in self.paragraphs)


def _with_tab_tables(items: list, text: DocxText) -> list:
    """``items`` (the body's paragraphs and tables) with each run of at least two paragraphs that are the rows
    of one table set with tabs replaced by a ``_TabTable``.

    Contact lists and year plans are often typed as columns at tab stops, not as a table. Read as lines, the
    tabs became spaces: "Mette Skov Leder 41 22 33 44" (the phone number then read as a table's four values)
    under a bold "Navn Funktion Telefon" taken for a heading. A row is a plain paragraph (no heading, no list
    item, no checklist's box) with text before and after each of its tabs; the rows of a run have as many fields.
    """
    out: list = []
    run: list = []
    for item in [*items, None]:  # None ends the last run
        fields = len(_tab_fields(text.plain(item._p))) if item is not None and _tab_row(item, text) else 0
        if run and fields != len(_tab_fields(text.plain(run[0]._p))):
            out += [_TabTable(run)] if len(run) > 1 else run
            run = []
        if fields:
            run.append(item)
        elif item is not None:
            out.append(item)
    return out


def _tab_fields(paragraph_text: str) -> list[str]:
    """The fields a paragraph's tabs separate (tabs in a row are one separator), without the space around them;
    [] when a field is empty (a tab that indents, or ends the line) or there is no tab."""
    fields = [" ".join(field.split()) for field in re.split(r"\t+", paragraph_text.strip(" \n"))]
    return fields if len(fields) > 1 and all(fields) else []


def _tab_row(item, text: DocxText) -> bool:
    """Whether an item of the body may be a row of a table set with tabs: a paragraph with a tab, not a heading by
    style, a list item or a checklist's, nor a list item typed by hand ("1.<TAB>Observér barnet")."""
    if _docx_is_block(item) or "\t" not in (plain := text.plain(item._p)):
        return False
    shown = " ".join(plain.split())
    return not (_docx_heading_level(item) or DocxLists.is_item(item) or _CHECK_BOX.match(shown) or is_list_item(shown))


def _docx_is_block(item) -> bool:
    """Whether an item of the body is a table (Word's, or one set with tabs), not a paragraph."""
    from docx.text.paragraph import Paragraph

    return not isinstance(item, Paragraph)


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


def _docx_paragraph(paragraph, level: int, lists: DocxLists, notes: DocxFootnotes) -> str:
    """A paragraph's text; a heading (``level`` 1-6) as a Markdown heading of that level."""
    raw = notes.paragraph_text(paragraph).strip("\n")  # a break before or after the text separates nothing
    text = " ".join(raw.split("\n")).strip()
    if not text:
        return ""  # an empty list or heading paragraph must not leave a lone "-" or "#"
    if level:
        number = lists.heading_number(paragraph)
        return f"{'#' * level} {number} {text}" if number else f"{'#' * level} {text}"
    # Counted here, after the heading test: a numbered heading is a heading, not a list item. A nested
    # item is indented by its level, which cleaning keeps, so a sub-list stays a sub-list also where its
    # markers are of its parent's kind (bullets under bullets; see ``assistant.evidence.sub_items``).
    marker = lists.marker(paragraph)
    if not marker:
        return _docx_checklist_item(text) or raw
    if marker == LIST_MARKER:  # a bullet typed in the text is the item's marker, not a second one ("- • læsning")
        text = _TYPED_BULLET.sub("", text, count=1)
    return f"{LIST_INDENT * lists.level(paragraph)}{marker}{text}"


def _docx_checklist_item(text: str) -> str:
    """A paragraph opening with a checklist's box (a check box control's or a symbol's, see ``ingest.docx_text``)
    as an item of the checklist, the box kept: "☒\tTrækker sig fra leg" -> "- ☒ Trækker sig fra leg"; "" for any
    other. Read as lines of text, the first box's line was taken for a heading and the others for one sentence."""
    box = _CHECK_BOX.match(text)
    return f"{LIST_MARKER}{text[0]} {text[box.end() :]}" if box and text[box.end() :] else ""


def _docx_style(paragraph) -> str:
    return (paragraph.style.name or "").lower() if paragraph.style is not None else ""


def _docx_heading_level(paragraph) -> int:
    """1-6 for a paragraph Word shows as a heading: an outline level set on it, else the first style of its
    style chain (see ``ingest.docx_lists.style_chain``) that is a heading, by name ("Heading 2", "Overskrift 2",
    "Title") or by an outline level of its own. Word gives a custom style the level of the heading style it is
    based on ("Afsnitsoverskrift" on "Heading 2"), and LibreOffice and templates set the level in a style of
    their own name ("Kapiteloverskrift", outline level 1): read by name alone, such headings were body text."""
    own = _docx_outline_level(paragraph._p.pPr)
    if own is not None:
        return own
    for style in style_chain(paragraph):
        level = _docx_style_heading_level(style)
        if level is not None:
            return level
    return 0


def _docx_style_heading_level(style) -> int | None:
    """A style's heading level by its name or its own outline level; None when it says neither."""
    name = (style.name or "").lower()
    if name.startswith("title") or name.startswith("titel"):
        return 1
    match = re.match(r"^(?:heading|overskrift)\s*(\d)", name)
    if match:
        return min(int(match.group(1)), 6)
    return _docx_outline_level(style.element.pPr)


def _docx_outline_level(ppr) -> int | None:
    """The heading level an outline level in paragraph properties gives (0-8 -> 1-6), 0 for Word's "body
    text" (9, which takes a paragraph out of its style's level); None when they set none."""
    values = ppr.xpath("./w:outlineLvl/@w:val") if ppr is not None else []
    if not values or not values[0].isdigit():
        return None
    return min(int(values[0]) + 1, 6) if int(values[0]) < 9 else 0


def _docx_heading_levels(items: list, text: DocxText) -> dict:
    """The level of each heading among the body's paragraphs and tables, by paragraph element: a heading style's
    level, or for a heading set only in bold (see ``_docx_bold_title``) one below the styled heading before it.

    Many Word files mark their headings by bold type alone ("Kost" over its text); read as text, a one-word
    heading ran into the sentence under it ("Kost\nVi har en fælles madordning ...") and titled nothing.
    """
    levels: dict = {}
    styled = 0
    for index, item in enumerate(items):
        if _docx_is_block(item):
            continue
        if level := _docx_heading_level(item):
            styled = levels[item._p] = level
        elif _docx_bold_title(item, text) and _docx_body_follows(items, index, text):
            levels[item._p] = min(styled + 1, 6)
    return levels


def _docx_bold_title(paragraph, text: DocxText) -> bool:
    """A short paragraph all in bold that does not end like a sentence or a lead-in ("Vi tilbyder:" stays the
    lead-in of its list), and is no list item."""
    words = text.plain(paragraph._p).split()
    return (
        0 < len(words) <= _MAX_BOLD_HEADING_WORDS
        and not words[-1].endswith((".", ":", ",", ";"))
        and any(character.isalpha() for word in words for character in word)
        and not DocxLists.is_item(paragraph)
        and _docx_all_bold(paragraph)
    )


def _docx_body_follows(items: list, index: int, text: DocxText) -> bool:
    """Whether the next paragraph with text (or table) after ``items[index]`` is body text, not a heading. Of
    several bold lines in a row (a name over a job title, a signature) none is taken for a heading."""

    following = (items[later] for later in range(index + 1, len(items)))  # not a slice: a copy per paragraph
    after = next((item for item in following if _docx_is_block(item) or text.plain(item._p).strip()), None)
    if after is None:
        return False
    return _docx_is_block(after) or not (_docx_heading_level(after) or _docx_bold_title(after, text))


def _docx_all_bold(paragraph) -> bool:
    """Whether every run of ``paragraph`` with text is bold: set on the run, or by its character style or the
    paragraph's style (or a style they are based on). Runs in a text box anchored here are the box's."""
    from docx.text.run import Run

    runs = paragraph._p.xpath(".//w:r[w:t[normalize-space()]][not(ancestor::w:txbxContent)]")
    inherited = bool(_docx_style_bold(paragraph.style))
    return bool(runs) and all(_docx_run_bold(Run(run, paragraph), inherited) for run in runs)


def _docx_run_bold(run, inherited: bool) -> bool:
    for bold in (run.bold, _docx_style_bold(run.style)):
        if bold is not None:
            return bold
    return inherited


def _docx_style_bold(style) -> bool | None:
    """A style's bold setting, its own or inherited from the styles it is based on; None where none sets it."""
    while style is not None:
        if style.font.bold is not None:
            return style.font.bold
        style = style.base_style
    return None


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


def _docx_table(table, text: DocxText, notes: DocxFootnotes, lists: DocxLists) -> str:
    """One line per row, cells separated by " | "; a header of several rows is one row (see ``_docx_header``), and
    a table whose first row is no header opens with an empty one (see ``_docx_first_row_heads``).
    An empty first or last cell leaves the row starting with "| " or ending with " |": a line starting with a
    space would start a new frame of text (see ``ingest.structure``), and the row would leave its table."""
    rows = list(table.rows)
    caption = _docx_cell(rows.pop(0).cells[0], text, notes, lists) if len(rows) > 2 and _docx_spans_table(rows[0]) else ""
    depth = _docx_header_depth(rows, text)
    header = [_docx_header(rows[:depth], text, notes, lists)] if depth > 1 else []
    body = rows[depth:] if header else rows
    lines = [" | ".join(cells).strip() for cells in header + _docx_rows(body, text, notes, lists)]
    # A form's labels and values ("Institution: | Solsikken") read row by row, as in a PDF (see ingest.structure).
    if depth == 1 and not labels_values(lines) and not _docx_first_row_heads(table, rows, text):
        lines.insert(0, NO_HEADER)
    table_text = "\n".join(lines)
    return f"{caption}\n\n{table_text}" if caption else table_text


def _docx_first_row_heads(table, rows, text: DocxText) -> bool:
    """Whether a table's first row (of ``rows``, the caption taken off) is its header, which the rows under it
    are read with; when it is not, the table is read with an empty header (``tidlig.text.NO_HEADER``).

    Read with its first row as the header, a table of labels and values ("Institution | Solsikken" over "Leder
    | Mette Skov") gave every row the column names "Institution" and "Solsikken", and its first row, a header,
    was quoted by nothing. Word marks a header only by the repeat flag (``w:tblHeader``) or by how it shows the
    row, so the row's form decides, in this order:

    - marked as the header, or shown apart by the table's style (its first-row formatting) or by its own: a
      header in bold or shaded over rows that are not: a header;
    - formatted as the rows under it, which are formatted (a bold or shaded first column of labels, the first
      row's label included): no header;
    - a form's field opening it ("Navn:", a header names a column and opens nothing): no header;
    - a label over a column of figures or texts ("Frist" over "31. januar", "Forklaring" over sentences): a header;
    - two columns, a label opening every row, values of several kinds (a name, an address, a phone number): no
      header, for such a table pairs labels with their values, and its first row is one of the pairs;
    - else a header, as before: a table that names its columns in its first row unformatted ("Navn | Rolle"
      over "Hanne Møller | Leder") cannot be told by its form from two pairs of the same kind ("Institution |
      Solsikken" over "Leder | Mette Skov"), and is the more common.
    """
    if len(rows) < 2 or _docx_marked_header(table, rows[0]):
        return True
    emphasis = [_docx_row_emphasis(row, text) for row in rows]
    first, below = emphasis[0], emphasis[1:]
    if any(first) and False not in first and any(False in row for row in below):
        return True
    if True in first and False in first and all(_docx_alike(row, first) for row in below):
        return False
    cells = [[_docx_cell_plain(cell, text) for cell in row.cells] for row in rows]
    if cells[0] and cells[0][0].endswith(":"):
        return False
    if any(_docx_heads_column(cells, column) for column in range(len(cells[0]))):
        return True
    return not _docx_labels_and_values(rows, cells)


def _docx_marked_header(table, row) -> bool:
    """Whether the first row is marked as the header: Word's "repeat as header row" (``w:tblHeader``), or a table
    style that formats the first row (bold, shading) where the table shows that formatting (its ``w:tblLook``)."""
    if row._tr.xpath("./w:trPr/w:tblHeader[not(@w:val='0' or @w:val='false' or @w:val='off')]"):
        return True
    styles = style_chain(table) if _docx_shows_first_row(table._tbl) else ()  # the table's style, and those it is based on
    bold = "w:rPr/w:b[not(@w:val='0' or @w:val='false')]"
    return any(style.element.xpath(f"./w:tblStylePr[@w:type='firstRow'][{bold} or w:tcPr/w:shd]") for style in styles)


def _docx_shows_first_row(tbl) -> bool:
    """Whether a table shows its style's first-row formatting ("Header row" ticked in Word): ``w:firstRow``, or
    in older files bit 0x0020 of ``w:val``; on where the table says nothing, as in Word."""
    from docx.oxml.ns import qn

    look = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblLook')}")
    if look is None:
        return True
    if (flag := look.get(qn("w:firstRow"))) is not None:
        return flag in ("1", "true", "on")
    try:
        return bool(int(look.get(qn("w:val"), "0020"), 16) & 0x0020)
    except ValueError:
        return True


def _docx_row_emphasis(row, text: DocxText) -> list[bool | None]:
    """Per cell of a row (per grid column, as python-docx gives them) whether it is set apart: shaded, or its text
    all bold; None for an empty cell without shading, which says nothing either way."""
    emphasis: list[bool | None] = []
    for cell in row.cells:
        paragraphs = [item for item in _docx_content(cell, text) if not _docx_is_block(item) and text.plain(item._p).strip()]
        if _docx_shaded(cell._tc):
            emphasis.append(True)
        else:
            emphasis.append(all(_docx_all_bold(paragraph) for paragraph in paragraphs) if paragraphs else None)
    return emphasis


def _docx_shaded(tc) -> bool:
    """Whether a cell is shaded with a colour (``w:shd`` with a fill other than none, auto or white)."""
    fills = tc.xpath("./w:tcPr/w:shd/@w:fill")
    return bool(fills) and fills[0].lower() not in ("", "auto", "ffffff")


def _docx_alike(row: list[bool | None], first: list[bool | None]) -> bool:
    """Whether a row is set apart where the first row is, and only there (empty cells agree with anything)."""
    return len(row) == len(first) and all(a is None or b is None or a == b for a, b in zip(row, first, strict=True))


def _docx_cell_plain(cell, text: DocxText) -> str:
    """A cell's shown text on one line, without markers or notes: to judge its form, not to be read."""
    from docx.oxml.ns import qn

    return " ".join(" ".join(text.plain(paragraph) for paragraph in cell._tc.iter(qn("w:p"))).split())


def _docx_heads_column(cells: list[list[str]], column: int) -> bool:
    """Whether the first row's cell in ``column`` is a label over cells that are no labels (figures, dates,
    sentences, longer texts): "Frist" over "31. januar", "Telefon" over "41 22 33 44"."""
    below = [row[column] for row in cells[1:] if column < len(row) and row[column]]
    return _docx_label(cells[0][column]) and bool(below) and not any(map(_docx_label, below))


def _docx_labels_and_values(rows, cells: list[list[str]]) -> bool:
    """Whether a table pairs labels with values: two columns, no cell merged across them, a label opening every
    row with text, and values of several kinds under the first row, labels and others ("Mette Skov" and "75 12
    34 56"). A column under a header holds one kind: "Hanne Møller" and "Jens Kofoed" under "Navn"."""
    if not all(len(row.cells) == 2 and row.cells[0]._tc is not row.cells[1]._tc for row in rows):
        return False
    labelled = all(_docx_label(row[0]) for row in cells if any(row))
    return labelled and len({_docx_label(row[1]) for row in cells[1:] if row[1]}) == 2


def _docx_label(cell: str) -> bool:
    """A short text without figures that ends like no sentence: "Leder", "Åbningstid", "Barnets navn:"."""
    words = cell.split()
    return 0 < len(words) <= _MAX_LABEL_WORDS and not any(c.isdigit() for c in cell) and not cell.endswith((".", "!", "?"))


def _docx_spans_table(row) -> bool:
    """Whether one cell spans the whole row of a table of several columns: a table's title over its header
    ("Kontakter ved bekymring"), or a row that groups the rows under it ("Fase 1: Mistanke")."""
    cells = row.cells
    return len(cells) > 1 and all(cell._tc is cells[0]._tc for cell in cells)


def _docx_rows(rows, text: DocxText, notes: DocxFootnotes, lists: DocxLists) -> list[list[str]]:
    """The texts of the cells of each row that has any (a merged cell, repeated by python-docx, counts once)."""
    rows_read = []
    for row in rows:
        cells: list[str] = []
        seen: list[object] = []
        for cell in row.cells:
            if any(cell._tc is other for other in seen):
                continue
            seen.append(cell._tc)
            cells.append(_docx_cell(cell, text, notes, lists))
        if len(cells) == 1 and _docx_spans_table(row):
            cells.append("")  # a row of one cell over all columns stays a row: "Fase 1: Mistanke |"
        if any(cells):
            rows_read.append(cells)
    return rows_read


def _docx_header_depth(rows, text: DocxText) -> int:
    """How many rows a table's header has: the first, and each next one that divides a merged cell of the row
    above into columns ("Timer" over "2023 | 2024"). Read apart, the first row named fewer columns than the data
    rows have, and the row under it read as data ("Område | 2023 | 2024 | Ansvarlig"). One data row stays."""
    depth = 1
    while depth < min(len(rows) - 1, _MAX_DOCX_HEADER_ROWS) and _docx_divides(rows[depth - 1].cells, rows[depth].cells, text):
        depth += 1
    return depth


def _docx_divides(above: list, below: list, text: DocxText) -> bool:
    """Whether row ``below`` (its cells per grid column, as python-docx gives them) divides the cells of row
    ``above`` that span columns: under them it has more cells, with text; under any other cell it has that cell
    merged down or an empty cell. A row with its own text there is data under a merged header cell."""
    if len(above) != len(below):
        return False
    spanned = [column for column, cell in enumerate(above) if sum(other._tc is cell._tc for other in above) > 1]
    rest = [column for column in range(len(above)) if column not in spanned]
    divided = len({below[column]._tc for column in spanned}) > len({above[column]._tc for column in spanned})
    return (
        divided
        and all(_docx_has_text(below[column], text) for column in spanned)
        and all(below[column]._tc is above[column]._tc or not _docx_has_text(below[column], text) for column in rest)
    )


def _docx_has_text(cell, text: DocxText) -> bool:
    from docx.oxml.ns import qn

    return any(text.plain(paragraph).strip() for paragraph in cell._tc.iter(qn("w:p")))


def _docx_header(rows, text: DocxText, notes: DocxFootnotes, lists: DocxLists) -> list[str]:
    """One label per column of a header of several rows: the texts of the cells above each other in that column,
    a cell merged down or across read once ("Timer 2023", "Timer 2024", "Område")."""
    texts: dict = {}  # each cell read once, so that a footnote referred to in it is numbered once
    for row in rows:
        for cell in row.cells:
            if cell._tc not in texts:
                texts[cell._tc] = _docx_cell(cell, text, notes, lists)
    columns = zip(*(row.cells for row in rows), strict=True)
    return [" ".join(filter(None, (texts[tc] for tc in dict.fromkeys(cell._tc for cell in column)))) for column in columns]


def _docx_cell(cell, text: DocxText, notes: DocxFootnotes, lists: DocxLists) -> str:
    """A cell's text on one line. A table nested in the cell reads as its rows, cells separated by commas and
    rows by semicolons ("Under 1 minut, notat i journalen; Over 1 minut, indberetning"): " | " and line
    breaks would make its rows and cells the outer table's. Its paragraphs and lines are joined as
    ``tidlig.text.one_line`` says; a list item keeps its number (see ``_docx_cell_paragraph``)."""
    from docx.table import Table

    parts = [
        "; ".join(", ".join(filter(None, cells)) for cells in _docx_rows(item.rows, text, notes, lists))
        if isinstance(item, Table)
        else _docx_cell_paragraph(item, lists, notes)
        for item in _docx_content(cell, text)
    ]
    return one_line(line for part in parts for line in part.split("\n"))


def _docx_cell_paragraph(paragraph, lists: DocxLists, notes: DocxFootnotes) -> str:
    """A paragraph of a table cell, a list item with the number or letter Word shows in front of it, as in the
    body ("1. Ring til lederen"): the steps of a procedure in a cell lost their numbers, which the text refers
    to ("se trin 2"). It is counted where Word counts it, so a list the table interrupts counts on after it.
    A bullet is not written: the cell is one line, whose items ``one_line`` already separates."""
    raw = notes.paragraph_text(paragraph)
    if not raw.strip():
        return raw  # not counted, as an empty list paragraph of the body is not (see ``_docx_paragraph``)
    marker = lists.marker(paragraph)
    return raw if marker == LIST_MARKER else f"{marker}{raw}"


def _info_from_file(path: Path, embedded: dict[str, str], first_page: str) -> DocumentInfo:
    year = embedded.get("year")
    return DocumentInfo(
        doc_id=path.name,
        title=embedded.get("title") or path.stem.replace("-", " ").replace("_", " "),
        publisher=embedded.get("publisher") or opening_municipality(first_page),
        year=int(year) if year else None,
        kind="dokument",
        form="prose",
    )


# How far into its first page a document says who publishes it: the title block of a report, a policy or a
# slide deck ("Handleguide ... i Faxe Kommune", "Skive Kommune, PPR og Dagtilbud · 14. marts 2024").
TITLE_BLOCK_CHARS = 400
_OPENING_MUNICIPALITY = re.compile(MUNICIPALITY)


def opening_municipality(first_page: str) -> str:
    """The municipality a document names in its title block ("Sorø Kommune"), "" when it names none there.

    A file an organisation adds seldom states a publisher in its properties, yet its questions name the
    municipality ("Hvilke principper bygger Skives model på?") and its slides do not repeat the name: without
    a publisher, those slides did not speak for Skive, and the question was declined with the answer ranked
    first. A municipality named later on the first page is more often one the text is about.
    """
    found = _OPENING_MUNICIPALITY.search(first_page[:TITLE_BLOCK_CHARS])
    return found.group(0) if found else ""
