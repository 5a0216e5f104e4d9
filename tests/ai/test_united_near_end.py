"""signs_united_table with the furthest issue read as the table's reach near the venue's end
(Level.united_near_end, on in the hard level; docs/lab/agents.md, "A table's reach near the end").
In the random scenario timed-11 (as a file writes it: one venue of three rounds, d4, d1 and d0
signing in that order) d4 puts to d1 in round 1 a whole package with contested at o3, the option
d4 states, where d0 states o4, the option d1 values least. The hard d1 refused it by its plan;
where d0 would have signed it, the library's accept-above-walkaway and the easy agent, signing,
had it agreed in round 1, and hard got contested at o4 later or left it open."""

from __future__ import annotations

import dataclasses

from game.ai.answering import united_against
from game.ai.levels import LEVELS
from game.ai.reading import counterparts, last_round, left_open
from game.engine import actions as A
from game.engine.utility import outcome_utility
from tests.ai.seat_games import decided_gain, level_in_seat, replayed, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, united_near_end=False)


def test_the_hard_agent_signs_what_is_out_of_the_tables_reach() -> None:
    """timed-11 d1's game 78: the first decision the rule changes is d1's round-1 answer to d4's
    whole package, contested at o3 (d4's stated option; d0 states the option d1 values least):
    signed with the rule and agreed in round 1; refused without it, and the table signs contested
    at o4 in round 3, d1 lower by more than 0.05 (fails with the rule off)."""
    assert HARD.united_near_end and not LEVELS["normal"].united_near_end
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(11, "d1", 78, HARD, WITHOUT, silent=False)
    assert isinstance(said.action, A.Respond) and isinstance(unsaid.action, A.Respond)
    assert said.action.accept and not unsaid.action.accept
    assert "the whole table asks this of us" in said.reason
    p = next(q for q in view.proposals if q.id == said.action.proposal)
    assert united_against(view, p.package, True) and not united_against(view, p.package)
    contested = next(i for i, issue in enumerate(view.issues) if issue.id == "contested")
    values = view.own.values[contested]
    stated = [values[view.positions[s][contested]] for s in counterparts(view)]
    assert min(stated) == min(values) and max(stated) == values[dict(p.package)[contested]] > min(values)
    assert [(a.round, a.package) for a in final.agreements] == [(1, p.package)]
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert [a.round for a in without.agreements] == [3]
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.05


def test_every_decision_the_rule_changes_is_near_the_end() -> None:
    """Over the tournament's first 100 games in timed-11 d1, every decision the rule changes (five
    or more of them a refusal turned into a yes) is the signature of a whole package at a table of several, with two rounds or fewer of the venue
    after it, that united_against reads as out of the table's reach and not as the united ask;
    the seat gains. At timed-8 d0 (one venue of five rounds) it changes nothing in round 1 or 2."""
    sc, seat = timed_seat(11, "d1", silent=False)
    decided, gain = decided_gain(sc, seat, HARD, WITHOUT, 100)
    # at the venue's last round the agent signs anyway, the reason aside: only the reason changes
    assert sum(chosen.action != otherwise.action for _, chosen, otherwise in decided) >= 5
    for view, chosen, _ in decided:
        assert isinstance(chosen.action, A.Respond) and chosen.action.accept
        assert "the whole table asks this of us" in chosen.reason
        p = next(q for q in view.proposals if q.id == chosen.action.proposal)
        assert not left_open(view, p.package) and len(counterparts(view)) >= 2
        assert last_round(view) - view.round <= 2
        assert united_against(view, p.package, True) and not united_against(view, p.package)
    assert gain > 0.05
    sc8, seat8 = timed_seat(8, "d0", silent=False)
    early, _ = decided_gain(sc8, seat8, HARD, WITHOUT, 100)
    assert all(view.round >= 3 for view, _, _ in early)
