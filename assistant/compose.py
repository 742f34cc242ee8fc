"""Citat mode: compose an answer from verbatim sentences and list items of the retrieved passages.

No language model: the answer cannot state anything the sources do not. It reads as an answer: a
one-line lead-in, then the relevant points grouped by source (in rank order), each ending with its
[n] marker. Only whole sentences and list items are used, duplicates (chunk overlap) are dropped, and
the length is bounded. A list item brings its lead-in along, so the list still reads as a list.

Example::

    composer = CitatComposer(scorer)
    text, book = composer.compose(query_terms, hits, extra_case_passages)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index import ScoredPassage

from assistant.citations import CitationBook
from assistant.injection import looks_like_instruction
from assistant.relevance import RelevanceScorer
from tidlig.text import content_terms
from tidlig.text import is_list_item, paragraphs, split_sentences
from prompts import render

MAX_POINTS = 10
MAX_CHARS = 1800
MAX_SOURCES = 4
# Units taken per passage by retrieval rank: the best passage is quoted most fully, because its
# relevant sentences often share no words with the question (paraphrase), the later ones only where
# they match the question.
UNITS_PER_RANK = (6, 3, 2, 2)
# A sentence below this share of the question's terms is not worth quoting (except from the top passage).
MIN_COVERAGE = 0.3
RESULT_CUES = re.compile(r"\b(pct|procent|effekt|resultat|viser|faldet|færre|flere|reduc|stige|steget|besparelse|kr\.|mio)", re.I)


@dataclass(frozen=True)
class Unit:
    """A sentence or list item of a passage, in document order."""

    text: str
    position: int
    list_item: bool
    lead_in: str = ""  # for a list item: the line that introduces its list


def passage_units(text: str, table: bool = False) -> list[Unit]:
    """Sentences and list items; a table's rows are list items (a row is never split into sentences)."""
    if table:
        rows = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        return [Unit(row, i, True) for i, row in enumerate(rows)]
    units: list[Unit] = []
    lead_in = ""
    for paragraph in paragraphs(text):
        flat = " ".join(paragraph.split())
        if is_list_item(flat):
            units.append(Unit(flat.lstrip("-*• ").strip(), len(units), True, lead_in))
            continue
        lead_in = flat if flat.endswith(":") else ""
        units.extend(Unit(s, len(units) + i, False) for i, s in enumerate(split_sentences(flat)))
    return units


def is_fragment(unit: Unit) -> bool:
    """Headings and cut-off pieces: short text that does not end like a sentence."""
    if unit.list_item:
        return len(unit.text) < 3
    if unit.text.startswith(("Læs mere", "Kilde:", "Note:")) or "http" in unit.text or looks_like_instruction(unit.text):
        return True
    words = len(unit.text.split())
    # Slides rarely end lines with a full stop, so only short unpunctuated lines count as headings.
    return words < 4 or (words < 8 and not unit.text.rstrip("”’\"')").endswith((".", "!", "?", ":")))


