"""Solve independent parts of a model elsewhere: in local processes or on a Dask cluster.

A plan over the years for the whole country falls apart into provinces when swaps stay
inside them (:func:`planner.optimise.matrix.split`). Each part's levels are solved on
their own (:func:`planner.optimise.levels.solve_part`); these mappers hand the parts to
other processes, largest first, and give the answers back in the parts' order, so the
answer is the same as one after the other here (tested: apart == together).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from typing import Any

from planner.errors import InputError, Issue

__all__ = ["local_mapper", "dask_mapper", "default_workers"]


def default_workers() -> int:
    """The cores this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _largest_first(tasks: Sequence[tuple]) -> list[int]:
    return sorted(range(len(tasks)), key=lambda i: -tasks[i][0].num_col)


def local_mapper(workers: int) -> Callable[[Callable, Sequence[tuple]], list[Any]]:
    """A mapper that solves the parts in ``workers`` local processes (spawned: a forked
    copy of a process with threads can deadlock)."""

    def run(fn: Callable, tasks: Sequence[tuple]) -> list[Any]:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        order = _largest_first(tasks)
        out: list[Any] = [None] * len(tasks)
        ctx = mp.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            futures = {i: pool.submit(fn, tasks[i]) for i in order}
            for i, f in futures.items():
                out[i] = f.result()
        return out

    return run


def dask_mapper(address: str) -> Callable[[Callable, Sequence[tuple]], list[Any]]:
    """A mapper that solves the parts on the Dask cluster whose scheduler is at
    ``address`` (``tcp://host:8786``), as ``planner risk --scheduler`` does."""

    def run(fn: Callable, tasks: Sequence[tuple]) -> list[Any]:
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
        except (OSError, TimeoutError, ValueError):
            raise InputError(
                [
                    Issue(
                        "--scheduler",
                        f"cannot reach the Dask scheduler at {address!r}",
                        "check the address (tcp://host:8786) and that `dask scheduler` runs "
                        "there with workers, or leave --scheduler out to use this machine's "
                        "cores",
                        value=address,
                    )
                ],
                "Cannot run on a Dask cluster",
            ) from None
        try:
            order = _largest_first(tasks)
            futures = {i: client.submit(fn, tasks[i], pure=False) for i in order}
            while not all(f.done() for f in futures.values()):
                time.sleep(0.02)
            return [futures[i].result() for i in range(len(tasks))]
        finally:
            client.close()

    return run
