"""An issue the other side has granted (Level.keeps_granted; game.ai.offers.granted): at a table
of two, the hard agent's partial package does not leave out, as the sticking point, an issue the
counterpart's latest offer already settles at our option. Found in the random scenario timed-9,
game 224 of the d0 seat: d1 offered the contested issue at d0's option in round 2 (paid for on the
other issues); the hard agent left that issue out of a partial deal, d1 signed it, and alone the
contested issue was never settled: it ended at its status quo (docs/lab/agents.md, "An issue the other
side has granted"). Since the hard agent reads a side's stake in unstated issues (reads_stakes),
that game no longer comes to it; the test holds the same mistake in timed-18, game 24 of the d1
seat."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS
from game.ai.offers import granted
from game.ai.reading import counterparts
from game.engine import actions as A
from game.engine import view_for
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from game.sim.simulate import game_seed
from tests.ai.seat_games import level_in_seat, package_indices, replayed, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, keeps_granted=False)


def test_the_hard_agent_does_not_leave_open_what_the_other_side_granted() -> None:
    """In timed-18 d1's game 24 the first decision the rule changes is an offer: with it, the whole
    agenda, without it, a partial package that leaves out the one issue on which d0's latest
    offer gives d1 what d1's whole package asks; and with it the game ends with that issue
    settled and d1 better off by more than 0.09 (fails with the rule off; 0.118 before
    stalemate_on_repeat, which ends the game without the rule by a walk-out a round sooner, 0.098)."""
    assert HARD.keeps_granted and not LEVELS["normal"].keeps_granted
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(18, "d1", 24, HARD, WITHOUT)
    assert isinstance(with_rule.action, A.Propose) and isinstance(without.action, A.Propose)
    assert len(counterparts(view)) == 1
    whole = package_indices(view, with_rule.action.package)
    part = dict(package_indices(view, without.action.package))
    open_issues = {i for i in view.agenda if view.settled[i] < 0}
    assert {i for i, _ in whole} == open_issues
    left_out = open_issues - set(part)
    assert len(left_out) == 1
    assert left_out <= granted(view, whole)
    _, left = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    (issue,) = left_out
    assert kept.settled[issue] >= 0 and left.settled[issue] < 0
    reservation = draw_types(sc, seed).delegations[seat].reservation
    gain = outcome_utility(kept, seat) - reservation
    lost = outcome_utility(left, seat) - reservation
    assert gain > lost + 0.09


def test_nothing_is_granted_at_a_larger_table() -> None:
    """At a table of several (timed-8, three signatories) the rule never applies: an issue every
    side grants is settled by consensus after a partial deal (Sochi's Russia,
    docs/lab/agents.md, "An issue the other side has granted")."""
    sc, seat = timed_seat(8, "d0")
    seed = game_seed(0, 0)
    steps, _ = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
    views = [view_for(state, seat) for state, _ in steps if state.actor == seat]
    assert views and all(len(counterparts(v)) > 1 for v in views)
    for v in views:
        full = tuple((i, 0) for i in v.agenda if v.settled[i] < 0)
        assert granted(v, full) == frozenset()
