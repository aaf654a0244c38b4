"""The allocation model as a PuLP statement (see ``MODEL.md`` of the project).

``create_model`` is a short list of ``add_*`` / ``define_*`` steps, each stating its
constraint in words. Variables and constraints are named after business objects
(``places_borne_new``, ``shortfall_Zwolle``, ``surplus_only_Hardenberg``) so an LP file,
a dual or an infeasibility message points at a location or a municipality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
import pulp

from planner.optimise.instance import Instance

__all__ = ["Model", "create_model", "slug", "LEVEL_EXPRESSIONS"]

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
    """A built model: the PuLP problem and its variables by business key."""

    inst: Instance
    prob: pulp.LpProblem
    open: dict[str, pulp.LpVariable] = field(default_factory=dict)
    places: dict[str, pulp.LpVariable] = field(default_factory=dict)
    own: dict[str, pulp.LpVariable] = field(default_factory=dict)
    own_amv: dict[str, pulp.LpVariable] = field(default_factory=dict)
    swap: dict[str, pulp.LpVariable] = field(default_factory=dict)
    swap_amv: dict[str, pulp.LpVariable] = field(default_factory=dict)
    gives: dict[str, pulp.LpVariable] = field(default_factory=dict)
    gives_amv: dict[str, pulp.LpVariable] = field(default_factory=dict)
    shortfall: dict[str, pulp.LpVariable] = field(default_factory=dict)
    amv_shortfall: dict[str, pulp.LpVariable] = field(default_factory=dict)
    province_shortfall: dict[str, pulp.LpVariable] = field(default_factory=dict)
    own_rows: dict[str, pulp.LpConstraint] = field(default_factory=dict)
    own_amv_rows: dict[str, pulp.LpConstraint] = field(default_factory=dict)
    objectives: dict[str, pulp.LpAffineExpression] = field(default_factory=dict)
    hard: dict[str, str] = field(default_factory=dict)
    ins: dict[str, list[str]] = field(default_factory=dict)
    outs: dict[str, list[str]] = field(default_factory=dict)

    def add(self, constraint: pulp.LpConstraint, name: str, hard: str | None = None) -> None:
        """Add a named constraint; ``hard`` describes a requirement a user imposed."""
        self.prob += constraint, name
        if hard:
            self.hard[name] = hard


def _in_out(inst: Instance) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    ins: dict[str, list[str]] = {m: [] for m in inst.municipalities["name"]}
    outs: dict[str, list[str]] = {m: [] for m in inst.municipalities["name"]}
    for arc in inst.arcs.itertuples(index=False):
        outs[arc[1]].append(arc.id)
        ins[arc.to].append(arc.id)
    return ins, outs


def add_candidate_variables(m: Model) -> None:
    """A candidate that can count is opened (binary) with places between its minimum and
    maximum; if not opened it has no places. A must-open candidate is opened."""
    for c in m.inst.countable.itertuples(index=False):
        key = slug(c.id)
        y = m.prob.add_variable(f"open_{key}", cat=pulp.LpBinary)
        z = m.prob.add_variable(f"places_{key}", lowBound=0, upBound=int(c.hi), cat=pulp.LpInteger)
        m.open[c.id], m.places[c.id] = y, z
        m.add(z <= int(c.hi) * y, f"cap_{key}_upper")
        if c.lo > 0:
            m.add(z >= int(c.lo) * y, f"cap_{key}_lower")
        if c.must_open:
            m.add(y == 1, f"must_open_{key}", hard=f"candidate {c.id} must open")


def add_own_places(m: Model) -> None:
    """Own places of a municipality: the existing places that count, plus the places of
    its opened candidates; amv places likewise over amv locations and candidates."""
    cand = m.inst.countable
    for r in m.inst.municipalities.itertuples(index=False):
        key = slug(r.name)
        here = cand[cand["municipality"] == r.name]
        amv = here[here["target_group"] == "amv"]
        own = m.prob.add_variable(f"own_{key}", lowBound=0)
        own_amv = m.prob.add_variable(f"own_amv_{key}", lowBound=0)
        m.own[r.name], m.own_amv[r.name] = own, own_amv
        row = own - pulp.lpSum(m.places[k] for k in here["id"]) == int(r.base)
        m.add(row, f"own_{key}")
        m.own_rows[r.name] = row
        row = own_amv - pulp.lpSum(m.places[k] for k in amv["id"]) == int(r.amv_base)
        m.add(row, f"own_amv_{key}")
        m.own_amv_rows[r.name] = row


def add_swap_variables(m: Model) -> None:
    """A proposed swap moves whole places on an allowed pair; its amv part is at most
    the swap itself. A swap from the register is bounded by the recorded places."""
    pol = m.inst.scenario.swaps
    for a in m.inst.arcs.itertuples(index=False):
        key = slug(a.id)
        ub = None if pd.isna(a.ub) else int(a.ub)
        if pol.max_per_pair is not None:
            ub = pol.max_per_pair if ub is None else min(ub, pol.max_per_pair)
        x = m.prob.add_variable(f"swap_{key}", lowBound=0, upBound=ub, cat=pulp.LpInteger)
        m.swap[a.id] = x
        if a.amv:
            amv_ub = None if pd.isna(a.amv_ub) else int(a.amv_ub)
            xa = m.prob.add_variable(
                f"swap_amv_{key}", lowBound=0, upBound=amv_ub, cat=pulp.LpInteger
            )
            m.swap_amv[a.id] = xa
            m.add(xa <= x, f"amv_part_{key}")


def add_surplus_only(m: Model) -> None:
    """Proposed swaps move only surplus: a municipality that gives places keeps at least
    its own quota out of its own places (after recorded agreements), so nothing is
    relayed through a municipality that is short itself. amv likewise."""
    outs = m.outs
    cand = m.inst.countable
    with_cand = set(cand["municipality"])
    with_amv_cand = set(cand.loc[cand["target_group"] == "amv", "municipality"])
    for r in m.inst.municipalities.itertuples(index=False):
        arcs = outs[r.name]
        if not arcs:
            continue
        key = slug(r.name)
        given = pulp.lpSum(m.swap[a] for a in arcs)
        keep = int(r.quota) + int(r.fixed_out)
        if r.name in with_cand:
            g = m.prob.add_variable(f"gives_{key}", cat=pulp.LpBinary)
            m.gives[r.name] = g
            upper = int(r.base) + int(cand.loc[cand["municipality"] == r.name, "hi"].sum())
            m.add(given <= max(0, upper - keep) * g, f"gives_{key}_switch")
            m.add(m.own[r.name] - given - keep * g >= 0, f"surplus_only_{key}")
        else:
            m.add(m.own[r.name] - given >= keep, f"surplus_only_{key}")
        amv_arcs = [a for a in arcs if a in m.swap_amv]
        if not amv_arcs:
            continue
        given_amv = pulp.lpSum(m.swap_amv[a] for a in amv_arcs)
        keep_amv = int(r.amv_quota) + int(r.amv_fixed_out)
        if r.name in with_amv_cand:
            ga = m.prob.add_variable(f"gives_amv_{key}", cat=pulp.LpBinary)
            m.gives_amv[r.name] = ga
            upper = int(r.amv_base) + int(
                cand.loc[
                    (cand["municipality"] == r.name) & (cand["target_group"] == "amv"), "hi"
                ].sum()
            )
            m.add(given_amv <= max(0, upper - keep_amv) * ga, f"gives_amv_{key}_switch")
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
            m.add(pulp.lpSum(m.swap[a] for a in arcs) <= limit, f"max_in_{slug(name)}")


def _credited(m: Model, r, amv: bool) -> pulp.LpAffineExpression:
    ins, outs = m.ins[r.name], m.outs[r.name]
    if amv:
        flows = pulp.lpSum(m.swap_amv[a] for a in ins if a in m.swap_amv) - pulp.lpSum(
            m.swap_amv[a] for a in outs if a in m.swap_amv
        )
        return m.own_amv[r.name] + flows + int(r.amv_fixed_in) - int(r.amv_fixed_out)
    flows = pulp.lpSum(m.swap[a] for a in ins) - pulp.lpSum(m.swap[a] for a in outs)
    return m.own[r.name] + flows + int(r.fixed_in) - int(r.fixed_out)


def add_shortfalls(m: Model) -> None:
    """A municipality's shortfall is at least its quota minus its credited places (own
    places, plus swaps in, minus swaps out, plus recorded agreements); amv likewise.
    Shortfall is slack on every quota, so the model is always feasible."""
    for r in m.inst.municipalities.itertuples(index=False):
        key = slug(r.name)
        s = m.prob.add_variable(f"shortfall_{key}", lowBound=0)
        sa = m.prob.add_variable(f"amv_shortfall_{key}", lowBound=0)
        m.shortfall[r.name], m.amv_shortfall[r.name] = s, sa
        m.add(s + _credited(m, r, amv=False) >= int(r.quota), f"quota_{key}")
        m.add(sa + _credited(m, r, amv=True) >= int(r.amv_quota), f"amv_quota_{key}")


def add_provincial_shortfall(m: Model) -> None:
    """A province's shortfall is at least its quota minus all places in the province,
    surpluses included, plus places credited from outside (Dronten for Kampen)."""
    mun = m.inst.municipalities
    for p in m.inst.provinces.itertuples(index=False):
        key = slug(p.province)
        sp = m.prob.add_variable(f"province_shortfall_{key}", lowBound=0)
        m.province_shortfall[p.province] = sp
        members = mun.loc[mun["province"] == p.province, "name"]
        m.add(
            sp + pulp.lpSum(m.own[n] for n in members) >= int(p.quota) - int(p.external_in),
            f"province_quota_{key}",
        )


def add_budget_limits(m: Model) -> None:
    """Budget limits of the scenario: number of new locations, new places, total cost."""
    lim = m.inst.scenario.limits
    cost = m.inst.countable.set_index("id")["cost"]
    if lim.max_new_locations is not None:
        m.add(
            pulp.lpSum(m.open.values()) <= lim.max_new_locations,
            "limit_new_locations",
            hard=f"at most {lim.max_new_locations} new locations",
        )
    if lim.max_new_places is not None:
        m.add(
            pulp.lpSum(m.places.values()) <= lim.max_new_places,
            "limit_new_places",
            hard=f"at most {lim.max_new_places} new places",
        )
    if lim.max_cost is not None:
        m.add(
            pulp.lpSum(float(cost[k]) * z for k, z in m.places.items()) <= lim.max_cost,
            "limit_cost",
            hard=f"total cost at most {lim.max_cost}",
        )


def define_objectives(m: Model) -> None:
    """The objective levels: provincial shortfall, amv shortfall (sum over
    municipalities), municipal shortfall (sum), new places weighted by cost, and swap
    volume; plus a tie-break among equally good answers: candidates earlier in id
    order, and swaps between nearby municipalities (see ``swap_weights``)."""
    cost = m.inst.countable.set_index("id")["cost"]
    m.objectives["provincial_shortfall"] = pulp.lpSum(m.province_shortfall.values())
    m.objectives["amv_shortfall"] = pulp.lpSum(m.amv_shortfall.values())
    m.objectives["municipal_shortfall"] = pulp.lpSum(m.shortfall.values())
    m.objectives["new_places"] = pulp.lpSum(float(cost[k]) * z for k, z in m.places.items())
    m.objectives["swap_volume"] = pulp.lpSum(m.swap.values())
    n_c = max(1, len(m.places))
    weight = dict(zip(m.inst.arcs["id"], m.inst.arcs["weight"], strict=True))
    m.objectives["tie_break"] = pulp.lpSum(
        (i + 1) / n_c * z for i, z in enumerate(m.places.values())
    ) + pulp.lpSum(float(weight[a]) * x for a, x in m.swap.items())


def create_model(inst: Instance) -> Model:
    """Build the PuLP model of an instance.

    Examples
    --------
    >>> from planner.data.loader import load_dataset
    >>> from planner.scenario.schema import Scenario
    >>> from planner.optimise.instance import build_instance
    >>> m = create_model(build_instance(load_dataset(), Scenario(name="base")))
    >>> sorted(m.objectives)[:3]
    ['amv_shortfall', 'municipal_shortfall', 'new_places']
    """
    m = Model(inst, pulp.LpProblem(slug(inst.scenario.name) or "scenario", pulp.LpMinimize))
    m.ins, m.outs = _in_out(inst)
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
