"""The question -> :class:`Answer` pipeline.

1. understand: clean the question, guard privacy, build a standalone query for follow-ups, analyse it
   (expected answer type, parts, concern; ``assistant.analysis``);
2. retrieve: hybrid dense + BM25 (optionally reranked), with document/kind filters, in the order the question
   reads its passages (``assistant.reading_order``); each part of a multi-part question and each guidance topic of
   a concern question is also retrieved on its own;
3. decide: answer / partial / decline (``assistant.answerability``), before anything is composed;
4. compose: citat mode quotes units verbatim (``assistant.compose``); the decision is checked once more
   against what the units and the composed answer show (``assistant.outcome``), and an honest lead-in says
   which kind of answer follows (``assistant.lead_in``); a worry gets the documents' guidance topics
   (``assistant.guidance``). LLM mode lets a model write from the units citat mode selected (see
   ``assistant.llm``) and inherits the outcome, falling back to citat mode when the model fails;
5. verify: every claim sentence must be supported by the passages it cites.

Derived state (corpus statistics, the answerability decider, composer, verifier, writer) lives in one
immutable :class:`DerivedState`, rebuilt by :meth:`Assistant.refresh` and swapped in one assignment, so a
question answered while an upload lands sees either the old state or the new one, never a mix.

Example::

    assistant = Assistant.open(settings)
    answer = assistant.ask("Jeg er bekymret for en dreng på stuen – hvad gør jeg?")
    answer.outcome, answer.text, answer.citations[0].location
"""

from __future__ import annotations

import concurrent.futures
import functools
import logging
import queue
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from assistant.analysis import (
    QuestionAnalysis,
    QuestionPart,
    analyse_followup,
    analyse_question,
    answer_type,
    asked_document_kind,
    asks_for_cases,
    document_years,
    followup_focus,
    published_document_terms,
    situation_terms,
    tells_no_situation,
    topic_terms,
    without_child_age,
)
from assistant.assessment import Assessment
from assistant.lead_in import guidance_only, partial_lead_in, quoted_places
from assistant.outcome import (
    lacking_here,
    with_ages_shown,
    with_answer_found,
    with_asked_year_shown,
    with_definition_checked,
    with_labels_checked,
    with_detail_checked,
    with_results_checked,
    with_time_checked,
    with_detail_shown,
    with_held_parts,
    with_homes_quoted,
    with_municipality_shown,
    situated_unit,
    named_in_documents_words,
    situated_units,
    with_own_situation_checked,
    with_staff_guide_answering,
    with_parts_credited,
    with_places_named,
    with_place_figures_checked,
    with_scope_checked,
    with_setting_checked,
    with_speaker_named,
    with_years_shown,
)
from assistant.answerability import TOP_PASSAGES, Answerability, AnswerabilityModel, Found, document_names
from assistant.citations import CitationBook
from assistant.compose import (
    CASE_TYPES,
    LIST_TYPES,
    MAX_ANTECEDENTS,
    CitatComposer,
    Composition,
    case_name,
    compares_place,
    nearest_topic,
    series_labels,
    source_heading,
)
from assistant.evidence import (
    NAMED_TOPIC_SHARE,
    Candidate,
    EvidenceGatherer,
    ScoredUnit,
    UnitScorer,
    answered_parts,
    shown_typed_parts,
    typed_parts_held,
)
from assistant.guidance import asked_guidance, concern_topics, guidance_order, guidance_parts, prefer_staff_guide
from assistant.llm import AnswerWriter, LLMFailure, Passages, make_llm
from assistant.budget import Budget
from assistant.privacy import find_personal_data, strip_placeholders
from assistant.reading_order import reading_order
from assistant.question import (
    CleanQuestion,
    bounded_history,
    clean_question,
    requested_topic,
    search_query,
    standalone_query,
    with_danish_letters,
)
from assistant.relevance import RelevanceScorer
from assistant.rerank import RERANK_CANDIDATES, Reranker
from assistant.sources import (
    SourceNames,
    home_documents,
    name_terms,
    one_per_source,
    publisher_names,
    publishing_municipality,
    speaks_for,
    without_source_names,
)
from assistant.types import Answer, Turn
from assistant.verify import CitationVerifier
from index import CorpusIndex, DocumentSummary, Passage, PassageFilter, ScoredPassage
from index.labels import asked_labels, label_line, names_section
from ingest.types import EvidenceUnit, note_names, note_number, search_text
from prompts import render
from tidlig.settings import Settings
from tidlig.text import (
    YEAR,
    content_terms,
    count_word,
    inert_markdown,
    join_danish,
    proper_nouns,
    refers_back,
    stem,
    words,
)

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

log = logging.getLogger(__name__)

RETRIEVE_K = 10
# The documents a question for what a document holds may fit before it is too vague to ask as their titles.
MAX_ASKED_DOCUMENTS = 2
OPENING_PASSAGES = 3  # a document's first passages, which say what it is
PART_K = 5  # passages retrieved for each part of a multi-part question or guidance topic
# A guidance topic's candidates, among which an organisation's guide to its staff is looked for (see Assistant._topic).
TOPIC_CANDIDATES = 10
NEAREST_TOPICS = 3
OVER_BUDGET_GRACE_S = 5.0  # stream() waits this much longer than ask()'s own budget check
# Passages the composer scores units from: the question's own, then each part's and guidance topic's best in
# turn. Scoring every unit once per part, 30 passages made a concern answer take a second; 12 keep each
# list's best three.
COMPOSE_PASSAGES = 12
# Passages of each guidance topic a concern answer is composed from, beside the worry's own best five
# (TOP_PASSAGES). Taken in turn with the worry's own, the first topic got two and the last one, so
# "Socialrådgiveren fungerer som sparringspartner ..." (the sparring topic's third passage) reached the
# answer for some wordings of a worry and not for others. On train: key facts and gold cited the same.
GUIDANCE_PASSAGES = 3
# Guidance topics a concern answer keeps after the documents' answer to the worry's own situation (see
# _guidance_beside_own). On train 2 and 3 changed the same answers (key facts 0.859 -> 0.856, gold cited the same).
GUIDANCE_BESIDE_OWN = 3
# The IDF-weighted share of a question part's terms an answer must hold for its first line to say the documents
# answer the part (see _parts_shown). Familiestuen's description held none of "Hvad viser effektmålingen?"; answered
# parts on train and validation hold 0.35 to 0.54 ("Hvor hurtigt skal vi reagere?" above "... sætter hurtigt ind"
# 0.43), and 0.5 had dropped the claim for two of them.
PART_SHOWN_COVERAGE = 0.3


# Passages of a question with its names left out among which the case example a case answer opens with must
# be (see Assistant._with_case_checked). A question that names a municipality finds the municipality's case
# by the name, whatever it asks. On train and validation every case answer's case is among the first two
# without the names; for questions written for this check, whose case never speaks of the asked topic ("Hvordan
# arbejder Varde med sprogscreening?", "Hvad gør Viborg for at hjælpe børn med ordblindhed?", "Hvordan bruger
# Holstebro sundhedsplejen over for nybagte forældre?"), it is not among the first ten.
CASE_TOPIC_K = 5
MAX_SERIES_SECTIONS = 10  # a longer numbered series is no list to show whole (see Assistant._with_series_context)
GUIDANCE_FILTERS = 32  # document selections whose guidance retrievals are kept (see Assistant._guidance)
MIN_PLACE_NAME = 3  # letters of a municipality's name word that a question's name must begin or be begun by
_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=16, thread_name_prefix="answer")


@dataclass(frozen=True)
class DerivedState:
    """Everything computed from the index's current contents; replaced as a whole by ``refresh``."""

    generation: int  # the index generation it was computed from
    statistics: RelevanceScorer
    answerability: Answerability
    evidence: EvidenceGatherer
    composer: CitatComposer
    verifier: CitationVerifier
    writer: AnswerWriter | None
    sources: SourceNames
    case_places: frozenset[str]  # the municipalities the index's case examples are from
    homes: dict[str, tuple[str, ...]]  # per place, the documents it is the home of (see home_documents)
    # Each guidance topic's retrieval by the filter asked with (see Assistant._guidance); filled on first use.
    guidance: dict[PassageFilter | None, tuple[Found, ...]] = field(default_factory=dict)


