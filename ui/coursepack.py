"""The "Kursusmappe" tab for trainers: answers and quoted passages collected during the session,
reordered and removed here, downloaded as DOCX or Markdown with notes and a reference list."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import Any

import gradio as gr

from prompts import render
from ui.chat import ChatTab
from ui.conversation import Exchange
from ui.context import AppContext
from ui.pack import DEFAULT_TITLE, PackItem, add_answer, add_quote, move, pack_docx, pack_markdown, remove

log = logging.getLogger("tidlig.app")

EMPTY = (
    "Kursusmappen er tom. Læg et svar i den med »Læg seneste svar i kursusmappen« under chatten, "
    "eller et enkelt citat med »+ Læg i kursusmappen« ved en kilde."
)


@dataclass(frozen=True)
class CoursePackTab:
    pack: gr.State
    title: gr.Textbox
    contents: gr.HTML
    item: gr.Radio
    up: gr.Button
    down: gr.Button
    delete: gr.Button
    export_docx: gr.Button
    export_markdown: gr.Button
    export_file: gr.File
    status: gr.Markdown


def build() -> CoursePackTab:
    gr.Markdown(
        "Saml materiale til undervisning: svar og citater fra samtalen, med kilder som noter og en litteraturliste."
    )
    title = gr.Textbox(value=DEFAULT_TITLE, label="Titel på kursusmappen", elem_id="tidlig-pack-title")
    contents = gr.HTML(contents_html([]), elem_id="tidlig-pack")
    item = gr.Radio(choices=[], label="Vælg et punkt for at flytte eller fjerne det", elem_id="tidlig-pack-item")
    with gr.Row():
        up = gr.Button("Flyt op", size="sm", elem_id="tidlig-pack-up")
        down = gr.Button("Flyt ned", size="sm", elem_id="tidlig-pack-down")
        delete = gr.Button("Fjern", size="sm", variant="stop", elem_id="tidlig-pack-remove")
    with gr.Row():
        export_docx = gr.Button("Hent som Word (DOCX)", variant="primary", elem_id="tidlig-pack-docx")
        export_markdown = gr.Button("Hent som Markdown", elem_id="tidlig-pack-md")
    export_file = gr.File(label="Kursusmappen", visible=False, interactive=False, elem_id="tidlig-pack-file")
    status = gr.Markdown(elem_id="tidlig-pack-status")
    return CoursePackTab(gr.State([]), title, contents, item, up, down, delete, export_docx, export_markdown, export_file, status)


def contents_html(pack: list[PackItem]) -> str:
    if not pack:
        return f'<div class="tidlig-pack"><p class="tidlig-meta">{html.escape(EMPTY)}</p></div>'
    items = "".join(
        f"<li><strong>{html.escape(item.label())}</strong>"
        f'<div class="tidlig-meta">{html.escape(" · ".join(sorted({c.title for c in item.citations})))}</div></li>'
        for item in pack
    )
    return f'<div class="tidlig-pack" aria-live="polite"><p>{len(pack)} punkt(er) i kursusmappen:</p><ol>{items}</ol></div>'


class CoursePackHandlers:
    def __init__(self, ctx: AppContext, tab: CoursePackTab, chat: ChatTab) -> None:
        self.ctx = ctx
        self.tab = tab
        self.chat = chat

    def show(self, pack: list[PackItem], selected: int | None = None, status: str = "") -> dict[Any, Any]:
        tab = self.tab
        choices = [(f"{number}. {item.label()}", number - 1) for number, item in enumerate(pack, 1)]
        value = selected if selected is not None and 0 <= selected < len(pack) else None
        return {
            tab.pack: pack, tab.contents: contents_html(pack), tab.item: gr.Radio(choices=choices, value=value),
            tab.status: status,
        }  # fmt: skip

    def add_latest_answer(self, pack: list[PackItem] | None, conversation: list[Exchange] | None) -> dict[Any, Any]:
        answered = [exchange for exchange in conversation or () if exchange.answer is not None and not exchange.answer.refused]
        if not answered:
            return {**self.show(list(pack or [])), self.chat.feedback_status: "Der er endnu intet svar at lægge i kursusmappen."}
        updated = add_answer(pack or [], answered[-1])
        done = f"Svaret er lagt i kursusmappen ({len(updated)} punkt(er))."
        return {**self.show(updated, status=done), self.chat.feedback_status: done}

    def add_requested_quote(self, request: str, pack: list[PackItem] | None, conversation: list[Exchange] | None) -> dict[Any, Any]:
        """``request`` is "<answer>:<source number>:<nonce>" from a source's button (script.js)."""
        pack = list(pack or [])
        try:
            turn, number = (int(part) for part in (request or "").split(":")[:2])
        except ValueError:
            return {}
        exchanges = list(conversation or [])
        answer = exchanges[turn - 1].answer if 0 < turn <= len(exchanges) else None
        citation = next((c for c in (answer.citations if answer else ()) if c.number == number), None)
        if citation is None:
            return {}
        updated = add_quote(pack, citation)
        done = f"Citatet er lagt i kursusmappen ({len(updated)} punkt(er))."
        return {**self.show(updated, status=done), self.chat.feedback_status: done}

    def move(self, pack: list[PackItem] | None, selected: int | None, step: int) -> dict[Any, Any]:
        if selected is None:
            return self.show(list(pack or []), status="Vælg først et punkt på listen.")
        return self.show(move(pack or [], selected, step), selected + step if 0 <= selected + step < len(pack or []) else selected)

    def remove(self, pack: list[PackItem] | None, selected: int | None) -> dict[Any, Any]:
        if selected is None:
            return self.show(list(pack or []), status="Vælg først et punkt på listen.")
        return self.show(remove(pack or [], selected), status="Punktet er fjernet.")

    def export(self, kind: str, pack: list[PackItem] | None, title: str) -> dict[Any, Any]:
        tab = self.tab
        if not pack:
            return {tab.export_file: gr.File(visible=False), tab.status: EMPTY}
        try:
            if kind == "docx":
                path = self.ctx.downloads.write("tidlig-kursusmappe", ".docx", pack_docx(pack, title.strip()))
            else:
                path = self.ctx.downloads.write("tidlig-kursusmappe", ".md", pack_markdown(pack, title.strip()))
            return {tab.export_file: gr.File(value=path, visible=True), tab.status: ""}
        except Exception:
            log.exception("course pack export failed")
            return {tab.export_file: gr.File(visible=False), tab.status: render("error")}


