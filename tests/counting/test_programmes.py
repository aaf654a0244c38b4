"""The OEK and status-holder tables reproduce seed 001 section 4, row by row.

The expected rows below are copied from the source tables (001 section 4, "Opvang
Oekraïense ontheemden": Inspanningsverplichting voor 01/01/25, Realisatie voor
01/01/2025, % realisatie, Aantal ontheemden in POO; "Huisvesting statushouders":
Taakstelling 2024-II, Taakstelling incl. voor/achter, Realisatie op 15/09/24, % realisatie,
KSO-plekken amv, plekken in doorstroomlocaties), never from the code's output.
"""

from __future__ import annotations

import pytest

from planner.counting.programmes import cross_programme_flows, programme_report
from planner.errors import InputError
from tests.conftest import tables

# 001 section 4, OEK table: name, obligation, realised, %, POO
OEK_ROWS = """\
Dalfsen 358 300 84 25
Deventer 647 578 89 129
Hardenberg 712 241 34 35
Kampen 448 423 94 47
Olst-Wijhe 239 259 108 7
Ommen 328 197 60 45
Raalte 408 294 72 22
Staphorst 264 217 82 32
Steenwijkerland 597 519 87 88
Zwartewaterland 219 213 97 11
Zwolle 756 693 92 120
Almelo 557 310 56 70
Borne 183 300 164 17
Dinkelland 202 120 59 43
Enschede 1211 574 47 337
Haaksbergen 183 276 151 5
Hellendoorn 274 226 83 10
Hengelo 620 300 48 39
Hof_van_Twente 264 405 153 68
Losser 178 150 84 1
Oldenzaal 240 170 71 30
Rijssen-Holten 288 245 85 45
Tubbergen 163 67 41 43
Twenterand 255 300 118 5
Wierden 187 226 121 36"""

# 001 section 4, status-holder table: name, 2024-II, incl. backlog, realised, %, KSO, DSL
SH_ROWS = """\
Dalfsen 28 42 6 14 0 0
Deventer 98 161 16 10 18 0
Hardenberg 60 126 11 9 0 0
Kampen 53 74 27 36 0 18
Olst-Wijhe 18 29 11 38 0 6
Ommen 18 19 5 26 0 0
Raalte 37 20 13 65 0 45
Staphorst 17 10 7 70 0 40
Steenwijkerland 43 90 24 36 0 0
Zwartewaterland 23 38 1 3 0 0
Zwolle 126 198 66 34 19 50
Almelo 70 153 16 10 0 0
Borne 24 27 3 11 0 0
Dinkelland 26 49 2 4 0 0
Enschede 153 156 54 36 0 0
Haaksbergen 24 40 16 43 0 4
Hellendoorn 35 62 17 27 0 0
Hengelo 78 156 57 38 0 0
Hof_van_Twente 34 57 39 68 12 0
Losser 23 28 8 29 0 0
Oldenzaal 31 33 4 12 0 40
Rijssen-Holten 37 73 10 14 0 0
Tubbergen 21 62 8 13 0 0
Twenterand 33 61 10 16 0 0
Wierden 24 38 1 3 0 0"""

#: Percentages of the source that are not realised / target (rounded): recorded in
#: data/NOTES.md. Hellendoorn OEK 226/274 = 82.5% (source 83%); status holders
#: Steenwijkerland 24/90 = 27% (source 36%), Zwolle 66/198 = 33% (34%), Enschede
#: 54/156 = 35% (36%), Haaksbergen 16/40 = 40% (43%), Hengelo 57/156 = 37% (38%).
PCT_DIFFERS = {
    ("oek", "Hellendoorn"): 82,
    ("sh", "Steenwijkerland"): 27,
    ("sh", "Zwolle"): 33,
    ("sh", "Enschede"): 35,
    ("sh", "Haaksbergen"): 40,
    ("sh", "Hengelo"): 37,
}


def _rows(text: str) -> list[tuple[str, list[int]]]:
    out = []
    for line in text.splitlines():
        name, *nums = line.split()
        out.append((name.replace("_", " "), [int(n) for n in nums]))
    return out


