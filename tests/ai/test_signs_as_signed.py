"""An offer of a package we have signed (Level.signs_as_signed, on in the hard level;
game.ai.signed; docs/lab/agents.md, "An offer of a package we have signed"): an offer put to us
of a package we have accepted in another proposal that nobody has refused is signed. Drafts are
answered first and without the plan, so a planner could sign the mediator's draft and then
refuse, holding out by its plan, the counterpart's offer of the same package, which its yes would
have made the agreement. In the
random scenario timed-14 (as a file writes it; one venue of three rounds, d0 and d1 with the
mediator d2) the hard d0 did that in round 2, d1 refused the draft in round 3, and nothing was
signed."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS
from game.ai.signed import signed_as_much
from game.engine import actions as A
from game.engine.state import ACCEPTED, REJECTED
from game.engine.utility import outcome_utility
from tests.ai.seat_games import decided_gain, level_in_seat, replayed, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, signs_as_signed=False)
SIGNED = "accepted: we have signed as much already"


def test_the_hard_agent_signs_what_it_has_signed() -> None:
    """timed-14 d0's game 240: the first decision the rule changes is d0's answer in round 2 to
    d1's offer of the package d0 has just signed as the mediator's draft: refused without the
    rule (the plan holds out), signed with it; the agreement is made in round 2, where without
    the rule nothing is signed, and d0 ends better off by more than 0.3 (fails with the rule off)."""
    assert HARD.signs_as_signed and not LEVELS["normal"].signs_as_signed
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(14, "d0", 240, HARD, WITHOUT, silent=False)
    assert isinstance(with_rule.action, A.Respond) and with_rule.action.accept and with_rule.reason == SIGNED
    assert isinstance(without.action, A.Respond) and not without.action.accept
    p = next(q for q in view.proposals if q.id == with_rule.action.proposal)
    draft = next(q for q in view.proposals if q.draft)
    assert not p.draft and draft.package == p.package
    assert draft.response_of(seat) == ACCEPTED and REJECTED not in draft.responses
    assert signed_as_much(view, p)
    # a proposal of the package that someone has refused no longer stands: nothing to sign for it
    refused = tuple(REJECTED if who != seat else answer for who, answer in zip(draft.to, draft.responses, strict=True))
    others = tuple(dataclasses.replace(q, responses=refused) if q.id == draft.id else q for q in view.proposals)
    assert not signed_as_much(dataclasses.replace(view, proposals=others), p)
    assert [a.round for a in kept.agreements] == [2]
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert not lost.agreements
    assert outcome_utility(kept, seat) > outcome_utility(lost, seat) + 0.3


def test_the_rule_signs_only_what_was_signed_and_the_seat_gains() -> None:
    """Over timed-14 d0's first 300 games, every decision the rule changes is a yes, for that
    reason, to an offer of the package of a standing proposal the seat has signed; it changes
    some (fails with the rule off, which changes none); and the seat ends with more, summed over
    the games it changes (a game where the rule decides nothing plays the same without it: the
    rule draws nothing from the generator)."""
    sc, seat = timed_seat(14, "d0", silent=False)
    decided, gain = decided_gain(sc, seat, HARD, WITHOUT, 300)
    assert decided
    for view, chosen, otherwise in decided:
        assert isinstance(chosen.action, A.Respond) and chosen.action.accept and chosen.reason == SIGNED
        assert isinstance(otherwise.action, A.Respond) and not otherwise.action.accept
        p = next(q for q in view.proposals if q.id == chosen.action.proposal)
        assert any(q.response_of(seat) == ACCEPTED and q.package == p.package for q in view.proposals if q.id != p.id)
    assert gain > 0
