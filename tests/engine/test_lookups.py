"""Lookups the engine keeps as tables for speed give what a scan would."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai import play as ai_play
from game.engine import State, apply, new_game
from game.engine.situation import Situation, _turn_refusal, from_state
from game.sim.random_scenarios import random_scenario


@given(st.integers(0, 10_000))
def test_option_index_finds_every_option_and_nothing_else(seed: int) -> None:
    for issue in random_scenario(seed).issues:
        for i, option in enumerate(issue.options):
            assert issue.option_index(option.id) == i
        assert issue.option_index("no such option") == -1
        assert issue.option_index(["not", "an", "id"]) == -1  # type: ignore[arg-type]


def _situation_afresh(state: State, me: int) -> Situation:
    sc = state.scenario
    return Situation(
        me=me,
        own=sc.delegations[me],
        ids=tuple(d.id for d in sc.delegations),
        names=tuple(d.name for d in sc.delegations),
        delegation_index={d.id: i for i, d in enumerate(sc.delegations)},
        issue_index={x.id: i for i, x in enumerate(sc.issues)},
        roles=tuple(d.role for d in sc.delegations),
        patrons=tuple(d.patrons for d in sc.delegations),
        red_lines=tuple(d.red_lines for d in sc.delegations),
        issues=sc.issues,
        venue=sc.venues[state.venue],
        rules=sc.rules,
        round=state.round,
        ap=state.ap if state.actor == me else 0,
        closing=state.closing,
        not_my_turn=_turn_refusal(state.over, state.actor, me, tuple(d.name for d in sc.delegations)),
        positions=state.positions,
        agenda=state.agenda,
        settled=state.settled,
        present=state.present,
        proposals=state.proposals,
    )


@settings(max_examples=8, deadline=None)
@given(st.integers(0, 10_000))
def test_a_situation_is_its_states_at_every_move_of_a_campaign(seed: int) -> None:
    """from_state reads the scenario's part of a Situation once per venue and seat (held by the
    scenario): at every move of a random game, for every seat, it is the Situation read afresh,
    own delegation included (an event that moves a walk-away value gives the game another
    scenario, whose delegation it must then be)."""
    sc = random_scenario(seed)
    state, _ = new_game(sc, seed)
    states = [state]
    for action in ai_play(sc, seed).actions:
        state, _ = apply(state, action)
        states.append(state)
    for state in states:
        for me in range(len(state.scenario.delegations)):
            assert from_state(state, me) == _situation_afresh(state, me)
            assert from_state(state, me).own is state.scenario.delegations[me]


def test_a_situation_follows_a_moved_walk_away() -> None:
    """The scenario a walk_away effect gives the game holds the moved delegation, and the
    Situation the engine checks with reads it, not the opening's."""
    sc = random_scenario(7)
    state, _ = new_game(sc, 7)
    from_state(state, 0)  # read once for the opening's scenario
    dl = state.scenario.delegations[0]
    moved = dataclasses.replace(
        state.scenario, delegations=(dataclasses.replace(dl, reservation=0.5), *state.scenario.delegations[1:])
    )
    later = dataclasses.replace(state, scenario=moved)
    assert from_state(later, 0).own.reservation == 0.5
    assert from_state(later, 0) == _situation_afresh(later, 0)
    assert from_state(state, 0).own is dl


def test_the_delegations_signing_anywhere_are_every_venues_signatories_in_order() -> None:
    """Scenario.signing: the seats a tournament measures and the debrief's signatories, in a
    campaign those of both venues (the platforms sign at Sochi only, the opposition at Astana)."""
    from game.scenario import bundled, load_scenario

    for name in ("astana-8", "astana-to-sochi", "sochi-congress"):
        sc = load_scenario(bundled()[name])
        union = {d for v in sc.venues for d in v.signatories}
        assert sc.signing == tuple(sorted(union))
        assert all(set(v.signatories) <= set(sc.signing) for v in sc.venues)
    campaign = load_scenario(bundled()["astana-to-sochi"])
    astana, sochi = (set(v.signatories) for v in campaign.venues)
    assert astana - sochi and sochi - astana and set(campaign.signing) == astana | sochi
