"""Each programme's table in the layout of the provincial plan, and the three side by side.

``planner report --programme oek|statushouders`` prints and exports the tables of seed 001
section 4 ("Opvang Oekraïense ontheemden", "Huisvesting statushouders"); the JSON has the
keys of the asylum report (per municipality name, region, quota, places, credited,
shortfall; per region and for the province the same), so a reader of one reads all
three. ``planner report --all-programmes`` puts asylum, OEK and status holders beside
each other per municipality, as the PRT's overview does.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from planner.counting.count import CycleReport, cycle_report
from planner.counting.programmes import (
    EXTRA_COLUMNS,
    PROGRAMME_LEVEL_COLUMNS,
    ProgrammeReport,
    programme_report,
    swap_explanation,
)
from planner.counting.rules import CycleRules
from planner.data.loader import Dataset
from planner.errors import InputError
from planner.formats import column_label, label_frame
from planner.i18n import Lang, t
from planner.reports.export import csv_text, write_xlsx
from planner.reports.programme_tables import programme_header, programme_table
from planner.reports.report import level_rows
from planner.tables import jsonable, records, text_table

__all__ = [
    "programme_dict",
    "programme_text",
    "programme_csv",
    "all_programmes_csv",
    "programme_sheets",
    "write_programme_xlsx",
    "all_programmes_frame",
    "all_programmes_dict",
    "all_programmes_text",
    "all_programmes_table",
    "all_programmes_sheets",
    "swap_explanation",
]

_MUNI_KEYS = ["code", "name", "region", *PROGRAMME_LEVEL_COLUMNS]
_LEVEL_KEYS = ["quota", "places", "credited", "shortfall", "municipal_shortfall", "surplus",
               "coverage"]  # fmt: skip


def _label(programme: str, column: str, lang: Lang) -> str:
    prefix = {"oek": "oek_", "statushouders": "sh_"}[programme]
    key = prefix + column
    from planner.i18n import LABELS

    return t(key, lang) if key in LABELS else t(column, lang)


def programme_dict(report: ProgrammeReport) -> dict[str, Any]:
    """The programme's table as JSON: rules, province, regions, municipalities, swaps."""
    extras = EXTRA_COLUMNS.get(report.rules.id, [])
    rules = report.rules
    province = jsonable({k: report.total[k] for k in [*_LEVEL_KEYS, *extras]})
    names = report.municipalities["province"].unique()
    province["name"] = str(names[0]) if len(names) == 1 else "+".join(map(str, names))
    regions = []
    for row in records(report.regions, ["region", *_LEVEL_KEYS, *extras]):
        row["name"] = row.pop("region")
        regions.append(row)
    return {
        "programme": rules.id,
        "rules": {
            "id": rules.id,
            "counting": rules.counting,
            "period": rules.period,
            "reference_date": rules.reference_date.isoformat() if rules.reference_date else None,
            "quota_column": rules.quota_column,
            "source": rules.source,
        },
        "province": province,
        "regions": regions,
        "municipalities": records(report.municipalities, [*_MUNI_KEYS, *extras]),
        "swaps": records(report.swaps, ["id", "from", "to", "places", "status", "counts", "why"]),
        "missing": list(report.missing),
    }


def _text_columns(programme: str) -> list[str]:
    if programme == "statushouders":
        return ["target", "quota", "places", "swapped_in", "credited", "shortfall",
                "kso_amv_places", "transit_places"]  # fmt: skip
    return ["quota", "places", "swapped_in", "credited", "shortfall", "private_reception",
            "located_places", "planned_places"]  # fmt: skip


def _cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return int(value)


def programme_text(report: ProgrammeReport, lang: Lang = "nl") -> str:
    """The programme's table for the terminal, municipalities by region, then totals."""
    rules = report.rules
    cols = _text_columns(rules.id)
    title = (
        f"{t('programme_' + rules.id, lang)}  |  {t('programme_period', lang)} {rules.period}"
        + (
            f", {t('programme_reference_date', lang)} {rules.reference_date:%d-%m-%Y}"
            if rules.reference_date
            else ""
        )
        + f"  |  {t('programme_counting_' + rules.counting, lang)}"
    )
    headers = [t("name", lang), *(_label(rules.id, c, lang) for c in cols), "%"]
    rows: list[list[Any]] = []
    rules_after = []
    mun = report.municipalities
    for _, reg in report.regions.iterrows():
        for _, m in mun[mun["region"] == reg["region"]].iterrows():
            rows.append([m["name"], *(_cell(m[c]) for c in cols), _pct(m["coverage"])])
        rules_after.append(len(rows) - 1)
        rows.append(
            [
                f"{t('total', lang)} {reg['region']}",
                *(_cell(_level_value(reg, c)) for c in cols),
                _pct(reg["coverage"]),
            ]
        )
        rules_after.append(len(rows) - 1)
    tot = report.total
    rows.append(
        [t("total", lang), *(_cell(_level_value(tot, c)) for c in cols), _pct(tot["coverage"])]
    )
    out = [title, "", text_table(rows, headers, rules_after)]
    out.append(
        f"\n{t('municipal_shortfall', lang)}: "
        + f"{int(tot['municipal_shortfall']):,}".replace(",", ".")
    )
    if report.missing:
        out.append(f"{t('programme_missing', lang)}: {', '.join(report.missing)}")
    if rules.id == "oek":
        differ = mun[mun["located_places"].notna() & (mun["located_places"] != mun["places"])]
        if len(differ):
            out.append(f"\n{t('programme_location_check', lang)}:")
            for _, m in differ.iterrows():
                out.append(f"  - {m['name']}: {int(m['places'])} / {int(m['located_places'])}")
    if len(report.swaps):
        out.append(f"\n{t('programme_swaps', lang)}:")
        for _, s in report.swaps.iterrows():
            verdict = t("programme_swap_counts" if s["counts"] else "programme_swap_not_counted",
                        lang)  # fmt: skip
            out.append(
                f"  - {s['id']}: {s['from']} -> {s['to']} {int(s['places'])}: {verdict}"
                + (f" ({s['why']})" if s["why"] else "")
            )
    return "\n".join(out)


