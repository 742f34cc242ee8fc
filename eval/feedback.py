"""``python -m eval.feedback [FEEDBACK.jsonl] [--out FILE]``: users' comments as candidate questions.

Each commented answer becomes a question in the eval question format (``eval/dataset.py``) with empty
``gold`` and ``key_facts`` and a ``feedback`` object (rating, comment, the answer given) for the
reviewer. The strict question loader rejects that field, so a candidate cannot enter the question set
until someone has filled in gold, key facts and a reference answer and removed it.
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.feedback import FEEDBACK_FILE, read_feedback
from tidlig.logs import start

__all__ = ["feedback_to_candidates", "main"]


def feedback_to_candidates(path: Path | str) -> list[dict[str, Any]]:
    """Candidate evaluation questions from feedback with a comment, one per distinct question.

    ``kind`` and ``answerable`` mirror what the assistant did (a refusal gives ``unanswerable``);
    ``persona`` is a guess (``pedagog``): the reviewer checks both.
    """
    candidates: list[dict[str, Any]] = []
    seen: set[str] = set()
    for record in read_feedback(Path(path)):
        comment = str(record.get("comment", "")).strip()
        question = str(record.get("question", "")).strip()
        key = " ".join(question.lower().split())
        if not comment or not question or key in seen:
            continue
        seen.add(key)
        history = [{"role": "user", "content": str(q)} for q in record.get("history", []) if str(q).strip()]
        refused = bool(record.get("refused"))
        candidate: dict[str, Any] = {
            "id": f"feedback-{str(record.get('id', len(candidates)))[:8]}",
            "persona": "pedagog",
            "kind": "followup" if history else ("unanswerable" if refused else "fact"),
            "question": question,
        }
        if history:
            candidate["history"] = history
        candidate.update(
            gold=[],
            key_facts=[],
            reference_answer="",
            answerable=not refused,
            feedback={
                "rating": record.get("rating", ""),
                "comment": comment,
                "answer": record.get("answer", ""),
                "time": record.get("time", ""),
            },
        )
        candidates.append(candidate)
    return candidates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.feedback", description=__doc__.split("\n\n")[1])
    parser.add_argument("feedback", nargs="?", type=Path, default=None, help="feedback file (default: <data_dir>/feedback.jsonl)")
    parser.add_argument("--out", type=Path, default=None, help="write candidates here (JSONL); default: stdout")
    args = parser.parse_args(argv)
    settings = start()
    feedback = args.feedback or settings.data_dir / FEEDBACK_FILE
    if not feedback.is_file():
        print(f"Feedback file not found: {feedback}", file=sys.stderr)
        return 2
    lines = [json.dumps(candidate, ensure_ascii=False) for candidate in feedback_to_candidates(feedback)]
    text = "".join(line + "\n" for line in lines)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"{len(lines)} candidate questions written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
