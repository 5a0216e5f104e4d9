"""A stalemate read from a repeated offer (Level.stalemate_on_repeat; game.ai.idle.stalemate): at
the game's last venue, at a table of two, where the counterpart has refused the hard agent's
packages in one round and has put back to it, in a later round, a package of its own the agent
refused there, the agent reads the stalemate a round sooner than leaves_stalemate's two rounds of
refusals. In the random scenario timed-9 (as a file writes it) the d1 seat walked out in round 4
of a four-round venue after the first round's agreement on the common ground, and the library's
hardline strategy, whose statements end the talks a round sooner, beat it by 0.011 ± 0.002
(docs/lab/agents.md, "A stalemate read from a repeated offer")."""

from __future__ import annotations

import dataclasses
from unittest import mock

from game.ai import idle
from game.ai.idle import REPEAT_STALEMATE_ROUNDS, STALEMATE_ROUNDS, repeats_refused, stalemate
from game.ai.levels import LEVELS
from game.ai.reading import counterparts, fallback, value_with
from game.engine import actions as A
from game.engine import view_for
from game.sim.simulate import game_seed
from tests.ai.seat_games import (
    check_stalemate_walkout,
    level_in_seat,
    replayed,
    rule_walkouts,
    timed_seat,
    venue_answers,
)

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, stalemate_on_repeat=False)


def test_the_hard_agent_leaves_a_repeated_stalemate_a_round_sooner() -> None:
    """Along the tournament's first 12 games with hard in timed-9's d1 seat, where the rule
    decides, d1 walks out in round 3 where without it it stays (and walks out a round later or is
    adjourned): the counterpart refused its packages in one round only, too few for the
    two-round rule, but refused them after d1 had refused its package, which it then put to d1
    again; none of its packages is worth more to d1 than what it has. The game ends with the
    same agreements, a smaller toll and more for d1 (fails with the rule off)."""
    assert HARD.stalemate_on_repeat and not LEVELS["normal"].stalemate_on_repeat
    sc, seat = timed_seat(9, "d1", silent=False)
    decided = 0
    for view, left, stayed in rule_walkouts(sc, seat, HARD, WITHOUT, 12):
        assert stalemate(view, on_repeat=True) and not stalemate(view)
        assert view.round == 3 and not view.venues_left and len(counterparts(view)) == 1
        other = counterparts(view)[0]
        here = venue_answers(view)
        refused = {a.round for a in here if a.who == other and a.author == seat and not a.accepted}
        assert REPEAT_STALEMATE_ROUNDS <= len(refused) < STALEMATE_ROUNDS
        assert repeats_refused(view, here, other)
        check_stalemate_walkout(view, seat, left, stayed, 0.01)
        decided += 1
    assert decided >= 6


def test_one_round_of_refusals_without_the_repeat_is_no_stalemate() -> None:
    """The same view with our earlier refusal of the counterpart's package taken out of the record
    (so it has not put back to us what we refused) is no stalemate after one round of its
    refusals: that may be haggling."""
    sc, seat = timed_seat(9, "d1", silent=False)
    view, _, _ = next(rule_walkouts(sc, seat, HARD, WITHOUT, 12))
    assert stalemate(view, on_repeat=True)
    other = counterparts(view)[0]
    earlier = min(a.round for a in venue_answers(view) if a.who == seat and a.author == other and not a.accepted)
    fresh = tuple(a for a in view.answers if not (a.who == seat and a.author == other and a.round == earlier))
    unrepeated = dataclasses.replace(view, answers=fresh)
    assert not repeats_refused(unrepeated, venue_answers(unrepeated), other)


def test_without_a_repeat_one_round_of_refusals_is_still_haggling() -> None:
    """At timed-18 d1 (game 0, hard in the seat), at d1's first move of round 2 after its answers,
    the counterpart has refused d1's package in round 2 only and offered two different packages,
    neither worth what d1 has and the second no step towards it: everything but the repeat reads
    as a stalemate, and without the repeat the rule does not leave (it would, read one round
    sooner for every side, which lib29 found costs timed-18 d1)."""
    sc, seat = timed_seat(18, "d1", silent=False)
    seed = game_seed(0, 0)
    steps, _ = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
    view = next(
        view_for(s, seat) for s, a in steps if s.actor == seat and s.round == 2 and not isinstance(a, A.Respond)
    )
    other = counterparts(view)[0]
    here = venue_answers(view)
    assert {a.round for a in here if a.who == other and a.author == seat and not a.accepted} == {2}
    theirs = [a.package for a in here if a.author == other]
    assert len(set(theirs)) == len(theirs) >= 2
    assert all(value_with(view, p) < fallback(view) for p in theirs)
    assert not repeats_refused(view, here, other)
    assert not stalemate(view, on_repeat=True)
    with mock.patch.object(idle, "repeats_refused", lambda *_: True):
        assert stalemate(view, on_repeat=True)
