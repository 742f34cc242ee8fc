"""Page text of a PDF rebuilt from where its text stands, in the conventions the structure module reads.

pypdf's plain ``extract_text()`` gives one line per printed line and nothing else: no blank line between
paragraphs, no sign of a new column, and the running header and the page number mixed into the text.
Through its ``visitor_text`` hook it also gives each piece of text with its position and font, and from
those this module writes a page's text the way the bundled text exports read:

- a blank line where the vertical gap between two lines is clearly wider than the line pitch (a new
  paragraph);
- a line that opens a new text frame (a box or sidebar set off by a gap wider than a paragraph's) starts
  with exactly one space; text running on into the next column, like text running on over a page
  break, is only separated by a blank line (the structure module joins a sentence that runs on);
- a line set larger or bolder than the page's body text (a heading) stands alone between blank lines;
- a line that is the title of an outline entry (a bookmark) pointing to its page becomes a Markdown
  heading of the entry's depth ("## Sprog i dagtilbud"), which the structure module takes as given;
- a table (lines whose pieces stand apart like cells, the cells aligned over two rows or more) is one
  block of rows, each a line of " | "-separated cells, as the loader writes a Word table;
- page numbers, "Side N" / "Side N af M" footers and running headers repeated on most pages (or on every
  page of a short document), standing in the top or bottom margin, are dropped (the page is known from
  the PDF itself).

Example::

    texts = page_texts(PdfReader(path))  # one string per page
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

log = logging.getLogger(__name__)

# Lines in the top or bottom band of this share of the page height may be running headers or footers.
_MARGIN_BAND = 0.08
# A gap this many times the usual line pitch separates paragraphs (fpdf2, Word and InDesign exports put
# 1.5-2 pitches between paragraphs and exactly one between the lines of a paragraph).
_PARAGRAPH_GAP = 1.35
# Lines of a paragraph are at most this many font sizes apart.
_MAX_LINE_SPACING = 1.6
# A gap this many pitches wide sets off a new text frame (a box, a sidebar) rather than a paragraph.
_FRAME_GAP = 2.3
# A line at least this much larger than the body text, or bold in a page of regular text, is a heading.
_HEADING_SIZE = 1.15
# An outline title is looked for over this many wrapped lines.
_MAX_TITLE_LINES = 3
# A title in a larger size than the body text has at most this many words, and is written as this Markdown
# heading (the outline's titles carry their depth).
_MAX_TITLE_WORDS = 12
_SIZE_HEADING = "## "
# A piece that begins this many font sizes beyond where the piece before it ends (its characters counted at
# _CHARACTER_WIDTH font sizes each, a generous average) stands apart from it as a table cell does.
_CELL_GAP = 2.0
_CHARACTER_WIDTH = 0.6
# Cells of two rows of one table begin within this many font sizes of each other.
_CELL_ALIGNMENT = 0.5
# A row holds a cell of at most this many words: two columns of prose read line by line across the page
# stand apart like cells, but each holds a line of words.
_SHORT_CELL_WORDS = 5
# A table row whose cells wrap is looked for over at most this many lines.
_MAX_WRAPPED_LINES = 8
# A margin line repeated on at least this share of the left or the right pages (and on two or more, or on each
# page of a short document) is a running header.
_REPEATED = 0.5
_PAGE_NUMBER = re.compile(r"^(?:side\s+)?\d{1,4}(?:\s+af\s+\d{1,4})?$", re.IGNORECASE)
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass(frozen=True)
class _Line:
    text: str
    x: float
    y: float  # baseline, from the bottom of the page
    size: float
    bold: bool
    heading: bool = False  # named by the PDF's outline
    # Where each cell of a table row begins, when the line's pieces stand apart like cells (see _CELL_GAP);
    # the texts of the cells are ``cell_texts``.
    cells: tuple[float, ...] = ()
    cell_texts: tuple[str, ...] = ()


def page_texts(reader) -> list[str]:
    """The text of every page of ``reader``; a page whose positions cannot be read keeps its plain text."""
    read = [_read_page(page) for page in reader.pages]
    spans = [(float(page.mediabox.bottom), float(page.mediabox.top)) for page in reader.pages]
    repeated = _repeated_margin_lines([lines for lines, _ in read], spans)
    outline = _outline_titles(reader)
    texts = []
    for number, ((lines, plain), span) in enumerate(zip(read, spans, strict=True)):
        kept = [line for line in lines if not _is_margin_furniture(line, span, repeated)]
        # Text drawn in ways the visitor does not report (forms, odd operators) must not be lost.
        complete = _letters(" ".join(line.text for line in lines)) >= 0.9 * _letters(plain)
        texts.append(_layout_text(kept, outline.get(number, {})) if lines and complete else plain)
    return texts


def _outline_titles(reader) -> dict[int, dict[str, int]]:
    """Page index -> {title as compared: depth (1 = top level)} of the PDF's outline (bookmarks)."""
    titles: dict[int, dict[str, int]] = {}

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
                continue
            page = reader.get_destination_page_number(item)
            if page is not None and page >= 0 and getattr(item, "title", None):
                titles.setdefault(page, {})[_compared(str(item.title))] = depth

    try:
        walk(reader.outline, 1)
    except (KeyError, ValueError, TypeError, AttributeError) as error:  # a broken outline is no reason to refuse
        log.warning("PDF outline unreadable, headings come from the layout only: %s", error)
        return {}
    return titles


