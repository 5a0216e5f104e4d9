"""The walk_away effect: an event (or an agreed option) moves what no deal is worth to a side."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Pass, Scenario, apply, new_game, state_hash, view_for
from game.engine.clock import bleed
from game.engine.model import Effect
from game.engine.types import UNDRAWN, draw_types
from game.engine.utility import outcome_utility
from game.engine.work import _UNMOVED
from game.sim.random_scenarios import random_scenario
from tests.engine.conftest import (
    BLUE,
    RED,
    actor_id,
    mini_with_rumour_effect,
    pass_rounds,
    random_effect_kinds,
    rumour,
    start,
    with_event,
    with_venue,
)


def _clash_with(mini: Scenario, *effects: Effect) -> Scenario:
    """mini without random events, its round-2 clash carrying these effects."""
    quiet = with_venue(mini, random_events=0.0)
    index = next(i for i, e in enumerate(quiet.events) if e.id == "clash")
    return with_event(quiet, index, effects=effects)


def test_an_event_moves_a_sides_walk_away_value_and_nothing_else(mini: Scenario) -> None:
    sc = _clash_with(mini, Effect("walk_away", RED, delta=12), Effect("walk_away", BLUE, delta=-5))
    state = start(sc)
    before = state.scenario.delegations
    assert state.round == 1
    state = pass_rounds(state, 1)  # round 2 begins: the clash fires
    after = state.scenario.delegations
    assert after[RED].reservation == pytest.approx(before[RED].reservation + 0.12)
    assert after[BLUE].reservation == pytest.approx(before[BLUE].reservation - 0.05)
    for d, (b, a) in enumerate(zip(before, after, strict=True)):
        assert dataclasses.replace(a, reservation=b.reservation) == b  # only the walk-away moved
        if d not in (RED, BLUE):
            assert a.reservation == b.reservation
    # the side reads its own new walk-away value in its view, as every agent and the interface do
    assert view_for(state, RED).own.reservation == after[RED].reservation


def test_the_moved_scenario_keeps_only_tables_the_move_leaves_as_they_were(mini: Scenario) -> None:
    # the scenario a moved walk-away value makes shares the old one's tables that read no
    # walk-away value (work._UNMOVED): each the same as its own worked out afresh; the rest, and
    # the agents' reading of the moved side, are its own
    sc = _clash_with(mini, Effect("walk_away", RED, delta=12))
    state = start(sc)
    before = state.scenario
    state = pass_rounds(state, 1)
    after = state.scenario
    assert after is not before
    fresh = dataclasses.replace(after)
    for name in _UNMOVED:
        assert vars(after)[name] is vars(before)[name]
    for name in UNDRAWN:
        assert getattr(after, name) == getattr(fresh, name)
    for (deal, open_issues), costs in after.tolls.items():  # read no walk-away value
        assert costs == tuple(bleed(d, after.rules, deal, open_issues) for d in after.delegations)
    for package, text in after.package_texts.items():  # nor do the packages' texts
        issues = fresh.issues
        assert text == "; ".join(f"{issues[i].name}: {issues[i].options[o].label}" for i, o in package)
    assert "situation_fixed" not in vars(after) or vars(after)["situation_fixed"] is not vars(before).get(
        "situation_fixed"
    )
    assert view_for(state, RED).own.reservation == after.delegations[RED].reservation
    assert view_for(state, RED).delegations == view_for(dataclasses.replace(state, scenario=fresh), RED).delegations


def test_the_walk_away_value_stays_within_0_and_0_99(mini: Scenario) -> None:
    up = pass_rounds(start(_clash_with(mini, Effect("walk_away", RED, delta=100))), 1)
    down = pass_rounds(start(_clash_with(mini, Effect("walk_away", RED, delta=-100))), 1)
    assert up.scenario.delegations[RED].reservation == 0.99
    assert down.scenario.delegations[RED].reservation == 0.0


def test_a_game_without_a_deal_gives_the_moved_walk_away_value(mini: Scenario) -> None:
    sc = _clash_with(mini, Effect("walk_away", RED, delta=-20))
    state = start(sc)
    central = state.scenario.delegations[RED].reservation
    while not state.over:
        state, _ = apply(state, Pass(actor_id(state)))
    assert state.outcome == "no_deal"
    moved = state.scenario.delegations[RED].reservation
    assert moved == pytest.approx(central - 0.20)
    assert outcome_utility(state, RED) == pytest.approx(moved - state.toll[RED] / 10_000)


def test_the_effect_is_read_from_a_file_and_checked(tmp_path: Path) -> None:
    scenario, diagnostics = mini_with_rumour_effect(tmp_path, "- walk_away: {delegation: blue, delta: -7}")
    assert scenario is not None, diagnostics
    assert rumour(scenario).effects == (Effect("walk_away", scenario.delegation_index["blue"], delta=-7),)
    scenario, diagnostics = mini_with_rumour_effect(tmp_path, "- walk_away: {delegation: bleu, delta: -7}")
    assert scenario is None
    assert any("unknown delegation 'bleu'" in d.message and d.severity == "error" for d in diagnostics)


def test_random_scenarios_carry_the_effect() -> None:
    assert "walk_away" in random_effect_kinds(range(40))


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_on_random_scenarios_only_walk_away_values_move_within_bounds_and_replays_agree(seed: int) -> None:
    """In AI games of random scenarios (events with every kind of effect), what walking away is
    worth may move, stays within 0..0.99, moves only through walk_away effects, and a replay of
    the same actions moves it the same way (the state hash covers it through the events)."""
    from game.ai import play as ai_play

    sc = random_scenario(seed)
    drawn = draw_types(sc, seed).delegations
    moving = {e.a for card in sc.events for e in card.effects if e.kind == "walk_away"} | {
        e.a for issue in sc.issues for o in issue.options for e in o.effects if e.kind == "walk_away"
    }
    game = ai_play(sc, seed)
    states = [new_game(sc, seed)[0]]
    for action in game.actions:
        states.append(apply(states[-1], action)[0])
    replayed = new_game(sc, seed)[0]
    for action, state in zip(game.actions, states[1:], strict=True):
        replayed = apply(replayed, action)[0]
        assert state_hash(replayed) == state_hash(state)
        assert replayed.scenario.delegations == state.scenario.delegations
        for d, (a, b) in enumerate(zip(drawn, state.scenario.delegations, strict=True)):
            assert 0.0 <= b.reservation <= 0.99
            assert dataclasses.replace(b, reservation=a.reservation) == a
            if d not in moving:
                assert b.reservation == a.reservation
