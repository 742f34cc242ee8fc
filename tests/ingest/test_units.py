"""split_units on hand-written chunks: verbatim spans, list lead-ins, table headers, stable ids."""

from __future__ import annotations

import random
import re

from ingest.units import _collapse, _locate, split_units
from tidlig.text import is_fragment

PROSE = (
    "Sundhedsplejersken besøger alle familier. Hun taler bl.a. om søvn og gråd.\n\n"
    "KL anbefaler:\n"
    "- at kommunerne styrker den tidlige opsporing\n"
    "- at dagtilbuddene inddrager forældrene\n\n"
    "Det koster ca. 2,5 mio. kr. om året."
)

TABLE = "Indsats | 2016 | 2017 | 2018\nPluspladser | 527.000 | 527.000 | 527.000\nSprogindsats | 1.200.000 | 900.000 | 0"


def _check_spans(text: str, units) -> None:
    for unit in units:
        assert text[unit.start : unit.end] == unit.text


def test_sentences_and_list_items_are_verbatim_slices_in_order():
    units = split_units("doc-0001-abc", PROSE)

    _check_spans(PROSE, units)
    assert [u.kind for u in units] == ["sentence", "sentence", "sentence", "list_item", "list_item", "sentence"]
    assert units[1].text == "Hun taler bl.a. om søvn og gråd."
    assert units[-1].text == "Det koster ca. 2,5 mio. kr. om året."
    assert [u.start for u in units] == sorted(u.start for u in units)


def test_list_items_carry_their_lead_in_and_search_with_it():
    units = split_units("doc-0001-abc", PROSE)
    items = [u for u in units if u.kind == "list_item"]

    assert [u.text for u in items] == ["at kommunerne styrker den tidlige opsporing", "at dagtilbuddene inddrager forældrene"]
    assert {u.lead_in for u in items} == {"KL anbefaler:"}
    assert items[0].search_text == "KL anbefaler: at kommunerne styrker den tidlige opsporing"
    assert all(u.lead_in == "" for u in units if u.kind == "sentence")


def test_a_list_item_carries_the_two_sentences_that_introduce_its_list_not_the_whole_paragraph():
    text = (
        "Tidlig indsats er ikke kun for de små. Tidlig indsats kan forstås som rettidig. Den gælder hele livet. "
        "Den skal tænkes bredt. Her er nogle eksempler:\n- Læseklasser\n- Familiekurser"
    )
    items = [u for u in split_units("c", text) if u.kind == "list_item"]

    # "Tidlig indsats kan forstås som rettidig." is a unit of its own: carried by each item, it made the
    # examples pass for what "rettidig" means.
    assert {u.lead_in for u in items} == {"Den skal tænkes bredt. Her er nogle eksempler:"}


def test_a_slides_attribution_glued_after_a_list_item_is_a_unit_of_its_own_and_the_list_goes_on():
    text = (
        "- 7 pct. oplever det i høj grad. -Danmarks Evalueringsinstitut: ”Udfordringer i understøttelse af børn” 2022\n"
        "- 63 pct. vurderer, at kompleksiteten er blevet større. -Momentum-rundspørge blandt dagtilbudschefer 2021\n"
        "- 49 pct. oplever det i nogen grad."
    )
    units = split_units("c", text)

    # The cited title's words ("børn") made the item look like an answer to questions about children.
    assert [(u.kind, u.text) for u in units] == [
        ("list_item", "7 pct. oplever det i høj grad."),
        ("sentence", "-Danmarks Evalueringsinstitut: ”Udfordringer i understøttelse af børn” 2022"),
        ("list_item", "63 pct. vurderer, at kompleksiteten er blevet større."),
        ("sentence", "-Momentum-rundspørge blandt dagtilbudschefer 2021"),
        ("list_item", "49 pct. oplever det i nogen grad."),
    ]


def test_a_lead_in_ends_at_the_next_paragraph():
    text = "Tegn på mistrivsel:\n- barnet græder\n\nEn ny sætning.\n- et løst punkt"
    units = split_units("c", text)

    assert [(u.kind, u.lead_in) for u in units] == [
        ("sentence", ""), ("list_item", "Tegn på mistrivsel:"), ("sentence", ""), ("list_item", "")
    ]


