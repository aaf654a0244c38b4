"""Vergelijken: saved scenarios side by side, the differences with the first (the
reference) per municipality, region and province, and what differs in their inputs."""

from __future__ import annotations

import streamlit as st

from planner.app import ui
from planner.app.ui import L, num
from planner.app.views import (
    comparison_levels,
    comparison_table,
    difference_chart_data,
    differing_rows,
    input_diff_table,
    json_bytes,
    scenario_diff_table,
    workbook_bytes,
)
from planner.optimise.solve import Status
from planner.results.compare import Comparison, compare_results
from planner.scenario.diff import diff_scenarios
from planner.scenario.schema import Scenario
from planner.store import Store


def version_options(store: Store) -> dict[str, tuple[str, int, str]]:
    """Every saved version as an option ``name vN``: name, version and title; by name,
    newest version first, so a scenario can also be compared with its own history."""
    options = {}
    for latest in store.latest_versions():
        for v in reversed(store.history(latest.name)):
            options[f"{v.name} v{v.version}"] = (v.name, v.version, v.title)
    return options


def show_headline(cmp: Comparison) -> None:
    """Per scenario the provincial and municipal shortfall, the others with their
    difference from the reference (lower is better, so a fall shows green)."""
    cols = st.container(key="cmp_metrics").columns(len(cmp.labels))
    ref = cmp.province.iloc[0]
    for i, (col, label) in enumerate(zip(cols, cmp.labels, strict=True)):
        col.markdown(f"**{ui.plain(label)}**" + (f" ({L('reference')})" if i == 0 else ""))
        for metric, title in (("shortfall", L("provincial_shortfall")),
                              ("municipal_shortfall", L("municipal_shortfall"))):  # fmt: skip
            value = ref[f"{metric}[{label}]"]
            delta = None if i == 0 else num(ref[f"diff_{metric}[{label}]"])
            col.metric(title, num(value), delta=delta, delta_color="inverse")


def show_inputs(cmp: Comparison, scenarios: list[Scenario]) -> None:
    st.subheader(L("input_diff_title"))
    st.caption(L("input_diff_caption"))
    if cmp.inputs.empty:
        st.caption(L("no_input_differences"))
    else:
        ui.table(input_diff_table(cmp.inputs, cmp.labels, ui.lang()))
    with st.expander(L("scenario_diff_title")):
        st.caption(L("scenario_diff_caption"))
        for label, scenario in zip(cmp.labels[1:], scenarios[1:], strict=True):
            st.markdown(f"**{ui.plain(cmp.labels[0])} → {ui.plain(label)}**")
            diff = diff_scenarios(scenarios[0], scenario)
            if diff.empty:
                st.caption(L("no_changes"))
            else:
                ui.table(scenario_diff_table(diff, ui.lang()))


def show_comparison(cmp: Comparison, scenarios: list[Scenario]) -> None:
    lang = ui.lang()
    labels = cmp.labels
    show_headline(cmp)

    st.subheader(L("compare_chart_title"))
    st.caption(L("compare_chart_caption"))
    chart = difference_chart_data(cmp.municipalities, labels, lang)
    if chart.empty:
        st.caption(L("no_differences"))
    else:
        st.altair_chart(ui.difference_chart(chart), width="stretch")

    tabs = st.tabs(
        [L("tab_levels"), L("tab_province"), L("tab_regions"), L("tab_municipalities"),
         L("tab_inputs")]
    )  # fmt: skip
    with tabs[0]:
        ui.table(comparison_levels(cmp.levels, labels, lang))
    with tabs[1]:
        ui.table(comparison_table(cmp.province, labels, lang))
    with tabs[2]:
        ui.table(comparison_table(cmp.regions, labels, lang))
    with tabs[3]:
        only = st.checkbox(L("only_differences"), value=True, key="cmp_only")
        rows = differing_rows(cmp.municipalities) if only else cmp.municipalities
        if rows.empty:
            st.caption(L("no_differences"))
        else:
            ui.table(comparison_table(rows, labels, lang))
    with tabs[4]:
        show_inputs(cmp, scenarios)

    d1, d2 = st.columns(2)
    stem = L("compare_file")
    d1.download_button(
        L("download_compare_xlsx"),
        data=lambda cmp=cmp, lang=lang: workbook_bytes(cmp.sheets(lang)),  # built when clicked
        on_click="ignore",
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="cmp_download_xlsx",
        icon=":material/download:",
    )
    d2.download_button(
        L("download_compare_json"),
        data=lambda cmp=cmp: json_bytes(cmp.to_dict()),
        on_click="ignore",
        file_name=f"{stem}.json",
        mime="application/json",
        key="cmp_download_json",
        icon=":material/download:",
    )


ui.init_state()  # app.py does this; repeated so the page also runs on its own
st.title(L("page_compare"))

with ui.guard():
    with st.spinner(L("loading")):
        store = ui.get_store()
        ds = ui.get_dataset()
    st.caption(L("compare_intro"))
    options = version_options(store)
    titles = {key: f"{key} — {title}" for key, (_, _, title) in options.items()}
    picked = st.multiselect(
        L("compare_pick"),
        list(options),
        format_func=titles.get,
        key="cmp_pick",
        placeholder=L("choose"),
    )
    if len(picked) < 2:
        st.info(L("compare_need_two"))
    else:
        scenarios = [store.load(*options[p][:2]).scenario() for p in picked]
        with st.spinner(L("solving"), show_time=True):
            results = [ui.solve_timed(ds, sc)[1] for sc in scenarios]
        unsolved = [
            f"{p} ({r.status.value})"
            for p, r in zip(picked, results, strict=True)
            if r.status not in (Status.OPTIMAL, Status.TIME_LIMIT)
        ]
        if unsolved:
            st.error(f"{L('compare_unsolved')}: {ui.plain(', '.join(unsolved))}")
        else:
            if any(r.status is Status.TIME_LIMIT for r in results):
                st.warning(L("time_limit_reached"))
            show_comparison(compare_results(results, picked), scenarios)
