"""The optimiser on the Overijssel data: the issue's acceptance numbers, by hand."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from planner.cli import main
from planner.data.loader import load_dataset
from planner.optimise.solve import Status, solve_scenario
from planner.scenario.schema import Scenario, load_scenario

REPO = Path(__file__).resolve().parents[2]
SCEN = REPO / "scenarios"


def levels(result) -> dict[str, float]:
    assert result.status is Status.OPTIMAL, result.messages
    return {lv.name: lv.value for lv in result.levels}


def test_base_reproduces_the_report(overijssel) -> None:
    res = solve_scenario(overijssel, load_scenario(SCEN / "base.yaml", overijssel))
    lv = levels(res)
    assert lv["provincial_shortfall"] == 2461 and lv["municipal_shortfall"] == 2945
    assert res.province["credited"] == 3864 and res.province["amv_credited"] == 130
    assert res.province["municipal_shortfall"] == 2945


def test_province_swaps_bring_municipal_down_to_provincial(overijssel) -> None:
    res = solve_scenario(overijssel, load_scenario(SCEN / "province-swaps.yaml", overijssel))
    lv = levels(res)
    assert lv["municipal_shortfall"] == lv["provincial_shortfall"] == 2461
    # All 484 surplus places move: 2945 - 2461.
    assert lv["swap_volume"] == 484


def test_region_swaps_capped_at_30(overijssel) -> None:
    """IJsselland: Hardenberg 30 to each of its 9 short neighbours in the region (270)
    plus Deventer's 21 = 291 of 366; Twente: all 118. 2945 - 291 - 118 = 2536."""
    res = solve_scenario(overijssel, load_scenario(SCEN / "region-swaps-capped.yaml", overijssel))
    lv = levels(res)
    assert lv["municipal_shortfall"] == 2536 and lv["provincial_shortfall"] == 2461
    proposed = res.swaps[res.swaps["kind"] == "proposed"]
    by_giver = proposed.groupby("from")["places"].sum().to_dict()
    assert by_giver["Hardenberg"] == 270 and by_giver["Deventer"] == 21
    assert proposed["places"].max() <= 30


def test_surpluses_of_hardenberg_and_almelo_within_regions(overijssel) -> None:
    """Only Hardenberg (345 surplus) and Almelo (75) give: 2945 - 420 = 2525."""
    res = solve_scenario(
        overijssel, load_scenario(SCEN / "surpluses-within-regions.yaml", overijssel)
    )
    assert levels(res)["municipal_shortfall"] == 2525
    proposed = res.swaps[res.swaps["kind"] == "proposed"]
    assert set(proposed["from"]) == {"Hardenberg", "Almelo"}
    regions = res.municipalities.set_index("name")["region"]
    pairs = zip(proposed["from"], proposed["to"], strict=True)
    assert all(regions[a] == regions[b] for a, b in pairs)


def test_borne_candidate_in_time_and_too_late(overijssel) -> None:
    res = solve_scenario(overijssel, load_scenario(SCEN / "borne-opens.yaml", overijssel))
    assert levels(res)["provincial_shortfall"] == 2461 - 150
    cand = res.candidates.set_index("id").loc["borne-new"]
    assert cand["opened"] and cand["places"] == 150
    late = Scenario(
        name="late",
        candidates=[{"id": "borne-new", "municipality": "Borne", "max_places": 150,
                     "start": "2025-07-02"}],
    )  # fmt: skip
    res = solve_scenario(overijssel, late)
    assert levels(res)["provincial_shortfall"] == 2461
    cand = res.candidates.set_index("id").loc["borne-new"]
    assert not cand["opened"] and "na het begin van de periode" in cand["reason"]


def test_one_new_location_opens_the_larger(overijssel) -> None:
    sc = Scenario(
        name="one",
        limits={"max_new_locations": 1},
        candidates=[
            {"id": "a-small", "municipality": "Losser", "max_places": 120, "start": "2025-05-01"},
            {"id": "b-large", "municipality": "Borne", "max_places": 150, "start": "2025-05-01"},
        ],
    )
    res = solve_scenario(overijssel, sc)
    assert list(res.candidates.loc[res.candidates["opened"], "id"]) == ["b-large"]


def test_new_amv_location(overijssel) -> None:
    """Enschede amv 20-54: amv shortfall (sum over municipalities) 451 - 54 = 397."""
    res = solve_scenario(overijssel, load_scenario(SCEN / "new-amv-location.yaml", overijssel))
    lv = levels(res)
    assert lv["amv_shortfall"] == 451 - 54 and lv["provincial_shortfall"] == 2461 - 54


