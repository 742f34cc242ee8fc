"""The shared Markdown and fragment rules: document text shown inert, debris never counted as a sentence."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from tidlig.text import (
    is_byline,
    names_its_scheme,
    cites_research,
    listed_names,
    within_stated_share,
    fits_shares,
    is_table_rule,
    table_rule,
    is_label,
    is_label_stack,
    credits_another_source,
    goes_on_from,
    counted_words,
    figures_beside_counts,
    content_terms,
    join_danish,
    repeats,
    inert_markdown,
    linked_names,
    is_fragment,
    is_table_row,
    opens_quotation,
    paragraphs,
    plain_markdown,
    runs_on,
    shown_item_number,
    split_sentences,
    stacked_lines,
    stem,
    table_cells,
    whole_name,
    trailing_values,
    without_item_number,
)

HOSTILE = [
    "![t](http://host/x.png)",
    "[klik her](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "<http://host/autolink>",
    "Se http://host/page og www.host.dk",
    "# Overskrift",
    "`kode` og *fed* og _kursiv_ | celle",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_inert_markdown_renders_no_link_image_or_html(text: str) -> None:
    escaped = inert_markdown(text)
    html = MarkdownIt("commonmark").enable("table").render(escaped)
    # Renderers that turn bare addresses into links need "://" or "www." verbatim.
    assert "://" not in escaped and "www." not in escaped
    for active in ("<img", "<a ", "<h1", "<code", "<em", "<strong", "<table", "onerror=alert(1)>"):
        assert active not in html, (text, html)


@pytest.mark.parametrize("text", [*HOSTILE, "98 pct. af familierne [1] takker ja \\ nej.", "Almindelig dansk sætning."])
def test_plain_markdown_restores_the_text(text: str) -> None:
    assert plain_markdown(inert_markdown(text)) == text


def test_ordinary_text_is_unchanged() -> None:
    text = "Kommunen har ansat 4 sundhedsplejersker (2016), og 98 pct. takker ja."
    assert inert_markdown(text) == text


@pytest.mark.parametrize(
    "text",
    ["Andel af børn i pct. 2016 2017", "12 14 16 18 20", "Side 4", "Kilde: Danmarks Statistik", "Tidlig indsats virker",
     "Kilder: Daginstitutionernes Hverdag 2022, Bureau 2000 for FOA & FOAs dagplejeundersøgelse 2022",
     "Læs mere på www.kl.dk", "Dias 7",
     # a report's footnotes citing their sources
     "6 NIRAS (2012): Socialrådgivere i dagtilbud.",
     "13 Christiane Bundegaard Pedersen og Simon Østergaard Møller, Metodecentret (oktober 2014): Intensive anbringelser.",
     "Afsluttende evaluering, Socialforvaltningen (2013): Socialrådgivere og Socialforvaltningen (2013): Evaluering af udvidelsen.",
     "-Danmarks Evalueringsinstitut: ”Udfordringer i understøttelse af børn i udsatte positioner” 2022",
     "14 SFI: Introduktion til dialogprojektet – om forebyggelse som alternativ til anbringelse, 10:02; Bo Vinnerljung, Erfaringer.",
     "15 KL analyse, nov. 2014 og Ugebrevet A4, 20. feb. 2006.",
     "7 Ugebrevet A4 (26. februar 2013): Unge bliver født til kontanthjælp",
     # titles and chart headings in capitals, however long and whatever their punctuation
     "HENVISTE 0-18 ÅRIGE TIL BØRNE- OG UNGDOMSPSYKIATRIEN FRA ALLE KOMMUNER I REGIONEN",
     "HVAD ER TIDLIG FOREBYGGENDE INDSATS?",
     # a timeline's axis among its labels
     "Incitamentsmodel\nAnsvar 100 pct. v skoleleder\n2006 2007 2008 2009 2010 2011 2012\nUddannelse af alle lærere og pæd.\ni inklusion"],
)
def test_fragments(text: str) -> None:
    assert is_fragment(text)


@pytest.mark.parametrize(
    "text",
    ["Børn skal ses tidligt.", "KL anbefaler, at kommunerne styrker samarbejdet mellem dagtilbud og sundhedspleje",
     "Hvad gør vi, når en pædagog er bekymret?", "I 2013 deltog 18 institutioner (2013-2015) i projektet.",
     "Danske dagtilbudschefers oplevelse (2021):", "- Flere børn fik hjælp i 2021 end i 2019 og i 2020 og i 2022",
     "KL og EVA har udviklet en ny model for PPR i dagtilbud.",
     # a small table's rows, each a year and its count, and figures in prose
     "Antal elever tilbageført fra special- til almenklasse\nÅr Antal udsluset\n2022 7\n2021 6\n2020 2\n2019 2",
     "Beløbet var 1.500.000 kr. i 2016, 1.500.000 kr. i 2017 og 2.000.000 kr. i 2018.",
     # a footnote that adds to the text
     "3 Der er i forbindelse med Budget 2016 afsat 4,5 i 2016 og 8,4 mil i 2017 og 2018."],
)
def test_sentences_are_not_fragments(text: str) -> None:
    assert not is_fragment(text)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # A slide's source note glued to its last line.
        (
            "19,6 pct. børn, der har regulatoriske problemer i form af gråd, uro, spisning og søvn Kilde: Johansen & Holstein (2014)",
            ["19,6 pct. børn, der har regulatoriske problemer i form af gråd, uro, spisning og søvn", "Kilde: Johansen & Holstein (2014)"],
        ),
        (
            "Et godt personale med en god uddannelse. https://vidensraad.dk/rapport Vidensråd for forebyggelse",
            ["Et godt personale med en god uddannelse.", "https://vidensraad.dk/rapport Vidensråd for forebyggelse"],
        ),
        # A web address inside a sentence stays in it.
        ("Læs rapporten på www.kl.dk, hvor den ligger.", ["Læs rapporten på www.kl.dk, hvor den ligger."]),
        ("Vi så 42 pct. af dem. Det var mange.", ["Vi så 42 pct. af dem.", "Det var mange."]),  # a sentence, not a note
    ],
)
def test_a_source_note_or_web_address_after_a_sentence_is_a_piece_of_its_own(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_a_source_note_runs_to_the_end_of_its_paragraph() -> None:
    """The titles a note cites are no sentences of the text: read alone, "Danmark i forhold til Sverige og
    Norge; Herning Kommune (2012): Projektbeskrivelse ..." stood in an answer about Herning's project."""
    note = (
        "Kilde: KREVI (nu KORA) (2011): Kortlægning af kommunernes udgifter til anbringelse, og (2010): Tilbud og udgifter til "
        "børn og unge. Danmark i forhold til Sverige og Norge;\nHerning Kommune (2012): Projektbeskrivelse for\nSverigesprojektet."
    )
    assert split_sentences(f"Andelen er stigende. {note}") == ["Andelen er stigende.", " ".join(note.split())]
    assert split_sentences("Kilder: Baes-Jørgensen, J. (2021). Flere og flere børn i dagtilbud har brug for særlig indsats.") == [
        "Kilder: Baes-Jørgensen, J. (2021). Flere og flere børn i dagtilbud har brug for særlig indsats."
    ]


