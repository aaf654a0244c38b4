"""Files users upload in the app, checked by the same validators as the command line.

A planner drops a new ``locations.csv`` or a scenario file into the page. Both go
through exactly the checks ``planner report`` and ``planner solve`` apply, and every
problem comes back as an :class:`~planner.errors.InputError` naming the uploaded
file, the line and the column, never as a traceback.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.data.loader import (
    GEOMETRY_FILE,
    Dataset,
    dataset_from_tables,
    default_data_dir,
    read_geometry,
)
from planner.data.schemas import TABLES
from planner.errors import InputError, Issue
from planner.formats import Words
from planner.scenario.schema import Scenario
from planner.scenario.text import scenario_from_text

__all__ = ["dataset_with_upload", "scenario_from_upload", "decode_upload"]


def decode_upload(content: bytes, filename: str) -> str:
    """The upload as text (UTF-8, a byte-order mark is dropped), or an InputError."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise InputError(
            [Issue(filename, Words("dl_not_utf8"), Words("sc_save_utf8_fix"), line=line)],
            Words("up_title_read", name=filename),
        ) from None


def dataset_with_upload(
    table: str, content: bytes, filename: str, base_dir: Path | str | None = None
) -> Dataset:
    """The bundled data with one table replaced by an uploaded file.

    Parameters
    ----------
    table
        The table's name in :data:`planner.data.schemas.TABLES` (``locations``, ...).
    content
        The uploaded file's bytes.
    filename
        The uploaded file's name: problems in it are reported under this name.
    base_dir
        Where the other tables come from (the bundled data by default).

    Raises
    ------
    InputError
        Every problem of the upload (and of references from or to it), with line
        and column, exactly as :func:`planner.data.loader.load_dataset` reports them.
    """
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")
    base = Path(base_dir) if base_dir is not None else default_data_dir()
    tables: dict[str, Any] = {}
    for name, spec in TABLES.items():
        path = base / spec.filename
        tables[name] = path if path.exists() else None
    tables[table] = content
    label = TABLES[table].filename
    try:
        ds = dataset_from_tables(tables, source="<upload>")
    except InputError as exc:
        issues = [
            Issue(filename, i.message, i.fix, i.line, i.column, i.value) if i.file == label else i
            for i in exc.issues
        ]
        raise InputError(issues, Words("up_title_use", name=filename)) from None
    ds.source = f"{base} + {filename}"
    geo = base / GEOMETRY_FILE
    if geo.exists():
        ds.geometry = read_geometry(geo)
        ds.hashes[GEOMETRY_FILE] = hashlib.sha256(geo.read_bytes()).hexdigest()
    return ds


def scenario_from_upload(
    content: bytes,
    filename: str,
    ds: Dataset,
    parent: Callable[[str], dict[str, Any]] | None = None,
) -> tuple[Scenario, str | None]:
    """A scenario file's bytes, validated as ``planner solve`` does: the scenario model
    (:func:`planner.scenario.schema.parse_scenario`) and the names in the data
    (:func:`planner.scenario.schema.check_against_data`). ``extends`` is resolved through
    ``parent`` (the store). Returns the scenario and the parent's name."""
    return scenario_from_text(decode_upload(content, filename), filename, parent, ds)
