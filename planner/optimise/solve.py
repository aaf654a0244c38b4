"""Solving a scenario: the one statement, the level solver, marginal values, a typed result.

Each objective level is optimised in the scenario's order and then fixed (within a small
tolerance) before the next (:mod:`planner.optimise.levels`), so a priority is a priority
and not a weight. The solver's status is checked after every level: a time limit, a
missing solver or an infeasible hard requirement is reported as such (the cause first,
see :func:`solve_instance`), never shown as an optimum.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pulp

from planner.counting.count import LEVEL_COLUMNS, aggregate
from planner.data.loader import Dataset
from planner.errors import SolverError
from planner.formats import Words
from planner.optimise.instance import Instance, build_instance
from planner.optimise.levels import (
    HighsLevels,
    LevelResult,
    PulpLevels,
    Status,
    cbc_solver,
    silence_highs_banner,
    solve_levels,
    solve_levels_by_part,
)
from planner.optimise.marginal import SHORTFALL_LEVELS, marginal_values_highs, marginal_values_pulp
from planner.optimise.matrix import split
from planner.optimise.model import create_model
from planner.optimise.programmes import cross_results
from planner.scenario.schema import Scenario
from planner.tables import frame_of, jsonable, numbered, records

__all__ = [
    "Status",
    "LevelResult",
    "SolveResult",
    "solve_scenario",
    "solve_instance",
    "available_solvers",
    "pick_solver",
    "SHORTFALL_LEVELS",
    "silence_highs_banner",
]


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    """Records of the columns a frame has: a solve without an answer has empty tables
    (or candidates without the answer's columns), and its JSON form must still be
    written (status and messages), not crash."""
    return records(frame, [c for c in columns if c in frame.columns])


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
    #: Swaps across programmes (recorded counter legs that count, and proposals) with
    #: their explanation, and the OEK table after them; ``None`` when nothing crosses.
    cross_swaps: pd.DataFrame | None = None
    oek: pd.DataFrame | None = None

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
        for row in _rows(self.regions, ["region", *LEVEL_COLUMNS]):
            row["name"] = row.pop("region", None)
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
            "messages": jsonable(list(self.messages)),
            "province": jsonable(self.province.to_dict()),
            "regions": regions,
            "municipalities": _rows(self.municipalities, mun_cols),
            "candidates": _rows(
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
            "swaps": _rows(
                self.swaps,
                ["from", "to", "places", "amv_places", "kind", "id", "leaves_giver_short"],
            ),
            **(
                {
                    "cross_programme_swaps": _rows(self.cross_swaps, list(self.cross_swaps)),
                    "oek": _rows(self.oek, list(self.oek)) if self.oek is not None else [],
                }
                if self.cross_swaps is not None
                else {}
            ),
        }


# --------------------------------------------------------------------------- solvers


def available_solvers() -> list[str]:
    """Solvers this installation can run: ``highs`` (highspy) and/or ``cbc`` (PuLP)."""
    silence_highs_banner()
    out = []
    if pulp.HiGHS(msg=False).available():
        out.append("highs")
    if cbc_solver(msg=False).available():
        out.append("cbc")
    return out


def _said(exc: Exception) -> Words | str:
    """A solver error's words (Dutch, told in English on request), else its text."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, Words) else str(exc)


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
            raise SolverError(Words("msg_no_solver"))
        return have[0]
    if name not in have:
        raise SolverError(
            Words("msg_solver_unavailable", name=repr(name), have=", ".join(have) or "-")
        )
    return name


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
            numbered(cand),
            frame_of(
                {
                    "opened": opened,
                    "places": places,
                    "min_places": cand["lo"],
                    "max_places": cand["hi"],
                    "reason": [
                        "" if c else w for c, w in zip(can, cand["why"].tolist(), strict=True)
                    ],  # fmt: skip
                },
                len(ids),
            ),
        ],
        axis=1,
    )

    mun = inst.municipalities
    own_p = dict(zip(mun["name"].tolist(), mun["base"].tolist(), strict=True))
    own_a = dict(zip(mun["name"].tolist(), mun["amv_base"].tolist(), strict=True))
    for muni, group, n, o in zip(cand["municipality"].tolist(), cand["target_group"].tolist(),
                                 places.tolist(), opened.tolist(), strict=True):  # fmt: skip
        if o and group != "oek":  # OEK places count in the OEK table (cross_results)
            own_p[muni] += n
            if group == "amv":
                own_a[muni] += n
    own = frame_of(
        {"places": np.array(list(own_p.values()), dtype=int),
         "amv_places": np.array(list(own_a.values()), dtype=int)},
        index=pd.Index(list(own_p), dtype=object),
    )  # fmt: skip

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
            kind = "proposed" if src == "policy" else "register"
            if str(src).startswith("cross:"):
                kind = "cross_programme"  # asylum leg; the OEK leg is in ``cross_swaps``
            swaps.append((a, b, int(v), int(va), kind, i))
    flows = frame_of(
        {
            k: np.array([s[j] for s in swaps], dtype=int)
            if k in ("places", "amv_places")
            else [s[j] for s in swaps]
            for j, k in enumerate(("from", "to", "places", "amv_places", "kind", "id"))
        },
        len(swaps),
    )
    report = inst.report.municipalities
    soft = frame_of(
        {"soft_plans": report["soft_plans"], "amv_soft_plans": report["amv_soft_plans"]},
        index=pd.Index(report["name"].tolist(), dtype=object),
    )
    # aggregate reads these columns by name: the table itself, not a copy of them.
    municipal, regions, total = aggregate(report, own, flows, soft)
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
        # By name, as a reindex would (a municipality without a value gets NaN).
        at = {n: i for i, n in enumerate(marginal.index.tolist())}
        cols = {c: marginal[c].to_numpy(dtype=float) for c in marginal.columns}

        def values_of(prefix: str) -> list[dict[str, float]]:
            return [
                {
                    lv: float(cols[prefix + lv][at[n]]) if n in at else float("nan")
                    for lv in SHORTFALL_LEVELS
                    if prefix + lv in cols
                }
                for n in names
            ]

        extra["marginal_value"] = values_of("")
        extra["amv_marginal_value"] = values_of("amv_")
    municipal = pd.concat([municipal, frame_of(extra, len(names))], axis=1)
    short = dict(zip(names, municipal["shortfall"].tolist(), strict=True))
    flows["leaves_giver_short"] = np.array(
        [bool(s[4] == "agreement" and s[0] in short and short[s[0]] > 0) for s in swaps],
        dtype=bool,
    )
    return municipal, regions, total, cand, flows


