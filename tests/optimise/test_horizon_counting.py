"""A plan over the years counts what the single window counts: swap agreements in the
months they run, an extension never twice, and a cycle's ``types`` rule on candidates.
Each instance is small and worked out by hand in its docstring."""

from __future__ import annotations

import pandas as pd
import pytest

from planner.data.loader import load_dataset
from planner.formats import say
from planner.optimise.horizon import solve_horizon
from planner.optimise.levels import Status
from planner.optimise.solve import solve_scenario
from planner.optimise.time_instance import build_time_instance
from planner.scenario.schema import Scenario

MUN = (
    "code,name,region,province,source\n"
    "GM0001,Aa,Noord,Testland,test\nGM0002,Bb,Noord,Testland,test\n"
)
CYCLES = """\
id,name,window_start,window_end,require_decision,soft_plans_count,min_years,min_places,types,status,source
c1,Een,2025-07-01,2026-02-01,yes,no,,,,decided,test
c2,Twee,2027-07-01,2028-02-01,yes,no,,,regulier;TGO,assumed,test
"""
QUOTAS = (
    "cycle,municipality,quota,amv_quota,source\n"
    "c1,Aa,100,0,test\nc1,Bb,0,0,test\nc2,Aa,100,0,test\nc2,Bb,0,0,test\n"
)
LOC_HEADER = (
    "id,municipality,name,places,places_max,target_group,type,operator,start,end,"
    "end_unknown,decided,status,source,note\n"
)
# Bb hosts 300 places for good; Aa has a TGO of 100 until 30 Jun 2026.
LOC = LOC_HEADER + (
    "bb-azc,Bb,AZC,300,,asiel,regulier,COA,2020-01-01,onbepaald,,yes,existing,test,\n"
    "tgo,Aa,TGO,100,,asiel,TGO,gemeente,2024-01-01,2026-06-30,,yes,existing,test,\n"
)
SWAPS = (
    "id,from_municipality,to_municipality,places,amv_places,start,end,status,source\n"
    "bb-aa,Bb,Aa,100,0,2025-01-01,2026-03-31,agreed,test\n"
)


def _scenario(
    end: str, cycles: list[str], candidates: list[dict], policy: str = "none"
) -> Scenario:
    return Scenario.model_validate(
        {
            "name": "t",
            "swaps": {"policy": policy},
            "candidates": candidates,
            "horizon": {"start": "2025-07-01", "end": end, "cycles": cycles},
        }  # fmt: skip
    )


def _months(res, name: str, column: str) -> list[int]:
    rows = res.monthly[(res.monthly["level"] == "municipality") & (res.monthly["name"] == name)]
    return rows[column].astype(int).tolist()


def test_agreement_counts_in_the_months_it_runs(make_data) -> None:
    """Aa has no places of its own; Bb (quota 0, 300 places) gives Aa 100 places by an
    agreement running 1 Jan 2025 - 31 Mar 2026 (swap policy ``agreements``: recorded
    agreements count, the model proposes none). Horizon Jul 2025 - Jun 2026, cycle 1.
    (Aa's TGO is left out of this data.)

    - Cycle 1 (window 1 Jul 2025 - 1 Feb 2026): the agreement covers the window, Aa is
      credited 100 = its quota: municipal and provincial shortfall 0.
    - Months: Aa is credited 100 on the first of Jul 2025 ... Mar 2026 (9 months) and 0
      in Apr, May, Jun 2026: 3 x 100 = 300 place-months below quota. The province has
      300 places in Bb against a quota of 100 every month: 0 below. Continuity 300.
      (Counting only the places in Aa's own territory would give 12 x 100 = 1,200.)
    """
    loc = LOC_HEADER + LOC.splitlines(keepends=True)[1]  # Bb's AZC only
    ds = load_dataset(
        make_data(municipalities=MUN, cycles=CYCLES, quotas=QUOTAS, locations=loc, swaps=SWAPS)
    )
    res = solve_horizon(ds, _scenario("2026-06-01", ["c1"], [], "agreements"))
    assert res.status is Status.OPTIMAL
    assert round(res.level("municipal_shortfall@c1")) == 0
    assert round(res.level("continuity")) == 300
    assert _months(res, "Aa", "capacity") == [0] * 12
    assert _months(res, "Aa", "credited") == [100] * 9 + [0] * 3
    assert _months(res, "Bb", "credited") == [200] * 9 + [300] * 3
    assert _months(res, "Aa", "below") == [0] * 9 + [100] * 3


