"""Shared pieces of the Streamlit app: session state, cached library calls, charts, messages.

The pages in ``app_pages/`` read like a description of the screen; the widgets' plumbing
lives here. Nothing here computes a figure: numbers come from :mod:`planner.app.views`,
:mod:`planner.counting.count`, :mod:`planner.counting.timeline` and
:mod:`planner.optimise.solve`. Three rules hold for every page:

- every label goes through :func:`L` (:func:`planner.i18n.t`), so the language switch
  changes all of them;
- no library call can put a traceback into the page: :func:`guard` shows an
  :class:`~planner.errors.InputError` as a table of problems and anything else as one
  line, and logs the traceback on the server;
- no user text is rendered as HTML or markdown: tables show it as cells, and text in a
  message goes through :func:`plain` first.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import altair as alt
import pandas as pd
import streamlit as st

import planner.optimise.matrix  # noqa: F401 - loaded with the app, so the first solve is not slower
from planner.app.views import (
    dataset_hash,
    display_frame,
    format_number,
    issues_table,
    labelled,
    reader_frame,
)
from planner.counting.count import CycleReport, cycle_report
from planner.counting.timeline import monthly_places
from planner.data.loader import Dataset, default_data_dir, load_dataset
from planner.errors import InputError
from planner.i18n import Lang, t
from planner.optimise.solve import SolveResult, solve_scenario
from planner.risk.sweep import RiskResult, run_risk
from planner.scenario.schema import Scenario
from planner.store import NotFoundError, Store, default_url, slugify

log = logging.getLogger("planner.app")

__all__ = [
    "init_state",
    "keep_in_url",
    "keep",
    "locale_chart",
    "lang",
    "label_func",
    "labelled_choice",
    "L",
    "num",
    "local_time",
    "plain",
    "get_store",
    "get_dataset",
    "data_key",
    "report_cached",
    "timeline_cached",
    "solve_cached",
    "solve_timed",
    "scenario_key",
    "pick_scenario",
    "run_risk_shared",
    "guard",
    "show_issues",
    "table",
    "editor_columns",
    "municipality_chart",
    "coverage_map",
    "timeline_chart",
    "difference_chart",
    "risk_histogram",
    "scenarios_dir",
]

#: Session state the app sets up before any page runs (see ``app.py``).
STATE_DEFAULTS: dict[str, Any] = {
    "lang": "nl",
    "author": "",
    "draft_id": None,
    "upload_ds": None,
    "upload_name": None,
    "loc_counts": "all",
}


def init_state() -> None:
    """Defaults for every session key, and what the URL keeps across a reload: the
    draft id (``?draft=``), the language (``?lang=en``) and the author (``?auteur=``).

    A reload starts a new session; without these the page would come back in Dutch
    with an empty author, and saving would then fail.
    """
    fresh = "lang" not in st.session_state
    for key, value in STATE_DEFAULTS.items():
        st.session_state.setdefault(key, value)
    draft = st.query_params.get("draft")
    if draft and st.session_state.draft_id is None:
        st.session_state.draft_id = str(draft)
    if fresh:
        if st.query_params.get("lang") in ("nl", "en"):
            st.session_state.lang = st.query_params["lang"]
        author = st.query_params.get(AUTHOR_PARAM)
        if author:
            st.session_state.author = str(author)[:200]


#: The URL parameter that keeps the author's name across a reload.
AUTHOR_PARAM = "auteur"


def keep_in_url() -> None:
    """Write the language and the author into the URL (only when they changed), so a
    reload or a copied link opens the app as the user left it."""
    wanted = {"lang": st.session_state.get("lang", "nl"), AUTHOR_PARAM: st.session_state.author}
    for key, value in wanted.items():
        if value and st.query_params.get(key) != value:
            st.query_params[key] = value
        elif not value and key in st.query_params:
            del st.query_params[key]


def keep(widget_key: str, key: str) -> None:
    """Copy a widget's value to a session key that outlives page changes."""
    st.session_state[key] = st.session_state[widget_key]


def lang() -> Lang:
    value = st.session_state.get("lang", "nl")
    return "en" if value == "en" else "nl"


def L(key: str) -> str:  # noqa: N802 - reads like a label in the pages
    """The label ``key`` in the session's language."""
    return t(key, lang())


