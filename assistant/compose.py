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
from assistant.relevance import RelevanceScorer
from assistant.terms import content_terms
from ingest.sentences import is_list_item, paragraphs, split_sentences
from prompts import render

MAX_POINTS = 8
MAX_CHARS = 1400
MAX_SOURCES = 4
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


def passage_units(text: str) -> list[Unit]:
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
    return len(unit.text.split()) < 4 or not unit.text.rstrip("”’\"')").endswith((".", "!", "?", ":"))


class CitatComposer:
    def __init__(self, scorer: RelevanceScorer) -> None:
        self._scorer = scorer

    def compose(self, query_terms: Sequence[str], hits: Sequence[ScoredPassage]) -> tuple[str, CitationBook]:
        """Answer text (Markdown with [n] markers) and the citations it uses."""
        book = CitationBook()
        chosen = self._choose(query_terms, hits)
        sections = []
        for hit, units in chosen:
            lines = []
            shown_lead_ins: set[str] = set()
            for unit in units:
                marker = book.cite(hit, unit.text)
                if unit.list_item:
                    if unit.lead_in and unit.lead_in not in shown_lead_ins:
                        shown_lead_ins.add(unit.lead_in)
                        book.cite(hit, unit.lead_in)
                        lines.append(f"{unit.lead_in} [{marker}]")
                    lines.append(f"- {unit.text} [{marker}]")
                else:
                    lines.append(f"{unit.text} [{marker}]")
            sections.append(f"**{source_heading(hit)}**\n" + "\n".join(lines))
        return f"{self._lead_in(chosen)}\n\n" + "\n\n".join(sections), book

    def _choose(self, query_terms: Sequence[str], hits: Sequence[ScoredPassage]) -> list[tuple[ScoredPassage, list[Unit]]]:
        seen: set[str] = set()
        chosen: list[tuple[ScoredPassage, list[Unit]]] = []
        budget_points, budget_chars = MAX_POINTS, MAX_CHARS
        for rank, hit in enumerate(hits):
            if len(chosen) == MAX_SOURCES or budget_points <= 0:
                break
            units = self._relevant_units(query_terms, hit, top=rank == 0, seen=seen)
            picked = []
            for unit in units:
                if budget_points <= 0 or (picked and len(unit.text) > budget_chars):
                    break
                picked.append(unit)
                seen.add(_key(unit.text))
                budget_points -= 1
                budget_chars -= len(unit.text)
            if picked:
                chosen.append((hit, sorted(picked, key=lambda u: u.position)))
        return chosen

    def _relevant_units(self, query_terms: Sequence[str], hit: ScoredPassage, top: bool, seen: set[str]) -> list[Unit]:
        """The passage's units worth quoting, best first. The top passage always contributes."""
        units = [u for u in passage_units(hit.passage.text) if not is_fragment(u) and _key(u.text) not in seen]
        scored = [(self._unit_score(query_terms, unit, hit), unit) for unit in units]
        limit = 5 if top else 2
        good = [unit for score, unit in sorted(scored, key=lambda p: -p[0]) if score >= MIN_COVERAGE][:limit]
        if top and len(good) < 2:
            # The best passage is relevant as a whole even when no single sentence repeats the question's words.
            good += [u for u in units if u not in good][: 3 - len(good)]
        return good

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


def source_heading(hit: ScoredPassage) -> str:
    meta = hit.passage.metadata
    year = f", {meta['year']}" if meta.get("year") else ""
    location = f", {hit.passage.location}" if hit.passage.location else ""
    return f"{meta.get('title', hit.passage.doc_id)}{year}{location}"


def _key(text: str) -> str:
    return " ".join(content_terms(text)) or text.lower()
