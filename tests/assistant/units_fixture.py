"""A five-line stand-in for the index's unit API, built from hand-written chunks with the real
``split_units``: units per chunk, and a unit similarity that is the share of a query's words in the unit
(so tests can steer which unit resembles which question without an embedding model)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from assistant.relevance import RelevanceScorer
from index import Passage, ScoredPassage
from ingest.types import EvidenceUnit
from ingest.units import split_units
from tidlig.text import content_terms


class FakeUnitIndex:
    def __init__(self, chunks: Sequence[tuple[str, str, Mapping[str, object]]]) -> None:
        """``chunks``: (chunk id, text, metadata incl. block_kind) in retrieval rank order."""
        self.passages = {
            cid: Passage(cid, text, {"doc_id": f"{cid}.txt", "ordinal": i, **meta}) for i, (cid, text, meta) in enumerate(chunks)
        }
        self.units: dict[str, tuple[EvidenceUnit, ...]] = {
            cid: tuple(split_units(cid, text, str(meta.get("block_kind", "text")), str(meta.get("heading", ""))))
            for cid, text, meta in chunks
        }
        self._by_id = {u.unit_id: u for units in self.units.values() for u in units}
        self.relevance = RelevanceScorer(text for _, text, _ in chunks)

    def hits(self) -> list[ScoredPassage]:
        return [ScoredPassage(p, 1.0 / (1 + i), dense_rank=i + 1, dense_similarity=0.8) for i, p in enumerate(self.passages.values())]

    def embed_query(self, text: str) -> list[float]:
        """The "vector" of a query is its terms (see unit_similarities)."""
        return content_terms(text)  # type: ignore[return-value]

    def unit_similarities(self, query_vector: Sequence[str], unit_ids: Iterable[str]) -> dict[str, float]:
        wanted = set(query_vector)
        return {
            uid: len(wanted & set(content_terms(self._by_id[uid].search_text))) / max(1, len(wanted))
            for uid in unit_ids
            if uid in self._by_id
        }