def label_func(prefix: str) -> Any:
    """A ``format_func`` for options shown as labels ``prefix + option``, with the
    language fixed when the widget is drawn (the function may be called later)."""
    current = lang()
    return lambda option: t(f"{prefix}{option}", current)


def labelled_choice(
    where: Any, kind: str, label: str, options: list[str], key: str, prefix: str, **kwargs: Any
) -> str:
    """A selectbox or radio whose options are codes shown as labels (``prefix + code``).

    The browser remembers a choice by its label, so after a language switch it would
    send back a label that no longer exists and Streamlit would fall back to the first
    option (the swap policy silently becoming "none"). So the widget's key includes the
    language, the chosen code lives under ``key`` (set it before the first call), and
    a new widget starts from it when the language changes.
    """
    widget_key = f"{key}__{lang()}"
    st.session_state[widget_key] = st.session_state[key]
    widget = where.selectbox if kind == "selectbox" else where.radio
    widget(
        label,
        options,
        format_func=label_func(prefix),
        key=widget_key,
        on_change=keep,
        args=(widget_key, key),
        **kwargs,
    )
    return st.session_state[key]


def num(value: Any) -> str:
    """A whole number in the session's notation (3.864 / 3,864)."""
    return format_number(value, lang())


#: The users' time zone: times are shown as the clock in the Netherlands reads them.
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local_time(moment: datetime) -> str:
    """A stored time (UTC) as the clock in Amsterdam reads it: ``30-11-2026 05:45``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return f"{moment.astimezone(AMSTERDAM):%d-%m-%Y %H:%M}"


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")


def plain(text: Any) -> str:
    """Text that Streamlit's markdown shows literally: every ASCII punctuation mark
    escaped, so a name like ``**x**`` or ``<b>`` is shown as typed, never rendered."""
    return _MARKDOWN.sub(r"\\\1", str(text))


# --------------------------------------------------------------------------- resources


def scenarios_dir() -> Path:
    """The shipped scenario files (``PLANNER_SCENARIOS`` overrides)."""
    env = os.environ.get("PLANNER_SCENARIOS")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "scenarios"


@st.cache_resource(max_entries=4, show_spinner=False)
def _store(url: str, seed_from: str) -> Store:
    store = Store(url)
    store.prune_drafts()
    try:
        store.seed(seed_from)  # the shipped examples, into an empty database only
    except InputError:
        log.exception("could not import the shipped scenarios")
    return store


def get_store() -> Store:
    """The database of ``PLANNER_DB_URL`` (or the user's SQLite file), one per URL."""
    return _store(default_url(), str(scenarios_dir()))


def _folder_stamp(folder: Path) -> str:
    parts = []
    for path in sorted(folder.glob("*")):
        if path.is_file():
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


@st.cache_resource(max_entries=4, show_spinner=False)
def _bundled(folder: str, stamp: str) -> Dataset:
    del stamp  # part of the key only: a changed file loads again
    return load_dataset(folder)


def get_dataset() -> Dataset:
    """The data of this session: an uploaded locations file if one was accepted,
    else the data folder (``PLANNER_DATA`` or the bundled data)."""
    if st.session_state.get("upload_ds") is not None:
        return st.session_state.upload_ds
    folder = default_data_dir()
    return _bundled(str(folder), _folder_stamp(folder))


def data_key(ds: Dataset) -> str:
    return dataset_hash(ds)


@st.cache_data(max_entries=8, show_spinner=False)
def report_cached(data_hash: str, _ds: Dataset) -> CycleReport:
    """The cycle report of the data (keyed by the data's hash)."""
    return cycle_report(_ds)


@st.cache_data(max_entries=16, show_spinner=False)
def timeline_cached(data_hash: str, start: date, end: date, _ds: Dataset) -> pd.DataFrame:
    """The monthly timeline of the data (keyed by the data's hash and the months)."""
    return monthly_places(_ds, start, end)


@st.cache_data(max_entries=32, show_spinner=False)
def solve_cached(data_hash: str, scenario_json: str, _ds: Dataset) -> SolveResult:
    """Solve a scenario given as its JSON on data with hash ``data_hash``.

    The key is the scenario's full content and the data's hash: a changed input is a
    different key, so a cached result can never be shown for it. The instance stays in
    the cached copy: the explanations (:mod:`planner.results.explain`), the comparison's input
    diff and the full workbook read it (about 80 kB pickled per result).
    """
    return solve_scenario(_ds, Scenario.model_validate_json(scenario_json))


def solve_timed(ds: Dataset, scenario: Scenario) -> tuple[str, SolveResult, float]:
    """Solve through the cache; returns the cache key, the result and the seconds the
    user waited (logged, so the app's solve time can be measured)."""
    scenario_json = scenario.model_dump_json(by_alias=True)
    data_hash = data_key(ds)
    t0 = time.perf_counter()
    result = solve_cached(data_hash, scenario_json, ds)
    seconds = time.perf_counter() - t0
    log.info("solve %r: %s in %.3f s", scenario.name, result.status.value, seconds)
    return f"{data_hash}:{scenario_json}", result, seconds


def scenario_key(ds: Dataset, scenario: Scenario) -> str:
    """The key :func:`solve_timed` gives a scenario on this data."""
    return f"{data_key(ds)}:{scenario.model_dump_json(by_alias=True)}"


#: Session key under which the Scenario page keeps the scenario it has open when it is
#: valid (unsaved edits included), so Export and Risico can work on it without saving it
#: first: ``{"scenario": Scenario, "name": str, "version": int | None, "edited": bool}``.
OPEN_SCENARIO = "sc_current"
_OPEN = "__open__"


def pick_scenario(store: Store, key: str) -> tuple[str, Scenario] | None:
    """Widgets to choose a scenario: the one open on the Scenario page (when the
    session has a valid one) or a saved scenario and one of its versions (newest
    first). Returns a file-name-safe label and the scenario, or None when the store is
    empty. Keys start with ``key``; the version widget's key holds the name, so
    choosing another scenario starts at its newest version."""
    open_now: dict[str, Any] | None = st.session_state.get(OPEN_SCENARIO)
    names = store.list_names()
    options = ([_OPEN] if open_now else []) + names
    if not options:
        st.info(L("store_empty"))
        return None
    if st.session_state.get(key) not in options:
        st.session_state[key] = _OPEN if open_now else ("base" if "base" in names else names[0])
    titles = {v.name: f"{v.name} — {v.title}" for v in store.latest_versions()}
    if open_now:
        version = f" v{open_now['version']}" if open_now.get("version") else ""
        edited = f" ({L('edited')})" if open_now.get("edited") else ""
        titles[_OPEN] = f"{L('open_on_scenario_page')}: {open_now['name']}{version}{edited}"
    c1, c2 = st.columns([3, 1])
    choice = c1.selectbox(L("choose_scenario"), options, format_func=titles.get, key=key)
    if choice == _OPEN:
        stem = slugify(open_now["name"])
        if open_now.get("version"):
            stem += f"-v{open_now['version']}"
        if open_now.get("edited"):
            c2.caption(L("unsaved_edits_included"))
            stem += "-edit"
        return stem, open_now["scenario"]
    history = list(reversed(store.history(choice)))
    labels = {v.version: f"v{v.version} — {v.author}, {local_time(v.created_at)}" for v in history}
    version = c2.selectbox(
        L("choose_version"), list(labels), format_func=labels.get, key=f"{key}_version__{choice}"
    )
    try:
        record = store.load(choice, version)
    except NotFoundError:  # removed between the listing and now
        record = store.load(choice)
    return f"{record.name}-v{record.version}", record.scenario()


#: One risk run at a time in this server: a run that goes serial (one process) solves
#: in a HiGHS instance :mod:`planner.risk.sweep` keeps per process, which two sessions'
#: threads must not share; a run in processes takes every core anyway.
_RISK_LOCK = threading.Lock()


def run_risk_shared(
    ds: Dataset,
    scenario: Scenario,
    draws: int,
    seed: int,
    levels: str,
    progress: Callable[[int, int], None],
    waiting: Callable[[], None],
) -> RiskResult:
    """:func:`planner.risk.sweep.run_risk` on every core, one run at a time in this server;
    ``waiting`` is called first when another session's run is still going."""
    if not _RISK_LOCK.acquire(blocking=False):
        waiting()
        _RISK_LOCK.acquire()
    try:
        return run_risk(ds, scenario, draws=draws, seed=seed, progress=progress, levels=levels)
    finally:
        _RISK_LOCK.release()


# --------------------------------------------------------------------------- messages


def show_issues(exc: InputError, heading_key: str = "problems") -> None:
    """An InputError as a heading and a table of problems (file/table, line/row,
    column/field, value, message, fix): user text stays in cells. Problems in the
    scenario editors name the tab and the column header the user sees."""
    n = len(exc.issues)
    st.error(f"{L(heading_key)} ({n})", icon=":material/error:")
    frame = issues_table(exc.issues, lang())
    editor = frame["file"].isin(["candidates", "location_changes", "register",
                                 "swap_settings", "limits"])  # fmt: skip
    frame.loc[editor, "column"] = [
        None if c is None else _label(str(c)) for c in frame.loc[editor, "column"]
    ]
    frame.loc[editor, "file"] = [L(f"tab_{f}") for f in frame.loc[editor, "file"]]
    table(frame)


@contextmanager
def guard(heading_key: str = "problems") -> Iterator[None]:
    """Run page code so that no exception reaches the page as a traceback; messages
    made by the library come in the session's language."""
    from planner.i18n.errors import LANG

    token = LANG.set(lang())
    try:
        yield
    except InputError as exc:
        show_issues(exc, heading_key)
    except Exception as exc:  # noqa: BLE001 - the page must stay usable
        log.exception("unexpected error in the app")  # the trace goes to the server log
        st.error(f"{L('unexpected_error')}: {plain(type(exc).__name__)}: {plain(str(exc)[:200])}")
    finally:
        LANG.reset(token)


#: Columns of sentences (reasons, notes, sources): shown wide, so a reason is not cut off.
WIDE_COLUMNS = (
    "why", "reason", "note", "rule_why", "override_reason", "source", "message", "fix",
    "place", "amv_place", "near_miss_sites", "condition", "why_not_counting", "solver_message",
)  # fmt: skip


def text_width(column: pd.Series) -> int:
    """Pixels for a column of sentences: wide enough for its longest text (about 7
    pixels a character), at least 200 and at most 900, so a reason is read whole."""
    longest = max((len(str(v)) for v in column.dropna()), default=0)
    return int(min(900, max(200, 7 * longest + 24)))


def table(frame: pd.DataFrame, **kwargs: Any) -> None:
    """A read-only table with labelled columns, numbers and dates in the session's
    notation (1.234 and 11,12 and 01-07-2025 in Dutch) and the columns of sentences
    (``why``, ``reason``, notes) wide. The values underneath stay numbers, so sorting
    a column still sorts by value."""
    current = lang()
    config = {
        t(c, current): st.column_config.TextColumn(t(c, current), width=text_width(frame[c]))
        for c in frame.columns
        if c in WIDE_COLUMNS
    }
    config.update(kwargs.pop("column_config", {}) or {})
    shown = display_frame(labelled(reader_frame(frame, current), current), current)
    st.dataframe(shown, hide_index=True, column_config=config, **kwargs)


# --------------------------------------------------------------------------- editors


def _label(column: str) -> str:
    key = f"ed_{column}"
    text = L(key)
    return text if text != key else L(column)


def editor_columns(table_name: str, ds: Dataset) -> dict[str, Any]:
    """Column configs for an editor table: dropdowns with the data's municipality
    names and location ids, numbers of 0 or more, dates, check boxes."""
    cc = st.column_config
    munis = sorted(ds.municipality_names)
    outside = sorted(set(ds.population["name"]) - set(munis)) if not ds.population.empty else []
    locations = sorted(ds.locations["id"])
    nl = lang() == "nl"
    yes_no = {"yes": "ja" if nl else "yes", "no": "nee" if nl else "no"}
    date_fmt = "DD-MM-YYYY"

    def number(column: str, **kw: Any) -> Any:
        return cc.NumberColumn(_label(column), min_value=0, step=1, **kw)

    configs: dict[str, dict[str, Any]] = {
        "candidates": {
            "id": cc.TextColumn(_label("id"), required=True, validate=r"^[A-Za-z0-9][\w.\-]*$"),
            "kind": cc.SelectboxColumn(
                _label("kind"), options=["new", "extend", "enlarge"], default="new",
                required=True, format_func=label_func("kind_"),
            ),
            "municipality": cc.SelectboxColumn(_label("municipality"), options=munis),
            "location": cc.SelectboxColumn(_label("location"), options=locations),
            "min_places": number("min_places", default=0),
            "max_places": number("max_places"),
            "target_group": cc.SelectboxColumn(
                _label("target_group"), options=["asiel", "amv", "oek"], default="asiel",
                required=True,
            ),
            "programme": cc.SelectboxColumn(
                _label("programme"), options=["asiel", "oek"], default="asiel", required=True
            ),
            "start": cc.DateColumn(_label("start"), format=date_fmt),
            "end": cc.DateColumn(_label("end"), format=date_fmt),
            "cost": cc.NumberColumn(_label("cost"), min_value=0.0, default=1.0, format="%.2f"),
            "must_open": cc.CheckboxColumn(_label("must_open"), default=False),
            "probability": cc.NumberColumn(
                _label("probability"), min_value=0.0, max_value=1.0, format="%.2f"
            ),
            "note": cc.TextColumn(_label("note")),
        },
        "location_changes": {
            "location": cc.SelectboxColumn(_label("location"), options=locations, required=True),
            "places": number("places"),
            "start": cc.DateColumn(_label("start"), format=date_fmt),
            "end": cc.DateColumn(_label("end"), format=date_fmt),
            "end_indefinite": cc.CheckboxColumn(_label("end_indefinite"), default=False),
            "decided": cc.SelectboxColumn(
                _label("decided"), options=["yes", "no"], format_func=yes_no.get
            ),
            "close": cc.CheckboxColumn(_label("close"), default=False),
            "note": cc.TextColumn(_label("note")),
        },
        "register": {
            "id": cc.TextColumn(_label("id"), required=True, validate=r"^[A-Za-z0-9][\w.\-]*$"),
            "from": cc.SelectboxColumn(_label("from"), options=munis + outside, required=True),
            "to": cc.SelectboxColumn(_label("to"), options=munis, required=True),
            "places": number("places", default=0),
            "amv_places": number("amv_places", default=0),
            "start": cc.DateColumn(_label("start"), format=date_fmt),
            "end": cc.DateColumn(_label("end"), format=date_fmt),
            "status": cc.SelectboxColumn(
                _label("status"), options=["proposed", "agreed", "locked"], default="proposed",
                required=True, format_func=label_func("status_"),
            ),
            "condition": cc.TextColumn(_label("condition")),
            "note": cc.TextColumn(_label("note")),
            "counter_programme": cc.SelectboxColumn(_label("counter_programme"), options=["oek"]),
            "counter_places": number("counter_places"),
        },
    }  # fmt: skip
    return configs[table_name]


# --------------------------------------------------------------------------- charts

#: d3's number and time locale for Dutch (as in d3-format / d3-time-format's nl-NL).
NL_NUMBER = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]}
NL_TIME = {
    "dateTime": "%a %e %B %Y %X",
    "date": "%d-%m-%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
    "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
    "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"],
    "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                    "nov", "dec"],
}  # fmt: skip
#: Whole numbers with thousands marks: 6.000 in Dutch, 6,000 in English.
INT = ",d"


