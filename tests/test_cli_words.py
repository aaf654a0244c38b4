"""The command line's own words: help texts and argument errors are Dutch unless
``--lang en`` is on the command line, and argparse is left as it was found."""

from __future__ import annotations

import argparse
import re

import pytest

from planner.cli import argv_lang, main
from tests.dutch_check import assert_dutch, english_in

COMMANDS = ["report", "solve", "explain", "timeline", "compare", "risk", "national",
            "readiness"]  # fmt: skip
#: What a user types and the help therefore shows as it is: option names (``--dry-run``)
#: and the values an option takes (``{table,json}``).
_TYPED = re.compile(r"(?<!\w)--?[\w-]+|\{[^}]*\}")


def prose(text: str) -> str:
    """The help without what the user types literally: option names, the values an
    option takes (``{all,shortfalls}``, also where a help text names one) and the
    command names of the list of commands."""
    values = {v for group in re.findall(r"\{([^}]*)\}", text) for v in group.split(",")}
    text = _TYPED.sub(" ", text)
    for word in sorted(values | {*COMMANDS, "quotas", "import"}, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w-])", " ", text)
    return text


def help_of(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS), ["quotas", "import"]])
def test_help_is_dutch(capsys, command) -> None:
    """Every command's help: Dutch headings (gebruik, argumenten, opties), Dutch texts,
    Dutch names for the values an option takes."""
    text = help_of(capsys, *command)
    assert text.startswith("gebruik: planner")
    assert "opties:" in text and "toon deze hulptekst en stop" in text
    assert_dutch(prose(text), f"planner {' '.join(command)} --help")


def test_help_in_english_on_request(capsys) -> None:
    text = help_of(capsys, "solve", "--lang", "en")
    assert text.startswith("usage: planner solve")
    assert "write to a file, not stdout" in text and "--data FOLDER" in text
    assert english_in(prose(text)), "the English help should read as English"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], "fout: deze argumenten ontbreken: opdracht"),
        (["solve"], "fout: deze argumenten ontbreken: scenario"),
        (["solv"], "ongeldige keuze: 'solv' (kies uit 'report', 'solve'"),
        (
            ["solve", "x.yaml", "--format", "xml"],
            "ongeldige keuze: 'xml' (kies uit 'table', 'json')",
        ),
        (["risk", "x.yaml", "--draws", "veel"], "argument --draws: 'veel' is geen geheel getal"),
        (["timeline", "--from", "05-04-2202"], "jaar 2202 ligt buiten 2000-2100"),
        (["solve", "x.yaml", "--bogus"], "onbekende argumenten: --bogus"),
    ],
)
def test_argument_errors_are_dutch(capsys, argv, expected) -> None:
    """A mistyped command line exits with 2 and says what is wrong in Dutch, with the
    usage line above it."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: planner")
    assert expected in err
    assert_dutch(prose(err.split("fout:", 1)[1]), f"planner {' '.join(argv)}")


def test_argument_error_in_english_on_request(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["risk", "x.yaml", "--draws", "many", "--lang", "en"])
    err = capsys.readouterr().err
    assert "error: argument --draws: 'many' is not a whole number" in err


def test_argparse_is_left_as_it_was(capsys) -> None:
    """The Dutch words are argparse's only while the planner parses: another parser
    in the same process still speaks English afterwards."""
    with pytest.raises(SystemExit):
        main(["solve"])
    capsys.readouterr()
    other = argparse.ArgumentParser(prog="other")
    assert "usage: other" in other.format_usage()
    assert "show this help message and exit" in other.format_help()


def test_the_language_is_read_before_parsing() -> None:
    assert argv_lang(["solve", "x.yaml", "--lang", "en"]) == "en"
    assert argv_lang(["solve", "x.yaml", "--lang=en"]) == "en"
    assert argv_lang(["solve", "x.yaml", "--lang", "nl"]) == "nl"
    assert argv_lang(["solve", "x.yaml", "--lang"]) == "nl"  # argparse then says it is missing
    assert argv_lang([]) == "nl"
