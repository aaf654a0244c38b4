"""explain, compare and risk on a plan over the years: explain names the month a
shortfall starts and what ended before it, compare puts the levels per cycle side by
side, risk refuses in words. The instance is that of tests/optimise/test_horizon.py,
worked out by hand there."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from planner.data.loader import load_dataset
from planner.optimise.horizon import solve_horizon
from planner.results.horizon import compare_horizons, explain_horizon, explain_horizon_text
from tests.optimise.test_horizon import CYCLES, LOC, MUN, QUOTAS, scenario

REPO = Path(__file__).resolve().parents[2]
PLAN = str(REPO / "scenarios" / "horizon-2025-2030.yaml")


@pytest.fixture
def data(make_data):
    return load_dataset(make_data(municipalities=MUN, cycles=CYCLES, quotas=QUOTAS, locations=LOC))


def test_explain_names_the_month_and_what_ended(data) -> None:
    """Aa's TGO (100 places) is in use until 30 Jun 2026; k (100 places) can start from
    Oct 2026. So from Jul 2026 Aa has 0 places against 100: the shortfall starts in Jul
    2026 with 100 below, for 3 months (Jul, Aug, Sep), 300 place-months; the TGO ended
    just before. At the windows: cycle 1 counts the TGO (shortfall 0), cycle 2 counts k
    (opened Oct 2026, before 1 Jul 2027; shortfall 0)."""
    res = solve_horizon(data, scenario("2026-10-01"))
    row = explain_horizon(res, ["Aa"]).set_index("name").loc["Aa"]
    assert row["shortfall_from"] == pd.Timestamp("2026-07-01")
    assert (row["below_then"], row["months_below"], row["place_months_below"]) == (100, 3, 300)
    assert row["ended_before"] == "TGO (100, 2026-06-30)"
    assert (row["shortfall@c1"], row["shortfall@c2"]) == (0, 0)
    text = explain_horizon_text(res, ["Aa"], "en")
    assert "Aa: shortfall from 2026-07" in text and "ended just before: TGO" in text


def test_compare_levels_per_cycle(data) -> None:
    """Earliest Jan 2026 against Oct 2026: every cycle's shortfalls 0 in both; continuity
    0 against 600 (Jul - Sep 2026, 100 below for Aa and for the province: 3 x 100 x 2)."""
    early, late = solve_horizon(data, scenario()), solve_horizon(data, scenario("2026-10-01"))
    frame = compare_horizons([early, late], ["jan", "oct"])
    assert frame.loc["continuity"].round().tolist() == [0, 600]
    for level in ("provincial_shortfall@c1", "municipal_shortfall@c2"):
        assert frame.loc[level].round().tolist() == [0, 0]
    assert "tie_break" not in frame.index


def test_cli_explain_on_a_horizon(capsys) -> None:
    """Hengelo: AZC Havezatenlaan (250 places) ends 1 Sep 2025, so from Oct 2025 Hengelo
    has fewer places in use than its quota (as `planner solve` says)."""
    from planner.cli import main

    assert main(["explain", PLAN, "--municipality", "Hengelo"]) == 0
    out = capsys.readouterr().out
    assert "Hengelo: tekort vanaf 2025-10" in out
    assert "daarvoor eindigde: AZC Havezatenlaan (250, 2025-09-01)" in out


def test_cli_risk_refuses_a_horizon(capsys) -> None:
    from planner.cli import main

    assert main(["risk", PLAN, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "does not support a plan over the years" in err and "--cycle" in err


def test_cli_compare_refuses_a_mix(capsys) -> None:
    from planner.cli import main

    assert main(["compare", PLAN, str(REPO / "scenarios" / "base.yaml"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "horizon-2025-2030.yaml has a horizon, base.yaml has not" in err
