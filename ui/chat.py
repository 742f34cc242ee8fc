"""The "Spørg" tab: the chat (answer first, sources beside it), the pedagogues' concern starting point,
feedback on answers, and the conversation as a download."""

from __future__ import annotations

import html
import logging
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import gradio as gr

from assistant.analysis import is_concern
from assistant.question import bounded_history
from index import PassageFilter
from prompts import load, render
from ui.context import AppContext
from ui.conversation import Exchange, answered, conversation_markdown, with_closing_sentence
from ui.render import (
    answer_message,
    answers_in,
    empty_sources_html,
    error_message,
    history_turns,
    link_markers,
    message_text,
    notices_html,
    sources_panel,
    turn_sources_html,
)
from ui.shell import Shell

log = logging.getLogger("tidlig.app")

EXAMPLES: dict[str, list[str]] = {
    "Pædagog": [
        "Jeg er bekymret for en dreng på stuen – hvad gør jeg?",
        "Hvad er tegn på, at et lille barn mistrives?",
        "Hvordan kan tandplejen bidrage til at opdage overgreb?",
    ],
    "Leder": [
        "Hvad gjorde Holstebro Kommune med Familie med Hjerte, og hvad var resultatet?",
        "Hvordan bruger kommunerne socioøkonomiske fordelingsmodeller på daginstitutionsområdet?",
        "Hvordan arbejder Viborg Kommune med tidlig opsporing?",
    ],
    "Underviser": [
        "Hvad er tidlig indsats?",
        "Hvilke udfordringer har dagtilbud med børn med særlige behov?",
        "Hvordan skaber Hedensted Kommune balance mellem almen og special?",
    ],
}


@dataclass(frozen=True)
class ChatTab:
    concern_start: gr.Button
    procedure: gr.File
    chatbot: gr.Chatbot
    case_row: gr.Row
    case_label: gr.Markdown
    clear_case: gr.Button
    question: gr.Textbox
    documents: gr.Dropdown
    new_button: gr.Button
    export_button: gr.Button
    add_answer: gr.Button
    export_file: gr.File
    feedback_status: gr.Markdown
    feedback_box: gr.Group
    feedback_text: gr.Textbox
    feedback_send: gr.Button
    sources: gr.HTML
    pack_request: gr.Textbox
    conversation: gr.State
    case_filter: gr.State
    pending_feedback: gr.State


def build(ctx: AppContext, document_choices: list[tuple[str, str]]) -> ChatTab:
    """The tab's components; call inside ``gr.Tab``."""
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320):
            with gr.Row():
                concern_start = gr.Button(
                    "Bekymret for et barn?", variant="primary", elem_id="tidlig-concern-start", scale=0, min_width=220
                )
                gr.Markdown("Få hjælp til, hvad du skal gøre – trin for trin, med kilder.", elem_classes=["tidlig-meta"])
            procedure = gr.File(
                value=str(ctx.settings.concern_procedure) if ctx.settings.concern_procedure else None,
                label="Jeres egen procedure ved bekymring",
                visible=False,
                interactive=False,
                elem_id="tidlig-procedure",
            )
            chatbot = gr.Chatbot(
                label="Samtale",
                height="70vh",
                min_height=420,
                autoscroll=False,  # script.js keeps the start of a new answer in view
                buttons=["copy", "copy_all"],
                feedback_options=("Like", "Dislike"),
                placeholder="Stil et spørgsmål – eller vælg et eksempel nedenfor.",
                elem_id="tidlig-chat",
            )
            with gr.Row(visible=False) as case_row:
                case_label = gr.Markdown()
                clear_case = gr.Button("Fjern case-afgrænsning", size="sm", scale=0)
            question = gr.Textbox(
                label="Dit spørgsmål",
                placeholder="Skriv dit spørgsmål … (skriv aldrig CPR-numre eller børns navne)",
                lines=1,
                max_lines=5,
                submit_btn="Spørg",
                elem_id="tidlig-question",
            )
            documents = gr.Dropdown(
                choices=document_choices,
                value=[],
                multiselect=True,
                label="Søg kun i disse dokumenter (valgfrit)",
                elem_id="tidlig-documents",
            )
            with gr.Row():
                new_button = gr.Button("Ny samtale", elem_id="tidlig-new")
                add_answer = gr.Button("Læg seneste svar i kursusmappen", elem_id="tidlig-add-answer")
                export_button = gr.Button("Eksportér samtalen (Markdown)", elem_id="tidlig-export")
            export_file = gr.File(label="Samtalen som Markdown", visible=False, interactive=False)
            feedback_status = gr.Markdown(elem_id="tidlig-feedback-status")
            with gr.Group(visible=False, elem_id="tidlig-feedback") as feedback_box:
                feedback_text = gr.Textbox(label="Kommentar til svaret (valgfri – skriv ikke navne eller CPR-numre)", lines=2)
                feedback_send = gr.Button("Send kommentar", size="sm", elem_id="tidlig-feedback-send")
            with gr.Accordion("Eksempler på spørgsmål", open=True):
                for group, examples in EXAMPLES.items():
                    gr.Examples([[example] for example in examples], inputs=[question], label=group)
        with gr.Column(scale=2, min_width=320):
            gr.Markdown("### Kilder")
            sources = gr.HTML(empty_sources_html(), label="Kilder", elem_id="tidlig-sources")
            pack_request = gr.Textbox(elem_id="tidlig-pack-request", elem_classes=["tidlig-hidden"], show_label=False)
    return ChatTab(
        concern_start, procedure, chatbot, case_row, case_label, clear_case, question, documents, new_button,
        export_button, add_answer, export_file, feedback_status, feedback_box, feedback_text, feedback_send, sources,
        pack_request, gr.State([]), gr.State(None), gr.State(None),
    )  # fmt: skip


