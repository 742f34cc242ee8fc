"""Case fields for the comparison grid, checked on every case of the bundled corpus."""

from __future__ import annotations


import pytest

from ingest.case_fields import FIELDS, case_fields
from ingest.cases import CaseExample, case_examples
from ingest.pipeline import discover, read
from ingest.structure import blocks_for
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def cases() -> list[CaseExample]:
    found: list[CaseExample] = []
    sources, _ = discover([CORPUS])
    for source in sources:
        document = read(source, 50_000_000)
        found += case_examples({document.info.doc_id: blocks_for(document)})
    return found


def by_number(cases: list[CaseExample], number: int) -> CaseExample:
    return next(case for case in cases if case.doc_id.startswith("kl-2015") and case.number == number)


def test_every_cell_of_every_case_is_a_verbatim_slice_of_that_case(cases):
    assert len(cases) == 22
    filled = 0
    for case in cases:
        fields = case_fields(case)
        for field in FIELDS:
            for quote in fields.get(field):
                assert quote.text == case.text[quote.start : quote.end], (case.number, field)
                assert quote.text.strip() and quote.location.startswith(case.location)
                filled += 1
    assert filled >= 50  # the grid is mostly filled, not mostly "ikke beskrevet"


# Hand-verified against the case texts: (case, field, a phrase the cell must hold).
EXPECTED = [
    (1, "target_group", "tilbydes til alle førstegangsforældre"),
    (1, "economy", "inden for det eksisterende budget"),
    (1, "evaluation", "ikke gennemført en egentlig effektmåling"),
    (2, "target_group", "Alle børn i alderen 0-3 år screenes"),
    (2, "economy", "inden for den eksisterende ramme"),
    (4, "economy", "finansieret af Høje-Taastrup Kommune"),
    (6, "result", "faldet med mere end 35 pct. siden 2008"),
    (6, "evaluation", "ikke foretaget en samlet effektevaluering"),
    (7, "intervention", "gennemførte fra 2007-2010"),
    (8, "target_group", "i alderen 15-25 år"),
    (12, "economy", "varig besparelse på 4,4 mio. kr."),
    (13, "result", "fra 6,34 pct. til 9,14 pct."),
    (16, "target_group", "børn i alderen 2-6 år"),
    (17, "evaluation", "endnu ikke data"),
    (18, "target_group", "Målgruppen er unge"),
    (19, "result", "- Andelen af unge i ordinær uddannelse er stigende"),  # the list after the lead-in
    (22, "result", "42 pct. i praktikforløb"),
]


@pytest.mark.parametrize(("number", "field", "phrase"), EXPECTED)
def test_hand_verified_cells(cases, number, field, phrase):
    quotes = case_fields(by_number(cases, number)).get(field)
    assert any(phrase in quote.text for quote in quotes), [quote.text for quote in quotes]


# Cells that must stay empty: the case does not describe the field, and a cue word in another sense
# ("økonomiske vilkår", "børnefaglige undersøgelser", a goal) must not fill them.
EMPTY = [(4, "result"), (9, "economy"), (14, "evaluation"), (14, "economy"), (19, "economy"), (3, "target_group")]


@pytest.mark.parametrize(("number", "field"), EMPTY)
def test_fields_a_case_does_not_describe_stay_empty(cases, number, field):
    assert case_fields(by_number(cases, number)).get(field) == ()


def test_a_goal_is_not_a_result_and_cells_do_not_repeat_a_list_item():
    text = (
        "Formålet med enheden er at opnå en væsentlig stigning i andelen af unge i uddannelse.\n\n"
        "Efter to år ses følgende resultater:\n- Fraværet er faldet med 12 pct.\n- Trivslen er steget.\n\n"
        "Projektet koster 2 mio. kr. om året."
    )
    case = CaseExample(1, "Fjordby Kommune", "Ungeenheden", "x.txt", text, "CASE #1")
    fields = case_fields(case)
    assert [quote.text for quote in fields.result] == [
        "Efter to år ses følgende resultater:\n- Fraværet er faldet med 12 pct.\n- Trivslen er steget."
    ]
    assert [quote.text for quote in fields.economy] == ["Projektet koster 2 mio. kr. om året."]
    assert fields.evaluation == () and fields.target_group == ()
