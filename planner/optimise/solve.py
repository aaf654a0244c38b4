"""Solving a scenario: lexicographic levels, solver checks, duals, typed result.

Each objective level is optimised in the scenario's order and then fixed (within a small
tolerance) before the next, so a priority is a priority and not a weight. The solver's
status is checked after every level: a time limit, a missing solver or an infeasible
hard requirement is reported as such, never shown as an optimum.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd
import pulp

from planner.counting.count import LEVEL_COLUMNS, aggregate
from planner.data.loader import Dataset
from planner.errors import SolverError
from planner.formats import Words
from planner.optimise.instance import Instance, build_instance
from planner.optimise.model import Model, create_model
from planner.scenario.schema import Scenario
from planner.tables import jsonable, records

__all__ = [
    "Status",
    "LevelResult",
    "SolveResult",
    "solve_scenario",
    "solve_instance",
    "available_solvers",
    "pick_solver",
    "SHORTFALL_LEVELS",
]

SHORTFALL_LEVELS = ("provincial_shortfall", "amv_shortfall", "municipal_shortfall")


class Status(StrEnum):
    """How a solve ended."""

    OPTIMAL = "optimal"
    TIME_LIMIT = "time_limit"  # a feasible answer, not proven optimal
    INFEASIBLE = "infeasible"
    NOT_SOLVED = "not_solved"
    SOLVER_MISSING = "solver_missing"
    ERROR = "error"


@dataclass(frozen=True)
class LevelResult:
    """One objective level: its optimal value and how the solve of that level ended."""

    name: str
    value: float | None
    status: Status
    seconds: float


@dataclass
class SolveResult:
    """The answer to a scenario, with every table the reports and the UI show."""

    scenario: str
    status: Status
    solver: str
    engine: str
    build_seconds: float
    solve_seconds: float
    levels: list[LevelResult]
    messages: list[str]
    municipalities: pd.DataFrame
    regions: pd.DataFrame
    province: pd.Series
    candidates: pd.DataFrame
    swaps: pd.DataFrame
    instance: Instance | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.status is Status.OPTIMAL

    def level(self, name: str) -> float | None:
        return next((lv.value for lv in self.levels if lv.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``planner solve --format json``)."""
        mun_cols = [
            "name", "region", "quota", "amv_quota", "places", "amv_places", "swapped_in",
            "swapped_out", "credited", "shortfall", "amv_credited", "amv_shortfall",
            "agreement_in", "agreement_out", "proposed_in", "proposed_out",
            "marginal_value", "amv_marginal_value",
        ]  # fmt: skip
        regions = []
        for row in records(self.regions, ["region", *LEVEL_COLUMNS]):
            row["name"] = row.pop("region")
            regions.append(row)
        return {
            "scenario": self.scenario,
            "status": self.status.value,
            "solver": self.solver,
            "engine": self.engine,
            "solve_seconds": round(self.solve_seconds, 4),
            "build_seconds": round(self.build_seconds, 4),
            "levels": [
                {"name": lv.name, "value": jsonable(lv.value), "status": lv.status.value}
                for lv in self.levels
            ],
            "messages": list(self.messages),
            "province": jsonable(self.province.to_dict()),
            "regions": regions,
            "municipalities": records(
                self.municipalities, [c for c in mun_cols if c in self.municipalities]
            ),
            "candidates": records(
                self.candidates,
                [
                    "id",
                    "municipality",
                    "kind",
                    "target_group",
                    "opened",
                    "places",
                    "min_places",
                    "max_places",
                    "can_count",
                    "reason",
                ],
            ),  # fmt: skip
            "swaps": records(
                self.swaps,
                ["from", "to", "places", "amv_places", "kind", "id", "leaves_giver_short"],
            ),
        }


# --------------------------------------------------------------------------- solvers


_BANNER_SILENCED = False


def silence_highs_banner() -> None:
    """HiGHS prints a banner to stdout when the first solver object is made in a process.

    That would corrupt ``--format json`` on stdout; make the first one with stdout
    pointed at /dev/null (later ones print nothing).
    """
    global _BANNER_SILENCED
    if _BANNER_SILENCED:
        return
    _BANNER_SILENCED = True
    try:
        import highspy
    except ImportError:  # pragma: no cover - CBC only
        return
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def available_solvers() -> list[str]:
    """Solvers this installation can run: ``highs`` (highspy) and/or ``cbc`` (PuLP)."""
    silence_highs_banner()
    out = []
    if pulp.HiGHS(msg=False).available():
        out.append("highs")
    if _cbc(msg=False).available():
        out.append("cbc")
    return out


