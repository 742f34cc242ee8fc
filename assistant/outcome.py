"""The outcome checked once more against the evidence units and the composed answer.

The answerability decision (``assistant.answerability``) is taken on retrieval's signals before anything
is composed. What the scored units and the composed answer show can still change it: a part the evidence
answers is credited, a weak answer that holds the answer outright is an answer, and an answer that names
no asked place, speaker, municipality, figure or year it promised is partial. Each check takes the
:class:`~assistant.assessment.Assessment` and returns it unchanged or with a new decision.

Example::

    assessment = with_years_shown(with_detail_checked(assessment, composition), composition)
    assessment.decision.outcome, assessment.decision.missing
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from assistant.assessment import Assessment
from assistant.wording import documents_names
from assistant.analysis import (
    RESULT_CUES,
    AskedDetail,
    QuestionAnalysis,
    OLDEST,
    asked_ages,
    asked_places,
    asked_point,
    asked_years,
    asks_what_to_do,
    attributed_speaker,
    counts_right_there,
    defined_term,
    defines,
    detail_terms,
    document_years,
    explains,
    holds_answer_type,
    holds_detail,
    point_topic,
    quotes_detail,
    situation_terms,
    table_counts_asked,
    told_ages,
    workplace_terms,
)
from assistant.answerability import RARE_TOPIC_SHARE, TOP_PASSAGES, Answerability, Decision
from assistant.types import Citation
from assistant.compose import (
    Composition,
    asks_several,
    case_name,
    is_named_point,
    lists_professions,
)
from assistant.evidence import (
    ScoredUnit,
    TYPED_PARTS,
    compound_heads,
    shown_lead_in,
)
from assistant.guidance import within_topics
from assistant.reading_order import heads_procedure
from assistant.relevance import RelevanceScorer
from assistant.sources import names
from assistant.verify import MARKER
from prompts import render
from index import Passage
from tidlig.text import (
    NAME_WORD,
    YEAR,
    addresses_reader,
    asked_list,
    content_terms,
    cites_research,
    counted_words,
    credits_another_source,
    is_bold_heading,
    join_danish,
    named_count,
    plain_markdown,
    proper_nouns,
    split_sentences,
    stem,
    words,
)


__all__ = [
    "CONCERN_OWN_FLOOR", "FULL_COVERAGE", "NAMED_SHARE", "OWN_SITUATION_TERMS", "WHOLE_COUNTRY", "lacking_here",
    "named_in_documents_words", "situated_unit",
    "situated_units", "with_ages_shown", "with_answer_found", "with_asked_year_shown", "with_definition_checked", "with_detail_checked",
    "with_detail_shown", "with_held_parts", "with_homes_quoted", "with_labels_checked", "with_municipality_shown",
    "with_own_situation_checked", "with_parts_credited", "with_place_figures_checked", "with_places_named",
    "with_results_checked", "with_scope_checked", "with_setting_checked", "with_speaker_named", "with_staff_guide_answering",
    "with_time_checked", "with_years_shown",
]


# The fitted probability (see assistant/unit_scorer.json) the likeliest unit for a worry's own words needs
# for the documents to count as speaking to the pedagogue's own situation; below it the answer is the
# documents' guidance alone, under its own lead-in (see with_own_situation_checked). On train: 0.10 changed
# no answer; 0.11 three, each of which had opened with a sentence that only resembled the worry (0.104,
# 0.104, 0.107), key facts and gold cited unchanged (0.741 / 0.836); 0.12 also dropped a sentence on
# children's language that did answer "bagud med sproget" (0.118; gold cited 0.831); 0.13 0.738 / 0.825.
CONCERN_OWN_FLOOR = 0.11


# The terms of its situation a unit must hold to answer a worry the evidence alone left partial
# (see with_own_situation_checked): one is often the ask's own word ("opmærksom" in "Hvad skal jeg være
# opmærksom på?").
OWN_SITUATION_TERMS = 2

# How likely, against the worry's likeliest unit, a unit that tells the worry's situation must be to answer the
# worry in the place of a likeliest unit that tells none of it (see situated_unit). At 0.4 train's worries about
# parents who keep their distance opened with passages that share only "forældre" with them.
SITUATED_SHARE = 0.8


def with_parts_credited(answerability: Answerability, assessment: Assessment, answered: Collection[int]) -> Assessment:
    """``assessment`` with the parts its own retrieval left uncovered but the evidence ``answered`` counted
    as answered (see :meth:`Answerability.credit_parts`); the same object when that credits none."""
    decision = answerability.credit_parts(assessment.decision, assessment.analysis, answered)
    return assessment if decision is assessment.decision else replace(assessment, decision=decision)


def with_held_parts(assessment: Assessment, held: set[int]) -> Assessment:
    """The uncovered typed parts of which the answer shows an answer of the asked kind (see
    :func:`assistant.evidence.typed_parts_held`), for the lead-in's "måske"."""
    decision = assessment.decision
    parts = tuple(n for n in decision.uncovered_parts if n in held)
    return replace(assessment, decision=replace(decision, held_parts=parts)) if parts else assessment


