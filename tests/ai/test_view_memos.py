"""What a decision remembers for its view (reading.view_memo) must be what working it out afresh
gives: the estimate's reading of a side (estimate.features), the plan's reading of the sides
(planning.read_sides, kept with the beliefs it was read with), and a card's chance of calling a
signatory home (hazards._called_home_at), on hard games of astana-8 and of random tables
(docs/lab/speed.md, "A nineteenth pass"). Every reference is worked out on a fresh copy of the
view (its memory empty), and the plan's reading of the sides with each side's best options found
by a plain scan, not through the memory planning._tops keeps across views."""

from __future__ import annotations

import dataclasses

import pytest

from game.ai import hazards, planning
from game.ai.deck import drawable, may_come_up, public_table, public_trust, readable, table_with_trust
from game.ai.estimate import features
from game.ai.levels import LEVELS
from game.ai.opponent import Beliefs, level_beliefs
from game.ai.planning import _read_sides, read_sides
from game.ai.reading import counterparts, view_table
from game.engine.conditions import all_hold
from game.engine.model import EventCard, Scenario
from game.engine.view import View
from game.scenario import load_scenario, resolve
from game.sim.random_scenarios import random_scenario
from tests.ai.seat_games import level_views, timed_scenario


def _views(scenario: Scenario, seed: int) -> list[View]:
    return level_views(scenario, seed, "hard", lambda view: not view.closing)


def _afresh(view: View) -> View:
    """The same view as another object: nothing remembered for `view` is found for it."""
    return dataclasses.replace(view)


def _plain_tops(tables: tuple[tuple[float, ...], ...], reds: tuple[frozenset[int], ...]) -> tuple[int, ...]:
    """planning._tops by a plain scan, nothing remembered: per issue the first option of most value
    by the table outside the red line, -1 where it leaves none."""
    tops = []
    for table, red in zip(tables, reds, strict=True):
        best = -1
        for option, value in enumerate(table):
            if option not in red and (best < 0 or value > table[best]):
                best = option
        tops.append(best)
    return tuple(tops)


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
def test_what_a_view_remembers_is_what_is_worked_out_afresh(
    table: str, seed: int, cards: bool, by_trust: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
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
        with monkeypatch.context() as plain:
            plain.setattr(planning, "_tops", _plain_tops)
            expected = _read_sides(other, level_beliefs(other, LEVELS["hard"]))
            expected_plain = _read_sides(other, Beliefs(other, learns=False))
        hard = level_beliefs(view, LEVELS["hard"])
        assert read_sides(view, hard) == expected
        assert read_sides(view, hard) == expected  # kept
        assert read_sides(view, Beliefs(view, learns=False)) == expected_plain  # other beliefs: not kept's
        # a card's chance of calling a signatory home, by round and refusals: every ask of the
        # view made, then made again, before the references (each on its own fresh copy, so that
        # the view's memory, of the chances and of its public trust rows, is read throughout);
        # with refusals first, so that trust moved for them and left in the memory would show
        asks = [(view.round + ahead, refused) for ahead in range(1, 4) for refused in (ahead, 0)]
        chances = [hazards._called_home_at(view, round_, refused) for round_, refused in asks]
        assert [hazards._called_home_at(view, round_, refused) for round_, refused in asks] == chances
        assert [_called_home_at_afresh(_afresh(view), round_, refused) for round_, refused in asks] == chances
        moved += any(chance > 0 for chance in chances)
        trusted += any(chances[k] != chances[k + 1] for k in range(0, len(chances), 2))
    assert bool(moved) == cards
    assert bool(trusted) == by_trust


def _may_come_up_afresh(view: View, index: int, card: EventCard) -> bool:
    """deck.may_come_up as it was before the view kept its public tables: a table built for every
    round left, its round conditions judged on it."""
    if card.weight <= 0 or card.venue not in (-1, view.venue_index) or view.venue.random_events <= 0:
        return False
    if not card.repeat and view.fired and view.fired[index] > 0:
        return False
    rounds = [c for c in card.when if c.kind == "round"]
    seated = view.venue.turn_order
    trust = public_trust(_afresh(view))
    return any(
        all_hold(table_with_trust(view, r, trust), rounds, seated) for r in range(view.round + 1, view.venue.rounds + 1)
    )


@pytest.mark.parametrize(("table", "seed"), [("sochi-congress", 0), ("timed-5", 0), ("astana-to-sochi", 1)])
def test_the_public_tables_a_view_keeps_are_those_built_afresh(table: str, seed: int) -> None:
    """deck.public_table keeps each round's table in the view's memory (docs/lab/speed.md, "A
    twentieth pass"): the same table as one built for a fresh copy of the view, the very object
    when asked again; and may_come_up, which reads them (and takes a card without round conditions
    as coming up while a round is left), says what building a table for every round said."""
    sc = timed_scenario(int(table.split("-")[1])) if table.startswith("timed-") else _bundled(table)
    views = level_views(sc, seed, "normal", lambda view: not view.closing)
    assert views
    coming = unconditioned = 0
    for view in views:
        rounds = range(view.round, view.venue.rounds + 2)
        expected = [table_with_trust(view, r, public_trust(_afresh(view))) for r in rounds]
        tables = [public_table(view, r) for r in rounds]
        assert tables == expected
        assert all(public_table(view, r) is t for r, t in zip(rounds, tables, strict=True))  # kept
        # and the same view in the venue's last round, where no card comes up any more
        last = dataclasses.replace(view, round=view.venue.rounds)
        for index, card in enumerate(view.events):
            said = may_come_up(view, index, card)
            assert said == _may_come_up_afresh(view, index, card)
            assert may_come_up(last, index, card) == _may_come_up_afresh(last, index, card)
            coming += said
            unconditioned += said and not any(c.kind == "round" for c in card.when)
    assert coming and unconditioned  # the sample has cards coming up, with round conditions and without


def test_a_views_table_is_its_own_and_lasts_while_the_view_is_asked() -> None:
    """reading.view_table: the same table for the same view and name (what one ask stores, the next
    finds), another for another name, and an empty one for another view (the memory holds one view
    at a time, so nothing of one view is read for another)."""
    first, second = _views(_bundled("astana-8"), 3)[:2]
    table = view_table(first, "a question")
    table[1] = "an answer"
    assert view_table(first, "a question") is table
    assert view_table(first, "another question") == {}
    assert view_table(second, "a question") == {}
    assert view_table(first, "a question") == {}
