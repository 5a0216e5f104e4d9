"""The hard agent signs a stonewaller's package where it beats walking away (Level.meets_stonewall;
game.ai.reading.stonewalled, game.ai.answering.answer). A side that tables the one package every
round and refuses everything will not move: its package is its floor, and going on gives at best
that package later, less the rounds' toll, or no deal. Refusing it as an ultimatum lost the hard
agent games the normal agent won (docs/AI.md, "The hard agent's misfires on random scenarios")."""

from __future__ import annotations

import dataclasses
from functools import partial

from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.ai.selfplay import play
from game.engine.utility import outcome_utility
from game.sim.seating import game_choosers
from game.sim.simulate import game_seed
from tests.sim.timed_scenarios import timed_scenario

HARD = LEVELS["hard"]
# timed-18 (the suite's random generator, time rules on), the hard agent in d0's seat, the
# tournament's game 48: d1 tables the same package every round and refuses everything
SCENARIO, SEAT, GAME = 18, 0, 48


def _surplus(meets_stonewall: bool) -> tuple[float, int]:
    sc = timed_scenario(SCENARIO)
    seed = game_seed(0, GAME)
    choosers = game_choosers(sc, {SEAT: "hard"}, seed)
    choosers[SEAT] = partial(choose, level=dataclasses.replace(HARD, meets_stonewall=meets_stonewall))
    state = play(sc, seed, choosers).state
    return outcome_utility(state, SEAT) - sc.delegations[SEAT].reservation, len(state.agreements)


def test_meeting_the_stonewaller_wins_the_game_refusing_lost() -> None:
    """With the flag the hard agent signs d1's package and ends above its walk-away value; without
    it, it refuses the package as an ultimatum and nothing is agreed (fails with the flag off)."""
    assert HARD.meets_stonewall
    won, signed = _surplus(True)
    lost, none = _surplus(False)
    assert signed and not none
    assert won > 0.0 > lost
    assert won > lost + 0.1
