"""The answer / partial / decline decision: unit tests on hand-written passages, and the shipped model on
the real bundled index."""

import json
from dataclasses import replace

import numpy as np
import pytest

from assistant.analysis import analyse_question
from assistant.answerability import (
    DETAIL_GAP,
    MODEL_FILE,
    Answerability,
    document_names,
    AnswerabilityModel,
    Found,
    Signals,
    _absent_figures,
    _name_coverage,
)
from assistant.relevance import RelevanceScorer
from tidlig.text import words
from tests.assistant.fakes import FakeIndex, coverage_model


@pytest.fixture(scope="module")
def index():
    return FakeIndex()


@pytest.fixture(scope="module")
def decider(index):
    return Answerability(coverage_model(), RelevanceScorer(p.text for p in index.passages.values()))


def decide(decider, index, question):
    analysis = analyse_question(question)
    hits = tuple(index.retriever.hybrid(question))
    topic = " ".join(decider.covered_words(question, hits))
    parts = [Found(tuple(index.retriever.hybrid(f"{p.text} {topic}")), 0.0) for p in analysis.parts] if analysis.is_multi_part else []
    return decider.decide(analysis, Found(hits, 0.0), parts)


def decide_on_units(decider, index, question):
    """As ``decide``, with the evidence units of the best passages (the same-unit detail signal reads them)."""
    hits = tuple(index.retriever.hybrid(question))
    units = tuple(u.search_text for h in hits[:5] for u in index.units[h.passage.chunk_id])
    return decider.decide(analyse_question(question), Found(hits, 0.0, units))


def test_a_covered_question_is_answered(decider, index):
    decision = decide(decider, index, "Hvad tilbyder Holstebro nye forældre?")
    assert decision.outcome == "answer" and decision.missing == ()
    assert "Holstebro" in decision.covered


def test_a_name_the_documents_never_use_is_declined_and_named(decider, index):
    decision = decide(decider, index, "Hvad tilbyder Odense nye forældre?")
    assert decision.outcome == "decline"
    assert decision.missing == ("Odense",)


def test_a_topic_asked_of_a_source_that_the_documents_never_use_is_declined_and_named(decider, index):
    """The recommendations of a source the documents quote do not answer what it says about a topic they
    never mention; a topic made of words they do use (its parts) may be covered, so it is not named."""
    decision = decide(decider, index, "Hvad anbefaler Holstebro om skærmtid for nye forældre?")
    assert decision.outcome == "decline" and decision.missing == ("skærmtid",)
    assert "forældrekursus" not in decide(decider, index, "Hvad siger Holstebro om et forældrekursus?").missing
    # What a source is asked to do is named by the verb's object too: a verb the documents do not use is no topic.
    assert "flytte" not in decide(decider, index, "Hvad anbefaler Holstebro om at flytte et forældrekursus?").missing


def test_a_compound_name_is_found_by_its_head_in_the_definite_form():
    # A slide calls "Trivselskommissionen" "Kommissionen"; a place name has no such head.
    passage = [set(words("Kommissionens målgruppe er børn mellem 0-25 år."))]
    vocabulary = {"kommissionen", "kommissionens", "målgruppe", "trivselskommission"}
    assert _name_coverage(["Trivselskommissionen"], passage, vocabulary) == 1.0
    assert _name_coverage(["Hedensted"], passage, vocabulary) == 0.0
    assert _name_coverage(["Trivselskommissionen"], [set(words("Målgruppe er børn."))], vocabulary) == 0.0


def test_a_year_the_best_passages_lack_makes_a_partial_answer(decider, index):
    decision = decide(decider, index, "Hvad tilbød Holstebro nye forældre i 2019?")
    assert decision.outcome == "partial"
    assert decision.missing == ("2019",)
    assert decision.signals.absent_years == ("2019",)


