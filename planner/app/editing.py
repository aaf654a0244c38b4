"""A scenario as editable tables, and back, with every problem named by row and field.

Planners edit candidates, location changes and the swap register in spreadsheet-like
tables. This module is the only place that turns a :class:`~planner.scenario.schema.Scenario`
into those tables and the tables back into a scenario, through the same validation as
the scenario files (:func:`~planner.scenario.schema.parse_scenario`, and
:func:`~planner.scenario.schema.check_against_data` when the data is given). A problem is
reported as an :class:`~planner.errors.Issue` whose ``file`` is the table, ``line`` the
row as the user sees it (1 = first row) and ``column`` the field, so the app can put it
next to the cell.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from planner.data.loader import Dataset, suggest
from planner.errors import InputError, Issue, words_then
from planner.formats import Words
from planner.scenario.schema import Scenario, check_against_data, parse_scenario
from planner.scenario.text import friendly_message, read_scenario_text, scenario_to_yaml

__all__ = [
    "TABLES",
    "COLUMN_TYPES",
    "LIST_TABLES",
    "scenario_to_tables",
    "tables_to_scenario",
    "draft_payload",
    "read_draft",
]

#: The editable tables and their columns, in the order the editor shows them.
TABLES: dict[str, list[str]] = {
    "candidates": [
        "id", "kind", "municipality", "location", "min_places", "max_places", "target_group",
        "programme", "start", "end", "cost", "must_open", "probability", "note",
    ],
    "location_changes": [
        "location", "places", "start", "end", "end_indefinite", "decided", "close", "note",
    ],
    "register": [
        "id", "from", "to", "places", "amv_places", "start", "end", "status", "condition", "note",
        "counter_programme", "counter_places",
    ],
    "swap_settings": [
        "policy", "max_per_pair", "max_in_per_municipality", "amv", "givers", "receivers",
    ],
    "limits": ["max_new_locations", "max_new_places", "max_cost"],
}  # fmt: skip

#: Tables with one row per item (the others hold one row of settings).
LIST_TABLES = ("candidates", "location_changes", "register")

#: How each column is typed in the editor frames.
COLUMN_TYPES: dict[str, str] = {
    **dict.fromkeys(
        ["id", "kind", "municipality", "location", "target_group", "note", "from", "to",
         "status", "condition", "policy", "programme", "counter_programme"],
        "text",
    ),
    **dict.fromkeys(
        ["min_places", "max_places", "places", "amv_places", "max_per_pair",
         "max_in_per_municipality", "max_new_locations", "max_new_places", "counter_places"],
        "int",
    ),
    **dict.fromkeys(["cost", "probability", "max_cost"], "float"),
    **dict.fromkeys(["start", "end"], "date"),
    **dict.fromkeys(["must_open", "end_indefinite", "close", "amv"], "bool"),
    "decided": "choice",  # yes / no / empty (unchanged): a checkbox cannot say "unchanged"
    **dict.fromkeys(["givers", "receivers"], "list"),
}  # fmt: skip

_DTYPES = {"text": object, "int": "Int64", "float": "Float64", "date": "datetime64[ns]",
           "bool": bool, "choice": object, "list": object}  # fmt: skip

# Where the scenario keeps each table.
_PATHS = {
    "candidates": ("candidates",),
    "location_changes": ("location_changes",),
    "register": ("swaps", "register"),
    "swap_settings": ("swaps",),
    "limits": ("limits",),
}


# --------------------------------------------------------------------------- to tables


def _frame(rows: list[dict[str, Any]], table: str) -> pd.DataFrame:
    columns = TABLES[table]
    data: dict[str, Any] = {}
    for col in columns:
        kind = COLUMN_TYPES[col]
        values = [r.get(col) for r in rows]
        if kind == "date":
            data[col] = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").astype(
                "datetime64[ns]"
            )
        elif kind == "bool":
            data[col] = pd.Series([bool(v) for v in values], dtype=bool)
        elif kind == "choice":
            data[col] = pd.Series([_choice(v) for v in values], dtype=object)
        elif kind == "list":
            data[col] = pd.Series([list(v) if v else None for v in values], dtype=object)
        elif kind in ("int", "float"):
            numbers = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce")
            whole = kind == "int" and bool((numbers.dropna() % 1 == 0).all())
            data[col] = numbers.astype("Int64" if whole else "Float64")
        else:
            data[col] = pd.Series([None if _missing(v) else v for v in values], dtype=object)
    return pd.DataFrame(data, columns=columns)


def _choice(value: Any) -> str | None:
    """``decided`` as the editor shows it: yes, no or empty (unchanged)."""
    if value is None or _missing(value):
        return None
    if isinstance(value, str):
        return {"ja": "yes", "nee": "no"}.get(value.strip().lower(), value.strip().lower())
    return "yes" if value else "no"


def scenario_to_tables(scenario: Scenario) -> dict[str, pd.DataFrame]:
    """The scenario's editable parts as frames: one per entry of :data:`TABLES`.

    Integer columns are nullable (``Int64``), dates ``datetime64`` (``NaT`` = not set),
    text ``object`` with ``None`` for empty cells, ``decided`` is ``yes`` / ``no`` /
    ``None`` (unchanged). ``swap_settings`` and ``limits`` have exactly one row.

    Examples
    --------
    >>> s = Scenario(name="x", candidates=[{"id": "borne-new", "municipality": "Borne",
    ...     "max_places": 150, "start": "2025-05-01"}])
    >>> t = scenario_to_tables(s)
    >>> t["candidates"].loc[0, "id"], int(t["candidates"].loc[0, "max_places"]), len(t["limits"])
    ('borne-new', 150, 1)
    """
    d = scenario.model_dump(mode="python", by_alias=True)
    settings = {k: v for k, v in d["swaps"].items() if k != "register"}
    return {
        "candidates": _frame(d["candidates"], "candidates"),
        "location_changes": _frame(d["location_changes"], "location_changes"),
        "register": _frame(d["swaps"]["register"], "register"),
        "swap_settings": _frame([settings], "swap_settings"),
        "limits": _frame([d["limits"]], "limits"),
    }


# --------------------------------------------------------------------------- from tables


def _missing(value: Any) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, np.floating) and np.isnan(value):
        return True
    return isinstance(value, str) and value.strip() == ""


def _cell(value: Any, column: str) -> Any:
    """An editor cell as the plain value the scenario model reads (None = not set)."""
    if isinstance(value, list | tuple | np.ndarray):
        items = [str(v).strip() for v in value if not _missing(v)]
        return items or None
    if _missing(value):
        return None
    kind = COLUMN_TYPES.get(column, "text")
    if isinstance(value, pd.Timestamp | datetime):
        return value.date()
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        value = float(value)
    if kind == "int" and isinstance(value, float) and value.is_integer():
        return int(value)
    if kind == "choice":
        text = str(value).strip().lower()
        if text in ("yes", "ja", "true", "1"):
            return True
        if text in ("no", "nee", "false", "0"):
            return False
        return value
    if isinstance(value, str):
        return value.strip()
    return value


def _rows(frame: pd.DataFrame | None, table: str) -> tuple[list[dict[str, Any]], list[int]]:
    """Non-empty rows as dicts without unset cells, and each row's number in the editor."""
    if frame is None:
        return [], []
    out, positions = [], []
    columns = [c for c in TABLES[table] if c in frame.columns]
    for n, record in enumerate(frame[columns].to_dict("records"), start=1):
        row = {k: _cell(v, k) for k, v in record.items()}
        bools = {k for k in row if COLUMN_TYPES.get(k) == "bool"}
        if all(v is None or (k in bools and v is False) for k, v in row.items()):
            continue  # an empty row the editor added: nothing to check
        out.append({k: v for k, v in row.items() if v is not None})
        positions.append(n)
    return out, positions