def test_proposed_swap_runs_in_its_window(make_data) -> None:
    """As above without the agreement and with policy ``region``: the model proposes
    that Bb (surplus 300) gives Aa 100 for cycle 1. That swap is an agreement for the
    window (1 Jul 2025 - 1 Feb 2026): it counts on the first of Jul 2025 ... Feb 2026
    (8 months); Mar - Jun 2026 Aa has 0 against 100: 4 x 100 = 400 below quota; the
    province (300 in Bb) is never below. Continuity 400, one swap of 100."""
    loc = LOC_HEADER + LOC.splitlines(keepends=True)[1]
    ds = load_dataset(make_data(municipalities=MUN, cycles=CYCLES, quotas=QUOTAS, locations=loc))
    res = solve_horizon(ds, _scenario("2026-06-01", ["c1"], [], "region"))
    assert round(res.level("municipal_shortfall@c1")) == 0
    assert round(res.level("continuity")) == 400
    assert res.swaps["places"].tolist() == [100]
    assert _months(res, "Aa", "credited") == [100] * 8 + [0] * 4


def test_extension_never_counts_twice(make_data) -> None:
    """``ext`` extends Aa's TGO (100 places, until 30 Jun 2026) to 1 Jul 2030, must open
    and must run 5 years: only a start in Jul 2025 allows that (Aug 2025 + 5 years is
    after its end). Horizon Jul 2025 - Dec 2026, cycle 1; Bb's AZC and the agreement
    are left out.

    - Cycle 1: the TGO itself counts (in use 1 Jul 2025 through 1 Feb 2026), so the
      extension adds 0 there (the single-window rule): ``counts_for`` is empty and
      Aa's shortfall is 0, not -100.
    - Months: the TGO is in use Jul 2025 - Jun 2026 (12 months), the extension carries
      on from Jul 2026: Aa has 100 places in every month of the 18, never 200.
    """
    loc = LOC_HEADER + LOC.splitlines(keepends=True)[2]  # the TGO only
    ds = load_dataset(make_data(municipalities=MUN, cycles=CYCLES, quotas=QUOTAS, locations=loc))
    ext = {"id": "ext", "kind": "extend", "location": "tgo", "end": "2030-07-01",
           "min_years": 5, "must_open": True}  # fmt: skip
    sc = _scenario("2026-12-01", ["c1"], [ext])
    ti = build_time_instance(ds, sc)
    assert ti.starts["ext"] == [0] and ti.counts[("ext", 0)] == []
    assert ti.overlap["ext"] == set(range(12))
    res = solve_horizon(ds, sc)
    assert res.status is Status.OPTIMAL
    assert res.candidates.set_index("id").at["ext", "counts_for"] == ""
    assert _months(res, "Aa", "capacity") == [100] * 18
    assert round(res.level("continuity")) == 0


def test_cycle_types_rule_applies_to_candidates(make_data) -> None:
    """Cycle 2 counts types ``regulier`` and ``TGO`` only. Aa (quota 100 in both
    cycles) has the TGO until 30 Jun 2026; two candidates of 100 places from Jan 2026:
    ``nood`` (type noodopvang, cost 1) and ``azc`` (type regulier, cost 2).

    - ``nood`` can never count for cycle 2; only ``azc`` can, opened by Jul 2027.
    - Continuity: from Jul 2026 the TGO is gone; ``azc`` started by Jul 2026 covers
      every month, so continuity is 0 without ``nood`` (which would only add cost).
    - Tie-break: no earlier than needed, ``azc`` opens in Jul 2026.
    Without the rule, the cheaper ``nood`` would have been chosen.
    """
    loc = LOC_HEADER + LOC.splitlines(keepends=True)[2]
    ds = load_dataset(make_data(municipalities=MUN, cycles=CYCLES, quotas=QUOTAS, locations=loc))
    cands = [
        {"id": "azc", "municipality": "Aa", "min_places": 100, "max_places": 100,
         "start": "2026-01-01", "cost": 2, "type": "regulier"},
        {"id": "nood", "municipality": "Aa", "min_places": 100, "max_places": 100,
         "start": "2026-01-01", "cost": 1, "type": "noodopvang"},
    ]  # fmt: skip
    sc = _scenario("2028-06-01", ["c1", "c2"], cands)
    ti = build_time_instance(ds, sc)
    assert all(ti.counts[("nood", s)] == [] for s in ti.starts["nood"])
    assert any("nood" in m and "soort telt niet" in m for m in ti.messages)
    assert any("nood" in m and "type does not count" in say(m, "en") for m in ti.messages)
    res = solve_horizon(ds, sc)
    chosen = res.candidates.set_index("id")
    assert round(res.level("provincial_shortfall@c2")) == 0
    assert round(res.level("continuity")) == 0
    assert chosen.at["azc", "start_month"] == pd.Timestamp("2026-07-01")
    assert chosen.at["azc", "counts_for"] == "c2"
    assert not chosen.at["nood", "opened"]
    # the single window of cycle 2 says the same, in its reasons
    one = Scenario.model_validate(
        {"name": "one", "cycle": {"id": "c2"}, "swaps": {"policy": "none"},
         "candidates": [dict(c, start="2027-01-01") for c in cands]}
    )  # fmt: skip
    reasons = solve_scenario(ds, one).instance.candidates.set_index("id")["reasons"]
    assert reasons["nood"] == "type_not_counted" and reasons["azc"] == ""