def test_soft_plans_as_candidates(overijssel) -> None:
    """All 12 plans open at their upper bound: 1,835 + 30 (Zwolle 580) = 1,865 new
    places; provincial shortfall 2,461 - 1,865 = 596."""
    res = solve_scenario(
        overijssel, load_scenario(SCEN / "soft-plans-as-candidates.yaml", overijssel)
    )
    lv = levels(res)
    assert lv["new_places"] == 1865 and lv["provincial_shortfall"] == 596
    assert res.candidates["opened"].all()


def test_marginal_values(overijssel) -> None:
    """Base: one more place anywhere lowers the provincial shortfall by 1; in Zwolle
    (short) also the municipal sum by 1, in Hardenberg (surplus, no swaps) not. One
    more amv place in Zwolle (amv short) lowers the amv shortfall by 1, in Wierden
    (amv 56 of 13) not."""
    res = solve_scenario(overijssel, Scenario(name="base"))
    m = res.municipalities.set_index("name")
    assert m.loc["Zwolle", "marginal_value"] == {
        "provincial_shortfall": 1.0,
        "amv_shortfall": 0.0,
        "municipal_shortfall": 1.0,
    }
    assert m.loc["Hardenberg", "marginal_value"]["municipal_shortfall"] == 0.0
    assert m.loc["Zwolle", "amv_marginal_value"]["amv_shortfall"] == 1.0
    assert m.loc["Wierden", "amv_marginal_value"]["amv_shortfall"] == 0.0


def _shuffled_copy(tmp_path: Path, seed: int) -> Path:
    src = REPO / "data"
    dst = tmp_path / f"data-{seed}"
    shutil.copytree(src, dst)
    rng = random.Random(seed)
    for name in ("municipalities.csv", "locations.csv", "swaps.csv", "soft_plans.csv"):
        lines = (dst / name).read_text(encoding="utf-8").splitlines(keepends=True)
        body = lines[1:]
        rng.shuffle(body)
        (dst / name).write_text("".join([lines[0], *body]), encoding="utf-8")
    return dst


@pytest.mark.parametrize("scenario", ["region-swaps-capped.yaml", "soft-plans-as-candidates.yaml"])
def test_same_answer_whatever_the_row_order(tmp_path, scenario) -> None:
    answers = []
    for seed in (1, 2):
        ds = load_dataset(_shuffled_copy(tmp_path, seed))
        res = solve_scenario(ds, load_scenario(SCEN / scenario, ds))
        d = res.to_dict()
        for key in ("solve_seconds", "build_seconds"):
            d.pop(key)
        answers.append(json.dumps(d, sort_keys=True))
    assert answers[0] == answers[1]


def test_cli_solve_json(capsys) -> None:
    code = main(["solve", str(SCEN / "borne-opens.yaml"), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert {"scenario", "status", "solver", "solve_seconds", "province", "regions",
            "municipalities", "candidates", "swaps"} <= set(out)  # fmt: skip
    assert out["status"] == "optimal" and out["province"]["shortfall"] == 2311
    mun = out["municipalities"][0]
    assert {"name", "region", "quota", "amv_quota", "places", "amv_places", "swapped_in",
            "swapped_out", "credited", "shortfall", "amv_credited", "amv_shortfall",
            "marginal_value"} <= set(mun)  # fmt: skip
    assert {"municipal_shortfall"} <= set(out["regions"][0])
    assert out["candidates"][0]["opened"] is True


def test_cli_solve_infeasible_exits_3(capsys, tmp_path) -> None:
    path = tmp_path / "must.yaml"
    path.write_text(
        "name: must\nlimits: {max_new_locations: 0}\ncandidates:\n"
        "  - {id: m, municipality: Borne, max_places: 5, start: 2025-01-01, must_open: true}\n",
        encoding="utf-8",
    )
    code = main(["solve", str(path)])
    captured = capsys.readouterr()
    assert code == 3 and "onmogelijk" in captured.out and "moeten open" in captured.err


def test_neighbours_policy_only_swaps_across_shared_borders(overijssel) -> None:
    """Neighbours only (data/adjacency_2024.csv): every proposed swap is between two
    municipalities that share a border; the sum of municipal shortfalls can fall at most
    as far as with the whole province (2,461)."""
    from planner.optimise.network import load_adjacency

    res = solve_scenario(overijssel, Scenario(name="n", swaps={"policy": "neighbours"}))
    adj = load_adjacency(REPO / "data")
    code = res.municipalities.set_index("name")["code"]
    proposed = res.swaps[res.swaps["kind"] == "proposed"]
    assert len(proposed) > 0
    for a, b in zip(proposed["from"], proposed["to"], strict=True):
        assert frozenset((code[a], code[b])) in adj
    assert 2461 <= levels(res)["municipal_shortfall"] < 2945
