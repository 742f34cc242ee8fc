"""Chunking: a table keeps one row per line and its header row on top of every chunk; a list keeps the debris
under it (chart labels, a chart title, a source line) out of its last item."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunking import chunk_blocks
from ingest.pipeline import prepare
from ingest.types import Block, Chunk, DocumentInfo, EvidenceUnit, LoadedDocument, Page
from ingest.units import split_units
from tidlig.text import is_fragment

HEADER = "Indsats dagtilbud Afsatte midler | 2016 | 2017 | 2018"
ROWS = [
    "Pluspladser – 2016: 527.000; 2017: 527.000; 2018: 527.000",
    "Familiepladser – 2016: 400.000; 2017: 400.000; 2018: 400.000",
    "Turn around – 2016: 1.200.000; 2017: -; 2018: -",
    "Børn og bevægelse – 2016: 1.255.800; 2017: 1.157.200; 2018: 1.080.600",
]
INFO = DocumentInfo("budget.txt", "Budget")


def words(text: str) -> int:
    return len(text.split())


PEJLEMÆRKER = (
    "KL har tre pejlemærker:\n\n- Tidlig og forebyggende indsats.\n\nDet tværprofessionelle samarbejde skal styrkes.\n\n"
    "- Helhedsorienteret indsats.\n\nBørnene skal opleve én kommune.\n\n- Målrettet indsats."
)


def test_a_list_that_fits_in_a_chunk_is_not_cut_between_chunks():
    prose = "\n\n".join(f"Sætning nummer {n} handler om noget helt andet end listen." for n in range(4))
    chunks = chunk_blocks(INFO, [Block(f"{prose}\n\n{PEJLEMÆRKER}", kind="text")], count_tokens=words, max_tokens=60)

    listed = [c for c in chunks if "pejlemærker" in c.text]
    assert len(listed) == 1 and listed[0].text.startswith("KL har tre pejlemærker:")
    assert all(item in listed[0].text for item in ("Tidlig og", "Helhedsorienteret", "Målrettet"))


def test_a_bullets_explanation_on_its_own_line_does_not_end_the_list():
    # Too long for one chunk: every chunk that goes on with the list opens with its lead-in.
    chunks = chunk_blocks(INFO, [Block(PEJLEMÆRKER, kind="text")], count_tokens=words, max_tokens=16)
    units = [u for c in chunks for u in split_units(c.chunk_id, c.text) if u.kind == "list_item"]

    assert len(chunks) > 1 and all(c.text.startswith("KL har tre pejlemærker:") for c in chunks)
    assert [u.text.split(".")[0] for u in units] == ["Tidlig og forebyggende indsats", "Helhedsorienteret indsats", "Målrettet indsats"]
    assert all(u.lead_in == "KL har tre pejlemærker:" for u in units)


def test_prose_under_a_list_that_opens_the_next_chunk_is_not_glued_to_the_lead_in():
    # Too long to join the list's chunk, short enough to follow its lead-in in the next one.
    prose = "98 pct. af de nye familier takker ja til kurset, og de fleste bliver ved med at komme."
    text = (
        "Sætning nummer et handler om noget helt andet end listen her.\n\n"
        f"Støtten sker gennem tre initiativer:\n\n- Forældreuddannelse\n- Forældrenetværk\n- Information\n\n{prose}"
    )
    chunks = chunk_blocks(INFO, [Block(text, kind="text")], count_tokens=words, max_tokens=24)
    units = [u for c in chunks for u in split_units(c.chunk_id, c.text)]

    assert len(chunks) == 2 and "- Information" in chunks[0].text
    assert chunks[1].text == prose  # not "Støtten sker gennem tre initiativer:\n98 pct. ..."
    assert prose in [u.text for u in units]


def test_a_paragraph_keeps_the_line_breaks_its_cleaning_kept():
    slide = "Regeringsinitiativer de seneste 5 år\nMinimumsnormeringer i daginstitutioner (2020)\n\nTrivselskommission (2023)"
    [chunk] = chunk_blocks(INFO, [Block(slide, "slide", "dias 14", None, 14)], words, 200)

    # The title is no wrap of the first initiative: run together, they read as one line of the list.
    assert chunk.text.splitlines()[-3:] == [
        "Regeringsinitiativer de seneste 5 år",
        "Minimumsnormeringer i daginstitutioner (2020)",
        "Trivselskommission (2023)",
    ]


def test_a_small_table_is_one_chunk_with_one_row_per_line():
    table = Block("\n".join([HEADER, *ROWS]), kind="table")
    chunks = chunk_blocks(INFO, [table], count_tokens=words, max_tokens=400)

    assert [c.text.split("\n") for c in chunks] == [[HEADER, *ROWS]]


def test_a_split_table_repeats_its_header_and_never_cuts_a_row():
    table = Block("\n".join([HEADER, *ROWS]), kind="table")
    chunks = chunk_blocks(INFO, [table], count_tokens=words, max_tokens=30)

    assert len(chunks) > 1
    for chunk in chunks:
        lines = chunk.text.split("\n")
        assert lines[0] == HEADER
        assert set(lines[1:]) <= set(ROWS)
    assert [line for c in chunks for line in c.text.split("\n")[1:]] == ROWS
    # every row unit of every chunk carries the header and is a verbatim slice of its chunk
    for chunk in chunks:
        rows = split_units(chunk.chunk_id, chunk.text, "table")[1:]
        assert rows and all(u.lead_in == HEADER and chunk.text[u.start : u.end] == u.text for u in rows)


def test_a_split_forms_labels_and_values_repeat_no_first_row():
    """A form's first label and value is no header: the chunks after the first open with their own rows."""
    fields = [f"Spørgsmål nummer {n} om barnets trivsel: svaret på spørgsmål nummer {n} i skemaet" for n in range(6)]
    chunks = chunk_blocks(INFO, [Block("\n".join(fields), kind="table")], count_tokens=words, max_tokens=40, overlap_sentences=0)

    assert len(chunks) > 1
    assert [line for c in chunks for line in c.text.split("\n")] == fields
    assert all(u.kind == "list_item" and not u.lead_in for c in chunks for u in split_units(c.chunk_id, c.text, "table"))


