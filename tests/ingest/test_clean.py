"""Cleaning rules, each on the kind of text the bundled documents were extracted to."""

from __future__ import annotations

import pytest

from ingest.clean import (
    clean_text,
    inline_points,
    continues_sentence,
    dehyphenate,
    find_page_footers,
    has_words,
    normalize_bullets,
    reflow,
    separate_glued_paragraphs,
    split_paragraphs,
    split_presenter_notes,
    starts_frame,
    widest_line,
)

# ---- dehyphenation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("forebyg-\ngende indsats", "forebyggende indsats"),
        ("hvor foræl- \ndrene har", "hvor forældrene har"),  # trailing space before the line break
        ("serviceud-\n\ngifter bruges", "serviceudgifter bruges"),  # a blank line inside the word
        ("Sundheds-\nplejen har", "Sundhedsplejen har"),
        ("Børne-\nfælles-\nskaber", "Børnefællesskaber"),
        ("SOCIOØKONO-\nMISKE", "SOCIOØKONOMISKE"),
    ],
)
def test_words_split_across_line_ends_are_joined(raw, joined):
    assert dehyphenate(raw) == joined


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("børne- \nog ungeområdet", "børne- og ungeområdet"),  # suspended hyphen at a line end
        ("dokumentations- \nog journaliseringssystemet", "dokumentations- og journaliseringssystemet"),
        ("sundheds-\neller socialområdet", "sundheds- eller socialområdet"),
        ("KORA-\nrapporter", "KORA-rapporter"),  # a compound with an abbreviation keeps its hyphen
        ("2013-\n2015", "2013-2015"),
        ("0-\n3 års området", "0-3 års området"),
        ("Kontanthjælp (ikke-\narbejdsmarkedsparate)", "Kontanthjælp (ikke-arbejdsmarkedsparate)"),
        # A web address broken at its own hyphen: no space enters it, even before "og".
        ("Læs mere: www.sst.dk/born-\nog-unge/de-utrolige-ar", "Læs mere: www.sst.dk/born-og-unge/de-utrolige-ar"),
    ],
)
def test_hyphens_that_belong_to_the_text_stay(raw, kept):
    assert dehyphenate(raw) == kept


@pytest.mark.parametrize(
    "text",
    [
        "på tværs af børne- og ungeområdet, men også",
        "styrker tidlig opsporing på 0-3 års området",
        "i kontakt med tandlægen fra 2-3 års-alderen",
        "på tværs af bl.a. sundheds-, kultur og børne-og skoleområdet",
        "hvor man har indført undersøgelse/\nkonsultation af folkeskolens 3. klasser",
        "anvende midlerne til kompetence-\n\nhttp://vidensportal.dk/temaer",  # never glued to a link
    ],
)
def test_dehyphenation_leaves_other_hyphens_and_slashes_alone(text):
    assert dehyphenate(text) == text


def test_lettered_points_keep_their_breaks_also_after_the_widest_line():
    slide = (
        "A. Central pulje og visitation\n"
        "B. Decentral, udlægning af midlerne til specialundervisning til den enkelte skole\n"
        "C. Samarbejdsmodellen – ”Den tredje vej”"
    )
    assert reflow(slide).split("\n") == [
        "A. Central pulje og visitation",
        "B. Decentral, udlægning af midlerne til specialundervisning til den enkelte skole",
        "C. Samarbejdsmodellen – ”Den tredje vej”",
    ]
    # A letter that does not follow on is an initial in a wrapped line, not the next point.
    wrapped = "B. Decentral, udlægning af midlerne til specialundervisning til den enkelte skole, jf. notatet af\nA. Jensen"
    assert reflow(wrapped) == " ".join(wrapped.split())


def test_a_line_ending_in_a_slash_joins_the_next_without_a_space():
    text = "hvor man har indført undersøgelse/\nkonsultation af folkeskolens 3. klasser."
    assert reflow(text) == "hvor man har indført undersøgelse/konsultation af folkeskolens 3. klasser."


