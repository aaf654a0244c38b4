"""What the model needs for a plan over the years (MODEL.md, "Extension: time").

A scenario with ``horizon: {start, end}`` plans in months. Per cycle in the horizon the
data is laid out as for a single window (:func:`~planner.optimise.instance.build_instance`
with that cycle's rules and quotas: counted places, agreements, swap arcs); on top of
that come the months: the places in use per municipality and month, the quota in force
per month, and per candidate the start months it may choose and, per start month, the
months it is in use and the cycles it counts for.

Precomputed here so the model only sums: a candidate ``k`` started in month ``s``

- is in use from ``s`` to its ``end`` (or to the horizon's end when it has none);
- may start only from its earliest start (``start``, or ``decision_date`` +
  ``lead_months``), and, with ``min_years``, only when it can still run that long
  before its ``end``;
- counts for cycle ``c`` when it is in use on the window start (its start month begins
  on or before ``window_start``), runs through ``window_end``, is durable under ``c``'s
  rule (no end, or an end on or after ``window_start + min_years``) and can be as large
  as ``c``'s ``min_places``.

The quota in force in month ``t`` is that of the last cycle whose window has started by
``t`` (before the first window: the first cycle's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from planner.counting.rules import CycleRules
from planner.data.loader import Dataset
from planner.errors import InputError, Issue
from planner.formats import Words
from planner.optimise.instance import Instance, apply_location_changes, build_instance
from planner.scenario.schema import Scenario

__all__ = ["TimeInstance", "build_time_instance", "month_range"]


def month_range(start, end) -> list[pd.Timestamp]:
    """First days of the months from ``start``'s month to ``end``'s, both included."""
    first = pd.Timestamp(start).to_period("M").to_timestamp()
    last = pd.Timestamp(end).to_period("M").to_timestamp()
    return list(pd.date_range(first, last, freq="MS"))


@dataclass
class TimeInstance:
    """A scenario over months and cycles, laid out for the model.

    Attributes
    ----------
    months
        First day of every month of the horizon.
    cycles
        The cycles planned for, in window order, and ``insts`` their single-window
        instances (municipalities with that cycle's quota and counted places, arcs,
        agreements).
    names
        Municipalities (sorted), the same in every cycle.
    base_capacity
        ``(municipality, month)`` places of existing locations in use (decided, scenario
        changes applied) on the first day of the month.
    quota_month
        ``(municipality, month)`` quota in force; ``cycle_of_month`` which cycle it is.
    candidates
        One row per candidate: ``id``, ``municipality``, ``lo``, ``hi``,
        ``target_group``, ``cost``, ``must_open``, ``end``, ``earliest``, ``min_years``.
    starts
        Per candidate id, the allowed start month indexes; ``counts`` per
        ``(candidate, start)`` the cycle indexes it counts for; ``last_month`` per
        candidate the last month index it is in use.
    """

    scenario: Scenario
    months: list[pd.Timestamp]
    cycles: list[CycleRules]
    insts: list[Instance]
    names: list[str]
    base_capacity: np.ndarray
    quota_month: np.ndarray
    cycle_of_month: np.ndarray
    candidates: pd.DataFrame
    starts: dict[str, list[int]] = field(default_factory=dict)
    counts: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    last_month: dict[str, int] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)

    @property
    def province_of(self) -> dict[str, str]:
        m = self.insts[0].municipalities
        return dict(zip(m["name"], m["province"], strict=True))


def _horizon_cycles(ds: Dataset, scenario: Scenario) -> list[str]:
    h = scenario.horizon
    assert h is not None
    if h.cycles:
        return [str(ds.cycle(c)["id"]) for c in h.cycles]
    lo, hi = pd.Timestamp(h.start), pd.Timestamp(h.end)
    out = []
    for cid in ds.quota_cycles:
        w0 = pd.Timestamp(ds.cycle(cid)["window_start"])
        if lo <= w0 <= hi:
            out.append(cid)
    if not out:
        raise InputError(
            [
                Issue(
                    "scenario",
                    Words("hz_no_cycle", start=h.start, end=h.end),
                    Words("hz_no_cycle_fix"),
                    column="horizon",
                )
            ],  # fmt: skip
            Words("hz_title"),
        )
    return out


def _capacity(locations: pd.DataFrame, names: list[str], months: list[pd.Timestamp]) -> np.ndarray:
    """Places of decided, not closed locations in use on the first day of each month."""
    idx = {n: i for i, n in enumerate(names)}
    out = np.zeros((len(names), len(months)), dtype=np.int64)
    ms = np.array([m.to_datetime64() for m in months], dtype="datetime64[ns]")
    keep = locations["decided"].to_numpy(dtype=bool).copy()
    if "closed" in locations:
        keep &= ~locations["closed"].fillna(False).to_numpy(dtype=bool)
    start = locations["start"].to_numpy(dtype="datetime64[ns]")
    end = locations["end"].to_numpy(dtype="datetime64[ns]")
    s_known = locations["start_kind"].to_numpy(dtype=object) == "date"
    e_date = locations["end_kind"].to_numpy(dtype=object) == "date"
    places = locations["places"].to_numpy(dtype=np.int64)
    muni = locations["municipality"].tolist()
    for r in np.flatnonzero(keep & s_known):
        if muni[r] not in idx:
            continue
        active = start[r] <= ms
        if e_date[r]:
            active &= end[r] >= ms
        out[idx[muni[r]]] += places[r] * active
    return out


def build_time_instance(ds: Dataset, scenario: Scenario) -> TimeInstance:
    """Lay out a scenario with a ``horizon`` (see the module docstring)."""
    h = scenario.horizon
    if h is None:
        raise ValueError("build_time_instance needs a scenario with a horizon")
    months = month_range(h.start, h.end)
    cycle_ids = _horizon_cycles(ds, scenario)
    insts: list[Instance] = []
    rules: list[CycleRules] = []
    cross_note = None
    for cid in cycle_ids:
        spec = scenario.cycle.model_copy(update={"id": cid})
        inst = build_instance(ds.for_cycle(cid), scenario.model_copy(update={"cycle": spec}))
        # Swaps across programmes have an OEK leg the plan over the years does not state:
        # left out, so they cannot pass for plain asylum swaps.
        cross = inst.arcs["source"].astype(str).str.startswith("cross:")
        if cross.any():
            inst.arcs = inst.arcs[~cross].reset_index(drop=True)
            cross_note = Words("msg_cross_programme_no_time")
        insts.append(inst)
        rules.append(inst.rules)
    order = np.argsort([r.window_start for r in rules], kind="stable")
    insts = [insts[i] for i in order]
    rules = [rules[i] for i in order]
    names = insts[0].municipalities["name"].tolist()
    changed = apply_location_changes(ds, scenario).locations
    base = _capacity(changed, names, months)
    quotas = np.column_stack(
        [i.municipalities.set_index("name").loc[names, "quota"].to_numpy(int) for i in insts]
    )
    w0 = [pd.Timestamp(r.window_start) for r in rules]
    cyc = np.array([max([c for c, w in enumerate(w0) if w <= m], default=0) for m in months])
    quota_month = quotas[:, cyc]

    # Candidates: the first cycle's layout gives municipality, sizes and group of every
    # kind; the months are worked out here.
    raw = {c.id: c for c in scenario.candidates}
    cand = insts[0].candidates
    oek_note = None
    if "programme" in cand and (cand["programme"] == "oek").any():  # asylum only here
        oek_ids = cand.loc[cand["programme"] == "oek", "id"].tolist()
        oek_note = Words("msg_oek_candidates_no_time", ids=", ".join(oek_ids))
        cand = cand[cand["programme"] != "oek"]
    rows = []
    for r in cand.itertuples(index=False):
        c = raw[r.id]
        earliest = c.earliest_start
        rows.append(
            {
                "id": r.id, "municipality": r.municipality, "lo": int(r.lo), "hi": int(r.hi),
                "target_group": r.target_group, "cost": float(r.cost),
                "must_open": bool(r.must_open),
                "end": pd.Timestamp(c.end) if c.end is not None else pd.NaT,
                "earliest": pd.Timestamp(earliest) if earliest is not None else pd.NaT,
                "min_years": c.min_years,
            }
        )  # fmt: skip
    frame = pd.DataFrame(
        rows,
        columns=["id", "municipality", "lo", "hi", "target_group", "cost", "must_open", "end",
                 "earliest", "min_years"],
    )  # fmt: skip
    ti = TimeInstance(scenario, months, rules, insts, names, base, quota_month, cyc, frame)
    ti.messages += [n for n in (oek_note, cross_note) if n is not None]
    for r in frame.itertuples(index=False):
        end = r.end
        last = len(months) - 1 if pd.isna(end) else max(-1, sum(m <= end for m in months) - 1)
        ti.last_month[r.id] = last
        allowed = []
        for s, month in enumerate(months):
            # in use on the first day of its start month, at the earliest from ``earliest``
            if pd.notna(r.earliest) and month < r.earliest:
                continue
            if s > last:
                continue
            if pd.notna(r.min_years) and pd.notna(end):
                if month + pd.DateOffset(years=int(r.min_years)) > end:
                    continue
            allowed.append(s)
            counted = []
            for c, rule in enumerate(rules):
                if month > pd.Timestamp(rule.window_start):
                    continue
                if pd.notna(end) and end < pd.Timestamp(rule.window_end):
                    continue
                until = rule.durable_until
                if until is not None and pd.notna(end) and end < pd.Timestamp(until):
                    continue
                if rule.min_places is not None and r.hi < rule.min_places:
                    continue
                counted.append(c)
            ti.counts[(r.id, s)] = counted
        ti.starts[r.id] = allowed
        if not allowed:
            ti.messages.append(Words("hz_cannot_start", id=r.id))
    return ti
