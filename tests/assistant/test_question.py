import time

import pytest

from assistant.question import (
    MAX_ANSWER_TURN_CHARS,
    MAX_HISTORY_TURNS,
    MAX_QUESTION_CHARS,
    bounded_history,
    clean_question,
    requested_topic,
    search_query,
    standalone_query,
    with_danish_letters,
)
from assistant.types import Turn
from tidlig.text import proper_nouns


def test_whitespace_and_markup_are_cleaned():
    cleaned = clean_question("  <b>Hvad</b>   er\n tidlig\tindsats? ")
    assert cleaned.text == "Hvad er tidlig indsats?"
    assert not cleaned.is_empty


def test_empty_and_punctuation_only_questions_are_empty():
    for raw in ("", "   \n\t", "???!!", "...", "<br>"):
        assert clean_question(raw).is_empty, raw


def test_a_very_long_question_is_cut_at_a_word():
    cleaned = clean_question("ord " * 1000)
    assert cleaned.was_cut
    assert len(cleaned.text) <= MAX_QUESTION_CHARS
    assert cleaned.text.endswith("ord")


@pytest.mark.parametrize(
    ("asked", "question"),
    [
        ("Lav en kort oversigt over KL's anbefalinger om tidlig indsats til et oplæg.", "Hvilke er KL's anbefalinger om tidlig indsats?"),
        ("Kan du lave en liste over de fire fordelingsmetoder til mit oplæg på kurset?", "Hvilke er de fire fordelingsmetoder?"),
        ("Skriv en kort sammenfatning af Hedensteds incitamentsmodel til personalemødet", "Hedensteds incitamentsmodel."),
        ("Giv mig eksempler på kommuner, der arbejder med PALS.", "Giv mig eksempler på kommuner, der arbejder med PALS."),  # no frame
        ("Lav en oversigt.", "Lav en oversigt."),  # a frame around nothing is left as it is
        # What it is for, put first, is no topic; a meeting may be one.
        ("Til mit oplæg: Hvor mange underretninger fik kommunen i 2024?", "Hvor mange underretninger fik kommunen i 2024?"),
        ("Til brug i min undervisning – hvad er de fem trin?", "Hvad er de fem trin?"),
        ("Til mødet med forældrene: hvad skal jeg sige?", "Til mødet med forældrene: hvad skal jeg sige?"),
        # What it is for, told in a sentence of its own, is no topic either; a sentence naming the topic stays.
        ("Hvilke tegn skal man underrette på? Jeg skal bruge eksempler til et kursus.", "Hvilke tegn skal man underrette på?"),
        ("Hvor lang er ventetiden? Jeg vil bruge tallet i et oplæg.", "Hvor lang er ventetiden?"),
        ("Hvad er reglerne? Jeg vil bruge dem på et slide.", "Hvad er reglerne?"),
        ("Hvad koster det? Jeg vil gerne have det rigtige tal med i mine slides.", "Hvad koster det?"),
        ("Hvad gør forældrene? Jeg vil bruge det i nogle cases i undervisningen.", "Hvad gør forældrene?"),
        ("Jeg underviser i samtykke. Hvor længe gælder det?", "Jeg underviser i samtykke. Hvor længe gælder det?"),
        ("Jeg skal bruge eksempler til et kursus.", "Jeg skal bruge eksempler til et kursus."),  # nothing else is asked
    ],
)
def test_a_request_for_material_is_asked_as_the_question_it_is(asked, question):
    assert requested_topic(asked) == question


@pytest.mark.parametrize(
    ("followup", "leans"),
    [
        ("Hvor mange bliver færdige inden for to måneder?", True),  # what it counts is the earlier question's
        ("Hvor mange børn bliver anbragt hvert år?", False),  # it names what it counts
        ("Hvor mange er anbragt i Danmark?", False),  # it names where
    ],
)
def test_a_count_that_leaves_out_what_it_counts_leans_on_the_earlier_question(followup, leans):
    earlier = "Hvad gør Varde med de børnefaglige undersøgelser?"
    query = standalone_query(followup, [Turn("user", earlier), Turn("assistant", "Varde samler alle hurtigt.")])
    assert (query == f"{earlier} {followup}") is leans


