"""The development evaluation set: typed questions, a strict loader and a validator.

A question set is a JSON Lines file (``eval/questions.jsonl`` is the bundled one), one object per line
with exactly these fields:

- ``id`` (str), ``persona`` (``pedagog`` | ``leder`` | ``underviser``), ``kind`` (``fact`` | ``list`` |
  ``case`` | ``howto`` | ``synthesis`` | ``unanswerable`` | ``followup``), ``question`` (str);
- ``history`` (only for follow-ups, optional elsewhere): a list of ``{"role": "user" | "assistant",
  "content": str}`` turns that precede the question;
- ``gold``: a list of ``{"doc": <file name in corpus/>, "quote": <verbatim excerpt, 40-300 characters>}``;
- ``key_facts``: short strings a correct answer must contain (see :func:`eval.matching.contains_fact`);
- ``reference_answer`` (str, 1-3 Danish sentences) and ``answerable`` (bool);
- ``split`` (optional): ``train`` | ``validation``. A set either gives every question a split or none;
  a set without splits is evaluated whole, so independently written sets keep working. Tuning uses
  ``train`` only; reported figures come from ``validation``.

:func:`load_questions` checks the shape of every line and raises a :class:`ValueError` naming the line;
:func:`validate` checks the content against the corpus and returns a list of problems (empty when the
set is sound).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.types import Turn
from eval.matching import contains_fact, longest_common_run, normalise

__all__ = [
    "BUNDLED_QUESTIONS",
    "KINDS",
    "PERSONAS",
    "SPLITS",
    "GoldQuote",
    "Question",
    "assign_splits",
    "has_splits",
    "load_questions",
    "select_split",
    "summary",
    "validate",
    "write_questions",
]

BUNDLED_QUESTIONS = Path(__file__).with_name("questions.jsonl")

PERSONAS: tuple[str, ...] = ("pedagog", "leder", "underviser")
KINDS: tuple[str, ...] = ("fact", "list", "case", "howto", "synthesis", "unanswerable", "followup")
ROLES: tuple[str, ...] = ("user", "assistant")
SPLITS: tuple[str, ...] = ("train", "validation")
# Every third question of a stratum goes to validation: about 2/3 train, 1/3 validation.
VALIDATION_EVERY = 3

QUOTE_MIN_CHARS = 40
QUOTE_MAX_CHARS = 300
MAX_KEY_FACTS = 4
# A question whose normalised text shares this many contiguous characters with one of its gold quotes
# copies the passage instead of asking the way a practitioner would.
COPIED_RUN_CHARS = 40

_REQUIRED_FIELDS = frozenset(
    {"id", "persona", "kind", "question", "gold", "key_facts", "reference_answer", "answerable"}
)
_OPTIONAL_FIELDS = frozenset({"history", "split"})


@dataclass(frozen=True)
class GoldQuote:
    """A passage that answers (part of) a question: a document file name and a verbatim excerpt."""

    doc: str
    quote: str

    def to_dict(self) -> dict[str, str]:
        return {"doc": self.doc, "quote": self.quote}


@dataclass(frozen=True)
class Question:
    """One evaluation item."""

    id: str
    persona: str
    kind: str
    question: str
    gold: tuple[GoldQuote, ...]
    key_facts: tuple[str, ...]
    reference_answer: str
    answerable: bool
    history: tuple[Turn, ...] = field(default=())
    split: str | None = None

    @property
    def docs(self) -> tuple[str, ...]:
        """The distinct documents of the gold quotes, in first-seen order."""
        return tuple(dict.fromkeys(g.doc for g in self.gold))

    def history_dicts(self) -> list[dict[str, str]]:
        """The history as plain ``{"role", "content"}`` dicts (the form ``Assistant.ask`` takes)."""
        return [t.to_dict() for t in self.history]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "persona": self.persona,
            "kind": self.kind,
        }
        if self.split is not None:
            data["split"] = self.split
        data["question"] = self.question
        if self.history:
            data["history"] = self.history_dicts()
        data["gold"] = [g.to_dict() for g in self.gold]
        data["key_facts"] = list(self.key_facts)
        data["reference_answer"] = self.reference_answer
        data["answerable"] = self.answerable
        return data


# --------------------------------------------------------------------------------------------- loading


def _expect_str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} must be a string, got {type(value).__name__}")
    return value


def _expect_list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"{what} must be a list, got {type(value).__name__}")
    return value


def _expect_keys(obj: Any, keys: set[str], what: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise ValueError(f"{what} must be an object, got {type(obj).__name__}")
    if set(obj) != keys:
        missing = sorted(keys - set(obj))
        extra = sorted(set(obj) - keys)
        raise ValueError(f"{what} must have exactly the fields {sorted(keys)} (missing {missing}, extra {extra})")
    return obj


def _parse_question(obj: Any) -> Question:
    if not isinstance(obj, dict):
        raise ValueError(f"a line must hold a JSON object, got {type(obj).__name__}")
    keys = set(obj)
    missing = _REQUIRED_FIELDS - keys
    extra = keys - _REQUIRED_FIELDS - _OPTIONAL_FIELDS
    if missing or extra:
        raise ValueError(f"wrong field set (missing {sorted(missing)}, unknown {sorted(extra)})")

    qid = _expect_str(obj["id"], "id").strip()
    if not qid:
        raise ValueError("id must not be empty")
    persona = _expect_str(obj["persona"], "persona")
    if persona not in PERSONAS:
        raise ValueError(f"persona must be one of {list(PERSONAS)}, got {persona!r}")
    kind = _expect_str(obj["kind"], "kind")
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {list(KINDS)}, got {kind!r}")
    question = _expect_str(obj["question"], "question")
    if not question.strip():
        raise ValueError("question must not be empty")
    split = _expect_str(obj["split"], "split") if "split" in obj else None
    history = _parse_history(obj.get("history", []))
    gold = _parse_gold(obj["gold"])
    key_facts = tuple(_expect_str(f, f"key_facts[{i}]") for i, f in enumerate(_expect_list(obj["key_facts"], "key_facts")))
    reference_answer = _expect_str(obj["reference_answer"], "reference_answer")
    answerable = obj["answerable"]
    if not isinstance(answerable, bool):
        raise ValueError(f"answerable must be a boolean, got {type(answerable).__name__}")

    return Question(
        id=qid,
        persona=persona,
        kind=kind,
        question=question,
        gold=gold,
        key_facts=key_facts,
        reference_answer=reference_answer,
        answerable=answerable,
        history=history,
        split=split,
    )


def _parse_history(value: Any) -> tuple[Turn, ...]:
    history: list[Turn] = []
    for i, turn in enumerate(_expect_list(value, "history")):
        turn = _expect_keys(turn, {"role", "content"}, f"history[{i}]")
        role = _expect_str(turn["role"], f"history[{i}].role")
        if role not in ROLES:
            raise ValueError(f"history[{i}].role must be one of {list(ROLES)}, got {role!r}")
        history.append(Turn(role=role, content=_expect_str(turn["content"], f"history[{i}].content")))  # type: ignore[arg-type]
    return tuple(history)


def _parse_gold(value: Any) -> tuple[GoldQuote, ...]:
    gold: list[GoldQuote] = []
    for i, item in enumerate(_expect_list(value, "gold")):
        item = _expect_keys(item, {"doc", "quote"}, f"gold[{i}]")
        gold.append(
            GoldQuote(doc=_expect_str(item["doc"], f"gold[{i}].doc"), quote=_expect_str(item["quote"], f"gold[{i}].quote"))
        )
    return tuple(gold)


def load_questions(path: str | Path = BUNDLED_QUESTIONS) -> list[Question]:
    """Read a JSON Lines question set.

    Blank lines are skipped. Every other line must be a JSON object with exactly the documented field
    set and field types (``history`` is the only optional field); otherwise a :class:`ValueError` is
    raised whose message starts with ``"<path>:<line number>:"``. Content checks against the corpus are
    left to :func:`validate`.
    """
    path = Path(path)
    questions: list[Question] = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
            try:
                questions.append(_parse_question(obj))
            except ValueError as exc:
                raise ValueError(f"{path}:{lineno}: {exc}") from exc
    return questions


# ------------------------------------------------------------------------------------------ validation


def corpus_documents(corpus_dir: str | Path) -> dict[str, Path]:
    """The documents of a corpus directory, by file name.

    When the directory holds a ``catalog.toml``, its table keys name the documents (those that exist
    as files); otherwise every regular file except ``README*`` and ``catalog.toml`` counts.
    """
    corpus_dir = Path(corpus_dir)
    catalog = corpus_dir / "catalog.toml"
    if catalog.is_file():
        with catalog.open("rb") as handle:
            names = list(tomllib.load(handle))
        return {name: corpus_dir / name for name in names if (corpus_dir / name).is_file()}
    return {
        p.name: p
        for p in sorted(corpus_dir.iterdir())
        if p.is_file() and p.name != "catalog.toml" and not p.name.upper().startswith("README")
    }


def validate(questions: Iterable[Question], corpus_dir: str | Path) -> list[str]:
    """Check a question set against the corpus; return one message per problem (empty when sound).

    Checks:

    - ids are unique;
    - every gold quote names a document of the corpus, is 40-300 characters long, and occurs in that
      document after :func:`eval.matching.normalise` of both sides (whitespace collapsed, line-break
      hyphenation joined, ...);
    - ``answerable`` items have at least one gold quote and 1-4 non-empty key facts; unanswerable
      items have neither; ``kind == "unanswerable"`` implies ``answerable is False``, and only
      ``unanswerable`` and ``followup`` items may be unanswerable;
    - ``followup`` items have a history that contains a user turn; other kinds have no history;
    - every key fact occurs (:func:`eval.matching.contains_fact`) in the normalised text of at least one
      of the documents its gold quotes come from;
    - the reference answer is not empty;
    - the question does not copy its passage (no run of 40+ normalised characters shared with one of
      its gold quotes);
    - a ``split`` is ``train`` or ``validation``, and either every question has one or none has.
    """
    documents = corpus_documents(corpus_dir)
    doc_text: dict[str, str] = {}

    def normalised_doc(name: str) -> str:
        if name not in doc_text:
            doc_text[name] = normalise(documents[name].read_text(encoding="utf-8"))
        return doc_text[name]

    problems: list[str] = []
    questions = list(questions)

    for qid, count in Counter(q.id for q in questions).items():
        if count > 1:
            problems.append(f"{qid}: duplicate id ({count} items)")
    some_have_split = any(q.split is not None for q in questions)

    for q in questions:
        problems += _kind_problems(q, some_have_split)
        problems += _history_problems(q)
        problems += _answerability_problems(q)
        gold_problems, known_docs = _gold_problems(q, documents, normalised_doc)
        problems += gold_problems
        problems += _fact_problems(q, known_docs, normalised_doc)

    return problems


def _kind_problems(q: Question, some_have_split: bool) -> list[str]:
    problems: list[str] = []
    if q.kind == "unanswerable" and q.answerable:
        problems.append(f"{q.id}: kind 'unanswerable' but answerable is true")
    if not q.answerable and q.kind not in ("unanswerable", "followup"):
        problems.append(f"{q.id}: kind {q.kind!r} must be answerable")
    if not q.reference_answer.strip():
        problems.append(f"{q.id}: empty reference_answer")
    if q.split is not None and q.split not in SPLITS:
        problems.append(f"{q.id}: split must be one of {list(SPLITS)}, got {q.split!r}")
    elif q.split is None and some_have_split:
        problems.append(f"{q.id}: no split while other questions have one")
    return problems


def _history_problems(q: Question) -> list[str]:
    if q.kind != "followup":
        return [f"{q.id}: history on a {q.kind!r} item (only followups have history)"] if q.history else []
    problems: list[str] = []
    if not q.history:
        problems.append(f"{q.id}: followup without history")
    elif not any(t.role == "user" for t in q.history):
        problems.append(f"{q.id}: followup history has no user turn")
    problems += [f"{q.id}: history[{i}] is empty" for i, turn in enumerate(q.history) if not turn.content.strip()]
    return problems


def _answerability_problems(q: Question) -> list[str]:
    problems: list[str] = []
    if not q.answerable:
        if q.gold:
            problems.append(f"{q.id}: unanswerable item has gold quotes")
        if q.key_facts:
            problems.append(f"{q.id}: unanswerable item has key facts")
        return problems
    if not q.gold:
        problems.append(f"{q.id}: answerable item without gold quotes")
    if not q.key_facts:
        problems.append(f"{q.id}: answerable item without key facts")
    elif len(q.key_facts) > MAX_KEY_FACTS:
        problems.append(f"{q.id}: {len(q.key_facts)} key facts (at most {MAX_KEY_FACTS})")
    return problems


def _gold_problems(
    q: Question, documents: dict[str, Path], normalised_doc: Callable[[str], str]
) -> tuple[list[str], list[str]]:
    """The problems of the gold quotes, and the documents they name that the corpus has."""
    problems: list[str] = []
    known_docs: list[str] = []
    norm_question = normalise(q.question)
    for i, g in enumerate(q.gold):
        label = f"{q.id}: gold[{i}]"
        length = len(g.quote)
        if not QUOTE_MIN_CHARS <= length <= QUOTE_MAX_CHARS:
            problems.append(f"{label}: quote is {length} characters (allowed {QUOTE_MIN_CHARS}-{QUOTE_MAX_CHARS})")
        if g.doc not in documents:
            problems.append(f"{label}: unknown document {g.doc!r}")
            continue
        known_docs.append(g.doc)
        norm_quote = normalise(g.quote)
        if not norm_quote or norm_quote not in normalised_doc(g.doc):
            problems.append(f"{label}: quote not found in {g.doc}: {g.quote[:60]!r}")
        if norm_quote and longest_common_run(norm_question, norm_quote) >= COPIED_RUN_CHARS:
            problems.append(f"{label}: question copies the passage (40+ characters in common)")
    return problems, known_docs


def _fact_problems(q: Question, known_docs: list[str], normalised_doc: Callable[[str], str]) -> list[str]:
    problems: list[str] = []
    for fact in q.key_facts:
        if not fact.strip():
            problems.append(f"{q.id}: empty key fact")
        elif known_docs and not any(contains_fact(normalised_doc(d), fact) for d in dict.fromkeys(known_docs)):
            problems.append(f"{q.id}: key fact {fact!r} not found in its gold documents")
    return problems


# ------------------------------------------------------------------------------------------------ splits


def has_splits(questions: Iterable[Question]) -> bool:
    """Whether the set carries ``split`` fields (a set without them is evaluated whole)."""
    return any(q.split is not None for q in questions)


def select_split(questions: Iterable[Question], split: str | None) -> list[Question]:
    """The questions of one split; all of them when ``split`` is None or the set has no split fields."""
    questions = list(questions)
    if split is None or not has_splits(questions):
        return questions
    if split not in SPLITS:
        raise ValueError(f"split must be one of {list(SPLITS)}, got {split!r}")
    return [q for q in questions if q.split == split]


def _stratum(question: Question) -> tuple[str, str]:
    return question.kind, question.docs[0] if question.docs else ""


def _stable_order(question: Question) -> str:
    # A hash of the id, so the order inside a stratum does not follow the order questions were written in.
    return hashlib.sha1(question.id.encode("utf-8")).hexdigest()


def assign_splits(questions: Sequence[Question]) -> list[Question]:
    """Give every question without a split one, keeping existing splits fixed.

    Stratified by kind and first gold document: walking each stratum in a stable (hashed) order, a
    question goes to validation when its stratum would otherwise hold less than a third validation
    questions and, for a stratum's odd remainder, when the whole set would too. Deterministic.
    """
    stratum_counts: Counter[tuple[tuple[str, str], str]] = Counter()
    totals: Counter[str] = Counter()
    for q in questions:
        if q.split is not None:
            stratum_counts[(_stratum(q), q.split)] += 1
            totals[q.split] += 1
    chosen: dict[str, str] = {}
    for q in sorted((q for q in questions if q.split is None), key=lambda q: (_stratum(q), _stable_order(q))):
        stratum = _stratum(q)
        s_val, s_all = stratum_counts[(stratum, "validation")], stratum_counts[(stratum, "train")] + stratum_counts[(stratum, "validation")]
        g_val, g_all = totals["validation"], totals["train"] + totals["validation"]
        # What validation would owe if this question went to train, in questions.
        stratum_owed = (s_all + 1) / VALIDATION_EVERY - s_val
        set_owed = (g_all + 1) / VALIDATION_EVERY - g_val
        split = "validation" if stratum_owed >= 2 / VALIDATION_EVERY or (stratum_owed > 0 and set_owed > 0) else "train"
        chosen[q.id] = split
        stratum_counts[(stratum, split)] += 1
        totals[split] += 1
    return [q if q.split is not None else replace(q, split=chosen[q.id]) for q in questions]


def write_questions(path: str | Path, questions: Iterable[Question]) -> None:
    """Write a question set as JSON Lines (the format :func:`load_questions` reads)."""
    lines = [json.dumps(q.to_dict(), ensure_ascii=False) + "\n" for q in questions]
    Path(path).write_text("".join(lines), encoding="utf-8")


def summary(questions: Sequence[Question]) -> dict[str, Counter[str]]:
    """Counts by kind, persona, split and gold document (a question counts once per document)."""
    return {
        "kind": Counter(q.kind for q in questions),
        "persona": Counter(q.persona for q in questions),
        "split": Counter(q.split or "-" for q in questions),
        "document": Counter(doc for q in questions for doc in q.docs),
        "answerable": Counter(str(q.answerable) for q in questions),
        "history": Counter(str(bool(q.history)) for q in questions),
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m eval.dataset [--questions FILE] [--corpus DIR] [--assign-splits]``: validate, count, split."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m eval.dataset", description="Check a question set against the corpus.")
    parser.add_argument("--questions", type=Path, default=BUNDLED_QUESTIONS, help="JSONL question set")
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: TIDLIG_CORPUS_DIR)")
    parser.add_argument("--assign-splits", action="store_true", help="give questions without a split one, in place")
    args = parser.parse_args(argv)
    from tidlig.logs import start

    corpus = args.corpus or start().corpus_dir
    try:
        questions = load_questions(args.questions)
    except (OSError, ValueError) as exc:
        print(f"Spørgsmålsfilen kan ikke læses: {exc}", file=sys.stderr)
        return 2
    if args.assign_splits:
        questions = assign_splits(questions)
        write_questions(args.questions, questions)
    problems = validate(questions, corpus)
    for problem in problems:
        print(problem)
    print(f"{len(questions)} spørgsmål, {len(problems)} problemer")
    for name, counts in summary(questions).items():
        print(f"{name}: " + ", ".join(f"{key} {value}" for key, value in sorted(counts.items())))
    for split in SPLITS:
        part = [q for q in questions if q.split == split]
        print(f"{split} efter type: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(q.kind for q in part).items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
