"""The answer dialog comes back after an answer while other offers still wait for one (answers
cost no moves), as the board does: two newcomers pressed r again for each of three offers. It
stays closed once nothing waits, and Esc leaves it for the table."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.engine.state import PENDING
from game.ui.screens.actions import RespondDialog
from game.ui.screens.table import TableScreen
from tests.ui.driving import accept_answer, driven, new_app, press, reject_answer, screen_of, settle, until


def test_the_answer_dialog_comes_back_while_offers_wait(tmp_path: Path) -> None:
    async def body() -> None:
        # Iran's first turn on this seed: two proposals wait for its answer
        app = new_app(tmp_path, ("iran",), seed=0, difficulty="hard")
        async with driven(app, size=(100, 30)) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)

            def waiting() -> list[int]:
                return [p.id for p in table.session.state.proposals if p.response_of(table.viewer) == PENDING]

            first = waiting()
            assert len(first) >= 2
            await press(pilot, "r")
            dialog = await screen_of(pilot, RespondDialog)
            await accept_answer(pilot)
            await until(pilot, lambda: len(waiting()) == len(first) - 1, "the first answer")
            again = await screen_of(pilot, RespondDialog)
            assert again is not dialog
            assert [p.id for p in again.waiting] == waiting()  # the one answered is gone from it
            await press(pilot, "escape")
            await until(pilot, lambda: app.screen is table, "the table")
            assert waiting() == first[1:]  # Esc answers nothing

            # the last answer: nothing waits, and the table stays
            while waiting():
                if not isinstance(app.screen, RespondDialog):
                    await press(pilot, "r")
                    await screen_of(pilot, RespondDialog)
                before = len(waiting())
                await reject_answer(pilot)
                await until(pilot, lambda before=before: len(waiting()) < before, "the answer")
            await pilot.pause()
            assert not isinstance(app.screen, RespondDialog)

    asyncio.run(body())
