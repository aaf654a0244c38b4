"""The bad-input suite: mutated data files and scenarios get one outcome only.

Either the input is valid (and the next stage runs on it), or an
:class:`~planner.errors.InputError` names the file (and the line or key) of every
problem. Any other exception fails the test: a traceback, a generic "unexpected error",
or a message that grows with its input. Hypothesis runs derandomised (the same cases in
every run, so CI is deterministic) with tuned example counts; the whole file takes well
under a minute. The cases tried and their outcomes are printed at the end of the run
(``pytest -s tests/badinput`` or in the terminal summary).

A few cases run the ``planner`` command as a process, to see what the user sees
(exit code, no traceback); the bulk calls the library in this process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.counting.count import cycle_report
from planner.counting.rules import CycleRules
from planner.data.loader import dataset_from_tables
from planner.errors import InputError, render
from planner.scenario.text import scenario_from_text
from tests.conftest import CYCLES, LOCATIONS, MUNICIPALITIES, REPO

OUTCOMES: Counter[str] = Counter()
#: Generous: a case takes milliseconds; this only catches a hang (issue 11: 300 s).
HANG = 20.0

SUITE = settings(
    max_examples=int(os.environ.get("PLANNER_BADINPUT_EXAMPLES", "120")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SWAPS = (
    "id,from_municipality,to_municipality,places,amv_places,start,end,status,"
    "condition_municipality,condition_places,condition_date,counter_programme,"
    "counter_places,source,note\n"
    "s1,Aa,Bee,10,0,2024-02-01,2026-02-01,agreed,,,,,,t,n\n"
)
SOFT = (
    "id,municipality,places,places_max,target_group,start,end,decided,location_id,source,note\n"
    "p1,Cee,20,,asiel,2025-05-01,2027-01-01,no,,t,n\n"
)
POPULATION = "code,name,population_2024\nGM0001,Aa,1000\nGM0002,Bee,2000\nGM0003,Cee,3000\n"
TABLES = {
    "municipalities": textwrap.dedent(MUNICIPALITIES),
    "locations": textwrap.dedent(LOCATIONS),
    "cycles": textwrap.dedent(CYCLES),
    "swaps": SWAPS,
    "soft_plans": SOFT,
    "population": POPULATION,
}
FILES = {
    "municipalities": "municipalities.csv",
    "locations": "locations.csv",
    "cycles": "cycles.csv",
    "swaps": "swaps.csv",
    "soft_plans": "soft_plans.csv",
    "population": "cbs_gemeenten_2024.csv",
    "overrides": "overrides.csv",
}

#: Cell values that have broken spreadsheets somewhere: numbers out of range, dates in
#: odd notations, text with control characters, formulas, decomposed Unicode, quotes.
NASTY = [
    "", " ", "-1", "0", "1.5", "1e400", "nan", "inf", "99999999999999999999999",
    "-99999999999999999999999", "05-04-2202", "31-02-2025", "nntb", "onbepaald", "yes",
    "no", "ja", "Aa", "Bee", "Zzz", "a\x00b", "a\x07b", "a\x1bb", "\u0308Aa", "Ömmen",
    "O\u0308mmen", "=1+1", "@x", '"', '""', "a,b", "a\nb", "x" * 5000, "🙂", "\ufeff",
    "GM0001", "GM9999", "amv", "asiel", "regulier", "COA", "2025-07-01", "1-aug-23",
]  # fmt: skip


def record(kind: str, outcome: str) -> None:
    OUTCOMES[f"{kind}: {outcome}"] += 1


def check_refusal(exc: InputError, files: set[str]) -> None:
    """Every problem names one of the input's files, and the message stays short."""
    assert exc.issues, "an InputError without a problem"
    for issue in exc.issues:
        assert any(issue.file == f or issue.file.endswith("/" + f) for f in files), issue
    text = render(exc)
    assert "Traceback" not in text and len(text) < 60_000


# --------------------------------------------------------------------------- data files


def _cells(text: str) -> list[list[str]]:
    return [line.split(",") for line in text.splitlines()]


