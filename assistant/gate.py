"""Decide whether the retrieved passages answer the question, before anything is composed.

Two signals, calibrated on the evaluation set (README: "Calibration"):

* **Named things the documents never mention.** A municipality, name, year or figure in the question
  that occurs nowhere in the indexed text ("Odense", "2019") means the documents cannot answer it.
* **Topical coverage.** The IDF-weighted share of the question's content terms found in the best of
  the top passages (text plus heading context). Below ``min_coverage`` the passages are only near the
  topic. A question in English is judged on the dense similarity instead, since the multilingual
  model still matches it across languages while its words do not occur in the Danish documents.

Example::

    gate = AnswerGate(scorer)
    decision = gate.decide(question, query_terms, hits)
    decision.answerable, decision.missing
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index import ScoredPassage
from ingest.types import search_text
from tidlig.text import YEAR, proper_nouns

from assistant.relevance import RelevanceScorer

TOP_PASSAGES = 5
ENGLISH_WORDS = {"the", "what", "how", "does", "do", "is", "are", "which", "about", "and", "of", "for", "with", "should", "can", "why", "when", "who"}


def is_english(question: str) -> bool:
    words = re.findall(r"[a-z]+", question.lower())
    return len(words) >= 3 and sum(word in ENGLISH_WORDS for word in words) / len(words) >= 0.2


@dataclass(frozen=True)
class GateDecision:
    answerable: bool
    coverage: float
    missing: tuple[str, ...] = ()  # named things in the question the documents never mention
    reason: str = ""


@dataclass(frozen=True)
class GateSettings:
    min_coverage: float = 0.15  # python -m eval.calibrate: fewest wrong decisions on the development set
    min_dense_similarity: float = 0.82  # for questions in English


class AnswerGate:
    def __init__(self, scorer: RelevanceScorer, settings: GateSettings = GateSettings()) -> None:
        self._scorer = scorer
        self.settings = settings

    def decide(self, question: str, query_terms: Sequence[str], hits: Sequence[ScoredPassage]) -> GateDecision:
        if not hits:
            return GateDecision(False, 0.0, reason="ingen passager fundet")
        texts = [search_text(h.passage.text, str(h.passage.metadata.get("context", ""))) for h in hits[:TOP_PASSAGES]]
        # Years are looked up in the passage text only: the heading context carries publication dates.
        missing = self.unknown_names(question) + self.absent_years(question, [h.passage.text for h in hits[:TOP_PASSAGES]])
        if missing:
            return GateDecision(False, 0.0, missing, reason=f"ukendte navne/årstal: {', '.join(missing)}")
        coverage = max(self._scorer.coverage(query_terms, text) for text in texts)
        if is_english(question):
            # English words rarely occur in the Danish documents; the multilingual model still matches
            # the meaning, so the dense similarity decides.
            similarity = max((h.dense_similarity or 0.0 for h in hits), default=0.0)
            answerable = similarity >= self.settings.min_dense_similarity
            return GateDecision(answerable, coverage, reason="" if answerable else "for lidt overlap med dokumenterne")
        answerable = coverage >= self.settings.min_coverage
        return GateDecision(answerable, coverage, reason="" if answerable else "passagerne dækker ikke spørgsmålet")

    def unknown_names(self, question: str) -> tuple[str, ...]:
        """Names in the question that the corpus never uses, in any inflection ("Hedensteds" is known)."""
        names = proper_nouns(question)
        return tuple(dict.fromkeys(name for name in names if not self._scorer.knows_word(name)))

    @staticmethod
    def absent_years(question: str, texts: Sequence[str]) -> tuple[str, ...]:
        """Years asked about that none of the best passages mention: figures for that year are not there."""
        years = dict.fromkeys(m.group(0) for m in YEAR.finditer(question))
        return tuple(year for year in years if not any(year in text for text in texts))