def test_a_year_dating_a_document_it_found_is_no_missing_year(decider):
    """"Rapporten fra 2015" says which document, like a title; a year no found document has is still missing."""
    index = FakeIndex()
    index.passages["case-1"].metadata["year"] = 2015
    assert decide(decider, index, "Hvad tilbyder Holstebro nye forældre ifølge rapporten fra 2015?").missing == ()
    assert decide(decider, index, "Hvad tilbyder Holstebro nye forældre ifølge rapporten fra 2012?").missing == ("2012",)
    assert decide(decider, index, "Hvad tilbød Holstebro nye forældre i 2015?").missing == ("2015",)  # asked, not dating


def test_a_figure_the_best_passages_lack_is_missing_and_one_they_hold_is_not(decider, index):
    assert decide(decider, index, "Takker 75 pct. af familierne i Holstebro ja til kurset?").signals.absent_figures == ("75",)
    assert decide(decider, index, "Takker 98 pct. af familierne i Holstebro ja til kurset?").signals.absent_figures == ()


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("Jeg har en elev, der er oppe på 22 % fravær. Hvad skal jeg gøre?", ()),  # in "20 procent eller mere"
        ("Jeg har en elev med 12 procent fravær. Hvad skal jeg gøre?", ()),  # in "10-14 procent"
        ("Hvad gør vi ved 22 elever med fravær?", ("22",)),  # a count, no share: only the figure itself holds it
    ],
)
def test_a_share_asked_is_held_by_a_limit_or_a_span_it_lies_in(question, absent):
    bodies = ["Niveau 2 (samlet fravær 10-14 procent): et fraværsmøde.", "Niveau 4 (samlet fravær 20 procent eller mere): underretning."]
    assert _absent_figures(question, bodies) == absent


def test_an_uncovered_part_of_a_multi_part_question_is_named(decider, index):
    decision = decide(decider, index, "Hvad er Børnelinealen, og hvad koster den om året?")
    assert decision.outcome == "partial"
    assert decision.uncovered_parts == (1,)
    assert decision.missing == ("hvad koster den om året",)


def test_a_source_a_part_is_asked_of_is_no_name_the_whole_question_seeks(decider, index):
    """A municipality's own notat seldom writes its name: asked of it in one part, the name is given for the
    whole question too, as it is for the part."""
    analysis = analyse_question("Hvad er Børnelinealen i Holstebro, og hvad koster den om året?")
    first, second = analysis.parts
    sourced = replace(analysis, parts=(replace(first, sources=("Holstebro",)), second))
    found = Found(tuple(h for h in index.retriever.hybrid("Børnelinealen") if h.passage.chunk_id == "model-1"), 0.0)
    sought = decider.decide(analysis, found, [found, found]).signals.name_coverage  # Holstebro sought, and not there
    assert sought < decider.decide(sourced, found, [found, found]).signals.name_coverage == 1.0


def test_a_municipality_asked_about_is_there_in_its_own_documents_passages():
    """An organisation's slides seldom repeat its name: Skive's principles, on Skive's own slide, answer "Hvilke
    principper bygger Skives model for overgangen på?" though the slide says "Skive" nowhere. Another
    municipality's passage on the same topic does not answer for Skive."""
    texts = {
        "skive-0": ("Skive Kommune", "Overgangen fra dagtilbud til skole. Skive Kommune, PPR og Dagtilbud."),
        "skive-1": ("Skive Kommune", "Den styrkede overgang bygger på fem principper: brobygger og statusmøde."),
        "faxe-0": ("Faxe Kommune", "Handleguide om overgangen til skole i Faxe Kommune."),
        "faxe-1": ("Faxe Kommune", "Faxes overgangsmodel bygger på tre principper for brobygning."),
    }
    # Other passages, so that "principper" is as rare a topic word as in a real corpus (see RARE_TOPIC_SHARE).
    texts |= {f"kl-{n}": ("KL", f"Tidlig indsats i dagtilbud handler om børns trivsel, afsnit {n}.") for n in range(150)}
    own = FakeIndex(texts)
    decider = Answerability(coverage_model(), RelevanceScorer(p.text for p in own.passages.values()))
    hits = {h.passage.chunk_id: h for h in own.retriever.hybrid("principper overgangen")}
    question = analyse_question("Hvilke principper bygger Skives model for overgangen på?")
    skive_first = Found(tuple(hits[cid] for cid in ("skive-1", "faxe-1", "faxe-0")), 0.0)
    assert decider.decide(question, skive_first).missing == ()
    faxe_first = Found(tuple(hits[cid] for cid in ("faxe-1", "skive-1", "faxe-0")), 0.0)
    assert decider.decide(question, faxe_first).missing == ("Skive",)


