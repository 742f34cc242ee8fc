"""The answer-first citat composer on hand-written chunks with hand-set unit probabilities.

The probabilities stand in for the fitted unit scorer, so each test decides which units answer; the
units, groups, lead-ins and tables come from the real ``split_units`` and ``candidate_units``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import pytest

from markdown_it import MarkdownIt

from assistant.analysis import RESULT_CUES, QuestionAnalysis, QuestionPart, analyse_followup, analyse_question, holds_answer_type
from assistant.compose import (
    MORE_HEADING,
    TOPIC_LIST_ITEMS,
    CitatComposer,
    _Block,
    _case_results,
    _with_lone_gaps,
    _without_shown_lead_ins,
    case_name,
    directs_on_harm,
    nearest_topic,
)
from assistant.evidence import ScoredUnit, candidate_units
from assistant.verify import LIST_MORE, CitationVerifier, answer_claims, strip_markers
from tidlig.text import content_terms
from tests.assistant.units_fixture import FakeUnitIndex

KL = {"title": "De udsatte børn", "year": 2015, "location": "side 4"}
KBH = {"title": "Særlige indsatser", "year": 2016, "location": "side 2"}
CHUNKS = [
    (
        "kl-1",
        "Sundhedsplejen besøger alle familier med nyfødte. Der er 500 pluspladser i vuggestuer og børnehaver "
        "fordelt over hele byen. Pladserne er til børn, som er sprogligt eller socialt udsatte.\n\n"
        "Flere kommuner har gode erfaringer. KL anbefaler tre ting:\n"
        "- At kommunerne styrker den tidlige opsporing i dagtilbud\n- At forældrene inddrages tidligt\n"
        "- At pædagoger får sparring fra PPR\n\nTidlig indsats",
        KL,
    ),
    # Overlaps the chunk above (chunking repeats a sentence at the boundary).
    (
        "kl-2",
        "Der er 500 pluspladser i vuggestuer og børnehaver fordelt over hele byen. Holstebro tilbyder kurser "
        "til alle nye forældre, og 98 pct. af familierne takker ja.",
        KL,
    ),
    (
        "kbh-1",
        "Indsats | 2016 | 2017 | 2018\nPluspladser | 527.000 | 527.000 | 527.000\n"
        "Sprogpakker | 120.000 | 130.000 | 140.000\nForældrekurser | 80.000 | 85.000 | 90.000",
        {**KBH, "block_kind": "table"},
    ),
    (
        "varde-1",
        "Varde Kommune har bygget en ny svømmehal i 2015. Svømmehallen har fået mange flere besøgende end ventet.",
        {"title": "Varde", "location": "side 9"},
    ),
    ("kbh-2", "Modellen ![logo](x.png) og [Børnelinealen](javascript:alert(1)) bruges til tidlig opsporing i dagtilbud.", KBH),
]
INDEX = FakeUnitIndex(CHUNKS)


def scored_units(
    question: str, probabilities: dict[str, float | tuple[float, ...]], parts: int = 1, index: FakeUnitIndex = INDEX
) -> list[ScoredUnit]:
    """Every candidate unit of the index's chunks with the probability of the first key it contains (else 0.01)."""
    terms = content_terms(question)
    result = []
    for candidate in candidate_units(index.hits(), index):
        found = next((p for key, p in probabilities.items() if key in candidate.unit.text), 0.01)
        part_scores = found if isinstance(found, tuple) else (found,) * parts
        coverage = index.relevance.coverage(terms, candidate.unit.search_text)
        result.append(ScoredUnit(candidate.unit, candidate.hit, candidate.rank, candidate.group, ({},) * parts, part_scores, coverage))
    return sorted(result, key=lambda s: -s.score)


def compose(question: str, probabilities, outcome="answer", missing=(), index: FakeUnitIndex = INDEX):
    analysis = analyse_question(question)
    return CitatComposer().compose(analysis, scored_units(question, probabilities, len(analysis.parts), index), outcome, missing)


def quoted_sentences(markdown: str) -> list[str]:
    return [strip_markers(claim) for claim in answer_claims("lead-in\n\n" + markdown)]


def test_the_best_unit_comes_first_verbatim_with_its_marker():
    composition = compose("Hvor mange pluspladser er der?", {"500 pluspladser": 0.9, "sprogligt eller socialt": 0.3})
    first = composition.short_answer.splitlines()[0]
    assert first.startswith("Der er 500 pluspladser i vuggestuer og børnehaver fordelt over hele byen. [1]")
    [citation] = [c for c in composition.book.citations() if c.number == 1]
    assert "Der er 500 pluspladser i vuggestuer og børnehaver fordelt over hele byen." in citation.quoted


def test_a_fact_question_gets_a_short_answer_of_at_most_three_units_and_nothing_more():
    composition = compose(
        "Hvor mange pluspladser er der?",
        {"500 pluspladser": 0.9, "Pluspladser |": 0.6, "sprogligt eller socialt": 0.6, "Holstebro": 0.58, "Sundhedsplejen": 0.02},
    )
    assert quoted_sentences(composition.short_answer)[0].startswith("Der er 500 pluspladser")
    assert "| Pluspladser | 527.000 | 527.000 | 527.000 [2]|" in composition.short_answer
    assert "Holstebro" not in composition.body  # the fourth unit: a fact answer stays short
    assert composition.more == ""
    assert "Sundhedsplejen" not in composition.body  # below the floor


def test_a_case_example_under_more_is_headed_by_its_name_as_in_the_short_answer():
    case = {"title": "De udsatte børn", "year": 2015, "location": "CASE #16", "case_number": 16, "case_title": "Familiestuen"}
    case["municipality"] = "Frederikshavn Kommune"
    index = FakeUnitIndex([*CHUNKS, ("case", "I Familiestuen bruges pluspladser til børn og forældre sammen.", case)])
    probabilities = {"500 pluspladser": 0.9, "sprogligt eller socialt": 0.85, "Pluspladser |": 0.8, "Familiestuen": 0.7}
    more = compose("Hvordan bruges pluspladser og Børnelinealen?", probabilities, index=index).more
    # It read "**De udsatte børn, 2015, CASE \\#16**", as if another source spoke of the case.
    assert "**CASE \\#16 Familiestuen (Frederikshavn Kommune)**\nI Familiestuen bruges pluspladser" in more
    assert "2015, CASE" not in more


def test_a_fact_answer_takes_a_unit_from_another_chunk_only_when_nearly_as_likely():
    question = "Hvor mange pluspladser er der?"
    assert "527.000" not in compose(question, {"500 pluspladser": 0.9, "Pluspladser |": 0.5}).body
    assert "527.000" in compose(question, {"500 pluspladser": 0.9, "Pluspladser |": 0.6}).body


def test_a_fact_answer_takes_a_less_likely_unit_from_the_same_case_example():
    case = {"doc_id": "kl.txt", "case_number": 4, "municipality": "Holstebro"}
    index = FakeUnitIndex(
        [
            ("case-a", "Holstebro tilbyder kurser til alle nye forældre.", case),
            ("case-b", "Kurserne for nye forældre koster 2.000 kr. pr. familie.", case),
            ("other", "Odder tilbyder kurser til forældre med tvillinger.", {"doc_id": "kl.txt", "case_number": 5}),
        ]
    )
    probabilities = {"Holstebro": 0.9, "2.000 kr.": 0.3, "Odder": 0.3}
    body = compose("Hvad tilbyder Holstebro nye forældre?", probabilities, index=index).body
    assert "2.000 kr." in body and "Odder" not in body


def test_a_quoted_case_example_is_named_above_its_units_unless_the_lead_in_names_it():
    case = {"case_number": 16, "case_title": "Familiestuen", "municipality": "Frederikshavn Kommune"}
    index = FakeUnitIndex([("case", "Forældrene deltager i to halve børnehavedage.", case)])
    question, probabilities = "Findes der forløb, hvor forældrene er med i børnehaven?", {"halve": 0.9}
    named = "CASE #16 Familiestuen (Frederikshavn Kommune)"
    assert case_name(index.passages["case"].metadata) == named
    short = compose(question, probabilities, index=index).short_answer
    assert short.startswith("**CASE \\#16 Familiestuen (Frederikshavn Kommune)**\nForældrene deltager")
    analysis = analyse_question(question)
    units = scored_units(question, probabilities, index=index)
    assert CitatComposer().compose(analysis, units, named_case=named).short_answer.startswith("Forældrene deltager")


def test_an_open_question_gets_related_material_under_more_by_source():
    composition = compose(
        "Hvordan bruges pluspladser og Børnelinealen?",
        {"500 pluspladser": 0.9, "sprogligt eller socialt": 0.85, "Pluspladser |": 0.8, "Børnelinealen": 0.7, "Sundhedsplejen": 0.02},
    )
    assert "Børnelinealen" not in composition.short_answer  # the fourth unit
    assert composition.more.startswith(MORE_HEADING)
    assert "**Særlige indsatser, 2016, side 2**\nModellen" in composition.more
    assert "Sundhedsplejen" not in composition.body  # below the floor


def test_no_sentence_twice_across_overlapping_chunks():
    composition = compose("Hvor mange pluspladser er der?", {"500 pluspladser": 0.9, "Holstebro": 0.8, "98 pct": 0.8})
    sentences = [s.lower() for s in quoted_sentences(composition.body)]
    assert len(sentences) == len(set(sentences))
    assert sum("500 pluspladser" in s for s in sentences) == 1


def test_a_sentence_a_report_restates_in_its_summary_is_shown_once():
    index = FakeUnitIndex(
        [
            ("sum-1", "Omkring 7-8 pct. af en årgang forlader folkeskolen uden 9. klassesprøve, og en femtedel står uden uddannelse.", KL),
            (
                "kap-4",
                "Omkring 7 pct. af en årgang forlader folkeskolen uden 9. klassesprøven15, og en femtedel står uden uddannelse16 "
                "– blandt disse er en klar overvægt af børn fra socialt svage familier.",
                KL,
            ),
        ]
    )
    composition = compose("Hvor mange forlader folkeskolen uden 9. klassesprøve?", {"7-8 pct": 0.9, "7 pct": 0.8}, index=index)
    assert [s[:22] for s in quoted_sentences(composition.body)] == ["Omkring 7-8 pct. af en"]


def test_two_findings_in_the_same_words_with_other_figures_are_both_shown():
    index = FakeUnitIndex(
        [
            (
                "survey-1",
                "Bevilling af støtte:\n- 27 pct. af lederne har søgt om støtte og fået afslag. "
                "Heraf har 27 pct. fået afslag på grund af økonomi.\n"
                "- 33 pct. af lederne har fået afslag på flere støttetimer, heraf har en tredjedel fået afslag på grund af økonomi.",
                KL,
            )
        ]
    )
    composition = compose("Hvor ofte får lederne afslag på støtte?", {"27 pct. af lederne": 0.9, "33 pct.": 0.8}, index=index)
    assert "33 pct. af lederne har fået afslag på flere støttetimer" in composition.body


def test_a_goal_restating_this_years_figure_beside_its_own_is_shown():
    index = FakeUnitIndex(
        [
            ("status", "I 2023 blev der udfyldt Overgangsskema for 71 procent af de børn, der startede i dagtilbud.", KL),
            (
                "goals",
                "Aftalen følges op ud fra tre mål:\n"
                "- Overgangsskema udfyldt for mindst 85 procent af de børn, der starter i dagtilbud (2023: 71 procent).\n"
                "- Overgangsmøde afholdt for mindst 95 procent af de børn, der er vurderet gule eller røde.",
                KL,
            ),
        ]
    )
    question = "Hvor mange fik et overgangsskema i 2023, og hvad er målet?"
    composition = compose(question, {"71 procent af": 0.9, "85 procent": 0.8}, index=index)
    assert "mindst 85 procent" in composition.body


def test_a_list_question_gets_the_whole_list_with_its_lead_in():
    composition = compose("Hvilke anbefalinger har KL?", {"forældrene inddrages": 0.9})
    lines = composition.short_answer.splitlines()
    assert lines[0] == "KL anbefaler tre ting: [1]"  # the lead-in sentence, not its whole paragraph
    assert [line for line in lines if line.startswith("- ")] == [
        "- At kommunerne styrker den tidlige opsporing i dagtilbud [1]",
        "- At forældrene inddrages tidligt [1]",
        "- At pædagoger får sparring fra PPR [1]",
    ]
    assert "Flere kommuner har gode erfaringer." not in composition.body


def test_a_lead_in_never_stands_without_its_items():
    composition = compose("Hvad anbefaler KL kommunerne?", {"KL anbefaler tre ting": 0.9})
    lines = composition.short_answer.splitlines()
    assert lines[0] == "KL anbefaler tre ting: [1]" and len([x for x in lines if x.startswith("- ")]) == 3


def test_a_fact_question_answered_by_one_item_of_a_long_list_gets_the_item_under_its_lead_in():
    detail = " i alle kommunens dagtilbud, skoler og fritidstilbud, og at det sker efter en fælles plan, som ledelsen følger op på"
    items = "".join(f"\n- At {what}{detail}" for what in ("opsporingen styrkes", "forældrene inddrages tidligt", "PPR giver sparring"))
    index = FakeUnitIndex([("kl", f"KL anbefaler blandt andet:{items}", KL)])
    composition = compose("Hvornår skal forældrene inddrages?", {"forældrene inddrages": 0.9}, index=index)
    assert composition.short_answer.splitlines()[:3] == [
        "KL anbefaler blandt andet: [1]",
        "- *… ét punkt før i kilden*",  # the item shown is the list's second
        f"- At forældrene inddrages tidligt{detail} [1]",
    ]
    assert "PPR giver sparring" not in composition.short_answer


def test_a_long_list_whose_items_are_all_about_as_likely_as_the_best_is_shown_whole():
    detail = " i alle kommunens dagtilbud, skoler og fritidstilbud, og at det sker efter en fælles plan, som ledelsen følger op på"
    items = "".join(f"\n- At {what}{detail}" for what in ("opsporingen styrkes", "forældrene inddrages tidligt", "PPR giver sparring"))
    index = FakeUnitIndex([("kl", f"KL anbefaler blandt andet:{items}", KL)])
    even = {"forældrene inddrages": 0.6, "opsporingen styrkes": 0.25, "PPR giver sparring": 0.22}
    text = compose("Hvad vil KL have kommunerne til at gøre?", even, index=index).short_answer
    assert "opsporingen styrkes" in text and "PPR giver sparring" in text
    uneven = {**even, "PPR giver sparring": 0.1}  # one item far below the best: only the likely items
    text = compose("Hvad vil KL have kommunerne til at gøre?", uneven, index=index).short_answer
    assert "forældrene inddrages" in text and "PPR giver sparring" not in text


def test_a_list_question_whose_rarest_term_one_item_alone_holds_gets_that_item_not_the_list():
    # "Hvilke erfaringer har kommunerne med familierådslagning?" had got all of "KL anbefaler:" for its one item.
    detail = " i alle kommunens dagtilbud, skoler og fritidstilbud, og at det sker efter en fælles plan, som ledelsen følger op på"
    question = "Hvilke erfaringer har kommunerne med familierådslagning?"

    def short_answer(items: tuple[str, ...]) -> str:
        index = FakeUnitIndex([("kl", "KL anbefaler blandt andet:" + "".join(f"\n- At {item}{detail}" for item in items), KL)])
        units = scored_units(question, {"familierådslagning": 0.9}, index=index)
        rarest = [replace(u, features=({"rarest_term": float("familierådslagning" in u.unit.text)},)) for u in units]
        return CitatComposer().compose(analyse_question(question), rarest, "answer", ()).short_answer

    one = short_answer(("budgettet følger indsatstrappen", "netværket inddrages med familierådslagning", "børn støttes af familien"))
    assert "familierådslagning" in one and "indsatstrappen" not in one and "støttes af familien" not in one
    two = short_answer(("budgettet følger indsatstrappen", "netværket inddrages med familierådslagning", "familierådslagning bruges"))
    assert "indsatstrappen" in two  # the list is about it: shown whole


def test_a_list_shown_in_part_leaves_no_item_alone_out_between_two_it_shows():
    detail = " i alle kommunens dagtilbud, skoler og fritidstilbud, og at det sker efter en fælles plan, som ledelsen følger op på"
    whats = ("opsporingen styrkes", "forældrene inddrages tidligt", "PPR giver sparring", "lederen følger op", "budgettet holder")
    index = FakeUnitIndex([("kl", "KL anbefaler blandt andet:" + "".join(f"\n- At {what}{detail}" for what in whats), KL)])
    # The first and third items likely, the second between them not: it comes too, the last two are counted.
    likely = {"opsporingen styrkes": 0.9, "PPR giver sparring": 0.8, "forældrene inddrages": 0.01, "lederen": 0.01, "budgettet": 0.01}
    items = [line for line in compose("Hvad skal kommunen gøre?", likely, index=index).short_answer.splitlines() if line.startswith("- ")]
    assert [item.split(" i alle")[0] for item in items] == [
        "- At opsporingen styrkes", "- At forældrene inddrages tidligt", "- At PPR giver sparring", "- *… og 2 punkter mere i kilden*"
    ]
    # Two items between are a run a question for one point skips: left out (and counted below the list).
    assert _with_lone_gaps("abcdef", [0, 2, 5]) == ("a", "b", "c", "f")


def test_items_announcing_more_in_a_flattened_list_are_shown_with_theirs_under_them():
    # A slide's nested bullets whose indentation the text lost: without "Videreføres:", what is kept read as changed.
    items = ("Der tilføres 15 mio. kr.", "Følgende ændres:", "Taksten sænkes til 180.000 kr.", "Videreføres:", "Tilflyttere er undtaget.")
    index = FakeUnitIndex([("hed", "Modellen videreføres med justeringer:" + "".join(f"\n- {item}" for item in items), KL)])
    lines = compose("Hvad ændres i modellen?", {"Taksten sænkes": 0.9}, index=index).short_answer.splitlines()
    assert lines == [
        "Modellen videreføres med justeringer: [1]",
        "- Der tilføres 15 mio. kr. [1]",
        "- Følgende ændres: [1]",
        "  - Taksten sænkes til 180.000 kr. [1]",
        "- Videreføres: [1]",
        "  - Tilflyttere er undtaget. [1]",
    ]


def test_an_item_announcing_sub_items_does_not_make_a_short_list_long():
    # The 2024 deck's slide on PPR, a short list shown whole, had been cut to its last item when its sub-head
    # "Fordeling af tid i PPR mellem skole og dagtilbud:" was quoted as an item.
    items = (
        "PPR har en central placering i strukturen omkring støtte og hjælp til børn med særlige behov i Danmark",
        "Der er lang ventetid på PPR, og mange dagtilbud venter i flere måneder på at få en vurdering af et barn",
        "Høj personaleomsætning blandt medarbejderne, der arbejder i PPR, i de fleste af landets kommuner",
        "Fordeling af tid i PPR mellem skole og dagtilbud i kommunerne, opgjort på tværs af landet i 2023:",
        "PPR arbejder 30 % af tiden med dagtilbud og resten med børn i skolealderen",
    )
    index = FakeUnitIndex([("deck", "Pres på PPR:" + "".join(f"\n- {item}" for item in items), KL)])
    short = compose("Hvor stor en del af PPR's tid går til dagtilbud?", {"30 %": 0.9}, index=index).short_answer
    assert "central placering" in short and "lang ventetid" in short and "punkter" not in short


def test_a_lead_in_that_announces_its_items_comes_with_all_of_them():
    detail = " i alle kommunens dagtilbud, skoler og fritidstilbud, og at det sker efter en fælles plan, som ledelsen følger op på"
    items = "".join(f"\n- At {what}{detail}" for what in ("opsporingen styrkes", "forældrene inddrages tidligt", "PPR giver sparring"))
    for lead_in, whole in (("KL anbefaler tre ting:", True), ("KL anbefaler blandt andet:", False)):
        index = FakeUnitIndex([("kl", f"{lead_in}{items}", KL)])
        text = compose("Hvornår skal forældrene inddrages?", {"forældrene inddrages": 0.9}, index=index).short_answer
        assert text.splitlines()[0] == f"{lead_in} [1]" and ("PPR giver sparring" in text) is whole
        # A list shown in part says how much it leaves out, above and below; no claim of the source's, so no marker.
        assert (text.splitlines()[1] == "- *… ét punkt før i kilden*") is not whole
        assert (text.splitlines()[-1] == "- *… og ét punkt mere i kilden*") is not whole
        assert not whole or "mere i kilden" not in text
        assert "mere i kilden" not in " ".join(answer_claims(f"lead-in\n\n{text}"))


def test_a_weaker_second_list_shows_only_its_likely_items_unless_its_lead_in_names_the_question():
    uses = "De ekstra hænder bruges til:\n- At arbejde med en fast struktur i hverdagen med piktogrammer\n- At styrke forældresamarbejdet"
    detail = ", og det er et billede, der går igen i alle landets kommuner, både i vuggestuer, børnehaver og i dagplejen"
    survey = f"\n- 31 pct. oplever, at det er svært at få hverdagen til at fungere{detail}"
    survey += f"\n- 56 pct. mener, der er flere børn i mistrivsel{detail}\n- 14 pct. ser børn, der giver anledning til bekymring{detail}"
    likely = {"piktogrammer": 0.5, "31 pct.": 0.12, "forældresamarbejdet": 0.3}
    for lead_in, whole in (("Medarbejdernes oplevelse:", False), ("Piktogrammer i en travl hverdag:", True)):
        index = FakeUnitIndex([("bupl", uses, KL), ("deck", lead_in + survey, KBH)])
        text = compose("Hvordan kan piktogrammer hjælpe børn i hverdagen?", likely, index=index).short_answer
        assert "fast struktur" in text and "forældresamarbejdet" in text  # the likeliest unit's list: whole
        assert "31 pct." in text and ("56 pct." in text) is whole


def test_a_fact_answer_takes_a_less_likely_unit_from_another_chunk_that_holds_the_asked_period():
    index = FakeUnitIndex(
        [
            ("kl", "Der måles på, om undersøgelsen er gennemført inden for fristen.", KL),
            ("varde", "I Varde gennemføres 61 pct. af undersøgelserne inden for de lovpligtige fire mdr.", KBH),
        ]
    )
    likely = {"inden for fristen": 0.6, "lovpligtige": 0.2}
    text = compose("Hvad er fristen for en undersøgelse?", likely, index=index).short_answer
    assert "inden for fristen" in text and "fire mdr." in text
    text = compose("Hvad er kravet til en undersøgelse?", likely, index=index).short_answer  # no period asked
    assert "fire mdr." not in text


