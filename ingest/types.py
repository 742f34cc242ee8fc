"""Typed values that flow through ingestion: document facts, pages, structural blocks, chunks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from tidlig.text import sentence_case

DocumentForm = Literal["slides", "prose"]
BlockKind = Literal["text", "slide", "notes", "case", "recommendations", "table"]
UnitKind = Literal["sentence", "list_item", "table_row"]


@dataclass(frozen=True)
class DocumentInfo:
    """Bibliographic facts of one document; ``doc_id`` is its file name."""

    doc_id: str
    title: str
    publisher: str = ""
    year: int | None = None
    kind: str = "dokument"  # rapport | notat | oplæg | pjece | dokument
    form: DocumentForm = "prose"


@dataclass(frozen=True)
class Page:
    """Text of one physical page (PDF) or of a whole text file (``number`` 1, empty label)."""

    number: int
    text: str
    label: str = ""


@dataclass(frozen=True)
class LoadedDocument:
    info: DocumentInfo
    pages: tuple[Page, ...]
    sha256: str
    path: Path
    # What the user should know about a file read but not whole, in Danish ("side 2 og 4 har intet tekstlag ...").
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """A structural unit of a document that chunking never merges with another one.

    ``location`` is what a citation shows ("side 4", "dias 7", "kapitel 02"). Cases carry their
    number, title and municipality; ``section`` is the nearest heading above the block.
    ``page_starts`` tells where a block that runs over several pages changes page: triples
    (offset, page, label), the offset counted in the block text's letters and digits only (see
    :func:`letters_of`), so a chunk cut from the block finds its own page however it was re-spaced;
    ``label`` is the page's printed label ("iv", "12"), shown in citations. ``heading`` holds the
    headings printed right above the block ("CASE #3 Styrket samarbejde ... i Aarhus Kommune", a
    section's title on the section's first block), which open its first chunk.
    """

    text: str
    kind: BlockKind = "text"
    location: str = ""
    page: int | None = None
    slide: int | None = None
    section: str = ""
    case_number: int | None = None
    case_title: str = ""
    municipality: str = ""
    page_starts: tuple[tuple[int, int, str], ...] = ()
    heading: str = ""  # headings printed right above the text, one per line; not part of ``text``
    note: str = ""  # footnotes: what those that add to the text annotate ("note 3 til »Socialrådgivere i dagtilbud«")
    caption: str = ""  # a table's caption, which says what its figures are ("Tabel 1. Budget ... (mio. kr.)")


def letters_of(text: str) -> str:
    """Letters and digits of ``text``, lowercased: the same for a text however it is wrapped or spaced."""
    return "".join(character for character in text.lower() if character.isalnum())


@dataclass(frozen=True)
class Chunk:
    """A piece of a block sized for the embedding model, with the metadata every citation needs."""

    chunk_id: str
    doc: DocumentInfo
    block: Block
    text: str
    ordinal: int  # position of the chunk within its document
    context: str = ""  # document title, section and case heading: embedded and searched with the text
    # The block's headings as printed, when ``text`` opens with them (the block's first chunk), followed by
    # a blank line: searched and shown with the passage, but never an evidence unit (a title is no sentence).
    heading: str = ""
    metadata: dict[str, str | int | float] = field(default_factory=dict)

    @property
    def search_text(self) -> str:
        return search_text(self.text, self.context)


# Between the headings of a chunk's section path: "02 Styrk det tværprofessionelle samarbejde › Arbejd med ...".
SECTION_SEPARATOR = " › "


def section_path(section: str) -> list[str]:
    """The headings of a section path, outermost first (none for an empty path)."""
    return [heading for heading in (piece.strip() for piece in section.split(SECTION_SEPARATOR.strip())) if heading]


def parent_section(section: str) -> str:
    """The section path one level up ("3. Trivselsmodellen" of "3. Trivselsmodellen › Grøn – barnet trives"; "" for a
    section at the top)."""
    return SECTION_SEPARATOR.join(section_path(section)[:-1])


# A footnote at the foot of a page: its number, then a capital ("7 Ugebrevet A4 (26. februar 2013): ...").
FOOTNOTE = re.compile(r"^\d{1,2} {1,2}[A-ZÆØÅ]")
# How a passage of footnotes names a note and what it annotates (``Block.note``, searched in the context).
_NOTE_NAME = re.compile(r"note (\d{1,2}) til »([^«]*)«")


def note_number(text: str) -> str | None:
    """The number of the footnote ``text`` opens with ("7 Ugebrevet A4 ..." -> "7"), None for other text."""
    return text.split(" ", 1)[0] if FOOTNOTE.match(text) else None


def note_name(number: str, words: str) -> str:
    """ "note 3 til »Socialrådgivere i dagtilbud«": note ``number`` annotates ``words``."""
    return f"note {number} til »{words}«"


def note_names(text: str) -> list[tuple[str, str]]:
    """(number, annotated words) of each note a context names (see :func:`note_name`)."""
    return _NOTE_NAME.findall(text)


def heading_end(text: str, heading: str) -> int:
    """Where a chunk's text goes on past the ``heading`` it opens with (``Chunk.heading``); 0 when it opens otherwise."""
    return len(heading) if heading and text.startswith(heading) else 0


def search_text(text: str, context: str) -> str:
    """What is embedded and BM25-indexed: the heading context gives a chunk its topic."""
    return f"{context}\n{text}" if context else text


@dataclass(frozen=True)
class EvidenceUnit:
    """The smallest quotable piece of a chunk: a sentence, a list item or a table row.

    ``text`` is exactly ``chunk_text[start:end]`` (verbatim, so a quote can always be found again);
    ``lead_in`` is the line that introduces a list item's list, or a table's header row, so the unit
    can be shown and searched on its own (:attr:`search_text`). ``unit_id`` is stable for the same
    chunk text: ``{chunk_id}-u{position:03d}``.
    """

    unit_id: str
    chunk_id: str
    kind: UnitKind
    text: str
    start: int
    end: int
    position: int
    lead_in: str = ""

    @property
    def search_text(self) -> str:
        lead_in = sentence_case(self.lead_in)
        return f"{lead_in} {self.text}" if lead_in else self.text


@dataclass(frozen=True)
class IncompleteFile:
    """A file that was ingested, but not all of it as it stands (scanned pages, removed CPR numbers), and what
    the user should know (Danish)."""

    path: Path
    note: str


@dataclass(frozen=True)
class SkippedFile:
    """A file that was not ingested, and why (Danish, shown to the user)."""

    path: Path
    reason: str
