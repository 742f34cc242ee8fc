"""The trainers' course pack ("Kursusmappe"): answers and quoted passages collected in a session,
exported as DOCX and Markdown with each quote's source as a numbered note and a reference list.

python-docx has no footnote API, so the DOCX carries numbered notes (superscript numbers in the text,
"Noter" at the end) followed by "Litteratur" – the layout of a printed compendium.

Example::

    pack = add_answer([], exchange)             # an Exchange from the chat
    pack = add_quote(pack, citation)
    pack = move(pack, 1, -1)                    # the quote first
    pack_markdown(pack, "Tidlig indsats – modul 1")
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from assistant import Citation
from tidlig.text import inert_markdown, plain_markdown
from ui.conversation import Exchange

MARKER = re.compile(r"\[(\d+)\]")
DEFAULT_TITLE = "Kursusmappe"


@dataclass(frozen=True)
class PackItem:
    """An answer (its question, text with [n] markers and citations) or one quoted passage."""

    kind: Literal["answer", "quote"]
    heading: str
    text: str
    citations: tuple[Citation, ...]

    def label(self) -> str:
        kind = "Svar" if self.kind == "answer" else "Citat"
        short = " ".join(self.heading.split())
        return f"{kind}: {short[:80]}{'…' if len(short) > 80 else ''}"


def add_answer(pack: Sequence[PackItem], exchange: Exchange) -> list[PackItem]:
    """The pack with the exchange's answer appended (unchanged for an error or a repeat)."""
    answer = exchange.answer
    if answer is None or answer.refused:
        return list(pack)
    item = PackItem("answer", exchange.question, plain_markdown(html.unescape(answer.text)), answer.citations)
    return list(pack) if item in pack else [*pack, item]


def add_quote(pack: Sequence[PackItem], citation: Citation) -> list[PackItem]:
    """The pack with one cited passage appended: the sentences the answer quoted, else the passage."""
    quoted = " ".join(" ".join(sentence.split()) for sentence in citation.quoted) or " ".join(citation.passage.split())
    item = PackItem("quote", citation.title, f"{quoted} [1]", (replace(citation, number=1),))
    return list(pack) if item in pack else [*pack, item]


def move(pack: Sequence[PackItem], position: int, step: int) -> list[PackItem]:
    items = list(pack)
    target = position + step
    if 0 <= position < len(items) and 0 <= target < len(items):
        items[position], items[target] = items[target], items[position]
    return items


def remove(pack: Sequence[PackItem], position: int) -> list[PackItem]:
    return [item for number, item in enumerate(pack) if number != position]


# ---- notes and references ---------------------------------------------------------------------------


def note_text(citation: Citation) -> str:
    """A note: title, publisher, year and location ("De udsatte børn. KL, 2015, side 4.")."""
    facts = ", ".join(part for part in (citation.publisher, str(citation.year or ""), citation.location) if part)
    return f"{citation.title}. {facts}." if facts else f"{citation.title}."


def reference_text(citation: Citation) -> str:
    """A reference list entry ("KL (2015): De udsatte børn. Fil: kl-2015.txt")."""
    author = citation.publisher or "Ukendt udgiver"
    year = f" ({citation.year})" if citation.year else ""
    return f"{author}{year}: {citation.title}. Fil: {citation.doc_id}"


@dataclass(frozen=True)
class NumberedPack:
    """The pack's texts with [n] markers renumbered across the whole pack, and its notes in order."""

    items: tuple[tuple[PackItem, tuple[tuple[str, int | None], ...]], ...]  # item, (text piece, note number)
    notes: tuple[Citation, ...]
    references: tuple[str, ...]


def number_notes(pack: Sequence[PackItem]) -> NumberedPack:
    """Split each item's text at its markers; every marker becomes the pack-wide number of its note."""
    notes: list[Citation] = []
    items = []
    for item in pack:
        by_number = {c.number: c for c in item.citations}
        pieces: list[tuple[str, int | None]] = []
        position = 0
        for match in MARKER.finditer(item.text):
            citation = by_number.get(int(match[1]))
            if citation is None:
                continue
            pieces.append((item.text[position : match.start()].rstrip(" "), None))
            notes.append(citation)
            pieces.append(("", len(notes)))
            position = match.end()
        pieces.append((item.text[position:], None))
        items.append((item, tuple(pieces)))
    references = tuple(sorted({reference_text(c) for c in notes}))
    return NumberedPack(tuple(items), tuple(notes), references)


