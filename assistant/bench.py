"""``python -m assistant.bench``: warm end-to-end latency of citat-mode answers, split by stage.

Uses the index under the configured data folder (run ``python -m ingest`` first) and the questions of
the bundled evaluation set (their text only; answers are not checked here).
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import statistics
import sys

from tidlig.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.bench")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    from assistant import Assistant, Turn
    from eval.dataset import BUNDLED_QUESTIONS, load_questions

    assistant = Assistant.open(load_settings())
    if assistant.index.is_empty:
        print("Indekset er tomt: kør først `python -m ingest`.", file=sys.stderr)
        return 1
    questions = load_questions(BUNDLED_QUESTIONS)
    assistant.ask(questions[0].question)  # warm-up
    stages: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for question in questions:
            answer = assistant.ask(question.question, [Turn(t.role, t.content) for t in question.history])
            for stage, ms in answer.timings_ms.items():
                stages.setdefault(stage, []).append(ms)
    print(f"{len(stages['total'])} answers ({len(questions)} questions x {args.rounds} rounds), warm")
    for stage, values in stages.items():
        values.sort()
        p95 = values[int(len(values) * 0.95) - 1]
        print(f"{stage:<11} p50 {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
