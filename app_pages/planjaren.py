"""Plan over de jaren: for a scenario with a horizon, the places credited against the
quota per month (the province and a chosen municipality) and the locations over time.
Every number comes from planner.optimise.horizon via planner.app.views."""

from __future__ import annotations

import altair as alt
import streamlit as st

from planner.app import ui
from planner.app.ui import L
from planner.app.views import horizon_gantt_chart, horizon_monthly_chart
from planner.optimise.horizon import solve_horizon
from planner.reports.horizon import assumption_lines
from planner.scenario.schema import load_scenario

ui.init_state()  # app.py does this; repeated so the page also runs on its own
st.title(L("horizon_page"))


@st.cache_resource(max_entries=4, show_spinner=False)
def _plan(data_hash: str, path: str, text: str, _ds):
    """The solved plan, keyed by the data's hash and the scenario file's content."""
    del data_hash, text  # part of the key only
    return solve_horizon(_ds, load_scenario(path, _ds))


def _lines(frame, title: str):
    return (
        alt.Chart(frame, title=title)
        .mark_line(point=False)
        .encode(
            x=alt.X("month:T", title=L("horizon_page_month")),
            y=alt.Y("places:Q", title=L("horizon_page_places")),
            color=alt.Color("measure:N", title=L("horizon_page_measure")),
            strokeDash=alt.StrokeDash("measure:N", title=L("horizon_page_measure")),
            tooltip=["month:T", "measure:N", "places:Q"],
        )
    )


with ui.guard():
    ds = ui.get_dataset()
    files = {}
    for path in sorted(ui.scenarios_dir().glob("*.yaml")):
        try:
            if load_scenario(path, ds).horizon is not None:
                files[path.name] = path
        except Exception:  # noqa: BLE001 - a file that does not load is not offered here
            continue
    if not files:
        st.info(L("horizon_page_none"))
        st.stop()
    name = st.selectbox(L("horizon_page_scenario"), list(files), key="horizon_scenario")
    path = files[name]
    res = _plan(ui.data_key(ds), str(path), path.read_text("utf-8"), ds)
    lang = ui.lang()
    for line in assumption_lines(res, lang):
        st.warning(line)
    provinces = sorted(res.monthly.loc[res.monthly["level"] == "province", "name"].unique())
    for p in provinces:
        frame = horizon_monthly_chart(res, "province", p, lang)
        st.altair_chart(_lines(frame, f"{L('horizon_page_province')}: {p}"), width="stretch")
    names = res.instance.names
    muni = st.selectbox(L("horizon_page_municipality"), names, key="horizon_municipality")
    st.altair_chart(_lines(horizon_monthly_chart(res, "municipality", muni, lang), muni),
                    width="stretch")  # fmt: skip
    st.subheader(L("horizon_page_gantt"))
    bars = horizon_gantt_chart(res, lang)
    gantt = (
        alt.Chart(bars)
        .mark_bar()
        .encode(
            x=alt.X("start:T", title=L("horizon_page_start")),
            x2="end:T",
            y=alt.Y("row:N", sort=None, title=None),
            color=alt.Color("kind:N", title=L("horizon_page_kind")),
            tooltip=["row:N", "kind:N", "places:Q", "start:T", "end:T"],
        )
        .properties(height=max(200, 14 * len(bars)))
    )
    st.altair_chart(gantt, width="stretch")
