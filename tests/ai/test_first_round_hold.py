"""The first round's hold (Level.first_round_share, 0.9 in the hard level; docs/lab/agents.md,
"Holding out while the others are read from the prior"): at a table of several, in a venue's
first round, while the hard agent reads every counterpart from the prior alone, it signs no offer
worth less than 90% of what its best package gives it over walking away, and, having refused one
worth its aim, tables no less. At timed-0 d1 (a table of three: d4, d1, d0) the hard agent signed
d4's round-1 package, 0.573 to it, where the normal counterparts sign a package with the
contested issue at d1's end."""

from __future__ import annotations

import dataclasses

from game.ai.early import first_round_hold
from game.ai.levels import LEVELS
from game.ai.offers import aspiration
from game.ai.reading import best_possible, counterparts, fallback, value_with
from game.engine import actions as A
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, package_indices, replayed, timed_rule_game

HARD = LEVELS["hard"]


def test_the_hard_agent_holds_out_in_the_first_round_while_it_reads_the_others_from_the_prior() -> None:
    """timed-0 d1's game 0: without the rule d1 signs d4's round-1 package at once; with it, d1
    refuses it (below 90% of its best over walking away, above its curve's aim), tables a package
    worth more to it than the one it refused, and ends the game with more (fails with the rule
    off)."""
    assert HARD.first_round_share == 0.9 and LEVELS["normal"].first_round_share == 0
    without = dataclasses.replace(HARD, first_round_share=0.0)
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(0, "d1", 0, HARD, without, silent=False)
    assert isinstance(said.action, A.Respond) and isinstance(unsaid.action, A.Respond)
    assert not said.action.accept and unsaid.action.accept
    assert view.round == 1 and len(counterparts(view)) == 2 and not view.learned
    p = next(q for q in view.proposals if q.id == said.action.proposal)
    worth = value_with(view, p.package)
    hold = first_round_hold(view, HARD)
    floor = fallback(view)
    assert hold == floor + 0.9 * (best_possible(view) - floor)
    assert aspiration(view, HARD) < worth < hold
    assert first_round_hold(view, without) == 0.0
    # what it tables next asks more than the package it refused
    steps, _ = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
    tabled = next(a for s, a in steps if s.actor == seat and isinstance(a, A.Propose))
    assert value_with(view, package_indices(view, tabled.package)) > worth
    _, off = replayed(sc, seed, level_in_seat(sc, seed, seat, without))
    assert outcome_utility(final, seat) > outcome_utility(off, seat) + 0.1
