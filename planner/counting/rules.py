"""The counting rules of a cycle, as data.

The law works in two-year cycles and each cycle sets its own window (a place counts when
it is in use on the window start and stays until the window end) and its own
requirements. Nothing in the package hard-codes a date: rules come from
``data/cycles.csv`` or from a scenario's ``cycle:`` key.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, model_validator

__all__ = ["CycleRules"]


class CycleRules(BaseModel):
    """When a place counts for a cycle.

    A location counts when it starts on or before ``window_start``, ends on or after
    ``window_end`` (or has no end) and, if ``require_decision``, the administrative
    decision is taken. Later cycles count only durable places: with ``min_years`` a
    location must stay available until at least ``window_start`` plus that many years
    (or have no end), with ``min_places`` it must have at least that many places, and
    with ``types`` only those location types count. ``status`` ``assumed`` marks rules
    (and quotas) that are this data set's assumption, not a decision.
    ``soft_plans_count`` adds the soft plans (bestuurlijke voornemens) at their lower
    bound, to show what the province would have if they all materialise.

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
    min_years: int | None = None
    min_places: int | None = None
    types: tuple[str, ...] | None = None
    status: Literal["decided", "assumed"] = "decided"
    source: str = ""
    #: The source in Dutch (cycles.csv ``toelichting``), for the Dutch outputs.
    toelichting: str = ""

    def source_in(self, lang: str = "nl") -> str:
        """The cycle's source in the reader's language (its id when none is given)."""
        return (self.toelichting if lang == "nl" and self.toelichting else self.source) or self.id

    @model_validator(mode="after")
    def _window_order(self) -> CycleRules:
        if self.window_end <= self.window_start:
            raise ValueError(
                f"the window ends ({self.window_end}) on or before it starts "
                f"({self.window_start}); the end must come after the start"
            )
        return self

    @classmethod
    def from_row(cls, row: pd.Series | Mapping[str, Any]) -> CycleRules:
        # Read as a dict: a Series lookup costs more than the rest of this together.
        row = row.to_dict() if isinstance(row, pd.Series) else dict(row)

        def opt_int(key: str) -> int | None:
            value = row.get(key)
            return None if value is None or pd.isna(value) else int(value)

        types = row.get("types")
        return cls(
            id=str(row["id"]),
            name=str(row["name"]),
            window_start=row["window_start"].date(),
            window_end=row["window_end"].date(),
            require_decision=bool(row["require_decision"]),
            soft_plans_count=bool(row["soft_plans_count"]),
            min_years=opt_int("min_years"),
            min_places=opt_int("min_places"),
            types=tuple(types) if isinstance(types, tuple | list) and types else None,
            status=str(row.get("status") or "decided"),  # type: ignore[arg-type]
            source=str(row.get("source") or ""),
            toelichting=""
            if pd.isna(row.get("toelichting"))
            else str(row.get("toelichting") or ""),
        )

    @property
    def assumed(self) -> bool:
        """The rules (and the cycle's quotas) are an assumption, not a decision."""
        return self.status == "assumed"

    @property
    def durable_until(self) -> date | None:
        """The date a place must stay available until to be durable (``window_start`` +
        ``min_years``), or None when the cycle has no such rule."""
        if self.min_years is None:
            return None
        return (pd.Timestamp(self.window_start) + pd.DateOffset(years=self.min_years)).date()

    @property
    def has_place_rules(self) -> bool:
        """Whether durability, size or type rules apply (none do in cycle 1)."""
        return self.min_years is not None or self.min_places is not None or bool(self.types)

    @property
    def w0(self) -> pd.Timestamp:
        return pd.Timestamp(self.window_start)

    @property
    def w1(self) -> pd.Timestamp:
        return pd.Timestamp(self.window_end)
