"""Tests for eval.matching: the normalisation rules and the quote/fact matchers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eval.matching import contains_fact, longest_common_run, normalise, quote_found

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


# ------------------------------------------------------------------------------------------ normalise


class TestHyphenation:
    def test_line_break_hyphen_is_joined(self) -> None:
        assert normalise("forebyg-\ngende") == "forebyggende"

    def test_join_across_blank_lines_and_trailing_spaces(self) -> None:
        # The BUPL pamphlet double-spaces its lines; the KL report sometimes has "bolig- \norganisationer".
        assert normalise("serviceud-\n\ngifter") == "serviceudgifter"
        assert normalise("bolig- \norganisationer") == "boligorganisationer"

    def test_suspended_hyphen_is_kept(self) -> None:
        assert normalise("børne- og ungeområdet") == "børne- og ungeområdet"
        assert normalise("hoved- og halsregionen") == "hoved- og halsregionen"

    def test_suspended_hyphen_at_line_end_is_kept(self) -> None:
        assert normalise("børne-\nog ungeområdet") == "børne- og ungeområdet"
        assert normalise("dokumentations- \nog journaliseringssystemet") == "dokumentations- og journaliseringssystemet"
        assert normalise("lege-\neller læringsmiljø") == "lege- eller læringsmiljø"

    def test_compound_hyphen_at_line_end_keeps_the_hyphen(self) -> None:
        assert normalise("VIDA-\nprogram") == "vida-program"
        assert normalise("ICS-\nmetoden") == "ics-metoden"
        assert normalise("2013-\n2015") == "2013-2015"

    def test_hyphen_inside_a_line_is_untouched(self) -> None:
        assert normalise("0-17-årige") == "0-17-årige"
        assert normalise("Leksand-modellen") == "leksand-modellen"


class TestWhitespace:
    def test_runs_collapse_to_one_space_and_ends_are_stripped(self) -> None:
        assert normalise("  a \t\tb\n\n\nc  ") == "a b c"

    def test_no_break_spaces_count_as_whitespace(self) -> None:
        assert normalise("Skolen\u00a0afholder\u00a0udgiften") == "skolen afholder udgiften"

    def test_bullets_count_as_whitespace(self) -> None:
        assert normalise("•\t \tTidlig\tog\tforebyggende\tindsats.") == "tidlig og forebyggende indsats."
        assert normalise("\uf0b7 Pluspladser\n\uf0b7 Familiepladser") == "pluspladser familiepladser"

    def test_list_markers_of_cleaned_text_match_raw_bullets(self) -> None:
        raw = "Elever med adfærdsproblematikker\n\n•\t Oftest normalbegavede"
        cleaned = "Elever med adfærdsproblematikker\n- Oftest normalbegavede"
        assert normalise(raw) == normalise(cleaned) == "elever med adfærdsproblematikker oftest normalbegavede"
        assert normalise("Punkter:\n– første\n  - anden") == "punkter: første anden"

    def test_dashes_inside_a_line_are_kept(self) -> None:
        assert normalise("børne- og ungeområdet") == "børne- og ungeområdet"
        assert normalise("15-20 børn") == "15-20 børn"
        assert normalise("3-5-årige") == "3-5-årige"

    def test_table_layout_matches_the_raw_row(self) -> None:
        raw = "Pluspladser  \n \n\n527.000 527.000 527.000"
        expected = "pluspladser 527000 527000 527000"
        assert normalise(raw) == expected
        assert normalise("Pluspladser | 527.000 | 527.000 | 527.000") == expected
        assert normalise("Pluspladser – 2016: 527.000; 2017: 527.000; 2018: 527.000") == expected
        # A year that is not a column label stays.
        assert normalise("i 2016 blev") == "i 2016 blev"

    def test_empty(self) -> None:
        assert normalise("") == ""
        assert normalise(" \n\t• ") == ""


class TestCaseAndNumbers:
    def test_lowercase(self) -> None:
        assert normalise("KL Anbefaler ÆØÅ") == "kl anbefaler æøå"

    def test_space_before_percent(self) -> None:
        assert normalise("63 %") == normalise("63%") == "63%"
        assert normalise("Forældrenes uddannelsesniveau 63%") == "forældrenes uddannelsesniveau 63%"
        assert normalise("49 %af") == "49%af"
        assert normalise("15%-50 %") == "15%-50%"

    @pytest.mark.parametrize("written", ["1.000", "1 000", "1000", "1\u00a0000"])
    def test_thousands_separators_compare_equal(self, written: str) -> None:
        assert normalise(f"mere end {written} anbragte børn") == "mere end 1000 anbragte børn"

    def test_multi_group_numbers(self) -> None:
        assert normalise("2.000.000") == "2000000"
        assert normalise("1.255.800 1.157.200 1.080.600") == "1255800 1157200 1080600"
        assert normalise("264.995\u00a0kr.") == "264995 kr."

    def test_decimals_and_short_groups_are_kept(self) -> None:
        assert normalise("348,5 mio. kr.") == "348,5 mio. kr."
        assert normalise("4.5 mio. kr.") == "4.5 mio. kr."
        assert normalise("6,34 pct.") == "6,34 pct."
        assert normalise("2016 2017 2018") == "2016 2017 2018"

    def test_idempotent_on_the_corpus(self) -> None:
        for path in sorted(CORPUS.glob("*.txt")):
            once = normalise(path.read_text(encoding="utf-8"))
            assert normalise(once) == once, path.name
        cleaned = "Tabel | 2016 | 2017\nPluspladser – 2016: 527.000; 2017: 527.000\n- punkt"
        assert normalise(normalise(cleaned)) == normalise(cleaned)


# ----------------------------------------------------------------------------------------- quote_found


QUOTE = (
    "Målet er, at 80 pct. af de børnefaglige undersøgelser i Varde Kommune \n"
    "gennemføres på højst to mdr. På nuværende tidspunkt gennemføres 61 \n"
    "pct. inden for to mdr."
)


class TestQuoteFound:
    def test_exact_containment(self) -> None:
        chunk = "Indledning. " + QUOTE + " Og så videre."
        assert quote_found(QUOTE, chunk)

    def test_containment_after_normalisation(self) -> None:
        # The chunk was cleaned by ingest: one line, hyphenation joined, other case.
        quote = "Forudsætningen for at kunne hjælpe ud-\nsatte børn og unge er, at de voksne om-\nkring dem opdager"
        chunk = "… FORUDSÆTNINGEN for at kunne hjælpe udsatte børn og unge er, at de voksne omkring dem opdager selv små signaler."
        assert quote_found(quote, chunk)

    def test_unrelated_chunk_is_not_a_match(self) -> None:
        chunk = "Pluspladserne skal styrke den tidlige forebyggende indsats til børn, som enten er sprogligt eller socialt udfordrede."
        assert not quote_found(QUOTE, chunk)

    def test_partial_overlap_of_at_least_half_counts(self) -> None:
        # A chunk boundary cuts the quote after more than half of it.
        q = normalise(QUOTE)
        cut = QUOTE[: int(len(QUOTE) * 0.6)]
        assert len(normalise(cut)) * 2 >= len(q)
        assert quote_found(QUOTE, "Andet tekst før. " + cut)

    def test_partial_overlap_below_half_does_not_count(self) -> None:
        cut = QUOTE[: int(len(QUOTE) * 0.3)]
        assert not quote_found(QUOTE, "Andet tekst før. " + cut + " helt andet bagefter.")

    def test_half_is_the_exact_threshold(self) -> None:
        quote = "abcdefghij" + "0123456789"  # 20 characters
        assert quote_found(quote, "xx abcdefghij yy")  # run of 10 = half
        assert not quote_found(quote, "xx abcdefghi yy")  # run of 9 < half

    def test_empty_quote_or_chunk(self) -> None:
        assert not quote_found("", "noget tekst")
        assert not quote_found("  \n ", "noget tekst")
        assert not quote_found(QUOTE, "")

    def test_longest_common_run(self) -> None:
        assert longest_common_run("abcdef", "xxcdeyy") == 3
        assert longest_common_run("", "abc") == 0

    def test_fast_enough_for_metrics(self) -> None:
        text = (CORPUS / "kl-2015-de-udsatte-boern-fremtiden-er-deres.txt").read_text(encoding="utf-8")
        chunks = [text[i : i + 1000] for i in range(0, 100_000, 1000)]
        quote = text[50_000:50_300]
        start = time.perf_counter()
        hits = sum(quote_found(quote, c) for c in chunks)
        assert hits >= 1
        assert time.perf_counter() - start < 5.0


# --------------------------------------------------------------------------------------- contains_fact


class TestContainsFact:
    def test_plain_and_normalised_containment(self) -> None:
        assert contains_fact("98 pct. af de nye familier takker ja.", "98 pct.")
        assert contains_fact("Andelen er 63 % i undersøgelsen.", "63%")
        assert contains_fact("Der kan højst gives 100000 kr. pr. barn.", "100.000 kr.")
        assert contains_fact("Et forløb varer ca. 12\nuger.", "ca. 12 uger")
        assert contains_fact("en øget indsats over for sårbare forebyg-\ngende", "forebyggende")

    def test_case_insensitive(self) -> None:
        assert contains_fact("TIDLIG OG FOREBYGGENDE INDSATS", "Tidlig og forebyggende indsats")

    def test_missing_fact(self) -> None:
        assert not contains_fact("Der er 500 pluspladser.", "527.000")

    def test_numbers_are_not_found_inside_other_numbers(self) -> None:
        assert not contains_fact("ca. 17 pct. af børnene", "7 pct.")
        assert not contains_fact("i alt 500 børn", "50")
        assert not contains_fact("0,7 pct.", "7 pct.")
        assert not contains_fact("mere end 50,5", "mere end 50")
        assert contains_fact("mere end 50 pct.", "mere end 50")

    def test_a_figure_in_a_table_cell_is_found_though_the_next_cell_follows_it(self) -> None:
        row = "| 4. kvartal | 104 | 244 | 348 | 297 [1]|"
        assert contains_fact(row, "348") and contains_fact(row, "4. kvartal")
        assert not contains_fact(row, "348297")  # no cell holds the merged figure
        assert contains_fact("Distrikt Midtby | 1.412 | 81", "Distrikt Midtby 1.412")  # a fact across cells still counts

    def test_word_parts_still_match(self) -> None:
        assert contains_fact("brugen af plejefamilier steg", "plejefamilie")

    def test_empty_fact(self) -> None:
        assert not contains_fact("noget tekst", "")
        assert not contains_fact("noget tekst", "   ")
