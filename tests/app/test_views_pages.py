"""What the Vergelijken, Export and Risico pages and the Scenario page's explanations
show, computed by the library (planner.app.views) and checked here without Streamlit.

Expected numbers come from the province's report (seed 000 sections 2-4) and hand
calculations beside each assertion: guaranteed 3,864 of a quota of 6,325, provincial
shortfall 2,461; Borne (quota 148, no places) opening 150 places in time gives the
province 2,461 - 150 = 2,311 and Borne a shortfall of 0 instead of 148.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from planner.app.views import (
    breakdown_table,
    burden_table,
    comparison_levels,
    comparison_table,
    condition_table,
    csv_bytes,
    difference_chart_data,
    differing_rows,
    input_diff_table,
    json_bytes,
    risk_tables,
    sheet_overview,
    uncertain_plans,
    zip_of_csvs,
)
from planner.i18n import LABELS
from planner.optimise.solve import solve_scenario
from planner.reports.bundle import export_result
from planner.reports.export import result_sheets_full
from planner.results.compare import compare_results
from planner.results.explain import burden, condition_states, shortfall_breakdown
from planner.risk.sweep import run_risk
from planner.scenario.schema import Scenario, load_scenario

REPO = Path(__file__).resolve().parents[2]
SCEN = REPO / "scenarios"


@pytest.fixture(scope="module")
def base(overijssel):
    return solve_scenario(overijssel, load_scenario(SCEN / "base.yaml", overijssel))


@pytest.fixture(scope="module")
def borne(overijssel):
    return solve_scenario(overijssel, load_scenario(SCEN / "borne-opens.yaml", overijssel))


@pytest.fixture(scope="module")
def comparison(base, borne):
    return compare_results([base, borne], ["base", "borne"])


def labelled_everywhere(columns) -> list[str]:
    """Columns without a Dutch and an English label."""
    return [c for c in columns if c not in LABELS]


# --------------------------------------------------------------------------- downloads


def test_zip_of_csvs_holds_the_files_of_planner_solve_export(base, overijssel, tmp_path) -> None:
    sheets = result_sheets_full(base, overijssel, "nl")
    data = zip_of_csvs(sheets)
    assert zip_of_csvs(sheets) == data  # fixed time stamps: same tables, same bytes
    written = {p.name: p for p in export_result(base, overijssel, tmp_path, "nl")}

    def same_run(text: bytes) -> list[bytes]:  # the decision record's run.* rows hold the time
        return [line for line in text.splitlines() if not line.startswith(b"run.")]

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert set(names) == {n for n in written if n.endswith(".csv")}
        for name in names:
            assert same_run(archive.read(name)) == same_run(written[name].read_bytes())
        rows = list(csv.DictReader(io.StringIO(archive.read("samenvatting.csv").decode())))
    # the last row of the summary is the province: 6,325 - 3,864 = 2,461 short
    assert rows[-1]["Gemeente"] == "Totaal Overijssel" and rows[-1]["Tekort"] == "2461"
    overview = sheet_overview(sheets).set_index("sheet")
    assert overview.loc["gemeenten", "rows"] == 25  # the 25 municipalities of Overijssel
    assert overview.loc["regio's", "csv_file"] == "regios.csv"  # not regio_s.csv
    assert not labelled_everywhere(sheet_overview(sheets).columns)


def test_csv_and_json_bytes() -> None:
    text = csv_bytes(pd.DataFrame({"note": ["=1+1", "Hof van Twente"], "n": [1, -2]})).decode()
    assert text.splitlines() == ["note,n", "'=1+1,1", "Hof van Twente,-2"]
    doc = {"naam": "Wijhe ë", "dag": date(2025, 7, 1)}
    raw = json_bytes(doc)
    assert "ë".encode() in raw and raw.endswith(b"\n")
    assert json.loads(raw) == {"naam": "Wijhe ë", "dag": "2025-07-01"}


# --------------------------------------------------------------------------- comparison


def test_comparison_tables_show_the_borne_difference(comparison) -> None:
    labels = ["base", "borne"]
    province = comparison_table(comparison.province, labels, "nl")
    # province: 2,461 -> 2,311, a difference of 2,311 - 2,461 = -150
    assert province.loc[0, "Tekort · base"] == 2461
    assert province.loc[0, "Tekort · borne"] == 2311
    assert province.loc[0, "Δ Tekort · borne"] == -150
    # per figure: the reference, the other, then the difference
    cols = list(province.columns)
    assert cols.index("Tekort · base") + 1 == cols.index("Tekort · borne")
    assert cols.index("Tekort · borne") + 1 == cols.index("Δ Tekort · borne")
    english = comparison_table(comparison.province, labels, "en")
    assert english.loc[0, "Δ Shortfall · borne"] == -150

    moved = differing_rows(comparison.municipalities)
    assert list(moved["name"]) == ["Borne"]  # the only municipality with a new site
    mun = comparison_table(moved, labels, "nl").iloc[0]
    assert mun["Δ Realisatie · borne"] == 150 and mun["Δ Tekort · borne"] == -148  # quota 148

    chart = difference_chart_data(comparison.municipalities, labels, "en")
    assert chart[["name", "scenario", "measure", "difference"]].values.tolist() == [
        ["Borne", "borne", "Credited", 150],
        ["Borne", "borne", "Shortfall", -148],
    ]
    levels = comparison_levels(comparison.levels, labels, "nl").set_index("objective")
    assert levels.loc["Tekort provincie", "Δ borne"] == -150
    assert levels.loc["Som gemeentelijke tekorten", "Δ borne"] == -148  # 2,945 -> 2,797


def test_input_diff_names_the_new_candidate(comparison) -> None:
    table = input_diff_table(comparison.inputs, ["base", "borne"], "nl")
    row = table[table["key"] == "borne-new"].iloc[0]
    assert (row["section"], row["field"], row["base"], row["borne"]) == (
        "kandidaat", "aanwezig", "nee", "ja",
    )  # fmt: skip
    english = input_diff_table(comparison.inputs, ["base", "borne"], "en")
    assert english[english["key"] == "borne-new"].iloc[0]["section"] == "candidate"


def test_comparison_of_three_has_a_difference_per_other_scenario(base, borne, overijssel) -> None:
    swaps = solve_scenario(overijssel, load_scenario(SCEN / "province-swaps.yaml", overijssel))
    cmp = compare_results([base, borne, swaps], ["a", "b", "c"])
    table = comparison_table(cmp.province, ["a", "b", "c"], "en")
    # province-wide swaps move places between municipalities, not into the province
    assert table.loc[0, "Δ Shortfall · b"] == -150 and table.loc[0, "Δ Shortfall · c"] == 0
    chart = difference_chart_data(cmp.municipalities, ["a", "b", "c"], "en")
    assert set(chart["scenario"]) == {"b", "c"}


# --------------------------------------------------------------------------- explain


def test_explanation_tables(base, overijssel) -> None:
    b = breakdown_table(shortfall_breakdown(base))
    assert (b["shortfall"] > 0).all() and b["shortfall"].is_monotonic_decreasing
    # Zwolle is the largest shortfall: 717 - 394 = 323
    assert (b.iloc[0]["name"], b.iloc[0]["shortfall"]) == ("Zwolle", 323)
    kampen = b.set_index("name").loc["Kampen"]
    # Kampen is 34 short (308 - 274), exactly Hotel Zalkerbroek's 34 decided places
    # that miss the window on dates
    assert (kampen["near_miss_part"], kampen["missing_capacity"]) == (34, 0)
    assert kampen["near_miss_sites"] == "Hotel Zalkerbroek"
    # parts add up to the shortfall in every row
    parts = b["near_miss_part"] + b["awaiting_decision_part"] + b["missing_capacity"]
    assert (parts == b["shortfall"]).all()

    load = burden_table(burden(base, overijssel)).set_index("name")
    # Hardenberg: 700 places / 62,932 inhabitants (CBS 2024) * 1,000 = 11.12;
    # credited / quota = 700 / 355 = 197%
    assert load.loc["Hardenberg", "places_per_1000"] == 11.12
    assert load.loc["Hardenberg", "credited_to_quota_pct"] == 197

    cond = condition_table(condition_states(base), "nl").set_index("id")
    # Dronten - Kampen: Kampen's remaining 108 own places in use by 1 Oct 2025
    # (seed 000 section 4)
    assert cond.loc["dronten-kampen", "condition_places"] == 108
    assert cond.loc["dronten-kampen", "state"] == "vervuld"
    assert condition_table(condition_states(base), "en").iloc[0]["state"] == "met"
    for frame in (b, load.reset_index(), cond.reset_index()):
        assert not labelled_everywhere(frame.columns)


# --------------------------------------------------------------------------- risk


def test_uncertain_plans_of_the_risk_scenario(overijssel) -> None:
    sc = load_scenario(SCEN / "soft-plans-risk.yaml", overijssel)
    plans = uncertain_plans(sc).set_index("id")
    assert len(plans) == 12  # the twelve soft plans of soft-plans-risk.yaml's risk block
    assert plans.loc["sp-raalte", "probability"] == 0.6
    assert plans.loc["sp-raalte", "start_delay"] == "0 / 30 / 120"
    assert pd.isna(plans.loc["sp-zwolle", "start_delay"])  # no delay: starts as given
    assert uncertain_plans(Scenario(name="base")).empty
    assert not labelled_everywhere(plans.reset_index().columns)


def certain(*candidates: dict) -> Scenario:
    return Scenario(name="certain", candidates=[{**c, "probability": 1.0} for c in candidates])


def test_risk_tables_with_certain_plans_are_the_deterministic_answer(overijssel) -> None:
    # Borne's 150 places are certain: every draw is the plain solve, 2,461 - 150 = 2,311
    sc = certain({"id": "borne-new", "municipality": "Borne", "max_places": 150,
                  "start": "2025-05-01"})  # fmt: skip
    tables = risk_tables(run_risk(overijssel, sc, draws=5, seed=1, workers=1), "nl")
    s = tables["summary"].set_index("measure")
    assert s.loc["Tekort provincie"].tolist() == [2311, 2311, 2311, 2311]
    assert tables["provinces"].iloc[0]["p_meet_pct"] == 0.0
    plan = tables["plans"].iloc[0]
    assert (plan["id"], plan["probability_pct"], plan["importance_provincial"]) == (
        "borne-new", 100.0, 0.0,
    )  # fmt: skip
    # Borne is never short (150 places for a quota of 148); Zwolle always (323)
    mun = tables["municipalities"].set_index("name")
    assert "Borne" not in mun.index and mun.loc["Zwolle", "p_short_pct"] == 100.0
    for frame in tables.values():
        assert not labelled_everywhere(frame.columns)


def test_risk_tables_when_certain_plans_meet_the_quota(overijssel) -> None:
    # 2,000 places in Zwolle and 461 in Borne, both certain: 3,864 + 2,461 = 6,325, the
    # quota, so the province meets it in every draw
    sc = certain(
        {"id": "zwolle-big", "municipality": "Zwolle", "max_places": 2000, "start": "2025-05-01"},
        {"id": "borne-big", "municipality": "Borne", "max_places": 461, "start": "2025-05-01"},
    )
    r = run_risk(overijssel, sc, draws=5, seed=3, workers=1)
    tables = risk_tables(r, "en")
    assert tables["provinces"].iloc[0]["p_meet_pct"] == 100.0
    s = tables["summary"].set_index("measure")
    assert s.loc["Provincial shortfall"].tolist() == [0, 0, 0, 0]