def test_a_pointer_to_a_source_is_one_piece() -> None:
    """A report's "Læs mere:" pointer to its source: the cited subtitle read alone ("Opsporingsmodellens
    implementering og effekter.") stood in an answer as a sentence of the case."""
    note = "Læs mere: Rambøll (2013): Evaluering af projektet. Slutrapport. Opsporingsmodellens implementering og effekter."
    assert split_sentences(f"Modellen virker. {note}") == ["Modellen virker.", note]
    assert is_fragment(note)
    # A pointer to a web address ends with the address's sentence: text after it is the document's own.
    address = "Læs mere: www.sst.dk/de-utrolige-ar af landets ledere ser det."
    assert split_sentences(f"{address} 55 pct. var overraskede.") == [address, "55 pct. var overraskede."]


def test_a_numbered_footnote_citing_a_work_is_one_piece_and_one_adding_to_the_text_keeps_its_sentences() -> None:
    citation = "8 SFI (2008): Anbragte børns udvikling og helbred. Resultater fra SFI’s forløbsundersøgelse af årgang 1995."
    assert split_sentences(citation) == [citation] and is_fragment(citation)
    note = "3 Det fremgår ikke, hvor mange der går til kompetenceudvikling. Tallet er anslået."
    assert split_sentences(note) == ["3 Det fremgår ikke, hvor mange der går til kompetenceudvikling.", "Tallet er anslået."]


def test_a_timeline_of_months_is_a_fragment_and_a_title_abbreviation_ends_no_sentence() -> None:
    assert is_fragment("Marts Maj Sep. Okt.")
    assert not is_fragment("Maj var en god måned.")
    assert split_sentences("Kristian Wendelboe\nAdm. Direktør") == ["Kristian Wendelboe Adm. Direktør"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("Det skyldes, at de arbejder med forebyggelse.", True), ("Til sammenligning gjaldt det kun 6 pct.", True),
     ("”Dette er en ny tilgang,” siger lederen.", True), ("Detaljerne findes i bilaget.", False),
     ("Norge har også flere plejefamilier.", False), ("Det danske system har 98 kommuner.", False),
     ("Det øgede fokus har givet flere netværksanbringelser.", False), ("Det samme gælder skolerne.", True),
     ("Det kan være børn, der er urolige.", True), ("De kan blandt andet forstyrre de andre børn.", True),
     ("De fleste børn går i dagtilbud.", False), ("De mest komplekse familier får støtte.", False),
     ("De ekstra hænder bruges til sprog.", False),
     # An example is an example of what the sentence before it says.
     ("Fx kan der opnås støtte fra Familierådgivningen.", True), ("F.eks. bruger Aarhus den.", True),
     ("For eksempel: hjemmebesøg.", True), ("Eksempelvis har SFI udviklet et redskab.", True),
     ("Fxdata er et ord.", False), ("Forældrene er for eksempel med.", False),
     # A demonstrative, alone or after a preposition.
     ("I disse tre områder er antallet af børnesager 20.", True), ("Denne pædagog er inklusionspædagog.", True),
     ("Disse institutioner ligger i alle områder.", True), ("Dispensation er muligt.", False),
     # A summing up of the sentence before ("Med andre ord" had opened Aarhus' case above what it sums up).
     ("Med andre ord er der en tættere sammenhæng mellem tandplejen og socialforvaltningen.", True),
     ("Med andre fagfolk holdes der møder.", False),
     # A quantifier standing for the noun the sentence before names, not one before its own noun.
     ("Flere har misbrugsproblemer, flere har en kriminel baggrund.", True), ("Mange er enige i det.", True),
     ("Flere kommuner har gode erfaringer.", False), ("Mange børn er i dagtilbud.", False),
     # "derfor" after the verb and subject of a main clause that follows a condition: it follows from the sentence before
     ("Har en medarbejder fortalt rådgiveren om en bekymring, skal medarbejderen derfor selv vurdere det.", True),
     ("Hvis barnet trives, er der derfor ingen grund til at vente.", True),
     ("Har en medarbejder fortalt rådgiveren om en bekymring, skal medarbejderen selv vurdere det.", False)],
)
def test_refers_back(sentence: str, expected: bool) -> None:
    from tidlig.text import refers_back

    assert refers_back(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("Det skyldes, at de arbejder med forebyggelse.", True), ("Det betyder, at færre anbringes.", True),
     ("Fx bruger de flere plejefamilier.", True), ("Dermed falder udgifterne.", True), ("F.eks. bruger Aarhus den.", True),
     # a formal subject or a pronoun alone opens a point of its own on a line of its own
     ("Det vurderes, at hvert andet frafald skyldes hash.", False), ("Det kan være børn, der er urolige.", False),
     ("Samtidig er flere i uddannelse.", False), ("Detaljerne findes i bilaget.", False),
     # "således", "dermed", "derfor" right after the verb of a main clause that opens with a place or condition
     ("I institutioner med få udsatte børn, var der således 6,8 børn pr. voksen.", True),
     ("Hvis barnet trives, er der derfor ingen grund til at vente.", True),
     ("Pengene fordeles, så det således at alle institutioner får.", False),  # "således at": so that
     ("I 2022 vurderede 14 pct. af pædagogerne, at det var blevet sværere.", False)],
)
def test_explains_previous(sentence: str, expected: bool) -> None:
    from tidlig.text import explains_previous

    assert explains_previous(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("Faldet skyldes især det ugentlige triagemøde.", True), ("Vi ser en stigning, fordi flere børn opdages.", True),
     ("Årsagen er en ny procedure.", True), ("En forklaring kan være den skærpede underretningspligt.", True),
     ("Antallet af underretninger er steget fra 212 til 281.", False), ("Grundlaget er Dagtilbudsloven.", False)],
)
def test_gives_reason(sentence: str, expected: bool) -> None:
    from tidlig.text import gives_reason

    assert gives_reason(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("Fælles opsporingsmodel for dagtilbud og skoler, 0-16 år Version 2.1 – gældende fra 1. august 2024.", True),
     ("Godkendt af Børne- og Uddannelsesudvalget den 11. juni 2024.", True),
     ("Behandlet i Børne- og Familieudvalget den 11. marts 2025.", True),
     ("Teamet behandlede 248 sager i 2024.", False), ("Planen skal godkendes af lederen.", False)],
)
def test_is_record_line(sentence: str, expected: bool) -> None:
    from tidlig.text import is_record_line

    assert is_record_line(sentence) is expected