def test_a_district_the_best_passage_s_own_document_names_elsewhere_is_not_missing():
    """Aabenraa's model holds for "en børnehave i Tinglev", one of the districts it lists in another section; another
    municipality it names in passing is still missing."""
    texts = {
        "aab-0": ("Aabenraa Kommune", "Tværfagligt Forum mødes i Rødekro, Tinglev og Padborg og med Sønderborg Kommune."),
        "aab-1": ("Aabenraa Kommune", "Tegnene på gult niveau: ændret adfærd og gentagne konflikter i legen."),
        "kl-0": ("KL", "Esbjerg Kommune har en fælles model for tegn på mistrivsel."),
    }
    texts |= {f"kl-{n}": ("KL", f"Tidlig indsats i dagtilbud handler om børns trivsel, afsnit {n}.") for n in range(1, 150)}
    own = FakeIndex(texts)
    statistics = RelevanceScorer(p.text for p in own.passages.values())
    decider = Answerability(coverage_model(), statistics, document_names(own.passages.values()))
    hits = {h.passage.chunk_id: h for h in own.retriever.hybrid("tegnene gult niveau adfærd")}
    found = Found((hits["aab-1"],), 0.0)
    part = analyse_question("Vi er en børnehave i Tinglev. Hvilke tegn på gult niveau skal vi holde øje med?").parts[0]
    assert decider._absent_names(part, found) == ()
    assert Answerability(coverage_model(), statistics)._absent_names(part, found) == ("Tinglev",)
    other = analyse_question("Vi er en børnehave i Sønderborg. Hvilke tegn på gult niveau skal vi holde øje med?").parts[0]
    assert decider._absent_names(other, found) == ("Sønderborg",)  # a municipality of its own, named in passing


def test_an_uncovered_part_the_evidence_answers_is_credited(decider, index):
    question = "Hvad er Børnelinealen, og hvad koster den om året?"
    decision = decide(decider, index, question)
    credited = decider.credit_parts(decision, analyse_question(question), answered={1})
    assert credited.outcome == "answer" and credited.missing == () and credited.uncovered_parts == ()
    assert decider.credit_parts(decision, analyse_question(question), answered={0}) == decision


def test_a_part_asking_about_a_name_the_documents_lack_is_never_credited(decider, index):
    question = "Hvad er Børnelinealen, og hvad koster den om året?"
    decision = replace(decide(decider, index, question), named_parts=(1,))
    assert decider.credit_parts(decision, analyse_question(question), answered={0, 1}) == decision


def test_a_credited_part_leaves_weak_evidence_a_partial_answer(index):
    statistics = RelevanceScorer(p.text for p in index.passages.values())
    strict = Answerability(replace(coverage_model(), answer_threshold=0.9999), statistics)
    question = "Hvad er Børnelinealen, og hvad koster den om året?"
    credited = strict.credit_parts(decide(strict, index, question), analyse_question(question), answered={1})
    assert credited.outcome == "partial" and credited.missing == (question,) and credited.uncovered_parts == ()


def test_names_a_text_never_holds_are_absent_in_any_inflection(decider):
    question = "Hvad tilbyder Holstebro Kommune nye forældre?"
    assert decider.names_absent(question, "Holstebros kursus i Holstebro Kommunes regi") == ()
    assert decider.names_absent(question, "Viborg Kommune screener alle børn") == ("Holstebro",)


