"""Structural blocks of a document: slides and their notes, or the sections, case boxes, recommendation
lists, tables and footnotes of a report, each with cleaned text and a location a citation can show.

Example::

    blocks = blocks_for(document)  # the KL report
    case = next(b for b in blocks if b.kind == "case")
    (case.case_number, case.municipality, case.case_title, case.location)
    # (1, "Holstebro Kommune", "Familie med Hjerte", "CASE #1")

Slide decks: a PDF deck has one slide per page; a text file separates slides by two or more blank
lines. Presenter notes become their own block next to their slide.

Reports are laid out in text frames (boxes, sidebars, columns), and the extraction shows their traces:
a frame starts with a line indented by exactly one space or after three blank lines, a box title may
stand after the box's text instead of before it, and main text interrupted by a box continues later,
often with a lowercase word. The reading order is rebuilt from those traces:

- a paragraph that starts in lowercase, or any text after a line that cannot end a sentence, continues
  the unfinished main-text paragraph before the interruption;
- a case box ("CASE #n" + title) and a recommendation list ("KL anbefaler") take the text of their own
  frame after the title, or the next frame when the title stands alone, or else their frame's text
  before the title (a title that closes its box);
- a section title standing alone right before a new frame, in a frame that opened with text, names
  that text (the pamphlet's question titles);
- where the main text's section titles run into their first line (the KL report), a title standing
  alone titles a sidebar and lasts until the frame ends; elsewhere it is a section title.

Footnotes, running page headers ("03 — Nytænk ..."), page footers ("Side 4 af 7": they give the page)
and figure captions are recognised too; a table flattened to lines of numbers becomes one table block.

PDFs and Word files arrive in the same conventions (see ``ingest.pdf_layout`` and the DOCX loader), with
more given: a heading the file marks ("## Titel": a Word heading style, a PDF bookmark) is a heading of
that level, rows of " | "-separated cells are a table, text flows on over page and column breaks, and
every line knows its page, so each block records where its text moves to the next page
(``Block.page_starts``). Reflowed PDFs run labels and titles into one line ("CASE #1 Familie med ...",
"02 Styrk det ...", "Styrk sundhedsplejens rolle Sundhedsplejen kommer ..."); those are split again.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from ingest.clean import (
    FUNCTION_WORDS,
    LIST_MARKER,
    clean_text,
    ends_mid_sentence,
    find_page_footers,
    footnote_references,
    has_words,
    is_caps,
    is_list_item,
    normalize_bullets,
    without_footnote_references,
    reflow,
    split_paragraphs,
    separate_glued_paragraphs,
    split_presenter_notes,
    starts_frame,
    starts_sentence,
    widest_line,
)
from ingest.types import FOOTNOTE, SECTION_SEPARATOR, Block, BlockKind, LoadedDocument, letters_of, note_name, note_number
from tidlig.text import (
    LIST_INDENT,
    YEAR,
    field_line,
    is_fragment,
    is_table_row,
    labels_values,
    list_level,
    split_sentences,
    table_cells,
    trailing_values,
)

log = logging.getLogger(__name__)

# Two or more blank lines separate the slides of a deck exported to text.
_SLIDE_BREAK = re.compile(r"\n(?:[ \t\u00a0]*\n){2,}")
# Lines that never title a slide: sources and links.
_SOURCE_LINE = re.compile(r"^(?:kilder?|note|læs mere)\b|^(?:https?://|www\.)", re.IGNORECASE)

_CASE = re.compile(r"^CASE\s*#\s*(\d+)$", re.IGNORECASE)
# "CASE #1 Familie med Hjerte i Holstebro Kommune": the title run into the label's line (reflowed PDFs).
_CASE_RUN_IN = re.compile(r"^(CASE\s*#\s*\d+)\s+(\S.*)$", re.IGNORECASE)
# A heading the file marks itself: Markdown, and Word heading styles as the loader writes them ("## Titel").
_MARKED_HEADING = re.compile(r"^(#{1,6})\s+(\S.*)$")
# "02 Styrk det tværprofessionelle samarbejde" on a line of its own: a chapter number run into its title.
_CHAPTER_RUN_IN = re.compile(r"^(0\d) ([A-ZÆØÅ][^.:!?]{3,70})$")
_RECOMMENDATIONS = re.compile(r"^(?:[A-ZÆØÅ]{2,}\s+)?(?i:anbefaler):?$")
_CHAPTER_NUMBER = re.compile(r"^\d{2}$")
_STRAY_CHAPTER_NUMBER = re.compile(r"^0\d$")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}\) ")
_FIGURE_LABEL = re.compile(r"^fi?gur \d+\.?$", re.IGNORECASE)
# A table's caption: "Tabel 1. Budget for indsatserne 2024-2027 (mio. kr., 2024-priser)", "Tabel 2: Ventetider".
_TABLE_CAPTION = re.compile(r"^tabel \d+[.:]?\s+\S", re.IGNORECASE)
_MAX_CAPTION_WORDS = 20
# Running page headers: "03 — Nytænk de ...", "KL-udspil om udsatte børn og unge30 02 — Styrk ..."
_RUNNING_HEADER = re.compile(r"^(?:\D*?\d{0,3})?\s?0\d [—–] [A-ZÆØÅ][^.]*$")
_BARE_LINK = re.compile(r"^(?:https?://|www\.)\S+$")
# A separator line of many spaces stands above the footnotes at the foot of a page (Word documents).
_FOOTNOTE_RULE = re.compile(r"^[ \t]{20,}$")
# "Holstebro Kommune", "Høje-Taastrup Kommune", "Københavns Kommune" (a title may start in lowercase).
_MUNICIPALITY = re.compile(r"\b([A-ZÆØÅa-zæøå][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?s? Kommune)\b")
# Several municipalities between dashes: "En række kommuner – Vordingborg, Assens ... og Viborg – har"
_MUNICIPALITY_LIST = re.compile(r"kommuner\s+[–-]\s+(?P<names>[^–]+?)\s+[–-]\s")
# The municipality closing a case title: "Familie med Hjerte i Holstebro Kommune"
_MUNICIPALITY_PHRASE = re.compile(r"\s+i\s+\S+(?:-\S+)? Kommune$")

_MAX_HEADING_LINE = 70
_MAX_HEADING = 110
_MAX_LABEL_LINE = 40  # a table label or chart label line is short
_MIN_CHART_LABELS = 4  # fewer short lines in a row are as likely titles, or a table's labels
_MAX_CHART_LABEL = 150  # a chart label is at most about two lines of a narrow column
_MIN_INLINE_BODY = 40  # text after an inline heading is at least a line of prose
_MAX_RUN_IN_WORDS = 12  # a heading run into its first sentence is short

_CHAPTER_LEVEL, _SECTION_LEVEL, _ITEM_LEVEL = 1, 2, 3


def blocks_for(document: LoadedDocument) -> list[Block]:
    """Cleaned blocks of ``document`` in document order; never an empty block.

    Should the reading of a layout fail on a file nobody foresaw, the document is still indexed, as
    one plain text block per page: a structure worse than it could be, not a document lost.
    """
    try:
        if document.info.form == "slides":
            return _slide_blocks(document)
        return _prose_blocks(document)
    except Exception:  # noqa: BLE001 - degrade to plain text, with the traceback in the log
        log.exception("structure of %s could not be read; indexing it as plain text per page", document.info.doc_id)
        return _plain_blocks(document)


def _plain_blocks(document: LoadedDocument) -> list[Block]:
    paged = len(document.pages) > 1 or document.path.suffix.lower() == ".pdf"
    blocks = []
    for page in document.pages:
        text = clean_text(page.text)
        location = f"side {page.label or page.number}" if paged else "hele dokumentet"
        if has_words(text):
            blocks.append(Block(text, "text", location, page.number if paged else None))
    return blocks


# ---- slide decks ---------------------------------------------------------------------------------------


def _slide_blocks(document: LoadedDocument) -> list[Block]:
    blocks = []
    for number, page, raw in _slides(document):
        marked, raw = _unmarked(raw)
        # A slide's text boxes share its width: a short title line above a longer line is no wrap.
        slide, spoken = split_presenter_notes(raw)
        spoken = separate_glued_paragraphs(spoken)
        body, notes = (clean_text(part, widest_line(part)) for part in (slide, spoken))
        title = marked or _slide_title(body or notes)
        if has_words(body):
            blocks.append(Block(body, "slide", f"dias {number}", page, number, title))
        if has_words(notes):
            blocks.append(Block(notes, "notes", f"dias {number} (noter)", page, number, title))
    return blocks


def _slides(document: LoadedDocument) -> Iterator[tuple[int, int | None, str]]:
    """(slide number, page, raw text) of each slide that has any text."""
    if document.path.suffix.lower() == ".pdf":
        yield from ((page.number, page.number, page.text) for page in document.pages if has_words(page.text))
        return
    texts = _SLIDE_BREAK.split("\n".join(page.text for page in document.pages))
    yield from ((number, None, text) for number, text in enumerate(filter(has_words, texts), 1))


def _unmarked(text: str) -> tuple[str, str]:
    """(the first heading the file marks, ``text`` without the marks): a PDF deck's slide titles come as
    Markdown headings ("## Hvad siger tallene?", see ``ingest.pdf_layout``), which the slide shows as text."""
    titles: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        marked = _MARKED_HEADING.match(line.strip())
        if marked:
            titles.append(marked.group(2))
            # The indentation stays: a line opening a text frame keeps its one space.
            line = line[: len(line) - len(line.lstrip())] + marked.group(2)
        lines.append(line)
    return (titles[0] if titles else ""), "\n".join(lines)


def _slide_title(text: str) -> str:
    """The first paragraph line that reads as a title: not a list item (bulleted or numbered: "1. Skab
    sammenhæng ..." under "EN NATIONAL STRATEGI MED SYV HOVEDPUNKTER (DAGTILBUD):" is the slide's first
    point), a lead-in ending in ":" or a source. A slide of nothing else is titled by its first line."""
    first_lines = [paragraph.split("\n", 1)[0] for paragraph in text.split("\n\n") if paragraph]
    for line in first_lines:
        if not (is_list_item(line) or line.endswith(":") or _SOURCE_LINE.match(line)):
            return line
    return first_lines[0] if first_lines else ""


# ---- reports: lines, pages and paragraphs ----------------------------------------------------------------


@dataclass
class _Line:
    text: str  # bullets normalised, stripped
    number: int  # position in the document's line sequence
    page: int | None  # physical page of a PDF
    frame: bool  # opens a text frame
    footnote: bool = False  # inside the footnote area at the foot of a page
    header: bool = False  # a running page header, removed
    level: int = 0  # a heading marked as such by the file (Word heading style, Markdown "##"): its level
    nesting: int = 0  # an item of a nested list: its level (see ``tidlig.text.list_level``), kept in the block text
    notes: tuple[tuple[str, str], ...] = ()  # footnote references glued to its words: (number, the word)


@dataclass(eq=False)
class _Heading:
    text: str
    level: int
    chapter: str = ""  # "01" for a chapter heading
    sidebar: bool = False  # titles a box beside the main text, not the main text itself
    frame: int = -1  # frame it was met in
    figure: bool = False  # "Figur 2. <caption>"


@dataclass(eq=False)
class _Case:
    number: int
    title: str
    municipality: str
    heading: str = ""  # the title as printed, municipality included ("Fra anbringelse til forebyggelse i Lolland Kommune")


@dataclass(eq=False)
class _Paragraph:
    lines: list[_Line]
    frame: int = 0
    index: int = 0  # position in the document's paragraph sequence
    role: str = "body"  # body | drop | footnote | heading | case | recommendations | table
    heading: _Heading | None = None
    style: str = ""  # for headings: standalone | inline | main (chapter, numbered)
    body_from: int = 0  # for inline headings: index of the first body line
    case: _Case | None = None
    owned: bool = False  # carried by a case heading, recommendation label or table start, emitted with it
    chart_label: bool = False  # one label of a chart flattened to text (see _mark_chart_labels)
    chart_item: bool = False  # a chart label under the chart's title: one item of the chart's list
    notes: dict[str, str] = field(default_factory=dict)  # a footnote paragraph's note numbers -> the words each annotates

    @property
    def title(self) -> _Heading:
        """The heading of a paragraph classified as one (role "heading" always carries it)."""
        if self.heading is None:
            raise ValueError(f"paragraph {self.index} has no heading")
        return self.heading

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def first(self) -> str:
        return self.lines[0].text


class _Pages:
    """Where a run of lines sits: PDF pages, or pages known from footers like "Side 4 af 7" in a text file.

    A footer stands at the top of its page in the extracted text; text before the first footer lies on
    the pages before it. Where a page has lost its footer, a location names the range of possible pages.
    """

    def __init__(self, lines: Sequence[_Line], footers: Sequence[tuple[int, int]], labels: dict[int, str]):
        self.by_line = {line.number: line.page for line in lines}
        self.footers = sorted(footers)  # (line number, page)
        self.labels = labels

    def locate(self, first: int, last: int) -> tuple[int | None, str]:
        """(page, "side N" or "side N-M") of the lines ``first``..``last``; (None, "") when unknown."""
        low, high = self.by_line.get(first), self.by_line.get(last)
        if low is not None and high is not None:
            return low, _pages_label(self.labels.get(low, str(low)), self.labels.get(high, str(high)))
        if not self.footers:
            return None, ""
        before = [page for line, page in self.footers if line < first]
        inside = [page for line, page in self.footers if first < line <= last]
        after = [page for line, page in self.footers if line > last]
        low = before[-1] if before else (inside[0] - 1 if inside else 1)
        high = inside[-1] if inside else (after[0] - 1 if after else low)
        high = max(high, low)
        return (low if low == high else None), _pages_label(str(low), str(high))


def _pages_label(low: str, high: str) -> str:
    return f"side {low}" if low == high else f"side {low}-{high}"


def _document_lines(document: LoadedDocument) -> tuple[list[_Line], _Pages]:
    lines: list[_Line] = []
    footers: list[tuple[int, int]] = []
    # A PDF, or a Word file that recorded where its pages began, gives every line its page.
    paged = document.path.suffix.lower() == ".pdf" or len(document.pages) > 1
    for page in document.pages:
        # Text flows on from page to page: a page break separates paragraphs like a blank line, and a
        # sentence (or a box) that runs on over it continues (see ``continues_sentence``).
        raw = ([""] if lines else []) + page.text.split("\n")
        footer_lines = {footer.line: footer.page for footer in find_page_footers(raw)}
        footers += [(len(lines) + index, number) for index, number in footer_lines.items()]
        lines += _page_lines(raw, len(lines), page.number if paged else None, set(footer_lines))
    labels = {page.number: page.label for page in document.pages if page.label}
    return lines, _Pages(lines, [] if paged else footers, labels)


def _page_lines(raw: list[str], offset: int, page: int | None, footers: set[int]) -> list[_Line]:
    """Normalised lines of one page; footers become blank lines, frame starts and footnote areas are marked."""
    lines: list[_Line] = []
    blanks = 0
    in_footnotes = False
    texts = ["" if index in footers else text for index, text in enumerate(raw)]
    # Bullets are read with the lines around them: whether "–" or "o" marks an item depends on its neighbours.
    bulleted_lines = normalize_bullets("\n".join(texts)).split("\n")
    for index, (text, bulleted) in enumerate(zip(texts, bulleted_lines, strict=True)):
        if index in footers:
            in_footnotes = False  # the footnote area ends at the page footer
        elif _FOOTNOTE_RULE.match(text):
            in_footnotes = True
        normalised = bulleted.strip()
        marked = _MARKED_HEADING.match(normalised)
        level = len(marked.group(1)) if marked else 0
        normalised = marked.group(2) if marked else normalised
        # Three blank lines separate frames of the layout.
        frame = starts_frame(text) or blanks >= 3
        alone = (index == 0 or not raw[index - 1].strip()) and (index + 1 == len(raw) or not raw[index + 1].strip())
        run_in = _CASE_RUN_IN.match(normalised) or (alone and _CHAPTER_RUN_IN.match(normalised))
        if _RUNNING_HEADER.match(normalised) or (lines and lines[-1].header and _wraps_header(normalised, frame)):
            lines.append(_Line("", offset + index, page, False, header=True))
        elif run_in:  # the label (or number) on a line of its own, as headings are read; both keep the line's number
            lines.append(_Line(run_in.group(1), offset + index, page, frame, in_footnotes, level=level))
            lines.append(_Line(run_in.group(2), offset + index, page, False, in_footnotes))
        else:
            nesting, notes = list_level(bulleted), tuple(footnote_references(text))
            lines.append(_Line(normalised, offset + index, page, frame, in_footnotes, level=level, nesting=nesting, notes=notes))
        blanks = 0 if lines[-1].text else blanks + 1
    return lines


def _wraps_header(text: str, frame: bool) -> bool:
    """The second line of a running header wrapped in two ("03 — Nytænk ... og" / "styrk sagsbehandlingen")."""
    return not frame and text[:1].islower() and len(text) <= _MAX_LABEL_LINE and not text.endswith(".")


def _paragraphs(lines: list[_Line]) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    frame = 0
    # A heading the file marks starts a paragraph, also after a single blank line (a page break) under a
    # sentence it would seem to go on ("... hver dag, og" / "## e-læring for pædagoger").
    for group in split_paragraphs(lines, text=lambda line: line.text, frame=lambda line: line.frame or bool(line.level)):
        for paragraph in _split_off_run_on(group):
            frame += paragraph.lines[0].frame
            paragraph.frame, paragraph.index = frame, len(paragraphs)
            paragraphs.append(paragraph)
    return paragraphs


def _split_off_run_on(lines: list[_Line]) -> list[_Paragraph]:
    """A case heading is "CASE #n" and title lines up to the one naming the municipality ("... Kommune"),
    and a footnote ends before a blank line. What follows them without a blank line (main text resuming
    after the box) or after a blank line (the sentence the footnote interrupted) is not part of them.
    """
    later_case = next((i for i, line in enumerate(lines) if i and _CASE.match(line.text)), None)
    if later_case is not None:  # a case label inside running text (a reflowed page) starts the case
        return [_Paragraph(lines[:later_case]), *_split_off_run_on(lines[later_case:])]
    if lines[0].level and not _CASE.match(lines[0].text) and not _CHAPTER_NUMBER.match(lines[0].text):
        ends = [1]  # a marked heading is one line; what follows it is its text
    elif _CASE.match(lines[0].text):
        ends = [i + 1 for i, line in enumerate(lines) if i and line.text.endswith(" Kommune")]
    elif FOOTNOTE.match(lines[0].text):
        ends = [i for i in range(1, len(lines)) if lines[i].number > lines[i - 1].number + 1]
    else:
        ends = []
    if ends and ends[0] < len(lines):
        return [_Paragraph(lines[: ends[0]]), _Paragraph(lines[ends[0] :])]
    return [_Paragraph(lines)]


# ---- reports: what each paragraph is ---------------------------------------------------------------------


def _classify(paragraphs: list[_Paragraph]) -> None:
    # A file whose layout or styles mark its headings ("## ", a Word heading style) sets none of them into a
    # sentence: looked for there, a "heading run into its first sentence" was always a sentence cut before a
    # name ("Skolelederen underretter" / "Center for Familie og Forebyggelse senest ...", "Alle breve sendes
    # via" / "Aula til ...", "Med denne politik træffer" / "Byrådet et klart valg").
    run_in = not any(paragraph.lines[0].level for paragraph in paragraphs)
    for paragraph in paragraphs:
        _classify_alone(paragraph, run_in)
    _join_broken_footnotes(paragraphs)
    _merge_figure_captions(paragraphs)
    _mark_chapters(paragraphs)
    _mark_numbered_headings(paragraphs)
    _pair_chart_values(paragraphs)
    _mark_tables(paragraphs)
    _mark_chart_labels(paragraphs)
    _unmark_list_headings(paragraphs)


def _classify_alone(paragraph: _Paragraph, run_in: bool) -> None:
    """The role a paragraph has on its own, before its neighbours are looked at; a heading run into its first
    sentence is looked for only when ``run_in``."""
    first, text = paragraph.first, paragraph.text
    table_cells = all(trailing_values(line.text) for line in paragraph.lines)  # "- - -": empty cells of a table row
    marked = paragraph.lines[0].level
    if (not has_words(text) and not table_cells) or _STRAY_CHAPTER_NUMBER.match(text):
        paragraph.role = "drop"
    elif len(paragraph.lines) > 1 and all(is_table_row(line.text) for line in paragraph.lines):
        paragraph.role = "table"
    elif marked and not (_CASE.match(first) or _RECOMMENDATIONS.match(text) or _CHAPTER_NUMBER.match(first)):
        paragraph.role, paragraph.style = "heading", "main"
        paragraph.heading = _Heading(" ".join(text.split()), min(marked, _ITEM_LEVEL))
    elif paragraph.lines[0].footnote or FOOTNOTE.match(first):
        paragraph.role = "footnote"
    elif _CASE.match(first):
        paragraph.role = "case"
    elif _RECOMMENDATIONS.match(text):
        paragraph.role = "recommendations"
    elif _FIGURE_LABEL.match(text):
        paragraph.role, paragraph.style = "heading", "standalone"
        paragraph.heading = _Heading(text, _SECTION_LEVEL, figure=True)
    else:
        _mark_heading(paragraph, run_in)


def _join_broken_footnotes(paragraphs: list[_Paragraph]) -> None:
    """A footnote broken by a page ("... at anvende midlerne til kompetence-") goes on at the top of the next
    page's footnote area, before that page's first numbered note ("udvikling, og en undersøgelse i 2014
    viste at de anvender ca. 3% af midlerne til kompetenceudvikling."). Those lines join the note they
    finish: on their own they were quoted as a sentence opening in lower case, and the note lacked its end.
    A paragraph of link targets the notes above already give is dropped (see :func:`_repeats_links`)."""
    previous: _Paragraph | None = None
    for paragraph in paragraphs:
        if paragraph.role != "footnote":
            continue
        if previous is not None and _repeats_links(paragraph, previous):
            paragraph.role = "drop"
            continue
        rest = list(itertools.takewhile(lambda line: not FOOTNOTE.match(line.text), paragraph.lines))
        if previous is not None and rest and rest[0].text[:1].islower() and not _ends_sentence(previous):
            previous.lines.extend(rest)
            if len(rest) == len(paragraph.lines):
                paragraph.role = "drop"
                continue
            paragraph.lines = paragraph.lines[len(rest) :]
        previous = paragraph


def _repeats_links(paragraph: _Paragraph, notes: _Paragraph) -> bool:
    """A paragraph of bare links that the notes above already give (a Word export appends each footnote
    link's target): read as text, they ran on into the note before."""
    given = re.sub(r"[\s-]", "", notes.text)
    return all(_BARE_LINK.match(line.text) and line.text.replace("-", "") in given for line in paragraph.lines)


def _mark_heading(paragraph: _Paragraph, run_in: bool) -> None:
    """Headings: short lines without sentence punctuation, alone (standalone) or followed by a new sentence."""
    lines = [line.text for line in paragraph.lines]
    bullet = lines[0].startswith(LIST_MARKER)
    if bullet:
        lines = [lines[0][len(LIST_MARKER) :], *lines[1:]]
    count = _heading_line_count(lines)
    heading = " ".join(reflow("\n".join(lines[:count])).split())
    if not count or not _reads_as_heading(heading):
        if run_in and not bullet:
            _split_run_in_heading(paragraph)
        return
    level = _ITEM_LEVEL if bullet else _SECTION_LEVEL
    # A lone word is a chart label unless a bullet marks it as the title of what follows.
    if count == len(lines) and (bullet or len(heading.split()) >= 2):
        paragraph.style = "standalone"
    elif count < len(lines) and _opens_body(lines[count], count) and len(" ".join(lines[count:])) >= _MIN_INLINE_BODY:
        paragraph.style, paragraph.body_from = "inline", count
    else:
        return
    paragraph.role, paragraph.heading = "heading", _Heading(heading, level)


# The words that join the parts of a name ("Analyse og Udvikling", "Familie & Børn").
_NAME_JOINERS = frozenset({"og", "&"})


def _split_run_in_heading(paragraph: _Paragraph) -> None:
    """A heading run into its first sentence, as reflowed text sets it: "Styrk sundhedsplejens rolle
    Sundhedsplejen kommer i alle familier ...".

    Danish capitalises only sentence starts and names, so the heading ends before the first capitalised
    word that follows a lowercase word that is not a function word ("i", "med", "som" go before names)
    and is itself followed by a lowercase word (a name is often two capitalised words: "Lige Muligheder"),
    other than "og" before a capitalised word: "På baggrund af evalueringen anbefaler Analyse og Udvikling, at
    ..." names a department, and had been cut into a heading "På baggrund af evalueringen anbefaler" over
    "Analyse og Udvikling, at Børne- og Familieudvalget:", whose recommendations then read as the department's.
    """
    words = [(index, word) for index, line in enumerate(paragraph.lines) for word in line.text.split()]
    for position in range(2, min(len(words) - 1, _MAX_RUN_IN_WORDS + 1)):
        before, word, after = words[position - 1][1], words[position][1], words[position + 1][1]
        if not before.isalpha() or not before.islower() or before in FUNCTION_WORDS:
            if not before[-1:].isalpha():
                return  # punctuation: a sentence, not a heading
            continue
        named = after in _NAME_JOINERS and position + 2 < len(words) and words[position + 2][1][:1].isupper()
        if word.isalpha() and word[0].isupper() and word[1:].islower() and after[:1].islower() and not named:
            break
    else:
        return
    if any(not word.islower() for _, word in words[1:position]):
        return  # a name inside ("I Danmark er særligt Herning ...") makes it a sentence, not a heading
    heading = " ".join(word for _, word in words[:position])
    body = " ".join(word for _, word in words[position:])
    if not _reads_as_heading(heading) or len(body) < _MIN_INLINE_BODY:
        return
    line_index = words[position][0]
    line = paragraph.lines[line_index]
    cut = len(" ".join(word for index, word in words[:position] if index == line_index))
    head = _Line(line.text[:cut].strip(), line.number, line.page, line.frame, line.footnote)
    rest = _Line(line.text[cut:].strip(), line.number, line.page, False, line.footnote)
    paragraph.lines = [*paragraph.lines[:line_index], *([head] if head.text else []), rest, *paragraph.lines[line_index + 1 :]]
    paragraph.role, paragraph.style = "heading", "inline"
    paragraph.body_from = paragraph.lines.index(rest)
    paragraph.heading = _Heading(heading, _SECTION_LEVEL)


def _heading_line_count(lines: list[str]) -> int:
    count = 0
    for index, line in enumerate(lines[:4]):
        wrapped_caps = index > 0 and is_caps(lines[index - 1]) and is_caps(line)
        continues = index == 0 or line[:1].islower() or line[:1].isdigit() or line[:1] == "(" or wrapped_caps
        if not continues or not _is_heading_line(line):
            break
        count += 1
    return count


def _is_heading_line(line: str) -> bool:
    return (
        0 < len(line) <= _MAX_HEADING_LINE
        and not is_list_item(line)
        and line[-1] not in ".,;:-!"
        and not re.search(r"\. [A-ZÆØÅ]", line)  # a sentence ends inside
        and not _SOURCE_LINE.match(line)
        and (":" not in line or line.isupper())
    )


def _reads_as_heading(heading: str) -> bool:
    last_word = heading.rsplit(" ", 1)[-1].lower()
    commas_fit = "," not in heading or heading.endswith("?")  # a title with commas is a question
    numbers = sum(any(c.isdigit() for c in word) for word in heading.split())  # chart axes are numbers
    # A sentence ending inside is prose, also before a figure ("... perspektiv. 44 pct. af"): a line
    # justified with tabs can look short and unpunctuated at its end, and a heading is never two sentences.
    one_sentence = len(split_sentences(heading)) <= 1
    return len(heading) <= _MAX_HEADING and last_word not in FUNCTION_WORDS and commas_fit and numbers <= 1 and one_sentence


def _opens_body(line: str, heading_lines: int) -> bool:
    """The line after a heading starts a sentence; a number may start one after a heading of several lines
    ("90 pct. af ..."), while after one line it is more likely a wrapped sentence ("... i efteråret" / "2014, der")."""
    return starts_sentence(line) or (heading_lines > 1 and line[:1].isdigit())


def _merge_figure_captions(paragraphs: list[_Paragraph]) -> None:
    """ "Figur 2." followed by its caption is one heading: "Figur 2. Uddannelsesniveau blandt ..."."""
    for label, caption in pairwise(paragraphs):
        if label.role == "heading" and _FIGURE_LABEL.match(label.text) and _is_caption(caption):
            label.title.text += " " + " ".join(reflow(caption.text).split())
            label.lines = label.lines + caption.lines
            caption.role, caption.heading, caption.style = "drop", None, ""


def _is_caption(paragraph: _Paragraph) -> bool:
    lines = [line.text for line in paragraph.lines]
    return paragraph.role in ("body", "heading") and len(lines) <= 4 and not lines[-1].endswith(".") and all(
        len(line) <= _MAX_HEADING_LINE for line in lines
    )


def _is_table_caption(text: str) -> bool:
    """A table's caption: "Tabel 1." and a title, no sentence (a note under a table says what its figures mean:
    "Tabel 2. Ventetid er målt fra modtagelse af henvisning ...")."""
    return bool(_TABLE_CAPTION.match(text)) and len(text.split()) <= _MAX_CAPTION_WORDS and not text.rstrip().endswith(".")


def _mark_chapters(paragraphs: list[_Paragraph]) -> None:
    """ "01" + title lines is a chapter heading; a summary before the chapters repeats them, so the last
    occurrence of a number is the chapter and earlier ones are ordinary headings."""
    candidates = [p for p in paragraphs if _CHAPTER_NUMBER.match(p.first) and len(p.lines) > 1 and p.role != "drop"]
    last = {p.first: p for p in candidates}
    for paragraph in candidates:
        title = " ".join(clean_text("\n".join(line.text for line in paragraph.lines[1:])).split())
        is_chapter = last[paragraph.first] is paragraph
        paragraph.role, paragraph.style = "heading", "main"
        paragraph.heading = _Heading(
            f"{paragraph.first} {title}",
            _CHAPTER_LEVEL if is_chapter else _SECTION_LEVEL,
            chapter=paragraph.first if is_chapter else "",
        )


def _mark_numbered_headings(paragraphs: list[_Paragraph]) -> None:
    """ "2) Hvilke indsatser ...?" alone is a numbered heading; next to another numbered paragraph it is a list."""
    numbered = [bool(_NUMBERED_HEADING.match(p.first)) and p.role in ("body", "heading") for p in paragraphs]
    for index, paragraph in enumerate(paragraphs):
        neighbours = numbered[max(index - 1, 0) : index] + numbered[index + 1 : index + 2]
        if numbered[index] and not any(neighbours) and len(paragraph.text) <= 2 * _MAX_HEADING:
            paragraph.role, paragraph.style = "heading", "main"
            paragraph.heading = _Heading(" ".join(reflow(paragraph.text).split()), _CHAPTER_LEVEL)


def _unmark_list_headings(paragraphs: list[_Paragraph]) -> None:
    """A bullet titles what follows only outside a list: an item among items is just an item.

    A bullet followed by its own text ("- Pluspladser" / "Pluspladserne skal ...") is a title, and so is
    a bullet standing alone between such titles or plain text.
    """
    for index, paragraph in enumerate(paragraphs):
        if paragraph.role != "heading" or not paragraph.first.startswith(LIST_MARKER):
            continue
        before = paragraphs[index - 1] if index else None
        after = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        in_list = before is not None and is_list_item(before.first) and before.style != "inline"
        if paragraph.style == "standalone":
            in_list = in_list or after is None or is_list_item(after.first)
        if in_list:
            paragraph.role, paragraph.heading, paragraph.style = "body", None, ""


def _pair_chart_values(paragraphs: list[_Paragraph]) -> None:
    """A chart flattened to its labels, each a short paragraph, then its values, each a paragraph of one
    value: with as many values of one kind as labels, each label gets its value in order and becomes an
    item of the chart's list ("Anbragte børn: 4.5"). A value of another kind right after them is the next
    chart's (the KL report's figure 6 prints "6.7", "4.5", then figure 7's "17%") and stays as printed.

    Only labels that open a run of table paragraphs are paired: labels after values in the same run are a
    legend of the bars above them, or the next chart's labels, and the values after them may be any bar's.
    Nor are values paired that share paragraphs ("4%" / "5%" / "83%" in one): the segments of a stacked
    bar are printed where they have room, not in the legend's order. Anything else stays as printed: a
    label without its value is better than a value given to the wrong label.
    """
    for run in _runs(paragraphs, lambda paragraph: bool(_table_part(paragraph))):
        labels, values = _labels_then_values(run)
        count = len(labels)
        forms = [_value_form(value) for value in values]
        one_kind = len(set(forms[:count])) == 1
        no_more_of_it = forms[count : count + 1] != forms[:1]  # a value of the same kind after them: whose?
        wrapped = any(label.first[:1].islower() for label in labels)  # a line going on from the one before
        if count < 2 or len(values) < count or not one_kind or not no_more_of_it or wrapped:
            continue
        for label, value, part in zip(labels, values, run[count:], strict=False):
            label.lines[-1] = dataclasses.replace(label.lines[-1], text=f"{label.lines[-1].text}: {value}")
            label.role, label.heading, label.style, label.chart_label, label.chart_item = "body", None, "", True, True
            part.role = "drop"


def _labels_then_values(parts: list[_Paragraph]) -> tuple[list[_Paragraph], list[str]]:
    """The label paragraphs that open ``parts``, and the values (see :func:`_chart_value`) right after them."""
    labels = list(itertools.takewhile(lambda part: _table_part(part) == "label", parts))
    return labels, list(itertools.takewhile(bool, (_chart_value(part.text) for part in parts[len(labels) :])))


def _chart_value(paragraph: str) -> str:
    """The value a paragraph of one line gives alone: a number ("6.7", "54%"), or a count and its share
    ("17; 28%"); "" for anything else. A year is an axis label, a dash an empty cell: neither is a value."""
    line = " ".join(paragraph.split())
    cells = line.replace(";", " ").split()
    is_value = bool(cells) and "\n" not in paragraph.strip() and len(trailing_values(" ".join(cells))) == len(cells)
    return line if is_value and not any(cell in "-–" or YEAR.fullmatch(cell) for cell in cells) else ""


def _value_form(value: str) -> str:
    """What kind of value a chart gives, its numbers left out: "9%" for "54%", "9" for "6.7", "9; 9%"
    for "17; 28%". One chart's values are of one kind."""
    return re.sub(r"\d[\d.,]*", "9", value)


def _mark_tables(paragraphs: list[_Paragraph]) -> None:
    """A table flattened to lines: short label paragraphs and rows of numbers, at least three rows.

    Footnotes and dropped lines inside the run (a page break in the middle of a table) are skipped.
    """
    for run in _runs(paragraphs, lambda paragraph: bool(_table_part(paragraph))):
        rows = [index for index, part in enumerate(run) if _table_part(part) == "row"]
        if len(rows) >= 3:
            for part in run[: rows[-1] + 1]:
                part.role, part.heading = "table", None


def _runs(paragraphs: list[_Paragraph], belongs: Callable[[_Paragraph], bool]) -> Iterator[list[_Paragraph]]:
    """The longest runs of plain text and short standalone titles (see :func:`_may_be_table`) that all
    ``belongs``; footnotes and dropped lines inside a run (a page break) are skipped."""
    run: list[_Paragraph] = []
    for paragraph in paragraphs:
        if paragraph.role in ("drop", "footnote"):
            continue
        if _may_be_table(paragraph) and belongs(paragraph):
            run.append(paragraph)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _may_be_table(paragraph: _Paragraph) -> bool:
    """Plain text and short standalone titles (a row label looks like one), but no figure title."""
    standalone = paragraph.role == "heading" and paragraph.style == "standalone" and not paragraph.title.figure
    return (paragraph.role == "body" and not paragraph.chart_item) or standalone


def _table_part(paragraph: _Paragraph) -> str:
    """ "row" for a paragraph holding numbers, "label" for a short label paragraph, "" otherwise."""
    lines = [line.text for line in paragraph.lines]
    if any(trailing_values(line) for line in lines) and all(trailing_values(line) or len(line) <= _MAX_LABEL_LINE for line in lines):
        return "row"
    if len(lines) <= 3 and all(len(line) <= _MAX_LABEL_LINE for line in lines) and not lines[-1].endswith("."):
        return "label"
    return ""


def _mark_chart_labels(paragraphs: list[_Paragraph]) -> None:
    """A chart flattened to its labels: a run of at least four short paragraphs without sentence
    punctuation, one of them at least still carrying its bar's value ("Forældrenes uddannelsesniveau 63%").

    One by one, such labels read as section titles, or as sentences continuing the text before them. They
    are text of their own, and the items of the chart's list once the chart's title is known, which may
    stand after them (see ``_Outline._name_frame``): without it, a list of labels would read as more items
    of a list above them.
    """
    for run in _runs(paragraphs, _reads_as_chart_label):
        if len(run) >= _MIN_CHART_LABELS and any(trailing_values(part.lines[-1].text) for part in run):
            for part in run:
                part.role, part.heading, part.style, part.chart_label = "body", None, "", True


def _reads_as_chart_label(paragraph: _Paragraph) -> bool:
    text = " ".join(paragraph.text.split())
    return (
        len(paragraph.lines) <= 3
        and len(text) <= _MAX_CHART_LABEL
        and text[:1].isupper()
        and text[-1] not in ".,:;!?"
        and not is_list_item(paragraph.first)
    )


# ---- reports: boxes with a title (cases, recommendation lists) --------------------------------------------


def _assign_boxes(paragraphs: list[_Paragraph]) -> dict[int, list[_Paragraph]]:
    """The paragraphs each case heading, recommendation label and table start carries, by its index.

    Those paragraphs are marked as owned: the walk emits them with their title, not on their own.
    """
    bodies = {}
    for index, paragraph in enumerate(paragraphs):
        if paragraph.owned or paragraph.role not in ("table", "case", "recommendations"):
            continue
        if paragraph.role == "case":
            _absorb_title_continuation(paragraphs, index)
        bodies[index] = _table_run(paragraphs, index) if paragraph.role == "table" else _box_body(paragraphs, index)
        if paragraph.role == "case":
            paragraph.case = _case(paragraph, bodies[index])
        for part in bodies[index]:
            part.owned = part is not paragraph
    return bodies


def _table_run(paragraphs: list[_Paragraph], index: int) -> list[_Paragraph]:
    run = []
    for part in paragraphs[index:]:
        if part.role == "table":
            run.append(part)
        elif part.role not in ("drop", "footnote"):
            break
    return run


def _absorb_title_continuation(paragraphs: list[_Paragraph], index: int) -> None:
    """A title line wrapped into a frame of its own ("Vejen til uddannelse" / " og beskæftigelse")."""
    title, following = paragraphs[index], paragraphs[index + 1] if index + 1 < len(paragraphs) else None
    if (
        following is not None
        and not title.lines[-1].text.endswith("Kommune")
        and (following.first[:1].islower() or following.first[:1] == "(")
        and _title_rest(following)
    ):
        title.lines += following.lines
        following.role = "drop"


def _title_rest(paragraph: _Paragraph) -> bool:
    """The rest of a title broken off by a frame or a page: one short line, or up to three short lines
    ending with the municipality ("i idrætsforeninger i" / "Høje-Taastrup Kommune")."""
    lines = [line.text for line in paragraph.lines]
    if len(lines) == 1:
        return len(lines[0]) <= _MAX_LABEL_LINE
    return len(lines) <= 3 and lines[-1].endswith(" Kommune") and all(len(line) <= _MAX_HEADING_LINE for line in lines)


def _box_body(paragraphs: list[_Paragraph], index: int) -> list[_Paragraph]:
    """The title's own frame after it; else, when the title opens its frame, the next frame; else its
    own frame before it (a title that closes its box)."""
    title = paragraphs[index]
    after = _frame_text(paragraphs, range(index + 1, len(paragraphs)), title.frame)
    if after:
        return after
    opens_frame = index == 0 or paragraphs[index - 1].frame != title.frame
    following = next((i for i in range(index + 1, len(paragraphs)) if paragraphs[i].role != "drop"), None)
    if opens_frame and following is not None:
        return _frame_text(paragraphs, range(following, len(paragraphs)), paragraphs[following].frame)
    return _frame_text(paragraphs, range(index - 1, -1, -1), title.frame)[::-1]


def _frame_text(paragraphs: list[_Paragraph], indices: Iterable[int], frame: int) -> list[_Paragraph]:
    """The paragraphs at ``indices`` while they stay in ``frame`` and belong to no other box."""
    body = []
    for index in indices:
        part = paragraphs[index]
        # A chapter or a heading the file marks (Word, Markdown) ends a box as a new frame does.
        if part.frame != frame or part.role in ("case", "recommendations") or part.owned or part.style == "main":
            break
        if part.role not in ("drop", "footnote"):
            body.append(part)
    return body


def _case(title: _Paragraph, body: list[_Paragraph]) -> _Case:
    match = _CASE.match(title.first)
    if match is None:
        raise ValueError(f"paragraph {title.index} is not a case title: {title.first[:40]!r}")
    number = int(match.group(1))
    heading = " ".join(clean_text("\n".join(line.text for line in title.lines[1:])).split())
    municipality = _municipality(heading, "\n".join(part.text for part in body))
    short = _MUNICIPALITY_PHRASE.sub("", heading) if municipality else heading
    return _Case(number, _capitalised(short or heading), municipality, heading)


def _municipality(heading: str, body: str) -> str:
    """The municipality the case heading names; else the municipalities the body lists or names first."""
    named = _MUNICIPALITY.findall(heading)
    if named:
        return _capitalised(named[-1])
    flat = " ".join(body.split())
    listed = _MUNICIPALITY_LIST.search(flat)
    if listed:
        return re.sub(r" Kommune$", "", listed.group("names")) + " Kommuner"
    in_body = _MUNICIPALITY.search(flat)
    return _capitalised(in_body.group(1)) if in_body else ""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---- reports: footnotes and what they annotate ----------------------------------------------------------------

# Words of the annotated text a note's section names: the words up to the referenced one.
NOTE_LABEL_WORDS = 8


def _link_notes(paragraphs: list[_Paragraph]) -> None:
    """Each footnote learns what its number annotates: the row label of a table or the words up to the
    reference in the text, as last referenced before the note. A note qualifies what it annotates: the
    Copenhagen budget table prints "Socialrådgivere i dagtilbud3 - - -", and only note 3 says that 4,5
    and 8,4 mio. were set aside; alone, the note did not say what its figures were for."""
    latest: dict[str, str] = {}
    for paragraph in paragraphs:
        if paragraph.role == "footnote":
            paragraph.notes = {number: latest[number] for number, _ in _note_groups(paragraph) if number in latest}
        elif paragraph.role != "drop":
            latest.update(_references(paragraph))


def _references(paragraph: _Paragraph) -> dict[str, str]:
    """Note number -> the annotated words, for the references in a paragraph of text or a table row. A
    table label's reference is glued on only once its wrapped lines are joined ("Sociale normerin-" / "ger2")."""
    if paragraph.role == "table" and all(is_table_row(line.text) for line in paragraph.lines):
        # a table read as a table (Word): each line a row, its label the first cell
        return {
            number: without_footnote_references(table_cells(line.text)[0])
            for line in paragraph.lines
            for number, _ in line.notes
        }
    if paragraph.role == "table":
        label = _joined([_label_part(line.text) for line in paragraph.lines])
        found = footnote_references(label) + [note for line in paragraph.lines for note in line.notes]
        return {number: without_footnote_references(label) for number, _ in found} if label else {}
    flat = _joined([line.text for line in paragraph.lines])
    references: dict[str, str] = {}
    for number, word in (note for line in paragraph.lines for note in line.notes):
        bare = without_footnote_references(word).rstrip(".,;)")
        at = flat.find(bare)
        if bare and at >= 0:
            references[number] = " ".join(flat[: at + len(bare)].split()[-NOTE_LABEL_WORDS:])
    return references


def _label_part(line: str) -> str:
    """A table line without the values that end it."""
    words = line.split()
    return " ".join(words[: len(words) - len(trailing_values(line))])


def _note_groups(paragraph: _Paragraph) -> list[tuple[str, list[_Line]]]:
    """A footnote paragraph's notes, each its number and lines ("" for lines before the first number)."""
    groups: list[tuple[str, list[_Line]]] = []
    for line in paragraph.lines:
        number = note_number(line.text)
        if number or not groups:
            groups.append((number or "", []))
        groups[-1][1].append(line)
    return groups


# A note that cites a source: a year in brackets ("Ugebrevet A4 (26. februar 2013): ...") or many names
# and titles ("Professor Michael Rosholm, Trygfondens Børneforskningsenhed, ..."); a note that adds to the
# text is written in sentences, at most one word in five capitalised.
_BRACKETED_YEAR = re.compile(r"\([^()]*(?:19|20)\d\d[a-z]?\)")
MIN_NOTE_WORDS = 8
MAX_CAPITALISED = 0.2


def _reads_as_prose(note: str) -> bool:
    """Whether a footnote adds to the text rather than citing a source (see :data:`MAX_CAPITALISED`)."""
    words = note.split()[1:]  # after the note's number
    capitalised = sum(word[:1].isupper() for word in words)
    return (
        len(words) >= MIN_NOTE_WORDS and capitalised <= MAX_CAPITALISED * len(words)
        and not _BRACKETED_YEAR.search(note) and not is_fragment(note)
    )


def _note_names(paragraph: _Paragraph) -> str:
    """What the notes of a footnote paragraph that add to the text annotate, "; "-separated. The notes stay
    one passage, as the page prints them: on their own, short passages whose headings matched a question
    outranked longer ones in BM25 (a worry about a boy in "børnehaven" met three notes under a heading on
    "vuggestuer, børnehaver og skoler"). A note citing a source is named by nothing: it is never quoted."""
    texts = {number: " ".join(line.text for line in lines) for number, lines in _note_groups(paragraph)}
    return "; ".join(note_name(number, words) for number, words in paragraph.notes.items() if _reads_as_prose(texts[number]))


# ---- reports: reading order and sections -------------------------------------------------------------------


# A block kind, or "footnote": a text block of its own.
_UnitKind = BlockKind | Literal["footnote"]


@dataclass(eq=False)
class _Unit:
    """Paragraphs that become one block, or one block together with neighbours of the same section."""

    order: int
    paragraphs: list[_Paragraph]
    path: list[_Heading]
    nearest: str  # nearest heading above, for text outside any section
    kind: _UnitKind = "text"
    case: _Case | None = None
    lead_in: str = ""  # recommendation lists: "KL anbefaler"
    note: str = ""  # footnotes: what those that add to the text annotate ("note 3 til »Socialrådgivere i dagtilbud«")
    caption: str = ""  # a table's caption (see _Outline._add)

    def joins(self, other: _Unit) -> bool:
        """Plain text (or footnotes) of the same section merges into one block; tables, cases and lists don't."""
        return self.kind == other.kind and self.kind in ("text", "footnote") and _section(self) == _section(other)


# The two paragraphs after one (footnotes aside), None where the document ends.
_NextTwo = tuple["_Paragraph | None", "_Paragraph | None"]


@dataclass
class _Outline:
    """Walks the paragraphs in order, keeping the outline and the unfinished main-text paragraph.

    ``main`` is the outline of the main text (chapter, section); ``stack`` is what applies right now:
    the main outline, or part of it with a sidebar's title on top.
    """

    sidebars: bool  # section titles set off on their own title sidebars (the main text's titles run in)
    main: list[_Heading] = field(default_factory=list)
    stack: list[_Heading] = field(default_factory=list)
    units: list[_Unit] = field(default_factory=list)
    open: _Unit | None = None  # main-text unit whose last sentence runs on after a box
    frame: int = -1
    frame_units: list[_Unit] = field(default_factory=list)
    frame_opened_with_text: bool = False
    frame_has_main_heading: bool = False
    untold: _Heading | None = None  # a heading the file marks, put in the outline since the last text
    fresh: list[_Heading] = field(default_factory=list)  # sidebar titles met since the last text
    nearest: str = ""
    titles: list[tuple[_Paragraph, _Unit]] = field(default_factory=list)  # headings put in the outline, each
    # with the text unit it becomes if no text ends up under it
    caption: str = ""  # the caption right above a table, for that table (see _add)

    def walk(self, paragraphs: list[_Paragraph], bodies: dict[int, list[_Paragraph]]) -> list[_Unit]:
        walkable = [i for i, p in enumerate(paragraphs) if not p.owned and p.role != "drop"]
        for position, index in enumerate(walkable):
            paragraph = paragraphs[index]
            later = (paragraphs[i] for i in walkable[position + 1 :] if paragraphs[i].role != "footnote")
            following, then = next(later, None), next(later, None)
            if paragraph.frame != self.frame and paragraph.role != "footnote":
                self._enter_frame(paragraph)
            self._add(index, paragraph, (following, then), bodies.get(index, []))
        self._keep_unused_titles()
        return self.units

    def _keep_unused_titles(self) -> None:
        """A title that ended up over no text at all (a document title before a named frame) stays as text."""
        used = {heading for unit in self.units for heading in unit.path}
        self.units += [unit for paragraph, unit in self.titles if paragraph.heading not in used]

    def _enter_frame(self, paragraph: _Paragraph) -> None:
        # A sidebar's title lasts until its frame ends, unless the title itself stands just before the frame.
        self.stack = list(self.main)
        for heading in self.fresh:
            self.stack = [h for h in self.stack if h.level < heading.level] + [heading]
        self.frame = paragraph.frame
        self.frame_units = []
        self.frame_opened_with_text = paragraph.role == "body"
        # A frame whose text is the first under the heading right before it (a slide's title, then its
        # points in a frame of their own) is that heading's: a title after the text does not name it.
        self.frame_has_main_heading = self.untold is not None

    def _add(self, index: int, paragraph: _Paragraph, next_two: _NextTwo, body: list[_Paragraph]) -> None:
        """``next_two``: the paragraphs after this one (footnotes aside), None where the document ends."""
        role = paragraph.role
        if role in ("body", "heading") and next_two[0] is not None and next_two[0].role == "table" and _is_table_caption(paragraph.text):
            # A table's caption says what its figures are ("Tabel 1. Budget ... (mio. kr.)"): it goes with the table,
            # not into the text above it, nor as a title heading the text after the table too; the table's rows had
            # read "nævner ikke beløbet" without its "(mio. kr.)".
            self.caption = " ".join(paragraph.text.split())
            return
        if role == "footnote":
            self._unit(index, [paragraph], self.main, kind="footnote").note = _note_names(paragraph)
        elif role == "table":
            self._unit(index, body, self.stack, kind="table").caption, self.caption = self.caption, ""
        elif role in ("case", "recommendations"):
            # A box belongs to the chapter it stands in, not to the section around it.
            chapter = [h for h in self.main if h.level == _CHAPTER_LEVEL]
            # A box title with no text found for it (its frame ended at once) keeps at least its own line,
            # so the case is listed and its block has a place in the document.
            body = body or [paragraph]
            kind: _UnitKind = "case" if role == "case" else "recommendations"
            unit = self._unit(min(p.index for p in [paragraph, *body]), body, chapter, kind=kind)
            unit.case = paragraph.case
            unit.lead_in = paragraph.text if role == "recommendations" else ""
        elif role == "heading" and not self._continues(paragraph):
            self._heading(index, paragraph, next_two)
        else:
            self._text(index, paragraph)

    def _heading(self, index: int, paragraph: _Paragraph, next_two: _NextTwo) -> None:
        following, then = next_two
        heading = paragraph.title
        heading.frame = self.frame
        closes_frame = paragraph.style == "standalone" and self._closes_frame(heading, following)
        if paragraph.style == "standalone" and not closes_frame and _is_label(heading, following, then):
            self._text(index, paragraph)
            return
        # Should no text end up under the title, it is kept as text where it stands.
        self.titles.append((paragraph, _Unit(index, [paragraph], list(self.main), self.nearest)))
        if paragraph.style in ("main", "inline"):
            self._push_main(heading)
            self.frame_has_main_heading = True
            # A title only guessed from its looks may be a document's subtitle; one the file marks (or a
            # numbered chapter) surely heads the text that follows it.
            self.untold = heading if paragraph.style == "main" else None
            if paragraph.style == "inline":
                self._text(index, _Paragraph(paragraph.lines[paragraph.body_from :], paragraph.frame, index))
        elif closes_frame:
            self._name_frame(heading)
        elif self.sidebars and self.main and heading.level == _SECTION_LEVEL:
            self._push_sidebar(heading)
        else:
            self._push_main(heading)

    def _closes_frame(self, heading: _Heading, following: _Paragraph | None) -> bool:
        """A section title right before a new frame, in a frame of only text and sidebars, names the text
        before it (a bullet title never does: it belongs to the list-like text after it)."""
        ends_frame = following is None or following.frame != self.frame or following.role == "heading"
        names_text = self.frame_opened_with_text and bool(self.frame_units) and not self.frame_has_main_heading
        return ends_frame and names_text and heading.level == _SECTION_LEVEL

    def _name_frame(self, heading: _Heading) -> None:
        base = [h for h in self.main if h.level < heading.level]
        named = self._chart_labels_before(self.frame_units[0]) + self.frame_units
        for paragraph in (p for unit in named for p in unit.paragraphs if p.chart_label):
            paragraph.chart_item = True
        for unit in named:
            unit.path = base + [heading] + [h for h in unit.path if h.frame == self.frame]
        self.main = base
        self.stack = list(base)
        self.frame_units = []
        self.frame_opened_with_text = False
        self.nearest = heading.text

    def _chart_labels_before(self, first: _Unit) -> list[_Unit]:
        """A chart's labels stand in frames of their own before the frame its title closes: the title
        names them too."""
        before = self.units[: self.units.index(first)]
        labels = itertools.takewhile(lambda unit: all(p.chart_label for p in unit.paragraphs), reversed(before))
        return list(labels)[::-1]

    def _push_main(self, heading: _Heading) -> None:
        # Sidebar titles with main sections under them are part of the outline after all.
        self.main = [h for h in self.stack if h.level < heading.level] + [heading]
        for outer in self.main:
            outer.sidebar = False
        self.stack = list(self.main)
        self.open = None
        self.nearest = heading.text

    def _push_sidebar(self, heading: _Heading) -> None:
        heading.sidebar = True
        self.stack = [h for h in self.stack if h.level < heading.level] + [heading]
        self.fresh.append(heading)
        self.nearest = heading.text

    def _continues(self, paragraph: _Paragraph) -> bool:
        """Main text resumes after a box: a lowercase word, or anything after a line that cannot end a sentence.

        A heading the file marks never does, whatever its first letter ("## e-læring for pædagoger" after a
        slide whose last line ends in "og")."""
        if self.open is None or paragraph.chart_label or paragraph.style == "main" or is_list_item(paragraph.first):
            return False
        if paragraph.first[:1].islower():
            return True
        # A capitalised word continues only plain text (not a title), outside any sidebar.
        in_sidebar = any(h.sidebar for h in self.stack)
        last_line = self.open.paragraphs[-1].lines[-1].text
        return paragraph.role == "body" and not in_sidebar and ends_mid_sentence(last_line)

    def _text(self, index: int, paragraph: _Paragraph) -> None:
        if self.open is not None and self._continues(paragraph):
            self.open.paragraphs[-1].lines += paragraph.lines
            self.stack = list(self.main)  # back in the main text
            if _ends_sentence(paragraph):
                self.open = None
        else:
            unit = self._unit(index, [paragraph], self.stack)
            self.frame_units.append(unit)
            if not any(h.sidebar for h in self.stack):
                self.open = None if paragraph.chart_label or _ends_sentence(paragraph) else unit
        self.fresh = []

    def _unit(self, order: int, paragraphs: list[_Paragraph], path: list[_Heading], kind: _UnitKind = "text") -> _Unit:
        unit = _Unit(order, paragraphs, list(path), self.nearest, kind)
        self.units.append(unit)
        self.untold = None
        return unit


def _is_label(heading: _Heading, following: _Paragraph | None, then: _Paragraph | None = None) -> bool:
    """A title with nothing of its own under it (a chart label, a list of questions) is just text.

    Figure titles are exempt: what follows them is the figure's own labels. So is a title over a table, or over
    a line that leads into one (``then``, the paragraph after ``following``): "Økonomi og normering" in bold over
    "Normeringen ser således ud:" and the table had read as text, and the table had stood in no section.
    """
    if heading.figure:
        return False
    if following is None:
        return True
    if following.role == "heading":
        return following.title.level <= heading.level
    if following.role == "table" or (following.role == "body" and then is not None and then.role == "table"):
        return False
    return len(following.text) < _MIN_INLINE_BODY and not is_list_item(following.first)


def _ends_sentence(paragraph: _Paragraph) -> bool:
    return paragraph.lines[-1].text.rstrip()[-1:] in ".!?:"


# ---- reports: blocks ---------------------------------------------------------------------------------------


def _prose_blocks(document: LoadedDocument) -> list[Block]:
    lines, pages = _document_lines(document)
    paragraphs = _paragraphs(lines)
    _classify(paragraphs)
    _link_notes(paragraphs)
    bodies = _assign_boxes(paragraphs)
    # Where the main text's section titles run into their first line, a title standing alone is a sidebar's.
    sidebars = any(p.style == "inline" and p.title.level == _SECTION_LEVEL for p in paragraphs)
    units = _Outline(sidebars).walk(paragraphs, bodies)
    groups = list(_merged(sorted(units, key=lambda unit: unit.order)))
    blocks = (_block(group, pages, heading) for group, heading in zip(groups, _opening_headings(groups), strict=True))
    return [block for block in blocks if has_words(block.text)]


def _opening_headings(groups: list[list[_Unit]]) -> list[str]:
    """Per block, the headings printed right above its text: a case's label and title, else the headings
    of its section that no earlier block has shown (a section's first block shows them, its later ones
    don't). One heading per line, as the document prints it.

    They open the block's first passage, so a question asked by a case's title, a method's heading or a
    figure's caption finds the passage, and the passage can show where it stands.
    """
    shown: set[_Heading] = set()
    openings = []
    for group in groups:
        unit = group[0]
        if unit.case is not None:
            openings.append(f"CASE #{unit.case.number} {unit.case.heading}".rstrip())
        elif unit.kind in ("text", "table"):
            fresh = [heading for heading in unit.path if heading not in shown]
            shown.update(fresh)
            openings.append("\n".join(heading.text for heading in fresh))
        else:
            openings.append("")
    return openings


def _merged(units: list[_Unit]) -> Iterator[list[_Unit]]:
    """Runs of consecutive plain-text units of the same section, which become one block."""
    group: list[_Unit] = []
    for unit in units:
        if group and group[-1].joins(unit):
            group.append(unit)
            continue
        if group:
            yield group
        group = [unit]
    if group:
        yield group


def _block(group: list[_Unit], pages: _Pages, heading: str = "") -> Block:
    unit = group[0]
    paragraphs = [paragraph for member in group for paragraph in member.paragraphs]
    numbers = [line.number for paragraph in paragraphs for line in paragraph.lines]
    page, page_location = pages.locate(min(numbers), max(numbers))
    case = unit.case
    text = _block_text(unit, paragraphs)
    return Block(
        text=text,
        kind="text" if unit.kind == "footnote" else unit.kind,
        location=f"CASE #{case.number}" if case else (page_location or _outline_location(unit)),
        page=page,
        section=_section(unit),
        case_number=case.number if case else None,
        case_title=case.title if case else "",
        municipality=case.municipality if case else "",
        heading=heading,
        note="; ".join(member.note for member in group if member.note),
        caption=unit.caption,
        page_starts=_page_starts(text, [line for paragraph in paragraphs for line in paragraph.lines], pages.labels),
    )


def _page_starts(text: str, lines: list[_Line], labels: dict[int, str]) -> tuple[tuple[int, int, str], ...]:
    """Where the block's text moves to another page, as (letter offset, page, label); () without pages.

    Each line is found again in the block's letters, in order: cleaning re-spaces and de-hyphenates the
    text and a list gets its lead-in, but it never reorders lines or changes their letters.
    """
    letters = letters_of(text)
    starts: list[tuple[int, int, str]] = []
    position = 0
    for line in lines:
        if line.page is None or not line.text:
            continue
        found = letters.find(letters_of(line.text), position)
        if found < 0:
            continue
        if not starts or starts[-1][1] != line.page:
            starts.append((0 if not starts else found, line.page, labels.get(line.page, str(line.page))))
        position = found + len(letters_of(line.text))
    return tuple(starts)


def _block_text(unit: _Unit, paragraphs: list[_Paragraph]) -> str:
    lines = [line.text for paragraph in paragraphs for line in paragraph.lines]
    if unit.kind == "table" and all(map(is_table_row, lines)):
        # A table read as a table (Word, a PDF's cells) is already one row per line; a form's labels and values
        # read row by row, each label with its value ("Institution: Solsikken"), none the header of the others.
        return "\n".join(map(field_line, lines) if labels_values(lines) else _without_repeated_header(lines))
    if unit.kind == "table":
        return _table_text(paragraphs)
    if unit.kind == "footnote":
        # One line per footnote: "7 Ugebrevet A4 (...)" / "8 SFI (2008): ..."
        notes = split_paragraphs([line.text for p in paragraphs for line in p.lines], frame=lambda line: bool(FOOTNOTE.match(line)))
        return "\n".join(reflow("\n".join(note)).replace("\n", " ") for note in notes)
    # Lines are read stripped; the text gives a nested list item its indentation back, which cleaning keeps.
    nested = (
        LIST_MARKER * paragraph.chart_item + "\n".join(LIST_INDENT * line.nesting + line.text for line in paragraph.lines)
        for paragraph in paragraphs
    )
    text = clean_text("\n\n".join(nested))
    if unit.kind != "recommendations":
        return text
    # The list keeps its lead-in; each recommendation ("At kommunerne ...") is one item of it: a
    # paragraph, or a line of a list already marked as one (Word list paragraphs).
    items: list[str] = []
    for paragraph in text.split("\n\n"):
        for position, line in enumerate(paragraph.split("\n")):
            if is_list_item(line) or not items or position == 0:
                items.append(line if is_list_item(line) else LIST_MARKER + line)
            else:
                items[-1] += " " + line
    return unit.lead_in.rstrip(":") + ":\n" + "\n".join(items)


def _without_repeated_header(rows: list[str]) -> list[str]:
    """A table's rows without the copies of its header row: a table running over a page break repeats its header
    at the top of the next page (Word's "Gentag som overskriftsrække", fpdf2's repeat_headings), and the copy had
    read as a row of data under the header, a unit quoting the column names."""
    header = " ".join(rows[0].split()) if rows else ""
    return rows[:1] + [row for row in rows[1:] if " ".join(row.split()) != header]


def _table_text(paragraphs: list[_Paragraph]) -> str:
    """One line per row: a label (its wrapped lines joined) and its numbers.

    A line of only numbers continues the row above ("2016" / "2017 2018"), and a label paragraph without
    numbers (a chart legend entry) is a row of its own. Numbers after two or more such label rows are a
    row of their own, without a label: a chart whose labels all come before its values does not show
    which value is whose. The KL report's figure 3 prints "Øvrige", "Førtidspension", "Kontanthjælp
    (ikke-arbejdsmarkedsparate)", "Ledige", "Beskæftigede/uddannelsessøgende", then "5%", "4%", "5%",
    "83%", "3%", and in order 83% of all parents would be unemployed and 3% employed: the extraction
    gives a stacked bar's values in the order they are printed, not in its legend's. A chart whose labels
    and values can be paired is paired before (see :func:`_pair_chart_values`), or names its columns
    (see :func:`_legend_columns`); otherwise the labels and the values stay as printed, and no row claims
    a value for a label it cannot be shown to belong to.

    When the first row is a header of years, it stays the first line ("Indsats | 2016 | 2017") and each
    labelled row with a value per year names its columns, so the row reads and is found on its own
    ("Pluspladser – 2016: 527.000; 2017: 527.000"); other rows keep their cells separated by " | ".
    """
    rows: list[list[str]] = []  # a label, then its values; "" for a row without a label
    legend = 0  # label rows without numbers right before: a chart's labels, when two or more
    for paragraph in paragraphs:
        label: list[str] = []
        for line in (line.text for line in paragraph.lines):
            values = trailing_values(line)
            words = line.split()[: len(line.split()) - len(values)]
            label += [" ".join(words)] if words else []
            if label and values:
                rows.append([_joined(label), *values])
                label = []
            elif values and rows and legend < 2:
                rows[-1] += values
            elif values:
                rows.append(["", *values])
            if values:
                legend = 0
        if label:
            rows.append([_joined(label)])
            legend += 1
    header = rows[0] if rows and len(rows[0]) > 1 and all(YEAR.fullmatch(cell) for cell in rows[0][1:]) else None
    if header:
        rows = [rows[0], *(_without_note_marks(row, len(header)) for row in rows[1:])]
    columns = _legend_columns(paragraphs, rows)
    if columns:
        # The series' name and its values, one row: [label], ["", values] -> [label, values].
        rows[columns : columns + 2] = [[rows[columns][0], *rows[columns + 1][1:]]]
        header = ["", *(row[0] for row in rows[:columns])]
    return "\n".join(_row_text(row, header if row is not rows[0] else None) for row in rows)


def _legend_columns(paragraphs: list[_Paragraph], rows: list[list[str]]) -> int:
    """A chart that opens with its legend, then the first series' name and its values, one value per
    paragraph and one fewer than the labels, then the next series' name and values: the labels before the
    name are the columns of every series ("Ikke-kompetencegivende uddannelse*", "Erhvervsfaglig
    uddannelse", "Videregående uddannelse", "Forældre til anbragte børn og unge", "54%", "34%", "12%",
    "Alle forældre til 0–17 årige", "27%"). The number of columns, at least two; 0 for any other table.

    The label right before the values names them because the series after it is printed the same way,
    its name and then its values; with as many values as columns, the values go to the columns in order.
    """
    labels, values = _labels_then_values(paragraphs)
    columns = len(labels) - 1
    if columns < 2 or len(values) != columns or len({_value_form(value) for value in values}) > 1:
        return 0
    if len(rows) < columns + 3 or rows[columns + 1] != ["", *values]:
        return 0
    following = rows[columns + 2]
    return columns if following[0] and len(following) > 1 else 0


# A footnote's number printed raised after a cell's value comes out as a value of its own
# ("Mad og måltider 805.000" / "4" / "- -" for three years): one or two digits among values that are not.
_NOTE_MARK = re.compile(r"\d{1,2}")


def _without_note_marks(row: list[str], width: int) -> list[str]:
    """A row of a table with a header of ``width`` cells, without the footnote references in its label
    ("Sociale normerin-" / "ger2": the reference is glued on only once the label's lines are joined) and
    without the one raised note number that gives it a value too many."""
    label, values = without_footnote_references(row[0]), row[1:]
    marks = [i for i, value in enumerate(values) if _NOTE_MARK.fullmatch(value)]
    if len(row) == width + 1 and len(marks) == 1 and marks[0] > 0:
        values = values[: marks[0]] + values[marks[0] + 1 :]
    return [label, *values]


def _row_text(row: list[str], header: list[str] | None) -> str:
    if not row[0]:
        return " | ".join(row[1:])  # values whose label stands elsewhere name no column either
    if header is None or len(row) != len(header):
        return " | ".join(row)
    return f"{row[0]} – " + "; ".join(f"{column}: {value}" for column, value in zip(header[1:], row[1:], strict=True))


def _joined(lines: list[str]) -> str:
    """Wrapped lines as one line, hyphenation undone ("Sociale normerin-" + "ger2")."""
    return " ".join(reflow("\n".join(lines)).split())


def _section(unit: _Unit) -> str:
    return SECTION_SEPARATOR.join(heading.text for heading in unit.path) or unit.nearest


def _outline_location(unit: _Unit) -> str:
    """ "kapitel 02, afsnit <heading>", "kapitel 01, KL anbefaler", "afsnit <heading>" or "indledning"."""
    chapter = next((f"kapitel {h.chapter}" for h in unit.path if h.chapter), "")
    heading = next((h.text for h in reversed(unit.path) if not h.chapter), "" if chapter else unit.nearest)
    detail = unit.lead_in or (f"afsnit {heading}" if heading else "")
    return ", ".join(part for part in (chapter, detail) if part) or "indledning"