def test_table_rows_carry_the_header_row():
    units = split_units("tab-0003-def", TABLE, "table")

    _check_spans(TABLE, units)
    assert [u.kind for u in units] == ["table_row"] * 3
    assert units[0].lead_in == ""
    assert units[1].text == "Pluspladser | 527.000 | 527.000 | 527.000"
    assert units[1].lead_in == units[2].lead_in == "Indsats | 2016 | 2017 | 2018"


def test_ids_are_stable_and_name_their_chunk():
    first = split_units("doc-0001-abc", PROSE)
    again = split_units("doc-0001-abc", PROSE)

    assert [u.unit_id for u in first] == [u.unit_id for u in again]
    assert [u.unit_id for u in first] == [f"doc-0001-abc-u{i:03d}" for i in range(len(first))]
    assert {u.chunk_id for u in first} == {"doc-0001-abc"}
    assert [u.position for u in first] == list(range(len(first)))


def test_spans_survive_line_breaks_inside_a_sentence():
    text = "Dagplejerne ser børnene\nhver dag. De opdager ofte\nmistrivsel."
    units = split_units("c", text)

    _check_spans(text, units)
    assert [u.text for u in units] == ["Dagplejerne ser børnene\nhver dag.", "De opdager ofte\nmistrivsel."]


def _regex_locate(text: str, piece: str, cursor: int) -> tuple[int, int]:
    """The span search as one regex per piece (what ``_locate`` replaces, for speed)."""
    match = re.compile(r"\s+".join(re.escape(word) for word in piece.split())).search(text, cursor)
    return (match.start(), match.end()) if match else (-1, -1)


def test_locate_finds_the_same_span_as_a_regex_over_whitespace_runs():
    rng = random.Random(7)
    words = ["tidlig", "indsats", "i", "dagtilbud", "ab", "b.", "(KL)", "2,5", "mio."]
    spaces = [" ", "  ", "\n", " \n ", "\t", "\xa0", "\n\n"]
    for _ in range(300):
        text = "".join(rng.choice(words) + rng.choice(spaces) for _ in range(rng.randint(1, 12)))
        parts = text.split()
        first = rng.randrange(len(parts))
        piece = " ".join(parts[first : first + rng.randint(1, 3)])[rng.randint(0, 1) :].strip()  # may start mid-word
        if not piece:
            continue
        for cursor in (0, rng.randrange(len(text) + 1), len(text)):
            assert _locate(_collapse(text), piece, cursor) == _regex_locate(text, piece, cursor), (text, piece, cursor)


def test_empty_text_has_no_units():
    assert split_units("c", "") == []
    assert split_units("c", "   \n\n ") == []


def test_a_lead_in_line_after_a_paragraph_or_a_list_item_starts_a_list_of_its_own():
    # Extracted text often has no blank line between paragraphs and lists.
    text = (
        "Beskyttelsesfaktorer bør altid indgå i forebyggelsen.\nIndividuelle beskyttelsesfaktorer:\n"
        "- Selvtillid\n- Empati\nKontekstuelle beskyttelsesfaktorer:\n- En god emotionel tilknytning"
    )
    units = split_units("c", text)

    _check_spans(text, units)
    assert [(u.kind, u.text, u.lead_in) for u in units] == [
        ("sentence", "Beskyttelsesfaktorer bør altid indgå i forebyggelsen.", ""),
        ("sentence", "Individuelle beskyttelsesfaktorer:", ""),
        ("list_item", "Selvtillid", "Individuelle beskyttelsesfaktorer:"),
        ("list_item", "Empati", "Individuelle beskyttelsesfaktorer:"),
        ("sentence", "Kontekstuelle beskyttelsesfaktorer:", ""),
        ("list_item", "En god emotionel tilknytning", "Kontekstuelle beskyttelsesfaktorer:"),
    ]


def test_a_lead_in_that_wraps_over_two_lines_stays_one_sentence():
    units = split_units("c", "Det kan kommunerne gøre ved at\nfølge disse trin:\n- Sparring\n- Opfølgning")

    assert units[0].text == "Det kan kommunerne gøre ved at\nfølge disse trin:"
    assert {u.lead_in for u in units[1:]} == {"Det kan kommunerne gøre ved at følge disse trin:"}


def test_a_slide_title_right_above_a_list_is_the_list_lead_in():
    units = split_units("c", "Typisk profil på tilbageførte elever\n- Oftest normalbegavede\n- Elever på mellemtrin", "slide")

    assert [u.lead_in for u in units if u.kind == "list_item"] == ["Typisk profil på tilbageførte elever"] * 2


