"""The closing session (docs/RULES.md): after the last round, whoever still owes an answer to an
open proposal gets one more turn, in turn order, to answer it (or pass, or walk out)."""

from __future__ import annotations

import dataclasses

import pytest

from game.engine import (
    Concede,
    IllegalAction,
    Pass,
    Propose,
    Respond,
    Scenario,
    State,
    Statement,
    WalkOut,
    apply,
    state_hash,
)
from tests.engine.conftest import (
    BIG,
    BLUE,
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
)


@pytest.fixture
def closing(quiet_game: State) -> State:
    """Round 4: blue proposes prisoners=some to red, who spoke earlier; the round ends."""
    s = pass_until(quiet_game, "blue", round_=4)
    s = play(s, Propose("blue", (("prisoners", "some"),), ("red",)), Pass("blue"))
    s, records = play_records(s, Pass("big"))
    assert "closing" in kinds(records)
    return s


def test_a_closing_session_follows_the_last_round_when_answers_are_owed(closing: State) -> None:
    assert closing.closing
    assert not closing.over
    assert closing.round == 4
    assert closing.actor == RED
    assert closing.ap == 0
    assert [p.id for p in closing.proposals] == [1]


def test_no_closing_session_when_nothing_is_owed(quiet_game: State) -> None:
    s = pass_rounds(quiet_game, 10)
    assert s.over and not s.closing
    assert s.outcome == "no_deal"


@pytest.mark.parametrize(
    "action",
    [
        Statement("red", "hardline"),
        Propose("red", (("truce", "pause"),), ("blue",)),
        Concede("red", "truce", "pause"),
    ],
    ids=["statement", "propose", "concede"],
)
def test_only_answers_pass_or_walk_out_are_taken_in_closing(closing: State, action: object) -> None:
    before = state_hash(closing)
    with pytest.raises(IllegalAction, match="closing session"):
        apply(closing, action)  # type: ignore[arg-type]
    assert state_hash(closing) == before


def test_an_answer_in_closing_can_make_the_agreement(closing: State) -> None:
    s = play(closing, Respond("red", 1, True))
    assert s.settled[PRISONERS] == SOME
    assert s.over
    assert s.outcome == "partial"  # the truce is still open
    assert s.step == closing.step + 1


def test_passing_in_closing_ends_the_venue_without_the_deal(closing: State) -> None:
    s = play(closing, Pass("red"))
    assert s.over
    assert s.outcome == "no_deal"
    assert s.settled == (-1, -1)


def test_a_signatory_walking_out_in_closing_collapses_the_talks(closing: State) -> None:
    s = play(closing, WalkOut("red"))
    assert s.over and s.outcome == "collapse"


def test_each_owing_delegation_answers_in_turn_order(quiet_game: State) -> None:
    s = pass_until(quiet_game, "big", round_=4)
    s = play(s, Propose("big", (("truce", "pause"),), ("red", "blue")), Pass("big"))
    assert s.closing and s.actor == RED
    s = play(s, Respond("red", 1, True))
    assert s.closing and s.actor == BLUE  # red owes nothing more: the floor moves on
    s = play(s, Respond("blue", 1, True))
    assert s.settled[TRUCE] == 1
    assert s.over and s.outcome == "partial"


# --- campaigns ---------------------------------------------------------------------------------------


def _campaign(quiet: Scenario) -> Scenario:
    """Two venues: the Hall settles prisoners only; the Second Hall takes both issues."""
    hall = dataclasses.replace(quiet.venues[0], agenda=(PRISONERS,))
    second = dataclasses.replace(quiet.venues[0], id="hall2", name="The Second Hall")
    return dataclasses.replace(quiet, venues=(hall, second), content_hash="campaign")


def test_a_campaign_moves_on_to_the_next_venue(quiet: Scenario) -> None:
    s = start(_campaign(quiet))
    while s.venue == 0:
        s = play(s, Pass(s.scenario.delegations[s.actor].id))
    assert not s.over
    assert s.venue_outcomes == ("no_deal",)
    assert (s.venue, s.round, s.turn, s.ap) == (1, 1, 0, 2)
    assert s.agenda == (PRISONERS, TRUCE)


def test_an_agreement_at_the_next_venue_start_settles_carry_over(quiet: Scenario) -> None:
    s = pass_until(start(_campaign(quiet)), "red")
    s = play(s, Propose("red", (("prisoners", "some"),), ("blue",)), Pass("red"), Respond("blue", 1, True))
    assert s.venue_outcomes == ("agreement",)
    assert s.venue == 1 and s.round == 1 and not s.over
    assert s.settled[PRISONERS] == SOME
    assert s.agenda == (PRISONERS, TRUCE)  # the settled issue stays on the agenda, marked settled


@pytest.mark.parametrize(
    ("action", "first_outcome"),
    [(Respond("red", 1, True), "agreement"), (WalkOut("red"), "collapse")],
    ids=["agreement-in-closing", "walk-out-in-closing"],
)
def test_a_venue_ending_in_its_closing_session_leaves_the_next_venue_to_be_played(
    quiet: Scenario, action: object, first_outcome: str
) -> None:
    s = pass_until(start(_campaign(quiet)), "blue", round_=4)
    s = play(s, Propose("blue", (("prisoners", "some"),), ("red",)), Pass("blue"), Pass("big"))
    assert s.closing and s.actor == RED
    s = play(s, action)  # type: ignore[arg-type]
    assert s.venue_outcomes == (first_outcome,)  # not also the second venue's
    assert not s.over
    assert (s.venue, s.round, s.closing) == (1, 1, False)
    assert s.present[RED]


def test_only_the_delegations_of_a_venues_turn_order_sit_at_it(quiet: Scenario) -> None:
    """In a campaign, a delegation left out of a venue's turn order is elsewhere: not present,
    so it can be neither addressed nor met there, and it is back at the venue that lists it."""
    first, second = _campaign(quiet).venues
    order = tuple(d for d in first.turn_order if d != BIG)
    campaign = dataclasses.replace(
        _campaign(quiet), venues=(dataclasses.replace(first, turn_order=order), second), content_hash="away"
    )
    s = start(campaign)
    assert not s.present[BIG] and s.present[RED]
    s = pass_until(s, "red")
    with pytest.raises(IllegalAction, match="not at the table"):
        play(s, Propose("red", (("prisoners", "some"),), ("big",)))
    while s.venue == 0:
        s = play(s, Pass(s.scenario.delegations[s.actor].id))
    assert s.present[BIG]
