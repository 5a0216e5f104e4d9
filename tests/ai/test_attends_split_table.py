"""A table split on our heaviest issue (Level.attends_split_table, on in the hard level;
docs/lab/agents.md, "The heaviest issue at the last venue"). In the random scenario timed-17 (as a
file writes it: one venue of four rounds, attendance optional, d3 mediating) d1 and d2 state the
contested issue's two ends, and the hard d0 boycotted every game: it read d1 and d2's compromise
without it at their Nash text, while they settled the rest and left contested open, at d0's
walk-away value. With the rule the boycott reads that issue as left open, d0 attends, and at that
table of several it answers the mediator's text of each round rather than tabling its own."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS
from game.ai.opponent import level_beliefs
from game.ai.politics import pulled_apart, should_boycott
from game.engine import actions as A
from game.engine import view_for
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, replayed, seat_gain, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, attends_split_table=False)


def test_the_hard_agent_attends_a_table_split_on_its_heaviest_issue() -> None:
    """timed-17 d0's game 3: the first decision the rule changes is d0's boycott in round 1, after
    it signed the mediator's draft: without the rule it stays away, with it it stays, reading
    contested (the issue it weighs most) as pulled apart by d1 and d2; it never boycotts, and ends
    the game with more (fails with the rule off)."""
    assert HARD.attends_split_table and not LEVELS["normal"].attends_split_table
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(17, "d0", 3, HARD, WITHOUT, silent=False)
    assert isinstance(unsaid.action, A.Boycott) and not isinstance(said.action, A.Boycott)
    assert view.round == 1 and view.venue.attendance_optional
    contested = max(range(len(view.issues)), key=lambda i: view.own.weights[i])
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    assert contested in pulled_apart(view, level_beliefs(view, HARD), open_issues)
    assert not should_boycott(view, level_beliefs(view, HARD), HARD)
    assert should_boycott(view, level_beliefs(view, WITHOUT), WITHOUT)
    steps, _ = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
    assert not any(s.actor == seat and isinstance(a, A.Boycott) for s, a in steps)
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.1


def test_at_that_table_it_answers_the_mediators_text() -> None:
    """In the same game d0 tables no package of its own in a round where the mediator's text of
    that round is on the table; the mediator tables one every round, so d0 tables nothing."""
    sc, seat = timed_seat(17, "d0", silent=False)
    _, _, seed, _, _ = timed_rule_game(17, "d0", 3, HARD, WITHOUT, silent=False)
    steps, _ = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
    tabled = 0
    for state, action in steps:
        if state.actor != seat or not isinstance(action, A.Propose):
            continue
        view = view_for(state, seat)
        assert not any(p.draft and p.round == view.round for p in view.proposals)
        tabled += 1
    assert any(isinstance(a, A.Draft) for _, a in steps) and tabled == 0


def test_the_tournament_seat_gains() -> None:
    """Over the tournament's first 12 games in timed-17 d0, the seat ends with more in total with
    the rule than without it."""
    sc, seat = timed_seat(17, "d0", silent=False)
    assert seat_gain(sc, seat, 12, HARD, WITHOUT) > 0
