"""The time an outside agent may take over one move: a command's `--move-limit` (docs/AI.md,
"Time").

`move_limit(seconds)` opens a limit for the agents made inside it (game.ai.agent.seated_agent
reads it with `current()`), here and in the worker processes forked meanwhile; `timed(limit,
error)` times one move. Past the limit a watchdog thread stops the move (OverTime, raised in the
main thread by a signal), again while it goes on; GRACE seconds later it abandons it
(`hard_stop`). A move stuck in C code is ended by faulthandler's thread (`LAST_RESORT`), and
`witnessed()` has a process of its own say why (`watch`). Kept apart from game.ai.agent, which
loads, makes and guards agents: timing a move is a task of its own, with its own threads and signals.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from game.ai.agent_errors import AgentError
from game.safetext import EscapingStream, escape_controls

# The seconds an outside agent may take over one move, for the agents made while a command's
# `move_limit` is open (and in the worker processes it forks meanwhile); None: no limit.
_move_limit: float | None = None


def current() -> float | None:
    """The limit open now (None: none)."""
    return _move_limit


@contextlib.contextmanager
def move_limit(seconds: float | None) -> Iterator[None]:
    """Outside agents made inside it (seated_agent), here or in a worker process forked inside
    it, may take at most `seconds` over one move (None: no limit); over it, the move raises
    AgentError naming the seat, the game's seed and the move. A command's `--move-limit`: an agent
    that hangs (a loop that never ends, a wait on nothing) held simulate or a tournament for
    ever, with nothing said."""
    global _move_limit
    before, _move_limit = _move_limit, seconds
    try:
        yield
    finally:
        _move_limit = before


class OverTime(BaseException):
    """Raised in an outside agent's move when its time is up (a BaseException, so that the
    agent's own `except Exception` does not take it for one of its errors and go on)."""


# The signal that stops a move past its time: one an agent has no use for, whose default is to be
# ignored (a stray one, after the move, does nothing). SIGALRM was the first choice, but its
# timer is the process's one: an agent's own `signal.alarm(0)` switched the limit off (a reviewer's).
_STOP = getattr(signal, "SIGURG", None)
# Past its limit a move is stopped again every STOP_AGAIN seconds while it goes on (an agent that
# catches the stop and tries again); GRACE seconds past it, the move is abandoned (`hard_stop`).
STOP_AGAIN = 0.1
GRACE = 2.0


def exit_saying(error: AgentError) -> None:
    """A move that would not stop, in the command's own process (`watch`): the error said as any
    other agent's error is, what was printed before it kept, and the process ended (its main
    thread is the agent's, and nothing else can take it back)."""
    for stream in (sys.stdout, sys.__stdout__):  # (during a move, sys.stdout is stderr: confine.to_stderr)
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()
    # on a line of its own where the agent left one open (a prompt with no line end)
    start = "\n" if isinstance(sys.stderr, EscapingStream) and sys.stderr.line_open else ""
    with contextlib.suppress(OSError):
        os.write(2, f"{start}peacetalks: error: {escape_controls(str(error))}\n".encode("utf-8", "replace"))
    os._exit(1)


# What abandons a move that would not stop: game.sim sets it in its worker processes, where the
# error is the game's result to send to the command.
hard_stop: Callable[[AgentError], None] = exit_saying


def _unheard(error: AgentError | None, seconds: float) -> None:
    """Where no one is told what a move would say if the last resort ended it."""


# Told, as the last resort is armed, what the move would say if it ended it, and in how many
# seconds (None, 0 as it is disarmed): game.sim sets it in its worker processes, whose parent
# says it when the worker ends so (no Python of the worker runs then). `watch` has the witness.
last_words: Callable[[AgentError | None, float], None] = _unheard
POLL = 0.05  # how often the watchdog looks at the move under way (the limit's precision)


def _unnamed() -> AgentError:
    """What an abandoned move says where `timed` was given nothing better (game.ai.agent gives
    the seat, the agent and the game)."""
    return AgentError("a move went past its time limit")


