"""The optimiser on small hand-made instances with known optima (worked in docstrings)."""

from __future__ import annotations

import pytest

from planner.optimise.solve import Status, solve_scenario
from planner.scenario.schema import Scenario
from tests.conftest import LOC_HEADER, tables

THREE = """\
code,name,region,province,quota,amv_quota,source
GM0001,Aa,Noord,Testland,100,10,t
GM0002,Bee,Noord,Testland,100,10,t
GM0003,Cee,Noord,Testland,100,10,t
"""
# Aa hosts 150 (30 of them amv): surplus 50, amv surplus 20. Bee hosts 50. Cee nothing.
PLACES = (
    LOC_HEADER
    + """\
a1,Aa,X,120,,asiel,regulier,COA,2020-01-01,,,yes,existing,t,
a2,Aa,Y,30,,amv,amv,COA,2020-01-01,,,yes,existing,t,
b1,Bee,X,50,,asiel,TGO,gemeente,2020-01-01,,,yes,existing,t,
"""
)


@pytest.fixture(scope="module")
def three():
    return tables(municipalities=THREE, locations=PLACES)


def levels(result) -> dict[str, float]:
    assert result.status is Status.OPTIMAL, result.messages
    return {lv.name: lv.value for lv in result.levels}


def test_no_swaps(three) -> None:
    """Province 300 - 200 = 100 short; municipal: Bee 50 + Cee 100 = 150; amv: Bee 10 +
    Cee 10 = 20."""
    lv = levels(solve_scenario(three, Scenario(name="x")))
    assert (lv["provincial_shortfall"], lv["municipal_shortfall"], lv["amv_shortfall"]) == (
        100,
        150,
        20,
    )


def test_province_swaps_move_only_surplus_and_amv(three) -> None:
    """Aa gives its whole surplus of 50 (of which its amv surplus 20: 10 to Bee, 10 to
    Cee): municipal 150 - 50 = 100 = provincial shortfall; amv shortfall 0. Bee, short
    itself, relays nothing. Swap volume is the minimum needed: 50."""
    res = solve_scenario(three, Scenario(name="x", swaps={"policy": "province"}))
    lv = levels(res)
    assert lv["provincial_shortfall"] == 100 and lv["municipal_shortfall"] == 100
    assert lv["amv_shortfall"] == 0 and lv["swap_volume"] == 50
    out = res.swaps[res.swaps["kind"] == "proposed"]
    assert set(out["from"]) == {"Aa"}
    assert out["amv_places"].sum() == 20
    m = res.municipalities.set_index("name")
    assert m.loc["Aa", "credited"] == 100  # keeps exactly its quota


def test_pair_and_receiver_limits(three) -> None:
    """max_per_pair 20: Aa -> Bee 20 and Aa -> Cee 20, municipal 150 - 40 = 110.
    max_in_per_municipality 10 (no pair limit): 10 each, municipal 130."""
    lv = levels(solve_scenario(three, Scenario(name="x", swaps={"policy": "province",
                                                               "max_per_pair": 20})))  # fmt: skip
    assert lv["municipal_shortfall"] == 110
    lv = levels(
        solve_scenario(three, Scenario(name="x", swaps={"policy": "province",
                                                        "max_in_per_municipality": 10}))
    )  # fmt: skip
    assert lv["municipal_shortfall"] == 130


def test_region_policy_respects_regions() -> None:
    """Cee in another region: Aa's surplus can only reach Bee (short 50): municipal
    150 - 50 = 100, and no swap crosses to Cee."""
    munis = THREE.replace("GM0003,Cee,Noord", "GM0003,Cee,Zuid")
    ds = tables(municipalities=munis, locations=PLACES)
    res = solve_scenario(ds, Scenario(name="x", swaps={"policy": "region"}))
    assert levels(res)["municipal_shortfall"] == 100
    assert "Cee" not in set(res.swaps["to"])


def test_min_places_open_at_least_that_many_or_not_at_all(three) -> None:
    """Candidate in Cee: 80-100 places. With max_new_places 60 it cannot open (80 > 60);
    with 90 it opens at 90 (more places lower the provincial shortfall)."""
    cand = [{"id": "c", "municipality": "Cee", "min_places": 80, "max_places": 100,
             "start": "2025-01-01"}]  # fmt: skip
    res = solve_scenario(three, Scenario(name="x", candidates=cand, limits={"max_new_places": 60}))
    assert levels(res)["provincial_shortfall"] == 100
    assert not res.candidates.loc[0, "opened"] and res.candidates.loc[0, "places"] == 0
    res = solve_scenario(three, Scenario(name="x", candidates=cand, limits={"max_new_places": 90}))
    assert levels(res)["provincial_shortfall"] == 10
    assert res.candidates.loc[0, "places"] == 90


