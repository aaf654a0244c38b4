"""Scenario: pick a saved scenario or start from one, edit it, solve it, save it."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from planner.app import ui
from planner.app.editing import (
    TABLES,
    draft_payload,
    for_editing,
    read_draft,
    scenario_to_tables,
    tables_to_scenario,
)
from planner.app.ui import L, num
from planner.app.uploads import scenario_from_upload
from planner.app.views import (
    answer_sentences,
    breakdown_table,
    burden_table,
    condition_table,
    level_summary,
    levels_table,
    marginal_table,
    metric_deltas,
    scenario_diff_table,
    split_swaps,
    swap_table,
    warning_table,
    workbook_bytes,
)
from planner.data.loader import Dataset
from planner.errors import InputError
from planner.optimise.instance import scenario_warnings
from planner.optimise.solve import SolveResult, Status
from planner.reports.export import result_sheets_full
from planner.results.explain import burden, condition_states, shortfall_breakdown
from planner.scenario.diff import diff_scenarios
from planner.scenario.schema import Scenario
from planner.scenario.text import scenario_to_yaml
from planner.store import ConflictError, NotFoundError, Store, slugify

POLICIES = ["none", "agreements", "region", "province", "neighbours"]


def open_stored(store: Store, name: str, version: int | None = None) -> None:
    record = store.load(name, version)
    scenario = for_editing(record.scenario())
    info = {
        "name": record.name,
        "version": record.version,
        "parent": record.parent,
        "parent_version": record.parent_version,
    }
    ui.open_tables(scenario, scenario_to_tables(scenario), info)


def start_from(store: Store, name: str, new_name: str) -> None:
    record = store.load(name)
    scenario = for_editing(record.scenario())
    # a new scenario asks its own question: it keeps the parent's content, not its words
    scenario = scenario.model_copy(update={"description": ""})
    info = {
        "name": None,
        "version": 0,
        "parent": record.name,
        "parent_version": record.version,
        "new_name": slugify(new_name or name + "-2"),
        "description": "",
    }
    ui.open_tables(scenario, scenario_to_tables(scenario), info)


def open_newest_keeping_edit(store: Store, name: str) -> None:
    """After a conflict: the newest saved version becomes the one the edit is based on,
    and the edit itself (the tables, title and description as the user left them) stays
    in the editors, so "your edit is kept" holds and saving now makes a next version."""
    record = store.load(name)
    payload = st.session_state.get("sc_payload")
    try:
        _, tables, kept = read_draft(payload) if payload else (None, None, {})
    except InputError:
        tables, kept = None, {}
    newest = for_editing(record.scenario())
    info = {
        "name": record.name,
        "version": record.version,
        "parent": record.parent,
        "parent_version": record.parent_version,
        "title": kept.get("title", newest.name),
        "description": kept.get("description", newest.description),
    }
    ui.open_tables(newest, tables or scenario_to_tables(newest), info)
    st.session_state.sc_flash = ("info", f"{L('newest_opened_edit_kept')} (v{record.version})")


def open_first(store: Store) -> None:
    """First visit: the edit kept under the URL's draft id, else the base scenario."""
    draft = store.load_draft(st.session_state.draft_id) if st.session_state.draft_id else None
    if draft is not None:
        try:
            base, tables, info = read_draft(draft.payload)
        except InputError:
            pass
        else:
            ui.open_tables(base, tables, info)
            st.session_state.sc_restored = True  # said until another scenario is opened
            if draft.author and not st.session_state.author:  # an address without ?auteur=
                st.session_state.author = draft.author
            return
    names = store.list_names()
    if names:
        open_stored(store, "base" if "base" in names else names[0])
    else:
        empty = for_editing(Scenario(name=L("new_scenario")))
        ui.open_tables(empty, scenario_to_tables(empty), {"name": None, "version": 0})