@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("Valget mellem de to fremgangsmåder afhænger af midlerne.", True), ("Begge modeller bruges i dagtilbud.", True),
     ("Fælles for de tre tilgange er fokus på barnet.", True),
     ("Der er to pointer i Heckmans projekt.", False), ("To ud af tre kommuner bruger en model.", False)],
)
def test_weighs_previous(sentence: str, expected: bool) -> None:
    from tidlig.text import weighs_previous

    assert weighs_previous(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("For det andet skal indsatsen være familiecentreret.", True), ("Endelig skal der være kontinuitet.", True),
     ("For det meste går det godt.", False), ("Det første skridt er en samtale.", False)],
)
def test_enumerates(sentence: str, expected: bool) -> None:
    from tidlig.text import enumerates

    assert enumerates(sentence) is expected


def test_pr_is_an_abbreviation() -> None:
    text = "Pr. 1. januar 2019 havde omkring 57.100 børn en diagnose. Tallet er steget fra 32 til 49 pr. 1.000 børn."
    assert split_sentences(text) == [
        "Pr. 1. januar 2019 havde omkring 57.100 børn en diagnose.",
        "Tallet er steget fra 32 til 49 pr. 1.000 børn.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Børnene afleveres senest kl. 9.00, så de når samlingen.", ["Børnene afleveres senest kl. 9.00, så de når samlingen."]),
        ("Det anbefaler KL. Der er mange.", ["Det anbefaler KL.", "Der er mange."]),  # the association, not "klokken"
        ("Vi holder til på stue 4. Der er 22 børn.", ["Vi holder til på stue 4.", "Der er 22 børn."]),
        ("Han går i 4. Klasse B og har det godt.", ["Han går i 4. Klasse B og har det godt."]),  # an ordinal
    ],
)
def test_a_time_of_day_ends_no_sentence_and_a_one_digit_number_may(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # A date's day before its month, in capitals on a title slide, ends no sentence; a year's full stop does.
        ("UDVALGET FOR LÆRING, 23. JANUAR 2023", ["UDVALGET FOR LÆRING, 23. JANUAR 2023"]),
        ("Det skete i 2019. Maj blev en god måned.", ["Det skete i 2019.", "Maj blev en god måned."]),
    ],
)
def test_a_date_ends_no_sentence(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # A slide's finding above the short lead-in of its list: two sentences, not "... positioner Resultater ...:".
        ("Få dagtilbud gør en forskel for børn i udsatte positioner\nResultater for daginstitutioner:",
         ["Få dagtilbud gør en forskel for børn i udsatte positioner", "Resultater for daginstitutioner:"]),
        # A line that runs on, or a long line ending in a colon, is one sentence wrapped.
        ("Vi arbejder sammen med\nKøbenhavns Kommune:", ["Vi arbejder sammen med Københavns Kommune:"]),
        ("Det viser en undersøgelse\nBlandt mange forældre på tværs af landet:",
         ["Det viser en undersøgelse Blandt mange forældre på tværs af landet:"]),
    ],
)
def test_a_short_lead_in_line_under_an_unfinished_line_is_a_sentence_of_its_own(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Forløbet varer min. 18 måneder. Det virker.", ["Forløbet varer min. 18 måneder.", "Det virker."]),
        ("Der holdes temadage osv. Der er ikke evalueret.", ["Der holdes temadage osv.", "Der er ikke evalueret."]),
        # a name after "mv." may go on the same sentence
        ("Der gives støtte til madlavning mv. Aalborg Kommune betaler.", ["Der gives støtte til madlavning mv. Aalborg Kommune betaler."]),
        ("Det gælder skoler, klubber osv. og dagtilbud.", ["Det gælder skoler, klubber osv. og dagtilbud."]),
        # a sum's and a share's units end a sentence too, and go on before what they are per
        (
            "Kommunen betalte 1,2 mio. kr. I perioden nåede huset 104 familier.",
            ["Kommunen betalte 1,2 mio. kr.", "I perioden nåede huset 104 familier."],
        ),
        ("Andelen steg med 5 pct. Det er godt.", ["Andelen steg med 5 pct.", "Det er godt."]),
        ("Det koster 500 kr. pr. barn og 2 mio. kr. Herning betaler.", ["Det koster 500 kr. pr. barn og 2 mio. kr. Herning betaler."]),
    ],
)
def test_an_abbreviation_ends_a_sentence_only_before_a_new_one(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_a_title_in_capitals_after_a_finished_bullet_ends_the_item() -> None:
    # A slide's chart title set right under its last bullet, without a blank line.
    text = "- Antallet er steget fra 32 til 49 pr. 1.000.\nHENVISTE 0-18 ÅRIGE TIL PSYKIATRIEN\n- Næste punkt"
    assert paragraphs(text) == ["- Antallet er steget fra 32 til 49 pr. 1.000.", "HENVISTE 0-18 ÅRIGE TIL PSYKIATRIEN", "- Næste punkt"]


@pytest.mark.parametrize(
    "text",
    [
        # an unfinished sentence wraps on, also onto a line in capitals
        "- Samarbejdet med\nPPR OG KL",
        # an abbreviation alone is no title
        "- Kommunen har aftalt det.\nKL",
        # a wrapped line in lowercase goes on after a full stop too
        "- Forældrene inddrages.\nfra første samtale",
    ],
)
def test_an_item_goes_on_over_its_wrapped_lines(text: str) -> None:
    assert paragraphs(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("“Førhen var det sådan.”", True), ("… det er jo så.", True), ("’Familie med Hjerte’ er et kursus.", False), ("Kilde: KL", False)],
)
def test_a_quoted_statement_is_told_by_its_opening_mark(text, expected):
    assert opens_quotation(text) is expected


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Hvad mener Stefan Hermann om Hedensted og Viborg?", ["Stefan Hermann", "Hedensted", "Viborg"]),
        ("Hvad viser studier om Marte Meo i dagtilbud?", ["Marte Meo"]),
        ("Hvad gør Viborg, Hedensted og Holstebro?", ["Viborg", "Hedensted", "Holstebro"]),
        ("Hvornår underretter man?", []),
        # A name joined by a hyphen is one name, as the documents write it: "Ringkøbing" alone stands in no passage.
        ("Hvor mange sager havde PPR i Ringkøbing-Skjern og Høje-Taastrup?", ["Ringkøbing-Skjern", "Høje-Taastrup"]),
        ("Hvad gør Hedensted-modellen?", ["Hedensted"]),  # a compound's lower-case head is no part of the name
    ],
)
def test_name_phrases_keep_a_run_of_names_together(text: str, phrases: list[str]) -> None:
    from tidlig.text import name_phrases

    assert name_phrases(text) == phrases


