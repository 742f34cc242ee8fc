"""LLM mode: a language model writes the answer from the units citat mode selected; the verifier checks it.

Backends come from llama-index's LLM classes, chosen by settings and imported only when configured:
``openai`` is any OpenAI-compatible endpoint (vLLM, llama.cpp server, LM Studio, Azure) via
``OpenAILike``; ``ollama`` is an Ollama server. Nothing is contacted unless LLM mode is configured.

The model sees the selected evidence units as numbered passages (one per source chunk, :class:`Passages`)
and inherits the answerability outcome: for a partial answer it is told what the documents lack, and the
pipeline's own first line says so whatever the model writes; a decline never reaches the model.

Every generated sentence goes through :class:`CitationVerifier`: a sentence whose cited passage does not
support it is moved to the passage that does (wrong marker corrected), else removed (or marked, by
setting) and recorded. Any failure (server down, timeout, malformed or empty output) raises
:class:`LLMFailure`; the pipeline then falls back to citat mode with a visible notice.

Example::

    writer = AnswerWriter(make_llm(settings), verifier, timeout_s=60, mark_unsupported=False)
    generated = writer.answer("Hvad gør Holstebro?", Passages.from_citations(citations, hits), "answer", ())
    generated.text, generated.book.citations()
"""

from __future__ import annotations

import concurrent.futures
import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.citations import CitationBook
from assistant.injection import neutralise_instructions
from assistant.compose import source_heading
from assistant.types import Citation, Outcome, Turn
from assistant.verify import MARKER, CitationVerifier, claim_sentences, strip_markers
from tidlig.text import inert_markdown, split_sentences
from index import ScoredPassage
from prompts import load, render
from tidlig.settings import Settings

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

log = logging.getLogger(__name__)

PASSAGES_IN_PROMPT = 6
NO_ANSWER = "dokumenterne besvarer ikke spørgsmålet"
# One shared pool: a call that overruns its deadline keeps running here until its HTTP timeout, but
# the user's request returns at the deadline.
_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="llm")


ENUMERATION = re.compile(r"^\d{1,2}[.)]\s+")
LEADING_MARKERS = re.compile(r"^(\s*(?:[-*•]|\d{1,2}[.)])?\s*)((?:\[\d+\]\s*)+)(.+)$")


def _markers_after_text(raw: str) -> str:
    """Small models often write "[1] Tekst." instead of "Tekst. [1]"; move such markers behind the
    first sentence of the line, where the verifier expects them."""
    lines = []
    for line in raw.splitlines():
        match = LEADING_MARKERS.match(line)
        if match:
            prefix, markers, text = match.groups()
            first, *rest = split_sentences(text) or [text]
            line = " ".join([f"{prefix}{first} {markers.strip()}", *rest])
        lines.append(line)
    return "\n".join(lines)


class LLMFailure(Exception):
    """The model could not give a usable answer; ``str(error)`` is a short Danish reason."""


def make_llm(settings: Settings) -> LLM:
    """The configured llama-index LLM (lazy import: citat mode never loads these packages)."""
    api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "ikke-sat"
    model = settings.llm_model
    if not model:  # the settings refuse llm mode without a model; this keeps the type honest
        raise ValueError("answer_mode llm needs llm_model")
    match settings.llm_backend:
        case "openai":
            from llama_index.llms.openai_like import OpenAILike

            return OpenAILike(
                model=model,
                api_base=settings.llm_base_url,
                api_key=api_key,
                is_chat_model=True,
                context_window=4096,
                max_tokens=settings.llm_max_tokens,
                temperature=0.1,
                timeout=settings.llm_timeout_s,
                max_retries=0,
                # Small models loop ("A. A. A."); standard OpenAI parameters that servers honour.
                additional_kwargs={"frequency_penalty": 0.5, "presence_penalty": 0.3, "seed": 7},
            )
        case "ollama":
            from llama_index.llms.ollama import Ollama

            return Ollama(
                model=model,
                base_url=settings.llm_base_url or "http://127.0.0.1:11434",
                request_timeout=settings.llm_timeout_s,
                temperature=0.1,
            )
    raise ValueError(f"unknown llm_backend {settings.llm_backend!r}")


@dataclass(frozen=True)
class Generated:
    text: str
    book: CitationBook
    removed: tuple[str, ...]


@dataclass(frozen=True)
class Passages:
    """The numbered passages the model sees: per source chunk, the units citat mode selected from it."""

    hits: tuple[ScoredPassage, ...]
    texts: tuple[str, ...]

    @classmethod
    def from_citations(cls, citations: Sequence[Citation], hits: Sequence[ScoredPassage]) -> Passages:
        by_chunk = {hit.passage.chunk_id: hit for hit in hits}
        chosen = [
            (by_chunk[c.chunk_id], "\n".join(c.quoted) or by_chunk[c.chunk_id].passage.text) for c in citations if c.chunk_id in by_chunk
        ]
        chosen = chosen[:PASSAGES_IN_PROMPT]
        return cls(tuple(hit for hit, _ in chosen), tuple(text for _, text in chosen))