class Assistant:
    """Answers questions from the index. Thread-safe for concurrent ``ask`` calls.

    ``llm`` (a llama-index LLM) turns on LLM mode; ``reranker`` reorders retrieval candidates. Both are
    built from settings by :meth:`open`; tests pass small fakes.
    """

    def __init__(
        self,
        index: CorpusIndex,
        settings: Settings,
        *,
        llm: LLM | None = None,
        reranker: Reranker | None = None,
        model: AnswerabilityModel | None = None,
        unit_scorer: UnitScorer | None = None,
    ) -> None:
        self.index = index
        self.settings = settings
        self._llm = llm
        self._reranker = reranker
        self._model = model or AnswerabilityModel.load()
        self._unit_scorer = unit_scorer or UnitScorer.load()
        self._topic_vectors: dict[str, tuple[float, ...]] = {}
        self._state = self._derive()

    @classmethod
    def open(cls, settings: Settings, index: CorpusIndex | None = None) -> Assistant:
        """The assistant with the index (opened unless given), LLM and reranker the settings configure."""
        llm = make_llm(settings) if settings.answer_mode == "llm" else None
        reranker = Reranker(settings.reranker_path) if settings.reranker_path else None
        return cls(index or CorpusIndex.open(settings), settings, llm=llm, reranker=reranker)

    def refresh(self) -> None:
        """Recompute the derived state after the index changed (upload, delete); one atomic swap."""
        self._state = self._derive()

    def _derive(self) -> DerivedState:
        generation = self.index.generation  # read first: a commit during the rebuild triggers another refresh
        passages = self.index.passages.values()
        statistics = RelevanceScorer([search_text(p.text, p.context) for p in passages])
        sources = SourceNames.of((str(p.metadata.get("doc_id", "")), str(p.metadata.get("publisher", ""))) for p in passages)
        verifier = CitationVerifier(statistics)
        writer = None
        if self._llm is not None:
            writer = AnswerWriter(
                self._llm, verifier, timeout_s=self.settings.llm_timeout_s, mark_unsupported=self.settings.llm_unsupported == "mark"
            )
        case_places = frozenset(p.municipality for p in passages if p.metadata.get("case_number") is not None and p.municipality)
        return DerivedState(
            generation, statistics, Answerability(self._model, statistics, document_names(passages)),
            EvidenceGatherer(statistics, self._unit_scorer), CitatComposer(relevance=statistics), verifier, writer, sources, case_places,
            home_documents(passages),
        )

    @property
    def model(self) -> AnswerabilityModel:
        return self._model

    @property
    def statistics(self) -> RelevanceScorer:
        return self._state.statistics

    @property
    def verifier(self) -> CitationVerifier:
        return self._state.verifier

    # ---- public API ------------------------------------------------------------------------------

    def redact(self, text: str) -> str:
        """``text`` without CPR numbers and children's names; names the documents use are kept."""
        return find_personal_data(text, self._state.statistics.vocabulary).redacted

    def ask(
        self,
        question: str,
        history: Sequence[Turn] | None = None,
        filters: PassageFilter | None = None,
        on_text: Callable[[str], None] | None = None,
    ) -> Answer:
        """Answer ``question``; ``on_text`` receives the growing raw text while an LLM writes."""
        self._follow_index()
        state = self._state  # one consistent state for the whole answer
        timings: dict[str, float] = {}
        started = time.perf_counter()
        budget = Budget(self.settings.answer_budget_s)
        clean = _cleaned(question, state.statistics)
        privacy = find_personal_data(clean.text, state.statistics.vocabulary)
        notices = []
        if privacy:
            notices.append(render("privacy_warning", what=privacy.description()))
        if clean.was_cut:
            notices.append(render("question_cut", limit=len(clean.text)))
        if clean.is_empty:
            return Answer(render("empty_question"), outcome="decline", refusal_reason="tomt spørgsmål", notices=tuple(notices))
        if self.index.is_empty:
            log.error("question asked but the index is empty: run `python -m index`")
            return Answer(render("empty_index"), outcome="decline", refusal_reason="tomt indeks", notices=tuple(notices))

        # Personal data never reaches retrieval, the model, logs or stored records; placeholders are not
        # searched for ("[NAVN]" is not the word "navn").
        assessment = self._assess(state, privacy.searchable, history, filters, timings)
        decision = assessment.decision
        if budget.spent:
            return self._over_budget(notices, assessment.query)
        if assessment.analysis.is_concern:
            notices.append(self.concern_notice())

        mark = time.perf_counter()
        if decision.outcome == "decline":
            answer = self._decline(assessment, tuple(notices))
        else:
            answer = self._compose(state, assessment, notices, on_text)
        timings["compose"] = _ms(mark)

        mark = time.perf_counter()
        answer = self._verified(state, answer)
        timings["verify"] = _ms(mark)
        timings["total"] = _ms(started)
        log.info(
            "answered question=%r query=%r outcome=%s %s citations=%d total_ms=%.0f",
            privacy.redacted[:200], assessment.query[:200], answer.outcome, decision.reason, len(answer.citations),
            timings["total"],
        )  # the question as redacted shows the operator what was removed
        return replace(answer, timings_ms=timings, retrieved=tuple(h.passage.chunk_id for h in assessment.hits))

    def assess(self, question: str, history: Sequence[Turn] | None = None, filters: PassageFilter | None = None) -> Assessment:
        """Analysis, retrieval and the answerability decision without composing (used by ``eval.fit``)."""
        self._follow_index()
        statistics = self._state.statistics
        searchable = find_personal_data(_cleaned(question, statistics).text, statistics.vocabulary).searchable
        return self._assess(self._state, searchable, history, filters, {})

    def candidate_features(self, assessment: Assessment) -> tuple[list[Candidate], list[list[dict[str, float]]]]:
        """The candidate units the composer scores for ``assessment`` and their unscored feature rows, one
        list per part (used by ``eval.fit``, so the unit scorer is fitted on the candidates it ranks)."""
        hits, analysis = self._compose_inputs(assessment)
        own = guidance_hits(assessment, analysis)
        embed = self._embedder_for(assessment)
        return self._state.evidence.candidate_features(assessment.vector, analysis.terms, analysis, hits, self.index, embed, own)

    def _compose_inputs(self, assessment: Assessment) -> tuple[list[ScoredPassage], QuestionAnalysis]:
        """:func:`compose_inputs`, with the sections of a numbered series the passages hold part of (see
        ``Retriever.rest_of_series``): a list of the series' sections is whole only with all of them; with the
        subsections a passage names in a list (``Retriever.listed_sections``); and with the results part of an
        example told in parts (``Retriever.results_of_examples``)."""
        hits, analysis = compose_inputs(assessment)
        retriever = self.index.retriever
        added = [*retriever.rest_of_series(hits), *retriever.listed_sections(hits), *retriever.results_of_examples(hits)]
        return [*hits, *added], analysis

    def stream(
        self, question: str, history: Sequence[Turn] | None = None, filters: PassageFilter | None = None
    ) -> Iterator[tuple[str, Answer | None]]:
        """Yield the answer text as it grows, then ``("", answer)`` with the complete (verified) answer.

        In LLM mode the growing text is the model's raw output; the final answer replaces it.
        """
        updates: queue.Queue[str] = queue.Queue()
        worker = _POOL.submit(self.ask, question, history, filters, updates.put)
        # The answer slot is given back when the budget is spent, even if the worker still runs.
        budget = Budget(self.settings.answer_budget_s + OVER_BUDGET_GRACE_S)
        while (not worker.done() or not updates.empty()) and not budget.spent:
            try:
                yield inert_markdown(updates.get(timeout=0.1)), None
            except queue.Empty:
                continue
        if not worker.done():
            log.warning("answer over its %.0f s budget; the user was told to retry", self.settings.answer_budget_s)
            yield "", self._over_budget([], "")
            return
        answer = worker.result()
        if answer.mode == "citat":
            shown = ""
            for paragraph in answer.text.split("\n\n"):
                shown = f"{shown}\n\n{paragraph}" if shown else paragraph
                yield shown, None
        yield "", answer

    def concern_notice(self) -> str:
        """The standing notice of every concern answer, with the organisation's own contact text if set."""
        contact = self.settings.concern_contact.strip()
        return render("concern_notice", contact=render("concern_contact", contact=contact) if contact else "")

    # ---- steps -----------------------------------------------------------------------------------

    def _follow_index(self) -> None:
        """Pick up index changes committed by another process (or another caller) since the last question."""
        self.index.sync()
        if self.index.generation != self._state.generation:
            self.refresh()

    def _over_budget(self, notices: list[str], query: str) -> Answer:
        text = render("over_budget", seconds=f"{self.settings.answer_budget_s:g}")
        return Answer(text, outcome="decline", refusal_reason="tidsgrænse", notices=tuple(notices), query=query)

    def _assess(
        self,
        state: DerivedState,
        question: str,
        history: Sequence[Turn] | None,
        filters: PassageFilter | None,
        timings: dict[str, float],
    ) -> Assessment:
        started = time.perf_counter()
        # Only the last turns, each cut, are redacted, condensed and embedded: a long history must not
        # stall the request (and the others waiting for an answer slot).
        turns = [Turn(turn.role, strip_placeholders(self.redact(turn.content))) for turn in bounded_history(history)]
        wording = requested_topic(question)
        query = self._standalone(state, wording, turns)
        followup = query != wording
        analysis = analyse_followup(query, wording) if followup else analyse_question(query)
        timings["understand"] = _ms(started)

        mark = time.perf_counter()
        analysis = _with_named_sources(analysis, state.sources) if not followup else _with_followup_sources(analysis, state.sources)
        documents = [] if followup else self._asked_documents(state, analysis, filters)
        if documents:
            # A question for what a document holds as a whole is asked as its title, of it alone: "Hvad står der i
            # Hedensteds oplæg?" holds no word to search for, and was declined.
            query = " ".join(_undated(document.info.title) for document in documents)
            # Its topics are what it holds: a list question's composition brings its lists of them whole (a
            # deck's programme, a memo's questions, a report's three pejlemærker).
            analysis = _as_list_question(analyse_question(query))
            filters = replace(filters or PassageFilter(), doc_ids=tuple(document.info.doc_id for document in documents))
        searched = search_query(without_child_age(query) if analysis.is_concern else query)
        vector = tuple(self.index.retriever.embed_query(searched))
        asked = () if analysis.is_multi_part else analysis.parts[0].sources
        # A document's content as a whole is how it opens: its first passages say what it is (a deck's programme, a
        # report's way ahead and pejlemærker), where its title's words found a slide of recommendations and a table.
        if documents:
            found = self._found(self._openings(documents), vector)
        else:
            found = self._in_reading_order(
                analysis, self._retrieve_from(state, asked, searched, RETRIEVE_K, filters, vector), vector, followup=followup
            )
        # A part is retrieved with the question's topic words, since parts point back ("hvad viste evalueringen?").
        covered = state.answerability.covered_words(query, found.hits)
        topic = " ".join(covered)
        parts = self._retrieve_parts(state, analysis.parts, topic, filters) if analysis.is_multi_part else ()
        if followup and not analysis.is_multi_part:
            analysis = replace(analysis, focus=followup_focus(wording, covered, analysis.terms))
        guidance = self._guidance(state, filters) if analysis.is_concern else ()
        if analysis.is_concern and (places := state.sources.names_in(analysis.text)):
            guidance = self._from_its_place(guidance, places)  # before the order, which reads each topic's best passage
        # A follow-up asks for a topic in its own words: "forældrene" of "Findes der et forløb ..., hvor
        # forældrene er med?" is not what "Hvad nu, hvis barnet er stille og indadvendt?" asks for.
        asked_topics = asked_guidance(question) if analysis.is_concern else ()
        case_only = [n for n, found in enumerate(guidance) if found.hits and case_name(found.hits[0].passage.metadata)]
        order = guidance_order(analysis.text, self._resemblance(vector), asked_topics, case_only) if analysis.is_concern else ()
        if asked_topics:
            # A worry that asks for a guidance topic, by name or by the kind of answer it marks ("En pige i min gruppe
            # trækker sig, hvem skal jeg tale med?" and sparring), is answered by that topic's passages: they rank
            # beside the worry's own, which the words of a child's signs had filled (none of them on sparring).
            found = self._found(_interleave([found.hits, *(guidance[n].hits for n in asked_topics)])[: len(found.hits)], vector)
        cases = None
        # A worry gets the guidance, examples or not; a question on a named section asks about that section.
        if _asks_for_cases(analysis, state.case_places) and not analysis.is_concern and not _names_a_section(query, found.hits):
            # A leader asking for several case examples gets them from every case example the question fits,
            # not only from those among its best passages, where a report's general text outranks them.
            cases = self._retrieve(searched, PART_K, replace(filters or PassageFilter(), case_examples=True), vector)
        timings["retrieve"] = _ms(mark)

        mark = time.perf_counter()
        decision = state.answerability.decide(analysis, found, parts)
        if documents:
            decision = replace(decision, outcome="answer", missing=())  # what a document opens with answers it
        timings["decide"] = _ms(mark)
        if decision.apart:
            # What the documents say of the topic, found without the name they never use beside it: the
            # name alone had found its own unrelated case (Varde's børnefaglige undersøgelser for
            # "Hvordan arbejder Varde med kriminalitetsforebyggelse?").
            unnamed = search_query(functools.reduce(without_names, decision.apart, query))
            vector = tuple(self.index.retriever.embed_query(unnamed))
            found = self._in_reading_order(
                analysis, self._retrieve_from(state, asked, unnamed, RETRIEVE_K, filters, vector), vector, followup=followup
            )
        found = self._found(found.answering, vector) if found.answering else found
        parts = tuple(replace(part, hits=part.answering) if part.answering else part for part in parts)
        found = replace(found, hits=tuple(self._with_series_context(self._with_case_context(list(found.hits)), analysis)))
        titles = tuple(document.info.title for document in documents)
        said = next((turn.content for turn in reversed(turns) if turn.role == "assistant"), "") if followup else ""
        return Assessment(query, vector, analysis, found, parts, guidance, decision, cases, order, asked_topics, filters, titles, said)

    def _asked_documents(self, state: DerivedState, analysis: QuestionAnalysis, filters: PassageFilter | None) -> list[DocumentSummary]:
        """The documents a question asks the content of as a whole (see :func:`asked_document_kind`): those of
        the kind it names, from the publishers and the year it names; none when more than MAX_ASKED_DOCUMENTS fit."""
        # The kind named with a publisher ("Hedensteds oplæg") is no term of the question (see _sourced), but says
        # which documents it asks about.
        named_kind = published_document_terms(analysis.text, analysis.parts[0].sources)
        kind = None if analysis.is_multi_part else asked_document_kind(analysis.text, (*analysis.terms, *sorted(named_kind)))
        if kind is None:
            return []
        named = {doc for name in analysis.parts[0].sources for doc in state.sources.documents[name]}
        years = set(document_years(analysis.text))
        documents = [
            document
            for document in self.index.documents()
            if document.info.kind == kind
            and (not named or document.info.doc_id in named)
            and (not years or str(document.info.year) in years)
            and (filters is None or filters.matches({"doc_id": document.info.doc_id, "kind": kind}))
        ]
        return documents if len(documents) <= MAX_ASKED_DOCUMENTS else []

    def _openings(self, documents: Sequence[DocumentSummary]) -> list[ScoredPassage]:
        """The first OPENING_PASSAGES passages of each document, in reading order, scored alike."""
        return [ScoredPassage(p, 1.0) for document in documents for p in self.index.opening(document.info.doc_id, OPENING_PASSAGES)]

    def _retrieve_parts(
        self, state: DerivedState, parts: Sequence[QuestionPart], topic: str, filters: PassageFilter | None
    ) -> tuple[Found, ...]:
        """Each part's own retrieval, with the question's ``topic`` words; the parts are embedded together."""
        queries = [f"{part.text} {topic}" for part in parts]
        vectors = self.index.retriever.embed_queries(queries)
        return tuple(
            self._retrieve_from(state, part.sources, query, PART_K, filters, vector)
            for part, query, vector in zip(parts, queries, vectors, strict=True)
        )

    def _retrieve_from(
        self,
        state: DerivedState,
        sources: Sequence[str],
        query: str,
        k: int,
        filters: PassageFilter | None,
        vector: Sequence[float] | None = None,
    ) -> Found:
        """The best passages for a question or part; for one that asks publishers by name (``sources``: "hvad
        gør Hedensted, når ...?"), only those publishers' documents and the passages naming them (KL's report
        holds a case from Hedensted), which it is then judged and answered on. Its own words may resemble
        another source's passages more (a national overview deck's on "mistrives"), and they answer for that
        source, not for the one asked."""
        vector = vector if vector is not None else self.index.retriever.embed_query(query)
        found = self._retrieve(query, k, filters, vector)
        wanted = filters or PassageFilter()
        named = [d for name in sources for d in state.sources.documents[name] if not wanted.doc_ids or d in wanted.doc_ids]
        if not named:
            return self._from_homes(state, query, found, k, wanted)
        if len(sources) > 1:
            return self._found(self._each_source(state, sources, query, k, found, wanted, named, vector), vector)
        unnamed = without_source_names(query, sources)
        own = self._own_passages(query, unnamed, k, replace(wanted, doc_ids=tuple(named)), vector)[:k]
        # Passages that speak for the source keep their rank; each other passage's place goes to the source's
        # own next best.
        speaking = {h.passage.chunk_id for h in found.hits if any(speaks_for(name, h.passage) for name in sources)}
        fill = iter([h for h in own if h.passage.chunk_id not in speaking])
        hits = [h if h.passage.chunk_id in speaking else next(fill, None) for h in found.hits]
        return self._found([h for h in (*hits, *fill) if h is not None][:k], vector)

    def _own_passages(
        self,
        query: str,
        unnamed: str,
        k: int,
        wanted: PassageFilter,
        vector: Sequence[float],
        unnamed_vector: Sequence[float] | None = None,
    ) -> list[ScoredPassage]:
        """A source's own documents' best passages for ``query``, taking turns with those found without the sources'
        names (``unnamed``, embedded as ``unnamed_vector`` when given). Among the source's own documents its name
        tells little apart: searched for, it found the passages that repeat it ("Der er 10 familiepladsinstitutioner
        ... i Københavns Kommune") before those that answer ("Forældreinddragelse med henblik på ..." for "Hvad siger
        København om forældreinddragelse?"). The passages found with it stay first: "Den udvikling ser vi både på
        landsplan og i Hedensted Kommune" opens the slide that answers "hvad gør Hedensted?"."""
        own = self._retrieve(query, k, wanted, vector).hits
        return _interleave([own, self._retrieve(unnamed, k, wanted, unnamed_vector).hits]) if unnamed != query else list(own)

    def _each_source(
        self, state: DerivedState, sources: Sequence[str], query: str, k: int, found: Found, wanted: PassageFilter, named: Sequence[str],
        vector: Sequence[float],
    ) -> list[ScoredPassage]:
        """The best passages for a question that asks several sources, taking turns by source: each source's own
        documents' best (see :meth:`_own_passages`), then the passages of ``found`` that name it (KL's report holds a
        case from Hedensted). Ranked together, the source whose documents share more of the question's words took
        every place: "Hvor længe holder et samtykke ... i Skanderborg sammenlignet med PPR-aftalen i Faaborg-Midtfyn?"
        found Skanderborg's contact page, not Faaborg-Midtfyn's "højst 1 år"."""
        unnamed = without_source_names(query, sources)
        # One model call for the words without the names, not one per source.
        unnamed_vector = self._embed(unnamed) if unnamed != query else None
        per_source = []
        for name in sources:
            docs = replace(wanted, doc_ids=tuple(d for d in named if d in state.sources.documents[name]))
            own = self._own_passages(query, unnamed, k, docs, vector, unnamed_vector) if docs.doc_ids else []
            per_source.append([*own, *(h for h in found.hits if speaks_for(name, h.passage))])
        return _interleave(per_source)[:k]

    def _from_homes(self, state: DerivedState, query: str, found: Found, k: int, wanted: PassageFilter) -> Found:
        """``found`` for a query naming a municipality that publishes nothing here but is the home of documents (see
        :func:`home_documents`: Kolding's case collection, published by its PPR), answered from its passages taking
        turns with those documents' best passages for the query without the name, which come first. In its own
        documents the name tells nothing apart, and searched for it found the passages that repeat it: "Fælles Fokus er
        Kolding Kommunes model ..." and the case collection's contact line above the learning points asked for by
        "Hvad har Kolding lært af deres tværfaglige konferencer?". The decision judges ``found`` as it is: its model
        was fitted on the passages ranked with the name."""
        statistics = state.statistics
        # A publisher's name is the source logic's (see _retrieve_from), also where a part does not ask it alone.
        places = [name for name in proper_nouns(query) if statistics.is_municipality(name) and not state.sources.names_in(name)]
        homes = {doc for name in places for doc in state.homes.get(statistics.base_form(name).lower(), ())}
        homes = {doc for doc in homes if not wanted.doc_ids or doc in wanted.doc_ids}
        if not homes:
            return found
        own = self._retrieve(without_source_names(query, places), k, replace(wanted, doc_ids=tuple(sorted(homes)))).hits
        return replace(found, answering=tuple(_interleave([own, found.hits])[:k]))

    def _with_case_checked(
        self, state: DerivedState, assessment: Assessment, hits: Sequence[ScoredPassage], composition: Composition
    ) -> Assessment:
        """A case answer is partial, naming what is missing, when the question names a place or a name that
        neither the case nor the units quoted from it use: "Hvilken opsporingsmodel bruger dagplejen i
        Hedensted Kommune?" is not answered by a model five other municipalities developed, and the case
        lead-in must not present it as the answer. So is one whose case only the name found (it is not among
        the best passages for the question without its names) and whose quoted passages do not hold what it
        asks about: "Hvordan arbejder Varde med sprogscreening?" is not answered by Varde's case on
        børnefaglige undersøgelser, while "Hvordan arbejder Viborg med tidlig opsporing?" is answered by
        Viborg's case titled "... styrker tidlig opsporing ...", though other passages on tidlig opsporing
        outrank it without the name."""
        case = _lead_case(assessment, hits)
        if case is None:
            return assessment
        analysis, decision = assessment.analysis, assessment.decision
        if absent := state.answerability.names_absent(analysis.text, f"{case} {composition.short_answer}"):
            return replace(assessment, decision=lacking_here(decision, absent, state.statistics.base_form))
        # Only a case the answer opens with, found by its municipality's name (a programme's name, "Hvilken
        # kommune har Familiestuen?", is the topic itself).
        municipality = hits[0].passage.municipality
        unnamed = without_names(analysis.text, municipality)
        topic = topic_terms(unnamed)
        if composition.opening_case != case or unnamed == analysis.text or not topic:
            return assessment
        found = self._retrieve(unnamed, CASE_TOPIC_K, assessment.filters)
        if any(case_name(h.passage.metadata) == case for h in found.hits):
            return assessment
        quoted = " ".join(search_text(h.passage.text, h.passage.context) for h in hits if case_name(h.passage.metadata) == case)
        if state.statistics.coverage(topic, quoted) >= NAMED_TOPIC_SHARE:
            return assessment
        return replace(assessment, decision=replace(decision, outcome="partial", missing=(*decision.missing, analysis.text)))

    def _guidance(self, state: DerivedState, filters: PassageFilter | None) -> tuple[Found, ...]:
        """Each guidance topic's own retrieval. The topics are the same for every worry, so their passages
        are retrieved once per index state and filter, not four hybrid retrievals per concern question."""
        found = state.guidance.get(filters)
        if found is None:
            found = tuple(self._topic(n, topic, filters, state.statistics) for n, topic in enumerate(concern_topics()))
            if len(state.guidance) >= GUIDANCE_FILTERS:
                state.guidance.clear()  # a rare mix of document selections; the unfiltered one is refilled next
            state.guidance[filters] = found
        return found

    def _from_its_place(self, guidance: tuple[Found, ...], places: Sequence[str]) -> tuple[Found, ...]:
        """``guidance`` with each topic's passages published by a municipality the worry names (``places``) alone,
        when the topic holds any: a pedagogue who says where she works ("Jeg er pædagog i en børnehave i Sorø ...")
        asks what applies there. Favrskov's steps for a child's language had stood above Sorø's "Du drøfter en
        bekymring med en kollega eller din leder inden for en uge." under "Sparring om bekymringen", and for "Jeg
        arbejder i Hedensted ... hvem kan vi trække på?" Hedensted's "Tværfaglig sparring og indsatser – ...,
        Netværksmøder, Familierådgivning" had not come at all (train key facts 0.853 -> 0.862)."""

        def local(hit: ScoredPassage) -> bool:  # a municipality's: KL's report is no place one works
            municipality = publishing_municipality(str(hit.passage.metadata.get("publisher", "")))
            return any(place in publisher_names(municipality) for place in places)

        topics = []
        for number, found in enumerate(guidance):
            kept = [hit for hit in found.hits if local(hit)] or list(found.hits)
            same = len(kept) == len(found.hits)
            topics.append(found if same else self._found(kept, self._embed(concern_topics()[number])))
        return tuple(topics)

    def _topic(self, number: int, query: str, filters: PassageFilter | None, relevance: RelevanceScorer) -> Found:
        """A guidance topic's retrieval: its best TOPIC_CANDIDATES passages, only an organisation's guide to its
        staff on the topic if they hold one (see :func:`prefer_staff_guide`), cut to PART_K."""
        vector = self._embed(query)
        found = self._retrieve(query, TOPIC_CANDIDATES, filters, vector)
        return self._found(prefer_staff_guide(found.hits, number, relevance)[:PART_K], vector)

    def _resemblance(self, vector: Sequence[float]) -> list[float]:
        """Per guidance topic, how much the worry (its normalised query ``vector``) resembles the topic's
        query. Measured against the plain worry the "Bekymret for et barn?" button asks instead, the small
        differences ordered the topics at random ("Hvem kan jeg drøfte det med?" got sparring last)."""
        return [sum(a * b for a, b in zip(vector, self._embed(topic), strict=True)) for topic in concern_topics()]

    def _embed(self, text: str) -> Sequence[float]:
        """The query vector of ``text``; the concern guidance topics are embedded once (they never change,
        and a concern answer would otherwise embed each of them three times per question)."""
        if text in self._topic_vectors:
            return self._topic_vectors[text]
        vector = tuple(self.index.retriever.embed_query(text))
        if text in concern_topics():
            self._topic_vectors[text] = vector
        return vector

    def _embedder_for(self, assessment: Assessment) -> Callable[[str], Sequence[float]]:
        """:meth:`_embed` for composing ``assessment``'s answer: the question's own text keeps the vector its
        retrieval embedded. A concern question's own part, and a part that is the whole question, are that
        text, and were embedded a second time (one model call, ~40 ms)."""
        return lambda text: assessment.vector if text == assessment.query else self._embed(text)

    def _retrieve(self, query: str, k: int, filters: PassageFilter | None, vector: Sequence[float] | None = None) -> Found:
        """The best passages for ``query`` and the best similarity of one of their evidence units."""
        retriever = self.index.retriever
        vector = vector if vector is not None else retriever.embed_query(query)
        wanted = filters or PassageFilter()
        depth = k if self._reranker is None else RERANK_CANDIDATES
        match self.settings.retrieval_mode:
            case "bm25":
                hits = retriever.bm25(query, k=depth, filters=wanted)
            case "dense":
                hits = retriever.dense(query, k=depth, filters=wanted, vector=vector)
            case _:
                hits = retriever.hybrid(query, k=depth, filters=wanted, vector=vector)
        if self._reranker is not None:
            hits = self._reranker.rerank(query, hits)[:k]
        # A query that names a section by its number ("Hvad indeholder anbefaling 3?") is answered and judged
        # from that section alone: its few other words ("3", "anbefaling") matched "Arbejdet opdeles i 3
        # spor" in another deck, and a year another passage held passed for the section's ("case 5 i 2019").
        hits = [h for h in hits if names_section(query, h.passage.text, h.passage.context)] or hits
        return self._found(hits, vector)

    def _in_reading_order(self, analysis: QuestionAnalysis, found: Found, vector: Sequence[float], *, followup: bool = False) -> Found:
        """``found`` with its passages in the order the question reads them (see :func:`reading_order`)."""
        hits, answering = (reading_order(analysis, ranked, followup=followup) for ranked in (found.hits, found.answering))
        if hits == found.hits and answering == found.answering:
            return found
        return replace(self._found(hits, vector), answering=answering)

    def _found(self, hits: Sequence[ScoredPassage], vector: Sequence[float]) -> Found:
        per_passage = [self.index.units.get(h.passage.chunk_id, ()) for h in hits[:TOP_PASSAGES]]
        units = [u for passage in per_passage for u in passage]
        # What a unit goes on from: the unit before it, and the municipality of the case example it is in ("Det
        # afspejler sig bl.a. i, at der kun er sket ét sammenbrud ..." in Aalborg's case answers "Hvor mange
        # sammenbrud har der været?" after a question on Aalborg, though neither sentence names Aalborg), or else the
        # municipality that published its document, whose own report seldom repeats its name ("Samlet modtog PPR og
        # Familiehuset 1.146 henvisninger i 2024" in Ringkøbing-Skjern's annual report).
        places = [h.passage.municipality for h in hits[:TOP_PASSAGES]]
        speakers = [
            place or " ".join(publisher_names(str(h.passage.metadata.get("publisher", ""))))
            for h, place in zip(hits[:TOP_PASSAGES], places, strict=True)
        ]
        antecedents = tuple(
            f"{_goes_on_from(passage, n)} {speaker}".strip()
            for passage, speaker in zip(per_passage, speakers, strict=True)
            for n in range(len(passage))
        )
        similarities = self.index.unit_similarities(vector, [u.unit_id for u in units])
        notes = [dict(note_names(h.passage.context)) for h in hits[:TOP_PASSAGES]]
        contexts = [h.passage.context for h in hits[:TOP_PASSAGES]]
        texts = tuple(
            _annotated(u, named, context) for passage, named, context in zip(per_passage, notes, contexts, strict=True) for u in passage
        )
        units_places = tuple(place for passage, place in zip(per_passage, places, strict=True) for _ in passage)
        return Found(tuple(hits), max(similarities.values(), default=0.0), texts, antecedents, units_places)

    def _standalone(self, state: DerivedState, question: str, turns: list[Turn]) -> str:
        """Follow-ups become standalone questions: by the model in LLM mode, else (or on failure) by rule."""
        if state.writer is not None and any(turn.role == "user" for turn in turns):
            try:
                return state.writer.condense(question, turns)
            except LLMFailure as failure:
                log.warning("LLM condensing failed (%s); using the rule-based follow-up query", failure)
        return standalone_query(question, turns, state.sources.documents.keys())

    def _compose(
        self,
        state: DerivedState,
        assessment: Assessment,
        notices: list[str],
        on_text: Callable[[str], None] | None,
    ) -> Answer:
        """The citat composition; in LLM mode the model then writes from the units it selected."""
        hits, analysis = self._compose_inputs(assessment)
        embed = self._embedder_for(assessment)
        own = guidance_hits(assessment, analysis)
        scored = state.evidence.gather_evidence(assessment.vector, analysis.terms, analysis, hits, self.index, embed, own)
        assessment = with_parts_credited(state.answerability, assessment, answered_parts(scored, assessment.analysis))
        assessment = with_answer_found(state.statistics, assessment, scored)
        terms = self.index.retriever.terms
        situated = situated_unit(assessment, scored, terms)
        assessment = with_own_situation_checked(assessment, scored, situated, terms, state.statistics.passage_share)
        scored = named_in_documents_words(assessment, situated_units(assessment, scored, situated, terms), terms)
        analysis = _guidance_beside_own(assessment, analysis)
        assessment = with_staff_guide_answering(assessment, scored)
        composition = self._citat(state, assessment, analysis, scored, hits)
        # A typed part the composed answer shows an answer to is answered too (see shown_typed_parts). Not
        # recomposed: that unit is shown already, and a part's own units would be the next ones resembling
        # its few words ("tjene pengene hjem" -> "De tjener som voksne mere").
        shown_text = composition.read_text
        assessment = with_parts_credited(state.answerability, assessment, shown_typed_parts(scored, assessment.analysis, shown_text))
        assessment = with_held_parts(assessment, typed_parts_held(scored, assessment.analysis, shown_text))
        decision = assessment.decision
        if (checked := self._with_case_checked(state, assessment, hits, composition)) is not assessment:
            assessment, decision = checked, checked.decision
            composition = self._citat(state, assessment, analysis, scored, hits)  # the case is named above its units
        assessment = with_places_named(state.answerability, state.statistics, assessment, composition, state.homes)
        assessment = with_homes_quoted(assessment, composition, state.homes, state.statistics.base_form)
        assessment = with_definition_checked(with_labels_checked(assessment, composition), composition, scored)
        assessment = with_speaker_named(assessment, composition)
        assessment = with_municipality_shown(assessment, composition)
        if (scoped := with_scope_checked(assessment, composition)) is not assessment:
            assessment = scoped
            composition = self._citat(state, assessment, analysis, scored, hits)  # the case is named above its units
        assessment = with_detail_shown(state.answerability, with_detail_checked(assessment, composition), composition)
        assessment = with_years_shown(assessment, composition)
        assessment = with_place_figures_checked(with_setting_checked(with_ages_shown(assessment, composition), composition), composition)
        assessment = with_asked_year_shown(assessment, composition)
        if (checked := with_time_checked(with_results_checked(assessment, composition), composition)) is not assessment:
            assessment = checked
            composition = self._citat(state, assessment, analysis, scored, hits)  # the case is named above its units
        decision = assessment.decision
        worry = assessment.analysis.text
        if guidance_only(assessment) and (
            assessment.asked_guidance or not situation_terms(worry, signs=False) or tells_no_situation(worry)
        ):
            # The topic it asks for answers it, and so does the guidance a worry that tells no situation of its own
            # asks for ("hvad skal jeg gøre først når jeg bliver bekymret for et barn" and "... for en pige i
            # vuggestuen" had read "Jeg fandt ikke noget … om netop det, du beskriver"); the nearest material for its
            # own words stays out.
            decision = replace(decision, outcome="answer", missing=())
            assessment = replace(assessment, decision=decision)
        lead_in = self._lead_in(assessment, hits, composition)
        if state.writer is not None:
            try:
                passages = Passages.from_citations(composition.book.citations(), hits)
                generated = state.writer.answer(assessment.query, passages, decision.outcome, decision.missing, on_text)
                written = Composition(generated.text, "", generated.book)
                return self._answer(assessment, lead_in, written, notices, "llm", generated.removed)
            except LLMFailure as failure:
                log.warning("LLM answer failed (%s); falling back to citat mode", failure)
                notices = [*notices, render("llm_fallback", reason=str(failure))]
        return self._answer(assessment, lead_in, composition, notices, "citat")

    def _answer(
        self,
        assessment: Assessment,
        lead_in: str,
        composition: Composition,
        notices: Sequence[str],
        mode: str,
        removed: tuple[str, ...] = (),
    ) -> Answer:
        decision = assessment.decision
        return Answer(
            f"{lead_in}\n\n{composition.body}",
            composition.book.citations(),
            outcome=decision.outcome,
            refusal_reason=decision.reason if decision.outcome != "answer" else "",
            short_answer=composition.short_answer,
            more=composition.more,
            missing=decision.missing,
            mode=mode,  # type: ignore[arg-type]
            notices=tuple(notices),
            query=assessment.query,
            removed_sentences=removed,
        )

    @staticmethod
    def _citat(
        state: DerivedState, assessment: Assessment, analysis: QuestionAnalysis, scored: Sequence[ScoredUnit], hits: Sequence[ScoredPassage]
    ) -> Composition:
        """The answer-first composition of the best evidence units; a concern question's guidance topics
        are parts of ``analysis`` of their own, so each gets its units."""
        uncovered = tuple(assessment.analysis.parts[n].text for n in assessment.decision.uncovered_parts)
        if guidance_only(assessment):
            uncovered += (assessment.analysis.text,)  # the nearest material would only resemble the worry
        asked = tuple(guidance_parts()[n].label for n in assessment.asked_guidance)
        cases = assessment.case_examples.hits if assessment.case_examples is not None else ()
        # Only for a period of a rare shape: under weak evidence a sum, a list or a plain period first had shown another
        # thing's ("Ordningen koster ca. 1,4 mio. kr." for the price of a parents' course).
        detail = assessment.analysis.detail
        weak = detail is not None and detail.of_rare_shape and assessment.decision.missing == (assessment.analysis.text,)
        return state.composer.compose(
            analysis, scored, assessment.decision.outcome, uncovered, _lead_case(assessment, hits), asked, cases, assessment.said, weak
        )

    def _lead_in(self, assessment: Assessment, hits: Sequence[ScoredPassage], composition: Composition) -> str:
        """The first line says which kind of answer follows: it names a case example only when the answer
        opens with that case's units ("Hvilke udviklingsspor har Hedensted sat for dagtilbuddene?" opens with
        the slides' list, though the best passage was a Hedensted case)."""
        decision = assessment.decision
        if assessment.documents:
            return render("lead_in_document", titles=inert_markdown(join_danish([f"»{title}«" for title in assessment.documents])))
        if guidance_only(assessment):
            return render("lead_in_concern_partial")
        if decision.outcome == "partial":
            places = quoted_places(composition.book.citations(), composition.short_answer)
            shown = _parts_shown(assessment.analysis, composition.read_text, self.statistics)
            return partial_lead_in(decision, assessment.analysis, self.statistics.base_form, self.statistics.uses_phrase, places, shown)
        if assessment.analysis.is_concern:
            return render("lead_in_concern")
        if assessment.case_examples is not None and (cases := composition.cases):
            return render("lead_in_cases", count=count_word(len(cases))) if len(cases) > 1 else render("lead_in_one_case")
        if (case := _lead_case(assessment, hits)) is not None and case == composition.opening_case:
            return render("lead_in_case", case=inert_markdown(case))
        return render("lead_in")

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

    def _with_series_context(self, hits: list[ScoredPassage], analysis: QuestionAnalysis) -> list[ScoredPassage]:
        """For a list question that asks for the items of a numbered series by its label word ("metoder",
        "fordelingsmetoder") and whose best passages hold a section of it ("METODE 2: ..."), the series' other
        sections follow its last one found: the series is the document's list, and "Hvilke fire
        fordelingsmetoder har KORA fundet?" found methods 2 and 3 only. A series the question does not name
        stays as retrieved: Hedensted's "Anbefaling 1-4" slides are no list of pros and cons of a funding model."""
        if analysis.answer_type not in LIST_TYPES or analysis.is_multi_part:
            return hits

        def asked(word: str) -> bool:
            return any(term.endswith(stem(word)) for term in analysis.terms)

        series_hits = ((hit.passage, word) for hit in hits[:TOP_PASSAGES] if (word := _series_word(hit.passage)) is not None)
        found = next(((passage, word) for passage, word in series_hits if asked(word)), None)
        if found is None:
            return hits
        first, word = found
        series = sorted(
            (p for p in self.index.passages.values() if p.doc_id == first.doc_id and _series_word(p) == word), key=lambda p: p.ordinal
        )
        present = {h.passage.chunk_id for h in hits}
        if len(series) > MAX_SERIES_SECTIONS or all(p.chunk_id in present for p in series):
            return hits
        last = max(n for n, hit in enumerate(hits) if _series_word(hit.passage) == word and hit.passage.doc_id == first.doc_id)
        extra = [ScoredPassage(p, hits[last].score * 0.99) for p in series if p.chunk_id not in present]
        return [*hits[: last + 1], *extra, *hits[last + 1 :]]

    def _decline(self, assessment: Assessment, notices: tuple[str, ...]) -> Answer:
        """Say so plainly, then the nearest topics with markers."""
        decision, sources = assessment.decision, assessment.analysis.whole.sources
        missing = render("refusal_missing", terms=inert_markdown(join_danish(decision.missing))) if decision.missing else ""
        if sources and not missing:  # judged on the named sources' passages alone: say whose
            missing = render("refusal_source", sources=join_danish(sources))
        book = CitationBook()
        lines, seen = [], set()
        for hit in assessment.hits:
            heading = source_heading(hit)
            if heading in seen:
                continue
            seen.add(heading)
            lines.append(f"- {inert_markdown(nearest_topic(hit))} [{book.cite(hit)}]")
            if len(lines) == NEAREST_TOPICS:
                break
        lead_in = render("refusal", missing=missing)
        return Answer(
            lead_in + "\n\n" + "\n".join(lines), book.citations(), outcome="decline", refusal_reason=decision.reason,
            short_answer=lead_in, more="\n".join(lines), missing=decision.missing, notices=notices, query=assessment.query,
        )

    def _verified(self, state: DerivedState, answer: Answer) -> Answer:
        """Drop any claim sentence its citations do not support (never expected in citat mode; logged).
        Everything from a document or the question is already inert Markdown (composer, writer, lead-ins)."""
        if answer.refused or not answer.citations:
            return answer
        passages = {c.number: c.passage for c in answer.citations}
        unsupported = [c.sentence for c in state.verifier.check(answer.text, passages) if not c.supported]
        text, short, more = answer.text, answer.short_answer, answer.more
        for sentence in unsupported:
            log.warning("sentence not supported by its citation, removed: %r", sentence[:120])
            text, short, more = (_without_line(part, sentence) for part in (text, short, more))
        return replace(
            answer, text=text, short_answer=short, more=more,
            removed_sentences=answer.removed_sentences + tuple(unsupported),
        )


