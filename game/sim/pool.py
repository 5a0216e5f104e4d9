"""Work spread over worker processes, in order, that stops at once on Ctrl+C or an error.

`concurrent.futures.ProcessPoolExecutor` does not stop at once: its workers catch the
KeyboardInterrupt the terminal sends them, report it as a result and take the next batch, and
leaving its `with` block waits for every batch already queued (about 20 s for
`simulate --games 100 --jobs 2`). `multiprocessing.Pool` stops, but can hang while it does:
its workers share the task and result queues with the parent, each guarded by a lock between
processes, and `Pool.terminate` kills workers and then waits for its own threads, one of which
needs the result queue's lock; a worker killed while sending a result holds that lock for ever
(CPython issue 96995; seen here once in eight loaded runs of the suite, in `simulate --jobs 2`
stopping on an agent's error).

So each worker here has a pipe of its own to the parent and nothing else in common with it: the
parent hands an idle worker the next item, reads results as they come (in the items' order to its
caller), and on anything that interrupts it (a Ctrl+C, an error raised in a worker, the caller
closing the iterator) kills every worker at once; a killed worker holds nothing anyone waits
for. A worker that dies on its own (killed from outside, out of memory, or by an outside agent
that ends its process: `os._exit`, a crash in C code) is an error here, `WorkerEnded`, not a wait
for ever; what the worker said it was doing (`note`: the game and its agents) names it. The workers ignore SIGINT, so only the parent hears it. While the workers start,
SIGINT is held (blocked) in the parent and, through the fork, in each worker until it ignores
it: a Ctrl+C in that instant (long under load) neither kills a worker with a traceback nor
escapes with workers alive; it reaches the parent once they are up, and stops them as any other
(one another thread takes runs the parent's handler whatever its mask: `_deferred` notes it then).
SIGTERM and SIGHUP to the parent stop it as a Ctrl+C does while it has workers (held and ignored
the same way: game.interrupts.ending_as_ctrl_c). Before, they ended the parent alone and its
workers went on for ever, writing saves into the folder of a command long gone. A worker dies
with its parent, however the parent dies (SIGKILL included): on Linux the system kills it
(prctl's PR_SET_PDEATHSIG), elsewhere it sees it has been orphaned between games and between
items and ends itself.
`simulate`, `test-scenario` and `tournament` all go through `parallel_imap`.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.pool import ExceptionWithTraceback  # type: ignore[attr-defined]
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from game.interrupts import ENDING, ending_as_ctrl_c
from game.safetext import end_open_line

T = TypeVar("T")
R = TypeVar("R")

# The signals the parent alone hears: held while the workers start (none where signal masks do
# not exist, as on Windows, which has no fork either), ignored in the workers from then on.
_PARENTS = (signal.SIGINT, *ENDING)
_HOLD = set(_PARENTS) if hasattr(signal, "pthread_sigmask") else set()
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_AWAKE = 0.25  # seconds the parent waits for its workers before it looks at its signals again


class WorkerEnded(RuntimeError):
    """A worker process ended before its result: its exit code (or the signal that killed it),
    and what it last said it was doing (`note`), if it said anything for its item."""

    def __init__(self, exitcode: int | None, doing: str | None) -> None:
        self.exitcode = exitcode
        self.doing = doing
        during = f" during {doing}" if doing else " before its result"
        super().__init__(f"a worker process ended ({_how(exitcode)}){during}")


def _how(exitcode: int | None) -> str:
    if exitcode is None:
        return "its exit status unknown"
    if exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"


_conn: Connection | None = None  # in a worker: its pipe to the parent
_parent: int | None = None  # in a worker: the parent's process id
_current: int | None = None  # in a worker: the index of the item it works on
_sending = threading.Lock()  # in a worker: held while a thread sends on its pipe (two at once garble it)
ENDED = "ended"  # in place of ok: the item's error, sent by a worker that ends with it (`abandon`)
LAST_WORDS = "last words"  # in place of ok: what the worker's move under way would say if it ended it


def abandon(error: BaseException) -> None:
    """In a worker, end it at once with `error` as the result of its item: what a move that would
    not stop leaves (game.ai.timing.hard_stop), said by the command as the item's error rather
    than as a worker that ended. Called from another thread than the worker's main one, which is
    stuck in that move (so nothing else is sending on the pipe). Outside a worker, nothing."""
    if _conn is None or _current is None:
        return
    with contextlib.suppress(Exception):
        end_open_line()  # the parent's line saying so begins a line of its own
    # the main thread may be sending as the move ends (last_words): not over its message
    if _sending.acquire(timeout=1.0):
        with contextlib.suppress(Exception):
            _conn.send((_current, ENDED, error))
    os._exit(1)


def note(doing: str) -> None:
    """In a worker, tell the parent what it is doing now (the game it plays, and who plays it),
    for the error if the worker dies before its result: a process that ends at once (an agent's
    `os._exit`, a crash) leaves nothing else to say what it was doing. Outside a worker (one job),
    nothing: there the process that would report it is the one that ended."""
    if _conn is not None:
        _end_if_orphaned()  # between games: no game is played, nor saved, for a parent gone
        with _sending:
            _conn.send((None, None, doing))


def last_words(error: BaseException | None, seconds: float) -> None:
    """In a worker, tell the parent what to say if this worker ends in `seconds` or later
    without a word (faulthandler's last resort, armed for a move stuck in C code, ends it where
    it stands); None as the move ends. Outside a worker, nothing (`watch` has its witness)."""
    if _conn is not None and _current is not None:
        # the moment by the worker's clock: time.monotonic() is the system's, the same in the
        # parent, which may read the message late
        told = None if error is None else (error, time.monotonic() + seconds)
        with _sending, contextlib.suppress(Exception):
            _conn.send((None, LAST_WORDS, told))


def _end_if_orphaned() -> None:
    """In a worker whose parent has died (it was given another parent), end at once: nobody
    reads its results, and it would go on playing and saving for ever."""
    if _parent is not None and os.getppid() != _parent:
        os._exit(1)


def _die_with_parent() -> None:
    """Ask the system to kill this worker when its parent dies (Linux: the parent's death
    otherwise leaves it running, given to init). SIGKILL: a worker ignores SIGTERM. Elsewhere,
    `_end_if_orphaned` between games and items does it, later."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


