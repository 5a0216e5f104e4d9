"""The title screen shown after a game: the settings that game was played with, and tick boxes
that tell the chosen seats from the others without colour."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input, Select, SelectionList

from game.ui.app import make_app
from game.ui.screens.actions import ConfirmDialog
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from tests.ui.driving import ASTANA, click, driven, press, screen_of, settle


def test_the_title_after_a_game_shows_how_it_was_played(tmp_path: Path) -> None:
    """A hard game as the government alone, left by walking out: the title screen then offered
    "Normal", and drew every delegation's box with the same X (ticked or not)."""

    async def body() -> None:
        app = make_app(
            scenario=ASTANA, humans=("government",), difficulty="hard", seed=4242, saves_dir=tmp_path, speed=0
        )
        async with driven(app, size=(160, 50)) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await press(pilot, "w")
            await screen_of(pilot, ConfirmDialog)
            await click(pilot, "#yes")
            await screen_of(pilot, DebriefScreen)
            await press(pilot, "q")
            title = await screen_of(pilot, TitleScreen)
            await pilot.pause()
            assert title.query_one("#scenario", Select).value == "astana-8"
            assert title.query_one("#difficulty", Select).value == "hard"
            assert title.query_one("#seed", Input).value == "4242"
            seats = title.query_one("#seats", SelectionList)
            assert seats.selected == ["government"]
            # the boxes: ticked only where chosen (the government is the first delegation)
            boxes = [seats.render_line(y).text[:3] for y in range(seats.option_count)]
            assert boxes[0] == "▐X▌"
            assert set(boxes[1:]) == {"▐ ▌"}

    asyncio.run(body())
