"""The ``planner`` command: thin wrappers around library functions.

Every number printed here comes from a function in ``planner/`` that the tests call
directly; this module only parses arguments, calls, and writes output.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from planner import __version__
from planner.errors import InputError
from planner.formats import code_label, fmt_int, say
from planner.i18n import t
from planner.i18n.errors import LANG

__all__ = ["main"]


def _add_common(p: argparse.ArgumentParser, lang: str = "nl") -> None:
    p.add_argument("--data", type=Path, default=None, metavar=t("cli_mv_folder", lang),
                   help=t("cli_arg_data", lang))  # fmt: skip
    p.add_argument("--lang", choices=["nl", "en"], default="nl", help=t("cli_arg_lang", lang))
    if not any("--cycle" in a.option_strings for a in p._actions):
        p.add_argument("--cycle", default=None, metavar=t("cli_mv_cycle", lang),
                       help=t("cli_arg_cycle", lang))  # fmt: skip


def _assumption(ds, lang: str) -> str:
    """The line that marks an assumed cycle ('' for a decided one), for the outputs that
    have no place of their own for it (timeline, explain, compare, risk)."""
    from planner.counting.rules import CycleRules
    from planner.i18n import t

    rules = CycleRules.from_row(ds.cycle())
    if not rules.assumed:
        return ""
    return t("cycle_assumed", lang, cycle=rules.name or rules.id, source=rules.source_in(lang))


def _marked(text: str, note: str) -> str:
    return f"{note}\n{text}" if note else text


def _for_cycle(args: argparse.Namespace, ds, scenario=None):
    """The data (and scenario) for ``--cycle``: that cycle's quotas and rules."""
    cycle = getattr(args, "cycle", None)
    if cycle is None:
        return ds, scenario
    ds = ds.for_cycle(cycle)
    if scenario is not None:
        spec = scenario.cycle.model_copy(update={"id": ds.cycle_id})
        scenario = scenario.model_copy(update={"cycle": spec})
    return ds, scenario


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        from planner.reports.export import output_file, write_text

        output = output_file(output)
        write_text(output, text if text.endswith("\n") else text + "\n")
        _written(output)


def cmd_report(args: argparse.Namespace) -> int:
    from planner.counting.count import cycle_report
    from planner.counting.rules import CycleRules
    from planner.data.loader import load_dataset
    from planner.reports.export import output_file
    from planner.reports.report import report_csv, report_dict, report_text, write_report_xlsx

    for path in (args.output, args.xlsx, args.pdf):
        if path is not None:
            output_file(path)  # refused before the work, not after
    ds, _ = _for_cycle(args, load_dataset(args.data))
    if getattr(args, "all_programmes", False) or getattr(args, "programme", "asiel") != "asiel":
        return _programme_report(ds, args)
    rules = CycleRules.from_row(ds.cycle())
    if args.with_soft_plans:
        rules = rules.model_copy(update={"soft_plans_count": True})
    rep = cycle_report(ds, rules)
    if args.format == "json":
        _write(json.dumps(report_dict(rep), ensure_ascii=False, indent=2), args.output)
    elif args.format == "csv":
        _write(report_csv(rep, args.lang), args.output)
    else:
        _write(report_text(rep, args.lang), args.output)
    if args.xlsx:
        write_report_xlsx(rep, args.xlsx, args.lang, ds)
        _written(args.xlsx, args.lang)
    if args.pdf:
        from planner.reports.pdf import write_report_pdf

        write_report_pdf(rep, args.pdf, args.lang, ds)
        _written(args.pdf, args.lang)
    return 0