def test_a_title_that_asks_is_the_lead_in_of_the_list_that_answers_it():
    heading = "Hvor mange kommuner bruger socioøkonomisk ressourcefordeling?"
    text = f"{heading}\n\n- 42 procent af kommunerne anvender socioøkonomiske kriterier\n- Størstedelen fordeler 5 procent eller mindre"
    units = split_units("c", text, "text", heading)

    assert [(u.kind, u.lead_in) for u in units] == [("list_item", heading)] * 2


def test_a_paragraph_after_an_unpunctuated_slide_bullet_is_not_part_of_the_item():
    text = (
        "- Der skal skabes fælles begreber og forståelse af hinandens praksis\n"
        "Evalueringen af opsporingsmodellen viser, at den har en positiv effekt."
    )
    units = split_units("c", text, "slide")

    assert [(u.kind, u.text) for u in units] == [
        ("list_item", "Der skal skabes fælles begreber og forståelse af hinandens praksis"),
        ("sentence", "Evalueringen af opsporingsmodellen viser, at den har en positiv effekt."),
    ]


def test_an_item_keeps_its_explanation_and_its_wrapped_lines():
    explained = split_units("c", "- Tidlig og forebyggende indsats.\nDet tværprofessionelle samarbejde skal styrkes.")
    wrapped = split_units("c", "- Samarbejde med Region Midtjylland om\nPsykiatrien og kommunerne og deres mange nye tilbud")

    assert [u.kind for u in explained] == ["list_item"]
    assert [u.kind for u in wrapped] == ["list_item"]


def test_the_prose_under_an_explained_item_is_no_part_of_it():
    # KL's foreword: the last "pejlemærke", its explanation, then the foreword goes on under the list.
    text = (
        "KL har tre pejlemærker:\n- Målrettet indsats.\nDer skal fokus på effekt i foranstaltningerne.\n"
        "Vi skal huske på, at kommunerne ikke kan løfte opgaven alene. Børnene selv skal være en del af løsningen."
    )
    units = split_units("c", text)

    assert [(u.kind, u.text) for u in units[1:]] == [
        ("list_item", "Målrettet indsats.\nDer skal fokus på effekt i foranstaltningerne."),
        ("sentence", "Vi skal huske på, at kommunerne ikke kan løfte opgaven alene."),
        ("sentence", "Børnene selv skal være en del af løsningen."),
    ]


def test_a_title_line_under_a_finished_item_starts_the_next_section_not_the_items_explanation():
    # A Hedensted slide: a list, then the next section's title and its lines, with no blank line between.
    text = (
        "- Derudover er der ’Fælles midler’ i Læring til at dække skoleudgift til anbragte børn.\n"
        "Håndtering af det frie skolevalg\n"
        "Skolestart: Ved segregering fra skolestart. Betalingsforpligtigelse fastlægges ved indskrivningen."
    )
    units = split_units("c", text)

    assert [(u.kind, u.text) for u in units] == [
        ("list_item", "Derudover er der ’Fælles midler’ i Læring til at dække skoleudgift til anbragte børn."),
        ("sentence", "Håndtering af det frie skolevalg"),
        ("sentence", "Skolestart: Ved segregering fra skolestart."),
        ("sentence", "Betalingsforpligtigelse fastlægges ved indskrivningen."),
    ]
    # An item that does not end a sentence goes on in the line under it, title-shaped or not.
    assert [u.kind for u in split_units("c", "- Samarbejde med\nRegion Midtjylland")] == ["list_item"]


def test_a_capitalised_lead_in_line_on_a_slide_starts_its_list_even_after_an_unpunctuated_line():
    slide = "Lang ventetid på udredning\nStigning i antallet af børn\nNye tal fra registrene viser:\n- Andelen er steget\n- 57.100 børn"
    units = split_units("c", slide, "slide")
    run_on = split_units("c", "Vi arbejder med\nFølgende trin:\n- Sparring")

    assert [u.lead_in for u in units if u.kind == "list_item"] == ["Nye tal fra registrene viser:"] * 2
    assert run_on[-1].lead_in == "Vi arbejder med Følgende trin:"  # the line before runs on into it


