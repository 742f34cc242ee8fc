"""The text of a Word file as Word shows it, also where python-docx's ``Paragraph.text`` and
``iter_inner_content`` read nothing.

python-docx reads the runs and hyperlinks right inside a paragraph, and the paragraphs and tables right
inside the body or a cell. Word keeps text in more places, and municipal templates use them all:

- content controls (``w:sdt``) around paragraphs, tables, table rows or cells (:func:`open_table_controls`),
  or around runs inside a sentence ("Skemaet
  skal sendes til [kommunens modtagelse] inden for 24 timer."); one that still shows its placeholder
  ("Klik eller tryk her for at skrive tekst.") holds no text of the author's and is not read;
- tracked insertions not yet accepted (``w:ins``, ``w:moveTo``), which Word shows as text; tracked
  deletions (``w:del``, ``w:moveFrom``, their ``w:delText``) are shown struck out and are not read, and a
  paragraph whose mark is deleted is read as one with the next (:func:`join_deleted_paragraph_marks`);
- fields: a simple field (``w:fldSimple``, a date) holds its result as runs; a complex field is runs
  between ``w:fldChar`` marks (begin, the instruction in ``w:instrText`` such as "PAGEREF _Toc123 \\h",
  separate, the result, end), of which Word shows the result only;
- page and column breaks (``w:br``), which python-docx reads as nothing, gluing "skilt.Skiltet";
- symbols (``w:sym``): the boxes of a checklist, check marks and arrows are read as the characters they show
  ("☒", "→"), which python-docx left out ("anmeldt tilsyn  dialogmøde");
- characters shown as nothing or as a hyphen (soft hyphens, zero-width spaces; see ``tidlig.text.as_shown``);
- hidden text (``w:vanish``), which Word neither shows nor prints and python-docx reads as text: not read.

A table of contents repeats the headings with their page numbers ("2. Brand og evakuering 2") and is not
read: neither the result of a TOC field (its entries, however styled) nor a content control Word marks as one.
Paragraphs in a table of contents' styles are left out by the loader, which knows the styles' names.

Example::

    text = DocxText(document.element.body)
    for element in text.blocks(document.element.body):  # w:p and w:tbl elements in document order
        ...
    text.plain(paragraph._p)   # "Skemaet skal sendes til kommunens modtagelse inden for 24 timer."
    list(text.pieces(paragraph._p))  # text, and ("footnote", "3") where a footnote is referred to
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from tidlig.text import as_shown

__all__ = ["DocxText", "Piece", "join_deleted_paragraph_marks", "open_table_controls"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _R, _T, _SDT, _SDT_CONTENT = (f"{_W}{tag}" for tag in ("p", "tbl", "tr", "r", "t", "sdt", "sdtContent"))
_FLD_CHAR, _INSTR_TEXT = f"{_W}fldChar", f"{_W}instrText"
_PPR = f"{_W}pPr"
# A paragraph mark deleted (or moved away) with changes tracked: Word joins the paragraph to the next one.
_DELETED_MARKS = (f"{_W}pPr/{_W}rPr/{_W}del", f"{_W}pPr/{_W}rPr/{_W}moveFrom")
# Inline elements whose runs Word shows: links, tracked insertions and moves, simple fields, smart tags,
# custom XML, text direction; content controls are opened apart (see ``_shown_content``). Any other
# element holds no shown text of a run's (tracked deletions, drawings and text boxes, which the loader
# reads as paragraphs of their own, math, comments' marks).
_INLINE = {f"{_W}{tag}" for tag in ("hyperlink", "ins", "moveTo", "fldSimple", "smartTag", "customXml", "dir", "bdo")}
# Content controls not read: one showing its placeholder, and a table of contents (Word's own is a
# document part of the gallery "Table of Contents").
_UNREAD_CONTROLS = (f"{_W}sdtPr/{_W}showingPlcHdr", f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery[@{_W}val='Table of Contents']")
# Blocks around paragraphs and tables.
_BLOCK = {f"{_W}customXml"}
# What a run's other elements read as; a break of any kind (line, page, column) separates words.
_RUN_CHARACTERS = {f"{_W}{tag}": char for tag, char in (("tab", "\t"), ("ptab", "\t"), ("br", "\n"), ("cr", "\n"),
                                                          ("noBreakHyphen", "-"))}  # fmt: skip
_NOTE_REFERENCES = {f"{_W}{kind}Reference": kind for kind in ("footnote", "endnote")}
_SYM = f"{_W}sym"
# The symbols Word's "Insert symbol" puts in a run (``w:sym``: a font and a code in it) that say something: boxes of
# a checklist, empty or ticked, check marks and arrows, by font and the code's last byte (Word writes "F0FE" or
# "00FE"), as the Unicode characters they show. Any other symbol is decoration and is not read.
_EMPTY_BOX, _TICKED_BOX, _CROSSED_BOX = "\u2610", "\u2611", "\u2612"
_SYMBOLS = {
    "wingdings": {0xA8: _EMPTY_BOX, 0x6F: _EMPTY_BOX, 0x71: _EMPTY_BOX, 0xFE: _TICKED_BOX, 0xFD: _CROSSED_BOX,
                  0xFC: "\u2713", 0xFB: "\u2717", 0xE0: "\u2192", 0xE8: "\u2192", 0xF0: "\u2192", 0xDF: "\u2190", 0xE7: "\u2190"},
    "wingdings 2": {0x2A: _EMPTY_BOX, 0xA3: _EMPTY_BOX, 0x52: _TICKED_BOX, 0x54: _CROSSED_BOX, 0x50: "\u2713", 0x4F: "\u2717"},
    "symbol": {0xAE: "\u2192", 0xAC: "\u2190", 0xDE: "\u21d2", 0xDC: "\u21d0", 0xB3: "\u2265", 0xA3: "\u2264", 0xB1: "\u00b1",
               0xB4: "\u00d7", 0xB0: "\u00b0"},
}  # fmt: skip

# A piece of a paragraph's text, or a footnote (endnote) reference as (kind, id).
Piece = str | tuple[str, str]


@dataclass
class _Field:
    """A complex field being read: its instruction so far, whether its result has begun, and the runs it
    hides until its end is found."""

    instruction: str = ""
    separated: bool = False
    runs: list = field(default_factory=list)

    @property
    def hides(self) -> bool:
        """Word shows no instruction, nor a field's result nested in one (a mail merge's IF); a table of
        contents is shown, but not read."""
        return not self.separated or self.instruction.split()[:1] == ["TOC"]


class DocxText:
    """The shown text of one document's body (``document.element.body``)."""

    def __init__(self, body) -> None:
        self._hidden = _hidden_runs(body)

    def blocks(self, container) -> Iterator:
        """The ``w:p`` and ``w:tbl`` elements of a body or table cell (``w:tc``) in document order, content
        controls opened, a table of contents in one left out."""
        for child in container:
            if child.tag in (_P, _TBL):
                yield child
            elif child.tag in _BLOCK:
                yield from self.blocks(child)
            elif child.tag == _SDT and (content := _shown_content(child)) is not None:
                yield from self.blocks(content)

    def pieces(self, paragraph) -> Iterator[Piece]:
        """The text of a ``w:p`` in order, with its footnote and endnote references as (kind, id)."""
        for child in paragraph:
            if child.tag == _R:
                if child not in self._hidden and not _vanished(child):
                    yield from _run_pieces(child)
            elif child.tag in _INLINE:
                yield from self.pieces(child)
            elif child.tag == _SDT and (content := _shown_content(child)) is not None:
                yield from self.pieces(content)

    def plain(self, paragraph) -> str:
        """The text of a ``w:p``, without its note references."""
        return "".join(piece for piece in self.pieces(paragraph) if isinstance(piece, str))