def _compared(text: str) -> str:
    return " ".join(text.split()).casefold()


def _read_page(page) -> tuple[list[_Line], str]:
    """The printed lines of one page in content order, each with its position and font, and the page's
    plain text (pypdf returns it from the same pass)."""
    pieces: list[tuple[str, float, float, float, bool]] = []

    def visit(text, cm, tm, font, size) -> None:
        if not text or not text.strip("\n"):
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        name = str(font.get("/BaseFont", "")) if font else ""
        for part in text.split("\n"):
            if part.strip():
                pieces.append((part, x, y, size * scale, bool(_BOLD_FONT.search(name))))

    plain = page.extract_text(visitor_text=visit) or ""
    lines: list[_Line] = []
    end = 0.0  # where the last piece ends, estimated
    for text, x, y, size, bold in pieces:
        if lines and abs(lines[-1].y - y) < 0.5 * max(size, 1.0) and x >= lines[-1].x:
            last = lines[-1]
            joined = _Line(_join_pieces(last.text, text), last.x, last.y, max(last.size, size), last.bold and bold)
            if x - end > _CELL_GAP * max(size, 1.0):
                cells, texts = (last.cells, last.cell_texts) if last.cells else ((last.x,), (last.text,))
                joined = dataclasses.replace(joined, cells=(*cells, x), cell_texts=(*texts, text))
            elif last.cells:
                texts = (*last.cell_texts[:-1], _join_pieces(last.cell_texts[-1], text))
                joined = dataclasses.replace(joined, cells=last.cells, cell_texts=texts)
            lines[-1] = joined
        else:
            lines.append(_Line(text, x, y, size, bold))
        end = x + _CHARACTER_WIDTH * max(size, 1.0) * len(text)
    return [line for line in lines if line.text.strip()], plain


def _join_pieces(left: str, right: str) -> str:
    if left.endswith((" ", "-", "/")) or right.startswith(" "):
        return left + right
    return f"{left} {right}"


def _margin(line: _Line, span: tuple[float, float]) -> bool:
    bottom, top = span
    band = _MARGIN_BAND * (top - bottom)
    return line.y < bottom + band or line.y > top - band


def _margin_key(line: _Line) -> str:
    """A running header compared across pages: its words without digits ("03 — Nytænk" on every page)."""
    return re.sub(r"\d+", "#", " ".join(line.text.split()).lower())


def _repeated_margin_lines(pages: list[list[_Line]], spans: list[tuple[float, float]]) -> set[str]:
    """The margin lines repeated on half the left or the right pages (and on two or more), or in a short
    document on every page with text: a two-page strategy's "Kvalitetsrapport 2024 – Dagplejen" above each
    page is no paragraph, nor a four-page report's "Kvalitetsrapport 2024" on its odd pages and "Dagplejen i
    Nordby" on its even ones, which had run into a sentence going on over the page ("pædagogen i
    Kvalitetsrapport 2024 hverdagen").
    Pages holding nothing but a page number do not count (a footer pushed onto a page of its own)."""
    counts = Counter(
        key for lines, span in zip(pages, spans, strict=True) for key in {_margin_key(line) for line in lines if _margin(line, span)}
    )
    texts = sum(1 for lines in pages if any(not _PAGE_NUMBER.match(" ".join(line.text.split())) for line in lines))
    # Left and right pages often carry headers of their own (the report's title, the chapter's): each stands
    # on every other page.
    needed = max(2, _REPEATED * len(pages) / 2)
    return {key for key, count in counts.items() if count >= needed or count == texts >= 2}


def _is_margin_furniture(line: _Line, span: tuple[float, float], repeated: set[str]) -> bool:
    if not _margin(line, span):
        return False
    return bool(_PAGE_NUMBER.match(" ".join(line.text.split()))) or _margin_key(line) in repeated


