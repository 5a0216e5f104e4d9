"""The rehearsals of a run's hard seats, worked out before its games, spread over its processes.

A seat at a level that rehearses (game.ai.rehearsal) does so before its first move, once a
process. A run of games over several processes (`simulate --jobs`, `test-scenario --jobs`,
`tournament --jobs`) used to rehearse every such seat in every worker: the same seconds of CPU
once per worker, and every seat one after another in each. Worked out here first, each seat in
one worker, then kept in this process, whose workers for the games are forked from it and find
them made. A seat the book holds (game.ai.book) is not rehearsed at all.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.ai.rehearsal import Choice, choice, pending, remember
from game.engine.model import Scenario
from game.sim.pool import parallel_map


def rehearse_ahead(scenario: Scenario, seats: Mapping[int, str], jobs: int) -> None:
    """Rehearse the seats (by the kind that plays each) that would rehearse in the games, over
    `jobs` processes. With one process there is nothing to share: each seat rehearses at its
    first move, once."""
    if jobs <= 1:
        return
    todo = pending(scenario, seats)
    found = parallel_map(_rehearse, [(scenario, seat, kind) for seat, kind in todo], jobs)
    for (seat, kind), made in zip(todo, found, strict=True):
        remember(scenario, seat, kind, made)


def _rehearse(task: tuple[Scenario, int, str]) -> Choice:
    scenario, seat, kind = task
    return choice(scenario, seat, kind)
