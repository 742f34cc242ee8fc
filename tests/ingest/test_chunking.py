"""Chunking of table blocks: one row per line, the header row at the top of every chunk of the table."""

from __future__ import annotations

from ingest.chunking import chunk_blocks
from ingest.types import Block, DocumentInfo
from ingest.units import split_units

HEADER = "Indsats dagtilbud Afsatte midler | 2016 | 2017 | 2018"
ROWS = [
    "Pluspladser – 2016: 527.000; 2017: 527.000; 2018: 527.000",
    "Familiepladser – 2016: 400.000; 2017: 400.000; 2018: 400.000",
    "Turn around – 2016: 1.200.000; 2017: -; 2018: -",
    "Børn og bevægelse – 2016: 1.255.800; 2017: 1.157.200; 2018: 1.080.600",
]
INFO = DocumentInfo("budget.txt", "Budget")


def words(text: str) -> int:
    return len(text.split())


def test_a_small_table_is_one_chunk_with_one_row_per_line():
    table = Block("\n".join([HEADER, *ROWS]), kind="table")
    chunks = chunk_blocks(INFO, [table], count_tokens=words, max_tokens=400)

    assert [c.text.split("\n") for c in chunks] == [[HEADER, *ROWS]]


def test_a_split_table_repeats_its_header_and_never_cuts_a_row():
    table = Block("\n".join([HEADER, *ROWS]), kind="table")
    chunks = chunk_blocks(INFO, [table], count_tokens=words, max_tokens=30)

    assert len(chunks) > 1
    for chunk in chunks:
        lines = chunk.text.split("\n")
        assert lines[0] == HEADER
        assert set(lines[1:]) <= set(ROWS)
    assert [line for c in chunks for line in c.text.split("\n")[1:]] == ROWS
    # every row unit of every chunk carries the header and is a verbatim slice of its chunk
    for chunk in chunks:
        rows = split_units(chunk.chunk_id, chunk.text, "table")[1:]
        assert rows and all(u.lead_in == HEADER and chunk.text[u.start : u.end] == u.text for u in rows)
