"""The first line of a partial answer."""

import pytest

from assistant import Citation
from assistant.analysis import analyse_question
from assistant.answerability import Decision, Signals
from assistant.lead_in import _quoted, partial_lead_in, quoted_places


@pytest.mark.parametrize(
    ("part", "quoted"),
    [
        ("og hvad koster den om året", "»Hvad koster den om året?«"),
        ("Sammenlign København om inklusion.", "»Sammenlign København om inklusion«"),  # a request, no question
    ],
)
def test_a_part_is_quoted_as_what_it_asks(part, quoted):
    assert _quoted(part) == quoted



def test_the_places_a_short_answer_quotes_are_its_cases_and_municipal_publishers():
    def cited(number: int, publisher: str, municipality: str = "") -> Citation:
        return Citation(number, f"d{number}", "Titel", publisher, 2016, "side 1", "…", ("…",), f"c{number}", 0.9, municipality=municipality)

    citations = [
        cited(1, "Københavns Kommune, Børne- og Ungdomsforvaltningen"),
        cited(2, "KL (Kommunernes Landsforening)", "Frederikshavn Kommune"),  # a case example in KL's report
        cited(3, "KL (Kommunernes Landsforening)"),  # KL's own text is from no municipality
        cited(4, "Hedensted Kommune"),  # not in the short answer
    ]
    assert quoted_places(citations, "Der er 500 pluspladser. [1] Familiestuen … [2] KL anbefaler [3] [1]") == [
        "Københavns Kommune",
        "Frederikshavn Kommune",
    ]


def _partial(missing: tuple[str, ...], apart: tuple[str, ...]) -> Decision:
    signals = Signals(0.8, 0.8, 0.5, 0.5, 0.0, (), (), (), True, 0.5, 1.0, 0.3, False)
    return Decision("partial", 0.4, missing, ("familier",), signals, apart=apart)


def test_a_name_the_short_answer_quotes_its_own_passages_of_is_not_said_to_be_lacking():
    # It read "… nævner ikke Odense i den forbindelse. Her er det, de siger om Odense Kommune:".
    question = "Hvor mange af familierne i Odenses case-manager-indsats kom i job?"
    analysis = analyse_question(question)
    decision = _partial(("antallet af familierne", "Odense"), ("Odense",))
    first = partial_lead_in(decision, analysis, shown_places=["Odense Kommune"])
    assert "antallet af familierne" in first and "Odense" not in first
    elsewhere = partial_lead_in(decision, analysis, shown_places=["Københavns Kommune"])
    assert "nævner ikke Odense i den forbindelse" in elsewhere and "om Københavns Kommune" in elsewhere


def test_weak_evidence_beside_a_name_the_documents_lack_says_whose_the_nearest_material_is():
    # "… nævner ikke Aarhus i den forbindelse. Her er det nærmeste, de siger:" stood above Hedensted's takster.
    question = "Hvad er Aarhus Kommunes takst når en skole sender en elev i specialtilbud?"
    decision = _partial((question, "Aarhus"), ("Aarhus",))
    first = partial_lead_in(decision, analyse_question(question), shown_places=["Hedensted Kommune"])
    assert first.endswith("nævner ikke Aarhus i den forbindelse. Her er det nærmeste, de siger om Hedensted Kommune:")


def test_a_part_the_answer_shows_nothing_of_is_not_said_to_be_answered():
    # "Dokumenterne svarer på »Hvad viser effektmålingen?«" had stood above Familiestuen's description alone.
    question = "Hvor mange børn har Familiestuen hjulpet, og hvad viser effektmålingen?"
    analysis = analyse_question(question)
    assert len(analysis.parts) == 2
    decision = Decision("partial", 0.4, (analysis.parts[0].text,), (), _partial((), ()).signals, uncovered_parts=(0,))
    shown = partial_lead_in(decision, analysis, shown_parts={0, 1})
    assert "svarer på »Hvad viser effektmålingen?«, men" in shown
    unshown = partial_lead_in(decision, analysis, shown_parts={0})
    assert unshown.startswith("Delvist svar: Dokumenterne svarer måske ikke på »Hvor mange børn har Familiestuen hjulpet?« og »Hvad viser")
    assert "svarer på" not in unshown


def test_the_missing_years_are_named_together():
    # It read "de har ingen oplysninger om 2023 og har ingen oplysninger om 2024".
    question = "Hvor mange røde vurderinger var der i Torsted i 2023 og 2024?"
    first = partial_lead_in(_partial(("2023", "2024"), ()), analyse_question(question))
    assert "har ingen oplysninger om 2023 og 2024." in first and first.count("har ingen oplysninger") == 1