def compose_inputs(assessment: Assessment) -> tuple[list[ScoredPassage], QuestionAnalysis]:
    """The passages the composer scores units from (the question's own, then each part's and guidance
    topic's best in turn; a worry's own best five first) and the analysis whose parts score them: a concern question's guidance topics
    are parts of their own, so each gets its units."""
    analysis = assessment.analysis
    # A worry's own best passages all come first: taken in turn with the guidance topics (four then), it kept only
    # three, and its fourth and fifth (which the retrieval figures count as found) never reached the composer.
    # Each guidance topic's best passages come too, so a topic shows the same guidance whatever the worry.
    first: list[ScoredPassage] = []
    if analysis.is_concern:
        guidance = (hit for found in assessment.guidance for hit in found.hits[:GUIDANCE_PASSAGES])
        first = _interleave([], first=(*assessment.hits[:TOP_PASSAGES], *guidance))
    cases = (assessment.case_examples,) if assessment.case_examples is not None else ()
    lists = [list(f.hits) for f in (assessment.found, *assessment.parts, *assessment.guidance, *cases)]
    hits = _interleave(lists, first=first)[: max(COMPOSE_PASSAGES, len(first))]
    if not analysis.is_multi_part and (sections := _named_sections(analysis, hits)):
        analysis = replace(analysis, parts=sections)  # the decision judged the whole question: no part indexes to keep
    if analysis.is_concern:
        analysis = replace(analysis, parts=analysis.parts + tuple(guidance_parts()[n] for n in assessment.guidance_order))
    if assessment.decision.outcome == "partial":
        signals = assessment.decision.signals
        absent = (*signals.absent_years, *signals.absent_figures, *signals.absent_details)
        analysis = without_terms(analysis, absent, assessment.decision.apart)
    return hits, analysis


