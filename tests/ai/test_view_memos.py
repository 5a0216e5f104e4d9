"""What a decision remembers for its view (reading.view_memo) must be what working it out afresh
gives: the estimate's reading of a side (estimate.features), the plan's reading of the sides
(planning.read_sides, kept with the beliefs it was read with), and a card's chance of calling a
signatory home (hazards._called_home_at), on hard games of astana-8 and of random tables
(docs/lab/speed.md, "A nineteenth pass")."""

from __future__ import annotations

import dataclasses

import pytest

from game.ai import hazards
from game.ai.deck import drawable, public_table, readable
from game.ai.estimate import features
from game.ai.levels import LEVELS
from game.ai.opponent import Beliefs, level_beliefs
from game.ai.planning import _read_sides, read_sides
from game.ai.reading import counterparts
from game.engine.conditions import all_hold
from game.engine.model import Scenario
from game.engine.view import View
from game.scenario import load_scenario, resolve
from game.sim.random_scenarios import random_scenario
from tests.ai.seat_games import level_views, timed_scenario


def _views(scenario: Scenario, seed: int) -> list[View]:
    return level_views(scenario, seed, "hard", lambda view: not view.closing)


def _afresh(view: View) -> View:
    """The same view as another object: nothing remembered for `view` is found for it."""
    return dataclasses.replace(view)


def _called_home_at_afresh(view: View, round_: int, refused: int) -> float:
    """The chance as it was worked out before it was remembered: the public table, every other
    row's trust in us moved by _with_trust, and the drawable cards' weights."""
    venue = view.venue
    if venue.random_events <= 0 or view.closing or round_ > venue.rounds or round_ < 2:
        return 0.0
    seated = venue.turn_order
    signing = {view.me, *counterparts(view)}
    table = public_table(view, round_)
    if refused:
        drop = refused * view.rules.response_trust + view.rules.hardline_trust // 2
        me = view.me
        table = hazards._with_trust(table, {(a, me) for a in range(len(table.trust)) if a != me}, -drop)
    total = leaving = 0.0
    for card in drawable(view, table, seated):
        total += card.weight
        known = all(readable(view, c) for c in card.when)
        if card.leavers & signing and known and all_hold(table, card.when, seated):
            leaving += card.weight
    return 0.0 if total <= 0 else venue.random_events * leaving / total


def _bundled(name: str) -> Scenario:
    path = resolve(name)
    assert path is not None
    return load_scenario(path)


# (table, seed, whether a hold-out there brings a card that calls a signatory home into play, and
# whether our refusals move that chance: timed-5's card reads trust in d0)
TABLES = [
    pytest.param("astana-8", 3, False, False, id="astana-8"),
    pytest.param("sochi-congress", 0, True, False, id="sochi-congress"),
    pytest.param("timed-5", 0, True, True, id="timed-5"),
    pytest.param("random-11", 5, False, False, id="random-11"),
]


@pytest.mark.parametrize(("table", "seed", "cards", "by_trust"), TABLES)
def test_what_a_view_remembers_is_what_is_worked_out_afresh(table: str, seed: int, cards: bool, by_trust: bool) -> None:
    if table.startswith("random-"):
        sc = random_scenario(int(table.split("-")[1]))
    elif table.startswith("timed-"):
        sc = timed_scenario(int(table.split("-")[1]))
    else:
        sc = _bundled(table)
    views = _views(sc, seed)
    assert views
    moved = trusted = 0
    for view in views:
        others = counterparts(view)
        # the estimate's features: asked twice of this view (the second from what it keeps), and
        # of the same view as another object
        package = tuple((i, len(view.issues[i].options) - 1) for i in view.agenda if view.settled[i] < 0)
        expected_features = [features(_afresh(view), who, package) for who in others]  # each afresh
        assert [features(view, who, package) for who in others] == expected_features
        assert [features(view, who, package) for who in others] == expected_features  # kept
        # read_sides: kept with the beliefs it was read with, never handed to other beliefs
        # (the references first: a view asked of meanwhile takes the view's memory's place)
        other = _afresh(view)
        expected = _read_sides(other, level_beliefs(other, LEVELS["hard"]))
        expected_plain = _read_sides(other, Beliefs(other, learns=False))
        hard = level_beliefs(view, LEVELS["hard"])
        assert read_sides(view, hard) == expected
        assert read_sides(view, hard) == expected  # kept
        assert read_sides(view, Beliefs(view, learns=False)) == expected_plain  # other beliefs: not kept's
        # a card's chance of calling a signatory home, by round and refusals, asked twice
        for ahead in range(1, 4):
            chances = []
            for refused in (0, ahead):
                chance = hazards._called_home_at(view, view.round + ahead, refused)
                assert chance == hazards._called_home_at(view, view.round + ahead, refused)
                assert chance == _called_home_at_afresh(view, view.round + ahead, refused)
                moved += chance > 0
                chances.append(chance)
            trusted += chances[0] != chances[1]
    assert bool(moved) == cards
    assert bool(trusted) == by_trust
