"""Render the bundled text exports as the PDFs and Word files organisations actually have.

The renderings are made from the text exports themselves, so every quote, case and list of the
export can be looked for in what ingestion gets back from the rendering:

- PDF (fpdf2, DejaVuSans, A4): one or two columns; the export's own line breaks kept (each line set as
  a line, wrapped again where a column is narrower) or paragraphs reflowed (lines joined, hyphenation
  undone, set as running text); "Side N" footers; slides one per page.
- DOCX (python-docx): paragraphs, "CASE #n" titles and other short title lines as Heading styles, bullet
  items as "List Bullet" paragraphs, and a table.

Example::

    rendering = Rendering("pdf", columns=2, reflow=True)
    render(Path("corpus/kl.txt"), tmp / "kl.pdf", rendering, form="prose")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
# Extra space (mm) above a new text frame; a paragraph gets 2.5 mm.
FRAME_SPACE = 6.0
_BULLET = re.compile(r"^[•\uf0b7\uf0e0]\s*")
_SLIDE_BREAK = re.compile(r"\n(?:[ \t\u00a0]*\n){2,}")


@dataclass(frozen=True)
class Rendering:
    """How a text export is rendered; ``name`` is used for file names and report rows."""

    format: Literal["pdf", "docx"]
    columns: int = 1
    reflow: bool = False

    @property
    def name(self) -> str:
        if self.format == "docx":
            return "docx"
        return f"pdf-{self.columns}col-{'reflow' if self.reflow else 'lines'}"

    def suffix(self) -> str:
        return f".{self.format}"


def render(source: Path, target: Path, rendering: Rendering, form: str) -> Path:
    text = source.read_text(encoding="utf-8")
    if rendering.format == "docx":
        _docx(source, target)
    elif form == "slides":
        _slides_pdf(text, target)
    else:
        _prose_pdf(text, target, rendering)
    return target


@dataclass(frozen=True)
class Paragraph:
    """Items (a bullet item or the running text) of lines; ``frame``: opens a new text frame (a box, a sidebar)."""

    items: list[list[str]]
    frame: bool


def paragraphs(text: str) -> list[Paragraph]:
    """The export's paragraphs, each a list of items (a bullet item or the running text), each a list of lines.

    A blank line ends a paragraph unless the next line goes on in lowercase (the export breaks sentences at
    page ends); a line indented by one space opens a new text frame, so a new paragraph; a bullet opens a
    new item. Tabs and bullets are normalised and the layout's indents dropped.
    """
    out: list[Paragraph] = []
    blanks = 3
    for raw in text.split("\n"):
        line = " ".join(_BULLET.sub("• ", raw.replace("\u00a0", " ").strip()).split())
        if not line.strip("• "):
            blanks += 1
            continue
        # The export opens a frame with a line indented by one space, or after three blank lines.
        frame = bool(re.match(r"^ [^\s-]", raw)) or blanks >= 3
        continues = blanks == 1 and out and line[:1].islower() and not out[-1].items[-1][-1].endswith(".")
        if not out or frame or (blanks and not continues):
            out.append(Paragraph([[line]], frame))
        elif line.startswith("• "):
            out[-1].items.append([line])
        else:
            out[-1].items[-1].append(line)
        blanks = 0
    return out


def joined(lines: list[str]) -> str:
    """Lines as running text: a word hyphenated at a line end is joined ("foræl-" + "drene")."""
    text = ""
    for line in lines:
        if re.search(r"[a-zæøå]-$", text) and line[:1].islower() and line.split()[0] not in ("og", "eller"):
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text


def _pdf(columns: int = 1):
    from fpdf import FPDF

    class _Document(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("DejaVu", size=8)
            self.cell(0, 5, f"Side {self.page_no()}", align="C")

    pdf = _Document(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(18, 18, 18)
    pdf.add_page()
    pdf.set_font("DejaVu", size=10 if columns == 1 else 9)
    return pdf


def _prose_pdf(text: str, target: Path, rendering: Rendering) -> None:
    pdf = _pdf(rendering.columns)
    with pdf.text_columns(ncols=rendering.columns, gutter=8, text_align="L") as columns:
        for paragraph in paragraphs(text):
            piece = "\n".join(_reflowed(item) if rendering.reflow else "\n".join(item) for item in paragraph.items)
            # A box or sidebar is set off by more space than a paragraph, as a layout program does.
            with columns.paragraph(top_margin=FRAME_SPACE if paragraph.frame else 0, bottom_margin=2.5) as written:
                written.write(piece)
    pdf.output(str(target))


def _reflowed(item: list[str]) -> str:
    """An item as running text; a bullet that titles the text after it ("• Pluspladser" / "Pluspladserne
    skal ...") keeps its own line, as a layout sets a run-in list title."""
    first = item[0]
    if first.startswith("• ") and len(item) > 1 and len(first) <= 40 and first[-1].isalnum() and item[1][:1].isupper():
        return f"{first}\n{joined(item[1:])}"
    return joined(item)


def _slides_pdf(text: str, target: Path) -> None:
    pdf = _pdf()
    for index, slide in enumerate(s for s in _SLIDE_BREAK.split(text) if s.strip()):
        if index:
            pdf.add_page()
        for paragraph in paragraphs(slide):
            pdf.multi_cell(0, 5, "\n".join(line for item in paragraph.items for line in item))
            pdf.ln(2)
    pdf.output(str(target))


def _docx(source: Path, target: Path) -> None:
    """A Word version of the export as its author would write it: the export's own structure (as the text
    ingestion reads it) set with Word's means: Heading styles for the outline and for case and list
    titles, "List Bullet" paragraphs for list items, a Word table for a table."""
    import dataclasses

    from docx import Document

    from ingest.catalog import read_catalog
    from ingest.loaders import load_document
    from ingest.structure import blocks_for

    info = read_catalog(source.parent / "catalog.toml")[source.name]
    loaded = load_document(source, {source.name: dataclasses.replace(info, form="prose")}, 10**9)
    document = Document()
    outline: list[str] = []
    for block in blocks_for(loaded):
        path = block.section.split(" › ") if block.section else []
        shared = next((i for i, (a, b) in enumerate(zip(outline, path, strict=False)) if a != b), min(len(outline), len(path)))
        for level, title in enumerate(path[shared:], shared + 1):
            document.add_heading(title, level=min(level, 3))
        outline = path
        _docx_block(document, block)
    document.save(str(target))


def _docx_block(document, block) -> None:
    lines = block.text.split("\n")
    if block.kind == "case":
        single = block.municipality.endswith(" Kommune") and "," not in block.municipality
        title = f"{block.case_title} i {block.municipality}" if single else block.case_title
        document.add_heading(f"CASE #{block.case_number} {title}", level=3)
    elif block.kind == "recommendations":
        document.add_heading(lines[0].rstrip(":"), level=3)
        lines = lines[1:]
    if block.kind == "table":
        rows = [line.split(" | ") for line in lines]
        table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=False):
                cell.text = text
        return
    for line in lines:
        if line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.strip():
            document.add_paragraph(line)