@pytest.mark.parametrize(
    ("followup", "leans"),
    [
        ("Hvor længe varer et forløb?", True),  # a time of a topic of two words: whose forløb is the earlier's
        ("Hvad koster de?", True),
        ("Hvor lang tid tager en børnefaglig undersøgelse?", False),  # a topic of its own
        ("Hvor længe varer et forløb i Familiestuen?", False),  # it names what it asks about
        ("Hvordan arbejder pædagogerne med sprog i vuggestuen?", False),  # no figure or time asked
    ],
)
def test_a_detail_asked_of_a_bare_topic_leans_on_the_earlier_question(followup, leans):
    earlier = "Hvad er Familiestuen?"
    query = standalone_query(followup, [Turn("user", earlier), Turn("assistant", "Familiestuen er et tilbud.")])
    assert (query == f"{earlier} {followup}") is leans


@pytest.mark.parametrize(
    ("followup", "leans"),
    [
        ("Hvordan ser den ud i dagtilbud i Hedensted?", True),  # the earlier topic, asked about in a place
        ("Hvordan bruger man den i Varde?", True),
        ("Hvad koster det at få en plads i Hedensted?", False),  # a formal "det": a question of its own
        ("Hvordan arbejder Hedensted med overgange mellem dagtilbud og skole?", False),
    ],
)
def test_a_question_about_it_in_a_place_leans_on_the_earlier_question(followup, leans):
    earlier = "Hvad er en indsatstrappe?"
    query = standalone_query(followup, [Turn("user", earlier), Turn("assistant", "En indsatstrappe er ...")])
    assert (query == f"{earlier} {followup}") is leans


def test_a_standalone_question_is_kept():
    history = [Turn("user", "Hvad gør Holstebro for nye forældre?")]
    question = "Hvordan kan dagtilbud samarbejde med sundhedsplejen om de helt små børn?"
    assert standalone_query(question, history) == question


@pytest.mark.parametrize(
    ("earlier", "query"),
    [
        # A short statement before the question tells its setting: the question alone had got KL's support for parents.
        ("Vi bruger Børnelinealen", "Vi bruger Børnelinealen. Hvad gør vi, hvis et barn ligger på 4?"),
        ("Tak for svaret", "Hvad gør vi, hvis et barn ligger på 4?"),  # a courtesy sets no scene
        ("Hvad er Børnelinealen?", "Hvad gør vi, hvis et barn ligger på 4?"),  # a question does not either
        (" ".join(["Vi bruger Børnelinealen i alle vores institutioner"] * 3), "Hvad gør vi, hvis et barn ligger på 4?"),  # nor a long note
    ],
)
def test_a_short_statement_before_a_question_is_its_setting(earlier, query):
    history = [Turn("user", earlier), Turn("assistant", "…")]
    assert standalone_query("Hvad gør vi, hvis et barn ligger på 4?", history) == query


@pytest.mark.parametrize(
    "followup",
    [
        "Okay. Og hvis vi har kørt sprogaktiviteter med ham i et par måneder uden fremgang, hvad gør vi?",  # a courtesy first
        "Hvor hurtigt skal en familie så kunne komme til, når de har henvendt sig?",  # "så" as "then"
        "Hvad er så næste skridt for dagtilbuddet og forældrene?",
    ],
)
def test_a_followup_after_a_courtesy_or_asking_on_with_then_takes_the_earlier_question_along(followup):
    history = [Turn("user", "Hvad er Åben Familiedør i Sorø?"), Turn("assistant", "Et tilbud om rådgivning …")]
    assert standalone_query(followup, history) == f"Hvad er Åben Familiedør i Sorø? {followup}"