def test_a_blocks_headings_open_its_first_chunk_only_and_are_no_evidence_unit():
    sentences = [f"Sætning nummer {n} handler om tandplejen og socialforvaltningen." for n in range(8)]
    heading = "CASE #3 Styrket samarbejde mellem tandplejen og socialforvaltningen i Aarhus Kommune"
    case = Block("\n\n".join(sentences), kind="case", heading=heading, case_number=3)
    chunks = chunk_blocks(INFO, [case], count_tokens=words, max_tokens=45)

    assert len(chunks) > 1
    assert chunks[0].text.startswith(heading + "\n\n" + sentences[0])
    assert chunks[0].heading == heading and chunks[0].metadata["heading"] == heading
    assert all(not c.heading and heading not in c.text for c in chunks[1:])
    # the heading's room is kept free: the first chunk with its heading still fits the window
    assert all(words(c.search_text) <= 45 for c in chunks)
    units = [u for c in chunks for u in split_units(c.chunk_id, c.text, "case", c.heading)]
    assert all(heading not in u.text for u in units)
    assert [u.text for u in units if u.chunk_id == chunks[0].chunk_id][0] == sentences[0]
    assert all(c.text[u.start : u.end] == u.text for c in chunks for u in split_units(c.chunk_id, c.text, "case", c.heading))


def test_a_table_keeps_its_header_row_first_after_the_caption_heading():
    caption = "Figur 6 Karaktergennemsnit ved folkeskolens afgangsprøve"
    table = Block("\n".join([HEADER, *ROWS]), kind="table", heading=caption)
    chunk = chunk_blocks(INFO, [table], count_tokens=words, max_tokens=400)[0]

    assert chunk.text == caption + "\n\n" + "\n".join([HEADER, *ROWS])
    rows = split_units(chunk.chunk_id, chunk.text, "table", chunk.heading)
    assert [u.text for u in rows] == [HEADER, *ROWS] and rows[1].lead_in == HEADER


