"""The programme tables are validated like every table: file, line, column and fix."""

from __future__ import annotations

import pytest

from planner.data.loader import load_dataset
from planner.errors import InputError

TARGETS = (
    "id,programme,period,municipality,target,target_incl_backlog,realised,reference_date,source\n"
)
PLOCS = (
    "id,programme,municipality,name,places,start,end,end_unknown,decided,status,"
    "location_id,source\n"
)


def errors(folder) -> InputError:
    with pytest.raises(InputError) as err:
        load_dataset(folder)
    return err.value


def test_bundled_programme_tables_load(overijssel) -> None:
    """25 municipalities x (OEK 2025, OEK 2024 from 004, status holders 2024-II and
    2024-I) = 100 target rows; the three programmes of programmes.csv."""
    assert len(overijssel.programme_targets) == 100
    assert list(overijssel.programmes["id"]) == ["asiel", "oek", "statushouders"]


@pytest.mark.usefixtures("english")
def test_bad_target_rows_are_named(make_data) -> None:
    folder = make_data(
        programme_targets=TARGETS
        # line 2: unknown municipality (typo of Bee)
        + "t1,oek,2025,Bea,10,,5,2025-01-01,test\n"
        # line 3: realised without a reference date
        + "t2,oek,2025,Aa,10,,5,,test\n"
        # line 4: a status-holder target without the target incl. backlog
        + "t3,statushouders,2024-II,Aa,10,,5,2024-09-15,test\n"
        # line 5: unknown programme
        + "t4,oekraine,2025,Aa,10,,5,2025-01-01,test\n"
    )
    err = errors(folder)
    text = str(err)
    assert "programme_targets.csv, line 3" in text and "reference_date" in text
    assert "line 4" in text and "target_incl_backlog" in text
    assert "line 5, programme" in text and "Fix:" in text
    # references are checked once the rows themselves are valid
    fixed = make_data(programme_targets=TARGETS + "t1,oek,2025,Bea,10,,5,2025-01-01,test\n")
    ref = str(errors(fixed))
    assert "line 2, municipality" in ref and "'Bee'" in ref


@pytest.mark.usefixtures("english")
def test_programme_location_refers_to_an_asylum_location(make_data) -> None:
    folder = make_data(
        programme_locations=PLOCS
        + "p1,oek,Aa,Gebouw,20,2024-01-01,n.n.t.b.,beyond_minimum,yes,existing,aa-2,test\n"
    )
    text = str(errors(folder))
    assert "programme_locations.csv, line 2, location_id" in text and "'aa-1'" in text


@pytest.mark.usefixtures("english")
def test_counter_programme_needs_its_places(make_data) -> None:
    folder = make_data(
        swaps="id,from_municipality,to_municipality,places,start,end,status,"
        "counter_programme,counter_places,source\n"
        "s1,Aa,Bee,10,,,agreed,oek,,test\n"
        "s2,Aa,Bee,10,,,agreed,ukraine,5,test\n"
    )
    text = str(errors(folder))
    assert "line 2" in text and "counter_places is empty" in text
    fixed = make_data(
        swaps="id,from_municipality,to_municipality,places,start,end,status,"
        "counter_programme,counter_places,source\n"
        "s2,Aa,Bee,10,,,agreed,ukraine,5,test\n"
    )
    ref = str(errors(fixed))
    assert "line 2, counter_programme" in ref and "unknown programme" in ref
