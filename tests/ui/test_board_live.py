"""The proposals board follows the game while it is open. A newcomer opened it while the others
were moving: the board kept round 1's proposals under a "Round 2 begins" notice, and once the
turn came back it still refused every answer ("Wait for your turn to answer")."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable, Static

from game.engine import Pass
from game.play.board import entries
from game.ui.app import make_app
from game.ui.screens.board import BoardScreen
from game.ui.screens.notices import Notice
from game.ui.screens.table import TableScreen
from tests.ui.driving import ASTANA, driven, press, screen_of, settle, until


def test_a_board_open_while_the_others_move_shows_the_game_as_it_is_and_answers(tmp_path: Path) -> None:
    async def body() -> None:
        app = make_app(
            scenario=ASTANA, humans=("government",), difficulty="easy", seed=4242, saves_dir=tmp_path, speed=0
        )
        async with driven(app, size=(120, 40)) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await press(pilot, "o")
            board = await screen_of(pilot, BoardScreen)
            before = {e.proposal.id for e in board.entries}
            # the player's move made beneath the open board (as the others' moves are made)
            table._act(Pass(actor="government"))
            await until(pilot, lambda: table.view.my_turn, "the turn to come back")
            live = {e.proposal.id for e in entries(table.session.state, table.viewer, table.chronicle)}
            assert live != before, "the others tabled nothing: the test shows nothing"
            await until(pilot, lambda: {e.proposal.id for e in board.entries} == live, "the board to follow")
            state = table.session.state
            venue = state.scenario.venues[state.venue]
            head = str(board.query_one("#board-head", Static).render())
            assert f"round {state.round}/{venue.rounds}" in head
            assert board.query_one("#board-list", DataTable).row_count == len(live)
            assert board.my_turn
            waiting = [k for k, e in enumerate(board.entries) if e.waiting_for_me]
            assert waiting
            board.query_one("#board-list", DataTable).move_cursor(row=waiting[0])
            answered = board.entries[waiting[0]].proposal.id
            while app.screen is not board:  # the new round's notices, read over the board
                notice = app.screen
                assert isinstance(notice, Notice)
                await press(pilot, "enter")
                await until(pilot, lambda shown=notice: app.screen is not shown, "the notice to close")
            # laid out as a board opened now would be (a column as wide as its cells now, not as
            # the first proposals' were): the same cells and widths as a fresh board's
            grid = board.query_one("#board-list", DataTable)
            await pilot.pause()
            followed = [[str(c) for c in grid.get_row_at(k)] for k in range(grid.row_count)]
            widths = [c.get_render_width(grid) for c in grid.ordered_columns]
            fresh = BoardScreen(table.session.state.scenario, table.viewer, *table.board_contents())
            await app.push_screen(fresh)
            await until(pilot, lambda: fresh.query_one("#board-list", DataTable).row_count == len(live), "a new board")
            again = fresh.query_one("#board-list", DataTable)
            await pilot.pause()
            assert [[str(c) for c in again.get_row_at(k)] for k in range(again.row_count)] == followed
            assert [c.get_render_width(again) for c in again.ordered_columns] == widths
            app.pop_screen()
            await until(pilot, lambda: app.screen is board, "the board again")
            await press(pilot, "a")
            entry = board.entries[waiting[0]]
            if entry.pulls_out or any(e.waiting_for_me and e.worth > entry.worth + 0.005 for e in board.entries):
                # asked first (signing pulls the player out, or a better offer waits): confirmed
                from game.ui.screens.dialog import ConfirmDialog

                await screen_of(pilot, ConfirmDialog)
                await press(pilot, "tab", "enter")
            await until(
                pilot,
                lambda: (
                    any(p.id == answered and p.response_of(table.viewer) != 0 for p in table.session.state.proposals)
                    or all(p.id != answered for p in table.session.state.proposals)
                ),
                "the answer to be made",
            )

    asyncio.run(body())