def test_a_long_name_a_document_misspells_by_one_letter_is_no_absent_name(decider):
    # A slide titled "Videnrådet for forebyggelse 2021" read as not naming "Vidensrådets".
    question = "Hvad tilbyder Holstebro Kommune nye forældre?"
    assert decider.names_absent(question, "Holstebr Kommune tilbyder kurser") == ()  # one letter dropped
    assert decider.names_absent(question, "Holstebrro Kommune tilbyder kurser") == ()  # one letter added
    assert decider.names_absent(question, "Holsbro Kommune tilbyder kurser") == ("Holstebro",)  # two letters apart


def test_a_covered_topic_without_the_asked_price_is_a_partial_answer_naming_it(decider, index):
    decision = decide_on_units(decider, index, "Hvad koster kurset for nye forældre i Holstebro?")
    assert decision.outcome == "partial"
    assert decision.missing == ("prisen",)
    assert decision.signals.detail_gap >= DETAIL_GAP and decision.signals.detail_coverage == 0.0


def test_a_figure_in_the_unit_with_the_topic_is_an_answer(decider, index):
    decision = decide_on_units(decider, index, "Hvor stor en andel af familierne i Holstebro takker ja til kurset?")
    assert decision.outcome == "answer" and decision.missing == ()
    assert decision.signals.detail_gap == 0.0 and decision.signals.detail_coverage > 0.3


def test_a_followup_is_judged_on_the_figure_it_asks_not_on_the_earlier_questions(decider, index):
    """Joined to the earlier question for retrieval, "Hvor hurtigt skal en familie så kunne komme til?" had been judged
    as asking the earlier question's sum, and "de nævner ikke beløbet" stood above the answer."""
    from assistant.analysis import analyse_followup

    followup = "Hvor stor en andel af familierne takker ja til kurset?"
    query = f"Hvad koster kurset for nye forældre i Holstebro? {followup}"
    hits = tuple(index.retriever.hybrid(query))
    units = tuple(u.search_text for h in hits[:5] for u in index.units[h.passage.chunk_id])
    decision = decider.decide(analyse_followup(query, followup), Found(hits, 0.0, units))
    assert decision.missing == ()  # the share it asks for stands with the topic; the price is not asked now


def test_the_documents_word_for_an_everyday_phrase_is_no_missing_topic_where_they_never_use_it(decider, index):
    """"tolk" is added for "oversætte" (assistant.wording); these documents never say it, and the question's own words
    are what is judged: the added word must not count as a topic they lack."""
    stats = decider._statistics
    assert not stats.known("tolk")
    own = ("storebror", "oversæt", "bekymring", "barn")  # the question's own terms; "tolk" is added for "oversætte"
    expected = sum(stats.idf(t) for t in own if not stats.known(t)) / sum(stats.idf(t) for t in own)
    signals = decide(decider, index, "Kan storebror ikke bare oversætte ved bekymring for et barn?").signals
    assert signals.unknown_terms == pytest.approx(expected)


def test_a_word_asking_for_a_detail_that_no_passage_uses_is_no_missing_topic(decider, index):
    """The documents give prices in kroner, never with "koster": the word asks, it names no topic they lack."""
    assert not decider._statistics.known("kost")
    assert decide(decider, index, "Hvad koster sparring ved bekymring for et barn?").signals.unknown_terms == 0.0
    assert decide(decider, index, "Hvad koster cyklen ved bekymring for et barn?").signals.unknown_terms > 0.0


def test_an_asked_price_on_a_topic_the_documents_lack_is_declined(decider, index):
    assert decide_on_units(decider, index, "Hvad koster en ny cykel?").outcome == "decline"


# A corpus where the case municipalities are rare, as in the real documents, and "Danmark" is the setting.
CASES = (
    "I Herning er antallet af børnesager 20 pr. rådgiver.",
    "Også Esbjerg er slået ind på den svenske vej med tæt opfølgning.",
    "Antallet af hashmisbrugere steg fra 7.000 i 2006 til 11.000 i 2010.",
    "I 2014 fik dagtilbuddene en ny læreplan.",
)
FILLER = tuple(f"Børn i dagtilbud nummer {n} i Danmark trives, når de voksne samarbejder." for n in range(150))


