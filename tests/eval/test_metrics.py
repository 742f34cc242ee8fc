"""Answer-form counters and refusal rates, computed from answer texts alone."""

from __future__ import annotations

import pytest

from assistant.relevance import RelevanceScorer
from assistant.types import Answer
from eval.dataset import GoldQuote, Question
from eval.metrics import QuestionScore, aggregate, answer_form
from tidlig.text import content_terms

PASSAGES = [
    "Der er 500 pluspladser i vuggestuer og børnehaver fordelt over hele byen.",
    "KL anbefaler tre ting: at opsporingen styrkes, at forældrene inddrages og sparring.",
    "Varde Kommune har bygget en ny svømmehal. Svømmehallen har fået flere besøgende.",
]
RELEVANCE = RelevanceScorer(PASSAGES)
TERMS = content_terms("Hvor mange pluspladser er der i vuggestuer og børnehaver?")
CLEAN = (
    "Her er, hvad dokumenterne siger om det:\n\n"
    "Der er 500 pluspladser i vuggestuer og børnehaver fordelt over hele byen. [1]\n\n"
    "KL anbefaler tre ting: [2]\n- at opsporingen styrkes [2]\n- at forældrene inddrages [2]\n\n"
    "| Indsats | 2016 [3]|\n|---|---|\n| Pluspladser | 527.000 [3]|\n\n"
    "**Mere fra kilderne**\n\n**Pluspladser i København, side 2**\nPluspladserne findes i vuggestuer over hele byen. [1]"
)


def form(text: str) -> dict[str, int]:
    return answer_form(text, TERMS, RELEVANCE)


def test_a_clean_answer_has_no_defects():
    assert form(CLEAN) == {
        "duplicated_sentences": 0, "dangling_lead_ins": 0, "fragments": 0, "unrelated_sections": 0, "joined_lists": 0, "run_on_items": 0,
        "label_answers": 0,
    }


# A short answer of a slide's boxes as bullets: each holds a word, so no fragment by the line rule.
BOXES = (
    "Kort svar fra dokumenterne:\n\n- Balancen mellem de fællesskabsorienterede og det individuelle indsatser [1]\n"
    "- Særlig støtte og PPR [1]\n- Forebyggende indsatser [1]\n- Inkluderende børnefællesskaber [1]"
)


def test_an_answer_of_labels_alone_is_counted_unless_it_is_presented_as_partial():
    assert form(BOXES)["label_answers"] == 1
    assert form(BOXES)["fragments"] == 0
    assert answer_form(BOXES, TERMS, RELEVANCE, answered=False)["label_answers"] == 0


def test_labels_above_a_statement_or_the_line_on_items_left_out_are_no_label_answer():
    # Hedensted's tracks as labels, then a block that states a figure: the answer says something.
    stated = (
        "Kort svar fra dokumenterne:\n\nUdviklingsspor for dagtilbud [1]\n- Børnesyn i praksis [1]\n- Faglig ledelse [1]\n\n"
        "- Mere end 8 ud af 10 dagtilbudschefer vurderer, at flere børn har brug for en særlig indsats i dag. [2]\n"
        "- *… og 4 punkter mere i kilden*"
    )
    assert form(stated)["label_answers"] == 0
    # The lines on what a list leaves out quote nothing, and do not make a statement's list a stack of labels.
    one_item = (
        "Kort svar fra dokumenterne:\n\nHashmisbrug blandt unge [1]\n- *… 3 punkter før i kilden*\n"
        "- 79,5 pct. af de unge, som er i behandlingssystemet, er i behandling for hash som hovedstof [1]\n"
        "- *… og 2 punkter mere i kilden*"
    )
    assert form(one_item)["label_answers"] == 0
    assert form(BOXES + "\n- *… og 2 punkter mere i kilden*")["label_answers"] == 1


def test_a_list_under_a_title_naming_what_is_asked_is_no_label_answer():
    tracks = "Kort svar fra dokumenterne:\n\nUdviklingsspor for dagtilbud [1]\n- Børnesyn i praksis [1]\n- Faglig ledelse [1]"
    asked = content_terms("Hvilke udviklingsspor har Hedensted sat for dagtilbuddene?")
    assert answer_form(tracks, asked, RELEVANCE, answered=True)["label_answers"] == 0
    assert form(tracks)["label_answers"] == 1  # asked about pluspladser, the title names nothing asked


