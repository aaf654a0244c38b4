"""The command line: report in every format, errors on stderr with exit code 2."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from planner.cli import main
from tests.dutch_check import assert_dutch

FIELDS = {
    "name",
    "region",
    "quota",
    "amv_quota",
    "places",
    "amv_places",
    "credited",
    "amv_credited",
    "shortfall",
    "amv_shortfall",
}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_report_json(capsys) -> None:
    code, out, _ = run(capsys, "report", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert FIELDS <= set(data["municipalities"][0])
    assert FIELDS - {"name", "region"} | {"municipal_shortfall"} <= set(data["province"])
    assert data["province"]["credited"] == 3864 and data["province"]["shortfall"] == 2461
    assert data["province"]["municipal_shortfall"] == 2945
    regions = {r["name"]: r for r in data["regions"]}
    assert regions["Twente"]["credited"] == 1866
    assert {o["id"] for o in data["overrides"]} == {"hengelo-havezatenlaan", "dronten-kampen"}


def test_report_json_with_soft_plans(capsys) -> None:
    _, out, _ = run(capsys, "report", "--format", "json", "--with-soft-plans")
    assert json.loads(out)["province"]["credited"] == 5699


def test_report_table_in_both_languages(capsys) -> None:
    _, nl, _ = run(capsys, "report")
    _, en, _ = run(capsys, "report", "--lang", "en")
    assert "Opgave" in nl and "Tekort" in nl and "3.864" in nl and "2.461" in nl
    assert "Quota" in en and "Shortfall" in en and "Total Twente" in en
    assert "Havezatenlaan" in nl  # the overrides are listed


def test_report_csv_and_xlsx(capsys, tmp_path) -> None:
    out_csv = tmp_path / "r.csv"
    xlsx = tmp_path / "r.xlsx"
    code, _, err = run(capsys, "report", "--format", "csv", "-o", str(out_csv), "--xlsx", str(xlsx))
    assert code == 0 and "geschreven" in err
    text = out_csv.read_text()
    rows = list(csv.DictReader(io.StringIO(text)))
    # the province's row of the cycle table (000 section 3: 3,864 credited; the sum of
    # the municipal shortfalls 2,945), headers and levels in Dutch
    province = next(r for r in rows if r["Niveau"] == "provincie")
    assert province["Realisatie"] == "3864" and province["Som gemeentelijke tekorten"] == "2945"
    assert_dutch(text, "planner report --format csv")
    wb = openpyxl.load_workbook(xlsx)
    sheet = wb["Cyclustabel"]
    assert sheet["A1"].value == "Cyclustabel Spreidingswet"  # the title block
    head = next(r for r in sheet.iter_rows() if r[0].value == "Gemeente")
    header = [c.value for c in head]
    last = [c.value for c in sheet[sheet.max_row]]
    assert last[header.index("Realisatie")] == 3864  # a number, not text
    assert sheet.freeze_panes == f"A{head[0].row + 1}"
    assert {"locaties", "uitruil", "uitzonderingen"} <= set(wb.sheetnames)


def test_bad_data_gives_a_clear_error_and_exit_2(capsys, make_data) -> None:
    folder = make_data(
        locations="id,municipality,name,places,places_max,target_group,type,operator,start,"
        "end,end_unknown,decided,status,source,note\n"
        "x,Aa,X,-1,,asiel,regulier,COA,2020-01-01,,,yes,existing,t,\n"
    )
    code, out, err = run(capsys, "report", "--data", str(folder), "--lang", "en")
    assert code == 2 and out == ""
    assert "locations.csv, line 2, places" in err and "Fix:" in err
    code, _, err = run(capsys, "report", "--data", str(folder))  # Dutch by default
    assert code == 2 and "locations.csv, regel 2, places" in err and "Oplossing:" in err


def test_unknown_cycle(capsys) -> None:
    code, _, err = run(capsys, "report", "--cycle", "cycle-9")
    assert code == 2 and "cycle-1" in err


def test_version(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert "planner" in capsys.readouterr().out


def test_explain(capsys) -> None:
    code = main(["explain", "scenarios/base.yaml", "--municipality", "Kampen", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0
    # every line about Kampen under its own heading
    assert "\nKampen:\n  just outside the window: Hotel Zalkerbroek (up to 92 days" in out
    assert "  one more place in Kampen lowers the provincial shortfall by 1" in out
    assert "dronten-kampen: Kampen 108 of 108 own places on 2025-10-01: met" in out
    code = main(["explain", "scenarios/base.yaml", "--municipality", "Kampne"])
    assert code == 2 and "'Kampen'" in capsys.readouterr().err


def test_solve_export_folder(capsys, tmp_path) -> None:
    code = main(["solve", "scenarios/base.yaml", "--export", str(tmp_path / "out")])
    assert code == 0
    assert (tmp_path / "out" / "resultaat.xlsx").exists()
    doc = json.loads((tmp_path / "out" / "result.json").read_text())
    assert doc["province"]["shortfall"] == 2461


def test_timeline_shows_the_gaps_around_the_window(capsys) -> None:
    """By hand from data/locations.csv: Hardenberg's 700 (Jachthuisweg) run until
    01-03-2026, so March 2026 has 0; Hengelo has 250 + 175 = 425 in August 2025 and
    only the TGO's 175 after Havezatenlaan ends on 01-09-2025, 415 from September 2026;
    Zwolle's TGOs (4 + 12 + 8 + 22 = 46) and Breughel (48 amv) end 28-02-2026:
    394 - 46 - 48 = 300 in March 2026."""
    code = main(["timeline", "--municipality", "Hardenberg", "--municipality", "Hengelo",
                 "--municipality", "Zwolle", "--format", "json"])  # fmt: skip
    rows = json.loads(capsys.readouterr().out)
    assert code == 0
    got = {(r["municipality"], r["month"][:7]): r["places"] + r["credited"] for r in rows}
    assert got[("Hardenberg", "2026-02")] == 700 and got[("Hardenberg", "2026-03")] == 0
    assert got[("Hengelo", "2025-08")] == 425 and got[("Hengelo", "2025-10")] == 175
    assert got[("Hengelo", "2026-10")] == 415
    assert got[("Zwolle", "2026-02")] == 394 and got[("Zwolle", "2026-03")] == 300
    code = main(["timeline", "--municipality", "Hardenbrg"])
    assert code == 2 and "'Hardenberg'" in capsys.readouterr().err
