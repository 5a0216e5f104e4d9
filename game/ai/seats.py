"""Who plays a seat: an agent at a level, or the random floor. Named by strings so a run's
seats can be written on a command line, sent to a worker process or stored in a save."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.ai.random_agent import choose_random
from game.ai.reading import Decision
from game.engine.rng import Rng
from game.engine.view import View

Chooser = Callable[[View, Rng], Decision]
SEAT_KINDS = (*LEVELS, "random")


def chooser(kind: str) -> Chooser:
    if kind == "random":
        return choose_random
    if kind not in LEVELS:
        raise ValueError(f"unknown level {kind!r}: choose from {', '.join(SEAT_KINDS)}")
    return partial(choose, level=LEVELS[kind])


def choosers(seats: Mapping[int, str]) -> dict[int, Chooser]:
    return {d: chooser(kind) for d, kind in seats.items()}
