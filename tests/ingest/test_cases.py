"""Case examples collected from the structured blocks."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from ingest.cases import CaseExample, case_examples
from ingest.types import Block
from tests.ingest.test_structure import CATALOG, KL, KL_CASES, corpus_blocks


def test_the_kl_reports_22_cases_in_number_order():
    cases = case_examples({name: list(corpus_blocks(name)) for name in CATALOG})
    assert [case.number for case in cases] == list(range(1, 23))
    for case in cases:
        municipality, title, phrase = KL_CASES[case.number]
        assert (case.doc_id, case.municipality, case.title) == (KL, municipality, title)
        assert case.location == f"CASE #{case.number}"
        assert phrase in " ".join(case.text.split())


def test_holstebro_viborg_and_aarhus():
    cases = {case.number: case for case in case_examples({KL: list(corpus_blocks(KL))})}
    assert cases[1].title == "Familie med Hjerte" and cases[1].municipality == "Holstebro Kommune"
    assert "Alle børn i alderen 0-3 år screenes nu tre gange årligt" in cases[2].text
    assert "sundhedsplejerskerne" in cases[2].text
    assert cases[3].municipality == "Aarhus Kommune" and "tandplejen" in cases[3].text


def case_block(number: int, text: str, location: str = "") -> Block:
    return Block(
        text=text,
        kind="case",
        location=location or f"CASE #{number}",
        case_number=number,
        case_title=f"Titel {number}",
        municipality=f"Kommune {number}",
    )


def test_sorted_by_document_then_number_and_a_case_over_several_blocks_is_joined():
    blocks_by_doc = {
        "b.pdf": [case_block(2, "To."), Block(text="Almindelig tekst."), case_block(1, "Et.")],
        "a.pdf": [
            case_block(7, "Første del.", "CASE #7, side 3"),
            Block(text="Kapiteltekst imellem."),
            case_block(7, "Anden del.", "CASE #7, side 4"),
        ],
    }
    assert case_examples(blocks_by_doc) == [
        CaseExample(7, "Kommune 7", "Titel 7", "a.pdf", "Første del.\n\nAnden del.", "CASE #7, side 3"),
        CaseExample(1, "Kommune 1", "Titel 1", "b.pdf", "Et.", "CASE #1"),
        CaseExample(2, "Kommune 2", "Titel 2", "b.pdf", "To.", "CASE #2"),
    ]


def test_documents_without_cases_give_none_and_examples_are_frozen():
    assert case_examples({"x.txt": [Block(text="Ingen cases her.")], "y.txt": []}) == []
    example = CaseExample(1, "Holstebro Kommune", "Familie med Hjerte", KL, "tekst", "CASE #1")
    with pytest.raises(FrozenInstanceError):
        example.number = 2  # type: ignore[misc]
