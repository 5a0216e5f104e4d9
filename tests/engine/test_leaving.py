"""walk_out and boycott: leaving the table, and what it does to the talks."""

from __future__ import annotations

import pytest

from game.engine import Boycott, IllegalAction, Pass, Propose, Respond, Scenario, State, WalkOut, apply
from tests.engine.conftest import (
    BIG,
    BLUE,
    ENVOY,
    PRISONERS,
    RED,
    SOME,
    kinds,
    pass_until,
    play,
    play_records,
    start,
    with_rules,
    with_venue,
)


@pytest.fixture
def optional(mini: Scenario) -> Scenario:
    return with_venue(mini, attendance_optional=True)


@pytest.fixture
def three_signatories(mini: Scenario) -> Scenario:
    """Attendance optional, and big signs too: a boycott need not end the talks."""
    return with_venue(mini, attendance_optional=True, signatories=(RED, BLUE, BIG), random_events=0.0)


def test_a_signatory_walking_out_collapses_the_talks(game: State) -> None:
    s = pass_until(game, "red")
    s, records = play_records(s, WalkOut("red"))
    assert s.over
    assert s.outcome == "collapse"
    assert s.venue_outcomes == ("collapse",)
    assert "walked out" in s.reason
    assert not s.present[RED]
    assert s.proposals == ()
    assert kinds(records)[:1] == ["walk_out"]
    assert "game_over" in kinds(records)


def test_a_non_signatory_walking_out_leaves_the_talks_going(quiet_game: State) -> None:
    s = pass_until(quiet_game, "red")
    s = play(s, Propose("red", (("prisoners", "some"),), ("blue", "big")), Pass("red"), Pass("blue"))
    s, records = play_records(s, WalkOut("big"))
    assert not s.over
    assert not s.present[BIG]
    assert [s.trust[d][BIG] for d in (RED, BLUE, ENVOY)] == [40, 40, 40]
    assert "walk_out" in kinds(records) and "expired" not in kinds(records)
    assert s.round == 2  # big was the last to speak
    assert s.momentum == 50 - 20 - 8  # the walk-out, then an idle round's decay
    # red's proposal stays open for blue: big signs nothing, and its answer left with it (before
    # 6 December 2026 it closed without a word)
    (p,) = s.proposals
    assert (p.author, p.to) == (RED, (BLUE, BIG))
    s = play(pass_until(s, "blue", round_=2), Respond("blue", p.id, True))
    assert s.settled[PRISONERS] == SOME and s.agreements[0].parties == (RED, BLUE)


def test_a_delegation_that_leaves_takes_its_own_proposals_with_it_and_says_so(quiet_game: State) -> None:
    s = pass_until(quiet_game, "big")
    s = play(s, Propose("big", (("prisoners", "some"),), ("red", "blue")))
    s, records = play_records(s, WalkOut("big"))
    assert s.proposals == ()
    name = s.scenario.delegations[BIG].name
    assert [r.text for r in records if r.kind == "expired"] == [
        f"Proposal #1 lapses: {name}, its author, left the table."
    ]


def test_a_proposal_every_addressee_left_at_the_table_accepted_closes_when_the_last_leaves(quiet_game: State) -> None:
    """Put to no signatory but its author: accepted by big, the envoy's answer pending; the envoy
    walks out, and the proposal is settled again without it, as an answer would settle it."""
    s = pass_until(quiet_game, "red")
    s = play(s, Propose("red", (("prisoners", "some"),), ("big", "envoy")), Pass("red"), Pass("blue"))
    s = play(s, Respond("big", 1, True), Pass("big"))
    assert [p.id for p in s.proposals] == [1]
    s, records = play_records(s, WalkOut("envoy"))
    assert s.proposals == ()
    assert "closed" in kinds(records) and s.agreements == ()


def test_walkout_momentum_is_the_rule_value(mini: Scenario) -> None:
    s = play(start(with_rules(mini, walkout_momentum=13)), WalkOut("envoy"))
    assert s.momentum == 37


def test_a_boycott_needs_optional_attendance(game: State) -> None:
    with pytest.raises(IllegalAction, match="not optional"):
        apply(game, Boycott("envoy"))


def test_a_boycott_must_be_declared_in_round_one(optional: Scenario) -> None:
    s = pass_until(start(optional), "blue", round_=2)
    with pytest.raises(IllegalAction, match="first round"):
        apply(s, Boycott("blue"))