def _programme_report(ds, args: argparse.Namespace) -> int:
    """``planner report --programme oek|statushouders`` and ``--all-programmes``."""
    from planner.counting.count import cycle_report
    from planner.counting.programmes import programme_report
    from planner.counting.rules import CycleRules
    from planner.reports import programmes as pr
    from planner.reports.export import write_xlsx

    if args.all_programmes:
        rules = CycleRules.from_row(ds.cycle(args.cycle))
        if args.with_soft_plans:
            rules = rules.model_copy(update={"soft_plans_count": True})
        reports = {p: programme_report(ds, p) for p in ("oek", "statushouders")}
        frame = pr.all_programmes_frame(cycle_report(ds, rules), reports)
        if args.format == "json":
            text = json.dumps(pr.all_programmes_dict(frame), ensure_ascii=False, indent=2)
        elif args.format == "csv":
            text = pr.all_programmes_csv(frame, args.lang)
        else:
            text = pr.all_programmes_text(frame, args.lang)
        _write(text, args.output)
        if args.xlsx:  # the same workbook as the app's Export page
            write_xlsx(args.xlsx, pr.all_programmes_sheets(ds, rules, args.lang))
            _written(args.xlsx, args.lang)
        return 0
    rep = programme_report(ds, args.programme, args.period)
    if args.format == "json":
        _write(json.dumps(pr.programme_dict(rep), ensure_ascii=False, indent=2), args.output)
    elif args.format == "csv":
        _write(pr.programme_csv(rep, args.lang), args.output)
    else:
        _write(pr.programme_text(rep, args.lang), args.output)
    if args.xlsx:
        pr.write_programme_xlsx(rep, args.xlsx, args.lang)
        _written(args.xlsx, args.lang)
    return 0


def _solve(args: argparse.Namespace, path: Path, read=None):
    """Solve the scenario at ``path``; ``read`` is its (data, scenario) when the caller
    has read them already (read once, not twice)."""
    from planner.data.loader import load_dataset
    from planner.optimise.solve import solve_scenario
    from planner.scenario.schema import load_scenario

    if read is None:
        ds = load_dataset(args.data)
        read = (ds, load_scenario(path, ds))
    ds, scenario = _for_cycle(args, *read)
    solver = getattr(args, "solver", None)
    engine = getattr(args, "engine", None)
    return ds, solve_scenario(ds, scenario, solver=solver, engine=engine)


def _exit(result, lang: str = "nl") -> int:
    from planner.formats import code_label, say
    from planner.optimise.solve import Status

    if result.status is Status.OPTIMAL:
        return 0
    for i, message in enumerate(result.messages):  # the cause first, then notes
        head = code_label(result.status, lang) if i == 0 else "  "
        print(f"{head}: {say(message, lang)}", file=sys.stderr)
    return 3


def _written(path, lang: str | None = None) -> None:
    """Say on stderr which file was written (stdout holds the table or JSON), in the
    reader's language (``--lang``, which sets the messages' language of this run)."""
    from planner.i18n.errors import LANG

    print(t("cli_written", lang or LANG.get(), path=path), file=sys.stderr)


def _not_answered(res, lang: str, path=None) -> None:
    """A solve without an answer: its status and messages in the reader's words."""
    from planner.formats import code_label, say

    text = f"{code_label(res.status.value, lang)}: {'; '.join(say(m, lang) for m in res.messages)}"
    print(f"{path}: {text}" if path is not None else text, file=sys.stderr)


def _parent_result(args: argparse.Namespace, ds, path: Path):
    """The solved parent (the scenario's ``extends`` file), for the plain answer's
    changes; None without a parent or when it has no answer."""
    import yaml

    from planner.optimise.solve import Status, solve_scenario
    from planner.scenario.schema import load_scenario

    # libyaml's own loader, for one key: the file was read and checked (aliases, depth,
    # duplicate keys) by load_scenario already; the pure-Python safe_load took 0.3 s
    # on a national scenario.
    try:
        text = path.read_text(encoding="utf-8")
        raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except (OSError, yaml.YAMLError):
        return None
    parent = raw.get("extends") if isinstance(raw, dict) else None
    if not parent:
        return None
    res = solve_scenario(ds, load_scenario(path.parent / str(parent), ds),
                         solver=getattr(args, "solver", None))  # fmt: skip
    return res if res.status in (Status.OPTIMAL, Status.TIME_LIMIT) else None


def cmd_solve(args: argparse.Namespace) -> int:
    from planner.data.loader import load_dataset
    from planner.optimise.solve import Status
    from planner.reports.export import output_file, output_folder, result_document
    from planner.results.solution import result_text
    from planner.results.summary import plain_answer

    for path in (args.output, args.xlsx, args.pdf):
        if path is not None:
            output_file(path)  # refused before the solve, not after
    if args.export is not None:
        output_folder(args.export)

    from planner.scenario.schema import load_scenario

    ds0 = load_dataset(args.data)
    scenario = load_scenario(args.scenario, ds0)
    if scenario.horizon is not None:  # a plan over the years
        return _solve_horizon(args, ds0, scenario)
    ds, result = _solve(args, args.scenario, (ds0, scenario))
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
        from planner.reports.export import write_result_xlsx  # openpyxl only when asked

        write_result_xlsx(args.xlsx, result, ds, args.lang, parent)
        _written(args.xlsx, args.lang)
    if answered and args.pdf:
        from planner.reports.pdf import write_result_pdf  # fpdf only when asked

        write_result_pdf(args.pdf, result, ds, args.lang, parent)
        _written(args.pdf, args.lang)
    if answered and args.export:
        from planner.reports.bundle import export_result

        for path in export_result(result, ds, args.export, args.lang, parent):
            _written(path, args.lang)
    return _exit(result, args.lang)


