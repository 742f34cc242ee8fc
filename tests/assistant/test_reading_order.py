"""Tests for assistant.reading_order: the order in which a question reads its passages, from hand-written passages."""

import pytest

from assistant.analysis import analyse_question
from assistant.reading_order import asks_how_done, by_told_share, harm_first, heads_procedure, procedure_first
from index import Passage, ScoredPassage


def test_the_sections_written_for_a_told_share_come_first_and_those_for_other_shares_last():
    def hit(chunk_id: str, section: str) -> ScoredPassage:
        return ScoredPassage(Passage(chunk_id, "Skolen holder et fraværsmøde.", {"doc_id": "retningslinje.pdf", "section": section}), 0.5)

    hits = [
        hit("niveau-2", "3. Fraværstrappen › Niveau 2 – Bekymring (samlet fravær 10-14 procent)"),
        hit("roller", "4. Roller og ansvar"),
        hit("niveau-4", "3. Fraværstrappen › Niveau 4 – Kritisk fravær (samlet fravær 20 procent eller mere)"),
        hit("breve", "5. Breve til forældrene"),
    ]
    assert [h.passage.chunk_id for h in by_told_share(frozenset({"22"}), hits)] == ["niveau-4", "roller", "breve", "niveau-2"]
    assert [h.passage.chunk_id for h in by_told_share(frozenset({"12"}), hits)] == ["niveau-2", "roller", "breve", "niveau-4"]


def test_a_procedure_near_the_best_passage_comes_first_and_one_far_below_it_keeps_its_place():
    def hit(chunk_id: str, section: str, score: float) -> ScoredPassage:
        metadata = {"doc_id": "status.pdf", "section": section}
        return ScoredPassage(Passage(chunk_id, "Småbørnsteamet hjælper børn i dagtilbud.", metadata), score)

    overview = hit("om", "1. Om Småbørnsteamet", 0.12)
    results = hit("resultater", "5. Resultater af sprogvurderingen", 0.10)
    referral = hit("henvisning", "1. Om Småbørnsteamet › Sådan henvises et barn", 0.08)
    steps = hit("trin", "4. Henvisningsforløbet › 4.1 Trin for trin", 0.05)

    assert [h.passage.chunk_id for h in procedure_first([overview, results, referral])] == ["henvisning", "om", "resultater"]
    assert [h.passage.chunk_id for h in procedure_first([overview, results, steps])] == ["om", "resultater", "trin"]  # 0.42 of the best
    assert [h.passage.chunk_id for h in procedure_first([overview, results])] == ["om", "resultater"]
    assert [h.passage.chunk_id for h in procedure_first([overview, referral, results])] == ["om", "henvisning", "resultater"]


@pytest.mark.parametrize(
    ("heading", "procedure"),
    [
        ("Sådan henvises et barn", True),
        ("4.1 Trin for trin", True),
        ("3.3 Hvordan underretter jeg?", True),
        ("Procedure ved bekymring for en elev", True),
        ("Hvordan fordeler kommunerne de socioøkonomiske midler?", False),  # how others do it, not what to do
        ("1. Om Småbørnsteamet", False),
    ],
)
def test_a_section_headed_as_what_to_do_step_by_step_is_a_procedure(heading, procedure):
    assert heads_procedure(Passage("x", "Tekst.", {"section": f"Kapitel 4 › {heading}"})) is procedure


@pytest.mark.parametrize(
    ("question", "how_done"),
    [
        ("Hvordan sender jeg en underretning fra dagplejen?", True),
        ("Hvordan kommer et barn videre til småbørnsteamet – hvad er gangen i det?", True),
        ("Hvordan forklarer Faxes guide den skærpede underretningspligt?", False),  # how a text explains it
        ("Hvordan definerer Næstved Kommune bekymrende fravær?", False),
        ("Hvor mange børn blev henvist i 2023?", False),
    ],
)
def test_a_question_asks_how_something_is_done_not_how_a_text_explains_it(question, how_done):
    assert asks_how_done(analyse_question(question)) is how_done


def test_a_harm_near_the_best_passage_comes_first_from_second_place_on():
    def hit(chunk_id: str, section: str, score: float) -> ScoredPassage:
        return ScoredPassage(Passage(chunk_id, "Eleven drøftes.", {"doc_id": "aftale.pdf", "section": section}), score)

    meetings = hit("moeder", "5. Mødestruktur", 0.11)
    acute = hit("akut", "4. Henvisningsforløbet › 4.2 Akutte situationer", 0.09)
    far_below = hit("akut", "4. Henvisningsforløbet › 4.2 Akutte situationer", 0.05)
    assert [h.passage.chunk_id for h in harm_first([meetings, acute])] == ["akut", "moeder"]
    assert [h.passage.chunk_id for h in harm_first([meetings, far_below])] == ["moeder", "akut"]
