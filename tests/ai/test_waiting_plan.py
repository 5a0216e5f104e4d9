"""The hard agent weighs waiting by two readings (game.ai.answering.answer): next round's
aspiration on its own curve, and its plan's value of waiting (game.ai.planning), the best package
its model of the others says they would all take in a later round, weighed by the risk that the
talks end and its toll until then. It never settles for fear of waiting for less than either."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.answering import answer
from game.ai.holding import _holds_out
from game.ai.levels import LEVELS
from game.ai.offers import aspiration
from game.ai.opponent import Beliefs
from game.ai.planning import plan
from game.ai.reading import value_with
from game.engine.state import Proposal
from game.engine.view import View
from tests.ai.test_trend import WAITING, hard_answers

HARD = LEVELS["hard"]


def _whole(view: View, p: Proposal) -> bool:
    """Whether the package settles every open issue (nothing left to hope for later)."""
    return all(any(i == j for j, _ in p.package) for i in view.agenda if view.settled[i] < 0)


@settings(max_examples=15, deadline=None)
@given(index=st.integers(0, 10_000), seed=st.integers(0, 2**32))
def test_the_hard_agent_never_settles_for_fear_of_waiting_below_its_plan(index: int, seed: int) -> None:
    """On random scenarios, wherever the hard agent accepts a whole package because waiting is not
    worth the risk, that package is worth at least what its plan says waiting is worth."""
    for view, p in hard_answers(None, index, seed):
        beliefs = Beliefs(view, HARD.learns)
        aim = aspiration(view, HARD)
        held = plan(view, beliefs, HARD)
        if _holds_out(view, HARD, held, aim) or held.later is None:
            continue  # it answers by the plan alone there (the planned path), or has no plan
        decision = answer(view, p, aim, HARD, beliefs, held=held)
        if decision.reason == WAITING and _whole(view, p):
            assert value_with(view, p.package) >= held.waiting - 1e-9


def test_the_plan_changes_answers_at_astana() -> None:
    """Not vacuous: along astana-8 games there are answers the hard agent would have settled by
    its own curve alone, and refuses because its plan says waiting is worth more; and none it
    accepts that its curve alone would refuse (the plan only ever raises what waiting is worth)."""
    refused = 0
    for seed in range(6):
        for view, p in hard_answers("astana-8", seed, seed):
            beliefs = Beliefs(view, HARD.learns)
            aim = aspiration(view, HARD)
            held = plan(view, beliefs, HARD)
            if _holds_out(view, HARD, held, aim):
                continue
            alone = answer(view, p, aim, HARD, beliefs)
            both = answer(view, p, aim, HARD, beliefs, held=held)
            if both.action.accept:
                assert alone.action.accept
            if alone.reason == WAITING and not both.action.accept:
                refused += 1
    assert refused > 0


def test_a_plan_with_nothing_to_wait_for_changes_nothing() -> None:
    """Where the plan finds no later package every counterpart would take, its value of waiting
    is only what the agent has without a deal: the answers are those of its curve alone."""
    for view, p in hard_answers("astana-8", 1, 1):
        beliefs = Beliefs(view, HARD.learns)
        aim = aspiration(view, HARD)
        held = dataclasses.replace(plan(view, beliefs, HARD), later=None, waiting=1.0)
        assert answer(view, p, aim, HARD, beliefs, held=held) == answer(view, p, aim, HARD, beliefs)