def _layout_text(lines: list[_Line], outline: dict[str, int]) -> str:
    if not lines:
        return ""
    lines = _mark_outline_titles(lines, outline)
    body_size = median(line.size for line in lines)
    body_bold = sum(line.bold for line in lines) > len(lines) / 2
    pitch = _line_pitch(lines, body_size)
    lines = _mark_size_headings(_with_wrapped_rows(lines), body_size)
    rows = _table_rows(lines)
    out: list[str] = []
    previous: _Line | None = None
    previous_heading = False
    for number, line in enumerate(lines):
        heading = line.heading or line.size >= _HEADING_SIZE * body_size or (line.bold and not body_bold)
        text = " ".join(line.text.split())
        if number in rows:
            # A table row is a line of " | "-separated cells, the rows of one table one block.
            text = " | ".join(" ".join(cell.split()) for cell in line.cell_texts)
            out += [text] if number - 1 in rows else ["", text]
            previous, previous_heading = None if number + 1 not in rows else line, heading
            continue
        if previous is None and out:
            out += ["", text]  # the text after a table
        elif previous is None:
            out.append(text)
        elif previous.y - line.y > _FRAME_GAP * pitch:
            out += ["", " " + text]
        elif _next_column(previous, line, pitch):
            out += ["", text]  # text flows on into the next column as onto the next page
        elif heading != previous_heading or previous.y - line.y > _PARAGRAPH_GAP * pitch:
            out += ["", text]
        else:
            out.append(text)
        previous, previous_heading = line, heading
    return "\n".join(out)


def _table_rows(lines: list[_Line]) -> set[int]:
    """The positions of the lines that are rows of a table: two or more lines in a row whose pieces stand
    apart as cells (see _CELL_GAP), as many in each, each cell beginning where the cell above begins, and
    each row with a short cell (see _SHORT_CELL_WORDS). A line of prose whose words happen to stand apart has
    no such neighbour."""
    rows: set[int] = set()
    for number, (above, below) in enumerate(pairwise(lines)):
        if _row_like(above) and _row_like(below) and _full_row(below, above):
            rows |= {number, number + 1}
    return rows


def _with_wrapped_rows(lines: list[_Line]) -> list[_Line]:
    """``lines`` with each table row whose cells wrap onto more lines as one line (see :func:`_wrapped_row`): a
    row whose label wraps ("Skovbrynet (inkl. udflytterbørnehaven ved" / "Nordby Strand)") is drawn cell by
    cell, so its figures came as a line of their own after the label's last line, and the table broke in two
    there, the rows below it taking one of its rows for their header."""
    out: list[_Line] = []
    at = 0
    while at < len(lines):
        reference = out[-1] if out and out[-1].cells else None
        wrapped = _wrapped_row(lines[at : at + _MAX_WRAPPED_LINES], reference) if reference is not None else None
        if wrapped is None:
            out.append(lines[at])
            at += 1
            continue
        row, used = wrapped
        out.append(row)
        at += used
    return out


def _wrapped_row(lines: list[_Line], reference: _Line) -> tuple[_Line, int] | None:
    """One row of the table ``reference`` is a row of, made of the first of ``lines`` whose pieces all begin
    where the reference's cells begin, and the row and the number of lines it takes; None unless they hold
    the first column and another (a paragraph under a table begins where its first column does). A row drawn
    cell by cell lists its first column's lines, then the next column's, so a piece in the first column after
    one in another begins the next row."""
    columns: dict[int, list[tuple[float, str]]] = {}
    used = 0
    for line in lines:
        if _full_row(line, reference) or (used and abs(line.y - lines[used - 1].y) > _FRAME_GAP * max(line.size, 1.0)):
            break
        pieces = tuple(zip(line.cells, line.cell_texts, strict=True)) or ((line.x, line.text),)
        indexes = [index for x, _ in pieces if (index := _column(x, reference)) is not None]
        if len(indexes) < len(pieces) or (indexes[0] == 0 and any(columns.keys() - {0})):
            break
        for index, (_, text) in zip(indexes, pieces, strict=True):
            columns.setdefault(index, []).append((line.y, " ".join(text.split())))
        used += 1
    if used < 2 or 0 not in columns or len(columns) < 2:
        return None
    order = sorted(columns)
    texts = tuple(" ".join(text for _, text in sorted(columns[index], key=lambda piece: -piece[0])) for index in order)
    top = max(y for pieces in columns.values() for y, _ in pieces)
    first = lines[0]
    cells = tuple(reference.cells[index] for index in order)
    return _Line(" ".join(texts), reference.cells[0], top, first.size, first.bold, cells=cells, cell_texts=texts), used


