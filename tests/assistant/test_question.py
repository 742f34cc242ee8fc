from assistant.question import MAX_QUESTION_CHARS, clean_question, standalone_query
from assistant.types import Turn


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


def test_a_standalone_question_is_kept():
    history = [Turn("user", "Hvad gør Holstebro for nye forældre?")]
    question = "Hvordan kan dagtilbud samarbejde med sundhedsplejen om de helt små børn?"
    assert standalone_query(question, history) == question


def test_a_followup_takes_the_earlier_question_along():
    history = [Turn("user", "Hvad gør Holstebro for nye forældre?"), Turn("assistant", "Familie med Hjerte …")]
    assert standalone_query("Virkede det?", history) == "Hvad gør Holstebro for nye forældre? Virkede det?"


def test_a_followup_about_another_municipality_swaps_the_name():
    history = [Turn("user", "Hvordan arbejder Viborg med tidlig opsporing?")]
    assert standalone_query("Og hvad med Hedensted?", history) == "Hvordan arbejder Hedensted med tidlig opsporing?"


def test_without_history_nothing_changes():
    assert standalone_query("Virkede det?", []) == "Virkede det?"