def test_a_who_question_opens_with_the_shown_unit_that_names_the_actor():
    legs, maker = "Programmet har tre ben: camps, mentorer og viden.", "Programmet er iværksat af Egmont Fonden i 2013."
    index = FakeUnitIndex([("lfl-1", legs, KL), ("lfl-2", maker, KL)])
    question = "Hvem står bag programmet?"
    units = [
        replace(s, features=({"answer_type": float(holds_answer_type(s.unit.text, "person"))},))
        for s in scored_units(question, {"tre ben": 0.8, "Egmont Fonden": 0.7}, index=index)
    ]
    text = CitatComposer().compose(analyse_question(question), units, "answer", ()).short_answer
    assert text.index("Egmont Fonden") < text.index("tre ben")


def test_a_question_for_an_acronym_opens_with_the_unit_that_writes_it_out():
    index = FakeUnitIndex(
        [
            ("hed", "PPR Betjening: sparring om pædagogiske indsatser på skolen med PPR og visitationsudvalget.", KBH),
            ("deck", "Pres på Pædagogisk Psykologisk Rådgivning:\n- PPR har en central placering i støtten\n- Der er lang ventetid", KL),
        ]
    )
    text = compose("Hvad er PPR?", {"Betjening": 0.9, "central placering": 0.6}, index=index).short_answer
    assert text.startswith("Pres på Pædagogisk Psykologisk Rådgivning")


def test_a_term_of_the_tables_header_names_no_row():
    table = "Indsats dagtilbud | 2016 | 2017\nPluspladser | 527.000 | 527.000\nSprogindsatsen i dagtilbud | 1.500.000 | 1.500.000"
    index = FakeUnitIndex([("kbh", table, {**KBH, "block_kind": "table"})])
    text = compose("Hvor mange penge er der afsat til pluspladser i dagtilbud i 2017?", {"Pluspladser": 0.9, "Sprog": 0.8}, index=index)
    assert "527.000" in text.short_answer and "1.500.000" not in text.short_answer


@pytest.mark.parametrize("caption", ["Tabel 1. Budget for indsatserne 2024-2027 (mio. kr.)", ""])
def test_a_table_stands_under_its_caption_which_says_what_its_figures_are(caption):
    table = "Indsats | 2025 | 2026\nSprogvejledere og sprogpakke | 2,1 | 2,1\nÅben Familiedør | 1,5 | 1,5"
    meta = {**KBH, "block_kind": "table", "section": "6. Indsatser og økonomi", "caption": caption}
    index = FakeUnitIndex([("soroe", table, meta)])
    text = compose("Hvor mange penge er der sat af til sprogvejledere i 2026?", {"Sprogvejledere": 0.9}, index=index).short_answer
    assert text.startswith(f"**{caption or '6. Indsatser og økonomi'}**\n| Indsats | 2025 | 2026")


def test_a_question_for_what_a_named_source_says_about_a_topic_takes_the_units_that_name_it():
    items = "KL anbefaler:\n- At døgninstitutioner indgår i samspil med kommunens øvrige tilbud\n- At kommunerne afprøver programmer"
    index = FakeUnitIndex([("kl-1", items, KL), ("kl-2", "Der skal allerede i dagtilbud være fokus på, hvordan børns sprog udvikles.", KL)])
    question = "Hvad anbefaler KL om sprog?"
    analysis = analyse_question(question)
    sourced = replace(analysis, parts=tuple(replace(part, sources=("KL",)) for part in analysis.parts))
    units = scored_units(question, {"døgninstitutioner": 0.8, "programmer": 0.7, "sprog": 0.5}, index=index)
    text = CitatComposer().compose(sourced, units, "answer", ()).short_answer
    assert text.startswith("Der skal allerede i dagtilbud") and "døgninstitutioner" not in text
    assert "døgninstitutioner" in CitatComposer().compose(analysis, units, "answer", ()).short_answer  # no source named


NESTED = (
    "EN NATIONAL STRATEGI MED FEM HOVEDPUNKTER (SKOLE):\n1. Indfør evidensbaserede indsatser med fokus på:\n"
    "- mental sundhedsfremme de steder, hvor børn og unge har deres dagligdag\n- bedre tilbud til familier med psykisk sygdom\n"
    "2. Skab koordinering på nationalt niveau mellem ministerier, regioner, kommuner og de faglige miljøer, der arbejder med børn\n"
    "3. Evaluer indsatserne løbende, så kommunerne ved, hvilke indsatser der virker, for hvem og under hvilke betingelser de virker"
)


def test_a_nested_list_keeps_its_introducing_item_and_shows_its_items_indented():
    index = FakeUnitIndex([("vr", NESTED, KL)])
    text = compose("Hvad anbefaler strategien for skolen?", {"mental sundhedsfremme": 0.9}, index=index).short_answer
    lines = text.splitlines()
    assert lines[0] == "EN NATIONAL STRATEGI MED FEM HOVEDPUNKTER (SKOLE): [1]"
    # A numbered item keeps its number, escaped: "3." opening a bullet's text would start a list renumbered from 1.
    assert lines[1:4] == [
        "- 1\\. Indfør evidensbaserede indsatser med fokus på: [1]",
        "  - mental sundhedsfremme de steder, hvor børn og unge har deres dagligdag [1]",
        "  - bedre tilbud til familier med psykisk sygdom [1]",
    ]
    rendered = MarkdownIt("commonmark").render(text)
    assert "<ol" not in rendered and "<li>1. Indfør" in rendered
    # A question for one item of the sub-list gets the item above it and its siblings, not the whole list.
    one = compose("Hvor skal mental sundhedsfremme ske?", {"mental sundhedsfremme": 0.9}, index=index).short_answer
    assert "- 1\\. Indfør evidensbaserede indsatser med fokus på: [1]" in one and "  - bedre tilbud" in one
    assert "Skab koordinering" not in one


def test_a_question_for_a_numbered_point_opens_with_that_point_not_the_likelier_one_that_names_points():
    reason = "så flere børn får den rette hjælp i tide og tæt på deres hverdag"
    points = "\n".join(f"{n}. {text}, {reason}" for n, text in enumerate(STRATEGY_POINTS, 1))
    index = FakeUnitIndex([("vr", f"Strategien anbefaler kommunerne:\n{points}", KL)])
    probabilities = {"nævnt i punkt 1-3": 0.9, "familier, hvor": 0.3, "Skab sammenhæng": 0.1, "Styrk viden": 0.1}

    asked = compose("Hvad står der i punkt 2 i strategien?", probabilities, index=index).short_answer
    ranged = compose("Hvad siger strategien om punkt 1-3?", probabilities, index=index).short_answer

    # the asked point alone under its lead-in: the likelier point 4 does not join it
    assert [line[:6] for line in asked.splitlines() if not LIST_MORE.fullmatch(line)] == ["Strate", "- 2\\. "]
    ranged_items = [line for line in ranged.splitlines() if not LIST_MORE.fullmatch(line)]
    assert ranged_items[1].startswith("- 4\\. Monitorér") and "- 2\\." not in ranged  # a range asks no one point


def test_a_point_asked_of_a_named_list_comes_from_that_list_alone_whatever_its_score():
    strategy = "\n".join(f"{n}. {text}" for n, text in enumerate(STRATEGY_POINTS, 1))
    program = "Program for dagen\n1. Velkomst og kaffe\n2. Oplæg om tidlig opsporing\n3. Gruppearbejde"
    index = FakeUnitIndex([("vr", f"Strategien anbefaler kommunerne:\n{strategy}", KL), ("dag", program, KBH)])
    probabilities = {"nævnt i punkt 1-3": 0.9, "familier, hvor": 0.5, "Oplæg om": 0.05}

    text = compose("Hvad er punkt 2 i programmet for dagen?", probabilities, index=index).short_answer

    assert "- 2\\. Oplæg om tidlig opsporing [" in text and "familier, hvor" not in text and "Monitorér" not in text


STRATEGY_POINTS = (
    "Skab sammenhæng i de mange forebyggende indsatser for børn og familier",
    "Styrk indsatsen i familier, hvor forældrene har mentale problemer",
    "Styrk viden om børns mentale sundhed i alle faggrupper",
    "Monitorér effekterne af de indsatser, der er nævnt i punkt 1-3",
)


def test_a_word_list_nested_at_three_levels_is_shown_as_a_nested_markdown_list(tmp_path):
    from tests.ingest.test_loaders import BULLET_LEVELS, THREE_LEVELS, make_nested_docx, nested_chunk

    # a real Word file read, cleaned, chunked and split into units as the index does it
    chunk, _, _ = nested_chunk(make_nested_docx(tmp_path / "niveauer.docx", BULLET_LEVELS, THREE_LEVELS))
    index = FakeUnitIndex([(chunk.chunk_id, chunk.text, {**KL, "heading": chunk.heading})])

    text = compose("Hvilke niveauer har indsatsen?", {"sprogvurdering": 0.9}, index=index).short_answer

    assert text.splitlines() == [
        "Indsatsen har tre niveauer: [1]",
        "- Almen indsats for alle børn [1]",
        "  - i dagtilbud [1]",
        "    - sprogvurdering [1]",
        "    - motorik [1]",
        "  - i skolen [1]",
        "- Fokuseret indsats for nogle børn [1]",
    ]
    html = MarkdownIt("commonmark").render(text)
    assert re.sub(r"\s+", "", html) == (
        "<p>Indsatsenhartreniveauer:[1]</p><ul><li>Almenindsatsforallebørn[1]<ul><li>idagtilbud[1]<ul>"
        "<li>sprogvurdering[1]</li><li>motorik[1]</li></ul></li><li>iskolen[1]</li></ul></li>"
        "<li>Fokuseretindsatsfornoglebørn[1]</li></ul>"
    )


def test_a_table_row_is_shown_as_a_markdown_table_with_its_header_and_only_relevant_rows():
    composition = compose("Hvad kostede sprogpakkerne i 2017?", {"Sprogpakker": 0.9, "Forældrekurser": 0.01})
    html = MarkdownIt("commonmark").enable("table").render(composition.short_answer)
    assert "<thead>" in html and html.count("<tr>") == 2  # header row + one body row
    assert re.search(r"<th>Indsat[s]</th>", html) and "<td>130.000</td>" in html and "Forældrekurser" not in html
    assert "Sprogpakker | 120.000 | 130.000 | 140.000" in next(c for c in composition.book.citations()).quoted


def test_a_table_without_a_header_is_shown_with_empty_header_cells_and_its_first_row_as_a_row():
    """A Word table of labels and values (see ``tidlig.text.NO_HEADER``): its first row is a row to show."""
    facts = "|\nInstitution | Solsikken\nLeder | Mette Skov\nTelefon | 75 12 34 56"
    index = FakeUnitIndex([("fakta", facts, {**KBH, "block_kind": "table"})])
    composition = compose("Hvad hedder institutionen, og hvem er leder?", {"Solsikken": 0.9, "Mette": 0.9}, index=index)

    table = ["|  | |", "|---|---|", "| Institution | Solsikken [1]|", "| Leder | Mette Skov [1]|"]  # no marker in the header
    assert composition.short_answer.split("\n")[:4] == table
    assert "|" not in next(c for c in composition.book.citations()).quoted


def test_rows_named_by_the_question_are_chosen_even_when_every_row_looks_likely():
    # Every row of a budget table carries the asked year, so the probabilities barely tell them apart.
    composition = compose("Hvor mange penge fik sprogpakker i 2017?", {"Sprogpakker": 0.9, "Pluspladser |": 0.85, "Forældrekurser": 0.85})
    assert "| Sprogpakker | 120.000 | 130.000 | 140.000 [1]|" in composition.short_answer
    assert "Pluspladser" not in composition.short_answer and "Forældrekurser" not in composition.short_answer


def test_every_likely_row_is_shown_when_no_row_is_named():
    composition = compose("Hvad koster indsatserne?", {"Sprogpakker": 0.9, "Pluspladser |": 0.85, "Forældrekurser": 0.85})
    assert all(label in composition.short_answer for label in ("| Sprogpakker", "| Pluspladser", "| Forældrekurser"))


def test_chart_labels_and_headings_never_count_as_sentences():
    composition = compose("Hvad er tidlig indsats?", {"Tidlig indsats": 0.9, "Sundhedsplejen": 0.8})
    assert "Tidlig indsats [" not in composition.body


def test_a_source_that_does_not_share_the_question_words_gets_no_section():
    composition = compose(
        "Hvor mange pluspladser er der?",
        {"500 pluspladser": 0.9, "sprogligt eller socialt": 0.8, "svømmehal": 0.5, "Svømmehallen": 0.5},
    )
    assert "sprogligt eller socialt" in composition.short_answer
    assert "Varde" not in composition.more and "svømmehal" not in composition.body


def test_each_part_of_a_multi_part_question_gets_its_own_best_unit():
    question = "Hvor mange pluspladser er der, og hvad tilbyder Holstebro nye forældre?"
    assert len(analyse_question(question).parts) == 2
    composition = compose(question, {"500 pluspladser": (0.9, 0.05), "Holstebro tilbyder": (0.05, 0.8)})
    short = composition.short_answer
    assert "500 pluspladser" in short and "Holstebro tilbyder kurser" in short
    assert short.index("500 pluspladser") < short.index("Holstebro tilbyder")


def test_a_later_part_asking_how_the_tool_works_gets_what_its_passage_says_next():
    """No unit holds "fungerer", and the tool's name resembles the second part most: the sentence after it tells how
    the tool works, and a likelier sentence further on does not."""
    index = FakeUnitIndex(
        [
            (
                "spejl-1",
                "Trivselsspejlet er kommunens fælles redskab til vurdering af alle børns trivsel. Alle børn vurderes to "
                "gange om året og placeres i grøn, gul eller rød. Andelen af børn i rød er steget.",
                KL,
            )
        ]
    )
    question = "Hvad hedder redskabet, og hvordan fungerer det?"
    assert [part.answer_type for part in analyse_question(question).parts][1] == "procedure"
    scores = {"Trivselsspejlet er": (0.9, 0.9), "to gange om året": (0.05, 0.05), "Andelen af børn": (0.1, 0.1)}
    short = compose(question, scores, index=index).short_answer
    assert "Trivselsspejlet er" in short and "to gange om året" in short


def test_who_sits_in_a_forum_is_answered_by_its_own_sentence_on_its_members_before_another_sections_list_item():
    index = FakeUnitIndex(
        [
            (
                "forum-1",
                "Konsultativt Forum mødes hver måned. Faste deltagere er en PPR-psykolog, en socialrådgiver, en "
                "sundhedsplejerske og en dagtilbudskonsulent.",
                KL,
            ),
            (
                "ansvar-1",
                "Ansvar:\n- Småbørnsteamet (psykolog, tale-hørekonsulent og fysioterapeut) deltager i forummet.\n- Lederen har ansvaret.",
                KL,
            ),
        ]
    )
    scores = {"Konsultativt Forum mødes": 0.9, "Faste deltagere": 0.3, "Småbørnsteamet": 0.2}
    short = compose("Hvem er det egentlig, der sidder i det forum?", scores, index=index).short_answer
    assert "Faste deltagere" in short, short
    assert "Småbørnsteamet" not in short or short.index("Faste deltagere") < short.index("Småbørnsteamet"), short


def test_a_count_part_gets_the_unit_counting_what_it_asks_for_not_another_count():
    index = FakeUnitIndex(
        [
            ("fs-1", "Et forløb i familiestuen varer ca. 12 uger. Der er plads til fire til otte familier ad gangen.", KL),
            ("vb-1", "Der indgår et motivationsforløb af op til 8 ugers varighed.", KBH),
        ]
    )
    question = "Hvor længe varer et forløb, og hvor mange familier er med?"
    # the second part's own words resemble the duration more than the sentence that answers it
    scores = {"12 uger": (0.9, 0.8), "8 ugers": (0.6, 0.5), "fire til otte": (0.05, 0.05)}
    short = compose(question, scores, index=index).short_answer
    assert "12 uger" in short and "fire til otte familier" in short


@pytest.mark.parametrize(("heading", "whole"), [("7. Indsatser, teamet kan sætte i gang", True), ("7. Teamet", False)])
def test_a_list_right_under_a_heading_naming_what_is_asked_is_shown_whole_below_a_likelier_table(heading, whole):
    offers = [
        "Rådgivning og vejledning af det pædagogiske personale, fx observation i barnets gruppe og sparring om tiltag.",
        "Korte forløb for familien på 4-8 samtaler med familiebehandler, i hjemmet eller i Familiehuset.",
        "Forældregruppen Trygge Rammer for forældre til børn på 3-9 år, otte mødegange á to timer om aftenen.",
        "Børnesamtaler med psykolog, op til fem samtaler pr. barn, i skolen eller i dagtilbuddet efter aftale.",
        "Ekstra hjemmebesøg af sundhedsplejerske, op til tre besøg, med fokus på søvn, spisning og rutiner.",
        "Sprogforløb i dagtilbuddet med tale-hørekonsulent, typisk af ti ugers varighed og med forældremøder.",
        "Brobygning til Familierådgivningen, hvis der er brug for mere, end teamet selv kan tilbyde familien.",
    ]
    index = FakeUnitIndex(
        [
            ("dtt-1", "Funktion | Timer\nSocialrådgiver | 24\nFamiliebehandler | 18", {**KBH, "block_kind": "table"}),
            ("dtt-2", heading + "\n\n" + "\n".join(f"- {offer}" for offer in offers), {**KL, "heading": heading}),
        ]
    )
    question = "Hvilke former for hjælp kan teamet sætte i gang for en familie?"
    scores = {"Socialrådgiver |": 0.9, "Familiebehandler |": 0.85, "Korte forløb": 0.3}
    short = compose(question, scores, index=index).short_answer
    assert "Korte forløb for familien" in short
    assert all(offer in short for offer in offers) is whole


def test_when_a_team_meets_is_answered_by_its_weekday_and_time_not_by_a_deadline():
    index = FakeUnitIndex(
        [
            (
                "ks-1",
                "Drøft bekymringen med klasseteamet senest 5 skoledage efter første notat. Teamet aftaler, hvem der "
                "tager kontakt til forældrene. Lederen orienteres, hvis teamet er i tvivl.",
                KL,
            ),
            ("ks-2", "Trivselsteamet mødes hver anden torsdag kl. 12.30-14.00 i mødelokale 2.", KBH),
        ]
    )
    question = "Hvornår mødes det team, hvor man kan tage en elev op?"
    scores = {"Drøft bekymringen": 0.9, "Teamet aftaler": 0.85, "Lederen orienteres": 0.8, "Trivselsteamet mødes": 0.5}
    short = compose(question, scores, index=index).short_answer
    assert short.startswith("Trivselsteamet mødes hver anden torsdag")


def test_a_count_of_the_asked_thing_moves_first_only_when_it_keeps_the_rarest_term_the_likeliest_unit_holds():
    index = FakeUnitIndex(
        [
            (
                "kl-1",
                "Flere anbragte unge får ikke en uddannelse. Anbragte børn trives dårligere. Anbringelser er dyre for "
                "kommunerne. Anbragte børn skifter ofte skole.",
                KL,
            ),
            ("op-1", "Omkring 57.100 børn og unge havde en psykiatrisk diagnose i 2019.", KBH),
        ]
    )
    question = "Hvor mange børn er anbragt i Danmark?"
    probabilities = {"Flere anbragte": 0.9, "trives": 0.85, "Anbringelser er": 0.8, "skifter": 0.75, "57.100": 0.7}
    units = [
        replace(s, features=({"rarest_term": float("anbragt" in s.unit.text.lower())},))
        for s in scored_units(question, probabilities, index=index)
    ]
    short = CitatComposer().compose(analyse_question(question), units, "answer", ()).short_answer
    # "57.100 børn" counts children, but not placed ones: it does not open the answer above them.
    assert short.startswith("Flere anbragte unge")


def test_a_question_for_someones_view_opens_with_the_unit_that_names_them():
    index = FakeUnitIndex(
        [
            ("bupl-1", "En tidlig forebyggende indsats består af opsporing og forældresamarbejde.", KL),
            ("kl-1", "En undersøgelse fra Danmarks Evalueringsinstitut (EVA) viser, at tidlig indsats mangler i dagtilbud.", KBH),
        ]
    )
    question = "Hvad siger EVA om tidlig indsats?"
    short = compose(question, {"består af": 0.9, "Evalueringsinstitut": 0.7}, index=index).short_answer
    assert short.startswith("En undersøgelse fra Danmarks Evalueringsinstitut (EVA)")


def test_an_effect_question_opens_with_the_unit_that_reports_a_result():
    index = FakeUnitIndex(
        [
            ("vida-1", "I 2015 deltog 18 institutioner i VIDA. VIDA retter sig mod hele børnegruppen.", KBH),
            ("vida-2", "VIDA står for vidensbaseret indsats.", KBH),
            ("vida-3", "VIDA har positive effekter på børns trivsel.", KBH),
        ]
    )
    question = "Virker VIDA?"
    probabilities = {"deltog 18": 0.8, "hele børnegruppen": 0.7, "står for": 0.6, "positive effekter": 0.3}
    units = [
        replace(s, features=({"answer_type": float(bool(RESULT_CUES.search(s.unit.text)))},))
        for s in scored_units(question, probabilities, index=index)
    ]
    short = CitatComposer().compose(analyse_question(question), units, "answer", ()).short_answer
    assert short.startswith("VIDA har positive effekter")


def test_a_list_the_document_introduces_with_the_question_asked_answers_it_first():
    index = FakeUnitIndex(
        [
            ("hed-1", "Vi skal samle flere fagligheder i én afdeling, så vi kan styrke vores politikker.", KBH),
            (
                "hed-2",
                "Hvorfor samler vi flere enheder i en?\n- Bedre samarbejde på tværs\n- En bedre balance mellem almen og special",
                KBH,
            ),
        ]
    )
    question = "Hvorfor vil kommunen samle flere faglige enheder i én afdeling?"
    probabilities = {"samle flere fagligheder": 0.9, "samarbejde": 0.1, "balance": 0.1}
    short = compose(question, probabilities, index=index).short_answer
    assert short.startswith("Hvorfor samler vi flere enheder i en?")
    assert "Bedre samarbejde på tværs" in short and "En bedre balance" in short