class AnswerWriter:
    def __init__(self, llm: LLM, verifier: CitationVerifier, *, timeout_s: float, mark_unsupported: bool = False) -> None:
        self._llm = llm
        self._verifier = verifier
        self._timeout = timeout_s
        self._mark = mark_unsupported

    def condense(self, question: str, history: Sequence[Turn]) -> str:
        """The follow-up rewritten by the model into a standalone question."""
        conversation = "\n".join(f"{'Bruger' if t.role == 'user' else 'Assistent'}: {t.content[:600]}" for t in history[-4:])
        text = self._complete([("user", render("condense", history=conversation, question=question))], None)
        standalone = text.strip().splitlines()[0].strip().strip('"') if text.strip() else ""
        if len(standalone) < 5 or standalone.lower().strip("?. ") == question.lower().strip("?. "):
            raise LLMFailure("spørgsmålet blev ikke omskrevet")
        return standalone

    def answer(
        self,
        question: str,
        passages: Passages,
        outcome: Outcome = "answer",
        missing: Sequence[str] = (),
        on_text: Callable[[str], None] | None = None,
    ) -> Generated:
        """The model's answer from ``passages``; a partial answer's prompt names what is missing."""
        if outcome == "decline" or not passages.hits:
            raise LLMFailure("intet at svare ud fra")
        numbered = "\n\n".join(
            render("passage", number=n, heading=source_heading(hit), text=neutralise_instructions(text))
            for n, (hit, text) in enumerate(zip(passages.hits, passages.texts, strict=True), 1)
        )
        partial = render("answer_partial", missing=", ".join(missing)) if outcome == "partial" and missing else ""
        prompt = render("answer", passages=numbered, question=question, partial=partial)
        raw = self._complete([("system", load("system")), ("user", prompt)], on_text)
        if NO_ANSWER in raw.lower():
            raise LLMFailure("modellen fandt ikke svaret i passagerne")
        return self._verified(raw, passages)

    def _complete(self, messages: list[tuple[str, str]], on_text: Callable[[str], None] | None) -> str:
        future = _POOL.submit(self._stream, messages, on_text, time.monotonic() + self._timeout)
        try:
            return future.result(timeout=self._timeout + 1)
        except concurrent.futures.TimeoutError:
            raise LLMFailure("tidsgrænsen blev overskredet") from None
        except LLMFailure:
            raise
        except Exception as error:  # connection refused, HTTP errors, timeouts, malformed responses
            log.warning("LLM call failed: %s: %s", type(error).__name__, error)
            timed_out = "timeout" in type(error).__name__.lower()
            raise LLMFailure("tidsgrænsen blev overskredet" if timed_out else "sprogmodellen svarede ikke") from None

    def _stream(self, messages: list[tuple[str, str]], on_text: Callable[[str], None] | None, deadline: float) -> str:
        from llama_index.core.llms import ChatMessage

        text = ""
        for chunk in self._llm.stream_chat([ChatMessage(role=role, content=content) for role, content in messages]):
            text += chunk.delta or ""
            if on_text:
                on_text(text)
            if time.monotonic() > deadline:
                raise LLMFailure("tidsgrænsen blev overskredet")
        return text

    def _verified(self, raw: str, passages: Passages) -> Generated:
        """Keep supported sentences with corrected markers, renumbered by first use."""
        texts = dict(enumerate(passages.texts, 1))
        book = CitationBook()
        kept: list[str] = []
        removed: list[str] = []
        seen: set[str] = set()
        log.debug("raw LLM answer: %r", raw[:2000])
        sentences = claim_sentences(_markers_after_text(raw))
        for position, sentence in enumerate(sentences):
            claim = ENUMERATION.sub("", strip_markers(sentence))
            cut_off = position == len(sentences) - 1 and not claim.rstrip("”’\"')").endswith((".", "!", "?"))
            if not re.search(r"\w", claim) or claim.lower() in seen or cut_off:
                continue  # empty, a repetition, or cut off by the token limit
            seen.add(claim.lower())
            markers = tuple(int(m) for m in MARKER.findall(sentence))
            supporting = self._supporting(claim, markers, texts)
            if supporting:
                numbers = "".join(f"[{book.cite(passages.hits[n - 1], claim)}]" for n in supporting)
                kept.append(f"{inert_markdown(claim)} {numbers}")
            else:
                removed.append(claim)
                if self._mark:
                    kept.append(f"{inert_markdown(claim)} {load('unsupported_mark')}")
        if not any(MARKER.search(line) for line in kept):
            raise LLMFailure("intet i svaret kunne underbygges af kilderne")
        for claim in removed:
            log.info("removed unsupported generated sentence: %r", claim[:160])
        return Generated(" ".join(kept), book, tuple(removed))

    def _supporting(self, claim: str, markers: tuple[int, ...], texts: dict[int, str]) -> tuple[int, ...]:
        """The cited passages that support the claim; if none do, the single best passage that does."""
        check = self._verifier.check_sentence(claim, markers, texts)
        if check.supported_by:
            return check.supported_by
        scores = {n: self._verifier.support(claim, text) for n, text in texts.items()}
        best = max(scores, key=lambda number: scores[number])
        return (best,) if scores[best] >= self._verifier.threshold else ()