def _solve_horizon(args: argparse.Namespace, ds, scenario) -> int:
    """A scenario with a horizon: the plan over the years (its cycles are in it)."""
    from planner.optimise.horizon import solve_horizon
    from planner.optimise.levels import Status
    from planner.reports.export import write_xlsx
    from planner.reports.horizon import horizon_dict, horizon_sheets, horizon_text

    res = solve_horizon(ds, scenario, workers=getattr(args, "workers", None),
                        scheduler=getattr(args, "scheduler", None))  # fmt: skip
    if args.format == "json":
        doc = horizon_dict(res, args.lang)
        _write(json.dumps(doc, ensure_ascii=False, indent=2, default=str), args.output)
    else:
        _write(horizon_text(res, args.lang), args.output)
    answered = res.status in (Status.OPTIMAL, Status.TIME_LIMIT)
    if answered and args.xlsx:
        write_xlsx(args.xlsx, horizon_sheets(res, args.lang))
        _written(args.xlsx, args.lang)
    return 0 if res.status is Status.OPTIMAL else 3


def _horizon_of(args: argparse.Namespace, path) -> bool:
    """Whether the scenario file has a ``horizon`` (a plan over the years)."""
    from planner.data.loader import load_dataset
    from planner.scenario.schema import load_scenario

    return load_scenario(path, load_dataset(args.data)).horizon is not None


def _explain_horizon(args: argparse.Namespace) -> int:
    """explain on a plan over the years: per municipality the month a shortfall starts."""
    from planner.data.loader import load_dataset
    from planner.optimise.horizon import solve_horizon
    from planner.optimise.levels import Status
    from planner.results.horizon import explain_horizon_text
    from planner.scenario.schema import load_scenario

    ds = load_dataset(args.data)
    res = solve_horizon(ds, load_scenario(args.scenario, ds))
    names = [_nfc(args.municipality)] if args.municipality else None
    if names and names[0] not in res.instance.names:
        print(_unknown_municipality(names[0], res.instance.names), file=sys.stderr)
        return 2
    if res.status not in (Status.OPTIMAL, Status.TIME_LIMIT):
        _not_answered(res, args.lang)
        return 3
    _write(explain_horizon_text(res, names, args.lang), None)
    return 0 if res.status is Status.OPTIMAL else 3


def cmd_explain(args: argparse.Namespace) -> int:
    from planner.data.loader import load_dataset
    from planner.results.explain import explain_text
    from planner.scenario.schema import load_scenario

    if _horizon_of(args, args.scenario):
        return _explain_horizon(args)
    ds0 = load_dataset(args.data)
    scenario = load_scenario(args.scenario, ds0)
    if args.municipality:  # an unknown name is refused before the solve, not after it
        known = ds0.municipality_names
        if _nfc(args.municipality) not in known:
            print(_unknown_municipality(_nfc(args.municipality), sorted(known)), file=sys.stderr)
            return 2
    ds, result = _solve(args, args.scenario, (ds0, scenario))
    if result.municipalities.empty:
        return _exit(result, args.lang)
    mun = list(result.municipalities["name"])
    names = [_nfc(args.municipality)] if args.municipality else None
    if names and names[0] not in mun:
        print(_unknown_municipality(names[0], mun), file=sys.stderr)
        return 2
    cycle_ds = ds.for_cycle(getattr(args, "cycle", None)) if getattr(args, "cycle", None) else ds
    _write(_marked(explain_text(result, ds, names, args.lang), _assumption(cycle_ds, args.lang)),
           None)  # fmt: skip
    return _exit(result, args.lang)