def test_a_parenthesis_after_a_sentence_stays_with_it_as_its_name():
    item = "For at skabe en bedre balance mellem almen og special. (Vippemodel)."
    index = FakeUnitIndex([("hed-3", f"Derfor samler vi enhederne:\n- {item}", KBH)])
    short = compose("Hvad er formålet med at samle enhederne?", {"bedre balance": 0.9}, index=index).short_answer
    assert "For at skabe en bedre balance mellem almen og special. (Vippemodel). [1]" in short


def test_a_part_named_missing_in_a_partial_answer_gets_no_short_answer():
    question = "Hvor mange pluspladser er der, og hvad tilbyder Holstebro nye forældre?"
    composition = compose(
        question, {"500 pluspladser": (0.9, 0.05), "Holstebro tilbyder": (0.05, 0.8)}, "partial", ("hvad tilbyder Holstebro nye forældre",)
    )
    assert "500 pluspladser" in composition.short_answer and "Holstebro" not in composition.short_answer


def test_markdown_from_documents_is_inert():
    composition = compose("Hvilket redskab bruges til tidlig opsporing?", {"Børnelinealen": 0.9})
    html = MarkdownIt("commonmark").render(composition.body)
    assert "Børnelinealen" in html and "<a " not in html and "<img" not in html


def test_every_quoted_sentence_is_supported_by_the_passage_it_cites():
    composition = compose(
        "Hvor mange pluspladser er der, og hvad anbefaler KL?",
        {"500 pluspladser": (0.9, 0.1), "forældrene inddrages": (0.1, 0.9), "Sprogpakker": (0.5, 0.1)},
    )
    verifier = CitationVerifier(INDEX.relevance)
    passages = {c.number: c.passage for c in composition.book.citations()}
    checks = verifier.check(composition.body, passages)
    assert checks and all(check.supported for check in checks)
    assert {c.number for c in composition.book.citations()} == {int(n) for n in re.findall(r"\[(\d+)\]", composition.body)}


def test_a_row_that_carries_its_headers_becomes_table_cells():
    index = FakeUnitIndex(
        [
            (
                "t",
                "Indsats | 2016 | 2017\nPluspladser – 2016: 527.000; 2017: 527.000\nSprogpakker – 2016: 120.000; 2017: 130.000",
                {**KBH, "block_kind": "table"},
            )
        ]
    )
    candidates = candidate_units(index.hits(), index)
    scored = [ScoredUnit(c.unit, c.hit, c.rank, c.group, ({},), (0.9 if "Sprog" in c.unit.text else 0.01,), 0.5) for c in candidates]
    composition = CitatComposer().compose(analyse_question("Hvad kostede sprogpakkerne i 2017?"), sorted(scored, key=lambda s: -s.score))
    assert composition.short_answer.splitlines() == [
        "| Indsats | 2016 | 2017 [1]|",
        "|---|---|---|",
        "| Sprogpakker | 120.000 | 130.000 [1]|",
    ]


def test_the_best_sentence_opens_the_answer_even_when_a_less_likely_one_stands_before_it():
    # "kl-1": the pluspladser sentence stands after the sundhedspleje sentence in the chunk.
    composition = compose("Hvor mange pluspladser er der?", {"500 pluspladser": 0.9, "Sundhedsplejen": 0.6})
    paragraphs = composition.short_answer.split("\n\n")
    assert paragraphs[0].startswith("Der er 500 pluspladser") and paragraphs[1].startswith("Sundhedsplejen besøger")


def test_a_row_without_values_answers_only_a_question_for_its_figure():
    index = FakeUnitIndex(
        [
            ("t", "Indsats | 2016 | 2017\nVIDA-projektet | - | -\nSprogpakker | 120.000 | 130.000", {**KBH, "block_kind": "table"}),
            ("s", "VIDA er en indsats for hele børnegruppen i børnehaven.", KBH),
        ]
    )
    probabilities = {"VIDA-projektet": 0.9, "VIDA er": 0.5}
    effect = compose("Virkede VIDA?", probabilities, index=index).short_answer
    cost = compose("Hvad kostede VIDA-projektet i 2017?", probabilities, index=index).short_answer
    assert "VIDA-projektet" not in effect and effect.startswith("VIDA er en indsats")
    assert "| VIDA-projektet | - | - [1]|" in cost
    opened = compose("Hvad er VIDA, og hvem er den rettet mod?", {"VIDA er": 0.9, "VIDA-projektet": 0.8}, index=index)
    assert "VIDA-projektet" not in opened.body  # nor under "Mere fra kilderne"


def test_a_charts_values_printed_apart_from_its_labels_are_shown_under_no_label():
    # KL figure 6 as ingest.structure gives it: the labels, then the values on a row of their own.
    index = FakeUnitIndex([("f", "Ikke-anbragte børn\nAnbragte børn\n6.7 | 4.5 | 17%", {**KL, "block_kind": "table"})])
    composition = compose("Hvad er karaktergennemsnittet for anbragte børn?", {"6.7": 0.9, "Anbragte": 0.8}, index=index)
    assert not re.search(r"6\.7|4\.5", composition.body)


def test_a_flattened_charts_rows_are_shown_as_printed_under_no_header():
    # KL figure 3 as ingest.structure gives it: its first row is a legend entry, not a column header.
    chart = "Ikke-kompetencegivende uddannelse*\nForældre til anbragte børn og unge\n54% | 34% | 12%\nAlle forældre til 0–17 årige | 27%"
    index = FakeUnitIndex([("f", chart, {**KL, "block_kind": "table"})])
    composition = compose("Hvor mange forældre har ingen uddannelse?", {"Alle forældre": 0.9}, index=index)
    assert composition.short_answer == "- Alle forældre til 0–17 årige: 27% [1]"


def test_a_flattened_charts_row_that_names_its_columns_is_shown_with_their_names():
    # KL figure 2 as ingest.structure gives it: the legend names the first series' values.
    chart = (
        "Ikke-kompetencegivende uddannelse\nForældre til anbragte børn og unge – Ikke-kompetencegivende uddannelse: 54%; "
        "Erhvervsfaglig uddannelse: 34%; Videregående uddannelse: 12%\nAlle forældre til 0–17 årige | 27%"
    )
    index = FakeUnitIndex([("f", chart, {**KL, "block_kind": "table"})])
    composition = compose("Hvor mange forældre til anbragte børn har ingen uddannelse?", {"54%": 0.9, "Alle forældre": 0.8}, index=index)
    assert composition.short_answer.startswith(
        "- Forældre til anbragte børn og unge – Ikke-kompetencegivende uddannelse: 54%; Erhvervsfaglig uddannelse: 34%; "
        "Videregående uddannelse: 12% [1]\n- Alle forældre til 0–17 årige: 27% [1]"
    )


def test_a_table_set_as_each_rows_label_above_its_values_is_shown_as_a_table():
    # A municipality's indicator table as its PDF's text gives it: each label, then its values on the line below.
    stack = (
        "Underretninger, hvor forældrene var orienteret forud (%)\n58 63 71 80\n"
        "Ventetid fra henvisning til første møde med PPR (dage)\n34 29 22 højst 20\n"
        "C. Samarbejde med forældre\n"
        "Forældre, der oplever at blive inddraget tidligt ved bekymring (%)\n67 70 74 80"
    )
    index = FakeUnitIndex([("i", stack, KL)])
    composition = compose("Hvor lang er ventetiden på første møde med PPR?", {"Underretninger": 0.9}, index=index)
    assert "| Ventetid fra henvisning til første møde med PPR (dage) | 34 | 29 | 22 | højst 20 [1]|" in composition.short_answer
    assert "| Underretninger, hvor forældrene var orienteret forud (%) | 58 | 63 | 71 | 80 [1]|" in composition.short_answer
    assert "Samarbejde med forældre" not in composition.short_answer  # a group's label, with no values of its own


@pytest.mark.parametrize("lead_in", ["For eksempel:", "Det gør de på forskellige måder:"])
def test_a_short_lead_in_or_one_that_points_back_comes_with_the_sentence_before_it(lead_in: str):
    index = FakeUnitIndex([("l", f"Institutionerne bruger pengene på ekstra hænder. {lead_in}\n- mindre grupper\n- fast struktur", KL)])
    candidates = candidate_units(index.hits(), index)
    scored = [ScoredUnit(c.unit, c.hit, c.rank, c.group, ({},), (0.9 if "grupper" in c.unit.text else 0.2,), 0.5) for c in candidates]
    composition = CitatComposer().compose(analyse_question("Hvad bruger de pengene til?"), sorted(scored, key=lambda s: -s.score))
    assert composition.short_answer.splitlines()[0] == f"Institutionerne bruger pengene på ekstra hænder. [1] {lead_in} [1]"
    assert composition.body.count("Institutionerne bruger pengene") == 1


@pytest.mark.parametrize(
    ("above", "shown"),
    [
        # a finding is a sentence with its marker; a title is shown in bold, as a section's title is
        ("Få dagtilbud gør en forskel for udsatte børn", "Få dagtilbud gør en forskel for udsatte børn [1]"),
        ("Dagtilbuddenes oplevelse", "**Dagtilbuddenes oplevelse**"),
    ],
)
def test_a_slide_line_above_a_short_lead_in_is_shown_on_its_own_line_not_run_into_it(above: str, shown: str):
    index = FakeUnitIndex([("s", f"{above}\nResultater for vuggestuer:\n- 38 pct. har god kvalitet\n- 49 pct. har ringe kvalitet", KBH)])
    composition = compose("Hvor mange vuggestuer har god kvalitet?", {"38 pct.": 0.9, "49 pct.": 0.8}, index=index)
    assert composition.short_answer.splitlines()[:3] == [shown, "Resultater for vuggestuer: [1]", "- 38 pct. har god kvalitet [1]"]


CASE = {"title": "De udsatte børn", "year": 2015, "location": "CASE #7", "doc_id": "kl.txt", "case_number": 7, "block_kind": "case"}
CASE_INDEX = FakeUnitIndex(
    [
        (
            "case-1",
            "Københavns Kommune satte socialrådgivere ind på 29 skoler. Skolerne blev udvalgt efter forældrenes indkomst.",
            CASE,
        ),
        ("other-1", "Socialrådgivere på skoler findes også i andre kommuner. Mange skoler ønsker dem.", KL),
        (
            "case-2",
            "Evalueringen viser en positiv indflydelse på trivslen. Fraværet faldt med 10 pct. på to år. "
            "Konflikterne faldt med 22 pct. på to år. Projektet sluttede i 2010. Ordningen fik 14 pct. flere timer.",
            CASE,
        ),
    ]
)


def _case_result(s: ScoredUnit) -> bool:
    """What the evidence scorer's case_result feature says: a result cue inside a case example."""
    return s.hit.passage.metadata.get("case_number") == 7 and bool(re.search(r"pct\.|viser", s.unit.text))


@pytest.mark.parametrize(
    "question",
    [
        "Hvilke resultater har København set af socialrådgivere på skolerne?",
        # a place question answered from a case: the municipality and what it achieved
        "Hvilken kommune har haft socialrådgivere på skolerne?",
    ],
)
def test_a_case_answer_brings_the_results_of_its_case_in_document_order(question):
    analysis = analyse_question(question)
    scored = [
        ScoredUnit(s.unit, s.hit, s.rank, s.group, ({"case_result": float(_case_result(s))},), s.part_scores, s.coverage)
        for s in scored_units(question, {"29 skoler": 0.9, "14 pct.": 0.12, "andre kommuner": 0.5}, index=CASE_INDEX)
    ]
    text = CitatComposer().compose(analysis, scored).short_answer
    results = ["Evalueringen viser", "10 pct.", "22 pct.", "14 pct."]
    assert text.index("29 skoler") < min(text.index(r) for r in results)
    assert [text.index(r) for r in results] == sorted(text.index(r) for r in results)
    assert "Projektet sluttede" not in text  # no result cue: not a result


def _with_topic(
    question: str, topic: str, label: str, probabilities, index: FakeUnitIndex = INDEX
) -> tuple[QuestionAnalysis, list[ScoredUnit]]:
    """The analysis of ``question`` with a guidance topic as its last part, and its scored units."""
    analysis = analyse_question(question)
    analysis = replace(analysis, parts=(*analysis.parts, QuestionPart(topic, "procedure", tuple(content_terms(topic)), label)))
    scored = [
        ScoredUnit(s.unit, s.hit, s.rank, s.group, ({}, {"coverage": index_coverage(topic, s, index)}), s.part_scores, s.coverage)
        for s in scored_units(question, probabilities, 2, index=index)
    ]
    return analysis, scored


PLACES = [
    ("fam", "Der er 10 familiepladsinstitutioner med hver 5 familiepladser. Familiepladserne er en forebyggende indsats.", KBH),
    ("plus", "Pluspladserne skal styrke den tidlige indsats til børn, som er sprogligt eller socialt udfordrede.", KBH),
    ("budget", "Indsats | 2016 | 2017\nPluspladser | 527.000 | 527.000\nSprogpakker | 120.000 | 130.000", {**KBH, "block_kind": "table"}),
]


@pytest.mark.parametrize(
    ("question", "both"),
    [
        ("Hvad er forskellen på en plusplads og en familieplads?", True),
        ("Hvad er en familieplads?", False),  # one thing asked: the other is no side of it
    ],
)
def test_a_question_for_a_difference_gets_a_unit_on_each_side(question, both):
    """The likeliest units were all on familiepladser; the pluspladser came from the sentence that says what
    they are, not from the likelier budget row (no figure is asked for)."""
    probabilities = {"familiepladsinstitutioner": 0.9, "Pluspladser |": 0.2, "Pluspladserne skal": 0.05}
    text = compose(question, probabilities, index=FakeUnitIndex(PLACES)).short_answer
    assert "10 familiepladsinstitutioner" in text
    assert ("Pluspladserne skal styrke" in text) is both
    assert "527.000" not in text


def test_a_guidance_topic_shows_only_units_that_share_its_words_under_its_label():
    probabilities = {"500 pluspladser": (0.9, 0.1), "forældrene inddrages": (0.1, 0.6), "Svømmehallen": (0.01, 0.9)}
    analysis, scored = _with_topic("Hvor mange pluspladser er der?", "forældrene inddrages tidligt", "Forældrene", probabilities)
    text = CitatComposer().compose(analysis, scored).short_answer
    answer, section = text.split("\n\n**Forældrene**\n")
    assert "500 pluspladser" in answer
    assert "At forældrene inddrages tidligt" in section and "KL anbefaler tre ting:" in section
    assert "At kommunerne styrker" in section  # a list this short, cut, would read as cut off
    assert "Svømmehallen" not in text  # likely, but shares none of the topic's words


def _parents_topic_section(question: str, listed: str, probabilities) -> str:
    """The short answer to ``question`` from a plusplads sentence and ``listed``, with the guidance topic
    "Forældrene" as a second part (each unit's coverage of the topic 0.5)."""
    index = FakeUnitIndex([("plads", "Der er 500 pluspladser i byen.", KL), ("liste", listed, KL)])
    analysis = analyse_question(question)
    topic = "forældrene inddrages tidligt"
    analysis = replace(analysis, parts=(*analysis.parts, QuestionPart(topic, "procedure", (), "Forældrene")))
    scored = [
        ScoredUnit(s.unit, s.hit, s.rank, s.group, ({}, {"coverage": 0.5}), s.part_scores, s.coverage)
        for s in scored_units(question, probabilities, 2, index=index)
    ]
    return CitatComposer().compose(analysis, scored).short_answer


LONG_LIST = (
    "KL anbefaler:\n"
    "- At kommunerne styrker den tidlige opsporing i dagtilbud gennem en fælles model på tværs af børne- og ungeområdet\n"
    "- At forældrene inddrages tidligt, når en pædagog bliver bekymret for et barn, og at de ses som en ressource\n"
    "- At pædagoger får sparring fra PPR og socialrådgivere tæt på hverdagen i institutionen og skolen\n"
    "- At kommunerne følger op på indsatsen med data om børnenes trivsel, læring og udvikling fra år til år"
)


@pytest.mark.parametrize(
    ("probabilities", "whole"),
    [
        ({"pluspladser": (0.9, 0.01), "forældrene inddrages": (0.01, 0.6), "sparring": (0.01, 0.05)}, False),  # its likely items
        ({"pluspladser": (0.9, 0.01), "forældrene inddrages": (0.01, 0.6), "At ": (0.01, 0.25)}, True),  # all about as likely
    ],
)
def test_a_guidance_topic_shows_a_long_list_whole_only_when_every_item_is_about_as_likely(probabilities, whole):
    section = _parents_topic_section("Hvor mange pluspladser er der?", LONG_LIST, probabilities)
    assert "At forældrene inddrages tidligt" in section
    assert ("At pædagoger får sparring" in section) is whole


NUMBERED_STEPS = (
    "Sådan gør du:\n"
    "1. Skriv ned, hvad du har set og hørt hos barnet, og hvornår det skete, så du og dine kolleger senere kan vende "
    "tilbage til det og se, om billedet ændrer sig\n"
    "2. Tal med din leder om bekymringen inden for to dage, og aftal, hvem der gør hvad i den kommende tid, og hvem "
    "der har kontakten til familien\n"
    "3. Inviter forældrene tidligt til en samtale om det, I har set, og spørg, hvordan de selv oplever barnet "
    "derhjemme og i andre sammenhænge\n"
    "4. Aftal en dato for opfølgning, og skriv ned, om indsatsen har hjulpet, eller om der skal mere til, fx "
    "sparring med PPR eller en socialrådgiver"
)


@pytest.mark.parametrize(
    ("question", "whole"),
    [
        ("Hvad gør jeg, når jeg er bekymret for en pige i min gruppe?", True),  # asks what to do: the steps, whole
        ("Hvor mange pluspladser er der?", False),  # a count: the likely step alone
    ],
)
def test_a_numbered_list_under_a_guidance_topic_is_whole_when_the_question_asks_what_to_do(question, whole):
    probabilities = {"pluspladser": (0.9, 0.01), "Inviter forældrene": (0.01, 0.6), "Skriv ned": (0.01, 0.05)}
    section = _parents_topic_section(question, NUMBERED_STEPS, probabilities)
    assert "Inviter forældrene tidligt" in section
    assert ("Skriv ned, hvad du har set" in section and "Aftal en dato" in section) is whole


TWO_POINTS = "\n".join(NUMBERED_STEPS.splitlines()[:1] + NUMBERED_STEPS.splitlines()[3:])  # steps 3 and 4 alone


@pytest.mark.parametrize(
    ("question", "listed", "first"),
    [
        ("Hvad gør jeg, når jeg er bekymret for en pige i min gruppe?", NUMBERED_STEPS, True),  # the steps answer it
        ("Hvor mange pluspladser er der?", NUMBERED_STEPS, False),  # a count is no ask for steps
        ("Hvad gør jeg, når jeg er bekymret for en pige i min gruppe?", TWO_POINTS, False),  # two points are no procedure
    ],
)
def test_a_procedures_numbered_steps_open_the_answer_to_a_question_asking_what_to_do(question, listed, first):
    probabilities = {"pluspladser": (0.9, 0.01), "Inviter forældrene": (0.01, 0.6), "Skriv ned": (0.01, 0.5), "Aftal": (0.01, 0.5)}
    text = _parents_topic_section(question, listed, probabilities)
    assert "Inviter forældrene tidligt" in text
    assert text.startswith("Sådan gør du:") is first
    assert ("**Forældrene**" in text) is not first  # the steps were the topic's only block


def _worry_with_parents_topic(question: str, chunks, probabilities) -> tuple[QuestionAnalysis, str]:
    """The analysis of ``question`` with the guidance topic "Forældrene" as its last part (each unit's coverage of
    the topic 0.5), and the short answer composed from ``chunks``."""
    analysis = analyse_question(question)
    analysis = replace(analysis, parts=(*analysis.parts, QuestionPart("forældrene inddrages tidligt", "procedure", (), "Forældrene")))
    scored = [
        ScoredUnit(s.unit, s.hit, s.rank, s.group, ({}, {"coverage": 0.5}), s.part_scores, s.coverage)
        for s in scored_units(question, probabilities, 2, index=FakeUnitIndex(chunks))
    ]
    return analysis, CitatComposer().compose(analysis, scored).short_answer


HINDRANCE = "En tredje hindring er, at ikke alle fagpersoner ved, hvornår man bør være bekymret for et barn, der trækker sig."


@pytest.mark.parametrize(
    ("question", "listed", "own"),
    [
        ("Hvad gør jeg, hvis jeg er bekymret for et barn?", NUMBERED_STEPS, False),  # no situation: the steps only
        ("Hvad gør jeg, hvis jeg er bekymret for et barn?", LONG_LIST, False),  # ... and no bullets resembling the worry
        ("Hvad gør jeg, når en pige i min gruppe trækker sig?", NUMBERED_STEPS, True),  # her own situation: its units
    ],
)
def test_a_worry_that_tells_no_situation_of_its_own_gets_only_a_procedures_steps_as_its_own_units(question, listed, own):
    # KL's "En tredje hindring er, at ikke alle fagpersoner ... hvornår man bør være bekymret for et barn" had
    # opened "Hvad gør jeg, hvis jeg er bekymret for et barn?": it resembles the worry and answers nothing.
    probabilities = {"hindring": (0.9, 0.01), "forældrene": (0.6, 0.6), "Inviter": (0.6, 0.6), "Skriv ned": (0.6, 0.05)}
    analysis, text = _worry_with_parents_topic(question, [("hindring", HINDRANCE, KL), ("liste", listed, KL)], probabilities)
    assert analysis.is_concern
    assert ("En tredje hindring" in text) is own
    if listed is NUMBERED_STEPS:
        assert text.startswith("Sådan gør du:")  # the steps open it either way


PICKUP = "Hvis en forælder virker påvirket, når barnet hentes, kontakter du straks din leder, og ved akut fare ringer du 112."


