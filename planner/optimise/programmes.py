"""Swaps across programmes: the second commodity of the model (see ``MODEL.md``,
"Extension: swaps across programmes").

A cross-programme swap between municipalities ``a`` and ``b`` moves asylum places hosted
in ``a`` to ``b``'s count and, in return, ``rate`` places for Ukrainian displaced persons
(OEK) hosted in ``b`` to ``a``'s count. This module lays out what the model needs for it:

- per municipality the OEK quota and own places (``programme_targets.csv``, the OEK
  programme's period) and the counter legs of recorded agreements that count in the
  scenario's cycle (an agreement counts from its start, not before);
- the arcs the optimiser may use, only where the scenario allows it
  (``swaps.cross_programme``) and only from surplus on both sides: ``a`` can have an
  asylum surplus, ``b`` can be short of asylum places and has an OEK surplus of at least
  one swap's worth. Pairs are those of the swap policy; with policy ``agreements`` the
  pairs within a region (the regional table's scope), with ``none`` no pair.

The asylum leg of an arc is an ordinary swap of the asylum model (surplus only, credited,
swap volume); :func:`planner.optimise.model.add_cross_programme` states the OEK leg.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from planner.counting.programmes import programme_rules, swap_explanation
from planner.data.loader import Dataset
from planner.formats import Words
from planner.scenario.schema import Scenario
from planner.tables import frame_of

__all__ = [
    "CROSS_SOURCE",
    "oek_table",
    "counter_flows",
    "cross_arcs",
    "cross_results",
    "oek_reference_day",
    "oek_candidate_counts",
]

#: ``source`` of an arc that is a proposed swap across programmes.
CROSS_SOURCE = "cross:oek"

_OEK_COLUMNS = ["name", "oek_quota", "oek_base", "oek_fixed_in", "oek_fixed_out"]


def oek_reference_day(ds: Dataset) -> pd.Timestamp | None:
    """The OEK reference date (peildatum) of the data's counting rule, or None."""
    day = programme_rules(ds, "oek").reference_date
    return None if day is None else pd.Timestamp(day)


def oek_candidate_counts(
    start: pd.Timestamp, end: pd.Timestamp, day: pd.Timestamp | None
) -> tuple[bool, str, str]:
    """Whether an OEK candidate counts against the obligation, by the OEK rule of
    ``programmes.csv`` (``realised_at_reference_date``): in use before the reference
    date and not ended before it, the rule the programme's locations are checked by.

    Returns ``(counts, reason codes, why in words)``.

    >>> day = pd.Timestamp("2025-01-01")
    >>> oek_candidate_counts(pd.Timestamp("2024-12-01"), pd.NaT, day)[0]
    True
    >>> oek_candidate_counts(pd.Timestamp("2026-09-01"), pd.NaT, day)[:2]
    (False, 'starts_after')
    """
    if day is None:
        return False, "no_reference_date", Words("why_oek_no_reference_date")
    if pd.isna(start) or start >= day:
        if pd.isna(start):
            return False, "starts_after", Words("why_start_unknown")
        return False, "starts_after", Words("why_oek_starts_after", start=start, day=day)
    if pd.notna(end) and end < day:
        return False, "ends_before", Words("why_oek_ends_before", end=end, day=day)
    return True, "", ""


def counter_flows(swaps: pd.DataFrame) -> pd.DataFrame:
    """The OEK legs of the swap agreements that count in the cycle: ``counter_places``
    hosted in ``to_municipality`` credited to ``from_municipality``."""
    cols = ["id", "from", "to", "places", "asylum_places"]
    if not len(swaps) or "counter_programme" not in swaps:
        return pd.DataFrame(columns=cols)
    # The same selection on numpy arrays (a missing programme is not "oek"; a count is
    # read as bool), without two pandas operations on a table of a few rows.
    mask = (swaps["counter_programme"].to_numpy(dtype=object) == "oek") & swaps[
        "counts"
    ].to_numpy().astype(bool)
    # The rows by position from the five columns needed, not a copy of the whole table.
    hit = np.flatnonzero(mask).tolist()

    def take(col: str) -> list:
        values = swaps[col].tolist()
        return [values[i] for i in hit]

    return frame_of(
        {
            "id": take("id"),
            "from": take("to_municipality"),
            "to": take("from_municipality"),
            "places": np.array([int(p) for p in take("counter_places")], dtype=int),
            "asylum_places": np.array([int(p) for p in take("places")], dtype=int),
        },
        len(hit),
    )


