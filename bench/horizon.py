"""Benchmark of the plan over the years (issue 13): Overijssel, 2 cycles, monthly 2025-2030.

Run from the repository root (``python bench/run.py`` runs it too, as a section)::

    python bench/horizon.py [--quick]

What is measured
----------------
- *end to end*: load the data folder, read ``scenarios/horizon-2025-2030.yaml`` (66
  months, cycle 1 and the assumed cycle 2), lay out the months and cycles, state the
  model, solve every level (per cycle three shortfalls, continuity, new places, swap
  volume, tie-break), read the answer and make its JSON form.
- *bare HiGHS*: the same model, already built, handed to HiGHS and its levels solved.
- *model size and time* against the number of months (12, 24, 48, 66; the same two
  cycles) and of municipalities (25, 100, 342: the synthetic country of ``planner
  national``, with a cycle 2 whose quotas are cycle 1's x 88/96, over the same 66
  months). The country falls apart into provinces (swaps stay inside them): they are
  solved apart, in local processes (``solve_horizon``'s default for a large model);
  ``parts`` is how many.
- the machine's load average when the run starts and ends (the machine is shared: a
  load above the cores makes every time longer).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from planner.data.loader import load_dataset  # noqa: E402
from planner.data.national import SCENARIO_FILE, generate_country, write_country  # noqa: E402
from planner.optimise.horizon import solve_horizon  # noqa: E402
from planner.optimise.levels import HighsLevels, solve_levels  # noqa: E402
from planner.optimise.matrix import split  # noqa: E402
from planner.optimise.model import create_time_model, time_level_names  # noqa: E402
from planner.optimise.time_instance import build_time_instance  # noqa: E402
from planner.reports.horizon import horizon_dict  # noqa: E402
from planner.scenario.schema import Horizon, load_scenario  # noqa: E402

SCENARIO = REPO / "scenarios" / "horizon-2025-2030.yaml"
MONTHS_END = {12: "2026-06-01", 24: "2027-06-01", 48: "2029-06-01", 66: "2030-12-01"}


def end_to_end(data: Path | None, scenario: Path, horizon: Horizon | None = None) -> dict:
    t0 = time.perf_counter()
    ds = load_dataset(data)
    sc = load_scenario(scenario, ds)
    if horizon is not None:
        sc = sc.model_copy(update={"horizon": horizon})
    t1 = time.perf_counter()
    res = solve_horizon(ds, sc)
    horizon_dict(res)
    t2 = time.perf_counter()
    assert res.status.value == "optimal", res.status
    parts = len(split(res.model.mm)) if res.model is not None else 1
    return {"load": t1 - t0, **{k: v for k, v in res.seconds.items() if k != "total"},
            "report": t2 - t1 - res.seconds["total"], "total": t2 - t0,
            "size": {**res.size, "parts": parts}}  # fmt: skip


def bare(data: Path | None, scenario: Path, horizon: Horizon | None = None) -> float:
    ds = load_dataset(data)
    sc = load_scenario(scenario, ds)
    if horizon is not None:
        sc = sc.model_copy(update={"horizon": horizon})
    ti = build_time_instance(ds, sc)
    mm = create_time_model(ti).mm
    levels = time_level_names(ti, list(sc.objective), sc.solver.tie_break)
    t0 = time.perf_counter()
    run = solve_levels(HighsLevels(mm, 600.0), mm, levels, 600.0)
    assert run.status.value == "optimal"
    return time.perf_counter() - t0


def median(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def national_folder(tmp: Path, n: int, seed: int = 1) -> Path:
    """The synthetic country (or its first ``n`` connected municipalities) with a cycle 2
    (window 1 Jul 2027 - 1 Feb 2028, durable 5 years) whose quotas are cycle 1's x 88/96."""
    folder = tmp / f"nl-{n}"
    write_country(generate_country(seed=seed, municipalities=n), folder, force=True)
    with (folder / "cycles.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    second = {
        **rows[0],
        "id": "cycle-2",
        "name": "Cycle 2 (synthetic)",
        "window_start": "2027-07-01",
        "window_end": "2028-02-01",
        "min_years": "5",
    }
    with (folder / "cycles.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, [*rows[0], "min_years"], lineterminator="\n")
        w.writeheader()
        w.writerows([{**rows[0], "min_years": ""}, second])
    ds = load_dataset(folder)
    with (folder / "quotas.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["cycle", "municipality", "quota", "amv_quota", "source"])
        for name, q, a in zip(ds.municipalities["name"], ds.municipalities["quota"],
                              ds.municipalities["amv_quota"], strict=True):  # fmt: skip
            q2, a2 = round(int(q) * 88 / 96), round(int(a) * 88 / 96)
            w.writerow(["cycle-2", name, q2, min(a2, q2), "synthetic x 88/96"])
    return folder


def run(quick: bool = False) -> dict:
    repeats = 3 if quick else 7
    load_before = os.getloadavg()[0]
    rows = [end_to_end(None, SCENARIO) for _ in range(repeats)]
    bares = [bare(None, SCENARIO) for _ in range(repeats)]
    out: dict = {
        "scenario": SCENARIO.name,
        "repeats": repeats,
        "median": {k: median(rows, k) for k in rows[0] if k != "size"},
        "size": rows[0]["size"],
        "bare_highs": statistics.median(bares),
    }
    out["ratio_to_bare"] = out["median"]["total"] / out["bare_highs"]
    months = {}
    for n, end in MONTHS_END.items():
        h = Horizon(start="2025-07-01", end=end, cycles=["cycle-1", "cycle-2"])
        r = [end_to_end(None, SCENARIO, h) for _ in range(1 if quick else 3)]
        months[n] = {"total": median(r, "total"), "solve": median(r, "solve"), **r[0]["size"]}
    out["by_months"] = months
    munis = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (25, 100, 342):
            folder = national_folder(Path(tmp), n)
            h = Horizon(start="2025-07-01", end=MONTHS_END[66], cycles=["cycle-1", "cycle-2"])
            r = end_to_end(folder, folder / SCENARIO_FILE, h)
            munis[n] = {"total": r["total"], "solve": r["solve"], "months": 66, **r["size"]}
    out["by_municipalities"] = munis
    out["load_average"] = [load_before, os.getloadavg()[0]]
    out["cores"] = os.cpu_count()
    return out


def report_lines(o: dict) -> tuple[list[str], list[dict]]:
    m = o["median"]
    lines = [
        f"Plan over the years: {o['scenario']} (Overijssel, cycle 1 + assumed cycle 2, 66 "
        f"months), end to end, median of {o['repeats']}",
        f"  total {m['total']:.3f} s = load+read {m['load']:.3f} + months and cycles "
        f"{m['instance']:.3f} + model {m['model']:.3f} + solve {m['solve']:.3f} + answer "
        f"{m['results']:.3f} + JSON {m['report']:.3f}; bare HiGHS {o['bare_highs']:.3f} s: "
        f"{o['ratio_to_bare']:.2f}x",
        f"  model: {o['size']['columns']} columns ({o['size']['integer_columns']} integer) x "
        f"{o['size']['rows']} rows, {o['size']['nonzeros']} non-zeros",
        "  by months (Overijssel, 2 cycles):",
    ]
    for n, r in o["by_months"].items():
        lines.append(f"    {n:>3} months: {r['columns']:>6} columns ({r['integer_columns']:>5} "
                     f"integer) x {r['rows']:>6} rows: {r['total']:.3f} s (solve "
                     f"{r['solve']:.3f} s)")  # fmt: skip
    lines.append("  by municipalities (synthetic country, 2 cycles, 66 months, provinces apart):")
    for n, r in o["by_municipalities"].items():
        lines.append(f"    {n:>3} municipalities: {r['columns']:>6} columns "
                     f"({r['integer_columns']:>5} integer) x {r['rows']:>6} rows, "
                     f"{r['parts']} parts: {r['total']:.2f} s "
                     f"(solve {r['solve']:.2f} s)")  # fmt: skip
    lines.append(f"  load average {o['load_average'][0]:.1f} -> {o['load_average'][1]:.1f} "
                 f"on {o['cores']} cores")  # fmt: skip
    targets = [
        {"target": "Overijssel 2 cycles x 66 months end to end <= 1 s (median)",
         "value": f"{m['total']:.3f} s", "ok": m["total"] <= 1.0},
        {"target": "Overijssel 2 cycles x 66 months <= 3x bare HiGHS",
         "value": f"{o['ratio_to_bare']:.2f}x", "ok": o["ratio_to_bare"] <= 3},
        {"target": "national 342 municipalities x 66 months end to end <= 30 s",
         "value": f"{o['by_municipalities'][342]['total']:.1f} s",
         "ok": o["by_municipalities"][342]["total"] <= 30},
    ]  # fmt: skip
    return lines, targets


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true")
    p.add_argument("--out", type=Path, default=None, help="also write the numbers as JSON")
    args = p.parse_args(argv)
    o = run(args.quick)
    lines, targets = report_lines(o)
    print("\n".join(lines))
    for t in targets:
        print(f"  {t['target']}: {t['value']} {'PASS' if t['ok'] else 'FAIL'}")
    if args.out:
        args.out.write_text(json.dumps({**o, "targets": targets}, indent=2, default=str) + "\n")
    return 0 if all(t["ok"] for t in targets) else 1


if __name__ == "__main__":
    raise SystemExit(main())
