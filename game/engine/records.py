"""What happened: the engine reports every change as records the UI and CLI can narrate."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    kind: str  # action kind, or: event, round, agreement, expired, pulled_out, venue_end, game_over
    text: str  # one readable sentence
    actor: int = -1
    round: int = 0
