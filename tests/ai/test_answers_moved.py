"""An offer that came our way (Level.answers_moved, on in the hard level;
game.ai.holding.answer_offer and _moved_our_way; docs/lab/agents.md, "An offer that came our
way"): at the game's last venue, at a table of two, with two rounds or more of the venue left
after this one, a planner answers by its aim, not by its plan's hold-out, an offer with which
the counterpart has come our way at the venue (game.ai.repeats.came_our_way). In the random
scenario timed-5 (as a file writes it; one venue of six rounds, d1 and d0 signing, d1 speaking
first) the hard d0 refused by its plan d1's round-2 offers, better than d1's round-1 package and
worth its aim; d1 then refused d0's hold-out as worse than no deal, and the talks ended with
less."""

from __future__ import annotations

import dataclasses

import pytest

from game.ai import holding
from game.ai.levels import LEVELS
from game.ai.reading import counterparts, last_round, value_with
from game.ai.repeats import came_our_way
from game.engine import actions as A
from game.engine.utility import outcome_utility
from game.engine.view import View
from game.scenario import load_scenario, resolve
from tests.ai.seat_games import (
    decided_gain,
    level_in_seat,
    level_views,
    replayed,
    signed_where_refused,
    timed_rule_game,
    timed_seat,
)

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, answers_moved=False)


def _earlier_offers(view: View, author: int, before: int) -> list[float]:
    """What the packages `author` put to us at this venue before proposal `before` are worth to
    us, read from the public record of our answers and the proposals still before us."""
    answered = [
        a.package
        for a in view.answers
        if a.who == view.me and a.author == author and a.venue == view.venue_index and a.proposal < before
    ]
    standing = [q.package for q in view.proposals if q.author == author and q.id < before and view.me in q.to]
    return [value_with(view, package) for package in answered + standing]


def _moved(view: View, proposal: int) -> bool:
    """The rule's conditions, read from the view: the game's last venue, one counterpart, two
    rounds or more of the venue after this one, and the offer worth more to us than a package
    its author put to us before at this venue."""
    p = next(q for q in view.proposals if q.id == proposal)
    earlier = _earlier_offers(view, p.author, p.id)
    return (
        not view.venues_left
        and counterparts(view) == [p.author]
        and view.venue.rounds - view.round >= 2
        and bool(earlier)
        and value_with(view, p.package) > min(earlier)
    )


def test_the_hard_agent_signs_an_offer_that_came_its_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """timed-5 d0's game 150: the first decision the rule changes is d0's round-2 answer to d1's
    package, which gives d0 contested at its own end and is worth 0.91 to it, where d1's round-1
    package was worth 0.74: refused by the plan's hold-out without the rule ("close to what we
    need"), signed with it. d0 ends the game better off by more than 0.1 (fails with the rule
    off)."""
    assert HARD.answers_moved and not LEVELS["normal"].answers_moved
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(5, "d0", 150, HARD, WITHOUT, silent=False)
    assert view.round == 2
    assert isinstance(with_rule.action, A.Respond) and isinstance(without.action, A.Respond)
    assert with_rule.action.accept and not without.action.accept
    assert _moved(view, with_rule.action.proposal)
    p = next(q for q in view.proposals if q.id == with_rule.action.proposal)
    assert holding._moved_our_way(view, p)
    # the rounds left are read to the venue's last round as it stands: a closing session has none
    assert not holding._moved_our_way(dataclasses.replace(view, closing=True), p)
    # two rounds of the venue after this one, not one (came_our_way reads proposal ids, not rounds)
    last = view.venue.rounds
    assert holding._moved_our_way(dataclasses.replace(view, round=last - 2), p)
    assert not holding._moved_our_way(dataclasses.replace(view, round=last - 1), p)
    # only at the game's last venue: before it, the plan's hold-out answers
    assert not holding._moved_our_way(dataclasses.replace(view, venues_left=1), p)
    # only the counterpart's own move: a text of a side that does not sign here (timed-5's d2 and
    # d3) is no concession of the side across the table, even where it came our way
    others = [i for i in range(len(view.present)) if i not in view.venue.signatories]
    assert others
    with monkeypatch.context() as m:
        m.setattr(holding, "came_our_way", lambda view, p: True)
        assert holding._moved_our_way(view, p)
        assert not any(holding._moved_our_way(view, dataclasses.replace(p, author=i)) for i in others)
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert outcome_utility(kept, seat) > outcome_utility(lost, seat) + 0.1


def test_the_rule_changes_only_answers_to_moved_offers_and_the_seat_gains() -> None:
    """timed-5 d0's first 100 games (seat_games.signed_where_refused: answers signed that the level
    without the rule refuses, five or more, and a gain): each is an offer that came our way, by
    the rule's conditions read from the view (fails with the rule off, which changes none)."""
    sc, seat = timed_seat(5, "d0", silent=False)
    for view, chosen, _ in signed_where_refused(sc, seat, HARD, WITHOUT, 100):
        assert isinstance(chosen.action, A.Respond) and _moved(view, chosen.action.proposal)


def test_without_the_move_the_reading_costs(monkeypatch: pytest.MonkeyPatch) -> None:
    """At timed-5 d1 (the same table, d1's seat) d0's offers that the plan refuses come no nearer
    to d1 than d0's earlier ones, and the rule changes nothing over the first 100 games. Read
    without the move (came_our_way taken as always true), it signs there in round 2 offers the
    plan refuses "far from what we need", and the seat ends with less over those games."""
    sc, seat = timed_seat(5, "d1", silent=False)
    assert not decided_gain(sc, seat, HARD, WITHOUT, 100)[0]
    monkeypatch.setattr(holding, "came_our_way", lambda view, p: True)
    changed, gain = decided_gain(sc, seat, HARD, WITHOUT, 100)
    assert changed and gain < 0
    for view, chosen, _ in changed:
        assert view.round == 2 and isinstance(chosen.action, A.Respond) and chosen.action.accept


def test_an_offer_that_came_our_way_at_a_table_of_several_is_left_to_the_plan() -> None:
    """Only at a table of two: at astana-8 (one venue, several signatories), offers that came
    the seat's way with two rounds or more of the venue left are not read by the rule (fails
    where the rule drops its table-of-two condition)."""
    path = resolve("astana-8")
    assert path is not None
    views = level_views(load_scenario(path), 0, "hard", lambda view: not view.venues_left)
    moved = [
        (view, p)
        for view in views
        for p in view.proposals
        if view.me in p.to and not p.draft and last_round(view) - view.round >= 2 and came_our_way(view, p)
    ]
    assert moved  # the sample has offers that came a seat's way
    for view, p in moved:
        assert len(counterparts(view)) > 1
        assert not holding._moved_our_way(view, p)
