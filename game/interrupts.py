"""Whether a KeyboardInterrupt is the user's Ctrl+C or an exception some code raised itself.

Python raises KeyboardInterrupt for SIGINT, but any code may raise it too: an outside agent
that does is a failing agent, to be reported naming it, its seat and the game's seed, where a
Ctrl+C stops the command. While the command runs, SIGINT is handled here: it is noted, then
raised as Python would. (Worker processes ignore SIGINT, game.sim.pool: in them a
KeyboardInterrupt is always raised by code.)

SIGTERM and SIGHUP (a `kill`, a terminal closed) end a process at once by default, which is
right for one that has nothing to stop first; a command with worker processes handles them
like a Ctrl+C while its workers run (`ending_as_ctrl_c`), so that they are stopped too and the
command says so in one line, with the shell's status for that signal.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

_pressed = False


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised as a Ctrl+C is (so that everything that stops on one stops on
    it too), with the signal's number for the command's status (128 + it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


# the signals that end a command as Ctrl+C does while it has workers (Windows has no SIGHUP)
ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    global _pressed
    _pressed = True
    raise KeyboardInterrupt


def _on_ending(signum: int, frame: FrameType | None) -> None:
    global _pressed
    _pressed = True  # the user's, as a Ctrl+C: not an agent's failure (game.ai.agent)
    raise Stopped(signum)


def pressed() -> bool:
    """Whether SIGINT (or SIGTERM or SIGHUP under `ending_as_ctrl_c`) arrived while `noted` was
    in force."""
    return _pressed


@contextlib.contextmanager
def ending_as_ctrl_c() -> Iterator[None]:
    """Within it, SIGTERM and SIGHUP raise `Stopped` (in the main thread, where Python runs
    signal handlers: elsewhere nothing changes). Only where the signal's default action is in
    place: one ignored on purpose (`nohup` ignores SIGHUP) stays ignored, and one a caller
    handles stays its own."""
    ours = []
    if threading.current_thread() is threading.main_thread():
        for signum in ENDING:
            if signal.getsignal(signum) is signal.SIG_DFL:
                signal.signal(signum, _on_ending)
                ours.append(signum)
    try:
        yield
    finally:
        for signum in ours:
            signal.signal(signum, signal.SIG_DFL)


@contextlib.contextmanager
def noted() -> Iterator[None]:
    """Within it, SIGINT is noted before it is raised (where Python's own handler is in place,
    in the main thread: elsewhere nothing changes)."""
    global _pressed
    _pressed = False
    ours = (
        threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGINT) is signal.default_int_handler
    )
    if ours:
        signal.signal(signal.SIGINT, _on_sigint)
    try:
        yield
    finally:
        if ours:
            signal.signal(signal.SIGINT, signal.default_int_handler)
