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
import re
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from planner.data.loader import Dataset
from planner.errors import Issue
from planner.formats import say
from planner.i18n import Lang, t
from planner.reports.export import sheet_file_name, write_csv, write_xlsx
from planner.results.solution import level_label, marginal_words
from planner.scenario.schema import Scenario

if TYPE_CHECKING:
    from planner.risk.sweep import RiskResult

__all__ = [
    "format_number",
    "format_decimal",
    "reader_frame",
    "describe_value",
    "scenario_diff_table",
    "warning_table",
    "swap_table",
    "answer_sentences",
    "metric_deltas",
    "figure_notes",
    "outside_credits",
    "municipality_profile",
    "municipality_html",
    "display_frame",
    "format_percent",
    "level_summary",
    "municipality_chart_data",
    "coverage_geojson",
    "region_borders",
    "map_labels",
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


def _decimals(series: pd.Series) -> int:
    """How many decimals a column of numbers needs (0, 1 or 2): 11.12 keeps two,
    1631.8 one, a column of whole numbers none."""
    values = pd.to_numeric(series, errors="coerce").dropna().astype(float)
    for n in (0, 1):
        if (values.round(n) == values.round(2)).all():
            return n
    return 2


def format_decimal(value: Any, lang: Lang = "nl", decimals: int = 0) -> str:
    """A number with ``decimals`` decimals as people write it.

    >>> format_decimal(1631.8, decimals=1), format_decimal(1631.8, "en", 1)
    ('1.631,8', '1,631.8')
    >>> format_decimal(None)
    ''
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{float(value):,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


#: Dutch text kept beside an English column in the data (``toelichting`` beside ``note``).
_DUTCH_BESIDE = {"note": "toelichting", "override_reason": "override_toelichting"}


def reader_frame(frame: pd.DataFrame, lang: Lang = "nl") -> pd.DataFrame:
    """The words of a table in the reader's language, before its headers are labelled:
    codes as words (``soft_plan`` -> ``bestuurlijk voornemen``, ``optimal`` ->
    ``optimaal``), the library's texts (:class:`planner.formats.Words`) told in
    ``lang``, source citations in ``lang`` (``annex`` -> ``bijlage``), and in Dutch the
    data's Dutch notes (``toelichting``) in place of the English ones."""
    from planner.formats import CODE_COLUMNS, Words, code_label, source_words

    out = frame.copy()
    for english, dutch in _DUTCH_BESIDE.items():
        if dutch in out:
            if english in out and lang == "nl":
                out[english] = [
                    d if isinstance(d, str) and d.strip() else e
                    for e, d in zip(out[english], out[dutch], strict=True)
                ]
            out = out.drop(columns=dutch)
    for column in out.columns:
        series = out[column]
        if not (series.dtype == object or pd.api.types.is_string_dtype(series)):
            continue
        code = column in CODE_COLUMNS

        def words(value: Any, code: bool = code) -> Any:
            if isinstance(value, Words):
                return value.lang(lang)
            if code and isinstance(value, str):
                return code_label(value, lang)
            return value

        out[column] = series.map(words)
        if column == "source":
            out[column] = out[column].map(lambda v: source_words(v, lang))
    return out


def display_frame(frame: pd.DataFrame, lang: Lang = "nl") -> Any:
    """The frame as the screen shows it: numbers with the thousands and decimal marks of
    ``lang`` (1.234 and 11,12 in Dutch), dates as dd-mm-jjjj, empty cells empty (never
    "None"). A pandas Styler: the values underneath stay numbers and dates, so sorting
    by a column sorts by value and tests read the values.
    """
    from planner.formats import pct_labels

    percent = pct_labels() | {"coverage", "credited_to_quota"}
    formats: dict[Any, Any] = {}
    for column in frame.columns:
        series = frame[column]
        if column in percent and pd.api.types.is_numeric_dtype(series):
            formats[column] = format_percent  # a share: 0.61 -> 61%
        elif pd.api.types.is_bool_dtype(series):
            yes, no = t("yes", lang), t("no", lang)
            formats[column] = lambda v, y=yes, n=no: "" if pd.isna(v) else (y if v else n)
        elif pd.api.types.is_numeric_dtype(series):
            n = _decimals(series)
            formats[column] = lambda v, n=n: format_decimal(v, lang, n)
        elif pd.api.types.is_datetime64_any_dtype(series):
            formats[column] = lambda v: "" if pd.isna(v) else f"{v:%d-%m-%Y}"
        else:
            formats[column] = _plain_cell
    if frame.columns.has_duplicates:
        return frame
    return frame.style.format(formats)


def _plain_cell(value: Any) -> str:
    """A text cell: empty for a missing value, a date as dd-mm-jjjj, else the text."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return f"{value:%d-%m-%Y}"
    if hasattr(value, "strftime") and not isinstance(value, str):
        return value.strftime("%d-%m-%Y")
    return str(value)


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


def date_text(value: Any, text: Any = "") -> str:
    """A date as dd-mm-jjjj; where there is no date, the source's own words
    (``onbepaald``, ``n.n.t.b.``, ``Beoogd 2035``).

    >>> date_text(pd.Timestamp("2025-07-01")), date_text(pd.NaT, "onbepaald")
    ('01-07-2025', 'onbepaald')
    """
    if value is not None and not (isinstance(value, float) and math.isnan(value)):
        if not pd.isna(value):
            return f"{pd.Timestamp(value):%d-%m-%Y}"
    return "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)


def _rings(geometry: Mapping[str, Any]) -> list[list[list[float]]]:
    coords = geometry.get("coordinates", [])
    polygons = coords if geometry.get("type") == "MultiPolygon" else [coords]
    return [ring for polygon in polygons for ring in polygon]


def region_borders(geometry: dict | None, municipalities: pd.DataFrame) -> dict | None:
    """The border of each region as GeoJSON lines, for the map.

    The municipal borders share their vertices exactly (one topology, CBS/Kadaster), so a
    region's border is every edge that belongs to exactly one of its municipalities: an
    edge two of them share is inside the region. Each feature has ``region``.
    Returns None when there is no geometry.
    """
    if not geometry:
        return None
    region_of = municipalities.set_index("code")["region"].to_dict()
    counts: dict[str, dict[tuple, int]] = {}
    for feature in geometry.get("features", []):
        region = region_of.get(feature.get("properties", {}).get("gemeentecode"))
        if region is None:
            continue
        edges = counts.setdefault(str(region), {})
        for ring in _rings(feature.get("geometry", {})):
            for a, b in zip(ring, ring[1:], strict=False):
                key = tuple(sorted((tuple(a[:2]), tuple(b[:2]))))
                edges[key] = edges.get(key, 0) + 1
    features = [
        {
            "type": "Feature",
            "properties": {"region": region},
            "geometry": {
                "type": "MultiLineString",
                "coordinates": [[list(a), list(b)] for (a, b), n in edges.items() if n == 1],
            },
        }
        for region, edges in sorted(counts.items())
    ]
    return {"type": "FeatureCollection", "features": features}


def map_labels(geometry: dict | None, municipalities: pd.DataFrame) -> pd.DataFrame:
    """Per municipality a point to put its name on the map: the middle of the bounding
    box of its largest ring (inside the shape for a compact municipality).
    Columns ``name``, ``lon``, ``lat``."""
    names = municipalities.set_index("code")["name"].to_dict()
    rows = []
    for feature in (geometry or {}).get("features", []):
        code = feature.get("properties", {}).get("gemeentecode")
        rings = _rings(feature.get("geometry", {}))
        if code not in names or not rings:
            continue
        ring = max(rings, key=len)
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        rows.append(
            {
                "name": names[code],
                "lon": (min(lons) + max(lons)) / 2,
                "lat": (min(lats) + max(lats)) / 2,
            }
        )
    return pd.DataFrame(rows, columns=["name", "lon", "lat"])


#: Columns of :func:`location_table`.
#: Whether it counts and why come right after the places, so the reason is on screen
#: without scrolling sideways.
LOCATION_COLUMNS = [
    "id", "municipality", "site", "places", "counts", "why", "region", "target_group", "type",
    "operator", "start", "end", "decided", "status", "source", "note",
]  # fmt: skip


def location_table(locations: pd.DataFrame, municipalities: pd.DataFrame) -> pd.DataFrame:
    """Every evaluated location (:func:`planner.counting.count.evaluate_locations`) with its
    region, the site's name (``site``), the dates as the source wrote them, whether it
    counts and why not."""
    region = municipalities.set_index("name")["region"]
    out = locations.copy()
    out["region"] = out["municipality"].map(region)
    out["start"] = [date_text(d, x) for d, x in zip(out["start"], out["start_text"], strict=True)]
    out["end"] = [date_text(d, x) for d, x in zip(out["end"], out["end_text"], strict=True)]
    out["counts"] = out["counts"].astype(bool)
    out["site"] = out["name"]  # "name" is the municipality's column everywhere else
    extra = ["toelichting"] if "toelichting" in out else []  # the Dutch note, for the screen
    return out[LOCATION_COLUMNS + extra].reset_index(drop=True)


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
                "status": t(f"status_{lv.status.value}", lang),
            }
            for lv in levels
        ],
        columns=["objective", "optimum", "status"],
    )


def issues_table(issues: Iterable[Issue], lang: Lang = "nl") -> pd.DataFrame:
    """Problems as a table: file (or editor table), line (row), column (field), the
    value found, the message and the fix (told in ``lang``)."""
    return pd.DataFrame(
        [
            {
                "file": i.file,
                "line": i.line,
                "column": i.column,
                "value": i.value,
                "message": say(i.message, lang),
                "fix": say(i.fix, lang),
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


#: A diff's sections as the screen names them (the editor's tabs and the settings).
_DIFF_SECTIONS = {
    "cycle": "section_rules", "swaps": "section_swaps", "limits": "section_limits",
    "objective": "section_objective", "solver": "section_solver",
    "candidates": "tab_candidates", "location_changes": "tab_location_changes",
    "register": "tab_register",
}  # fmt: skip
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _field_label(field: str, lang: Lang) -> str:
    for key in (f"ed_{field}", field):
        text = t(key, lang)
        if text != key:
            return text
    from planner.formats import column_label

    return column_label(field, lang)


def describe_value(value: Any, lang: Lang = "nl", field: str = "") -> Any:
    """A value of a scenario diff as the reader says it: ``region`` (a policy) as
    "binnen de regio", ``new`` as "nieuwe locatie", ``2025-05-01`` as 01-05-2025, and an
    item written ``municipality=Borne; kind=new`` as "Gemeente: Borne; Soort: nieuwe
    locatie"."""
    from planner.formats import code_label

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value)
    if "=" in text and (";" in text or text.count("=") == 1) and field in ("", "present"):
        parts = []
        for part in text.split("; "):
            key, _, val = part.partition("=")
            parts.append(f"{_field_label(key, lang)}: {describe_value(val, lang, key)}")
        return "; ".join(parts)
    date = _ISO_DATE.match(text)
    if date:
        return f"{date.group(3)}-{date.group(2)}-{date.group(1)}"
    for key in (f"policy_{text}" if field == "policy" else "", f"kind_{text}" if field == "kind"
                else "", f"status_{text}" if field == "status" else ""):  # fmt: skip
        if key and t(key, lang) != key:
            return t(key, lang)
    if text in ("True", "False"):
        return t("yes" if text == "True" else "no", lang)
    return code_label(text, lang) if text.isidentifier() else text


