"""Places in use month by month: the timeline behind the cycle's single peildatum.

The cycle table answers one question (does a place count for the window?). Planners
also ask *when* places come and go: Hardenberg loses its emergency reception in May
2025, Hengelo moves from Havezatenlaan to Hazenweg, Zwolle's temporary locations end in
February 2026. :func:`monthly_places` answers that from the same validated tables, for
the first day of every month, so the app can draw it and a test can check it by hand.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from planner.counting.rules import CycleRules
from planner.data.loader import Dataset

__all__ = ["monthly_places", "TIMELINE_COLUMNS", "timeline_totals"]

#: Columns of :func:`monthly_places`, in order. The first seven are the contract other
#: modules rely on; the rest add detail.
TIMELINE_COLUMNS = [
    "municipality",
    "region",
    "month",
    "places",
    "amv_places",
    "quota",
    "amv_quota",
    "decided_places",
    "credited",
    "amv_credited",
    "in_window",
]


def _months(start: date, end: date) -> pd.DatetimeIndex:
    first = pd.Timestamp(start).to_period("M").to_timestamp()
    last = pd.Timestamp(end).to_period("M").to_timestamp()
    return pd.date_range(first, last, freq="MS")


def _in_use(frame: pd.DataFrame, months: pd.DatetimeIndex) -> np.ndarray:
    """Rows x months: the row's period [start, end) covers the first day of the month.

    The end is exclusive so that a move on the first of a month (Hengelo's TGO ends
    01-09-2026, the regular location starts 01-09-2026) is not counted twice. A start
    that is not a date (``n.n.t.b.``) is not in use: nobody can plan with it. An end
    that is not a date (``onbepaald``, ``n.n.t.b.``, empty) is open: the place is in use
    until someone says otherwise.
    """
    if frame.empty or len(months) == 0:
        return np.zeros((len(frame), len(months)), dtype=bool)
    day = months.to_numpy()[None, :]
    start_known = (frame["start_kind"] == "date").to_numpy()[:, None]
    start = frame["start"].to_numpy(dtype="datetime64[ns]")[:, None]
    end_is_date = (frame["end_kind"] == "date").to_numpy()[:, None]
    end = frame["end"].to_numpy(dtype="datetime64[ns]")[:, None]
    started = start_known & (start <= day)
    running = ~end_is_date | (day < end)
    return started & running


def _per_municipality(
    names: list[str], keys: pd.Series, mask: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Sum of ``weights`` of the rows in use, per municipality (names x months)."""
    out = np.zeros((len(names), mask.shape[1]), dtype=np.int64)
    index = {name: i for i, name in enumerate(names)}
    for row, key in enumerate(keys):
        i = index.get(key)
        if i is not None:
            out[i] += mask[row] * int(weights[row])
    return out


def monthly_places(
    ds: Dataset,
    start: date,
    end: date,
    rules: CycleRules | None = None,
    locations: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Places in use on the first day of every month from ``start`` to ``end``.

    Parameters
    ----------
    ds
        The loaded data.
    start, end
        The first and last month (any day of the month; both included).
    rules
        The cycle whose window ``in_window`` marks; the data's first cycle by default.
    locations
        The locations to use instead of ``ds.locations``, e.g. with a scenario's
        changes applied (:func:`planner.optimise.instance.apply_location_changes`); rows with
        ``closed`` set are left out.

    Returns
    -------
    pandas.DataFrame
        Long form, one row per municipality and month (every municipality of the
        province, every month, zeros included), sorted by region, municipality, month:

        - ``places`` / ``amv_places``: places of locations in use that month, decided
          or not (a soft plan with a known start shows up once it starts);
        - ``decided_places``: of which the administrative decision is taken;
        - ``credited`` / ``amv_credited``: the net credit of agreed or locked swap
          agreements whose period covers the month: ``+`` for ``to_municipality``,
          ``-`` for a ``from_municipality`` inside the province (places hosted outside
          the province, Dronten for Kampen, only add). Proposed swaps are not
          credited. The places a municipality can show are ``places + credited``;
        - ``quota`` / ``amv_quota``: the municipality's quota for the cycle;
        - ``in_window``: the month's first day lies in the cycle window
          [window_start, window_end).

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> tl = monthly_places(load_dataset(), date(2025, 4, 1), date(2025, 6, 1))
    >>> h = tl[tl["municipality"] == "Hardenberg"]
    >>> list(h["places"])  # Jachthuisweg 700 + Loozen 100 until 21-05-2025
    [800, 800, 700]
    """
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    rules = rules or CycleRules.from_row(ds.cycle())
    months = _months(start, end)
    mun = ds.municipalities.sort_values(["region", "name"], kind="stable")
    names = list(mun["name"])

    loc = ds.locations if locations is None else locations
    if "closed" in loc:
        loc = loc[~loc["closed"].fillna(False).astype(bool)]
    loc = loc.reset_index(drop=True)
    use = _in_use(loc, months)
    places = loc["places"].astype(int).to_numpy()
    amv = (loc["target_group"] == "amv").to_numpy()
    decided = loc["decided"].astype(bool).to_numpy()
    p_all = _per_municipality(names, loc["municipality"], use, places)
    p_amv = _per_municipality(names, loc["municipality"], use, places * amv)
    p_dec = _per_municipality(names, loc["municipality"], use, places * decided)

    sw = ds.swaps[ds.swaps["status"].isin(["agreed", "locked"])].reset_index(drop=True)
    sw_use = _in_use(sw, months)
    sw_places = sw["places"].astype(int).to_numpy()
    sw_amv = sw["amv_places"].astype(int).to_numpy()
    credit = _per_municipality(names, sw["to_municipality"], sw_use, sw_places) - (
        _per_municipality(names, sw["from_municipality"], sw_use, sw_places)
    )
    amv_credit = _per_municipality(names, sw["to_municipality"], sw_use, sw_amv) - (
        _per_municipality(names, sw["from_municipality"], sw_use, sw_amv)
    )

    n_m = len(months)
    window = (months >= rules.w0) & (months < rules.w1)
    out = pd.DataFrame(
        {
            "municipality": np.repeat(names, n_m),
            "region": np.repeat(mun["region"].to_numpy(), n_m),
            "month": np.tile(months.to_numpy(), len(names)),
            "places": p_all.ravel(),
            "amv_places": p_amv.ravel(),
            "quota": np.repeat(mun["quota"].astype(int).to_numpy(), n_m),
            "amv_quota": np.repeat(mun["amv_quota"].astype(int).to_numpy(), n_m),
            "decided_places": p_dec.ravel(),
            "credited": credit.ravel(),
            "amv_credited": amv_credit.ravel(),
            "in_window": np.tile(np.asarray(window, dtype=bool), len(names)),
        }
    )
    out["month"] = pd.to_datetime(out["month"])
    return out[TIMELINE_COLUMNS]


def timeline_totals(frame: pd.DataFrame, municipalities: list[str] | None = None) -> pd.DataFrame:
    """The timeline summed over a selection of municipalities (all when ``None``), per month.

    Returns one row per month with ``places``, ``decided_places``, ``with_credits``
    (places + credited), ``quota`` and ``in_window``: what the app's chart draws.
    """
    sel = frame if not municipalities else frame[frame["municipality"].isin(municipalities)]
    sums = sel.groupby("month", sort=True)[
        ["places", "decided_places", "credited", "quota", "amv_places", "amv_quota"]
    ].sum()
    sums["with_credits"] = sums["places"] + sums["credited"]
    sums["in_window"] = sel.groupby("month", sort=True)["in_window"].any()
    return sums.reset_index()
