"""Split a chunk into evidence units: the sentences, list items and table rows an answer can quote.

Every unit is a verbatim slice of the chunk text (``chunk_text[unit.start:unit.end] == unit.text``), so
a quote can always be found again in its passage. A list item carries its list's lead-in (the sentences
that introduce it, see ``tidlig.text.introduction``) and a table row the table's header row
(``EvidenceUnit.lead_in``), so each unit can be searched and shown alone.

Example::

    units = split_units("kl-0001-ab12", "Det gør vi:\\n- tidlig sparring\\n- forældresamarbejde", "text")
    [(u.kind, u.text, u.lead_in) for u in units]
    # [("sentence", "Det gør vi:", ""), ("list_item", "tidlig sparring", "Det gør vi:"),
    #  ("list_item", "forældresamarbejde", "Det gør vi:")]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from ingest.types import FOOTNOTE, EvidenceUnit, UnitKind, heading_end
from tidlig.text import (
    MIN_LEAD_IN_WORDS,
    NO_HEADER,
    are_fields,
    introduction,
    is_fragment,
    is_lead_in,
    is_list_item,
    paragraphs,
    runs_on,
    source_notes_apart,
    split_sentences,
    strip_list_marker,
)


def split_units(chunk_id: str, text: str, block_kind: str = "text", heading: str = "") -> list[EvidenceUnit]:
    """The evidence units of one chunk, in document order. A ``heading`` the chunk text opens with
    (``Chunk.heading``) is no unit: a title read alone is not a sentence an answer may quote."""
    cursor = heading_end(text, heading)
    body = text[cursor:]
    # The heading's last line introduces a list that opens the body, as a title line inside it does
    # ("EKSEMPLER PÅ TILGANGE TIL FORÆLDRESAMARBEJDE" above "- Hjemmebesøg, ...").
    title = heading.strip().rsplit("\n", 1)[-1] if heading else ""
    if block_kind == "text" and FOOTNOTE.match(body):
        body = _notes_apart(body)  # a page's footnotes: a passage that opens with its first note
    lead_in = title if _is_title(title) else ""
    pieces = _table_pieces(body, lead_in) if block_kind == "table" else _prose_pieces(body, lead_in)
    collapsed = _collapse(text)
    units: list[EvidenceUnit] = []
    for kind, piece, lead_in in pieces:
        start, end = _locate(collapsed, piece, cursor)
        if start < 0:
            continue
        cursor = end
        units.append(EvidenceUnit(f"{chunk_id}-u{len(units):03d}", chunk_id, kind, text[start:end], start, end, len(units), lead_in))
    return units


def _notes_apart(text: str) -> str:
    """A page's footnotes with each note a paragraph of its own: a note need not end with a full stop
    ("Det fremgår ikke, hvor mange af disse, der går til kompetenceudvikling"), and the next would then be
    read as the rest of its sentence."""
    return "".join(f"\n{line}" if FOOTNOTE.match(line) else line for line in text.splitlines(keepends=True))


def _prose_pieces(text: str, lead_in: str = "") -> Iterator[tuple[UnitKind, str, str]]:
    """Sentences and list items; ``lead_in`` introduces a list the text opens with."""
    for paragraph in _paragraph_breaks(paragraphs(text)):
        flat = " ".join(paragraph.split())
        if is_list_item(flat):
            # A source note or attribution glued after the item is a piece of its own (debris, never quoted).
            # A marker alone ("3)" as a page's last line) is no item.
            parts = source_notes_apart(strip_list_marker(flat))
            if not parts:
                continue
            item, *notes = parts
            yield "list_item", item, lead_in
            for note in notes:
                yield "sentence", note, ""
            continue
        if (terms := _defined_terms(paragraph)) is not None:
            head, pieces = terms
            heading = " ".join(head.split())
            lead_in = introduction(heading) if heading and (is_lead_in(heading) or _is_title(head)) else lead_in
            for sentence in split_sentences(head):
                yield "sentence", sentence, ""
            for kind, piece in pieces:
                yield kind, " ".join(piece.split()), lead_in if kind == "list_item" else ""
            lead_in = ""
            continue
        lead_in = introduction(paragraph) if is_lead_in(flat) or _is_title(paragraph) else ""
        for sentence in split_sentences(paragraph):
            yield "sentence", sentence, ""


# A line that defines a term: a capitalised label of a few words, a colon, the definition ("Strukturel
# støtte: Tiltag, der styrker ...").
_DEFINITION = re.compile(r"^[A-ZÆØÅ][^\W\d_]*(?:[ -][^\W\d_]+){0,3}: \S")


def _defined_terms(paragraph: str) -> tuple[str, list[tuple[UnitKind, str]]] | None:
    """(the lines before, the pieces from there on) when two or more of a paragraph's lines define one term
    each, as a slide lists "Pædagogisk støtte: ...", "Tværfaglig støtte: ...": a list without markers, read
    as one, where each line alone answered only for its own term. Each defining line is an item; a line that
    defines nothing explains the item above it ("Strukturel støtte: Tiltag ..." / "Det kan fx være ..."),
    unless it is debris ("Kilde: ..."), which is a piece of its own. None when fewer than two lines define."""
    lines = paragraph.split("\n")
    defining = [n for n, line in enumerate(lines) if _defines_term(line)]
    if len(defining) < 2:
        return None
    pieces: list[tuple[UnitKind, str]] = []
    for line in lines[defining[0] :]:
        if _defines_term(line):
            pieces.append(("list_item", line))
        elif is_fragment(line) or pieces[-1][0] != "list_item":
            pieces.append(("sentence", line))
        else:
            pieces[-1] = ("list_item", f"{pieces[-1][1]}\n{line}")
    return "\n".join(lines[: defining[0]]), pieces


def _defines_term(line: str) -> bool:
    return bool(_DEFINITION.match(line.strip())) and not is_fragment(line)


def _is_title(paragraph: str) -> bool:
    """A heading of one line, or two with its source ("Typisk profil på tilbageførte elever", "EN NATIONAL
    STRATEGI MED SYV HOVEDPUNKTER (DAGTILBUD):" / "Videnrådet for forebyggelse 2021") introduces the list
    right after it, as a slide's title does: capitalised, a few words or more, without a full stop. A title
    that asks ("Hvor mange kommuner bruger socioøkonomisk ressourcefordeling?") introduces the list that
    answers it: "42 procent af kommunerne anvender ..." says of what only under it."""
    lines = paragraph.strip().split("\n")
    line = " ".join(paragraph.split())
    return len(lines) <= 2 and line[:1].isupper() and len(line.split()) >= 2 and not line.endswith((".", "!", "…"))


def _paragraph_breaks(blocks: list[str]) -> Iterator[str]:
    """Paragraphs split where a chunk has no blank line between them. A chunk writes its pieces one per
    line (only debris and quotations after a list are set apart, see ``ingest.chunking``), so a lead-in
    line ("Individuelle beskyttelsesfaktorer:") would make the whole paragraph before it the list's
    lead-in (and its embedding), and the next paragraph would end the list's last item. A new paragraph
    starts at a lead-in line after a finished sentence or inside a list item (a lead-in of a few words
    takes the unfinished line above it along), after a slide's title over a sentence (see
    :func:`_titles_prose`), and inside a list item at a full line of text that starts with a capital after
    an unpunctuated item line (a slide's bullet, then a paragraph of its own)."""
    for block in blocks:
        current: list[str] = []
        for line in block.splitlines():
            if current and _starts_paragraph(current, line):
                # A lead-in of a few words says what its list is only with the line it stands under
                # ("National kvalitetsundersøgelse ... viste, at ..." / "Resultater for daginstitutioner:").
                keep = 1 if _needs_line_above(current, line) else 0
                if len(current) > keep:
                    yield "\n".join(current[: len(current) - keep])
                    current = current[len(current) - keep :]
            current.append(line)
        if current:
            yield "\n".join(current)


# Words a line needs to be read as a paragraph of its own rather than a wrapped item ("Københavns Kommune").
MIN_PARAGRAPH_WORDS = 6
# Words of a slide title over the sentence under it ("Finansiering", "Anbefaling 3: Differentierede læringsmiljøer").
MAX_TITLE_WORDS = 8


def _titles_prose(previous: str, line: str) -> bool:
    """Whether ``previous``, a paragraph's first line, is a slide's title over a sentence ("Finansiering" /
    "Kommunerne skal i udgangspunktet selv finansiere ..."): a few capitalised words without closing
    punctuation that do not run on, above a capitalised line that ends a sentence. Read together, the title
    became the sentence's first words. Over unpunctuated lines it titles a stack, which is shown under it."""
    text = line.strip()
    return _is_title_line(previous) and text[:1].isupper() and text.endswith((".", "!", "?"))


def _is_title_line(line: str) -> bool:
    """A few capitalised words without closing punctuation that do not run on: a slide's title line."""
    title = line.strip()
    heads = title[:1].isupper() and len(title.split()) <= MAX_TITLE_WORDS and not title.endswith((".", "!", "?", "…", ":", ";", ","))
    return heads and not is_list_item(title) and not runs_on(title)


# Words of a diagram's label on a slide ("Regnskab", "Almen skole/SFO", "Regnskab segregerede område"), and
# the fewest of a line under such labels that explains them rather than being one more: a staircase's last
# step ("Individuelle indsatser i et alment tilbud", "Barnet er tildelt en plads i et specialiseret tilbud.")
# is a label of the diagram too.
MAX_LABEL_WORDS = 4
MIN_EXPLANATION_WORDS = 10


def _ends_label_stack(current: list[str], line: str) -> bool:
    """Whether ``line``, a capitalised line of text, follows a stack of two or more labels: a slide's
    diagram ("Regnskab" / "Almen skole/SFO" / "Regnskab segregerede område") above the sentence that
    explains it ("Incitamentsmodel = Et regnskab for almen skole/SFO inkl. betaling for elever i
    specialtilbud"). Read together, the labels became the sentence's first words, and a question about the
    sentence met a unit of labels that resembled it less."""
    text = line.strip()
    if len(current) < 2 or not text[:1].isupper() or len(text.split()) < MIN_EXPLANATION_WORDS:
        return False
    return all(_is_title_line(label) and len(label.split()) <= MAX_LABEL_WORDS for label in current)


def _needs_line_above(current: list[str], line: str) -> bool:
    """Whether a short lead-in line takes the unfinished line above it along into its paragraph: a
    slide's line of text, not a list item or a finished sentence."""
    previous = current[-1].strip()
    short = len(line.split()) < MIN_LEAD_IN_WORDS
    return short and is_lead_in(line) and not is_list_item(previous) and not previous.endswith((".", "!", "?", ":"))


def _starts_paragraph(current: list[str], line: str) -> bool:
    previous = current[-1].rstrip()
    in_item = is_list_item(current[0])
    if len(current) == 1 and _titles_prose(previous, line):
        return True
    if _ends_label_stack(current, line):
        return True
    if is_lead_in(line):
        # Slides seldom end a line with a full stop: a capitalised lead-in line ("Sundhedsregisterdata:")
        # after a line that does not run on into it starts anew too.
        return in_item or previous.endswith((".", "!", "?")) or (line.strip()[:1].isupper() and not runs_on(previous))
    if in_item and previous.endswith((".", "!", "?")) and _is_title_line(line):
        # A title line under a finished item is the next slide section's ("- ... og 10. skoleår." /
        # "Håndtering af det frie skolevalg"), not the item's explanation.
        return True
    if not (in_item and line.strip()[:1].isupper() and len(line.split()) >= MIN_PARAGRAPH_WORDS):
        return False
    if len(current) > 1:
        # The chunk writes an item's explanation as one line under it ("- Målrettet indsats." / "Der skal
        # fokus på effekt i foranstaltningerne."): a further full line after a finished sentence is the
        # prose under the list. Without this the report's foreword, five paragraphs under KL's last
        # "pejlemærke", was quoted as that item.
        return previous.endswith((".", "!", "?"))
    return not previous.endswith((".", "!", "?", ":", ",", ";", "-", "–")) and not runs_on(previous)


def _table_pieces(text: str, lead_in: str = "") -> Iterator[tuple[UnitKind, str, str]]:
    """Rows of a table block (one row per line); the first row is the header of the others. A form's labels and
    values (see ``tidlig.text.labels_values``) have no header: each row is an item of a list without markers,
    as a paragraph's defined terms are, introduced by the title ``lead_in`` the chunk opens with. The empty
    header of a table without one (``NO_HEADER``) is no unit: it has nothing to quote."""
    rows = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if are_fields(rows):
        yield from (("list_item", row, lead_in) for row in rows)
        return
    header = rows[0] if len(rows) > 1 else ""
    for number, row in enumerate(rows):
        if number == 0 and row == NO_HEADER:
            continue
        yield "table_row", row, "" if number == 0 else header


Collapsed = tuple[str, list[int]]


def _collapse(text: str) -> Collapsed:
    """``text`` with every whitespace run as one space, and the offset in ``text`` of each character."""
    chars: list[str] = []
    offsets: list[int] = []
    for match in _RUNS.finditer(text):
        if match.group().isspace():
            chars.append(" ")
            offsets.append(match.start())
        else:
            chars.append(match.group())
            offsets.extend(range(match.start(), match.end()))
    return "".join(chars), offsets


_RUNS = re.compile(r"\s+|\S+")


def _locate(collapsed: Collapsed, piece: str, cursor: int) -> tuple[int, int]:
    """Span of ``piece`` in the text at or after ``cursor``; whitespace may differ (line breaks).

    The first match of the piece's words joined by ``\\s+``, found as a plain substring of the collapsed
    text: compiling that pattern for every unit made split_units take 2.0 s of a cold ingest of the
    bundled corpus (1488 units), 0.3 s this way.
    """
    words = piece.split()
    if not words:
        return -1, -1
    flat, offsets = collapsed
    needle = " ".join(words)
    found = flat.find(needle, bisect_left(offsets, cursor))
    return (offsets[found], offsets[found + len(needle) - 1] + 1) if found >= 0 else (-1, -1)
