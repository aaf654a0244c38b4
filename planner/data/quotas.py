"""Import the ministry's quota table of a cycle into ``data/quotas.csv``.

The ministry publishes, per cycle, a table per municipality with the total quota (incl.
amv) and the amv part, as a spreadsheet. :func:`read_quota_table` reads it (CSV with
comma, semicolon or tab, or Excel ``.xlsx``), checks every row against the province's
municipalities and returns every problem at once with file, row, column and fix;
:func:`import_quotas` then replaces that cycle's rows in ``quotas.csv`` and keeps every
row of the other cycles, written atomically, so the real decision can be loaded the day
it is published.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from planner.data.loader import load_dataset, resolve_cycle, suggest
from planner.errors import InputError, Issue, replacing, words_then
from planner.formats import Words

__all__ = ["QuotaTable", "read_quota_table", "import_quotas", "QUOTA_HEADERS"]

#: Accepted header names (lower case, spaces and '-' as '_') per field.
QUOTA_HEADERS: dict[str, tuple[str, ...]] = {
    "municipality": ("municipality", "gemeente", "gemeentenaam", "naam", "name"),
    "code": ("code", "gemeentecode", "cbs_code", "gm_code"),
    "quota": ("quota", "opgave", "totaal", "total", "opgave_totaal", "totale_opgave"),
    "amv_quota": ("amv_quota", "amv", "amv_opgave", "opgave_amv", "waarvan_amv"),
}

QUOTAS_FILE = "quotas.csv"
QUOTA_COLUMNS = ["cycle", "municipality", "quota", "amv_quota", "source"]


@dataclass
class QuotaTable:
    """The validated quotas of one cycle, in the order of ``municipalities.csv``."""

    cycle: str
    rows: pd.DataFrame
    skipped: list[str] = field(default_factory=list)  # other provinces' municipalities


def _norm(text: object) -> str:
    return str(text or "").strip().lower().replace(" ", "_").replace("-", "_")


def _raw_rows(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """Header and data rows (with their row number in the file) of a CSV or xlsx."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        sheet = wb.worksheets[0]
        rows = [
            (i, list(r))
            for i, r in enumerate(sheet.iter_rows(values_only=True), start=1)
            if any(c not in (None, "") for c in r)
        ]
        wb.close()
    else:
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")  # Excel's 'CSV (comma delimited)' on Windows
        first = text.splitlines()[0] if text.strip() else ""
        sep = max((",", ";", "\t"), key=first.count)
        reader = csv.reader(io.StringIO(text), delimiter=sep)
        rows = [(i, r) for i, r in enumerate(reader, start=1) if any(c.strip() for c in r)]
    if not rows:
        return [], []
    return [str(h or "").strip() for h in rows[0][1]], rows[1:]


