"""The sources a question asks by their publisher's name ("hvad gør Hedensted", "hvad anbefaler KL").

A question that asks two sources ("Hvad anbefaler KL om tidlig opsporing, og hvad gør Hedensted, når et barn
i dagtilbud mistrives?") was answered from one: the Hedensted part's own words resembled a national overview
deck more than Hedensted's slides, and the deck's figures stood under a direct lead-in as Hedensted's answer.
A part that asks a named source is therefore retrieved among that source's documents and the passages naming
it, judged on them, and answered only from them; when they do not answer it, the lead-in says so. A
question naming sources side by side ("Hvad siger KL og Hedensted om ...?") is asked of each in turn.

A publisher is named by its acronym ("KL", "BUPL og KORA") or by its municipality ("Hedensted Kommune",
"Københavns Kommune, Børne- og Ungdomsforvaltningen"), in the genitive or not ("Københavns", "København").
Only the publisher's own name counts, the part before any parenthesis or comma: "Oplæg (afsender ikke
angivet; kilder bl.a. EVA, FOA, KL og VIVE)" cites KL among its sources, but a question about KL does not
ask for it.

>>> sources = SourceNames.of([("kl.txt", "KL (Kommunernes Landsforening)"), ("hed.txt", "Hedensted Kommune")])
>>> sources.asked_alone("Hvad gør Hedensted, når et barn mistrives?")
('Hedensted',)
>>> one_per_source("Hvad siger KL og Hedensted om X?", sources.names_in("Hvad siger KL og Hedensted om X?"))
[('Hvad siger KL om X?', 'KL'), ('Hvad siger Hedensted om X?', 'Hedensted')]
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from index import Passage
from tidlig.text import CAPITALISED, MUNICIPALITY, NAME_WORD, STOP, content_terms, words

__all__ = [
    "SourceNames",
    "adjective_places",
    "home_documents",
    "is_authority",
    "name_terms",
    "names",
    "one_per_source",
    "publisher_names",
    "publishing_municipality",
    "speaks_for",
    "without_source_names",
]

_ACRONYM = re.compile(r"\b[A-ZÆØÅ]{2,}\b")
_MUNICIPALITY = re.compile(rf"\b({NAME_WORD}?)s? Kommune\b")
# The kind of authority after a municipality's or a region's name ("Odense Kommune", "Region Midtjylland").
_AUTHORITY = re.compile(r"(?:kommune|region)\w*", re.IGNORECASE)


# A municipality a document is from, as its publisher opens: "Københavns Kommune, Børne- og Ungdomsforvaltningen".
_PUBLISHING_MUNICIPALITY = re.compile(rf"^{MUNICIPALITY}")


def publishing_municipality(publisher: str) -> str:
    """The municipality that published a document, when its publisher opens with one ("Københavns Kommune" of
    "Københavns Kommune, Børne- og Ungdomsforvaltningen"); "" for KL, a union or an institution."""
    found = _PUBLISHING_MUNICIPALITY.match(publisher)
    return found.group(0) if found else ""


def is_authority(word: str) -> bool:
    """Whether a capitalised word of a question is the kind of authority ("Kommune" of "Odense Kommune"), which
    names no place of its own."""
    return _AUTHORITY.fullmatch(word) is not None


# The endings of an adjective made of a place's name ("københavnsk", "københavnske"; "aarhusianske").
_PLACE_ADJECTIVE = re.compile(r"(\w{4,}?)(?:ian|ean|en)?ske?", re.IGNORECASE)


def adjective_places(text: str, places: Iterable[str]) -> tuple[str, ...]:
    """The ``places`` (publishers' names) that ``text`` names by an adjective: "en københavnsk daginstitution" names
    København, which a question as a pedagogue writes it seldom spells out."""
    stems = {found.group(1).casefold() for word in words(text) if (found := _PLACE_ADJECTIVE.fullmatch(word))}
    return tuple(place for place in places if place.casefold() in stems)


@functools.cache  # asked per candidate unit of every answer; a corpus has a handful of publishers
def publisher_names(publisher: str) -> tuple[str, ...]:
    """The names a question may call a publisher by: ``publisher_names("Københavns Kommune")`` -> ("København",)."""
    own = re.split(r"[(,;]", publisher, maxsplit=1)[0]
    found = [m.group(1) for m in _MUNICIPALITY.finditer(own)] + _ACRONYM.findall(own)
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class SourceNames:
    """Per publisher name, the documents it published."""

    documents: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, publishers: Iterable[tuple[str, str]]) -> SourceNames:
        """From ``(doc_id, publisher)`` pairs (a document's passages may repeat its pair)."""
        documents: dict[str, tuple[str, ...]] = {}
        for doc_id, publisher in publishers:
            for name in publisher_names(publisher):
                if doc_id not in documents.get(name, ()):
                    documents[name] = (*documents.get(name, ()), doc_id)
        return cls(documents)

    def names_in(self, text: str) -> tuple[str, ...]:
        """The publisher names ``text`` uses, or the adjectives of ("de københavnske institutioner", see
        :func:`adjective_places`)."""
        adjectives = adjective_places(text, self.documents)
        return tuple(name for name in self.documents if names(text, name) or name in adjectives)

    def asked_alone(self, text: str) -> tuple[str, ...]:
        """The publishers ``text`` asks of and nothing beside them: not "både i København og nationalt",
        which asks beyond its one source ("i Hedensted og kan se ..." goes on with a clause, not a place)."""
        named = self.names_in(text)
        return tuple(name for name in named if not any(self._beside(text, name, named)))

    @staticmethod
    def _beside(text: str, name: str, named: Sequence[str]) -> Iterator[str]:
        """The words coordinated with ``name`` in ``text`` that are neither a source nor a clause's first word."""
        own = rf"{re.escape(name)}s?"
        for pattern in (rf"\b{own},?\s+(?:og|eller|samt)\s+(?:(?:i|på|fra|hos)\s+)?(\w+)", rf"(\w+),?\s+(?:og|eller|samt)\s+{own}\b"):
            for match in re.finditer(pattern, text):
                word = match.group(1)
                if not any(names(word, other) for other in named) and word.lower() not in STOP:
                    yield word


def home_documents(passages: Iterable[Passage]) -> dict[str, tuple[str, ...]]:
    """Per place (lower-cased), the documents it is the home of: those whose title, publisher or first passage names it,
    as a municipality's own guide, report or transcript opens ("Tønder Kommune", "Næstved Kommune · Center for Skole og
    Uddannelse"). A report naming a municipality only in a case example further in is no home of it."""
    homes: dict[str, tuple[str, ...]] = {}
    for passage in (p for p in passages if p.ordinal == 0):  # every passage of a document has its title and publisher
        own = f"{passage.metadata.get('title', '')}\n{passage.metadata.get('publisher', '')}\n{passage.text}"
        for word in {w.lower() for w in CAPITALISED.findall(own)}:
            if passage.doc_id not in homes.get(word, ()):
                homes[word] = (*homes.get(word, ()), passage.doc_id)
    return homes


def one_per_source(text: str, named: Sequence[str]) -> list[tuple[str, str]]:
    """``text`` once per source it names side by side, with that source's name, or [] when it names them
    apart or names fewer than two: ``one_per_source("Hvad siger KL og Hedensted om X?", ["Hedensted", "KL"])``
    -> [("Hvad siger KL om X?", "KL"), ("Hvad siger Hedensted om X?", "Hedensted")]. Names joined by a slash
    are one source with two names ("BUPL/KORA"), asked as one under the first."""
    found: list[tuple[int, int, str]] = []
    matches = sorted(((m, n) for n in named for m in _name_pattern(n).finditer(text)), key=lambda f: f[0].start())
    for m, name in matches:
        if found and text[found[-1][1] : m.start()] == "/":
            found[-1] = (found[-1][0], m.end(), found[-1][2])
        else:
            found.append((m.start(), m.end(), name))
    between = (text[a_end:b_start] for (_, a_end, _), (b_start, _, _) in itertools.pairwise(found))
    if len(found) < 2 or not all(_COORDINATION.fullmatch(gap) for gap in between):
        return []
    start, end = found[0][0], found[-1][1]
    return [(f"{text[:start]}{text[a:b]}{text[end:]}", name) for a, b, name in found]


_COORDINATION = re.compile(r"\s*,\s*|\s+(?:og|eller|samt)\s+")


def names(text: str, name: str) -> bool:
    """Whether ``text`` names ``name``, in the genitive or not ("Københavns" names København)."""
    return _name_pattern(name).search(text) is not None


def name_terms(named: Iterable[str]) -> set[str]:
    """The content terms of the names ``named``: what a source's own passages need not repeat."""
    return {term for name in named for term in content_terms(name)}


def without_source_names(text: str, named: Iterable[str]) -> str:
    """``text`` without the source names ``named``, in the genitive or not: what is searched among those
    sources' own documents, where the name tells nothing apart (``without_source_names("Hvad siger København om
    sprog?", ["København"])`` -> "Hvad siger om sprog?"); ``text`` itself if nothing at all is left."""
    unnamed = text
    for name in named:
        unnamed = _name_pattern(name).sub("", unnamed)
    return " ".join(unnamed.split()) or text


def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}s?\b")


def speaks_for(name: str, passage: Passage) -> bool:
    """Whether ``passage`` can answer for the publisher ``name``: the publisher's own documents, and any
    passage naming it in its text or headings (KL's report holds a case from Hedensted)."""
    publisher = str(passage.metadata.get("publisher", ""))
    return name in publisher_names(publisher) or names(f"{passage.context}\n{passage.text}", name)
