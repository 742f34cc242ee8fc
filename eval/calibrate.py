"""``python -m eval.calibrate``: the measurements behind the retrieval and gate defaults.

Prints, on a question set (default: the development set), retrieval quality for dense only, BM25 only
and each hybrid fusion setting, and the two refusal rates for a range of gate coverage thresholds.
The defaults in ``index.retrieval.FusionSettings`` and ``assistant.gate.GateSettings`` were chosen
from this output (README, "Calibration"): retrieval by hit@5 and mrr@10, the gate by the number of
wrong decisions (answerable questions declined + unanswerable questions answered), since each such
mistake is equally bad for the user who asked.
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from tidlig.logs import start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.calibrate")
    parser.add_argument("--questions", type=Path, default=None)
    args = parser.parse_args(argv)
    settings = start()

    from assistant import Assistant
    from assistant.question import standalone_query
    from tidlig.text import content_terms
    from eval.dataset import BUNDLED_QUESTIONS, load_questions
    from eval.metrics import retrieval_scores
    from index import FusionSettings

    assistant = Assistant.open(settings)
    retriever = assistant.index.retriever
    questions = load_questions(args.questions or BUNDLED_QUESTIONS)
    queries = {q.id: standalone_query(q.question, q.history) for q in questions}
    answerable = [q for q in questions if q.answerable]

    def text(hit):
        return hit.passage.text

    configs = [("dense", None), ("bm25", None)] + [
        (f"hybrid {mode} w={weight} c={candidates}", FusionSettings(mode, weight, candidates))
        for mode in ("rrf", "relative")
        for weight in (0.3, 0.5, 0.6, 0.7, 0.8)
        for candidates in (20, 40)
    ]
    default = retriever.fusion
    print(f"{'retrieval':<34} hit@1  hit@5  hit@10 mrr@10  ({len(answerable)} answerable questions)")
    for name, fusion in configs:
        search = retriever.dense if name == "dense" else retriever.bm25 if name == "bm25" else retriever.hybrid
        if fusion:
            retriever.fusion = fusion
        totals = {"hit@1": 0.0, "hit@5": 0.0, "hit@10": 0.0, "mrr@10": 0.0}
        for q in answerable:
            scores, _ = retrieval_scores(q, [text(h) for h in search(queries[q.id], k=10)])
            for key in totals:
                totals[key] += scores[key]
        mark = " <- default" if fusion == default else ""
        print(f"{name:<34} " + " ".join(f"{v / len(answerable):.3f}" for v in totals.values()) + mark)
    retriever.fusion = default

    decisions = []
    for q in questions:
        hits = retriever.hybrid(queries[q.id], k=10)
        ungated = replace(assistant.gate.settings, min_coverage=0.0)
        gate = type(assistant.gate)(assistant.scorer, ungated)
        decisions.append((q.answerable, gate.decide(q.question, content_terms(queries[q.id]), hits)))
    n_answerable = sum(1 for a, _ in decisions if a)
    n_unanswerable = len(decisions) - n_answerable
    print(f"\n{'min_coverage':<13} answerable_declined unanswerable_declined wrong_decisions")
    for threshold in (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        refused = [(a, (not d.answerable) or d.coverage < threshold) for a, d in decisions]
        declined = sum(r for a, r in refused if a) / n_answerable
        caught = sum(r for a, r in refused if not a) / max(1, n_unanswerable)
        mark = " <- default" if threshold == assistant.gate.settings.min_coverage else ""
        wrong = round(declined * n_answerable + (1 - caught) * n_unanswerable)
        print(f"{threshold:<13} {declined:>19.3f} {caught:>21.3f} {wrong:>15}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
