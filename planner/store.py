"""Saved scenarios, their results and edits in progress, in a database.

Scenarios are decisions in the making: a board member must be able to see who changed
what and when, and two planners editing the same scenario must not overwrite each
other. So every save is a new *version* (name, version number, author, time, the YAML
text, a hash of its content, and the scenario it was derived from), and a save names
the version it started from: if someone saved a newer one in between, the save is
refused with a :class:`ConflictError` that says who saved which version when. Nothing
invalid is ever stored as a version (the text is validated with the scenario model
first); an edit that cannot be saved yet lives on as a *draft*, keyed by an id the app
keeps in the page URL so it survives a reload.

The default database is a SQLite file under the user's data folder
(``$XDG_DATA_HOME/spreiding-planner/planner.db``, else
``~/.local/share/spreiding-planner/planner.db``) in WAL mode, so readers do not block the
writer; ``PLANNER_DB_URL`` or the constructor's ``url`` selects any SQLAlchemy URL
(PostgreSQL: ``postgresql+psycopg://user@host/db``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError
from sqlalchemy.exc import DatabaseError as SADatabaseError

from planner.data.loader import Dataset
from planner.errors import InputError, Issue, replacing
from planner.formats import Words
from planner.scenario.schema import Scenario, load_scenario, parse_scenario
from planner.scenario.text import (
    parent_name,
    read_scenario_text,
    scenario_from_text,
    scenario_to_yaml,
)
from planner.scenario.yamlsafe import load_yaml

__all__ = [
    "Store",
    "ScenarioVersion",
    "Draft",
    "ConflictError",
    "NotFoundError",
    "default_url",
    "default_db_path",
    "slugify",
    "ENV_URL",
]

#: Environment variable that selects the database (any SQLAlchemy URL).
ENV_URL = "PLANNER_DB_URL"

_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,99}$")

metadata = MetaData()

scenario_versions = Table(
    "scenario_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("title", String(300), nullable=False, default=""),
    Column("yaml_text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("author", String(200), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("parent", String(100), nullable=True),
    Column("parent_version", Integer, nullable=True),
    # Two saves of the same version number cannot both succeed, even when two
    # processes check the latest version at the same moment.
    UniqueConstraint("name", "version", name="uq_scenario_version"),
)

results = Table(
    "results",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version_id", Integer, ForeignKey("scenario_versions.id"), nullable=False),
    Column("data_hash", String(64), nullable=False),
    Column("result_json", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("version_id", "data_hash", name="uq_result"),
)

drafts = Table(
    "drafts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(100), nullable=True),
    Column("base_version", Integer, nullable=True),
    Column("author", String(200), nullable=False, default=""),
    Column("payload", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)


def default_db_path() -> Path:
    """``$XDG_DATA_HOME/spreiding-planner/planner.db`` (``~/.local/share`` by default)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "spreiding-planner" / "planner.db"


def default_url() -> str:
    """``PLANNER_DB_URL`` when set, else the SQLite file of :func:`default_db_path`."""
    return os.environ.get(ENV_URL) or f"sqlite:///{default_db_path()}"


def slugify(text: str) -> str:
    """A store name from free text: lower case, ``-`` between words, no accents.

    >>> slugify("Borne opent een locatie (v2)")
    'borne-opent-een-locatie-v2'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_.]+", "-", ascii_text.lower()).strip("-.")
    return slug[:100] or "scenario"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # stored as naive UTC (SQLite has no tz)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _content_hash(scenario: Scenario) -> str:
    """The scenario's content, not its formatting: same inputs, same hash."""
    text = scenario.model_dump_json(by_alias=True, exclude={"extends"})
    return hashlib.sha256(text.encode()).hexdigest()


