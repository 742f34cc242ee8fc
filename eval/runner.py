"""Run a question set through ``Assistant.ask`` and score it (see :mod:`eval.metrics` for definitions).

Example::

    result = run_evaluation(assistant, select_split(load_questions(path), "validation"), baselines)
    result.report["retrieval"]["hit@5"], result.report["baselines"]["simpel-hybrid"]["hit@5"]
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant import Assistant, Turn
from eval.baseline import Baseline
from eval.dataset import Question
from eval.metrics import QuestionScore, aggregate, by_kind, retrieval_scores, score_question


@dataclass
class EvaluationResult:
    report: dict[str, object]
    scores: list[QuestionScore]


def run_evaluation(
    assistant: Assistant,
    questions: Sequence[Question],
    baselines: Sequence[Baseline] = (),
    split: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> EvaluationResult:
    """Ask every question, score it, aggregate. Each baseline's retrieval is scored on the same
    questions (``report["baselines"][name]``). ``split`` names the split the questions were selected
    from (None: the whole set) and is recorded in the report."""
    scores = []
    for question in questions:
        history = [Turn(turn.role, turn.content) for turn in question.history]
        started = time.perf_counter()
        answer = assistant.ask(question.question, history=history)
        latency = (time.perf_counter() - started) * 1000
        scores.append(score_question(question, answer, latency, _chunk_text(assistant), assistant.verifier))
        if progress:
            progress(1)
    report = aggregate(scores)
    report["split"] = split or "alle"
    report["by_kind"] = by_kind(scores)
    if baselines:
        report["baselines"] = {baseline.name: baseline_retrieval(baseline, questions) for baseline in baselines}
    return EvaluationResult(report, scores)


def baseline_retrieval(baseline: Baseline, questions: Sequence[Question]) -> dict[str, float]:
    answerable = [q for q in questions if q.answerable]
    totals: dict[str, float] = {}
    for question in answerable:
        scores, _ = retrieval_scores(question, baseline.retrieve(question.question))
        for key, value in scores.items():
            totals[key] = totals.get(key, 0.0) + value
    return {key: round(value / len(answerable), 4) for key, value in totals.items()} if answerable else {}


def _chunk_text(assistant: Assistant) -> Callable[[str], str]:
    passages = assistant.index.passages
    return lambda chunk_id: passages[chunk_id].text if chunk_id in passages else ""
