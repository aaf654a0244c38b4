"""Every programme's table in the exports (issue 12): ``planner solve --export``, the
result workbook, and the all-programmes workbook of the CLI and the app's Export page.

Expected figures are those of seed 001 section 4: OEK (Opvang Oekraiense ontheemden)
Overijssel 9,781 / 7,603, IJsselland 4,976 / 3,934, Twente 4,805 / 3,669, Deventer
647 / 578; status holders (Huisvesting statushouders) Overijssel 1,134 / 1,802 / 432,
IJsselland 521 / 807 / 187, Twente 613 / 995 / 245; asylum (cycle 1, README) quota
6,325, credited 3,864, shortfall 2,461.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from planner.cli import main
from planner.optimise.solve import solve_scenario
from planner.reports.bundle import export_result
from planner.reports.programmes import all_programmes_sheets
from planner.scenario.schema import Scenario
from tests.dutch_check import english_in


@pytest.fixture(scope="module")
def base(overijssel):
    return solve_scenario(overijssel, Scenario(name="base"))


def _rows(ws) -> tuple[list, dict]:
    header = [c.value for c in ws[1]]
    rows = {r[header.index("Naam")]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    return header, rows


def test_solve_export_carries_oek_and_status_holder_tables(base, overijssel, tmp_path) -> None:
    files = {p.name for p in export_result(base, overijssel, tmp_path)}
    assert {"opgave_oekraïne.csv", "opgave_statushouders.csv"} <= files
    wb = openpyxl.load_workbook(tmp_path / "resultaat.xlsx")
    header, rows = _rows(wb["Opgave Oekraïne"])
    duty, real = header.index("Inspanningsverplichting"), header.index("Realisatie vóór peildatum")
    assert (rows["Deventer"][duty], rows["Deventer"][real]) == (647, 578)
    assert (rows["Totaal IJsselland"][duty], rows["Totaal IJsselland"][real]) == (4976, 3934)
    assert (rows["Totaal Twente"][duty], rows["Totaal Twente"][real]) == (4805, 3669)
    assert (rows["Totaal Overijssel"][duty], rows["Totaal Overijssel"][real]) == (9781, 7603)
    assert rows["Totaal Overijssel"][header.index("Niveau")] == "Provincie"
    header, rows = _rows(wb["Opgave statushouders"])
    cols = [header.index(h) for h in ("Taakstelling", "Taakstelling incl. voor/achterstand",
                                      "Realisatie op peildatum")]  # fmt: skip
    for name, figures in (("Totaal IJsselland", [521, 807, 187]),
                          ("Totaal Twente", [613, 995, 245]),
                          ("Totaal Overijssel", [1134, 1802, 432])):  # fmt: skip
        assert [rows[name][i] for i in cols] == figures
    # 432 / 1,802 = 24% (the plan's percentage)
    assert round(100 * rows["Totaal Overijssel"][header.index("Percentage")]) == 24
    assert not english_in(" ".join(str(h) for h in header))
    with open(tmp_path / "opgave_oekraïne.csv", encoding="utf-8") as f:
        by_name = {r["Naam"]: r for r in csv.DictReader(f)}
    assert by_name["Totaal Overijssel"]["Inspanningsverplichting"] == "9781"


def test_english_export_has_english_sheets(base, overijssel, tmp_path) -> None:
    export_result(base, overijssel, tmp_path, lang="en")
    wb = openpyxl.load_workbook(tmp_path / "result.xlsx")
    header, _ = (lambda ws: ([c.value for c in ws[1]], None))(wb["Ukraine task"])
    assert "Effort obligation" in header and "Status holder task" in wb.sheetnames


def test_all_programmes_workbook_side_by_side(overijssel) -> None:
    sheets = all_programmes_sheets(overijssel)
    assert list(sheets)[:3] == ["Drie opgaven", "Opgave Oekraïne", "Opgave statushouders"]
    side = sheets["Drie opgaven"]
    total = side[side["Niveau"] == "Provincie"].iloc[0]
    assert [total["Asiel: Opgave"], total["Asiel: Realisatie"], total["Asiel: Tekort"]] == [
        6325,
        3864,
        2461,
    ]
    assert total["Oekraïne: Inspanningsverplichting"] == 9781
    assert total["Oekraïne: Tekort"] == 9781 - 7603
    assert total["Statushouders: Taakstelling incl. voor/achterstand"] == 1802
    assert total["Statushouders: Tekort"] == 1802 - 432
    assert not english_in(" ".join(map(str, side.columns)))


def test_cli_and_app_write_the_same_workbook(overijssel, tmp_path) -> None:
    from planner.app.views import all_programmes_workbook

    path = tmp_path / "drie.xlsx"
    assert main(["report", "--all-programmes", "--xlsx", str(path)]) == 0
    cli = openpyxl.load_workbook(path)
    app = openpyxl.load_workbook(io.BytesIO(all_programmes_workbook(overijssel)))
    assert cli.sheetnames == app.sheetnames
    a, b = cli["Drie opgaven"], app["Drie opgaven"]
    assert [[c.value for c in r] for r in a.iter_rows()] == [
        [c.value for c in r] for r in b.iter_rows()
    ]
