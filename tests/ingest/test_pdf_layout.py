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


def _pdf(path: Path, columns: int = 1, pages: int = 3) -> Path:
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("Sans", size=8)
            self.cell(0, 5, "Tidlig indsats i dagplejen – rapport 2024", align="R")
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
    assert _paragraphs(texts[1]) == ["Kapitel 2: Bekymring for et barn", FIRST, SECOND]
    assert not any("Side" in text or "rapport 2024" in text for text in texts)


def test_a_two_page_documents_running_header_is_no_text(tmp_path):
    from pypdf import PdfReader

    texts = page_texts(PdfReader(_pdf(tmp_path / "kort.pdf", pages=2)))

    assert [_paragraphs(text)[0] for text in texts] == ["Kapitel 1: Bekymring for et barn", "Kapitel 2: Bekymring for et barn"]
    assert not any("rapport 2024" in text or "Side" in text for text in texts)


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


def test_two_columns_are_read_column_after_column_as_running_text(tmp_path):
    from pypdf import PdfReader

    texts = page_texts(PdfReader(_pdf(tmp_path / "spalter.pdf", columns=2)))

    paragraphs = _paragraphs(texts[0])
    assert paragraphs[0] == "Kapitel 1: Bekymring for et barn"
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
