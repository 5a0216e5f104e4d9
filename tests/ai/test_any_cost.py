"""At the game's last venue, the hard agent signs a text that settles the whole agenda even where
what it costs at home would then pull it out (Level.signs_at_any_cost): by the rules such a text
stands (game.engine.flow.check_ends), so refusing it for its home cost only lets the rounds' toll
run on. Before a campaign's last venue, or for a text that leaves an issue open, it refuses as
before: there being pulled out costs it what is still to be negotiated. Since
Level.any_cost_at_deadline it signs such a text only at the venue's deadline (its last round or a
closing session; docs/lab/agents.md, "The first round at the last venue"): the seeds below are
ones where it does so there (seeds 15 and 16, where it signed one in an earlier round, no longer
have one)."""

from __future__ import annotations

from dataclasses import replace

from game.ai.answering import home_cost
from game.ai.driver import agent_rng
from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.ai.reading import deadline
from game.ai.selfplay import play
from game.engine import actions as A
from game.engine import apply, new_game, view_for
from game.engine.state import State
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers

HARD = LEVELS["hard"]
CARRY = "rejected: we could not carry it at home"


def signed_states(scenario: str, seat_id: str, seeds: range) -> list[State]:
    """The states at which the hard agent in this seat signed what the agent without the rule
    refused for its cost at home."""
    sc = load_scenario(bundled()[scenario])
    seat = [d.id for d in sc.delegations].index(seat_id)
    without = replace(HARD, signs_at_any_cost=False)
    found = []
    for seed in seeds:
        state, _ = new_game(sc, seed)
        game = play(sc, seed, game_choosers(sc, {seat: "hard"}, seed))
        for action in game.actions:
            if state.actor == seat and isinstance(action, A.Respond) and action.accept:
                view = view_for(state, seat)
                if choose(view, agent_rng(state), without).reason == CARRY:
                    found.append(state)
            state, _ = apply(state, action)
    return found


def test_the_hard_agent_signs_a_whole_text_it_cannot_carry_at_home() -> None:
    assert HARD.signs_at_any_cost and not LEVELS["normal"].signs_at_any_cost
    without = replace(HARD, signs_at_any_cost=False)
    states = signed_states("astana-8", "opposition", range(24, 26))
    assert states
    for state in states:
        view = view_for(state, state.actor)
        signed = choose(view, agent_rng(state), HARD)
        assert isinstance(signed.action, A.Respond) and signed.action.accept
        p = next(p for p in view.proposals if p.id == signed.action.proposal)
        # at the venue's deadline (any_cost_at_deadline), what it costs at home would pull the
        # seat out, and it settles the whole agenda
        assert deadline(view)
        assert view.support[view.me] - home_cost(view, p.package) <= view.collapse_support + 2
        assert {i for i in view.agenda if view.settled[i] < 0} <= {i for i, _ in p.package}
        assert choose(view, agent_rng(state), without).reason == CARRY
        # before a campaign's last venue, it refuses as before
        assert choose(replace(view, venues_left=1), agent_rng(state), HARD).reason == CARRY
