"""Regression tests for the bugs of issue 9, each with its figures worked out by hand.

Overijssel figures come from the bundled data (``data/municipalities.csv``,
``data/locations.csv``, ``data/overrides.csv``): the base scenario's provincial shortfall
is 2,461 (README table; quota 9,135 of the province against its counted places plus the
200 Dronten places for Kampen) and the sum of municipal shortfalls 2,945.
"""

from __future__ import annotations

import textwrap

import pytest

from planner.data.loader import dataset_from_tables, load_dataset
from planner.errors import InputError
from planner.formats import say
from planner.optimise.instance import build_instance
from planner.optimise.solve import Status, solve_scenario
from planner.scenario.schema import Scenario
from tests.conftest import DATA, LOC_HEADER, tables

BASE_PROVINCIAL = 2461
BASE_MUNICIPAL = 2945


def english(res) -> list[str]:
    """The result's messages told in English (they are Dutch Words by default)."""
    return [say(m, "en") for m in res.messages]


def solved(ds, **scenario):
    res = solve_scenario(ds, Scenario(name="t", **scenario))
    assert res.status is Status.OPTIMAL, res.messages
    return res


def places(res, name: str) -> int:
    return int(res.municipalities.set_index("name").loc[name, "places"])


# --------------------------------------------------------------------------- bug 1


def test_extending_a_location_that_counts_adds_nothing(overijssel) -> None:
    """Deventer: AZC Schalkhaar 500 places (indefinite, counts) + Schalkhaar IBO 50 =
    550 places. Extending Schalkhaar adds nothing: Deventer stays at 550 (not 1,050) and
    the provincial shortfall stays at 2,461 (not 1,961); the tool says why in words."""
    res = solved(
        overijssel, candidates=[{"id": "x", "kind": "extend", "location": "deventer-schalkhaar"}]
    )
    assert places(res, "Deventer") == 550
    assert res.level("provincial_shortfall") == BASE_PROVINCIAL
    cand = res.candidates.set_index("id").loc["x"]
    assert not cand["can_count"] and "already_counts" in cand["reasons"]
    assert any(
        "deventer-schalkhaar already counts" in m and "adds 0 places" in m for m in english(res)
    )


def test_extending_a_location_that_ends_too_early_counts_it_once(overijssel) -> None:
    """Hardenberg: Jachthuisweg 700 (ends 01-03-2026, after the window end 01-02-2026:
    counts); Loozen 100 ends 21-05-2025, before the window end: does not count. Extended
    (indefinitely), Loozen counts once: Hardenberg 700 + 100 = 800 places, the provincial
    shortfall 2,461 - 100 = 2,361."""
    res = solved(
        overijssel, candidates=[{"id": "x", "kind": "extend", "location": "hardenberg-loozen"}]
    )
    assert places(res, "Hardenberg") == 800
    assert res.level("provincial_shortfall") == BASE_PROVINCIAL - 100


def test_extend_on_small_tables() -> None:
    """Aa (quota 100) has aa-1, 120 places indefinite (counts), and aa-2, 50 places ending
    31-12-2025 (before the window end 01-02-2026: does not count). Province quota
    100 + 50 + 80 = 230. Base: 120 places, provincial shortfall 230 - 120 = 110.
    Extending both: aa-1 adds 0 (it counts already), aa-2 adds its 50 once:
    Aa 170 places, provincial shortfall 230 - 170 = 60 (not 230 - 290 = 0)."""
    locs = LOC_HEADER + (
        "aa-1,Aa,Een,120,,asiel,regulier,COA,2020-01-01,onbepaald,,yes,existing,t,\n"
        "aa-2,Aa,Twee,50,,asiel,TGO,COA,2020-01-01,2025-12-31,,yes,existing,t,\n"
    )
    ds = tables(locations=locs)
    assert solved(ds).level("provincial_shortfall") == 110
    res = solved(
        ds,
        candidates=[
            {"id": "e1", "kind": "extend", "location": "aa-1"},
            {"id": "e2", "kind": "extend", "location": "aa-2"},
        ],
    )
    assert places(res, "Aa") == 170
    assert res.level("provincial_shortfall") == 60
    c = res.candidates.set_index("id")
    assert int(c.loc["e1", "places"]) == 0 and int(c.loc["e2", "places"]) == 50


# --------------------------------------------------------------------------- bug 2


def test_closing_an_overridden_location_closes_it(overijssel) -> None:
    """Hengelo counts 425 places by override ov-hengelo-havezatenlaan: Havezatenlaan 250
    (ends 01-09-2025, counted for the whole window by the override) + Hazenweg 121 TGO
    175. Closing Havezatenlaan in a scenario wins over the override: Hengelo 425 - 250 =
    175, provincial shortfall 2,461 + 250 = 2,711; the tool names the override set aside."""
    res = solved(
        overijssel, location_changes=[{"location": "hengelo-havezatenlaan", "close": True}]
    )
    assert places(res, "Hengelo") == 175
    assert res.level("provincial_shortfall") == BASE_PROVINCIAL + 250
    assert any("ov-hengelo-havezatenlaan" in m and "set aside" in m for m in english(res))