@pytest.mark.parametrize(
    ("lead_in", "expected"),
    [("Den tidlige støtte til forældrene sker gennem tre forbundne initiativer:", 3),
     ("Arbejdet er mundet ud i syv opmærksomhedspunkter med tilhørende konkrete anbefalinger:", 7),
     ("De 6 fælles fokusområder fra kommissoriet", 6), ("Programmet har tre ben (se figur):", 3),
     ("KL anbefaler:", None), ("Der er 500 pluspladser:", None),
     ("Tre ting var vigtige for forældrene, som deltog i alle kurserne i kommunen:", None)],
)
def test_announced_count(lead_in: str, expected: int | None) -> None:
    from tidlig.text import announced_count

    assert announced_count(lead_in) == expected


def test_sentence_case_lowers_only_lines_in_capitals() -> None:
    from tidlig.text import sentence_case

    assert sentence_case("EKSEMPLER PÅ TILGANGE\nKL anbefaler PALS:") == "Eksempler på tilgange\nKL anbefaler PALS:"
    assert sentence_case("VIDA") == "VIDA"  # one word in capitals is a name, not a title


@pytest.mark.parametrize(
    ("line", "expected"),
    [("1. Indfør indsatser med fokus på:", "number"), ("12) Tolvte", "number"), ("- mental sundhed", "bullet"),
     ("• bedre tilbud", "bullet"), ("▪ bedre tilbud", "bullet"), ("➢ bedre tilbud", "bullet"), ("\uf0b7 bedre tilbud", "bullet"),
     ("a) først", "letter"), ("B) andet", "letter"), ("iv) fjerde", "letter"), ("Almindelig tekst", None), ("i. Danmark", None),
     # "–" and "o" open lines of prose too: only cleaning, which sees the lines around them, makes them items
     ("– 2018 og frem", None), ("o hvis barnet", None)],
)
def test_marker_kind(line: str, expected: str | None) -> None:
    from tidlig.text import marker_kind

    assert marker_kind(line) == expected


@pytest.mark.parametrize("glyph", ["•", "▪", "◦", "‣", "·", "➢", "■", "●", "○", "✓", "✔", "☑", "□", "☐", "›", "\uf0b7", "\uf0a7", "\uf0d8"])
def test_every_bullet_glyph_opens_a_list_item_whose_text_follows(glyph: str) -> None:
    from tidlig.text import is_list_item, strip_list_marker

    assert is_list_item(f"{glyph} hyppigt fravær")
    assert strip_list_marker(f"{glyph} hyppigt fravær") == "hyppigt fravær"


def test_a_box_to_tick_in_a_tables_first_cell_opens_no_list_item() -> None:
    from tidlig.text import is_list_item

    assert not is_list_item("☐ | Observation af barnet i gruppen/klassen |")


def test_point_number_is_a_numbered_items_number() -> None:
    from tidlig.text import point_number

    assert [point_number(line) for line in ("3. Styrk", "  12) Tolvte", "2.", "b) Basen", "- sparring", "2022 7")] == [
        3, 12, 2, None, None, None
    ]


def test_item_number_is_a_numbered_or_lettered_items_marker_as_written() -> None:
    from tidlig.text import item_number

    assert [item_number(line) for line in ("3. Styrk", "  2) at lytte", "b) Basen", "iv) fjerde", "- sparring", "Tekst")] == [
        "3.", "2)", "b)", "iv)", "", ""
    ]


@pytest.mark.parametrize(
    ("line", "level"),
    [("- sprog", 0), (" - sprog", 0), ("  - læsning", 1), ("   1. i leg", 1), ("    a) i dagtilbud", 2), ("  Almindelig tekst", 0)],
)
def test_list_level_counts_two_spaces_per_level_before_a_marker(line: str, level: int) -> None:
    from tidlig.text import list_level

    assert list_level(line) == level


