"""Turn order, action points, rounds and events."""

from __future__ import annotations

import dataclasses

import pytest

from game.engine import (
    Concede,
    Draft,
    IllegalAction,
    Meet,
    Pass,
    Pressure,
    Propose,
    Respond,
    Scenario,
    State,
    Statement,
    WalkOut,
    apply,
    rng,
)
from game.engine.model import Effect, EventCard
from tests.engine.conftest import (
    ALL,
    BLUE,
    CLASH,
    ENVOY,
    MONITORED,
    NORTH,
    RED,
    RUMOUR,
    actor_id,
    kinds,
    pass_rounds,
    pass_until,
    play,
    play_records,
    start,
    with_delegation,
    with_event,
    with_venue,
)


def test_the_envoy_opens_round_one_with_full_action_points(game: State) -> None:
    assert (game.round, game.turn, game.actor, game.ap, game.step) == (1, 0, ENVOY, 2, 0)
    assert game.momentum == 50


def test_acting_out_of_turn_is_illegal_and_names_whose_turn_it_is(game: State) -> None:
    with pytest.raises(IllegalAction, match="the Envoy's turn"):
        apply(game, Pass("red"))
    s = play(game, Pass("envoy"))
    with pytest.raises(IllegalAction, match="Red's turn, not Blue's"):
        apply(s, Statement("blue", "hardline"))


def _at_turn_of(game: State, who: str) -> State:
    return pass_until(game, who)


@pytest.mark.parametrize(
    ("who", "action"),
    [
        ("red", Propose("red", (("prisoners", "some"),), ("blue",))),
        ("red", Concede("red", "prisoners", "some")),
        ("envoy", Statement("envoy", "conciliatory")),
        ("envoy", Meet("envoy", "red")),
        ("envoy", Draft("envoy", (("prisoners", "some"),))),
    ],
    ids=["propose", "concede", "statement", "meet", "draft"],
)
def test_these_actions_cost_one_action_point(game: State, who: str, action: object) -> None:
    s = _at_turn_of(game, who)
    after = play(s, action)  # type: ignore[arg-type]
    assert after.ap == s.ap - 1 == 1
    assert actor_id(after) == who
    assert after.step == s.step + 1


def test_pressure_costs_one_action_point(mini: Scenario) -> None:
    sc = with_delegation(mini, "big", opening=(ALL, MONITORED))
    s = pass_until(start(sc), "big")
    after = play(s, Pressure("big", "red", "prisoners"))
    assert (actor_id(after), after.ap) == ("big", 1)


def test_respond_costs_nothing(game: State) -> None:
    s = play(game, Draft("envoy", (("prisoners", "some"),)), Pass("envoy"))
    assert (actor_id(s), s.ap) == ("red", 2)
    s = play(s, Respond("red", 1, True))
    assert (actor_id(s), s.ap) == ("red", 2)


def test_pass_ends_the_turn_whatever_is_left(game: State) -> None:
    s = play(game, Statement("envoy", "conciliatory"))
    assert s.ap == 1
    s = play(s, Pass("envoy"))
    assert (actor_id(s), s.ap, s.turn) == ("red", 2, 1)
    s = play(s, Pass("red"))
    assert (actor_id(s), s.ap) == ("blue", 2)


def test_the_turn_passes_when_action_points_run_out(game: State) -> None:
    s = play(game, Statement("envoy", "conciliatory"))
    assert actor_id(s) == "envoy"
    s = play(s, Statement("envoy", "conciliatory"))
    assert (actor_id(s), s.ap) == ("red", 2)


def test_the_order_follows_the_venue_turn_order(game: State) -> None:
    seen = []
    s = game
    for _ in range(4):
        seen.append(actor_id(s))
        s = play(s, Pass(actor_id(s)))
    assert seen == ["envoy", "red", "blue", "big"]


def test_a_round_ends_after_the_last_delegation_and_the_next_begins(quiet_game: State) -> None:
    s = pass_until(quiet_game, "big")
    assert s.round == 1
    s, records = play_records(s, Pass("big"))
    assert (s.round, s.turn, actor_id(s), s.ap) == (2, 0, "envoy", 2)
    assert "round" in kinds(records)
    assert any(r.kind == "round" and "Round 2 of 4" in r.text for r in records)


def test_absent_delegations_are_skipped(game: State) -> None:
    s = play(game, WalkOut("envoy"))  # the mediator is no signatory: the talks go on
    assert not s.over
    assert not s.present[ENVOY]
    assert (actor_id(s), s.ap) == ("red", 2)
    s = play(s, Pass("red"), Pass("blue"), Pass("big"))
    assert s.round == 2
    assert (actor_id(s), s.turn) == ("red", 1)  # the envoy no longer gets the floor