def test_the_change_that_set_an_override_aside_is_told_in_english(tmp_path, monkeypatch) -> None:
    """The message names the scenario's change in the reader's language: "(closed)" in
    English, "(gesloten)" in Dutch, whether the data were just validated or read from
    the cache. The change used to be kept in a text column that turned it into plain
    Dutch text, so the English message said "(gesloten)"."""
    monkeypatch.setenv("PLANNER_CACHE_DIR", str(tmp_path / "cache"))
    for _ in ("validated", "from the cache"):
        res = solved(
            load_dataset(DATA),
            location_changes=[{"location": "hengelo-havezatenlaan", "close": True}],
        )
        (msg,) = [m for m in res.messages if "ov-hengelo-havezatenlaan" in m]
        assert "(closed)" in say(msg, "en") and "gesloten" not in say(msg, "en")
        assert "(gesloten)" in say(msg, "nl")


def test_a_scenario_date_or_decision_beats_an_override(overijssel) -> None:
    """Giving Havezatenlaan its recorded end 01-09-2025 explicitly, or marking it not
    decided, is the scenario's word: the rules then judge it and it does not count
    (Hengelo 175, provincial 2,711). An end after the window (01-03-2026) makes it count
    by the rule (Hengelo 425, provincial 2,461)."""
    for change in ({"end": "2025-09-01"}, {"decided": False}):
        res = solved(overijssel, location_changes=[{"location": "hengelo-havezatenlaan", **change}])
        assert places(res, "Hengelo") == 175, change
        assert res.level("provincial_shortfall") == BASE_PROVINCIAL + 250
    res = solved(
        overijssel, location_changes=[{"location": "hengelo-havezatenlaan", "end": "2026-03-01"}]
    )
    assert places(res, "Hengelo") == 425


def test_a_change_of_places_keeps_the_overrides_verdict_with_the_new_places(overijssel) -> None:
    """Only the size changes (250 -> 300): the override still judges the dates, the
    places are the scenario's: Hengelo 175 + 300 = 475, provincial 2,461 - 50 = 2,411."""
    res = solved(
        overijssel, location_changes=[{"location": "hengelo-havezatenlaan", "places": 300}]
    )
    assert places(res, "Hengelo") == 475
    assert res.level("provincial_shortfall") == BASE_PROVINCIAL - 50


# --------------------------------------------------------------------------- bug 3


def test_a_proposed_swap_with_an_amv_part_the_giver_cannot_give(overijssel) -> None:
    """Hardenberg -> Raalte, 50 places of which 5 amv. Hardenberg: 700 places against a
    quota of 355 (surplus 345) but 0 amv places against an amv quota of 30: it cannot give
    amv places. Raalte: 0 places, quota 233. The model stays feasible; the 50 places move
    (Raalte credited 50, shortfall 233 - 50 = 183; sum of municipal shortfalls 2,945 - 50
    = 2,895), the amv part does not (amv shortfall as in the base), provincial 2,461; the
    tool says in words why the amv part cannot count."""
    base = solved(overijssel)
    res = solved(
        overijssel,
        swaps={
            "register": [
                {"id": "s", "from": "Hardenberg", "to": "Raalte", "places": 50, "amv_places": 5}
            ]
        },
    )
    m = res.municipalities.set_index("name")
    assert int(m.loc["Raalte", "credited"]) == 50 and int(m.loc["Raalte", "shortfall"]) == 183
    assert int(m.loc["Raalte", "amv_credited"]) == 0
    assert res.level("municipal_shortfall") == BASE_MUNICIPAL - 50
    assert res.level("amv_shortfall") == base.level("amv_shortfall")
    assert res.level("provincial_shortfall") == BASE_PROVINCIAL
    assert any("5 amv places cannot count" in msg and "Hardenberg" in msg for msg in english(res))
    assert res.to_dict()["municipalities"]  # --format json has a document to write


SMALL_MUNIS = """\
code,name,region,province,quota,amv_quota,source
GM0001,Aa,Noord,P,100,10,t
GM0002,Bee,Noord,P,50,5,t
GM0003,Cee,Zuid,P,80,8,t
"""
SMALL_LOCS = LOC_HEADER + (
    "aa-1,Aa,Een,160,,asiel,regulier,COA,2020-01-01,onbepaald,,yes,existing,t,\n"
    "aa-2,Aa,Amv,20,,amv,amv,COA,2020-01-01,onbepaald,,yes,existing,t,\n"
)


