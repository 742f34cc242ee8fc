"""Case examples ("CASE #n" boxes: a municipality's example) collected from structured blocks.

Leaders browse them by municipality; each keeps its location so the case can be cited.

Example::

    cases = case_examples({doc_id: blocks_for(document)})
    (cases[0].number, cases[0].municipality, cases[0].title)
    # (1, "Holstebro Kommune", "Familie med Hjerte")
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from ingest.types import Block


@dataclass(frozen=True)
class CaseExample:
    """One municipality's case example; ``text`` is the box's whole text, ``location`` where it stands."""

    number: int
    municipality: str
    title: str
    doc_id: str
    text: str
    location: str


def case_examples(blocks_by_doc: dict[str, list[Block]]) -> list[CaseExample]:
    """The case examples of all documents, sorted by document id and case number.

    A case that structure split over several blocks (a box continued on another page) becomes one
    example: its texts are joined in document order, title and location come from its first block.
    """
    examples = []
    for doc_id in sorted(blocks_by_doc):
        cases = sorted(
            ((block.case_number, block) for block in blocks_by_doc[doc_id] if block.kind == "case" and block.case_number is not None),
            key=itemgetter(0),  # stable: a case's blocks keep their document order
        )
        for number, numbered in groupby(cases, key=itemgetter(0)):
            parts = [block for _, block in numbered]
            first = parts[0]
            text = "\n\n".join(part.text for part in parts)
            examples.append(CaseExample(number, first.municipality, first.case_title, doc_id, text, first.location))
    return examples
