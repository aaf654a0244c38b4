"""Comparing solved scenarios side by side, with a diff of their inputs.

A board meeting compares "what we have" with "what if": per municipality, region and
province the figures of each scenario and the difference with the first, and which
inputs differ (rules, swap policy, locations, candidates, swaps), so nobody has to
guess why a number moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from planner.formats import code_label, column_label, fmt_date, fmt_value, label_frame
from planner.i18n import Lang, t
from planner.optimise.instance import Instance
from planner.optimise.solve import SolveResult, Status
from planner.results.solution import level_label
from planner.tables import jsonable, records, text_table

__all__ = ["Comparison", "compare_results", "input_diff", "METRICS"]

#: Figures compared per municipality, region and province.
METRICS = (
    "places",
    "amv_places",
    "credited",
    "amv_credited",
    "shortfall",
    "amv_shortfall",
)
_LEVEL_METRICS = (*METRICS[:2], "credited", "amv_credited", "shortfall", "amv_shortfall",
                  "municipal_shortfall")  # fmt: skip


@dataclass
class Comparison:
    """Scenarios side by side. ``labels[0]`` is the reference for the differences."""

    labels: list[str]
    results: list[SolveResult]
    municipalities: pd.DataFrame
    regions: pd.DataFrame
    province: pd.DataFrame
    levels: pd.DataFrame
    inputs: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenarios": [
                {"label": lab, "name": r.scenario, "status": r.status.value}
                for lab, r in zip(self.labels, self.results, strict=True)
            ],
            "levels": records(self.levels),
            "province": records(self.province),
            "regions": records(self.regions),
            "municipalities": records(self.municipalities),
            "inputs": records(self.inputs),
        }

    def sheets(self, lang: Lang = "nl") -> dict[str, pd.DataFrame]:
        """The comparison as workbook sheets with the reader's headers: ``Realisatie ·
        base``, ``Δ Tekort · borne`` (no internal keys)."""
        nl = lang == "nl"
        levels = self.levels.assign(level=[level_label(n, lang) for n in self.levels["level"]])
        province = self.province.drop(columns=["level"])
        inputs = self.inputs.assign(
            section=[code_label(v, lang) for v in self.inputs["section"]],
            field=[column_label(v, lang) for v in self.inputs["field"]],
        )
        for lab in self.labels:
            inputs[lab] = [
                _value_words(v, lang, f)
                for v, f in zip(self.inputs[lab], self.inputs["field"], strict=True)
            ]
        return {
            "doelen" if nl else "objectives": _relabel(levels, lang),
            "provincie" if nl else "province": _relabel(province, lang),
            "regio's" if nl else "regions": _relabel(self.regions, lang),
            "gemeenten" if nl else "municipalities": _relabel(self.municipalities, lang),
            "invoerverschillen" if nl else "input differences": _relabel(inputs, lang),
        }

    def text(self, lang: Lang = "nl") -> str:
        """The comparison for a terminal of about 100 columns: one narrow table per
        section (objectives, province, each region, then per measure the municipalities
        that differ), labels instead of keys, Dutch numbers."""
        labels = self.labels
        # Columns headed by the labels while they fit in about 100 characters, else by
        # letters A, B, C with the labels in the legend above.
        width = 28 + sum(max(len(x) + 2, 8) + 2 for x in [*labels, *labels[1:]])
        short = labels if width <= 100 else [chr(ord("A") + i) for i in range(len(labels))]
        out = [f"{t('cmp_title', lang)}:"]
        for key, lab, r in zip(short, labels, self.results, strict=True):
            out.append(
                f"  [{key}] {lab}: {r.scenario}" if key != lab else f"  [{lab}] {r.scenario}"
            )
        head = [t("cmp_measure", lang), *short, *(f"Δ {key}" for key in short[1:])]

        def block(title: str, rows: list[list[Any]], first: str | None = None) -> None:
            out.extend(["", title, text_table(rows, [first or head[0], *head[1:]], lang=lang)])

        rows = [
            [level_label(row["level"], lang), *(row[lab] for lab in labels),
             *(row[f"diff[{lab}]"] for lab in labels[1:])]
            for _, row in self.levels.iterrows()
        ]  # fmt: skip
        block(t("cmp_objectives", lang), rows)
        block(t("cmp_province", lang), _measure_rows(self.province.iloc[0], labels, lang))
        for _, reg in self.regions.iterrows():
            title = f"{t('region', lang)} {reg['region']}"
            block(title, _measure_rows(reg, labels, lang))
        diff_cols = [c for c in self.municipalities.columns if c.startswith("diff_")]
        changed = self.municipalities[self.municipalities[diff_cols].ne(0).any(axis=1)]
        out.append("")
        out.append(
            f"{t('cmp_municipalities', lang)}:"
            + ("" if len(changed) else f" {t('cmp_none', lang)}")
        )
        for measure in ("credited", "shortfall"):
            if not len(changed):
                break
            rows = [
                [m["name"], *(m[f"{measure}[{lab}]"] for lab in labels),
                 *(m[f"diff_{measure}[{lab}]"] for lab in labels[1:])]
                for _, m in changed.iterrows()
            ]  # fmt: skip
            block(t(measure, lang), rows, first=t("name", lang))
        out.append("")
        out.append(t("cmp_inputs", lang))
        if self.inputs.empty:
            out.append(f"  {t('cmp_none', lang)}")
        for _, row in self.inputs.iterrows():
            values = " | ".join(
                f"{key}: {_value_words(row[lab], lang, row['field'])}"
                for key, lab in zip(short, labels, strict=True)
            )
            what = " ".join(
                x for x in (code_label(row["section"], lang), str(row["key"]),
                            column_label(row["field"], lang)) if x
            )  # fmt: skip
            line = f"  - {what}: {values}"
            if len(line) <= 100:
                out.append(line)
            else:  # one scenario per line rather than a line wider than the terminal
                out.append(f"  - {what}:")
                out += [f"      {v}" for v in values.split(" | ")]
        return "\n".join(out)


def _measure_rows(level: pd.Series, labels: list[str], lang: Lang) -> list[list[Any]]:
    """Rows ``measure, value per scenario, difference per scenario`` of one level."""
    rows = []
    for m in _LEVEL_METRICS:
        if f"{m}[{labels[0]}]" not in level:
            continue
        rows.append(
            [t(m, lang), *(level[f"{m}[{lab}]"] for lab in labels),
             *(level[f"diff_{m}[{lab}]"] for lab in labels[1:])]
        )  # fmt: skip
    return rows


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _value_words(value: Any, lang: Lang, field: str = "") -> str:
    """An input value as the reader reads it (yes/no, codes, policies, lists, dates)."""
    from planner.i18n import LABELS

    if value is None or value == "":
        return "-"
    if isinstance(value, str) and f"{field}_{value}" in LABELS:  # policy_region
        return t(f"{field}_{value}", lang)
    if value in ("yes", "no"):
        return t(value, lang)
    if isinstance(value, str) and value in ("True", "False"):
        return t("yes" if value == "True" else "no", lang)
    if isinstance(value, str) and _ISO_DATE.match(value):
        return fmt_date(value, lang)
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        return ", ".join(x.strip(" '\"") for x in value[1:-1].split(",")) or "-"
    return code_label(value, lang) if isinstance(value, str) else fmt_value(value, lang)


_WIDE = re.compile(r"^(diff_)?(.+)\[(.+)\]$")


def _relabel(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Headers of a wide comparison table in words: ``diff_shortfall[borne]`` ->
    ``Δ Tekort · borne``; the rest through :func:`planner.formats.label_frame`."""
    names = {}
    for col in frame.columns:
        match = _WIDE.match(str(col))
        if match:
            diff, key, lab = match.groups()
            label = t("col_difference", lang) if key == "diff" else column_label(key, lang)
            names[col] = f"{'Δ ' if diff else ''}{label} · {lab}"
    renamed = frame.rename(columns=names)
    out = label_frame(renamed, lang)
    out.columns = [names.get(c, c) if c in names else c for c in out.columns]
    return out


