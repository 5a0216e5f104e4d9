"""A round begun by the player's own move shows its events as one begun by an AI seat's does: the
last seat to speak in a round (Kazakhstan at Astana 8) read round 2's news only in the transcript."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.ui.screens.notices import Notice
from game.ui.screens.table import TableScreen
from tests.ui.driving import at_the_table, new_app, pass_turn, screen_of, settle


def test_the_round_the_players_move_begins_shows_its_events(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("kazakhstan",), seed=1)
        async with at_the_table(app) as (pilot, table):
            state = table.session.state
            venue = state.scenario.venues[state.venue]
            assert state.round == 1 and venue.turn_order[-1] == state.actor  # the round's last word
            await pass_turn(pilot)
            notice = await screen_of(pilot, Notice)
            assert table.session.state.round == 2
            records = table.session.records
            said = [r.text for r in records if r.kind == "event" and r.round == 2]
            assert said, "astana-8's round 2 brings news: the test would prove nothing"
            assert notice.title_text.startswith("Round 2 of 6") and said[0] in notice.body
            assert table.session.state.actor != state.actor  # the AI seats wait for the player to read it
            moves = len(table.session.log)
            await pilot.pause()
            assert len(table.session.log) == moves
            await pilot.press("enter")
            table = await settle(pilot)
            assert isinstance(table, TableScreen) and len(table.session.log) > moves

    asyncio.run(body())


def test_a_meeting_that_ends_the_round_shows_what_it_taught_then_the_rounds_events(tmp_path: Path) -> None:
    from game.engine.actions import Meet

    async def body() -> None:
        app = new_app(tmp_path, ("kazakhstan",), seed=1)
        async with at_the_table(app) as (pilot, table):
            table._act(Meet("kazakhstan", "russia"))
            await pilot.pause()
            while isinstance(app.screen, Notice) and table.session.state.round == 1:
                await pilot.press("enter")  # what the first meeting taught
                await pilot.pause()
            if table.session.state.round == 1:
                table._act(Meet("kazakhstan", "turkey"))  # the last move of the round
            titles = []
            for _ in range(4):
                notice = await screen_of(pilot, Notice)
                titles.append(notice.title_text)
                if notice.title_text.startswith("Round 2"):
                    break
                await pilot.press("enter")
            assert table.session.state.round == 2 and titles[-1].startswith("Round 2 of 6"), titles

    asyncio.run(body())