def scenario_diff_table(diff: pd.DataFrame, lang: Lang = "nl") -> pd.DataFrame:
    """A scenario diff (:func:`planner.scenario.diff.diff_scenarios`) for the screen:
    sections and fields in words, values as the reader says them
    (:func:`describe_value`)."""
    out = diff.copy()
    out["section"] = [t(_DIFF_SECTIONS.get(s, f"section_{s}"), lang) for s in out["section"]]
    fields = list(out["field"])
    out["field"] = [_field_label(f, lang) if f else "" for f in fields]
    for column in ("before", "after"):
        out[column] = [
            describe_value(v, lang, f or "") for v, f in zip(out[column], fields, strict=True)
        ]
    return out.reset_index(drop=True)


def input_diff_table(
    inputs: pd.DataFrame, labels: Sequence[str], lang: Lang = "nl"
) -> pd.DataFrame:
    """The input differences of a comparison (:func:`planner.results.compare.input_diff`) for
    the screen: the section and field in words (``section_candidate``, the column
    labels), ``present`` as yes / no in ``lang``; the values of each scenario as text."""
    out = inputs.copy()
    out["section"] = [t(f"section_{s}", lang) for s in out["section"]]
    present = out["field"] == "present"
    fields = [_INPUT_FIELDS.get(f, f) for f in out["field"]]
    for label in labels:
        out[label] = out[label].astype(object)
        out.loc[present, label] = [t(str(v), lang) for v in out.loc[present, label]]
        out.loc[~present, label] = [
            describe_value(v, lang, f)
            for v, f in zip(out.loc[~present, label], [f for f, p in zip(fields, present,
                                                                            strict=True) if not p],
                            strict=True)
        ]  # fmt: skip
    out["field"] = [_field_label(f, lang) for f in fields]
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
    return out.rename(columns={"places": "swap_places"})


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


