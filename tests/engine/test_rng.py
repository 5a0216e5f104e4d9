"""The generator's two forms: Rng.random (the agents' stream, written out for speed) draws the
very floats next_float gives, from any state."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import game.engine.rng as rng_module
from game.engine.rng import MASK, Rng, next_float


@given(st.integers(-(2**70), 2**70), st.integers(1, 40))
def test_rng_random_is_next_float_drawn_in_turn(state: int, draws: int) -> None:
    rng = Rng(state)
    reference = state & MASK
    for _ in range(draws):
        reference, expected = next_float(reference)
        value = rng.random()
        assert value == expected
        assert 0.0 <= value < 1.0
        assert rng.state == reference


def test_the_edges_of_the_state_space_draw_as_next_float() -> None:
    for state in (0, 1, MASK, MASK - 0x9E3779B97F4A7C15, 0x9E3779B97F4A7C15):
        rng = Rng(state)
        assert [rng.random() for _ in range(3)] == [next_float(s)[1] for s in _states(state & MASK, 3)]


def _states(state: int, n: int) -> list[int]:
    out = []
    for _ in range(n):
        out.append(state)
        state, _ = next_float(state)
    return out


@given(st.integers(-(2**70), 2**70), st.integers(0, 300), st.integers(0, 3))
def test_floats_are_the_numbers_random_draws_in_turn(state: int, n: int, before: int) -> None:
    # floats(n) draws n at once (packed lanes from 4 on): the same floats, the same state after,
    # and the stream goes on from there
    packed, single = Rng(state), Rng(state)
    for _ in range(before):
        assert packed.random() == single.random()
    assert packed.floats(n) == [single.random() for _ in range(n)]
    assert packed.state == single.state
    assert packed.random() == single.random()


def test_floats_at_the_edges_of_the_state_space() -> None:
    # lanes whose state wraps past 2**64, and the all-ones state, draw as random() does
    for state in (0, 1, MASK, MASK - 0x9E3779B97F4A7C15, MASK - 5, 0x9E3779B97F4A7C15):
        for n in (0, 1, 3, 4, 5, 64, 257):
            rng = Rng(state)
            assert rng.floats(n) == [next_float(s)[1] for s in _states(state & MASK, n)]


def test_floats_read_the_lanes_by_an_explicit_byte_order(monkeypatch: pytest.MonkeyPatch) -> None:
    # a machine that stores words high byte first takes the struct path: the same numbers as
    # the memoryview path reads here (with a native read there it drew zeros)
    expected = {n: Rng(12345).floats(n) for n in (4, 5, 64)}
    monkeypatch.setattr(rng_module, "_LITTLE", False)
    for n, numbers in expected.items():
        assert Rng(12345).floats(n) == numbers
        assert all(x > 0.0 for x in numbers[:3])


@given(st.integers(-(2**70), 2**70), st.integers(0, 5))
def test_skip_holds_the_next_number_and_moves_past_it(state: int, later: int) -> None:
    skipping, plain = Rng(state), Rng(state)
    held = skipping.skip()
    first = plain.random()
    assert [skipping.random() for _ in range(later)] == [plain.random() for _ in range(later)]
    assert held.random() == first
