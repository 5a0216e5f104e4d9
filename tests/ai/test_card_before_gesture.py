"""The card before the gesture (Level.card_before_gesture, on in the hard level with
meets_the_card; docs/lab/agents.md, "The card before the gesture"). In timed-17 (as a file writes
it: one venue of four rounds, turn order d3 the mediator, d0, d1, d2) a card of the deck calls d0
home at the start of round 2 while its trust in d2 is at most 34, where the file starts it. The
hard d2 speaks last in round 1: it answered, tabled its package and spent its last action point
on a gesture, which nobody sees before the draw, and the meeting that would have lifted d0's
trust above the card's bound did not fit."""

from __future__ import annotations

import dataclasses

import pytest

from game.ai.hazards import card_meeting
from game.ai.levels import LEVELS
from game.engine import actions as A
from game.engine.utility import outcome_utility
from tests.ai.seat_games import decided_gain, level_in_seat, replayed, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, card_before_gesture=False)


# the rule was found where the normal d0 attended timed-17's optional venue (conftest.py)
pytestmark = pytest.mark.usefixtures("normal_attends")


def test_the_meeting_comes_before_the_last_gesture() -> None:
    """timed-17 d2's game 176: the first decision the rule changes is d2's last action of round 1,
    a meeting with d0 in place of a gesture on common ground. With it the venue settles the whole
    agenda; without it d0 is called home at the start of round 2 and nothing is signed (fails
    with the rule off)."""
    assert HARD.card_before_gesture and not LEVELS["normal"].card_before_gesture
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(17, "d2", 176, HARD, WITHOUT, silent=False)
    assert view.round == 1 and view.ap == 1
    assert said.action == A.Meet("d2", "d0") and isinstance(unsaid.action, A.Concede)
    assert card_meeting(view) == 0
    assert final.agreements and "settled" in final.reason
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert not without.agreements and "left the talks" in without.reason
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.1


def test_every_decision_the_rule_changes_is_that_meeting() -> None:
    """Over the tournament's first 60 games in timed-17 d2, every decision the rule changes is a
    meeting with the side card_meeting names in place of a gesture, with the round's last action
    point, by the last side to act in the round; and the seat ends with more in total with it."""
    sc, seat = timed_seat(17, "d2", silent=False)
    decided, gain = decided_gain(sc, seat, HARD, WITHOUT, 60)
    assert len(decided) >= 10
    for view, chosen, otherwise in decided:
        assert chosen.action == A.Meet("d2", view.delegations[card_meeting(view)].id)
        assert isinstance(otherwise.action, A.Concede)
        assert view.ap == 1 and view.round < view.venue.rounds
        assert [s for s in view.venue.turn_order if view.present[s]][-1] == seat
    assert gain > 0.2
