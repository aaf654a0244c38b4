"""Draws: which uncertain plans materialise in time, one generator per draw.

Draw ``i`` uses its own generator, ``numpy.random.SeedSequence(seed, spawn_key=(i,))``
(the ``i``-th child of ``SeedSequence(seed).spawn``), and consumes the same numbers
whatever the probabilities are: one uniform per plan (realised when below its
probability) and one triangular delay per plan with a delay distribution. So two runs
with the same seed that differ in one plan's probability see the same draws of every
other plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

__all__ = ["Plan", "sample_draw"]


@dataclass(frozen=True)
class Plan:
    """An uncertain candidate: its probability of being realised and its start delay."""

    id: str
    municipality: str
    places: int
    probability: float
    start: date
    slack_days: int  # days between its earliest start and the window start (>= 0)
    delay: tuple[float, float, float] | None  # triangular (min, mode, max) in days

    @property
    def p_in_time(self) -> float:
        """Probability that it is realised and starts on or before the window start."""
        if self.delay is None:
            return self.probability
        lo, mode, hi = self.delay
        return self.probability * _triangular_cdf(self.slack_days, lo, mode, hi)


def _triangular_cdf(x: float, lo: float, mode: float, hi: float) -> float:
    if x < lo:
        return 0.0
    if x >= hi:
        return 1.0
    if x <= mode:
        return (x - lo) ** 2 / ((hi - lo) * (mode - lo)) if mode > lo else 0.0
    return 1 - (hi - x) ** 2 / ((hi - lo) * (hi - mode))


def sample_draw(plans: Sequence[Plan], seed: int, index: int) -> np.ndarray:
    """Which plans materialise in time in draw ``index`` (a bool per plan).

    Examples
    --------
    >>> p = Plan("a", "Aa", 10, 1.0, date(2025, 1, 1), 181, None)
    >>> bool(sample_draw([p], seed=1, index=0)[0])
    True
    """
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(index,)))
    out = np.zeros(len(plans), dtype=bool)
    for k, plan in enumerate(plans):
        realised = rng.random() < plan.probability
        on_time = True
        if plan.delay is not None:
            lo, mode, hi = plan.delay
            delay = rng.triangular(lo, mode, hi) if hi > lo else lo
            on_time = delay <= plan.slack_days
        out[k] = realised and on_time
    return out