def test_paragraphs_keep_a_nested_items_indentation_only() -> None:
    text = "Vi arbejder med:\n- sprog, især:\n  - læsning\n   og skrivning\n - motorik"
    assert paragraphs(text) == ["Vi arbejder med:", "- sprog, især:", "  - læsning\nog skrivning", "- motorik"]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # a slide's diagram: a title and lines that are no sentences; a line that runs on joins the next
        (
            "Det danske system\n98 kommuner med ansvar for Dagtilbud og\nPPR\n5 regioner med ansvar for Psykiatri",
            ["Det danske system", "98 kommuner med ansvar for Dagtilbud og PPR", "5 regioner med ansvar for Psykiatri"],
        ),
        # a lead-in above unbulleted lines
        (
            "To rapporter:\nEt overblik over praksis\nEn undersøgelse i 24 institutioner.",
            ["To rapporter:", "Et overblik over praksis", "En undersøgelse i 24 institutioner."],
        ),
        ("Prosa over to linjer, som er ombrudt\nmidt i sætningen. Og en sætning mere.", []),  # wrapped prose
        ("Første linje\nAnden linje er en sætning.\nTredje linje", []),  # a sentence closes a middle line
        ("Kun en titel\nog en linje", []),  # too few lines
        ("- et punkt\n- et andet\n- et tredje", []),  # a list is a list already
    ],
)
def test_stacked_lines(text: str, lines: list[str]) -> None:
    assert stacked_lines(text) == lines


@pytest.mark.parametrize(
    ("line", "expected"), [("Klasserumsmetoder og", True), ("Ansvar,", True), ("Sygehuse", False), ("Det er godt.", False)]
)
def test_runs_on(line: str, expected: bool) -> None:
    assert runs_on(line) is expected


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("Pluspladser 527.000 527.000", ["527.000", "527.000"]),
        ("2022 7", ["2022", "7"]),
        ("Andel 54% -", ["54%", "-"]),
        ("Ingen tal her", []),
    ],
)
def test_trailing_values(line: str, values: list[str]) -> None:
    assert trailing_values(line) == values


@pytest.mark.parametrize(
    ("sentence", "earlier", "expected"),
    [
        ("Hun taler om søvn og gråd.", "Sundhedsplejersken kommer, og hun taler om søvn og gråd.", True),
        ("Sundhedsplejersken kommer, og HUN TALER OM  søvn og gråd.", "hun taler om søvn og gråd.", True),  # either way round
        ("Se figur 3.", "Det viser tallene, se figur 3.", False),  # too short to count
        ("Hun taler om søvn og gråd.", "Hun taler om mad og leg.", False),
        # A list's short item inside another list's title is no repeat: left out, it cut the list.
        ("Forældresamarbejde", "EKSEMPLER PÅ TILGANGE TIL FORÆLDRESAMARBEJDE", False),
        ("Almen skole/SFO", "Incitamentsmodel = Et regnskab for almen skole/SFO inkl. betaling", False),
        ("Socioøkonomiske tildeling.", "Socioøkonomiske tildeling", True),  # the same item twice
    ],
)
def test_repeats(sentence: str, earlier: str, expected: bool) -> None:
    assert repeats(sentence, earlier) is expected


@pytest.mark.parametrize(("count", "word"), [(2, "to"), (5, "fem"), (12, "tolv"), (13, "13")])
def test_a_count_is_written_as_danish_running_text_writes_it(count: int, word: str) -> None:
    from tidlig.text import count_word

    assert count_word(count) == word


def test_a_full_stop_inside_an_editors_insertion_ends_no_sentence() -> None:
    text = "Førhen ville du finde tid [til at arbejde i små grupper. Red.], hvis fire var syge. Nu er det anderledes."
    assert split_sentences(text) == [
        "Førhen ville du finde tid [til at arbejde i små grupper. Red.], hvis fire var syge.",
        "Nu er det anderledes.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a box's caption on the line under a sentence that ends with an abbreviation
        ("støtte til madlavning mv.\nAalborg Kommunes investering", ["støtte til madlavning mv.", "Aalborg Kommunes investering"]),
        ("Han sagde ”Hej.”\nNæste linje.", ["Han sagde ”Hej.”", "Næste linje."]),  # the closing quote stays
        ("Det gælder bl.a.\nsmå børn.", ["Det gælder bl.a. små børn."]),  # a lowercase line goes on
        ("En titel uden punktum\nNæste linje.", ["En titel uden punktum Næste linje."]),
    ],
)
def test_a_full_stop_at_the_end_of_a_line_ends_its_sentence_before_a_capitalised_line(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    "forms",
    [
        ["plusplads", "pluspladser", "pluspladsen", "pluspladserne"],
        ["indsats", "indsatsen", "indsatser"],
        ["arbejdsplads", "arbejdspladsen"],
        ["barn", "barns"],
        ["kvalitet", "kvaliteten", "kvaliteter", "kvalitets"],  # "-itet" is no article
        ["kriminalitet", "kriminaliteten"],
        ["aktivitet", "aktiviteter", "aktiviteterne"],
        ["budget", "budgettet", "budgetter", "budgetterne"],  # a doubled t: the "et" is the noun's own
        ["sikkerhedsnet", "sikkerhedsnettet"],
    ],
)
def test_a_nouns_bare_singular_has_the_stem_of_its_inflected_forms(forms: list[str]) -> None:
    """Snowball alone stems "plusplads" to "plusplad" but "pluspladser" to "plusplads", so "Hvad er en
    plusplads?" matched no passage on pluspladser."""
    assert len({stem(form) for form in forms}) == 1


def test_speaking_and_numbers_have_stems_of_their_own() -> None:
    # "forældre, der ikke taler så godt dansk" had met "var tallet 6,4 børn pr. voksen".
    assert {stem(word) for word in ("taler", "tale", "tales", "talte")} == {"tale"}
    assert {stem(word) for word in ("tal", "tallet", "tallene")} == {"tal"}


def test_the_teachers_forms_have_a_stem_apart_from_learning() -> None:
    # "så lærerne kan bruge det" had met "Lær for Livet" and "anbragte børns læring".
    assert {stem(word) for word in ("lærere", "lærerne", "læreren", "lærernes")} == {"lærer"}
    assert stem("lære") == stem("lærer") != stem("lærerne")  # "barnet lærer at tale" is learning


