"""Rendering of answers and sources: answer first, declines and partial answers set apart, inert titles."""

from __future__ import annotations

import re

from assistant import Answer
from prompts import render
from tests.ui.conftest import ANSWER, CITATION, REFUSAL
from ui import render as r


def test_highlight_escapes_and_marks_quoted_sentences_across_line_breaks():
    marked = r.highlight(CITATION.passage, CITATION.quoted)
    assert marked == "Første sætning.\n<mark>Tidlig indsats\nvirker &amp; betaler sig.</mark> Sidste sætning."
    assert r.highlight("<script>x</script>", ()) == "&lt;script&gt;x&lt;/script&gt;"


def test_answer_message_links_markers_and_reads_back_as_plain_text():
    message = r.answer_message(ANSWER, 3)
    assert "[[1]](#kilde-3-1)" in message
    # The title's HTML and image syntax are inert in the reference list.
    assert "- [1] De udsatte børn \\<rapport\\> !\\[t\\](http:\\/\\/host/x.png) (KL, 2015), side 4" in message
    assert "![t](" not in message and "<rapport>" not in message
    assert r.plain_answer(message) == "Her er, hvad dokumenterne siger om det:\n\n- Tidlig indsats virker & betaler sig. [1]"
    refusal = r.answer_message(REFUSAL, 1)
    assert 'class="tidlig-refusal"' in refusal and r.REFUSAL_TITLE in refusal
    assert r.plain_answer(refusal) == "Dokumenterne besvarer ikke dit spørgsmål.\n\n- De udsatte børn [1]"


def test_short_answer_comes_first_and_the_rest_follows():
    answer = Answer(
        "Kort. [1]\n\nMere tekst. [1]", (CITATION,), short_answer="Tidlig indsats betaler sig. [1]", more="Mere tekst. [1]"
    )
    message = r.answer_message(answer, 1)
    assert message.startswith('<div class="tidlig-short">')
    assert message.index("Tidlig indsats betaler sig.") < message.index(r.MORE_TITLE) < message.index("Mere tekst.")
    assert r.plain_answer(message).startswith("Tidlig indsats betaler sig. [1]")
    # Without a short answer (the assistant has not filled it) the whole text is shown.
    assert r.answer_message(ANSWER, 1).startswith("Her er, hvad dokumenterne siger om det:")


def test_partial_answers_and_declines_say_what_is_missing():
    partial = Answer("Viborg screener børn. [1]", (CITATION,), outcome="partial", missing=("hvad det kostede", "![x](http://h/y.png)"))
    message = r.answer_message(partial, 1)
    assert message.startswith('<div class="tidlig-partial">') and r.PARTIAL_TITLE in message
    assert r.MISSING_HEADING in message and "- hvad det kostede" in message
    assert "![x](" not in message  # the user's words are inert too
    decline = Answer("Dokumenterne besvarer ikke dit spørgsmål.", outcome="decline", missing=("Odense",))
    assert "- Odense" in r.answer_message(decline, 1) and r.REFUSAL_TITLE in r.answer_message(decline, 1)
    assert r.plain_answer(message).split("\n\n")[0] == "Viborg screener børn. [1]"


def test_links_and_images_in_answer_text_are_defused_but_markers_link():
    answer = Answer("Se ![t](http://host/x.png) og [klik](http://a.dk) www.b.dk [1]", (CITATION,))
    body = r.answer_body(answer, 2)
    assert "[[1]](#kilde-2-1)" in body
    assert "!\\[t](" in body and "\\[klik](" in body  # shown as written, not as an image or a link
    assert not re.search(r"(?<!\\)\[(?:t|klik)\]", body) and "http://" not in body and "www.b" not in body


def test_history_accepts_strings_and_gradio_6_part_lists():
    history = [
        {"role": "user", "content": [{"type": "text", "text": "Hvad gør Holstebro?"}]},
        {"role": "assistant", "content": [{"type": "text", "text": r.answer_message(ANSWER, 1)}]},
        {"role": "user", "content": "Virkede det?"},
        {"role": "assistant", "content": r.error_message()},
    ]
    turns = r.history_turns(history)
    assert [(t.role, t.content[:20]) for t in turns] == [
        ("user", "Hvad gør Holstebro?"),
        ("assistant", "Her er, hvad dokumen"),
        ("user", "Virkede det?"),
        ("assistant", render("error")[:20]),
    ]
    assert r.answers_in(history) == 2


def test_sources_panel_shows_the_latest_answer_open_and_earlier_ones_collapsed():
    panel = r.sources_panel([(1, ANSWER), (3, REFUSAL)], index=None)
    assert panel.index('id="kilde-3-1"') < panel.index("<details><summary>Kilder til svar 1</summary>")
    assert 'id="kilde-1-1"' in panel and "Nærmeste kilder" in panel
    assert "De udsatte børn &lt;rapport&gt;" in panel and "<rapport>" not in panel
    assert 'class="tidlig-add-quote" data-turn="3" data-number="1"' in panel  # "+ Læg i kursusmappen"


def test_concern_box_is_inert():
    box = r.concern_box("Ring til familierådgivningen: 12 34 56 78\n<b>[her](http://x.dk)</b>")
    assert "12 34 56 78" in box and "<b>" not in box and "[her](" not in box