@pytest.mark.parametrize(
    "question",
    [
        "Hvor længe skal et nyt barn i dagplejen have, så det kan nå at falde til hos dagplejeren?",  # "så" of purpose
        "Hvordan arbejder dagtilbud med sprog i vuggestuen, så tidligt som muligt efter opstart?",
        "Ok, hvordan kan dagtilbud samarbejde med sundhedsplejen om de helt små børn?",
    ],
)
def test_so_of_degree_or_purpose_and_a_courtesy_before_a_question_of_its_own_lean_on_nothing(question):
    history = [Turn("user", "Hvad er Åben Familiedør i Sorø?"), Turn("assistant", "Et tilbud om rådgivning …")]
    assert standalone_query(question, history) == question


def test_a_followup_takes_the_earlier_question_along():
    history = [Turn("user", "Hvad gør Holstebro for nye forældre?"), Turn("assistant", "Familie med Hjerte …")]
    assert standalone_query("Virkede det?", history) == "Hvad gør Holstebro for nye forældre? Virkede det?"


def test_an_earlier_request_without_a_full_stop_ends_as_a_sentence_before_the_followup():
    # Run on, "Hvor" read as a name in the middle of a sentence, which no unit counting the schools held.
    history = [Turn("user", "Fortæl om socialrådgivere på skolerne"), Turn("assistant", "Københavns Kommune …")]
    query = standalone_query("Hvor mange skoler er med nu?", history)
    assert query == "Fortæl om socialrådgivere på skolerne. Hvor mange skoler er med nu?"
    assert proper_nouns(query) == []


def test_a_followup_that_points_back_with_sadan_takes_the_earlier_question_along():
    history = [Turn("user", "Findes der et tilbud, hvor forældre er med i børnehaven?"), Turn("assistant", "Ja, Familiestuen.")]
    query = standalone_query("Hvor længe varer sådan et forløb, og hvor mange familier er med?", history)
    assert query == (
        "Findes der et tilbud, hvor forældre er med i børnehaven? Hvor længe varer sådan et forløb, og hvor mange familier er med?"
    )


@pytest.mark.parametrize(
    ("followup", "leans"),
    [
        ("Hvilken efteruddannelse fik de, og blev resten af personalet også klædt på?", True),  # "de" after its verb
        ("Hvor tit mødes de?", True),
        ("Hvad er de vigtigste anbefalinger om efteruddannelse af personalet?", False),  # the article before an adjective
    ],
)
def test_a_followup_whose_subject_is_they_takes_the_earlier_question_along(followup, leans):
    history = [Turn("user", "Hvad var sprogtrænerne i Sprogbroen?"), Turn("assistant", "Pædagoger med 10 timer om ugen …")]
    assert (standalone_query(followup, history) != followup) is leans


@pytest.mark.parametrize(
    "followup", ["Hvad koster forløbet pr. familie?", "Hvor mange børn deltog i tilbuddet?", "Hvad viste evalueringen af børnenes trivsel?"]
)
def test_a_followup_that_names_what_was_talked_about_by_its_definite_form_takes_the_earlier_question_along(followup):
    history = [Turn("user", "Hvad er Familiestuen i Frederikshavn?"), Turn("assistant", "Et tilbud til familier …")]
    assert standalone_query(followup, history) == f"Hvad er Familiestuen i Frederikshavn? {followup}"


def test_a_followup_about_another_municipality_swaps_the_name():
    history = [Turn("user", "Hvordan arbejder Viborg med tidlig opsporing?")]
    assert standalone_query("Og hvad med Hedensted?", history) == "Hvordan arbejder Hedensted med tidlig opsporing?"
    # A follow-up that asks a question of its own is asked in the earlier one's context, not in its words.
    own = "Og hvad gør Hedensted for at få specialviden tættere på dagtilbuddene?"
    assert standalone_query(own, history) == f"Hvordan arbejder Viborg med tidlig opsporing? {own}"


