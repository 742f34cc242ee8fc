"""Candidate evidence units of the retrieved chunks, their features, and the fitted unit scorer.

The composer quotes units (sentences, list items, table rows), not chunks. Which units answer a
question is learnt: :class:`UnitScorer` is a logistic regression over cheap features of each unit
(dense similarity to the question, IDF-weighted coverage of its terms, whether the unit holds the
expected answer type, list membership, block kind, case-result cues, the chunk's retrieval rank),
fitted on the train split with the gold quotes' units as positives (``python -m eval.fit``). The
weights ship as ``assistant/unit_scorer.json``.

A multi-part question is scored once per part (each part with its own terms, answer type and
embedding), so each part gets its own best units.

Example::

    gatherer = EvidenceGatherer(relevance, UnitScorer.load())
    scored = gatherer.gather_evidence(query_vector, query_terms, analysis, hits, index)
    scored[0].unit.text, scored[0].score
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.analysis import (
    LEANING_PART_TERMS,
    RESULT_CUES,
    AnswerType,
    QuestionAnalysis,
    QuestionPart,
    asks_about_making,
    describes_its_document,
    names_a_document,
    self_contained,
)
from assistant.analysis import holds_answer_type as text_holds_answer_type
from assistant.injection import looks_like_instruction
from assistant.relevance import RelevanceScorer
from assistant.sources import names, speaks_for
from index import Passage, ScoredPassage
from ingest.types import EvidenceUnit, section_path
from tidlig.text import (
    MIN_LEAD_IN_WORDS,
    YEAR,
    content_terms,
    fits_shares,
    goes_on_from,
    is_byline,
    is_fragment,
    is_lead_in,
    is_source_note,
    item_number,
    join_sentences,
    list_level,
    marker_kind,
    plain_markdown,
    proper_nouns,
    split_sentences,
    table_cells,
)

WEIGHTS_FILE = Path(__file__).with_name("unit_scorer.json")
PART_VECTOR_CACHE = 512
# The fitted probability a part's likeliest unit needs for the part to count as answered by the evidence
# (see :func:`answered_parts`). On train, parts judged uncovered by their own retrieval had 0.33 and 0.43
# where a unit answers them ("hvad ligger der i begrebet indsatstrappe", "hvad siger tallene?"), 0.02 to
# 0.18 where none does (an unanswerable "hvordan udfylder man den?" 0.18); every answered part of an
# unanswerable question stays partial as before.
PART_ANSWERED = 0.3
# The IDF-weighted share of a part's terms besides the name it asks about that a passage naming it must hold
# to answer it (see _from_named_passages).
NAMED_TOPIC_SHARE = 0.5
# Parts expecting these answer types count as answered only by a unit holding one (a figure, a year, ...).
TYPED_PARTS: frozenset[AnswerType] = frozenset({"amount", "time", "place", "person"})

FEATURES = (
    "similarity",  # cosine similarity of the unit (with its lead-in) to the question
    "similarity_gap",  # similarity minus the best candidate's: how close to the best unit
    "chunk_similarity",  # the chunk's own dense similarity (0 when dense retrieval missed it)
    "chunk_rank",  # 1 / (1 + retrieval rank of the chunk)
    "coverage",  # IDF-weighted share of the question's terms in the unit (with its lead-in)
    "context_coverage",  # ... in the unit plus its chunk's headings (title, section, case)
    "rarest_term",  # the unit holds the question's rarest term
    "answer_type",  # the unit holds the expected kind of answer (a figure, a year, a place, ...)
    "figure",  # the unit holds a figure other than a year
    "list_item",
    "table_row",
    "lead_in",  # a line that introduces a list ("KL anbefaler:")
    "case_result",  # a result cue inside a case example (what leaders ask about)
    "first_in_chunk",
    "length",  # log of the character count
)

_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s*(?:%|pct|procent|kr|mio|mia|millioner))?")


class UnitSource(Protocol):
    """What evidence needs from the index: units per chunk, their similarity to a query, and embeddings."""

    @property
    def units(self) -> Mapping[str, Sequence[EvidenceUnit]]: ...

    def unit_similarities(self, query_vector: Sequence[float], unit_ids: Iterable[str]) -> dict[str, float]: ...


@dataclass(frozen=True)
class Candidate:
    """A quotable unit of a retrieved chunk. ``group`` is shared by the items of one list (and its
    lead-in) and by the rows of one table, so the composer shows them together; a sentence is alone."""

    unit: EvidenceUnit
    hit: ScoredPassage
    rank: int  # retrieval rank of the chunk (0 = best)
    group: str


@dataclass(frozen=True)
class ScoredUnit:
    """A candidate unit with its chunk, its features (per question part) and the fitted probability
    that it answers the question (``score``: the best over the parts; ``part_scores`` one per part)."""

    unit: EvidenceUnit
    hit: ScoredPassage
    rank: int  # retrieval rank of the chunk (0 = best)
    group: str
    features: tuple[Mapping[str, float], ...]
    part_scores: tuple[float, ...]
    coverage: float  # IDF-weighted coverage of the whole question's terms by the unit's own text

    @property
    def score(self) -> float:
        return max(self.part_scores)

    @property
    def key(self) -> str:
        """Equal for the same text in overlapping chunks or repeated slides."""
        return unit_key(self.unit.text)

    def holds_expected_answer(self, part: int) -> bool:
        """Whether the unit holds the kind of answer part ``part`` expects (see :func:`holds_answer_type`)."""
        return self.features[part].get("answer_type", 0.0) == 1.0

    def holds_rarest_term(self, part: int) -> bool:
        """Whether the unit holds the rarest term of part ``part``."""
        return self.features[part].get("rarest_term", 0.0) == 1.0

    def held_terms(self) -> frozenset[str]:
        """The content terms of the unit (with its lead-in) and of its passage's headings: what it is about."""
        return unit_terms(self.unit, self.hit)


