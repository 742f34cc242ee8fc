from assistant.relevance import RelevanceScorer
from assistant.verify import CitationVerifier, answer_claims, claim_sentences, strip_markers

PASSAGES = {
    1: "98 pct. af de nye familier takker ja til ’Familie med Hjerte’. Holstebro Kommune har ikke gennemført en effektmåling.",
    2: "Tandplejepersonalet har en unik adgang til at opdage tegn på omsorgssvigt og overgreb.",
}
verifier = CitationVerifier(RelevanceScorer(PASSAGES.values()))


def test_claim_sentences_keep_markers_with_their_sentence():
    text = "Her er svaret:\n- 98 pct. takker ja. [1] Det er mange. [1][2]\nEn uden marker."
    assert claim_sentences(text) == ["Her er svaret:", "- 98 pct. takker ja. [1]", "Det er mange. [1][2]", "En uden marker."]
    assert strip_markers("- Det er mange. [1][2]") == "Det er mange."


def test_a_numbered_items_number_is_layout_not_a_claim():
    # "3." would read as a sentence of its own, without a marker, before "Styrk ..."
    text = "- 3\\. Styrk indsatsen i familier. [1]\n  - 12) Tolvte punkt [1]\n- b) Basen (Tørring) [2]"
    assert claim_sentences(text) == ["- Styrk indsatsen i familier. [1]", "- Tolvte punkt [1]", "- Basen (Tørring) [2]"]


def test_a_tables_delimiter_row_is_layout_not_a_claim():
    text = "Kort svar:\n\n| Indsats | 2016 | 2017 [1]|\n|---|---|---|\n| Pluspladser | 527.000 | 527.000 [1]|"
    claims = answer_claims(text)
    assert claims == ["| Indsats | 2016 | 2017 [1]|", "| Pluspladser | 527.000 | 527.000 [1]|"]


def test_a_tables_empty_header_row_is_layout_not_a_claim():
    # A table whose columns the source does not name has an empty header row: it claims nothing.
    text = "Kort svar:\n\n|  |  | |\n|---|---|---|\n| Ventetid (dage) | 34 | 22 [1]|"
    assert answer_claims(text) == ["| Ventetid (dage) | 34 | 22 [1]|"]


def test_a_table_row_is_one_claim_whatever_sentences_its_cells_hold():
    row = "| August | Nye børn starter. Opstartssamtale med forældrene senest 3 måneder efter start. | Kontaktpædagoger [1]|"
    assert claim_sentences(row) == [row]  # "Nye børn starter." had been a claim of its own, checked against no passage
    table = {
        1: "Måned | Hvad sker der | Ansvarlig\n"
        "August | Nye børn starter. Opstartssamtale med forældrene senest 3 måneder efter start. | Kontaktpædagoger"
    }
    [check] = CitationVerifier(RelevanceScorer(table.values())).check(row, table)
    assert check.supported
    [invented] = verifier.check("| August | Alle familier får gratis tandpleje. Det koster 5 mio. kr. | Kommunen [2]|", PASSAGES)
    assert not invented.supported  # the whole row is checked, its first sentence too


def test_a_gloss_quoted_with_its_sentence_is_one_claim_with_it():
    # The composer quotes "(Vippemodel)." with the sentence it names, under one marker; the sentence had been
    # a claim of its own without one, checked against no passage.
    item = "- For at skabe en bedre balance imellem almen og specialområdet. (Vippemodel). [1]"
    assert claim_sentences(item) == [item]
    assert claim_sentences("Første sætning. Anden sætning. [1]") == ["Første sætning.", "Anden sætning. [1]"]


def test_a_verbatim_quote_is_supported_by_its_passage():
    [check] = verifier.check("98 pct. af de nye familier takker ja til ’Familie med Hjerte’. [1]", PASSAGES)
    assert check.supported_by == (1,) and check.score == 1.0


def test_a_wrong_marker_is_not_support():
    [check] = verifier.check("98 pct. af de nye familier takker ja til ’Familie med Hjerte’. [2]", PASSAGES)
    assert not check.supported


def test_an_invented_sentence_is_unsupported():
    [check] = verifier.check("Alle kommuner i Danmark har indført gratis tandpleje for voksne. [2]", PASSAGES)
    assert not check.supported and check.score < verifier.threshold


def test_a_close_paraphrase_is_supported():
    [check] = verifier.check("Tandplejepersonalet kan opdage tegn på omsorgssvigt og overgreb. [2]", PASSAGES)
    assert check.supported


def test_sentences_without_markers_are_not_checked_as_claims():
    assert verifier.check("Her er, hvad dokumenterne siger:", PASSAGES) == []