@pytest.mark.parametrize("name,nums", _rows(OEK_ROWS))
def test_oek_row_matches_section_4(overijssel, name: str, nums: list[int]) -> None:
    obligation, realised, pct, poo = nums
    rep = programme_report(overijssel, "oek")
    row = rep.municipalities.set_index("name").loc[name]
    assert int(row["quota"]) == obligation
    assert int(row["places"]) == int(row["credited"]) == realised
    assert int(row["shortfall"]) == max(0, obligation - realised)
    assert int(row["private_reception"]) == poo
    assert round(100 * row["coverage"]) == PCT_DIFFERS.get(("oek", name), pct)


@pytest.mark.parametrize("name,nums", _rows(SH_ROWS))
def test_status_holder_row_matches_section_4(overijssel, name: str, nums: list[int]) -> None:
    target, incl, realised, pct, kso, dsl = nums
    rep = programme_report(overijssel, "statushouders")
    row = rep.municipalities.set_index("name").loc[name]
    assert int(row["target"]) == target
    assert int(row["quota"]) == incl
    assert int(row["places"]) == int(row["credited"]) == realised
    assert int(row["kso_amv_places"]) == kso and int(row["transit_places"]) == dsl
    assert round(100 * row["coverage"]) == PCT_DIFFERS.get(("sh", name), pct)


def test_oek_regions_and_province(overijssel) -> None:
    """001 section 4: IJsselland 4,976 / 3,934 (79%), Twente 4,805 / 3,669 (76%),
    Overijssel 9,781 / 7,603 (78%), difference -2,178; POO 561 + 749 = 1,310."""
    rep = programme_report(overijssel, "oek")
    reg = rep.regions.set_index("region")
    assert (int(reg.loc["IJsselland", "quota"]), int(reg.loc["IJsselland", "credited"])) == (
        4976,
        3934,
    )
    assert (int(reg.loc["Twente", "quota"]), int(reg.loc["Twente", "credited"])) == (4805, 3669)
    assert round(100 * reg.loc["IJsselland", "coverage"]) == 79
    assert round(100 * reg.loc["Twente", "coverage"]) == 76
    tot = rep.total
    assert (int(tot["quota"]), int(tot["credited"]), int(tot["shortfall"])) == (9781, 7603, 2178)
    assert round(100 * tot["coverage"]) == 78
    assert int(tot["private_reception"]) == 1310
    # the future locations of section 4 add up to its 1,347 places
    assert int(tot["planned_places"]) == 1347


def test_status_holder_regions_and_province(overijssel) -> None:
    """001 section 4: IJsselland 521 / 807 / 187 (23%), Twente 613 / 995 / 245 (25%),
    Overijssel 1,134 / 1,802 / 432 (24%); KSO 37 + 12 = 49, transit 159 + 44 = 203."""
    rep = programme_report(overijssel, "statushouders")
    reg = rep.regions.set_index("region")
    for region, (t2, incl, real, pct) in {
        "IJsselland": (521, 807, 187, 23),
        "Twente": (613, 995, 245, 25),
    }.items():
        r = reg.loc[region]
        assert (int(r["target"]), int(r["quota"]), int(r["credited"])) == (t2, incl, real)
        assert round(100 * r["coverage"]) == pct
    tot = rep.total
    assert (int(tot["target"]), int(tot["quota"]), int(tot["credited"])) == (1134, 1802, 432)
    assert round(100 * tot["coverage"]) == 24
    assert (int(tot["kso_amv_places"]), int(tot["transit_places"])) == (49, 203)


def test_status_holders_2024_i_from_seed_004(overijssel) -> None:
    """004: 2024-I target 1,249 (IJsselland 576, Twente 673); incl. backlog 1,693
    (766 + 927). No realisation is given for 2024-I, so nothing is credited."""
    rep = programme_report(overijssel, "statushouders", period="2024-I")
    assert int(rep.total["target"]) == 1249 and int(rep.total["quota"]) == 1693
    reg = rep.regions.set_index("region")
    assert int(reg.loc["IJsselland", "quota"]) == 766 and int(reg.loc["Twente", "quota"]) == 927
    assert int(rep.total["credited"]) == 0


