"""Exports: workbook, CSV and JSON agree; no cell is a formula; JSON is reproducible."""

from __future__ import annotations

import csv
import json

import openpyxl
import pytest

from planner.optimise.solve import solve_scenario
from planner.reports.bundle import export_result
from planner.reports.export import result_document, safe_text
from planner.scenario.schema import Scenario


@pytest.fixture(scope="module")
def borne(overijssel):
    sc = Scenario(
        name="=HYPERLINK(\"http://evil\",\"klik\")",
        description="+31 20 1234567 @someone -minus",
        candidates=[{"id": "borne-new", "municipality": "Borne", "max_places": 150,
                     "start": "2025-05-01", "note": "=1+1"}],
    )  # fmt: skip
    return solve_scenario(overijssel, sc)


def test_workbook_csv_and_json_agree(borne, overijssel, tmp_path) -> None:
    files = export_result(borne, overijssel, tmp_path)
    assert {p.name for p in files} >= {"resultaat.xlsx", "result.json", "gemeenten.csv"}
    doc = json.loads((tmp_path / "result.json").read_text())
    wb = openpyxl.load_workbook(tmp_path / "resultaat.xlsx")
    ws = wb["gemeenten"]
    header = [c.value for c in ws[1]]  # Dutch headers, not the JSON's keys
    rows = {r[header.index("Gemeente")]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    for m in doc["municipalities"]:
        row = rows[m["name"]]
        assert row[header.index("Realisatie")] == m["credited"]
        assert row[header.index("Tekort")] == m["shortfall"]
    # Borne: 150 places against a quota of 148 (2,461 - 150 = 2,311 for the province).
    assert doc["province"]["shortfall"] == 2311
    summary = wb["samenvatting"]
    last = [c.value for c in summary[summary.max_row]]
    assert last[0] == "Totaal Overijssel" and 2311 in last  # numbers stay numbers
    with open(tmp_path / "gemeenten.csv", encoding="utf-8") as f:
        by_name = {r["Gemeente"]: r for r in csv.DictReader(f)}
    assert by_name["Borne"]["Realisatie"] == "150"


def test_no_cell_can_be_read_as_a_formula(borne, overijssel, tmp_path) -> None:
    export_result(borne, overijssel, tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "resultaat.xlsx")
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    texts.append(value)
                    assert not value.startswith(("=", "+", "-", "@")), (ws.title, value)
    assert any(t.startswith("'=HYPERLINK") for t in texts)  # the name is there, defused
    for path in tmp_path.glob("*.csv"):
        for row in csv.reader(path.open(encoding="utf-8")):
            for value in row:
                assert not value.startswith(("=", "+", "@")), (path.name, value)
                assert not (value.startswith("-") and not _number(value)), (path.name, value)


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_workbook_has_the_timeline_with_the_scenario_changes(overijssel, tmp_path) -> None:
    """Loozen (100 places) extended to 01-03-2026 in the scenario: Hardenberg has
    700 + 100 = 800 places in use in January 2026 in the workbook's timeline."""
    res = solve_scenario(overijssel, Scenario(name="loozen", location_changes=[
        {"location": "hardenberg-loozen", "end": "2026-03-01"}]))  # fmt: skip
    export_result(res, overijssel, tmp_path)
    ws = openpyxl.load_workbook(tmp_path / "resultaat.xlsx")["tijdlijn"]
    header = [c.value for c in ws[1]]  # Dutch headers: Maand, Gemeente, Eigen plekken
    for row in ws.iter_rows(min_row=2, values_only=True):
        month = row[header.index("Maand")]
        if row[header.index("Gemeente")] == "Hardenberg" and month.strftime("%Y-%m") == "2026-01":
            assert row[header.index("Eigen plekken")] == 800
            break
    else:
        raise AssertionError("no Hardenberg January 2026 row")


def test_safe_text() -> None:
    assert safe_text("=SUM(A1)") == "'=SUM(A1)"
    assert safe_text("-5") == "'-5"  # text that looks like a formula stays text
    assert safe_text(-5) == -5  # a number stays a number
    assert safe_text("Zwolle") == "Zwolle"


def test_json_is_byte_identical_apart_from_the_run(borne, overijssel) -> None:
    first = result_document(borne, overijssel)
    again = result_document(solve_scenario(overijssel, borne.instance.scenario), overijssel)
    for doc in (first, again):
        assert set(doc["record"]["run"]) == {"generated_at", "build_seconds", "solve_seconds"}
        doc["record"].pop("run")
    a = json.dumps(first, ensure_ascii=False, indent=2, default=str)
    b = json.dumps(again, ensure_ascii=False, indent=2, default=str)
    assert a == b


def test_decision_record(borne, overijssel) -> None:
    rec = result_document(borne, overijssel)["record"]
    assert rec["status"] == "optimal" and rec["solver"] == "highs"
    assert set(rec["data_hashes"]) >= {"locations.csv", "municipalities.csv", "cycles.csv"}
    assert len(rec["scenario_hash"]) == 64 and "borne-new" in rec["scenario_text"]
    assert rec["rules"]["window_start"] == "2025-07-01"
    assert rec["versions"]["pulp"].startswith("3.")


def test_a_file_that_cannot_be_written_keeps_the_old_one(tmp_path) -> None:
    """A write that fails half-way (here: the disk full) leaves the file the user had
    as it was, no temporary file beside it, and an error that names the file and the
    reason in Dutch (in English with --lang en)."""
    import errno

    from planner.errors import InputError, render
    from planner.reports.export import replacing

    target = tmp_path / "cyclus.csv"
    target.write_text("de vorige versie\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        with replacing(target) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_text(encoding="utf-8") == "de vorige versie\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cyclus.csv"]
    text = render(caught.value)
    assert str(target) in text and "de schijf is vol" in text and "No space" not in text
    assert "the disk is full" in render(caught.value, "en")
