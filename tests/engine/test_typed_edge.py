"""`apply` refuses a malformed action with InvalidAction whatever its fields hold (issue 14): the
types are checked at the edge, so the rules behind it never see a wrongly typed value. Also the
fuzz target for `apply` (brief here; bench/fuzz.py runs it at length)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.engine import GameError, InvalidAction, Respond, State, apply, new_game, view_for
from game.engine import actions as A
from game.engine.hashing import state_hash
from game.scenario import load_scenario
from tests.engine.conftest import MINI_PATH

MINI = load_scenario(MINI_PATH)


def with_open_proposal() -> State:
    """A state where the actor has a proposal to answer: the AI plays until one is put to it."""
    state, _ = new_game(MINI, 7)
    for _ in range(200):
        view = view_for(state, state.actor)
        if any(state.actor in p.to for p in state.proposals):
            return state
        state, _ = apply(state, chooser("normal")(view, agent_rng(state)).action)
    raise AssertionError("no proposal was ever put to the actor")


def test_an_answer_of_the_wrong_types_is_refused() -> None:
    """accept='no' used to count as an acceptance (a non-empty string), and the save of that game
    could never be loaded."""
    state = with_open_proposal()
    actor = MINI.delegations[state.actor].id
    proposal = next(p for p in state.proposals if state.actor in p.to)
    for bad in (
        Respond(actor, True, False),  # type: ignore[arg-type]
        Respond(actor, proposal.id, "no"),  # type: ignore[arg-type]
        Respond(actor, float(proposal.id), True),  # type: ignore[arg-type]
        Respond(actor, str(proposal.id), True),  # type: ignore[arg-type]
        Respond(actor, proposal.id, 1),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidAction):
            apply(state, bad)
    after, _ = apply(state, Respond(actor, proposal.id, False))
    assert after.step == state.step + 1


@pytest.mark.parametrize(
    "bad",
    [
        A.Pass(["red"]),  # type: ignore[arg-type]
        A.Pass(None),  # type: ignore[arg-type]
        A.Propose("red", [("prisoners", "some")], ("blue",)),  # type: ignore[arg-type]
        A.Propose("red", (("prisoners", 1),), ("blue",)),  # type: ignore[arg-type]
        A.Propose("red", (("prisoners",),), ("blue",)),  # type: ignore[arg-type]
        A.Propose("red", (("prisoners", "some"),), "blue"),  # type: ignore[arg-type]
        A.Propose("red", (("prisoners", "some"),), ({"blue"},)),  # type: ignore[arg-type]
        A.Draft("envoy", {"prisoners": "some"}),  # type: ignore[arg-type]
        A.Concede("red", 0, 1),  # type: ignore[arg-type]
        A.Statement("red", ["hardline"], ""),  # type: ignore[arg-type]
        A.Statement("red", "hardline", None),  # type: ignore[arg-type]
        A.Pressure("big", b"red", "truce"),  # type: ignore[arg-type]
        A.Meet("red", 3),  # type: ignore[arg-type]
    ],
    ids=repr,
)
def test_wrongly_typed_fields_are_invalid_actions(bad: A.Action) -> None:
    state, _ = new_game(MINI, 7)
    with pytest.raises(InvalidAction):
        apply(state, bad)


# --- the fuzz target -----------------------------------------------------------------------

IDS = [d.id for d in MINI.delegations] + [i.id for i in MINI.issues] + ["hardline", "conciliatory", "some", "all"]
_scalars = st.one_of(
    st.sampled_from(IDS),
    st.text(max_size=6),
    st.integers(-3, 40),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=True),
    st.binary(max_size=3),
)
anything = st.recursive(
    _scalars, lambda inner: st.one_of(st.lists(inner, max_size=3), st.tuples(inner, inner)), max_leaves=6
)


@st.composite
def actions(draw: st.DrawFn) -> A.Action:
    kind = draw(st.sampled_from(list(A.ACTION_TYPES.values())))
    values = {f.name: draw(anything) for f in dataclasses.fields(kind)}
    return kind(**values)


def fuzz_apply(state: State, action: A.Action) -> None:
    """The property: refused with a GameError (state untouched), or applied to a valid state."""
    before = state_hash(state)
    try:
        after, records = apply(state, action)
    except GameError:
        assert state_hash(state) == before
        return
    assert after.step == state.step + 1 or after.closing or after.over
    assert isinstance(records, tuple)
    state_hash(after)  # every field of the new state is hashable as the rules expect


START, _ = new_game(MINI, 7)
MIDDLE = with_open_proposal()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(action=actions(), middle=st.booleans())
def test_apply_takes_anything_and_refuses_or_applies(action: A.Action, middle: bool) -> None:
    fuzz_apply(MIDDLE if middle else START, action)


def fuzz_values() -> Any:
    """For bench/fuzz.py: the strategies, to run the same target at length."""
    return actions()
