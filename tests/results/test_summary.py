"""The plain-language answer at the top of every result.

Figures by hand from the README table: base 2,461 provincial / 2,945 municipal; Borne
opening 150 places: 2,461 - 150 = 2,311 and 2,945 - 148 = 2,797 (Borne's quota is 148,
so 2 of its 150 places are surplus that lowers only the provincial figure).
"""

from __future__ import annotations

import pytest

from planner.optimise.solve import solve_scenario
from planner.results.summary import answer_metrics, plain_answer
from planner.scenario.schema import Scenario
from tests.dutch_check import english_in

BORNE = [{"id": "borne-new", "municipality": "Borne", "max_places": 150, "start": "2025-05-01"}]


@pytest.fixture(scope="module")
def base(overijssel):
    return solve_scenario(overijssel, Scenario(name="Basis"))


@pytest.fixture(scope="module")
def borne(overijssel):
    return solve_scenario(overijssel, Scenario(name="Borne", candidates=BORNE))


def test_answer_against_the_parent(base, borne) -> None:
    lines = plain_answer(borne, base)
    assert lines[0] == (
        "Het tekort van de provincie wordt 2.311 plekken (opgave 6.325, realisatie 4.014, 63%)."
    )
    assert lines[1] == "Dat is 150 minder dan in Basis (2.461)."
    assert lines[2].startswith("De som van de gemeentelijke tekorten is 2.797 (-148 t.o.v. Basis)")
    assert "Open gaat: borne-new in Borne (150 plekken)." in lines
    assert "De optimalisatie stelt geen uitruil voor." in lines
    assert not english_in("\n".join(lines))


def test_answer_without_parent_and_in_english(base) -> None:
    nl = plain_answer(base)
    assert nl[0].startswith("Het tekort van de provincie wordt 2.461 plekken")
    assert not any(line.startswith("Dat is") for line in nl)
    # what would close the 2,945: the three parts add up to it
    why = next(line for line in nl if line.startswith("Van de gemeentelijke tekorten (2.945)"))
    assert "geen plan" in why
    en = plain_answer(base, lang="en")
    assert en[0] == (
        "The province's shortfall becomes 2,461 places (quota 6,325, credited 3,864, 61%)."
    )


def test_a_late_candidate_is_named_with_its_reason(overijssel, base) -> None:
    """A site starting 02-07-2025 is one day after the window start 01-07-2025."""
    late = [{**BORNE[0], "start": "2025-07-02"}]
    res = solve_scenario(overijssel, Scenario(name="Te laat", candidates=late))
    lines = plain_answer(res, base)
    assert "Er gaat geen kandidaatlocatie open." in lines
    line = next(x for x in lines if x.startswith("Telt niet mee:"))
    assert "borne-new (begint 02-07-2025, 1 dag na het begin van de periode" in line
    assert "Dat is evenveel als in Basis (2.461)." in lines


def test_metrics_with_change(base, borne) -> None:
    m = answer_metrics(borne, base).set_index("Grootheid")
    assert m.loc["Tekort provincie", "Dit scenario"] == 2311
    assert m.loc["Tekort provincie", "Basis"] == 2461
    assert m.loc["Tekort provincie", "Verschil"] == -150
    assert list(answer_metrics(borne).columns) == ["Grootheid", "Dit scenario"]
