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


def _pdf(path: Path, columns: int = 1, pages: int = 3, even_header: str = HEADER) -> Path:
    """A report with a running header (``even_header`` on its even pages) and a "Side N af M" footer."""
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


@pytest.mark.parametrize("aligned", ["TOP", "MIDDLE"])
def test_a_table_row_whose_label_wraps_onto_two_lines_stays_one_row_of_its_table(tmp_path, aligned):
    """fpdf2, like Word's PDF export, draws a row cell by cell: the label's two lines came first, then the
    figures as a line of their own, and the table broke in two there."""
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    pdf.add_page()
    pdf.set_font("Sans", size=10)
    rows = (
        ("Institution", "Børn", "Pædagoger"),
        ("Solsikken", "62", "11"),
        ("Skovbrynet (inkl. udflytterbørnehaven ved Nordby Strand)", "85", "15"),
        ("Regnbuen", "37", "7"),
    )
    with pdf.table(width=125, col_widths=(70, 25, 30), v_align=aligned) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.multi_cell(0, 5, "Normeringen er beregnet som antal børn pr. pædagog.")
    path = tmp_path / "tabel.pdf"
    pdf.output(str(path))

    text = page_texts(PdfReader(path))[0]

    assert text.strip().splitlines() == [
        "Institution | Børn | Pædagoger",
        "Solsikken | 62 | 11",
        "Skovbrynet (inkl. udflytterbørnehaven ved Nordby Strand) | 85 | 15",
        "Regnbuen | 37 | 7",
        "",
        "Normeringen er beregnet som antal børn pr. pædagog.",
    ]


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