# ---- bullets and tabs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "item"),
    [
        ("•\tHjemmebesøg,\thvor\tpædagogen\tkommer", "- Hjemmebesøg, hvor pædagogen kommer"),
        ("•\t \tTidlig\tog\tforebyggende\tindsats. ", "- Tidlig og forebyggende indsats. "),
        ("\uf0b7 Pluspladser ", "- Pluspladser "),  # the private-use Word bullet
        ("\uf0e0 Problemet skal løses i barnet.", "- Problemet skal løses i barnet."),
        ("• Styrket\u00a0visitation", "- Styrket visitation"),
        ("Tilfør\tkompetencer\t ", "Tilfør kompetencer "),  # tab runs between words
    ],
)
def test_bullets_become_markdown_list_items(raw, item):
    assert normalize_bullets(raw) == item


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("fandt børn med sproglige vanskeligheder20. Det tyder", "fandt børn med sproglige vanskeligheder. Det tyder"),
        ("Sociale normeringer2 – 2016: -", "Sociale normeringer – 2016: -"),
        ("fravær fra skolen2) og", "fravær fra skolen) og"),
        # numbers that belong to the text stay
        ("Type1: Fuld styring", "Type1: Fuld styring"),
        ("8,4 mio. kr. i 2017 til COVID19 og u18", "8,4 mio. kr. i 2017 til COVID19 og u18"),
    ],
)
def test_a_footnote_reference_glued_to_a_word_is_dropped(raw, clean):
    assert normalize_bullets(raw) == clean


@pytest.mark.parametrize("glyph", ["▪", "◦", "➢", "■", "●", "○", "✓", "□", "☐", "›", "\uf0a7"])
def test_every_bullet_glyph_becomes_a_markdown_list_item(glyph):
    assert normalize_bullets(f"{glyph} hyppigt fravær\n  {glyph}\tsult") == "- hyppigt fravær\n- sult"


def test_a_folders_check_marks_become_list_items_but_a_forms_boxes_to_tick_keep_their_table_rows():
    folder = "Dine rettigheder\n✓ Du har ret til at have en bisidder med til alle\nmøder.\n✓ Du kan bede om aktindsigt."
    assert normalize_bullets(folder) == (
        "Dine rettigheder\n- Du har ret til at have en bisidder med til alle\nmøder.\n- Du kan bede om aktindsigt."
    )
    form = "Sæt kryds | Ydelse\n☐ | Observation af barnet i gruppen/klassen\n☐ | Tale-hørevurdering"
    assert normalize_bullets(form) == form


@pytest.mark.parametrize("marker", ["–", "o"])
def test_a_dash_or_a_lone_o_marks_the_items_of_a_list(marker):
    # under a lead-in, and beside the next item also where the first item wraps onto a second line
    raw = f"Husk at orientere:\n\n{marker} sundhedsplejersken, hvis barnet\ner under tre år\n{marker} PPR ved bekymring"
    assert normalize_bullets(raw) == "Husk at orientere:\n\n- sundhedsplejersken, hvis barnet\ner under tre år\n- PPR ved bekymring"
    assert normalize_bullets(f"{marker} første punkt\n{marker} andet punkt") == "- første punkt\n- andet punkt"
    # items set apart by space, as Word's "space after" is extracted
    raw = f"Tekst\n\n{marker} første\n\n{marker} andet\n\nNæste afsnit."
    assert normalize_bullets(raw) == "Tekst\n\n- første\n\n- andet\n\nNæste afsnit."


@pytest.mark.parametrize(
    "raw",
    [
        # the bundled KL report: a parenthesis wrapped onto its own line
        "Med projektet, som fire kommuner \n– Fredericia, Gentofte, Roskilde og Københavns Kommune – arbejder \nmed, er der udviklet",
        # the bundled slides: a title's second line
        "Stigning i antallet af børn med særlige behov \n– og ændring i gruppen af børn\n\nBørn med særlige behov",
        "perioden fra 2016\n– 2018 viste en stigning",
        "Vi har leget med klodser o.l.\no.l. er også godt\nDet er ikke o ",
    ],
)
def test_a_dash_or_an_o_opening_one_line_of_prose_is_no_list_item(raw):
    assert normalize_bullets(raw) == raw