@pytest.mark.parametrize(
    ("question", "situation_first"),
    [
        ("En far kommer for at hente sin søn, og han virker fuld. Hvad gør jeg?", True),  # the guidance for it opens
        ("En far kommer for at hente sin søn, og han virker fuld. Hvad skal jeg gøre først?", False),  # where to begin
    ],
)
def test_a_block_holding_the_situation_a_worry_tells_opens_it_above_the_general_steps(question, situation_first):
    probabilities = {"påvirket": (0.7, 0.01), "Skriv ned": (0.6, 0.05), "Inviter": (0.6, 0.05), "Aftal": (0.6, 0.05)}
    analysis, text = _worry_with_parents_topic(question, [("hent", PICKUP, KL), ("liste", NUMBERED_STEPS, KL)], probabilities)
    assert analysis.is_concern and "ringer du 112" in text and "Sådan gør du:" in text
    assert (text.index("ringer du 112") < text.index("Sådan gør du:")) is situation_first


def test_a_guidance_topic_the_question_asks_for_shows_its_whole_list():
    probabilities = {"500 pluspladser": (0.9, 0.1), "forældrene inddrages": (0.1, 0.6)}
    analysis, scored = _with_topic("Hvor mange pluspladser er der?", "forældrene inddrages tidligt", "Forældrene", probabilities)
    section = CitatComposer().compose(analysis, scored, asked_topics=("Forældrene",)).short_answer.split("**Forældrene**\n")[1]
    items = [line for line in section.splitlines() if line.startswith("- ")]
    assert items == [
        "- At kommunerne styrker den tidlige opsporing i dagtilbud [1]",
        "- At forældrene inddrages tidligt [1]",
        "- At pædagoger får sparring fra PPR [1]",
    ]


def test_a_guidance_topic_without_a_unit_naming_it_is_left_out():
    question = "Hvor mange pluspladser er der?"
    topic = "hvornår skal man underrette om et barn i vuggestuer"
    analysis = analyse_question(question)
    part = QuestionPart(topic, "procedure", tuple(content_terms(topic)), "Underretning")
    analysis = replace(analysis, parts=(*analysis.parts, part))
    probabilities = {"500 pluspladser": (0.9, 0.1), "sprogligt eller socialt": (0.1, 0.8)}
    scored = [
        ScoredUnit(s.unit, s.hit, s.rank, s.group, ({}, {"coverage": 1.0}), s.part_scores, s.coverage)
        for s in scored_units(question, probabilities, 2)
    ]
    text = CitatComposer().compose(analysis, scored).short_answer
    assert "Underretning" not in text and "sprogligt eller socialt" not in text  # likely, but never names the topic


SPARRING = [
    ("egen", "En pige, der trækker sig fra legen, har brug for en voksen tæt på.", KL),
    (
        "kontakt",
        "Den hyppige kontakt med socialrådgiveren øger muligheden for sparring om bekymringer for et barn. "
        "Samtidig vil det tætte samarbejde øge fokus på at agere tidligt.",
        KL,
    ),
    ("partner", "Socialrådgiveren fungerer som sparringspartner for personalet, når et barn vækker bekymring.", KL),
    ("netvaerk", "Forældrene inddrages sjældent, når et barn skal anbringes, og bekymringen deles ikke med dem.", KL),
]


def _sparring_answer(probabilities: dict[str, tuple[float, float]], chunks=SPARRING) -> str:
    question, topic = "En pige i min gruppe trækker sig. Hvem kan jeg tale med?", "sparring med socialrådgiver ved bekymring for et barn"
    analysis, scored = _with_topic(question, topic, "Sparring", probabilities, FakeUnitIndex(chunks))
    return CitatComposer().compose(analysis, scored).short_answer.split("**Sparring**\n")[1]


OWN = {"trækker sig fra legen": (0.5, 0.01)}


def test_a_guidance_topic_shows_its_likely_units_from_other_chunks_though_the_worry_shares_no_word_with_them():
    """The worry's own words ("trækker sig") are no test of the guidance; the continuation of the topic's
    first sentence ("Samtidig ...") does not take the place of its second unit."""
    section = _sparring_answer({**OWN, "hyppige kontakt": (0.01, 0.09), "sparringspartner": (0.01, 0.07), "anbringes": (0.01, 0.03)})
    assert "Samtidig vil det tætte samarbejde" in section
    assert "Socialrådgiveren fungerer som sparringspartner" in section
    assert "anbringes" not in section  # shares the topic's words, but is neither likely nor about the worry


def test_a_guidance_topic_unit_from_another_chunk_must_be_nearly_as_likely_as_its_best_when_the_worry_shares_no_word():
    section = _sparring_answer({**OWN, "hyppige kontakt": (0.01, 0.09), "sparringspartner": (0.01, 0.04)})
    assert "Den hyppige kontakt" in section and "sparringspartner" not in section


def test_a_guidance_topic_beside_the_one_a_worry_asks_for_quotes_one_passage():
    probabilities = {**OWN, "hyppige kontakt": (0.01, 0.09), "sparringspartner": (0.01, 0.08)}
    question, topic = "En pige i min gruppe trækker sig. Hvem kan jeg tale med?", "sparring med socialrådgiver ved bekymring for et barn"
    analysis, scored = _with_topic(question, topic, "Sparring", probabilities, FakeUnitIndex(SPARRING))
    aside = CitatComposer().compose(analysis, scored, asked_topics=("Forældrene",)).short_answer.split("**Sparring**\n")[1]
    assert "Den hyppige kontakt" in aside and "Samtidig vil det tætte samarbejde" in aside  # its passage, whole
    assert "sparringspartner" not in aside
    assert "sparringspartner" in _sparring_answer(probabilities)  # no topic asked for: two passages


def test_a_guidance_topic_stops_after_a_long_block():
    """A topic is one voice among four in a concern answer: after 500 characters it has said its piece."""
    long_first = "Den hyppige kontakt med socialrådgiveren øger muligheden for sparring om bekymringer for et barn, " * 6
    chunks = [SPARRING[0], ("kontakt", long_first.strip(), KL), *SPARRING[2:]]
    section = _sparring_answer({**OWN, "hyppige kontakt": (0.01, 0.09), "sparringspartner": (0.01, 0.08)}, chunks)
    assert "Den hyppige kontakt" in section and "sparringspartner" not in section


def test_a_guidance_topic_takes_a_further_sentence_of_a_passage_it_quotes_in_document_order():
    """A topic quotes two passages; a third sentence of one of them needs no slot of its own and reads in
    its place in the passage, though it is less likely than the sentence after it. A third passage waits."""
    kontakt = (
        "kontakt",
        "Sparring om bekymringer for et barn kan ske med socialrådgiveren hver uge. "
        "Den hyppige kontakt med socialrådgiveren øger muligheden for sparring om bekymringer for et barn.",
        KL,
    )
    chunks = [SPARRING[0], kontakt, SPARRING[2], ("ppr", "PPR tilbyder sparring om bekymringer for et barn hver måned.", KL)]
    probabilities = {
        "hyppige kontakt": (0.01, 0.09),
        "sparringspartner": (0.01, 0.08),
        "PPR tilbyder": (0.01, 0.07),
        "hver uge": (0.01, 0.06),
    }
    section = _sparring_answer({**OWN, **probabilities}, chunks)
    assert "Sparring om bekymringer for et barn kan ske med socialrådgiveren hver uge. [2] Den hyppige kontakt" in section
    assert "sparringspartner" in section and "PPR tilbyder" not in section


def test_a_second_list_under_the_same_lead_in_words_keeps_its_lead_in():
    """KL heads each chapter's recommendations with "KL anbefaler:"; a second list without it would read as
    the first one's continuation."""
    second = (
        "KL anbefaler:\n"
        "- At sundhedsplejen styrker den tidlige opsporing i familierne gennem flere hjemmebesøg\n"
        "- At tandplejen bliver en fast del af det tværprofessionelle samarbejde om opsporing"
    )
    index = FakeUnitIndex([("kl", LONG_LIST, KL), ("kl2", second, KL)])
    question = "Hvad anbefaler KL om tidlig opsporing?"
    probabilities = {"styrker den tidlige opsporing i dagtilbud": 0.9, "sundhedsplejen styrker": 0.8, "tandplejen": 0.7}
    text = compose(question, probabilities, index=index).short_answer
    assert text.count("KL anbefaler:") == 2
    assert "KL anbefaler: [2]\n- At sundhedsplejen styrker" in text


def index_coverage(text: str, unit: ScoredUnit, index: FakeUnitIndex = INDEX) -> float:
    return index.relevance.coverage(content_terms(text), unit.unit.search_text)


def test_a_question_for_a_sum_is_answered_by_the_unit_that_names_one():
    question = "Hvad koster sprogpakkerne i 2017?"
    likely = {"sprogligt eller socialt": 0.9, "Svømmehallen": 0.85, "Sundhedsplejen besøger": 0.8, "Sprogpakker": 0.3}
    text = compose(question, likely).short_answer
    # Three likelier units name no sum: the budget row comes first, with its header.
    assert text.startswith("| Indsats | 2016 | 2017 | 2018 [1]|\n|---|---|---|---|\n| Sprogpakker | 120.000 | 130.000 | 140.000 [1]|")
    assert "Svømmehallen" not in text  # likely, but it shares none of the question's words


@pytest.mark.parametrize(("rarest", "opening"), [("pluspladser", "Der er 500 pluspladser"), ("opsporing", "KL anbefaler tre ting")])
def test_a_list_moves_first_for_a_which_question_only_when_it_keeps_the_rarest_term_the_likeliest_unit_holds(rarest, opening):
    """"Hvilke erfaringer ..." expects a list, less surely than "hvor mange" a figure: a list that leaves
    out the term the likeliest sentence holds (here "pluspladser") does not open the answer above it."""
    question = "Hvilke erfaringer har kommunerne med pluspladser og opsporing?"
    likely = {"500 pluspladser": 0.9, "Sundhedsplejen": 0.85, "Pladserne er": 0.8, "Holstebro": 0.75}
    units = scored_units(question, {**likely, "KL anbefaler": 0.6, "styrker den": 0.6, "inddrages": 0.6, "sparring": 0.6})
    units = [replace(u, features=({"rarest_term": float(rarest in u.unit.text)},)) for u in units]
    text = CitatComposer().compose(analyse_question(question), units, "answer", ()).short_answer
    assert analyse_question(question).answer_type == "list"
    assert text.startswith(opening)


def test_a_partial_answer_lacking_the_asked_figure_does_not_promote_other_figures():
    question = "Hvad koster sprogpakkerne i 2017?"
    text = compose(question, {"sprogligt eller socialt": 0.9, "Sprogpakker": 0.1}, outcome="partial").short_answer
    assert text.startswith("Pladserne er til børn") and "130.000" not in text


@pytest.mark.parametrize(
    ("chunk", "question", "key", "expected"),
    [
        # The next sentence points back to the chosen one: it comes along. "Norge har også ..." does not
        # point back, so it waits for its own score.
        (
            "Sverige og Norge bruger færre penge på anbringelser end Danmark. Det skyldes, at de arbejder mere "
            "med forebyggelse. Norge har også flere plejefamilier. Det gælder også Finland. Island har få anbringelser.",
            "Hvorfor bruger Sverige færre penge på anbringelser?",
            "færre penge",
            "Sverige og Norge bruger færre penge på anbringelser end Danmark. [1] "
            "Det skyldes, at de arbejder mere med forebyggelse. [1]",
        ),
        # The chosen sentence points back: the one before it comes first. The next paragraph (a line of
        # its own in the chunk) points back to nothing of this one.
        (
            "Familiestuen er et tilbud til børn i alderen 2-6 år. Det kan være børn, der er urolige.\n"
            "Det skyldes ikke kun forældrene.",
            "Hvilke børn kommer i Familiestuen?",
            "urolige",
            "Familiestuen er et tilbud til børn i alderen 2-6 år. [1] Det kan være børn, der er urolige. [1]",
        ),
        # A sentence opening with a demonstrative brings the one it points back to ...
        (
            "Herning har i 2013 igangsat Sverigesprojektet i tre områder. I disse tre områder er antallet af sager 20 pr. rådgiver.",
            "Hvor mange sager har rådgiverne i den svenske model?",
            "20 pr. rådgiver",
            "Herning har i 2013 igangsat Sverigesprojektet i tre områder. [1] "
            "I disse tre områder er antallet af sager 20 pr. rådgiver. [1]",
        ),
        # ... but tells more of what the chosen sentence names, which reads without it: it waits for its own score.
        (
            "Herning har i 2013 igangsat Sverigesprojektet i tre områder. I disse tre områder er antallet af sager 20 pr. rådgiver.",
            "Hvornår startede Herning Sverigesprojektet?",
            "igangsat",
            "Herning har i 2013 igangsat Sverigesprojektet i tre områder. [1]",
        ),
    ],
)
def test_a_sentence_that_points_back_reads_with_the_sentence_it_points_to(chunk, question, key, expected):
    text = compose(question, {key: 0.9}, index=FakeUnitIndex([("chunk", chunk, KL)])).short_answer
    assert text == expected


@pytest.mark.parametrize(("rarest_in", "completed"), [("generaliseres", True), ("Den er baseret", False), ("78 kommuner", False)])
def test_the_sentence_after_the_chosen_one_comes_along_when_it_alone_holds_the_questions_rarest_term(rarest_in, completed):
    """The likeliest sentence may only restate the question; the next one, holding the term it turns on, answers it."""
    chunk = (
        "Den er baseret på kvalitative interview i 24 daginstitutioner. Undersøgelsen er ikke repræsentativ, og "
        "resultaterne kan ikke generaliseres.\n78 kommuner svarede på spørgeskemaet."
    )
    question = "Kan man generalisere resultaterne fra interviewene i de 24 daginstitutioner?"
    index = FakeUnitIndex([("kora", chunk, KL)])
    scored = [
        replace(s, features=({"rarest_term": float(rarest_in in s.unit.text)},))
        for s in scored_units(question, {"Den er baseret": 0.9, "generaliseres": 0.05}, index=index)
    ]
    text = CitatComposer().compose(analyse_question(question), scored, "answer", ()).short_answer
    assert text.startswith("Den er baseret på kvalitative interview i 24 daginstitutioner. [1]")
    assert ("Undersøgelsen er ikke repræsentativ" in text) is completed
    assert "78 kommuner" not in text


@pytest.mark.parametrize(
    ("question", "staff_first"),
    [("Hvilke fagfolk er der ansat i teamet?", True), ("Hvem har ansvaret for teamet?", False)],
)
def test_a_question_for_people_in_the_plural_opens_with_the_sentence_naming_the_professions(question, staff_first):
    chunk = (
        "Småbørnsteamet er kommunens tværfaglige enhed for tidlig indsats. Teamet har 12,5 årsværk fordelt på "
        "3,5 tale-hørekonsulenter, 2 psykologer, 1,5 fysioterapeuter og 0,5 koordinator. Teamet ledes af PPR-lederen."
    )
    likely = {"Småbørnsteamet": 0.9, "Teamet har": 0.02, "Teamet ledes": 0.02}
    text = compose(question, likely, index=FakeUnitIndex([("faxe", chunk, KL)])).short_answer
    assert text.startswith("Teamet har 12,5 årsværk") is staff_first
    assert text.startswith("Småbørnsteamet er") is not staff_first


@pytest.mark.parametrize(
    ("chosen", "completed"),
    [
        ("Vær også opmærksom på de stille børn.", True),  # names its point only
        ("Vær opmærksom på 2 ting.", False),  # a figure answers by itself
        ("Vær også opmærksom på de stille børn, som sjældent selv tager kontakt til de voksne i hverdagen.", False),
    ],
)
def test_a_sentence_that_only_names_its_point_comes_with_the_next_sentence_of_its_paragraph(chosen, completed):
    chunk = f"{chosen} Børn, som ikke er urolige, bliver erfaringsmæssigt opdaget senere.\n\nTab af ord skal altid undersøges."
    question = "Skal vi holde øje med de stille børn?"
    likely = {chosen[:12]: 0.9, "Børn, som": 0.01, "Tab af": 0.01}
    text = compose(question, likely, index=FakeUnitIndex([("sprog", chunk, KL)])).short_answer
    assert ("opdaget senere" in text) is completed
    assert "Tab af ord" not in text


@pytest.mark.parametrize("weak", [True, False])
def test_a_weak_partial_answer_opens_with_the_unit_holding_the_period_asked_for(weak):
    question = "Hvor længe kan vi bruge et samtykke fra forældrene?"
    chunk = (
        "Åben PPR holdes ugentligt i 1 time uden samtykke.\n\nRessourcemødet holdes hver anden uge med forældrene.\n\n"
        "Tværfagligt team mødes månedligt og kræver samtykke.\n\nDialogmødet holdes to gange årligt.\n\n"
        "Forældresamtykket gælder for den konkrete sag og højst 1 år."
    )
    likely = {"Åben PPR": 0.9, "Ressourcemødet": 0.8, "Tværfagligt": 0.7, "Dialogmødet": 0.6, "Forældresamtykket": 0.3}
    analysis = analyse_question(question)
    scored = scored_units(question, likely, index=FakeUnitIndex([("ppr", chunk, KL)]))
    text = CitatComposer().compose(analysis, scored, "partial", (), weak=weak).short_answer
    assert text.startswith("Forældresamtykket gælder") is weak


ATTENDANCE_RULES = FakeUnitIndex(
    [
        (
            "fravaer",
            "Er en elev ikke mødt, kontakter skolen forældrene senest kl. 9.30 samme dag. For elever i 0.-3. klasse "
            "kontaktes forældrene allerede kl. 8.30.\n\nFraværet registreres dagligt.",
            KL,
        )
    ]
)


@pytest.mark.parametrize(
    ("question", "completed"),
    [
        ("Jeg er pædagog i en 1. klasse. Hvornår skal vi senest ringe hjem, hvis en elev ikke er mødt?", True),
        ("Jeg er lærer i 7. klasse. Hvornår skal vi senest ringe hjem, hvis en elev ikke er mødt?", False),  # not its grades
        ("Hvornår skal vi senest ringe hjem, hvis en elev ikke er mødt?", False),  # no grade told
    ],
)
def test_a_rule_comes_with_the_next_sentence_narrowing_it_to_the_grade_asked_about(question, completed):
    text = compose(question, {"Er en elev": 0.9, "For elever": 0.01, "Fraværet": 0.01}, index=ATTENDANCE_RULES).short_answer
    assert text.startswith("Er en elev ikke mødt")
    assert ("kl. 8.30" in text) is completed


@pytest.mark.parametrize(
    ("question", "chosen", "completed"),
    [
        ("Hvad er forklaringen på, at ventetiden faldt?", "Ventetiden faldt i 2023 for alle faggrupper.", True),
        ("Er det et tegn på travlhed, eller hænger det sammen med ventetiden?", "Ventetiden faldt i 2023 for alle faggrupper.", True),
        ("Hvor lang var ventetiden?", "Ventetiden faldt i 2023 for alle faggrupper.", False),  # no reason asked
        # A sentence reporting no figure or change gets no cause: the next one gives the report's own reason.
        ("Hvad er forklaringen på ventetiden?", "Rapporten giver et samlet billede af ventetiden i teamet.", False),
    ],
)
def test_a_question_asking_why_gets_the_cause_given_right_after_the_change_it_explains(question, chosen, completed):
    chunk = f"{chosen} Det ugentlige triagemøde forklarer det meste, fordi sagerne fordeles hurtigere.\n\nTeamet ledes af PPR."
    likely = {chosen[:12]: 0.9, "Det ugentlige": 0.01, "Teamet ledes": 0.01}
    text = compose(question, likely, index=FakeUnitIndex([("ventetid", chunk, KL)])).short_answer
    assert ("triagemøde" in text) is completed
    assert "Teamet ledes" not in text


def test_a_documents_title_block_is_no_answer():
    strategy = {"title": "Sprogstrategi for børn 0-6 år 2024–2027", "publisher": "Vordingborg Kommune, Center for Dagtilbud", "year": 2024}
    chunk = (
        "Center for Dagtilbud Sprogstrategi for børn 0-6 år 2024–2027.\n\n"
        "Alle børn tilbydes en sprogvurdering, når de er mellem 2 år og 10 måneder og 3 år og 4 måneder."
    )
    likely = {"Center for Dagtilbud": 0.9, "Alle børn": 0.6}
    answer = compose("Hvor gamle skal børnene være, når de sprogvurderes?", likely, index=FakeUnitIndex([("strategi", chunk, strategy)]))
    assert answer.short_answer.lstrip().startswith("Alle børn")
    assert "Center for Dagtilbud" not in answer.short_answer + answer.more


def test_a_table_row_that_repeats_what_the_answer_shows_is_left_out():
    slide = "Rollespil i trioer\n- Tre roller: pædagog, forælder og observatør\n- Alle prøver alle tre roller"
    programme = "Tid | Indhold | Minutter\n13.45 | Rollespil i trioer | 45\n15.00 | Opsamling og evaluering af dagen | 30"
    likely = {"Tre roller": 0.9, "Alle prøver": 0.8, "13.45": 0.85, "15.00": 0.01}
    answer = compose(
        "Hvordan er rollespillet på kursusdagen sat op?", likely,
        index=FakeUnitIndex([("slide", slide, KL), ("program", programme, {**KL, "block_kind": "table"})]),
    )
    assert answer.short_answer.count("Rollespil i trioer") == 1
    assert "13.45" not in answer.short_answer


_TITLE_BLOCK = (
    "Opsporingsmodel for dagtilbud og skoler, Version 2.1 – gældende fra 1. august 2024. "
    "Godkendt af Børne- og Uddannelsesudvalget den 11. juni 2024.\n\n"
    "Et fravær på over 20 procent er et rødt tegn, og lederen inddrages samme dag."
)
_ROSTER = (
    "Oplægsholdere og deltagere\n- Juridisk konsulent, Børn og Familie, Tønder Kommune\n- Leder af Familieafdelingen, Tønder Kommune\n\n"
    "Den skærpede underretningspligt gælder alle, herunder medhjælpere, vikarer og pædagogiske assistenter."
)


@pytest.mark.parametrize(
    ("question", "chunk", "record", "content", "asked"),
    [
        ("Hvor meget fravær er et rødt tegn?", _TITLE_BLOCK, "Godkendt af", "Et fravær", False),  # the title block says nothing of it
        ("Hvornår blev opsporingsmodellen godkendt?", _TITLE_BLOCK, "Godkendt af", "Et fravær", True),  # asked of the document itself
        # A meeting's list of who took part records the meeting: likeliest by far, it had set the floor above the
        # staff groups the lawyer named.
        ("Hvilke personalegrupper har ifølge juristen pligt til at underrette?", _ROSTER, "Juridisk konsulent", "Den skærpede", False),
        ("Hvem holdt oplæg på temamødet i Tønder?", _ROSTER, "Juridisk konsulent", "Den skærpede", True),  # who took part is asked
    ],
)
def test_a_documents_record_of_itself_answers_only_a_question_about_the_document(question, chunk, record, content, asked):
    likely = {chunk[:14]: 0.9, record: 0.8, content: 0.2}
    answer = compose(question, likely, index=FakeUnitIndex([("record", chunk, KL)]))
    assert (record in answer.short_answer) is asked
    assert record not in answer.more
    assert asked or answer.short_answer.lstrip().startswith(content)