def _cbc(**options: Any) -> pulp.LpSolver:
    """CBC: a ``cbc`` on the PATH (PuLP 4 style, ``pip install pulp[cbc]``) or the copy
    bundled with PuLP 3 (whose class is deprecated there but still the one that ships)."""
    coin = pulp.COIN_CMD(**options)
    if coin.available():
        return coin
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return pulp.PULP_CBC_CMD(**options)


def pick_solver(name: str = "auto") -> str:
    """Resolve ``auto`` to HiGHS, or CBC when HiGHS is not installed.

    Raises
    ------
    SolverError
        When the named solver (or, for ``auto``, any solver) is not available.
    """
    have = available_solvers()
    if name == "auto":
        if not have:
            raise SolverError("no MILP solver available: install highspy (pip install highspy)")
        return have[0]
    if name not in have:
        raise SolverError(
            f"solver {name!r} is not available here; available: {', '.join(have) or 'none'}"
        )
    return name


def _pulp_solver(name: str, time_limit: float, mip: bool = True) -> pulp.LpSolver:
    silence_highs_banner()
    limit = max(1.0, time_limit)
    if name == "highs":
        return pulp.HiGHS(msg=False, mip=mip, timeLimit=limit, gapRel=0.0, gapAbs=1e-7, threads=1)
    return _cbc(msg=False, mip=mip, timeLimit=int(np.ceil(limit)), gapRel=0.0)


def _status(prob: pulp.LpProblem) -> Status:
    if prob.status == pulp.LpStatusOptimal and prob.sol_status == pulp.LpSolutionOptimal:
        return Status.OPTIMAL
    if prob.sol_status == pulp.LpSolutionIntegerFeasible:
        return Status.TIME_LIMIT
    if prob.status == pulp.LpStatusInfeasible:
        return Status.INFEASIBLE
    return Status.NOT_SOLVED


def _tolerance(value: float) -> float:
    return 1e-6 + 1e-9 * abs(value)


# --------------------------------------------------------------------------- levels


def _solve_levels_pulp(
    model: Model, levels: list[str], solver: str, time_limit: float
) -> tuple[list[LevelResult], Status]:
    prob = model.prob
    out: list[LevelResult] = []
    deadline = time.perf_counter() + time_limit
    for name in levels:
        expr = model.objectives[name]
        if not expr.keys():  # nothing to decide at this level (no candidates, no swaps)
            out.append(LevelResult(name, float(expr.constant), Status.OPTIMAL, 0.0))
            continue
        prob.setObjective(expr)
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            out.append(LevelResult(name, None, Status.TIME_LIMIT, 0.0))
            return out, Status.TIME_LIMIT
        t0 = time.perf_counter()
        prob.solve(_pulp_solver(solver, remaining))
        seconds = time.perf_counter() - t0
        status = _status(prob)
        value = pulp.value(expr) if status in (Status.OPTIMAL, Status.TIME_LIMIT) else None
        value = float(value) if value is not None else (0.0 if status is Status.OPTIMAL else None)
        out.append(LevelResult(name, value, status, seconds))
        if status is not Status.OPTIMAL:
            return out, status
        prob += expr <= value + _tolerance(value), f"level_{name}"
    return out, Status.OPTIMAL


def marginal_values(
    inst: Instance, values: dict[str, float], levels: list[str], solver: str, messages: list[str]
) -> pd.DataFrame:
    """Marginal values of the LP with the binaries fixed: with HiGHS by re-solving with
    one more place per municipality (see :func:`planner.optimise.matrix.marginal_values_highs`),
    with CBC alone from the duals (which, for a municipality exactly at its quota, may
    lie anywhere between the effect of a place more and a place less)."""
    if "highs" in available_solvers():
        from planner.optimise.matrix import build_matrix, marginal_values_highs

        names = list(inst.municipalities["name"])
        return marginal_values_highs(build_matrix(inst), values, levels, names)
    messages.append(Words("msg_duals"))
    return _marginal_values_pulp(inst, values, levels, solver)


