"""An adjourned venue's closing session is the end of that venue: no round follows, whatever
its round count says. Agents that read only the round count refused offers there "for a better
one next round", and the venue closed with nothing (docs/lab/agents.md, "Where simply accepting beats
hard")."""

from __future__ import annotations

import functools

from game.ai.levels import LEVELS as LEVELS_BY_NAME
from game.ai.negotiator import choose
from game.ai.opponent import Beliefs
from game.ai.planning import plan
from game.ai.reading import deadline, fallback, horizon, next_round_chance
from game.ai.words import band
from game.engine import Respond
from game.engine.rng import Rng
from game.engine.state import PENDING
from game.engine.view import View
from tests.ai.seat_games import level_views
from tests.sim.timed_scenarios import timed_scenario

LEVELS = ("easy", "normal", "hard")
# the games searched (shared by both tests: about one game in twelve reaches such a session)
SEEDS = 100
# what an agent says when it refuses only because it hopes for better later: the three bands of
# game.ai.words.band between walking away and its aim
HOLDING_OUT = {f"rejected: {band(value, 0.0, 1.0)}" for value in (0.9, 0.5, 0.1)}


@functools.cache
def _adjourned_closings(index: int) -> tuple[View, ...]:
    """The views, along an all-normal game of timed random scenario `index` (a breakdown risk
    that grows: tests/sim/timed_scenarios.py), of a delegation owing an answer in the closing
    session of a venue adjourned before its last round."""

    def keep(view: View) -> bool:
        owed = any(p.author != view.me and p.response_of(view.me) == PENDING for p in view.proposals)
        return view.closing and view.round < view.venue.rounds and owed

    return tuple(level_views(timed_scenario(index), index, "normal", keep))


def test_an_adjourned_closing_session_is_read_as_the_deadline() -> None:
    views = [view for index in range(SEEDS) for view in _adjourned_closings(index)]
    assert views, "no random game of these seeds reached an adjourned venue's closing session"
    hard = LEVELS_BY_NAME["hard"]
    for view in views:
        assert deadline(view)
        assert next_round_chance(view) == 0.0
        assert horizon(view) == view.round
        # the hard agent's plan of holding out finds no later round to hold out for: waiting is
        # worth what it has without a deal
        held = plan(view, Beliefs(view, hard.learns, hard.reads_deeds, hard.reads_refusals), hard)
        assert held.later is None and held.waiting == fallback(view)


def test_no_level_holds_out_for_a_round_an_adjournment_has_cancelled() -> None:
    """In an adjourned venue's closing session every level signs what beats walking away (with
    its trust margin) rather than refuse it in the hope of a next round; it may still refuse for
    a red line, its support at home, trust, or a stonewaller's ultimatum."""
    signed = 0
    for index in range(SEEDS):
        for view in _adjourned_closings(index):
            for level in LEVELS:
                decision = choose(view, Rng(index), level)
                assert isinstance(decision.action, Respond), (index, level, decision)
                assert decision.reason not in HOLDING_OUT, (index, level, view.round, decision)
                signed += decision.action.accept
    assert signed > 0
