"""tidlig's web front-end: a Gradio app around an :class:`assistant.Assistant`.

Tabs: "Spørg" (chat with streamed, cited answers and a sources panel), "Kommunale eksempler" (the case
browser) and "Dokumenter" (indexed documents, upload and delete). Everything a user reads is Danish.

API endpoints for ``gradio_client`` (``Client(url).predict(..., api_name="/ask")``):

- ``/ask`` (question, history, documents) -> (answer Markdown, sources HTML); stateless;
- ``/chat`` (question, history, documents) -> the chat as the UI shows it; records the conversation
  for ``/export`` in the caller's session;
- ``/export`` () -> the session's conversation as a Markdown file, with the full reference list;
- ``/upload`` (files) -> a Danish result per file; ``/delete`` (document id) -> a Danish result.

``GET /health`` answers ``{"status": "ok", "documents": n, "chunks": m}`` for a load balancer.

Run it with ``python app.py`` (settings from ``TIDLIG_*`` variables or ``tidlig.toml``); build it in code
with ``launch(build_app(assistant, settings), assistant, settings)``.
"""

import tidlig.offline  # noqa: F401  (must precede gradio, chromadb and llama-index)

import time

STARTED = time.perf_counter()  # start-up time is reported from here (imports included)

import html
import json
import logging
import re
import shutil
import sys
import tempfile
import threading
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import Answer, Assistant, Citation, Turn
from index import CorpusIndex, IndexBusy, PassageFilter
from ingest.cases import CaseExample
from prompts import load, render
from tidlig import logs
from tidlig.settings import Settings

log = logging.getLogger("tidlig.app")

FEEDBACK_FILE = "feedback.jsonl"
UPLOAD_TYPES = [".pdf", ".docx", ".txt", ".md"]
MAX_EARLIER_SOURCES = 10  # earlier answers whose sources stay in the panel (collapsed)
MAX_EXPORT_AGE_S = 3600

REFERENCES_HEADING = "**Kilder:**"
REFUSAL_TITLE = "Dokumenterne besvarer ikke spørgsmålet"
ALL_MUNICIPALITIES = "Alle kommuner"

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

CSS = """
#tidlig-sources { position: sticky; top: 0.5rem; max-height: 85vh; overflow-y: auto !important; }
.tidlig-intro { font-size: 0.95rem; opacity: 0.85; margin: 0 0 0.5rem 0; }
.tidlig-notice { border-left: 5px solid #d97706; background: #fef3c7; color: #451a03; padding: 0.6rem 0.8rem;
  margin: 0.3rem 0; border-radius: 6px; font-weight: 600; }
.tidlig-notice.tidlig-notice-error { border-color: #b91c1c; background: #fee2e2; color: #450a0a; }
.tidlig-refusal { border: 2px dashed #b45309; background: #fffbeb; color: #451a03; padding: 0.5rem 0.8rem; border-radius: 8px; }
.tidlig-error { border: 2px solid #b91c1c; background: #fef2f2; color: #450a0a; padding: 0.5rem 0.8rem; border-radius: 8px; }
.tidlig-sources-turn h3 { margin: 0.2rem 0 0.4rem 0; font-size: 1rem; }
.tidlig-sources-refused { background: #fffbeb; color: #451a03; border-left: 4px solid #b45309; padding: 0.4rem 0.6rem; font-size: 0.9rem; }
.tidlig-source { border: 1px solid #d4d4d8; border-radius: 8px; padding: 0.5rem 0.7rem; margin: 0 0 0.6rem 0; scroll-margin-top: 1rem; }
.tidlig-source .tidlig-num { font-weight: 700; margin-right: 0.3rem; }
.tidlig-source .tidlig-meta { font-size: 0.85rem; opacity: 0.8; margin: 0.15rem 0 0.35rem 0; }
.tidlig-passage { white-space: pre-line; font-size: 0.9rem; margin: 0; padding: 0.3rem 0.6rem; border-left: 3px solid #a1a1aa; }
.tidlig-passage mark, .tidlig-context mark { background: #fde68a; color: inherit; padding: 0 1px; }
.tidlig-context { white-space: pre-line; font-size: 0.85rem; }
.tidlig-context .tidlig-current { border-left: 3px solid #2563eb; padding-left: 0.4rem; }
.tidlig-flash { animation: tidlig-flash 1.6s ease-out; }
@keyframes tidlig-flash { from { box-shadow: 0 0 0 4px #2563eb; } to { box-shadow: 0 0 0 0 transparent; } }
.tidlig-case-text { white-space: pre-line; }
.tidlig-footer { font-size: 0.9rem; border-top: 1px solid #d4d4d8; padding-top: 0.6rem; margin-top: 0.6rem; }
"""

# Citation markers are links to "#kilde-<answer>-<n>": open the collapsed block holding the source,
# scroll to it and flash it (the sources panel scrolls on its own, so a plain jump is not enough).
JS = """
() => {
  document.addEventListener("click", (event) => {
    const link = event.target.closest ? event.target.closest('a[href^="#kilde-"]') : null;
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    for (let el = target.parentElement; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
    target.scrollIntoView({ behavior: "smooth", block: "start" });
    target.classList.remove("tidlig-flash");
    void target.offsetWidth;
    target.classList.add("tidlig-flash");
  });
}
"""


# ---- the conversation a session holds ------------------------------------------------------------------


