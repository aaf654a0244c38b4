"""Writing tables to Excel and CSV so that no cell can run as a formula.

Names and notes come from many hands (municipal spreadsheets, scenario files typed in
the app). A cell that starts with ``=``, ``+``, ``-`` or ``@`` would be evaluated by
Excel or LibreOffice; such text is prefixed with an apostrophe. Numbers stay numbers.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

__all__ = ["safe_text", "safe_cell", "write_xlsx", "write_csv"]

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