def oek_table(ds: Dataset, names: Iterable[str], counter: pd.DataFrame) -> pd.DataFrame:
    """Per municipality the OEK quota, own places and recorded counter legs in and out;
    empty when the data hold no OEK targets."""
    tg = ds.programme_targets
    if not len(tg):
        return pd.DataFrame(columns=_OEK_COLUMNS)
    rules = programme_rules(ds, "oek")
    # The programme's rows of this period picked from whole columns (lists), not as a
    # filtered copy of the targets table.
    hit = [
        i
        for i, (prog, per) in enumerate(
            zip(tg["programme"].tolist(), tg["period"].tolist(), strict=True)
        )
        if prog == "oek" and per == rules.period
    ]
    if not hit:
        return pd.DataFrame(columns=_OEK_COLUMNS)
    quota_col = rules.quota_column if rules.quota_column in tg else "target"
    munis, quotas, realised = (tg[c].tolist() for c in ("municipality", quota_col, "realised"))
    quota = {munis[i]: quotas[i] for i in hit}
    base = {munis[i]: realised[i] for i in hit}
    f_in: dict[str, int] = {}
    f_out: dict[str, int] = {}
    for a, b, p in zip(counter["from"], counter["to"], counter["places"], strict=True):
        f_out[a] = f_out.get(a, 0) + int(p)
        f_in[b] = f_in.get(b, 0) + int(p)
    names = list(names)

    def whole(v: object) -> int:
        return 0 if v is None or (isinstance(v, float) and math.isnan(v)) else int(v)

    return frame_of(
        {
            "name": names,
            "oek_quota": np.array([whole(quota.get(n)) for n in names], dtype=int),
            "oek_base": np.array([whole(base.get(n)) for n in names], dtype=int),
            "oek_fixed_in": np.array([f_in.get(n, 0) for n in names], dtype=int),
            "oek_fixed_out": np.array([f_out.get(n, 0) for n in names], dtype=int),
        }
    )


def cross_arcs(
    scenario: Scenario,
    oek: pd.DataFrame,
    mun: pd.DataFrame,
    policy_pairs: Iterable[tuple[str, str]],
    can_give: dict[str, bool],
    can_short: dict[str, bool],
) -> tuple[list[dict], list[str]]:
    """The cross-programme swaps the optimiser may propose, and messages.

    An arc ``a -> b`` (asylum hosted in ``a`` for ``b``; OEK hosted in ``b`` for ``a``)
    exists when ``a`` can have an asylum surplus, ``b`` can be short of asylum places,
    and ``b``'s OEK surplus (own OEK places minus its quota and recorded counter legs
    out) pays at least one asylum place at the scenario's rate; its bound is that surplus
    divided by the rate, rounded down.
    """
    pol = scenario.swaps
    if not pol.cross_programme or pol.policy == "none":
        return [], []
    if not len(oek):
        return [], [Words("msg_cross_no_oek")]
    if pol.policy == "agreements":
        region = dict(zip(mun["name"], mun["region"], strict=True))
        names = sorted(region)
        pairs = [(a, b) for a in names for b in names if a != b and region[a] == region[b]]
    else:
        pairs = list(policy_pairs)
    givers = set(pol.givers) if pol.givers is not None else None
    receivers = set(pol.receivers) if pol.receivers is not None else None
    spare = {
        r.name: int(r.oek_base) - int(r.oek_quota) - int(r.oek_fixed_out)
        for r in oek.itertuples(index=False)
    }
    out = []
    for a, b in pairs:
        if givers is not None and a not in givers or receivers is not None and b not in receivers:
            continue
        if not (can_give.get(a) and can_short.get(b)):
            continue
        bound = math.floor(spare.get(b, 0) / pol.rate)
        if bound < 1:
            continue
        out.append(
            {"id": f"oek:{a}>{b}", "from": a, "to": b, "ub": float(bound), "amv_ub": np.nan,
             "amv": False, "source": CROSS_SOURCE}
        )  # fmt: skip
    return out, []


