"""The synthetic national instance: geography, quotas, determinism, and that the
pipeline reads and solves another country's data unchanged."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from planner.cli import main
from planner.data.loader import load_dataset
from planner.data.national import NATIONAL_NEED, SCENARIO_FILE, generate_country, write_country
from planner.errors import InputError
from planner.optimise.solve import Status, solve_scenario
from planner.scenario.schema import load_scenario
from tests.conftest import DATA


@pytest.fixture(scope="module")
def country():
    return generate_country(seed=7)


def test_quotas_sum_exactly_to_the_national_need(country) -> None:
    m = country.municipalities
    assert len(m) == 342 and m["code"].is_unique
    assert int(m["quota"].sum()) == NATIONAL_NEED == 96_000
    # amv: 8.5% of 96,000 = 8,160, and never more than a municipality's own quota.
    assert int(m["amv_quota"].sum()) == 8_160
    assert (m["amv_quota"] <= m["quota"]).all()


def test_quotas_follow_population(country) -> None:
    """Largest remainder: every quota is within one place of its exact share."""
    pop = pd.read_csv(DATA / "cbs_gemeenten_2024.csv", dtype={"code": str})
    m = country.municipalities.merge(pop, on="code")
    exact = m["population_2024"] / m["population_2024"].sum() * 96_000
    assert ((m["quota"] - exact).abs() < 1).all()


def test_every_municipality_in_one_contiguous_province(country) -> None:
    m = country.municipalities
    assert m["province"].nunique() == 12 and m["province"].notna().all()
    adj = pd.read_csv(DATA / "adjacency_2024.csv", dtype=str)
    g = nx.Graph()
    g.add_nodes_from(m["code"])
    g.add_edges_from(zip(adj["gm_code_a"], adj["gm_code_b"], strict=True))
    mainland = max(nx.connected_components(g), key=len)
    for province, codes in country.provinces.items():
        parts = list(nx.connected_components(g.subgraph(codes)))
        # One connected mainland part; anything else is a whole island group.
        assert sum(1 for p in parts if p & mainland) == 1, province
        for p in parts:
            if not p & mainland:
                assert p in [set(c) for c in nx.connected_components(g)], province
    for region, group in m.groupby("region"):
        assert group["province"].nunique() == 1, region
    per_province = m.groupby("province")["region"].nunique()
    assert per_province.between(1, 4).all() and (per_province >= 2).sum() >= 10


def test_same_seed_gives_byte_identical_files(tmp_path) -> None:
    a = write_country(generate_country(seed=5, municipalities=30, provinces=3), tmp_path / "a")
    b = write_country(generate_country(seed=5, municipalities=30, provinces=3), tmp_path / "b")
    assert [p.name for p in a] == [p.name for p in b]
    for pa, pb in zip(a, b, strict=True):
        assert pa.read_bytes() == pb.read_bytes(), pa.name
    c = write_country(generate_country(seed=6, municipalities=30, provinces=3), tmp_path / "c")
    assert (tmp_path / "a" / "locations.csv").read_bytes() != c[1].read_bytes()


def test_small_instance_loads_and_solves_through_the_normal_pipeline(tmp_path) -> None:
    """40 municipalities in 3 provinces: written as a data folder, read by the loader,
    solved as any province. Checks that hold whatever was drawn: the sum of
    provincial shortfalls is the provincial level; no proposed swap crosses a province
    border; swaps never change the provincial shortfall (compare with no swaps)."""
    write_country(generate_country(seed=2, municipalities=40, provinces=3), tmp_path)
    ds = load_dataset(tmp_path)
    assert len(ds.municipalities) == 40 and ds.municipalities["province"].nunique() == 3
    sc = load_scenario(tmp_path / SCENARIO_FILE, ds)
    res = solve_scenario(ds, sc)
    assert res.status is Status.OPTIMAL, res.messages
    inst = res.instance
    assert len(inst.provinces) == 3
    province_of = dict(zip(ds.municipalities["name"], ds.municipalities["province"], strict=True))
    proposed = res.swaps[res.swaps["kind"] == "proposed"]
    pairs = zip(proposed["from"], proposed["to"], strict=True)
    assert all(province_of[a] == province_of[b] for a, b in pairs)
    m = res.municipalities
    per_province = m.groupby("province").agg(quota=("quota", "sum"), places=("places", "sum"))
    ext = inst.provinces.set_index("province")["external_in"]
    expected = (per_province["quota"] - per_province["places"] - ext).clip(lower=0).sum()
    assert res.level("provincial_shortfall") == pytest.approx(expected)
    no_swaps = sc.model_copy(update={"swaps": sc.swaps.model_copy(update={"policy": "agreements"})})
    res2 = solve_scenario(ds, no_swaps)
    assert res2.level("provincial_shortfall") == res.level("provincial_shortfall")
    assert res2.level("municipal_shortfall") >= res.level("municipal_shortfall")


def test_nothing_is_overwritten_without_force(tmp_path, capsys) -> None:
    out = tmp_path / "nat"
    args = ["national", "--seed", "1", "--municipalities", "20", "--provinces", "2"]
    assert main([*args, "--out", str(out)]) == 0
    before = (out / "locations.csv").read_bytes()
    (out / "locations.csv").write_text("my own edits\n")
    assert main([*args, "--out", str(out), "--seed", "2"]) == 2
    assert "--force" in capsys.readouterr().err
    assert (out / "locations.csv").read_text() == "my own edits\n"
    assert main([*args, "--out", str(out), "--force"]) == 0
    assert (out / "locations.csv").read_bytes() == before


def test_bad_parameters_are_named() -> None:
    with pytest.raises(InputError) as exc:
        generate_country(seed=1, municipalities=5, provinces=9)
    assert "provinces" in str(exc.value) or "municipalities" in str(exc.value)


def test_nothing_in_the_package_names_overijssel_or_its_regions() -> None:
    from pathlib import Path

    import planner

    words = ("overijssel", "ijsselland", "twente")
    for path in Path(planner.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        for w in words:
            assert w not in text, f"{path.name} names {w}"


def test_a_folder_that_cannot_be_made_is_named_with_the_reason(tmp_path, monkeypatch, capsys):
    """`planner national --out` into a folder the system will not make (no permission)
    exits with 2 and names the folder and the reason in Dutch, not an unexpected
    error."""
    import errno
    import pathlib

    from planner.cli import main

    out = tmp_path / "landelijk"
    real = pathlib.Path.mkdir

    def refuse(self, *args, **kwargs):
        if self == out:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "mkdir", refuse)
    assert main(["national", "--out", str(out), "--municipalities", "20"]) == 2
    err = capsys.readouterr().err
    assert str(out) in err and "geen toestemming" in err and "Onverwachte" not in err
