"""Later cycles' rules: durable places, a minimum size, types; cycles, quotas, overrides
and swaps per cycle. Small data folders written inline; expected values by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from planner.counting.count import Reason, cycle_report
from planner.counting.rules import CycleRules
from planner.data.loader import load_dataset
from planner.errors import InputError
from planner.formats import say

MUN = """\
code,name,region,province,source
GM0001,Aa,Noord,Testland,test
GM0002,Bee,Noord,Testland,test
"""
CYCLES = """\
id,name,window_start,window_end,require_decision,soft_plans_count,min_years,min_places,types,status,source
cycle-1,Een,2025-07-01,2026-02-01,yes,no,,,,decided,test
cycle-2,Twee,2027-07-01,2028-02-01,yes,no,5,100,regulier;TGO;amv,assumed,test
"""
QUOTAS = """\
cycle,municipality,quota,amv_quota,source
cycle-1,Aa,300,20,test
cycle-1,Bee,100,10,test
cycle-2,Aa,250,15,test
cycle-2,Bee,90,9,test
"""
# Aa:  a1 indefinite 150 regulier      -> counts in both
#      a2 ends 2030-01-01, 120 regulier -> cycle 1 yes; cycle 2 not durable: it must run
#         until 2027-07-01 + 5 y = 2032-07-01; 912 days short (2030-01-01 .. 2032-07-01)
#      a3 indefinite 40 TGO             -> cycle 1 yes; cycle 2 too small (40 < 100)
#      a4 indefinite 200 noodopvang     -> cycle 1 yes; cycle 2 type does not count
#      a5 n.n.t.b. beyond_minimum 110   -> cycle 1 yes; cycle 2 not durable (end unknown)
# Bee: b1 starts 2026-09-01, ends 2040, 130 regulier -> only cycle 2
LOC = """\
id,municipality,name,places,places_max,target_group,type,operator,start,end,end_unknown,decided,status,source,note
a1,Aa,Een,150,,asiel,regulier,COA,2020-01-01,onbepaald,,yes,existing,test,
a2,Aa,Twee,120,,asiel,regulier,COA,2020-01-01,2030-01-01,,yes,existing,test,
a3,Aa,Drie,40,,asiel,TGO,gemeente,2020-01-01,onbepaald,,yes,existing,test,
a4,Aa,Vier,200,,asiel,noodopvang,gemeente,2020-01-01,onbepaald,,yes,existing,test,
a5,Aa,Vijf,110,,asiel,regulier,COA,2020-01-01,n.n.t.b.,beyond_minimum,yes,existing,test,
b1,Bee,Een,130,,asiel,regulier,COA,2026-09-01,2040-01-01,,yes,existing,test,
"""


@pytest.fixture
def two_cycles(make_data):
    return load_dataset(make_data(municipalities=MUN, cycles=CYCLES, quotas=QUOTAS, locations=LOC))


def test_current_cycle_is_the_last_decided_one(two_cycles) -> None:
    assert two_cycles.current_cycle_id == "cycle-1"
    assert two_cycles.cycle_id == "cycle-1"
    assert two_cycles.municipalities.set_index("name").loc["Aa", "quota"] == 300


def test_rules_of_cycle_2(two_cycles) -> None:
    r = CycleRules.from_row(two_cycles.cycle("2"))
    assert (r.min_years, r.min_places, r.types, r.assumed) == (
        5, 100, ("regulier", "TGO", "amv"), True,
    )  # fmt: skip
    assert str(r.durable_until) == "2032-07-01"


def test_each_location_with_its_reason(two_cycles) -> None:
    one = cycle_report(two_cycles).locations.set_index("id")
    assert one["counts"].to_dict() == {
        "a1": True, "a2": True, "a3": True, "a4": True, "a5": True, "b1": False,
    }  # fmt: skip
    assert "durable_until" not in one  # cycle 1 has no such rule: its table is unchanged
    ds2 = two_cycles.for_cycle("cycle-2")
    two = cycle_report(ds2).locations.set_index("id")
    assert two["counts"].to_dict() == {
        "a1": True, "a2": False, "a3": False, "a4": False, "a5": False, "b1": True,
    }  # fmt: skip
    assert two.at["a2", "reasons"] == Reason.NOT_DURABLE
    assert two.at["a2", "durable_days_short"] == 912
    assert two.at["a2", "durable_until"] == pd.Timestamp("2032-07-01")
    assert "niet duurzaam: eindigt op 01-01-2030" in two.at["a2", "why"]
    assert "not durable: ends on 2030-01-01" in say(two.at["a2", "why"], "en")
    assert two.at["a3", "reasons"] == Reason.TOO_SMALL
    assert two.at["a4", "reasons"] == Reason.TYPE_NOT_COUNTED
    assert two.at["a5", "reasons"] == Reason.NOT_DURABLE


def test_cycle_2_table_uses_cycle_2_quotas(two_cycles) -> None:
    """Aa: 150 (a1) against 250 -> short 100; Bee: 130 (b1) against 90 -> 0."""
    rep = cycle_report(two_cycles.for_cycle("2"))
    m = rep.municipalities.set_index("name")
    assert (m.at["Aa", "quota"], m.at["Aa", "credited"], m.at["Aa", "shortfall"]) == (250, 150, 100)
    assert (m.at["Bee", "quota"], m.at["Bee", "shortfall"]) == (90, 0)
    # the rules alone select the quotas too
    rules = CycleRules.from_row(two_cycles.cycle("cycle-2"))
    assert int(cycle_report(two_cycles, rules).total["quota"]) == 340


def test_override_and_swap_apply_in_their_cycle_only(make_data) -> None:
    """An override for cycle 1 forces a2 to count there; in cycle 2 the rule decides. A
    swap of 50 Bee -> Aa agreed for cycle 2 only is credited in cycle 2 alone (its dates
    cover both windows)."""
    ov = (
        "id,target,target_id,counts,reason,source,cycle\n"
        "ov1,location,b1,yes,test,test,cycle-1\n"
        "ov2,location,a1,no,test,test,\n"
    )
    sw = (
        "id,from_municipality,to_municipality,places,amv_places,start,end,status,"
        "condition_municipality,condition_places,condition_date,counter_programme,"
        "counter_places,source,note,cycle\n"
        "s1,Bee,Aa,50,0,2024-01-01,2030-01-01,agreed,,,,,,test,,2\n"
    )
    ds = load_dataset(make_data(municipalities=MUN, cycles=CYCLES, quotas=QUOTAS,
                                locations=LOC, overrides=ov, swaps=sw))  # fmt: skip
    one = cycle_report(ds)
    two = cycle_report(ds.for_cycle("2"))
    assert one.locations.set_index("id").at["b1", "counts"]  # ov1
    assert not one.locations.set_index("id").at["a1", "counts"]  # ov2: every cycle
    assert not two.locations.set_index("id").at["a1", "counts"]
    assert ds.swaps.at[0, "cycle"] == "cycle-2"  # "2" is normalised to the id
    assert not one.swaps.at[0, "counts"] and one.swaps.at[0, "reasons"] == "other_cycle"
    assert two.swaps.at[0, "counts"]


def test_legacy_folder_quotas_in_municipalities(make_data) -> None:
    """The old layout (quotas in municipalities.csv, no quotas.csv, a cycles.csv without
    the new columns) loads: the quotas are the first cycle's."""
    ds = load_dataset(make_data())
    assert list(ds.quotas["cycle"].unique()) == ["c1"]
    assert int(ds.quotas["quota"].sum()) == 230
    assert CycleRules.from_row(ds.cycle()).status == "decided"