def _parts_shown(analysis: QuestionAnalysis, text: str, statistics: RelevanceScorer) -> frozenset[int]:
    """The parts of a question of whose terms the answer's read ``text`` holds at least PART_SHOWN_COVERAGE
    (IDF-weighted; a part without terms counts as shown): what a partial answer's first line may say the documents
    answer."""
    return frozenset(
        n for n, part in enumerate(analysis.parts) if not part.terms or statistics.coverage(part.terms, text) >= PART_SHOWN_COVERAGE
    )


def _guidance_beside_own(assessment: Assessment, analysis: QuestionAnalysis) -> QuestionAnalysis:
    """``analysis`` (as :func:`compose_inputs` returns it) with only its first GUIDANCE_BESIDE_OWN guidance topics,
    and those the worry asks for by name, when the documents answer what the worry tells beyond the child's signs:
    the answer is then that ("Hvordan sikrer vi en god overgang, så skolen ved, hvad han har brug for?" and
    Copenhagen's pilot on passing knowledge on), and five topics after it buried it. A worry told by its signs
    alone keeps every topic: the guidance is its answer. On train, one answer lost a key fact it held only by
    chance: "forældreevne" of Børnelinealen's scale in a list of risk factors, for "Hvordan kan jeg give en
    bekymring for et barn et tal?"."""
    worry = assessment.analysis.text
    own = assessment.analysis.is_concern and assessment.decision.outcome == "answer" and situation_terms(worry, signs=False)
    if not own or tells_no_situation(worry):
        return analysis
    kept = len(analysis.parts) - len(assessment.guidance_order) + max(GUIDANCE_BESIDE_OWN, len(assessment.asked_guidance))
    return replace(analysis, parts=analysis.parts[:kept])