# --------------------------------------------------------------------------- plain answer


def swap_table(swaps: pd.DataFrame) -> pd.DataFrame:
    """Swaps for the screen: the places moved are ``swap_places`` ("Uitgeruilde plekken"),
    not ``places`` ("Eigen plekken", a municipality's own places)."""
    out = swaps.rename(columns={"places": "swap_places", "amv_places": "swap_amv_places"})
    return out.reset_index(drop=True)


#: Figures of the province shown as metrics on the Scenario page, with their change.
ANSWER_METRICS = ("shortfall", "municipal_shortfall", "amv_shortfall", "credited")


def metric_deltas(
    province: Mapping[str, Any], reference: Mapping[str, Any] | None
) -> dict[str, int | None]:
    """Per figure of :data:`ANSWER_METRICS` the change against the reference result
    (the parent scenario): ``province[f] - reference[f]``, None without a reference."""
    out: dict[str, int | None] = {}
    for key in ANSWER_METRICS:
        if reference is None or reference.get(key) is None:
            out[key] = None
        else:
            out[key] = round(float(province[key])) - round(float(reference[key]))
    return out


def _names(items: Sequence[str], lang: Lang) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('and_word', lang)} {items[-1]}"


def answer_sentences(
    result: Any, reference: Any | None = None, lang: Lang = "nl", reference_name: str = ""
) -> list[str]:
    """A few sentences that answer the scenario's question before any table: the
    library's plain-language answer (:func:`planner.results.summary.plain_answer`, the
    same as ``planner solve`` and the exports give), plus a sentence naming the
    candidates that cannot count when the answer does not name them already.
    ``reference_name`` is kept for the page's call; the answer names the parent itself.
    """
    from planner.results.summary import plain_answer

    out = [str(x) for x in plain_answer(result, reference, lang=lang)]
    late = _cannot_count(result)
    if late and not any(i in " ".join(out) for i in late):
        out.append(t("ans_cannot_count", lang, ids=_names(late, lang)))
    return out


