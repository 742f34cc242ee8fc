"""``python -m eval.fit``: fit the assistant's learnt parts on the train split and write them beside the code.

**Unit scorer** (:class:`assistant.evidence.UnitScorer`, ``assistant/unit_scorer.json``): a logistic
regression over the features of every candidate unit the composer scores (the assistant's own retrieval
and per-part feature rows, see :func:`collect_rows`); a unit is a positive when it is part of a gold quote
of an answerable train question. It prints, on validation, how often a question part's best-scored unit is
a gold unit ("gold first") and how often one is among the best three, for the fitted model and for two
simple rankings (dense similarity alone; similarity plus IDF coverage of the question's terms). A refit
is judged by how it answers, not by this table: the composer's floors are probabilities, and refits that
ranked as well or better here have answered worse. So the train questions are answered with the current
weights and with the new ones (key facts, gold cited, answerable declined), and the new weights are written
only when they answer at least as well (``--force`` writes them anyway).

**Answerability** (:class:`assistant.answerability.AnswerabilityModel`, ``assistant/answerability.json``):
a logistic model over the answerability signals. Positives are the answerable train questions; negatives
are the unanswerable train questions plus generated near-misses, which look on-topic but cannot be
answered:

* *a document removed*: the index is rebuilt without one document (in a temporary folder, with the same
  embedding cache, so nothing is embedded again) and the train questions answered only by that document
  are asked of it;
* *a detail swapped*: a train question's year, name (municipality, programme) or figure is replaced by
  one the documents never mention, or its year or municipality by one that other documents mention but
  not the one that answers it.

Its decision threshold is chosen on the validation split: the highest one that keeps answerable questions
declined at most ``MAX_ANSWERABLE_DECLINED``. The printed table shows the trade-off.

**Added sets** (``--add QUESTIONS DIR``, repeatable): questions about an organisation's own documents, asked of
the corpus with the documents under DIR added (an index of their own, see :mod:`eval.added`). All of them
count as train, for both models: the dev set was written by reading the bundled documents, so its questions
share more words with their passages than questions written without the documents do, and a model fitted on
it alone leans on shared words. Their documents are also removed one at a time for near-misses. The
validation split (and the decision threshold chosen on it) stays the bundled one.

Example::

    python -m eval.fit                       # fit both on train, print the comparisons, write the weights
    python -m eval.fit --add eval/unseen/a.jsonl eval/unseen/a   # with an added set as train too
    python -m eval.fit --dry-run             # print only
    python -m eval.fit --only units --force  # write the unit weights even if they answer train worse
    python -m eval.fit --only answerability  # one of them (the answerability signals do not use the unit scorer)
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import functools
import re
import sys
import tempfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

import numpy as np

from tidlig.logs import start
from tidlig.settings import Settings

if TYPE_CHECKING:
    from assistant import Assistant
    from assistant.assessment import Assessment
    from assistant.answerability import AnswerabilityModel
    from assistant.evidence import UnitScorer
    from assistant.types import Outcome
    from eval.dataset import Question
    from index import CorpusIndex

# L2 penalty of the ranking model (standardised features): 0.1 to 5 ranked alike in 5-fold
# cross-validation on train (gold first 0.50, top 3 0.74-0.77), 20 worse. On the composer's candidates,
# 0.3, 1 and 3 gave train key facts 0.710, 0.707 and 0.701 (the shipped weights 0.742).
L2_PENALTY = 1.0
GRADIENT_STEPS = 2000
LEARNING_RATE = 0.5
NEWTON_STEPS = 50

MAX_ANSWERABLE_DECLINED = 0.03
# Answerable questions whose evidence may be flagged as weak (declined or answered partially): a partial
# answer still shows what the documents hold, but its first line hedges, so a good answer should rarely get it.
MAX_ANSWERABLE_HEDGED = 0.15
ANSWERABILITY_L2 = 1.0  # ridge penalty on the standardised answerability weights: few examples per feature
# Danish municipalities used to make "swapped name" near-misses; only those the documents never mention
# are used, so the swapped question is unanswerable by construction.
MUNICIPALITIES = (
    "Gribskov",
    "Assens",
    "Faaborg-Midtfyn",
    "Lolland",
    "Tønder",
    "Vordingborg",
    "Skive",
    "Lemvig",
    "Halsnæs",
    "Kalundborg",
    "Rebild",
    "Vesthimmerland",
    "Fanø",
    "Samsø",
    "Stevns",
    "Jammerbugt",
    "Furesø",
    "Ikast-Brande",
)


@dataclass(frozen=True)
class Example:
    """One question's answerability signals and whether the documents answer it."""

    source: str  # "train", "validation", "removed:<doc>", "swapped:<what>"
    question: str
    features: np.ndarray
    answerable: bool


