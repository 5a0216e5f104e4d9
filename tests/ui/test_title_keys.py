"""The title screen says which key starts the talks: Enter, wherever the focus does not take Enter
itself (a newcomer pressed Enter on the column of fields, meaning to open the scenario list, and a
game began with nothing on screen having said so)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Button, Label, Select, SelectionList
from textual.widgets._footer import FooterKey

from game.ui.app import make_app
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from tests.ui.driving import driven, screen_of, table_of, until


def _shown(title: TitleScreen) -> list[str]:
    return [key.description for key in title.query(FooterKey)]


@asynccontextmanager
async def _title(tmp_path: Path) -> AsyncIterator[tuple[Pilot[Any], TitleScreen]]:
    """A fresh app at its title screen, 100 by 30."""
    app = make_app(saves_dir=tmp_path, speed=0, seed=1)
    async with driven(app, size=(100, 30)) as pilot:
        yield pilot, await screen_of(pilot, TitleScreen)


def test_the_key_row_shows_that_enter_starts_the_talks_where_enter_does(tmp_path: Path) -> None:
    async def body() -> None:
        async with _title(tmp_path) as (pilot, title):
            app = pilot.app
            await until(pilot, lambda: "Start the talks" in _shown(title), "the key row to offer Enter")
            # on the scenario list Enter opens the list, and the row no longer offers it
            title.query_one("#scenario", Select).focus()
            await until(
                pilot,
                lambda: bool(_shown(title)) and "Start the talks" not in _shown(title),
                "the key row to drop Enter",
            )
            await pilot.press("enter")
            await pilot.pause()
            assert title.query_one("#scenario", Select).expanded and app.screen is title
            await pilot.press("escape")
            title.query_one("#start").focus()
            await pilot.pause()
            await pilot.press("enter")
            await until(pilot, lambda: app.screen is not title, "the talks to start")

    asyncio.run(body())


def test_the_focus_starts_on_the_start_button_where_enter_goes(tmp_path: Path) -> None:
    """The focus was first on the left column's scroll box, which shows none: a newcomer pressed
    Enter to open the scenario list, and the talks started. It is on the button Enter presses,
    drawn as focused, so the key does what the screen shows."""

    async def body() -> None:
        async with _title(tmp_path) as (pilot, title):
            app = pilot.app
            await pilot.pause()
            assert app.focused is title.query_one("#start", Button)
            await pilot.press("enter")
            await until(pilot, lambda: app.screen is not title, "the talks to start")

    asyncio.run(body())


def test_enter_in_the_seed_field_starts_the_talks_and_the_key_row_says_so(tmp_path: Path) -> None:
    async def body() -> None:
        async with _title(tmp_path) as (pilot, title):
            app = pilot.app
            title.query_one("#seed").focus()
            await until(pilot, lambda: "Start the talks" in _shown(title), "the key row to offer Enter")
            await pilot.press("backspace", "7", "enter")
            await until(pilot, lambda: any(isinstance(s, TableScreen) for s in app.screen_stack), "the talks")
            assert table_of(app).session.seed == 7

    asyncio.run(body())


def test_the_key_row_says_which_key_ticks_a_delegation(tmp_path: Path) -> None:
    async def body() -> None:
        async with _title(tmp_path) as (pilot, title):
            seats = title.query_one("#seats", SelectionList)
            seats.focus()
            await until(pilot, lambda: "Tick or untick" in _shown(title), "the key row to offer the tick")
            before = set(seats.selected)
            seats.highlighted = 1
            await pilot.press("space")
            await pilot.pause()
            assert set(seats.selected) ^ before == {seats.get_option_at_index(1).value}

    asyncio.run(body())


def test_every_level_of_the_agents_is_offered_with_what_it_does() -> None:
    """The difficulty list is the agents' own levels, each with its line: a level added to
    game.ai.levels without one fails here, rather than showing a bare name."""
    from game.ai.levels import LEVELS as AI_LEVELS
    from game.ui.screens.title import LEVELS, SAID

    assert set(SAID) == set(AI_LEVELS)
    assert [name for _, name in LEVELS] == list(AI_LEVELS)


def test_every_label_of_the_new_game_column_fits_it_at_80_columns(tmp_path: Path) -> None:
    """At 80x24 the seed's label was cut mid-sentence ("... give the same game", no closing
    bracket): each heading of the form is whole at the README's smallest terminal. And every
    setting is on screen there without scrolling: the difficulty and the seed, at the foot of
    the left column, were below the fold, where a newcomer never saw them."""

    async def body() -> None:
        app = make_app(saves_dir=tmp_path, speed=0, seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            title = await screen_of(pilot, TitleScreen)
            await pilot.pause()
            labels = 0
            for column_id in ("#new-game", "#menu"):
                column = title.query_one(column_id)
                width = column.scrollable_content_region.width  # inside its padding and scroll bar
                for label in column.query(Label):
                    labels += 1
                    assert cell_len(str(label.content)) <= width, label.content
            assert labels >= 4
            screen = title.region
            for control in ("#scenario", "#difficulty", "#seed", "#start", "#quit"):
                region = title.query_one(control).region
                assert region.height > 0 and screen.contains_region(region), (control, region)
            seats = title.query_one("#seats").region  # a list that scrolls: its first rows in view
            assert seats.y + 4 <= screen.bottom - 1, seats

    asyncio.run(body())


def test_the_first_space_on_the_delegations_unticks_the_seat_ticked(tmp_path: Path) -> None:
    """The list, filled afresh for the scenario, had no row under the cursor: a newcomer's first
    Space on it did nothing, the second ticked another seat. The cursor starts on the seat ticked,
    so Space there unticks it, and after the scenario changes too."""

    async def body() -> None:
        async with _title(tmp_path) as (pilot, title):
            seats = title.query_one("#seats", SelectionList)
            ticked = list(seats.selected)
            assert len(ticked) == 1
            assert seats.highlighted is not None and seats.get_option_at_index(seats.highlighted).value == ticked[0]
            seats.focus()
            await pilot.press("space")
            await until(pilot, lambda: not seats.selected, "the seat unticked by the first Space")
            scenario = title.query_one("#scenario", Select)
            scenario.value = "sochi-congress"
            await until(pilot, lambda: seats.option_count and seats.selected, "sochi's seats")
            assert seats.highlighted is not None
            assert seats.get_option_at_index(seats.highlighted).value == seats.selected[0]

    asyncio.run(body())


def test_the_arrows_move_along_the_menu_buttons(tmp_path: Path) -> None:
    """A newcomer pressed ↓ on "Start the talks" to move on, and nothing moved: ↓ and ↑ go from
    button to button of the menu, past one that is off (no autosave: Continue), and stop at its ends."""

    async def body() -> None:
        async with _title(tmp_path) as (pilot, title):
            app = pilot.app
            await pilot.pause()
            assert title.query_one("#continue", Button).disabled  # no autosave in this data folder
            assert app.focused is title.query_one("#start", Button)
            await pilot.press("down")
            assert app.focused is title.query_one("#load", Button)
            await pilot.press("down", "down", "down", "down")
            assert app.focused is title.query_one("#quit", Button)
            await pilot.press("up")
            assert app.focused is title.query_one("#help", Button)
            await pilot.press("up", "up", "up", "up")
            assert app.focused is title.query_one("#start", Button)
            # where the focused widget takes the arrows itself, they are its own
            seats = title.query_one("#seats", SelectionList)
            seats.focus()
            await pilot.pause()
            before = seats.highlighted
            await pilot.press("down")
            assert app.focused is seats and seats.highlighted != before
            assert app.screen is title

    asyncio.run(body())
