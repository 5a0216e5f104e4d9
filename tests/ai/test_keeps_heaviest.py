"""The heaviest issue left open (Level.keeps_heaviest; game.ai.heaviest.keeps_heaviest): at a table
of two, before the game's last venue, the hard agent neither signs nor tables a partial package
that leaves open the venue's open issue it weighs most, where what it leaves open weighs more to it
than what it settles, while the venue has rounds left or the counterpart has put a whole package
to it there worth as much. In the random scenario timed-10 (as a file writes it) the d0 seat signed
in round 2 a partial package that left its heaviest issue to the second venue, and the library's
ideal-then-fold strategy beat it."""

from __future__ import annotations

import dataclasses

from game.ai.heaviest import keeps_heaviest
from game.ai.levels import LEVELS
from game.ai.reading import counterparts, left_open, value_with
from game.engine import actions as A
from tests.ai.seat_games import heaviest_refusal, seat_gain, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, keeps_heaviest=False)


def test_the_hard_agent_refuses_a_partial_package_that_leaves_its_heaviest_issue_open() -> None:
    """In timed-10 d0's game 0 the first decision the rule changes is d0's answer to d1's partial
    package in round 2: signed without the rule, refused with it. The package leaves open the issue
    d0 weighs most, which weighs more than the issues it settles, before the last venue at a table
    of two; and d0 ends the game with more (fails with the rule off)."""
    assert HARD.keeps_heaviest and not LEVELS["normal"].keeps_heaviest
    view, p, left, gain = heaviest_refusal(10, "d0", 0, HARD, WITHOUT)
    assert view.venues_left and len(counterparts(view)) == 1
    assert keeps_heaviest(view, left, value_with(view, p.package))
    assert gain > 0


def test_at_the_last_venue_the_rule_keeps_out() -> None:
    """The same view with no venue to come: an issue left open there ends at its status quo, a
    matter for the agent's other rules, and this one does not fire."""
    _, _, _, _, (_, view, said, _) = timed_rule_game(10, "d0", 0, HARD, WITHOUT, silent=False)
    assert isinstance(said.action, A.Respond)
    p = next(q for q in view.proposals if q.id == said.action.proposal)
    last = dataclasses.replace(view, venues_left=0)
    assert not keeps_heaviest(last, left_open(last, p.package), value_with(last, p.package))


def test_the_tournament_seat_gains() -> None:
    """Over the tournament's first 12 games in timed-10 d0, the seat ends with more in total with
    the rule than without it."""
    sc, seat = timed_seat(10, "d0", silent=False)
    assert seat_gain(sc, seat, 12, HARD, WITHOUT) > 0