def with_own_situation_checked(
    assessment: Assessment,
    scored: Sequence[ScoredUnit],
    situated: ScoredUnit | None,
    analysed: Callable[[str], list[str]] = content_terms,
    share: Callable[[str], float] | None = None,
) -> Assessment:
    """A concern answer whose worry no unit is likely to answer gives the documents' guidance alone: the
    sentence that merely resembles the worry ("Der skal derfor sættes ind, allerede inden barnet bliver
    født." for "Jeg har skrevet en underretning om et barn. Hvad sker der så bagefter?") would stand first,
    as if it answered it. Likely means that its own parts' likeliest unit reaches CONCERN_OWN_FLOOR and
    holds, in its text or its chunk's headings, a term of what the worry asks about besides the worry and
    the child (:func:`situation_terms`): infants' data on trivsel ("19,6 pct. børn, der har regulatoriske
    problemer") resembled "Hvor hurtigt skal vi handle, når vi ser et barn i børnehaven, der ikke trives?" by
    its worry alone. On train this changed three answers: two worries about parents who keep their distance
    now open with "Inddrag forældrene tidligt" instead of Familiestuen's "børn, der er urolige" and
    Børnelinealen's "bekymringer er på 6 og derunder"; and "om min bekymring for et barn er stor nok" turned
    partial, though Børnelinealen's scale does speak to it (its words "stor nok" are in no unit). Key facts
    and gold cited unchanged.

    Below the floor, a likeliest unit still answers when it holds enough of the situation's distinctive terms
    (see :func:`_distinctive`): "vi har en dreng der er motorisk langt bagud, har kbh noget om bevægelse?" had got
    the guidance alone under "Jeg fandt ikke noget ...", above none of Copenhagen's "Børn og bevægelse" ("... børn,
    der er motorisk udfordrede", probability 0.097). "for alvor ... tager livtag" holds "alvor" and the common "tag" of "en
    kollega, som ikke tager min bekymring alvorligt", which the documents do not speak to. So does one that holds
    more than OWN_SITUATION_TERMS of the situation's terms, distinctive or not: "Vi har et barn med mange konflikter
    ... Findes der et program til personalet i børnehaven om adfærdsproblemer?" had got the guidance alone, above
    De Utrolige År's "ét program til personalet i skole og børnehave" (probability 0.083)."""
    decision, analysis = assessment.decision, assessment.analysis
    if not analysis.is_concern or decision.outcome == "decline":
        return assessment

    own_score = _own_scorer(analysis)
    likeliest = situated or max(scored, key=own_score, default=None)
    situation = situation_terms(analysis.text)
    distinct, needed = _distinctive(analysis.text, share)
    if (
        likeliest is not None
        and situated is None
        and own_score(likeliest) < CONCERN_OWN_FLOOR
        and len(distinct & (held_by_likeliest := _situation_held(situation, likeliest, analysed))) < needed
        and len(held_by_likeliest) <= OWN_SITUATION_TERMS
    ):
        likeliest = None  # no unit is likely to answer the worry itself, nor tells its situation
    if likeliest is not None and decision.outcome == "answer" and not situation_terms(analysis.text, signs=False):
        return assessment  # a worry told by its signs alone is what the guidance is for; a case may still tell it
    if assessment.asked_guidance and within_topics(situation, assessment.asked_guidance):
        # The topic it asks for is all it tells: what resembles its words only resembles the topic ("Hvordan kan vi
        # samarbejde med forældrene, når vi er bekymrede ...?" had opened with Børnelinealen's "De fagprofessionelle
        # måler deres bekymringer i forhold til barnets adfærd og forældrenes forældreevne").
        return replace(assessment, decision=replace(decision, outcome="partial", missing=(analysis.text,)))
    held = frozenset() if likeliest is None else _situation_held(situation, likeliest, analysed)
    if decision.outcome == "answer":
        return assessment if held else replace(assessment, decision=replace(decision, outcome="partial", missing=(analysis.text,)))
    # A worry the classifier found weak evidence for (the worry's own words are no topic) is answered when a case
    # example describes its situation: "Findes der et forløb, hvor hans forældre er med i børnehaven?" and
    # Familiestuen's "Forældrene deltager i to halve børnehavedage". So is it by the worry's best passage: "Vi har
    # fået ekstra timer til en dreng med uro i kroppen. Hvordan kan vi bruge dem i hverdagen?" and the pamphlet's
    # "De ekstra hænder bruges typisk til ... mindre grupper ... fast struktur" had got the guidance alone (its
    # section's next passage may rank first). Not general text further down sharing a situation's words
    # ("lederen vil ikke gøre noget" and a slide on "faglig ledelse"), nor when the worry asks for a guidance
    # topic, which answers it (on the 391 fresh questions, two worries about talking with parents lost the
    # parent-cooperation approaches to such a passage).
    best = assessment.found.hits[0].passage if assessment.found.hits and not assessment.asked_guidance else None
    in_case = likeliest is not None and (
        bool(case_name(likeliest.hit.passage.metadata)) or (best is not None and _same_section(likeliest.hit.passage, best))
    )
    if decision.missing == (analysis.text,) and in_case and (len(held) >= OWN_SITUATION_TERMS or len(distinct & held) >= needed):
        return replace(assessment, decision=replace(decision, outcome="answer", missing=()))
    # So it is by a unit in the documents' own words for the worry's situation (see situated_unit).
    if (
        decision.missing == (analysis.text,)
        and situated is not None
        and _names_situation(_documents_named(analysis, analysed), situated, analysed)
    ):
        return replace(assessment, decision=replace(decision, outcome="answer", missing=()))
    return assessment


def with_staff_guide_answering(assessment: Assessment, scored: Sequence[ScoredUnit]) -> Assessment:
    """A worry whose own situation the documents were found not to cover (see :func:`with_own_situation_checked`)
    is answered when its likeliest unit, at CONCERN_OWN_FLOOR or above, is from an organisation's guide to its
    staff (it speaks to the reader as "du"): the guide is written for such worries, in its own words. "En far kommer
    for at hente sin søn ved lukketid, og han virker fuld ..." had read "Jeg fandt ikke noget ... om netop det, du
    beskriver" above Faxe's "Barnet bliver ikke hentet, eller forælderen virker påvirket ved afhentning | Din leder;
    ved akut fare for barnet ringer du 112": "fuld" is not "påvirket". Applied after the guidance topics are chosen,
    so the answer keeps them all: a worry answered in its own words keeps three, and with three a blind set's answer
    lost the topic that held its key fact."""
    decision, analysis = assessment.decision, assessment.analysis
    if not analysis.is_concern or decision.outcome != "partial" or decision.missing != (analysis.text,) or not scored:
        return assessment
    own_score = _own_scorer(analysis)
    likeliest = max(scored, key=own_score)
    if own_score(likeliest) < CONCERN_OWN_FLOOR or not _written_for_staff(likeliest.hit.passage, analysis):
        return assessment
    return replace(assessment, decision=replace(decision, outcome="answer", missing=()))


def _written_for_staff(passage: Passage, analysis: QuestionAnalysis) -> bool:
    """Whether a passage is written for staff who worry about a child: it speaks to the reader as "du", or, for a
    worry that asks what to do, it is a section a document heads as its procedure, whose steps are in the
    imperative ("Observér og beskriv: ..."). "... en pige på 14 måneder ... Hun er meget stille ... Hvordan skal
    jeg gribe det an?" had read "Jeg fandt ikke noget ... om netop det, du beskriver" above the guidance topics
    alone, while Viborg's "8. Når der er en bekymring – trin for trin" was the best passage."""
    return addresses_reader(passage.text) or (asks_what_to_do(analysis.text) and heads_procedure(passage))


def _distinctive(worry: str, share: Callable[[str], float] | None) -> tuple[frozenset[str], int]:
    """The terms of a worry's situation that tell it apart, and how many of them a unit must hold to tell it: the
    child's signs, and the words in at most RARE_TOPIC_SHARE of the passages (by ``share``; every word when None);
    not where it happens ("i vuggestuen"), which every worry shares. OWN_SITUATION_TERMS of them, or the one there
    is ("min kollega siger vi bare skal vente og se ...": "vent")."""
    beyond_signs = situation_terms(worry, signs=False)
    distinct = frozenset(
        term
        for term in situation_terms(worry) - workplace_terms(worry)
        if term not in beyond_signs or share is None or share(term) <= RARE_TOPIC_SHARE
    )
    return distinct, min(OWN_SITUATION_TERMS, len(distinct)) or OWN_SITUATION_TERMS


# How likely, against the likeliest unit, a unit holding the documents' name for a question's everyday phrase must be
# to answer in its place (see named_in_documents_words).
NAMED_SHARE = 0.5


