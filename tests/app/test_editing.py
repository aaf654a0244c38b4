"""Scenario <-> editor tables, problems by table, row and field, and YAML text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from planner.app.editing import TABLES, scenario_to_tables, tables_to_scenario
from planner.errors import InputError
from planner.formats import say
from planner.scenario.schema import Scenario, load_scenario
from planner.scenario.text import read_scenario_text, scenario_from_text, scenario_to_yaml

SCEN = Path(__file__).resolve().parents[2] / "scenarios"
SHIPPED = sorted(p.name for p in SCEN.glob("*.yaml"))


def add_rows(frame: pd.DataFrame, *rows: dict) -> pd.DataFrame:
    extra = pd.DataFrame(list(rows))
    for col in ("start", "end"):
        if col in extra:
            extra[col] = pd.to_datetime(extra[col])
    return pd.concat([frame, extra], ignore_index=True)


def issues(exc: InputError) -> list[tuple]:
    return [(i.file, i.line, i.column, say(i.message, "en")) for i in exc.issues]


@pytest.mark.parametrize("name", SHIPPED)
def test_round_trip_of_every_shipped_scenario(name, overijssel) -> None:
    s = load_scenario(SCEN / name, overijssel)
    tables = scenario_to_tables(s)
    assert set(tables) == set(TABLES)
    assert all(list(tables[t].columns) == cols for t, cols in TABLES.items())
    assert tables_to_scenario(s, tables, overijssel) == s
    back, parent = scenario_from_text(scenario_to_yaml(s))
    assert parent is None and back == s.model_copy(update={"extends": None})


def test_tables_have_editor_types() -> None:
    s = load_scenario(SCEN / "borne-opens.yaml")
    cand = scenario_to_tables(s)["candidates"]
    assert str(cand["max_places"].dtype) == "Int64" and cand.loc[0, "max_places"] == 150
    assert cand.loc[0, "start"] == pd.Timestamp("2025-05-01")
    assert cand["must_open"].dtype == bool
    assert cand.loc[0, "location"] is None
    settings = scenario_to_tables(load_scenario(SCEN / "surpluses-within-regions.yaml"))
    row = settings["swap_settings"].iloc[0]
    assert row["policy"] == "region" and row["givers"] == ["Hardenberg", "Almelo"]


def test_adding_a_candidate_row(overijssel) -> None:
    base = load_scenario(SCEN / "base.yaml")
    tables = scenario_to_tables(base)
    tables["candidates"] = add_rows(
        tables["candidates"],
        {"id": "borne-new", "kind": "new", "municipality": "Borne", "min_places": 0,
         "max_places": 150, "target_group": "asiel", "start": "2025-05-01", "cost": 1.0,
         "must_open": False},
        {},  # the empty row an editor adds: ignored
    )  # fmt: skip
    s = tables_to_scenario(base, tables, overijssel)
    assert [(c.id, c.municipality, c.max_places, str(c.start)) for c in s.candidates] == [
        ("borne-new", "Borne", 150, "2025-05-01")
    ]
    assert s.name == base.name and s.swaps == base.swaps


@pytest.mark.usefixtures("english")
def test_bad_rows_are_named_by_row_and_field(overijssel) -> None:
    base = Scenario(name="x")
    tables = scenario_to_tables(base)
    tables["candidates"] = add_rows(
        tables["candidates"],
        {"id": "ok", "municipality": "Borne", "max_places": 10, "start": "2025-05-01"},
        {"id": "neg", "municipality": "Borne", "max_places": -5, "start": "2025-05-01"},
        {"id": "order", "municipality": "Borne", "min_places": 20, "max_places": 10,
         "start": "2025-05-01"},
        {"id": "dates", "municipality": "Borne", "max_places": 10, "start": "2025-05-01",
         "end": "2025-01-01"},
        {"id": "nomun", "max_places": 10, "start": "2025-05-01"},
        {"id": "typo", "municipality": "Bornee", "max_places": 10, "start": "2025-05-01"},
    )  # fmt: skip
    tables["location_changes"] = add_rows(
        tables["location_changes"], {"location": "hardenberg-jachthuisweg", "places": -1}
    )
    tables["register"] = add_rows(
        tables["register"],
        {"id": "s1", "from": "Hardenberg", "to": "Hardenberg", "places": 10, "amv_places": 0,
         "status": "proposed"},
    )  # fmt: skip
    tables["limits"] = pd.DataFrame([{"max_new_locations": -1}])
    with pytest.raises(InputError) as err:
        tables_to_scenario(base, tables, overijssel)
    got = issues(err.value)
    assert ("candidates", 2, "max_places", "must be 0 or more") in got
    assert ("candidates", 3, "min_places", "min_places 20 is more than max_places 10") in got
    assert ("candidates", 4, "end", "end 2025-01-01 is before start 2025-05-01") in got
    assert ("candidates", 5, "municipality", "a new candidate needs a municipality") in got
    assert ("candidates", 6, "municipality", "unknown municipality 'Bornee'") in got
    assert ("location_changes", 1, "places", "must be 0 or more") in got
    assert ("register", 1, "to", "from and to are the same municipality") in got
    assert ("limits", 1, "max_new_locations", "must be 0 or more") in got
    typo = next(i for i in err.value.issues if i.value == "Bornee")
    assert "'Borne'" in say(typo.fix, "en")
    # row 1 is fine and is not mentioned
    assert not any(i.file == "candidates" and i.line == 1 for i in err.value.issues)


@pytest.mark.usefixtures("english")
def test_row_numbers_count_the_empty_rows_the_user_sees(overijssel) -> None:
    tables = scenario_to_tables(Scenario(name="x"))
    tables["candidates"] = add_rows(
        tables["candidates"], {}, {"id": "late", "municipality": "Losser", "start": "2025-05-01"}
    )
    with pytest.raises(InputError) as err:
        tables_to_scenario(Scenario(name="x"), tables, overijssel)
    assert issues(err.value) == [
        ("candidates", 2, "max_places", "a new candidate needs max_places")
    ]


def test_duplicate_ids_point_at_the_second_row(overijssel) -> None:
    tables = scenario_to_tables(Scenario(name="x"))
    row = {"id": "same", "municipality": "Borne", "max_places": 10, "start": "2025-05-01"}
    tables["candidates"] = add_rows(tables["candidates"], row, row)
    with pytest.raises(InputError) as err:
        tables_to_scenario(Scenario(name="x"), tables, overijssel)
    assert [(i.file, i.line, i.column) for i in err.value.issues] == [("candidates", 2, "id")]


def test_settings_widgets_values(overijssel) -> None:
    base = load_scenario(SCEN / "base.yaml")
    tables = scenario_to_tables(base)
    tables["swap_settings"] = pd.DataFrame(
        [{"policy": "region", "max_per_pair": 30, "max_in_per_municipality": None, "amv": False,
          "givers": ["Hardenberg"], "receivers": []}]
    )  # fmt: skip
    tables["location_changes"] = add_rows(
        tables["location_changes"],
        {"location": "hardenberg-jachthuisweg", "end": "2026-06-01", "decided": "no",
         "close": False, "end_indefinite": False},
    )  # fmt: skip
    s = tables_to_scenario(base, tables, overijssel)
    assert (s.swaps.policy, s.swaps.max_per_pair, s.swaps.amv) == ("region", 30, False)
    assert s.swaps.givers == ["Hardenberg"] and s.swaps.receivers is None
    ch = s.location_changes[0]
    assert ch.decided is False and str(ch.end) == "2026-06-01" and ch.places is None
    tables["swap_settings"].loc[0, "givers"] = ["Hardenbreg"]
    with pytest.raises(InputError) as err:
        tables_to_scenario(base, tables, overijssel)
    assert [(i.file, i.column) for i in err.value.issues] == [("swap_settings", "givers")]


@pytest.mark.usefixtures("english")
def test_yaml_text_errors_and_extends() -> None:
    with pytest.raises(InputError) as err:
        read_scenario_text("name: x\nswaps:\n  policy: region\n   max_per_pair: 3\n", "up.yaml")
    assert err.value.issues[0].line == 4 and err.value.issues[0].file == "up.yaml"
    with pytest.raises(InputError, match="mapping"):
        read_scenario_text("- a\n- b\n")
    with pytest.raises(InputError) as err:
        scenario_from_text("name: x\nlimits: {max_new_places: -3}\n", "up.yaml")
    issue = err.value.issues[0]
    assert (issue.column, say(issue.message, "en")) == (
        "limits.max_new_places",
        "must be 0 or more",
    )
    assert issue.message == "moet 0 of meer zijn"  # Dutch unless English is asked for
    child = "name: child\nextends: base.yaml\nswaps: {policy: province}\n"
    with pytest.raises(InputError, match="cannot be found"):
        scenario_from_text(child)
    parents = {"base": yaml.safe_load((SCEN / "base.yaml").read_text(encoding="utf-8"))}
    s, parent = scenario_from_text(child, "child.yaml", parents.__getitem__)
    assert parent == "base" and s.name == "child" and s.swaps.policy == "province"
    assert s.extends is None


def test_yaml_is_minimal_and_self_contained() -> None:
    text = scenario_to_yaml(load_scenario(SCEN / "borne-opens.yaml"))
    data = yaml.safe_load(text)
    assert "extends" not in data and list(data) == ["name", "description", "candidates"]
    assert data["candidates"][0] == {
        "id": "borne-new", "municipality": "Borne", "max_places": 150,
        "start": "2025-05-01", "end": "2030-01-01",
    }  # fmt: skip


@pytest.mark.usefixtures("english")
def test_draft_keeps_an_invalid_edit(overijssel) -> None:
    from planner.app.editing import draft_payload, read_draft

    base = load_scenario(SCEN / "surpluses-within-regions.yaml")
    tables = scenario_to_tables(base)
    tables["candidates"] = add_rows(
        tables["candidates"],
        {"id": "bad", "municipality": "Borne", "max_places": -5, "start": "2025-05-01"},
    )
    tables["location_changes"] = add_rows(
        tables["location_changes"], {"location": "zwolle-vermeer", "decided": "no"}
    )
    text = draft_payload(base, tables, {"name": "surpluses-within-regions", "version": 1})
    back_base, back, info = read_draft(text)
    assert back_base == base.model_copy(update={"extends": None})
    assert info == {"name": "surpluses-within-regions", "version": 1}
    assert back["candidates"].loc[0, "max_places"] == -5
    assert back["candidates"].loc[0, "start"] == pd.Timestamp("2025-05-01")
    assert back["location_changes"].loc[0, "decided"] == "no"
    assert back["swap_settings"].loc[0, "givers"] == ["Hardenberg", "Almelo"]
    # the same problems as before the reload
    with pytest.raises(InputError) as err:
        tables_to_scenario(back_base, back, overijssel)
    assert issues(err.value) == [("candidates", 1, "max_places", "must be 0 or more")]
    with pytest.raises(InputError, match="cannot be read"):
        read_draft("{not json")


# --------------------------------------------------------------------------- issue 12


def test_oek_candidate_through_the_editor_and_yaml(overijssel) -> None:
    """An OEK candidate like Hengelo's Hazenweg 121 (320 places from 1 Sep 2026, seed 001
    section 4) is a row with programme oek: it becomes a candidate of programme oek
    (target group oek), the OEK shortfall joins the levels right after the asylum
    ones, and the YAML text carries ``programme: oek`` and reads back the same."""
    base = load_scenario(SCEN / "base.yaml")
    tables = scenario_to_tables(base)
    assert "programme" in tables["candidates"].columns
    tables["candidates"] = add_rows(
        tables["candidates"],
        {"id": "hengelo-hazenweg-oek", "kind": "new", "municipality": "Hengelo",
         "min_places": 0, "max_places": 320, "target_group": "asiel", "programme": "oek",
         "start": "2026-09-01", "cost": 1.0, "must_open": False},
    )  # fmt: skip
    s = tables_to_scenario(base, tables, overijssel)
    c = s.candidates[-1]
    assert (c.programme, c.target_group, c.max_places) == ("oek", "oek", 320)
    assert s.objective.index("oek_shortfall") == s.objective.index("municipal_shortfall") + 1
    text = scenario_to_yaml(s)
    assert "programme: oek" in text
    back, _ = scenario_from_text(text)
    assert back == s.model_copy(update={"extends": None})
    row = scenario_to_tables(back)["candidates"].iloc[-1]
    assert (row["programme"], row["target_group"]) == ("oek", "oek")
    # set back to asylum in the programme column: an asylum candidate again
    again = scenario_to_tables(s)
    again["candidates"].loc[len(again["candidates"]) - 1, "programme"] = "asiel"
    plain = tables_to_scenario(base, again, overijssel)
    assert (plain.candidates[-1].programme, plain.candidates[-1].target_group) == (
        "asiel",
        "asiel",
    )


def test_cross_programme_register_entry_round_trips(overijssel) -> None:
    """The Hengelo - Twenterand agreement (seed 001 Twente, from 2026): Hengelo hosts 83
    asylum places for Twenterand, Twenterand 83 OEK places for Hengelo. Entered in the
    register table with counter_programme oek and counter_places 83, it is a swap
    across programmes in the scenario and in its YAML text; emptying both cells makes
    it a plain asylum swap again (the table's cells decide, nothing is restored)."""
    base = load_scenario(SCEN / "base.yaml")
    tables = scenario_to_tables(base)
    tables["register"] = add_rows(
        tables["register"],
        {"id": "hengelo-twenterand", "from": "Hengelo", "to": "Twenterand", "places": 83,
         "amv_places": 0, "start": "2026-01-01", "status": "agreed",
         "counter_programme": "oek", "counter_places": 83},
    )  # fmt: skip
    s = tables_to_scenario(base, tables, overijssel)
    rec = s.swaps.records[-1]
    assert (rec.counter_programme, rec.counter_places, rec.places) == ("oek", 83, 83)
    back, _ = scenario_from_text(scenario_to_yaml(s))
    assert back.swaps.records[-1] == rec
    shown = scenario_to_tables(back)["register"].iloc[-1]
    assert (shown["counter_programme"], int(shown["counter_places"])) == ("oek", 83)
    cleared = scenario_to_tables(s)
    last = len(cleared["register"]) - 1
    cleared["register"].loc[last, "counter_programme"] = None
    cleared["register"].loc[last, "counter_places"] = pd.NA
    plain = tables_to_scenario(s, cleared, overijssel)
    assert plain.swaps.records[-1].counter_programme is None


def test_counter_programme_without_places_is_named_by_row_and_field(overijssel) -> None:
    base = load_scenario(SCEN / "base.yaml")
    tables = scenario_to_tables(base)
    n = len(tables["register"])
    tables["register"] = add_rows(
        tables["register"],
        {"id": "half", "from": "Hengelo", "to": "Twenterand", "places": 10, "amv_places": 0,
         "status": "proposed", "counter_programme": "oek"},
    )  # fmt: skip
    with pytest.raises(InputError) as err:
        tables_to_scenario(base, tables, overijssel)
    found = issues(err.value)
    assert any(f == "register" and line == n + 1 and col == "counter_places"
               for f, line, col, _ in found), found  # fmt: skip


def test_an_old_draft_without_the_counter_columns_keeps_them(overijssel) -> None:
    """A register table saved before the counter columns existed: the record keeps its
    counter programme by id."""
    base = Scenario(
        name="x",
        swaps={"register": [{"id": "ht", "from": "Hengelo", "to": "Twenterand", "places": 83,
                             "status": "agreed", "start": "2026-01-01",
                             "counter_programme": "oek", "counter_places": 83}]},
    )  # fmt: skip
    tables = scenario_to_tables(base)
    tables["register"] = tables["register"].drop(columns=["counter_programme", "counter_places"])
    s = tables_to_scenario(base, tables, overijssel)
    assert s.swaps.records[0].counter_places == 83
