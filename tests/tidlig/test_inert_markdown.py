"""Markdown from documents and questions is shown as text: no image, link, HTML or formatting."""

import markdown_it
import pytest

from tidlig.text import inert_markdown, plain_markdown

HOSTILE = [
    "![t](http://host/x.png)",
    "CASE #3: ![billede](https://angriber.example/spor.gif) i titlen",
    "[klik her](javascript:alert(1))",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "Se http://host/x.png og www.host.dk",
    "<http://host/autolink>",
    "# Overskrift fra et dokument",
    "**fed** og _kursiv_ og `kode`",
    "| a | b |",
    "[ref]: http://host/x.png",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_document_text_never_renders_as_an_image_link_or_html(text):
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(inert_markdown(text))
    for active in ("<img", "<a ", "<script", "<h1", "<strong", "<em", "<code", "<table"):
        assert active not in rendered, (text, rendered)


@pytest.mark.parametrize("text", HOSTILE + ["Holstebro Kommune, 2016: 25 % af børnene (ca. 1.000)"])
def test_the_escaped_text_reads_as_the_document_wrote_it(text):
    assert plain_markdown(inert_markdown(text)) == text
