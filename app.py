"""The Spreidingswet planner app: ``streamlit run app.py``.

The entry point sets up the session, the sidebar (language, author, which data) and
the pages. Each page in ``app_pages/`` is a thin layer of widgets over ``planner/``.
The folder is not called ``pages/``: Streamlit would then also serve those files as
pages of their own (a link to /scenario would skip this entry point and its sidebar).
"""

from __future__ import annotations

import streamlit as st

from planner.app import ui
from planner.app.ui import L

st.set_page_config(page_title="Spreidingswet planner", page_icon=":material/home:", layout="wide")
ui.init_state()

with st.sidebar:
    # The widgets write to "_lang" / "_author"; the session keeps "lang" / "author", which
    # Streamlit would otherwise drop when the page changes (widget state is per run).
    st.session_state._lang = st.session_state.lang
    st.session_state._author = st.session_state.author
    st.radio(
        "Taal / Language",
        options=["nl", "en"],
        format_func={"nl": "Nederlands", "en": "English"}.get,
        key="_lang",
        horizontal=True,
        on_change=ui.keep,
        args=("_lang", "lang"),
    )
    st.text_input(
        L("author"),
        key="_author",
        help=L("author_help"),
        max_chars=200,
        on_change=ui.keep,
        args=("_author", "author"),
    )
    if st.session_state.upload_ds is not None:
        st.caption(f"{L('data_uploaded')}: {ui.plain(st.session_state.upload_name)}")
        if st.button(L("data_reset"), key="data_reset"):
            st.session_state.upload_ds = None
            st.session_state.upload_name = None
            st.rerun()
    else:
        st.caption(L("data_bundled"))

ui.keep_in_url()  # language and author survive a reload

pages = [
    st.Page("app_pages/overzicht.py", title=L("page_overview"), url_path="overzicht", default=True),
    st.Page("app_pages/locaties.py", title=L("page_locations"), url_path="locaties"),
    st.Page("app_pages/scenario.py", title=L("page_scenario"), url_path="scenario"),
    st.Page("app_pages/gemeente.py", title=L("page_municipality"), url_path="gemeente"),
    st.Page("app_pages/vergelijken.py", title=L("page_compare"), url_path="vergelijken"),
    st.Page("app_pages/risico.py", title=L("page_risk"), url_path="risico"),
    st.Page("app_pages/export.py", title=L("page_export"), url_path="export"),
    st.Page("app_pages/gereedheid.py", title=L("readiness_page"), url_path="gereedheid"),
    st.Page("app_pages/planjaren.py", title=L("horizon_page"), url_path="planjaren"),
]
st.navigation(pages).run()
