"""The one lexicographic level solver, and the two solver backends it drives.

Each objective level is optimised in order and then fixed (within :func:`tolerance`)
by a level row before the next, so a priority is a priority and not a weight; the
tie-break, when asked for, is the last level. The solver's status is checked after every
level: a time limit, an infeasible hard requirement or a solver failure stops the loop
and is reported as such, never shown as an optimum.

:func:`solve_levels` is used by every caller (a plain solve, the risk sweep's draws,
the benchmark). It drives a backend: :class:`HighsLevels` (the model's arrays handed to
HiGHS once and re-solved in place) or :class:`PulpLevels` (the PuLP problem generated
from the same arrays, solved with HiGHS or CBC through PuLP).
"""

from __future__ import annotations

import math
import os
import sys
import time
import warnings
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np

from planner.errors import SolverError
from planner.formats import Words
from planner.optimise.matrix import INF, MatrixModel, split, to_pulp

__all__ = [
    "Status",
    "LevelResult",
    "LevelRun",
    "HighsLevels",
    "PulpLevels",
    "solve_levels",
    "solve_levels_by_part",
    "tolerance",
    "highs_status",
    "new_highs",
    "silence_highs_banner",
    "cbc_solver",
    "pulp_solver",
    "pulp_status",
    "solve_pulp",
]


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
class LevelRun:
    """What :func:`solve_levels` found.

    ``x`` is the column values of the last answer found (``None`` when there is none);
    ``time_limit_hit`` says the solver stopped at the time limit (with or without an
    answer), so a caller can say so instead of guessing a cause.
    """

    levels: list[LevelResult]
    status: Status
    x: np.ndarray | None
    time_limit_hit: bool = False


def tolerance(value: float) -> float:
    """How far above its optimum a fixed level may go: absolute 1e-6 plus relative 1e-9,
    so rounding in one level cannot make the next infeasible."""
    return 1e-6 + 1e-9 * abs(value)


# --------------------------------------------------------------------------- HiGHS

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


def new_highs(time_limit: float = 60.0):
    """A silent HiGHS object with the project's settings (exact gap, one thread)."""
    import highspy

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


def highs_status(h) -> tuple[Status, bool]:
    """HiGHS's model status as ``(status, time_limit_hit)``: a time or iteration limit
    with a feasible answer is TIME_LIMIT, never OPTIMAL; without one it is NOT_SOLVED
    (and ``time_limit_hit`` says why)."""
    import highspy

    ms = h.getModelStatus()
    feasible = h.getInfo().primal_solution_status == 2
    if ms == highspy.HighsModelStatus.kOptimal:
        return Status.OPTIMAL, False
    if ms in (highspy.HighsModelStatus.kTimeLimit, highspy.HighsModelStatus.kIterationLimit):
        return (Status.TIME_LIMIT if feasible else Status.NOT_SOLVED), True
    if ms == highspy.HighsModelStatus.kInfeasible:
        return Status.INFEASIBLE, False
    return Status.NOT_SOLVED, False