def _run_pieces(run) -> Iterator[Piece]:
    for child in run:
        if child.tag == _T:
            yield as_shown(child.text or "")
        elif child.tag == _SYM:
            yield _symbol(child)
        elif child.tag in _RUN_CHARACTERS:
            yield _RUN_CHARACTERS[child.tag]
        elif child.tag in _NOTE_REFERENCES:
            yield _NOTE_REFERENCES[child.tag], child.get(f"{_W}id", "")


def _symbol(sym) -> str:
    """The character a ``w:sym`` shows, "" for one that is decoration (see ``_SYMBOLS``)."""
    code = sym.get(f"{_W}char", "")
    try:
        value = int(code, 16) & 0xFF
    except ValueError:
        return ""
    return _SYMBOLS.get(sym.get(f"{_W}font", "").lower(), {}).get(value, "")


def open_table_controls(body) -> None:
    """Replace each content control around table rows or cells in ``body`` by what it holds, in place: python-docx
    reads only the rows right inside a table and the cells right inside a row, so a form's repeating section
    ("Deltagere" with a row per person, each a ``w:sdt`` around a ``w:tr``) was read as a table without those rows.
    A control showing its placeholder goes, as it holds no text of the author's."""
    while controls := [sdt for sdt in body.iter(_SDT) if sdt.getparent() is not None and sdt.getparent().tag in (_TBL, _TR)]:
        for sdt in controls:  # a control nested in one is opened on the next pass, once it stands in the table
            parent, content = sdt.getparent(), _shown_content(sdt)
            at = parent.index(sdt)
            parent.remove(sdt)
            for offset, child in enumerate(list(content) if content is not None else []):
                parent.insert(at + offset, child)