def _cannot_count(result: Any) -> list[str]:
    """The ids of the candidates that cannot count for the cycle (dates)."""
    cand = result.candidates
    if cand.empty or "can_count" not in cand:
        return []
    return [str(i) for i in cand.loc[~cand["can_count"].astype(bool), "id"]]


def outside_credits(swaps: pd.DataFrame, municipalities: Iterable[str]) -> list[str]:
    """The recorded swaps whose places lie outside the data's municipalities, as
    "200 in Dronten voor Kampen": what makes guaranteed places exceed own places."""
    inside = set(municipalities)
    if swaps.empty:
        return []
    out = swaps[~swaps["from_municipality"].isin(inside)]
    return [
        f"{int(r.places)} {r.from_municipality} → {r.to_municipality}"
        for r in out.itertuples(index=False)
    ]


def figure_notes(
    total: Mapping[str, Any], lang: Lang = "nl", outside: Sequence[str] = ()
) -> list[str]:
    """Why figures that look inconsistent are all right, with this data's numbers:

    - own places in the province (Locaties: 3.664) against guaranteed places
      (Overzicht: 3.864): the difference is credited from outside the province (the
      200 Dronten places counted for Kampen, seed 000 section 4);
    - the three amv figures: amv places against the amv quota (130 / 538), the amv
      shortfall of the province (538 - 130 = 408), and the sum of the municipalities'
      amv shortfalls (451, larger: one municipality's amv surplus covers no other's);
    - a region's shortfall counts the places credited to its municipalities, so it
      rises when one of them gives its surplus to a municipality of the other region.
    """
    n = lambda v: format_number(v, lang)  # noqa: E731
    difference = round(float(total["credited"])) - round(float(total["places"]))
    notes = []
    if difference:
        notes.append(
            t("note_places_vs_credited", lang, places=n(total["places"]),
              credited=n(total["credited"]), outside=n(difference),
              swaps=", ".join(outside) or "–")
        )  # fmt: skip
    amv_muni = total.get("amv_municipal_shortfall")
    notes.append(
        t("note_amv_three", lang, amv=n(total["amv_credited"]), quota=n(total["amv_quota"]),
          short=n(total["amv_shortfall"]),
          muni=n(amv_muni if amv_muni is not None else total["amv_shortfall"]))
    )  # fmt: skip
    notes.append(t("note_region_swaps", lang))
    return notes


