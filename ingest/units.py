"""Split a chunk into evidence units: the sentences, list items and table rows an answer can quote.

Every unit is a verbatim slice of the chunk text (``chunk_text[unit.start:unit.end] == unit.text``), so
a quote can always be found again in its passage. A list item carries its list's lead-in and a table
row the table's header row (``EvidenceUnit.lead_in``), so each unit can be searched and shown alone.

Example::

    units = split_units("kl-0001-ab12", "Det gør vi:\\n- tidlig sparring\\n- forældresamarbejde", "text")
    [(u.kind, u.text, u.lead_in) for u in units]
    # [("sentence", "Det gør vi:", ""), ("list_item", "tidlig sparring", "Det gør vi:"),
    #  ("list_item", "forældresamarbejde", "Det gør vi:")]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.types import EvidenceUnit, UnitKind
from tidlig.text import is_lead_in, is_list_item, paragraphs, split_sentences, strip_list_marker


def split_units(chunk_id: str, text: str, block_kind: str = "text", heading: str = "") -> list[EvidenceUnit]:
    """The evidence units of one chunk, in document order. A ``heading`` the chunk text opens with
    (``Chunk.heading``) is no unit: a title read alone is not a sentence an answer may quote."""
    cursor = len(heading) if heading and text.startswith(heading) else 0
    body = text[cursor:]
    pieces = _table_pieces(body) if block_kind == "table" else _prose_pieces(body)
    units: list[EvidenceUnit] = []
    for kind, piece, lead_in in pieces:
        start, end = _locate(text, piece, cursor)
        if start < 0:
            continue
        cursor = end
        units.append(EvidenceUnit(f"{chunk_id}-u{len(units):03d}", chunk_id, kind, text[start:end], start, end, len(units), lead_in))
    return units


def _prose_pieces(text: str) -> Iterator[tuple[UnitKind, str, str]]:
    lead_in = ""
    for paragraph in paragraphs(text):
        flat = " ".join(paragraph.split())
        if is_list_item(flat):
            yield "list_item", strip_list_marker(flat), lead_in
            continue
        lead_in = flat if is_lead_in(flat) else ""
        for sentence in split_sentences(flat):
            yield "sentence", sentence, ""


def _table_pieces(text: str) -> Iterator[tuple[UnitKind, str, str]]:
    """Rows of a table block (one row per line); the first row is the header of the others."""
    rows = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    header = rows[0] if len(rows) > 1 else ""
    for number, row in enumerate(rows):
        yield "table_row", row, "" if number == 0 else header


def _locate(text: str, piece: str, cursor: int) -> tuple[int, int]:
    """Span of ``piece`` in ``text`` at or after ``cursor``; whitespace may differ (line breaks)."""
    words = piece.split()
    if not words:
        return -1, -1
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.compile(pattern).search(text, cursor)
    return (match.start(), match.end()) if match else (-1, -1)