class _Watchdog:
    """One thread per process that times the move under way: past its limit it signals the main
    thread (_STOP), again every STOP_AGAIN seconds, and GRACE seconds later abandons the move
    (hard_stop). One thread for the process's life, not one a move: a thread started for each
    move cost a third of a millisecond (a reviewer's), a tenth of a quick agent's move.

    The main thread only sets the move's deadline and clears it (plain assignments, which nothing
    can interrupt half-done), and the watchdog looks every POLL seconds: with a lock between
    them, a Ctrl+C or an agent's own signal landing in the main thread while it held the lock
    left the watchdog dead, or a finished move's deadline set (a reviewer's). Past that, a move
    stuck in C code that never lets the watchdog run is ended by faulthandler's own thread
    (`timed`)."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.main = threading.main_thread().ident or 0
        self.deadline: float | None = None  # the limit of the move under way; None: none is
        self.error: Callable[[], AgentError] = _unnamed
        threading.Thread(target=self._run, name="peacetalks-move-limit", daemon=True).start()

    def watch(self, limit: float, error: Callable[[], AgentError]) -> None:
        self.error = error
        self.deadline = time.monotonic() + limit  # last: what the watchdog reads first

    def done(self) -> None:
        self.deadline = None

    def _run(self) -> None:
        assert _STOP is not None
        while True:
            deadline = self.deadline
            now = time.monotonic()
            if deadline is None or now < deadline:
                time.sleep(POLL if deadline is None else min(POLL, deadline - now))
                continue
            if self.deadline != deadline:  # that move is over
                continue
            if now >= deadline + GRACE:
                hard_stop(self.error())
                return
            signal.pthread_kill(self.main, _STOP)
            time.sleep(STOP_AGAIN)


_watchdog: _Watchdog | None = None


def _the_watchdog() -> _Watchdog:
    """This process's watchdog (a forked worker starts its own: threads do not cross a fork)."""
    global _watchdog
    if _watchdog is None or _watchdog.pid != os.getpid():
        _watchdog = _Watchdog()
    return _watchdog


# The last resort, for a move stuck in C code that holds Python's lock for good (a regular
# expression that backtracks without end): no Python thread runs then, the watchdog included,
# but faulthandler's thread is the interpreter's own and needs no lock. It ends the process a
# second after the abandon would have: a worker's end is then said by the command (with the game
# and its agents), and `watch`'s own by its witness (`witnessed`), exit status 1 both. What it
# writes goes nowhere, or to the witness as its cue: the command's stderr gets no traceback.
LAST_RESORT = GRACE + 1.0
_nowhere: Any = None


def _last_resort(seconds: float | None, stuck: Callable[[], AgentError] | None = None) -> None:
    """Arm the last resort for `seconds` (None: disarm it); `stuck`, what the witness is to say
    if it ends the move."""
    global _nowhere
    with contextlib.suppress(Exception):  # (a stream faulthandler cannot take: no last resort)
        if seconds is None:
            faulthandler.cancel_dump_traceback_later()
            last_words(None, 0.0)
            return
        last_words((stuck or _unnamed)(), seconds)
        told = _tell_witness(stuck or _unnamed) if _witness is not None else None
        if told is not None:
            faulthandler.dump_traceback_later(seconds, exit=True, file=told)
            return
        if _nowhere is None or _nowhere.closed:
            _nowhere = open(os.devnull, "w")  # noqa: SIM115 (kept open for the process's life)
        faulthandler.dump_traceback_later(seconds, exit=True, file=_nowhere)


# --- the witness -------------------------------------------------------------------------------
# In `watch` the agent plays in the command's own process: the last resort ends that process where
# it stands, and none of its Python runs to say why (it ended with exit status 1 and not a word, a
# playtester's). A small process of its own, the witness, is told before each timed move what that
# move would say, on a line of the pipe that is its standard input; faulthandler writes to the same
# pipe when it ends the move, and on its words the witness writes the move's line to the
# command's stderr (just after the command has ended). Its other ends: "bye" (the command is
# done) or the pipe closed (ended in another way, which said its own line): a word from it then.
_WITNESS = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl+C is the command's to answer
said, rest = b"", b""
while True:
    try:
        chunk = os.read(0, 65536)
    except OSError:
        chunk = b""
    if not chunk:
        sys.exit(0)
    *lines, rest = (rest + chunk).split(b"\\n")
    for line in lines:
        if line.startswith(b"say "):
            said = line[4:]
        elif line == b"bye":
            sys.exit(0)
        elif said:  # faulthandler's "Timeout (...)!": the move was ended where it stood
            os.write(2, b"peacetalks: error: " + said + b"\\n")
            sys.exit(0)
