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

import numpy as np
import pandas as pd

from planner.loader import Dataset
from planner.rules import CycleRules

__all__ = [
    "Reason",
    "CycleReport",
    "evaluate_locations",
    "evaluate_swaps",
    "evaluate_soft_plans",
    "aggregate",
    "cycle_report",
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


def _why(
    codes: list[str], days_late: float, days_short: float, rules: CycleRules, row: Mapping
) -> str:
    parts = []
    for code in codes:
        if code == Reason.STARTS_AFTER:
            parts.append(
                f"starts {row['start']:%d-%m-%Y}, {int(days_late)} days after the window "
                f"start {rules.window_start:%d-%m-%Y}"
            )
        elif code == Reason.START_UNKNOWN:
            parts.append("start date not yet known")
        elif code == Reason.ENDS_BEFORE:
            parts.append(
                f"ends {row['end']:%d-%m-%Y}, {int(days_short)} days before the window "
                f"end {rules.window_end:%d-%m-%Y}"
            )
        elif code == Reason.END_UNKNOWN:
            parts.append("end date unknown (not known to last beyond the window)")
        elif code == Reason.NO_DECISION:
            parts.append("decision not yet taken")
        elif code == Reason.SOFT_PLAN:
            parts.append("soft plan (bestuurlijk voornemen), not guaranteed")
        elif code == Reason.NOT_AGREED:
            parts.append(f"status {row.get('status')}: not agreed")
        elif code == Reason.CONDITION_NOT_MET:
            parts.append("its condition is not met")
        elif code == Reason.CLOSED:
            parts.append("closed in this scenario")
    return "; ".join(parts)


def _window_checks(frame: pd.DataFrame, rules: CycleRules) -> pd.DataFrame:
    """Boolean columns per date rule, vectorised over the rows of a table."""
    w0, w1 = rules.w0, rules.w1
    start_known = frame["start_kind"] == "date"
    end_kind = frame["end_kind"]
    end_is_date = end_kind == "date"
    beyond = (
        frame["end_unknown"].eq("beyond_minimum")
        if "end_unknown" in frame
        else pd.Series(False, index=frame.index)
    )
    out = pd.DataFrame(index=frame.index)
    out[Reason.START_UNKNOWN] = ~start_known
    out[Reason.STARTS_AFTER] = start_known & (frame["start"] > w0)
    out[Reason.ENDS_BEFORE] = end_is_date & (frame["end"] < w1)
    out[Reason.END_UNKNOWN] = (end_kind == "unknown") & ~beyond
    days_late = (frame["start"] - w0).dt.days.where(out[Reason.STARTS_AFTER])
    days_short = (w1 - frame["end"]).dt.days.where(out[Reason.ENDS_BEFORE])
    out["days_late"] = days_late
    out["days_short"] = days_short
    return out


_ORDER = [
    Reason.CLOSED,
    Reason.START_UNKNOWN,
    Reason.STARTS_AFTER,
    Reason.ENDS_BEFORE,
    Reason.END_UNKNOWN,
    Reason.NO_DECISION,
    Reason.SOFT_PLAN,
    Reason.NOT_AGREED,
    Reason.CONDITION_NOT_MET,
]


def _finish(
    frame: pd.DataFrame,
    checks: pd.DataFrame,
    overrides: pd.DataFrame,
    target: str,
    rules: CycleRules,
) -> pd.DataFrame:
    present = [c for c in _ORDER if c in checks]
    flags = checks[present].to_numpy(dtype=bool) if present else np.zeros((len(frame), 0), bool)
    out = frame.copy()
    out["rule_counts"] = ~flags.any(axis=1) if present else True
    codes = [[present[j] for j in np.flatnonzero(row)] for row in flags]
    out["reasons"] = ["|".join(c) for c in codes]
    out["days_late"] = checks["days_late"]
    out["days_short"] = checks["days_short"]
    # The words need only a row's start, end and status, and only where a rule fails:
    # plain column lists instead of one Series per row (iterrows).
    fields = {c: frame[c].tolist() for c in ("start", "end", "status") if c in frame}
    out["why"] = [
        _why(c, dl, ds, rules, {k: v[i] for k, v in fields.items()}) if c else ""
        for i, (c, dl, ds) in enumerate(
            zip(codes, checks["days_late"].tolist(), checks["days_short"].tolist(), strict=True)
        )
    ]
    ov = overrides[overrides["target"] == target][["id", "target_id", "counts", "reason"]]
    ov = ov.rename(
        columns={"id": "override_id", "counts": "override_counts", "reason": "override_reason"}
    )
    if len(ov) and ov["target_id"].is_unique:
        # One override per target: a reindex is the left join, without merge's cost.
        joined = ov.set_index("target_id").reindex(out["id"].to_numpy())
        out = out.reset_index(drop=True)  # as merge returns it
        for col in ("override_id", "override_counts", "override_reason"):
            out[col] = joined[col].to_numpy()
    else:
        out = out.merge(ov, how="left", left_on="id", right_on="target_id")
        out = out.drop(columns="target_id")
    has_override = out["override_id"].notna()
    out["rule_why"] = out["why"]
    out["counts"] = np.where(
        has_override, out["override_counts"].fillna(False).astype(bool), out["rule_counts"]
    ).astype(bool)
    out.loc[has_override, "why"] = [
        ("counted by override" if c else "not counted by override")
        + f" ({oid}); date rule: "
        + (w if w else "counts")
        for c, oid, w in zip(
            out.loc[has_override, "counts"],
            out.loc[has_override, "override_id"],
            out.loc[has_override, "why"],
            strict=True,
        )
    ]
    return out.drop(columns="override_counts")


def evaluate_locations(
    locations: pd.DataFrame, overrides: pd.DataFrame, rules: CycleRules
) -> pd.DataFrame:
    """Whether each location counts for the cycle, and every reason why not.

    Adds ``counts``, ``rule_counts`` (the date and decision rule alone), ``reasons``
    (codes of :class:`Reason` joined by ``|``), ``why`` (the same in words),
    ``days_late``, ``days_short`` and, where an override applies, ``override_id`` and
    ``override_reason``.
    """
    checks = _window_checks(locations, rules)
    if rules.require_decision:
        checks[Reason.NO_DECISION] = ~locations["decided"].astype(bool)
    if not rules.soft_plans_count:
        checks[Reason.SOFT_PLAN] = locations["status"] == "soft_plan"
    if "closed" in locations:
        checks[Reason.CLOSED] = locations["closed"].fillna(False).astype(bool)
    return _finish(locations, checks, overrides, "location", rules)


def places_in_use_on(locations: pd.DataFrame, municipality: str, day: pd.Timestamp) -> int:
    """Places of decided locations of a municipality that are in use on a day."""
    loc = locations[(locations["municipality"] == municipality) & locations["decided"]]
    if "closed" in loc:
        loc = loc[~loc["closed"].fillna(False).astype(bool)]
    started = (loc["start_kind"] == "date") & (loc["start"] <= day)
    running = (loc["end_kind"] != "date") | (loc["end"] >= day)
    return int(loc.loc[started & running, "places"].sum())


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
    open_start = swaps["start_kind"] == "empty"
    dated = swaps.assign(
        end_unknown=None,
        start_kind=swaps["start_kind"].where(~open_start, "date"),
        start=swaps["start"].where(~open_start, rules.w0),
    )
    checks = _window_checks(dated, rules)
    checks[Reason.NOT_AGREED] = ~swaps["status"].isin(["agreed", "locked"])
    states, found = [], []
    for _, row in swaps.iterrows():
        muni = row.get("condition_municipality")
        if muni is None or (isinstance(muni, float) and np.isnan(muni)):
            states.append("none")
            found.append(np.nan)
            continue
        day = row["condition_date"] if pd.notna(row["condition_date"]) else rules.w0
        have = places_in_use_on(locations, muni, day)
        found.append(have)
        states.append("met" if have >= int(row["condition_places"]) else "not_met")
    checks[Reason.CONDITION_NOT_MET] = pd.Series(states, index=swaps.index).eq("not_met")
    out = _finish(swaps, checks, overrides, "swap", rules)
    out["condition_state"] = states
    out["condition_places_found"] = found
    return out


def evaluate_soft_plans(
    soft_plans: pd.DataFrame, locations: pd.DataFrame, rules: CycleRules
) -> pd.DataFrame:
    """Soft plans at their lower bound, counted only when the rules say so.

    A soft plan tied to a location that already counts is not added a second time.
    """
    out = soft_plans.copy()
    out["places_low"] = out["places"].fillna(0).astype(int)
    counted_ids = set(locations.loc[locations["counts"], "id"])
    linked = out["location_id"].isin(counted_ids)
    out["counts"] = bool(rules.soft_plans_count) & ~linked
    out["reasons"] = np.where(
        linked, Reason.COUNTED_AS_LOCATION.value, "" if rules.soft_plans_count else "soft_plan"
    )
    return out


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
    m = municipalities.set_index("name", drop=False)
    out = pd.DataFrame(index=m.index)
    for col in ("code", "name", "region", "province", "quota", "amv_quota"):
        out[col] = m[col]
    out["places"] = own_places["places"].reindex(m.index).fillna(0).astype(int)
    out["amv_places"] = own_places["amv_places"].reindex(m.index).fillna(0).astype(int)
    # Sums per municipality with dicts: a pandas groupby costs milliseconds even on a
    # frame of one row, and this runs for every scenario solved.
    if len(flows):
        inflow = _sums(flows["to"], flows["places"], flows["amv_places"])
        outflow = _sums(flows["from"], flows["places"], flows["amv_places"])
    else:
        inflow = outflow = {}
    for col, sums, k in (
        ("swapped_in", inflow, 0),
        ("swapped_out", outflow, 0),
        ("amv_swapped_in", inflow, 1),
        ("amv_swapped_out", outflow, 1),
    ):
        out[col] = np.array([sums[n][k] if n in sums else 0 for n in m.index], dtype=int)
    out["credited"] = out["places"] + out["swapped_in"] - out["swapped_out"]
    out["amv_credited"] = out["amv_places"] + out["amv_swapped_in"] - out["amv_swapped_out"]
    out["shortfall"] = (out["quota"] - out["credited"]).clip(lower=0)
    out["amv_shortfall"] = (out["amv_quota"] - out["amv_credited"]).clip(lower=0)
    out["surplus"] = (out["credited"] - out["quota"]).clip(lower=0)
    if soft_plans is not None and len(soft_plans):
        out["soft_plans"] = soft_plans["soft_plans"].reindex(m.index).fillna(0).astype(int)
        out["amv_soft_plans"] = soft_plans["amv_soft_plans"].reindex(m.index).fillna(0).astype(int)
    else:
        out["soft_plans"] = 0
        out["amv_soft_plans"] = 0
    out["coverage"] = _ratio(out["credited"], out["quota"])
    # A canonical order (region, then name), as the province's own table: the output
    # must not depend on the row order of the input files.
    out = out[MUNICIPAL_COLUMNS].reset_index(drop=True)
    out = out.sort_values(["region", "name"], kind="stable").reset_index(drop=True)

    summed = (
        "quota", "amv_quota", "places", "amv_places", "credited", "amv_credited",
        "shortfall", "amv_shortfall", "surplus", "soft_plans", "amv_soft_plans",
    )  # fmt: skip
    arrays = {c: out[c].to_numpy() for c in summed}

    def level(rows: np.ndarray | slice) -> pd.Series:
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
        return pd.Series({c: s[c] for c in LEVEL_COLUMNS}, dtype=object)

    region = out["region"].to_numpy()
    names = sorted({r for r in region if isinstance(r, str)})  # as groupby(sort=True)
    regions = pd.DataFrame({name: level(region == name) for name in names}).T
    regions.index.name = "region"
    regions = regions.reset_index()
    regions = regions.astype({c: int for c in LEVEL_COLUMNS if c != "coverage"})
    regions["coverage"] = regions["coverage"].astype(float)
    total = level(slice(None))
    return out, regions, total


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


def own_places_table(locations: pd.DataFrame, soft_plans: pd.DataFrame) -> pd.DataFrame:
    """Counted places per municipality (locations plus counted soft plans)."""
    loc = locations[locations["counts"]]
    amv = loc["target_group"] == "amv"
    per = pd.DataFrame(
        {
            "places": loc.groupby("municipality")["places"].sum(),
            "amv_places": loc[amv].groupby("municipality")["places"].sum(),
        }
    )
    if len(soft_plans):
        sp = soft_plans[soft_plans["counts"]]
        extra = pd.DataFrame(
            {
                "places": sp.groupby("municipality")["places_low"].sum(),
                "amv_places": sp[sp["target_group"] == "amv"]
                .groupby("municipality")["places_low"]
                .sum(),
            }
        )
        per = per.add(extra, fill_value=0)
    return per.fillna(0).astype(int)


def soft_plan_totals(soft_plans: pd.DataFrame) -> pd.DataFrame:
    """Soft plans at their lower bound per municipality, counted or not."""
    if soft_plans.empty:
        return pd.DataFrame(columns=["soft_plans", "amv_soft_plans"])
    low = soft_plans["places"].fillna(0).astype(int)
    amv = soft_plans["target_group"] == "amv"
    return pd.DataFrame(
        {
            "soft_plans": low.groupby(soft_plans["municipality"]).sum(),
            "amv_soft_plans": low[amv].groupby(soft_plans["municipality"][amv]).sum(),
        }
    ).fillna(0)


def agreement_flows(swaps: pd.DataFrame) -> pd.DataFrame:
    """Credited swap agreements as flows ``from -> to``."""
    sw = swaps[swaps["counts"]]
    return pd.DataFrame(
        {
            "from": sw["from_municipality"].to_numpy(),
            "to": sw["to_municipality"].to_numpy(),
            "places": sw["places"].astype(int).to_numpy(),
            "amv_places": sw["amv_places"].astype(int).to_numpy(),
            "source": "agreement",
            "id": sw["id"].to_numpy(),
        }
    )


def cycle_report(ds: Dataset, rules: CycleRules | None = None) -> CycleReport:
    """The province's cycle table, computed from location-level data and the rules.

    Parameters
    ----------
    ds
        A loaded :class:`~planner.loader.Dataset`.
    rules
        The cycle's rules; the first cycle of ``data/cycles.csv`` by default.

    Examples
    --------
    >>> from planner.loader import load_dataset
    >>> rep = cycle_report(load_dataset())
    >>> int(rep.total["credited"]), int(rep.total["shortfall"])
    (3864, 2461)
    """
    rules = rules or CycleRules.from_row(ds.cycle())
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
