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


class UnitVectors:
    """Immutable after construction, so concurrent queries may share it; a commit builds a new one."""

    def __init__(self, units: Sequence[EvidenceUnit], matrix: np.ndarray) -> None:
        if len(units) != (matrix.shape[0] if matrix.size else 0):
            raise ValueError(f"{len(units)} units but {matrix.shape[0]} vectors")
        self._row = {unit.unit_id: row for row, unit in enumerate(units)}
        self._matrix = matrix if matrix.size else np.zeros((0, 0), dtype=np.float32)
        self._chunk_of_row = np.array([unit.chunk_id for unit in units], dtype=object)
        by_chunk: dict[str, list[EvidenceUnit]] = {}
        for unit in units:
            by_chunk.setdefault(unit.chunk_id, []).append(unit)
        self.by_chunk: Mapping[str, tuple[EvidenceUnit, ...]] = MappingProxyType(
            {chunk_id: tuple(sorted(found, key=lambda u: u.position)) for chunk_id, found in by_chunk.items()}
        )

    def __len__(self) -> int:
        return len(self._row)

    def all_similarities(self, query_vector: Sequence[float]) -> np.ndarray:
        """Cosine similarity of the query to every unit, in row order (vectors are L2-normalised)."""
        if not self._row:
            return np.zeros(0, dtype=np.float32)
        return self._matrix @ _normalised(query_vector)

    def similarities(self, query_vector: Sequence[float], unit_ids: Iterable[str]) -> dict[str, float]:
        rows = [(unit_id, self._row[unit_id]) for unit_id in unit_ids if unit_id in self._row]
        if not rows:
            return {}
        scores = self._matrix[[row for _, row in rows]] @ _normalised(query_vector)
        return {unit_id: float(score) for (unit_id, _), score in zip(rows, scores)}

    def best_per_chunk(self, query_vector: Sequence[float], allowed: Iterable[str] | None = None) -> dict[str, float]:
        """Per chunk the similarity of its best unit (chunks in ``allowed`` only, when given)."""
        scores = self.all_similarities(query_vector)
        best: dict[str, float] = {}
        keep = set(allowed) if allowed is not None else None
        for chunk_id, score in zip(self._chunk_of_row, scores.tolist()):
            if (keep is None or chunk_id in keep) and score > best.get(chunk_id, -2.0):
                best[chunk_id] = score
        return best


def _normalised(vector: Sequence[float]) -> np.ndarray:
    array = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(array))
    return array / norm if norm else array