@pytest.mark.parametrize(
    ("bullet", "shown"),
    [
        ("Det skyldes, at de svenske kommuner arbejder mere med forebyggelse.", True),
        ("Fx bruger de flere plejefamilier.", True),
        ("Det vurderes, at hvert andet barn bor i en plejefamilie.", False),  # a formal subject: a point of its own
    ],
)
def test_a_bullet_that_explains_the_chosen_sentence_above_it_comes_along(bullet, shown):
    chunk = f"Sverige har færre udgifter til anbringelser end Danmark.\n- {bullet}\n- Norge har også færre udgifter."
    text = compose("Hvorfor har Sverige færre udgifter?", {"Sverige har": 0.9}, index=FakeUnitIndex([("nordic", chunk, KL)])).short_answer
    assert (bullet in text) is shown
    assert "Norge" not in text


BEMANDING = (
    "Bemanding:\n- Institutioner med mange udsatte børn er ikke bedre normeret.\n"
    "- Det skyldes, at tildelingen følger antallet af børn.\n"
    "- I 2022 vurderede 14 pct. af dagplejepædagogerne, at det var blevet meget sværere at tildele en dobbeltplads.\n"
    "- Flere pædagoger søger væk fra dagplejen, og kommunerne har svært ved at rekruttere nye dagplejere i 2022.\n"
    "- I alt 53 procent af dagplejepædagoger og ledere har oplevet, at et barn ikke har kunnet tælle for to."
)
INKLUSION = (
    "Eksempler:\n- I en af de kommuner, hvor midlerne er bundet til inklusion, skal alle institutioner have mindst én"
    " inklusionspædagog blandt personalet.\n"
    "- Nogle institutioner vælger at efteruddanne en af pædagogerne blandt institutionens eksisterende personale.\n"
    "- Andre institutioner vælger at ansætte pædagoger, som udelukkende skal fungere som inklusionspædagoger.\n"
    "- Valget mellem de to fremgangsmåder afhænger af, hvor mange midler institutionen får tildelt, samt en konkret"
    " faglig vurdering hos institutionslederen."
)


@pytest.mark.parametrize(
    ("chunk", "question", "probabilities", "shown", "hidden"),
    [
        # an item explaining a chosen item ("Det skyldes, at ...")
        (
            BEMANDING, "Er institutioner med udsatte børn bedre normeret?", {"bedre normeret": 0.9},
            "- Institutioner med mange udsatte børn er ikke bedre normeret. [1]\n- Det skyldes, at tildelingen", "dobbeltplads",
        ),
        # an item weighing the chosen items above it ("Valget mellem de to fremgangsmåder ...")
        (
            INKLUSION, "Skal vi efteruddanne en pædagog eller ansætte en ny?", {"efteruddanne": 0.9, "ansætte": 0.8},
            "faglig vurdering", "mindst én inklusionspædagog",
        ),
    ],
)
def test_a_list_item_that_explains_or_weighs_the_chosen_items_comes_with_them(chunk, question, probabilities, shown, hidden):
    # Both lists are longer than a list shown whole whatever the question.
    text = compose(question, probabilities, index=FakeUnitIndex([("list", chunk, KL)])).short_answer
    assert shown in text
    assert hidden not in text


STUEN = {"title": "Familiestuen", "location": "side 2"}


def test_a_sentence_in_more_from_the_sources_that_points_back_comes_after_what_it_points_to():
    index = FakeUnitIndex(
        [
            ("kurser", "Holstebro tilbyder kurser til nye forældre med urolige børn. Kurserne er gratis. De varer otte uger.", KL),
            ("stuen", "Familiestuen er et tilbud til børn i alderen 2-6 år. Det kan være børn, der er urolige.", STUEN),
        ]
    )
    probabilities = {"Holstebro": 0.9, "gratis": 0.85, "otte uger": 0.8, "urolige.": 0.3}
    composition = compose("Hvordan hjælper kommunerne forældre med urolige børn?", probabilities, index=index)
    assert "Familiestuen er et tilbud til børn i alderen 2-6 år. [2] Det kan være børn, der er urolige. [2]" in composition.more


def test_no_unit_is_chosen_after_three_when_a_continuation_came_along():
    index = FakeUnitIndex(
        [
            ("nordic", "Sverige bruger færre penge på anbringelser end Danmark. Det skyldes, at de forebygger mere.", KL),
            ("norway", "Norge bruger også færre penge på anbringelser.", KL),
            ("finland", "Finland bruger færre penge på anbringelser.", KL),
            ("iceland", "Island bruger færre penge på anbringelser.", KL),
        ]
    )
    probabilities = {"Norge": 0.9, "Finland": 0.8, "Sverige": 0.7, "Island": 0.6}
    text = compose("Hvorfor bruger Sverige færre penge på anbringelser?", probabilities, index=index).short_answer
    assert "Norge" in text and "Finland" in text and "Det skyldes" in text  # the third comes whole
    assert "Island" not in text


def test_a_list_written_as_prose_comes_whole_after_the_sentence_that_announces_it():
    index = FakeUnitIndex(
        [
            (
                "research",
                "Forskningen peger på tre forhold, der får korte anbringelser til at lykkes. For det første skal "
                "indsatsen inddrage familien. Det vil sige, at forældrene deltager. For det andet skal målet være "
                "realistisk. Endelig skal der være kontinuitet. Rammeaftalen kan bruges til at drøfte det.",
                KL,
            )
        ]
    )
    text = compose("Hvad får korte anbringelser til at lykkes?", {"tre forhold": 0.9}, index=index).short_answer
    for point in ("For det første", "Det vil sige", "For det andet", "Endelig skal der være kontinuitet. [1]"):
        assert point in text
    assert "Rammeaftalen" not in text


def test_a_list_items_short_title_stays_with_it():
    items = "Programmet har tre ben:\n- Learning Camp. Børnene tager på sommercamp.\n- Mentor. En voksen hjælper med lektier."
    index = FakeUnitIndex([("ben", items, KL)])
    text = compose("Hvilke ben har programmet?", {"Learning Camp": 0.9, "Mentor": 0.8}, index=index).short_answer
    assert "- Learning Camp. [1] Børnene tager på sommercamp. [1]" in text and "- Mentor. [1] En voksen" in text


def test_a_short_list_is_shown_whole_even_for_a_question_about_one_item():
    text = compose("Hvem skal få sparring fra PPR?", {"sparring fra PPR": 0.9}).short_answer
    assert "- At kommunerne styrker den tidlige opsporing i dagtilbud" in text and "- At forældrene inddrages tidligt" in text


def _assert_supported(composition) -> None:
    passages = {c.number: c.passage for c in composition.book.citations()}
    checks = CitationVerifier(SLIDES.relevance).check(composition.body, passages)
    assert checks and all(check.supported for check in checks)


SLIDES = FakeUnitIndex(
    [
        (
            "dias-1",
            "Det danske system\n98 kommuner med ansvar for dagtilbud, familieafdeling og\nPPR\n"
            "5 regioner med ansvar for psykiatri og sygehuse",
            {"title": "Oplæg", "location": "dias 1", "block_kind": "slide"},
        ),
        (
            "dias-2",
            "Antal elever tilbageført fra special- til almenklasse\nÅr Antal udsluset\n2022 7\n2021 6\n2020 2\n2019 2",
            {"title": "Oplæg", "location": "dias 2", "block_kind": "slide"},
        ),
        (
            "dias-3",
            "Indgribende\nForegribende\nForebyggende\nIndsatser i børnefællesskabet\nIndividuelle indsatser i et alment tilbud",
            {"title": "Oplæg", "location": "dias 3", "block_kind": "slide"},
        ),
    ]
)


def test_a_slide_diagram_read_as_one_sentence_is_shown_line_by_line_under_its_title():
    composition = compose("Hvem har ansvar for dagtilbud?", {"Det danske system": 0.9}, index=SLIDES)
    assert composition.short_answer.splitlines() == [
        "Det danske system [1]",
        "- 98 kommuner med ansvar for dagtilbud, familieafdeling og PPR [1]",  # a line that runs on is joined
        "- 5 regioner med ansvar for psykiatri og sygehuse [1]",
    ]
    _assert_supported(composition)


def test_a_slide_diagrams_labels_are_peers_not_a_list_titled_by_the_first():
    composition = compose("Hvad er forskellen på forebyggende og indgribende indsatser?", {"Indgribende": 0.9}, index=SLIDES)
    assert composition.short_answer.splitlines() == [
        "- Indgribende [1]",
        "- Foregribende [1]",
        "- Forebyggende [1]",
        "- Indsatser i børnefællesskabet [1]",
        "- Individuelle indsatser i et alment tilbud [1]",
    ]
    _assert_supported(composition)


def _method(number: int, title: str, text: str) -> tuple[str, str, dict[str, object]]:
    heading = f"METODE {number}: {title}"
    return (f"m{number}", text, {**KBH, "heading": heading, "context": f"Pjece – {heading}", "ordinal": number})


NUMBERED = FakeUnitIndex(
    [
        _method(2, "FORDELINGSNØGLE", "Kommunen vægter forholdene med en statistisk model. De vægtede kriterier indgår i fordelingen."),
        _method(1, "BØRNETÆLLING", "Kommunen tæller de udsatte børn i hver institution."),
        _method(3, "PULJEMIDLER", "Kommunen fordeler midlerne efter ansøgning."),
        ("other", "Midlerne fordeles ellers efter antallet af børn.", KBH),
    ]
)


def test_a_list_question_answered_from_a_numbered_series_gets_every_section_in_order_under_its_title():
    question = "Hvilke metoder bruger kommunerne til at fordele midlerne?"
    # The likeliest units: a later sentence of METODE 2 and METODE 1's; METODE 3 is far less likely.
    probabilities = {"De vægtede": 0.9, "tæller": 0.8, "Midlerne fordeles": 0.5, "ansøgning": 0.05}
    short = compose(question, probabilities, index=NUMBERED).short_answer
    titles = [line for line in short.splitlines() if line.startswith("**METODE")]
    assert titles == ["**METODE 1: BØRNETÆLLING**", "**METODE 2: FORDELINGSNØGLE**", "**METODE 3: PULJEMIDLER**"]
    # METODE 2 opens with its first sentence, so its later one does not read as METODE 1's.
    assert "Kommunen vægter forholdene med en statistisk model. [2] De vægtede kriterier" in short


def test_an_answer_opening_with_a_sentence_announcing_a_numbered_series_brings_the_series_whatever_the_question():
    pamphlet = {**KBH, "doc_id": "pjece.txt"}
    index = FakeUnitIndex(
        [
            ("intro", "KORA har identificeret tre forskellige fordelingsmetoder, som kommunerne benytter.", pamphlet),
            *(
                (cid, text, {**meta, "doc_id": "pjece.txt"})
                for cid, text, meta in (
                    _method(1, "BØRNETÆLLING", "Kommunen tæller de udsatte børn i hver institution."),
                    _method(2, "FORDELINGSNØGLE", "Kommunen vægter forholdene med en statistisk model."),
                    _method(3, "PULJEMIDLER", "Kommunen fordeler midlerne efter ansøgning."),
                )
            ),
        ]
    )
    question = "Sammenlign de tre metoder til at fordele midlerne. Hvilken er mest brugt?"  # two parts: no list question
    probabilities = {"KORA har": (0.9, 0.9), "tæller": (0.05, 0.05), "vægter": (0.05, 0.05), "ansøgning": (0.05, 0.05)}
    short = compose(question, probabilities, index=index).short_answer
    assert short.startswith("KORA har identificeret tre forskellige fordelingsmetoder")
    titles = [line for line in short.splitlines() if line.startswith("**METODE")]
    assert titles == ["**METODE 1: BØRNETÆLLING**", "**METODE 2: FORDELINGSNØGLE**", "**METODE 3: PULJEMIDLER**"]


@pytest.mark.parametrize(
    ("opening", "series"),
    [
        ("KORA har identificeret tre forskellige fordelingsmetoder, som kommunerne benytter.", True),
        # figures besides the count: the sentence sums the methods up and answers what is asked
        ("De tre fordelingsmetoder kostede tilsammen 133 timers arbejde, knap 45 timer pr. metode.", False),
    ],
)
def test_only_a_sentence_announcing_a_numbered_series_brings_it(opening, series):
    """"De otte cases brugte tilsammen 15 konferencer og ca. 133 timers personaletid ..." answered how long a case
    takes, and had brought all eight cases after it."""
    pamphlet = {**KBH, "doc_id": "pjece.txt"}
    index = FakeUnitIndex(
        [
            ("intro", opening, pamphlet),
            *((cid, text, {**meta, "doc_id": "pjece.txt"}) for cid, text, meta in (
                _method(1, "BØRNETÆLLING", "Kommunen tæller de udsatte børn i hver institution."),
                _method(2, "FORDELINGSNØGLE", "Kommunen vægter forholdene med en statistisk model."),
            )),
        ]
    )
    question = "Hvor meget arbejde kræver metoderne til at fordele midlerne?"
    probabilities = {opening[:12]: 0.9, "tæller": 0.05, "vægter": 0.05}
    short = compose(question, probabilities, index=index).short_answer
    assert short.startswith(opening)
    assert ("**METODE 1: BØRNETÆLLING**" in short) is series, short


def test_a_charts_rows_of_a_label_and_a_value_are_shown_as_a_table_under_its_title():
    composition = compose("Hvor mange elever er tilbageført til almenklasse?", {"Antal elever": 0.9}, index=SLIDES)
    title, table = composition.short_answer.split("\n\n")
    assert title == "Antal elever tilbageført fra special- til almenklasse [1]"
    html = MarkdownIt("commonmark").enable("table").render(composition.short_answer)
    assert "<th>År</th>" in html and html.count("<tr>") == 5 and "<td>2022</td>" in html
    _assert_supported(composition)


def test_a_stack_related_only_by_a_line_it_leaves_out_as_a_repeat_gets_no_section():
    index = FakeUnitIndex(
        [
            (
                "kl-9",
                "Skolerne betaler for elever i specialtilbud fra 1. klasse. Skolerne betaler ikke for anbragte elever. "
                "Skolerne betaler ikke for elever i 10. klasse.",
                KL,
            ),
            (
                "dias-9",
                "Skolerne fører dobbelt regnskab\nRegnskab\nAlmen skole og SFO\nRegnskab segregerede område\n"
                "Et regnskab for almen skole og SFO inkl. betaling for elever i specialtilbud",
                {"title": "Oplæg", "location": "dias 9", "block_kind": "slide"},
            ),
        ]
    )
    question = "Hvilke elever skal skolerne betale for i specialtilbud?"
    composition = compose(question, {"1. klasse": 0.9, "anbragte": 0.9, "10. klasse": 0.9, "dobbelt regnskab": 0.5}, index=index)

    # The short answer holds its three units; the slide would come under "Mere fra kilderne", but its last
    # line holds "Almen skole og SFO" above it and would be left out, and what stays shares only "skolerne"
    # with the question.
    assert "anbragte elever" in composition.short_answer and not composition.more
    assert "dobbelt regnskab" not in composition.body


METHODS = FakeUnitIndex(
    [
        (
            f"metode-{n}",
            f"{title}\n\n{text}",
            {"title": "Pjece", "location": "side 5", "heading": title},
        )
        for n, (title, text) in enumerate(
            [
                (
                    "METODE 3: FORDELING AF PULJEMIDLER",
                    "Kommunen fordeler midlerne efter ansøgning. Forvaltningen behandler ansøgningerne hvert forår.",
                ),
                ("METODE 4: FAST TILDELING", "Kommunen fordeler midlerne til enkelte udvalgte institutioner."),
            ]
        )
    ]
)


EXAMPLE = "Eksempel 4: Trivselssamtaler med alle forældre i Børnehaven Solsikken"
EXAMPLE_DID = (
    "eksempel-4-det-gjorde-de",
    "Det gjorde de\n\nBørnehaven indførte en trivselssamtale med alle forældre, når barnet fylder tre år.",
    {"doc_id": "rebild.docx", "title": "Erfaringsopsamling", "heading": "Det gjorde de", "section": f"{EXAMPLE} › Det gjorde de"},
)
EXAMPLE_PARTS = FakeUnitIndex(
    [
        EXAMPLE_DID,
        (
            "pluspladser",
            "Pluspladser\n\nDer er 500 pluspladser i vuggestuer og børnehaver.",
            {"title": "Notat", "location": "side 2", "heading": "Pluspladser", "section": "Særlige indsatser › Pluspladser"},
        ),
    ]
)


def test_a_section_title_naming_only_a_part_of_an_example_comes_with_the_examples_title():
    # "**Det gjorde de**" alone left the reader to guess whose example; a scheme's own name needs no parent.
    composition = compose("Hvad gjorde børnehaven med forældrene?", {"trivselssamtale": 0.9}, index=EXAMPLE_PARTS)
    assert composition.short_answer.startswith(f"**{EXAMPLE} – Det gjorde de**\nBørnehaven indførte")
    places = compose("Hvor mange pluspladser er der?", {"500 pluspladser": 0.9}, index=EXAMPLE_PARTS)
    assert places.short_answer.startswith("**Pluspladser**\nDer er 500 pluspladser")


def test_an_example_told_in_parts_brings_its_results_after_what_it_did():
    # "Har en anden institution fundet en løsning ...?" had got what the kindergarten did, not what came of it.
    parts = FakeUnitIndex(
        [
            EXAMPLE_DID,
            (
                "eksempel-4-resultatet",
                "Resultatet\n\nI 2024 endte 80 % af bekymringssamtalerne med en fælles aftale.",
                {"doc_id": "rebild.docx", "title": "Erfaringsopsamling", "heading": "Resultatet", "section": f"{EXAMPLE} › Resultatet"},
            ),
        ]
    )
    question = "Har en anden børnehave prøvet trivselssamtaler med forældrene?"
    composition = compose(question, {"trivselssamtale": 0.9, "80 %": 0.02}, index=parts)
    did, result = composition.short_answer.index("Børnehaven indførte"), composition.short_answer.find("80 % af bekymringssamtalerne")
    assert 0 <= did < result, composition.short_answer


OPEN_DOOR = FakeUnitIndex(
    [
        ("budget", "Åben Familiedør får 1,5 mio. kr. om året.", {"title": "Politik", "heading": "Økonomi"}),
        (
            "doer",
            "Familier kan uden visitation få op til fem samtaler. Der må højst gå ti arbejdsdage fra henvendelse til første samtale.",
            {"title": "Politik", "heading": "Åben Familiedør"},
        ),
    ]
)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Hvor hurtigt skal en familie kunne komme til i Åben Familiedør?", "Der må højst gå ti arbejdsdage"),  # a period asked
        ("Hvor mange penge får Åben Familiedør?", "Åben Familiedør får 1,5 mio. kr."),  # no period asked: as scored
    ],
)
def test_a_period_asked_for_opens_the_answer_though_less_likely_than_a_unit_without_one(question, first):
    composition = compose(question, {"1,5 mio": 0.37, "fem samtaler": 0.25, "ti arbejdsdage": 0.19}, index=OPEN_DOOR)
    first_quote = composition.short_answer.split("\n")[1]  # below the first block's section title
    assert first_quote.startswith(first), composition.short_answer


@pytest.mark.parametrize(
    ("said", "first"),
    [
        ("Åben Familiedør får 1,5 mio. kr. om året.", "Familier kan uden visitation"),  # the last answer's figure: said
        ("Kommunen har et rådgivningstilbud.", "Åben Familiedør får 1,5 mio. kr."),  # nothing of it said: as scored
    ],
)
def test_a_followup_opens_with_what_the_last_answer_did_not_say(said, first):
    query = "Hvor mange penge får Åben Familiedør? Og hvad får familierne så?"
    analysis = analyse_followup(query, "Og hvad får familierne så?")
    scored = scored_units(query, {"1,5 mio": 0.6, "fem samtaler": 0.55}, len(analysis.parts), OPEN_DOOR)
    composition = CitatComposer().compose(analysis, scored, said=said)
    assert re.sub(r"^\*\*.*\*\*\n", "", composition.short_answer).startswith(first), composition.short_answer
    assert "1,5 mio. kr." in composition.short_answer  # what was said still stands, after what is new


def test_a_quoted_section_opening_comes_under_the_sections_title():
    question = "På hvilke måder fordeler kommunerne midlerne?"
    composition = compose(question, {"efter ansøgning": 0.9, "udvalgte institutioner": 0.8}, index=METHODS)
    assert composition.short_answer.startswith("**METODE 3: FORDELING AF PULJEMIDLER**\nKommunen fordeler midlerne efter ansøgning. [1]")
    assert "**METODE 4: FAST TILDELING**\nKommunen fordeler midlerne til enkelte" in composition.short_answer
    # A sentence from inside the section is quoted without the title: the title names what the section opens.
    later = compose(question, {"hvert forår": 0.9}, index=METHODS)
    assert "METODE 3" not in later.short_answer


def test_a_long_chart_title_above_its_values_stays_a_title_and_unlabelled_values_are_left_out():
    chart = FakeUnitIndex(
        [
            (
                "dias-3",
                "Antal segregerede elever fordelt på udfordringer i skoleåret (i alt 61 elever)\n17; 28%\n18; 30%\n10; 16%\n"
                "Socioemotionelle udfordringer ADHD Blandingsdiagnoser",
                {"title": "Oplæg", "location": "dias 3", "block_kind": "slide"},
            )
        ]
    )
    lines = compose("Hvor mange elever blev segregeret?", {"Antal segregerede": 0.9}, index=chart).short_answer.splitlines()
    assert lines[0] == "Antal segregerede elever fordelt på udfordringer i skoleåret (i alt 61 elever) [1]"
    # The values stand apart from their legend, so no value can be read with its label: they are left out.
    assert lines[1:] == ["- Socioemotionelle udfordringer ADHD Blandingsdiagnoser [1]"]


