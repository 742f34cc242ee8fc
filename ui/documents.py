"""The "Dokumenter" tab: the indexed documents, and upload and delete for administrators."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from index import IndexBusy
from ingest.pipeline import FOLDER_FILES
from ingest.quarantine import UploadOutcome, accept_upload, quarantine_dir, quarantine_file
from prompts import render
from ui.cases import CaseHandlers, CasesTab
from ui.chat import ChatTab
from ui.context import AppContext
from ui.render import e

log = logging.getLogger("tidlig.app")

UPLOAD_TYPES = [".pdf", ".docx", ".txt", ".md"]
# Uploads screened at once: one stuck file does not hold up another admin; each screening is a child
# process with its own memory limit, so the number is kept small.
UPLOAD_CONCURRENCY = 2


@dataclass(frozen=True)
class DocumentsTab:
    table: gr.Dataframe
    admin_note: gr.Markdown
    admin_box: gr.Group
    files: gr.File
    upload: gr.Button
    upload_result: gr.Markdown
    delete_choice: gr.Dropdown
    delete: gr.Button
    delete_result: gr.Markdown


def build(ctx: AppContext) -> DocumentsTab:
    table = gr.Dataframe(
        value=document_rows(ctx),
        headers=["Titel", "Udgiver", "År", "Type", "Tekststykker", "Cases", "Fil"],
        interactive=False,
        wrap=True,
        column_widths=["30%", "20%", "6%", "8%", "10%", "6%", "20%"],
        label="Dokumenter i indekset",
        elem_id="tidlig-documents-table",
    )
    admin_note = gr.Markdown()
    with gr.Group() as admin_box:
        files = gr.File(
            label=f"Upload dokumenter (PDF, DOCX, TXT eller MD; højst {ctx.settings.max_file_mb:g} MB pr. fil)",
            file_count="multiple",
            file_types=UPLOAD_TYPES,
            type="filepath",
            elem_id="tidlig-upload",
        )
        upload = gr.Button("Indlæs dokumenterne", variant="primary", elem_id="tidlig-upload-button")
        upload_result = gr.Markdown(elem_id="tidlig-upload-result")
        with gr.Row():
            delete_choice = gr.Dropdown(choices=document_choices(ctx), label="Dokument", scale=3)
            delete = gr.Button("Slet dokument", variant="stop", scale=1)
        delete_result = gr.Markdown()
    return DocumentsTab(table, admin_note, admin_box, files, upload, upload_result, delete_choice, delete, delete_result)


def document_rows(ctx: AppContext) -> list[list[Any]]:
    return [
        [doc.info.title, doc.info.publisher, doc.info.year or "", doc.info.kind, doc.chunks, doc.cases, doc.info.doc_id]
        for doc in ctx.index.documents()
    ]


def document_choices(ctx: AppContext) -> list[tuple[str, str]]:
    return [(f"{doc.info.title} ({doc.info.doc_id})", doc.info.doc_id) for doc in ctx.index.documents()]


def safe_file_name(name: str) -> str:
    """A plain file name: no folders, no leading dots, only letters, digits, space, '.', '-' and '_'."""
    base = Path(name.replace("\\", "/")).name
    cleaned = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")
    return cleaned or "dokument.txt"


class DocumentHandlers:
    def __init__(self, ctx: AppContext, tab: DocumentsTab, chat: ChatTab, cases: CasesTab, case_handlers: CaseHandlers) -> None:
        self.ctx = ctx
        self.tab = tab
        self.chat = chat
        self.cases = cases
        self.case_handlers = case_handlers

    def catalog(self) -> dict[Any, Any]:
        """Every component that lists documents or cases, refreshed after the index changed."""
        choices = document_choices(self.ctx)
        return {
            self.tab.table: document_rows(self.ctx),
            self.chat.documents: gr.Dropdown(choices=choices, value=[]),
            self.tab.delete_choice: gr.Dropdown(choices=choices, value=None),
            **self.case_handlers.reset(),
        }

    def on_load(self, request: gr.Request) -> dict[Any, Any]:
        editable = self.ctx.may_edit(request)
        note = "" if editable else "Kun administratorer kan uploade og slette dokumenter."
        return {self.tab.admin_box: gr.Group(visible=editable), self.tab.admin_note: note, **self.catalog()}

    def upload(self, files: list[str] | None, request: gr.Request, progress: gr.Progress = gr.Progress()) -> dict[Any, Any]:
        """API ``/upload``: screen the files, move the readable ones into <data_dir>/uploads and index them;
        a Danish line per file. A refused file goes to <data_dir>/quarantine with its reason."""
        if not self.ctx.may_edit(request):
            return {self.tab.upload_result: "Kun administratorer kan uploade dokumenter.", **self.catalog()}
        if not files:
            return {self.tab.upload_result: "Vælg en eller flere filer først.", **self.catalog()}
        try:
            lines = self._ingest([Path(str(f)) for f in files], progress)
        except IndexBusy as busy:
            lines = [str(busy)]
        except Exception:
            log.exception("upload failed")
            lines = [render("error")]
        return {self.tab.upload_result: "\n".join(lines), **self.catalog()}

    def _ingest(self, files: list[Path], progress: gr.Progress) -> list[str]:
        progress(0, desc="Kontrollerer filerne …")
        lines: list[str] = []
        admitted: list[Path] = []
        for file in files:
            outcome = self._screen(file)
            file.unlink(missing_ok=True)  # Gradio's temporary copy: nothing of the upload stays behind in /tmp
            if outcome.path is not None:
                admitted.append(outcome.path)
            else:
                lines.append(refusal_line(outcome))
        if not admitted:
            return lines
        # Only now the index is locked: a slow or stuck screening above never holds up a delete.
        with self.ctx.index_lock:
            return lines + self._index(admitted, progress)

    def _screen(self, file: Path) -> UploadOutcome:
        """Refuse a name the index cannot take; else stage, screen and admit (or quarantine) the file."""
        settings = self.ctx.settings
        name = safe_file_name(file.name)
        if name.lower() in FOLDER_FILES:
            return UploadOutcome(name, reason="filnavnet er reserveret til mappebeskrivelser; omdøb filen")
        source = next((doc.source for doc in self.ctx.index.documents() if doc.info.doc_id == name), None)
        if source and Path(source).resolve().parent != settings.uploads_dir.resolve():
            return UploadOutcome(name, reason="et dokument med samme filnavn findes allerede i indekset. Omdøb filen")
        return accept_upload(
            file, name, settings.uploads_dir, quarantine_dir(settings.data_dir),
            max_bytes=int(settings.max_file_mb * 1e6), timeout_s=settings.extraction_timeout_s,
        )  # fmt: skip

    def _index(self, admitted: list[Path], progress: gr.Progress) -> list[str]:
        def report_progress(name: str, done: int, total: int) -> None:
            progress((done, total), desc=f"Indlæser {name}" if name else "Opdaterer søgeindekset …", unit="filer")

        report = self.ctx.index.update(admitted, progress=report_progress)
        chunks = {doc.info.doc_id: doc.chunks for doc in self.ctx.index.documents()}
        lines = [f"✅ **{e(name)}**: indlæst ({chunks.get(name, 0)} tekststykker)." for name in report.added]
        lines += [f"✅ **{e(name)}**: opdateret med den nye version ({chunks.get(name, 0)} tekststykker)." for name in report.replaced]
        lines += [f"ℹ️ **{e(name)}**: uændret – den samme fil er allerede indlæst." for name in report.unchanged]
        lines += [f"⚠️ **{e(incomplete.path.name)}**: {e(incomplete.note)}." for incomplete in report.incomplete]
        # The screening reads files as the indexer does, so this is rare; the file must still leave uploads/,
        # or every later ingest would stumble over it again.
        quarantine = quarantine_dir(self.ctx.settings.data_dir)
        for skipped in report.skipped:
            moved = quarantine_file(skipped.path, skipped.path.name, skipped.reason, quarantine)
            lines.append(refusal_line(UploadOutcome(skipped.path.name, reason=skipped.reason, quarantined=moved)))
        if report.added or report.replaced:
            self.ctx.assistant.refresh()
        log.info("upload: %d added, %d replaced, %d skipped", len(report.added), len(report.replaced), len(report.skipped))
        return lines

    def delete(self, doc_id: str | None, request: gr.Request) -> dict[Any, Any]:
        """API ``/delete``: remove a document from the index (and an uploaded file from disk)."""
        result = self._delete(doc_id, request)
        return {self.tab.delete_result: result, **self.catalog()}

    def _delete(self, doc_id: str | None, request: gr.Request) -> str:
        if not self.ctx.may_edit(request):
            return "Kun administratorer kan slette dokumenter."
        if not doc_id:  # none chosen, or the confirmation was cancelled
            return "Intet dokument er slettet."
        try:
            with self.ctx.index_lock:
                source = next((doc.source for doc in self.ctx.index.documents() if doc.info.doc_id == doc_id), None)
                if source is None or not self.ctx.index.remove_document(doc_id):
                    return f"Dokumentet {e(doc_id)} findes ikke i indekset."
                self.ctx.assistant.refresh()
            path = Path(source)
            log.info("deleted %s from the index", doc_id)
            if path.resolve().parent == self.ctx.settings.uploads_dir.resolve():
                path.unlink(missing_ok=True)
                return f"🗑️ **{e(doc_id)}** er slettet fra indekset og fra uploads."
            return (
                f"🗑️ **{e(doc_id)}** er fjernet fra indekset. Filen ligger stadig i {e(path.parent.name)}/ "
                "og kommer med igen ved næste fulde indeksering (`python -m index`)."
            )
        except IndexBusy as busy:
            return str(busy)
        except Exception:
            log.exception("deleting %s failed", doc_id)
            return render("error")


def refusal_line(outcome: UploadOutcome) -> str:
    where = " Filen er lagt i karantæne." if outcome.quarantined is not None else ""
    return f"⚠️ **{e(outcome.name)}**: sprunget over – {e(outcome.reason)}.{where}"


def wire(ctx: AppContext, tab: DocumentsTab, chat: ChatTab, cases: CasesTab, case_handlers: CaseHandlers, demo: gr.Blocks) -> None:
    handlers = DocumentHandlers(ctx, tab, chat, cases, case_handlers)
    # Lists, not sets: /upload and /delete answer gradio_client with (result, documents table, …) in this order.
    catalog = [tab.table, chat.documents, tab.delete_choice, *_case_outputs(cases)]
    # Uploads and deletes queue apart: a delete never waits behind an upload's screening (index writes
    # are serialised by ctx.index_lock, which an upload takes only once its files are screened).
    tab.upload.click(
        handlers.upload, [tab.files], [tab.upload_result, *catalog], api_name="upload", concurrency_id="upload",
        concurrency_limit=UPLOAD_CONCURRENCY,
    )  # fmt: skip
    tab.delete.click(
        handlers.delete, [tab.delete_choice], [tab.delete_result, *catalog],
        js="(doc) => (doc && confirm('Slet ' + doc + ' fra indekset?')) ? doc : null",
        api_name="delete", concurrency_id="delete", concurrency_limit=1,
    )  # fmt: skip
    demo.load(handlers.on_load, None, [tab.admin_box, tab.admin_note, *catalog], api_visibility="private")


def _case_outputs(cases: CasesTab) -> list[Any]:
    return [
        cases.grid, cases.keys, cases.detail, cases.selected, cases.ask_case, cases.chosen, cases.compare,
        cases.search, cases.target_group, cases.order, cases.municipality,
    ]  # fmt: skip
