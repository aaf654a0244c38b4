"""The cycle report in the forms people use: terminal table, JSON, CSV, Excel."""

from __future__ import annotations

from typing import Any

import pandas as pd

from planner.counting.count import LEVEL_COLUMNS, CycleReport
from planner.formats import fmt_date, fmt_int, label_frame, say
from planner.i18n import Lang, t
from planner.reports.export import csv_text, write_xlsx
from planner.tables import jsonable, records, text_table

__all__ = ["report_dict", "report_text", "report_csv", "level_rows", "report_sheets",
           "write_report_xlsx"]  # fmt: skip

MUNI_JSON = [
    "code",
    "name",
    "region",
    "quota",
    "amv_quota",
    "places",
    "amv_places",
    "swapped_in",
    "swapped_out",
    "credited",
    "amv_credited",
    "shortfall",
    "amv_shortfall",
    "surplus",
    "soft_plans",
    "amv_soft_plans",
    "coverage",
]


def _rules_dict(report: CycleReport) -> dict[str, Any]:
    r = report.rules
    out: dict[str, Any] = {
        "id": r.id,
        "name": r.name,
        "window_start": r.window_start.isoformat(),
        "window_end": r.window_end.isoformat(),
        "require_decision": r.require_decision,
        "soft_plans_count": r.soft_plans_count,
    }
    # Keys of later cycles only where they apply, so cycle 1's document is unchanged.
    if r.min_years is not None:
        out["min_years"] = r.min_years
        out["durable_until"] = r.durable_until.isoformat() if r.durable_until else None
    if r.min_places is not None:
        out["min_places"] = r.min_places
    if r.types:
        out["types"] = list(r.types)
    if r.assumed:
        out["status"] = r.status
        out["assumption"] = assumption_text(report, "en")
    return out


def assumption_text(report: CycleReport, lang: Lang = "nl") -> str:
    """The line that marks an assumed cycle in every output ('' for a decided one)."""
    r = report.rules
    if not r.assumed:
        return ""
    return t("cycle_assumed", lang, cycle=r.name or r.id, source=r.source_in(lang))


def _rules_lines(report: CycleReport, lang: Lang) -> list[str]:
    """The later cycles' rules in words (none for cycle 1)."""
    r = report.rules
    parts = []
    if r.durable_until is not None:
        parts.append(
            t("cycle_rules_durable", lang, until=f"{r.durable_until:%d-%m-%Y}", years=r.min_years)
        )
    if r.min_places is not None:
        parts.append(t("cycle_rules_min_places", lang, places=r.min_places))
    if r.types:
        parts.append(t("cycle_rules_types", lang, types=", ".join(r.types)))
    return ["; ".join(parts)] if parts else []


def report_dict(report: CycleReport) -> dict[str, Any]:
    """The report as a JSON-ready dict: rules, province, regions, municipalities, overrides."""
    regions = []
    for row in records(report.regions, ["region", *LEVEL_COLUMNS]):
        row["name"] = row.pop("region")
        regions.append(row)
    overrides = [
        {
            "kind": o["kind"],
            "id": o["id"],
            "municipality": o["municipality"],
            "name": o["name"],
            "places": o["places"],
            "counts": o["counts"],
            "date_rule_counts": o["rule_counts"],
            "date_rule_reasons": o["rule_why"],
            "override": o["override_id"],
            "reason": o["override_reason"],
        }
        for o in records(report.overrides)
    ]
    province = jsonable(report.total.to_dict())
    names = report.municipalities["province"].unique()
    province["name"] = str(names[0]) if len(names) == 1 else "+".join(map(str, names))
    return {
        "rules": _rules_dict(report),
        "province": province,
        "regions": regions,
        "municipalities": records(report.municipalities, MUNI_JSON),
        "swaps": [
            {
                "id": s["id"],
                "from": s["from_municipality"],
                "to": s["to_municipality"],
                "places": s["places"],
                "amv_places": s["amv_places"],
                "counts": s["counts"],
                "condition": s["condition_state"],
                "why": s["why"],
            }
            for s in records(report.swaps)
        ],
        "overrides": overrides,
    }


_TEXT_COLS = [
    "quota",
    "amv_quota",
    "places",
    "swapped_in",
    "credited",
    "amv_credited",
    "shortfall",
    "amv_shortfall",
    "soft_plans",
]


