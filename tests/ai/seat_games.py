"""The states at which an agent in one seat of a bundled scenario made a given kind of move, over
whole games with every other seat normal: what the tests of the hard agent's rules replay."""

from __future__ import annotations

from collections.abc import Callable

from game.ai.selfplay import play
from game.engine import actions as A
from game.engine import apply, new_game
from game.engine.state import State
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers


def seat_states(
    scenario: str, seat_id: str, seeds: range, keep: Callable[[A.Action, str], bool], level: str = "hard"
) -> list[State]:
    """The states at which the seat, played at `level`, made a move (an action and its reason)
    that `keep` accepts."""
    sc = load_scenario(bundled()[scenario])
    seat = [d.id for d in sc.delegations].index(seat_id)
    found = []
    for seed in seeds:
        state, _ = new_game(sc, seed)
        game = play(sc, seed, game_choosers(sc, {seat: level}, seed))
        for action, reason in zip(game.actions, game.reasons, strict=True):
            if state.actor == seat and keep(action, reason):
                found.append(state)
            state, _ = apply(state, action)
    return found
