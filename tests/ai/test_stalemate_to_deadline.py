"""A stalemate read before the deadline (Level.stalemate_to_deadline, on in the hard level;
game.ai.idle.stalemate; docs/lab/agents.md, "A stalemate read before the deadline"): the
stalemate rule's count of two rounds of refusals (no repeat) is not read in the round before the
venue's last. Every refusal it counts came before the counterpart's deadline, where a side signs
what it refused earlier, and waiting for that answer costs one round's toll. In the random
scenario timed-6 (as a file writes it; one venue of four rounds, d0 speaking first) the hard d0
walked out at the start of round 3, and in about a third of those games the normal counterpart,
had d0 stayed, offered in round 3 a package d0 signed in round 4."""

from __future__ import annotations

import dataclasses
from functools import cache

from game.ai.levels import LEVELS
from game.ai.reading import Decision, counterparts
from game.engine import actions as A
from game.engine.utility import outcome_utility
from game.engine.view import View
from tests.ai.seat_games import (
    decided_gain,
    level_in_seat,
    replayed,
    timed_rule_game,
    timed_seat,
)

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, stalemate_to_deadline=False)
STALEMATE = "they refuse all we offer and offer nothing worth another round to us"


def test_the_hard_agent_waits_for_the_deadline() -> None:
    """timed-6 d0's game 8: the first decision the rule changes is d0's move at the start of
    round 3 of 4: without the rule the stalemate walk-out, with it a package tabled. d1 then
    offers in round 3 a package d0 signs in round 4, and d0 ends the game better off by more than
    0.1 (fails with the rule off)."""
    assert HARD.stalemate_to_deadline and HARD.leaves_stalemate
    assert not LEVELS["normal"].stalemate_to_deadline
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(6, "d0", 8, HARD, WITHOUT, silent=False)
    assert view.round == view.venue.rounds - 1 == 3 and not view.venues_left
    assert isinstance(without.action, A.WalkOut) and without.reason == STALEMATE
    assert isinstance(with_rule.action, A.Propose)
    assert [a.round for a in kept.agreements] == [4]
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert not lost.agreements
    assert outcome_utility(kept, seat) > outcome_utility(lost, seat) + 0.1


@cache
def _decided() -> tuple[tuple[tuple[View, Decision, Decision], ...], float]:
    """Over the tournament's first 40 games in timed-6 d0: the first decision the rule changes
    in each game it decides, and the seat's gain with the rule over them (seat_games.decided_gain,
    rule_decisions and seat_gain in one pass over the same games, the same values): worked out
    once for the two tests that read them (neither patches anything)."""
    sc, seat = timed_seat(6, "d0", silent=False)
    changed, gain = decided_gain(sc, seat, HARD, WITHOUT, 40)
    return tuple(changed), gain


def test_the_rule_acts_only_on_the_round_before_the_deadline() -> None:
    """Over timed-6 d0's first 40 games, every decision the rule changes is the stalemate
    walk-out in the round before the venue's last, at a table of two; and it changes some (fails
    with the rule off, which changes none)."""
    changed, _ = _decided()
    assert len(changed) >= 10
    for view, chosen, otherwise in changed:
        assert view.round == view.venue.rounds - 1 and len(counterparts(view)) == 1
        assert isinstance(otherwise.action, A.WalkOut) and otherwise.reason == STALEMATE
        assert not isinstance(chosen.action, A.WalkOut)


def test_the_tournament_seat_gains() -> None:
    """Over the tournament's first 40 games in timed-6 d0, the seat ends with more in total with
    the rule than without it."""
    assert _decided()[1] > 0
