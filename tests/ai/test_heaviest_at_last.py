"""The heaviest issue at the last venue (Level.heaviest_at_last, on in the hard level;
docs/lab/agents.md, "The heaviest issue at the last venue"): the rule of "The heaviest issue left
open" (keeps_heaviest) at the game's last venue too, where an issue left open ends at our walk-away
value, but there only where a counterpart has put to us at the venue a whole package worth at
least as much as the partial one. In the random scenario timed-13 (as a file writes it; one
venue, a table of two) d1 puts to d0 in round 2 the package of its whole offer without the
contested issue, which d0 weighs most: signed, it left contested open; refused, d1's next whole
package gives it at o2."""

from __future__ import annotations

import dataclasses

from game.ai.heaviest import keeps_heaviest
from game.ai.levels import LEVELS
from game.ai.reading import counterparts, left_open, value_with
from game.engine import actions as A
from game.engine import view_for
from game.sim.simulate import game_seed
from tests.ai.seat_games import heaviest_refusal, level_in_seat, replayed, seat_gain, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, heaviest_at_last=False)


def test_the_hard_agent_keeps_its_heaviest_issue_at_the_last_venue() -> None:
    """timed-13 d0's game 10: the first decision the rule changes is d0's answer in round 3 to
    d1's partial package of round 2 (contested left open): signed without the rule, refused with
    it. The venue is the game's last, the package leaves open the issue d0 weighs most, which
    weighs more than what it settles, and d1 put a whole package to d0 before it worth more; d0
    then signs d1's whole package in the closing session and ends the game with more (fails with
    the rule off)."""
    assert HARD.heaviest_at_last and not LEVELS["normal"].heaviest_at_last
    view, p, left, gain = heaviest_refusal(13, "d0", 10, HARD, WITHOUT)
    assert not view.venues_left and len(counterparts(view)) == 1
    worth = value_with(view, p.package)
    whole = [a.package for a in view.answers if a.author in counterparts(view) and not left_open(view, a.package)]
    assert any(value_with(view, q) >= worth for q in whole)
    assert keeps_heaviest(view, left, worth, several=True, last=True)
    assert not keeps_heaviest(view, left, worth, several=True)
    assert gain > 0.1


def test_without_a_whole_package_as_good_the_partial_one_is_signed() -> None:
    """timed-14 d0's game 215 (one venue, a table of two, a round left): d1's partial package of
    round 2 leaves open the contested issue d0 weighs most, but d1's only whole package gives d0
    less than it: the partial package may be all the table holds, and the hard agent signs it
    (refusing it, the version without this clause ended the game with nothing signed)."""
    sc, seat = timed_seat(14, "d0", silent=False)
    seed = game_seed(0, 215)
    steps, _ = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
    signed = [
        (state, action)
        for state, action in steps
        if state.actor == seat and isinstance(action, A.Respond) and action.accept
    ]
    found = False
    for state, action in signed:
        view = view_for(state, seat)
        assert isinstance(action, A.Respond)
        p = next(q for q in view.proposals if q.id == action.proposal)
        left = left_open(view, p.package)
        if not left:
            continue
        found = True
        weights = view.own.weights
        open_issues = [i for i in view.agenda if view.settled[i] < 0]
        assert max(open_issues, key=lambda i: weights[i]) in left
        assert sum(weights[i] for i in left) > sum(weights[i] for i in open_issues if i not in left)
        assert not view.venues_left and view.round < view.venue.rounds
        assert not keeps_heaviest(view, left, value_with(view, p.package), several=True, last=True)
    assert found


def test_the_tournament_seat_gains() -> None:
    """Over the tournament's first 12 games in timed-13 d0, the seat ends with more in total with
    the rule than without it."""
    sc, seat = timed_seat(13, "d0", silent=False)
    assert seat_gain(sc, seat, 12, HARD, WITHOUT) > 0
