"""statement: hardline buys support and costs trust; conciliatory the reverse."""

from __future__ import annotations

import pytest

from game.engine import IllegalAction, InvalidAction, Scenario, State, Statement, WalkOut, apply
from tests.engine.conftest import BIG, BLUE, ENVOY, RED, kinds, pass_until, play, play_records, start, with_rules


@pytest.fixture
def red_turn(game: State) -> State:
    return pass_until(game, "red")


def test_a_hardline_statement_to_one_delegation(red_turn: State) -> None:
    s, records = play_records(red_turn, Statement("red", "hardline", "blue"))
    assert s.support[RED] == 60 + 6
    assert s.trust[BLUE][RED] == 50 - 8
    assert s.trust[BIG][RED] == 50 and s.trust[ENVOY][RED] == 50
    assert s.trust[RED] == red_turn.trust[RED]  # the speaker's own trust does not move
    assert s.momentum == 50 - 2
    assert kinds(records) == ["statement"]


def test_a_hardline_statement_to_the_room_costs_half_with_each(red_turn: State) -> None:
    s = play(red_turn, Statement("red", "hardline"))
    assert s.support[RED] == 66
    assert [s.trust[d][RED] for d in (BLUE, BIG, ENVOY)] == [46, 46, 46]
    assert s.trust[RED][RED] == 100


def test_a_conciliatory_statement_to_one_delegation(red_turn: State) -> None:
    s = play(red_turn, Statement("red", "conciliatory", "blue"))
    assert s.support[RED] == 60 - 2
    assert s.trust[BLUE][RED] == 55
    assert s.trust[BIG][RED] == 50
    assert s.momentum == 51


def test_a_conciliatory_statement_to_the_room_wins_half_with_each(mini: Scenario, red_turn: State) -> None:
    s = play(red_turn, Statement("red", "conciliatory"))
    assert [s.trust[d][RED] for d in (BLUE, BIG, ENVOY)] == [52, 52, 52]  # half of 5, rounded down
    even = pass_until(start(with_rules(mini, conciliatory_trust=6)), "red")
    s = play(even, Statement("red", "conciliatory"))
    assert [s.trust[d][RED] for d in (BLUE, BIG, ENVOY)] == [53, 53, 53]


def test_statement_sizes_are_the_rule_values(mini: Scenario) -> None:
    sc = with_rules(mini, hardline_support=9, hardline_trust=12, conciliatory_support=4)
    s = pass_until(start(sc), "red")
    hard = play(s, Statement("red", "hardline", "blue"))
    assert (hard.support[RED], hard.trust[BLUE][RED]) == (69, 38)
    soft = play(s, Statement("red", "conciliatory", "blue"))
    assert soft.support[RED] == 56


def test_the_room_is_only_those_present(game: State) -> None:
    s = play(pass_until(game, "big"), WalkOut("big"))
    s = pass_until(s, "red")
    before = s.trust
    s = play(s, Statement("red", "hardline"))
    assert s.trust[BIG][RED] == before[BIG][RED]
    assert s.trust[BLUE][RED] == before[BLUE][RED] - 4


def test_statement_to_an_absent_delegation_or_oneself_is_illegal(game: State) -> None:
    s = pass_until(play(pass_until(game, "big"), WalkOut("big")), "red")
    with pytest.raises(IllegalAction, match="not at the table"):
        apply(s, Statement("red", "hardline", "big"))
    with pytest.raises(IllegalAction):
        apply(s, Statement("red", "hardline", "red"))


def test_an_unknown_tone_or_addressee_is_invalid(red_turn: State) -> None:
    with pytest.raises(InvalidAction, match="tone"):
        apply(red_turn, Statement("red", "sarcastic"))
    with pytest.raises(InvalidAction, match="green"):
        apply(red_turn, Statement("red", "hardline", "green"))


def test_support_and_trust_stay_within_bounds(mini: Scenario) -> None:
    sc = with_rules(mini, hardline_support=60, hardline_trust=80)
    s = pass_until(start(sc), "red")
    s = play(s, Statement("red", "hardline", "blue"))
    assert s.support[RED] == 100
    assert s.trust[BLUE][RED] == 0
