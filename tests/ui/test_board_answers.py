"""The board's answers column, written out and whole: at 160 columns it read "ANSWER 0✓ 0✗ 4…",
its last figure like a cell cut short, under the header "Answers ✓✗…"."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import DataTable

from game.engine.state import ACCEPTED, PENDING, REJECTED
from game.ui.app import make_app
from game.ui.screens.board import BoardScreen
from game.ui.screens.table import TableScreen
from tests.ui.driving import ASTANA, GOV, driven, press, screen_of, screen_text, settle

WIDE = "{} accepted, {} rejected, {} waiting"
NARROW = "{} yes {} no {} wait"


@pytest.mark.parametrize(
    ("size", "counts"),
    # in words wherever the whole row fits in words: this board's from 104 columns (the names of its
    # authors decide; 106 before the hard Russia played edge, session 45), where a fixed bound of
    # 110 wrote them short
    [((160, 50), WIDE), ((104, 30), WIDE), ((103, 30), NARROW), ((80, 24), NARROW)],
)
def test_the_answers_column_is_whole_and_in_words(tmp_path: Path, size: tuple[int, int], counts: str) -> None:
    async def body() -> None:
        app = make_app(
            scenario=ASTANA, humans=("government",), difficulty="hard", seed=4242, saves_dir=tmp_path, speed=0
        )
        async with driven(app, size=size) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await press(pilot, "n")
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await press(pilot, "o")
            board = await screen_of(pilot, BoardScreen)
            await pilot.pause()
            grid = board.query_one("#board-list", DataTable)
            assert str(grid.ordered_columns[-1].label) == "Answers from the others"
            assert board.entries
            for row, entry in enumerate(board.entries):
                cell = str(grid.get_cell_at((row, len(grid.ordered_columns) - 1)))
                said = [r for d, r in entry.answers() if d != GOV]
                expected = counts.format(said.count(ACCEPTED), said.count(REJECTED), said.count(PENDING))
                assert cell.endswith(expected), cell
                assert "…" not in cell
            # the whole row shows: nothing of the table lies beyond the screen's right edge
            assert grid.virtual_size.width <= grid.size.width

    asyncio.run(body())


def test_an_addressee_that_left_is_counted_apart_and_named(tmp_path: Path) -> None:
    """A proposal put to a delegation that walks out stays open for the others (docs/RULES.md,
    "Agreements"): the board counts that delegation as left, not as waiting, and names it so."""
    from game.engine import Pass, Propose, WalkOut, apply, new_game
    from game.play.board import entries
    from game.play.history import Chronicle
    from game.scenario import load_scenario
    from game.ui.screens.board import answers_cell

    sc = load_scenario(ASTANA)
    state, opening = new_game(sc, 4242)
    ids = [d.id for d in sc.delegations]
    actions = []
    while ids[state.actor] != "government":
        actions.append(Pass(ids[state.actor]))
        state, _ = apply(state, actions[-1])
    first = sc.issues[sc.venues[0].agenda[0]]
    package = ((first.id, first.options[0].id),)
    to = ("opposition", "russia", "jordan")
    actions.append(Propose("government", package, to))
    state, _ = apply(state, actions[-1])
    while ids[state.actor] != "jordan":
        actions.append(Pass(ids[state.actor]))
        state, _ = apply(state, actions[-1])
    actions.append(WalkOut("jordan"))
    state, _ = apply(state, actions[-1])
    jordan = ids.index("jordan")
    board = entries(state, GOV, Chronicle.of(new_game(sc, 4242)[0], opening, actions))
    (entry,) = board
    assert entry.left == frozenset({jordan})
    assert str(answers_cell(entry, GOV)).endswith("0 accepted, 0 rejected, 2 waiting, 1 left")

    async def body() -> None:
        app = make_app(scenario=ASTANA, humans=("government",), seed=4242, saves_dir=tmp_path, speed=0)
        async with driven(app, size=(120, 40)) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            screen = BoardScreen(sc, GOV, board, False, "The proposals")
            app.push_screen(screen)
            await pilot.pause()
            shown = " ".join(screen_text(app).split())  # the detail's lines joined again
            assert "Hashemite Kingdom of Jordan left without answering" in shown
            assert "2 waiting, 1 left" in shown

    asyncio.run(body())
