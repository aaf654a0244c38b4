"""Explain and compare plans over the years (scenarios with a ``horizon``).

A plan over the years is judged per cycle and per month, not at one window: the
explanation names per municipality the month a shortfall starts, what ended just
before it, and per cycle the places credited against the quota; the comparison puts
the levels of every cycle side by side. Both are data (frames) first, text second, so
the CLI, the app and the tests read the same numbers.
"""

from __future__ import annotations

import pandas as pd

from planner.i18n import Lang, t
from planner.optimise.horizon import HorizonResult, shortfall_starts
from planner.results.solution import level_label
from planner.tables import text_table

__all__ = [
    "level_words",
    "explain_horizon",
    "explain_horizon_text",
    "compare_horizons",
    "compare_horizons_text",
]


def level_words(name: str, lang: Lang) -> str:
    """``municipal_shortfall@cycle-2`` -> the level's label with its cycle."""
    base, _, cycle = name.partition("@")
    if base == "continuity":
        return t("horizon_level_continuity", lang)
    label = level_label(base, lang)
    return f"{label} ({cycle})" if cycle else label


def _ended_before(res: HorizonResult, name: str, month: pd.Timestamp) -> list[str]:
    """Locations of ``name`` in use the month before ``month`` and not in ``month``
    (their end falls in between): what the shortfall follows from."""
    ti = res.instance
    if ti is None or pd.isna(month):
        return []
    before = month - pd.DateOffset(months=1)
    loc = ti.insts[0].report.locations
    out = []
    for r in loc.itertuples(index=False):
        if r.municipality != name or r.end_kind != "date" or r.start_kind != "date":
            continue
        if pd.Timestamp(r.start) <= before <= pd.Timestamp(r.end) < month:
            out.append(f"{r.name} ({int(r.places)}, {pd.Timestamp(r.end):%Y-%m-%d})")
    return out


def explain_horizon(res: HorizonResult, names: list[str] | None = None) -> pd.DataFrame:
    """Per municipality (and province): the month a shortfall starts, the places below
    quota then, the months and place-months below quota in the horizon, the locations
    that ended just before, and per cycle the shortfall at its window.

    Parameters
    ----------
    res
        A solved plan over the years.
    names
        Municipalities to explain (default: all, and the provinces).
    """
    starts = shortfall_starts(res)
    if names is not None:
        starts = starts[(starts["level"] == "municipality") & starts["name"].isin(names)]
    per_cycle: dict[str, dict[str, int]] = {}
    prov = res.instance.province_of if res.instance is not None else {}
    for cid, (mun, _regions, _total) in res.cycles.items():
        short = dict(zip(mun["name"], mun["shortfall"].astype(int), strict=True))
        for p in set(prov.values()):  # the province: its quota against all it credits
            part = mun[mun["name"].map(prov) == p]
            short[p] = max(0, int(part["quota"].sum()) - int(part["credited"].sum()))
        per_cycle[cid] = short
    rows = []
    for r in starts.itertuples(index=False):
        row = {
            "level": r.level, "name": r.name, "shortfall_from": r.shortfall_from,
            "below_then": r.below_then, "months_below": r.months_below,
            "place_months_below": r.place_months_below,
            "ended_before": "; ".join(_ended_before(res, r.name, r.shortfall_from))
            if r.level == "municipality" else "",
        }  # fmt: skip
        for cid, short in per_cycle.items():
            row[f"shortfall@{cid}"] = int(short.get(r.name, 0))
        rows.append(row)
    return pd.DataFrame(rows)


def explain_horizon_text(
    res: HorizonResult, names: list[str] | None = None, lang: Lang = "nl"
) -> str:
    """The explanation in words: per municipality when its shortfall starts, what ended
    just before, and its shortfall per cycle."""
    frame = explain_horizon(res, names)
    out = [t("horizon_explain_title", lang, name=res.scenario)]
    for r in frame.to_dict("records"):
        if pd.isna(r["shortfall_from"]):
            line = t("horizon_no_shortfall", lang, name=r["name"])
        else:
            line = t("horizon_shortfall_from", lang, name=r["name"],
                     month=f"{r['shortfall_from']:%Y-%m}", below=r["below_then"],
                     months=r["months_below"])  # fmt: skip
            if r["ended_before"]:
                line += "; " + t("horizon_ended_before", lang, locations=r["ended_before"])
        cycles = [
            t("horizon_cycle_shortfall", lang, cycle=k.partition("@")[2], shortfall=v)
            for k, v in r.items() if k.startswith("shortfall@")
        ]  # fmt: skip
        out.append(f"- {line}")
        if cycles:
            out.append("  " + "; ".join(cycles))
    return "\n".join(out)


def compare_horizons(results: list[HorizonResult], labels: list[str]) -> pd.DataFrame:
    """The levels of plans over the years side by side: one row per level (per cycle
    the shortfalls, continuity, new places, swap volume), one column per scenario; a
    level a scenario does not have (another cycle) is blank."""
    order: list[str] = []
    for res in results:
        for lv in res.levels:
            if lv.name != "tie_break" and lv.name not in order:
                order.append(lv.name)
    data = {
        label: [next((lv.value for lv in res.levels if lv.name == name), None) for name in order]
        for res, label in zip(results, labels, strict=True)
    }
    return pd.DataFrame(data, index=pd.Index(order, name="level"))


def compare_horizons_text(
    results: list[HorizonResult], labels: list[str], lang: Lang = "nl"
) -> str:
    """The comparison as a table, levels in words."""
    frame = compare_horizons(results, labels)
    rows = [
        [level_words(name, lang), *("-" if pd.isna(v) else f"{v:,.0f}".replace(",", ".")
                                    for v in frame.loc[name])]
        for name in frame.index
    ]  # fmt: skip
    head = t("horizon_compare_title", lang, n=len(results))
    return head + "\n" + text_table(rows, [t("horizon_level", lang), *labels])
