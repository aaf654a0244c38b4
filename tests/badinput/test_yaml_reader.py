"""The fast YAML reader (libyaml's C parser under the Python composer) refuses the same
hostile input as the pure-Python one, on its own, and reads every example scenario to
the same mapping.

The C reader is used first by ``load_yaml``; a refusal is read again by the Python
reader for its wording. These tests call the C reader alone (``engine="c"``), so a
check that stopped working there could not hide behind the second reading.
"""

from __future__ import annotations

import pytest

from planner.errors import InputError
from planner.scenario.yamlsafe import MAX_DEPTH, WITH_LIBYAML, load_yaml
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(not WITH_LIBYAML, reason="PyYAML without libyaml")


def _refusal(text: str) -> tuple[int | None, str]:
    with pytest.raises(InputError) as exc:
        load_yaml(text, "s.yaml", engine="c")
    issue = exc.value.issues[0]
    assert issue.file == "s.yaml"
    return issue.line, issue.message


def test_the_c_reader_refuses_a_duplicate_key_naming_both_lines() -> None:
    """``swaps`` on line 2 and again on line 3: refused on line 3, 'also on line 2'."""
    line, message = _refusal("name: d\nswaps: {policy: province}\nswaps: {policy: none}\n")
    assert line == 3 and "'swaps'" in message and "regel 2" in message


def test_the_c_reader_refuses_deep_nesting() -> None:
    """100 nested lists on line 2: deeper than MAX_DEPTH (64), below libyaml's own
    bound of 1,000, so it is the composer's depth check that refuses, on line 2."""
    line, message = _refusal("name: deep\nswaps: " + "[" * 100 + "]" * 100 + "\n")
    assert line == 2 and f"dan {MAX_DEPTH} niveaus" in message


def test_the_c_reader_refuses_very_deep_nesting_without_a_crash() -> None:
    """5,000 nested lists: refused (libyaml's bound or ours), on line 2."""
    line, _ = _refusal("name: deep\nswaps: " + "[" * 5000 + "]" * 5000 + "\n")
    assert line == 2


def test_the_c_reader_refuses_an_alias_bomb() -> None:
    """a0 holds 9 values; each a_i holds 9 aliases of a_(i-1), so a7 expands to
    9**8 = 43,046,721 values, far above the bound of 200,000."""
    lines = ["a0: &a0 [" + ", ".join(["x"] * 9) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 8)]
    _, message = _refusal("name: bomb\n" + "\n".join(lines) + "\n")
    assert "200,000" in message


def test_the_c_reader_places_an_unclosed_quote_where_it_opens() -> None:
    """The quote opens on line 1 and the file ends on line 4: line 1 is reported."""
    line, message = _refusal("name: 'abc\nx: 1\ny: 2\n")
    assert line == 1 and "aanhalingsteken" in message


def test_both_readers_give_the_same_mapping_for_every_example_scenario() -> None:
    for path in sorted((REPO / "scenarios").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text, path.name, engine="c") == load_yaml(
            text, path.name, engine="python"
        ), path.name


def test_the_c_reader_reads_text_as_nfc() -> None:
    """'Su' + combining diaeresis (NFD, as typed on a Mac) is read as one 'ü'."""
    assert load_yaml("name: Su\u0308dwest\n", "s.yaml", engine="c") == {"name": "S\u00fcdwest"}