def _wide(frames: list[pd.DataFrame], labels: list[str], key: list[str], metrics) -> pd.DataFrame:
    base = frames[0][key].copy()
    for frame, lab in zip(frames, labels, strict=True):
        sub = frame.set_index(key)
        for m in metrics:
            if m in sub:
                base[f"{m}[{lab}]"] = base.set_index(key).index.map(sub[m]).to_numpy()
    for lab in labels[1:]:
        for m in metrics:
            if f"{m}[{lab}]" in base:
                base[f"diff_{m}[{lab}]"] = base[f"{m}[{lab}]"] - base[f"{m}[{labels[0]}]"]
    return base


def _fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return "" if pd.isna(value) else f"{value:%Y-%m-%d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table_diff(
    section: str, frames: list[pd.DataFrame], labels: list[str], key: str, fields: list[str]
) -> list[dict[str, Any]]:
    rows = []
    keys = sorted(set().union(*(set(f[key]) for f in frames)))
    idx = [f.set_index(key) for f in frames]
    for k in keys:
        present = [k in f.index for f in idx]
        if not all(present):
            shown = {lab: ("yes" if p else "no") for lab, p in zip(labels, present, strict=True)}
            rows.append({"section": section, "key": k, "field": "present", **shown})
            continue
        for field in fields:
            values = [_fmt(f.at[k, field]) if field in f.columns else "" for f in idx]
            if len(set(values)) > 1:
                rows.append({"section": section, "key": k, "field": field,
                             **dict(zip(labels, values, strict=True))})  # fmt: skip
    return rows


