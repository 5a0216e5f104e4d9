"""Headless games: every seat played by an agent, from the opening to the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.ai.agent import Chooser
from game.ai.driver import agent_rng, take
from game.ai.negotiator import choose
from game.engine import Action, Record, State, new_game, state_hash
from game.engine.model import Scenario

__all__ = ["Played", "agent_rng", "play"]


@dataclass
class Played:
    state: State
    actions: list[Action] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    steps: list[tuple[str, tuple[Record, ...]]] = field(default_factory=list)  # per action: reason, records
    hashes: list[str] = field(default_factory=list)
    refused: int = 0  # agent actions the engine refused (a bug if ever above 0)


def play(scenario: Scenario, seed: int, choosers: dict[int, Chooser] | None = None, hashes: bool = False) -> Played:
    """Play a whole game; seats without a chooser get the normal-level negotiator. An outside
    agent's (Guarded) refused move raises AgentError; a built-in agent's passes (game.ai.driver)."""
    state, opening = new_game(scenario, seed)
    game = Played(state, records=list(opening))
    choosers = choosers or {}
    while not state.over:
        actor = state.actor
        move, state, records = take(state, choosers.get(actor, choose))
        game.actions.append(move.action)
        game.refused += bool(move.refused)
        game.reasons.append(move.decision.reason)
        game.steps.append((move.decision.reason, records))
        game.records.extend(records)
        if hashes:
            game.hashes.append(state_hash(state))
    game.state = state
    return game
