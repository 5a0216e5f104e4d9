"""How simulate judges a game's result against the package space: as the rules score the result
(RULES.md, "Utility"), a partial deal's open issues at each side's walk-away value."""

from __future__ import annotations

import numpy as np
import pytest

from game.ai.selfplay import play
from game.analysis import analyze
from game.engine.model import Scenario
from game.engine.utility import settled_value
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers
from game.sim.simulate import game_seed, run_game

HARBOUR = load_scenario(bundled()["harbour-contract"])
ASTANA = load_scenario(bundled()["astana-8"])


@pytest.mark.parametrize(("scenario", "base", "index"), [(HARBOUR, 5, 1), (ASTANA, 0, 4)])
def test_a_partial_deal_is_judged_as_the_rules_score_it(scenario: Scenario, base: int, index: int) -> None:
    """harbour-contract's game 1 from seed 5 left pensions open; filled in with the status quo it
    happened to be the Nash package, and simulate said 0 from the Nash point, where the rules'
    scores put it 0.037 away."""
    seed = game_seed(base, index)
    seats = {d: "normal" for d in range(len(scenario.delegations))}
    state = play(scenario, seed, game_choosers(scenario, seats, seed)).state
    assert state.outcome == "partial"
    judge = analyze(scenario, len(scenario.venues) - 1)
    status_quo = [issue.status_quo for issue in scenario.issues]
    scored = np.array(
        [settled_value(scenario.delegations[d], state.settled, status_quo, state.agenda) for d in judge.space.parties]
    )
    filled = judge.space.deal_utilities(state.deal())
    assert not np.allclose(scored, filled)  # the open issues count: the two readings differ here
    result = run_game(scenario, seed, seats)
    assert result["nash_distance"] == round(judge.nash_distance(scored), 4)
    assert result["pareto_gap"] == round(judge.pareto_gap(scored), 4)
    assert result["nash_distance"] != round(judge.nash_distance(filled), 4)
