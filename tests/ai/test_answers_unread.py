"""The plan's first answers at a long last venue (Level.answers_unread, on in the hard level;
game.ai.holding.answer_offer and _plan_unread; docs/lab/agents.md, "The plan's first answers
at a long last venue"): at the game's last venue, at a table of two, before the counterpart has
answered anything there, with three rounds or more left after this one, a planner answers an
offer by its own curve, the plan's value of waiting unread. In the random
scenario timed-5 (as a file writes it; one venue of six rounds, d1 and d0 signing, d1 speaking
first) the hard d0 refused d1's round-1 offer by its plan's value of waiting, which the normal
agent signs; d1 then refused d0's packages, and the talks ended with less or nothing."""

from __future__ import annotations

import dataclasses

from game.ai import holding
from game.ai.levels import LEVELS
from game.ai.reading import counterparts
from game.engine import actions as A
from game.engine.utility import outcome_utility
from game.engine.view import View
from tests.ai.seat_games import decided_gain, level_in_seat, replayed, signed_where_refused, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, answers_unread=False)


def _rounds_after(view: View) -> int:
    """The rounds of the venue after this one, read from the view: none in a closing session."""
    return 0 if view.closing else view.venue.rounds - view.round


def _unread(view: View) -> bool:
    """The rule's conditions, read from the view: the game's last venue, one counterpart that has
    answered nothing there yet, three rounds or more left after this one."""
    others = counterparts(view)
    return (
        not view.venues_left
        and len(others) == 1
        and not any(a.who == others[0] and a.venue == view.venue_index for a in view.answers)
        and _rounds_after(view) >= 3
    )


def test_the_hard_agent_signs_the_first_offer_by_its_curve() -> None:
    """timed-5 d0's game 15: the first decision the rule changes is d0's round-1 answer to d1's
    package, refused by the plan's value of waiting without the rule, signed with it. d0 ends the
    game better off by more than 0.1 (fails with the rule off)."""
    assert HARD.answers_unread and not LEVELS["normal"].answers_unread
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(5, "d0", 15, HARD, WITHOUT, silent=False)
    assert view.round == 1 and _unread(view)
    # the rounds left are read to the venue's last round as it stands: a closing session has none
    assert holding._plan_unread(view) and not holding._plan_unread(dataclasses.replace(view, closing=True))
    assert isinstance(with_rule.action, A.Respond) and isinstance(without.action, A.Respond)
    assert with_rule.action.accept and not without.action.accept
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert outcome_utility(kept, seat) > outcome_utility(lost, seat) + 0.1


def test_the_rule_changes_only_early_answers_and_the_seat_gains() -> None:
    """timed-5 d0's first 100 games (seat_games.signed_where_refused: answers signed that the level
    without the rule refuses, five or more, and a gain): each is taken before the counterpart has
    answered anything at the venue (fails with the rule off, which changes none)."""
    sc, seat = timed_seat(5, "d0", silent=False)
    for view, _, _ in signed_where_refused(sc, seat, HARD, WITHOUT, 100):
        assert _unread(view)


def test_three_rounds_left_at_the_last_venue_and_no_fewer() -> None:
    """At timed-6 d1 (one venue of four rounds, a table of two) over the tournament's first 40
    games the rule changes d1's round-1 answer, with exactly three rounds after it, in five games
    or more (seven: three rounds left are enough). It changes nothing over timed-20 d1's first 60
    games (one venue of three rounds: two after round 1) nor timed-10 d0's first 30 (a campaign of
    two venues, of five rounds then four, where the rule reads only the last: read at the first,
    it changed all 30 and cost the seat 5.3 in total)."""
    sc, seat = timed_seat(6, "d1", silent=False)
    assert [v.rounds for v in sc.venues] == [4]
    changed, _ = decided_gain(sc, seat, HARD, WITHOUT, 40)
    assert len(changed) >= 5
    for view, chosen, otherwise in changed:
        assert view.round == 1 and _rounds_after(view) == 3 and _unread(view)
        assert isinstance(chosen.action, A.Respond) and isinstance(otherwise.action, A.Respond)
    for index, seat_id, games, rounds in ((20, "d1", 60, [3]), (10, "d0", 30, [5, 4])):
        sc, seat = timed_seat(index, seat_id, silent=False)
        assert [v.rounds for v in sc.venues] == rounds
        assert not decided_gain(sc, seat, HARD, WITHOUT, games)[0]