@pytest.fixture(scope="module")
def case_decider():
    return Answerability(coverage_model(), RelevanceScorer(CASES + FILLER))


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("Hvor mange børnesager har en rådgiver i Esbjerg?", ("antallet af børnesager",)),  # the figure is Herning's
        ("Hvor mange børnesager har en rådgiver i Herning?", ()),
        ("Hvor mange hashmisbrugere var der i 2014?", ("2014",)),  # 2014 only stands with another topic
        ("Hvor mange hashmisbrugere var der i 2010?", ()),
        ("Hvor mange hashmisbrugere var der i Danmark i 2010?", ()),  # the setting need not stand in the unit
    ],
)
def test_the_asked_detail_must_stand_in_one_unit_with_the_topic(case_decider, question, absent):
    analysis = analyse_question(question)
    _, gap, missing = case_decider.same_unit_detail(analysis.terms, CASES, analysis.detail, analysis.years, _names(case_decider, question))
    assert missing == absent
    assert (gap >= DETAIL_GAP) == bool(absent)


@pytest.mark.parametrize(
    ("held", "absent"),
    [
        ("Forældresamtykket gælder for den konkrete sag og højst 1 år.", ()),  # a compound holds the topic's words
        ("Underretningen vurderes af Modtagelsen inden for 24 timer.", ("varigheden",)),  # a deadline, no validity
    ],
)
def test_how_long_a_thing_holds_is_not_named_missing_when_a_unit_says_it_in_its_own_words(case_decider, held, absent):
    question = "Hvor længe kan vi bruge et samtykke fra forældrene til PPR?"
    analysis = analyse_question(question)
    units = (
        "Samtykke fra forældrene til PPR indhentes skriftligt på skemaet, og forældrene får en kopi.",
        held,
    )
    _, _, missing = case_decider.same_unit_detail(analysis.terms, units, analysis.detail, analysis.years, _names(case_decider, question))
    assert missing == absent


@pytest.mark.parametrize(
    ("antecedent", "absent"),
    [
        ("Der er to pointer i Heckmans projekt.", ()),  # the sentence the unit goes on from names it
        ("Også Esbjerg er slået ind på den svenske vej.", ("antallet af børnesager",)),
        ("", ("antallet af børnesager",)),  # a passage's first unit
    ],
)
def test_the_asked_name_may_stand_in_the_sentence_before_the_unit(case_decider, antecedent, absent):
    question = "Hvor mange børnesager har en rådgiver i Heckmans projekt?"
    analysis = analyse_question(question)
    units, before = ("I disse tre områder er antallet af børnesager 20 pr. rådgiver.",), (antecedent,)
    names = _names(case_decider, question)
    assert case_decider.same_unit_detail(analysis.terms, units, analysis.detail, analysis.years, names, before)[2] == absent


def test_a_share_of_the_very_thing_counted_answers_a_count(case_decider):
    """"42 procent af kommunerne" counts municipalities in its own words, though not the question's
    ("fordelingskriterier" for "fordelingsmodeller"); the best covering unit names no figure at all."""
    question = "Hvor mange kommuner bruger socioøkonomiske fordelingsmodeller?"
    units = (
        "Kommunerne bruger socioøkonomiske fordelingsmodeller til daginstitutionerne.",
        "42 procent af kommunerne anvender socioøkonomiske fordelingskriterier.",
    )
    analysis = analyse_question(question)
    _, gap, missing = case_decider.same_unit_detail(analysis.terms, units, analysis.detail, analysis.years)
    assert missing == () and gap == 0.0
    # A figure that counts something else does not: the count stays missing.
    other = (units[0], "42 procent af daginstitutionerne anvender socioøkonomiske fordelingskriterier.")
    assert case_decider.same_unit_detail(analysis.terms, other, analysis.detail, analysis.years)[2] == ("antallet af kommuner",)