def warning_table(warnings: pd.DataFrame, lang: Lang = "nl") -> pd.DataFrame:
    """The items that cannot count (:func:`planner.optimise.instance.scenario_warnings`)
    for the editor: the part in words (Kandidaatlocatie, Wijziging locatie, Uitruil),
    id, municipality, places and why."""
    out = warnings[["part", "id", "municipality", "places", "why"]].copy()
    out["part"] = [t(f"part_{p}", lang) for p in out["part"]]
    out = out.rename(columns={"why": "why_not_counting", "places": "item_places"})
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- municipality


def municipality_profile(result: Any, ds: Dataset, name: str, lang: Lang = "nl") -> dict[str, Any]:
    """Everything the Gemeente page shows about one municipality, from one result.

    Keys: ``figures`` (quota, amv quota, own places, swapped in / out, credited,
    shortfall, amv the same, places and quota per 1,000 inhabitants), ``locations``
    (every location with whether it counts and the reason in words of ``lang``),
    ``swaps`` (agreements and proposals in and out, with their condition and whether
    it holds), ``why_short`` (sentences from
    :func:`planner.results.explain.shortfall_breakdown`) and ``marginal`` (what one
    more place and one more amv place would lower).
    """
    from planner.optimise.instance import reason_words
    from planner.results.explain import burden, condition_states, shortfall_breakdown

    n = lambda v: format_number(v, lang)  # noqa: E731
    m = result.municipalities.set_index("name").loc[name]
    b = burden(result, ds).set_index("name").loc[name]
    figures = {
        "quota": int(m["quota"]),
        "amv_quota": int(m["amv_quota"]),
        "places": int(m["places"]),
        "swapped_in": int(m["swapped_in"]),
        "swapped_out": int(m["swapped_out"]),
        "credited": int(m["credited"]),
        "shortfall": int(m["shortfall"]),
        "amv_credited": int(m["amv_credited"]),
        "amv_shortfall": int(m["amv_shortfall"]),
        "region": str(m["region"]),
        "places_per_1000": None if pd.isna(b["places_per_1000"]) else float(b["places_per_1000"]),
        "quota_per_1000": None if pd.isna(b["quota_per_1000"]) else float(b["quota_per_1000"]),
        "population_2024": None if pd.isna(b["population_2024"]) else int(b["population_2024"]),
    }
    inst = result.instance
    loc = inst.report.locations
    loc = loc[loc["municipality"] == name]
    rows = []
    for r in loc.itertuples(index=False):
        codes = [c for c in str(r.reasons).split("|") if c]
        counts = bool(r.counts)
        if counts and codes:  # counts on an explicit override (the report's judgment)
            why = t("gm_override", lang, reason=str(r.override_reason or ""))
        elif counts:
            why = ""
        else:
            why = reason_words(codes, r.start, r.end, inst.rules, lang, str(r.status))
        rows.append(
            {"site": r.name, "places": int(r.places), "target_group": r.target_group,
             "type": r.type, "start": date_text(r.start, r.start_text),
             "end": date_text(r.end, r.end_text),
             "decided": bool(r.decided), "counts": counts, "reason": why}
        )  # fmt: skip
    locations = pd.DataFrame(
        rows,
        columns=["site", "places", "counts", "reason", "target_group", "type", "start", "end",
                 "decided"],
    )  # fmt: skip
    sw = result.swaps
    swap_cols = ["direction", "other_municipality", "swap_places", "swap_amv_places", "kind",
                 "condition"]  # fmt: skip
    swaps = pd.DataFrame(columns=swap_cols)
    if not sw.empty:
        cond = condition_states(result)
        cond_by_id = {} if cond.empty else cond.set_index("id").to_dict("index")
        srows = []
        for r in sw.rename(columns={"from": "giver"}).itertuples(index=False):
            frm, to = r.giver, r.to
            if name not in (frm, to):
                continue
            c = cond_by_id.get(r.id)
            condition = ""
            if c is not None:
                condition = t(
                    "gm_condition", lang, municipality=c["condition_municipality"],
                    places=n(c["condition_places"]), date=f"{c['condition_date']:%d-%m-%Y}",
                    found=n(c["places_found"]), state=t(f"state_{c['state']}", lang),
                )  # fmt: skip
            srows.append(
                {"direction": t("gm_in" if to == name else "gm_out", lang),
                 "other_municipality": frm if to == name else to,
                 "swap_places": int(r.places), "swap_amv_places": int(r.amv_places),
                 "kind": t("gm_kind_agreement" if r.kind == "agreement" else "gm_kind_proposed",
                           lang),
                 "condition": condition}
            )  # fmt: skip
        swaps = pd.DataFrame(srows, columns=swap_cols)
    why_short = []
    if figures["shortfall"] > 0:
        br = shortfall_breakdown(result)
        row = br.set_index("name").loc[name]
        why_short.append(t("gm_short", lang, name=name, short=n(row["shortfall"]),
                           quota=n(row["quota"]), credited=n(row["credited"])))  # fmt: skip
        if row["near_miss_part"]:
            why_short.append(
                t("gm_near", lang, n=n(row["near_miss_part"]), sites=row["near_miss_sites"],
                  days=n(row["near_miss_days"]))
            )  # fmt: skip
        if row["awaiting_decision_part"]:
            why_short.append(t("gm_waiting", lang, n=n(row["awaiting_decision_part"])))
        if row["missing_capacity"]:
            why_short.append(t("gm_missing", lang, n=n(row["missing_capacity"])))
    else:
        why_short.append(t("gm_not_short", lang, name=name))
    marginal = [
        marginal_words(name, m.get("marginal_value") or {}, False, lang),
        marginal_words(name, m.get("amv_marginal_value") or {}, True, lang),
    ]
    return {
        "figures": figures,
        "locations": locations,
        "swaps": swaps,
        "why_short": why_short,
        "marginal": marginal,
    }


