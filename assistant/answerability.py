"""Decide, before anything is composed, whether the documents answer the question: answer, partial or decline.

Cheap signals of the question against what retrieval found (:class:`Signals`): the best dense similarity,
the IDF-weighted coverage of the question's terms and of its rarest terms in the best passages, the share
of its terms and the names the corpus never uses, years and figures asked but absent from the best
passages, whether a passage has the shape of the expected answer (a figure for "hvor mange"), how much
dense and BM25 retrieval agree, and whether one evidence unit holds both the topic and the detail asked
(its year, its municipality, the kind of figure: a price for "hvad koster", a number of hours for "inden
for hvor mange timer"). A logistic model over them (:class:`AnswerabilityModel`, weights in
``answerability.json`` beside this file, fitted by ``python -m eval.fit`` on the train split plus generated
near-misses, threshold chosen on validation) gives the probability that the documents answer it.

The outcome:

* **decline** when that probability is below the threshold (a concern question is never declined: the
  documents' general guidance still helps, so it becomes a partial answer);
* **partial** when the topic is covered but something asked is not: a name or a year the documents never
  mention, a figure they do not have, a detail no unit gives together with the topic ("prisen", "antallet
  af børnesager", "2019"; partial even below the threshold when the topic alone would pass it), or one
  part of a multi-part question that its own retrieval does not answer; ``missing`` names each of them in
  Danish. Also when the probability lies between the
  decline threshold and ``answer_threshold``: the evidence is too weak to present as an answer, so the
  first line says the documents do not answer it directly (``missing`` holds the question itself);
* **answer** otherwise.

Example::

    decider = Answerability(AnswerabilityModel.load(), statistics)
    decision = decider.decide(analysis, Found(hits, unit_similarity), parts=[Found(part_hits, part_similarity)])
    decision.outcome, decision.missing      # ("partial", ("2019",))
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

import numpy as np

from assistant.analysis import (
    AnswerType,
    AskedDetail,
    QuestionAnalysis,
    QuestionPart,
    asked_figures,
    asked_point,
    asked_topic_words,
    counts_asked,
    defined_term,
    explains,
    asked_years,
    document_years,
    detail_terms,
    holds_answer_type,
    holds_detail,
    listed_noun,
    point_topic,
    topic_terms,
)
from assistant.evidence import compound_heads, terms_of
from assistant.relevance import RelevanceScorer, text_terms
from assistant.sources import names, publisher_names
from assistant.types import Outcome
from assistant.wording import documents_words
from index import Passage, ScoredPassage
from index.labels import names_section
from ingest.types import search_text, section_path
from tidlig.text import (
    CAPITALISED,
    content_terms,
    counted_words,
    point_number,
    proper_nouns,
    stem,
    within_stated_share,
    words,
    written_shares,
)

MODEL_FILE = Path(__file__).with_name("answerability.json")
TOP_PASSAGES = 5  # the passages an answer is composed from
# Content terms a section's title needs for a question holding them all to name the section: one word
# ("Økonomi", "Udvikling") names no section.
MIN_TITLE_TERMS = 2
# The share of the question's (IDF-weighted) topic terms that one unit holding the asked kind of detail
# needs for the question to be plainly on topic (see _plainly_on_topic). On train 0.5 and 0.4 turned one
# answerable decline into a partial answer and changed nothing else; 0.3 also turned an unanswerable
# question's decline into a partial answer.
DETAIL_ON_TOPIC = 0.5
# The answer types a unit on the topic answers by its shape alone (see Answerability._answered_by_shape).
SHAPED_ANSWER_TYPES = frozenset({"time", "place", "person"})
# The shortest stem of a listed noun that names a list ("princip", not "tin" of "Hvilke ting ...?").
MIN_LISTED_STEM = 5
RARE_TERMS = 2  # the question's rarest terms: what it is specifically about
AGREEMENT_DEPTH = 10  # a hit "agrees" when both dense and BM25 rank it within this depth
# The words of a question in English do not occur in the Danish documents, so the word-overlap signals
# the model was fitted on say nothing; the multilingual embeddings still match its meaning. The dev set
# has no English questions to fit on; 0.82 is the dense similarity that separated the English checks
# (answerable ones above, off-topic ones below) when the earlier coverage gate was calibrated.
ENGLISH_MIN_SIMILARITY = 0.82
# A detail (a year, or the kind of figure asked for) counts as missing when the best unit that holds it
# covers this much less of the question's topic than the best unit overall: the documents hold the topic,
# and the detail only elsewhere. On train (177 answerable, 36 unanswerable questions), the gap flagged
# answerable / unanswerable: 0.10 -> 1 / 19, 0.15 -> 0 / 18, 0.20 -> 0 / 16, 0.25 -> 0 / 14, 0.30 -> 0 / 14.
# Answerable questions almost never have a gap at all (3 of 177 above 0; the largest 0.14): the unit that
# answers is also the one that best covers the topic.
DETAIL_GAP = 0.15
# The IDF-weighted share of a question's topic that the best passage, a case example, must hold to answer a
# request for an example (see _answered_by_the_found_case). On train the one such question it turned into an
# answer held 0.72 (its key facts 1.0); a wrong case example for "Hvilken kommune fik flere unge i uddannelse med
# et gruppeforløb?" held 0.59 and stays partial.
CASE_ON_TOPIC = 0.7
# A topic word found in at most this share of passages is distinctive enough to look for a name beside
# ("pluspladser" 1 %, "TOPI-screening" 0.3 %, "netværksanbringelser" 2.7 %; "går" 6 %, "bekymring" 5 %).
RARE_TOPIC_SHARE = 0.03


@dataclass(frozen=True)
class Found:
    """What retrieval found for a question or one part of it."""

    hits: tuple[ScoredPassage, ...]
    unit_similarity: float  # best dense similarity of an evidence unit of the best passages to the query
    units: tuple[str, ...] = ()  # the evidence units of the best passages (text with lead-in)
    # for each unit, the unit before it in its passage ("" for a passage's first) and its case example's municipality
    antecedents: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # for each unit, the municipality of the case example it is in ("" outside one)
    # The same search's passages in the order the answer takes them, when it differs from the order the decision
    # judges (a municipality's own documents' passages found without its name first, see Assistant._from_homes).
    answering: tuple[ScoredPassage, ...] = ()


@dataclass(frozen=True)
class Signals:
    """The classifier's inputs for one question (or one part of it)."""

    similarity: float  # best dense similarity of a retrieved passage
    unit_similarity: float  # best dense similarity of one of their evidence units
    coverage: float  # IDF-weighted share of the question's terms in the best passage
    rare_coverage: float  # share of the question's rarest terms in the best passage
    unknown_terms: float  # IDF-weighted share of the question's terms the corpus never uses
    unknown_names: tuple[str, ...]  # names in the question the corpus never uses
    absent_years: tuple[str, ...]  # years asked that no best passage mentions
    absent_figures: tuple[str, ...]  # figures asked that no best passage mentions
    type_found: bool  # a best passage has the shape of the expected answer
    answer_unit_coverage: float  # best term coverage of one unit that has the shape of the expected answer
    name_coverage: float  # share of the question's (known) names found together in one best passage
    agreement: float  # share of the best passages found by both dense and BM25 retrieval
    english: bool  # a question in English: decided on similarity alone (ENGLISH_MIN_SIMILARITY)
    # Same-unit detail: the best topic coverage of one unit holding the asked year(s) and the kind of figure
    # asked for (a price for "hvad koster"), and how far that falls below the best unit's topic coverage.
    detail_coverage: float = 0.0
    detail_gap: float = 0.0
    absent_details: tuple[str, ...] = ()  # what the gap leaves out: years, and the detail as a Danish noun phrase

    FEATURES = (
        "similarity", "unit_similarity", "coverage", "rare_coverage", "unknown_terms", "unknown_names", "absent_years",
        "absent_figures", "type_found", "agreement", "answer_unit_coverage", "name_coverage", "detail_coverage",
        "detail_gap",
    )

    def vector(self) -> np.ndarray:
        return np.array(
            [
                self.similarity, self.unit_similarity, self.coverage, self.rare_coverage, self.unknown_terms,
                min(len(self.unknown_names), 2), min(len(self.absent_years), 2), min(len(self.absent_figures), 2),
                float(self.type_found), self.agreement, self.answer_unit_coverage, self.name_coverage,
                self.detail_coverage, self.detail_gap,
            ],
            dtype=float,
        )

    def with_detail_found(self) -> Signals:
        """These signals as if a unit held the asked detail with the topic: how answerable the topic is."""
        return replace(self, detail_coverage=self.detail_coverage + self.detail_gap, detail_gap=0.0, absent_details=())

    @property
    def missing(self) -> tuple[str, ...]:
        """The asked specifics the documents lack, as shown to the user."""
        return tuple(dict.fromkeys(self.unknown_names + self.absent_years + self.absent_figures + self.absent_details))