def report_text(report: CycleReport, lang: Lang = "nl") -> str:
    """The cycle table for the terminal: municipalities by region, region and province totals."""
    r = report.rules
    title = (
        f"{t('cycle_table', lang)}: {r.name or r.id}  |  {t('window', lang)} "
        f"{fmt_date(r.window_start, lang)} - {fmt_date(r.window_end, lang)}, "
        + (t("decision_required", lang) if r.require_decision else t("no_decision_required", lang))
        + (f", {t('with_soft_plans', lang).lower()}" if r.soft_plans_count else "")
    )
    headers = [t("name", lang), *(t(c, lang) for c in _TEXT_COLS), "%"]
    rows: list[list[Any]] = []
    rules_after = []
    mun = report.municipalities
    for _, reg in report.regions.iterrows():
        for _, m in mun[mun["region"] == reg["region"]].iterrows():
            rows.append([m["name"], *(int(m[c]) for c in _TEXT_COLS), _pct(m["coverage"])])
        rules_after.append(len(rows) - 1)
        rows.append(
            [f"{t('total', lang)} {reg['region']}", *_level_cells(reg), _pct(reg["coverage"])]
        )
        rules_after.append(len(rows) - 1)
    tot = report.total
    rows.append([t("total", lang), *_level_cells(tot), _pct(tot["coverage"])])
    marker = assumption_text(report, lang)
    out = [title, *_rules_lines(report, lang), *([marker] if marker else []), ""]
    out.append(text_table(rows, headers, rules_after, lang))
    out.append(
        f"\n{t('municipal_shortfall', lang)}: {fmt_int(tot['municipal_shortfall'], lang)}"
        + f"  |  {t('amv_municipal_shortfall', lang)}: "
        + fmt_int(tot["amv_municipal_shortfall"], lang)
    )
    out.append(f"\n{t('fig_notes', lang)}")
    out += [f"  - {line}" for line in figure_notes(report, lang)]
    ov = report.overrides
    if len(ov):
        out.append(f"\n{t('overrides', lang)}:")
        out += [f"  - {line}" for line in override_lines(report, lang)]
    return "\n".join(out)


def figure_notes(report: CycleReport, lang: Lang = "nl") -> list[str]:
    """Why figures that look inconsistent are not: own places against credited places
    (swaps from outside the province, Dronten's 200 for Kampen), the three amv figures
    (credited of quota, the province's amv shortfall, the sum of municipal ones), and
    the provincial shortfall against the sum of municipal shortfalls."""
    tot = report.total
    n = lambda v: fmt_int(v, lang)  # noqa: E731
    names = set(report.municipalities["name"])
    sw = report.swaps[report.swaps["counts"].astype(bool)]
    outside = sw[~sw["from_municipality"].isin(names)]
    flows = ", ".join(
        f"{r['from_municipality']} -> {r['to_municipality']} {n(r['places'])}"
        for _, r in outside.iterrows()
    )
    lines = []
    swapped = int(tot["credited"]) - int(tot["places"])
    if swapped:
        lines.append(
            t("fig_credited", lang, credited=n(tot["credited"]), places=n(tot["places"]),
              swapped=n(swapped), flows=flows or "-")
        )  # fmt: skip
    lines.append(
        t("fig_amv", lang, amv_credited=n(tot["amv_credited"]), amv_quota=n(tot["amv_quota"]),
          amv_shortfall=n(tot["amv_shortfall"]), amv_sum=n(tot["amv_municipal_shortfall"]))
    )  # fmt: skip
    lines.append(
        t("fig_sum", lang, shortfall=n(tot["shortfall"]), sum=n(tot["municipal_shortfall"]),
          surplus=n(tot["surplus"]))
    )  # fmt: skip
    return lines


def override_lines(report: CycleReport, lang: Lang = "nl") -> list[str]:
    """One line per count that rests on an override: what the date rule alone says,
    and the override's reason (its Dutch ``toelichting`` where the data have one)."""
    lines = []
    for _, o in report.overrides.iterrows():
        verdict = t("rule_counts" if o["rule_counts"] else "rule_not_counts", lang)
        why = "" if o["rule_counts"] else f" ({say(o['rule_why'], lang)})"
        lines.append(
            t("report_override_line", lang, name=o["name"], municipality=o["municipality"],
              places=fmt_int(o["places"], lang), verdict=verdict, why=why,
              id=o["override_id"], reason=override_reason(o, lang))
        )  # fmt: skip
    return lines


def override_reason(row: Any, lang: Lang = "nl") -> str:
    """An override's reason in the reader's language: the Dutch ``toelichting`` column
    where the data have one, else the ``reason`` as written."""
    nl = row.get("override_toelichting") if hasattr(row, "get") else None
    if lang == "nl" and isinstance(nl, str) and nl.strip():
        return nl
    return say(row["override_reason"], lang)


def _level_cells(level: pd.Series) -> list[int]:
    # A region or the province has no swaps of its own: its "swapped in" is what it is
    # credited from outside (Dronten's places for Kampen).
    return [
        int(level["credited"] - level["places"]) if c == "swapped_in" else int(level[c])
        for c in _TEXT_COLS
    ]


def _pct(value: float) -> str:
    return "" if pd.isna(value) else f"{100 * value:.0f}%"


