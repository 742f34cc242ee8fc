"""A concern answer's guidance topics: what the documents advise whenever a pedagogue worries about a child.

The topics are lines of prompts/concern_topics.txt ("label: query", optionally " | <marker>"); each is
retrieved on its own and shown under its label (see ``assistant.pipeline``). This module reads them and
decides which a worry asks for (:func:`asked_guidance`) and in what order they are shown
(:func:`guidance_order`).

Example::

    worry = "Kan vi sparre med nogen, når vi er urolige for en pige?"
    [guidance_parts()[n].label for n in asked_guidance(worry)]  # ["Sparring om bekymringen"]
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from typing import cast, get_args

from assistant.analysis import (
    AnswerType,
    QuestionPart,
    answer_type,
    asks_what_to_do,
    asks_what_to_notice,
    is_worry_word,
    its_questions,
    names_parent,
    voices_harm,
)
from assistant.compose import MIN_TOPIC_STEM, TOPIC_COVERAGE, names_topic
from assistant.relevance import RelevanceScorer
from index import ScoredPassage
from ingest.types import search_text
from prompts import load
from tidlig.text import STOP, addresses_reader, content_terms, stem, words

__all__ = [
    "asked_guidance", "concern_topics", "guidance_order", "guidance_parts", "harm_topics", "parent_topics", "prefer_staff_guide",
    "sign_topics", "within_topics",
]

# The marker of a guidance topic that tells what to look for (see sign_topics).
_SIGNS = "signs"
# The marker of a guidance topic that involves the parents (see parent_topics).
_PARENTS = "parents"
# The marker of a guidance topic only for a worry that tells of a harm done to the child (see harm_topics).
_HARM = "harm"


def concern_topics() -> list[str]:
    """The queries of the guidance topics a concern answer covers (see :func:`guidance_parts`)."""
    return [part.text for part in guidance_parts()]


@functools.cache
def guidance_parts() -> tuple[QuestionPart, ...]:
    """A concern answer's guidance topics as labelled parts: one "label: query" line each in
    prompts/concern_topics.txt; the label heads the topic's units in the answer. A line may end with
    " | <answer type>", the kind of ask the topic answers ("| person": "Hvem kan vi tale med?" asks for
    sparring), with " | signs" (see :func:`sign_topics`) or with " | parents" (see :func:`parent_topics`); the
    others answer what to do (procedure). Read
    once: every query embedding asks whether its text is a topic (see ``Assistant._embed``)."""
    parts = []
    for label, query, kind in _guidance_lines():
        answers = cast(AnswerType, "procedure" if kind in ("", _SIGNS, _PARENTS, _HARM) else kind)
        if answers not in get_args(AnswerType):  # a misspelt kind would never match an ask
            raise ValueError(f"prompts/concern_topics.txt: {label!r} is marked with an unknown answer type {answers!r}")
        parts.append(QuestionPart(query, answers, tuple(content_terms(query)), label))
    return tuple(parts)


@functools.cache
def sign_topics() -> frozenset[int]:
    """The guidance topics (positions in :func:`guidance_parts`) marked " | signs": they tell what to look
    for, not what to do, so they follow the others when a worry asks what to do (see :func:`guidance_order`)."""
    return _marked(_SIGNS)


@functools.cache
def parent_topics() -> frozenset[int]:
    """The guidance topics (positions in :func:`guidance_parts`) marked " | parents": they involve the child's
    parents, which a worry about a harm done to the child at home does last (see :func:`guidance_order`)."""
    return _marked(_PARENTS)


@functools.cache
def harm_topics() -> frozenset[int]:
    """The guidance topics marked " | harm": what to do at once on a suspicion of violence or abuse, and whether
    the parents may be told. Only a worry that tells of such a harm (:func:`voices_harm`) gets them, first: an
    organisation's guide says "må du ikke tale med forældrene om bekymringen, før lederen har sendt en underretning",
    and "En pige på fire år fortalte mig i dag, at hendes stedfar slår hende. Må jeg spørge mor om det?" had got what
    an underretning holds instead. Under such a topic stand only units that say what to do (see
    ``assistant.compose``): without a guide, the families' risk factors would stand under a heading promising it."""
    return _marked(_HARM)


def _marked(marker: str) -> frozenset[int]:
    """The positions in :func:`guidance_parts` of the topics whose line ends with " | ``marker``"."""
    return frozenset(n for n, (_, _, kind) in enumerate(_guidance_lines()) if kind == marker)


def _guidance_lines() -> list[tuple[str, str, str]]:
    """prompts/concern_topics.txt as (label, query, marker) per topic; the marker is "" where none is set."""
    lines = []
    for line in filter(None, map(str.strip, load("concern_topics").splitlines())):
        label, _, rest = line.partition(": ")
        query, _, kind = rest.partition(" | ")
        lines.append((label, query, kind.strip()))
    return lines