def test_a_year_is_missing_when_the_asked_thing_is_counted_only_for_other_years(case_decider):
    """A sentence about a meeting "i foråret 2024" holds the year and the topic's word, but the count of the very thing
    asked stands only with 2023: "Hvor mange underretninger ... i 2024?" is not answered by it."""
    question = "Hvor mange underretninger fik kommunen i 2024?"
    analysis = analyse_question(question)
    units = (
        "I 2023 modtog kommunen 1.287 underretninger om 742 børn.",
        "Kommunen holdt mødet, fordi 38 pædagoger i foråret 2024 var usikre på, hvornår de skal lave underretninger.",
    )
    assert case_decider.same_unit_detail(analysis.terms, units, analysis.detail, analysis.years)[2] == ("2024",)
    counted = (units[0].replace("2023", "2024"), units[1])
    assert case_decider.same_unit_detail(analysis.terms, counted, analysis.detail, analysis.years)[2] == ()


def _names(decider, question):
    return [n for n in analyse_question(question).names if not decider._statistics.is_setting(n)]


def test_signals_as_if_the_detail_were_found_close_the_gap():
    signals = Signals(
        0.8, 0.8, 0.5, 0.5, 0.0, (), (), (), True, 0.5, 1.0, 0.3, False, detail_coverage=0.1, detail_gap=0.6, absent_details=("prisen",)
    )
    found = signals.with_detail_found()
    assert (found.detail_coverage, found.detail_gap, found.missing) == (0.7, 0.0, ())


def test_an_off_topic_question_is_declined(decider, index):
    assert decide(decider, index, "Hvordan skifter man dæk på en cykel?").outcome == "decline"


def test_a_concern_is_never_declined(decider, index):
    question = "Jeg er bekymret for en dreng på stuen, han virker trist og lugter af røg. Hvad gør jeg?"
    decision = decide(decider, index, question)
    assert analyse_question(question).is_concern
    assert decision.outcome in ("answer", "partial")


def test_signals_measure_agreement_and_the_expected_answer_shape(decider, index):
    signals = decide(decider, index, "Hvor mange af familierne i Holstebro takker ja?").signals
    assert signals.type_found  # "98 pct." answers "hvor mange"
    assert signals.agreement == 1.0  # the fake ranks every hit in both lists
    assert signals.vector().shape == (len(Signals.FEATURES),)


def test_the_model_saves_and_loads(tmp_path):
    model = coverage_model(threshold=0.4)
    model.save(tmp_path / "m.json")
    assert AnswerabilityModel.load(tmp_path / "m.json") == model


def test_a_model_fitted_for_other_features_is_refused(tmp_path):
    data = json.loads(MODEL_FILE.read_text())
    data["features"] = data["features"][:-1]
    (tmp_path / "old.json").write_text(json.dumps(data))
    with pytest.raises(ValueError, match="eval.fit"):
        AnswerabilityModel.load(tmp_path / "old.json")


def test_the_shipped_model_is_fitted_and_calibrated():
    model = AnswerabilityModel.load()
    assert 0 < model.threshold < 1 and model.fitted_on
    weights = dict(zip(model.features, model.weights, strict=True))
    # What the fit must have learnt: names the corpus never uses count against, similarity for.
    assert weights["unknown_names"] < 0 < weights["similarity"]
    assert np.all(np.array(model.scale) > 0)


# ---- the shipped model on the real bundled index --------------------------------------------------


@pytest.mark.parametrize(
    ("question", "outcomes"),
    [
        ("Hvad gør Holstebro for at støtte nye forældre?", ("answer",)),
        ("Hvilken opsporingsmodel bruger Odder Kommune i dagplejen?", ("decline", "partial")),
        ("Hvor mange børn og unge var anbragt uden for hjemmet i Danmark i 2031?", ("decline", "partial")),
        ("Hvordan skifter man olie på en varebil?", ("decline",)),
        ("Hvad er Leksand-modellen?", ("answer",)),  # declined for "Leksand", which the corpus writes hyphenated
    ],
)
def test_the_shipped_model_on_the_bundled_index(assistant, question, outcomes):
    assert assistant.assess(question).decision.outcome in outcomes


def test_a_question_naming_the_documents_is_searched_without_them(assistant):
    # "dokumenterne" in the searched query: dense and keyword search agreed on 1 of the best 5, and it was declined.
    assert assistant.assess("Hvad siger dokumenterne samlet om forældreinddragelse?").decision.outcome != "decline"


