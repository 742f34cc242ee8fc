"""The privacy guard on a corpus of phrasings: what must go, and near-misses that must stay."""

import logging
import time

import pytest

from assistant.privacy import REDACTED_CPR, REDACTED_NAME, find_personal_data, given_names
from assistant.types import Turn

# Words the bundled documents use (lowercased), as the assistant passes them in: surnames and given names
# among them ("jensen", "marianne") must not protect a child's name in a question.
CORPUS_WORDS = {
    "holstebro", "kommune", "familie", "med", "hjerte", "drengen", "jensen", "nielsen", "marianne", "hedensted",
    "børnelinealen", "viborg", "herning", "sundhedsplejerske", "sundhedsplejersken", "kl", "kora", "bupl", "københavns",
}

# (question, the words that must be gone, the number of names, the number of CPR numbers)
NAMES = [
    ("Min elev Mads Jensen er ked af det", ["Mads", "Jensen"], 1),
    ("min elev mads jensen er ked af det", ["mads", "jensen"], 1),
    ("Hvad gør jeg med Oliver, der ikke vil spise?", ["Oliver"], 1),
    ("hvad gør jeg med oliver der slår", ["oliver"], 1),
    ("Drengen Oliver græder hver morgen", ["Oliver"], 1),
    ("drengen oliver græder hver morgen", ["oliver"], 1),
    ("Pigen Emma på 4 år taler ikke", ["Emma"], 1),
    ("pigen sofie nielsen er meget stille", ["sofie", "nielsen"], 1),
    ("Barnet Ahmad kommer altid for sent", ["Ahmad"], 1),
    ("barnet Zainab kommer altid for sent", ["Zainab"], 1),
    ("En dreng der hedder ahmad er ked af det", ["ahmad"], 1),
    ("en pige der hedder zainab er bange for sin far", ["zainab"], 1),
    ("Der er en dreng, kaldet Bobby, som bider", ["Bobby"], 1),
    ("Jeg er bekymret for Anna-Sofie Jensen på stuen", ["Anna-Sofie", "Jensen"], 1),
    ("Hvad skal jeg gøre med Marianne, som er 3 år?", ["Marianne"], 1),
    ("Ahmad Hansen er 5 år og mister sproget", ["Ahmad", "Hansen"], 1),
    ("Jeg har en pige, Emma, på 4 år", ["Emma"], 1),
    ("Hvordan hjælper jeg Noah og Freja, der er søskende?", ["Noah", "Freja"], 2),
    ("Lucas er udadreagerende, hvad gør vi?", ["Lucas"], 1),
    ("Hvad siger Per om det?", ["Per"], 1),
    ("Per Hansen fra 2.b græder", ["Per", "Hansen"], 1),
    ("datteren Ida vil ikke i børnehave", ["Ida"], 1),
    ("Min elev Frederik Østergaard er fraværende", ["Frederik", "Østergaard"], 1),
    ("Vi har en dreng ved navn Milas", ["Milas"], 1),
    ("Hvordan taler jeg med Viktor Lund Pedersens forældre?", ["Viktor", "Pedersens"], 1),
    ("Sønnen Storm har det svært", ["Storm"], 1),
    ("Jeg er lærer for Jakob Kristensen", ["Jakob", "Kristensen"], 1),
    ("Kan vi underrette om Malthe?", ["Malthe"], 1),
    ("eleven william larsen bliver mobbet", ["william", "larsen"], 1),
    ("Bekymring for Karoline Mortensen og hendes lillebror", ["Karoline", "Mortensen"], 1),
    # A given name in the genitive names the child too.
    ("Jeg talte med Emmas mor i dag", ["Emmas"], 1),
    ("hvad gør jeg, når ahmads far ikke vil tale med os?", ["ahmads"], 1),
    ("Hvad hedder Olivers mor?", ["Olivers"], 1),
    ("Hvad hedder Oliver i efternavn?", ["Oliver"], 1),
]
CPRS = [
    "010203-1234", "0102031234", "010203 1234", "01.02.03-1234", "01.02.03 1234", "01 02 03 1234",
    "010203\u20131234",  # en dash
    "010203\u20111234",  # non-breaking hyphen
    "010203\u20101234",  # hyphen
    "010203\u20141234",  # em dash
    "010203\u22121234",  # minus sign
    "010203 - 1234", "01-02-03-1234", "311299-4321", "290200 1234", "01/02/03-1234", "010203\u00a01234",
]
# Near-misses: none of these is a name or a CPR number and all must stay exactly as typed.
KEEP = [
    "Hvordan arbejder Hedensted Kommune med balance mellem almen og special?",
    "Hvad er Børnelinealen?",
    "Hvad gør Holstebro Kommune med Familie med Hjerte?",
    "Hvordan arbejder Viborg Kommune med tidlig opsporing?",
    "Ring på 12 34 56 78, hvis du er i tvivl",
    "Telefon +45 70 20 30 40",
    "I 2019-2023 steg udgifterne med 1.234.567 kr.",
    "Hvad kostede indsatsen i 2016 og 2017?",
    "Budgettet var 12.345.678 kr. i 2020",
    "Per barn koster det 10.000 kr. om året",
    "Hans mor er syg, hvad gør jeg?",
    # A question for a name: the word after "hedder" is what the name is asked of.
    "Hvad hedder redskabet, og hvordan fungerer det?",
    "Hvad hed projektet i Aarhus?",
    "Hvad kaldes modellen, som Horsens bruger?",
    "Pers kollega spurgte om Hedensteds slides",
    "Storm i et glas vand",
    "Hvad skete der i august 2023?",
    "Se rapporten fra KL og KORA om socioøkonomiske fordelingsmodeller",
    "Journalnummer 2023-0012345",
    "Sagsnummer 27.12.08-P20-1-23",
    "Hvad siger BUPL om normeringer?",
    "Hvordan kan sundhedsplejersken hjælpe en familie?",
    "Er 320199-1234 et gyldigt tal?",
    "Tallet 011399-1234 er ikke en dato",
    "1234567890123 er et langt tal",
    "Tlf. 2025-2026 er skoleåret",
    "Kan en pige på 4 år have brug for støtte?",
    "Drengen er ked af det, hvad gør jeg?",
    "Hvilke slags støtte skelner EVA mellem?",  # an acronym, not the given name Eva
    "Hvad går Hernings Sverigesprojekt ud på?",  # a genitive of a place the documents name
]


