"""The hard agent's offer by expected value (game.ai.bets.best_bet): it starts from the
package at its aim and only ever asks more, one option at a time, and only where the estimated
chance of acceptance makes asking more worth it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai import bets, offers
from game.ai.bets import _BET_STEPS, best_bet
from game.ai.levels import LEVELS
from game.ai.offers import aspiration, proposal
from game.ai.opponent import Beliefs
from game.ai.reading import acceptable, counterparts, value_with
from game.ai.selfplay import play
from game.engine import apply, new_game, view_for
from game.engine.legal import may_propose
from game.engine.rng import Rng
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.random_scenarios import random_scenario


def _fake_chance(monkeypatch: pytest.MonkeyPatch, chance: Callable[..., float]) -> None:
    """The agents' acceptance chance replaced where the bet (game.ai.bets) and the offers'
    reading of refusals (game.ai.offers.contradicted) look it up."""
    for module in (bets, offers):
        monkeypatch.setattr(module, "agent_chance", chance)


HARD = LEVELS["hard"]


def proposers(index: int, seed: int) -> list[View]:
    """Views of delegations that may table a package, along one AI game of a random scenario."""
    sc = random_scenario(index)
    state, _ = new_game(sc, seed)
    views = []
    for action in play(sc, seed).actions:
        if not state.over:
            view = view_for(state, state.actor)
            if may_propose(view.own.role) and counterparts(view) and any(s < 0 for s in view.settled):
                views.append(view)
        state, _ = apply(state, action)
    return views


@settings(max_examples=20, deadline=None)
@given(index=st.integers(0, 10_000), seed=st.integers(0, 2**32))
def test_the_bet_only_asks_more_than_the_package_at_its_aim(index: int, seed: int) -> None:
    for view in proposers(index, seed)[::3]:
        beliefs = Beliefs(view, HARD.learns)
        aim = aspiration(view, HARD)
        base, base_partial = proposal(view, beliefs, aim, HARD, Rng(seed))
        bet, partial = best_bet(view, beliefs, aim, HARD, 0.0, Rng(seed))
        assert partial == base_partial
        assert [i for i, _ in bet] == [i for i, _ in base]  # the same issues, in the same order
        changed = [(i, o, p) for (i, o), (_, p) in zip(base, bet, strict=True) if o != p]
        assert len(changed) <= _BET_STEPS
        values = view.own.values
        assert all(values[i][p] > values[i][o] for i, o, p in changed)  # each change in its own favour
        assert value_with(view, bet) >= value_with(view, base) - 1e-12


def room_to_ask_more() -> tuple[View, Beliefs, float, tuple[tuple[int, int], ...]]:
    """A view along an astana-8 game where the package at the agent's aim leaves it something
    to ask for: an option within the others' red lines worth more to it on some issue."""
    sc = load_scenario(bundled()["astana-8"])
    state, _ = new_game(sc, 5)
    for action in play(sc, 5).actions:
        view = view_for(state, state.actor)
        if may_propose(view.own.role) and counterparts(view) and any(s < 0 for s in view.settled):
            beliefs = Beliefs(view, HARD.learns)
            aim = aspiration(view, HARD)
            base, _ = proposal(view, beliefs, aim, HARD, Rng(1))
            values = view.own.values
            if any(values[i][p] > values[i][o] for i, o in base for p in acceptable(view, i, counterparts(view))):
                return view, beliefs, aim, base
        state, _ = apply(state, action)
    raise AssertionError("no package at an aim left anything to ask for")


def test_the_estimate_decides_whether_asking_more_pays(monkeypatch: pytest.MonkeyPatch) -> None:
    view, beliefs, aim, base = room_to_ask_more()
    # a room that takes anything: asking more costs nothing, so the bet asks for more
    _fake_chance(monkeypatch, lambda v, s, package: 1.0)
    greedy, _ = best_bet(view, beliefs, aim, HARD, 0.0, Rng(1))
    assert value_with(view, greedy) > value_with(view, base)
    # a room that takes only the package at its aim: any change is refused, so it keeps that one
    _fake_chance(monkeypatch, lambda v, s, package: 1.0 if package == base else 0.0)
    kept, _ = best_bet(view, beliefs, aim, HARD, 0.0, Rng(1))
    assert kept == base
