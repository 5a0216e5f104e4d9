"""A skip (f) hurries the other sides' moves, not the news: the notice of a round begun while the
player skipped comes once the skip is over, before their turn (a newcomer who pressed f never saw
a round's events, which had moved the zones' stability)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.ui.app import make_app
from game.ui.screens.notices import Notice
from game.ui.screens.table import TableScreen
from tests.ui.driving import ASTANA, GOV, driven, pass_turn, press, settle, until


def test_the_news_of_a_round_begun_during_a_skip_is_shown_when_it_ends(tmp_path: Path) -> None:
    async def body() -> None:
        # the government speaks first: the round ends among the AI seats' moves after its turn
        app = make_app(ASTANA, ("government",), "normal", seed=3, saves_dir=tmp_path, speed=2)
        async with driven(app, size=(120, 40)) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen) and table.session.state.round == 1
            await pass_turn(pilot)
            if table.session.state.actor == GOV:
                await pass_turn(pilot)  # its second move of the turn
            await press(pilot, "f")
            assert table.skipping
            # the skip runs to the government's next turn, in round 2, and the news comes then
            await until(pilot, lambda: isinstance(app.screen, Notice), "the round's notice")
            notice = app.screen
            assert isinstance(notice, Notice)
            state = table.session.state
            assert not table.skipping and state.round == 2 and state.actor == GOV
            news = [r.text for r in table.session.records if r.kind == "event" and r.round == 2]
            assert news, "this seed brings no news in round 2: nothing tested"
            assert notice.title_text.startswith("Round 2 of")
            assert all(text in notice.body for text in news)
            await press(pilot, "enter")
            await until(pilot, lambda: app.screen is table, "the table")

    asyncio.run(body())
