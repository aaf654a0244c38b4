"""Runners: the distinct outcomes of a sweep solved in this process, in local processes
or on a Dask cluster; the numbers are the same whichever runs them.
"""

from __future__ import annotations

import math
import time

import numpy as np

from planner.errors import InputError, Issue
from planner.formats import Words
from planner.risk.solving import solve_patterns, worker_chunk, worker_init
from planner.risk.summary import Progress

__all__ = [
    "chunks",
    "cores",
    "idle_cores",
    "Reporter",
    "join",
    "run_serial",
    "run_auto",
    "run_local",
    "run_dask",
]


def chunks(n: int, workers: int, chunk_size: int | None) -> list[tuple[int, int]]:
    """Consecutive ranges ``[a, b)`` of the outcomes to solve: about four per worker (so
    progress moves and the load evens out), at least 5 and at most 50 each (so the
    per-task overhead stays small)."""
    size = chunk_size or max(5, min(50, math.ceil(n / (4 * max(1, workers)))))
    return [(a, min(n, a + size)) for a in range(0, n, size)]


def _cpu_times() -> tuple[int, int] | None:
    """``(idle, total)`` CPU time of the machine so far (Linux ``/proc/stat``)."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = f.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu":
        return None
    values = [int(v) for v in fields[1:9]]  # user nice system idle iowait irq softirq steal
    return values[3] + values[4], sum(values)


def _machine_cpus() -> int:
    import os

    return os.cpu_count() or 1


def idle_cores(sample: float = 0.1) -> int:
    """The cores not busy with other work (at least 1): of the cores this process may
    use, those the machine left idle over a short ``sample`` of its CPU time.

    Worker processes pay only when they get a core each. The load average is not used
    where the CPU times can be read: on a virtual machine it counts kernel threads that
    wait without using a core (here it stood at 0.9 on an idle 2-core machine, so a
    sweep ran alone in this process: 1,000 draws 10.0 s, against 6.2 s in two
    processes, measured in the same run). Where there are no CPU times, the 1-minute
    load average stands in for the busy cores.
    """
    import os

    first = _cpu_times()
    if first is not None:
        time.sleep(sample)
        second = _cpu_times()
        if second is not None and second[1] > first[1]:
            idle_share = (second[0] - first[0]) / (second[1] - first[1])
            return max(1, min(cores(), round(idle_share * _machine_cpus())))
    try:
        load = os.getloadavg()[0]
    except OSError:  # pragma: no cover - no load average on this system
        load = 0.0
    return max(1, min(cores(), round(cores() - load)))


def cores() -> int:
    """The cores this process may run on."""
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Reporter:
    """Turns solved patterns into draws done for the progress callback."""

    def __init__(self, progress: Progress | None, draws: int, weight: list[int]) -> None:
        self.progress, self.draws, self.weight, self.count = progress, draws, weight, 0

    def done(self, a: int, b: int) -> None:
        self.count += sum(self.weight[a:b])
        if self.progress:
            self.progress(self.count, self.draws)


def join(parts: list[tuple[int, dict[str, np.ndarray]]]) -> dict[str, np.ndarray]:
    """The solved chunks ``(start, arrays)`` in order, as one set of arrays."""
    parts = sorted(parts, key=lambda p: p[0])
    return {k: np.concatenate([p[1][k] for p in parts]) for k in parts[0][1]}


def run_local(sm, key, patterns, ranges, n_workers, reporter) -> dict[str, np.ndarray]:
    """Solve the outcomes' ``ranges`` in ``n_workers`` local processes."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # spawn, not fork: a forked copy of a process with threads (a web app, a Dask
    # client) can deadlock; the model is handed over once per worker.
    ctx = mp.get_context("spawn")
    parts = []
    with ProcessPoolExecutor(
        max_workers=n_workers, mp_context=ctx, initializer=worker_init, initargs=(key, sm)
    ) as pool:
        futures = {
            pool.submit(worker_chunk, key, None, a, patterns[a:b]): (a, b) for a, b in ranges
        }
        for f in as_completed(futures):
            parts.append(f.result())
            reporter.done(*futures[f])
    return join(parts)


def run_dask(sm, key, patterns, address, chunk_size, reporter) -> tuple[dict, int]:
    """Solve the outcomes on the Dask cluster at ``address``; returns the arrays and the
    number of workers."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - the risk extra is not installed
        raise InputError(
            [Issue("--scheduler", Words("rk_no_dask"), Words("rk_no_dask_fix"))],
            Words("rk_title_dask"),
        ) from exc  # fmt: skip
    try:
        client = Client(address, timeout="5s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(
            [
                Issue(
                    "--scheduler",
                    Words("rk_unreachable", address=repr(address), error=type(exc).__name__),
                    Words("rk_unreachable_fix"),
                    value=address,
                )
            ],
            Words("rk_title_dask"),
        ) from None
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        ranges = chunks(len(patterns), n_workers, chunk_size)
        model = client.scatter(sm, broadcast=True)
        futures = {
            client.submit(worker_chunk, key, model, a, patterns[a:b], pure=False): (a, b)
            for a, b in ranges
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
    return join(parts), n_workers


def run_serial(sm, key, patterns, chunk_size, reporter, start: int = 0) -> dict[str, np.ndarray]:
    """Solve the outcomes from ``start`` on in this process, chunk by chunk (progress
    moves)."""
    parts = []
    for a, b in chunks(len(patterns) - start, 1, chunk_size):
        a, b = a + start, b + start
        parts.append((a, solve_patterns(sm, patterns[a:b], key)))
        reporter.done(a, b)
    return join(parts)


#: Seconds of solving below which worker processes do not pay: each must start Python,
#: import the planner and HiGHS and take the model over (about 0.7 s on the 2-core
#: benchmark machine).
PROCESSES_PAY_AFTER = 2.0


def run_auto(sm, key, patterns, chunk_size, reporter) -> tuple[dict[str, np.ndarray], str, int]:
    """Solve the outcomes here, or in local processes where that pays: a first chunk is
    solved in this process and timed; when the rest would take longer than
    :data:`PROCESSES_PAY_AFTER` and another core is idle (:func:`idle_cores`), the rest
    goes to one process per idle core. Returns the arrays, the backend and the number
    of workers. The numbers are the same either way (every outcome is solved from a
    cleared solver)."""
    n = len(patterns)
    a, b = chunks(n, 1, chunk_size)[0]
    t0 = time.perf_counter()
    first = solve_patterns(sm, patterns[a:b], key)
    reporter.done(a, b)
    rest_seconds = (time.perf_counter() - t0) / max(1, b - a) * (n - b)
    n_workers = 1
    if rest_seconds > PROCESSES_PAY_AFTER:
        n_workers = min(idle_cores(), max(1, (n - b) // 5))
    if n_workers <= 1:
        rest = run_serial(sm, key, patterns, chunk_size, reporter, start=b) if b < n else None
        backend = "serial"
    else:
        ranges = [(x + b, y + b) for x, y in chunks(n - b, n_workers, chunk_size)]
        rest = run_local(sm, key, patterns, ranges, n_workers, reporter)
        backend = "processes"
    parts = [(0, first)] + ([(b, rest)] if rest is not None else [])
    return join(parts), backend, n_workers
