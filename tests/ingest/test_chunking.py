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


def test_a_blocks_headings_open_its_first_chunk_only_and_are_no_evidence_unit():
    sentences = [f"Sætning nummer {n} handler om tandplejen og socialforvaltningen." for n in range(8)]
    heading = "CASE #3 Styrket samarbejde mellem tandplejen og socialforvaltningen i Aarhus Kommune"
    case = Block("\n\n".join(sentences), kind="case", heading=heading, case_number=3)
    chunks = chunk_blocks(INFO, [case], count_tokens=words, max_tokens=45)

    assert len(chunks) > 1
    assert chunks[0].text.startswith(heading + "\n\n" + sentences[0])
    assert chunks[0].heading == heading and chunks[0].metadata["heading"] == heading
    assert all(not c.heading and heading not in c.text for c in chunks[1:])
    # the heading's room is kept free: the first chunk with its heading still fits the window
    assert all(words(c.search_text) <= 45 for c in chunks)
    units = [u for c in chunks for u in split_units(c.chunk_id, c.text, "case", c.heading)]
    assert all(heading not in u.text for u in units)
    assert [u.text for u in units if u.chunk_id == chunks[0].chunk_id][0] == sentences[0]
    assert all(c.text[u.start : u.end] == u.text for c in chunks for u in split_units(c.chunk_id, c.text, "case", c.heading))


def test_a_table_keeps_its_header_row_first_after_the_caption_heading():
    caption = "Figur 6 Karaktergennemsnit ved folkeskolens afgangsprøve"
    table = Block("\n".join([HEADER, *ROWS]), kind="table", heading=caption)
    chunk = chunk_blocks(INFO, [table], count_tokens=words, max_tokens=400)[0]

    assert chunk.text == caption + "\n\n" + "\n".join([HEADER, *ROWS])
    rows = split_units(chunk.chunk_id, chunk.text, "table", chunk.heading)
    assert [u.text for u in rows] == [HEADER, *ROWS] and rows[1].lead_in == HEADER