def test_oek_locations_check_the_reported_twente_totals(overijssel) -> None:
    """The Twente GOO locations in use on 1 Jan 2025 give each municipality's reported
    realisation, except Haaksbergen: 60 + 42 + 36 + 48 = 186 in use, 276 reported (the
    90 places of 'Nieuw' from 1-4-2025 are counted in the report)."""
    rep = programme_report(overijssel, "oek")
    mun = rep.municipalities.set_index("name")
    twente = mun[mun["region"] == "Twente"]
    differ = twente[twente["located_places"] != twente["places"]]
    assert list(differ.index) == ["Haaksbergen"]
    assert int(mun.loc["Haaksbergen", "located_places"]) == 186
    assert int(mun.loc["Hof van Twente", "located_places"]) == 405
    # IJsselland's GOO tables are not in the text: only the municipal total is held
    assert mun.loc["Deventer", "located_places"] is None


def test_hazenweg_121_holds_asylum_and_oek_places(overijssel) -> None:
    """001 Twente tables: Hazenweg 121 (Hengelo) becomes a regular asylum location of
    415 places and holds 320 OEK places, both from 1 Sep 2026."""
    loc = overijssel.locations.set_index("id")
    pl = overijssel.programme_locations.set_index("id")
    assert int(loc.loc["hengelo-hazenweg-121", "places"]) == 415
    assert loc.loc["hengelo-hazenweg-121", "programme"] == "asiel"
    extra = pl.loc["oek-hengelo-hazenweg-121-extra"]
    assert int(extra["places"]) == 320 and extra["programme"] == "oek"
    assert extra["location_id"] == "hengelo-hazenweg-121"
    assert str(extra["start"].date()) == "2026-09-01"


def test_hengelo_twenterand_is_a_cross_programme_agreement(overijssel) -> None:
    """001 Twente: 83 asylum places hosted in Hengelo count for Twenterand, 83 OEK
    places hosted in Twenterand count for Hengelo, from 2026. On the OEK reference date
    (1 Jan 2025) it is not in force, so the OEK table is the source's."""
    sw = overijssel.swaps.set_index("id")
    row = sw.loc["hengelo-twenterand"]
    assert row["counter_programme"] == "oek" and int(row["counter_places"]) == 83
    legs = cross_programme_flows(overijssel.swaps, "oek", None).set_index("id")
    leg = legs.loc["hengelo-twenterand"]
    assert (leg["from"], leg["to"], int(leg["places"])) == ("Twenterand", "Hengelo", 83)
    assert not leg["counts"]
    failed = sw.loc["borne-almelo"]
    assert failed["status"] == "failed" and "Borne" in failed["source"]


def test_agreed_counter_leg_is_credited_from_its_start() -> None:
    """Hand example: Aa hosts 30 asylum places for Bee; Bee hosts 20 OEK places for Aa,
    agreed from 2024-06-01. OEK targets: Aa 100 (realised 90), Bee 50 (realised 70).
    On the reference date 2025-01-01 the counter leg counts: Aa is credited
    90 + 20 = 110 (shortfall 0), Bee 70 - 20 = 50 (shortfall 0)."""
    ds = tables(
        swaps="""\
        id,from_municipality,to_municipality,places,amv_places,start,end,status,counter_programme,counter_places,source
        s1,Aa,Bee,30,0,2024-06-01,,agreed,oek,20,test
        """,
        programme_targets="""\
        id,programme,period,municipality,target,realised,reference_date,source
        o1,oek,2025-01-01,Aa,100,90,2025-01-01,test
        o2,oek,2025-01-01,Bee,50,70,2025-01-01,test
        o3,oek,2025-01-01,Cee,10,0,2025-01-01,test
        """,
    )
    rep = programme_report(ds, "oek")
    mun = rep.municipalities.set_index("name")
    assert int(mun.loc["Aa", "credited"]) == 110 and int(mun.loc["Aa", "swapped_in"]) == 20
    assert int(mun.loc["Bee", "credited"]) == 50 and int(mun.loc["Bee", "shortfall"]) == 0
    # the province's places are not changed by a swap: 90 + 70 + 0 = 160
    assert int(rep.total["credited"]) == 160


def test_no_targets_is_an_error_naming_the_file() -> None:
    ds = tables()
    with pytest.raises(InputError) as err:
        programme_report(ds, "oek")
    assert "programme_targets.csv" in str(err.value)