class UnitScorer:
    """Logistic regression over :data:`FEATURES`; standardisation and weights come from the data file."""

    def __init__(self, mean: Sequence[float], scale: Sequence[float], weights: Sequence[float], bias: float) -> None:
        self._mean = np.asarray(mean, dtype=np.float64)
        self._scale = np.asarray(scale, dtype=np.float64)
        self._weights = np.asarray(weights, dtype=np.float64)
        self._bias = float(bias)

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> UnitScorer:
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{path} was fitted on features {data['features']}, expected {list(FEATURES)}: run python -m eval.fit")
        return cls(data["mean"], data["scale"], data["weights"], data["bias"])

    def to_json(self, **about: object) -> str:
        return json.dumps(
            {
                "features": list(FEATURES),
                "mean": self._mean.round(6).tolist(),
                "scale": self._scale.round(6).tolist(),
                "weights": self._weights.round(6).tolist(),
                "bias": round(self._bias, 6),
                **about,
            },
            ensure_ascii=False,
            indent=1,
        )

    def probabilities(self, rows: Sequence[Mapping[str, float]]) -> list[float]:
        if not rows:
            return []
        matrix = feature_matrix(rows)
        logits = ((matrix - self._mean) / self._scale) @ self._weights + self._bias
        return (1.0 / (1.0 + np.exp(-logits))).tolist()


def answered_parts(scored: Sequence[ScoredUnit], analysis: QuestionAnalysis) -> set[int]:
    """The parts of a multi-part question whose likeliest unit is likely enough to answer them (and, for
    a part asking for a figure, a time, a place or a role, holds one)."""
    return {
        number
        for number, part, best in _likeliest_per_part(scored, analysis)
        if best.part_scores[number] >= PART_ANSWERED and (part.answer_type not in TYPED_PARTS or best.holds_expected_answer(number))
    }


def shown_typed_parts(scored: Sequence[ScoredUnit], analysis: QuestionAnalysis, shown: str) -> set[int]:
    """The parts asking for a figure, a time, a place or a role whose likeliest unit holds one and stands in
    the composed answer ``shown`` (its plain text, markers left out). A part's own words can resemble nothing
    ("hvornår forventer de at tjene pengene hjem igen?" scores 0.05 on "... omkostningsneutral i 2018 ... fra
    2019 er en varig besparelse"); saying it is not covered above the sentence that answers it would contradict
    the quote. A unit of several sentences stands there with a marker after each: it is shown when each is."""
    plain = " ".join(shown.split())
    return {
        number
        for number, part, best in _likeliest_per_part(scored, analysis)
        if part.answer_type in TYPED_PARTS and best.holds_expected_answer(number) and _stands_in(best, plain)
    }


def typed_parts_held(scored: Sequence[ScoredUnit], analysis: QuestionAnalysis, shown: str) -> set[int]:
    """The parts asking for a figure, a time, a place or a role for which any unit standing in the composed
    answer ``shown`` holds an answer of that kind, their likeliest or not. Not credited (a date in the answer
    need not be the one asked for), but no part the answer may answer is said surely uncovered: "Hvornår
    ville pengene i givet fald være der?" above Hedensted's three models, each ending "Finansiering aug. 2024"."""
    plain = " ".join(shown.split())
    return {
        number
        for number, part in enumerate(analysis.parts)
        if part.answer_type in TYPED_PARTS and any(unit.holds_expected_answer(number) and _stands_in(unit, plain) for unit in scored)
    }


def _stands_in(unit: ScoredUnit, plain: str) -> bool:
    """Whether the unit stands in an answer's plain text: each of its sentences does, as the answer puts a
    marker after each."""
    return all(" ".join(sentence.split()) in plain for sentence in split_sentences(unit.unit.text) or [unit.unit.text])


def _likeliest_per_part(scored: Sequence[ScoredUnit], analysis: QuestionAnalysis) -> Iterator[tuple[int, QuestionPart, ScoredUnit]]:
    """Each part of the question with its likeliest unit (parts without any unit are left out)."""
    for number, part in enumerate(analysis.parts):
        best = max(scored, key=lambda s: s.part_scores[number], default=None)
        if best is not None:
            yield number, part, best


def _from_named_sources(part: QuestionPart, candidates: Sequence[Candidate], scores: Sequence[float]) -> Sequence[float]:
    """A part that names publishers ("hvad gør Hedensted ...?") is answered by passages that speak for them
    only: another source's sentence on the same topic answers a question nobody asked, and the part is then
    named as not covered."""
    if not part.sources:
        return scores
    pairs = zip(candidates, scores, strict=True)
    return [score if any(speaks_for(name, c.hit.passage) for name in part.sources) else 0.0 for c, score in pairs]


