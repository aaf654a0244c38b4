"""planner compare: side by side per level, with the input diff."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from planner.cli import main
from planner.optimise.solve import solve_scenario
from planner.results.compare import compare_results
from planner.scenario.schema import Scenario, load_scenario

SCEN = Path(__file__).resolve().parents[2] / "scenarios"

# Soft plans as candidates (scenarios/soft-plans-as-candidates.yaml), each at its
# upper bound, by municipality: the places they add over the base.
ADDED = {
    "Dalfsen": 188, "Deventer": 50, "Kampen": 34, "Olst-Wijhe": 112, "Raalte": 233,
    "Staphorst": 112, "Zwolle": 580, "Almelo": 70, "Haaksbergen": 143, "Hellendoorn": 200,
    "Losser": 130, "Wierden": 13,
}  # fmt: skip


@pytest.fixture(scope="module")
def soft_vs_base(overijssel):
    base = solve_scenario(overijssel, load_scenario(SCEN / "base.yaml", overijssel))
    soft = solve_scenario(overijssel, load_scenario(SCEN / "soft-plans-as-candidates.yaml",
                                                    overijssel))  # fmt: skip
    return compare_results([base, soft], ["base", "soft"])


def test_places_the_soft_plans_add(soft_vs_base) -> None:
    m = soft_vs_base.municipalities.set_index("name")["diff_places[soft]"]
    added = {k: int(v) for k, v in m.items() if v}
    assert added == ADDED
    assert soft_vs_base.province.loc[0, "diff_places[soft]"] == sum(ADDED.values()) == 1865


def test_input_diff_names_the_candidates(soft_vs_base) -> None:
    cand = soft_vs_base.inputs[soft_vs_base.inputs["section"] == "candidate"]
    assert set(cand["key"]) == {f"sp-{k}" for k in (
        "dalfsen", "deventer-amv", "kampen", "olst-wijhe", "raalte", "staphorst", "zwolle",
        "almelo", "haaksbergen", "hellendoorn", "losser", "wierden")}  # fmt: skip
    assert (cand["base"] == "no").all() and (cand["soft"] == "yes").all()


def test_input_diff_of_rules_locations_and_policy(overijssel) -> None:
    a = solve_scenario(overijssel, Scenario(name="a"))
    b = solve_scenario(
        overijssel,
        Scenario(name="b", cycle={"require_decision": False}, swaps={"policy": "region"},
                 location_changes=[{"location": "hardenberg-loozen", "end": "2026-03-01"}]),
    )  # fmt: skip
    diff = compare_results([a, b]).inputs
    rows = {(r.section, r.key, r.field): (r.A, r.B) for r in diff.itertuples(index=False)}
    assert rows[("rules", "", "require_decision")] == ("True", "False")
    assert rows[("swaps", "", "policy")] == ("agreements", "region")
    assert rows[("location", "hardenberg-loozen", "end")] == ("2025-05-21", "2026-03-01")
    assert rows[("location", "hardenberg-loozen", "counts")] == ("False", "True")


def test_cli_compare_terminal_json_and_excel(capsys, tmp_path) -> None:
    xlsx = tmp_path / "cmp.xlsx"
    code = main(["compare", str(SCEN / "base.yaml"), str(SCEN / "borne-opens.yaml"),
                 "--format", "json", "--xlsx", str(xlsx)])  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    prov = out["province"][0]
    assert prov["shortfall[base]"] == 2461 and prov["shortfall[borne-opens]"] == 2311
    assert prov["diff_shortfall[borne-opens]"] == -150
    wb = openpyxl.load_workbook(xlsx)
    assert {"doelen", "provincie", "gemeenten", "invoerverschillen"} <= set(wb.sheetnames)
    code = main(["compare", str(SCEN / "base.yaml"), str(SCEN / "borne-opens.yaml")])
    text = capsys.readouterr().out
    assert "borne-new" in text and "Borne" in text


def test_compare_needs_two(overijssel) -> None:
    with pytest.raises(ValueError):
        compare_results([solve_scenario(overijssel, Scenario(name="a"))])
