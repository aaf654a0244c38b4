"""The bad-input suite reports how many cases it tried and how each ended."""

from __future__ import annotations


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ARG001
    import sys

    module = sys.modules.get("tests.badinput.test_fuzz")
    outcomes = getattr(module, "OUTCOMES", None)
    if not outcomes:
        return
    terminalreporter.write_sep("-", f"bad-input suite: {sum(outcomes.values())} cases")
    for key, count in sorted(outcomes.items()):
        terminalreporter.write_line(f"  {key}: {count}")