@pytest.mark.parametrize(
    ("quotas", "expected"),
    [
        (
            QUOTAS.replace("cycle-2,Bee,90", "cycle-2,Be,90"),
            ["unknown municipality 'Be'", "did you mean 'Bee'", "no quota for Bee in cycle-2"],
        ),
        (QUOTAS + "cycle-2,Aa,1,0,test\n", ["a second quota for Aa in cycle-2"]),
        (QUOTAS.replace("cycle-2,Aa,250,15", "cycle-2,Aa,10,15"), ["amv_quota 15 is larger"]),
        (QUOTAS.replace("cycle-2,Aa,250", "cycle-3,Aa,250"), ["unknown cycle 'cycle-3'"]),
        (QUOTAS.replace("cycle-2,Aa,250", "cycle-2,Aa,-5"), ["must be 0 or more"]),
    ],
)
@pytest.mark.usefixtures("english")
def test_bad_quotas_are_named(make_data, quotas, expected) -> None:
    folder = make_data(municipalities=MUN, cycles=CYCLES, quotas=quotas, locations=LOC)
    with pytest.raises(InputError) as exc:
        load_dataset(folder)
    text = str(exc.value)
    assert "quotas.csv" in text
    for part in expected:
        assert part in text


@pytest.mark.usefixtures("english")
def test_cycle_without_quotas_says_how_to_import(make_data) -> None:
    only_1 = "".join(line for line in QUOTAS.splitlines(True) if not line.startswith("cycle-2"))
    ds = load_dataset(make_data(municipalities=MUN, cycles=CYCLES, quotas=only_1, locations=LOC))
    with pytest.raises(InputError) as exc:
        ds.for_cycle("2")
    assert "planner quotas import FILE --cycle cycle-2" in str(exc.value)


@pytest.mark.usefixtures("english")
def test_bad_types_cell(make_data) -> None:
    bad = CYCLES.replace("regulier;TGO;amv", "regulier;azc")
    with pytest.raises(InputError) as exc:
        load_dataset(make_data(municipalities=MUN, cycles=bad, quotas=QUOTAS, locations=LOC))
    assert "unknown location type 'azc'" in str(exc.value)


def test_bundled_cycles() -> None:
    """Cycle 2 of the bundled data is assumed; its quotas are cycle 1's x 88/96 by
    largest remainder (6,325 -> 5,798; 538 -> 493)."""
    ds = load_dataset()
    assert ds.current_cycle_id == "cycle-1"
    q = ds.quotas.groupby("cycle")[["quota", "amv_quota"]].sum()
    assert q.loc["cycle-1"].tolist() == [6325, 538]
    assert q.loc["cycle-2"].tolist() == [5798, 493]
    assert CycleRules.from_row(ds.cycle("2")).assumed