def _single(frame: pd.DataFrame) -> dict[str, Any]:
    """The one row of a settings table, without unset cells (an unticked box is False)."""
    if frame.empty:
        return {}
    record = frame.iloc[0].to_dict()
    row = {k: _cell(v, k) for k, v in record.items() if k in COLUMN_TYPES}
    return {k: v for k, v in row.items() if v is not None}


#: The field a row-level problem is about, by the key of its words (messages are
#: Dutch or English text; their key does not change with the language).
_MESSAGE_FIELDS = {
    "sc_min_above_max": "min_places",
    "ds_end_before_start": "end",
    "sc_new_needs_municipality": "municipality",
    "sc_new_needs_max": "max_places",
    "sc_new_needs_start": "start",
    "sc_needs_location": "location",
    "ds_amv_above_places": "amv_places",
    "sc_swap_same": "to",
    "sc_end_and_indefinite": "end",
    "sc_counter_together": "counter_places",
    "sc_oek_not_amv": "programme",
    "sc_oek_new_site": "kind",
}
_DUPLICATE = {"sc_candidate_id_twice": "candidates", "sc_swap_id_twice": "register"}

_PATH = re.compile(
    r"^(?P<table>candidates|location_changes|swaps\.register)\[(?P<row>\d+)\]"
    r"(?:\.(?P<field>[A-Za-z_]+))?"
)
_SETTING = re.compile(r"^(?P<table>swaps|limits)\.(?P<field>[A-Za-z_]+)")


