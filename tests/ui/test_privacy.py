"""Hot-seat privacy, frame by frame: every frame drawn from the moment one human ends a turn
until the next human is at the table shows none of the first human's private figures.

The app's `_display` is where each composed frame goes to the terminal; the test wraps it and
reads the whole screen at each call, so a frame that lasted a millisecond is seen too.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App

from game.engine import view_for
from game.ui.screens.notices import HandOver, Notice
from game.ui.screens.table import TableScreen
from tests.ui.driving import DEADLINE, GOV, OPP, autosave_file, driven, new_app, press, screen_text, settle, until

FIGURE = re.compile(r"\d\.\d\d")  # how the table writes a value, a weight or a walk-away


class Frames:
    """Records the text of the screen each time the app draws a frame."""

    def __init__(self, app: App[Any], since: Callable[[], bool] = lambda: True) -> None:
        self.app = app
        self.frames: list[str] = []
        self.on = False
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            # `since`: whether the moment watched has come (a repaint the player's own table still
            # owed, drawn under load after recording began, shows that player's own view)
            if self.on and renderable is not None and since():
                self.frames.append(screen_text(app))
            original(screen, renderable)

        app._display = display  # type: ignore[method-assign]


def private_cells(table: TableScreen, who: int) -> list[str]:
    """The starts of what the agenda shows only to `who`: its value of each of its positions."""
    view = view_for(table.session.state, who)
    cells = []
    for i in view.agenda:
        mine = view.positions[who][i]
        if mine >= 0:
            cells.append(f"{view.own.values[i][mine]:.2f} {view.issues[i].options[mine].label}"[:20])
    return cells


def test_no_frame_between_two_human_turns_shows_the_first_player_s_figures(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government", "opposition"), seed=1)
        async with driven(app, size=(100, 30)) as pilot:
            moves = [-1]  # the log's length before the move watched: frames count once it is played
            # (before it, a frame shows the player at the keyboard their own table)
            frames = Frames(app, lambda: len(table.session.log) > moves[0])
            # The opening: the table is covered until the government's player is ready.
            handover = await settle(pilot, hand_over=False)
            assert isinstance(handover, HandOver)
            table = next(s for s in app.screen_stack if isinstance(s, TableScreen))
            assert "Your position" not in screen_text(app) and not FIGURE.search(screen_text(app))
            await press(pilot, "enter")
            await until(pilot, lambda: app.screen is table, "the government's table")
            gov_cells = private_cells(table, GOV)
            assert FIGURE.search(screen_text(app)) and all(c in screen_text(app) for c in gov_cells[:3])

            for first, second in ((GOV, OPP), (OPP, GOV)):
                # The player ends the turn; from here to the next player's Enter, nothing private.
                assert table.session.state.actor == first
                moves[0] = len(table.session.log)
                frames.frames.clear()
                frames.on = True
                await pilot.press("n")
                seen_notice = False
                deadline = time.monotonic() + DEADLINE
                while True:
                    assert time.monotonic() < deadline, f"no hand-over came; the screen is {app.screen!r}"
                    await pilot.pause()
                    screen = app.screen
                    if isinstance(screen, Notice):
                        seen_notice = True
                        await pilot.press("enter")
                    elif isinstance(screen, HandOver) and screen.player:
                        break
                await pilot.pause()
                frames.on = False
                assert handover_names(app, table, second)
                assert frames.frames, "no frame was drawn"
                for frame in frames.frames:
                    assert "Your position" not in frame, frame
                    assert not FIGURE.search(frame), frame
                if first == OPP:
                    assert seen_notice, "the AI's turns and a round notice were meant to be in between"
                await press(pilot, "enter")
                await until(pilot, lambda: app.screen is table or isinstance(app.screen, Notice), "the table again")
                if isinstance(app.screen, Notice):
                    # what came of the second player's own proposals, said to them alone now
                    assert app.screen.title_text == "Since your last move" and table.viewer == second
                    await press(pilot, "enter")
                    await until(pilot, lambda: app.screen is table, "the table again")
                shown = screen_text(app)
                assert table.viewer == second
                assert not any(c in shown for c in private_cells(table, first) if c not in private_cells(table, second))

    asyncio.run(body())


def handover_names(app: App[Any], table: TableScreen, who: int) -> bool:
    screen = app.screen
    return isinstance(screen, HandOver) and screen.player == table.session.scenario.delegations[who].name


def test_a_loaded_hot_seat_game_opens_on_the_hand_over(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government", "opposition"), seed=2)
        async with driven(app, size=(100, 30)) as pilot:
            table = await settle(pilot)  # the government's table
            assert isinstance(table, TableScreen) and table.save_autosave(announce=False)
        loaded = new_app(tmp_path, (), load=autosave_file())
        async with driven(loaded, size=(100, 30)) as pilot:
            frames = Frames(loaded)
            frames.on = True
            handover = await settle(pilot, hand_over=False)
            frames.on = False
            assert isinstance(handover, HandOver) and handover.player
            for frame in frames.frames:
                assert "Your position" not in frame and not FIGURE.search(frame), frame

    asyncio.run(body())
