"""A question the player opens while the AI seats move ("Leave the table?", the help) holds the
AI's moves: nothing moves on behind it, and no round notice covers it. Found playing in tmux:
ctrl+q pressed during the AI's turns, and the next round's notice came up over "Are you sure?".

pytest-asyncio is not installed, so each test runs its async body with asyncio.run().
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from game.ui.app import make_app
from game.ui.screens.actions import ConfirmDialog
from game.ui.screens.notices import Help, Notice
from game.ui.screens.table import TableScreen
from tests.ui.driving import ASTANA, GOV, press, screen_of, settle, until

SIZE = (120, 40)
# The table's second speed: 0.4 s between AI moves, so the AI is still moving when a key comes.
SPEED = 2
# Long enough for several AI moves at that speed: what the AI would play behind the dialog.
HELD = 1.6


async def _ai_moving(pilot: Pilot[Any], table: TableScreen) -> None:
    """Pass the government's turn and wait for the first AI move after it."""
    before = len(table.session.log)
    await press(pilot, "n")
    await until(pilot, lambda: len(table.session.log) > before + 1, "an AI move")
    assert table.session.state.actor != GOV


@pytest.mark.parametrize(
    ("key", "asked"),
    [("ctrl+q", ConfirmDialog), ("question_mark", Help)],
    ids=["leave the table?", "help"],
)
def test_a_dialog_opened_mid_turns_holds_the_ai_until_it_closes(
    tmp_path: Path, key: str, asked: type[Screen[Any]]
) -> None:
    async def body() -> None:
        app = make_app(scenario=ASTANA, humans=("government",), seed=1, saves_dir=tmp_path, speed=SPEED)
        async with app.run_test(size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await _ai_moving(pilot, table)
            await press(pilot, key)
            await screen_of(pilot, asked)
            held = len(table.session.log)
            await asyncio.sleep(HELD)
            # the dialog is still what the player sees, and the AI waited for it to close
            assert isinstance(app.screen, asked)
            assert len(table.session.log) == held
            await press(pilot, "escape")  # "Stay", or the help closed
            if isinstance(app.screen, Notice):
                # on a loaded machine the round may have ended before the key was read: the
                # dialog then opened over the round's notice, which the AI waits on
                await press(pilot, "enter")
            await until(pilot, lambda: len(table.session.log) > held, "the AI to move on")
            assert not app._exit

    asyncio.run(body())