class HighsLevels:
    """The model's arrays in one HiGHS object: costs changed per level, level rows added
    (or, when reserved, re-bounded) in place."""

    def __init__(self, mm: MatrixModel, time_limit: float = 60.0) -> None:
        import highspy

        self.mm = mm
        self.inf = highspy.kHighsInf
        self.h = new_highs(time_limit)
        self.h.passModel(mm.to_highs_lp())
        self.idx = np.arange(mm.num_col, dtype=np.int32)
        self.level_row: dict[str, int] = {}
        self._costs: dict[int, tuple[dict[int, float], np.ndarray]] = {}

    def reserve(self, levels: list[str]) -> None:
        """Add a free level row per level now, so every later solve sees the same rows
        (the risk sweep's answers then do not depend on which draws came before)."""
        for name in levels:
            obj = self.mm.objectives[name]
            if obj and name not in self.level_row:
                self._add_row(name, obj, self.inf)

    def free_levels(self) -> None:
        """Release every level row (before solving the levels again)."""
        for row in self.level_row.values():
            self.h.changeRowBounds(row, -self.inf, self.inf)

    def _add_row(self, name: str, obj: dict[int, float], upper: float) -> None:
        cols = np.fromiter(obj, dtype=np.int32, count=len(obj))
        vals = np.fromiter(obj.values(), dtype=float, count=len(obj))
        self.h.addRow(-self.inf, upper, len(cols), cols, vals)
        self.level_row[name] = self.h.getNumRow() - 1

    def set_objective(self, obj: dict[int, float]) -> None:
        # Cost vectors are kept per objective object (the same levels are set again for
        # every draw of a sweep); the object is kept with it, so an id reused by another
        # dict can never pick up the wrong costs.
        cached = self._costs.get(id(obj))
        if cached is None or cached[0] is not obj:
            cached = self._costs[id(obj)] = (obj, self.mm.costs(obj))
        self.h.changeColsCost(len(self.idx), self.idx, cached[1])

    def run(self, time_limit: float) -> tuple[Status, bool]:
        self.h.setOptionValue("time_limit", float(max(0.01, time_limit)))
        self.h.run()
        return highs_status(self.h)

    def objective_value(self) -> float:
        return float(self.h.getInfo().objective_function_value)

    def solution(self) -> np.ndarray:
        return np.asarray(self.h.getSolution().col_value)

    def relax_row(self, i: int) -> None:
        """Free row ``i`` (to test whether a requirement causes a conflict)."""
        self.h.changeRowBounds(i, -self.inf, self.inf)

    def restore_row(self, i: int) -> None:
        self.h.changeRowBounds(i, self.mm.row_lower[i], self.mm.row_upper[i])

    def bound_level(self, name: str, obj: dict[int, float], upper: float) -> None:
        if name in self.level_row:
            self.h.changeRowBounds(self.level_row[name], -self.inf, upper)
        else:
            self._add_row(name, obj, upper)


# --------------------------------------------------------------------------- PuLP


def cbc_solver(**options: Any):
    """CBC: a ``cbc`` on the PATH (PuLP 4 style, ``pip install pulp[cbc]``) or the copy
    bundled with PuLP 3 (whose class is deprecated there but still the one that ships)."""
    import pulp

    coin = pulp.COIN_CMD(**options)
    if coin.available():
        return coin
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return pulp.PULP_CBC_CMD(**options)


def pulp_solver(name: str, time_limit: float, mip: bool = True):
    """A PuLP solver object: ``highs`` (highspy through PuLP) or ``cbc``."""
    import pulp

    silence_highs_banner()
    limit = max(1.0, time_limit)
    if name == "highs":
        return pulp.HiGHS(msg=False, mip=mip, timeLimit=limit, gapRel=0.0, gapAbs=1e-7, threads=1)
    return cbc_solver(msg=False, mip=mip, timeLimit=int(np.ceil(limit)), gapRel=0.0)


#: Where CBC's files go when the temporary folder's path has a space (see
#: :func:`_cbc_tmp_base`).
CBC_TMP_FALLBACKS = ("/tmp", "/var/tmp", "/dev/shm")


def _cbc_tmp_base() -> str:
    """A folder for CBC's files whose path has no whitespace.

    PuLP hands CBC its file names on a command line split at spaces, so a TMPDIR with a
    space breaks CBC (and leaves PuLP's files behind). The system's temporary folder is
    used when it has no space, else the first of /tmp, /var/tmp, /dev/shm that can be
    written to.

    Raises
    ------
    SolverError
        When there is no such folder (the message says to set TMPDIR).
    """
    import tempfile

    first = tempfile.gettempdir()
    for base in (first, *CBC_TMP_FALLBACKS):
        if not any(c.isspace() for c in base) and os.path.isdir(base) and os.access(base, os.W_OK):
            return base
    raise SolverError(Words("cbc_tmpdir_space", path=first))


def solve_pulp(prob, solver: str, time_limit: float, mip: bool = True) -> None:
    """Solve a PuLP problem with ``highs`` or ``cbc``; CBC's files go to a temporary
    folder of their own (see :func:`_cbc_tmp_base`) that is removed afterwards, whatever
    happens, so no ``.mps`` is left behind."""
    import tempfile

    solver_obj = pulp_solver(solver, time_limit, mip=mip)
    if solver == "highs":
        prob.solve(solver_obj)
        return
    with tempfile.TemporaryDirectory(prefix="planner-cbc-", dir=_cbc_tmp_base()) as folder:
        solver_obj.tmpDir = folder
        prob.solve(solver_obj)


