"""Writing tables to Excel and CSV so that no cell can run as a formula.

Names and notes come from many hands (municipal spreadsheets, scenario files typed in
the app). A cell that starts with ``=``, ``+``, ``-`` or ``@`` would be evaluated by
Excel or LibreOffice; such text is prefixed with an apostrophe. Numbers stay numbers.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

__all__ = [
    "safe_text",
    "safe_cell",
    "write_xlsx",
    "write_csv",
    "decision_record",
    "summary_table",
    "result_sheets_full",
    "result_document",
    "export_result",
    "scenario_timeline",
    "sheet_file_name",
]

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_text(value: Any) -> Any:
    """Text that cannot be read as a formula; anything else unchanged.

    >>> safe_text("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> safe_text(-5)
    -5
    """
    if isinstance(value, str) and value.startswith(_DANGEROUS):
        return "'" + value
    return value


def safe_cell(value: Any) -> Any:
    """A value fit for a spreadsheet cell: plain numbers, dates, safe text or empty."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, np.floating | float):
        f = float(value)
        return None if math.isnan(f) else f
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, list | tuple | dict):
        value = str(value)
    return safe_text(str(value))


def write_xlsx(path: str | Path, sheets: dict[str, pd.DataFrame]) -> None:
    """Write frames to a workbook, one sheet each, header bold, text made safe."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, frame in sheets.items():
        ws = wb.create_sheet(title[:31])
        headers = [str(c) for c in frame.columns]
        ws.append([safe_text(h) for h in headers])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in frame.itertuples(index=False):
            ws.append([safe_cell(v) for v in row])
        for i, h in enumerate(headers, start=1):
            width = (
                max([len(h), *(len(str(v)) for v in frame.iloc[:200, i - 1])])
                if len(frame)
                else len(h)
            )
            ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, width + 2))
        ws.freeze_panes = "A2"
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    tmp.replace(path)  # never leave a half-written workbook under the user's name


def write_csv(path: str | Path, frame: pd.DataFrame) -> None:
    """Write a frame as UTF-8 CSV with safe text, atomically."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(safe_text)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    out.to_csv(tmp, index=False, lineterminator="\n")
    tmp.replace(path)


# --------------------------------------------------------------------------- results


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("spreiding-planner", "pulp", "highspy", "pandas", "pydantic"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def decision_record(result, ds, generated_at: datetime | None = None) -> dict[str, Any]:
    """What a decision rests on: scenario text and hash, data hashes, rules, solver and
    versions, status and objective values, and when it was made.

    Everything but ``run`` (time stamp and timings) is the same on every run of the same
    scenario and data.
    """
    import yaml

    from planner import __version__
    from planner.scenario.schema import scenario_hash

    inst = result.instance
    sc = inst.scenario
    rules = inst.rules
    text = yaml.safe_dump(
        sc.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude={"extends"}),
        allow_unicode=True,
        sort_keys=False,
    )
    return {
        "scenario": sc.name,
        "description": sc.description,
        "scenario_hash": scenario_hash(sc),
        "scenario_text": text,
        "data_source": Path(ds.source).name if ds.source else "",
        "data_hashes": dict(sorted(ds.hashes.items())),
        "rules": {
            "cycle": rules.id,
            "window_start": rules.window_start.isoformat(),
            "window_end": rules.window_end.isoformat(),
            "require_decision": rules.require_decision,
            "soft_plans_count": rules.soft_plans_count,
        },
        "objective_order": list(sc.objective),
        "solver": result.solver,
        "engine": result.engine,
        "package_version": __version__,
        "versions": _versions(),
        "status": result.status.value,
        "levels": {lv.name: lv.value for lv in result.levels},
        "messages": list(result.messages),
        "run": {
            "generated_at": (generated_at or datetime.now(UTC)).isoformat(timespec="seconds"),
            "build_seconds": round(result.build_seconds, 4),
            "solve_seconds": round(result.solve_seconds, 4),
        },
    }


def summary_table(result, lang: str = "nl") -> pd.DataFrame:
    """The cycle table in the layout of the provincial report (seed 001 section 4):
    municipalities by region with region and province totals."""
    nl = lang == "nl"
    cols = {
        "quota": "Asielopgave incl. amv" if nl else "Quota incl. amv",
        "credited": "Realisatie totaal" if nl else "Credited total",
        "asylum": "waarvan asiel" if nl else "of which asylum",
        "amv_credited": "waarvan amv" if nl else "of which amv",
        "amv_quota": "Amv-opgave" if nl else "amv quota",
        "shortfall": "Tekort" if nl else "Shortfall",
        "amv_shortfall": "Amv-tekort" if nl else "amv shortfall",
        "soft_plans": "Bestuurlijke voornemens" if nl else "Soft plans",
    }
    rows = []

    def row(label: str, src: Any) -> dict[str, Any]:
        out = {"Gemeente" if nl else "Municipality": label}
        for key, name in cols.items():
            if key == "asylum":
                out[name] = int(src["credited"]) - int(src["amv_credited"])
            else:
                out[name] = int(src[key])
        return out

    mun = result.municipalities
    for _, reg in result.regions.iterrows():
        for _, m in mun[mun["region"] == reg["region"]].iterrows():
            rows.append(row(m["name"], m))
        rows.append(row(f"{'Totaal' if nl else 'Total'} {reg['region']}", reg))
    provinces = mun["province"].unique() if "province" in mun else []
    name = str(provinces[0]) if len(provinces) == 1 else ("Totaal" if nl else "Total")
    rows.append(row(f"{'Totaal' if nl else 'Total'} {name}", result.province))
    return pd.DataFrame(rows)


