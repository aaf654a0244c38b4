"""Understanding a result: where each shortfall comes from, and who carries how much.

A planner who sees "Kampen is 34 short" asks next: is that a place we do not have at
all, a place we have but that misses the window, or a place waiting for a council
decision? :func:`shortfall_breakdown` answers that per municipality. :func:`burden`
puts the places next to the population (CBS 2024), and :func:`condition_states` shows
whether the conditions of swap agreements hold.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from planner.counting.count import Reason
from planner.data.loader import Dataset
from planner.formats import code_label, days_words, fmt_date, fmt_int, fmt_pct, say
from planner.i18n import Lang, t
from planner.optimise.solve import SolveResult
from planner.tables import text_table

__all__ = ["shortfall_breakdown", "burden", "condition_states", "explain_text", "NEAR_DAYS"]

#: A place "misses the window" when it is in use within this many days of it (half a
#: year: a site that closed years ago is history, not a near miss).
NEAR_DAYS = 183

_DATE_REASONS = {Reason.STARTS_AFTER.value, Reason.ENDS_BEFORE.value}


def _codes(text: str) -> set[str]:
    return {c for c in str(text).split("|") if c}


def shortfall_breakdown(result: SolveResult) -> pd.DataFrame:
    """Each municipality's shortfall split into what would close it.

    Columns: ``shortfall``; ``near_miss_places`` (decided places that miss the window
    only on dates, in use within :data:`NEAR_DAYS` days of it) with ``near_miss_days``
    (the largest number of days by which one of them misses) and ``near_miss_sites``;
    ``awaiting_decision_places`` (locations and soft plans whose decision is not
    taken). The shortfall is then split like a waterfall: the part that extending or
    advancing the near misses could close (``near_miss_part``), then the part pending
    decisions could close (``awaiting_decision_part``), then ``missing_capacity``:
    places nobody has planned. A near miss may be a site whose residents moved to a
    site that counts (Enschede's Vliegveldweg to Parkweg): the parts say what *could*
    close the gap, not that those places still exist.

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> from planner.scenario.schema import Scenario
    >>> from planner.optimise.solve import solve_scenario
    >>> b = shortfall_breakdown(solve_scenario(load_dataset(), Scenario(name="base")))
    >>> k = b.set_index("name").loc["Kampen"]
    >>> [int(k[c]) for c in ("shortfall", "near_miss_places", "missing_capacity")]
    [34, 34, 0]
    """
    inst = result.instance
    if inst is None or result.municipalities.empty:
        return pd.DataFrame()
    rules = inst.rules
    loc = inst.report.locations
    if "closed" in loc:
        loc = loc[~loc["closed"].fillna(False).astype(bool)]
    fails = ~loc["counts"]
    codes = loc["reasons"].map(_codes)
    only_dates = codes.map(lambda c: bool(c) and c <= _DATE_REASONS)
    lo = rules.w0 - pd.Timedelta(days=NEAR_DAYS)
    hi = rules.w1 + pd.Timedelta(days=NEAR_DAYS)
    ends_ok = (loc["end_kind"] != "date") | (loc["end"] >= lo)
    starts_ok = (loc["start_kind"] == "date") & (loc["start"] <= hi)
    near = loc[fails & only_dates & loc["decided"].astype(bool) & ends_ok & starts_ok]
    near_days = near["days_late"].fillna(0) + near["days_short"].fillna(0)
    near = near.assign(miss_days=near_days)

    undecided = loc[fails & codes.map(lambda c: Reason.NO_DECISION.value in c)]
    plans = inst.report.soft_plans
    linked = set(plans["location_id"].dropna())
    undecided = undecided[~undecided["id"].isin(linked)]  # counted through its soft plan
    plan_open = plans[~plans["counts"] & ~plans["decided"].astype(bool)]

    m = result.municipalities[["name", "region", "quota", "credited", "shortfall"]].copy()
    near_p = near.groupby("municipality")["places"].sum()
    near_d = near.groupby("municipality")["miss_days"].max()
    near_s = near.groupby("municipality")["name"].agg(lambda s: ", ".join(sorted(s)))
    wait = (
        undecided.groupby("municipality")["places"]
        .sum()
        .add(plan_open.groupby("municipality")["places_low"].sum(), fill_value=0)
    )
    m["near_miss_places"] = m["name"].map(near_p).fillna(0).astype(int)
    m["near_miss_days"] = m["name"].map(near_d).fillna(0).astype(int)
    # Text by name ("" without near misses): mapping an empty table gives a number
    # column, which pandas will not fill with text.
    sites = near_s.to_dict()
    m["near_miss_sites"] = pd.Series(
        [sites.get(n, "") for n in m["name"].tolist()], dtype=object, index=m.index
    )
    m["awaiting_decision_places"] = m["name"].map(wait).fillna(0).astype(int)
    rest = m["shortfall"].to_numpy()
    parts = {}
    for col in ("near_miss_places", "awaiting_decision_places"):
        used = np.minimum(rest, m[col].to_numpy())
        parts[col.replace("_places", "_part")] = used
        rest = rest - used
    m["near_miss_part"] = parts["near_miss_part"].astype(int)
    m["awaiting_decision_part"] = parts["awaiting_decision_part"].astype(int)
    m["missing_capacity"] = rest.astype(int)
    return m.reset_index(drop=True)


def burden(result: SolveResult, ds: Dataset) -> pd.DataFrame:
    """Places per 1,000 inhabitants and credited places against the quota.

    Population: CBS, 1 January 2024 (``data/cbs_gemeenten_2024.csv``, CC BY 4.0).

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> from planner.scenario.schema import Scenario
    >>> from planner.optimise.solve import solve_scenario
    >>> ds = load_dataset()
    >>> b = burden(solve_scenario(ds, Scenario(name="base")), ds).set_index("name")
    >>> round(float(b.loc["Hardenberg", "places_per_1000"]), 2)  # 700 / 62,932 * 1,000
    11.12
    """
    m = result.municipalities[["name", "code", "region", "quota", "places", "credited"]].copy()
    pop = ds.population.set_index("code")["population_2024"] if len(ds.population) else None
    m["population_2024"] = m["code"].map(pop) if pop is not None else np.nan
    m["places_per_1000"] = m["places"] / m["population_2024"] * 1000
    m["quota_per_1000"] = m["quota"] / m["population_2024"] * 1000
    m["credited_to_quota"] = m["credited"] / m["quota"].where(m["quota"] > 0)
    return m.reset_index(drop=True)


def condition_states(result: SolveResult) -> pd.DataFrame:
    """The swap agreements with a condition, and whether the data meet it.

    For Kampen - Dronten: Kampen must have its remaining 108 own places in use by
    1 Oct 2025 (seed 000 section 4); ``places_found`` counts Kampen's decided
    locations in use on that date in this scenario.
    """
    inst = result.instance
    if inst is None:
        return pd.DataFrame()
    sw = inst.report.swaps
    sw = sw[sw["condition_state"] != "none"]
    return pd.DataFrame(
        {
            "id": sw["id"],
            "from": sw["from_municipality"],
            "to": sw["to_municipality"],
            "places": sw["places"],
            "condition_municipality": sw["condition_municipality"],
            "condition_places": sw["condition_places"].astype(int),
            "condition_date": sw["condition_date"],
            "places_found": sw["condition_places_found"].astype(int),
            "state": sw["condition_state"],
            "counts": sw["counts"],
        }
    ).reset_index(drop=True)


def explain_text(
    result: SolveResult, ds: Dataset, names: list[str] | None = None, lang: Lang = "nl"
) -> str:
    """``planner explain``: per municipality the shortfall split into what would close it,
    the burden, and under each municipality's own heading its near misses and marginal
    values; then the swap conditions.

    Parameters
    ----------
    result
        A solved scenario.
    ds
        Its data (for the population).
    names
        Municipalities to explain (default: all, in the result's order).
    lang
        ``nl`` or ``en``.
    """
    from planner.results.solution import marginal_words

    b = shortfall_breakdown(result).set_index("name")
    load = burden(result, ds).set_index("name")
    mun = result.municipalities.set_index("name")
    names = list(mun.index) if names is None else names
    rows = [
        [n, int(b.at[n, "shortfall"]), int(b.at[n, "near_miss_part"]),
         int(b.at[n, "awaiting_decision_part"]), int(b.at[n, "missing_capacity"]),
         float(load.at[n, "places_per_1000"]), fmt_pct(load.at[n, "credited_to_quota"], lang)]
        for n in names
    ]  # fmt: skip
    heads = [t("name", lang), t("shortfall", lang), t("ex_outside_window", lang),
             t("ex_awaiting", lang), t("ex_missing", lang), t("ex_per_1000", lang),
             t("ex_credited_to_quota", lang)]  # fmt: skip
    out = [text_table(rows, heads, lang=lang), ""]
    for n in names:
        lines = []
        if b.at[n, "near_miss_sites"]:
            lines.append(
                t("txt_near_miss", lang, sites=b.at[n, "near_miss_sites"],
                  days=say(days_words(b.at[n, "near_miss_days"]), lang))
            )  # fmt: skip
        for key, amv in (("marginal_value", False), ("amv_marginal_value", True)):
            values = mun.at[n, key] if key in mun else None
            if isinstance(values, dict):
                lines.append(marginal_words(n, values, amv, lang))
        if lines:  # every line under the heading of the municipality it is about
            out.append(f"{n}:")
            out += [f"  {line}" for line in lines]
    cond = condition_states(result)
    if len(cond):
        out.append("")
        for c in cond.itertuples(index=False):
            out.append(
                t("txt_condition", lang, id=c.id, municipality=c.condition_municipality,
                  found=fmt_int(c.places_found, lang), need=fmt_int(c.condition_places, lang),
                  date=fmt_date(c.condition_date, lang), state=code_label(c.state, lang))
            )  # fmt: skip
    out.append("\n" + t("txt_population_note", lang))
    return "\n".join(out)
