"""Readiness for the next cycle: which of today's places still count, and what is left.

A province preparing cycle 2 asks, per municipality: which places that count now still
count under the next cycle's rules, which drop out and why (not durable: ends on ...;
too small; a type that does not count), how much of the next quota remains, and by when
a new location must start to count. :func:`readiness` answers from the data alone: each
cycle is counted with its own rules, window and quotas (:func:`cycle_report`), and the
two verdicts per location are set side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from planner.counting.count import CycleReport, Reason, cycle_report
from planner.counting.rules import CycleRules
from planner.data.loader import Dataset
from planner.errors import InputError, Issue
from planner.formats import Words
from planner.i18n import Lang, t

__all__ = ["Readiness", "readiness", "reason_labels", "STATUSES"]

#: A location's place in the comparison: counts in both cycles, only in the first
#: (drops out), only in the second, or in neither (not listed).
STATUSES = ("both", "drops", "only_to")


@dataclass
class Readiness:
    """Two cycles' counts side by side.

    Attributes
    ----------
    locations
        One row per location that counts in at least one of the two cycles: ``status``
        (``both``, ``drops``, ``only_to``), ``reasons`` (codes of
        :class:`~planner.counting.count.Reason` why it does not count in the second
        cycle, ``|``-joined), ``end``, ``durable_until`` and ``extend_to`` (the date an
        end must move to for a place that fails durability alone).
    municipalities
        Per municipality: the second cycle's quota and amv quota, places counting in
        both, dropping out and new in the second, places credited in the second (swaps
        included), the quota that remains (``remaining``, ``amv_remaining``) and
        ``latest_start``: the last day a new location may start and still count (the
        second window's start), blank where nothing remains.
    """

    rules_from: CycleRules
    rules_to: CycleRules
    report_from: CycleReport
    report_to: CycleReport
    locations: pd.DataFrame
    municipalities: pd.DataFrame
    total: dict

    @property
    def assumed(self) -> bool:
        """Whether either cycle is an assumption of the data."""
        return self.rules_from.assumed or self.rules_to.assumed


def _next_cycle(ds: Dataset, cycle_id: str) -> str:
    ids = list(ds.cycles["id"])
    i = ids.index(cycle_id)
    if i + 1 >= len(ids):
        raise InputError(
            [
                Issue(
                    "cycles.csv",
                    Words("rd_no_next", cycle=cycle_id),
                    Words("rd_no_next_fix"),
                )
            ],  # fmt: skip
            Words("rd_title_no_next"),
        )
    return ids[i + 1]


def readiness(ds: Dataset, frm: str | None = None, to: str | None = None) -> Readiness:
    """Which places of cycle ``frm`` still count in cycle ``to``, and what remains.

    Parameters
    ----------
    ds
        The data (any cycle selected; each cycle gets its own quotas).
    frm, to
        Cycle ids or numbers; ``frm`` defaults to the current cycle, ``to`` to the
        cycle after it in ``cycles.csv``.

    Raises
    ------
    InputError
        For an unknown cycle or one without quotas.

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> r = readiness(load_dataset(), "1", "2")
    >>> r.rules_to.min_years, int(r.total["both"]) > 0
    (5, True)
    """
    ds_from = ds.for_cycle(frm if frm is not None else ds.current_cycle_id)
    cid_from = str(ds_from.cycle_id)
    ds_to = ds.for_cycle(to if to is not None else _next_cycle(ds, cid_from))
    rules_from = CycleRules.from_row(ds_from.cycle())
    rules_to = CycleRules.from_row(ds_to.cycle())
    rep_from = cycle_report(ds_from, rules_from)
    rep_to = cycle_report(ds_to, rules_to)

    a = rep_from.locations
    b = rep_to.locations.set_index("id")
    counts_from = a["counts"].to_numpy(dtype=bool)
    counts_to = b.loc[a["id"], "counts"].to_numpy(dtype=bool)
    keep = counts_from | counts_to
    status = np.where(counts_from & counts_to, "both", np.where(counts_from, "drops", "only_to"))
    reasons = b.loc[a["id"], "reasons"].to_numpy(dtype=object)
    until = rules_to.durable_until
    codes = [set(str(r).split("|")) - {""} for r in reasons]
    extend_to = [
        pd.Timestamp(until) if until is not None and c == {Reason.NOT_DURABLE.value} else pd.NaT
        for c in codes
    ]
    loc = pd.DataFrame(
        {
            "id": a["id"].to_numpy(dtype=object),
            "municipality": a["municipality"].to_numpy(dtype=object),
            "name": a["name"].to_numpy(dtype=object),
            "places": a["places"].to_numpy(dtype=int),
            "target_group": a["target_group"].to_numpy(dtype=object),
            "type": a["type"].to_numpy(dtype=object),
            "start": a["start"].to_numpy(dtype="datetime64[ns]"),
            "end": a["end"].to_numpy(dtype="datetime64[ns]"),
            "end_kind": a["end_kind"].to_numpy(dtype=object),
            "counts_from": counts_from,
            "counts_to": counts_to,
            "status": status,
            "reasons": np.where(counts_to, "", reasons),
            "durable_until": pd.Timestamp(until) if until is not None else pd.NaT,
            "extend_to": pd.to_datetime(pd.Series(extend_to, dtype=object)),
        }
    )[keep].reset_index(drop=True)
    loc = loc.sort_values(["municipality", "status", "id"], kind="stable").reset_index(drop=True)

    mun_to = rep_to.municipalities.set_index("name")
    mun_from = rep_from.municipalities.set_index("name")
    names = list(rep_to.municipalities["name"])

    def sums(which: str) -> dict[str, int]:
        part = loc[loc["status"] == which]
        return {k: int(v) for k, v in part.groupby("municipality")["places"].sum().items()}

    both, drops, only = sums("both"), sums("drops"), sums("only_to")
    w0 = pd.Timestamp(rules_to.window_start)
    rows = []
    for n in names:
        remaining = int(mun_to.at[n, "shortfall"])
        rows.append(
            {
                "name": n,
                "region": mun_to.at[n, "region"],
                "quota_from": int(mun_from.at[n, "quota"]),
                "credited_from": int(mun_from.at[n, "credited"]),
                "quota": int(mun_to.at[n, "quota"]),
                "amv_quota": int(mun_to.at[n, "amv_quota"]),
                "both": both.get(n, 0),
                "drops": drops.get(n, 0),
                "only_to": only.get(n, 0),
                "credited": int(mun_to.at[n, "credited"]),
                "amv_credited": int(mun_to.at[n, "amv_credited"]),
                "remaining": remaining,
                "amv_remaining": int(mun_to.at[n, "amv_shortfall"]),
                "latest_start": w0 if remaining or int(mun_to.at[n, "amv_shortfall"]) else pd.NaT,
            }
        )
    mun = pd.DataFrame(rows)
    mun["latest_start"] = pd.to_datetime(mun["latest_start"])
    tot_to = rep_to.total
    total = {
        "quota": int(tot_to["quota"]),
        "amv_quota": int(tot_to["amv_quota"]),
        "both": int(mun["both"].sum()),
        "drops": int(mun["drops"].sum()),
        "only_to": int(mun["only_to"].sum()),
        "credited": int(tot_to["credited"]),
        "amv_credited": int(tot_to["amv_credited"]),
        "shortfall": int(tot_to["shortfall"]),
        "municipal_shortfall": int(tot_to["municipal_shortfall"]),
        "amv_municipal_shortfall": int(tot_to["amv_municipal_shortfall"]),
        "latest_start": w0,
    }
    return Readiness(rules_from, rules_to, rep_from, rep_to, loc, mun, total)


def _day(value: object) -> str:
    return f"{pd.Timestamp(value):%d-%m-%Y}" if pd.notna(value) else ""


def reason_labels(row: dict, rules: CycleRules, lang: Lang = "nl") -> list[str]:
    """The reasons a location does not count in ``rules``' cycle, in words.

    ``row`` holds ``reasons`` (codes joined by ``|``) and the fields the words need:
    ``start``, ``end``, ``end_kind``, ``places``, ``type``.
    """
    out = []
    codes = [c for c in str(row.get("reasons") or "").split("|") if c]
    if Reason.NOT_DURABLE in codes and row.get("end_kind") == "date":
        # "not durable: ends on ..." says it all; ending before the window is implied
        codes = [c for c in codes if c != Reason.ENDS_BEFORE]
    for code in codes:
        if code == Reason.NOT_DURABLE:
            if row.get("end_kind") == "date" and pd.notna(row.get("end")):
                out.append(t("reason_not_durable", lang, end=_day(row["end"])))
            else:
                out.append(t("reason_not_durable_unknown", lang))
        elif code == Reason.TOO_SMALL:
            out.append(
                t("reason_too_small", lang, places=row.get("places"), min_places=rules.min_places)
            )
        elif code == Reason.TYPE_NOT_COUNTED:
            out.append(t("reason_type_not_counted", lang, type=row.get("type")))
        elif code == Reason.STARTS_AFTER:
            out.append(t("reason_starts_after", lang, start=_day(row.get("start"))))
        elif code == Reason.ENDS_BEFORE:
            out.append(t("reason_ends_before", lang, end=_day(row.get("end"))))
        else:
            out.append(t(f"reason_{code}", lang))
    return out


def latest_start_month(value: date | pd.Timestamp) -> str:
    """``2027-07`` for a date: the month in which a new location must start at the latest."""
    return f"{pd.Timestamp(value):%Y-%m}"