def _from_named_passages(
    part: QuestionPart, candidates: Sequence[Candidate], scores: Sequence[float], relevance: RelevanceScorer
) -> Sequence[float]:
    """A part of a multi-part question that names a place or a person ("Hvad anbefaler KL om sundhedsplejen,
    og hvad gør Holstebro?") is answered by passages that name it in their text or headings and, for a part
    that does not lean on the one before it, hold the rest of what it asks (NAMED_TOPIC_SHARE of its other
    terms), when any of the candidates' do. Scored on its own few words, "hvad gør Holstebro?" had been
    answered with KL's recommendations on sundhedsplejen again, though Holstebro's case was among the
    passages; Aarhus' case on tandplejen does not answer "Hvor mange pluspladser har Aarhus Kommune?". A
    name that is a document's setting ("i Danmark", see :meth:`RelevanceScorer.is_setting`) is no such name:
    the passages on Danish figures seldom repeat it. A part asked of a publisher is answered by its sources
    instead (see :func:`_from_named_sources`)."""
    asked = [name for name in proper_nouns(part.text) if not relevance.is_setting(name)]
    if part.sources or not asked:
        return scores
    own = {term for name in asked for term in content_terms(name)}
    # A short part leans on the part before it for its topic ("hvad bruger Gladsaxe det til?"): it asks
    # what the name's passages say of that.
    topic = [term for term in part.terms if term not in own] if len(part.terms) >= LEANING_PART_TERMS else []

    answering: dict[str, bool] = {}  # by chunk: a passage has many candidate units
    for hit in (c.hit for c in candidates):
        if hit.passage.chunk_id not in answering:
            text = f"{hit.passage.context}\n{hit.passage.text}"
            named = any(names(text, name) for name in asked)
            answering[hit.passage.chunk_id] = named and (not topic or relevance.coverage(topic, text) >= NAMED_TOPIC_SHARE)
    naming = [answering[c.hit.passage.chunk_id] for c in candidates]
    if not any(naming):
        return scores  # no passage names it with its topic: the answerability decision judges the name
    return [score if named else 0.0 for score, named in zip(scores, naming, strict=True)]


def written_for_shares(shares: Iterable[str], passage: Passage, row: str = "") -> bool | None:
    """Whether a table ``row`` of ``passage``, else the passage's section, is written for one of the ``shares`` a
    question tells (see :func:`fits_shares`); None when neither states a limit or span of shares. A row is a level
    of its own ("Niveau 3 | 15-19 % ..."); a section's span is read from its nearest heading that states one
    ("Niveau 3 – Alvorlig bekymring (samlet fravær 15-19 procent ...)"). A sentence's own share is no level it is
    written for: "Målet er at nedbringe andelen af elever med et samlet fravær på 10 procent eller mere" is a goal,
    not what to do for a child with 22 %."""
    headings = reversed(section_path(passage.section))
    return next((fit for text in (row, *headings) if text and (fit := fits_shares(shares, text)) is not None), None)


def _for_told_shares(
    part: QuestionPart, candidates: Sequence[Candidate], scores: Sequence[float], shares: frozenset[str]
) -> Sequence[float]:
    """A question that tells a share ("en elev på 22 % fravær") is answered by what is written for it: the units
    of a section, or the table rows, whose limit or span of shares holds it are more likely than any other unit
    (halfway from the likeliest to certain), and those written for other shares are not likely at all (the steps of
    "Niveau 2 ... 10-14 procent" are not for this child). A guidance topic of a concern answer (a labelled part) keeps
    its scores: it answers every worry."""
    if part.label or not scores:
        return scores
    likelier = (1.0 + max(scores)) / 2
    fits = [written_for_shares(shares, c.hit.passage, c.unit.text if c.unit.kind == "table_row" else "") for c in candidates]
    return [likelier if fit else 0.0 if fit is False else score for score, fit in zip(scores, fits, strict=True)]


# A heading for what to do in an acute situation or on a harm done to a child: "4.2 Akutte situationer", "Anonym
# sparring og akut kontakt", "6. Ved mistanke om vold eller seksuelle overgreb (rødt niveau)", or when a child tells
# of one ("10. Når barnet fortæller", "3.6 Hvad gør jeg, hvis barnet selv fortæller noget?"); not a case example's
# title, "Case 7: Tegn på omsorgssvigt", which tells what one school did.
_HARM_HEADING = re.compile(
    r"\bakut\w*|\b(?:ved|hvis|mistanke om)\b.*\b(?:vold\w*|overgreb\w*|selvskad\w*|selvmord\w*|omsorgssvigt\w*|mishandl\w*)"
    r"|\b(?:barnet|et barn|eleven|en elev)\s+(?:selv\s+)?(?:fortæller|betror)\b",
    re.IGNORECASE,
)


def written_for_harm(passage: Passage) -> bool:
    """Whether a passage's section, by any of its headings, is written for a harm done to a child or an acute
    situation (see :func:`names_harm`)."""
    return any(names_harm(heading) for heading in section_path(passage.section))