def test_a_talk_is_a_conversation_but_talking_is_not() -> None:
    # "Jeg skal have en snak med en mor ..." had met no "bekymringssamtale"; "begynde at snakke" is to speak.
    assert {stem(word) for word in ("snak", "snakken", "samtale", "samtalen", "samtaler")} == {"samtal"}
    assert stem("snakke") == stem("snakker") != stem("samtale")
    # written with a hyphen, the compound's last part does the same: "den der bamse-snak" is Møllebækken's "Bamse-samtalen"
    assert stem("bamse-snak") == stem("bamse-samtalen") == "bamse-samtal"


def test_a_small_childs_signs_told_with_verbs_meet_the_documents_nouns() -> None:
    # "græder meget, sover og spiser dårligt" had not found "regulatoriske problemer i form af gråd, uro, spisning og søvn".
    families = (("græder", "græde", "gråd", "gråden"), ("sover", "sove", "søvn", "søvnen"), ("spiser", "spise", "spisning"))
    for family in families:
        assert len({stem(word) for word in family}) == 1


def test_a_strong_verbs_past_forms_meet_its_present_and_its_noun() -> None:
    # "flere børn anbragt i familie og netværk" had not found Aalborg's "netværksanbringelser".
    families = (("anbragt", "anbragte", "anbringe", "anbringes", "anbringelse"), ("bragt", "bringe"), ("fulgt", "fulgte", "følge"))
    for family in families:
        assert len({stem(word) for word in family}) == 1


@pytest.mark.parametrize(
    ("word", "expected"),
    [("status", "status"), ("fokus", "fokus"), ("huset", "hus"), ("underrette", "underret"), ("palette", "palet")],
)
def test_a_stem_keeps_the_s_snowball_keeps(word: str, expected: str) -> None:
    """Only an s after a letter Snowball strips it after goes: "status" is not "statu"."""
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        ("Hvad er De Utrolige År? Hvor længe varer det?", "Utrolige", "De Utrolige År"),
        ("Hvad gør Hedensted Kommune?", "Hedensted", "Hedensted Kommune"),
        ("Hvad siger KL om PALS?", "PALS", "PALS"),
        ("Hvad er Hedensteds TIP-team?", "Hedensteds", "Hedensteds"),  # "TIP" begins a compound, not a name
        # A sentence's first word is capitalised by the sentence, not by the name.
        ("Hvor mange bruger Børnelinealen? Og Helsingør?", "Helsingør", "Helsingør"),
    ],
)
def test_whole_name_takes_the_short_capitalised_words_beside_a_name(text: str, phrase: str, name: str) -> None:
    assert whole_name(text, phrase) == name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Hvad koster Lær for Livet pr. barn?", ["Lær for Livet"]),
        ("Hvad koster Familie med Hjerte pr. familie?", ["Familie med Hjerte"]),
        ("Hvor mange har deltaget i Center for Familier og Unge?", ["Center for Familier og Unge"]),
        ("Hvad gør Holstebro og Frederikshavn for forældre?", ["Holstebro", "Frederikshavn"]),  # two names
        ("Hvor mange familier går i Familiestuen i Aarhus?", ["Familiestuen", "Aarhus"]),  # one placed in another
        ("Hvilken kommune har brugt Signs of Safety?", ["Signs of Safety"]),  # an English method's name
    ],
)
def test_linked_names_keep_a_name_whole_over_its_short_lowercase_words(text: str, names: list[str]) -> None:
    assert linked_names(text) == names


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("Hvilke redskaber til tidlig opsporing nævnes i materialet?", ["redskab", "tid", "opsporing"]),
        ("Hvad fremgår af kilderne om forældresamarbejde?", ["forældresamarbejd"]),
        ("Hvilke metoder beskrives i teksterne?", ["metod"]),
    ],
)
def test_the_words_pointing_at_the_documents_are_no_terms(question: str, terms: list[str]) -> None:
    assert content_terms(question) == terms


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Hvad er PALS-modellen?", ["pals-model", "pal"]),  # the acronym is the name a passage uses alone ("PALS")
        ("Effektmålinger af VIDA-programmet", ["effektmåling", "vida-program", "vida"]),
        ("0-5-årige børn", ["0", "5", "årig", "børn"]),  # no acronym heads a number or a lowercase word
        ("kl-udspil og sprog-indsatsen", ["kl-udspil", "sprog-indsat"]),
    ],
)
def test_an_acronym_heading_a_hyphenated_word_is_a_term_too(text: str, terms: list[str]) -> None:
    assert content_terms(text) == terms


def test_the_words_after_a_count_name_what_it_counts():
    assert "fordelingsmetoder" in counted_words("KORA har identificeret fire forskellige fordelingsmetoder, som kommunerne benytter.")
    assert counted_words("Der er ingen øvre grænse.") == []


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("KORA har identificeret fire forskellige fordelingsmetoder.", False),
        ("Rapporten beskriver 4 metoder.", False),  # the count itself, in digits
        ("De otte cases brugte tilsammen 15 konferencer og ca. 133 timers personaletid.", True),
        ("Tre af de fem kommuner brugte 2,5 mio. kr.", True),
    ],
)
def test_figures_beside_counts(sentence, figures):
    assert figures_beside_counts(sentence) is figures


@pytest.mark.parametrize(("number", "text"), [("3.", "Styrk indsatsen"), ("12)", "Tolv"), ("b)", "Basen (Tørring)"), ("iv)", "Noget")])
def test_an_item_number_an_answer_shows_is_taken_off_again(number: str, text: str) -> None:
    shown = shown_item_number(number) + text
    assert without_item_number(shown) == text
    assert not shown.startswith(number) or not number[:1].isdigit()  # a number is escaped for Markdown


@pytest.mark.parametrize("text", ["Almindelig tekst", "2024 var et år", "3 børn går i dagpleje"])
def test_text_without_an_item_number_stays_as_it_is(text: str) -> None:
    assert without_item_number(text) == text


