"""Shortfall breakdown and burden, worked by hand on the Overijssel data."""

from __future__ import annotations

import pytest

from planner.optimise.solve import solve_scenario
from planner.results.explain import burden, shortfall_breakdown
from planner.results.solution import marginal_words
from planner.scenario.schema import Scenario


@pytest.fixture(scope="module")
def base(overijssel):
    return solve_scenario(overijssel, Scenario(name="base"))


def test_breakdown_kampen_is_zalkerbroek(base) -> None:
    """Kampen is 34 short (308 - 274); Hotel Zalkerbroek has exactly 34 decided places
    from 01-10-2025, 92 days after the window start: the whole gap is a near miss."""
    k = shortfall_breakdown(base).set_index("name").loc["Kampen"]
    assert (k["shortfall"], k["near_miss_places"], k["near_miss_days"]) == (34, 34, 92)
    assert k["near_miss_sites"] == "Hotel Zalkerbroek"
    assert (k["near_miss_part"], k["awaiting_decision_part"], k["missing_capacity"]) == (34, 0, 0)


def test_breakdown_zwolle_waits_for_decision(base) -> None:
    """Zwolle is 717 - 394 = 323 short; 550-580 places in exploration wait for a
    decision (soft plan at its lower bound 550): all 323 could be closed by deciding."""
    z = shortfall_breakdown(base).set_index("name").loc["Zwolle"]
    assert z["awaiting_decision_places"] == 550
    assert (z["awaiting_decision_part"], z["missing_capacity"]) == (323, 0)


def test_breakdown_steenwijkerland_is_missing_capacity(base) -> None:
    """Steenwijkerland: 245 - 80 = 165 short, no other site and no soft plan: all missing."""
    s = shortfall_breakdown(base).set_index("name").loc["Steenwijkerland"]
    assert (s["shortfall"], s["missing_capacity"]) == (165, 165)


def test_parts_add_up_to_the_shortfall(base) -> None:
    b = shortfall_breakdown(base)
    parts = b["near_miss_part"] + b["awaiting_decision_part"] + b["missing_capacity"]
    assert (parts == b["shortfall"]).all()


def test_burden_per_1000_inhabitants(base, overijssel) -> None:
    """Hardenberg: 700 places / 62,932 inhabitants (CBS 2024) = 11.12 per 1,000;
    credited / quota = 700 / 355 = 1.97. Kampen credited 274 / 308 = 0.89."""
    b = burden(base, overijssel).set_index("name")
    assert b.loc["Hardenberg", "population_2024"] == 62932
    assert b.loc["Hardenberg", "places_per_1000"] == pytest.approx(700 / 62932 * 1000)
    assert b.loc["Hardenberg", "credited_to_quota"] == pytest.approx(700 / 355)
    assert b.loc["Kampen", "credited_to_quota"] == pytest.approx(274 / 308)


def test_marginal_value_in_words(base) -> None:
    m = base.municipalities.set_index("name")
    words = marginal_words("Zwolle", m.loc["Zwolle", "amv_marginal_value"], amv=True, lang="en")
    assert "one more amv place in Zwolle lowers" in words
    assert "the amv shortfall (sum of municipalities) by 1" in words
    nl = marginal_words("Hardenberg", m.loc["Hardenberg", "marginal_value"], amv=False)
    assert nl == "één plek meer in Hardenberg verlaagt het tekort van de provincie met 1"
