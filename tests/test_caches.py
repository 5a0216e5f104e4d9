"""Caches that live as long as the process stay bounded (play --watch and long runs of
test-scenario meet many scenario versions; a long session hashes many states)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from game.engine import hashing
from game.engine.setup import new_game
from game.scenario import load_scenario
from game.sim import simulate

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"


def test_the_judges_kept_are_the_last_few_scenarios_met() -> None:
    base = load_scenario(MINI)
    versions = [dataclasses.replace(base, content_hash=f"{k:064x}") for k in range(3 * simulate._JUDGES_KEPT)]
    judges = [simulate.judge_for(v) for v in versions]
    assert len(simulate._judges) == simulate._JUDGES_KEPT
    assert simulate.judge_for(versions[-1]) is judges[-1]  # the latest is reused, not recomputed
    assert simulate.judge_for(versions[0]) is not judges[0]  # the oldest was let go


def test_the_hash_cache_stays_within_its_size() -> None:
    scenario = load_scenario(MINI)
    peak = 0
    for seed in range(3 * hashing._CACHE_SIZE // 5):
        state, _ = new_game(scenario, seed)
        hashing.state_hash(state)
        peak = max(peak, len(hashing._cache))
        assert len(hashing._cache) <= hashing._CACHE_SIZE
    assert peak >= hashing._CACHE_SIZE - 10  # it did fill, and was emptied rather than grown