def test_a_bullet_without_text_and_symbol_font_glyphs_disappear():
    assert normalize_bullets("•  \nFROKOST \uf04a") == "\nFROKOST "


def test_a_nested_list_item_keeps_its_indentation_and_other_whitespace_is_collapsed():
    raw = "Vi arbejder med:\n\n- sprog,  især:\n  - læsning og\nskrivning\n    a) i  dagtilbud\n - motorik"
    assert clean_text(raw) == "Vi arbejder med:\n\n- sprog, især:\n  - læsning og skrivning\n    a) i dagtilbud\n- motorik"


def test_a_bullet_items_wrapped_lines_join_the_item():
    raw = (
        "Den tidlige støtte til forældrene sker gennem tre forbundne initiativer:\n\n"
        "•\t \tFormel\tforældreuddannelse,\thvor\talle\tførstegangsforældre\ti\tkommunen\t\n"
        "tilbydes et kursusforløb rettet mod at forberede dem på deres nye rolle \n"
        "og ansvar som forældre. \n\n"
        "•\t \tSelv\thar\toplevet\tomsorgssvigt/\n\n"
        "traumatiserende begivenheder\n"
        "•\t \tIkke\thar\tnoget\tnetværk"
    )
    assert clean_text(raw) == (
        "Den tidlige støtte til forældrene sker gennem tre forbundne initiativer:\n\n"
        "- Formel forældreuddannelse, hvor alle førstegangsforældre i kommunen tilbydes et kursusforløb "
        "rettet mod at forberede dem på deres nye rolle og ansvar som forældre.\n"
        "- Selv har oplevet omsorgssvigt/traumatiserende begivenheder\n"
        "- Ikke har noget netværk"
    )


# ---- paragraphs and reflow --------------------------------------------------------------------------------


def test_hard_wrapped_lines_become_one_line_per_paragraph_and_paragraph_breaks_stay():
    raw = (
        "Det er et faktum, at de mest udsatte børn kommer fra familier, hvor foræl-\n"
        "drene har et markant lavere uddannelsesniveau og en markant svagere \n"
        "tilknytning til arbejdsmarkedet end den generelle befolkning.\n"
        "\n"
        "De sociale forhold viser sig desværre også hos de udsatte børn og unge.  "
    )
    assert clean_text(raw) == (
        "Det er et faktum, at de mest udsatte børn kommer fra familier, hvor forældrene har et markant "
        "lavere uddannelsesniveau og en markant svagere tilknytning til arbejdsmarkedet end den generelle "
        "befolkning.\n\nDe sociale forhold viser sig desværre også hos de udsatte børn og unge."
    )


def test_a_capitalised_word_after_a_full_line_is_still_a_wrap():
    raw = "og formand for bestyrelsen af Trygfondens \nBørneforskningscenter på Aarhus Universitetet"
    assert reflow(raw) == "og formand for bestyrelsen af Trygfondens Børneforskningscenter på Aarhus Universitetet"


def test_a_short_line_before_a_new_sentence_keeps_its_break():
    assert reflow("Martin Damm\nFormand") == "Martin Damm\nFormand"


def test_a_slide_title_over_its_first_line_keeps_its_break_at_the_slides_width():
    slide = (
        "Regeringsinitiativer de seneste 5 år\nMinimumsnormeringer i daginstitutioner (2020)\n\n"
        "Ny vidensenhed: VIBUS - Vidensenhed for børn og unge med særlige behov (2023)"
    )
    # Read alone, the paragraph's two lines look like one wrapped line; the slide's longest line says no.
    assert clean_text(slide).startswith("Regeringsinitiativer de seneste 5 år Minimumsnormeringer")
    assert clean_text(slide, widest_line(slide)).startswith("Regeringsinitiativer de seneste 5 år\nMinimumsnormeringer")
    assert widest_line(" Ny  vidensenhed \nkort") == len("Ny vidensenhed")