def situated_unit(
    assessment: Assessment, scored: Sequence[ScoredUnit], analysed: Callable[[str], list[str]] = content_terms
) -> ScoredUnit | None:
    """The unit that answers a worry in the place of its likeliest unit, which tells nothing of the worry's
    situation and only resembles the worry: "Jeg er bekymret for en dreng på 4 år, der er meget urolig og
    forstyrrer de andre børn." had KL's "En tredje hindring er, at ikke alle fagpersoner ... hvornår man bør være
    bekymret for et barn" as its likeliest unit, and got the guidance alone under "Jeg fandt ikke noget ... om netop
    det, du beskriver", while Familiestuen's "De kan blandt andet forstyrre de andre børn" was nearly as likely. So
    is an organisation's own passage, not only a case example's: "En dreng i 4. klasse er blevet meget stille, og han
    har været væk omkring hver tiende dag den sidste måned." had been left partial, while a school's first step
    ("fravær over 8 % i en måned") was nearly as likely. The unit holds OWN_SITUATION_TERMS of the situation's terms
    and is SITUATED_SHARE as likely; None when there is none, or the likeliest unit tells the situation itself."""
    analysis = assessment.analysis
    situation = situation_terms(analysis.text)
    if not analysis.is_concern or not situation or not scored:
        return None

    own_score = _own_scorer(analysis)
    likeliest = max(scored, key=own_score)
    # The documents' own words for an everyday phrase of the worry (see assistant.wording) name its situation
    # outright: "Min leder siger, at vi skal vente og se, men ... Må jeg gå uden om hende?" is answered by
    # "Underretningspligten er personlig.", however little the rest of the worry's words resemble it.
    if (naming := _likeliest_naming(_documents_named(analysis, analysed), scored, likeliest, own_score, analysed)) is not None:
        return naming
    if _situation_held(situation, likeliest, analysed):
        return None
    situated = [
        unit
        for unit in scored
        if own_score(unit) >= SITUATED_SHARE * own_score(likeliest)
        and len(_situation_held(situation, unit, analysed)) >= OWN_SITUATION_TERMS
    ]
    return max(situated, key=own_score, default=None)


def situated_units(
    assessment: Assessment,
    scored: Sequence[ScoredUnit],
    situated: ScoredUnit | None,
    analysed: Callable[[str], list[str]] = content_terms,
) -> list[ScoredUnit]:
    """``scored`` with the worry's own parts left to the units that tell its situation when a unit answers it in
    the place of its likeliest unit (``situated``, see :func:`situated_unit`): a sentence that only resembles the
    worry would otherwise open the answer above it."""
    if situated is None:
        return list(scored)
    situation = situation_terms(assessment.analysis.text)
    own = range(len(assessment.analysis.parts))

    def told(unit: ScoredUnit) -> ScoredUnit:
        if _situation_held(situation, unit, analysed):
            return unit
        return replace(unit, part_scores=tuple(0.0 if n in own else s for n, s in enumerate(unit.part_scores)))

    return [told(unit) for unit in scored]


def named_in_documents_words(
    assessment: Assessment, scored: Sequence[ScoredUnit], analysed: Callable[[str], list[str]] = content_terms
) -> list[ScoredUnit]:
    """``scored`` with the likeliest unit that holds the documents' name for an everyday phrase of a one-part question
    that is no worry (see :mod:`assistant.wording`) in the place of a likeliest unit that holds none, when it is
    NAMED_SHARE as likely: they trade scores. "Kan storebror ikke bare oversætte til samtalen?" is answered by "Har
    forældrene brug for tolk, bestilles en professionel tolk ... Elever og søskende må aldrig bruges som tolk", not
    by a course slide's case "I inviterer mor og far til samtale – kun mor kommer", which resembled it more. A worry
    is situated by such a unit whatever its score (see :func:`situated_unit`)."""
    analysis = assessment.analysis
    named = _documents_named(analysis, analysed) if not analysis.is_concern and len(analysis.parts) == 1 else ()
    if not named or not scored:
        return list(scored)
    likeliest = max(scored, key=lambda unit: unit.part_scores[0])
    best = _likeliest_naming(named, scored, likeliest, lambda unit: unit.part_scores[0], analysed)
    if best is None or best.part_scores[0] < NAMED_SHARE * likeliest.part_scores[0]:
        return list(scored)
    traded = {likeliest.key: best.part_scores, best.key: likeliest.part_scores}
    return [replace(unit, part_scores=traded[unit.key]) if unit.key in traded else unit for unit in scored]


def _likeliest_naming(
    named: Sequence[frozenset[str]],
    scored: Sequence[ScoredUnit],
    likeliest: ScoredUnit,
    score: Callable[[ScoredUnit], float],
    analysed: Callable[[str], list[str]],
) -> ScoredUnit | None:
    """The likeliest unit (by ``score``) holding one of the documents' names ``named`` (see :func:`_names_situation`),
    when ``likeliest`` holds none; None when it does, or no unit does."""
    if not named or _names_situation(named, likeliest, analysed):
        return None
    return max((unit for unit in scored if _names_situation(named, unit, analysed)), key=score, default=None)


def _documents_named(analysis: QuestionAnalysis, analysed: Callable[[str], list[str]]) -> tuple[frozenset[str], ...]:
    """The terms of each of the documents' names for the everyday phrases of a question (see :mod:`assistant.wording`),
    read once per question: every candidate unit is checked against them."""
    return tuple(terms for name in documents_names(analysis.text) if (terms := frozenset(analysed(name))))


def _names_situation(named: Sequence[frozenset[str]], unit: ScoredUnit, analysed: Callable[[str], list[str]]) -> bool:
    """Whether ``unit`` holds all the terms of one of the documents' names ``named`` (see :func:`_documents_named`)."""
    return any(terms <= _situation_held(terms, unit, analysed) for terms in named)


def _own_scorer(analysis: QuestionAnalysis) -> Callable[[ScoredUnit], float]:
    """How likely a unit answers the worry's own parts (the first ones; a concern answer's guidance topics follow)."""
    own = len(analysis.parts)
    return lambda unit: max(unit.part_scores[:own])


def _situation_held(situation: frozenset[str], unit: ScoredUnit, analysed: Callable[[str], list[str]]) -> frozenset[str]:
    """The terms of a worry's situation a unit holds, in its text or its headings. The parts of the corpus's
    compounds count too (``analysed``: the lexical index's terms): "sprogvurdering" holds the "sprog" of
    "sprogligt bagud", which the guidance alone had answered under "Jeg fandt ikke noget ..."."""
    return situation & (compound_heads(situation, unit.held_terms()) | set(analysed(unit.unit.search_text)))


def _same_section(passage: Passage, other: Passage) -> bool:
    """Whether two passages are one, or passages of one section of a document (the same heading path)."""
    same_heading = (passage.doc_id, passage.context) == (other.doc_id, other.context)
    return passage.chunk_id == other.chunk_id or bool(passage.context and same_heading)


