"""``python -m eval.fit``: fit the assistant's learnt parts on the train split and write them beside the code.

**Answerability** (``assistant/answerability.json``): a logistic model over the answerability signals.
Positives are the answerable train questions; negatives are the unanswerable train questions plus
generated near-misses, which look on-topic but cannot be answered:

* *a document removed*: the index is rebuilt without one document (in a temporary folder, with the same
  embedding cache, so nothing is embedded again) and the train questions answered only by that document
  are asked of it;
* *a detail swapped*: a train question's year, name (municipality, programme) or figure is replaced by
  one the documents never mention.

The decision threshold is then chosen on the validation split: the highest one that keeps answerable
questions declined at most ``MAX_ANSWERABLE_DECLINED``. The printed table shows the trade-off.

Example::

    python -m eval.fit              # refit after adding documents or questions
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import re
import sys
import tempfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from tidlig.logs import start
from tidlig.settings import Settings

if TYPE_CHECKING:
    from assistant import Assistant
    from assistant.answerability import AnswerabilityModel
    from eval.dataset import Question

MAX_ANSWERABLE_DECLINED = 0.03
L2 = 1.0  # ridge penalty on the standardised weights: few examples per feature
# Danish municipalities used to make "swapped name" near-misses; only those the documents never mention
# are used, so the swapped question is unanswerable by construction.
MUNICIPALITIES = (
    "Gribskov", "Assens", "Faaborg-Midtfyn", "Lolland", "Tønder", "Vordingborg", "Skive", "Lemvig", "Halsnæs",
    "Kalundborg", "Rebild", "Vesthimmerland", "Fanø", "Samsø", "Stevns", "Jammerbugt", "Furesø", "Ikast-Brande",
)


@dataclass(frozen=True)
class Example:
    """One question's answerability signals and whether the documents answer it."""

    source: str  # "train", "validation", "removed:<doc>", "swapped:<what>"
    question: str
    features: np.ndarray
    answerable: bool


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.fit")
    parser.add_argument("--questions", type=Path, default=None)
    args = parser.parse_args(argv)
    settings = start(log_level="WARNING")
    from eval.dataset import BUNDLED_QUESTIONS, load_questions

    questions = load_questions(args.questions or BUNDLED_QUESTIONS)
    fit_answerability(settings, questions)
    return 0


# ---- answerability ----------------------------------------------------------------------------------


def fit_answerability(settings: Settings, questions: Sequence[Question], out: Path | None = None) -> AnswerabilityModel:
    """Fit on train (+ near-misses), choose the threshold on validation, save and print the figures."""
    from assistant import Assistant
    from assistant.answerability import MODEL_FILE, AnswerabilityModel, Signals
    from index import CorpusIndex

    train = [q for q in questions if q.split in ("train", None)]
    validation = [q for q in questions if q.split == "validation"] or train
    neutral = AnswerabilityModel(
        weights=(0.0,) * len(Signals.FEATURES), bias=0.0, mean=(0.0,) * len(Signals.FEATURES),
        scale=(1.0,) * len(Signals.FEATURES), threshold=0.5,
    )
    index = CorpusIndex.open(settings)
    assistant = Assistant(index, settings, model=neutral)
    examples = [_example(assistant, q, "train", q.question, q.answerable) for q in train]
    examples += swapped_near_misses(assistant, [q for q in train if q.answerable])
    examples += removed_document_near_misses(settings, neutral, [q for q in train if q.answerable])
    counts = {"positive": sum(e.answerable for e in examples), "negative": sum(not e.answerable for e in examples)}
    print(f"answerability: {len(examples)} training examples {counts}")
    for source in sorted({e.source.split(":")[0] for e in examples}):
        print(f"  {source:<10} {sum(e.source.startswith(source) for e in examples)}")

    x = np.array([e.features for e in examples])
    y = np.array([float(e.answerable) for e in examples])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    weights, bias = fit_logistic((x - mean) / scale, y, L2)
    model = AnswerabilityModel(
        tuple(map(float, weights)), float(bias), tuple(map(float, mean)), tuple(map(float, scale)), 0.5,
        fitted_on=f"{counts['positive']} answerable, {counts['negative']} unanswerable (train + near-misses)",
    )
    for name, weight in sorted(zip(Signals.FEATURES, weights), key=lambda p: -abs(p[1])):
        print(f"  weight {name:<18} {weight:+.3f}")

    outcomes = _threshold_table(Assistant(index, settings, model=model), validation)
    threshold = choose_threshold(outcomes)
    model = replace(model, threshold=threshold)
    model.save(out or MODEL_FILE)
    print(f"threshold {threshold:.3f} (chosen on {len(validation)} validation questions) -> {out or MODEL_FILE}")
    return model


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 3000, rate: float = 0.5) -> tuple[np.ndarray, float]:
    """Class-balanced logistic regression with an L2 penalty, by gradient descent (numpy only)."""
    positive = y.mean()
    sample_weight = np.where(y == 1, 0.5 / max(positive, 1e-9), 0.5 / max(1 - positive, 1e-9)) / len(y)
    weights, bias = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ weights + bias)))
        error = (p - y) * sample_weight
        weights -= rate * (x.T @ error + l2 * weights / len(y))
        bias -= rate * error.sum()
    return weights, bias


