"""Shapes of the Word files organisations add that the first round of loader tests did not cover: tables
with rows over all columns and lists in cells, tables set with tabs, headings by custom styles and numbered
headings, check boxes and symbols. Real Word files built with python-docx (the OOXML it has no API for added
as XML), read by the real loader and, where it matters, split into evidence units."""

from __future__ import annotations

from pathlib import Path

from ingest.loaders import load_document
from tests.ingest.test_loaders import _chunk_units

LIMIT = 50_000_000


def _xml(fragment: str):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    return parse_xml(f"<w:wrapper {nsdecls('w')}>{fragment}</w:wrapper>")[0]  # the namespace declared once


def _load(document, tmp_path: Path):
    path = tmp_path / "fil.docx"
    document.save(str(path))
    return load_document(path, {}, LIMIT)


def _bullets(document) -> str:
    """A bullet list's numbering instance added to ``document``'s numbering part; its numId."""
    numbering = document.part.numbering_part.element
    numbering.append(_xml('<w:abstractNum w:abstractNumId="70"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
                          '<w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum>'))
    numbering.append(_xml('<w:num w:numId="70"><w:abstractNumId w:val="70"/></w:num>'))
    return "70"


# ---- tables ---------------------------------------------------------------------------------------------


def _plan(document, bullets: str) -> None:
    """A contingency plan's table: a title row and a row per phase merged over all columns, a list and a name
    over a phone number in cells."""
    table = document.add_table(rows=5, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Beredskabsplan ved mistanke om vold"
    for cell, value in zip(table.rows[1].cells, ("Hvornår", "Handling", "Kontakt"), strict=True):
        cell.text = value
    table.cell(2, 0).merge(table.cell(2, 2)).text = "Fase 1: Mistanke"
    when, actions, contact = table.rows[3].cells
    when.text = "Samme dag"
    actions.text = "Skriv ned, hvad barnet har sagt"
    for item in ("Stil ikke ledende spørgsmål", "Kontakt lederen straks"):
        actions.add_paragraph(item)
    for paragraph in actions.paragraphs:
        paragraph._p.get_or_add_pPr().append(_xml(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{bullets}"/></w:numPr>'))
    contact.text = "Leder Mette Skov"
    contact.add_paragraph("Tlf. 41 22 33 44")
    table.cell(4, 0).merge(table.cell(4, 2)).text = "Fase 2: Underretning"


def test_rows_merged_over_all_columns_keep_the_table_and_a_first_one_is_its_title(tmp_path):
    """A row of one cell over all columns had no " | ": the table's header was read as a heading and its rows
    as one sentence. A title row over the header is a paragraph above the table; a phase's row stays a row."""
    import docx

    document = docx.Document()
    _plan(document, _bullets(document))

    units = _chunk_units(_load(document, tmp_path))

    header = "Hvornår | Handling | Kontakt"
    assert [unit for unit in units if unit[0] == "table_row"] == [
        ("table_row", header, ""),
        ("table_row", "Fase 1: Mistanke |", header),
        ("table_row", "Samme dag | Skriv ned, hvad barnet har sagt; Stil ikke ledende spørgsmål; Kontakt lederen straks"
                      " | Leder Mette Skov; Tlf. 41 22 33 44", header),
        ("table_row", "Fase 2: Underretning |", header),
    ]  # fmt: skip
    assert "Beredskabsplan ved mistanke om vold" in _load(document, tmp_path).pages[0].text.split("\n\n")[0]


def test_lines_of_a_cell_that_end_like_sentences_or_run_on_are_joined_by_spaces(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for cell, value in zip(table.rows[0].cells, ("Emne", "Aftale"), strict=True):
        cell.text = value
    subject, agreement = table.rows[1].cells
    subject.text = "Forældresamtaler for børn med"
    subject.add_paragraph("særlige behov")  # one phrase over two lines of the cell
    agreement.text = "Samtalen holdes inden for to uger."
    agreement.add_paragraph("Lederen deltager:")
    agreement.add_paragraph("ved første samtale")

    assert _load(document, tmp_path).pages[0].text.split("\n")[1] == (
        "Forældresamtaler for børn med særlige behov | Samtalen holdes inden for to uger. Lederen deltager: ved første samtale"
    )


# ---- headings -------------------------------------------------------------------------------------------


def _style(document, style_id: str, based_on: str, outline: str = "") -> None:
    properties = f'<w:pPr><w:outlineLvl w:val="{outline}"/></w:pPr>' if outline else ""
    document.styles.element.append(_xml(f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
                                        f'<w:name w:val="{style_id}"/><w:basedOn w:val="{based_on}"/>{properties}</w:style>'))


def test_custom_heading_styles_take_their_level_from_their_outline_level_or_the_heading_they_are_based_on(tmp_path):
    """LibreOffice and municipal templates name their own heading styles; Word gives a style the outline level it
    sets, or that of the style it is based on. Read by name alone they were body text, or headings in bold one
    level below the last named one."""
    import docx

    document = docx.Document()
    _style(document, "Kapiteloverskrift", "Normal", outline="0")
    _style(document, "Afsnitsoverskrift", "Heading2")
    _style(document, "Brødtekst", "Heading1", outline="9")  # Word's "body text" level: no heading, whatever its base
    for text, style in [
        ("Børnenes sprog", "Kapiteloverskrift"),
        ("Resultater af sprogvurderingen", "Afsnitsoverskrift"),
        ("Andelen med behov for en særlig indsats faldt fra 9 til 7 procent.", "Brødtekst"),
    ]:
        document.add_paragraph(text, style=document.styles[style])
    body = document.add_paragraph("Tilsyn og opfølgning")
    body._p.get_or_add_pPr().append(_xml('<w:outlineLvl w:val="2"/>'))

    assert _load(document, tmp_path).pages[0].text.split("\n\n") == [
        "# Børnenes sprog",
        "## Resultater af sprogvurderingen",
        "Andelen med behov for en særlig indsats faldt fra 9 til 7 procent.",
        "### Tilsyn og opfølgning",
    ]


def test_numbered_headings_keep_the_numbers_word_shows_which_the_text_refers_to(tmp_path):
    """Word numbers headings from their numbering ("3.2" from the level text "%1.%2"), outside their text: read
    without them, "som du finder i afsnit 3.2" pointed at no heading."""
    import docx

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                     for level, fmt, text in ((0, "decimal", "%1."), (1, "decimal", "%1.%2"), (2, "upperLetter", "Bilag %3")))  # fmt: skip
    numbering.append(_xml(f'<w:abstractNum w:abstractNumId="80">{levels}</w:abstractNum>'))
    numbering.append(_xml('<w:num w:numId="80"><w:abstractNumId w:val="80"/></w:num>'))
    for text, level in [("Formål", 0), ("Trin ved bekymring", 0), ("Din pligt", 1), ("Sådan underretter du", 1), ("Skabelon", 2)]:
        heading = document.add_heading(text, level + 1)
        heading._p.get_or_add_pPr().append(_xml(f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="80"/></w:numPr>'))
    document.add_paragraph("Underretningen sendes digitalt.")

    assert _load(document, tmp_path).pages[0].text.split("\n\n") == [
        "# 1. Formål",
        "# 2. Trin ved bekymring",
        "## 2.1 Din pligt",
        "## 2.2 Sådan underretter du",
        "### Bilag A Skabelon",
        "Underretningen sendes digitalt.",
    ]


# ---- checklists ------------------------------------------------------------------------------------------


def test_the_lines_of_a_checklist_are_its_items_with_their_boxes(tmp_path):
    """An observation form's check boxes (Word's check box controls showing "☒" or "☐"): read as lines, the first
    box's line was taken for a heading and the others for one sentence, so no observation could be quoted alone."""
    import docx

    document = docx.Document()
    document.add_heading("Hvad har du observeret?", 2)
    observations = [("\u2612", "Trækker sig fra leg med de andre børn"), ("\u2610", "Virker sulten om morgenen")]
    for box, text in [*observations, ("\u2612", "Reagerer kraftigt på små konflikter")]:
        paragraph = document.add_paragraph()
        paragraph._p.append(_xml(f'<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>{box}</w:t></w:r></w:sdtContent></w:sdt>'))
        paragraph._p.append(_xml(f'<w:r><w:tab/><w:t>{text}</w:t></w:r>'))

    units = _chunk_units(_load(document, tmp_path))

    assert [(kind, text) for kind, text, _ in units] == [
        ("list_item", "\u2612 Trækker sig fra leg med de andre børn"),
        ("list_item", "\u2610 Virker sulten om morgenen"),
        ("list_item", "\u2612 Reagerer kraftigt på små konflikter"),
    ]


# ---- tables set with tabs -----------------------------------------------------------------------------------


def test_paragraphs_set_as_columns_with_tabs_are_read_as_a_table(tmp_path):
    """A contact list typed at tab stops: read as lines, "Mette Skov Leder 41 22 33 44" (the phone number taken for
    four values of a table) under "Navn Funktion Telefon", which was in bold and so a heading. Lists typed with a
    tab after their numbers, a line with a single tab and a heading stay what they were."""
    import docx

    document = docx.Document()
    document.add_heading("Kontakter\tside 2", 2)
    document.add_paragraph().add_run("Navn\tFunktion\tTelefon").bold = True
    for row in ("Mette Skov\tLeder\t41 22 33 44", "Anne Kjær\t\tSundhedsplejerske\t76 16 30 00"):  # two tabs to reach a stop
        document.add_paragraph(row)
    document.add_paragraph("Stuemøde\thver tirsdag kl. 13")
    for item in ("1.\tObservér barnet", "2.\tTal med lederen"):
        document.add_paragraph(item)

    assert _load(document, tmp_path).pages[0].text.split("\n\n") == [
        "## Kontakter\tside 2",
        "Navn | Funktion | Telefon\nMette Skov | Leder | 41 22 33 44\nAnne Kjær | Sundhedsplejerske | 76 16 30 00",
        "Stuemøde\thver tirsdag kl. 13",
        "1.\tObservér barnet\n2.\tTal med lederen",  # a list typed by hand, as before
    ]


# ---- the document's title ---------------------------------------------------------------------------------


def test_a_word_file_without_a_title_property_is_titled_by_its_title_paragraph(tmp_path):
    """Google Docs and LibreOffice save no title property: such a file was titled by its name ("fil")."""
    import docx

    document = docx.Document()
    document.add_paragraph("Udkast", style="Subtitle")
    document.add_paragraph("", style="Title")  # an empty title paragraph is passed over
    document.add_paragraph("Sprog\u00adpolitik for Kildebakken  Børnehus 2024", style="Title")
    document.add_paragraph("Vi arbejder med sprog hele dagen.")
    document.core_properties.title = ""

    info = _load(document, tmp_path).info

    assert (info.title, info.year) == ("Sprogpolitik for Kildebakken Børnehus 2024", 2024)
