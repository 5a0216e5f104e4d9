"""Many AI-only games of one scenario, and their summary as plain data."""

from __future__ import annotations

from typing import Any

from game.ai.selfplay import Played, play
from game.analysis import Analysis, analyze
from game.engine import state_hash, utility
from game.engine.model import Scenario
from game.engine.rng import MASK, mix


def game_seed(base: int, index: int) -> int:
    """The seed of game `index` of a run: spread out, so base seeds 0 and 1 share no games."""
    return mix((base * 0x9E3779B97F4A7C15 + index) & MASK) >> 33


def rounds_played(game: Played) -> int:
    return sum(1 for r in game.records if r.kind == "round")


def summarise(scenario: Scenario, games: int, seed: int) -> dict[str, Any]:
    judge = analyze(scenario, len(scenario.venues) - 1)
    results: list[dict[str, Any]] = []
    gaps: list[float] = []
    totals = {d.id: [0.0, 0.0] for d in scenario.delegations}
    agreements = 0
    rounds = 0
    for index in range(games):
        s = game_seed(seed, index)
        game = play(scenario, s)
        state = game.state
        deal = state.deal()
        for d in scenario.delegations:
            u = utility(d, deal)
            totals[d.id][0] += u
            totals[d.id][1] += u - d.reservation
        agreements += state.outcome == "agreement"
        r = rounds_played(game)
        rounds += r
        verdict = judgement(judge, deal) if state.agreements else {"pareto_gap": None, "nash_distance": None}
        if verdict["pareto_gap"] is not None:
            gaps.append(verdict["pareto_gap"])
        results.append(
            {
                "seed": s,
                "outcome": state.outcome,
                "venues": list(state.venue_outcomes),
                "rounds": r,
                "actions": len(game.actions),
                "final_state_hash": state_hash(state),
                "agreement": {
                    scenario.issues[i].id: scenario.issues[i].options[o].id
                    for i, o in enumerate(state.settled)
                    if o >= 0
                },
                **verdict,
            }
        )
    return {
        "scenario": scenario.id,
        "games": games,
        "seed": seed,
        "agreement_rate": round(agreements / games, 4),
        "mean_rounds": round(rounds / games, 3),
        "mean_pareto_gap": round(sum(gaps) / len(gaps), 4) if gaps else None,
        "per_delegation": {
            ident: {"mean_utility": round(u / games, 4), "mean_surplus": round(s / games, 4)}
            for ident, (u, s) in totals.items()
        },
        "results": results,
    }


def judgement(judge: Analysis, deal: tuple[int, ...]) -> dict[str, float | None]:
    """How a final deal compares with the best possible: the Pareto gap and the Nash distance."""
    utilities = judge.space.deal_utilities(deal)
    distance = judge.nash_distance(utilities)
    return {
        "pareto_gap": round(judge.pareto_gap(utilities), 4),
        "nash_distance": None if distance is None else round(distance, 4),
    }
