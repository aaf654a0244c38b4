"""Summary of a risk run: distributions, the result, its text and progress display.

Importance of a plan
--------------------
The drop in expected shortfall when a plan is certain: ``E[S] - E[S | plan certain]``.
Plans are drawn independently, so making one certain leaves the others' distribution
unchanged and ``E[S | plan certain]`` is the mean over the draws in which the plan
materialised in time; both means come from the same draws, no extra solves. A plan
with probability 1 (and no delay) has importance 0; a plan that never materialised in
the draws has no estimate (``None``).
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd

from planner.formats import Words, fmt_num, say
from planner.i18n import t
from planner.risk.solving import SweepModel
from planner.tables import jsonable, records

__all__ = ["QUANTILES", "Progress", "RiskStatus", "Distribution", "RiskResult", "summarise",
           "progress_bar", "risk_text"]  # fmt: skip

#: Percentiles reported for every distribution.
QUANTILES = (10, 50, 90)

Progress = Callable[[int, int], None]


class RiskStatus(StrEnum):
    """How a risk run ended."""

    OK = "ok"  # every draw solved to optimality
    PARTIAL = "partial"  # some draws hit the time limit or failed; see ``failed_draws``
    FAILED = "failed"  # no draw could be solved


@dataclass(frozen=True)
class Distribution:
    """Mean and percentiles of a quantity over the draws."""

    mean: float
    p10: float
    p50: float
    p90: float

    @classmethod
    def of(cls, x: np.ndarray) -> Distribution:
        """``p10`` is the smallest drawn value with at least 10% of draws at or below it
        (the same for ``p50``, ``p90``): always a value that occurred."""
        if len(x) == 0:
            return cls(math.nan, math.nan, math.nan, math.nan)
        q = np.percentile(x, QUANTILES, method="inverted_cdf")
        return cls(float(np.mean(x)), float(q[0]), float(q[1]), float(q[2]))

    def to_dict(self) -> dict[str, float | None]:
        return jsonable({"mean": self.mean, "p10": self.p10, "p50": self.p50, "p90": self.p90})


@dataclass
class RiskResult:
    """The outcome of a risk run.

    ``provinces`` has per province its quota, shortfall distribution and ``p_meet``
    (share of draws with no provincial shortfall); ``municipalities`` per municipality
    the shortfall and amv shortfall distributions and ``p_short``; ``plans`` per
    uncertain plan its probability (of being in time, delays included), how often it
    materialised and its importance (drop in expected provincial / amv / municipal
    shortfall when certain). ``samples`` has one row per draw.
    """

    scenario: str
    status: RiskStatus
    draws: int
    seed: int
    backend: str
    workers: int
    seconds: float
    levels: list[str]
    provincial: Distribution
    amv: Distribution
    municipal: Distribution
    p_meet_quota: float | None
    provinces: pd.DataFrame
    municipalities: pd.DataFrame
    plans: pd.DataFrame
    samples: pd.DataFrame = field(repr=False)
    failed_draws: list[int] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``planner risk --format json``)."""
        return {
            "scenario": self.scenario,
            "status": self.status.value,
            "draws": self.draws,
            "seed": self.seed,
            "backend": self.backend,
            "workers": self.workers,
            "seconds": round(self.seconds, 3),
            "quantiles": list(QUANTILES),
            "provincial_shortfall": self.provincial.to_dict(),
            "amv_shortfall": self.amv.to_dict(),
            "municipal_shortfall": self.municipal.to_dict(),
            "p_meet_quota": self.p_meet_quota,
            "provinces": records(self.provinces),
            "municipalities": records(self.municipalities),
            "plans": records(self.plans),
            "failed_draws": list(self.failed_draws),
            "messages": jsonable(list(self.messages)),
        }


def _row(d: Distribution) -> dict[str, float]:
    return {"mean": d.mean, "p10": d.p10, "p50": d.p50, "p90": d.p90}


