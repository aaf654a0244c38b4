"""Errors that point at the file, line and field to fix.

Planners maintain the data in spreadsheets. When something is wrong they need to know
*where* (file, line, column), *what* (the value and why it is rejected) and *how to fix
it*, for every problem in the file at once, not one per run.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.formats import Words

__all__ = [
    "Issue",
    "InputError",
    "SolverError",
    "Problem",
    "render",
    "words_then",
    "pydantic_words",
    "os_reason",
    "replacing",
    "writing_to",
]


#: The system's refusals of a file, by errno, in the reader's words.
_OS_REASONS = {
    errno.ENOENT: "os_no_such_path",
    errno.EACCES: "os_no_permission",
    errno.EPERM: "os_no_permission",
    errno.ENOSPC: "os_disk_full",
    errno.EROFS: "os_read_only",
    errno.EISDIR: "os_is_folder",
    errno.ENOTDIR: "os_not_a_folder",
    errno.ENAMETOOLONG: "os_name_too_long",
}


def os_reason(exc: OSError) -> Words | str:
    """Why the system refused a file, in the reader's words: the system's own text
    (``exc.strerror``) is English, and stays only for a refusal not listed here.

    >>> str(os_reason(PermissionError(13, "Permission denied")))
    'geen toestemming'
    """
    key = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    if key is not None:
        return Words(key)
    return exc.strerror or type(exc).__name__


def _lang() -> str:
    from planner.i18n.errors import LANG

    return LANG.get()


def _say(value: Any, lang: str) -> str:
    from planner.formats import say

    return say(value, lang) if isinstance(value, Words) else str(value)


def words_then(*parts: Any) -> Words | str:
    """Texts one after the other with a space (a hint, then the fix), each told in the
    reader's language; empty parts are left out.

    >>> from planner.formats import say
    >>> say(words_then(Words("err_did_you_mean", names="'Kampen'"), Words("pyd_empty_fix")), "en")
    "did you mean 'Kampen'? fill it in"
    """
    kept = [p for p in parts if p not in (None, "")]
    if not kept:
        return ""
    out = kept[0]
    for part in kept[1:]:
        out = Words("words_then", a=out, b=part)
    return out


class Problem(ValueError):
    """A validator's reason and fix as :class:`Words`, so the loader and the scenario
    reader can tell them in the reader's language (pydantic passes the exception on
    in ``err["ctx"]["error"]``)."""

    def __init__(self, message: Any, fix: Any = "") -> None:
        self.message = message
        self.fix = fix
        super().__init__(f"{message}. Fix: {fix}" if fix else str(message))


@dataclass(frozen=True)
class Issue:
    """One problem found in an input file.

    ``line`` is the line number a spreadsheet or text editor shows (the header is line 1),
    ``None`` for a problem with the whole file. ``column`` is the field name or, for
    scenario files, the key path (``candidates[0].max_places``).
    """

    file: str
    message: str
    fix: str = ""
    line: int | None = None
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        return self.text(_lang())

    def text(self, lang: str = "nl", cut: bool = False) -> str:
        """The problem in ``lang``: where, what, the value found and the fix."""
        from planner.i18n import t

        def c(text: str, limit: int = 80) -> str:
            return _cut(text, limit) if cut else text

        where = self.file
        if self.line is not None:
            where += f", {t('err_line_word', lang)} {self.line}"
        if self.column:
            where += f", {c(self.column)}"
        text = f"{where}: {c(_say(self.message, lang), 300)}"
        if self.value not in (None, ""):
            text += f" ({t('err_found_word', lang)} {c(str(self.value))!r})"
        if self.fix:
            text += f". {t('err_fix_word', lang)}: {c(_say(self.fix, lang), 400)}"
        return text


@dataclass
class InputError(Exception):
    """Raised with every issue found, so a user can fix a file in one pass."""

    issues: list[Issue] = field(default_factory=list)
    title: str = field(default_factory=lambda: Words("err_title_input"))

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return self.text(_lang())

    def text(self, lang: str = "nl", cut: bool = False, most: int | None = None) -> str:
        """Every problem in ``lang`` under the title (at most ``most`` of them)."""
        from planner.i18n import t

        n = len(self.issues)
        count = t("err_problems_count" if n == 1 else "err_problems_count_many", lang, n=n)
        shown = self.issues if most is None else self.issues[:most]
        lines = [f"{_say(self.title, lang)} ({count}):"]
        lines += [f"  - {issue.text(lang, cut)}" for issue in shown]
        if most is not None and n > most:
            lines.append(f"  ... (+{n - most})")
        return "\n".join(lines)


class SolverError(RuntimeError):
    """The solver could not be run at all (missing, crashed)."""


def render(exc: InputError, lang: str | None = None) -> str:
    """The error as the user reads it, in ``lang`` (default: the language of this
    context, :data:`planner.i18n.errors.LANG`): title, file, line, column, value and
    fix, every message and frame word in that language, every value cut short, so no
    message can grow with its input."""
    return exc.text(lang or _lang(), cut=True, most=200)


#: Pydantic error types -> (message key, fix key) of planner/i18n/errors.py; the
#: values come from ``err["ctx"]`` (``ge``, ``le``, ``expected``, ...).
_PYDANTIC: dict[str, tuple[str, str]] = {
    "int_parsing": ("pyd_not_whole", "pyd_not_whole_fix"),
    "int_from_float": ("pyd_not_whole", "pyd_not_whole_fix"),
    "int_type": ("pyd_not_whole", "pyd_not_whole_fix"),
    "float_parsing": ("pyd_not_number", "pyd_not_number_fix"),
    "float_type": ("pyd_not_number", "pyd_not_number_fix"),
    "finite_number": ("not_finite", "not_finite_fix"),
    "greater_than_equal": ("pyd_ge", "pyd_ge_fix"),
    "greater_than": ("pyd_gt", "pyd_gt_fix"),
    "less_than_equal": ("pyd_le", "pyd_le_fix"),
    "less_than": ("pyd_lt", "pyd_lt_fix"),
    "missing": ("pyd_missing", "pyd_missing_fix"),
    "string_too_short": ("pyd_empty", "pyd_empty_fix"),
    "string_too_long": ("pyd_too_long", "pyd_too_long_fix"),
    "string_type": ("pyd_not_text", "pyd_not_text_fix"),
    "string_pattern_mismatch": ("pyd_pattern", "pyd_pattern_fix"),
    "bool_parsing": ("pyd_not_bool", "pyd_not_bool_fix"),
    "bool_type": ("pyd_not_bool", "pyd_not_bool_fix"),
    "literal_error": ("pyd_literal", "pyd_literal_fix"),
    "enum": ("pyd_literal", "pyd_literal_fix"),
    "extra_forbidden": ("pyd_extra", "pyd_extra_fix"),
    "dict_type": ("pyd_not_mapping", "pyd_not_mapping_fix"),
    "model_type": ("pyd_not_mapping", "pyd_not_mapping_fix"),
    "model_attributes_type": ("pyd_not_mapping", "pyd_not_mapping_fix"),
    "list_type": ("pyd_not_list", "pyd_not_list_fix"),
    "tuple_type": ("pyd_not_list", "pyd_not_list_fix"),
    "date_parsing": ("pyd_not_date", "pyd_not_date_fix"),
    "date_type": ("pyd_not_date", "pyd_not_date_fix"),
    "date_from_datetime_parsing": ("pyd_not_date", "pyd_not_date_fix"),
    "date_from_datetime_inexact": ("pyd_not_date", "pyd_not_date_fix"),
    "datetime_parsing": ("pyd_not_date", "pyd_not_date_fix"),
    "datetime_type": ("pyd_not_date", "pyd_not_date_fix"),
    "too_short": ("pyd_too_few", "pyd_too_few_fix"),
    "too_long": ("pyd_too_many", "pyd_too_many_fix"),
    "union_tag_invalid": ("pyd_literal", "pyd_literal_fix"),
}


def _options(expected: Any) -> str:
    """Pydantic's ``"'asiel' or 'amv'"`` without the English ``or``."""
    text = str(expected)
    return ", ".join(o.strip() for o in text.replace(" or ", ",").split(",") if o.strip())


