"""The programme switch of the Overzicht and Locaties pages (issue 12).

Asylum stays the pages' own view; for OEK and status holders these functions show the
programme's table (the layout of ``planner report --programme``) and its locations.
Kept in one module so the pages change by a few lines only.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner.app import ui
from planner.app.ui import L, num
from planner.app.views import format_percent
from planner.counting.programmes import EXTRA_COLUMNS, programme_report
from planner.data.loader import Dataset

__all__ = ["PROGRAMMES", "programme_switch", "show_programme_overview", "show_programme_locations"]

PROGRAMMES = ["asiel", "oek", "statushouders"]
_PREFIX = {"oek": "oek_", "statushouders": "sh_"}
_LOCATION_PROGRAMMES = {"oek": ("oek",), "statushouders": ("doorstroom", "kso", "statushouders")}


def programme_switch() -> str:
    """A radio asiel / oek / statushouders; the choice is kept across pages."""
    st.session_state.setdefault("programme_choice", "asiel")
    return ui.labelled_choice(
        st, "radio", L("programme"), PROGRAMMES, "programme_choice", "programme_short_",
        horizontal=True,
    )  # fmt: skip


def _named(frame: pd.DataFrame, programme: str) -> pd.DataFrame:
    """Columns named by the programme's own labels where it has one (Inspanningsverplichting)."""
    from planner.i18n import LABELS

    prefix = _PREFIX[programme]
    return frame.rename(columns={c: prefix + c for c in frame.columns if prefix + c in LABELS})


def show_programme_overview(ds: Dataset, programme: str) -> None:
    """Regions and province as metrics, then the table per municipality."""
    rep = programme_report(ds, programme)
    rules = rep.rules
    st.caption(
        f"{L('programme_' + programme)}: {L('programme_counting_' + rules.counting)}"
        + (f" ({L('programme_reference_date')} {rules.reference_date:%d-%m-%Y})"
           if rules.reference_date else "")
    )  # fmt: skip
    # the province first, then its regions, as the asylum overview
    levels = [(f"{L('province')} {rep.municipalities['province'].iloc[0]}", rep.total)]
    levels += [(str(r["region"]), r) for _, r in rep.regions.iterrows()]
    label = {c: L(_PREFIX[programme] + c) for c in ("quota", "places")}
    for title, level in levels:
        st.subheader(title)
        cols = st.columns(4)
        cols[0].metric(label["quota"], num(level["quota"]))
        cols[1].metric(label["places"], num(level["credited"]))
        cols[2].metric(L("shortfall"), num(level["shortfall"]))
        cols[3].metric(L("coverage"), format_percent(level["coverage"]))
    columns = ["name", "region", "quota", "places", "swapped_in", "credited", "shortfall",
               "coverage", *EXTRA_COLUMNS.get(programme, [])]  # fmt: skip
    ui.table(_named(rep.municipalities[columns], programme))


def show_programme_locations(ds: Dataset, programme: str) -> None:
    """The programme's locations (programme_locations.csv) with their sources."""
    pl = ds.programme_locations
    if not len(pl):
        st.info(L("programme_missing") + " " + L("programme_short_" + programme))
        return
    sub = pl[pl["programme"].isin(_LOCATION_PROGRAMMES[programme])]
    columns = ["municipality", "name", "places", "start_text", "end_text", "decided", "status",
               "location_id", "source", "note"]  # fmt: skip
    names = {"start_text": "start", "end_text": "end", "name": "site",
             "location_id": "same_building"}  # fmt: skip
    ui.table(sub[columns].rename(columns=names))
