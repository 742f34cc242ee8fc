"""Vectors held in memory as one float32 matrix, searched exactly with one matrix-vector product.

The bundled corpus has ~300 chunks and ~1.5k units of 384 dimensions (under 3 MB), so an exact search
costs well under a millisecond, where a Chroma query cost ~20 ms and its approximate (HNSW) index
returned slightly different neighbours for the same data after a reopen. Chroma stays the store the
vectors are loaded from (embedded or server).

Example::

    vectors = VectorMatrix(["a", "b"], np.array([[1, 0], [0, 1]], dtype=np.float32))
    vectors.scores([1.0, 0.0])             # array([1., 0.])
    vectors.similarities([1.0, 0.0], ["b"])  # {"b": 0.0}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np


class VectorMatrix:
    """Rows of L2-normalised vectors by id; immutable, so concurrent queries may share it."""

    def __init__(self, ids: Sequence[str], matrix: np.ndarray) -> None:
        rows = matrix.shape[0] if matrix.size else 0
        if len(ids) != rows:
            raise ValueError(f"{len(ids)} ids but {rows} vectors")
        self.ids = tuple(ids)
        self._row = {item: row for row, item in enumerate(self.ids)}
        self._matrix = np.asarray(matrix, dtype=np.float32) if rows else np.zeros((0, 0), dtype=np.float32)

    def __len__(self) -> int:
        return len(self.ids)

    def scores(self, query_vector: Sequence[float]) -> np.ndarray:
        """Cosine similarity of the query to every row, in ``ids`` order."""
        if not self.ids:
            return np.zeros(0, dtype=np.float32)
        return self._matrix @ normalised(query_vector)

    def similarities(self, query_vector: Sequence[float], ids: Iterable[str]) -> dict[str, float]:
        """Cosine similarity to each listed id; unknown ids are left out."""
        rows = [(item, self._row[item]) for item in ids if item in self._row]
        if not rows:
            return {}
        scores = self._matrix[[row for _, row in rows]] @ normalised(query_vector)
        return {item: float(score) for (item, _), score in zip(rows, scores, strict=True)}

    def ranked(self, query_vector: Sequence[float]) -> list[tuple[str, float]]:
        """Every id with its similarity, most similar first."""
        scores = self.scores(query_vector)
        order = np.argsort(-scores, kind="stable")
        return [(self.ids[i], float(scores[i])) for i in order]


def normalised(vector: Sequence[float]) -> np.ndarray:
    array = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(array))
    return array / norm if norm else array