@dataclass(frozen=True)
class AnswerabilityModel:
    """A logistic model over standardised :class:`Signals`; ``threshold`` on its probability."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float  # below: decline
    answer_threshold: float = 0.0  # below (and at or above ``threshold``): weak evidence, a partial answer
    features: tuple[str, ...] = Signals.FEATURES
    fitted_on: str = ""  # what it was fitted on, for the record

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> AnswerabilityModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        values: dict[str, Any] = {
            f.name: tuple(v) if isinstance(v, list) else v for f in fields(cls) if (v := data.get(f.name)) is not None
        }
        model = cls(**values)
        if model.features != Signals.FEATURES:
            raise ValueError(f"{path}: fitted for features {model.features}, code has {Signals.FEATURES}; run python -m eval.fit")
        return model

    def save(self, path: Path = MODEL_FILE) -> None:
        path.write_text(json.dumps(asdict(self), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    def probability(self, signals: Signals) -> float:
        z = (signals.vector() - np.array(self.mean)) / np.array(self.scale)
        return float(1 / (1 + np.exp(-(z @ np.array(self.weights) + self.bias))))


@dataclass(frozen=True)
class Decision:
    """The outcome, with what is missing (Danish phrases) and the words of the question the documents cover."""

    outcome: Outcome
    probability: float
    missing: tuple[str, ...]
    covered: tuple[str, ...]
    signals: Signals
    uncovered_parts: tuple[int, ...] = ()  # indexes into ``analysis.parts``
    named_parts: tuple[int, ...] = ()  # the uncovered parts that ask about a name no passage on their topic holds
    # the names a one-part question asks about that the documents use, though never beside its topic
    apart: tuple[str, ...] = ()
    # the uncovered parts asking for a figure, time, place or role of the kind a unit the answer shows holds
    held_parts: tuple[int, ...] = ()
    # the uncovered parts whose short answer quotes a diagram's labels and nothing on them (see
    # assistant.outcome.with_labels_checked): the labels may outline an answer, so they are not surely uncovered
    labelled_parts: tuple[int, ...] = ()

    @property
    def reason(self) -> str:
        """English, for logs."""
        return f"p={self.probability:.2f} missing={list(self.missing)} parts_uncovered={list(self.uncovered_parts)}"


class Answerability:
    """``document_names``: per document, the capitalised words it uses anywhere (see :func:`document_names`)."""

    def __init__(
        self, model: AnswerabilityModel, statistics: RelevanceScorer, document_names: Mapping[str, frozenset[str]] | None = None
    ) -> None:
        self.model = model
        self._statistics = statistics
        self._document_names = document_names or {}

    def decide(self, analysis: QuestionAnalysis, found: Found, parts: Sequence[Found] = ()) -> Decision:
        """``parts`` holds each part's own retrieval for a multi-part question (else empty)."""
        # Not for a multi-part question: its details belong to single parts, and a part's own words are too
        # few to tell the topic ("hvor længe har de haft dem?" points back); its parts are judged on probability.
        # The sources the parts are asked of are given for the whole question too, not names to seek: "Hvad er
        # 'Børn og bevægelse' i København, og ...?" read as lacking København, which its own notat never writes.
        given = tuple(dict.fromkeys(source for part in analysis.parts for source in part.sources))
        whole = replace(analysis.whole, sources=given) if analysis.is_multi_part and given else analysis.whole
        signals = self.signals(whole, analysis.is_english, found, detail=False if analysis.is_multi_part else analysis.detail)
        probability = self._probability(signals)
        if probability < self.model.answer_threshold and not signals.missing and (
            _names_a_found_section(analysis.text, found.hits)
            or _asks_for_the_found_case(analysis, found.hits)
            or _asks_only_about_the_found_case(analysis, found.hits)
            or _answered_by_the_found_case(analysis, found.hits, self._statistics)
            or _announces_the_asked_list(analysis, found.hits)
        ):
            # A section the question names by its number, found among the best passages, is what it asks
            # for: the classifier reads only its few other words ("Hvad indeholder anbefaling 3?": p=0.20).
            probability = self.model.answer_threshold
        if probability < self.model.threshold and not signals.missing and (
            _plainly_on_topic(analysis, signals, found)
            or self._answered_by_shape(analysis, found)
            or _names_defined_term(analysis, found)
            or _holds_the_asked_point(analysis, found.hits)
        ):
            probability = self.model.threshold  # at worst a partial answer, never a decline
        covered = self.covered_words(analysis.text, found.hits)
        # A topic the documents cover, with only the asked detail missing, is a partial answer naming it:
        # what they do say about the topic helps, and the first line says what they lack.
        detail_only = bool(signals.absent_details) and self._probability(signals.with_detail_found()) >= self.model.threshold
        # A part counts as answered only on evidence strong enough to present as an answer, from its own
        # retrieval. Also crediting a part that the whole question's passages answer cut train answerable
        # partials by 2 but answered 1 more unanswerable question (declined-or-partial 0.806 -> 0.778).
        part_bar = max(self.model.threshold, self.model.answer_threshold)
        # Parts are retrieved one by one only for a multi-part question; then each has its own findings.
        pairs = list(zip(analysis.parts, parts, strict=True)) if analysis.is_multi_part else []
        # The names a part asks about that no passage holding its topic names (Aarhus beside Copenhagen's pluspladser).
        absent_by_part = [self._absent_names(part, part_found) for part, part_found in pairs]
        absent = tuple(dict.fromkeys(name for names in absent_by_part for name in names))
        # A part asked of a named source is judged on that source's passages alone (see Assistant._retrieve_from):
        # the topic is all left to check, as for a whole question that is answered at all.
        uncovered = tuple(
            number
            for number, (part, part_found) in enumerate(pairs)
            if absent_by_part[number]
            or self._probability(self.signals(part, analysis.is_english, part_found))
            < (self.model.threshold if part.sources else part_bar)
        )
        # Sources asked side by side are each judged on their own passages: the whole question's passages
        # were one source's ("Hvad siger KL, København og BUPL om forældreinddragelse?" found only KL's and
        # was declined, though each source's own passages answer).
        by_source = bool(pairs) and all(part.sources for part in analysis.parts) and len(uncovered) < len(pairs)
        if probability < self.model.threshold and not detail_only and not by_source:
            outcome: Outcome = "partial" if analysis.is_concern else "decline"
            missing = signals.missing or ((analysis.text,) if analysis.is_concern else ())
            return Decision(outcome, probability, missing, covered, signals)
        if uncovered and len(uncovered) == len(analysis.parts):
            return Decision("partial", probability, signals.missing + absent or (analysis.text,), covered, signals)
        # A one-part question naming a place beside a distinctive topic asks about the two together: Aalborg's
        # network placements do not answer "Hvad har Odense gjort med netværksanbringelser?".
        lacking = () if pairs else self._absent_names(whole, found, places_only=True)
        missing = self.or_weak(
            signals.missing + lacking + tuple(analysis.parts[n].text.rstrip("?") for n in uncovered), probability, analysis
        )
        named = tuple(n for n in uncovered if absent_by_part[n])
        return Decision("partial" if missing else "answer", probability, missing, covered, signals, uncovered, named, lacking)

    def credit_parts(self, decision: Decision, analysis: QuestionAnalysis, answered: Collection[int]) -> Decision:
        """``decision`` with the uncovered parts that the composer's evidence ``answered`` counted as covered.

        A part's own words are few ("hvad siger tallene?", "hvor mange drejer det sig om?"), so its own
        retrieval can look weak while a unit found for the whole question answers it: "3-5 pct. af en
        forældreårgang". Saying such a part is not covered, above a unit that answers it, misleads. A part
        asking about a name the documents lack (Aarhus beside Copenhagen's figures) stays uncovered."""
        credited = {n for n in decision.uncovered_parts if n in answered and n not in decision.named_parts}
        if not credited:
            return decision
        texts = {analysis.parts[n].text.rstrip("?") for n in credited}
        missing = self.or_weak(tuple(item for item in decision.missing if item not in texts), decision.probability, analysis)
        uncovered = tuple(n for n in decision.uncovered_parts if n not in credited)
        return replace(decision, outcome="partial" if missing else "answer", missing=missing, uncovered_parts=uncovered)

    def or_weak(self, missing: tuple[str, ...], probability: float, analysis: QuestionAnalysis) -> tuple[str, ...]:
        """``missing``, or the question itself when nothing is missing but the evidence is weak: weak
        evidence is never presented as an answer."""
        return missing or ((analysis.text,) if probability < self.model.answer_threshold else ())

    def names_absent(self, question: str, text: str) -> tuple[str, ...]:
        """The names ``question`` uses (that the corpus knows) which ``text`` never holds, in any inflection
        ("Hedensteds", "Kommuner"): the names a composed answer says nothing about."""
        found = _word_forms(text)
        names = [n for n in dict.fromkeys(proper_nouns(question)) if self._statistics.knows_word(n)]
        lowered = text.lower()

        def held(name: str) -> bool:
            return any(w.startswith(form) for form in _name_forms(name) for w in found) or _holds_name(lowered, name)

        return tuple(n for n in names if not held(n))

    def _answered_by_shape(self, analysis: QuestionAnalysis, found: Found) -> bool:
        """Whether a one-part question for a time, a place or a role has an evidence unit holding that kind of answer
        and the rarest of its terms the best passages hold: "Hvornår startede Sverigesprojektet?" was declined (p=0.13)
        above "Herning Kommune har i 2013 igangsat et fireårigt projekt 'Sverigesprojektet'" ("igangsat", not
        "startede"), "Hvornår blev de indført?" after "Hvad er minimumsnormeringer?" above the slide's
        "Minimumsnormeringer i daginstitutioner (2020)", and "Hvem er ansvarlig for overleveringsmødet?" (p=0.23)
        above an organisation's table row "Overleveringsmøde | Leder | 15. marts". Adding the role changed no
        train, validation or fresh answer."""
        if analysis.is_multi_part or analysis.answer_type not in SHAPED_ANSWER_TYPES:
            return False
        held = _best_terms(found.hits)
        topic = [t for t in analysis.terms if t in held and t not in detail_terms()]
        if not topic:
            return False
        rarest = max(topic, key=self._statistics.idf)  # what the question is about that the documents have
        return any(rarest in text_terms(unit) for unit in _answer_shaped(found, analysis.answer_type))

    def _probability(self, signals: Signals) -> float:
        if signals.english and not signals.unknown_names:
            return 1.0 if signals.similarity >= ENGLISH_MIN_SIMILARITY else 0.0
        return self.model.probability(signals)

    def signals(
        self, question: QuestionPart, english: bool, found: Found, detail: AskedDetail | None | Literal[False] = False
    ) -> Signals:
        """``detail``: the kind of figure asked (None: none), to look for with the asked years in one unit with the
        topic; False (a part of a question) looks for neither. It is the question's analysis's, not read again from
        its text: a follow-up asks its own ("Hvor hurtigt skal en familie så kunne komme til …?" after "Hvor mange
        penge får Åben Familiedør?" read as asking a sum, and "de nævner ikke beløbet" stood above the answer)."""
        specific = detail is not False
        top = list(found.hits[:TOP_PASSAGES])
        texts = [search_text(h.passage.text, h.passage.context) for h in top]
        bodies = [h.passage.text for h in top]  # years and figures only count in the text, not in headings
        stats = self._statistics
        # A word that asks for a detail ("koster") and that no document uses is no topic they lack: they give
        # prices in kroner. As the rarest term, never covered, it declined "Hvad er 'Børn og bevægelse' i
        # København, og hvad koster kompetenceudviklingen?", whose price is in Copenhagen's budget table.
        asking = detail_terms()
        # Nor is the documents' word for an everyday phrase (see assistant.wording) that these documents never use:
        # "samtykke" for "skrevet under" counts where they say it, and the question's own words stand where they do not.
        added = set(content_terms(documents_words(question.text)))
        terms = [t for t in dict.fromkeys(question.terms) if stats.known(t) or (t not in asking and t not in added)]
        rare = sorted(terms, key=stats.idf, reverse=True)[:RARE_TERMS]
        total_idf = sum(stats.idf(t) for t in terms) or 1.0
        # A year dating a document the question names is the year of one it found ("oversigten fra 2024"):
        # it says which document, like a title, and the document's text need not repeat it.
        found_years = {str(h.passage.metadata.get("year", "")) for h in top}
        dated = {y for y in document_years(question.text) if y in found_years}
        years = tuple(y for y in asked_years(question.text) if y not in dated)
        # A part asked of a named source is judged on that source's passages: its name is given, not sought.
        asked_names = [n for n in dict.fromkeys(proper_nouns(question.text)) if not any(names(n, source) for source in question.sources)]
        known_names = [n for n in asked_names if stats.knows_word(n) and not self._statistics.is_setting(n)]
        detail_coverage, detail_gap, absent_details = self.same_unit_detail(
            terms, found.units, detail or None, years if specific else (), known_names, found.antecedents
        )
        return Signals(
            similarity=max((h.dense_similarity or 0.0 for h in top), default=0.0),
            unit_similarity=found.unit_similarity,
            coverage=max((stats.coverage(terms, text) for text in texts), default=0.0),
            rare_coverage=max((stats.coverage(rare, text) for text in texts), default=0.0),
            unknown_terms=sum(stats.idf(t) for t in terms if not stats.known(t)) / total_idf,
            unknown_names=unknown_names(question.text, stats),
            absent_years=tuple(y for y in years if not any(y in b for b in bodies)),
            absent_figures=_absent_figures(question.text, bodies),
            type_found=any(holds_answer_type(b, question.answer_type) for b in bodies[:3]),
            answer_unit_coverage=max((stats.coverage(terms, u) for u in _answer_shaped(found, question.answer_type)), default=0.0),
            name_coverage=_name_coverage([n for n in asked_names if stats.knows_word(n)], [set(words(t)) for t in texts], stats.vocabulary),
            agreement=_agreement(top),
            english=english,
            detail_coverage=detail_coverage,
            detail_gap=detail_gap,
            absent_details=absent_details,
        )

    def same_unit_detail(
        self,
        terms: Sequence[str],
        units: Sequence[str],
        detail: AskedDetail | None,
        years: Sequence[str],
        names: Sequence[str] = (),
        antecedents: Sequence[str] = (),
    ) -> tuple[float, float, tuple[str, ...]]:
        """(detail_coverage, detail_gap, absent_details): whether one evidence unit holds both the question's
        topic and the detail it asks for. Coverage over a whole passage cannot tell: a question whose words
        are all somewhere in a chunk looks answerable though no sentence of it gives the price asked.

        The topic is the question's terms without the words that ask for the detail ("koster", "timer")
        and without its years, so a unit is not credited for repeating the question's own wording. The
        question's names (that the corpus uses) must stand in the unit with the detail, or in the sentence
        before it in its passage, which a sentence goes on from: Herning's caseload does not answer "Hvor mange
        børnesager har en rådgiver i Esbjerg?", but "Børnene, som deltog, gik til 'træning' 2,5 time om dagen"
        answers "Hvor lang tid var børnene i Heckmans projekt i gang?" after "... i relation til Heckman's
        forskningsprojekt"."""
        asking = detail_terms()
        topic = [t for t in dict.fromkeys(terms) if t not in asking and t not in years]
        coverage = [self._statistics.coverage(topic, unit) for unit in units]
        best = max(coverage, default=0.0)
        if detail is None and not years:
            return best, 0.0, ()

        def best_holding(holds: Callable[[str], bool]) -> float:
            return max((c for c, unit in zip(coverage, units, strict=True) if holds(unit)), default=0.0)

        forms = [_name_forms(n) for n in names]

        before = dict(zip(units, antecedents, strict=False))

        def names_in(unit: str) -> bool:
            found = _word_forms(unit) | _word_forms(before.get(unit, ""))
            return all(form & found for form in forms)

        with_detail = best_holding(lambda unit: holds_detail(unit, detail) and all(y in unit for y in years) and names_in(unit))
        # A unit counting the very thing asked, on topic, answers in its own words: "42 procent af kommunerne
        # anvender en form for socioøkonomiske fordelingskriterier" for "Hvor mange kommuner bruger
        # socioøkonomiske fordelingsmodeller?" read "... nævner ikke antallet af kommuner" above it.
        if detail is not None and not years and best_holding(lambda unit: counts_asked(unit, detail) and names_in(unit)) >= DETAIL_ON_TOPIC:
            return with_detail, 0.0, ()
        absent = [y for y in years if best - best_holding(functools.partial(_holds_year, y)) >= DETAIL_GAP]
        # The asked thing counted on topic, but only for other years: "I 2023 modtog Familieafdelingen 1.287
        # underretninger" had answered "Hvor mange underretninger fik Tønder Kommune i 2024?", as a sentence about a
        # meeting "i foråret 2024" held the year with the topic.
        if years and detail is not None and not absent:
            counting = [unit for c, unit in zip(coverage, units, strict=True) if c > 0 and counts_asked(unit, detail)]
            absent = [y for y in years if counting and not any(_holds_year(y, unit) for unit in counting)]
        # A period of a shape few sentences have (counted from an event, or how long a thing holds) answers in words
        # of its own: "Forældresamtykket gælder for den konkrete sag og højst 1 år" shares no plain term with "Hvor
        # længe kan vi bruge et samtykke fra forældrene?". Held anywhere in the best passages, it is not named missing
        # before the answer is composed; the composed answer is still checked for it (outcome.with_detail_checked).
        shaped = detail is not None and detail.of_rare_shape and any(holds_detail(u, detail) for u in units)

        def holds_asked(unit: str) -> bool:
            return holds_detail(unit, detail) and names_in(unit)

        if detail is not None and not shaped and best - best_holding(holds_asked) >= DETAIL_GAP:
            absent.append(detail.phrase)
        if best - with_detail >= DETAIL_GAP and not absent and not shaped:  # each is somewhere with the topic, never together
            absent = [*years, *([detail.phrase] if detail else [])]
        return with_detail, best - with_detail, tuple(absent)

    def _absent_names(self, part: QuestionPart, found: Found, places_only: bool = False) -> tuple[str, ...]:
        """The places and names a part asks about that none of its best passages holding one of its
        distinctive topic words names (in any inflection: "Sverigesprojekt" in "Sverigesprojektet"):
        Copenhagen's pluspladser do not answer "Hvor mange pluspladser har Aarhus Kommune?". The words
        that ask what was done are no topic ("Hvad anbefaler KL om tandplejen, og hvad har Aarhus gjort?" was
        partial above Aarhus's case: passages holding "gjort" did not name Aarhus). A part with no topic of its
        own is judged on its probability: whether it inherits the question's topic is ambiguous ("og hvad gør
        Holstebro?" after KL on sundhedsplejen is answered from Holstebro's case on parent courses).
        ``places_only``: only the one municipality a question names is sought; other names are topic ("Hvordan
        virker Børnelinealen, som de bruger i Helsingør?" asks for Helsingør beside Børnelinealen)."""
        stats = self._statistics
        asked = [n for n in dict.fromkeys(proper_nouns(part.text)) if stats.knows_word(n) and not stats.is_setting(n)]
        if places_only:  # one place; places compared ("Sammenlign Viborgs og Holstebros ...") are each the topic
            asked = places if len(places := [n for n in asked if stats.is_municipality(n)]) == 1 else []
        own = {t for n in asked for t in content_terms(n)}
        topic = {t for t in topic_terms(part.text) if t not in own and self._statistics.passage_share(t) <= RARE_TOPIC_SHARE}
        if not asked or not topic:
            return ()  # nothing but the names, or only common words, to find them with
        hits = found.hits[:TOP_PASSAGES]
        # A passage's headings hold its topic too, in any derivation ("opsporer", "opsporing"): Helsingør's
        # Børnelinealen stands under "Arbejd med systematisk opsporing ..." and names no "opspor" itself.
        read = [f"{h.passage.context} {h.passage.text}" for h in hits]
        texts = [" ".join(words(text)).lower() for text in read if topic & compound_heads(topic, frozenset(text_terms(text)))]
        if not texts:
            return ()  # the topic itself is missing: the part's probability says so
        # A name whose case example is the best passage is there, in the case's own words: Holstebro's case
        # on "førstegangsforældre" answers "Hvad gjorde Holstebro for nybagte forældre?", while only KL's
        # general text says "nybagte".
        # So is a name whose own document the best passage is from: an organisation's slides seldom repeat its name.
        best = hits[0].passage  # there are hits: some hold the topic
        # So is a place within the best passage's own document, a district or a town it names elsewhere: Aabenraa's
        # model holds for "en børnehave i Tinglev", one of the districts it lists. Not a municipality, which a
        # report names in another's case.
        within = self._document_names.get(best.doc_id, frozenset())
        return tuple(
            self._statistics.base_form(n)
            for n in asked
            if not any(_holds_name(text, n) for text in texts)
            and not names(best.municipality, n)
            and self._statistics.base_form(n) not in publisher_names(str(best.metadata.get("publisher", "")))
            and not (n.lower() in within and not self._statistics.is_municipality(n))
        )

    def covered_words(self, question: str, hits: Sequence[ScoredPassage]) -> tuple[str, ...]:
        """The question's rarest words that the best passages contain ("Børnelinealen"): what the
        documents do describe, for the partial answer's first line."""
        present = _best_terms(hits)
        original: dict[str, str] = {}
        for word in question.replace("?", " ").split():
            cleaned = word.strip(".,;:!»«\"'()–-")
            stems = content_terms(cleaned)
            if len(stems) == 1 and stems[0] in present and words(cleaned):
                original.setdefault(stems[0], cleaned)
        ranked = sorted(original, key=self._statistics.idf, reverse=True)[:RARE_TERMS]
        return tuple(original[s] for s in ranked)


