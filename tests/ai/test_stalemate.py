"""A stalemate at a table of two (Level.leaves_stalemate; game.ai.idle.stalemate): at the game's
last venue, where the one counterpart has refused the hard agent's packages on the issues still
open in two rounds, none of its own packages is worth more to the agent than what it has,
and its offers have stopped coming the agent's way, the agent walks out rather than pay the
rounds' toll. In the random scenario timed-9 (as a file writes it) the d1 seat sat the rounds out
after the first round's agreement on the common ground, and the library's hardline strategy, whose
statements end the talks sooner, beat it (docs/lab/agents.md, "A stalemate at a table of two")."""

from __future__ import annotations

import dataclasses

from game.ai.idle import STALEMATE_ROUNDS, _coming, stalemate
from game.ai.levels import LEVELS
from game.ai.reading import counterparts, fallback, value_with
from game.engine import view_for
from game.engine.utility import delay_toll, outcome_utility
from game.sim.simulate import game_seed
from tests.ai.seat_games import level_in_seat, replayed, rule_walkouts, timed_seat

# the two-round rule alone: stalemate_on_repeat reads some of these stalemates a round sooner
# (tests/ai/test_stalemate_on_repeat.py)
HARD = dataclasses.replace(LEVELS["hard"], stalemate_on_repeat=False)
WITHOUT = dataclasses.replace(HARD, leaves_stalemate=False)


def test_the_hard_agent_leaves_a_stalemate_that_only_costs_it() -> None:
    """Along the tournament's games with hard in timed-9's d1 seat, where the rule decides, d1
    walks out where without the rule it stays; the counterpart refused its packages in two rounds
    and offered nothing worth more to it than what it has; and the game ends with the same
    agreements, a smaller toll and more for d1 than staying gives (fails with the rule off)."""
    assert LEVELS["hard"].leaves_stalemate and not LEVELS["normal"].leaves_stalemate
    sc, seat = timed_seat(9, "d1", silent=False)
    decided = 0
    for view, left, stayed in rule_walkouts(sc, seat, HARD, WITHOUT, 8):
        assert stalemate(view)
        assert not view.venues_left and len(counterparts(view)) == 1
        other = counterparts(view)[0]
        # the answers on packages of issues still open (the rule's filter)
        here = [a for a in view.answers if all(view.settled[i] < 0 for i, _ in a.package)]
        refused = {a.round for a in here if a.who == other and a.author == seat and not a.accepted}
        assert len(refused) >= STALEMATE_ROUNDS
        theirs = [a.package for a in here if a.author == other]
        assert theirs and all(value_with(view, p) <= fallback(view) + 1e-9 for p in theirs)
        assert left.settled == stayed.settled
        assert delay_toll(left, seat) < delay_toll(stayed, seat)
        assert outcome_utility(left, seat) > outcome_utility(stayed, seat)
        decided += 1
    assert decided >= 4


def test_a_counterpart_still_moving_our_way_is_not_a_stalemate() -> None:
    """In timed-3 d1's game 8 the counterpart (d0) refused d1's packages in rounds 1 and 2 and
    offered nothing worth more to d1 than walking away; but in round 3 it offered a better option
    on the contested issue than before, and then took d1's own package. At d1's turn there every
    other condition of the rule holds, and the rule reads the move and keeps d1 at the table (with
    a package's worth alone it walked out: the earlier partial package left that issue open at
    d1's walk-away value)."""
    sc, seat = timed_seat(3, "d1", silent=False)
    seed = game_seed(0, 8)
    steps, final = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
    views = [view_for(state, seat) for state, _ in steps if state.actor == seat and state.round == 3]
    view = views[0]
    other = counterparts(view)[0]
    here = [a for a in view.answers if all(view.settled[i] < 0 for i, _ in a.package)]
    assert len({a.round for a in here if a.who == other and a.author == seat and not a.accepted}) >= 2
    theirs = [(a.round, a.package) for a in here if a.author == other]
    theirs += [(p.round, p.package) for p in view.proposals if p.author == other]
    assert all(value_with(view, p) <= fallback(view) + 1e-9 for _, p in theirs)
    assert _coming(view, theirs) and not stalemate(view)
    assert final.agreements and final.agreements[0].round == 3


def test_a_closing_session_is_no_stalemate() -> None:
    """The closing session charges no toll (the last round's was charged as it ended,
    game.engine.flow.end_round), so walking out there saves nothing. The negotiator does not ask
    there (a closing turn only answers), but the rule's answer holds wherever it is asked: a view
    timed-9 d1 walks out on, made a closing session's, is no stalemate (fails without the guard)."""
    sc, seat = timed_seat(9, "d1", silent=False)
    view, _, _ = next(rule_walkouts(sc, seat, HARD, WITHOUT, 8))
    assert stalemate(view)
    assert not stalemate(dataclasses.replace(view, closing=True))
