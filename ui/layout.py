"""The page: header, the four tabs (chat, cases, course pack, documents), footer, and their events."""

from __future__ import annotations

import gradio as gr

from assistant import Assistant
from tidlig.settings import Settings
from ui import cases, chat, coursepack, documents
from ui.case_grid import case_rows
from ui.context import AppContext
from ui.server import private_upload_folder
from ui.shell import Shell, footer, header

# Gradio's temporary files (uploads, downloads) are removed every 10 minutes once an hour old.
DELETE_CACHE = (600, 3600)


def build_app(assistant: Assistant, settings: Settings) -> gr.Blocks:
    """The Gradio Blocks app around ``assistant``. Serve it with :func:`ui.server.launch`."""
    ctx = AppContext.create(assistant, settings)
    private_upload_folder()
    with gr.Blocks(title="tidlig – tidlig indsats for børn", analytics_enabled=False, delete_cache=DELETE_CACHE) as demo:
        notices = header()
        with gr.Tabs() as tabs:
            with gr.Tab("Spørg", id="chat"):
                chat_tab = chat.build(ctx, documents.document_choices(ctx))
            with gr.Tab("Eksempler", id="cases"):  # short: all four tab names fit a 400-px screen
                cases_tab = cases.build(case_rows(ctx.index))
            with gr.Tab("Kursusmappe", id="pack"):
                pack_tab = coursepack.build()
            with gr.Tab("Dokumenter", id="docs"):
                documents_tab = documents.build(ctx)
        footer()

        shell = Shell(notices, tabs)
        chat.wire(ctx, chat_tab, shell)
        case_handlers = cases.wire(ctx, cases_tab, chat_tab, shell)
        coursepack.wire(ctx, pack_tab, chat_tab)
        documents.wire(ctx, documents_tab, chat_tab, cases_tab, case_handlers, demo)

    demo.queue(default_concurrency_limit=settings.concurrency_limit)
    return demo
