"""Every date notation that occurs in the sources, parsed in one place."""

from datetime import date

import pytest

from planner.data.dates import DateKind, DateParseError, parse_date_cell


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24-07-2023", date(2023, 7, 24)),  # dd-mm-yyyy (annex 3)
        ("1-11-2023", date(2023, 11, 1)),  # d-mm-yyyy (Twente tables)
        ("26/06/24", date(2024, 6, 26)),  # dd/mm/yy (report table, seed 000)
        ("01/10/25", date(2025, 10, 1)),
        ("2-03-25", date(2025, 3, 2)),  # d-mm-yy (Twente GOO table)
        ("1-aug-23", date(2023, 8, 1)),  # d-mon-yy, Dutch month abbreviations
        ("1-mei-23", date(2023, 5, 1)),
        ("1-okt-23", date(2023, 10, 1)),
        ("1-jan-25", date(2025, 1, 1)),
        ("2025-07-01", date(2025, 7, 1)),  # ISO
        ("19  -9-2032", date(2032, 9, 19)),  # extraction artefact in the Twente table
    ],
)
def test_exact_dates(text: str, expected: date) -> None:
    parsed = parse_date_cell(text)
    assert parsed.kind is DateKind.DATE
    assert parsed.value == expected
    assert not parsed.approximate


@pytest.mark.parametrize(
    ("text", "expected"),
    [("apr-22", date(2022, 4, 1)), ("okt-25", date(2025, 10, 1)), ("mrt-26", date(2026, 3, 1))],
)
def test_month_year_is_first_of_month_and_approximate(text: str, expected: date) -> None:
    parsed = parse_date_cell(text)
    assert parsed.value == expected
    assert parsed.approximate


def test_intended_dates() -> None:
    year_only = parse_date_cell("Beoogd 2035")
    assert (year_only.value, year_only.intended, year_only.approximate) == (
        date(2035, 1, 1),
        True,
        True,
    )
    full = parse_date_cell("Beoogd 01-09-2026")
    assert (full.value, full.intended, full.approximate) == (date(2026, 9, 1), True, False)


@pytest.mark.parametrize("text", ["n.n.t.b.", "nntb", "Nntb*", "N.n.t.b*", "n.t.b.", "?"])
def test_not_yet_known(text: str) -> None:
    assert parse_date_cell(text).kind is DateKind.UNKNOWN


@pytest.mark.parametrize("text", ["onbepaald", "Onbepaald", "ONBEPAALD "])
def test_indefinite(text: str) -> None:
    assert parse_date_cell(text).kind is DateKind.INDEFINITE


@pytest.mark.parametrize("text", [None, "", "  ", "-"])
def test_empty(text: str | None) -> None:
    assert parse_date_cell(text).kind is DateKind.EMPTY


def test_year_typo_is_rejected_with_a_suggestion() -> None:
    # Seed 001 annex 3, Hof van Twente, Lage Eschweg: "05-04-2202".
    with pytest.raises(DateParseError) as err:
        parse_date_cell("05-04-2202")
    assert "2202" in err.value.reason
    assert "05-04-2022" in err.value.fix


@pytest.mark.parametrize("text", ["31-02-2025", "13-13-2025", "soon", "1-foo-23"])
def test_impossible_or_unreadable_dates_are_rejected(text: str) -> None:
    with pytest.raises(DateParseError) as err:
        parse_date_cell(text)
    assert err.value.fix
