"""From data and a scenario to the tables the model is built from.

This stage applies the scenario's edits (location changes, the swap register), counts
the existing places under the scenario's rules, decides for every candidate whether it
can count at all (and says why not), and lays out the swap graph. The result, an
:class:`Instance`, is plain tables: the one statement of the model in
:mod:`planner.optimise.model` builds from it.
"""

from __future__ import annotations

import hashlib
from collections import namedtuple
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx
import numpy as np
import pandas as pd

from planner.counting.count import (
    CycleReport,
    Reason,
    aggregate,
    agreement_flows,
    evaluate_locations,
    evaluate_soft_plans,
    evaluate_swaps,
    own_places_table,
    soft_plan_totals,
)
from planner.counting.rules import CycleRules
from planner.data.loader import Dataset, centroids
from planner.formats import Words, days_words
from planner.i18n import t
from planner.optimise.network import adjacency_pairs, policy_pairs, swap_graph
from planner.optimise.programmes import (
    counter_flows,
    cross_arcs,
    oek_candidate_counts,
    oek_reference_day,
    oek_table,
)
from planner.scenario.schema import Scenario
from planner.tables import frame_of

__all__ = [
    "Instance",
    "build_instance",
    "apply_location_changes",
    "scenario_rules",
    "scenario_warnings",
    "reason_words",
]