def input_diff(instances: list[Instance], labels: list[str]) -> pd.DataFrame:
    """Which inputs differ between scenarios: rules, swap settings, limits, objective
    order, locations (places, dates, decision, closed, counts), candidates and swaps."""
    rows: list[dict[str, Any]] = []

    def setting(section: str, field: str, values: list[Any]) -> None:
        shown = [_fmt(v) for v in values]
        if len(set(shown)) > 1:
            rows.append({"section": section, "key": "", "field": field,
                         **dict(zip(labels, shown, strict=True))})  # fmt: skip

    for field in ("window_start", "window_end", "require_decision", "soft_plans_count"):
        setting("rules", field, [getattr(i.rules, field) for i in instances])
    for field in ("policy", "max_per_pair", "max_in_per_municipality", "amv", "givers",
                  "receivers"):  # fmt: skip
        setting("swaps", field, [getattr(i.scenario.swaps, field) for i in instances])
    for field in ("max_new_locations", "max_new_places", "max_cost"):
        setting("limits", field, [getattr(i.scenario.limits, field) for i in instances])
    setting("objective", "order", [" > ".join(i.scenario.objective) for i in instances])
    locs = [i.report.locations for i in instances]
    rows += _table_diff("location", locs, labels, "id",
                        ["places", "start", "end", "decided", "closed", "counts"])  # fmt: skip
    cands = [i.candidates for i in instances]
    rows += _table_diff("candidate", cands, labels, "id",
                        ["municipality", "lo", "hi", "target_group", "start", "end", "cost",
                         "must_open", "can_count"])  # fmt: skip
    swaps = [i.report.swaps for i in instances]
    rows += _table_diff("swap", swaps, labels, "id",
                        ["from_municipality", "to_municipality", "places", "amv_places",
                         "start", "end", "status", "counts"])  # fmt: skip
    return pd.DataFrame(rows, columns=["section", "key", "field", *labels])


def compare_results(results: list[SolveResult], labels: list[str] | None = None) -> Comparison:
    """Compare two or more solved scenarios; the first is the reference.

    Parameters
    ----------
    results
        Solved scenarios (each with its instance).
    labels
        Short unique labels (default: A, B, C, ...).

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> from planner.scenario.schema import Scenario
    >>> from planner.optimise.solve import solve_scenario
    >>> ds = load_dataset()
    >>> a = solve_scenario(ds, Scenario(name="base"))
    >>> b = solve_scenario(ds, Scenario(name="borne", candidates=[{"id": "b",
    ...     "municipality": "Borne", "max_places": 150, "start": "2025-05-01"}]))
    >>> c = compare_results([a, b])
    >>> int(c.province.loc[0, "diff_shortfall[B]"])
    -150
    """
    if len(results) < 2:
        raise ValueError("compare needs at least two scenarios")
    bad = [r for r in results if r.status not in (Status.OPTIMAL, Status.TIME_LIMIT)]
    if bad:
        raise ValueError(
            "cannot compare scenarios without an answer: "
            + ", ".join(f"{r.scenario} ({r.status.value})" for r in bad)
        )
    labels = labels or [chr(ord("A") + i) for i in range(len(results))]
    if len(set(labels)) != len(labels):
        raise ValueError(f"labels must be unique: {labels}")
    mun = _wide([r.municipalities for r in results], labels, ["name", "region"], METRICS)
    reg = _wide([r.regions for r in results], labels, ["region"], _LEVEL_METRICS)
    prov_frames = [pd.DataFrame([jsonable(r.province.to_dict())]).assign(level="province")
                   for r in results]  # fmt: skip
    prov = _wide(prov_frames, labels, ["level"], _LEVEL_METRICS)
    lv = pd.DataFrame({"level": [lv.name for lv in results[0].levels]})
    for lab, r in zip(labels, results, strict=True):
        values = {x.name: x.value for x in r.levels}
        lv[lab] = lv["level"].map(values)
    for lab in labels[1:]:
        lv[f"diff[{lab}]"] = lv[lab] - lv[labels[0]]
    inputs = input_diff([r.instance for r in results], labels)
    return Comparison(labels, results, mun, reg, prov, lv, inputs)