MIN_MISSPELT_NAME = 8  # letters of a name's stem before a one-letter slip in a document still names it


def document_names(passages: Iterable[Passage]) -> dict[str, frozenset[str]]:
    """Per document id, the lower-cased words its passages write with a capital: the places and names it uses."""
    found: dict[str, set[str]] = {}
    for passage in passages:
        found.setdefault(passage.doc_id, set()).update(w.lower() for w in CAPITALISED.findall(passage.text))
    return {doc: frozenset(names) for doc, names in found.items()}


def _answer_shaped(found: Found, answer_type: AnswerType) -> list[str]:
    """The evidence units holding the kind of answer the question expects. A unit of a case example holds its
    municipality: "De valgte metoder er netværkskort, Signs of Safety og det inddragende netværksmøde" in
    Aalborg's case answers "Hvilken kommune har brugt Signs of Safety?" (it was declined, p=0.10)."""
    places = found.places or ("",) * len(found.units)
    return [
        unit
        for unit, place in zip(found.units, places, strict=True)
        if holds_answer_type(unit, answer_type) or (answer_type == "place" and place)
    ]


def _best_terms(hits: Sequence[ScoredPassage]) -> set[str]:
    """The content terms of the best passages' texts (their headings aside)."""
    return {term for h in hits[:TOP_PASSAGES] for term in text_terms(h.passage.text)}