class ChatHandlers:
    """The tab's event handlers. Each catches its own errors: a failing request logs the (redacted)
    question and shows prompts/error.txt; the app keeps serving."""

    def __init__(self, ctx: AppContext, tab: ChatTab, shell: Shell) -> None:
        self.ctx = ctx
        self.tab = tab
        self.shell = shell

    def filters(self, documents: Sequence[str] | None, case_key: str | None = None) -> PassageFilter:
        case = next((c for c in self.ctx.index.case_examples() if f"{c.doc_id}#{c.number}" == case_key), None)
        if case is not None:
            return PassageFilter(doc_ids=(case.doc_id,), case_numbers=(case.number,))
        return PassageFilter(doc_ids=tuple(str(doc) for doc in documents or ()))

    def ask(self, question: str, history: list[dict] | None = None, documents: list[str] | None = None) -> tuple[str, str]:
        """API ``/ask``: one question, stateless. Returns the answer as Markdown (notices first, [n]
        markers linked to the sources) and the sources panel as HTML. ``history``: earlier chat messages
        ({"role", "content"}); ``documents``: document ids (file names) to search in, all when empty."""
        turn = answers_in(history) + 1
        try:
            answer = self.ctx.assistant.ask(question or "", history_turns(history), self.filters(documents))
        except Exception:
            log.exception("ask failed for question %r", self.ctx.redact(question or "")[:300])
            return render("error"), ""
        answer = with_closing_sentence(answer, filtered=bool(documents))
        notices = "".join(f"> ⚠️ {notice}\n\n" for notice in answer.notices)
        return notices + answer_message(answer, turn), turn_sources_html(answer, turn, self.ctx.index)

    def chat(
        self, message: str, history: list[dict] | None, documents: list[str] | None, case_key: str | None,
        conversation: list[Exchange] | None,
    ) -> Iterator[dict[Any, Any]]:  # fmt: skip
        """API ``/chat`` and the question box: stream the answer into the chat, then show its sources."""
        tab, notices = self.tab, self.shell.notices
        conversation = list(conversation or [])
        history = list(history or [])
        question = message_text(message).strip()
        if not question:
            yield {tab.chatbot: history, notices: notices_html([render("empty_question")]), tab.conversation: conversation}
            return
        turn = len(conversation) + 1  # the sources panel numbers answers by their place in the conversation
        # Bounded before anything else touches it: a 1.4 MB earlier message is cut to a question's length
        # here, so redacting, condensing and embedding it costs what an ordinary turn costs.
        previous = bounded_history(history_turns(history))
        earlier = tuple(self.ctx.redact(t.content) for t in previous if t.role == "user")
        concern = is_concern(question)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": "…"}]
        yield {tab.question: "", tab.chatbot: history, notices: "", tab.conversation: conversation}
        try:
            answer = None
            for partial, complete in self.ctx.assistant.stream(question, previous, self.filters(documents, case_key)):
                if complete is not None:
                    answer = complete
                    break
                history[-1] = {"role": "assistant", "content": link_markers(partial, turn)}
                yield {tab.chatbot: history}
            if answer is None:
                raise RuntimeError("the assistant's stream ended without an answer")
        except Exception:
            log.exception("chat failed for question %r", self.ctx.redact(question)[:300])
            history[-1] = {"role": "assistant", "content": error_message()}
            conversation.append(Exchange(self.ctx.redact(question), None, earlier))
            yield {
                tab.chatbot: history,
                notices: notices_html([render("error")], error=True),
                tab.conversation: conversation,
            }
            return
        answer = with_closing_sentence(answer, filtered=bool(documents or case_key))
        history[-1] = {"role": "assistant", "content": answer_message(answer, turn, self.procedure_note(concern))}
        conversation.append(Exchange(self.ctx.redact(question), answer, earlier, concern))
        yield {
            tab.chatbot: history,
            tab.sources: sources_panel(answered(conversation), self.ctx.index),
            notices: notices_html(answer.notices),
            tab.conversation: conversation,
        }

    def show_procedure(self, conversation: list[Exchange] | None) -> gr.File:
        """The organisation's procedure document, offered while the latest answer is about a concern."""
        concern = conversation[-1].concern if conversation else False
        return gr.File(visible=concern and self.ctx.settings.concern_procedure is not None)

    def procedure_note(self, concern: bool) -> str:
        """The line that points to the organisation's procedure document in a concern answer."""
        procedure = self.ctx.settings.concern_procedure
        if not concern or procedure is None:
            return ""
        return f"{load('concern_procedure')} {procedure.name} (hent den under »Bekymret for et barn?«)."

    def concern_question(self) -> dict[Any, Any]:
        return {self.tab.question: load("concern_question")}

    def new_conversation(self) -> dict[Any, Any]:
        tab = self.tab
        return {
            tab.chatbot: [], tab.sources: empty_sources_html(), self.shell.notices: "", tab.conversation: [],
            tab.case_filter: None, tab.case_row: gr.Row(visible=False), tab.feedback_box: gr.Group(visible=False),
            tab.export_file: gr.File(value=None, visible=False), tab.procedure: gr.File(visible=False),
        }  # fmt: skip

    def export(self, conversation: list[Exchange] | None) -> str | None:
        """API ``/export``: the session's conversation as a Markdown file (questions, answers, references)."""
        if not conversation:
            gr.Warning("Der er ingen samtale at eksportere endnu.", title="Bemærk")
            return None
        try:
            return self.ctx.downloads.write("tidlig-samtale", ".md", conversation_markdown(conversation))
        except Exception:
            log.exception("export failed")
            gr.Warning(render("error"), title="Fejl")
            return None

    def like(self, conversation: list[Exchange] | None, event: gr.LikeData) -> dict[Any, Any]:
        tab = self.tab
        hidden = {tab.feedback_box: gr.Group(visible=False), tab.pending_feedback: None}
        try:
            position = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
            exchange = exchange_at(conversation or [], int(position))
            if exchange is None or event.liked is None:  # None: the rating was taken back
                return {**hidden, tab.feedback_status: ""}
            record_id = uuid.uuid4().hex
            self.ctx.feedback.append(feedback_record(record_id, exchange, bool(event.liked)))
            thanks = "Tak for din vurdering. Skriv gerne, hvad der var godt eller manglede."
            return {tab.feedback_box: gr.Group(visible=True), tab.pending_feedback: record_id, tab.feedback_status: thanks}
        except Exception:
            log.exception("storing feedback failed")
            return {**hidden, tab.feedback_status: render("error")}

    def comment(self, record_id: str | None, text: str) -> dict[Any, Any]:
        tab = self.tab
        closed = {tab.feedback_box: gr.Group(visible=False), tab.feedback_text: "", tab.pending_feedback: None}
        if not record_id or not (text or "").strip():
            return {**closed, tab.feedback_status: ""}
        try:
            self.ctx.feedback.append({"id": record_id, "comment": self.ctx.redact(text.strip())[:2000]})
            return {**closed, tab.feedback_status: "Tak – kommentaren er gemt."}
        except Exception:
            log.exception("storing a feedback comment failed")
            return {**closed, tab.feedback_status: render("error")}


