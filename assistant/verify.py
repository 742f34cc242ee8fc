"""The citation verifier: is every sentence of an answer supported by the passages it cites?

Citat mode quotes verbatim, so support is containment of the sentence in the cited passage (after
whitespace normalisation). Generated text (LLM mode) gets a support score: the IDF-weighted share of the
sentence's content terms found in the cited passages; below ``threshold`` it is unsupported.

Example::

    verifier = CitationVerifier(scorer)
    checks = verifier.check("Holstebro tilbyder kurser [1].", {1: passage_text})
    checks[0].supported, checks[0].markers
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.relevance import RelevanceScorer
from prompts import load
from tidlig.text import (
    LIST_MARKER,
    content_terms,
    is_bold_heading,
    is_gloss,
    is_markdown_item,
    is_table_rule,
    plain_markdown,
    split_sentences,
    without_item_number,
)

MARKER = re.compile(r"\s*\[(\d+)\]")
AFTER_MARKERS = re.compile(r"(?<=\])\s+(?=[^\s\[])")
# A row of a Markdown table the composer shows, its marker after the last cell: one claim, not the sentences its
# cells hold (a cell's first sentences, before the row's only marker, had been checked against no passage).
MARKDOWN_ROW = re.compile(r"\|.*\|")
SUPPORT_THRESHOLD = 0.6
# The line under a list shown in part ("- *… og 2 punkter mere i kilden*"), or above it ("- *… 2 punkter før i
# kilden*", see assistant.compose.list_more): it says what the answer leaves out, no claim of a source's.
_COUNT = r"(?:ét punkt|\d+ punkter)"
_LEFT_OUT = [re.escape(load(name).strip()).replace(re.escape("{more}"), _COUNT) for name in ("list_more", "list_before")]
LIST_MORE = re.compile(rf"-\s+(?:{'|'.join(_LEFT_OUT)})")


@dataclass(frozen=True)
class SentenceCheck:
    sentence: str  # without markers
    markers: tuple[int, ...]
    supported_by: tuple[int, ...]  # the markers whose passage supports the sentence
    score: float

    @property
    def supported(self) -> bool:
        return bool(self.supported_by)


def normalise_space(text: str) -> str:
    """Comparison form: Markdown escapes removed (quotes are shown inert), whitespace collapsed, lower case."""
    return " ".join(plain_markdown(text).replace("\u00ad", "").split()).lower()


class CitationVerifier:
    def __init__(self, scorer: RelevanceScorer, threshold: float = SUPPORT_THRESHOLD) -> None:
        self._scorer = scorer
        self.threshold = threshold

    @property
    def relevance(self) -> RelevanceScorer:
        """The IDF statistics support is measured with (the evaluation judges relevance with them too)."""
        return self._scorer

    def support(self, sentence: str, passage: str) -> float:
        """1.0 for a verbatim quote, else the share of the sentence's content (IDF-weighted) in the passage."""
        if normalise_space(sentence) in normalise_space(passage):
            return 1.0
        return self._scorer.coverage(content_terms(sentence), passage)

    def check_sentence(self, sentence: str, markers: tuple[int, ...], passages: Mapping[int, str]) -> SentenceCheck:
        scores = {m: self.support(sentence, passages[m]) for m in markers if m in passages}
        supported = tuple(m for m, score in scores.items() if score >= self.threshold)
        return SentenceCheck(sentence, markers, supported, max(scores.values(), default=0.0))

    def check(self, text: str, passages: Mapping[int, str]) -> list[SentenceCheck]:
        """Every sentence or list item of ``text`` that carries at least one [n] marker."""
        checks = []
        for sentence in claim_sentences(text):
            markers = tuple(int(m) for m in MARKER.findall(sentence))
            if markers:
                checks.append(self.check_sentence(strip_markers(sentence), markers, passages))
        return checks


def _without_item_number(line: str) -> str:
    """An answer's line without the number a numbered or lettered item shows inside its bullet ("- 3\\. Styrk
    ...", "- b) Basen"): the list's layout, no claim, and "3." read as a sentence of its own before "Styrk"."""
    if not is_markdown_item(line):
        return line
    return LIST_MARKER + without_item_number(line.lstrip(" ")[len(LIST_MARKER) :])


def strip_markers(sentence: str) -> str:
    return MARKER.sub("", sentence).strip().lstrip("-*• ").strip()


def claim_sentences(text: str) -> list[str]:
    """Sentences, list items and table rows of an answer, each with the markers that follow it.

    Text after a marker starts a new sentence ("A. [1] B. [2]" is two sentences) because the sentence
    splitter alone would not cut before "[".
    """
    sentences: list[str] = []
    for line in text.splitlines():
        if MARKDOWN_ROW.fullmatch(line.strip()):
            sentences.append(line.strip())  # one claim, its marker after the last cell (see MARKDOWN_ROW)
            continue
        for piece in AFTER_MARKERS.split(_without_item_number(line.strip())):
            parts: list[str] = []
            for part in split_sentences(piece):
                # A marker alone, or a gloss the composer quotes with its sentence ("... specialområdet. (Vippemodel). [1]").
                if parts and (MARKER.fullmatch(part) or is_gloss(MARKER.sub("", part))):
                    parts[-1] = f"{parts[-1]} {part}"
                else:
                    parts.append(part)
            sentences.extend(parts)
    return sentences


def answer_claims(text: str) -> list[str]:
    """The claim sentences of an answer: everything but the lead-in paragraph, bold source headings, a table's
    rule and its empty header row (a table whose columns the source does not name), and the line saying how much
    more a list shown in part has."""
    body = text.split("\n\n", 1)[1] if "\n\n" in text else text
    lines = [
        line for line in body.splitlines()
        if not is_bold_heading(line)
        and not is_table_rule(line)
        and line.replace("|", "").strip()
        and not LIST_MORE.fullmatch(line.strip())
    ]
    return [sentence for sentence in claim_sentences("\n".join(lines)) if strip_markers(sentence)]