@pytest.mark.parametrize(
    ("row", "cells"),
    [("Leder | Hanne Møller", ["Leder", "Hanne Møller"]), ("Souschef |", ["Souschef", ""]), ("| Jens Kofoed", ["", "Jens Kofoed"])],
)
def test_a_table_row_with_an_empty_first_or_last_cell_keeps_that_cell(row, cells):
    assert is_table_row(row)
    assert table_cells(row) == cells


@pytest.mark.parametrize(("items", "joined"), [(["2"], "2"), (["2", "4"], "2 og 4"), (["2", "3", "4"], "2, 3 og 4")])
def test_items_are_joined_as_a_danish_list(items: list[str], joined: str) -> None:
    assert join_danish(items) == joined


def test_characters_shown_as_nothing_or_as_a_hyphen_are_written_as_shown() -> None:
    from tidlig.text import as_shown, words

    text = as_shown("sprog\u00adaktiviteter med Tale\u2011hørekonsulenten\u200b og\u00a0forældrene")

    assert text == "sprogaktiviteter med Tale-hørekonsulenten og\u00a0forældrene"  # a no-break space is a space: kept
    assert words(text)[:3] == ["sprogaktiviteter", "med", "tale-hørekonsulenten"]


def test_one_line_puts_a_cells_lines_on_one_line() -> None:
    from tidlig.text import one_line

    # A line that ends a sentence or runs on gets a space; any other a semicolon, so a cell's list stays apart.
    assert one_line(["Drøftet med leder 5. februar.", "Aftalt observation", "", "i to  uger"]) == (
        "Drøftet med leder 5. februar. Aftalt observation; i to uger"
    )
    assert one_line(["Leder Mette Skov", "Tlf. 41 22 33 44"]) == "Leder Mette Skov; Tlf. 41 22 33 44"
    assert one_line(["Samarbejde med sundhedsplejen,", "PPR og skolen"]) == "Samarbejde med sundhedsplejen, PPR og skolen"


def test_a_sentence_goes_on_from_the_one_before_when_it_points_back_or_sets_itself_against_it():
    assert goes_on_from("Men der kan konstateres et markant fald i kriminaliteten.")
    assert goes_on_from("Det skyldes, at flere børn er i mistrivsel.")
    assert not goes_on_from("Mentorordningen startede i 2015.")
    assert not goes_on_from("I 2018 blev blot 0,3 procent af de 0-5-årige optaget i specialtilbud.")


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("Omkring 15% af børn og unge får en diagnose – Vidensråd for forebyggelse 2020", True),
        ("Andelen er steget fra 8,3% til 11,7% fra skoleåret 2010/11 til 2017/18 – Momentum 2021", True),
        ("Antallet af anmeldelser er faldet med mere end 35 pct. siden 2008.", False),
        ("Midlerne er afsat for 2016 – 2018", False),  # a span of years credits no one
    ],
)
def test_a_sentence_ending_in_a_named_source_and_year_credits_another_source(text: str, credits: bool) -> None:
    assert credits_another_source(text) is credits


# A slide's diagram: seven boxes, the first a title of eight words (no fragment by its length alone).
DIAGRAM = (
    "Balancen mellem de fællesskabsorienterede og det individuelle indsatser\nSærlig støtte og PPR\nForebyggende indsatser\n"
    "Inkluderende børnefællesskaber\nSærlig støtte og PPR\nForebyggende indsatser\nBørnefællesskaber"
)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (DIAGRAM, True),
        ("Indgribende\nForegribende\nForebyggende\nIndsatser i børnefællesskabet i dagtilbuddet", True),
        # one line in four closed like a sentence: "mv." ends a box too
        ("Politik-kerne\nProgram for læringsledelse\nSkoleanalyse\nSpecialpædagogiske tiltag, indsatser, rammer mv.", True),
        # statements of a few words each: a verb in each line
        ("Den enkelte skole betaler ved segregering af skolestartere\nElever med funktionsnedsættelse er undtaget "
         "betalingsforpligtigelse\nTilflyttere er undtaget betaling skoleåret ud", False),
        # a chart's rows give values
        ("Antal elever tilbageført fra special- til almenklasse\nÅr Antal udsluset\n2022 7\n2021 6\n2020 2", False),
        ("Særlig støtte og PPR", False),  # one line is no stack
    ],
)
def test_label_stacks(text: str, labels: bool) -> None:
    assert is_label_stack(text) is labels


def test_a_label_names_and_states_no_value() -> None:
    assert is_label("Særlig støtte og PPR")
    assert not is_label("Anbragte børn: 4.5")
    assert not is_label("Barnet er tildelt en plads i et specialiseret tilbud.")


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Projektet har fokus på at bevægelsesaktivitetsniveauet i dagtilbud øges.", True),
        ("Det er projektets overordnede sigte at medvirke til ...", True),
        ("Og slutevalueringen af projektet viser, at det har den ønskede effekt.", True),
        ("I 2015 er der igangsat en indsats for at styrke arbejdet med børns bevægelse.", False),  # names it anew
        ("Kommunen fordeler de socioøkonomiske midler efter ansøgning.", False),
    ],
)
def test_a_sentence_speaking_of_its_scheme_as_already_named_needs_its_title(sentence: str, names: bool) -> None:
    assert names_its_scheme(sentence) is names


@pytest.mark.parametrize(
    ("question", "expected"),
    [("Hvad er Vidensrådets syv hovedpunkter for en national strategi?", 7), ("Hvilke tre veje ser Hedensted?", 3),
     ("Hvad er de fire afsnit i KL's udspil?", 4), ("Hvilke 5 ting er vigtige?", 5),
     ("Hvilke kommuner bruger modellen?", None), ("Hvad koster tre pladser?", None)],
)
def test_asked_count(question: str, expected: int | None) -> None:
    from tidlig.text import asked_count, asked_list

    assert asked_count(question) == expected
    if expected is not None:
        assert asked_list(question)[0] == expected


def test_asked_list_names_the_counted_word() -> None:
    from tidlig.text import asked_list

    assert asked_list("Hvilke fire temaer skal Trivselskommissionen se på?") == (4, "temaer")


