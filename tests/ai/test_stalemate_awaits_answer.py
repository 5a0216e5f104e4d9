"""No stalemate walk-out while our text awaits the deadline answer (Level.stalemate_awaits_answer,
on in the hard level; game.ai.idle.stalemate; docs/lab/agents.md, "The hard agent at a table of
two that a boycott leaves"): in the venue's last round the stalemate rule is not read while a text
we tabled or accepted there waits for the counterpart's answer, which it gives at its deadline
after us. In the random scenario timed-17 (as a file writes it) the normal d0 boycotts the
optional venue in round 1, leaving d1 and d2 at a table of two; the hard d1, having signed a
partial package in round 2, walked out at the start of round 4 before d2's deadline answer.
holds_whole_to_deadline (on in hard too) keeps that partial package from being signed, so the
rule is shown here with it off."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS
from game.engine import actions as A
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, replayed, timed_rule_game

HARD = LEVELS["hard"]
WITH = dataclasses.replace(HARD, holds_whole_to_deadline=False)
WITHOUT = dataclasses.replace(WITH, stalemate_awaits_answer=False)
STALEMATE = "they refuse all we offer and offer nothing worth another round to us"


def test_the_hard_agent_waits_for_the_deadline_answer() -> None:
    """timed-17 d1's game 35: the first decision the rule changes is d1's move in round 4 of 4:
    without the rule the stalemate walk-out, with it a package on the contested issue, which d2
    signs at its deadline; d1 ends better off by more than 0.1 (fails with the rule off)."""
    assert HARD.stalemate_awaits_answer and not LEVELS["normal"].stalemate_awaits_answer
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(17, "d1", 35, WITH, WITHOUT, silent=False)
    assert view.round == view.venue.rounds == 4 and not view.venues_left
    assert isinstance(without.action, A.WalkOut) and without.reason == STALEMATE
    assert isinstance(with_rule.action, A.Propose)
    assert [a.round for a in kept.agreements] == [2, 4]
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert [a.round for a in lost.agreements] == [2]
    assert outcome_utility(kept, seat) > outcome_utility(lost, seat) + 0.1
