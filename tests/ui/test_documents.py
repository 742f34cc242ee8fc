"""The documents tab: file names kept inside uploads/, admin rights when login is configured."""

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


def test_only_admins_may_upload_or_delete_when_auth_is_configured(assistant, tmp_path):
    settings = make_settings(tmp_path / "data", auth_users={"leder": "hemmelig", "laerer": "hemmelig"}, admin_users=["leder"])
    ctx = AppContext.create(assistant, settings)
    with gr.Blocks():
        shell = Shell(gr.HTML(), gr.Tabs())
        chat_tab = chat.build(ctx, [])
        cases_tab = cases.build(case_rows(ctx.index))
        tab = documents.build(ctx)
    handlers = documents.DocumentHandlers(ctx, tab, chat_tab, cases_tab, cases.CaseHandlers(ctx, cases_tab, chat_tab, shell))
    file = tmp_path / "notat.txt"
    file.write_text("Et notat om tidlig indsats.", encoding="utf-8")
    user = SimpleNamespace(username="laerer")
    assert handlers.upload([str(file)], user)[tab.upload_result] == "Kun administratorer kan uploade dokumenter."
    deleted = handlers.delete("kl-2015-de-udsatte-boern-fremtiden-er-deres.txt", user)
    assert deleted[tab.delete_result] == "Kun administratorer kan slette dokumenter."
    assert not (settings.uploads_dir / "notat.txt").exists() and file.exists()
    assert handlers.on_load(user)[tab.admin_box].visible is False
    assert handlers.on_load(SimpleNamespace(username="leder"))[tab.admin_box].visible is True
