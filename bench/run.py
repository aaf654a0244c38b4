"""Benchmarks of issue 6: Overijssel end to end, the national instance, the risk sweep.

Run from the repository root::

    python bench/run.py            # full run (several minutes; PuLP+CBC on national too)
    python bench/run.py --quick    # fewer repeats, smaller baseline samples, no national CBC

Prints a table (medians of repeated runs, ratios measured in the same run, PASS/FAIL per
target) and writes ``bench/results/<date>_<time>.json``. Not part of pytest: timing
depends on the machine (2 shared cores here) and is noisy.

What is measured
----------------
- *end to end*: load the data folder, read the scenario, build the instance, build the
  model, solve every objective level (and the marginal values the result carries),
  build the result tables and their JSON form (``SolveResult.to_dict``).
- *bare HiGHS*: the same model, already built as a matrix, handed to a fresh HiGHS
  (``passModel``) and solved: every objective level in place plus the marginal-value
  LPs the result carries. This is the floor: what remains when building and reporting
  cost nothing. The levels alone are shown beside it.
- *PuLP + CBC*: what a PuLP user would write: build the PuLP model
  (generated from the one statement) and solve every level with CBC
  (``engine="pulp", solver="cbc"``).
- *sweep*: ``run_risk`` on ``scenarios/soft-plans-risk.yaml`` (1,000 draws, every level
  and the tie-break per draw, local processes). Its baselines rebuild the drawn scenario
  and its PuLP problem for every draw and solve it with CBC, and with HiGHS through
  PuLP; that takes up to seconds per draw, so they run on a sample of draws and are
  extrapolated to 1,000 (said in the output).
- *processes*: ``planner solve --format json`` on the national instance and on
  Overijssel as whole processes (imports, data cache, YAML, report), alternately.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from planner.data.loader import load_dataset  # noqa: E402
from planner.data.national import SCENARIO_FILE, generate_country, write_country  # noqa: E402
from planner.optimise.instance import build_instance  # noqa: E402
from planner.optimise.levels import (  # noqa: E402
    PulpLevels,
    new_highs,
    solve_levels,
    solve_levels_by_part,
)
from planner.optimise.marginal import marginal_values_highs  # noqa: E402
from planner.optimise.matrix import split, to_pulp  # noqa: E402
from planner.optimise.model import build_matrix  # noqa: E402
from planner.optimise.solve import solve_instance  # noqa: E402
from planner.risk.sweep import build_sweep, run_risk, sample_draw, solve_patterns  # noqa: E402
from planner.scenario.schema import load_scenario  # noqa: E402

SCENARIOS = REPO / "scenarios"
OVERIJSSEL = "province-swaps.yaml"
RISK = "soft-plans-risk.yaml"


def median_time(fn, repeats: int) -> tuple[float, list[float], object]:
    out = None
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times, out


def end_to_end(data: Path | None, scenario: Path):
    """Load, read, build, solve, report: the path a planner's question takes."""
    t = [time.perf_counter()]
    ds = load_dataset(data)
    sc = load_scenario(scenario, ds)
    t.append(time.perf_counter())
    inst = build_instance(ds, sc)
    t.append(time.perf_counter())
    res = solve_instance(inst, engine="matrix")
    t.append(time.perf_counter())
    res.to_dict()
    t.append(time.perf_counter())
    assert res.status.value == "optimal", res.messages
    return {
        "load": t[1] - t[0],
        "instance": t[2] - t[1],
        "matrix_build": res.build_seconds,
        "solve": res.solve_seconds,
        "solve_and_report": t[3] - t[2],
        "report": t[4] - t[3],
        "total": t[4] - t[0],
    }


def bare_highs(inst, repeats: int) -> dict[str, float]:
    """The floor: a built matrix handed to HiGHS and solved (levels + marginal values),
    part by part as a solve does."""
    sc = inst.scenario
    levels = list(sc.objective) + (["tie_break"] if sc.solver.tie_break else [])
    mm = build_matrix(inst)
    names = list(inst.municipalities["name"])
    rows = []
    for _ in range(repeats):
        h = new_highs(60.0)
        t0 = time.perf_counter()
        h.passModel(mm.to_highs_lp())
        handover = time.perf_counter() - t0
        del h
        t0 = time.perf_counter()
        limit = sc.solver.time_limit
        parts = split(mm)
        run = solve_levels_by_part(mm, levels, limit, parts)
        t1 = time.perf_counter()
        marginal_values_highs(mm, run.x, sc.objective, names, parts=parts)
        t2 = time.perf_counter()
        rows.append({"handover": handover, "levels": t1 - t0, "marginal": t2 - t1,
                     "bare": t2 - t0})  # fmt: skip
    return {k: statistics.median(r[k] for r in rows) for k in rows[0]}


