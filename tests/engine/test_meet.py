"""meet: a bilateral in which both learn the other's weightiest unknown agenda issue."""

from __future__ import annotations

import pytest

from game.engine import IllegalAction, Meet, Scenario, State, WalkOut, apply, view_for
from tests.engine.conftest import (
    BLUE,
    ENVOY,
    PRISONERS,
    RED,
    TRUCE,
    kinds,
    pass_until,
    play,
    play_records,
    start,
    with_rules,
    with_venue,
)


def test_both_learn_the_others_weightiest_issue(game: State) -> None:
    s = pass_until(game, "red")
    s, records = play_records(s, Meet("red", "blue"))
    # red learns blue cares most about prisoners (3/4); blue learns red cares most about the truce (3/4)
    assert s.revealed == ((RED, BLUE, PRISONERS), (BLUE, RED, TRUCE))
    assert view_for(s, RED).learned == ((BLUE, PRISONERS, pytest.approx(0.75)),)
    assert view_for(s, BLUE).learned == ((RED, TRUCE, pytest.approx(0.75)),)
    assert view_for(s, ENVOY).learned == ()
    assert kinds(records) == ["meet"]


def test_a_second_meeting_reveals_the_next_issue(game: State) -> None:
    s = pass_until(game, "red")
    s = play(s, Meet("red", "blue"))
    s = pass_until(s, "red", round_=2)
    s = play(s, Meet("red", "blue"))
    assert set(s.revealed) == {(RED, BLUE, PRISONERS), (RED, BLUE, TRUCE), (BLUE, RED, TRUCE), (BLUE, RED, PRISONERS)}
    assert sorted(view_for(s, RED).learned) == [(BLUE, PRISONERS, 0.75), (BLUE, TRUCE, 0.25)]
    # nothing left to learn: a third meeting still builds trust but reveals nothing new
    s3 = play(s, Meet("red", "blue"))
    assert s3.revealed == s.revealed
    assert s3.trust[RED][BLUE] == s.trust[RED][BLUE] + 4


def test_meeting_builds_trust_both_ways(game: State) -> None:
    s = play(game, Meet("envoy", "red"))
    assert s.trust[ENVOY][RED] == 54
    assert s.trust[RED][ENVOY] == 54
    assert s.trust[BLUE][RED] == 50
    assert s.momentum == 51


def test_meet_trust_is_the_rule_value(mini: Scenario) -> None:
    s = play(start(with_rules(mini, meet_trust=9)), Meet("envoy", "red"))
    assert (s.trust[ENVOY][RED], s.trust[RED][ENVOY]) == (59, 59)


def test_ties_and_weights_decide_what_is_learnt(game: State) -> None:
    s = play(game, Meet("envoy", "big"))
    # big cares only about the truce; the envoy weighs both issues equally (the first one listed wins)
    assert s.revealed == ((2, ENVOY, PRISONERS), (ENVOY, 2, TRUCE))


def test_agenda_issues_come_first(mini: Scenario) -> None:
    sc = with_venue(mini, agenda=(PRISONERS,))
    s = pass_until(start(sc), "red")
    s = play(s, Meet("red", "blue"))
    # red's weightiest issue is the truce, but only prisoners is on the table
    assert (BLUE, RED, PRISONERS) in s.revealed
    assert (BLUE, RED, TRUCE) not in s.revealed


def test_meeting_oneself_or_an_absent_delegation_is_illegal(game: State) -> None:
    with pytest.raises(IllegalAction):
        apply(game, Meet("envoy", "envoy"))
    s = pass_until(play(pass_until(game, "big"), WalkOut("big")), "envoy")
    with pytest.raises(IllegalAction, match="not at the table"):
        apply(s, Meet("envoy", "big"))