def pulp_status(prob) -> tuple[Status, bool]:
    """PuLP's status of a solved problem as ``(status, time_limit_hit)``."""
    import pulp

    if prob.status == pulp.LpStatusOptimal and prob.sol_status == pulp.LpSolutionOptimal:
        return Status.OPTIMAL, False
    if prob.sol_status == pulp.LpSolutionIntegerFeasible:
        return Status.TIME_LIMIT, True
    if prob.status == pulp.LpStatusInfeasible:
        return Status.INFEASIBLE, False
    return Status.NOT_SOLVED, prob.sol_status == pulp.LpSolutionNoSolutionFound


class PulpLevels:
    """The PuLP problem generated from the arrays, each level solved through PuLP."""

    def __init__(self, mm: MatrixModel, solver: str, mip: bool = True) -> None:
        self.mm = mm
        self.solver = solver
        self.mip = mip
        self.prob, self.cols, self.rows = to_pulp(mm)
        self._expr = None

    def expression(self, obj: dict[int, float]):
        import pulp

        return pulp.LpAffineExpression([(self.cols[j], v) for j, v in obj.items()])

    def set_objective(self, obj: dict[int, float]) -> None:
        self._expr = self.expression(obj)
        self.prob.setObjective(self._expr)

    def run(self, time_limit: float) -> tuple[Status, bool]:
        solve_pulp(self.prob, self.solver, time_limit, mip=self.mip)
        return pulp_status(self.prob)

    def objective_value(self) -> float:
        return float(sum(float(v.varValue or 0.0) * a for v, a in self._expr.items()))

    def solution(self) -> np.ndarray:
        return np.array([float(v.varValue or 0.0) for v in self.cols])

    def relax_row(self, i: int) -> None:
        """Free row ``i`` (to test whether a requirement causes a conflict)."""
        self._set_row(i, -INF, INF)

    def restore_row(self, i: int) -> None:
        self._set_row(i, self.mm.row_lower[i], self.mm.row_upper[i])

    def _set_row(self, i: int, lower: float, upper: float) -> None:
        # A PuLP constraint has one sense; a free row is "row >= -1e30" (PuLP cannot
        # drop a constraint without private attributes), a restored one its own bounds.
        import pulp

        c = self.rows[i]
        if math.isinf(lower) and math.isinf(upper):
            c.sense, c.constant = pulp.LpConstraintGE, 1e30
        elif lower == upper:
            c.sense, c.constant = pulp.LpConstraintEQ, -lower
        elif math.isinf(lower):
            c.sense, c.constant = pulp.LpConstraintLE, -upper
        else:
            c.sense, c.constant = pulp.LpConstraintGE, -lower

    def bound_level(self, name: str, obj: dict[int, float], upper: float) -> None:
        self.prob += self.expression(obj) <= upper, f"level_{name}"


# --------------------------------------------------------------------------- levels


def solve_levels(backend, mm: MatrixModel, levels: list[str], time_limit: float) -> LevelRun:
    """Optimise the levels in order, fixing each within :func:`tolerance` before the next.

    A level with an empty objective (no candidates, no swaps) is 0 without a solve. The
    loop stops at the first level that does not end optimal; the answer found last (if
    any) is returned with it, and a time limit hit at a later level keeps the answer of
    the level before (feasible, not proven optimal).
    """
    deadline = time.perf_counter() + time_limit
    results: list[LevelResult] = []
    x: np.ndarray | None = None
    for name in levels:
        obj = mm.objectives[name]
        if not obj:
            results.append(LevelResult(name, 0.0, Status.OPTIMAL, 0.0))
            continue
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            results.append(LevelResult(name, None, Status.TIME_LIMIT, 0.0))
            return LevelRun(results, Status.TIME_LIMIT if x is not None else Status.NOT_SOLVED,
                            x, True)  # fmt: skip
        backend.set_objective(obj)
        t0 = time.perf_counter()
        status, limit_hit = backend.run(remaining)
        seconds = time.perf_counter() - t0
        answer = status in (Status.OPTIMAL, Status.TIME_LIMIT)
        value = backend.objective_value() if answer else None
        results.append(LevelResult(name, value, status, seconds))
        if answer:
            x = backend.solution()
        if status is not Status.OPTIMAL:
            if limit_hit and x is not None:
                status = Status.TIME_LIMIT
            return LevelRun(results, status, x, limit_hit)
        backend.bound_level(name, obj, value + tolerance(value))
    if x is None:  # no level had anything to decide: any feasible answer will do
        backend.set_objective({})
        status, limit_hit = backend.run(max(0.01, deadline - time.perf_counter()))
        if status is not Status.OPTIMAL:
            return LevelRun(results, status, None, limit_hit)
        x = backend.solution()
    return LevelRun(results, Status.OPTIMAL, x)