@pytest.mark.parametrize(
    ("earlier", "followup", "query"),
    [
        ("Hvad anbefaler KL om forældrekurser?", "Og i Holstebro?", "Hvad anbefaler Holstebro om forældrekurser?"),
        ("Hvad siger BUPL og KORA om fordelingsmodeller?", "Og i København?", "Hvad siger København om fordelingsmodeller?"),
        ("Hvad gør Viborg og Hedensted med opsporing?", "Og Holstebro?", "Hvad gør Holstebro med opsporing?"),
        # "KL-udspillet" names the report, not a source asked; PALS is no source at all.
        ("Hvad gør kommunerne i KL-udspillet?", "Og hvad med Hedensted?", "Hvad gør kommunerne i KL-udspillet? Og hvad med Hedensted?"),
        ("Hvad er PALS?", "Og i Gladsaxe?", "Hvad er PALS? Og i Gladsaxe?"),
    ],
)
def test_a_followup_naming_another_place_asks_it_in_place_of_every_earlier_source(earlier, followup, query):
    assert standalone_query(followup, [Turn("user", earlier)], ["KL", "BUPL", "KORA", "København"]) == query


def test_without_history_nothing_changes():
    assert standalone_query("Virkede det?", []) == "Virkede det?"


def test_history_is_cut_to_the_last_turns_each_bounded():
    history = [Turn("user", f"spørgsmål {n} " + "ord " * 50_000) for n in range(40)]
    history.append(Turn("assistant", "svar " * 400_000))
    bounded = bounded_history(history)
    assert len(bounded) == MAX_HISTORY_TURNS
    assert bounded[-1].role == "assistant" and len(bounded[-1].content) <= MAX_ANSWER_TURN_CHARS
    assert all(len(turn.content) <= MAX_QUESTION_CHARS for turn in bounded if turn.role == "user")
    assert bounded[0].content.startswith("spørgsmål 35 ")  # the most recent turns, in their order


def test_a_huge_earlier_turn_gives_a_short_followup_query_quickly():
    earlier = "Hvad gør Holstebro for nye forældre? " * 40_000  # 1.4 MB
    started = time.perf_counter()
    query = standalone_query("Virkede det?", bounded_history([Turn("user", earlier), Turn("assistant", "…")]))
    assert time.perf_counter() - started < 1.0
    assert query.startswith("Hvad gør Holstebro for nye forældre?") and query.endswith("Virkede det?")
    assert len(query) <= MAX_QUESTION_CHARS + len(" Virkede det?")


def test_empty_turns_are_dropped_and_short_ones_kept_whole():
    history = [Turn("user", "Hvad er PALS?"), Turn("assistant", "  "), Turn("assistant", "PALS er …")]
    assert bounded_history(history) == (Turn("user", "Hvad er PALS?"), Turn("assistant", "PALS er …"))
    assert bounded_history(None) == ()


def test_a_huge_question_is_cleaned_without_reading_all_of_it():
    started = time.perf_counter()
    cleaned = clean_question("<b>hvad</b> " * 200_000)
    assert time.perf_counter() - started < 1.0
    assert cleaned.was_cut and len(cleaned.text) <= MAX_QUESTION_CHARS


# ---- in the assistant: bounded work per request ------------------------------------------------------


def test_a_followup_after_a_huge_earlier_turn_is_answered_quickly(assistant):
    earlier = ("Hvad gør Holstebro for nye forældre? " * 40_000)[:1_400_000]
    started = time.perf_counter()
    answer = assistant.ask("Virkede det?", [Turn("user", earlier), Turn("assistant", "svar " * 100_000)])
    assert time.perf_counter() - started < 20  # before the bounds: 97 s for 100 KB on this machine
    assert not answer.refused and len(answer.query) < 2 * MAX_QUESTION_CHARS
    assert any("Holstebro" in c.passage for c in answer.citations)


def test_a_request_over_its_time_budget_is_stopped_with_a_danish_message(bundled_index, bundled_settings):
    from assistant import Assistant

    hurried = Assistant(bundled_index, bundled_settings.model_copy(update={"answer_budget_s": 1e-6}))
    answer = hurried.ask("Hvad er tidlig indsats?")
    assert answer.refused and answer.refusal_reason == "tidsgrænse"
    assert "tog for lang tid" in answer.text and not answer.citations
    *_, (_, streamed) = list(hurried.stream("Hvad er tidlig indsats?"))
    assert streamed.refusal_reason == "tidsgrænse"


