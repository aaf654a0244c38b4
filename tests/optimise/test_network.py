"""The swap graph and the policy's pairs, on small tables worked out by hand."""

from __future__ import annotations

import io

import pandas as pd

from planner.optimise.instance import build_instance
from planner.optimise.network import adjacency_pairs, policy_pairs, proposal_arcs, swap_graph
from planner.scenario.schema import Scenario

MUNICIPALITIES = pd.read_csv(
    io.StringIO(
        """name,code,region,province
A,GM1,Noord,P
B,GM2,Noord,P
C,GM3,Zuid,P
D,GM4,Zuid,Q
"""
    )
)
AGREEMENTS = pd.DataFrame(
    {
        "from_municipality": ["A", "X"],
        "to_municipality": ["C", "A"],
        "id": ["a-c", "x-a"],
        "places": [20, 5],
        "amv_places": [2, 0],
        "status": ["agreed", "locked"],
    }
)


def test_region_pairs_stay_in_their_region_and_province() -> None:
    """Region policy: A and B share Noord (2 ordered pairs); C is alone in Zuid within
    province P, and D lies in another province: no pair with either."""
    assert policy_pairs(MUNICIPALITIES, "region") == [("A", "B"), ("B", "A")]


def test_province_pairs_never_cross_a_province_border() -> None:
    """Province policy: A, B, C in P give 3 x 2 = 6 ordered pairs; D (province Q) has
    no partner in its province."""
    pairs = policy_pairs(MUNICIPALITIES, "province")
    assert len(pairs) == 6 and not any("D" in p for p in pairs)


def test_neighbour_pairs_follow_the_border_list() -> None:
    """Only A-C share a border (GM1-GM3): the pairs A->C and C->A; GM3-GM4 crosses into
    province Q and gives none."""
    adjacency = adjacency_pairs(pd.DataFrame({"gm_code_a": ["GM1", "GM3"],
                                              "gm_code_b": ["GM3", "GM4"]}))  # fmt: skip
    assert policy_pairs(MUNICIPALITIES, "neighbours", adjacency) == [("A", "C"), ("C", "A")]


def test_no_pairs_without_a_proposing_policy() -> None:
    assert policy_pairs(MUNICIPALITIES, "none") == []
    assert policy_pairs(MUNICIPALITIES, "agreements") == []


def test_the_graph_holds_agreements_and_policy_pairs() -> None:
    """Region policy with two records: A->C (across regions) is an agreement edge the
    optimiser may not use for proposals; X (outside the data) becomes an external node;
    the policy's edges are exactly its pairs."""
    g = swap_graph(MUNICIPALITIES, AGREEMENTS, "region")
    assert g.edges["A", "C"]["policy"] is False
    assert g.edges["A", "C"]["agreements"] == [
        {"id": "a-c", "places": 20, "amv_places": 2, "status": "agreed"}
    ]
    assert g.nodes["X"]["external"] is True and g.nodes["A"]["external"] is False
    assert proposal_arcs(g) == sorted(policy_pairs(MUNICIPALITIES, "region"))
    assert g.number_of_edges() == 2 + 2  # two records, two policy pairs


def test_an_instance_makes_its_graph_when_asked(overijssel) -> None:
    """The instance keeps what the graph is made of and makes it on first use: its
    policy edges are the province's pairs (25 municipalities of one province: 25 x 24 =
    600), and every proposal arc of the model lies on one of them."""
    inst = build_instance(overijssel, Scenario(name="t", swaps={"policy": "province"}))
    g = inst.graph
    assert inst.graph is g  # made once
    pairs = proposal_arcs(g)
    assert len(pairs) == 25 * 24
    policy_arcs = inst.arcs[inst.arcs["source"] == "policy"]
    assert set(zip(policy_arcs["from"], policy_arcs["to"], strict=True)) <= set(pairs)