def test_a_boycott_in_round_one(three_signatories: Scenario) -> None:
    s = pass_until(start(three_signatories), "blue")
    s, records = play_records(s, Boycott("blue"))
    assert not s.over
    assert not s.present[BLUE]
    assert s.boycotted[BLUE]
    assert s.support[BLUE] == 60 + 6
    assert s.momentum == 50 - 10  # half the cost of a walk-out
    assert [s.trust[d][BLUE] for d in (RED, BIG, ENVOY)] == [20 - 10, 40, 40]
    assert "boycott" in kinds(records)
    assert s.actor == BIG


def test_a_boycott_at_a_chaired_venue_offends_the_chair(three_signatories: Scenario) -> None:
    sc = with_venue(three_signatories, chair=ENVOY)
    s = play(pass_until(start(sc), "blue"), Boycott("blue"))
    assert s.trust[ENVOY][BLUE] == 40
    assert s.trust[RED][BLUE] == 20 and s.trust[BIG][BLUE] == 50


def test_a_boycotting_signatory_is_not_needed_for_an_agreement(three_signatories: Scenario) -> None:
    s = play(pass_until(start(three_signatories), "blue"), Boycott("blue"))
    s = pass_until(s, "red", round_=2)
    s = play(s, Propose("red", (("prisoners", "some"),), ("big",)), Pass("red"))
    assert s.actor == BIG  # blue's seat is skipped
    s = play(s, Respond("big", 1, True))
    assert s.settled[PRISONERS] == SOME
    assert s.agreements[0].parties == (RED, BIG)


def test_a_proposal_put_to_a_signatory_that_then_boycotts_is_agreed_without_it(three_signatories: Scenario) -> None:
    s = pass_until(start(three_signatories), "red")
    s = play(s, Propose("red", (("prisoners", "some"),), ("blue", "big")), Pass("red"), Boycott("blue"))
    assert [p.id for p in s.proposals] == [1]  # before 6 December 2026 it closed with the boycott
    s = play(s, Respond("big", 1, True))
    assert s.settled[PRISONERS] == SOME
    assert s.agreements[0].parties == (RED, BIG)


def test_without_the_boycott_the_absent_signatorys_acceptance_is_needed(three_signatories: Scenario) -> None:
    s = pass_until(start(three_signatories), "red")
    s = play(s, Propose("red", (("prisoners", "some"),), ("big",)))
    s = pass_until(s, "big")
    s = play(s, Respond("big", 1, True))
    assert s.settled[PRISONERS] == -1
    assert s.agreements == ()


def test_a_boycott_that_leaves_one_signatory_collapses_the_talks(optional: Scenario) -> None:
    s = play(pass_until(start(optional), "blue"), Boycott("blue"))
    assert s.over and s.outcome == "collapse"
    assert "signatories" in s.reason


def test_a_non_signatory_may_boycott(optional: Scenario) -> None:
    s = play(start(optional), Boycott("envoy"))
    assert not s.over
    assert s.boycotted[ENVOY] and not s.present[ENVOY]
    assert s.actor == RED


def test_a_boycott_that_leaves_the_author_alone_signs_nothing(optional: Scenario) -> None:
    """A review found it: red's proposal put to blue alone, then blue boycotts, and red, the one
    signatory left, "agreed" it by itself before the talks collapsed."""
    s = pass_until(start(optional), "red")
    s = play(s, Propose("red", (("prisoners", "some"),), ("blue",)), Pass("red"))
    s, records = play_records(s, Boycott("blue"))
    assert s.over and s.outcome == "collapse"
    assert s.agreements == () and s.settled[PRISONERS] == -1
    assert "agreement" not in kinds(records)


def test_a_proposal_whose_last_addressee_left_without_answering_says_so(three_signatories: Scenario) -> None:
    """Put to blue alone, which boycotts without answering: it closes, and the line says why (it
    said "accepted by all it was put to", which nobody had)."""
    s = pass_until(start(three_signatories), "red")
    s = play(s, Propose("red", (("prisoners", "some"),), ("blue",)), Pass("red"))
    s, records = play_records(s, Boycott("blue"))
    assert s.proposals == ()
    (closed,) = [r for r in records if r.kind == "closed"]
    assert (
        closed.text
        == f"Proposal #1 closes: {s.scenario.delegations[BLUE].name}, to whom it was put, left without answering."
    )
