"""Holding the whole package through the second round (Level.second_round_hold and
Level.holds_whole_early, on in the hard level; docs/lab/agents.md, "Holding the whole package
through the second round"): at a table of three before the game's last venue, in a venue's first
two rounds while its model of the others is mostly the prior, the hard agent holds out at the
first round's share through round 2 and signs and tables no partial package. At timed-0 d1 it
signed in round 2 the common issue alone and then the cheap ones, and lost the contested issue
alone; the whole package with the contested issue at its end passes instead."""

from __future__ import annotations

import dataclasses

from game.ai.early import early_whole
from game.ai.levels import LEVELS
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, replayed, timed_rule_game

HARD = LEVELS["hard"]


def test_the_hard_agent_holds_its_whole_package_through_the_second_round() -> None:
    """timed-0 d1's game 1: without the rules the table settles the common issue alone in round
    2, then issues 0 and 1, and the contested issue goes to o2 in round 5; with them d1 ends with
    one whole package, the contested issue at o0 (its end), worth more (fails with the rules off)."""
    assert HARD.second_round_hold and HARD.holds_whole_early
    assert not LEVELS["normal"].second_round_hold and not LEVELS["normal"].holds_whole_early
    without = dataclasses.replace(HARD, second_round_hold=False, holds_whole_early=False)
    sc, seat, seed, final, (_, view, _, _) = timed_rule_game(0, "d1", 1, HARD, without, silent=False)
    assert view.round <= 2 and early_whole(view)
    _, off = replayed(sc, seed, level_in_seat(sc, seed, seat, without))
    assert len(off.agreements) > 1 and any(len(a.package) == 1 for a in off.agreements)
    assert len(final.agreements) == 1 and len(final.agreements[0].package) == len(sc.issues)
    assert dict(final.agreements[0].package)[3] == 0
    assert outcome_utility(final, seat) > outcome_utility(off, seat) + 0.1