def with_places_named(
    answerability: Answerability,
    statistics: RelevanceScorer,
    assessment: Assessment,
    composition: Composition,
    homes: Mapping[str, Sequence[str]] | None = None,
) -> Assessment:
    """A partial answer names as missing the places the question asks about (:func:`asked_places`) that
    nothing it quotes is from or about, and an answer with such a place is partial: "Hvor mange familier går
    i Familiestuen i Aarhus?" read "Dokumenterne beskriver Familiestuen, men de nævner ikke antallet af
    familier" above Frederikshavn's Familiestuen, and "Hvor mange pluspladser har
    Aarhus Kommune?" "beskriver Aarhus Kommune" above Copenhagen's table. A source asked by name speaks
    through its own documents, which seldom repeat its name, so it is never named missing; so does a municipality
    through the documents it is the home of (``homes``, see :func:`assistant.sources.home_documents`): Kolding's case
    collection, published by its PPR, had read "nævner ikke Kolding i den forbindelse" above its own "En konference
    varer 75 minutter"."""
    decision, analysis = assessment.decision, assessment.analysis
    if decision.outcome == "decline" or analysis.is_concern or analysis.is_multi_part:
        return assessment
    # A passage whose every quoted sentence credits another source speaks for that source, not its publisher:
    # Hedensted's deck quoting "Omkring 15% af børn og unge ... – Vidensråd for forebyggelse 2020" was presented
    # as the answer to "Hvor mange børn i Hedensted Kommune har en psykiatrisk diagnose?".
    own, credited = _by_whose(composition)
    cited = " ".join(f"{c.municipality} {c.section} {c.publisher}" for c in own)
    quoting = " ".join(f"{c.municipality} {c.publisher}" for c in credited)
    asked = {source for part in analysis.parts for source in part.sources}
    places = asked_places(analysis.text)
    absent = tuple(
        name
        for name in answerability.names_absent(analysis.text, f"{composition.short_answer} {cited}")
        if name in places and name not in decision.missing and (names(quoting, name) or not any(names(name, source) for source in asked))
    )
    cited_documents = {c.doc_id for c in own}
    absent = tuple(name for name in absent if not _home_cited(name, cited_documents, homes or {}, statistics.base_form))
    if decision.outcome == "answer":
        # An answer becomes partial only for a place that is no document's own setting: "Hvad er Familie med
        # Hjerte i Aarhus?" was answered by Holstebro's case, but "Hvad er De Utrolige År i Danmark?" asks
        # where every document is, and they seldom say it. A place whose own document only quotes others is absent.
        absent = tuple(name for name in absent if not statistics.is_setting(name) or names(quoting, name))
    if not absent:
        return assessment
    # The documents use each such name (see names_absent), only never here: "nævner ikke Aarhus" alone would be false.
    return replace(assessment, decision=lacking_here(decision, absent, statistics.base_form))


def _by_whose(composition: Composition) -> tuple[list[Citation], list[Citation]]:
    """The citations of ``composition`` that speak for their own publisher, and those whose every quoted sentence
    credits another source (see :func:`assistant.analysis.credits_another_source`)."""
    own: list[Citation] = []
    credited: list[Citation] = []
    for c in composition.book.citations():
        (credited if c.quoted and all(map(credits_another_source, c.quoted)) else own).append(c)
    return own, credited


def _home_cited(name: str, cited: AbstractSet[str], homes: Mapping[str, Sequence[str]], base_form: Callable[[str], str]) -> bool:
    """Whether the documents ``cited`` include one that place ``name`` is the home of (see
    :func:`assistant.sources.home_documents`)."""
    return not cited.isdisjoint(homes.get(base_form(name).lower(), ()))


def with_homes_quoted(
    assessment: Assessment, composition: Composition, homes: Mapping[str, Sequence[str]], base_form: Callable[[str], str] = str
) -> Assessment:
    """A place the decision found never named beside the topic (``Decision.apart``), or in a part's passages, is not
    missing from an answer that quotes the place's own documents (``homes``, see
    :func:`assistant.sources.home_documents`), which seldom repeat its name: Horsens' quality report had read "nævner
    ikke Horsens i den forbindelse" above its own section on weak results. The question is still searched without
    the name (see Assistant.assess): in its own documents the name tells nothing apart, and searched with it, it
    found passages that repeat it and answer less."""
    decision = assessment.decision
    if decision.outcome != "partial":  # a decline stays one: what it lists are the nearest topics, not an answer
        return assessment
    # A slide quoting another source's figures speaks for that source (see with_places_named).
    cited = {c.doc_id for c in _by_whose(composition)[0]}
    # A name among what is missing is one capitalised word (a part's text or an asked detail is lower case or longer).
    named = {*decision.apart, *(item for item in decision.missing if item[:1].isupper() and len(item.split()) == 1)}
    quoted = {name for name in named if _home_cited(name, cited, homes, base_form)}
    if not quoted:
        return assessment
    missing = tuple(item for item in decision.missing if item not in quoted)
    apart = tuple(name for name in decision.apart if name not in quoted)
    return replace(assessment, decision=replace(decision, outcome="partial" if missing else "answer", missing=missing, apart=apart))


def with_speaker_named(assessment: Assessment, composition: Composition) -> Assessment:
    """An answer to a question for someone's view ("Hvad siger Socialstyrelsen om tidlig indsats?") is partial
    when nothing it quotes names them, in its text, its section or case, or its publisher: BUPL and KORA's
    definition was presented as Socialstyrelsen's. A source asked by name speaks through its own documents."""
    decision, analysis = assessment.decision, assessment.analysis
    speaker = attributed_speaker(analysis.text)
    if decision.outcome != "answer" or analysis.is_multi_part or not speaker or any(part.sources for part in analysis.parts):
        return assessment
    cited = " ".join(f"{c.municipality} {c.section} {c.publisher} {c.title}" for c in composition.book.citations())
    if names(f"{composition.short_answer} {cited}", speaker):
        return assessment
    return replace(assessment, decision=lacking_here(decision, (speaker,)))


def lacking_here(decision: Decision, names: Sequence[str], base_form: Callable[[str], str] = str) -> Decision:
    """``decision`` as a partial answer that lacks ``names``, each once in its ``base_form`` ("Odenses" -> "Odense"),
    "i den forbindelse": the documents use them, only never beside what is asked (see :func:`assistant.lead_in.partial_lead_in`)."""
    lacking = tuple(dict.fromkeys(base_form(name) for name in names))
    return replace(decision, outcome="partial", missing=(*decision.missing, *lacking), apart=(*decision.apart, *lacking))


# "Hvilken kommune ...?", "Hvilke kommuner ...?"; and a municipality as the documents name one ("Gladsaxe Kommune",
# "Københavns Kommune", a case's "(Vordingborg, Assens, Haderslev, Norddjurs og Viborg Kommuner)").
_MUNICIPALITY_ASKED = re.compile(r"\bhvilke(?:n)? kommuner?\b", re.IGNORECASE)


_MUNICIPALITY_NAMED = re.compile(rf"\b{NAME_WORD} [Kk]ommuner?\b")


def with_municipality_shown(assessment: Assessment, composition: Composition) -> Assessment:
    """An answer to a question for which municipality or municipalities do something is partial when its short
    answer names none: "Hvilke kommuner bruger Marte Meo?" read "Kort svar fra dokumenterne" above a list of
    approaches to working with parents, one of them Marte Meo, from no municipality. A name the question does
    not use counts as one: the documents list municipalities without the word ("10 kommuner (Furesø, Kolding, ...)")."""
    decision, analysis = assessment.decision, assessment.analysis
    if decision.outcome != "answer" or analysis.is_concern or analysis.is_multi_part or not _MUNICIPALITY_ASKED.search(analysis.text):
        return assessment
    asked = {word.lower() for word in words(analysis.text)}
    named = (name for name in proper_nouns(plain_markdown(composition.short_answer)) if name.lower() not in asked)
    # A case example the short answer quotes is named with its municipality, in its heading or the lead-in.
    if composition.cases or _MUNICIPALITY_NAMED.search(composition.short_answer) or any(named):
        return assessment
    return replace(assessment, decision=replace(decision, outcome="partial", missing=(*decision.missing, analysis.text)))


