import pytest

from assistant.privacy import REDACTED_CPR, REDACTED_NAME, find_personal_data

CORPUS_WORDS = {"holstebro", "kommune", "familie", "med", "hjerte", "drengen"}


@pytest.mark.parametrize("cpr", ["010203-1234", "0102031234", "311299-4321", "290200 1234"])
def test_cpr_numbers_with_and_without_dash_are_redacted(cpr):
    finding = find_personal_data(f"Barnets cpr er {cpr}, hvad gør jeg?")
    assert finding.cpr_numbers == 1
    assert cpr not in finding.redacted and REDACTED_CPR in finding.redacted


@pytest.mark.parametrize("not_cpr", ["320199-1234", "011399-1234", "1234567890123", "tlf. 2025-2026"])
def test_numbers_that_are_not_valid_cpr_dates_stay(not_cpr):
    assert find_personal_data(f"Se {not_cpr}").cpr_numbers == 0


def test_a_childs_full_name_is_redacted_and_its_cue_word_kept():
    finding = find_personal_data("Drengen Mikkel Hansen (010203-1234) græder hver morgen", CORPUS_WORDS)
    assert finding.redacted == f"Drengen {REDACTED_NAME} ({REDACTED_CPR}) græder hver morgen"
    assert finding.names == 1 and finding.cpr_numbers == 1
    assert "et CPR-nummer" in finding.description() and "navn" in finding.description()


def test_names_the_documents_use_are_not_redacted():
    finding = find_personal_data("Hvad gør Holstebro Kommune med Familie med Hjerte?", CORPUS_WORDS)
    assert not finding
    assert finding.redacted == "Hvad gør Holstebro Kommune med Familie med Hjerte?"


def test_a_name_mid_sentence_is_redacted():
    finding = find_personal_data("Jeg er bekymret for Anna-Sofie Jensen på stuen", CORPUS_WORDS)
    assert finding.redacted == f"Jeg er bekymret for {REDACTED_NAME} på stuen"
