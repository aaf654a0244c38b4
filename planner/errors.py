"""Errors that point at the file, line and field to fix.

Planners maintain the data in spreadsheets. When something is wrong they need to know
*where* (file, line, column), *what* (the value and why it is rejected) and *how to fix
it*, for every problem in the file at once, not one per run.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", {self.column}"
        text = f"{where}: {self.message}"
        if self.value not in (None, ""):
            text += f" (found {self.value!r})"
        if self.fix:
            text += f". Fix: {self.fix}"
        return text


@dataclass
class InputError(Exception):
    """Raised with every issue found, so a user can fix a file in one pass."""

    issues: list[Issue] = field(default_factory=list)
    title: str = "The input has problems"

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        n = len(self.issues)
        head = f"{self.title} ({n} problem{'s' if n != 1 else ''}):"
        return "\n".join([head, *(f"  - {issue}" for issue in self.issues)])


class SolverError(RuntimeError):
    """The solver could not be run at all (missing, crashed)."""


def render(exc: InputError) -> str:
    """The error as the user reads it, in the language of this context
    (:data:`planner.i18n.errors.LANG`): the same file, line, column, value and fix as
    ``str(exc)``, with the frame words (line, found, fix) translated and every value
    cut short, so no message can grow with its input."""
    from planner.i18n.errors import say

    n = len(exc.issues)
    count = say("err_problems_count" if n == 1 else "err_problems_count_many", n=n)
    lines = [f"{exc.title} ({count}):"]
    for issue in exc.issues[:200]:
        where = issue.file
        if issue.line is not None:
            where += f", {say('err_line_word')} {issue.line}"
        if issue.column:
            where += f", {_cut(issue.column)}"
        text = f"{where}: {_cut(issue.message, 300)}"
        if issue.value not in (None, ""):
            text += f" ({say('err_found_word')} {_cut(issue.value)!r})"
        if issue.fix:
            text += f". {say('err_fix_word')}: {_cut(issue.fix, 400)}"
        lines.append(f"  - {text}")
    if n > 200:
        lines.append(f"  ... (+{n - 200})")
    return "\n".join(lines)


def _cut(text: str, limit: int = 80) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
