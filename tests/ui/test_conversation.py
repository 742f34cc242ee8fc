"""The conversation download and the closing sentence of a decline without sources."""

from __future__ import annotations

from assistant import Answer
from prompts import render
from tests.ui.conftest import ANSWER
from ui.conversation import NO_SOURCES, NO_SOURCES_FILTERED, Exchange, conversation_markdown, with_closing_sentence
from ui.render import answer_message


def test_conversation_markdown_has_questions_answers_and_quoted_references():
    markdown = conversation_markdown([Exchange("Virker det? <script>x</script>", ANSWER), Exchange("Og så?", None)])
    assert "## Spørgsmål 1\n\nVirker det? \\<script\\>x\\</script\\>" in markdown
    assert "- Tidlig indsats virker & betaler sig. [1]" in markdown
    assert "[1] De udsatte børn \\<rapport\\> !\\[t\\](http:\\/\\/host/x.png) (KL, 2015), side 4. Fil: kl.txt" in markdown
    assert "> »Tidlig indsats virker & betaler sig.«" in markdown
    assert "## Spørgsmål 2" in markdown and render("error") in markdown
    assert "<script>" not in markdown and "![t](" not in markdown


def test_a_decline_without_sources_ends_with_a_sentence_not_an_empty_list():
    empty = Answer(render("refusal", missing="") + "\n\n", outcome="decline")
    assert empty.text.rstrip().endswith(":")
    closed = with_closing_sentence(empty, filtered=True)
    assert closed.text.endswith(NO_SOURCES_FILTERED) and closed.text.rstrip().endswith(".")
    assert with_closing_sentence(ANSWER, filtered=True) is ANSWER
    # The composer's short answer is what the chat shows first: it ends with the sentence too.
    short = Answer(empty.text, outcome="decline", short_answer=empty.text.strip())
    shown = answer_message(with_closing_sentence(short, filtered=False), 1)
    assert shown.split("</div>")[0].rstrip().endswith(NO_SOURCES)