@pytest.mark.parametrize(("question", "gone", "names"), NAMES)
def test_childrens_names_are_removed(question, gone, names):
    finding = find_personal_data(question, CORPUS_WORDS)
    for word in gone:
        assert word not in finding.redacted, (question, finding.redacted)
    assert finding.names == names, finding.redacted
    assert REDACTED_NAME in finding.redacted
    assert finding.cpr_numbers == 0


@pytest.mark.parametrize("cpr", CPRS)
def test_cpr_numbers_in_every_common_spelling_are_removed(cpr):
    finding = find_personal_data(f"Barnets cpr er {cpr}, hvad gør jeg?", CORPUS_WORDS)
    assert finding.cpr_numbers == 1, finding.redacted
    assert finding.redacted == f"Barnets cpr er {REDACTED_CPR}, hvad gør jeg?"


@pytest.mark.parametrize("text", KEEP)
def test_near_misses_stay(text):
    finding = find_personal_data(text, CORPUS_WORDS)
    assert not finding, finding.redacted
    assert finding.redacted == text


def test_the_issue_example_reports_exactly_what_was_removed():
    finding = find_personal_data("Min elev Mads Jensen 010203-1234 er ked af det", CORPUS_WORDS)
    assert finding.redacted == f"Min elev {REDACTED_NAME} {REDACTED_CPR} er ked af det"
    assert finding.description() == "et CPR-nummer og et navn"
    assert finding.searchable == "Min elev er ked af det"
    two = find_personal_data("Noah og Freja 010203-1234 og 020304-4321", CORPUS_WORDS)
    assert two.description() == "to CPR-numre og to navne"


def test_placeholders_are_not_searched_for():
    finding = find_personal_data("Hvad gør jeg med Oliver?", CORPUS_WORDS)
    assert finding.searchable == "Hvad gør jeg med?"
    assert "navn" not in finding.searchable.lower()


def test_the_name_list_holds_hundreds_of_boys_and_girls_names():
    names = given_names()
    assert len(names) >= 300
    assert {"oliver", "mads", "emma", "sofie", "noah", "ida", "frederik", "freja"} <= names


# ---- in the assistant: the real index of the bundled corpus ------------------------------------------


def test_a_name_is_never_echoed_in_a_refusal_notice_or_query(assistant, caplog):
    caplog.set_level(logging.DEBUG)
    answer = assistant.ask("Hvad siger dokumenterne om Oliver Madsen 01.02.03\u20131234?")
    shown = " ".join([answer.text, *answer.notices, answer.query])
    logged = " ".join(record.getMessage() for record in caplog.records)
    for secret in ("Oliver", "Madsen", "01.02.03", "1234"):
        assert secret not in shown and secret not in logged, secret
    assert any("et CPR-nummer og et navn" in notice for notice in answer.notices)
    assert "navn" not in answer.query.lower()


def test_earlier_turns_are_redacted_before_they_are_searched(assistant, caplog):
    caplog.set_level(logging.DEBUG)
    history = [Turn("user", "min elev mads jensen 0102031234 er ked af det, hvad gør jeg?"), Turn("assistant", "…")]
    answer = assistant.ask("Hvad kan dagtilbuddet gøre?", history)
    logged = " ".join(record.getMessage() for record in caplog.records)
    for secret in ("mads", "jensen", "0102031234"):
        assert secret not in answer.query.lower() and secret not in logged.lower()


def test_names_in_documents_are_quoted_as_written(assistant):
    """Only what users type is redacted: a municipality or a title in a quote stays."""
    answer = assistant.ask("Hvad gør Hedensted Kommune for unge på vej til voksenlivet?")
    assert not answer.refused and "Hedensted Kommune har etableret et mødeforum" in answer.text


def test_no_empty_brackets_are_left_to_search_for():
    finding = find_personal_data("Jeg er bekymret for Mikkel Hansen (010203-1234) på stuen.", CORPUS_WORDS)
    assert finding.searchable == "Jeg er bekymret for på stuen."


def test_a_long_pasted_text_is_redacted_in_linear_time():
    text = "Hvad gør Holstebro for nye forældre? Min elev Mads Jensen 010203-1234 er ked af det. " * 1200  # 100 KB
    started = time.perf_counter()
    finding = find_personal_data(text, CORPUS_WORDS)
    assert time.perf_counter() - started < 3
    assert finding.names == 1200 and finding.cpr_numbers == 1200
