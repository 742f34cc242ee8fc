"""What a session holds of its conversation, and the conversation as a Markdown download.

Example::

    exchange = Exchange("Hvad gør Viborg?", answer)
    conversation_markdown([exchange])   # "# Samtale med tidlig (…)\n\n## Spørgsmål 1 …"
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from assistant import Answer
from prompts import load, render
from tidlig.text import inert_markdown
from ui.render import REFUSAL_TITLE, defuse_links

NO_SOURCES = "Der er ingen tekst i dokumenterne, der ligger tæt på spørgsmålet."
NO_SOURCES_FILTERED = (
    "Der er ingen tekst i de valgte dokumenter, der ligger tæt på spørgsmålet. "
    "Fjern afgrænsningen for at søge i alle dokumenter."
)


@dataclass(frozen=True)
class Exchange:
    """One question and its outcome. ``question`` is already redacted; ``answer`` is None after an error."""

    question: str
    answer: Answer | None
    history: tuple[str, ...] = ()  # the (redacted) earlier questions it followed
    concern: bool = False  # a worry about a child: shown with the organisation's contact


def with_closing_sentence(answer: Answer, filtered: bool) -> Answer:
    """A decline with no nearest sources ends with a sentence saying so, not with an empty list."""
    if not answer.refused or answer.citations:
        return answer
    note = NO_SOURCES_FILTERED if filtered else NO_SOURCES
    # The chat shows the short answer when there is one, so the sentence goes there as well as into the text.
    short = f"{answer.short_answer.rstrip()}\n\n{note}" if answer.short_answer.strip() else answer.short_answer
    return replace(answer, text=f"{answer.text.rstrip()}\n\n{note}", short_answer=short)


def answered(exchanges: Sequence[Exchange]) -> list[tuple[int, Answer]]:
    """(turn, answer) of the exchanges that have an answer; turns count every exchange."""
    return [(turn, exchange.answer) for turn, exchange in enumerate(exchanges, 1) if exchange.answer is not None]


def conversation_markdown(exchanges: Sequence[Exchange], when: datetime | None = None) -> str:
    """The conversation for download: questions, answers and every reference with its quoted passages.
    Text from documents and users is inert Markdown (no links, images or HTML)."""
    when = when or datetime.now()
    lines = [f"# Samtale med tidlig ({when:%d.%m.%Y kl. %H:%M})", "", f"> {load('ui_footer')}", ""]
    for number, exchange in enumerate(exchanges, 1):
        lines += [f"## Spørgsmål {number}", "", inert_markdown(exchange.question), ""]
        answer = exchange.answer
        if answer is None:
            lines += ["### Svar", "", render("error"), ""]
            continue
        lines += ["### Svar" if not answer.refused else f"### Svar – {REFUSAL_TITLE.lower()}", ""]
        lines += [f"> {inert_markdown(notice)}" for notice in answer.notices] + ([""] if answer.notices else [])
        lines += [defuse_links(html.unescape(answer.text)), ""]
        if answer.missing:
            lines += ["Det står der ikke noget om i dokumenterne:", ""]
            lines += [f"- {inert_markdown(item)}" for item in answer.missing] + [""]
        if answer.citations:
            lines += ["### Kilder" if not answer.refused else "### Nærmeste kilder", ""]
        for citation in answer.citations:
            lines.append(f"[{citation.number}] {inert_markdown(citation.heading)}. Fil: {inert_markdown(citation.doc_id)}")
            for quoted in citation.quoted or (citation.passage,):
                lines.append(f"> »{inert_markdown(' '.join(quoted.split()))}«")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
