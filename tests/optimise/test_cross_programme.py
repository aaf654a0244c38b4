"""Swaps across programmes (asylum against OEK places), worked examples by hand."""

from __future__ import annotations

import pytest

from planner.data.loader import load_dataset
from planner.errors import InputError
from planner.optimise.solve import solve_scenario
from planner.scenario.schema import Scenario, parse_scenario
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


def _targets(aa: tuple[int, int], bee: tuple[int, int]) -> str:
    return (
        "id,programme,period,municipality,target,realised,reference_date,source\n"
        f"o1,oek,2025-01-01,Aa,{aa[0]},{aa[1]},2025-01-01,test\n"
        f"o2,oek,2025-01-01,Bee,{bee[0]},{bee[1]},2025-01-01,test\n"
    )


def _levels(result) -> dict[str, float]:
    return {lv.name: lv.value for lv in result.levels}


def test_optimiser_proposes_asylum_for_oek() -> None:
    """Aa: asylum 120 places for a quota of 100 (surplus 20), OEK 10 for 50 (short 40).
    Bee: asylum 0 for 50 (short 50), OEK 80 for 40 (surplus 40), like Borne (300 / 183).

    Without swaps across programmes: municipal shortfall 50 (Bee), provincial 150 - 120
    = 30. With them (rate 1) Aa gives its asylum surplus, 20, to Bee and Bee 20 OEK
    places to Aa: Bee's asylum shortfall 50 - 20 = 30, Aa's OEK shortfall 40 - 20 = 20,
    Bee keeps 80 - 20 = 60 >= 40 OEK places; the provincial shortfall stays 30."""
    ds = tables(municipalities=MUN, locations=LOC, programme_targets=_targets((50, 10), (40, 80)))
    plain = solve_scenario(ds, Scenario(name="plain"))
    assert _levels(plain)["municipal_shortfall"] == 50 and plain.cross_swaps is None
    res = solve_scenario(ds, Scenario(name="cross", swaps={"cross_programme": True}))
    lv = _levels(res)
    assert (lv["provincial_shortfall"], lv["municipal_shortfall"], lv["oek_shortfall"]) == (
        30,
        30,
        20,
    )
    # asylum first: the OEK level comes right after the asylum levels
    assert [x.name for x in res.levels][:4] == [
        "provincial_shortfall",
        "amv_shortfall",
        "municipal_shortfall",
        "oek_shortfall",
    ]
    swap = res.cross_swaps.iloc[0]
    assert (swap["host"], swap["to"], swap["places"], swap["counter_places"]) == (
        "Aa",
        "Bee",
        20,
        20,
    )
    assert swap["explanation"] == (
        "Bee telt 20 asielplekken in Aa, in ruil voor 20 plekken voor Oekraïense ontheemden in Bee"
    )
    oek = res.oek.set_index("name")
    assert int(oek.loc["Aa", "credited"]) == 30 and int(oek.loc["Bee", "credited"]) == 60
    asylum = res.municipalities.set_index("name")
    assert int(asylum.loc["Bee", "credited"]) == 20 and int(asylum.loc["Aa", "credited"]) == 100


def test_only_oek_surplus_is_swapped_and_the_rate_counts() -> None:
    """Bee has an OEK surplus of 45 - 40 = 5 only. At rate 1 the swap is bounded by it:
    5 asylum places for Bee. At rate 0.5 (half an OEK place per asylum place) the same
    surplus pays 10 asylum places: Bee's asylum shortfall 50 - 10 = 40, Aa's OEK
    shortfall 40 - 5 = 35."""
    ds = tables(municipalities=MUN, locations=LOC, programme_targets=_targets((50, 10), (40, 45)))
    one = solve_scenario(ds, Scenario(name="r1", swaps={"cross_programme": True}))
    assert _levels(one)["municipal_shortfall"] == 45 and _levels(one)["oek_shortfall"] == 35
    half = solve_scenario(ds, Scenario(name="r05", swaps={"cross_programme": True, "rate": 0.5}))
    assert _levels(half)["municipal_shortfall"] == 40 and _levels(half)["oek_shortfall"] == 35
    assert int(half.cross_swaps.iloc[0]["places"]) == 10


