"""Fixtures the AI tests share."""

from __future__ import annotations

import dataclasses

import pytest

from game.ai.levels import LEVELS


@pytest.fixture
def normal_attends(monkeypatch: pytest.MonkeyPatch) -> None:
    """Normal counterparts that attend an optional venue, as the normal level did before it
    boycotted by gain (docs/lab/agents.md, "The hard agent at a table of two that a boycott
    leaves"). Rules found in timed-17 games where the normal d0 attended are replayed with them:
    d0 now stays away there in round 1."""
    attends = dataclasses.replace(LEVELS["normal"], boycotts_by_gain=False, weighs_call_home=False)
    monkeypatch.setitem(LEVELS, "normal", attends)
