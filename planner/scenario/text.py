"""Scenario YAML text: read from an upload or the database, written back as a file.

The store, the uploads and the editor all speak this text; it goes through the same
validation as a file on disk (:func:`planner.scenario.schema.parse_scenario`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from planner.data.loader import Dataset
from planner.errors import InputError, Issue
from planner.formats import Words
from planner.scenario.schema import (
    Scenario,
    check_against_data,
    merge_scenario_data,
    parse_scenario,
    read_yaml_text,
)

__all__ = [
    "friendly_message",
    "scenario_to_yaml",
    "read_scenario_text",
    "scenario_from_text",
    "parent_name",
]


def friendly_message(message: str, fix: str) -> tuple[str, str]:
    """A problem's message and fix as the editor and uploads show them.

    Pydantic's errors already arrive in words (:func:`planner.errors.pydantic_words`,
    chosen by the error's type, Dutch with English on request), so nothing is left to
    rewrite from English text; kept so the editor and uploads have one entry point."""
    return message, fix


def scenario_to_yaml(scenario: Scenario) -> str:
    """The scenario as a self-contained YAML scenario file (no ``extends``).

    Only values that differ from the defaults are written, so the text reads like the
    files in ``scenarios/``; reading it back gives the same scenario.

    >>> print(scenario_to_yaml(Scenario(name="x", swaps={"policy": "region"})), end="")
    name: x
    swaps:
      policy: region
    """
    data = scenario.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data.pop("extends", None)
    data["name"] = scenario.name
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)


def read_scenario_text(text: str, label: str = "<scenario>") -> dict[str, Any]:
    """A scenario file's text as a mapping, or an InputError naming the YAML line.

    The same checks as reading a file (:func:`planner.scenario.schema.load_scenario`), for
    text that comes from an upload or the database rather than a path.
    """
    return read_yaml_text(text, label)


def parent_name(extends: str) -> str:
    """The stored name a scenario's ``extends:`` refers to: the file name without
    folder and extension (``extends: base.yaml`` -> ``base``)."""
    return Path(str(extends)).stem


def scenario_from_text(
    text: str,
    label: str = "<scenario>",
    parent: Callable[[str], dict[str, Any]] | None = None,
    ds: Dataset | None = None,
) -> tuple[Scenario, str | None]:
    """Read and validate scenario text; resolve ``extends`` through ``parent``.

    Parameters
    ----------
    text
        The YAML text.
    label
        The name used in messages (the uploaded file's name).
    parent
        Called with the parent's name (see :func:`parent_name`) when the text has
        ``extends:``; returns the parent's mapping (or raises InputError). Without it,
        ``extends`` is an error: a stored scenario must stand on its own.
    ds
        When given, names and ids are checked against the data.

    Returns
    -------
    (scenario, parent name or None)
    """
    raw = read_scenario_text(text, label)
    extends = raw.get("extends")
    name = None
    if extends:
        name = parent_name(str(extends))
        if parent is None:
            raise InputError(
                [Issue(label, Words("sc_extends_not_here", target=repr(extends)), "",
                       column="extends")],
                Words("scenario_unreadable"),
            )  # fmt: skip
        raw = merge_scenario_data(parent(name), raw)
        raw.pop("extends", None)
    try:
        scenario = parse_scenario(raw, label)
    except InputError as exc:  # the same plain words as in the editor
        issues = [
            Issue(i.file, *friendly_message(i.message, i.fix), i.line, i.column, i.value)
            for i in exc.issues
        ]
        raise InputError(issues, exc.title) from None
    if ds is not None:
        check_against_data(scenario, ds, label)
    return scenario, name
