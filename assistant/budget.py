"""A time budget for one request, so a slow answer is stopped instead of holding an answer slot.

Example::

    budget = Budget(30.0)
    ...
    if budget.spent:
        return over_budget_answer(budget)
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Budget:
    seconds: float
    started: float = field(default_factory=time.monotonic)

    @property
    def remaining(self) -> float:
        return max(0.0, self.seconds - (time.monotonic() - self.started))

    @property
    def spent(self) -> bool:
        return self.remaining == 0.0