@dataclass
class Instance:
    """Everything the model needs, as tables sorted by a stable key.

    Rows are sorted by name or id, so the model and its answer do not depend on the row
    order of the input files.
    """

    scenario: Scenario
    rules: CycleRules
    report: CycleReport
    municipalities: pd.DataFrame
    provinces: pd.DataFrame
    candidates: pd.DataFrame
    fixed_flows: pd.DataFrame
    arcs: pd.DataFrame
    swaps: pd.DataFrame
    messages: list[str] = field(default_factory=list)
    #: Swaps across programmes: per municipality the OEK quota, own places and recorded
    #: counter legs (``oek_*``), and those counter legs (see planner.optimise.programmes).
    oek: pd.DataFrame = field(default_factory=pd.DataFrame)
    counter_flows: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: What the swap graph is made of (:func:`planner.optimise.network.swap_graph`'s
    #: arguments): the graph is made when first asked for, since the model needs only
    #: its policy pairs (a national instance has some 10,000 of them).
    graph_of: tuple = field(default=(), repr=False)
    _graph: nx.DiGraph | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def graph(self) -> nx.DiGraph:
        """The swap graph: recorded agreements and the policy's pairs (see
        :func:`planner.optimise.network.swap_graph`)."""
        if self._graph is None:
            self._graph = swap_graph(*self.graph_of)
        return self._graph

    def candidate_masks(self) -> tuple[np.ndarray, np.ndarray]:
        """Which rows of ``candidates`` are :attr:`countable` and which are
        :attr:`oek_candidates`, as boolean arrays (for readers of a few columns)."""
        c = self.candidates
        can = c["can_count"].to_numpy(dtype=bool)
        if "programme" not in c:
            return can, np.zeros(len(c), dtype=bool)
        oek = c["programme"].to_numpy(dtype=object) == "oek"
        return can & ~oek, can & oek

    @property
    def countable(self) -> pd.DataFrame:
        """Asylum candidates that can count for the cycle (their dates fit the window)."""
        return self.candidates[self.candidate_masks()[0]]

    @property
    def oek_candidates(self) -> pd.DataFrame:
        """OEK candidates that count at the OEK reference date (issue 12)."""
        return self.candidates[self.candidate_masks()[1]]


def scenario_rules(ds: Dataset, scenario: Scenario) -> CycleRules:
    """The data's cycle rules with the scenario's changes applied."""
    base = CycleRules.from_row(ds.cycle(scenario.cycle.id))
    spec = scenario.cycle
    update = {
        k: v
        for k, v in {
            "window_start": spec.start,
            "window_end": spec.end,
            "require_decision": spec.require_decision,
            "soft_plans_count": spec.soft_plans_count,
        }.items()
        if v is not None
    }
    if not update:
        return base
    return CycleRules.model_validate({**base.model_dump(), **update})


def _set_date(frame: pd.DataFrame, idx: int, col: str, value, kind: str) -> None:
    frame.at[idx, col] = pd.Timestamp(value) if value is not None else pd.NaT
    frame.at[idx, f"{col}_kind"] = kind
    frame.at[idx, f"{col}_text"] = value.isoformat() if value is not None else kind
    frame.at[idx, f"{col}_approx"] = False


def apply_location_changes(ds: Dataset, scenario: Scenario) -> Dataset:
    """A copy of the data with the scenario's location changes applied (only the
    locations table is copied; the others are shared and never changed downstream).

    ``scenario_rule_change`` marks a location whose dates, decision or closing the
    scenario sets: the scenario's word then wins over an override of the base data.
    A change of places alone keeps the override's verdict (an override judges the
    dates, not the size), with the scenario's places."""
    # Changes that decide whether the location counts (``scenario_rule_change``): with
    # one of these the scenario's word wins over an override of the base data (see
    # evaluate_locations).
    added = {"closed": False, "changed": "", "scenario_rule_change": False}
    base = ds.locations
    if any(c in base.columns for c in added) or not base.index.is_unique:
        loc = base.copy()
        for col, value in added.items():
            loc[col] = value
    else:  # the three columns added in one step (same dtypes as assigning each)
        n = len(base)
        columns = {"closed": np.zeros(n, dtype=bool), "changed": [""] * n,
                   "scenario_rule_change": np.zeros(n, dtype=bool)}  # fmt: skip
        loc = pd.concat([base, frame_of(columns, index=base.index)], axis=1)
    out = Dataset(**{**ds.__dict__, "locations": loc})
    index = {lid: i for i, lid in zip(loc.index.tolist(), loc["id"].tolist(), strict=True)}
    for ch in scenario.location_changes:
        i = index[ch.location]
        what = []
        if ch.places is not None:
            loc.at[i, "places"] = ch.places
            what.append(Words("chg_places", n=ch.places))
        if ch.start is not None:
            _set_date(loc, i, "start", ch.start, "date")
            what.append(Words("chg_start", date=ch.start))
        if ch.end is not None:
            _set_date(loc, i, "end", ch.end, "date")
            loc.at[i, "end_unknown"] = None
            what.append(Words("chg_end", date=ch.end))
        if ch.end_indefinite:
            _set_date(loc, i, "end", None, "indefinite")
            loc.at[i, "end_unknown"] = None
            what.append(Words("chg_end_indefinite"))
        if ch.decided is not None:
            loc.at[i, "decided"] = ch.decided
            what.append(Words("chg_decided" if ch.decided else "chg_not_decided"))
        if ch.close:
            loc.at[i, "closed"] = True
            what.append(Words("chg_closed"))
        loc.at[i, "changed"] = Words("chg_list", parts=what)
        if ch.close or ch.decided is not None or ch.start or ch.end or ch.end_indefinite:
            loc.at[i, "scenario_rule_change"] = True
    return out


def _register_swaps(ds: Dataset, scenario: Scenario) -> pd.DataFrame:
    """The data's swap agreements with the scenario's register applied (by id)."""
    sw = ds.swaps.copy()
    if "origin" not in sw:
        sw["origin"] = "data"
    for rec in scenario.swaps.records:
        row = {
            "id": rec.id,
            "from_municipality": rec.from_municipality,
            "to_municipality": rec.to_municipality,
            "places": rec.places,
            "amv_places": rec.amv_places,
            "status": rec.status,
            "note": rec.note or rec.condition,
            "source": "scenario",
            "origin": "scenario",
        }
        if rec.counter_programme is not None:  # a swap across programmes
            row["counter_programme"] = rec.counter_programme
            row["counter_places"] = rec.counter_places
        for col, value in (("start", rec.start), ("end", rec.end)):
            row[col] = pd.Timestamp(value) if value is not None else pd.NaT
            row[f"{col}_kind"] = "date" if value is not None else "empty"
            row[f"{col}_text"] = value.isoformat() if value is not None else ""
            row[f"{col}_approx"] = False
        hit = sw.index[sw["id"] == rec.id]
        if len(hit):
            i = hit[0]
            for col in ("condition_municipality", "condition_places", "condition_date"):
                row[col] = sw.at[i, col]
            for col in ("condition_date_kind", "condition_date_text", "condition_date_approx"):
                row[col] = sw.at[i, col]
            row["origin"] = "data+scenario"
            for k, v in row.items():
                sw.at[i, k] = v
        else:
            row.update(
                condition_municipality=None,
                condition_places=np.nan,
                condition_date=pd.NaT,
                condition_date_kind="empty",
                condition_date_text="",
                condition_date_approx=False,
                _line=0,
            )
            sw = pd.concat([sw, pd.DataFrame([row])], ignore_index=True)
    if sw.empty:
        sw["origin"] = pd.Series(dtype=str)
    return sw


def _candidates(
    ds: Dataset, scenario: Scenario, rules: CycleRules, counted: pd.DataFrame
) -> pd.DataFrame:
    """The scenario's candidates with their capacity range, dates and whether they can
    count, in words when not.

    ``counted`` is the evaluated locations table (``id``, ``counts``, ``closed``). An
    extension keeps an existing location running through the window: it adds only what
    the location does not already count. A location that counts needs no extension (the
    candidate adds 0 places, and the reason says so); a location that fails on its end
    date counts once, through the extension; a closed location cannot be extended.
    """
    # A location's row by its id (ids are unique in the data), looked up for the few
    # candidates that name a location: no re-indexed copy of the whole table.
    pos = {lid: i for i, lid in enumerate(ds.locations["id"].tolist())}

    def location(lid: str) -> pd.Series:
        return ds.locations.iloc[pos[lid]]

    verdict = dict(zip(counted["id"].tolist(), counted["counts"].tolist(), strict=True))
    closed: set[str] = set()
    if "closed" in counted:
        # the same set as a boolean selection (NaN: not closed), read from two lists
        closed = {
            lid
            for lid, c in zip(counted["id"].tolist(), counted["closed"].tolist(), strict=True)
            if not pd.isna(c) and bool(c)
        }
    rows = []
    for c in scenario.candidates:
        row = {
            "id": c.id,
            "kind": c.kind,
            "location": c.location,
            "cost": c.cost,
            "must_open": c.must_open,
            "probability": c.probability,
            "note": c.note,
            "programme": c.programme,
        }
        if c.kind == "new":
            row.update(
                municipality=c.municipality,
                lo=c.min_places,
                hi=c.max_places,
                target_group=c.target_group,
                start=pd.Timestamp(c.start),
                end=pd.Timestamp(c.end) if c.end else pd.NaT,
                type=c.type,
            )
        else:
            base = location(c.location)
            group = c.target_group if "target_group" in c.model_fields_set else base["target_group"]
            if c.kind == "extend":
                places = int(base["places"])
                row.update(
                    lo=c.min_places if "min_places" in c.model_fields_set else places,
                    hi=c.max_places if c.max_places is not None else places,
                    start=pd.Timestamp(c.start) if c.start else base["start"],
                    end=pd.Timestamp(c.end) if c.end else pd.NaT,
                )
            else:  # enlarge: extra places at the location, with its dates unless given
                row.update(
                    lo=c.min_places,
                    hi=c.max_places if c.max_places is not None else 0,
                    start=pd.Timestamp(c.start) if c.start else base["start"],
                    end=pd.Timestamp(c.end)
                    if c.end
                    else (base["end"] if base["end_kind"] == "date" else pd.NaT),
                )
            row.update(municipality=base["municipality"], target_group=group,
                       type=c.type or base.get("type"))  # fmt: skip
        rows.append(row)
    cols = [
        "id", "kind", "location", "municipality", "lo", "hi", "target_group", "start", "end",
        "cost", "must_open", "probability", "note", "programme",
    ]  # fmt: skip
    # Checked row by row in Python and made into a frame once: a scenario has a few
    # candidates, and pandas' per-operation cost would dominate.
    rows.sort(key=lambda r: r["id"])
    w0, w1 = rules.w0, rules.w1
    can, reasons, why = [], [], []
    oek_day = None
    for r in rows:
        start = pd.Timestamp(r["start"]) if pd.notna(r["start"]) else pd.NaT
        end = pd.Timestamp(r["end"]) if pd.notna(r["end"]) else pd.NaT
        r["start"], r["end"] = start, end
        if r["programme"] == "oek":  # counted at the OEK reference date, not the cycle's
            if oek_day is None:
                oek_day = oek_reference_day(ds)
            ok, code, words = oek_candidate_counts(start, end, oek_day)
            can.append(ok)
            reasons.append(code)
            why.append(words)
            continue
        is_late = pd.isna(start) or start > w0
        is_short = pd.notna(end) and end < w1
        codes, words = [], []
        if is_late:
            codes.append(Reason.STARTS_AFTER.value)
            if pd.isna(start):
                words.append(Words("why_start_unknown"))
            else:
                late = Words("why_starts_after", start=start, days=days_words((start - w0).days),
                             window_start=rules.window_start)  # fmt: skip
                words.append(Words("why_cannot_count_cycle", why=late))
        if is_short:
            codes.append(Reason.ENDS_BEFORE.value)
            short = Words("why_ends_before", end=end, days=days_words((w1 - end).days),
                          window_end=rules.window_end)  # fmt: skip
            words.append(Words("why_cannot_count_cycle", why=short))
        is_redundant = is_closed = False
        if r["kind"] in ("extend", "enlarge") and r["location"] in closed:
            is_closed = True
            codes.append(Reason.CLOSED.value)
            key = "why_closed_no_extend" if r["kind"] == "extend" else "why_closed_no_enlarge"
            words.append(Words(key, location=r["location"]))
        elif r["kind"] == "extend" and verdict.get(r["location"], False):
            is_redundant = True
            codes.append(Reason.ALREADY_COUNTS.value)
            words.append(
                Words("why_already_counts", location=r["location"],
                      places=int(location(r["location"])["places"]))
            )  # fmt: skip
        # Later cycles count durable places only, and only from a size (cycle 1: neither).
        until = rules.durable_until
        not_durable = until is not None and pd.notna(end) and end < pd.Timestamp(until)
        if not_durable:
            codes.append(Reason.NOT_DURABLE.value)
            words.append(Words("reason_not_durable", end=end))
        too_small = rules.min_places is not None and r["hi"] < rules.min_places
        if too_small:
            codes.append(Reason.TOO_SMALL.value)
            words.append(Words("reason_too_small", places=r["hi"], min_places=rules.min_places))
        elif rules.min_places is not None and r["lo"] < rules.min_places:
            r["lo"] = rules.min_places  # opened, it must be large enough to count
        # A cycle that counts some location types only (cycle 1: all) counts a
        # candidate of another type not at all; a new site without a type is not checked.
        kind_of = r["type"] if isinstance(r["type"], str) and r["type"] else None
        wrong_type = bool(rules.types) and kind_of is not None and kind_of not in rules.types
        if wrong_type:
            codes.append(Reason.TYPE_NOT_COUNTED.value)
            words.append(Words("reason_type_not_counted", type=kind_of))
        can.append(
            not (is_late or is_short or is_redundant or is_closed or not_durable or too_small
                 or wrong_type)
        )  # fmt: skip
        reasons.append("|".join(codes))
        why.append(Words("why_list", parts=words) if words else "")
    data: dict[str, object] = {}
    for c in cols:
        values = [r[c] for r in rows]
        if c in ("lo", "hi"):
            data[c] = np.array(values, dtype=int)
        elif c == "cost":
            data[c] = np.array(values, dtype=float)
        elif c == "must_open":
            data[c] = np.array(values, dtype=bool)
        elif c in ("start", "end"):
            # Timestamps and NaT only (set above): the same nanosecond column as
            # pd.to_datetime on them, without its parsing machinery.
            data[c] = pd.DatetimeIndex(values, dtype="datetime64[ns]").to_numpy()
        else:
            data[c] = values
    data["can_count"] = np.array(can, dtype=bool)
    data["reasons"] = reasons
    data["why"] = why
    return frame_of(data, len(rows))


@lru_cache(maxsize=64)
def _row_type(columns: tuple[str, ...]) -> type:
    """The named row type of :func:`_tuples`, made once per set of columns: making a
    namedtuple class compiles code (a fraction of a millisecond each time)."""
    return namedtuple("Pandas", columns, rename=True)


def _tuples(
    frame: pd.DataFrame, rows: np.ndarray | None = None, columns: Sequence[str] | None = None
) -> list:
    """``frame.itertuples(index=False)`` as a list, read from whole columns: the same
    named rows with the same Python values, without pandas' per-column positional
    access (a few ms per call, several calls per scenario solved). ``rows`` (positions)
    and ``columns`` (those of them the frame has) read only part of the table."""
    names = [str(c) for c in frame.columns if columns is None or c in columns]
    row = _row_type(tuple(names))
    values = [frame[c].tolist() for c in names]
    if rows is not None:
        at = rows.tolist()
        values = [[col[i] for i in at] for col in values]
    return [row._make(v) for v in zip(*values, strict=True)] if values else []


#: The columns of the swap records the swap graph reads.
_GRAPH_COLUMNS = ("from_municipality", "to_municipality", "id", "places", "amv_places", "status")
#: The columns of a proposed swap that decide how it can be used.
_PROPOSAL_COLUMNS = frozenset(
    {"id", "reasons", "rule_why", "from_municipality", "to_municipality", "places",
     "amv_places", "counter_programme", "counter_places"}
)  # fmt: skip


def _jitter(text: str) -> float:
    """A fixed number in [0, 1) per text, so ties are broken the same way every run."""
    return int(hashlib.sha256(text.encode()).hexdigest()[:12], 16) / 16**12


def swap_weights(arcs: pd.DataFrame, mun: pd.DataFrame, ds: Dataset) -> np.ndarray:
    """Tie-break weight per arc: the distance in km between the two municipalities
    (residents of a swapped place live near the municipality they count for, as with
    Dronten and Kampen), plus a fixed fraction per pair so no two arcs weigh the same.
    Without geometry, the fixed fraction alone orders the arcs."""
    if arcs.empty:
        return np.zeros(0)
    cent = ds.centroid_table if ds.centroid_table is not None else centroids(ds.geometry)
    # Dicts of the same numpy scalars as before (not .at per arc): the arithmetic below
    # is unchanged, so the weights are bit for bit the same.
    lon = dict(zip(cent["code"].tolist(), cent["lon"].tolist(), strict=True))
    lat_of = dict(zip(cent["code"].tolist(), cent["lat"].tolist(), strict=True))
    code = dict(zip(mun["name"].tolist(), mun["code"].tolist(), strict=True))
    a_list, b_list = arcs["from"].tolist(), arcs["to"].tolist()
    out = np.array([_jitter(f"{a}>{b}") for a, b in zip(a_list, b_list, strict=True)])
    # The distances of the arcs whose two ends have a centroid, as whole arrays: the
    # same float64 operations in the same order as one arc at a time, so the weights
    # are bit for bit the same, without numpy's per-scalar cost on some 150 arcs.
    pos, ca, cb = [], [], []
    for i, (a, b) in enumerate(zip(a_list, b_list, strict=True)):
        x, y = code.get(a), code.get(b)
        if x in lon and y in lon:
            pos.append(i)
            ca.append(x)
            cb.append(y)
    if pos:
        lat_a = np.array([lat_of[c] for c in ca], dtype=float)
        lat_b = np.array([lat_of[c] for c in cb], dtype=float)
        lon_a = np.array([lon[c] for c in ca], dtype=float)
        lon_b = np.array([lon[c] for c in cb], dtype=float)
        lat = np.radians((lat_a + lat_b) / 2)
        dx = (lon_a - lon_b) * 111.32 * np.cos(lat)
        dy = (lat_a - lat_b) * 110.57
        out[pos] += np.hypot(dx, dy)
    return out


def build_instance(ds: Dataset, scenario: Scenario) -> Instance:
    """Apply a scenario to the data and lay out what the model needs.

    Parameters
    ----------
    ds
        The loaded data.
    scenario
        A validated scenario (see :func:`planner.scenario.schema.load_scenario`). The
        ``neighbours`` policy takes its pairs from the data set's ``adjacency`` table.
    """
    if scenario.cycle.id is not None:  # that cycle's quotas (quotas.csv)
        ds = ds.for_cycle(scenario.cycle.id)
    rules = scenario_rules(ds, scenario)
    changed = apply_location_changes(ds, scenario)
    swaps = _register_swaps(changed, scenario)
    policy = scenario.swaps.policy
    loc = evaluate_locations(changed.locations, changed.overrides, rules)
    sw = evaluate_swaps(swaps, changed.overrides, rules, changed.locations)
    if policy == "none":
        sw["counts"] = False
        sw["why"] = pd.Series([Words("why_policy_none")] * len(sw), index=sw.index, dtype=object)
    sp = evaluate_soft_plans(changed.soft_plans, loc, rules)
    flows = agreement_flows(sw)
    municipal, regions, total = aggregate(
        changed.municipalities,
        own_places_table(loc, sp),
        flows,
        soft_plan_totals(changed.soft_plans),
    )
    report = CycleReport(rules, loc, sw, sp, municipal, regions, total)
    messages: list[str] = []

    # The municipality table of the model, sorted by name. Built from plain lists: the
    # tables are small and this runs for every scenario solved.
    m = municipal.iloc[np.argsort(municipal["name"].to_numpy(dtype=object), kind="stable")]
    names = set(m["name"])
    name_list = m["name"].tolist()
    province_of = dict(zip(name_list, m["province"].tolist(), strict=True))
    f_from, f_to = flows["from"].tolist(), flows["to"].tolist()
    f_places, f_amv = flows["places"].tolist(), flows["amv_places"].tolist()
    external = [a not in names for a in f_from]
    sums: dict[tuple[str, str], int] = {}
    ext_in: dict[str, list[int]] = {}
    for a, b, p, q, ext in zip(f_from, f_to, f_places, f_amv, external, strict=True):
        sums[("in", b)] = sums.get(("in", b), 0) + int(p)
        sums[("amv_in", b)] = sums.get(("amv_in", b), 0) + int(q)
        if ext:
            acc = ext_in.setdefault(province_of.get(b), [0, 0])
            acc[0] += int(p)
            acc[1] += int(q)
        else:
            sums[("out", a)] = sums.get(("out", a), 0) + int(p)
            sums[("amv_out", a)] = sums.get(("amv_out", a), 0) + int(q)
    # Text as Python objects (an object array alone would become an Arrow ``str``
    # column, slower to read element by element below and in the model).
    mun = frame_of(
        {
            **{c: m[c].to_numpy(dtype=object) for c in ("name", "code", "region", "province")},
            "quota": m["quota"].to_numpy(dtype=int),
            "amv_quota": m["amv_quota"].to_numpy(dtype=int),
            "base": m["places"].to_numpy(dtype=int),
            "amv_base": m["amv_places"].to_numpy(dtype=int),
            **{
                col: np.array([sums.get((key, n), 0) for n in name_list], dtype=int)
                for col, key in (
                    ("fixed_in", "in"),
                    ("amv_fixed_in", "amv_in"),
                    ("fixed_out", "out"),
                    ("amv_fixed_out", "amv_out"),
                )
            },
        },
        len(name_list),
    )
    quota_of: dict[str, list[int]] = {}
    for p, q, aq in zip(mun["province"].tolist(), mun["quota"].tolist(),
                        mun["amv_quota"].tolist(), strict=True):  # fmt: skip
        acc = quota_of.setdefault(p, [0, 0])
        acc[0] += int(q)
        acc[1] += int(aq)
    prov_names = sorted(quota_of)
    provinces = frame_of(
        {
            "province": prov_names,
            "quota": np.array([quota_of[p][0] for p in prov_names], dtype=int),
            "amv_quota": np.array([quota_of[p][1] for p in prov_names], dtype=int),
            "external_in": np.array([ext_in.get(p, [0, 0])[0] for p in prov_names], dtype=int),
            "amv_external_in": np.array([ext_in.get(p, [0, 0])[1] for p in prov_names], dtype=int),
        },
        len(prov_names),
    )

    if "override_set_aside" in loc:
        for lid, oid, counts, changed_what in zip(
            loc["id"].tolist(), loc["override_set_aside"].tolist(), loc["counts"].tolist(),
            loc["changed"].tolist(), strict=True,
        ):  # fmt: skip
            if isinstance(oid, str):
                messages.append(
                    Words(
                        "msg_override_set_aside",
                        id=oid,
                        location=lid,
                        what=changed_what,
                        rule=Words("rule_counts" if counts else "msg_rule_not_counts"),
                    )
                )
    for i, counts, state in zip(sw.index, sw["counts"].tolist(),
                                sw["condition_state"].tolist(), strict=True):  # fmt: skip
        if counts and state == "not_met":
            r = sw.loc[i]
            messages.append(
                Words("msg_swap_override_condition", id=r["id"],
                      municipality=r["condition_municipality"],
                      found=int(r["condition_places_found"]), need=int(r["condition_places"]),
                      date=r["condition_date"])
            )  # fmt: skip
    # Recorded agreements apply as recorded; one that leaves its giver short is flagged.
    mun_rows = _tuples(mun)  # read once: the pruning below walks the same rows
    for r in mun_rows:
        if r.fixed_out and r.base - r.fixed_out < r.quota:
            messages.append(
                Words("msg_agreement_leaves_giver_short", name=r.name, out=int(r.fixed_out),
                      base=int(r.base), keep=int(r.base - r.fixed_out), quota=int(r.quota))
            )  # fmt: skip
        if r.amv_fixed_out and r.amv_base - r.amv_fixed_out < r.amv_quota:
            messages.append(
                Words("msg_agreement_leaves_giver_short_amv", name=r.name,
                      out=int(r.amv_fixed_out), base=int(r.amv_base),
                      keep=int(r.amv_base - r.amv_fixed_out), quota=int(r.amv_quota))
            )  # fmt: skip
    cand = _candidates(changed, scenario, rules, loc)
    for cid, muni, ok, why in zip(cand["id"].tolist(), cand["municipality"].tolist(),
                                  cand["can_count"].tolist(), cand["why"].tolist(),
                                  strict=True):  # fmt: skip
        if not ok:
            messages.append(Words("msg_candidate_cannot_count", id=cid, municipality=muni, why=why))

    adjacency = set()
    if policy == "neighbours":
        adjacency = adjacency_pairs(ds.adjacency)
        if not adjacency:
            messages.append(Words("msg_no_adjacency"))
    status = sw["status"].to_numpy(dtype=object)
    recorded = np.flatnonzero(np.isin(status, ["agreed", "locked", "proposed"]))
    records = frame_of({c: sw[c].to_numpy()[recorded] for c in _GRAPH_COLUMNS}, len(recorded))
    graph_of = (mun, records, policy, adjacency)

    # Prune arcs that can never carry a useful swap: the giver must be able to have a
    # surplus and the receiver must be able to be short.
    cap_hi: dict[str, int] = {}
    amv_hi: dict[str, int] = {}
    for muni, hi, group, ok in zip(
        cand["municipality"].tolist(), cand["hi"].tolist(), cand["target_group"].tolist(),
        cand["can_count"].tolist(), strict=True,
    ):  # fmt: skip
        if ok and group != "oek":  # OEK candidates add no asylum places
            cap_hi[muni] = cap_hi.get(muni, 0) + int(hi)
            if group == "amv":
                amv_hi[muni] = amv_hi.get(muni, 0) + int(hi)
    rows = {r.name: r for r in mun_rows}  # name -> row with quota, base, fixed flows
    max_own = {n: int(r.base) + cap_hi.get(n, 0) for n, r in rows.items()}
    max_amv = {n: int(r.amv_base) + amv_hi.get(n, 0) for n, r in rows.items()}
    can_give = {n: max_own[n] - r.fixed_out > r.quota for n, r in rows.items()}
    can_give_amv = {n: max_amv[n] - r.amv_fixed_out > r.amv_quota for n, r in rows.items()}
    can_short = {n: r.base + r.fixed_in - r.fixed_out < r.quota for n, r in rows.items()}
    can_short_amv = {
        n: r.amv_base + r.amv_fixed_in - r.amv_fixed_out < r.amv_quota for n, r in rows.items()
    }
    counter = counter_flows(sw)
    oek = oek_table(changed, name_list, counter)
    if not len(oek) and (cand["programme"] == "oek").any():
        messages.append(Words("msg_oek_candidates_no_targets"))
    arcs = []
    givers = set(scenario.swaps.givers) if scenario.swaps.givers is not None else names
    receivers = set(scenario.swaps.receivers) if scenario.swaps.receivers is not None else names
    # The policy's pairs, sorted once (a province opens some 600): read here and by
    # the swaps across programmes below.
    policy_arcs = sorted(policy_pairs(mun, policy, adjacency))
    if policy != "none":
        for a, b in policy_arcs:
            if a not in givers or b not in receivers:
                continue
            if can_give[a] and (can_short[b] or can_short_amv[b]):
                amv = bool(scenario.swaps.amv and can_give_amv[a] and can_short_amv[b])
                arcs.append(
                    {"id": f"{a}>{b}", "from": a, "to": b, "ub": np.nan, "amv_ub": np.nan,
                     "amv": amv, "source": "policy"}
                )  # fmt: skip
        on_pair: dict[tuple[str, str], list[tuple[str, int, int]]] = {}
        for r in _tuples(sw, np.flatnonzero(status == "proposed"), _PROPOSAL_COLUMNS):
            reasons = [c for c in str(r.reasons).split("|") if c and c != Reason.NOT_AGREED]
            if reasons:
                messages.append(Words("msg_proposed_cannot_count", id=r.id, why=r.rule_why))
                continue
            if r.from_municipality not in names:
                messages.append(
                    Words("msg_proposed_outside", id=r.id, municipality=r.from_municipality)
                )
                continue
            if not can_give[r.from_municipality]:
                # Proposed swaps move only surplus; a giver without candidates that can
                # never reach its own quota would make the model infeasible.
                messages.append(
                    Words("msg_proposed_no_surplus", id=r.id, municipality=r.from_municipality,
                          most=int(max_own[r.from_municipality]),
                          quota=int(rows[r.from_municipality].quota))
                )  # fmt: skip
                continue
            if r.from_municipality not in givers:
                messages.append(
                    Words("msg_proposed_not_giver", id=r.id, municipality=r.from_municipality)
                )
                continue
            if r.to_municipality not in receivers:
                messages.append(
                    Words("msg_proposed_not_receiver", id=r.id, municipality=r.to_municipality)
                )
                continue
            if getattr(r, "counter_programme", None) == "oek":
                # a proposed swap across programmes: its OEK leg at the recorded rate
                if not r.places or not len(oek):
                    messages.append(Words("msg_proposed_cross_unusable", id=r.id))  # fmt: skip
                    continue
                arcs.append(
                    {"id": f"record:{r.id}", "from": r.from_municipality,
                     "to": r.to_municipality, "ub": float(r.places),
                     "amv_ub": float(r.amv_places), "amv": bool(r.amv_places > 0),
                     "source": f"cross:{r.id}", "rate": float(r.counter_places) / r.places}
                )  # fmt: skip
                continue
            # The amv part gets the checks a policy arc gets: amv swaps allowed, and a
            # giver that can have an amv surplus. Without them the amv part cannot
            # count, and the places themselves stay an option.
            amv_ok = int(r.amv_places) > 0
            if amv_ok and not scenario.swaps.amv:
                amv_ok = False
                messages.append(Words("msg_proposed_amv_not_allowed", id=r.id, n=int(r.amv_places)))
            elif amv_ok and not can_give_amv[r.from_municipality]:
                amv_ok = False
                a = r.from_municipality
                messages.append(
                    Words(
                        "msg_proposed_amv_no_surplus",
                        id=r.id,
                        n=int(r.amv_places),
                        municipality=a,
                        most=int(max_amv[a]),
                        quota=int(rows[a].amv_quota),
                        given=Words("msg_amv_given_by_agreement", n=int(rows[a].amv_fixed_out))
                        if rows[a].amv_fixed_out
                        else "",
                    )
                )
            on_pair.setdefault((r.from_municipality, r.to_municipality), []).append(
                (str(r.id), int(r.places), int(r.amv_places) if amv_ok else 0)
            )
        # A cap per pair means what it says: all proposals on a pair share it. A record
        # on a pair the policy already opens adds no room of its own; several records
        # on one pair become one option with their places (and amv places) summed.
        on_policy = {(a["from"], a["to"]) for a in arcs}
        for (a, b), recs in sorted(on_pair.items()):
            ids = "+".join(rid for rid, _, _ in recs)
            if (a, b) in on_policy:
                messages.append(
                    Words(
                        "msg_proposed_no_room",
                        ids=ids.replace("+", ", "),
                        giver=a,
                        receiver=b,
                        cap=Words("msg_per_pair_cap", n=scenario.swaps.max_per_pair)
                        if scenario.swaps.max_per_pair is not None
                        else "",
                    )
                )
                continue
            amv_ub = sum(q for _, _, q in recs)
            arcs.append(
                {"id": f"record:{ids}", "from": a, "to": b,
                 "ub": float(sum(p for _, p, _ in recs)), "amv_ub": float(amv_ub),
                 "amv": amv_ub > 0, "source": f"record:{ids}"}
            )  # fmt: skip
    more, notes = cross_arcs(scenario, oek, mun, policy_arcs, can_give, can_short)
    arcs += more
    messages += notes
    arcs.sort(key=lambda a: a["id"])
    arc_cols = ["id", "from", "to", "ub", "amv_ub", "amv", "source"]
    arc_frame = frame_of(
        {
            c: (
                np.array([a[c] for a in arcs], dtype=float)
                if c in ("ub", "amv_ub")
                else np.array([a[c] for a in arcs], dtype=bool)
                if c == "amv"
                else [a[c] for a in arcs]
            )
            for c in arc_cols
        },
        len(arcs),
    )
    arc_frame["weight"] = swap_weights(arc_frame, mun, changed)
    # OEK places per asylum place of a swap across programmes (NaN: the scenario's rate)
    arc_frame["rate"] = np.array([a.get("rate", np.nan) for a in arcs], dtype=float)

    # The recorded agreements, by id (a stable sort), with whether the giver lies
    # outside the data; made from the columns already read above.
    order = sorted(range(len(f_from)), key=flows["id"].tolist().__getitem__)
    fixed = frame_of(
        {
            **{c: flows[c].to_numpy()[order] for c in flows.columns},
            "external": np.array(external, dtype=bool)[order],
        },
        len(order),
    )
    return Instance(
        scenario=scenario,
        rules=rules,
        report=report,
        municipalities=mun,
        provinces=provinces,
        candidates=cand,
        fixed_flows=fixed,
        arcs=arc_frame,
        graph_of=graph_of,
        swaps=sw,
        messages=messages,
        oek=oek,
        counter_flows=counter,
    )


# --------------------------------------------------------------------------- editing checks

#: Reasons that make an item of a scenario unable to count, in the order they are named.
_WARN_ORDER = [
    Reason.CLOSED.value,
    Reason.START_UNKNOWN.value,
    Reason.STARTS_AFTER.value,
    Reason.ENDS_BEFORE.value,
    Reason.END_UNKNOWN.value,
    Reason.NO_DECISION.value,
    Reason.SOFT_PLAN.value,
    Reason.NOT_AGREED.value,
    Reason.CONDITION_NOT_MET.value,
]


def _days(lang: str, n: int) -> str:
    """``1 dag`` / ``62 dagen`` (``1 day`` / ``62 days``)."""
    return t("days_one", lang) if n == 1 else t("days_many", lang, n=n)


def reason_words(
    codes: list[str], start: object, end: object, rules: CycleRules, lang: str, status: str = ""
) -> str:
    """The reasons ``codes`` in words of ``lang``, with the dates and days they rest on."""
    lang_ = "en" if lang == "en" else "nl"
    w0, w1 = rules.w0, rules.w1
    parts = []
    for code in [c for c in _WARN_ORDER if c in codes]:
        if code == Reason.STARTS_AFTER.value and pd.notna(start):
            s = pd.Timestamp(start)
            parts.append(
                t("warn_starts_after", lang_, start=f"{s:%d-%m-%Y}",
                  days=_days(lang_, (s - w0).days), w0=f"{w0:%d-%m-%Y}")
            )  # fmt: skip
        elif code == Reason.ENDS_BEFORE.value and pd.notna(end):
            e = pd.Timestamp(end)
            parts.append(
                t("warn_ends_before", lang_, end=f"{e:%d-%m-%Y}",
                  days=_days(lang_, (w1 - e).days), w1=f"{w1:%d-%m-%Y}")
            )  # fmt: skip
        elif code == Reason.NOT_AGREED.value:
            parts.append(t("warn_not_agreed", lang_, status=t(f"status_{status}", lang_)))
        else:
            parts.append(t(f"warn_{code}", lang_))
    return "; ".join(parts)


def scenario_warnings(ds: Dataset, scenario: Scenario, lang: str = "nl") -> pd.DataFrame:
    """The parts of a scenario that cannot count for its cycle, and why, before solving.

    A planner who adds a candidate that starts after the window start, shortens a
    location below the window end, or records a swap whose period misses the window
    would otherwise only learn after solving (and only in a result tab) that it changed
    nothing. This runs the same date and decision rules as :func:`build_instance` on the
    scenario's own items:

    - every candidate (``kind`` = ``candidate``) whose start is after the window start,
      whose start is unknown or whose end is before the window end;
    - every location change (``location_change``) after which the location does not
      count (dates, decision pending where the cycle requires one, closed);
    - every record of the swap register (``swap``) that cannot count on its dates, its
      condition, or (for an agreed or locked record) because it is not agreed.

    Returns
    -------
    pandas.DataFrame
        Columns ``part`` (candidate / location_change / swap), ``id``, ``municipality``,
        ``places``, ``reasons`` (codes, ``|``-separated) and ``why`` (the reasons in
        words of ``lang``, with dates as dd-mm-jjjj and the days they miss by). Empty
        when every item can count.

    Examples
    --------
    >>> from datetime import date
    >>> from planner.data.loader import load_dataset
    >>> from planner.scenario.schema import Scenario
    >>> late = {"id": "laat", "municipality": "Borne", "max_places": 50,
    ...         "start": date(2025, 9, 1)}
    >>> w = scenario_warnings(load_dataset(), Scenario(name="x", candidates=[late]))
    >>> w.loc[0, "why"]  # 01-07-2025 + 62 days = 01-09-2025
    'begint 01-09-2025, 62 dagen na het begin van de periode (01-07-2025)'
    """
    columns = ["part", "id", "municipality", "places", "reasons", "why"]
    rules = scenario_rules(ds, scenario)
    changed = apply_location_changes(ds, scenario)
    rows: list[dict[str, object]] = []
    counted = evaluate_locations(changed.locations, changed.overrides, rules)
    if scenario.candidates:
        cand = _candidates(changed, scenario, rules, counted)
        for r in cand[~cand["can_count"]].itertuples(index=False):
            codes = [c for c in str(r.reasons).split("|") if c]
            if pd.isna(r.start):
                codes = [Reason.START_UNKNOWN.value if c == Reason.STARTS_AFTER.value else c
                         for c in codes]  # fmt: skip
            rows.append(
                {"part": "candidate", "id": r.id, "municipality": r.municipality,
                 "places": int(r.hi), "reasons": "|".join(codes),
                 "why": reason_words(codes, r.start, r.end, rules, lang)}
            )  # fmt: skip
    if scenario.location_changes:
        ids = [ch.location for ch in scenario.location_changes]
        loc = counted[counted["id"].isin(ids) & ~counted["counts"].astype(bool)]
        for r in loc.itertuples(index=False):
            codes = [c for c in str(r.reasons).split("|") if c]
            if bool(getattr(r, "closed", False)) and Reason.CLOSED.value not in codes:
                codes.append(Reason.CLOSED.value)
            rows.append(
                {"part": "location_change", "id": r.id, "municipality": r.municipality,
                 "places": int(r.places), "reasons": "|".join(codes),
                 "why": reason_words(codes, r.start, r.end, rules, lang)}
            )  # fmt: skip
    if scenario.swaps.records:
        ids = [rec.id for rec in scenario.swaps.records]
        statuses = {rec.id: rec.status for rec in scenario.swaps.records}
        sw = evaluate_swaps(_register_swaps(changed, scenario), changed.overrides, rules,
                            changed.locations)  # fmt: skip
        sw = sw[sw["id"].isin(ids)]
        for r in sw.itertuples(index=False):
            codes = [c for c in str(r.reasons).split("|") if c]
            if statuses[r.id] == "proposed":  # a proposal is a question, not an agreement
                codes = [c for c in codes if c != Reason.NOT_AGREED.value]
            if not codes:
                continue
            rows.append(
                {"part": "swap", "id": r.id, "municipality": r.to_municipality,
                 "places": int(r.places), "reasons": "|".join(codes),
                 "why": reason_words(codes, r.start, r.end, rules, lang, str(r.status))}
            )  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