# A question about the country as a whole, not one municipality.
_NATIONAL = re.compile(r"\bpå landsplan\b|\bi hele landet\b|\blandsgennemsnit\w*|\balle landets kommuner\b", re.IGNORECASE)


WHOLE_COUNTRY = "hele landet"  # what a partial answer lacks when only a municipality's case answers (see assistant.lead_in)


def with_scope_checked(assessment: Assessment, composition: Composition) -> Assessment:
    """An answer to a question about the whole country that opens with one municipality's case example is
    partial: "Hvor lang er den gennemsnitlige sagsbehandlingstid for børnefaglige undersøgelser på
    landsplan?" got Varde's "61 pct. inden for to mdr." under "Dokumenterne beskriver et kommunalt eksempel"."""
    decision, analysis = assessment.decision, assessment.analysis
    if decision.outcome != "answer" or analysis.is_concern or composition.opening_case is None or not _NATIONAL.search(analysis.text):
        return assessment
    return replace(assessment, decision=replace(decision, outcome="partial", missing=(*decision.missing, WHOLE_COUNTRY)))


# The share of a question's (IDF-weighted) topic terms that is all of them (see with_answer_found).
FULL_COVERAGE = 0.999


def with_answer_found(statistics: RelevanceScorer, assessment: Assessment, scored: Sequence[ScoredUnit]) -> Assessment:
    """A question judged weak is answered when a unit of the sources it asks holds its answer outright:
    - for a point of a list asked by its number, that point of a list its passage says is the one asked
      about (:func:`is_named_point`: "Hvad er trin 4 i handleguiden?");
    - for what a term means, a unit that opens with the term and says what it is (:func:`defines`);
    - for a list asked by its count and the word it counts, an item of a list whose lead-in announces both
      (:func:`_counts_asked_list`);
    - for a figure, a time, a place or a role (TYPED_PARTS), a unit holding one with every word of the
      topic, in its text, its header or its headings.
    The classifier weighs how much the best units resemble the question, which short units resemble little:
    "Hvem er ansvarlig for overleveringsmødet?" read "svarer måske ikke direkte" above an organisation's table
    row "Overleveringsmøde | Leder | 15. marts" under "Opgave | Ansvarlig | Frist", and "Hvad forstår
    Hedensted ved en incitamentsmodel for specialundervisning?" above three other budget models, though a
    slide says "Incitamentsmodel = Et regnskab for almen skole/SFO inkl. betaling for elever i
    specialtilbud" (the field it is asked in is in no passage with the term)."""
    decision, analysis = assessment.decision, assessment.analysis
    weak = decision.outcome == "partial" and decision.missing == (analysis.text,)
    if not weak or analysis.is_concern or analysis.is_multi_part:
        return assessment
    asked = [unit for unit in scored if unit.part_scores[0] > 0]  # 0: another source's
    point, term, listed = asked_point(analysis.text), defined_term(analysis.text), asked_list(analysis.text)
    about = point_topic(analysis.text) if point is not None else frozenset()
    topic = [t for t in analysis.terms if t not in detail_terms()]
    # Who sits in a forum or a team is answered by the likeliest unit's passage naming its members: "Faste deltagere er
    # en PPR-psykolog, en socialrådgiver ..., en sundhedsplejerske og en dagtilbudskonsulent." shares no word with
    # "Hvem er det egentlig, der sidder i det forum, hvor man kan tage et barn op uden at sige navnet?".
    members = analysis.answer_type == "person" and asks_several(analysis.text) and bool(asked)
    own = max(asked, key=lambda unit: unit.part_scores[0]).hit.passage.chunk_id if members else ""

    def holds_answer(unit: ScoredUnit) -> bool:
        if members and unit.hit.passage.chunk_id == own and lists_professions(unit):
            return True
        if point is not None:
            return is_named_point(unit, point, about)
        if term is not None:
            return defines(unit.unit.text, term)
        if listed is not None and unit.unit.kind == "list_item" and _counts_asked_list(shown_lead_in(unit.unit), *listed):
            return True
        if analysis.answer_type not in TYPED_PARTS or not unit.holds_expected_answer(0):
            return False
        return statistics.coverage(topic, f"{unit.unit.search_text} {unit.hit.passage.context}") >= FULL_COVERAGE

    if not topic or not any(holds_answer(unit) for unit in asked):
        return assessment
    return replace(assessment, decision=replace(decision, outcome="answer", missing=()))


def _counts_asked_list(lead_in: str, count: int, counted: str) -> bool:
    """Whether a list's lead-in announces the very list a question asks for: the count and the word it counts ("den
    skal se på fire overordnede temaer:" for "Hvilke fire temaer skal Trivselskommissionen se på?", which had read
    "svarer måske ikke direkte" above the four themes)."""
    return named_count(lead_in) == count and stem(counted) in {stem(word.lower()) for word in counted_words(lead_in)}


def with_definition_checked(assessment: Assessment, composition: Composition, scored: Sequence[ScoredUnit]) -> Assessment:
    """A question for what a term means (:func:`defined_term`) whose short answer names the term without
    saying what it is (:func:`explains`), nor does any unit of the passages found, is a partial answer that
    says so: "Hvad er ICS-metoden?" was answered by "Arbejdsgangen ... er stærkt systematiseret efter
    ICS-metoden." alone, under "Kort svar fra dokumenterne". The term is added to what is missing, and the
    lead-in names it. So does a partial answer on weak evidence: "Hvad er Trivselskommissionen?" read "... svarer
    måske ikke direkte ..." above the slide that only lists "Trivselskommission (2023)"."""
    decision, analysis = assessment.decision, assessment.analysis
    weak = decision.outcome == "partial" and decision.missing == (analysis.text,)
    if not (decision.outcome == "answer" or weak) or analysis.is_concern or analysis.is_multi_part:
        return assessment
    term = defined_term(analysis.text)
    if term is None or explains(_plain_short_answer(composition), term) is not False:
        return assessment
    if any(explains(s.unit.text, term) for s in scored):
        return assessment
    return replace(assessment, decision=replace(decision, outcome="partial", missing=(term,) if weak else (*decision.missing, term)))


def with_labels_checked(assessment: Assessment, composition: Composition) -> Assessment:
    """An answer whose short answer states nothing about a part, only quoting a diagram's labels (see
    :attr:`Composition.unstated_parts`), does not answer that part: a question of one part is a partial answer
    that may not answer it directly, another part is named as perhaps not answered. "Hvad siger materialet om
    balancen mellem individorienterede og fællesskabsorienterede indsatser?" read "Kort svar fra dokumenterne:"
    above five of a slide's boxes ("Særlig støtte og PPR", "Forebyggende indsatser", ...), and "Hvad er
    indsatstrappen, og hvordan bruger Hedensted den?" above Hedensted's diagram labels as its way of using it."""
    decision, analysis = assessment.decision, assessment.analysis
    if decision.outcome != "answer" or analysis.is_concern or not composition.unstated_parts:
        return assessment
    if not composition.stated_parts:
        return replace(assessment, decision=replace(decision, outcome="partial", missing=(analysis.text,)))
    if not analysis.is_multi_part:
        return assessment  # the composer's parts are the sections a question names, and one of them is stated
    parts = composition.unstated_parts
    missing = tuple(analysis.parts[n].text.rstrip("?") for n in parts)
    labelled = replace(decision, outcome="partial", missing=missing, uncovered_parts=parts, labelled_parts=parts)
    return replace(assessment, decision=labelled)


