"""The game's seeded random source.

SplitMix64: a tiny generator whose whole state is one 64-bit integer, so it lives in the game
state as plain data, hashes with it, and gives the same numbers on every machine and Python.
"""

from __future__ import annotations

import struct
import sys

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

    def skip(self) -> Rng:
        """A generator standing where this one stands, this one moved on past its next number:
        that number, to draw later (or never, where it is not needed; a draw costs about 6,400
        instructions), while what this one draws next is what it would have been."""
        held = Rng(self.state)
        self.state = (self.state + _GAMMA) & MASK
        return held

    def floats(self, n: int) -> list[float]:
        """The next n numbers random() would give, in turn, and the state it would leave.

        Worked out for all n at once: each number is a 64-bit value in its own 128-bit lane of a
        single Python int, so each step of the mix (the shifts, xors and multiplications) is one
        operation on that int for every lane, in C, rather than a dozen interpreted operations on
        64-bit ints a number (about 6,400 instructions each under CPython 3.11). A lane's product
        by a 64-bit constant fits its 128 bits, so no lane carries into the next; the bits a right
        shift brings down from the lane above land above bit 64 and are masked off. The same
        integers, so the same floats (tests/engine/test_rng.py)."""
        if n < _PACKED_FROM:
            draw = self.random
            return [draw() for _ in range(n)]
        start = self.state
        self.state = (start + n * _GAMMA) & MASK
        ones, ramp, lanes, top = _lanes(n)
        z = (start * ones + ramp) & lanes  # lane k: the state after k + 1 steps
        z = ((z ^ (z >> 30)) & lanes) * 0xBF58476D1CE4E5B9 & lanes
        z = ((z ^ (z >> 27)) & lanes) * 0x94D049BB133111EB & lanes
        z = ((z ^ (z >> 31)) >> 11) & top
        # the lanes' bytes in little-endian order, each lane's low word first: a machine that
        # stores words the other way round reads them with an explicit byte order (same numbers)
        raw = z.to_bytes(16 * n, "little")
        words = memoryview(raw).cast("Q")[::2].tolist() if _LITTLE else list(struct.unpack(f"<{2 * n}Q", raw)[::2])
        scale = 1.0 / (1 << 53)
        return [w * scale for w in words]

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


# floats(n) draws one at a time below this many (a packed draw's setup costs about a few draws)
_PACKED_FROM = 4
# whether memoryview reads a word with its low byte first, as the lanes are written
_LITTLE = sys.byteorder == "little"
_LANE = 128
_LANES: dict[int, tuple[int, int, int, int]] = {}


def _lanes(n: int) -> tuple[int, int, int, int]:
    """For n lanes of 128 bits: a 1 in each lane, lane k holding (k + 1) * gamma, 64 ones in each
    lane, and 53 ones in each lane (the bits a float is made of). Kept per n (a few dozen n)."""
    got = _LANES.get(n)
    if got is None:
        ones = sum(1 << (_LANE * k) for k in range(n))
        ramp = sum(((k + 1) * _GAMMA) << (_LANE * k) for k in range(n))
        got = (ones, ramp, ones * MASK, ones * ((1 << 53) - 1))
        if len(_LANES) < 256:
            _LANES[n] = got
    return got
