"""Risico: how likely the plans in a scenario materialise in time, and what that does
to the shortfall (``planner risk`` in the app, with a progress bar)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner.app import ui
from planner.app.ui import L, num
from planner.app.views import format_percent, json_bytes, risk_tables, uncertain_plans
from planner.risk.sweep import RiskResult, RiskStatus

#: Draws by default: enough for P10 / P90 to settle, few enough to answer while people
#: watch (about 5 to 10 seconds for the twelve soft plans on two cores).
DEFAULT_DRAWS = 200


def show_risk(result: RiskResult, fast: bool, stem: str) -> None:
    lang = ui.lang()
    if result.status is not RiskStatus.OK:
        st.warning(L("risk_not_ok"))
    st.caption(
        f"{result.draws} {L('draws').lower()} · seed {result.seed} · {result.backend} "
        f"({result.workers}) · {result.seconds:.1f} s"
    )
    tables = risk_tables(result, lang)
    d = result.provincial
    m = st.container(key="risk_metrics").columns(3)
    m[0].metric(L("p_meet_quota"), format_percent(result.p_meet_quota))
    m[1].metric(L("expected_provincial_shortfall"), num(d.mean))
    m[2].metric(L("p10_p90"), f"{num(d.p10)} – {num(d.p90)}")

    st.subheader(L("risk_summary_title"))
    left, right = st.columns([3, 2])
    with left:
        ui.table(tables["summary"])
        ui.table(tables["provinces"])
    with right:
        st.markdown(f"**{L('risk_histogram_title')}**")
        st.altair_chart(ui.risk_histogram(result.samples), width="stretch")

    st.subheader(L("risk_importance_title"))
    st.caption(L("risk_importance_caption"))
    ui.table(tables["plans"])

    st.subheader(L("risk_municipalities_title"))
    if fast:
        st.caption(L("risk_fast_no_municipalities"))
    else:
        ui.table(tables["municipalities"])
    if result.messages:
        ui.table(pd.DataFrame({"solver_message": list(result.messages)}, dtype=object))
    st.download_button(
        L("download_risk_json"),
        data=lambda: json_bytes(result.to_dict()),
        on_click="ignore",
        file_name=f"{stem}-risk.json",
        mime="application/json",
        key="rk_download_json",
        icon=":material/download:",
    )


ui.init_state()  # app.py does this; repeated so the page also runs on its own
st.title(L("page_risk"))

with ui.guard():
    with st.spinner(L("loading")):
        store = ui.get_store()
        ds = ui.get_dataset()
    st.caption(L("risk_intro"))
    chosen = ui.pick_scenario(store, "rk_source")
    if chosen is not None:
        stem, scenario = chosen
        plans = uncertain_plans(scenario)
        if plans.empty:
            st.info(L("risk_no_plans"))
        else:
            with st.expander(f"{L('risk_plans_title')} ({len(plans)})"):
                ui.table(plans)
            c1, c2, c3, c4 = st.columns([2, 2, 3, 3], vertical_alignment="bottom")
            draws = int(
                c1.number_input(
                    L("risk_draws"), min_value=1, max_value=10_000, value=DEFAULT_DRAWS,
                    step=50, key="rk_draws",
                )
            )  # fmt: skip
            seed = int(
                c2.number_input(
                    L("risk_seed"), min_value=0, value=1, step=1, key="rk_seed",
                    help=L("risk_seed_help"),
                )
            )  # fmt: skip
            fast = c3.checkbox(L("risk_fast"), key="rk_fast", help=L("risk_fast_help"))
            run = c4.button(L("risk_run"), type="primary", key="rk_run", icon=":material/casino:")
            levels = "shortfalls" if fast else "all"
            run_key = (ui.scenario_key(ds, scenario), draws, seed, levels)
            if run:
                unit = L("draws").lower()
                bar = st.progress(0.0, text=f"0/{draws} {unit}")

                def progress(done: int, total: int) -> None:
                    bar.progress(min(1.0, done / max(1, total)), text=f"{done}/{total} {unit}")

                result = ui.run_risk_shared(
                    ds, scenario, draws, seed, levels, progress,
                    waiting=lambda: bar.progress(0.0, text=L("risk_waiting")),
                )  # fmt: skip
                st.session_state.rk_result = {"key": run_key, "result": result}
            current = st.session_state.get("rk_result")
            if current is not None and current["key"] == run_key:
                show_risk(current["result"], fast, stem)
            elif current is not None:
                st.info(L("risk_stale"))
