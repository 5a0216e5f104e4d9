"""Private types drawn per game, the cost of time (toll and adjournment) and partial-deal scoring."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Pass, Propose, Respond, Scenario, new_game, state_hash, view_for
from game.engine.clock import bleed, breakdown_chance, roll
from game.engine.types import draw_types
from game.engine.utility import outcome_utility, settled_value
from game.sim.random_scenarios import random_scenario
from tests.engine.conftest import (
    ALL,
    BLUE,
    MONITORED,
    PAUSE,
    PRISONERS,
    RED,
    SOME,
    TRUCE,
    kinds,
    pass_rounds,
    play,
    play_records,
    start,
    with_rules,
)

SPREAD = {"weight_spread": 30, "value_spread": 10, "reservation_spread": 5}

# --- types -----------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**40))
def test_each_game_draws_real_preferences_within_the_spreads(mini: Scenario, seed: int) -> None:
    sc = with_rules(mini, **SPREAD)
    drawn = draw_types(sc, seed)
    assert drawn == draw_types(sc, seed)  # a pure function of the scenario and the seed
    for central, real in zip(sc.delegations, drawn.delegations, strict=True):
        assert sum(real.weights) == pytest.approx(1.0)
        for w0, w1 in zip(central.weights, real.weights, strict=True):
            assert (w0 == 0) == (w1 == 0)  # an issue a side ignores stays ignored
        for v0, v1 in zip(central.values, real.values, strict=True):
            assert all(0.0 <= v <= 1.0 for v in v1)
            # the options keep their order: what a side says it prefers stays true
            for a in range(len(v0)):
                for b in range(len(v0)):
                    if v0[a] < v0[b]:
                        assert v1[a] <= v1[b]
        assert abs(real.reservation - central.reservation) <= 0.05 + 1e-9
        assert (real.red_lines, real.opening, real.personality) == (
            central.red_lines,
            central.opening,
            central.personality,
        )


@settings(max_examples=25, deadline=None)
@given(index=st.integers(0, 10_000), seed=st.integers(0, 2**40))
def test_the_tables_a_game_shares_with_its_file_are_what_its_own_delegations_give(index: int, seed: int) -> None:
    # draw_types hands the game the file's worked-out public tables (ids, roles, red lines...):
    # each must be what the drawn delegations themselves give, on any scenario
    sc = with_rules(random_scenario(index), **SPREAD)
    tables = [name for name, value in vars(Scenario).items() if isinstance(value, cached_property)]
    drawn = draw_types(sc, seed)
    assert drawn.delegations != sc.delegations
    assert drawn.red_lines is sc.red_lines and drawn.delegation_index is sc.delegation_index  # shared
    for name in tables:
        assert getattr(drawn, name) == getattr(Scenario, name).func(drawn), name


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**40))
def test_options_the_file_values_alike_come_apart_in_the_files_order(mini: Scenario, seed: int) -> None:
    """A side's options valued alike in the file are drawn apart, in the file's order: the first
    gets the lowest of the values drawn for them (types._values ranks ties by index)."""
    flat = tuple(replace(d, values=tuple((0.5,) * len(v) for v in d.values)) for d in mini.delegations)
    sc = with_rules(replace(mini, delegations=flat), weight_spread=0, value_spread=40, reservation_spread=0)
    for real in draw_types(sc, seed).delegations:
        for drawn in real.values:
            assert list(drawn) == sorted(drawn)
            assert len(set(drawn)) > 1 or len(drawn) == 1  # they did come apart


def test_games_differ_and_the_draw_is_what_the_game_plays(mini: Scenario) -> None:
    sc = with_rules(mini, **SPREAD)
    draws = {draw_types(sc, seed).delegations[RED].weights for seed in range(10)}
    assert len(draws) == 10
    state = start(sc, 3)
    assert state.scenario.delegations == draw_types(sc, 3).delegations
    assert view_for(state, RED).own == draw_types(sc, 3).delegations[RED]  # a side knows its own
    assert state.scenario.delegations[RED] != sc.delegations[RED]


def test_spreads_of_zero_play_the_files_numbers(mini: Scenario) -> None:
    assert draw_types(mini, 5) is mini
    assert start(mini, 5).scenario.delegations == mini.delegations


def test_the_draw_moves_no_other_draw_of_the_game(mini: Scenario) -> None:
    """The types have their own stream: the game's generator (events) is the same either way."""
    exact = start(mini, 11)
    drawn = start(with_rules(mini, **SPREAD), 11)
    assert exact.rng == drawn.rng
    assert exact.fired == drawn.fired
    assert state_hash(start(with_rules(mini, **SPREAD), 11)) == state_hash(drawn)


