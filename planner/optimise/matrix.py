"""The same model as :mod:`planner.optimise.model`, built as a sparse matrix for HiGHS.

PuLP is the readable statement of the model, but building a PuLP model and handing it to
HiGHS row by row costs far more than solving it (seconds at national size). This module
builds the identical matrix directly, passes it to HiGHS once and solves the objective
levels in place: change the costs, add the level's bound, solve again. Columns and rows
carry the PuLP names; ``tests/test_matrix.py`` checks that both paths produce the same
rows, bounds and objectives, entry by entry, and the same answers.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from planner.optimise.instance import Instance
from planner.optimise.model import LEVEL_EXPRESSIONS, slug

__all__ = ["MatrixModel", "build_matrix", "solve_levels_highs", "marginal_values_highs"]

INF = float("inf")


@dataclass
class MatrixModel:
    """Columns, rows (row-wise sparse) and objective vectors, with business keys."""

    col_names: list[str] = field(default_factory=list)
    col_lower: list[float] = field(default_factory=list)
    col_upper: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    row_names: list[str] = field(default_factory=list)
    row_lower: list[float] = field(default_factory=list)
    row_upper: list[float] = field(default_factory=list)
    row_start: list[int] = field(default_factory=lambda: [0])
    row_index: list[int] = field(default_factory=list)
    row_value: list[float] = field(default_factory=list)
    key: dict[str, int] = field(default_factory=dict)  # "places:<id>" -> column
    own_rows: dict[str, int] = field(default_factory=dict)
    own_amv_rows: dict[str, int] = field(default_factory=dict)
    province_of: dict[str, str] = field(default_factory=dict)
    binaries: list[int] = field(default_factory=list)
    objectives: dict[str, dict[int, float]] = field(default_factory=dict)
    hard: dict[str, str] = field(default_factory=dict)

    def col(self, key: str, name: str, lb: float, ub: float, integer: bool = False) -> int:
        j = len(self.col_names)
        self.col_names.append(name)
        self.col_lower.append(lb)
        self.col_upper.append(ub)
        self.integer.append(integer)
        self.key[key] = j
        return j

    def row(self, name: str, lb: float, ub: float, entries: dict[int, float]) -> int:
        i = len(self.row_names)
        self.row_names.append(name)
        self.row_lower.append(lb)
        self.row_upper.append(ub)
        for j, v in entries.items():
            if v != 0:
                self.row_index.append(j)
                self.row_value.append(float(v))
        self.row_start.append(len(self.row_index))
        return i

    @property
    def num_col(self) -> int:
        return len(self.col_names)

    @property
    def num_row(self) -> int:
        return len(self.row_names)

    def to_highs_lp(self):
        import highspy

        lp = highspy.HighsLp()
        lp.num_col_ = self.num_col
        lp.num_row_ = self.num_row
        lp.col_cost_ = np.zeros(self.num_col)
        lp.col_lower_ = np.array(self.col_lower, dtype=float)
        lp.col_upper_ = np.array(self.col_upper, dtype=float)
        lp.row_lower_ = np.array(self.row_lower, dtype=float)
        lp.row_upper_ = np.array(self.row_upper, dtype=float)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.num_col_ = self.num_col
        lp.a_matrix_.num_row_ = self.num_row
        lp.a_matrix_.start_ = np.array(self.row_start, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(self.row_index, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(self.row_value, dtype=float)
        lp.integrality_ = [
            highspy.HighsVarType.kInteger if i else highspy.HighsVarType.kContinuous
            for i in self.integer
        ]
        return lp


def _acc(entries: dict[int, float], j: int, v: float) -> None:
    entries[j] = entries.get(j, 0.0) + v


def build_matrix(inst: Instance) -> MatrixModel:
    """Build the model of :func:`planner.optimise.model.create_model` as a sparse matrix.

    The steps mirror the ``add_*`` functions of :mod:`planner.optimise.model` one to one.
    """
    mm = MatrixModel()
    cand = inst.countable
    mun = inst.municipalities
    pol = inst.scenario.swaps
    lim = inst.scenario.limits

    # add_candidate_variables
    opens: dict[str, int] = {}
    places: dict[str, int] = {}
    cost: dict[str, float] = {}
    by_muni: dict[str, list[str]] = {}
    amv_by_muni: dict[str, list[str]] = {}
    hi_by_muni: dict[str, int] = {}
    amv_hi_by_muni: dict[str, int] = {}
    for cid, muni, lo, hi, group, c, must in zip(
        cand["id"], cand["municipality"], cand["lo"], cand["hi"], cand["target_group"],
        cand["cost"], cand["must_open"], strict=True,
    ):  # fmt: skip
        key = slug(cid)
        y = mm.col(f"open:{cid}", f"open_{key}", 0.0, 1.0, True)
        z = mm.col(f"places:{cid}", f"places_{key}", 0.0, float(hi), True)
        mm.binaries.append(y)
        opens[cid], places[cid], cost[cid] = y, z, float(c)
        by_muni.setdefault(muni, []).append(cid)
        hi_by_muni[muni] = hi_by_muni.get(muni, 0) + int(hi)
        if group == "amv":
            amv_by_muni.setdefault(muni, []).append(cid)
            amv_hi_by_muni[muni] = amv_hi_by_muni.get(muni, 0) + int(hi)
        mm.row(f"cap_{key}_upper", -INF, 0.0, {z: 1.0, y: -float(hi)})
        if lo > 0:
            mm.row(f"cap_{key}_lower", 0.0, INF, {z: 1.0, y: -float(lo)})
        if must:
            mm.row(f"must_open_{key}", 1.0, 1.0, {y: 1.0})
            mm.hard[f"must_open_{key}"] = f"candidate {cid} must open"

    # add_own_places
    own: dict[str, int] = {}
    own_amv: dict[str, int] = {}
    names = list(mun["name"])
    rows = list(mun.itertuples(index=False))
    for r in rows:
        key = slug(r.name)
        own[r.name] = mm.col(f"own:{r.name}", f"own_{key}", 0.0, INF)
        own_amv[r.name] = mm.col(f"own_amv:{r.name}", f"own_amv_{key}", 0.0, INF)
        e = {own[r.name]: 1.0}
        for cid in by_muni.get(r.name, []):
            _acc(e, places[cid], -1.0)
        mm.own_rows[r.name] = mm.row(f"own_{key}", float(r.base), float(r.base), e)
        e = {own_amv[r.name]: 1.0}
        for cid in amv_by_muni.get(r.name, []):
            _acc(e, places[cid], -1.0)
        mm.own_amv_rows[r.name] = mm.row(f"own_amv_{key}", float(r.amv_base), float(r.amv_base), e)

    # add_swap_variables
    swap: dict[str, int] = {}
    swap_amv: dict[str, int] = {}
    ins: dict[str, list[str]] = {n: [] for n in names}
    outs: dict[str, list[str]] = {n: [] for n in names}
    for aid, a_from, a_to, ub, amv, amv_ub in zip(
        inst.arcs["id"], inst.arcs["from"], inst.arcs["to"], inst.arcs["ub"],
        inst.arcs["amv"], inst.arcs["amv_ub"], strict=True,
    ):  # fmt: skip
        key = slug(aid)
        upper = INF if np.isnan(ub) else float(int(ub))
        if pol.max_per_pair is not None:
            upper = min(upper, float(pol.max_per_pair))
        swap[aid] = mm.col(f"swap:{aid}", f"swap_{key}", 0.0, upper, True)
        outs[a_from].append(aid)
        ins[a_to].append(aid)
        if amv:
            amv_upper = INF if np.isnan(amv_ub) else float(int(amv_ub))
            swap_amv[aid] = mm.col(f"swap_amv:{aid}", f"swap_amv_{key}", 0.0, amv_upper, True)
            mm.row(f"amv_part_{key}", -INF, 0.0, {swap_amv[aid]: 1.0, swap[aid]: -1.0})

    # add_surplus_only
    gives: dict[str, int] = {}
    for r in rows:
        arcs = outs[r.name]
        if not arcs:
            continue
        key = slug(r.name)
        keep = float(int(r.quota) + int(r.fixed_out))
        if r.name in by_muni:
            g = mm.col(f"gives:{r.name}", f"gives_{key}", 0.0, 1.0, True)
            mm.binaries.append(g)
            gives[r.name] = g
            upper = int(r.base) + hi_by_muni[r.name]
            e = {swap[a]: 1.0 for a in arcs}
            e[g] = -float(max(0, upper - int(keep)))
            mm.row(f"gives_{key}_switch", -INF, 0.0, e)
            e = {own[r.name]: 1.0, g: -keep}
            for a in arcs:
                _acc(e, swap[a], -1.0)
            mm.row(f"surplus_only_{key}", 0.0, INF, e)
        else:
            e = {own[r.name]: 1.0}
            for a in arcs:
                _acc(e, swap[a], -1.0)
            mm.row(f"surplus_only_{key}", keep, INF, e)
        amv_arcs = [a for a in arcs if a in swap_amv]
        if not amv_arcs:
            continue
        keep_amv = float(int(r.amv_quota) + int(r.amv_fixed_out))
        if r.name in amv_by_muni:
            ga = mm.col(f"gives_amv:{r.name}", f"gives_amv_{key}", 0.0, 1.0, True)
            mm.binaries.append(ga)
            upper = int(r.amv_base) + amv_hi_by_muni[r.name]
            e = {swap_amv[a]: 1.0 for a in amv_arcs}
            e[ga] = -float(max(0, upper - int(keep_amv)))
            mm.row(f"gives_amv_{key}_switch", -INF, 0.0, e)
            e = {own_amv[r.name]: 1.0, ga: -keep_amv}
            for a in amv_arcs:
                _acc(e, swap_amv[a], -1.0)
            mm.row(f"amv_surplus_only_{key}", 0.0, INF, e)
        else:
            e = {own_amv[r.name]: 1.0}
            for a in amv_arcs:
                _acc(e, swap_amv[a], -1.0)
            mm.row(f"amv_surplus_only_{key}", keep_amv, INF, e)

    # add_policy_limits
    if pol.max_in_per_municipality is not None:
        for n in names:
            if ins[n]:
                mm.row(
                    f"max_in_{slug(n)}",
                    -INF,
                    float(pol.max_in_per_municipality),
                    {swap[a]: 1.0 for a in ins[n]},
                )

    # add_shortfalls
    short: dict[str, int] = {}
    amv_short: dict[str, int] = {}
    for r in rows:
        key = slug(r.name)
        s = mm.col(f"shortfall:{r.name}", f"shortfall_{key}", 0.0, INF)
        sa = mm.col(f"amv_shortfall:{r.name}", f"amv_shortfall_{key}", 0.0, INF)
        short[r.name], amv_short[r.name] = s, sa
        e = {s: 1.0, own[r.name]: 1.0}
        for a in ins[r.name]:
            _acc(e, swap[a], 1.0)
        for a in outs[r.name]:
            _acc(e, swap[a], -1.0)
        rhs = float(int(r.quota) - int(r.fixed_in) + int(r.fixed_out))
        mm.row(f"quota_{key}", rhs, INF, e)
        e = {sa: 1.0, own_amv[r.name]: 1.0}
        for a in ins[r.name]:
            if a in swap_amv:
                _acc(e, swap_amv[a], 1.0)
        for a in outs[r.name]:
            if a in swap_amv:
                _acc(e, swap_amv[a], -1.0)
        rhs = float(int(r.amv_quota) - int(r.amv_fixed_in) + int(r.amv_fixed_out))
        mm.row(f"amv_quota_{key}", rhs, INF, e)

    # add_provincial_shortfall
    prov: dict[str, int] = {}
    for p, quota, ext in zip(
        inst.provinces["province"], inst.provinces["quota"], inst.provinces["external_in"],
        strict=True,
    ):  # fmt: skip
        key = slug(p)
        sp = mm.col(f"province_shortfall:{p}", f"province_shortfall_{key}", 0.0, INF)
        prov[p] = sp
        e = {sp: 1.0}
        for n, pn in zip(mun["name"], mun["province"], strict=True):
            if pn == p:
                e[own[n]] = 1.0
                mm.province_of[n] = p
        mm.row(f"province_quota_{key}", float(int(quota) - int(ext)), INF, e)

    # add_budget_limits
    if lim.max_new_locations is not None:
        mm.row(
            "limit_new_locations",
            -INF,
            float(lim.max_new_locations),
            {y: 1.0 for y in opens.values()},
        )
        mm.hard["limit_new_locations"] = f"at most {lim.max_new_locations} new locations"
    if lim.max_new_places is not None:
        mm.row(
            "limit_new_places", -INF, float(lim.max_new_places), {z: 1.0 for z in places.values()}
        )
        mm.hard["limit_new_places"] = f"at most {lim.max_new_places} new places"
    if lim.max_cost is not None:
        mm.row("limit_cost", -INF, float(lim.max_cost), {places[k]: cost[k] for k in places})
        mm.hard["limit_cost"] = f"total cost at most {lim.max_cost}"

    # define_objectives
    mm.objectives["provincial_shortfall"] = {j: 1.0 for j in prov.values()}
    mm.objectives["amv_shortfall"] = {j: 1.0 for j in amv_short.values()}
    mm.objectives["municipal_shortfall"] = {j: 1.0 for j in short.values()}
    mm.objectives["new_places"] = {places[k]: cost[k] for k in places if cost[k] != 0}
    mm.objectives["swap_volume"] = {j: 1.0 for j in swap.values()}
    n_c = max(1, len(places))
    tie: dict[int, float] = {}
    for i, z in enumerate(places.values()):
        tie[z] = (i + 1) / n_c
    for aid, w in zip(inst.arcs["id"], inst.arcs["weight"], strict=True):
        tie[swap[aid]] = float(w)
    mm.objectives["tie_break"] = tie
    assert set(LEVEL_EXPRESSIONS) <= set(mm.objectives)
    return mm


# --------------------------------------------------------------------------- solving


def _highs(time_limit: float):
    import highspy

    from planner.optimise.solve import silence_highs_banner

    silence_highs_banner()
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 1e-7)
    h.setOptionValue("threads", 1)
    h.setOptionValue("time_limit", float(max(0.01, time_limit)))
    # The feasibility-jump heuristic costs more than it saves on these small, easy MIPs
    # (measured: a province-wide swap scenario 36 -> 20 ms for all levels); the answers
    # are the same, only found faster.
    try:
        h.setOptionValue("mip_heuristic_run_feasibility_jump", False)
    except Exception:  # pragma: no cover - older HiGHS without the option
        pass
    return h


def _costs(mm: MatrixModel, obj: dict[int, float]) -> np.ndarray:
    c = np.zeros(mm.num_col)
    for j, v in obj.items():
        c[j] = v
    return c


def highs_status(h):
    """Map HiGHS's model status to :class:`planner.optimise.solve.Status`: a time or iteration
    limit with a feasible answer is TIME_LIMIT, never OPTIMAL."""
    import highspy

    from planner.optimise.solve import Status

    ms = h.getModelStatus()
    feasible = h.getInfo().primal_solution_status == 2
    if ms == highspy.HighsModelStatus.kOptimal:
        return Status.OPTIMAL
    if ms in (highspy.HighsModelStatus.kTimeLimit, highspy.HighsModelStatus.kIterationLimit):
        return Status.TIME_LIMIT if feasible else Status.NOT_SOLVED
    if ms == highspy.HighsModelStatus.kInfeasible:
        return Status.INFEASIBLE
    return Status.NOT_SOLVED


def solve_levels_highs(mm: MatrixModel, levels: list[str], time_limit: float):
    """Solve the levels in order in one HiGHS instance.

    Returns ``(highs, level_results, status, values, level_rows)``; ``values`` maps the
    business keys (``open:<id>``, ``places:<id>``, ``swap:<id>`` ...) to their values.
    """
    import highspy

    from planner.optimise.solve import LevelResult, Status, _tolerance

    h = _highs(time_limit)
    h.passModel(mm.to_highs_lp())
    deadline = time.perf_counter() + time_limit
    results: list = []
    level_rows: list[int] = []
    status = Status.OPTIMAL
    idx_all = np.arange(mm.num_col, dtype=np.int32)
    have_solution = False
    for name in levels:
        obj = mm.objectives[name]
        if not obj:
            results.append(LevelResult(name, 0.0, Status.OPTIMAL, 0.0))
            continue
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            results.append(LevelResult(name, None, Status.TIME_LIMIT, 0.0))
            status = Status.TIME_LIMIT
            break
        h.setOptionValue("time_limit", float(remaining))
        h.changeColsCost(mm.num_col, idx_all, _costs(mm, obj))
        t0 = time.perf_counter()
        h.run()
        seconds = time.perf_counter() - t0
        st = highs_status(h)
        info = h.getInfo()
        value = (
            float(info.objective_function_value)
            if st in (Status.OPTIMAL, Status.TIME_LIMIT)
            else None
        )
        results.append(LevelResult(name, value, st, seconds))
        if st in (Status.OPTIMAL, Status.TIME_LIMIT):
            have_solution = True
        if st is not Status.OPTIMAL:
            status = st
            break
        cols = np.array(list(obj), dtype=np.int32)
        vals = np.array([obj[j] for j in obj], dtype=float)
        h.addRow(-highspy.kHighsInf, value + _tolerance(value), len(cols), cols, vals)
        level_rows.append(h.getNumRow() - 1)
    values: dict[str, float] = {}
    if have_solution:
        x = np.asarray(h.getSolution().col_value)
        values = {k: float(x[j]) for k, j in mm.key.items()}
    return h, results, status, values, level_rows


def marginal_values_highs(
    mm: MatrixModel, values: dict[str, float], levels: list[str], names: list[str]
):
    """The effect of one more place (and one more amv place) per municipality.

    The LP keeps the MILP's binary choices (which candidates open, who gives) and relaxes
    whole numbers. For each shortfall level it is solved once, then once more per
    municipality with one more own place (for an amv place: one more own and own amv
    place), warm-started from the previous basis. The difference of the optima is the
    marginal value: exact for one extra place, and unambiguous where an LP dual is not
    (a municipality exactly at its quota has a different effect for a place more than
    for a place less).
    """
    import highspy
    import pandas as pd

    from planner.optimise.solve import SHORTFALL_LEVELS

    h = _highs(60.0)
    h.passModel(mm.to_highs_lp())
    n = mm.num_col
    keys = {j: k for k, j in mm.key.items()}
    for j in mm.binaries:
        v = float(round(values.get(keys[j], 0.0)))
        h.changeColBounds(j, v, v)
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), [highspy.HighsVarType.kContinuous] * n)
    idx_all = np.arange(n, dtype=np.int32)
    out = pd.DataFrame(index=names)
    for name in levels:
        obj = mm.objectives[name]
        if name not in SHORTFALL_LEVELS or not obj:
            continue
        if name == "provincial_shortfall":
            # Every own place of a municipality sits in its province's row with
            # coefficient 1 and nothing else bounds it, so one more place lowers the
            # provincial shortfall by exactly 1 while the province is short, else 0:
            # no re-solve needed.
            short = {
                p: values.get(f"province_shortfall:{p}", 0.0) > 0.5
                for p in set(mm.province_of.values())
            }
            col = [1.0 if short.get(mm.province_of.get(m), False) else 0.0 for m in names]
            out[name] = col
            out[f"amv_{name}"] = col
            continue
        h.changeColsCost(n, idx_all, _costs(mm, obj))
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            continue
        base = h.getInfo().objective_function_value
        place, amv_place = [], []
        for m in names:
            i, k = mm.own_rows[m], mm.own_amv_rows[m]
            lo_i, lo_k = mm.row_lower[i], mm.row_lower[k]
            h.changeRowBounds(i, lo_i + 1, lo_i + 1)
            h.run()
            place.append(base - h.getInfo().objective_function_value)
            h.changeRowBounds(k, lo_k + 1, lo_k + 1)
            h.run()
            amv_place.append(base - h.getInfo().objective_function_value)
            h.changeRowBounds(i, lo_i, lo_i)
            h.changeRowBounds(k, lo_k, lo_k)
        out[name] = place
        out[f"amv_{name}"] = amv_place
    return out.round(6) + 0.0
