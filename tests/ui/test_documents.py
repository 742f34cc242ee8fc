"""The documents tab: file names kept inside uploads/, admin rights when login is configured, a screening
that takes too long is killed and its file quarantined, a folder-description name is refused."""

from __future__ import annotations

from types import SimpleNamespace

import gradio as gr

from tests.conftest import make_settings
from ui import cases, chat, documents
from ui.case_grid import case_rows
from ui.context import AppContext
from ui.documents import safe_file_name
from ui.shell import Shell


def test_safe_file_name_keeps_names_inside_the_uploads_folder():
    assert safe_file_name("../../etc/passwd") == "passwd"
    assert safe_file_name("C:\\Users\\x\\Notat om børn.docx") == "Notat om børn.docx"
    assert safe_file_name("..skjult.txt") == "skjult.txt"
    assert safe_file_name("rapport (endelig)?.pdf") == "rapport _endelig_.pdf"


def document_handlers(assistant, settings) -> tuple[documents.DocumentHandlers, documents.DocumentsTab]:
    ctx = AppContext.create(assistant, settings)
    with gr.Blocks():
        shell = Shell(gr.HTML(), gr.Tabs())
        chat_tab = chat.build(ctx, [])
        cases_tab = cases.build(case_rows(ctx.index))
        tab = documents.build(ctx)
    handlers = documents.DocumentHandlers(ctx, tab, chat_tab, cases_tab, cases.CaseHandlers(ctx, cases_tab, chat_tab, shell))
    return handlers, tab


def test_only_admins_may_upload_or_delete_when_auth_is_configured(assistant, tmp_path):
    settings = make_settings(tmp_path / "data", auth_users={"leder": "hemmelig", "laerer": "hemmelig"}, admin_users=["leder"])
    handlers, tab = document_handlers(assistant, settings)
    file = tmp_path / "notat.txt"
    file.write_text("Et notat om tidlig indsats.", encoding="utf-8")
    user = SimpleNamespace(username="laerer")
    assert handlers.upload([str(file)], user)[tab.upload_result] == "Kun administratorer kan uploade dokumenter."
    deleted = handlers.delete("kl-2015-de-udsatte-boern-fremtiden-er-deres.txt", user)
    assert deleted[tab.delete_result] == "Kun administratorer kan slette dokumenter."
    assert not (settings.uploads_dir / "notat.txt").exists() and file.exists()
    assert handlers.on_load(user)[tab.admin_box].visible is False
    assert handlers.on_load(SimpleNamespace(username="leder"))[tab.admin_box].visible is True


def test_a_screening_over_the_time_limit_is_killed_and_the_file_quarantined(assistant, tmp_path):
    # 10 ms is too short for the screening child to even start: the real time-out path, without a slow file.
    settings = make_settings(tmp_path / "data", extraction_timeout_s=0.01)
    handlers, tab = document_handlers(assistant, settings)
    file = tmp_path / "notat.txt"
    file.write_text("Et notat om tidlig indsats i dagplejen.", encoding="utf-8")
    documents_before = len(assistant.index.documents())
    result = handlers.upload([str(file)], None, progress=lambda *args, **kwargs: None)[tab.upload_result]
    assert result.startswith("⚠️ **notat.txt**: sprunget over – filen tog for lang tid at læse"), result
    assert result.endswith("Filen er lagt i karantæne.")
    assert [path.name for path in settings.uploads_dir.rglob("*") if path.is_file()] == []
    reasons = list((settings.data_dir / "quarantine").glob("*-notat.txt.reason.txt"))
    assert len(reasons) == 1 and "tog for lang tid" in reasons[0].read_text(encoding="utf-8")
    assert not file.exists()  # Gradio's temporary copy is gone
    assert len(assistant.index.documents()) == documents_before
    assert not handlers.ctx.index_lock.locked()


def test_a_folder_description_name_is_refused_before_it_is_staged(assistant, tmp_path):
    settings = make_settings(tmp_path / "data")
    handlers, tab = document_handlers(assistant, settings)
    file = tmp_path / "README.md"
    file.write_text("# Om mappen", encoding="utf-8")
    result = handlers.upload([str(file)], None, progress=lambda *args, **kwargs: None)[tab.upload_result]
    assert result == "⚠️ **README.md**: sprunget over – filnavnet er reserveret til mappebeskrivelser; omdøb filen."
    assert not settings.uploads_dir.exists() and not (settings.data_dir / "quarantine").exists()