@pytest.mark.parametrize(
    "question", ["Hvilke redskaber til tidlig opsporing nævnes i materialet?", "Hvad fremgår af teksterne om sprogvurdering?"]
)
def test_words_pointing_at_the_documents_are_no_unknown_terms(assistant, question):
    # As terms, "nævnes i materialet" made the first a partial answer (p 0.27, unknown terms 0.31).
    assert assistant.assess(question).decision.signals.unknown_terms == 0.0


def test_weak_evidence_between_the_two_thresholds_is_a_partial_answer(index):
    statistics = RelevanceScorer(p.text for p in index.passages.values())
    question = "Hvad tilbyder Holstebro nye forældre?"
    strict = Answerability(replace(coverage_model(), answer_threshold=0.9999), statistics)
    decision = decide(strict, index, question)
    assert decision.outcome == "partial" and decision.missing == (question,)
    assert decide(Answerability(coverage_model(), statistics), index, question).outcome == "answer"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("København", "Københavns Kommune har socialrådgivere i daginstitutionerne."),  # the text's genitive
        ("Hedensteds", "Hedensted Kommune fordeler budgettet."),  # the question's genitive
    ],
)
def test_a_name_is_found_in_either_genitive(name, text):
    assert _name_coverage([name], [set(words(text))]) == 1.0


def test_a_name_in_the_definite_form_is_found_without_its_ending():
    # "Hvad beskytter børn ifølge Vidensrådet, ...?" was declined above the slide "Vidensråd for forebyggelse".
    assert _name_coverage(["Vidensrådet"], [set(words("Vidensråd for forebyggelse rapport (0-9 år)"))]) == 1.0
    assert _name_coverage(["Vidensrådets"], [set(words("Vidensråds rapport"))]) == 1.0
    assert _name_coverage(["Vejen"], [set(words("Vej og park"))]) == 0.0  # too short a rest to be a name


def _slide(section: str, text: str):
    from index import Passage, ScoredPassage

    meta = {"doc_id": "deck.txt", "title": "Oplæg", "section": section, "context": f"Oplæg – {section}"}
    return ScoredPassage(Passage(f"deck-{section}", text, meta), 1.0, dense_rank=1, dense_similarity=0.8)


@pytest.mark.parametrize(
    ("question", "section", "outcome"),
    [
        ("Hvad pegede den eksterne foranalyse fra Komponent på?", "Komponents foranalyse", "partial"),  # the whole title
        ("Hvad pegede den eksterne analyse fra Komponent på?", "Komponents foranalyse", "decline"),  # "foranalyse" missing
        ("Hvad siger de om økonomi i kommunen?", "Økonomi", "decline"),  # one word names no section
    ],
)
def test_a_question_holding_a_found_section_s_whole_title_is_no_decline(question, section, outcome):
    hits = (_slide(section, "Større opmærksomhed på børnesynet. Tydeligere specialpladser."),)
    never = replace(coverage_model(threshold=0.25), bias=-20.0, answer_threshold=0.45)  # declines whatever the evidence
    decider = Answerability(never, RelevanceScorer([hits[0].passage.text, "Komponents foranalyse", "Økonomi i kommunen"]))
    assert decider.decide(analyse_question(question), Found(hits, 0.0)).outcome == outcome


def _case(title: str, text: str):
    from index import Passage, ScoredPassage

    meta = {"doc_id": "kl.txt", "title": "KL-udspil", "case_title": title, "context": f"KL-udspil – {title}"}
    return ScoredPassage(Passage("kl-case-4", text, meta), 1.0, dense_rank=1, dense_similarity=0.8)


