"""Write the evaluation's report.json, report.md and answers.jsonl."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from eval.metrics import ANSWER_KEYS, FORM_KEYS, RETRIEVAL_KEYS, QuestionScore


def write_reports(out: Path, report: Mapping[str, Any], scores: Sequence[QuestionScore]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "report.md").write_text(markdown_report(report), encoding="utf-8")
    with (out / "answers.jsonl").open("w", encoding="utf-8") as handle:
        for score in scores:
            handle.write(json.dumps(answer_record(score), ensure_ascii=False) + "\n")


def retrieval_table(report: Mapping[str, Any]) -> list[str]:
    """The system's retrieval metrics beside each baseline's, with the ratio system / baseline."""
    baselines: Mapping[str, Mapping[str, float]] = report.get("baselines") or {}
    header = "| metrik | system |" + "".join(f" {name} | forhold |" for name in baselines)
    lines = [header, "|---|---|" + "---|---|" * len(baselines)]
    for key in RETRIEVAL_KEYS:
        system = report["retrieval"][key]
        cells = "".join(f" {scores[key]:.3f} | {_ratio(system, scores[key])} |" for scores in baselines.values())
        lines.append(f"| {key} | {system:.3f} |{cells}")
    return lines


def _ratio(system: float, baseline: float) -> str:
    return f"{system / baseline:.2f}x" if baseline else "–"


def answer_record(score: QuestionScore) -> dict[str, object]:
    answer = score.answer
    return {
        "id": score.question.id,
        "kind": score.question.kind,
        "question": score.question.question,
        "query": answer.query,
        "mode": answer.mode,
        "refused": answer.refused,
        "refusal_reason": answer.refusal_reason,
        "outcome": answer.outcome,
        "answer_form": score.form,
        "notices": list(answer.notices),
        "removed_sentences": list(answer.removed_sentences),
        "answer": answer.text,
        "citations": [
            {k: v for k, v in asdict(c).items() if k in ("number", "doc_id", "location", "chunk_id", "quoted", "score")}
            for c in answer.citations
        ],
        "gold_ranks": score.gold_ranks,
        "missed_key_facts": score.missed_facts,
        "scores": {**score.retrieval, **score.answer_scores},
        "pass": score.passed(),
        "latency_ms": round(score.latency_ms, 1),
    }


def markdown_report(report: Mapping[str, Any]) -> str:
    split = report.get("split", "alle")
    scope = "hele sættet" if split == "alle" else f"split: {split}"
    lines = [f"# Evaluering ({report['n']['questions']} spørgsmål, {scope})", "", "## Genfinding", ""]
    lines += retrieval_table(report)
    lines += ["", "## Svar", "", "| metrik | værdi |", "|---|---|"]
    lines += [f"| {key} | {report['answer'][key]:.3f} |" for key in ANSWER_KEYS]
    lines += [f"| {key} | {value:.3f} |" for key, value in report["refusal"].items()]
    lines += [f"| latens p50 / p95 (ms) | {report['latency_ms']['p50']} / {report['latency_ms']['p95']} |", ""]
    form = report["answer_form"]
    lines += ["## Svarform", "", "| fejl | antal |", "|---|---|"]
    lines += [f"| {key} | {form[key]} |" for key in FORM_KEYS]
    lines += ["", "Median antal tegn pr. type: " + ", ".join(f"{kind} {chars}" for kind, chars in form["median_chars"].items()), ""]
    lines += [
        "## Per spørgsmålstype",
        "",
        "| type | n | hit@5 | key_fact_recall | citation_precision | afvist |",
        "|---|---|---|---|---|---|",
    ]
    for kind, block in report["by_kind"].items():
        declined = block["refusal"]["unanswerable_declined"] if kind == "unanswerable" else block["refusal"]["answerable_declined"]
        lines.append(
            f"| {kind} | {block['n']['questions']} | {block['retrieval']['hit@5']:.2f} | "
            f"{block['answer']['key_fact_recall']:.2f} | {block['answer']['citation_precision']:.2f} | {declined:.2f} |"
        )
    return "\n".join(lines) + "\n"
