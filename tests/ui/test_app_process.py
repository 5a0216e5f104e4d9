"""Building the app changes nothing process-wide; running it as the command does tunes the
collector for the interface and puts it back after."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.scenario import bundled
from game.ui import app as app_module
from game.ui.app import make_app, run_app


@pytest.fixture(autouse=True)
def _interface_gc() -> None:
    """These tests look at the collector themselves: it stays at the process's own settings
    (tests/ui/conftest.py tunes it for the others as the command does)."""


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


LAUNCH = """
import asyncio, json, sys, tempfile
from pathlib import Path
from game.scenario import bundled
from game.ui.app import make_app
from game.ui.screens.table import TableScreen

async def main():
    app = make_app(bundled()["astana-8"], ("government",), seed=5, saves_dir=Path(tempfile.mkdtemp()))
    async with app.run_test(size=(100, 32)) as pilot:
        while not any(isinstance(s, TableScreen) and s.is_mounted for s in app.screen_stack):
            await pilot.pause(0.01)
    print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "numpy" or m.startswith(("game.analysis", "game.ui.screens.replay")))))

asyncio.run(main())
"""


def test_a_game_reaches_its_table_without_loading_the_analysis_or_the_replay_viewer() -> None:
    """Launch time is the player's first wait: numpy (for the analysis) and the replay viewer
    are loaded when something first needs them, not at every start (ui_bench measures it)."""
    out = subprocess.run([sys.executable, "-c", LAUNCH], capture_output=True, text=True, check=True, timeout=120)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