def without_terms(analysis: QuestionAnalysis, absent: Sequence[str], names: Sequence[str] = ()) -> QuestionAnalysis:
    """``analysis`` with the years and figures the documents lack, and the ``names`` they never use beside the
    topic, no longer scoring units: a partial answer shows what the documents say of the topic. Holding the
    absent year, a title slide ("KKR konference 2021") had outscored the topic's own figures for "Og hvor mange
    pluspladser var der i 2021?"; naming Ishøj, Ishøj's case on crime prevention outscored what the documents say
    of network placements. The words of an absent detail ("antallet af timer") stay: they are still the topic."""
    lacking = {term for text in absent for term in content_terms(text) if any(c.isdigit() for c in term)}
    lacking |= {term for name in names for term in content_terms(name)}
    if not lacking:
        return analysis

    def kept(part: QuestionPart) -> QuestionPart:
        return replace(part, terms=tuple(t for t in part.terms if t not in lacking) or part.terms)

    return replace(
        analysis,
        terms=tuple(t for t in analysis.terms if t not in lacking) or analysis.terms,
        parts=tuple(kept(part) for part in analysis.parts),
        focus=kept(analysis.focus) if analysis.focus else None,
    )


def _series_word(passage: Passage) -> str | None:
    """The label word of the numbered series a passage is a section of ("metode"; see :func:`series_labels`)."""
    return next((word for word, _ in sorted(series_labels(passage))), None)


