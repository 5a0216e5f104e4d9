"""Passing with an offer waiting whose last round this is: the player is asked first, and the
safe answer opens the answers. An author passed with an offer waiting that their yes would have
made the agreement; it lapsed at the round's end, and nothing had said so."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from game.engine import Pass
from game.engine.legal import moves_for
from game.play import choices
from game.scenario import bundled
from game.ui.screens.actions import RespondDialog
from game.ui.screens.dialog import ConfirmDialog
from game.ui.screens.table import TableScreen
from tests.ui.driving import at_the_table, new_app, press, settle, until

CAMPAIGN = bundled()["astana-to-sochi"]


def _lapsing(table: TableScreen) -> list[int]:
    """The offers waiting for the player's answer made in an earlier round (read from the state)."""
    state = table.session.state
    return [p.id for p in choices.pending_proposals(table.view) if p.round < state.round]


async def _to_a_last_chance(pilot, table: TableScreen) -> TableScreen:  # type: ignore[no-untyped-def]
    """Pass (no offer on its last round waiting) until one is: Iran at the campaign, seed 0."""
    for _ in range(40):
        if _lapsing(table) and not table.session.state.closing:
            return table
        assert moves_for(table.view).allowed("pass")
        await press(pilot, "n")
        found = await settle(pilot)
        assert isinstance(found, TableScreen)
        table = found
    raise AssertionError("no offer reached its last round while Iran passed")


@pytest.mark.parametrize("answer", ["enter", "pass"])
def test_passing_with_an_offer_on_its_last_round_asks_first(tmp_path: Path, answer: str) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("iran",), seed=0, scenario=CAMPAIGN)
        async with at_the_table(app, size=(120, 40)) as (pilot, table):
            table = await _to_a_last_chance(pilot, table)
            lapsing = _lapsing(table)
            step, logged = table.session.state.step, len(table.session.log)
            await press(pilot, "n")
            await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question before the pass")
            question = app.screen.question
            assert "unanswered when this round ends" in question
            assert all(f"#{pid} from" in question for pid in lapsing)
            if answer == "enter":
                await press(pilot, "enter")  # the safe answer: the answers open, nothing is played
                await until(pilot, lambda: isinstance(app.screen, RespondDialog), "the answers")
                assert table.session.state.step == step
            else:
                await press(pilot, "tab", "enter")
                await until(pilot, lambda: table.session.state.step > step, "the pass")
                assert table.session.log[logged].action == Pass("iran")

    asyncio.run(body())