def join_deleted_paragraph_marks(body) -> None:
    """Join each paragraph of ``body`` whose mark is a tracked deletion to the paragraph after it, in place, as
    Word shows the text once the change is accepted (insertions read, deletions not): its content goes to the
    front of the next paragraph, whose mark, and with it the paragraph's style, is the one that stays. A space
    keeps the words apart that the paragraph break kept apart. Read apart, one sentence was two units:
    "Forældrene får resultatet ved en samtale" and "inden for fire uger."; a paragraph deleted whole joins
    nothing to the next, its text being deleted too."""
    for paragraph in list(body.iter(_P)):
        following = paragraph.getnext()
        if following is None or following.tag != _P or not any(paragraph.find(mark) is not None for mark in _DELETED_MARKS):
            continue
        content = [child for child in paragraph if child.tag != _PPR]
        at = 1 if len(following) and following[0].tag == _PPR else 0
        space = following.makeelement(_R)
        space.append(following.makeelement(_T))
        space[0].text = " "
        shown = next(paragraph.iter(_T), None) is not None  # deleted text is w:delText
        for offset, child in enumerate([*content, space] if shown else content):
            following.insert(at + offset, child)
        paragraph.getparent().remove(paragraph)


def _vanished(run) -> bool:
    """Whether a run is formatted as hidden text (``w:vanish``), which Word neither shows nor prints: an author's
    note to self, a template's instructions."""
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val", "true") not in ("0", "false", "off")


def _shown_content(sdt):
    """A content control's ``w:sdtContent``; None for one showing its placeholder or holding a table of contents."""
    if any(sdt.find(properties) is not None for properties in _UNREAD_CONTROLS):
        return None
    return sdt.find(_SDT_CONTENT)


def _hidden_runs(body) -> set:
    """The runs of ``body`` inside a field's instruction or a table of contents' result.

    A field's runs are hidden only once its end is found (a table of contents spans many paragraphs), so
    that a field a damaged file never closes hides nothing rather than the rest of the document.
    """
    hidden: set = set()
    fields: list[_Field] = []
    for run in body.iter(_R):  # document order; the outer run's marks come before a text box's runs
        hiding = next((open_field for open_field in fields if open_field.hides), None)
        if hiding is not None:
            hiding.runs.append(run)
        for mark in run.iterchildren(_FLD_CHAR, _INSTR_TEXT):
            _read_mark(mark, fields, hidden)
    return hidden


def _read_mark(mark, fields: list[_Field], hidden: set) -> None:
    if mark.tag == _INSTR_TEXT:
        if fields:
            fields[-1].instruction += mark.text or ""
        return
    kind = mark.get(f"{_W}fldCharType")
    if kind == "begin":
        fields.append(_Field())
    elif kind == "separate" and fields:
        fields[-1].separated = True
    elif kind == "end" and fields:
        hidden.update(fields.pop().runs)
