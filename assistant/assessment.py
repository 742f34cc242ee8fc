"""What the pipeline knows about a question before composing its answer.

Example::

    assessment = assistant.assess("Hvad er Familiestuen?")
    assessment.decision.outcome, assessment.hits[0].passage.location
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.analysis import (
    QuestionAnalysis,
)
from assistant.answerability import Decision, Found
from index import PassageFilter, ScoredPassage


__all__ = ["Assessment"]


@dataclass(frozen=True)
class Assessment:
    """What the pipeline knows about a question before composing: its analysis, what retrieval found
    (overall, and per part / guidance topic) and the answerability decision."""

    query: str
    vector: tuple[float, ...]  # the query's embedding
    analysis: QuestionAnalysis
    found: Found
    parts: tuple[Found, ...]
    guidance: tuple[Found, ...]
    decision: Decision
    case_examples: Found | None = None  # the best case-example passages, when several examples are asked for
    guidance_order: tuple[int, ...] = ()  # a concern answer's guidance topics in the order they are shown
    asked_guidance: tuple[int, ...] = ()  # the guidance topics the worry asks for (see asked_guidance)
    filters: PassageFilter | None = None  # the passages the question was asked of (any further search stays within them)
    documents: tuple[str, ...] = ()  # the titles of the documents whose content as a whole is asked for
    said: str = ""  # for a follow-up, what the conversation's last answer said (see assistant.compose)

    @property
    def hits(self) -> tuple[ScoredPassage, ...]:
        return self.found.hits
