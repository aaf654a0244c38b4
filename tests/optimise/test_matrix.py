"""The model is stated once; the PuLP problem generated from it gives the arrays' answers.

:mod:`planner.optimise.model` writes the arrays HiGHS solves; :func:`to_pulp` generates the
PuLP problem (for CBC and LP files) from them. These tests check the generic conversion
(every column, bound and row carried over), that both give the same answers on every
example scenario and on random instances, and that an LP file names business objects.
"""

from __future__ import annotations

import math
from pathlib import Path

import pulp
import pytest
from hypothesis import HealthCheck, given, settings

from planner.optimise.instance import build_instance
from planner.optimise.matrix import Expr, MatrixModel, to_pulp, total
from planner.optimise.model import build_matrix
from planner.optimise.solve import solve_scenario
from planner.scenario.schema import Scenario, load_scenario
from tests.optimise.test_properties import instances

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((REPO / "scenarios").glob("*.yaml"))


def pulp_rows(prob: pulp.LpProblem):
    """Rows of a PuLP problem as {name: (lower, upper, {column: coefficient})}."""
    out = {}
    for c in prob.constraints():
        rhs = -c.constant
        lo = rhs if c.sense in (pulp.LpConstraintGE, pulp.LpConstraintEQ) else -math.inf
        hi = rhs if c.sense in (pulp.LpConstraintLE, pulp.LpConstraintEQ) else math.inf
        out[c.name] = (lo, hi, {v.name: a for v, a in c.items() if a != 0})
    return out


def matrix_rows(mm):
    out = {}
    for i, name in enumerate(mm.row_names):
        coefs = {mm.col_names[j]: v for j, v in mm.row(i).items()}
        out[name] = (mm.row_lower[i], mm.row_upper[i], coefs)
    return out


def assert_same_model(mm: MatrixModel) -> None:
    prob, cols, rows = to_pulp(mm)
    assert [v.name for v in cols] == mm.col_names
    for j, v in enumerate(cols):
        lo = -math.inf if v.lowBound is None else v.lowBound
        hi = math.inf if v.upBound is None else v.upBound
        assert (lo, hi) == (mm.col_lower[j], mm.col_upper[j]), v.name
        assert (v.cat == pulp.LpInteger) == mm.integer[j], v.name
    assert pulp_rows(prob) == matrix_rows(mm)


def test_builder_expressions() -> None:
    """``2 y + z - 3 <= z + 1`` is the row ``2 y <= 4`` (z cancels, constants move)."""
    mm = MatrixModel()
    y = mm.var("open:a", "open_a", 0, 1, integer=True)
    z = mm.var("places:a", "places_a", 0, 10, integer=True)
    i = mm.add(2 * y + z - 3 <= z + 1, "r")
    assert mm.row(i) == {0: 2.0} and (mm.row_lower[i], mm.row_upper[i]) == (-math.inf, 4.0)
    i = mm.add(total([y, z, y]) == 5, "s")
    assert mm.row(i) == {0: 2.0, 1: 1.0} and (mm.row_lower[i], mm.row_upper[i]) == (5.0, 5.0)
    assert mm.binaries == [0] and isinstance(y - z, Expr)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_same_model_and_answers_on_every_example_scenario(overijssel, path) -> None:
    sc = load_scenario(path, overijssel)
    assert_same_model(build_matrix(build_instance(overijssel, sc)))
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
    mm = build_matrix(build_instance(overijssel, sc))
    assert_same_model(mm)
    assert {"limit_new_locations", "limit_new_places", "limit_cost", "must_open_a"} <= set(mm.hard)
    a = solve_scenario(overijssel, sc, engine="pulp")
    b = solve_scenario(overijssel, sc, engine="matrix")
    assert [lv.value for lv in a.levels] == pytest.approx([lv.value for lv in b.levels])


def test_lp_file_names_business_objects(overijssel, tmp_path) -> None:
    """The LP file written from the generated PuLP problem names candidates,
    municipalities and their rules."""
    sc = load_scenario(REPO / "scenarios" / "borne-opens.yaml", overijssel)
    prob, _, _ = to_pulp(build_matrix(build_instance(overijssel, sc)))
    path = tmp_path / "model.lp"
    prob.writeLP(str(path))
    text = path.read_text()
    for name in ("places_borne_new", "open_borne_new", "cap_borne_new_lower", "quota_Zwolle",
                 "shortfall_Borne", "province_quota_Overijssel", "own_Borne"):  # fmt: skip
        assert name in text, name


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_same_answers_on_random_instances(inst) -> None:
    from tests.conftest import tables

    munis, locs, cands, policy, max_pair, limit = inst
    ds = tables(municipalities=munis, locations=locs)
    sc = Scenario(name="h", candidates=cands, swaps={"policy": policy, "max_per_pair": max_pair},
                  limits={"max_new_locations": limit})  # fmt: skip
    assert_same_model(build_matrix(build_instance(ds, sc)))
    a = solve_scenario(ds, sc, engine="pulp")
    b = solve_scenario(ds, sc, engine="matrix")
    assert a.status == b.status
    assert [lv.value for lv in a.levels] == pytest.approx([lv.value for lv in b.levels])


def test_to_pulp_splits_a_ranged_row() -> None:
    """A row with two finite bounds becomes ``<name>_lo`` and ``<name>_hi``. With
    ``2 <= x + y <= 3``, x whole in [0, 5] and y in [0, 0.5]: minimising ``-x`` gives
    -3 (x = 3, y = 0: the upper bound holds); minimising ``x + y`` gives 2 (the lower
    bound holds)."""
    from planner.optimise.levels import PulpLevels, Status, solve_levels

    mm = MatrixModel()
    x = mm.var("x", "x", 0, 5, integer=True)
    y = mm.var("y", "y", 0, 0.5)
    mm.add(ranged(x + y, 2, 3), "r")
    prob, _, _ = to_pulp(mm)
    assert sorted(c.name for c in prob.constraints()) == ["r_hi", "r_lo"]
    mm.objective("neg_x", -1 * x)
    mm.objective("sum", x + y)
    run = solve_levels(PulpLevels(mm, "highs"), mm, ["neg_x"], 10)
    assert run.status is Status.OPTIMAL and run.levels[0].value == pytest.approx(-3)
    run = solve_levels(PulpLevels(mm, "highs"), mm, ["sum"], 10)
    assert run.levels[0].value == pytest.approx(2)


def ranged(expr, lower: float, upper: float):
    """``lower <= expr <= upper`` (the model itself has no such row)."""
    from planner.optimise.matrix import Constraint

    return Constraint(dict(expr.terms), lower - expr.const, upper - expr.const)