@pytest.mark.parametrize(
    ("metadata", "line"),
    [
        # The location ends with the section: only the chapter the section sits in is added.
        (
            {"location": "kapitel 02, afsnit Arbejd med systematisk opsporing",
             "section": "02 Styrk samarbejdet › Arbejd med systematisk opsporing"},
            "KL-udspil, 2015, kapitel 02, afsnit Arbejd med systematisk opsporing – 02 Styrk samarbejdet",
        ),
        ({"location": "dias 47", "section": "Komponents foranalyse"}, "KL-udspil, 2015, dias 47 – Komponents foranalyse"),
        ({"location": "side 3, afsnit Pluspladser", "section": "Pluspladser"}, "KL-udspil, 2015, side 3, afsnit Pluspladser"),
        ({"location": "side 3"}, "KL-udspil, 2015, side 3"),
        # A case example is named by its title and municipality, not by the chapter it stands in.
        (
            {"location": "CASE #13", "section": "03 Nytænk indsatserne", "case_number": 13, "case_title": "Netværksanbringelser",
             "municipality": "Aalborg Kommune"},
            "KL-udspil, 2015, CASE #13 – Netværksanbringelser (Aalborg Kommune)",
        ),
    ],
)
def test_a_nearest_topic_names_each_part_of_its_place_once(metadata, line):
    from index import Passage, ScoredPassage

    hit = ScoredPassage(Passage("c1", "Tekst.", {"doc_id": "kl", "title": "KL-udspil", "year": 2015, **metadata}), 1.0)
    assert nearest_topic(hit) == line


def _case(number: int, title: str, municipality: str) -> dict[str, object]:
    return {"doc_id": "kl.txt", "case_number": number, "case_title": title, "municipality": municipality, "location": f"CASE #{number}"}


CASES = FakeUnitIndex(
    [
        ("report", "Mange kommuner arbejder med at inddrage familiens netværk i anbringelser.", KL),
        ("aalborg", "Aalborg har øget antallet af anbringelser i netværket. Resultatet er 9 pct. flere.", _case(13, "Netværk", "Aalborg")),
        ("herning", "Herning har gjort anbringelserne kortere og mere intensive.", _case(15, "Korte anbringelser", "Herning Kommune")),
        ("ishoej", "Ishøj samler det kriminalitetsforebyggende arbejde i én enhed.", _case(6, "Forebyggelse", "Ishøj Kommune")),
    ]
)


def _in_case(s: ScoredUnit) -> bool:
    return s.hit.passage.metadata.get("case_number") is not None


def _overview(question: str, probabilities: dict[str, float], case_ids: Sequence[str]):
    analysis = analyse_question(question)
    units = [
        replace(s, features=({"coverage": s.coverage, "case_result": float(_in_case(s) and bool(RESULT_CUES.search(s.unit.text)))},))
        for s in scored_units(question, probabilities, index=CASES)
    ]
    hits = {hit.passage.chunk_id: hit for hit in CASES.hits()}
    cases = [hits[chunk_id] for chunk_id in case_ids]
    return CitatComposer().compose(analysis, units, case_examples=cases)


def test_a_question_for_several_case_examples_gets_each_case_named_with_its_best_unit():
    question = "Hvilke kommuner har erfaringer med anbringelser i netværket?"
    probabilities = {"Mange kommuner": 0.9, "Aalborg har": 0.2, "Herning": 0.1, "Ishøj": 0.05}
    composition = _overview(question, probabilities, ["herning", "aalborg", "ishoej"])
    short = composition.short_answer
    # The cases answer first, in retrieval order, each under its name, with its result; the likeliest general unit after them.
    assert short.startswith("**CASE \\#15 Korte anbringelser (Herning Kommune)**")
    assert short.index("**CASE \\#13 Netværk (Aalborg)**") < short.index("Mange kommuner arbejder")
    assert "Resultatet er 9 pct. flere." in short
    assert "Ishøj" not in composition.body  # shares no word with the question
    assert composition.cases == ("CASE #15 Korte anbringelser (Herning Kommune)", "CASE #13 Netværk (Aalborg)")


def test_a_case_example_far_less_likely_than_the_best_case_is_not_listed_beside_it():
    question = "Hvilke kommuner har erfaringer med anbringelser i netværket?"
    probabilities = {"Mange kommuner": 0.9, "Aalborg har": 0.6, "Herning": 0.1}
    composition = _overview(question, probabilities, ["aalborg", "herning"])
    # Herning shares "anbringelser", but at a sixth of Aalborg's likelihood it is another topic.
    assert "Aalborg har øget" in composition.short_answer
    assert "Herning" not in composition.body
    assert composition.cases == ("CASE #13 Netværk (Aalborg)",)


def test_a_further_case_holds_the_rarest_term_the_likeliest_unit_holds():
    index = FakeUnitIndex(
        [
            ("report", "Andre kommuner bruger dialogredskabet FIT.", KL),
            ("holstebro", "Holstebro bruger kurser til nye forældre.", _case(1, "Familie med Hjerte", "Holstebro Kommune")),
            ("gladsaxe", "Gladsaxe bruger FIT i skolerne.", _case(17, "PALS", "Gladsaxe Kommune")),
        ]
    )
    question = "Hvilke kommuner bruger FIT?"
    units = [
        replace(s, features=({"coverage": s.coverage, "rarest_term": float("FIT" in s.unit.text)},))
        for s in scored_units(question, {"Andre kommuner": 0.9, "Holstebro": 0.1, "Gladsaxe": 0.1}, index=index)
    ]
    hits = {hit.passage.chunk_id: hit for hit in index.hits()}
    composition = CitatComposer().compose(analyse_question(question), units, case_examples=[hits["holstebro"], hits["gladsaxe"]])
    # Holstebro's case shares only "bruger" with the question, not what it asks about.
    assert composition.cases == ("CASE #17 PALS (Gladsaxe Kommune)",)


def test_a_case_quoted_after_a_general_passage_still_brings_its_results():
    question = "Hvilke kommuner har erfaringer med anbringelser i netværket?"
    probabilities = {"Mange kommuner": 0.9, "Aalborg har": 0.8, "Resultatet": 0.01}
    short = _overview(question, probabilities, []).short_answer
    assert short.startswith("Mange kommuner arbejder")
    assert short.index("Aalborg har øget") < short.index("Resultatet er 9 pct. flere.")


def test_without_case_examples_asked_for_the_short_answer_keeps_its_budget():
    question = "Hvilke kommuner har erfaringer med anbringelser i netværket?"
    probabilities = {"Mange kommuner": 0.9, "Aalborg har": 0.2, "Herning": 0.1}
    assert "Herning" not in _overview(question, probabilities, []).short_answer


def test_a_block_from_outside_a_case_after_a_quoted_case_comes_under_its_source():
    question = "Hvad har Aalborg gjort med netværksanbringelser, og hvad gør mange kommuner?"
    composition = compose(question, {"Aalborg har": 0.9, "Mange kommuner": 0.8}, index=CASES)
    short = composition.short_answer
    assert short.startswith("**CASE \\#13 Netværk (Aalborg)**")
    assert "**De udsatte børn, 2015, side 4**\nMange kommuner arbejder" in short  # not read as Aalborg's


def test_a_list_item_whose_explanation_is_already_shown_is_left_out_not_cut_to_its_title():
    index = FakeUnitIndex(
        [
            ("kl", "Kommunen arbejder systematisk med at inddrage barnets familie og netværk i hele sagsforløbet.", KL),
            (
                "boraas",
                "Borås karakteriseres ved følgende:\n- Familie- og netværksinddragelse. Kommunen arbejder systematisk med at "
                "inddrage barnets familie og netværk i hele sagsforløbet.\n- Plejefamilier. 75 pct. af de anbragte bor hos en familie.",
                KBH,
            ),
        ]
    )
    composition = compose("Hvilke kendetegn har Borås?", {"systematisk med at inddrage": 0.9, "Plejefamilier": 0.8}, index=index)
    assert "Familie- og netværksinddragelse." not in composition.body
    assert "- Plejefamilier. [2] 75 pct. af de anbragte bor hos en familie. [2]" in composition.body


def test_a_case_block_after_another_sources_block_is_named_again():
    index = FakeUnitIndex(
        [
            ("lolland-1", "Lolland ville udskifte mavefornemmelser med faglig viden.", _case(10, "Fra anbringelse", "Lolland")),
            ("deck", "VIBUS udbreder viden og redskaber til dagtilbud.", KL),
            ("lolland-2", "I dag bruger Toftegård et redskab mod magtanvendelser.", _case(10, "Fra anbringelse", "Lolland")),
        ]
    )
    probabilities = {"mavefornemmelser": 0.9, "VIBUS": 0.8, "Toftegård": 0.7}
    composition = compose("Findes der et redskab til en dårlig mavefornemmelse?", probabilities, index=index)
    short = composition.short_answer
    assert short.count("**CASE \\#10 Fra anbringelse (Lolland)**") == 2, short  # Toftegård is not the deck's
    assert "**De udsatte børn, 2015, side 4**\nVIBUS" in short
    assert composition.opening_case == "CASE #10 Fra anbringelse (Lolland)"


def test_a_case_result_that_announces_a_list_comes_with_its_items():
    index = FakeUnitIndex(
        [
            ("report", "Mange kommuner arbejder med at inddrage familiens netværk i anbringelser.", KL),
            (
                "ringsted",
                "Ringsted har samlet indsatsen for unge i netværket i én enhed.\n\nFire år efter ses følgende resultater:\n"
                "- Andelen i uddannelse steg med 12 pct.\n- Andelen på forsørgelse faldt med 2 pct.",
                _case(19, "Ungeenhed", "Ringsted Kommune"),
            ),
        ]
    )
    question = "Hvilke kommuner har erfaringer med unge i netværket?"
    units = [
        replace(s, features=({"coverage": s.coverage, "case_result": float(_in_case(s) and bool(RESULT_CUES.search(s.unit.text)))},))
        for s in scored_units(question, {"Mange kommuner": 0.9, "Ringsted har": 0.3}, index=index)
    ]
    assert any(s.unit.text.endswith("resultater:") and s.features[0]["case_result"] for s in units)  # a result cue, and a lead-in
    ringsted = next(hit for hit in index.hits() if hit.passage.chunk_id == "ringsted")
    short = CitatComposer().compose(analyse_question(question), units, case_examples=[ringsted]).short_answer
    # The case's first result is the announced list's first item, under its lead-in; the lead-in never stands alone.
    assert "Fire år efter ses følgende resultater: [1]\n- Andelen i uddannelse steg med 12 pct. [1]" in short


def test_a_case_s_first_result_brings_the_result_sentences_after_it_in_its_paragraph():
    index = FakeUnitIndex(
        [
            (
                "holbaek",
                "Holbæk har en ungebehandler på skolerne.\n\nIndsatsen har været en succes målt på flere områder. Fx reduceres "
                "misbruget kraftigt. Det har medvirket til, at 70 pct. har gennemført en uddannelse.\n\nEvalueringen blev lavet i 2014.",
                _case(21, "Fremskudt indsats", "Holbæk Kommune"),
            ),
        ]
    )
    units = [
        replace(s, features=({"case_result": float(bool(RESULT_CUES.search(s.unit.text)))},))
        for s in scored_units("Hvilke resultater har Holbæk haft?", {}, index=index)
    ]
    # A further case in an overview shows its first result; this one only announces the results, which the
    # paragraph's next sentences tell. The next paragraph's result is another matter.
    (block,) = _case_results(units, index.hits()[0], set(), limit=1)
    assert [unit.text for unit in block.units] == [
        "Indsatsen har været en succes målt på flere områder.",
        "Fx reduceres misbruget kraftigt.",
        "Det har medvirket til, at 70 pct. har gennemført en uddannelse.",
    ]


def test_a_case_answer_shows_the_case_s_results_in_document_order_also_from_its_next_passage():
    """A leader asking what came of a case gets its results, not the first three: Copenhagen's "99 pct. af
    skolelederne ..." stood in the case's next passage and was left out."""
    case = _case(7, "Socialrådgivere på skolerne", "Københavns Kommune")
    results = [
        "Evalueringen viser en positiv indflydelse på trivslen.",
        "Der er sket et fald på 10 pct. i fraværet.",
        "Der er sket en stigning på 6 pct. i forældrenes opbakning.",
        "Endelig er der sket en stigning på 14 pct. i fritidslivet.",
        "99 pct. af skolelederne vurderer, at ordningen forebygger.",
    ]
    index = FakeUnitIndex(
        [
            ("case-7", "København har socialrådgivere på alle skoler. " + " ".join(results[:4]), {**case, "ordinal": 1}),
            ("case-7b", results[4], {**case, "ordinal": 2}),
        ]
    )
    question = "Hvilke resultater har København set af socialrådgivere på skolerne?"
    units = [
        replace(s, features=({"coverage": s.coverage, "case_result": float(bool(RESULT_CUES.search(s.unit.text)))},))
        for s in scored_units(question, {"København har": 0.9}, index=index)
    ]

    short = CitatComposer().compose(analyse_question(question), units).short_answer

    shown = [short.find(result) for result in results]
    assert all(at >= 0 for at in shown) and shown == sorted(shown), short


LIST_INDEX = FakeUnitIndex(
    [
        ("plan", "Skolerne formaliserer samarbejdet om tiltagene. Planen gælder fra 2024. Budgettet følger skolerne.", KL),
        ("doing", "Det vi er i gang med:\n- Pejlemærker til praksis\n- Fagdage for 291 lærere\n- Temadag om fravær", KL),
        ("m3", "Kommunen fordeler midlerne efter ansøgning.", {**KL, "context": "Pjece – METODE 3: FORDELING EFTER ANSØGNING"}),
        ("m4", "Kommunen fordeler midlerne til udvalgte institutioner.", {**KL, "context": "Pjece – METODE 4: FAST TILDELING"}),
    ]
)


def test_a_list_question_gets_the_likeliest_list_beside_its_likeliest_units():
    question = "Hvilke tiltag er skolerne i gang med?"
    probabilities = {"formaliserer": 0.9, "Planen gælder": 0.8, "Budgettet": 0.7, "Pejlemærker": 0.2, "Fagdage": 0.1}
    short = CitatComposer().compose(analyse_question(question), scored_units(question, probabilities, index=LIST_INDEX)).short_answer
    # The three likeliest units hold no list: the list comes first, whole, and does not push them out.
    whole_list = "Det vi er i gang med: [1]\n- Pejlemærker til praksis [1]\n- Fagdage for 291 lærere [1]\n- Temadag om fravær [1]"
    assert short.startswith(whole_list)
    assert "Skolerne formaliserer samarbejdet om tiltagene." in short


def test_a_list_question_answered_by_numbered_sections_keeps_them():
    question = "Hvilke metoder bruger kommunerne til at fordele midlerne?"
    probabilities = {"efter ansøgning": 0.9, "udvalgte institutioner": 0.8, "Pejlemærker": 0.2}
    short = CitatComposer().compose(analyse_question(question), scored_units(question, probabilities, index=LIST_INDEX)).short_answer
    # "METODE 3" and "METODE 4" are two sections of one numbered series: that is the list asked for.
    assert short.startswith("Kommunen fordeler midlerne efter ansøgning.") and "Pejlemærker" not in short


@pytest.mark.parametrize(("context_coverage", "shown"), [(0.4, True), (0.0, False)])
def test_a_likely_unit_from_another_chunk_is_related_by_its_headings_too(context_coverage, shown):
    """The slide's items say nothing of "Komponent"; its title "Komponents anbefalinger" does."""
    index = FakeUnitIndex(
        [
            ("intro", "Komponent lavede en foranalyse af dagtilbuddene i 2022.", KL),
            ("items", "Tydeligere hvad specialpladserne tilbyder.", KL),
        ]
    )
    question = "Hvad pegede foranalysen fra Komponent på?"
    scored = [
        replace(s, features=({"context_coverage": context_coverage if s.unit.chunk_id == "items" else 0.5},))
        for s in scored_units(question, {"Komponent lavede": 0.5, "specialpladserne": 0.45}, index=index)
    ]
    text = CitatComposer().compose(analyse_question(question), scored).short_answer
    assert ("specialpladserne" in text) is shown


def test_a_list_without_a_lead_in_right_below_another_list_comes_under_its_source():
    """Markdown joins two lists a blank line apart into one: the slide's bullet would read as KL's fourth
    recommendation."""
    slide = "Dagtilbudsområdet\n- 7 pct. af dagtilbudscheferne oplever, at opsporing i dagtilbud kommer for sent"
    index = FakeUnitIndex([("kl", CHUNKS[0][1], KL), ("slide", slide, {"title": "Oplæg", "location": "dias 22"})])
    question = "Hvilke anbefalinger om opsporing i dagtilbud er der?"
    probabilities = {"styrker den tidlige opsporing": 0.9, "forældrene inddrages": 0.85, "sparring fra PPR": 0.8, "7 pct.": 0.7}
    short = compose(question, probabilities, index=index).short_answer
    assert "- At pædagoger får sparring fra PPR [1]\n\n**Oplæg, dias 22**\n- 7 pct. af dagtilbudscheferne" in short
    tokens = MarkdownIt().parse(short)
    assert sum(t.type == "bullet_list_open" for t in tokens) == 2


def test_a_footnote_on_a_shown_table_row_comes_right_under_the_table():
    budget = "Indsats | 2016 | 2017 | 2018\nSprogpakker | 120.000 | 130.000 | 140.000\nSocialrådgivere | - | - | -"
    notes = (
        "2 Pluspladserne er fordelt over hele byen.\n"
        "3 Der er afsat 4,5 mio. i 2016 og 8,4 mio. i 2017. Det fremgår ikke, hvad der går til kurser. Resten er løn.\n"
        "4 Beløbet besluttes hvert år."
    )
    named = "Særlige indsatser – note 2 til »Pluspladser«; note 3 til »Socialrådgivere«"
    index = FakeUnitIndex([("kbh-1", budget, {**KBH, "block_kind": "table"}), ("kbh-9", notes, {**KBH, "context": named})])
    composition = compose("Hvor mange penge fik socialrådgivere i 2017?", {"Socialrådgivere": 0.9, "Der er afsat": 0.05}, index=index)
    table, under = composition.short_answer.split("\n\n")[:2]
    assert "| Socialrådgivere | - | - | - [1]|" in table
    # note 3, under what it annotates, though less likely than the rows (its first two sentences, and the short note's
    # last with them); not note 2 (its row is not shown) nor note 4
    assert under == (
        "**Note 3 til »Socialrådgivere«**\n"
        "3 Der er afsat 4,5 mio. i 2016 og 8,4 mio. i 2017. [2] Det fremgår ikke, hvad der går til kurser. [2] Resten er løn. [2]"
    )
    assert "Pluspladserne" not in composition.short_answer and "besluttes" not in composition.short_answer


def test_a_list_questions_list_among_the_likeliest_units_is_shown_when_sentences_filled_the_room():
    text = (
        "Beskyttelsesfaktorer bør altid indgå i forebyggelsen.\n\nI indsatsen er det afgørende at kende faktorerne. "
        "Det kan kommunerne finde vejledning til i forskningen om beskyttelsesfaktorer.\n\n"
        "Individuelle beskyttelsesfaktorer:\n- Gode kognitive evner\n- Selvtillid\n- Empati"
    )
    index = FakeUnitIndex([("kl-7", text, KL)])
    probabilities = {"bør altid": 0.9, "Det kan kommunerne": 0.85, "Empati": 0.8, "Selvtillid": 0.3, "kognitive": 0.3}
    short = compose("Hvilke beskyttelsesfaktorer findes der for det enkelte barn?", probabilities, index=index).short_answer
    # The second sentence brings the one it points back to: three units, and the list, ranked third, was left out.
    assert "I indsatsen er det afgørende" in short
    assert "Individuelle beskyttelsesfaktorer: [1]\n- Gode kognitive evner [1]\n- Selvtillid [1]\n- Empati [1]" in short


def test_a_definition_question_opens_with_the_sentence_that_defines_the_term_and_quotes_a_lead_in_once():
    text = (
        "Tidligere indsats kan forstås både som tidlig i alder og rettidig. Tidligere indsats skal tænkes bredt. "
        "Her er nogle eksempler:\n- Læseklasser\n- Familiekurserne"
    )
    index = FakeUnitIndex([("kbh-3", text, KL)])
    probabilities = {"Læseklasser": 0.9, "Familiekurserne": 0.85, "skal tænkes": 0.6, "Her er": 0.6, "kan forstås": 0.5}
    short = compose("Hvad betyder tidligere indsats?", probabilities, index=index).short_answer
    # The examples resemble the question more, but only the first sentence says what the term means.
    assert short.startswith("Tidligere indsats kan forstås både som tidlig i alder og rettidig. [1]")
    # The list's lead-in, two sentences, is quoted above its items and not again as sentences of their own.
    assert short.count("Tidligere indsats skal tænkes bredt.") == 1
    assert "Her er nogle eksempler: [1]\n- Læseklasser [1]\n- Familiekurserne [1]" in short


def test_a_list_titled_with_what_a_followup_asks_for_opens_its_answer():
    text = "Skolen betaler for elever i specialtilbud.\nUndtagelse:\n- Anbragte elever\n- 10. skoleår"
    index = FakeUnitIndex([("dias-78", text, KL)])
    query = "Hvordan betaler skolerne for elever i specialtilbud? Er der nogen undtagelser?"
    analysis = analyse_followup(query, "Er der nogen undtagelser?")
    units = scored_units(query, {"Skolen betaler": 0.9, "Anbragte": 0.2, "10. skoleår": 0.1}, index=index)
    short = CitatComposer().compose(analysis, units).short_answer
    # The rule for paying resembled the earlier question more; the follow-up asks for the exceptions.
    assert short.startswith("Undtagelse: [1]\n- Anbragte elever [1]\n- 10. skoleår [1]")


def test_a_definition_among_the_likeliest_units_comes_before_what_is_told_of_the_term():
    text = "98 pct. af de nye familier takker ja til Familie med Hjerte. Familie med Hjerte er et kursus for førstegangsforældre."
    index = FakeUnitIndex([("kl-1", text, CASE)])
    short = compose("Hvad er Familie med Hjerte?", {"98 pct.": 0.9, "er et kursus": 0.8}, index=index).short_answer
    assert short.index("er et kursus") < short.index("98 pct.")