def _holds_the_asked_point(analysis: QuestionAnalysis, hits: Sequence[ScoredPassage]) -> bool:
    """Whether a question for a numbered point ("Hvad er trin 2 i tidsplanen?") has a numbered list holding that
    point among the best passages: its own words are few, and the point's number stands in no unit (p=0.06 above
    an organisation's "Tidsplan" whose second point is "2. Marts: Overleveringsmøde …")."""
    number = None if analysis.is_multi_part else asked_point(analysis.text)
    if number is None:
        return False
    # The list must be the one asked about (see point_topic): "punkt 2 i Hedensteds program for dagen" is not point 2
    # of a strategy on another slide.
    about = point_topic(analysis.text)
    return any(
        any(point_number(line) == number for line in h.passage.text.splitlines())
        and about & set(content_terms(f"{h.passage.context} {h.passage.text}"))
        for h in hits[:TOP_PASSAGES]
    )


def _names_a_found_section(question: str, hits: Sequence[ScoredPassage]) -> bool:
    """Whether ``question`` names a numbered section ("case 5", "figur 3") one of the best passages belongs to."""
    return any(names_section(question, h.passage.text, h.passage.context) for h in hits[:TOP_PASSAGES])


# The words that ask what a case example is about: "Hvilken case handler om ...?".
_ABOUT = re.compile(r"\b(?:om)?handler om\b|\bomhandler\b|\bdrejer sig om\b", re.IGNORECASE)


