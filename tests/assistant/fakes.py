"""Small fakes for unit tests of the pipeline logic: a five-passage index and a streaming LLM.

The fake index ranks passages by shared content terms (a stand-in for dense + BM25); its "similarity" is the
share of the query's terms a passage holds. Real-index tests live beside these in the same modules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from assistant.answerability import AnswerabilityModel, Signals
from index import Passage, PassageFilter, ScoredPassage
from ingest.units import split_units
from tidlig.text import content_terms

PASSAGES = {
    "kl-1": ("KL", "Ved bekymring for et barn bør pædagogen søge sparring med sin leder eller socialrådgiveren."),
    "kl-2": ("KL", "Inddrag forældrene tidligt, og fortæl dem om bekymringen, før der underrettes."),
    "case-1": ("Holstebro", "Holstebro tilbyder alle nye forældre et kursus. 98 pct. af familierne takker ja."),
    "model-1": ("Hedensted", "Børnelinealen er en fælles model for tidlig opsporing af børn i mistrivsel."),
    "law-1": ("KL", "Fagpersoner har skærpet underretningspligt og skal underrette kommunen ved mistanke om omsorgssvigt."),
}


EMBEDDING_LENGTH = 2000


def _similarity(query: str, text: str) -> float:
    wanted = set(content_terms(query))
    return len(wanted & set(content_terms(text))) / len(wanted) if wanted else 0.0


class FakeRetriever:
    def __init__(self, passages: dict[str, Passage]) -> None:
        self._passages = passages

    def embed_query(self, query: str) -> list[float]:
        # Carries the query text to unit_similarities, padded to one length as a model's vectors are.
        codes = [float(ord(c)) for c in query[:EMBEDDING_LENGTH]]
        return codes + [0.0] * (EMBEDDING_LENGTH - len(codes))

    def embed_queries(self, queries: list[str]) -> list[list[float]]:
        return [self.embed_query(query) for query in queries]

    def terms(self, text: str) -> list[str]:
        return content_terms(text)  # no compound parts: the real index learns them from its corpus

    def hybrid(self, query: str, k: int = 10, filters: PassageFilter = PassageFilter(), vector=None) -> list[ScoredPassage]:
        scored = [(p, _similarity(query, p.text)) for p in self._passages.values() if filters.matches(p.metadata)]
        ranked = sorted((pair for pair in scored if pair[1] > 0), key=lambda pair: -pair[1])[:k]
        return [ScoredPassage(p, s, dense_rank=r, bm25_rank=r, dense_similarity=s) for r, (p, s) in enumerate(ranked, 1)]

    def rest_of_series(self, hits: list[ScoredPassage]) -> list[ScoredPassage]:
        return []  # the hand-written passages hold no numbered series

    def listed_sections(self, hits: list[ScoredPassage]) -> list[ScoredPassage]:
        return []  # ... no subsections a passage names in a list

    def results_of_examples(self, hits: list[ScoredPassage]) -> list[ScoredPassage]:
        return []  # ... and no example told in parts

    dense = hybrid
    bm25 = hybrid


@dataclass
class FakeIndex:
    """The parts of ``CorpusIndex`` the assistant uses, over a few hand-written passages."""

    texts: dict[str, tuple[str, str]] = field(default_factory=lambda: dict(PASSAGES))

    def __post_init__(self) -> None:
        self.passages = {
            cid: Passage(cid, text, {"doc_id": f"{cid.split('-')[0]}.txt", "title": title, "publisher": title, "location": "side 1"})
            for cid, (title, text) in self.texts.items()
        }
        self.retriever = FakeRetriever(self.passages)
        self.units = {cid: tuple(split_units(cid, p.text)) for cid, p in self.passages.items()}

    generation: int = 1  # bumped by a test to stand for a change committed by another process

    @property
    def is_empty(self) -> bool:
        return not self.passages

    def sync(self) -> None:
        """A real index reloads here what others committed; the fake's passages never change behind it."""

    def unit_similarities(self, vector: Sequence[float], unit_ids: Iterable[str]) -> dict[str, float]:
        query = "".join(chr(int(c)) for c in vector if c)
        by_id = {u.unit_id: u for units in self.units.values() for u in units}
        return {uid: _similarity(query, by_id[uid].text) for uid in unit_ids if uid in by_id}


def coverage_model(threshold: float = 0.5) -> AnswerabilityModel:
    """A hand-set model: answerable when the best passage covers a fifth of the question's (IDF-weighted) terms, never when a
    name is unknown."""
    weights = {name: 0.0 for name in Signals.FEATURES} | {"coverage": 10.0, "unknown_names": -10.0}
    return AnswerabilityModel(
        weights=tuple(weights[name] for name in Signals.FEATURES),
        bias=-2.0,
        mean=(0.0,) * len(Signals.FEATURES),
        scale=(1.0,) * len(Signals.FEATURES),
        threshold=threshold,
    )


@dataclass
class Delta:
    delta: str


class FakeLLM:
    """Streams a fixed reply in pieces and records the prompts it was given."""

    def __init__(self, reply: str) -> None:
        self.reply = reply
        self.prompts: list[str] = []

    def stream_chat(self, messages):
        self.prompts.append("\n".join(m.content for m in messages))
        for start in range(0, len(self.reply), 7):
            yield Delta(self.reply[start : start + 7])