@dataclass(frozen=True)
class QuestionSet:
    """Questions and the settings of the index that answers them: the bundled set on the app's index, or an
    added set on the corpus with its documents (``added`` is their folder)."""

    settings: Settings
    questions: tuple[Question, ...]
    added: Path | None = None

    @property
    def train(self) -> list[Question]:
        """The questions fitted on: an added set's all (it has no split), the bundled set's train split."""
        return [q for q in self.questions if q.split in ("train", None)]

    @functools.cached_property
    def index(self) -> CorpusIndex:
        from index import CorpusIndex

        return CorpusIndex.open(self.settings)

    def assistant(self, *, unit_scorer: UnitScorer | None = None, model: AnswerabilityModel | None = None) -> Assistant:
        """An assistant on this set's index, with the weights given (the shipped ones where none is)."""
        from assistant import Assistant

        return Assistant(self.index, self.settings, unit_scorer=unit_scorer, model=model)


@dataclass
class QuestionRows:
    """The candidates of one question part (the whole question when it has one): feature rows and gold labels."""

    question_id: str
    split: str | None
    rows: list[dict[str, float]]
    labels: list[bool]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.fit", description="Fit the unit scorer and the answerability model.")
    parser.add_argument("--questions", type=Path, default=None, help="JSONL question set (default: the bundled one)")
    parser.add_argument("--dry-run", action="store_true", help="print the comparisons, do not write the weights")
    parser.add_argument("--only", choices=("units", "answerability"), default=None, help="fit only one of the two")
    parser.add_argument("--force", action="store_true", help="write new unit weights even when they answer train worse")
    parser.add_argument(
        "--add", nargs=2, action="append", default=[], type=Path, metavar=("QUESTIONS", "DIR"),
        help="also fit on these questions about the documents under DIR, added to the corpus (repeatable)",
    )
    args = parser.parse_args(argv)
    settings = start()

    from eval.added import index_with_documents
    from eval.dataset import BUNDLED_QUESTIONS, load_questions

    sets = [QuestionSet(settings, tuple(load_questions(args.questions or BUNDLED_QUESTIONS)))]
    if sets[0].index.is_empty:
        print("Indekset er tomt: kør først `python -m index`.", file=sys.stderr)
        return 1
    for questions_file, folder in args.add:
        if not questions_file.is_file() or not folder.is_dir():
            print(f"Findes ikke: {questions_file if not questions_file.is_file() else folder}", file=sys.stderr)
            return 2
    sets += [QuestionSet(index_with_documents(settings, folder), tuple(load_questions(file)), folder) for file, folder in args.add]
    if args.only in (None, "units"):
        fit_units(sets, args.dry_run, args.force)
    if args.only in (None, "answerability"):
        fit_answerability(sets, args.dry_run)
    return 0


# ---- unit scorer ------------------------------------------------------------------------------------


def fit_units(sets: Sequence[QuestionSet], dry_run: bool, force: bool = False) -> None:
    """Fit the unit scorer on the train questions of ``sets`` (the bundled set first), print the comparison on
    the bundled validation split, then answer the train questions with the current weights and with the new
    ones, and write the new weights only when they answer at least as well (or ``force``)."""
    from assistant.evidence import WEIGHTS_FILE

    current = [(s.assistant(), s) for s in sets]  # with the current weights
    data = [row for assistant, s in current for row in collect_rows(assistant, [q for q in s.questions if q.answerable])]
    train = [q for q in data if q.split in ("train", None)]
    validation = [q for q in data if q.split == "validation"] or train
    scorer = fit_unit_scorer(train)
    print(comparison_table(validation, scorer.probabilities, split="validation" if validation is not train else "train"))
    before = AnswerQuality.of([(assistant, s.train) for assistant, s in current])
    after = AnswerQuality.of([(s.assistant(unit_scorer=scorer), s.train) for s in sets])
    asked = sum(q.answerable for s in sets for q in s.train)
    print(f"Svar på train ({asked} besvarbare spørgsmål i {len(sets)} sæt): nuværende vægte {before}; nye vægte {after}")
    if not dry_run:
        if not (force or after.at_least(before)):
            print(f"De nye vægte svarer dårligere: {WEIGHTS_FILE} er uændret (--force skriver dem alligevel).")
            return
        positives = sum(sum(q.labels) for q in train)
        WEIGHTS_FILE.write_text(
            scorer.to_json(trained_on={"questions": len(train), "units": sum(len(q.rows) for q in train), "positives": positives}) + "\n",
            encoding="utf-8",
        )
        print(f"Vægte skrevet til {WEIGHTS_FILE}")


