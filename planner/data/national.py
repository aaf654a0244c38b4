"""A synthetic country: all municipalities in provinces and regions, for benchmarks.

The ministry and the national coordination table look at every municipality at once.
The national per-municipality quota list and the national location lists are not in the
open data this package ships, so this module *generates* a realistic instance of that
size, deterministically from a seed, in exactly the format of ``data/``: the loader, the
counting rules and the model read it unchanged (``planner solve national.yaml --data
DIR``). It proves that nothing in the pipeline depends on one province.

What is real and what is made up:

- **Real** (CBS open data in ``data/``): the municipalities, their codes, names and
  population on 1 January 2024 (``cbs_gemeenten_2024.csv``) and which municipalities
  share a border (``adjacency_2024.csv``).
- **Synthetic**: everything else. Province membership is not in the shipped data, so
  the municipalities are grouped into ``provinces`` contiguous synthetic provinces by
  seeded region growing on the adjacency graph, balanced by population (the smallest
  province takes the neighbouring municipality it shares most borders with), and each
  province into 2-4 contiguous regions the same way. The adjacency graph has three
  components (the mainland and two groups of Wadden islands without a land border);
  an island group joins, whole, the province (and region) with the smallest
  population. Quotas are proportional to population and sum exactly to the national
  need (largest-remainder rounding), amv quotas likewise to ``amv_share`` of it.
  Locations, soft plans, swap agreements and candidates are drawn around the cycle's
  window (taken from the bundled ``cycles.csv``) so that some count and some do not,
  for every reason the counting rules know.

Every generated row says so in its ``source`` column.

Examples
--------
>>> c = generate_country(seed=1, municipalities=40, provinces=3)
>>> len(c.municipalities), c.municipalities["province"].nunique()
(40, 3)
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import yaml

from planner.data.loader import default_data_dir, read_table
from planner.errors import InputError, Issue, replacing, writing_to
from planner.formats import Words
from planner.i18n.errors import say

__all__ = [
    "Country",
    "generate_country",
    "write_country",
    "NATIONAL_NEED",
    "AMV_SHARE",
    "SCENARIO_FILE",
]

#: The national need the Spreidingswet splits over provinces (places).
NATIONAL_NEED = 96_000
#: Share of the need suitable for unaccompanied minors (amv), about 8.5%.
AMV_SHARE = 0.085
#: Name of the scenario file written beside the data.
SCENARIO_FILE = "national.yaml"
#: Places per location on average, so that the whole country has about 2,400
#: locations and soft plans and about 600 candidates (some 3,000 together).
PLACES_PER_LOCATION = 38

_LOC_COLUMNS = [
    "id", "municipality", "name", "places", "places_max", "target_group", "type",
    "operator", "start", "end", "end_unknown", "decided", "status", "source", "note",
]  # fmt: skip
_SOFT_COLUMNS = [
    "id", "municipality", "places", "places_max", "target_group", "start", "end",
    "decided", "location_id", "source", "note",
]  # fmt: skip
_SWAP_COLUMNS = [
    "id", "from_municipality", "to_municipality", "places", "amv_places", "start", "end",
    "status", "condition_municipality", "condition_places", "condition_date",
    "counter_programme", "counter_places", "source", "note",
]  # fmt: skip


@dataclass
class Country:
    """A generated country: the tables of a data folder and a scenario.

    ``tables`` maps a file name (``municipalities.csv`` ...) to its rows; ``scenario``
    is the scenario file's content. ``graph`` is the adjacency graph over the
    municipality codes used (the islands as separate components).
    """

    seed: int
    municipalities: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    scenario: dict
    graph: nx.Graph = field(repr=False)

    @property
    def provinces(self) -> dict[str, list[str]]:
        """Province name -> codes of its municipalities."""
        m = self.municipalities
        return {p: sorted(g["code"]) for p, g in m.groupby("province", sort=True)}


# --------------------------------------------------------------------------- geography


def _graph(codes: list[str], adjacency: pd.DataFrame) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(sorted(codes))
    keep = set(codes)
    for a, b in zip(adjacency["gm_code_a"], adjacency["gm_code_b"], strict=True):
        if a in keep and b in keep:
            g.add_edge(a, b)
    return g


def _grow(
    g: nx.Graph, nodes: list[str], k: int, weight: dict[str, int], rng: np.random.Generator
) -> dict[str, int]:
    """Split the connected node set into ``k`` contiguous parts of similar weight.

    Seeds are spread out (each next seed is the node farthest, in steps, from the seeds
    so far); then the lightest part that still has unassigned neighbours takes the one
    it shares most edges with (ties: lowest code). Every part stays connected because it
    only ever grows by a neighbour.
    """
    sub = g.subgraph(nodes)
    order = sorted(nodes)
    seeds = [order[int(rng.integers(len(order)))]]
    dist = nx.single_source_shortest_path_length(sub, seeds[0])
    while len(seeds) < k:
        far = max(order, key=lambda n: (dist.get(n, 0), -order.index(n)))
        seeds.append(far)
        new = nx.single_source_shortest_path_length(sub, far)
        dist = {n: min(dist.get(n, 0), new.get(n, 0)) for n in order}
    part = {s: i for i, s in enumerate(seeds)}
    load = [weight[s] for s in seeds]
    while len(part) < len(order):
        frontiers: dict[int, dict[str, int]] = {i: {} for i in range(k)}
        for n, i in part.items():
            for nb in sub.neighbors(n):
                if nb not in part:
                    frontiers[i][nb] = frontiers[i].get(nb, 0) + 1
        growing = [i for i in range(k) if frontiers[i]]
        i = min(growing, key=lambda j: (load[j], j))
        pick = min(frontiers[i], key=lambda n: (-frontiers[i][n], n))
        part[pick] = i
        load[i] += weight[pick]
    return part


def _partition(
    g: nx.Graph, k: int, weight: dict[str, int], rng: np.random.Generator
) -> dict[str, int]:
    """Contiguous parts of the largest component; smaller components (islands) join,
    whole, the lightest part."""
    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    main = sorted(comps[0])
    if len(main) < k:
        raise ValueError(f"cannot split {len(main)} connected municipalities into {k} parts")
    part = _grow(g, main, k, weight, rng)
    load = [0] * k
    for n, i in part.items():
        load[i] += weight[n]
    for comp in comps[1:]:
        i = min(range(k), key=lambda j: (load[j], j))
        for n in sorted(comp):
            part[n] = i
            load[i] += weight[n]
    return part


def _largest_remainder(weights: np.ndarray, total: int) -> np.ndarray:
    """Whole numbers proportional to ``weights`` that sum exactly to ``total``.

    >>> _largest_remainder(np.array([1, 1, 1]), 10).tolist()
    [4, 3, 3]
    """
    w = np.asarray(weights, dtype=float)
    exact = w / w.sum() * total
    out = np.floor(exact).astype(int)
    short = total - int(out.sum())
    # Largest remainders first; ties by position, so the result is deterministic.
    order = sorted(range(len(w)), key=lambda i: (-(exact[i] - out[i]), i))
    for i in order[:short]:
        out[i] += 1
    return out


def _subset(g: nx.Graph, n: int, rng: np.random.Generator) -> list[str]:
    """``n`` connected municipalities: breadth-first from a seeded start on the mainland."""
    main = sorted(max(nx.connected_components(g), key=len))
    start = main[int(rng.integers(len(main)))]
    seen = [start]
    queue = [start]
    while queue and len(seen) < n:
        node = queue.pop(0)
        for nb in sorted(g.neighbors(node)):
            if nb not in seen and len(seen) < n:
                seen.append(nb)
                queue.append(nb)
    return sorted(seen)


# --------------------------------------------------------------------------- generation


def _d(day: date) -> str:
    return day.isoformat()


def _day(rng: np.random.Generator, lo: date, hi: date) -> date:
    return lo + timedelta(days=int(rng.integers(0, (hi - lo).days + 1)))


def generate_country(
    seed: int = 1,
    municipalities: int | None = None,
    provinces: int = 12,
    need: int | None = None,
    amv_share: float = AMV_SHARE,
    data_dir: Path | str | None = None,
) -> Country:
    """Generate a synthetic country (see the module docstring for what is real).

    Parameters
    ----------
    seed
        Everything follows from it: the same seed gives the same tables, byte for byte.
    municipalities
        Use only this many connected municipalities (for tests); all by default.
    provinces
        Number of synthetic provinces (12, as the country has).
    need
        Total quota; by default 96,000 for the whole country and the population share
        of it for a subset.
    amv_share
        Share of the quota for unaccompanied minors.
    data_dir
        Where ``cbs_gemeenten_2024.csv``, ``adjacency_2024.csv`` and ``cycles.csv``
        are (default: the bundled data).

    Raises
    ------
    InputError
        When a parameter is out of range or a needed file is missing.
    """
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    issues = []
    for name in ("cbs_gemeenten_2024.csv", "adjacency_2024.csv", "cycles.csv"):
        if not (folder / name).exists():
            issues.append(
                Issue(str(folder / name), Words("dl_file_not_found"), Words("na_bundled_fix"))
            )
    if issues:
        raise InputError(issues, Words("na_title"))
    pop, _, pop_issues = read_table(folder / "cbs_gemeenten_2024.csv", "population")
    cycles, _, cyc_issues = read_table(folder / "cycles.csv", "cycles")
    _, _, adj_issues = read_table(folder / "adjacency_2024.csv", "adjacency")
    if pop_issues or cyc_issues or adj_issues:
        raise InputError(pop_issues + cyc_issues + adj_issues, Words("na_title"))
    # Validated above; kept as text so the generated folder holds the cells as given.
    adjacency = pd.read_csv(folder / "adjacency_2024.csv", dtype=str, keep_default_na=False)
    n_all = len(pop)
    n = n_all if municipalities is None else int(municipalities)
    bad = []
    # Each bound is stated for what the user can change: the provinces against the
    # whole country, the municipalities against the provinces they must fill (a
    # province needs at least one municipality), never "use 1 to 0".
    if not 1 <= provinces <= n_all:
        bad.append(Issue("national", say("provinces_range", lo=1, hi=n_all, value=provinces),
                         "", column="provinces"))  # fmt: skip
    elif not provinces <= n <= n_all:
        bad.append(Issue("national", say("municipalities_range", lo=provinces, hi=n_all,
                                         value=n),
                         "", column="municipalities"))  # fmt: skip
    if not 0 <= amv_share <= 1:
        bad.append(Issue("national", Words("na_amv_share", value=str(amv_share)),
                         Words("na_amv_share_fix"), column="amv_share"))  # fmt: skip
    if bad:
        raise InputError(bad, Words("na_title"))

    rng = np.random.default_rng(np.random.SeedSequence(seed))
    full = _graph(list(pop["code"]), adjacency)
    codes = sorted(pop["code"]) if n == n_all else _subset(full, n, rng)
    g = _graph(codes, adjacency)
    people = dict(zip(pop["code"], pop["population_2024"].astype(int), strict=True))
    names = dict(zip(pop["code"], pop["name"], strict=True))

    prov_of = _partition(g, provinces, people, rng)
    width = len(str(provinces))
    prov_name = {i: f"Provincie {i + 1:0{width}d}" for i in range(provinces)}
    region_of: dict[str, str] = {}
    for i in range(provinces):
        members = [c for c in codes if prov_of[c] == i]
        k = int(min(rng.integers(2, 5), max(1, len(members) // 2)))
        sub = g.subgraph(members)
        parts = _partition(sub, min(k, len(max(nx.connected_components(sub), key=len))),
                           people, rng)  # fmt: skip
        for c in members:
            region_of[c] = f"Regio {i + 1:0{width}d}-{parts[c] + 1}"

    total_people = sum(people.values())
    if need is None:
        share = sum(people[c] for c in codes) / total_people
        need = NATIONAL_NEED if n == n_all else int(round(NATIONAL_NEED * share))
    weights = np.array([people[c] for c in codes], dtype=float)
    quota = _largest_remainder(weights, need)
    amv_quota = np.minimum(_largest_remainder(quota.astype(float), round(need * amv_share)), quota)
    src = f"synthetic (planner national --seed {seed})"
    mun = pd.DataFrame(
        {
            "code": codes,
            "name": [names[c] for c in codes],
            "region": [region_of[c] for c in codes],
            "province": [prov_name[prov_of[c]] for c in codes],
            "quota": quota,
            "amv_quota": amv_quota,
            "source": src,
        }
    )

    cyc = cycles.iloc[0]
    w0: date = cyc["window_start"].date()
    w1: date = cyc["window_end"].date()
    locations, soft, candidates, swaps = _places(mun, w0, w1, rng, src)
    cycle_row = {
        "id": cyc["id"],
        "name": cyc["name"],
        "window_start": _d(w0),
        "window_end": _d(w1),
        "require_decision": "yes" if cyc["require_decision"] else "no",
        "soft_plans_count": "yes" if cyc["soft_plans_count"] else "no",
        "source": cyc["source"],
    }
    used = set(codes)
    pop_rows = pop[["code", "name", "population_2024"]]
    adj = adjacency[adjacency["gm_code_a"].isin(used) & adjacency["gm_code_b"].isin(used)]
    tables = {
        "municipalities.csv": mun,
        "locations.csv": pd.DataFrame(locations, columns=_LOC_COLUMNS),
        "soft_plans.csv": pd.DataFrame(soft, columns=_SOFT_COLUMNS),
        "swaps.csv": pd.DataFrame(swaps, columns=_SWAP_COLUMNS),
        "overrides.csv": pd.DataFrame(
            columns=["id", "target", "target_id", "counts", "reason", "source"]
        ),
        "cycles.csv": pd.DataFrame([cycle_row]),
        "cbs_gemeenten_2024.csv": pop_rows,
        "adjacency_2024.csv": adj,
    }
    scenario = {
        "name": f"Nationaal synthetisch (seed {seed})",
        "description": (
            f"Synthetic instance of {len(codes)} municipalities in {provinces} provinces "
            f"(planner national --seed {seed}). Swaps within each province; the soft "
            "plans and new sites are candidates, each with an assumed probability of "
            "being realised in time."
        ),
        "swaps": {"policy": "province"},
        "candidates": candidates,
        "solver": {"time_limit": 120},
    }
    return Country(seed=seed, municipalities=mun, tables=tables, scenario=scenario, graph=g)


def _places(
    mun: pd.DataFrame, w0: date, w1: date, rng: np.random.Generator, src: str
) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    """Locations, soft plans, candidates and swap agreements per municipality.

    Coverage per municipality is drawn from three groups (some host a surplus, most
    are partly covered, some hardly), so that the provinces are short overall and
    swaps and candidates have something to do.
    """
    locations: list[dict] = []
    soft: list[dict] = []
    candidates: list[dict] = []
    givers: dict[str, list[str]] = {}
    takers: dict[str, list[str]] = {}
    early, late = date(2019, 1, 1), w0 - timedelta(days=1)
    for code, name, province, quota, amv_quota in zip(
        mun["code"], mun["name"], mun["province"], mun["quota"], mun["amv_quota"], strict=True
    ):
        slug = code.lower()
        group = rng.random()
        cover = (
            rng.uniform(1.2, 2.2) if group < 0.2
            else rng.uniform(0.6, 1.2) if group < 0.85
            else rng.uniform(0.0, 0.4)
        )  # fmt: skip
        target = int(round(cover * quota))
        amv_places = int(round(amv_quota * cover * rng.uniform(0.0, 1.2)))
        amv_places = amv_places if 5 <= amv_places < target else 0
        rest = target - amv_places
        n_loc = max(1, int(round(rest / PLACES_PER_LOCATION)))
        sizes = _largest_remainder(rng.dirichlet(np.ones(n_loc)) + 0.05, max(rest, n_loc))
        if amv_places:
            sizes = np.append(sizes, amv_places)
        for j, size in enumerate(sizes):
            amv = bool(amv_places) and j == len(sizes) - 1
            places = int(size)
            r = rng.random()
            start = (
                _day(rng, early, late) if r < 0.85
                else _day(rng, w0 + timedelta(days=1), w0 + timedelta(days=365)) if r < 0.95
                else None
            )  # fmt: skip
            r = rng.random()
            end_unknown = ""
            if r < 0.45:
                end = "onbepaald"
            elif r < 0.85:
                lo = max(w1 + timedelta(days=30), start or early)
                end = _d(_day(rng, lo, date(2032, 12, 31)))
            elif r < 0.95:
                lo = max(start or early, date(2025, 1, 1))
                end = _d(_day(rng, lo, max(lo, w1 - timedelta(days=1))))
            else:
                end = "n.n.t.b."
                end_unknown = "beyond_minimum" if rng.random() < 0.5 else "unknown"
            kind = "amv" if amv else str(rng.choice(["regulier", "TGO", "noodopvang"],
                                                      p=[0.35, 0.45, 0.2]))  # fmt: skip
            status = "existing" if start is not None and start < date(2025, 1, 1) else "planned"
            locations.append(
                {
                    "id": f"{slug}-{j + 1}",
                    "municipality": name,
                    "name": f"Locatie {j + 1}",
                    "places": places,
                    "places_max": "",
                    "target_group": "amv" if amv else "asiel",
                    "type": kind,
                    "operator": "COA" if kind == "regulier" else "gemeente",
                    "start": _d(start) if start else "n.n.t.b.",
                    "end": end,
                    "end_unknown": end_unknown,
                    "decided": "yes" if rng.random() < 0.95 else "no",
                    "status": status,
                    "source": src,
                    "note": "",
                }
            )
        if cover > 1.05:
            givers.setdefault(province, []).append(name)
        elif cover < 0.9:
            takers.setdefault(province, []).append(name)
        # A soft plan in about half of the municipalities that are short, and a
        # candidate for it, as in the provincial plans ("bestuurlijke voornemens").
        short = max(0, quota - target)
        if short > 0 and rng.random() < 0.5:
            low = int(max(10, round(short * rng.uniform(0.2, 0.8))))
            plan_id = f"sp-{slug}"
            soft.append(
                {
                    "id": plan_id,
                    "municipality": name,
                    "places": low,
                    "places_max": "",
                    "target_group": "asiel",
                    "start": "n.n.t.b.",
                    "end": "n.n.t.b.",
                    "decided": "no",
                    "location_id": "",
                    "source": src,
                    "note": "",
                }
            )
            candidates.append(_candidate(plan_id, name, low, low, "asiel", w0, rng))
        # New sites in most short municipalities, sized to part of the shortfall (so
        # that, as in the provincial plans, candidates close some of the gap, not all).
        n_new = int(rng.choice([0, 1, 1, 2])) if short > 0 else 0
        for j in range(n_new):
            amv = rng.random() < 0.15
            hi = (
                max(5, int(round(short * rng.uniform(0.05, 0.15))))
                if amv
                else max(10, int(round(short * rng.uniform(0.15, 0.6))))
            )
            lo = int(hi * rng.choice([0.0, 0.5, 1.0]))
            cid = f"new-{slug}-{j + 1}"
            candidates.append(_candidate(cid, name, lo, hi, "amv" if amv else "asiel", w0, rng))
    swaps: list[dict] = []
    for province in sorted(givers):
        for k, giver in enumerate(givers[province][:3]):
            options = takers.get(province, [])
            if not options:
                continue
            taker = options[int(rng.integers(len(options)))]
            swaps.append(
                {
                    "id": f"swap-{len(swaps) + 1}",
                    "from_municipality": giver,
                    "to_municipality": taker,
                    "places": int(rng.integers(10, 60)),
                    "amv_places": 0,
                    "start": "2024-02-01",
                    "end": _d(w1 + timedelta(days=int(rng.integers(0, 400)))),
                    "status": "agreed" if k < 2 else "proposed",
                    "condition_municipality": "",
                    "condition_places": "",
                    "condition_date": "",
                    "counter_programme": "",
                    "counter_places": "",
                    "source": src,
                    "note": "",
                }
            )
    return locations, soft, candidates, swaps


def _candidate(
    cid: str, municipality: str, lo: int, hi: int, group: str, w0: date, rng: np.random.Generator
) -> dict:
    """A candidate whose earliest start lies around the window start: about a quarter
    start too late to count at all; the rest carry an assumed probability."""
    start = w0 + timedelta(days=int(rng.integers(-150, 60)))
    return {
        "id": cid,
        "municipality": municipality,
        "min_places": lo,
        "max_places": hi,
        "target_group": group,
        "start": start,
        "probability": round(float(rng.uniform(0.3, 0.95)), 2),
    }


# --------------------------------------------------------------------------- writing


def _csv(frame: pd.DataFrame) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(frame.columns))
    for row in frame.itertuples(index=False):
        w.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


def write_country(country: Country, out: Path | str, force: bool = False) -> list[Path]:
    """Write the data folder and ``national.yaml`` to ``out``.

    Each file is written to a temporary name and then renamed, so an interrupted run
    never leaves half a file. An existing folder that already holds any of these files
    is only overwritten with ``force``.

    Raises
    ------
    InputError
        When ``out`` exists with data in it and ``force`` is not set.
    """
    out = Path(out)
    names = [*country.tables, SCENARIO_FILE]
    existing = [n for n in names if (out / n).exists()]
    if existing and not force:
        raise InputError(
            [
                Issue(
                    str(out),
                    Words("na_exists", files=", ".join(existing)),
                    Words("na_exists_fix"),
                )
            ],
            Words("na_title_exists"),
        )
    with writing_to(out):
        out.mkdir(parents=True, exist_ok=True)
    texts = {name: _csv(frame) for name, frame in country.tables.items()}
    texts[SCENARIO_FILE] = yaml.safe_dump(
        _plain(country.scenario), sort_keys=False, allow_unicode=True, width=100
    )
    written = []
    for name, text in texts.items():
        path = out / name
        with replacing(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _plain(value):
    """YAML-safe plain types (dates as ISO text)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value