@dataclass(frozen=True)
class _Worker:
    process: BaseProcess
    conn: Connection  # the parent's end of the worker's own pipe


def _start_worker(parent: int, initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> None:
    # Ctrl+C reaches the whole foreground process group, as a closed terminal's SIGHUP does and a
    # SIGTERM often does (`timeout`, a service stopped): the parent alone decides what they mean,
    # and stops the workers itself.
    for signum in _PARENTS:
        signal.signal(signum, signal.SIG_IGN)
    global _parent
    _parent = parent
    _die_with_parent()
    _end_if_orphaned()  # the parent died before the system was asked to kill this worker with it
    if _HOLD:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HOLD)  # held since the fork: ignored from now on
    if initializer is not None:
        initializer(*initargs)


def _serve(
    conn: Connection,
    parent: int,
    fn: Callable[[Any], Any],
    initializer: Callable[..., object] | None,
    initargs: tuple[Any, ...],
) -> None:
    """A worker's life: items in, `(index, ok, result or error)` out, until told to stop (and
    `(None, None, text)` for each `note` on the way)."""
    global _conn
    _conn = conn
    _start_worker(parent, initializer, initargs)
    while True:
        try:
            # a dead parent's end of this pipe may be held open by the other workers (forked
            # after it): no end of file then, so a worker waiting for work looks at its parent
            while not conn.poll(1.0):
                _end_if_orphaned()
            task = conn.recv()
        except EOFError:  # the parent is gone
            return
        if task is None:
            return
        index, item = task
        global _current
        _current = index
        try:
            outcome = (index, True, fn(item))
        except BaseException as error:
            # raised in the parent with the worker's traceback as its cause, as Pool does. A
            # KeyboardInterrupt or SystemExit too: SIGINT is ignored here, so code raised it, and
            # left to escape it would print the worker's traceback and end it with no answer
            outcome = (index, False, ExceptionWithTraceback(error, error.__traceback__))
            end_open_line()  # the parent's line saying so begins a line of its own
        with _sending:  # (a move's watchdog may be abandoning it from its own thread)
            try:
                conn.send(outcome)
            except Exception as error:  # a result that cannot be pickled (nothing was sent)
                conn.send((index, False, RuntimeError(f"a worker could not send its result: {error!r}")))


def _start_workers(
    count: int,
    fn: Callable[[Any], Any],
    initializer: Callable[..., object] | None,
    initargs: tuple[Any, ...],
    workers: list[_Worker],
) -> None:
    """Fork `count` workers into `workers` (filled as they start, so the caller can kill the ones
    started if this is interrupted)."""
    # fork: the workers start with the parent's modules loaded, as they are (and at once)
    context = multiprocessing.get_context("fork")
    for _ in range(count):
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, os.getpid(), fn, initializer, initargs), daemon=True)
        process.start()
        theirs.close()
        workers.append(_Worker(process, ours))


