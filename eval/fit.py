"""``python -m eval.fit``: fit the unit scorer on the train split and compare it on validation.

The unit scorer (:class:`assistant.evidence.UnitScorer`) is a logistic regression over the features of
every candidate unit of the retrieved chunks; a unit is a positive when it is part of a gold quote of an
answerable train question. The weights go to ``assistant/unit_scorer.json`` (package data), so anyone
can refit after adding documents or questions.

It prints, on validation, how often the best-scored unit is a gold unit ("gold first") and how often
one is among the best three, for the fitted model and for two simple rankings (dense similarity alone;
similarity plus IDF coverage of the question's terms).

Example::

    python -m eval.fit                 # fit on train, print the comparison, write the weights
    python -m eval.fit --dry-run       # print only
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tidlig.logs import start

# L2 penalty of the ranking model (standardised features): 0.1 to 5 ranked alike in 5-fold
# cross-validation on train (gold first 0.50, top 3 0.74-0.77), 20 worse.
L2_PENALTY = 1.0
GRADIENT_STEPS = 2000
LEARNING_RATE = 0.5
NEWTON_STEPS = 50


@dataclass
class QuestionRows:
    """The candidates of one question: feature rows and gold labels."""

    question_id: str
    split: str | None
    rows: list[dict[str, float]]
    labels: list[bool]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.fit", description="Fit the unit scorer on the train split.")
    parser.add_argument("--questions", type=Path, default=None, help="JSONL question set (default: the bundled one)")
    parser.add_argument("--dry-run", action="store_true", help="print the comparison, do not write the weights")
    args = parser.parse_args(argv)
    settings = start()

    from assistant.evidence import WEIGHTS_FILE
    from eval.dataset import BUNDLED_QUESTIONS, load_questions
    from index import CorpusIndex

    index = CorpusIndex.open(settings)
    if index.is_empty:
        print("Indekset er tomt: kør først `python -m ingest`.", file=sys.stderr)
        return 1
    questions = [q for q in load_questions(args.questions or BUNDLED_QUESTIONS) if q.answerable]
    data = collect_rows(index, questions)
    train = [q for q in data if q.split in ("train", None)]
    validation = [q for q in data if q.split == "validation"] or train
    scorer = fit_unit_scorer(train)
    print(comparison_table(validation, scorer.probabilities, split="validation" if validation is not train else "train"))
    if not args.dry_run:
        positives = sum(sum(q.labels) for q in train)
        WEIGHTS_FILE.write_text(
            scorer.to_json(trained_on={"questions": len(train), "units": sum(len(q.rows) for q in train), "positives": positives}) + "\n",
            encoding="utf-8",
        )
        print(f"Vægte skrevet til {WEIGHTS_FILE}")
    return 0


def collect_rows(index, questions) -> list[QuestionRows]:
    """Retrieve for each question as the assistant does and label its candidate units."""
    from assistant.analysis import analyse_question
    from assistant.evidence import candidate_units, unit_features
    from assistant.pipeline import RETRIEVE_K
    from assistant.question import standalone_query
    from assistant.relevance import RelevanceScorer
    from assistant.types import Turn
    from ingest.types import search_text
    from tidlig.text import content_terms

    relevance = RelevanceScorer(search_text(p.text, str(p.metadata.get("context", ""))) for p in index.passages.values())
    collected = []
    for question in questions:
        query = standalone_query(question.question, [Turn(t.role, t.content) for t in question.history])
        vector = index.retriever.embed_query(query)
        hits = index.retriever.hybrid(query, k=RETRIEVE_K, vector=vector)
        candidates = candidate_units(hits, index)
        analysis = analyse_question(query)
        rows = unit_features(vector, content_terms(query), analysis.answer_type, candidates, index, relevance)
        quotes = [g.quote for g in question.gold]
        labels = [is_gold_unit(c.unit.text, quotes) for c in candidates]
        collected.append(QuestionRows(question.id, question.split, rows, labels))
    return collected


def is_gold_unit(unit_text: str, quotes: Sequence[str]) -> bool:
    """A unit is gold when it lies inside a gold quote, holds one, or shares most of its text with one."""
    from eval.matching import longest_common_run, normalise

    unit = normalise(unit_text)
    if len(unit) < 12:
        return False
    for quote in (normalise(q) for q in quotes):
        if unit in quote or quote in unit:
            return True
        if longest_common_run(unit, quote) >= max(20, 0.6 * min(len(unit), len(quote))):
            return True
    return False


def fit_unit_scorer(questions: Sequence[QuestionRows], penalty: float = L2_PENALTY):
    """Fit the ranking, then calibrate it as a probability.

    Ranking: a conditional logit (softmax over one question's candidates, the likelihood of its gold
    units), so every question counts once however long its gold quotes are; pointwise logistic
    regression let questions with many gold units dominate and ranked worse than similarity alone.
    Calibration: a one-feature logistic regression of the gold label on the ranking score (Platt),
    so the composer's floors are probabilities.
    """
    from assistant.evidence import UnitScorer, feature_matrix

    usable = [q for q in questions if any(q.labels)]
    matrix = feature_matrix([row for q in usable for row in q.rows])
    mean, scale = matrix.mean(axis=0), matrix.std(axis=0)
    scale[scale == 0] = 1.0
    x = (matrix - mean) / scale
    gold = np.array([label for q in usable for label in q.labels], dtype=np.float64)
    starts = np.cumsum([0] + [len(q.rows) for q in usable[:-1]])
    owner = np.repeat(np.arange(len(usable)), [len(q.rows) for q in usable])
    w = np.zeros(x.shape[1])
    for _ in range(GRADIENT_STEPS):
        score = x @ w
        score -= np.maximum.reduceat(score, starts)[owner]
        weight = np.exp(score)
        everything = weight / np.add.reduceat(weight, starts)[owner]
        positives = weight * gold / np.add.reduceat(weight * gold, starts)[owner]
        gradient = x.T @ (everything - positives) / len(usable) + penalty * w / len(usable)
        w -= LEARNING_RATE * gradient
        if np.abs(gradient).max() < 1e-5:
            break
    scale_a, bias = _platt(x @ w, gold)
    return UnitScorer(mean, scale, w * scale_a, bias)


def _platt(score: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Logistic regression of the labels on one score, by Newton's method: (slope, intercept)."""
    x = np.stack([score, np.ones_like(score)], axis=1)
    w = np.zeros(2)
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        step = np.linalg.solve((x.T * (p * (1 - p))) @ x + 1e-6 * np.eye(2), x.T @ (p - labels))
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), float(w[1])


