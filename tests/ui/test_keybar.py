"""The key row under the table: it shows the keys, and a click on one does what the key does."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.command import CommandPalette

from game.ui.screens.actions import ProposalBuilder
from game.ui.screens.notices import Help
from game.ui.widgets.keybar import KeyBar
from tests.ui.driving import driven, new_app, screen_of, table_ready


def test_the_key_row_shows_the_keys_and_a_click_acts(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",))
        async with driven(app, size=(100, 32)) as pilot:
            table = await table_ready(pilot)
            bar = table.query_one(KeyBar)
            line = bar.render().plain
            assert line.startswith(" p Propose") and "r Answer" in line and "? Help" in line
            assert line.rstrip().endswith("^p palette")
            assert await pilot.click(KeyBar, offset=(line.index("Propose"), 0))
            builder = await screen_of(pilot, ProposalBuilder)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is table and builder is not app.screen
            assert await pilot.click(KeyBar, offset=(line.index("Help"), 0))
            await screen_of(pilot, Help)
            await pilot.press("escape")
            await pilot.pause()
            assert await pilot.click(KeyBar, offset=(line.index("palette"), 0))
            await screen_of(pilot, CommandPalette)

    asyncio.run(body())