def _number(value: Any) -> int | None:
    """A whole number from a cell (``1.234`` and ``1,234`` as thousands); None if not."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text.startswith("-"):
        rest = _number(text[1:])
        return None if rest is None else -rest
    if text.isdigit():
        return int(text)
    for sep in (".", ","):  # thousands separators: 1.234 or 1,234
        parts = text.split(sep)
        if (
            len(parts) > 1
            and parts[0].isdigit()
            and all(len(p) == 3 and p.isdigit() for p in parts[1:])
        ):
            return int("".join(parts))
    return None


def read_quota_table(path: Path | str, data: Path | str | None, cycle: str) -> QuotaTable:
    """Read and check the ministry's quota table of one cycle.

    Parameters
    ----------
    path
        CSV (comma, semicolon or tab separated) or Excel ``.xlsx`` (first sheet) with a
        header row naming the municipality (or its CBS code), the total quota and the
        amv quota (names in :data:`QUOTA_HEADERS`, Dutch or English).
    data
        The data folder whose municipalities the table must cover.
    cycle
        A cycle of ``cycles.csv`` (its id or number).

    Raises
    ------
    InputError
        Every problem at once: unknown cycle, missing or unknown columns, unknown
        municipalities (with a suggestion), municipalities without a row, duplicates,
        numbers that are not whole, negative, or amv above the total.
    """
    path = Path(path)
    label = str(path)
    ds = load_dataset(data)
    ids = list(ds.cycles["id"])
    cid = resolve_cycle(cycle, ids)
    if cid is None:
        hint = suggest(str(cycle), ids)
        raise InputError(
            [
                Issue(
                    "cycles.csv",
                    Words("dl_unknown_cycle", cycle=str(cycle)),
                    words_then(hint, Words("qi_known_cycles_fix", ids=", ".join(ids))),
                )
            ],  # fmt: skip
            Words("qi_title"),
        )
    if not path.exists():
        raise InputError([Issue(label, Words("dl_file_not_found"), Words("qi_check_path"))],
                         Words("qi_title"))  # fmt: skip
    header, rows = _raw_rows(path)
    issues: list[Issue] = []
    col: dict[str, int] = {}
    normed = [_norm(h) for h in header]
    for key, names in QUOTA_HEADERS.items():
        for i, h in enumerate(normed):
            if h in names:
                col.setdefault(key, i)
    for key in ("quota", "amv_quota"):
        if key not in col:
            options = " / ".join(repr(n) for n in QUOTA_HEADERS[key][:3])
            issues.append(
                Issue(
                    label,
                    Words("qi_no_column", key=key),
                    Words("qi_no_column_fix", options=options),
                    line=1,
                    column=key,
                )  # fmt: skip
            )
    if "municipality" not in col and "code" not in col:
        issues.append(
            Issue(
                label,
                Words("qi_no_municipality_column"),
                Words("qi_no_municipality_column_fix"),
                line=1,
                column="municipality",
            )  # fmt: skip
        )
    if issues:
        raise InputError(issues, Words("qi_title_of", label=label))
    mun = ds.municipalities
    names = mun["name"].tolist()
    by_lower = {n.lower(): n for n in names}
    by_code = dict(zip(mun["code"], names, strict=True))
    country = (
        dict(zip(ds.population["code"], ds.population["name"], strict=True))
        if not ds.population.empty
        else {}
    )
    country_lower = {n.lower() for n in country.values()}
    found: dict[str, dict[str, Any]] = {}
    skipped: list[str] = []
    for line, cells in rows:
        cells = list(cells) + [None] * (len(header) - len(cells))

        def cell(key: str, _cells: list[Any] = cells) -> Any:
            return _cells[col[key]] if key in col else None

        raw_name = str(cell("municipality") or "").strip()
        raw_code = str(cell("code") or "").strip().upper()
        name = by_code.get(raw_code) if raw_code else None
        if name is None and raw_name:
            name = by_lower.get(raw_name.lower())
        column = "code" if "municipality" not in col else "municipality"
        shown = raw_name or raw_code
        if name is None:
            if not shown:
                issues.append(Issue(label, Words("qi_no_name"), Words("qi_no_name_fix"),
                                    line=line, column=header[col[column]]))  # fmt: skip
            elif raw_code in country or raw_name.lower() in country_lower:
                skipped.append(shown)  # a municipality of another province: not ours
            else:
                hint = suggest(shown, names if raw_name else list(by_code))
                issues.append(
                    Issue(
                        label,
                        Words("err_unknown_municipality", name=shown),
                        words_then(hint, Words("qi_name_fix")),
                        line=line,
                        column=header[col[column]],
                        value=shown,
                    )  # fmt: skip
                )
            continue
        if name in found:
            issues.append(
                Issue(
                    label,
                    Words("qi_twice", name=name, first=str(found[name]["_line"])),
                    Words("qi_twice_fix"),
                    line=line,
                    column=header[col[column]],
                    value=shown,
                )  # fmt: skip
            )
            continue
        values: dict[str, int] = {}
        for key in ("quota", "amv_quota"):
            value = cell(key)
            number = _number(value) if value not in (None, "") else None
            head = header[col[key]]
            if value in (None, "") or (isinstance(value, str) and not value.strip()):
                issues.append(Issue(label, Words("qi_empty", head=head, name=name),
                                    Words("qi_empty_fix"), line=line, column=head))  # fmt: skip
            elif number is None:
                issues.append(Issue(label, Words("qi_not_whole", head=head, value=repr(value)),
                                    Words("pyd_not_whole_fix"), line=line,
                                    column=head, value=str(value)))  # fmt: skip
            elif number < 0:
                issues.append(Issue(label, Words("qi_negative", head=head, n=str(number)),
                                    Words("qi_negative_fix"), line=line, column=head,
                                    value=str(value)))  # fmt: skip
            else:
                values[key] = number
        if len(values) == 2 and values["amv_quota"] > values["quota"]:
            issues.append(
                Issue(
                    label,
                    Words(
                        "qi_amv_above", amv=values["amv_quota"], quota=values["quota"], name=name
                    ),
                    Words("qi_amv_above_fix"),
                    line=line,
                    column=header[col["amv_quota"]],
                )  # fmt: skip
            )
        found[name] = {"_line": line, **values}
    for name in names:
        if name not in found:
            issues.append(
                Issue(
                    label,
                    Words("qi_no_row", name=name),
                    Words("qi_no_row_fix", name=name),
                )  # fmt: skip
            )
    if issues:
        issues.sort(key=lambda i: i.line or 10**9)
        raise InputError(issues, Words("qi_title_of", label=label))
    frame = pd.DataFrame(
        {
            "cycle": cid,
            "municipality": names,
            "quota": [found[n]["quota"] for n in names],
            "amv_quota": [found[n]["amv_quota"] for n in names],
        }
    )
    return QuotaTable(cid, frame, skipped)


def import_quotas(
    path: Path | str,
    data: Path | str | None,
    cycle: str,
    source: str | None = None,
    dry_run: bool = False,
) -> tuple[Path, QuotaTable]:
    """Replace one cycle's rows of ``quotas.csv`` with the ministry's table.

    Rows of every other cycle are kept as they are (and in their order); the file is
    written to a temporary file and moved into place, so a failure leaves the old file.
    The data folder is loaded again afterwards; if it does not validate the old file is
    put back and the problems are raised.

    Returns
    -------
    (path of quotas.csv, the imported table)
    """
    from planner.data.loader import default_data_dir

    folder = Path(data) if data is not None else default_data_dir()
    table = read_quota_table(path, folder, cycle)
    src = source or f"imported from {Path(path).name}"
    target = folder / QUOTAS_FILE
    kept: list[dict[str, str]] = []
    if target.exists():
        text = target.read_text(encoding="utf-8-sig")
        ids = list(load_dataset(folder).cycles["id"])
        for row in csv.DictReader(io.StringIO(text)):
            if resolve_cycle(row.get("cycle"), ids) != table.cycle:
                kept.append({c: row.get(c, "") or "" for c in QUOTA_COLUMNS})
    new = [
        {"cycle": table.cycle, "municipality": m, "quota": str(q), "amv_quota": str(a),
         "source": src}
        for m, q, a in zip(table.rows["municipality"], table.rows["quota"],
                           table.rows["amv_quota"], strict=True)
    ]  # fmt: skip
    if dry_run:
        return target, table
    buf = io.StringIO()
    writer = csv.DictWriter(buf, QUOTA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(kept + new)
    old = target.read_bytes() if target.exists() else None
    with replacing(target) as tmp:  # a refused write names the file, the old one stays
        tmp.write_text(buf.getvalue(), encoding="utf-8")
    try:
        load_dataset(folder)
    except InputError:
        if old is None:
            target.unlink()
        else:
            back = target.with_name(f".{QUOTAS_FILE}.{os.getpid()}.bak")
            back.write_bytes(old)
            back.replace(target)
        raise
    return target, table
