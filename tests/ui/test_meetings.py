"""A meeting in the transcript says who asked for it, and tells a lone player who took part what
it taught them (in hot-seat play, shared, it names the two and nothing more)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.engine.view import view_for
from game.ui.screens.history import HistoryScreen
from game.ui.screens.table import TableScreen
from game.ui.widgets.wrapped import WrappedText
from tests.ui.driving import GOV, at_the_table, new_app, press, screen_of, settle

US = "United States of America"
GOV_NAME = "Government of the Syrian Arab Republic"


def test_a_meeting_the_other_side_asked_for_says_so_and_what_was_learnt(tmp_path: Path) -> None:
    """astana-8, hard, seed 4281: in round 1 the United States asks the government to meet. The
    transcript said only "United States of America and Government of the Syrian Arab Republic meet
    in private"."""

    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=4281, difficulty="hard")
        async with at_the_table(app) as (pilot, table):
            await press(pilot, "n")
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            line = next(
                (x for x in table.chronicle.lines if x.record.kind == "meet" and x.other == GOV),
                None,
            )
            assert line is not None and table.session.scenario.delegations[line.actor].name == US
            shown = table.query_one("#transcript", WrappedText).plain
            shown = " ".join(shown.split())  # its wrapped lines joined again
            assert f"{US} asks {GOV_NAME} for a private meeting" in shown
            # what the government learnt, as its brief has it
            learnt = [(s, i) for learner, s, i in line.learnt if learner == GOV]
            assert learnt
            view = view_for(table.session.state, GOV)
            weight = {(s, i): w for s, i, w in view.learned}[learnt[0]]
            issue = view.issues[learnt[0][1]].name
            taught = f"You learnt: {US}: {issue} carries {weight:.0%} of what it wants (i: your brief)."
            assert taught in shown
            # ...and again in the summary the player's turn starts with: the line itself had
            # scrolled past while the others spoke, and two newcomers never saw it
            summary = shown[shown.rindex("Since your last move") :]
            assert f"{US} asks {GOV_NAME} for a private meeting" in summary and taught in summary, summary
            # the history names the government as every line names a delegation, and marks none of
            # this as the government's own move (the United States asked)
            await press(pilot, "h")
            history = await screen_of(pilot, HistoryScreen)
            text = " ".join(history.query_one(WrappedText).plain.split())
            assert f"{US} asks {GOV_NAME} for a private meeting" in text and f"▸ {US}" not in text

    asyncio.run(body())