def level_rows(
    municipalities: pd.DataFrame,
    regions: pd.DataFrame,
    total: pd.Series,
    columns: list[str],
    lang: Lang = "nl",
    value: Any = int,
    **fixed: Any,
) -> pd.DataFrame:
    """The layout of the cycle CSVs: municipality rows, then the regions, then the
    province, each with its level word (gemeente, regio, provincie), the ``fixed``
    values, ``columns`` read through ``value`` and the sum of municipal shortfalls of
    a region or the province."""
    rows: list[dict[str, Any]] = []
    for _, m in municipalities.iterrows():
        rows.append({"level": t("code_gemeente", lang), **fixed, "name": m["name"],
                     "region": m["region"], **{c: value(m[c]) for c in columns},
                     "municipal_shortfall": ""})  # fmt: skip
    for _, r in regions.iterrows():
        rows.append({"level": t("code_regio", lang), **fixed, "name": r["region"],
                     "region": r["region"], **{c: value(r[c]) for c in columns},
                     "municipal_shortfall": int(r["municipal_shortfall"])})  # fmt: skip
    rows.append({"level": t("code_provincie", lang), **fixed, "name": "", "region": "",
                 **{c: value(total[c]) for c in columns},
                 "municipal_shortfall": int(total["municipal_shortfall"])})  # fmt: skip
    return pd.DataFrame(rows, dtype=object)


def report_csv(report: CycleReport, lang: Lang = "nl") -> str:
    """The cycle table as CSV in the reader's words: a level column (gemeente, regio,
    provincie), municipality rows, then regions, then the province; an assumed cycle
    says so on every row (a CSV has no place for a note).

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> from planner.counting.count import cycle_report
    >>> print(report_csv(cycle_report(load_dataset())).splitlines()[0][:45])
    Niveau,Naam,Regio,Opgave,Amv-opgave,Eigen ple
    """
    cols = [
        "quota",
        "amv_quota",
        "places",
        "amv_places",
        "credited",
        "amv_credited",
        "shortfall",
        "amv_shortfall",
        "soft_plans",
        "amv_soft_plans",
    ]
    frame = level_rows(report.municipalities, report.regions, report.total, cols, lang)
    if report.rules.assumed:
        frame["cycle_status"] = t("cycle_status_assumed", lang)
    headers = {"name": t("programme_table_name", lang)}
    return csv_text(frame, lang, headers)


def report_sheets(report: CycleReport, lang: Lang = "nl") -> dict[str, pd.DataFrame]:
    """The report as named tables for a workbook, with the reader's headers and words:
    the cycle table (municipalities by region, region and province totals, the
    percentage as a fraction a workbook shows as 61%), locations, swaps, overrides."""
    mun = report.municipalities.copy()
    regions = report.regions.copy()
    tot = report.total
    level = {"gemeente": t("code_gemeente", lang), "regio": t("code_regio", lang),
             "provincie": t("code_provincie", lang)}  # fmt: skip
    summary_rows = []
    for _, reg in regions.iterrows():
        for _, m in mun[mun["region"] == reg["region"]].iterrows():
            summary_rows.append(
                {
                    "name": m["name"],
                    "level": level["gemeente"],
                    **{c: m[c] for c in LEVEL_COLUMNS if c in m},
                }
            )
        summary_rows.append(
            {"name": f"{t('total', lang)} {reg['region']}", "level": level["regio"],
             **{c: reg[c] for c in LEVEL_COLUMNS}}
        )  # fmt: skip
    summary_rows.append(
        {
            "name": t("total", lang),
            "level": level["provincie"],
            **{c: tot[c] for c in LEVEL_COLUMNS},
        }
    )
    summary = pd.DataFrame(summary_rows)
    for c in LEVEL_COLUMNS:
        if c != "coverage":
            summary[c] = summary[c].fillna(0).astype(int)
    summary["coverage"] = summary["coverage"].astype(float)
    loc_cols = [c for c in (
        "id", "municipality", "name", "places", "target_group", "type", "operator",
        "start_text", "end_text", "decided", "status", "counts", "why", "override_id", "source",
        "toelichting",
    ) if c in report.locations]  # fmt: skip
    swap_cols = [c for c in (
        "id", "from_municipality", "to_municipality", "places", "amv_places", "status",
        "counts", "condition_state", "why", "source", "toelichting",
    ) if c in report.swaps]  # fmt: skip
    overrides = report.overrides.copy()
    overrides["override_reason"] = [override_reason(o, lang) for _, o in overrides.iterrows()]
    overrides = overrides.drop(columns=["override_toelichting"], errors="ignore")
    sheets: dict[str, pd.DataFrame] = {}
    if report.rules.assumed:
        sheets[t("cycle_assumed_short", lang)] = pd.DataFrame(
            {t("cycle_status", lang): [assumption_text(report, lang)]}
        )
    return sheets | {
        t("cycle_table", lang): label_frame(summary, lang),
        "locaties" if lang == "nl" else "locations": label_frame(report.locations[loc_cols], lang),
        "uitruil" if lang == "nl" else "swaps": label_frame(report.swaps[swap_cols], lang),
        "uitzonderingen" if lang == "nl" else "overrides": label_frame(overrides, lang),
    }


def write_report_xlsx(report: CycleReport, path: str, lang: Lang = "nl", ds=None) -> None:
    """Write the report workbook (cycle table, locations, swaps, overrides), with a
    title block (cycle, window, date, data version when ``ds`` is given)."""
    from planner.reports.export import title_info

    info = title_info(report.rules, ds, lang) if ds is not None else []
    write_xlsx(path, report_sheets(report, lang), t("tb_report_title", lang), info)
