"""The evaluation runner on the real index: report format, the CLI on an unseen question file, and the
regression gate that ``make test`` applies to the validation split of the development set."""

import json
import subprocess
import sys

import pytest

from eval.dataset import BUNDLED_QUESTIONS, load_questions, select_split
from eval.report import write_reports
from eval.runner import run_evaluation
from tests.conftest import ROOT

REPORT_KEYS = {"retrieval", "answer", "refusal", "answer_form", "latency_ms", "n", "by_kind", "split"}
RETRIEVAL_KEYS = {"hit@1", "hit@5", "hit@10", "mrr@10", "gold_recall@5"}
ANSWER_KEYS = {"key_fact_recall", "key_facts_up_front", "citation_precision", "citation_recall", "gold_cited"}
VALIDATION = select_split(load_questions(BUNDLED_QUESTIONS), "validation")

# Measured on the validation split (109 items, 17 not answerable), re-measured at chunker version 65: hit@5
# 0.935, mrr@10 0.837, key_fact_recall 0.802, citation_precision 1.0, citation_recall 1.0, gold_cited 0.902,
# unanswerable_declined 0.941, answerable_declined 0.011.
# The floors sit one or two questions below the measured value.
FLOORS = {
    ("retrieval", "hit@5"): 0.91,
    ("retrieval", "mrr@10"): 0.82,
    ("answer", "key_fact_recall"): 0.78,
    ("answer", "citation_precision"): 0.98,
    ("answer", "citation_recall"): 0.98,
    ("answer", "gold_cited"): 0.88,
    ("refusal", "unanswerable_declined"): 0.86,
}
MAX_ANSWERABLE_DECLINED = 0.05


@pytest.fixture(scope="module")
def subset_result(assistant):
    return run_evaluation(assistant, VALIDATION, split="validation")


@pytest.mark.parametrize(("block", "metric"), list(FLOORS))
def test_regression_floor(subset_result, block, metric):
    value = subset_result.report[block][metric]
    assert value >= FLOORS[(block, metric)], f"{block}.{metric} fell to {value}"


def test_no_answer_has_a_form_defect(subset_result):
    form = subset_result.report["answer_form"]
    assert {key: count for key, count in form.items() if key != "median_chars" and count} == {}


def test_answerable_questions_are_not_refused(subset_result):
    assert subset_result.report["refusal"]["answerable_declined"] <= MAX_ANSWERABLE_DECLINED


