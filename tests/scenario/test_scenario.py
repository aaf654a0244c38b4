"""Scenario files: validation with key paths and nearest names, extends, dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.formats import say
from planner.scenario.schema import DEFAULT_OBJECTIVE, Scenario, load_scenario

REPO = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_scenario_has_defaults() -> None:
    s = Scenario(name="x")
    assert s.swaps.policy == "agreements"
    assert s.objective == DEFAULT_OBJECTIVE
    assert s.solver.name == "auto"


def test_partial_objective_is_completed_in_default_order() -> None:
    s = Scenario(name="x", objective=["municipal_shortfall"])
    assert s.objective == [
        "municipal_shortfall",
        "provincial_shortfall",
        "amv_shortfall",
        "new_places",
        "swap_volume",
    ]


def test_dates_accept_source_notations() -> None:
    s = Scenario(
        name="x",
        candidates=[{"id": "a", "municipality": "Borne", "max_places": 5, "start": "01-05-2025",
                     "end": "onbepaald"}],
    )  # fmt: skip
    assert s.candidates[0].start == date(2025, 5, 1) and s.candidates[0].end is None


@pytest.mark.usefixtures("english")
def test_errors_name_key_path_and_nearest_names(tmp_path, overijssel) -> None:
    path = write(
        tmp_path,
        "bad.yaml",
        """
name: bad
swaps: {policy: provinse, max_per_pair: -3}
candidates:
  - id: c1
    municipality: Bornee
    max_places: 10
    start: 2025-05-01
    targt_group: amv
  - id: c2
    municipality: Borne
    min_places: 20
    max_places: 10
    start: 2025-05-01
objective: [provincial_shortfall, fewer_swaps]
""",
    )
    with pytest.raises(InputError) as err:
        load_scenario(path, overijssel)
    by_path = {i.column: i for i in err.value.issues}
    assert "'province'" in by_path["swaps.policy"].fix
    assert (
        "0 or more" in say(by_path["swaps.max_per_pair"].message, "en")
        and by_path["swaps.max_per_pair"].message == "moet 0 of meer zijn"
    )
    assert "'target_group'" in by_path["candidates[0].targt_group"].fix
    assert "min_places 20 is more than max_places 10" in say(by_path["candidates[1]"].message, "en")
    assert "objective[1]" in by_path
    assert all(i.file == str(path) for i in err.value.issues)


def test_unknown_municipality_and_location_against_the_data(tmp_path, overijssel) -> None:
    path = write(
        tmp_path,
        "names.yaml",
        """
name: names
candidates:
  - {id: c1, municipality: Zwole, max_places: 10, start: 2025-05-01}
location_changes:
  - {location: hengelo-havezatelaan, end: 2026-03-01}
""",
    )
    with pytest.raises(InputError) as err:
        load_scenario(path, overijssel)
    by_path = {i.column: i for i in err.value.issues}
    assert "'Zwolle'" in by_path["candidates[0].municipality"].fix
    assert "'hengelo-havezatenlaan'" in by_path["location_changes[0].location"].fix


def test_malformed_yaml_names_the_line(tmp_path) -> None:
    path = write(tmp_path, "broken.yaml", "name: x\nswaps:\n  policy: region\n   max_per_pair: 3\n")
    with pytest.raises(InputError) as err:
        load_scenario(path)
    issue = err.value.issues[0]
    assert "YAML" in say(issue.message, "en") and issue.line == 4


def test_extends_merges_and_child_wins(tmp_path) -> None:
    write(
        tmp_path,
        "parent.yaml",
        """
name: parent
swaps: {policy: region, max_per_pair: 30}
candidates:
  - {id: a, municipality: Borne, max_places: 10, start: 2025-05-01}
  - {id: b, municipality: Losser, max_places: 20, start: 2025-05-01}
""",
    )
    child = write(
        tmp_path,
        "child.yaml",
        """
name: child
extends: parent.yaml
swaps: {max_per_pair: 10}
candidates:
  - {id: b, municipality: Losser, max_places: 99, start: 2025-05-01}
  - {id: a, remove: true}
""",
    )
    s = load_scenario(child)
    assert s.name == "child"
    assert (s.swaps.policy, s.swaps.max_per_pair) == ("region", 10)
    assert [(c.id, c.max_places) for c in s.candidates] == [("b", 99)]


def test_extends_cycle_and_missing_parent(tmp_path) -> None:
    write(tmp_path, "a.yaml", "name: a\nextends: b.yaml\n")
    write(tmp_path, "b.yaml", "name: b\nextends: a.yaml\n")
    with pytest.raises(InputError, match="cycle"):
        load_scenario(tmp_path / "a.yaml")
    write(tmp_path, "c.yaml", "name: c\nextends: bse.yaml\n")
    write(tmp_path, "base.yaml", "name: base\n")
    with pytest.raises(InputError) as err:
        load_scenario(tmp_path / "c.yaml")
    assert "'base.yaml'" in err.value.issues[0].fix


def test_every_shipped_scenario_loads(overijssel) -> None:
    files = sorted((REPO / "scenarios").glob("*.yaml"))
    assert len(files) >= 6
    for path in files:
        load_scenario(path, overijssel)
