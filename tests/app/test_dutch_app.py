"""Issue 10, the app side: the defects, the plain answer, the warnings while editing,
the Gemeente page and Dutch on every page.

Expected figures come from the province's report (seed 000 sections 2-4): 3,864
guaranteed places of which 200 in Dronten credited to Kampen, so 3,864 - 200 = 3,664
places in the province itself; amv 130 of 538, so the province is 538 - 130 = 408 amv
places short; a Borne site of 150 in time lowers the provincial shortfall from 2,461 to
2,311 (150 lower). Window 01-07-2025 .. 01-02-2026.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from planner.i18n import LABELS

from . import test_app
from .test_app import (  # the helpers of the app's tests
    BORNE,
    add_candidates,
    metric,
    new_app,
    ok,
    scenario_page,
    sign,
    solve,
)

REPO = Path(__file__).resolve().parents[2]
db_url = test_app.db_url  # the same fixtures: a temporary database, the downloads
downloads = test_app.downloads
pytestmark = pytest.mark.filterwarnings("ignore:Setting an item of incompatible dtype")

LATE = {"id": "borne-laat", "municipality": "Borne", "max_places": 80, "start": "2025-09-01"}


def frames(at: AppTest) -> list[pd.DataFrame]:
    return [f.value for f in at.dataframe]


def open_saved(at: AppTest, name: str) -> AppTest:
    at.selectbox(key="sc_pick").set_value(name).run()
    return at.button(key="sc_open").click().run()


# --------------------------------------------------------------------------- defects


def test_swap_tables_say_places_swapped_not_own_places(db_url) -> None:
    at = open_saved(scenario_page(new_app()), "surpluses-within-regions")
    solve(at)
    ok(at)
    swap_frames = [f for f in frames(at) if "Van" in f.columns and "Naar" in f.columns]
    assert swap_frames
    for frame in swap_frames:
        assert "Eigen plekken" not in frame.columns
        assert "Uitgeruilde plekken" in frame.columns
    agreed = swap_frames[0].set_index("Van")
    assert agreed.loc["Dronten", "Uitgeruilde plekken"] == 200  # seed 000 section 4


def test_language_and_author_survive_a_reload(db_url) -> None:
    at = new_app()
    at.radio(key="_lang").set_value("en").run()
    sign(at, "anna")
    assert at.query_params["lang"] == ["en"] or at.query_params["lang"] == "en"
    params = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    again = new_app(params)
    ok(again)
    assert again.session_state["lang"] == "en" and again.session_state["author"] == "anna"
    assert again.title[0].value == "Overview"
    assert again.text_input(key="_author").value == "anna"


def test_saving_without_an_author_says_so_in_dutch(db_url) -> None:
    at = scenario_page(new_app())
    add_candidates(at, BORNE)
    at.button(key="save").click().run()
    assert not at.exception
    [error] = [e.value for e in at.error]
    assert error.startswith("Niet opgeslagen: vul eerst uw naam in bij Auteur")
    assert "author" not in error.lower()


def test_the_picker_shows_the_open_scenario(db_url) -> None:
    at = open_saved(scenario_page(new_app()), "borne-opens")
    at.switch_page("app_pages/overzicht.py").run()
    scenario_page(at)
    assert at.selectbox(key="sc_pick").value == "borne-opens"
    at.text_input(key="sc_new_name").input("borne-kopie").run()
    at.button(key="sc_start").click().run()
    assert at.selectbox(key="sc_pick").value == "borne-opens"  # its parent


def test_a_new_scenario_does_not_inherit_the_description(db_url) -> None:
    at = scenario_page(new_app())
    at.selectbox(key="sc_pick").set_value("borne-opens").run()
    at.text_input(key="sc_new_name").input("borne-2").run()
    at.button(key="sc_start").click().run()
    ok(at)
    assert at.text_area(key="sc_description").value == ""
    assert at.text_input(key="sc_title").value == "Borne opent een locatie"


def test_open_newest_after_a_conflict_keeps_the_edit(db_url) -> None:
    anna = scenario_page(new_app())
    bert = scenario_page(new_app())
    sign(anna, "anna")
    sign(bert, "bert")
    add_candidates(anna, BORNE)
    anna.button(key="save").click().run()
    add_candidates(bert, {**BORNE, "id": "bert-site", "max_places": 90})
    bert.button(key="save").click().run()
    [error] = [e.value.replace("\\", "") for e in bert.error]
    assert error.startswith("Niet opgeslagen: scenario base is als versie 2 opgeslagen door anna")
    bert.button(key="open_newest").click().run()
    ok(bert)
    # bert's edit is still in the editor, now on top of anna's version 2
    assert list(bert.data_editor(key="ed_candidates").value["id"]) == ["bert-site"]
    assert bert.session_state["sc_info"]["version"] == 2
    bert.button(key="save").click().run()
    ok(bert)
    assert "Opgeslagen: base v3" in [s.value for s in bert.success]


def test_the_regions_csv_is_not_called_regio_s(db_url, downloads) -> None:
    at = new_app().switch_page("app_pages/export.py").run()
    ok(at)
    stem = next(name for name in downloads if name.endswith("-csv.zip"))
    with zipfile.ZipFile(io.BytesIO(downloads[stem]())) as archive:
        names = archive.namelist()
    assert "regios.csv" in names and "regio_s.csv" not in names


def test_amv_swaps_are_off_unless_the_scenario_says_so(db_url) -> None:
    at = scenario_page(new_app())
    assert at.checkbox(key="sw_amv").value is False
    helps = [n.help for n in at.number_input if n.key in ("sw_max_per_pair", "lim_places")]
    assert all(h and "Leeg = geen grens" in h for h in helps)
    assert any("Leeg = geen grens" in c.value for c in at.caption)
    text = b"name: amv-uitruil\nswaps:\n  policy: province\n  amv: true\n"
    at.file_uploader(key="sc_upload").set_value(("amv.yaml", text, "text/yaml")).run()
    ok(at)
    assert at.checkbox(key="sw_amv").value is True  # the scenario says so


def test_reason_columns_are_wide(db_url) -> None:
    at = new_app().switch_page("app_pages/locaties.py").run()
    ok(at)
    [table] = [d for d in at.dataframe if "Waarom niet" in d.value.columns]
    config = table.proto.columns
    # wide enough for the longest reason (about 7 pixels a character), not cut at 200
    assert '"Waarom niet"' in config
    widths = [int(w) for w in re.findall(r'"width":\s*(\d+)', config)]
    assert widths and max(widths) >= 400


# --------------------------------------------------------------------------- explanations


def test_the_inconsistent_looking_figures_are_explained(db_url) -> None:
    at = new_app()
    text = " ".join(c.value for c in at.caption).replace("\\", "")
    # 3,664 places in the province + 200 in Dronten for Kampen = 3,864 guaranteed
    assert "Locaties telt 3.664 plekken" in text and "3.864 gegarandeerde" in text
    assert "200" in text and "Dronten" in text
    # amv: 130 / 538; 538 - 130 = 408 short for the province; 451 over the municipalities
    assert "130 / 538" in text and "408 is het amv-tekort van de provincie" in text
    assert "451 is de som van de amv-tekorten van de gemeenten" in text
    assert "het tekort van de eigen regio" in text


# --------------------------------------------------------------------------- plain answer


def test_the_first_tab_answers_in_sentences_with_changes_against_the_parent(db_url) -> None:
    at = open_saved(scenario_page(new_app()), "borne-opens")
    solve(at)
    ok(at)
    assert at.tabs[4].label == "Antwoord"  # after the four editor tabs
    answer = " ".join(m.value for m in at.tabs[4].markdown).replace("\\", "")
    # 2,461 - 150 = 2,311, said against the parent (base)
    assert "Het tekort van de provincie wordt 2.311 plekken" in answer
    assert "150 minder" in answer and "borne-new in Borne (150 plekken)" in answer
    assert not re.search(r"\boptimal\b", answer)  # no solver words
    [short] = [m for m in at.metric if m.label == "Tekort provincie"]
    assert short.value == "2.311" and short.delta == "-150"  # against base v1


# --------------------------------------------------------------------------- warnings


def test_a_late_candidate_is_flagged_before_solving(db_url) -> None:
    at = scenario_page(new_app())
    add_candidates(at, BORNE, LATE)
    ok(at)
    assert not at.success  # not "Het scenario is geldig"
    assert [w.value for w in at.warning] == [
        "Het scenario is geldig, maar 1 onderdeel telt niet mee"
    ]
    [table] = [f for f in frames(at) if "Waarom telt het niet mee" in f.columns]
    row = table.iloc[0]
    assert row["Id"] == "borne-laat"
    # 01-07-2025 -> 01-09-2025 is 62 days
    assert (
        row["Waarom telt het niet mee"]
        == "begint 01-09-2025, 62 dagen na het begin van de periode (01-07-2025)"
    )
    assert "sc_result" not in at.session_state  # nothing solved yet


# --------------------------------------------------------------------------- Gemeente


def test_the_municipality_page_of_kampen(db_url, downloads) -> None:
    at = new_app({"gemeente": "Kampen"}).switch_page("app_pages/gemeente.py").run()
    ok(at)
    assert at.selectbox(key="gm_name").value == "Kampen"
    # Kampen: quota 308, 74 own + 200 from Dronten = 274 credited, 34 short (seed 000)
    assert metric(at, "Opgave") == ["308"]
    assert metric(at, "Realisatie") == ["274"]
    assert metric(at, "Tekort") == ["34"]
    text = " ".join(m.value for m in at.markdown)
    assert "Kampen komt 34 plekken tekort" in text and "Hotel Zalkerbroek" in text
    locations = next(f for f in frames(at) if "Naam locatie" in f.columns).set_index("Naam locatie")
    # Hotel Zalkerbroek starts 01-10-2025: 92 days after 01-07-2025
    assert "92 dagen na het begin van de periode" in locations.loc["Hotel Zalkerbroek", "Reden"]
    swaps = next(f for f in frames(at) if "Andere gemeente" in f.columns).iloc[0]
    assert swaps["Andere gemeente"] == "Dronten" and swaps["Uitgeruilde plekken"] == 200
    assert "108 eigen plekken" in swaps["Voorwaarde"]
    assert len(at.get("vega_lite_chart")) == 1
    page = next(v for k, v in downloads.items() if k.startswith("kampen-"))().decode()
    assert "<title>Gemeente Kampen" in page and "@media print" in page


def test_the_municipality_page_shows_the_three_tasks(db_url) -> None:
    """Issue 12: the municipality page shows asylum, OEK and status holders side by
    side. Deventer (seed 001 section 4): asylum quota 529, 550 places counted, no
    shortfall; OEK obligation 647, 578 realised, 647 - 578 = 69 short; status holders
    161 incl. backlog, 16 housed on 15 Sep 2024, 161 - 16 = 145 short."""
    at = new_app({"gemeente": "Deventer"}).switch_page("app_pages/gemeente.py").run()
    ok(at)
    tasks = next(f for f in frames(at) if "Programma" in f.columns)
    figures = tasks[["Opgave", "Tekort"]].to_numpy().tolist()
    assert [[int(a), int(b)] for a, b in figures] == [[529, 0], [647, 69], [161, 145]]


# --------------------------------------------------------------------------- Dutch


ENGLISH = {
    "the", "and", "not", "with", "without", "shortfall", "quota", "places",
    "place", "optimal", "agreed", "proposed", "locked", "existing", "planned",
    "soft_plan", "new", "extend", "enlarge", "none", "true", "false", "starts", "ends",
    "days", "before", "after", "window", "decision", "pending", "taken", "yes", "no",
    "error", "solver", "version", "saved", "region", "province", "municipality",
    "candidate", "swap", "swaps", "credited", "missing", "total",
}  # fmt: skip


def english_in(text: str) -> list[str]:
    """English words and raw snake_case keys in a Dutch text (the check of
    tests/dutch_check.py when it is there)."""
    try:
        from tests.dutch_check import english_in as library_check
    except ImportError:
        library_check = None
    if library_check is not None:
        return library_check(text)
    words = re.findall(r"[A-Za-z_]+", text)
    found = [w for w in words if w.lower() in ENGLISH]
    found += [w for w in words if re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", w)]
    return found


PAGES = ["overzicht", "locaties", "scenario", "gemeente", "vergelijken", "risico", "export",
         "gereedheid", "planjaren"]  # fmt: skip
#: Names and data the check must not read as English: scenario names, column values the
#: data keeps as codes are checked by the library side.
ALLOWED = re.compile(r"borne-opens|base|amv|Twente|IJsselland")


def page_texts(at: AppTest) -> list[str]:
    kinds = ("title", "subheader", "caption", "markdown", "success", "info", "warning", "error")
    texts = [e.value for kind in kinds for e in getattr(at, kind)]
    texts += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    texts += [b.label for b in at.button] + [t.label for t in at.tabs]
    for frame in at.dataframe:
        if frame.proto.editing_mode:  # an editor: its headers are the column configs' labels
            continue
        texts += [str(c) for c in frame.value.columns]
        for column in frame.value.columns:  # the text cells: reasons, notes, states
            values = frame.value[column]
            if values.dtype == object or str(values.dtype).startswith(("str", "string")):
                texts += [str(v) for v in values.dropna().unique()]
    return texts


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_dutch_has_no_english_words_or_raw_keys(db_url, page) -> None:
    at = new_app().switch_page(f"app_pages/{page}.py").run()
    if page == "scenario":  # with a result: the answer, the tables, the explanations
        at = open_saved(at, "surpluses-within-regions")
        solve(at)
    elif page == "risico":  # with a run: the summary, the plans, the municipalities
        at.selectbox(key="rk_source").set_value("soft-plans-risk").run()
        at.number_input(key="rk_draws").set_value(20).run()
        at.button(key="rk_run").click().run()
    elif page == "vergelijken":
        at.multiselect(key="cmp_pick").set_value(["base v1", "borne-opens v1"]).run()
    ok(at)
    found = {}
    for text in page_texts(at):
        text = ALLOWED.sub("", text.replace("\\", ""))
        hits = english_in(text)
        if hits:
            found[text[:80]] = hits
    assert not found, found
    raw = {k for k in LABELS if "_" in k}
    assert not [t for t in page_texts(at) if t in raw]


def test_the_export_page_offers_the_result_and_report_pdfs(db_url, downloads) -> None:
    at = new_app().switch_page("app_pages/export.py").run()
    ok(at)
    labels = {d.label for d in at.get("download_button")}
    assert {"Rapport (PDF)", "Cyclusrapport (PDF)"} <= labels
    pdfs = [name for name in downloads if name.endswith(".pdf")]
    assert len(pdfs) == 2
    for name in pdfs:
        assert downloads[name]().startswith(b"%PDF")


def test_a_draft_link_without_the_author_takes_the_drafts_author(db_url) -> None:
    first = scenario_page(new_app())
    sign(first, "anna")
    add_candidates(first, BORNE)
    again = scenario_page(new_app({"draft": first.session_state["draft_id"]}))
    ok(again)
    assert again.session_state["author"] == "anna"
    again.button(key="save").click().run()  # saving works: no "the author is empty"
    ok(again)
    assert "Opgeslagen: base v2" in [s.value for s in again.success]


# --------------------------------------------------------------------------- charts, map


def test_charts_carry_the_dutch_locale(db_url) -> None:
    at = new_app()
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert '"thousands": "."' in spec.replace('":"', '": "') and "januari" in spec
    at.radio(key="_lang").set_value("en").run()
    assert "januari" not in at.get("vega_lite_chart")[0].proto.spec


def test_map_has_names_region_borders_and_a_legend(db_url) -> None:
    at = new_app()
    spec = at.get("vega_lite_chart")[1].proto.spec
    assert '"Grens van de regio"' in spec and '"Percentage %"' in spec  # two legends
    assert '"Kampen"' in spec and '"text"' in spec  # the names as text marks


def test_region_borders_leave_out_the_edges_inside_a_region() -> None:
    """Three unit squares in a row: A1 | A2 | B1. Region A (A1 + A2) is a 2 x 1
    rectangle: its border is 6 unit edges (the edge A1|A2 is inside). Region B's
    square has 4. The edge A2|B1 is on both borders."""
    from planner.app.views import map_labels, region_borders

    def square(x: int) -> dict:
        ring = [[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]
        return {"type": "Polygon", "coordinates": [ring]}

    geo = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"gemeentecode": c}, "geometry": square(i)}
        for i, c in enumerate(["A1", "A2", "B1"])
    ]}  # fmt: skip
    munis = pd.DataFrame({"code": ["A1", "A2", "B1"], "name": ["a1", "a2", "b1"],
                          "region": ["A", "A", "B"]})  # fmt: skip
    borders = {f["properties"]["region"]: f["geometry"]["coordinates"]
               for f in region_borders(geo, munis)["features"]}  # fmt: skip
    assert len(borders["A"]) == 6 and len(borders["B"]) == 4
    inner = [[1, 0], [1, 1]]
    assert inner not in borders["A"] and [list(p) for p in sorted(map(tuple, inner))] not in [
        sorted(e) for e in borders["A"]
    ]
    labels = map_labels(geo, munis).set_index("name")
    assert (labels.loc["b1", "lon"], labels.loc["b1", "lat"]) == (2.5, 0.5)  # the middle


@pytest.mark.parametrize("page", ["gemeente", "scenario"])
def test_the_new_parts_speak_english_in_the_english_view(db_url, page) -> None:
    at = new_app({"lang": "en", "gemeente": "Kampen"}).switch_page(f"app_pages/{page}.py").run()
    if page == "scenario":
        add_candidates(at, LATE)
        assert [w.value for w in at.warning] == ["The scenario is valid, but 1 item does not count"]
        solve(at)
        assert at.tabs[4].label == "Answer"
    else:
        text = " ".join(m.value for m in at.markdown).replace("\\", "")
        assert "Kampen is 34 places short" in text
    ok(at)


def test_table_words_follow_the_language(db_url) -> None:
    """Codes as words, the data's Dutch notes in Dutch, the English ones in English."""
    at = new_app().switch_page("app_pages/locaties.py").run()
    table = next(f for f in frames(at) if "Waarom niet" in f.columns).set_index("Id")
    assert table.loc["hellendoorn-noordelijke-hoofddijk", "Status"] == "bestuurlijk voornemen"
    at.radio(key="_lang").set_value("en").run()
    table = next(f for f in frames(at) if "Why not" in f.columns).set_index("Id")
    assert table.loc["hardenberg-loozen", "Why not"].startswith("ends ")
    assert table.loc["hellendoorn-noordelijke-hoofddijk", "Status"] != "bestuurlijk voornemen"