def test_an_absent_delegation_in_the_middle_is_skipped(game: State) -> None:
    s = pass_until(game, "big")
    s = play(s, WalkOut("big"))
    assert s.round == 2
    s = play(s, Pass("envoy"), Pass("red"), Pass("blue"))
    assert s.round == 3  # big's seat was skipped: the round closed after blue
    assert actor_id(s) == "envoy"


def test_an_absent_actor_cannot_act(game: State) -> None:
    s = play(game, WalkOut("envoy"))
    with pytest.raises(IllegalAction):
        apply(s, Pass("envoy"))


def test_scripted_events_fire_at_the_start_of_their_round(quiet_game: State) -> None:
    assert quiet_game.fired[CLASH] == 0
    assert quiet_game.stability[NORTH] == 50
    s = pass_until(quiet_game, "big")
    s, records = play_records(s, Pass("big"))
    assert s.round == 2
    assert s.fired[CLASH] == 1
    assert s.stability[NORTH] == 40
    assert s.trust[BLUE][RED] == 45
    assert any(r.kind == "event" and "clash" in r.text.lower() for r in records)
    s = pass_rounds(s, 1)
    assert s.fired[CLASH] == 1  # scripted events fire once
    assert s.stability[NORTH] == 40


def test_a_scripted_event_waits_for_its_round(quiet: Scenario) -> None:
    sc = with_event(quiet, CLASH, round=3)
    s = pass_rounds(start(sc), 1)
    assert (s.round, s.fired[CLASH], s.stability[NORTH]) == (2, 0, 50)
    s = pass_rounds(s, 1)
    assert (s.round, s.fired[CLASH], s.stability[NORTH]) == (3, 1, 40)


def test_a_scripted_event_for_round_one_fires_when_the_game_opens(quiet: Scenario) -> None:
    sc = with_event(quiet, CLASH, round=1)
    s = start(sc)
    assert s.fired[CLASH] == 1
    assert s.stability[NORTH] == 40


def test_random_events_never_fire_in_round_one(mini: Scenario) -> None:
    sc = with_venue(mini, random_events=1.0)
    for seed in range(5):
        s = start(sc, seed)
        assert s.fired[RUMOUR] == 0
        assert s.rng == rng.seed_state(seed)  # not one number drawn before round 2
        s = pass_until(s, "big")
        assert s.fired[RUMOUR] == 0
        s = play(s, Pass("big"))
        assert s.round == 2
        assert s.fired[RUMOUR] == 1  # a certain draw in round 2
        assert s.momentum == 50 - 8 + 3  # decay for an idle round 1, then the rumour's +3


def test_random_events_draw_from_the_seeded_generator(mini: Scenario) -> None:
    chances = mini.venues[0].random_events
    outcomes = set()
    for seed in range(12):
        s = pass_rounds(start(mini, seed), 1)
        assert s.round == 2
        _, roll = rng.next_float(rng.seed_state(seed))
        expected = 1 if roll < chances else 0
        assert s.fired[RUMOUR] == expected, seed
        assert s.rng != rng.seed_state(seed)  # the draw advanced the generator
        outcomes.add(expected)
    assert outcomes == {0, 1}  # the seeds give different draws


def test_the_random_deck_is_weighted(mini: Scenario) -> None:
    """A card with a vanishing weight beside the rumour is (practically) never the one drawn."""
    extra = EventCard("lull", "A lull", "Quiet.", (Effect("momentum", delta=-1),), weight=1e-12)
    sc = dataclasses.replace(with_venue(mini, random_events=1.0), events=(*mini.events, extra), content_hash="deck")
    for seed in range(10):
        s = pass_rounds(start(sc, seed), 1)
        assert (s.fired[RUMOUR], s.fired[2]) == (1, 0)


def test_a_venue_that_ends_as_it_opens_leaves_a_place_in_its_own_turn_order() -> None:
    """Random scenario 3188: the first venue settles every issue, so the second, whose agenda holds
    only those, ends with an agreement as it opens, before anyone takes the floor. Its turn order
    is shorter than the first's: the last venue's place in it was out of range, and `state.actor`
    (asked of every state, over ones too: the replay viewer names who speaks next) raised."""
    from game.ai.selfplay import play as ai_play
    from game.engine import new_game
    from game.sim.random_scenarios import random_scenario

    sc = random_scenario(3188)
    state, _ = new_game(sc, 3188)
    for action in ai_play(sc, 3188).actions:
        state, _ = apply(state, action)
        assert 0 <= state.turn < len(state.venue_def.turn_order)
        assert state.actor in state.venue_def.turn_order
    assert state.over and state.venue == len(sc.venues) - 1
    assert len(sc.venues[0].turn_order) > len(sc.venues[1].turn_order)
