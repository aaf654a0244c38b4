"""Which places count for a cycle, and why not.

This module turns validated tables and the rules of a cycle into the province's cycle
table: per location whether it counts and, if not, every reason (with how many days it
misses the window); per swap agreement whether it is credited; per municipality, region
and province the quota, the places, the credits and the shortfall. It is pure: tables
in, tables out, no files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd

from planner.counting.rules import CycleRules
from planner.data.loader import Dataset
from planner.formats import Words, code_words, days_words, is_missing
from planner.tables import frame_of, numbered

__all__ = [
    "Reason",
    "CycleReport",
    "evaluate_locations",
    "evaluate_swaps",
    "evaluate_soft_plans",
    "aggregate",
    "cycle_report",
    "for_rules",
    "places_in_use_on",
    "MUNICIPAL_COLUMNS",
    "LEVEL_COLUMNS",
]


class Reason(StrEnum):
    """Why a place does not count (several can apply at once)."""

    STARTS_AFTER = "starts_after_window_start"
    START_UNKNOWN = "start_unknown"
    ENDS_BEFORE = "ends_before_window_end"
    END_UNKNOWN = "end_unknown"
    NO_DECISION = "no_decision"
    SOFT_PLAN = "soft_plan"
    NOT_AGREED = "not_agreed"
    CONDITION_NOT_MET = "condition_not_met"
    OVERRIDE = "override"
    COUNTED_AS_LOCATION = "counted_as_location"
    CLOSED = "closed"
    ALREADY_COUNTS = "already_counts"
    NOT_DURABLE = "not_durable"
    TOO_SMALL = "too_small"
    TYPE_NOT_COUNTED = "type_not_counted"
    OTHER_CYCLE = "other_cycle"


def _why(
    codes: list[str], days_late: float, days_short: float, rules: CycleRules, row: Mapping
) -> Words:
    """Why a row does not count, from its codes and fields: Dutch text that
    :func:`planner.formats.say` tells in English too."""
    parts: list[Words] = []
    for code in codes:
        if code == Reason.STARTS_AFTER:
            parts.append(
                Words("why_starts_after", start=row["start"], days=days_words(days_late),
                      window_start=rules.window_start)
            )  # fmt: skip
        elif code == Reason.START_UNKNOWN:
            parts.append(Words("why_start_unknown"))
        elif code == Reason.ENDS_BEFORE:
            parts.append(
                Words("why_ends_before", end=row["end"], days=days_words(days_short),
                      window_end=rules.window_end)
            )  # fmt: skip
        elif code == Reason.END_UNKNOWN:
            parts.append(Words("why_end_unknown"))
        elif code == Reason.NO_DECISION:
            parts.append(Words("why_no_decision"))
        elif code == Reason.SOFT_PLAN:
            parts.append(Words("why_soft_plan"))
        elif code == Reason.NOT_AGREED:
            parts.append(Words("why_not_agreed", status=code_words(row.get("status"))))
        elif code == Reason.CONDITION_NOT_MET:
            parts.append(Words("why_condition_not_met"))
        elif code == Reason.CLOSED:
            parts.append(Words("why_closed"))
        elif code == Reason.NOT_DURABLE:
            if pd.notna(row.get("end")):
                parts.append(Words("reason_not_durable", end=row["end"]))
            else:
                parts.append(Words("reason_not_durable_unknown"))
        elif code == Reason.TOO_SMALL:
            parts.append(
                Words("reason_too_small", places=row.get("places"), min_places=rules.min_places)
            )
        elif code == Reason.TYPE_NOT_COUNTED:
            parts.append(Words("reason_type_not_counted", type=row.get("type")))
        elif code == Reason.OTHER_CYCLE:
            parts.append(Words("reason_other_cycle"))
    return Words("why_list", parts=parts)


def _window_checks(
    frame: pd.DataFrame | Mapping[str, np.ndarray], rules: CycleRules
) -> dict[str, np.ndarray]:
    """Boolean arrays per date rule, plus ``days_late`` / ``days_short`` (NaN where the
    rule holds), vectorised over the rows of a table (a frame, or its columns as arrays)."""
    w0 = np.datetime64(rules.w0.to_datetime64())
    w1 = np.datetime64(rules.w1.to_datetime64())
    start = np.asarray(frame["start"], dtype="datetime64[ns]")
    end = np.asarray(frame["end"], dtype="datetime64[ns]")
    start_known = np.asarray(frame["start_kind"], dtype=object) == "date"
    end_kind = np.asarray(frame["end_kind"], dtype=object)
    end_is_date = end_kind == "date"
    if "end_unknown" in frame:
        beyond = np.asarray(frame["end_unknown"], dtype=object) == "beyond_minimum"
    else:
        beyond = np.zeros(len(start), dtype=bool)
    late = start_known & (start > w0)
    short = end_is_date & (end < w1)
    day = np.timedelta64(1, "D")
    with np.errstate(invalid="ignore"):
        days_late = np.where(late, (start - w0) / day, np.nan)
        days_short = np.where(short, (w1 - end) / day, np.nan)
    return {
        Reason.START_UNKNOWN: ~start_known,
        Reason.STARTS_AFTER: late,
        Reason.ENDS_BEFORE: short,
        Reason.END_UNKNOWN: (end_kind == "unknown") & ~beyond,
        "days_late": days_late,
        "days_short": days_short,
    }


_ORDER = [
    Reason.CLOSED,
    Reason.START_UNKNOWN,
    Reason.STARTS_AFTER,
    Reason.ENDS_BEFORE,
    Reason.END_UNKNOWN,
    Reason.NOT_DURABLE,
    Reason.TOO_SMALL,
    Reason.TYPE_NOT_COUNTED,
    Reason.NO_DECISION,
    Reason.SOFT_PLAN,
    Reason.NOT_AGREED,
    Reason.CONDITION_NOT_MET,
    Reason.OTHER_CYCLE,
]


#: The fields of a row :func:`_why` reads, and the codes it reads each for.
_WHY_FIELDS: dict[str, tuple[str, ...]] = {
    "start": (Reason.STARTS_AFTER,),
    "end": (Reason.ENDS_BEFORE, Reason.NOT_DURABLE),
    "status": (Reason.NOT_AGREED,),
    "places": (Reason.TOO_SMALL,),
    "type": (Reason.TYPE_NOT_COUNTED,),
}


def _finish(
    frame: pd.DataFrame,
    checks: dict[str, np.ndarray],
    overrides: pd.DataFrame,
    target: str,
    rules: CycleRules,
    extra: dict[str, Any] | None = None,
    scenario_rows: list[bool] | None = None,
) -> pd.DataFrame:
    """The table with its verdict columns added in one step (tables are small; each
    pandas column assignment costs more than computing the column).

    ``scenario_rows`` marks the rows a scenario changed in a way that decides whether
    they count (dates, decision, closing): an override of such a row is set aside
    (``override_set_aside``) and the rules decide on the scenario's values."""
    n = len(frame)
    present = [c for c in _ORDER if c in checks]
    flags = np.column_stack([checks[c] for c in present]) if present else np.zeros((n, 0), bool)
    rule_counts = ~flags.any(axis=1)
    # per row the codes of the rules it fails (rows as lists: a numpy call per row
    # costs more than the row)
    codes = [[c for c, f in zip(present, row, strict=True) if f] for row in flags.tolist()]
    days_late = checks["days_late"]
    days_short = checks["days_short"]
    # The words need only a row's start, end, status, places and type, only where a
    # rule fails, and each only for the codes that name it (see _why): a column no
    # failing row needs is not read (a column of dates read as a list makes a
    # Timestamp per row).
    failing = {code for c in codes for code in c}
    fields = {
        c: frame[c].tolist()
        for c, uses in _WHY_FIELDS.items()
        if c in frame and not failing.isdisjoint(uses)
    }
    why = [
        _why(c, days_late[i], days_short[i], rules, {k: v[i] for k, v in fields.items()})
        if c
        else ""
        for i, c in enumerate(codes)
    ]
    # The overrides read as whole columns and filtered in Python (two boolean
    # selections on a frame of a few rows cost more than the loop).
    n_ov = len(overrides)
    dutch = overrides["toelichting"].tolist() if "toelichting" in overrides else [np.nan] * n_ov
    ov_cycle = overrides["cycle"].tolist() if "cycle" in overrides else [np.nan] * n_ov
    by_target: dict[str, tuple[str, bool, str, object]] = {}
    for tgt, oid, tid, counts, reason, nl, cyc in zip(
        overrides["target"].tolist(), overrides["id"].tolist(),
        overrides["target_id"].tolist(), overrides["counts"].tolist(),
        overrides["reason"].tolist(), dutch, ov_cycle, strict=True,
    ):  # fmt: skip
        if tgt != target:
            continue
        if not (pd.isna(cyc) or cyc == rules.id):  # an override for one cycle (blank: every)
            continue
        by_target.setdefault(tid, (oid, bool(counts), reason, nl))  # the first one applies
    ids = frame["id"].tolist()
    hit = [by_target.get(i) for i in ids]
    # A scenario's own change to a row (its dates, decision or closing) is the user's
    # statement about that row: it wins over an override of the base data, which then
    # no longer applies and is reported as set aside.
    set_aside: list[str | float] = [np.nan] * n
    if scenario_rows is not None:
        for i, (h, mine) in enumerate(zip(hit, scenario_rows, strict=True)):
            if h and mine:
                set_aside[i] = h[0]
                hit[i] = None
                why[i] = Words("why_list", parts=[why[i], Words("why_override_set_aside", id=h[0])])
    counts = [h[1] if h else bool(r) for h, r in zip(hit, rule_counts, strict=True)]
    final_why = [
        Words(
            "override_counts" if h[1] else "override_not_counts",
            id=h[0],
            rule=w if w else Words("rule_counts"),
        )
        if h
        else w
        for h, w in zip(hit, why, strict=True)
    ]
    new = frame_of(
        {
            "rule_counts": rule_counts,
            "reasons": ["|".join(c) for c in codes],
            "days_late": days_late,
            "days_short": days_short,
            "why": final_why,
            "override_id": [h[0] if h else np.nan for h in hit],
            "override_reason": [h[2] if h else np.nan for h in hit],
            "override_set_aside": set_aside,
            "override_toelichting": [h[3] if h else np.nan for h in hit],
            "rule_why": why,
            "counts": np.array(counts, dtype=bool),
            **(extra or {}),
        },
        n,
    )
    base = numbered(frame)
    clash = [c for c in new.columns if c in base.columns]
    if clash:  # dropping no columns still copies the frame
        base = base.drop(columns=clash)
    return pd.concat([base, new], axis=1)


