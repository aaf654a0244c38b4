"""Warnings while editing: items of a scenario that cannot count, found before solving.

The window of cycle 1 is 01-07-2025 .. 01-02-2026 and a decision is required
(seed 000 section 2). Expected days are counted by hand next to each case.
"""

from __future__ import annotations

from datetime import date

import pytest

from planner.data.loader import load_dataset
from planner.optimise.instance import scenario_warnings
from planner.scenario.schema import Scenario


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_a_candidate_in_time_gives_no_warning(ds) -> None:
    sc = Scenario(
        name="x",
        candidates=[{"id": "op-tijd", "municipality": "Borne", "max_places": 150,
                     "start": date(2025, 5, 1)}],
    )  # fmt: skip
    assert scenario_warnings(ds, sc).empty


def test_a_late_candidate_says_how_late_in_dutch_and_english(ds) -> None:
    # 01-07-2025 -> 01-09-2025: 31 (July) + 31 (August) = 62 days
    sc = Scenario(
        name="x",
        candidates=[{"id": "te-laat", "municipality": "Borne", "max_places": 50,
                     "start": date(2025, 9, 1)}],
    )  # fmt: skip
    w = scenario_warnings(ds, sc)
    assert list(w["part"]) == ["candidate"] and list(w["id"]) == ["te-laat"]
    assert w.loc[0, "why"] == "begint 01-09-2025, 62 dagen na het begin van de periode (01-07-2025)"
    en = scenario_warnings(ds, sc, "en")
    assert en.loc[0, "why"] == "starts 01-09-2025, 62 days after the window start (01-07-2025)"


def test_a_candidate_that_ends_too_early(ds) -> None:
    # ends 01-01-2026, window end 01-02-2026: 31 days short
    sc = Scenario(
        name="x",
        candidates=[{"id": "kort", "municipality": "Ommen", "max_places": 20,
                     "start": date(2025, 1, 1), "end": date(2026, 1, 1)}],
    )  # fmt: skip
    w = scenario_warnings(ds, sc)
    assert w.loc[0, "reasons"] == "ends_before_window_end"
    assert "31 dagen voor het einde van de periode (01-02-2026)" in w.loc[0, "why"]


def test_a_location_change_that_leaves_the_decision_pending(ds) -> None:
    # Kampen's Hotel Zalkerbroek (34, 01-10-2025 .. 01-05-2026) moved forward to
    # 01-06-2025 is in time; marked undecided, the cycle's decision rule stops it
    sc = Scenario(
        name="x",
        location_changes=[{"location": "kampen-hotel-zalkerbroek",
                           "start": date(2025, 6, 1), "decided": False}],
    )  # fmt: skip
    w = scenario_warnings(ds, sc)
    assert list(w["part"]) == ["location_change"]
    assert w.loc[0, "why"] == "het besluit is nog niet genomen en deze cyclus vraagt een besluit"
    decided = Scenario(
        name="x",
        location_changes=[{"location": "kampen-hotel-zalkerbroek",
                           "start": date(2025, 6, 1), "decided": True}],
    )  # fmt: skip
    assert scenario_warnings(ds, decided).empty


def test_a_soft_plan_location_says_it_is_a_soft_plan(ds) -> None:
    # Hellendoorn's 200 is a soft plan in the data (001 Twente): decided and in time
    # it still counts only where the cycle counts soft plans
    sc = Scenario(
        name="x",
        location_changes=[{"location": "hellendoorn-noordelijke-hoofddijk",
                           "start": date(2025, 6, 1), "decided": True}],
    )  # fmt: skip
    assert "bestuurlijk voornemen" in scenario_warnings(ds, sc).loc[0, "why"]


def test_a_closed_location_and_a_late_agreed_swap(ds) -> None:
    # a swap agreed from 01-08-2025: 31 days after 01-07-2025
    sc = Scenario(
        name="x",
        location_changes=[{"location": "tubbergen-albergen", "close": True}],
        swaps={"register": [{"id": "laat", "from": "Hardenberg", "to": "Ommen", "places": 10,
                             "status": "agreed", "start": date(2025, 8, 1)}]},
    )  # fmt: skip
    w = scenario_warnings(ds, sc).set_index("id")
    assert w.loc["tubbergen-albergen", "why"] == "gesloten in dit scenario"
    assert w.loc["laat", "part"] == "swap"
    assert (
        w.loc["laat", "why"]
        == "begint 01-08-2025, 31 dagen na het begin van de periode (01-07-2025)"
    )


def test_a_proposed_swap_is_not_a_warning_for_being_unagreed(ds) -> None:
    sc = Scenario(
        name="x",
        swaps={"register": [{"id": "voorstel", "from": "Hardenberg", "to": "Ommen",
                             "places": 10, "status": "proposed"}]},
    )  # fmt: skip
    assert scenario_warnings(ds, sc).empty


def test_one_day_late_is_one_day(ds) -> None:
    # 01-07-2025 + 1 day = 02-07-2025
    sc = Scenario(
        name="x",
        candidates=[{"id": "net-te-laat", "municipality": "Borne", "max_places": 10,
                     "start": date(2025, 7, 2)}],
    )  # fmt: skip
    why = scenario_warnings(ds, sc).loc[0, "why"]
    assert why == "begint 02-07-2025, 1 dag na het begin van de periode (01-07-2025)"
