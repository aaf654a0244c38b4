"""Export: what ``planner solve --export`` and ``planner report`` write, as downloads,
for a saved scenario or the one open on the Scenario page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner.app import ui, views
from planner.app.ui import L, num
from planner.app.views import csv_bytes, json_bytes, sheet_overview, workbook_bytes, zip_of_csvs
from planner.data.loader import Dataset
from planner.optimise.solve import SolveResult, Status
from planner.reports.export import result_document, result_sheets_full
from planner.reports.pdf import report_pdf, result_pdf
from planner.reports.report import report_csv, report_dict, report_sheets

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def result_downloads(result: SolveResult, ds: Dataset, stem: str) -> None:
    """The workbook, every sheet as CSV (one zip, or one sheet) and the JSON document.
    Files are built when their button is clicked, not on every rerun."""
    lang = ui.lang()
    sheets = result_sheets_full(result, ds, lang)
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        L("download_workbook"),
        data=lambda: workbook_bytes(sheets),
        on_click="ignore",
        file_name=f"{stem}.xlsx",
        mime=XLSX,
        key="ex_xlsx",
        icon=":material/download:",
    )
    c2.download_button(
        L("download_csv_zip"),
        data=lambda: zip_of_csvs(sheets),
        on_click="ignore",
        file_name=f"{stem}-csv.zip",
        mime="application/zip",
        key="ex_zip",
        icon=":material/download:",
    )
    c3.download_button(
        L("download_json"),
        data=lambda: json_bytes(result_document(result, ds)),
        on_click="ignore",
        file_name=f"{stem}.json",
        mime="application/json",
        key="ex_json",
        icon=":material/download:",
    )
    st.download_button(
        L("download_pdf"),
        data=lambda: result_pdf(result, ds, lang),
        on_click="ignore",
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        key="ex_pdf",
        icon=":material/picture_as_pdf:",
    )
    s1, s2 = st.columns([3, 1], vertical_alignment="bottom")
    # sheet names are in the session's language: a key per language keeps the choice valid
    sheet = s1.selectbox(L("choose_sheet"), list(sheets), key=f"ex_sheet__{lang}")
    s2.download_button(
        L("download_csv"),
        data=lambda: csv_bytes(sheets[sheet]),
        on_click="ignore",
        file_name=f"{stem}-{sheet}.csv",
        mime="text/csv",
        key="ex_csv",
        icon=":material/download:",
    )
    with st.expander(L("export_contents")):
        ui.table(sheet_overview(sheets))


def report_downloads(ds: Dataset) -> None:
    """The cycle table of the data itself, as ``planner report`` writes it."""
    with st.container(key="ex_report"):
        _report_downloads(ds)


def _report_downloads(ds: Dataset) -> None:
    st.subheader(L("export_report_title"))
    st.caption(L("export_report_caption"))
    lang = ui.lang()
    report = ui.report_cached(ui.data_key(ds), ds)
    stem = L("report_file")
    r1, r2, r3, r4 = st.columns(4)
    r1.download_button(
        L("download_report_xlsx"),
        data=lambda: workbook_bytes(report_sheets(report, lang)),
        on_click="ignore",
        file_name=f"{stem}.xlsx",
        mime=XLSX,
        key="ex_report_xlsx",
        icon=":material/download:",
    )
    r2.download_button(
        L("download_report_csv"),
        data=lambda: report_csv(report, lang).encode(),
        on_click="ignore",
        file_name=f"{stem}.csv",
        mime="text/csv",
        key="ex_report_csv",
        icon=":material/download:",
    )
    r3.download_button(
        L("download_report_json"),
        data=lambda: json_bytes(report_dict(report)),
        on_click="ignore",
        file_name=f"{stem}.json",
        mime="application/json",
        key="ex_report_json",
        icon=":material/download:",
    )
    r4.download_button(
        L("download_report_pdf"),
        data=lambda: report_pdf(report, ds, lang),
        on_click="ignore",
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        key="ex_report_pdf",
        icon=":material/picture_as_pdf:",
    )
    st.download_button(
        L("export_all_programmes"),
        data=lambda: views.all_programmes_workbook(ds, lang),
        on_click="ignore",
        file_name=f"{L('sheet_all_programmes')}.xlsx",
        mime=XLSX,
        key="ex_all_programmes_xlsx",
        help=L("export_all_programmes_help"),
        icon=":material/download:",
    )


ui.init_state()  # app.py does this; repeated so the page also runs on its own
st.title(L("page_export"))

with ui.guard():
    with st.spinner(L("loading")):
        store = ui.get_store()
        ds = ui.get_dataset()
    st.subheader(L("export_result_title"))
    st.caption(L("export_intro"))
    chosen = ui.pick_scenario(store, "ex_source")
    if chosen is not None:
        stem, scenario = chosen
        with st.spinner(L("solving"), show_time=True):
            _, result, _ = ui.solve_timed(ds, scenario)
        if result.status not in (Status.OPTIMAL, Status.TIME_LIMIT):
            st.error(L("not_solved_status"))
            ui.table(pd.DataFrame({"solver_message": list(result.messages)}, dtype=object))
        else:
            if result.status is Status.TIME_LIMIT:
                st.warning(L("time_limit_reached"))
            p = result.province
            m = st.container(key="ex_metrics").columns(3)
            m[0].metric(L("provincial_shortfall"), num(p["shortfall"]))
            m[1].metric(L("municipal_shortfall"), num(p["municipal_shortfall"]))
            m[2].metric(L("credited"), num(p["credited"]))
            with st.container(key="ex_result"):
                result_downloads(result, ds, stem)
    st.divider()
    report_downloads(ds)