class CitatComposer:
    def __init__(self, scorer: RelevanceScorer) -> None:
        self._scorer = scorer

    def compose(self, query_terms: Sequence[str], hits: Sequence[ScoredPassage]) -> tuple[str, CitationBook]:
        """Answer text (Markdown with [n] markers) and the citations it uses."""
        book = CitationBook()
        chosen = self._choose(query_terms, hits)
        # One section per source heading: chunks of the same block (a case, a slide) read as one text.
        sections: dict[str, list[str]] = {}
        shown_lead_ins: set[str] = set()
        for hit, units in sorted(chosen, key=lambda pair: _heading_order(pair, chosen)):
            lines = sections.setdefault(source_heading(hit), [])
            for unit in units:
                marker = book.cite(hit, unit.text)
                if unit.list_item and unit.lead_in and unit.lead_in not in shown_lead_ins:
                    book.cite(hit, unit.lead_in)
                    lines.append(_cited(unit.lead_in, marker))
                shown_lead_ins.update((unit.lead_in, unit.text))
                lines.append(f"- {_cited(unit.text, marker)}" if unit.list_item else _cited(unit.text, marker))
        body = "\n\n".join(f"**{heading}**\n" + "\n".join(lines) for heading, lines in sections.items())
        return f"{self._lead_in(chosen)}\n\n{body}", book

    def _choose(self, query_terms: Sequence[str], hits: Sequence[ScoredPassage]) -> list[tuple[ScoredPassage, list[Unit]]]:
        seen: set[str] = set()
        chosen: list[tuple[ScoredPassage, list[Unit]]] = []
        budget_points, budget_chars = MAX_POINTS, MAX_CHARS
        for rank, hit in enumerate(hits):
            if len(chosen) == MAX_SOURCES or budget_points <= 0 or budget_chars <= 0:
                break
            units = self._relevant_units(query_terms, hit, rank, seen)
            picked = []
            for unit in units:
                if budget_points <= 0 or len(unit.text) > budget_chars:
                    break
                picked.append(unit)
                seen.add(_key(unit.text))
                budget_points -= 1
                budget_chars -= len(unit.text)
            if picked:
                chosen.append((hit, sorted(picked, key=lambda u: u.position)))
        if not chosen and hits:
            # Nothing reads like a sentence (a chart, a title slide): quote the best passage as it is.
            table = hits[0].passage.metadata.get("block_kind") == "table"
            chosen = [(hits[0], passage_units(hits[0].passage.text, table)[: UNITS_PER_RANK[0]])]
        return chosen

    def _relevant_units(self, query_terms: Sequence[str], hit: ScoredPassage, rank: int, seen: set[str]) -> list[Unit]:
        """The passage's units worth quoting, best first. The top passage is quoted as a whole (up to
        its limit), since it was retrieved for its meaning, not only for shared words."""
        table = hit.passage.metadata.get("block_kind") == "table"
        units = [u for u in passage_units(hit.passage.text, table) if not is_fragment(u) and _key(u.text) not in seen]
        limit = UNITS_PER_RANK[min(rank, len(UNITS_PER_RANK) - 1)]
        if rank == 0:
            return units[:limit] if len(units) <= limit else self._best(query_terms, hit, units, limit, 0.0)
        return self._best(query_terms, hit, units, limit, MIN_COVERAGE)

    def _best(self, query_terms: Sequence[str], hit: ScoredPassage, units: list[Unit], limit: int, floor: float) -> list[Unit]:
        scored = sorted(((self._unit_score(query_terms, u, hit), u) for u in units), key=lambda p: -p[0])
        return [unit for score, unit in scored if score >= floor][:limit]

    def _unit_score(self, query_terms: Sequence[str], unit: Unit, hit: ScoredPassage) -> float:
        score = self._scorer.coverage(query_terms, f"{unit.lead_in} {unit.text}")
        if hit.passage.metadata.get("case_number") is not None and RESULT_CUES.search(unit.text):
            score += 0.2  # for case examples, the result is what leaders ask about
        return score

    @staticmethod
    def _lead_in(chosen: list[tuple[ScoredPassage, list[Unit]]]) -> str:
        top = chosen[0][0].passage.metadata if chosen else {}
        if top.get("case_number") is not None:
            case = f"CASE #{top['case_number']} {top.get('case_title', '')} ({top.get('municipality', '')})"
            return render("lead_in_case", case=" ".join(case.replace(" ()", "").split()))
        if len({hit.passage.doc_id for hit, _ in chosen}) > 1:
            return render("lead_in_synthesis")
        return render("lead_in")


def _heading_order(pair: tuple[ScoredPassage, list[Unit]], chosen: list[tuple[ScoredPassage, list[Unit]]]) -> tuple[int, int]:
    """Sections in rank order of their best chunk; chunks within a section in document order."""
    heading = source_heading(pair[0])
    first_rank = next(i for i, (hit, _) in enumerate(chosen) if source_heading(hit) == heading)
    return first_rank, pair[0].passage.ordinal


def source_heading(hit: ScoredPassage) -> str:
    meta = hit.passage.metadata
    year = f", {meta['year']}" if meta.get("year") else ""
    location = f", {hit.passage.location}" if hit.passage.location else ""
    return f"{meta.get('title', hit.passage.doc_id)}{year}{location}"


def _cited(text: str, marker: int) -> str:
    """Every sentence carries its marker, also inside a list item of several sentences."""
    return " ".join(f"{sentence} [{marker}]" for sentence in split_sentences(text)) or f"{text} [{marker}]"


def _key(text: str) -> str:
    return " ".join(content_terms(text)) or text.lower()
