"""The matrix path builds the same model as the PuLP statement and gives the same answers."""

from __future__ import annotations

import math
from pathlib import Path

import pulp
import pytest
from hypothesis import HealthCheck, given, settings

from planner.optimise.instance import build_instance
from planner.optimise.matrix import build_matrix
from planner.optimise.model import create_model
from planner.optimise.solve import solve_scenario
from planner.scenario.schema import Scenario, load_scenario
from tests.optimise.test_properties import instances

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((REPO / "scenarios").glob("*.yaml"))


def pulp_rows(prob: pulp.LpProblem):
    """Rows of a PuLP problem as {name: (lower, upper, {column: coefficient})}."""
    out = {}
    for c in prob.constraints():  # a list in PuLP 3.3 (called) and 4
        rhs = -c.constant
        lo = rhs if c.sense in (pulp.LpConstraintGE, pulp.LpConstraintEQ) else -math.inf
        hi = rhs if c.sense in (pulp.LpConstraintLE, pulp.LpConstraintEQ) else math.inf
        out[c.name] = (lo, hi, {v.name: a for v, a in c.items() if a != 0})
    return out


def matrix_rows(mm):
    out = {}
    for i, name in enumerate(mm.row_names):
        a, b = mm.row_start[i], mm.row_start[i + 1]
        coefs = {
            mm.col_names[j]: v for j, v in zip(mm.row_index[a:b], mm.row_value[a:b], strict=True)
        }
        out[name] = (mm.row_lower[i], mm.row_upper[i], coefs)
    return out


def assert_same_model(inst) -> None:
    model = create_model(inst)
    mm = build_matrix(inst)
    cols = {v.name: v for v in model.prob.variables()}
    assert set(cols) == set(mm.col_names)
    for j, name in enumerate(mm.col_names):
        v = cols[name]
        lo = -math.inf if v.lowBound is None else v.lowBound
        hi = math.inf if v.upBound is None else v.upBound
        assert (lo, hi) == (mm.col_lower[j], mm.col_upper[j]), name
        assert (v.cat == pulp.LpInteger) == mm.integer[j], name
    assert pulp_rows(model.prob) == matrix_rows(mm)
    for level, expr in model.objectives.items():
        got = {mm.col_names[j]: c for j, c in mm.objectives[level].items() if c != 0}
        want = {v.name: a for v, a in expr.items() if a != 0}
        assert got == pytest.approx(want), level


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_same_model_and_answers_on_every_example_scenario(overijssel, path) -> None:
    sc = load_scenario(path, overijssel)
    assert_same_model(build_instance(overijssel, sc))
    a = solve_scenario(overijssel, sc, engine="pulp").to_dict()
    b = solve_scenario(overijssel, sc, engine="matrix").to_dict()
    for d in (a, b):
        for key in ("solve_seconds", "build_seconds", "engine"):
            d.pop(key)
    assert a == b


def test_same_model_with_limits_and_amv(overijssel) -> None:
    sc = Scenario(
        name="x",
        swaps={"policy": "province", "max_per_pair": 40, "max_in_per_municipality": 60},
        limits={"max_new_locations": 2, "max_new_places": 150, "max_cost": 400},
        candidates=[
            {"id": "a", "municipality": "Wierden", "target_group": "amv", "min_places": 10,
             "max_places": 30, "start": "2025-01-01", "must_open": True},
            {"id": "b", "municipality": "Hardenberg", "max_places": 100, "start": "2025-01-01",
             "cost": 2.5},
        ],
    )  # fmt: skip
    assert_same_model(build_instance(overijssel, sc))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_same_answers_on_random_instances(inst) -> None:
    from tests.conftest import tables

    munis, locs, cands, policy, max_pair, limit = inst
    ds = tables(municipalities=munis, locations=locs)
    sc = Scenario(name="h", candidates=cands, swaps={"policy": policy, "max_per_pair": max_pair},
                  limits={"max_new_locations": limit})  # fmt: skip
    assert_same_model(build_instance(ds, sc))
    a = solve_scenario(ds, sc, engine="pulp")
    b = solve_scenario(ds, sc, engine="matrix")
    assert [lv.value for lv in a.levels] == pytest.approx([lv.value for lv in b.levels])