def _locate(
    issue: Issue, positions: Mapping[str, list[int]], rows: Mapping[str, list[dict[str, Any]]]
) -> Issue:
    """An issue of the scenario model, moved to the table, row and field it is about."""
    path = issue.column or ""
    message, fix = friendly_message(issue.message, issue.fix)
    table, line, field = "scenario", None, path or None
    if m := _PATH.match(path):
        table = "register" if m["table"] == "swaps.register" else m["table"]
        index = int(m["row"])
        pos = positions.get(table, [])
        line = pos[index] if index < len(pos) else index + 1
        field = m["field"]
        if field is None:
            field = _MESSAGE_FIELDS.get(getattr(message, "key", ""))
    elif m := _SETTING.match(path):
        table = "swap_settings" if m["table"] == "swaps" else "limits"
        line, field = 1, m["field"]
    elif getattr(message, "key", "") in _DUPLICATE:
        table = _DUPLICATE[message.key]
        ids = [r.get("id") for r in rows.get(table, [])]
        dups = [i for i, v in enumerate(ids) if v == message.values.get("id")]
        pos = positions.get(table, [])
        line = pos[dups[-1]] if dups and dups[-1] < len(pos) else None
        field = "id"
    return Issue(table, message, fix, line=line, column=field, value=issue.value)


def tables_to_scenario(
    base: Scenario,
    tables: Mapping[str, pd.DataFrame | None],
    ds: Dataset | None = None,
    label: str = "<editor>",
) -> Scenario:
    """The scenario ``base`` with its editable parts replaced by ``tables``.

    Parameters
    ----------
    base
        The scenario being edited: name, description, cycle, objective and solver
        settings come from it.
    tables
        Frames as made by :func:`scenario_to_tables` and edited by the user; a table
        that is missing keeps the base's values. Rows that are entirely empty are
        ignored (the editor adds them when a user clicks "add row").
    ds
        When given, every municipality and location id must exist in the data.

    Raises
    ------
    InputError
        Every problem, each an :class:`~planner.errors.Issue` with ``file`` = table
        name, ``line`` = row number in the editor (1 = first row; settings tables have
        one row), ``column`` = field.
    """
    raw = base.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    raw["name"] = base.name
    rows: dict[str, list[dict[str, Any]]] = {}
    positions: dict[str, list[int]] = {}
    for table in LIST_TABLES:
        if tables.get(table) is not None:
            rows[table], positions[table] = _rows(tables[table], table)
    swaps = dict(raw.get("swaps", {}))
    if tables.get("swap_settings") is not None:
        # settings the editor has no column for (swaps across programmes) are kept
        kept = {k: v for k, v in swaps.items()
                if k != "register" and k not in TABLES["swap_settings"]}  # fmt: skip
        swaps = {"register": swaps.get("register", []), **kept, **_single(tables["swap_settings"])}
    if "register" in rows:
        # A record keeps the fields its table does not show (a draft saved before the
        # counter_programme / counter_places columns existed): kept by id.
        shown = set(tables["register"].columns)
        hidden = {r.get("id"): {k: v for k, v in r.items()
                                if k.startswith("counter_") and k not in shown}
                  for r in swaps.get("register", [])}  # fmt: skip
        swaps["register"] = [{**hidden.get(r.get("id"), {}), **r} for r in rows["register"]]
    raw["swaps"] = swaps
    if "candidates" in rows:
        # The editor has no column for a start-delay distribution (risk runs); a
        # candidate that keeps its id keeps its delay.
        delays = {
            c.id: c.start_delay_days.model_dump(mode="json")
            for c in base.candidates
            if c.start_delay_days is not None
        }
        for row in rows["candidates"]:
            if row.get("id") in delays and row.get("start_delay_days") is None:
                row["start_delay_days"] = delays[row["id"]]
        # Nor for the plan over the years' fields (issue 13): kept by id likewise.
        timing = {
            c.id: {k: v for k in ("decision_date", "lead_months", "min_years")
                   if (v := getattr(c, k)) is not None}
            for c in base.candidates
        }  # fmt: skip
        for row in rows["candidates"]:
            for k, v in timing.get(row.get("id"), {}).items():
                row.setdefault(k, v.isoformat() if hasattr(v, "isoformat") else v)
            # The programme column decides (issue 12): an OEK row's target group is oek;
            # a row set back to asiel drops the oek target group it was shown with.
            if row.get("programme") == "oek" and row.get("target_group") != "amv":
                row["target_group"] = "oek"
            elif row.get("programme") == "asiel" and row.get("target_group") == "oek":
                row.pop("target_group")
        raw["candidates"] = rows["candidates"]
    if "location_changes" in rows:
        raw["location_changes"] = rows["location_changes"]
    if tables.get("limits") is not None:
        raw["limits"] = _single(tables["limits"])
    found: list[Issue] = _name_issues(rows, positions, ds) if ds is not None else []
    title = Words("sc_title_problems", label=label)
    try:
        scenario = parse_scenario(raw, label)
        if ds is not None and not found:
            check_against_data(scenario, ds, label)
    except InputError as exc:
        found += [_locate(i, positions, rows) for i in exc.issues]
        title = exc.title
    if found:
        unique = list(dict.fromkeys(found))  # the name check and the model may agree
        unique.sort(key=lambda i: (list(TABLES).index(i.file) if i.file in TABLES else 99,
                                   i.line or 0))  # fmt: skip
        raise InputError(unique, title)
    return scenario