def evaluate_locations(
    locations: pd.DataFrame, overrides: pd.DataFrame, rules: CycleRules
) -> pd.DataFrame:
    """Whether each location counts for the cycle, and every reason why not.

    Adds ``counts``, ``rule_counts`` (the date and decision rule alone), ``reasons``
    (codes of :class:`Reason` joined by ``|``), ``why`` (the same in words: a
    :class:`~planner.formats.Words`, Dutch as a string, English through ``say``),
    ``days_late``, ``days_short`` and, where an override applies, ``override_id`` and
    ``override_reason``. A location whose ``scenario_rule_change`` is true (a scenario
    changed its dates, decision or closed it) is judged by the rules alone: the user's
    change wins over an override of the base data, which is named in
    ``override_set_aside``.
    """
    checks = _window_checks(locations, rules)
    if rules.require_decision:
        checks[Reason.NO_DECISION] = ~locations["decided"].to_numpy(dtype=bool)
    if not rules.soft_plans_count:
        checks[Reason.SOFT_PLAN] = locations["status"].to_numpy(dtype=object) == "soft_plan"
    if "closed" in locations:
        checks[Reason.CLOSED] = locations["closed"].fillna(False).to_numpy(dtype=bool)
    mine = None
    if "scenario_rule_change" in locations:
        mine = locations["scenario_rule_change"].fillna(False).astype(bool).tolist()
    extra = _place_checks(locations, rules, checks)
    return _finish(locations, checks, overrides, "location", rules, extra, scenario_rows=mine)


