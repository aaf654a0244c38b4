"""Numbers, percentages, dates and times as a Dutch (or English) reader writes them.

One module so the terminal, the workbooks, the PDF and the plain-language answer agree:
Dutch 1.234 and 5,3 and 61% and 05-03-2025; English 1,234 and 5.3 and 61% and
2025-03-05. Times are shown in Europe/Amsterdam, the users' clock, whatever the
machine's zone; a stored time stays UTC (ISO 8601) in JSON.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

__all__ = [
    "AMSTERDAM",
    "fmt_int",
    "fmt_num",
    "fmt_pct",
    "fmt_signed",
    "fmt_date",
    "fmt_datetime",
    "fmt_value",
    "is_missing",
    "XLSX_INT",
    "XLSX_DEC",
    "XLSX_PCT",
    "XLSX_DATE",
    "Words",
    "say",
    "days_words",
    "code_label",
    "code_words",
    "CODE_COLUMNS",
    "PCT_COLUMNS",
    "column_label",
    "pct_labels",
    "label_frame",
    "source_words",
]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

#: Excel number formats: Excel shows them with the reader's own separators, so one
#: format serves a Dutch and an English Excel.
XLSX_INT = "#,##0"
XLSX_DEC = "#,##0.00"
XLSX_PCT = "0%"
XLSX_DATE = "DD-MM-YYYY"


def is_missing(value: Any) -> bool:
    """None, NaN, NaT and pandas' NA: an empty cell, never the word "None".

    >>> is_missing(None), is_missing(float("nan")), is_missing(pd.NaT), is_missing(0)
    (True, True, True, False)
    """
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(float(value))
    return False


def _group(text: str, lang: str) -> str:
    # Python writes 1,234.5; Dutch swaps the two separators.
    if lang != "nl":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_int(value: Any, lang: str = "nl") -> str:
    """A whole number with a thousands separator; empty for a missing value.

    >>> fmt_int(103405), fmt_int(103405, "en"), fmt_int(-1234.0), fmt_int(None)
    ('103.405', '103,405', '-1.234', '')
    """
    if is_missing(value):
        return ""
    return _group(f"{round(float(value)):,.0f}", lang)


def fmt_num(value: Any, lang: str = "nl", digits: int = 1) -> str:
    """A number with ``digits`` decimals (whole numbers without); empty when missing.

    >>> fmt_num(5.32), fmt_num(1631.8, digits=1), fmt_num(1631.8, "en"), fmt_num(4.0)
    ('5,3', '1.631,8', '1,631.8', '4')
    """
    if is_missing(value):
        return ""
    f = float(value)
    if f.is_integer():
        return fmt_int(f, lang)
    return _group(f"{f:,.{digits}f}", lang)


def fmt_signed(value: Any, lang: str = "nl") -> str:
    """A change with its sign: +150, -150, 0 (the plain answer and comparisons).

    >>> fmt_signed(-150), fmt_signed(1234), fmt_signed(0)
    ('-150', '+1.234', '0')
    """
    if is_missing(value):
        return ""
    f = float(value)
    text = fmt_num(f, lang)
    return "+" + text if f > 0 else text


def fmt_pct(value: Any, lang: str = "nl", digits: int = 0) -> str:
    """A fraction as a percentage: 0.61 -> 61%.

    >>> fmt_pct(0.6104), fmt_pct(0.0532, digits=1), fmt_pct(0.0532, "en", 1), fmt_pct(None)
    ('61%', '5,3%', '5.3%', '')
    """
    if is_missing(value):
        return ""
    return _group(f"{100 * float(value):,.{digits}f}", lang) + "%"


_MONTHS_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def fmt_date(value: Any, lang: str = "nl") -> str:
    """A date without clock time: 01-10-2025 (Dutch), 2025-10-01 (English).

    >>> fmt_date(pd.Timestamp("2025-10-01 00:00:00")), fmt_date(date(2025, 10, 1), "en")
    ('01-10-2025', '2025-10-01')
    >>> fmt_date("2025-10-01"), fmt_date(None)
    ('01-10-2025', '')
    """
    if is_missing(value):
        return ""
    if isinstance(value, str):
        try:
            value = pd.Timestamp(value)
        except ValueError:
            return value
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone(AMSTERDAM)
    return f"{value:%d-%m-%Y}" if lang == "nl" else f"{value:%Y-%m-%d}"


def fmt_datetime(value: Any, lang: str = "nl") -> str:
    """A moment on the users' clock (Europe/Amsterdam): 30-11-2026 07:45.

    A naive time is taken as UTC (how the planner stores times).

    >>> fmt_datetime("2026-11-30T06:45:00+00:00"), fmt_datetime(datetime(2026, 7, 1, 6), "en")
    ('30-11-2026 07:45', '2026-07-01 08:00')
    """
    if is_missing(value):
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone(AMSTERDAM)
    return f"{local:%d-%m-%Y %H:%M}" if lang == "nl" else f"{local:%Y-%m-%d %H:%M}"


def fmt_value(value: Any, lang: str = "nl") -> str:
    """Any cell as text: numbers grouped, dates without time, booleans ja/nee, missing
    values blank.

    >>> [fmt_value(v) for v in (2461, 5.32, True, None, pd.Timestamp("2025-10-01"), "x")]
    ['2.461', '5,3', 'ja', '', '01-10-2025', 'x']
    """
    if is_missing(value):
        return ""
    if isinstance(value, bool | np.bool_):
        if lang == "nl":
            return "ja" if value else "nee"
        return "yes" if value else "no"
    if isinstance(value, int | np.integer):
        return fmt_int(value, lang)
    if isinstance(value, float | np.floating):
        return fmt_num(value, lang, digits=1)
    if isinstance(value, pd.Timestamp | datetime | date):
        return fmt_date(value, lang)
    return str(value)


# --------------------------------------------------------------------------- words


class Words(str):
    """A text built from a label and values: a Dutch ``str`` that can be told in English.

    The library makes texts (why a place does not count, solver messages) where no
    language is known yet. A ``Words`` is the Dutch text, so code that treats it as a
    plain string shows Dutch; :func:`say` tells it in the reader's language, filling
    the values in that language's way (dates, numbers, nested words, codes).

    >>> w = Words("why_ends_before", end=date(2025, 3, 5), days=days_words(148),
    ...           window_end=date(2025, 7, 31))
    >>> str(w)
    'eindigt 05-03-2025, 148 dagen voor het einde van de periode (31-07-2025)'
    >>> say(w, "en")
    'ends 2025-03-05, 148 days before the window end 2025-07-31'
    """

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, **values: Any) -> Words:
        obj = super().__new__(cls, _render(key, "nl", values))
        obj.key = key
        obj.values = values
        return obj

    def __reduce__(self):  # pickled by key and values (risk draws run in processes)
        return (_words, (self.key, self.values))

    def lang(self, lang: str) -> str:
        """The text in ``lang``."""
        return _render(self.key, lang, self.values)


def _words(key: str, values: dict[str, Any]) -> Words:
    return Words(key, **values)


def _render(key: str, lang: str, values: dict[str, Any]) -> str:
    from planner.i18n import t

    return t(key, lang, **{k: _say_value(v, lang) for k, v in values.items()})


def _say_value(value: Any, lang: str) -> str:
    if isinstance(value, Words):
        return value.lang(lang)
    if isinstance(value, list | tuple):
        return "; ".join(s for s in (_say_value(v, lang) for v in value) if s)
    return fmt_value(value, lang)


def say(value: Any, lang: str = "nl") -> str:
    """Any value as the reader reads it: :class:`Words` in ``lang``, numbers and dates
    formatted, an empty cell blank.

    >>> say(Words("why_no_decision"), "en"), say(None), say(1234, "en")
    ('decision not yet taken', '', '1,234')
    """
    return _say_value(value, lang)


def days_words(n: int) -> Words:
    """``1 dag`` / ``148 dagen`` (``1 day`` / ``148 days``)."""
    n = int(n)
    return Words("days_one") if n == 1 else Words("days_many", n=n)


def code_label(value: Any, lang: str = "nl") -> str:
    """The reader's word for a code (a status, kind, solver state): ``locked`` ->
    ``vastgelegd``; an unknown code as it is, a missing one blank.

    >>> code_label("soft_plan"), code_label("optimal", "en"), code_label("Kampen")
    ('bestuurlijk voornemen', 'optimal', 'Kampen')
    """
    from planner.i18n import LABELS

    if is_missing(value):
        return ""
    text = str(getattr(value, "value", value))
    pair = LABELS.get(f"code_{text}")
    if pair is None:
        return text
    return pair[0] if lang == "nl" else pair[1]


def code_words(value: Any) -> Words | str:
    """A code as :class:`Words` when the catalogue knows it (so it can be told later)."""
    from planner.i18n import LABELS

    text = "" if is_missing(value) else str(getattr(value, "value", value))
    return Words(f"code_{text}") if f"code_{text}" in LABELS else text


# --------------------------------------------------------------------------- frames

#: Columns whose values are codes (statuses, kinds, states) told in words.
CODE_COLUMNS = frozenset(
    {"status", "kind", "condition_state", "state", "target_group", "level", "section"}
)
#: Columns that hold a fraction shown as a percentage (0.61 -> 61%).
PCT_COLUMNS = frozenset({"coverage", "credited_to_quota"})


def column_label(key: str, lang: str = "nl") -> str:
    """The header of a column: ``col_<key>`` of the report labels, else the core label,
    else (for a dotted marginal value) its composed label, else the key itself.

    >>> column_label("swapped_in"), column_label("marginal_value.provincial_shortfall")
    ('Uitruil in', 'Marginale waarde: tekort provincie')
    """
    from planner.i18n import LABELS, t

    key = str(key)
    for candidate in (f"col_{key}", key):
        if candidate in LABELS:
            return t(candidate, lang)
    if "." in key:
        head, level = key.split(".", 1)
        prefix = {"marginal_value": "col_mv_", "amv_marginal_value": "col_amv_mv_"}.get(head)
        if prefix and prefix + level in LABELS:
            return t(prefix + level, lang)
    return key


def pct_labels() -> frozenset[str]:
    """The headers (both languages) of percentage columns, so a writer that only sees
    labelled frames knows which to format as 61%."""
    return frozenset(column_label(k, lang) for k in PCT_COLUMNS for lang in ("nl", "en"))


#: The words of the data's source citations ("001 annex 3 Kampen", "000 section 3"),
#: in Dutch.
_SOURCE_NL = {
    "annex": "bijlage", "existing": "bestaande", "footnote": "voetnoot", "future": "toekomstige",
    "locations": "locaties", "new": "nieuwe", "quota": "opgave", "section": "paragraaf",
    "table": "tabel", "tables": "tabellen",
}  # fmt: skip


def source_words(text: Any, lang: str = "nl") -> Any:
    """A source citation in the reader's language (the citations in data/ name seed
    sections in English words).

    >>> source_words("001 annex 3 Kampen; 001 existing locations")
    '001 bijlage 3 Kampen; 001 bestaande locaties'
    """
    if lang != "nl" or not isinstance(text, str):
        return text
    return re.sub(r"[A-Za-z]+", lambda m: _SOURCE_NL.get(m.group(0), m.group(0)), text)


def label_frame(
    frame: pd.DataFrame, lang: str = "nl", drop: tuple[str, ...] = ("reasons", "lo", "hi")
) -> pd.DataFrame:
    """A table as a reader sees it: headers from the catalogue, codes and
    :class:`Words` in ``lang``, ``ja``/``nee`` for booleans, empty cells blank.

    Numbers and dates stay numbers and dates (a workbook formats them); only the words
    change. Columns in ``drop`` (internal codes) are left out.
    """
    out = {}
    for col in frame.columns:
        if col in drop:
            continue
        series = frame[col]
        if series.dtype == bool:
            values = [fmt_value(bool(v), lang) for v in series.tolist()]
            series = pd.Series(values, index=frame.index, dtype=object)
        elif series.dtype == object or pd.api.types.is_string_dtype(series):
            code = col in CODE_COLUMNS
            series = series.map(lambda v, code=code: _cell_words(v, lang, code))
            if col == "source":
                series = series.map(lambda v: source_words(v, lang))
        label = column_label(col, lang)
        if col == "name" and "municipality" in frame.columns:  # a location's own name
            label = column_label("location", lang)
        n = 2
        while label in out:  # two keys with one label must not overwrite each other
            label = f"{column_label(col, lang)} ({n})"
            n += 1
        out[label] = series
    labelled = pd.DataFrame(out, index=frame.index)
    return labelled.reset_index(drop=True)


def _cell_words(value: Any, lang: str, code: bool) -> Any:
    if isinstance(value, Words):
        return value.lang(lang)
    if isinstance(value, bool | np.bool_):
        return fmt_value(bool(value), lang)
    if is_missing(value):
        return None
    if code and isinstance(value, str):
        return code_label(value, lang)
    return value
