"""The facts a leader compares across case examples, each a verbatim quote from the case or nothing.

Rule-based on purpose: a cell holds sentences copied from the case text (the exact characters of the
case, found by position) that carry a cue for the field — an age range for the target group, "kr."
or "budget" for the economy, "evaluer" for the evaluation. A case whose text has no such cue gets an
empty cell ("ikke beskrevet" in the app): an empty cell is better than an invented summary.

Example::

    fields = case_fields(case)
    fields.economy[0].text       # "’Familie med hjerte’ er implementeret ved omlægninger inden for det eksisterende budget."
    fields.economy[0].location   # "CASE #1, afsnit 5"
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ingest.cases import CaseExample
from tidlig.text import is_list_item, paragraphs, split_sentences, strip_list_marker

__all__ = ["FIELDS", "CaseFields", "FieldQuote", "case_fields"]

MAX_QUOTES = 2  # per cell: a grid row must stay readable; the whole case is one click away


@dataclass(frozen=True)
class FieldQuote:
    """A sentence of the case, exactly as written (``text == case.text[start:end]``), and where it stands."""

    text: str
    start: int
    end: int
    location: str


@dataclass(frozen=True)
class CaseFields:
    """The comparison grid's row for one case; an empty tuple is a field the case does not describe."""

    target_group: tuple[FieldQuote, ...]
    intervention: tuple[FieldQuote, ...]
    result: tuple[FieldQuote, ...]
    economy: tuple[FieldQuote, ...]
    evaluation: tuple[FieldQuote, ...]

    def get(self, field: str) -> tuple[FieldQuote, ...]:
        return getattr(self, field)


def _cues(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.IGNORECASE)


# Cue patterns per field, checked on the sentences of the case in order. Written from the wording of
# municipal case boxes ("tilbydes til alle førstegangsforældre", "i alderen 2-6 år", "4,4 mio. kr.").
_AGE = r"\b\d{1,2}\s*[-–]\s*\d{1,2}(?:\s*[-–]?\s*årige|\s+år)\b|mellem \d{1,2} og \d{1,2} år|fra \d{1,2} år"
_TARGET_GROUP = _cues(
    _AGE,
    r"\bmålgruppen (?:er|var)\b",
    r"\bmålgruppe(?:n)?:",
    r"målrettet (?:unge|børn|familier|forældre|mødre|gravide)",
    r"tilbydes til",
    r"tilbud til",
    r"henvender \w+ sig til",
    r"i alderen",
    r"for (?:unge|børn|familier|forældre|mødre|gravide) (?:med|i|under|over|fra|der|som)\b",
)
_INTERVENTION = _cues(
    r"\bhar (?:\w+ ){0,4}(?:etableret|oprettet|omlagt|iværksat|udviklet|indført|samlet|sat gang|sat særligt fokus)",
    r"\bgennemførte (?:fra|i)\b",
    r"\budviklet et (?:projekt|tilbud)",
    r"\bhar et (?:projekt|tilbud)",
    r"\boprettede\b",
    r"\bafprøver\b",
    r"\banvendes\b",
    r"\barbejder (?:\w+ )?med\b",
    r"\ber et (?:\w+ )?(?:tilbud|kursus|projekt|forløb|\w*kursus)\b",
    r"\bTilbuddet er\b",
    r"\bsamlet i\b",
    r"får støtte af",
)
_RESULT = _cues(
    r"\bresultat(?:er|erne)?\b",
    r"\beffekt\b",
    r"\bvirkning\b",
    r"\bfald(?:et|ende)?\b",
    r"\bstigning\b",
    r"\bsteget\b",
    r"\bstigende\b",
    r"\breducer\w*",
    r"\bforbedret\b",
    r"\bsucces\b",
    r"\bhar (?:betydet|ført til|resulteret|medvirket)",
    r"\bviser, at\b",
    r"\berfarer\b",
    r"\bhar gennemført\b",
    r"\bsendt \d",
)
_ECONOMY = _cues(
    r"\bkr\.",
    r"\bmio\.",
    r"\bbudget",
    r"omkostning",
    r"besparelse",
    r"\bspares?\b",
    r"finansier",
    r"økonomiske? (?:gevinst|ramme)",
    r"\binvestering",
    r"\bpulje",
    r"døgntakst",
    r"\budgift",
    r"eksisterende ramme",
)
_EVALUATION = _cues(
    r"evaluer",
    r"effektmåling",
    r"effektevaluering",
    r"\bmåle på\b",
    r"\bmålt på\b",
    r"\bdata for\b",
    r"\bdokumenterer\b",
)

