"""The values the assistant hands to the app and the evaluation: answers and their citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

AnswerMode = Literal["citat", "llm"]
# answer: the documents answer the question; partial: they answer part of it (``missing`` says what
# they lack); decline: they do not answer it (the text names the nearest topics instead).
Outcome = Literal["answer", "partial", "decline"]


@dataclass(frozen=True)
class Citation:
    """One cited passage. ``number`` is the [n] marker used in the answer text (numbered by first use)."""

    number: int
    doc_id: str
    title: str
    publisher: str
    year: int | None
    location: str  # "side 4", "dias 7", "CASE #3", ...
    passage: str  # the whole retrieved chunk text
    quoted: tuple[str, ...]  # the sentences of the passage the answer uses, verbatim
    chunk_id: str
    score: float
    section: str = ""
    case_number: int | None = None
    municipality: str = ""

    @property
    def heading(self) -> str:
        """'Title (Publisher, 2015), side 4' as plain text, without the parentheses a document with neither
        publisher nor year has nothing for (an organisation's own guide: "Handleguide ved bekymring, side 2")."""
        facts = ", ".join(part for part in (self.publisher, str(self.year or "")) if part)
        heading = f"{self.title} ({facts})" if facts else self.title
        return f"{heading}, {self.location}" if self.location else heading


@dataclass(frozen=True)
class Answer:
    """An answer in Markdown with [n] markers.

    ``text`` is the whole answer: ``short_answer`` (the lines that answer the question directly) first,
    then ``more`` (further relevant material from the sources, grouped by source) when there is any.
    A partial answer or a decline says in ``missing`` what the documents do not cover.
    """

    text: str
    citations: tuple[Citation, ...] = ()
    outcome: Outcome = "answer"
    refusal_reason: str = ""
    short_answer: str = ""
    more: str = ""
    missing: tuple[str, ...] = ()
    mode: AnswerMode = "citat"
    notices: tuple[str, ...] = ()  # Danish notices shown prominently (privacy warning, cut question, fallback)
    query: str = ""  # the standalone retrieval query actually used
    timings_ms: dict[str, float] = field(default_factory=dict)
    removed_sentences: tuple[str, ...] = ()  # LLM mode: sentences the verifier removed
    retrieved: tuple[str, ...] = ()  # chunk ids in retrieval rank order (for evaluation and debugging)

    @property
    def refused(self) -> bool:
        """A decline: the documents do not answer the question."""
        return self.outcome == "decline"


@dataclass(frozen=True)
class Turn:
    """One message of the conversation so far."""

    role: Literal["user", "assistant"]
    content: str

    def to_dict(self) -> dict[str, str]:
        return {"role": self.role, "content": self.content}
