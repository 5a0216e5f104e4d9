"""How talks end: support collapse, momentum, stalls, a full agreement, the deadline; breaks."""

from __future__ import annotations

import dataclasses

import pytest

from game.engine import Concede, Draft, Pass, Propose, Respond, Scenario, State, Statement, apply
from game.engine.model import Effect
from game.engine.work import Work
from tests.engine.conftest import (
    BIG,
    BLUE,
    CLASH,
    ENVOY,
    FIGHTING,
    MONITORED,
    NORTH,
    PAUSE,
    PRISONERS,
    RED,
    SOME,
    TRUCE,
    kinds,
    pass_rounds,
    pass_until,
    play,
    play_records,
    start,
    with_event,
    with_rules,
    with_venue,
)

# --- support collapse ----------------------------------------------------------------------------


def test_a_signatory_whose_support_collapses_is_pulled_out_and_the_talks_collapse(game: State) -> None:
    s = pass_until(game, "red")
    s = play(s, Concede("red", "truce", "pause"))
    assert s.support[RED] == 30 and s.present[RED]
    s, records = play_records(s, Concede("red", "truce", "fighting"))  # another 30: support 0
    assert s.support[RED] == 0
    assert not s.present[RED]
    assert "pulled_out" in kinds(records)
    assert s.over and s.outcome == "collapse"
    assert "hardliners" in s.reason


def test_support_exactly_at_the_threshold_pulls_a_delegation_out(mini: Scenario) -> None:
    at = play(pass_until(start(with_rules(mini, collapse_support=30)), "red"), Concede("red", "truce", "pause"))
    assert at.support[RED] == 30
    assert not at.present[RED] and at.outcome == "collapse"
    above = play(pass_until(start(with_rules(mini, collapse_support=29)), "red"), Concede("red", "truce", "pause"))
    assert above.present[RED] and not above.over


def test_a_non_signatory_pulled_out_leaves_the_talks_going(mini: Scenario) -> None:
    sc = with_rules(with_venue(mini, random_events=0.0), collapse_support=20)
    s = pass_until(start(sc), "big")
    s, records = play_records(s, Concede("big", "truce", "pause"))  # 100 * 1.0 * 0.5 = 50: support 20
    assert s.support[BIG] == 20
    assert not s.present[BIG]
    assert "pulled_out" in kinds(records)
    assert not s.over
    assert s.round == 2  # big's turn ended with it
    s = play(s, Pass("envoy"), Pass("red"), Pass("blue"))
    assert s.round == 3  # and its seat is skipped from now on


def test_an_agreement_that_ruins_a_party_at_home_collapses_the_talks(mini: Scenario) -> None:
    sc = with_rules(mini, redline_support=60)
    s = play(start(sc), Draft("envoy", (("prisoners", "all"),)), Pass("envoy"), Respond("red", 1, True))
    s = play(s, Pass("red"), Respond("blue", 1, True))
    assert s.support[RED] == 0
    assert s.over and s.outcome == "collapse"


# --- momentum ----------------------------------------------------------------------------------------


def test_momentum_reaching_zero_collapses_the_talks(mini: Scenario) -> None:
    s = start(with_venue(mini, momentum=2))
    s, records = play_records(s, Statement("envoy", "hardline"))
    assert s.momentum == 0
    assert s.over and s.outcome == "collapse"
    assert "momentum" in s.reason
    assert "venue_end" in kinds(records)


def test_momentum_above_zero_keeps_the_talks_going(mini: Scenario) -> None:
    s = play(start(with_venue(mini, momentum=3)), Statement("envoy", "hardline"))
    assert s.momentum == 1 and not s.over


def test_a_round_where_nothing_moves_costs_momentum_decay(quiet_game: State) -> None:
    s, records = play_records(pass_until(quiet_game, "big"), Pass("big"))
    assert s.round == 2
    assert s.momentum == 50 - 8
    assert s.stall == 1
    assert "stall" in kinds(records)
    s = pass_rounds(s, 1)
    assert (s.momentum, s.stall) == (34, 2)


def test_momentum_decay_is_the_venue_value(quiet: Scenario) -> None:
    s = pass_rounds(start(with_venue(quiet, momentum_decay=5)), 1)
    assert s.momentum == 45


def test_a_round_with_a_concession_does_not_decay(quiet_game: State) -> None:
    s = play(pass_until(quiet_game, "red"), Concede("red", "prisoners", "some"))
    s = pass_rounds(s, 1)
    assert s.round == 2
    assert s.momentum == 50 + 3
    assert s.stall == 0
    assert not s.moved  # the flag starts afresh each round


def test_a_round_with_an_acceptance_does_not_decay(quiet_game: State) -> None:
    s = play(pass_until(quiet_game, "red"), Propose("red", (("prisoners", "some"),), ("blue", "big")))
    s = pass_until(s, "big")
    s = play(s, Respond("big", 1, True))
    s = pass_rounds(s, 1)
    assert s.momentum == 50 and s.stall == 0


def test_an_unstable_zone_drags_momentum_every_round(quiet: Scenario) -> None:
    zone = dataclasses.replace(quiet.zones[NORTH], stability=20)
    sc = dataclasses.replace(quiet, zones=(zone,), content_hash="unstable")
    s = pass_rounds(start(sc), 1)
    assert s.momentum == 50 - 8 - 1
    s = pass_rounds(s, 1)  # the clash takes the north lower still; still 1 a round
    assert s.stability[NORTH] == 10
    assert s.momentum == 41 - 8 - 1


# --- venue outcomes -------------------------------------------------------------------------------


