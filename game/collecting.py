"""Fewer garbage collections while a batch of games is played or a save is replayed.

Every action makes a new state, its tuples and its records: thousands of objects a game, nearly
all of them freed by reference counting as soon as the next state replaces them, and none of
them in a cycle. CPython's collector still runs its youngest generation every 700 allocations
and walks all of them: over a save's replay, about a tenth of the time (docs/lab/speed.md, "A second pass"), for
nothing. An AI game spends most of its time deciding and gains less. Inside `fewer_collections()` the youngest generation waits for more allocations; the
collector is never switched off (a cycle is still freed, later), and the process's own
thresholds are put back on the way out, so nothing outside the block sees a change.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Allocations between collections of the youngest generation inside the block (the default is
# 700). At a few hundred bytes an object, the most a collection can leave waiting is a few MB.
YOUNG = 20_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    if before[0] and before[0] < YOUNG:  # 0: collection off by the caller's choice, left so
        gc.set_threshold(YOUNG, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