def cmd_timeline(args: argparse.Namespace) -> int:
    import pandas as pd

    from planner.counting.rules import CycleRules
    from planner.counting.timeline import monthly_places
    from planner.data.loader import load_dataset
    from planner.tables import records, text_table

    ds, _ = _for_cycle(args, load_dataset(args.data))
    rules = CycleRules.from_row(ds.cycle())
    locations = None
    if args.scenario:
        from planner.optimise.instance import apply_location_changes, scenario_rules
        from planner.scenario.schema import load_scenario

        ds, scenario = _for_cycle(args, ds, load_scenario(args.scenario, ds))
        rules = scenario_rules(ds, scenario)
        locations = apply_location_changes(ds, scenario).locations
    start = args.start or (pd.Timestamp(rules.window_start) - pd.DateOffset(months=12)).date()
    end = args.end or (pd.Timestamp(rules.window_end) + pd.DateOffset(months=12)).date()
    tl = monthly_places(ds, start, end, rules=rules, locations=locations)
    names = [_nfc(n) for n in args.municipality or []]
    for n in names:
        if n not in set(tl["municipality"]):
            print(_unknown_municipality(n, sorted(set(tl["municipality"]))), file=sys.stderr)
            return 2
    if names:
        tl = tl[tl["municipality"].isin(names)]
    if args.format == "json":
        _write(json.dumps(records(tl), ensure_ascii=False, indent=2, default=str), args.output)
        if _assumption(ds, args.lang):
            print(_assumption(ds, args.lang), file=sys.stderr)
        return 0
    if args.format == "csv":
        from planner.reports.export import csv_text

        _write(csv_text(tl, args.lang), args.output)
        if _assumption(ds, args.lang):
            print(_assumption(ds, args.lang), file=sys.stderr)
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
    _write(_marked("\n".join(out), _assumption(ds, args.lang)), args.output)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from planner.data.loader import load_dataset
    from planner.optimise.solve import Status, solve_scenario
    from planner.reports.export import write_xlsx
    from planner.results.compare import compare_results
    from planner.scenario.schema import load_scenario

    if len(args.scenarios) < 2:
        print(t("cli_compare_two", args.lang), file=sys.stderr)
        return 2
    from planner.reports.export import output_file

    for path in (args.output, args.xlsx):
        if path is not None:
            output_file(path)  # refused before the solves, not after
    ds = load_dataset(args.data)
    kinds = {path: load_scenario(path, ds).horizon is not None for path in args.scenarios}
    if any(kinds.values()):
        return _compare_horizons(args, ds, kinds)
    results = []
    for path in args.scenarios:
        cds, scenario = _for_cycle(args, ds, load_scenario(path, ds))
        res = solve_scenario(cds, scenario)
        if res.status not in (Status.OPTIMAL, Status.TIME_LIMIT):
            _not_answered(res, args.lang, path)
            return 3
        results.append(res)
    labels = _labels(args.scenarios)
    cmp = compare_results(results, labels)
    if args.format == "json":
        _write(json.dumps(cmp.to_dict(), ensure_ascii=False, indent=2, default=str), args.output)
        if note := _assumption(_for_cycle(args, ds)[0], args.lang):
            print(note, file=sys.stderr)
    else:  # the reader sees the files named as given (base.yaml), not their stems
        names = [p.name for p in args.scenarios]
        shown = names if len(set(names)) == len(names) else labels
        text = compare_results(results, shown).text(args.lang)
        _write(_marked(text, _assumption(_for_cycle(args, ds)[0], args.lang)), args.output)
    if args.xlsx:
        write_xlsx(args.xlsx, cmp.sheets(args.lang))
        _written(args.xlsx, args.lang)
    return 0


