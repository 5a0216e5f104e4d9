"""The interface's rehearsals over worker processes (game.sim.rehearsers): the choices are the
ones a rehearsal here makes, a seat asked for meanwhile waits for them, a failure leaves the seat
to rehearse where it is asked, and a cancel kills the workers."""

from __future__ import annotations

import io
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.ai import rehearsal as R
from game.engine.model import Scenario
from game.scenario import load_scenario
from game.sim import rehearsers
from game.sim.rehearsers import RehearsalFailed, rehearse_in_workers, serve
from tests.sim.timed_scenarios import signatory_seats

# a small table no book holds, whose two signatories rehearse in a few hundredths of a second
MINI = load_scenario(Path(__file__).parents[1] / "fixtures" / "mini.yaml")
SEATS = dict.fromkeys(signatory_seats(MINI), "hard")
ORIGINAL = R.rehearse


@pytest.fixture
def here(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The seats rehearsed in this process (a worker is a new interpreter: its own are not seen);
    nothing chosen before the test, nothing left reserved after it."""
    seen: list[int] = []

    def counted(scenario: Scenario, seat: int, kind: str = "hard", games: int = R.FURTHEST) -> R.Choice:
        seen.append(seat)
        return ORIGINAL(scenario, seat, kind, games)

    monkeypatch.setattr(R, "rehearse", counted)
    monkeypatch.setattr(R, "_choices", type(R._choices)())
    yield seen
    assert not R._underway and not R._elsewhere


def _asked_meanwhile(monkeypatch: pytest.MonkeyPatch) -> tuple[R.Choice, list[BaseException]]:
    """rehearse_in_workers in a thread, as the interface runs it; once its workers have their
    seats, this thread asks for the first seat, as that seat's first move would."""
    started = threading.Event()
    share = rehearsers._share

    def signalling(*args: Any) -> bool:
        started.set()
        return share(*args)

    monkeypatch.setattr(rehearsers, "_share", signalling)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            rehearse_in_workers(MINI, SEATS, 2)
        except Exception as error:
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    assert started.wait(60)
    found = R.choice(MINI, signatory_seats(MINI)[0])
    thread.join(60)
    assert not thread.is_alive()
    return found, errors


def test_a_seat_asked_for_meanwhile_takes_the_workers_choice(here: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    found, errors = _asked_meanwhile(monkeypatch)
    assert errors == [] and here == []  # every seat rehearsed by the workers, none here
    first = signatory_seats(MINI)[0]
    assert found == ORIGINAL(MINI, first)  # what rehearsing here chooses, scores and all
    for seat in SEATS:
        kept = R._choices[(*R._key(MINI), seat, "hard")][1]
        assert kept == ORIGINAL(MINI, seat)
        assert any(kept.style is own for own in R.STYLES["hard"])  # the level's own style object


def test_where_a_worker_fails_the_seat_asked_for_rehearses_here(
    here: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a worker that ends before it answers
    monkeypatch.setattr(
        rehearsers,
        "_start",
        lambda: subprocess.Popen(
            [sys.executable, "-c", "import sys; sys.exit(3)"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        ),
    )
    found, errors = _asked_meanwhile(monkeypatch)
    assert [type(e) for e in errors] == [RehearsalFailed] and "exit status 3" in str(errors[0])
    first = signatory_seats(MINI)[0]
    assert here == [first]  # released by the failure, then rehearsed by the seat that asked
    assert found == ORIGINAL(MINI, first)


def test_a_worker_gone_before_it_is_handed_its_seat_fails_the_same_way(
    here: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its pipe closed, handing it the seat raised BrokenPipeError, which escaped as that where
    the test above (on a loaded machine) met it; it is the same failure, with its exit status."""

    def gone() -> subprocess.Popen[bytes]:
        worker = subprocess.Popen(
            [sys.executable, "-c", "import sys; sys.exit(4)"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        worker.wait()
        return worker

    monkeypatch.setattr(rehearsers, "_start", gone)
    found, errors = _asked_meanwhile(monkeypatch)
    assert [type(e) for e in errors] == [RehearsalFailed] and "exit status 4" in str(errors[0])
    first = signatory_seats(MINI)[0]
    assert here == [first] and found == ORIGINAL(MINI, first)


def test_a_cancel_kills_the_workers_and_keeps_nothing(here: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[subprocess.Popen[bytes]] = []
    start = rehearsers._start

    def kept() -> subprocess.Popen[bytes]:
        started.append(start())
        return started[-1]

    monkeypatch.setattr(rehearsers, "_start", kept)
    assert rehearse_in_workers(MINI, SEATS, 2, cancelled=lambda: True) is False
    assert len(started) == 2 and all(worker.returncode is not None for worker in started)
    assert R.pending(MINI, SEATS) == [(seat, "hard") for seat in sorted(SEATS)]  # nothing kept
    assert here == []


def test_one_seat_or_one_core_starts_no_worker(here: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rehearsers, "_start", lambda: pytest.fail("a worker was started"))
    first, second = signatory_seats(MINI)[:2]
    assert rehearse_in_workers(MINI, {first: "hard", second: "normal"}, 2)  # one seat rehearses
    assert rehearse_in_workers(MINI, SEATS, 1)
    assert here == []  # left to the seats' first moves


def test_a_worker_answers_each_task_and_an_error_as_text() -> None:
    first = signatory_seats(MINI)[0]
    given = io.BytesIO(pickle.dumps((MINI, first, "hard")) + pickle.dumps((MINI, 99, "hard")))
    answer = io.BytesIO()
    serve(given, answer)
    answer.seek(0)
    ok, found = pickle.load(answer)
    assert ok and found == ORIGINAL(MINI, first)
    ok, said = pickle.load(answer)
    assert not ok and said.startswith("rehearsing seat 99: ")


def test_a_game_py_in_the_players_folder_is_not_what_the_workers_run(
    here: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The workers import the game this process runs, not a game.py (or another checkout's game/)
    in the folder the player started from."""
    marker = tmp_path / "imported"
    (tmp_path / "game.py").write_text(f"open({str(marker)!r}, 'w').close()\nraise SystemExit(9)\n")
    monkeypatch.chdir(tmp_path)
    assert rehearse_in_workers(MINI, SEATS, 2)
    assert not marker.exists() and here == []
    assert all((*R._key(MINI), seat, "hard") in R._choices for seat in SEATS)


def test_a_closed_game_that_waited_for_the_workers_rehearses_nothing_itself(here: list[int]) -> None:
    """A seat's first move waits on the workers; the game is closed and the workers killed: the
    move gives up (Abandoned) rather than rehearse here for a game that is gone, which kept the
    process from exiting for a whole rehearsal."""
    first = signatory_seats(MINI)[0]
    closed = threading.Event()
    outcome: list[object] = []

    def first_move() -> None:
        try:
            outcome.append(R.choice(MINI, first, given_up=closed.is_set))
        except R.Abandoned as error:
            outcome.append(error)

    with R.elsewhere(MINI, [(first, "hard")]):
        mover = threading.Thread(target=first_move)
        mover.start()
        time.sleep(0.05)  # waiting on the reservation (or, later, finding it released: the same)
        closed.set()  # the screen goes, then its workers are killed: the reservation released
    mover.join(30)
    assert [type(x) for x in outcome] == [R.Abandoned] and here == []
    # an open game's move, released the same way, rehearses the seat itself
    assert R.choice(MINI, first, given_up=lambda: False) == ORIGINAL(MINI, first) and here == [first]
