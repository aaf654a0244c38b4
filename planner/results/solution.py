"""A solved scenario in the forms people read: terminal text and workbook sheets."""

from __future__ import annotations

import pandas as pd

from planner.counting.count import LEVEL_COLUMNS
from planner.formats import code_label, fmt_int, fmt_num, say
from planner.i18n import LABELS, Lang, t
from planner.optimise.solve import SolveResult, Status
from planner.tables import text_table

__all__ = ["result_text", "result_sheets", "marginal_words", "level_label"]


def level_label(name: str, lang: Lang = "nl") -> str:
    """The name of an objective level (``provincial_shortfall`` -> ``Tekort provincie``)."""
    return t(f"level_{name}", lang) if f"level_{name}" in LABELS else name


def marginal_words(name: str, values: dict[str, float], amv: bool, lang: Lang = "nl") -> str:
    """The marginal value of one more place in words.

    >>> marginal_words("Zwolle", {"provincial_shortfall": 0.0, "amv_shortfall": 1.0},
    ...                amv=True, lang="en")
    'one more amv place in Zwolle lowers the amv shortfall (sum of municipalities) by 1'
    >>> print(marginal_words("Raalte", {"provincial_shortfall": 1.0,
    ...                      "municipal_shortfall": 1.0}, amv=False))
    één plek meer in Raalte verlaagt het tekort van de provincie met 1 en de som van de
    gemeentelijke tekorten met 1
    """
    parts = []
    for level, value in values.items():
        if value is None or abs(value) < 1e-9:
            continue
        parts.append(
            t("txt_mv_part", lang, level=t(f"mv_{level}", lang), amount=fmt_num(value, lang, 2))
        )
    what = t("txt_amv_place" if amv else "txt_place", lang)
    if not parts:
        return t("txt_mv_none", lang, what=what, name=name)
    joined = (
        parts[0]
        if len(parts) == 1
        else ", ".join(parts[:-1]) + f" {t('txt_and', lang)} " + parts[-1]
    )
    return t("txt_mv_one_more", lang, what=what, name=name, parts=joined)


def result_text(res: SolveResult, lang: Lang = "nl", answer: list[str] | None = None) -> str:
    """The solved scenario for the terminal; ``answer`` (the plain-language answer of
    :func:`planner.results.summary.plain_answer`) is printed first."""
    out = []
    if answer:
        out += [t("txt_answer", lang), *(f"  {line}" for line in answer), ""]
    out += [
        f"{t('tb_scenario', lang)}: {res.scenario}",
        f"{t('txt_status', lang)}: {code_label(res.status, lang)}  |  {t('txt_solver', lang)}: "
        f"{res.solver} ({res.engine})  |  {fmt_num(res.solve_seconds, lang, 3)} s",
    ]
    if res.status not in (Status.OPTIMAL, Status.TIME_LIMIT):
        out.append("")
        out += [f"! {say(m, lang)}" for m in res.messages]
        return "\n".join(out)
    out.append("")
    out.append(t("txt_objectives", lang))
    for lv in res.levels:
        value = "-" if lv.value is None else fmt_int(lv.value, lang)
        out.append(f"  {level_label(lv.name, lang)}: {value}")
    cols = [
        "quota", "places", "swapped_in", "swapped_out", "credited", "shortfall",
        "amv_quota", "amv_credited", "amv_shortfall",
    ]  # fmt: skip
    headers = [t("name", lang), *(t(c, lang) for c in cols), t("txt_marg", lang)]
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
    out += ["", text_table(rows, headers, rules_after, lang)]
    out.append(
        f"\n{t('municipal_shortfall', lang)}: {fmt_int(p['municipal_shortfall'], lang)}  |  "
        f"{t('amv_municipal_shortfall', lang)}: {fmt_int(p['amv_municipal_shortfall'], lang)}"
    )
    out.append(t("txt_marg_note", lang))
    cand = res.candidates
    if len(cand):
        out.append("\n" + t("txt_candidates", lang))
        for c in cand.itertuples(index=False):
            if c.opened:
                state = t("txt_opened", lang, places=fmt_int(c.places, lang))
            elif c.can_count:
                state = t("txt_not_opened", lang)
            else:
                state = t("txt_cannot_count", lang, why=say(c.reason, lang))
            out.append(
                f"  - {c.id} ({c.municipality}, {code_label(c.target_group, lang)}): {state}"
            )
    if len(res.swaps):
        out.append("\n" + t("txt_swaps", lang))
        for s in res.swaps.itertuples(index=False):
            amv = f" ({fmt_int(s.amv_places, lang)} amv)" if s.amv_places else ""
            flag = f" {t('txt_leaves_giver_short', lang)}" if s.leaves_giver_short else ""
            out.append(
                f"  - {s[0]} -> {s.to}: {fmt_int(s.places, lang)}{amv} "
                f"[{code_label(s.kind, lang)}]{flag}"
            )
    if res.messages:
        out.append("\n" + t("txt_messages", lang))
        out += [f"  - {say(m, lang)}" for m in res.messages]
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
