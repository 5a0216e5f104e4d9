"""The analysis against brute force on spaces small enough to check every pair."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.analysis import analyze, build_space
from game.analysis import pareto as P
from game.analysis.solutions import SAMPLE as P_SAMPLE
from game.engine.model import Delegation, Issue, Option, Personality, Scenario, Venue
from game.scenario import bundled, load_scenario
from tests.cli_runner import run_main

ROOT = Path(__file__).resolve().parents[2]


def make_scenario(values: list[list[list[float]]], weights: list[list[float]], reservations: list[float]) -> Scenario:
    """values[party][issue][option], weights[party][issue]."""
    n_issues = len(values[0])
    issues = tuple(
        Issue(f"i{k}", f"Issue {k}", tuple(Option(f"o{j}", f"O{j}") for j in range(len(values[0][k]))), 0)
        for k in range(n_issues)
    )
    dels = []
    for p, (vals, ws) in enumerate(zip(values, weights, strict=True)):
        total = sum(ws)
        dels.append(
            Delegation(
                f"p{p}", f"P{p}", "-", "party", (), "ai", Personality(),
                tuple(w / total for w in ws), tuple(tuple(v) for v in vals),
                tuple(frozenset() for _ in range(n_issues)), reservations[p], 60, (50,) * len(values), (0,) * n_issues,
            )
        )  # fmt: skip
    parties = tuple(range(len(values)))
    venue = Venue("v", "V", tuple(range(n_issues)), parties, parties, 1, 5, 50)
    return Scenario("t", "T", "-", (), issues, tuple(dels), (venue,))


def _brute_front(utils: np.ndarray) -> list[int]:
    """Rows no other row dominates, by comparing every pair (vectorised a row at a time: a row
    against every row, a column at a time; one whole comparison of the table a row cost 15 to 25
    times as much in numpy's reductions along its rows)."""
    columns = [np.ascontiguousarray(column) for column in utils.T]
    front = []
    for a, row in enumerate(utils):
        at_least = columns[0] >= row[0]  # b is at least as good as a on every column so far
        above = columns[0] > row[0]  # and better on one
        for column, value in zip(columns[1:], row[1:], strict=True):
            at_least &= column >= value
            above |= column > value
        if not (at_least & above).any():
            front.append(a)
    return front


def brute(scenario: Scenario) -> tuple[np.ndarray, list[int]]:
    space = build_space(scenario)
    # the same tolerance the analysis uses: utilities equal to 1e-9 are equal, so float noise
    # in a sum never makes one package dominate another
    utils = np.round(space.utilities(), 9)
    front = [
        a
        for a in range(len(utils))
        if not any((utils[b] >= utils[a]).all() and (utils[b] > utils[a]).any() for b in range(len(utils)))
    ]
    return utils, front


spaces = st.integers(2, 4).flatmap(
    lambda parties: st.lists(st.integers(2, 4), min_size=1, max_size=3).flatmap(
        lambda radix: st.tuples(
            st.just(parties),
            st.lists(
                st.tuples(
                    *[st.lists(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]), min_size=r, max_size=r) for r in radix]
                ),
                min_size=parties,
                max_size=parties,
            ),
            st.lists(
                st.lists(st.integers(1, 5), min_size=len(radix), max_size=len(radix)),
                min_size=parties,
                max_size=parties,
            ),
            st.lists(st.sampled_from([0.0, 0.2, 0.4, 0.6]), min_size=parties, max_size=parties),
        )
    )
)


@settings(max_examples=80, deadline=None, database=None)
@given(spaces)
def test_frontier_nash_kalai_and_zopa_match_brute_force(space: tuple) -> None:  # type: ignore[type-arg]
    _, values, weights, reservations = space
    scenario = make_scenario([list(map(list, v)) for v in values], [list(map(float, w)) for w in weights], reservations)
    result = analyze(scenario)
    utils, front = brute(scenario)
    assert result.exact
    assert sorted(result.pareto.tolist()) == front
    res = np.array(reservations)
    zopa = [i for i in range(len(utils)) if (utils[i] >= res - 1e-12).all()]
    assert result.zopa_size == len(zopa)
    if not zopa:
        assert result.nash is None and result.kalai is None
        return
    assert result.nash in zopa and result.kalai in zopa
    gains = [np.clip(utils[i] - res, 0, None) for i in zopa]
    if any((g > 0).all() for g in gains):
        best = max(math.prod(g) for g in gains)
        assert math.prod(np.clip(utils[result.nash] - res, 0, None)) == pytest.approx(best)
    ideal = np.max(gains, axis=0)
    share = [min((g[k] / ideal[k]) if ideal[k] > 0 else 1.0 for k in range(len(g))) for g in gains]
    kalai_gain = np.clip(utils[result.kalai] - res, 0, None)
    kalai_share = min((kalai_gain[k] / ideal[k]) if ideal[k] > 0 else 1.0 for k in range(len(res)))
    assert kalai_share == pytest.approx(max(share))
    assert utils[result.welfare].sum() == pytest.approx(utils.sum(axis=1).max())


def test_pareto_gap_is_zero_on_the_frontier_and_exact_below_it() -> None:
    scenario = make_scenario(
        [[[1.0, 0.5, 0.0], [1.0, 0.0]], [[0.0, 0.5, 1.0], [0.0, 1.0]]], [[3, 1], [1, 3]], [0.2, 0.2]
    )
    result = analyze(scenario)
    for index in result.pareto:
        assert result.pareto_gap(result.utilities_of(int(index))) == pytest.approx(0.0)
    # from (0.75, 0.0), (o0, o1) = (0.75, 0.75) gains blue 0.75 but red nothing, and
    # (o0, o0) = (1.0, 0.0) gains red 0.25 but blue nothing: no gain for both at once
    assert result.pareto_gap(np.array([0.75, 0.0])) == pytest.approx(0.0)
    # a deal worth 0.3 to each: (o0, o1) = (0.75, 0.75) gives both 0.45 more
    assert result.pareto_gap(np.array([0.3, 0.3])) == pytest.approx(0.45)
    nash = result.utilities_of(result.nash)
    assert result.nash_distance(nash) == pytest.approx(0.0)