def parallel_imap(
    fn: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
    isolated: bool = False,
) -> Iterator[R]:
    """`fn(x)` for each of `items`, in their order, as each is ready: computed by `jobs` worker
    processes (in this process when `jobs` is 1 or there is at most one item, unless `isolated`:
    then in one worker at least, so that code that ends its process, an outside agent's
    os._exit, ends a worker and is reported, not the command, silently). `fn` must be a
    module-level function; `initializer(*initargs)` runs once in each worker (and here, in this
    process, when there are no workers), to hand them what every item shares.

    An exception in a worker is raised here; on any exception, KeyboardInterrupt included, and
    when the caller stops reading, the workers are killed first: nothing is left running and no
    queued work goes on.
    """
    if (jobs <= 1 or len(items) <= 1) and not (isolated and items):
        # SIGTERM and SIGHUP as a Ctrl+C here too: with one job a SIGTERM killed the process in
        # the middle of a save, its temporary file left for good (a reviewer's)
        with ending_as_ctrl_c():
            if initializer is not None:
                initializer(*initargs)
            yield from map(fn, items)
        return
    workers: list[_Worker] = []
    # SIGTERM and SIGHUP handled before they are held: one held while the workers start is raised
    # as they are released, as a Ctrl+C is, and stops them
    with ending_as_ctrl_c():
        try:
            with _deferred():  # a signal noted while the workers start is raised here, once all are known
                held = signal.pthread_sigmask(signal.SIG_BLOCK, _HOLD) if _HOLD else None
                try:
                    _start_workers(max(1, min(jobs, len(items))), fn, initializer, initargs, workers)
                finally:
                    _release(held)
            yield from _results(workers, items)
        except BaseException:  # Ctrl+C, SIGTERM, a worker's error, or the caller closing the generator
            # a second signal ignored until every worker is dead: raised inside the killing, it
            # left some alive, ignoring the SIGTERM that multiprocessing's exit sends them, and the
            # command waited on them for ever (a Ctrl+C and a `kill`, or systemd's SIGTERM then
            # SIGHUP: a reviewer's). Ignored, not held: a signal another thread takes (the move
            # limit's watchdog, say) still runs the main thread's handler, whatever its mask; a
            # handler set to SIG_IGN is run by nobody. The first signal already stops the command.
            with _deaf():
                _kill(workers)
            raise
        _stop(workers)


def _results(workers: list[_Worker], items: Sequence[T]) -> Iterator[Any]:
    """Hand each idle worker the next item; yield the results in the items' order."""
    tasks = iter(enumerate(items))
    idle = list(reversed(workers))
    busy: dict[Connection, _Worker] = {}
    doing: dict[Connection, str] = {}  # what each busy worker last said it was doing (note)
    # what each busy worker's move under way would say if the last resort ended it, and from when
    words: dict[Connection, _LastWords] = {}
    current: dict[Connection, int] = {}  # the item each busy worker has
    # results (and errors) that came before an earlier item's: an error is raised only in its
    # item's turn, so the one raised is the first in the items' order, as with one job, whichever
    # worker fails first (an agent that fails in every game is reported with the first game's seed)
    early: dict[int, tuple[bool, Any]] = {}
    wanted = 0
    while wanted < len(items):
        while idle and (task := next(tasks, None)) is not None:
            worker = idle.pop()
            worker.conn.send(task)
            busy[worker.conn] = worker
            current[worker.conn] = task[0]
            doing.pop(worker.conn, None)
            words.pop(worker.conn, None)
        while wanted in early:
            ok, value = early.pop(wanted)
            if not ok:
                raise value
            yield value
            wanted += 1
        if wanted == len(items):
            break
        by_sentinel = {worker.process.sentinel: worker for worker in busy.values()}
        # not for ever: a signal the system gives another thread (the main one had one pending,
        # or blocked it) does not interrupt this wait, and its handler runs in the main thread
        # only when it runs Python again (with SIGINT blocked in the main thread, a Ctrl+C another
        # thread took waited here for ever: tests/cli/test_interrupt.py)
        ready = wait([*busy, *by_sentinel], _AWAKE)
        for conn in [r for r in ready if r in busy]:
            received = _receive(busy[conn])
            if received is None:  # the worker ended
                # in its item's turn, as any error (which worker dies first is the system's
                # timing: the seed named would change from run to run), whether it is said as a
                # worker that ended or as the error of its move (`last_words`)
                early[current[conn]] = (False, _ended(busy[conn], doing.get(conn), words.get(conn)))
                busy.pop(conn)
                continue
            index, done, value = received
            if done is None:  # a note: what the worker is doing now
                doing[conn] = value
                continue
            if done == LAST_WORDS:
                words[conn] = _LastWords.of(value)
                continue
            if done == ENDED:  # its item's error, and the worker ends: no more work for it
                early[index] = (False, value)
                busy.pop(conn)
                continue
            early[index] = (done is True, value)
            idle.append(busy.pop(conn))
        for sentinel in [r for r in ready if r in by_sentinel]:
            worker = by_sentinel[sentinel]
            if worker.conn in busy:  # died before it answered
                early[current[worker.conn]] = (False, _ended(worker, doing.get(worker.conn), words.get(worker.conn)))
                busy.pop(worker.conn)


