"""What the pages show, computed by the library: overview, locations, results, uploads."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.app.uploads import dataset_with_upload, scenario_from_upload
from planner.app.views import (
    coverage_geojson,
    dataset_hash,
    filter_locations,
    format_number,
    format_percent,
    issues_table,
    labelled,
    level_summary,
    location_table,
    marginal_table,
    municipality_chart_data,
    split_swaps,
)
from planner.counting.count import cycle_report
from planner.errors import InputError, Issue
from planner.optimise.solve import solve_scenario
from planner.scenario.schema import load_scenario

REPO = Path(__file__).resolve().parents[2]
LOCATIONS = (REPO / "data" / "locations.csv").read_bytes()


@pytest.fixture(scope="module")
def report(overijssel):
    return cycle_report(overijssel)


def test_overview_figures_are_the_reports(report) -> None:
    s = level_summary(report.regions, report.total, "Overijssel").set_index("area")
    # seed 000 sections 2-3: guaranteed 3,864 of 6,325 (61%), IJsselland 1,998, Twente
    # 1,866; shortfall 6,325 - 3,864 = 2,461; amv 130 of 538; soft plans 1,835
    # (IJsselland 1,279, Twente 556)
    assert list(s.index) == ["Overijssel", "IJsselland", "Twente"]
    p = s.loc["Overijssel"]
    assert (p["quota"], p["credited"], p["shortfall"]) == (6325, 3864, 2461)
    assert (p["amv_quota"], p["amv_credited"], p["soft_plans"]) == (538, 130, 1835)
    assert format_percent(p["coverage"]) == "61%"
    assert s.loc["IJsselland", "credited"] == 1998 and s.loc["Twente", "credited"] == 1866
    assert s.loc["IJsselland", "soft_plans"] == 1279 and s.loc["Twente", "soft_plans"] == 556


def test_number_format_per_language() -> None:
    assert format_number(2311, "nl") == "2.311" and format_number(2311, "en") == "2,311"
    assert format_number(float("nan")) == "–" and format_percent(None) == "–"


def test_chart_and_map_data(report, overijssel) -> None:
    chart = municipality_chart_data(report.municipalities).set_index("name")
    assert len(chart) == 25
    # Hardenberg: 700 credited against a quota of 355, no shortfall, surplus 345
    h = chart.loc["Hardenberg"]
    assert (h["quota"], h["credited"], h["shortfall"], h["surplus"]) == (355, 700, 0, 345)
    geo = coverage_geojson(overijssel.geometry, report.municipalities)
    props = {f["properties"]["gemeentecode"]: f["properties"] for f in geo["features"]}
    assert len(props) == 25 and all("coverage" in p for p in props.values())
    assert props["GM0160"]["name"] == "Hardenberg"
    assert props["GM0160"]["coverage_pct"] == round(100 * 700 / 355)  # 197
    # Borne has no places: coverage 0
    assert props["GM0147"]["credited"] == 0 and props["GM0147"]["coverage"] == 0.0
    assert "coverage" not in overijssel.geometry["features"][0]["properties"]  # a copy
    assert coverage_geojson(None, report.municipalities) is None


def test_location_table_and_filters(report, overijssel) -> None:
    table = location_table(report.locations, overijssel.municipalities)
    assert len(table) == len(overijssel.locations)
    row = table.set_index("id").loc["hardenberg-loozen"]
    assert row["region"] == "IJsselland" and not row["counts"]
    assert "eindigt 21-05-2025" in row["why"]
    twente_tgo = filter_locations(table, regions=["Twente"], types=["TGO"])
    assert set(twente_tgo["region"]) == {"Twente"} and set(twente_tgo["type"]) == {"TGO"}
    zwolle_counting = filter_locations(table, municipalities=["Zwolle"], counts=True)
    # Zwolle counts ROL Meeuwenlaan 300, Breughel 48 (amv) and 4 TGOs 4 + 12 + 8 + 22
    assert zwolle_counting["places"].sum() == 300 + 48 + 4 + 12 + 8 + 22
    amv = filter_locations(table, target_groups=["amv"], counts=True)
    assert amv["places"].sum() == 130  # the report's amv places
    assert len(filter_locations(table)) == len(table)


def test_result_tables(overijssel) -> None:
    res = solve_scenario(overijssel, load_scenario(REPO / "scenarios/region-swaps-capped.yaml"))
    parts = split_swaps(res.swaps)
    assert list(parts["agreed"]["id"]) == ["dronten-kampen"]
    # Hardenberg 270 + Deventer 21 in IJsselland, all 118 in Twente: 409 proposed
    assert parts["proposed"]["places"].sum() == 270 + 21 + 118
    words = marginal_table(res.municipalities, "en").set_index("name")
    assert words.loc["Zwolle", "place"].startswith("one more place in Zwolle lowers")
    nl = marginal_table(res.municipalities, "nl").set_index("name")
    assert nl.loc["Zwolle", "place"].startswith("één plek meer in Zwolle verlaagt")


def test_issues_table_and_labels() -> None:
    table = issues_table([Issue("locations.csv", "is not a whole number", "write 120", 3,
                                "places", "x")])  # fmt: skip
    assert table.iloc[0].tolist() == ["locations.csv", 3, "places", "x", "is not a whole number",
                                      "write 120"]  # fmt: skip
    labels = labelled(table[["file", "fix"]].assign(quota=1, other=2), "en")
    assert list(labels.columns) == ["File / table", "Fix", "Quota", "other"]


def test_dataset_hash_follows_the_files(overijssel) -> None:
    changed = LOCATIONS.replace(b"Jachthuisweg,700", b"Jachthuisweg,701")
    other = dataset_with_upload("locations", changed, "locaties.csv")
    same = dataset_with_upload("locations", LOCATIONS, "locaties.csv")
    assert dataset_hash(same) == dataset_hash(overijssel)
    assert dataset_hash(other) != dataset_hash(overijssel)
    assert other.geometry is not None
    assert int(other.locations.set_index("id").loc["hardenberg-jachthuisweg", "places"]) == 701


def test_bad_locations_upload_names_file_line_and_column() -> None:
    lines = LOCATIONS.decode().splitlines()
    lines[2] = lines[2].replace(",105,", ",honderd,")  # Dalfsen Ambachtsweg, line 3
    lines[5] = lines[5].replace("Hardenberg,", "Hardenbreg,", 1)  # line 6
    with pytest.raises(InputError) as err:
        dataset_with_upload("locations", "\n".join(lines).encode(), "mijn-locaties.csv")
    got = {(i.file, i.line, i.column) for i in err.value.issues}
    assert ("mijn-locaties.csv", 3, "places") in got
    with pytest.raises(InputError) as err:
        dataset_with_upload(
            "locations", "\n".join([lines[0], lines[5]]).encode(), "mijn-locaties.csv"
        )
    issue = next(i for i in err.value.issues if i.file == "mijn-locaties.csv")
    assert (issue.line, issue.column) == (2, "municipality") and "'Hardenberg'" in issue.fix
    # references into the upload are checked too: a soft plan names a location now gone
    assert any(i.column == "location_id" for i in err.value.issues)
    with pytest.raises(InputError, match="UTF-8"):
        dataset_with_upload("locations", "naïef".encode("latin-1"), "x.csv")


def test_scenario_upload(overijssel) -> None:
    text = (REPO / "scenarios/region-swaps-capped.yaml").read_bytes()
    with pytest.raises(InputError, match="cannot be found"):
        scenario_from_upload(text, "up.yaml", overijssel)
    parent = {"base": {"name": "base", "swaps": {"policy": "agreements"}}}
    s, name = scenario_from_upload(text, "up.yaml", overijssel, parent.__getitem__)
    assert name == "base" and s.swaps.max_per_pair == 30
    bad = (
        b"name: x\ncandidates:\n"
        b"  - {id: c, municipality: Zwole, max_places: 5, start: 2025-05-01}\n"
    )
    with pytest.raises(InputError) as err:
        scenario_from_upload(bad, "up.yaml", overijssel)
    issue = err.value.issues[0]
    assert (issue.file, issue.column) == ("up.yaml", "candidates[0].municipality")
    assert "'Zwolle'" in issue.fix


def test_result_workbook_holds_the_shortfall(overijssel) -> None:
    import io

    import openpyxl

    from planner.app.views import workbook_bytes
    from planner.results.solution import result_sheets

    res = solve_scenario(overijssel, load_scenario(REPO / "scenarios/borne-opens.yaml"))
    data = workbook_bytes(result_sheets(res, "nl"))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    sheet = wb["provincie"]
    header = [c.value for c in sheet[1]]
    # 2,461 - 150 (Borne opens in time) = 2,311
    assert sheet.cell(2, header.index("shortfall") + 1).value == 2461 - 150