def _hard_conflicts(backend, mm, hard_rows: list[int], time_limit: float) -> list[int] | None:
    """The hard requirements that conflict, as rows: a deletion filter.

    First relax every hard row: if the model is still infeasible, the conflict is not
    among them (``None``). Otherwise, starting from all of them, leave each out in turn:
    if the rest is still infeasible it is not needed for the conflict and stays out;
    if leaving it out makes the model feasible it is part of the conflict and goes back
    in. What remains is a set of hard requirements that cannot all hold, each of them
    needed for that (an irreducible conflict): a requirement that has nothing to do
    with it is never named. One feasibility solve per hard requirement.
    """
    backend.set_objective({})
    for i in hard_rows:
        backend.relax_row(i)
    status, _ = backend.run(time_limit)
    for i in hard_rows:
        backend.restore_row(i)
    if status is not Status.OPTIMAL:  # infeasible without them (or not known): not them
        return None
    conflict = []
    for i in hard_rows:
        backend.relax_row(i)
        status, _ = backend.run(time_limit)
        if status is Status.OPTIMAL:  # feasible without it: it is part of the conflict
            backend.restore_row(i)
            conflict.append(i)
    return conflict


def _backend(mm, engine: str, solver: str, time_limit: float):
    return HighsLevels(mm, time_limit) if engine == "matrix" else PulpLevels(mm, solver)