# ------------------------------------------------------------------ provinces apart


def test_provinces_apart_equal_together(tmp_path) -> None:
    """A small synthetic country (30 municipalities in 3 provinces, swaps within the
    province) over 12 months: the model falls apart into the provinces; solving them
    one after the other, in two local processes, and the whole model at once gives the
    same level values and the same choice of candidates and start months. Offering
    only the months a plan may need (the default) gives the optimum of every month."""
    from planner.data.national import SCENARIO_FILE, generate_country, write_country
    from planner.optimise.levels import HighsLevels, solve_levels, solve_levels_by_part
    from planner.optimise.matrix import split
    from planner.optimise.model import create_time_model, time_level_names
    from planner.optimise.parallel import local_mapper
    from planner.scenario.schema import load_scenario

    folder = tmp_path / "nl"
    write_country(generate_country(seed=1, municipalities=30, provinces=3), folder)
    ds = load_dataset(folder)
    sc = load_scenario(folder / SCENARIO_FILE, ds)
    sc = sc.model_copy(
        update={"horizon": Scenario.model_validate(
            {"name": "h", "horizon": {"start": "2025-07-01", "end": "2026-06-01"}}).horizon}
    )  # fmt: skip
    assert sc.swaps.policy == "province"
    values = {}
    for every in (False, True):
        ti = build_time_instance(ds, sc, every_month=every)
        mm = create_time_model(ti).mm
        levels = time_level_names(ti, list(sc.objective), sc.solver.tie_break)
        parts = split(mm)
        assert len(parts) >= 3
        together = solve_levels(HighsLevels(mm, 120), mm, levels, 120)
        apart = solve_levels_by_part(mm, levels, 120, parts)
        procs = solve_levels_by_part(mm, levels, 120, parts, mapper=local_mapper(2))
        runs = (together, apart, procs)
        lv = [[round(v.value, 4) for v in r.levels] for r in runs]
        assert lv[0] == lv[1] == lv[2]
        chosen = [
            sorted(k for k, j in mm.key.items() if k.startswith("start:") and r.x[j] > 0.5)
            for r in runs
        ]
        assert chosen[0] == chosen[1] == chosen[2]
        values[every] = (lv[0][:-1], chosen[0])  # the tie-break's scale has the months
    assert values[False] == values[True]


def test_provinces_on_a_dask_cluster_give_the_same_plan(tmp_path) -> None:
    """The same small country solved by solve_horizon here (workers=1) and on a local
    Dask cluster (scheduler): the same levels and the same candidates, start months
    and places."""
    distributed = pytest.importorskip("distributed")
    from planner.data.national import SCENARIO_FILE, generate_country, write_country
    from planner.scenario.schema import load_scenario

    folder = tmp_path / "nl"
    write_country(generate_country(seed=2, municipalities=30, provinces=3), folder)
    ds = load_dataset(folder)
    sc = load_scenario(folder / SCENARIO_FILE, ds)
    sc = sc.model_copy(
        update={"horizon": Scenario.model_validate(
            {"name": "h", "horizon": {"start": "2025-07-01", "end": "2026-06-01"}}).horizon}
    )  # fmt: skip
    here = solve_horizon(ds, sc, workers=1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        there = solve_horizon(ds, sc, scheduler=cluster.scheduler_address)
    assert [round(lv.value, 4) for lv in here.levels] == [round(lv.value, 4) for lv in there.levels]
    assert here.candidates.equals(there.candidates)
