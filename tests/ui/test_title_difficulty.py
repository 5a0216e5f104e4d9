"""The title screen's difficulty: the list's line names the level, and what the level does is a
sentence under it, wrapped to the column. In the one-line list the sentence wrapped past the
list's arrow ("Hard: they also plan, ▼" / "meet in private and bet" / "on what passes"), and at
80x24 a newcomer read the rest as text spilling out of its box."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Button, Select, Static

from game.ai.levels import LEVELS
from game.ui.app import make_app
from game.ui.screens.title import TitleScreen, level_note
from tests.ui.driving import driven, screen_of, until


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 50)])
def test_each_level_is_named_on_one_line_and_said_in_full_within_its_column(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    async def body() -> None:
        app = make_app(saves_dir=tmp_path, speed=0, seed=1)
        async with driven(app, size=size) as pilot:
            title = await screen_of(pilot, TitleScreen)
            select = title.query_one("#difficulty", Select)
            menu = title.query_one("#menu").content_region
            label = select.query_one("SelectCurrent #label", Static)  # the list's line
            for level in LEVELS:
                select.value = level
                name = level.capitalize()
                await until(pilot, lambda n=name: str(label.content).startswith(n), f"the list on {level}")
                await pilot.pause()
                # the list's own line: the level's name, on one row
                assert str(label.content) == name
                assert select.outer_size.height == 1 and label.region.height == 1
                # the sentence whole under it, over the rows it takes, all inside the menu's column
                note = title.query_one("#difficulty-note", Static)
                assert note.region.y == select.region.bottom
                assert menu.x <= note.region.x and note.region.right <= menu.right
                rows = [note.render_line(y).text.strip() for y in range(note.content_size.height)]
                assert " ".join(rows) == level_note(level)
                # and the buttons under it are all still on the screen, above the key row
                assert title.query_one("#quit", Button).region.bottom <= size[1] - 1

    asyncio.run(body())