@pytest.mark.parametrize(
    ("settings", "moved", "amv_moved", "words"),
    [
        # Aa: 180 places (20 amv) against 100 (10 amv): surplus 80, amv surplus 10.
        ({}, 30, 4, None),
        ({"amv": False}, 30, 0, "swaps.amv: false"),
        ({"givers": ["Cee"]}, 0, 0, "not among the scenario's givers"),
        ({"receivers": ["Cee"]}, 0, 0, "not among the scenario's receivers"),
    ],
)
def test_proposed_swaps_get_the_policy_checks(settings, moved, amv_moved, words) -> None:
    """Aa -> Bee, 30 places of which 4 amv. Bee has nothing (quota 50, amv 5), so the
    whole swap is taken when allowed (Bee shortfall 50 - 30 = 20, amv 5 - 4 = 1). With
    ``amv: false`` the amv part cannot count (amv 0 moved, the 30 places still do);
    outside the givers or receivers the swap cannot be used at all."""
    ds = tables(municipalities=SMALL_MUNIS, locations=SMALL_LOCS)
    rec = {"id": "s", "from": "Aa", "to": "Bee", "places": 30, "amv_places": 4}
    res = solved(ds, swaps={"register": [rec], **settings})
    m = res.municipalities.set_index("name")
    assert int(m.loc["Bee", "credited"]) == moved
    assert int(m.loc["Bee", "amv_credited"]) == amv_moved
    assert int(m.loc["Bee", "shortfall"]) == 50 - moved
    if words:
        assert any(words in msg for msg in english(res)), english(res)


def test_an_agreed_swap_applies_as_recorded_and_is_flagged_when_it_leaves_its_giver_short() -> None:
    """Agreed Aa -> Bee, 100 places of which 15 amv: Aa keeps 180 - 100 = 80 of a quota
    of 100 (short 20) and 20 - 15 = 5 amv of 10 (short 5). It applies as recorded (Bee
    credited 100, shortfall 0) and the tool flags Aa in words, for places and amv."""
    ds = tables(municipalities=SMALL_MUNIS, locations=SMALL_LOCS)
    rec = {
        "id": "s",
        "from": "Aa",
        "to": "Bee",
        "places": 100,
        "amv_places": 15,
        "status": "agreed",
    }
    res = solved(ds, swaps={"register": [rec]})
    m = res.municipalities.set_index("name")
    assert int(m.loc["Bee", "credited"]) == 100 and int(m.loc["Aa", "shortfall"]) == 20
    assert int(m.loc["Aa", "amv_shortfall"]) == 5
    assert any("leave their giver Aa short:" in msg and "keeps 80" in msg for msg in english(res))
    assert any("Aa short of amv places" in msg and "keeps 5" in msg for msg in english(res))


# --------------------------------------------------------------------------- bug 5


def test_neighbours_come_from_the_validated_dataset(overijssel) -> None:
    """The neighbour list is a table of the Dataset, hashed in the decision record."""
    assert "adjacency_2024.csv" in overijssel.hashes
    assert {"gm_code_a", "gm_code_b"} <= set(overijssel.adjacency.columns)
    inst = build_instance(overijssel, Scenario(name="n", swaps={"policy": "neighbours"}))
    codes = dict(zip(inst.municipalities["name"], inst.municipalities["code"], strict=True))
    pairs = {
        frozenset(p)
        for p in zip(
            overijssel.adjacency["gm_code_a"], overijssel.adjacency["gm_code_b"], strict=True
        )
    }
    assert len(inst.arcs) > 0
    for a, b in zip(inst.arcs["from"], inst.arcs["to"], strict=True):
        assert frozenset((codes[a], codes[b])) in pairs


def test_a_malformed_neighbour_file_names_file_line_and_column(tmp_path) -> None:
    """Line 3 has a code without its GM prefix; line 4 pairs a municipality with itself:
    both are reported with file, line and column when the data is loaded, before any
    ``swaps: {policy: neighbours}`` is solved (this used to be a KeyError mid-solve)."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("municipalities.csv", "locations.csv", "cycles.csv"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    (folder / "adjacency_2024.csv").write_text(
        textwrap.dedent(
            """\
            gm_code_a,naam_a,gm_code_b,naam_b
            GM0150,Deventer,GM0177,Raalte
            0160,Hardenberg,GM0177,Raalte
            GM0150,Deventer,GM0150,Deventer
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        load_dataset(folder)
    issues = err.value.issues
    bad_code = [i for i in issues if i.line == 3]
    assert bad_code and bad_code[0].column == "gm_code_a"
    assert bad_code[0].file.endswith("adjacency_2024.csv") and "GM" in say(bad_code[0].fix, "en")
    assert any(i.line == 4 and "both GM0150" in say(i.message, "en") for i in issues)


def test_a_neighbour_file_without_its_columns_is_named() -> None:
    """A neighbour file with other column names (a, b) is reported by column."""
    with pytest.raises(InputError) as err:
        dataset_from_tables(
            {
                "municipalities": (DATA / "municipalities.csv").read_text(),
                "locations": (DATA / "locations.csv").read_text(),
                "cycles": (DATA / "cycles.csv").read_text(),
                "adjacency": "a,b\nGM0150,GM0177\n",
            }
        )
    cols = {i.column for i in err.value.issues}
    assert {"gm_code_a", "gm_code_b"} <= cols
