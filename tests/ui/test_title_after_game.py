"""The title screen shown after a game: the settings that game was played with, and tick boxes
that tell the chosen seats from the others without colour."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input, Select, SelectionList

from game.play.new_game import played
from game.saves.session import Session
from game.scenario import bundled, load_scenario
from game.ui.screens.actions import ConfirmDialog
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.title import TitleScreen
from tests.ui.driving import SOCHI, at_the_table, click, new_app, press, screen_of


def test_the_title_after_a_game_shows_how_it_was_played(tmp_path: Path) -> None:
    """A hard game as the government alone, left by walking out: the title screen then offered
    "Normal", and drew every delegation's box with the same X (ticked or not). Every setting here
    is one the title would not show unasked: not its default scenario (astana-8), nor that
    scenario's default seat (the government), nor the seed the app was started with."""

    async def body() -> None:
        app = new_app(tmp_path, ("platforms",), seed=4242, scenario=SOCHI, difficulty="hard")
        app.seed = 99  # the seed a fresh title screen would offer: the game's must win over it
        async with at_the_table(app) as (pilot, _table):
            await press(pilot, "w")
            await screen_of(pilot, ConfirmDialog)
            await click(pilot, "#yes")
            await screen_of(pilot, DebriefScreen)
            await press(pilot, "q")
            title = await screen_of(pilot, TitleScreen)
            await pilot.pause()
            assert title.query_one("#scenario", Select).value == "sochi-congress"
            assert title.query_one("#difficulty", Select).value == "hard"
            assert title.query_one("#seed", Input).value == "4242"
            seats = title.query_one("#seats", SelectionList)
            assert seats.selected == ["platforms"]
            # the boxes: ticked only where chosen (the platforms are the third delegation)
            boxes = [seats.render_line(y).text[:3] for y in range(seats.option_count)]
            assert boxes[2] == "▐X▌"
            assert set(boxes[:2] + boxes[3:]) == {"▐ ▌"}

    asyncio.run(body())


def test_a_game_from_an_edited_copy_of_a_bundled_file_is_not_taken_for_the_bundled_one(tmp_path: Path) -> None:
    """The title screen after a game offers its settings again only for the bundled file itself:
    a copy named like it (astana-8.yaml elsewhere) whose text differs is another scenario."""
    path = bundled()["astana-8"]
    text = path.read_bytes()
    copy = tmp_path / "astana-8.yaml"
    copy.write_bytes(text.replace(b"rounds: 6", b"rounds: 5", 1))
    seats = {d.id: "ai:hard" for d in load_scenario(path).delegations}
    original = Session.new(load_scenario(path), text, 7, seats, name="astana-8")
    edited = Session.new(load_scenario(copy), copy.read_bytes(), 7, seats, name="astana-8")
    found = played(original)
    assert found is not None and found.scenario == path and found.seed == 7
    assert played(edited) is None
