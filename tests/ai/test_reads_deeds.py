"""The hard agent reads a side whose offers contradict its stated positions by what it refused
(Level.reads_deeds; game.ai.opponent.consistency, game.ai.planning.read_sides). The frequency
model reads a side mostly from the positions it states; random scenarios draw those apart from
the preferences, and a side that states one end of an issue and offers the other is misread. For
such a side the hard agent's plan takes a package it refused at the venue as worth no more to it
than what it holds out for (docs/lab/agents.md, "The hard agent's misfires on random scenarios")."""

from __future__ import annotations

import dataclasses
from functools import partial

from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.ai.opponent import CONSISTENT, Beliefs, consistency
from game.ai.planning import read_sides
from game.ai.selfplay import play
from game.engine import new_game, view_for
from game.engine.utility import outcome_utility, with_package
from game.sim.simulate import game_seed
from tests.ai.seat_games import seat_views, style_in_seat, timed_scenario

HARD = LEVELS["hard"]
# timed-5 (the suite's random generator, time rules on), the hard agent in d0's seat, the
# tournament's game 75: d1 states positions its offers contradict, and refuses d0's packages
SCENARIO, SEAT, GAME = 5, 0, 75


def test_positions_bear_out_offers_by_consistency() -> None:
    """1.0 before a side has offered; in the game's later turns d1's offers sit far from what it states."""
    state, _ = new_game(timed_scenario(SCENARIO), game_seed(0, GAME))
    assert consistency(view_for(state, SEAT), 1) == 1.0
    views = seat_views(SCENARIO, SEAT, GAME, "hard")
    assert all(0.0 <= consistency(v, s) <= 1.0 for v in views for s in range(len(v.delegations)))
    assert any(consistency(v, 1) < CONSISTENT for v in views)


def test_a_misread_side_is_read_no_lower_than_what_it_refused() -> None:
    """Wherever a counterpart's offers contradict its positions, the hard agent's reading of its
    floor is at least its reading of every package that side refused at this venue; and it does
    lift the floor (fails with reads_deeds off: the floor is then the status quo's reading)."""
    lifted = 0
    for view in seat_views(SCENARIO, SEAT, GAME, "hard"):
        beliefs = Beliefs(view, HARD.learns, HARD.reads_deeds)
        for side in read_sides(view, beliefs):
            if consistency(view, side.who) >= CONSISTENT:
                assert side.floor == beliefs.utility(side.who, view.deal)
                continue
            refused = [
                beliefs.utility(side.who, with_package(view.deal, a.package))
                for a in view.answers
                if not a.accepted and a.who == side.who and a.venue == view.venue_index
            ]
            assert side.floor >= max([beliefs.utility(side.who, view.deal), *refused]) - 1e-12
            lifted += side.floor > beliefs.utility(side.who, view.deal) + 1e-9
    assert lifted > 0


def test_reading_deeds_wins_the_game_the_misreading_lost() -> None:
    """In that game the hard agent reading deeds ends better off than the same agent without.
    Both without reading refusals (Level.reads_refusals, tests/ai/test_reads_refusals.py): d1 is
    d0's one counterpart and refuses d0's package in two rounds, so that reading alone wins this
    game too, and the two would not be told apart here. Nor weighing the plan's hazards
    (Level.weighs_hazards, tests/ai/test_hazards.py), which keeps d0 from holding out here
    whatever its reading of d1's floor. Nor the hold-out asking what was refused
    (Level.holds_below_refusals, tests/ai/test_holds_below_refusals.py), which for the same two
    refusals drops the plan's hold-out here. Nor answering by our aim an offer that came our way
    (Level.answers_moved, tests/ai/test_answers_moved.py), which signs d1's moved offer here."""
    sc = timed_scenario(SCENARIO)
    seed = game_seed(0, GAME)

    def surplus(reads_deeds: bool) -> float:
        choosers = style_in_seat(sc, SEAT, "hard", seed)
        level = dataclasses.replace(
            HARD,
            reads_deeds=reads_deeds,
            reads_refusals=False,
            weighs_hazards=False,
            holds_below_refusals=False,
            answers_moved=False,
        )
        choosers[SEAT] = partial(choose, level=level)
        state = play(sc, seed, choosers).state
        return outcome_utility(state, SEAT) - sc.delegations[SEAT].reservation

    assert surplus(HARD.reads_deeds) > surplus(False) + 0.1
