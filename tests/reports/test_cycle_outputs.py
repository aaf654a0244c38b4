"""Reports per cycle: cycle 1 byte for byte as before, an assumed cycle marked everywhere.

The golden files in ``golden/`` are the output of ``planner report`` (nl, en, with soft
plans, JSON, CSV) on the bundled data. They were first taken at the commit before cycles
became data (8763103), when the quotas still lived in municipalities.csv and the tool
knew one cycle; the text ones were taken again after the Dutch-output work (issue 10),
which added the "Toelichting op de cijfers" block and translated the override reasons,
with every figure of the tables unchanged (compared number by number). ``--cycle 1``,
``--cycle cycle-1`` and no ``--cycle`` must all give exactly those bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from planner.cli import main

GOLDEN = Path(__file__).parent / "golden"


def run(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("cycle", [[], ["--cycle", "1"], ["--cycle", "cycle-1"]])
@pytest.mark.parametrize(
    ("args", "golden"),
    [
        ([], "cycle1_report_nl.txt"),
        (["--lang", "en"], "cycle1_report_en.txt"),
        (["--with-soft-plans"], "cycle1_report_soft_nl.txt"),
        (["--format", "json"], "cycle1_report.json"),
        (["--format", "csv"], "cycle1_report.csv"),
    ],
)
def test_cycle_1_report_is_unchanged(capsys, cycle, args, golden) -> None:
    out = run(capsys, "report", *cycle, *args)
    assert out == (GOLDEN / golden).read_text(encoding="utf-8")


def test_cycle_2_text_is_marked_as_assumption(capsys) -> None:
    out = run(capsys, "report", "--cycle", "2")
    lines = out.splitlines()
    assert "Tweede cyclus" in lines[0] and "01-07-2027 - 01-02-2028" in lines[0]
    # the durable rule in words: 1 Jul 2027 + 5 years = 1 Jul 2032
    assert "01-07-2032" in lines[1] and "101" in lines[1]
    assert lines[2].startswith("AANNAME")
    en = run(capsys, "report", "--cycle", "2", "--lang", "en")
    assert "ASSUMPTION" in en


def test_cycle_2_uses_its_own_quotas(capsys) -> None:
    """Cycle 2's assumed quota is cycle 1's x 88,000/96,000: the province 6,325 x 11/12 =
    5,797.9 -> 5,798; amv 538 x 11/12 = 493.2 -> 493 (data/NOTES.md)."""
    doc = json.loads(run(capsys, "report", "--cycle", "2", "--format", "json"))
    assert (doc["province"]["quota"], doc["province"]["amv_quota"]) == (5798, 493)
    assert doc["rules"]["status"] == "assumed" and "ASSUMPTION" in doc["rules"]["assumption"]
    assert doc["rules"]["durable_until"] == "2032-07-01"
    # Dronten-Kampen is an agreement of cycle 1 only (swaps.csv cycle column): not here
    assert {s["id"]: s["counts"] for s in doc["swaps"]}["dronten-kampen"] is False


def test_cycle_2_csv_and_workbook_are_marked(capsys, tmp_path) -> None:
    out = run(capsys, "report", "--cycle", "2", "--format", "csv")
    rows = out.splitlines()
    assert rows[0].endswith(",Status cyclus")
    assert all(r.endswith(",aanname") for r in rows[1:])
    xlsx = tmp_path / "c2.xlsx"
    run(capsys, "report", "--cycle", "2", "--xlsx", str(xlsx))
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames[0] == "aanname"
    cells = [str(c.value) for row in wb["aanname"].iter_rows() for c in row if c.value]
    assert any(c.startswith("AANNAME") for c in cells)


def test_solve_of_an_assumed_cycle_is_marked(capsys) -> None:
    out = run(capsys, "solve", "scenarios/base.yaml", "--cycle", "2")
    assert any(line.startswith("AANNAME") for line in out.splitlines()[:20])
    doc = json.loads(run(capsys, "solve", "scenarios/base.yaml", "--cycle", "2",
                         "--format", "json"))  # fmt: skip
    assert doc["record"]["rules"]["status"] == "assumed"
    assert doc["record"]["rules"]["cycle"] == "cycle-2"


def test_unknown_cycle_is_named(capsys) -> None:
    assert main(["report", "--cycle", "cycle-3"]) == 2
    err = capsys.readouterr().err
    assert "cycle-3" in err and "cycle-1" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["timeline", "--cycle", "2"],
        ["explain", "scenarios/base.yaml", "--cycle", "2", "--municipality", "Zwolle"],
        ["compare", "scenarios/base.yaml", "scenarios/borne-opens.yaml", "--cycle", "2"],
        [
            "risk",
            "scenarios/soft-plans-risk.yaml",
            "--cycle",
            "2",
            "--draws",
            "4",
            "--workers",
            "1",
        ],
    ],
)
def test_other_commands_mark_the_assumed_cycle(capsys, argv) -> None:
    out = run(capsys, *argv)
    assert out.startswith("AANNAME")
    out1 = run(capsys, *[a if a != "2" else "1" for a in argv])
    assert "AANNAME" not in out1