class ConflictError(Exception):
    """Someone saved a newer version since the one this edit started from."""

    def __init__(
        self,
        name: str,
        expected_version: int,
        latest_version: int,
        author: str,
        created_at: datetime,
    ) -> None:
        self.name = name
        self.expected_version = expected_version
        self.latest_version = latest_version
        self.author = author
        self.created_at = _utc(created_at)
        started = (
            "you started a new scenario with this name"
            if expected_version == 0
            else f"you opened version {expected_version}"
        )
        super().__init__(
            f"scenario {name!r} was saved as version {latest_version} by {author} at "
            f"{self.created_at:%d-%m-%Y %H:%M} UTC after {started}. Nothing was "
            "overwritten and your edit is kept: open the newest version, or save yours "
            "under another name"
        )

    def message(self, lang: str = "nl") -> str:
        """The conflict in the reader's language, the time on the users' clock
        (Europe/Amsterdam): what the app shows."""
        from planner.formats import fmt_datetime
        from planner.i18n import t

        started = (
            t("conflict_started_new", lang)
            if self.expected_version == 0
            else t("conflict_opened_version", lang, version=self.expected_version)
        )
        return t(
            "conflict_message", lang, name=self.name, latest=self.latest_version,
            author=self.author, when=fmt_datetime(self.created_at, lang), started=started,
        )  # fmt: skip


class NotFoundError(LookupError):
    """No scenario (or version) of that name in the store."""


@dataclass(frozen=True)
class ScenarioVersion:
    """One saved version of a scenario."""

    id: int
    name: str
    version: int
    title: str
    yaml_text: str
    content_hash: str
    author: str
    created_at: datetime
    parent: str | None
    parent_version: int | None

    def scenario(self) -> Scenario:
        """The stored scenario (validated when it was saved)."""
        return parse_scenario(read_scenario_text(self.yaml_text, self.name), self.name)


@dataclass(frozen=True)
class Draft:
    """An edit in progress: whatever the user typed, valid or not."""

    id: str
    payload: str
    name: str | None
    base_version: int | None
    author: str
    created_at: datetime
    updated_at: datetime


def _version(row: Any) -> ScenarioVersion:
    return ScenarioVersion(
        id=row.id,
        name=row.name,
        version=row.version,
        title=row.title,
        yaml_text=row.yaml_text,
        content_hash=row.content_hash,
        author=row.author,
        created_at=_utc(row.created_at),
        parent=row.parent,
        parent_version=row.parent_version,
    )


