"""Word footnotes and endnotes as a report's text prints them: the reference glued to its word, the note at
the page's foot (an endnote at the document's end).

python-docx reads neither: a footnote's text lives in its own part (``word/footnotes.xml``, endnotes in
``word/endnotes.xml``) and the reference mark in the body is a ``w:footnoteReference`` (``w:endnoteReference``)
without text, so a Word report lost every note, and with it figures a table row only points to. Here the
reference becomes a number glued to the word before it ("dagtilbud3."), which cleaning drops from the text
and the structure module links to the note ("3 Der er afsat ..."), given as a paragraph of its own. Notes
are numbered in the order they are first referred to, footnotes and endnotes together, so that each number
names one note (Word counts endnotes apart, in roman numerals; the mark itself is not kept).

Example::

    notes = DocxFootnotes(document)
    text = notes.paragraph_text(paragraph)  # "Midler til socialrådgivere i dagtilbud3."
    page += notes.take()                     # ["3 Der er afsat 4,5 mio. i 2016."]
    cell = notes.cell_text(table.cell(0, 0))
    last_page += notes.take(end=True)        # the page's footnotes, then every endnote
"""

from __future__ import annotations

import re

from ingest.docx_text import DocxText
from tidlig.text import as_shown

__all__ = ["DocxFootnotes"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_KINDS = ("footnote", "endnote")
# A reference is glued on only where cleaning takes it off again (see ``ingest.clean``): after a word
# ending in four lowercase letters, before at most one mark of punctuation. Elsewhere it is left out,
# rather than leave a stray number in the text; the note itself is kept either way.
_GLUABLE = re.compile(r"[a-zæøå]{4}([.,;)]?)$")


class DocxFootnotes:
    def __init__(self, document, text: DocxText) -> None:
        self._text = text
        self._texts = {(kind, note): body for kind in _KINDS for note, body in _note_texts(document, kind).items()}
        self._numbers: dict[tuple[str, str], int] = {}  # (kind, id) -> its number, in order of first reference
        self._pending: dict[str, list[str]] = {kind: [] for kind in _KINDS}

    def paragraph_text(self, paragraph) -> str:
        """The paragraph's text as Word shows it (see ``ingest.docx_text``) with its footnote references glued
        to their words."""
        text = ""
        for piece in self._text.pieces(paragraph._p):
            text = text + piece if isinstance(piece, str) else self._referenced(text, piece)
        return text

    def take(self, end: bool = False) -> list[str]:
        """The footnotes referenced since the last call ("3 Der er afsat ..."), each a paragraph of its own;
        at the document's ``end`` every endnote too."""
        kinds = _KINDS if end else ("footnote",)
        notes = [note for kind in kinds for note in self._pending[kind]]
        self._pending.update({kind: [] for kind in kinds})
        return notes

    def _referenced(self, text: str, note: tuple[str, str]) -> str:
        if note not in self._texts or note in self._numbers:
            return text
        number = self._numbers[note] = len(self._numbers) + 1
        self._pending[note[0]].append(f"{number} {self._texts[note]}")
        glue = _GLUABLE.search(text)
        return text[: glue.start(1)] + str(number) + glue.group(1) if glue else text


def _note_texts(document, kind: str) -> dict[str, str]:
    """Footnote (``kind`` "footnote") or endnote id -> its text, its paragraphs joined (Word's separator
    notes and empty ones left out)."""
    from lxml import etree

    reltype = f"{_RELATIONSHIPS}{kind}s"
    part = next((rel.target_part for rel in document.part.rels.values() if rel.reltype == reltype and not rel.is_external), None)
    if part is None:
        return {}
    # As python-docx reads its own parts: no entities resolved, nothing fetched.
    root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    texts = {}
    for note in root.iter(f"{_W}{kind}"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = (as_shown("".join(t.text or "" for t in p.iter(f"{_W}t"))) for p in note.iter(f"{_W}p"))
        text = " ".join(" ".join(p.split()) for p in paragraphs if p.strip())
        if text:
            texts[note.get(f"{_W}id", "")] = text
    return texts
