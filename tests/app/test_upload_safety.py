"""The app's safe-upload path and bounded history, through gradio_client on the launched app: a DOCX zip
bomb is refused into quarantine and never wedges a later ``python -m index``; leftovers of a killed upload
are swept at start-up; a delete is not held up by another upload's screening; a 1.4 MB earlier chat turn is
cut before it is redacted."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.question import MAX_ANSWER_TURN_CHARS
from prompts import render
from ingest.quarantine import INTERRUPTED_REASON, REASON_SUFFIX
from tests.app.conftest import serve
from tests.conftest import CORPUS, TEST_EMBEDDING_CACHE, make_settings
from tests.ingest.test_limits import make_docx, make_docx_bomb

ROOT = Path(__file__).resolve().parents[2]
SEED = CORPUS / "bupl-kora-2017-socioekonomiske-fordelingsmodeller.txt"
NOTE = """Legestuen i Fjordby

Legestuen i Fjordby Kommune samler hver tirsdag forældre og dagplejere, så børn under tre år får leget
sammen, og dagplejerne tidligt kan tale med forældrene om sprog, søvn og trivsel.
"""


def uploaded_files(uploads: Path) -> list[str]:
    return sorted(str(path.relative_to(uploads)) for path in uploads.rglob("*") if path.is_file())


def quarantined(data_dir: Path) -> dict[str, str]:
    """Quarantined file name -> its reason file's text."""
    folder = data_dir / "quarantine"
    return {
        path.name: path.with_name(path.name + REASON_SUFFIX).read_text(encoding="utf-8")
        for path in sorted(folder.iterdir()) if not path.name.endswith(REASON_SUFFIX)
    } if folder.is_dir() else {}  # fmt: skip


@pytest.fixture(scope="module")
def safety_app(tmp_path_factory):
    """An app on its own small index (never the shared bundled one), launched over a data folder in which
    a killed upload of an older version left a half-staged file and a ``.bak`` copy."""
    from assistant import Assistant
    from index import CorpusIndex

    data_dir = tmp_path_factory.mktemp("safety") / "data"
    settings = make_settings(data_dir)
    uploads = settings.uploads_dir
    (uploads / ".incoming" / "tmp1234").mkdir(parents=True)
    (uploads / ".incoming" / "tmp1234" / "halv-rapport.txt").write_text("Legestuen i Fjordby samler hver", encoding="utf-8")
    (uploads / ".gammel-plan.txt.bak").write_text("Legestuen i Fjordby – en ældre version.", encoding="utf-8")
    index = CorpusIndex.open(settings)
    index.update([SEED])
    with serve(Assistant(index, settings), settings) as running:
        yield running


def test_leftovers_of_a_killed_upload_are_quarantined_at_start_up_and_never_indexed(safety_app):
    settings = safety_app.settings
    assert not (settings.uploads_dir / ".incoming").exists()
    assert not (settings.uploads_dir / ".gammel-plan.txt.bak").exists()
    reasons = quarantined(settings.data_dir)
    assert any(name.endswith("-halv-rapport.txt") for name in reasons), reasons
    assert any(name.endswith("-.gammel-plan.txt.bak") for name in reasons), reasons
    assert all(INTERRUPTED_REASON in reason for reason in reasons.values())
    # An index run over the uploads folder finds nothing of them.
    report = safety_app.assistant.index.update([settings.uploads_dir])
    assert not report.added and not report.skipped
    assert [doc.info.doc_id for doc in safety_app.assistant.index.documents()] == [SEED.name]


