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

What counts in a month is what counts for a cycle, month by month: the places in the
municipality's territory (``base_capacity``) plus the swap agreements running that month
(``agreed_month``: a credited agreement such as Dronten - Kampen from its start to its
end, to the receiver, from the giver) and, in the months of a cycle's window
(``swap_runs``), the swaps the model proposes for that cycle: such a swap is an
agreement for that window, nothing says it runs longer. A candidate that does not
count for a cycle on grounds other than dates (the cycle's ``types`` rule, a closed
location, an extension of a location that already counts) is left out of that cycle as
in the single window.
An extension continues its location past its end: its places are in use only in the
months the location itself is not (``overlap``), never twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from planner.counting.count import Reason
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
    agreed_month
        ``(municipality, month)`` net places credited by swap agreements running on the
        first day of the month (received minus given).
    swap_runs
        Per month, whether it lies in the window of the cycle in force (first of the
        month from the window start to the window end): the months a swap the model
        proposes for that cycle runs.
    overlap
        Per extension candidate, the month indexes its location is still in use itself
        (the extension adds nothing there).
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
    agreed_month: np.ndarray | None = None
    swap_runs: np.ndarray | None = None
    overlap: dict[str, set[int]] = field(default_factory=dict)
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


#: Reasons a candidate does not count for a cycle whatever month it starts (the dates
#: are checked per start month here).
_NOT_FOR_CYCLE = {Reason.ALREADY_COUNTS.value, Reason.CLOSED.value, Reason.TYPE_NOT_COUNTED.value}


def _agreements(insts: list[Instance], names: list[str], months: list[pd.Timestamp]) -> np.ndarray:
    """Net places credited per municipality and month by the swap agreements that count
    for at least one cycle of the horizon, on the first day of each month from their
    start to their end (an open end: to the horizon's end)."""
    idx = {n: i for i, n in enumerate(names)}
    out = np.zeros((len(names), len(months)), dtype=np.int64)
    ms = np.array([m.to_datetime64() for m in months], dtype="datetime64[ns]")
    seen: set[str] = set()
    for inst in insts:
        sw = inst.swaps
        if sw is None or not len(sw) or "counts" not in sw:
            continue
        for r in sw[sw["counts"].astype(bool)].itertuples(index=False):
            if r.id in seen:
                continue
            seen.add(r.id)
            active = np.ones(len(months), dtype=bool)
            if pd.notna(r.start):
                active &= np.datetime64(pd.Timestamp(r.start)) <= ms
            if pd.notna(r.end):
                active &= np.datetime64(pd.Timestamp(r.end)) >= ms
            if r.to_municipality in idx:
                out[idx[r.to_municipality]] += int(r.places) * active
            if r.from_municipality in idx:
                out[idx[r.from_municipality]] -= int(r.places) * active
    return out


def _location_months(locations: pd.DataFrame, loc_id: str, months: list[pd.Timestamp]) -> set[int]:
    """Month indexes a location is in use itself (the rule of :func:`_capacity`)."""
    row = locations.loc[locations["id"] == loc_id]
    if not len(row):
        return set()
    r = row.iloc[0]
    closed = r.get("closed", False)
    if not bool(r["decided"]) or (isinstance(closed, bool | np.bool_) and closed):
        return set()
    if r["start_kind"] != "date":
        return set()
    start, open_end = pd.Timestamp(r["start"]), r["end_kind"] != "date"
    end = None if open_end else pd.Timestamp(r["end"])
    return {t for t, m in enumerate(months) if start <= m and (end is None or end >= m)}