def test_the_scenario_may_put_oek_first() -> None:
    """With oek_shortfall first, the same answer here (the swap helps both), but the
    level order is the scenario's."""
    ds = tables(municipalities=MUN, locations=LOC, programme_targets=_targets((50, 10), (40, 80)))
    sc = Scenario(name="oek first", swaps={"cross_programme": True},
                  objective=["oek_shortfall", "municipal_shortfall"])  # fmt: skip
    res = solve_scenario(ds, sc)
    assert [x.name for x in res.levels][:2] == ["oek_shortfall", "municipal_shortfall"]
    assert _levels(res)["oek_shortfall"] == 20


def test_recorded_agreement_on_its_own() -> None:
    """A recorded agreement like Hengelo - Twenterand: Aa hosts 20 asylum places for Bee,
    Bee hosts 20 OEK places for Aa, agreed from 2025-01-01 (before the window start
    2025-07-01). No optimiser proposals (policy agreements, no cross_programme).
    Asylum: Aa 120 - 20 = 100 (shortfall 0), Bee 0 + 20 = 20 (shortfall 30); OEK: Aa
    10 + 20 = 30 (shortfall 20), Bee 80 - 20 = 60."""
    swaps = (
        "id,from_municipality,to_municipality,places,amv_places,start,end,status,"
        "counter_programme,counter_places,source\n"
        "aa-bee,Aa,Bee,20,0,2025-01-01,,agreed,oek,20,test\n"
    )
    ds = tables(municipalities=MUN, locations=LOC, swaps=swaps,
                programme_targets=_targets((50, 10), (40, 80)))  # fmt: skip
    res = solve_scenario(ds, Scenario(name="agreement"))
    asylum = res.municipalities.set_index("name")
    assert int(asylum.loc["Bee", "credited"]) == 20 and int(asylum.loc["Bee", "shortfall"]) == 30
    oek = res.oek.set_index("name")
    assert (int(oek.loc["Aa", "credited"]), int(oek.loc["Aa", "shortfall"])) == (30, 20)
    assert int(oek.loc["Bee", "credited"]) == 60
    row = res.cross_swaps.iloc[0]
    assert row["kind"] == "agreement"
    assert row["explanation"] == (
        "Bee telt 20 asielplekken in Aa, in ruil voor 20 plekken voor Oekraïense ontheemden in Bee"
    )
    assert "oek_shortfall" not in {x.name for x in res.levels}  # nothing to choose


@pytest.fixture(scope="module")
def overijssel_ds():
    return load_dataset()


def test_hengelo_twenterand_does_not_change_cycle_1(overijssel_ds) -> None:
    """The agreement starts in 2026, after cycle 1's window start (1 Jul 2025): even
    recorded as agreed it does not count, so the base answer stays 2,945 / 2,461
    (README) and no OEK leg is credited."""
    sc = parse_scenario(
        {
            "name": "hengelo-twenterand agreed",
            "swaps": {
                "register": [
                    {
                        "id": "hengelo-twenterand",
                        "from": "Hengelo",
                        "to": "Twenterand",
                        "places": 83,
                        "status": "agreed",
                        "start": "2026-01-01",
                        "counter_programme": "oek",
                        "counter_places": 83,
                    }  # fmt: skip
                ]
            },
        }
    )
    res = solve_scenario(overijssel_ds, sc)
    lv = _levels(res)
    assert (lv["municipal_shortfall"], lv["provincial_shortfall"]) == (2945, 2461)
    assert res.cross_swaps is None


def test_hengelo_twenterand_counts_from_its_start_in_a_later_window(overijssel_ds) -> None:
    """With a window starting 1 Sep 2026 (as cycle 2 might), the agreement is in force:
    Twenterand is credited 83 asylum places hosted in Hengelo and Hengelo 83 OEK places
    hosted in Twenterand. The explanation names both programmes."""
    sc = parse_scenario(
        {
            "name": "later window",
            "cycle": {"start": "2026-09-01", "end": "2027-02-01"},
            "swaps": {
                "register": [
                    {
                        "id": "hengelo-twenterand",
                        "from": "Hengelo",
                        "to": "Twenterand",
                        "places": 83,
                        "status": "agreed",
                        "start": "2026-01-01",
                        "counter_programme": "oek",
                        "counter_places": 83,
                    }  # fmt: skip
                ]
            },
        }
    )
    res = solve_scenario(overijssel_ds, sc)
    mun = res.municipalities.set_index("name")
    assert int(mun.loc["Twenterand", "swapped_in"]) == 83
    row = res.cross_swaps.set_index("id").loc["hengelo-twenterand"]
    assert row["explanation"] == (
        "Twenterand telt 83 asielplekken in Hengelo, in ruil voor 83 plekken voor "
        "Oekraïense ontheemden in Twenterand"
    )
    oek = res.oek.set_index("name")
    # 001 section 4: Hengelo 620 / 300 (+83 = 383), Twenterand 255 / 300 (-83 = 217)
    assert int(oek.loc["Hengelo", "credited"]) == 383
    assert int(oek.loc["Twenterand", "credited"]) == 217