class Store:
    """Scenario versions, results and drafts in one database.

    Parameters
    ----------
    url
        A SQLAlchemy URL; ``PLANNER_DB_URL`` or the user's SQLite file by default
        (see :func:`default_url`). The folder of a SQLite file is created.

    Examples
    --------
    >>> store = Store("sqlite://")
    >>> store.save("demo", "name: Demo\\nswaps: {policy: region}\\n", "anna", 0)
    1
    >>> store.load("demo").scenario().swaps.policy
    'region'
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        try:
            parsed = make_url(self.url)
            parsed.get_dialect()  # an unknown database name or a missing driver: here
        except ArgumentError as exc:
            raise _db_error(self.url, "db_bad_url", reason=_reason(exc)) from None
        except NoSuchModuleError as exc:
            raise _db_error(self.url, "db_bad_url", reason=_reason(exc)) from None
        except ImportError as exc:
            raise _db_error(self.url, "db_no_driver", reason=_reason(exc)) from None
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        try:
            if self.is_sqlite and parsed.database not in (None, "", ":memory:"):
                Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(self.url)
        except ImportError as exc:
            raise _db_error(self.url, "db_no_driver", reason=_reason(exc)) from None
        except (ArgumentError, TypeError, ValueError) as exc:
            raise _db_error(self.url, "db_bad_url", reason=_reason(exc)) from None
        except OSError as exc:
            raise _db_error(self.url, "db_unreachable", reason=_reason(exc)) from None
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            metadata.create_all(self.engine)
        except SADatabaseError as exc:
            self.engine.dispose()
            text_ = str(getattr(exc, "orig", exc))
            if self.is_sqlite and ("not a database" in text_ or "malformed" in text_):
                raise _db_error(self.url, "db_not_database") from None
            raise _db_error(self.url, "db_unreachable", reason=_reason(exc)) from None

    def close(self) -> None:
        """Release the connections (the file stays)."""
        self.engine.dispose()

    def journal_mode(self) -> str:
        """SQLite's journal mode (``wal`` for a file database); ``''`` for other databases."""
        if not self.is_sqlite:
            return ""
        with self.engine.connect() as conn:
            return str(conn.execute(text("PRAGMA journal_mode")).scalar()).lower()

    # ------------------------------------------------------------------ versions

    def _latest(self, conn: Connection, name: str) -> Any:
        return conn.execute(
            select(scenario_versions)
            .where(scenario_versions.c.name == name)
            .order_by(scenario_versions.c.version.desc())
            .limit(1)
        ).first()

    def parent_raw(self, name: str) -> dict[str, Any]:
        """The newest stored version of ``name`` as a mapping, for resolving ``extends``
        (:func:`planner.app.editing.scenario_from_text`)."""
        try:
            return read_scenario_text(self.load(name).yaml_text, name)
        except NotFoundError:
            raise InputError(
                [
                    Issue(
                        name,
                        Words("st_extends_missing", name=repr(name)),
                        Words("st_extends_missing_fix"),
                        column="extends",
                    )
                ],
                Words("scenario_unreadable"),
            ) from None

    def save(
        self,
        name: str,
        yaml_text: str,
        author: str,
        expected_version: int,
        *,
        parent: str | None = None,
        parent_version: int | None = None,
        ds: Dataset | None = None,
    ) -> int:
        """Save a new version of scenario ``name`` and return its version number.

        Parameters
        ----------
        name
            The scenario's name in the store (lower case, digits, ``-``; see
            :func:`slugify`).
        yaml_text
            The scenario file's text. With ``extends:`` the parent is looked up in
            the store and the stored text is the merged, self-contained scenario.
        author
            Who saves.
        expected_version
            The version this edit started from; 0 for a new scenario.
        parent, parent_version
            The scenario this one was derived from (defaults to ``extends``).
        ds
            When given, names and ids are also checked against the data.

        Raises
        ------
        ConflictError
            A newer version than ``expected_version`` exists (or, for 0, the name is
            taken). Nothing is written.
        InputError
            The text is not a valid scenario. Nothing is written.
        """
        if not _NAME.match(name):
            raise InputError(
                [
                    Issue(
                        name,
                        Words("st_bad_name"),
                        Words("st_bad_name_fix", example=repr(slugify(name))),
                    )
                ],
                Words("st_title_save"),
            )
        if not author.strip():
            raise InputError(
                [Issue(name, Words("st_no_author"), Words("st_no_author_fix"))],
                Words("st_title_save"),
            )
        scenario, extends = scenario_from_text(yaml_text, name, self.parent_raw, ds)
        stored_text = yaml_text if extends is None else scenario_to_yaml(scenario)
        parent = parent or extends
        if parent is not None and parent_version is None:
            try:
                parent_version = self.load(parent).version
            except NotFoundError:
                parent_version = None
        have = 0
        try:
            with self.engine.begin() as conn:
                latest = self._latest(conn, name)
                have = latest.version if latest is not None else 0
                if have != expected_version:
                    if latest is None:
                        raise NotFoundError(
                            f"scenario {name!r} has no version {expected_version}: it is not "
                            "in the store; save it as a new scenario (version 0)"
                        )
                    raise ConflictError(
                        name, expected_version, have, latest.author, latest.created_at
                    )
                conn.execute(
                    scenario_versions.insert().values(
                        name=name,
                        version=have + 1,
                        title=scenario.name,
                        yaml_text=stored_text,
                        content_hash=_content_hash(scenario),
                        author=author.strip(),
                        created_at=_now(),
                        parent=parent,
                        parent_version=parent_version,
                    )
                )
        except IntegrityError:
            # Another session inserted the same version number between our check and
            # our insert: the unique (name, version) key turned the race into this.
            winner = self.load(name, have + 1)
            raise ConflictError(
                name, expected_version, winner.version, winner.author, winner.created_at
            ) from None
        return have + 1

    def load(self, name: str, version: int | None = None) -> ScenarioVersion:
        """A version of a scenario (the newest when ``version`` is None).

        Raises
        ------
        NotFoundError
            No such scenario or version.
        """
        with self.engine.connect() as conn:
            if version is None:
                row = self._latest(conn, name)
            else:
                row = conn.execute(
                    select(scenario_versions).where(
                        scenario_versions.c.name == name, scenario_versions.c.version == version
                    )
                ).first()
        if row is None:
            what = f"scenario {name!r}" + ("" if version is None else f" version {version}")
            raise NotFoundError(f"{what} is not in the store")
        return _version(row)

    def history(self, name: str) -> list[ScenarioVersion]:
        """Every version of a scenario, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(scenario_versions)
                .where(scenario_versions.c.name == name)
                .order_by(scenario_versions.c.version)
            ).all()
        return [_version(r) for r in rows]

    def list_names(self) -> list[str]:
        """Names of the stored scenarios, sorted."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(scenario_versions.c.name).distinct().order_by(scenario_versions.c.name)
            ).all()
        return [r.name for r in rows]

    def latest_versions(self) -> list[ScenarioVersion]:
        """The newest version of every scenario, sorted by name."""
        newest = (
            select(scenario_versions.c.name, func.max(scenario_versions.c.version).label("v"))
            .group_by(scenario_versions.c.name)
            .subquery()
        )
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(scenario_versions)
                .join(
                    newest,
                    (scenario_versions.c.name == newest.c.name)
                    & (scenario_versions.c.version == newest.c.v),
                )
                .order_by(scenario_versions.c.name)
            ).all()
        return [_version(r) for r in rows]

    # ------------------------------------------------------------------ files

    def import_yaml(
        self,
        path_or_text: str | Path,
        name: str | None = None,
        author: str = "import",
        ds: Dataset | None = None,
    ) -> ScenarioVersion:
        """Import a scenario file (a path) or its text as the next version of ``name``.

        A file's name without extension is the default name, its text is kept as it is
        (comments included); a file that ``extends`` another is stored merged, with the
        parent's name recorded. Text gets its name from its ``name:`` (slugified).

        Raises
        ------
        InputError
            The scenario is not valid; nothing is stored.
        """
        if isinstance(path_or_text, Path):
            path = path_or_text
            raw_text = path.read_text(encoding="utf-8-sig")
            raw = read_scenario_text(raw_text, str(path))
            name = name or slugify(path.stem)
            if raw.get("extends"):
                extends = parent_name(str(raw["extends"]))
                scenario = load_scenario(path, ds)  # resolved from the file's own folder
                stored, parent = scenario_to_yaml(scenario), extends
            else:
                stored, parent = raw_text, None
        else:
            stored, parent = str(path_or_text), None
            scenario, _ = scenario_from_text(stored, name or "<text>", self.parent_raw, ds)
            name = name or slugify(scenario.name)
        try:
            expected = self.load(name).version
        except NotFoundError:
            expected = 0
        version = self.save(name, stored, author, expected, parent=parent, ds=ds)
        return self.load(name, version)

    def export_yaml(self, name: str, path: str | Path, version: int | None = None) -> Path:
        """Write a stored version (the newest by default) as a scenario file."""
        record = self.load(name, version)
        path = Path(path)
        if path.is_dir():
            path = path / f"{name}.yaml"
        with replacing(path) as tmp:
            tmp.write_text(record.yaml_text, encoding="utf-8")
        return path

    def seed(self, folder: str | Path, author: str = "import") -> list[str]:
        """Import every ``*.yaml`` of ``folder`` into an empty store (parents first).

        Does nothing when the store holds any scenario, so the shipped examples are
        offered on first use and never overwrite what users saved. Returns the names
        imported.
        """
        folder = Path(folder)
        if self.list_names() or not folder.is_dir():
            return []
        files = sorted(folder.glob("*.yaml"))
        parents_first = sorted(files, key=lambda p: bool(_extends(p)))
        done = []
        for path in parents_first:
            try:
                done.append(self.import_yaml(path, author=author).name)
            except ConflictError:  # another session seeded at the same moment
                continue
        return done

    # ------------------------------------------------------------------ results

    def save_result(self, name: str, version: int, data_hash: str, result: dict) -> None:
        """Keep the result of a stored version on data with hash ``data_hash``
        (``SolveResult.to_dict()``), replacing an earlier one for the same pair."""
        record = self.load(name, version)
        payload = json.dumps(result, ensure_ascii=False, sort_keys=True)
        with self.engine.begin() as conn:
            conn.execute(
                delete(results).where(
                    results.c.version_id == record.id, results.c.data_hash == data_hash
                )
            )
            conn.execute(
                results.insert().values(
                    version_id=record.id,
                    data_hash=data_hash,
                    result_json=payload,
                    created_at=_now(),
                )
            )

    def load_result(self, name: str, version: int, data_hash: str) -> dict | None:
        """The saved result of a version on that data, or None."""
        record = self.load(name, version)
        with self.engine.connect() as conn:
            row = conn.execute(
                select(results.c.result_json).where(
                    results.c.version_id == record.id, results.c.data_hash == data_hash
                )
            ).first()
        return None if row is None else json.loads(row.result_json)

    # ------------------------------------------------------------------ drafts

    def save_draft(
        self,
        payload: str,
        draft_id: str | None = None,
        *,
        name: str | None = None,
        base_version: int | None = None,
        author: str = "",
    ) -> str:
        """Keep an edit in progress (any text, valid or not); returns the draft's id."""
        now = _now()
        with self.engine.begin() as conn:
            if draft_id is not None:
                changed = conn.execute(
                    update(drafts)
                    .where(drafts.c.id == draft_id)
                    .values(
                        payload=payload,
                        name=name,
                        base_version=base_version,
                        author=author,
                        updated_at=now,
                    )
                ).rowcount
                if changed:
                    return draft_id
            draft_id = draft_id or uuid.uuid4().hex
            conn.execute(
                drafts.insert().values(
                    id=draft_id,
                    payload=payload,
                    name=name,
                    base_version=base_version,
                    author=author,
                    created_at=now,
                    updated_at=now,
                )
            )
        return draft_id

    def load_draft(self, draft_id: str) -> Draft | None:
        """The draft with that id, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(drafts).where(drafts.c.id == draft_id)).first()
        if row is None:
            return None
        return Draft(
            id=row.id,
            payload=row.payload,
            name=row.name,
            base_version=row.base_version,
            author=row.author,
            created_at=_utc(row.created_at),
            updated_at=_utc(row.updated_at),
        )

    def delete_draft(self, draft_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(drafts).where(drafts.c.id == draft_id))

    def prune_drafts(self, older_than: timedelta = timedelta(days=30)) -> int:
        """Forget drafts nobody touched for ``older_than`` (every browser tab that opens
        the Scenario page starts one); returns how many were removed."""
        cutoff = _now() - older_than
        with self.engine.begin() as conn:
            return conn.execute(delete(drafts).where(drafts.c.updated_at < cutoff)).rowcount


def _reason(exc: BaseException) -> str:
    text_ = str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else ""
    return (text_ or type(exc).__name__)[:160]


def _db_error(url: str, key: str, **values: object) -> InputError:
    """The database named without its password, what is wrong and the fix."""
    from planner.i18n.errors import say

    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        shown = "PLANNER_DB_URL"
    return InputError([Issue(shown, say(key, **values), say(key + "_fix"))], say("db_title"))


def _extends(path: Path) -> str | None:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8-sig"), str(path))
    except (InputError, UnicodeDecodeError, OSError):
        return None  # import_yaml reports it with the line
    return raw.get("extends") if isinstance(raw, dict) else None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets the app read while another session writes; wait instead of failing
    when the file is briefly locked; enforce the results -> versions key."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
