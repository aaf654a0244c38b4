"""Labels in Dutch (the users' language) and English.

Every label the CLI, the reports or the app show goes through :func:`t`, so switching
language changes all of them. Dutch uses the terms of the field: opgave, realisatie,
uitruil, amv, peildatum, bestuurlijk voornemen. The catalogue is split by area (one
module each) so work on one area does not touch another; a key may live in one module
only.
"""

from __future__ import annotations

from typing import Literal

from planner.i18n import app, cli, core, cycles, errors, model, programmes, reports

__all__ = ["Lang", "LANGS", "LABELS", "t"]

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in (core, errors, reports, app, model, programmes, cycles, cli):
        twice = sorted(set(merged) & set(module.LABELS))
        if twice:
            raise RuntimeError(f"label keys defined twice ({module.__name__}): {twice}")
        merged.update(module.LABELS)
    return merged


LABELS: dict[str, tuple[str, str]] = _merge()


def t(key: str, lang: Lang = "nl", /, **values: object) -> str:
    """The label of ``key`` in ``lang``, filled in with ``values``; the key itself when
    there is no label.

    >>> t("quota"), t("quota", "en")
    ('Opgave', 'Quota')
    """
    pair = LABELS.get(key)
    if pair is None:
        return key
    text = pair[0] if lang == "nl" else pair[1]
    return text.format(**values) if values else text
