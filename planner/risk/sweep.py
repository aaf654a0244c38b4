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

Modules
-------
:mod:`planner.risk.draws` (which plans materialise in a draw, and seeds),
:mod:`planner.risk.solving` (the model built once and re-solved per draw),
:mod:`planner.risk.runners` (this process, local processes, Dask) and
:mod:`planner.risk.summary` (distributions, importance, text); this module runs them.

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

import time
from pathlib import Path

import numpy as np

from planner.data.loader import Dataset, default_data_dir
from planner.errors import InputError, Issue
from planner.formats import Words
from planner.optimise.levels import Status
from planner.optimise.solve import solve_scenario
from planner.risk.draws import Plan, sample_draw
from planner.risk.runners import Reporter, chunks, run_auto, run_dask, run_local, run_serial
from planner.risk.solving import SweepModel, build_sweep, solve_patterns, sweep_levels
from planner.risk.summary import (
    QUANTILES,
    Distribution,
    Progress,
    RiskResult,
    RiskStatus,
    progress_bar,
    risk_text,
    summarise,
)
from planner.scenario.schema import Scenario

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
    "risk_text",
    "QUANTILES",
]


def default_scenarios() -> Path:
    """The example scenarios folder beside the data folder (of a source checkout)."""
    return default_data_dir().parent / "scenarios"


def _check(draws: int, workers: int | None) -> None:
    issues = []
    if not isinstance(draws, int | np.integer) or draws < 1:
        issues.append(Issue("draws", Words("rk_draws", n=str(draws)),
                            Words("rk_draws_fix")))  # fmt: skip
    if workers is not None and workers < 1:
        issues.append(Issue("workers", Words("rk_workers", n=str(workers)),
                            Words("rk_workers_fix")))  # fmt: skip
    if issues:
        raise InputError(issues, Words("rk_title"))


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
        Local processes; 1 runs in this process. Default: this process, or one process
        per idle core where the draws take long enough for that to pay (see
        :func:`planner.risk.runners.run_auto`). The numbers are the same whatever runs
        them.
    chunk_size
        Draws per task (default: see :func:`planner.risk.runners.chunks`).
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
        messages.append(Words("risk_no_plans_run"))
    # Draws are sampled here (cheap) and only distinct outcomes are solved: a draw's
    # answer depends on which plans are available and nothing else.
    available = np.array([sample_draw(sm.plans, seed, i) for i in range(draws)], dtype=bool)
    available = available.reshape(draws, len(sm.plans))
    patterns, inverse, counts = np.unique(
        available, axis=0, return_inverse=True, return_counts=True
    )
    inverse = inverse.reshape(-1)
    weight = counts.tolist()  # draws per pattern, for progress in draws
    reporter = Reporter(progress, draws, weight)
    if scheduler:
        solved, n_workers = run_dask(sm, key, patterns, scheduler, chunk_size, reporter)
        backend = "dask"
    else:
        n_workers = min(workers, max(1, len(patterns) // 5)) if workers else 0
        if workers is None:  # here, or in processes where that pays (run_auto)
            solved, backend, n_workers = run_auto(sm, key, patterns, chunk_size, reporter)
        elif n_workers <= 1:
            solved = run_serial(sm, key, patterns, chunk_size, reporter)
            backend, n_workers = "serial", 1
        else:
            ranges = chunks(len(patterns), n_workers, chunk_size)
            solved = run_local(sm, key, patterns, ranges, n_workers, reporter)
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
    result = summarise(sm, cat, draws, meta, messages)
    if result.status is RiskStatus.FAILED:
        result.messages[:0] = _why_no_answer(ds, scenario)
    return result


def _why_no_answer(ds: Dataset, scenario: Scenario) -> list[str]:
    """When no draw has an answer, say so first, with the cause a plain solve of the
    scenario gives (hard requirements in conflict, a time limit)."""
    out = [Words("risk_no_answer")]
    res = solve_scenario(ds, scenario)
    if res.status not in (Status.OPTIMAL, Status.TIME_LIMIT) and res.messages:
        out.append(res.messages[0])
    return out
