"""The game's seeded random source.

SplitMix64: a tiny generator whose whole state is one 64-bit integer, so it lives in the game
state as plain data, hashes with it, and gives the same numbers on every machine and Python.
"""

from __future__ import annotations

MASK = (1 << 64) - 1
_GAMMA = 0x9E3779B97F4A7C15


def seed_state(seed: int) -> int:
    """The generator state for a user-facing seed (any integer)."""
    return mix(seed & MASK)


def mix(z: int) -> int:
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9 & MASK
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB & MASK
    return z ^ (z >> 31)


def next_u64(state: int) -> tuple[int, int]:
    """Return (new_state, value)."""
    state = (state + _GAMMA) & MASK
    return state, mix(state)


def next_float(state: int) -> tuple[int, float]:
    """Return (new_state, a float in [0, 1))."""
    state, value = next_u64(state)
    return state, (value >> 11) * (1.0 / (1 << 53))


class Rng:
    """A mutable generator for code that draws many numbers (the AI); seeded from game data."""

    __slots__ = ("state",)

    def __init__(self, state: int) -> None:
        self.state = state & MASK

    def random(self) -> float:
        # next_float written out (an agent draws tens of thousands a game; the calls cost more
        # than the arithmetic): the same numbers, as tests/engine/test_rng.py checks
        z = self.state = (self.state + _GAMMA) & MASK
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9 & MASK
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB & MASK
        return ((z ^ (z >> 31)) >> 11) * (1.0 / (1 << 53))

    def below(self, n: int) -> int:
        """A whole number in [0, n)."""
        if n <= 0:
            raise ValueError("n must be positive")
        return int(self.random() * n)

    def choice_weighted(self, weights: list[float]) -> int:
        """An index drawn with probability proportional to its weight."""
        total = sum(weights)
        if total <= 0:
            raise ValueError("weights must have a positive sum")
        x = self.random() * total
        for i, w in enumerate(weights):
            x -= w
            if x < 0:
                return i
        return len(weights) - 1
