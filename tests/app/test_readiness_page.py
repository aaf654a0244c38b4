"""The Gereedheid page: cycle 1 against the assumed cycle 2 of the bundled data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner.i18n import LABELS

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "app_pages" / "gereedheid.py"


@pytest.fixture
def app(tmp_path: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("PLANNER_DB_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.delenv("PLANNER_DATA", raising=False)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    return at.switch_page("app_pages/gereedheid.py").run()


def test_page_shows_the_totals_and_the_assumption(app) -> None:
    """The same totals as `planner readiness --from 1 --to 2` (tests/counting): places
    counting in both cycles and those dropping out; the quota that remains; the start
    of cycle 2's window as the last start date. Counting in both, by hand from
    locations.csv: Deventer Schalkhaar 500 + Almelo Vriezeveenseweg 398 + Rijssen-Holten
    De Lindenberg 250 + Tubbergen Albergen 150 = 1,298 (indefinite or ending after
    01-07-2032, more than 100 places, started before 01-07-2025)."""
    assert not app.exception and not app.error
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Uiterlijk starten"] == "01-07-2027"
    assert metrics["Telt in beide"] == "1.298"
    assert set(metrics) >= {"Telt in beide", "Valt af", "Resterende opgave"}
    assert app.warning and app.warning[0].body.startswith("AANNAME")
    assert len(app.dataframe) == 2


def test_every_label_of_the_page_exists() -> None:
    keys = set(re.findall(r"""\bL\(["']([a-z][a-z0-9_]*)["']\)""", PAGE.read_text("utf-8")))
    assert keys and not sorted(k for k in keys if k not in LABELS)
