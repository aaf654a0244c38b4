"""Comparing solved scenarios side by side, with a diff of their inputs.

A board meeting compares "what we have" with "what if": per municipality, region and
province the figures of each scenario and the difference with the first, and which
inputs differ (rules, swap policy, locations, candidates, swaps), so nobody has to
guess why a number moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from planner.i18n import Lang, t
from planner.optimise.instance import Instance
from planner.optimise.solve import SolveResult, Status
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
        nl = lang == "nl"
        return {
            "doelen" if nl else "objectives": self.levels,
            "provincie" if nl else "province": self.province,
            "regio's" if nl else "regions": self.regions,
            "gemeenten" if nl else "municipalities": self.municipalities,
            "invoerverschillen" if nl else "input differences": self.inputs,
        }

    def text(self, lang: Lang = "nl") -> str:
        nl = lang == "nl"
        out = [
            ("Vergelijking: " if nl else "Comparison: ")
            + "  |  ".join(f"[{lab}] {r.scenario}" for lab, r in zip(self.labels, self.results,
                                                                      strict=True))
        ]  # fmt: skip
        out.append("")
        head = ["", *self.labels, *(f"Δ {lab}" for lab in self.labels[1:])]
        rows = []
        for _, row in self.levels.iterrows():
            rows.append([row["level"], *(row[lab] for lab in self.labels),
                         *(row[f"diff[{lab}]"] for lab in self.labels[1:])])  # fmt: skip
        out.append(text_table(rows, head))
        shown = ("credited[", "shortfall[")
        cols = [c for c in self.municipalities.columns if c.startswith(shown)]
        cols += [
            c
            for c in self.municipalities.columns
            if c.startswith(tuple("diff_" + x for x in shown))
        ]
        changed = self.municipalities[
            self.municipalities[[c for c in cols if c.startswith("diff_")]].ne(0).any(axis=1)
        ] if len(self.labels) > 1 else self.municipalities  # fmt: skip
        out.append("")
        out.append(
            ("Gemeenten met verschillen:" if nl else "Municipalities that differ:")
            + ("" if len(changed) else (" geen" if nl else " none"))
        )
        if len(changed):
            out.append(
                text_table(changed[["name", *cols]].values.tolist(), [t("name", lang), *cols])
            )
        out.append("")
        out.append("Invoerverschillen:" if nl else "Input differences:")
        if self.inputs.empty:
            out.append("  geen" if nl else "  none")
        for _, row in self.inputs.iterrows():
            values = " | ".join(f"{lab}: {row[lab]}" for lab in self.labels)
            out.append(f"  - {row['section']} {row['key']} {row['field']}: {values}")
        return "\n".join(out)


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