def _place_checks(
    locations: pd.DataFrame, rules: CycleRules, checks: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """The rules of later cycles (durability, size, type) into ``checks``; returns the
    structured fields behind them (``durable_until``, ``durable_days_short``), or
    nothing for a cycle without such rules (cycle 1's tables stay as they were)."""
    if not rules.has_place_rules:
        return {}
    n = len(locations)
    extra: dict[str, np.ndarray] = {}
    if rules.min_years is not None:
        until = np.datetime64(pd.Timestamp(rules.durable_until).to_datetime64())
        end = locations["end"].to_numpy(dtype="datetime64[ns]")
        kind = locations["end_kind"].to_numpy(dtype=object)
        # An unknown end (n.n.t.b.) does not show that a place stays five years, even
        # where it was taken to run beyond cycle 1's window (end_unknown=beyond_minimum).
        short = ((kind == "date") & (end < until)) | (kind == "unknown")
        checks[Reason.NOT_DURABLE] = short
        with np.errstate(invalid="ignore"):
            days = np.where(
                (kind == "date") & (end < until), (until - end) / np.timedelta64(1, "D"), np.nan
            )
        extra["durable_until"] = np.full(n, until, dtype="datetime64[ns]")
        extra["durable_days_short"] = days
    if rules.min_places is not None:
        checks[Reason.TOO_SMALL] = locations["places"].to_numpy(dtype=int) < rules.min_places
    if rules.types:
        checks[Reason.TYPE_NOT_COUNTED] = ~np.isin(
            locations["type"].to_numpy(dtype=object), list(rules.types)
        )
    return extra


def _in_use(locations: pd.DataFrame):
    """A counter of the places of decided locations of a municipality in use on a day,
    reading the table once for any number of questions."""
    muni = locations["municipality"].to_numpy(dtype=object)
    decided = locations["decided"].to_numpy(dtype=bool)
    if "closed" in locations:
        decided = decided & ~locations["closed"].fillna(False).to_numpy(dtype=bool)
    start = locations["start"].to_numpy(dtype="datetime64[ns]")
    end = locations["end"].to_numpy(dtype="datetime64[ns]")
    start_known = locations["start_kind"].to_numpy(dtype=object) == "date"
    open_end = locations["end_kind"].to_numpy(dtype=object) != "date"
    places = locations["places"].to_numpy(dtype=int)

    def count(municipality: str, day: pd.Timestamp) -> int:
        day64 = np.datetime64(pd.Timestamp(day).to_datetime64())
        mask = (muni == municipality) & decided & start_known & (start <= day64)
        mask &= open_end | (end >= day64)
        return int(places[mask].sum())

    return count


def places_in_use_on(locations: pd.DataFrame, municipality: str, day: pd.Timestamp) -> int:
    """Places of decided locations of a municipality that are in use on a day."""
    return _in_use(locations)(municipality, day)


def evaluate_swaps(
    swaps: pd.DataFrame,
    overrides: pd.DataFrame,
    rules: CycleRules,
    locations: pd.DataFrame,
) -> pd.DataFrame:
    """Whether each swap agreement is credited for the cycle.

    A swap counts when it is agreed or locked, its period covers the window and its
    condition (a number of own places of a municipality in use by a date) is met by the
    locations in the data. ``condition_state`` is ``met``, ``not_met`` or ``none``.
    """
    # An agreement without a start date is in force from before the window.
    open_start = swaps["start_kind"].to_numpy(dtype=object) == "empty"
    dated = {  # the columns the date rules read
        "start_kind": np.where(open_start, "date", swaps["start_kind"].to_numpy(dtype=object)),
        # the window's start where the start is open (what Series.where gave)
        "start": np.where(
            open_start,
            np.datetime64(rules.w0.to_datetime64(), "ns"),
            swaps["start"].to_numpy(dtype="datetime64[ns]"),
        ),
        "end_kind": swaps["end_kind"].to_numpy(dtype=object),
        "end": swaps["end"].to_numpy(dtype="datetime64[ns]"),
    }
    checks = _window_checks(dated, rules)
    checks[Reason.NOT_AGREED] = ~np.isin(
        swaps["status"].to_numpy(dtype=object), ["agreed", "locked"]
    )
    states, found = [], []
    in_use = None  # read the locations only when a swap has a condition
    for muni, day, need in zip(
        swaps["condition_municipality"].tolist(), swaps["condition_date"].tolist(),
        swaps["condition_places"].tolist(), strict=True,
    ):  # fmt: skip
        if not isinstance(muni, str):
            states.append("none")
            found.append(np.nan)
            continue
        day = day if pd.notna(day) else rules.w0
        in_use = in_use or _in_use(locations)
        have = in_use(muni, day)
        found.append(have)
        states.append("met" if have >= int(need) else "not_met")
    checks[Reason.CONDITION_NOT_MET] = np.array([s == "not_met" for s in states], dtype=bool)
    if "cycle" in swaps:  # an agreement for one cycle (blank: every cycle)
        cyc = swaps["cycle"].to_numpy(dtype=object)
        checks[Reason.OTHER_CYCLE] = np.array(
            [isinstance(c, str) and c != rules.id for c in cyc], dtype=bool
        )
    found_arr = np.array(found, dtype=float)
    extra = {"condition_state": states, "condition_places_found": found_arr}
    return _finish(swaps, checks, overrides, "swap", rules, extra)


def evaluate_soft_plans(
    soft_plans: pd.DataFrame, locations: pd.DataFrame, rules: CycleRules
) -> pd.DataFrame:
    """Soft plans at their lower bound, counted only when the rules say so.

    A soft plan tied to a location that already counts is not added a second time.
    """
    counted_ids = {
        i for i, c in zip(locations["id"].tolist(), locations["counts"].tolist(), strict=True) if c
    }
    linked = np.array(
        [i in counted_ids for i in soft_plans["location_id"].tolist()], dtype=bool
    )  # a blank location id is linked to nothing
    added = {
        "places_low": np.array(
            [0 if is_missing(p) else int(p) for p in soft_plans["places"].tolist()], dtype=int
        ),
        "counts": bool(rules.soft_plans_count) & ~linked,
        "reasons": [
            Reason.COUNTED_AS_LOCATION.value
            if k
            else ("" if rules.soft_plans_count else "soft_plan")
            for k in linked.tolist()
        ],
    }
    if any(c in soft_plans.columns for c in added) or not soft_plans.index.is_unique:
        # replaced in place, as before
        out = soft_plans.copy()
        for col, values in added.items():
            out[col] = values
        return out
    # Added in one step: a copy and three column assignments cost more.
    return pd.concat([soft_plans, frame_of(added, index=soft_plans.index)], axis=1)


#: Columns of the per-municipality table, in report order.
MUNICIPAL_COLUMNS = [
    "code",
    "name",
    "region",
    "province",
    "quota",
    "amv_quota",
    "places",
    "amv_places",
    "swapped_in",
    "swapped_out",
    "amv_swapped_in",
    "amv_swapped_out",
    "credited",
    "amv_credited",
    "shortfall",
    "amv_shortfall",
    "surplus",
    "soft_plans",
    "amv_soft_plans",
    "coverage",
]

#: Columns of the region and province tables.
LEVEL_COLUMNS = [
    "quota",
    "amv_quota",
    "places",
    "amv_places",
    "credited",
    "amv_credited",
    "shortfall",
    "amv_shortfall",
    "municipal_shortfall",
    "amv_municipal_shortfall",
    "surplus",
    "soft_plans",
    "amv_soft_plans",
    "coverage",
]


def aggregate(
    municipalities: pd.DataFrame,
    own_places: pd.DataFrame,
    flows: pd.DataFrame,
    soft_plans: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """Per municipality, region and province: quota, places, credits and shortfall.

    Parameters
    ----------
    municipalities
        The municipalities table (name, region, quota, amv_quota, ...).
    own_places
        Per municipality name, ``places`` and ``amv_places`` that count in its own
        territory (index: name).
    flows
        Credited flows with ``from``, ``to``, ``places``, ``amv_places``: swap
        agreements and, after optimisation, proposed swaps. ``from`` may be a
        municipality outside the province (its places then add to the province).
    soft_plans
        Per municipality ``soft_plans`` and ``amv_soft_plans`` (lower bounds), shown
        beside the counted places.

    Returns
    -------
    (municipal, regional, total)
        ``municipal_shortfall`` at region and province level is the sum of municipal
        shortfalls; ``shortfall`` there is the level's quota minus its credited places,
        so a surplus in one municipality lowers it.
    """
    # Columns are computed as numpy arrays and the frame is made once: on tables of a
    # few dozen rows every pandas column assignment costs more than the arithmetic.
    order = np.lexsort(
        (
            municipalities["name"].to_numpy(dtype=object),
            municipalities["region"].to_numpy(dtype=object),
        )
    )  # canonical order (region, then name), as the province's own table
    m = {c: municipalities[c].to_numpy()[order] for c in
         ("code", "name", "region", "province", "quota", "amv_quota")}  # fmt: skip
    names = list(m["name"])

    def lookup(frame: pd.DataFrame | None, col: str) -> np.ndarray:
        if frame is None or not len(frame) or col not in frame:
            return np.zeros(len(names), dtype=int)
        values = dict(zip(frame.index.tolist(), frame[col].tolist(), strict=True))
        return np.array([int(values.get(n, 0) or 0) for n in names], dtype=int)

    # Sums per municipality with dicts: a pandas groupby costs milliseconds even on a
    # frame of one row, and this runs for every scenario solved.
    if len(flows):
        inflow = _sums(flows["to"], flows["places"], flows["amv_places"])
        outflow = _sums(flows["from"], flows["places"], flows["amv_places"])
    else:
        inflow = outflow = {}

    def flow(sums: dict[str, list[int]], k: int) -> np.ndarray:
        return np.array([sums[n][k] if n in sums else 0 for n in names], dtype=int)

    quota = m["quota"].astype(int)
    amv_quota = m["amv_quota"].astype(int)
    places = lookup(own_places, "places")
    amv_places = lookup(own_places, "amv_places")
    cols: dict[str, np.ndarray] = {
        "code": m["code"], "name": m["name"], "region": m["region"], "province": m["province"],
        "quota": quota, "amv_quota": amv_quota, "places": places, "amv_places": amv_places,
        "swapped_in": flow(inflow, 0), "swapped_out": flow(outflow, 0),
        "amv_swapped_in": flow(inflow, 1), "amv_swapped_out": flow(outflow, 1),
    }  # fmt: skip
    credited = places + cols["swapped_in"] - cols["swapped_out"]
    amv_credited = amv_places + cols["amv_swapped_in"] - cols["amv_swapped_out"]
    cols["credited"] = credited
    cols["amv_credited"] = amv_credited
    cols["shortfall"] = np.maximum(quota - credited, 0)
    cols["amv_shortfall"] = np.maximum(amv_quota - amv_credited, 0)
    cols["surplus"] = np.maximum(credited - quota, 0)
    cols["soft_plans"] = lookup(soft_plans, "soft_plans")
    cols["amv_soft_plans"] = lookup(soft_plans, "amv_soft_plans")
    with np.errstate(divide="ignore", invalid="ignore"):
        cols["coverage"] = np.where(quota > 0, credited / np.where(quota > 0, quota, 1), np.nan)
    # Text columns kept as Python objects, as loaded: a numpy object array of text
    # would otherwise become an Arrow-backed ``str`` column (``future.infer_string``),
    # whose element reads cost more downstream (.tolist(), itertuples, masks).
    out = frame_of(
        {
            c: np.asarray(cols[c], dtype=object) if c in _TEXT else cols[c]
            for c in MUNICIPAL_COLUMNS
        },
        len(names),
    )

    summed = (
        "quota", "amv_quota", "places", "amv_places", "credited", "amv_credited",
        "shortfall", "amv_shortfall", "surplus", "soft_plans", "amv_soft_plans",
    )  # fmt: skip
    arrays = {c: cols[c] for c in summed}

    def level(rows: np.ndarray | slice) -> dict[str, int | float]:
        t = {c: int(arrays[c][rows].sum()) for c in summed}
        s: dict[str, int | float] = {}
        for col in ("quota", "amv_quota", "places", "amv_places", "credited", "amv_credited"):
            s[col] = t[col]
        s["shortfall"] = max(0, s["quota"] - s["credited"])
        s["amv_shortfall"] = max(0, s["amv_quota"] - s["amv_credited"])
        s["municipal_shortfall"] = t["shortfall"]
        s["amv_municipal_shortfall"] = t["amv_shortfall"]
        s["surplus"] = t["surplus"]
        s["soft_plans"] = t["soft_plans"]
        s["amv_soft_plans"] = t["amv_soft_plans"]
        s["coverage"] = s["credited"] / s["quota"] if s["quota"] else float("nan")
        return {c: s[c] for c in LEVEL_COLUMNS}  # a Series per region costs more than this

    region = cols["region"]
    region_names = sorted({r for r in region if isinstance(r, str)})  # as groupby(sort=True)
    levels = [level(region == name) for name in region_names]
    regions = frame_of(
        {
            "region": region_names,
            **{
                c: np.array([lv[c] for lv in levels], dtype=float if c == "coverage" else int)
                for c in LEVEL_COLUMNS
            },
        },
        len(region_names),
    )
    total = pd.Series(level(slice(None)), dtype=object)
    return out, regions, total


#: The text columns of the municipal table.
_TEXT = frozenset({"code", "name", "region", "province"})


def _sums(keys: pd.Series, places: pd.Series, amv: pd.Series) -> dict[str, list[int]]:
    """``{key: [places, amv places]}`` summed over the rows of a small table."""
    out: dict[str, list[int]] = {}
    for k, p, a in zip(keys.tolist(), places.tolist(), amv.tolist(), strict=True):
        acc = out.setdefault(k, [0, 0])
        acc[0] += int(p)
        acc[1] += int(a)
    return out


def _ratio(num: pd.Series, den: pd.Series) -> pd.Series:
    return (num / den.where(den > 0)).astype(float)


@dataclass
class CycleReport:
    """The cycle table of a province with the location-level evidence behind it."""

    rules: CycleRules
    locations: pd.DataFrame
    swaps: pd.DataFrame
    soft_plans: pd.DataFrame
    municipalities: pd.DataFrame
    regions: pd.DataFrame
    total: pd.Series

    @property
    def overrides(self) -> pd.DataFrame:
        """Counts that rest on an explicit override, with the rule's own verdict."""
        cols = [
            "kind",
            "id",
            "municipality",
            "name",
            "places",
            "counts",
            "rule_counts",
            "rule_why",
            "override_id",
            "override_reason",
            "override_toelichting",
        ]
        parts = []
        loc = self.locations[self.locations["override_id"].notna()]
        if len(loc):
            parts.append(loc.assign(kind="location"))
        sw = self.swaps[self.swaps["override_id"].notna()]
        if len(sw):
            parts.append(
                sw.assign(
                    kind="swap",
                    municipality=sw["to_municipality"],
                    name=sw["from_municipality"] + " -> " + sw["to_municipality"],
                )
            )
        if not parts:
            return pd.DataFrame(columns=cols)
        return pd.concat(parts, ignore_index=True)[cols]


def _group_sums(
    keys: list, places: list, amv: list, names: tuple[str, str] = ("places", "amv_places")
) -> pd.DataFrame:
    """``places`` and ``amv_places`` summed per key, as a small frame indexed by key
    (its two columns named ``names``)."""
    sums: dict[str, list[int]] = {}
    for k, p, is_amv in zip(keys, places, amv, strict=True):
        acc = sums.setdefault(k, [0, 0])
        acc[0] += int(p)
        if is_amv:
            acc[1] += int(p)
    return frame_of(
        {
            names[0]: np.array([v[0] for v in sums.values()], dtype=int),
            names[1]: np.array([v[1] for v in sums.values()], dtype=int),
        },
        index=pd.Index(list(sums), dtype=object),
    )


def own_places_table(locations: pd.DataFrame, soft_plans: pd.DataFrame) -> pd.DataFrame:
    """Counted places per municipality (locations plus counted soft plans)."""
    keys, places, amv = [], [], []
    tables = [(locations, "places")]
    if len(soft_plans):
        tables.append((soft_plans, "places_low"))
    for table, col in tables:
        mask = table["counts"].to_numpy(dtype=bool)
        keys += [k for k, c in zip(table["municipality"].tolist(), mask, strict=True) if c]
        places += [p for p, c in zip(table[col].tolist(), mask, strict=True) if c]
        amv += [g == "amv" for g, c in zip(table["target_group"].tolist(), mask, strict=True) if c]
    return _group_sums(keys, places, amv)


def soft_plan_totals(soft_plans: pd.DataFrame) -> pd.DataFrame:
    """Soft plans at their lower bound per municipality, counted or not."""
    if soft_plans.empty:
        return pd.DataFrame(columns=["soft_plans", "amv_soft_plans"])
    low = [0 if pd.isna(p) else int(p) for p in soft_plans["places"].tolist()]
    amv = [g == "amv" for g in soft_plans["target_group"].tolist()]
    return _group_sums(
        soft_plans["municipality"].tolist(), low, amv, ("soft_plans", "amv_soft_plans")
    )


def agreement_flows(swaps: pd.DataFrame) -> pd.DataFrame:
    """Credited swap agreements as flows ``from -> to``."""
    # The rows selected on whole columns (numpy), not as a sub-frame: cheaper on
    # tables of a few rows.
    mask = swaps["counts"].to_numpy(dtype=bool)
    n = int(mask.sum())
    return frame_of(
        {
            "from": swaps["from_municipality"].to_numpy(dtype=object)[mask],
            "to": swaps["to_municipality"].to_numpy(dtype=object)[mask],
            "places": swaps["places"].to_numpy()[mask].astype(int),
            "amv_places": swaps["amv_places"].to_numpy()[mask].astype(int),
            "source": ["agreement"] * n,
            "id": swaps["id"].to_numpy(dtype=object)[mask],
        },
        n,
    )


def for_rules(ds: Dataset, rules: CycleRules) -> Dataset:
    """The data with the quotas of the rules' cycle, when the rules name a cycle of the
    data that has quotas (rules of a scenario keep the cycle they were derived from)."""
    if rules.id == ds.cycle_id or rules.id not in set(ds.quota_cycles):
        return ds
    return ds.for_cycle(rules.id)


def cycle_report(ds: Dataset, rules: CycleRules | None = None) -> CycleReport:
    """The province's cycle table, computed from location-level data and the rules.

    Parameters
    ----------
    ds
        A loaded :class:`~planner.data.loader.Dataset`.
    rules
        The cycle's rules; the first cycle of ``data/cycles.csv`` by default.

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> rep = cycle_report(load_dataset())
    >>> int(rep.total["credited"]), int(rep.total["shortfall"])
    (3864, 2461)
    """
    rules = rules or CycleRules.from_row(ds.cycle())
    ds = for_rules(ds, rules)
    loc = evaluate_locations(ds.locations, ds.overrides, rules)
    sw = evaluate_swaps(ds.swaps, ds.overrides, rules, ds.locations)
    sp = evaluate_soft_plans(ds.soft_plans, loc, rules)
    municipal, regions, total = aggregate(
        ds.municipalities,
        own_places_table(loc, sp),
        agreement_flows(sw),
        soft_plan_totals(ds.soft_plans),
    )
    return CycleReport(rules, loc, sw, sp, municipal, regions, total)
