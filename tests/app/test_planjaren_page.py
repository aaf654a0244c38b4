"""The page "Plan over de jaren" and the helpers that give it every number."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from planner.app.views import horizon_gantt_chart, horizon_monthly_chart
from planner.data.loader import load_dataset
from planner.i18n import LABELS
from planner.optimise.horizon import solve_horizon
from tests.optimise.test_horizon import CYCLES, LOC, MUN, QUOTAS, scenario

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "app_pages" / "planjaren.py"


@pytest.fixture
def plan(make_data):
    """Aa (quota 100): the TGO (100) until 30 Jun 2026; k (100) from Oct 2026 at the
    earliest, over Jul 2025 - Jun 2028 (36 months); worked out in
    tests/optimise/test_horizon.py: k opens in Oct 2026."""
    ds = load_dataset(make_data(municipalities=MUN, cycles=CYCLES, quotas=QUOTAS, locations=LOC))
    return solve_horizon(ds, scenario("2026-10-01"))


def test_monthly_chart_by_hand(plan) -> None:
    """Credited places: 100 for Jul 2025 - Jun 2026 (12 months, the TGO), 0 for Jul -
    Sep 2026 (3), 100 from Oct 2026 to Jun 2028 (21, k); the quota 100 in all 36."""
    frame = horizon_monthly_chart(plan, "municipality", "Aa", "en")
    credited = frame[frame["measure"] == "credited (with swaps)"]["places"].tolist()
    assert credited == [100] * 12 + [0] * 3 + [100] * 21
    assert frame[frame["measure"] == "quota"]["places"].tolist() == [100] * 36
    province = horizon_monthly_chart(plan, "province", "Testland", "en")
    assert province[province["measure"] == "credited (with swaps)"]["places"].tolist() == credited


def test_gantt_by_hand(plan) -> None:
    """Two bars: the TGO from the horizon's start (it began in 2024) to 30 Jun 2026, and
    k from 1 Oct 2026 to the horizon's end (no end of its own: 30 Jun 2028)."""
    bars = horizon_gantt_chart(plan, "en").set_index("row")
    assert list(bars.index) == ["Aa: TGO", "Aa: k"]
    assert bars.at["Aa: TGO", "start"] == pd.Timestamp("2025-07-01")
    assert bars.at["Aa: TGO", "end"] == pd.Timestamp("2026-06-30")
    assert bars.at["Aa: k", "start"] == pd.Timestamp("2026-10-01")
    assert bars.at["Aa: k", "end"] == pd.Timestamp("2028-06-30")
    assert bars["kind"].tolist() == ["existing location", "chosen candidate"]


def test_page_runs_on_the_shipped_plan(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PLANNER_DB_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.delenv("PLANNER_DATA", raising=False)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    at = at.switch_page("app_pages/planjaren.py").run()
    assert not at.exception and not at.error
    assert at.warning and at.warning[0].value.startswith("AANNAME")
    assert at.selectbox[0].value == "horizon-2025-2030.yaml"


def test_every_label_of_the_page_exists() -> None:
    keys = set(re.findall(r"""\bL\(["']([a-z][a-z0-9_]*)["']\)""", PAGE.read_text("utf-8")))
    assert keys and not sorted(k for k in keys if k not in LABELS)
