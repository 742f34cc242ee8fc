"""The question -> :class:`Answer` pipeline.

1. understand: clean the question, guard privacy, build a standalone query for follow-ups;
2. retrieve: hybrid dense + BM25 (optionally reranked), with document/kind filters;
3. gate: refuse when the passages do not answer it, pointing to the nearest covered topics;
4. compose: citat mode quotes sentences verbatim; LLM mode lets a model write (see ``assistant.llm``),
   falling back to citat mode when the model fails;
5. verify: every claim sentence must be supported by the passages it cites.

Example::

    assistant = Assistant.open(settings)
    answer = assistant.ask("Jeg er bekymret for en dreng på stuen – hvad gør jeg?")
    print(answer.text); answer.citations[0].location
"""

from __future__ import annotations

import concurrent.futures
import html
import logging
import queue
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from assistant.citations import CitationBook
from assistant.analysis import analyse_question
from assistant.compose import CitatComposer, source_heading
from assistant.evidence import EvidenceGatherer, UnitScorer
from assistant.gate import AnswerGate, GateDecision
from assistant.llm import AnswerWriter, LLMFailure, make_llm
from assistant.privacy import find_personal_data
from assistant.question import clean_question, standalone_query
from assistant.relevance import RelevanceScorer
from assistant.rerank import RERANK_CANDIDATES, Reranker
from tidlig.text import content_terms, inert_markdown
from assistant.types import Answer, Citation, Turn
from assistant.verify import CitationVerifier
from index import CorpusIndex, PassageFilter, ScoredPassage
from ingest.types import search_text
from prompts import render
from tidlig.settings import Settings

log = logging.getLogger(__name__)

RETRIEVE_K = 10
NEAREST_TOPICS = 3
_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=16, thread_name_prefix="answer")