def result_sheets_full(result, ds, lang: str = "nl") -> dict[str, pd.DataFrame]:
    """Every table of a solved scenario, for the workbook and the CSV files."""
    from planner.results.explain import burden, condition_states, shortfall_breakdown
    from planner.results.solution import result_sheets

    nl = lang == "nl"
    base = result_sheets(result, lang)  # objectives, province, regions, municipalities, ...
    mun_key = "gemeenten" if nl else "municipalities"
    breakdown = shortfall_breakdown(result)
    extra = breakdown.drop(columns=["region", "quota", "credited", "shortfall"])
    load = burden(result, ds)[["name", "population_2024", "places_per_1000", "credited_to_quota"]]
    base[mun_key] = (
        base[mun_key].merge(extra, on="name", how="left").merge(load, on="name", how="left")
    )
    loc = result.instance.report.locations
    loc_cols = [c for c in (
        "id", "municipality", "name", "places", "target_group", "type", "operator", "start",
        "end", "decided", "status", "closed", "changed", "counts", "why", "override_id",
        "override_reason", "source",
    ) if c in loc]  # fmt: skip
    record = decision_record(result, ds)
    flat = []
    for key, value in record.items():
        if isinstance(value, dict):
            flat += [(f"{key}.{k}", v) for k, v in value.items()]
        elif isinstance(value, list):
            flat.append((key, "; ".join(map(str, value))))
        else:
            flat.append((key, value))
    sheets = {
        "samenvatting" if nl else "summary": summary_table(result, lang),
        **base,
        "locaties" if nl else "locations": loc[loc_cols],
        "voorwaarden" if nl else "conditions": condition_states(result),
        "tijdlijn" if nl else "timeline": scenario_timeline(result, ds),
        "beslisverslag" if nl else "decision record": pd.DataFrame(flat, columns=["key", "value"]),
    }
    return sheets


def scenario_timeline(result, ds, months_around: int = 12) -> pd.DataFrame:
    """Places in use per municipality per month, from a year before the window to a year
    after it, with the scenario's location changes (closed sites left out) and the
    quota line: the gaps before and after the window that a single peildatum hides."""
    from planner.counting.timeline import monthly_places

    inst = result.instance
    rules = inst.rules
    start = (pd.Timestamp(rules.window_start) - pd.DateOffset(months=months_around)).date()
    end = (pd.Timestamp(rules.window_end) + pd.DateOffset(months=months_around)).date()
    return monthly_places(ds, start, end, rules=rules, locations=inst.report.locations)


def result_document(result, ds, generated_at: datetime | None = None) -> dict[str, Any]:
    """The JSON export: the result, the breakdown, burden and the decision record.

    Byte-identical for the same scenario and data, except ``record.run``.
    """
    from planner.results.explain import burden, condition_states, shortfall_breakdown
    from planner.tables import records

    doc = result.to_dict()
    for key in ("solve_seconds", "build_seconds"):
        doc.pop(key, None)
    doc["breakdown"] = records(shortfall_breakdown(result))
    doc["burden"] = records(burden(result, ds))
    doc["conditions"] = records(condition_states(result))
    doc["record"] = decision_record(result, ds, generated_at)
    return doc


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def export_result(result, ds, folder: str | Path, lang: str = "nl") -> list[Path]:
    """Write a solved scenario as a workbook, CSV files and JSON into ``folder``.

    Returns the files written. Each file is written to a temporary name first, so a
    failure never leaves a half-written file under a name the user relies on.
    """
    import json

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    sheets = result_sheets_full(result, ds, lang)
    written = []
    xlsx = folder / "resultaat.xlsx" if lang == "nl" else folder / "result.xlsx"
    write_xlsx(xlsx, sheets)
    written.append(xlsx)
    for title, frame in sheets.items():
        path = folder / f"{sheet_file_name(title)}.csv"
        write_csv(path, frame)
        written.append(path)
    path = folder / "result.json"
    doc = result_document(result, ds)
    _write_text(path, json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n")
    written.append(path)
    return written


def sheet_file_name(title: str) -> str:
    """The CSV file name (without ``.csv``) of a sheet: the app's downloads use the same
    names as ``planner solve --export``.

    >>> sheet_file_name("regio's"), sheet_file_name("decision record")
    ('regios', 'decision_record')
    """
    title = title.replace("'", "").replace("\u2019", "")  # regio's -> regios, not regio_s
    return "".join(c if c.isalnum() else "_" for c in title).strip("_").lower()
