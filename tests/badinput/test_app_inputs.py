"""The app answers the same bad inputs as the command line: a table of problems naming
the file or database and the fix, never a traceback or "Onverwachte fout"."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("streamlit")

from tests.app.test_app import new_app, problems, scenario_page  # noqa: E402


def test_a_garbage_database_file_is_named_on_the_page(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "planner.db"
    db.write_bytes(b"this is not SQLite " * 100)
    monkeypatch.setenv("PLANNER_DB_URL", f"sqlite:///{db}")
    monkeypatch.delenv("PLANNER_DATA", raising=False)
    at = scenario_page(new_app())
    assert not at.exception
    assert not any("Onverwachte fout" in e.value for e in at.error)
    rows = problems(at)
    assert rows and any("geen database" in str(r) for r in rows)


def test_an_alias_bomb_upload_is_refused_at_once(tmp_path: Path, monkeypatch) -> None:
    """Issue 11 item 3: through the app's upload a 357-byte file took 45 s and 13 GB."""
    monkeypatch.setenv("PLANNER_DB_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.delenv("PLANNER_DATA", raising=False)
    text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for prev, cur in zip("abcdefg", "bcdefgh", strict=True):
        text += f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]\n"
    text += "name: bomb\nswaps: {policy: *h}\n"
    at = scenario_page(new_app())
    at.file_uploader(key="sc_upload").set_value(("bomb.yaml", text.encode(), "text/yaml"))
    at.run()
    assert not at.exception
    [row] = problems(at)
    assert "bomb.yaml" in str(row) and "200,000" in str(row)