def _asks_for_the_found_case(analysis: QuestionAnalysis, hits: Sequence[ScoredPassage]) -> bool:
    """Whether the question asks which case example is about something the first passage's case title
    names: "Hvilken case handler om idrætsforeninger?" is answered by "CASE #4 Unge Coaches og Mentorer i
    idrætsforeninger", though the case's sentences never repeat the word (p=0.39)."""
    title = str(hits[0].passage.metadata.get("case_title", "")) if hits else ""
    about = topic_terms(_ABOUT.sub(" ", analysis.text))
    return analysis.answer_type == "case" and bool(title and about) and set(about) <= compound_heads(about, terms_of(title))


# A request for an example: "Er der et eksempel, hvor ...?", "Er det lykkedes en kommune at ...?", "Hvilken
# kommune har brugt ...?".
_EXAMPLE_ASKED = re.compile(r"\beksempl?er\b|\beksempel\b|\b(?:en|nogen|nogle|hvilken|hvilke) kommuner?\b", re.IGNORECASE)
# The words such a request asks with, whether a municipality did it or what came of it, rather than its topic:
# rare in the documents, they weighed most in the topic the case example was measured against ("lykkedes").
_EXAMPLE_WORDS = frozenset(content_terms("lykkes lykkedes hjælper hjælpe hjalp virker virkede giver givet gav brugt kommune kommuner"))


