"""The fixed-pie bias (Level.fixed_pie; game.ai.search._fixed_pie_gains): the easy agent, a naive
negotiator, takes a side that states no position on an issue to want the opposite of what it
wants itself there. On the random bench's tables no side states a position on the common-ground
issue, which every side values well at one option: the bias makes the easy agent give it away,
and the deal is worse for both sides than it had to be (docs/AI.md, "Levels")."""

from __future__ import annotations

import dataclasses

import pytest

from game.ai.levels import LEVELS
from game.ai.opponent import Beliefs
from game.ai.reading import counterparts
from game.ai.search import _fixed_pie_gains
from game.engine import actions as A
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, package_indices, replayed, timed_rule_game

EASY = LEVELS["easy"]
WITHOUT = dataclasses.replace(EASY, fixed_pie=False)


def test_the_easy_agent_gives_away_common_ground_it_reads_as_contested() -> None:
    """In timed-1 d1's game 14 the first decision the bias changes is the easy agent's opening in
    round 1: with it, the common-ground issue (on which neither side states a position) goes to
    an option worth clearly less to d1 than the one it keeps without the bias; d0 signs that
    package in round 2, and the game ends worse for both sides, d1 by more than 0.1 (fails with
    the bias off: no decision differs)."""
    assert EASY.fixed_pie and not EASY.logrolls
    sc, seat, seed, kept, (_, view, with_bias, without) = timed_rule_game(1, "d1", 14, EASY, WITHOUT)
    assert view.round == 1
    assert isinstance(with_bias.action, A.Propose) and isinstance(without.action, A.Propose)
    (other,) = counterparts(view)
    common = [issue.id for issue in view.issues].index("common")
    assert view.positions[other][common] < 0 and view.positions[seat][common] < 0
    options = [o.id for o in view.issues[common].options]
    given = options.index(dict(with_bias.action.package)["common"])
    kept_option = options.index(dict(without.action.package)["common"])
    values = view.own.values[common]
    assert values[given] < values[kept_option] - 0.2
    _, left = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert kept.settled[common] == given
    assert any(set(a.package) == set(package_indices(view, with_bias.action.package)) for a in kept.agreements)
    reservation = draw_types(sc, seed).delegations[seat].reservation
    assert outcome_utility(kept, seat) - reservation < outcome_utility(left, seat) - reservation - 0.1
    assert outcome_utility(kept, other) < outcome_utility(left, other)  # a lose-lose agreement


def test_silence_reads_as_the_mirror_of_our_values_and_a_stated_position_as_before() -> None:
    """The rule itself, on the view of that game's first changed decision: per option, a side
    with no position on the issue counts 1 - our own value there, times the weight given; a side with a
    position counts as the unbiased reading counts it (Beliefs.gains); two sides add up."""
    view = timed_rule_game(1, "d1", 14, EASY, WITHOUT)[4][1]
    (other,) = counterparts(view)
    beliefs = Beliefs(view, EASY.learns)
    silent = [i for i in range(len(view.issues)) if view.positions[other][i] < 0]
    stated = [i for i in range(len(view.issues)) if view.positions[other][i] >= 0]
    assert silent and stated
    for i in silent:
        mirror = [1.0 - v for v in view.own.values[i]]
        assert _fixed_pie_gains(view, beliefs, [other], i, 0.5) == pytest.approx([0.5 * m for m in mirror])
        assert _fixed_pie_gains(view, beliefs, [other, other], i, 1.0) == pytest.approx([2 * m for m in mirror])
    for i in stated:
        assert _fixed_pie_gains(view, beliefs, [other], i, 0.5) == pytest.approx(beliefs.gains([other], [0.5], i))