def exchange_at(conversation: Sequence[Exchange], position: int) -> Exchange | None:
    """The exchange of the chat message at ``position``: one exchange per assistant message."""
    answers_before = position // 2  # user, assistant, user, assistant, ...
    return conversation[answers_before] if 0 <= answers_before < len(conversation) else None


def feedback_record(record_id: str, exchange: Exchange, liked: bool) -> dict[str, Any]:
    """A rating as stored: the (redacted) question, the answer's text and citations, no user names."""
    answer = exchange.answer
    return {
        "id": record_id,
        "time": datetime.now().isoformat(timespec="seconds"),
        "rating": "op" if liked else "ned",
        "question": exchange.question,
        "history": list(exchange.history),
        "answer": html.unescape(answer.text) if answer else "",
        "refused": bool(answer and answer.refused),
        "error": answer is None,
        "mode": answer.mode if answer else "",
        "citations": [
            {"number": c.number, "doc_id": c.doc_id, "location": c.location, "chunk_id": c.chunk_id}
            for c in (answer.citations if answer else ())
        ],
        "comment": "",
    }


def wire(ctx: AppContext, tab: ChatTab, shell: Shell) -> ChatHandlers:
    handlers = ChatHandlers(ctx, tab, shell)
    chat_inputs = [tab.question, tab.chatbot, tab.documents, tab.case_filter, tab.conversation]
    # A list, not a set: /chat answers gradio_client with (question, chat, sources, notices) in this order.
    chat_outputs = [tab.question, tab.chatbot, tab.sources, shell.notices, tab.conversation]
    tab.question.submit(handlers.chat, chat_inputs, chat_outputs, api_name="chat", concurrency_id="answer").then(
        handlers.show_procedure, [tab.conversation], [tab.procedure], api_visibility="private"
    )
    tab.concern_start.click(handlers.concern_question, None, [tab.question], api_visibility="private").then(
        handlers.chat, chat_inputs, chat_outputs, concurrency_id="answer", api_visibility="private"
    ).then(handlers.show_procedure, [tab.conversation], [tab.procedure], api_visibility="private")
    # Lists, not sets, for outputs that handlers fill from a {component: value} dict: Gradio takes both,
    # and a list is what its typed event signatures declare.
    reset = [
        tab.chatbot, tab.sources, shell.notices, tab.conversation, tab.case_filter, tab.case_row, tab.feedback_box,
        tab.export_file, tab.procedure,
    ]  # fmt: skip
    tab.new_button.click(handlers.new_conversation, None, reset, api_visibility="private")
    tab.chatbot.clear(handlers.new_conversation, None, reset, api_visibility="private")  # the chat's own 🗑 button
    tab.export_button.click(handlers.export, [tab.conversation], [tab.export_file], api_name="export").then(
        lambda path: gr.File(visible=bool(path)), [tab.export_file], [tab.export_file], api_visibility="private"
    )
    tab.chatbot.like(
        handlers.like, [tab.conversation], [tab.feedback_box, tab.pending_feedback, tab.feedback_status],
        api_visibility="private",
    )  # fmt: skip
    tab.feedback_send.click(
        handlers.comment, [tab.pending_feedback, tab.feedback_text],
        [tab.feedback_box, tab.feedback_text, tab.pending_feedback, tab.feedback_status], api_visibility="private",
    )  # fmt: skip
    tab.clear_case.click(lambda: (None, gr.Row(visible=False)), None, [tab.case_filter, tab.case_row], api_visibility="private")
    gr.api(handlers.ask, api_name="ask", concurrency_id="answer")
    return handlers
