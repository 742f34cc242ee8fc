"""Summary figures shared by the benchmarks and the evaluation report."""

from __future__ import annotations

from collections.abc import Iterable


def percentile(values: Iterable[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with at least ``share`` (0-1) of the values at or below it.

    Example::

        percentile([4.0, 1.0, 3.0, 2.0], 0.5)   # 2.0
        percentile([4.0, 1.0, 3.0, 2.0], 0.95)  # 4.0
    """
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = -(-share * len(ordered) // 1)  # ceil without floating noise for whole ranks
    return float(ordered[min(len(ordered), max(1, int(rank))) - 1])
