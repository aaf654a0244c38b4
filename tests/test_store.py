"""The scenario store: versions, conflicts, WAL, import/export, results, drafts."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.scenario.schema import load_scenario
from planner.store import (
    ConflictError,
    NotFoundError,
    Store,
    default_db_path,
    default_url,
    slugify,
)

SCEN = Path(__file__).resolve().parents[1] / "scenarios"

BORNE = """\
name: Borne opent
# a comment the store keeps
candidates:
  - {id: borne-new, municipality: Borne, max_places: 150, start: 2025-05-01}
"""


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'planner.db'}"


@pytest.fixture
def store(url: str):
    s = Store(url)
    yield s
    s.close()


def test_default_location(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("PLANNER_DB_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "spreiding-planner" / "planner.db"
    assert default_url() == f"sqlite:///{tmp_path / 'xdg' / 'spreiding-planner' / 'planner.db'}"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_db_path() == tmp_path / "home/.local/share/spreiding-planner/planner.db"
    monkeypatch.setenv("PLANNER_DB_URL", "postgresql+psycopg://u@db/planner")
    assert default_url() == "postgresql+psycopg://u@db/planner"


def test_default_store_creates_its_folder_in_wal_mode(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("PLANNER_DB_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    store = Store()
    try:
        assert (tmp_path / "xdg" / "spreiding-planner" / "planner.db").exists()
        assert store.journal_mode() == "wal"
    finally:
        store.close()


def test_versions_with_author_and_time(store) -> None:
    assert store.save("borne", BORNE, "anna", 0) == 1
    text2 = BORNE.replace("150", "120")
    assert store.save("borne", text2, "bert", 1) == 2
    hist = store.history("borne")
    assert [(v.version, v.author) for v in hist] == [(1, "anna"), (2, "bert")]
    assert hist[0].created_at <= hist[1].created_at and hist[0].created_at.tzinfo is not None
    assert hist[0].yaml_text == BORNE  # the text as typed, comment included
    assert store.load("borne").version == 2
    assert store.load("borne").scenario().candidates[0].max_places == 120
    assert store.load("borne", 1).scenario().candidates[0].max_places == 150
    assert hist[0].title == "Borne opent" and hist[0].content_hash != hist[1].content_hash
    assert store.list_names() == ["borne"]


def test_conflict_between_two_sessions_on_the_same_file(url) -> None:
    first, second = Store(url), Store(url)
    try:
        first.save("borne", BORNE, "anna", 0)
        # both open version 1
        v_first = first.load("borne").version
        v_second = second.load("borne").version
        assert first.save("borne", BORNE.replace("150", "120"), "anna", v_first) == 2
        with pytest.raises(ConflictError) as err:
            second.save("borne", BORNE.replace("150", "99"), "bert", v_second)
        e = err.value
        assert (e.name, e.expected_version, e.latest_version, e.author) == ("borne", 1, 2, "anna")
        assert "version 2 by anna" in str(e) and "you opened version 1" in str(e)
        # nothing was overwritten
        assert [v.author for v in second.history("borne")] == ["anna", "anna"]
        assert second.load("borne").scenario().candidates[0].max_places == 120
        # a new scenario under a taken name is a conflict too
        with pytest.raises(ConflictError, match="started a new scenario"):
            second.save("borne", BORNE, "bert", 0)
    finally:
        first.close()
        second.close()


def test_simultaneous_save_is_caught_by_the_unique_key(url, monkeypatch) -> None:
    """Both sessions pass the version check at the same moment: the database's unique
    (name, version) key refuses the second insert, which becomes a ConflictError."""
    first, second = Store(url), Store(url)
    try:
        first.save("borne", BORNE, "anna", 0)
        stale = second._latest
        with second.engine.connect() as conn:
            seen = stale(conn, "borne")  # what bert saw when he checked: version 1
        first.save("borne", BORNE, "anna", 1)  # anna's save lands in between
        monkeypatch.setattr(second, "_latest", lambda conn, name: seen)
        with pytest.raises(ConflictError) as err:
            second.save("borne", BORNE, "bert", 1)
        assert err.value.latest_version == 2 and err.value.author == "anna"
        assert len(first.history("borne")) == 2
    finally:
        first.close()
        second.close()


def test_invalid_scenario_is_never_stored_but_the_draft_keeps_it(store, overijssel) -> None:
    store.save("borne", BORNE, "anna", 0)
    bad = BORNE.replace("Borne,", "Bornee,")
    with pytest.raises(InputError) as err:
        store.save("borne", bad, "anna", 1, ds=overijssel)
    assert "'Borne'" in err.value.issues[0].fix
    with pytest.raises(InputError):
        store.save("borne", "name: x\ncandidates: [{id: a, max_places: -1}]\n", "anna", 1)
    with pytest.raises(InputError, match="YAML"):
        store.save("borne", "name: x\n  bad: [\n", "anna", 1)
    assert len(store.history("borne")) == 1
    draft = store.save_draft(bad, name="borne", base_version=1, author="anna")
    kept = store.load_draft(draft)
    assert kept is not None and kept.payload == bad and kept.base_version == 1


def test_names_and_authors_are_checked(store) -> None:
    with pytest.raises(InputError, match="lower-case"):
        store.save("Borne Opent", BORNE, "anna", 0)
    with pytest.raises(InputError, match="author"):
        store.save("borne", BORNE, "  ", 0)
    assert slugify("Borne Opent!") == "borne-opent" and slugify("Überijssel") == "uberijssel"
    with pytest.raises(NotFoundError):
        store.load("nothing")
    with pytest.raises(NotFoundError):
        store.save("nothing", BORNE, "anna", 3)


def test_seed_imports_the_shipped_scenarios_once(store, overijssel) -> None:
    names = store.seed(SCEN)
    assert sorted(names) == sorted(p.stem for p in SCEN.glob("*.yaml"))
    borne = store.load("borne-opens")
    assert borne.parent == "base" and borne.parent_version == 1 and borne.author == "import"
    assert "extends" not in borne.yaml_text
    assert borne.scenario() == load_scenario(SCEN / "borne-opens.yaml").model_copy(
        update={"extends": None}
    )
    base = store.load("base")
    assert base.yaml_text == (SCEN / "base.yaml").read_text(encoding="utf-8")
    assert base.parent is None
    assert store.seed(SCEN) == []  # not empty any more: nothing is re-imported
    assert [v.name for v in store.latest_versions()] == store.list_names()


def test_import_text_with_extends_and_export(store, tmp_path) -> None:
    store.import_yaml(SCEN / "base.yaml")
    child = "name: Alles binnen de provincie\nextends: base.yaml\nswaps: {policy: province}\n"
    rec = store.import_yaml(child, author="carla")
    assert rec.name == "alles-binnen-de-provincie" and rec.parent == "base"
    assert rec.scenario().swaps.policy == "province" and rec.author == "carla"
    out = store.export_yaml(rec.name, tmp_path)
    assert out == tmp_path / "alles-binnen-de-provincie.yaml"
    assert load_scenario(out) == rec.scenario()
    # importing again appends a version, it does not replace
    assert store.import_yaml(child, author="carla").version == 2
    with pytest.raises(InputError, match="not in the database"):
        store.import_yaml("name: y\nextends: nothing.yaml\n")


def test_results_per_version_and_data(store) -> None:
    store.save("borne", BORNE, "anna", 0)
    store.save_result("borne", 1, "data-a", {"province": {"shortfall": 2311}})
    assert store.load_result("borne", 1, "data-a") == {"province": {"shortfall": 2311}}
    assert store.load_result("borne", 1, "data-b") is None
    store.save_result("borne", 1, "data-a", {"province": {"shortfall": 2300}})
    assert store.load_result("borne", 1, "data-a")["province"]["shortfall"] == 2300


def test_drafts_survive_a_new_connection(url) -> None:
    store = Store(url)
    draft = store.save_draft('{"tables": 1}', author="anna")
    assert store.save_draft('{"tables": 2}', draft, name="borne", author="anna") == draft
    store.close()
    again = Store(url)
    try:
        kept = again.load_draft(draft)
        assert kept is not None and kept.payload == '{"tables": 2}' and kept.name == "borne"
        assert again.load_draft("unknown") is None
        again.delete_draft(draft)
        assert again.load_draft(draft) is None
        # an unknown id given by a stale URL starts a new draft under that id
        assert again.save_draft("{}", "from-url") == "from-url"
    finally:
        again.close()


def test_old_drafts_are_pruned(store) -> None:
    from datetime import datetime, timedelta

    from planner.store import drafts

    old = store.save_draft("{}", author="anna")
    month_ago = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=31)
    with store.engine.begin() as conn:
        conn.execute(drafts.update().where(drafts.c.id == old).values(updated_at=month_ago))
    fresh = store.save_draft("{}", author="bert")
    assert store.prune_drafts(timedelta(days=30)) == 1
    assert store.load_draft(old) is None and store.load_draft(fresh) is not None


def test_conflict_message_in_dutch_with_amsterdam_time() -> None:
    """Saved 30-06-2025 10:00 UTC = 12:00 in Amsterdam (summer time, UTC+2)."""
    from datetime import UTC, datetime

    from tests.dutch_check import english_in

    exc = ConflictError("base", 1, 2, "Anna", datetime(2025, 6, 30, 10, 0, tzinfo=UTC))
    nl = exc.message("nl")
    assert nl.startswith("Scenario 'base' is als versie 2 opgeslagen door Anna op 30-06-2025 12:00")
    assert "nadat u versie 1 opende" in nl and not english_in(nl)
    assert "after you opened version 1" in exc.message("en")
