"""Writing tables to Excel and CSV so that no cell can run as a formula.

Names and notes come from many hands (municipal spreadsheets, scenario files typed in
the app). A cell that starts with ``=``, ``+``, ``-`` or ``@`` would be evaluated by
Excel or LibreOffice; such text is prefixed with an apostrophe. Numbers stay numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from planner.errors import InputError, Issue, replacing, writing_to
from planner.formats import (
    XLSX_DATE,
    XLSX_INT,
    XLSX_PCT,
    Words,
    code_label,
    column_label,
    fmt_date,
    fmt_datetime,
    label_frame,
    pct_labels,
    say,
)
from planner.i18n import t
from planner.i18n.errors import say as say_error
from planner.tables import jsonable

__all__ = [
    "write_text",
    "safe_text",
    "safe_cell",
    "write_xlsx",
    "write_csv",
    "decision_record",
    "summary_table",
    "result_sheets_full",
    "result_document",
    "scenario_timeline",
    "sheet_file_name",
    "output_file",
    "output_folder",
    "data_version",
    "title_info",
    "record_table",
    "write_result_xlsx",
]

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")
#: openpyxl's ``ILLEGAL_CHARACTERS_RE`` (the control characters a workbook refuses),
#: written out so that JSON and CSV output need not import openpyxl (80 ms).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def safe_text(value: Any) -> Any:
    """Text that cannot be read as a formula; anything else unchanged.

    >>> safe_text("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> safe_text(-5)
    -5
    """
    if isinstance(value, str):
        # Control characters are refused when data is read; should one still get here,
        # it is shown as U+FFFD rather than making openpyxl refuse the whole workbook.
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        if value.startswith(_DANGEROUS):
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


def write_xlsx(
    path: str | Path,
    sheets: dict[str, pd.DataFrame],
    title: str | None = None,
    info: Sequence[tuple[str, str]] = (),
    lead: Sequence[str] = (),
) -> None:
    """Write frames to a workbook a province can send on.

    One sheet per frame; text made safe. The first sheet starts with a title block
    (``title`` in large bold, the ``info`` pairs: scenario, cycle and window, date, data
    version; then the ``lead`` lines, e.g. the plain-language answer) above its table.
    Every sheet: bold, frozen header row; whole numbers as 1.234, other numbers with one
    decimal, fractions in percentage columns as 61%, dates as dd-mm-jjjj (Excel shows
    the separators of the reader's own locale); rows of totals (first cell "Totaal" /
    "Total") in bold; printed landscape, fitted to the page width, the header row
    repeated on every page and the title in the page header.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    pct = pct_labels()
    for n, (name, frame) in enumerate(sheets.items()):
        ws = wb.create_sheet(name[:31])
        top = 0
        if n == 0 and (title or info or lead):
            if title:
                ws.append([safe_text(title)])
                ws.cell(row=1, column=1).font = Font(bold=True, size=14)
            for label, value in info:
                ws.append([safe_text(label), safe_text(value)])
                ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
            if lead:
                ws.append([])
            for line in lead:
                ws.append([safe_text(line)])
            ws.append([])
            top = ws.max_row
        headers = [str(c) for c in frame.columns]
        ws.append([safe_text(h) for h in headers])
        head_row = ws.max_row  # (an empty appended row adds no cells to count)
        for cell in ws[head_row]:
            cell.font = Font(bold=True)
        formats = []
        for h, col in zip(headers, frame.columns, strict=True):
            kind = frame[col].dtype
            if h in pct:
                formats.append(XLSX_PCT)
            elif pd.api.types.is_bool_dtype(kind):
                formats.append(None)
            elif pd.api.types.is_integer_dtype(kind):
                formats.append(XLSX_INT)
            elif pd.api.types.is_float_dtype(kind):
                values = frame[col].dropna()
                whole = bool(len(values)) and bool((values == values.round()).all())
                formats.append(XLSX_INT if whole else "#,##0.0")
            elif pd.api.types.is_datetime64_any_dtype(kind):
                formats.append(XLSX_DATE)
            else:
                formats.append("auto")
        for row in frame.itertuples(index=False):
            cells = [safe_cell(v) for v in row]
            ws.append(cells)
            r = ws.max_row
            first = next((c for c in cells if isinstance(c, str)), "")
            bold = first.startswith(("Totaal", "Total"))
            for j, (value, fmt) in enumerate(zip(cells, formats, strict=True), start=1):
                cell = ws.cell(row=r, column=j)
                if fmt == "auto":  # a column of mixed values (e.g. the record's)
                    if isinstance(value, bool):
                        fmt = None
                    elif isinstance(value, int):
                        fmt = XLSX_INT
                    elif isinstance(value, date):
                        fmt = XLSX_DATE
                    else:
                        fmt = None
                if fmt and value is not None and not isinstance(value, str):
                    cell.number_format = fmt
                if bold:
                    cell.font = Font(bold=True)
        for i, h in enumerate(headers, start=1):
            width = (
                max([len(h), *(len(str(v)) for v in frame.iloc[:200, i - 1])])
                if len(frame)
                else len(h)
            )
            if i == 1 and top:  # the title block's labels sit in the first column
                width = max(width, *(len(label) for label, _ in info), 12)
            ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, width + 2))
        ws.freeze_panes = ws.cell(row=head_row + 1, column=1).coordinate
        ws.print_title_rows = f"{head_row}:{head_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if title:
            ws.oddHeader.center.text = title.replace("&", "&&")
        ws.oddFooter.right.text = "&P / &N"
    with replacing(path) as tmp:  # never a half-written workbook under the user's name
        wb.save(tmp)


