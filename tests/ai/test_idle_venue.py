"""A venue that can give us nothing (Level.leaves_idle_venue; game.ai.idle): at the game's last
venue, at a table of two, where no package on the issues still open is worth more to the hard
agent than what it has, it walks out rather than pay the rounds' toll. In the random scenario
timed-1 the d1 seat sat through the second venue's rounds, meeting and passing, and the library's
hardline strategy, whose statements drain the talks' momentum, ended it sooner (docs/lab/agents.md, "A
venue that can give us nothing")."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS
from game.ai.reading import best_possible, counterparts, fallback
from game.engine.utility import delay_toll
from tests.ai.seat_games import rule_walkouts, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, leaves_idle_venue=False)


def test_the_hard_agent_leaves_a_venue_that_can_only_cost_it() -> None:
    """Along the tournament's games with hard in timed-1's d1 seat, where the rule decides, d1
    walks out of the last venue, where without the rule it stays; nothing there could be worth
    more to it than what it has; and it ends the game with the same agreements and a smaller
    toll than it pays by staying (fails with the rule off)."""
    assert HARD.leaves_idle_venue and not LEVELS["normal"].leaves_idle_venue
    sc, seat = timed_seat(1, "d1")
    decided = 0
    for view, left, stayed in rule_walkouts(sc, seat, HARD, WITHOUT, 6):
        assert not view.venues_left and len(counterparts(view)) == 1
        assert best_possible(view) <= fallback(view) + 1e-9
        assert left.settled == stayed.settled
        assert delay_toll(left, seat) < delay_toll(stayed, seat)
        decided += 1
    assert decided >= 3