def _answered_by_the_found_case(analysis: QuestionAnalysis, hits: Sequence[ScoredPassage], stats: RelevanceScorer) -> bool:
    """Whether a request for an example has as its best passage a case example holding CASE_ON_TOPIC of its topic,
    in its own words or as part of a compound ("anmeld" in "straffelovsanmeldelser"): that case is the example
    asked for. "Er der et eksempel, hvor kriminalitetsforebyggelse har givet færre anmeldelser?" (p=0.26) and "Er
    det lykkedes en kommune at få kriminaliteten ned ved at samle forebyggelsen ét sted?" (p=0.36) were partial,
    "svarer måske ikke direkte", above Ishøj's case: "Antallet af straffelovsanmeldelser i Ishøj er således
    faldet med mere end 35 pct. siden 2008"."""
    # Not a multi-part question: its other part may ask what the case does not say ("Hvad er Signs of Safety, og
    # hvilken kommune bruger det?" lost its hedge above Aalborg's case, which names the method without explaining it).
    if analysis.is_multi_part or not hits or not hits[0].passage.municipality or not _EXAMPLE_ASKED.search(analysis.text):
        return False
    topic = [t for t in dict.fromkeys(topic_terms(analysis.text)) if t in analysis.terms and t not in _EXAMPLE_WORDS]
    best = hits[0].passage
    held = compound_heads(topic, frozenset(text_terms(search_text(best.text, best.context))))
    return stats.term_coverage(topic, held) >= CASE_ON_TOPIC