def names_harm(heading: str) -> bool:
    """Whether a heading (or a paragraph's label, "Akutte situationer: ...") names a harm done to a child or an
    acute situation (see :data:`_HARM_HEADING`)."""
    return _HARM_HEADING.search(heading) is not None


def _about_subject(part: QuestionPart, candidates: Sequence[Candidate], scores: Sequence[float], subject: Sequence[str]) -> Sequence[float]:
    """A follow-up asking the earlier question again of another ``subject`` ("Gælder det også ved 2-års
    samtalen?", see :func:`assistant.analysis.substituted_subject`) asks it of the rule the conversation is about,
    in the document of the best passage: that document's units holding every word of the subject, with their
    headings, are likelier than any other (halfway from their own probability to certain), in their own order.
    "Ved 8-måneders besøget ...", which had answered the earlier question, had opened the answer, and the table row
    "24 | 2-års samtale med forældrene | Dagtilbud | Intet, medmindre gul eller rød" was left out. Another
    document's text on the subject answers no rule of the one before: "Gælder det også for naboer og
    bedsteforældre?" had got KL's text on placements "hos bedsteforældre ... hos en nabo". Nor does part of the
    subject: "leg i små grupper" is not about "de små i vuggestuen". A guidance topic (a labelled part) keeps its
    scores."""
    if part.label or not scores:
        return scores
    document = min(candidates, key=lambda c: c.rank).hit.passage.doc_id
    about = [c.hit.passage.doc_id == document and holds_all_terms(subject, c.unit, c.hit) for c in candidates]
    return [(1.0 + score) / 2 if held else score for score, held in zip(scores, about, strict=True)]


def feature_matrix(rows: Sequence[Mapping[str, float]]) -> np.ndarray:
    return np.array([[row[name] for name in FEATURES] for row in rows], dtype=np.float64)


class EvidenceGatherer:
    def __init__(self, relevance: RelevanceScorer, scorer: UnitScorer) -> None:
        self._relevance = relevance
        self._scorer = scorer
        # Part embeddings by text: a concern question's guidance topics are the same parts every time
        # (one model call each, ~40 ms). Rebuilt with the gatherer when the index changes.
        self._part_vectors: dict[str, Sequence[float]] = {}
        self._part_lock = threading.Lock()  # the assistant answers several questions at once

    def gather_evidence(
        self,
        query_vector: Sequence[float],
        query_terms: Sequence[str],
        analysis: QuestionAnalysis,
        hits: Sequence[ScoredPassage],
        index: UnitSource,
        embed_query: Callable[[str], Sequence[float]] | None = None,
        own_hits: Mapping[int, Sequence[ScoredPassage]] | None = None,
    ) -> list[ScoredUnit]:
        """The quotable units of ``hits`` (no fragment, no repeat), best first.

        ``embed_query(text) -> vector`` embeds the parts of a multi-part question and a follow-up's
        focus; without it every part uses ``query_vector``. ``own_hits`` maps a part (a concern answer's
        guidance topic) to its own retrieval, which then ranks the chunks for its units instead of the
        question's: a topic gives the same guidance whatever the worry's wording.
        """
        candidates, per_query = self.candidate_features(query_vector, query_terms, analysis, hits, index, embed_query, own_hits)
        scores: list[Sequence[float]] = [self._scorer.probabilities(rows) for rows in per_query]
        if any(part.sources for part in analysis.parts):
            scores = [_from_named_sources(part, candidates, part_scores) for part, part_scores in zip(analysis.parts, scores, strict=True)]
        if analysis.shares:
            told = analysis.shares
            scores = [
                _for_told_shares(part, candidates, part_scores, told) for part, part_scores in zip(analysis.parts, scores, strict=True)
            ]
        if analysis.subject:
            subject = analysis.subject
            scores = [
                _about_subject(part, candidates, part_scores, subject) for part, part_scores in zip(analysis.parts, scores, strict=True)
            ]
        if analysis.is_multi_part:
            scores = [
                _from_named_passages(part, candidates, part_scores, self._relevance)
                for part, part_scores in zip(analysis.parts, scores, strict=True)
            ]
        scored = [
            ScoredUnit(
                c.unit,
                c.hit,
                c.rank,
                c.group,
                features=tuple(rows[i] for rows in per_query),
                part_scores=tuple(part[i] for part in scores),
                coverage=self._relevance.term_coverage(query_terms, terms_of(c.unit.text)),
            )
            for i, c in enumerate(candidates)
        ]
        return sorted(scored, key=lambda s: -s.score)

    def candidate_features(
        self,
        query_vector: Sequence[float],
        query_terms: Sequence[str],
        analysis: QuestionAnalysis,
        hits: Sequence[ScoredPassage],
        index: UnitSource,
        embed_query: Callable[[str], Sequence[float]] | None = None,
        own_hits: Mapping[int, Sequence[ScoredPassage]] | None = None,
    ) -> tuple[list[Candidate], list[list[dict[str, float]]]]:
        """The candidate units of ``hits`` and, for each part they are scored for (one for a single
        question), one feature row per candidate, unscored. ``gather_evidence`` scores these, and
        ``python -m eval.fit`` fits the scorer on them, so the scorer is fitted on what it scores."""
        candidates = candidate_units(
            hits,
            index,
            questions=analysis.asks_for_questions,
            descriptions=names_a_document(analysis.text),
            title_pages=asks_about_making(analysis.text),
        )
        if not candidates:
            return [], []
        own_hits = own_hits or {}
        if analysis.is_multi_part:
            queries = []
            for number in range(len(analysis.parts)):
                part = self_contained(analysis.parts, number)
                vector = self._part_vector(part.text, embed_query) if embed_query else query_vector
                queries.append((vector, part.terms, part.answer_type, own_hits.get(number)))
        elif analysis.focus is not None and embed_query is not None:
            focus = analysis.focus
            queries = [(self._part_vector(focus.text, embed_query), focus.terms, focus.answer_type, None)]
        else:
            queries = [(query_vector, tuple(query_terms), analysis.answer_type, None)]
        return candidates, [
            unit_features(vector, terms, kind, candidates, index, self._relevance, own=own) for vector, terms, kind, own in queries
        ]

    def _part_vector(self, text: str, embed_query: Callable[[str], Sequence[float]]) -> Sequence[float]:
        with self._part_lock:
            vector = self._part_vectors.get(text)
        if vector is None:
            vector = embed_query(text)
            with self._part_lock:
                if len(self._part_vectors) >= PART_VECTOR_CACHE:
                    self._part_vectors.pop(next(iter(self._part_vectors)))
                self._part_vectors[text] = vector
        return vector