def summarise(
    sm: SweepModel,
    cat: dict[str, np.ndarray],
    draws: int,
    meta: dict[str, Any],
    messages: list[str],
) -> RiskResult:
    ok = cat["status"] == 0
    failed = [int(i) for i in cat["index"][~ok]]
    levels = np.round(cat["levels"][ok], 6) + 0.0
    values = np.round(cat["values"][ok], 6) + 0.0
    avail = cat["available"][ok]
    n_mun, n_prov = len(sm.names), len(sm.provinces)
    short = values[:, :n_mun]
    amv_short = values[:, n_mun : 2 * n_mun]
    prov_short = values[:, 2 * n_mun : 2 * n_mun + n_prov]
    col = {name: i for i, name in enumerate(sm.levels)}

    def level(name: str) -> np.ndarray:
        return levels[:, col[name]] if name in col else np.zeros(len(levels))

    provincial, amv, municipal = (
        level("provincial_shortfall"),
        level("amv_shortfall"),
        level("municipal_shortfall"),
    )
    rows = []
    for k, p in enumerate(sm.provinces):
        d = Distribution.of(prov_short[:, k])
        meet = float(np.mean(prov_short[:, k] < 0.5)) if len(values) else None
        rows.append({"province": p, **_row(d), "p_meet": meet})
    provinces = pd.DataFrame(rows, columns=["province", "mean", "p10", "p50", "p90", "p_meet"])
    rows = []
    for k, name in enumerate(sm.names):
        d = Distribution.of(short[:, k])
        a = Distribution.of(amv_short[:, k])
        p_short = float(np.mean(short[:, k] >= 0.5)) if len(values) else None
        amv_part = {f"amv_{k2}": v for k2, v in _row(a).items()}
        rows.append({"name": name, **_row(d), "p_short": p_short, **amv_part})
    municipalities = pd.DataFrame(rows)
    rows = []
    for k, plan in enumerate(sm.plans):
        hit = avail[:, k]
        row: dict[str, Any] = {
            "id": plan.id,
            "municipality": plan.municipality,
            "places": plan.places,
            "probability": plan.probability,
            "p_in_time": plan.p_in_time,
            "realised_share": float(hit.mean()) if len(hit) else None,
        }
        for label, x in (("provincial", provincial), ("amv", amv), ("municipal", municipal)):
            row[f"importance_{label}"] = (
                float(np.mean(x) - np.mean(x[hit])) + 0.0 if hit.any() else None
            )
        rows.append(row)
    plans = pd.DataFrame(
        rows,
        columns=["id", "municipality", "places", "probability", "p_in_time", "realised_share",
                 "importance_provincial", "importance_amv", "importance_municipal"],
    ).sort_values(["importance_provincial", "id"], ascending=[False, True], na_position="last",
                  kind="stable").reset_index(drop=True)  # fmt: skip
    samples = pd.DataFrame(
        {"draw": cat["index"][ok], "provincial_shortfall": provincial,
         "amv_shortfall": amv, "municipal_shortfall": municipal}
    )  # fmt: skip
    for k, plan in enumerate(sm.plans):
        samples[plan.id] = avail[:, k]
    if failed:
        messages.append(
            Words("risk_failed_draws", n=len(failed), draws=draws,
                  ids=", ".join(str(i) for i in failed[:10]))
        )  # fmt: skip
    status = RiskStatus.FAILED if not ok.any() else RiskStatus.PARTIAL if failed else RiskStatus.OK
    return RiskResult(
        levels=list(sm.levels),
        status=status,
        draws=draws,
        provincial=Distribution.of(provincial),
        amv=Distribution.of(amv),
        municipal=Distribution.of(municipal),
        p_meet_quota=float(np.mean(provincial < 0.5)) if len(provincial) else None,
        provinces=provinces,
        municipalities=municipalities,
        plans=plans,
        samples=samples,
        failed_draws=failed,
        messages=messages,
        **meta,
    )


