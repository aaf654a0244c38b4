"""The counting rules of a cycle, as data.

The law works in two-year cycles and each cycle sets its own window (a place counts when
it is in use on the window start and stays until the window end) and its own
requirements. Nothing in the package hard-codes a date: rules come from
``data/cycles.csv`` or from a scenario's ``cycle:`` key.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from pydantic import BaseModel, ConfigDict, model_validator

__all__ = ["CycleRules"]


class CycleRules(BaseModel):
    """When a place counts for a cycle.

    A location counts when it starts on or before ``window_start``, ends on or after
    ``window_end`` (or has no end) and, if ``require_decision``, the administrative
    decision is taken. ``soft_plans_count`` adds the soft plans (bestuurlijke
    voornemens) at their lower bound, to show what the province would have if they all
    materialise.

    Examples
    --------
    >>> r = CycleRules(window_start=date(2025, 7, 1), window_end=date(2026, 2, 1))
    >>> r.require_decision
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = "custom"
    name: str = ""
    window_start: date
    window_end: date
    require_decision: bool = True
    soft_plans_count: bool = False

    @model_validator(mode="after")
    def _window_order(self) -> CycleRules:
        if self.window_end <= self.window_start:
            raise ValueError(
                f"the window ends ({self.window_end}) on or before it starts "
                f"({self.window_start}); the end must come after the start"
            )
        return self

    @classmethod
    def from_row(cls, row: pd.Series) -> CycleRules:
        return cls(
            id=str(row["id"]),
            name=str(row["name"]),
            window_start=row["window_start"].date(),
            window_end=row["window_end"].date(),
            require_decision=bool(row["require_decision"]),
            soft_plans_count=bool(row["soft_plans_count"]),
        )

    @property
    def w0(self) -> pd.Timestamp:
        return pd.Timestamp(self.window_start)

    @property
    def w1(self) -> pd.Timestamp:
        return pd.Timestamp(self.window_end)
