"""What one scenario changes against another, as a table people can read.

A board member looking at a result first asks "what is different from the base?". The
answer must come from the scenarios' inputs, not from their files (formatting, key
order and comments do not matter), and must name every candidate, location change and
swap that was added, removed or changed, and every setting that differs.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from planner.scenario.schema import Scenario

__all__ = ["diff_scenarios", "DIFF_COLUMNS", "SECTIONS"]

DIFF_COLUMNS = ["section", "key", "field", "before", "after"]

#: Sections in the order they are listed; ``key`` is empty for settings sections.
SECTIONS = (
    "cycle",
    "swaps",
    "limits",
    "objective",
    "solver",
    "candidates",
    "location_changes",
    "register",
)

#: Marker in ``field`` for a whole item added or removed.
WHOLE_ITEM = ""


def _show(value: Any) -> str | None:
    """A cell for the table: text, so a column never mixes numbers and words."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _summary(item: dict[str, Any], key_field: str) -> str:
    """An added or removed item in one line: its fields that are set."""
    parts = [
        f"{k}={_show(v)}"
        for k, v in item.items()
        if k != key_field
        and v is not None
        and v is not False
        and v != ""
        and not (k == "programme" and v == "asiel")  # the default, said by target_group
    ]
    return "; ".join(parts)


def _settings(section: str, before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for field in dict.fromkeys([*before, *after]):
        b, a = before.get(field), after.get(field)
        if b != a:
            rows.append(
                {"section": section, "key": "", "field": field, "before": _show(b),
                 "after": _show(a)}
            )  # fmt: skip
    return rows


def _items(
    section: str, before: list[dict[str, Any]], after: list[dict[str, Any]], key_field: str
) -> list[dict[str, Any]]:
    old = {str(i[key_field]): i for i in before}
    new = {str(i[key_field]): i for i in after}
    rows = []
    for key in sorted(set(old) | set(new)):
        if key not in new:
            rows.append(
                {"section": section, "key": key, "field": WHOLE_ITEM,
                 "before": _summary(old[key], key_field), "after": None}
            )  # fmt: skip
        elif key not in old:
            rows.append(
                {"section": section, "key": key, "field": WHOLE_ITEM, "before": None,
                 "after": _summary(new[key], key_field)}
            )  # fmt: skip
        else:
            for row in _settings(section, old[key], new[key]):
                rows.append({**row, "key": key})
    return rows


def diff_scenarios(a: Scenario, b: Scenario) -> pd.DataFrame:
    """The input differences from scenario ``a`` (before) to ``b`` (after).

    Returns
    -------
    pandas.DataFrame
        Columns ``section, key, field, before, after`` (values as text). Sections are
        :data:`SECTIONS`: the settings sections (``cycle``, ``swaps``, ``limits``,
        ``objective``, ``solver``) have one row per changed field and an empty key;
        ``candidates``, ``location_changes`` and ``register`` (the swap register) are
        keyed by candidate id, location id and swap id: an added item has an empty
        ``field`` and ``before`` None, a removed one an empty ``field`` and ``after``
        None, a changed one a row per changed field. Name, description and
        ``extends`` are not inputs and are not compared. No differences: no rows.

    Examples
    --------
    >>> base = Scenario(name="base")
    >>> borne = Scenario(name="borne", candidates=[{"id": "borne-new",
    ...     "municipality": "Borne", "max_places": 150, "start": "2025-05-01"}])
    >>> diff_scenarios(base, borne)[["section", "key", "before"]].values.tolist()
    [['candidates', 'borne-new', None]]
    """
    da = a.model_dump(mode="python", by_alias=True)
    db = b.model_dump(mode="python", by_alias=True)
    rows: list[dict[str, Any]] = []
    rows += _settings("cycle", da["cycle"], db["cycle"])
    sa = {k: v for k, v in da["swaps"].items() if k != "register"}
    sb = {k: v for k, v in db["swaps"].items() if k != "register"}
    rows += _settings("swaps", sa, sb)
    rows += _settings("limits", da["limits"], db["limits"])
    if da["objective"] != db["objective"]:
        rows.append(
            {"section": "objective", "key": "", "field": "order",
             "before": _show(da["objective"]), "after": _show(db["objective"])}
        )  # fmt: skip
    rows += _settings("solver", da["solver"], db["solver"])
    rows += _items("candidates", da["candidates"], db["candidates"], "id")
    rows += _items("location_changes", da["location_changes"], db["location_changes"], "location")
    rows += _items("register", da["swaps"]["register"], db["swaps"]["register"], "id")
    return pd.DataFrame(rows, columns=DIFF_COLUMNS, dtype=object)
