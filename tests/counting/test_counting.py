"""Counting rules on small worked examples; expected values computed in the docstrings."""

from __future__ import annotations

from datetime import date

from planner.counting.count import Reason, cycle_report, evaluate_locations
from planner.counting.rules import CycleRules
from planner.data.loader import load_dataset
from planner.formats import say

HEADER = (
    "id,municipality,name,places,places_max,target_group,type,operator,start,end,"
    "end_unknown,decided,status,source,note\n"
)
RULES = CycleRules(window_start=date(2025, 7, 1), window_end=date(2026, 2, 1))


def test_each_rule_and_its_reason(make_data) -> None:
    """Window 1 Jul 2025 - 1 Feb 2026, decision required.

    in-window    start 01-07-2025 (= window start), end 01-02-2026 (= window end): counts
    late         starts 02-07-2025: 1 day after the window start
    short        ends 31-01-2026: 1 day before the window end
    undecided    decision not taken
    unknown-end  end n.n.t.b., no clarity                 -> does not count
    beyond       end n.n.t.b., known to be beyond minimum -> counts
    no-start     start n.n.t.b.
    """
    rows = """\
in-window,Aa,X,10,,asiel,regulier,COA,01-07-2025,01-02-2026,,yes,existing,t,
late,Aa,X,10,,asiel,regulier,COA,02-07-2025,,,yes,existing,t,
short,Aa,X,10,,asiel,regulier,COA,01-01-2020,31-01-2026,,yes,existing,t,
undecided,Aa,X,10,,asiel,regulier,COA,01-01-2020,,,no,planned,t,
unknown-end,Aa,X,10,,asiel,regulier,COA,01-01-2020,n.n.t.b.,unknown,yes,existing,t,
beyond,Aa,X,10,,asiel,regulier,COA,01-01-2020,n.n.t.b.,beyond_minimum,yes,existing,t,
no-start,Aa,X,10,,asiel,regulier,COA,n.n.t.b.,,,yes,planned,t,
"""
    ds = load_dataset(make_data(locations=HEADER + rows))
    ev = evaluate_locations(ds.locations, ds.overrides, RULES).set_index("id")
    assert ev["counts"].to_dict() == {
        "in-window": True,
        "late": False,
        "short": False,
        "undecided": False,
        "unknown-end": False,
        "beyond": True,
        "no-start": False,
    }
    assert ev.loc["late", "reasons"] == Reason.STARTS_AFTER and ev.loc["late", "days_late"] == 1
    assert ev.loc["short", "reasons"] == Reason.ENDS_BEFORE
    assert ev.loc["short", "days_short"] == 1
    assert ev.loc["undecided", "reasons"] == Reason.NO_DECISION
    assert ev.loc["unknown-end", "reasons"] == Reason.END_UNKNOWN
    assert ev.loc["no-start", "reasons"] == Reason.START_UNKNOWN
    # 02-07-2025 is one day after 01-07-2025: singular "dag", and the English text
    # is built from the same fields.
    assert "1 dag na het begin van de periode" in ev.loc["late", "why"]
    assert "1 day after the window start" in say(ev.loc["late", "why"], "en")


def test_decision_rule_is_a_parameter(make_data) -> None:
    """Without the decision requirement the undecided location counts."""
    rows = "u,Aa,X,10,,asiel,regulier,COA,01-01-2020,,,no,planned,t,\n"
    ds = load_dataset(make_data(locations=HEADER + rows))
    relaxed = RULES.model_copy(update={"require_decision": False})
    assert not evaluate_locations(ds.locations, ds.overrides, RULES)["counts"].iloc[0]
    assert evaluate_locations(ds.locations, ds.overrides, relaxed)["counts"].iloc[0]


def test_override_replaces_the_rule_and_says_so(make_data) -> None:
    rows = "short,Aa,X,10,,asiel,regulier,COA,01-01-2020,01-09-2025,,yes,existing,t,\n"
    overrides = "id,target,target_id,counts,reason,source\no1,location,short,yes,moves on,t\n"
    ds = load_dataset(make_data(locations=HEADER + rows, overrides=overrides))
    rep = cycle_report(ds, RULES)
    loc = rep.locations.iloc[0]
    assert loc["counts"] and not loc["rule_counts"]
    assert loc["override_id"] == "o1"
    ov = rep.overrides
    assert list(ov["id"]) == ["short"] and not ov["rule_counts"].iloc[0]
    assert "eindigt 01-09-2025" in ov["rule_why"].iloc[0]


