"""Pipeline risk: which soft plans and candidates materialise, as numbers a board can use.

Most places a province counts on are plans that may or may not be realised in time.
Each candidate may carry a probability of being realised (``probability``) and a
distribution of its start delay (``start_delay_days``, triangular); see
:class:`planner.scenario.schema.Candidate` and the scenario's ``risk:`` block. A risk run
draws, many times, which candidates materialise in time, re-optimises swaps and
candidates for each draw, and reports the distribution of the provincial shortfall,
the amv shortfall and every municipality's shortfall, the probability that each
province meets its quota, and which plans matter most.

How a draw is solved (the fast path)
------------------------------------
The model is built once (:func:`planner.optimise.matrix.build_matrix`, the same matrix as the
PuLP statement) and handed to HiGHS once. A draw only changes bounds: a candidate that
does not materialise gets upper bound 0 on its ``open_<id>`` column (and its must-open
row, if any, is relaxed); the objective levels are then solved in place, each fixed by a
level row before the next. Every draw starts from a cleared solver state, so its answer
depends on the draw alone, not on which draws the same process solved before: results
are identical for a seed whatever the backend, number of workers or chunking.
Marginal values are not computed for draws. Every objective level and the tie-break are
solved (:func:`sweep_levels`). The levels after the shortfalls (fewest new places,
least swap volume, tie-break) only choose among answers with the same shortfalls, so
the totals, the province figures and the importances do not depend on them; but the
split of a shortfall over municipalities does (two short municipalities, one surplus
to give: which one is short is decided by those levels). ``levels="shortfalls"``
skips them, about three times faster, when only the totals matter.
``tests/test_risk.py`` checks that the fast path gives the same level values as
solving each drawn scenario through the PuLP path.

Draws and seeds
---------------
Draw ``i`` uses its own generator, ``numpy.random.SeedSequence(seed, spawn_key=(i,))``
(the ``i``-th child of ``SeedSequence(seed).spawn``), and consumes the same numbers
whatever the probabilities are: one uniform per plan (realised when below its
probability) and one triangular delay per plan with a delay distribution. So two runs
with the same seed that differ in one plan's probability see the same draws of every
other plan.

Importance of a plan
--------------------
The drop in expected shortfall when a plan is certain: ``E[S] - E[S | plan certain]``.
Plans are drawn independently, so making one certain leaves the others' distribution
unchanged and ``E[S | plan certain]`` is the mean over the draws in which the plan
materialised in time; both means come from the same draws, no extra solves. A plan
with probability 1 (and no delay) has importance 0; a plan that never materialised in
the draws has no estimate (``None``).

Examples
--------
>>> from planner.data.loader import load_dataset
>>> from planner.scenario.schema import load_scenario
>>> ds = load_dataset()
>>> sc = load_scenario(default_scenarios() / "soft-plans-risk.yaml", ds)
>>> r = run_risk(ds, sc, draws=20, seed=1, workers=1)
>>> r.status.value, r.draws, 0.0 <= r.p_meet_quota <= 1.0
('ok', 20, True)
"""

from __future__ import annotations

import hashlib
import math
import pickle
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from planner.data.loader import Dataset, default_data_dir
from planner.errors import InputError, Issue
from planner.optimise.instance import build_instance
from planner.optimise.matrix import MatrixModel, build_matrix
from planner.scenario.schema import Scenario
from planner.tables import jsonable, records

__all__ = [
    "RiskStatus",
    "Plan",
    "Distribution",
    "RiskResult",
    "SweepModel",
    "build_sweep",
    "sweep_levels",
    "sample_draw",
    "run_risk",
    "solve_patterns",
    "default_scenarios",
    "progress_bar",
    "QUANTILES",
]

#: Percentiles reported for every distribution.
QUANTILES = (10, 50, 90)
Progress = Callable[[int, int], None]


def default_scenarios() -> Path:
    """The example scenarios folder beside the data folder (of a source checkout)."""
    return default_data_dir().parent / "scenarios"


class RiskStatus(StrEnum):
    """How a risk run ended."""

    OK = "ok"  # every draw solved to optimality
    PARTIAL = "partial"  # some draws hit the time limit or failed; see ``failed_draws``
    FAILED = "failed"  # no draw could be solved