def unit_features(
    vector: Sequence[float],
    terms: Sequence[str],
    answer_type: AnswerType,
    candidates: Sequence[Candidate],
    index: UnitSource,
    relevance: RelevanceScorer,
    own: Sequence[ScoredPassage] | None = None,
) -> list[dict[str, float]]:
    """One feature row per candidate, in order (the scorer's input, also used by ``python -m eval.fit``).
    With ``own`` (the part's own retrieval) a chunk's rank and dense similarity are its own there (a chunk
    it did not find: last, similarity 0), not the question's."""
    similarities = index.unit_similarities(vector, [c.unit.unit_id for c in candidates])
    ranked = None if own is None else {h.passage.chunk_id: (rank, h.dense_similarity or 0.0) for rank, h in enumerate(own)}
    best = max(similarities.values(), default=0.0)
    rarest = max(terms, key=relevance.idf, default="")
    rows = []
    for candidate in candidates:
        unit, hit = candidate.unit, candidate.hit
        similarity = similarities.get(unit.unit_id, 0.0)
        own_terms = compound_heads(terms, terms_of(unit.search_text))
        context_terms = own_terms | compound_heads(terms, terms_of(hit.passage.context))
        rank, chunk_similarity = (
            (candidate.rank, hit.dense_similarity or 0.0) if ranked is None else ranked.get(hit.passage.chunk_id, (len(ranked), 0.0))
        )
        rows.append(
            {
                "similarity": similarity,
                "similarity_gap": similarity - best,
                "chunk_similarity": chunk_similarity,
                "chunk_rank": 1.0 / (1 + rank),
                "coverage": relevance.term_coverage(terms, own_terms),
                "context_coverage": relevance.term_coverage(terms, context_terms),
                "rarest_term": float(bool(rarest) and rarest in own_terms),
                "answer_type": float(holds_answer_type(unit, hit, answer_type)),
                "figure": float(_has_figure(unit.text)),
                "list_item": float(unit.kind == "list_item"),
                "table_row": float(unit.kind == "table_row"),
                "lead_in": float(unit.kind == "sentence" and is_lead_in(unit.text)),
                "case_result": float(_is_case(hit) and bool(RESULT_CUES.search(unit.text))),
                "first_in_chunk": float(unit.position == 0),
                "length": math.log1p(len(unit.text)),
            }
        )
    return rows


# A document's title page: the lines under its title that say who made it and when ("Udgivet af PPR Favrskov, ...",
# "Udarbejdet af Analyse og Udvikling, april 2024", "Version 3.1, godkendt ..."), at the start of a sentence.
_PUBLICATION = re.compile(r"(?:^|[.!?]\s+)(?:(?:udgivet|udarbejdet|redigeret|skrevet)\s+af|version\s+\d)\b", re.IGNORECASE | re.MULTILINE)


def title_page_end(passage: Passage) -> int:
    """Where a document's title page ends in its first passage: after the line holding the last sentence on who made
    the document (see _PUBLICATION); 0 for any other passage. Its subtitle and publisher lines tell about the
    document, and had stood as evidence: "Faglig vejledning til pædagogisk personale i dagtilbud og dagpleje (0-6
    år)." above a case answer on dagplejere, Sprogbroen's "Sprog og forældresamarbejde i dagtilbud / Evaluering af
    projektperioden 2021-2023 / ..." as a list under a question on what the evaluation rests on. What follows in
    the same passage (a short memo's text under its title page) is the document's own."""
    found = list(_PUBLICATION.finditer(passage.text)) if passage.ordinal == 0 else []
    if not found:
        return 0
    line_end = passage.text.find("\n", found[-1].end())
    return len(passage.text) if line_end < 0 else line_end