@dataclass(frozen=True)
class Exchange:
    """One question and its outcome. ``question`` is already redacted; ``answer`` is None after an error."""

    question: str
    answer: Answer | None
    history: tuple[str, ...] = ()  # the (redacted) earlier questions it followed


# ---- rendering: pure functions of answers and the index -------------------------------------------------

MARKER = re.compile(r"\[(\d+)\]")
LINKED_MARKER = re.compile(r"\[\[(\d+)\]\]\(#kilde-\d+-\d+\)")
TAG = re.compile(r"<[^>]{0,300}>")


def source_anchor(turn: int, number: int | str) -> str:
    return f"kilde-{turn}-{number}"


def link_markers(text: str, turn: int) -> str:
    """Turn each [n] into a Markdown link to its source in the panel."""
    return MARKER.sub(lambda m: f"[[{m[1]}]](#{source_anchor(turn, m[1])})", text)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def citation_heading(citation: Citation) -> str:
    """'Title (Publisher, 2015), side 4' as plain text."""
    facts = ", ".join(part for part in (citation.publisher, str(citation.year or "")) if part)
    heading = f"{citation.title} ({facts})" if facts else citation.title
    return f"{heading}, {citation.location}" if citation.location else heading


def answer_message(answer: Answer, turn: int) -> str:
    """The chat message for an answer: linked markers, a refusal set apart, and a short reference list
    (so the copy button copies the answer with its sources)."""
    body = link_markers(answer.text, turn)
    if answer.refused:
        body = f'<div class="tidlig-refusal">\n\n**{REFUSAL_TITLE}**\n\n{body}\n\n</div>'
    if answer.citations:
        references = "\n".join(f"- [{c.number}] {_e(citation_heading(c))}" for c in answer.citations)
        body = f"{body}\n\n{REFERENCES_HEADING}\n{references}"
    return body


def error_message() -> str:
    return f'<div class="tidlig-error">\n\n{render("error")}\n\n</div>'


def notices_html(notices: Sequence[str], error: bool = False) -> str:
    kind = "tidlig-notice tidlig-notice-error" if error else "tidlig-notice"
    return "".join(f'<div class="{kind}" role="alert">⚠️ {_e(notice)}</div>' for notice in notices)


def message_text(content: Any) -> str:
    """The text of a chat message's content: a string, a list of parts or one part (Gradio 6)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("content") or "") if content.get("type", "text") == "text" else ""
    if isinstance(content, (list, tuple)):
        return "\n".join(text for text in (message_text(part) for part in content) if text)
    return str(content)


def plain_answer(content: Any) -> str:
    """An answer as shown in the chat, back to plain text with [n] markers (for follow-up questions)."""
    text = message_text(content).split(f"\n\n{REFERENCES_HEADING}", 1)[0]
    text = LINKED_MARKER.sub(r"[\1]", text)
    text = TAG.sub("", text).replace(f"**{REFUSAL_TITLE}**", "")
    return html.unescape(text).strip()


def history_turns(history: Sequence[dict] | None) -> list[Turn]:
    """Chat messages (dicts with role and content) as the assistant's :class:`Turn` values."""
    turns = []
    for message in history or ():
        role = message.get("role") if isinstance(message, dict) else None
        if role == "user":
            turns.append(Turn("user", message_text(message.get("content")).strip()))
        elif role == "assistant":
            turns.append(Turn("assistant", plain_answer(message.get("content"))))
    return [turn for turn in turns if turn.content]


def answers_in(history: Sequence[dict] | None) -> int:
    return sum(1 for message in history or () if isinstance(message, dict) and message.get("role") == "assistant")