def test_red_lines_of_signatories_are_left_out_of_the_space() -> None:
    scenario = load_scenario(ROOT / "tests" / "fixtures" / "mini.yaml")
    space = build_space(scenario)
    # red's red line rules out prisoners=all: 2 x 3 packages remain
    assert space.size == 6
    assert all(option != 2 for i, option in (space.package(k)[0] for k in range(space.size)))


def test_a_frontier_too_large_for_the_budget_falls_back_to_a_flagged_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = load_scenario(bundled()["astana-8"])
    exact = analyze(scenario)
    assert exact.exact
    monkeypatch.setattr(P, "BUDGET", 10)
    sampled = analyze(scenario)
    assert not sampled.exact
    assert set(sampled.pareto.tolist()) <= set(range(sampled.packages))
    # the sampled frontier is exactly the non-dominated packages of the seeded sample: none of
    # them is beaten by a package of the sample, and every other package of the sample is
    rng = np.random.default_rng(0)
    sample = np.unique(rng.integers(0, sampled.packages, size=P_SAMPLE, dtype=np.int64))
    utils = np.round(sampled.space.utilities(sample), 9)
    assert sorted(sampled.pareto.tolist()) == sample[_brute_front(utils)].tolist()
    # a package on the exact frontier that the sample drew is on the sampled frontier too
    drawn = set(sample.tolist()) & set(exact.pareto.tolist())
    assert drawn and drawn <= set(sampled.pareto.tolist())


def test_frontier_from_issue_by_issue_merging_equals_filtering_the_whole_space() -> None:
    scenario = load_scenario(bundled()["sochi-congress"])
    space = build_space(scenario)
    whole = P.nondominated(space.utilities())
    assert sorted(P.frontier(space).tolist()) == sorted(whole.tolist())


def test_analyze_command_json() -> None:
    out = run_main("analyze", "astana-8", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in ("packages", "pareto_size", "nash", "kalai", "zopa_size"):
        assert key in data
    assert data["exact"] is True
    assert set(data["nash"]["package"]) == set(data["issues"])


def test_every_combination_is_enumerated_once() -> None:
    scenario = load_scenario(bundled()["sochi-congress"])
    space = build_space(scenario)
    seen = {space.package(k) for k in range(space.size)}
    assert len(seen) == space.size == math.prod(space.radix)
    product = set(itertools.product(*space.allowed))
    assert {tuple(o for _, o in p) for p in seen} == product


def _large_space(seed: int) -> Scenario:
    """A space of 1,025 to 3,000 packages, past the 1,024-row blocks the frontier is built in.
    Half are trade-off surfaces (issue j moves value from party j to party j+1, so most packages
    are on the frontier, thousands of them); half are random values on a coarse grid (many ties)."""
    rng = np.random.default_rng(seed)
    while True:
        radix = [int(r) for r in rng.integers(3, 70, size=int(rng.integers(2, 4)))]
        if 1025 <= math.prod(radix) <= 3000:
            break
    parties = len(radix) + 1 if seed % 2 == 0 else int(rng.integers(3, 6))
    values = [[[0.0] * r for r in radix] for _ in range(parties)]
    for j, r in enumerate(radix):
        if seed % 2 == 0:
            share = rng.random(r)
            values[j][j], values[j + 1][j] = share.tolist(), (1 - share).tolist()
        else:
            for p in range(parties):
                values[p][j] = (rng.integers(0, 6, r) / 5).tolist()
    weights = [[float(w) for w in rng.integers(1, 6, size=len(radix))] for _ in range(parties)]
    return make_scenario(values, weights, [0.0] * parties)


@settings(max_examples=6, deadline=None, database=None)
@given(st.integers(0, 2**32 - 1))
def test_frontier_matches_brute_force_past_the_block_size(seed: int) -> None:
    space = build_space(_large_space(seed))
    assert space.size > 1024
    utils = np.round(space.utilities(), 9)
    front = _brute_front(utils)
    assert sorted(P.frontier(space, None).tolist()) == front
    assert P.nondominated(space.utilities()).tolist() == front


@pytest.mark.parametrize("k", [2, 4])
def test_a_surface_of_thousands_of_trade_offs_is_all_frontier(k: int) -> None:
    # 3,000 points on a sphere's positive part (none dominates another), 500 exact copies of
    # some of them (a copy does not dominate its original), 250 points just below others (in
    # the same block) and 250 well below (blocks later: found only against the whole frontier)
    rng = np.random.default_rng(k)
    surface = np.abs(rng.normal(size=(3000, k)))
    surface /= np.linalg.norm(surface, axis=1)[:, None]
    copies = surface[rng.integers(0, 3000, 500)]
    below = surface[rng.integers(0, 3000, 500)] - 1e-6 * rng.integers(0, 2, size=(500, k))
    below[:, 0] -= 1e-6
    below[250:] *= rng.uniform(0.5, 0.95, size=(250, 1))
    points = np.concatenate([surface, copies, below])[rng.permutation(4000)]
    got = P.nondominated(points).tolist()
    assert got == _brute_front(np.round(points, 9))
    assert len(got) == 3500