# ---- Markdown -------------------------------------------------------------------------------------------


def pack_markdown(pack: Sequence[PackItem], title: str = DEFAULT_TITLE) -> str:
    """The pack as Markdown with footnotes ([^n]) and a reference list; document text is inert."""
    numbered = number_notes(pack)
    lines = [f"# {inert_markdown(title or DEFAULT_TITLE)}", ""]
    for number, (item, pieces) in enumerate(numbered.items, 1):
        heading = "Spørgsmål" if item.kind == "answer" else "Citat fra"
        lines += [f"## {number}. {heading}: {inert_markdown(item.heading)}", ""]
        body = "".join(f"[^{note}]" if note else inert_markdown(text.replace("**", "")) for text, note in pieces)
        if item.kind == "quote":
            body = "> " + body.replace("\n", "\n> ")
        lines += [body.strip(), ""]
    if numbered.notes:
        lines += ["## Noter", ""]
        lines += [f"[^{number}]: {inert_markdown(note_text(c))}" for number, c in enumerate(numbered.notes, 1)]
        lines += ["", "## Litteratur", ""]
        lines += [f"- {inert_markdown(reference)}" for reference in numbered.references]
    return "\n".join(lines).rstrip() + "\n"


# ---- DOCX ---------------------------------------------------------------------------------------------------


def pack_docx(pack: Sequence[PackItem], title: str = DEFAULT_TITLE) -> bytes:
    """The pack as a Word document: a heading per item, the text with superscript note numbers,
    quotes as indented quotations, then "Noter" and "Litteratur"."""
    from docx import Document
    from docx.shared import Pt

    numbered = number_notes(pack)
    document = Document()
    document.core_properties.title = title or DEFAULT_TITLE
    document.core_properties.language = "da-DK"
    document.add_heading(title or DEFAULT_TITLE, level=0)
    for number, (item, pieces) in enumerate(numbered.items, 1):
        heading = "Spørgsmål" if item.kind == "answer" else "Citat fra"
        document.add_heading(f"{number}. {heading}: {item.heading}", level=1)
        for line_pieces in _lines(pieces):
            raw = "".join(piece for piece, _ in line_pieces)
            text = raw.strip()
            bullet = text.startswith("- ")
            bold = text.startswith("**") and text.endswith("**") and len(text) > 4
            nested = bullet and raw.startswith("  ")  # an item of a nested list ("  - ...")
            style = ("List Bullet 2" if nested else "List Bullet") if bullet else ("Quote" if item.kind == "quote" else None)
            paragraph = document.add_paragraph(style=style)
            for piece, note in line_pieces:
                if note:
                    run = paragraph.add_run(str(note))
                    run.font.superscript = True
                    continue
                clean = piece.replace("**", "")
                if bullet and clean.lstrip().startswith("- "):
                    clean = clean.lstrip()[2:]
                if not clean:
                    continue
                run = paragraph.add_run(clean)
                run.bold = bold
    if numbered.notes:
        document.add_heading("Noter", level=1)
        for number, citation in enumerate(numbered.notes, 1):
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{number}. ").bold = True
            paragraph.add_run(note_text(citation))
            paragraph.paragraph_format.space_after = Pt(2)
        document.add_heading("Litteratur", level=1)
        for reference in numbered.references:
            document.add_paragraph(reference, style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _lines(pieces: Sequence[tuple[str, int | None]]) -> list[list[tuple[str, int | None]]]:
    """The text pieces split into non-empty lines (a paragraph each in the DOCX), notes kept in place."""
    lines: list[list[tuple[str, int | None]]] = [[]]
    for text, note in pieces:
        if note:
            lines[-1].append(("", note))
            continue
        parts = text.split("\n")
        lines[-1].append((parts[0], None))
        for part in parts[1:]:
            lines.append([(part, None)])
    return [line for line in lines if "".join(piece for piece, _ in line).strip() or any(note for _, note in line)]
