"""Properties of the optimiser on random small instances (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.optimise.solve import Status, solve_scenario
from planner.scenario.schema import Scenario
from tests.conftest import LOC_HEADER, tables

SHORTFALLS = ("provincial_shortfall", "amv_shortfall", "municipal_shortfall")


@st.composite
def instances(draw):
    n = draw(st.integers(3, 5))
    munis = ["code,name,region,province,quota,amv_quota,source"]
    locs = []
    for i in range(n):
        quota = draw(st.integers(0, 200))
        amv = draw(st.integers(0, quota // 5))
        region = draw(st.sampled_from(["Noord", "Zuid"]))
        munis.append(f"GM{i:04d},M{i},{region},P,{quota},{amv},t")
        places = draw(st.integers(0, 300))
        amv_places = draw(st.integers(0, min(places, 60)))
        if places - amv_places:
            row = f"m{i}a,M{i},X,{places - amv_places},,asiel,regulier,COA"
            locs.append(row + ",2020-01-01,,,yes,existing,t,")
        if amv_places:
            locs.append(f"m{i}b,M{i},Y,{amv_places},,amv,amv,COA,2020-01-01,,,yes,existing,t,")
    cands = []
    for k in range(draw(st.integers(0, 3))):
        hi = draw(st.integers(1, 150))
        cands.append(
            {
                "id": f"c{k}",
                "municipality": f"M{draw(st.integers(0, n - 1))}",
                "min_places": draw(st.integers(0, hi)),
                "max_places": hi,
                "target_group": draw(st.sampled_from(["asiel", "amv"])),
                "start": "2025-01-01",
            }
        )
    policy = draw(st.sampled_from(["agreements", "region", "province"]))
    max_pair = draw(st.one_of(st.none(), st.integers(0, 80)))
    limit = draw(st.one_of(st.none(), st.integers(0, 2)))
    return (
        "\n".join(munis) + "\n",
        LOC_HEADER + "\n".join(locs) + "\n",
        cands,
        policy,
        max_pair,
        limit,
    )


def solve(munis, locs, cands, policy, max_pair, limit):
    ds = tables(municipalities=munis, locations=locs)
    sc = Scenario(
        name="h",
        candidates=cands,
        swaps={"policy": policy, "max_per_pair": max_pair},
        limits={"max_new_locations": limit},
    )
    res = solve_scenario(ds, sc)
    assert res.status is Status.OPTIMAL, res.messages
    return res


def vector(res) -> tuple[float, ...]:
    return tuple(round(res.level(k), 6) for k in SHORTFALLS)


COMMON = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(instances(), st.integers(0, 4), st.integers(1, 100))
def test_more_capacity_never_worsens(inst, where, extra) -> None:
    munis, locs, cands, policy, max_pair, limit = inst
    before = solve(*inst)
    n = munis.count("\n") - 1
    more = locs + f"extra,M{where % n},Z,{extra},,asiel,TGO,gemeente,2020-01-01,,,yes,existing,t,\n"
    after = solve(munis, more, cands, policy, max_pair, limit)
    assert after.level("provincial_shortfall") <= before.level("provincial_shortfall") + 1e-6
    assert vector(after) <= vector(before)  # lexicographically no worse


@COMMON
@given(instances())
def test_swaps_never_change_the_provincial_shortfall(inst) -> None:
    munis, locs, cands, _, max_pair, limit = inst
    without = solve(munis, locs, cands, "agreements", None, limit)
    with_swaps = solve(munis, locs, cands, "province", max_pair, limit)
    assert with_swaps.level("provincial_shortfall") == without.level("provincial_shortfall")
    assert with_swaps.level("municipal_shortfall") <= without.level("municipal_shortfall")


@COMMON
@given(instances())
def test_credited_totals_are_conserved_and_only_surplus_moves(inst) -> None:
    res = solve(*inst)
    m = res.municipalities
    assert m["credited"].sum() == m["places"].sum()  # no places from outside here
    assert res.province["credited"] == m["credited"].sum()
    assert res.province["shortfall"] == max(0, res.province["quota"] - m["credited"].sum())
    assert res.level("provincial_shortfall") == res.province["shortfall"]
    assert res.level("municipal_shortfall") == m["shortfall"].sum()
    givers = set(res.swaps.loc[res.swaps["kind"] == "proposed", "from"])
    idx = m.set_index("name")
    for g in givers:
        assert idx.loc[g, "credited"] >= idx.loc[g, "quota"]