def test_objective_order_decides(three) -> None:
    """One new location allowed: X in Aa (100 places, Aa already covered) or Y in Cee
    (40). Provincial shortfall first: X (100 -> 0) and municipal stays 150. Municipal
    shortfall first: Y (150 -> 110), provincial 100 -> 60."""
    cand = [
        {"id": "x", "municipality": "Aa", "max_places": 100, "start": "2025-01-01"},
        {"id": "y", "municipality": "Cee", "max_places": 40, "start": "2025-01-01"},
    ]
    res = solve_scenario(
        three, Scenario(name="p", candidates=cand, limits={"max_new_locations": 1})
    )
    lv = levels(res)
    assert (lv["provincial_shortfall"], lv["municipal_shortfall"]) == (0, 150)
    assert list(res.candidates.loc[res.candidates["opened"], "id"]) == ["x"]
    res = solve_scenario(
        three,
        Scenario(name="m", candidates=cand, limits={"max_new_locations": 1},
                 objective=["municipal_shortfall"]),
    )  # fmt: skip
    lv = levels(res)
    assert (lv["municipal_shortfall"], lv["provincial_shortfall"]) == (110, 60)
    assert list(res.candidates.loc[res.candidates["opened"], "id"]) == ["y"]


def test_new_places_level_does_not_open_more_than_needed(three) -> None:
    """An amv candidate in Bee (0-50 amv places) with everything else equal: the amv
    level needs 10 in Bee; the provincial level wants all 50 (province is short).
    With the province not short (quota lowered) it opens only what lowers a shortfall."""
    cand = [{"id": "b-amv", "municipality": "Bee", "target_group": "amv", "max_places": 50,
             "start": "2025-01-01"}]  # fmt: skip
    res = solve_scenario(three, Scenario(name="x", candidates=cand))
    assert res.candidates.loc[0, "places"] == 50
    low = THREE.replace("GM0003,Cee,Noord,Testland,100,10", "GM0003,Cee,Noord,Testland,0,0")
    low = low.replace("GM0002,Bee,Noord,Testland,100,10", "GM0002,Bee,Noord,Testland,60,10")
    ds = tables(municipalities=low, locations=PLACES)
    res = solve_scenario(ds, Scenario(name="x", candidates=cand))
    # Bee: quota 60, has 50, amv quota 10: 10 amv places close both gaps.
    assert res.candidates.loc[0, "places"] == 10
    assert levels(res)["new_places"] == 10


def test_candidate_outside_the_window_is_reported(three) -> None:
    cand = [{"id": "late", "municipality": "Cee", "max_places": 40, "start": "2025-07-02"}]
    res = solve_scenario(three, Scenario(name="x", candidates=cand))
    assert levels(res)["provincial_shortfall"] == 100
    row = res.candidates.iloc[0]
    assert not row["can_count"] and not row["opened"]
    assert "1 dag na het begin van de periode" in row["reason"]
    assert any("late" in m for m in res.messages)


def test_impossible_hard_requirement_is_named(three) -> None:
    cand = [
        {"id": "p", "municipality": "Cee", "max_places": 40, "start": "2025-01-01",
         "must_open": True},
        {"id": "q", "municipality": "Bee", "max_places": 40, "start": "2025-01-01",
         "must_open": True},
    ]  # fmt: skip
    res = solve_scenario(
        three, Scenario(name="x", candidates=cand, limits={"max_new_locations": 1})
    )
    assert res.status is Status.INFEASIBLE and not res.ok
    assert any("p, q" in m and "maximum aantal nieuwe locaties" in m for m in res.messages)
    assert any("max_new_locations" in m.lang("en") for m in res.messages)


def test_recorded_agreement_that_leaves_the_giver_short_is_flagged(three) -> None:
    """Bee (50 of 100) agrees to give 20 to Cee: applied as recorded, flagged."""
    swaps = (
        "id,from_municipality,to_municipality,places,amv_places,start,end,status,source\n"
        "s,Bee,Cee,20,0,2024-01-01,2027-01-01,agreed,t\n"
    )
    ds = tables(municipalities=THREE, locations=PLACES, swaps=swaps)
    res = solve_scenario(ds, Scenario(name="x"))
    row = res.swaps.set_index("id").loc["s"]
    assert row["kind"] == "agreement" and row["leaves_giver_short"]
    assert res.municipalities.set_index("name").loc["Cee", "credited"] == 20


def test_both_solvers_agree(three) -> None:
    sc = Scenario(name="x", swaps={"policy": "province", "max_per_pair": 20})
    a = levels(solve_scenario(three, sc, solver="highs"))
    b = levels(solve_scenario(three, sc, solver="cbc"))
    assert a == b


def test_missing_solver_is_reported_not_hidden(three, monkeypatch) -> None:
    import planner.optimise.solve as solve

    monkeypatch.setattr(solve, "available_solvers", lambda: ["cbc"])
    res = solve_scenario(three, Scenario(name="x"), solver="highs")
    assert res.status is Status.SOLVER_MISSING and not res.ok
    assert "highs" in res.messages[0] and res.municipalities.empty


@pytest.mark.parametrize("engine", ["pulp", "matrix"])
def test_time_limit_is_reported_not_shown_as_optimum(three, monkeypatch, engine) -> None:
    import planner.optimise.matrix as matrix
    import planner.optimise.solve as solve

    # Both engines map the solver's own status through one function each; make the
    # solver answer "stopped at the time limit with a feasible solution".
    monkeypatch.setattr(solve, "_status", lambda prob: Status.TIME_LIMIT)
    monkeypatch.setattr(matrix, "highs_status", lambda h: Status.TIME_LIMIT)
    sc = Scenario(name="x", swaps={"policy": "province"})
    res = solve_scenario(three, sc, engine=engine)
    assert res.status is Status.TIME_LIMIT and not res.ok
    assert "niet bewezen optimaal" in " ".join(res.messages)