def _infeasible_messages(mm, engine: str, solver: str, time_limit: float) -> list[Words]:
    """Say which hard requirements are in conflict (see :func:`_hard_conflicts`)."""
    hard_rows = [mm.row_of[name] for name in mm.hard]
    if not hard_rows:
        return [Words("infeasible_no_requirement")]
    backend = _backend(mm, engine, solver, time_limit)
    conflict = _hard_conflicts(backend, mm, hard_rows, time_limit)
    if not conflict:
        return [Words("infeasible_no_requirement")]
    names = [mm.hard[mm.row_names[i]] for i in conflict]
    return [Words("infeasible_conflict", requirements=names)]


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
        return _failed(inst, Status.SOLVER_MISSING, solver or sc.solver.name, engine, [_said(exc)])
    if engine == "auto":
        engine = "matrix" if name == "highs" else "pulp"
    if engine == "matrix" and name != "highs":
        messages.append(Words("matrix_needs_highs"))
        engine = "pulp"
    limit = float(sc.solver.time_limit)
    t0 = time.perf_counter()
    mm = create_model(inst).mm
    backend = _backend(mm, engine, name, limit) if engine == "pulp" else None
    build = time.perf_counter() - t0
    t1 = time.perf_counter()
    parts = None
    try:
        if engine == "matrix":
            parts = split(mm)
            run = solve_levels_by_part(mm, levels, limit, parts)
        else:
            run = solve_levels(backend, mm, levels, limit)
    except SolverError as exc:
        return _failed(inst, Status.ERROR, name, engine, [_said(exc), *messages], build=build)
    except pulp.PulpSolverError as exc:
        return _failed(inst, Status.ERROR, name, engine,
                       [*messages, Words("solver_error", solver=name, error=str(exc))],
                       build=build)  # fmt: skip
    status = run.status
    values: dict[str, float] = {}
    marginal = None
    if run.x is not None:
        values = {k: float(run.x[j]) for k, j in mm.key.items()}
    if status is Status.OPTIMAL:
        names = list(inst.municipalities["name"])
        if "highs" in available_solvers():
            marginal = marginal_values_highs(
                mm,
                run.x,
                sc.objective,
                names,
                messages,
                parts=parts if engine == "matrix" else None,
            )
        else:
            messages.append(Words("marginal_from_duals"))
            marginal = marginal_values_pulp(mm, run.x, sc.objective, names, name)
    seconds = time.perf_counter() - t1
    last = run.levels[-1].name if run.levels else ""
    cause: list[str] = []
    if status is Status.INFEASIBLE:
        cause = _infeasible_messages(mm, engine, name, limit)
    elif status is Status.TIME_LIMIT:
        cause = [Words("time_limit_answer", limit=f"{limit:g}", level=last)]
    elif run.time_limit_hit:
        cause = [Words("time_limit_no_answer", limit=f"{limit:g}", level=last)]
    elif status is Status.NOT_SOLVED:
        cause = [Words("not_solved", solver=name, level=last)]
    # What went wrong (or is not proven) comes first; the notes about the input follow.
    messages = cause + messages
    if status not in (Status.OPTIMAL, Status.TIME_LIMIT):
        return _failed(inst, status, name, engine, messages, run.levels, build, seconds)
    mun, regions, total, cand, flows = _results(inst, values, marginal)
    cross_swaps = oek = None
    crossing = any(str(s).startswith("cross:") for s in inst.arcs["source"].tolist())
    if len(inst.oek) and (
        len(inst.counter_flows) or inst.scenario.swaps.cross_programme or crossing
        or inst.candidate_masks()[1].any()
    ):  # fmt: skip
        oek, cross_swaps = cross_results(
            inst.oek, inst.counter_flows, inst.arcs, values, float(inst.scenario.swaps.rate),
            inst.oek_candidates,
        )  # fmt: skip
    return SolveResult(
        scenario=sc.name,
        status=status,
        solver=name,
        engine=engine,
        build_seconds=build,
        solve_seconds=seconds,
        levels=[lv for lv in run.levels if lv.name != "tie_break"],
        messages=messages,
        municipalities=mun,
        regions=regions,
        province=total,
        candidates=cand,
        swaps=flows,
        instance=inst,
        cross_swaps=cross_swaps,
        oek=oek,
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
        ``matrix`` (the model's arrays handed to HiGHS once and re-solved in place, part
        by part) or ``pulp`` (the PuLP problem generated from the same arrays, every
        level through PuLP: with CBC, or to compare); the scenario's setting by default.

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> r = solve_scenario(load_dataset(), Scenario(name="base"))
    >>> r.status.value, r.level("provincial_shortfall"), r.level("municipal_shortfall")
    ('optimal', 2461.0, 2945.0)
    """
    return solve_instance(build_instance(ds, scenario), solver, engine)
