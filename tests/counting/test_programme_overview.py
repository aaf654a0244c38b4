"""One municipality's three tasks side by side (issue 12, the municipality page)."""

from __future__ import annotations

import pytest

from planner.counting.programmes import OVERVIEW_COLUMNS, programme_overview
from planner.data.loader import load_dataset
from planner.errors import InputError
from planner.i18n import t
from tests.conftest import tables


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_deventer_three_tasks_from_the_sources(ds) -> None:
    """Deventer, seed 001 section 4:
    - asylum (cycle 1 table): quota 529, places 550, credited 550, shortfall 0
      (550 / 529 = 104%);
    - OEK ("Opvang Oekraiense ontheemden"): obligation 647, realised 578 (89%),
      shortfall 647 - 578 = 69;
    - status holders ("Huisvesting statushouders"): target 98, incl. backlog 161,
      realised 16 (10%), shortfall 161 - 16 = 145."""
    df = programme_overview(ds, "Deventer", "en")
    assert list(df.columns) == [t(c, "en") for c in OVERVIEW_COLUMNS]
    figures = df[["Programme", "Quota", "Realised", "Credited", "Shortfall"]].values.tolist()
    assert figures == [
        ["Asylum", 529, 550, 550, 0],
        ["Ukraine", 647, 578, 578, 69],
        ["Status holders", 161, 16, 16, 145],
    ]
    assert [round(100 * c) for c in df["Coverage"]] == [104, 89, 10]
    assert all("001 section 4" in s for s in df["Source"])
    assert df["Period / reference date"].iloc[1].endswith("(reference date 01-01-2025)")


def test_dutch_headers_are_unique(ds) -> None:
    df = programme_overview(ds, "Deventer")
    assert df.columns.is_unique
    assert list(df["Programma"]) == ["Asiel", "Oekraïne", "Statushouders"]
    assert "Inspanningsverplichting" in set(df["Soort opgave"])


def test_unknown_municipality_names_the_nearest(ds) -> None:
    with pytest.raises(InputError) as err:
        programme_overview(ds, "Deventr")
    assert "Deventer" in str(err.value)


def test_no_targets_leave_figures_empty() -> None:
    """A data set without programme targets: the asylum row is counted (Aa: quota 100,
    120 places, shortfall 0), the OEK and status-holder rows have no figures and say
    that the data hold no target for Aa."""
    mun = (
        "code,name,region,province,quota,amv_quota,source\n"
        "GM0001,Aa,Noord,Testland,100,0,test quota\n"
    )
    loc = (
        "id,municipality,name,places,places_max,target_group,type,operator,start,end,"
        "end_unknown,decided,status,source,note\n"
        "aa-1,Aa,Een,120,,asiel,regulier,COA,2020-01-01,onbepaald,,yes,existing,test,\n"
    )
    df = programme_overview(tables(municipalities=mun, locations=loc), "Aa", "en")
    assert df[["Quota", "Credited", "Shortfall"]].iloc[0].tolist() == [100, 120, 0]
    assert df["Quota"].iloc[1:].isna().all()
    assert df["Source"].iloc[0] == "test quota"
    assert df["Source"].iloc[2] == "No target in the data for Aa"
