"""``python -m eval.calibrate``: the measurements behind the retrieval defaults.

Prints, on a question set (default: the development set), retrieval quality for dense only, BM25 only
and each hybrid fusion setting. The defaults in ``index.retrieval.FusionSettings`` were chosen from this
output (README, "Calibration") by hit@5 and mrr@10. The answerability decision is fitted and calibrated
by ``python -m eval.fit``.
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import sys
from pathlib import Path

from tidlig.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.calibrate")
    parser.add_argument("--questions", type=Path, default=None)
    args = parser.parse_args(argv)

    from assistant import Assistant, Turn
    from assistant.question import standalone_query
    from eval.dataset import BUNDLED_QUESTIONS, load_questions
    from eval.metrics import retrieval_scores
    from index import FusionSettings

    assistant = Assistant.open(load_settings())
    retriever = assistant.index.retriever
    questions = load_questions(args.questions or BUNDLED_QUESTIONS)
    queries = {q.id: standalone_query(q.question, [Turn(t.role, t.content) for t in q.history]) for q in questions}
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

    return 0


if __name__ == "__main__":
    sys.exit(main())
