"""A run over several processes rehearses each hard seat once, before its games (game.sim.ahead),
where every worker used to rehearse every seat; the games are the same."""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import pytest

from game.ai import rehearsal as R
from game.engine.model import Scenario
from game.scenario import bundled, load_scenario
from game.sim import pool
from game.sim import tournament as T
from game.sim.ahead import rehearse_ahead
from game.sim.simulate import summarise
from tests.cli_runner import run_main
from tests.sim.timed_scenarios import signatory_seats

# a small table no book holds, whose two signatories rehearse in a few hundredths of a second
MINI = load_scenario(Path(__file__).parents[1] / "fixtures" / "mini.yaml")


@pytest.fixture
def rehearsals(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Each rehearsal, in whichever process it runs (the workers are forked from this one, so they
    run this wrapper too), appends its seat and that process's id to a file; nothing rehearsed
    before the test."""
    log = tmp_path / "rehearsed"
    log.write_text("")
    original = R.rehearse

    def logged(scenario: Scenario, seat: int, kind: str = "hard", games: int = R.LONGEST) -> R.Choice:
        with log.open("a") as f:
            f.write(f"{seat} {os.getpid()}\n")
        return original(scenario, seat, kind, games)

    monkeypatch.setattr(R, "rehearse", logged)
    monkeypatch.setattr(R, "_choices", type(R._choices)())
    return log


def _rehearsed(log: Path) -> list[int]:
    return sorted(int(line.split()[0]) for line in log.read_text().splitlines())


def _rehearsed_in(log: Path) -> set[int]:
    """The processes the rehearsals ran in."""
    return {int(line.split()[1]) for line in log.read_text().splitlines()}


@pytest.mark.parametrize("content_hash", ["as drawn", ""])
def test_simulate_over_two_processes_rehearses_each_seat_once_and_plays_the_same_games(
    rehearsals: Path, content_hash: str
) -> None:
    # a table with no content hash is known by its identity: the workers must hold the very object
    sc = MINI if content_hash else dataclasses.replace(MINI, content_hash="")
    seats = dict.fromkeys(range(len(sc.delegations)), "hard")
    alone = summarise(sc, 6, 0, seats, jobs=1)
    assert _rehearsed(rehearsals) == signatory_seats(sc)
    R._choices.clear()
    rehearsals.write_text("")
    shared = summarise(sc, 6, 0, seats, jobs=2)
    assert _rehearsed(rehearsals) == signatory_seats(sc)  # once a seat, not once a worker
    assert shared["results"] == alone["results"]


def test_a_tournament_over_two_processes_rehearses_its_seat_once(rehearsals: Path) -> None:
    sc = MINI
    seat = signatory_seats(sc)[0]
    rows = T.run(sc, seat, 4, jobs=2, kinds=("hard", "normal"))
    assert _rehearsed(rehearsals) == [seat]
    assert [r.kind for r in rows] == ["hard", "normal"]
    R._choices.clear()  # one process on its own: it rehearses the seat itself, at its first move
    alone = T.run(sc, seat, 4, jobs=1, kinds=("hard", "normal"))
    assert [dataclasses.replace(r, seconds=0.0) for r in rows] == [dataclasses.replace(r, seconds=0.0) for r in alone]
    assert _rehearsed(rehearsals) == [seat, seat]


def test_only_what_would_rehearse_is_rehearsed_ahead(rehearsals: Path) -> None:
    sc = MINI
    first, second = signatory_seats(sc)[:2]
    outsider = next((d for d in range(len(sc.delegations)) if d not in signatory_seats(sc)), None)
    seats = {first: "hard", second: "normal"} | ({} if outsider is None else {outsider: "hard"})
    rehearse_ahead(sc, seats, jobs=2)
    assert _rehearsed(rehearsals) == [first]  # a normal seat and one that signs nothing do not rehearse
    assert R.pending(sc, seats) == []  # made already: nothing left to rehearse ahead
    rehearse_ahead(sc, seats, jobs=2)
    assert _rehearsed(rehearsals) == [first]
    rehearse_ahead(sc, {second: "hard"}, jobs=1)
    assert _rehearsed(rehearsals) == [first]  # one process: left to the seat's first move
    # a seat the book holds rehearses nowhere
    bundled_sc = load_scenario(bundled()["tutorial"])
    rehearse_ahead(bundled_sc, dict.fromkeys(signatory_seats(bundled_sc), "hard"), jobs=2)
    assert _rehearsed(rehearsals) == [first]


def test_a_choice_made_in_another_process_is_the_levels_own_style(rehearsals: Path) -> None:
    sc = dataclasses.replace(MINI, content_hash="")  # known by its identity
    seats = dict.fromkeys(signatory_seats(sc)[:2], "hard")
    rehearse_ahead(sc, seats, jobs=2)  # each seat in a worker: its choice comes back through a pipe
    for seat in seats:
        style = R.choice(sc, seat).style
        assert any(style is own for own in R.STYLES["hard"])
    assert _rehearsed(rehearsals) == sorted(seats)


def test_the_hard_rows_seconds_count_its_rehearsal(monkeypatch: pytest.MonkeyPatch, rehearsals: Path) -> None:
    """The rehearsal is part of what the hard row costs (issue 10's 30 s a row): made before the
    rows now, it is still counted in the first."""
    sc = MINI
    seat = signatory_seats(sc)[0]
    logged = R.rehearse

    def slow(scenario: Scenario, seat: int, kind: str = "hard", games: int = R.LONGEST) -> R.Choice:
        time.sleep(0.5)
        return logged(scenario, seat, kind, games)

    monkeypatch.setattr(R, "rehearse", slow)
    rows = T.run(sc, seat, 2, jobs=2, kinds=("hard", "normal"))
    assert rows[0].seconds >= 0.5


def test_watch_rehearses_each_hard_seat_once_over_the_cores_and_prints_the_same_game(
    rehearsals: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`peacetalks watch` at a table no book holds rehearsed its hard seats one after another
    before the first line (half a minute at a table of six): over every core now, each once,
    and the transcript is the same."""
    path = Path(__file__).parents[1] / "fixtures" / "mini.yaml"
    monkeypatch.setattr(pool, "cores", lambda: 2)
    spread = run_main("watch", path, "--difficulty", "hard", "--seed", "5")
    assert spread.returncode == 0, spread.stderr
    assert _rehearsed(rehearsals) == signatory_seats(MINI)  # once a seat...
    assert os.getpid() not in _rehearsed_in(rehearsals)  # ...in the workers
    R._choices.clear()
    rehearsals.write_text("")
    monkeypatch.setattr(pool, "cores", lambda: 1)
    alone = run_main("watch", path, "--difficulty", "hard", "--seed", "5")
    assert alone.stdout == spread.stdout
    assert _rehearsed(rehearsals) == signatory_seats(MINI)  # at each seat's first move, here
    assert _rehearsed_in(rehearsals) == {os.getpid()}