@dataclass(frozen=True)
class AnswerQuality:
    """How well answerable questions are answered: what the composer's floors were set for.

    A refit is judged by this, not by how well it ranks gold units: the composer's floors are shares of
    the best unit's probability, set around the shipped weights, and refits that ranked gold units as well
    answered worse (train key facts 0.711 against 0.758 at chunker version 28)."""

    key_fact_recall: float
    gold_cited: float
    answerable_declined: float

    @classmethod
    def of(cls, asked: Sequence[tuple[Assistant, Sequence[Question]]]) -> AnswerQuality:
        """Over the answerable questions of each (assistant, questions) pair, each question counting once."""
        from eval.runner import run_evaluation

        totals, count = np.zeros(3), 0
        for assistant, questions in asked:
            answerable = [q for q in questions if q.answerable]
            if not answerable:
                continue
            report = run_evaluation(assistant, answerable).report
            answers, refusals = cast(dict[str, float], report["answer"]), cast(dict[str, float], report["refusal"])
            totals += len(answerable) * np.array([answers["key_fact_recall"], answers["gold_cited"], refusals["answerable_declined"]])
            count += len(answerable)
        return cls(*(float(x) for x in totals / max(count, 1)))

    def at_least(self, other: AnswerQuality) -> bool:
        """As many key facts and gold passages cited together, and no more answerable questions declined."""
        return (
            self.key_fact_recall + self.gold_cited >= other.key_fact_recall + other.gold_cited
            and self.answerable_declined <= other.answerable_declined
        )

    def __str__(self) -> str:
        return f"key facts {self.key_fact_recall:.3f}, gold cited {self.gold_cited:.3f}, besvarbare afvist {self.answerable_declined:.3f}"


def collect_rows(assistant: Assistant, questions: Sequence[Question]) -> list[QuestionRows]:
    """The candidates the composer scores for each question, labelled: one group per part a gold unit is
    closest to (see :func:`part_groups`).

    The candidates come through the assistant's own path (its standalone query for a follow-up, the
    question's, each part's and each guidance topic's retrieval interleaved, each part's own vector, terms
    and answer type), so the scorer is fitted on the rows it ranks when answering; a fit on one plain
    retrieval of the whole question ranked better on its own table and answered worse.
    """
    collected = []
    for question in questions:
        candidates, per_part = assistant.candidate_features(assistant.assess(question.question, list(question.history)))
        quotes = [g.quote for g in question.gold]
        labels = [is_gold_unit(c.unit.text, quotes) for c in candidates]
        collected += part_groups(question.id, question.split, per_part, labels)
    return collected


def part_groups(
    question_id: str, split: str | None, per_part: Sequence[list[dict[str, float]]], labels: Sequence[bool]
) -> list[QuestionRows]:
    """One group per part of a question: its rows, with the gold units closest to it (by similarity to
    the part's own vector) as positives.

    The composer gives a unit the best of its part scores, and quotes each part's best units, so a gold
    unit only has to win under the part it answers: "Hvad er VIBUS, og hvad koster den?" has gold units for
    each part, and the price is no answer to "hvad er VIBUS". A gold unit closest to another part is left
    out of this part's group (it is no wrong answer either). A single question is one group.
    """
    closest = [int(np.argmax([rows[i]["similarity"] for rows in per_part])) for i in range(len(labels))]
    groups = []
    for number, rows in enumerate(per_part):
        kept = [i for i in range(len(labels)) if not labels[i] or closest[i] == number]
        name = question_id if len(per_part) == 1 else f"{question_id}#{number}"
        groups.append(QuestionRows(name, split, [rows[i] for i in kept], [labels[i] for i in kept]))
    return groups


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
    return UnitScorer(mean, scale, tuple((w * scale_a).tolist()), bias)


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


def ranking_scores(
    questions: Sequence[QuestionRows], score: Callable[[list[dict[str, float]]], Sequence[float]]
) -> tuple[float, float, int]:
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
    lines = [
        f"Enhedsvalg på {split} ({with_gold} af {len(questions)} dele af besvarbare spørgsmål har en guldenhed blandt kandidaterne)",
        "| rangering | guld først | guld i top 3 |",
        "|---|---|---|",
    ]
    for name, ranking in rankings.items():
        first, top3, _ = ranking_scores(questions, ranking)
        lines.append(f"| {name} | {first:.2f} | {top3:.2f} |")
    return "\n".join(lines)


