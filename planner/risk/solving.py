"""The sweep's model: built once, handed to HiGHS once per process, a draw re-solved in
place (see :mod:`planner.risk.sweep` for how a draw is solved).
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from dataclasses import dataclass

import numpy as np

from planner.data.loader import Dataset
from planner.optimise.instance import build_instance
from planner.optimise.levels import HighsLevels, Status, silence_highs_banner, solve_levels
from planner.optimise.marginal import SHORTFALL_LEVELS
from planner.optimise.matrix import MatrixModel
from planner.optimise.model import build_matrix, slug
from planner.risk.draws import Plan
from planner.scenario.schema import Scenario

__all__ = ["SweepModel", "sweep_levels", "build_sweep", "solve_patterns", "worker_init",
           "worker_chunk"]  # fmt: skip


@dataclass
class SweepModel:
    """One built model plus what a draw changes and what it reads.

    Picklable and free of pandas, so it is built once and shipped to worker processes
    or Dask workers, which hand it to HiGHS once each.
    """

    mm: MatrixModel
    levels: list[str]
    plans: list[Plan]
    open_cols: list[int]
    must_rows: list[int | None]
    names: list[str]
    short_cols: list[int]
    amv_short_cols: list[int]
    provinces: list[str]
    province_cols: list[int]
    time_limit: float

    @property
    def key(self) -> str:
        """A content hash: workers cache one solver per model."""
        return hashlib.sha256(pickle.dumps(self, protocol=4)).hexdigest()[:16]


def sweep_levels(scenario: Scenario, levels: str = "all") -> list[str]:
    """The objective levels a draw solves.

    ``all`` (default): every level of the scenario and the tie-break, as a plain solve.
    ``shortfalls``: the levels up to and including the last shortfall level
    (provincial, amv, municipal), about three times faster; they fix the totals, the
    province figures and the importances, but not the split of a shortfall over
    municipalities among equally good answers (two short municipalities, one surplus
    to give), which is then whatever HiGHS returns first.

    >>> sweep_levels(Scenario(name="x"), "shortfalls")
    ['provincial_shortfall', 'amv_shortfall', 'municipal_shortfall']
    """
    order = list(scenario.objective)
    if levels == "all":
        return order + (["tie_break"] if scenario.solver.tie_break else [])
    if levels != "shortfalls":
        raise ValueError(f"levels must be 'shortfalls' or 'all', not {levels!r}")
    last = max(i for i, name in enumerate(order) if name in SHORTFALL_LEVELS)
    return order[: last + 1]


def build_sweep(ds: Dataset, scenario: Scenario, levels: str = "all") -> SweepModel:
    """Build the model once for many draws (``levels``: see :func:`sweep_levels`).

    A plan is a candidate that can count for the cycle and has a probability or a start
    delay. Candidates that cannot count at all stay out, as in a plain solve.
    """
    inst = build_instance(ds, scenario)
    mm = build_matrix(inst)
    w0 = inst.rules.window_start
    plans, open_cols, must_rows = [], [], []
    row_of = mm.row_of
    for r in inst.countable.itertuples(index=False):
        p = scenario.probability(r.id)
        d = scenario.start_delay(r.id)
        if p is None and d is None:
            continue
        start = r.start.date()
        plans.append(
            Plan(
                id=r.id,
                municipality=r.municipality,
                places=int(r.hi),
                probability=1.0 if p is None else float(p),
                start=start,
                slack_days=(w0 - start).days,
                delay=None if d is None else (float(d.min), float(d.mode), float(d.max)),
            )
        )
        open_cols.append(mm.key[f"open:{r.id}"])
        must_rows.append(row_of.get(f"must_open_{slug(r.id)}"))
    names = list(inst.municipalities["name"])
    provinces = list(inst.provinces["province"])
    return SweepModel(
        mm=mm,
        levels=sweep_levels(scenario, levels),
        plans=plans,
        open_cols=open_cols,
        must_rows=must_rows,
        names=names,
        short_cols=[mm.key[f"shortfall:{n}"] for n in names],
        amv_short_cols=[mm.key[f"amv_shortfall:{n}"] for n in names],
        provinces=provinces,
        province_cols=[mm.key[f"province_shortfall:{p}"] for p in provinces],
        time_limit=float(scenario.solver.time_limit),
    )


class _Solver:
    """One HiGHS instance for a sweep model; a level row per level, free until used."""

    def __init__(self, sm: SweepModel) -> None:
        self.sm = sm
        self.levels = HighsLevels(sm.mm, sm.time_limit)
        self.levels.reserve(sm.levels)
        self.memo: dict[bytes, tuple[int, np.ndarray, np.ndarray]] = {}
        self.open_cols = np.array(sm.open_cols, dtype=np.int32)
        self.out_cols = np.array(
            [*sm.short_cols, *sm.amv_short_cols, *sm.province_cols], dtype=np.int64
        )

    def solve(self, available: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
        """Status (0 optimal, 1 time limit, 2 other), level values, output columns.

        A draw's answer depends only on which plans are available (the solver starts
        from a cleared state), so a pattern seen before in this process is not solved
        again: with a dozen plans, 1,000 draws hold about 500 distinct patterns.
        """
        pattern = available.tobytes()
        if pattern not in self.memo:
            self.memo[pattern] = self._solve(available)
        return self.memo[pattern]

    def _solve(self, available: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
        sm, b = self.sm, self.levels
        h = b.h
        b.free_levels()
        if len(self.open_cols):
            upper = available.astype(float)
            h.changeColsBounds(len(self.open_cols), self.open_cols, np.zeros(len(upper)), upper)
        for k, row in enumerate(sm.must_rows):
            if row is not None:
                h.changeRowBounds(row, 1.0 if available[k] else 0.0, 1.0)
        h.clearSolver()
        run = solve_levels(b, sm.mm, sm.levels, sm.time_limit)
        values = np.full(len(sm.levels), np.nan)
        for i, lv in enumerate(run.levels):
            if lv.status is Status.OPTIMAL:
                values[i] = lv.value
        if run.status is not Status.OPTIMAL:
            status = 1 if run.time_limit_hit else 2
            return status, values, np.full(len(self.out_cols), np.nan)
        return 0, values, run.x[self.out_cols]


_SOLVERS: dict[str, _Solver] = {}

#: One HiGHS object per process is re-solved in place; threads (the app's sessions)
#: take turns with it.
_SOLVER_LOCK = threading.RLock()


def _solver(key: str, sm: SweepModel) -> _Solver:
    """The process's solver for a model (built on first use, then reused)."""
    with _SOLVER_LOCK:
        if key not in _SOLVERS:
            _SOLVERS.clear()
            _SOLVERS[key] = _Solver(sm)
        return _SOLVERS[key]


