"""The plain-language answer: a few sentences at the top of every result.

A civil servant who opens a result wants to read, before any table, what the scenario
changes against the one it builds on, which sites open, which swaps are proposed, what
the provincial shortfall becomes and why part of it remains. :func:`plain_answer` says
that in a few sentences (Dutch or English); :func:`answer_metrics` gives the figures
with their change against the parent. ``planner solve``, the workbook's first sheet,
the PDF and the app all use these two.
"""

from __future__ import annotations

import pandas as pd

from planner.formats import fmt_int, fmt_pct, fmt_signed, say
from planner.i18n import Lang, t
from planner.optimise.solve import SolveResult, Status
from planner.results.explain import shortfall_breakdown
from planner.results.solution import level_label

__all__ = ["plain_answer", "answer_metrics", "MAX_LISTED"]

#: Swaps and sites listed by name; more are counted ("en nog 9").
MAX_LISTED = 6


def _listed(items: list[str], lang: Lang) -> str:
    if len(items) <= MAX_LISTED:
        shown = items
        rest = 0
    else:
        shown, rest = items[:MAX_LISTED], len(items) - MAX_LISTED
    text = "; ".join(shown)
    if rest:
        text += " " + t("pa_more", lang, n=fmt_int(rest, lang))
    return text


def _change(now: float, before: float, lang: Lang) -> str:
    diff = float(now) - float(before)
    key = "pa_lower" if diff < 0 else "pa_higher"
    return t(key, lang, n=fmt_int(abs(diff), lang))