Outcomes = dict[float, list[tuple[bool, str]]]  # threshold -> (answerable, outcome) per validation question


def _threshold_table(assistant: Assistant, validation: Sequence[Question]) -> Outcomes:
    """Outcomes on validation for a range of thresholds, printed as a table."""
    from assistant.answerability import Answerability

    assessments = [(q.answerable, assistant.assess(q.question, list(q.history))) for q in validation]
    outcomes: Outcomes = {}
    print(f"\n{'threshold':<10} answerable_declined answerable_partial unanswerable_declined_or_partial")
    for threshold in np.round(np.arange(0.05, 0.96, 0.05), 2):
        decider = Answerability(replace(assistant.model, threshold=float(threshold)), assistant.statistics)
        rows = [(answerable, decider.decide(a.analysis, a.found, a.parts).outcome) for answerable, a in assessments]
        outcomes[float(threshold)] = rows
        print(
            f"{threshold:<10.2f} {_rate(rows, True, ('decline',)):>19.3f} {_rate(rows, True, ('partial',)):>18.3f} "
            f"{_rate(rows, False, ('decline', 'partial')):>32.3f}"
        )
    return outcomes


def choose_threshold(outcomes: Outcomes) -> float:
    """The highest threshold with answerable questions declined at most ``MAX_ANSWERABLE_DECLINED``."""
    allowed = [t for t, rows in outcomes.items() if _rate(rows, True, ("decline",)) <= MAX_ANSWERABLE_DECLINED]
    return max(allowed, default=min(outcomes))


def _rate(rows: Sequence[tuple[bool, str]], answerable: bool, kinds: tuple[str, ...]) -> float:
    group = [outcome for a, outcome in rows if a == answerable]
    return sum(outcome in kinds for outcome in group) / len(group) if group else 0.0


def _example(assistant: Assistant, question: Question, source: str, text: str, answerable: bool) -> Example:
    assessment = assistant.assess(text, list(question.history))
    return Example(source, text, assessment.decision.signals.vector(), answerable)


def swapped_near_misses(assistant: Assistant, answerable: Sequence[Question]) -> list[Example]:
    """Each question with a year, a name or a figure, asked again with one the documents never mention."""
    from assistant.analysis import asked_figures, asked_years
    from tidlig.text import proper_nouns

    statistics = assistant.statistics
    corpus_text = " ".join(p.text for p in assistant.index.passages.values())
    absent_years = [str(y) for y in range(1990, 2031) if str(y) not in corpus_text]
    unknown_names = [m for m in MUNICIPALITIES if not statistics.knows_word(m)]
    examples = []
    for q in answerable:
        pick = zlib.crc32(q.id.encode())
        swaps: list[tuple[str, Callable[[str], str]]] = []
        if (years := asked_years(q.question)) and absent_years:
            swaps.append(("year", lambda t, y=years[0]: t.replace(y, absent_years[pick % len(absent_years)])))
        if names := proper_nouns(q.question):
            swaps.append(("name", lambda t, n=names[0]: re.sub(rf"\b{re.escape(n)}", unknown_names[pick % len(unknown_names)], t, count=1)))
        if figures := asked_figures(q.question):
            swaps.append(("figure", lambda t, f=figures[0]: t.replace(f, _absent_figure(f, corpus_text), 1)))
        for what, swap in swaps:
            examples.append(_example(assistant, q, f"swapped:{what}", swap(q.question), False))
    return examples


def _absent_figure(figure: str, corpus_text: str) -> str:
    value = int(figure.replace(",", "")) if figure.replace(",", "").isdigit() else 1
    candidate = value * 7 + 3
    while re.search(rf"(?<![\d.,]){candidate}(?![\d])", corpus_text):
        candidate += 11
    return str(candidate)


def removed_document_near_misses(settings: Settings, model: AnswerabilityModel, answerable: Sequence[Question]) -> list[Example]:
    """Questions answered only by one document, asked of an index built without that document."""
    from assistant import Assistant
    from index import CorpusIndex

    files = sorted(p for p in settings.corpus_dir.iterdir() if p.is_file() and p.suffix in (".txt", ".pdf", ".docx", ".md"))
    examples = []
    for removed in files:
        asked = [q for q in answerable if q.docs and set(q.docs) == {removed.name}]
        if not asked:
            continue
        with tempfile.TemporaryDirectory(prefix="tidlig-fit-") as folder:
            reduced_settings = settings.model_copy(update={"data_dir": Path(folder), "cache_dir": settings.embedding_cache.parent})
            reduced = CorpusIndex.open(reduced_settings)
            reduced.update([f for f in files if f != removed])
            assistant = Assistant(reduced, reduced_settings, model=model)
            examples += [_example(assistant, q, f"removed:{removed.name}", q.question, False) for q in asked]
            del assistant, reduced
    return examples


if __name__ == "__main__":
    sys.exit(main())
