"""Signing at any cost only at the deadline (Level.any_cost_at_deadline, on in the hard level;
game.ai.answering.answer; docs/lab/agents.md, "The first round at the last venue"): the hard
agent signs a text that settles the game's last venue even where what it costs at home would pull
it out (signs_at_any_cost), but only in the venue's last round or its closing session. Before
that it refuses such an offer for its cost, as every level does. In the random scenario timed-14
(as a file writes it; one venue of three rounds, a table of two and an observer) the hard d0 signed
d1's round-1 whole package, weighing waiting, where the normal agent refused it for its cost and d1,
a conceder, offered more in round 2."""

from __future__ import annotations

import dataclasses
from functools import cache

from game.ai.answering import home_cost
from game.ai.levels import LEVELS
from game.ai.reading import Decision, deadline, left_open
from game.engine import actions as A
from game.engine import view_for
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from game.engine.view import View
from game.sim.simulate import game_seed
from tests.ai.seat_games import (
    decided_gain,
    level_in_seat,
    replayed,
    timed_rule_game,
    timed_seat,
)

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, any_cost_at_deadline=False)
AT_HOME = "rejected: we could not carry it at home"


def test_the_hard_agent_refuses_a_costly_first_offer_before_the_deadline() -> None:
    """timed-14 d0's game 59: the first decision the rule changes is d0's answer in round 1 to
    d1's whole package (contested at o2), whose cost at home would take d0's support to within 2
    of collapse: signed without the rule ("waiting for better is not worth the risk"), refused with
    it for its cost. d1 then offers contested at o3 in round 2, d0 signs it, and d0 ends the game
    better off by more than 0.1 (fails with the rule off)."""
    assert HARD.any_cost_at_deadline and HARD.signs_at_any_cost and not LEVELS["normal"].any_cost_at_deadline
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(14, "d0", 59, HARD, WITHOUT, silent=False)
    assert view.round == 1 and not deadline(view) and not view.venues_left
    assert isinstance(with_rule.action, A.Respond) and isinstance(without.action, A.Respond)
    assert not with_rule.action.accept and without.action.accept and with_rule.reason == AT_HOME
    p = next(q for q in view.proposals if q.id == with_rule.action.proposal)
    assert not left_open(view, p.package)
    assert view.support[seat] - home_cost(view, p.package) <= view.collapse_support + 2
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    reservation = draw_types(sc, seed).delegations[seat].reservation
    assert outcome_utility(kept, seat) - reservation > outcome_utility(lost, seat) - reservation + 0.1


def test_at_the_deadline_it_still_signs_at_any_cost() -> None:
    """timed-14 d0's game 243: in the venue's last round the hard agent signs d1's whole package
    though its cost at home would pull it out, with the rule as without it (the rule changes no
    decision at the deadline); the normal agent's refusal for that cost there ends the game with
    nothing signed."""
    sc, seat = timed_seat(14, "d0", silent=False)
    seed = game_seed(0, 243)
    steps, final = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
    costly = []
    for state, action in steps:
        if state.actor != seat or not isinstance(action, A.Respond) or not action.accept:
            continue
        view = view_for(state, seat)
        p = next(q for q in view.proposals if q.id == action.proposal)
        if view.support[seat] - home_cost(view, p.package) <= view.collapse_support + 2:
            costly.append(view)
    assert costly and all(deadline(view) for view in costly)
    assert final.agreements


@cache
def _decided() -> tuple[tuple[tuple[View, Decision, Decision], ...], float]:
    """Over the tournament's first 60 games in timed-14 d0: the first decision the rule changes
    in each game it decides, and the seat's gain with the rule over them (seat_games.decided_gain,
    rule_decisions and seat_gain in one pass over the same games, the same values): worked out
    once for the two tests that read them (neither patches anything)."""
    sc, seat = timed_seat(14, "d0", silent=False)
    changed, gain = decided_gain(sc, seat, HARD, WITHOUT, 60)
    return tuple(changed), gain


def test_the_rule_acts_only_before_the_deadline_on_costly_texts() -> None:
    """Over timed-14 d0's first 60 games, every decision the rule changes is a refusal, before the
    venue's deadline, of a whole package of the game's last venue for its cost at home, which the
    level without it signs or refuses for another reason; and it changes some signatures (fails
    with the rule off, which changes none)."""
    changed, _ = _decided()
    assert len(changed) >= 5
    for view, chosen, otherwise in changed:
        assert not deadline(view) and not view.venues_left
        assert isinstance(chosen.action, A.Respond) and not chosen.action.accept and chosen.reason == AT_HOME
        assert isinstance(otherwise.action, A.Respond) and otherwise.action.proposal == chosen.action.proposal
        assert otherwise.reason != AT_HOME
    assert sum(isinstance(o.action, A.Respond) and o.action.accept for _, _, o in changed) >= 5


def test_the_tournament_seat_gains() -> None:
    """Over the tournament's first 60 games in timed-14 d0, the seat ends with more in total with
    the rule than without it."""
    assert _decided()[1] > 0
