"""The monthly timeline, checked by hand against data/locations.csv and data/swaps.csv."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from planner.counting.rules import CycleRules
from planner.counting.timeline import TIMELINE_COLUMNS, monthly_places, timeline_totals
from planner.optimise.instance import apply_location_changes
from planner.scenario.schema import Scenario
from tests.conftest import tables


@pytest.fixture(scope="module")
def timeline(overijssel) -> pd.DataFrame:
    return monthly_places(overijssel, date(2025, 1, 1), date(2026, 12, 31))


def at(frame: pd.DataFrame, municipality: str, month: str, column: str = "places") -> int:
    row = frame[(frame["municipality"] == municipality) & (frame["month"] == pd.Timestamp(month))]
    assert len(row) == 1
    return int(row[column].iloc[0])


def test_columns_and_grid(timeline, overijssel) -> None:
    assert list(timeline.columns[:7]) == [
        "municipality", "region", "month", "places", "amv_places", "quota", "amv_quota",
    ]  # fmt: skip
    assert list(timeline.columns) == TIMELINE_COLUMNS
    # 25 municipalities x 24 months (Jan 2025 - Dec 2026), every month on its first day
    assert len(timeline) == 25 * 24
    assert (timeline["month"].dt.day == 1).all()
    assert at(timeline, "Zwolle", "2025-03-01", "quota") == 717


def test_hardenberg(timeline) -> None:
    # Jachthuisweg 700 (01-03-2016 - 01-03-2026) + Loozen 100 (01-11-2022 - 21-05-2025)
    assert at(timeline, "Hardenberg", "2025-04-01") == 700 + 100
    # Loozen ended on 21-05-2025
    assert at(timeline, "Hardenberg", "2025-06-01") == 700
    assert at(timeline, "Hardenberg", "2026-02-01") == 700
    # Jachthuisweg ends 01-03-2026: the end is exclusive, so March is already empty
    assert at(timeline, "Hardenberg", "2026-03-01") == 0
    assert at(timeline, "Hardenberg", "2026-04-01") == 0


def test_hengelo_moves_without_counting_twice(timeline) -> None:
    # Havezatenlaan 250 (until 01-09-2025) + Hazenweg 121 TGO 175 (until 01-09-2026)
    assert at(timeline, "Hengelo", "2025-08-01") == 250 + 175
    assert at(timeline, "Hengelo", "2025-10-01") == 175
    # TGO ends 01-09-2026 and the regular location (415) starts that day: 415, not 590
    assert at(timeline, "Hengelo", "2026-09-01") == 415
    assert at(timeline, "Hengelo", "2026-10-01") == 415


def test_zwolle_temporary_locations_end_in_february(timeline) -> None:
    # Feb 2026: ROL Meeuwenlaan 300 + Breughel 48 (amv) + TGOs Vermeer 4, Ruysdael 12,
    # Kantoorvilla 8, Rembrandt 22 (all end 28-02-2026) = 394
    assert at(timeline, "Zwolle", "2026-02-01") == 300 + 48 + 4 + 12 + 8 + 22 == 394
    assert at(timeline, "Zwolle", "2026-02-01", "amv_places") == 48
    # March 2026: only the ROL is left; "Locaties in verkenning" has no start date
    assert at(timeline, "Zwolle", "2026-03-01") == 300
    assert at(timeline, "Zwolle", "2026-03-01", "amv_places") == 0


def test_undecided_places_are_in_use_but_not_decided(timeline) -> None:
    # Hellendoorn Noordelijke Hoofddijk: 200 from 01-01-2026, decision not taken
    assert at(timeline, "Hellendoorn", "2025-12-01") == 0
    assert at(timeline, "Hellendoorn", "2026-01-01") == 200
    assert at(timeline, "Hellendoorn", "2026-01-01", "decided_places") == 0
    assert at(timeline, "Hardenberg", "2025-04-01", "decided_places") == 800


def test_agreement_credits(timeline) -> None:
    # Dronten -> Kampen 200, agreed, 01-02-2024 - 01-02-2026 (Dronten is in Flevoland:
    # nothing is subtracted inside the province)
    assert at(timeline, "Kampen", "2026-01-01", "credited") == 200
    assert at(timeline, "Kampen", "2026-02-01", "credited") == 0
    assert timeline.loc[timeline["municipality"] == "Dronten"].empty
    # Hengelo -> Twenterand is only proposed: never credited
    assert (timeline.loc[timeline["municipality"].isin(["Hengelo", "Twenterand"]), "credited"]
            == 0).all()  # fmt: skip


def test_internal_swap_moves_credit() -> None:
    ds = tables(
        swaps="""\
        id,from_municipality,to_municipality,places,amv_places,start,end,status,source
        s1,Aa,Bee,15,5,2025-03-01,2025-05-01,agreed,test
        s2,Aa,Cee,40,0,2025-03-01,,proposed,test
        """
    )
    tl = monthly_places(ds, date(2025, 2, 1), date(2025, 5, 1))
    # Aa gives 15 to Bee in March and April only; the proposed s2 is not credited
    assert [at(tl, "Bee", m, "credited") for m in ("2025-02-01", "2025-03-01", "2025-04-01",
                                                   "2025-05-01")] == [0, 15, 15, 0]  # fmt: skip
    assert at(tl, "Aa", "2025-03-01", "credited") == -15
    assert at(tl, "Aa", "2025-03-01", "amv_credited") == -5
    assert at(tl, "Cee", "2025-03-01", "credited") == 0
    # Aa's own location (120, indefinite) is unaffected by what it gives
    assert at(tl, "Aa", "2025-03-01") == 120


def test_scenario_location_changes_and_closed(overijssel) -> None:
    sc = Scenario(
        name="x",
        location_changes=[
            {"location": "hardenberg-jachthuisweg", "end": "2026-06-01"},
            {"location": "zwolle-rol-meeuwenlaan", "close": True},
        ],
    )
    changed = apply_location_changes(overijssel, sc).locations
    tl = monthly_places(overijssel, date(2026, 3, 1), date(2026, 6, 1), locations=changed)
    # Jachthuisweg now runs until 01-06-2026: 700 in March, April, May; 0 in June
    assert [at(tl, "Hardenberg", m) for m in ("2026-03-01", "2026-05-01", "2026-06-01")] == [
        700, 700, 0,
    ]  # fmt: skip
    # Zwolle's ROL (300) is closed: nothing left after the TGOs end in February
    assert at(tl, "Zwolle", "2026-03-01") == 0


def test_window_flag_and_totals(overijssel) -> None:
    rules = CycleRules(window_start=date(2025, 7, 1), window_end=date(2026, 2, 1))
    tl = monthly_places(overijssel, date(2025, 6, 1), date(2026, 2, 1), rules=rules)
    flags = tl[tl["municipality"] == "Zwolle"].set_index("month")["in_window"]
    # July 2025 - January 2026 lie in [01-07-2025, 01-02-2026)
    assert list(flags[flags].index.month) == [7, 8, 9, 10, 11, 12, 1]
    tot = timeline_totals(tl, ["Hardenberg", "Hengelo"]).set_index("month")
    # Aug 2025: Hardenberg 700 + Hengelo 425; quota 355 + 415
    assert tot.loc["2025-08-01", "places"] == 700 + 425
    assert tot.loc["2025-08-01", "quota"] == 355 + 415
    whole = timeline_totals(tl).set_index("month")
    assert whole.loc["2025-08-01", "quota"] == 6325


def test_end_before_start_is_rejected(overijssel) -> None:
    with pytest.raises(ValueError, match="before start"):
        monthly_places(overijssel, date(2026, 1, 1), date(2025, 1, 1))