def test_a_lead_in_or_a_charts_values_are_no_labels():
    lead_in = "Kort svar fra dokumenterne:\n\nKL anbefaler: [1]\n- Evaluer indsatserne løbende [1]\n- Skab koordinering [1]"
    chart = "Kort svar fra dokumenterne:\n\nFIgur 6 Karaktergennemsnit [1]\n- Ikke-anbragte børn: 6.7 [1]\n- Anbragte børn: 4.5 [1]"
    assert form(lead_in)["label_answers"] == 0
    assert form(chart)["label_answers"] == 0


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        # A block's first sentence printed alone, then again inside its paragraph.
        ("\n\nDer er 500 pluspladser i vuggestuer og børnehaver fordelt over hele byen. [1] Det er mange. [1]", "duplicated_sentences"),
        ("\n\nSådan gør man: [2]", "dangling_lead_ins"),  # the answer ends with an announcement
        ("\n\nAndel af børn i pct. 2016 2017 [1]", "fragments"),  # chart labels
        ("\n\n- 12 14 16 [1]", "fragments"),  # a list item without a word
        ("\n\n**Varde, side 9**\nVarde Kommune har bygget en ny svømmehal. [4]", "unrelated_sections"),
        # Another source's list a blank line below the list above: rendered as one list.
        ("\n\nPluspladser fordeles sådan: [1]\n- vuggestuer [1]\n\n- 7 pct. af cheferne oplever pluspladser som svære [4]", "joined_lists"),
        # A sentence from another passage on the line below a list's last item: rendered inside that item.
        ("\n\nPluspladser fordeles sådan: [1]\n- vuggestuer [1]\nPluspladserne gives til vuggestuer med mange børn. [3]", "run_on_items"),
    ],
)
def test_each_defect_is_counted_from_the_text(extra, key):
    counts = form(CLEAN + extra)
    assert counts[key] == 1
    assert sum(counts.values()) == 1


def test_a_lead_in_heading_a_second_list_is_no_duplicate():
    second = "\n\nKL anbefaler tre ting: [4]\n- at sundhedsplejen styrkes [4]\n- at tandplejen inddrages [4]"
    assert form(CLEAN + second)["duplicated_sentences"] == 0
    assert form(CLEAN + "\n\n- at forældrene inddrages [2]")["duplicated_sentences"] == 1  # an item twice is one


def test_an_item_that_introduces_a_nested_list_is_not_dangling():
    nested = "Lead.\n\nÅrsager: [1]\n- Tre hovedårsager: [1]\n  - For få voksne [1]\n  - Pressede forældre [1]"
    assert form(nested)["dangling_lead_ins"] == 0 and form(nested)["fragments"] == 0


def test_a_lead_in_followed_by_a_table_is_not_dangling():
    assert form("Lead.\n\nUdgifterne fordeler sig sådan: [1]\n| a | b [1]|\n|---|---|\n| c | d [1]|")["dangling_lead_ins"] == 0


def test_a_title_above_list_items_is_their_lead_in_not_a_fragment():
    titled = "Lead.\n\nTypisk profil på tilbageførte elever [1]\n- Oftest normalbegavede [1]\n- Elever på mellemtrin [1]"
    assert form(titled)["fragments"] == 0
    assert form("Lead.\n\nTypisk profil på tilbageførte elever [1]")["fragments"] == 1  # with nothing after it


def test_a_title_above_a_table_is_its_title_not_a_fragment():
    table = "| År | Antal udsluset [1]|\n|---|---|\n| 2022 | 7 [1]|\n| 2021 | 6 [1]|"
    assert form(f"Lead.\n\nAntal elever tilbageført fra special- til almenklasse [1]\n\n{table}")["fragments"] == 0
    sentence = "Det er ganske få elever, der kommer tilbage til almenklassen. [1]"
    assert form(f"Lead.\n\nAntal elever tilbageført fra special- til almenklasse [1]\n\n{sentence}")["fragments"] == 1


def _score(kind: str, answerable: bool, answer: Answer, form_counts: dict[str, int] | None = None) -> QuestionScore:
    question = Question(
        "q", "leder", kind, "Spørgsmål?", (GoldQuote("d.txt", "x"),) if answerable else (), ("x",) if answerable else (), "", answerable
    )
    scores = {"citation_precision": 1.0, "citation_recall": 1.0} if answerable and not answer.refused else {}
    return QuestionScore(question, answer, 10.0, answer_scores=scores, form=form_counts or {})


def test_refusal_rates_count_a_partial_answer_to_an_unanswerable_question_as_declined():
    scores = [
        _score("unanswerable", False, Answer("Dokumenterne siger ikke ...", outcome="decline")),
        _score("unanswerable", False, Answer("Dokumenterne beskriver X, men ikke Y.", outcome="partial")),
        _score("unanswerable", False, Answer("Her er svaret.", outcome="answer")),
        _score("fact", True, Answer("Her er svaret. " * 10, outcome="answer"), {"fragments": 2}),
        _score("fact", True, Answer("Nej.", outcome="decline")),
    ]
    report = aggregate(scores)
    assert report["refusal"] == {"unanswerable_declined": round(2 / 3, 4), "answerable_declined": 0.5, "partial_rate": 0.2}
    assert report["answer_form"]["fragments"] == 2
    # Median characters over the answers shown (a decline is not an answer's length).
    partial, answered = len("Dokumenterne beskriver X, men ikke Y."), len("Her er svaret.")
    assert report["answer_form"]["median_chars"] == {"fact": 150, "unanswerable": round((partial + answered) / 2)}


