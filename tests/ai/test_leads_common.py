"""The lead on common ground (Level.leads_common; game.ai.bets.common_lead): in a venue's first
round the hard agent weighs the package that settles only the issues its model reads as common
ground, each at its best option, leaving the rest open, against the package it would bet on, and
tables it where the estimate gives it an even chance or more of passing and it is worth more in
expected value. ceiling26 found that lead in the random seats where hard fell short of random by
0.10; since every side states a position on every issue it weighs, the model can see it (docs/lab/agents.md,
"The lead as a hard rule again", lead28). These tests play the current random tables."""

from __future__ import annotations

import dataclasses

from game.ai.bets import _COMMON, _LEAD_SURE, _chance_all, common_lead
from game.ai.driver import agent_rng
from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.ai.opponent import Beliefs
from game.ai.reading import counterparts, left_open
from game.engine import actions as A
from game.engine import view_for
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from game.sim.simulate import game_seed
from tests.ai.seat_games import level_in_seat, package_indices, replayed, timed_rule_game
from tests.sim.timed_scenarios import timed_scenario

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, leads_common=False)


def test_the_hard_agent_leads_with_the_common_ground() -> None:
    """In timed-9 d1's game 0 the first decision the rule changes is d1's offer in the venue's
    first round: with it, the partial package on the issues the model reads as common ground,
    which d0 signs; without it, a package on the whole agenda. With the rule the game ends with
    d1 better off by more than 0.05 (fails with the rule off)."""
    assert HARD.leads_common and not LEVELS["normal"].leads_common
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(9, "d1", 0, HARD, WITHOUT, silent=False)
    assert view.round == 1
    assert isinstance(with_rule.action, A.Propose) and isinstance(without.action, A.Propose)
    lead = package_indices(view, with_rule.action.package)
    beliefs = Beliefs(view, HARD.learns, HARD.reads_deeds, HARD.reads_refusals, HARD.reads_stakes)
    assert lead == common_lead(view, beliefs)
    assert left_open(view, lead)
    assert not left_open(view, package_indices(view, without.action.package))
    for i, o in lead:  # each issue of the lead is one every counterpart is read to want our way
        assert all(beliefs.tables_of(s)[i][o] >= _COMMON for s in counterparts(view))
    assert kept.agreements and tuple(sorted(kept.agreements[0].package)) == lead
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    reservation = draw_types(sc, seed).delegations[seat].reservation
    assert outcome_utility(kept, seat) - reservation > outcome_utility(lost, seat) - reservation + 0.05


def test_no_lead_the_estimate_doubts() -> None:
    """In timed-18 d0's game 0 the model reads d1's stated position on i0 as common ground, but
    the estimate gives the lead less than an even chance (d1 states an option there it values
    little: docs/lab/agents.md, "What the four seats could win"). Its expected value is still above the
    bet's (its hope on the issues it leaves open is largest in the first round); the hard agent
    tables what it would without the rule (fails without the chance's bar)."""
    sc = timed_scenario(18)
    seat = [d.id for d in sc.delegations].index("d0")
    seed = game_seed(0, 0)
    steps, _ = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
    state = next(s for s, a in steps if s.actor == seat and isinstance(a, A.Propose))
    view = view_for(state, seat)
    assert view.round == 1
    beliefs = Beliefs(view, HARD.learns, HARD.reads_deeds, HARD.reads_refusals, HARD.reads_stakes)
    lead = common_lead(view, beliefs)
    assert lead is not None and left_open(view, lead)
    assert _chance_all(view, counterparts(view), lead) < _LEAD_SURE
    said = choose(view, agent_rng(state), HARD)
    assert said == choose(view, agent_rng(state), WITHOUT)
    assert isinstance(said.action, A.Propose) and package_indices(view, said.action.package) != lead
