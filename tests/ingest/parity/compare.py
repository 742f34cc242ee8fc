"""Structure of a rendering compared with the structure of its text export.

Example::

    expected = structure_of(load_document(export, catalog, LIMIT))
    found = structure_of(load_document(rendered, catalog, LIMIT))
    missing_cases(expected, found)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.cases import case_examples
from ingest.structure import blocks_for
from ingest.types import Block, LoadedDocument


@dataclass(frozen=True)
class Structure:
    cases: dict[int, tuple[str, str]]  # number -> (municipality, title)
    recommendations: list[tuple[str, ...]]  # the items of each "KL anbefaler" list, flattened for comparison
    sections: set[str]
    blocks: list[Block]


def structure_of(document: LoadedDocument) -> Structure:
    blocks = blocks_for(document)
    cases = {case.number: (case.municipality, case.title) for case in case_examples({"doc": blocks})}
    lists = [
        tuple(flat(line) for line in block.text.split("\n")[1:])
        for block in blocks
        if block.kind == "recommendations"
    ]
    return Structure(cases, lists, {block.section for block in blocks if block.section}, blocks)


def flat(text: str) -> str:
    """Letters and digits only, lowercase: compares text across line breaks, hyphenation and bullets."""
    return re.sub(r"[\W_]+", "", text.lower())
