"""The tables and figures the app's pages show, shaped from library results.

The app holds no counting or model logic: every number on a page comes from a function
here (or in :mod:`planner.counting`, :mod:`planner.solve`, :mod:`planner.timeline`)
that the tests call directly. These functions only select, join, split and label
what the library computed, so the pages stay a thin layer of widgets.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from planner.errors import Issue
from planner.export import write_xlsx
from planner.i18n import Lang, t
from planner.loader import Dataset
from planner.solution import level_label, marginal_words

__all__ = [
    "format_number",
    "format_percent",
    "level_summary",
    "municipality_chart_data",
    "coverage_geojson",
    "location_table",
    "filter_locations",
    "split_swaps",
    "marginal_table",
    "levels_table",
    "issues_table",
    "dataset_hash",
    "labelled",
    "workbook_bytes",
    "LOCATION_COLUMNS",
]


def format_number(value: Any, lang: Lang = "nl") -> str:
    """A whole number as people write it: ``3.864`` in Dutch, ``3,864`` in English.

    >>> format_number(3864), format_number(3864, "en"), format_number(-12.0)
    ('3.864', '3,864', '-12')
    >>> format_number(None)
    '–'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{round(float(value)):,}"
    return text.replace(",", ".") if lang == "nl" else text


def format_percent(value: Any) -> str:
    """A share as a whole percentage (``0.6109`` -> ``61%``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{100 * float(value):.0f}%"


_SUMMARY = [
    "quota", "credited", "shortfall", "amv_quota", "amv_credited", "amv_shortfall",
    "soft_plans", "amv_soft_plans", "municipal_shortfall", "coverage",
]  # fmt: skip


def level_summary(regions: pd.DataFrame, province: pd.Series, province_name: str) -> pd.DataFrame:
    """Province and regions in one table: what the overview's metrics show.

    Works for a :class:`~planner.counting.CycleReport` (``regions``, ``total``) and a
    :class:`~planner.solve.SolveResult` (``regions``, ``province``). ``credited`` is
    what the report calls guaranteed places. Rows: the province first, then the
    regions; columns ``level`` (``province`` / ``region``), ``area`` (its name) and
    quota, credited, shortfall, amv_quota, amv_credited, amv_shortfall, soft_plans,
    amv_soft_plans, municipal_shortfall, coverage.
    """
    rows = [{"level": "province", "area": province_name, **{c: province[c] for c in _SUMMARY}}]
    for _, reg in regions.iterrows():
        rows.append({"level": "region", "area": reg["region"], **{c: reg[c] for c in _SUMMARY}})
    out = pd.DataFrame(rows)
    for col in _SUMMARY:
        if col != "coverage":
            out[col] = out[col].astype(int)
    out["coverage"] = out["coverage"].astype(float)
    return out


def municipality_chart_data(municipalities: pd.DataFrame) -> pd.DataFrame:
    """Per municipality the quota, credited places, shortfall, surplus and coverage,
    in the report's order (region, name): the bars of the overview chart."""
    cols = ["name", "region", "quota", "credited", "shortfall", "surplus", "coverage"]
    out = municipalities[cols].copy()
    out["coverage_pct"] = (100 * out["coverage"]).round(0)
    return out.reset_index(drop=True)


def coverage_geojson(geometry: dict | None, municipalities: pd.DataFrame) -> dict | None:
    """The municipality borders with each one's figures in its properties, for the map.

    Features are matched on the CBS code (``gemeentecode`` = ``code``); each gets
    ``name``, ``region``, ``quota``, ``credited``, ``shortfall`` and ``coverage``
    (credited / quota, 1 = quota met). Returns None when there is no geometry.
    """
    if not geometry:
        return None
    by_code = municipalities.set_index("code")
    out = copy.deepcopy(geometry)
    for feature in out.get("features", []):
        props = feature.setdefault("properties", {})
        code = props.get("gemeentecode")
        if code not in by_code.index:
            continue
        m = by_code.loc[code]
        props.update(
            {
                "name": str(m["name"]),
                "region": str(m["region"]),
                "quota": int(m["quota"]),
                "credited": int(m["credited"]),
                "shortfall": int(m["shortfall"]),
                "coverage": float(m["coverage"]),
                "coverage_pct": round(100 * float(m["coverage"])),
            }
        )
    return out


#: Columns of :func:`location_table`.
LOCATION_COLUMNS = [
    "id", "municipality", "region", "site", "places", "target_group", "type", "operator",
    "start", "end", "decided", "status", "counts", "why", "source", "note",
]  # fmt: skip


