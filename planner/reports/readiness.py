"""Readiness for the next cycle as terminal text, JSON and CSV (Dutch first)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from planner.counting.readiness import Readiness, reason_labels
from planner.counting.rules import CycleRules
from planner.formats import fmt_date, label_frame
from planner.i18n import Lang, t
from planner.reports.export import frame_csv
from planner.tables import text_table

__all__ = [
    "readiness_text",
    "readiness_dict",
    "readiness_csv",
    "readiness_tables",
    "readiness_reader_tables",
    "assumption_lines",
]


def _name(rules: CycleRules) -> str:
    return rules.name or rules.id


def assumption_lines(res: Readiness, lang: Lang = "nl") -> list[str]:
    """One line per assumed cycle of the comparison (none when both are decided)."""
    return [
        t("cycle_assumed", lang, cycle=_name(r), source=r.source_in(lang))
        for r in (res.rules_from, res.rules_to)
        if r.assumed
    ]


def _rules_words(rules: CycleRules, lang: Lang) -> str:
    w = f"{t('window', lang)} {rules.window_start:%d-%m-%Y} - {rules.window_end:%d-%m-%Y}"
    parts = [w]
    if rules.durable_until is not None:
        parts.append(
            t(
                "cycle_rules_durable",
                lang,
                until=f"{rules.durable_until:%d-%m-%Y}",
                years=rules.min_years,
            )  # fmt: skip
        )
    if rules.min_places is not None:
        parts.append(t("cycle_rules_min_places", lang, places=rules.min_places))
    if rules.types:
        parts.append(t("cycle_rules_types", lang, types=", ".join(rules.types)))
    return "; ".join(parts)


def _why(res: Readiness, row: dict, lang: Lang) -> str:
    if row["status"] == "both":
        return ""
    if row["status"] == "only_to":
        return t("readiness_status_only_to", lang, to=_name(res.rules_to))
    return "; ".join(reason_labels(row, res.rules_to, lang))


def readiness_tables(res: Readiness, lang: Lang = "nl") -> dict[str, pd.DataFrame]:
    """The municipalities and locations tables with their words, as the outputs show
    them (also the app page's tables)."""
    mun = res.municipalities.copy()
    mun["latest_start"] = [
        "" if pd.isna(v) else f"{pd.Timestamp(v):%Y-%m-%d}" for v in mun["latest_start"]
    ]
    loc = res.locations.copy()
    rows = loc.to_dict("records")
    loc["why"] = [_why(res, r, lang) for r in rows]
    loc["status_label"] = [
        t(f"readiness_status_{'only_to' if s == 'only_to' else s}", lang, to=_name(res.rules_to))
        for s in loc["status"]
    ]
    for col in ("start", "end", "durable_until", "extend_to"):
        loc[col] = ["" if pd.isna(v) else f"{pd.Timestamp(v):%Y-%m-%d}" for v in loc[col]]
    loc.loc[loc["end_kind"] != "date", "end"] = loc.loc[loc["end_kind"] != "date", "end_kind"]
    return {"municipalities": mun, "locations": loc}


def readiness_text(res: Readiness, lang: Lang = "nl") -> str:
    """Per municipality what still counts, what drops out and why, what remains."""
    to = _name(res.rules_to)
    out = [
        t("readiness_title", lang, frm=_name(res.rules_from), to=to),
        f"{t('readiness_rules', lang, cycle=to)}: {_rules_words(res.rules_to, lang)}",
        *assumption_lines(res, lang),
        "",
    ]
    heads = [
        t("name", lang), t("readiness_quota_to", lang), t("readiness_both", lang),
        t("readiness_drop", lang), t("readiness_only_to", lang),
        t("readiness_remaining", lang), t("readiness_amv_remaining", lang),
        t("readiness_latest_start", lang),
    ]  # fmt: skip
    rows: list[list[Any]] = []
    rules_after = []
    mun = res.municipalities
    for region in sorted(set(mun["region"])):
        for r in mun[mun["region"] == region].itertuples(index=False):
            rows.append(
                [r.name, r.quota, r.both, r.drops, r.only_to, r.remaining, r.amv_remaining,
                 "" if pd.isna(r.latest_start) else fmt_date(r.latest_start, lang)]
            )  # fmt: skip
        rules_after.append(len(rows) - 1)
    tot = res.total
    rows.append(
        [t("readiness_total", lang), tot["quota"], tot["both"], tot["drops"], tot["only_to"],
         tot["municipal_shortfall"], tot["amv_municipal_shortfall"],
         fmt_date(tot["latest_start"], lang)]
    )  # fmt: skip
    out.append(text_table(rows, heads, rules_after))
    size = (
        t("readiness_size_note", lang, places=res.rules_to.min_places)
        if res.rules_to.min_places is not None
        else ""
    )
    until = res.rules_to.durable_until or res.rules_to.window_end
    out.append(
        "\n"
        + t(
            "readiness_latest_start_note",
            lang,
            to=to,
            w0=f"{res.rules_to.window_start:%d-%m-%Y}",
            until=f"{until:%d-%m-%Y}",
            size=size,
        )  # fmt: skip
    )
    tables = readiness_tables(res, lang)
    loc = tables["locations"]
    changed = loc[loc["status"] != "both"]
    if len(changed):
        out.append(f"\n{t('readiness_drop', lang)} / {t('readiness_only_to', lang)}:")
        for r in changed.itertuples(index=False):
            out.append(f"  - {r.municipality}: {r.name} ({r.places}, {r.type}): {r.why}")
    return "\n".join(out)


def readiness_dict(res: Readiness, lang: Lang = "nl") -> dict[str, Any]:
    """The comparison as a JSON-ready dict (reasons as codes and in words)."""
    tables = readiness_tables(res, lang)

    def rules(r: CycleRules) -> dict[str, Any]:
        return {
            "id": r.id, "name": r.name, "status": r.status,
            "window_start": r.window_start.isoformat(), "window_end": r.window_end.isoformat(),
            "min_years": r.min_years,
            "durable_until": r.durable_until.isoformat() if r.durable_until else None,
            "min_places": r.min_places, "types": list(r.types) if r.types else None,
        }  # fmt: skip

    loc = tables["locations"].drop(columns=["end_kind"])
    loc["reasons"] = [[c for c in str(v).split("|") if c] for v in loc["reasons"]]
    total = {**res.total, "latest_start": f"{pd.Timestamp(res.total['latest_start']):%Y-%m-%d}"}
    return {
        "from": rules(res.rules_from),
        "to": rules(res.rules_to),
        "assumptions": assumption_lines(res, lang),
        "province": total,
        "municipalities": tables["municipalities"].to_dict("records"),
        "locations": loc.to_dict("records"),
    }


def readiness_reader_tables(res: Readiness, lang: Lang = "nl") -> dict[str, pd.DataFrame]:
    """The municipalities and locations tables as a reader sees them (the app page and
    the CSV): headers in ``lang`` that name the cycles, ``ja``/``nee``, an open end in
    words; the codes (status, reasons) stay in :func:`readiness_dict`."""
    tables = readiness_tables(res, lang)
    frm, to = _name(res.rules_from), _name(res.rules_to)
    mun_heads = {
        "quota_from": t("readiness_col_quota", lang, cycle=frm),
        "credited_from": t("readiness_col_credited", lang, cycle=frm),
        "quota": t("readiness_col_quota", lang, cycle=to),
        "amv_quota": t("readiness_col_amv_quota", lang, cycle=to),
        "both": t("readiness_both", lang),
        "drops": t("readiness_drop", lang),
        "only_to": t("readiness_only_to", lang),
        "credited": t("readiness_col_credited", lang, cycle=to),
        "amv_credited": t("readiness_col_amv_credited", lang, cycle=to),
        "remaining": t("readiness_remaining", lang),
        "amv_remaining": t("readiness_amv_remaining", lang),
        "latest_start": t("readiness_latest_start", lang),
    }
    mun = tables["municipalities"]
    mun_out = label_frame(mun, lang, drop=())
    mun_out.columns = [mun_heads.get(k, h) for k, h in zip(mun.columns, mun_out.columns,
                                                           strict=True)]  # fmt: skip
    loc = tables["locations"].copy()
    kind = loc["end_kind"].tolist()
    loc["end"] = [t(f"readiness_end_{k}", lang) if k in ("indefinite", "unknown") else e
                  for k, e in zip(kind, loc["end"].tolist(), strict=True)]  # fmt: skip
    cols = [c for c in ("id", "municipality", "name", "places", "target_group", "type", "start",
                        "end", "counts_from", "counts_to", "status_label", "why",
                        "durable_until", "extend_to") if c in loc]  # fmt: skip
    loc_heads = {
        "counts_from": t("readiness_col_counts", lang, cycle=frm),
        "counts_to": t("readiness_col_counts", lang, cycle=to),
        "status_label": t("readiness_col_status", lang),
        "why": t("readiness_why", lang),
        "durable_until": t("readiness_col_durable_until", lang),
        "extend_to": t("readiness_col_extend_to", lang),
    }
    loc_out = label_frame(loc[cols], lang, drop=())
    loc_out.columns = [loc_heads.get(k, h) for k, h in zip(cols, loc_out.columns, strict=True)]
    return {"municipalities": mun_out, "locations": loc_out}


def readiness_csv(res: Readiness, lang: Lang = "nl", table: str = "municipalities") -> str:
    """One table as CSV in the reader's words (:func:`readiness_reader_tables`); an
    assumed cycle adds a column that says so on every row."""
    frame = readiness_reader_tables(res, lang)[table]
    if res.assumed:
        frame = frame.assign(**{t("cycle_status", lang): t("cycle_status_assumed", lang)})
    return frame_csv(frame)