def _safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(safe_text)
    return out


def write_csv(path: str | Path, frame: pd.DataFrame) -> None:
    """Write a frame as UTF-8 CSV with safe text, atomically."""
    with replacing(path) as tmp:
        _safe_frame(frame).to_csv(tmp, index=False, lineterminator="\n")


def csv_text(frame: pd.DataFrame, lang: str = "nl", headers: dict[str, str] | None = None) -> str:
    """A table as CSV for its reader: headers from the catalogue (or ``headers``, key ->
    header), words in ``lang``, ``ja``/``nee`` for yes and no, text that a spreadsheet
    cannot read as a formula. Numbers and ISO dates stay as they are (data, not prose).

    Examples
    --------
    >>> print(csv_text(pd.DataFrame({"name": ["Kampen"], "quota": [279],
    ...                              "decided": [True]})), end="")
    Gemeente,Opgave,Besluit genomen
    Kampen,279,ja
    """
    out = label_frame(frame, lang, drop=())
    if headers:
        out.columns = [headers.get(k, label) for k, label in zip(frame.columns, out.columns,
                                                                  strict=True)]  # fmt: skip
    return frame_csv(out)


def frame_csv(frame: pd.DataFrame) -> str:
    """A table already in its reader's words as CSV text, with text a spreadsheet
    cannot read as a formula (empty cells blank)."""
    return _safe_frame(frame).to_csv(index=False, lineterminator="\n")


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
    text = yaml.dump(
        sc.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude={"extends"}),
        # libyaml's emitter: the same text as the Python one, ten times faster on a
        # national scenario (checked byte for byte on every example scenario).
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
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
            **_later_rules(rules),
        },
        "objective_order": list(sc.objective),
        "solver": result.solver,
        "engine": result.engine,
        "package_version": __version__,
        "versions": _versions(),
        "status": result.status.value,
        "levels": {lv.name: lv.value for lv in result.levels},
        "messages": jsonable(list(result.messages)),
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
        "coverage": column_label("coverage", lang),  # a fraction, shown as 61%
    }
    rows = []

    def row(label: str, src: Any) -> dict[str, Any]:
        out = {"Gemeente" if nl else "Municipality": label}
        for key, name in cols.items():
            if key == "asylum":
                out[name] = int(src["credited"]) - int(src["amv_credited"])
            elif key == "coverage":
                quota = int(src["quota"])
                out[name] = int(src["credited"]) / quota if quota else float("nan")
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