def candidate_units(
    hits: Sequence[ScoredPassage],
    index: UnitSource,
    *,
    questions: bool = False,
    descriptions: bool = False,
    title_pages: bool = False,
) -> list[Candidate]:
    """Every quotable unit of the hits, in rank order, each text once (the best-ranked chunk keeps it).

    The documents' own questions are left out unless ``questions`` (they are what is asked for): a
    question shares the asker's words but answers nothing ("De to undersøgelser svarer tilsammen på:"
    and six questions opened unrelated answers). A list of questions goes with its lead-in; a question
    among other items stays, so a list is never shown cut. So is a sentence saying what its document
    describes (not as a list's lead-in), unless ``descriptions`` (the question speaks of a document): an
    organisation's "Denne guide beskriver, hvad du ... gør, når du bliver bekymret for et barn" opened the
    answer to "Hvad gør jeg, når jeg bliver bekymret for et barn?", and the guide's steps below it never came. A
    document's title page is left out unless ``title_pages`` (the question asks who made a document, or when; see
    :func:`title_page_end`)."""
    seen: set[str] = set()
    candidates = []
    for rank, hit in enumerate(hits):
        title_page = 0 if title_pages else title_page_end(hit.passage)
        for unit, group, key in chunk_candidates(tuple(index.units.get(hit.passage.chunk_id, ())), hit.passage.text, questions):
            describes = unit.kind == "sentence" and describes_its_document(unit.text) and ":" not in unit.text
            if unit.start < title_page or (describes and not descriptions):
                continue
            if key not in seen:
                seen.add(key)
                candidates.append(Candidate(unit, hit, rank, group))
    return candidates


@lru_cache(maxsize=4096)
def chunk_candidates(units: tuple[EvidenceUnit, ...], chunk_text: str, questions: bool) -> tuple[tuple[EvidenceUnit, str, str], ...]:
    """The quotable units of one chunk (see :func:`candidate_units`), each with its group and its
    :func:`unit_key`. A chunk is retrieved for question after question, and for most of them its lists,
    groups and quotable units were worked out anew; keyed by the units themselves, an index change
    brings new keys, never a stale entry."""
    groups = unit_groups(units)
    asking = set() if questions else _asking_groups(units, groups)
    introducers = frozenset(sub_items(units, chunk_text).values())
    return tuple(
        (unit, group, unit_key(unit.text))
        for unit, group in zip(units, groups, strict=True)
        if group not in asking and quotable(unit, units, introducers)
    )


def sub_items(units: Sequence[EvidenceUnit], chunk_text: str) -> dict[str, str]:
    """The items of nested lists, each mapped to the nearest item above it that introduces it. An item at a
    deeper level (indented, see :func:`tidlig.text.list_level`: a Word list's sub-items) belongs to the last
    item before it at a shallower level ("- sprog, især:" then "  - læsning"). Within a level, an item that
    ends with ":" introduces the items after it with another kind of marker ("1. Indfør evidensbaserede
    indsatser med fokus på:" then "- mental sundhedsfremme ..."), up to the next item marked like it: the
    only sign of nesting in a PDF's text."""
    parents: dict[str, str] = {}
    above: list[tuple[EvidenceUnit, int]] = []  # the items a next item may belong to, with their depths
    for unit, depth in _item_depths(sorted(units, key=lambda u: u.position), chunk_text):
        if depth is None:
            above = []
            continue
        while above and above[-1][1] >= depth:
            above.pop()
        if above:
            parents[unit.unit_id] = above[-1][0].unit_id
        above.append((unit, depth))
    return parents


def item_number_of(unit: EvidenceUnit, chunk_text: str) -> str:
    """The number or letter a list item is marked with in its chunk ("3.", "b)"); "" for a bullet. A unit's
    text holds no marker: "punkt 1-6" in an item, or a question about "trin 3", refers to these."""
    return item_number(_marker_of(unit, chunk_text)) if unit.kind == "list_item" else ""


def _marker_of(unit: EvidenceUnit, chunk_text: str) -> str:
    """What stands before a unit on its line: a list item's marker with its indentation."""
    return chunk_text[chunk_text.rfind("\n", 0, unit.start) + 1 : unit.start]


def _item_depths(units: Sequence[EvidenceUnit], chunk_text: str) -> Iterator[tuple[EvidenceUnit, int | None]]:
    """Each unit with its depth in its list (None for a unit that is no list item): two steps per level,
    and one more for an item under an item of its level that ends with ":" and is marked otherwise."""
    openers: dict[int, str | None] = {}  # level -> marker kind of the item at it that ends with ":"
    for unit in units:
        if unit.kind != "list_item":
            openers = {}
            yield unit, None
            continue
        marker = _marker_of(unit, chunk_text)
        level, kind = list_level(marker), marker_kind(marker)
        openers = {opened: opener for opened, opener in openers.items() if opened <= level}  # deeper lists end here
        if level in openers and kind != openers[level]:
            yield unit, 2 * level + 1
            continue
        if is_lead_in(unit.text):
            openers[level] = kind
        else:
            openers.pop(level, None)
        yield unit, 2 * level


# A lead-in that tells someone to ask or answer the questions below it: "Overgangsbeskrivelsen skal besvare fem
# spørgsmål:", "Spørg fx barnet:"; not the questions a study answers ("De to undersøgelser svarer tilsammen på:").
_PRESCRIBED = re.compile(r"\b(?:skal|bør)\b|^(?:spørg|stil|brug)\b", re.IGNORECASE)