def progress_bar(stream=None, width: int = 30, lang: str | None = None) -> Progress:
    """A progress callback that draws ``[#####-----] 430/1000 draws  3.1 s`` on one
    line of a terminal (carriage return), and a new line when done."""
    out = stream or sys.stderr
    t0 = time.perf_counter()
    if lang is None:
        from planner.i18n.errors import LANG

        lang = LANG.get()
    word = t("risk_draws_word", lang)

    def show(done: int, total: int) -> None:
        filled = int(width * done / max(1, total))
        out.write(
            f"\r[{'#' * filled}{'-' * (width - filled)}] {done}/{total} {word}  "
            f"{time.perf_counter() - t0:.1f} s"
        )
        if done >= total:
            out.write("\n")
        out.flush()

    return show


def risk_text(r: RiskResult, lang: str = "nl") -> str:
    """The risk summary as terminal tables."""
    from planner.tables import text_table

    nl = lang == "nl"
    workers = t("risk_workers_one" if r.workers == 1 else "risk_workers_many", lang,
                n=r.workers)  # fmt: skip
    head = [
        f"Scenario: {r.scenario}",
        t("risk_head", lang, draws=r.draws, seed=r.seed,
          backend=t(f"risk_backend_{r.backend}", lang), workers=workers,
          seconds=fmt_num(r.seconds, lang), status=t(f"risk_status_{r.status.value}", lang)),
        "",
    ]  # fmt: skip
    if r.status is RiskStatus.FAILED:  # no draw has an answer: no figures to show
        return "\n".join([*head, *[f"! {say(m, lang)}" for m in r.messages]])
    rows = [
        ["provinciaal tekort" if nl else "provincial shortfall", *_dist(r.provincial)],
        ["amv-tekort (som)" if nl else "amv shortfall (sum)", *_dist(r.amv)],
        ["som gemeentelijke tekorten" if nl else "sum of municipal shortfalls",
         *_dist(r.municipal)],
    ]  # fmt: skip
    cols = ["", "gemiddeld" if nl else "mean", "P10", "P50", "P90"]
    parts = [*head, text_table(rows, cols), ""]
    label = "kans opgave gehaald" if nl else "P(meets quota)"
    prov = [[p.province, *_dist(p), f"{p.p_meet:.0%}"] for p in r.provinces.itertuples()]
    parts += [text_table(prov, ["provincie" if nl else "province", *cols[1:], label]), ""]
    mun = [
        [m.name, *_dist(m), f"{m.p_short:.0%}"]
        for m in r.municipalities.itertuples()
        if m.p_short > 0
    ]
    if mun:
        kans = "kans tekort" if nl else "P(short)"
        parts += [text_table(mun, ["gemeente" if nl else "municipality", *cols[1:], kans]), ""]
    plans = [
        [p.id, p.municipality, p.places, f"{p.p_in_time:.0%}",
         _num(p.importance_provincial), _num(p.importance_municipal)]
        for p in r.plans.itertuples()
    ]  # fmt: skip
    if plans:
        parts.append(
            text_table(
                plans,
                [
                    "plan",
                    "gemeente" if nl else "municipality",
                    "plekken" if nl else "places",
                    "kans tijdig" if nl else "P(in time)",
                    "daling prov. tekort" if nl else "drop prov. shortfall",
                    "daling gem. tekorten" if nl else "drop mun. shortfall",
                ],
            )  # fmt: skip
        )
        parts.append(
            "daling = verwachte tekort min verwachte tekort als het plan zeker is"
            if nl
            else "drop = expected shortfall minus expected shortfall if the plan were certain"
        )
    parts += [f"! {say(m, lang)}" for m in r.messages]
    return "\n".join(parts)


def _dist(d) -> list[float | int]:
    def whole(x: float) -> float | int:
        return int(round(x)) if abs(x - round(x)) < 1e-6 else round(x, 1)

    return [round(float(d.mean), 1), whole(d.p10), whole(d.p50), whole(d.p90)]


def _num(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), 1)