def test_unbulleted_lines_on_a_slide_stay_apart_however_long():
    slide = (
        "Videreføres:\nDen enkelte skole betaler ved segregering af skolestartere\n"
        "Elever med funktionsnedsættelse er undtaget betalingsforpligtigelse\n"
        "Tilflyttere er undtaget betaling skoleåret ud\n\n"
        "Anbefaling 4: Hvordan økonomistyringen af specialområdet kan understøtte mål og indsatser"
    )
    # Each line is longer than 0.6 of the slide's width: by length alone they read as one wrapped sentence.
    lines = clean_text(slide, widest_line(slide)).split("\n")
    assert lines[1:4] == [
        "Den enkelte skole betaler ved segregering af skolestartere",
        "Elever med funktionsnedsættelse er undtaget betalingsforpligtigelse",
        "Tilflyttere er undtaget betaling skoleåret ud",
    ]
    # Prose keeps the stricter test: a long unpunctuated line is a wrap.
    assert "skolestartere Elever med funktionsnedsættelse" in clean_text(slide).split("\n")[1]


@pytest.mark.parametrize(
    "text",
    [
        "- 44 pct. oplever, at børn ikke får den hjælp, de har brug for. -Danmarks\nEvalueringsinstitut 2022",  # a name runs on
        "Skolerne samarbejder med sundhedsplejen og\nPPR om de mindste børn",  # ends mid-sentence
        "Alle børn i dagtilbud sprogvurderes ved treårsalderen i\nHedensted",
    ],
)
def test_a_wrapped_line_on_a_slide_still_joins(text):
    assert clean_text(text, widest_line(text) + 20) == " ".join(text.split())


def test_numbered_points_run_on_inline_become_one_line_each():
    raw = "Trappen har fokus på to ting:\n1) at forebyggelse i eget\nmiljø er målet, og 2) at indsatser\naltid sker i et forløb."
    assert clean_text(raw).split("\n")[-2:] == ["1) at forebyggelse i eget miljø er målet, og", "2) at indsatser altid sker i et forløb."]
    assert inline_points("1) at lytte og 2) at handle; 3) at følge op") == ["1) at lytte og", "2) at handle;", "3) at følge op"]


@pytest.mark.parametrize(
    "line",
    [
        "Se afsnit 2) og 3) i bilaget.",  # no numbered point opens the line
        "1) at lytte og 3) at handle",  # the next point would be 2)
        "1) at lytte til 2) børn",  # no comma, semicolon or "og" before the number
    ],
)
def test_a_line_without_inline_points_stays_whole(line):
    assert inline_points(line) == [line]


def test_a_line_ending_in_a_slash_joins_the_next_also_where_a_new_sentence_would_start():
    assert reflow("TIP/\nHandleteam", width=80) == "TIP/Handleteam"


def test_the_double_spaced_pamphlet_keeps_sentences_together_across_blank_lines():
    raw = (
        "En stor del af de kommunale serviceud-\n\ngifter bruges på daginstitutionsområdet. \n\n"
        "Det er kommunerne selv."
    )
    assert clean_text(raw) == (
        "En stor del af de kommunale serviceudgifter bruges på daginstitutionsområdet.\n\nDet er kommunerne selv."
    )


def test_frames_and_blank_lines_separate_paragraphs():
    lines = [
        "sundhedsplejen i skolerne.",
        " Viborg Kommune deltog i",
        "2010-2012.",
        "",
        "allerede",
        "",
        "fra første kontakt.",
    ]
    assert split_paragraphs(lines) == [
        ["sundhedsplejen i skolerne."],
        [" Viborg Kommune deltog i", "2010-2012."],
        ["allerede", "fra første kontakt."],
    ]


@pytest.mark.parametrize(
    ("previous", "following", "continues"),
    [
        ("tidligere kom-", "munerne", True),
        ("allerede ", "fra første kontakt", True),
        ("METODE 1: BØRNETÆLLING UD FRA ", "SOCIOØKONOMISKE INDIKATORER ", True),
        ("daginstitutionsområdet. ", "Det er kommunerne selv", False),
        ("to KORA-rapporter: ", "socioøkonomiske", False),
        ("tilbud og", "- en liste", False),
        # A box's last line, a web address, is not continued by the main text resuming after the box.
        ("og-unge/programmer-med-evidens/de-utrolige-ar", "af landets 0. klasseledere", False),
        ("Læs mere: www.cfbu.dk", "af landets", False),
        ("hjælper barnet/den", "unge", True),
    ],
)
def test_continues_sentence(previous, following, continues):
    assert continues_sentence(previous, following) is continues


