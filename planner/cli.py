"""The ``planner`` command: thin wrappers around library functions.

Every number printed here comes from a function in ``planner/`` that the tests call
directly; this module only parses arguments, calls, and writes output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from planner import __version__
from planner.errors import InputError

__all__ = ["main"]


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, default=None, help="data folder (default: bundled data)")
    p.add_argument("--lang", choices=["nl", "en"], default="nl", help="labels (default: nl)")


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        tmp = output.with_name(output.name + ".tmp")
        tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        tmp.replace(output)
        print(f"written: {output}", file=sys.stderr)


def cmd_report(args: argparse.Namespace) -> int:
    from planner.counting.count import cycle_report
    from planner.counting.rules import CycleRules
    from planner.data.loader import load_dataset
    from planner.reports.report import report_csv, report_dict, report_text, write_report_xlsx

    ds = load_dataset(args.data)
    rules = CycleRules.from_row(ds.cycle(args.cycle))
    if args.with_soft_plans:
        rules = rules.model_copy(update={"soft_plans_count": True})
    rep = cycle_report(ds, rules)
    if args.format == "json":
        _write(json.dumps(report_dict(rep), ensure_ascii=False, indent=2), args.output)
    elif args.format == "csv":
        _write(report_csv(rep), args.output)
    else:
        _write(report_text(rep, args.lang), args.output)
    if args.xlsx:
        write_report_xlsx(rep, args.xlsx, args.lang, ds)
        print(f"written: {args.xlsx}", file=sys.stderr)
    if args.pdf:
        from planner.reports.pdf import write_report_pdf

        write_report_pdf(rep, args.pdf, args.lang, ds)
        print(f"written: {args.pdf}", file=sys.stderr)
    return 0


def _solve(args: argparse.Namespace, path: Path):
    from planner.data.loader import load_dataset
    from planner.optimise.solve import solve_scenario
    from planner.scenario.schema import load_scenario

    ds = load_dataset(args.data)
    scenario = load_scenario(path, ds)
    solver = getattr(args, "solver", None)
    engine = getattr(args, "engine", None)
    return ds, solve_scenario(ds, scenario, solver=solver, engine=engine)


def _exit(result, lang: str = "nl") -> int:
    from planner.formats import code_label, say
    from planner.optimise.solve import Status

    if result.status is Status.OPTIMAL:
        return 0
    for message in result.messages:
        print(f"{code_label(result.status, lang)}: {say(message, lang)}", file=sys.stderr)
    return 3


def _parent_result(args: argparse.Namespace, ds, path: Path):
    """The solved parent (the scenario's ``extends`` file), for the plain answer's
    changes; None without a parent or when it has no answer."""
    import yaml

    from planner.optimise.solve import Status, solve_scenario
    from planner.scenario.schema import load_scenario

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return None
    parent = raw.get("extends") if isinstance(raw, dict) else None
    if not parent:
        return None
    res = solve_scenario(ds, load_scenario(path.parent / str(parent), ds),
                         solver=getattr(args, "solver", None))  # fmt: skip
    return res if res.status in (Status.OPTIMAL, Status.TIME_LIMIT) else None


def cmd_solve(args: argparse.Namespace) -> int:
    from planner.optimise.solve import Status
    from planner.reports.export import export_result, result_document, write_result_xlsx
    from planner.reports.pdf import write_result_pdf
    from planner.results.solution import result_text
    from planner.results.summary import plain_answer

    ds, result = _solve(args, args.scenario)
    answered = result.status in (Status.OPTIMAL, Status.TIME_LIMIT)
    parent = _parent_result(args, ds, args.scenario) if answered else None
    if args.format == "json":
        doc = result.to_dict() if not answered else result_document(result, ds)
        doc = {"solve_seconds": round(result.solve_seconds, 4), **doc}
        _write(json.dumps(doc, ensure_ascii=False, indent=2, default=str), args.output)
    else:
        answer = plain_answer(result, parent, args.lang)
        _write(result_text(result, args.lang, answer), args.output)
    if answered and args.xlsx:
        write_result_xlsx(args.xlsx, result, ds, args.lang, parent)
        print(f"written: {args.xlsx}", file=sys.stderr)
    if answered and args.pdf:
        write_result_pdf(args.pdf, result, ds, args.lang, parent)
        print(f"written: {args.pdf}", file=sys.stderr)
    if answered and args.export:
        for path in export_result(result, ds, args.export, args.lang, parent):
            print(f"written: {path}", file=sys.stderr)
    return _exit(result, args.lang)


def cmd_explain(args: argparse.Namespace) -> int:
    from planner.results.explain import explain_text

    ds, result = _solve(args, args.scenario)
    if result.municipalities.empty:
        return _exit(result, args.lang)
    mun = set(result.municipalities["name"])
    names = [args.municipality] if args.municipality else None
    if args.municipality and args.municipality not in mun:
        from planner.data.loader import suggest

        print(f"unknown municipality {args.municipality!r}; {suggest(args.municipality, mun)}",
              file=sys.stderr)  # fmt: skip
        return 2
    _write(explain_text(result, ds, names, args.lang), None)
    return _exit(result, args.lang)


def cmd_timeline(args: argparse.Namespace) -> int:
    import pandas as pd

    from planner.counting.rules import CycleRules
    from planner.counting.timeline import monthly_places
    from planner.data.loader import load_dataset, suggest
    from planner.tables import records, text_table

    ds = load_dataset(args.data)
    rules = CycleRules.from_row(ds.cycle())
    locations = None
    if args.scenario:
        from planner.optimise.instance import apply_location_changes, scenario_rules
        from planner.scenario.schema import load_scenario

        scenario = load_scenario(args.scenario, ds)
        rules = scenario_rules(ds, scenario)
        locations = apply_location_changes(ds, scenario).locations
    start = args.start or (pd.Timestamp(rules.window_start) - pd.DateOffset(months=12)).date()
    end = args.end or (pd.Timestamp(rules.window_end) + pd.DateOffset(months=12)).date()
    tl = monthly_places(ds, start, end, rules=rules, locations=locations)
    names = args.municipality or []
    for n in names:
        if n not in set(tl["municipality"]):
            hint = suggest(n, sorted(set(tl["municipality"])))
            print(f"unknown municipality {n!r}; {hint}", file=sys.stderr)
            return 2
    if names:
        tl = tl[tl["municipality"].isin(names)]
    if args.format == "json":
        _write(json.dumps(records(tl), ensure_ascii=False, indent=2, default=str), args.output)
        return 0
    if args.format == "csv":
        _write(tl.to_csv(index=False, lineterminator="\n"), args.output)
        return 0
    nl = args.lang == "nl"
    groups = names or sorted(set(tl["region"]))
    key = "municipality" if names else "region"
    heads = ["Maand" if nl else "Month", "*"]
    for g in groups:
        heads += [f"{g} {'plekken' if nl else 'places'}", f"{g} {'opgave' if nl else 'quota'}"]
    rows = []
    for month, part in tl.groupby("month", sort=True):
        in_window = bool(part["in_window"].any())
        row: list = [f"{month:%Y-%m}", "*" if in_window else ""]
        for g in groups:
            sel = part[part[key] == g]
            row += [int(sel["places"].sum() + sel["credited"].sum()), int(sel["quota"].sum())]
        rows.append(row)
    out = [text_table(rows, heads, lang=args.lang)]
    out.append(
        "* = in het venster van de cyclus; plekken inclusief uitruil"
        if nl
        else "* = inside the cycle's window; places include swap credits"
    )
    _write("\n".join(out), args.output)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from planner.data.loader import load_dataset
    from planner.optimise.solve import Status, solve_scenario
    from planner.reports.export import write_xlsx
    from planner.results.compare import compare_results
    from planner.scenario.schema import load_scenario

    if len(args.scenarios) < 2:
        print("compare needs at least two scenario files", file=sys.stderr)
        return 2
    ds = load_dataset(args.data)
    results = []
    for path in args.scenarios:
        res = solve_scenario(ds, load_scenario(path, ds))
        if res.status not in (Status.OPTIMAL, Status.TIME_LIMIT):
            print(f"{path}: {res.status.value}: {'; '.join(res.messages)}", file=sys.stderr)
            return 3
        results.append(res)
    labels = _labels(args.scenarios)
    cmp = compare_results(results, labels)
    if args.format == "json":
        _write(json.dumps(cmp.to_dict(), ensure_ascii=False, indent=2, default=str), args.output)
    else:  # the reader sees the files named as given (base.yaml), not their stems
        names = [p.name for p in args.scenarios]
        shown = names if len(set(names)) == len(names) else labels
        _write(compare_results(results, shown).text(args.lang), args.output)
    if args.xlsx:
        write_xlsx(args.xlsx, cmp.sheets(args.lang))
        print(f"written: {args.xlsx}", file=sys.stderr)
    return 0


def _labels(paths: list[Path]) -> list[str]:
    stems = [p.stem for p in paths]
    if len(set(stems)) == len(stems):
        return stems
    return [f"{i + 1}:{s}" for i, s in enumerate(stems)]


def cmd_risk(args: argparse.Namespace) -> int:
    from planner.data.loader import load_dataset
    from planner.risk.sweep import RiskStatus, progress_bar, risk_text, run_risk
    from planner.scenario.schema import load_scenario

    ds = load_dataset(args.data)
    scenario = load_scenario(args.scenario, ds)
    show = args.progress or (args.progress is None and sys.stderr.isatty())
    result = run_risk(
        ds,
        scenario,
        draws=args.draws,
        seed=args.seed,
        progress=progress_bar(sys.stderr) if show else None,
        scheduler=args.scheduler,
        workers=args.workers,
        levels=args.levels,
    )
    if args.format == "json":
        _write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), args.output)
    else:
        _write(risk_text(result, args.lang), args.output)
    if result.status is RiskStatus.OK:
        return 0
    for message in result.messages:
        print(f"{result.status.value}: {message}", file=sys.stderr)
    return 3


def cmd_national(args: argparse.Namespace) -> int:
    from planner.data.national import SCENARIO_FILE, generate_country, write_country

    country = generate_country(
        seed=args.seed, municipalities=args.municipalities, provinces=args.provinces
    )
    write_country(country, args.out, force=args.force)
    m = country.municipalities
    t = country.tables
    print(
        f"written {args.out}: {len(m)} municipalities in {m['province'].nunique()} provinces "
        f"({m['region'].nunique()} regions), quota {int(m['quota'].sum()):,} "
        f"(amv {int(m['amv_quota'].sum()):,}), {len(t['locations.csv']):,} locations, "
        f"{len(t['soft_plans.csv']):,} soft plans, {len(country.scenario['candidates']):,} "
        f"candidates, {len(t['swaps.csv']):,} swap agreements\n"
        f"solve it with: planner solve {Path(args.out) / SCENARIO_FILE} --data {args.out}",
        file=sys.stderr,
    )
    return 0


def _date(text: str):
    """A command-line date in any notation the data files accept."""
    from planner.data.dates import DateKind, DateParseError, parse_date_cell

    try:
        parsed = parse_date_cell(text)
    except DateParseError as exc:
        raise argparse.ArgumentTypeError(f"{exc.reason}; {exc.fix}") from None
    if parsed.kind is not DateKind.DATE:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date")
    return parsed.value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner",
        description="Planning tool for asylum reception under the Spreidingswet.",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("report", help="the province's cycle table from the data")
    _add_common(p)
    p.add_argument("--cycle", default=None, help="cycle id from cycles.csv (default: first)")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument("--output", "-o", type=Path, default=None, help="write to a file, not stdout")
    p.add_argument("--xlsx", type=Path, default=None, help="also write an Excel workbook")
    p.add_argument("--pdf", type=Path, default=None, help="also write a PDF of the report")
    p.add_argument(
        "--with-soft-plans",
        action="store_true",
        help="count the soft plans (bestuurlijke voornemens) at their lower bound",
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("solve", help="optimise a scenario: candidates, swaps, shortfall")
    p.add_argument("scenario", type=Path, help="scenario file (scenarios/*.yaml)")
    _add_common(p)
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--output", "-o", type=Path, default=None, help="write to a file, not stdout")
    p.add_argument("--xlsx", type=Path, default=None, help="also write an Excel workbook")
    p.add_argument("--solver", choices=["auto", "highs", "cbc"], default=None,
                   help="MILP solver (default: the scenario's, else HiGHS)")  # fmt: skip
    p.add_argument("--engine", choices=["auto", "pulp", "matrix"], default=None,
                   help="how the model reaches the solver (default: auto)")  # fmt: skip
    p.add_argument("--export", type=Path, default=None, metavar="DIR",
                   help="write the workbook, PDF, CSV files and JSON into DIR")  # fmt: skip
    p.add_argument("--pdf", type=Path, default=None, help="also write a PDF of the result")
    p.set_defaults(func=cmd_solve)

    p = sub.add_parser("explain", help="why each municipality is short, burden, marginal values")
    p.add_argument("scenario", type=Path)
    _add_common(p)
    p.add_argument("--municipality", default=None, help="only this municipality")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("timeline", help="places in use per month, before, in and after the window")
    _add_common(p)
    p.add_argument("--scenario", type=Path, default=None, help="apply a scenario's changes")
    p.add_argument("--from", dest="start", type=_date, default=None, help="first month")
    p.add_argument("--to", dest="end", type=_date, default=None, help="last month")
    p.add_argument("--municipality", action="append", default=None,
                   help="one municipality (repeat for more); default: the regions")  # fmt: skip
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--output", "-o", type=Path, default=None, help="write to a file, not stdout")
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("compare", help="scenarios side by side, with a diff of their inputs")
    p.add_argument("scenarios", type=Path, nargs="+", help="two or more scenario files")
    _add_common(p)
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--output", "-o", type=Path, default=None, help="write to a file, not stdout")
    p.add_argument("--xlsx", type=Path, default=None, help="also write an Excel workbook")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser(
        "risk", help="which plans materialise: shortfall distributions over many draws"
    )
    p.add_argument("scenario", type=Path, help="scenario with probabilities (scenarios/*.yaml)")
    _add_common(p)
    p.add_argument("--draws", type=int, default=1000, help="number of draws (default: 1000)")
    p.add_argument("--seed", type=int, default=0, help="same seed, same numbers (default: 0)")
    p.add_argument("--workers", type=int, default=None,
                   help="local processes (default: one per core; 1: in this process)")  # fmt: skip
    p.add_argument("--scheduler", default=None,
                   help="run the draws on a Dask cluster, e.g. tcp://host:8786")  # fmt: skip
    p.add_argument("--levels", choices=["all", "shortfalls"], default="all",
                   help="objective levels per draw (shortfalls: totals only, faster)")  # fmt: skip
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--output", "-o", type=Path, default=None, help="write to a file, not stdout")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")  # fmt: skip
    p.set_defaults(func=cmd_risk)

    p = sub.add_parser(
        "national", help="write a synthetic national instance (benchmarks, other provinces)"
    )
    p.add_argument("--seed", type=int, default=1, help="same seed, same files (default: 1)")
    p.add_argument("--out", type=Path, required=True, help="folder to write the data to")
    p.add_argument("--municipalities", type=int, default=None,
                   help="only this many connected municipalities (default: all 342)")  # fmt: skip
    p.add_argument("--provinces", type=int, default=12, help="number of provinces (default: 12)")
    p.add_argument("--force", action="store_true", help="replace files already in --out")
    p.set_defaults(func=cmd_national)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