OVERVIEW_INDEX = FakeUnitIndex(
    [
        ("kl-16", "Familiestuen inddrager forældrene aktivt. Forældrene tager medansvar. Familiestuen ligger i Frederikshavn.", CASE),
        ("kbh-2", "Sprogindsatsen rummer forældreinddragelse, der styrker hjemmelæringsmiljøet.", KBH),
        ("bupl-1", "Kriterierne er forældrenes uddannelse og indkomst.", KL),
    ]
)


@pytest.mark.parametrize(
    ("question", "spread"),
    [("Hvad siger dokumenterne samlet om forældreinddragelse?", True), ("Hvad siger KL om forældreinddragelse?", False)],
)
def test_a_question_for_the_documents_view_as_a_whole_gets_each_sources_likeliest_unit(question, spread):
    probabilities = {"inddrager forældrene": 0.9, "medansvar": 0.8, "ligger i": 0.7, "Sprogindsatsen": 0.3, "Kriterierne": 0.02}
    short = compose(question, probabilities, index=OVERVIEW_INDEX).short_answer
    # The three likeliest units are one case example's; Copenhagen's, far less likely but on the topic, is what
    # a second source says. A source whose best unit is below the floor, or shares no word, is left out.
    assert ("Sprogindsatsen rummer forældreinddragelse" in short) is spread
    assert "Kriterierne" not in short


def test_a_question_naming_a_municipality_gets_no_other_municipalitys_case_in_its_short_answer():
    varde = {**CASE, "case_number": 14, "case_title": "Hurtigere undersøgelser", "municipality": "Varde Kommune"}
    herning = {**CASE, "case_number": 15, "case_title": "Tidsbegrænsede anbringelser", "municipality": "Herning Kommune"}
    index = FakeUnitIndex(
        [
            ("kl-3", "Herning følger tæt op med 20 sager pr. rådgiver.", KL),
            ("kl-14", "Rådgiveren følger op på dialogmødet og styrer processen.", varde),
            ("kl-15", "Herning afprøver tidsbegrænsede anbringelser med tæt opfølgning.", herning),
        ]
    )
    probabilities = {"20 sager": 0.9, "dialogmødet": 0.8, "tidsbegrænsede": 0.6}
    short = compose("Hvad gør Herning for at følge tættere op?", probabilities, index=index).short_answer
    # Varde's case, likelier than Herning's own, read as what Herning does.
    assert "dialogmødet" not in short
    assert "Herning følger tæt op" in short and "tidsbegrænsede anbringelser" in short


def test_a_list_without_a_lead_in_whose_first_item_points_back_gets_the_sentence_before_it_as_its_lead_in():
    text = "Sverige har færre udgifter end Danmark.\n- Det skyldes, at de svenske kommuner forebygger mere\n- Udgifterne falder fortsat"
    index = FakeUnitIndex([("kl-9", text, KL)])
    probabilities = {"Det skyldes": 0.9, "falder": 0.8, "Sverige har": 0.3}
    short = compose("Hvorfor har Sverige færre udgifter til anbringelser?", probabilities, index=index).short_answer
    # "Det skyldes" said nothing above the sentence it points to, printed after the list.
    assert short.startswith("Sverige har færre udgifter end Danmark. [1]\n- Det skyldes, at de svenske kommuner forebygger mere [1]")
    assert short.count("Sverige har færre udgifter") == 1


def test_a_list_whose_lead_in_announces_its_count_comes_whole_under_more_from_the_sources():
    index = FakeUnitIndex(
        [
            ("kl-1", "Institutionerne fordeler pengene efter ansøgning. Pengene gives hvert år. Kommunen følger pengene op.", KL),
            ("bupl-2", "En tidlig indsats består typisk af fire elementer:\n- Opsporing\n- Pædagogik\n- Forældre\n- Pengene fordeles", KBH),
        ]
    )
    probabilities = {"ansøgning": 0.9, "hvert år": 0.85, "følger": 0.8, "Pengene fordeles": 0.5, "Opsporing": 0.05, "Pædagogik": 0.05}
    composition = compose("Hvordan fordeler kommunerne pengene?", probabilities, index=index)
    # The short answer is full; of the four announced items, the one likely enough stood alone under the lead-in.
    assert "- Opsporing [2]\n- Pædagogik [2]\n- Forældre [2]\n- Pengene fordeles [2]" in composition.more


def test_a_case_the_question_names_by_its_title_stays_beside_a_named_municipality():
    stuen = {**CASE, "case_number": 16, "case_title": "Familiestuen har fokus på forældre", "municipality": "Frederikshavn Kommune"}
    kbh = {**CASE, "case_number": 7, "case_title": "Socialrådgivere på skolerne", "municipality": "Københavns Kommune"}
    index = FakeUnitIndex(
        [
            ("kl-16", "Familiestuen er et tilbud til børn i alderen 2-6 år.", stuen),
            ("kl-7", "København har socialrådgivere på skolerne.", kbh),
        ]
    )
    short = compose("Hvad er Familiestuen i København?", {"tilbud": 0.9, "socialrådgivere": 0.3}, index=index).short_answer
    # Frederikshavn's case is what is asked about, under its own name; København does not make it another place's.
    assert "Familiestuen er et tilbud til børn i alderen 2-6 år." in short


def test_a_sentence_after_a_list_is_its_own_paragraph_not_the_last_items():
    # In Markdown a sentence on the line right below a list's last item runs on inside that item: Copenhagen's
    # "Ifølge dagtilbudsloven ..." under "Mere fra kilderne" read as an element of its language effort.
    index = FakeUnitIndex(
        [
            (
                "kl-3",
                "Sprog er vigtigt for alle børn i dagtilbud. Pædagogerne arbejder med sprog hver dag i dagtilbud. "
                "Sprogvurdering i dagtilbud hjælper pædagogerne.",
                KL,
            ),
            (
                "kbh-3",
                "Sprogindsatsen i dagtilbud består af følgende elementer:\n- Sprogvurdering af alle børn\n- Sprogstimulering i grupper"
                "\n\nIfølge loven skal dagtilbud arbejde med sprog hos alle børn omkring 3 år.",
                KBH,
            ),
        ]
    )
    best = {"Sprog er vigtigt": 0.9, "hver dag": 0.9, "hjælper pædagogerne": 0.9}
    more = {"Sprogvurdering af": 0.45, "Sprogstimulering": 0.45, "Ifølge": 0.45}
    composition = compose("Hvordan arbejder dagtilbud med sprog?", {**best, **more}, index=index)
    assert "Ifølge loven" in composition.more
    html = MarkdownIt().render(composition.body)
    items = re.findall(r"<li>(.*?)</li>", html, re.DOTALL)
    assert items and not any("Ifølge loven" in item for item in items)


CRIME = (
    "I kommunen er kriminalitetsforebyggelsen samlet i en stabsenhed med reference til direktionen. "
    "Centralt i strategien er en model, der sigter på forebyggelse af kriminalitet blandt unge mellem 6 og 25 år. "
    "Der er ikke foretaget en samlet effektevaluering af kommunens kriminalitetsforebyggende arbejde. "
    "Men der kan konstateres et markant fald i den registrerede kriminalitet i kommunen over årene. "
    "Antallet af anmeldelser er således faldet med mere end 35 pct. siden 2008."
)


def test_a_sentence_that_goes_on_from_one_shown_later_is_shown_after_it_in_the_texts_order():
    # Ishøj's "Men der kan konstateres et markant fald …" opened the answer, and the sentence it sets itself
    # against ("Der er ikke foretaget en samlet effektevaluering …") followed in a block of its own.
    index = FakeUnitIndex([("krim", CRIME, KL)])
    probabilities = {"Men der": 0.9, "Centralt": 0.7, "Der er ikke": 0.6, "Antallet": 0.5}
    text = compose("Er der en kommune, der har fået kriminaliteten ned?", probabilities, index=index).short_answer
    sentences = quoted_sentences(text)
    assert sentences.index("Der er ikke foretaget en samlet effektevaluering af kommunens kriminalitetsforebyggende arbejde.") + 1 == (
        sentences.index("Men der kan konstateres et markant fald i den registrerede kriminalitet i kommunen over årene.")
    )
    assert text.split("\n\n")[0].startswith("Der er ikke foretaget")  # one paragraph, where the first of them stood


def test_a_guidance_topics_block_from_a_municipalitys_own_document_is_named_by_it():
    # "Det bærende element i projektet er, at socialrådgiveren fast kommer i daginstitutionen" read as what any
    # pedagogue may do; it is Copenhagen's scheme. KL's own text names no place.
    copenhagen = {**KBH, "publisher": "Københavns Kommune, Børne- og Ungdomsforvaltningen"}
    chunks = [
        ("egen", "En pige, der trækker sig fra legen, har brug for en voksen tæt på.", KL),
        ("kontakt", "Den hyppige kontakt med socialrådgiveren øger muligheden for sparring om et barn.", {**KL, "publisher": "KL"}),
        ("partner", "Socialrådgiveren fungerer som sparringspartner for personalet, når et barn vækker bekymring.", copenhagen),
    ]
    section = _sparring_answer({"trækker sig fra legen": (0.5, 0.01), "hyppige": (0.01, 0.5), "sparringspartner": (0.01, 0.5)}, chunks)
    assert "**Fra Københavns Kommune**\nSocialrådgiveren fungerer som sparringspartner" in section
    assert section.count("Københavns Kommune") == 1 and "**KL**" not in section


@pytest.mark.parametrize(("heading", "named"), [("Undgå dette", False), ("Samtalen med forældrene", True)])
def test_a_municipalitys_section_title_is_named_above_its_block_unless_the_blocks_lead_in_repeats_it(heading, named):
    # "**Fra Favrskov Kommune: Undgå dette**" had stood above "Undgå dette [1]" and its list.
    favrskov = {"title": "Sprog", "location": "side 5", "heading": heading, "publisher": "Favrskov Kommune, PPR"}
    chunks = [
        ("egen", "En pige, der trækker sig fra legen, har brug for en voksen tæt på.", KL),
        (
            "undgaa",
            "Undgå dette\n- Undgå at give forældrene skylden, når du søger sparring med socialrådgiver om et barn\n"
            "- Undgå faglige betegnelser, når du søger sparring med socialrådgiver om et barn",
            favrskov,
        ),
    ]
    section = _sparring_answer({"trækker sig fra legen": (0.5, 0.01), "skylden": (0.01, 0.5), "betegnelser": (0.01, 0.5)}, chunks)
    assert "Undgå dette [2]\n- Undgå at give forældrene skylden" in section
    assert ("**Fra Favrskov Kommune: " in section) is named and "**Fra Favrskov Kommune" in section


COURSE_4 = "Kursus 4: Sårbare vuggestuebørn – sprog, kontakt og samspil"


@pytest.mark.parametrize(
    ("section", "named"),
    [
        (f"{COURSE_4} › Indhold", COURSE_4),  # with its parent the title runs long: the parent names the course
        ("5.5 Vores lokale redskaber › Trivselsradaren", "5.5 Vores lokale redskaber – Trivselsradaren"),
    ],
)
def test_a_one_word_section_title_is_named_with_its_parents(section, named):
    # "**Fra Herning Kommune: Indhold**" named no course.
    herning = {"title": "Kursuskatalog", "location": "side 2", "heading": section.rsplit("› ", 1)[-1], "section": section,
               "publisher": "Herning Kommune"}
    chunks = [
        ("egen", "En pige, der trækker sig fra legen, har brug for en voksen tæt på.", KL),
        ("indhold", "Kurset giver sparring med socialrådgiver om samspillet med et barn, der trækker sig.", herning),
    ]
    section_text = _sparring_answer({"trækker sig fra legen": (0.5, 0.01), "samspillet": (0.01, 0.5)}, chunks)
    assert f"**Fra Herning Kommune: {named}**\nKurset giver sparring" in section_text, section_text


# A slide's diagram (its boxes, one line each) beside a sentence naming a place and none of the question's words.
DIAGRAM_CHUNKS = [
    ("slide-1", "Balancen mellem de fællesskabsorienterede og det individuelle indsatser\nSærlig støtte og PPR\n"
     "Forebyggende indsatser\nInkluderende børnefællesskaber", KL),
    ("slide-2", "Den udvikling ser vi både på landsplan og i Hedensted Kommune.", KL),
    ("slide-3", "Fællesskabsorienterede indsatser styrker balancen i dagtilbuddet.", KL),
]
DIAGRAM_INDEX = FakeUnitIndex(DIAGRAM_CHUNKS)


def test_a_short_answer_of_a_diagrams_labels_states_nothing():
    question = "Hvad siger materialet om balancen mellem fællesskabsorienterede indsatser?"
    labels = compose(question, {"Balancen": 0.9, "Den udvikling": 0.8, "styrker": 0.001}, index=DIAGRAM_INDEX)
    assert "Særlig støtte og PPR" in labels.short_answer
    assert (labels.unstated_parts, labels.stated_parts) == ((0,), ())


def test_a_sentence_on_the_asked_topic_beside_a_diagram_states_something():
    question = "Hvad siger materialet om balancen mellem fællesskabsorienterede indsatser?"
    stated = compose(question, {"Balancen": 0.9, "styrker": 0.8}, index=DIAGRAM_INDEX)
    assert "styrker balancen" in stated.short_answer
    assert (stated.unstated_parts, stated.stated_parts) == ((), (0,))


def test_a_list_question_asking_a_count_gets_the_list_of_that_count_first_and_not_one_of_another():
    index = FakeUnitIndex(
        [
            ("school", "EN STRATEGI MED TRE HOVEDPUNKTER (SKOLE):\n- Koordinér indsatsen\n- Evaluer løbende\n- Invester i forskning", KL),
            (
                "daycare",
                "EN STRATEGI MED FIRE HOVEDPUNKTER (DAGTILBUD):\n- Skab sammenhæng\n- Styrk opsporingen\n- Styrk familierne"
                "\n- Monitorér indsatserne",
                KBH,
            ),
        ]
    )
    question = "Hvad er rådets fire hovedpunkter for dagtilbud?"
    probabilities = {"Koordinér": 0.9, "Evaluer": 0.85, "Invester": 0.85, "Skab": 0.8, "Styrk": 0.8, "Monitorér": 0.8}
    short = compose(question, probabilities, index=index).short_answer
    assert short.startswith("EN STRATEGI MED FIRE HOVEDPUNKTER (DAGTILBUD):"), short
    assert "TRE HOVEDPUNKTER" not in short


def test_a_question_whether_something_works_gets_the_effects_told_of_its_subject_elsewhere():
    index = FakeUnitIndex(
        [
            ("vida-1", "I 2015 deltog 18 institutioner i VIDA. VIDA retter sig mod hele børnegruppen.", KBH),
            (
                "vida-2",
                "Effektmålinger af VIDA viser, at børns adfærdsproblemer reduceres. "
                "Der ses ikke effekter af VIDA på børns kognitive kompetencer.\n"
                "VIDA kan også have en indirekte effekt på børnenes sundhed.",
                KBH,
            ),
            ("pals-1", "Evalueringen af PALS-projektet i børnehaverne dokumenterer færre konflikter.", KL),
        ]
    )
    likely = {"deltog 18": 0.8, "retter sig": 0.5, "Effektmålinger": 0.08, "ikke effekter": 0.07, "PALS-projektet": 0.3}
    likely["indirekte effekt"] = 0.09
    text = compose("Virker VIDA i børnehaverne?", likely, index=index).short_answer
    assert "adfærdsproblemer reduceres" in text and "kognitive kompetencer" in text
    assert "indirekte effekt" not in text  # an effect it may have is none found
    assert "PALS" not in text  # another project's evaluation, however likely
    assert "kognitive" not in compose("Hvem deltog i VIDA i børnehaverne?", likely, index=index).short_answer


def test_a_part_asking_whom_something_is_for_gets_the_target_group_of_the_likeliest_passage():
    index = FakeUnitIndex(
        [
            (
                "kbh-fam",
                "Der er 10 familiepladsinstitutioner i Københavns Kommune. Familiepladserne er en forebyggende indsats. "
                "Målgruppen er børn der ikke er i trivsel.",
                KBH,
            ),
            ("kbh-other", "Målgruppen for sprogpakkerne er tosprogede børn.", KBH),
        ]
    )
    likely = {"10 familiepladsinstitutioner": (0.7, 0.7), "forebyggende": (0.3, 0.2), "ikke er i trivsel": (0.05, 0.05)}
    likely |= {"tosprogede": (0.04, 0.04)}
    question = "Hvordan er familiepladserne organiseret, og hvilke børn er de til?"
    analysis = analyse_question(question)
    units = [
        replace(s, features=tuple({"answer_type": float(holds_answer_type(s.unit.text, p.answer_type))} for p in analysis.parts))
        for s in scored_units(question, likely, parts=2, index=index)
    ]
    text = CitatComposer().compose(analysis, units, "answer", ()).short_answer
    assert "ikke er i trivsel" in text  # far below the floor, but its own passage's target group
    assert "tosprogede" not in text  # another passage's target group is not the answer


def test_a_definition_of_a_class_of_things_gets_the_list_its_lead_in_names():
    text = (
        "Beskyttelsesfaktorer bør altid indgå i forebyggelsen. Risikofaktorer afhænger af barnets modstandskraft. "
        "Forskningen peger på en række faktorer.\n\nIndividuelle beskyttelsesfaktorer:\n- Gode kognitive evner\n- Selvtillid\n- Empati"
    )
    index = FakeUnitIndex([("kl-besk", text, KL)])
    likely = {"bør altid": 0.9, "modstandskraft": 0.8, "række faktorer": 0.7, "kognitive": 0.6, "Selvtillid": 0.6, "Empati": 0.6}
    answer = compose("Hvad er beskyttelsesfaktorer?", likely, index=index).short_answer
    assert "Individuelle beskyttelsesfaktorer:" in answer and "- Empati" in answer


@pytest.mark.parametrize(
    ("text", "directs"),
    [
        ("Hvis du har mistanke om vold, må du ikke tale med forældrene, før lederen har ringet.", True),
        ("Mistanke om vold eller seksuelle overgreb | Din leder straks | Underretning samme dag", True),
        ("Risikofaktorer i udsatte familier er fx svækket forældreevne, vold og arbejdsløshed.", False),
        ("Hele 60 pct. af fysiske overgreb på børn kan ses i hoved- og halsregionen.", False),
        ("Du skal underrette, selvom du er i tvivl.", False),  # what to do, but about no harm
        ("Ved mistanke om vold begået af forældre må forældrene ikke orienteres, før sagen er vurderet.", True),
        ("Ved mistanke om vold fra forældrenes side orienterer vi ikke forældrene, før lederen har ringet.", True),
        ("Børn, der har været udsat for vold, trives ikke i skolen.", False),
    ],
)
def test_only_a_sentence_telling_what_to_do_about_a_harm_stands_under_a_harm_topic(text, directs):
    assert directs_on_harm(text) is directs


def test_a_table_of_indicators_is_no_guidance_under_a_guidance_topic():
    """An indicator named like the topic ("... inddraget tidligt ved bekymring (%)" beside its values) is a figure, not
    what to do: the topic shows the guide's sentence, and the same table still answers a question for the figure."""
    indicators = (
        "Forældre, der oplever at blive inddraget tidligt ved bekymring (%)\n67 70 74 80\n"
        "Forældre, der er tilfredse med dagtilbuddet (%)\n84 83 86 88\n"
        "Underretninger, hvor forældrene var orienteret forud (%)\n58 63 71 80"
    )
    index = FakeUnitIndex(
        [
            ("i", indicators, KL),
            ("g", "Inddrag forældrene tidligt, og tal med dem om det, I ser, før I går videre med bekymringen.", KL),
        ]
    )
    probabilities = {"Forældre, der oplever": (0.01, 0.9), "Inddrag forældrene": (0.01, 0.5)}
    question = "Jeg er bekymret for en dreng på stuen. Hvad gør jeg?"
    analysis, scored = _with_topic(question, "forældrene inddrages tidligt", "Inddrag forældrene tidligt", probabilities, index=index)
    text = CitatComposer().compose(analysis, scored).short_answer
    assert "tal med dem om det" in text and "67" not in text, text
    figures = compose("Hvor mange forældre oplever at blive inddraget tidligt?", {"Forældre, der oplever": 0.9}, index=index)
    assert "| 67 | 70 | 74 | 80 [1]|" in figures.short_answer


def test_a_worry_s_own_question_gets_as_many_units_as_a_question_of_one_part():
    """Beside its guidance topics, a worry's own part is the pedagogue's own question: three units, not two."""
    question = "Jeg er bekymret for en dreng, der er bagud sprogligt. Hvad kan jeg konkret gøre i garderoben?"
    index = FakeUnitIndex(
        [
            ("ord", "Sæt ord på det, barnet gør i garderoben.", KL),
            ("vent", "Vent mindst fem sekunder på barnets svar i garderoben.", KL),
            ("fokus", "Følg barnets fokus, når I er i garderoben.", KL),
        ]
    )
    probabilities = {"Sæt ord": (0.9, 0.01), "Vent": (0.8, 0.01), "Følg": (0.7, 0.01)}
    analysis, scored = _with_topic(question, "forældrene inddrages tidligt", "Forældrene", probabilities, index=index)
    assert analysis.is_concern
    text = CitatComposer().compose(analysis, scored).short_answer
    assert all(words in text for words in ("Sæt ord", "fem sekunder", "barnets fokus"))


def test_a_list_shown_in_part_shows_the_item_alone_holding_what_the_question_joins_by_og():
    """"... med hjemmebesøgene og bogposerne?" asks of two items: the one on home visits had been left out for the
    likelier one on book bags."""
    detail = " i alle kommunens børnehuse fra næste år, og at det sker efter en fælles plan, som udvalget følger op på"
    whats = ("sprogtrænerne fortsætter", "familierne får hjemmebesøg", "bogposerne udlånes", "caféerne fortsætter")
    index = FakeUnitIndex([("e", "Evalueringen anbefaler:" + "".join(f"\n- At {what}{detail}" for what in whats), KL)])
    likely = {"bogposerne": 0.9, "hjemmebesøg": 0.05, "sprogtrænerne": 0.05, "caféerne": 0.05}

    paired = compose("Hvad anbefaler de, at man gør med hjemmebesøgene og bogposerne?", likely, index=index).short_answer
    assert "hjemmebesøg" in paired and "bogposerne" in paired and "sprogtrænerne" not in paired, paired
    alone = compose("Hvad anbefaler de, at man gør med bogposerne?", likely, index=index).short_answer
    assert "hjemmebesøg" not in alone, alone


