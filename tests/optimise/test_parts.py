"""Independent parts of a model are solved apart with the answer of the whole.

When swaps stay inside provinces and no limit spans provinces, each province is a
problem of its own (:func:`planner.optimise.matrix.components`); the levels are sums, so
solving the provinces apart (:func:`planner.optimise.levels.solve_levels_by_part`) gives
the levels and the answer of the whole model. Marginal values are checked the same way,
and their shortcuts (duals, ranging) against re-solving every one.
"""

from __future__ import annotations

import numpy as np
import pytest

from planner.data.loader import load_dataset
from planner.data.national import SCENARIO_FILE, generate_country, write_country
from planner.optimise.instance import build_instance
from planner.optimise.levels import HighsLevels, Status, solve_levels, solve_levels_by_part
from planner.optimise.marginal import marginal_values_highs
from planner.optimise.matrix import components, split
from planner.optimise.model import build_matrix
from planner.scenario.schema import Scenario, load_scenario
from tests.conftest import LOC_HEADER, tables

TWO = """\
code,name,region,province,quota,amv_quota,source
GM0001,Aa,Noord,Een,100,10,t
GM0002,Bee,Noord,Een,100,10,t
GM0003,Cee,Zuid,Twee,100,10,t
GM0004,Dee,Zuid,Twee,100,10,t
"""
PLACES = (
    LOC_HEADER
    + """\
a1,Aa,X,150,,asiel,regulier,COA,2020-01-01,,,yes,existing,t,
c1,Cee,X,130,,asiel,regulier,COA,2020-01-01,,,yes,existing,t,
"""
)
CANDS = [
    {"id": "b-new", "municipality": "Bee", "max_places": 40, "start": "2025-01-01"},
    {"id": "d-new", "municipality": "Dee", "max_places": 40, "start": "2025-01-01"},
]


def province_of_columns(mm, cols) -> set[str]:
    """The provinces a part's municipality columns belong to."""
    return {
        mm.province_of[mm.col_names[j].removeprefix("own_")]
        for j in cols
        if mm.col_names[j].startswith("own_") and not mm.col_names[j].startswith("own_amv")
    }


def test_provinces_are_parts_unless_a_limit_joins_them() -> None:
    """Two provinces (Aa, Bee in Een; Cee, Dee in Twee), swaps within the province:
    two parts, one per province (besides small parts of amv columns that nothing
    links to the rest, such as a municipality without amv options). A limit on the
    number of new locations counts the candidates of both provinces in one row: one
    part."""
    ds = tables(municipalities=TWO, locations=PLACES)
    sc = Scenario(name="x", candidates=CANDS, swaps={"policy": "province"})
    mm = build_matrix(build_instance(ds, sc))
    parts = [cols for cols, _ in components(mm, min_size=1)]
    provinces = sorted(tuple(sorted(province_of_columns(mm, c))) for c in parts)
    assert [p for p in provinces if p] == [("Een",), ("Twee",)]
    sc = Scenario(name="x", candidates=CANDS, swaps={"policy": "province"},
                  limits={"max_new_locations": 1})  # fmt: skip
    mm = build_matrix(build_instance(ds, sc))
    provinces = [province_of_columns(mm, c) for c, _ in components(mm, min_size=1)]
    assert [p for p in provinces if p] == [{"Een", "Twee"}]


def test_parts_give_the_levels_of_the_whole_by_hand() -> None:
    """Een: Aa 50 over, Bee 100 short with a 40-place candidate: Bee opens 40 and gets
    Aa's 50: Bee short 10. Twee: Cee 30 over, Dee 100 short, opens 40 and gets 30: short
    30. Provincial: Een 200 - 190 = 10, Twee 200 - 170 = 30: 40; municipal 10 + 30 = 40;
    new places 80; swap volume 80 (the amv sub-quota of 10 each is not met by anyone:
    amv shortfall 40)."""
    ds = tables(municipalities=TWO, locations=PLACES)
    sc = Scenario(name="x", candidates=CANDS, swaps={"policy": "province"})
    mm = build_matrix(build_instance(ds, sc))
    levels = [*sc.objective, "tie_break"]
    parts = split(mm, min_size=1)
    assert len(parts) >= 2
    by_part = solve_levels_by_part(mm, levels, 60, parts)
    whole = solve_levels(HighsLevels(mm), mm, levels, 60)
    got = {lv.name: lv.value for lv in by_part.levels}
    assert got["provincial_shortfall"] == 40 and got["municipal_shortfall"] == 40
    assert got["amv_shortfall"] == 40 and got["new_places"] == 80 and got["swap_volume"] == 80
    assert by_part.status is whole.status is Status.OPTIMAL
    assert [lv.value for lv in by_part.levels] == pytest.approx([lv.value for lv in whole.levels])
    assert np.array_equal(np.round(by_part.x), np.round(whole.x))


@pytest.fixture(scope="module")
def small_country(tmp_path_factory):
    """The national generator at small size: 60 municipalities in 3 provinces."""
    folder = tmp_path_factory.mktemp("country")
    write_country(generate_country(seed=3, municipalities=60, provinces=3), folder)
    ds = load_dataset(folder)
    return ds, load_scenario(folder / SCENARIO_FILE, ds)


def test_decomposed_equals_monolithic_on_a_small_country(small_country) -> None:
    ds, sc = small_country
    inst = build_instance(ds, sc)
    mm = build_matrix(inst)
    levels = [*sc.objective, "tie_break"]
    parts = split(mm)
    assert len(parts) > 1
    by_part = solve_levels_by_part(mm, levels, 120, parts)
    whole = solve_levels(HighsLevels(mm), mm, levels, 120)
    assert by_part.status is whole.status is Status.OPTIMAL
    assert [lv.value for lv in by_part.levels] == pytest.approx([lv.value for lv in whole.levels])
    assert np.array_equal(np.round(by_part.x), np.round(whole.x))  # whole places, swaps
    names = list(inst.municipalities["name"])
    fast = marginal_values_highs(mm, whole.x, list(sc.objective), names, parts=parts)
    one = marginal_values_highs(
        mm, whole.x, list(sc.objective), names, parts=[(list(range(mm.num_col)), mm)]
    )
    slow = marginal_values_highs(mm, whole.x, list(sc.objective), names, resolve_all=True)
    assert not fast.isna().any().any()
    assert fast.equals(one) and fast.equals(slow)


def test_marginal_shortcuts_equal_resolves_on_the_examples(overijssel) -> None:
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml")):
        sc = load_scenario(path, overijssel)
        inst = build_instance(overijssel, sc)
        mm = build_matrix(inst)
        run = solve_levels_by_part(mm, [*sc.objective, "tie_break"], 60)
        names = list(inst.municipalities["name"])
        fast = marginal_values_highs(mm, run.x, list(sc.objective), names)
        slow = marginal_values_highs(mm, run.x, list(sc.objective), names, resolve_all=True)
        assert fast.equals(slow), path.stem
