"""Reading scenario YAML that may be hostile or simply broken, with bounded effort.

``yaml.safe_load`` cannot run code, but it still accepts four kinds of input that end in
a hang, a crash or a silently wrong scenario:

* an alias bomb: anchors that refer to anchors (``a: &a [x, x]``, ``b: &b [*a, *a]``...)
  are cheap to parse but expand exponentially when validated or printed;
* deep nesting (5,000 ``[``): PyYAML's composer recurses once per level;
* duplicate keys: the last one wins without a word;
* an unclosed quote: reported where the file ends, not where the quote opened.

:func:`load_yaml` composes the document with a loader that refuses all four with an
:class:`~planner.errors.InputError` naming the line, and normalises every string to
Unicode NFC (a name typed on a Mac, in NFD, compares equal to the same name in the data).

The text is scanned and parsed by libyaml (C) where PyYAML has it, under PyYAML's
Python composer with the checks above, so they hold node by node as before; a
national scenario reads in about a tenth of the time. Text the C reader refuses is
read again by the pure-Python loader, so the refusal keeps its words and line.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from planner.errors import InputError, Issue
from planner.i18n.errors import say

__all__ = ["load_yaml", "MAX_DEPTH", "MAX_VALUES", "WITH_LIBYAML", "short"]

#: Deepest nesting of lists and mappings a scenario may have (real ones use 4).
MAX_DEPTH = 64
#: Most values a scenario may hold once its aliases are expanded (a national scenario
#: with 300 candidates holds about 3,000).
MAX_VALUES = 200_000


def short(value: object, limit: int = 60) -> str:
    """A value as shown in a message: never longer than ``limit`` characters."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Refused(Exception):
    def __init__(self, message_key: str, line: int | None, **values: object) -> None:
        super().__init__(message_key)
        self.key = message_key
        self.line = line
        self.values = values


class _Checks:
    """The checks, on top of any loader whose composer is PyYAML's Python one: bounded
    depth, no duplicate keys, text read as NFC."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # noqa: D102
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise _Refused("yaml_too_deep", mark.line + 1, depth=MAX_DEPTH)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_mapping_node(self, anchor: str | None) -> MappingNode:  # noqa: D102
        node = super().compose_mapping_node(anchor)
        seen: dict[str, int] = {}
        for key, _ in node.value:
            if not isinstance(key, ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                continue
            text = unicodedata.normalize("NFC", str(key.value))
            line = key.start_mark.line + 1
            if text in seen:
                raise _Refused("yaml_duplicate_key", line, key=short(text), first=seen[text])
            seen[text] = line
        return node

    def construct_yaml_str(self, node: ScalarNode) -> str:  # noqa: D102
        return unicodedata.normalize("NFC", super().construct_scalar(node))


class _Loader(_Checks, yaml.SafeLoader):
    """PyYAML's pure-Python SafeLoader with the checks: the fallback without libyaml."""


if getattr(yaml, "__with_libyaml__", False):
    from yaml.cyaml import CParser

    class _CLoader(_Checks, Composer, CParser, SafeConstructor, Resolver):
        """libyaml's C scanner and parser (about ten times faster on a national
        scenario) under the same Python composer, so every check above still runs
        node by node: the depth bound refuses before libyaml reads deeper, duplicate
        keys and the alias-expansion bound see the same nodes."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _LOADER: type = _CLoader
    #: Whether the C reader is there (PyYAML built with libyaml).
    WITH_LIBYAML = True
else:  # pragma: no cover - PyYAML built without libyaml
    _LOADER = _Loader
    WITH_LIBYAML = False

for _cls in {_Loader, _LOADER}:
    _cls.add_constructor("tag:yaml.org,2002:str", _Checks.construct_yaml_str)


def _expanded_size(root: Node) -> int:
    """How many nodes the document has once every alias is expanded, without expanding:
    an alias is the same node object, so sizes are memoised by identity."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, SequenceNode):
            children = list(node.value)
        elif isinstance(node, MappingNode):
            children = [n for pair in node.value for n in pair]
        else:
            sizes[id(node)] = 1
            continue
        if done:
            total = 1 + sum(sizes.get(id(c), 0) for c in children)
            sizes[id(node)] = min(total, MAX_VALUES + 1)
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]


def _yaml_issue(exc: yaml.YAMLError, label: str) -> Issue:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "problem_mark", None)
    start = getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    if "quoted scalar" in context and start is not None:
        # The quote that never closes is where the reader must look, not the file's end.
        return Issue(label, say("yaml_unclosed_quote"), say("yaml_unclosed_quote_fix"),
                     line=start.line + 1)  # fmt: skip
    if start is not None and mark is not None and start.line != mark.line:
        problem = f"{problem} ({say('yaml_opened_on', line=start.line + 1)})"
    return Issue(label, say("yaml_invalid", problem=short(problem, 120)), say("yaml_fix"),
                 line=line)  # fmt: skip


def load_yaml(text: str, label: str, engine: str = "auto") -> Any:
    """Parse YAML text with bounded depth and alias expansion and no duplicate keys.

    libyaml's C parser reads first; if it finds the text wrong, the pure-Python loader
    reads it again, so a refusal names the same line with the same words as before
    (bad text is rare, its second reading costs nothing that matters).

    Parameters
    ----------
    text, label
        The YAML and the name its problems are reported under.
    engine
        ``"auto"`` (C, then Python on a refusal), ``"c"`` (libyaml only, no second
        reading: the tests check the C path refuses on its own) or ``"python"``.

    Raises
    ------
    InputError
        Naming ``label`` and the line: invalid YAML, too deep, too many values once
        aliases are expanded, or a key given twice (both lines).
    """
    if engine == "c":
        return _load_with(_LOADER, text, label)
    if engine == "auto" and _LOADER is not _Loader:
        try:
            return _load_with(_LOADER, text, label)
        except (InputError, yaml.YAMLError):
            pass
    return _load_with(_Loader, text, label)


def _load_with(cls: type, text: str, label: str) -> Any:
    title = say("scenario_unreadable")
    loader = cls(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node) > MAX_VALUES:
            raise _Refused("yaml_too_many_values", None, limit=f"{MAX_VALUES:,}")
        return loader.construct_document(node)
    except _Refused as exc:
        issue = Issue(label, say(exc.key, **exc.values), say(exc.key + "_fix", **exc.values),
                      line=exc.line)  # fmt: skip
        raise InputError([issue], title) from None
    except yaml.YAMLError as exc:
        raise InputError([_yaml_issue(exc, label)], title) from None
    except RecursionError:  # a backstop: the depth bound should come first
        issue = Issue(label, say("yaml_too_deep", depth=MAX_DEPTH), say("yaml_too_deep_fix"))
        raise InputError([issue], title) from None
    finally:
        loader.dispose()
