"""Everything a Dutch user reads from the command line and the exports is Dutch.

`planner report`, `solve`, `explain` and `compare` (table output), every sheet of every
workbook and both PDFs are checked with :func:`tests.dutch_check.english_in`: no English
word, no snake_case key, no "None"/"True". Two things are exempt, on purpose: the
scenario text in the decision record (a YAML document whose keys are the file format,
shown as written) and proper names in the data (the operator "You Care").
The numbers in the assertions are the README's (seed 000 section 3: 6,325 quota,
3,864 credited, 2,461 short; Borne opening 150 places gives 2,311).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from planner.cli import main
from tests.dutch_check import assert_dutch

REPO = Path(__file__).resolve().parents[2]
SCEN = REPO / "scenarios"
ALLOW = ["You", "Care"]  # an operator's name in the data


def cli(capsys, *args: str) -> str:
    code = main(list(args))
    out = capsys.readouterr().out
    assert code == 0, out
    return out


def sheet_text(path: Path) -> dict[str, str]:
    """Each sheet's cells as text, the scenario's YAML text left out."""
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows(values_only=True):
            if row and row[0] in ("Scenariotekst", "Scenario text"):
                continue
            cells += [str(v) for v in row if v is not None]
        out[ws.title] = "\n".join(cells)
    return out


def pdf_text(path: Path | bytes) -> str:
    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else path)
    return "\n".join(page.extract_text() for page in reader.pages)


# --------------------------------------------------------------------------- terminal


def test_report_is_dutch(capsys) -> None:
    out = cli(capsys, "report")
    assert_dutch(out, "planner report", ALLOW)
    assert "Totaal" in out and "2.461" in out and "3.864" in out
    assert "eindigt 01-09-2025, 153 dagen voor het einde van de periode" in out  # Havezatenlaan


def test_report_explains_the_figures_that_look_inconsistent(capsys) -> None:
    """3,664 own places + Dronten's 200 for Kampen = 3,864; amv 538 - 130 = 408 for the
    province against 451 summed over municipalities; 2,945 - 2,461 = 484 surplus."""
    out = cli(capsys, "report")
    assert "Realisatie 3.864 = eigen plekken 3.664 + 200 plekken via uitruil" in out
    assert "Dronten -> Kampen 200" in out
    assert "538 - 130 = 408" in out and "amv-tekorten is 451" in out
    assert "tekorten (2.945) is groter, omdat overschotten (484)" in out


@pytest.mark.parametrize(
    "scenario", ["base.yaml", "region-swaps-capped.yaml", "soft-plans-as-candidates.yaml"]
)
def test_solve_is_dutch_and_answers_first(capsys, scenario) -> None:
    out = cli(capsys, "solve", str(SCEN / scenario))
    assert_dutch(out, f"planner solve {scenario}", ALLOW)
    assert out.startswith("Antwoord:\n  Het tekort van de provincie wordt ")
    assert not re.search(r"\boptimal\b", out) and "Status: optimaal" in out


def test_solve_answer_names_the_change_against_the_parent(capsys) -> None:
    """borne-opens extends base: 2,461 - 150 = 2,311 and Borne's site opens."""
    out = cli(capsys, "solve", str(SCEN / "borne-opens.yaml"))
    assert "Het tekort van de provincie wordt 2.311 plekken" in out
    assert "Dat is 150 minder dan in Basis cyclus 1 (2.461)." in out
    assert "Open gaat: borne-new in Borne (150 plekken)." in out


def test_explain_is_dutch_with_each_line_under_its_municipality(capsys) -> None:
    out = cli(capsys, "explain", str(SCEN / "base.yaml"))
    assert_dutch(out, "planner explain", ALLOW)
    assert "het som" not in out and "de som van de gemeentelijke tekorten" in out
    lines = out.splitlines()
    heading = None
    for line in lines:
        if line.endswith(":") and not line.startswith(" "):
            heading = line[:-1]
        elif line.startswith("  één "):  # a marginal value: about the heading's municipality
            assert f" in {heading} verlaagt" in line, (heading, line)


def test_compare_is_dutch_and_fits_100_columns(capsys) -> None:
    out = cli(
        capsys, "compare", str(SCEN / "base.yaml"), str(SCEN / "borne-opens.yaml"),
        str(SCEN / "surpluses-within-regions.yaml"),
    )  # fmt: skip
    assert_dutch(out, "planner compare", ALLOW)
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "Tekort provincie" in out and "shortfall[" not in out and "diff_" not in out


# --------------------------------------------------------------------------- workbooks


def test_every_workbook_sheet_is_dutch(capsys, tmp_path) -> None:
    cli(capsys, "report", "--xlsx", str(tmp_path / "cyclus.xlsx"))
    cli(capsys, "solve", str(SCEN / "soft-plans-as-candidates.yaml"), "--export",
        str(tmp_path / "out"))  # fmt: skip
    cli(capsys, "compare", str(SCEN / "base.yaml"), str(SCEN / "borne-opens.yaml"), "--xlsx",
        str(tmp_path / "cmp.xlsx"))  # fmt: skip
    books = [tmp_path / "cyclus.xlsx", tmp_path / "out" / "resultaat.xlsx", tmp_path / "cmp.xlsx"]
    for book in books:
        for title, text in sheet_text(book).items():
            assert_dutch(text, f"{book.name} sheet {title}", ALLOW)
    for csv_file in (tmp_path / "out").glob("*.csv"):
        text = csv_file.read_text(encoding="utf-8")
        if csv_file.name != "beslisverslag.csv":  # holds the scenario's YAML text
            assert_dutch(text, csv_file.name, ALLOW)


