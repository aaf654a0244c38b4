"""Solve a plan over the years and read its answer (MODEL.md, "Extension: time").

:func:`solve_horizon` lays out the scenario (:func:`build_time_instance`), states the
model (:func:`~planner.optimise.model.create_time_model`), solves its levels in order
with the one level solver (:func:`~planner.optimise.levels.solve_levels`, HiGHS) and
returns a :class:`HorizonResult`: per cycle the cycle table, per month the places in use
against the quota in force per municipality and province, the chosen candidates with
their start month, and per municipality the month a shortfall starts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from planner.counting.count import aggregate
from planner.data.loader import Dataset
from planner.optimise.levels import LevelResult, Status, solve_levels_by_part
from planner.optimise.matrix import split
from planner.optimise.model import TimeModel, create_time_model, time_level_names
from planner.optimise.parallel import dask_mapper, default_workers, local_mapper
from planner.optimise.time_instance import TimeInstance, build_time_instance
from planner.scenario.schema import Scenario

__all__ = ["HorizonResult", "solve_horizon", "shortfall_starts"]


@dataclass
class HorizonResult:
    """The answer of a plan over the years.

    Attributes
    ----------
    cycles
        Per cycle id, ``(municipalities, regions, total)`` as the cycle table.
    monthly
        One row per municipality (and ``level`` province) and month: ``capacity``
        (places in use in its territory on the first of the month), ``swapped`` (net
        places credited by agreements running then and, in a cycle's window, the swaps
        proposed for it), ``credited`` (the two together), ``quota`` (in force), ``below``.
    candidates
        Per candidate: ``opened``, ``start_month``, ``places``, ``end``.
    """

    scenario: str
    status: Status
    levels: list[LevelResult]
    cycles: dict[str, tuple[pd.DataFrame, pd.DataFrame, pd.Series]] = field(default_factory=dict)
    monthly: pd.DataFrame = field(default_factory=pd.DataFrame)
    candidates: pd.DataFrame = field(default_factory=pd.DataFrame)
    swaps: pd.DataFrame = field(default_factory=pd.DataFrame)
    messages: list[str] = field(default_factory=list)
    assumed: list[str] = field(default_factory=list)
    size: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    instance: TimeInstance | None = field(default=None, repr=False)
    model: TimeModel | None = field(default=None, repr=False)

    def level(self, name: str) -> float | None:
        return next((lv.value for lv in self.levels if lv.name == name), None)


def model_size(mm) -> dict[str, int]:
    """Columns, integer columns, rows and non-zeros of a model."""
    return {
        "columns": mm.num_col,
        "integer_columns": int(sum(mm.integer)),
        "rows": mm.num_row,
        "nonzeros": len(mm.row_index),
    }


#: Below this many columns the parts are solved here, one after the other: starting
#: processes costs more than the solve (one province over 66 months is one part anyway).
PROCESS_FROM_COLUMNS = 20_000


def solve_horizon(
    ds: Dataset,
    scenario: Scenario,
    time_limit: float | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
) -> HorizonResult:
    """Plan a scenario with a ``horizon`` over its months and cycles.

    When swaps stay inside provinces (and no limit spans them) the model falls apart
    into independent parts, solved apart (the answer is that of the whole model):
    on the Dask cluster at ``scheduler``, or in ``workers`` local processes (default:
    this machine's cores, for a model of at least :data:`PROCESS_FROM_COLUMNS`
    columns; ``workers=1``: here, one after the other).

    Examples
    --------
    See ``tests/optimise/test_horizon.py`` for worked instances.
    """
    t0 = time.perf_counter()
    ti = build_time_instance(ds, scenario)
    t1 = time.perf_counter()
    m = create_time_model(ti)
    t2 = time.perf_counter()
    limit = time_limit or scenario.solver.time_limit
    levels = time_level_names(ti, list(scenario.objective), scenario.solver.tie_break)
    parts = split(m.mm)
    mapper = None
    if len(parts) > 1:
        if scheduler:
            mapper = dask_mapper(scheduler)
        else:
            n = workers if workers is not None else default_workers()
            if m.mm.num_col < PROCESS_FROM_COLUMNS and workers is None:
                n = 1
            if n > 1:
                mapper = local_mapper(min(n, len(parts)))
    run = solve_levels_by_part(m.mm, levels, limit, parts, mapper=mapper)
    t3 = time.perf_counter()
    res = HorizonResult(scenario.name, run.status, run.levels, instance=ti, model=m)
    res.messages = list(ti.messages)
    res.assumed = [r.id for r in ti.cycles if r.assumed]
    res.size = model_size(m.mm)
    if run.x is not None:
        _read(res, ti, m, np.asarray(run.x))
    t4 = time.perf_counter()
    res.seconds = {"instance": t1 - t0, "model": t2 - t1, "solve": t3 - t2,
                   "results": t4 - t3, "total": t4 - t0}  # fmt: skip
    return res


def _val(x: np.ndarray, mm, key: str) -> float:
    j = mm.key.get(key)
    return 0.0 if j is None else float(x[j])


def _read(res: HorizonResult, ti: TimeInstance, m: TimeModel, x: np.ndarray) -> None:
    mm = m.mm
    rows = []
    for r in ti.candidates.itertuples(index=False):
        chosen = [s for s, u in m.start[r.id].items() if x[next(iter(u.terms))] > 0.5]
        s = chosen[0] if chosen else None
        places = int(round(x[next(iter(m.size[r.id][s].terms))])) if s is not None else 0
        rows.append(
            {
                "id": r.id, "municipality": r.municipality, "opened": s is not None,
                "start_month": ti.months[s] if s is not None else pd.NaT,
                "places": places, "end": r.end,
                "counts_for": ";".join(ti.cycles[c].id for c in ti.counts[(r.id, s)])
                if s is not None else "",
            }
        )  # fmt: skip
    res.candidates = pd.DataFrame(
        rows, columns=["id", "municipality", "opened", "start_month", "places", "end", "counts_for"]
    )
    swaps = []
    for c, inst in enumerate(ti.insts):
        cid = ti.cycles[c].id
        own = pd.DataFrame(
            {
                "places": [int(round(_val(x, mm, f"own:{cid}:{n}"))) for n in ti.names],
                "amv_places": [int(round(_val(x, mm, f"own_amv:{cid}:{n}"))) for n in ti.names],
            },
            index=pd.Index(ti.names, dtype=object),
        )
        flows = [
            {"from": a, "to": b, "places": int(round(_val(x, mm, f"swap:{cid}:{aid}"))),
             "amv_places": int(round(_val(x, mm, f"swap_amv:{cid}:{aid}"))),
             "source": "proposed", "id": aid}
            for aid, a, b in zip(inst.arcs["id"], inst.arcs["from"], inst.arcs["to"],
                                 strict=True)
        ]  # fmt: skip
        flows = [f for f in flows if f["places"] > 0]
        for f in flows:
            swaps.append({"cycle": cid, **f})
        fixed = inst.fixed_flows
        table = pd.DataFrame(
            flows
            + fixed[["from", "to", "places", "amv_places", "source", "id"]].to_dict("records"),
            columns=["from", "to", "places", "amv_places", "source", "id"],
        )
        mun = inst.report.municipalities[
            ["code", "name", "region", "province", "quota", "amv_quota"]
        ]
        res.cycles[cid] = aggregate(mun, own, table)
    res.swaps = pd.DataFrame(swaps, columns=["cycle", "from", "to", "places", "amv_places",
                                             "source", "id"])  # fmt: skip
    # places in use per month: existing + candidates in use (an extension only where
    # its location is not in use itself); credited: plus agreements running and, in a
    # cycle's window, the swaps proposed for it
    n_m, n_t = len(ti.names), len(ti.months)
    cap = ti.base_capacity.astype(float).copy()
    idx = {n: i for i, n in enumerate(ti.names)}
    muni_of = dict(zip(ti.candidates["id"], ti.candidates["municipality"], strict=True))
    for k, d in m.in_use.items():
        skip = ti.overlap.get(k, ())
        for t_, p in d.items():
            if t_ not in skip:
                cap[idx[muni_of[k]], t_] += x[next(iter(p.terms))]
    cap = np.rint(cap).astype(int)
    moved = (ti.agreed_month if ti.agreed_month is not None else np.zeros_like(cap)).copy()
    for c, inst in enumerate(ti.insts):
        cols = (ti.cycle_of_month == c) & ti.swap_runs
        if not cols.any():
            continue
        cid = ti.cycles[c].id
        for aid, a, b in zip(inst.arcs["id"], inst.arcs["from"], inst.arcs["to"], strict=True):
            q = int(round(_val(x, mm, f"swap:{cid}:{aid}")))
            if q:
                moved[idx[b], cols] += q
                moved[idx[a], cols] -= q
    quota = ti.quota_month
    region = dict(zip(ti.insts[0].municipalities["name"], ti.insts[0].municipalities["region"],
                      strict=True))  # fmt: skip
    cyc_ids = [ti.cycles[c].id for c in ti.cycle_of_month]
    frames = [
        pd.DataFrame(
            {
                "level": "municipality",
                "name": np.repeat(ti.names, n_t),
                "region": np.repeat([region[n] for n in ti.names], n_t),
                "month": np.tile(np.array(ti.months, dtype="datetime64[ns]"), n_m),
                "cycle": np.tile(cyc_ids, n_m),
                "capacity": cap.reshape(-1),
                "swapped": moved.reshape(-1),
                "quota": quota.reshape(-1),
            }
        )
    ]
    prov = ti.province_of
    for p in sorted(set(prov.values())):
        rows_p = [idx[n] for n in ti.names if prov[n] == p]
        frames.append(
            pd.DataFrame(
                {
                    "level": "province", "name": p, "region": "",
                    "month": np.array(ti.months, dtype="datetime64[ns]"), "cycle": cyc_ids,
                    "capacity": cap[rows_p].sum(axis=0), "swapped": moved[rows_p].sum(axis=0),
                    "quota": quota[rows_p].sum(axis=0),
                }
            )
        )  # fmt: skip
    monthly = pd.concat(frames, ignore_index=True)
    monthly["credited"] = monthly["capacity"] + monthly["swapped"]
    monthly["below"] = np.maximum(monthly["quota"] - monthly["credited"], 0)
    res.monthly = monthly


def shortfall_starts(res: HorizonResult) -> pd.DataFrame:
    """Per municipality and for the province: the first month with fewer places in use
    than the quota in force (after a month without shortfall, or from the horizon's
    start), with the places below then; blank where it never happens.

    A shortfall that is there from the first month starts in the first month.
    """
    out = []
    for (level, name), part in res.monthly.groupby(["level", "name"], sort=False):
        below = part["below"].to_numpy()
        months = part["month"].tolist()
        first = next((i for i, b in enumerate(below) if b > 0), None)
        out.append(
            {
                "level": level, "name": name,
                "shortfall_from": months[first] if first is not None else pd.NaT,
                "below_then": int(below[first]) if first is not None else 0,
                "months_below": int((below > 0).sum()),
                "place_months_below": int(below.sum()),
            }
        )  # fmt: skip
    return pd.DataFrame(out)
