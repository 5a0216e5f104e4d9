"""The interface's two drawing caches never show a stale picture: the dimmed backdrop behind a
dialog (game/ui/screens/backdrop.py) is reused only while the screen beneath is unchanged, and
a table's cells (panels._ViewTable) are drawn again when what they hold changes."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static

from game.ui.screens.backdrop import BackdropScreen
from game.ui.widgets.panels import _ViewTable
from tests.ui.driving import screen_text, until


class _Modal(BackdropScreen[None]):
    DEFAULT_CSS = "_Modal { align: center middle; } _Modal Static { width: 20; height: 3; }"

    def compose(self) -> ComposeResult:
        yield Static("a dialog")


class _Beneath(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("first words beneath", id="beneath")


def test_the_backdrop_is_kept_while_the_screen_beneath_is_unchanged_and_drawn_again_after() -> None:
    async def body() -> None:
        app = _Beneath()
        async with app.run_test(size=(60, 12)) as pilot:
            modal = _Modal()
            await app.push_screen(modal)
            await pilot.pause()
            shown = screen_text(app)
            assert "a dialog" in shown and "first words beneath" in shown
            kept = modal._backdrop_kept
            assert kept is not None
            # a whole repaint with nothing changed beneath gives the very lines kept
            modal.refresh()
            await pilot.pause()
            screen_text(app)
            assert modal._backdrop_kept is kept
            # a change beneath is drawn: the backdrop is made again from the new lines
            app.query_one("#beneath", Static).update("other words beneath")
            # the screen beneath is drawn again by its own update timer, not by the dialog's
            # repaint that pause forces: on a loaded machine that timer comes after the pause
            await until(pilot, lambda: "other words beneath" in screen_text(app), "the change beneath to be drawn")
            shown = screen_text(app)
            assert "other words beneath" in shown and "first words beneath" not in shown
            assert modal._backdrop_kept is not kept

    asyncio.run(body())


class _Table(_ViewTable):
    pass


class _WithTable(App[None]):
    def compose(self) -> ComposeResult:
        yield _Table()


def test_a_table_cell_is_drawn_again_when_what_it_holds_changes() -> None:
    async def body() -> None:
        app = _WithTable()
        async with app.run_test(size=(60, 8)) as pilot:
            table = app.query_one(_Table)
            table.add_columns("who", "speaks")
            row = table.add_row("Russia", Text("quiet"))
            await pilot.pause()
            assert "quiet" in screen_text(app)
            drawn = dict(table._cells or {})
            assert drawn
            # the same text in another style is another picture: kept apart from the first
            table.update_cell(row, table.ordered_columns[1].key, Text("quiet", style="bold"))
            await pilot.pause()
            assert table._cells is not None and set(table._cells) - set(drawn)
            table.update_cell(row, table.ordered_columns[1].key, "loud")
            await pilot.pause()
            shown = screen_text(app)
            assert "loud" in shown and "quiet" not in shown

    asyncio.run(body())