def test_a_lead_in_of_a_few_words_on_a_slide_takes_the_line_above_it_and_no_more():
    slide = "Lang ventetid på udredning\nStigning i antallet af børn\nSundhedsregisterdata:\n- Andelen er steget\n- 57.100 børn"
    units = split_units("c", slide, "slide")
    after_sentence = split_units("c", "Antallet er steget.\nSundhedsregisterdata:\n- Andelen er steget", "slide")

    # "Sundhedsregisterdata:" alone does not say what the figures are about; the heading above it does.
    # It keeps its line break: quoted, the heading is a sentence of its own, not "... børn Sundhedsregisterdata:".
    assert [u.lead_in for u in units if u.kind == "list_item"] == ["Stigning i antallet af børn\nSundhedsregisterdata:"] * 2
    assert [u.text for u in units[:3]] == ["Lang ventetid på udredning", "Stigning i antallet af børn", "Sundhedsregisterdata:"]
    assert after_sentence[-1].lead_in == "Sundhedsregisterdata:"  # a finished sentence above is no heading of it


def test_a_long_slide_title_without_closing_punctuation_introduces_the_numbered_list_under_it():
    title = "EN NATIONAL STRATEGI MED SYV HOVEDPUNKTER (DAGTILBUD): Videnrådet for forebyggelse 2021"
    units = split_units("c", f"{title}\n1. Skab sammenhæng i indsatserne\n2. Styrk opsporingen", "slide")
    sentence = split_units("c", "Det gør kommunerne allerede.\n- Sparring")

    assert [u.lead_in for u in units if u.kind == "list_item"] == [title] * 2
    assert sentence[-1].lead_in == ""  # a finished sentence introduces nothing


def test_a_slide_title_over_a_sentence_is_no_part_of_the_sentence_but_titles_a_stack_of_lines():
    prose = split_units("c", "Finansiering\nKommunerne skal selv finansiere udgifterne.\nÅrlige aftaler med staten.", "slide")
    stack = split_units("c", "Regeringsinitiativer de seneste 5 år\nMinimumsnormeringer (2020)\nTrivselskommission (2023)", "slide")

    assert [u.text for u in prose] == ["Finansiering", "Kommunerne skal selv finansiere udgifterne.", "Årlige aftaler med staten."]
    assert [u.text for u in stack] == ["Regeringsinitiativer de seneste 5 år\nMinimumsnormeringer (2020)\nTrivselskommission (2023)"]


def test_a_line_of_text_under_a_stack_of_diagram_labels_is_a_unit_of_its_own():
    labels = "Sådan fordeles midlerne\nPulje\nDagtilbud\nSkoler og SFO"
    explained = "Fordelingsnøgle = Et beløb pr. barn efter forældrenes uddannelse og indkomst"
    units = split_units("c", f"{labels}\n{explained}", "slide")
    short = split_units("c", f"{labels}\nFritidsklubber", "slide")  # one more label

    assert [u.text for u in units] == [labels, explained]
    assert [u.text for u in short] == [f"{labels}\nFritidsklubber"]


def test_a_list_marker_alone_on_its_line_is_no_item():
    units = split_units("c", "Huskeliste:\n1. Madpakke\n2.\n3. Skiftetøj\n4)")

    assert [(u.kind, u.text) for u in units] == [("sentence", "Huskeliste:"), ("list_item", "Madpakke"), ("list_item", "Skiftetøj")]


def test_a_slide_title_on_two_lines_with_its_source_introduces_the_list_under_it():
    title = "EN NATIONAL STRATEGI MED SYV HOVEDPUNKTER (DAGTILBUD):\nVidenrådet for forebyggelse 2021"
    units = split_units("c", f"{title}\n1. Skab sammenhæng i indsatserne\n2. Styrk opsporingen", "slide")

    assert [u.lead_in for u in units if u.kind == "list_item"] == [" ".join(title.split())] * 2


def test_a_chart_title_in_capitals_under_a_finished_bullet_is_a_unit_apart_and_no_sentence_to_quote():
    text = "- Antallet er steget fra 32 til 49 pr. 1.000, svarende til mere end 50 pct.\nHENVISTE 0-18 ÅRIGE TIL PSYKIATRIEN FRA KOMMUNEN"
    units = split_units("c", text, "slide")

    assert [(u.kind, u.text) for u in units] == [
        ("list_item", "Antallet er steget fra 32 til 49 pr. 1.000, svarende til mere end 50 pct."),
        ("sentence", "HENVISTE 0-18 ÅRIGE TIL PSYKIATRIEN FRA KOMMUNEN"),
    ]
    assert is_fragment(units[1].text)