def _compare_horizons(args: argparse.Namespace, ds, kinds: dict) -> int:
    """compare on plans over the years: the levels per cycle side by side; a mix of
    scenarios with and without a horizon is refused in words."""
    from planner.i18n import t
    from planner.optimise.horizon import solve_horizon
    from planner.optimise.levels import Status
    from planner.reports.export import write_xlsx
    from planner.results.horizon import compare_horizons, compare_horizons_text
    from planner.scenario.schema import load_scenario

    if not all(kinds.values()):
        with_ = ", ".join(Path(p).name for p, h in kinds.items() if h)
        without = ", ".join(Path(p).name for p, h in kinds.items() if not h)
        print(t("horizon_compare_mixed", args.lang, with_=with_, without=without),
              file=sys.stderr)  # fmt: skip
        return 2
    results = []
    for path in args.scenarios:
        res = solve_horizon(ds, load_scenario(path, ds))
        if res.status not in (Status.OPTIMAL, Status.TIME_LIMIT):
            _not_answered(res, args.lang, path)
            return 3
        results.append(res)
    labels = _labels(args.scenarios)
    if args.format == "json":
        frame = compare_horizons(results, labels)
        doc = {"levels": {k: {c: (None if v != v else v) for c, v in row.items()}
                          for k, row in frame.to_dict("index").items()}}  # fmt: skip
        _write(json.dumps(doc, ensure_ascii=False, indent=2, default=str), args.output)
    else:
        _write(compare_horizons_text(results, labels, args.lang), args.output)
    if args.xlsx:
        sheet = compare_horizons(results, labels).reset_index()
        write_xlsx(args.xlsx, {t("horizon_sheet_levels", args.lang): sheet})
        _written(args.xlsx, args.lang)
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
    if load_scenario(args.scenario, ds).horizon is not None:
        from planner.i18n import t

        print(t("horizon_risk_refused", args.lang, path=Path(args.scenario).name),
              file=sys.stderr)  # fmt: skip
        return 2
    ds, scenario = _for_cycle(args, ds, load_scenario(args.scenario, ds))
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
        if note := _assumption(ds, args.lang):
            print(note, file=sys.stderr)
    else:
        _write(_marked(risk_text(result, args.lang), _assumption(ds, args.lang)), args.output)
    if result.status is RiskStatus.OK:
        return 0
    for message in result.messages:
        print(f"{code_label(result.status.value, args.lang)}: {say(message, args.lang)}",
              file=sys.stderr)  # fmt: skip
    return 3


def cmd_national(args: argparse.Namespace) -> int:
    from planner.data.national import SCENARIO_FILE, generate_country, write_country
    from planner.reports.export import output_folder

    output_folder(args.out)
    country = generate_country(
        seed=args.seed, municipalities=args.municipalities, provinces=args.provinces
    )
    write_country(country, args.out, force=args.force)
    m = country.municipalities
    tables = country.tables
    lang = LANG.get()
    print(
        t("cli_national_written", lang, folder=args.out, municipalities=fmt_int(len(m), lang),
          provinces=fmt_int(m["province"].nunique(), lang),
          regions=fmt_int(m["region"].nunique(), lang),
          quota=fmt_int(int(m["quota"].sum()), lang),
          amv=fmt_int(int(m["amv_quota"].sum()), lang),
          locations=fmt_int(len(tables["locations.csv"]), lang),
          soft_plans=fmt_int(len(tables["soft_plans.csv"]), lang),
          candidates=fmt_int(len(country.scenario["candidates"]), lang),
          swaps=fmt_int(len(tables["swaps.csv"]), lang),
          command=f"planner solve {Path(args.out) / SCENARIO_FILE} --data {args.out}"),
        file=sys.stderr,
    )  # fmt: skip
    return 0