def locale_chart(chart: Any) -> Any:
    """The chart with the number and time locale of the session's language in its
    config (Vega-Lite's ``config.locale``): axes read 6.000 and "jan 2025" in Dutch,
    6,000 and "Jan 2025" in English."""
    if lang() != "nl":
        return chart
    return chart.configure(
        locale=alt.Locale(number=alt.NumberLocale(**NL_NUMBER), time=alt.TimeLocale(**NL_TIME))
    )


def municipality_chart(data: pd.DataFrame) -> alt.LayerChart:
    """Per municipality a wide bar to the quota, coloured by the shortfall, and a narrow
    dark bar of the credited places inside it (past it for a surplus)."""
    tooltip = [
        alt.Tooltip("name:N", title=L("municipality")),
        alt.Tooltip("region:N", title=L("region")),
        alt.Tooltip("quota:Q", title=L("quota"), format=INT),
        alt.Tooltip("credited:Q", title=L("credited"), format=INT),
        alt.Tooltip("shortfall:Q", title=L("shortfall"), format=INT),
        alt.Tooltip("coverage_pct:Q", title=L("coverage") + " %", format=INT),
    ]
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", sort=None, title=None, axis=alt.Axis(labelOverlap=False)),
        tooltip=tooltip,
    )
    quota = base.mark_bar(size=16).encode(
        x=alt.X("quota:Q", title=f"{L('quota')} / {L('credited')}", axis=alt.Axis(format=INT)),
        color=alt.Color(
            "shortfall:Q",
            scale=alt.Scale(scheme="reds"),
            title=L("shortfall"),
            legend=alt.Legend(format=INT),
        ),
    )
    credited = base.mark_bar(size=6, color="#1f3b57").encode(x="credited:Q")
    return locale_chart((quota + credited).properties(height=alt.Step(22)))


