"""The tournament: paired seeds, the same figures for any number of jobs, honest differences,
and a command that answers bad arguments in one line and stops at once on Ctrl+C."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.ai.selfplay import play
from game.cli import main
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from game.scenario import bundled, load_scenario
from game.sim import tournament as T
from game.sim.seating import game_choosers
from game.sim.simulate import game_seed
from tests.cli_runner import children, interruptible

ROOT = Path(__file__).resolve().parents[2]
MINI_PATH = ROOT / "tests" / "fixtures" / "mini.yaml"
MINI = load_scenario(MINI_PATH)
RED = 0


def _figures(rows: list[T.Row]) -> list[T.Row]:
    return [dataclasses.replace(r, seconds=0.0) for r in rows]


def test_the_figures_do_not_depend_on_the_number_of_jobs() -> None:
    kinds = ("hard", "stonewall", "accept-all", "random")
    one = T.run(MINI, RED, 12, seed=5, jobs=1, kinds=kinds)
    two = T.run(MINI, RED, 12, seed=5, jobs=2, kinds=kinds)
    assert _figures(one) == _figures(two)
    assert [r.kind for r in one] == list(kinds)


def test_rows_are_paired_on_the_same_seeds_and_compared_with_hard_game_by_game() -> None:
    games, seed = 10, 3
    rows = {r.kind: r for r in T.run(MINI, RED, games, seed=seed, kinds=("easy", "accept-all"))}
    assert list(rows) == ["hard", "easy", "accept-all"]  # hard is always played, first
    for kind in ("easy", "accept-all"):
        mine = [T.play_one(MINI, RED, kind, i, game_seed(seed, i))[1] for i in range(games)]
        hard = [T.play_one(MINI, RED, "hard", i, game_seed(seed, i))[1] for i in range(games)]
        diffs = [a - b for a, b in zip(mine, hard, strict=True)]
        assert rows[kind].mean_surplus == pytest.approx(sum(mine) / games)
        assert rows[kind].diff_to_hard == pytest.approx(sum(diffs) / games)
        mean = sum(diffs) / games
        se = (sum((d - mean) ** 2 for d in diffs) / (games - 1) / games) ** 0.5
        assert rows[kind].se_diff == pytest.approx(se)
    assert rows["hard"].diff_to_hard == 0.0


def test_surplus_is_zero_when_nothing_is_agreed() -> None:
    # a signatory that walks out of a two-party venue ends the talks: nothing is ever agreed
    walk = {r.kind: r for r in T.run(MINI, RED, 6, kinds=("walk-out",))}["walk-out"]
    assert walk.agreement_rate == 0.0 and walk.last_round_share is None
    assert walk.mean_surplus == 0.0 and walk.se_surplus == 0.0


def test_json_lists_every_level_and_strategy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tournament", str(MINI_PATH), "--seat", "red", "--games", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["seat"] == "red" and data["games"] == 3 and data["others"] == "normal"
    assert [r["kind"] for r in data["rows"]] == list(T.KINDS)
    for row in data["rows"]:
        assert row["games"] == 3
        assert {"mean_surplus", "agreement_rate", "diff_to_hard", "se_diff", "what"} <= set(row)


def test_the_table_says_who_plays_the_other_seats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tournament", str(MINI_PATH), "--seat", "blue", "--games", "2"]) == 0
    out = capsys.readouterr().out
    assert "every other seat is played by the normal agent" in out
    # what its surplus is measured against, and that simulate's differs
    assert "minus the walk-away value the game drew for it (before any event moved it" in out
    assert "(`simulate` and the debrief measure against the walk-away value as the game ended" in out
    for kind in T.KINDS:
        assert f"\n{kind} " in out


@pytest.mark.parametrize(("seat", "fragment"), [("nobody", "no delegation 'nobody'"), ("envoy", "it signs nothing")])
def test_a_seat_that_cannot_be_measured_is_one_line_and_exit_1(
    seat: str, fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tournament", str(MINI_PATH), "--seat", seat, "--games", "2"]) == 1
    err = capsys.readouterr().err
    assert fragment in err and len(err.strip().splitlines()) == 1


def test_ctrl_c_stops_the_workers_at_once() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "tournament", "astana-to-sochi", "--seat", "government", "--jobs", "2"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives it
        preexec_fn=interruptible,
    )
    try:
        assert proc.stdout is not None
        proc.stdout.readline()  # the title: the run has started
        deadline = time.monotonic() + 60
        while len(children(proc.pid)) < 2:  # its two workers, however loaded the machine
            assert proc.poll() is None and time.monotonic() < deadline, "the workers never started"
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl+C does: the whole group is interrupted
        _, err = proc.communicate(timeout=60)  # a full run takes minutes: this is "at once"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130
    assert "Traceback" not in err
    # and no worker is left behind in its process group
    assert subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True).returncode == 1


def test_a_seat_is_scored_against_the_walk_away_value_the_game_drew_not_the_one_events_moved() -> None:
    # at astana-8 drawn cards move the government's walk-away value (villages taken on a zone's
    # rim lift it); the tournament's yardstick stays the drawn value, the same for every row of a
    # seed, so a card that helps the seat raises its score and one that hurts it lowers it
    scenario = load_scenario(bundled()["astana-8"])
    seat = next(i for i, d in enumerate(scenario.delegations) if d.id == "government")
    moved = 0
    for index in range(40):
        seed = game_seed(0, index)
        state = play(scenario, seed, game_choosers(scenario, {seat: "normal"}, seed)).state
        drawn = draw_types(scenario, seed).delegations[seat].reservation
        score = T.play_one(scenario, seat, "normal", index, seed)[1]
        assert score == pytest.approx(outcome_utility(state, seat) - drawn)
        moved += state.scenario.delegations[seat].reservation != drawn
        if moved >= 2:
            break
    assert moved >= 2  # the cards did move it, so the two yardsticks were told apart
