"""The chat tab's handlers without a server: errors, feedback, the concern starting point."""

from __future__ import annotations

import json
from types import SimpleNamespace

import gradio as gr
import pytest

from prompts import load, render
from tests.conftest import make_settings
from tests.ui.conftest import ANSWER
from ui import chat
from ui.context import AppContext
from ui.conversation import Exchange
from ui.shell import Shell


@pytest.fixture
def handlers(assistant, tmp_path):
    ctx = AppContext.create(assistant, make_settings(tmp_path / "data"))
    with gr.Blocks():
        shell = Shell(gr.HTML(), gr.Tabs())
        tab = chat.build(ctx, [])
    return chat.ChatHandlers(ctx, tab, shell)


def test_chat_shows_the_danish_error_and_records_the_redacted_question(handlers, caplog, monkeypatch):
    def broken_stream(question, history, filters):
        raise RuntimeError("boom")

    monkeypatch.setattr(handlers.ctx.assistant, "stream", broken_stream)
    last = list(handlers.chat("Hvad med 010203-1234?", [], [], None, []))[-1]
    tab = handlers.tab
    assert render("error") in last[tab.chatbot][-1]["content"] and render("error") in last[handlers.shell.notices]
    conversation = last[tab.conversation]
    assert conversation[0].question == "Hvad med [CPR-NR]?" and conversation[0].answer is None
    assert "010203-1234" not in caplog.text and "[CPR-NR]" in caplog.text


def test_the_concern_starting_point_asks_a_concern_question(handlers):
    from assistant.analysis import is_concern

    question = handlers.concern_question()[handlers.tab.question]
    assert question == load("concern_question") and is_concern(question)
    last = list(handlers.chat(question, [], [], None, []))[-1]
    exchange = last[handlers.tab.conversation][-1]
    assert exchange.concern and exchange.answer is not None and not exchange.answer.refused
    assert handlers.show_procedure([exchange]).visible is False  # no procedure document configured


def test_feedback_is_stored_redacted_and_becomes_a_candidate_question(handlers, tmp_path):
    from eval.dataset import load_questions
    from eval.feedback import feedback_to_candidates, main

    conversation = [Exchange("Hvad gør Holstebro Kommune for nye forældre?", ANSWER)]
    shown = handlers.like(conversation, SimpleNamespace(index=1, liked=False, value=None))
    record_id = shown[handlers.tab.pending_feedback]
    assert record_id and shown[handlers.tab.feedback_status]
    handlers.comment(record_id, "Det hjalp ikke drengen Mikkel Hansen (010203-1234) – svaret mangler resultatet")
    path = handlers.ctx.settings.data_dir / "feedback.jsonl"
    raw = path.read_text(encoding="utf-8")
    assert "010203-1234" not in raw and "Mikkel Hansen" not in raw and "[CPR-NR]" in raw and "[NAVN]" in raw
    assert "Holstebro Kommune" in raw  # names the documents use are kept

    candidates = feedback_to_candidates(path)
    assert len(candidates) == 1
    candidate = candidates[0]
    assert candidate["question"] == "Hvad gør Holstebro Kommune for nye forældre?"
    assert candidate["gold"] == [] and candidate["feedback"]["rating"] == "ned"
    assert "svaret mangler resultatet" in candidate["feedback"]["comment"]
    reviewed = {key: value for key, value in candidate.items() if key != "feedback"}
    checked = tmp_path / "candidates.jsonl"
    checked.write_text(json.dumps(reviewed, ensure_ascii=False) + "\n", encoding="utf-8")
    assert load_questions(checked)[0].question == candidate["question"]  # the eval format, as is

    out = tmp_path / "out.jsonl"
    assert main([str(path), "--out", str(out)]) == 0  # python -m eval.feedback
    assert json.loads(out.read_text(encoding="utf-8"))["question"] == candidate["question"]
    assert main([str(tmp_path / "missing.jsonl")]) == 2


def test_a_concern_answer_points_to_the_organisations_procedure(assistant, tmp_path):
    procedure = tmp_path / "procedure-ved-bekymring.pdf"
    procedure.write_bytes(b"%PDF-1.4 procedure")
    ctx = AppContext.create(assistant, make_settings(tmp_path / "data", concern_procedure=procedure))
    with gr.Blocks():
        tab = chat.build(ctx, [])
    handlers = chat.ChatHandlers(ctx, tab, Shell(gr.HTML(), gr.Tabs()))
    last = list(handlers.chat("Jeg er bekymret for en pige i børnehaven – hvad gør jeg?", [], [], None, []))[-1]
    message = last[tab.chatbot][-1]["content"]
    assert '<div class="tidlig-concern">' in message and "procedure-ved-bekymring.pdf" in message
    assert handlers.show_procedure(last[tab.conversation]).visible is True
    other = list(handlers.chat("Hvad er tidlig indsats?", [], [], None, []))[-1]
    assert "tidlig-concern" not in other[tab.chatbot][-1]["content"]
    assert handlers.show_procedure(other[tab.conversation]).visible is False