def test_a_worry_asking_where_to_begin_gets_a_procedures_steps_whole_though_it_asks_a_time_too():
    """"... og hvor længe ...?" makes the question one for a time; it still asks what to do first, which the procedure's
    first step answers: Favrskov's seven steps had shown steps 2 and 5."""
    detail = " sammen med en kollega, og skriv det ned i barnets mappe, så I kan følge udviklingen over tid"
    whats = ("Observér barnet i to til tre uger", "Drøft dine observationer", "Tal med forældrene", "Sæt aktiviteter i gang",
             "Udfyld henvendelsen til PPR", "Tale-hørekonsulenten kontakter jer", "Lav en fælles plan")
    steps = "".join(f"\n{n}. {what}{detail}." for n, what in enumerate(whats, 1))
    index = FakeUnitIndex([("f", f"Brug denne trinvise fremgangsmåde:{steps}", KL)])
    likely = {"Drøft": 0.9, "PPR": 0.8, "Observér": 0.05, "Tal med": 0.05, "Sæt": 0.05, "Tale-høre": 0.05, "fælles plan": 0.05}
    worry = "Jeg er bekymret for en dreng på stuen. Hvad er det første, jeg skal gøre, og hvor længe skal jeg holde øje med ham?"

    short = compose(worry, likely, index=index).short_answer
    assert all(what in short for what in whats), short



def test_a_case_record_of_labelled_items_is_shown_whole_when_only_its_background_is_likely():
    """"Har andre prøvet noget, der virkede?" had got a case's "Baggrund:" alone, with "… og 3 punkter mere i kilden"
    where what was done and its result stood. A question whose likely items hold the result keeps to them."""
    fields = (
        "Baggrund: Dreng på 4 år, der slog de andre børn i garderoben flere gange om dagen, mest ved overgangene.",
        "Hvad blev gjort: Personalet indførte en dagsoversigt med billeder, og han fik en fast opgave ved hver overgang.",
        "Deltagere: Forældrene, to pædagoger fra stuen, lederen, en PPR-psykolog og en socialrådgiver fra teamet.",
        "Resultat: Efter 10 uger var konflikterne faldet fra otte til to om dagen, og stuen bruger nu billederne.",
    )
    index = FakeUnitIndex([("c", "Case 2: Drengen der slog\n" + "".join(f"\n- {field}" for field in fields), KL)])

    worked = compose("Vi har en dreng på 4 år, der slår de andre. Har andre prøvet noget, der virkede?", {"Baggrund": 0.9}, index=index)
    assert all(field.split(":")[0] in worked.short_answer for field in fields), worked.short_answer
    result = compose("Hvad kom der ud af casen med drengen, der slog?", {"Baggrund": 0.9, "Resultat": 0.8}, index=index)
    assert "Resultat:" in result.short_answer and "Deltagere:" not in result.short_answer, result.short_answer


def test_the_answer_under_a_heading_that_asks_a_question_is_shown_whole():
    """A guide's questions and answers: "Kan jeg underrette anonymt?" is answered by its first sentence, which had
    been left out for the second, likelier one. A quoted statement under a question is no answer of the guide's own."""
    faq = {**KL, "section": "3. Underretning › 3.4 Kan jeg underrette anonymt?"}
    answer = (
        "Som ansat i dagtilbud og skole kan du ikke underrette anonymt. Dit navn og din arbejdsplads fremgår af "
        "underretningen, og forældrene kan som part få aktindsigt i den."
    )
    index = FakeUnitIndex([("q", answer, faq)])
    shown = compose("Kan jeg sende en underretning uden mit navn?", {"Dit navn": 0.9, "Som ansat": 0.1}, index=index)
    assert "kan du ikke underrette anonymt" in shown.short_answer and "aktindsigt" in shown.short_answer, shown.short_answer

    quoted = (
        "“Vi bruger pengene på mere tid til forældrene. Vi ringer nu hjem hver uge. Vi holder flere møder. "
        "Forældrene kommer oftere. Lederen er glad for det.”"
    )
    index = FakeUnitIndex([("q", quoted, {**KL, "section": "Hvad bruger institutionerne pengene til?"})])
    shown = compose("Hvad bruger institutionerne pengene til?", {"Vi bruger": 0.9, "Vi ringer": 0.1, "Lederen": 0.1}, index=index)
    assert "Vi bruger" in shown.short_answer and "Lederen" not in shown.short_answer, shown.short_answer


def test_a_list_question_gets_the_table_the_paragraph_ending_its_passage_announces():
    """Holbæk's leaflet: "Holbæk Kommune har en række tilbud, ..." above a table of six offers had stood alone for
    "Hvilke gratis tilbud ...?", the offers unnamed. Its table comes whole under it; a question for one fact gets the
    sentence alone."""
    section = {**KBH, "section": "Tilbud til familier", "doc_id": "folder.pdf"}
    offers = (("Åben Rådgivning", 18, 2), ("Tryg Start", 6, 10))
    rows = [f"{name} | Familier med børn på 0-{age} år | {weeks} uger" for name, age, weeks in offers]
    table = "\n".join(["Tilbud | Hvem er det for? | Varighed", *rows])
    index = FakeUnitIndex(
        [
            ("tekst", "Kommunen har en række tilbud, som familier kan bruge, uden at der er en sag. Alle tilbud er gratis.", section),
            ("tabel", table, {**section, "block_kind": "table"}),
        ]
    )
    likely = {"Kommunen har": 0.9, "Alle tilbud": 0.05, "Åben": 0.02, "Tryg": 0.02}
    listed = compose("Hvilke gratis tilbud kan familier bruge uden en sag?", likely, index=index).short_answer
    assert "Kommunen har en række tilbud" in listed and "| Åben Rådgivning |" in listed and "| Tryg Start |" in listed, listed
    one = compose("Skal familierne have en sag for at bruge tilbuddene?", likely, index=index).short_answer
    assert "Tryg Start" not in one, one


def test_an_age_keyed_table_shows_the_row_of_the_childs_age():
    """"en dreng på 2½" had got the row "4-6 år" of a table of language milestones, the likeliest by its words."""
    table = (
        "Alder | Det kan de fleste børn | Handling ved bekymring\n"
        "18-24 måneder | Har ca. 50 ord ved 2 år. | Observér og dokumentér i 2-3 uger.\n"
        "2-3 år | Taler i sætninger på tre-fire ord. | Start målrettet sprogstimulering, og henvend jer til PPR efter 6-8 uger.\n"
        "4-6 år | Fortæller sammenhængende historier. | Henvend jer til PPR ved vedvarende udtalevanskeligheder."
    )
    index = FakeUnitIndex([("tabel", table, {**KBH, "block_kind": "table", "section": "Tabel 1. Sproglige milepæle"})])
    likely = {"4-6 år": 0.9, "2-3 år": 0.2, "18-24": 0.1}
    shown = compose("Skal en dreng på 2½ meldes til PPR på grund af sproget?", likely, index=index).short_answer
    assert "| 2-3 år |" in shown and "4-6 år" not in shown, shown
    ageless = compose("Hvornår skal vi henvende os til PPR om et barns udtale?", likely, index=index).short_answer
    assert "| 4-6 år |" in ageless, ageless


def test_a_sentence_that_is_the_lead_in_of_a_list_the_answer_shows_is_left_to_the_list():
    """Næstved's "Skolen skal være særligt opmærksom på:" had ended its paragraph's sentences and stood again above its list."""
    chunk = "Et fravær kan også være bekymrende. Skolen skal være særligt opmærksom på:\n- mønstre i fraværet\n- sene ankomster"
    index = FakeUnitIndex([("naestved", chunk, KL)])
    hit = index.hits()[0]
    units = index.units["naestved"]
    sentences, lead_in = units[0], units[1]
    items = tuple(u for u in units if u.kind == "list_item")
    blocks = [_Block(hit, "sentences", (sentences, lead_in)), _Block(hit, "list", items, lead_in.text)]
    kept, labels = _without_shown_lead_ins(blocks, ["", ""])
    assert [b.units for b in kept] == [(sentences,), items] and labels == ["", ""]
    alone = [_Block(hit, "sentences", (lead_in,)), _Block(hit, "list", items, lead_in.text)]
    assert [b.kind for b in _without_shown_lead_ins(alone, ["a", "b"])[0]] == ["list"]


def test_the_section_written_for_a_share_the_question_tells_is_shown_whole():
    """Four sentences say what is done at the level a pupil's 12 % fravær is at: three units had cut the fourth."""
    steps = (
        "Kontaktlæreren orienterer afdelingslederen inden for 5 skoledage. Skolen indkalder til et fraværsmøde. "
        "På mødet deltager forældrene og eleven selv. Mødet holdes på skolen. Der udarbejdes en fraværsplan, som evalueres efter 4 uger."
    )
    index = FakeUnitIndex([("niveau-2", steps, {"section": "Niveau 2 – Bekymring (samlet fravær 10-14 procent)"})])
    probabilities = {"Kontaktlæreren": 0.9, "indkalder": 0.8, "deltager": 0.7, "fraværsplan": 0.6}
    question = "En pige har været væk 12 % af tiden. Hvordan foregår mødet?"
    told = compose(question, probabilities, index=index).short_answer
    assert "Der udarbejdes en fraværsplan" in told
    untold = compose("Hvordan foregår mødet?", probabilities, index=index).short_answer
    assert "Der udarbejdes en fraværsplan" not in untold


def _harm_topic_steps(lead_in: str) -> str:
    """The steps shown of a long numbered list when its fifth step, on telling the parents, is the likely one under
    the harm topic."""
    steps = [
        "Sørg for barnets sikkerhed her og nu, og lad ikke barnet gå hjem, hvis det er i fare.",
        "Lyt til barnet uden at udspørge, og skriv barnets egne ord ned så ordret som muligt.",
        "Orientér din leder straks, eller stedfortræderen, hvis lederen ikke er til stede.",
        "Send underretningen via den digitale formular samme dag og senest inden for 24 timer.",
        "Informér forældrene om underretningen, medmindre der er mistanke om vold i familien.",
        "Gem kvitteringen, som kommunen sender inden for seks hverdage efter modtagelsen.",
    ]
    index = FakeUnitIndex([("trin", lead_in + "".join(f"\n{n}. {step}" for n, step in enumerate(steps, 1)), KL)])
    scored = scored_units("mistanke om vold", {"Informér forældrene": 0.9}, index=index)
    seed = next(s for s in scored if "Informér forældrene" in s.unit.text)
    block = CitatComposer()._expand(seed, scored, "procedure", 0, 0.5, (), whole_lists=False, items=TOPIC_LIST_ITEMS, harm=True)
    return " ".join(unit.text for unit in block.units)


def test_a_numbered_procedure_for_a_child_in_danger_is_shown_whole_under_the_harm_topic():
    """Step 5 on telling the parents had stood without step 4, "Send underretningen ... samme dag"."""
    danger = _harm_topic_steps("Når du vurderer, at et barn er i fare, følger du disse trin:")
    assert all(step in danger for step in ("Sørg for barnets sikkerhed", "Send underretningen", "Gem kvitteringen"))
    # A staircase of steps for any worry keeps to its likely steps under the topic.
    staircase = _harm_topic_steps("Trappen for bekymringer om børn:")
    assert "Informér forældrene" in staircase and "Send underretningen" not in staircase


ACUTE = (
    "Ved akut bekymring, fx hvis en elev fortæller om selvskade, springes ressourcemødet over.",
    "Skolelederen kontakter PPR's akuttelefon, som er åben på hverdage kl. 8.00-15.00.",
    "Uden for akuttelefonens åbningstid kontaktes lægevagten eller politiet på 114.",
)
MEETINGS = (
    "Opgave | Ansvarlig | Frist\nIndkalde til ressourcemøde | Ressourcekoordinator | 3 arbejdsdage før\n"
    "Skrive referat fra ressourcemødet | Ressourcekoordinator | 2 arbejdsdage efter"
)


@pytest.mark.parametrize(
    ("worry", "acute_first"),
    [
        ("En elev har fortalt, at hun skærer i sig selv. Skal vi tage det op på næste ressourcemøde?", True),
        ("En elev har svært ved at følge med. Skal vi tage det op på næste ressourcemøde?", False),  # no harm told
    ],
)
def test_a_worry_telling_a_harm_reads_the_acute_section_first_and_whole(worry, acute_first):
    """The table of who calls a resource meeting resembled the worry more than "4.2 Akutte situationer" did, and of
    the section only its first sentence stood: not whom to call. Told no harm, the likeliest units keep their place."""
    index = FakeUnitIndex(
        [
            ("moeder", MEETINGS, {**KL, "block_kind": "table", "section": "7. Hvem gør hvad"}),
            ("akut", " ".join(ACUTE), {**KL, "section": "4. Henvisningsforløbet › 4.2 Akutte situationer"}),
        ]
    )
    probabilities = {"Indkalde": 0.9, "referat": 0.85, "springes": 0.8, "akuttelefon": 0.2, "114": 0.1}
    short = compose(worry, probabilities, index=index).short_answer

    assert all(sentence in short for sentence in ACUTE) is acute_first, short
    assert ("Indkalde" not in short or short.find(ACUTE[0]) < short.find("Indkalde")) is acute_first, short


LABELLED_ACUTE = (
    "Akutte situationer: Ved akut bekymring for et barns sikkerhed skal du ikke booke familierådgiveren.",
    "Kontakt i stedet Familieafdelingens modtagelse med det samme, og orientér din leder.",
    "Uden for åbningstiden kontaktes politiet på 114.",
)


def test_a_worry_telling_a_harm_reads_a_paragraph_labelled_acute_whole():
    """The paragraph stands in a section on booking a counsellor: its first sentence alone had been quoted, not
    whom to call instead, and below the booking steps."""
    steps = ("Drøft bekymringen med din leder.", "Udfyld skemaet til familierådgiveren.", "Send skemaet til Familieafdelingen.")
    booking = "Sådan booker du en samtale:\n" + "".join(f"{n}. {step}\n" for n, step in enumerate(steps, 1)) + "\n"
    index = FakeUnitIndex([("booking", booking + " ".join(LABELLED_ACUTE), {**KL, "section": "8. Sådan booker du"})])
    probabilities = {"Drøft": 0.9, "Udfyld": 0.85, "Send": 0.8, "Akutte situationer": 0.6, "Kontakt i stedet": 0.05, "114": 0.05}
    told = compose("Et barn fortæller, at far slår. Hvad gør jeg?", probabilities, index=index).short_answer
    assert all(sentence in told for sentence in LABELLED_ACUTE), told
    assert told.index(LABELLED_ACUTE[0]) < told.index("Drøft"), told  # above the steps a worry asking what to do gets
    untold = compose("Et barn er ked af det. Hvad gør jeg?", probabilities, index=index).short_answer
    assert "114" not in untold, untold


TEAM = [
    (
        "team",
        "Trivselsteamet er skolens tværfaglige ressourceteam. Typiske tiltag er observation ved AKT-vejlederen, samtaler hos "
        "skolesundhedsplejersken og en vurdering ved psykologen.",
        KL,
    ),
    (
        "members",
        "Faste deltagere:\n- afdelingslederen (mødeleder)\n- skolepsykolog fra PPR\n- fremskudt rådgiver fra Børn og Familie\n"
        "- SFO-lederen, når sagen vedrører indskolingen",
        KL,
    ),
]


@pytest.mark.parametrize("question", ["Hvem sidder egentlig med i det der trivselsteam?", "Hvem er det, der deltager i trivselsteamet?"])
def test_a_question_for_a_group_s_members_opens_with_the_list_of_them(question):
    """A sentence naming professions in passing had stood first, and the list of members never came."""
    probabilities = {"ressourceteam": 0.41, "Typiske tiltag": 0.33, "afdelingslederen": 0.2, "skolepsykolog": 0.15, "rådgiver": 0.12}
    text = compose(question, probabilities, index=FakeUnitIndex(TEAM)).short_answer
    assert "skolepsykolog fra PPR" in text and "SFO-lederen" in text
    assert "Typiske tiltag" not in text.split("skolepsykolog fra PPR")[0]


COURSE = "Kursus 3: Underretning – hvornår, hvordan og hvad så?"
COURSE_FIELDS = "- Underviser: Socialrådgiver fra Familierådgivningen\n- Timer: 3 timer\n- Pris: Gratis\n- Sted: Online via Teams"


@pytest.mark.parametrize(
    ("section", "title"),
    [
        (f"{COURSE} › Indhold", f"**{COURSE} – Indhold**"),  # one word names no course: its parent's title comes too
        ("7.5 Det må familierådgiveren ikke", "**7.5 Det må familierådgiveren ikke**"),
        ("Balance › Hvorfor?", ""),  # a slide's question names nothing
    ],
)
def test_a_list_without_a_lead_in_stands_under_its_sections_title(section, title):
    # "Pris: Gratis" without its course had answered "Kan vi få kurserne ud i huset, og hvad koster det?".
    index = FakeUnitIndex([("kursus", COURSE_FIELDS, {"title": "Kursuskatalog", "section": section})])
    text = compose("Hvad koster kurset, og hvor foregår det?", {"Pris": 0.9, "Sted": 0.8}, index=index).short_answer
    assert text.startswith(f"{title}\n- " if title else "- "), text
    assert "Pris: Gratis [1]" in text


@pytest.mark.parametrize(("likely", "joins"), [(0.42, True), (0.15, False)])
def test_a_list_shown_in_part_shows_its_likely_item_holding_the_asked_period(likely, joins):
    """"Hvor lang tid går der, før hun hører noget?" had got the booking step alone, not the next step's "inden for
    10 arbejdsdage", less likely than a list's member needs to be; an item much less likely than the list's best
    holds a period nobody asked about."""
    steps = (
        "Du taler med forældrene om, hvad familierådgiveren kan hjælpe med, og beder om deres samtykke til en samtale",
        "Når forældrene har sagt ja, udfylder du det digitale skema til booking af en samtale med familierådgiveren",
        "Familierådgiveren ringer til forældrene og tilbyder en første samtale inden for 10 arbejdsdage fra bookingen",
        "Samtalen holdes i institutionen eller hjemme hos familien, alt efter hvad forældrene selv ønsker sig mest",
    )
    index = FakeUnitIndex(
        [
            ("h", "Familierådgiveren er i huset hver tirsdag formiddag, og forældrene kan møde hende i garderoben.", KL),
            ("s", "Sådan booker du en samtale:" + "".join(f"\n- {step}." for step in steps), KL),
        ]
    )
    probabilities = {
        "Familierådgiveren er": 0.9, "Du taler": 0.05, "Når forældrene": 0.8, "Familierådgiveren ringer": likely, "Samtalen": 0.05
    }

    text = compose("Hvor lang tid går der, før forældrene hører noget fra familierådgiveren?", probabilities, index=index).short_answer
    assert "udfylder du" in text and ("10 arbejdsdage" in text) is joins, text


TRANSITION = (
    "Ved overgangen til skole udfylder dagtilbuddet Overgangsskemaet med forældrene. Skemaet sendes til skolen senest 1. april. "
    "Er barnet på gult niveau, holdes et overleveringsmøde inden 1. maj. Oplysninger må kun gives videre med samtykke.\n\n"
    "Tilsvarende gælder ved skoleskift, hvor vejlederne har ansvaret for overleveringen."
)


@pytest.mark.parametrize(
    ("paragraph", "likely", "whole"),
    [
        (TRANSITION, {"Ved overgangen": 0.9, "Skemaet sendes": 0.8, "Tilsvarende": 0.7}, True),
        # Five sentences are no short paragraph: the two quoted stand alone.
        (TRANSITION.replace(" Oplysninger", " Skemaet gemmes i et år. Oplysninger"), {"Ved overgangen": 0.9, "Skemaet sendes": 0.8}, False),
        # One sentence quoted is no paragraph quoted.
        (TRANSITION, {"Ved overgangen": 0.9, "Tilsvarende": 0.7}, False),
    ],
)
def test_a_short_paragraph_quoted_in_part_is_quoted_whole(paragraph, likely, whole):
    question = "Vi er bekymrede for en pige, der skal starte i skole. Hvordan sørger vi for, at skolen får besked?"
    text = compose(question, likely, index=FakeUnitIndex([("overgang", paragraph, KL)])).short_answer
    assert text.startswith("Ved overgangen")
    assert ("overleveringsmøde inden 1. maj. [1] Oplysninger må kun" in text) is whole


def test_a_short_paragraph_is_not_quoted_on_to_a_lead_in_whose_list_is_left_out():
    chunk = (
        "Ved overgangen til skole udfylder dagtilbuddet Overgangsskemaet. Skemaet sendes til skolen senest 1. april. "
        "Skemaet skal beskrive:\n- barnets trivsel\n- barnets venskaber"
    )
    question = "Hvornår sendes Overgangsskemaet til skolen?"
    text = compose(question, {"Ved overgangen": 0.9, "Skemaet sendes": 0.8}, index=FakeUnitIndex([("overgang", chunk, KL)])).short_answer
    assert "Skemaet sendes til skolen senest 1. april. [1]" in text
    assert "Skemaet skal beskrive" not in text, text


@pytest.mark.parametrize(("title", "first"), [("Dine rettigheder", True), ("Bevilling af rettigheder og tilbud", False)])
def test_a_list_titled_by_what_a_list_question_asks_for_opens_the_answer_above_a_likelier_list(title, first):
    index = FakeUnitIndex(
        [
            (
                "hb-1",
                "Kontakt\n\n- Familierådgivningen har telefontid mandag-torsdag kl. 9-15.\n"
                "- Har dit barn brug for at tale med en voksen, kan det ringe til BørneTelefonen på 116 111.",
                KBH,
            ),
            (
                "hb-2",
                f"{title}\n- Du har ret til at have en bisidder med til alle møder.\n"
                "- Du kan bede om aktindsigt i de oplysninger, kommunen har om dit barn.",
                {**KL, "heading": title},
            ),
        ]
    )
    question = "Hvilke rettigheder har forældrene, når institutionen er bekymret for deres barn?"
    scores = {"BørneTelefonen": 0.5, "telefontid": 0.3, "bisidder": 0.2, "aktindsigt": 0.15}
    short = compose(question, scores, index=index).short_answer
    assert "bisidder" in short
    assert short.index("bisidder") < short.index("BørneTelefonen") if first else short.index("BørneTelefonen") < short.index("bisidder")