def test_a_long_earlier_message_gives_a_followup_only_its_questions():
    notes = "Vi har talt meget om det i personalegruppen. " * 40
    earlier = f"Hvad gjorde Holstebro Kommune for førstegangsforældre? {notes}Hvordan tog forældrene imod det?"
    query = standalone_query("Virkede det?", [Turn("user", earlier)])
    assert query == (
        "Hvad gjorde Holstebro Kommune for førstegangsforældre? Hvordan tog forældrene imod det? Virkede det?"
    )
    short = "Jeg arbejder i Holstebro. Hvad gør I for nye forældre?"
    assert standalone_query("Virkede det?", [Turn("user", short)]) == f"{short} Virkede det?"  # short: used whole


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        ("Hvad siger dokumenterne om forældreinddragelse?", "Hvad siger om forældreinddragelse?"),
        ("Hvilke redskaber nævnes i materialet?", "Hvilke redskaber nævnes?"),
        ("Hvad fremgår af kilderne om pluspladser?", "Hvad fremgår om pluspladser?"),
        ("Hvad gør Holstebro for nye forældre?", "Hvad gør Holstebro for nye forældre?"),
        ("Dokumenterne?", "Dokumenterne?"),  # nothing else to search for
        ("Hvad siger kilderne samlet om overgangen til skole?", "Hvad siger om overgangen til skole?"),
        # "samlet" that is not about the documents is part of what is asked
        ("Hvor mange penge bruger kommunerne samlet om året?", "Hvor mange penge bruger kommunerne samlet om året?"),
        # an everyday phrase is searched with the documents' word for it (see assistant.wording)
        ("Hvad siger kilderne om et barn uden at sige navnet?", "Hvad siger om et barn uden at sige navnet? anonym anonymt"),
    ],
)
def test_the_words_pointing_at_the_documents_are_not_searched_for(question, searched):
    assert search_query(question) == searched


def test_danish_letters_typed_as_two_are_put_back_only_where_the_documents_know_the_word():
    known = {"får", "forældrene", "børn", "pædagog", "aarhus", "måned"}.__contains__
    text = "hvordan faar man foraeldrene med? Boern, paedagog i Aarhus, maaned, Michael, boernefaglig"
    assert with_danish_letters(text, lambda word: known(word.lower())) == (
        "hvordan får man forældrene med? Børn, pædagog i Aarhus, måned, Michael, boernefaglig"
    )


@pytest.mark.parametrize(
    ("earlier", "followup", "query"),
    [
        # whether what was said holds of something else, named or not
        (
            "Hvor mange timer har familierådgiveren på Hørning Skole?",
            "Gælder det samme for Virring Skole?",
            "Hvor mange timer har familierådgiveren på Virring Skole?",
        ),
        (
            "Hvem kan bruge Tidligt Sammen i Svendborg?",
            "Gælder det også for mig? Jeg arbejder i en privat børnehave i Svendborg.",
            "Hvem kan bruge Tidligt Sammen i Svendborg? Gælder det også for mig? Jeg arbejder i en privat børnehave i Svendborg.",
        ),
        # "dér" pointing back to a place
        (
            "Hvordan klarer Distrikt Midtby sig i forhold til de andre distrikter?",
            "Er forældrene også mindre tilfredse dér end i resten af kommunen?",
            "Hvordan klarer Distrikt Midtby sig i forhold til de andre distrikter? Er forældrene også mindre tilfredse dér end i resten af"
            " kommunen?",
        ),
    ],
)
def test_a_followup_asking_whether_it_holds_too_or_pointing_back_there_takes_the_earlier_question_along(earlier, followup, query):
    assert standalone_query(followup, [Turn("user", earlier), Turn("assistant", "…")]) == query