def _level_value(level: pd.Series, column: str) -> Any:
    # A region or the province has no swaps of its own: what it is credited from outside.
    if column == "swapped_in":
        return int(level["credited"] - level["places"])
    return level.get(column)


def _pct(value: float) -> str:
    return "" if pd.isna(value) else f"{100 * value:.0f}%"


def programme_csv(report: ProgrammeReport, lang: Lang = "nl") -> str:
    """One programme's table as CSV in the reader's words: a level column (gemeente,
    regio, provincie), the programme, municipality rows, then regions, then the
    province; the programme's own headers (``Inspanningsverplichting`` for OEK)."""
    p = report.rules.id
    extras = EXTRA_COLUMNS.get(p, [])
    cols = ["quota", "places", "credited", "shortfall", "surplus", *extras]
    frame = level_rows(report.municipalities, report.regions, report.total, cols, lang,
                       _csv, programme=t("programme_short_" + p, lang))  # fmt: skip
    headers = {c: programme_header(p, c, lang) for c in [*cols, "municipal_shortfall"]}
    headers["name"] = t("programme_table_name", lang)
    return csv_text(frame, lang, headers)


def all_programmes_csv(frame: pd.DataFrame, lang: Lang = "nl") -> str:
    """The side-by-side table (:func:`all_programmes_frame`) as CSV with the reader's
    headers (:func:`all_programmes_table`)."""
    return csv_text(all_programmes_table(frame, lang), lang)


def _csv(value: Any) -> Any:
    cell = _cell(value)
    return "" if cell is None else cell


def programme_sheets(report: ProgrammeReport, lang: Lang = "nl") -> dict[str, pd.DataFrame]:
    """The programme's table, its locations and its swaps as named tables for a workbook."""
    extras = EXTRA_COLUMNS.get(report.rules.id, [])
    rows = []
    mun = report.municipalities
    for _, reg in report.regions.iterrows():
        for _, m in mun[mun["region"] == reg["region"]].iterrows():
            rows.append({"level": "gemeente", **{c: m[c] for c in ["name", *_LEVEL_KEYS[:-3],
                         "surplus", "coverage", *extras]}})  # fmt: skip
        rows.append({"level": "regio", "name": reg["region"],
                     **{c: reg[c] for c in [*_LEVEL_KEYS, *extras]}})  # fmt: skip
    rows.append({"level": "provincie", "name": t("total", lang),
                 **{c: report.total[c] for c in [*_LEVEL_KEYS, *extras]}})  # fmt: skip
    title = t("programme_short_" + report.rules.id, lang)
    loc_cols = [c for c in ("id", "municipality", "name", "places", "start_text", "end_text",
                            "decided", "status", "in_use", "source", "note")
                if c in report.locations]  # fmt: skip
    return {
        title: pd.DataFrame(rows),
        ("locaties" if lang == "nl" else "locations"): report.locations[loc_cols],
        ("uitruil" if lang == "nl" else "swaps"): report.swaps,
    }


def write_programme_xlsx(report: ProgrammeReport, path: str, lang: Lang = "nl") -> None:
    """Write the programme's workbook (table, locations, swaps)."""
    write_xlsx(path, programme_sheets(report, lang))


# --------------------------------------------------------------------------- side by side

_SIDE = {
    "asiel": ["quota", "credited", "shortfall"],
    "oek": ["quota", "credited", "shortfall"],
    "statushouders": ["quota", "credited", "shortfall"],
}


