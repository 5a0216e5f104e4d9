"""How an agent speaks of what an offer is worth to it while the game runs: in words and bands,
never in its private numbers, which would tell the room its weights and walk-away value. The
exact figures are revealed once the game is over (the debrief, watch and replay)."""

from __future__ import annotations


def band(value: float, floor: float, aim: float) -> str:
    """Where `value` stands between what we have without it (`floor`) and what we hold out for."""
    # the aim first: an aim fallen below the floor (a partial package's share of what it leaves
    # open read as negative) made a yes say "accepted: worse for us than no deal" (a review's proof)
    if value >= aim - 1e-9:
        return "as good as anything we could ask for now"
    if value < floor - 1e-9:
        return "worse for us than no deal"
    gap = (aim - value) / max(1e-9, aim - floor)
    if gap < 0.25:
        return "close, but short of what we need"  # "rejected: close to what we need" read as a contradiction
    if gap < 0.6:
        return "some way from what we need"
    return "far from what we need"
