"""The delegations' panel when a side leaves the table: every row keeps its place and its name.

A newcomer at Dayton saw the rows reorder (the side that walked out jumped to the foot of the
list) and every name shorten at once (the status column widened for "away") the moment the
Bosnian Serbs left."""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult

from game.engine import Pass, State, apply, view_for
from game.engine.actions import WalkOut
from game.engine.setup import new_game
from game.scenario import bundled, load_scenario
from game.ui.widgets.panels import DelegationsTable
from tests.ui.driving import driven


class _Panel(App[None]):
    def compose(self) -> ComposeResult:
        yield DelegationsTable(id="delegations")


def _rows(state: State, me: int, width: int) -> list[tuple[str, str, str]]:
    """Each row's key, name cell and status cell as the panel shows `state` to `me` at `width`."""

    async def body() -> list[tuple[str, str, str]]:
        app = _Panel()
        async with driven(app, size=(width, 20)) as pilot:
            table = app.query_one(DelegationsTable)
            table.show(view_for(state, me), state.actor)
            await pilot.pause()
            return [(str(key.value), str(table.get_row(key)[0]), str(table.get_row(key)[-1])) for key in table.rows]

    return asyncio.run(body())


def _after_a_walk_out(who: str) -> tuple[State, State]:
    """astana-8 from its start, and the same table once `who` has walked out in its first turn."""
    state = new_game(load_scenario(bundled()["astana-8"]), 3)[0]
    while state.scenario.delegations[state.actor].id != who:
        state = apply(state, Pass(state.scenario.delegations[state.actor].id))[0]
    gone = apply(state, WalkOut(who))[0]
    assert not gone.over and not gone.present[state.scenario.delegation_index[who]]
    return state, gone


# widths of the panel in the compact layout and the full one; at 46 and 58 "away" took the
# names' room (some names are cut to fit there, so a narrower room cuts them more)
@pytest.mark.parametrize("width", [40, 46, 58, 100])
def test_a_side_walking_out_keeps_its_row_and_every_name(width: int) -> None:
    before, after = _after_a_walk_out("jordan")
    me = 0
    rows_before, rows_after = _rows(before, me, width), _rows(after, me, width)
    assert [key for key, _, _ in rows_after] == [key for key, _, _ in rows_before]
    assert [name for _, name, _ in rows_after] == [name for _, name, _ in rows_before]
    jordan = next(status for key, _, status in rows_after if key == "jordan")
    assert jordan in ("away", "absent")
