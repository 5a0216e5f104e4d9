"""The statistics the game's comparisons use: a mean, the standard error of a mean, and the two
of a paired difference. The tournaments (game.sim.tournament) and the hard agent's rehearsal
(game.ai.rehearsal) both judge paired differences game by game with them."""

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


def paired(a: Sequence[float], b: Sequence[float]) -> tuple[float, float]:
    """The mean of a - b game by game, and the standard error of that mean."""
    d = [x - y for x, y in zip(a, b, strict=True)]
    return mean(d), standard_error(d)