class Assistant:
    """Answers questions from the index. Thread-safe for concurrent ``ask`` calls."""

    def __init__(self, index: CorpusIndex, settings: Settings) -> None:
        self.index = index
        self.settings = settings
        self._llm = make_llm(settings) if settings.answer_mode == "llm" else None
        self._reranker = Reranker(settings.reranker_path) if settings.reranker_path else None
        self.refresh()

    @classmethod
    def open(cls, settings: Settings) -> Assistant:
        return cls(CorpusIndex.open(settings), settings)

    def refresh(self) -> None:
        """Recompute corpus statistics after the index changed (upload, delete)."""
        texts = [search_text(p.text, str(p.metadata.get("context", ""))) for p in self.index.passages.values()]
        self.scorer = RelevanceScorer(texts)
        self.gate = AnswerGate(self.scorer)
        self.evidence = EvidenceGatherer(self.scorer, UnitScorer.load())
        self.composer = CitatComposer()
        self.verifier = CitationVerifier(self.scorer)
        self.writer = AnswerWriter(self._llm, self.verifier, self.settings) if self._llm is not None else None

    # ---- public API ------------------------------------------------------------------------------

    def redact(self, text: str) -> str:
        """``text`` without CPR numbers and children's names; names the documents use are kept."""
        return find_personal_data(text, self.scorer.vocabulary).redacted

    def ask(
        self,
        question: str,
        history: Sequence[Turn] | None = None,
        filters: PassageFilter | None = None,
        on_text: Callable[[str], None] | None = None,
    ) -> Answer:
        """Answer ``question``; ``on_text`` receives the growing raw text while an LLM writes."""
        timings: dict[str, float] = {}
        started = time.perf_counter()
        clean = clean_question(question)
        privacy = find_personal_data(clean.text, self.scorer.vocabulary)
        notices = []
        if privacy:
            notices.append(render("privacy_warning", what=privacy.description()))
        if clean.was_cut:
            notices.append(render("question_cut", limit=len(clean.text)))
        if clean.is_empty:
            return Answer(render("empty_question"), outcome="decline", refusal_reason="tomt spørgsmål", notices=tuple(notices))
        if self.index.is_empty:
            log.error("question asked but the index is empty: run `python -m ingest`")
            return Answer(render("empty_index"), outcome="decline", refusal_reason="tomt indeks", notices=tuple(notices))

        # Personal data never reaches retrieval, the model, logs or stored records.
        turns = [Turn(turn.role, self.redact(turn.content)) for turn in history or ()]
        query = self._standalone(privacy.redacted, turns)
        query_terms = content_terms(query)
        timings["understand"] = _ms(started)

        mark = time.perf_counter()
        vector = self.index.retriever.embed_query(query)
        search = getattr(self.index.retriever, self.settings.retrieval_mode)
        # BM25 alone has no use for the vector; the evidence units are scored with it in every mode.
        reuse = {} if self.settings.retrieval_mode == "bm25" else {"vector": vector}
        if self._reranker is not None:
            candidates = search(query, k=RERANK_CANDIDATES, filters=filters or PassageFilter(), **reuse)
            retrieved = self._reranker.rerank(query, candidates)[:RETRIEVE_K]
        else:
            retrieved = search(query, k=RETRIEVE_K, filters=filters or PassageFilter(), **reuse)
        hits = self._with_case_context(retrieved)
        timings["retrieve"] = _ms(mark)

        mark = time.perf_counter()
        decision = self.gate.decide(privacy.redacted, query_terms, hits)
        timings["gate"] = _ms(mark)

        mark = time.perf_counter()
        if decision.answerable:
            answer = self._compose(query, vector, query_terms, hits, notices, on_text)
        else:
            answer = self._refuse(decision, hits, tuple(notices), query)
        timings["compose"] = _ms(mark)

        mark = time.perf_counter()
        answer = self._verified(answer)
        timings["verify"] = _ms(mark)
        timings["total"] = _ms(started)
        log.info(
            "answered query=%r refused=%s citations=%d coverage=%.2f total_ms=%.0f",
            query[:200], answer.refused, len(answer.citations), decision.coverage, timings["total"],
        )
        return replace(answer, timings_ms=timings, retrieved=tuple(h.passage.chunk_id for h in retrieved))

    def stream(
        self, question: str, history: Sequence[Turn] | None = None, filters: PassageFilter | None = None
    ) -> Iterator[tuple[str, Answer | None]]:
        """Yield the answer text as it grows, then ``("", answer)`` with the complete (verified) answer.

        In LLM mode the growing text is the model's raw output; the final answer replaces it.
        """
        updates: queue.Queue[str] = queue.Queue()
        worker = _POOL.submit(self.ask, question, history, filters, updates.put)
        while not worker.done() or not updates.empty():
            try:
                yield _escape(updates.get(timeout=0.1)), None
            except queue.Empty:
                continue
        answer = worker.result()
        if answer.mode == "citat":
            shown = ""
            for paragraph in answer.text.split("\n\n"):
                shown = f"{shown}\n\n{paragraph}" if shown else paragraph
                yield shown, None
        yield "", answer

    # ---- steps -----------------------------------------------------------------------------------

    def _standalone(self, question: str, turns: list[Turn]) -> str:
        """Follow-ups become standalone questions: by the model in LLM mode, else (or on failure) by rule."""
        if self.writer is not None and any(turn.role == "user" for turn in turns):
            try:
                return self.writer.condense(question, turns)
            except LLMFailure as failure:
                log.warning("LLM condensing failed (%s); using the rule-based follow-up query", failure)
        return standalone_query(question, turns)

    def _compose(
        self,
        query: str,
        vector: list[float],
        query_terms: list[str],
        hits: list[ScoredPassage],
        notices: list[str],
        on_text: Callable[[str], None] | None,
    ) -> Answer:
        if self.writer is not None:
            try:
                generated = self.writer.answer(query, hits, on_text)
                return Answer(
                    generated.text, generated.book.citations(), mode="llm", notices=tuple(notices),
                    query=query, removed_sentences=generated.removed,
                )
            except LLMFailure as failure:
                log.warning("LLM answer failed (%s); falling back to citat mode", failure)
                notices = [*notices, render("llm_fallback", reason=str(failure))]
        analysis = analyse_question(query)
        scored = self.evidence.gather_evidence(vector, query_terms, analysis, hits, self.index, self.index.retriever.embed_query)
        composition = self.composer.compose(analysis, scored)
        citations = composition.book.citations()
        return Answer(
            f"{_lead_in(citations)}\n\n{composition.body}", citations, mode="citat", notices=tuple(notices),
            query=query, short_answer=composition.short_answer, more=composition.more,
        )

    def _with_case_context(self, hits: list[ScoredPassage]) -> list[ScoredPassage]:
        """When the best passage is part of a case, its other chunks follow it: results often stand
        in a later chunk than the case's introduction."""
        if not hits or hits[0].passage.metadata.get("case_number") is None:
            return hits
        top = hits[0].passage
        same_case = [
            p
            for p in self.index.passages.values()
            if p.doc_id == top.doc_id and p.metadata.get("case_number") == top.metadata.get("case_number")
        ]
        present = {h.passage.chunk_id for h in hits}
        extra = [ScoredPassage(p, hits[0].score * 0.99) for p in sorted(same_case, key=lambda p: p.ordinal) if p.chunk_id not in present]
        return [hits[0], *extra, *hits[1:]]

    def _refuse(self, decision: GateDecision, hits: Sequence[ScoredPassage], notices: tuple[str, ...], query: str) -> Answer:
        missing = render("refusal_missing", terms=", ".join(decision.missing)) if decision.missing else ""
        book = CitationBook()
        lines, seen = [], set()
        for hit in hits:
            heading = source_heading(hit)
            if heading in seen:
                continue
            seen.add(heading)
            section = hit.passage.metadata.get("section") or hit.passage.metadata.get("case_title") or ""
            topic = f"{heading}" + (f" – {section}" if section and section not in heading else "")
            lines.append(f"- {topic} [{book.cite(hit)}]")
            if len(lines) == NEAREST_TOPICS:
                break
        text = render("refusal", missing=missing) + "\n\n" + "\n".join(lines)
        return Answer(text, book.citations(), outcome="decline", refusal_reason=decision.reason, notices=notices, query=query)

    def _verified(self, answer: Answer) -> Answer:
        """Drop any claim sentence its citations do not support (never expected in citat mode; logged)."""
        if answer.refused or not answer.citations:
            return replace(answer, text=_escape(answer.text))
        passages = {c.number: c.passage for c in answer.citations}
        unsupported = [c.sentence for c in self.verifier.check(answer.text, passages) if not c.supported]
        text = answer.text
        for sentence in unsupported:
            log.warning("citat sentence not supported by its citation, removed: %r", sentence[:120])
            text = "\n".join(line for line in text.splitlines() if sentence not in line)
        return replace(answer, text=_escape(text), removed_sentences=answer.removed_sentences + tuple(unsupported))


def _lead_in(citations: Sequence[Citation]) -> str:
    """Names the case when the answer starts from one, or says that several sources are quoted."""
    if citations and citations[0].case_number is not None:
        case = f"CASE #{citations[0].case_number} {citations[0].municipality}".strip()
        return render("lead_in_case", case=inert_markdown(case))
    return render("lead_in_synthesis" if len({c.doc_id for c in citations}) > 1 else "lead_in")


def _escape(text: str) -> str:
    """Quoted document text and echoed questions are shown as text, never as HTML."""
    return html.escape(text, quote=False)


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)

