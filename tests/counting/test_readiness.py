"""Readiness from one cycle to the next, on the inline data of test_cycle_rules.

By hand (cycle 2: durable until 2027-07-01 + 5 years = 2032-07-01, at least 100 places,
types regulier/TGO/amv; window start 2027-07-01):

- Aa counts a1 150, a2 120, a3 40, a4 200, a5 110 in cycle 1. In cycle 2 only a1 (150)
  counts: a2 ends 01-01-2030 (not durable), a3 has 40 places (too small), a4 is
  noodopvang (type), a5's end is unknown (not durable). Both: 150; drops: 470.
  Quota 250 -> remaining 100; amv 15 -> remaining 15; start by 2027-07-01.
- Bee: b1 (130) starts 2026-09-01, after cycle 1's window: only in cycle 2. Quota 90 ->
  remaining 0; amv 9 remains (no amv place), so a start-by date still applies.
"""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from planner.cli import main
from planner.counting.readiness import readiness, reason_labels
from planner.data.loader import load_dataset
from planner.reports.readiness import readiness_csv, readiness_dict, readiness_text
from tests.counting.test_cycle_rules import CYCLES, LOC, MUN, QUOTAS
from tests.dutch_check import assert_dutch


@pytest.fixture
def folder(make_data):
    return make_data(municipalities=MUN, cycles=CYCLES, quotas=QUOTAS, locations=LOC)


def test_per_municipality(folder) -> None:
    res = readiness(load_dataset(folder), "1", "2")
    m = res.municipalities.set_index("name")
    cols = ["quota", "both", "drops", "only_to", "credited", "remaining", "amv_remaining"]
    assert m.loc["Aa", cols].tolist() == [250, 150, 470, 0, 150, 100, 15]
    assert m.loc["Bee", cols].tolist() == [90, 0, 0, 130, 130, 0, 9]
    assert m.loc["Aa", "latest_start"] == pd.Timestamp("2027-07-01")
    assert res.total["municipal_shortfall"] == 100 and res.total["quota"] == 340


def test_per_location_with_reasons(folder) -> None:
    res = readiness(load_dataset(folder))  # defaults: the current cycle and the next one
    assert (res.rules_from.id, res.rules_to.id) == ("cycle-1", "cycle-2")
    loc = res.locations.set_index("id")
    assert loc["status"].to_dict() == {
        "a1": "both", "a2": "drops", "a3": "drops", "a4": "drops", "a5": "drops",
        "b1": "only_to",
    }  # fmt: skip
    assert loc.at["a2", "extend_to"] == pd.Timestamp("2032-07-01")  # durability alone
    assert pd.isna(loc.at["a3", "extend_to"])
    words = {
        i: reason_labels(r, res.rules_to, "nl") for i, r in loc.reset_index().set_index(
            "id", drop=False).to_dict("index").items()
    }  # fmt: skip
    assert words["a2"] == ["niet duurzaam: eindigt op 01-01-2030"]
    assert words["a3"] == ["te klein: 40 plekken, minimaal 100"]
    assert words["a4"] == ["soort telt niet: noodopvang"]
    assert words["a5"] == ["niet duurzaam: einddatum onbekend"]
    en = reason_labels(loc.reset_index().iloc[1].to_dict(), res.rules_to, "en")
    assert en == ["not durable: ends on 01-01-2030"]


def test_outputs_mark_the_assumption(folder) -> None:
    res = readiness(load_dataset(folder), "1", "2")
    text = readiness_text(res)
    assert "AANNAME" in text and "te klein: 40 plekken, minimaal 100" in text
    assert "ASSUMPTION" in readiness_text(res, "en")
    doc = readiness_dict(res, "en")
    assert doc["to"]["status"] == "assumed" and doc["assumptions"]
    a2 = {r["id"]: r for r in doc["locations"]}["a2"]
    assert a2["reasons"] == ["not_durable"] and a2["why"] == "not durable: ends on 01-01-2030"
    rows = readiness_csv(res).splitlines()
    assert rows[0].split(",")[-1] == "Status cyclus" and rows[1].endswith(",aanname")
    assert readiness_csv(res, "en").splitlines()[1].endswith(",assumed")


def test_cli_on_the_bundled_data(capsys) -> None:
    """Deventer keeps AZC Schalkhaar (500, indefinite) and loses its IBO part (50 < 101
    places); Enschede's Parkweg ends 24-07-2028, before 01-07-2032: not durable."""
    assert main(["readiness", "--from", "1", "--to", "2", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    loc = {r["id"]: r for r in doc["locations"]}
    assert loc["deventer-schalkhaar"]["status"] == "both"
    assert loc["deventer-schalkhaar-ibo"]["reasons"] == ["too_small"]
    assert loc["enschede-parkweg"]["why"] == "niet duurzaam: eindigt op 24-07-2028"
    mun = {r["name"]: r for r in doc["municipalities"]}
    assert (mun["Deventer"]["both"], mun["Deventer"]["drops"]) == (500, 50)
    assert main(["readiness", "--lang", "en"]) == 0
    assert "Counts in both" in capsys.readouterr().out
    assert main(["readiness", "--format", "csv", "--table", "locations"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Id,Gemeente,Locatie")
    # Deventer's IBO part (50 places, below 101) drops out, in words
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["Id"] == "deventer-schalkhaar-ibo")
    assert row["Gereedheid"] == "valt af" and row["Waarom"] == "te klein: 50 plekken, minimaal 101"
    assert row["Einddatum"] == "onbepaald"
    assert_dutch(text, "planner readiness --format csv --table locations")
    assert main(["readiness", "--format", "csv"]) == 0
    assert_dutch(capsys.readouterr().out, "planner readiness --format csv")
