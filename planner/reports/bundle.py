"""Everything a solved scenario is exported as, into one folder: the workbook, the PDF,
every sheet as CSV and the JSON document with the decision record.

It sits apart from :mod:`planner.reports.export` (tables, workbooks, JSON) because it
also needs :mod:`planner.reports.pdf`, which itself builds on the export module.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from planner.errors import writing_to
from planner.i18n import t
from planner.reports.export import (
    output_folder,
    result_document,
    result_sheets_full,
    sheet_file_name,
    title_info,
    write_csv,
    write_text,
    write_xlsx,
)
from planner.reports.pdf import write_result_pdf

__all__ = ["export_result"]


def export_result(result, ds, folder: str | Path, lang: str = "nl", parent=None) -> list[Path]:
    """Write a solved scenario as a workbook, a PDF, CSV files and JSON into ``folder``.

    Returns the files written. Everything is written into a temporary folder beside
    ``folder`` first and moved into place only when all of it was written, so a failure
    leaves neither half-written files nor an empty export folder.
    """

    folder = output_folder(folder)
    above = folder.resolve().parent
    with writing_to(folder):
        above.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=above))
    try:
        sheets = result_sheets_full(result, ds, lang, parent)
        names = []
        nl = lang == "nl"
        xlsx = "resultaat.xlsx" if nl else "result.xlsx"
        info = title_info(result.instance.rules, ds, lang, scenario=result.scenario)
        write_xlsx(tmp / xlsx, sheets, f"{t('tb_result_title', lang)}: {result.scenario}", info)
        names.append(xlsx)
        pdf = "resultaat.pdf" if nl else "result.pdf"
        write_result_pdf(tmp / pdf, result, ds, lang, parent)
        names.append(pdf)
        for title, frame in sheets.items():
            name = f"{sheet_file_name(title)}.csv"
            write_csv(tmp / name, frame)
            names.append(name)
        doc = result_document(result, ds)
        write_text(tmp / "result.json",
                    json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n")  # fmt: skip
        names.append("result.json")
        if not folder.exists():
            os.replace(tmp, folder)
        else:  # an existing folder: each file replaced, other files left alone
            for name in names:
                os.replace(tmp / name, folder / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [folder / name for name in names]