def test_labels_set_apart_from_a_list_by_a_blank_line_are_no_part_of_its_last_item():
    units = split_units("c", "- Samarbejde med eksterne fagpersoner\n\nForældrenes uddannelsesniveau 63%\n\nForældrenes indkomstniveau")

    assert [(u.kind, u.text) for u in units] == [
        ("list_item", "Samarbejde med eksterne fagpersoner"),
        ("sentence", "Forældrenes uddannelsesniveau 63%"),
        ("sentence", "Forældrenes indkomstniveau"),
    ]


def test_the_title_a_chunk_opens_with_is_the_lead_in_of_the_list_right_under_it():
    heading = "Hvordan bruger kommunerne midlerne?\nEKSEMPLER PÅ TILGANGE TIL FORÆLDRESAMARBEJDE"
    text = f"{heading}\n\n- Marte Meo med fokus på udfordringen\n- Hjemmebesøg, hvor pædagogen kommer hjem\n\nDet virker."
    units = split_units("bupl-0015-abc", text, heading=heading)

    assert [(u.kind, u.lead_in) for u in units] == [
        ("list_item", "EKSEMPLER PÅ TILGANGE TIL FORÆLDRESAMARBEJDE"),
        ("list_item", "EKSEMPLER PÅ TILGANGE TIL FORÆLDRESAMARBEJDE"),
        ("sentence", ""),
    ]
    # Searched in sentence case: the embedder reads "FORÆLDRESAMARBEJDE" as fragments.
    assert units[1].search_text == "Eksempler på tilgange til forældresamarbejde Hjemmebesøg, hvor pædagogen kommer hjem"


def test_a_heading_that_ends_a_sentence_does_not_introduce_the_list_under_it():
    heading = "Kommunen har gjort meget."
    units = split_units("kl-0001-abc", f"{heading}\n\n- at styrke opsporingen", heading=heading)
    assert [(u.kind, u.lead_in) for u in units] == [("list_item", "")]


def test_lines_that_each_define_a_term_are_the_items_of_a_list():
    heading = "Forskellige støtteformer i danske dagtilbud"
    text = (
        f"{heading}\n"
        "Pædagogisk støtte: Monofaglig støtte til ét barn.\n"
        "Strukturel støtte: Tiltag, der styrker rammerne.\n"
        "Det kan fx være særlige midler.\n"
        "Kilde: EVA (2023)"
    )
    units = split_units("c", text, "slide", heading)

    assert [(u.kind, " ".join(u.text.split()), u.lead_in) for u in units] == [
        ("list_item", "Pædagogisk støtte: Monofaglig støtte til ét barn.", heading),
        ("list_item", "Strukturel støtte: Tiltag, der styrker rammerne. Det kan fx være særlige midler.", heading),  # its explanation
        ("sentence", "Kilde: EVA (2023)", ""),  # a source line is no definition and explains nothing
    ]


def test_one_line_that_defines_a_term_stays_a_sentence():
    units = split_units("c", "Formål: At styrke læringsmiljøerne.\nDet sker i alle kommuner.", "slide")

    assert [u.kind for u in units] == ["sentence", "sentence"]


def test_each_note_of_a_page_s_footnotes_is_its_own_sentence_also_without_a_full_stop():
    text = (
        "3 Der er afsat 4,5 i 2016 og 8,4 mil i 2017. Det fremgår ikke, hvor mange der går til kompetenceudvikling\n"
        "4 Det besluttes hvert år ud fra den samlede ramme."
    )
    units = split_units("c", text)

    assert [u.text for u in units] == [
        "3 Der er afsat 4,5 i 2016 og 8,4 mil i 2017.",
        "Det fremgår ikke, hvor mange der går til kompetenceudvikling",
        "4 Det besluttes hvert år ud fra den samlede ramme.",
    ]


def test_a_line_of_prose_that_opens_with_a_number_goes_on_the_sentence_above():
    units = split_units("c", "Kommunen har i alt\n12 Pladser i vuggestuer og børnehaver til udsatte børn.")

    assert len(units) == 1
