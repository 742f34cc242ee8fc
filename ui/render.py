"""Pure rendering: answers as chat Markdown, sources as HTML, chat messages back to plain text.

Nothing from a document or a question is rendered as active HTML or Markdown: HTML parts escape with
:func:`html.escape`, Markdown parts with :func:`tidlig.text.inert_markdown`.

Example::

    answer_message(answer, turn=1)          # "<div class=\"tidlig-short\">…[[1]](#kilde-1-1)…"
    turn_sources_html(answer, 1, index)     # "<section class=\"tidlig-sources-turn\" …>"
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from assistant import Answer, Citation, Turn
from index import CorpusIndex
from prompts import render
from tidlig.text import inert_markdown, plain_markdown

REFERENCES_HEADING = "**Kilder:**"
REFUSAL_TITLE = "Dokumenterne besvarer ikke spørgsmålet"
PARTIAL_TITLE = "Delvist svar – dokumenterne dækker ikke hele spørgsmålet"
MISSING_HEADING = "**Det står der ikke noget om i dokumenterne:**"
SHORT_TITLE = "**Kort svar**"
MORE_TITLE = "**Mere fra kilderne**"
MAX_EARLIER_SOURCES = 10  # earlier answers whose sources stay in the panel (collapsed)

MARKER = re.compile(r"\[(\d+)\]")
LINKED_MARKER = re.compile(r"\[\[(\d+)\]\]\(#kilde-\d+-\d+\)")
TAG = re.compile(r"<[^>]{0,300}>")
# In an answer, "[" opens only the app's own [n] markers; any other (a document's link or image
# syntax the assistant let through) and bare web addresses are escaped, so nothing is fetched.
_FOREIGN_BRACKET = re.compile(r"(?<!\\)\[(?!\d+\](?!\())")
_BARE_LINK = re.compile(r"(?<!\\)\b((?:https?|ftp):)//|(?<!\\)\b(www)\.(?=\w)", re.IGNORECASE)
# Titles the app adds to a message; removed again when a message becomes history for a follow-up.
_ADDED_TITLES = (SHORT_TITLE, MORE_TITLE, f"**{REFUSAL_TITLE}**", f"**{PARTIAL_TITLE}**", MISSING_HEADING)


def e(text: object) -> str:
    """HTML-escaped text."""
    return html.escape(str(text), quote=True)


def source_anchor(turn: int, number: int | str) -> str:
    return f"kilde-{turn}-{number}"


def defuse_links(text: str) -> str:
    """Answer Markdown with every link and image made inert except the [n] markers."""
    text = _FOREIGN_BRACKET.sub(r"\\[", text)
    return _BARE_LINK.sub(lambda m: f"{m[1]}\\/\\/" if m[1] else f"{m[2]}\\.", text)


def link_markers(text: str, turn: int) -> str:
    """Turn each [n] into a Markdown link to its source in the panel (other links made inert first)."""
    return MARKER.sub(lambda m: f"[[{m[1]}]](#{source_anchor(turn, m[1])})", defuse_links(text))


def _boxed(kind: str, body: str) -> str:
    """Markdown inside a styled block (blank lines keep the Markdown rendered inside the HTML)."""
    return f'<div class="{kind}">\n\n{body}\n\n</div>'


def answer_body(answer: Answer, turn: int) -> str:
    """The answer, short answer first when the assistant gives one, markers linked."""
    if not answer.short_answer.strip():
        return link_markers(answer.text, turn)
    body = _boxed("tidlig-short", f"{SHORT_TITLE}\n\n{link_markers(answer.short_answer, turn)}")
    more = answer.more.strip()
    if more:
        titled = more if more.startswith(MORE_TITLE) else f"{MORE_TITLE}\n\n{more}"  # the composer may title it
        body += f"\n\n{link_markers(titled, turn)}"
    return body


def missing_list(answer: Answer) -> str:
    """What the documents do not cover, as an inert Markdown list (it repeats the user's words)."""
    if not answer.missing:
        return ""
    return MISSING_HEADING + "\n" + "\n".join(f"- {inert_markdown(item)}" for item in answer.missing)


def answer_message(answer: Answer, turn: int, organisation_note: str = "") -> str:
    """The chat message for an answer: the answer first; partial answers and declines set apart with
    what is missing; the organisation's own procedure for a concern; a short reference list (so the copy
    button copies the answer with its sources)."""
    body = answer_body(answer, turn)
    missing = missing_list(answer)
    if answer.outcome == "decline":
        body = _boxed("tidlig-refusal", f"**{REFUSAL_TITLE}**\n\n{body}" + (f"\n\n{missing}" if missing else ""))
    elif answer.outcome == "partial":
        body = _boxed("tidlig-partial", f"**{PARTIAL_TITLE}**\n\n{body}" + (f"\n\n{missing}" if missing else ""))
    if organisation_note:
        body += "\n\n" + concern_box(organisation_note)
    if answer.citations:
        references = "\n".join(f"- [{c.number}] {inert_markdown(c.heading)}" for c in answer.citations)
        body = f"{body}\n\n{REFERENCES_HEADING}\n{references}"
    return body


def concern_box(note: str) -> str:
    """The organisation's own procedure (a setting), shown with a concern answer."""
    lines = "  \n".join(inert_markdown(line) for line in note.strip().splitlines())
    return _boxed("tidlig-concern", f"**I jeres organisation**\n\n{lines}")


def error_message() -> str:
    return _boxed("tidlig-error", render("error"))


def notices_html(notices: Sequence[str], error: bool = False) -> str:
    kind = "tidlig-notice tidlig-notice-error" if error else "tidlig-notice"
    return "".join(f'<div class="{kind}" role="alert">⚠️ {e(notice)}</div>' for notice in notices)


def message_text(content: Any) -> str:
    """The text of a chat message's content: a string, a list of parts or one part (Gradio 6)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("content") or "") if content.get("type", "text") == "text" else ""
    if isinstance(content, (list, tuple)):
        return "\n".join(text for text in (message_text(part) for part in content) if text)
    return str(content)


def plain_answer(content: Any) -> str:
    """An answer as shown in the chat, back to plain text with [n] markers (for follow-up questions)."""
    text = message_text(content).split(f"\n\n{REFERENCES_HEADING}", 1)[0]
    text = text.split('<div class="tidlig-concern">', 1)[0]
    text = LINKED_MARKER.sub(r"[\1]", text)
    text = TAG.sub("", text)
    for title in _ADDED_TITLES:
        text = text.replace(title, "")
    text = plain_markdown(text)
    return re.sub(r"\n{3,}", "\n\n", html.unescape(text)).strip()


def history_turns(history: Sequence[dict] | None) -> list[Turn]:
    """Chat messages (dicts with role and content) as the assistant's :class:`Turn` values."""
    turns = []
    for message in history or ():
        role = message.get("role") if isinstance(message, dict) else None
        if role == "user":
            turns.append(Turn("user", message_text(message.get("content")).strip()))
        elif role == "assistant":
            turns.append(Turn("assistant", plain_answer(message.get("content"))))
    return [turn for turn in turns if turn.content]


def answers_in(history: Sequence[dict] | None) -> int:
    return sum(1 for message in history or () if isinstance(message, dict) and message.get("role") == "assistant")


def highlight(text: str, quoted: Sequence[str]) -> str:
    """``text`` HTML-escaped, with each quoted sentence (whitespace may differ) wrapped in <mark>."""
    spans: list[tuple[int, int]] = []
    for sentence in quoted:
        words = sentence.split()
        if not words:
            continue
        match = re.search(r"\s+".join(map(re.escape, words)), text)
        if match:
            spans.append(match.span())
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, position = [], 0
    for start, end in merged:
        out.append(html.escape(text[position:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


def source_html(citation: Citation, turn: int, index: CorpusIndex | None) -> str:
    meta = [citation.publisher, str(citation.year) if citation.year else "", citation.location]
    if citation.section and citation.section not in citation.location:
        meta.append(f"afsnit: {citation.section}")
    if citation.municipality:
        meta.append(citation.municipality)
    add = (
        f'<button type="button" class="tidlig-add-quote" data-turn="{turn}" data-number="{citation.number}" '
        f'aria-label="Læg citat {citation.number} i kursusmappen">+ Læg i kursusmappen</button>'
    )
    return (
        f'<article class="tidlig-source" id="{source_anchor(turn, citation.number)}" aria-label="Kilde {citation.number}">'
        f'<div><span class="tidlig-num">[{citation.number}]</span><strong>{e(citation.title)}</strong></div>'
        f'<div class="tidlig-meta">{" · ".join(e(part) for part in meta if part)}</div>'
        f'<blockquote class="tidlig-passage">{highlight(citation.passage, citation.quoted)}</blockquote>'
        f"{_surrounding_html(citation, index)}{add}</article>"
    )


def _surrounding_html(citation: Citation, index: CorpusIndex | None) -> str:
    if index is None:
        return ""
    try:
        passages = index.surrounding(citation.chunk_id)
    except (KeyError, ValueError):  # the document was deleted or re-indexed since the answer
        return ""
    if len(passages) <= 1:
        return ""
    parts = []
    for passage in passages:
        if passage.chunk_id == citation.chunk_id:
            parts.append(f'<div class="tidlig-current">{highlight(passage.text, citation.quoted)}</div>')
        else:
            parts.append(f"<div>{html.escape(passage.text)}</div>")
    return (
        '<details class="tidlig-more"><summary>Vis hele passagen</summary>'
        f'<div class="tidlig-context">{"<hr>".join(parts)}</div></details>'
    )


def turn_sources_html(answer: Answer, turn: int, index: CorpusIndex | None) -> str:
    if not answer.citations:
        return ""
    if answer.refused:
        header = (
            f"<h3>Nærmeste kilder (svar {turn})</h3>"
            '<p class="tidlig-sources-refused">Dokumenterne besvarer ikke spørgsmålet. '
            "Her er de afsnit, der ligger tættest på – de er ikke et svar.</p>"
        )
    else:
        mode = "direkte citater fra dokumenterne" if answer.mode == "citat" else "skrevet af en sprogmodel ud fra kilderne"
        header = f'<h3>Kilder til svar {turn}</h3><p class="tidlig-meta">Svarform: {mode}.</p>'
    removed = (
        f'<p class="tidlig-meta">{len(answer.removed_sentences)} sætning(er) blev fjernet fra svaret, '
        "fordi kilderne ikke understøtter dem.</p>"
        if answer.removed_sentences
        else ""
    )
    items = "".join(source_html(citation, turn, index) for citation in answer.citations)
    return f'<section class="tidlig-sources-turn" data-turn="{turn}">{header}{removed}{items}</section>'


def sources_panel(answers: Sequence[tuple[int, Answer]], index: CorpusIndex | None) -> str:
    """The latest answer's sources, then earlier answers' sources collapsed (their markers still work).
    ``answers``: (turn, answer) pairs in conversation order."""
    rendered = [(turn, turn_sources_html(answer, turn, index)) for turn, answer in answers]
    rendered = [(turn, part) for turn, part in rendered if part]
    if not rendered:
        return empty_sources_html()
    latest = rendered[-1][1]
    earlier = "".join(
        f"<details><summary>Kilder til svar {turn}</summary>{part}</details>"
        for turn, part in reversed(rendered[-1 - MAX_EARLIER_SOURCES : -1])
    )
    return f'<div class="tidlig-sources">{latest}{earlier}</div>'


def empty_sources_html() -> str:
    return '<div class="tidlig-sources"><p class="tidlig-meta">Kilderne til svaret vises her.</p></div>'