def test_overijssel_swaps_across_programmes_within_regions(overijssel_ds) -> None:
    """Policy agreements with cross_programme: pairs within a region. Asylum surpluses
    (000 section 3 / 001 section 4): Twente Almelo 398 - 323 = 75, Rijssen-Holten
    250 - 230 = 20, Tubbergen 150 - 137 = 13, Hengelo 425 - 415 = 10 (118 in all);
    IJsselland Deventer 550 - 529 = 21 and Hardenberg 700 - 355 = 345. OEK surpluses of
    municipalities short of asylum places (001 section 4): Twente Borne 117, Hof van
    Twente 141, Haaksbergen 93, Twenterand 45, Wierden 39 (435 >= 118); IJsselland only
    Olst-Wijhe, 259 - 239 = 20. So 118 + 20 = 138 asylum places move: the municipal
    shortfall 2,945 - 138 = 2,807, the provincial one stays 2,461; every asylum giver is
    short of OEK places by more than it receives, so the OEK municipal shortfall falls
    from 2,633 to 2,633 - 138 = 2,495."""
    res = solve_scenario(overijssel_ds, Scenario(name="cross", swaps={"cross_programme": True}))
    lv = _levels(res)
    assert (lv["provincial_shortfall"], lv["municipal_shortfall"]) == (2461, 2807)
    assert lv["oek_shortfall"] == 2495
    assert int(res.cross_swaps["places"].sum()) == 138
    assert set(res.cross_swaps["to"]) <= {"Borne", "Hof van Twente", "Haaksbergen",
                                           "Twenterand", "Wierden", "Olst-Wijhe"}  # fmt: skip


def test_programmes_other_than_asylum_and_oek_are_refused() -> None:
    with pytest.raises(InputError) as err:
        swaps = {"cross_programme": True, "programmes": ["asiel", "statushouders"]}
        parse_scenario({"name": "x", "swaps": swaps})
    assert "programmes" in str(err.value)


def test_proposed_register_entry_across_programmes_at_its_own_rate() -> None:
    """A proposed record: Aa hosts up to 15 asylum places for Bee, Bee hosts 30 OEK
    places for Aa (2 per asylum place). Aa's asylum surplus is 20 and Bee's OEK surplus
    80 - 40 = 40 pays 20 at that rate, so all 15 are taken: Bee's asylum shortfall
    50 - 15 = 35, Aa's OEK 10 + 30 = 40 (shortfall 50 - 40 = 10), Bee's OEK 80 - 30 = 50."""
    ds = tables(municipalities=MUN, locations=LOC, programme_targets=_targets((50, 10), (40, 80)))
    sc = parse_scenario(
        {
            "name": "record",
            "swaps": {
                "register": [
                    {
                        "id": "aa-bee",
                        "from": "Aa",
                        "to": "Bee",
                        "places": 15,
                        "status": "proposed",
                        "counter_programme": "oek",
                        "counter_places": 30,
                    }
                ]  # fmt: skip
            },
        }
    )
    res = solve_scenario(ds, sc)
    assert _levels(res)["municipal_shortfall"] == 35
    oek = res.oek.set_index("name")
    assert (int(oek.loc["Aa", "credited"]), int(oek.loc["Bee", "credited"])) == (40, 50)
    assert res.cross_swaps.iloc[0]["explanation"] == (
        "Bee telt 15 asielplekken in Aa, in ruil voor 30 plekken voor Oekraïense ontheemden in Bee"
    )
