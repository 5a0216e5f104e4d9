"""States, views, records and proposals are filled in directly (game.engine.state.frozen), not
through their dataclass __init__: they must still be exactly what the constructor would make."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.selfplay import play
from game.engine import Record, State, View, apply, new_game, view_for
from game.engine.model import Delegation
from game.engine.state import Proposal, frozen
from game.engine.types import draw_types
from game.engine.work import Work
from game.scenario import bundled, load_scenario
from game.sim.random_scenarios import random_scenario


def _is_whole(obj: object) -> bool:
    """Every field set, nothing else, and equal to what the constructor makes of the same values."""
    names = {f.name for f in dataclasses.fields(obj)}  # type: ignore[arg-type]
    return set(vars(obj)) == names and dataclasses.replace(obj) == obj  # type: ignore[type-var]


def test_frozen_fits_only_plain_frozen_dataclasses() -> None:
    for cls in (State, View, Record, Proposal, Delegation):
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
        assert not hasattr(cls, "__post_init__") and "__slots__" not in vars(cls)


def test_frozen_is_the_constructor_without_its_cost() -> None:
    state, _ = new_game(random_scenario(0), 0)
    values = {f.name: getattr(state, f.name) for f in dataclasses.fields(State)}
    made = frozen(State, values)
    assert made == State(**values) and type(made) is State and _is_whole(made)
    try:
        made.round = 9  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a state made by frozen() can be written")


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000))
def test_every_state_and_view_of_a_game_is_whole(seed: int) -> None:
    sc = random_scenario(seed)
    state, _ = new_game(sc, seed)
    for action in play(sc, seed).actions:
        state, records = apply(state, action)
        assert _is_whole(state) and _is_whole(Work(state).freeze())
        assert _is_whole(view_for(state, state.actor))
        assert all(_is_whole(r) for r in records) and all(_is_whole(p) for p in state.proposals)


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 10**6))
def test_every_drawn_delegation_is_whole(seed: int) -> None:
    # a game's drawn delegations are filled in directly from the file's: each must still be
    # what the constructor makes of the drawn values
    for path in bundled().values():
        sc = load_scenario(path)
        game = draw_types(sc, seed)
        for d, central in zip(game.delegations, sc.delegations, strict=True):
            assert type(d) is Delegation and _is_whole(d)
            assert d == dataclasses.replace(central, weights=d.weights, values=d.values, reservation=d.reservation)