def ranking_scores(questions: Sequence[QuestionRows], score: Callable[[list[dict[str, float]]], Sequence[float]]) -> tuple[float, float, int]:
    """Share of questions (with a gold unit among the candidates) whose best unit is gold, or one of the best three."""
    first = top3 = counted = 0
    for question in questions:
        if not any(question.labels):
            continue
        counted += 1
        order = np.argsort(-np.asarray(score(question.rows), dtype=np.float64), kind="stable")
        first += question.labels[order[0]]
        top3 += any(question.labels[i] for i in order[:3])
    return (first / counted if counted else 0.0), (top3 / counted if counted else 0.0), counted


def comparison_table(questions: Sequence[QuestionRows], model: Callable[[list[dict[str, float]]], Sequence[float]], split: str) -> str:
    rankings = {
        "similarity": lambda rows: [r["similarity"] for r in rows],
        "similarity + coverage": lambda rows: [r["similarity"] + r["coverage"] for r in rows],
        "fitted unit scorer": model,
    }
    with_gold = sum(1 for q in questions if any(q.labels))
    lines = [f"Enhedsvalg på {split} ({with_gold} af {len(questions)} besvarbare spørgsmål har en guldenhed blandt kandidaterne)",
             "| rangering | guld først | guld i top 3 |", "|---|---|---|"]
    for name, ranking in rankings.items():
        first, top3, _ = ranking_scores(questions, ranking)
        lines.append(f"| {name} | {first:.2f} | {top3:.2f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