@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        ("Hvilken case handler om idrætsforeninger?", "answer"),  # the title names it; the sentences do not
        ("Hvilken case handler om svømmehaller?", "partial"),
    ],
)
def test_a_question_for_the_case_about_something_its_title_names_is_answered(question, outcome):
    hits = (_case("Unge Coaches og Mentorer i idrætsforeninger", "De unge uddannes til foreningsvejledere for børn."),)
    weak = replace(coverage_model(threshold=0.25), bias=-1.0, answer_threshold=0.99)  # weak evidence, whatever it holds
    decider = Answerability(weak, RelevanceScorer([hits[0].passage.text, "idrætsforeninger", "svømmehaller"]))
    assert decider.decide(analyse_question(question), Found(hits, 0.0)).outcome == outcome


@pytest.mark.parametrize(
    ("unit", "outcome"),
    [
        ("Blot 1 ud af 10 vuggestuer har god kvalitet i undersøgelsen.", "partial"),  # the count, with the topic
        ("Vuggestuer med god kvalitet gør en forskel i undersøgelsen.", "decline"),  # the topic, no count
    ],
)
def test_a_unit_holding_the_asked_detail_with_the_topic_is_no_decline(unit, outcome):
    hits = (_slide("Kvalitet", unit),)
    never = replace(coverage_model(threshold=0.25), bias=-20.0, answer_threshold=0.45)
    decider = Answerability(never, RelevanceScorer([unit, "Økonomi i kommunen", "Tilflyttere betaler ikke"]))
    question = "Hvor mange vuggestuer har god kvalitet ifølge undersøgelsen?"
    assert decider.decide(analyse_question(question), Found(hits, 0.0, (unit,))).outcome == outcome


def _case_of(place: str, text: str):
    from index import Passage, ScoredPassage

    meta = {"doc_id": "kl.txt", "title": "KL-udspil", "case_title": "Styrket kriminalitetsforebyggelse", "municipality": place}
    return ScoredPassage(Passage("kl-case-6", text, meta), 1.0, dense_rank=1, dense_similarity=0.8)


@pytest.mark.parametrize(
    ("question", "place", "outcome"),
    [
        # "anmeld" stands only in the compound "straffelovsanmeldelser"; "givet" asks what came of it.
        ("Er der et eksempel, hvor kriminalitetsforebyggelse har givet færre anmeldelser?", "Ishøj Kommune", "answer"),
        ("Er der et eksempel, hvor kriminalitetsforebyggelse har givet færre anmeldelser?", "", "partial"),  # no case
        ("Er der et eksempel, hvor kriminalitetsforebyggelse har givet færre indbrud i skolerne?", "Ishøj Kommune", "partial"),
        ("Har kriminalitetsforebyggelse givet færre anmeldelser?", "Ishøj Kommune", "partial"),  # no example asked for
    ],
)
def test_a_request_for_an_example_is_answered_by_the_found_case_holding_its_topic(question, place, outcome):
    text = "Antallet af straffelovsanmeldelser er faldet, efter at kriminalitetsforebyggelsen blev samlet."
    hits = (_case_of(place, text),)
    weak = replace(coverage_model(threshold=0.25), bias=-1.0, answer_threshold=0.99)  # weak evidence, whatever it holds
    decider = Answerability(weak, RelevanceScorer([text, "færre børn", "indbrud", "skolerne", "givet"]))
    assert decider.decide(analyse_question(question), Found(hits, 0.0)).outcome == outcome


@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        ("Hvilke principper bygger modellen for en forstærket skolestart på?", "answer"),  # "fem principper" announces them
        ("Hvilke metoder bygger modellen for en forstærket skolestart på?", "decline"),  # no list of methods is counted
    ],
)
def test_a_best_passage_counting_the_asked_things_answers_a_list_question(question, outcome):
    texts = {
        "guide-1": ("Skive", "Den styrkede overgang – fem principper\n- Vi starter tidligt.\n- Én fast brobygger følger barnet."),
        "guide-2": ("Skive", "Overgangen fra dagtilbud til skole er særlig sårbar for børn i udsatte positioner."),
    }
    index = FakeIndex(texts=texts)
    model = replace(coverage_model(threshold=0.95), answer_threshold=0.99)  # below 0.95 a decline, below 0.99 a partial
    decider = Answerability(model, RelevanceScorer(p.text for p in index.passages.values()))
    assert decide(decider, index, question).outcome == outcome