_NAME_COLUMNS = {
    "candidates": (("municipality", "municipality"), ("location", "location")),
    "location_changes": (("location", "location"),),
    "register": (("from", "outside"), ("to", "municipality")),
}


def _name_issues(
    rows: Mapping[str, list[dict[str, Any]]], positions: Mapping[str, list[int]], ds: Dataset
) -> list[Issue]:
    """Unknown municipalities and location ids, row by row, even when other cells of
    the same rows are wrong too (the model checks names only once everything parses)."""
    munis = ds.municipality_names
    known = {
        "municipality": munis,
        "outside": munis + (list(ds.population["name"]) if not ds.population.empty else []),
        "location": list(ds.locations["id"]),
    }
    out = []
    for table, checks in _NAME_COLUMNS.items():
        for row, line in zip(rows.get(table, []), positions.get(table, []), strict=True):
            for column, kind in checks:
                value = row.get(column)
                if value is None or value in known[kind]:
                    continue
                hint = suggest(str(value), known[kind])
                message = (
                    Words("sc_unknown_location", id=str(value))
                    if kind == "location"
                    else Words("err_unknown_municipality", name=str(value))
                )
                fix = Words(
                    "ed_choose_location" if kind == "location" else "ed_choose_municipality"
                )
                out.append(
                    Issue(table, message, words_then(hint, fix),
                          line=line, column=column, value=str(value))
                )  # fmt: skip
    return out


# --------------------------------------------------------------------------- drafts


def draft_payload(
    base: Scenario, tables: Mapping[str, pd.DataFrame], info: Mapping[str, Any]
) -> str:
    """An edit in progress as JSON text: the scenario it started from, the tables as
    the user left them (valid or not) and ``info`` (where it came from, which version).

    The store keeps this text as a draft; :func:`read_draft` gives the same tables
    back, so an edit survives a page reload even when it does not validate yet.
    """
    frames = {
        name: json.loads(frame.to_json(orient="records", date_format="iso"))
        for name, frame in tables.items()
        if name in TABLES
    }
    return json.dumps(
        {"base": scenario_to_yaml(base), "tables": frames, "info": dict(info)},
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )


def read_draft(payload: str) -> tuple[Scenario, dict[str, pd.DataFrame], dict[str, Any]]:
    """The scenario, tables and info of a :func:`draft_payload`.

    Raises
    ------
    InputError
        The text is not a draft (an old or damaged row).
    """
    try:
        data = json.loads(payload)
        base = parse_scenario(read_scenario_text(data["base"], "<draft>"), "<draft>")
        tables = {
            name: _frame(rows, name) for name, rows in data["tables"].items() if name in TABLES
        }
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(
            [
                Issue(
                    "<draft>",
                    Words("ed_draft_unreadable", error=str(exc)[:120]),
                    Words("ed_draft_unreadable_fix"),
                )
            ],
            Words("ed_title_restore"),
        ) from None
    for name in TABLES:
        tables.setdefault(name, scenario_to_tables(base)[name])
    return base, tables, dict(data.get("info") or {})


def for_editing(scenario: Scenario) -> Scenario:
    """The scenario as the editor opens it: amv places are swapped only when the
    scenario says so (``swaps.amv: true``); a scenario that does not mention it opens
    with the box off, so nobody swaps amv places without choosing to."""
    if "amv" in scenario.swaps.model_fields_set:
        return scenario
    return scenario.model_copy(update={"swaps": scenario.swaps.model_copy(update={"amv": False})})
