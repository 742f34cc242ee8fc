"""Fitting the unit scorer: gold-unit labels, the conditional-logit ranking and its calibration."""

from __future__ import annotations

from dataclasses import astuple

import numpy as np

from assistant.evidence import FEATURES, UnitScorer
from eval.fit import QuestionRows, fit_unit_scorer, is_gold_unit, part_groups, ranking_scores


def test_a_unit_inside_or_mostly_inside_a_gold_quote_is_gold():
    quote = "Der er 500 pluspladser i vuggestuer og\nbørnehaver fordelt over hele byen. Pladserne er til udsatte børn."
    assert is_gold_unit("Der er 500 pluspladser i vuggestuer og børnehaver fordelt over hele byen.", [quote])
    assert is_gold_unit("Pladserne er til udsatte børn.", [quote])
    assert is_gold_unit("Ifølge kommunen: der er 500 pluspladser i vuggestuer og børnehaver fordelt over hele byen.", [quote])
    assert not is_gold_unit("Pladserne er til udsatte børn, som har brug for sprogstøtte i hverdagen og i weekenden.", [quote])
    assert not is_gold_unit("Holstebro tilbyder kurser til alle nye forældre.", [quote])
    assert not is_gold_unit("byen.", [quote])  # too short to tell


def test_each_gold_unit_is_a_positive_of_the_part_it_is_closest_to_only():
    def row(similarity: float) -> dict[str, float]:
        return {name: 0.0 for name in FEATURES} | {"similarity": similarity}

    # Three candidates: gold closest to part 0, gold closest to part 1, not gold.
    per_part = [[row(0.9), row(0.2), row(0.5)], [row(0.1), row(0.8), row(0.6)]]
    first, second = part_groups("q1", "train", per_part, [True, True, False])
    assert (first.question_id, first.labels, [r["similarity"] for r in first.rows]) == ("q1#0", [True, False], [0.9, 0.5])
    assert (second.question_id, second.labels, [r["similarity"] for r in second.rows]) == ("q1#1", [True, False], [0.8, 0.6])
    (single,) = part_groups("q2", None, per_part[:1], [True, True, False])
    assert single.question_id == "q2" and single.labels == [True, True, False]


def _questions(rng: np.random.Generator, count: int) -> list[QuestionRows]:
    """Synthetic candidates: the gold unit has a higher similarity; coverage is noise."""
    questions = []
    for number in range(count):
        rows = [{name: float(rng.normal()) for name in FEATURES} for _ in range(20)]
        gold = int(rng.integers(20))
        rows[gold]["similarity"] += 2.5
        questions.append(QuestionRows(f"q{number}", "train", rows, [i == gold for i in range(20)]))
    return questions


def test_the_fitted_scorer_ranks_by_the_informative_feature_and_gives_probabilities():
    rng = np.random.default_rng(7)
    scorer = fit_unit_scorer(_questions(rng, 80))
    held_out = _questions(rng, 40)
    first, top3, counted = ranking_scores(held_out, scorer.probabilities)
    noise, _, _ = ranking_scores(held_out, lambda rows: [r["coverage"] for r in rows])
    assert counted == 40 and first > 0.6 and top3 > 0.8 and noise < 0.3
    probabilities = np.concatenate([scorer.probabilities(q.rows) for q in held_out])
    labels = np.concatenate([q.labels for q in held_out])
    # Calibrated: the mean probability is close to the share of gold units (1 in 20).
    assert abs(probabilities.mean() - labels.mean()) < 0.03


def test_the_weights_round_trip_through_the_data_file(tmp_path):
    scorer = fit_unit_scorer(_questions(np.random.default_rng(1), 30))
    path = tmp_path / "unit_scorer.json"
    path.write_text(scorer.to_json(trained_on={"questions": 30}), encoding="utf-8")
    rows = _questions(np.random.default_rng(2), 1)[0].rows
    assert np.allclose(UnitScorer.load(path).probabilities(rows), scorer.probabilities(rows), atol=1e-4)