def municipality_html(name: str, profile: Mapping[str, Any], title: str, lang: Lang = "nl") -> str:
    """A printable page (HTML with a print style sheet) of :func:`municipality_profile`:
    the figures, the sentences and the tables, every text escaped. The browser's
    "Print" makes it a one-page A4 report."""
    import html

    esc = lambda v: html.escape("" if v is None else str(v))  # noqa: E731
    f = profile["figures"]
    figure_rows = "".join(
        f"<tr><th>{esc(t(k, lang))}</th><td>{esc(format_number(f[k], lang))}</td></tr>"
        for k in ("quota", "amv_quota", "places", "swapped_in", "swapped_out", "credited",
                  "shortfall", "amv_credited", "amv_shortfall")
    )  # fmt: skip
    for key in ("places_per_1000", "quota_per_1000"):
        if f.get(key) is not None:
            value = format_decimal(f[key], lang, 2)
            figure_rows += f"<tr><th>{esc(t(key, lang))}</th><td>{esc(value)}</td></tr>"

    def frame_html(frame: pd.DataFrame) -> str:
        shown = labelled(frame, lang)
        head = "".join(f"<th>{esc(c)}</th>" for c in shown.columns)
        body = ""
        for _, row in frame.iterrows():
            cells = []
            for v in row:
                if isinstance(v, bool):
                    v = t("yes" if v else "no", lang)
                elif isinstance(v, int | float) and not pd.isna(v):
                    v = format_number(v, lang)
                cells.append(f"<td>{esc(v)}</td>")
            body += "<tr>" + "".join(cells) + "</tr>"
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    sentences = "".join(f"<p>{esc(s)}</p>" for s in profile["why_short"] + profile["marginal"])
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>
body {{ font-family: sans-serif; font-size: 10pt; margin: 1.5cm; }}
table {{ border-collapse: collapse; margin: 0.5em 0 1em; width: 100%; }}
th, td {{ border: 1px solid #999; padding: 2px 6px; text-align: left; }}
td {{ vertical-align: top; }}
@page {{ size: A4 landscape; margin: 1.5cm; }}
@media print {{ body {{ margin: 0; }} h2 {{ break-after: avoid; }} }}
</style></head><body>
<h1>{esc(title)}</h1>
<h2>{esc(t("gm_figures", lang))}</h2><table>{figure_rows}</table>
<h2>{esc(t("gm_why", lang))}</h2>{sentences}
<h2>{esc(t("gm_locations", lang))}</h2>{frame_html(profile["locations"])}
<h2>{esc(t("gm_swaps", lang))}</h2>{frame_html(profile["swaps"])}
</body></html>
"""


# --------------------------------------------------------------------------- programmes


def all_programmes_workbook(ds: Dataset, lang: Lang = "nl") -> bytes:
    """The all-programmes workbook for the Export page: the three tasks side by side
    per municipality and each programme's table, locations and swaps; the workbook
    ``planner report --all-programmes --xlsx`` writes (issue 12)."""
    from planner.reports.programmes import all_programmes_sheets

    return workbook_bytes(all_programmes_sheets(ds, lang=lang))


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