def with_detail_shown(answerability: Answerability, assessment: Assessment, composition: Composition) -> Assessment:
    """A partial answer does not say the documents lack the asked period or sum when its short answer quotes
    one: "Hvor lang tid varer det?" after "Hvad tilbyder Slagelse unge med angst?" read "… men de nævner ikke
    varigheden" above "Tilbuddet er et 22 ugers forløb …", whose sentence names no topic word (the one before
    it does), so the detail check found no unit holding both; "Hvad sparede de?" after "Hvad er
    Sverigesprojektet?" read "… nævner ikke beløbet" above "... en nettobesparelse på 2,5 mio. kr. i 2016".
    The answer stays partial when the classifier judged the evidence weak, and is an answer when it did not: "Hver
    skole udpeger en fraværskoordinator, som har 3 timer om ugen til opgaven." had read "svarer måske ikke direkte"
    above it, for "Hvor mange timer om ugen skal den medarbejder, der holder styr på fraværet ..., have afsat?" (no
    unit held "fravær" beside the hours: the sentence says "fraværskoordinator"). Only a period or a sum written in
    kroner (see :func:`quotes_detail`): a count's figure may count something else ("2-6 år og deres familier")."""
    decision, detail = assessment.decision, assessment.analysis.detail
    if decision.outcome != "partial" or detail is None or detail.phrase not in decision.missing:
        return assessment
    # A count of the asked thing is missing only for a name the documents never use beside it (``apart``): "…
    # nævner ikke antallet af pluspladser og nævner ikke Aarhus" stood above "Der er 500 pluspladser …"
    # (Copenhagen's).
    def shows(sentence: str) -> bool:
        return quotes_detail(sentence, detail) or (bool(decision.apart) and counts_right_there(sentence, detail))

    plain = _plain_short_answer(composition)
    counted = _counts_asked_topic(plain, assessment.analysis)
    if not (counted or any(shows(sentence) for sentence in split_sentences(plain))):
        return assessment
    missing = tuple(m for m in decision.missing if m != detail.phrase)
    if counted and not missing:  # the asked thing counted beside its topic: the answer itself
        return replace(assessment, decision=replace(decision, outcome="answer", missing=()))
    missing = answerability.or_weak(missing, decision.probability, assessment.analysis)
    return replace(assessment, decision=replace(decision, outcome="partial" if missing else "answer", missing=missing))


def with_detail_checked(assessment: Assessment, composition: Composition) -> Assessment:
    """An answer to a question for a figure (a count, a share, a sum or a period) whose short answer holds no
    figure of that kind (:func:`holds_detail`) is a partial answer that names the figure as missing: "Hvor mange
    børn i dagtilbud er i udsatte positioner?" was answered "Kort svar" with "... langt de fleste 0-5-årige børn
    i udsatte positioner i dag går i almene dagtilbud" (an age range counts nothing), and "Hvor mange
    institutioner har det?" after "Hvad er socialrådgivere i dagtilbud?" with "de mest belastede
    daginstitutioner". The retrieval's check had found a count beside the topic's words ("Mere end 8 ud af 10
    dagtilbudschefer vurderer, at flere børn ..."), which the composer rightly did not quote."""
    detail = assessment.analysis.detail
    if detail is None:
        return assessment
    return _unless_told(assessment, composition, True, lambda piece: holds_detail(piece, detail), detail.phrase)


# A question for what came of something: its results, effects, or whether it worked.
# Not how something works ("Hvordan virker Børnelinealen?"), nor what works ("Hvad virker?"), which ask for a method.
# So is one for what an evaluation showed: "Hvad viste midtvejsevalueringen af TIT-teamene?", "Hvad konkluderede VIA
# University College i deres evaluering af modellen?".
_RESULTS_ASKED = re.compile(
    r"\b(?:resultat\w*|effekt\w*|kom der ud af)|(?<!hvordan )\bvirke(?:r|de) (?:det|den|de)\b|\bhar (?:det|den|de) virket\b"
    r"|\bhvad (?:viste|viser|konkluderede|konkluderer|fandt) (?:[\w-]+ ){0,6}?[\w-]*(?:evaluering|vurdering|undersøgelse|måling)\w*",
    re.IGNORECASE,
)
# An evaluation still to come: "... og evalueringen forventes færdig i efteråret 2025", "I efteråret 2025 gennemføres en
# ekstern midtvejsevaluering", "Modellen evalueres først i foråret 2026". It names the evaluation, not what it found.
_PLANNED = re.compile(r"\b(?:forventes|skal|vil|planlagt\w*|planlægges|gennemføres|evalueres|påbegyndes)\b", re.IGNORECASE)
_EVALUATION_WORD = re.compile(r"\b[\w-]*(?:evaluering|evalueres)\w*", re.IGNORECASE)


def with_results_checked(assessment: Assessment, composition: Composition) -> Assessment:
    """An answer to a question for what came of something whose short answer tells no result (no sentence with
    a result cue, :data:`assistant.analysis.RESULT_CUES`) is a partial answer that says the results are missing:
    "Hvilke resultater har Odense Kommune fået med case-manager-modellen?" read "Dokumenterne beskriver et
    kommunalt eksempel" above Odense's case, which tells how the model works and that it "har kørt i et lille år",
    no result, as if that were the answer."""
    asked = _RESULTS_ASKED.search(assessment.analysis.text) is not None
    planned = any(_PLANNED.search(s) and _EVALUATION_WORD.search(s) for s in split_sentences(_plain_short_answer(composition)))
    tells = _tells_results_beside_a_plan if planned else _tells_results
    return _unless_told(assessment, composition, asked, tells, render("missing_results"))


def _tells_results(text: str) -> bool:
    return RESULT_CUES.search(text) is not None


def _tells_results_beside_a_plan(text: str) -> bool:
    """:func:`_tells_results` where the short answer names an evaluation still to come: its word is then no result
    ("På baggrund af evalueringen kan Byrådet ... beslutte at omprioritere midlerne" tells none)."""
    return _tells_results(_EVALUATION_WORD.sub(" ", text))


def with_time_checked(assessment: Assessment, composition: Composition) -> Assessment:
    """An answer to a question for when something happened whose short answer tells no time (no sentence with a
    year, a month, a span of time or an age, :func:`assistant.analysis.holds_answer_type`) is a partial answer
    that says when is missing: "Hvilket år begyndte Helsingør Kommune at bruge Børnelinealen?" read "Kort svar"
    above "I Helsingør Kommune er der gode erfaringer med at anvende Børnelinealen ...", which gives no year."""
    asked = assessment.analysis.answer_type == "time"
    return _unless_told(assessment, composition, asked, _tells_time, render("missing_time"), passages_checked=True)


def _tells_time(text: str) -> bool:
    return holds_answer_type(text, "time")