def _later_rules(rules) -> dict:
    """The rules of later cycles and an assumed cycle's status, only where they apply
    (cycle 1's record is unchanged)."""
    out: dict = {}
    for key in ("min_years", "min_places"):
        if getattr(rules, key) is not None:
            out[key] = getattr(rules, key)
    if rules.types:
        out["types"] = ";".join(rules.types)
    if rules.assumed:
        out["status"] = "assumed"
        out["assumption"] = Words("cycle_assumed", cycle=rules.name or rules.id,
                                  source=Words("data_text", nl=rules.source_in("nl"),
                                               en=rules.source_in("en")))  # fmt: skip
    return out


def data_version(ds) -> str:
    """A short fingerprint of the data files (the first 12 hex digits of a SHA-256 over
    their names and hashes): two reports with the same version rest on the same data."""
    import hashlib

    text = "\n".join(f"{k}:{v}" for k, v in sorted(ds.hashes.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:12] if text else "-"


def title_info(
    rules, ds, lang: str = "nl", scenario: str | None = None, when: datetime | None = None
) -> list[tuple[str, str]]:
    """The title block's lines: scenario, cycle and window, date (Europe/Amsterdam)
    and data version."""
    info = []
    if scenario is not None:
        info.append((t("tb_scenario", lang), scenario))
    info.append((t("tb_cycle", lang), str(rules.name or rules.id)))
    info.append(
        (t("tb_window", lang),
         f"{fmt_date(rules.window_start, lang)} - {fmt_date(rules.window_end, lang)}")
    )  # fmt: skip
    info.append((t("tb_made", lang), fmt_datetime(when or datetime.now(UTC), lang)))
    source = Path(ds.source).name if getattr(ds, "source", None) else ""
    info.append((t("tb_data", lang), " ".join(x for x in (source, data_version(ds)) if x)))
    return info


def record_table(record: dict[str, Any], lang: str = "nl") -> pd.DataFrame:
    """The decision record as two columns, ``Onderdeel`` and ``Waarde``, in words:
    ``rules.window_start`` becomes ``Regel: begin periode``, times are on the users'
    clock, statuses and yes/no in ``lang``. The JSON keeps the keys."""
    rows = []

    def label(key: str) -> str:
        return t(f"rec_{key}", lang) if f"rec_{key}" in _labels() else key

    for key, value in record.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                if key == "run":
                    name = f"{t('rec_run', lang)}: {label(sub).lower()}"
                    v = fmt_datetime(v, lang) if sub == "generated_at" else v
                elif key == "levels":
                    name = f"{label(key)}: {t(f'level_{sub}', lang)}"
                elif key == "rules":
                    name = f"{label(key)}: {label(sub).lower()}"
                    v = fmt_date(v, lang) if sub.startswith("window_") else v
                else:
                    name = f"{label(key)}: {sub}"
                rows.append((name, _record_value(v, lang)))
        elif isinstance(value, list):
            if key == "objective_order":
                value = [t(f"level_{v}", lang) for v in value]
            rows.append((label(key), "; ".join(say(v, lang) for v in value)))
        else:
            if key == "status":
                value = code_label(value, lang)
            rows.append((label(key), _record_value(value, lang)))
    return pd.DataFrame(rows, columns=[t("col_key", lang), t("col_value", lang)])


def _labels() -> dict[str, tuple[str, str]]:
    from planner.i18n import LABELS

    return LABELS


def _record_value(value: Any, lang: str) -> Any:
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def result_sheets_full(result, ds, lang: str = "nl", parent=None) -> dict[str, pd.DataFrame]:
    """Every table of a solved scenario, for the workbook and the CSV files, with the
    reader's headers and words (no internal keys); the plain-language answer first.

    Parameters
    ----------
    result
        The solved scenario.
    ds
        Its data.
    lang
        ``nl`` or ``en``.
    parent
        The solved parent scenario, for the answer's changes (optional).
    """
    from planner.reports.programme_tables import programme_tables
    from planner.results.explain import burden, condition_states, shortfall_breakdown
    from planner.results.solution import result_sheets
    from planner.results.summary import answer_metrics, plain_answer

    nl = lang == "nl"
    base = result_sheets(result, lang)  # objectives, province, regions, municipalities, ...
    mun_key = "gemeenten" if nl else "municipalities"
    breakdown = shortfall_breakdown(result)
    extra = breakdown.drop(columns=["region", "quota", "credited", "shortfall"])
    load = burden(result, ds)[["name", "population_2024", "places_per_1000", "credited_to_quota"]]
    base[mun_key] = (
        base[mun_key].merge(extra, on="name", how="left").merge(load, on="name", how="left")
    )
    obj_key = "doelen" if nl else "objectives"
    base[obj_key] = base[obj_key].assign(
        level=[t(f"level_{n}", lang) for n in base[obj_key]["level"]]
    )
    loc = result.instance.report.locations
    loc_cols = [c for c in (
        "id", "municipality", "name", "places", "target_group", "type", "operator", "start",
        "end", "decided", "status", "closed", "changed", "counts", "why", "override_id",
        "override_reason", "source", "toelichting",
    ) if c in loc]  # fmt: skip
    locations = loc[loc_cols]
    if nl and "override_toelichting" in loc:  # the override's reason in Dutch
        dutch = loc["override_toelichting"]
        locations = locations.assign(
            override_reason=dutch.where(dutch.notna(), loc["override_reason"])
        )
    record = decision_record(result, ds)
    answer = plain_answer(result, parent, lang)
    metrics = answer_metrics(result, parent, lang)
    answer_frame = pd.DataFrame({t("sheet_answer", lang): answer})
    sheets = {
        "antwoord" if nl else "answer": answer_frame,
        "kerncijfers" if nl else "key figures": metrics,
        "samenvatting" if nl else "summary": summary_table(result, lang),
        **{k: label_frame(v, lang) for k, v in base.items()},
        "locaties" if nl else "locations": label_frame(locations, lang),
        "voorwaarden" if nl else "conditions": label_frame(condition_states(result), lang),
        "tijdlijn" if nl else "timeline": label_frame(
            scenario_timeline(result, ds).rename(columns={"credited": "swap_credit"}), lang
        ),
        # every programme's table (issue 12): OEK and status holders beside asylum
        **programme_tables(ds, lang),
        "beslisverslag" if nl else "decision record": record_table(record, lang),
    }
    return sheets


def write_result_xlsx(path, result, ds, lang: str = "nl", parent=None) -> None:
    """The workbook of a solved scenario: title block and plain answer on the first
    sheet, every table after it (:func:`result_sheets_full`)."""
    sheets = result_sheets_full(result, ds, lang, parent)
    info = title_info(result.instance.rules, ds, lang, scenario=result.scenario)
    write_xlsx(path, sheets, f"{t('tb_result_title', lang)}: {result.scenario}", info)


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


def write_text(path: Path, text: str) -> None:
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _output_error(path: Path, key: str, fix: str) -> InputError:
    return InputError([Issue(str(path), say_error(key), fix)], say_error("output_title"))


def output_file(path: str | Path) -> Path:
    """A file the user asked to write: its missing parent folders are made; a folder
    in its place is refused with the fix."""
    path = Path(path)
    if path.is_dir():
        example = path / "rapport.xlsx" if path.suffix == "" else path.with_suffix(".out")
        raise _output_error(path, "output_is_folder",
                            say_error("output_is_folder_fix", example=example))  # fmt: skip
    with writing_to(path):
        path.parent.mkdir(parents=True, exist_ok=True)
    if path.parent.exists() and not path.parent.is_dir():
        raise _output_error(path.parent, "output_is_file", say_error("output_unwritable_fix"))
    return path


def output_folder(path: str | Path) -> Path:
    """A folder the user asked to export into: a file in its place is refused."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise _output_error(path, "output_is_file", say_error("output_is_file_fix"))
    return path


def sheet_file_name(title: str) -> str:
    """The CSV file name (without ``.csv``) of a sheet: the app's downloads use the same
    names as ``planner solve --export``.

    >>> sheet_file_name("regio's"), sheet_file_name("decision record")
    ('regios', 'decision_record')
    """
    title = title.replace("'", "").replace("\u2019", "")  # regio's -> regios, not regio_s
    return "".join(c if c.isalnum() else "_" for c in title).strip("_").lower()
