"""Cut structural blocks into chunks that fit the embedding model's window.

A chunk never spans two blocks (two slides, two cases), never ends mid-sentence, and a list keeps its
lead-in: when a list must be split, the lead-in line is repeated at the top of the next chunk. A table
keeps one row per line, and its header row is repeated at the top of each chunk it is split into. Sizes are
counted with the embedding model's own tokenizer (``count_tokens``) on exactly the text that is embedded
(``Chunk.search_text``: heading context + chunk text), so nothing is truncated.

Example::

    chunks = chunk_blocks(info, blocks, count_tokens=embedder.count_tokens, max_tokens=200)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from tidlig.text import are_fields, is_fragment, is_list_item, keep_nesting, opens_quotation, paragraphs, split_sentences
from ingest.types import Block, Chunk, DocumentInfo, letters_of

TokenCounter = Callable[[str], int]


def chunk_context(block: Block, info: DocumentInfo) -> str:
    """Heading context of every chunk of a block: document title, section, a table's caption, case heading and,
    for a footnote, what it annotates (on its own the note "3 Der er ... afsat 4,5 i 2016 og 8,4 mil i 2017"
    does not say what the money is for).

    Measured on train (calibrate objective, hybrid with rrf k=10: 0.879 with this context): embedding
    the chunks without the document title 0.871, with only the nearest heading 0.876; BM25 on the text
    alone 0.848 (k=60, against 0.862), without the document title 0.854, with the publisher added 0.864.
    """
    return " – ".join(part for part in (info.title, block.section, block.caption, _case_heading(block), block.note) if part)


def chunk_blocks(
    info: DocumentInfo,
    blocks: Sequence[Block],
    count_tokens: TokenCounter,
    max_tokens: int,
    overlap_sentences: int = 1,
) -> list[Chunk]:
    chunks: list[Chunk] = []
    for block in blocks:
        context = chunk_context(block, info)
        # +1 for the line break that joins context and text in search_text()
        budget = max(max_tokens - count_tokens(context) - 1, 24)
        # The block's headings open its first chunk: the room they take is kept free in that chunk.
        reserved = count_tokens(block.heading + HEADING_BREAK) if block.heading else 0
        units = _rows if block.kind == "table" else _units
        letters, cursor, heading = letters_of(block.text), 0, block.heading
        for packed in _pack(units(block.text, count_tokens, budget), count_tokens, budget, overlap_sentences, reserved):
            for text in _within_two_pages(block, letters, packed, cursor):
                pages, cursor = _chunk_pages(block, letters, text, cursor)
                chunks.append(_chunk(info, block, text, context, len(chunks), pages, heading))
                heading = ""
    return chunks


# Between a chunk's opening headings and its text: a blank line, so the headings are paragraphs of their own.
HEADING_BREAK = "\n\n"
# The share of a chunk that must stay behind when a list moves whole to the next chunk (see _moves_list).
MIN_KEPT_SHARE = 0.25


def _within_two_pages(block: Block, letters: str, text: str, cursor: int) -> Iterator[str]:
    """``text`` cut between its units (lines) so that no piece stands on more than two pages: a citation
    names one page or two. A single unit over three pages stays whole."""
    if len(_chunk_pages(block, letters, text, cursor)[0]) <= 2:
        yield text
        return
    piece: list[str] = []
    # A line keeps the blank line after it (see ``_joined``); a piece never ends with one.
    for line in re.split(r"\n(?!\n)", text):
        if piece and len(_chunk_pages(block, letters, "\n".join(piece + [line]), cursor)[0]) > 2:
            yield "\n".join(piece).rstrip("\n")
            cursor = _chunk_pages(block, letters, "\n".join(piece), cursor)[1]
            piece = []
        piece.append(line)
    if piece:
        yield "\n".join(piece)


def _chunk_pages(block: Block, letters: str, text: str, cursor: int) -> tuple[tuple[tuple[int, str], ...], int]:
    """The pages (number, label) the chunk's own text stands on, in order, and where the next chunk's
    search starts.

    A repeated lead-in or overlap sentence is skipped by searching for the chunk's last line too. The
    pages need not be adjacent: main text interrupted by a box on the page between goes on after it.
    """
    if not block.page_starts:
        return (), cursor
    lines = text.split("\n")
    start = letters.find(letters_of(text), cursor)
    end = start + len(letters_of(text))
    if start < 0:
        start = letters.find(letters_of(lines[-1]), cursor)
        end = start + len(letters_of(lines[-1]))
    if start < 0 or end <= start:
        return (), cursor
    ends = [offset for offset, _, _ in block.page_starts[1:]] + [len(letters)]
    pages = [(page, label) for (offset, page, label), stop in zip(block.page_starts, ends, strict=True) if offset < end and stop > start]
    return tuple(dict.fromkeys(pages)), start


def _pack(
    units: Iterator[_Piece], count_tokens: TokenCounter, budget: int, overlap: int, reserved: int = 0
) -> Iterator[str]:
    """Greedy packing of pieces into chunk texts of at most ``budget`` tokens, the first of them
    ``reserved`` tokens smaller (its headings are added in front of it)."""
    current: list[_Piece] = []
    limit = max(budget - reserved, 1)
    for piece in units:
        if current and count_tokens(_joined(current + [piece])) > limit:
            start = _list_start(current, piece)
            if _moves_list(current, start, piece, count_tokens, budget):
                # A list that fits in a chunk is not cut: its lead-in and first items move to the next one.
                moved, current = current[start:], current[:start]
            else:
                moved = []
            if current:
                yield _joined(current)
                limit = budget
            # A chunk that goes on with a list opens with its lead-in (a table with its header row); one that
            # goes on with the prose under a list item (or with the rest of a long item) opens with the
            # sentences before it, as the lead-in would run into it ("... tre forbundne initiativer: 98 pct.
            # af de nye familier takker ja ...").
            carries_lead_in = bool(piece.lead_in) and (not piece.item or is_list_item(piece.text))
            carried = moved or ([_Piece(piece.lead_in)] if carries_lead_in else _overlap(current, overlap))
            current = carried if count_tokens(_joined(carried + [piece])) <= budget else []
        current.append(piece)
    if current:
        yield _joined(current)


def _moves_list(current: list[_Piece], start: int | None, piece: _Piece, count_tokens: TokenCounter, budget: int) -> bool:
    """Whether the list begun at ``start`` in ``current`` moves whole to the next chunk with ``piece``: when
    it fits there and at least MIN_KEPT_SHARE of a chunk stays behind. Without that floor a case example's
    first chunk kept only its heading and two sentences (the rest went with a list whose lead-in is a long
    paragraph), and a report's list with long items moved into concern answers whole. On train (key facts /
    gold cited / median howto answer): no floor 0.731 / 0.842 / 2761 characters, 0.25 0.722 / 0.831 / 1567,
    0.4 the same as 0.25; lists cut between chunks before this change: 0.712 / 0.825 / 1567."""
    if not start or count_tokens(_joined(current[start:] + [piece])) > budget:
        return False
    return count_tokens(_joined(current[:start])) >= MIN_KEPT_SHARE * budget


def _list_start(current: list[_Piece], piece: _Piece) -> int | None:
    """Where the list ``piece`` belongs to begins in ``current`` (at its lead-in), or None."""
    if not piece.lead_in:
        return None
    for index in range(len(current) - 1, -1, -1):
        if not current[index].item:
            return index if current[index].text == piece.lead_in else None
        if current[index].lead_in != piece.lead_in:
            return None
    return None


@dataclass(frozen=True)
class _Piece:
    """One line of a chunk: a paragraph, a list item, a sentence of a long paragraph or part of one."""

    text: str
    lead_in: str = ""  # the lead-in of the list the piece belongs to
    item: bool = False  # part of a list item
    opens: bool = True  # starts a paragraph or list item of the block (not a later sentence or part of one)


def _joined(pieces: list[_Piece]) -> str:
    """Pieces one per line, and a blank line before each piece of a run of debris (or a quotation) after a
    list item.

    ``tidlig.text.paragraphs`` reads the lines after a list item up to a blank line as the rest of the
    item, and consecutive lines of prose as one paragraph. When the block has a paragraph of chart
    labels, a figure title or a source line right after a list (in the layout: a new text frame, a line
    indented by one space, under the last bullet; or a slide's chart title below it), the chunk keeps
    the block's paragraph break before it, and before each paragraph after it until the next list item:
    without it the evidence units glued the labels onto the last item ("- Samarbejde med ...
    Forældrenes uddannelsesniveau 63% Forældrenes erhvervsbaggrund ...") or ran them together into one
    "sentence". So does a quoted statement after a list. Other prose after an item stays on the next line,
    as before (a slide's bullet often goes on in a paragraph of its own, and the item quotes it).
    """
    text = pieces[0].text if pieces else ""
    debris_run = False
    for previous, piece in pairwise(pieces):
        if piece.item:
            debris_run = False
        elif piece.opens and (previous.item or debris_run) and (debris_run or _sets_apart(piece.text)):
            debris_run = True
            text += "\n\n" + piece.text
            continue
        text += "\n" + piece.text
    return text


def _sets_apart(text: str) -> bool:
    """Whether a paragraph right after a list item is no part of it: debris, or a quoted statement (a
    report quotes a practitioner under a list: "… det er jo så også derfor, ..." is not the last item)."""
    return _is_debris(text) or opens_quotation(text)


def _is_debris(text: str) -> bool:
    """A fragment that is not an arrow: a line of arrows alone ("⇓") links a flow chart's steps under a
    bullet, which read as the item's own text ("... reduceres solidarisk ⇓ Kommunalbestyrelsen træffer
    beslutning ..."); set apart, each step became a fragment and the chart was lost to the answer."""
    return any(c.isalnum() for c in text) and is_fragment(text)


def _overlap(previous: list[_Piece], overlap: int) -> list[_Piece]:
    """The last sentence(s) repeated at the top of the next piece, so a piece read alone keeps context."""
    return [p for p in previous[-overlap:] if not p.item] if overlap else []


def _units(text: str, count_tokens: TokenCounter, budget: int) -> Iterator[_Piece]:
    """The block's pieces in order; paragraphs too long become sentences. A paragraph keeps the line
    breaks the block's cleaning kept (see ``ingest.clean.reflow``): a slide's title above its first
    unbulleted line, or one line of a stack, is no wrap of the line before."""
    lead_in = ""
    in_list = False
    for paragraph in paragraphs(text):
        flat = " ".join(paragraph.split())
        if is_list_item(flat):
            in_list = True
            # A nested item keeps its indentation: it tells the item's level to whoever reads the chunk.
            item = keep_nesting(paragraph, flat)
            yield from (_Piece(piece, lead_in, True, n == 0) for n, piece in enumerate(_fit(item, count_tokens, budget)))
            continue
        flat = "\n".join(" ".join(line.split()) for line in paragraph.splitlines())
        if in_list and lead_in and _goes_on_item(flat) and count_tokens(flat) <= budget:
            # A bullet's explanation on a line of its own ("- Tidlig og forebyggende indsats." then "Det
            # tværprofessionelle samarbejde skal styrkes."): the chunk reads it as the item's rest, and the
            # list goes on after it.
            yield _Piece(flat, lead_in, True, False)
            continue
        in_list = False
        lead_in = flat if flat.endswith(":") else ""
        if count_tokens(flat) <= budget:
            yield _Piece(flat)
        else:
            pieces = (piece for sentence in split_sentences(flat) for piece in _fit(sentence, count_tokens, budget))
            yield from (_Piece(piece, opens=n == 0) for n, piece in enumerate(pieces))


def _goes_on_item(text: str) -> bool:
    """Prose after a list item that the item reads as its rest: not a new lead-in, debris, an arrow
    line or a quotation."""
    return not text.endswith(":") and not is_fragment(text) and not opens_quotation(text)


def _rows(text: str, count_tokens: TokenCounter, budget: int) -> Iterator[_Piece]:
    """A table's rows, one per line; the first row is the header the others are carried with, unless the rows
    are a form's labels and values, each of which reads on its own (see ``ingest.units``)."""
    rows = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    header = rows[0] if len(rows) > 1 and not are_fields(rows) else ""
    yield from (_Piece(piece) for piece in _fit(rows[0], count_tokens, budget)) if rows else ()
    for row in rows[1:]:
        yield from (_Piece(piece, header) for piece in _fit(row, count_tokens, budget))


def _fit(text: str, count_tokens: TokenCounter, budget: int) -> Iterator[str]:
    """A single sentence longer than the budget (a flattened table, say) is cut between words."""
    if count_tokens(text) <= budget:
        yield text
        return
    piece: list[str] = []
    for word in text.split(" "):
        if piece and count_tokens(" ".join(piece + [word])) > budget:
            yield " ".join(piece)
            piece = []
        piece.append(word)
    if piece:
        yield " ".join(piece)


def _case_heading(block: Block) -> str:
    if block.case_number is None:
        return ""
    return f"CASE #{block.case_number}: {block.case_title} ({block.municipality})".replace(" ()", "")


def _chunk(
    info: DocumentInfo,
    block: Block,
    body: str,
    context: str,
    ordinal: int,
    pages: tuple[tuple[int, str], ...],
    heading: str = "",
) -> Chunk:
    text = f"{heading}{HEADING_BREAK}{body}" if heading else body
    digest = hashlib.sha1(f"{info.doc_id}\n{ordinal}\n{text}".encode()).hexdigest()[:12]
    slug = re.sub(r"[^a-z0-9]+", "-", info.doc_id.lower()).strip("-")[:40]
    return Chunk(
        chunk_id=f"{slug}-{ordinal:04d}-{digest}",
        doc=info,
        block=block,
        text=text,
        ordinal=ordinal,
        context=context,
        heading=heading,
        metadata={
            **chunk_metadata(info, block, ordinal),
            **_page_metadata(block, pages),
            "context": context,
            **({"heading": heading} if heading else {}),
        },
    )


def _page_metadata(block: Block, pages: tuple[tuple[int, str], ...]) -> dict[str, str | int]:
    """The chunk's own page by its label: "side 12", "side 12-13", "side 13 og 15" (a box on the page
    between); a case keeps its number first: "CASE #3, side 12"."""
    if not pages:
        return {}
    (first, first_label), (last, last_label) = pages[0], pages[-1]
    if len(pages) == 1:
        where = f"side {first_label}"
    elif len(pages) == 2 and last != first + 1:
        where = f"side {first_label} og {last_label}"
    else:
        where = f"side {first_label}-{last_label}"
    return {"page": first, "location": f"CASE #{block.case_number}, {where}" if block.case_number else where}


def chunk_metadata(info: DocumentInfo, block: Block, ordinal: int) -> dict[str, str | int | float]:
    """Flat metadata (Chroma accepts only scalars; absent values are left out, not None)."""
    values = {
        "doc_id": info.doc_id,
        "title": info.title,
        "publisher": info.publisher,
        "year": info.year,
        "kind": info.kind,
        "form": info.form,
        "block_kind": block.kind,
        "location": block.location,
        "page": block.page,
        "slide": block.slide,
        "section": block.section,
        "caption": block.caption,
        "case_number": block.case_number,
        "case_title": block.case_title,
        "municipality": block.municipality,
        "ordinal": ordinal,
    }
    return {key: value for key, value in values.items() if value not in (None, "")}