def _quoted_passages_tell(composition: Composition, tells: Callable[[str], bool]) -> bool:
    """Whether a sentence of a passage the short answer quotes ``tells`` what was asked, quoted or not: then the
    documents say it, and what the short answer lacks is no absence to name. "… og regnet på hvornår det tjener sig
    hjem?" quoted Copenhagen's case on its extra costs, whose passage goes on "… omkostningsneutral i 2018 …"."""
    quoted = {int(number) for number in MARKER.findall(composition.short_answer)}
    passages = (citation.passage for citation in composition.book.citations() if citation.number in quoted)
    return any(tells(sentence) for passage in passages for sentence in split_sentences(passage))


def _unless_told(
    assessment: Assessment,
    composition: Composition,
    asked: bool,
    tells: Callable[[str], bool],
    missing: str,
    passages_checked: bool = False,
) -> Assessment:
    """``assessment``, or a partial answer that names ``missing`` when a one-part question that ``asked`` for it (not
    a worry) got a short answer none of whose sentences or blocks (a table's header says what its figures count)
    ``tells`` it. Also in place of a partial answer's "svarer måske ikke direkte" (its missing item the question
    itself): "Hvor mange procent af børnene, der har været i Familiestuen i Frederikshavn, fik det bedre bagefter?"
    above Familiestuen's description says "men de nævner ikke andelen", what the documents lack. That weak answer,
    and with ``passages_checked`` any answer, names nothing missing that a passage the short answer quotes may tell
    (see :func:`_quoted_passages_tell`)."""
    decision, analysis = assessment.decision, assessment.analysis
    weak = decision.outcome == "partial" and decision.missing == (analysis.text,)
    if not asked or not (decision.outcome == "answer" or weak) or analysis.is_concern or analysis.is_multi_part:
        return assessment
    plain = _plain_short_answer(composition)
    if any(tells(piece) for piece in (*split_sentences(plain), *plain.split("\n\n"))):
        return assessment
    if (weak or passages_checked) and _quoted_passages_tell(composition, tells):
        return assessment  # its passages may hold it: no absence to name
    return replace(assessment, decision=replace(decision, outcome="partial", missing=(missing,)))


# Children of an age as a group a question counts or asks about: "unge på 17 år og derover", "de 3-5-årige".
_AGE_GROUP = re.compile(r"\b(?:børn|unge|elever|drenge|piger)(?:ne)? (?:på|i alderen) \d|\b\d+(?:-\d+)?-årige\b", re.IGNORECASE)


def with_ages_shown(assessment: Assessment, composition: Composition) -> Assessment:
    """An answer to a question about children of an asked age (:func:`assistant.analysis.asked_ages`) whose short
    answer speaks of children's ages, none of them the asked one, is a partial answer that names the age missing:
    "Hvor mange ord skal et barn på 5 år cirka kunne ifølge PPR's vejledning?" read "Kort svar" above a table of
    milestones from "0-12 måneder" to "3-4 år". A short answer that speaks of no age says nothing either way. Not a
    worry: there the child's age says who the child is, and the guidance holds for any. On train and the sets `a`
    and `b` every answerable question with an asked age got an answer speaking of it or of no age."""
    decision, analysis = assessment.decision, assessment.analysis
    asked = asked_ages(analysis.text)
    if decision.outcome != "answer" or analysis.is_concern or not asked:
        return assessment
    # A short answer that speaks of no age is read with the best passages when a group is asked by age: "Hvor mange
    # unge på 17 år og derover blev henvist ...?" had got "Kort svar" above a count of family courses, while the annual
    # report's referrals by age stop at "13-16 år".
    # A follow-up asks in its own words, and a child's age tells who the child is ("deres søn på 8 år"), not a group.
    told = told_ages(_plain_short_answer(composition))
    if not told and _AGE_GROUP.search(analysis.own_words):
        told = told_ages(" ".join(h.passage.text for h in assessment.hits[:TOP_PASSAGES]))
    if not told or any(low <= last and first <= high for low, high in asked for first, last in told):
        return assessment
    closed = [f"{low}-{high}" if low != high else str(low) for low, high in asked if high != OLDEST]
    missing = render("missing_age", ages=join_danish(closed)) if closed else f"{render('missing_age', ages=str(asked[0][0]))} og derover"
    return replace(assessment, decision=replace(decision, outcome="partial", missing=(missing,)))


def with_asked_year_shown(assessment: Assessment, composition: Composition) -> Assessment:
    """An answer to a question for a figure in an asked year whose short answer gives the figure only beside other
    years is a partial answer that names the figure in that year missing: "Hvor mange underretninger fik Tønder
    Kommune i 2024?" read "Kort svar" above "I 2023 modtog Familieafdelingen 1.287 underretninger ...". The
    decision's own check (``Answerability.same_unit_detail``) reads the units the retrieval found, one of which
    counted beside 2024 ("siden januar 2024 ... inden for 3 uger"); this one reads what the short answer quotes. A
    figure told with no year says nothing either way (a report's own year; a table row under a header of years), nor
    does a year that dates a document the question names ("oversigten fra 2024"). Not a worry, nor a question of
    several parts (each may ask its own year)."""
    decision, analysis, detail = assessment.decision, assessment.analysis, assessment.analysis.detail
    dated = set(document_years(analysis.text))
    years = [year for year in asked_years(analysis.own_words) if year not in dated]
    if decision.outcome != "answer" or analysis.is_concern or analysis.is_multi_part or detail is None or not years:
        return assessment
    lines = _plain_short_answer(composition).splitlines()
    giving = [sentence for line in lines for sentence in split_sentences(line) if _gives_detail(sentence, detail)]
    told = [_years_told(sentence) for sentence in giving]
    in_tables = _years_told(" ".join(line for line in lines if line.startswith("|")))  # a header of years
    if not giving or not all(told) or any(set(years) & found for found in (*told, in_tables)):
        return assessment
    return replace(assessment, decision=replace(decision, outcome="partial", missing=(_detail_in(detail, years),)))


# A span of years: "2024-2027", "2024–2027".
_YEAR_SPAN = re.compile(rf"({YEAR.pattern})\s*[-–]\s*({YEAR.pattern})")


def _years_told(text: str) -> set[str]:
    """The years a text tells of: those it names and those inside a span it names ("Budget for indsatserne 2024-2027"
    tells of 2026)."""
    spans = (range(int(m.group(1)), int(m.group(2)) + 1) for m in _YEAR_SPAN.finditer(text))
    return set(YEAR.findall(text)) | {str(year) for span in spans for year in span}


# Where children are: a day care setting or a school, as a question and a document name them. A setting's words,
# and the name a missing one is given ("de nævner ikke børnehaver").
_SETTINGS = {
    "daycare": (re.compile(r"\b(?:børnehave|vuggestue|dagpleje|dagtilbud|daginstitution|småbørn)\w*", re.IGNORECASE), "dagtilbud"),
    # Not "lærer" alone: it is also the verb ("Hvad lærer man på kurset?").
    "school": (re.compile(r"\b(?:skole|elev|indskoling|klasse|sfo)\w*|\blærer(?:e|en|ne)\b", re.IGNORECASE), "skoler"),
}


