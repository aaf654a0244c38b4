"""Locaties: every location with filters and the reason it does not count; the timeline;
checking a new locations file."""

from __future__ import annotations

from datetime import date

import streamlit as st

from planner.app import ui
from planner.app.programmes import programme_switch, show_programme_locations
from planner.app.ui import L, num
from planner.app.uploads import dataset_with_upload
from planner.app.views import figure_notes, filter_locations, location_table, outside_credits
from planner.counting.timeline import timeline_totals
from planner.data.schemas import LOCATION_TYPES, TARGET_GROUPS
from planner.errors import InputError

ui.init_state()  # app.py does this; repeated so the page also runs on its own
st.title(L("page_locations"))

with ui.guard():
    with st.spinner(L("loading")):
        ds = ui.get_dataset()
        report = ui.report_cached(ui.data_key(ds), ds)
    programme = programme_switch()
    if programme != "asiel":  # OEK or status holders: their locations, then stop
        show_programme_locations(ds, programme)
        st.stop()
    table = location_table(report.locations, ds.municipalities)

    st.subheader(L("filters"))
    c1, c2, c3, c4, c5 = st.columns([3, 2, 2, 2, 2])
    munis = c1.multiselect(
        L("municipality"), sorted(ds.municipality_names), key="loc_munis", placeholder=L("choose")
    )
    regions = c2.multiselect(L("region"), ds.regions, key="loc_regions", placeholder=L("choose"))
    types = c3.multiselect(
        L("type"), list(LOCATION_TYPES), key="loc_types", placeholder=L("choose")
    )
    groups = c4.multiselect(
        L("target_group"), list(TARGET_GROUPS), key="loc_groups", placeholder=L("choose")
    )
    counts_choice = ui.labelled_choice(
        c5, "radio", L("counts"), ["all", "yes", "no"], "loc_counts", "counts_", horizontal=True
    )
    counts = {"all": None, "yes": True, "no": False}[counts_choice]
    shown = filter_locations(table, munis, regions, types, groups, counts)
    counted = shown[shown["counts"]]
    st.caption(
        f"{len(shown)} {L('locations_shown')}; {num(counted['places'].sum())} "
        f"{L('places_counting')}"
    )
    ui.table(shown, height=min(600, 38 + 35 * max(1, len(shown))))
    outside = outside_credits(ds.swaps, ds.municipality_names)
    with st.expander(L("figures_explained")):
        for note in figure_notes(
            report.total, ui.lang(), outside_credits(ds.swaps, ds.municipality_names)
        )[:1]:
            st.caption(ui.plain(note))

    st.subheader(L("timeline_title"))
    st.caption(L("timeline_caption"))
    t1, t2 = st.columns(2)
    start = t1.date_input(
        L("from_month"), value=date(2024, 1, 1), key="tl_start", format="DD-MM-YYYY"
    )
    end = t2.date_input(L("to_month"), value=date(2027, 12, 1), key="tl_end", format="DD-MM-YYYY")
    if end < start:
        st.warning(L("timeline_order"))
    else:
        with st.spinner(L("loading")):
            timeline = ui.timeline_cached(ui.data_key(ds), start, end, ds)
        chosen = list(shown["municipality"].unique()) if (munis or regions) else None
        st.altair_chart(ui.timeline_chart(timeline_totals(timeline, chosen)), width="stretch")

    st.subheader(L("upload_locations"))
    st.caption(L("upload_locations_help"))
    upload = st.file_uploader(
        L("upload_locations"), type=["csv"], key="loc_upload", label_visibility="collapsed"
    )
    if upload is not None and st.session_state.get("loc_upload_done") != upload.file_id:
        st.session_state.loc_upload_done = upload.file_id
        st.session_state.loc_upload_error = None
        try:
            uploaded = dataset_with_upload("locations", upload.getvalue(), upload.name)
        except InputError as exc:  # shown below for as long as this file is chosen
            st.session_state.loc_upload_error = exc
        else:
            st.session_state.upload_ds = uploaded
            st.session_state.upload_name = upload.name
            st.rerun()
    if upload is not None and st.session_state.get("loc_upload_error") is not None:
        ui.show_issues(st.session_state.loc_upload_error, "upload_problems")
    elif st.session_state.upload_ds is not None:
        st.success(f"{L('data_uploaded')}: {ui.plain(st.session_state.upload_name)}")