def cross_results(
    oek: pd.DataFrame, counter: pd.DataFrame, arcs: pd.DataFrame, x: dict[str, float], rate: float,
    candidates: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:  # fmt: skip
    """After a solve: the OEK table per municipality and every swap across programmes
    (recorded and proposed) with its explanation naming both programmes.

    ``candidates`` are the OEK candidates that count (``id``, ``municipality``): the
    places of the opened ones are the column ``new_places`` and count in ``places``.
    """
    new: dict[str, int] = {}
    if candidates is not None:
        for cid, muni in zip(candidates["id"], candidates["municipality"], strict=True):
            if x.get(f"open:{cid}", 0.0) > 0.5:
                new[muni] = new.get(muni, 0) + round(x.get(f"places:{cid}", 0.0))
    swaps = []
    for i, a, b, p, q in zip(counter["id"], counter["from"], counter["to"], counter["places"],
                             counter["asylum_places"], strict=True):  # fmt: skip
        # the agreement: asylum hosted in b (the OEK receiver) for a, OEK in a for b
        swaps.append({"id": i, "host": b, "to": a, "places": int(q), "counter_places": float(p),
                      "kind": "agreement"})  # fmt: skip
    rates = arcs["rate"] if "rate" in arcs else pd.Series([np.nan] * len(arcs))
    for i, a, b, src, q in zip(arcs["id"], arcs["from"], arcs["to"], arcs["source"], rates,
                               strict=True):  # fmt: skip
        if not str(src).startswith("cross:"):
            continue
        v = round(x.get(f"swap:{i}", 0.0))
        if v > 0:
            r = rate if pd.isna(q) else float(q)
            swaps.append({"id": i, "host": a, "to": b, "places": int(v),
                          "counter_places": float(r * v), "kind": "proposed"})  # fmt: skip
    for s in swaps:
        counter_places = s["counter_places"]
        whole = float(counter_places).is_integer()
        s["counter_places"] = int(counter_places) if whole else counter_places
        s["explanation"] = swap_explanation(
            s["to"], s["host"], s["places"], "asiel", s["counter_places"], "oek"
        )
        s["explanation_en"] = swap_explanation(
            s["to"], s["host"], s["places"], "asiel", s["counter_places"], "oek", "en"
        )
    flows = pd.DataFrame(
        swaps,
        columns=["id", "host", "to", "places", "counter_places", "kind", "explanation",
                 "explanation_en"],
    )  # fmt: skip
    rows = []
    for r in oek.itertuples(index=False):
        got = sum(s["counter_places"] for s in swaps if s["to"] != r.name and s["host"] == r.name)
        gave = sum(s["counter_places"] for s in swaps if s["to"] == r.name)
        added = new.get(r.name, 0)
        credited = int(r.oek_base) + added + got - gave
        rows.append(
            {"name": r.name, "quota": int(r.oek_quota), "places": int(r.oek_base) + added,
             "new_places": added, "swapped_in": got, "swapped_out": gave,
             "credited": credited, "shortfall": max(0, int(r.oek_quota) - credited)}
        )  # fmt: skip
    return pd.DataFrame(
        rows, columns=["name", "quota", "places", "new_places", "swapped_in", "swapped_out",
                       "credited", "shortfall"]
    ), flows  # fmt: skip
