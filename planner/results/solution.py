"""A solved scenario in the forms people read: terminal text and workbook sheets."""

from __future__ import annotations

from typing import Any

import pandas as pd

from planner.counting.count import LEVEL_COLUMNS
from planner.i18n import Lang, t
from planner.optimise.solve import SolveResult, Status
from planner.tables import text_table

__all__ = ["result_text", "result_sheets", "marginal_words"]

_LEVEL_LABEL = {
    "provincial_shortfall": ("provinciaal tekort", "provincial shortfall"),
    "amv_shortfall": ("amv-tekort (som gemeenten)", "amv shortfall (sum of municipalities)"),
    "municipal_shortfall": ("som gemeentelijke tekorten", "sum of municipal shortfalls"),
    "new_places": ("nieuwe plekken (x kosten)", "new places (x cost)"),
    "swap_volume": ("uitruilvolume", "swap volume"),
}


def level_label(name: str, lang: Lang = "nl") -> str:
    pair = _LEVEL_LABEL.get(name, (name, name))
    return pair[0] if lang == "nl" else pair[1]


def marginal_words(name: str, values: dict[str, float], amv: bool, lang: Lang = "nl") -> str:
    """The marginal value of one more place in words.

    >>> marginal_words("Zwolle", {"provincial_shortfall": 0.0, "amv_shortfall": 1.0},
    ...                amv=True, lang="en")
    'one more amv place in Zwolle lowers the amv shortfall (sum of municipalities) by 1'
    """
    parts = []
    for level, value in values.items():
        if value is None or abs(value) < 1e-9:
            continue
        amount = f"{value:g}"
        if lang == "nl":
            parts.append(f"het {level_label(level, lang)} met {amount}")
        else:
            parts.append(f"the {level_label(level, lang)} by {amount}")
    what = ("amv-plek" if amv else "plek") if lang == "nl" else ("amv place" if amv else "place")
    if not parts:
        return (
            f"één {what} meer in {name} verlaagt geen tekort"
            if lang == "nl"
            else f"one more {what} in {name} lowers no shortfall"
        )
    joined = (
        parts[0]
        if len(parts) == 1
        else ", ".join(parts[:-1]) + (" en " if lang == "nl" else " and ") + parts[-1]
    )
    if lang == "nl":
        return f"één {what} meer in {name} verlaagt {joined}"
    return f"one more {what} in {name} lowers {joined}"


def _n(value: Any) -> str:
    return f"{int(value):,}".replace(",", ".")


