"""The app's view helpers of issue 10, on small worked examples (no Streamlit)."""

from __future__ import annotations

import pandas as pd

from planner.app.views import (
    date_text,
    display_frame,
    figure_notes,
    format_decimal,
    metric_deltas,
    municipality_html,
    swap_table,
)


def test_dutch_and_english_number_notation() -> None:
    assert format_decimal(1631.8, "nl", 1) == "1.631,8"
    assert format_decimal(1631.8, "en", 1) == "1,631.8"
    assert format_decimal(103405, "nl") == "103.405"
    assert format_decimal(None) == ""


def test_display_frame_keeps_values_and_shows_dutch_text() -> None:
    frame = pd.DataFrame(
        {
            "Opgave": [6325, 3],
            "Per 1.000": [11.12, 5.0],
            "Vanaf": pd.to_datetime(["2025-10-01", "2024-01-01"]),
            "Percentage": [0.6109, 1.0],
            "Noot": ["x", None],
        }
    )
    styled = display_frame(frame.rename(columns={"Percentage": "coverage"}), "nl")
    assert styled.data.equals(frame.rename(columns={"Percentage": "coverage"}))  # values
    html = styled.to_html()
    for shown in ("6.325", "11,12", "5,00", "01-10-2025", "61%", "100%"):
        assert f">{shown}</td>" in html
    assert "None" not in html and "00:00:00" not in html


def test_date_text() -> None:
    assert date_text(pd.Timestamp("2025-07-01")) == "01-07-2025"
    assert date_text(pd.NaT, "onbepaald") == "onbepaald"
    assert date_text(None, None) == ""


def test_metric_deltas_against_the_parent() -> None:
    # borne-opens against base: shortfall 2,311 - 2,461 = -150; credited 4,014 - 3,864
    now = {"shortfall": 2311, "municipal_shortfall": 2797, "amv_shortfall": 408,
           "credited": 4014}  # fmt: skip
    parent = {"shortfall": 2461, "municipal_shortfall": 2945, "amv_shortfall": 408,
              "credited": 3864}  # fmt: skip
    assert metric_deltas(now, parent) == {
        "shortfall": -150, "municipal_shortfall": -148, "amv_shortfall": 0, "credited": 150,
    }  # fmt: skip
    assert set(metric_deltas(now, None).values()) == {None}


def test_figure_notes_use_the_datas_numbers() -> None:
    """Cycle 1 (seed 000): 3,664 own places, 3,864 guaranteed, so 200 from outside;
    amv 130 of 538, 538 - 130 = 408, sum over municipalities 451."""
    total = {"places": 3664, "credited": 3864, "amv_credited": 130, "amv_quota": 538,
             "amv_shortfall": 408, "amv_municipal_shortfall": 451}  # fmt: skip
    notes = figure_notes(total, "nl", ["200 Dronten → Kampen"])
    assert "3.664" in notes[0] and "3.864" in notes[0] and "verschil van 200" in notes[0]
    assert "(200 Dronten → Kampen)" in notes[0]
    assert "130 / 538" in notes[1] and "408 is het amv-tekort" in notes[1] and "451" in notes[1]
    assert "Three amv figures" in figure_notes(total, "en")[1]
    # no places from outside: no note about them
    assert len(figure_notes({**total, "credited": 3664}, "nl")) == 2


def test_outside_credits_name_the_swaps_from_outside() -> None:
    from planner.app.views import outside_credits

    swaps = pd.DataFrame(
        {"from_municipality": ["Dronten", "Hengelo"], "to_municipality": ["Kampen", "Twenterand"],
         "places": [200, 83]}
    )  # fmt: skip
    assert outside_credits(swaps, ["Kampen", "Hengelo", "Twenterand"]) == ["200 Dronten → Kampen"]


def test_swap_table_says_places_swapped() -> None:
    out = swap_table(pd.DataFrame({"from": ["Dronten"], "to": ["Kampen"], "places": [200],
                                   "amv_places": [0]}))  # fmt: skip
    assert list(out.columns) == ["from", "to", "swap_places", "swap_amv_places"]


def test_the_printable_page_escapes_user_text() -> None:
    profile = {
        "figures": {"quota": 308, "amv_quota": 26, "places": 74, "swapped_in": 200,
                    "swapped_out": 0, "credited": 274, "shortfall": 34, "amv_credited": 26,
                    "amv_shortfall": 0, "places_per_1000": 1.3173, "quota_per_1000": None},
        "locations": pd.DataFrame({"site": ["<b>x</b>"], "places": [34], "counts": [False]}),
        "swaps": pd.DataFrame({"other_municipality": ["Dronten"], "swap_places": [200]}),
        "why_short": ["Kampen komt 34 plekken tekort"],
        "marginal": [],
    }  # fmt: skip
    page = municipality_html("Kampen", profile, "Gemeente Kampen", "nl")
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page
    assert "<td>1,32</td>" in page and "<td>nee</td>" in page
    assert "@page { size: A4 landscape" in page


def test_a_scenario_diff_reads_as_words() -> None:
    from planner.app.views import scenario_diff_table

    diff = pd.DataFrame(
        [
            {"section": "swaps", "key": "", "field": "policy", "before": "agreements",
             "after": "region"},
            {"section": "candidates", "key": "borne-new", "field": "", "before": None,
             "after": "municipality=Borne; kind=new; max_places=150; start=2025-05-01"},
        ],
        dtype=object,
    )  # fmt: skip
    out = scenario_diff_table(diff, "nl")
    assert out.loc[0, "section"] == "uitruilbeleid"
    assert (out.loc[0, "before"], out.loc[0, "after"]) == (
        "alleen vastgelegde afspraken", "binnen de regio",
    )  # fmt: skip
    assert out.loc[1, "section"] == "Kandidaatlocaties"
    assert out.loc[1, "after"] == (
        "Gemeente: Borne; Soort: nieuwe locatie; Max. plekken: 150; Startdatum: 01-05-2025"
    )
