"""Work spread over worker processes, in order, that stops at once on Ctrl+C.

`concurrent.futures.ProcessPoolExecutor` does not: its workers catch the KeyboardInterrupt the
terminal sends them, report it as a result and take the next batch, and leaving its `with`
block waits for every batch already queued (about 20 s for `simulate --games 100 --jobs 2`).
Here the workers ignore SIGINT, so only the parent hears it, and the parent kills them
(`Pool.terminate`) when anything, a Ctrl+C included, interrupts the wait for results.
`simulate`, `test-scenario` and `tournament` all go through `parallel_map`.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _ignore_sigint() -> None:
    # Ctrl+C reaches the whole foreground process group: the parent alone decides what it means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def parallel_map(fn: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """`[fn(x) for x in items]`, computed by `jobs` worker processes (in this process when
    `jobs` is 1 or there is at most one item). `fn` must be a module-level function.

    The results come back in the order of `items`, whatever the number of jobs. An exception
    in a worker is raised here; on any exception, KeyboardInterrupt included, the workers are
    killed before it propagates, so nothing is left running and no queued work goes on.
    """
    if jobs <= 1 or len(items) <= 1:
        return [fn(x) for x in items]
    pool = multiprocessing.Pool(min(jobs, len(items)), initializer=_ignore_sigint)
    try:
        results = pool.map(fn, items, chunksize=1)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
    return results