# ---- answerability ----------------------------------------------------------------------------------


def fit_answerability(sets: Sequence[QuestionSet], dry_run: bool = False) -> AnswerabilityModel:
    """Fit on the train questions of ``sets`` (+ near-misses), choose the threshold on the bundled set's
    validation split (the first set's), print the figures, save."""
    from assistant.answerability import MODEL_FILE, Answerability, AnswerabilityModel, Signals

    bundled = sets[0]
    validation = [q for q in bundled.questions if q.split == "validation"] or bundled.train
    neutral = AnswerabilityModel(
        weights=(0.0,) * len(Signals.FEATURES),
        bias=0.0,
        mean=(0.0,) * len(Signals.FEATURES),
        scale=(1.0,) * len(Signals.FEATURES),
        threshold=0.5,
    )
    examples = []
    for question_set in sets:
        assistant, answerable = question_set.assistant(model=neutral), [q for q in question_set.train if q.answerable]
        source = "train" if question_set.added is None else f"added:{question_set.added.name}"
        examples += [_example(assistant, q, source, q.question, q.answerable) for q in question_set.train]
        examples += swapped_near_misses(assistant, answerable)
        examples += removed_document_near_misses(question_set, neutral, answerable)
    counts = {"positive": sum(e.answerable for e in examples), "negative": sum(not e.answerable for e in examples)}
    print(f"answerability: {len(examples)} training examples {counts}")
    for source in sorted({e.source.split(":")[0] for e in examples}):
        print(f"  {source:<10} {sum(e.source.startswith(source) for e in examples)}")

    added = "".join(f" + {s.added.name}" for s in sets if s.added is not None)
    x = np.array([e.features for e in examples])
    y = np.array([float(e.answerable) for e in examples])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    weights, bias = fit_logistic((x - mean) / scale, y, ANSWERABILITY_L2)
    model = AnswerabilityModel(
        tuple(map(float, weights)),
        float(bias),
        tuple(map(float, mean)),
        tuple(map(float, scale)),
        0.5,
        fitted_on=f"{counts['positive']} answerable, {counts['negative']} unanswerable (train{added} + near-misses)",
    )
    for name, weight in sorted(zip(Signals.FEATURES, weights, strict=True), key=lambda p: -abs(p[1])):
        print(f"  weight {name:<18} {weight:+.3f}")

    fitted = bundled.assistant(model=model)
    assessments = [(q.answerable, fitted.assess(q.question, list(q.history))) for q in validation]
    threshold = choose_threshold(_threshold_table(fitted, assessments, "decline"))
    answer_threshold = choose_answer_threshold(_threshold_table(fitted, assessments, "partial", threshold), threshold)
    model = replace(model, threshold=threshold, answer_threshold=answer_threshold)
    print(f"decline below {threshold:.2f}, partial below {answer_threshold:.2f} (chosen on {len(validation)} validation questions)")
    final = Answerability(model, fitted.statistics)
    rows = [(answerable, final.decide(a.analysis, a.found, a.parts).outcome) for answerable, a in assessments]
    print(
        f"validation: answerable declined {_rate(rows, True, ('decline',)):.3f}, answerable partial "
        f"{_rate(rows, True, ('partial',)):.3f}, unanswerable declined or partial {_rate(rows, False, ('decline', 'partial')):.3f}"
    )
    if not dry_run:
        model.save(MODEL_FILE)
        print(f"Vægte skrevet til {MODEL_FILE}")
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


Outcomes = dict[float, list[tuple[bool, "Outcome"]]]  # threshold -> (answerable, outcome) per validation question


def _threshold_table(assistant: Assistant, assessments: Sequence[tuple[bool, Assessment]], which: str, decline_at: float = 0.0) -> Outcomes:
    """Outcomes on validation for a range of decline (or, above ``decline_at``, partial) thresholds, printed."""
    from assistant.answerability import Answerability

    outcomes: Outcomes = {}
    print(f"\n{which + ' threshold':<18} answerable_declined answerable_partial unanswerable_declined_or_partial")
    for threshold in np.round(np.arange(0.05, 0.96, 0.05), 2):
        if which == "partial" and threshold < decline_at:
            continue
        if which == "decline":
            model = replace(assistant.model, threshold=float(threshold))
        else:
            model = replace(assistant.model, threshold=decline_at, answer_threshold=float(threshold))
        decider = Answerability(model, assistant.statistics)
        rows = [(answerable, decider.decide(a.analysis, a.found, a.parts).outcome) for answerable, a in assessments]
        outcomes[float(threshold)] = rows
        print(
            f"{threshold:<18.2f} {_rate(rows, True, ('decline',)):>19.3f} {_rate(rows, True, ('partial',)):>18.3f} "
            f"{_rate(rows, False, ('decline', 'partial')):>32.3f}"
        )
    return outcomes


