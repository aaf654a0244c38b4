"""The OEK and status-holder tables as a reader sees them, for every export.

``planner solve --export DIR``, the result workbook and the all-programmes workbook carry
the tables of ``planner report --programme oek|statushouders`` (per municipality, region
and province, seed 001 section 4) with the reader's headers (Dutch first): the provincial
plan's own words (Inspanningsverplichting, Taakstelling incl. voor/achterstand) where it
has them. Kept apart from :mod:`planner.reports.programmes`, which writes workbooks
through :mod:`planner.reports.export`, so that the export module can use these tables
without an import cycle.
"""

from __future__ import annotations

import pandas as pd

from planner.counting.programmes import EXTRA_COLUMNS, ProgrammeReport, programme_report
from planner.data.loader import Dataset
from planner.errors import InputError
from planner.formats import column_label
from planner.i18n import LABELS, Lang, t

__all__ = ["TABLE_PROGRAMMES", "programme_table", "programme_tables", "programme_header"]

#: The programmes counted against a target (asylum is the cycle table itself).
TABLE_PROGRAMMES = ("oek", "statushouders")

_PREFIX = {"oek": "oek_", "statushouders": "sh_"}
_COLUMNS = ["quota", "places", "swapped_in", "swapped_out", "credited", "shortfall",
            "municipal_shortfall", "surplus", "coverage"]  # fmt: skip


def programme_header(programme: str, column: str, lang: Lang = "nl") -> str:
    """A column's header in ``programme``'s table: the plan's own word where it has one
    (``quota`` of OEK is the Inspanningsverplichting), else the common header."""
    key = _PREFIX.get(programme, "") + column
    if programme in _PREFIX and key in LABELS:
        return t(key, lang)
    return column_label(column, lang)


def _int(value: object) -> object:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    return int(value)


def programme_table(report: ProgrammeReport, lang: Lang = "nl") -> pd.DataFrame:
    """One programme's table: its municipalities region by region, each region's total
    after them, the province last (a ``Niveau`` column says which). Numbers stay
    numbers; a level's swaps in are what it is credited from outside.

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> table = programme_table(programme_report(load_dataset(), "oek"))
    >>> row = table.iloc[-1]
    >>> row["Niveau"], int(row["Inspanningsverplichting"]), int(row["Realisatie vóór peildatum"])
    ('Provincie', 9781, 7603)
    """
    p = report.rules.id
    extras = EXTRA_COLUMNS.get(p, [])
    rows: list[dict[str, object]] = []
    mun = report.municipalities

    def level_row(level: str, name: str, region: str, src: pd.Series) -> dict[str, object]:
        row: dict[str, object] = {"level": t(level, lang), "name": name, "region": region}
        for c in [*_COLUMNS, *extras]:
            if c == "swapped_in" and level != "municipality":
                row[c] = int(src["credited"] - src["places"])
            elif c == "swapped_out" and level != "municipality":
                row[c] = 0
            elif c == "coverage":
                row[c] = None if pd.isna(src.get(c)) else round(float(src[c]), 4)
            else:
                row[c] = _int(src.get(c))
        return row

    for _, reg in report.regions.iterrows():
        for _, m in mun[mun["region"] == reg["region"]].iterrows():
            rows.append(level_row("municipality", m["name"], m["region"], m))
        rows.append(level_row("region", f"{t('total', lang)} {reg['region']}", reg["region"],
                              reg))  # fmt: skip
    provinces = mun["province"].unique()
    rows.append(level_row("province", f"{t('total', lang)} {'+'.join(map(str, provinces))}", "",
                          report.total))  # fmt: skip
    frame = pd.DataFrame(rows, columns=["level", "name", "region", *_COLUMNS, *extras])
    headers = {"level": column_label("level", lang), "name": t("programme_table_name", lang),
               "region": t("region", lang)}  # fmt: skip
    headers.update({c: programme_header(p, c, lang) for c in [*_COLUMNS, *extras]})
    return frame.rename(columns=headers)


def programme_tables(ds: Dataset, lang: Lang = "nl") -> dict[str, pd.DataFrame]:
    """The OEK and status-holder tables by sheet name (``Opgave Oekraïne``, ``Opgave
    statushouders``); a programme the data hold no targets for is left out."""
    out: dict[str, pd.DataFrame] = {}
    for p in TABLE_PROGRAMMES:
        try:
            rep = programme_report(ds, p)
        except InputError:
            continue
        out[t(f"sheet_programme_{p}", lang)] = programme_table(rep, lang)
    return out
