"""The meters panel: momentum, each zone's stability, and a line saying what they mean."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from game.engine import view_for
from game.engine.setup import new_game
from game.scenario import bundled, load_scenario
from game.ui.widgets.panels import Meters
from tests.ui.driving import driven

STAGE1 = Path(__file__).resolve().parents[2] / "docs" / "examples" / "stage1.yaml"  # a table without zones


class _Panel(App[None]):
    def compose(self) -> ComposeResult:
        yield Meters(id="meters")


def _shown(path: Path) -> str:
    state = new_game(load_scenario(path), 1)[0]

    async def body() -> str:
        app = _Panel()
        async with driven(app, size=(60, 12)) as pilot:
            meters = app.query_one(Meters)
            meters.show(view_for(state, 0))
            await pilot.pause()
            return str(meters.render())

    return asyncio.run(body())


@pytest.mark.parametrize(("path", "zones"), [(bundled()["astana-8"], True), (STAGE1, False)])
def test_the_key_line_speaks_of_zones_only_where_the_table_has_some(path: Path, zones: bool) -> None:
    """An author's table without zones read "(zones: stability; ...)" under the momentum bar."""
    text = _shown(path)
    assert bool(load_scenario(path).zones) == zones
    assert text.startswith("Momentum")
    assert text.splitlines()[-1] == (
        "(zones: stability; at 0 momentum the talks collapse)" if zones else "(at 0 momentum the talks collapse)"
    )