def _asks_only_about_the_found_case(analysis: QuestionAnalysis, hits: Sequence[ScoredPassage]) -> bool:
    """Whether the question names municipalities and nothing else to ask about ("Hvilke resultater har Ringsted
    opnået?", "Hvordan gik det i Aalborg?"), and the best passage is the case example of the one it names: that
    case is what it asks for (p=0.35: a partial answer, "svarer måske ikke direkte", above Ringsted's results)."""
    if not hits or not analysis.names or analysis.is_multi_part or not (place := hits[0].passage.municipality):
        return False
    own = {t for name in analysis.names for t in content_terms(name)}
    return set(topic_terms(analysis.text)) <= own and all(names(place, name) for name in analysis.names)


def _names_defined_term(analysis: QuestionAnalysis, found: Found) -> bool:
    """Whether an evidence unit names, as the question writes it, the term a one-part definition question asks
    about: the documents then mention it without explaining it, a partial answer that says so, not a decline
    ("Hvad er Trivselskommissionen?" and the slide's "Trivselskommission (2023)" among the government's
    initiatives)."""
    term = defined_term(analysis.text) if not analysis.is_multi_part and analysis.answer_type == "definition" else None
    return term is not None and any(explains(unit, term) is not None for unit in found.units)


def _plainly_on_topic(analysis: QuestionAnalysis, signals: Signals, found: Found) -> bool:
    """Whether the evidence is plainly about what the question asks, however few of its other words the
    documents use, so that a low probability makes a partial answer, not a decline:

    * the question holds a found section's whole title ("Hvad pegede den eksterne foranalyse fra Komponent
      på ...?" and the slide "Komponents foranalyse": p=0.25);
    * the question asks for a detail (a count, a sum, a share, a period) and one evidence unit holds that
      kind of detail with at least DETAIL_ON_TOPIC of the question's topic ("Hvor mange vuggestuer har
      faktisk god kvalitet ifølge den nationale kvalitetsundersøgelse?" and "Blot 1 ud af 10
      daginstitutioner har et pædagogisk læringsmiljø af ‛god' kvalitet": p=0.19).

    On train each rule turned one answerable question's decline into a partial answer (answerable declined
    0.023 -> 0.011; the second rule's partial answer holds its key facts: 0.789 -> 0.794, gold cited 0.881
    -> 0.887); no unanswerable question changed outcome, on train or validation (where a partial answer
    counts as declined anyway)."""
    hits = found.hits
    # A multi-part question's signals are read without its details (see ``decide``): no unit was checked for one.
    detail_asked = not analysis.is_multi_part and analysis.detail is not None
    detail_found = detail_asked and signals.detail_gap == 0.0 and signals.detail_coverage >= DETAIL_ON_TOPIC
    return detail_found or _names_a_found_title(analysis.terms, hits) or _names_the_found_case(analysis, hits)


def _announces_the_asked_list(analysis: QuestionAnalysis, hits: Sequence[ScoredPassage]) -> bool:
    """Whether one of the best passages counts the very things a list question asks for, in its text or its
    headings: "Den styrkede overgang – fem principper" announces what "Hvilke principper bygger Skives model for
    en forstærket skolestart på?" asks (p=0.24, a decline), though the question's "forstærket skolestart" is not
    the documents' "styrket overgang". The count says a list of them follows: it answers the question, as a section
    the question names by its number does."""
    noun = listed_noun(analysis.text) if analysis.answer_type == "list" and not analysis.is_multi_part else ""
    if len(noun) < MIN_LISTED_STEM:
        return False
    for hit in hits[:TOP_PASSAGES]:
        counted = counted_words(f"{hit.passage.context}\n{hit.passage.text}")
        if any(stem(word).startswith(noun) for word in counted):
            return True
    return False


def _names_the_found_case(analysis: QuestionAnalysis, hits: Sequence[ScoredPassage]) -> bool:
    """Whether the best passage belongs to, or names, a municipality the question names that has a case
    example among the best passages: "Hvad gjorde Holstebro for nybagte forældre, og hvor mange sagde ja?" is
    about Holstebro's case, which says "førstegangsforældre" and "takker ja" (p=0.18, a decline); "Hvad har
    Herning fået ud af færre sager pr. rådgiver?" about the report's "I Danmark er særligt Herning langt med at
    afprøve de svenske erfaringer ..." (p=0.23, a decline), Herning's own case being another."""
    if not hits:
        return False
    places = [place for hit in hits[:TOP_PASSAGES] if (place := hit.passage.municipality)]
    asked = [name for name in analysis.names if any(names(place, name) for place in places)]
    best = f"{hits[0].passage.municipality}\n{hits[0].passage.text}"
    return any(names(best, name) for name in asked)