@pytest.mark.parametrize(
    ("lead_in", "expected"),
    [("EN NATIONAL STRATEGI MED SYV HOVEDPUNKTER (DAGTILBUD): Videnrådet for forebyggelse 2021", 7),
     ("KL har tre pejlemærker for indsatsen for udsatte børn og unge:", 3),
     ("I 2022 vurderede 14 pct. af pædagogerne:", None), ("KL anbefaler:", None)],
)
def test_named_count(lead_in: str, expected: int | None) -> None:
    from tidlig.text import named_count

    assert named_count(lead_in) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Når du er bekymret for et barn, skal du: ...", True), ("Tal med din leder.", True),
     ("Du kan altid søge sparring.", True), ("KL anbefaler, at kommunerne inddrager forældrene tidligt.", False),
     ("Dusinvis af børn blev hjulpet.", False)],
)
def test_addresses_reader(text: str, expected: bool) -> None:
    from tidlig.text import addresses_reader

    assert addresses_reader(text) is expected


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        (table_rule(3), True),
        ("| --- | :--: |", True),
        ("|:--|", True),
        ("| Barnet | Leder |", False),
        ("- punkt", False),
        ("---", False),
    ],
)
def test_a_table_rule_is_the_line_the_composer_writes_under_a_header_and_its_aligned_forms(line, rule):
    assert is_table_rule(line) is rule


@pytest.mark.parametrize(
    ("sentence", "research"),
    [
        ("Internationale undersøgelser viser, at ca. 7 % af alle børn har DLD.", True),
        ("Ifølge nyere studier har 10 % af børnene brug for støtte.", True),
        ("Svenske og danske studier viser, at udsatte børn profiterer mest.", True),
        ("Forskere anslår, at hvert tiende barn mistrives.", True),
        ("Undersøgelsen i Favrskov viser, at 12 børn har DLD.", False),  # one study: it may be the place's own
        ("Vores undersøgelser viser, at 12 børn har DLD.", False),
        ("Evalueringen viser, at 31 af de 35 børn trives.", False),
        ("I 2023 modtog rådgivningen 1.236 underretninger, viser undersøgelser.", False),  # not how it opens
    ],
)
def test_a_sentence_citing_research_in_general_opens_by_saying_so(sentence, research):
    assert cites_research(sentence) is research


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Modellen inddeler barnets situation i tre farver: grøn, gul og rød.", ("grøn", "gul", "rød")),
        ("Skalaen har to trin: lille bekymring eller stor bekymring", ("lille bekymring", "stor bekymring")),
        ("Når du forbereder en samtale med forældrene, skal du:", ()),  # a lead-in: its items follow as a list
        ("Det gælder: Hvis barnet er sygt, og hvis forældrene ikke kommer, skal lederen ringe til dem straks.", ()),
        ("Modellen har tre farver, grøn, gul og rød.", ()),  # no colon: no list of names
    ],
)
def test_the_names_a_sentence_lists_after_its_colon(sentence, names):
    assert listed_names(sentence) == names



@pytest.mark.parametrize(
    ("share", "text", "within"),
    [
        ("22", "Niveau 4 – Kritisk fravær (samlet fravær 20 procent eller mere eller 15 dages ulovligt fravær)", True),
        ("12", "Niveau 2 – Bekymring (samlet fravær 10-14 procent eller 5-9 dages ulovligt fravær)", True),
        ("16", "Niveau 2 – Bekymring (samlet fravær 10-14 procent eller 5-9 dages ulovligt fravær)", False),
        ("9,5", "Tidlige tegn, fx fravær over 8 % i en måned.", True),
        ("3", "Andelen i særlig indsats skal højst være 4 % i 2027.", True),
        ("22", "I 2023 var 22 elever i særlig indsats.", False),  # no share stated
    ],
)
def test_a_share_lies_in_a_limit_or_a_span_a_text_states(share, text, within):
    assert within_stated_share(share, text) is within


@pytest.mark.parametrize(
    ("shares", "text", "fits"),
    [
        ({"12"}, "Niveau 2 – Bekymring (samlet fravær 10-14 procent eller 5-9 dages ulovligt fravær)", True),
        ({"22"}, "Niveau 2 – Bekymring (samlet fravær 10-14 procent eller 5-9 dages ulovligt fravær)", False),
        ({"22", "12"}, "Niveau 2 – Bekymring (samlet fravær 10-14 procent)", True),  # either share
        ({"22"}, "Niveau 3 | 15-19 % eller 10-14 dage ulovligt | Brev 2", False),
        ({"22"}, "4. Roller og ansvar", None),  # no limit, no span
        ({"22"}, "Case 6: Mavepine og fravær på 14 procent", None),  # a share, but no limit or span
    ],
)
def test_a_text_is_written_for_a_share_when_a_limit_or_span_it_states_holds_it(shares, text, fits):
    assert fits_shares(shares, text) is fits


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Børn og Unge · Skoleafdelingen og Pædagogisk Psykologisk Rådgivning (PPR)", True),  # a letterhead
        ("Næstved Kommune · Center for Skole og Uddannelse", True),
        ("Trin 5 · Aftaler", False),  # a slide's numbered step
        ("Kursusdag for pædagoger · Kursusdage: 7. marts og 11. april · Kl. 8.30-15", False),  # the course's dates
        ("Børn og Unge, Skoleafdelingen", False),  # no middle dot: a name, as any heading may be
    ],
)
def test_a_letterhead_s_line_of_organisations_is_a_byline(line, byline):
    assert is_byline(line) is byline


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Oplægsholdere og deltagere", True), ("Til stede:", True), ("Deltagere, afbud", True), ("Medvirkende", True),
     ("Faste deltagere:", False), ("Deltagere:", False),  # a team's members: what the team is
     ("Deltagerne fik disse råd:", False), ("Oplægsholderne blev enige om disse huskeregler:", False)],
)
def test_is_roster_title(title: str, expected: bool) -> None:
    from tidlig.text import is_roster_title

    assert is_roster_title(title) is expected