def restore_after_page_change() -> None:
    """Put the edit back after the user visited another page.

    Streamlit forgets a widget's state when a run does not draw it, so after a visit to
    another page the editors, title and number fields would start empty (limits as 0,
    the title blank) while the scenario still looks open. The last run kept the edit as
    a draft payload in the session; open it again, as a reload does from the database.
    """
    payload = st.session_state.get("sc_payload")
    if "sc_base" not in st.session_state or "sc_title" in st.session_state or not payload:
        return
    conflict = st.session_state.get("sc_conflict")
    try:
        base, tables, info = read_draft(payload)
    except InputError:
        return
    ui.open_tables(base, tables, info)
    if conflict is not None:  # still unresolved: keep saying so
        st.session_state.sc_conflict = conflict


def conflict_text(conflict: ConflictError) -> str:
    """The conflict in the session's language, from the error's fields (the library's
    own message is English)."""
    started = (
        L("conflict_new")
        if conflict.expected_version == 0
        else L("conflict_opened").format(version=conflict.expected_version)
    )
    return L("conflict_text").format(
        name=conflict.name,
        version=conflict.latest_version,
        author=conflict.author,
        time=ui.local_time(conflict.created_at),
        started=started,
    )


def show_diff(diff: pd.DataFrame) -> None:
    if diff.empty:
        st.caption(L("no_changes"))
    else:
        ui.table(scenario_diff_table(diff, ui.lang()))


def show_result(
    result: SolveResult,
    seconds: float,
    scenario: Scenario,
    ds: Dataset,
    reference: tuple[str, SolveResult] | None = None,
) -> None:
    """The result: first a plain answer in sentences with the province's figures and
    their change against the reference (the parent scenario), then the tables."""
    st.subheader(L("result"))
    if result.status not in (Status.OPTIMAL, Status.TIME_LIMIT):
        st.error(L("not_solved_status"))
        ui.table(levels_table(result.levels, ui.lang()))
        ui.table(pd.DataFrame({"solver_message": list(result.messages)}, dtype=object))
        return
    if result.status is Status.TIME_LIMIT:
        st.warning(L("time_limit_reached"))
    p = result.province
    ref_name, ref = reference if reference is not None else ("", None)
    deltas = metric_deltas(p, None if ref is None else ref.province)
    delta_help = L("delta_vs").format(parent=ref_name) if ref is not None else None
    m = st.container(key="sc_metrics").columns(4)
    for col, key, label, inverse in (
        (m[0], "shortfall", "provincial_shortfall", True),
        (m[1], "municipal_shortfall", "municipal_shortfall", True),
        (m[2], "amv_shortfall", "amv_shortfall", True),
        (m[3], "credited", "credited", False),
    ):
        d = deltas[key]
        col.metric(
            L(label),
            num(p[key]),
            delta=None if d is None else (("+" if d > 0 else "") + num(d)),
            delta_color="off" if d == 0 else ("inverse" if inverse else "normal"),
            help=delta_help,
        )
    tabs = st.tabs(
        [
            L("tab_answer"),
            L("tab_levels"),
            L("tab_levels_table"),
            L("tab_municipalities"),
            L("tab_candidates"),
            L("tab_swaps"),
            L("tab_marginal"),
            L("tab_breakdown"),
            L("tab_burden"),
            L("tab_conditions"),
            L("messages"),
        ]
    )
    with tabs[0], st.container(key="answer"):
        for sentence in answer_sentences(result, ref, ui.lang(), ref_name):
            st.markdown(ui.plain(sentence))
    with tabs[1]:
        st.caption(
            f"{L('status')}: {L('status_' + result.status.value)} | {result.solver} | "
            f"{L('solve_time')} {seconds:.2f} s"
        )
        ui.table(levels_table(result.levels, ui.lang()))
    with tabs[2]:
        province = str(result.municipalities["province"].iloc[0])
        ui.table(level_summary(result.regions, result.province, province).drop(columns="level"))
        st.caption(L("note_region_swaps"))
    with tabs[3]:
        ui.table(
            result.municipalities[
                [
                    "name",
                    "region",
                    "quota",
                    "places",
                    "swapped_in",
                    "swapped_out",
                    "credited",
                    "shortfall",
                    "amv_quota",
                    "amv_credited",
                    "amv_shortfall",
                ]
            ]
        )
    with tabs[4]:
        cand = result.candidates
        if cand.empty:
            st.caption(L("no_candidates"))
        else:
            ui.table(
                cand[
                    [
                        "id",
                        "municipality",
                        "kind",
                        "target_group",
                        "opened",
                        "places",
                        "min_places",
                        "max_places",
                        "reason",
                    ]
                ]
            )
    with tabs[5]:
        parts = split_swaps(result.swaps)
        st.markdown(f"**{L('swaps_agreed')}**")
        ui.table(swap_table(parts["agreed"][["id", "from", "to", "places", "amv_places"]]))
        st.markdown(f"**{L('swaps_proposed')}**")
        ui.table(swap_table(parts["proposed"][["id", "from", "to", "places", "amv_places"]]))
    with tabs[6]:
        st.caption(L("marginal_caption"))
        ui.table(marginal_table(result.municipalities, ui.lang()))
    with tabs[7]:
        st.caption(L("breakdown_caption"))
        short = breakdown_table(shortfall_breakdown(result))
        if short.empty:
            st.caption(L("no_shortfalls"))
        else:
            ui.table(short)
    with tabs[8]:
        ui.table(burden_table(burden(result, ds)))
        st.caption(L("burden_caption"))
    with tabs[9]:
        st.caption(L("conditions_caption"))
        conditions = condition_table(condition_states(result), ui.lang())
        if conditions.empty:
            st.caption(L("no_conditions"))
        else:
            ui.table(conditions)
    with tabs[10]:
        if result.messages:
            ui.table(pd.DataFrame({"solver_message": list(result.messages)}, dtype=object))
        else:
            st.caption(L("no_messages"))
    lang = ui.lang()
    st.download_button(
        L("download_xlsx"),
        # built when clicked; the same workbook as ``planner solve --export``
        data=lambda: workbook_bytes(result_sheets_full(result, ds, lang)),
        on_click="ignore",
        file_name=f"{slugify(scenario.name)}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="download_xlsx",
        icon=":material/download:",
    )