def guidance_hits(assessment: Assessment, analysis: QuestionAnalysis) -> dict[int, tuple[ScoredPassage, ...]]:
    """Per guidance-topic part of ``analysis`` (as :func:`compose_inputs` returns it, the topics last, in
    ``guidance_order``), the topic's own retrieval."""
    first = len(analysis.parts) - len(assessment.guidance_order)
    return {first + i: assessment.guidance[topic].hits for i, topic in enumerate(assessment.guidance_order)}


def _named_sections(analysis: QuestionAnalysis, hits: Sequence[ScoredPassage]) -> tuple[QuestionPart, ...]:
    """One part per numbered section the question names, when it names more than one ("Hvad er forskellen
    på metode 1 og metode 4?"): each section's opening line, so each section gets its own best units
    (scored as one question, the first section's units outranked all of the second's). Empty otherwise."""
    lines = []
    for label in asked_labels(analysis.text):
        line = next((found for h in hits if (found := label_line(label, h.passage.text, h.passage.context))), None)
        if line is not None:
            lines.append(line)
    return tuple(QuestionPart(line, analysis.answer_type, tuple(content_terms(line))) for line in lines) if len(lines) > 1 else ()


def _with_named_sources(analysis: QuestionAnalysis, sources: SourceNames) -> QuestionAnalysis:
    """Each part of a multi-part question with the publishers it names, and a question that names several
    side by side ("Hvad siger KL og Hedensted om ...?") asked of each in turn: each source answers for itself,
    or is named as not covered. The names the parts are asked of are no terms of the whole question either: the
    sources' own passages seldom repeat them, so as terms they only made it look less covered."""
    if not analysis.is_multi_part:
        asked = one_per_source(analysis.text, sources.names_in(analysis.text))
        if asked and len({sources.documents[name] for _, name in asked}) == len(asked):  # two names of one source are one
            parts = (_sourced(QuestionPart(text, answer_type(text), tuple(content_terms(text))), (name,)) for text, name in asked)
            return replace(analysis, parts=tuple(parts))
        whole = _sourced(analysis.parts[0], sources.asked_alone(analysis.text))
        return replace(analysis, parts=(whole,), terms=whole.terms)
    sourced = tuple(_sourced(p, sources.asked_alone(p.text)) for p in analysis.parts)
    given = name_terms(tuple(dict.fromkeys(name for part in sourced for name in part.sources)))
    return replace(analysis, parts=sourced, terms=tuple(t for t in analysis.terms if t not in given))


