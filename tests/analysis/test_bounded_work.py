"""Bounded work for any file that validates (issue 14): package spaces past 2^63 counted exactly
and sampled, a time budget on every frontier path, limits in the format, no recursion that grows
with the file, and only regular files read."""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from game.analysis.lint import venue_checks
from game.analysis.pareto import FrontierTooLarge, _sweep_2d, frontier, nondominated
from game.analysis.solutions import analyze
from game.analysis.space import build_space
from game.cli import main
from game.engine import new_game
from game.scenario import check_bytes, load_scenario
from game.scenario import spec as S
from tests.analysis.big_spaces import make
from tests.cli_runner import Result, run_main

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
# PyYAML's C emitter where it is built with it (the same text for these documents, a fifth of the time)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def scenario_of(doc: dict[str, object]):  # type: ignore[no-untyped-def]
    scenario, diagnostics = check_bytes(yaml.dump(doc, Dumper=DUMPER).encode(), "big.yaml")
    assert scenario is not None, diagnostics
    return scenario


@pytest.mark.parametrize(("issues", "options"), [(64, 2), (63, 2), (40, 3), (64, 16)])
def test_a_space_past_int64_is_counted_exactly_and_sampled(issues: int, options: int) -> None:
    scenario = scenario_of(make(issues, options))
    space = build_space(scenario)
    assert space.size == options**issues, "no wrap past 2^63"
    a = analyze(scenario)
    assert not a.exact and a.packages == options**issues
    assert a.nash is not None and 0 <= a.nash < space.size
    package = space.package(a.nash)
    assert len(package) == issues and all(0 <= o < options for _, o in package)
    assert space.encode(space.decode(a.nash)) == a.nash
    u = a.utilities_of(a.nash)
    assert u.shape == (2,) and np.isfinite(u).all()
    assert a.pareto_gap(u) >= 0.0 and len(a.pareto) > 0
    data = a.to_json()
    assert data["packages"] == options**issues and data["nash"] is not None


def test_validate_analyze_and_simulate_finish_on_a_space_past_int64(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(yaml.dump(make(40, 3), Dumper=DUMPER))
    for args in (["validate", str(path)], ["analyze", str(path)], ["simulate", str(path), "--games", "1"]):
        assert main(args) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert f"{3**40:,}" in out or str(3**40) in out


def test_the_two_party_frontier_spends_its_budget() -> None:
    """The sweep for two signatories used to run without a budget: a frontier of every package."""
    space = build_space(scenario_of(make(10, 2)))
    exact = frontier(space, budget=None)
    assert list(exact) == list(nondominated(space.utilities())), "the same frontier as brute force"
    with pytest.raises(FrontierTooLarge):
        frontier(space, budget=len(exact))


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=40))
def test_the_two_party_sweep_keeps_exactly_the_undominated_points(rows: list[tuple[int, int]]) -> None:
    """With many equal sums (ties) too: the vectorised tie rule against brute force."""
    pts = np.array(rows, dtype=float)
    brute = [
        i for i, p in enumerate(pts) if not any((q >= p).all() and (q > p).any() for j, q in enumerate(pts) if j != i)
    ]
    assert list(_sweep_2d(pts)) == brute
    assert list(nondominated(pts)) == brute


def test_many_equal_sums_do_not_make_the_sweep_quadratic() -> None:
    """A million points on four values each: the old loop over ties took minutes."""
    rng = np.random.default_rng(0)
    pts = rng.integers(0, 4, size=(1_000_000, 2)).astype(float)
    kept = _sweep_2d(pts)
    assert len(kept) >= 1 and (pts[kept] == pts.max(axis=0)).any(axis=1).all()


# --- limits in the format ------------------------------------------------------------------


def _errors(doc: dict[str, object]) -> list[str]:
    _, diagnostics = check_bytes(yaml.dump(doc, Dumper=DUMPER).encode(), "big.yaml")
    return [d.message for d in diagnostics if d.severity == "error"]


@pytest.mark.parametrize(
    ("what", "doc"),
    [
        ("issues", lambda: make(S.MAX_ISSUES + 1, 2)),
        ("options", lambda: make(2, S.MAX_OPTIONS + 1)),
        ("delegations", lambda: make(2, 2, parties=S.MAX_DELEGATIONS + 1)),
        ("venues", lambda: make(2, 2, venues=S.MAX_VENUES + 1)),
    ],
)
def test_the_format_bounds_sizes(what: str, doc) -> None:  # type: ignore[no-untyped-def]
    errors = _errors(doc())
    assert any("items: at most" in e for e in errors), (what, errors)


