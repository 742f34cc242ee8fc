"""Tests for the bundled evaluation set and its loader/validator (eval.dataset)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.types import Turn
from eval.dataset import (
    BUNDLED_QUESTIONS,
    KINDS,
    PERSONAS,
    SPLITS,
    GoldQuote,
    Question,
    assign_splits,
    corpus_documents,
    load_questions,
    select_split,
    validate,
)
from eval.matching import contains_fact, normalise

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
KL = "kl-2015-de-udsatte-boern-fremtiden-er-deres.txt"
KBH = "koebenhavn-2016-saerlige-indsatser-tidlig-indsats.txt"
BUPL = "bupl-kora-2017-socioekonomiske-fordelingsmodeller.txt"

MINIMUMS = {"unanswerable": 10, "followup": 8, "synthesis": 5, "fact": 5, "list": 5, "case": 5, "howto": 5}


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    return load_questions(BUNDLED_QUESTIONS)


# ------------------------------------------------------------------------------------- the bundled set


def test_bundled_set_loads(questions: list[Question]) -> None:
    assert len(questions) >= 70
    assert all(isinstance(q, Question) for q in questions)


def test_bundled_set_validates(questions: list[Question]) -> None:
    assert validate(questions, CORPUS) == []


def test_counts_per_kind(questions: list[Question]) -> None:
    kinds = Counter(q.kind for q in questions)
    assert set(kinds) == set(KINDS)
    for kind, minimum in MINIMUMS.items():
        assert kinds[kind] >= minimum, (kind, kinds[kind])


def test_personas_are_mixed(questions: list[Question]) -> None:
    personas = Counter(q.persona for q in questions)
    assert set(personas) == set(PERSONAS)
    assert min(personas.values()) >= 15, personas


def test_every_document_is_covered_roughly_by_size(questions: list[Question]) -> None:
    per_doc = Counter(doc for q in questions for doc in q.docs)
    documents = corpus_documents(CORPUS)
    assert set(per_doc) == set(documents)
    assert min(per_doc.values()) >= 8, per_doc
    # The KL report is by far the largest document and has the most questions.
    assert per_doc.most_common(1)[0][0] == KL


def test_synthesis_questions_span_documents(questions: list[Question]) -> None:
    synthesis = [q for q in questions if q.kind == "synthesis"]
    assert all(len(q.docs) >= 2 for q in synthesis)


def test_quotes_are_exact_excerpts(questions: list[Question]) -> None:
    texts = {name: path.read_text(encoding="utf-8") for name, path in corpus_documents(CORPUS).items()}
    for q in questions:
        for g in q.gold:
            assert g.quote in texts[g.doc], (q.id, g.quote[:60])
            assert g.quote == g.quote.strip(), q.id


def test_key_facts_are_in_the_items_own_quotes(questions: list[Question]) -> None:
    # Stricter than validate(): an answer that quotes the gold passages verbatim contains every key fact.
    for q in questions:
        for fact in q.key_facts:
            assert any(contains_fact(g.quote, fact) for g in q.gold), (q.id, fact)
            assert 1 <= len(fact.split()) <= 5, (q.id, fact)


def test_followups_carry_a_conversation(questions: list[Question]) -> None:
    for q in questions:
        if q.kind == "followup":
            assert [t.role for t in q.history][:1] == ["user"], q.id
            assert q.history[-1].role == "assistant", q.id
            assert len(q.question) < 120, q.id
        else:
            assert q.history == (), q.id


def test_all_22_kl_cases_are_asked_about(questions: list[Question]) -> None:
    # The municipality of each "CASE #n" box in the KL report (#5 and #20 name several).
    municipalities = [
        "Holstebro",
        "Viborg",
        "Aarhus",
        "Høje-Taastrup",
        "Norddjurs",
        "Ishøj",
        "København",
        "Vordingborg",
        "Odense",
        "Lolland",
        "Thisted",
        "København",
        "Aalborg",
        "Varde",
        "Herning",
        "Frederikshavn",
        "Gladsaxe",
        "Hedensted",
        "Ringsted",
        "Gentofte",
        "Holbæk",
        "Slagelse",
    ]
    kl_text = normalise(" ".join(g.quote for q in questions for g in q.gold if g.doc == KL))
    kl_text += " " + normalise(" ".join(q.question + " " + q.reference_answer for q in questions if KL in q.docs))
    for name in municipalities:
        assert normalise(name) in kl_text, name


def test_tables_and_figures_are_covered(questions: list[Question]) -> None:
    quotes = {(g.doc, normalise(g.quote)) for q in questions for g in q.gold}
    # The Copenhagen budget table (flattened to lines of numbers).
    assert any(doc == KBH and "527000 527000 527000" in text for doc, text in quotes)
    assert any(doc == KBH and "1255800" in text for doc, text in quotes)
    # The BUPL/KORA criteria chart.
    assert any(doc == BUPL and "uddannelsesniveau 63%" in text for doc, text in quotes)
    # The KL figures on grades of children in care.
    assert any(doc == KL and "6.7 4.5" in text for doc, text in quotes)


def test_unanswerable_items_are_empty(questions: list[Question]) -> None:
    for q in questions:
        if not q.answerable:
            assert q.gold == () and q.key_facts == (), q.id
            assert q.reference_answer.strip(), q.id


def test_ids_are_sequential(questions: list[Question]) -> None:
    assert [q.id for q in questions] == [f"q{i:03d}" for i in range(1, len(questions) + 1)]


def test_splits_are_stratified_by_kind_and_document(questions: list[Question]) -> None:
    splits = Counter(q.split for q in questions)
    assert set(splits) == set(SPLITS)
    assert 0.28 <= splits["validation"] / len(questions) <= 0.38, splits
    for kind in KINDS:
        of_kind = [q for q in questions if q.kind == kind]
        validation = sum(q.split == "validation" for q in of_kind)
        assert 0.2 <= validation / len(of_kind) <= 0.45, (kind, validation, len(of_kind))
    for doc in corpus_documents(CORPUS):
        of_doc = [q for q in questions if q.docs[:1] == (doc,)]
        validation = sum(q.split == "validation" for q in of_doc)
        assert 0.2 <= validation / len(of_doc) <= 0.45, (doc, validation, len(of_doc))


def test_bundled_splits_are_the_ones_assign_splits_keeps(questions: list[Question]) -> None:
    # The split is written into the file once; re-running the assignment never moves a question.
    assert assign_splits(questions) == questions


def test_round_trip(questions: list[Question], tmp_path: Path) -> None:
    path = tmp_path / "copy.jsonl"
    path.write_text("".join(json.dumps(q.to_dict(), ensure_ascii=False) + "\n" for q in questions), encoding="utf-8")
    assert load_questions(path) == questions


# ----------------------------------------------------------------------------- validate() on bad input


DOC_TEXT = (
    "Forudsætningen for at kunne hjælpe ud-\n"
    "satte børn og unge er, at de voksne om-\n"
    "kring dem opdager selv små signaler på, at\n"
    "de ikke trives. 98 pct. af familierne takker ja."
)
GOOD_QUOTE = "hjælpe ud-\nsatte børn og unge er, at de voksne om-\nkring dem opdager"


@pytest.fixture()
def tiny_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doc.txt").write_text(DOC_TEXT, encoding="utf-8")
    (corpus / "other.txt").write_text("Pluspladserne skal styrke den tidlige forebyggende indsats.", encoding="utf-8")
    (corpus / "README.md").write_text("not a document", encoding="utf-8")
    return corpus


def good(**changes) -> Question:
    base = Question(
        id="g1",
        persona="pedagog",
        kind="fact",
        question="Hvad skal der til, før vi kan hjælpe?",
        gold=(GoldQuote(doc="doc.txt", quote=GOOD_QUOTE),),
        key_facts=("små signaler",),
        reference_answer="De voksne skal opdage selv små signaler.",
        answerable=True,
    )
    return replace(base, **changes)


def problems_for(corpus: Path, *questions: Question) -> list[str]:
    return validate(list(questions), corpus)


def test_a_good_item_has_no_problems(tiny_corpus: Path) -> None:
    assert problems_for(tiny_corpus, good()) == []
    # The quote matches the document whatever its whitespace and hyphenation.
    one_line = good(gold=(GoldQuote(doc="doc.txt", quote="hjælpe udsatte børn og unge er, at de voksne omkring dem opdager"),))
    assert problems_for(tiny_corpus, one_line) == []


def test_corpus_without_catalog_ignores_readme(tiny_corpus: Path) -> None:
    assert set(corpus_documents(tiny_corpus)) == {"doc.txt", "other.txt"}


def test_catalog_decides_which_files_are_documents(tiny_corpus: Path) -> None:
    (tiny_corpus / "catalog.toml").write_text('["doc.txt"]\ntitle = "x"\n', encoding="utf-8")
    assert set(corpus_documents(tiny_corpus)) == {"doc.txt"}
    item = good(
        gold=(GoldQuote(doc="other.txt", quote="Pluspladserne skal styrke den tidlige forebyggende indsats."),),
        key_facts=("Pluspladserne",),
    )
    assert any("unknown document" in p for p in problems_for(tiny_corpus, item))


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (good(gold=(GoldQuote(doc="doc.txt", quote="hjælpe udsatte børn og unge er, at de voksne aldrig opdager"),)), "quote not found"),
        (good(gold=(GoldQuote(doc="doc.txt", quote="98 pct. af familierne takker ja."),)), "characters (allowed 40-300)"),
        (good(gold=(GoldQuote(doc="doc.txt", quote=DOC_TEXT * 3),)), "characters (allowed 40-300)"),
        (good(gold=(GoldQuote(doc="missing.txt", quote=GOOD_QUOTE),)), "unknown document"),
        (good(gold=()), "answerable item without gold quotes"),
        (good(key_facts=()), "answerable item without key facts"),
        (good(key_facts=("a", "b", "c", "d", "e")), "5 key facts"),
        (good(key_facts=("112 timer",)), "key fact '112 timer' not found"),
        (good(key_facts=("8 pct.",)), "key fact '8 pct.' not found"),  # only "98 pct." is in the document
        (good(key_facts=("   ",)), "empty key fact"),
        (good(kind="unanswerable", answerable=False), "unanswerable item has gold quotes"),
        (good(kind="unanswerable", answerable=False, gold=()), "unanswerable item has key facts"),
        (good(kind="unanswerable", answerable=True), "kind 'unanswerable' but answerable is true"),
        (good(answerable=False, gold=(), key_facts=()), "kind 'fact' must be answerable"),
        (good(kind="followup"), "followup without history"),
        (good(kind="followup", history=(Turn("assistant", "Hej"),)), "followup history has no user turn"),
        (good(history=(Turn("user", "Hej"),)), "history on a 'fact' item"),
        (good(reference_answer="  "), "empty reference_answer"),
        (good(question="Hvorfor? hjælpe udsatte børn og unge er, at de voksne omkring dem opdager"), "copies the passage"),
    ],
)
def test_validate_reports_each_problem(tiny_corpus: Path, item: Question, expected: str) -> None:
    problems = problems_for(tiny_corpus, item)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("g1") for p in problems)


def test_validate_checks_split_values_and_all_or_none(tiny_corpus: Path) -> None:
    assert problems_for(tiny_corpus, good(split="train"), good(id="g2", question="Hvem opdager?", split="validation")) == []
    assert problems_for(tiny_corpus, good(), good(id="g2", question="Hvem opdager?")) == []
    bad = problems_for(tiny_corpus, good(split="test"))
    assert bad == ["g1: split must be one of ['train', 'validation'], got 'test'"]
    mixed = problems_for(tiny_corpus, good(split="train"), good(id="g2", question="Hvem opdager?"))
    assert mixed == ["g2: no split while other questions have one"]


def test_select_split() -> None:
    items = [good(id=f"s{i}", split=split) for i, split in enumerate(["train", "validation", "train"])]
    assert [q.id for q in select_split(items, "validation")] == ["s1"]
    assert [q.id for q in select_split(items, "train")] == ["s0", "s2"]
    assert select_split(items, None) == items
    # A set written without splits is evaluated whole, whatever split is asked for.
    unsplit = [good(id=f"u{i}") for i in range(3)]
    assert select_split(unsplit, "validation") == unsplit
    with pytest.raises(ValueError, match="split must be one of"):
        select_split(items, "test")


def test_assign_splits_stratifies_and_keeps_existing_splits() -> None:
    kinds = ["fact"] * 9 + ["list"] * 6 + ["case"] * 3
    items = [good(id=f"a{i:02d}", kind=kind) for i, kind in enumerate(kinds)]
    assigned = assign_splits(items)
    assert [q.id for q in assigned] == [q.id for q in items]
    for kind, n in Counter(kinds).items():
        assert sum(q.split == "validation" for q in assigned if q.kind == kind) == n // 3, kind
    assert assign_splits(items) == assigned  # deterministic
    # New questions are added around the fixed ones: nothing already assigned moves.
    grown = assigned + [good(id=f"b{i}", kind="fact") for i in range(6)]
    regrown = assign_splits(grown)
    assert regrown[: len(assigned)] == assigned
    assert sum(q.split == "validation" for q in regrown[len(assigned) :]) == 2


def test_validate_reports_duplicate_ids(tiny_corpus: Path) -> None:
    problems = problems_for(tiny_corpus, good(), good(question="Hvad skal de voksne lægge mærke til?"))
    assert problems == ["g1: duplicate id (2 items)"]


def test_valid_followup_and_unanswerable(tiny_corpus: Path) -> None:
    followup = good(
        id="f1", kind="followup", question="Og hvad så?", history=(Turn("user", "Hvad skal der til?"), Turn("assistant", "Svar."))
    )
    unanswerable = Question(
        id="u1",
        persona="leder",
        kind="unanswerable",
        question="Hvad koster en plads i Odder?",
        gold=(),
        key_facts=(),
        reference_answer="Det står ikke i dokumenterne.",
        answerable=False,
    )
    unanswerable_followup = replace(followup, id="f2", gold=(), key_facts=(), answerable=False)
    assert problems_for(tiny_corpus, followup, unanswerable, unanswerable_followup) == []


# ------------------------------------------------------------------------------- load_questions errors


def write_lines(tmp_path: Path, *objects: object) -> Path:
    path = tmp_path / "set.jsonl"
    lines = [o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objects]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def valid_obj(**changes) -> dict:
    obj = good().to_dict()
    obj.update(changes)
    return obj


def test_load_skips_blank_lines(tmp_path: Path) -> None:
    path = write_lines(tmp_path, valid_obj(), "", valid_obj(id="g2"))
    assert [q.id for q in load_questions(path)] == ["g1", "g2"]


def test_split_field_is_optional_and_round_trips(tmp_path: Path) -> None:
    path = write_lines(tmp_path, valid_obj(), valid_obj(id="g2", split="validation"))
    first, second = load_questions(path)
    assert first.split is None and "split" not in first.to_dict()
    assert second.split == "validation" and second.to_dict()["split"] == "validation"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ({k: v for k, v in valid_obj().items() if k != "key_facts"}, "missing ['key_facts']"),
        (valid_obj(extra=1), "unknown ['extra']"),
        (valid_obj(persona="forælder"), "persona must be one of"),
        (valid_obj(kind="trivia"), "kind must be one of"),
        (valid_obj(answerable="yes"), "answerable must be a boolean"),
        (valid_obj(question=""), "question must not be empty"),
        (valid_obj(id=3), "id must be a string"),
        (valid_obj(gold=[{"doc": "doc.txt"}]), "gold[0] must have exactly the fields"),
        (valid_obj(gold=[{"doc": "doc.txt", "quote": 5}]), "gold[0].quote must be a string"),
        (valid_obj(key_facts="98 pct."), "key_facts must be a list"),
        (valid_obj(key_facts=[98]), "key_facts[0] must be a string"),
        (valid_obj(history=[{"role": "system", "content": "x"}]), "history[0].role must be one of"),
        (valid_obj(history=[{"role": "user"}]), "history[0] must have exactly the fields"),
        (valid_obj(split=1), "split must be a string"),
    ],
)
def test_load_rejects_bad_lines_naming_the_line(tmp_path: Path, bad: object, message: str) -> None:
    path = write_lines(tmp_path, valid_obj(), valid_obj(id="g2"), bad)
    with pytest.raises(ValueError) as info:
        load_questions(path)
    text = str(info.value)
    assert f"{path}:3:" in text
    assert message in text
