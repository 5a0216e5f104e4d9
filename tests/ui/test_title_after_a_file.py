"""After a game played from a scenario file of the author's own (`play FILE`), the title screen
comes back set as that game was played: the file in the list, its seat, the difficulty and the
seed, and Start plays that file again. It had come back on astana-8 at normal, the file nowhere."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from textual.widgets import Input, Select, SelectionList

from game.ui.app import make_app
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from tests.saves.helpers import MINI
from tests.ui.driving import driven, press, screen_of, settle, table_of, until


def test_the_title_after_a_game_of_a_file_offers_that_file_as_it_was_played(tmp_path: Path) -> None:
    own = tmp_path / "my-talks.yaml"
    shutil.copy(MINI, own)

    async def body() -> None:
        app = make_app(scenario=own, humans=("blue",), difficulty="hard", seed=17, saves_dir=tmp_path, speed=0)
        async with driven(app, size=(120, 40)) as pilot:
            await settle(pilot)
            await press(pilot, "w")  # walking out as a signatory ends the talks: the debrief
            await press(pilot, "tab", "enter")
            await screen_of(pilot, DebriefScreen)
            await pilot.press("q")
            title = await screen_of(pilot, TitleScreen)
            await pilot.pause()
            scenario = title.query_one("#scenario", Select)
            assert title.files[str(scenario.value)] == own
            shown = title.scenarios[str(scenario.value)]
            assert shown is not None and str(title._title(str(scenario.value), shown)).endswith("(my-talks.yaml)")
            assert title.query_one("#difficulty", Select).value == "hard"
            assert title.query_one("#seed", Input).value == "17"
            assert title.query_one("#seats", SelectionList).selected == ["blue"]
            await press(pilot, "enter")  # Start: the same file again
            await until(pilot, lambda: any(isinstance(s, TableScreen) for s in app.screen_stack), "the talks")
            table = table_of(app)
            assert table.session.source == own.read_bytes() and table.session.name == "my-talks"

    asyncio.run(body())