def _nfc(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", text)


def _unknown_municipality(name: str, options: list[str]) -> str:
    """'unknown municipality', with the nearest names, else the names to choose from."""
    from planner.data.loader import suggest
    from planner.i18n.errors import say
    from planner.scenario.yamlsafe import short

    head = say("err_unknown_municipality", name=short(name))
    hint = suggest(name, options)
    if hint:
        return f"{head}; {say(hint.key, **hint.values)}"
    listed = ", ".join(sorted(options)[:30]) + (", ..." if len(options) > 30 else "")
    return f"{head}; {say('err_choose_one_of', names=listed)}"


def cmd_quotas_import(args: argparse.Namespace) -> int:
    from planner.data.quotas import import_quotas
    from planner.i18n import t

    if args.cycle is None:
        print(t("cli_quotas_needs_cycle", args.lang), file=sys.stderr)
        return 2
    target, table = import_quotas(
        args.file, args.data, args.cycle, source=args.source, dry_run=args.dry_run
    )
    rows = table.rows
    print(
        t("cli_quotas_read", args.lang, cycle=table.cycle, n=len(rows),
          quota=fmt_int(rows["quota"].sum(), args.lang),
          amv=fmt_int(rows["amv_quota"].sum(), args.lang))
        + (t("cli_quotas_skipped", args.lang, n=len(table.skipped)) if table.skipped else ""),
        file=sys.stderr,
    )  # fmt: skip
    if args.dry_run:
        print(t("cli_quotas_dry_run", args.lang), file=sys.stderr)
    else:
        print(t("quotas_written", args.lang, n=len(rows), cycle=table.cycle, path=target),
              file=sys.stderr)  # fmt: skip
    return 0


def cmd_readiness(args: argparse.Namespace) -> int:
    from planner.counting.readiness import readiness
    from planner.data.loader import load_dataset
    from planner.reports.readiness import readiness_csv, readiness_dict, readiness_text

    ds = load_dataset(args.data)
    res = readiness(ds, args.start_cycle or args.cycle, args.end_cycle)
    if args.format == "json":
        doc = readiness_dict(res, args.lang)
        _write(json.dumps(doc, ensure_ascii=False, indent=2, default=str), args.output)
    elif args.format == "csv":
        _write(readiness_csv(res, args.lang, args.table), args.output)
    else:
        _write(readiness_text(res, args.lang), args.output)
    return 0


def _date(text: str):
    """A command-line date in any notation the data files accept."""
    from planner.data.dates import DateKind, DateParseError, parse_date_cell
    from planner.formats import Words

    lang = LANG.get()
    try:
        parsed = parse_date_cell(text)
    except DateParseError as exc:
        raise argparse.ArgumentTypeError(f"{say(exc.reason, lang)}; {say(exc.fix, lang)}") from None
    if parsed.kind is not DateKind.DATE:
        raise argparse.ArgumentTypeError(f"{text!r}: {say(Words('date_not_a_date'), lang)}")
    return parsed.value


def _count(text: str) -> int:
    """A whole number on the command line (draws, seed, workers), refused in words."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            t("cli_not_whole_number", LANG.get(), value=text)
        ) from None


def build_parser(lang: str = "nl") -> argparse.ArgumentParser:
    """The ``planner`` command's parser, its help texts in ``lang`` (argparse's own
    words follow that language inside :func:`argparse_words`)."""

    def h(key: str) -> str:
        return t(key, lang)

    folder, file = h("cli_mv_folder"), h("cli_mv_file")
    parser = argparse.ArgumentParser(prog="planner", description=h("cli_description"))
    parser.add_argument("--version", action="version", version=f"planner {__version__}",
                        help=h("cli_version"))  # fmt: skip
    sub = parser.add_subparsers(dest="command", required=True, metavar=h("cli_commands"))

    def output(p: argparse.ArgumentParser) -> None:
        p.add_argument("--output", "-o", type=Path, default=None, metavar=file,
                       help=h("cli_arg_output"))  # fmt: skip

    def fmt(p: argparse.ArgumentParser, choices: list[str]) -> None:
        p.add_argument("--format", choices=choices, default=choices[0], help=h("cli_arg_format"))

    def xlsx(p: argparse.ArgumentParser) -> None:
        p.add_argument("--xlsx", type=Path, default=None, metavar=file, help=h("cli_arg_xlsx"))

    p = sub.add_parser("report", help=h("cli_cmd_report"), description=h("cli_cmd_report"))
    _add_common(p, lang)
    fmt(p, ["table", "json", "csv"])
    output(p)
    xlsx(p)
    p.add_argument("--pdf", type=Path, default=None, metavar=file, help=h("cli_arg_pdf_report"))
    p.add_argument("--with-soft-plans", action="store_true", help=h("cli_arg_with_soft_plans"))
    p.add_argument("--programme", choices=["asiel", "oek", "statushouders"], default="asiel",
                   help=h("cli_arg_programme"))  # fmt: skip
    p.add_argument("--period", default=None, metavar=h("cli_mv_period"), help=h("cli_arg_period"))
    p.add_argument("--all-programmes", action="store_true", help=h("cli_arg_all_programmes"))
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("solve", help=h("cli_cmd_solve"), description=h("cli_cmd_solve"))
    p.add_argument("scenario", type=Path, metavar=h("cli_mv_scenario"), help=h("cli_arg_scenario"))
    _add_common(p, lang)
    fmt(p, ["table", "json"])
    output(p)
    xlsx(p)
    p.add_argument("--solver", choices=["auto", "highs", "cbc"], default=None,
                   help=h("cli_arg_solver"))  # fmt: skip
    p.add_argument("--engine", choices=["auto", "pulp", "matrix"], default=None,
                   help=h("cli_arg_engine"))  # fmt: skip
    p.add_argument("--export", type=Path, default=None, metavar=folder, help=h("cli_arg_export"))
    p.add_argument("--pdf", type=Path, default=None, metavar=file, help=h("cli_arg_pdf_result"))
    p.add_argument("--workers", type=_count, default=None, metavar=h("cli_mv_number"),
                   help=h("cli_arg_solve_workers"))  # fmt: skip
    p.add_argument("--scheduler", default=None, metavar=h("cli_mv_address"),
                   help=h("cli_arg_solve_scheduler"))  # fmt: skip
    p.set_defaults(func=cmd_solve)

    p = sub.add_parser("explain", help=h("cli_cmd_explain"), description=h("cli_cmd_explain"))
    p.add_argument("scenario", type=Path, metavar=h("cli_mv_scenario"), help=h("cli_arg_scenario"))
    _add_common(p, lang)
    p.add_argument("--municipality", default=None, metavar=h("cli_mv_municipality"),
                   help=h("cli_arg_one_municipality"))  # fmt: skip
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("timeline", help=h("cli_cmd_timeline"), description=h("cli_cmd_timeline"))
    _add_common(p, lang)
    p.add_argument("--scenario", type=Path, default=None, metavar=file,
                   help=h("cli_arg_timeline_scenario"))  # fmt: skip
    date = h("cli_mv_date")
    p.add_argument("--from", dest="start", type=_date, default=None, metavar=date,
                   help=h("cli_arg_first_month"))  # fmt: skip
    p.add_argument("--to", dest="end", type=_date, default=None, metavar=date,
                   help=h("cli_arg_last_month"))  # fmt: skip
    p.add_argument("--municipality", action="append", default=None,
                   metavar=h("cli_mv_municipality"),
                   help=h("cli_arg_timeline_municipality"))  # fmt: skip
    fmt(p, ["table", "csv", "json"])
    output(p)
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("compare", help=h("cli_cmd_compare"), description=h("cli_cmd_compare"))
    p.add_argument("scenarios", type=Path, nargs="+", metavar=h("cli_mv_scenario"),
                   help=h("cli_arg_scenarios"))  # fmt: skip
    _add_common(p, lang)
    fmt(p, ["table", "json"])
    output(p)
    xlsx(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("risk", help=h("cli_cmd_risk"), description=h("cli_cmd_risk"))
    p.add_argument("scenario", type=Path, metavar=h("cli_mv_scenario"),
                   help=h("cli_arg_risk_scenario"))  # fmt: skip
    _add_common(p, lang)
    number = h("cli_mv_number")
    p.add_argument("--draws", type=_count, default=1000, metavar=number, help=h("cli_arg_draws"))
    p.add_argument("--seed", type=_count, default=0, metavar=h("cli_mv_seed"),
                   help=h("cli_arg_risk_seed"))  # fmt: skip
    p.add_argument("--workers", type=_count, default=None, metavar=number,
                   help=h("cli_arg_risk_workers"))  # fmt: skip
    p.add_argument("--scheduler", default=None, metavar=h("cli_mv_address"),
                   help=h("cli_arg_risk_scheduler"))  # fmt: skip
    p.add_argument("--levels", choices=["all", "shortfalls"], default="all",
                   help=h("cli_arg_levels"))  # fmt: skip
    fmt(p, ["table", "json"])
    output(p)
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help=h("cli_arg_progress"))  # fmt: skip
    p.set_defaults(func=cmd_risk)

    p = sub.add_parser("national", help=h("cli_cmd_national"), description=h("cli_cmd_national"))
    p.add_argument("--seed", type=_count, default=1, metavar=h("cli_mv_seed"),
                   help=h("cli_arg_national_seed"))  # fmt: skip
    p.add_argument("--out", type=Path, required=True, metavar=folder, help=h("cli_arg_out"))
    p.add_argument("--municipalities", type=_count, default=None, metavar=number,
                   help=h("cli_arg_municipalities"))  # fmt: skip
    p.add_argument("--provinces", type=_count, default=12, metavar=number,
                   help=h("cli_arg_provinces"))  # fmt: skip
    p.add_argument("--force", action="store_true", help=h("cli_arg_force"))
    p.add_argument("--lang", choices=["nl", "en"], default="nl", help=h("cli_arg_lang"))
    p.set_defaults(func=cmd_national)

    p = sub.add_parser("quotas", help=h("cli_cmd_quotas"), description=h("cli_cmd_quotas"))
    qsub = p.add_subparsers(dest="quotas_command", required=True, metavar=h("cli_commands"))
    q = qsub.add_parser("import", help=h("cli_cmd_quotas_import"),
                        description=h("cli_cmd_quotas_import"))  # fmt: skip
    q.add_argument("file", type=Path, metavar=h("cli_mv_quota_file"), help=h("cli_arg_quota_file"))
    _add_common(q, lang)
    q.add_argument("--source", default=None, metavar=h("cli_mv_text"),
                   help=h("cli_arg_quota_source"))  # fmt: skip
    q.add_argument("--dry-run", action="store_true", help=h("cli_arg_dry_run"))
    q.set_defaults(func=cmd_quotas_import)

    p = sub.add_parser("readiness", help=h("cli_cmd_readiness"), description=h("cli_cmd_readiness"))
    _add_common(p, lang)
    cycle = h("cli_mv_cycle")
    p.add_argument("--from", dest="start_cycle", default=None, metavar=cycle,
                   help=h("cli_arg_from_cycle"))  # fmt: skip
    p.add_argument("--to", dest="end_cycle", default=None, metavar=cycle,
                   help=h("cli_arg_to_cycle"))  # fmt: skip
    fmt(p, ["table", "json", "csv"])
    p.add_argument("--table", choices=["municipalities", "locations"], default="municipalities",
                   help=h("cli_arg_table"))  # fmt: skip
    output(p)
    p.set_defaults(func=cmd_readiness)
    return parser


def argv_lang(argv: Sequence[str]) -> str:
    """The language a command line asks for (``--lang en`` or ``--lang=en``), else
    Dutch: known before parsing, so the help and argparse's own messages use it.

    >>> argv_lang(["solve", "x.yaml", "--lang", "en"]), argv_lang(["--help"])
    ('en', 'nl')
    """
    args = list(argv)
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "nl"
        if a.startswith("--lang="):
            return "en" if a.split("=", 1)[1] == "en" else "nl"
    return "nl"


@contextmanager
def argparse_words(lang: str) -> Iterator[None]:
    """argparse's own words (usage, errors) in ``lang`` while the parser is built and
    used. argparse looks its messages up through the module's gettext function ``_``
    at the moment it shows them; it is swapped for the catalogue's Dutch and put back
    afterwards."""
    from planner.i18n.cli import ARGPARSE_DUTCH

    if lang != "nl":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def dutch(text: str) -> str:
        return ARGPARSE_DUTCH.get(text, text)

    def dutch_n(one: str, many: str, n: int) -> str:
        return dutch(one if n == 1 else many)

    argparse._, argparse.ngettext = dutch, dutch_n  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _last_resort(exc: BaseException) -> int:
    """A one-line message and where the full trace went; never a traceback on screen.

    Every known bad input has its own message (an InputError); reaching this is a bug.
    """
    import tempfile
    import traceback

    from planner.i18n.errors import say

    try:
        fd, trace = tempfile.mkstemp(prefix="planner-error-", suffix=".txt")
        with open(fd, "w", encoding="utf-8") as f:
            traceback.print_exception(exc, file=f)
    except OSError:
        trace = "-"
    print(say("err_unexpected", kind=type(exc).__name__, trace=trace), file=sys.stderr)
    print(say("err_unexpected_hint"), file=sys.stderr)
    return 70  # EX_SOFTWARE


def main(argv: Sequence[str] | None = None) -> int:
    from planner.errors import render
    from planner.i18n.errors import say

    argv = sys.argv[1:] if argv is None else list(argv)
    lang = argv_lang(argv)
    token = LANG.set(lang)  # argument errors (types, dates) in the asked language too
    try:
        with argparse_words(lang):
            args = build_parser(lang).parse_args(argv)
    finally:
        LANG.reset(token)
    func: Callable[[argparse.Namespace], int] = args.func
    token = LANG.set(getattr(args, "lang", "nl"))
    try:
        return func(args)
    except InputError as exc:
        print(render(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(say("err_interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last resort: see _last_resort
        if os.environ.get("PLANNER_DEBUG"):
            raise
        return _last_resort(exc)
    finally:
        LANG.reset(token)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
