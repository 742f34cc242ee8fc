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
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ingest.types import DocumentInfo, LoadedDocument, Page
from tidlig.text import YEAR

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
    check_extracted_length(page.text for page in pages)
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
        # A PDF with only an owner password (printing or copying restricted) opens with the empty password.
        if reader.is_encrypted and not _opens_without_password(reader):
            raise UnreadableFile("PDF-filen er krypteret eller beskyttet med adgangskode")
        labels = list(reader.page_labels)
        texts = list(bounded_texts(page.extract_text() or "" for page in reader.pages))
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


def _opens_without_password(reader) -> bool:
    from pypdf.errors import DependencyError

    try:
        return bool(reader.decrypt(""))  # PasswordType.NOT_DECRYPTED is 0
    except DependencyError:  # AES needs the cryptography package; without it the file cannot be read
        log.warning("AES-encrypted PDF needs the cryptography package")
        return False


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
