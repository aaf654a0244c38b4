"""Gemeente: one municipality on one page: quota, places, every location with its
reason, the months, swaps in and out, why it is short, and a printable version."""

from __future__ import annotations

from datetime import date

import streamlit as st

from planner.app import ui
from planner.app.ui import L, num
from planner.app.views import format_decimal, municipality_html, municipality_profile
from planner.counting.programmes import programme_overview
from planner.counting.timeline import monthly_places, timeline_totals
from planner.optimise.instance import apply_location_changes
from planner.optimise.solve import Status
from planner.store import slugify

ui.init_state()  # app.py does this; repeated so the page also runs on its own
st.title(L("page_municipality"))

with ui.guard():
    with st.spinner(L("loading")):
        store = ui.get_store()
        ds = ui.get_dataset()
    names = sorted(ds.municipality_names)
    wanted = st.query_params.get("gemeente")
    if wanted in names and "gm_name" not in st.session_state:
        st.session_state.gm_name = wanted
    c1, c2 = st.columns([1, 3])
    name = c1.selectbox(L("gm_choose"), names, key="gm_name", placeholder=L("choose"))
    with c2:
        chosen = ui.pick_scenario(store, "gm_source")
    st.caption(L("gm_source"))
    if chosen is not None:
        stem, scenario = chosen
        with st.spinner(L("solving"), show_time=True):
            _, result, _ = ui.solve_timed(ds, scenario)
        if result.status not in (Status.OPTIMAL, Status.TIME_LIMIT):
            st.error(L("not_solved_status"))
        else:
            lang = ui.lang()
            profile = municipality_profile(result, ds, name, lang)
            f = profile["figures"]
            with st.container(key="gm_figures"):
                st.subheader(f"{name} ({f['region']})")
                m = st.columns(6)
                m[0].metric(L("quota"), num(f["quota"]))
                m[1].metric(L("credited"), num(f["credited"]))
                m[2].metric(L("shortfall"), num(f["shortfall"]))
                m[3].metric(L("amv_quota"), num(f["amv_quota"]))
                m[4].metric(L("amv_credited"), num(f["amv_credited"]))
                per = f["places_per_1000"]
                m[5].metric(
                    L("places_per_1000"),
                    "–" if per is None else format_decimal(per, lang, 2),
                    help=L("burden_caption"),
                )
                st.caption(
                    f"{L('places')}: {num(f['places'])} · {L('swapped_in')}: "
                    f"{num(f['swapped_in'])} · {L('swapped_out')}: {num(f['swapped_out'])}"
                )
            with st.container(key="gm_programmes"):
                st.subheader(L("gm_programmes"))
                st.caption(L("gm_programmes_help"))
                ui.table(programme_overview(ds, name, lang))
            with st.container(key="gm_why"):
                st.subheader(L("gm_why"))
                for sentence in profile["why_short"] + profile["marginal"]:
                    st.markdown(ui.plain(sentence))
            with st.container(key="gm_locations"):
                st.subheader(L("gm_locations"))
                ui.table(profile["locations"])
            with st.container(key="gm_timeline"):
                st.subheader(L("gm_timeline"))
                # the scenario's location changes included (28 ms: not worth a cache)
                timeline = monthly_places(
                    ds,
                    date(2024, 1, 1),
                    date(2027, 12, 1),
                    rules=result.instance.rules,
                    locations=apply_location_changes(ds, scenario).locations,
                )
                st.altair_chart(
                    ui.timeline_chart(timeline_totals(timeline, [name])), width="stretch"
                )
            with st.container(key="gm_swaps"):
                st.subheader(L("gm_swaps"))
                if profile["swaps"].empty:
                    st.caption(L("gm_no_swaps"))
                else:
                    ui.table(profile["swaps"])
            title = L("gm_title").format(name=name)
            st.download_button(
                L("gm_print"),
                data=municipality_html(name, profile, f"{title} — {stem}", lang),
                file_name=f"{slugify(name)}-{stem}.html",
                mime="text/html",
                on_click="ignore",
                key="gm_print",
                help=L("gm_print_help"),
                icon=":material/print:",
            )
