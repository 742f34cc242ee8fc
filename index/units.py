"""Evidence units in memory: the units of every chunk the manifest lists and their vectors as one matrix.

About 1.5k units x 384 float32 is 2.3 MB, so a query's similarity to every unit is one matrix-vector
product (well under a millisecond) and needs no Chroma round trip.

Example::

    vectors = UnitVectors(units, matrix)
    vectors.similarities(query_vector, ["kl-...-u003"])   # {"kl-...-u003": 0.87}
    vectors.best_per_chunk(query_vector)                   # {chunk_id: best unit similarity}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

import numpy as np

from ingest.types import EvidenceUnit
from index.vectors import VectorMatrix


class UnitVectors:
    """Immutable after construction, so concurrent queries may share it; a commit builds a new one."""

    def __init__(self, units: Sequence[EvidenceUnit], matrix: np.ndarray) -> None:
        self._vectors = VectorMatrix([unit.unit_id for unit in units], matrix)
        chunk_ids = sorted({unit.chunk_id for unit in units})
        self._chunk_ids = chunk_ids
        number = {chunk_id: n for n, chunk_id in enumerate(chunk_ids)}
        self._chunk_of_row = np.array([number[unit.chunk_id] for unit in units], dtype=np.int64)
        by_chunk: dict[str, list[EvidenceUnit]] = {}
        for unit in units:
            by_chunk.setdefault(unit.chunk_id, []).append(unit)
        self.by_chunk: Mapping[str, tuple[EvidenceUnit, ...]] = MappingProxyType(
            {chunk_id: tuple(sorted(found, key=lambda u: u.position)) for chunk_id, found in by_chunk.items()}
        )

    def __len__(self) -> int:
        return len(self._vectors)

    def similarities(self, query_vector: Sequence[float], unit_ids: Iterable[str]) -> dict[str, float]:
        return self._vectors.similarities(query_vector, unit_ids)

    def best_per_chunk(self, query_vector: Sequence[float]) -> dict[str, float]:
        """Per chunk the similarity of its best unit."""
        if not len(self._vectors):
            return {}
        best = np.full(len(self._chunk_ids), -np.inf, dtype=np.float32)
        np.maximum.at(best, self._chunk_of_row, self._vectors.scores(query_vector))
        return dict(zip(self._chunk_ids, best.tolist(), strict=True))