# ---- layout debris after a list: chart labels and chart titles are no part of the last item --------------------


def chunks_of(name: str, text: str, form: str = "prose") -> list[Chunk]:
    document = LoadedDocument(DocumentInfo(doc_id=name, title="T", form=form), (Page(1, text),), "", Path(name))
    return prepare(document, count_tokens=words, max_tokens=200).chunks


def quoted_units(name: str, form: str, text: str) -> list[tuple[str, str, bool]]:
    """(kind, text, is a fragment) of every evidence unit of the document, as the index builds them."""
    units = [u for c in chunks_of(name, text, form) for u in split_units(c.chunk_id, c.text, c.block.kind, c.heading)]
    return [(u.kind, " ".join(u.text.split()), is_fragment(u.text)) for u in units]


@pytest.mark.parametrize("name", ["pjece.txt", "pjece.pdf"])
def test_chart_labels_in_a_frame_under_a_list_are_neither_its_last_item_nor_a_sentence(name):
    # The chart beside the list is a text frame of its own: its first line is indented by exactly one
    # space, right under the last bullet without a blank line; its other labels are paragraphs.
    text = (
        "En tidlig forebyggende indsats består typisk af to elementer:\n\n"
        "•\tOpsporing\taf\tbørn\ti\ten\tsårbar\tposition\n\n"
        "•\t Samarbejde\tmed\teksterne\tfagpersoner\n"
        " Forældrenes uddannelsesniveau 63%\n"
        " Forældrenes erhvervsbaggrund\n\n"
        "Forældrenes indkomstniveau\n\n"
        "Antal eller andel børn af enlige forsørgere\n"
    )
    units = quoted_units(name, "prose", text)

    items = [unit_text for kind, unit_text, _ in units if kind == "list_item"]
    assert items == ["Opsporing af børn i en sårbar position", "Samarbejde med eksterne fagpersoner"]
    labels = [(unit_text, fragment) for kind, unit_text, fragment in units if "Forældrenes" in unit_text or "Antal" in unit_text]
    assert labels == [
        ("Forældrenes uddannelsesniveau 63%", True),
        ("Forældrenes erhvervsbaggrund", True),
        ("Forældrenes indkomstniveau", True),
        ("Antal eller andel børn af enlige forsørgere", True),
    ]


@pytest.mark.parametrize("name", ["pjece.txt", "pjece.pdf"])
def test_chart_labels_before_the_title_that_closes_their_frame_are_the_items_of_its_list(name):
    # The pamphlet prints a chart's title under the chart: the labels stand in frames of their own (one
    # space indent), the last label, the note and the title in the next one. A two-line label once read
    # as a section title, and the labels as sentences of the section above the chart.
    text = (
        "HVAD ER TIDLIG FOREBYGGENDE INDSATS?\n\n"
        "Daginstitutioner har en tidlig forebyggende indsats over for sårbare børn.\n"
        " Forældrenes uddannelsesniveau 63%\n"
        " Forældrenes erhvervsbaggrund\n\n"
        "Antal eller andel indvandrere eller efterkommere af indvandrere \nfra tredjeverdenslande\n\n"
        "Antal eller andel børn med dansk som andetsprog\n\n"
        " Der er foretaget en generel vurdering af de socioøkonomiske \nforhold\n\n"
        "Note: n=32. Kilde: Landsdækkende spørgeskemaundersøgelse.\n\n"
        "Hvilke socioøkonomiske kriterier \nanvender de?\n"
        " KORA har identificeret fire forskellige fordelingsmetoder.\n"
    )
    units = quoted_units(name, "prose", text)

    items = [unit_text for kind, unit_text, _ in units if kind == "list_item"]
    assert items == [
        "Forældrenes uddannelsesniveau 63%",
        "Forældrenes erhvervsbaggrund",
        "Antal eller andel indvandrere eller efterkommere af indvandrere fra tredjeverdenslande",
        "Antal eller andel børn med dansk som andetsprog",
        "Der er foretaget en generel vurdering af de socioøkonomiske forhold",
    ]
    chart = next(c for c in chunks_of(name, text) if "Forældrenes erhvervsbaggrund" in c.text)
    assert chart.heading == "Hvilke socioøkonomiske kriterier anvender de?"
    assert "Daginstitutioner" not in chart.text