def coverage_map(
    geo: dict, borders: dict | None = None, labels: pd.DataFrame | None = None
) -> alt.LayerChart:
    """The municipalities coloured by coverage (credited / quota), each with its name,
    and the regions' borders in a colour per region with a legend; from the shipped
    borders only: no map tiles, so it works offline."""
    projection = {"type": "mercator"}
    fill = (
        alt.Chart(alt.Data(values=geo["features"]))
        .mark_geoshape(stroke="white", strokeWidth=0.8)
        .encode(
            color=alt.Color(
                "properties.coverage_pct:Q",
                scale=alt.Scale(scheme="redyellowgreen", domain=[0, 100], clamp=True),
                title=L("coverage") + " %",
                legend=alt.Legend(orient="bottom", format=INT, direction="horizontal"),
            ),
            tooltip=[
                alt.Tooltip("properties.name:N", title=L("municipality")),
                alt.Tooltip("properties.region:N", title=L("region")),
                alt.Tooltip("properties.quota:Q", title=L("quota"), format=INT),
                alt.Tooltip("properties.credited:Q", title=L("credited"), format=INT),
                alt.Tooltip("properties.shortfall:Q", title=L("shortfall"), format=INT),
                alt.Tooltip("properties.coverage_pct:Q", title=L("coverage") + " %", format=INT),
            ],
        )
        .project(**projection)
    )
    layers: list[Any] = [fill]
    if borders is not None and borders.get("features"):
        layers.append(
            alt.Chart(alt.Data(values=borders["features"]))
            .mark_geoshape(filled=False, strokeWidth=2.5)
            .encode(
                stroke=alt.Stroke(
                    "properties.region:N",
                    title=L("region_border"),
                    scale=alt.Scale(range=["#1f3b57", "#8e44ad"]),
                    legend=alt.Legend(orient="bottom", symbolType="stroke", direction="horizontal"),
                )
            )
            .project(**projection)
        )
    if labels is not None and not labels.empty:
        names = alt.Chart(labels).encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
        # a white halo under each name keeps it readable on any colour
        halo = names.mark_text(fontSize=9, stroke="white", strokeWidth=3, strokeOpacity=0.8)
        layers.append(halo.project(**projection))
        layers.append(names.mark_text(fontSize=9, color="#111").project(**projection))
    return locale_chart(
        alt.layer(*layers).resolve_scale(color="independent").properties(height=480)
    )


