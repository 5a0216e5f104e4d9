"""A meeting that heads off a card (Level.meets_the_card, on in the hard level; docs/lab/agents.md,
"A meeting that heads off a card"). Every random table's deck has cards that call a signatory
home in the first two rounds while its trust in another signatory is no higher than the file
starts it, and the venue then ends with nothing signed. In timed-11 (as a file writes it: one
venue of three rounds, d4, d1 and d0 signing) one calls d1 home while its trust in d0 is at most
31, where the file starts it; a meeting lifts both sides' trust by the rules' meet_trust. The
hard d1 met a stranger drawn at random, d4 in game 145, and was called home at the start of
round 2; accept-above-walkaway, whom d0 met, signed in round 2."""

from __future__ import annotations

import dataclasses

from game.ai.hazards import card_meeting
from game.ai.levels import LEVELS
from game.engine import actions as A
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, replayed, rule_decisions, seat_gain, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, meets_the_card=False)


def test_the_hard_agent_meets_the_side_a_card_reads() -> None:
    """timed-11 d1's game 145: the first decision the rule changes is d1's round-1 meeting, with
    d0 (whose trust a card of the deck reads) in place of d4. With it the venue signs the whole
    package in round 3; without it d1 is called home at the start of round 2 and nothing is
    signed (fails with the rule off)."""
    assert HARD.meets_the_card and not LEVELS["normal"].meets_the_card
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(11, "d1", 145, HARD, WITHOUT, silent=False)
    assert view.round == 1
    assert said.action == A.Meet("d1", "d0") and unsaid.action == A.Meet("d1", "d4")
    assert card_meeting(view) == 0
    assert final.agreements and not set(final.settled) & {-1}
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert not without.agreements and "left the talks" in without.reason
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.15


def test_every_decision_the_rule_changes_is_such_a_meeting() -> None:
    """Over the tournament's first 60 games in timed-17 d0 (one venue of four rounds, where two
    cards call d0 home while its trust in d1 is at most 15 or in d2 at most 34), every decision
    the rule changes is a meeting with the side card_meeting names, in a round before the
    venue's last, and the seat ends with more in total with the rule than without it."""
    sc, seat = timed_seat(17, "d0", silent=False)
    decided = list(rule_decisions(sc, seat, HARD, WITHOUT, 60))
    assert len(decided) >= 30
    for view, chosen, _ in decided:
        assert isinstance(chosen.action, A.Meet)
        assert chosen.action.other == view.delegations[card_meeting(view)].id
        assert view.round < view.venue.rounds
    assert seat_gain(sc, seat, 60, HARD, WITHOUT) > 0.2
