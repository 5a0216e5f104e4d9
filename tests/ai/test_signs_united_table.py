"""A whole package the table, united against us, asks (Level.signs_united_table, on in the hard
level; docs/lab/agents.md, "A table united against us"). In the random scenario timed-11 (as a
file writes it: one venue of three rounds, d4, d1 and d0 signing in that order) d4 and d0 both
state the contested issue's far end, the option d1 values least, and put to d1 in round 1 the
package that gives it there. The hard d1 refused it by its plan's value of waiting (a package
with contested at d1's own end, which neither counterpart would sign) and signed the same
package in round 2, once the table had put it back, a round's toll lower; the library's
accept-above-walkaway, signing in round 1, beat it."""

from __future__ import annotations

import dataclasses

from game.ai.answering import united_against
from game.ai.levels import LEVELS
from game.ai.reading import counterparts, left_open
from game.engine import actions as A
from game.engine.utility import outcome_utility
from tests.ai.seat_games import decided_gain, level_in_seat, replayed, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, signs_united_table=False)


def test_the_hard_agent_signs_what_the_united_table_asks() -> None:
    """timed-11 d1's game 1: the first decision the rule changes is d1's round-1 answer to d4's
    whole package, with contested at the option d1 values least, the option d4 and d0 both
    state: signed with the rule, refused without it. Signed, it is the agreement in round 1;
    refused, the same package is signed in round 2, and d1 ends lower by a round's toll (fails
    with the rule off)."""
    assert HARD.signs_united_table and not LEVELS["normal"].signs_united_table
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(11, "d1", 1, HARD, WITHOUT, silent=False)
    assert isinstance(said.action, A.Respond) and isinstance(unsaid.action, A.Respond)
    assert said.action.accept and not unsaid.action.accept
    assert "the whole table asks this of us" in said.reason
    assert view.round == 1 and len(counterparts(view)) == 2
    p = next(q for q in view.proposals if q.id == said.action.proposal)
    assert not left_open(view, p.package) and united_against(view, p.package)
    contested = next(i for i, issue in enumerate(view.issues) if issue.id == "contested")
    option = dict(p.package)[contested]
    assert view.own.values[contested][option] == min(view.own.values[contested])
    assert all(view.positions[s][contested] == option for s in counterparts(view))
    assert [(a.round, a.package) for a in final.agreements] == [(1, p.package)]
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert [(a.round, a.package) for a in without.agreements] == [(2, p.package)]
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.015


def test_every_decision_the_rule_changes_signs_a_united_ask() -> None:
    """Over the tournament's first 30 games in timed-11 d1, every decision the rule changes is
    the signature of a whole package at a table of several that united_against reads as the
    table's ask, and the seat ends with more in total with the rule than without it."""
    sc, seat = timed_seat(11, "d1", silent=False)
    decided, gain = decided_gain(sc, seat, HARD, WITHOUT, 30)  # rule_decisions and seat_gain in one pass
    assert len(decided) >= 20
    for view, chosen, _ in decided:
        assert isinstance(chosen.action, A.Respond) and chosen.action.accept
        assert "the whole table asks this of us" in chosen.reason
        p = next(q for q in view.proposals if q.id == chosen.action.proposal)
        assert united_against(view, p.package, HARD.united_near_end)
    assert gain > 0.1