def _full_row(line: _Line, reference: _Line) -> bool:
    """Whether ``line`` has a cell beginning where each of ``reference``'s cells begins, and no more: a row of its table."""
    return len(line.cells) == len(reference.cells) and _aligned(line, reference)


def _column(x: float, reference: _Line) -> int | None:
    """The index of the cell of ``reference`` that begins where ``x`` does, if any."""
    tolerance = _CELL_ALIGNMENT * max(reference.size, 1.0)
    return next((index for index, start in enumerate(reference.cells) if abs(x - start) <= tolerance), None)


def _row_like(line: _Line) -> bool:
    return bool(line.cells) and any(len(text.split()) <= _SHORT_CELL_WORDS for text in line.cell_texts)


def _aligned(above: _Line, below: _Line) -> bool:
    tolerance = _CELL_ALIGNMENT * max(above.size, below.size, 1.0)
    return all(abs(a - b) <= tolerance for a, b in zip(above.cells, below.cells, strict=True))


def _mark_outline_titles(lines: list[_Line], outline: dict[str, int]) -> list[_Line]:
    """Lines (one, or up to three of a wrapped title) that read as an outline title of their page become
    that heading, on one line."""
    out: list[_Line] = []
    index = 0
    while index < len(lines):
        for count in (_MAX_TITLE_LINES, 2, 1) if outline else ():
            text = " ".join(" ".join(line.text.split()) for line in lines[index : index + count])
            if _compared(text) in outline:
                level = min(outline[_compared(text)], 6)
                out.append(dataclasses.replace(lines[index], text=f"{'#' * level} {text}", heading=True))
                index += count
                break
        else:
            out.append(lines[index])
            index += 1
    return out


def _mark_size_headings(lines: list[_Line], body_size: float) -> list[_Line]:
    """Lines set larger than the body text that read as a title (see :func:`_titles`) written as a Markdown
    heading, one heading for the lines of a wrapped title, as the Word loader writes a heading style: a
    report's "1. Formål" and "4. Underretning" had read as a list item and a line of text, and every chunk
    under them cited "side 2" with no section."""
    out: list[_Line] = []
    for line in lines:
        if not _titles(line, body_size):
            out.append(line)
        elif out and _continues_title(out[-1], line):
            out[-1] = dataclasses.replace(out[-1], text=f"{out[-1].text} {' '.join(line.text.split())}", y=line.y)
        else:
            out.append(dataclasses.replace(line, text=f"{_SIZE_HEADING}{' '.join(line.text.split())}", heading=True))
    return out


def _titles(line: _Line, body_size: float) -> bool:
    """A line in a larger size than the body text (or in bold and a little larger: "1. Formål" in bold 12
    over text in 11), of a few words, not a table's row, ending in no punctuation that goes on or ends a
    sentence (a larger quotation or lead-in is no title). Bold alone is emphasis as often as a title."""
    text = " ".join(line.text.split())
    larger = line.size >= _HEADING_SIZE * body_size or (line.bold and line.size > body_size)
    large = larger and not line.heading and not line.cells
    return large and 0 < len(text.split()) <= _MAX_TITLE_WORDS and not text.endswith((".", ":", ",", ";"))


def _continues_title(previous: _Line, line: _Line) -> bool:
    """Whether ``line`` is the next line of the title ``previous`` marks: the same size, right under it."""
    marked = previous.heading and previous.text.startswith(_SIZE_HEADING)
    return marked and previous.size == line.size and 0 < previous.y - line.y <= _MAX_LINE_SPACING * line.size


def _line_pitch(lines: list[_Line], body_size: float) -> float:
    """The usual distance between two lines of a paragraph on this page: the steps between lines of one
    size that are below 1.6 times that size (line spacing is 1-1.5 in practice); 1.2 times the body size
    on a page without any."""
    steps = [
        a.y - b.y for a, b in pairwise(lines) if a.size == b.size and 0 < a.y - b.y < _MAX_LINE_SPACING * a.size
    ]
    return median(steps) if steps else 1.2 * body_size


def _next_column(previous: _Line, line: _Line, pitch: float) -> bool:
    """The text continues higher up (the next column, a box) or far to the side of the line before."""
    return line.y > previous.y + 0.5 * pitch or abs(line.x - previous.x) > 20 * max(line.size, 1.0)


def _letters(text: str) -> int:
    return sum(character.isalnum() for character in text)
