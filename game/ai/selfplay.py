"""Headless games: every seat played by an agent, from the opening to the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.ai.agent import Guarded
from game.ai.negotiator import choose
from game.ai.seats import Chooser
from game.engine import Action, Pass, Record, State, apply, new_game, state_hash, view_for
from game.engine.errors import GameError
from game.engine.model import Scenario
from game.engine.rng import Rng, mix


@dataclass
class Played:
    state: State
    actions: list[Action] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    steps: list[tuple[str, tuple[Record, ...]]] = field(default_factory=list)  # per action: reason, records
    hashes: list[str] = field(default_factory=list)
    refused: int = 0  # agent actions the engine refused (a bug if ever above 0)


def agent_rng(state: State) -> Rng:
    """The agent's own stream, derived from the game's generator without advancing it."""
    return Rng(mix(state.rng ^ (state.step * 0x9E3779B97F4A7C15 + state.actor)))


def play(scenario: Scenario, seed: int, choosers: dict[int, Chooser] | None = None, hashes: bool = False) -> Played:
    """Play a whole game; seats without a chooser get the normal-level negotiator."""
    state, opening = new_game(scenario, seed)
    game = Played(state, records=list(opening))
    choosers = choosers or {}
    while not state.over:
        actor = state.actor
        decision = choosers.get(actor, choose)(view_for(state, actor), agent_rng(state))
        try:
            state, records = apply(state, decision.action)
            game.actions.append(decision.action)
        except GameError as exc:
            chooser = choosers.get(actor)
            if isinstance(chooser, Guarded):
                raise chooser.illegal(decision.action, str(exc)) from None
            game.refused += 1
            fallback = Pass(scenario.delegations[actor].id)
            state, records = apply(state, fallback)
            game.actions.append(fallback)
        game.reasons.append(decision.reason)
        game.steps.append((decision.reason, records))
        game.records.extend(records)
        if hashes:
            game.hashes.append(state_hash(state))
    game.state = state
    return game
