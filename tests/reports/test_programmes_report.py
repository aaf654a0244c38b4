"""`planner report --programme` and `--all-programmes`: the layout and keys people read."""

from __future__ import annotations

import json

from planner.cli import main
from planner.counting.count import cycle_report
from planner.counting.programmes import programme_report
from planner.reports.programmes import (
    all_programmes_dict,
    all_programmes_frame,
    programme_csv,
    programme_dict,
    programme_text,
    swap_explanation,
)
from tests.dutch_check import assert_dutch

KEYS = {"name", "region", "quota", "places", "credited", "shortfall"}


def test_json_has_the_asylum_report_keys(overijssel) -> None:
    doc = programme_dict(programme_report(overijssel, "oek"))
    assert KEYS <= set(doc["municipalities"][0])
    assert KEYS - {"region"} <= set(doc["regions"][0]) and KEYS - {"region"} <= set(doc["province"])
    enschede = next(m for m in doc["municipalities"] if m["name"] == "Enschede")
    # 001 section 4: Enschede 1,211 / 574
    assert (enschede["quota"], enschede["credited"], enschede["shortfall"]) == (1211, 574, 637)
    assert doc["province"]["name"] == "Overijssel"


def test_text_table_in_the_layout_of_the_plan(overijssel) -> None:
    text = programme_text(programme_report(overijssel, "statushouders"))
    assert text.splitlines()[0].startswith("Huisvesting statushouders")
    assert "Taakstelling incl. voor/achterstand" in text
    total = [line for line in text.splitlines() if line.startswith("Totaal  ")][0]
    # 001 section 4: Overijssel 1.134 / 1.802 / 432, 24 %
    assert all(v in total for v in ("1.134", "1.802", "432", "24%"))
    en = programme_text(programme_report(overijssel, "oek"), "en")
    assert "Effort obligation" in en and "9.781" in en


def test_csv_has_a_row_per_municipality_region_and_province(overijssel) -> None:
    """The OEK province row (001 section 4: effort obligation 9,781, realised 7,603,
    shortfall 9,781 - 7,603 = 2,178), headers in the programme's own Dutch words."""
    text = programme_csv(programme_report(overijssel, "oek"))
    lines = text.splitlines()
    assert len(lines) == 1 + 25 + 2 + 1
    assert lines[0].startswith("Niveau,Programma,Naam,Regio,Inspanningsverplichting,")
    assert lines[-1].startswith("provincie,Oekraïne,,,9781,7603,7603,2178")
    assert_dutch(text, "OEK CSV")
    en = programme_csv(programme_report(overijssel, "oek"), "en").splitlines()
    assert en[-1].startswith("province,Ukraine,,,9781,7603,7603,2178")


def test_three_programmes_side_by_side(overijssel) -> None:
    """Deventer: asylum 529 / 550 (000 section 3), OEK 647 / 578, status holders 161 / 16
    (001 section 4)."""
    frame = all_programmes_frame(
        cycle_report(overijssel),
        {p: programme_report(overijssel, p) for p in ("oek", "statushouders")},
    )
    doc = all_programmes_dict(frame)
    dev = next(m for m in doc["municipalities"] if m["name"] == "Deventer")
    assert (dev["asiel_quota"], dev["asiel_credited"]) == (529, 550)
    assert (dev["oek_quota"], dev["oek_credited"]) == (647, 578)
    assert (dev["statushouders_quota"], dev["statushouders_credited"]) == (161, 16)
    prov = doc["province"]
    assert (prov["asiel_credited"], prov["oek_credited"], prov["statushouders_credited"]) == (
        3864,
        7603,
        432,
    )


def test_cli_programme_json_and_all(capsys) -> None:
    assert main(["report", "--programme", "oek", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    twente = next(r for r in doc["regions"] if r["name"] == "Twente")
    assert (twente["quota"], twente["credited"]) == (4805, 3669)
    assert main(["report", "--all-programmes", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Three tasks per municipality" in out and "Ukraine: Quota" in out


def test_cli_asylum_report_unchanged(capsys) -> None:
    assert main(["report", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["province"]["credited"] == 3864 and doc["province"]["amv_credited"] == 130


def test_explanation_names_the_other_programme() -> None:
    assert swap_explanation("Twenterand", "Hengelo", 83, "asiel", 83, "oek") == (
        "Twenterand telt 83 asielplekken in Hengelo, in ruil voor 83 plekken voor "
        "Oekraïense ontheemden in Twenterand"
    )
