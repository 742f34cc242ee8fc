"""Decide whether the retrieved passages answer the question, before anything is composed.

Two signals, calibrated on the evaluation set (README: "Calibration"):

* **Named things the documents never mention.** A municipality, name, year or figure in the question
  that occurs nowhere in the indexed text ("Odense", "2019") means the documents cannot answer it.
* **Topical coverage.** The IDF-weighted share of the question's content terms found in the best of
  the top passages (text plus heading context). Below ``min_coverage`` the passages are only near the
  topic. A question whose words are mostly unknown to the corpus (English, say) is judged on the dense
  similarity instead, since the multilingual model still matches it across languages.

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

from assistant.relevance import RelevanceScorer

NAMED_THING = re.compile(r"(?<![\w.])(?:1[89]\d\d|20\d\d)(?!\d)|(?<=[a-zæøå,] )[A-ZÆØÅ][a-zæøå]{2,}\b")
TOP_PASSAGES = 5


@dataclass(frozen=True)
class GateDecision:
    answerable: bool
    coverage: float
    missing: tuple[str, ...] = ()  # named things in the question the documents never mention
    reason: str = ""


@dataclass(frozen=True)
class GateSettings:
    min_coverage: float = 0.45
    min_dense_similarity: float = 0.82  # for questions in other words or languages
    min_known_share: float = 0.5  # below this share of known terms, trust the dense similarity


class AnswerGate:
    def __init__(self, scorer: RelevanceScorer, settings: GateSettings = GateSettings()) -> None:
        self._scorer = scorer
        self.settings = settings

    def decide(self, question: str, query_terms: Sequence[str], hits: Sequence[ScoredPassage]) -> GateDecision:
        if not hits:
            return GateDecision(False, 0.0, reason="ingen passager fundet")
        missing = self.unknown_names(question)
        if missing:
            return GateDecision(False, 0.0, missing, reason=f"ukendte navne/tal: {', '.join(missing)}")
        coverage = max(
            self._scorer.coverage(query_terms, search_text(h.passage.text, str(h.passage.metadata.get("context", ""))))
            for h in hits[:TOP_PASSAGES]
        )
        terms = set(query_terms)
        known_share = sum(self._scorer.known(t) for t in terms) / len(terms) if terms else 0.0
        if known_share < self.settings.min_known_share:
            similarity = max((h.dense_similarity or 0.0 for h in hits), default=0.0)
            answerable = similarity >= self.settings.min_dense_similarity
            return GateDecision(answerable, coverage, reason="" if answerable else "for lidt overlap med dokumenterne")
        answerable = coverage >= self.settings.min_coverage
        return GateDecision(answerable, coverage, reason="" if answerable else "passagerne dækker ikke spørgsmålet")

    def unknown_names(self, question: str) -> tuple[str, ...]:
        """Capitalised words (not sentence-initial) and years in the question that the corpus never uses."""
        found = [m.group(0) for m in NAMED_THING.finditer(question)]
        return tuple(dict.fromkeys(name for name in found if name.lower() not in self._scorer.vocabulary))
