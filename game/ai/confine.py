"""What an outside agent's code may not do to the game's process (game.ai.agent brings such code
in, and calls it only inside these): a copy of the process it forks ends where it comes back,
it reads nothing from the terminal, what it prints goes to stderr, it is handed its own copy of
what it is given, and the user's Ctrl+C is never taken for its failure."""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Iterator
from typing import TypeVar

from game.interrupts import pressed

_T = TypeVar("_T")


@contextlib.contextmanager
def copies_end_here() -> Iterator[None]:
    """A copy of the game's process the agent's code made (os.fork, as it loads, is created or
    chooses) that comes back to the game ends there, without a word: it is the agent's, not a
    player of this game (each copy played on, said the parent had drawn from Python's generator,
    which a fork reseeds, and wrote its own end of the game: a researcher's)."""
    ours = os.getpid()
    try:
        yield
    finally:
        if os.getpid() != ours:
            os._exit(0)


@contextlib.contextmanager
def nothing_on_stdin() -> Iterator[None]:
    """Python's sys.stdin reads nothing meanwhile, where outside agents load, are created or play
    in this process (`play`, `watch`, a tournament's first try of an --agent): an agent's input()
    ends at once with EOFError, said as its error, as in the worker processes of `simulate`, whose
    stdin is /dev/null. Under `watch` one waited on the
    terminal and echoed what was typed (a researcher's); under `play` it took the keyboard from
    the game."""
    kept = sys.stdin
    with open(os.devnull, encoding="utf-8") as nothing:
        sys.stdin = nothing
        try:
            yield
        finally:
            sys.stdin = kept


def reraise_ctrl_c(exc: BaseException) -> None:
    """The user's Ctrl+C goes on and stops the command; anything else, a KeyboardInterrupt the
    agent raised itself included, is the agent's failure for the caller to report."""
    if isinstance(exc, KeyboardInterrupt) and pressed():
        raise exc


def own_copy(shared: _T) -> _T:
    """The view (or the scenario) as the agent's own copy. A view shares the game's objects (the scenario's
    delegations, venue and rules, the state's proposals): frozen, but `object.__setattr__` gets
    past that, and an agent that wrote to them changed the game under the engine (its saves then
    failed their own check). What it does to its copy stays there. A round trip through pickle:
    about 0.3 ms on astana-8, a sixth of a deep copy's time."""
    copied: _T = pickle.loads(pickle.dumps(shared, pickle.HIGHEST_PROTOCOL))
    return copied


@contextlib.contextmanager
def to_stderr() -> Iterator[None]:
    """What an outside agent prints goes to stderr: on stdout it would come before a command's
    JSON (`simulate --json`) or inside its table, which a program reading it cannot tell apart.
    (The interface captures both streams while it runs.)"""
    with contextlib.redirect_stdout(sys.stderr):
        yield
