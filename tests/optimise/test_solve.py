"""The optimiser on small hand-made instances with known optima (worked in docstrings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.formats import say
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
    text = " ".join(say(m, "en") for m in res.messages)
    assert "candidate p must open" in text and "candidate q must open" in text
    assert "max_new_locations" in text
    dutch = " ".join(res.messages)
    assert "kandidaat p moet open" in dutch and "kandidaat q moet open" in dutch


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
    import planner.optimise.levels as levels

    # Both backends map the solver's own status through one function each; make the
    # solver answer "stopped at the time limit with a feasible solution".
    monkeypatch.setattr(levels, "pulp_status", lambda prob: (Status.TIME_LIMIT, True))
    monkeypatch.setattr(levels, "highs_status", lambda h: (Status.TIME_LIMIT, True))
    sc = Scenario(name="x", swaps={"policy": "province"})
    res = solve_scenario(three, sc, engine=engine)
    assert res.status is Status.TIME_LIMIT and not res.ok
    assert "niet bewezen optimaal" in " ".join(res.messages)


def test_opened_candidate_has_places(overijssel) -> None:
    """Issue 9, bug 4. Two equal Borne sites (0-150 places each), room for 148 new
    places, tie-break off. The provincial level wants all 148: Overijssel's shortfall
    2,461 (the base scenario) - 148 = 2,313. New places are 148 either way (cost 1
    each), so before the fix "one opened with 148, the other opened with 0" was as good
    as any answer. Opened means places: ``z >= max(lo, 1) * y``, so every opened site
    has at least one place and the places of the opened sites add up to 148."""
    cands = [
        {"id": f"borne-{k}", "municipality": "Borne", "min_places": 0, "max_places": 150,
         "start": "2025-05-01", "end": "2030-01-01", "cost": 1.0}
        for k in ("a", "b")
    ]  # fmt: skip
    for engine in ("matrix", "pulp"):
        sc = Scenario(name="two-borne", candidates=cands, limits={"max_new_places": 148},
                      solver={"tie_break": False, "engine": engine})  # fmt: skip
        res = solve_scenario(overijssel, sc)
        lv = levels(res)
        assert lv["provincial_shortfall"] == 2313 and lv["new_places"] == 148
        c = res.candidates
        assert c["places"].sum() == 148
        assert (c["opened"] == (c["places"] > 0)).all(), c[["id", "opened", "places"]]


# ----------------------------------------------------------- solves without an answer


def _json_solve(tmp_path, capsys, body: str, *extra: str) -> tuple[int, dict, str]:
    """``planner solve --format json`` on a scenario (Overijssel data) written here."""
    import json

    from planner.cli import main

    path = tmp_path / "s.yaml"
    path.write_text("name: s\n" + body, encoding="utf-8")
    code = main(["solve", str(path), "--format", "json", *extra])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


MUST_P = (
    "  - {id: p, municipality: Borne, min_places: 80, max_places: 100, start: 2025-01-01,"
    " must_open: true}\n"
)


def test_json_without_an_answer_must_open_beyond_max_new_places(tmp_path, capsys) -> None:
    """Issue 11.1/11.2: p must open with at least 80 places, at most 50 new places: no
    answer. The JSON form says so (status, the conflict) and the exit code is 3. q (must
    open, 10 places) and the cost limit have nothing to do with it: 10 <= 50 and the
    cost is 0, so they are not named; the conflict is exactly {p must open, max 50}."""
    body = (
        "limits: {max_new_places: 50, max_cost: 1000}\ncandidates:\n" + MUST_P
        + "  - {id: q, municipality: Wierden, min_places: 10, max_places: 10,"
        " start: 2025-01-01, must_open: true, cost: 0}\n"
    )  # fmt: skip
    code, out, err = _json_solve(tmp_path, capsys, body)
    assert code == 3 and out["status"] == "infeasible"
    first = out["messages"][0]
    assert "kandidaat p moet open" in first and "max_new_places" in first
    assert "kandidaat q" not in first and "max_cost" not in first
    assert out["municipalities"] == [] and err.startswith("onmogelijk (eisen sluiten elkaar uit)")


def test_json_without_an_answer_no_new_locations_with_a_must_open(tmp_path, capsys) -> None:
    code, out, _ = _json_solve(
        tmp_path, capsys, "limits: {max_new_locations: 0}\ncandidates:\n" + MUST_P
    )
    assert code == 3 and out["status"] == "infeasible"
    assert "kandidaat p moet open" in out["messages"][0]
    assert "max_new_locations" in out["messages"][0]


def test_time_limit_before_any_answer_says_so(tmp_path, capsys, monkeypatch) -> None:
    """Issue 11.1/11.2: the solver stops at the time limit before it has any answer
    (made so here, not timed): status not_solved, the first message says the time limit
    was reached and to raise solver.time_limit, and the JSON form is written."""
    import planner.optimise.levels as levels

    monkeypatch.setattr(levels, "highs_status", lambda h: (Status.NOT_SOLVED, True))
    code, out, err = _json_solve(tmp_path, capsys, "swaps: {policy: province}\n")
    assert code == 3 and out["status"] == "not_solved"
    assert "tijdslimiet" in out["messages"][0] and "solver.time_limit" in out["messages"][0]
    assert "swap" not in err.splitlines()[0]


def test_cbc_with_a_space_in_tmpdir(tmp_path, three, monkeypatch) -> None:
    """Issue 11.11: PuLP hands CBC its file names on a command line split at spaces.
    With TMPDIR holding a space the solve still works (CBC's files go to a folder
    without one) and nothing is left behind in either folder."""
    import tempfile

    spaced = tmp_path / "with space"
    spaced.mkdir()
    monkeypatch.setenv("TMPDIR", str(spaced))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    before = set(Path("/tmp").glob("*.mps"))
    res = solve_scenario(three, Scenario(name="x", swaps={"policy": "province"}), solver="cbc")
    assert res.status is Status.OPTIMAL and levels(res)["municipal_shortfall"] == 100
    assert list(spaced.iterdir()) == []
    assert set(Path("/tmp").glob("*.mps")) == before


def test_cbc_without_a_usable_tmpdir_fails_clearly(tmp_path, three, monkeypatch) -> None:
    """No folder without a space to write to: a clear message, status error (exit 3),
    and nothing left behind."""
    import tempfile

    import planner.optimise.levels as lv

    spaced = tmp_path / "with space"
    spaced.mkdir()
    monkeypatch.setenv("TMPDIR", str(spaced))
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setattr(lv, "CBC_TMP_FALLBACKS", ())
    res = solve_scenario(three, Scenario(name="x"), solver="cbc")
    assert res.status is Status.ERROR and "TMPDIR" in res.messages[0]
    assert list(spaced.iterdir()) == []


@pytest.mark.parametrize(
    ("engine", "solver"), [("matrix", "highs"), ("pulp", "highs"), ("pulp", "cbc")]
)
def test_conflict_named_alike_by_every_engine(overijssel, engine, solver) -> None:
    """The conflict of ``test_json_without_an_answer_must_open_beyond_max_new_places``
    found the same way through HiGHS's arrays and through the generated PuLP problem
    (HiGHS or CBC): p must open (>= 80 places) against at most 50 new places; q (10
    places, cost 0) and the cost limit are not part of it."""
    cands = [
        {"id": "p", "municipality": "Borne", "min_places": 80, "max_places": 100,
         "start": "2025-01-01", "must_open": True},
        {"id": "q", "municipality": "Wierden", "min_places": 10, "max_places": 10,
         "start": "2025-01-01", "must_open": True, "cost": 0},
    ]  # fmt: skip
    sc = Scenario(name="x", candidates=cands, limits={"max_new_places": 50, "max_cost": 1000})
    res = solve_scenario(overijssel, sc, solver=solver, engine=engine)
    assert res.status is Status.INFEASIBLE
    assert say(res.messages[0], "en").startswith(
        "these hard requirements cannot all be met: candidate p must open; at most 50 new "
        "places (limits.max_new_places);"
    )
