"""Page text rebuilt from text positions, on real PDFs made with fpdf2 (DejaVu fonts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pdf_layout import page_texts

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
pytestmark = pytest.mark.skipif(
    not (FONT.is_file() and BOLD.is_file()), reason="needs Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core)"
)

FIRST = (
    "Dagplejerne ser børnene hver dag og opdager ofte mistrivsel først. De taler med forældrene, før de "
    "skriver en bekymring ned, og de spørger sundhedsplejen til råds."
)
SECOND = "Når bekymringen består, holdes et møde med PPR inden for fjorten dage."


HEADER = "Tidlig indsats i dagplejen – rapport 2024"


def _pdf(path: Path, columns: int = 1, pages: int = 3, even_header: str = HEADER, top: float = 10) -> Path:
    """A report with a running header (``even_header`` on its even pages) ``top`` mm below the page's top edge and a
    "Side N af M" footer."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("Sans", size=8)
            self.cell(0, 5, HEADER if self.page_no() % 2 else even_header, align="R")
            self.ln(10)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Sans", size=8)
            self.cell(0, 5, f"Side {self.page_no()} af {pages}", align="C")

    pdf = Report(format="A4")
    pdf.set_top_margin(top)
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Sans", style="B", size=14)
        pdf.multi_cell(0, 8, f"Kapitel {number}: Bekymring for et barn")
        pdf.ln(2)
        with pdf.text_columns(ncols=columns, gutter=8) as text:
            pdf.set_font("Sans", size=10)
            for paragraph in (FIRST, SECOND) * (6 if columns == 2 else 1):
                with text.paragraph(bottom_margin=3) as written:
                    written.write(paragraph)
    pdf.output(str(path))
    return path


def _table_text(
    path: Path, rows: tuple[tuple[str, ...], ...], widths: tuple[int, ...], before: str = "", after: str = "", **options
) -> str:
    """The first page's text of a PDF holding ``rows`` as an fpdf2 table (``options`` as ``FPDF.table`` takes them), with
    a paragraph ``before`` and ``after`` it."""
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    pdf.add_page()
    pdf.set_font("Sans", size=10)
    if before:
        pdf.multi_cell(0, 5, before)
        pdf.ln(3)
    with pdf.table(width=sum(widths), col_widths=widths, **options) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    if after:
        pdf.multi_cell(0, 5, after)
    pdf.output(str(path))
    return page_texts(PdfReader(path))[0]


def _paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def test_headings_paragraphs_and_no_running_header_or_page_number(tmp_path):
    from pypdf import PdfReader

    texts = page_texts(PdfReader(_pdf(tmp_path / "rapport.pdf")))

    assert len(texts) == 3
    assert _paragraphs(texts[1]) == ["## Kapitel 2: Bekymring for et barn", FIRST, SECOND]  # a larger bold title is a heading
    assert not any("Side" in text or "rapport 2024" in text for text in texts)


def test_a_two_page_documents_running_header_is_no_text(tmp_path):
    from pypdf import PdfReader

    texts = page_texts(PdfReader(_pdf(tmp_path / "kort.pdf", pages=2)))

    assert [_paragraphs(text)[0] for text in texts] == ["## Kapitel 1: Bekymring for et barn", "## Kapitel 2: Bekymring for et barn"]
    assert not any("rapport 2024" in text or "Side" in text for text in texts)


def test_a_running_header_set_below_the_margin_band_is_no_text(tmp_path):
    """A report with wide margins sets its header 2.4 cm down: it had run into the sentence going on over each page."""
    from pypdf import PdfReader

    texts = page_texts(PdfReader(_pdf(tmp_path / "rapport.pdf", pages=4, top=24)))

    assert [_paragraphs(text)[0] for text in texts] == [f"## Kapitel {n}: Bekymring for et barn" for n in range(1, 5)]
    assert not any("rapport 2024" in text for text in texts)


@pytest.mark.parametrize("pages", [4, 5])
def test_running_headers_of_their_own_on_left_and_right_pages_are_no_text(tmp_path, pages):
    from pypdf import PdfReader

    texts = page_texts(PdfReader(_pdf(tmp_path / "rapport.pdf", pages=pages, even_header="Dagplejen i Nordby")))

    assert [_paragraphs(text)[0] for text in texts] == [f"## Kapitel {n}: Bekymring for et barn" for n in range(1, pages + 1)]
    assert not any("rapport 2024" in text or "Nordby" in text for text in texts)


