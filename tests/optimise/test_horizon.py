"""A plan over the years (MODEL.md, "Extension: time"): hand-made instances whose best
start months are worked out by hand, properties, and the single window unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from planner.data.loader import load_dataset
from planner.optimise.horizon import shortfall_starts, solve_horizon
from planner.optimise.levels import Status
from planner.optimise.solve import solve_scenario
from planner.optimise.time_instance import build_time_instance
from planner.scenario.schema import Scenario, load_scenario

REPO = Path(__file__).resolve().parents[2]

MUN = "code,name,region,province,source\nGM0001,Aa,Noord,Testland,test\n"
CYCLES = """\
id,name,window_start,window_end,require_decision,soft_plans_count,min_years,min_places,types,status,source
c1,Een,2025-07-01,2026-02-01,yes,no,,,,decided,test
c2,Twee,2027-07-01,2028-02-01,yes,no,5,,,assumed,test
"""
QUOTAS = "cycle,municipality,quota,amv_quota,source\nc1,Aa,100,0,test\nc2,Aa,100,0,test\n"
# A TGO of 100 places until 30-06-2026: it covers cycle 1's window (1 Jul 2025 - 1 Feb
# 2026) and is in use on the first of every month from Jul 2025 to Jun 2026.
LOC = """\
id,municipality,name,places,places_max,target_group,type,operator,start,end,end_unknown,decided,status,source,note
tgo,Aa,TGO,100,,asiel,TGO,gemeente,2024-01-01,2026-06-30,,yes,existing,test,
"""


@pytest.fixture
def data(make_data):
    return load_dataset(make_data(municipalities=MUN, cycles=CYCLES, quotas=QUOTAS, locations=LOC))


def scenario(earliest: str = "2026-01-01", horizon_end: str = "2028-06-01", **cand) -> Scenario:
    k = {"id": "k", "municipality": "Aa", "min_places": 100, "max_places": 100,
         "start": earliest, **cand}  # fmt: skip
    return Scenario.model_validate(
        {
            "name": "t",
            "swaps": {"policy": "none"},
            "candidates": [k],
            "horizon": {"start": "2025-07-01", "end": horizon_end},
        }  # fmt: skip
    )


def start_of(res) -> pd.Timestamp:
    return res.candidates.set_index("id").at["k", "start_month"]


def test_best_start_month_by_hand(data) -> None:
    """Quota 100 in both cycles; the TGO (100) is in use Jul 2025 - Jun 2026.

    - Cycle 1: the TGO counts, shortfall 0. Cycle 2 (window from 1 Jul 2027, durable
      until 1 Jul 2032): k (100 places, no end) counts if it starts by Jul 2027.
    - Continuity: from Jul 2026 the TGO is gone; k started in any month from Jan 2026
      (its earliest) to Jul 2026 leaves no month below quota: continuity 0.
    - Among those, the tie-break opens no earlier than needed (fewer place-months):
      k starts in Jul 2026.
    """
    res = solve_horizon(data, scenario())
    assert res.status is Status.OPTIMAL
    assert start_of(res) == pd.Timestamp("2026-07-01")
    assert round(res.level("continuity")) == 0
    assert round(res.level("provincial_shortfall@c2")) == 0
    assert res.candidates.set_index("id").at["k", "counts_for"] == "c2"
    assert res.assumed == ["c2"]


def test_later_earliest_start_by_hand(data) -> None:
    """k can start from Oct 2026 only: Jul, Aug and Sep 2026 have 0 places against 100,
    for Aa and for the province: continuity 3 x 100 x 2 = 600; k starts in Oct 2026; the
    shortfall starts in Jul 2026."""
    res = solve_horizon(data, scenario("2026-10-01"))
    assert start_of(res) == pd.Timestamp("2026-10-01")
    assert round(res.level("continuity")) == 600
    starts = shortfall_starts(res).set_index("name")
    assert starts.at["Aa", "shortfall_from"] == pd.Timestamp("2026-07-01")
    assert starts.at["Aa", "place_months_below"] == 300


def test_too_late_for_the_window_by_hand(data) -> None:
    """Earliest Sep 2027: after cycle 2's window start, so k cannot count for cycle 2
    (shortfall 100), and continuity is 100 per month Jul 2026 - Aug 2027 (14 months)
    for Aa and the province: 2,800."""
    res = solve_horizon(data, scenario("2027-09-01"))
    assert round(res.level("provincial_shortfall@c2")) == 100
    assert round(res.level("continuity")) == 2800
    assert start_of(res) == pd.Timestamp("2027-09-01")


def test_not_durable_candidate_does_not_count(data) -> None:
    """Ending 1 Jan 2031, before 1 Jul 2032 (cycle 2's window start + 5 years): it is in
    use in the months but never counts for cycle 2."""
    ti = build_time_instance(data, scenario(end="2031-01-01"))
    assert ti.starts["k"] and all(ti.counts[("k", s)] == [] for s in ti.starts["k"])
    durable = build_time_instance(data, scenario(end="2032-07-01"))
    assert durable.counts[("k", durable.starts["k"][0])] == [1]  # cycle 2 (index 1)


def test_decision_date_plus_lead_months(data) -> None:
    """Decision 1 Apr 2026 + 6 months: earliest 1 Oct 2026, the same as above."""
    sc = scenario()
    k = sc.candidates[0].model_dump()
    k.update(start=None, decision_date="2026-04-01", lead_months=6)
    sc = sc.model_copy(update={"candidates": [type(sc.candidates[0]).model_validate(k)]})
    res = solve_horizon(data, sc)
    assert start_of(res) == pd.Timestamp("2026-10-01")


@pytest.mark.parametrize("pair", [("2026-01-01", "2026-10-01"), ("2026-10-01", "2027-09-01")])
def test_a_later_earliest_start_never_helps(data, pair) -> None:
    """Every level (in order) is at least as bad with the later earliest start."""
    early, late = (solve_horizon(data, scenario(e)) for e in pair)
    a = [lv.value for lv in early.levels if lv.name != "tie_break"]
    b = [lv.value for lv in late.levels if lv.name != "tie_break"]
    assert a <= b  # lexicographic: never better
    assert all(x <= y + 1e-6 for x, y in zip(a[:-2], b[:-2], strict=True))


def test_a_longer_horizon_keeps_earlier_choices(data) -> None:
    """Horizon to Jun 2028 or to Dec 2029: the same start month and size."""
    short, long = (
        solve_horizon(data, scenario(horizon_end=e)) for e in ("2028-06-01", "2029-12-01")
    )
    cols = ["opened", "start_month", "places"]
    assert short.candidates[cols].equals(long.candidates[cols])
    m = short.monthly["month"].max()
    part = long.monthly[long.monthly["month"] <= m].reset_index(drop=True)
    assert part[["name", "month", "capacity"]].equals(
        short.monthly[["name", "month", "capacity"]].reset_index(drop=True)
    )


def _readme_table() -> dict[str, tuple[int, int]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"\| `([a-z-]+\.yaml)` \| [^|]+ \| ([\d,]+) / ([\d,]+) \|", text)
    return {f: (int(a.replace(",", "")), int(b.replace(",", ""))) for f, a, b in rows}


def test_single_window_scenarios_unchanged() -> None:
    """Every example scenario without a horizon gives the README's answer (sum of
    municipal / provincial shortfall): the time extension leaves the single window as
    it was."""
    table = _readme_table()
    assert len(table) >= 7
    ds = load_dataset()
    for name, (municipal, provincial) in table.items():
        sc = load_scenario(REPO / "scenarios" / name, ds)
        assert sc.horizon is None
        res = solve_scenario(ds, sc)
        got = (round(res.level("municipal_shortfall")), round(res.level("provincial_shortfall")))
        assert got == (municipal, provincial), name


def test_overijssel_two_cycles() -> None:
    """The example plan: 66 months, both cycles; cycle 2 is marked assumed; the monthly
    table has every municipality and the province for every month."""
    ds = load_dataset()
    res = solve_horizon(ds, load_scenario(REPO / "scenarios" / "horizon-2025-2030.yaml", ds))
    assert res.status is Status.OPTIMAL
    assert set(res.cycles) == {"cycle-1", "cycle-2"} and res.assumed == ["cycle-2"]
    assert res.monthly["month"].nunique() == 66
    assert len(res.monthly) == 66 * 26
    # Borne's durable site (decided Dec 2026 + 12 months = Dec 2027) is too late for
    # cycle 2's window start (1 Jul 2027): it can never count for it
    borne = res.candidates.set_index("id").loc["borne-durable"]
    assert borne["counts_for"] == ""


def test_cli_solve_with_a_horizon(capsys, tmp_path) -> None:
    """`planner solve` on a horizon scenario: JSON with per-cycle tables and months, a
    workbook with the monthly sheet, text naming the month a shortfall starts (Hengelo:
    Havezatenlaan ends 1 Sep 2025, Hazenweg 121 starts 1 Sep 2026, so from Oct 2025 it
    has fewer places in use than its quota)."""
    import json

    import openpyxl

    from planner.cli import main

    path = str(REPO / "scenarios" / "horizon-2025-2030.yaml")
    xlsx = tmp_path / "plan.xlsx"
    assert main(["solve", path, "--xlsx", str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert "Hengelo: tekort vanaf 2025-10" in out and "AANNAME" in out
    sheets = openpyxl.load_workbook(xlsx).sheetnames
    assert {"per maand", "cycle-1", "cycle-2", "locaties in de tijd"} <= set(sheets)
    assert main(["solve", path, "--format", "json", "--lang", "en"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc["cycles"]) == {"cycle-1", "cycle-2"} and len(doc["months"]) == 66
    assert doc["assumptions"][0].startswith("ASSUMPTION")


def test_single_window_of_a_later_cycle_applies_its_rules(make_data) -> None:
    """`--cycle 2` on the data of tests/counting/test_cycle_rules.py (cycle 2: durable
    until 1 Jul 2032, at least 100 places; Aa's quota 250, 150 counted places):

    - ``small`` (at most 60 places) can never count: too small;
    - ``short`` (ends 1 Jan 2030) can never count: not durable;
    - ``big`` (50-150 places) must have at least 100 places if opened; Aa is 100 short,
      so it opens with exactly 100 and Aa's shortfall is 0.
    """
    from tests.counting.test_cycle_rules import CYCLES as C2
    from tests.counting.test_cycle_rules import LOC as L2
    from tests.counting.test_cycle_rules import MUN as M2
    from tests.counting.test_cycle_rules import QUOTAS as Q2

    ds = load_dataset(make_data(municipalities=M2, cycles=C2, quotas=Q2, locations=L2))
    sc = Scenario.model_validate(
        {
            "name": "c2", "cycle": {"id": "2"}, "swaps": {"policy": "none"},
            "candidates": [
                {"id": "small", "municipality": "Aa", "max_places": 60, "start": "2027-01-01"},
                {"id": "short", "municipality": "Aa", "max_places": 150, "start": "2027-01-01",
                 "end": "2030-01-01"},
                {"id": "big", "municipality": "Aa", "min_places": 50, "max_places": 150,
                 "start": "2027-01-01"},
            ],
        }
    )  # fmt: skip
    res = solve_scenario(ds, sc)
    cand = res.instance.candidates.set_index("id")
    assert cand.at["small", "reasons"] == "too_small"
    assert cand.at["short", "reasons"] == "not_durable"
    assert cand.at["big", "lo"] == 100
    mun = res.municipalities.set_index("name")
    assert (mun.at["Aa", "quota"], mun.at["Aa", "shortfall"]) == (250, 0)
    chosen = res.candidates.set_index("id")
    assert int(chosen.at["big", "places"]) == 100