@dataclass(frozen=True)
class Plan:
    """An uncertain candidate: its probability of being realised and its start delay."""

    id: str
    municipality: str
    places: int
    probability: float
    start: date
    slack_days: int  # days between its earliest start and the window start (>= 0)
    delay: tuple[float, float, float] | None  # triangular (min, mode, max) in days

    @property
    def p_in_time(self) -> float:
        """Probability that it is realised and starts on or before the window start."""
        if self.delay is None:
            return self.probability
        lo, mode, hi = self.delay
        return self.probability * _triangular_cdf(self.slack_days, lo, mode, hi)


def _triangular_cdf(x: float, lo: float, mode: float, hi: float) -> float:
    if x < lo:
        return 0.0
    if x >= hi:
        return 1.0
    if x <= mode:
        return (x - lo) ** 2 / ((hi - lo) * (mode - lo)) if mode > lo else 0.0
    return 1 - (hi - x) ** 2 / ((hi - lo) * (hi - mode))


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
    from planner.optimise.solve import SHORTFALL_LEVELS

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
    row_of = {name: i for i, name in enumerate(mm.row_names)}
    from planner.optimise.model import slug

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


def sample_draw(plans: Sequence[Plan], seed: int, index: int) -> np.ndarray:
    """Which plans materialise in time in draw ``index`` (a bool per plan).

    Examples
    --------
    >>> p = Plan("a", "Aa", 10, 1.0, date(2025, 1, 1), 181, None)
    >>> bool(sample_draw([p], seed=1, index=0)[0])
    True
    """
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(index,)))
    out = np.zeros(len(plans), dtype=bool)
    for k, plan in enumerate(plans):
        realised = rng.random() < plan.probability
        on_time = True
        if plan.delay is not None:
            lo, mode, hi = plan.delay
            delay = rng.triangular(lo, mode, hi) if hi > lo else lo
            on_time = delay <= plan.slack_days
        out[k] = realised and on_time
    return out


# --------------------------------------------------------------------------- solving


class _Solver:
    """One HiGHS instance for a sweep model; a level row per level, free until used."""

    def __init__(self, sm: SweepModel) -> None:
        import highspy

        from planner.optimise.matrix import _costs, _highs

        self.sm = sm
        self.inf = highspy.kHighsInf
        self.h = _highs(sm.time_limit)
        self.h.passModel(sm.mm.to_highs_lp())
        n = sm.mm.num_col
        self.idx_all = np.arange(n, dtype=np.int32)
        self.costs: dict[str, np.ndarray] = {}
        self.level_row: dict[str, int] = {}
        for name in sm.levels:
            obj = sm.mm.objectives[name]
            if not obj:
                continue
            self.costs[name] = _costs(sm.mm, obj)
            cols = np.array(list(obj), dtype=np.int32)
            vals = np.array([obj[j] for j in obj], dtype=float)
            self.h.addRow(-self.inf, self.inf, len(cols), cols, vals)
            self.level_row[name] = self.h.getNumRow() - 1
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
        from planner.optimise.matrix import highs_status
        from planner.optimise.solve import Status, _tolerance

        h, sm = self.h, self.sm
        for row in self.level_row.values():
            h.changeRowBounds(row, -self.inf, self.inf)
        if len(self.open_cols):
            upper = available.astype(float)
            h.changeColsBounds(len(self.open_cols), self.open_cols, np.zeros(len(upper)), upper)
        for k, row in enumerate(sm.must_rows):
            if row is not None:
                h.changeRowBounds(row, 1.0 if available[k] else 0.0, 1.0)
        h.clearSolver()
        values = np.full(len(sm.levels), np.nan)
        deadline = time.perf_counter() + sm.time_limit
        status = 0
        for i, name in enumerate(sm.levels):
            if name not in self.costs:
                values[i] = 0.0
                continue
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                status = 1
                break
            h.setOptionValue("time_limit", float(remaining))
            h.changeColsCost(len(self.idx_all), self.idx_all, self.costs[name])
            h.run()
            st = highs_status(h)
            if st is not Status.OPTIMAL:
                status = 1 if st is Status.TIME_LIMIT else 2
                break
            value = float(h.getInfo().objective_function_value)
            values[i] = value
            h.changeRowBounds(self.level_row[name], -self.inf, value + _tolerance(value))
        if status != 0:
            return status, values, np.full(len(self.out_cols), np.nan)
        x = np.asarray(h.getSolution().col_value)[self.out_cols]
        return 0, values, x


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


def _worker_init(key: str, sm: SweepModel) -> None:
    from planner.optimise.solve import silence_highs_banner

    silence_highs_banner()
    _solver(key, sm)


