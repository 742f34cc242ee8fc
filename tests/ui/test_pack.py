"""The course pack: add, reorder, remove; DOCX and Markdown with numbered notes and a reference list."""

from __future__ import annotations

import io
from dataclasses import replace

from assistant import Answer
from tests.ui.conftest import ANSWER, CITATION, REFUSAL
from ui.conversation import Exchange
from ui.pack import add_answer, add_quote, move, pack_docx, pack_markdown, remove

SECOND = replace(CITATION, number=2, doc_id="viborg.pdf", title="Viborg-modellen", publisher="Viborg Kommune", year=2019,
                 location="dias 7", quoted=("Alle børn screenes tre gange om året.",), chunk_id="v-1")  # fmt: skip
TWO_SOURCES = Answer("Tidlig indsats betaler sig. [1]\n\n- Alle børn screenes tre gange om året. [2]", (CITATION, SECOND))


def three_items() -> list:
    pack = add_answer([], Exchange("Hvad virker?", ANSWER))
    pack = add_answer(pack, Exchange("Hvad gør Viborg?", TWO_SOURCES))
    return add_quote(pack, SECOND)


def test_add_reorder_and_remove():
    pack = three_items()
    assert [item.kind for item in pack] == ["answer", "answer", "quote"]
    assert add_answer(pack, Exchange("Hvad virker?", ANSWER)) == pack  # no duplicates
    assert add_answer(pack, Exchange("Odense?", REFUSAL)) == pack  # a decline is not course material
    moved = move(pack, 2, -1)
    assert [item.heading for item in moved] == ["Hvad virker?", "Viborg-modellen", "Hvad gør Viborg?"]
    assert move(pack, 0, -1) == pack
    assert [item.heading for item in remove(moved, 0)] == ["Viborg-modellen", "Hvad gør Viborg?"]
    assert pack[2].text == "Alle børn screenes tre gange om året. [1]"


def test_markdown_has_footnotes_per_quote_and_a_reference_list():
    markdown = pack_markdown(three_items(), "Modul 1: tidlig indsats")
    assert markdown.startswith("# Modul 1: tidlig indsats\n")
    assert "## 1. Spørgsmål: Hvad virker?" in markdown and "## 3. Citat fra: Viborg-modellen" in markdown
    assert "betaler sig.[^1]" in markdown and "tre gange om året.[^3]" in markdown and "[^4]" in markdown
    assert "[^3]: Viborg-modellen. Viborg Kommune, 2019, dias 7." in markdown
    references = markdown.split("## Litteratur", 1)[1]
    assert references.count("\n- ") == 2 and "Viborg Kommune (2019): Viborg-modellen. Fil: viborg.pdf" in references
    assert "![t](" not in markdown and "<rapport>" not in markdown


def test_docx_reads_back_as_course_material():
    from docx import Document

    document = Document(io.BytesIO(pack_docx(three_items(), "Modul 1")))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    texts = [text for _, text in paragraphs]
    assert texts[0] == "Modul 1" and document.core_properties.title == "Modul 1"
    assert ("Heading 1", "1. Spørgsmål: Hvad virker?") in paragraphs
    assert ("Heading 1", "3. Citat fra: Viborg-modellen") in paragraphs
    assert ("List Bullet", "Tidlig indsats virker & betaler sig.1") in paragraphs
    quote = next(p for p in document.paragraphs if p.style.name == "Quote")
    assert quote.text == "Alle børn screenes tre gange om året.4"
    assert quote.runs[-1].font.superscript and quote.runs[-1].text == "4"
    notes = texts[texts.index("Noter") + 1 : texts.index("Litteratur")]
    assert notes == [
        "1. De udsatte børn <rapport> ![t](http://host/x.png). KL, 2015, side 4.",
        "2. De udsatte børn <rapport> ![t](http://host/x.png). KL, 2015, side 4.",
        "3. Viborg-modellen. Viborg Kommune, 2019, dias 7.",
        "4. Viborg-modellen. Viborg Kommune, 2019, dias 7.",
    ]
    assert texts[texts.index("Litteratur") + 1 :] == [
        "KL (2015): De udsatte børn <rapport> ![t](http://host/x.png). Fil: kl.txt",
        "Viborg Kommune (2019): Viborg-modellen. Fil: viborg.pdf",
    ]


def test_a_nested_list_keeps_its_levels_in_docx():
    from docx import Document

    nested = Answer("Kort svar:\n\n- Tre årsager: [1]\n  - For få voksne [1]\n  - Pressede forældre [1]", (CITATION,))
    document = Document(io.BytesIO(pack_docx(add_answer([], Exchange("Hvorfor?", nested)), "Modul")))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("List Bullet", "Tre årsager:1") in paragraphs
    assert ("List Bullet 2", "For få voksne2") in paragraphs and ("List Bullet 2", "Pressede forældre3") in paragraphs
