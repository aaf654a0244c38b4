"""The tables and figures the app's pages show, shaped from library results.

The app holds no counting or model logic: every number on a page comes from a function
here (or in :mod:`planner.counting.count`, :mod:`planner.optimise.solve`,
:mod:`planner.counting.timeline`) that the tests call directly. These functions only
select, join, split and label what the library computed, so the pages stay a thin layer
of widgets.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import math
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from planner.data.loader import Dataset
from planner.errors import Issue
from planner.i18n import Lang, t
from planner.reports.export import sheet_file_name, write_csv, write_xlsx
from planner.results.solution import level_label, marginal_words
from planner.scenario.schema import Scenario

if TYPE_CHECKING:
    from planner.risk.sweep import RiskResult

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
    "csv_bytes",
    "zip_of_csvs",
    "json_bytes",
    "sheet_overview",
    "comparison_table",
    "comparison_levels",
    "differing_rows",
    "difference_chart_data",
    "input_diff_table",
    "breakdown_table",
    "burden_table",
    "condition_table",
    "uncertain_plans",
    "risk_tables",
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

    Works for a :class:`~planner.counting.count.CycleReport` (``regions``, ``total``) and a
    :class:`~planner.optimise.solve.SolveResult` (``regions``, ``province``). ``credited`` is
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
    """Every evaluated location (:func:`planner.counting.count.evaluate_locations`) with its
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
    words (:func:`planner.results.solution.marginal_words`), with the municipal shortfall."""
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
    """An Excel workbook of ``sheets`` (:func:`planner.reports.export.write_xlsx`, formula-safe
    text) as bytes, for a download button."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "workbook.xlsx"
        write_xlsx(path, sheets)
        return path.read_bytes()


# --------------------------------------------------------------------------- downloads


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """One table as the CSV :func:`planner.reports.export.write_csv` writes (UTF-8, formula-safe
    text), as bytes for a download button."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.csv"
        write_csv(path, frame)
        return path.read_bytes()


#: Time stamp of every file in :func:`zip_of_csvs`: the same tables give the same bytes.
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def zip_of_csvs(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """Every sheet as a CSV file in one zip, named as ``planner solve --export`` names
    them (:func:`planner.reports.export.sheet_file_name`), so a download and an export folder
    hold the same files. Files carry a fixed time stamp, so the same tables always give
    the same bytes."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for title, frame in sheets.items():
            stem = sheet_file_name(title) or "sheet"
            name, n = f"{stem}.csv", 1
            while name in used:  # two titles that differ only in punctuation
                n += 1
                name = f"{stem}_{n}.csv"
            used.add(name)
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, csv_bytes(frame))
    return buffer.getvalue()