def asked_guidance(question: str) -> tuple[int, ...]:
    """The guidance topics (positions in :func:`guidance_parts`) that a worry asks for by name, and that
    therefore answer it: "Kan jeg få nogen at sparre med, ...?" asks for "Sparring om bekymringen",
    "Forældrene ... holder os på afstand. Hvordan kan vi nå dem?" for "Inddrag forældrene tidligt". A
    label's words that voice the worry itself ("bekymringen") do not count; a question word and a label
    word match when one stem begins the other. A topic also answers the kind of ask it is marked for in
    prompts/concern_topics.txt: "En pige i min gruppe trækker sig, hvem skal jeg tale med?" asks whom to
    involve, which "Sparring om bekymringen" answers. A parent named in what it asks ("Hvordan tager jeg en svær snak
    med en mor om, at hendes søn har det svært?") asks for the topics marked " | parents": that worry had got
    BUPL/KORA's "Uddannelsesforløb med fokus på den svære forældresamtale" last, below sparring and the signs. A
    worry that tells of a harm does not: the parent may be who harms the child (see :func:`guidance_order`)."""
    asked = {s for s in (stem(w) for w in words(question) if not is_worry_word(w)) if len(s) >= MIN_TOPIC_STEM}
    kind = answer_type(question)
    harm = voices_harm(question)
    parent = names_parent(its_questions(question)) and not harm
    # A worry that tells of a harm asks for the parents' topic by no word: "Skal jeg ringe til forældrene og høre, hvad
    # der er sket?" after "far havde slået ham" had opened with BUPL/KORA's approaches to working with parents.
    return tuple(
        number
        for number, (part, stems) in enumerate(zip(guidance_parts(), _guidance_label_stems(), strict=True))
        if not (harm and number in parent_topics())
        and (
            any(a.startswith(n) or n.startswith(a) for a in asked for n in stems)
            or (kind != "procedure" and part.answer_type == kind)
            or (parent and number in parent_topics())
        )
    )


def within_topics(terms: Collection[str], topics: Sequence[int]) -> bool:
    """Whether each of ``terms`` (content terms) is a word of the guidance ``topics``' labels or queries: one
    begins the other, or ends it as the head of a compound ("samarbejd" of "forældresamarbejde"). A worry whose
    situation is all such words tells nothing but the topic it asks for: "Hvordan kan vi samarbejde med forældrene,
    når vi er bekymrede for deres barn?"."""
    words_of = {t for n in topics for t in content_terms(f"{guidance_parts()[n].label} {guidance_parts()[n].text}")}

    def named(term: str) -> bool:
        return len(term) >= MIN_TOPIC_STEM and any(w.startswith(term) or term.startswith(w) or w.endswith(term) for w in words_of)

    return bool(terms) and all(named(term) for term in terms)


def prefer_staff_guide(hits: Sequence[ScoredPassage], topic: int, relevance: RelevanceScorer) -> list[ScoredPassage]:
    """A guidance topic's passages (best first): only those that speak to the reader as "du", name the topic and hold
    TOPIC_COVERAGE of its query's terms (IDF-weighted by ``relevance``, with their headings), when any do, else all.
    Such a passage is an organisation's guide for its staff, which tells the pedagogue what to do where a report
    tells municipalities what works: Faxe's "6. Inddragelse af forældre" ("Forældrene ... skal som udgangspunkt altid
    inddrages, når du er bekymret.") had stood below BUPL/KORA's "Eksempler på tilgange til forældresamarbejde" under
    "Inddrag forældrene tidligt". The bundled documents never address the reader so, and their answers did not
    change; on the organisations' sets `a`-`f` key facts rose on `a`, `d` and `e`, no answer lost one, and most
    concern answers got shorter. A guide that names a topic only in passing ("Tegnene skal altid ses i sammenhæng med
    barnets alder ...") does not take its place: the topic had fallen out of the answer."""
    stems = tuple(sorted(_guidance_label_stems()[topic]))
    terms = guidance_parts()[topic].terms

    def guides(hit: ScoredPassage) -> bool:
        text = hit.passage.text
        return (
            addresses_reader(text)
            and names_topic(text, stems)
            and relevance.coverage(terms, search_text(text, hit.passage.context)) >= TOPIC_COVERAGE
        )

    return [hit for hit in hits if guides(hit)] or list(hits)


@functools.cache
def _guidance_label_stems() -> tuple[frozenset[str], ...]:
    """Per guidance topic, the stems (of at least MIN_TOPIC_STEM characters) of its label's words that name
    it: not their worry words, not stopwords."""
    return tuple(
        frozenset(s for s in (stem(w) for w in words(part.label) if not is_worry_word(w) and w not in STOP) if len(s) >= MIN_TOPIC_STEM)
        for part in guidance_parts()
    )