def test_a_docx_zip_bomb_is_refused_into_quarantine_and_a_later_index_run_is_not_wedged(safety_app, tmp_path):
    from gradio_client import handle_file

    settings = safety_app.settings
    bomb = make_docx_bomb(tmp_path / "bombe.docx", make_docx(tmp_path / "skabelon.docx"))
    note = tmp_path / "fjordby-legestue.txt"
    note.write_text(NOTE, encoding="utf-8")
    client = safety_app.client()
    result, table, *_ = client.predict([handle_file(bomb), handle_file(note)], api_name="/upload")

    assert "bombe.docx**: sprunget over –" in result and "zip-bombe" in result, result
    assert "karantæne" in result
    assert "fjordby-legestue.txt**: indlæst" in result, result
    assert uploaded_files(settings.uploads_dir) == ["fjordby-legestue.txt"]
    bombs = {name: reason for name, reason in quarantined(settings.data_dir).items() if name.endswith("-bombe.docx")}
    assert len(bombs) == 1 and "zip-bombe" in next(iter(bombs.values())), bombs
    assert [row[-1] for row in table["data"]].count("bombe.docx") == 0

    # The command-line index over the uploads folder finishes (before, the bomb in uploads/ hung it for good).
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TIDLIG_DATA_DIR": str(settings.data_dir),
        "TIDLIG_CORPUS_DIR": str(CORPUS), "TIDLIG_CACHE_DIR": str(TEST_EMBEDDING_CACHE), "TIDLIG_LOG_LEVEL": "WARNING",
    }  # fmt: skip
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "index", str(settings.uploads_dir)], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=240,
    )  # fmt: skip
    assert run.returncode == 0, (run.stdout[-2000:], run.stderr[-2000:])
    assert time.perf_counter() - started < 240


def test_a_delete_completes_while_another_upload_is_still_being_screened(safety_app, tmp_path, monkeypatch):
    """The screening is held open (a stand-in for a file that takes long to read); the real screening runs
    once released. The delete, its index change and the upload's result are all real."""
    import ingest.quarantine
    from gradio_client import handle_file

    client = safety_app.client()
    note = tmp_path / "fjordby-legestue-2.txt"
    note.write_text(NOTE.replace("tirsdag", "torsdag"), encoding="utf-8")
    result, *_ = client.predict([handle_file(note)], api_name="/upload")
    assert "fjordby-legestue-2.txt**: indlæst" in result, result

    screening, release = threading.Event(), threading.Event()
    real_screen = ingest.quarantine.screen

    def slow_screen(path: Path, max_bytes: int, timeout_s: float):
        screening.set()
        release.wait(60)
        return real_screen(path, max_bytes, timeout_s)

    monkeypatch.setattr(ingest.quarantine, "screen", slow_screen)
    slow = tmp_path / "fjordby-plan.txt"
    slow.write_text(NOTE.replace("Legestuen", "Planen"), encoding="utf-8")
    upload = safety_app.client().submit([handle_file(slow)], api_name="/upload")
    try:
        assert screening.wait(30), "the upload never reached its screening"
        started = time.perf_counter()
        deleted, table, *_ = client.predict("fjordby-legestue-2.txt", api_name="/delete")
        waited = time.perf_counter() - started
        assert "er slettet" in deleted, deleted
        assert not upload.done(), "the upload should still be in its screening"
        assert "fjordby-legestue-2.txt" not in [row[-1] for row in table["data"]]
        assert waited < 30, waited
    finally:
        release.set()
    uploaded, *_ = upload.result(timeout=120)
    assert "fjordby-plan.txt**: indlæst" in uploaded, uploaded


def test_chat_with_a_1_4_mb_earlier_turn_redacts_only_bounded_text(served, monkeypatch):
    assistant = served.assistant
    seen: list[int] = []
    real_redact = assistant.redact

    def recording_redact(text: str) -> str:
        seen.append(len(text))
        return real_redact(text)

    monkeypatch.setattr(assistant, "redact", recording_redact)
    earlier = "Hvad gjorde Holstebro Kommune for førstegangsforældre? " + "Vi har talt meget om det i personalegruppen. " * 32_000
    assert len(earlier) > 1_400_000
    history = [  # Gradio 6 chat messages: content is a list of parts
        {"role": "user", "content": [{"type": "text", "text": earlier}]},
        {"role": "assistant", "content": [{"type": "text", "text": "Holstebro Kommune …"}]},
    ]
    _, chat, _, _ = served.client().predict("Virkede det?", history, [], api_name="/chat")

    answer = chat[-1]["content"]
    text = answer if isinstance(answer, str) else " ".join(part.get("text", "") for part in answer)
    assert "Holstebro" in text and render("error") not in text, text[:500]  # a real answer about the earlier topic
    assert seen, "nothing was redacted"
    assert max(seen) <= MAX_ANSWER_TURN_CHARS, sorted(seen)[-5:]
