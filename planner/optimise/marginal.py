"""Marginal values: what one more place (or amv place) in a municipality is worth.

The LP keeps the MILP's binary choices (which candidates open, who gives) and relaxes
whole numbers. With HiGHS the effect is measured by re-solving with one more place; with
CBC alone it is read from LP duals. Every re-solve checks its status: a municipality
whose re-solve fails gets no value (NaN) and a message says so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from planner.i18n import t
from planner.optimise.levels import HighsLevels, PulpLevels, Status
from planner.optimise.matrix import MatrixModel, split

__all__ = ["SHORTFALL_LEVELS", "marginal_values_highs", "marginal_values_pulp"]

SHORTFALL_LEVELS = ("provincial_shortfall", "amv_shortfall", "municipal_shortfall")


def _fixed_binaries(mm: MatrixModel, x: np.ndarray) -> list[tuple[int, float]]:
    return [(j, float(round(x[j]))) for j in mm.binaries]


def marginal_values_highs(
    mm: MatrixModel, x: np.ndarray, levels: list[str], names: list[str],
    messages: list[str] | None = None, resolve_all: bool = False,
    parts: list[tuple[list[int], MatrixModel]] | None = None,
) -> pd.DataFrame:  # fmt: skip
    """The effect of one more place (and one more amv place) per municipality.

    For each shortfall level the LP is solved once; the effect of one more own place
    (for an amv place: one more own and own amv place) is the drop of its optimum. The
    effect is exact for one extra place, and unambiguous where an LP dual is not (a
    municipality exactly at its quota has a different effect for a place more than for
    a place less).

    Most effects need no re-solve; where none of these rules settles it, the LP is
    re-solved with the extra place, warm-started from the previous basis
    (``resolve_all`` re-solves every one, which the tests compare with):

    - The optimum ``v(b)`` of an LP is convex in the right-hand side ``b`` and the dual
      ``y`` is a subgradient, so ``v(b) - v(b + e_i) <= -y_i``; one more place never
      hurts (every earlier answer stays feasible), so the effect is ``>= 0``. A dual
      of 0 therefore means an effect of exactly 0.
    - While the optimal basis stays optimal (HiGHS's ranging of the row's bound reaches
      ``b_i + 1``) the optimum is linear in ``b_i`` with slope ``y_i``: effect ``-y_i``.
    - One more amv place does at least what one more place does (its own amv row only
      adds room) and at most ``-(y_i + y_k)``: when the two bounds meet, that is it.

    The provincial level needs no re-solve: every own place of a municipality sits in
    its province's row with coefficient 1 and nothing else bounds it, so one more place
    lowers the provincial shortfall by exactly 1 while the province is short, else 0.
    """
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
    # The LP falls apart like the MILP (see planner.optimise.matrix.split): one
    # more place in a municipality changes only its own part, so each re-solve is of
    # that part alone (a province instead of the country).
    failed = 0
    values: dict[str, dict[str, float]] = {lv: {} for lv in lp_levels}
    parts = [p for p in (parts if parts is not None else split(mm))
             if p[1].own_rows or p[1].own_amv_rows]  # fmt: skip
    found = [_marginal_part(sub, x[cols], lp_levels, resolve_all) for cols, sub in parts]
    for part_failed, part_values in found:
        failed += part_failed
        for name in lp_levels:
            values[name].update(part_values[name])
    for name in lp_levels:
        v = values[name]
        out[name] = [v.get(m, np.nan) for m in names]
        # One more amv place is one more own and own amv place: measured together when
        # both rows are in one part, else the sum of the two independent effects.
        out[f"amv_{name}"] = [
            v.get(f"amv:{m}", v.get(m, np.nan) + v.get(f"amv_only:{m}", np.nan)) for m in names
        ]
    if failed and messages is not None:
        messages.append(t("marginal_failed", "en", count=failed))
    return out.round(6) + 0.0


def _marginal_part(
    mm: MatrixModel, x: np.ndarray, levels: list[str], resolve_all: bool = False
) -> tuple[int, dict[str, dict[str, float]]]:
    """Marginal values of one part (see :func:`marginal_values_highs`): how many
    re-solves did not end optimal (their values stay missing), and the values."""
    values: dict[str, dict[str, float]] = {lv: {} for lv in levels}
    import highspy

    n = mm.num_col
    b = HighsLevels(mm)
    h = b.h
    for j, v in _fixed_binaries(mm, x):
        h.changeColBounds(j, v, v)
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), [highspy.HighsVarType.kContinuous] * n)
    failed = 0
    tol = 1e-9

    def resolve(rows: list[int], base: float) -> float | None:
        nonlocal failed
        for i in rows:
            h.changeRowBounds(i, mm.row_lower[i] + 1, mm.row_upper[i] + 1)
        st, _ = b.run(60.0)
        effect = base - b.objective_value() if st is Status.OPTIMAL else None
        for i in rows:
            h.changeRowBounds(i, mm.row_lower[i], mm.row_upper[i])
        if effect is None:
            failed += 1
        return effect

    for name in levels:
        out = values[name]
        if not mm.objectives[name]:  # the level has no column in this part: no effect
            for m in mm.own_rows:
                out[m] = 0.0
            for m in mm.own_amv_rows:
                out[f"amv:{m}" if m in mm.own_rows else f"amv_only:{m}"] = 0.0
            continue
        b.set_objective(mm.objectives[name])
        status, _ = b.run(60.0)
        if status is not Status.OPTIMAL:
            failed += len(mm.own_rows) + len(mm.own_amv_rows)
            continue
        base = b.objective_value()
        dual = np.asarray(h.getSolution().row_dual)
        reach = None
        if not resolve_all:
            ok, ranging = h.getRanging()
            if ok == highspy.HighsStatus.kOk:
                reach = np.asarray(ranging.row_bound_up.value_)

        def single(i: int, dual=dual, reach=reach, base=base) -> float | None:
            if not resolve_all:
                if -dual[i] <= tol:
                    return 0.0
                if reach is not None and reach[i] >= mm.row_lower[i] + 1 - tol:
                    return float(-dual[i])
            return resolve([i], base)

        found: dict[str, float | None] = {}
        for m, i in mm.own_rows.items():
            one = found[m] = single(i)
            k = mm.own_amv_rows.get(m)
            if k is None:
                continue
            upper = -(dual[i] + dual[k])
            if not resolve_all and one is not None and upper <= one + tol:
                found[f"amv:{m}"] = one
            else:
                found[f"amv:{m}"] = resolve([i, k], base)
        for m, k in mm.own_amv_rows.items():
            if m not in mm.own_rows:
                found[f"amv_only:{m}"] = single(k)
        for key, v in found.items():
            if v is not None:
                out[key] = v
    return failed, values


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
        if b.run(60.0)[0] is Status.OPTIMAL:
            own = np.array([-(b.rows[mm.own_rows[n]].pi or 0.0) for n in names])
            amv = np.array([-(b.rows[mm.own_amv_rows[n]].pi or 0.0) for n in names])
            out[name] = own
            out[f"amv_{name}"] = own + amv
    return out.round(6) + 0.0