def guidance_order(
    worry: str, resemblance: Sequence[float], asked: tuple[int, ...], case_only: Collection[int] = ()
) -> tuple[int, ...]:
    """The order of a concern answer's guidance topics: those the worry asks for first (``asked``, see
    :func:`asked_guidance`: they answer it, and come right after what the documents say about its own
    situation), then the others by how much
    the worry resembles their queries (``resemblance``, one figure per topic): "Jeg har skrevet en
    underretning om et barn. Hvad sker der så bagefter?" reads about underretning first, "Et barn ... er
    ofte sygt. Hvad skal jeg være opmærksom på?" about signals. Listed order breaks ties.

    The last listed topic (the underretning) is the step after the others, taken when signals, sparring
    and the parents have not settled the worry: it comes last unless the worry names it ("Jeg har skrevet en
    underretning ..."; its word also voices a worry, so :func:`asked_guidance` leaves it out). A worry that
    tells of a harm done to the child (:func:`voices_harm`: "En dreng fortæller, at far slår ham.") gets it
    first, after only what it asks for: the parents are not the first to involve there. When its topic finds
    only a case example, the harm gets the topics that say whom to involve first instead (marked " | person",
    sparring on whether the worry calls for a report): Varde's intake of reports ("Arbejdsgangen, fra
    Modtagelsen vurderer en underretning ...") had opened the answer to a worry about bruises, telling the
    pedagogue nothing she is to do, while the standing notice names the duty to report. Its
    query resembles most worries (a child, the parents, the municipality), so by resemblance alone it opened
    the answer to "En 3-årig har næsten ikke sagt noget i et halvt år. Hvem kan vi kontakte?"; the standing
    notice names the duty to report in every concern answer.

    The topics that tell what to look for (:func:`sign_topics`) come after those that say what to do when
    the worry asks what to do and not what to look for: the child's signs are what the pedagogue has told,
    and "Risikofaktorer i udsatte familier er fx ... forældrenes misbrug ... vold" had opened the answer to
    "En mor har fortalt mig, at hun ikke kan overskue sine børn. Hvad kan vi tilbyde hende?". A worry that asks
    what to look for gets them first, after only what it asks for by name in a question and a harm's underretning: a
    topic named only in what the worry tells comes after them ("En pige på stuen har forældre, der lige er gået fra
    hinanden ... Hvad skal jeg holde øje med?" had got BUPL/KORA's approaches to working with parents above the
    signs), one named in a question ("Hvordan inddrager vi forældrene?") before.

    A worry that asks whom to talk to (a person) gets no topic on what to look for: it tells the child's signs,
    and the risk factors in families answer neither ("En pige i min gruppe trækker sig, hvem skal jeg tale med?"
    had ended on them). On train and validation no key fact moved; the median howto answer on validation fell
    from 2529 to 2276 characters.

    The underretning is left out when it would come last and its topic finds only a municipality's case
    example (``case_only``: the topics whose best passage is one): Varde's intake of reports ("Arbejdsgangen,
    fra Modtagelsen vurderer en underretning ...") told a pedagogue worried about a child's language nothing she
    is to do, and the standing notice names the duty to report. An organisation's own guide to reporting
    is guidance, and stays."""
    report = len(resemblance) - 1
    named = {stem(w) for w in words(guidance_parts()[report].label)} & {stem(w) for w in words(worry)}
    harm = voices_harm(worry) and report not in asked
    harmed = harm and report not in case_only
    # A harm whose report topic finds only a case example starts with whom to involve, whose sparring weighs the report.
    involve = tuple(n for n, part in enumerate(guidance_parts()) if part.answer_type == "person" and n not in asked)
    # A harm's own guidance opens it; any other worry never gets it.
    first: tuple[int, ...] = tuple(sorted(harm_topics() - set(asked))) if harm else ()
    first += (report,) if harmed else involve if harm else ()
    last = not (harmed or report in asked or named)
    later: tuple[int, ...] = (report,) if last and report not in case_only else ()
    left_out: tuple[int, ...] = (report,) if last and report in case_only else ()
    left_out += () if harm else tuple(sorted(harm_topics() - set(asked)))
    told: tuple[int, ...] = ()  # topics named only in what the worry tells, when it asks what to look for
    if asks_what_to_notice(worry):  # they answer it: "Hvordan kan jeg opdage et barn i mistrivsel tidligt?"
        first += tuple(sorted(sign_topics() - {*asked, *first}))
        in_questions = set(asked_guidance(its_questions(worry)))
        told = tuple(n for n in asked if n not in in_questions and n not in first)
        asked = tuple(n for n in asked if n not in told)
    elif answer_type(worry) == "person" and not harm:
        left_out += tuple(sorted(sign_topics() - {*asked, *first}))
    elif asks_what_to_do(worry):
        later = tuple(sorted(sign_topics() - {*asked, *first, *later})) + later
    if harm:  # the parents may be who harms the child: "Marte Meo" and "Kvindeaftener" had followed sparring on bruises
        later = tuple(sorted(parent_topics() - {*asked, *first, *later})) + later
    placed = asked + first + told + later + left_out
    ranked = sorted((n for n in range(len(resemblance)) if n not in placed), key=lambda n: -resemblance[n])
    return asked + first + told + tuple(ranked) + later