def timeline_chart(totals: pd.DataFrame) -> alt.LayerChart:
    """Places in use per month (all, decided, with swap credits) against the quota,
    with the cycle window shaded."""
    series = {
        "places": L("tl_places"),
        "decided_places": L("tl_decided"),
        "with_credits": L("tl_with_credits"),
        "quota": L("quota"),
    }
    long = totals.melt(
        id_vars=["month"], value_vars=list(series), var_name="series", value_name="value"
    )
    long["series"] = long["series"].map(series)
    lines = (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=alt.X("month:T", title=L("month"), axis=alt.Axis(format="%b %Y")),
            y=alt.Y("value:Q", title=L("places_in_use"), axis=alt.Axis(format=INT)),
            color=alt.Color("series:N", title=None, sort=list(series.values())),
            strokeDash=alt.condition(
                alt.datum.series == series["quota"], alt.value([6, 4]), alt.value([1, 0])
            ),
            tooltip=[
                alt.Tooltip("month:T", title=L("month"), format="%B %Y"),
                alt.Tooltip("series:N", title=""),
                alt.Tooltip("value:Q", title=L("places_in_use"), format=INT),
            ],
        )
    )
    window = totals[totals["in_window"]]
    if window.empty:
        return locale_chart(alt.layer(lines).properties(height=320))
    band = pd.DataFrame(
        {"start": [window["month"].min()], "end": [window["month"].max()], "label": [L("window")]}
    )
    shade = (
        alt.Chart(band)
        .mark_rect(opacity=0.12, color="steelblue")
        .encode(x="start:T", x2="end:T", tooltip=alt.Tooltip("label:N", title=""))
    )
    return locale_chart(alt.layer(shade, lines).properties(height=320))


