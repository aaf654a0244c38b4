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

import pandas as pd

from planner.i18n import t
from planner.optimise.instance import Instance
from planner.optimise.matrix import INF, Constraint, Expr, MatrixModel, total

__all__ = ["Model", "create_model", "build_matrix", "slug", "LEVEL_EXPRESSIONS"]

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
    ins: dict[str, list[str]] = field(default_factory=dict)
    outs: dict[str, list[str]] = field(default_factory=dict)
    #: The instance's tables as rows read once (pandas row access costs more than the
    #: statement itself): countable candidates, municipalities, swap arcs, provinces.
    candidates: list = field(default_factory=list)
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


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[SimpleNamespace]:
    """The rows of a frame as plain objects (``row.name``, ``row.from_``)."""
    keys = [c + "_" if c in ("from", "to") else c for c in columns]
    values = [frame[c].tolist() for c in columns]
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
    for c in m.candidates:
        cid, lo, hi = c.id, c.lo, c.hi
        key = slug(cid)
        y = m.var("open", cid, f"open_{key}", 0, 1, integer=True)
        z = m.var("places", cid, f"places_{key}", 0, int(hi), integer=True)
        m.open[cid], m.places[cid] = y, z
        m.add(z - int(hi) * y <= 0, f"cap_{key}_upper")
        m.add(z - max(int(lo), 1) * y >= 0, f"cap_{key}_lower")
        if c.must_open:
            m.add(y == 1, f"must_open_{key}", hard=t("hard_must_open", "en", id=cid))


def add_own_places(m: Model) -> None:
    """Own places of a municipality: the existing places that count, plus the places of
    its opened candidates; amv places likewise over amv locations and candidates."""
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


def add_budget_limits(m: Model) -> None:
    """Budget limits of the scenario: number of new locations, new places, total cost."""
    lim = m.inst.scenario.limits
    cost = {c.id: c.cost for c in m.candidates}
    if lim.max_new_locations is not None:
        m.add(
            total(m.open.values()) <= lim.max_new_locations,
            "limit_new_locations",
            hard=t("hard_max_new_locations", "en", limit=lim.max_new_locations),
        )
    if lim.max_new_places is not None:
        m.add(
            total(m.places.values()) <= lim.max_new_places,
            "limit_new_places",
            hard=t("hard_max_new_places", "en", limit=lim.max_new_places),
        )
    if lim.max_cost is not None:
        m.add(
            total(float(cost[k]) * z for k, z in m.places.items()) <= lim.max_cost,
            "limit_cost",
            hard=t("hard_max_cost", "en", limit=f"{lim.max_cost:g}"),
        )


def define_objectives(m: Model) -> None:
    """The objective levels: provincial shortfall, amv shortfall (sum over
    municipalities), municipal shortfall (sum), new places weighted by cost, and swap
    volume; plus a tie-break among equally good answers: candidates earlier in id
    order, and swaps (and their amv parts) between nearby municipalities (see
    ``swap_weights``). The amv parts are in the tie-break so that which receiver gets an
    amv place is decided by the model, not by the solver's path: the same answer
    whether the provinces are solved together or apart."""
    cost = {c.id: c.cost for c in m.candidates}
    m.mm.objective("provincial_shortfall", total(m.province_shortfall.values()))
    m.mm.objective("amv_shortfall", total(m.amv_shortfall.values()))
    m.mm.objective("municipal_shortfall", total(m.shortfall.values()))
    m.mm.objective("new_places", total(float(cost[k]) * z for k, z in m.places.items()))
    m.mm.objective("swap_volume", total(m.swap.values()))
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
    m.candidates = _rows(inst.countable, ["id", "municipality", "lo", "hi", "target_group",
                                          "cost", "must_open"])  # fmt: skip
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
    add_budget_limits(m)
    define_objectives(m)
    return m


def build_matrix(inst: Instance) -> MatrixModel:
    """The model of an instance in array form (what HiGHS solves)."""
    return create_model(inst).mm