def test_the_format_bounds_sizes_at_the_limit_too() -> None:
    assert _errors(make(S.MAX_ISSUES, 2)) == []
    assert _errors(make(2, 2, parties=S.MAX_DELEGATIONS)) == []


def test_the_format_bounds_events_and_tests() -> None:
    doc = make(2, 2)
    doc["events"] = [{"id": f"e{k}", "title": "T", "text": "x", "weight": 1} for k in range(S.MAX_EVENTS + 1)]
    assert any(f"at most {S.MAX_EVENTS}" in e for e in _errors(doc))
    doc = make(2, 2)
    test = {"name": "t", "games": S.MAX_TEST_GAMES + 1, "expect": [{"agreement_rate": {"at_least": 0}}]}
    doc["tests"] = [test]
    assert any("out of range" in e for e in _errors(doc))
    doc["tests"] = [{**test, "name": f"t{k}", "games": S.MAX_TEST_GAMES} for k in range(S.MAX_TESTS + 1)]
    assert any(f"at most {S.MAX_TESTS}" in e for e in _errors(doc))


def test_the_tests_of_a_file_are_bounded_in_play() -> None:
    """Five million games used to validate; the bound is on games x turns x delegations^2."""
    doc = make(3, 2, parties=20)
    doc["tests"] = [
        {"name": f"t{k}", "games": S.MAX_TEST_GAMES, "expect": [{"agreement_rate": {"at_least": 0}}]} for k in range(3)
    ]
    errors = _errors(doc)
    per_game = 2 * 20 * 20 * 20  # 2 rounds of 20 speakers, among 20 delegations (make's one venue)
    assert any(
        "units of play" in e and f"ask for fewer games (at most {S.MAX_TEST_WORK // per_game:,} in all)" in e
        for e in errors
    ), errors
    doc["tests"] = doc["tests"][:1]
    doc["tests"][0]["games"] = 10
    assert _errors(doc) == []


def test_a_single_game_over_the_bound_asks_for_a_smaller_table() -> None:
    doc = make(2, 2, parties=S.MAX_DELEGATIONS)
    doc["venues"][0]["rounds"] = 50
    doc["tests"] = [{"name": "t", "games": 1, "expect": [{"agreement_rate": {"at_least": 0}}]}]
    errors = [e for e in _errors(doc) if "units of play" in e]
    assert len(errors) == 1 and "the tests ask for 1 game of about" in errors[0], errors
    assert errors[0].endswith("one game alone is over it: test a table with fewer rounds or delegations")


def test_the_bundled_scenarios_are_within_the_bounds() -> None:
    from game.scenario import bundled

    for path in bundled().values():
        assert load_scenario(path) is not None


# --- no recursion that grows with the file -------------------------------------------------


def test_a_campaign_of_venues_that_end_as_they_open_does_not_recurse() -> None:
    """Each venue seats only one signatory, so it collapses as it opens and the next opens: the
    chain end_venue -> start_venue -> start_round -> check_ends -> end_venue used to recurse."""
    base = load_scenario(MINI)
    hall = base.venues[0]
    red = base.delegation_index["red"]
    lonely = replace(hall, turn_order=(red,))
    venues = tuple(replace(lonely, id=f"v{k}") for k in range(600))
    state, records = new_game(replace(base, venues=venues), 1)
    assert state.over and len(state.venue_outcomes) == 600
    assert all(o == "collapse" for o in state.venue_outcomes)
    assert sum(r.kind == "venue_end" for r in records) == 600


# --- only regular files --------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "{fifo}"),
        ("analyze", "{fifo}"),
        ("replay", "{fifo}", "--text"),
        ("replay", "{fifo}", "--verify"),
        ("watch", "--load", "{fifo}"),
        ("test-scenario", "{fifo}"),
    ],
)
def test_a_fifo_with_no_writer_is_refused_not_waited_on(tmp_path: Path, args: tuple[str, ...]) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    argv = [a.format(fifo=fifo) for a in args]
    # The command in this process (main(argv)), on a thread with a deadline: before the fix it
    # blocked forever opening the pipe. A daemon thread, so that a command that blocks again fails
    # this test and does not hold the suite's process open at its end.
    done: list[Result] = []
    runner = threading.Thread(target=lambda: done.append(run_main(*argv, cwd=ROOT)), daemon=True)
    runner.start()
    runner.join(timeout=60)
    assert done, f"peacetalks {' '.join(argv)} was still waiting on the pipe after 60 s"
    assert done[0].returncode == 1, done[0]
    assert "not a regular file" in done[0].stderr + done[0].stdout
    assert "Traceback" not in done[0].stderr


def test_a_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "/dev/zero"]) == 1
    assert "not a regular file" in capsys.readouterr().err
    assert venue_checks  # (the lint layer is what validate runs: imported to be sure it loads)