def difference_chart(data: pd.DataFrame) -> alt.Chart:
    """Per municipality that moved, the change in credited places and in shortfall
    against the reference scenario, one bar per figure, a panel per other scenario."""
    tooltip = [
        alt.Tooltip("name:N", title=L("municipality")),
        alt.Tooltip("scenario:N", title=L("scenario")),
        alt.Tooltip("measure:N", title=""),
        alt.Tooltip("difference:Q", title=L("difference"), format="+,d"),
    ]
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("name:N", sort=None, title=None, axis=alt.Axis(labelOverlap=False)),
            yOffset=alt.YOffset("measure:N"),
            x=alt.X("difference:Q", title=L("difference_vs_reference"), axis=alt.Axis(format=INT)),
            color=alt.Color(
                "measure:N",
                title=None,
                scale=alt.Scale(range=["#1f3b57", "#c0392b"]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=tooltip,
        )
        .properties(height=alt.Step(14))
    )
    if data["scenario"].nunique() > 1:
        return locale_chart(chart.facet(column=alt.Column("scenario:N", title=None)))
    return locale_chart(chart)


def risk_histogram(samples: pd.DataFrame) -> alt.Chart:
    """How often each provincial shortfall occurred over the draws (a histogram)."""
    chart = (
        alt.Chart(samples[["provincial_shortfall"]])
        .mark_bar(color="#1f3b57")
        .encode(
            x=alt.X(
                "provincial_shortfall:Q",
                bin=alt.Bin(maxbins=30),
                title=L("provincial_shortfall"),
                axis=alt.Axis(format=INT),  # with the Dutch locale: 1.100
            ),
            y=alt.Y("count():Q", title=L("draws"), axis=alt.Axis(format=INT)),
            tooltip=[alt.Tooltip("count():Q", title=L("draws"), format=INT)],
        )
        .properties(height=260)
    )
    return locale_chart(chart)