def _worker_chunk(key: str, sm: SweepModel | None, start: int, patterns: np.ndarray):
    if sm is None:  # local pool: the model was handed over by the initializer
        sm = _SOLVERS[key].sm
    else:
        from planner.optimise.solve import silence_highs_banner

        silence_highs_banner()
    return start, solve_patterns(sm, patterns, key)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Distribution:
    """Mean and percentiles of a quantity over the draws."""

    mean: float
    p10: float
    p50: float
    p90: float

    @classmethod
    def of(cls, x: np.ndarray) -> Distribution:
        """``p10`` is the smallest drawn value with at least 10% of draws at or below it
        (the same for ``p50``, ``p90``): always a value that occurred."""
        if len(x) == 0:
            return cls(math.nan, math.nan, math.nan, math.nan)
        q = np.percentile(x, QUANTILES, method="inverted_cdf")
        return cls(float(np.mean(x)), float(q[0]), float(q[1]), float(q[2]))

    def to_dict(self) -> dict[str, float | None]:
        return jsonable({"mean": self.mean, "p10": self.p10, "p50": self.p50, "p90": self.p90})


@dataclass
class RiskResult:
    """The outcome of a risk run.

    ``provinces`` has per province its quota, shortfall distribution and ``p_meet``
    (share of draws with no provincial shortfall); ``municipalities`` per municipality
    the shortfall and amv shortfall distributions and ``p_short``; ``plans`` per
    uncertain plan its probability (of being in time, delays included), how often it
    materialised and its importance (drop in expected provincial / amv / municipal
    shortfall when certain). ``samples`` has one row per draw.
    """

    scenario: str
    status: RiskStatus
    draws: int
    seed: int
    backend: str
    workers: int
    seconds: float
    levels: list[str]
    provincial: Distribution
    amv: Distribution
    municipal: Distribution
    p_meet_quota: float
    provinces: pd.DataFrame
    municipalities: pd.DataFrame
    plans: pd.DataFrame
    samples: pd.DataFrame = field(repr=False)
    failed_draws: list[int] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``planner risk --format json``)."""
        return {
            "scenario": self.scenario,
            "status": self.status.value,
            "draws": self.draws,
            "seed": self.seed,
            "backend": self.backend,
            "workers": self.workers,
            "seconds": round(self.seconds, 3),
            "quantiles": list(QUANTILES),
            "provincial_shortfall": self.provincial.to_dict(),
            "amv_shortfall": self.amv.to_dict(),
            "municipal_shortfall": self.municipal.to_dict(),
            "p_meet_quota": self.p_meet_quota,
            "provinces": records(self.provinces),
            "municipalities": records(self.municipalities),
            "plans": records(self.plans),
            "failed_draws": list(self.failed_draws),
            "messages": list(self.messages),
        }


def _row(d: Distribution) -> dict[str, float]:
    return {"mean": d.mean, "p10": d.p10, "p50": d.p50, "p90": d.p90}


def _summarise(
    sm: SweepModel,
    cat: dict[str, np.ndarray],
    draws: int,
    meta: dict[str, Any],
    messages: list[str],
) -> RiskResult:
    ok = cat["status"] == 0
    failed = [int(i) for i in cat["index"][~ok]]
    levels = np.round(cat["levels"][ok], 6) + 0.0
    values = np.round(cat["values"][ok], 6) + 0.0
    avail = cat["available"][ok]
    n_mun, n_prov = len(sm.names), len(sm.provinces)
    short = values[:, :n_mun]
    amv_short = values[:, n_mun : 2 * n_mun]
    prov_short = values[:, 2 * n_mun : 2 * n_mun + n_prov]
    col = {name: i for i, name in enumerate(sm.levels)}

    def level(name: str) -> np.ndarray:
        return levels[:, col[name]] if name in col else np.zeros(len(levels))

    provincial, amv, municipal = (
        level("provincial_shortfall"),
        level("amv_shortfall"),
        level("municipal_shortfall"),
    )
    rows = []
    for k, p in enumerate(sm.provinces):
        d = Distribution.of(prov_short[:, k])
        meet = float(np.mean(prov_short[:, k] < 0.5)) if len(values) else None
        rows.append({"province": p, **_row(d), "p_meet": meet})
    provinces = pd.DataFrame(rows, columns=["province", "mean", "p10", "p50", "p90", "p_meet"])
    rows = []
    for k, name in enumerate(sm.names):
        d = Distribution.of(short[:, k])
        a = Distribution.of(amv_short[:, k])
        p_short = float(np.mean(short[:, k] >= 0.5)) if len(values) else None
        amv_part = {f"amv_{k2}": v for k2, v in _row(a).items()}
        rows.append({"name": name, **_row(d), "p_short": p_short, **amv_part})
    municipalities = pd.DataFrame(rows)
    rows = []
    for k, plan in enumerate(sm.plans):
        hit = avail[:, k]
        row: dict[str, Any] = {
            "id": plan.id,
            "municipality": plan.municipality,
            "places": plan.places,
            "probability": plan.probability,
            "p_in_time": plan.p_in_time,
            "realised_share": float(hit.mean()) if len(hit) else None,
        }
        for label, x in (("provincial", provincial), ("amv", amv), ("municipal", municipal)):
            row[f"importance_{label}"] = (
                float(np.mean(x) - np.mean(x[hit])) + 0.0 if hit.any() else None
            )
        rows.append(row)
    plans = pd.DataFrame(
        rows,
        columns=["id", "municipality", "places", "probability", "p_in_time", "realised_share",
                 "importance_provincial", "importance_amv", "importance_municipal"],
    ).sort_values(["importance_provincial", "id"], ascending=[False, True], na_position="last",
                  kind="stable").reset_index(drop=True)  # fmt: skip
    samples = pd.DataFrame(
        {"draw": cat["index"][ok], "provincial_shortfall": provincial,
         "amv_shortfall": amv, "municipal_shortfall": municipal}
    )  # fmt: skip
    for k, plan in enumerate(sm.plans):
        samples[plan.id] = avail[:, k]
    if failed:
        messages.append(
            f"{len(failed)} of {draws} draws were not solved to optimality (time limit or "
            f"solver failure) and are left out of the figures: draws {failed[:10]}"
        )
    status = RiskStatus.FAILED if not ok.any() else RiskStatus.PARTIAL if failed else RiskStatus.OK
    return RiskResult(
        levels=list(sm.levels),
        status=status,
        draws=draws,
        provincial=Distribution.of(provincial),
        amv=Distribution.of(amv),
        municipal=Distribution.of(municipal),
        p_meet_quota=float(np.mean(provincial < 0.5)) if len(provincial) else math.nan,
        provinces=provinces,
        municipalities=municipalities,
        plans=plans,
        samples=samples,
        failed_draws=failed,
        messages=messages,
        **meta,
    )


# --------------------------------------------------------------------------- running


def _chunks(n: int, workers: int, chunk_size: int | None) -> list[tuple[int, int]]:
    """Consecutive ranges ``[a, b)`` of the outcomes to solve: about four per worker (so
    progress moves and the load evens out), at least 5 and at most 50 each (so the
    per-task overhead stays small)."""
    size = chunk_size or max(5, min(50, math.ceil(n / (4 * max(1, workers)))))
    return [(a, min(n, a + size)) for a in range(0, n, size)]


def _check(draws: int, workers: int | None) -> None:
    issues = []
    if not isinstance(draws, int | np.integer) or draws < 1:
        issues.append(Issue("draws", f"draws must be at least 1, not {draws}",
                            "give the number of draws, e.g. --draws 1000"))  # fmt: skip
    if workers is not None and workers < 1:
        issues.append(Issue("workers", f"workers must be at least 1, not {workers}",
                            "leave it out to use every core"))  # fmt: skip
    if issues:
        raise InputError(issues, "Cannot run the risk analysis")


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_risk(
    ds: Dataset,
    scenario: Scenario,
    draws: int = 1000,
    seed: int = 0,
    progress: Progress | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    chunk_size: int | None = None,
    levels: str = "all",
) -> RiskResult:
    """Sample which plans materialise, re-optimise each draw, and summarise.

    Parameters
    ----------
    ds, scenario
        The data and a scenario whose candidates carry probabilities and/or start
        delays (``probability``, ``start_delay_days``, or the ``risk:`` block).
    draws
        Number of draws (at least 1).
    seed
        The same seed gives the same numbers, whatever the backend and workers.
    progress
        Called as ``progress(done, total)`` (draws) as chunks finish, e.g. to move a
        progress bar in the app.
    scheduler
        Address of a Dask scheduler (``tcp://host:8786``): run the draws there.
        Without it, the draws run in local processes, one per core.
    workers
        Local processes (default: every core); 1 runs in this process.
    chunk_size
        Draws per task (default: see ``_chunks``).
    levels
        ``all`` (default) or ``shortfalls``: see :func:`sweep_levels`. The
        distributions of the provincial, amv and municipal shortfall totals, the
        province figures and the importances are the same either way; only with
        ``all`` does the split of a shortfall over municipalities follow the model's
        rule (fewest new places, least swap volume, tie-break).

    Raises
    ------
    InputError
        Bad draws/workers, or a scheduler that cannot be reached.
    """
    _check(draws, workers)
    t0 = time.perf_counter()
    sm = build_sweep(ds, scenario, levels=levels)
    key = sm.key
    messages = []
    if not sm.plans:
        messages.append(
            "no candidate in this scenario has a probability or a start delay: every draw "
            "is the same (give candidates a probability, or use the scenario's risk: block)"
        )
    # Draws are sampled here (cheap) and only distinct outcomes are solved: a draw's
    # answer depends on which plans are available and nothing else.
    available = np.array([sample_draw(sm.plans, seed, i) for i in range(draws)], dtype=bool)
    available = available.reshape(draws, len(sm.plans))
    patterns, inverse, counts = np.unique(
        available, axis=0, return_inverse=True, return_counts=True
    )
    inverse = inverse.reshape(-1)
    weight = counts.tolist()  # draws per pattern, for progress in draws
    reporter = _Reporter(progress, draws, weight)
    if scheduler:
        solved, n_workers = _run_dask(sm, key, patterns, scheduler, chunk_size, reporter)
        backend = "dask"
    else:
        n_workers = min(workers or _cores(), max(1, len(patterns) // 5))
        if n_workers <= 1:
            parts = []
            for a, b in _chunks(len(patterns), 1, chunk_size):
                parts.append((a, solve_patterns(sm, patterns[a:b], key)))
                reporter.done(a, b)
            solved, backend, n_workers = _join(parts), "serial", 1
        else:
            chunks = _chunks(len(patterns), n_workers, chunk_size)
            solved = _run_local(sm, key, patterns, chunks, n_workers, reporter)
            backend = "processes"
    cat = {k: v[inverse] for k, v in solved.items()}
    cat["index"] = np.arange(draws)
    cat["available"] = available
    meta = {
        "scenario": scenario.name,
        "seed": seed,
        "backend": backend,
        "workers": n_workers,
        "seconds": time.perf_counter() - t0,
    }
    return _summarise(sm, cat, draws, meta, messages)


class _Reporter:
    """Turns solved patterns into draws done for the progress callback."""

    def __init__(self, progress: Progress | None, draws: int, weight: list[int]) -> None:
        self.progress, self.draws, self.weight, self.count = progress, draws, weight, 0

    def done(self, a: int, b: int) -> None:
        self.count += sum(self.weight[a:b])
        if self.progress:
            self.progress(self.count, self.draws)


def _join(parts: list[tuple[int, dict[str, np.ndarray]]]) -> dict[str, np.ndarray]:
    parts = sorted(parts, key=lambda p: p[0])
    return {k: np.concatenate([p[1][k] for p in parts]) for k in parts[0][1]}


def _run_local(sm, key, patterns, chunks, n_workers, reporter) -> dict[str, np.ndarray]:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # spawn, not fork: a forked copy of a process with threads (a web app, a Dask
    # client) can deadlock; the model is handed over once per worker.
    ctx = mp.get_context("spawn")
    parts = []
    with ProcessPoolExecutor(
        max_workers=n_workers, mp_context=ctx, initializer=_worker_init, initargs=(key, sm)
    ) as pool:
        futures = {
            pool.submit(_worker_chunk, key, None, a, patterns[a:b]): (a, b) for a, b in chunks
        }
        for f in as_completed(futures):
            parts.append(f.result())
            reporter.done(*futures[f])
    return _join(parts)


def _run_dask(sm, key, patterns, address, chunk_size, reporter) -> tuple[dict, int]:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - the risk extra is not installed
        raise InputError(
            [Issue("--scheduler", "Dask is not installed",
                   'pip install "spreiding-planner[risk]", or leave --scheduler out')],
            "Cannot run on a Dask cluster",
        ) from exc  # fmt: skip
    try:
        client = Client(address, timeout="5s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(
            [
                Issue(
                    "--scheduler",
                    f"cannot reach the Dask scheduler at {address!r} ({type(exc).__name__})",
                    "check the address (tcp://host:8786) and that `dask scheduler` runs "
                    "there with workers, or leave --scheduler out to use this machine's cores",
                    value=address,
                )
            ],
            "Cannot run on a Dask cluster",
        ) from None
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = _chunks(len(patterns), n_workers, chunk_size)
        model = client.scatter(sm, broadcast=True)
        futures = {
            client.submit(_worker_chunk, key, model, a, patterns[a:b], pure=False): (a, b)
            for a, b in chunks
        }
        parts, pending = [], list(futures)
        while pending:  # poll: distributed's as_completed wants a default client
            done = [f for f in pending if f.done()]
            for f in done:
                parts.append(f.result())
                reporter.done(*futures[f])
            pending = [f for f in pending if f not in done]
            if pending and not done:
                time.sleep(0.02)
    finally:
        client.close()
    return _join(parts), n_workers


# --------------------------------------------------------------------------- output


def progress_bar(stream=None, width: int = 30) -> Progress:
    """A progress callback that draws ``[#####-----] 430/1000 draws  3.1 s`` on one
    line of a terminal (carriage return), and a new line when done."""
    out = stream or sys.stderr
    t0 = time.perf_counter()

    def show(done: int, total: int) -> None:
        filled = int(width * done / max(1, total))
        out.write(
            f"\r[{'#' * filled}{'-' * (width - filled)}] {done}/{total} draws  "
            f"{time.perf_counter() - t0:.1f} s"
        )
        if done >= total:
            out.write("\n")
        out.flush()

    return show


def risk_text(r: RiskResult, lang: str = "nl") -> str:
    """The risk summary as terminal tables."""
    from planner.tables import text_table

    nl = lang == "nl"
    head = [
        f"{'Scenario' if nl else 'Scenario'}: {r.scenario}",
        f"{'Trekkingen' if nl else 'Draws'}: {r.draws} (seed {r.seed}, {r.backend}, "
        f"{r.workers} worker{'s' if r.workers != 1 else ''}, {r.seconds:.1f} s)  |  "
        f"status: {r.status.value}",
        "",
    ]
    rows = [
        ["provinciaal tekort" if nl else "provincial shortfall", *_dist(r.provincial)],
        ["amv-tekort (som)" if nl else "amv shortfall (sum)", *_dist(r.amv)],
        ["som gemeentelijke tekorten" if nl else "sum of municipal shortfalls",
         *_dist(r.municipal)],
    ]  # fmt: skip
    cols = ["", "gemiddeld" if nl else "mean", "P10", "P50", "P90"]
    parts = [*head, text_table(rows, cols, lang=lang), ""]
    label = "kans opgave gehaald" if nl else "P(meets quota)"
    prov = [[p.province, *_dist(p), f"{p.p_meet:.0%}"] for p in r.provinces.itertuples()]
    parts += [
        text_table(prov, ["provincie" if nl else "province", *cols[1:], label], lang=lang),
        "",
    ]
    mun = [
        [m.name, *_dist(m), f"{m.p_short:.0%}"]
        for m in r.municipalities.itertuples()
        if m.p_short > 0
    ]
    if mun:
        kans = "kans tekort" if nl else "P(short)"
        parts += [
            text_table(mun, ["gemeente" if nl else "municipality", *cols[1:], kans], lang=lang),
            "",
        ]
    plans = [
        [p.id, p.municipality, p.places, f"{p.p_in_time:.0%}",
         _num(p.importance_provincial), _num(p.importance_municipal)]
        for p in r.plans.itertuples()
    ]  # fmt: skip
    if plans:
        parts.append(
            text_table(
                plans,
                [
                    "plan",
                    "gemeente" if nl else "municipality",
                    "plekken" if nl else "places",
                    "kans tijdig" if nl else "P(in time)",
                    "daling prov. tekort" if nl else "drop prov. shortfall",
                    "daling gem. tekorten" if nl else "drop mun. shortfall",
                ],
                lang=lang,
            )  # fmt: skip
        )
        parts.append(
            "daling = verwachte tekort min verwachte tekort als het plan zeker is"
            if nl
            else "drop = expected shortfall minus expected shortfall if the plan were certain"
        )
    parts += [f"! {m}" for m in r.messages]
    return "\n".join(parts)


def _dist(d) -> list[float | int]:
    def whole(x: float) -> float | int:
        return int(round(x)) if abs(x - round(x)) < 1e-6 else round(x, 1)

    return [round(float(d.mean), 1), whole(d.p10), whole(d.p50), whole(d.p90)]


def _num(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), 1)