def wire(ctx: AppContext, tab: CoursePackTab, chat: ChatTab) -> CoursePackHandlers:
    handlers = CoursePackHandlers(ctx, tab, chat)
    # Handlers return {component: update}; Gradio takes the outputs as a list or a set, and a list is what
    # its typed event signatures declare.
    shown = [tab.pack, tab.contents, tab.item, tab.status]
    added = [*shown, chat.feedback_status]
    chat.add_answer.click(handlers.add_latest_answer, [tab.pack, chat.conversation], added, api_visibility="private")
    # .change, not .input: script.js sets the hidden box's value, which Gradio does not count as typing.
    chat.pack_request.change(
        handlers.add_requested_quote, [chat.pack_request, tab.pack, chat.conversation],
        added,
        api_visibility="private",
    )
    tab.up.click(lambda p, s: handlers.move(p, s, -1), [tab.pack, tab.item], shown, api_visibility="private")
    tab.down.click(lambda p, s: handlers.move(p, s, 1), [tab.pack, tab.item], shown, api_visibility="private")
    tab.delete.click(handlers.remove, [tab.pack, tab.item], shown, api_visibility="private")
    exported = [tab.export_file, tab.status]
    tab.export_docx.click(
        lambda p, t: handlers.export("docx", p, t), [tab.pack, tab.title], exported, api_visibility="private"
    )
    tab.export_markdown.click(
        lambda p, t: handlers.export("md", p, t), [tab.pack, tab.title], exported, api_visibility="private"
    )
    return handlers
