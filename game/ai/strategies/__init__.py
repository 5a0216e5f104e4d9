"""The strategy library (see library.py): simple fixed strategies, by name."""

from __future__ import annotations

from game.ai.strategies.base import Strategy
from game.ai.strategies.edge import EdgeOfZone
from game.ai.strategies.library import (
    AcceptAboveWalkaway,
    AcceptAll,
    ConcedeAll,
    CopyLast,
    GiveAway,
    Hardline,
    IdealThenFold,
    Random,
    Stonewall,
    WaitThenNash,
    WalkOut,
)

STRATEGIES: dict[str, type[Strategy]] = {
    s.name: s
    for s in (
        Stonewall,
        IdealThenFold,
        AcceptAboveWalkaway,
        AcceptAll,
        CopyLast,
        GiveAway,
        ConcedeAll,
        Hardline,
        WalkOut,
        WaitThenNash,
        EdgeOfZone,
        Random,
    )
}

__all__ = ["STRATEGIES", "EdgeOfZone", "Strategy", "WaitThenNash"]
