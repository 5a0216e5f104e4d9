"""Building the app changes nothing process-wide; running it as the command does tunes the
collector for the interface and puts it back after."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from game.scenario import bundled
from game.ui import app as app_module
from game.ui.app import make_app, run_app


def test_building_the_app_leaves_the_collector_alone(tmp_path: Path) -> None:
    before = gc.get_threshold()
    make_app(bundled()["astana-8"], ("government",), seed=1, saves_dir=tmp_path)
    make_app(saves_dir=tmp_path)
    assert gc.get_threshold() == before


def test_running_the_app_tunes_the_collector_and_restores_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, ...]] = []
    app = make_app(saves_dir=tmp_path)
    monkeypatch.setattr(app, "run", lambda: seen.append(gc.get_threshold()))
    before = gc.get_threshold()
    run_app(app)
    assert seen == [app_module._GC_THRESHOLDS] != [before]
    assert gc.get_threshold() == before