def plain_answer(
    result: SolveResult, parent: SolveResult | None = None, lang: Lang = "nl"
) -> list[str]:
    """A few sentences that answer the scenario's question, first in every result.

    Parameters
    ----------
    result
        The solved scenario.
    parent
        The solved scenario it builds on (``extends``), or None: then the sentences say
        what the scenario gives, without changes.
    lang
        ``nl`` (default) or ``en``.

    Returns
    -------
    list[str]
        One sentence per item: the provincial shortfall (with quota, credited places and
        percentage) and its change against the parent; the sum of municipal shortfalls
        and the amv shortfall; which candidate sites open and which cannot count (with
        the reason); which swaps the optimiser proposes; what would close the remaining
        municipal shortfalls (dates, decisions, missing capacity); the largest shortfalls.

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> from planner.scenario.schema import Scenario
    >>> from planner.optimise.solve import solve_scenario
    >>> ds = load_dataset()
    >>> base = solve_scenario(ds, Scenario(name="Basis"))
    >>> borne = solve_scenario(ds, Scenario(name="Borne", candidates=[{"id": "borne-new",
    ...     "municipality": "Borne", "max_places": 150, "start": "2025-05-01"}]))
    >>> for line in plain_answer(borne, base)[:2]:  # 6,325 - 4,014 = 2,311; 2,461 - 150
    ...     print(line)
    Het tekort van de provincie wordt 2.311 plekken (opgave 6.325, realisatie 4.014, 63%).
    Dat is 150 minder dan in Basis (2.461).
    """
    if result.status not in (Status.OPTIMAL, Status.TIME_LIMIT) or result.municipalities.empty:
        # the last message says why (a conflict, a time limit, a missing solver)
        messages = say(result.messages[-1], lang) if result.messages else ""
        return [t("pa_not_answered", lang, status=say_status(result, lang), messages=messages)]
    p = result.province
    out = [
        t("pa_shortfall", lang, shortfall=fmt_int(p["shortfall"], lang),
          quota=fmt_int(p["quota"], lang), credited=fmt_int(p["credited"], lang),
          pct=fmt_pct(p["coverage"], lang))
    ]  # fmt: skip
    has_parent = parent is not None and not parent.municipalities.empty
    if has_parent:
        before = parent.province["shortfall"]
        key = "pa_vs_parent_same" if before == p["shortfall"] else "pa_vs_parent"
        out.append(
            t(key, lang, change=_change(p["shortfall"], before, lang), parent=parent.scenario,
              value=fmt_int(before, lang))
        )  # fmt: skip

    def suffix(key: str) -> str:
        if not has_parent:
            return ""
        diff = float(p[key]) - float(parent.province[key])
        if diff == 0:
            return t("pa_same_suffix", lang, parent=parent.scenario)
        return t("pa_change_suffix", lang, change=fmt_signed(diff, lang), parent=parent.scenario)

    out.append(
        t("pa_sum", lang, value=fmt_int(p["municipal_shortfall"], lang),
          change=suffix("municipal_shortfall"), amv=fmt_int(p["amv_shortfall"], lang),
          amv_change=suffix("amv_shortfall"))
    )  # fmt: skip
    cand = result.candidates
    if len(cand):
        opened = cand[cand["opened"]]
        if len(opened):
            sites = [
                t("pa_site", lang, id=c.id, municipality=c.municipality,
                  places=fmt_int(c.places, lang))
                for c in opened.itertuples(index=False)
            ]  # fmt: skip
            out.append(t("pa_opens", lang, sites=_listed(sites, lang)))
        else:
            out.append(t("pa_no_sites", lang))
        cannot = cand[~cand["can_count"]]
        if len(cannot):
            sites = [
                t("pa_not_counting_site", lang, id=c.id, why=say(c.reason, lang))
                for c in cannot.itertuples(index=False)
            ]
            out.append(t("pa_not_counting", lang, sites=_listed(sites, lang)))
    swaps = result.swaps
    proposed = swaps[swaps["kind"] != "agreement"] if len(swaps) else swaps
    if len(proposed):
        items = [
            t("pa_swap", lang, from_=s[0], to=s.to, places=fmt_int(s.places, lang))
            for s in proposed.itertuples(index=False)
        ]
        out.append(t("pa_swaps", lang, swaps=_listed(items, lang)))
    else:
        out.append(t("pa_no_swaps", lang))
    breakdown = shortfall_breakdown(result)
    if len(breakdown) and int(breakdown["shortfall"].sum()):
        out.append(
            t("pa_why", lang, total=fmt_int(breakdown["shortfall"].sum(), lang),
              near=fmt_int(breakdown["near_miss_part"].sum(), lang),
              wait=fmt_int(breakdown["awaiting_decision_part"].sum(), lang),
              missing=fmt_int(breakdown["missing_capacity"].sum(), lang))
        )  # fmt: skip
        top = breakdown[breakdown["shortfall"] > 0].sort_values(
            ["shortfall", "name"], ascending=[False, True]
        )
        items = [
            t("pa_item", lang, name=r.name, value=fmt_int(r.shortfall, lang))
            for r in top.head(3).itertuples(index=False)
        ]
        out.append(t("pa_most_short", lang, list=", ".join(items)))
    return out


def say_status(result: SolveResult, lang: Lang = "nl") -> str:
    """How the solve ended, in words (``optimaal``, ``tijdslimiet bereikt``)."""
    from planner.formats import code_label

    return code_label(result.status, lang)


def answer_metrics(
    result: SolveResult, parent: SolveResult | None = None, lang: Lang = "nl"
) -> pd.DataFrame:
    """The headline figures with their change against the parent.

    Columns (labelled in ``lang``): the measure, this scenario, and with a parent the
    parent's value and the change (this minus parent). Values are numbers (a workbook
    or the app formats them).
    """
    keys = ("shortfall", "municipal_shortfall", "amv_shortfall", "amv_municipal_shortfall",
            "credited", "places")  # fmt: skip
    label_of = {"shortfall": level_label("provincial_shortfall", lang)}
    rows = []
    for key in keys:
        row = {t("pa_metric", lang): label_of.get(key) or t(key, lang)}
        row[t("pa_this", lang)] = int(result.province[key])
        if parent is not None and not parent.municipalities.empty:
            row[parent.scenario] = int(parent.province[key])
            row[t("pa_change", lang)] = int(result.province[key]) - int(parent.province[key])
        rows.append(row)
    return pd.DataFrame(rows)
