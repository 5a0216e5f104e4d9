"""apply()'s shortcut for a pass (apply.quick_pass) against the whole path (apply.full_apply): at
every state of random games on random scenarios, a pass by each delegation either goes the whole
way (quick_pass says None) or gives the very state and records the whole path gives, and never
takes a pass the whole path refuses. flow.quiet, which stands for the end conditions there, is
held to check_ends itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, replace

from game.ai.selfplay import play as ai_play
from game.engine import actions as A
from game.engine import flow
from game.engine.apply import apply, full_apply, quick_pass
from game.engine.errors import GameError
from game.engine.state import State
from game.engine.work import Work
from game.sim.random_scenarios import random_scenario
from tests.engine.conftest import random_game, start

QUICK_FIELDS = ("ap", "step", "turn")  # all a quick pass changes


def agent_states(seed: int) -> Iterator[State]:
    """Every state of the normal agents' game on a random scenario: deeper games, more drafts."""
    sc = random_scenario(seed)
    state = start(sc, seed)
    yield state
    for action in ai_play(sc, seed).actions:
        state, _ = apply(state, action)
        yield state


def compare(state: State, counts: dict[str, int]) -> None:
    for delegation in state.scenario.delegations:
        action = A.Pass(delegation.id)
        quick = quick_pass(state, action)
        try:
            full = full_apply(state, action)
        except GameError:
            assert quick is None, f"quick_pass took a pass the engine refuses: {action}"
            counts["refused"] += 1
            continue
        if quick is None:
            counts["whole way"] += 1
            continue
        counts["quick"] += 1
        assert quick == full  # the state (every field) and the records, in order
        after, before = quick[0], state
        for f in fields(State):
            if f.name not in QUICK_FIELDS:
                # shared with the state before, as the working copy's freeze shares what it left alone
                assert getattr(after, f.name) is getattr(before, f.name), f.name
        assert apply(state, action) == full


def test_a_quick_pass_is_the_whole_path_on_random_games() -> None:
    counts = {"refused": 0, "whole way": 0, "quick": 0}
    for seed in range(60):
        for state in random_game(seed):
            compare(state, counts)
    for seed in range(15):
        for state in agent_states(seed):
            compare(state, counts)
    # each way is taken often, so the comparison means something
    assert min(counts.values()) > 200, counts


def test_quiet_means_the_end_conditions_change_nothing() -> None:
    seen = {True: 0, False: 0}
    for seed in range(200):
        for state in random_game(seed):
            quiet = flow.quiet(state)
            seen[quiet] += 1
            if quiet:
                w = Work(state)
                flow.check_ends(w)
                assert w.records == [] and w.freeze() == state
    assert min(seen.values()) > 100, seen


def test_not_quiet_wherever_the_end_conditions_would_act() -> None:
    from game.scenario import bundled, load_scenario

    sc = load_scenario(bundled()["astana-8"])
    state = start(sc, 3)
    assert flow.quiet(state)
    signatories = sc.venues[state.venue].signatories
    collapse = sc.rules.collapse_support
    odd = {
        "a support collapsed": {"support": (collapse,) * len(state.support)},
        "the agenda settled": {"settled": tuple(0 for _ in state.settled)},
        "no momentum": {"momentum": 0},
        "signatories gone": {"present": tuple(d not in signatories for d in range(len(state.present)))},
        "nothing on the agenda": {"agenda": ()},
    }
    for why, changes in odd.items():
        changed = replace(state, **changes)
        assert not flow.quiet(changed), why
        w = Work(changed)
        flow.check_ends(w)
        assert any(r.kind == "venue_end" for r in w.records), why  # check_ends does act there
        assert quick_pass(changed, A.Pass(sc.delegations[state.actor].id)) is None, why


def test_the_quick_pass_is_taken_in_a_bundled_game_and_refusals_are_the_engines() -> None:
    from game.scenario import bundled, load_scenario

    sc = load_scenario(bundled()["astana-8"])
    state = start(sc, 3)
    actor = sc.delegations[state.actor].id
    other = next(d.id for d in sc.delegations if d.id != actor)
    assert quick_pass(state, A.Pass(other)) is None  # not its turn: the engine says why
    try:
        apply(state, A.Pass(other))
    except GameError as exc:
        assert "turn" in str(exc)
    else:
        raise AssertionError("a pass out of turn was taken")
    passed = quick_pass(state, A.Pass(actor))
    assert passed is not None and passed == full_apply(state, A.Pass(actor))
    assert passed[1][0].kind == "pass" and passed[0].step == state.step + 1
