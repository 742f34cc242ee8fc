"""Per-question scores and their aggregation. Definitions (also in the README):

* Matching uses :mod:`eval.matching` (join line-break hyphenation, collapse whitespace, lowercase,
  normalise spaces around "%" and thousands separators).
* A gold quote is *found* in a chunk when the normalised chunk contains the normalised quote, or when
  their longest common contiguous substring is at least half the quote's length.
* ``hit@k``: any gold quote found in the top k retrieved chunks; ``mrr@10``: 1/rank of the first such
  chunk within the top 10 (0 if none); ``gold_recall@5``: share of an item's gold quotes found in the top 5.
* ``key_fact_recall``: share of key facts present in the answer text (answerable items; a refusal
  counts as missing them all).
* ``citation_precision``: share of (sentence, citation) pairs whose cited passage supports the sentence
  (verbatim containment, else IDF-weighted term support >= the verifier's threshold).
* ``citation_recall``: share of the answer's sentences (the lead-in line and source headings excluded)
  with at least one supporting citation.
* ``gold_cited``: share of answerable items whose answer cites a chunk that contains a gold quote.
* ``unanswerable_declined`` / ``answerable_declined``: share of unanswerable / answerable items refused.
Retrieval and answer metrics are averaged over answerable items; refusal rates over their own group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from assistant.types import Answer
from assistant.verify import MARKER, CitationVerifier, answer_claims, strip_markers
from eval.dataset import Question
from eval.matching import contains_fact, quote_found
from tidlig.stats import percentile

RETRIEVAL_KEYS = ("hit@1", "hit@5", "hit@10", "mrr@10", "gold_recall@5")
ANSWER_KEYS = ("key_fact_recall", "citation_precision", "citation_recall", "gold_cited")


@dataclass
class QuestionScore:
    question: Question
    answer: Answer
    latency_ms: float
    retrieval: dict[str, float] = field(default_factory=dict)
    answer_scores: dict[str, float] = field(default_factory=dict)
    gold_ranks: list[int | None] = field(default_factory=list)
    missed_facts: list[str] = field(default_factory=list)
    cited_gold: bool = False

    def passed(self) -> dict[str, bool]:
        q = self.question
        if not q.answerable:
            return {"declined": self.answer.refused}
        return {
            "hit@5": self.retrieval.get("hit@5", 0) == 1,
            "answered": not self.answer.refused,
            "key_facts": not self.missed_facts,
            "citations_supported": self.answer_scores.get("citation_precision", 1.0) == 1.0,
            "gold_cited": self.cited_gold,
        }


def retrieval_scores(question: Question, ranked_texts: Sequence[str]) -> tuple[dict[str, float], list[int | None]]:
    """Scores of one ranked list of chunk texts against the question's gold quotes."""
    ranks: list[int | None] = []
    for gold in question.gold:
        rank = next((i for i, text in enumerate(ranked_texts[:10], 1) if quote_found(gold.quote, text)), None)
        ranks.append(rank)
    first = min((r for r in ranks if r is not None), default=None)
    found5 = sum(1 for r in ranks if r is not None and r <= 5)
    scores = {
        "hit@1": float(first is not None and first <= 1),
        "hit@5": float(first is not None and first <= 5),
        "hit@10": float(first is not None),
        "mrr@10": 1.0 / first if first else 0.0,
        "gold_recall@5": found5 / len(ranks) if ranks else 0.0,
    }
    return scores, ranks


def score_question(
    question: Question,
    answer: Answer,
    latency_ms: float,
    chunk_text: Callable[[str], str],
    verifier: CitationVerifier,
) -> QuestionScore:
    result = QuestionScore(question, answer, latency_ms)
    if not question.answerable:
        return result
    result.retrieval, result.gold_ranks = retrieval_scores(question, [chunk_text(c) for c in answer.retrieved])
    text = "" if answer.refused else answer.text
    result.missed_facts = [fact for fact in question.key_facts if not contains_fact(text, fact)]
    result.cited_gold = not answer.refused and any(
        quote_found(g.quote, c.passage) for g in question.gold for c in answer.citations
    )
    result.answer_scores = {
        "key_fact_recall": 1 - len(result.missed_facts) / len(question.key_facts) if question.key_facts else 1.0,
        "gold_cited": float(result.cited_gold),
    }
    if not answer.refused:
        result.answer_scores.update(citation_scores(answer, verifier))
    return result


def citation_scores(answer: Answer, verifier: CitationVerifier) -> dict[str, float]:
    passages = {c.number: c.passage for c in answer.citations}
    pairs = supported_pairs = sentences = supported_sentences = 0
    for sentence in answer_claims(answer.text):
        markers = tuple(int(m) for m in MARKER.findall(sentence))
        check = verifier.check_sentence(strip_markers(sentence), markers, passages)
        sentences += 1
        supported_sentences += check.supported
        pairs += len(markers)
        supported_pairs += len(check.supported_by)
    return {
        "citation_precision": supported_pairs / pairs if pairs else 0.0,
        "citation_recall": supported_sentences / sentences if sentences else 0.0,
    }


def aggregate(scores: Sequence[QuestionScore]) -> dict[str, object]:
    answerable = [s for s in scores if s.question.answerable]
    unanswerable = [s for s in scores if not s.question.answerable]
    answered = [s for s in answerable if not s.answer.refused]
    latencies = [s.latency_ms for s in scores]
    return {
        "retrieval": {key: _mean(s.retrieval.get(key, 0.0) for s in answerable) for key in RETRIEVAL_KEYS},
        "answer": {
            "key_fact_recall": _mean(s.answer_scores.get("key_fact_recall", 0.0) for s in answerable),
            "citation_precision": _mean(s.answer_scores["citation_precision"] for s in answered),
            "citation_recall": _mean(s.answer_scores["citation_recall"] for s in answered),
            "gold_cited": _mean(s.answer_scores.get("gold_cited", 0.0) for s in answerable),
        },
        "refusal": {
            "unanswerable_declined": _mean(float(s.answer.refused) for s in unanswerable),
            "answerable_declined": _mean(float(s.answer.refused) for s in answerable),
        },
        "latency_ms": {"p50": round(percentile(latencies, 0.5), 1), "p95": round(percentile(latencies, 0.95), 1)},
        "n": {"questions": len(scores), "answerable": len(answerable), "unanswerable": len(unanswerable)},
    }


def _mean(values) -> float:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else 0.0


def by_kind(scores: Sequence[QuestionScore]) -> dict[str, Mapping[str, object]]:
    kinds = sorted({s.question.kind for s in scores})
    return {kind: aggregate([s for s in scores if s.question.kind == kind]) for kind in kinds}