def _worst(statuses: list[Status]) -> Status:
    for s in (Status.INFEASIBLE, Status.ERROR, Status.NOT_SOLVED, Status.TIME_LIMIT):
        if s in statuses:
            return s
    return Status.OPTIMAL


def solve_part(task: tuple) -> LevelRun:
    """One part's levels: ``task`` is ``(model, levels, time_limit, backend class)``, a
    plain tuple so it can be sent to another process or a Dask worker."""
    sub, levels, limit, backend = task
    return solve_levels(backend(sub, limit), sub, levels, limit)


def solve_levels_by_part(
    mm: MatrixModel,
    levels: list[str],
    time_limit: float,
    parts: list[tuple[list[int], MatrixModel]] | None = None,
    backend: type = HighsLevels,
    mapper=None,
) -> LevelRun:
    """:func:`solve_levels` with HiGHS, part by part when the model falls apart.

    When swaps stay inside provinces and no limit spans provinces, the provinces are
    independent problems (:func:`planner.optimise.matrix.split` finds them from the
    rows alone). Every level is a sum over the parts, so a level's optimum is the sum of
    the parts' optima, and fixing each part's level at its optimum is the same as fixing
    the sum: the answer is that of the whole model, found by solving many small MIPs
    instead of one large one (tested equal on the national instance). One part: the
    whole model, as before.

    ``backend`` is the class that solves a model's levels (HiGHS by default); ``mapper``
    (``mapper(solve_part, tasks) -> runs``, in order) solves the parts elsewhere, e.g.
    in local processes or on a Dask cluster; by default one after the other here.
    """
    parts = parts if parts is not None else split(mm)
    if len(parts) <= 1:
        return solve_levels(backend(mm, time_limit), mm, levels, time_limit)
    deadline = time.perf_counter() + time_limit
    x = np.zeros(mm.num_col)

    def one(part: tuple[list[int], MatrixModel]) -> LevelRun:
        remaining = max(0.01, deadline - time.perf_counter())
        return solve_part((part[1], levels, remaining, backend))

    # One after the other: solving parts on threads (HiGHS releases Python's lock) was
    # measured twice as slow on the national instance (2 cores shared with other work),
    # and processes cost more to start than the whole solve of a single window.
    if mapper is None:
        runs = [one(part) for part in parts]
    else:
        runs = list(mapper(solve_part, [(sub, levels, time_limit, backend) for _, sub in parts]))
    for (cols, _), run in zip(parts, runs, strict=True):
        if run.x is not None:
            x[cols] = run.x
    status = _worst([r.status for r in runs])
    results = []
    for k, name in enumerate(levels):
        got = [r.levels[k] for r in runs if len(r.levels) > k]
        if len(got) < len(parts) or any(lv.value is None for lv in got):
            if got:
                results.append(LevelResult(name, None, _worst([lv.status for lv in got]),
                                           sum(lv.seconds for lv in got)))  # fmt: skip
            break
        results.append(LevelResult(name, sum(lv.value for lv in got),
                                   _worst([lv.status for lv in got]),
                                   sum(lv.seconds for lv in got)))  # fmt: skip
    answered = len(runs) == len(parts) and all(r.x is not None for r in runs)
    if status is Status.TIME_LIMIT and not answered:
        status = Status.NOT_SOLVED
    return LevelRun(results, status, x if answered else None,
                    any(r.time_limit_hit for r in runs))  # fmt: skip
