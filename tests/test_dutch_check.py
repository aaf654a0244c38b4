"""The checker the Dutch-output tests share (tests/dutch_check.py) finds what it should."""

from __future__ import annotations

import pytest

from tests.dutch_check import assert_dutch, english_in


def test_dutch_sentences_pass() -> None:
    text = (
        "Kampen: eindigt 05-03-2025, 148 dagen voor het einde van de periode.\n"
        "Tekort provincie 2.461 (61%), bron CBS, zie locations.csv en planner report.\n"
        "Regio's, scenario's, per 1.000 inwoners, plan, type, kind, opening, deadline."
    )
    assert english_in(text) == []


def test_english_words_literals_and_keys_are_named_once_in_order() -> None:
    text = "Shortfall: None | swapped_in | marginal_value.provincial_shortfall | the the"
    assert english_in(text) == [
        "Shortfall",
        "None",
        "swapped_in",
        "marginal_value.provincial_shortfall",
        "the",
    ]


def test_allow_lets_a_proper_name_through() -> None:
    assert english_in("Locatie You Care, new", allow=["new"]) == []


def test_assert_dutch_shows_the_line() -> None:
    with pytest.raises(AssertionError, match="'optimal' in: Status: optimal"):
        assert_dutch("Titel\nStatus: optimal\n", where="planner solve")