def _asking_groups(units: Sequence[EvidenceUnit], groups: Sequence[str]) -> set[str]:
    """The groups (a sentence, or a list with its lead-in) whose every sentence or item is a question, unless
    their lead-in prescribes the questions (see :data:`_PRESCRIBED`): they are then what someone is to ask or
    answer, as the items of a checklist are. "Overgangsbeskrivelsen skal besvare fem spørgsmål:" had been left
    out with its five questions, and "Hvad skal jeg have med, når jeg skriver om et barn, der skal videre i
    skole?" got another list."""
    answers: dict[str, bool] = {}
    for unit, group in zip(units, groups, strict=True):
        if unit.kind == "sentence" and is_lead_in(unit.text):
            if _PRESCRIBED.search(unit.text):
                answers[group] = True
            continue  # a list's lead-in: its items decide
        # An item's first sentence decides: a list's last item may have swallowed the prose after it.
        first = next(iter(split_sentences(unit.text)), "")
        asks = unit.kind != "table_row" and first.rstrip().rstrip("\"”’'").endswith("?")
        answers[group] = answers.get(group, False) or not asks
    return {group for group, answers_something in answers.items() if not answers_something}


def unit_groups(units: Sequence[EvidenceUnit]) -> list[str]:
    """The group of each unit of a chunk: a run of list items with the same lead-in (and the lead-in
    sentence before it) share the first item's id, the rows of a table their header, a sentence is alone."""
    groups = [unit.unit_id for unit in units]
    for i, unit in enumerate(units):
        previous = units[i - 1] if i else None
        # A source note glued after an item (a unit of its own since chunker version 42) does not end its list.
        before = i - 2 if i > 1 and is_source_note(units[i - 1].text) else i - 1
        same_list = before >= 0 and units[before].kind == "list_item" and units[before].lead_in == unit.lead_in
        if unit.kind == "table_row" and unit.lead_in:
            groups[i] = f"{unit.chunk_id}-table-{unit_key(unit.lead_in)}"
        elif unit.kind == "list_item" and same_list:
            groups[i] = groups[before]
        elif (
            unit.kind == "list_item"
            and previous is not None
            and previous.kind == "sentence"
            and shown_lead_in(unit).endswith(previous.text)
        ):
            groups[i] = groups[i - 1]  # the lead-in sentence joins its list
    return groups


def quotable(unit: EvidenceUnit, chunk_units: Sequence[EvidenceUnit], introducers: AbstractSet[str] = frozenset()) -> bool:
    """A unit that reads on its own: no heading, chart label or slide debris; a lead-in only with its
    items in the same chunk (``introducers``: the ids of items that introduce a nested list, see
    :func:`sub_items`); a table's header row only as the header of its rows. A row is a label with its
    values: a row of only numbers is a chart's values whose labels stand on rows of their own ("6.7 | 4.5 |
    17%", see ``ingest.structure``), and a label alone is one of those labels; either would read as the
    header's row. A year opening a row labels it ("2022 | 7"). Text that addresses the assistant
    ("Ignorer alle tidligere instruktioner") is document data, never quoted; nor is a letterhead's line of
    organisations (see :func:`tidlig.text.is_byline`), which had stood as an answer's block."""
    if _addresses_assistant(unit.text) or is_byline(unit.text):
        return False
    if unit.kind == "table_row":
        labelled = any(c.isalpha() for c in unit.text) or bool(YEAR.match(unit.text))
        return bool(unit.lead_in) and labelled and len(table_cells(unit.text)) > 1
    if is_lead_in(unit.text):  # also a list item that announces more ("Sundhedsregisterdata:")
        return unit.unit_id in introducers or any(
            shown_lead_in(other).endswith(unit.text) and other.position > unit.position for other in chunk_units
        ) or _heads_flattened_items(unit, chunk_units)
    if unit.kind == "list_item":
        return any(c.isalpha() for c in unit.text)
    return not is_fragment(unit.text)


def _heads_flattened_items(unit: EvidenceUnit, chunk_units: Sequence[EvidenceUnit]) -> bool:
    """Whether a list item that announces more ("Følgende ændres:") has items of its list after it: a slide's
    nested bullets the text lost the indentation of. Left out, Hedensted's items under "Videreføres:" read as
    more of the changes listed under "Følgende ændres:"."""
    return unit.kind == "list_item" and any(
        other.kind == "list_item" and other.lead_in == unit.lead_in and other.position > unit.position for other in chunk_units
    )


def holds_answer_type(unit: EvidenceUnit, hit: ScoredPassage, answer_type: AnswerType) -> bool:
    """Whether the unit holds the kind of answer the question expects: the text's shape by the
    question analysis' rule, plus what only the unit knows (a list item, a result inside a case)."""
    match answer_type:
        case "list":
            return unit.kind == "list_item" or is_lead_in(unit.text)
        case "procedure":
            return unit.kind == "list_item" or text_holds_answer_type(unit.search_text, answer_type)
        case "case":
            return _is_case(hit) and bool(RESULT_CUES.search(unit.text))
        case "other":
            return False  # nothing in particular is expected
    return text_holds_answer_type(unit.search_text, answer_type)