def choose_threshold(outcomes: Outcomes) -> float:
    """The highest threshold with answerable questions declined at most ``MAX_ANSWERABLE_DECLINED``."""
    allowed = [t for t, rows in outcomes.items() if _rate(rows, True, ("decline",)) <= MAX_ANSWERABLE_DECLINED]
    return max(allowed, default=min(outcomes))


def choose_answer_threshold(outcomes: Outcomes, decline_at: float) -> float:
    """The highest partial threshold with answerable questions declined or partial at most ``MAX_ANSWERABLE_HEDGED``."""
    allowed = [t for t, rows in outcomes.items() if _rate(rows, True, ("decline", "partial")) <= MAX_ANSWERABLE_HEDGED]
    return max(allowed, default=decline_at)


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
    known_municipalities = sorted(
        {
            str(p.metadata["municipality"]).removesuffix(" Kommune")
            for p in assistant.index.passages.values()
            if p.metadata.get("municipality") and " " not in str(p.metadata["municipality"]).removesuffix(" Kommune")
        }
    )
    corpus_years = sorted(set(asked_years(corpus_text)))
    examples = []
    for q in answerable:
        pick = zlib.crc32(q.id.encode())
        swaps: list[tuple[str, Callable[[str], str]]] = []
        if (years := asked_years(q.question)) and absent_years:
            absent = absent_years[pick % len(absent_years)]
            swaps.append(("year", functools.partial(_swap, old=years[0], new=absent)))
            # A year other documents mention, but not the one that answers: the documents hold the topic and
            # the year, never together ("Hvor mange hashmisbrugere var der i 2014?" when the figures stop at 2010).
            own_text = " ".join(p.text for p in assistant.index.passages.values() if p.doc_id in q.docs)
            if q.docs and (elsewhere_years := [y for y in corpus_years if y not in own_text]):
                other_year = elsewhere_years[pick % len(elsewhere_years)]
                swaps.append(("known_year", functools.partial(_swap, old=years[0], new=other_year)))
        if names := proper_nouns(q.question):
            unknown = unknown_names[pick % len(unknown_names)]
            swaps.append(("name", functools.partial(_swap_word, old=names[0], new=unknown)))
            # A municipality the documents do describe, but not where this question's answer stands: the
            # hardest near-miss ("Hvor mange pluspladser har Aarhus?" when only København's are given).
            elsewhere = [m for m in known_municipalities if m not in q.question and not any(m in g.quote for g in q.gold)]
            if elsewhere:
                other = elsewhere[pick % len(elsewhere)]
                swaps.append(("known_name", functools.partial(_swap_word, old=names[0], new=other)))
        if figures := asked_figures(q.question):
            swaps.append(("figure", functools.partial(_swap, old=figures[0], new=_absent_figure(figures[0], corpus_text))))
        for what, swap in swaps:
            examples.append(_example(assistant, q, f"swapped:{what}", swap(q.question), False))
    return examples


def _swap(text: str, old: str, new: str) -> str:
    return text.replace(old, new, 1)


def _swap_word(text: str, old: str, new: str) -> str:
    return re.sub(rf"\b{re.escape(old)}", new, text, count=1)


def _absent_figure(figure: str, corpus_text: str) -> str:
    value = int(figure.replace(",", "")) if figure.replace(",", "").isdigit() else 1
    candidate = value * 7 + 3
    while re.search(rf"(?<![\d.,]){candidate}(?![\d])", corpus_text):
        candidate += 11
    return str(candidate)


def removed_document_near_misses(question_set: QuestionSet, model: AnswerabilityModel, answerable: Sequence[Question]) -> list[Example]:
    """Questions answered only by one document, asked of an index built without that document: each of the
    corpus's documents, or of an added set's own (the corpus's questions are the bundled set's)."""
    from assistant import Assistant
    from index import CorpusIndex
    from ingest.pipeline import discover

    settings = question_set.settings
    folders = [settings.corpus_dir] + ([question_set.added] if question_set.added is not None else [])
    files = sorted(source.path for source in discover(folders)[0])  # the files an index of ``folders`` reads
    removable = [f for f in files if question_set.added is None or f.parent == question_set.added]
    examples = []
    for removed in removable:
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