@dataclass(frozen=True)
class _LastWords:
    """What a worker's move would say if the last resort ended it, and the earliest moment that
    could be (by the parent's clock, from when it was told)."""

    error: BaseException | None
    due: float

    @classmethod
    def of(cls, told: object) -> _LastWords:
        if isinstance(told, tuple) and len(told) == 2 and isinstance(told[0], BaseException):
            # the last resort's own thread keeps time: a moment early is still its doing
            return cls(told[0], float(told[1]) - _LAST_RESORT_SLACK)
        return cls(None, 0.0)

    def said(self) -> BaseException | None:
        """The error, where the worker ended past the moment the last resort was due."""
        return self.error if self.error is not None and time.monotonic() >= self.due else None


_LAST_RESORT_SLACK = 0.5


def _receive(worker: _Worker) -> tuple[Any, bool | str | None, Any] | None:
    """The worker's next message; None where it has ended."""
    try:
        outcome: tuple[Any, bool | str | None, Any] = worker.conn.recv()
    except EOFError:
        return None
    return outcome


def _ended(worker: _Worker, doing: str | None, words: _LastWords | None = None) -> BaseException:
    """The error for a worker that ended before its result, with the last of the notes it sent
    (some may still be in its pipe, unread). Its pipe and its sentinel close as it exits, a moment
    before the system can report its exit status: waited for, briefly. A worker ended by the last
    resort in a move stuck in C code is said as that move's error (`last_words`)."""
    said: BaseException | None = None  # the error the worker sent as it ended (`abandon`)
    with contextlib.suppress(EOFError, OSError):
        while worker.conn.poll():
            _, ok, value = worker.conn.recv()
            if ok is None:
                doing = value
            elif ok == ENDED and isinstance(value, BaseException):
                said = value
            elif ok == LAST_WORDS:
                words = _LastWords.of(value)
    worker.process.join(5)
    if said is None and words is not None and worker.process.exitcode == 1:
        said = words.said()  # faulthandler's exit status
    return said if said is not None else WorkerEnded(worker.process.exitcode, doing)


def _stop(workers: list[_Worker]) -> None:
    """Every item done: tell each worker to stop, and wait for it (briefly: then kill it)."""
    for worker in workers:
        with contextlib.suppress(OSError):  # already gone
            worker.conn.send(None)
    for worker in workers:
        worker.process.join(5)
    _kill(workers)


def _kill(workers: list[_Worker]) -> None:
    """Kill every worker still alive and reap them all. A killed worker held nothing shared."""
    for worker in workers:
        if worker.process.is_alive():
            worker.process.kill()
    for worker in workers:
        worker.process.join()
        worker.conn.close()


@contextlib.contextmanager
def _deferred() -> Iterator[None]:
    """Within it, SIGINT, SIGTERM and SIGHUP are noted, not acted on; on leaving, their handlers
    are put back and the first noted one's handler is run. Blocking them (the mask above) holds only those sent to
    the main thread: one another thread takes (a timer's, the move limit's watchdog) still runs the
    main thread's handler at its next instruction, and a Ctrl+C that landed between a worker's
    fork and its entry in the list of workers left that worker unknown, never killed: the
    command then waited on it for ever at exit (it ignores the SIGTERM multiprocessing sends
    it), in 4 of 40 runs of a Ctrl+C in the first 30 ms. A signal ignored (nohup) stays so."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    kept = {signum: signal.getsignal(signum) for signum in _PARENTS}
    for signum, handler in kept.items():
        if handler is not signal.SIG_IGN:
            signal.signal(signum, lambda number, _frame: noted.append(number))
    try:
        yield
    finally:
        for signum, handler in kept.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        if noted:
            # its handler run here: raise_signal would leave it pending where this thread blocks
            # the signal (a caller's mask; a reviewer's), and the command would run on
            handler = kept[noted[0]]
            if callable(handler):
                handler(noted[0], None)
            else:  # the system's default action: taken here, the signal let through first
                if hasattr(signal, "pthread_sigmask"):
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, {noted[0]})
                signal.raise_signal(noted[0])


@contextlib.contextmanager
def _deaf() -> Iterator[None]:
    """Within it, SIGINT, SIGTERM and SIGHUP are ignored (in the main thread, where handlers are
    set; elsewhere nothing changes), and their handlers put back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    kept = {signum: signal.getsignal(signum) for signum in _PARENTS}
    for signum in _PARENTS:
        signal.signal(signum, signal.SIG_IGN)
    try:
        yield
    finally:
        for signum, handler in kept.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


def _release(held: set[int | signal.Signals] | None) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def cores() -> int:
    """The cores this process may use (a container's share, not the host's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def parallel_map(fn: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """`[fn(x) for x in items]`, spread as `parallel_imap` spreads it."""
    return list(parallel_imap(fn, items, jobs))