# --- the cost of time ------------------------------------------------------------------------------


def test_a_round_costs_each_side_what_the_status_quo_denies_it(mini: Scenario) -> None:
    sc = with_rules(mini, delay_cost=10, breakdown_risk=0)
    state = start(sc)
    assert state.toll == (0, 0, 0, 0)
    after = pass_rounds(state, 1)
    deal = state.deal()
    for d, dl in enumerate(after.scenario.delegations):
        # red: 1/4 x (1 - 1.0) + 3/4 x (1 - 0.2) = 0.6 -> 10 hundredths x 0.6 = 0.06 = 600
        expected = round(10 * 100 * sum(dl.weights[i] * (1 - dl.values[i][deal[i]]) for i in (PRISONERS, TRUCE)))
        assert after.toll[d] == expected == bleed(dl, sc.rules, deal, [PRISONERS, TRUCE])
    assert after.toll[RED] == 600
    assert outcome_utility(after, RED) == pytest.approx(sc.delegations[RED].reservation - 0.06)


def test_each_round_charges_the_toll_again_from_the_scenarios_table(mini: Scenario) -> None:
    """charge_delay remembers each side's cost by the deal in force and the open issues (the
    scenario's table of tolls): every round is charged as bleed says, and the table stays bounded."""
    from game.engine import flow

    sc = with_rules(mini, delay_cost=10, breakdown_risk=0)
    state = start(sc)
    deal = state.deal()
    after = pass_rounds(state, 3)
    for d, dl in enumerate(after.scenario.delegations):
        assert after.toll[d] == 3 * bleed(dl, sc.rules, deal, [PRISONERS, TRUCE])
    assert after.scenario.tolls == {(deal, (PRISONERS, TRUCE)): tuple(t // 3 for t in after.toll)}
    tolls = after.scenario.tolls
    tolls.clear()
    for k in range(flow.TOLLS_KEPT):
        tolls[(k,), ()] = ()
    after = pass_rounds(after, 1)  # worked out again, and the full table emptied first
    assert list(after.scenario.tolls) == [(deal, (PRISONERS, TRUCE))]
    assert after.toll == tuple(4 * bleed(dl, sc.rules, deal, [PRISONERS, TRUCE]) for dl in sc.delegations)


def test_no_toll_once_everything_is_settled_and_none_without_a_delay_cost(mini: Scenario) -> None:
    sc = with_rules(mini, delay_cost=10, breakdown_risk=0)
    state = play(start(sc), Pass("envoy"))
    state = play(state, Propose("red", (("prisoners", "some"), ("truce", "monitored")), ("blue",)))
    state = play(state, Pass("red"), Respond("blue", 1, True))
    assert state.over and state.outcome == "agreement"
    assert state.toll == (0, 0, 0, 0)  # settled within the first round: nothing charged
    free = pass_rounds(start(with_rules(mini, delay_cost=0, breakdown_risk=0)), 2)
    assert free.toll == (0, 0, 0, 0)


def test_the_chance_of_adjournment_grows_with_the_rounds_and_falls_with_momentum(mini: Scenario) -> None:
    rules = with_rules(mini, breakdown_risk=20).rules
    assert breakdown_chance(rules, 1, 4, 50) < breakdown_chance(rules, 3, 4, 50)
    assert breakdown_chance(rules, 2, 4, 90) < breakdown_chance(rules, 2, 4, 10)
    assert breakdown_chance(rules, 4, 4, 0) == 0.0  # the last round ends by itself
    assert breakdown_chance(rules, 2, 4, 50) == pytest.approx(0.2 * 0.5 * 1.0)
    assert breakdown_chance(with_rules(mini, breakdown_risk=0).rules, 3, 4, 0) == 0.0


def test_talks_are_adjourned_when_the_roll_falls_under_the_chance(quiet: Scenario) -> None:
    sc = with_rules(quiet, breakdown_risk=100, delay_cost=0)
    adjourned = kept = 0
    for seed in range(40):
        state = start(sc, seed)
        chance = breakdown_chance(sc.rules, 1, sc.venues[0].rounds, state.momentum)
        after, records = play_records(state, *[Pass(i) for i in ("envoy", "red", "blue", "big")])
        if roll(seed, 0, 1) < chance:
            adjourned += 1
            assert "adjourned" in kinds(records)
            assert after.over and after.outcome == "no_deal" and "adjourned after round 1" in after.reason
            # the news says the odds that came up, at the momentum they were read at
            said = next(r.text for r in records if r.kind == "adjourned")
            found = re.search(
                r"after round 1 of \d+ \(the chance of it this round was (\d+)%, at momentum (\d+)\)", said
            )
            assert found is not None, said
            odds = breakdown_chance(sc.rules, 1, sc.venues[0].rounds, int(found[2]))
            assert int(found[1]) == max(1, round(odds * 100)) and roll(seed, 0, 1) < odds
        else:
            kept += 1
            assert not after.over and after.round == 2
    assert adjourned and kept  # both happen: the end is uncertain
    never = with_rules(quiet, breakdown_risk=0)
    assert all(pass_rounds(start(never, seed), 3).round == 4 for seed in range(10))


# --- partial deals ---------------------------------------------------------------------------------


SQ = (0, 0)  # mini's status quo: no prisoners released, fighting
AGENDA = (PRISONERS, TRUCE)


def test_an_open_issue_counts_at_the_walk_away_value(mini: Scenario) -> None:
    red = mini.delegations[RED]
    assert settled_value(red, (-1, -1), SQ, AGENDA) == red.reservation
    # prisoners settled on "some" (0.6 to red), truce open (counted at red's 0.3)
    assert settled_value(red, (SOME, -1), SQ, AGENDA) == pytest.approx(0.25 * 0.6 + 0.75 * 0.3)
    assert settled_value(red, (SOME, MONITORED), SQ, AGENDA) == pytest.approx(0.25 * 0.6 + 0.75 * 1.0)
    # an issue this venue does not negotiate (another venue's, in a campaign) keeps its status quo
    assert settled_value(red, (SOME, -1), SQ, (PRISONERS,)) == pytest.approx(0.25 * 0.6 + 0.75 * 0.2)
    blue = mini.delegations[BLUE]
    assert settled_value(blue, (ALL, PAUSE), SQ, AGENDA) == pytest.approx(0.75 * 1.0 + 0.25 * 0.5)


def test_a_partial_agreement_is_scored_issue_by_issue(mini: Scenario) -> None:
    sc = with_rules(mini, delay_cost=0, breakdown_risk=0)
    state = play(start(sc), Pass("envoy"))
    state = play(state, Propose("red", (("prisoners", "some"),), ("blue",)), Pass("red"), Respond("blue", 1, True))
    assert state.settled[PRISONERS] == SOME and state.settled[TRUCE] == -1
    assert outcome_utility(state, BLUE) == pytest.approx(0.75 * 0.6 + 0.25 * sc.delegations[BLUE].reservation)


def test_a_new_game_has_no_toll(mini: Scenario) -> None:
    state, _ = new_game(mini, 1)
    assert state.toll == (0,) * len(mini.delegations)
