"""concede: a strict drop in one's own value, never across one's red line, paid for at home."""

from __future__ import annotations

import pytest

from game.engine import Concede, IllegalAction, InvalidAction, Scenario, State, apply
from tests.engine.conftest import (
    BIG,
    BLUE,
    ENVOY,
    FIGHTING,
    MONITORED,
    PAUSE,
    PRISONERS,
    RED,
    SOME,
    TRUCE,
    kinds,
    pass_until,
    play,
    play_records,
    prisoners_settled,
    start,
    with_delegation,
    with_rules,
    with_venue,
)


@pytest.fixture
def red_turn(game: State) -> State:
    return pass_until(game, "red")


def test_a_concession_moves_the_public_position(red_turn: State) -> None:
    s, records = play_records(red_turn, Concede("red", "truce", "pause"))
    assert s.positions[RED][TRUCE] == PAUSE
    assert s.positions[RED][PRISONERS] == red_turn.positions[RED][PRISONERS]
    assert s.concessions[RED] == 1
    assert s.moved
    assert kinds(records) == ["concede"]
    assert s.settled == (-1, -1)  # a concession settles nothing


def test_a_concession_costs_ceil_of_cost_times_weight_times_drop(red_turn: State) -> None:
    # truce monitored (1.0) -> pause (0.6) at weight 3/4: 100 * 0.75 * 0.4 = 30
    s = play(red_turn, Concede("red", "truce", "pause"))
    assert s.support[RED] == 60 - 30
    # prisoners none (1.0) -> some (0.6) at weight 1/4: 100 * 0.25 * 0.4 = 10
    s = play(red_turn, Concede("red", "prisoners", "some"))
    assert s.support[RED] == 60 - 10


def test_a_concession_cost_is_rounded_up(mini: Scenario) -> None:
    sc = with_rules(mini, concession_cost=33)
    s = pass_until(start(sc), "red")
    # 33 * 0.25 * 0.4 = 3.3 -> 4
    assert play(s, Concede("red", "prisoners", "some")).support[RED] == 60 - 4
    # 33 * 0.75 * 0.4 = 9.9 -> 10
    assert play(s, Concede("red", "truce", "pause")).support[RED] == 60 - 10


def test_a_concession_raises_the_trust_of_those_who_gain(red_turn: State) -> None:
    s = play(red_turn, Concede("red", "truce", "pause"))
    # blue values pause (0.5) above monitored (0.0); big (0.5 < 1.0) and the envoy (0.6 < 1.0) lose
    assert s.trust[BLUE][RED] == 50 + 3
    assert s.trust[BIG][RED] == 50
    assert s.trust[ENVOY][RED] == 50
    s = play(red_turn, Concede("red", "prisoners", "some"))
    # on prisoners blue and the envoy gain, big has no stake
    assert (s.trust[BLUE][RED], s.trust[ENVOY][RED], s.trust[BIG][RED]) == (53, 53, 50)


def test_a_concession_adds_concession_momentum(red_turn: State) -> None:
    assert play(red_turn, Concede("red", "truce", "pause")).momentum == 50 + 3


def test_concession_momentum_is_the_rule_value(mini: Scenario) -> None:
    s = pass_until(start(with_rules(mini, concession_momentum=7)), "red")
    assert play(s, Concede("red", "truce", "pause")).momentum == 57


def test_a_concession_must_lower_ones_own_value(game: State) -> None:
    s = pass_until(game, "blue")
    # blue stands at fighting, its best; and at all, its best
    s2 = play(s, Concede("blue", "truce", "pause"))
    with pytest.raises(IllegalAction, match="not a concession"):
        apply(s2, Concede("blue", "truce", "fighting"))  # back up is a gain, not a concession
    with pytest.raises(IllegalAction, match="already your position"):
        apply(s, Concede("blue", "truce", "fighting"))


def test_a_concession_to_an_equally_valued_option_is_refused(mini: Scenario) -> None:
    red = mini.delegations[RED]
    values = list(red.values)
    values[TRUCE] = (0.2, 1.0, 1.0)  # pause as good as monitored
    sc = _with_red(mini, values=tuple(values))
    s = pass_until(start(sc), "red")
    with pytest.raises(IllegalAction, match="not a concession"):
        apply(s, Concede("red", "truce", "pause"))


def _with_red(sc: Scenario, **changes: object) -> Scenario:
    return with_delegation(sc, "red", **changes)


def test_a_concession_across_ones_red_line_is_illegal(red_turn: State) -> None:
    with pytest.raises(IllegalAction, match="red line"):
        apply(red_turn, Concede("red", "prisoners", "all"))


def test_a_concession_needs_a_public_position(game: State) -> None:
    s = pass_until(game, "big")
    with pytest.raises(IllegalAction, match="no public position"):
        apply(s, Concede("big", "prisoners", "some"))


def test_the_mediator_cannot_concede(game: State) -> None:
    with pytest.raises(IllegalAction, match="mediator"):
        apply(game, Concede("envoy", "truce", "pause"))


def test_conceding_a_settled_or_off_agenda_issue_is_illegal(game: State, mini: Scenario) -> None:
    s = prisoners_settled(game)
    s = pass_until(s, "red")
    with pytest.raises(IllegalAction, match="already settled"):
        apply(s, Concede("red", "prisoners", "all"))
    s = pass_until(start(with_venue(mini, agenda=(PRISONERS,))), "red")
    with pytest.raises(IllegalAction, match="not on the agenda"):
        apply(s, Concede("red", "truce", "pause"))


def test_conceding_to_an_unknown_option_is_invalid(red_turn: State) -> None:
    with pytest.raises(InvalidAction):
        apply(red_turn, Concede("red", "truce", "ceasefire"))
    with pytest.raises(InvalidAction):
        apply(red_turn, Concede("red", "borders", "open"))


def test_conceding_twice_costs_twice(red_turn: State) -> None:
    s = play(red_turn, Concede("red", "truce", "pause"), Concede("red", "prisoners", "some"))
    assert s.support[RED] == 60 - 30 - 10
    assert s.concessions[RED] == 2
    assert s.positions[RED][TRUCE] == PAUSE and s.positions[RED][PRISONERS] == SOME
    assert s.positions[BLUE][TRUCE] == FIGHTING and s.positions[BIG][TRUCE] == MONITORED
