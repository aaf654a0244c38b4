"""A plan over the years as terminal text, JSON and workbook sheets (Dutch first)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from planner.counting.count import LEVEL_COLUMNS
from planner.formats import code_label, fmt_num, say
from planner.i18n import Lang, t
from planner.optimise.horizon import HorizonResult, shortfall_starts
from planner.results.horizon import level_words
from planner.tables import jsonable, records, text_table

__all__ = ["horizon_text", "horizon_dict", "horizon_sheets", "gantt_table", "level_words",
           "assumption_lines"]  # fmt: skip


def assumption_lines(res: HorizonResult, lang: Lang = "nl") -> list[str]:
    """One line per assumed cycle of the plan, in ``lang`` (the page and the outputs
    say the same)."""
    ti = res.instance
    if ti is None:
        return []
    return [
        t("cycle_assumed", lang, cycle=r.name or r.id, source=r.source_in(lang))
        for r in ti.cycles
        if r.assumed
    ]


def gantt_table(res: HorizonResult) -> pd.DataFrame:
    """Every location in use in the horizon and every opened candidate, with start and
    end: the data of a Gantt chart."""
    ti = res.instance
    rows = []
    if ti is not None:
        loc = ti.insts[0].report.locations
        first, last = ti.months[0], ti.months[-1]
        for r in loc.itertuples(index=False):
            start = r.start if r.start_kind == "date" else pd.NaT
            end = r.end if r.end_kind == "date" else pd.NaT
            if pd.isna(start) or start > last or (pd.notna(end) and end < first):
                continue
            rows.append({"kind": "location", "id": r.id, "municipality": r.municipality,
                         "name": r.name, "places": int(r.places), "start": start,
                         "end": end})  # fmt: skip
    for r in res.candidates.itertuples(index=False):
        if r.opened:
            rows.append({"kind": "candidate", "id": r.id, "municipality": r.municipality,
                         "name": r.id, "places": int(r.places), "start": r.start_month,
                         "end": r.end})  # fmt: skip
    return pd.DataFrame(rows, columns=["kind", "id", "municipality", "name", "places", "start",
                                       "end"])  # fmt: skip


def _starts_lines(res: HorizonResult, lang: Lang) -> list[str]:
    out = []
    for r in shortfall_starts(res).itertuples(index=False):
        if pd.isna(r.shortfall_from):
            out.append(t("horizon_no_shortfall", lang, name=r.name))
        else:
            out.append(
                t(
                    "horizon_shortfall_from",
                    lang,
                    name=r.name,
                    month=f"{r.shortfall_from:%Y-%m}",
                    below=r.below_then,
                    months=r.months_below,
                )  # fmt: skip
            )
    return out


def horizon_text(res: HorizonResult, lang: Lang = "nl") -> str:
    """Levels, per cycle the totals per municipality, candidates with their start
    month, and when each shortfall starts."""
    ti = res.instance
    out = [t("horizon_title", lang, name=res.scenario)]
    if ti is not None:
        out.append(
            t(
                "horizon_months",
                lang,
                n=len(ti.months),
                start=f"{ti.months[0]:%Y-%m}",
                end=f"{ti.months[-1]:%Y-%m}",
                cycles=", ".join(r.id for r in ti.cycles),
            )  # fmt: skip
        )
    out += assumption_lines(res, lang)
    out.append(
        f"Status: {code_label(res.status.value, lang)}  |  "
        f"{fmt_num(res.seconds.get('total', 0), lang, 3)} s"
    )
    out += [say(m, lang) for m in res.messages]
    out.append(f"\n{t('horizon_levels', lang)}:")
    for lv in res.levels:
        value = "-" if lv.value is None else f"{lv.value:,.0f}".replace(",", ".")
        out.append(f"  {level_words(lv.name, lang)}: {value}")
    for cid, (mun, _regions, tot) in res.cycles.items():
        out.append(f"\n{t('horizon_cycle', lang, cycle=cid)}")
        cols = ["quota", "places", "swapped_in", "swapped_out", "credited", "shortfall",
                "amv_quota", "amv_credited", "amv_shortfall"]  # fmt: skip
        rows = [[r["name"], *(int(r[c]) for c in cols)] for _, r in mun.iterrows()]
        rows.append([t("total", lang), int(tot["quota"]), int(tot["places"]),
                     int(mun["swapped_in"].sum()), int(mun["swapped_out"].sum()),
                     int(tot["credited"]), int(tot["shortfall"]), int(tot["amv_quota"]),
                     int(tot["amv_credited"]), int(tot["amv_shortfall"])])  # fmt: skip
        out.append(text_table(rows, [t("name", lang), *(t(c, lang) for c in cols)],
                              [len(rows) - 2]))  # fmt: skip
    out.append(f"\n{t('horizon_candidates', lang)}:")
    for r in res.candidates.itertuples(index=False):
        if r.opened:
            out.append(f"  - {r.id} ({r.municipality}): {r.places}, "
                       f"{t('horizon_start_month', lang).lower()} {r.start_month:%Y-%m}"
                       + (f", {t('horizon_counts_for', lang).lower()} {r.counts_for}"
                          if r.counts_for else ""))  # fmt: skip
        else:
            out.append(f"  - {r.id} ({r.municipality}): {t('horizon_not_opened', lang)}")
    out.append(f"\n{t('horizon_shortfall_heading', lang)}:")
    out += [f"  {line}" for line in _starts_lines(res, lang)]
    return "\n".join(out)


def horizon_sheets(res: HorizonResult, lang: Lang = "nl") -> dict[str, pd.DataFrame]:
    """The workbook: levels, per cycle the table, per month capacity against quota per
    municipality and province, the locations over time, when shortfalls start."""
    sheets: dict[str, pd.DataFrame] = {}
    assumed = assumption_lines(res, lang)
    if assumed:
        sheets[t("cycle_assumed_short", lang)] = pd.DataFrame({t("cycle_status", lang): assumed})
    sheets[t("horizon_sheet_levels", lang)] = pd.DataFrame(
        [
            {
                "level": lv.name,
                "label": level_words(lv.name, lang),
                "value": lv.value,
                "status": lv.status.value,
            }
            for lv in res.levels
        ]  # fmt: skip
    )
    for cid, (mun, regions, tot) in res.cycles.items():
        total_row = pd.DataFrame([{"name": t("total", lang), **{c: tot[c] for c in LEVEL_COLUMNS}}])
        sheets[cid] = pd.concat([mun, regions.rename(columns={"region": "name"}), total_row],
                                ignore_index=True)  # fmt: skip
    sheets[t("horizon_sheet_monthly", lang)] = res.monthly
    sheets[t("horizon_sheet_candidates", lang)] = res.candidates
    sheets[t("horizon_sheet_gantt", lang)] = gantt_table(res)
    sheets[t("horizon_sheet_starts", lang)] = shortfall_starts(res)
    return sheets


def horizon_dict(res: HorizonResult, lang: Lang = "nl") -> dict[str, Any]:
    """The answer as a JSON-ready dict."""
    ti = res.instance
    return {
        "scenario": res.scenario,
        "status": res.status.value,
        "assumptions": assumption_lines(res, lang),
        "months": [f"{m:%Y-%m}" for m in ti.months] if ti is not None else [],
        "levels": {lv.name: lv.value for lv in res.levels},
        "model_size": res.size,
        "cycles": {
            cid: {"province": jsonable(tot.to_dict()), "municipalities": records(mun)}
            for cid, (mun, _r, tot) in res.cycles.items()
        },
        "candidates": records(res.candidates),
        "swaps": records(res.swaps),
        "shortfall_starts": records(shortfall_starts(res)),
        "monthly": records(res.monthly),
        "messages": jsonable(list(res.messages)),
    }