def json_bytes(document: Any) -> bytes:
    """A JSON document as the CLI writes it (UTF-8, indented, dates as text)."""
    return (json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n").encode()


def sheet_overview(sheets: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """What a workbook holds: per sheet its CSV file name and number of rows and columns,
    so the export page can say what each download contains."""
    return pd.DataFrame(
        [
            {
                "sheet": title,
                "csv_file": f"{sheet_file_name(title)}.csv",
                "rows": len(frame),
                "columns": len(frame.columns),
            }
            for title, frame in sheets.items()
        ],
        columns=["sheet", "csv_file", "rows", "columns"],
    )


# --------------------------------------------------------------------------- comparison


def _metric_of(column: str) -> tuple[str, str, bool] | None:
    """``credited[B]`` -> (``credited``, ``B``, False); ``diff_credited[B]`` -> (...,
    True); a key column -> None."""
    if not column.endswith("]") or "[" not in column:
        return None
    metric, label = column[:-1].split("[", 1)
    diff = metric.startswith("diff_")
    return (metric[5:] if diff else metric), label, diff


def comparison_table(frame: pd.DataFrame, labels: Sequence[str], lang: Lang = "nl") -> pd.DataFrame:
    """A side-by-side table of :func:`planner.results.compare.compare_results` (municipalities,
    regions or province) for the screen: per figure the value of every scenario next to
    each other, then the difference of each with the reference (the first label).

    Columns are labelled ``Tekort · base`` and ``Δ Tekort · borne`` (``·`` and the
    scenario's label); key columns (name, region, level) keep their names for
    :func:`labelled`. The numbers are the comparison's own, unchanged.
    """
    keys = [c for c in frame.columns if _metric_of(str(c)) is None]
    metrics: list[str] = []
    for column in frame.columns:
        parsed = _metric_of(str(column))
        if parsed and parsed[0] not in metrics:
            metrics.append(parsed[0])
    order, names = list(keys), {}
    for metric in metrics:
        for label in labels:
            column = f"{metric}[{label}]"
            if column in frame:
                order.append(column)
                names[column] = f"{t(metric, lang)} · {label}"
        for label in labels[1:]:
            column = f"diff_{metric}[{label}]"
            if column in frame:
                order.append(column)
                names[column] = f"Δ {t(metric, lang)} · {label}"
    out = frame[order].rename(columns=names)
    return out.drop(columns=[c for c in ("level",) if c in out]).reset_index(drop=True)


def comparison_levels(
    levels: pd.DataFrame, labels: Sequence[str], lang: Lang = "nl"
) -> pd.DataFrame:
    """The objective levels of a comparison: the optimum of every scenario, in words
    (:func:`planner.results.solution.level_label`), and the difference with the reference."""
    out = pd.DataFrame({"objective": [level_label(n, lang) for n in levels["level"]]})
    for label in labels:
        out[label] = levels[label].round(0)
    for label in labels[1:]:
        out[f"Δ {label}"] = levels[f"diff[{label}]"].round(0)
    return out


def differing_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of a comparison table in which any difference column is not zero."""
    diff = [c for c in frame.columns if str(c).startswith("diff_")]
    if not diff:
        return frame.iloc[0:0].reset_index(drop=True)
    return frame[frame[diff].fillna(0).ne(0).any(axis=1)].reset_index(drop=True)


#: Figures drawn in the comparison chart: the change in credited places and shortfall.
CHART_METRICS = ("credited", "shortfall")


def difference_chart_data(
    municipalities: pd.DataFrame, labels: Sequence[str], lang: Lang = "nl"
) -> pd.DataFrame:
    """Long table for the comparison chart: per municipality that differs, per other
    scenario and per figure (credited, shortfall), the difference with the reference.

    Columns ``name``, ``region``, ``scenario`` (its label), ``measure`` (the figure's
    label in ``lang``) and ``difference``. Municipalities where neither figure differs
    in any scenario are left out, so the chart shows what moved.
    """
    columns = [f"diff_{m}[{lab}]" for lab in labels[1:] for m in CHART_METRICS]
    present = [c for c in columns if c in municipalities]
    empty = pd.DataFrame(columns=["name", "region", "scenario", "measure", "difference"])
    if not present:
        return empty
    moved = municipalities[municipalities[present].fillna(0).ne(0).any(axis=1)]
    rows = []
    for _, m in moved.iterrows():
        for lab in labels[1:]:
            for metric in CHART_METRICS:
                column = f"diff_{metric}[{lab}]"
                if column in moved:
                    rows.append(
                        {
                            "name": m["name"],
                            "region": m["region"],
                            "scenario": lab,
                            "measure": t(metric, lang),
                            "difference": int(m[column]),
                        }
                    )
    return pd.DataFrame(rows, columns=empty.columns) if rows else empty


_INPUT_FIELDS = {"lo": "min_places", "hi": "max_places", "from_municipality": "from",
                 "to_municipality": "to"}  # fmt: skip


def input_diff_table(
    inputs: pd.DataFrame, labels: Sequence[str], lang: Lang = "nl"
) -> pd.DataFrame:
    """The input differences of a comparison (:func:`planner.results.compare.input_diff`) for
    the screen: the section and field in words (``section_candidate``, the column
    labels), ``present`` as yes / no in ``lang``; the values of each scenario as text."""
    out = inputs.copy()
    out["section"] = [t(f"section_{s}", lang) for s in out["section"]]
    present = out["field"] == "present"
    for label in labels:
        out.loc[present, label] = [t(str(v), lang) for v in out.loc[present, label]]
    out["field"] = [t(_INPUT_FIELDS.get(f, f), lang) for f in out["field"]]
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- explain


def breakdown_table(breakdown: pd.DataFrame) -> pd.DataFrame:
    """The municipalities that are short, with what could close the gap
    (:func:`planner.results.explain.shortfall_breakdown`): near misses, pending decisions and
    missing capacity, largest shortfall first."""
    cols = [
        "name", "region", "quota", "credited", "shortfall", "near_miss_part",
        "awaiting_decision_part", "missing_capacity", "near_miss_places", "near_miss_days",
        "near_miss_sites", "awaiting_decision_places",
    ]  # fmt: skip
    if breakdown.empty:
        return pd.DataFrame(columns=cols)
    short = breakdown[breakdown["shortfall"] > 0]
    return short.sort_values(["shortfall", "name"], ascending=[False, True])[cols].reset_index(
        drop=True
    )


def burden_table(burden: pd.DataFrame) -> pd.DataFrame:
    """Places and quota per 1,000 inhabitants and credited places against the quota
    (:func:`planner.results.explain.burden`), rounded for reading."""
    out = burden[
        ["name", "region", "population_2024", "quota", "places", "credited", "places_per_1000",
         "quota_per_1000", "credited_to_quota"]
    ].copy()  # fmt: skip
    for col in ("places_per_1000", "quota_per_1000"):
        out[col] = out[col].astype(float).round(2)
    out["credited_to_quota"] = (100 * out["credited_to_quota"].astype(float)).round(0)
    return out.rename(columns={"credited_to_quota": "credited_to_quota_pct"})


def condition_table(conditions: pd.DataFrame, lang: Lang = "nl") -> pd.DataFrame:
    """Swap agreements with a condition (:func:`planner.results.explain.condition_states`), the
    state in words (met / not met)."""
    if conditions.empty:
        return conditions
    out = conditions.copy()
    out["state"] = [t(f"state_{s}", lang) for s in out["state"]]
    return out


# --------------------------------------------------------------------------- risk


def uncertain_plans(scenario: Scenario) -> pd.DataFrame:
    """The candidates a risk run draws: those with a probability or a start delay
    (the candidate's own or the scenario's ``risk:`` block, which wins). Columns
    ``id``, ``municipality`` (or the location changed), ``max_places``, ``start``,
    ``probability`` and ``start_delay`` (min / mode / max days as text)."""
    rows = []
    for c in scenario.candidates:
        p = scenario.probability(c.id)
        d = scenario.start_delay(c.id)
        if p is None and d is None:
            continue
        rows.append(
            {
                "id": c.id,
                "municipality": c.municipality or c.location,
                "max_places": c.max_places,
                "start": c.start,
                "probability": p,
                "start_delay": None if d is None else f"{d.min:g} / {d.mode:g} / {d.max:g}",
            }
        )
    return pd.DataFrame(
        rows, columns=["id", "municipality", "max_places", "start", "probability", "start_delay"]
    )


_DIST = ["mean", "p10", "p50", "p90"]


def _dist(*values: float) -> dict[str, float]:
    """Mean and percentiles rounded to one decimal (the solver's values carry noise
    in the sixth decimal)."""
    return {k: round(float(v), 1) for k, v in zip(_DIST, values, strict=True)}


def _pct(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(100 * float(value), 1)


def risk_tables(result: RiskResult, lang: Lang = "nl") -> dict[str, pd.DataFrame]:
    """A risk run (:func:`planner.risk.sweep.run_risk`) as the tables the app shows.

    - ``summary``: per measure (provincial, amv and sum of municipal shortfalls) the
      mean and P10 / P50 / P90 over the draws;
    - ``provinces``: per province the same and ``p_meet_pct``, the share of draws
      without a provincial shortfall, in %;
    - ``municipalities``: the municipalities short in at least one draw, most often
      short first, with ``p_short_pct``;
    - ``plans``: per plan its chance of being in time and its importance (how much the
      expected shortfall drops if the plan were certain), most important first.

    Shares are percentages with one decimal; the figures are the run's own.
    """
    dists = (
        ("provincial_shortfall", result.provincial),
        ("amv_shortfall", result.amv),
        ("municipal_shortfall", result.municipal),
    )
    summary = pd.DataFrame(
        [{"measure": t(name, lang), **_dist(d.mean, d.p10, d.p50, d.p90)} for name, d in dists],
        columns=["measure", *_DIST],
    )
    provinces = result.provinces.copy()
    provinces[_DIST] = provinces[_DIST].astype(float).round(1)
    provinces["p_meet_pct"] = [_pct(v) for v in provinces.pop("p_meet")]
    mun = result.municipalities
    if mun.empty:
        municipalities = pd.DataFrame(columns=["name", "mean", "p10", "p50", "p90", "p_short_pct"])
    else:
        short = mun[mun["p_short"].fillna(0) > 0]
        short = short.sort_values(["p_short", "mean", "name"], ascending=[False, False, True])
        municipalities = short[["name", *_DIST]].copy()
        municipalities[_DIST] = municipalities[_DIST].astype(float).round(1)
        municipalities["p_short_pct"] = [_pct(v) for v in short["p_short"]]
        municipalities = municipalities.reset_index(drop=True)
    plans = result.plans[
        ["id", "municipality", "places", "probability", "p_in_time", "realised_share",
         "importance_provincial", "importance_municipal"]
    ].copy()  # fmt: skip
    for col in ("probability", "p_in_time", "realised_share"):
        plans[f"{col}_pct"] = [_pct(v) for v in plans.pop(col)]
    plans["plan_places"] = plans.pop("places")
    for col in ("importance_provincial", "importance_municipal"):
        plans[col] = [None if v is None or pd.isna(v) else round(float(v), 1) for v in plans[col]]
    plans = plans[
        ["id", "municipality", "plan_places", "probability_pct", "p_in_time_pct",
         "realised_share_pct", "importance_provincial", "importance_municipal"]
    ]  # fmt: skip
    return {
        "summary": summary,
        "provinces": provinces.reset_index(drop=True),
        "municipalities": municipalities,
        "plans": plans.reset_index(drop=True),
    }


# --------------------------------------------------------------------------- plan over the years
# (issue 13: the page app_pages/planjaren.py; these helpers stay at the end of the file)


def horizon_monthly_chart(res: Any, level: str, name: str, lang: Lang = "nl") -> pd.DataFrame:
    """One line per measure for a municipality or province (``level``) of a plan over
    the years: per month the places credited (in use in its territory plus agreements
    and swaps), the places in its territory, and the quota in force; long form for an
    Altair line chart (``month``, ``measure``, ``places``)."""
    part = res.monthly[(res.monthly["level"] == level) & (res.monthly["name"] == name)]
    measures = [("credited", "horizon_chart_credited"), ("capacity", "horizon_chart_capacity"),
                ("quota", "horizon_chart_quota")]  # fmt: skip
    frames = [
        pd.DataFrame({"month": part["month"].to_numpy(), "measure": t(key, lang),
                      "places": part[col].astype(int).to_numpy()})
        for col, key in measures
    ]  # fmt: skip
    return pd.concat(frames, ignore_index=True)


def horizon_gantt_chart(res: Any, lang: Lang = "nl") -> pd.DataFrame:
    """The locations of a plan over the years as bars: existing locations in use in the
    horizon and the candidates it opens, each from its start to its end, cut to the
    horizon (an open end runs to the horizon's end); ``row`` names the bar."""
    from planner.reports.horizon import gantt_table

    g = gantt_table(res)
    ti = res.instance
    first = ti.months[0]
    last = ti.months[-1] + pd.offsets.MonthEnd(0)
    kind = {"location": t("horizon_gantt_location", lang),
            "candidate": t("horizon_gantt_candidate", lang)}  # fmt: skip
    out = pd.DataFrame(
        {
            "row": [f"{m}: {n}" for m, n in zip(g["municipality"], g["name"], strict=True)],
            "municipality": g["municipality"].to_numpy(),
            "kind": [kind[k] for k in g["kind"]],
            "places": g["places"].astype(int).to_numpy(),
            "start": pd.to_datetime(g["start"]).clip(lower=first),
            "end": pd.to_datetime(g["end"]).fillna(last).clip(upper=last),
        }
    )
    return out.sort_values(["municipality", "start", "row"], kind="stable").reset_index(drop=True)