def test_swapped_near_misses_ask_a_year_only_other_documents_mention(assistant):
    from assistant.analysis import asked_years
    from eval.dataset import load_questions
    from eval.fit import swapped_near_misses

    question = next(q for q in load_questions() if q.split == "train" and q.answerable and asked_years(q.question) and q.docs)
    examples = {e.source: e for e in swapped_near_misses(assistant, [question])}
    swapped = examples["swapped:known_year"]
    (year,) = set(asked_years(swapped.question)) - set(asked_years(question.question))
    passages = assistant.index.passages.values()
    assert any(year in p.text for p in passages if p.doc_id not in question.docs)  # the documents know the year ...
    assert not any(year in p.text for p in passages if p.doc_id in question.docs)  # ... but not where the answer stands
    assert not swapped.answerable


def test_new_unit_weights_must_answer_at_least_as_well_to_replace_the_current_ones():
    from eval.fit import AnswerQuality

    current = AnswerQuality(key_fact_recall=0.78, gold_cited=0.87, answerable_declined=0.02)
    assert AnswerQuality(0.80, 0.86, 0.02).at_least(current)  # more key facts outweigh one gold passage less
    assert not AnswerQuality(0.76, 0.87, 0.02).at_least(current)
    assert not AnswerQuality(0.80, 0.90, 0.03).at_least(current)  # an answerable question more declined
    assert current.at_least(current)


def test_answer_quality_is_measured_by_answering_with_the_weights_given(assistant, bundled_index, bundled_settings):
    from assistant import Assistant
    from eval.dataset import load_questions
    from eval.fit import AnswerQuality

    questions = [q for q in load_questions() if q.split == "train" and q.answerable and not q.history][:6]
    shipped = AnswerQuality.of([(assistant, questions)])
    assert shipped.key_fact_recall > 0.5 and shipped.answerable_declined == 0.0
    # Weights that only prefer long units pick other units than the shipped ones and answer worse.
    lengthy = UnitScorer([0.0] * len(FEATURES), [1.0] * len(FEATURES), [float(n == "length") for n in FEATURES], -5.0)
    worse = AnswerQuality.of([(Assistant(bundled_index, bundled_settings, unit_scorer=lengthy), questions)])
    assert not worse.at_least(shipped), (worse, shipped)
    # Over several sets each question counts once: two unequal halves give the figures of the whole.
    halves = AnswerQuality.of([(assistant, questions[:1]), (assistant, questions[1:])])
    assert np.allclose(astuple(halves), astuple(shipped), atol=1e-3)  # the report rounds to four decimals


def test_an_added_sets_near_misses_remove_only_its_own_documents(bundled_settings, tmp_path):
    """``--add``: an organisation's file is indexed beside the corpus for fitting, and removing it makes the
    question it alone answers a near-miss; the corpus's documents stay, so a question on them gives none."""
    from assistant.answerability import AnswerabilityModel
    from eval.added import index_with_documents
    from eval.dataset import load_questions
    from eval.fit import QuestionSet, removed_document_near_misses
    from tests.eval.organisation import GUIDE, QUESTION, added_guide, question_file

    folder = added_guide(tmp_path / "tilfoejet")
    corpus = next(q for q in load_questions() if q.answerable and len(q.docs) == 1 and not q.history)
    own = load_questions(question_file(tmp_path / "tilfoejet.jsonl"))
    question_set = QuestionSet(index_with_documents(bundled_settings, folder), (*own, corpus), folder)
    assert {q.id for q in question_set.train} == {QUESTION["id"], corpus.id}  # an added set has no split: all of it is train
    assert GUIDE in question_set.index.manifest.documents
    model = AnswerabilityModel.load()
    examples = removed_document_near_misses(question_set, model, question_set.train)
    assert [(e.source, e.answerable) for e in examples] == [(f"removed:{GUIDE}", False)]
