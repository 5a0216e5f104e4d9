"""Whether a KeyboardInterrupt is the user's Ctrl+C or an exception some code raised itself.

Python raises KeyboardInterrupt for SIGINT, but any code may raise it too: an outside agent
that does is a failing agent, to be reported naming it, its seat and the game's seed, where a
Ctrl+C stops the command. While the command runs, SIGINT is handled here: it is noted, then
raised as Python would. (Worker processes ignore SIGINT, game.sim.pool: in them a
KeyboardInterrupt is always raised by code.)
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

_pressed = False


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    global _pressed
    _pressed = True
    raise KeyboardInterrupt


def pressed() -> bool:
    """Whether SIGINT arrived while `noted` was in force."""
    return _pressed


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
