"""Dates as the source documents write them, parsed in one place.

The provincial and regional tables were filled in by 25 municipalities in their own
notations: ``24-07-2023``, ``26/06/24``, ``1-aug-23``, ``apr-22``, ``Beoogd 2035``,
``onbepaald``, ``n.n.t.b.``. A planner copies those cells into ``data/``; the loader
reads every date cell through :func:`parse_date_cell`, so the same rules apply to every
table and a typo such as ``05-04-2202`` is caught instead of silently becoming a date two
centuries away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import permutations
from typing import Any

from planner.formats import Words

__all__ = ["DateKind", "ParsedDate", "DateParseError", "parse_date_cell", "YEAR_RANGE"]

#: Years outside this range are rejected as typos (a reception agreement in 2202).
YEAR_RANGE = (2000, 2100)

MONTHS = {
    "jan": 1, "januari": 1, "january": 1,
    "feb": 2, "febr": 2, "februari": 2, "february": 2,
    "mrt": 3, "maart": 3, "mar": 3, "march": 3,
    "apr": 4, "april": 4,
    "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "aug": 8, "augustus": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oct": 10, "oktober": 10, "october": 10,
    "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

INDEFINITE_WORDS = {"onbepaald", "onbepaalde tijd", "indefinite", "open"}
UNKNOWN_WORDS = {"nntb", "ntb", "nog niet bekend", "onbekend", "unknown", "?", "tbd"}


class DateKind(StrEnum):
    """What a date cell says."""

    DATE = "date"
    INDEFINITE = "indefinite"  # "onbepaald": no end
    UNKNOWN = "unknown"  # "n.n.t.b.": not yet known
    EMPTY = "empty"


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date cell.

    ``approximate`` is set when the cell gives less than a day (``apr-22``, ``2035``);
    the date is then the first day of that month or year. ``intended`` is set for
    ``Beoogd ...`` ("intended"): a planned date, not an agreed one.
    """

    kind: DateKind
    value: date | None = None
    approximate: bool = False
    intended: bool = False
    text: str = ""


class DateParseError(ValueError):
    """A date cell that cannot be read, with a suggestion how to write it."""

    def __init__(self, text: str, reason: Any, fix: Any) -> None:
        self.text = text
        self.reason = reason  # Words: Dutch, told in English with planner.formats.say
        self.fix = fix
        super().__init__(f"{reason} (found {text!r}). Fix: {fix}")


_FORMAT_HINT = Words("date_format_hint")

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_D_MON_Y = re.compile(r"^(\d{1,2})[-\s]([a-z]+)\.?[-\s](\d{2}|\d{4})$")
_MON_Y = re.compile(r"^([a-z]+)\.?[-\s](\d{2}|\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")


def _normalise(text: str) -> str:
    t = text.strip().lower()
    t = t.rstrip("*").strip()  # footnote markers: "Nntb*"
    t = re.sub(r"\s*([-/])\s*", r"\1", t)  # "19  -9-2032" (extraction artefact)
    return re.sub(r"\s+", " ", t)


def _year(raw: str, text: str) -> int:
    year = int(raw)
    if len(raw) == 2:
        year += 2000
    lo, hi = YEAR_RANGE
    if not lo <= year <= hi:
        fixes = sorted({int("".join(p)) for p in permutations(raw) if lo <= int("".join(p)) <= hi})
        if fixes:
            fixed = text.replace(raw, str(fixes[0]), 1)
            fix = Words("date_check_year_mean", fixed=repr(fixed))
        else:
            fix = Words("date_check_year_hint", hint=_FORMAT_HINT)
        raise DateParseError(
            text, Words("year_outside", year=str(year), lo=str(lo), hi=str(hi)), fix
        )
    return year


def _make(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateParseError(text, Words("date_no_such"), _FORMAT_HINT) from None


def parse_date_cell(text: str | None) -> ParsedDate:
    """Parse one date cell in any notation used by the sources.

    Parameters
    ----------
    text
        The cell as written. ``None`` and blank cells give ``DateKind.EMPTY``; the
        caller decides what empty means for its column.

    Returns
    -------
    ParsedDate

    Raises
    ------
    DateParseError
        With the reason and a suggested fix.

    Examples
    --------
    >>> parse_date_cell("26/06/24").value
    datetime.date(2024, 6, 26)
    >>> parse_date_cell("1-aug-23").value
    datetime.date(2023, 8, 1)
    >>> p = parse_date_cell("apr-22"); (p.value, p.approximate)
    (datetime.date(2022, 4, 1), True)
    >>> p = parse_date_cell("Beoogd 2035"); (p.value, p.intended)
    (datetime.date(2035, 1, 1), True)
    >>> parse_date_cell("n.n.t.b.").kind
    <DateKind.UNKNOWN: 'unknown'>
    >>> parse_date_cell("onbepaald").kind
    <DateKind.INDEFINITE: 'indefinite'>
    """
    if text is None:
        return ParsedDate(DateKind.EMPTY)
    original = str(text)
    t = _normalise(original)
    if t in ("", "-", "nan", "none"):
        return ParsedDate(DateKind.EMPTY, text=original)
    if t in INDEFINITE_WORDS:
        return ParsedDate(DateKind.INDEFINITE, text=original)
    if t.replace(".", "").replace(" ", "") in UNKNOWN_WORDS or t in UNKNOWN_WORDS:
        return ParsedDate(DateKind.UNKNOWN, text=original)

    intended = False
    if t.startswith("beoogd"):
        intended = True
        t = t.removeprefix("beoogd").strip()
        if not t:
            return ParsedDate(DateKind.UNKNOWN, intended=True, text=original)

    if m := _ISO.match(t):
        y, mo, d = m.groups()
        value = _make(original, _year(y, original), int(mo), int(d))
        return ParsedDate(DateKind.DATE, value, intended=intended, text=original)
    if m := _DMY.match(t):
        d, mo, y = m.groups()
        value = _make(original, _year(y, original), int(mo), int(d))
        return ParsedDate(DateKind.DATE, value, intended=intended, text=original)
    if m := _D_MON_Y.match(t):
        d, mon, y = m.groups()
        month = _month(mon, original)
        value = _make(original, _year(y, original), month, int(d))
        return ParsedDate(DateKind.DATE, value, intended=intended, text=original)
    if m := _MON_Y.match(t):
        mon, y = m.groups()
        value = _make(original, _year(y, original), _month(mon, original), 1)
        return ParsedDate(DateKind.DATE, value, True, intended, original)
    if m := _YEAR.match(t):
        value = _make(original, _year(m.group(1), original), 1, 1)
        return ParsedDate(DateKind.DATE, value, True, intended, original)
    raise DateParseError(
        original,
        Words("date_not_a_date"),
        Words("date_not_a_date_fix"),
    )


def _month(name: str, text: str) -> int:
    try:
        return MONTHS[name]
    except KeyError:
        raise DateParseError(
            text, Words("date_unknown_month", name=name), Words("date_unknown_month_fix")
        ) from None