def _event_months(ti: TimeInstance) -> dict[str, set[int]]:
    """Per province, the months a candidate there may need to start in.

    The places still needed in a month (quota in force minus places in use and credited
    by agreements and swaps, for a municipality or its province) step up only in a
    month where a location or an agreement ends, a quota grows, the cycle in force
    changes, a window's swaps stop or a candidate's use ends. Between two such months
    what is still needed can only fall, so a start between them covers nothing that a
    start at the earlier one would not, and the tie-break (no earlier than needed)
    moves it to the next such month. So some best plan starts every candidate in one
    of these months, at its earliest or latest start, or in the last month that lets it
    count for a cycle. Offering only those keeps every level's optimum and shrinks the
    model (national, 66 months: about 40 of 66 months per province).
    """
    need = ti.quota_month - ti.base_capacity - ti.agreed_month
    up = np.zeros(need.shape, dtype=bool)
    up[:, 1:] = np.diff(need, axis=1) > 0
    prov = ti.province_of
    members: dict[str, list[int]] = {}
    for i, n in enumerate(ti.names):
        members.setdefault(prov[n], []).append(i)
    common = {0} | {t for t in range(1, len(ti.months))
                    if ti.cycle_of_month[t] != ti.cycle_of_month[t - 1]}  # fmt: skip
    for rule in ti.cycles:  # the last start month in use on the window start
        w0 = pd.Timestamp(rule.window_start)
        inside = [t for t, m in enumerate(ti.months) if m <= w0]
        if inside:
            common.add(inside[-1])
        after = [t for t, m in enumerate(ti.months) if m > pd.Timestamp(rule.window_end)]
        if after:  # the window's swaps stop
            common.add(after[0])
    out = {}
    for p, rows in members.items():
        ev = set(common) | {int(t) for t in np.flatnonzero(up[rows].any(axis=0) | (
            np.r_[False, np.diff(need[rows].sum(axis=0)) > 0]))}  # fmt: skip
        out[p] = ev
    for r in ti.candidates.itertuples(index=False):  # a candidate's use ends
        last = ti.last_month.get(r.id, len(ti.months) - 1)
        if last + 1 < len(ti.months):
            out[prov[r.municipality]].add(last + 1)
    return out


def build_time_instance(ds: Dataset, scenario: Scenario, every_month: bool = False) -> TimeInstance:
    """Lay out a scenario with a ``horizon`` (see the module docstring).

    ``every_month`` offers every month as a start month; by default only the months a
    best plan may need (:func:`_event_months`), which gives the same optimum."""
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
    ti.agreed_month = _agreements(insts, names, months)
    ti.swap_runs = np.array(
        [pd.Timestamp(rules[c].window_start) <= m <= pd.Timestamp(rules[c].window_end)
         for c, m in zip(cyc, months, strict=True)], dtype=bool,
    )  # fmt: skip
    # Per cycle, the candidates that cannot count there whatever their start month.
    blocked: list[set[str]] = []
    for rule, inst in zip(rules, insts, strict=True):
        out = set()
        for k, codes in zip(inst.candidates["id"], inst.candidates["reasons"], strict=True):
            hit = _NOT_FOR_CYCLE & set(str(codes).split("|"))
            if hit:
                out.add(k)
                ti.messages.append(
                    Words("hz_cannot_count_cycle", id=k, cycle=rule.id,
                          why=[Words(f"code_{c}") for c in sorted(hit)])
                )  # fmt: skip
        blocked.append(out)
    kinds = dict(zip(cand["id"], cand["kind"], strict=True))
    where = dict(zip(cand["id"], cand["location"], strict=True))
    for k, kind in kinds.items():
        if kind == "extend":
            ti.overlap[k] = _location_months(changed, where[k], months)
    if any(r.types for r in rules):
        untyped = [c.id for c in scenario.candidates if c.kind == "new" and not c.type]
        if untyped:  # one line for all of them: the rule is the same for each
            ti.messages.append(Words("hz_no_type", id=", ".join(untyped)))
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
                if r.id in blocked[c]:
                    continue
                counted.append(c)
            ti.counts[(r.id, s)] = counted
        ti.starts[r.id] = allowed
        if not allowed:
            ti.messages.append(Words("hz_cannot_start", id=r.id))
    if not every_month:
        events = _event_months(ti)
        prov = ti.province_of
        for r in frame.itertuples(index=False):
            allowed = ti.starts[r.id]
            if not allowed:
                continue
            keep = events[prov[r.municipality]] | {allowed[0], allowed[-1]}
            ti.starts[r.id] = [s for s in allowed if s in keep]
            for s in allowed:
                if s not in keep:
                    del ti.counts[(r.id, s)]
    return ti
