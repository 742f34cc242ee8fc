"""Build :class:`Citation` objects from retrieved passages, numbered by first use.

Example::

    book = CitationBook()
    marker = book.cite(hit, "98 pct. af de nye familier takker ja.")   # 1
    book.citations()                                                     # (Citation(number=1, ...),)
"""

from __future__ import annotations

from index import ScoredPassage

from assistant.types import Citation


class CitationBook:
    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self._hits: dict[str, ScoredPassage] = {}
        self._quoted: dict[str, list[str]] = {}

    def cite(self, hit: ScoredPassage, *quoted: str) -> int:
        """The passage's marker (a new one on first use); ``quoted`` are the texts the answer quotes from it."""
        chunk_id = hit.passage.chunk_id
        if chunk_id not in self._numbers:
            self._numbers[chunk_id] = len(self._numbers) + 1
            self._hits[chunk_id] = hit
            self._quoted[chunk_id] = []
        for text in quoted:
            if text and text not in self._quoted[chunk_id]:
                self._quoted[chunk_id].append(text)
        return self._numbers[chunk_id]

    def citations(self) -> tuple[Citation, ...]:
        return tuple(
            to_citation(self._hits[chunk_id], number, tuple(self._quoted[chunk_id]))
            for chunk_id, number in self._numbers.items()
        )


def to_citation(hit: ScoredPassage, number: int, quoted: tuple[str, ...] = ()) -> Citation:
    meta = hit.passage.metadata
    year = meta.get("year")
    case_number = meta.get("case_number")
    return Citation(
        number=number,
        doc_id=hit.passage.doc_id,
        title=str(meta.get("title", hit.passage.doc_id)),
        publisher=str(meta.get("publisher", "")),
        year=int(year) if year is not None else None,
        location=hit.passage.location,
        passage=hit.passage.text,
        quoted=quoted,
        chunk_id=hit.passage.chunk_id,
        score=round(hit.score, 4),
        section=hit.passage.section,
        case_number=int(case_number) if case_number is not None else None,
        municipality=str(meta.get("municipality", "")),
    )