def _marginal_values_pulp(
    inst: Instance, values: dict[str, float], levels: list[str], solver: str
) -> pd.DataFrame:
    """Duals of the own-places rows in the LP with the binary choices fixed.

    A fresh copy of the model gets its binaries (open, gives) fixed at the MILP answer
    and its whole numbers relaxed. For each shortfall level an LP minimises that level
    alone; the dual of ``own_<m>`` is the change of that level per extra place in m,
    and ``own_amv_<m>`` adds the effect of the place being amv. (Bounding the earlier
    levels at their optimum would make the duals meaningless: one place less would
    then be infeasible, not worse.)
    """
    model = create_model(inst)
    for kind, group in (
        ("open", model.open),
        ("gives", model.gives),
        ("gives_amv", model.gives_amv),
    ):
        for key, var in group.items():
            var.lowBound = var.upBound = round(values.get(f"{kind}:{key}", 0.0))
            var.cat = pulp.LpContinuous
    for var in (*model.places.values(), *model.swap.values(), *model.swap_amv.values()):
        var.cat = pulp.LpContinuous
    names = list(inst.municipalities["name"])
    out = pd.DataFrame(index=names)
    for name in levels:
        expr = model.objectives[name]
        if name not in SHORTFALL_LEVELS or not expr.keys():
            continue
        model.prob.setObjective(expr)
        model.prob.solve(_pulp_solver(solver, 60.0, mip=False))
        if _status(model.prob) is Status.OPTIMAL:
            own = np.array([-(model.own_rows[n].pi or 0.0) for n in names])
            amv = np.array([-(model.own_amv_rows[n].pi or 0.0) for n in names])
            out[name] = own
            out[f"amv_{name}"] = own + amv
    return out.round(6) + 0.0


# --------------------------------------------------------------------------- results


