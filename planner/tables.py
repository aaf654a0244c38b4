"""Plain-text tables for the terminal, and JSON-safe conversion of frames."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from planner.formats import Words, fmt_value
from planner.i18n.errors import LANG

__all__ = ["text_table", "jsonable", "records"]


def text_table(
    rows: Sequence[Sequence[Any]],
    headers: Sequence[str],
    rules_after: Sequence[int] = (),
    lang: str = "nl",
) -> str:
    """A fixed-width table; numbers right-aligned, a rule line after given row indexes.

    Cells are written by :func:`planner.formats.fmt_value`: 1.234 and 5,3 in Dutch,
    dates without clock time, an empty cell blank (never "None").
    """
    cells = [[fmt_value(v, lang) for v in row] for row in rows]
    numeric = [
        all(
            isinstance(r[i], int | float | np.integer | np.floating)
            for r in rows
            if r[i] is not None
        )
        for i in range(len(headers))
    ]
    widths = [max([len(h), *(len(c[i]) for c in cells)]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if numeric[i] else v.ljust(w)
            for i, (v, w) in enumerate(zip(values, widths, strict=True))
        ).rstrip()

    sep = "  ".join("-" * w for w in widths)
    out = [line(headers), sep]
    for i, c in enumerate(cells):
        out.append(line(c))
        if i in rules_after:
            out.append(sep)
    return "\n".join(out)


def jsonable(value: Any) -> Any:
    """Convert numpy / pandas scalars to plain JSON types (NaN becomes None); words
    (:class:`~planner.formats.Words`) in the language of this context (``--lang``)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value  # the common cases first (a Words is a str subclass: not here)
    if isinstance(value, Words):
        return value.lang(LANG.get())
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating | float):
        f = float(value)
        return None if math.isnan(f) else f
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date().isoformat()
    if value is pd.NaT:
        return None
    return value


def records(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Rows of a frame as JSON-safe dicts."""
    if columns is not None and frame.columns.is_unique and len(set(columns)) == len(columns):
        # Named columns read one by one: no sub-frame is built (it costs more than
        # reading the columns on these small tables). Missing names raise KeyError.
        names = list(columns)
        if not names:
            return [{} for _ in range(len(frame))]
        cols = [frame[c].tolist() for c in names]
    else:
        sub = frame if columns is None else frame[list(columns)]
        names = list(sub.columns)
        if not names:
            return [{} for _ in range(len(sub))]
        # Whole columns as lists (the same Python values itertuples gives, without its
        # per-row cost), by position so that a repeated column name reads its own column.
        cols = [col.tolist() for _, col in sub.items()]
    return [jsonable(dict(zip(names, row, strict=True))) for row in zip(*cols, strict=True)]