def pydantic_words(err: Mapping[str, Any]) -> tuple[Words | str, Words | str]:
    """The message and fix of one pydantic error in words (Dutch, told in English on
    request), chosen by the error's ``type`` and filled from its ``ctx``, never by
    its English text. A validator's own :class:`Problem` keeps its words.

    >>> from planner.formats import say
    >>> msg, fix = pydantic_words({"type": "greater_than_equal", "ctx": {"ge": 0}})
    >>> str(msg), say(fix, "en")
    ('moet 0 of meer zijn', 'write a number of 0 or more')
    """
    kind = str(err.get("type", ""))
    ctx = dict(err.get("ctx") or {})
    if kind in ("value_error", "assertion_error"):
        error = ctx.get("error")
        if isinstance(error, Problem):
            return error.message, error.fix
        text = str(error if error is not None else err.get("msg", ""))
        message, _, fix = text.partition(". Fix: ")
        return message, fix
    keys = _PYDANTIC.get(kind)
    if keys is None:
        return Words("pyd_other", kind=kind), ""
    values = {k: str(v) for k, v in ctx.items() if k not in ("error", "expected")}
    if "expected" in ctx:
        values["options"] = _options(ctx["expected"])
    if "pattern" in ctx:
        values["pattern"] = str(ctx["pattern"])
    for key in ("min_length", "max_length", "ge", "gt", "le", "lt"):
        values.setdefault(key, "")
    return Words(keys[0], **values), Words(keys[1], **values)


def _cut(text: str, limit: int = 80) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    r"""A temporary file beside ``path`` to write to; it takes ``path``'s place only once
    written whole, so a failure never leaves half a file (or loses the old one) under
    the user's name. A file that cannot be written (no permission, a full disk, a
    read-only folder) is refused with its reason, naming the file.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with replacing(folder / "uit.csv") as tmp:
    ...     _ = tmp.write_text("a,b\n")
    >>> (folder / "uit.csv").read_text(), sorted(p.name for p in folder.iterdir())
    ('a,b\n', ['uit.csv'])
    """
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with writing_to(path):
            yield tmp
            tmp.replace(path)
    finally:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)  # only left when the write failed


@contextmanager
def writing_to(path: str | Path) -> Iterator[None]:
    """A refusal by the system while writing ``path`` (no permission, a full disk, a
    read-only folder) as an input error that names it, with the reason in the
    reader's words."""
    try:
        yield
    except OSError as exc:
        raise InputError(
            [Issue(str(path), Words("output_unwritable", reason=os_reason(exc)),
                   Words("output_unwritable_fix"))],
            Words("output_title"),
        ) from None  # fmt: skip
