"""Talks that end on the AI seats' moves say how on the table before the debrief: a newcomer who
pressed f (skip) found the debrief, with no word of the deal that had ended the game."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.ui.app import make_app
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.notices import Notice
from game.ui.screens.table import TableScreen
from tests.ui.driving import ASTANA, driven, pass_turn, press, tick, until


def test_an_ending_the_ai_made_is_told_before_the_debrief(tmp_path: Path) -> None:
    """Jordan, an observer, passes and skips the AI's turns (f) until the talks end: the last
    notice before the debrief names the agreement (or the collapse) in the engine's words."""

    async def body() -> None:
        app = make_app(scenario=ASTANA, humans=("jordan",), difficulty="normal", seed=2, saves_dir=tmp_path, speed=1)
        async with driven(app, size=(120, 40)) as pilot:
            ending: Notice | None = None
            for _ in range(400):
                screen = app.screen
                if isinstance(screen, DebriefScreen):
                    break
                if isinstance(screen, Notice):
                    if screen.title_text == "The talks are over":
                        ending = screen
                        table = next(s for s in app.screen_stack if isinstance(s, TableScreen))
                        state = table.session.state
                        assert state.over
                        ended = [r.text for r in table.session.records if r.kind in ("agreement", "game_over")]
                        assert ended and all(text in screen.body for text in ended[-1:])
                    await press(pilot, "escape")
                elif isinstance(screen, TableScreen):
                    state = screen.session.state
                    if not state.over and state.actor in screen.humans:
                        await pass_turn(pilot)
                    else:
                        await press(pilot, "f")  # skip the AI's moves
                await tick()
            await until(pilot, lambda: isinstance(app.screen, DebriefScreen), "the debrief")
            assert ending is not None, "no notice of how the talks ended came before the debrief"

    asyncio.run(body())
