"""Shared fixtures: the bundled data, and small data folders written from inline CSV."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from planner.data.loader import Dataset, load_dataset

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"

MUNICIPALITIES = """\
code,name,region,province,quota,amv_quota,source
GM0001,Aa,Noord,Testland,100,10,test
GM0002,Bee,Noord,Testland,50,5,test
GM0003,Cee,Zuid,Testland,80,8,test
"""
LOCATIONS = """\
id,municipality,name,places,places_max,target_group,type,operator,start,end,end_unknown,decided,status,source,note
aa-1,Aa,Een,120,,asiel,regulier,COA,2020-01-01,onbepaald,,yes,existing,test,
"""
CYCLES = """\
id,name,window_start,window_end,require_decision,soft_plans_count,source
c1,Test cycle,2025-07-01,2026-02-01,yes,no,test
"""


def write_tables(folder: Path, **tables: str) -> Path:
    """Write a data folder: the small defaults above, replaced by any table given."""
    folder.mkdir(parents=True, exist_ok=True)
    defaults = {"municipalities": MUNICIPALITIES, "locations": LOCATIONS, "cycles": CYCLES}
    defaults.update(tables)
    for name, text in defaults.items():
        if text is None:
            continue
        (folder / f"{name}.csv").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def make_data(tmp_path: Path):
    def _make(**tables: str) -> Path:
        return write_tables(tmp_path / "data", **tables)

    return _make


@pytest.fixture(scope="session")
def overijssel() -> Dataset:
    return load_dataset(DATA)


LOC_HEADER = (
    "id,municipality,name,places,places_max,target_group,type,operator,start,end,"
    "end_unknown,decided,status,source,note\n"
)


def tables(**kwargs: str) -> Dataset:
    """A Dataset from inline CSV text (no files); missing tables get the small defaults."""
    from planner.data.loader import dataset_from_tables

    base = {"municipalities": MUNICIPALITIES, "locations": LOCATIONS, "cycles": CYCLES}
    base.update(kwargs)
    return dataset_from_tables({k: textwrap.dedent(v) for k, v in base.items() if v is not None})


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests keep the validated-data cache to themselves, not in the user's home."""
    import os

    old = os.environ.get("PLANNER_CACHE_DIR")
    os.environ["PLANNER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("PLANNER_CACHE_DIR", None)
    else:
        os.environ["PLANNER_CACHE_DIR"] = old


@pytest.fixture
def english():
    """Messages made and told in English in this test (what ``--lang en`` sets), for
    tests that check English wording; Dutch is the default everywhere else."""
    from planner.i18n.errors import LANG

    token = LANG.set("en")
    yield
    LANG.reset(token)
