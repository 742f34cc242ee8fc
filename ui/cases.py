"""The "Eksempler" tab for leaders: the case comparison grid with filters, sorting, a
side-by-side comparison of chosen cases, CSV/Markdown export, and a case in full to ask about."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

import gradio as gr

from prompts import render
from tidlig.text import inert_markdown
from ui.case_grid import (
    ALL_MUNICIPALITIES,
    HEADINGS,
    SORT_ORDERS,
    CaseRow,
    case_html,
    case_rows,
    compare_html,
    filter_rows,
    grid_csv,
    grid_markdown,
    municipalities,
    sort_rows,
    table,
)
from ui.chat import ChatTab
from ui.context import AppContext
from ui.shell import Shell

log = logging.getLogger("tidlig.app")

# The grid's first column is the case number; the others are text.
_COLUMN_TYPES: list[Literal["number", "str"]] = ["number" if column == 0 else "str" for column in range(len(HEADINGS))]


@dataclass(frozen=True)
class CasesTab:
    search: gr.Textbox
    municipality: gr.Dropdown
    target_group: gr.Textbox
    order: gr.Dropdown
    grid: gr.Dataframe
    keys: gr.State
    chosen: gr.CheckboxGroup
    compare: gr.HTML
    export_csv: gr.Button
    export_markdown: gr.Button
    export_file: gr.File
    detail: gr.HTML
    ask_case: gr.Button
    selected: gr.State


def build(rows: list[CaseRow]) -> CasesTab:
    gr.Markdown(
        "Alle kommunale eksempler i dokumenterne. Hver celle er et ordret citat fra casen med dens placering – "
        "eller »ikke beskrevet«. Vælg en række for at læse hele casen; vælg flere nedenfor for at sammenligne."
    )
    with gr.Row():
        search = gr.Textbox(label="Søg i casene", placeholder="fx sundhedspleje, anbringelse …", scale=2, elem_id="tidlig-case-search")
        municipality = gr.Dropdown(
            choices=municipalities(rows), value=ALL_MUNICIPALITIES, label="Kommune", scale=1, elem_id="tidlig-case-municipality"
        )
        target_group = gr.Textbox(label="Målgruppe indeholder", placeholder="fx unge, 0-3 år", scale=1, elem_id="tidlig-case-target")
        order = gr.Dropdown(choices=list(SORT_ORDERS), value=SORT_ORDERS[0], label="Sortér efter", scale=1, elem_id="tidlig-case-order")
    grid = gr.Dataframe(
        value=table(rows),
        headers=HEADINGS,
        datatype=_COLUMN_TYPES,
        interactive=False,
        wrap=True,
        max_height=520,
        column_widths=["5%", "11%", "14%", "14%", "14%", "14%", "14%", "14%"],
        label="Kommunale eksempler",
        elem_id="tidlig-cases",
    )
    detail = gr.HTML("", elem_id="tidlig-case-detail")
    ask_case = gr.Button("Stil et spørgsmål om denne case", variant="primary", visible=False, elem_id="tidlig-ask-case")
    with gr.Accordion("Sammenlign cases side om side", open=True):
        chosen = gr.CheckboxGroup(
            choices=[(row.label, row.key) for row in rows], label="Vælg de cases, der skal sammenlignes", elem_id="tidlig-case-choose"
        )
        compare = gr.HTML(compare_html([]), elem_id="tidlig-case-compare")
    with gr.Row():
        export_csv = gr.Button("Hent tabellen som CSV", elem_id="tidlig-cases-csv")
        export_markdown = gr.Button("Hent tabellen som Markdown", elem_id="tidlig-cases-md")
    export_file = gr.File(label="Tabellen med kilder", visible=False, interactive=False, elem_id="tidlig-cases-file")
    keys = gr.State([row.key for row in rows])
    return CasesTab(
        search, municipality, target_group, order, grid, keys, chosen, compare, export_csv, export_markdown, export_file,
        detail, ask_case, gr.State(None),
    )  # fmt: skip


class CaseHandlers:
    def __init__(self, ctx: AppContext, tab: CasesTab, chat: ChatTab, shell: Shell) -> None:
        self.ctx = ctx
        self.tab = tab
        self.chat = chat
        self.shell = shell

    def rows(self, search: str = "", municipality: str | None = None, target: str = "", order: str | None = None) -> list[CaseRow]:
        return sort_rows(filter_rows(case_rows(self.ctx.index), municipality, target, search), order)

    def refresh(self, search: str, municipality: str | None, target: str, order: str | None, chosen: list[str] | None) -> dict[Any, Any]:
        """The grid after a filter or sort change; chosen cases stay chosen when still shown."""
        tab = self.tab
        rows = self.rows(search, municipality, target, order)
        keys = [row.key for row in rows]
        kept = [key for key in chosen or () if key in keys]
        return {
            tab.grid: table(rows), tab.keys: keys, tab.detail: "", tab.selected: None, tab.ask_case: gr.Button(visible=False),
            tab.chosen: gr.CheckboxGroup(choices=[(row.label, row.key) for row in rows], value=kept),
            tab.compare: compare_html([row for row in rows if row.key in kept]),
        }  # fmt: skip

    def reset(self) -> dict[Any, Any]:
        """The whole grid again (after documents were added or removed)."""
        rows = self.rows()
        refreshed = self.refresh("", None, "", None, [])
        return {
            **refreshed, self.tab.search: "", self.tab.target_group: "", self.tab.order: SORT_ORDERS[0],
            self.tab.municipality: gr.Dropdown(choices=municipalities(rows), value=ALL_MUNICIPALITIES),
        }  # fmt: skip

    def compare(self, chosen: list[str] | None) -> str:
        by_key = {row.key: row for row in case_rows(self.ctx.index)}
        return compare_html([by_key[key] for key in chosen or () if key in by_key])

    def select(self, keys: list[str] | None, event: gr.SelectData) -> dict[Any, Any]:
        tab = self.tab
        row_number = int(event.index[0] if isinstance(event.index, (list, tuple)) else event.index)
        key = keys[row_number] if keys and 0 <= row_number < len(keys) else None
        row = next((r for r in case_rows(self.ctx.index) if r.key == key), None)
        if row is None:
            return {tab.detail: "", tab.selected: None, tab.ask_case: gr.Button(visible=False)}
        return {tab.detail: case_html(row), tab.selected: key, tab.ask_case: gr.Button(visible=True)}

    def ask_about(self, key: str | None) -> dict[Any, Any]:
        chat = self.chat
        row = next((r for r in case_rows(self.ctx.index) if r.key == key), None)
        if row is None:
            return {chat.case_filter: None, chat.case_row: gr.Row(visible=False)}
        case = row.case
        place = f"{case.municipality} i casen" if case.municipality else "casen"
        question = f"Hvad gjorde {place} »{case.title}«, og hvad kom der ud af det?"
        label = f"Spørgsmål afgrænses til **{inert_markdown(row.label)}**"
        return {
            self.shell.tabs: gr.Tabs(selected="chat"), chat.question: question, chat.case_filter: key,
            chat.case_row: gr.Row(visible=True), chat.case_label: label,
        }  # fmt: skip

    def export(self, kind: str, search: str, municipality: str | None, target: str, order: str | None) -> dict[Any, Any]:
        """The grid as shown (filters and order applied) as a CSV or Markdown file with sources."""
        try:
            rows = self.rows(search, municipality, target, order)
            if kind == "csv":
                path = self.ctx.downloads.write("tidlig-cases", ".csv", "\ufeff" + grid_csv(rows))  # BOM: Excel reads UTF-8
            else:
                path = self.ctx.downloads.write("tidlig-cases", ".md", grid_markdown(rows))
            return {self.tab.export_file: gr.File(value=path, visible=True)}
        except Exception:
            log.exception("case grid export failed")
            gr.Warning(render("error"), title="Fejl")
            return {self.tab.export_file: gr.File(visible=False)}


def wire(ctx: AppContext, tab: CasesTab, chat: ChatTab, shell: Shell) -> CaseHandlers:
    handlers = CaseHandlers(ctx, tab, chat, shell)
    # Handlers return {component: update}; Gradio takes the outputs as a list or a set, and a list is what
    # its typed event signatures declare.
    filters = [tab.search, tab.municipality, tab.target_group, tab.order]
    grid_outputs = [tab.grid, tab.keys, tab.detail, tab.selected, tab.ask_case, tab.chosen, tab.compare]
    gr.on(
        [tab.search.input, tab.municipality.input, tab.target_group.input, tab.order.input],
        handlers.refresh, [*filters, tab.chosen], grid_outputs, trigger_mode="always_last", api_visibility="private",
    )  # fmt: skip
    tab.chosen.input(handlers.compare, [tab.chosen], [tab.compare], trigger_mode="always_last", api_visibility="private")
    tab.grid.select(handlers.select, [tab.keys], [tab.detail, tab.selected, tab.ask_case], api_visibility="private")
    tab.ask_case.click(
        handlers.ask_about, [tab.selected],
        [shell.tabs, chat.question, chat.case_filter, chat.case_row, chat.case_label], api_visibility="private",
    )  # fmt: skip
    tab.export_csv.click(lambda *f: handlers.export("csv", *f), filters, [tab.export_file], api_visibility="private")
    tab.export_markdown.click(
        lambda *f: handlers.export("md", *f), filters, [tab.export_file], api_visibility="private"
    )
    return handlers
