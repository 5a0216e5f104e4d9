"""The hard agent's rehearsal (game.ai.rehearsal) runs off the screen's event loop, and the status
line says who is rehearsing while it does."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from game.ai.levels import Level
from game.ai.rehearsal import Rehearsed
from game.ui.screens.table import TableScreen
from tests.ui.driving import driven, new_app, settle, until


def test_the_status_line_says_who_rehearses_and_the_screen_keeps_answering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    prepared: list[int] = []
    original = Rehearsed.prepare

    def slow_prepare(self: Rehearsed, seat: int) -> Level:
        if self.style is None:  # the rehearsal itself (a chosen style is only read back)
            assert threading.current_thread() is not threading.main_thread()  # off the event loop
            release.wait(timeout=30)
            prepared.append(seat)
        return original(self, seat)

    monkeypatch.setattr(Rehearsed, "prepare", slow_prepare)

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=3, difficulty="hard")
        async with driven(app, size=(120, 40)) as pilot:
            for _ in range(10):  # the opening notices, closed as a player closes them
                await until(pilot, lambda: app.screen.is_mounted, "a screen")
                if isinstance(app.screen, TableScreen):
                    break
                await pilot.press("enter")
                await pilot.pause()
            table = app.screen
            assert isinstance(table, TableScreen)

            def status() -> str:
                return str(table.query_one("#status", Static).content)

            await until(
                pilot, lambda: "rehearses the talks before its first move" in status(), "the rehearsal's status"
            )
            actor = table.session.state.actor
            assert table.session.scenario.delegations[actor].name[:20] in status()
            steps = table.session.state.step
            await pilot.press("question_mark")  # the screen still answers while the seat rehearses
            await pilot.pause()
            assert app.screen is not table
            await pilot.press("escape")
            assert table.session.state.step == steps  # and nothing was played meanwhile
            release.set()
            await settle(pilot)
            assert actor in prepared
            assert "rehearses" not in status()

    asyncio.run(body())
