"""The table survives any terminal size, and keeps working after a resize."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.ui.screens.actions import ProposalBuilder
from tests.ui.driving import new_app, press, screen_of, screen_text, table_ready, until


def test_resizing_during_play_and_in_a_dialog_never_crashes(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",))
        async with app.run_test(size=(80, 24)) as pilot:
            table = await table_ready(pilot)
            for width, height in ((160, 50), (60, 18), (80, 24)):
                await pilot.resize_terminal(width, height)
                await pilot.pause()
                assert app.screen is table
                assert "YOUR TURN" in screen_text(app) or width < 80  # the status line fits from 80 wide
            await press(pilot, "p")
            builder = await screen_of(pilot, ProposalBuilder)
            await pilot.resize_terminal(70, 20)
            await pilot.pause()
            await pilot.resize_terminal(120, 40)
            await pilot.pause()
            assert app.screen is builder
            await press(pilot, "escape")
            await until(pilot, lambda: app.screen is table, "the table again")
            await press(pilot, "n")  # and the game goes on after all that
            await until(pilot, lambda: table.session.state.step >= 1, "the pass to be played")

    asyncio.run(body())