def _with_followup_sources(analysis: QuestionAnalysis, sources: SourceNames) -> QuestionAnalysis:
    """A follow-up's parts (its own words) with the publishers each names alone: "Og hvad gør Hedensted?"
    after a question on what KL recommends asks Hedensted, not the earlier question's KL. Unlike a question's
    (see _sourced), a follow-up's terms keep the name: often it is all the follow-up asks ("Og hvad med
    Hedensted?"), and the sentence that names the source ("Hedensted Kommune har etableret et mødeforum ...")
    is the one that answers it."""
    return replace(analysis, parts=tuple(replace(p, sources=sources.asked_alone(p.text)) for p in analysis.parts))


def _sourced(part: QuestionPart, names: tuple[str, ...]) -> QuestionPart:
    """``part`` answered by the sources ``names`` only. Their names are no terms of it: among a source's own
    passages, those that repeat its name ("At skolerne Hedensted, Stjernevej og Løsning ...") are no likelier
    to answer. Nor is the kind of document named with them ("Holbæks folder"; see published_document_terms)."""
    if not names:
        return part
    own = name_terms(names) | published_document_terms(part.text, names)
    return replace(part, terms=tuple(t for t in part.terms if t not in own), sources=names)


def _names_a_section(query: str, hits: Sequence[ScoredPassage]) -> bool:
    """Whether ``query`` asks about a numbered section of a document that is no case example, by its label: "Hvilke
    kommuner bruger den statistiske fordelingsnøgle, som KORA beskriver som metode 2?" asks about METODE 2, which
    names no municipality, and had been answered "med fem kommunale eksempler" that none of them uses."""
    return any(
        names_section(query, hit.passage.text, hit.passage.context) and hit.passage.metadata.get("case_number") is None for hit in hits
    )