def test_report_files_have_exactly_the_documented_keys(subset_result, tmp_path):
    write_reports(tmp_path, subset_result.report, subset_result.scores)
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert set(report) == REPORT_KEYS
    assert set(report["retrieval"]) == RETRIEVAL_KEYS and set(report["answer"]) == ANSWER_KEYS
    assert set(report["refusal"]) == {"unanswerable_declined", "answerable_declined", "partial_rate"}
    form = {"duplicated_sentences", "dangling_lead_ins", "fragments", "unrelated_sections", "joined_lists", "run_on_items", "label_answers"}
    assert set(report["answer_form"]) == {*form, "median_chars"}
    assert set(report["latency_ms"]) == {"p50", "p95"}
    assert set(report["by_kind"]) >= {"fact", "case", "list", "unanswerable", "followup"}
    rows = [json.loads(line) for line in (tmp_path / "answers.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == report["n"]["questions"] == len(VALIDATION)
    assert report["split"] == "validation"
    assert "split: validation" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert {"answer", "citations", "gold_ranks", "missed_key_facts", "pass"} <= set(rows[0])
    assert "| hit@5 |" in (tmp_path / "report.md").read_text(encoding="utf-8")


def _cli_env(settings) -> dict[str, str]:
    """The environment of a ``python -m eval`` run on the session's bundled index and embedding cache."""
    return {
        "PATH": "/usr/bin:/bin",
        "TIDLIG_DATA_DIR": str(settings.data_dir),
        "TIDLIG_CACHE_DIR": str(settings.embedding_cache.parent),
        "TIDLIG_CORPUS_DIR": str(ROOT / "corpus"),
    }


def test_the_cli_runs_an_unseen_question_file_with_the_baseline(bundled_settings, tmp_path):
    questions = tmp_path / "nye.jsonl"
    kl = "kl-2015-de-udsatte-boern-fremtiden-er-deres.txt"
    items = [
        {
            "id": "n1",
            "persona": "leder",
            "kind": "case",
            "question": "Hvilken kommune satte socialrådgivere ud på skolerne, og hvornår?",
            "gold": [
                {
                    "doc": kl,
                    "quote": "Københavns Kommune gennemførte fra 2007-2010 ’Projekt Socialrådgivere \npå Skolerne’ på i alt 29 skoler.",
                }
            ],
            "key_facts": ["2007-2010"],
            "reference_answer": "Københavns Kommune, 2007-2010.",
            "answerable": True,
        },
        {
            "id": "n2",
            "persona": "pedagog",
            "kind": "unanswerable",
            "question": "Hvad er reglerne for solcreme i børnehaven om sommeren?",
            "gold": [],
            "key_facts": [],
            "reference_answer": "Det står der ikke noget om.",
            "answerable": False,
        },
    ]
    questions.write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n", encoding="utf-8")
    text = (ROOT / "corpus" / kl).read_text(encoding="utf-8")
    assert items[0]["gold"][0]["quote"] in text  # the new item is valid data, not a guess
    env = _cli_env(bundled_settings)
    out = tmp_path / "rapport"
    result = subprocess.run(
        [sys.executable, "-m", "eval", "--questions", str(questions), "--split", "validation", "--out", str(out), "--baseline"],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # A set written without split fields is evaluated whole, and the report says so.
    assert report["n"]["questions"] == 2 and report["split"] == "alle"
    assert "ingen split-felter" in result.stderr
    assert set(report["baselines"]) == {"llamaindex-standard", "simpel-hybrid"}
    assert all(set(scores) == RETRIEVAL_KEYS for scores in report["baselines"].values())
    table = (out / "report.md").read_text(encoding="utf-8")
    assert "| metrik | system | llamaindex-standard | forhold | simpel-hybrid | forhold |" in table
    # The printed report is the same table.
    assert "| simpel-hybrid | forhold |" in result.stdout


def test_the_cli_evaluates_added_documents_beside_the_corpus_in_an_index_of_their_own(bundled_settings, tmp_path):
    """An organisation's own Word file, added for the evaluation only: the question about it is answered from it,
    the baselines read it too, and the app's index (the bundled one) never holds it."""
    from tests.eval.organisation import added_guide, question_file

    folder = added_guide(tmp_path / "egne")
    questions = question_file(tmp_path / "egne.jsonl")
    env = _cli_env(bundled_settings)
    out = tmp_path / "rapport"
    command = [sys.executable, "-m", "eval", "--questions", str(questions), "--documents", str(folder), "--out", str(out), "--baseline"]
    result = subprocess.run(command, check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    row = json.loads((out / "answers.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert row["scores"]["hit@5"] == 1.0 and row["scores"]["key_fact_recall"] == 1.0
    assert any(c["doc_id"] == "handleguide.docx" for c in row["citations"])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert all(scores["hit@5"] == 1.0 for scores in report["baselines"].values())  # they read the added file too
    assert (bundled_settings.data_dir / "eval-documents" / "egne" / "index").is_dir()
    from index import CorpusIndex

    assert "handleguide.docx" not in CorpusIndex.open(bundled_settings).manifest.documents

    elsewhere = [sys.executable, "-m", "eval", "--questions", str(questions), "--documents", str(tmp_path / "findes-ikke")]
    missing = subprocess.run(elsewhere, check=False, cwd=ROOT, env=env, capture_output=True, text=True)
    assert missing.returncode == 2 and "Dokumentmappen findes ikke" in missing.stderr