def test_a_frame_starts_with_exactly_one_space():
    assert starts_frame(" Viborg Kommune har omlagt indsatsen")
    assert not starts_frame("  Børnene og deres forældre skal opleve")
    assert not starts_frame(" - Bufflex tilbud")
    assert not starts_frame("Viborg Kommune")


# ---- page footers and presenter notes ---------------------------------------------------------------------


def test_page_footers_become_page_numbers():
    lines = ["at sikre en bedre normering i institutionerne, så", "", " Side 4 af 7 ", "der er flere"]
    footers = find_page_footers(lines)
    assert [(footer.line, footer.page, footer.total) for footer in footers] == [(2, 4, 7)]
    assert find_page_footers(["Det fremgår af side 4 af rapporten."]) == []


def test_presenter_notes_are_kept_without_their_swedish_labels():
    slide, notes = split_presenter_notes(
        "Forskellige støtteformer\nKilde: EVA (2023)\n\nPresentatörsanteckningar\nPresentationsanteckningar\n"
        "Forskelle mellem kommunerne: Forskel i andel."
    )
    assert slide.strip() == "Forskellige støtteformer\nKilde: EVA (2023)"
    assert notes.strip() == "Forskelle mellem kommunerne: Forskel i andel."
    assert split_presenter_notes("Bemanding\n- Punkt") == ("Bemanding\n- Punkt", "")


@pytest.mark.parametrize(
    ("notes", "separated"),
    [
        # An export lost the notes' paragraph breaks: the next paragraph is glued to a web address, a colon, a number.
        (
            "https://www.uvm.dk/aktive-puljer/pulje-til-mere-personale-i-udsatte-positionerPuljen er en sammenlægning af puljer:"
            "Puljen til flere pædagoger, finanslovens § 20.21.04.10Puljen til 0-2-årige, § 20.21.21.10.Der kan søges dispensation.",
            "https://www.uvm.dk/aktive-puljer/pulje-til-mere-personale-i-udsatte-positioner\n\nPuljen er en sammenlægning af puljer:"
            "\n\nPuljen til flere pædagoger, finanslovens § 20.21.04.10\n\nPuljen til 0-2-årige, § 20.21.21.10."
            "\n\nDer kan søges dispensation.",
        ),
        # Nothing glued: names written in CamelCase, an address's capitals, a number before a short name, spaced text.
        ("Vis det i PowerPoint og på www.Example.dk/Puljer.", "Vis det i PowerPoint og på www.Example.dk/Puljer."),
        ("3F og FOA: Pædagogerne i 2024. Der er 9. juni.", "3F og FOA: Pædagogerne i 2024. Der er 9. juni."),
    ],
)
def test_glued_paragraphs_of_presenter_notes_are_separated(notes, separated):
    assert separate_glued_paragraphs(notes) == separated


def test_has_words():
    assert has_words("- 42 procent")
    assert not has_words(" “ . ")


def test_a_title_in_capitals_under_a_finished_sentence_is_never_its_wrapped_end():
    # The bullet is the longest line of its slide, so by width alone the title would read as its wrap.
    bullet = "- Antallet af henviste børn er steget fra 32 til 49 pr. 1.000 i perioden 2009-2019, svarende til over 50 pct."
    assert reflow(f"{bullet}\nHENVISTE 0-18 ÅRIGE TIL\nPSYKIATRIEN") == f"{bullet}\nHENVISTE 0-18 ÅRIGE TIL PSYKIATRIEN"
    # a sentence that does not end goes on over the line in capitals
    assert reflow("- Samarbejdet mellem sundhedsplejen og\nPPR OG KL") == "- Samarbejdet mellem sundhedsplejen og PPR OG KL"
