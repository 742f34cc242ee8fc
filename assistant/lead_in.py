"""The honest first line of a partial answer: what the documents answer, and exactly what they do not.

Example::

    partial_lead_in(decision, analysis, statistics.base_form, statistics.uses_phrase)
    # "Delvist svar: Dokumenterne beskriver Børnelinealen, men de nævner ikke antallet af kommuner. ..."
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from assistant.assessment import Assessment
from assistant.outcome import WHOLE_COUNTRY
from assistant.analysis import (
    QuestionAnalysis,
    defined_term,
)
from assistant.answerability import Decision
from assistant.types import Citation
from assistant.verify import MARKER
from assistant.evidence import (
    TYPED_PARTS,
)
from assistant.sources import name_terms, names, publishing_municipality
from prompts import render
from tidlig.text import (
    inert_markdown,
    join_danish,
    joins_names,
    linked_names,
    name_phrases,
    split_sentences,
    whole_name,
)


__all__ = ["guidance_only", "partial_lead_in", "quoted_places"]


def guidance_only(assessment: Assessment) -> bool:
    """A concern question whose own situation the documents do not cover: their guidance for a worry
    about a child is the answer, under its own lead-in."""
    decision, analysis = assessment.decision, assessment.analysis
    return analysis.is_concern and decision.outcome == "partial" and decision.missing == (analysis.text,)


def partial_lead_in(
    decision: Decision,
    analysis: QuestionAnalysis,
    base_form: Callable[[str], str] = str,
    uses_phrase: Callable[[str], bool] = lambda phrase: True,
    shown_places: Sequence[str] = (),
    shown_parts: Collection[int] | None = None,
) -> str:
    """The first line of a partial answer, saying exactly what the documents do not cover:
    "Delvist svar: Dokumenterne svarer på »Hvad er VIBUS?«, men ikke på »Hvad skal den lave?«.".
    A name the question gives is shown in its ``base_form`` (see :meth:`RelevanceScorer.base_form`); names a
    small word links are one name only when the documents write them so (``uses_phrase``): "Familie med
    Hjerte" is one, "Hvad gjorde Lolland med Toftegård?" names two. When a name is missing beside the topic,
    the places the short answer's passages are from (``shown_places``, see :func:`quoted_places`) are named:
    "nævner ikke Aarhus i den forbindelse. Her er det, de siger om Københavns Kommune:", where "Der er 500
    pluspladser … fordelt over hele byen" had followed as if it were Aarhus'."""
    if (term := defined_term(analysis.text)) is not None and term in decision.missing:
        return render("lead_in_partial_definition", term=inert_markdown(term))
    uncovered = [analysis.parts[n] for n in decision.uncovered_parts]
    if uncovered:
        # A part is said to be answered only when the answer shows what it asks about (``shown_parts``): "svarer på
        # »Hvad viser effektmålingen?«" had stood above Familiestuen's description, which tells of no effect.
        credited = [n for n in range(len(analysis.parts)) if n not in decision.uncovered_parts]
        answered = [analysis.parts[n] for n in credited if shown_parts is None or n in shown_parts]
        surely = _surely_uncovered(decision, analysis)
        missing = inert_markdown(join_danish([_quoted(p.text) for p in uncovered]))
        if not answered:  # what the documents seemed to answer is not shown either: it may be missing too
            every = inert_markdown(join_danish([_quoted(p.text) for p in analysis.parts]))
            return render("lead_in_partial_parts_none", missing=every, maybe="" if surely and not credited else "måske ")
        return render(
            "lead_in_partial_parts" if surely else "lead_in_partial_parts_unsure",
            answered=inert_markdown(join_danish([_quoted(p.text) for p in answered])),
            missing=missing,
        )
    # A name the short answer's own passages are from is no name the documents lack here: "… nævner ikke Odense i den
    # forbindelse. Her er det, de siger om Odense Kommune:" stood above Odense's case.
    shown = {name for name in decision.apart if any(names(place, name) for place in shown_places)}
    lacking = [item for item in decision.missing if item not in shown] or list(decision.missing)
    lacks = _lacks(lacking, analysis, decision)
    covered = [base_form(name) for name in _covered_names(decision, analysis, uses_phrase, base_form)]
    elsewhere = [place for place in shown_places if not any(names(place, name) for name in decision.apart)] if decision.apart else []
    about = f" om {inert_markdown(join_danish(elsewhere))}" if elsewhere else ""
    if covered:
        return render("lead_in_partial", covered=inert_markdown(join_danish(covered)), missing=join_danish(lacks), about=about)
    if analysis.text not in decision.missing:
        # Only specifics lack (a price, a year): the topic is covered, so "det nærmeste" would undersell it.
        return render("lead_in_partial_detail", missing=join_danish(lacks), about=about)
    return render("lead_in_partial_uncovered", missing=join_danish(lacks), about=about)