@pytest.mark.parametrize("name", ["deck.txt", "deck.pdf"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_chart_title_in_capitals_under_a_slides_last_bullet_is_not_part_of_it(name, gap):
    bullet = "Antallet af henviste børn er steget fra 32 til 49 pr. 1.000 i perioden 2009-2019, svarende til mere end 50 pct."
    text = f"Udvikling i antal henvisninger\n\n• {bullet}{gap}HENVISTE 0-18 ÅRIGE TIL \nBØRNE- OG UNGDOMSPSYKIATRIEN"
    units = quoted_units(name, "slides", text)

    assert [unit_text for kind, unit_text, _ in units if kind == "list_item"] == [bullet]
    assert units[-1] == ("sentence", "HENVISTE 0-18 ÅRIGE TIL BØRNE- OG UNGDOMSPSYKIATRIEN", True)


def block_units(text: str, kind: str) -> list[EvidenceUnit]:
    """The evidence units of a one-block document's first chunk."""
    chunk = chunk_blocks(INFO, [Block(text, kind=kind)], count_tokens=words, max_tokens=400)[0]
    return split_units(chunk.chunk_id, chunk.text, kind)


def test_prose_after_an_item_and_a_source_line_under_it_keep_their_places():
    # A bullet explained by the paragraph under it stays one item with it (only debris is set apart),
    # and a source note under a list is no part of the last item either.
    text = (
        "- Tidlig og forebyggende indsats.\n\nDet tværprofessionelle samarbejde skal styrkes.\n\n"
        "- Anbragte har en overhyppighed i forhold til kriminalitet.\n\nKilde: KL-analyse, november 2014"
    )
    units = block_units(text, "slide")

    assert [(u.kind, u.text) for u in units] == [
        ("list_item", "Tidlig og forebyggende indsats.\nDet tværprofessionelle samarbejde skal styrkes."),
        ("list_item", "Anbragte har en overhyppighed i forhold til kriminalitet."),
        ("sentence", "Kilde: KL-analyse, november 2014"),
    ]


def test_a_flow_charts_steps_under_a_bullet_stay_with_it():
    # Arrows between steps link them to the bullet they continue: a flow chart, not chart labels.
    text = "Tre løsningsmodeller:\n\n- Flere midler bevilges\n\n⇓\n\nKommunalbestyrelsen vedtager budget 2024\n\n- Skolerne sparer"
    items = [u.text.split() for u in block_units(text, "slide") if u.kind == "list_item"]
    assert items == [["Flere", "midler", "bevilges", "⇓", "Kommunalbestyrelsen", "vedtager", "budget", "2024"], ["Skolerne", "sparer"]]


def test_a_quoted_statement_under_a_list_is_not_its_last_item():
    text = (
        "For eksempel:\n\n- At arbejde i mindre grupper\n- At styrke forældresamarbejdet\n\n"
        "… det er jo derfor, vi har tid til at ringe rundt. Det ville være umuligt før.” (Pædagog)."
    )
    units = block_units(text, "text")
    assert [u.text for u in units if u.kind == "list_item"] == ["At arbejde i mindre grupper", "At styrke forældresamarbejdet"]
    assert any(u.kind == "sentence" and u.text.startswith("… det er jo derfor") for u in units)


def test_a_footnote_is_searched_with_what_it_annotates():
    text = (
        "Kommunen har i år afsat ekstra midler til den tidlige sprogindsats4. Pengene går til dagtilbuddene.\n\n"
        "4 Beløbet er fordelt over tre år, og det meste går til sprogvejledere i de store dagtilbud."
    )
    note = next(c for c in chunks_of("r.txt", text) if c.text.startswith("4 Beløbet"))
    assert note.context == "T – note 4 til »år afsat ekstra midler til den tidlige sprogindsats«"
    assert "sprogindsats" in note.search_text and note.text.startswith("4 Beløbet er fordelt over tre år")
