"""``python -m eval.bench_answers``: warm end-to-end latency of citat-mode answers, split by stage.

Uses the index under the configured data folder (run ``python -m index`` first) and the questions of
the bundled evaluation set (their text only; answers are not checked here).
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import sys

from tidlig.logs import start
from tidlig.stats import percentile


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.bench_answers")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    settings = start()

    from assistant import Assistant
    from eval.dataset import BUNDLED_QUESTIONS, load_questions

    assistant = Assistant.open(settings)
    if assistant.index.is_empty:
        print("Indekset er tomt: kør først `python -m index`.", file=sys.stderr)
        return 1
    questions = load_questions(BUNDLED_QUESTIONS)
    assistant.ask(questions[0].question)  # warm-up
    stages: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for question in questions:
            answer = assistant.ask(question.question, question.history)
            for stage, ms in answer.timings_ms.items():
                stages.setdefault(stage, []).append(ms)
    print(f"{len(stages['total'])} answers ({len(questions)} questions x {args.rounds} rounds), warm")
    for stage, values in stages.items():
        print(f"{stage:<11} p50 {percentile(values, 0.5):7.1f} ms   p95 {percentile(values, 0.95):7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