@st.composite
def mutated_tables(draw: st.DrawFn) -> tuple[dict[str, bytes], str, str]:
    """The small data set with one file mutated: a cell, a column, the encoding, the
    separator, the quoting or the size."""
    tables = dict(TABLES)
    name = draw(st.sampled_from(sorted(tables)))
    text = tables[name]
    kind = draw(st.sampled_from(["cell", "cell", "cell", "column", "encoding", "separator",
                                 "quoting", "size", "rows"]))  # fmt: skip
    rows = _cells(text)
    if kind == "cell":
        r = draw(st.integers(1, len(rows) - 1))
        c = draw(st.integers(0, len(rows[r]) - 1))
        value = draw(st.one_of(st.sampled_from(NASTY), st.text(max_size=20)))
        if any(ch in value for ch in ',"\n\r'):
            value = '"' + value.replace('"', '""') + '"'
        rows[r][c] = value
        data = "\n".join(",".join(r) for r in rows) + "\n"
    elif kind == "column":
        c = draw(st.integers(0, len(rows[0]) - 1))
        how = draw(st.sampled_from(["drop", "rename", "duplicate", "add", "blank"]))
        for row in rows:
            cell = row[c] if c < len(row) else ""
            if how == "drop":
                row.pop(c) if c < len(row) else None
            elif how == "duplicate":
                row.append(cell)
            elif how == "add":
                row.append("extra")
        if how == "rename":
            rows[0][c] = rows[0][c].upper() + draw(st.sampled_from(["", "_x", " "]))
        elif how == "blank":
            rows[0][c] = ""
        data = "\n".join(",".join(r) for r in rows) + "\n"
    elif kind == "separator":
        sep = draw(st.sampled_from([";", "\t", "|", ", "]))
        data = text.replace(",", sep)
    elif kind == "quoting":
        pos = draw(st.integers(0, len(text)))
        data = text[:pos] + draw(st.sampled_from(['"', "'", '""', '"x"y'])) + text[pos:]
    elif kind == "size":
        how = draw(st.sampled_from(["empty", "truncate", "header", "blank_lines", "long"]))
        if how == "empty":
            data = ""
        elif how == "truncate":
            data = text[: draw(st.integers(0, len(text)))]
        elif how == "header":
            data = text.splitlines()[0] + "\n"
        elif how == "blank_lines":
            data = "\n\n" + text + "\n\n,,,\n"
        else:
            data = text + rows[-1][0] + "x" * 200_000 + "\n"
    elif kind == "rows":
        data = text + "\n".join(text.splitlines()[1:]) + "\n"  # every row twice
    else:  # encoding
        enc = draw(st.sampled_from(["latin-1", "utf-16", "utf-8-sig", "cp1252"]))
        raw = (text.replace("Aa", "Äa")).encode(enc)
        tables = {k: v.encode() for k, v in tables.items()}
        tables[name] = raw
        return tables, name, kind
    out = {k: v.encode() for k, v in tables.items()}
    out[name] = data.encode("utf-8", "surrogatepass")
    return out, name, kind


@SUITE
@given(mutated_tables())
def test_mutated_data_files_are_loaded_or_refused_by_name(case) -> None:
    tables, name, kind = case
    start = time.perf_counter()
    try:
        ds = dataset_from_tables(tables, "<tables>")
    except InputError as exc:
        check_refusal(exc, set(FILES.values()))
        record(f"data/{kind}", "refused with file and line")
    else:
        # Valid data must also count: the next stage may not trip over it.
        report = cycle_report(ds, CycleRules.from_row(ds.cycle()))
        assert report.municipalities is not None
        record(f"data/{kind}", "valid")
    assert time.perf_counter() - start < HANG


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["type", "features", "geometry", "coordinates", "properties",
                         "gemeentecode", "x"]), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip


@st.composite
def geojson_texts(draw: st.DrawFn) -> str:
    """A border file: random JSON, a FeatureCollection with odd features, or broken text."""
    import json

    kind = draw(st.sampled_from(["json", "collection", "text"]))
    if kind == "json":
        return json.dumps(draw(JSON))
    if kind == "collection":
        features = draw(st.lists(JSON, max_size=4))
        return json.dumps({"type": "FeatureCollection", "features": features})
    return draw(st.sampled_from(["", "{", "[]", "null", "\x00", "[" * 5000, '{"type": 1}']))


@SUITE
@given(geojson_texts())
def test_mutated_border_files_are_read_or_refused_by_name(tmp_path_factory, text) -> None:
    from planner.data.loader import centroids, read_geometry

    path = tmp_path_factory.mktemp("geo") / "gemeenten_2024.geojson"
    path.write_text(text, encoding="utf-8")
    try:
        geo = read_geometry(path)
    except InputError as exc:
        check_refusal(exc, {"gemeenten_2024.geojson"})
        record("data/geojson", "refused with file")
    else:
        centroids(geo)  # the only use of the borders besides the map
        record("data/geojson", "valid")


# --------------------------------------------------------------------------- scenarios

BASE_SCENARIO: dict[str, Any] = {
    "name": "fuzz",
    "description": "a scenario to mutate",
    "swaps": {"policy": "region", "max_per_pair": 50},
    "candidates": [
        {"id": "borne-new", "municipality": "Borne", "max_places": 150,
         "start": "2025-05-01", "probability": 0.6},
        {"id": "zw-ext", "kind": "extend", "location": "zwolle-breughel", "end": "2027-01-01"},
    ],
    "location_changes": [{"location": "dalfsen-ambachtsweg", "places": 90, "decided": True}],
    "limits": {"max_new_locations": 2, "max_new_places": 500},
    "objective": ["provincial_shortfall", "municipal_shortfall"],
    "solver": {"time_limit": 20},
}  # fmt: skip

LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=True),
    st.text(max_size=12), st.sampled_from(NASTY),
    st.sampled_from(["Borne", "Zwolle", "Atlantis", "region", "province", "none", "amv",
                     "2025-07-01", "2202-01-01", "base.yaml", "../../../../etc/passwd"]),
)  # fmt: skip
VALUES = st.recursive(
    LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                    st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)  # fmt: skip


def _paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


def _set(doc: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    doc[path[0]] = _set(doc[path[0]], path[1:], value)
    return doc


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _bomb(levels: int, width: int) -> str:
    text = "a0: &a0 [" + ", ".join(["x"] * width) + "]\n"
    for i in range(1, levels):
        text += f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]\n"
    return text + f"swaps: {{policy: *a{levels - 1}}}\n"


@st.composite
def mutated_scenarios(draw: st.DrawFn) -> tuple[str, str]:
    """A scenario's text with its keys, types, nesting, aliases or references changed."""
    import copy

    doc = copy.deepcopy(BASE_SCENARIO)
    kind = draw(st.sampled_from(["type", "type", "key", "remove", "nesting", "alias",
                                 "reference", "text"]))  # fmt: skip
    paths = _paths(doc)[1:]
    if kind == "type":
        path = draw(st.sampled_from(paths))
        doc = _set(doc, path, draw(VALUES))
    elif kind == "key":
        path = draw(st.sampled_from([p for p in paths if isinstance(p[-1], str)] + [()]))
        target = doc
        for part in path[:-1] if path else ():
            target = target[part]
        if isinstance(target, dict):
            target[draw(st.sampled_from(["extra", "Name", "policy ", "swap", "kind"]))] = draw(
                LEAVES
            )
    elif kind == "remove":
        path = draw(st.sampled_from(paths))
        target = doc
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]
    elif kind == "reference":
        what = draw(st.sampled_from([("candidates", 0, "municipality"),
                                     ("candidates", 1, "location"),
                                     ("location_changes", 0, "location")]))  # fmt: skip
        doc = _set(doc, what, draw(st.sampled_from(["Atlantis", "zwolle-99", "", "Bornee"])))
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    if kind == "nesting":
        depth = draw(st.sampled_from([10, 63, 65, 200, 5000]))
        text += f"extra: {_nested(depth)}\n"
    elif kind == "alias":
        levels = draw(st.integers(2, 9))
        width = draw(st.integers(2, 9))
        text = text.replace("swaps:\n  policy: region\n", "") + _bomb(levels, width)
    elif kind == "text":
        lines = text.splitlines()
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["duplicate", "quote", "tab", "cut", "colon"]))
        if how == "duplicate":
            lines.insert(i, lines[i])
        elif how == "quote":
            lines[i] = lines[i] + ' "'
        elif how == "tab":
            lines[i] = "\t" + lines[i]
        elif how == "cut":
            lines = lines[:i]
        else:
            lines[i] = lines[i].replace(": ", ":", 1)
        text = "\n".join(lines) + "\n"
    return text, kind


@SUITE
@given(mutated_scenarios())
def test_mutated_scenarios_are_read_or_refused_by_key(overijssel, case) -> None:
    from planner.optimise.instance import build_instance

    text, kind = case
    start = time.perf_counter()
    try:
        scenario, _ = scenario_from_text(text, "s.yaml", ds=overijssel)
    except InputError as exc:
        check_refusal(exc, {"s.yaml"})
        assert all(i.line is not None or i.column for i in exc.issues), exc
        record(f"scenario/{kind}", "refused with key or line")
    else:
        build_instance(overijssel, scenario)  # the next stage runs on what was accepted
        record(f"scenario/{kind}", "valid")
    assert time.perf_counter() - start < HANG


# --------------------------------------------------------------------------- as a user


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PLANNER_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "planner.cli", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("case", "content"),
    [
        ("bomb.yaml", "name: bomb\n" + _bomb(8, 9)),
        ("nested.yaml", "name: deep\nswaps: " + _nested(5000) + "\n"),
        ("dup.yaml", "name: d\nswaps: {policy: province}\nswaps: {policy: none}\n"),
    ],
)
def test_the_command_answers_bad_scenarios_without_a_traceback(tmp_path, case, content) -> None:
    path = tmp_path / case
    path.write_text(content, encoding="utf-8")
    proc = _cli("solve", str(path), cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert case in proc.stderr and "Traceback" not in proc.stderr
    assert "Onverwachte fout" not in proc.stderr and len(proc.stderr) < 2000
    record("cli/scenario", "refused, exit 2")