def pulp_cbc(inst, time_limit: float = 600.0, solver: str = "cbc") -> dict[str, float]:
    """The straightforward PuLP way: build the PuLP model, solve every level with CBC
    (or HiGHS through PuLP)."""
    sc = inst.scenario
    levels = list(sc.objective) + (["tie_break"] if sc.solver.tie_break else [])
    t0 = time.perf_counter()
    mm = build_matrix(inst)
    backend = PulpLevels(mm, solver)
    t1 = time.perf_counter()
    run = solve_levels(backend, mm, levels, time_limit)
    t2 = time.perf_counter()
    return {"build": t1 - t0, "solve": t2 - t1, "total": t2 - t0, "status": run.status.value,
            "levels": {lv.name: lv.value for lv in run.levels}}  # fmt: skip


def pulp_cbc_end_to_end(scenario: Path) -> None:
    """The same question the PuLP way: load, build, PuLP model, CBC, report."""
    from planner.optimise.solve import solve_scenario

    ds = load_dataset()
    res = solve_scenario(ds, load_scenario(scenario, ds), solver="cbc", engine="pulp")
    res.to_dict()


def process_seconds(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a whole ``planner`` process (imports included)."""
    import os
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "planner.cli", *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": str(REPO)})  # fmt: skip
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def bench_processes(folder: Path, repeats: int) -> dict:
    """``planner solve --format json`` as whole processes, national and Overijssel
    alternately (so both see the same load on the machine)."""
    nat = ["solve", str(folder / SCENARIO_FILE), "--data", str(folder), "--format", "json"]
    ovr = ["solve", str(SCENARIOS / OVERIJSSEL), "--format", "json"]
    process_seconds(ovr)  # warm the data cache and the file system
    process_seconds(nat)
    n, o = [], []
    for _ in range(repeats):
        n.append(process_seconds(nat))
        o.append(process_seconds(ovr))
    med = {
        "national_wall": statistics.median(w for w, _ in n),
        "national_cpu": statistics.median(c for _, c in n),
        "overijssel_wall": statistics.median(w for w, _ in o),
        "overijssel_cpu": statistics.median(c for _, c in o),
    }
    med["ratio_wall"] = med["national_wall"] / med["overijssel_wall"]
    med["ratio_cpu"] = med["national_cpu"] / med["overijssel_cpu"]
    return med


# --------------------------------------------------------------------------- benchmarks


def bench_overijssel(repeats: int) -> dict:
    path = SCENARIOS / OVERIJSSEL
    end_to_end(None, path)  # warm-up: imports, HiGHS banner
    runs = [end_to_end(None, path) for _ in range(repeats)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    ds = load_dataset()
    inst = build_instance(ds, load_scenario(path, ds))
    floor = bare_highs(inst, repeats)
    cbc = {"total": median_time(lambda: pulp_cbc_end_to_end(path), 3)[0]}
    others = {}
    for p in sorted(SCENARIOS.glob("*.yaml")):
        others[p.stem] = statistics.median(end_to_end(None, p)["total"] for _ in range(3))
    return {
        "scenario": OVERIJSSEL,
        "repeats": repeats,
        "median": med,
        "all_runs_total": [r["total"] for r in runs],
        "bare_highs": floor,
        "pulp_cbc": cbc,
        "ratio_to_bare": med["total"] / floor["bare"],
        "ratio_to_bare_levels": med["total"] / floor["levels"],
        "speedup_vs_pulp_cbc": cbc["total"] / med["total"],
        "other_scenarios_total_median": others,
    }


def bench_national(repeats: int, with_cbc: bool, seed: int = 1) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "national"
        t0 = time.perf_counter()
        write_country(generate_country(seed=seed), folder)
        generate = time.perf_counter() - t0
        path = folder / SCENARIO_FILE
        runs = [end_to_end(folder, path) for _ in range(repeats)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        ds = load_dataset(folder)
        inst = build_instance(ds, load_scenario(path, ds))
        floor = bare_highs(inst, 1)
        mm = build_matrix(inst)
        out = {
            "seed": seed,
            "generate_seconds": generate,
            "size": {
                "municipalities": len(inst.municipalities),
                "provinces": len(inst.provinces),
                "locations": len(ds.locations),
                "soft_plans": len(ds.soft_plans),
                "candidates": len(inst.candidates),
                "arcs": len(inst.arcs),
                "columns": mm.num_col,
                "rows": mm.num_row,
                "integer_columns": int(sum(mm.integer)),
            },  # fmt: skip
            "repeats": repeats,
            "median": med,
            "build_and_handover": med["matrix_build"] + floor["handover"],
            "bare_highs": floor,
            "ratio_to_bare": med["total"] / floor["bare"],
        }
        t0 = time.perf_counter()
        to_pulp(build_matrix(inst))
        out["pulp_build"] = time.perf_counter() - t0
        out["processes"] = bench_processes(folder, repeats=3 if repeats == 1 else 5)
        if with_cbc:
            out["pulp_cbc"] = pulp_cbc(inst, time_limit=300)
            out["speedup_vs_pulp_cbc"] = out["pulp_cbc"]["total"] / med["total"]
        return out


def bench_sweep(draws: int, sample: int, seed: int = 2024) -> dict:
    from planner.risk.runners import cores

    ds = load_dataset()
    sc = load_scenario(SCENARIOS / RISK, ds)
    t0 = time.perf_counter()
    r = run_risk(ds, sc, draws=draws, seed=seed)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    r_short = run_risk(ds, sc, draws=draws, seed=seed, levels="shortfalls")
    ours_short = time.perf_counter() - t0
    # The floor: the distinct outcomes solved in one process on a built model.
    sm = build_sweep(ds, sc)
    avail = np.array([sample_draw(sm.plans, seed, i) for i in range(draws)])
    patterns = np.unique(avail, axis=0)
    solve_patterns(sm, patterns[:1])  # hand-over and warm-up outside the clock
    t0 = time.perf_counter()
    solve_patterns(sm, patterns)
    bare_serial = time.perf_counter() - t0
    # The straightforward way on a sample of draws: rebuild the drawn scenario and its
    # PuLP problem, solve with CBC; and the same with HiGHS through PuLP.
    levels = list(sc.objective) + ["tie_break"]
    times: dict[str, list[float]] = {"cbc": [], "highs": []}
    for i in range(sample):
        out = {p.id for p, ok in zip(sm.plans, avail[i], strict=True) if not ok}
        cands = [c.model_copy(update={"probability": None, "start_delay_days": None})
                 for c in sc.candidates if c.id not in out]  # fmt: skip
        drawn = sc.model_copy(update={"candidates": cands, "risk": type(sc.risk)()})
        for solver in ("cbc", "highs"):
            t0 = time.perf_counter()
            mm = build_matrix(build_instance(ds, drawn))
            solve_levels(PulpLevels(mm, solver), mm, levels, 120)
            times[solver].append(time.perf_counter() - t0)
    per_draw = statistics.mean(times["cbc"])
    baseline = per_draw * draws
    per_draw_highs = statistics.mean(times["highs"])
    baseline_highs = per_draw_highs * draws
    return {
        "scenario": RISK,
        "draws": draws,
        "distinct_outcomes": int(len(patterns)),
        "workers": r.workers,
        "cores": cores(),
        "backend": r.backend,
        "seconds": ours,
        "seconds_levels_shortfalls": ours_short,
        "bare_highs_serial": bare_serial,
        "bare_highs_per_core": bare_serial / max(1, r.workers),
        "pulp_cbc_sample": sample,
        "pulp_cbc_per_draw": per_draw,
        "pulp_cbc_extrapolated": baseline,
        "speedup_vs_pulp_cbc": baseline / ours,
        "pulp_highs_per_draw": per_draw_highs,
        "pulp_highs_extrapolated": baseline_highs,
        "speedup_vs_pulp_highs": baseline_highs / ours,
        "ratio_to_bare_per_core": ours / (bare_serial / max(1, r.workers)),
        "provincial_shortfall": r.provincial.to_dict(),
        "same_totals_either_levels": r.provincial == r_short.provincial,
    }


# --------------------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(res: dict) -> tuple[str, list[dict]]:
    o, n, s = res["overijssel"], res["national"], res["sweep"]
    targets = [
        {"target": "Overijssel end to end <= 0.25 s (median)",
         "value": f"{o['median']['total']:.3f} s", "ok": o["median"]["total"] <= 0.25},
        {"target": "Overijssel end to end <= 3x bare HiGHS",
         "value": f"{o['ratio_to_bare']:.2f}x", "ok": o["ratio_to_bare"] <= 3},
        {"target": "National end to end <= 1.0 s (median)",
         "value": f"{n['median']['total']:.2f} s", "ok": n["median"]["total"] <= 1.0},
        {"target": "planner solve process: national <= 2x Overijssel",
         "value": f"{n['processes']['ratio_wall']:.2f}x wall "
                  f"({n['processes']['ratio_cpu']:.2f}x CPU)",
         "ok": n["processes"]["ratio_wall"] <= 2},
        {"target": "National build + hand-over < 1/4 of end to end",
         "value": f"{n['build_and_handover']:.3f} s = "
                  f"{n['build_and_handover'] / n['median']['total']:.1%}",
         "ok": n["build_and_handover"] < n["median"]["total"] / 4},
        {"target": "Sweep 1,000 draws <= 20 s",
         "value": f"{s['seconds']:.2f} s ({s['workers']} workers)", "ok": s["seconds"] <= 20},
        {"target": ">= 10x faster than rebuild with PuLP+CBC",
         "value": f"{s['speedup_vs_pulp_cbc']:.0f}x (extrapolated)",
         "ok": s["speedup_vs_pulp_cbc"] >= 10},
    ]  # fmt: skip
    om = o["median"]
    o_tables = om["solve_and_report"] - om["solve"] - om["matrix_build"]
    nm = n["median"]
    n_report = nm["solve_and_report"] - nm["solve"] - nm["matrix_build"] + nm["report"]
    lines = [
        f"Benchmarks {res['date']}  ({res['machine']})",
        "",
        f"Overijssel, {o['scenario']}, end to end, median of {o['repeats']} runs",
        f"  total {om['total']:.3f} s = load+read {om['load']:.3f} + instance "
        f"{om['instance']:.3f} + model build {om['matrix_build']:.4f} + solve "
        f"{om['solve']:.3f} + result tables {o_tables:.3f} "
        f"+ JSON {om['report']:.3f}",
        f"  bare HiGHS (hand-over + levels + marginal values) {o['bare_highs']['bare']:.3f} s "
        f"(levels only {o['bare_highs']['levels']:.3f} s): end to end / bare = "
        f"{o['ratio_to_bare']:.2f}x (/ levels only {o['ratio_to_bare_levels']:.2f}x)",
        f"  PuLP + CBC end to end (same steps, engine pulp, solver cbc, median of 3) "
        f"{o['pulp_cbc']['total']:.3f} s: ours is {o['speedup_vs_pulp_cbc']:.1f}x faster",
        "  other scenarios end to end (median of 3): "
        + ", ".join(f"{k} {v:.3f} s" for k, v in o["other_scenarios_total_median"].items()),
        "",
        f"National (seed {n['seed']}): {n['size']['municipalities']} municipalities, "
        f"{n['size']['provinces']} provinces, {n['size']['locations']} locations, "
        f"{n['size']['soft_plans']} soft plans, {n['size']['candidates']} candidates, "
        f"{n['size']['arcs']} swap arcs; model {n['size']['columns']} columns "
        f"({n['size']['integer_columns']} integer) x {n['size']['rows']} rows",
        f"  end to end {n['median']['total']:.2f} s (median of {n['repeats']}) = load+read "
        f"{n['median']['load']:.2f} + instance {n['median']['instance']:.2f} + model build "
        f"{n['median']['matrix_build']:.3f} + solve {n['median']['solve']:.2f} (levels "
        f"{n['bare_highs']['levels']:.2f}, marginal values {n['bare_highs']['marginal']:.2f}) "
        f"+ report {n_report:.2f}",
        f"  build + hand-over {n['build_and_handover']:.3f} s (matrix "
        f"{n['median']['matrix_build']:.3f} + passModel {n['bare_highs']['handover']:.3f}); "
        f"building the PuLP model takes {n['pulp_build']:.2f} s; bare HiGHS "
        f"{n['bare_highs']['bare']:.2f} s, end to end / bare = {n['ratio_to_bare']:.2f}x",
    ]  # fmt: skip
    pr = n["processes"]
    lines.append(
        f"  planner solve --format json as a whole process (median, alternating): national "
        f"{pr['national_wall']:.2f} s wall / {pr['national_cpu']:.2f} s CPU, Overijssel "
        f"{pr['overijssel_wall']:.2f} s / {pr['overijssel_cpu']:.2f} s: "
        f"{pr['ratio_wall']:.2f}x wall, {pr['ratio_cpu']:.2f}x CPU"
    )
    if "pulp_cbc" in n:
        lines.append(
            f"  PuLP + CBC {n['pulp_cbc']['total']:.1f} s (build {n['pulp_cbc']['build']:.2f}, "
            f"status {n['pulp_cbc']['status']}): ours is {n['speedup_vs_pulp_cbc']:.1f}x faster"
        )
    else:
        lines.append("  PuLP + CBC: not run (--quick)")
    lines += [
        "",
        f"Sweep: {s['draws']} draws of {s['scenario']} ({s['distinct_outcomes']} distinct "
        f"outcomes), {s['workers']} workers ({s['backend']}) on {s['cores']} cores",
        f"  ours {s['seconds']:.2f} s (every level and tie-break per draw); with "
        f"--levels shortfalls {s['seconds_levels_shortfalls']:.2f} s",
        f"  bare HiGHS: distinct outcomes solved in one process {s['bare_highs_serial']:.2f} s, "
        f"per core {s['bare_highs_per_core']:.2f} s: ours / bare per core = "
        f"{s['ratio_to_bare_per_core']:.2f}x",
        f"  PuLP + CBC rebuilt per draw: measured on {s['pulp_cbc_sample']} draws, "
        f"{s['pulp_cbc_per_draw']:.2f} s per draw, extrapolated to {s['draws']} draws: "
        f"{s['pulp_cbc_extrapolated']:.0f} s: ours is {s['speedup_vs_pulp_cbc']:.0f}x faster",
        f"  PuLP + HiGHS rebuilt per draw: {s['pulp_highs_per_draw']:.2f} s per draw, "
        f"extrapolated {s['pulp_highs_extrapolated']:.0f} s: ours is "
        f"{s['speedup_vs_pulp_highs']:.0f}x faster",
        "",
    ]
    from planner.tables import text_table

    rows = [[t["target"], t["value"], verdict(t["ok"])] for t in targets]
    lines.append(text_table(rows, ["target", "measured", ""]))
    return "\n".join(lines), targets


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer repeats, smaller samples")
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = p.parse_args(argv)
    quick = args.quick
    now = datetime.now()
    res = {
        "date": now.isoformat(timespec="seconds"),
        "quick": quick,
        "machine": f"{platform.machine()}, {platform.python_version()}, "
        f"{__import__('os').cpu_count()} cpus",
    }
    print("Overijssel ...", file=sys.stderr)
    res["overijssel"] = bench_overijssel(repeats=5 if quick else 11)
    print("National ...", file=sys.stderr)
    res["national"] = bench_national(repeats=1 if quick else 3, with_cbc=not quick)
    print("Sweep ...", file=sys.stderr)
    res["sweep"] = bench_sweep(draws=1000, sample=8 if quick else 40)
    print("Plan over the years ...", file=sys.stderr)  # issue 13: bench/horizon.py
    from horizon import report_lines as horizon_lines
    from horizon import run as run_horizon

    res["horizon"] = run_horizon(quick)
    text, targets = report(res)
    h_lines, h_targets = horizon_lines(res["horizon"])
    text += (
        "\n\n"
        + "\n".join(h_lines)
        + "\n"
        + "\n".join(f"  {t['target']}: {t['value']} {verdict(t['ok'])}" for t in h_targets)
    )
    targets += h_targets
    res["targets"] = targets
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"{now:%Y-%m-%d_%H%M%S}.json"
    path.write_text(json.dumps(res, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nwritten {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    return 0 if all(t["ok"] for t in targets) else 1


if __name__ == "__main__":
    raise SystemExit(main())
