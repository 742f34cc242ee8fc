"""Text Word shows but python-docx does not read: content controls, tracked changes, fields, nested tables and
breaks; and a table of contents, which is not read. Real Word files built with python-docx (the OOXML it has no
API for added as XML), read by the real loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders import load_document

LIMIT = 50_000_000


def _xml(fragment: str):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    return parse_xml(f"<w:wrapper {nsdecls('w')}>{fragment}</w:wrapper>")[0]  # the namespace declared once


def _append_to_body(document, fragment: str) -> None:
    body = document.element.body
    body.insert(len(body) - 1, _xml(fragment))  # before the section properties, which end the body


def _paragraphs(document, tmp_path: Path) -> list[str]:
    path = tmp_path / "fil.docx"
    document.save(str(path))
    return "\n\n".join(page.text for page in load_document(path, {}, LIMIT).pages).split("\n\n")


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_content_controls_around_paragraphs_and_inside_a_sentence_are_read(tmp_path):
    import docx

    document = docx.Document()
    _append_to_body(document, f"<w:sdt><w:sdtPr><w:alias w:val=\"Indhold\"/></w:sdtPr><w:sdtContent>"
                              f"<w:p>{_run('Magtanvendelse må kun ske for at afværge skade.')}</w:p>"
                              f"<w:p>{_run('Enhver magtanvendelse indberettes samme dag.')}</w:p></w:sdtContent></w:sdt>")
    sentence = document.add_paragraph("Skemaet skal sendes til ")
    sentence._p.append(_xml(f"<w:sdt><w:sdtPr/><w:sdtContent>{_run('kommunens modtagelse')}</w:sdtContent></w:sdt>"))
    sentence.add_run(" inden for 24 timer.")
    # A control still showing its placeholder holds the template's prompt, not the author's text.
    _append_to_body(document, "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
                              f"<w:p>{_run('Klik eller tryk her for at skrive tekst.')}</w:p></w:sdtContent></w:sdt>")

    assert _paragraphs(document, tmp_path) == [
        "Magtanvendelse må kun ske for at afværge skade.",
        "Enhver magtanvendelse indberettes samme dag.",
        "Skemaet skal sendes til kommunens modtagelse inden for 24 timer.",
    ]


def test_content_controls_around_table_rows_and_cells_are_read_as_the_tables_rows_and_cells(tmp_path):
    """A form's repeating section: each participant's row in a control (python-docx reads only the rows right
    inside a table), one cell in a control of its own, and a row control still showing its placeholder."""
    import docx

    document = docx.Document()
    document.add_paragraph("Deltagere i mødet om barnet:")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Navn", "Rolle"

    def cell(text: str) -> str:
        return f"<w:tc><w:tcPr><w:tcW w:w='2000' w:type='dxa'/></w:tcPr><w:p>{_run(text)}</w:p></w:tc>"

    def control(inner: str, placeholder: bool = False) -> str:
        shown = "<w:showingPlcHdr/>" if placeholder else ""
        return f"<w:sdt><w:sdtPr>{shown}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"

    for row in (
        control(f"<w:tr>{cell('Hanne Møller')}{cell('Leder')}</w:tr>"),
        f"<w:tr>{cell('Jens Kofoed')}{control(cell('Pædagog'))}</w:tr>",
        control(f"<w:tr>{cell('Klik her for at skrive navn')}{cell('Rolle')}</w:tr>", placeholder=True),
    ):
        table._tbl.append(_xml(row))
    document.add_paragraph("Referatet sendes til forældrene.")

    assert _paragraphs(document, tmp_path) == [
        "Deltagere i mødet om barnet:",
        "Navn | Rolle\nHanne Møller | Leder\nJens Kofoed | Pædagog",
        "Referatet sendes til forældrene.",
    ]


def test_tracked_insertions_are_read_and_tracked_deletions_are_not(tmp_path):
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Forældrene orienteres ")
    change = 'w:author="Lone" w:date="2024-03-01T10:00:00Z"'
    paragraph._p.append(_xml(f'<w:ins w:id="1" {change}>{_run("telefonisk samme dag og ")}</w:ins>'))
    deleted = '<w:r><w:delText xml:space="preserve">skriftligt inden en uge og </w:delText></w:r>'
    paragraph._p.append(_xml(f'<w:del w:id="2" {change}>{deleted}</w:del>'))
    paragraph.add_run("ved næste samtale.")

    assert _paragraphs(document, tmp_path) == ["Forældrene orienteres telefonisk samme dag og ved næste samtale."]


def test_hidden_text_is_not_read(tmp_path):
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Lederen orienteres samme dag.")
    note = paragraph.add_run(" HUSK: tjek med jurist inden udsendelse.")
    note.font.hidden = True  # w:vanish: neither shown nor printed
    shown = paragraph.add_run(" Notatet gemmes i barnets mappe.")
    shown.font.hidden = False  # w:vanish w:val="0": shown

    assert _paragraphs(document, tmp_path) == ["Lederen orienteres samme dag. Notatet gemmes i barnets mappe."]


def _instruction(instruction: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'


def _complex_field(instruction: str, result: str) -> list[str]:
    """A complex field's runs as Word writes them: begin, instruction, separate, result, end."""
    return ['<w:r><w:fldChar w:fldCharType="begin"/></w:r>', _instruction(instruction),
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', _run(result), '<w:r><w:fldChar w:fldCharType="end"/></w:r>']


def test_fields_show_their_results_and_never_their_instructions(tmp_path):
    import docx

    document = docx.Document()
    dated = document.add_paragraph("Retningslinjen er revideret ")
    dated._p.append(_xml(f'<w:fldSimple w:instr=" DATE \\@ &quot;d. MMMM yyyy&quot; ">{_run("1. marts 2024")}</w:fldSimple>'))
    dated.add_run(" af ledelsen.")
    referring = document.add_paragraph("Skemaet findes på side ")
    for run in _complex_field("PAGEREF _Toc123 \\h", "4"):
        referring._p.append(_xml(run))
    referring.add_run(".")
    # A field nested in another's instruction (a mail merge's IF) shows only the outer field's result.
    greeting = document.add_paragraph("Kære ")
    begin, _, separate, result, end = _complex_field("", "mor")
    condition = '<w:r><w:instrText xml:space="preserve"> = "M" "far" "mor" </w:instrText></w:r>'
    for run in [begin, _instruction("IF"), *_complex_field("MERGEFIELD Køn", "«Køn»"), condition, separate, result, end]:
        greeting._p.append(_xml(run))
    greeting.add_run(".")

    assert _paragraphs(document, tmp_path) == [
        "Retningslinjen er revideret 1. marts 2024 af ledelsen.",
        "Skemaet findes på side 4.",
        "Kære mor.",
    ]


def test_a_table_nested_in_a_cell_is_read_as_that_cells_text(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for cell, value in zip(table._cells, ("Situation", "Handling", "Fastholdelse"), strict=False):
        cell.text = value
    inner = table.cell(1, 1).add_table(rows=2, cols=2)
    for cell, value in zip(inner._cells, ("Under 1 minut", "Notat i journalen", "Over 1 minut", "Indberetning"), strict=True):
        cell.text = value

    assert _paragraphs(document, tmp_path) == [
        "Situation | Handling\nFastholdelse | Under 1 minut, Notat i journalen; Over 1 minut, Indberetning",
    ]


@pytest.mark.parametrize("kind", ["page", "column"])
def test_a_break_inside_a_paragraph_separates_its_sentences(tmp_path, kind):
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Mødestedet er markeret med et skilt.")
    paragraph._p.append(_xml(f'<w:r><w:br w:type="{kind}"/></w:r>'))
    # Word's note of where it last broke the page can fall inside a word: it is no break in the text.
    paragraph._p.append(_xml('<w:r><w:t>Skil</w:t></w:r>'))
    paragraph._p.append(_xml('<w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">tet kontrolleres hvert år.</w:t></w:r>'))

    text = "\n\n".join(_paragraphs(document, tmp_path))

    assert text.split() == ["Mødestedet", "er", "markeret", "med", "et", "skilt.", "Skiltet", "kontrolleres", "hvert", "år."]


def test_a_field_a_damaged_file_never_ends_hides_nothing(tmp_path):
    import docx

    document = docx.Document()
    opened = document.add_paragraph()
    for run in [*_complex_field("MERGEFIELD Navn", "")[:2], _run("Formål")]:  # begin, instruction: no separate, no end
        opened._p.append(_xml(run))
    document.add_paragraph("Planen beskriver, hvad personalet gør ved brand.")

    assert _paragraphs(document, tmp_path) == ["Formål", "Planen beskriver, hvad personalet gør ved brand."]


def _contents_entry(title: str, page: str, first: bool = False, last: bool = False) -> str:
    """An entry of a table of contents as Word saves one: a link to the heading, a tab, a PAGEREF field."""
    begin = "".join(_complex_field('TOC \\o "1-3" \\h \\z \\u', "")[:3]) if first else ""
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if last else ""
    page_field = "".join(_complex_field("PAGEREF _Toc1 \\h", page))
    link = f'<w:hyperlink w:anchor="_Toc1">{_run(title)}<w:r><w:tab/></w:r>{page_field}</w:hyperlink>'
    return f"{begin}{link}{end}"


def _add_contents(document, how: str) -> None:
    """A table of contents: Word's (a title in the style "TOC Heading", then a TOC field in entries of the styles
    "TOC 1", "TOC 2"), a content control marked as one (paragraphs of no particular style, no field), the
    field alone, or the styles alone."""
    from docx.enum.style import WD_STYLE_TYPE

    entries = [("1. Formål", "2", "TOC 1"), ("2. Brand og evakuering", "2", "TOC 1"), ("2.1 Mødested", "3", "TOC 2")]
    for style in ("TOC 1", "TOC 2"):  # python-docx's template has "TOC Heading" but not these
        document.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH)
    field = how in ("word", "field")
    paragraphs = [] if how == "field" else [f"<w:p>{_style(how, 'TOC Heading')}{_run('Indhold')}</w:p>"]
    for number, (title, page, style) in enumerate(entries):
        typed = f"{_run(title)}<w:r><w:tab/></w:r>{_run(page)}"  # the entries' text without the field
        entry = _contents_entry(title, page, number == 0, number == len(entries) - 1) if field else typed
        paragraphs.append(f"<w:p>{_style(how, style)}{entry}</w:p>")
    if how == "control":
        gallery = '<w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>'
        _append_to_body(document, f"<w:sdt>{gallery}<w:sdtContent>{''.join(paragraphs)}</w:sdtContent></w:sdt>")
        return
    for paragraph in paragraphs:
        _append_to_body(document, paragraph)


def _style(how: str, style: str) -> str:
    return f'<w:pPr><w:pStyle w:val="{style.replace(" ", "")}"/></w:pPr>' if how in ("word", "styles") else ""


@pytest.mark.parametrize("how", ["word", "control", "field", "styles"])
def test_a_table_of_contents_is_left_out(tmp_path, how):
    import docx

    document = docx.Document()
    document.add_heading("Beredskabsplan", 0)
    _add_contents(document, how)
    document.add_heading("1. Formål", 1)
    document.add_paragraph("Planen beskriver, hvad personalet gør ved brand.")

    assert _paragraphs(document, tmp_path) == ["# Beredskabsplan", "# 1. Formål", "Planen beskriver, hvad personalet gør ved brand."]


def test_a_table_of_contents_field_a_damaged_file_never_ends_hides_nothing(tmp_path):
    import docx

    document = docx.Document()
    opened = document.add_paragraph()
    for run in _complex_field('TOC \\o "1-3"', "Formål")[:4]:  # begin, instruction, separate, result: no end
        opened._p.append(_xml(run))
    document.add_paragraph("Planen beskriver, hvad personalet gør ved brand.")

    assert _paragraphs(document, tmp_path) == ["Formål", "Planen beskriver, hvad personalet gør ved brand."]


def test_symbols_that_say_something_are_read_as_the_characters_they_show(tmp_path):
    """Word's "Insert symbol" writes a ``w:sym`` (a font and a code), which python-docx leaves out: a process's
    arrows read "anmeldt tilsyn  dialogmøde", a checklist's boxes nothing. Decoration is still not read."""
    import docx

    def symbol(font: str, code: str) -> str:
        return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'

    document = docx.Document()
    arrows = document.add_paragraph("Forløbet er: tilsyn ")
    smiley = symbol("Wingdings", "F04A")
    for part in (symbol("Wingdings", "F0E0"), _run(" dialogmøde "), symbol("Symbol", "F0AE"), _run(" rapport."), smiley):
        arrows._p.append(_xml(part))
    boxes = document.add_paragraph()
    for part in (symbol("Wingdings", "F0FE"), _run(" Ja "), symbol("Wingdings", "00A8"), _run(" Nej")):
        boxes._p.append(_xml(part))

    assert _paragraphs(document, tmp_path) == ["Forløbet er: tilsyn \u2192 dialogmøde \u2192 rapport.", "- \u2611 Ja \u2610 Nej"]


def test_soft_hyphens_zero_width_spaces_and_non_breaking_hyphens_are_read_as_shown(tmp_path):
    """Google Docs and Word keep them in the text; left in, "sprog\u00adaktiviteter" was two words to the search."""
    import docx

    document = docx.Document()
    document.add_paragraph("Vi arbejder med sprog\u00adaktiviteter og Tale\u2011hørekonsulenten\u200b hver uge.")

    assert _paragraphs(document, tmp_path) == ["Vi arbejder med sprogaktiviteter og Tale-hørekonsulenten hver uge."]


def test_a_paragraph_whose_mark_is_a_tracked_deletion_is_read_as_one_with_the_next(tmp_path):
    """Word shows the text with the change accepted: one sentence, not "Forældrene får resultatet ved en samtale"
    and "inden for fire uger." apart. A paragraph deleted whole, mark and all, leaves nothing."""
    import docx

    deleted_mark = '<w:pPr><w:rPr><w:del w:id="1" w:author="Mette Skov" w:date="2025-01-10T10:00:00Z"/></w:rPr></w:pPr>'
    document = docx.Document()
    _append_to_body(document, f"<w:p>{deleted_mark}{_run('Forældrene får resultatet ved en samtale')}</w:p>")
    document.add_paragraph("inden for fire uger.")
    _append_to_body(document, f'<w:p>{deleted_mark}<w:del w:id="2" w:author="Mette Skov" w:date="2025-01-10T10:00:00Z">'
                              "<w:r><w:delText>Samtalen holdes af lederen.</w:delText></w:r></w:del></w:p>")
    document.add_paragraph("Samtalen kan holdes med tolk.")
    _append_to_body(document, f"<w:p>{deleted_mark}{_run('Tolken bestilles af lederen.')}</w:p>")
    document.add_paragraph("Tolk", style="List Bullet")

    assert _paragraphs(document, tmp_path) == [
        "Forældrene får resultatet ved en samtale inden for fire uger.",
        "Samtalen kan holdes med tolk.",
        "- Tolken bestilles af lederen. Tolk",  # the paragraph whose mark stays keeps its style
    ]