def _results(inst: Instance, x: dict[str, float], marginal: pd.DataFrame | None):
    """Tables from variable values keyed by business id (candidates, swaps).

    Built from lists and added to the frames in one step each: the tables are small and
    a pandas column assignment costs more than the arithmetic.
    """
    cand = inst.candidates
    ids = cand["id"].tolist()
    can = cand["can_count"].to_numpy(dtype=bool)
    opened = np.array([x.get(f"open:{k}", 0.0) > 0.5 for k in ids], dtype=bool) & can
    places = np.array([round(x.get(f"places:{k}", 0.0)) for k in ids], dtype=int)
    places = np.where(opened, places, 0)
    cand = pd.concat(
        [
            cand.reset_index(drop=True),
            pd.DataFrame(
                {
                    "opened": opened,
                    "places": places,
                    "min_places": cand["lo"].to_numpy(),
                    "max_places": cand["hi"].to_numpy(),
                    "reason": pd.Series(
                        ["" if c else w for c, w in zip(can, cand["why"].tolist(), strict=True)],
                        dtype=object,
                    ),
                }
            ),
        ],
        axis=1,
    )

    mun = inst.municipalities
    own_p = dict(zip(mun["name"].tolist(), mun["base"].tolist(), strict=True))
    own_a = dict(zip(mun["name"].tolist(), mun["amv_base"].tolist(), strict=True))
    for muni, group, n, o in zip(cand["municipality"].tolist(), cand["target_group"].tolist(),
                                 places.tolist(), opened.tolist(), strict=True):  # fmt: skip
        if o:
            own_p[muni] += n
            if group == "amv":
                own_a[muni] += n
    own = pd.DataFrame(
        {"places": list(own_p.values()), "amv_places": list(own_a.values())},
        index=pd.Index(list(own_p), dtype=object),
    )

    swaps = []
    fixed = inst.fixed_flows
    for a, b, p, q, i in zip(fixed["from"].tolist(), fixed["to"].tolist(),
                             fixed["places"].tolist(), fixed["amv_places"].tolist(),
                             fixed["id"].tolist(), strict=True):  # fmt: skip
        swaps.append((a, b, int(p), int(q), "agreement", i))
    arcs = inst.arcs
    for i, a, b, src in zip(arcs["id"].tolist(), arcs["from"].tolist(), arcs["to"].tolist(),
                            arcs["source"].tolist(), strict=True):  # fmt: skip
        v = round(x.get(f"swap:{i}", 0.0))
        if v > 0:
            va = round(x.get(f"swap_amv:{i}", 0.0))
            swaps.append((a, b, int(v), int(va), "proposed" if src == "policy" else "register", i))
    flows = pd.DataFrame(
        {
            k: pd.Series(
                [s[j] for s in swaps], dtype=int if k in ("places", "amv_places") else object
            )
            for j, k in enumerate(("from", "to", "places", "amv_places", "kind", "id"))
        }
    )
    report = inst.report.municipalities
    soft = pd.DataFrame(
        {
            "soft_plans": report["soft_plans"].to_numpy(),
            "amv_soft_plans": report["amv_soft_plans"].to_numpy(),
        },
        index=pd.Index(report["name"].tolist(), dtype=object),
    )
    municipal, regions, total = aggregate(
        report[["code", "name", "region", "province", "quota", "amv_quota"]], own, flows, soft
    )
    names = municipal["name"].tolist()
    sel: dict[tuple[str, str], int] = {}
    for a, b, p, _, kind, _ in swaps:
        group = "agreement" if kind == "agreement" else "proposed"
        sel[(f"{group}_in", b)] = sel.get((f"{group}_in", b), 0) + p
        sel[(f"{group}_out", a)] = sel.get((f"{group}_out", a), 0) + p
    extra: dict[str, object] = {
        col: np.array([sel.get((col, n), 0) for n in names], dtype=int)
        for col in ("agreement_in", "agreement_out", "proposed_in", "proposed_out")
    }
    if marginal is not None and len(marginal.columns):
        mv = marginal.reindex(names)
        cols = {c: mv[c].to_numpy(dtype=float) for c in mv.columns}
        extra["marginal_value"] = pd.Series(
            [
                {lv: float(cols[lv][i]) for lv in SHORTFALL_LEVELS if lv in cols}
                for i in range(len(names))
            ],
            dtype=object,
        )
        extra["amv_marginal_value"] = pd.Series(
            [
                {lv: float(cols[f"amv_{lv}"][i]) for lv in SHORTFALL_LEVELS if f"amv_{lv}" in cols}
                for i in range(len(names))
            ],
            dtype=object,
        )
    municipal = pd.concat([municipal, pd.DataFrame(extra)], axis=1)
    short = dict(zip(names, municipal["shortfall"].tolist(), strict=True))
    flows["leaves_giver_short"] = np.array(
        [bool(s[4] == "agreement" and s[0] in short and short[s[0]] > 0) for s in swaps],
        dtype=bool,
    )
    return municipal, regions, total, cand, flows


def _values_pulp(model: Model) -> dict[str, float]:
    """Variable values keyed like :attr:`planner.optimise.matrix.MatrixModel.key`."""
    groups = {
        "open": model.open, "places": model.places, "swap": model.swap,
        "swap_amv": model.swap_amv, "gives": model.gives, "gives_amv": model.gives_amv,
        "province_shortfall": model.province_shortfall,
    }  # fmt: skip
    return {
        f"{kind}:{k}": v.varValue or 0.0 for kind, group in groups.items() for k, v in group.items()
    }


def _hard_conflicts(inst: Instance, hard: dict[str, str]) -> list[str]:
    """Name the user's hard requirements when the model is infeasible."""
    msgs = []
    must = inst.candidates[inst.candidates["must_open"]]
    lim = inst.scenario.limits
    if lim.max_new_locations is not None and len(must) > lim.max_new_locations:
        msgs.append(
            Words("msg_must_open_locations", n=len(must), ids=", ".join(must["id"]),
                  limit=lim.max_new_locations)
        )  # fmt: skip
    if lim.max_new_places is not None and must["lo"].sum() > lim.max_new_places:
        msgs.append(
            Words("msg_must_open_places", need=int(must["lo"].sum()), limit=lim.max_new_places)
        )
    if not msgs and hard:
        msgs.append(Words("msg_hard_conflict", what="; ".join(hard.values())))
    return msgs


