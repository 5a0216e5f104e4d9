"""pressure: a patron moves its client one step towards its own position, at a price."""

from __future__ import annotations

import pytest

from game.engine import Concede, IllegalAction, Pressure, Scenario, State, apply
from tests.engine.conftest import (
    ALL,
    BIG,
    BLUE,
    FIGHTING,
    MONITORED,
    NONE,
    PAUSE,
    PRISONERS,
    RED,
    SOME,
    TRUCE,
    kinds,
    pass_until,
    play,
    play_records,
    start,
    with_delegation,
    with_rules,
)


@pytest.fixture
def patron(mini: Scenario) -> Scenario:
    """big also takes a public position on prisoners: all."""
    return with_delegation(mini, "big", opening=(ALL, MONITORED))


@pytest.fixture
def big_turn(patron: Scenario) -> State:
    return pass_until(start(patron), "big")


def test_pressure_moves_the_client_one_step_towards_the_patron(big_turn: State) -> None:
    assert big_turn.positions[RED][PRISONERS] == NONE
    s, records = play_records(big_turn, Pressure("big", "red", "prisoners"))
    assert s.positions[RED][PRISONERS] == SOME  # one step, not all the way
    assert s.positions[BIG][PRISONERS] == ALL
    assert kinds(records) == ["pressure"]
    assert s.moved


def test_pressure_costs_the_clients_trust_and_the_patrons_support(big_turn: State) -> None:
    s = play(big_turn, Pressure("big", "red", "prisoners"))
    assert s.trust[RED][BIG] == 50 - 6
    assert s.support[BIG] == 70 - 3
    assert s.trust[BIG][RED] == 50  # the patron's own trust does not move
    assert s.support[BLUE] == 60


def test_pressure_costs_are_the_rule_values(patron: Scenario) -> None:
    s = pass_until(start(with_rules(patron, pressure_trust=11, pressure_standing=7)), "big")
    s = play(s, Pressure("big", "red", "prisoners"))
    assert (s.trust[RED][BIG], s.support[BIG]) == (39, 63)


def test_pressure_refuses_to_cross_the_clients_red_line(big_turn: State) -> None:
    s = play(big_turn, Pressure("big", "red", "prisoners"))
    assert s.positions[RED][PRISONERS] == SOME
    with pytest.raises(IllegalAction, match="red line"):
        apply(s, Pressure("big", "red", "prisoners"))  # the next step, all, is across red's red line


def test_pressure_moves_down_the_ladder_too(mini: Scenario) -> None:
    sc = with_delegation(mini, "big", opening=(-1, FIGHTING))
    s = pass_until(start(sc), "big")
    assert s.positions[RED][TRUCE] == MONITORED
    s = play(s, Pressure("big", "red", "truce"))
    assert s.positions[RED][TRUCE] == PAUSE


def test_pressure_pulls_a_client_back_up(game: State) -> None:
    s = play(pass_until(game, "red"), Concede("red", "truce", "pause"))
    s = pass_until(s, "big")
    s = play(s, Pressure("big", "red", "truce"))
    assert s.positions[RED][TRUCE] == MONITORED


def test_only_a_patron_can_press(big_turn: State, game: State) -> None:
    with pytest.raises(IllegalAction, match="not your client"):
        apply(big_turn, Pressure("big", "blue", "prisoners"))
    s = pass_until(game, "blue")
    with pytest.raises(IllegalAction, match="not your client"):
        apply(s, Pressure("blue", "red", "truce"))


def test_pressure_needs_positions_apart(game: State) -> None:
    s = pass_until(game, "big")
    with pytest.raises(IllegalAction, match="no public position"):
        apply(s, Pressure("big", "red", "prisoners"))  # big takes no position on prisoners
    with pytest.raises(IllegalAction, match="already stands"):
        apply(s, Pressure("big", "red", "truce"))  # both at monitored
