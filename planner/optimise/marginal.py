"""Marginal values: what one more place (or amv place) in a municipality is worth.

The LP keeps the MILP's binary choices (which candidates open, who gives) and relaxes
whole numbers. With HiGHS the effect is measured by re-solving with one more place; with
CBC alone it is read from LP duals. Every re-solve checks its status: a municipality
whose re-solve fails gets no value (NaN) and a message says so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from planner.optimise.levels import HighsLevels, PulpLevels, Status, pulp_solver, pulp_status
from planner.optimise.matrix import MatrixModel

__all__ = ["SHORTFALL_LEVELS", "marginal_values_highs", "marginal_values_pulp"]

SHORTFALL_LEVELS = ("provincial_shortfall", "amv_shortfall", "municipal_shortfall")


def _fixed_binaries(mm: MatrixModel, x: np.ndarray) -> list[tuple[int, float]]:
    return [(j, float(round(x[j]))) for j in mm.binaries]


def marginal_values_highs(
    mm: MatrixModel, x: np.ndarray, levels: list[str], names: list[str],
    messages: list[str] | None = None,
) -> pd.DataFrame:  # fmt: skip
    """The effect of one more place (and one more amv place) per municipality.

    For each shortfall level the LP is solved once, then once more per municipality
    with one more own place (for an amv place: one more own and own amv place),
    warm-started from the previous basis. The difference of the optima is the marginal
    value: exact for one extra place, and unambiguous where an LP dual is not (a
    municipality exactly at its quota has a different effect for a place more than for
    a place less).

    The provincial level needs no re-solve: every own place of a municipality sits in
    its province's row with coefficient 1 and nothing else bounds it, so one more place
    lowers the provincial shortfall by exactly 1 while the province is short, else 0.
    """
    import highspy

    n = mm.num_col
    out = pd.DataFrame(index=names)
    wanted = [lv for lv in levels if lv in SHORTFALL_LEVELS and mm.objectives[lv]]
    if "provincial_shortfall" in wanted:
        short = {
            p: x[mm.key[f"province_shortfall:{p}"]] > 0.5 for p in set(mm.province_of.values())
        }
        col = [1.0 if short.get(mm.province_of.get(m), False) else 0.0 for m in names]
        out["provincial_shortfall"] = col
        out["amv_provincial_shortfall"] = col
    lp_levels = [lv for lv in wanted if lv != "provincial_shortfall"]
    if not lp_levels:
        return out
    b = HighsLevels(mm)
    h = b.h
    for j, v in _fixed_binaries(mm, x):
        h.changeColBounds(j, v, v)
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), [highspy.HighsVarType.kContinuous] * n)
    failed = 0
    for name in lp_levels:
        b.set_objective(mm.objectives[name])
        status, _ = b.run(60.0)
        if status is not Status.OPTIMAL:
            failed += len(names)
            out[name] = out[f"amv_{name}"] = np.nan
            continue
        base = b.objective_value()
        place, amv_place = [], []
        for m in names:
            i, k = mm.own_rows[m], mm.own_amv_rows[m]
            lo_i, lo_k = mm.row_lower[i], mm.row_lower[k]
            h.changeRowBounds(i, lo_i + 1, lo_i + 1)
            st, _ = b.run(60.0)
            ok = st is Status.OPTIMAL
            place.append(base - b.objective_value() if ok else np.nan)
            h.changeRowBounds(k, lo_k + 1, lo_k + 1)
            st, _ = b.run(60.0)
            ok_amv = st is Status.OPTIMAL
            amv_place.append(base - b.objective_value() if ok_amv else np.nan)
            failed += (not ok) + (not ok_amv)
            h.changeRowBounds(i, lo_i, lo_i)
            h.changeRowBounds(k, lo_k, lo_k)
        out[name] = place
        out[f"amv_{name}"] = amv_place
    if failed and messages is not None:
        from planner.i18n import t

        messages.append(t("marginal_failed", "en", count=failed))
    return out.round(6) + 0.0


def marginal_values_pulp(
    mm: MatrixModel, x: np.ndarray, levels: list[str], names: list[str], solver: str
) -> pd.DataFrame:
    """Duals of the own-places rows in the LP with the binary choices fixed.

    The generated PuLP problem gets its binaries (open, gives) fixed at the MILP answer
    and its whole numbers relaxed. For each shortfall level an LP minimises that level
    alone; the dual of ``own_<m>`` is the change of that level per extra place in m,
    and ``own_amv_<m>`` adds the effect of the place being amv. (Bounding the earlier
    levels at their optimum would make the duals meaningless: one place less would
    then be infeasible, not worse.) For a municipality exactly at its quota a dual may
    lie anywhere between the effect of a place more and a place less.
    """
    import pulp

    b = PulpLevels(mm, solver, mip=False)
    for j, v in _fixed_binaries(mm, x):
        b.cols[j].lowBound = b.cols[j].upBound = v
    for v in b.cols:
        v.cat = pulp.LpContinuous
    out = pd.DataFrame(index=names)
    for name in levels:
        obj = mm.objectives[name]
        if name not in SHORTFALL_LEVELS or not obj:
            continue
        b.set_objective(obj)
        b.prob.solve(pulp_solver(solver, 60.0, mip=False))
        if pulp_status(b.prob)[0] is Status.OPTIMAL:
            own = np.array([-(b.rows[mm.own_rows[n]].pi or 0.0) for n in names])
            amv = np.array([-(b.rows[mm.own_amv_rows[n]].pi or 0.0) for n in names])
            out[name] = own
            out[f"amv_{name}"] = own + amv
    return out.round(6) + 0.0