def test_every_agenda_issue_settled_ends_with_an_agreement(game: State) -> None:
    s = pass_until(game, "red")
    s = play(s, Propose("red", (("prisoners", "some"), ("truce", "pause")), ("blue",)), Pass("red"))
    s, records = play_records(s, Respond("blue", 1, True))
    assert s.settled == (SOME, PAUSE)
    assert s.over
    assert s.outcome == "agreement"
    assert s.venue_outcomes == ("agreement",)
    assert "game_over" in kinds(records)
    # red: 0.25 * 0.4 + 0.75 * 0.4 = 0.4 -> 20; blue: 0.75 * 0.4 + 0.25 * 0.5 = 0.425 -> 21.25, rounded up -> 22
    assert (s.support[RED], s.support[BLUE]) == (40, 38)


def test_settling_issues_one_at_a_time_also_ends_with_an_agreement(quiet_game: State) -> None:
    s = pass_until(quiet_game, "red")
    s = play(s, Propose("red", (("prisoners", "some"),), ("blue",)), Pass("red"), Respond("blue", 1, True))
    assert not s.over
    s = play(s, Pass("blue"), Propose("big", (("truce", "pause"),), ("red", "blue")))
    s = pass_until(s, "red", round_=2)
    s = play(s, Respond("red", 2, True), Pass("red"), Respond("blue", 2, True))
    assert s.over and s.outcome == "agreement"


def test_rounds_running_out_without_agreement_is_no_deal(quiet_game: State) -> None:
    s, records = play_records(quiet_game, *(Pass(x) for x in ("envoy", "red", "blue", "big") * 3))
    assert s.round == 4 and not s.over
    s = pass_until(s, "big")
    s, records = play_records(s, Pass("big"))
    assert s.over
    assert s.outcome == "no_deal"
    assert s.venue_outcomes == ("no_deal",)
    assert s.momentum == 50 - 4 * 8
    assert "game_over" in kinds(records)


def test_rounds_running_out_after_some_agreement_is_partial(quiet_game: State) -> None:
    s = pass_until(quiet_game, "red")
    s = play(s, Propose("red", (("prisoners", "some"),), ("blue",)), Pass("red"), Respond("blue", 1, True))
    s = pass_rounds(s, 10)
    assert s.over
    assert s.outcome == "partial"
    assert s.settled == (SOME, -1)


def test_the_number_of_rounds_is_the_venue_value(quiet: Scenario) -> None:
    s = pass_rounds(start(with_venue(quiet, rounds=2)), 1)
    assert s.round == 2 and not s.over
    s = pass_rounds(s, 1)
    assert s.over and s.outcome == "no_deal"


# --- breaking an agreement ----------------------------------------------------------------------------


@pytest.fixture
def truce_agreed(quiet_game: State) -> State:
    s = play(quiet_game, Draft("envoy", (("truce", "pause"),)), Pass("envoy"), Respond("red", 1, True))
    s = play(s, Pass("red"), Respond("blue", 1, True))
    assert s.settled == (-1, PAUSE)
    return s


def test_a_break_unsettles_the_issue_and_lowers_trust_in_the_breaker(truce_agreed: State) -> None:
    w = Work(truce_agreed)
    w.apply_effect(Effect("break", TRUCE, RED))
    s = w.freeze()
    assert s.settled == (-1, -1)
    assert TRUCE in s.agenda
    for d in (BLUE, BIG, ENVOY):
        assert s.trust[d][RED] == truce_agreed.trust[d][RED] - 15
    assert s.trust[RED] == truce_agreed.trust[RED]
    assert s.momentum == truce_agreed.momentum - 10
    assert "broken" in kinds(w.records)
    assert s.deal() == (s.scenario.issues[PRISONERS].status_quo, FIGHTING)


def test_a_break_by_nobody_blames_nobody(truce_agreed: State) -> None:
    w = Work(truce_agreed)
    w.apply_effect(Effect("break", TRUCE, -1))
    s = w.freeze()
    assert s.settled[TRUCE] == -1
    assert s.trust == truce_agreed.trust


def test_breaking_an_unsettled_issue_does_nothing(quiet_game: State) -> None:
    w = Work(quiet_game)
    w.apply_effect(Effect("break", PRISONERS, RED))
    assert w.freeze() == quiet_game
    assert w.records == []


def test_a_broken_issue_can_be_negotiated_again(quiet: Scenario) -> None:
    clash = quiet.events[CLASH]
    sc = with_event(quiet, CLASH, effects=(*clash.effects, Effect("break", TRUCE, BLUE)))
    s = play(start(sc), Draft("envoy", (("truce", "pause"),)), Pass("envoy"), Respond("red", 1, True))
    s = play(s, Pass("red"), Respond("blue", 1, True))
    assert s.settled[TRUCE] == PAUSE
    s = pass_rounds(s, 1)  # the clash of round 2 now breaks the truce, blamed on blue
    assert s.round == 2
    assert s.settled[TRUCE] == -1
    assert s.trust[RED][BLUE] < 20
    s = pass_until(s, "red")
    s = play(s, Propose("red", (("truce", "monitored"),), ("blue",)))
    assert s.proposals[-1].package == ((TRUCE, MONITORED),)


def test_after_a_break_the_issue_is_open_for_concessions(truce_agreed: State) -> None:
    w = Work(truce_agreed)
    w.apply_effect(Effect("break", TRUCE, RED))
    s = pass_until(w.freeze(), "red")
    apply(s, Concede("red", "truce", "fighting"))  # the truce is open again: conceding on it is legal
