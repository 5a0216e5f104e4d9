"""Numbers in messages: two that differ are never written the same."""

from __future__ import annotations


def apart(low: float, high: float, least: int = 2, most: int = 4) -> tuple[str, str]:
    """`low` and `high` written with the fewest decimals, from `least` to `most`, at which they
    read differently: a best of 0.6154 below a reservation value of 0.62 is "0.615" and "0.620",
    never "0.62 < 0.62". Two that still read the same at `most` decimals come back the same (the
    caller says "just below")."""
    for places in range(least, most + 1):
        a, b = f"{low:.{places}f}", f"{high:.{places}f}"
        if a != b:
            return a, b
    return a, b


def below(low: float, high: float) -> str:
    """`low` < `high`, as `apart` writes them: "0.615 < 0.620", or "just below 0.6200"."""
    a, b = apart(low, high)
    return f"{a} < {b}" if a != b else f"just below {b}"
