"""The allocation model, stated once (see ``MODEL.md`` of the project).

``create_model`` is a short list of ``add_*`` / ``define_*`` steps, each stating its
constraint in words. Variables and constraints are named after business objects
(``places_borne_new``, ``shortfall_Zwolle``, ``surplus_only_Hardenberg``) so an LP file,
a dual or an infeasibility message points at a location or a municipality.

The steps write against the small builder of :mod:`planner.optimise.matrix`, which
produces the arrays HiGHS solves directly (:class:`~planner.optimise.matrix.MatrixModel`);
the PuLP problem for CBC and LP files is generated from those arrays
(:func:`planner.optimise.matrix.to_pulp`). This module is the only statement of the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import SimpleNamespace

import numpy as np
import pandas as pd

from planner.formats import Words
from planner.optimise.instance import Instance
from planner.optimise.matrix import INF, Constraint, Expr, MatrixModel, total

__all__ = [
    "Model",
    "create_model",
    "build_matrix",
    "slug",
    "LEVEL_EXPRESSIONS",
    "TimeModel",
    "create_time_model",
    "time_level_names",
    "TIME_LEVELS",
]

#: Objective levels the model defines, in the default order.
LEVEL_EXPRESSIONS = (
    "provincial_shortfall",
    "amv_shortfall",
    "municipal_shortfall",
    "new_places",
    "swap_volume",
)


def slug(text: str) -> str:
    """A name PuLP and LP files accept: letters, digits and underscores."""
    return re.sub(r"[^0-9A-Za-z]+", "_", str(text)).strip("_")


@dataclass
class Model:
    """A model being stated: the arrays (``mm``) and its variables by business key."""

    inst: Instance
    mm: MatrixModel
    open: dict[str, Expr] = field(default_factory=dict)
    places: dict[str, Expr] = field(default_factory=dict)
    own: dict[str, Expr] = field(default_factory=dict)
    own_amv: dict[str, Expr] = field(default_factory=dict)
    swap: dict[str, Expr] = field(default_factory=dict)
    swap_amv: dict[str, Expr] = field(default_factory=dict)
    gives: dict[str, Expr] = field(default_factory=dict)
    gives_amv: dict[str, Expr] = field(default_factory=dict)
    shortfall: dict[str, Expr] = field(default_factory=dict)
    amv_shortfall: dict[str, Expr] = field(default_factory=dict)
    province_shortfall: dict[str, Expr] = field(default_factory=dict)
    oek_shortfall: dict[str, Expr] = field(default_factory=dict)
    ins: dict[str, list[str]] = field(default_factory=dict)
    outs: dict[str, list[str]] = field(default_factory=dict)
    #: The instance's tables as rows read once (pandas row access costs more than the
    #: statement itself): countable candidates, municipalities, swap arcs, provinces.
    candidates: list = field(default_factory=list)
    #: OEK candidates that count at the OEK reference date (places for Ukrainian
    #: displaced persons; they add to the OEK count, never to the asylum count).
    oek_candidates: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    arcs: list = field(default_factory=list)
    provinces: list = field(default_factory=list)

    def var(
        self, kind: str, key: str, name: str, lower: float = 0.0, upper: float = INF,
        integer: bool = False,
    ) -> Expr:  # fmt: skip
        """A new variable, found again by its business key ``<kind>:<key>``."""
        return self.mm.var(f"{kind}:{key}", name, lower, upper, integer)

    def add(self, constraint: Constraint, name: str, hard: str | None = None) -> int:
        """Add a named constraint; ``hard`` describes a requirement a user imposed."""
        return self.mm.add(constraint, name, hard)

    @property
    def objectives(self) -> dict[str, dict[int, float]]:
        return self.mm.objectives

    @property
    def hard(self) -> dict[str, str]:
        return self.mm.hard


def _rows(
    frame: pd.DataFrame, columns: list[str], keep: np.ndarray | None = None
) -> list[SimpleNamespace]:
    """The rows of a frame as plain objects (``row.name``, ``row.from_``); only those
    ``keep`` marks when given."""
    keys = [c + "_" if c in ("from", "to") else c for c in columns]
    values = [frame[c].tolist() for c in columns]
    if keep is not None:
        at = np.flatnonzero(keep).tolist()
        values = [[col[i] for i in at] for col in values]
    rows = zip(*values, strict=True)
    return [SimpleNamespace(**dict(zip(keys, row, strict=True))) for row in rows]


def _in_out(m: Model) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    ins: dict[str, list[str]] = {r.name: [] for r in m.municipalities}
    outs: dict[str, list[str]] = {r.name: [] for r in m.municipalities}
    for a in m.arcs:
        outs[a.from_].append(a.id)
        ins[a.to_].append(a.id)
    return ins, outs


def _candidates_by_municipality(m: Model, amv: bool = False) -> dict[str, list]:
    """Countable candidates per municipality (amv ones only with ``amv``), as
    ``(id, max places)`` pairs in id order."""
    out: dict[str, list] = {}
    for c in m.candidates:
        if not amv or c.target_group == "amv":
            out.setdefault(c.municipality, []).append((c.id, int(c.hi)))
    return out


def add_candidate_variables(m: Model) -> None:
    """A candidate that can count is opened (binary) with places between its minimum and
    maximum; if not opened it has no places. Opened means places: an opened candidate
    has at least ``max(min_places, 1)`` places, so "opened with 0 places" cannot
    happen (issue 9, bug 4). A must-open candidate is opened.

    Worked example (the regression test ``test_opened_candidate_has_places``): two
    equal Borne sites ``a`` and ``b``, each 0-148 places, ``max_new_places: 148``,
    tie-break off. The provincial level wants all 148 new places; without the lower
    row ``z_b >= 1 * y_b``, ``y_a = y_b = 1, z_a = 148, z_b = 0`` is as good as any
    answer (the new-places level weighs places, not openings). With it, an opened ``b``
    needs ``z_b >= 1``, so ``z_a + z_b <= 148`` allows ``z_a = 147, z_b = 1`` (two
    opened, both with places) or one opened with 148; never an opened site with 0.
    """
    for c in [*m.candidates, *m.oek_candidates]:  # OEK ones: same statement
        cid, lo, hi = c.id, c.lo, c.hi
        key = slug(cid)
        y = m.var("open", cid, f"open_{key}", 0, 1, integer=True)
        z = m.var("places", cid, f"places_{key}", 0, int(hi), integer=True)
        m.open[cid], m.places[cid] = y, z
        m.add(z - int(hi) * y <= 0, f"cap_{key}_upper")
        m.add(z - max(int(lo), 1) * y >= 0, f"cap_{key}_lower")
        if c.must_open:
            m.add(y == 1, f"must_open_{key}", hard=Words("hard_must_open", id=cid))


def add_own_places(m: Model) -> None:
    """Own places of a municipality: the existing places that count, plus the places of
    its opened candidates; amv places likewise over amv locations and candidates. OEK
    candidates are not among them (see :func:`add_cross_programme`)."""
    here = _candidates_by_municipality(m)
    here_amv = _candidates_by_municipality(m, amv=True)
    for r in m.municipalities:
        name, base, amv_base = r.name, r.base, r.amv_base
        key = slug(name)
        own = m.var("own", name, f"own_{key}")
        own_amv = m.var("own_amv", name, f"own_amv_{key}")
        m.own[name], m.own_amv[name] = own, own_amv
        row = own - total(m.places[k] for k, _ in here.get(name, [])) == int(base)
        m.mm.own_rows[name] = m.add(row, f"own_{key}")
        row = own_amv - total(m.places[k] for k, _ in here_amv.get(name, [])) == int(amv_base)
        m.mm.own_amv_rows[name] = m.add(row, f"own_amv_{key}")


def add_swap_variables(m: Model) -> None:
    """A proposed swap moves whole places on an allowed pair; its amv part is at most
    the swap itself. A swap from the register is bounded by the recorded places."""
    pol = m.inst.scenario.swaps
    for a in m.arcs:
        aid, ub, amv, amv_ub = a.id, a.ub, a.amv, a.amv_ub
        key = slug(aid)
        upper = INF if pd.isna(ub) else int(ub)
        if pol.max_per_pair is not None:
            upper = min(upper, pol.max_per_pair)
        x = m.var("swap", aid, f"swap_{key}", 0, upper, integer=True)
        m.swap[aid] = x
        if amv:
            amv_upper = INF if pd.isna(amv_ub) else int(amv_ub)
            xa = m.var("swap_amv", aid, f"swap_amv_{key}", 0, amv_upper, integer=True)
            m.swap_amv[aid] = xa
            m.add(xa - x <= 0, f"amv_part_{key}")


def add_surplus_only(m: Model) -> None:
    """Proposed swaps move only surplus: a municipality that gives places keeps at least
    its own quota out of its own places (after recorded agreements), so nothing is
    relayed through a municipality that is short itself. amv likewise."""
    outs = m.outs
    here = _candidates_by_municipality(m)
    here_amv = _candidates_by_municipality(m, amv=True)
    for r in m.municipalities:
        arcs = outs[r.name]
        if not arcs:
            continue
        key = slug(r.name)
        given = total(m.swap[a] for a in arcs)
        keep = int(r.quota) + int(r.fixed_out)
        if r.name in here:
            g = m.var("gives", r.name, f"gives_{key}", 0, 1, integer=True)
            m.gives[r.name] = g
            upper = int(r.base) + sum(hi for _, hi in here[r.name])
            m.add(given - max(0, upper - keep) * g <= 0, f"gives_{key}_switch")
            m.add(m.own[r.name] - given - keep * g >= 0, f"surplus_only_{key}")
        else:
            m.add(m.own[r.name] - given >= keep, f"surplus_only_{key}")
        amv_arcs = [a for a in arcs if a in m.swap_amv]
        if not amv_arcs:
            continue
        given_amv = total(m.swap_amv[a] for a in amv_arcs)
        keep_amv = int(r.amv_quota) + int(r.amv_fixed_out)
        if r.name in here_amv:
            ga = m.var("gives_amv", r.name, f"gives_amv_{key}", 0, 1, integer=True)
            m.gives_amv[r.name] = ga
            upper = int(r.amv_base) + sum(hi for _, hi in here_amv[r.name])
            m.add(given_amv - max(0, upper - keep_amv) * ga <= 0, f"gives_amv_{key}_switch")
            m.add(m.own_amv[r.name] - given_amv - keep_amv * ga >= 0, f"amv_surplus_only_{key}")
        else:
            m.add(m.own_amv[r.name] - given_amv >= keep_amv, f"amv_surplus_only_{key}")


def add_policy_limits(m: Model) -> None:
    """A receiving municipality takes at most ``max_in_per_municipality`` proposed
    places (the per-pair limit is a bound on each swap)."""
    limit = m.inst.scenario.swaps.max_in_per_municipality
    if limit is None:
        return
    for name, arcs in m.ins.items():
        if arcs:
            m.add(total(m.swap[a] for a in arcs) <= limit, f"max_in_{slug(name)}")


def _credited(m: Model, r, amv: bool) -> Expr:
    ins, outs = m.ins[r.name], m.outs[r.name]
    if amv:
        flows = total(m.swap_amv[a] for a in ins if a in m.swap_amv) - total(
            m.swap_amv[a] for a in outs if a in m.swap_amv
        )
        return m.own_amv[r.name] + flows + int(r.amv_fixed_in) - int(r.amv_fixed_out)
    flows = total(m.swap[a] for a in ins) - total(m.swap[a] for a in outs)
    return m.own[r.name] + flows + int(r.fixed_in) - int(r.fixed_out)


def add_shortfalls(m: Model) -> None:
    """A municipality's shortfall is at least its quota minus its credited places (own
    places, plus swaps in, minus swaps out, plus recorded agreements); amv likewise.
    Shortfall is slack on every quota, so the model is always feasible."""
    for r in m.municipalities:
        key = slug(r.name)
        s = m.var("shortfall", r.name, f"shortfall_{key}")
        sa = m.var("amv_shortfall", r.name, f"amv_shortfall_{key}")
        m.shortfall[r.name], m.amv_shortfall[r.name] = s, sa
        m.add(s + _credited(m, r, amv=False) >= int(r.quota), f"quota_{key}")
        m.add(sa + _credited(m, r, amv=True) >= int(r.amv_quota), f"amv_quota_{key}")


def add_provincial_shortfall(m: Model) -> None:
    """A province's shortfall is at least its quota minus all places in the province,
    surpluses included, plus places credited from outside (Dronten for Kampen)."""
    members: dict[str, list[str]] = {}
    for r in m.municipalities:
        members.setdefault(r.province, []).append(r.name)
        m.mm.province_of[r.name] = r.province
    for row in m.provinces:
        p, quota, ext = row.province, row.quota, row.external_in
        key = slug(p)
        sp = m.var("province_shortfall", p, f"province_shortfall_{key}")
        m.province_shortfall[p] = sp
        m.add(
            sp + total(m.own[n] for n in members.get(p, [])) >= int(quota) - int(ext),
            f"province_quota_{key}",
        )


def add_cross_programme(m: Model) -> None:
    """Swaps across programmes (MODEL.md, "Extension: swaps across programmes"): the
    second commodity, places for Ukrainian displaced persons (OEK).

    A proposed arc ``a -> b`` of source ``cross:oek`` is an asylum swap (``x``: asylum
    places hosted in ``a`` credited to ``b``; its asylum side is stated with every other
    swap: surplus only for ``a``, credited, swap volume) that moves ``rate * x`` OEK
    places hosted in ``b`` to ``a``'s OEK count in return. Only from surplus, as for
    asylum: ``b`` keeps its OEK quota out of its own OEK places after recorded counter
    legs, ``oek_base_b - rate * sum(x out of b) >= oek_quota_b + oek_fixed_out_b``.
    Recorded agreements' counter legs (83 for 83 from 2026, say) are
    constants ``oek_fixed_in/out`` once they count in the cycle. The OEK shortfall of a
    municipality is at least its OEK quota minus its credited OEK places; its sum is the
    level ``oek_shortfall``, after the asylum levels unless the scenario orders otherwise.

    Worked example (``test_optimiser_proposes_asylum_for_oek``): Aa has 120 asylum places
    for a quota of 100 (surplus 20) and 10 OEK places for an OEK quota of 50; Bee has 0
    asylum places for 50 and 80 OEK places for 40 (OEK surplus 40). At rate 1 the arc
    ``Aa -> Bee`` carries at most 20 (Aa's asylum surplus): Bee's asylum shortfall falls
    from 50 to 30, Aa's OEK shortfall from 40 to 20.
    """
    oek = m.inst.oek
    if not len(oek):
        return
    # OEK candidates (a scenario's ``programme: oek``) add their places to the OEK count
    # of their municipality, as opened places add to the asylum count.
    new_oek: dict[str, list[str]] = {}
    for c in m.oek_candidates:
        new_oek.setdefault(c.municipality, []).append(c.id)
    default = float(m.inst.scenario.swaps.rate)
    arcs = m.inst.arcs
    rates = arcs["rate"] if "rate" in arcs else pd.Series([float("nan")] * len(arcs))
    cross = [(i, a, b) for i, a, b, src in zip(arcs["id"], arcs["from"], arcs["to"],
                                               arcs["source"], strict=True)
             if str(src).startswith("cross:")]  # fmt: skip
    # a recorded proposal swaps at its own rate (counter places per place), others at
    # the scenario's
    rate = {i: (default if pd.isna(q) else float(q))
            for i, q in zip(arcs["id"], rates, strict=True)}  # fmt: skip
    wanted = "oek_shortfall" in m.inst.scenario.objective
    if not cross and not len(m.inst.counter_flows) and not wanted and not new_oek:
        return  # nothing crosses programmes: the model stays the asylum model
    oek_in: dict[str, list[str]] = {}
    oek_out: dict[str, list[str]] = {}
    for i, a, b in cross:
        oek_in.setdefault(a, []).append(i)  # a hosts asylum for b, b hosts OEK for a
        oek_out.setdefault(b, []).append(i)
    for r in oek.itertuples(index=False):
        key = slug(r.name)
        fixed = int(r.oek_base) + int(r.oek_fixed_in) - int(r.oek_fixed_out)
        given = total(rate[i] * m.swap[i] for i in oek_out.get(r.name, []))
        got = total(rate[i] * m.swap[i] for i in oek_in.get(r.name, []))
        added = total(m.places[k] for k in new_oek.get(r.name, []))
        if r.name in oek_out:
            keep = int(r.oek_quota) + int(r.oek_fixed_out) - int(r.oek_base)
            m.add(added - given >= keep, f"oek_surplus_only_{key}")
        s = m.var("oek_shortfall", r.name, f"oek_shortfall_{key}")
        m.oek_shortfall[r.name] = s
        m.add(s + added + got - given >= int(r.oek_quota) - fixed, f"oek_quota_{key}")


def add_budget_limits(m: Model) -> None:
    """Budget limits of the scenario: number of new locations, new places, total cost."""
    lim = m.inst.scenario.limits
    cost = {c.id: c.cost for c in [*m.candidates, *m.oek_candidates]}
    if lim.max_new_locations is not None:
        m.add(
            total(m.open.values()) <= lim.max_new_locations,
            "limit_new_locations",
            hard=Words("hard_max_new_locations", limit=lim.max_new_locations),
        )
    if lim.max_new_places is not None:
        m.add(
            total(m.places.values()) <= lim.max_new_places,
            "limit_new_places",
            hard=Words("hard_max_new_places", limit=lim.max_new_places),
        )
    if lim.max_cost is not None:
        m.add(
            total(float(cost[k]) * z for k, z in m.places.items()) <= lim.max_cost,
            "limit_cost",
            hard=Words("hard_max_cost", limit=f"{lim.max_cost:g}"),
        )


def define_objectives(m: Model) -> None:
    """The objective levels: provincial shortfall, amv shortfall (sum over
    municipalities), municipal shortfall (sum), new places weighted by cost, and swap
    volume; plus a tie-break among equally good answers: candidates earlier in id
    order, and swaps (and their amv parts) between nearby municipalities (see
    ``swap_weights``). The amv parts are in the tie-break so that which receiver gets an
    amv place is decided by the model, not by the solver's path: the same answer
    whether the provinces are solved together or apart. OEK candidates' places are new
    places too, weighted by their cost (after the OEK shortfall by default)."""
    cost = {c.id: c.cost for c in [*m.candidates, *m.oek_candidates]}
    m.mm.objective("provincial_shortfall", total(m.province_shortfall.values()))
    m.mm.objective("amv_shortfall", total(m.amv_shortfall.values()))
    m.mm.objective("municipal_shortfall", total(m.shortfall.values()))
    m.mm.objective("new_places", total(float(cost[k]) * z for k, z in m.places.items()))
    m.mm.objective("swap_volume", total(m.swap.values()))
    m.mm.objective("oek_shortfall", total(m.oek_shortfall.values()))
    n_c = max(1, len(m.places))
    weight = {a.id: a.weight for a in m.arcs}
    m.mm.objective(
        "tie_break",
        total((i + 1) / n_c * z for i, z in enumerate(m.places.values()))
        + total(float(weight[a]) * x for a, x in m.swap.items())
        + total(float(weight[a]) * xa for a, xa in m.swap_amv.items()),
    )


def create_model(inst: Instance) -> Model:
    """State the model of an instance.

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> from planner.scenario.schema import Scenario
    >>> from planner.optimise.instance import build_instance
    >>> m = create_model(build_instance(load_dataset(), Scenario(name="base")))
    >>> sorted(m.objectives)[:3]
    ['amv_shortfall', 'municipal_shortfall', 'new_places']
    """
    m = Model(inst, MatrixModel(name=slug(inst.scenario.name) or "scenario"))
    countable, oek = inst.candidate_masks()
    cand_cols = ["id", "municipality", "lo", "hi", "target_group", "cost", "must_open"]
    m.candidates = _rows(inst.candidates, cand_cols, countable)
    m.oek_candidates = _rows(inst.candidates, cand_cols, oek)
    m.municipalities = _rows(inst.municipalities, [
        "name", "province", "quota", "amv_quota", "base", "amv_base", "fixed_in", "fixed_out",
        "amv_fixed_in", "amv_fixed_out",
    ])  # fmt: skip
    m.arcs = _rows(inst.arcs, ["id", "from", "to", "ub", "amv", "amv_ub", "weight"])
    m.provinces = _rows(inst.provinces, ["province", "quota", "external_in"])
    m.ins, m.outs = _in_out(m)
    add_candidate_variables(m)
    add_own_places(m)
    add_swap_variables(m)
    add_surplus_only(m)
    add_policy_limits(m)
    add_shortfalls(m)
    add_provincial_shortfall(m)
    add_cross_programme(m)
    add_budget_limits(m)
    define_objectives(m)
    return m


def build_matrix(inst: Instance) -> MatrixModel:
    """The model of an instance in array form (what HiGHS solves)."""
    return create_model(inst).mm


# --------------------------------------------------------------------------- time
#
# The extension "time" of MODEL.md: a plan over months and several cycles. The same
# builder, the same naming; the single-window model above is untouched and is what a
# scenario without a ``horizon`` gets.

#: Levels of the plan over the years after the per-cycle shortfalls, in default order.
TIME_LEVELS = ("continuity", "new_places", "swap_volume")


@dataclass
class TimeModel:
    """A plan over the years being stated: ``start[k][s]`` (binary: candidate ``k``
    opens in month ``s``), ``size[k][s]`` (its places if so), ``in_use[k][t]`` (its
    places in use in month ``t``), and per cycle index ``c`` the variables of a single
    window (``own[c][m]``, ``swap[c][a]``, shortfalls)."""

    ti: object  # planner.optimise.time_instance.TimeInstance
    mm: MatrixModel
    start: dict[str, dict[int, Expr]] = field(default_factory=dict)
    size: dict[str, dict[int, Expr]] = field(default_factory=dict)
    in_use: dict[str, dict[int, Expr]] = field(default_factory=dict)
    own: list[dict[str, Expr]] = field(default_factory=list)
    own_amv: list[dict[str, Expr]] = field(default_factory=list)
    swap: list[dict[str, Expr]] = field(default_factory=list)
    swap_amv: list[dict[str, Expr]] = field(default_factory=list)
    shortfall: list[dict[str, Expr]] = field(default_factory=list)
    amv_shortfall: list[dict[str, Expr]] = field(default_factory=list)
    province_shortfall: list[dict[str, Expr]] = field(default_factory=list)
    below: dict[tuple[str, int], Expr] = field(default_factory=dict)


def time_level_names(ti, order: list[str] | None = None, tie_break: bool = True) -> list[str]:
    """The levels in order: per cycle (in window order) its shortfall levels in the
    scenario's order, then continuity, then the other levels in the scenario's order,
    then the tie-break."""
    # The plan over the years is the asylum model: it states no OEK places (OEK
    # candidates and swaps across programmes are left out with a message), so the OEK
    # level has nothing to weigh.
    order = [n for n in (order or LEVEL_EXPRESSIONS) if n != "oek_shortfall"]
    short = [n for n in order if n.endswith("shortfall")]
    rest = [n for n in order if not n.endswith("shortfall")]
    names = [f"{n}@{r.id}" for r in ti.cycles for n in short]
    return names + ["continuity", *rest] + (["tie_break"] if tie_break else [])


def add_time_candidates(m: TimeModel) -> None:
    """A candidate opens in at most one month of its allowed start months (binary per
    month); opened in month ``s`` it has between ``max(min_places, 1)`` and
    ``max_places`` places (``size``); a must-open candidate opens once. Its places in
    use in month ``t`` are the places of a start on or before ``t`` while ``t`` is not
    past its end (``in_use``, a running sum, so the model grows with months x
    candidates, not months squared)."""
    ti = m.ti
    for r in ti.candidates.itertuples(index=False):
        key = slug(r.id)
        starts = ti.starts[r.id]
        m.start[r.id], m.size[r.id], m.in_use[r.id] = {}, {}, {}
        lo_c = [ti.cycles[c].min_places or 0 for c in range(len(ti.cycles))]
        for s in starts:
            u = m.mm.var(f"start:{r.id}:{s}", f"start_{key}_{s}", 0, 1, integer=True)
            lo = max(int(r.lo), 1, *(lo_c[c] for c in ti.counts[(r.id, s)]))
            # A fixed size (lo = hi) follows from the binary start; only a range needs
            # a whole-number size of its own.
            z = m.mm.var(f"size:{r.id}:{s}", f"size_{key}_{s}", 0, int(r.hi),
                         integer=min(lo, int(r.hi)) < int(r.hi))  # fmt: skip
            m.start[r.id][s], m.size[r.id][s] = u, z
            m.mm.add(z - int(r.hi) * u <= 0, f"size_{key}_{s}_upper")
            m.mm.add(z - min(lo, int(r.hi)) * u >= 0, f"size_{key}_{s}_lower")
        once = total(m.start[r.id].values())
        if r.must_open:
            m.mm.add(once == 1, f"must_open_{key}", hard=Words("hard_must_open", id=r.id))
        elif starts:
            m.mm.add(once <= 1, f"open_once_{key}")
        last = ti.last_month[r.id]
        prev: Expr | None = None
        for month in range(len(ti.months)):
            if month > last or not starts or month < starts[0]:
                continue
            p = m.mm.var(f"in_use:{r.id}:{month}", f"in_use_{key}_{month}")
            new = m.size[r.id].get(month, Expr())
            m.mm.add(p - new - (prev if prev is not None else Expr()) == 0,
                     f"in_use_{key}_{month}")  # fmt: skip
            m.in_use[r.id][month] = p
            prev = p


def add_time_cycles(m: TimeModel) -> None:
    """Per cycle, the single-window model on that cycle's data: own places are the
    counted existing places plus the places of candidates whose start month counts for
    the cycle (in use on its window start, through its window end, durable, large
    enough); swaps per cycle move only surplus; shortfalls per municipality, amv and
    province. The statements are those of the single window, per cycle."""
    ti = m.ti
    by_muni: dict[str, list[str]] = {}
    for cid, muni in zip(ti.candidates["id"], ti.candidates["municipality"], strict=True):
        by_muni.setdefault(muni, []).append(cid)
    group = dict(zip(ti.candidates["id"], ti.candidates["target_group"], strict=True))
    for c, inst in enumerate(ti.insts):
        rid = slug(ti.cycles[c].id)
        own, own_amv = {}, {}
        for r in inst.municipalities.itertuples(index=False):
            key = f"{slug(r.name)}_{rid}"
            counted = [
                z for k in by_muni.get(r.name, []) for s, z in m.size[k].items()
                if c in ti.counts[(k, s)]
            ]  # fmt: skip
            counted_amv = [
                z for k in by_muni.get(r.name, []) if group[k] == "amv"
                for s, z in m.size[k].items() if c in ti.counts[(k, s)]
            ]  # fmt: skip
            o = m.mm.var(f"own:{ti.cycles[c].id}:{r.name}", f"own_{key}")
            oa = m.mm.var(f"own_amv:{ti.cycles[c].id}:{r.name}", f"own_amv_{key}")
            m.mm.add(o - total(counted) == int(r.base), f"own_{key}")
            m.mm.add(oa - total(counted_amv) == int(r.amv_base), f"own_amv_{key}")
            own[r.name], own_amv[r.name] = o, oa
        m.own.append(own)
        m.own_amv.append(own_amv)
        swap, swap_amv = {}, {}
        pol = ti.scenario.swaps
        ins: dict[str, list[str]] = {n: [] for n in own}
        outs: dict[str, list[str]] = {n: [] for n in own}
        for aid, a, b, ub, amv, amv_ub in zip(
            inst.arcs["id"], inst.arcs["from"], inst.arcs["to"], inst.arcs["ub"],
            inst.arcs["amv"], inst.arcs["amv_ub"], strict=True,
        ):  # fmt: skip
            key = f"{slug(aid)}_{rid}"
            upper = INF if pd.isna(ub) else int(ub)
            if pol.max_per_pair is not None:
                upper = min(upper, pol.max_per_pair)
            swap[aid] = m.mm.var(f"swap:{ti.cycles[c].id}:{aid}", f"swap_{key}", 0, upper,
                                 integer=True)  # fmt: skip
            outs[a].append(aid)
            ins[b].append(aid)
            if amv:
                amv_upper = INF if pd.isna(amv_ub) else int(amv_ub)
                xa = m.mm.var(f"swap_amv:{ti.cycles[c].id}:{aid}", f"swap_amv_{key}", 0,
                              amv_upper, integer=True)  # fmt: skip
                swap_amv[aid] = xa
                m.mm.add(xa - swap[aid] <= 0, f"amv_part_{key}")
        m.swap.append(swap)
        m.swap_amv.append(swap_amv)
        hi = dict(zip(ti.candidates["id"], ti.candidates["hi"], strict=True))
        short, short_amv = {}, {}
        for r in inst.municipalities.itertuples(index=False):
            key = f"{slug(r.name)}_{rid}"
            given = total(swap[a] for a in outs[r.name])
            keep = int(r.quota) + int(r.fixed_out)
            if outs[r.name]:
                if by_muni.get(r.name):
                    g = m.mm.var(f"gives:{ti.cycles[c].id}:{r.name}", f"gives_{key}", 0, 1,
                                 integer=True)  # fmt: skip
                    upper = int(r.base) + sum(int(hi[k]) for k in by_muni[r.name])
                    m.mm.add(given - max(0, upper - keep) * g <= 0, f"gives_{key}_switch")
                    m.mm.add(own[r.name] - given - keep * g >= 0, f"surplus_only_{key}")
                else:
                    m.mm.add(own[r.name] - given >= keep, f"surplus_only_{key}")
                amv_out = [a for a in outs[r.name] if a in swap_amv]
                if amv_out:
                    given_amv = total(swap_amv[a] for a in amv_out)
                    keep_amv = int(r.amv_quota) + int(r.amv_fixed_out)
                    amv_here = [k for k in by_muni.get(r.name, []) if group[k] == "amv"]
                    if amv_here:
                        ga = m.mm.var(f"gives_amv:{ti.cycles[c].id}:{r.name}",
                                      f"gives_amv_{key}", 0, 1, integer=True)  # fmt: skip
                        upper = int(r.amv_base) + sum(int(hi[k]) for k in amv_here)
                        m.mm.add(given_amv - max(0, upper - keep_amv) * ga <= 0,
                                 f"gives_amv_{key}_switch")  # fmt: skip
                        m.mm.add(own_amv[r.name] - given_amv - keep_amv * ga >= 0,
                                 f"amv_surplus_only_{key}")  # fmt: skip
                    else:
                        m.mm.add(own_amv[r.name] - given_amv >= keep_amv,
                                 f"amv_surplus_only_{key}")  # fmt: skip
            if pol.max_in_per_municipality is not None and ins[r.name]:
                m.mm.add(total(swap[a] for a in ins[r.name]) <= pol.max_in_per_municipality,
                         f"max_in_{key}")  # fmt: skip
            flows = total(swap[a] for a in ins[r.name]) - given
            flows_amv = total(swap_amv[a] for a in ins[r.name] if a in swap_amv) - total(
                swap_amv[a] for a in outs[r.name] if a in swap_amv
            )
            s = m.mm.var(f"shortfall:{ti.cycles[c].id}:{r.name}", f"shortfall_{key}")
            sa = m.mm.var(f"amv_shortfall:{ti.cycles[c].id}:{r.name}", f"amv_shortfall_{key}")
            credited = own[r.name] + flows + int(r.fixed_in) - int(r.fixed_out)
            credited_amv = own_amv[r.name] + flows_amv + int(r.amv_fixed_in) - int(r.amv_fixed_out)
            m.mm.add(s + credited >= int(r.quota), f"quota_{key}")
            m.mm.add(sa + credited_amv >= int(r.amv_quota), f"amv_quota_{key}")
            short[r.name], short_amv[r.name] = s, sa
        m.shortfall.append(short)
        m.amv_shortfall.append(short_amv)
        members: dict[str, list[str]] = {}
        for name, province in zip(inst.municipalities["name"], inst.municipalities["province"],
                                  strict=True):  # fmt: skip
            members.setdefault(province, []).append(name)
        prov = {}
        for p, quota, ext in zip(inst.provinces["province"], inst.provinces["quota"],
                                 inst.provinces["external_in"], strict=True):  # fmt: skip
            key = f"{slug(p)}_{rid}"
            sp = m.mm.var(f"province_shortfall:{ti.cycles[c].id}:{p}",
                          f"province_shortfall_{key}")  # fmt: skip
            m.mm.add(sp + total(own[n] for n in members[p]) >= int(quota) - int(ext),
                     f"province_quota_{key}")  # fmt: skip
            prov[p] = sp
        m.province_shortfall.append(prov)


def add_continuity(m: TimeModel) -> None:
    """Continuity: in every month, the places below the quota in force, per
    municipality (``below_<m>_<t>`` >= quota - places credited: existing locations in
    its territory, candidates in use, swap agreements running that month and, in the
    months of a cycle's window, the swaps the model proposes for that cycle) and for the
    province (its quota minus all its members' credited places). Their sum over months
    is the continuity level, so a plan does not dip between windows while temporary
    locations close. An extension adds nothing in the months its location is in use
    itself."""
    ti = m.ti
    in_use_of: dict[str, list[str]] = {}
    for cid, muni in zip(ti.candidates["id"], ti.candidates["municipality"], strict=True):
        in_use_of.setdefault(muni, []).append(cid)
    overlap = getattr(ti, "overlap", {}) or {}
    agreed = getattr(ti, "agreed_month", None)
    if agreed is None:
        agreed = np.zeros_like(ti.base_capacity)
    members: dict[str, list[int]] = {}
    for i, name in enumerate(ti.names):
        members.setdefault(ti.province_of[name], []).append(i)
    # net proposed swap flow per cycle and municipality: one column each (stated once
    # per cycle, not in every month's row: the months then read one column)
    net: list[dict[str, Expr]] = []
    for c, inst in enumerate(ti.insts):
        flow: dict[str, Expr] = {}
        for aid, a, b in zip(inst.arcs["id"], inst.arcs["from"], inst.arcs["to"], strict=True):
            x = m.swap[c].get(aid) if c < len(m.swap) else None
            if x is None:
                continue
            flow[b] = flow.get(b, Expr()) + x
            flow[a] = flow.get(a, Expr()) - x
        cid = ti.cycles[c].id
        for name, e in list(flow.items()):
            key = f"{slug(name)}_{slug(cid)}"
            v = m.mm.var(f"net_swap:{cid}:{name}", f"net_swap_{key}", -INF, INF)
            m.mm.add(v - e == 0, f"net_swap_{key}")
            flow[name] = v
        net.append(flow)

    def used(name: str, t_: int) -> Expr:
        return total(
            m.in_use[k][t_] for k in in_use_of.get(name, [])
            if t_ in m.in_use[k] and t_ not in overlap.get(k, ())
        )  # fmt: skip

    # A swap the model proposes is an agreement for its cycle's window: it runs in the
    # months of that window (``swap_runs``), not all the months of the cycle's quota.
    swap_runs = ti.swap_runs
    for t_ in range(len(ti.months)):
        c = int(ti.cycle_of_month[t_])
        uses = {}
        for i, name in enumerate(ti.names):
            use = used(name, t_) + (net[c].get(name, Expr()) if swap_runs[t_] else Expr())
            uses[name] = use
            need = int(ti.quota_month[i, t_]) - int(ti.base_capacity[i, t_]) - int(agreed[i, t_])
            if not use.terms:  # nothing can open or move here this month: a bound
                b = m.mm.var(f"below:{name}:{t_}", f"below_{slug(name)}_{t_}", max(0, need))
            else:
                b = m.mm.var(f"below:{name}:{t_}", f"below_{slug(name)}_{t_}")
                m.mm.add(b + use >= need, f"continuity_{slug(name)}_{t_}")
            m.below[(name, t_)] = b
        for p, rows in members.items():
            use = total(uses[ti.names[i]] for i in rows)
            use.terms = {j: v for j, v in use.terms.items() if v}  # swaps inside cancel
            need = (
                int(ti.quota_month[rows, t_].sum()) - int(ti.base_capacity[rows, t_].sum())
                - int(agreed[rows, t_].sum())
            )  # fmt: skip
            b = m.mm.var(f"below:{p}:{t_}", f"below_province_{slug(p)}_{t_}")
            m.mm.add(b + use >= need, f"continuity_province_{slug(p)}_{t_}")
            m.below[(f"province:{p}", t_)] = b


def add_time_budget_limits(m: TimeModel) -> None:
    """The scenario's budget limits over the whole horizon: new locations, new places,
    total cost."""
    lim = m.ti.scenario.limits
    starts = [u for d in m.start.values() for u in d.values()]
    sizes = [z for d in m.size.values() for z in d.values()]
    cost = dict(zip(m.ti.candidates["id"], m.ti.candidates["cost"], strict=True))
    if lim.max_new_locations is not None:
        m.mm.add(total(starts) <= lim.max_new_locations, "limit_new_locations",
                 hard=Words("hard_max_new_locations", limit=lim.max_new_locations))  # fmt: skip
    if lim.max_new_places is not None:
        m.mm.add(total(sizes) <= lim.max_new_places, "limit_new_places",
                 hard=Words("hard_max_new_places", limit=lim.max_new_places))  # fmt: skip
    if lim.max_cost is not None:
        m.mm.add(
            total(float(cost[k]) * z for k, d in m.size.items() for z in d.values())
            <= lim.max_cost, "limit_cost", hard=Words("hard_max_cost", limit=f"{lim.max_cost:g}"),
        )  # fmt: skip


def define_time_objectives(m: TimeModel) -> None:
    """Per cycle the provincial, amv and municipal shortfall (``<level>@<cycle>``);
    continuity (places below quota, summed over months, municipalities and province);
    new places weighted by cost; swap volume over all cycles; and a tie-break: fewer
    place-months (open no earlier than needed), candidates earlier in id order, swaps
    between nearby municipalities."""
    ti = m.ti
    for c, rule in enumerate(ti.cycles):
        m.mm.objective(f"provincial_shortfall@{rule.id}", total(m.province_shortfall[c].values()))
        m.mm.objective(f"amv_shortfall@{rule.id}", total(m.amv_shortfall[c].values()))
        m.mm.objective(f"municipal_shortfall@{rule.id}", total(m.shortfall[c].values()))
    m.mm.objective("continuity", total(m.below.values()))
    cost = dict(zip(ti.candidates["id"], ti.candidates["cost"], strict=True))
    m.mm.objective(
        "new_places", total(float(cost[k]) * z for k, d in m.size.items() for z in d.values())
    )
    m.mm.objective("swap_volume", total(x for d in m.swap for x in d.values()))
    n_t, n_k = max(1, len(ti.months)), max(1, len(m.size))
    tie = total(
        ((n_t - s) / n_t + (i + 1) / n_k) * z
        for i, (k, d) in enumerate(sorted(m.size.items())) for s, z in d.items()
    )  # fmt: skip
    for c, inst in enumerate(ti.insts):
        weight = dict(zip(inst.arcs["id"], inst.arcs["weight"], strict=True))
        tie = tie + total(float(weight[a]) * x for a, x in m.swap[c].items())
    m.mm.objective("tie_break", tie)


def create_time_model(ti) -> TimeModel:
    """State the plan over the years of a :class:`~planner.optimise.time_instance.TimeInstance`."""
    m = TimeModel(ti, MatrixModel(name=slug(ti.scenario.name) or "scenario"))
    add_time_candidates(m)
    add_time_cycles(m)
    add_continuity(m)
    add_time_budget_limits(m)
    define_time_objectives(m)
    return m
