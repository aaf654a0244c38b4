"""The code style the project holds itself to (ruff, configured in pyproject.toml):
checked with the tests so that a change that breaks it does not land."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PATHS = ["planner", "tests", "app_pages", "bench", "app.py"]

ruff = shutil.which("ruff")
pytestmark = pytest.mark.skipif(
    ruff is None, reason="ruff is not installed (pip install -e '.[dev]')"
)


@pytest.mark.parametrize("args", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff_is_clean(args) -> None:
    run = subprocess.run([ruff, *args, *PATHS], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