def highlight(text: str, quoted: Sequence[str]) -> str:
    """``text`` HTML-escaped, with each quoted sentence (whitespace may differ) wrapped in <mark>."""
    spans: list[tuple[int, int]] = []
    for sentence in quoted:
        words = sentence.split()
        if not words:
            continue
        match = re.search(r"\s+".join(map(re.escape, words)), text)
        if match:
            spans.append(match.span())
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, position = [], 0
    for start, end in merged:
        out.append(html.escape(text[position:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


def source_html(citation: Citation, turn: int, index: CorpusIndex | None) -> str:
    meta = [citation.publisher, str(citation.year) if citation.year else "", citation.location]
    if citation.section and citation.section not in citation.location:
        meta.append(f"afsnit: {citation.section}")
    if citation.municipality:
        meta.append(citation.municipality)
    more = _surrounding_html(citation, index)
    return (
        f'<article class="tidlig-source" id="{source_anchor(turn, citation.number)}">'
        f'<div><span class="tidlig-num">[{citation.number}]</span><strong>{_e(citation.title)}</strong></div>'
        f'<div class="tidlig-meta">{" · ".join(_e(part) for part in meta if part)}</div>'
        f'<blockquote class="tidlig-passage">{highlight(citation.passage, citation.quoted)}</blockquote>'
        f"{more}</article>"
    )


def _surrounding_html(citation: Citation, index: CorpusIndex | None) -> str:
    if index is None:
        return ""
    try:
        passages = index.surrounding(citation.chunk_id)
    except (KeyError, ValueError):  # the document was deleted or re-indexed since the answer
        return ""
    if len(passages) <= 1:
        return ""
    parts = []
    for passage in passages:
        if passage.chunk_id == citation.chunk_id:
            parts.append(f'<div class="tidlig-current">{highlight(passage.text, citation.quoted)}</div>')
        else:
            parts.append(f"<div>{html.escape(passage.text)}</div>")
    return f'<details class="tidlig-more"><summary>Vis mere</summary><div class="tidlig-context">{"<hr>".join(parts)}</div></details>'


def turn_sources_html(answer: Answer, turn: int, index: CorpusIndex | None) -> str:
    if not answer.citations:
        return ""
    if answer.refused:
        header = (
            f"<h3>Nærmeste kilder (svar {turn})</h3>"
            '<p class="tidlig-sources-refused">Dokumenterne besvarer ikke spørgsmålet. '
            "Her er de afsnit, der ligger tættest på – de er ikke et svar.</p>"
        )
    else:
        mode = "direkte citater fra dokumenterne" if answer.mode == "citat" else "skrevet af en sprogmodel ud fra kilderne"
        header = f'<h3>Kilder til svar {turn}</h3><p class="tidlig-meta">Svarform: {mode}.</p>'
    removed = (
        f'<p class="tidlig-meta">{len(answer.removed_sentences)} sætning(er) blev fjernet fra svaret, '
        "fordi kilderne ikke understøtter dem.</p>"
        if answer.removed_sentences
        else ""
    )
    items = "".join(source_html(citation, turn, index) for citation in answer.citations)
    return f'<section class="tidlig-sources-turn" data-turn="{turn}">{header}{removed}{items}</section>'


def sources_panel(exchanges: Sequence[Exchange], index: CorpusIndex | None) -> str:
    """The latest answer's sources, then earlier answers' sources collapsed (their markers still work)."""
    rendered = [
        (turn, turn_sources_html(exchange.answer, turn, index))
        for turn, exchange in enumerate(exchanges, 1)
        if exchange.answer is not None
    ]
    rendered = [(turn, part) for turn, part in rendered if part]
    if not rendered:
        return empty_sources_html()
    latest = rendered[-1][1]
    earlier = "".join(
        f"<details><summary>Kilder til svar {turn}</summary>{part}</details>"
        for turn, part in reversed(rendered[-1 - MAX_EARLIER_SOURCES : -1])
    )
    return f'<div class="tidlig-sources">{latest}{earlier}</div>'


def empty_sources_html() -> str:
    return '<div class="tidlig-sources"><p class="tidlig-meta">Kilderne til svaret vises her.</p></div>'


def conversation_markdown(exchanges: Sequence[Exchange], when: datetime | None = None) -> str:
    """The conversation for download: questions, answers and every reference with its quoted passages."""
    when = when or datetime.now()
    lines = [f"# Samtale med tidlig ({when:%d.%m.%Y kl. %H:%M})", "", f"> {load('ui_footer')}", ""]
    for number, exchange in enumerate(exchanges, 1):
        lines += [f"## Spørgsmål {number}", "", exchange.question, ""]
        answer = exchange.answer
        if answer is None:
            lines += ["### Svar", "", render("error"), ""]
            continue
        lines += ["### Svar" if not answer.refused else f"### Svar – {REFUSAL_TITLE.lower()}", ""]
        lines += [f"> {notice}" for notice in answer.notices] + ([""] if answer.notices else [])
        lines += [html.unescape(answer.text), ""]
        if answer.citations:
            lines += ["### Kilder" if not answer.refused else "### Nærmeste kilder", ""]
        for citation in answer.citations:
            lines.append(f"[{citation.number}] {citation_heading(citation)}. Fil: {citation.doc_id}")
            for quoted in citation.quoted or (citation.passage,):
                lines.append(f"> »{' '.join(quoted.split())}«")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# ---- feedback -------------------------------------------------------------------------------------------


class FeedbackLog:
    """👍/👎 and comments as JSON lines; only redacted user text is written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as file:
                file.write(line + "\n")


def read_feedback(path: Path) -> list[dict[str, Any]]:
    """Feedback records merged by id (a later comment record completes its rating record)."""
    merged: dict[str, dict[str, Any]] = {}
    if not path.is_file():
        return []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            log.warning("%s:%d: not JSON, skipped", path, number)
            continue
        key = str(record.get("id", number))
        merged[key] = {**merged.get(key, {}), **{k: v for k, v in record.items() if v not in ("", None)}}
    return list(merged.values())


def feedback_to_candidates(path: Path | str) -> list[dict[str, Any]]:
    """Candidate evaluation questions from feedback with a comment, in the eval question format
    (``eval/dataset.py``) with empty ``gold`` and ``key_facts``.

    Each candidate also carries a ``feedback`` object (rating, comment, the answer given) for the
    reviewer; the strict eval loader rejects that field, so a candidate cannot enter the question set
    until someone has filled in gold, key facts and reference answer and removed it. ``kind`` and
    ``answerable`` mirror what the assistant did (a refusal gives ``unanswerable``); ``persona`` is a
    guess (``pedagog``): check both.
    """
    candidates: list[dict[str, Any]] = []
    seen: set[str] = set()
    for record in read_feedback(Path(path)):
        comment = str(record.get("comment", "")).strip()
        question = str(record.get("question", "")).strip()
        key = " ".join(question.lower().split())
        if not comment or not question or key in seen:
            continue
        seen.add(key)
        history = [{"role": "user", "content": str(q)} for q in record.get("history", []) if str(q).strip()]
        refused = bool(record.get("refused"))
        candidate: dict[str, Any] = {
            "id": f"feedback-{str(record.get('id', len(candidates)))[:8]}",
            "persona": "pedagog",
            "kind": "followup" if history else ("unanswerable" if refused else "fact"),
            "question": question,
        }
        if history:
            candidate["history"] = history
        candidate.update(
            gold=[],
            key_facts=[],
            reference_answer="",
            answerable=not refused,
            feedback={
                "rating": record.get("rating", ""),
                "comment": comment,
                "answer": record.get("answer", ""),
                "time": record.get("time", ""),
            },
        )
        candidates.append(candidate)
    return candidates


# ---- the handlers -----------------------------------------------------------------------------------------


class TidligApp:
    """Every event handler of the UI and API. Handlers catch their own errors: a failing request logs
    the (redacted) question and shows prompts/error.txt; the app keeps serving."""

    def __init__(self, assistant: Assistant, settings: Settings) -> None:
        self.assistant = assistant
        self.settings = settings
        self.feedback = FeedbackLog(settings.data_dir / FEEDBACK_FILE)
        self.uploads_dir = settings.uploads_dir
        self._index_lock = threading.Lock()  # one upload or delete at a time
        self._exports = tempfile.TemporaryDirectory(prefix="tidlig-export-")  # removed when the app exits
        self._export_dir = Path(self._exports.name)

    @property
    def index(self) -> CorpusIndex:
        return self.assistant.index

    def redact(self, text: str) -> str:
        return self.assistant.redact(text)

    # ---- asking ------------------------------------------------------------------------------------

    def filters(self, documents: Sequence[str] | None, case_key: str | None = None) -> PassageFilter:
        case = self.case(case_key) if case_key else None
        if case is not None:
            return PassageFilter(doc_ids=(case.doc_id,), case_numbers=(case.number,))
        return PassageFilter(doc_ids=tuple(str(doc) for doc in documents or ()))

    def ask(
        self, question: str, history: list[dict] | None = None, documents: list[str] | None = None
    ) -> tuple[str, str]:
        """Answer one question. Returns the answer as Markdown (notices first, [n] markers linked to the
        sources) and the sources panel as HTML. ``history``: earlier chat messages ({"role", "content"});
        ``documents``: document ids (file names) to search in, all when empty."""
        turn = answers_in(history) + 1
        try:
            answer = self.assistant.ask(question or "", history_turns(history), self.filters(documents))
        except Exception:
            log.exception("ask failed for question %r", self.redact(question or "")[:300])
            return render("error"), ""
        notices = "".join(f"> ⚠️ {notice}\n\n" for notice in answer.notices)
        return notices + answer_message(answer, turn), turn_sources_html(answer, turn, self.index)

    def chat(
        self,
        message: str,
        history: list[dict] | None,
        documents: list[str] | None,
        case_key: str | None,
        conversation: list[Exchange] | None,
    ) -> Iterator[tuple[Any, ...]]:
        """Outputs: question box, chatbot, sources panel, notices banner, conversation state."""
        conversation = list(conversation or [])
        history = list(history or [])
        question = message_text(message).strip()
        if not question:
            yield gr.skip(), history, gr.skip(), notices_html([render("empty_question")]), conversation
            return
        turn = len(conversation) + 1  # the sources panel numbers answers by their place in the conversation
        previous = history_turns(history)
        earlier = tuple(self.redact(t.content) for t in previous if t.role == "user")
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": "…"}]
        yield "", history, gr.skip(), "", conversation
        try:
            answer = None
            for partial, complete in self.assistant.stream(question, previous, self.filters(documents, case_key)):
                if complete is not None:
                    answer = complete
                    break
                history[-1] = {"role": "assistant", "content": link_markers(partial, turn)}
                yield gr.skip(), history, gr.skip(), gr.skip(), conversation
            if answer is None:
                raise RuntimeError("the assistant's stream ended without an answer")
        except Exception:
            log.exception("chat failed for question %r", self.redact(question)[:300])
            history[-1] = {"role": "assistant", "content": error_message()}
            conversation.append(Exchange(self.redact(question), None, earlier))
            yield gr.skip(), history, gr.skip(), notices_html([render("error")], error=True), conversation
            return
        for notice in answer.notices:
            gr.Warning(notice, duration=15, title="Advarsel")
        history[-1] = {"role": "assistant", "content": answer_message(answer, turn)}
        conversation.append(Exchange(self.redact(question), answer, earlier))
        yield gr.skip(), history, sources_panel(conversation, self.index), notices_html(answer.notices), conversation

    def new_conversation(self) -> tuple[Any, ...]:
        """Outputs: chatbot, sources, notices, conversation, case filter, case row, feedback box, export file."""
        return [], empty_sources_html(), "", [], None, gr.Row(visible=False), gr.Group(visible=False), gr.File(value=None, visible=False)

    # ---- export ------------------------------------------------------------------------------------------

    def export(self, conversation: list[Exchange] | None) -> str | None:
        """The session's conversation as a Markdown file (questions, answers, references with quotes)."""
        if not conversation:
            gr.Warning("Der er ingen samtale at eksportere endnu.", title="Bemærk")
            return None
        try:
            self._clean_exports()
            folder = Path(tempfile.mkdtemp(dir=self._export_dir))
            path = folder / f"tidlig-samtale-{datetime.now():%Y-%m-%d-%H%M}.md"
            path.write_text(conversation_markdown(conversation), encoding="utf-8")
            return str(path)
        except Exception:
            log.exception("export failed")
            gr.Warning(render("error"), title="Fejl")
            return None

    def _clean_exports(self) -> None:
        limit = time.time() - MAX_EXPORT_AGE_S
        for folder in self._export_dir.iterdir():
            if folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)

    # ---- feedback ----------------------------------------------------------------------------------------

    def like(self, conversation: list[Exchange] | None, event: gr.LikeData) -> tuple[Any, ...]:
        """Outputs: comment box, pending feedback id, status text."""
        try:
            position = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
            exchange = self._exchange_at(conversation or [], int(position))
            if exchange is None or event.liked is None:  # None: the rating was taken back
                return gr.Group(visible=False), None, ""
            rating = {True: "op", False: "ned"}.get(event.liked, str(event.liked))  # type: ignore[arg-type]
            record_id = uuid.uuid4().hex
            answer = exchange.answer
            self.feedback.append(
                {
                    "id": record_id,
                    "time": datetime.now().isoformat(timespec="seconds"),
                    "rating": rating,
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
            )
            thanks = "Tak for din vurdering. Skriv gerne, hvad der var godt eller manglede."
            return gr.Group(visible=True), record_id, thanks
        except Exception:
            log.exception("storing feedback failed")
            return gr.Group(visible=False), None, render("error")

    @staticmethod
    def _exchange_at(conversation: Sequence[Exchange], position: int) -> Exchange | None:
        """The exchange of the chat message at ``position``: one exchange per assistant message."""
        answers_before = position // 2  # user, assistant, user, assistant, ...
        return conversation[answers_before] if 0 <= answers_before < len(conversation) else None

    def comment(self, record_id: str | None, text: str) -> tuple[Any, ...]:
        """Outputs: comment box, comment text, pending id, status text."""
        if not record_id or not (text or "").strip():
            return gr.Group(visible=False), "", None, ""
        try:
            self.feedback.append({"id": record_id, "comment": self.redact(text.strip())[:2000]})
            return gr.Group(visible=False), "", None, "Tak – kommentaren er gemt."
        except Exception:
            log.exception("storing a feedback comment failed")
            return gr.Group(visible=False), "", None, render("error")

    # ---- case examples ------------------------------------------------------------------------------------

    def cases(self) -> list[CaseExample]:
        titles = {doc.info.doc_id: doc.info.title for doc in self.index.documents()}
        return sorted(self.index.case_examples(), key=lambda c: (titles.get(c.doc_id, c.doc_id), c.number))

    @staticmethod
    def case_key(case: CaseExample) -> str:
        return f"{case.doc_id}#{case.number}"

    def case(self, key: str | None) -> CaseExample | None:
        return next((case for case in self.index.case_examples() if self.case_key(case) == key), None)

    def municipalities(self) -> list[str]:
        return [ALL_MUNICIPALITIES, *sorted({c.municipality for c in self.index.case_examples() if c.municipality})]

    def case_table(self, search: str = "", municipality: str | None = None) -> tuple[list[list[Any]], list[str]]:
        """Rows (Nr., Kommune, Titel, Dokument) matching the search and municipality, and their keys."""
        titles = {doc.info.doc_id: doc.info.title for doc in self.index.documents()}
        words = (search or "").lower().split()
        rows, keys = [], []
        for case in self.cases():
            if municipality and municipality != ALL_MUNICIPALITIES and case.municipality != municipality:
                continue
            haystack = " ".join((case.title, case.municipality, case.text, titles.get(case.doc_id, ""))).lower()
            if not all(word in haystack for word in words):
                continue
            rows.append([case.number, case.municipality, case.title, titles.get(case.doc_id, case.doc_id)])
            keys.append(self.case_key(case))
        return rows, keys

    def filter_cases(self, search: str, municipality: str | None) -> tuple[Any, ...]:
        """Outputs: cases table, keys state, case detail, selected case, ask button."""
        rows, keys = self.case_table(search, municipality)
        return rows, keys, "", None, gr.Button(visible=False)

    def select_case(self, keys: list[str] | None, event: gr.SelectData) -> tuple[Any, ...]:
        """Outputs: case detail HTML, selected case key, ask button."""
        row = int(event.index[0] if isinstance(event.index, (list, tuple)) else event.index)
        key = keys[row] if keys and 0 <= row < len(keys) else None
        case = self.case(key)
        if case is None:
            return "", None, gr.Button(visible=False)
        return case_html(case, self._document_title(case.doc_id)), key, gr.Button(visible=True)

    def ask_about_case(self, key: str | None) -> tuple[Any, ...]:
        """Outputs: tabs, question box, case filter, case row, case label."""
        case = self.case(key)
        if case is None:
            return gr.skip(), gr.skip(), None, gr.Row(visible=False), ""
        place = f"{case.municipality} i casen" if case.municipality else "casen"
        question = f"Hvad gjorde {place} »{case.title}«, og hvad kom der ud af det?"
        label = f"Spørgsmål afgrænses til **CASE #{case.number}: {_e(case.title)}**" + (
            f" ({_e(case.municipality)})" if case.municipality else ""
        )
        return gr.Tabs(selected="chat"), question, key, gr.Row(visible=True), label

    def _document_title(self, doc_id: str) -> str:
        return next((doc.info.title for doc in self.index.documents() if doc.info.doc_id == doc_id), doc_id)

    # ---- documents ---------------------------------------------------------------------------------------

    def document_rows(self) -> list[list[Any]]:
        return [
            [doc.info.title, doc.info.publisher, doc.info.year or "", doc.info.kind, doc.chunks, doc.cases, doc.info.doc_id]
            for doc in self.index.documents()
        ]

    def document_choices(self) -> list[tuple[str, str]]:
        return [(f"{doc.info.title} ({doc.info.doc_id})", doc.info.doc_id) for doc in self.index.documents()]

    def catalog_updates(self) -> tuple[Any, ...]:
        """Outputs: documents table, chat document filter, delete choice, cases table, case keys,
        municipality filter, search box."""
        choices = self.document_choices()
        rows, keys = self.case_table()
        return (
            self.document_rows(),
            gr.Dropdown(choices=choices, value=[]),
            gr.Dropdown(choices=choices, value=None),
            rows,
            keys,
            gr.Dropdown(choices=self.municipalities(), value=ALL_MUNICIPALITIES),
            "",
        )

    def may_edit(self, request: gr.Request | None) -> bool:
        if not self.settings.auth_users:
            return True
        return request is not None and request.username in self.settings.admin_users

    def on_load(self, request: gr.Request) -> tuple[Any, ...]:
        """Outputs: admin controls, admin note, then :meth:`catalog_updates`."""
        editable = self.may_edit(request)
        note = "" if editable else "Kun administratorer kan uploade og slette dokumenter."
        return (gr.Group(visible=editable), note, *self.catalog_updates())

    def upload(self, files: list[str] | None, request: gr.Request, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:
        """Save the files under <data_dir>/uploads and index them. Outputs: a Danish result per file,
        then :meth:`catalog_updates`."""
        if not self.may_edit(request):
            return ("Kun administratorer kan uploade dokumenter.", *self.catalog_updates())
        if not files:
            return ("Vælg en eller flere filer først.", *self.catalog_updates())
        try:
            with self._index_lock:
                lines = self._ingest_uploads([Path(str(f)) for f in files], progress)
        except IndexBusy as busy:
            lines = [str(busy)]
        except Exception:
            log.exception("upload failed")
            lines = [render("error")]
        return ("\n".join(lines), *self.catalog_updates())

    def _ingest_uploads(self, files: list[Path], progress: gr.Progress) -> list[str]:
        self.uploads_dir.mkdir(parents=True, exist_ok=True)
        uploads = self.uploads_dir.resolve()
        existing = {doc.info.doc_id: doc.source for doc in self.index.documents()}
        lines: list[str] = []
        saved: dict[Path, Path | None] = {}  # saved file -> backup of the version it replaced
        progress(0, desc="Gemmer filerne …")
        for file in files:
            name = safe_file_name(file.name)
            source = existing.get(name)
            if source and Path(source).resolve().parent != uploads:
                lines.append(f"⚠️ **{_e(name)}**: sprunget over – et dokument med samme filnavn findes allerede i indekset. Omdøb filen.")
                continue
            target = self.uploads_dir / name
            backup = None
            if target.exists():
                backup = target.with_name(f".{name}.bak")
                shutil.copy2(target, backup)
            shutil.copyfile(file, target)
            saved[target] = backup
        if not saved:
            return lines

        def report_progress(name: str, done: int, total: int) -> None:
            progress((done, total), desc=f"Indlæser {name}" if name else "Opdaterer søgeindekset …", unit="filer")

        report = self.index.update(list(saved), progress=report_progress)
        chunks = {doc.info.doc_id: doc.chunks for doc in self.index.documents()}
        for name in report.added:
            lines.append(f"✅ **{_e(name)}**: indlæst ({chunks.get(name, 0)} tekststykker).")
        for name in report.replaced:
            lines.append(f"✅ **{_e(name)}**: opdateret med den nye version ({chunks.get(name, 0)} tekststykker).")
        for name in report.unchanged:
            lines.append(f"ℹ️ **{_e(name)}**: uændret – den samme fil er allerede indlæst.")
        kept = {*report.added, *report.replaced, *report.unchanged}
        reasons = {skipped.path.name: skipped.reason for skipped in report.skipped}
        for path, backup in saved.items():
            if path.name in kept:
                if backup is not None:
                    backup.unlink(missing_ok=True)
                continue
            # discover() passes over folder files such as readme.md without a reason
            reason = reasons.get(path.name, "filnavnet er reserveret til mappebeskrivelser; omdøb filen")
            lines.append(f"⚠️ **{_e(path.name)}**: sprunget over – {_e(reason)}.")
            if backup is not None:
                backup.replace(path)  # keep the version the index still holds
            else:
                path.unlink(missing_ok=True)
        if report.added or report.replaced:
            self.assistant.refresh()
        log.info("upload: %d added, %d replaced, %d skipped", len(report.added), len(report.replaced), len(report.skipped))
        return lines

    def delete(self, doc_id: str | None, request: gr.Request) -> tuple[Any, ...]:
        """Remove a document from the index (and an uploaded file from disk). Outputs: a Danish result,
        then :meth:`catalog_updates`."""
        if not self.may_edit(request):
            return ("Kun administratorer kan slette dokumenter.", *self.catalog_updates())
        if not doc_id:  # none chosen, or the confirmation was cancelled
            return ("Intet dokument er slettet.", *self.catalog_updates())
        try:
            with self._index_lock:
                source = next((doc.source for doc in self.index.documents() if doc.info.doc_id == doc_id), None)
                if source is None or not self.index.remove_document(doc_id):
                    return (f"Dokumentet {_e(doc_id)} findes ikke i indekset.", *self.catalog_updates())
                self.assistant.refresh()
            path = Path(source)
            if path.resolve().parent == self.uploads_dir.resolve():
                path.unlink(missing_ok=True)
                result = f"🗑️ **{_e(doc_id)}** er slettet fra indekset og fra uploads."
            else:
                result = (
                    f"🗑️ **{_e(doc_id)}** er fjernet fra indekset. Filen ligger stadig i {_e(path.parent.name)}/ "
                    "og kommer med igen ved næste fulde indeksering (`python -m index`)."
                )
            log.info("deleted %s from the index", doc_id)
        except IndexBusy as busy:
            result = str(busy)
        except Exception:
            log.exception("deleting %s failed", doc_id)
            result = render("error")
        return (result, *self.catalog_updates())


def case_html(case: CaseExample, document_title: str) -> str:
    heading = f"CASE #{case.number}: {case.title}"
    meta = [case.municipality, document_title]
    return (
        f'<article class="tidlig-case"><h3>{_e(heading)}</h3>'
        f'<p class="tidlig-meta">{" · ".join(_e(part) for part in meta if part)}</p>'
        f'<div class="tidlig-case-text">{html.escape(case.text)}</div></article>'
    )


def safe_file_name(name: str) -> str:
    """A plain file name: no folders, no leading dots, only letters, digits, space, '.', '-' and '_'."""
    base = Path(name.replace("\\", "/")).name
    cleaned = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")
    return cleaned or "dokument.txt"


# ---- the layout ----------------------------------------------------------------------------------------------


def build_app(assistant: Assistant, settings: Settings) -> gr.Blocks:
    """The Gradio Blocks app around ``assistant``. Serve it with :func:`launch`."""
    ui = TidligApp(assistant, settings)
    with gr.Blocks(title="tidlig – tidlig indsats for børn", analytics_enabled=False, delete_cache=(1800, 3600)) as demo:
        conversation = gr.State([])
        case_filter = gr.State(None)
        pending_feedback = gr.State(None)
        rows, keys = ui.case_table()
        case_keys = gr.State(keys)
        selected_case = gr.State(None)

        gr.Markdown("# tidlig – videnassistent om tidlig indsats")
        gr.Markdown(load("ui_intro"), elem_classes=["tidlig-intro"])
        notices = gr.HTML("", label="Meddelelser", elem_id="tidlig-notices")

        with gr.Tabs() as tabs:
            with gr.Tab("Spørg", id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label="Samtale",
                            height=520,
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
                            choices=ui.document_choices(),
                            value=[],
                            multiselect=True,
                            label="Søg kun i disse dokumenter (valgfrit)",
                            elem_id="tidlig-documents",
                        )
                        with gr.Row():
                            new_button = gr.Button("Ny samtale", elem_id="tidlig-new")
                            export_button = gr.Button("Eksportér samtalen (Markdown)", elem_id="tidlig-export")
                        export_file = gr.File(label="Samtalen som Markdown", visible=False, interactive=False)
                        feedback_status = gr.Markdown()
                        with gr.Group(visible=False, elem_id="tidlig-feedback") as feedback_box:
                            feedback_text = gr.Textbox(
                                label="Kommentar til svaret (valgfri – skriv ikke navne eller CPR-numre)", lines=2
                            )
                            feedback_send = gr.Button("Send kommentar", size="sm", elem_id="tidlig-feedback-send")
                        with gr.Accordion("Eksempler på spørgsmål", open=True):
                            for group, examples in EXAMPLES.items():
                                gr.Examples([[example] for example in examples], inputs=[question], label=group)
                    with gr.Column(scale=2):
                        gr.Markdown("### Kilder")
                        sources = gr.HTML(empty_sources_html(), label="Kilder", elem_id="tidlig-sources")

            with gr.Tab("Kommunale eksempler", id="cases"):
                gr.Markdown("Eksempler fra kommunerne i dokumenterne. Vælg en række for at læse hele casen.")
                with gr.Row():
                    case_search = gr.Textbox(
                        label="Søg i eksemplerne", placeholder="fx sundhedspleje, Viborg …", scale=3, elem_id="tidlig-case-search"
                    )
                    municipality = gr.Dropdown(choices=ui.municipalities(), value=ALL_MUNICIPALITIES, label="Kommune", scale=1)
                cases_table = gr.Dataframe(
                    value=rows,
                    headers=["Nr.", "Kommune", "Titel", "Dokument"],
                    datatype=["number", "str", "str", "str"],
                    interactive=False,
                    wrap=True,
                    max_height=420,
                    column_widths=["8%", "27%", "35%", "30%"],
                    elem_id="tidlig-cases",
                )
                case_detail = gr.HTML("", elem_id="tidlig-case-detail")
                ask_case = gr.Button("Stil et spørgsmål om denne case", variant="primary", visible=False, elem_id="tidlig-ask-case")

            with gr.Tab("Dokumenter", id="docs"):
                documents_table = gr.Dataframe(
                    value=ui.document_rows(),
                    headers=["Titel", "Udgiver", "År", "Type", "Tekststykker", "Cases", "Fil"],
                    interactive=False,
                    wrap=True,
                    column_widths=["30%", "20%", "6%", "8%", "10%", "6%", "20%"],
                    elem_id="tidlig-documents-table",
                )
                admin_note = gr.Markdown()
                with gr.Group() as admin_box:
                    upload_files = gr.File(
                        label="Upload dokumenter (PDF, DOCX, TXT eller MD)",
                        file_count="multiple",
                        file_types=UPLOAD_TYPES,
                        type="filepath",
                    )
                    upload_button = gr.Button("Indlæs dokumenterne", variant="primary")
                    upload_result = gr.Markdown()
                    with gr.Row():
                        delete_choice = gr.Dropdown(choices=ui.document_choices(), label="Dokument", scale=3)
                        delete_button = gr.Button("Slet dokument", variant="stop", scale=1)
                    delete_result = gr.Markdown()

        gr.Markdown(load("ui_footer"), elem_classes=["tidlig-footer"])

        # ---- events ----
        catalog_outputs = [documents_table, documents, delete_choice, cases_table, case_keys, municipality, case_search]
        chat_outputs = [question, chatbot, sources, notices, conversation]
        question.submit(
            ui.chat,
            [question, chatbot, documents, case_filter, conversation],
            chat_outputs,
            api_name="chat",
            concurrency_id="answer",
        )
        reset_outputs = [chatbot, sources, notices, conversation, case_filter, case_row, feedback_box, export_file]
        new_button.click(ui.new_conversation, None, reset_outputs, api_visibility="private")
        chatbot.clear(ui.new_conversation, None, reset_outputs, api_visibility="private")  # the chat's own 🗑 button
        export_button.click(ui.export, [conversation], [export_file], api_name="export").then(
            lambda path: gr.File(visible=bool(path)), [export_file], [export_file], api_visibility="private"
        )
        chatbot.like(ui.like, [conversation], [feedback_box, pending_feedback, feedback_status], api_visibility="private")
        feedback_send.click(
            ui.comment,
            [pending_feedback, feedback_text],
            [feedback_box, feedback_text, pending_feedback, feedback_status],
            api_visibility="private",
        )
        case_outputs = [cases_table, case_keys, case_detail, selected_case, ask_case]
        gr.on(
            [case_search.input, municipality.input],
            ui.filter_cases,
            [case_search, municipality],
            case_outputs,
            trigger_mode="always_last",
            api_visibility="private",
        )
        cases_table.select(ui.select_case, [case_keys], [case_detail, selected_case, ask_case], api_visibility="private")
        ask_case.click(
            ui.ask_about_case, [selected_case], [tabs, question, case_filter, case_row, case_label], api_visibility="private"
        )
        clear_case.click(lambda: (None, gr.Row(visible=False)), None, [case_filter, case_row], api_visibility="private")
        upload_button.click(
            ui.upload,
            [upload_files],
            [upload_result, *catalog_outputs],
            api_name="upload",
            concurrency_id="index-write",
            concurrency_limit=1,
        )
        delete_button.click(
            ui.delete,
            [delete_choice],
            [delete_result, *catalog_outputs],
            js="(doc) => (doc && confirm('Slet ' + doc + ' fra indekset?')) ? doc : null",
            api_name="delete",
            concurrency_id="index-write",
            concurrency_limit=1,
        )
        demo.load(ui.on_load, None, [admin_box, admin_note, *catalog_outputs], api_visibility="private")
        gr.api(ui.ask, api_name="ask", concurrency_id="answer")

    demo.queue(default_concurrency_limit=settings.concurrency_limit)
    return demo


# ---- serving -----------------------------------------------------------------------------------------------------


def health(assistant: Assistant) -> Any:
    """GET /health for a load balancer: 200 with document and chunk counts, 503 when the index fails."""
    from fastapi.responses import JSONResponse

    def endpoint() -> JSONResponse:
        try:
            index = assistant.index
            body = {"status": "ok", "documents": len(index.documents()), "chunks": len(index.passages)}
            return JSONResponse(body)
        except Exception:
            log.exception("health check failed")
            return JSONResponse({"status": "error"}, status_code=503)

    return endpoint


def launch(
    demo: gr.Blocks, assistant: Assistant, settings: Settings, *, prevent_thread_lock: bool = False, **overrides: Any
) -> tuple[Any, str, str]:
    """Serve ``demo`` on settings.host/port with /health, auth (when configured), css and js.
    ``overrides`` go to ``Blocks.launch`` (``server_port=0`` is not supported: pass a free port)."""
    from fastapi.routing import APIRoute

    auth = [(user, secret.get_secret_value()) for user, secret in settings.auth_users.items()] or None
    options: dict[str, Any] = {
        "server_name": settings.host,
        "server_port": settings.port,
        "auth": auth,
        "auth_message": "Log ind for at bruge tidlig." if auth else None,
        "max_threads": max(40, 4 * settings.concurrency_limit),
        "prevent_thread_lock": prevent_thread_lock,
        "app_kwargs": {"routes": [APIRoute("/health", health(assistant), methods=["GET"])]},
        "css": CSS,
        "js": JS,
        "footer_links": ["api"],
        "show_error": False,
        "ssr_mode": False,
        "quiet": True,
        **overrides,
    }
    return demo.launch(**options)


def main() -> int:
    settings = logs.start()
    index = CorpusIndex.open(settings)
    if index.is_empty:
        print(
            "Indekset er tomt: kør `python -m index` for at indeksere dokumenterne i "
            f"{settings.corpus_dir}/ (eller upload dokumenter under fanen Dokumenter som administrator).",
            file=sys.stderr,
        )
    assistant = Assistant.open(settings, index)
    demo = build_app(assistant, settings)
    _, url, _ = launch(demo, assistant, settings, prevent_thread_lock=True)
    print(
        f"tidlig kører på {url} ({len(index.documents())} dokumenter, {len(index.passages)} tekststykker; "
        f"klar efter {time.perf_counter() - STARTED:.1f} s). Stop med Ctrl+C.",
        flush=True,
    )
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
