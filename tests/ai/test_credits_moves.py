"""A stonewaller that has moved (Level.credits_moves; game.ai.repeats.came_our_way): the record
reads a side as a stonewaller from the options it offered, issue by issue (reading.stonewalled),
so a side that drops from its package an issue it asked for, leaving it open at a status quo we
prefer, offers no new option and still reads as unmoved, and its offer was refused as a
take-it-or-leave-it ultimatum. Found in the random scenario timed-9, game 29 of the d1 seat
(docs/lab/agents.md, "A stonewaller that has moved")."""

from __future__ import annotations

import dataclasses

from game.ai.answering import _lopsided
from game.ai.levels import LEVELS
from game.ai.opponent import Beliefs
from game.ai.reading import fallback, stonewalled, value_with
from game.ai.repeats import came_our_way
from game.engine import actions as A
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, replayed, timed_rule_game

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, credits_moves=False)


def test_the_hard_agent_signs_a_move_it_would_have_refused_as_an_ultimatum() -> None:
    """In timed-9 d1's game 29 d0 tabled its whole package twice (the contested issue at d1's
    worst option), then, in round 2, the same package without the contested issue, which then
    stays at a status quo d1 values far more. The first decision the rule changes is d1's answer
    to that partial package: signed with the rule, refused as a stonewaller's ultimatum
    without it; the game ends with d1 better off by more than 0.3 (fails with the rule off)."""
    assert HARD.credits_moves and not LEVELS["normal"].credits_moves
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(9, "d1", 29, HARD, WITHOUT)
    assert isinstance(with_rule.action, A.Respond) and with_rule.action.accept
    assert isinstance(without.action, A.Respond) and not without.action.accept
    assert "take-it-or-leave-it" in without.reason
    (p,) = [q for q in view.proposals if q.id == with_rule.action.proposal]
    # the record reads its author as a stonewaller, yet the offer is worth more to us than its
    # whole packages before: it dropped the contested issue
    assert stonewalled(view, p.author)
    assert came_our_way(view, p)
    earlier = [a.package for a in view.answers if a.author == p.author and a.proposal < p.id]
    assert earlier and all(value_with(view, p.package) > value_with(view, q) + 0.05 for q in earlier)
    assert len(p.package) < len(earlier[0])
    beliefs = Beliefs(view, True, True, True, True)
    after, floor = value_with(view, p.package), fallback(view)
    assert _lopsided(view, p, beliefs, after, floor) and not _lopsided(view, p, beliefs, after, floor, True)
    _, refused = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    reservation = draw_types(sc, seed).delegations[seat].reservation
    assert outcome_utility(kept, seat) - reservation > outcome_utility(refused, seat) - reservation + 0.3


def test_an_unmoved_package_is_not_credited() -> None:
    """Neither a side's first package nor the same package put to us again has come our way:
    at the same decision, d0's round-1 package, and that package tabled again in place of the
    partial one, are not credited."""
    _, _, _, _, (_, view, with_rule, _) = timed_rule_game(9, "d1", 29, HARD, WITHOUT)
    assert isinstance(with_rule.action, A.Respond)
    (p,) = [q for q in view.proposals if q.id == with_rule.action.proposal]
    (first,) = [a for a in view.answers if a.author == p.author]
    assert not came_our_way(view, dataclasses.replace(p, id=first.proposal, package=first.package))
    assert not came_our_way(view, dataclasses.replace(p, package=first.package))


def test_only_the_offer_before_us_is_credited() -> None:
    """A side that moved once and then put its first demand back to us has not come our way with
    that demand: at the same decision, with the partial package still before d1, d0's whole
    package tabled after it again is not credited, though a package between them was better
    (the rule once credited every offer after any move)."""
    _, _, _, _, (_, view, with_rule, _) = timed_rule_game(9, "d1", 29, HARD, WITHOUT)
    assert isinstance(with_rule.action, A.Respond)
    (p,) = [q for q in view.proposals if q.id == with_rule.action.proposal]
    (first,) = [a for a in view.answers if a.author == p.author]
    back = dataclasses.replace(p, id=max(q.id for q in view.proposals) + 1, package=first.package)
    assert view.me in p.to and value_with(view, p.package) > value_with(view, back.package) + 0.05
    assert came_our_way(view, p)
    assert not came_our_way(view, back)


def test_a_package_put_to_another_side_is_not_read_as_one_put_to_us() -> None:
    """What a side offered a third delegation says nothing of what it offers us: with d0's
    round-1 package answered by another seat rather than by d1, and nothing else on record,
    its partial package has nothing of ours to be compared with and is not credited."""
    _, _, _, _, (_, view, with_rule, _) = timed_rule_game(9, "d1", 29, HARD, WITHOUT)
    assert isinstance(with_rule.action, A.Respond)
    (p,) = [q for q in view.proposals if q.id == with_rule.action.proposal]
    (first,) = [a for a in view.answers if a.author == p.author]
    assert first.who == view.me
    elsewhere = dataclasses.replace(first, who=p.author + 100)
    others = tuple(a for a in view.answers if a is not first)
    alone = dataclasses.replace(view, answers=(*others, elsewhere))
    assert came_our_way(view, p)
    assert not came_our_way(alone, p)
