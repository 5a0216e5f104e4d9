"""A game in progress: its scenario (and the bytes it came from), seed, seats and log.

A game is exactly its scenario, its seed and its actions; the Session keeps them together with
the state they lead to, so it can be saved at any moment and rebuilt from a save.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import Action, Record, State, apply, new_game, state_hash
from game.engine.model import Scenario
from game.saves.codec import Entry

HUMAN = "human"
# What played an AI seat: a level, or a strategy of the library (game.ai.seats.SEAT_KINDS; the
# saves layer does not import the AI, so a test holds the two lists together)
AI_SEATS = tuple(
    f"ai:{kind}"
    for kind in (
        *("easy", "normal", "hard", "random"),
        *("stonewall", "ideal-then-fold", "accept-above-walkaway", "accept-all", "copy-last", "give-away"),
        *("concede-all", "hardline", "walk-out", "wait-nash"),
    )
)
AGENT = "agent:"  # an outside agent's seat: "agent:PATH.py:NAME" or "agent:module:NAME"


def default_seats(scenario: Scenario, humans: tuple[str, ...] = (), level: str = "normal") -> dict[str, str]:
    return {d.id: HUMAN if d.id in humans else f"ai:{level}" for d in scenario.delegations}


@dataclass
class Session:
    scenario: Scenario
    source: bytes  # the scenario file exactly as read: a save embeds it whole
    seed: int
    seats: dict[str, str]  # delegation id -> "human", "ai:LEVEL" (or a strategy), or "agent:SPEC"
    state: State
    log: list[Entry] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    name: str = ""  # the scenario's bundled name or file stem

    @classmethod
    def new(cls, scenario: Scenario, source: bytes, seed: int, seats: dict[str, str], name: str = "") -> Session:
        state, opening = new_game(scenario, seed)
        return cls(scenario, source, seed, seats, state, [], list(opening), name or scenario.id)

    def play(self, action: Action) -> tuple[Record, ...]:
        """Apply an action (raising the engine's errors if it is refused) and log it."""
        taken_in = self.state.round
        state, records = apply(self.state, action)
        self.state = state
        self.log.append(Entry(len(self.log) + 1, taken_in, action, state_hash(state)))
        self.records.extend(records)
        return records