def test_a_guidance_topic_label_in_the_short_answer_is_no_source_section():
    guided = "Lead.\n\n**Underretning**\nVarde Kommune har bygget en ny svømmehal. [1]"
    assert form(guided)["unrelated_sections"] == 0
    assert form(guided.replace("**Underretning**", "**Mere fra kilderne**\n\n**Varde, side 9**"))["unrelated_sections"] == 1


@pytest.mark.parametrize(
    "line",
    [
        "Sprogbørnehaverne har fået flere pladser i år. [4]",  # "børnehave" as the head of a compound
        "Vuggestuepædagogerne fordeles efter behov. [4]",  # "vuggestue" as its first part: not held
    ],
)
def test_a_section_is_judged_by_the_words_its_lines_hold_as_the_composer_reads_them(line):
    section = f"\n\n**Aarhus, side 3**\n{line}"
    related = "Sprogbørnehaverne" in line
    assert form(CLEAN + section)["unrelated_sections"] == (0 if related else 1)


def test_a_list_item_is_read_with_the_line_heading_its_list():
    section = "\n\n**Aarhus, side 3**\nPluspladser i vuggestuer [4]\n- fordeles efter behov [4]\n- følges hvert år [4]"
    assert form(CLEAN + section)["unrelated_sections"] == 0
    assert form(CLEAN + section.replace("Pluspladser i vuggestuer [4]\n", ""))["unrelated_sections"] == 1


def test_a_source_section_need_not_repeat_its_publishers_name():
    # "... har Varde?" above Varde's own slides, which never say "Varde"; the rare name outweighs the common word.
    halls = [f"Hallen nummer {n} har mange besøgende." for n in range(40)]
    relevance = RelevanceScorer(["Varde Kommune har bygget en ny svømmehal.", *halls])
    terms = content_terms("Hvor mange besøgende har Varde?")
    text = "Lead.\n\nSvar. [1]\n\n**Mere fra kilderne**\n\n**Budget 2017, side 9**\nHallen har mange besøgende. [2]"
    assert answer_form(text, terms, relevance, {2: "Varde Kommune"})["unrelated_sections"] == 0
    assert answer_form(text, terms, relevance, {2: "KL"})["unrelated_sections"] == 1


def test_a_key_fact_only_the_lead_in_quotes_from_the_question_is_missed():
    from assistant.verify import CitationVerifier
    from eval.metrics import score_question

    question = Question(
        id="k1", persona="leder", kind="case", question="Hvilken indsats fik adfærdsproblemerne ned, og kører den stadig?",
        gold=(GoldQuote(doc="doc.txt", quote=PASSAGES[0]),), key_facts=("adfærdsproblemerne", "500 pluspladser"),
        reference_answer="", answerable=True,
    )
    answer = Answer(
        "Delvist svar: Dokumenterne svarer på »Hvilken indsats fik adfærdsproblemerne ned?«, men ikke på »Kører den stadig?«.\n\n"
        "Der er 500 pluspladser i vuggestuer og børnehaver fordelt over hele byen. [1]",
        outcome="partial",
    )
    score = score_question(question, answer, 1.0, lambda chunk_id: "", CitationVerifier(RELEVANCE))
    assert score.missed_facts == ["adfærdsproblemerne"]


def test_a_header_row_heading_a_second_excerpt_of_its_table_is_no_duplicate():
    second = "\n\n**Underretning**\n| Indsats | 2016 [3]|\n|---|---|\n| Familiepladser | 400.000 [3]|"
    assert form(CLEAN + second)["duplicated_sentences"] == 0
    assert form(CLEAN + "\n\n| Indsats | 2016 [3]|\n|---|---|\n| Pluspladser | 527.000 [3]|")["duplicated_sentences"] == 1  # a row twice


def test_key_facts_up_front_count_only_what_the_first_screen_below_the_lead_in_holds():
    from assistant.verify import CitationVerifier
    from eval.metrics import UP_FRONT_CHARS, score_question

    question = Question(
        id="u1", persona="pædagog", kind="howto", question="Hvad gør jeg?", gold=(GoldQuote(doc="doc.txt", quote=PASSAGES[0]),),
        key_facts=("500 pluspladser", "tre ting"), reference_answer="", answerable=True,
    )
    filler = "Varde Kommune har bygget en ny svømmehal. [3]\n\n" * (UP_FRONT_CHARS // 40)
    answer = Answer(f"Kort svar fra dokumenterne:\n\n{PASSAGES[0]} [1]\n\n{filler}{PASSAGES[1]} [2]")
    scores = score_question(question, answer, 1.0, lambda chunk_id: "", CitationVerifier(RELEVANCE)).answer_scores
    assert scores["key_fact_recall"] == 1.0 and scores["key_facts_up_front"] == 0.5
