"""Gereedheid: which of today's places still count in the next cycle, which drop out
and why, what remains of the quota, and by when a new location must start."""

from __future__ import annotations

import json

import streamlit as st

from planner.app import ui
from planner.app.ui import L
from planner.counting.readiness import readiness
from planner.reports.readiness import (
    assumption_lines,
    readiness_csv,
    readiness_dict,
    readiness_reader_tables,
)

ui.init_state()  # app.py does this; repeated so the page also runs on its own
st.title(L("readiness_page"))

with ui.guard():
    ds = ui.get_dataset()
    cycles = ds.quota_cycles
    if len(cycles) < 2:
        st.info(L("readiness_one_cycle"))
        st.stop()
    names = dict(zip(ds.cycles["id"], ds.cycles["name"], strict=True))
    cols = st.columns(2)
    start = cols[0].selectbox(
        L("readiness_from"), cycles, index=cycles.index(ds.current_cycle_id),
        format_func=lambda c: names.get(c, c), key="readiness_from",
    )  # fmt: skip
    later = [c for c in cycles if cycles.index(c) > cycles.index(start)] or cycles
    end = cols[1].selectbox(
        L("readiness_to"), later, format_func=lambda c: names.get(c, c), key="readiness_to"
    )
    res = readiness(ds, start, end)
    for line in assumption_lines(res, ui.lang()):
        st.warning(line)
    tables = readiness_reader_tables(res, ui.lang())
    tot = res.total
    m = st.columns(4)
    m[0].metric(L("readiness_both"), ui.num(tot["both"]))
    m[1].metric(L("readiness_drop"), ui.num(tot["drops"]))
    m[2].metric(L("readiness_remaining"), ui.num(tot["municipal_shortfall"]))
    m[3].metric(L("readiness_latest_start"), f"{tot['latest_start']:%d-%m-%Y}")
    st.subheader(L("readiness_municipalities"))
    st.dataframe(tables["municipalities"], hide_index=True, width="stretch")
    st.subheader(L("readiness_locations"))
    st.dataframe(tables["locations"], hide_index=True, width="stretch")
    d = st.columns(2)
    d[0].download_button(
        "CSV", readiness_csv(res, ui.lang()), file_name=f"gereedheid-{end}.csv",
        mime="text/csv", key="readiness_csv",
    )  # fmt: skip
    d[1].download_button(
        "JSON",
        json.dumps(readiness_dict(res, ui.lang()), ensure_ascii=False, indent=2, default=str),
        file_name=f"gereedheid-{end}.json", mime="application/json", key="readiness_json",
    )  # fmt: skip
