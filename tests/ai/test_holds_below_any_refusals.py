"""holds_below_refusals reading any two rounds of refusals (Level.holds_below_any_refusals;
game.ai.repeats.asks_past_refusal; docs/lab/agents.md, "Any two refusals"). In the random
scenario timed-5 (as a file writes it: one venue of six rounds, d1 and d0 signing, d3 mediating)
d0 refused d1's package in round 1 and d1's package and the mediator's draft in round 2. The hard
d1's plan then held out in round 3 for a package asking contested at d1's own end but less on
issue 0 than the packages d0 had refused: the per-issue reading does not count those refusals,
and d1 refused d0's round-2 partial package by the plan's value of waiting; d0 walked out and
nothing was signed."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS
from game.ai.reading import counterparts
from game.ai.repeats import asks_past_refusal
from game.engine import actions as A
from game.engine.utility import outcome_utility
from tests.ai.seat_games import decided_gain, level_in_seat, plan_hold_out, replayed, timed_rule_game, timed_seat

# answers_moved left off on both sides: d0's round-3 packages here came d1's way, and without
# this reading answers_moved signs them by d1's aim, the same decision (docs/lab/agents.md, "An
# offer that came our way")
HARD = dataclasses.replace(LEVELS["hard"], answers_moved=False)
ON = HARD
OFF = dataclasses.replace(HARD, holds_below_any_refusals=False)


def test_any_two_refusals_leave_the_plan_out() -> None:
    """timed-5 d1's game 51: the first decision the reading changes is d1's round-3 answer to d0's
    partial package: signed with it (the plan's package, read against any two rounds of d0's
    refusals, is left out), refused without it (the per-issue reading does not count those
    refusals); signed, it is the game's agreement, refused, nothing is signed and d1 ends lower
    by more than 0.15 (fails with the reading off). Only refusals count, and only d0's at this
    venue: with d0's answers there marked accepted, or given at another venue, the plan's package
    is not read against them."""
    assert HARD.holds_below_any_refusals and not LEVELS["normal"].holds_below_any_refusals
    sc, seat, seed, final, (state, view, said, unsaid) = timed_rule_game(5, "d1", 51, ON, OFF, silent=False)
    assert isinstance(said.action, A.Respond) and isinstance(unsaid.action, A.Respond)
    assert said.action.accept and not unsaid.action.accept
    assert view.round == 3 and len(counterparts(view)) == 1
    read = plan_hold_out(view, state, ON)
    assert read and asks_past_refusal(view, read, True) and not asks_past_refusal(view, read)
    (other,) = counterparts(view)
    refused = [a for a in view.answers if a.who == other and a.venue == view.venue_index and not a.accepted]
    assert len({a.round for a in refused}) >= 2
    accepted = tuple(dataclasses.replace(a, accepted=True) if a in refused else a for a in view.answers)
    elsewhere = tuple(dataclasses.replace(a, venue=view.venue_index + 1) if a in refused else a for a in view.answers)
    assert not asks_past_refusal(dataclasses.replace(view, answers=accepted), read, True)
    assert not asks_past_refusal(dataclasses.replace(view, answers=elsewhere), read, True)
    assert [a.round for a in final.agreements] == [3]
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, OFF))
    assert not without.agreements
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.15


def test_the_reading_gains_where_it_decides() -> None:
    """Over the tournament's 300 games in timed-5 d1 every decision the reading changes is a
    round-3 decision or later, and the seat gains."""
    sc, seat = timed_seat(5, "d1", silent=False)
    decided, gain = decided_gain(sc, seat, ON, OFF, 300)
    assert len(decided) >= 4
    assert all(view.round >= 3 for view, _, _ in decided)
    assert gain > 0.3