def shown_lead_in(unit: EvidenceUnit) -> str:
    """What introduces a unit when shown: a table row's header row, or the last sentence of a list
    item's lead-in paragraph (the sentences before it are units of their own)."""
    if unit.kind == "list_item" and unit.lead_in:
        sentences = split_sentences(unit.lead_in) or [unit.lead_in]
        # "For eksempel:" alone says nothing, nor does "Det gør de på forskellige måder:", nor "Men ifølge data fra
        # sundhedsplejersker ... vil der være:" set against "Langt de fleste spædbørn trives ...": the sentence
        # before it comes along.
        last = sentences[-1]
        return join_sentences(sentences[-2:]) if len(last.split()) < MIN_LEAD_IN_WORDS or goes_on_from(last) else last
    return unit.lead_in


@lru_cache(maxsize=65536)
def terms_of(text: str) -> frozenset[str]:
    """The content terms of a unit or heading text (units recur across questions: computed once)."""
    return frozenset(content_terms(text))


def unit_terms(unit: EvidenceUnit, hit: ScoredPassage) -> frozenset[str]:
    """The content terms of a unit (with its lead-in) and of its passage's headings: what it is about."""
    return terms_of(unit.search_text) | terms_of(hit.passage.context)


# A compound counts as holding a question term that is its last part ("midtvejsevaluering" holds
# "evaluering"): Danish compounds end in their head noun. Shorter terms and modifiers would match inside
# unrelated words ("ring" in "vurdering"). The stemmer may leave a letter or two more on the compound
# than on the word alone.
MIN_HEAD_TERM = 5
MIN_MODIFIER = 3
MAX_STEM_REST = 2
# A question term of at least MIN_HEAD_TERM letters is also held by a word it begins with a derivation's
# ending of at most MAX_DERIVATION_REST letters: the stemmer leaves "investerede" as "invest" but
# "investering" whole, and "underrette" as "underret" but "underretning" whole. On train (key facts /
# gold cited): none 0.772 / 0.859; endings up to 3 letters the same; 4 0.774 / 0.864; 5 0.783 / 0.876;
# 6 0.780 / 0.881; 8 0.778 / 0.876 (minimum term length 4 or 6 instead of 5: the same as 5).
MAX_DERIVATION_REST = 5


def compound_heads(terms: Iterable[str], text_terms: frozenset[str]) -> frozenset[str]:
    """``text_terms`` plus the question ``terms`` that end one of them as the head of a compound, begin
    one as its stem before a derivational ending ("invest" in "investering"), or are a compound of two of them
    ("trivselsskema" of "Trivselsradaren er vores eget skema til at vurdere alle børns trivsel")."""
    heads = {
        term
        for term in terms
        if term not in text_terms
        and len(term) >= MIN_HEAD_TERM
        and (_heads_any(term, text_terms) or _begins_any(term, text_terms) or _joins_two(term, text_terms))
    }
    return text_terms | heads if heads else text_terms


def holds_all_terms(terms: Sequence[str], unit: EvidenceUnit, hit: ScoredPassage) -> bool:
    """Whether a unit, with its lead-in and its passage's headings, holds every one of ``terms`` (a compound's
    head counts: "sprogindsatsen" holds "indsats")."""
    return set(terms) <= compound_heads(terms, unit_terms(unit, hit))


@lru_cache(maxsize=65536)
def _joins_two(term: str, words: frozenset[str]) -> bool:
    """Whether ``term`` is a modifier and a head of at least MIN_HEAD_TERM letters each, both among ``words``; a
    linking "s" or "e" may join them ("trivsel" + "s" + "skema")."""
    for cut in range(MIN_HEAD_TERM, len(term) - MIN_HEAD_TERM + 1):
        modifier, head = term[:cut], term[cut:]
        if head in words and (modifier in words or (modifier[-1] in "se" and modifier[:-1] in words)):
            return True
    return False


@lru_cache(maxsize=65536)
def _heads_any(term: str, words: frozenset[str]) -> bool:
    for word in words:
        at = word.rfind(term)
        if at >= MIN_MODIFIER and len(word) - at - len(term) <= MAX_STEM_REST:
            return True
    return False


@lru_cache(maxsize=65536)
def _begins_any(term: str, words: frozenset[str]) -> bool:
    """Whether a word begins with ``term`` and goes on by a derivation's ending at most (see MAX_DERIVATION_REST)."""
    return any(word.startswith(term) and len(word) - len(term) <= MAX_DERIVATION_REST for word in words)


@lru_cache(maxsize=65536)
def _addresses_assistant(text: str) -> bool:
    return looks_like_instruction(text)


@lru_cache(maxsize=65536)
def unit_key(text: str) -> str:
    """Comparison key of a quoted text: its content terms (so case and spacing never make two)."""
    return " ".join(content_terms(plain_markdown(text))) or " ".join(text.lower().split())


def _has_figure(text: str) -> bool:
    return any(not YEAR.fullmatch(m.group(0).strip()) for m in _FIGURE.finditer(text))


def _is_case(hit: ScoredPassage) -> bool:
    return hit.passage.metadata.get("case_number") is not None
