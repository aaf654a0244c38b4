"""Pipeline risk: the fast path against the PuLP path, hand-computed distributions,
determinism across backends (serial, local processes, a local Dask cluster)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest

from planner.cli import main
from planner.errors import InputError
from planner.optimise.instance import build_instance
from planner.optimise.levels import PulpLevels, Status, solve_levels
from planner.optimise.model import build_matrix
from planner.risk.sweep import build_sweep, progress_bar, run_risk, sample_draw, solve_patterns
from planner.scenario.schema import Scenario, load_scenario, parse_scenario
from tests.conftest import LOC_HEADER, tables

REPO = Path(__file__).resolve().parents[2]
RISK = REPO / "scenarios" / "soft-plans-risk.yaml"

# Aa covers its quota of 100; Bee has 0 of 100: the province (quota 200) is 100 short.
TWO = """\
code,name,region,province,quota,amv_quota,source
GM0001,Aa,Noord,Testland,100,0,t
GM0002,Bee,Noord,Testland,100,0,t
"""
PLACES = LOC_HEADER + "a1,Aa,X,100,,asiel,regulier,COA,2020-01-01,,,yes,existing,t,\n"


@pytest.fixture(scope="module")
def two():
    return tables(municipalities=TWO, locations=PLACES)


def same(a, b) -> None:
    da, db = a.to_dict(), b.to_dict()
    for d in (da, db):
        for key in ("seconds", "backend", "workers"):
            d.pop(key)
    assert da == db


def drawn(sc: Scenario, sm, available: np.ndarray) -> Scenario:
    """The scenario of one draw, written out: candidates that do not materialise in
    time are left out, the rest have no probability or delay."""
    out = {p.id for p, ok in zip(sm.plans, available, strict=True) if not ok}
    cands = [
        c.model_copy(update={"probability": None, "start_delay_days": None})
        for c in sc.candidates
        if c.id not in out
    ]
    return sc.model_copy(update={"candidates": cands, "risk": type(sc.risk)()})


def pulp_levels(ds, sc: Scenario) -> list[float]:
    """The objective levels of the drawn scenario built from scratch, through PuLP.

    The tie-break is solved too (so the comparison covers the same work) but not
    compared: its candidate weights follow the candidate's position among those in the
    model, which differs once candidates are left out."""
    mm = build_matrix(build_instance(ds, sc))
    levels = list(sc.objective) + ["tie_break"]
    run = solve_levels(PulpLevels(mm, "highs"), mm, levels, 60)
    assert run.status is Status.OPTIMAL
    return [lv.value for lv in run.levels][: len(sc.objective)]


@pytest.mark.parametrize("policy", ["province", "region"])
def test_fast_path_gives_the_pulp_answer_for_every_draw(overijssel, policy) -> None:
    """Each draw re-solved in place (bounds changed on one built model) has the same
    level values as the drawn scenario built from scratch and solved through PuLP."""
    sc = load_scenario(RISK, overijssel)
    sc = sc.model_copy(update={"swaps": sc.swaps.model_copy(update={"policy": policy})})
    sm = build_sweep(overijssel, sc, levels="all")
    draws = np.array([sample_draw(sm.plans, 11, i) for i in range(4)])
    assert draws.any() and not draws.all()  # draws differ: some plans in, some out
    fast = solve_patterns(sm, draws)
    assert (fast["status"] == 0).all()
    for row, avail in enumerate(draws):
        want = pulp_levels(overijssel, drawn(sc, sm, avail))
        assert fast["levels"][row][: len(want)] == pytest.approx(want, abs=1e-6)


def test_must_open_candidate_that_does_not_materialise(two) -> None:
    """A must-open plan that fails is relaxed, as if it were not in the scenario."""
    cands = [
        {"id": "b", "municipality": "Bee", "max_places": 60, "start": "2025-01-01",
         "must_open": True, "probability": 0.5},
        {"id": "c", "municipality": "Bee", "max_places": 30, "start": "2025-01-01",
         "probability": 0.5},
    ]  # fmt: skip
    sc = Scenario(name="m", candidates=cands)
    sm = build_sweep(two, sc)
    patterns = np.array([[a, b] for a in (False, True) for b in (False, True)])
    fast = solve_patterns(sm, patterns)
    # Bee is 100 short; b gives 60, c 30: 100, 70, 40, 10.
    assert fast["levels"][:, 0].tolist() == [100, 70, 40, 10]
    for row, avail in enumerate(patterns):
        want = pulp_levels(two, drawn(sc, sm, avail))
        assert fast["levels"][row][: len(want)] == pytest.approx(want)


def test_one_plan_by_hand(two) -> None:
    """Bee's only plan (100 places, probability 0.3) closes the whole gap: each draw's
    provincial shortfall is 0 if it materialised, else 100. The figures follow from the
    draws themselves (sample_draw), computed here independently of run_risk."""
    sc = Scenario(name="one", candidates=[{"id": "p", "municipality": "Bee", "max_places": 100,
                                           "start": "2025-01-01", "probability": 0.3}])  # fmt: skip
    r = run_risk(two, sc, draws=400, seed=5, workers=1)
    plans = build_sweep(two, sc).plans
    hit = np.array([sample_draw(plans, 5, i)[0] for i in range(400)])
    short = np.where(hit, 0.0, 100.0)
    assert abs(hit.mean() - 0.3) < 0.07  # 3 standard deviations of a share of 400 draws
    assert r.provincial.mean == pytest.approx(short.mean())
    assert r.p_meet_quota == pytest.approx(hit.mean())
    assert r.provinces.loc[0, "p_meet"] == pytest.approx(hit.mean())
    # P10/P50 are 0 when at least 10% / 50% of draws have the plan; P90 then 100.
    assert (r.provincial.p10, r.provincial.p50, r.provincial.p90) == (0, 100, 100)
    bee = r.municipalities.set_index("name").loc["Bee"]
    assert bee["p_short"] == pytest.approx(1 - hit.mean()) and bee["mean"] == short.mean()
    plan = r.plans.iloc[0]
    # Certain plan: shortfall 0 in every draw, so the drop is the whole expectation.
    assert plan["importance_provincial"] == pytest.approx(short.mean())
    assert plan["realised_share"] == pytest.approx(hit.mean())


def test_start_delay_by_hand(two) -> None:
    """Earliest start 30 days before the window start, delay triangular(0, 0, 60):
    P(delay <= 30) = 1 - (60 - 30)^2 / (60 * 60) = 0.75."""
    delay = {"min": 0, "mode": 0, "max": 60}
    cand = {"id": "p", "municipality": "Bee", "max_places": 100, "start": "2025-06-01"}
    sc = Scenario(name="d", candidates=[{**cand, "start_delay_days": delay}])
    r = run_risk(two, sc, draws=400, seed=2, workers=1)
    plan = r.plans.iloc[0]
    assert plan["p_in_time"] == pytest.approx(0.75)
    assert abs(plan["realised_share"] - 0.75) < 0.07
    assert r.p_meet_quota == pytest.approx(plan["realised_share"])


def test_certain_plans_give_the_deterministic_answer(overijssel) -> None:
    """All probabilities 1 and no delays: every draw is the plain solve, P(meet quota)
    is 0 or 1 as the plain solve says, and no plan has any importance."""
    from planner.optimise.solve import solve_scenario

    sc = load_scenario(RISK, overijssel)
    certain = {c.id: 1.0 for c in sc.candidates}
    cands = [c.model_copy(update={"start_delay_days": None}) for c in sc.candidates]
    risk = sc.risk.model_copy(update={"probability": certain})
    sc = sc.model_copy(update={"candidates": cands, "risk": risk})
    plain = solve_scenario(overijssel, sc)
    r = run_risk(overijssel, sc, draws=12, seed=1, workers=1)
    want = plain.level("provincial_shortfall")
    assert (r.samples["provincial_shortfall"] == want).all()
    assert r.provincial.p10 == r.provincial.p90 == want
    assert r.p_meet_quota == (1.0 if want == 0 else 0.0) == 0.0  # Overijssel stays short
    assert (r.plans["importance_provincial"] == 0).all()
    assert (r.plans["importance_municipal"] == 0).all()
    by_name = plain.municipalities.set_index("name")["shortfall"]
    mean = r.municipalities.set_index("name")["mean"]
    assert (mean == by_name.reindex(mean.index)).all()


def test_p_meet_is_one_when_the_plain_solve_meets_the_quota(two) -> None:
    sc = Scenario(name="c", candidates=[{"id": "p", "municipality": "Bee", "max_places": 100,
                                         "start": "2025-01-01", "probability": 1.0}])  # fmt: skip
    r = run_risk(two, sc, draws=10, seed=0, workers=1)
    assert r.p_meet_quota == 1.0 and r.plans.loc[0, "importance_provincial"] == 0


def test_same_seed_same_numbers_whatever_the_workers(overijssel) -> None:
    sc = load_scenario(RISK, overijssel)
    serial = run_risk(overijssel, sc, draws=40, seed=4, workers=1)
    again = run_risk(overijssel, sc, draws=40, seed=4, workers=1, chunk_size=7)
    local = run_risk(overijssel, sc, draws=40, seed=4, workers=2, chunk_size=6)
    assert local.backend == "processes" and local.workers == 2
    same(serial, again)
    same(serial, local)
    other = run_risk(overijssel, sc, draws=40, seed=5, workers=1)
    assert not serial.samples.equals(other.samples)


def test_by_default_a_small_sweep_stays_here_and_a_long_one_uses_idle_cores(
    overijssel, monkeypatch
) -> None:
    """Without ``workers``, a first chunk is solved here and timed: 40 draws take far
    less than the start of a process, so they stay here; when the rest would take
    longer than that (the threshold set to 0 s) and two cores are idle, the rest goes
    to two processes. Same numbers either way, and progress reaches every draw."""
    from planner.risk import runners

    sc = load_scenario(RISK, overijssel)
    serial = run_risk(overijssel, sc, draws=40, seed=4, workers=1)
    here = run_risk(overijssel, sc, draws=40, seed=4)
    assert here.backend == "serial" and here.workers == 1
    same(serial, here)
    monkeypatch.setattr(runners, "PROCESSES_PAY_AFTER", 0.0)
    monkeypatch.setattr(runners, "idle_cores", lambda: 2)
    seen = []
    split = run_risk(overijssel, sc, draws=40, seed=4, chunk_size=5,
                     progress=lambda d, n: seen.append((d, n)))  # fmt: skip
    assert split.backend == "processes" and split.workers == 2
    same(serial, split)
    assert seen[-1] == (40, 40) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_idle_cores_counts_at_least_one_and_at_most_the_cores() -> None:
    from planner.risk.runners import cores, idle_cores

    assert 1 <= idle_cores(sample=0.05) <= cores()


def test_dask_cluster_gives_the_serial_numbers(overijssel) -> None:
    distributed = pytest.importorskip("distributed")
    sc = load_scenario(RISK, overijssel)
    serial = run_risk(overijssel, sc, draws=40, seed=8, workers=1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        seen = []
        r = run_risk(overijssel, sc, draws=40, seed=8, scheduler=cluster.scheduler_address,
                     chunk_size=5, progress=lambda d, n: seen.append((d, n)))  # fmt: skip
    assert r.backend == "dask" and r.workers == 2
    same(serial, r)
    assert seen[-1] == (40, 40) and [d for d, _ in seen] == sorted(d for d, _ in seen)


@pytest.mark.usefixtures("english")
def test_progress_is_reported_in_draws(two) -> None:
    sc = Scenario(name="p", candidates=[{"id": "p", "municipality": "Bee", "max_places": 100,
                                         "start": "2025-01-01", "probability": 0.5}])  # fmt: skip
    seen = []
    run_risk(two, sc, draws=30, seed=1, workers=1, progress=lambda d, n: seen.append((d, n)))
    assert seen[-1] == (30, 30)
    buf = io.StringIO()
    bar = progress_bar(buf, width=10)
    bar(5, 10)
    bar(10, 10)
    assert "\r[#####-----] 5/10 draws" in buf.getvalue() and buf.getvalue().endswith("\n")


@pytest.mark.usefixtures("english")
def test_bad_input_is_named(two) -> None:
    sc = Scenario(name="x")
    with pytest.raises(InputError, match="draws must be at least 1"):
        run_risk(two, sc, draws=0)
    with pytest.raises(InputError) as exc:
        cand = {"id": "a", "municipality": "Aa", "max_places": 5, "start": "2025-01-01"}
        parse_scenario({"name": "x", "candidates": [{**cand, "probability": 1.5}]}, "s.yaml")
    assert "candidates[0].probability" in str(exc.value) and "0 to 1" in str(exc.value)
    with pytest.raises(InputError, match="risk.probability names 'bb'.*did you mean 'b'"):
        cand = {"id": "b", "municipality": "Aa", "max_places": 5, "start": "2025-01-01"}
        parse_scenario({"name": "x", "risk": {"probability": {"bb": 0.5}}, "candidates": [cand]})
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        run_risk(two, sc, draws=5, scheduler="tcp://127.0.0.1:9")


def test_cli_risk_json_and_errors(capsys) -> None:
    code = main(["risk", str(RISK), "--draws", "20", "--seed", "3", "--workers", "1",
                 "--format", "json", "--no-progress"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["draws"] == 20 and data["status"] == "ok"
    assert {"mean", "p10", "p50", "p90"} <= set(data["provincial_shortfall"])
    assert {p["id"] for p in data["plans"]} >= {"sp-zwolle", "sp-wierden"}
    wierden = next(p for p in data["plans"] if p["id"] == "sp-wierden")
    assert wierden["probability"] == 1.0 and wierden["importance_provincial"] == 0
    assert main(["risk", str(RISK), "--draws", "0"]) == 2
    assert "draws moet minstens 1 zijn, niet 0" in capsys.readouterr().err
    assert main(["risk", str(RISK), "--draws", "0", "--lang", "en"]) == 2
    assert "draws must be at least 1" in capsys.readouterr().err


def test_risk_on_a_scenario_without_an_answer(tmp_path, capsys) -> None:
    """Issue 11.10: p must open (80-100 places, certain) but at most 50 new places: no
    draw has an answer. ``planner risk`` says so, names the conflict, writes no figures
    (no NaN conversion) and exits 3; the JSON form has nulls, not NaN."""
    path = tmp_path / "s.yaml"
    path.write_text(
        "name: s\nlimits: {max_new_places: 50}\ncandidates:\n"
        "  - {id: p, municipality: Borne, min_places: 80, max_places: 100,"
        " start: 2025-01-01, must_open: true, probability: 1.0}\n",
        encoding="utf-8",
    )
    code = main(["risk", str(path), "--draws", "4", "--workers", "1"])
    out = capsys.readouterr().out
    assert code == 3 and "geen enkele trekking heeft een antwoord" in out
    assert "kandidaat p moet open" in out and "max_new_places" in out
    code = main(["risk", str(path), "--draws", "4", "--workers", "1", "--format", "json",
                 "--lang", "en"])  # fmt: skip
    doc = json.loads(capsys.readouterr().out)
    assert code == 3 and doc["status"] == "failed" and doc["p_meet_quota"] is None
    assert doc["provincial_shortfall"]["mean"] is None
