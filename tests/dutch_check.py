"""Find English words and raw keys in text meant to be Dutch.

Planner-independent on purpose: the CLI tests, the workbook and PDF tests and the app's
page tests all hand it the text a Dutch user would read, and it names what is not Dutch:

>>> english_in("Kampen: eindigt 05-03-2025, 148 dagen voor het einde van de periode")
[]
>>> english_in("ends 05-03-2025, 148 days before the window end; status soft_plan, None")
['ends', 'days', 'before', 'the', 'window', 'end', 'soft_plan', 'None']

Why a word list and not a language detector: the output is short, full of names and
numbers, and the words that leak are always the same few (the code's own vocabulary:
statuses, kinds, column keys). A word that is also Dutch (``in``, ``is``, ``over``,
``start``, ``open``, ``status``, ``data``, ``of``, ``was``) is not on the list. File
names (``locations.csv``, ``base.yaml``) are skipped: a Dutch message may name a file.
Acronyms (CBS, COA, CC BY), identifiers from the data (``borne-new``, ``cycle-1``) and a
command ``planner report`` named in a sentence are skipped too. Pass ``allow`` for
proper names that happen to be English (an operator "You Care").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ENGLISH_WORDS", "SNAKE_CASE", "english_in", "assert_dutch"]

#: English words that have no place in Dutch output (compared case-insensitively,
#: except the Python literals None/True/False/NaN which are matched as written).
ENGLISH_WORDS: frozenset[str] = frozenset(
    """
    the and or but not no yes with without for from to into onto at by an than then
    this that these those which what when where why who whose because since until after
    before between within outside each every all any some more less most least only
    also other same both either neither would could should will shall can cannot must
    has have does did done being are were its it's their there here
    ends end ending started starts days day months month weeks year years date
    window cycle period
    place places seat seats location locations site sites municipality municipalities
    region regions province provinces quota shortfall shortfalls surplus surpluses
    swap swaps swapped giver givers receiver receivers candidate candidates capacity
    count counts counted counting reason reasons decision decisions decided undecided
    pending missing near miss misses total totals sum share
    existing planned proposed agreed locked optimal infeasible unbounded feasible
    solved objective objectives level levels value values marginal burden
    inhabitants population new extend extended enlarge enlarged extension close closed
    closes closing opens opened change changes changed parent
    override overrides overridden rule rules valid invalid error errors warning warnings
    unknown indefinite soft plans target group source sources note notes
    summary report workbook sheet table version author saved time limit limits cost
    costs children unaccompanied minors asylum seekers guaranteed realised realized
    short enough because hold holds condition conditions agreement agreements
    """.split()
)
#: Python/pandas literals that leak when a cell is empty or boolean.
LITERALS: frozenset[str] = frozenset({"None", "True", "False", "NaN", "nan", "NaT", "null"})

#: A raw key: lower-case words joined by underscores (``swapped_in``,
#: ``marginal_value.provincial_shortfall``, ``soft_plan``).
SNAKE_CASE = re.compile(r"(?<![\w/\\.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\.[a-z][a-z0-9_]*)*")
_FILE_NAME = re.compile(
    r"[\w./\\-]+\.(?:csv|yaml|yml|xlsx|json|geojson|pdf|db|txt|md|py|zip)\b", re.IGNORECASE
)
_URL = re.compile(r"\w+://\S+")
#: An identifier from the data (``borne-new``, ``cycle-1``, ``ov-dronten-kampen``):
#: lower-case words joined by hyphens, not prose.
_SLUG = re.compile(r"(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])")
#: A CLI command named in a Dutch sentence ("zoals planner report dat doet").
_COMMAND = re.compile(r"\bplanner \w+")
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def english_in(text: str, allow: Iterable[str] = ()) -> list[str]:
    """The English words and snake_case keys in ``text``, each once, in reading order.

    Parameters
    ----------
    text
        What the Dutch user reads (CLI output, a sheet's cells joined, a page's text).
    allow
        Words or keys that may appear (proper names such as an operator "You Care");
        compared case-insensitively.

    Returns
    -------
    list[str]
        Empty when the text is Dutch as far as this check can tell.
    """
    allowed = {a.lower() for a in allow}
    cleaned = _SLUG.sub(" ", _COMMAND.sub(" ", _URL.sub(" ", _FILE_NAME.sub(" ", text))))
    found: list[tuple[int, str]] = []
    for match in SNAKE_CASE.finditer(cleaned):
        if match.group(0).lower() not in allowed:
            found.append((match.start(), match.group(0)))
    without_keys = SNAKE_CASE.sub(lambda m: " " * len(m.group(0)), cleaned)
    for match in _WORD.finditer(without_keys):
        word = match.group(0)
        if word.lower() in allowed or (len(word) > 1 and word.isupper()):
            continue  # allowed, or an acronym (CBS, COA, CC BY)
        if word in LITERALS or word.lower() in ENGLISH_WORDS:
            found.append((match.start(), word))
    seen: set[str] = set()
    ordered: list[str] = []
    for _, word in sorted(found):
        if word not in seen:
            seen.add(word)
            ordered.append(word)
    return ordered


def assert_dutch(text: str, where: str = "", allow: Iterable[str] = ()) -> None:
    """Fail with the English words found and a line of context for each.

    Parameters
    ----------
    text
        The text to check.
    where
        What the text is (``"planner report"``, ``"sheet Gemeenten"``), for the message.
    allow
        As in :func:`english_in`.
    """
    words = english_in(text, allow)
    if not words:
        return
    lines = text.splitlines()
    context = []
    for word in words[:10]:
        line = next((ln for ln in lines if word in ln), "")
        context.append(f"  {word!r} in: {line.strip()[:160]}")
    raise AssertionError(
        f"English or raw keys in {where or 'Dutch output'}:\n" + "\n".join(context)
    )
