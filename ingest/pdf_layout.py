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
- a filled form's values (see ingest.pdf_fields) stand where their boxes are, beside their labels, and so do a
  flattened form's, painted after the page's text (see :func:`_painted_beside`);
- paragraphs drawn from the bottom of the page up are read top to bottom (see :func:`_top_to_bottom`);
- page numbers, "Side N" / "Side N af M" footers (also beside other text: "Dagtilbud Nord  Side 1 af 1") and
  running headers repeated on most pages (or on every page of a short document), standing in the top or
  bottom margin, are dropped (the page is known from
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
from typing import cast

from ingest.pdf_fields import CHECKED, UNCHECKED, FieldValue, field_values
from tidlig.text import item_number, marker_kind

log = logging.getLogger(__name__)

# Lines in the top or bottom band of this share of the page height may be running headers or footers; so may a
# page's first and last line in the wider band (a report with wide margins sets its header 2.4 cm down).
_MARGIN_BAND = 0.08
_EDGE_BAND = 0.15
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
# A title set smaller than the document's section titles (see _section_title_size) is a subsection's: "Indhold" in
# bold 10.5 under each "Kursus 7: ..." in 13.
_SUBSECTION_HEADING = "### "
# A piece that begins this many font sizes beyond where the piece before it ends stands apart from it as a
# table cell does. Its end is measured with the widths its font gives its characters (see _widths): a cell gap
# is then wider than a word space (a quarter to a third of the font size in text faces) and no wider than the
# padding of a cell that its text nearly fills (fpdf2 leaves 2 mm, half the font size at 10-11 pt; Word 0.38 cm).
_MEASURED_CELL_GAP = 0.45
# Where the font gives no widths, a piece's characters are counted at _CHARACTER_WIDTH font sizes each, a generous
# average that is a font size or more off over a long label, so the next piece must begin _CELL_GAP font sizes on.
# So must the text after a list item's bullet or number opening a line: it stands a hanging indent (1-2 font
# sizes) on, which is no cell, while a table's column of numbers stands further apart.
_CELL_GAP = 2.0
_CHARACTER_WIDTH = 0.6
# Cells of two rows of one table begin within this many font sizes of each other.
_CELL_ALIGNMENT = 0.5
# A row holds a cell of at most this many words: two columns of prose read line by line across the page
# stand apart like cells, but each holds a line of words.
_SHORT_CELL_WORDS = 5
# A footnote reference set as a superscript (see _reference_mark): one or two digits in at most this share of the
# line's size (Word sets superscripts at about 0.65, fpdf2 at 0.7).
_REFERENCE_MARK = re.compile(r"\d{1,2}")
_REFERENCE_SIZE = 0.8
# A table row whose cells wrap is looked for over at most this many lines: a row of four columns, two of them
# wrapped over four lines and two, drawn cell by cell with its short cells in the middle, is nine lines.
_MAX_WRAPPED_LINES = 16
# A margin line repeated on at least this share of the left or the right pages (and on two or more, or on each
# page of a short document) is a running header.
_REPEATED = 0.5
_PAGE_NUMBER = re.compile(r"^(?:side\s+)?\d{1,4}(?:\s+af\s+\d{1,4})?$", re.IGNORECASE)
# A footer that counts the pages beside other text ("Dagtilbud Nord · Aarhus Kommune    Side 1 af 1"): on a
# one-page letter nothing repeats it, and it ran into the last sentence. Only with "af M", which prose in the
# margin band ("… se side 4") does not write.
_PAGE_OF_PAGES = re.compile(r"(?:^|\s)side\s+\d{1,4}\s+af\s+\d{1,4}(?:\s|$)", re.IGNORECASE)
# A table of contents' entry: its title, four dot leaders or more (set apart or not) and a page number.
_CONTENTS_ENTRY = re.compile(r"^\S.*?(?:\s*\.){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$", re.IGNORECASE)
_MIN_CONTENTS_ENTRIES = 3
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
# A form field's value is drawn this far in from its box's left edge (Acrobat, pypdf), in points; a field that
# leaves its font size to the viewer (0 in /DA) is placed as if set in _FIELD_SIZE.
_FIELD_PADDING = 2.0
_FIELD_SIZE = 10.0
# A check box's glyph, as a form's check box reads (see ingest.pdf_fields) or a document prints it.
_BOXES = (CHECKED, UNCHECKED, "\u2611")


@dataclass(frozen=True)
class _Piece:
    """A piece of text as pypdf's visitor hands it over, one line of it: where it begins and ends on the page,
    whether that end is measured with its font's widths or estimated (see _CELL_GAP), and which painting of a form
    XObject drew it (0: the page's own content; see _TextState)."""

    text: str
    x: float
    y: float
    size: float
    bold: bool
    end: float
    measured: bool
    painting: int = 0


@dataclass(frozen=True)
class _Spacing:
    """The text state that widens a line beyond its glyphs (PDF 32000-1, 9.3): character spacing Tc and word
    spacing Tw in unscaled text space units, horizontal scaling Tz as a factor."""

    character: float = 0.0
    word: float = 0.0
    scaling: float = 1.0


@dataclass(frozen=True)
class _Widths:
    """The advance widths of a font's characters in thousandths of its size, by the text pypdf decodes them
    as; ``simple`` for a font of one-byte codes, whose space (code 32) takes the word spacing."""

    characters: dict[str, float]
    simple: bool


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
    end: float = 0.0  # where its last piece ends
    # Where each cell ends, as far as known (a column of figures set flush right aligns on its ends).
    cell_ends: tuple[float, ...] = ()


def page_texts(reader) -> list[str]:
    """The text of every page of ``reader``; a page whose positions cannot be read keeps its plain text."""
    fonts = _Fonts()
    read = [_read_page(page, fonts) for page in reader.pages]
    spans = [(float(page.mediabox.bottom), float(page.mediabox.top)) for page in reader.pages]
    margins = [_margin_lines(lines, span) for (lines, _), span in zip(read, spans, strict=True)]
    repeated = _repeated_margin_lines([lines for lines, _ in read], margins)
    outline = _outline_titles(reader)
    body = _body_size([line for lines, _ in read for line in lines])
    sections = 0.0 if outline else _section_title_size([lines for lines, _ in read], body)
    texts = []
    for number, ((lines, plain), margin) in enumerate(zip(read, margins, strict=True)):
        contents = _contents_entries(lines)
        kept = [line for line in lines if not (id(line) in margin and _is_margin_furniture(line, repeated)) and id(line) not in contents]
        # Text drawn in ways the visitor does not report (forms, odd operators) must not be lost.
        complete = _letters(" ".join(line.text for line in lines)) >= 0.9 * _letters(plain)
        texts.append(_layout_text(kept, outline.get(number, {}), body, sections) if lines and complete else plain)
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


def _read_page(page, fonts: _Fonts) -> tuple[list[_Line], str]:
    """The printed lines of one page in content order, each with its position and font, and the page's
    plain text (pypdf returns it from the same pass)."""
    pieces: list[_Piece] = []
    state = _TextState()

    def visit(text, cm, tm, font, size) -> None:
        if not text or not text.strip("\n"):
            return
        matrix = _product(tm, _product(cm, state.placement))
        x, y = matrix[4], matrix[5]
        scale = abs(matrix[3]) or 1.0
        # A text space unit along the line is this long on the page (the font size is scaled by the matrices).
        stretch = abs(matrix[0]) or scale
        name = str(font.get("/BaseFont", "")) if font else ""
        widths = fonts.widths(font)
        for part in text.split("\n"):
            if part.strip():
                advance = _advance(part, size, widths, state.spacing)
                end, measured = (x + advance * stretch, True) if advance is not None else (_estimated_end(part, x, size * scale), False)
                pieces.append(_Piece(part, x, y, size * scale, bool(_BOLD_FONT.search(name)), end, measured, state.painting))

    plain = page.extract_text(visitor_text=visit, visitor_operand_before=state.before, visitor_operand_after=state.after) or ""
    pieces, values = _with_field_values(_painted_beside(pieces), field_values(page))
    return _lines(pieces), "\n".join([plain, *values])


def _painted_beside(pieces: list[_Piece]) -> list[_Piece]:
    """``pieces`` with the line each form XObject paints (a flattened form's value, a stamp) moved onto the line of
    other text it stands on, among that line's pieces by where it begins, as a filled form's value is placed (see
    :func:`_placed`). Lines are joined in content order, a piece only onto the line before it: a flattened form
    paints its values after all of the page's text, each in a form of its own, and its labels were read first and
    its values after them ("Institution:", "Barnets alder:", "Børnehuset Solsikken", "4 år"). A form painting
    lines of its own (a page imported whole, a block of text) keeps its order: the next column of a page stands
    on the lines of the column before it as well."""
    for painting in sorted({piece.painting for piece in pieces} - {0}):
        own = [piece for piece in pieces if piece.painting == painting]
        size = max(max(piece.size for piece in own), 1.0)
        if max(piece.y for piece in own) - min(piece.y for piece in own) >= 0.5 * size:
            continue
        rest = [piece for piece in pieces if piece.painting != painting]
        row = [index for index, piece in enumerate(rest) if abs(piece.y - own[0].y) < 0.5 * max(piece.size, size)]
        if not row:
            continue
        before = [index for index in row if rest[index].x < own[0].x]
        at = before[-1] + 1 if before else row[0]
        # A value is set a little higher or lower in its box than its label: on the label's baseline it is its line.
        moved = [dataclasses.replace(piece, y=rest[row[0]].y) for piece in own]
        pieces = [*rest[:at], *moved, *rest[at:]]
    return pieces


def _with_field_values(pieces: list[_Piece], fields: list[FieldValue]) -> tuple[list[_Piece], list[str]]:
    """``pieces`` with the values of a filled form's fields where their boxes stand (see :func:`_placed`), top to
    bottom, and the values placed. A value the content stream already shows in its box (a flattened form, whose
    values were drawn into the page) is not read twice; a check box's value replaces a box or mark printed
    under it (a form whose check boxes were laid over the printed "☐")."""
    body = median(piece.size for piece in pieces) if pieces else _FIELD_SIZE
    placed = []
    for field in sorted(fields, key=lambda field: (-field.top, field.left)):
        if field.box:
            pieces = [piece for piece in pieces if not (_in_box(piece, field) and _mark(piece.text))]
        elif _drawn(field, pieces):
            continue
        pieces = _placed(pieces, field, body)
        placed.append(field.text)
    return pieces, placed


def _in_box(piece: _Piece, field: FieldValue) -> bool:
    return field.left - 1 <= piece.x < field.right and field.bottom - 1 <= piece.y < field.top


def _mark(text: str) -> bool:
    """Whether ``text`` is one printed sign alone (a box, a tick, a cross), as a check box's is."""
    return len(text.strip()) == 1 and not text.strip().isalnum()


def _drawn(field: FieldValue, pieces: list[_Piece]) -> bool:
    """Whether the text inside ``field``'s box holds its value, or the value begins with what is there (a value
    that runs beyond its box is clipped), letters and digits compared."""
    value = _compact(field.text)
    shown = _compact(" ".join(piece.text for piece in pieces if _in_box(piece, field)))
    return bool(shown) and (value in shown or (value.startswith(shown) and 2 * len(shown) >= len(value)))


def _compact(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())


def _placed(pieces: list[_Piece], field: FieldValue, body: float) -> list[_Piece]:
    """``pieces`` with ``field``'s value as one more where its box stands. A box beside a line of text (its label
    to the left, a check box's text to the right) puts the value on that line, after the pieces left of the box:
    the label and the value are read as one line, or as a table's row where the form is a table. A box beside no
    text (a field under its label) puts it on a line of its own, after the nearest line above it."""
    size = field.size or _FIELD_SIZE
    x = field.left if field.box else field.left + _FIELD_PADDING
    # A value's line is centred in its box, the first line of a box of several lines at its top.
    baseline = max((field.bottom + field.top) / 2 - 0.35 * size, field.top - 1.2 * size)
    beside = [piece for piece in pieces if field.bottom - piece.size <= piece.y <= field.top and not _in_box(piece, field)]
    if beside:
        line = min(beside, key=lambda piece: abs(piece.y - baseline))
        y, size = line.y, line.size
        row = [index for index, piece in enumerate(pieces) if abs(piece.y - y) < 0.5 * max(size, 1.0)]
        before = [index for index in row if pieces[index].x < x]
        at = before[-1] + 1 if before else row[0]
    else:
        y, size = baseline, body
        above = [index for index, piece in enumerate(pieces) if piece.y > y]
        nearest = min((pieces[index].y for index in above), default=0.0)
        at = max((index + 1 for index in above if pieces[index].y - nearest < 0.5 * max(size, 1.0)), default=0)
    # Nothing but the value stands in its box, and what stands beyond the box is apart from it as a cell is: the
    # value ends a cell gap before the box's right edge at most (boxes of a table's cells may touch).
    end = max(x, min(_estimated_end(field.text, x, size), field.right - _MEASURED_CELL_GAP * size))
    return [*pieces[:at], _Piece(field.text, x, y, size, False, end, True), *pieces[at:]]


def _lines(pieces: list[_Piece]) -> list[_Line]:
    """The pieces joined into lines, a piece beginning far enough beyond the end of the piece before it on its
    line as a cell of a table row (see _CELL_GAP)."""
    lines: list[_Line] = []
    previous: _Piece | None = None
    for piece in pieces:
        text, x, size = piece.text, piece.x, piece.size
        if previous is not None and _reference_mark(lines[-1], piece):
            lines[-1] = _with_reference(lines[-1], piece)
        elif previous is not None and abs(lines[-1].y - piece.y) < 0.5 * max(size, 1.0) and x >= lines[-1].x:
            last = lines[-1]
            joined = _Line(_join_pieces(last.text, text), last.x, last.y, max(last.size, size), last.bold and piece.bold, end=piece.end)
            gap = _MEASURED_CELL_GAP if previous.measured and not _list_marker(last) else _CELL_GAP
            if x - previous.end > gap * max(size, 1.0):
                cells, texts = (last.cells, last.cell_texts) if last.cells else ((last.x,), (last.text,))
                ends = last.cell_ends if last.cells else (last.end,)
                joined = dataclasses.replace(joined, cells=(*cells, x), cell_texts=(*texts, text), cell_ends=(*ends, piece.end))
            elif last.cells:
                texts = (*last.cell_texts[:-1], _join_pieces(last.cell_texts[-1], text))
                joined = dataclasses.replace(joined, cells=last.cells, cell_texts=texts, cell_ends=(*last.cell_ends[:-1], piece.end))
            lines[-1] = joined
        else:
            lines.append(_Line(text, x, piece.y, size, piece.bold, end=piece.end))
        previous = piece
    return [line for line in lines if line.text.strip()]


def _reference_mark(line: _Line, piece: _Piece) -> bool:
    """Whether ``piece`` is a footnote reference set as a superscript right after the line's last word: a number of
    one or two digits, smaller than the line's text, on its baseline or raised above it by less than its size (a
    rise set with the text rise operator is not in the position pypdf reports). Raised by more than half its own
    size, it had begun a line of its own ("… på sprogindsatsen" / "1 i 2023."); on the baseline, it had stood
    apart as a number ("sprogindsatsen 1 i 2023")."""
    raised = piece.y - line.y
    return (
        bool(_REFERENCE_MARK.fullmatch(piece.text.strip()))
        and piece.size <= _REFERENCE_SIZE * line.size
        and 0 <= raised < line.size
        and abs(piece.x - line.end) < 0.5 * line.size
    )


def _with_reference(line: _Line, piece: _Piece) -> _Line:
    """``line`` with the reference mark ``piece`` glued to its last word ("sprogindsatsen1"), as a Word file's
    reference is read (see ingest.docx_footnotes), on the line's baseline and in its size."""
    mark = piece.text.strip()
    cells = (*line.cell_texts[:-1], line.cell_texts[-1] + mark) if line.cells else ()
    ends = (*line.cell_ends[:-1], piece.end) if line.cells else ()
    return dataclasses.replace(line, text=line.text + mark, cell_texts=cells, end=piece.end, cell_ends=ends)


def _list_marker(line: _Line) -> bool:
    """Whether ``line`` so far is a list item's bullet or number alone ("•", "2)", "b)")."""
    marker = line.text.strip()
    if (line.cell_texts[-1] if line.cells else marker).strip() in _BOXES:
        return True  # a check box before its text, also after other cells ("☐ Ja  ☐ Nej")
    return not line.cells and (item_number(f"{marker} x") == marker or (len(marker) == 1 and marker_kind(f"{marker} x") == "bullet"))


def _estimated_end(text: str, x: float, size: float) -> float:
    return x + _CHARACTER_WIDTH * max(size, 1.0) * len(text)


def _advance(text: str, size: float, widths: _Widths | None, spacing: _Spacing) -> float | None:
    """How far showing ``text`` in a font of ``size`` moves the pen, in text space units (PDF 32000-1, 9.4.4):
    each character its width plus the character spacing, a space of a one-byte font the word spacing as well,
    all scaled horizontally. None when the font gives no width for one of its characters.
    A space the piece begins with is left out: pypdf puts one before a piece that continues a line after a gap,
    and the piece's position is that of its first drawn character. Kerning and gaps set by the numbers of a TJ
    array, or by a move within the piece, are not counted: pypdf's visitor reports neither (it writes a wide
    one as a space, measured as the font's space)."""
    if widths is None:
        return None
    advance = 0.0
    for character in text.lstrip(" "):
        width = widths.characters.get(character)
        if width is None:
            return None
        advance += width / 1000 * size + spacing.character + (spacing.word if character == " " and widths.simple else 0.0)
    return advance * spacing.scaling


class _TextState:
    """The character spacing, word spacing and horizontal scaling in force, followed through a page's content
    stream: pypdf's text visitor gives a piece's matrices, font and size, but its extractor keeps these to itself,
    so they are read from the operators pypdf reports before running each. q and Q save and restore them with
    the graphics state, as painting a form XObject (Do) does around the form's own operators. Each painting of a
    form is numbered (``painting``, 0 outside any), so that its text can be told from the page's (see
    :func:`_painted_beside`).
    A piece is measured with the spacing in force when pypdf hands it over: the spacing it was shown with, unless
    the stream sets Tc, Tw or Tz after its last string and before what ends it (a font change, a new line)."""

    def __init__(self) -> None:
        self.spacing = _Spacing()
        self._saved: list[_Spacing] = []
        # Where the form XObject being read is painted (see _placed_forms).
        self.placement: _Matrix = _IDENTITY
        self._placements: list[_Matrix] = []
        self._pending: _Matrix | None = None
        self.painting = 0
        self._paintings: list[int] = []
        self._painted = 0

    def before(self, operator, operands, cm, tm) -> None:
        self._placed_forms(operator, cm)
        if operator in (b"q", b"Do"):
            self._saved.append(self.spacing)
        elif operator == b"Q" and self._saved:
            self.spacing = self._saved.pop()
        else:
            self.spacing = _set_spacing(self.spacing, operator, operands)

    def after(self, operator, operands, cm, tm) -> None:
        if operator != b"Do":
            return
        if self._saved:
            self.spacing = self._saved.pop()
        if self._pending is not None:
            self._pending = None  # an image, or a form without operators
        elif self._placements:
            self.placement = self._placements.pop()
            self.painting = self._paintings.pop()

    def _placed_forms(self, operator, cm) -> None:
        """pypdf reads a form XObject's text as a page of its own, the matrices it reports starting over from the
        identity: text in a form (a flattened form field's value, a stamp, a header some tools draw once and
        paint on each page) stood at the page's bottom left corner, a flattened form's values all on one line.
        The transformation in force where Do paints the form places it on the page; it applies from the form's
        first operator (pypdf reports text left before the Do with the matrices outside the form)."""
        if self._pending is not None:
            self._placements.append(self.placement)
            self.placement, self._pending = self._pending, None
            self._paintings.append(self.painting)
            self._painted += 1
            self.painting = self._painted
        if operator == b"Do":
            self._pending = _product(cm, self.placement)


_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _product(first, second) -> _Matrix:
    """The transformation ``first``, then ``second`` (PDF matrices [a b c d e f], applied to row vectors)."""
    a, b, c, d, e, f = (float(value) for value in first)
    p, q, r, s, t, u = (float(value) for value in second)
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _set_spacing(spacing: _Spacing, operator: bytes, operands) -> _Spacing:
    """``spacing`` as the text state operator changes it (the " operator sets word and character spacing, then
    shows its string)."""
    values = [float(operand) for operand in operands if isinstance(operand, int | float)]
    match operator, values:
        case b"Tc", [character, *_]:
            return dataclasses.replace(spacing, character=character)
        case b"Tw", [word, *_]:
            return dataclasses.replace(spacing, word=word)
        case b"Tz", [scaling, *_]:
            return dataclasses.replace(spacing, scaling=scaling / 100)
        case b'"', [word, character, *_]:
            return dataclasses.replace(spacing, word=word, character=character)
    return spacing


class _Fonts:
    """The widths of the fonts of one document, each font read once (its pages share its dictionary)."""

    def __init__(self) -> None:
        # By the dictionary's id, the dictionary kept with its widths so that the id is not reused.
        self._read: dict[int, tuple[object, _Widths | None]] = {}

    def widths(self, font) -> _Widths | None:
        if font is None:
            return None
        if id(font) not in self._read:
            self._read[id(font)] = (font, _widths(font))
        return self._read[id(font)][1]


def _widths(font) -> _Widths | None:
    """The width of each character ``font`` draws, by the text pypdf decodes it as, or None where the font
    gives none: pypdf's own reading of the font dictionary (pypdf.generic._font.Font, private in pypdf 7.1, which
    pyproject pins) takes a simple font's /FirstChar and /Widths, a standard 14 font's widths from the AFM metrics
    it ships (and those of Arial, Times New Roman and Courier New named so), and a CID font's /W; a character of a
    CID font that /W leaves out is /DW wide. Left to the estimate: Type 3 fonts (their widths are in the glyph
    space of their /FontMatrix, and pypdf reads them as integers), CID fonts under a CMap other than Identity
    (their codes are not their CIDs), and fonts that are neither embedded nor standard and give no /Widths."""
    from pypdf.errors import PyPdfError
    from pypdf.generic._font import Font

    if font.get("/Subtype") == "/Type3":
        return None
    try:
        read = Font.from_font_resource(font)
    except (PyPdfError, AttributeError, TypeError, ValueError, KeyError) as error:
        log.debug("no widths for font %s: %s", font.get("/BaseFont"), error)
        return None
    simple = isinstance(read.encoding, dict)
    if not simple and read.encoding != "utf-16-be":
        return None
    characters: dict[str, float] = {}
    for code, width in read.character_widths.items():
        if code != "default":
            _add_width(characters, _decoded(code, read), float(width))
    if not characters:
        return None
    if not simple:
        default = _default_cid_width(font)
        for code, text in read.character_map.items():
            if isinstance(code, str) and code not in read.character_widths:
                _add_width(characters, text, default)
    # pypdf writes a wide gap within a piece as a space, also in a font that has none of its own.
    characters.setdefault(" ", float(read.space_width))
    return _Widths(characters, simple)


def _decoded(code: str, read) -> str:
    """The text pypdf decodes a character code as: a simple font's code through its encoding, then /ToUnicode."""
    if isinstance(read.encoding, dict):
        code = read.encoding.get(ord(code), code)
    return str(read.character_map.get(code, code))


def _add_width(characters: dict[str, float], text: str, width: float) -> None:
    """A glyph decoded as several characters (a ligature "ﬁ" written "fi") shares its width among them."""
    for character in text:
        characters.setdefault(character, width / len(text))


def _default_cid_width(font) -> float:
    """The width of a CID font's characters that its /W leaves out: its /DW, 1000 if it gives none."""
    try:
        descendant = font["/DescendantFonts"][0].get_object()
        return float(descendant.get("/DW", 1000))
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        return 1000.0


def _join_pieces(left: str, right: str) -> str:
    if left.endswith((" ", "-", "/")) or right.startswith(" "):
        return left + right
    return f"{left} {right}"


def _margin_lines(lines: list[_Line], span: tuple[float, float]) -> set[int]:
    """The lines (by ``id``) of a page that may be its running header or footer: those in the top or bottom
    _MARGIN_BAND of the page, and its first and last line within _EDGE_BAND of an edge, unless a table's row (a table
    running over the page repeats its header row, which the structure module reads). Horsens's "Horsens Kommune ·
    Kvalitetsrapport for dagtilbudsområdet 2024", 67 points below the top of an A4 page, had run into the sentence
    going on over each page break ("sammen med en Horsens Kommune · Kvalitetsrapport ... 2024 pædagogisk konsulent")."""
    bottom, top = span
    band, edge = _MARGIN_BAND * (top - bottom), _EDGE_BAND * (top - bottom)
    margin = {id(line) for line in lines if line.y < bottom + band or line.y > top - band}
    if lines:
        first, last = max(lines, key=lambda line: line.y), min(lines, key=lambda line: line.y)
        margin |= {id(first)} if first.y > top - edge and not first.cells else set()
        margin |= {id(last)} if last.y < bottom + edge and not last.cells else set()
    return margin


def _margin_key(line: _Line) -> str:
    """A running header compared across pages: its words without digits ("03 — Nytænk" on every page)."""
    return re.sub(r"\d+", "#", " ".join(line.text.split()).lower())


def _repeated_margin_lines(pages: list[list[_Line]], margins: list[set[int]]) -> set[str]:
    """The margin lines (``margins``: per page, see :func:`_margin_lines`) repeated on half the left or the right
    pages (and on two or more), or in a short document on every page with text: a two-page strategy's
    "Kvalitetsrapport 2024 – Dagplejen" above each page is no paragraph, nor a four-page report's "Kvalitetsrapport
    2024" on its odd pages and "Dagplejen i Nordby" on its even ones, which had run into a sentence going on over the
    page ("pædagogen i Kvalitetsrapport 2024 hverdagen").
    Pages holding nothing but a page number do not count (a footer pushed onto a page of its own)."""
    counts = Counter(
        key
        for lines, margin in zip(pages, margins, strict=True)
        for key in {_margin_key(line) for line in lines if id(line) in margin}
    )
    texts = sum(1 for lines in pages if any(not _PAGE_NUMBER.match(" ".join(line.text.split())) for line in lines))
    # Left and right pages often carry headers of their own (the report's title, the chapter's): each stands
    # on every other page.
    needed = max(2, _REPEATED * len(pages) / 2)
    return {key for key, count in counts.items() if count >= needed or count == texts >= 2}


def _contents_entries(lines: list[_Line]) -> set[int]:
    """The lines (by ``id``) of a table of contents on a page: a title, dot leaders and a page number ("2.1
    Sprogvurdering . . . . . 12"), at least _MIN_CONTENTS_ENTRIES of them. They repeat the headings with page
    numbers and are left out, as a Word file's table of contents is: read, they were a table whose first entry
    was the header of all the others."""
    entries = {id(line) for line in lines if _CONTENTS_ENTRY.match(" ".join(line.text.split()))}
    return entries if len(entries) >= _MIN_CONTENTS_ENTRIES else set()


def _is_margin_furniture(line: _Line, repeated: set[str]) -> bool:
    """Whether a margin line (see :func:`_margin_lines`) is a page number, a page footer or a running header."""
    text = " ".join(line.text.split())
    return bool(_PAGE_NUMBER.match(text) or _PAGE_OF_PAGES.search(text)) or _margin_key(line) in repeated


def _body_size(lines: list[_Line]) -> float:
    """The size most of a document's letters are set in (0 without lines)."""
    sizes = sorted((line.size, _letters(line.text)) for line in lines)
    half, counted = sum(letters for _, letters in sizes) / 2, 0
    for size, letters in sizes:
        counted += letters
        if counted >= half:
            return size
    return 0.0


def _section_title_size(pages: list[list[_Line]], body: float) -> float:
    """The size of a document's section titles: the largest size of a title (see :func:`_titles`) that stands on two
    pages or more (a cover's title stands on one); 0 when none does."""
    pages_of: dict[float, set[int]] = {}
    for number, lines in enumerate(pages):
        for line in lines:
            if _titles([line], body):
                pages_of.setdefault(line.size, set()).add(number)
    return max((size for size, on in pages_of.items() if len(on) >= 2), default=0.0)


def _layout_text(lines: list[_Line], outline: dict[str, int], document_body: float = 0.0, sections: float = 0.0) -> str:
    """A page's text from its lines. A line is a heading when set larger than the page's body text and the
    document's (``document_body``, see :func:`_body_size`): on a page filled by a table in small print, the
    paragraph under it in the document's body size had read as a heading, cut off from its sentence's start."""
    if not lines:
        return ""
    lines = _mark_outline_titles(lines, outline)
    body_size = median(line.size for line in lines)
    heading_body = max(body_size, document_body)
    body_bold = sum(line.bold for line in lines) > len(lines) / 2
    lines = _top_to_bottom(lines, 1.2 * body_size)
    pitch = _line_pitch(lines, body_size)
    lines = _mark_size_headings(_with_table_headers(_with_wrapped_rows(lines)), heading_body, pitch, sections)
    rows = _table_rows(lines)
    out: list[str] = []
    previous: _Line | None = None
    previous_heading = False
    for number, line in enumerate(lines):
        heading = line.heading or line.size >= _HEADING_SIZE * heading_body or (line.bold and not body_bold)
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


def _top_to_bottom(lines: list[_Line], pitch: float) -> list[_Line]:
    """``lines`` with each run of blocks drawn bottom-up read top to bottom. A block is a run of lines each below
    the one before it, not a frame apart (see _FRAME_GAP); a run of blocks each wholly above the block drawn
    before it and beside it (their widths overlap) was drawn upwards, as a leaflet drew its paragraphs from the
    bottom and its heading last, which read last. The next column, a table's next column drawn cell by cell,
    and a sidebar begin higher up, but beside the text before them or not wholly above it: they keep their order."""
    blocks: list[list[_Line]] = []
    for line in lines:
        if blocks and 0 <= blocks[-1][-1].y - line.y <= _FRAME_GAP * pitch:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    runs: list[list[list[_Line]]] = []
    for block in blocks:
        if runs and _drawn_upwards(runs[-1][-1], block):
            runs[-1].append(block)
        else:
            runs.append([block])
    return [line for run in runs for block in reversed(run) for line in block]


def _drawn_upwards(lower: list[_Line], upper: list[_Line]) -> bool:
    """Whether the block ``upper`` stands wholly above ``lower`` and their widths overlap."""
    left = max(min(line.x for line in lower), min(line.x for line in upper))
    right = min(max(line.end for line in lower), max(line.end for line in upper))
    return min(line.y for line in upper) > max(line.y for line in lower) and left < right


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
        # A full row goes on only in the lines of its cells that wrap ("Resultatet gives til" / "forældrene", the
        # other cells set at the top of the row): the next full row is the next row.
        if used and (_full_row(line, reference) or not _stands_in_row(lines, used)):
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
    ends = tuple(reference.cell_ends[index] for index in order) if reference.cell_ends else ()
    row = _Line(" ".join(texts), reference.cells[0], top, first.size, first.bold, cells=cells, cell_texts=texts, cell_ends=ends)
    return row, used


def _stands_in_row(lines: list[_Line], used: int) -> bool:
    """Whether ``lines[used]`` goes on the row made of the lines before it: it stands near one of them, or it begins
    a cell whose lines reach them. fpdf2 sets a table's cells in the middle of their row, so a row's short cells are
    drawn before the lines of a taller cell beside them, which begin higher up (a cell of five lines beside one of
    one: two lines above it): the table had broken after its first such row into lines of text."""
    line, row = lines[used], lines[:used]
    gap = _FRAME_GAP * max(line.size, 1.0)
    if min(abs(line.y - other.y) for other in row) <= gap:
        return True
    cell = [line]
    for following in lines[used + 1 :]:
        if following.cells or abs(following.x - line.x) > gap or not 0 < cell[-1].y - following.y <= gap:
            break
        cell.append(following)
    top, bottom = max(other.y for other in row), min(other.y for other in row)
    return cell[-1].y <= top + gap and line.y >= bottom - gap


def _with_table_headers(lines: list[_Line]) -> list[_Line]:
    """``lines`` with the lines above each table that stand in its columns read as its rows: a header whose cells
    wrap ("Alder" / "(mdr.)", "Hvad deles (med" / "samtykke)"), drawn cell by cell with the cells that do not wrap
    set in the middle of the row, is no full row, so the table had no header and its rows' units no column names.
    A page the table runs on to repeats the header above such a row. The lines are split into rows as a wrapped
    row is (see :func:`_wrapped_row`); the first must fill every column, and the line that leads into the table
    (it runs on past its first column) ends them."""
    rows = _table_rows(lines)
    out = list(lines)
    for first in sorted((number for number in rows if number - 1 not in rows), reverse=True):  # bottom up: indexes hold
        reference = lines[first]
        start = first
        while start > 0 and first - start < _MAX_WRAPPED_LINES and _in_columns(lines[start - 1], reference):
            start -= 1
        assembled = _rows_of(lines[start:first], reference)
        if assembled and len(assembled[0].cells) == len(reference.cells):
            out[start:first] = assembled
    return out


def _rows_of(lines: list[_Line], reference: _Line) -> list[_Line]:
    """``lines`` as rows of the table ``reference`` is a row of, each a full row or a wrapped one; [] unless every line is part of one."""
    rows: list[_Line] = []
    at = 0
    while at < len(lines):
        full = _full_row(lines[at], reference)
        wrapped = None if full else _wrapped_row(lines[at:], reference)
        if wrapped is None and not full:
            return []
        row, used = wrapped or (lines[at], 1)
        rows.append(row)
        at += used
    return rows


def _in_columns(line: _Line, reference: _Line) -> bool:
    """Whether each piece of ``line`` begins where a cell of ``reference`` does and ``line`` ends before the next
    cell begins (where it ends is known), above ``reference``: part of a row of its table, not a line of text."""
    starts = [_column(x, reference) for x in (line.cells or (line.x,))]
    if line.y <= reference.y or None in starts or not line.end:
        return False
    last = cast(int, starts[-1])
    return last + 1 == len(reference.cells) or line.end <= reference.cells[last + 1] + _CELL_ALIGNMENT * max(reference.size, 1.0)


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
    """Whether each cell of ``above`` begins, or ends, where the cell below it does: a column of figures is
    set flush right ("1.890.000 kr." over "640.000 kr."), and its longer figures had broken the table."""
    tolerance = _CELL_ALIGNMENT * max(above.size, below.size, 1.0)
    ends = zip(above.cell_ends, below.cell_ends, strict=True) if len(above.cell_ends) == len(below.cell_ends) == len(above.cells) else None
    if ends is None:
        return all(abs(a - b) <= tolerance for a, b in zip(above.cells, below.cells, strict=True))
    return all(
        abs(a - b) <= tolerance or abs(end_a - end_b) <= tolerance
        for (a, b), (end_a, end_b) in zip(zip(above.cells, below.cells, strict=True), ends, strict=True)
    )


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


def _mark_size_headings(lines: list[_Line], body_size: float, pitch: float, sections: float = 0.0) -> list[_Line]:
    """Lines set larger than the body text that read as a title (see :func:`_titles`) written as a Markdown
    heading, one heading for the lines of a wrapped title, as the Word loader writes a heading style: a
    report's "1. Formål" and "4. Underretning" had read as a list item and a line of text, and every chunk
    under them cited "side 2" with no section. A wrapped title is read whole: its first line alone had been
    too long for a title, and its last, "ulovligt fravær)", became the section of the text under it. A title set
    smaller than the document's section titles (``sections``, see :func:`_section_title_size`) is a subsection's,
    one level down: Herning's "Indhold" under each course had taken the course's place, and "Timer: 21 timer"
    stood under "Indhold" alone, naming no course."""
    out: list[_Line] = []
    index = 0
    while index < len(lines):
        group = _wrapped(lines, index, body_size, pitch)
        if _titles(group, body_size):
            text = " ".join(" ".join(line.text.split()) for line in group)
            marker = _SUBSECTION_HEADING if group[0].size < sections else _SIZE_HEADING
            out.append(dataclasses.replace(group[0], text=f"{marker}{text}", heading=True, y=group[-1].y))
        else:
            out += group
        index += len(group)
    return out


def _wrapped(lines: list[_Line], index: int, body_size: float, pitch: float) -> list[_Line]:
    """The line at ``index`` with the lines that go on under it in its larger size (at most _MAX_TITLE_LINES):
    a title wrapped over them. The line alone when it is not set larger than the body text (or in bold and a
    little larger: "1. Formål" in bold 12 over text in 11), or is a table's row. A title's lines may stand as
    far apart as the lines of a paragraph (the page's ``pitch``), though set apart more than its size gives
    (17 points between two lines in 10.5)."""
    first = lines[index]
    if not _larger(first, body_size):
        return [first]
    group = [first]
    for line in lines[index + 1 : index + _MAX_TITLE_LINES]:
        previous = group[-1]
        spacing = max(_MAX_LINE_SPACING * line.size, _PARAGRAPH_GAP * pitch)
        if not (_larger(line, body_size) and line.size == previous.size and 0 < previous.y - line.y <= spacing):
            break
        group.append(line)
    return group


def _larger(line: _Line, body_size: float) -> bool:
    larger = line.size >= _HEADING_SIZE * body_size or (line.bold and line.size > body_size)
    return larger and not line.heading and not line.cells


def _titles(group: list[_Line], body_size: float) -> bool:
    """Whether larger lines (see :func:`_wrapped`) are a title: a few words a line, ending in no punctuation
    that goes on or ends a sentence (a larger quotation or lead-in is no title). Bold alone is emphasis as
    often as a title."""
    text = " ".join(" ".join(line.text.split()) for line in group)
    short = 0 < len(text.split()) <= _MAX_TITLE_WORDS * len(group)
    return _larger(group[0], body_size) and short and not text.endswith((".", ":", ",", ";"))


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