def test_result_workbook_layout(capsys, tmp_path) -> None:
    """Title block, answer first, bold totals, frozen headers, percentages, landscape."""
    cli(capsys, "solve", str(SCEN / "borne-opens.yaml"), "--xlsx", str(tmp_path / "r.xlsx"))
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert wb.sheetnames[0] == "antwoord"
    first = wb["antwoord"]
    assert first["A1"].value == "Resultaat scenario: Borne opent een locatie"
    labels = [first.cell(row=r, column=1).value for r in range(2, 7)]
    assert labels == ["Scenario", "Cyclus", "Periode", "Gemaakt op", "Gegevens (versie)"]
    assert first["B4"].value == "01-07-2025 - 01-02-2026"
    summary = wb["samenvatting"]
    last = summary[summary.max_row]
    assert last[0].value == "Totaal Overijssel" and last[0].font.bold
    assert summary.freeze_panes == "A2"
    assert summary.page_setup.orientation == "landscape"
    assert summary.page_setup.fitToWidth == 1 and summary.sheet_properties.pageSetUpPr.fitToPage
    mun = wb["gemeenten"]
    header = [c.value for c in mun[1]]
    assert "marginal_value.provincial_shortfall" not in header
    assert "Marginale waarde: tekort provincie" in header
    pct = header.index("Realisatie / opgave") + 1
    assert mun.cell(row=2, column=pct).number_format == "0%"
    quota = header.index("Opgave") + 1
    assert mun.cell(row=2, column=quota).number_format == "#,##0"


def test_report_workbook_percentage_and_totals(capsys, tmp_path) -> None:
    cli(capsys, "report", "--xlsx", str(tmp_path / "c.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "c.xlsx")["Cyclustabel"]
    head = next(r for r in ws.iter_rows() if r[0].value == "Gemeente")
    header = [c.value for c in head]
    last = ws[ws.max_row]
    # 3,864 / 6,325 = 0.611: stored as a fraction, shown as 61%
    cell = last[header.index("Percentage")]
    assert cell.value == pytest.approx(3864 / 6325) and cell.number_format == "0%"
    assert last[0].value == "Totaal" and last[0].font.bold


# --------------------------------------------------------------------------- PDF


def test_report_pdf_has_title_regions_totals_and_overrides(capsys, tmp_path) -> None:
    cli(capsys, "report", "--pdf", str(tmp_path / "cyclus.pdf"))
    text = pdf_text(tmp_path / "cyclus.pdf")
    assert_dutch(text, "cyclus.pdf", ALLOW)
    assert "Cyclustabel Spreidingswet" in text and "01-07-2025 - 01-02-2026" in text
    assert "Regio IJsselland" in text and "Regio Twente" in text
    assert "Totaal IJsselland 3.050" in text and "Totaal Twente 3.275" in text
    assert "Totaal Overijssel 6.325" in text and "2.461" in text
    assert "Uitzonderingen" in text and "ov-dronten-kampen" in text
    assert "Beslisverslag" in text


def test_result_pdf_has_answer_tables_and_record(capsys, tmp_path) -> None:
    cli(capsys, "solve", str(SCEN / "new-amv-location.yaml"), "--export", str(tmp_path))
    text = pdf_text(tmp_path / "resultaat.pdf")
    assert_dutch(text, "resultaat.pdf", ALLOW)
    assert "Resultaat scenario: Nieuwe amv-locatie in Enschede" in text
    assert "Antwoord" in text and "Het tekort van de provincie wordt 2.407 plekken" in text
    assert "Totaal Twente" in text and "Totaal Overijssel" in text
    assert "Beslisverslag" in text and "Scenario-hash" in text


def test_pdf_renders_dutch_characters() -> None:
    """ë, ï, é and – are in the core font's windows-1252 encoding: they come back out."""
    from planner.reports.pdf import _Doc

    doc = _Doc("Geüpload – café", "nl")
    doc.add_page()
    doc.lines(["Oekraïense ontheemden, financiële afspraken – één plek"])
    text = pdf_text(bytes(doc.output()))
    assert "Oekraïense ontheemden, financiële afspraken – één plek" in text


def test_label_frame_keeps_every_column() -> None:
    """A location table has both a municipality and a name: Gemeente and Locatie."""
    import pandas as pd

    from planner.formats import label_frame

    frame = pd.DataFrame(
        {"municipality": ["Dalfsen"], "name": ["Hof van Dalfsen"], "status": ["existing"],
         "counts": [False], "end": [pd.Timestamp("2025-03-05")], "note": [None]}
    )  # fmt: skip
    out = label_frame(frame)
    assert list(out.columns) == [
        "Gemeente", "Locatie", "Status", "Telt mee", "Einddatum", "Toelichting"
    ]  # fmt: skip
    assert out.iloc[0].tolist()[:4] == ["Dalfsen", "Hof van Dalfsen", "bestaand", "nee"]
    assert out.iloc[0]["Toelichting"] is None  # blank, not "None"
