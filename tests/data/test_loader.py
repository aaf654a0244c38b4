"""Loading and validation: every bad input names file, line, column and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.data.loader import load_dataset, read_table
from planner.errors import InputError
from planner.formats import say

HEADER = (
    "id,municipality,name,places,places_max,target_group,type,operator,start,end,"
    "end_unknown,decided,status,source,note\n"
)


def load_errors(folder: Path) -> InputError:
    with pytest.raises(InputError) as err:
        load_dataset(folder)
    return err.value


def only(err: InputError, **fields):
    hits = [i for i in err.issues if all(getattr(i, k) == v for k, v in fields.items())]
    assert len(hits) == 1, f"expected one issue with {fields}, got:\n{err}"
    return hits[0]


def test_small_folder_loads(make_data) -> None:
    ds = load_dataset(make_data())
    assert list(ds.municipalities["name"]) == ["Aa", "Bee", "Cee"]
    assert ds.locations.loc[0, "end_kind"] == "indefinite"
    assert ds.swaps.empty and ds.soft_plans.empty and ds.overrides.empty


def test_missing_column_is_named_with_the_close_match(make_data) -> None:
    folder = make_data(
        locations=HEADER.replace("places,places_max", "capacity,places_max")
        + "aa-1,Aa,Een,120,,asiel,regulier,COA,2020-01-01,,,yes,existing,test,\n"
    )
    err = load_errors(folder)
    issue = only(err, column="places")
    assert issue.line == 1 and "missing" in say(issue.message, "en")
    assert "locations.csv" in issue.file
    unknown = only(err, column="capacity")
    assert "unknown column" in say(unknown.message, "en")


def test_every_bad_row_is_reported_in_one_go(make_data) -> None:
    rows = [
        # line 2: unknown municipality (typo of Bee)
        "l1,Bea,X,10,,asiel,regulier,COA,2020-01-01,,,yes,existing,test,",
        # line 3: negative places
        "l2,Aa,X,-5,,asiel,regulier,COA,2020-01-01,,,yes,existing,test,",
        # line 4: non-integer places
        "l3,Aa,X,12.5,,asiel,regulier,COA,2020-01-01,,,yes,existing,test,",
        # line 5: end before start
        "l4,Aa,X,10,,asiel,regulier,COA,01-07-2025,01-01-2025,,yes,existing,test,",
        # line 6: a year like 2202
        "l5,Aa,X,10,,asiel,regulier,COA,05-04-2202,,,yes,existing,test,",
        # line 7: duplicate id of line 6
        "l5,Aa,X,10,,asiel,regulier,COA,2020-01-01,,,yes,existing,test,",
        # line 8: unparseable date
        "l6,Aa,X,10,,asiel,regulier,COA,soon,,,yes,existing,test,",
        # line 9: unknown type and target group
        "l7,Aa,X,10,,asylum,regular,COA,2020-01-01,,,yes,existing,test,",
        # line 10: n.n.t.b. end without saying which kind of unknown
        "l8,Aa,X,10,,asiel,regulier,COA,2020-01-01,n.n.t.b.,,yes,existing,test,",
    ]
    folder = make_data(locations=HEADER + "\n".join(rows) + "\n")
    _, _, issues = read_table(folder / "locations.csv", "locations")
    by_line = {}
    for i in issues:
        by_line.setdefault(i.line, []).append(i)
    assert by_line[3][0].column == "places" and "0 or more" in say(by_line[3][0].message, "en")
    assert by_line[4][0].column == "places" and "whole number" in say(by_line[4][0].message, "en")
    assert "before start" in say(by_line[5][0].message, "en")
    assert by_line[6][0].column == "start" and "2202" in say(by_line[6][0].message, "en")
    assert "05-04-2022" in say(by_line[6][0].fix, "en")
    assert by_line[7][0].column == "id" and "duplicate" in say(by_line[7][0].message, "en")
    assert "line 6" in say(by_line[7][0].message, "en")
    assert by_line[8][0].column == "start" and "not a date" in say(by_line[8][0].message, "en")
    assert {i.column for i in by_line[9]} == {"type", "target_group"}
    assert "'regulier'" in next(i for i in by_line[9] if i.column == "type").fix
    assert "end_unknown" in say(by_line[10][0].message, "en")
    # The unknown municipality is a cross-table check, reported by load_dataset:
    err = load_errors(folder)
    assert len(err.issues) == len(issues)  # row problems stop before references
    good = HEADER + rows[0] + "\n"
    err = load_errors(make_data(locations=good))
    issue = only(err, column="municipality")
    assert issue.line == 2 and "'Bee'" in say(issue.fix, "en")


def test_semicolon_file_is_rejected_with_the_fix(make_data) -> None:
    folder = make_data(locations=HEADER.replace(",", ";"))
    issue = only(load_errors(folder), line=1)
    assert "semicolons" in say(issue.message, "en") and "comma" in say(issue.fix, "en")


def test_byte_order_mark_is_accepted(make_data) -> None:
    folder = make_data()
    path = folder / "locations.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # Excel's "CSV UTF-8"
    ds = load_dataset(folder)
    assert ds.locations.loc[0, "id"] == "aa-1"


def test_latin1_file_is_rejected_with_the_line(make_data) -> None:
    folder = make_data()
    path = folder / "locations.csv"
    text = path.read_text().replace(",Een,", ",Eén,")
    path.write_bytes(text.encode("latin-1"))
    issue = only(load_errors(folder), file=str(path))
    assert "UTF-8" in say(issue.message, "en") and issue.line == 2


def test_missing_required_file(make_data, tmp_path) -> None:
    folder = make_data()
    (folder / "cycles.csv").unlink()
    issue = only(load_errors(folder))
    assert issue.file.endswith("cycles.csv") and "not found" in say(issue.message, "en")


def test_swap_may_come_from_outside_the_province_but_must_exist(make_data) -> None:
    swaps = (
        "id,from_municipality,to_municipality,places,amv_places,start,end,status,source\n"
        "s1,Dronten,Aa,20,0,2024-02-01,2026-02-01,agreed,test\n"
        "s2,Dronteen,Aa,20,0,2024-02-01,2026-02-01,agreed,test\n"
    )
    population = "code,name,population_2024\nGM0303,Dronten,44354\n"
    err = load_errors(make_data(swaps=swaps, cbs_gemeenten_2024=population))
    issue = only(err)
    assert issue.line == 3 and issue.column == "from_municipality"
    assert "'Dronten'" in say(issue.fix, "en")


def test_override_must_point_at_a_known_location(make_data) -> None:
    overrides = "id,target,target_id,counts,reason,source\no1,location,aa-2,yes,because,test\n"
    issue = only(load_errors(make_data(overrides=overrides)))
    assert issue.column == "target_id" and "'aa-1'" in say(issue.fix, "en")


def test_bundled_data_loads(overijssel) -> None:
    assert len(overijssel.municipalities) == 25
    assert overijssel.locations["id"].is_unique
    assert (overijssel.locations["source"].str.len() > 0).all()


def test_validated_data_is_cached_by_content(make_data, tmp_path, monkeypatch) -> None:
    """A second load of the same files comes from the cache and equals the first; any
    change to a file gives a new key, so the change is seen and validated."""
    import pandas as pd

    from planner.data import loader

    monkeypatch.setenv("PLANNER_CACHE_DIR", str(tmp_path / "cache"))
    folder = make_data()
    first = load_dataset(folder)
    assert len(list((tmp_path / "cache").glob("dataset-*.json"))) == 1
    calls = []
    monkeypatch.setattr(loader, "dataset_from_tables", lambda *a, **k: calls.append(1))
    again = load_dataset(folder)
    assert calls == []  # not parsed again
    pd.testing.assert_frame_equal(first.locations, again.locations)
    monkeypatch.undo()
    monkeypatch.setenv("PLANNER_CACHE_DIR", str(tmp_path / "cache"))
    path = folder / "locations.csv"
    path.write_text(path.read_text().replace(",120,", ",-1,"), encoding="utf-8")
    with pytest.raises(InputError):  # the changed file is validated, not served stale
        load_dataset(folder)


def test_a_broken_cache_file_is_ignored(make_data, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PLANNER_CACHE_DIR", str(tmp_path / "cache"))
    folder = make_data()
    load_dataset(folder)
    for f in (tmp_path / "cache").glob("dataset-*.json"):
        f.write_bytes(b"not a cache entry")
    assert list(load_dataset(folder).municipalities["name"]) == ["Aa", "Bee", "Cee"]