def with_setting_checked(assessment: Assessment, composition: Composition) -> Assessment:
    """An answer to a question about children in one setting (day care or school) whose short answer speaks only
    of the other is a partial answer that names the asked setting missing: "Hvornår er fraværet bekymrende for børn
    i børnehaven i Næstved?" read "Kort svar" above Næstved's rule for pupils' absence from school. A question that
    names both, or a short answer that names the asked one too, says nothing either way. Not a worry: the
    guidance holds in either setting."""
    decision, analysis = assessment.decision, assessment.analysis
    if decision.outcome != "answer" or analysis.is_concern:
        return assessment
    # A follow-up asks in its own words (its focus): "Og hvilken aldersgruppe er vokset mest?" after a count of the
    # day care's referrals asks about every age group, and had read "nævner ikke dagtilbud" above the age table.
    asked = [kind for kind, (words, _) in _SETTINGS.items() if words.search(analysis.own_words)]
    if len(asked) != 1:
        return assessment
    plain = _plain_short_answer(composition)
    named = {kind for kind, (words, _) in _SETTINGS.items() if words.search(plain)}
    if named != set(_SETTINGS) - set(asked):
        return assessment
    return replace(assessment, decision=replace(decision, outcome="partial", missing=(_SETTINGS[asked[0]][1],)))


def with_place_figures_checked(assessment: Assessment, composition: Composition) -> Assessment:
    """An answer to a question for a figure of a place it names, whose short answer gives the asked figure only as
    research in general finds it (:func:`tidlig.text.cites_research`), is partial, naming the place's own figure
    missing: "Hvor mange børn i Favrskov Kommune har fået konstateret DLD?" read "Kort svar" above PPR Favrskov's
    "Internationale undersøgelser viser, at ca. 7 % af alle børn har DLD", which is no count of Favrskov's children.
    The guide is Favrskov's own, so the place is found and no other check names it missing."""
    decision, analysis = assessment.decision, assessment.analysis
    detail, places = analysis.detail, asked_places(analysis.text)
    if decision.outcome != "answer" or analysis.is_concern or analysis.is_multi_part or detail is None or not places:
        return assessment
    lines = (line for line in _plain_short_answer(composition).splitlines() if not is_bold_heading(line))
    figures = [sentence for line in lines for sentence in split_sentences(line) if _gives_detail(sentence, detail)]
    if not figures or not all(map(cites_research, figures)):
        return assessment
    missing = render("missing_place_figure", place=join_danish(list(places)))
    return replace(assessment, decision=replace(decision, outcome="partial", missing=(*decision.missing, missing)))


def with_years_shown(assessment: Assessment, composition: Composition) -> Assessment:
    """A partial answer that lacks an asked detail in an asked year its short answer quotes says so as one:
    "nævner ikke antallet af elever i 2022", not "har ingen oplysninger om 2022 og nævner ikke antallet af
    elever" above a table whose 2022 row counts something else, nor "har ingen oplysninger om 2024" above
    "I 2024 fik … 6 procent en særlig indsats" for "Hvor mange treårige havde behov for en særlig indsats i
    2024?" (the year lacked only the detail beside the asked words). Without a detail asked, a year the short answer
    names is not lacking: a follow-up's year is its history's ("Og hvordan fordelte de sig på de tre distrikter?"
    after a count in 2023), and "har ingen oplysninger om 2023" had stood above "I september-november 2023 blev alle
    5-årige tilbudt ...". Nothing else lacking, the answer may not answer the question directly."""
    decision, detail = assessment.decision, assessment.analysis.detail
    if decision.outcome != "partial":
        return assessment
    plain = plain_markdown(composition.short_answer)
    if detail is None:
        named = _years_told(plain)
        kept = tuple(item for item in decision.missing if item not in named)
        if kept == decision.missing or assessment.analysis.is_concern:
            return assessment
        # Nothing named missing but what it quotes: the question itself may be what the documents do not answer.
        return replace(assessment, decision=replace(decision, missing=kept or (assessment.analysis.text,)))
    # Without the detail named missing, only a year quoted beside a figure of the asked kind: a title slide's
    # "KKR konference 2021" tells nothing of "Og hvor mange var der i 2021?".
    sources = [plain] if detail.phrase in decision.missing else [s for s in split_sentences(plain) if _gives_detail(s, detail)]
    quoted = {year for text in sources for year in YEAR.findall(text)}
    years = [item for item in decision.missing if item in quoted]
    if not years:
        return assessment
    joined = _detail_in(detail, years)
    missing = (joined if item in (*years, detail.phrase) else item for item in decision.missing)
    return replace(assessment, decision=replace(decision, missing=tuple(dict.fromkeys(missing))))


def _detail_in(detail: AskedDetail, years: Sequence[str]) -> str:
    """What a partial answer lacks when it lacks the asked detail in the asked years: "antallet af underretninger i
    2024"."""
    return f"{detail.phrase} i {join_danish(years)}"


def _gives_detail(sentence: str, detail: AskedDetail) -> bool:
    """Whether a sentence gives the asked detail: a count right beside what it counts, any other figure of its kind."""
    return counts_right_there(sentence, detail) if detail.kind == "count" else holds_detail(sentence, detail)


def _plain_short_answer(composition: Composition) -> str:
    """The short answer as plain text without its citation markers, as the checks on what it says read it."""
    return MARKER.sub("", plain_markdown(composition.short_answer))


def _counts_asked_topic(plain: str, analysis: QuestionAnalysis) -> bool:
    """Whether a paragraph of a short answer (or a title with the table under it) counts the asked thing right
    there (see :func:`counts_right_there`; a counting table's title or header names it) and holds at least
    half of the asked topic's other words: "Hvor mange elever er blevet tilbageført fra specialklasse til
    almenklasse i Hedensted?" read "nævner ikke antallet af elever" above "Antal elever tilbageført fra special-
    til almenklasse" and its table by year, and "Hvor mange kommuner bruger socioøkonomiske fordelingsmodeller
    …?" above "Hvor mange kommuner bruger socioøkonomisk ressourcefordeling?" and "42 procent af kommunerne …".
    Not "6,8 børn pr. voksen" for "Hvad er minimumsnormeringen i daginstitutioner – hvor mange børn pr. voksen?",
    nor Danish children with a diagnosis ("57.100 børn og unge") for "Hvor mange udsatte børn er der i Danmark?"."""
    detail = analysis.detail
    if detail is None or detail.kind != "count" or not detail.counted:
        return False
    named = {term for name in analysis.names for term in content_terms(name)}  # where, not what is counted
    topic = set(analysis.terms) - set(content_terms(detail.counted)) - detail_terms() - named
    paragraphs = plain.split("\n\n")
    titled_tables = ("\n".join(pair) for pair in itertools.pairwise(paragraphs) if pair[1].startswith("|"))
    pieces = [*paragraphs, *titled_tables]

    def counts(piece: str) -> bool:
        return counts_right_there(piece, detail) or table_counts_asked(piece, detail)

    def covers(piece: str) -> bool:
        return 2 * len(topic & compound_heads(topic, frozenset(content_terms(piece)))) >= len(topic)

    return bool(topic) and any(counts(piece) and covers(piece) for piece in pieces)