def _surely_uncovered(decision: Decision, analysis: QuestionAnalysis) -> bool:
    """Whether the documents surely do not answer the uncovered parts: each asks about a name no passage on
    its topic holds, for a figure, a time, a place or a role of which no shown unit holds one (a part's likeliest
    unit that does is credited, see :func:`assistant.evidence.shown_typed_parts`), or a named source about a topic of its own
    that the source's passages do not answer ("hvad gør Hedensted med tandplejen?"). A part judged only by how
    little its few words resemble the evidence may be answered all the same: "og hvordan gik det?" after
    Lolland's closed institution stood above "I dag er Toftegård et tilbud, hvor magtanvendelser er
    undtagelsen", and "Hvad gør København?" after "Hvad anbefaler KL om sprog" above Copenhagen's sprogindsats. Nor
    is a source's part whose short answer quotes only the source's diagram labels (``labelled_parts``): Hedensted's
    "Indsatstrappe for arbejdet m mellemformer" over its labels says nothing of how it uses the ladder, but that it
    has one."""
    parts = analysis.parts
    return all(
        n in decision.named_parts
        or (parts[n].answer_type in TYPED_PARTS and n not in decision.held_parts)
        or (parts[n].sources and set(parts[n].terms) - name_terms(parts[n].sources) and n not in decision.labelled_parts)
        for n in decision.uncovered_parts
    )


def _lacks(items: Sequence[str], analysis: QuestionAnalysis, decision: Decision) -> list[str]:
    """What a partial answer's first line says the documents lack, one phrase per missing item (see :func:`_lack`) but
    the years as one: "har ingen oplysninger om 2023 og 2024", where "har ingen oplysninger om 2023 og har ingen
    oplysninger om 2024" had said it twice."""
    years = [item for item in items if _is_year(item)]
    lacks = []
    for item in items:
        if not _is_year(item):
            lacks.append(_lack(item, analysis, decision))
        elif item == years[0]:
            lacks.append(render("missing_year", year=join_danish(years)))
    return lacks


def _is_year(item: str) -> bool:
    return item.isdigit() and len(item) == 4


def _lack(item: str, analysis: QuestionAnalysis, decision: Decision) -> str:
    """What a partial answer's first line says the documents lack for one missing item. A name they use, though
    never beside the topic, is lacking "i den forbindelse": "nævner ikke Ishøj" alone would be false, since
    they describe Ishøj's case on something else."""
    if item in decision.apart:
        return render("missing_name_here", what=inert_markdown(item))
    if item == analysis.text:
        return render("missing_question")
    if item == WHOLE_COUNTRY:
        return render("missing_whole_country")
    if item[0].isdigit():
        return render("missing_figure", figure=item)
    return render("missing_name", what=inert_markdown(item))


def _covered_names(
    decision: Decision, analysis: QuestionAnalysis, uses_phrase: Callable[[str], bool], base_form: Callable[[str], str] = str
) -> list[str]:
    """The names the question gives that the documents cover, as the question writes them ("Stefan Hermann",
    "Lær for Livet"), though only a name's rarest word counts as covered; a name linked to one the documents
    lack ("Familiestuen i Aarhus"), or linked by a small word as the documents never write it ("Lolland med
    Toftegård"), is given in its pieces. A name lacking in its ``base_form`` is lacking as the question writes
    it: "Dokumenterne beskriver Ishøj, men de nævner ikke Ishøj i den forbindelse" for "Ishøjs daginstitutioner"."""

    def lacking(phrase: str) -> bool:
        return any(name in decision.missing or base_form(name) in decision.missing for name in phrase.split())

    def whole(linked: str) -> bool:
        return not lacking(linked) and (not joins_names(linked) or uses_phrase(linked))

    pieces = (p for linked in linked_names(analysis.text) for p in ([linked] if whole(linked) else name_phrases(linked)))
    return [
        whole_name(analysis.text, phrase)
        for phrase in dict.fromkeys(pieces)
        if any(name in decision.covered for name in phrase.split()) and not lacking(phrase)
    ]


_JOINING_WORD = re.compile(r"^(?:og|men|samt)\s+(?=\w)", re.IGNORECASE)


def _quoted(part: str) -> str:
    """A part quoted as the question it is: "og hvad koster den om året" -> "»Hvad koster den om året?«".
    Quoted, a part keeps its question word order; inside a sentence Danish would need the indirect order
    ("hvad den koster om året"), which cannot be made reliably by rule. A statement before the question
    ("Jeg arbejder i Hedensted og kan se, at et barn mistrives. Hvor hurtigt skal vi reagere?") is the
    setting of every part, not what this part asks, so only the question is quoted, without the "og" that
    joins it to the one before ("Og hvad koster den?" -> "»Hvad koster den?«")."""
    asked = [s for s in split_sentences(part) if not s.rstrip().endswith((".", "!"))]  # a part split at "og hvem" lacks its "?"
    text = _JOINING_WORD.sub("", (" ".join(asked) or part).strip()).rstrip("?.!").strip()
    return f"»{text[:1].upper() + text[1:]}{'?' if asked else ''}«"  # a request ("Sammenlign ...") is no question


def quoted_places(citations: Sequence[Citation], short_answer: str) -> list[str]:
    """The municipalities the short answer's passages are from or about: a case example's, or the publisher's
    when a municipality published the document; in the order first cited, each once."""
    cited = {int(number) for number in MARKER.findall(short_answer)}
    places = []
    for citation in sorted(citations, key=lambda c: c.number):
        place = citation.municipality or publishing_municipality(citation.publisher)
        if citation.number in cited and place:
            places.append(place)
    return list(dict.fromkeys(places))