def reference_result(store: Store, ds: Dataset, info: dict) -> tuple[str, SolveResult] | None:
    """The result to show changes against: the parent scenario's (the version it was
    started from), else the saved version being edited; None for a scenario with
    neither. Solved through the cache, so it costs one solve once."""
    name, version = info.get("parent"), info.get("parent_version")
    if not name:
        name, version = info.get("name"), info.get("version")
    if not name:
        return None
    try:
        record = store.load(name, version)
    except NotFoundError:
        try:
            record = store.load(name)
        except NotFoundError:
            return None
    _, result, _ = ui.solve_timed(ds, for_editing(record.scenario()))
    if result.status not in (Status.OPTIMAL, Status.TIME_LIMIT):
        return None
    return f"{record.name} v{record.version}", result


ui.init_state()  # app.py does this; repeated so the page also runs on its own
st.title(L("page_scenario"))

with ui.guard():
    with st.spinner(L("loading")):
        store = ui.get_store()
        ds = ui.get_dataset()

    # ---------------------------------------------------------------- what is open
    pending = st.session_state.pop("sc_pending", None)
    if pending is not None:
        open_stored(store, *pending)
    newest = st.session_state.pop("sc_open_newest", None)
    if newest is not None:
        open_newest_keeping_edit(store, newest)
    restore_after_page_change()
    if "sc_base" not in st.session_state:
        open_first(store)
    flash = st.session_state.pop("sc_flash", None)
    if flash is not None:
        getattr(st, flash[0])(flash[1])
    if st.session_state.get("sc_restored"):
        st.info(L("draft_restored"), icon=":material/restore:")

    versions = store.latest_versions()
    titles = {v.name: f"{v.name} — {v.title}" for v in versions}
    # the picker shows what is open (or the scenario it started from), not "base"
    shown = st.session_state.sc_info.get("name") or st.session_state.sc_info.get("parent")
    if shown in titles and (
        st.session_state.get("sc_pick_for") != shown or "sc_pick" not in st.session_state
    ):
        st.session_state.sc_pick = shown
        st.session_state.sc_pick_for = shown
    pick_col, open_col, new_col, start_col = st.columns([4, 1, 3, 2], vertical_alignment="bottom")
    pick = pick_col.selectbox(
        L("saved_scenarios"), list(titles), format_func=titles.get, key="sc_pick"
    )
    if open_col.button(L("open"), key="sc_open", disabled=pick is None):
        open_stored(store, pick)
        st.rerun()
    new_name = new_col.text_input(L("new_name"), key="sc_new_name", placeholder="borne-2026")
    if start_col.button(L("start_from"), key="sc_start", disabled=pick is None):
        start_from(store, pick, new_name)
        st.rerun()
    upload = st.file_uploader(L("upload_scenario"), type=["yaml", "yml"], key="sc_upload")
    if upload is not None and st.session_state.get("sc_upload_done") != upload.file_id:
        st.session_state.sc_upload_done = upload.file_id
        st.session_state.sc_upload_error = None
        try:
            uploaded, parent = scenario_from_upload(
                upload.getvalue(), upload.name, ds, store.parent_raw
            )
        except InputError as exc:
            st.session_state.sc_upload_error = exc
        else:
            info = {
                "name": None,
                "version": 0,
                "parent": parent,
                "new_name": slugify(upload.name.rsplit(".", 1)[0]),
            }
            uploaded = for_editing(uploaded)
            ui.open_tables(uploaded, scenario_to_tables(uploaded), info)
            st.session_state.sc_flash = ("success", L("upload_loaded"))
            st.rerun()
    if upload is not None and st.session_state.get("sc_upload_error") is not None:
        ui.show_issues(st.session_state.sc_upload_error, "upload_problems")

    base: Scenario = st.session_state.sc_base
    info: dict = st.session_state.sc_info
    st.divider()
    if info.get("name"):
        st.markdown(
            f"**{L('editing')}:** {ui.plain(info['name'])} {L('version')} {info['version']}"
        )
    else:
        st.markdown(f"**{L('editing')}:** {L('unsaved_new')}")
    if info.get("parent"):
        st.caption(f"{L('parent')}: {ui.plain(info['parent'])}")

    # ---------------------------------------------------------------- the edit
    st.text_input(L("scenario_title"), key="sc_title", max_chars=300)
    st.text_area(L("description"), key="sc_description", height=80)
    tabs = st.tabs(
        [L("tab_candidates"), L("tab_location_changes"), L("tab_policy"), L("tab_register")]
    )
    tables = {}
    for tab, name in zip((tabs[0], tabs[1], tabs[3]), ui.EDITOR_KEYS, strict=True):
        with tab:
            st.caption(L(f"edit_help_{name}"))
            tables[name] = st.data_editor(
                st.session_state.sc_tables[name],
                key=ui.EDITOR_KEYS[name],
                num_rows="dynamic",
                hide_index=True,
                column_order=TABLES[name],
                column_config=ui.editor_columns(name, ds),
            )
    with tabs[2]:
        c1, c2, c3 = st.columns(3)
        ui.labelled_choice(c1, "selectbox", L("policy"), POLICIES, "sw_policy", "policy_")
        c2.number_input(
            L("max_per_pair"), min_value=0, step=1, key="sw_max_per_pair", help=L("empty_no_limit")
        )
        c3.number_input(
            L("max_in_per_municipality"),
            min_value=0,
            step=1,
            key="sw_max_in",
            help=L("empty_no_limit"),
        )
        st.checkbox(L("swap_amv"), key="sw_amv", help=L("swap_amv_help"))
        g1, g2 = st.columns(2)
        munis = sorted(ds.municipality_names)
        g1.multiselect(L("givers"), munis, key="sw_givers", placeholder=L("everyone"))
        g2.multiselect(L("receivers"), munis, key="sw_receivers", placeholder=L("everyone"))
        st.markdown(f"**{L('limits')}**")
        l1, l2, l3 = st.columns(3)
        st.caption(L("empty_no_limit"))
        l1.number_input(
            L("max_new_locations"),
            min_value=0,
            step=1,
            key="lim_locations",
            help=L("empty_no_limit"),
        )
        l2.number_input(
            L("max_new_places"), min_value=0, step=1, key="lim_places", help=L("empty_no_limit")
        )
        l3.number_input(
            L("max_cost"), min_value=0.0, step=1.0, key="lim_cost", help=L("empty_no_limit")
        )
    tables.update(ui.settings_tables())

    # ---------------------------------------------------------------- validate and keep
    named = base.model_copy(
        update={"name": st.session_state.sc_title, "description": st.session_state.sc_description}
    )
    scenario: Scenario | None = None
    try:
        scenario = tables_to_scenario(named, tables, ds, label=info.get("name") or "<editor>")
    except InputError as exc:
        ui.show_issues(exc, "scenario_invalid")
    else:
        warnings = scenario_warnings(ds, scenario, ui.lang())
        with st.container(key="validity"):
            if warnings.empty:
                st.success(L("scenario_valid"), icon=":material/check:")
            else:
                n = len(warnings)
                text = L("scenario_valid_but_one") if n == 1 else L("scenario_valid_but")
                st.warning(text.format(n=n), icon=":material/warning:")
                st.caption(L("warnings_caption"))
                ui.table(warning_table(warnings, ui.lang()))
    if scenario is None:
        st.session_state.pop(ui.OPEN_SCENARIO, None)
    else:  # for Export and Risico, unsaved edits included
        st.session_state[ui.OPEN_SCENARIO] = {
            "scenario": scenario,
            "name": info.get("name") or info.get("new_name") or scenario.name,
            "version": info.get("version") if info.get("name") else None,
            "edited": scenario != base,
        }

    payload = draft_payload(
        base,
        tables,
        {
            **info,
            "title": st.session_state.sc_title,
            "description": st.session_state.sc_description,
        },
    )
    st.session_state.sc_payload = payload  # see restore_after_page_change
    digest = hashlib.sha256(payload.encode()).hexdigest()
    if digest != st.session_state.get("sc_draft_hash"):
        st.session_state.draft_id = store.save_draft(
            payload,
            st.session_state.draft_id,
            name=info.get("name"),
            base_version=info.get("version"),
            author=st.session_state.author,
        )
        st.session_state.sc_draft_hash = digest
    if st.query_params.get("draft") != st.session_state.draft_id:
        st.query_params["draft"] = st.session_state.draft_id

    # ---------------------------------------------------------------- actions
    a1, a2, a3, a4 = st.columns([2, 2, 3, 2], vertical_alignment="bottom")
    solve = a1.button(L("solve"), type="primary", key="solve", icon=":material/play_arrow:")
    save = a2.button(L("save"), key="save", disabled=not info.get("name"))
    save_as_name = a3.text_input(
        L("save_as_name"), key="sc_save_name", placeholder=info.get("new_name") or ""
    )
    save_as = a4.button(L("save_as"), key="save_as")

    if solve:
        if scenario is None:
            st.error(L("not_solved_invalid"))
        else:
            with st.spinner(L("solving"), show_time=True):
                key, result, seconds = ui.solve_timed(ds, scenario)
            st.session_state.sc_result = {"key": key, "result": result, "seconds": seconds}
            if info.get("name") and scenario == base and result.status is Status.OPTIMAL:
                store.save_result(info["name"], info["version"], ui.data_key(ds), result.to_dict())

    if (save or save_as) and not st.session_state.author.strip():
        st.error(L("author_missing"), icon=":material/person:")
    elif save or save_as:
        if scenario is None:
            st.error(L("not_saved_invalid"))
        else:
            text = scenario_to_yaml(scenario)
            try:
                if save:
                    name = info["name"]
                    version = store.save(
                        name,
                        text,
                        st.session_state.author,
                        info["version"],
                        parent=info.get("parent"),
                        parent_version=info.get("parent_version"),
                        ds=ds,
                    )
                    parent, parent_version = info.get("parent"), info.get("parent_version")
                else:
                    name = slugify(save_as_name or info.get("new_name") or scenario.name)
                    parent = info.get("name") or info.get("parent")
                    parent_version = info.get("version") if info.get("name") else None
                    version = store.save(
                        name,
                        text,
                        st.session_state.author,
                        0,
                        parent=parent,
                        parent_version=parent_version,
                        ds=ds,
                    )
            except ConflictError as exc:
                st.session_state.sc_conflict = exc  # shown below until resolved
            except InputError as exc:
                ui.show_issues(exc, "not_saved_invalid")
            else:
                st.session_state.sc_base = scenario
                st.session_state.sc_info = {
                    "name": name,
                    "version": version,
                    "parent": parent,
                    "parent_version": parent_version,
                }
                st.session_state.sc_flash = (
                    "success",
                    f"{L('saved')}: {ui.plain(name)} v{version}",
                )
                st.session_state.pop("sc_conflict", None)
                st.rerun()

    conflict = st.session_state.get("sc_conflict")
    if conflict is not None:
        st.error(ui.plain(conflict_text(conflict)), icon=":material/sync_problem:")
        if st.button(L("open_newest"), key="open_newest", help=L("open_newest_help")):
            st.session_state.sc_open_newest = conflict.name
            st.session_state.pop("sc_conflict", None)
            st.rerun()

    # ---------------------------------------------------------------- result
    current = st.session_state.get("sc_result")
    if (
        current is not None
        and scenario is not None
        and current["key"] == ui.scenario_key(ds, scenario)
    ):
        show_result(
            current["result"], current["seconds"], scenario, ds, reference_result(store, ds, info)
        )
    elif current is not None:
        st.info(L("result_stale"))

    # ---------------------------------------------------------------- context
    if scenario is not None:
        with st.expander(L("changes_vs_parent")):
            if info.get("parent"):
                try:
                    parent_rec = store.load(info["parent"], info.get("parent_version"))
                except NotFoundError:
                    parent_rec = store.load(info["parent"])
                st.caption(f"{ui.plain(parent_rec.name)} {L('version')} {parent_rec.version}")
                show_diff(diff_scenarios(for_editing(parent_rec.scenario()), scenario))
            else:
                st.caption(L("no_parent"))
        with st.expander(L("unsaved_changes")):
            show_diff(diff_scenarios(base, scenario))
        st.download_button(
            L("download_yaml"),
            data=scenario_to_yaml(scenario),
            file_name=f"{info.get('name') or info.get('new_name') or slugify(scenario.name)}.yaml",
            mime="application/x-yaml",
            on_click="ignore",
            key="download_yaml",
            icon=":material/download:",
        )
    if info.get("name"):
        with st.expander(L("history")):
            ui.table(
                pd.DataFrame(
                    [
                        {
                            "version": v.version,
                            "saved_by": v.author,
                            "saved_at": ui.local_time(v.created_at),
                            "title": v.title,
                            "parent": v.parent,
                        }
                        for v in reversed(store.history(info["name"]))
                    ]
                )
            )
