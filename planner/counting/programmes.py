"""Counting for the three programmes at the regional tables, each by its own rule.

The regional tables (regietafels) plan three tasks side by side: asylum reception incl.
amv (the Spreidingswet quota, counted by the cycle window in :mod:`planner.counting.count`),
reception of Ukrainian displaced persons (OEK, an effort obligation) and housing of status
holders (a legal half-yearly target). How each is counted is data, in
``data/programmes.csv``:

- ``cycle_window`` (asiel): a location counts when it is active through the cycle's window.
- ``realised_at_reference_date`` (oek): the places realised before the reference date as
  the municipality reported them, against the obligation (``target``). The sources give
  the reported total per municipality, not always the locations behind it (one region's
  GOO tables are missing from the source text), so the reported total is the count and the
  locations in ``programme_locations.csv`` are shown beside it as a check.
- ``realisation_against_target`` (statushouders): the status holders housed on the
  reference date against the half-year target including the backlog or lead
  (``target_incl_backlog``): the provincial plan's percentage is realised / that target.

A recorded swap across programmes (``swaps.csv`` with a ``counter_programme``) credits its
counter leg in the other programme: ``counter_places`` hosted in ``to_municipality`` count
for ``from_municipality``, when the swap is agreed or locked and in force on the
programme's reference date. The layout of the result is the asylum report's (quota,
places, swapped in and out, credited, shortfall, surplus, coverage per municipality,
region and province), so every report and export reads the three the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from planner.counting.count import aggregate, cycle_report
from planner.data.loader import Dataset, suggest
from planner.errors import InputError, Issue
from planner.formats import Words, code_words, source_words
from planner.i18n import Lang, t

__all__ = [
    "PROGRAMME_IDS",
    "ProgrammeRules",
    "ProgrammeReport",
    "programme_rules",
    "programme_report",
    "cross_programme_flows",
    "PROGRAMME_LEVEL_COLUMNS",
    "swap_explanation",
    "programme_overview",
    "OVERVIEW_COLUMNS",
]

PROGRAMME_IDS = ("asiel", "oek", "statushouders")

#: The columns of a municipality, region and province row of every programme's table.
PROGRAMME_LEVEL_COLUMNS = [
    "quota",
    "places",
    "swapped_in",
    "swapped_out",
    "credited",
    "shortfall",
    "surplus",
    "coverage",
]

#: The columns of a region row (and, without ``region``, of the province).
LEVEL_KEYS = [
    "region",
    "quota",
    "places",
    "credited",
    "shortfall",
    "municipal_shortfall",
    "surplus",
    "coverage",
]

#: Extra columns per programme, summed at region and province level.
EXTRA_COLUMNS: dict[str, list[str]] = {
    "oek": ["private_reception", "located_places", "planned_places"],
    "statushouders": ["target", "kso_amv_places", "transit_places"],
}

_CREDITED = ("agreed", "locked")

#: Used when a data folder has no programmes.csv: the rules of data/programmes.csv.
_DEFAULT_RULES = {
    "asiel": ("cycle_window", "cycle-1", None, "quota"),
    "oek": ("realised_at_reference_date", "2025-01-01", date(2025, 1, 1), "target"),
    "statushouders": (
        "realisation_against_target",
        "2024-II",
        date(2024, 9, 15),
        "target_incl_backlog",
    ),
}


@dataclass(frozen=True)
class ProgrammeRules:
    """How one programme is counted (a row of ``programmes.csv``).

    Attributes
    ----------
    id
        ``asiel``, ``oek`` or ``statushouders``.
    counting
        ``cycle_window``, ``realised_at_reference_date`` or ``realisation_against_target``.
    period
        The period of the targets reported (``2025-01-01``, ``2024-II``; the cycle id for
        asylum).
    reference_date
        The date the realisation was measured (peildatum); swaps count when in force then.
    quota_column
        Which target is the quota: ``target`` or ``target_incl_backlog``.
    """

    id: str
    counting: str
    period: str
    reference_date: date | None
    quota_column: str
    source: str = ""


def programme_rules(ds: Dataset, programme: str, period: str | None = None) -> ProgrammeRules:
    """The counting rule of ``programme`` from the data (another ``period`` if given)."""
    if programme not in PROGRAMME_IDS:
        raise InputError(
            [
                Issue(
                    "programmes.csv",
                    Words("dl_unknown_ref", what=Words("dl_what_programme"), value=programme),
                    Words("pyd_literal_fix", options=", ".join(PROGRAMME_IDS)),
                )
            ],
            Words("pg_title_unknown"),
        )
    table = ds.programmes
    if len(table) and programme in set(table["id"]):
        # the first row of the programme, read as a dict
        row = table.iloc[table["id"].tolist().index(programme)].to_dict()
        ref = row["reference_date"]
        rules = ProgrammeRules(
            id=programme,
            counting=str(row["counting"]),
            period=str(row["period"]),
            reference_date=None if pd.isna(ref) else ref.date(),
            quota_column=str(row["quota_column"]),
            source=str(row["source"]),
        )
    else:
        counting, per, ref, col = _DEFAULT_RULES[programme]
        rules = ProgrammeRules(programme, counting, per, ref, col, "built-in default")
    if period is not None and period != rules.period:
        rules = ProgrammeRules(
            rules.id, rules.counting, period, _period_reference(ds, programme, period),
            rules.quota_column, rules.source,
        )  # fmt: skip
    return rules


def _period_reference(ds: Dataset, programme: str, period: str) -> date | None:
    tg = ds.programme_targets
    if not len(tg):
        return None
    rows = tg[(tg["programme"] == programme) & (tg["period"] == period)]
    dates = rows["reference_date"].dropna()
    return dates.max().date() if len(dates) else None


@dataclass
class ProgrammeReport:
    """One programme's table: per municipality, region and province, with its evidence.

    ``municipalities`` has the columns of the asylum report (code, name, region,
    province, quota, places, swapped in/out, credited, shortfall, surplus, coverage) and
    the programme's own (:data:`EXTRA_COLUMNS`); ``regions`` and ``total`` the same
    summed (``shortfall`` there is the level's quota minus its credited places,
    ``municipal_shortfall`` the sum of its municipalities' shortfalls). ``locations``
    lists the programme's locations with ``in_use`` on the reference date; ``swaps`` the
    cross-programme agreements with ``counts`` for this programme; ``missing`` the
    municipalities without a target row for the period.
    """

    rules: ProgrammeRules
    municipalities: pd.DataFrame
    regions: pd.DataFrame
    total: pd.Series
    locations: pd.DataFrame
    swaps: pd.DataFrame
    missing: list[str]


def _in_force(start: pd.Timestamp, end: pd.Timestamp, end_kind: str, day: pd.Timestamp) -> bool:
    if pd.notna(start) and start > day:
        return False
    # An open or unknown end: in force (a swap has no minimum duration to meet here).
    if end_kind != "date" or pd.isna(end):
        return True
    return bool(end >= day)


def cross_programme_flows(
    swaps: pd.DataFrame, programme: str, reference: date | None
) -> pd.DataFrame:
    """The swaps' legs in ``programme`` with whether each counts on ``reference``.

    For the asylum leg of a swap the places are ``places``, hosted in
    ``from_municipality`` and credited to ``to_municipality``; for its counter leg in
    ``counter_programme`` the places are ``counter_places``, hosted in
    ``to_municipality`` and credited to ``from_municipality``. Only the counter legs in
    ``programme`` are returned: the asylum legs are the cycle count's.
    """
    cols = ["id", "from", "to", "places", "status", "start", "counts", "why", "source"]
    if not len(swaps) or "counter_programme" not in swaps:
        return pd.DataFrame(columns=cols)
    sw = swaps[swaps["counter_programme"] == programme]
    day = pd.Timestamp(reference) if reference is not None else None
    rows = []
    for _, s in sw.iterrows():
        why = []
        if s["status"] not in _CREDITED:
            why.append(Words("pg_why_status", status=code_words(s["status"])))
        if day is None:
            why.append(Words("pg_why_no_reference"))
        elif not _in_force(s["start"], s["end"], str(s["end_kind"]), day):
            why.append(Words("pg_why_not_in_force", day=day, start=s["start_text"] or "-"))
        rows.append(
            {
                "id": s["id"],
                "from": s["to_municipality"],
                "to": s["from_municipality"],
                "places": int(s["counter_places"]) if pd.notna(s["counter_places"]) else 0,
                "status": s["status"],
                "start": s["start_text"],
                "counts": not why,
                "why": Words("why_list", parts=why) if why else "",
                "source": s["source"],
            }
        )
    return pd.DataFrame(rows, columns=cols)


def _locations(ds: Dataset, programme: str, reference: date | None) -> pd.DataFrame:
    pl = ds.programme_locations
    wanted = {"oek": ("oek",), "statushouders": ("doorstroom", "kso", "statushouders")}
    if not len(pl):
        return pd.DataFrame(columns=["id", "municipality", "name", "places", "in_use"])
    sub = pl[pl["programme"].isin(wanted.get(programme, ()))].copy()
    if reference is None:
        sub["in_use"] = False
        return sub
    day = pd.Timestamp(reference)
    in_use = []
    for _, r in sub.iterrows():
        started = r["start_kind"] == "date" and r["start"] < day
        ended = r["end_kind"] == "date" and r["end"] < day
        in_use.append(bool(started and not ended and r["status"] == "existing"))
    sub["in_use"] = np.array(in_use, dtype=bool)
    return sub


def programme_report(ds: Dataset, programme: str, period: str | None = None) -> ProgrammeReport:
    """The table of ``oek`` or ``statushouders`` per municipality, region and province.

    Parameters
    ----------
    ds
        A loaded dataset with ``programme_targets.csv``.
    programme
        ``oek`` or ``statushouders`` (asylum is :func:`planner.counting.count.cycle_report`).
    period
        The period of the targets (default: the programme's period in programmes.csv).

    Raises
    ------
    InputError
        When the data hold no targets for the programme and period.

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> rep = programme_report(load_dataset(), "oek")
    >>> int(rep.total["quota"]), int(rep.total["credited"])
    (9781, 7603)
    """
    rules = programme_rules(ds, programme, period)
    if rules.counting == "cycle_window":
        raise InputError(
            [
                Issue(
                    "programmes.csv",
                    Words("pg_by_window", programme=programme),
                    Words("pg_by_window_fix"),
                )
            ],
            Words("pg_title_not_target"),
        )
    tg = ds.programme_targets
    rows = (
        tg[(tg["programme"] == programme) & (tg["period"] == rules.period)]
        if len(tg)
        else pd.DataFrame()
    )
    if rows.empty:
        raise InputError(
            [
                Issue(
                    "programme_targets.csv",
                    Words("pg_no_targets", programme=programme, period=str(rules.period)),
                    Words("pg_no_targets_fix"),
                )
            ],
            Words("pg_title_no_targets"),
        )
    by_name = {r["municipality"]: r for _, r in rows.iterrows()}
    names = ds.municipality_names
    missing = [n for n in names if n not in by_name]

    def value(name: str, col: str) -> int:
        r = by_name.get(name)
        if r is None or col not in r or pd.isna(r[col]):
            return 0
        return int(r[col])

    quota_col = rules.quota_column
    muni = ds.municipalities[["code", "name", "region", "province"]].copy()
    muni["quota"] = [value(n, quota_col) for n in names]
    muni["amv_quota"] = 0
    own = pd.DataFrame(
        {
            "places": [value(n, "realised") for n in names],
            "amv_places": 0,
        },
        index=pd.Index(names, dtype=object),
    )
    flows = cross_programme_flows(ds.swaps, programme, rules.reference_date)
    counted = flows[flows["counts"].astype(bool)] if len(flows) else flows
    flow_frame = pd.DataFrame(
        {
            "from": counted["from"].to_numpy() if len(counted) else [],
            "to": counted["to"].to_numpy() if len(counted) else [],
            "places": counted["places"].astype(int).to_numpy() if len(counted) else [],
            "amv_places": np.zeros(len(counted), dtype=int),
        }
    )
    municipal, regions, total = aggregate(muni, own, flow_frame)
    locs = _locations(ds, programme, rules.reference_date)
    extras = _extras(programme, municipal["name"].tolist(), by_name, locs, rules)
    for col, values in extras.items():
        municipal[col] = pd.Series(values, dtype=object)
    keep = ["code", "name", "region", "province", *PROGRAMME_LEVEL_COLUMNS]
    municipal = municipal[keep + list(extras)]
    level_cols = [c for c in LEVEL_KEYS if c != "region"]
    regions = _with_extras(regions[LEVEL_KEYS], municipal, "region", list(extras))
    total = pd.concat(
        [
            total[level_cols],
            pd.Series({c: _sum(municipal[c]) for c in extras}, dtype=object),
        ]
    )
    return ProgrammeReport(rules, municipal, regions, total, locs, flows, missing)


def _sum(values: pd.Series) -> int | None:
    present = [v for v in values.tolist() if v is not None and not pd.isna(v)]
    return int(sum(present)) if present else None


def _with_extras(
    regions: pd.DataFrame, municipal: pd.DataFrame, key: str, extras: list[str]
) -> pd.DataFrame:
    out = regions.copy()
    for col in extras:
        out[col] = pd.Series(
            [_sum(municipal.loc[municipal[key] == r, col]) for r in out[key]], dtype=object
        )
    return out


def _extras(
    programme: str,
    names: list[str],
    by_name: dict[str, pd.Series],
    locs: pd.DataFrame,
    rules: ProgrammeRules,
) -> dict[str, list[int | None]]:
    def col(name: str, column: str) -> int | None:
        r = by_name.get(name)
        if r is None or column not in r or pd.isna(r[column]):
            return None
        return int(r[column])

    if programme == "oek":
        located: dict[str, int] = {}
        planned: dict[str, int] = {}
        for _, r in locs.iterrows():
            places = 0 if pd.isna(r["places"]) else int(r["places"])
            if r["in_use"]:
                located[r["municipality"]] = located.get(r["municipality"], 0) + places
            elif r["status"] == "planned":
                planned[r["municipality"]] = planned.get(r["municipality"], 0) + places
        with_locations = (
            set(locs.loc[locs["status"] == "existing", "municipality"]) if len(locs) else set()
        )
        return {
            "private_reception": [col(n, "private_reception") for n in names],
            "located_places": [located.get(n, 0) if n in with_locations else None for n in names],
            "planned_places": [planned.get(n, 0) for n in names],
        }
    if programme == "statushouders":
        return {
            "target": [col(n, "target") for n in names],
            "kso_amv_places": [col(n, "kso_amv_places") for n in names],
            "transit_places": [col(n, "transit_places") for n in names],
        }
    return {}


def swap_explanation(
    to: str, host: str, places: int, programme: str, counter_places: float, counter: str,
    lang: Lang = "nl",
) -> str:  # fmt: skip
    """One sentence naming both programmes of a swap across programmes: ``places`` of
    ``programme`` hosted in ``host`` count for ``to``, which hosts ``counter_places`` of
    ``counter`` for ``host`` in return.

    >>> swap_explanation("Bee", "Aa", 83, "asiel", 83, "oek")
    'Bee telt 83 asielplekken in Aa, in ruil voor 83 plekken voor Oekraïense ontheemden in Bee'
    """
    counter_text = (
        f"{counter_places:g}" if isinstance(counter_places, float) else str(counter_places)
    )
    return t(
        "cross_swap_explanation",
        lang,
        to=to,
        host=host,
        places=places,
        programme_plural=t(f"places_plural_{programme}", lang),
        counter_places=counter_text,
        counter_plural=t(f"places_plural_{counter}", lang),
    )


#: The columns of :func:`programme_overview`, as keys of the label catalogue.
OVERVIEW_COLUMNS = [
    "programme",
    "overview_task",
    "overview_when",
    "quota",
    "overview_realised",
    "credited",
    "shortfall",
    "coverage",
    "source",
]


def programme_overview(ds: Dataset, municipality: str, lang: Lang = "nl") -> pd.DataFrame:
    """The three tasks of one municipality side by side, each by its own counting rule,
    with its source: the municipality page's overview (issue 12; seed 004 and 001
    section 4 give every municipality these three tasks).

    One row per programme (asylum for the data's first cycle, OEK and status holders
    for their periods in ``programmes.csv``): what the task is (quota, effort obligation,
    target incl. backlog), when it is counted, the task, what was realised, what is
    credited after swaps, the shortfall, the coverage (credited / task) and the source
    of the task. A programme without a target row for the municipality has empty
    figures and says so in the source column.

    Parameters
    ----------
    ds
        The loaded data.
    municipality
        A name from ``municipalities.csv``.
    lang
        ``nl`` or ``en``: the column headers and words.

    Raises
    ------
    InputError
        When the municipality is not in the data (with the nearest names).

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> df = programme_overview(load_dataset(), "Deventer", "en")
    >>> df[["Programme", "Quota", "Shortfall"]].values.tolist()
    [['Asylum', 529, 0], ['Ukraine', 647, 69], ['Status holders', 161, 145]]
    """
    names = ds.municipality_names
    if municipality not in names:
        hint = suggest(municipality, names)
        raise InputError(
            [
                Issue(
                    "municipalities.csv",
                    f"unknown municipality {municipality!r}",
                    (hint + " " if hint else "") + "use a name from data/municipalities.csv",
                    column="name",
                    value=municipality,
                )
            ],
            "Unknown municipality",
        )
    rows: list[dict[str, object]] = []
    asylum = cycle_report(ds)
    m = asylum.municipalities.set_index("name").loc[municipality]
    src = ds.municipalities.set_index("name")
    asylum_source = str(src.at[municipality, "source"]) if "source" in src else ""
    rows.append(
        {
            "programme": t("programme_short_asiel", lang),
            "overview_task": t("overview_task_asiel", lang),
            "overview_when": f"{asylum.rules.id} ({asylum.rules.window_start:%d-%m-%Y} - "
            f"{asylum.rules.window_end:%d-%m-%Y})",
            "quota": int(m["quota"]),
            "overview_realised": int(m["places"]),
            "credited": int(m["credited"]),
            "shortfall": int(m["shortfall"]),
            "coverage": _share(m["credited"], m["quota"]),
            "source": asylum_source,
        }
    )
    for programme in ("oek", "statushouders"):
        rules = programme_rules(ds, programme)
        when = rules.period + (
            f" ({t('programme_reference_date', lang)} {rules.reference_date:%d-%m-%Y})"
            if rules.reference_date
            else ""
        )
        row: dict[str, object] = {
            "programme": t(f"programme_short_{programme}", lang),
            "overview_task": t(f"overview_task_{programme}", lang),
            "overview_when": when,
        }
        try:
            rep = programme_report(ds, programme)
        except InputError:
            rep = None
        if rep is None or municipality in rep.missing:
            row.update({k: None for k in ("quota", "overview_realised", "credited", "shortfall",
                                          "coverage")})  # fmt: skip
            row["source"] = t("programme_missing", lang) + " " + municipality
        else:
            r = rep.municipalities.set_index("name").loc[municipality]
            tg = ds.programme_targets
            hit = tg[(tg["programme"] == programme) & (tg["period"] == rules.period)
                     & (tg["municipality"] == municipality)]  # fmt: skip
            row.update(
                {
                    "quota": int(r["quota"]),
                    "overview_realised": int(r["places"]),
                    "credited": int(r["credited"]),
                    "shortfall": int(r["shortfall"]),
                    "coverage": _share(r["credited"], r["quota"]),
                    "source": str(hit["source"].iloc[0]) if len(hit) else "",
                }
            )
        rows.append(row)
    frame = pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)
    for col in ("quota", "overview_realised", "credited", "shortfall"):
        frame[col] = frame[col].astype("Int64")
    frame["source"] = [source_words(s, lang) for s in frame["source"]]
    return frame.rename(columns={c: t(c, lang) for c in OVERVIEW_COLUMNS})


def _share(credited: object, quota: object) -> float | None:
    """Credited / task, None without a task (a quota of 0 is met by nothing)."""
    q = 0 if pd.isna(quota) else int(quota)
    return None if q == 0 else round(int(credited) / q, 4)