"""
_witness: subprocess.Popen[bytes] | None = None


@contextlib.contextmanager
def witnessed() -> Iterator[None]:
    """Inside it, a move of this process ended by the last resort is said on stderr in one line,
    as one abandoned is (exit_saying), by a process of its own (`watch`: see _WITNESS)."""
    global _witness
    try:
        witness = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", _WITNESS], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL
        )
    except OSError:  # (no process to be had: the last resort ends the command without a word)
        yield
        return
    before, _witness = _witness, witness
    owner = os.getpid()
    try:
        yield
    finally:
        _witness = before
        assert witness.stdin is not None
        if os.getpid() == owner:  # (a forked copy of this process: the witness is not its own)
            with contextlib.suppress(OSError, ValueError):
                os.write(witness.stdin.fileno(), b"bye\n")
            with contextlib.suppress(OSError):
                witness.stdin.close()
            witness.wait()


def _tell_witness(error: Callable[[], AgentError]) -> int | None:
    """Tell the witness what the move under way would say if the last resort ends it; the pipe's
    descriptor, for faulthandler (None: no witness)."""
    global _witness
    witness = _witness
    if witness is None or witness.stdin is None:
        return None
    line = escape_controls(str(error())).replace("\n", "\\n").replace("\r", "\\r")
    try:
        fd = witness.stdin.fileno()
        os.write(fd, b"say " + line.encode("utf-8", "replace") + b"\n")
    except (OSError, ValueError):
        # the witness is gone (killed, or out of memory): the last resort is armed all the same,
        # without it (a reviewer's: the move stuck in C code then ran on for ever)
        _witness = None
        return None
    return fd


def _forget_witness() -> None:
    """A process forked from this one (a worker of game.sim's) has no witness, and holds no end
    of its pipe (the witness would wait for it to close)."""
    global _witness
    witness, _witness = _witness, None
    if witness is not None and witness.stdin is not None:
        with contextlib.suppress(OSError):
            witness.stdin.close()  # (the file, not its descriptor alone: nothing closes it twice)


if hasattr(os, "register_at_fork"):  # (not on Windows, where no process forks)
    os.register_at_fork(after_in_child=_forget_witness)


@contextlib.contextmanager
def timed(
    limit: float | None,
    error: Callable[[], AgentError] | None = None,
    stuck: Callable[[], AgentError] | None = None,
) -> Iterator[None]:
    """The block may take `limit` seconds: past them it is stopped where it stands (the watchdog
    signals the main thread, where Python runs signal handlers: a worker process, `watch`), and
    again while it goes on; `error` (what to say) GRACE seconds later, when the move is
    abandoned; `stuck`, LAST_RESORT seconds later, where no stop reached it (in C code) and a
    witness says it. A block that went past them all the same (in another thread, or an agent
    that caught the stop and returned) raises OverTime as it ends."""
    if limit is None:
        yield
        return
    watched = _STOP is not None and threading.current_thread() is threading.main_thread()
    armed = [False]  # the stop takes effect only while the block runs
    before: Any = None
    if watched:
        assert _STOP is not None

        def stop(signum: int, frame: object) -> None:
            if armed[0]:
                raise OverTime

        before = signal.signal(_STOP, stop)
        armed[0] = True
    started = time.monotonic()
    try:
        if watched:
            _the_watchdog().watch(limit, error or _unnamed)
            _last_resort(limit + LAST_RESORT, stuck)
        yield
    finally:
        if watched:
            assert _STOP is not None
            try:
                armed[0] = False  # (the stop may come at this very line: what follows still runs)
            finally:
                _the_watchdog().done()
                _last_resort(None)
                # None: a handler set outside Python, which cannot be put back but as the default
                signal.signal(_STOP, signal.SIG_DFL if before is None else before)
    if time.monotonic() - started > limit:
        raise OverTime
