"""OEK candidates in the model (issue 12): a scenario candidate with ``programme: oek``
adds places for Ukrainian displaced persons in its municipality and lowers the OEK
shortfall; asylum keeps priority in the default level order. Figures by hand."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from planner.optimise.solve import solve_scenario
from planner.scenario.schema import Scenario, scenario_hash
from tests.conftest import tables

MUN = """\
code,name,region,province,quota,amv_quota,source
GM0001,Aa,Noord,Testland,100,0,test
GM0002,Bee,Noord,Testland,50,0,test
"""
LOC = """\
id,municipality,name,places,places_max,target_group,type,operator,start,end,end_unknown,decided,status,source,note
aa-1,Aa,Een,120,,asiel,regulier,COA,2020-01-01,onbepaald,,yes,existing,test,
"""
#: OEK reference date 1 Jan 2025 (the rule of data/programmes.csv): Aa is obliged to
#: 200 places and realised 50, so it is 150 short; Bee 40 / 40, not short.
TARGETS = """\
id,programme,period,municipality,target,realised,reference_date,source
o1,oek,2025-01-01,Aa,200,50,2025-01-01,test
o2,oek,2025-01-01,Bee,40,40,2025-01-01,test
"""


def _levels(result) -> dict[str, float]:
    return {lv.name: lv.value for lv in result.levels}


@pytest.fixture(scope="module")
def ds():
    return tables(municipalities=MUN, locations=LOC, programme_targets=TARGETS)


def _oek(cid: str = "aa-oek", places: int = 100, start: str = "2024-12-01", **more) -> dict:
    return {"id": cid, "municipality": "Aa", "programme": "oek", "max_places": places,
            "start": start, **more}  # fmt: skip


def test_oek_candidate_lowers_the_oek_shortfall_only(ds) -> None:
    """Asylum without any candidate: Aa 120 for 100, Bee 0 for 50: municipal shortfall
    50, provincial 150 - 120 = 30. An OEK candidate of 100 places in Aa (in use from
    1 Dec 2024, before the OEK reference date) takes Aa's OEK shortfall from 150 to
    200 - 50 - 100 = 50; the asylum levels stay 30 and 50, and Aa's asylum count stays
    120 (OEK places are no asylum places)."""
    plain = solve_scenario(ds, Scenario(name="plain"))
    res = solve_scenario(ds, Scenario(name="oek", candidates=[_oek()]))
    lv = _levels(res)
    assert (lv["provincial_shortfall"], lv["municipal_shortfall"]) == (30, 50)
    assert (_levels(plain)["provincial_shortfall"], _levels(plain)["municipal_shortfall"]) == (
        30,
        50,
    )
    assert lv["oek_shortfall"] == 50
    # asylum first: the OEK level right after the asylum levels
    assert [x.name for x in res.levels][:4] == [
        "provincial_shortfall",
        "amv_shortfall",
        "municipal_shortfall",
        "oek_shortfall",
    ]
    oek = res.oek.set_index("name")
    assert (int(oek.loc["Aa", "places"]), int(oek.loc["Aa", "new_places"])) == (150, 100)
    assert (int(oek.loc["Aa", "credited"]), int(oek.loc["Aa", "shortfall"])) == (150, 50)
    asylum = res.municipalities.set_index("name")
    assert int(asylum.loc["Aa", "places"]) == 120
    cand = res.candidates.set_index("id")
    assert bool(cand.loc["aa-oek", "opened"]) and int(cand.loc["aa-oek", "places"]) == 100
    from planner.results.summary import plain_answer

    answer = " ".join(plain_answer(res, None, "nl"))
    assert "aa-oek in Aa (100 plekken voor Oekraïense ontheemden)" in answer


def test_oek_candidate_after_the_reference_date_does_not_count(ds) -> None:
    """Hengelo's Hazenweg 121 style: in use from 1 Sep 2026, after the OEK reference
    date 1 Jan 2025, so it cannot count for the obligation: Aa stays 150 short and the
    message says why."""
    res = solve_scenario(ds, Scenario(name="late", candidates=[_oek(start="2026-09-01")]))
    assert _levels(res)["oek_shortfall"] == 150
    assert not bool(res.candidates.set_index("id").loc["aa-oek", "opened"])
    assert any("OEK-peildatum 01-01-2025" in str(m) for m in res.messages)


def test_asylum_keeps_priority_under_a_shared_limit(ds) -> None:
    """An asylum candidate in Bee (0-50 places) and the OEK candidate in Aa (0-100) share
    max_new_places 60. Asylum first: Bee opens 50 (municipal shortfall 50 -> 0,
    provincial 30 -> 0), the OEK candidate gets the remaining 10 (Aa's OEK shortfall
    150 -> 140)."""
    sc = Scenario(
        name="shared",
        candidates=[
            _oek(),
            {"id": "bee-new", "municipality": "Bee", "max_places": 50, "start": "2025-01-01"},
        ],
        limits={"max_new_places": 60},
    )
    res = solve_scenario(ds, sc)
    lv = _levels(res)
    assert (lv["provincial_shortfall"], lv["municipal_shortfall"], lv["oek_shortfall"]) == (
        0,
        0,
        140,
    )
    cand = res.candidates.set_index("id")
    assert (int(cand.loc["bee-new", "places"]), int(cand.loc["aa-oek", "places"])) == (50, 10)


def test_must_open_and_minimum(ds) -> None:
    """A must-open OEK candidate with 30-100 places in Bee, which is not short (40 / 40):
    it opens with its minimum, 30 (new places cost), and the OEK shortfall stays 150."""
    sc = Scenario(
        name="must",
        candidates=[{"id": "bee-oek", "municipality": "Bee", "target_group": "oek",
                     "min_places": 30, "max_places": 100, "start": "2024-06-01",
                     "must_open": True}],
    )  # fmt: skip
    res = solve_scenario(ds, sc)
    assert int(res.candidates.set_index("id").loc["bee-oek", "places"]) == 30
    assert _levels(res)["oek_shortfall"] == 150
    assert int(res.oek.set_index("name").loc["Bee", "credited"]) == 70


def test_schema_of_oek_candidates() -> None:
    """``target_group: oek`` and ``programme: oek`` say the same; amv with oek, or an
    OEK extension of an asylum location, are refused; an asylum-only scenario hashes
    as before the key existed (the key is left out while unused)."""
    a = Scenario(name="a", candidates=[_oek()]).candidates[0]
    b = Scenario(name="b", candidates=[{**_oek(), "programme": "asiel", "target_group": "oek"}])
    assert (a.programme, a.target_group) == ("oek", "oek")
    assert b.candidates[0].programme == "oek"
    with pytest.raises(ValidationError, match="spreken elkaar tegen"):
        Scenario(name="c", candidates=[{**_oek(), "target_group": "amv"}])
    with pytest.raises(ValidationError, match="nieuwe locatie"):
        Scenario(name="d", candidates=[{"id": "x", "kind": "extend", "location": "aa-1",
                                        "programme": "oek"}])  # fmt: skip
    plain = Scenario(name="p", candidates=[{"id": "n", "municipality": "Aa", "max_places": 5,
                                            "start": "2025-01-01"}])  # fmt: skip
    assert '"programme"' not in plain.model_dump_json(exclude={"candidates": {"__all__": {
        "programme"}}})  # fmt: skip
    assert scenario_hash(plain) == scenario_hash(plain.model_copy())
    assert "oek_shortfall" not in plain.objective


def test_a_plan_over_the_years_leaves_oek_candidates_out(overijssel) -> None:
    """The plan over the years is the asylum model: an OEK candidate takes no part (it
    is named in a message), the OEK level is not among its levels, and the asylum
    candidate is planned as without it (Borne 10 places: provincial shortfall of cycle 1
    2,461 - 10 = 2,451)."""
    from planner.optimise.horizon import solve_horizon
    from planner.scenario.schema import parse_scenario

    sc = parse_scenario(
        {"name": "h", "horizon": {"start": "2025-07-01", "end": "2026-06-30"},
         "candidates": [
             {"id": "hengelo-oek", "municipality": "Hengelo", "programme": "oek",
              "max_places": 10, "start": "2024-11-01"},
             {"id": "borne", "municipality": "Borne", "max_places": 10, "start": "2025-06-01"},
         ]}
    )  # fmt: skip
    res = solve_horizon(overijssel, sc)
    levels = {lv.name: lv.value for lv in res.levels}
    assert "oek_shortfall@cycle-1" not in levels
    assert levels["provincial_shortfall@cycle-1"] == 2451
    assert res.candidates["id"].tolist() == ["borne"]
    assert any("hengelo-oek" in str(m) for m in res.messages)


def test_a_plan_over_the_years_leaves_swaps_across_programmes_out(overijssel) -> None:
    """With ``cross_programme: true`` (policy agreements: pairs within a region) the plan
    over the years proposes no swap at all: the cross arcs have an OEK leg it does not
    state, and they must not pass for plain asylum swaps (policy agreements proposes
    none). A message says so."""
    from planner.optimise.horizon import solve_horizon
    from planner.scenario.schema import parse_scenario

    sc = parse_scenario(
        {"name": "h", "horizon": {"start": "2025-07-01", "end": "2026-06-30"},
         "swaps": {"cross_programme": True}}
    )  # fmt: skip
    res = solve_horizon(overijssel, sc)
    levels = {lv.name: lv.value for lv in res.levels}
    assert levels["swap_volume"] == 0
    assert levels["provincial_shortfall@cycle-1"] == 2461
    assert any("plan over de jaren" in str(m) for m in res.messages)
