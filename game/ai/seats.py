"""Who plays a seat: an agent at a level, or a strategy of the library. Named by strings so a
run's seats can be written on a command line, sent to a worker process or stored in a save."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from game.ai.agent import Chooser
from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.ai.rehearsal import STYLES, Rehearsed
from game.ai.strategies import STRATEGIES, EdgeOfZone, WaitThenNash
from game.ai.strategies.base import Package
from game.engine.model import Scenario

SEAT_KINDS = (*LEVELS, *STRATEGIES)

__all__ = ["SEAT_KINDS", "Chooser", "chooser", "choosers"]


def chooser(kind: str, nash: Mapping[int, Package | None] | None = None, scenario: Scenario | None = None) -> Chooser:
    """A fresh chooser for one game. `nash` (per venue index, the analysis's Nash package) is
    what the wait-nash strategy tables; the analysis is not the AI's to compute, so the caller
    passes it (game.sim.seating does). `scenario` (the file's, never a game's draw) lets a level
    that rehearses do so (game.ai.rehearsal); without it, the level plays its full style."""
    if kind in STYLES and scenario is not None:
        return Rehearsed(scenario, kind)
    if kind in LEVELS:
        return partial(choose, level=LEVELS[kind])
    if kind == WaitThenNash.name:
        return WaitThenNash(nash or {}).choose
    if kind == EdgeOfZone.name:
        return EdgeOfZone(scenario).choose  # the file's numbers: without them it asks only its ideal
    if kind in STRATEGIES:
        return STRATEGIES[kind]().choose
    raise ValueError(f"unknown seat kind {kind!r}: choose from {', '.join(SEAT_KINDS)}")


def choosers(
    seats: Mapping[int, str], nash: Mapping[int, Package | None] | None = None, scenario: Scenario | None = None
) -> dict[int, Chooser]:
    return {d: chooser(kind, nash, scenario) for d, kind in seats.items()}
