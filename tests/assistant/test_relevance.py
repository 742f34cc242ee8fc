"""Coverage statistics on a few hand-written passages."""

from assistant.relevance import RelevanceScorer
from tidlig.text import content_terms

PASSAGES = [
    "Holstebro tilbyder alle nye forældre et kursus.",
    "Ifølge Heckman betaler tidlige investeringer sig.",
    "Familiestuen i Aarhus og i Borås.",
]


def test_rare_terms_weigh_more_than_common_ones():
    scorer = RelevanceScorer(PASSAGES)
    question = content_terms("Hvad tilbyder Holstebro nye forældre?")
    assert scorer.coverage(question, PASSAGES[0]) == 1.0
    assert 0.0 < scorer.coverage(question, "Holstebro") < 1.0 and scorer.coverage(question, PASSAGES[1]) == 0.0


def test_a_name_loses_the_genitive_a_question_gave_it_only_where_the_corpus_uses_the_base_form():
    scorer = RelevanceScorer(PASSAGES)
    assert scorer.base_form("Heckmans") == "Heckman" and scorer.base_form("Holstebros") == "Holstebro"
    assert scorer.base_form("Aarhus") == "Aarhus" and scorer.base_form("Borås") == "Borås"
    assert scorer.base_form("Heckman") == "Heckman"
    assert scorer.base_form("Odenses") == "Odense"  # unknown to the corpus, but Danish names seldom end in "es"


def test_a_compound_of_words_the_corpus_uses_is_known_by_its_parts():
    scorer = RelevanceScorer(["Der er 527 pluspladser i byen.", "Ordningen gælder alle børn.", "Tiden går."])
    assert scorer.knows_word_or_parts("pluspladsordningen")  # "pluspladser" begins with its head
    assert scorer.knows_word_or_parts("Pluspladser")
    assert not scorer.knows_word_or_parts("skærmtid")  # "tid" is too short to count as a part
    assert not scorer.knows_word_or_parts("fluorordning")


def test_a_piece_of_a_hyphenated_word_is_a_word_of_the_corpus():
    # "Hvad er Leksand-modellen?" was declined as naming "Leksand", a name the documents never use.
    scorer = RelevanceScorer(["Forældrekurserne bygger på Leksand-modellen, som er et svensk koncept."])
    assert scorer.knows_word("Leksand") and scorer.knows_word("Leksand-modellen")
    assert not scorer.knows_word("Odense")


def test_a_phrase_is_used_when_a_text_holds_it_case_and_spacing_aside():
    scorer = RelevanceScorer(["’Familie med\nHjerte’ er et kursus.", "Toftegård ligger i Lolland."])
    assert scorer.uses_phrase("Familie med Hjerte")
    assert not scorer.uses_phrase("Lolland med Toftegård")


def test_a_municipality_is_a_name_the_corpus_writes_with_kommune():
    scorer = RelevanceScorer(["Københavns Kommune har 56 skoler.", "I Odense Kommune får familierne en case-manager.", "Ifølge Heckman"])
    assert scorer.is_municipality("København") and scorer.is_municipality("Odense") and scorer.is_municipality("Odenses")
    assert not scorer.is_municipality("Heckman") and not scorer.is_municipality("Aarhus")
