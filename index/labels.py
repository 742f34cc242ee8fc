"""Numbered labels: the sections a document numbers ("Anbefaling 3:", "CASE #5", "FIgur 3.", "METODE 2:").

A label opens a line of a chunk or a segment of its heading path, so every chunk of a labelled section
carries it (a case's later chunks hold "CASE #5: ..." in their heading path). A question that names a
label ("Hvad indeholder anbefaling 3?", "Hvad handler case 5 om?") is asking for that section, however
few of its other words the section uses: ranked by its words alone, "Hvad går Metode 2 ud på?" found a
school reform paragraph first and "Hvad handler case 5 om?" was declined.

Example::

    labels = LabelIndex.build([("c1", "Anbefaling 3: Differentierede læringsmiljøer\\n...", "Balance – Anbefaling 3: ...")])
    labels.chunks("Hvad indeholder anbefaling 3?")  # ("c1",)
    asked_labels("Hvad viser figur 3?")  # (("figur", "3"),)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from ingest.types import SECTION_SEPARATOR, section_path
from tidlig.text import content_terms

__all__ = ["Label", "LabelIndex", "asked_labels", "example_of", "label_line", "labels_of", "names_section", "tells_results"]

Label = tuple[str, str]  # the label's word in lowercase and its number without leading zeros: ("case", "5")

# A label at the start of a line or heading segment: a word, then its number ("nr. 2", "#5", "3"), then a
# colon, a full stop, a bracket, the end, or a capitalised title ("CASE #5 Opsporingsmodel ..."). The
# number is no label when a lowercase word follows it: "Kun 3 pct. mener ...".
_OPENING = re.compile(r"^\s*([^\W\d_]{2,})\s*(?:nr\.\s*)?#?(\d{1,2})(?=\s*[:.)]|\s*$|\s+[A-ZÆØÅ])")
# A label anywhere in a question: "case 5", "CASE #5", "anbefaling nr. 3".
_NAMED = re.compile(r"\b([^\W\d_]{2,})\s*(?:nr\.\s*)?#?(\d{1,2})(?![\d])(?![.,]\d)")
_SEGMENTS = re.compile(rf"\n| – |{re.escape(SECTION_SEPARATOR)}")
# A heading numbered without a word ("3.2 Sådan underretter du", "02 Styrk ...") is a section a question names
# by a word for one ("Hvad står der i afsnit 3.2?", "kapitel 2"): all such words name the label SECTION.
SECTION = "afsnit"
_NUMBERED_HEADING = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?=[A-ZÆØÅ])")
_SECTION_NAMED = re.compile(
    r"\b(?:afsnit|kapitel|kap\.|punkt|pkt\.|section|chapter)\s*(\d{1,2}(?:\.\d{1,2}){0,3})(?![\d])(?![.,]\d)", re.IGNORECASE
)


def _label(word: str, number: str) -> Label:
    return word.lower(), ".".join(str(int(part)) for part in number.split("."))


def _openings(text: str, context: str, sections: bool = True) -> Iterator[tuple[Label, str]]:
    """Each label that opens a line of ``text`` or a segment of ``context``, with that line or segment; with
    ``sections``, a heading segment that opens with a number alone too, as a SECTION label."""
    for segment in [*text.split("\n"), *_SEGMENTS.split(context)]:
        if match := _OPENING.match(segment):
            yield _label(match.group(1), match.group(2)), segment.strip()
    for segment in _SEGMENTS.split(context) if sections else ():
        if match := _NUMBERED_HEADING.match(segment):
            yield _label(SECTION, match.group(1)), segment.strip()


def labels_of(text: str, context: str = "", sections: bool = False) -> set[Label]:
    """The labels that open a line of ``text`` or a segment of its heading path ``context``; the SECTION
    labels of numbered headings only with ``sections``: a document's chapters are no series of labelled
    sections like "METODE 1" to "METODE 4", which an answer may show whole."""
    return {label for label, _ in _openings(text, context, sections)}


def label_line(label: Label, text: str, context: str = "") -> str | None:
    """The line (or heading segment) that ``label`` opens: "METODE 2: FORDELINGSNØGLE PÅ BAGGRUND AF ..."."""
    return next((line for found, line in _openings(text, context) if found == label), None)


def asked_labels(question: str) -> tuple[Label, ...]:
    """Every word-and-number pair of ``question`` that could name a label (the index knows which do), and a
    section it names by number ("afsnit 3.2", "kapitel 2": see SECTION)."""
    named = [_label(m.group(1), m.group(2)) for m in _NAMED.finditer(question)]
    sections = [_label(SECTION, m.group(1)) for m in _SECTION_NAMED.finditer(question)]
    return tuple(dict.fromkeys([*named, *sections]))


def names_section(question: str, text: str, context: str = "") -> bool:
    """Whether ``question`` names a label that opens a line of ``text`` or a segment of its heading path."""
    asked = set(asked_labels(question))
    return bool(asked) and bool(asked & labels_of(text, context, sections=True))


class LabelIndex:
    """The chunks of each label, in the order they were given (document order)."""

    def __init__(self, chunks_by_label: Mapping[Label, tuple[str, ...]]) -> None:
        self._chunks = dict(chunks_by_label)

    @classmethod
    def build(cls, chunks: Iterable[tuple[str, str, str]]) -> LabelIndex:
        """From (chunk id, text, heading path) triples."""
        found: dict[Label, list[str]] = {}
        for chunk_id, text, context in chunks:
            for label in labels_of(text, context, sections=True):
                found.setdefault(label, []).append(chunk_id)
        return cls({label: tuple(ids) for label, ids in found.items()})

    def series(self, word: str) -> dict[str, tuple[str, ...]]:
        """The chunks of each number of a label ``word`` ("metode": {"1": (...), "2": (...)}), in document order."""
        return {number: chunks for (found, number), chunks in self._chunks.items() if found == word}

    def chunks(self, question: str) -> tuple[str, ...]:
        """The chunks of the labels ``question`` names; empty when it names none the documents use."""
        return tuple(dict.fromkeys(chunk for label in asked_labels(question) for chunk in self._chunks.get(label, ())))


# The words of the parts a report or an example is told in ("Udfordringen", "Det gjorde de", "Resultatet"): a heading
# of them alone names no scheme or example of its own. Stems, as content_terms gives them.
_REPORT_PARTS = frozenset(
    {"udfordring", "resultat", "baggrund", "formål", "indledning", "metod", "erfaring", "økonomi", "målgrup", "konklusion",
     "opsamling", "evaluering"}
)


def example_of(doc_id: str, section: str) -> tuple[str, tuple[str, ...]] | None:
    """The example a section tells a part of, as its document and the headings above the part's, when the section's
    own heading is only a report's part ("Eksempel 4: Trivselssamtaler ... › Det gjorde de"); None otherwise."""
    path = section_path(section)
    if len(path) < 2 or not set(content_terms(path[-1])) <= _REPORT_PARTS:
        return None
    return doc_id, tuple(path[:-1])


def tells_results(section: str) -> bool:
    """Whether a section is the results part of an example or report ("Resultatet", "Resultater")."""
    path = section_path(section)
    return bool(path) and "resultat" in content_terms(path[-1])