def _asks_for_cases(analysis: QuestionAnalysis, case_places: frozenset[str]) -> bool:
    """Whether a question asks for case examples (see :attr:`QuestionAnalysis.asks_for_cases`); names it compares
    only when one of them is a place a case example is from. "Hvordan adskiller Sverige og Danmark sig i brugen af
    plejefamilier og institutioner?" compares countries, and was answered "med fire kommunale eksempler" with
    Aalborg's and Varde's cases after the comparison that answers it."""
    return asks_for_cases(analysis.text) or any(compares_place(analysis, place) for place in case_places)


def _lead_case(assessment: Assessment, hits: Sequence[ScoredPassage]) -> str | None:
    """The case example a direct answer's lead-in names: the best passage's, for a question a case answers."""
    if assessment.decision.outcome != "answer" or assessment.analysis.is_concern or not hits:
        return None
    if _named_sections(assessment.analysis, hits) or assessment.case_examples is not None:
        return None  # "Sammenlign case 5 og case 2", "Hvilke cases ...?": each case is named above its own units
    analysis = assessment.analysis
    return case_name(hits[0].passage.metadata) if analysis.answer_type in CASE_TYPES and not analysis.asks_overview else None


def _as_list_question(analysis: QuestionAnalysis) -> QuestionAnalysis:
    return replace(analysis, answer_type="list", parts=tuple(replace(part, answer_type="list") for part in analysis.parts))


def _undated(title: str) -> str:
    """A document's title without its date, as a question for its content: the year a title gives asked for a
    year too ("Balance imellem almen og special (Udvalget for Læring, 23. januar 2023)" read "ingen oplysninger
    om 2023")."""
    return " ".join(YEAR.sub(" ", re.sub(r"\([^)]*\)", " ", title)).split())


def without_names(question: str, place: str) -> str:
    """The question without the names it uses that name ``place``, in any inflection ("Hvordan arbejder
    Varde med sprogscreening?", "Varde Kommune" -> "Hvordan arbejder med sprogscreening?")."""
    text = question
    places = [w.lower() for w in words(place)]
    for name in dict.fromkeys(proper_nouns(question)):
        if any(name.lower().startswith(p) or p.startswith(name.lower()) for p in places if len(p) >= MIN_PLACE_NAME):
            text = re.sub(rf"\b{re.escape(name)}\w*", "", text)
    return " ".join(text.split())


def _annotated(unit: EvidenceUnit, notes: dict[str, str], context: str = "") -> str:
    """A unit's text as the answerability decision judges it; a footnote's opening sentence with the words
    it annotates (``notes``: number -> words, as its passage names them): "3 Der er ... afsat 4,5 i 2016 og
    8,4 mil i 2017 og 2018." says what was set aside only under "Socialrådgivere i dagtilbud". A table row
    comes with its passage's headings (``context``), which say what the table is about: "Budget (mio. kr.) |
    58,2 | 60,1" is the day care's budget only under "Kvalitetsrapport for dagplejen 2024", and "Hvad var
    budgettet for dagplejen i 2023?" read "nævner ikke beløbet" above that row. Its header row stands on the line
    above it, as in the table: "Syd | 280 | 300" gives hours only under "Område | Timer 2023 | Timer 2024"."""
    number = note_number(unit.text)
    words = notes.get(number) if number else None
    if words:
        return f"{words}: {unit.search_text}"
    if unit.kind != "table_row":
        return unit.search_text
    # The header on a line of its own above the row, so its columns stay columns ("Timer 2024" over "300").
    table = f"{unit.lead_in}\n{unit.text}" if unit.lead_in else unit.text
    return f"{context}: {table}" if context else table


def _interleave(lists: Sequence[Sequence[ScoredPassage]], first: Sequence[ScoredPassage] = ()) -> list[ScoredPassage]:
    """``first``, then round-robin over ranked lists, without repeats: every part's best passage comes early."""
    merged: dict[str, ScoredPassage] = {}
    in_turn = (ranked[rank] for rank in range(max((len(x) for x in lists), default=0)) for ranked in lists if rank < len(ranked))
    for hit in (*first, *in_turn):
        merged.setdefault(hit.passage.chunk_id, hit)
    return list(merged.values())


def _goes_on_from(units: Sequence[EvidenceUnit], number: int) -> str:
    """The search text of the unit before unit ``number`` of a passage, and of the one before that while the
    nearer one points back: "Projektet er tilført to mio. kr., og der er beregnet en nettobesparelse ..." goes
    on from "I disse tre områder er antallet af børnesager 20 pr. rådgiver ...", which goes on from "Herning
    Kommune har i 2013 igangsat et fireårigt projekt 'Sverigesprojektet' ..." ("" for a passage's first)."""
    chain: list[str] = []
    for before in reversed(units[max(0, number - MAX_ANTECEDENTS) : number]):
        chain.insert(0, before.search_text)
        if not refers_back(before.text):
            break
    return " ".join(chain)


def _without_line(text: str, sentence: str) -> str:
    return "\n".join(line for line in text.splitlines() if sentence not in line)


def _cleaned(question: str, statistics: RelevanceScorer) -> CleanQuestion:
    """The question cleaned, with the Danish letters a keyboard without them left out put back (see
    :func:`assistant.question.with_danish_letters`)."""
    clean = clean_question(question)
    return replace(clean, text=with_danish_letters(clean.text, statistics.knows_word))

def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)

