"""Where time is against it, the hard agent picks the better of two offers it would sign
(Level.picks_better, game.ai.answering.better_alive): it refuses the worse while the better is
still alive and likely enough to pass, so the table cannot settle on the worse one."""

from __future__ import annotations

from dataclasses import replace

from game.ai.driver import agent_rng
from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.ai.opponent import Beliefs
from game.ai.planning import patient, read_sides
from game.ai.reading import value_with
from game.engine import actions as A
from game.engine import view_for
from game.engine.state import PENDING, REJECTED, State
from tests.ai.seat_games import seat_states

PICKED = "rejected: a better offer before us can still pass"


def picked_states(scenario: str, seat_id: str, seeds: range) -> list[State]:
    """The states at which the hard agent in this seat refused an offer for a better one."""
    return seat_states(scenario, seat_id, seeds, lambda _, reason: reason == PICKED)


def test_the_hard_agent_refuses_the_worse_of_two_offers_at_astana() -> None:
    """In astana-8's opposition seat (it bleeds more a round than the others) the rule decides:
    at each such turn the hard agent refuses an offer that the same agent without the rule
    signs, while a better offer before it is alive."""
    assert LEVELS["hard"].picks_better and not LEVELS["normal"].picks_better
    without = replace(LEVELS["hard"], picks_better=False)
    states = picked_states("astana-8", "opposition", range(8))
    assert states
    for state in states:
        view = view_for(state, state.actor)
        refused = choose(view, agent_rng(state), LEVELS["hard"]).action
        signed = choose(view, agent_rng(state), without).action
        assert isinstance(refused, A.Respond) and not refused.accept
        assert isinstance(signed, A.Respond) and signed.accept and signed.proposal == refused.proposal
        assert not patient(view, read_sides(view, Beliefs(view, True)))
        worth = value_with(view, next(p for p in view.proposals if p.id == refused.proposal).package)
        better = [
            q
            for q in view.proposals
            if q.id != refused.proposal
            and q.author != view.me
            and q.response_of(view.me) == PENDING
            and REJECTED not in q.responses
            and value_with(view, q.package) > worth
        ]
        assert better


def test_a_patient_side_does_not_pick() -> None:
    """Where time is on its side (astana-8's government bleeds least), it signs as before."""
    assert not picked_states("astana-8", "government", range(4))