def location_table(locations: pd.DataFrame, municipalities: pd.DataFrame) -> pd.DataFrame:
    """Every evaluated location (:func:`planner.counting.evaluate_locations`) with its
    region, the site's name (``site``), the dates as the source wrote them, whether it
    counts and why not."""
    region = municipalities.set_index("name")["region"]
    out = locations.copy()
    out["region"] = out["municipality"].map(region)
    out["start"] = out["start_text"]
    out["end"] = out["end_text"]
    out["counts"] = out["counts"].astype(bool)
    out["site"] = out["name"]  # "name" is the municipality's column everywhere else
    return out[LOCATION_COLUMNS].reset_index(drop=True)


def filter_locations(
    table: pd.DataFrame,
    municipalities: Iterable[str] | None = None,
    regions: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
    target_groups: Iterable[str] | None = None,
    counts: bool | None = None,
) -> pd.DataFrame:
    """Rows of :func:`location_table` that pass every filter given (None or empty =
    no filter on that column)."""
    mask = pd.Series(True, index=table.index)
    for column, values in (
        ("municipality", municipalities),
        ("region", regions),
        ("type", types),
        ("target_group", target_groups),
    ):
        chosen = list(values or [])
        if chosen:
            mask &= table[column].isin(chosen)
    if counts is not None:
        mask &= table["counts"] == counts
    return table[mask].reset_index(drop=True)


def split_swaps(swaps: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """A result's swaps apart: ``agreed`` (recorded agreements, fixed in the model) and
    ``proposed`` (what the optimiser proposes, from the policy or the register)."""
    if swaps.empty or "kind" not in swaps:
        empty = pd.DataFrame(columns=["from", "to", "places", "amv_places", "kind", "id"])
        return {"agreed": empty, "proposed": empty.copy()}
    agreed = swaps["kind"] == "agreement"
    return {
        "agreed": swaps[agreed].reset_index(drop=True),
        "proposed": swaps[~agreed].reset_index(drop=True),
    }


def marginal_table(municipalities: pd.DataFrame, lang: Lang = "nl") -> pd.DataFrame:
    """Per municipality what one more place (and one more amv place) would lower, in
    words (:func:`planner.solution.marginal_words`), with the municipal shortfall."""
    rows = []
    if "marginal_value" not in municipalities:
        return pd.DataFrame(columns=["name", "region", "shortfall", "place", "amv_place"])
    for _, m in municipalities.iterrows():
        rows.append(
            {
                "name": m["name"],
                "region": m["region"],
                "shortfall": int(m["shortfall"]),
                "place": marginal_words(m["name"], m["marginal_value"] or {}, False, lang),
                "amv_place": marginal_words(
                    m["name"], m.get("amv_marginal_value") or {}, True, lang
                ),
            }
        )
    return pd.DataFrame(rows)


def levels_table(levels: Sequence[Any], lang: Lang = "nl") -> pd.DataFrame:
    """The objective levels in their order, with their names in words."""
    return pd.DataFrame(
        [
            {
                "objective": level_label(lv.name, lang),
                "optimum": None if lv.value is None else round(lv.value),
                "status": lv.status.value,
            }
            for lv in levels
        ],
        columns=["objective", "optimum", "status"],
    )


def issues_table(issues: Iterable[Issue]) -> pd.DataFrame:
    """Problems as a table: file (or editor table), line (row), column (field), the
    value found, the message and the fix."""
    return pd.DataFrame(
        [
            {
                "file": i.file,
                "line": i.line,
                "column": i.column,
                "value": i.value,
                "message": i.message,
                "fix": i.fix,
            }
            for i in issues
        ],
        columns=["file", "line", "column", "value", "message", "fix"],
        dtype=object,
    )


def dataset_hash(ds: Dataset) -> str:
    """One hash of every file the data was read from: the key under which results on
    this data are cached and stored, so a changed file never shows an old result."""
    text = json.dumps(sorted(ds.hashes.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def labelled(frame: pd.DataFrame, lang: Lang = "nl") -> pd.DataFrame:
    """The frame with its column names as labels (:func:`planner.i18n.t`)."""
    return frame.rename(columns={c: t(str(c), lang) for c in frame.columns})


def workbook_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An Excel workbook of ``sheets`` (:func:`planner.export.write_xlsx`, formula-safe
    text) as bytes, for a download button."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "workbook.xlsx"
        write_xlsx(path, sheets)
        return path.read_bytes()
