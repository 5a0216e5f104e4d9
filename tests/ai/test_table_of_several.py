"""The heaviest issue at a table of several (Level.heaviest_at_tables, on in the hard level;
docs/lab/agents.md, "Signing and tabling at a table of several"): the rule of "The heaviest issue
left open" (keeps_heaviest) at a table of several too. At timed-0 d1 (a table of three, a second
venue to come) the hard agent signed in round 2 a partial package that settled the issues the
others wanted and left open the one it weighs most."""

from __future__ import annotations

import dataclasses

from game.ai.heaviest import keeps_heaviest
from game.ai.levels import LEVELS
from game.ai.reading import counterparts, left_open, value_with
from game.engine import actions as A
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, replayed, timed_rule_game

HARD = LEVELS["hard"]


def test_the_hard_agent_keeps_its_heaviest_issue_at_a_table_of_three() -> None:
    """timed-0 d1's game 12: in round 2 d4 puts a partial package that leaves open the issue d1
    weighs most (contested); signed without the rule, refused with it; d1 ends the game with
    more (fails with the rule off)."""
    assert HARD.heaviest_at_tables and not LEVELS["normal"].heaviest_at_tables
    # played without the whole-package hold of the first two rounds (Level.holds_whole_early),
    # which refuses this package first since it came in
    base = dataclasses.replace(HARD, second_round_hold=False, holds_whole_early=False)
    without = dataclasses.replace(base, heaviest_at_tables=False)
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(0, "d1", 12, base, without, silent=False)
    assert isinstance(said.action, A.Respond) and isinstance(unsaid.action, A.Respond)
    assert not said.action.accept and unsaid.action.accept
    assert "issue we care most about" in said.reason
    p = next(q for q in view.proposals if q.id == said.action.proposal)
    left = left_open(view, p.package)
    assert len(counterparts(view)) == 2 and view.venues_left
    assert keeps_heaviest(view, left, value_with(view, p.package), several=True)
    assert not keeps_heaviest(view, left, value_with(view, p.package))
    _, off = replayed(sc, seed, level_in_seat(sc, seed, seat, without))
    assert outcome_utility(final, seat) > outcome_utility(off, seat)
