"""Overzicht: the province and its regions at a glance, a chart per municipality, the map."""

from __future__ import annotations

import streamlit as st

from planner.app import ui
from planner.app.programmes import programme_switch, show_programme_overview
from planner.app.ui import L, num
from planner.app.views import (
    coverage_geojson,
    figure_notes,
    format_percent,
    level_summary,
    map_labels,
    municipality_chart_data,
    outside_credits,
    region_borders,
)
from planner.store import slugify

ui.init_state()  # app.py does this; repeated so the page also runs on its own
st.title(L("page_overview"))

with ui.guard():
    with st.spinner(L("loading")):
        ds = ui.get_dataset()
        report = ui.report_cached(ui.data_key(ds), ds)
    programme = programme_switch()
    if programme != "asiel":  # OEK or status holders: their own table, then stop
        show_programme_overview(ds, programme)
        st.stop()
    rules = report.rules
    st.caption(
        f"{L('window')}: {rules.window_start:%d-%m-%Y} – {rules.window_end:%d-%m-%Y}, "
        + (L("decision_required") if rules.require_decision else L("no_decision_required"))
    )

    province = str(report.municipalities["province"].iloc[0])
    for _, level in level_summary(report.regions, report.total, province).iterrows():
        title = level["area"] if level["level"] == "region" else f"{L('province')} {level['area']}"
        section = st.container(key=f"ov_{level['level']}_{slugify(str(level['area']))}")
        section.subheader(title)
        cols = section.columns(6)
        cols[0].metric(L("quota"), num(level["quota"]))
        cols[1].metric(L("guaranteed"), num(level["credited"]))
        cols[2].metric(L("shortfall"), num(level["shortfall"]))
        cols[3].metric(
            L("amv"),
            f"{num(level['amv_credited'])} / {num(level['amv_quota'])}",
            help=L("amv_help"),
        )
        cols[4].metric(L("soft_plans_short"), num(level["soft_plans"]), help=L("soft_plans_help"))
        cols[5].metric(L("coverage"), format_percent(level["coverage"]))

    outside = outside_credits(ds.swaps, ds.municipality_names)
    with st.expander(L("figures_explained"), expanded=False):
        for note in figure_notes(
            report.total, ui.lang(), outside_credits(ds.swaps, ds.municipality_names)
        ):
            st.caption(ui.plain(note))
    st.divider()
    chart_col, map_col = st.columns([3, 2])
    with chart_col:
        st.subheader(L("chart_title"))
        st.caption(L("chart_caption"))
        data = municipality_chart_data(report.municipalities)
        st.altair_chart(ui.municipality_chart(data), width="stretch")
    with map_col:
        st.subheader(L("map_title"))
        geo = coverage_geojson(ds.geometry, report.municipalities)
        if geo is None:
            st.info(L("map_missing"))
        else:
            borders = region_borders(ds.geometry, ds.municipalities)
            labels = map_labels(ds.geometry, ds.municipalities)
            st.altair_chart(ui.coverage_map(geo, borders, labels), width="stretch")
            st.caption(L("map_source"))

    with st.expander(L("municipality_table")):
        ui.table(
            report.municipalities[
                [
                    "name",
                    "region",
                    "quota",
                    "places",
                    "swapped_in",
                    "credited",
                    "shortfall",
                    "amv_quota",
                    "amv_credited",
                    "amv_shortfall",
                    "soft_plans",
                    "coverage",
                ]
            ]
        )
    if len(report.overrides):
        with st.expander(L("overrides")):
            columns = ["site", "municipality", "places", "rule_why", "override_reason"]
            if "override_toelichting" in report.overrides:  # the Dutch text beside it
                columns.append("override_toelichting")
            ui.table(report.overrides.rename(columns={"name": "site"})[columns])
