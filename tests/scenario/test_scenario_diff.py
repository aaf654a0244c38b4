"""Input differences between two scenarios."""

from __future__ import annotations

from pathlib import Path

from planner.scenario.diff import DIFF_COLUMNS, diff_scenarios
from planner.scenario.schema import Scenario, load_scenario

SCEN = Path(__file__).resolve().parents[2] / "scenarios"


def rows(frame) -> list[tuple]:
    return [tuple(r) for r in frame[DIFF_COLUMNS].itertuples(index=False)]


def test_identical_inputs_have_no_rows() -> None:
    a = load_scenario(SCEN / "base.yaml")
    b = a.model_copy(update={"name": "other name", "description": "other text"})
    diff = diff_scenarios(a, b)
    assert list(diff.columns) == DIFF_COLUMNS and diff.empty


def test_borne_against_base() -> None:
    diff = diff_scenarios(
        load_scenario(SCEN / "base.yaml"), load_scenario(SCEN / "borne-opens.yaml")
    )
    # borne-opens adds one candidate and changes nothing else
    assert rows(diff) == [
        (
            "candidates",
            "borne-new",
            "",
            None,
            "municipality=Borne; kind=new; min_places=0; max_places=150; target_group=asiel; "
            "start=2025-05-01; end=2030-01-01; cost=1",
        )
    ]


def test_settings_and_register() -> None:
    diff = diff_scenarios(
        load_scenario(SCEN / "base.yaml"), load_scenario(SCEN / "region-swaps-capped.yaml")
    )
    assert rows(diff) == [
        ("swaps", "", "policy", "agreements", "region"),
        ("swaps", "", "max_per_pair", None, "30"),
    ]


def test_added_removed_changed_items_in_every_section() -> None:
    a = Scenario(
        name="a",
        candidates=[
            {"id": "c1", "municipality": "Borne", "max_places": 150, "start": "2025-05-01"},
            {"id": "c2", "municipality": "Losser", "max_places": 50, "start": "2025-05-01"},
        ],
        location_changes=[{"location": "hardenberg-jachthuisweg", "end": "2026-06-01"}],
        swaps={"register": [{"id": "s1", "from": "Hardenberg", "to": "Ommen", "places": 30}]},
        limits={"max_new_locations": 2},
        cycle={"require_decision": True},
    )
    b = Scenario(
        name="b",
        candidates=[
            {"id": "c1", "municipality": "Borne", "max_places": 120, "start": "2025-06-01"},
            {"id": "c3", "municipality": "Wierden", "max_places": 10, "start": "2025-05-01",
             "target_group": "amv"},
        ],
        location_changes=[{"location": "hardenberg-jachthuisweg", "end": "2026-06-01",
                           "decided": False}],
        swaps={"policy": "province",
               "register": [{"id": "s1", "from": "Hardenberg", "to": "Ommen", "places": 30,
                             "status": "agreed"}]},
        limits={"max_new_locations": 1},
        cycle={"require_decision": False},
        objective=["municipal_shortfall"],
    )  # fmt: skip
    got = rows(diff_scenarios(a, b))
    assert ("cycle", "", "require_decision", "yes", "no") in got
    assert ("swaps", "", "policy", "agreements", "province") in got
    assert ("limits", "", "max_new_locations", "2", "1") in got
    assert got[3][0] == "objective" and got[3][4].startswith("municipal_shortfall, provincial")
    assert ("candidates", "c1", "max_places", "150", "120") in got
    assert ("candidates", "c1", "start", "2025-05-01", "2025-06-01") in got
    c2 = next(r for r in got if r[1] == "c2")
    assert c2[2] == "" and c2[3].startswith("municipality=Losser") and c2[4] is None
    c3 = next(r for r in got if r[1] == "c3")
    assert c3[3] is None and "target_group=amv" in c3[4]
    assert ("location_changes", "hardenberg-jachthuisweg", "decided", None, "no") in got
    assert ("register", "s1", "status", "proposed", "agreed") in got
    # the reverse diff swaps before and after
    back = rows(diff_scenarios(b, a))
    assert ("candidates", "c1", "max_places", "120", "150") in back
