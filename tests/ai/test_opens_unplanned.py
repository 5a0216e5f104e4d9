"""Opening the last venue without the plan (Level.opens_unplanned, on in the hard level;
game.ai.holding.planned_offer; docs/lab/agents.md, "The first round at the last venue"): a
planner that opens the game's last venue at a table of two (its first round, the counterpart
speaking after it, having neither offered nor answered there) tables what it would without its
plan, not the plan's hold-out, which nothing said at the venue has yet told the counterpart's
floor. In the random
scenario timed-14 (as a file writes it; one venue of three rounds) the hard d1 opened with the
contested issue at its own end, was refused, and signed it at o2 or o3 in round 2, below what
leaving it open is worth to it."""

from __future__ import annotations

import dataclasses
from functools import cache

from game.ai.levels import LEVELS
from game.ai.reading import Decision, before_me, counterparts, left_open
from game.ai.table_estimate import unanswered
from game.engine import actions as A
from game.engine.types import draw_types
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
WITHOUT = dataclasses.replace(HARD, opens_unplanned=False)
HOLD_OUT = "what we hold out for: time is on our side"


def test_the_hard_agent_opens_the_last_venue_without_its_plan() -> None:
    """timed-14 d1's game 24: the first decision the rule changes is d1's opening offer in round 1:
    without the rule the plan's hold-out (the contested issue at d1's own end), with it a package
    that settles the common ground and leaves the contested issue open. d1 ends the game better
    off by more than 0.05 (fails with the rule off)."""
    assert HARD.opens_unplanned and HARD.plans and not LEVELS["normal"].opens_unplanned
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(14, "d1", 24, HARD, WITHOUT, silent=False)
    assert view.round == 1 and not view.venues_left and unanswered(view) and not before_me(view)
    assert isinstance(with_rule.action, A.Propose) and isinstance(without.action, A.Propose)
    assert without.reason == HOLD_OUT and with_rule.reason != HOLD_OUT
    ids = [issue.id for issue in view.issues]
    package = tuple((ids.index(i), view.issues[ids.index(i)].option_index(o)) for i, o in with_rule.action.package)
    assert ids.index("contested") in left_open(view, package)
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    reservation = draw_types(sc, seed).delegations[seat].reservation
    assert outcome_utility(kept, seat) - reservation > outcome_utility(lost, seat) - reservation + 0.05


@cache
def _decided() -> tuple[tuple[tuple[View, Decision, Decision], ...], float]:
    """Over the tournament's first 40 games in timed-14 d1: the first decision the rule changes
    in each game it decides, and the seat's gain with the rule over them (seat_games.decided_gain,
    rule_decisions and seat_gain in one pass over the same games, the same values): worked out
    once for the two tests that read them (neither patches anything)."""
    sc, seat = timed_seat(14, "d1", silent=False)
    changed, gain = decided_gain(sc, seat, HARD, WITHOUT, 40)
    return tuple(changed), gain


def test_the_rule_acts_only_on_the_opening_of_the_last_venue() -> None:
    """Over timed-14 d1's first 40 games, every decision the rule changes is the plan's hold-out
    offer in the last venue's first round at a table of two, before the counterpart has spoken;
    and it changes some (fails with the rule off, which changes none)."""
    changed, _ = _decided()
    assert len(changed) >= 20
    for view, chosen, otherwise in changed:
        assert view.round == 1 and not view.venues_left and len(counterparts(view)) == 1
        assert unanswered(view) and not before_me(view)
        assert otherwise.reason == HOLD_OUT and chosen.reason != HOLD_OUT


def test_the_tournament_seat_gains() -> None:
    """Over the tournament's first 40 games in timed-14 d1, the seat ends with more in total with
    the rule than without it."""
    assert _decided()[1] > 0