def test_a_title_set_larger_than_the_text_is_a_heading_and_bold_text_of_the_texts_size_is_not(tmp_path):
    """A report's "1. Formål" in bold 12 over text in 11 had read as a list item, and a wrapped title as two."""
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    pdf.add_page()
    pdf.set_font("Sans", style="B", size=16)
    pdf.multi_cell(90, 8, "Trivselspolitik for dagplejen i Nordby", new_x="LMARGIN", new_y="NEXT")  # two lines
    pdf.ln(4)
    pdf.set_font("Sans", style="B", size=12)
    pdf.multi_cell(0, 7, "1. Formål", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Sans", size=11)
    pdf.multi_cell(0, 6, FIRST, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Sans", style="B", size=11)
    pdf.multi_cell(0, 6, "Vær særligt opmærksom, hvis barnet:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Sans", size=11)
    pdf.multi_cell(0, 6, "- ofte kommer sultent\n- trækker sig fra legen")
    path = tmp_path / "politik.pdf"
    pdf.output(str(path))

    text = page_texts(PdfReader(path))[0]

    assert _paragraphs(text)[:3] == ["## Trivselspolitik for dagplejen i Nordby", "## 1. Formål", FIRST]
    assert "## Vær" not in text  # bold in the text's size: emphasis or a lead-in, no title


def test_a_title_smaller_than_the_section_titles_on_several_pages_is_a_subsection(tmp_path):
    """Herning's "Indhold" in bold 10.5 under each course title in 13 had taken the course's place as the section."""
    from fpdf import FPDF
    from pypdf import PdfReader

    from ingest.loaders import load_document
    from ingest.structure import blocks_for

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    pdf.set_top_margin(40)
    for title, about, hours in (("Den svære samtale", FIRST, "7"), ("Uro i kroppen", SECOND, "21")):
        pdf.add_page()
        for size, text, body in ((13, title, about), (10.5, "Indhold", f"Timer: {hours} timer")):
            pdf.set_font("Sans", style="B", size=size)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
            pdf.set_font("Sans", size=10)
            pdf.multi_cell(0, 5, body, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    path = tmp_path / "katalog.pdf"
    pdf.output(str(path))

    texts = page_texts(PdfReader(path))

    assert _paragraphs(texts[1]) == ["## Uro i kroppen", SECOND, "### Indhold", "Timer: 21 timer"]
    sections = {block.text: block.section for block in blocks_for(load_document(path, {}, 10**9))}
    assert sections["Timer: 21 timer"] == "Uro i kroppen › Indhold"


def test_a_long_title_wrapped_over_two_lines_spaced_wider_than_its_size_is_one_heading(tmp_path):
    """A level of a procedure whose first line alone is too long for a title: its last line, "ulovligt fravær)",
    had become the heading of the text under it."""
    from fpdf import FPDF
    from pypdf import PdfReader

    title = "Niveau 4 – Kritisk fravær (samlet fravær 20 procent eller mere eller 15 dages ulovligt fravær)"
    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    pdf.add_page()
    pdf.set_font("Sans", style="B", size=10.5)
    pdf.multi_cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")  # 6 mm: 17 points between lines in 10.5
    pdf.ln(2)
    pdf.set_font("Sans", size=9.5)
    pdf.multi_cell(0, 5, f"{FIRST} {SECOND}", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "fravaer.pdf"
    pdf.output(str(path))

    text = page_texts(PdfReader(path))[0]

    assert _paragraphs(text) == [f"## {title}", f"{FIRST} {SECOND}"]


def test_a_margin_line_on_one_of_two_pages_is_text(tmp_path):
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.set_font("Sans", size=10)
    for opening in ("Handleguide for Solsikken", "Bilag: kontaktliste"):
        pdf.add_page()
        pdf.cell(0, 5, opening, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)
        pdf.multi_cell(0, 5, FIRST)
    path = tmp_path / "guide.pdf"
    pdf.output(str(path))

    texts = page_texts(PdfReader(path))

    assert [_paragraphs(text)[0] for text in texts] == ["Handleguide for Solsikken", "Bilag: kontaktliste"]


def _table_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    pdf.add_page()
    pdf.set_font("Sans", style="B", size=14)
    pdf.cell(0, 10, "Økonomi og normering", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Sans", size=10)
    with pdf.table(col_widths=(60, 30, 30)) as table:
        for cells in (("Post", "2023", "2024"), ("Antal dagplejere", "112", "104"), ("Budget (mio. kr.)", "58,2", "60,1")):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.multi_cell(0, 5, "Faldet i antallet af dagplejere skyldes især pensioneringer.")
    pdf.output(str(path))
    return path


def test_a_table_is_rows_of_cells_apart_from_the_text_after_it(tmp_path):
    from pypdf import PdfReader

    text = page_texts(PdfReader(_table_pdf(tmp_path / "tabel.pdf")))[0]

    assert _paragraphs(text.replace(" |", " ¦")) == [  # rows of one block, each on its own line
        "## Økonomi og normering",
        "Post ¦ 2023 ¦ 2024 Antal dagplejere ¦ 112 ¦ 104 Budget (mio. kr.) ¦ 58,2 ¦ 60,1",
        "Faldet i antallet af dagplejere skyldes især pensioneringer.",
    ]
    assert "Post | 2023 | 2024\nAntal dagplejere | 112 | 104\nBudget (mio. kr.) | 58,2 | 60,1" in text


def test_a_pdf_table_is_a_table_block_whose_rows_carry_the_header(tmp_path):
    from ingest.loaders import load_document
    from ingest.structure import blocks_for
    from ingest.units import split_units

    blocks = blocks_for(load_document(_table_pdf(tmp_path / "tabel.pdf"), {}, 10_000_000))
    table = next(block for block in blocks if block.kind == "table")
    rows = split_units("tabel-0001-abc", table.text, "table")

    assert table.text.startswith("Post | 2023 | 2024\n")
    assert [(row.text, row.lead_in) for row in rows[1:]] == [
        ("Antal dagplejere | 112 | 104", "Post | 2023 | 2024"),
        ("Budget (mio. kr.) | 58,2 | 60,1", "Post | 2023 | 2024"),
    ]


def test_a_forms_labels_and_values_read_row_by_row_without_a_header(tmp_path):
    """A page set as two columns, labels closed by a colon and their values: read as a table, its first row
    ("Institution: | Solsikken") was the header every other row was carried with. A table under a header of
    column names on the same page keeps its header."""
    from fpdf import FPDF

    from ingest.loaders import load_document
    from ingest.structure import blocks_for
    from ingest.units import split_units

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("Sans", size=10)
    for label, value in (("Institution:", "Solsikken"), ("Leder:", "Mette Jensen"), ("Dato:", "3. maj 2025")):
        pdf.cell(40, 7, label)
        pdf.cell(0, 7, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 5, "Stuerne har i alt fire pædagoger og to medhjælpere.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for cells in (("Stue", "Børn"), ("Bien", "22"), ("Myren", "20")):
        pdf.cell(40, 7, cells[0])
        pdf.cell(0, 7, cells[1], new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "skema.pdf"
    pdf.output(str(path))

    form, table = [block for block in blocks_for(load_document(path, {}, 10_000_000)) if block.kind == "table"]

    assert form.text == "Institution: Solsikken\nLeder: Mette Jensen\nDato: 3. maj 2025"
    assert [(unit.kind, unit.text, unit.lead_in) for unit in split_units("skema-0001-abc", form.text, "table")] == [
        ("list_item", "Institution: Solsikken", ""),
        ("list_item", "Leder: Mette Jensen", ""),
        ("list_item", "Dato: 3. maj 2025", ""),
    ]
    assert [(unit.text, unit.lead_in) for unit in split_units("skema-0002-abc", table.text, "table")] == [
        ("Stue | Børn", ""),
        ("Bien | 22", "Stue | Børn"),
        ("Myren | 20", "Stue | Børn"),
    ]


@pytest.mark.parametrize("size", [14, 10])  # a larger title (marked "## "), and one in bold in the text's size
def test_a_table_after_the_line_that_leads_into_it_stands_under_their_heading(tmp_path, size):
    """A bold title over a short line leading into a table: the title had read as a label (a title with too little
    text under it), and the line and the table had stood in no section."""
    from fpdf import FPDF

    from ingest.loaders import load_document
    from ingest.structure import blocks_for

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    pdf.add_page()
    pdf.set_font("Sans", size=10)
    pdf.multi_cell(0, 5, SECOND, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Sans", style="B", size=size)
    pdf.cell(0, 10, "Økonomi og normering", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Sans", size=10)
    pdf.multi_cell(0, 5, "Normeringen ser således ud:", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    with pdf.table(col_widths=(60, 30, 30)) as table:
        for cells in (("Post", "2023", "2024"), ("Antal dagplejere", "112", "104"), ("Budget (mio. kr.)", "58,2", "60,1")):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    path = tmp_path / "normering.pdf"
    pdf.output(str(path))

    blocks = blocks_for(load_document(path, {}, 10_000_000))

    assert [(block.kind, block.section, block.text.split("\n")[0]) for block in blocks] == [
        ("text", "", SECOND),
        ("text", "Økonomi og normering", "Normeringen ser således ud:"),
        ("table", "Økonomi og normering", "Post | 2023 | 2024"),
    ]


@pytest.mark.parametrize("aligned", ["TOP", "MIDDLE"])
def test_a_table_row_whose_label_wraps_onto_two_lines_stays_one_row_of_its_table(tmp_path, aligned):
    """fpdf2, like Word's PDF export, draws a row cell by cell: the label's two lines came first, then the
    figures as a line of their own, and the table broke in two there."""
    rows = (
        ("Institution", "Børn", "Pædagoger"),
        ("Solsikken", "62", "11"),
        ("Skovbrynet (inkl. udflytterbørnehaven ved Nordby Strand)", "85", "15"),
        ("Regnbuen", "37", "7"),
    )
    after = "Normeringen er beregnet som antal børn pr. pædagog."
    text = _table_text(tmp_path / "tabel.pdf", rows, (70, 25, 30), after=after, v_align=aligned)

    assert text.strip().splitlines() == [
        "Institution | Børn | Pædagoger",
        "Solsikken | 62 | 11",
        "Skovbrynet (inkl. udflytterbørnehaven ved Nordby Strand) | 85 | 15",
        "Regnbuen | 37 | 7",
        "",
        "Normeringen er beregnet som antal børn pr. pædagog.",
    ]


@pytest.mark.parametrize("aligned", ["MIDDLE", "TOP"])
def test_a_header_whose_cells_wrap_is_the_tables_first_row_and_the_text_above_stays_text(tmp_path, aligned):
    """A header row whose first and last cells wrap is drawn cell by cell, the cells that do not wrap in the middle
    of the row (fpdf2's default) or at its top (Word's): it had read as loose lines above the table, whose rows then
    carried no column names. The line that leads into the table begins where the first column does, but runs on."""
    rows = (
        ("Alder (mdr.)", "Tjekpunkt", "Ansvarlig", "Hvad deles (med samtykke)"),
        ("4", "Besøg: motorik og søvn", "Sundhedsplejen", "Intet"),
        ("24", "2-års samtale med forældrene", "Dagtilbud", "Intet, medmindre barnet er vurderet gult eller rødt"),
        ("36", "Sprogvurdering", "Dagtilbud", "Resultatet gives til forældrene"),
    )
    before = "Tabellen viser de faste tjekpunkter i barnets første tre år, og hvad der må deles."
    after = "Ved 18-måneders tjekpunktet deltager sundhedsplejersken i et møde."
    text = _table_text(tmp_path / "tjekpunkter.pdf", rows, (18, 52, 35, 45), before, after, v_align=aligned)

    assert text.strip().splitlines() == [
        "Tabellen viser de faste tjekpunkter i barnets første tre år, og hvad der må deles.",
        "",
        "Alder (mdr.) | Tjekpunkt | Ansvarlig | Hvad deles (med samtykke)",
        "4 | Besøg: motorik og søvn | Sundhedsplejen | Intet",
        "24 | 2-års samtale med forældrene | Dagtilbud | Intet, medmindre barnet er vurderet gult eller rødt",
        "36 | Sprogvurdering | Dagtilbud | Resultatet gives til forældrene",  # its last cell wraps after a full line
        "",
        "Ved 18-måneders tjekpunktet deltager sundhedsplejersken i et møde.",
    ]


def test_a_column_of_figures_set_flush_right_keeps_its_longer_figures_in_the_table(tmp_path):
    """Figures set flush right begin where their width puts them: "1.890.000 kr." began left of "640.000 kr.", and
    the header, the first row and the total had stood outside the table as lines of text."""
    rows = (
        ("Udgiftspost", "Beløb", "Andel"),
        ("Frikøb af sprogtrænere", "1.890.000 kr.", "54 %"),
        ("Kompetenceudvikling", "640.000 kr.", "18 %"),
        ("Forældreaktiviteter", "520.000 kr.", "15 %"),
        ("I alt", "3.480.000 kr.", "100 %"),
    )
    text = _table_text(tmp_path / "udgifter.pdf", rows, (70, 40, 30), text_align=("LEFT", "RIGHT", "RIGHT"))

    assert text.strip().splitlines() == [" | ".join(cells) for cells in rows]


def test_two_columns_of_prose_on_shared_lines_are_no_table(tmp_path):
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.set_font("Sans", size=10)
    pdf.add_page()
    left, right = FIRST.split(), SECOND.split() * 2
    for line in range(4):  # line by line across the page, as some producers write two columns
        pdf.set_x(10)
        pdf.cell(90, 5, " ".join(left[line * 7 : line * 7 + 7]))
        pdf.set_x(110)
        pdf.cell(90, 5, " ".join(right[line * 7 : line * 7 + 7]), new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "spalter-linjevis.pdf"
    pdf.output(str(path))

    assert " | " not in page_texts(PdfReader(path))[0]


def test_two_columns_are_read_column_after_column_as_running_text(tmp_path):
    from pypdf import PdfReader

    texts = page_texts(PdfReader(_pdf(tmp_path / "spalter.pdf", columns=2)))

    paragraphs = _paragraphs(texts[0])
    assert paragraphs[0] == "## Kapitel 1: Bekymring for et barn"
    # in reading order, no paragraph merged with the next; the column break separates at most one more
    assert " ".join(paragraphs[1:]) == " ".join([FIRST, SECOND] * 6)
    assert len(paragraphs[1:]) in (12, 13)
    assert not any(line.startswith(" ") for line in texts[0].split("\n"))  # a column is no new frame


def test_a_box_set_off_by_space_opens_a_frame(tmp_path):
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("Sans", size=10)
    pdf.multi_cell(0, 5, FIRST)
    pdf.ln(4)
    pdf.multi_cell(0, 5, SECOND)
    pdf.ln(25)
    pdf.multi_cell(0, 5, "CASE #1\nDagpleje med sprogstart i Ærø Kommune")
    path = tmp_path / "boks.pdf"
    pdf.output(str(path))

    lines = page_texts(PdfReader(path))[0].split("\n")

    assert " CASE #1" in lines  # the box opens a frame
    assert lines[lines.index(" CASE #1") - 1] == ""
    assert _paragraphs("\n".join(lines))[:2] == [FIRST, SECOND]


def test_outline_titles_become_headings_of_their_depth(tmp_path):
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.set_font("Sans", size=10)  # headings set like body text: only the outline tells them apart
    for level, title in ((0, "Tidlig indsats i dagplejen"), (1, "Sprogvurdering af de yngste børn og samtalen med forældrene bagefter")):
        pdf.add_page()
        pdf.start_section(title, level=level)
        pdf.multi_cell(60, 5, title, new_x="LMARGIN", new_y="NEXT")  # narrow: the long title wraps
        pdf.multi_cell(0, 5, FIRST, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "bogmaerker.pdf"
    pdf.output(str(path))

    texts = page_texts(PdfReader(path))

    assert _paragraphs(texts[0]) == ["# Tidlig indsats i dagplejen", FIRST]
    assert _paragraphs(texts[1]) == ["## Sprogvurdering af de yngste børn og samtalen med forældrene bagefter", FIRST]


# Where a piece of text ends is measured with the widths its font gives its characters: a label that nearly fills
# its column is a cell of its own, and capitals running on into bold text are no table.


def _label_pdf(path: Path, font: str, label: str) -> Path:
    """A table whose first column ``label`` nearly fills: fpdf2 pads a cell 1 mm on each side, and the column is
    half a millimetre wider than that."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    pdf.add_page()
    pdf.set_font(font, size=10)
    width = pdf.get_string_width(label) + 2.5
    with pdf.table(width=width + 25, col_widths=(width, 25)) as table:
        for cells in (("Gruppe", "Antal"), (label, "12"), ("Øvrige", "130")):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.multi_cell(0, 5, SECOND)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize(
    ("font", "label"),
    [
        ("Sans", "Børn med særlige behov i alt"),  # an embedded TrueType font: a CID font with /W
        ("Helvetica", "Fritidstilbud til tilflyttere i alt"),  # standard 14, no /Widths: narrow letters, estimated 9 sizes too wide
        ("Helvetica", "WMW-MØDER MED AMU"),  # wide letters, estimated 2 sizes too narrow
    ],
)
def test_a_label_that_nearly_fills_its_column_is_a_cell_of_its_own(tmp_path, font, label):
    from ingest.loaders import load_document
    from ingest.structure import blocks_for

    blocks = blocks_for(load_document(_label_pdf(tmp_path / "tabel.pdf", font, label), {}, 10_000_000))

    assert [block.text for block in blocks if block.kind == "table"] == [f"Gruppe | Antal\n{label} | 12\nØvrige | 130"]


def test_wide_capitals_running_on_into_text_are_no_table(tmp_path):
    """Bold capitals are wider than the estimate of 0.6 font sizes a letter: the text after a lead-in of them
    began four font sizes beyond where it was thought to end, and two such lines read as a table."""
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    pdf.add_page()
    for place in ("i Solsikken", "i Regnbuen"):
        pdf.set_font("Sans", style="B", size=10)
        pdf.write(5, "MØDEMÅNEDERNE MAJ OG NOVEMBER ")
        pdf.set_font("Sans", size=10)
        pdf.write(5, place)
        pdf.ln()
    path = tmp_path / "versaler.pdf"
    pdf.output(str(path))

    text = page_texts(PdfReader(path))[0]

    assert text.splitlines() == ["MØDEMÅNEDERNE MAJ OG NOVEMBER i Solsikken", "MØDEMÅNEDERNE MAJ OG NOVEMBER i Regnbuen"]


@pytest.mark.parametrize("markers", [("1)", "2)"), ("•", "•")])
def test_list_items_under_a_hanging_indent_are_no_table(tmp_path, markers):
    """The text of an item stands a hanging indent after its bullet or number, a font size or two: no cell, also
    when the item is measured to end well before it."""
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("Sans", size=10)
    items = ("Drøft bekymringen med din leder samme dag.", "Lederen vurderer, om der skal ske en underretning.")
    for marker, item in zip(markers, items, strict=True):
        pdf.set_x(pdf.l_margin + 5)
        pdf.cell(7, 5, marker)
        pdf.multi_cell(0, 5, item, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "liste.pdf"
    pdf.output(str(path))

    assert page_texts(PdfReader(path))[0].splitlines() == [f"{marker} {item}" for marker, item in zip(markers, items, strict=True)]


def test_letter_spacing_counts_in_where_a_piece_ends(tmp_path):
    """fpdf2 spaces the letters of a label with Tc: its bold value follows a space after the last letter."""
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_page()
    for label, value in (("MØDEDATO", "12. marts"), ("MØDESTED", "Solsikken")):
        pdf.set_font("Helvetica", size=10)
        pdf.set_char_spacing(2)
        pdf.write(5, label)
        pdf.set_char_spacing(0)
        pdf.set_font("Helvetica", style="B", size=10)
        pdf.write(5, f" {value}")
        pdf.ln()
    path = tmp_path / "spatieret.pdf"
    pdf.output(str(path))

    assert page_texts(PdfReader(path))[0].splitlines() == ["MØDEDATO 12. marts", "MØDESTED Solsikken"]


def test_condensed_text_counts_in_where_a_piece_ends(tmp_path):
    """A label condensed with Tz to fit its column is a cell of its own."""
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    rows = (("Søskenderabat for familier med tre børn", "25 %"), ("Søskenderabat for familier med to børn", "50 %"))
    width = 0.7 * pdf.get_string_width(rows[0][0]) + 3
    for label, value in rows:
        pdf.set_stretching(70)
        pdf.cell(width, 6, label)
        pdf.set_stretching(100)
        pdf.cell(20, 6, value, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "smal.pdf"
    pdf.output(str(path))

    assert page_texts(PdfReader(path))[0].strip().splitlines() == [f"{label} | {value}" for label, value in rows]


def _hand_made_pdf(path: Path, content: str, font: dict[str, object]) -> Path:
    """A page drawn by ``content`` (a content stream in cp1252) with the font /F1 described by ``font`` and the
    bold /F2, Helvetica-Bold; neither is embedded, as Word leaves out a font it may not embed."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, ContentStream, DecodedStreamObject, DictionaryObject, NameObject, NumberObject

    def pdf_object(value: object):
        if isinstance(value, list):
            return ArrayObject(pdf_object(item) for item in value)
        return NameObject(value) if isinstance(value, str) else NumberObject(value)

    def font_dictionary(entries: dict[str, object]) -> DictionaryObject:
        base = {"/Type": "/Font", "/Encoding": "/WinAnsiEncoding", **entries}
        return DictionaryObject({NameObject(key): pdf_object(value) for key, value in base.items()})

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    fonts = {"/F1": font_dictionary(font), "/F2": font_dictionary({"/Subtype": "/Type1", "/BaseFont": "/Helvetica-Bold"})}
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject(k): v for k, v in fonts.items()})})
    stream = DecodedStreamObject()
    stream.set_data(content.encode("cp1252"))
    page.replace_contents(ContentStream(stream, None))
    writer.write(path)
    return path


def _shown(x: float, y: float, text: str, font: str = "/F1") -> str:
    """Content stream operators that show ``text`` in ``font`` at size 10 from (``x``, ``y``)."""
    return f"BT {font} 10 Tf {x} {y} Td ({text}) Tj ET\n"


# A TrueType font, not embedded, whose /Widths are its own: every character 420 thousandths of its size.
_NARROW_FONT = {"/Subtype": "/TrueType", "/BaseFont": "/SmalSans", "/FirstChar": 32, "/LastChar": 255, "/Widths": [420] * 224}


def test_a_simple_fonts_widths_place_the_end_of_a_label(tmp_path):
    """A label in a narrow font ends 12 points before the next column: two cells (estimated at 0.6 font sizes
    a letter, the label ran 60 points into it)."""
    from pypdf import PdfReader

    rows = (("Antal børn i dagplejen i august", "112"), ("Antal børn i dagplejen i januar", "104"))
    # 31 letters of 4.2 points at size 10 end at 50 + 130.2; the number begins 12 points on
    content = "".join(_shown(50, y, label) + _shown(192.2, y, value) for (label, value), y in zip(rows, (700, 680), strict=True))

    text = page_texts(PdfReader(_hand_made_pdf(tmp_path / "smal.pdf", content, _NARROW_FONT)))[0]

    assert text.strip().splitlines() == [f"{label} | {value}" for label, value in rows]


def test_word_spacing_counts_in_where_a_piece_ends(tmp_path):
    """A justified line's spaces are widened with Tw: the bold word after them follows a space, no cell."""
    from pypdf import PdfReader

    # "Mødet holdes i " is 15 letters of 4.2 points, its 3 spaces 4 points wider each: it ends at 50 + 75
    content = "".join(
        f"BT /F1 10 Tf 4 Tw 50 {y} Td (Mødet holdes i ) Tj ET BT /F2 10 Tf 0 Tw 125 {y} Td ({place}) Tj ET\n"
        for place, y in (("Solsikken", 700), ("Regnbuen", 686))
    )

    text = page_texts(PdfReader(_hand_made_pdf(tmp_path / "justeret.pdf", content, _NARROW_FONT)))[0]

    assert text.splitlines() == ["Mødet holdes i Solsikken", "Mødet holdes i Regnbuen"]


def test_a_font_without_widths_keeps_the_estimate(tmp_path):
    """A font neither embedded nor standard that gives no /Widths: its characters are counted at 0.6 font sizes,
    and a cell stands 2 font sizes beyond that."""
    from pypdf import PdfReader

    # "Solsikken" is estimated to end at 50 + 54: a number 30 points on is a cell, a word 15 points on is not
    table = _shown(50, 700, "Solsikken") + _shown(134, 700, "62") + _shown(50, 686, "Regnbuen") + _shown(134, 686, "37")
    prose = _shown(50, 650, "Solsikken") + _shown(119, 650, "børn", "/F2") + _shown(50, 636, "Regnbuen") + _shown(119, 636, "børn", "/F2")
    content = table + prose

    text = page_texts(PdfReader(_hand_made_pdf(tmp_path / "ukendt.pdf", content, {"/Subtype": "/Type1", "/BaseFont": "/UkendtSkrift"})))[0]

    assert text.strip() == "Solsikken | 62\nRegnbuen | 37\n\nSolsikken børn\nRegnbuen børn"


def test_a_table_of_contents_is_left_out(tmp_path):
    # Read, a report's contents page was a table whose first entry was the header of all the others.
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("Sans", size=11)
    pdf.cell(0, 8, "Indholdsfortegnelse", new_x="LMARGIN", new_y="NEXT")
    for title, page in (("1. Formål", 2), ("2. Når du er bekymret", 3), ("2.1 Sparring med PPR", 4), ("3. Forældresamarbejde", 6)):
        pdf.cell(150, 7, f"{title} " + ". " * 30)
        pdf.cell(0, 7, str(page), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.multi_cell(0, 6, FIRST, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Prisliste for kurser . . . . . . 450 kr.")  # dot leaders before no page number: kept
    pdf.output(str(tmp_path / "indhold.pdf"))
    contents, body = page_texts(PdfReader(tmp_path / "indhold.pdf"))
    assert "Formål" not in contents and "Sparring med PPR" not in contents and "|" not in contents
    assert _paragraphs(body)[0] == FIRST and "450 kr." in body


# ---- filled forms (AcroForm): the values stand in widget annotations, not in the page's content ----------


def _pdf_value(value: object):
    """A Python value as a PDF object: "/Name" a name, any other string a text string ("/Helv 9 Tf 0 g"), a list
    an array, a dict a dictionary."""
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject

    if isinstance(value, dict):
        return DictionaryObject({NameObject(key): _pdf_value(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return ArrayObject(_pdf_value(item) for item in value)
    if isinstance(value, str):
        return NameObject(value) if value.startswith("/") and " " not in value else TextStringObject(value)
    return FloatObject(value) if isinstance(value, float) else NumberObject(value)


def _form_pdf(path: Path, pages: list[str], fields: list[dict], values: dict[str, str] | None = None, flatten: bool = False) -> Path:
    """Pages drawn by content streams (see _shown) in the narrow font, and a form of ``fields``: each a field
    dictionary whose widget is on the page numbered by its "page" (0 unless given), or whose "/Kids" are widgets,
    each on its own "page". ``values`` are filled in as a program fills a form, with pypdf's writer, which also
    draws their appearance (and with ``flatten`` paints it on the page as well, as a form XObject)."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, ContentStream, DecodedStreamObject, NameObject

    writer = PdfWriter()
    font = {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": "/Helvetica", "/Encoding": "/WinAnsiEncoding"}
    for content in pages:
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = _pdf_value({"/Font": {"/F1": {**font, **_NARROW_FONT}}})
        stream = DecodedStreamObject()
        stream.set_data(content.encode("cp1252"))
        page.replace_contents(ContentStream(stream, None))
        page[NameObject("/Annots")] = ArrayObject()

    def widget(entries: dict, parent=None):
        entries = {"/Type": "/Annot", "/Subtype": "/Widget", "/F": 4, **entries}
        on = writer.pages[entries.pop("page", 0)]
        made = _pdf_value(entries)
        if parent is not None:
            made[NameObject("/Parent")] = parent
        reference = writer._add_object(made)
        on["/Annots"].append(reference)
        return reference

    references = ArrayObject()
    for field in fields:
        if "/Kids" not in field:
            references.append(widget(field))
            continue
        parent = writer._add_object(_pdf_value({key: item for key, item in field.items() if key != "/Kids"}))
        parent.get_object()[NameObject("/Kids")] = ArrayObject(widget(kid, parent) for kid in field["/Kids"])
        references.append(parent)
    writer._root_object[NameObject("/AcroForm")] = _pdf_value({"/DA": "/Helv 9 Tf 0 g", "/DR": {"/Font": {"/Helv": font}}})
    writer._root_object["/AcroForm"][NameObject("/Fields")] = references
    for page in writer.pages:
        writer.update_page_form_field_values(page, values or {}, auto_regenerate=False, flatten=flatten)
    writer.write(path)
    return path


def _text_field(name: str, rect: tuple[float, float, float, float], **entries) -> dict:
    return {"/FT": "/Tx", "/T": name, "/Rect": list(rect), "/DA": "/Helv 9 Tf 0 g", **entries}


def _check_box(name: str, rect: tuple[float, float, float, float], on: bool, **entries) -> dict:
    state = "/Ja" if on else "/Off"
    return {"/FT": "/Btn", "/T": name, "/Rect": list(rect), "/V": state, "/AS": state, **entries}


def test_a_filled_forms_values_stand_beside_their_labels(tmp_path):
    """A concern form filled in by a program: each value in its box right of its label, a check box ticked, one
    left empty, a choice made from a list that shows other text than it stores. Read, the page had held only
    its labels ("Institution:", "Barnets alder:")."""
    from pypdf import PdfReader

    labels = ("Institution:", "Barnets alder:", "Forældrene er orienteret:", "Bekymringen drøftet med PPR:", "Alvor:", "Bemærkninger:")
    content = _shown(50, 760, "Skema ved bekymring") + "".join(_shown(50, 700 - 30 * row, label) for row, label in enumerate(labels))
    fields = [
        _text_field("institution", (240, 694, 540, 714)),
        _text_field("alder", (240, 664, 540, 684)),
        _check_box("orienteret", (240, 636, 252, 648), on=True),
        _check_box("ppr", (240, 606, 252, 618), on=False),
        {"/FT": "/Ch", "/T": "alvor", "/Rect": [240, 574, 540, 594], "/V": "2", "/Opt": [["1", "Lav"], ["2", "Middel"], ["3", "Høj"]]},
        _text_field("bemaerkninger", (240, 544, 540, 564)),  # left empty
    ]
    path = _form_pdf(tmp_path / "skema.pdf", [content], fields, {"institution": "Børnehuset Solsikken", "alder": "4 år"})

    text = page_texts(PdfReader(path))[0]

    assert text.splitlines()[2:] == [
        "Institution: | Børnehuset Solsikken",
        "Barnets alder: | 4 år",
        "Forældrene er orienteret: | ☒",
        "Bekymringen drøftet med PPR: | ☐",
        "Alvor: | Middel",
        "",
        "Bemærkninger:",
    ]


def test_a_value_on_the_line_of_its_label_is_read_after_it_and_before_what_follows(tmp_path):
    """Two fields on one line ("Dato: [...]  Underskrift: [...]"), and a field in a sentence: each value stands
    after the text left of its box, before the text right of it."""
    from pypdf import PdfReader

    content = _shown(50, 700, "Dato:") + _shown(250, 700, "Underskrift:")
    content += _shown(50, 686, "Mødet holdes kl.") + _shown(160, 686, "i salen.")
    fields = [
        _text_field("dato", (80, 695, 200, 712), **{"/V": "3. februar 2025"}),
        _text_field("underskrift", (310, 695, 500, 712), **{"/V": "Hanne Møller"}),
        _text_field("tid", (118, 682, 158, 696), **{"/V": "14"}),
    ]

    text = page_texts(PdfReader(_form_pdf(tmp_path / "linje.pdf", [content], fields)))[0]

    assert text.splitlines() == ["Dato: 3. februar 2025 Underskrift: Hanne Møller", "Mødet holdes kl. 14 i salen."]


def test_check_boxes_before_their_text_read_as_a_checklist(tmp_path):
    """Check boxes left of their text, as a form's checklist sets them: each line the box and its text, no table;
    radio buttons by the state of each button; a box laid over a printed box reads once."""
    from pypdf import PdfReader

    items = ("Trækker sig fra leg", "Virker træt om morgenen", "Har ofte ondt i maven")
    content = "".join(_shown(66, 700 - 16 * row, item) for row, item in enumerate(items)) + _shown(50, 668, "\u2022")
    fields = [_check_box(f"tegn{row}", (50, 697 - 16 * row, 60, 707 - 16 * row), on=row != 1) for row in range(3)]
    radio = {"/FT": "/Btn", "/T": "kontakt", "/Ff": 1 << 15, "/V": "/Nej", "/Kids": [
        {"/Rect": [50, 637, 60, 647], "/AS": "/Off", "/AP": {"/N": {"/Ja": {}, "/Off": {}}}},
        {"/Rect": [120, 637, 130, 647], "/AS": "/Nej", "/AP": {"/N": {"/Nej": {}, "/Off": {}}}},
    ]}  # fmt: skip
    content += _shown(66, 640, "Ja") + _shown(136, 640, "Nej")

    text = page_texts(PdfReader(_form_pdf(tmp_path / "tjekliste.pdf", [content], [*fields, radio])))[0]

    assert text.splitlines() == ["☒ Trækker sig fra leg", "☐ Virker træt om morgenen", "☒ Har ofte ondt i maven", "", " ☐ Ja ☒ Nej"]


def test_a_form_set_as_a_table_reads_as_its_rows(tmp_path):
    """A table whose header is printed and whose cells are fields: each row its label and its values."""
    from pypdf import PdfReader

    content = _shown(50, 700, "Barn") + _shown(200, 700, "Alder") + _shown(300, 700, "Stue")
    content += _shown(50, 680, "Emma") + _shown(50, 660, "Noah")
    fields = []
    for row, (age, room) in enumerate((("4 år", "Bien"), ("5 år og 2 måneder i alt", "Myren"))):
        y = 676 - 20 * row
        # the boxes of one row touch, as fields laid over a table's cells do
        fields += [_text_field(f"alder{row}", (198, y, 296, y + 16), **{"/V": age})]
        fields += [_text_field(f"stue{row}", (296, y, 400, y + 16), **{"/V": room})]

    text = page_texts(PdfReader(_form_pdf(tmp_path / "tabel.pdf", [content], fields)))[0]

    assert text.strip().splitlines() == ["Barn | Alder | Stue", "Emma | 4 år | Bien", "Noah | 5 år og 2 måneder i alt | Myren"]


def test_a_field_under_its_label_and_a_value_of_several_lines(tmp_path):
    """A large box under its label: the value is a paragraph of its own after the label (its first line stands
    two lines below it), its lines on one line (a semicolon after a line that does not end a sentence), as the
    Word loader writes a cell's lines."""
    from pypdf import PdfReader

    content = _shown(50, 700, "Hvad er der allerede gjort?") + _shown(50, 600, "Underskrift")
    value = "Drøftet med leder 5. februar.\nAftalt observation i to uger\nForældre inviteret til samtale"
    fields = [_text_field("gjort", (50, 620, 540, 690), **{"/Ff": 1 << 12, "/V": value})]

    text = page_texts(PdfReader(_form_pdf(tmp_path / "flere_linjer.pdf", [content], fields)))[0]

    assert text.splitlines() == [
        "Hvad er der allerede gjort?",
        "",
        "Drøftet med leder 5. februar. Aftalt observation i to uger; Forældre inviteret til samtale",
        "",
        " Underskrift",
    ]


def test_a_field_shown_on_two_pages_reads_its_parents_value_on_both(tmp_path):
    """One field (the child's name) with a widget on each page, its value kept by the field above the widgets."""
    from pypdf import PdfReader

    pages = [_shown(50, 700, "Barnets navn:") + _shown(50, 660, f"Side {number} af skemaet om barnet.") for number in (1, 2)]
    name = {"/FT": "/Tx", "/T": "navn", "/V": "Emma Sofie", "/DA": "/Helv 9 Tf 0 g",
            "/Kids": [{"/Rect": [150, 695, 400, 712], "page": 0}, {"/Rect": [150, 695, 400, 712], "page": 1}]}  # fmt: skip

    texts = page_texts(PdfReader(_form_pdf(tmp_path / "to_sider.pdf", pages, [name])))

    assert [text.splitlines()[0] for text in texts] == ["Barnets navn: Emma Sofie"] * 2


def test_a_flattened_value_hidden_widgets_and_passwords_are_not_read_again_or_at_all(tmp_path):
    """A value the page already draws in its box (a flattened form that kept its fields) is read once; a hidden
    widget and a password field not at all."""
    from pypdf import PdfReader

    content = _shown(50, 700, "Institution:") + _shown(152, 700, "Børnehuset Solsikken") + _shown(50, 686, "Kode:")
    fields = [
        _text_field("institution", (150, 695, 400, 712), **{"/V": "Børnehuset Solsikken"}),
        _text_field("kode", (150, 681, 400, 695), **{"/V": "hemmelig", "/Ff": 1 << 13}),
        _text_field("skjult", (150, 640, 400, 657), **{"/V": "Intern note", "/F": 2}),
    ]

    text = page_texts(PdfReader(_form_pdf(tmp_path / "fladt.pdf", [content], fields)))[0]

    assert text.splitlines() == ["Institution: Børnehuset Solsikken", "Kode:"]


@pytest.mark.parametrize("keep_fields", [True, False])
def test_a_flattened_forms_values_are_read_once_where_they_stand(tmp_path, keep_fields):
    """A form flattened by pypdf: each value's appearance is painted on the page as a form XObject, placed by the
    matrix before its Do. pypdf reads a form's text as if the form stood at the page's corner, so the values had
    run together on one line ("Børnehuset Solsikken 4 år"), and with the fields kept were read a second time.
    Painted after all of the page's text, the values had followed all the labels; each stands beside its label."""
    from pypdf import PdfReader

    content = _shown(50, 700, "Institution:") + _shown(50, 670, "Barnets alder:")
    fields = [_text_field("institution", (240, 694, 540, 714)), _text_field("alder", (240, 664, 540, 684))]
    path = _form_pdf(tmp_path / "fladt.pdf", [content], fields, {"institution": "Børnehuset Solsikken", "alder": "4 år"}, flatten=True)
    if not keep_fields:
        from pypdf import PdfWriter

        writer = PdfWriter(clone_from=path)
        writer.remove_annotations(subtypes="/Widget")
        writer.write(path)

    lines = [line.strip() for line in page_texts(PdfReader(path))[0].splitlines() if line.strip()]

    assert lines == ["Institution: | Børnehuset Solsikken", "Barnets alder: | 4 år"]


def test_flattened_values_on_one_line_stand_each_after_its_label(tmp_path):
    """Two fields on one line, flattened: each value after the text left of its box, before the text right of it."""
    from pypdf import PdfReader

    content = _shown(50, 700, "Dato:") + _shown(250, 700, "Underskrift:") + _shown(50, 660, "Skemaet afleveres til lederen.")
    fields = [_text_field("dato", (80, 695, 200, 712)), _text_field("underskrift", (310, 695, 500, 712))]
    values = {"dato": "3. februar 2025", "underskrift": "Hanne Møller"}
    path = _form_pdf(tmp_path / "linje.pdf", [content], fields, values, flatten=True)

    lines = [line.strip() for line in page_texts(PdfReader(path))[0].splitlines() if line.strip()]

    assert lines == ["Dato: 3. februar 2025 Underskrift: Hanne Møller", "Skemaet afleveres til lederen."]


def test_a_page_painted_whole_as_one_form_keeps_its_columns(tmp_path):
    """A page whose text is all painted by one form XObject (a page imported into another document) is read as
    before: the next column's lines stand on the baselines of the column before it, and stay after it."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream, DecodedStreamObject, DictionaryObject, NameObject, NumberObject, RectangleObject

    writer = PdfWriter(clone_from=_pdf(tmp_path / "spalter.pdf", columns=2, pages=1))
    page = writer.pages[0]
    form = DecodedStreamObject()
    form.set_data(page.get_contents().get_data())
    form.update({
        NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): RectangleObject(page.mediabox), NameObject("/Resources"): page["/Resources"],
        NameObject("/FormType"): NumberObject(1),
    })  # fmt: skip
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Side"): writer._add_object(form)})}
    )
    painting = DecodedStreamObject()
    painting.set_data(b"q /Side Do Q")
    page.replace_contents(ContentStream(painting, None))
    writer.write(tmp_path / "indsat.pdf")

    paragraphs = _paragraphs(page_texts(PdfReader(tmp_path / "indsat.pdf"))[0])

    assert paragraphs[:2] == [HEADER, "## Kapitel 1: Bekymring for et barn"]  # one page: its header is no repeat
    assert " ".join(paragraphs[2:]) == " ".join([FIRST, SECOND] * 6)


def test_paragraphs_drawn_from_the_bottom_up_read_top_to_bottom(tmp_path):
    """A leaflet drew its paragraphs from the bottom of the page up and its heading last: read in drawing order,
    the heading came after the text it heads and the first step after the last. Each paragraph's own lines run
    down the page; the paragraphs, each wholly above the one drawn before it, are read top to bottom. A note
    drawn after them further down keeps its place."""
    from pypdf import PdfReader

    paragraphs = [
        ("Når du er bekymret for et barn,", "skal du først tale med din leder."),
        ("Lederen hjælper dig med at vurdere,", "om forældrene skal inddrages."),
        ("Hvis bekymringen fortsætter,", "kontakter lederen PPR."),
    ]
    drawn = reversed(list(enumerate(paragraphs)))  # the last paragraph first
    content = "".join(_shown(50, 680 - 40 * number, first) + _shown(50, 666 - 40 * number, second) for number, (first, second) in drawn)
    content += "BT /F2 16 Tf 50 720 Td (Hvad gør jeg ved bekymring?) Tj ET\n" + _shown(50, 520, "Husk at skrive dine iagttagelser ned.")

    text = page_texts(PdfReader(_hand_made_pdf(tmp_path / "pjece.pdf", content, _NARROW_FONT)))[0]

    steps = [" ".join(lines) for lines in paragraphs]
    assert _paragraphs(text) == ["## Hvad gør jeg ved bekymring?", *steps, "Husk at skrive dine iagttagelser ned."]


def test_a_one_page_letters_footer_counting_its_pages_beside_other_text_is_no_text(tmp_path):
    """Nothing repeats a one-page letter's footer, which had run into its last sentence as "… kontaktpædagog.
    Dagtilbud Nord · Aarhus Kommune Side 1 af 1"."""
    from fpdf import FPDF
    from pypdf import PdfReader

    class Letter(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Sans", size=8)
            self.cell(95, 6, "Dagtilbud Nord · Aarhus Kommune")
            self.cell(0, 6, f"Side {self.page_no()} af 1", align="R")

    pdf = Letter(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("Sans", size=10)
    pdf.multi_cell(0, 5, FIRST)
    path = tmp_path / "brev.pdf"
    pdf.output(str(path))

    assert _paragraphs(page_texts(PdfReader(path))[0]) == [FIRST]


@pytest.mark.parametrize("raised", ["text rise", "baseline"])
def test_a_superscript_footnote_reference_is_glued_to_its_word_and_does_not_break_the_line(tmp_path, raised):
    """A reference set on a higher baseline had begun a line of its own, and the sentence read "… på
    sprogindsatsen" / "1 i 2023. …"; one raised by the text rise (fpdf2's superscript) stood apart as a number."""
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("Sans", size=11)
    pdf.write(6, "Kommunen brugte 2,4 mio. kr. på sprogindsatsen")
    if raised == "text rise":
        pdf.char_vpos = "SUP"
        pdf.write(6, "1")
        pdf.char_vpos = "LINE"
    else:
        pdf.set_font("Sans", size=7)
        pdf.write(4, "1")  # a lower line height: the baseline 4 pt higher
        pdf.set_font("Sans", size=11)
    pdf.write(6, " i 2023. Indsatsen omfattede alle børn i dagtilbud.")
    path = tmp_path / "notat.pdf"
    pdf.output(str(path))

    text = page_texts(PdfReader(path))[0]

    assert text.split("\n")[0] == "Kommunen brugte 2,4 mio. kr. på sprogindsatsen1 i 2023. Indsatsen omfattede alle børn i"


def test_a_paragraph_under_a_page_filling_table_in_small_print_is_no_heading(tmp_path):
    """On a page that a table in 8 pt fills, the paragraph under it in the document's 9.5 pt stood out as larger than
    the page's text: its lines read as a heading ("## eleven ret til sygeundervisning. ..."), cut off from the start
    of its sentence on the line before."""
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    for _ in range(3):  # the document's text is set in 9.5 pt
        pdf.add_page()
        pdf.set_font("Sans", size=9.5)
        for _ in range(8):
            pdf.multi_cell(0, 5, FIRST + " " + SECOND)
            pdf.ln(3)
    pdf.add_page()
    pdf.set_font("Sans", size=8)
    with pdf.table(width=170, col_widths=(30, 50, 50, 40)) as table:
        for number in range(30):
            row = table.row()
            for cell in (f"Niveau {number}", "Brev sendes til forældrene", "Kontaktlærer og afdelingsleder", "Inden for 5 skoledage"):
                row.cell(cell)
    pdf.ln(4)
    pdf.set_font("Sans", size=9.5)
    sentence = (
        "Er en elev syg i mere end femten skoledage i træk, eller forventes sygdommen at vare længere, har eleven ret "
        "til sygeundervisning. Skolelederen tager stilling til sygeundervisningens omfang i samarbejde med forældrene og "
        "eventuelt hospitalsskolen. Langvarig sygdom udløser ikke automatisk fraværsbrevene i fraværstrappen, men "
        "kontaktlæreren holder kontakt med familien mindst en gang om ugen."
    )
    pdf.multi_cell(0, 5, sentence, align="J")  # justified: drawn word by word
    path = tmp_path / "fravaer.pdf"
    pdf.output(str(path))

    text = page_texts(PdfReader(path))[3]

    assert "#" not in text
    assert _paragraphs(text)[-1] == sentence


def test_a_row_whose_short_cells_stand_in_the_middle_of_its_tall_cells_is_one_row(tmp_path):
    """fpdf2 sets a table's cells in the middle of their row: the short cells of a row whose other cells wrap over four
    lines stand below those cells' first lines, and the table had broken after its first row into lines of text."""
    rows = (
        ("Mødetype", "Hyppighed", "Deltagere", "Formål"),
        ("Åben PPR", "Ugentligt, 1 time", "PPR-konsulent og lærere", "Anonym sparring"),
        (
            "Ressourcemøde",
            "Hver 2. uge, 90 minutter",
            "Skoleleder eller afdelingsleder, ressourcekoordinator, PPR-konsulent, klasselærer og forældre",
            "Drøfte indstillede elever og beslutte næste skridt",
        ),
        ("Opstartsmøde", "Ved henvisning", "PPR-konsulent, forældre, klasselærer og eleven efter alder", "Afklare spørgsmålene"),
    )
    text = _table_text(tmp_path / "aftale.pdf", rows, (35, 35, 50, 50), after=SECOND)  # fpdf2's default: in the middle

    table, after = [part.strip() for part in text.split("\n\n") if part.strip()]
    assert table.split("\n") == [" | ".join(row) for row in rows], text
    assert after == SECOND