def result_text(res: SolveResult, lang: Lang = "nl") -> str:
    """The solved scenario for the terminal."""
    nl = lang == "nl"
    out = [
        f"Scenario: {res.scenario}",
        f"{'Status' if nl else 'Status'}: {res.status.value}  |  solver: {res.solver} "
        f"({res.engine})  |  {res.solve_seconds:.3f} s",
    ]
    rules = res.instance.rules if res.instance is not None else None
    if rules is not None and rules.assumed:  # an assumed cycle says so in every output
        out.append(t("cycle_assumed", lang, cycle=rules.name or rules.id, source=rules.source))
    if res.status not in (Status.OPTIMAL, Status.TIME_LIMIT):
        out.append("")
        out += [f"! {m}" for m in res.messages]
        return "\n".join(out)
    out.append("")
    out.append("Doelen (in volgorde):" if nl else "Objectives (in order):")
    for lv in res.levels:
        value = "-" if lv.value is None else f"{lv.value:,.0f}".replace(",", ".")
        out.append(f"  {level_label(lv.name, lang)}: {value}")
    cols = [
        "quota", "places", "swapped_in", "swapped_out", "credited", "shortfall",
        "amv_quota", "amv_credited", "amv_shortfall",
    ]  # fmt: skip
    headers = [t("name", lang), *(t(c, lang) for c in cols), "marg." if nl else "marg."]
    rows, rules_after = [], []
    mun = res.municipalities
    for _, reg in res.regions.iterrows():
        for _, m in mun[mun["region"] == reg["region"]].iterrows():
            mv = m.get("marginal_value") or {}
            rows.append([m["name"], *(int(m[c]) for c in cols), mv.get("municipal_shortfall")])
        rules_after.append(len(rows) - 1)
        # A region's swaps in and out are its municipalities' (swaps inside the region
        # appear on both sides), so places + in - out = credited, as for a municipality.
        members = mun[mun["region"] == reg["region"]]
        rows.append(
            [f"{t('total', lang)} {reg['region']}", int(reg["quota"]), int(reg["places"]),
             int(members["swapped_in"].sum()), int(members["swapped_out"].sum()),
             int(reg["credited"]), int(reg["shortfall"]),
             int(reg["amv_quota"]), int(reg["amv_credited"]), int(reg["amv_shortfall"]), None]
        )  # fmt: skip
        rules_after.append(len(rows) - 1)
    p = res.province
    rows.append(
        [t("total", lang), int(p["quota"]), int(p["places"]), int(mun["swapped_in"].sum()),
         int(mun["swapped_out"].sum()), int(p["credited"]), int(p["shortfall"]),
         int(p["amv_quota"]), int(p["amv_credited"]), int(p["amv_shortfall"]), None]
    )  # fmt: skip
    out += ["", text_table(rows, headers, rules_after)]
    out.append(
        f"\n{t('municipal_shortfall', lang)}: {_n(p['municipal_shortfall'])}  |  "
        f"{t('amv_municipal_shortfall', lang)}: {_n(p['amv_municipal_shortfall'])}"
    )
    out.append(
        "marg. = daling van de som van gemeentelijke tekorten per extra plek"
        if nl
        else "marg. = fall of the sum of municipal shortfalls per extra place"
    )
    cand = res.candidates
    if len(cand):
        out.append("\n" + ("Kandidaten:" if nl else "Candidates:"))
        for c in cand.itertuples(index=False):
            if c.opened:
                state = f"{'open' if nl else 'opened'}, {c.places} {'plekken' if nl else 'places'}"
            elif c.can_count:
                state = "niet geopend" if nl else "not opened"
            else:
                state = ("telt niet: " if nl else "cannot count: ") + c.reason
            out.append(f"  - {c.id} ({c.municipality}, {c.target_group}): {state}")
    if len(res.swaps):
        out.append("\n" + ("Uitruil:" if nl else "Swaps:"))
        for s in res.swaps.itertuples(index=False):
            amv = f" ({s.amv_places} amv)" if s.amv_places else ""
            flag = (
                (" ! laat de gever tekort" if nl else " ! leaves the giver short")
                if s.leaves_giver_short
                else ""
            )
            out.append(f"  - {s[0]} -> {s.to}: {s.places}{amv} [{s.kind}]{flag}")
    if res.messages:
        out.append("\n" + ("Meldingen:" if nl else "Messages:"))
        out += [f"  - {m}" for m in res.messages]
    return "\n".join(out)


def result_sheets(res: SolveResult, lang: Lang = "nl") -> dict[str, pd.DataFrame]:
    """The solved scenario as tables for a workbook."""
    levels = pd.DataFrame(
        [{"level": lv.name, "value": lv.value, "status": lv.status.value} for lv in res.levels]
    )
    mun = res.municipalities.copy()
    for col in ("marginal_value", "amv_marginal_value"):
        if col in mun:
            for lv in ("provincial_shortfall", "amv_shortfall", "municipal_shortfall"):
                mun[f"{col}.{lv}"] = mun[col].map(lambda d, lv=lv: (d or {}).get(lv))
            mun = mun.drop(columns=col)
    province = pd.DataFrame([{c: res.province.get(c) for c in LEVEL_COLUMNS}])
    return {
        "doelen" if lang == "nl" else "objectives": levels,
        "provincie" if lang == "nl" else "province": province,
        "regio's" if lang == "nl" else "regions": res.regions,
        "gemeenten" if lang == "nl" else "municipalities": mun,
        "kandidaten" if lang == "nl" else "candidates": res.candidates.drop(
            columns=["lo", "hi"], errors="ignore"
        ),
        "uitruil" if lang == "nl" else "swaps": res.swaps,
    }
