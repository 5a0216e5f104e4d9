"""A notice (a Textual toast) is never drawn over a dialog: it is held while one is open and shown
once it closes. The replay's autoplay ran on under its help and said "The end of the game:
autoplay stops." over the help's text, and a toast still up when a dialog opened was drawn again
over the dialog (a playtester's report: notices hid the text of open dialogs).

pytest-asyncio is not installed, so each test runs its async body with asyncio.run()."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.screen import Screen
from textual.widgets._toast import Toast

from game.saves import save
from game.saves.timeline import load_timeline
from game.ui.app import make_app
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.replay_dialogs import ReplayHelp
from tests.saves.helpers import finished
from tests.ui.driving import driven, press, screen_of, until

SIZE = (80, 24)


def toasts(screen: Screen[Any]) -> list[str]:
    """The text of the toasts drawn on `screen`."""
    return [str(toast.render()) for toast in screen.query(Toast)]


def test_a_notice_waits_until_the_dialog_over_the_replay_closes(tmp_path: Path) -> None:
    path = save(finished("mini", 3), tmp_path, "mini")
    app = make_app(replay=load_timeline(path), replay_name=path.name)

    async def body() -> None:
        async with driven(app, size=SIZE, notifications=True) as pilot:
            viewer = await screen_of(pilot, ReplayScreen)
            # a toast up as a dialog opens (the autoplay's speed) is not drawn over the dialog ...
            await press(pilot, "plus")
            await until(pilot, lambda: any("4 steps a second" in t for t in toasts(viewer)), "the speed's toast")
            await press(pilot, "question_mark")
            help_ = await screen_of(pilot, ReplayHelp)
            assert toasts(help_) == []
            # ... nor one raised under it: the autoplay, started before, ends while the help is open
            await press(pilot, "escape")
            await screen_of(pilot, ReplayScreen)
            await press(pilot, "end", "left", "left", "minus", "space", "question_mark")
            help_ = await screen_of(pilot, ReplayHelp)
            await until(pilot, lambda: viewer.timer is None, "the autoplay to stop at the end")
            for _ in range(3):
                await pilot.pause()
            assert viewer.step == viewer.timeline.steps
            assert toasts(help_) == []
            # each is shown once the help closes
            await press(pilot, "escape")
            await screen_of(pilot, ReplayScreen)
            await until(pilot, lambda: any("autoplay stops" in t for t in toasts(viewer)), "the held notice")

    asyncio.run(body())