def all_programmes_frame(
    asylum: CycleReport, programmes: dict[str, ProgrammeReport]
) -> pd.DataFrame:
    """Per municipality the quota, credited places and shortfall of every programme.

    Columns are ``name``, ``region`` and ``<programme>_<column>`` for asiel, oek and
    statushouders; region and province rows follow their municipalities (``level``).
    """
    parts = {"asiel": asylum.municipalities, **{p: r.municipalities for p, r in
                                                programmes.items()}}  # fmt: skip
    levels = {"asiel": (asylum.regions, asylum.total),
              **{p: (r.regions, r.total) for p, r in programmes.items()}}  # fmt: skip
    base = asylum.municipalities[["name", "region"]]
    rows = []
    for region in asylum.regions["region"]:
        for name in base.loc[base["region"] == region, "name"]:
            row: dict[str, Any] = {"level": "municipality", "name": name, "region": region}
            for p, frame in parts.items():
                hit = frame[frame["name"] == name]
                for c in _SIDE[p]:
                    row[f"{p}_{c}"] = int(hit.iloc[0][c]) if len(hit) else None
            rows.append(row)
        row = {"level": "region", "name": region, "region": region}
        for p, (regs, _) in levels.items():
            hit = regs[regs["region"] == region]
            for c in _SIDE[p]:
                row[f"{p}_{c}"] = int(hit.iloc[0][c]) if len(hit) else None
        rows.append(row)
    row = {"level": "province", "name": "", "region": ""}
    for p, (_, tot) in levels.items():
        for c in _SIDE[p]:
            row[f"{p}_{c}"] = int(tot[c])
    rows.append(row)
    return pd.DataFrame(rows)


def all_programmes_dict(frame: pd.DataFrame) -> dict[str, Any]:
    """The side-by-side table as JSON: municipalities, regions, province."""
    cols = [c for c in frame.columns if c != "level"]
    by = {lv: records(frame[frame["level"] == lv], cols) for lv in ("municipality", "region")}
    province = records(frame[frame["level"] == "province"], cols)[0]
    return {"municipalities": by["municipality"], "regions": by["region"], "province": province}


def all_programmes_text(frame: pd.DataFrame, lang: Lang = "nl") -> str:
    """The side-by-side table for the terminal."""
    value_cols = [c for c in frame.columns if c not in ("level", "name", "region")]
    headers = [t("name", lang)]
    for c in value_cols:
        p, _, col = c.partition("_")
        headers.append(f"{t('programme_short_' + p, lang)}: {t(col, lang)}")
    rows, rules_after = [], []
    for _, r in frame.iterrows():
        name = r["name"]
        if r["level"] == "region":
            name = f"{t('total', lang)} {r['name']}"
        elif r["level"] == "province":
            name = t("total", lang)
        rows.append([name, *(_cell(r[c]) for c in value_cols)])
        if r["level"] == "region":
            rules_after.append(len(rows) - 2)
            rules_after.append(len(rows) - 1)
    return f"{t('all_programmes', lang)}\n\n" + text_table(rows, headers, rules_after)


def all_programmes_table(frame: pd.DataFrame, lang: Lang = "nl") -> pd.DataFrame:
    """The side-by-side table (:func:`all_programmes_frame`) with the reader's headers:
    ``Oekraïne: Inspanningsverplichting``, level words, totals named."""
    out = frame.copy()
    level_word = {"municipality": t("municipality", lang), "region": t("region", lang),
                  "province": t("province", lang)}  # fmt: skip
    out["name"] = [
        f"{t('total', lang)} {n}" if lv == "region" else (t("total", lang) if lv == "province"
                                                          else n)
        for lv, n in zip(out["level"], out["name"], strict=True)
    ]  # fmt: skip
    out["level"] = out["level"].map(level_word)
    headers = {"level": column_label("level", lang), "name": t("programme_table_name", lang),
               "region": t("region", lang)}  # fmt: skip
    for c in out.columns:
        p, _, col = c.partition("_")
        if p in _SIDE and col:
            headers[c] = f"{t('programme_short_' + p, lang)}: {programme_header(p, col, lang)}"
    return out.rename(columns=headers)


def all_programmes_sheets(
    ds: Dataset, rules: CycleRules | None = None, lang: Lang = "nl"
) -> dict[str, pd.DataFrame]:
    """The all-programmes workbook (``planner report --all-programmes --xlsx`` and the
    app's Export page): the three tasks side by side per municipality, then each
    programme's table, locations and swaps, all with the reader's headers.

    ``rules`` are the asylum cycle's (default: the data's first cycle); a programme the
    data hold no targets for is left out.
    """
    rules = rules or CycleRules.from_row(ds.cycle())
    reports = {}
    for p in ("oek", "statushouders"):
        try:
            reports[p] = programme_report(ds, p)
        except InputError:
            continue
    frame = all_programmes_frame(cycle_report(ds, rules), reports)
    sheets = {t("sheet_all_programmes", lang): all_programmes_table(frame, lang)}
    for p, rep in reports.items():
        sheets[t(f"sheet_programme_{p}", lang)] = programme_table(rep, lang)
    for p, rep in reports.items():
        parts = programme_sheets(rep, lang)
        for key in ("locaties", "uitruil") if lang == "nl" else ("locations", "swaps"):
            if len(parts[key]):
                name = f"{key} {t('programme_short_' + p, lang)}"[:31]
                sheets[name] = label_frame(parts[key], lang)
    return sheets
