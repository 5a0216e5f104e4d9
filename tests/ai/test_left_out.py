"""Before a campaign's last venue, the hard agent's partial package leaves open the issue (or
none) of best expected value by the acceptance estimate, not always the sticking point
(Level.weighs_left_out): an issue that venue leaves open ends at its status quo, so which one the
table leaves aside decides what each side keeps. At a game's last venue (a single venue's game
included) it leaves out the sticking point as before, and its games are the same."""

from __future__ import annotations

from dataclasses import replace

from game.ai.driver import agent_rng
from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.engine import actions as A
from game.engine import view_for
from game.engine.state import State
from tests.ai.seat_games import seat_states

HARD = LEVELS["hard"]
WITHOUT = replace(HARD, weighs_left_out=False)


def proposing_states(scenario: str, seat_id: str, seeds: range) -> list[State]:
    """The states at which the hard agent in this seat tabled a package."""
    return seat_states(scenario, seat_id, seeds, lambda action, _: isinstance(action, A.Propose))


def left_out(state: State, action: A.Action) -> set[str]:
    """The open issues of the venue that a proposal leaves out."""
    assert isinstance(action, A.Propose)
    sc = state.scenario
    named = {i for i, _ in action.package}
    return {sc.issues[i].id for i in state.agenda if state.settled[i] < 0} - named


def test_before_the_last_venue_the_hard_agent_weighs_what_to_leave_open() -> None:
    assert HARD.weighs_left_out and not LEVELS["normal"].weighs_left_out
    states = proposing_states("astana-to-sochi", "opposition", range(4))
    moved = []
    for state in states:
        view = view_for(state, state.actor)
        if not view.venues_left:
            continue
        weighed = choose(view, agent_rng(state), HARD)
        plain = choose(view, agent_rng(state), WITHOUT)
        both = isinstance(weighed.action, A.Propose) and isinstance(plain.action, A.Propose)
        if both and left_out(state, weighed.action) != left_out(state, plain.action):
            moved.append(state)
    # at the campaign's Astana round it leaves open another issue than the sticking point (or none)
    assert moved
    for state in moved:
        # ...and at the game's last venue the same view leaves out the sticking point as before
        view = replace(view_for(state, state.actor), venues_left=0)
        assert choose(view, agent_rng(state), HARD) == choose(view, agent_rng(state), WITHOUT)


def test_at_a_single_venue_the_rule_changes_nothing() -> None:
    for state in proposing_states("astana-8", "opposition", range(2)):
        view = view_for(state, state.actor)
        assert choose(view, agent_rng(state), HARD) == choose(view, agent_rng(state), WITHOUT)
