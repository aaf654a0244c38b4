"""The bundled data and the counting rules reproduce the province's official tables.

Every expected number below is copied from the source documents (cited per table), not
from the code's output.
"""

from __future__ import annotations

import pytest

from planner.counting.count import cycle_report
from planner.counting.rules import CycleRules

# Seed 001 section 4, "Asiel inclusief amv": gemeente, asielopgave incl. amv,
# realisatie juli '25 - febr. '26, amv-opgave, amv-realisatie.
SEED_001_SECTION_4 = """\
Dalfsen 188 0 16 0
Deventer 529 550 45 0
Hardenberg 355 700 30 0
Kampen 308 274 26 26
Olst-Wijhe 112 0 9 0
Ommen 112 0 10 0
Raalte 233 0 20 0
Staphorst 112 0 10 0
Steenwijkerland 245 80 21 0
Zwartewaterland 139 0 12 0
Zwolle 717 394 61 48
Almelo 323 398 27 0
Borne 148 0 13 0
Dinkelland 172 0 15 0
Enschede 638 550 54 0
Haaksbergen 143 0 12 0
Hellendoorn 215 0 18 0
Hengelo 415 425 35 0
Hof_van_Twente 209 0 18 0
Losser 130 0 11 0
Oldenzaal 175 0 15 0
Rijssen-Holten 230 250 19 0
Tubbergen 137 150 12 0
Twenterand 183 0 16 0
Wierden 157 93 13 56
"""
OFFICIAL = {
    line.split()[0].replace("_", " "): tuple(int(x) for x in line.split()[1:])
    for line in SEED_001_SECTION_4.splitlines()
}


@pytest.fixture(scope="module")
def report(overijssel):
    return cycle_report(overijssel)


@pytest.fixture(scope="module")
def report_soft(overijssel):
    rules = CycleRules.from_row(overijssel.cycle()).model_copy(update={"soft_plans_count": True})
    return cycle_report(overijssel, rules)


def test_every_municipality_matches_seed_001_section_4(report) -> None:
    m = report.municipalities.set_index("name")
    assert set(m.index) == set(OFFICIAL)
    for name, (quota, credited, amv_quota, amv_credited) in OFFICIAL.items():
        row = m.loc[name]
        assert (row["quota"], row["credited"], row["amv_quota"], row["amv_credited"]) == (
            quota,
            credited,
            amv_quota,
            amv_credited,
        ), name


def test_named_examples_of_the_issue(report) -> None:
    m = report.municipalities.set_index("name")
    assert (m.loc["Zwolle", "credited"], m.loc["Zwolle", "amv_credited"]) == (394, 48)
    assert (m.loc["Kampen", "credited"], m.loc["Kampen", "amv_credited"]) == (274, 26)
    assert (m.loc["Wierden", "credited"], m.loc["Wierden", "amv_credited"]) == (93, 56)
    assert m.loc["Hardenberg", "credited"] == 700
    # Seed 000 section 3: Kampen 274 = 248 asylum (200 via Dronten + 48) + 26 amv.
    assert (m.loc["Kampen", "places"], m.loc["Kampen", "swapped_in"]) == (74, 200)


def test_totals_seed_000_section_2(report) -> None:
    # Seed 000 section 2: realisatie 1e cyclus 3.864 (Twente 1.866, IJsselland 1.998),
    # amv 130 (56, 74); opgave 6.325 (3.275, 3.050), amv 538 (278, 260).
    tot = report.total
    assert (tot["quota"], tot["amv_quota"]) == (6325, 538)
    assert (tot["credited"], tot["amv_credited"]) == (3864, 130)
    r = report.regions.set_index("region")
    assert (r.loc["IJsselland", "quota"], r.loc["IJsselland", "amv_quota"]) == (3050, 260)
    assert (r.loc["Twente", "quota"], r.loc["Twente", "amv_quota"]) == (3275, 278)
    assert (r.loc["IJsselland", "credited"], r.loc["Twente", "credited"]) == (1998, 1866)
    assert (r.loc["IJsselland", "amv_credited"], r.loc["Twente", "amv_credited"]) == (74, 56)
    # 3.864 is 61 % of the quota (seed 000 section 2).
    assert round(100 * tot["coverage"]) == 61


def test_shortfalls(report) -> None:
    # Provincial shortfall 6.325 - 3.864 = 2.461. Sum of municipal shortfalls by hand
    # from the table above: Enschede 88 + Wierden 64 + Kampen 34 + Steenwijkerland 165
    # + Zwolle 323 + the quotas of the 14 municipalities without places (2.271) = 2.945.
    tot = report.total
    assert tot["shortfall"] == 2461
    assert tot["municipal_shortfall"] == 88 + 64 + 34 + 165 + 323 + 2271 == 2945
    assert tot["surplus"] == (398 - 323) + (425 - 415) + (250 - 230) + (150 - 137) + (550 - 529) + (
        700 - 355
    )


def test_soft_plans_seed_000_section_2(report, report_soft) -> None:
    # Bestuurlijke voornemens 1.835 (Twente 556, IJsselland 1.279), amv 50 (0, 50);
    # realisatie + voornemens 5.699 (2.422, 3.277), amv 180 (56, 124), 90 %.
    assert report.total["soft_plans"] == 1835 and report.total["amv_soft_plans"] == 50
    r = report.regions.set_index("region")
    assert (r.loc["IJsselland", "soft_plans"], r.loc["Twente", "soft_plans"]) == (1279, 556)
    tot = report_soft.total
    assert (tot["credited"], tot["amv_credited"]) == (5699, 180)
    rs = report_soft.regions.set_index("region")
    assert (rs.loc["IJsselland", "credited"], rs.loc["Twente", "credited"]) == (3277, 2422)
    assert (rs.loc["IJsselland", "amv_credited"], rs.loc["Twente", "amv_credited"]) == (124, 56)
    assert round(100 * tot["coverage"]) == 90


def test_report_lists_the_overrides_and_why(report) -> None:
    ov = report.overrides.set_index("id")
    assert set(ov.index) == {"hengelo-havezatenlaan", "dronten-kampen"}
    hengelo = ov.loc["hengelo-havezatenlaan"]
    assert hengelo["counts"] and not hengelo["rule_counts"]  # ends 01-09-2025
    assert "continuous" in hengelo["override_reason"]
    assert "Hazenweg" in hengelo["override_reason"]
    assert "1 Feb 2026" in ov.loc["dronten-kampen", "override_reason"]


def test_every_location_that_does_not_count_says_why(report) -> None:
    loc = report.locations
    assert (loc.loc[~loc["counts"], "why"].str.len() > 0).all()
    # Kampen's Hotel Zalkerbroek starts 01-10-2025: 92 days after 1 July 2025.
    zalk = loc.set_index("id").loc["kampen-hotel-zalkerbroek"]
    assert zalk["days_late"] == 92


def test_kampen_dronten_condition_is_met_by_the_planned_locations(report) -> None:
    # Seed 000 section 4: Kampen realises its remaining 108 places (incl. amv),
    # operational by 1 Oct 2025: 48 + 20 + 6 (existing) + 34 (Zalkerbroek) = 108.
    sw = report.swaps.set_index("id").loc["dronten-kampen"]
    assert sw["condition_state"] == "met" and sw["condition_places_found"] == 48 + 20 + 6 + 34