def test_aggregates_with_swaps_and_amv(make_data) -> None:
    """Three municipalities, quotas Aa 100/10, Bee 50/5, Cee 80/8 (total 230/23).

    Aa hosts 120 (20 amv); Bee hosts 30; Cee hosts 0. An agreement credits 15 of Aa's
    places to Bee, and 40 places hosted in Dronten (outside the province) to Cee.

    credited: Aa 120-15 = 105, Bee 30+15 = 45, Cee 0+40 = 40
    shortfall: Aa 0, Bee 5, Cee 40          -> sum of municipal shortfalls 45
    province credited 105+45+40 = 190 (own 150 + 40 from outside) -> shortfall 230-190 = 40
    amv: Aa 20 >= 10; Bee 0 < 5; Cee 0 < 8  -> amv shortfall 23-20 = 3, municipal sum 13
    regions: Noord (Aa, Bee) quota 150, credited 150, shortfall 0, municipal 5;
             Zuid (Cee) quota 80, credited 40, shortfall 40.
    """
    locations = HEADER + (
        "a1,Aa,X,100,,asiel,regulier,COA,01-01-2020,,,yes,existing,t,\n"
        "a2,Aa,X,20,,amv,amv,COA,01-01-2020,,,yes,existing,t,\n"
        "b1,Bee,X,30,,asiel,TGO,gemeente,01-01-2020,,,yes,existing,t,\n"
    )
    swaps = (
        "id,from_municipality,to_municipality,places,amv_places,start,end,status,source\n"
        "s1,Aa,Bee,15,0,2024-01-01,2027-01-01,agreed,t\n"
        "s2,Dronten,Cee,40,0,2024-01-01,2027-01-01,locked,t\n"
        "s3,Aa,Cee,50,0,2024-01-01,2027-01-01,proposed,t\n"
    )
    population = "code,name,population_2024\nGM0303,Dronten,44354\n"
    ds = load_dataset(make_data(locations=locations, swaps=swaps, cbs_gemeenten_2024=population))
    rep = cycle_report(ds, RULES)
    m = rep.municipalities.set_index("name")
    assert m["credited"].to_dict() == {"Aa": 105, "Bee": 45, "Cee": 40}
    assert m["shortfall"].to_dict() == {"Aa": 0, "Bee": 5, "Cee": 40}
    assert m["amv_shortfall"].to_dict() == {"Aa": 0, "Bee": 5, "Cee": 8}
    assert rep.total["credited"] == 190 and rep.total["shortfall"] == 40
    assert rep.total["municipal_shortfall"] == 45
    assert rep.total["amv_shortfall"] == 3 and rep.total["amv_municipal_shortfall"] == 13
    r = rep.regions.set_index("region")
    assert r.loc["Noord", "shortfall"] == 0 and r.loc["Noord", "municipal_shortfall"] == 5
    assert r.loc["Zuid", "shortfall"] == 40
    sw = rep.swaps.set_index("id")
    assert sw.loc["s3", "reasons"] == Reason.NOT_AGREED


def test_swap_condition_is_checked_against_the_locations(make_data) -> None:
    """A swap conditional on Bee having 40 own places in use on 01-10-2025.

    Bee has 30 places in use then, so the condition is not met and the swap does not
    count; with a second location of 10 places from 01-10-2025 it is met.
    """
    base = HEADER + "b1,Bee,X,30,,asiel,TGO,gemeente,01-01-2020,,,yes,existing,t,\n"
    swaps = (
        "id,from_municipality,to_municipality,places,amv_places,start,end,status,"
        "condition_municipality,condition_places,condition_date,source\n"
        "s1,Aa,Bee,15,0,2024-01-01,2027-01-01,agreed,Bee,40,01-10-2025,t\n"
    )
    rep = cycle_report(load_dataset(make_data(locations=base, swaps=swaps)), RULES)
    assert rep.swaps.loc[0, "condition_state"] == "not_met"
    assert not rep.swaps.loc[0, "counts"]
    more = base + "b2,Bee,Y,10,,asiel,TGO,gemeente,01-10-2025,01-05-2026,,yes,planned,t,\n"
    rep = cycle_report(load_dataset(make_data(locations=more, swaps=swaps)), RULES)
    assert rep.swaps.loc[0, "condition_state"] == "met" and rep.swaps.loc[0, "counts"]


def test_soft_plans_count_at_lower_bound_only_when_the_rules_say_so(make_data) -> None:
    """Soft plans: Bee 20-30 (counted at 20), Cee capacity unknown (0), Cee 5 amv.

    Without soft plans Bee has 0; with them Bee 20, Cee 5 (5 amv): total +25.
    A soft plan tied to a location that already counts is not added twice.
    """
    soft = (
        "id,municipality,places,places_max,target_group,start,end,decided,location_id,source\n"
        "p1,Bee,20,30,asiel,n.n.t.b.,n.n.t.b.,no,,t\n"
        "p2,Cee,,,asiel,n.n.t.b.,n.n.t.b.,no,,t\n"
        "p3,Cee,5,,amv,n.n.t.b.,n.n.t.b.,no,,t\n"
        "p4,Aa,50,,asiel,n.n.t.b.,n.n.t.b.,no,aa-1,t\n"
    )
    ds = load_dataset(make_data(soft_plans=soft))
    base = cycle_report(ds, RULES)
    with_sp = cycle_report(ds, RULES.model_copy(update={"soft_plans_count": True}))
    assert base.total["credited"] == 120 and base.total["soft_plans"] == 75
    assert with_sp.total["credited"] == 145
    m = with_sp.municipalities.set_index("name")
    assert m.loc["Bee", "places"] == 20 and m.loc["Cee", "amv_places"] == 5