# Field name -> its cues, in the grid's column order.
FIELDS: dict[str, re.Pattern[str]] = {
    "target_group": _TARGET_GROUP,
    "intervention": _INTERVENTION,
    "result": _RESULT,
    "economy": _ECONOMY,
    "evaluation": _EVALUATION,
}
# The intervention is what a case opens with; later sentences with the same verbs are details.
_FIRST_PARAGRAPHS = {"intervention": 2}
# "Læs mere: Rambøll (2013): Evaluering af …" names an evaluation report, not a result or a target group.
_READ_MORE = re.compile(r"^\s*Læs mere\b", re.IGNORECASE)
# A goal ("Formålet er at opnå en stigning …") is not a result, however result-like its words.
_GOAL = re.compile(r"\b(?:formål|mål)(?:et|s)?\b.{0,40}\b(?:er|med)\b|\bambition|\bforventes\b", re.IGNORECASE)
_EXCLUDED = {"result": _GOAL}
# The lines of a list that follows a lead-in ("… ses følgende resultater:") belong to its quote.
_LIST_LINES = re.compile(r"(?:\n[ \t]*(?:[-+*•]|\d{1,2}[.)])[ \t]+[^\n]*)+")


def case_fields(case: CaseExample) -> CaseFields:
    """The comparison row of ``case``: per field up to two cue-bearing sentences, verbatim, in text order."""
    sentences = list(_sentences(case))
    found: dict[str, tuple[FieldQuote, ...]] = {}
    for field, cues in FIELDS.items():
        limit = _FIRST_PARAGRAPHS.get(field)
        matches = [
            quote
            for paragraph, quote in sentences
            if (limit is None or paragraph < limit)
            and cues.search(quote.text)
            and (field == "evaluation" or not _READ_MORE.match(quote.text))
            and not (field in _EXCLUDED and _EXCLUDED[field].search(quote.text))
        ]
        found[field] = _distinct(_with_list(case.text, quote) for quote in matches)
    return CaseFields(**found)


def _distinct(quotes: Iterable[FieldQuote]) -> tuple[FieldQuote, ...]:
    """Up to MAX_QUOTES quotes, leaving out one that lies inside an earlier one (a list item of a lead-in)."""
    kept: list[FieldQuote] = []
    for quote in quotes:
        if any(other.start <= quote.start and quote.end <= other.end for other in kept):
            continue
        kept.append(quote)
        if len(kept) == MAX_QUOTES:
            break
    return tuple(kept)


def _with_list(text: str, quote: FieldQuote) -> FieldQuote:
    """A lead-in quote extended over the list it introduces (still a verbatim slice of the text)."""
    if not quote.text.rstrip().endswith(":"):
        return quote
    items = _LIST_LINES.match(text, quote.end) or _LIST_LINES.match(text, quote.end + 1)
    if items is None:
        return quote
    return FieldQuote(text[quote.start : items.end()], quote.start, items.end(), quote.location)


def _sentences(case: CaseExample) -> Iterator[tuple[int, FieldQuote]]:
    """(paragraph index, sentence) of the case, each located in the original text by position."""
    text = case.text
    position = 0
    for number, paragraph in enumerate(paragraphs(text)):
        item = strip_list_marker(paragraph) if is_list_item(paragraph) else paragraph
        for sentence in split_sentences(item):
            span = _find(text, sentence, position)
            if span is None:
                continue
            start, end = span
            position = end
            yield number, FieldQuote(text[start:end], start, end, f"{case.location}, afsnit {number + 1}")


def _find(text: str, sentence: str, start: int) -> tuple[int, int] | None:
    """The span of ``sentence`` in ``text`` from ``start``; whitespace may differ (line breaks)."""
    words = sentence.split()
    if not words:
        return None
    match = re.compile(r"\s+".join(map(re.escape, words))).search(text, start)
    return match.span() if match else None