# --------------------------------------------------------------------------- scenario edit

#: Session keys of the scenario editors and settings widgets.
EDITOR_KEYS = {"candidates": "ed_candidates", "location_changes": "ed_location_changes",
               "register": "ed_register"}  # fmt: skip
SETTING_KEYS = {
    "policy": "sw_policy",
    "max_per_pair": "sw_max_per_pair",
    "max_in_per_municipality": "sw_max_in",
    "amv": "sw_amv",
    "givers": "sw_givers",
    "receivers": "sw_receivers",
}
LIMIT_KEYS = {
    "max_new_locations": "lim_locations",
    "max_new_places": "lim_places",
    "max_cost": "lim_cost",
}


def _plain_value(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy / pandas scalars
        return value.item()
    return value


def open_tables(base: Scenario, tables: dict[str, pd.DataFrame], info: dict[str, Any]) -> None:
    """Put a scenario's tables into the editors and widgets of the Scenario page.

    Must run before those widgets are drawn in a run (the page calls it at the top, or
    sets ``sc_pending`` and reruns): it resets the editors' edit state.
    """
    st.session_state.sc_base = base
    st.session_state.sc_info = dict(info)
    st.session_state.pop("sc_conflict", None)
    st.session_state.pop("sc_restored", None)
    st.session_state.sc_tables = {name: tables[name] for name in EDITOR_KEYS}
    for key in EDITOR_KEYS.values():
        if key in st.session_state:
            del st.session_state[key]
    settings = tables["swap_settings"].iloc[0].to_dict()
    for column, key in SETTING_KEYS.items():
        value = _plain_value(settings.get(column))
        if column in ("givers", "receivers"):
            value = value or []
        st.session_state[key] = value
    limits = tables["limits"].iloc[0].to_dict()
    for column, key in LIMIT_KEYS.items():
        st.session_state[key] = _plain_value(limits.get(column))
    st.session_state.sc_title = info.get("title", base.name)
    st.session_state.sc_description = info.get("description", base.description)


def settings_tables() -> dict[str, pd.DataFrame]:
    """The swap settings and limits widgets as the one-row tables of
    :func:`planner.app.editing.tables_to_scenario`."""
    settings = {column: st.session_state.get(key) for column, key in SETTING_KEYS.items()}
    settings["givers"] = settings["givers"] or None
    settings["receivers"] = settings["receivers"] or None
    limits = {column: st.session_state.get(key) for column, key in LIMIT_KEYS.items()}
    return {
        "swap_settings": pd.DataFrame([settings], dtype=object),
        "limits": pd.DataFrame([limits], dtype=object),
    }