def solve_patterns(
    sm: SweepModel, patterns: np.ndarray, key: str | None = None
) -> dict[str, np.ndarray]:
    """Solve the model for each availability pattern (a row of bools per plan), in
    this process.

    Returns arrays with one row per pattern: ``status`` (0 optimal, 1 time limit, 2
    other), ``levels`` (value per level) and ``values`` (shortfall per municipality,
    amv shortfall per municipality, shortfall per province).
    """
    with _SOLVER_LOCK:
        return _solve_patterns(sm, patterns, key)


def _solve_patterns(sm: SweepModel, patterns: np.ndarray, key: str | None) -> dict[str, np.ndarray]:
    solver = _solver(key or sm.key, sm)
    n = len(patterns)
    out = {
        "status": np.zeros(n, dtype=np.int8),
        "levels": np.zeros((n, len(sm.levels))),
        "values": np.zeros((n, len(solver.out_cols))),
    }
    for row, avail in enumerate(np.asarray(patterns, dtype=bool).reshape(n, len(sm.plans))):
        status, levels, values = solver.solve(avail)
        out["status"][row] = status
        out["levels"][row] = levels
        out["values"][row] = values
    return out


def worker_init(key: str, sm: SweepModel) -> None:
    silence_highs_banner()
    _solver(key, sm)


def worker_chunk(key: str, sm: SweepModel | None, start: int, patterns: np.ndarray):
    if sm is None:  # local pool: the model was handed over by the initializer
        sm = _SOLVERS[key].sm
    else:
        silence_highs_banner()
    return start, solve_patterns(sm, patterns, key)
