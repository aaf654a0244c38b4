"""The swap graph: which municipality may credit places to which.

Recorded agreements are fixed edges; a policy adds the pairs the optimiser may propose
(within a region, within the province, or between neighbours). The graph is data the
tool can show: the app draws it and the model takes its edges as swap variables.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

__all__ = ["swap_graph", "proposal_arcs", "adjacency_pairs", "policy_pairs"]


def adjacency_pairs(adjacency: pd.DataFrame) -> set[frozenset[str]]:
    """Pairs of municipality codes that share a border, from the validated
    ``adjacency`` table of the :class:`~planner.data.loader.Dataset` (the file is read
    and checked with the other tables, and is part of the data hashes).

    Examples
    --------
    >>> pairs = adjacency_pairs(pd.DataFrame({"gm_code_a": ["GM1"], "gm_code_b": ["GM2"]}))
    >>> pairs == {frozenset({"GM1", "GM2"})}
    True
    """
    if adjacency.empty:
        return set()
    return {
        frozenset((a, b))
        for a, b in zip(
            adjacency["gm_code_a"].tolist(), adjacency["gm_code_b"].tolist(), strict=True
        )
    }


def swap_graph(
    municipalities: pd.DataFrame,
    agreements: pd.DataFrame,
    policy: str,
    adjacency: set[frozenset[str]] | None = None,
) -> nx.DiGraph:
    """The directed graph of swaps.

    Parameters
    ----------
    municipalities
        name, code, region, province of the municipalities in the data.
    agreements
        Swap records with ``from_municipality``, ``to_municipality``, ``places``,
        ``amv_places``, ``status``, ``id``; municipalities outside the data become
        nodes with ``external=True``.
    policy
        ``none``, ``agreements``, ``region``, ``province`` or ``neighbours``.
    adjacency
        Pairs of neighbouring municipality codes, for the ``neighbours`` policy.

    Returns
    -------
    networkx.DiGraph
        Edge attributes: ``agreements`` (the records on that pair: id, places,
        amv_places, status) and ``policy`` (True when the optimiser may propose a swap
        on the pair). Proposals never cross a province border: the provincial shortfall
        is the law's unit.

    Examples
    --------
    >>> m = pd.DataFrame({"name": ["A", "B", "C"], "code": ["GM1", "GM2", "GM3"],
    ...                   "region": ["r", "r", "s"], "province": ["P", "P", "P"]})
    >>> g = swap_graph(m, pd.DataFrame(), "region")
    >>> sorted(g.edges())
    [('A', 'B'), ('B', 'A')]
    """
    g = nx.DiGraph()
    # Whole columns as lists, not itertuples: the same values, without pandas'
    # per-row cost.
    for name, code, region, province in zip(
        *(municipalities[c].tolist() for c in ("name", "code", "region", "province")),
        strict=True,
    ):
        g.add_node(name, code=code, region=region, province=province, external=False)
    if policy == "none":
        return g
    cols = ("from_municipality", "to_municipality", "id", "places", "amv_places", "status")
    rows = zip(*(agreements[c].tolist() for c in cols), strict=True) if len(agreements) else ()
    for a, b, rid, places, amv_places, status in rows:
        for node in (a, b):
            if node not in g:
                g.add_node(node, external=True, region=None, province=None, code=None)
        if not g.has_edge(a, b):
            g.add_edge(a, b, agreements=[], policy=False)
        g.edges[a, b]["agreements"].append(
            {"id": rid, "places": int(places), "amv_places": int(amv_places), "status": status}
        )
    if policy == "agreements":
        return g
    new_edges = []
    for a, b in policy_pairs(municipalities, policy, adjacency):
        if g.has_edge(a, b):
            g.edges[a, b]["policy"] = True
        else:
            new_edges.append((a, b, {"agreements": [], "policy": True}))
    g.add_edges_from(new_edges)
    return g


def policy_pairs(
    municipalities: pd.DataFrame, policy: str, adjacency: set[frozenset[str]] | None = None
) -> list[tuple[str, str]]:
    """The pairs ``(giver, receiver)`` on which ``policy`` lets the optimiser propose a
    swap, in the order of the table: never across a province border, never a
    municipality with itself; ``region`` within a region, ``neighbours`` between
    municipalities that share a border; none for ``none`` and ``agreements``.

    Examples
    --------
    >>> m = pd.DataFrame({"name": ["A", "B", "C"], "code": ["GM1", "GM2", "GM3"],
    ...                   "region": ["r", "r", "s"], "province": ["P", "P", "P"]})
    >>> policy_pairs(m, "region"), len(policy_pairs(m, "province"))
    ([('A', 'B'), ('B', 'A')], 6)
    """
    if policy in ("none", "agreements"):
        return []
    names = municipalities["name"].tolist()
    codes = municipalities["code"].tolist()
    regions = municipalities["region"].tolist()
    provinces = municipalities["province"].tolist()
    adjacency = adjacency or set()
    # Candidates j per i: the same province only (proposals never cross a province
    # border), in the order of the table, so the pairs come out in the same order as
    # a scan of every pair would give, without its 342 x 342 steps.
    members: dict[object, list[int]] = {}
    for k, p in enumerate(provinces):
        members.setdefault(p, []).append(k)
    pairs = []
    for i, a in enumerate(names):
        for j in members[provinces[i]]:
            if i == j:
                continue
            if policy == "region" and regions[i] != regions[j]:
                continue
            if policy == "neighbours" and frozenset((codes[i], codes[j])) not in adjacency:
                continue
            pairs.append((a, names[j]))
    return pairs


def proposal_arcs(g: nx.DiGraph) -> list[tuple[str, str]]:
    """Edges the optimiser may use (policy pairs), sorted for a stable model."""
    return sorted((a, b) for a, b, d in g.edges(data=True) if d["policy"])
