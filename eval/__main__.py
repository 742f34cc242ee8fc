"""``python -m eval [--questions FILE] [--split train|validation] [--out DIR] [--mode citat|llm] [--baseline]
[--documents DIR]``.

``--baseline`` also scores two retrieval baselines on the same questions (see :mod:`eval.baseline`).
``--documents DIR`` evaluates the questions on the bundled corpus with the documents under DIR added, as an
organisation adds its own PDF and Word files: they are indexed with the corpus in an index of their own
(see :mod:`eval.added`), so the app's index is never touched, and the baselines read the same files.
``eval/unseen/`` holds two such sets (see its README).
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from eval.added import index_with_documents
from tidlig.logs import start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description="Evaluate answer fidelity on a question set.")
    parser.add_argument("--questions", type=Path, default=None, help="JSONL question set (default: the bundled one)")
    parser.add_argument(
        "--split", choices=("train", "validation"), default=None,
        help="evaluate one split (default: the whole set; a set without split fields is always evaluated whole)",
    )
    parser.add_argument("--out", type=Path, default=Path("data/eval"), help="report folder")
    parser.add_argument("--mode", choices=("citat", "llm"), default=None, help="answer mode (default: settings)")
    parser.add_argument(
        "--baseline", action="store_true", help="also score the llama-index default and the simple hybrid recipe on the same questions",
    )
    parser.add_argument(
        "--documents", type=Path, default=None,
        help="a folder of documents to evaluate beside the bundled corpus, in an index of their own",
    )
    args = parser.parse_args(argv)
    settings = start(**({"answer_mode": args.mode} if args.mode else {}))
    if args.documents is not None and not args.documents.is_dir():
        print(f"Dokumentmappen findes ikke: {args.documents}", file=sys.stderr)
        return 2
    import logging

    logging.getLogger("assistant").setLevel(logging.WARNING)  # one line per question would drown the bar

    from assistant import Assistant
    from eval.baseline import Baseline, build_baselines
    from eval.dataset import BUNDLED_QUESTIONS, has_splits, load_questions, select_split
    from eval.report import markdown_report, write_reports
    from eval.runner import run_evaluation
    from index.embedding_cache import EmbeddingCache

    try:
        questions = load_questions(args.questions or BUNDLED_QUESTIONS)
    except (OSError, ValueError) as exc:
        print(f"Spørgsmålsfilen kan ikke læses: {exc}", file=sys.stderr)
        return 2
    split = args.split if has_splits(questions) else None
    if args.split and split is None:
        print("Spørgsmålsfilen har ingen split-felter: hele sættet evalueres.", file=sys.stderr)
    questions = select_split(questions, split)
    added = (args.documents,) if args.documents is not None else ()
    if added:
        settings = index_with_documents(settings, args.documents)
    assistant = Assistant.open(settings)
    if assistant.index.is_empty:
        print("Indekset er tomt: kør først `python -m index`.", file=sys.stderr)
        return 1
    baselines: tuple[Baseline, ...] = ()
    if args.baseline:
        cache = EmbeddingCache(settings.embedding_cache)
        baselines = build_baselines(settings.corpus_dir, assistant.index.embedder, cache, *added)
        cache.close()
    with tqdm(total=len(questions), desc="Evaluerer", unit="spm") as bar:
        result = run_evaluation(assistant, questions, baselines, split=split, progress=bar.update)
    write_reports(args.out, result.report, result.scores)
    print(markdown_report(result.report))
    print(f"Rapport skrevet til {args.out}/ (report.json, report.md, answers.jsonl)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