def solve_instance(
    inst: Instance, solver: str | None = None, engine: str | None = None
) -> SolveResult:
    """Solve a built instance (see :func:`solve_scenario`)."""
    sc = inst.scenario
    levels = list(sc.objective) + (["tie_break"] if sc.solver.tie_break else [])
    engine = engine or sc.solver.engine
    messages = list(inst.messages)
    try:
        name = pick_solver(solver or sc.solver.name)
    except SolverError as exc:
        return _failed(inst, Status.SOLVER_MISSING, solver or sc.solver.name, engine, [str(exc)])
    if engine == "auto":
        engine = "matrix" if name == "highs" else "pulp"
    if engine == "matrix" and name != "highs":
        messages.append(Words("msg_matrix_needs_highs"))
        engine = "pulp"
    t0 = time.perf_counter()
    if engine == "matrix":
        from planner.optimise.matrix import build_matrix, marginal_values_highs, solve_levels_highs

        mm = build_matrix(inst)
        build = time.perf_counter() - t0
        hard = mm.hard
        t1 = time.perf_counter()
        h, level_results, status, values, level_rows = solve_levels_highs(
            mm, levels, sc.solver.time_limit
        )
        del h, level_rows
        marginal = None
        if status is Status.OPTIMAL:
            names = list(inst.municipalities["name"])
            marginal = marginal_values_highs(mm, values, sc.objective, names)
    else:
        model = create_model(inst)
        build = time.perf_counter() - t0
        hard = model.hard
        t1 = time.perf_counter()
        level_results, status = _solve_levels_pulp(model, levels, name, sc.solver.time_limit)
        values = _values_pulp(model)
        marginal = None
        if status is Status.OPTIMAL:
            marginal = marginal_values(inst, values, sc.objective, name, messages)
    seconds = time.perf_counter() - t1
    if status is Status.INFEASIBLE:
        messages += _hard_conflicts(inst, hard)
    if status is Status.TIME_LIMIT:
        messages.append(
            Words("msg_time_limit", seconds=sc.solver.time_limit,
                  level=Words(f"level_{level_results[-1].name}"))
        )  # fmt: skip
    if status not in (Status.OPTIMAL, Status.TIME_LIMIT):
        return _failed(inst, status, name, engine, messages, level_results, build, seconds)
    mun, regions, total, cand, flows = _results(inst, values, marginal)
    return SolveResult(
        scenario=sc.name,
        status=status,
        solver=name,
        engine=engine,
        build_seconds=build,
        solve_seconds=seconds,
        levels=[lv for lv in level_results if lv.name != "tie_break"],
        messages=messages,
        municipalities=mun,
        regions=regions,
        province=total,
        candidates=cand,
        swaps=flows,
        instance=inst,
    )


def _failed(
    inst: Instance,
    status: Status,
    solver: str,
    engine: str,
    messages: list[str],
    levels: list[LevelResult] | None = None,
    build: float = 0.0,
    seconds: float = 0.0,
) -> SolveResult:
    empty = pd.DataFrame()
    return SolveResult(
        scenario=inst.scenario.name,
        status=status,
        solver=solver,
        engine=engine,
        build_seconds=build,
        solve_seconds=seconds,
        levels=levels or [],
        messages=messages,
        municipalities=empty,
        regions=empty,
        province=pd.Series(dtype=object),
        candidates=inst.candidates,
        swaps=empty,
        instance=inst,
    )


def solve_scenario(
    ds: Dataset, scenario: Scenario, solver: str | None = None, engine: str | None = None
) -> SolveResult:
    """Solve a scenario on the data.

    Parameters
    ----------
    ds
        The loaded data.
    scenario
        The scenario.
    solver
        ``highs``, ``cbc`` or ``auto``; the scenario's ``solver.name`` by default.
    engine
        ``pulp`` (PuLP builds and hands over every level) or ``matrix`` (the PuLP model
        is handed to HiGHS once and re-solved in place); the scenario's setting by default.

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> r = solve_scenario(load_dataset(), Scenario(name="base"))
    >>> r.status.value, r.level("provincial_shortfall"), r.level("municipal_shortfall")
    ('optimal', 2461.0, 2945.0)
    """
    return solve_instance(build_instance(ds, scenario), solver, engine)
