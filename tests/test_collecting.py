"""fewer_collections: the collector's youngest generation waits longer inside the block, and
whatever thresholds the process had are back after it, on the way out of an error too."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from game.collecting import YOUNG, fewer_collections


@pytest.fixture(autouse=True)
def _thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_the_youngest_generation_waits_inside_and_the_thresholds_return_after() -> None:
    gc.set_threshold(700, 11, 12)
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG, 11, 12)
        assert gc.isenabled()
    assert gc.get_threshold() == (700, 11, 12)


def test_the_thresholds_return_after_an_error() -> None:
    gc.set_threshold(500, 10, 10)
    with pytest.raises(ValueError), fewer_collections():
        raise ValueError("boom")
    assert gc.get_threshold() == (500, 10, 10)


@pytest.mark.parametrize("first", [0, YOUNG, 5 * YOUNG])
def test_a_process_that_collects_less_already_is_left_as_it_is(first: int) -> None:
    """0 is collection switched off by the process (left off); a higher threshold is not lowered."""
    gc.set_threshold(first, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == (first, 10, 10)
    assert gc.get_threshold() == (first, 10, 10)


def test_blocks_nest() -> None:
    gc.set_threshold(700, 10, 10)
    with fewer_collections():
        with fewer_collections():
            assert gc.get_threshold()[0] == YOUNG
        assert gc.get_threshold()[0] == YOUNG
    assert gc.get_threshold() == (700, 10, 10)
