"""A new game: the opening state of a scenario for a seed."""

from __future__ import annotations

from game.engine import flow, rng
from game.engine.model import Scenario
from game.engine.records import Record
from game.engine.state import RUNNING, State
from game.engine.types import draw_types
from game.engine.work import Work


def new_game(scenario: Scenario, seed: int) -> tuple[State, tuple[Record, ...]]:
    """The state before the first action, and the records of the opening (round-1 events)."""
    scenario = draw_types(scenario, seed)  # the real preferences of this game's delegations
    n = len(scenario.delegations)
    base = State(
        scenario=scenario,
        seed=seed,
        rng=rng.seed_state(seed),
        venue=0,
        round=1,
        turn=0,
        ap=0,
        closing=False,
        step=0,
        positions=tuple(d.opening for d in scenario.delegations),
        trust=tuple(d.trust for d in scenario.delegations),
        support=tuple(d.support for d in scenario.delegations),
        stability=tuple(z.stability for z in scenario.zones),
        momentum=0,
        agenda=(),
        settled=(-1,) * len(scenario.issues),
        present=(True,) * n,
        boycotted=(False,) * n,
        proposals=(),
        next_proposal=1,
        agreements=(),
        revealed=(),
        fired=(0,) * len(scenario.events),
        concessions=(0,) * n,
        offered=_zeros(scenario),
        accepted=_zeros(scenario),
        rejected=_zeros(scenario),
        moved=False,
        stall=0,
        outcome=RUNNING,
        venue_outcomes=(),
        reason="",
        toll=(0,) * n,
        answers=(),
    )
    w = Work(base)
    flow.start_venue(w, 0)
    return w.freeze(), tuple(w.records)


def _zeros(scenario: Scenario) -> tuple[tuple[tuple[int, ...], ...], ...]:
    per_issue = tuple((0,) * len(issue.options) for issue in scenario.issues)
    return (per_issue,) * len(scenario.delegations)
