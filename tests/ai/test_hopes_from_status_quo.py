"""What a partial package leaves open, weighed where it ends (Level.hopes_from_status_quo;
game.ai.offers.still_to_win with from_end). A bettor's expected value of a partial package is what
it is worth agreed now plus the share it still hopes to win on the issues it leaves open. Before a
campaign's last venue an issue left open is counted at its status quo (reading.value_with), but
the hope was counted over the walk-away value, which counts only at the last venue: where the
status quo is worth more than the walk-away value, part of the issue was counted twice, and the
bettor left out an issue it could have had whole. Found in the random scenario timed-15, game 68
of the d0 seat (docs/lab/agents.md, "What an open issue is worth before the last venue")."""

from __future__ import annotations

import dataclasses

import pytest

from game.ai.levels import LEVELS
from game.ai.offers import still_to_win
from game.ai.reading import left_open, open_worth, value_with
from game.engine import actions as A
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, package_indices, replayed, seat_views, timed_rule_game

HARD = LEVELS["hard"]
# keeps_heaviest (test_keeps_heaviest) also keeps the partial package below off the table, where
# d0 weighs the contested issue over the rest: the rule is measured with that one off on both sides
BASE = dataclasses.replace(HARD, keeps_heaviest=False)
WITHOUT = dataclasses.replace(BASE, hopes_from_status_quo=False)


def test_the_hard_agent_tables_the_whole_package_where_the_hope_was_counted_twice() -> None:
    """In timed-15 d0's game 68 (two venues on the same agenda) the first decision the rule
    changes is d0's round-2 offer at the first venue: with it, the whole agenda, the contested
    issue at d0's best option; without it, the partial package that leaves the contested issue
    open, whose status quo d0 values above its walk-away value. d1 signs either; with the rule
    the game ends with d0 better off by more than 0.15 (fails with the rule off)."""
    assert HARD.hopes_from_status_quo and not LEVELS["normal"].hopes_from_status_quo
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(15, "d0", 68, BASE, WITHOUT)
    assert view.venues_left == 1 and view.round == 2
    assert isinstance(with_rule.action, A.Propose) and isinstance(without.action, A.Propose)
    whole, part = package_indices(view, with_rule.action.package), package_indices(view, without.action.package)
    assert not left_open(view, whole)
    (left,) = left_open(view, part)
    assert open_worth(view, left) > view.own.reservation + 0.1
    # the hope over the status quo is smaller than the one over the walk-away value by what the
    # status quo is already counted at in the package's own value
    counted = view.own.weights[left] * (open_worth(view, left) - view.own.reservation)
    assert still_to_win(view, [left]) - still_to_win(view, [left], True) == pytest.approx(counted)
    assert value_with(view, whole) > value_with(view, part)
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    reservation = draw_types(sc, seed).delegations[seat].reservation
    assert outcome_utility(kept, seat) - reservation > outcome_utility(lost, seat) - reservation + 0.15


def test_at_the_last_venue_the_hope_is_counted_as_before() -> None:
    """At a game's only (last) venue an open issue counts at the walk-away value, and the two
    readings of the hope are the same on every turn of a game (timed-9 d1, one venue)."""
    views = seat_views(9, 1, 29, "hard")
    assert views and all(not v.venues_left for v in views)
    for v in views:
        left = [i for i in v.agenda if v.settled[i] < 0]
        assert all(open_worth(v, i) == v.own.reservation for i in left)
        assert still_to_win(v, left, True) == still_to_win(v, left)
