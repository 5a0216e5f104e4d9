"""The interface's rehearsals, over worker processes started afresh.

At a table the book does not hold (game.ai.book), each hard seat rehearses before its first move
(game.ai.rehearsal): a table of six such seats took 38 s of one core before its first round,
and the thread that rehearsed held the interpreter from the interface meanwhile. Here the seats
are rehearsed in worker processes, one a core, while the player reads.

The workers are new interpreters (`python -P -m game.sim.rehearsers`), not forks: the interface's
process has threads of its own, whose locks a fork would copy held, and multiprocessing's spawn
cannot start while the interface holds the standard error stream (its resource tracker needs
it). A worker reads pickled `(scenario, seat, kind)` tasks on its standard input and writes each
choice, pickled, on its standard output, until its input ends. Its standard error goes nowhere:
the interface owns the terminal.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from multiprocessing.connection import wait
from pathlib import Path
from typing import IO, Any

import game
from game.ai import rehearsal
from game.ai.rehearsal import elsewhere, pending, remember
from game.engine.model import Scenario

# How often a wait for the workers asks whether the caller has been cancelled.
POLL = 0.1


class RehearsalFailed(RuntimeError):
    """A worker could not rehearse a seat (its error, as text), or ended before it answered."""


def rehearse_in_workers(
    scenario: Scenario,
    seats: Mapping[int, str],
    jobs: int,
    order: Sequence[int] = (),
    cancelled: Callable[[], bool] = lambda: False,
) -> bool:
    """Rehearse the seats (by the kind that plays each) that would rehearse, over at most `jobs`
    worker processes, those in `order` first (the order the seats move). Each choice is kept in
    this process as it comes (game.ai.rehearsal.remember), and a thread of this process that asks
    for one of these seats meanwhile waits for it (game.ai.rehearsal.elsewhere) rather than
    rehearsing it a second time. Returns False, with the workers killed, when `cancelled()` says
    stop (asked every POLL seconds); raises RehearsalFailed when a worker fails, after which what
    is left is rehearsed where it is asked. A single seat is not worth a worker: left as it is."""
    rank = {seat: k for k, seat in enumerate(order)}
    todo = sorted(pending(scenario, seats), key=lambda sk: (rank.get(sk[0], len(rank)), sk[0]))
    if len(todo) < 2 or jobs < 2:
        return True
    workers: list[subprocess.Popen[bytes]] = []
    with elsewhere(scenario, todo):
        try:
            for _ in range(min(jobs, len(todo))):
                workers.append(_start())
            return _share(scenario, todo, workers, cancelled)
        finally:
            for worker in workers:
                _end(worker)


def _ended(worker: subprocess.Popen[bytes], error: BaseException) -> RehearsalFailed:
    """A worker gone: the failure, with its exit status (its pipes close a moment before the
    status can be read)."""
    with contextlib.suppress(subprocess.TimeoutExpired):
        worker.wait(5)
    return RehearsalFailed(f"a rehearsal worker ended (exit status {worker.returncode})")


def _start() -> subprocess.Popen[bytes]:
    """A worker running this very game: -P keeps the player's current folder off its path (a
    game.py or game/ there, another checkout say, would be imported in its place), and the
    folder this process imported the game from goes first on it."""
    here = str(Path(game.__file__).resolve().parent.parent)
    path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH", "")) if p)
    return subprocess.Popen(
        [sys.executable, "-P", "-m", "game.sim.rehearsers"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        env={**os.environ, "PYTHONPATH": path},
    )


def _share(
    scenario: Scenario,
    todo: list[tuple[int, str]],
    workers: list[subprocess.Popen[bytes]],
    cancelled: Callable[[], bool],
) -> bool:
    """Hand each idle worker the next seat, keep each choice as it comes."""
    tasks = iter(todo)
    idle = list(workers)
    busy: dict[int, tuple[subprocess.Popen[bytes], tuple[int, str]]] = {}  # by its output's descriptor
    done = 0
    while done < len(todo):
        while idle and (task := next(tasks, None)) is not None:
            worker = idle.pop()
            assert worker.stdin is not None and worker.stdout is not None
            try:
                pickle.dump((scenario, *task), worker.stdin)
                worker.stdin.flush()
            except OSError as error:
                # it ended before it was handed its seat (its pipe is closed): failed, as a worker
                # that ends before it answers (a loaded machine made this a flaky test's race)
                raise _ended(worker, error) from error
            busy[worker.stdout.fileno()] = (worker, task)
        ready = wait(list(busy), POLL)
        if cancelled():
            return False
        for fd in ready:
            assert isinstance(fd, int)  # wait gives back what it was given: descriptors
            worker, (seat, kind) = busy.pop(fd)
            assert worker.stdout is not None
            try:
                ok, found = pickle.load(worker.stdout)
            except (EOFError, pickle.UnpicklingError) as error:
                raise _ended(worker, error) from error
            if not ok:
                raise RehearsalFailed(found)
            remember(scenario, seat, kind, found)
            done += 1
            idle.append(worker)
    return True


def _end(worker: subprocess.Popen[bytes]) -> None:
    """Kill it (idle, it holds nothing; busy, its seat is left to be rehearsed where it is asked)
    and reap it."""
    if worker.poll() is None:
        worker.kill()
    worker.wait()
    for stream in (worker.stdin, worker.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


def serve(given: IO[bytes], answer: IO[bytes]) -> None:
    """A worker: rehearse each task read from `given`, write `(True, choice)` or `(False, error
    text)` to `answer`, until `given` ends."""
    while True:
        try:
            scenario, seat, kind = pickle.load(given)
        except EOFError:
            return
        outcome: tuple[bool, Any]
        try:
            outcome = (True, rehearsal.rehearse(scenario, seat, kind))
        except Exception as error:
            outcome = (False, f"rehearsing seat {seat}: {error!r}")
        pickle.dump(outcome, answer)
        answer.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
