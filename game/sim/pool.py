"""Work spread over worker processes, in order, that stops at once on Ctrl+C.

`concurrent.futures.ProcessPoolExecutor` does not: its workers catch the KeyboardInterrupt the
terminal sends them, report it as a result and take the next batch, and leaving its `with`
block waits for every batch already queued (about 20 s for `simulate --games 100 --jobs 2`).
Here the workers ignore SIGINT, so only the parent hears it, and the parent kills them
(`Pool.terminate`) when anything, a Ctrl+C included, interrupts the wait for results.
While the pool starts, SIGINT is held (blocked) in the parent and, through the fork, in each
worker until it ignores it: a Ctrl+C in that instant (long under load) neither kills a worker
with a traceback nor escapes `Pool()` with its workers alive (`Pool.__init__` cleans up after an
Exception only); it reaches the parent once the pool is up, and stops it as any other.
`simulate`, `test-scenario` and `tournament` all go through `parallel_imap`.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# The signals held while a pool starts (none where signal masks do not exist, as on Windows,
# which has no fork either).
_HOLD = {signal.SIGINT} if hasattr(signal, "pthread_sigmask") else set()


def _start_worker(initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> None:
    # Ctrl+C reaches the whole foreground process group: the parent alone decides what it means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _HOLD:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HOLD)  # held since the fork: ignored from now on
    if initializer is not None:
        initializer(*initargs)


def parallel_imap(
    fn: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """`fn(x)` for each of `items`, in their order, as each is ready: computed by `jobs` worker
    processes (in this process when `jobs` is 1 or there is at most one item). `fn` must be a
    module-level function; `initializer(*initargs)` runs once in each worker (and here, in this
    process, when there are no workers), to hand them what every item shares.

    An exception in a worker is raised here; on any exception, KeyboardInterrupt included, and
    when the caller stops reading, the workers are killed first: nothing is left running and no
    queued work goes on.
    """
    if jobs <= 1 or len(items) <= 1:
        if initializer is not None:
            initializer(*initargs)
        yield from map(fn, items)
        return
    # fork: the workers start with the parent's modules loaded, as they are (and at once)
    context = multiprocessing.get_context("fork")
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _HOLD) if _HOLD else None
    try:
        pool = context.Pool(min(jobs, len(items)), initializer=_start_worker, initargs=(initializer, initargs))
    except BaseException:
        _release(held)
        raise
    try:
        _release(held)  # a Ctrl+C held while the pool started is raised here, where it kills the workers
        yield from pool.imap(fn, items, chunksize=1)
        pool.close()
    except BaseException:  # Ctrl+C, a worker's error, or the caller closing the generator
        pool.terminate()
        raise
    finally:
        pool.join()


def _release(held: set[int | signal.Signals] | None) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def parallel_map(fn: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """`[fn(x) for x in items]`, spread as `parallel_imap` spreads it."""
    return list(parallel_imap(fn, items, jobs))
