"""Pages of chunks: every chunk of a block over several pages cites the page its own text stands on."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.chunking import chunk_blocks
from ingest.structure import blocks_for
from ingest.types import DocumentInfo, LoadedDocument, Page

INFO = DocumentInfo(doc_id="rapport.pdf", title="Rapport", form="prose")


def _count_tokens(text: str) -> int:
    return len(text.split())


def _sentences(page: int, count: int) -> str:
    return " ".join(f"På side {page} står sætning nummer {n} om tidlig indsats for børn." for n in range(count))


def _report(*pages: Page) -> list:
    document = LoadedDocument(INFO, pages, "", Path("rapport.pdf"))
    return chunk_blocks(INFO, blocks_for(document), _count_tokens, max_tokens=60, overlap_sentences=1)


def test_a_block_over_four_pages_gives_each_chunk_its_own_page_by_label():
    pages = tuple(Page(number, _sentences(number, 6), label=f"{number + 10}") for number in range(1, 5))

    chunks = _report(*pages)

    assert len({chunk.block.text for chunk in chunks}) == 1  # one block running over all four pages
    assert len(chunks) >= 6
    for chunk in chunks:
        numbers = sorted({int(number) for number in re.findall(r"På side (\d+)", chunk.text)})
        location = chunk.metadata["location"]
        assert chunk.metadata["page"] == numbers[0]
        expected = f"side {numbers[0] + 10}" + (f"-{numbers[-1] + 10}" if numbers[-1] != numbers[0] else "")
        assert location == expected, chunk.text


def test_no_chunk_stands_on_more_than_two_pages():
    # pages with only a line each: a chunk of 60 tokens would otherwise cover four of them
    pages = tuple(Page(number, f"Linje {number} handler om forældresamarbejde i dagplejen") for number in range(1, 9))

    chunks = _report(*pages)

    for chunk in chunks:
        location = chunk.metadata["location"]
        first, _, last = location.removeprefix("side ").partition("-")
        assert not last or int(last) - int(first) == 1, location


def test_a_case_chunk_names_its_case_and_its_page():
    body = "Dagplejen i Ærø arbejder med sprog hver dag. " * 3
    chunks = _report(
        Page(1, "Indledning om noget andet, der fylder en hel linje her."), Page(2, f"CASE #4\nSprogstart i Ærø Kommune\n\n{body}")
    )

    case = next(chunk for chunk in chunks if chunk.block.case_number == 4)
    assert case.metadata["location"] == "CASE #4, side 2"


def test_text_files_keep_the_block_location():
    info = DocumentInfo(doc_id="notat.txt", title="Notat", form="prose")
    document = LoadedDocument(info, (Page(1, _sentences(1, 3)),), "", Path("notat.txt"))

    chunks = chunk_blocks(info, blocks_for(document), _count_tokens, max_tokens=60)

    assert {chunk.metadata["location"] for chunk in chunks} == {"indledning"}
    assert all("page" not in chunk.metadata for chunk in chunks)
