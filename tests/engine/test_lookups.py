"""Lookups the engine keeps as tables for speed give what a scan would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from game.sim.random_scenarios import random_scenario


@given(st.integers(0, 10_000))
def test_option_index_finds_every_option_and_nothing_else(seed: int) -> None:
    for issue in random_scenario(seed).issues:
        for i, option in enumerate(issue.options):
            assert issue.option_index(option.id) == i
        assert issue.option_index("no such option") == -1
        assert issue.option_index(["not", "an", "id"]) == -1  # type: ignore[arg-type]
