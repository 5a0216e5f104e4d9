"""The two statistics the game's comparisons use: a mean, and the standard error of a mean. The
tournaments (game.sim.tournament) and the hard agent's rehearsal (game.ai.rehearsal) both judge
paired differences game by game with them."""

from __future__ import annotations

import math
from collections.abc import Sequence


def mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs)


def standard_error(xs: Sequence[float]) -> float:
    """The standard error of the mean (0 for a single game)."""
    n = len(xs)
    if n < 2:
        return 0.0
    m = mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1) / n)