def _names_a_found_title(terms: Sequence[str], hits: Sequence[ScoredPassage]) -> bool:
    """Whether the question's ``terms`` hold every content term (at least MIN_TITLE_TERMS) of the title of a
    section or case example one of the best passages belongs to."""
    asked = set(terms)
    for hit in hits[:TOP_PASSAGES]:
        metadata = hit.passage.metadata
        for title in (*section_path(hit.passage.section)[-1:], str(metadata.get("case_title", ""))):
            held = set(content_terms(title))
            if len(held) >= MIN_TITLE_TERMS and held <= asked:
                return True
    return False


def _holds_year(year: str, unit: str) -> bool:
    return year in unit


def _absent_figures(question: str, bodies: Sequence[str]) -> tuple[str, ...]:
    """The figures ``question`` asks that no body holds; a share is held by a limit or a span that it lies in: "Jeg har
    en elev, der er oppe på 22 % fravær" had read "nævner ikke tallet 22" above the procedure's "Niveau 4 – Kritisk
    fravær (samlet fravær 20 procent eller mere ...)"."""
    shares = written_shares(question)
    return tuple(
        figure
        for figure in asked_figures(question)
        if not any(_has_figure(figure, body) or (figure in shares and within_stated_share(figure, body)) for body in bodies)
    )


def _has_figure(figure: str, text: str) -> bool:
    """"25" is in "25 pct." and "1.250" style thousands are not split; a figure inside another is not found."""
    return re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d]|[.,]\d)", text) is not None


def _holds_name(text: str, name: str) -> bool:
    """Whether lower-cased ``text`` holds ``name`` in any inflection, or a long name misspelt by one letter: a
    slide titled "Videnrådet for forebyggelse 2021" is Vidensrådet's strategy, though "Hvad er de syv
    hovedpunkter i Vidensrådets nationale strategi?" read "… men de nævner ikke Vidensrådets"."""
    root = _stem(name)
    if root in text:
        return True
    if len(root) < MIN_MISSPELT_NAME:
        return False
    return any(_one_edit_apart(root, word[:size]) for word in text.split() for size in (len(root) - 1, len(root), len(root) + 1))


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _stem(name: str) -> str:
    """A name without its Danish genitive or definite ending, to find it in any inflection."""
    lowered = name.lower()
    for ending in ("ets", "ens", "et", "en", "s"):
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 4:
            return lowered.removesuffix(ending)
    return lowered


def _word_forms(text: str) -> set[str]:
    """The lowercased words of ``text`` and the parts of its hyphenated words ("Høje-Taastrup")."""
    return {part for word in words(text) for part in (word, *word.split("-"))}


# A definite name's form without its ending (see _name_forms) is a name of its own this long at least: "Vejen"
# is no "vej".
MIN_BARE_NAME = 6


def _name_forms(name: str) -> set[str]:
    """The words a name may stand as in a passage: as written, without its genitive -s ("Hedensteds"), or
    with one ("København" in "Københavns Kommune"), and a name in the definite form without its ending
    ("Vidensrådet": the slides name "Vidensråd for forebyggelse")."""
    lowered = name.lower()
    forms = {lowered, lowered.removesuffix("s"), lowered if lowered.endswith("s") else lowered + "s"}
    bare = re.sub(r"(?:et|en)s?$", "", lowered)
    return forms | {bare, bare + "s"} if len(bare) >= MIN_BARE_NAME else forms


def _name_coverage(names: Sequence[str], passage_words: Sequence[set[str]], vocabulary: Collection[str] = ()) -> float:
    """Share of ``names`` one passage holds (any inflection the corpus uses: "Hedensteds"); 1 without names.
    A case question's municipality and its topic should stand in the same passage."""
    if not names:
        return 1.0
    forms = [_name_forms(n) | _head_forms(n, vocabulary) for n in names]
    return max((sum(bool(f & found) for f in forms) / len(forms) for found in passage_words), default=0.0)


def _head_forms(name: str, vocabulary: Collection[str]) -> set[str]:
    """A compound common noun in its definite form ("Trivselskommissionen") is also named by its head in
    the definite form ("Kommissionen", "Kommissionens"), the way a text refers back to it."""
    lowered = name.lower()
    if not lowered.endswith(("en", "et")):
        return set()
    heads = [lowered[i:] for i in range(3, len(lowered) - 6) if lowered[i:] in vocabulary]
    return {form for head in heads[:1] for form in (head, head + "s")}


def unknown_names(question: str, stats: RelevanceScorer) -> tuple[str, ...]:
    """The names in ``question`` that the documents never use, and the topic it asks a source about when
    they never use that word, nor its parts as words of their own: "Hvad anbefaler KL om skærmtid for små
    børn?" lacks "skærmtid", which no document mentions; KL's recommendations on other things do not answer
    it. A name or topic the documents lack is named in the answer's first line."""
    lacking = [n for n in proper_nouns(question) if not stats.knows_word(n)]
    # What a source is asked to do ("om at flytte eksperter ud") is named by the verb's object too: "flytte", a word
    # the documents happen not to use, had declined "Hvad anbefaler KL om at flytte eksperter ud til dagtilbud og
    # skoler?", which KL's "fremskudte indsatser" answer.
    topic = asked_topic_words(question)
    if topic and not any(stats.knows_word_or_parts(word) for word in topic):
        lacking.append(topic[0])
    return tuple(dict.fromkeys(lacking))


def _agreement(top: Sequence[ScoredPassage]) -> float:
    if not top:
        return 0.0
    both = sum(
        1
        for h in top
        if h.dense_rank is not None and h.bm25_rank is not None and max(h.dense_rank, h.bm25_rank) <= AGREEMENT_DEPTH
    )
    return both / len(top)
