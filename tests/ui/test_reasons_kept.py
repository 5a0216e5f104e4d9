"""What the AI seats say of their moves outlives the sitting: the table keeps it in the save, and a
game continued from the save shows it again beside the moves made before (it read without them)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.engine.records import REASONED
from game.saves import Session, load, save
from game.ui.app import make_app
from game.ui.widgets.wrapped import WrappedText
from tests.saves.helpers import ai_decision, new_session
from tests.ui.driving import at_the_table, new_app, press, settle

SIZE = (160, 50)
GOV = 0  # astana-8's government


def running_until_a_reason(seed: int) -> Session:
    """astana-8 with the government human, played by the AI seats (the government too, at normal)
    until some side has given a reason and the government is on the floor again."""
    session = new_session("astana-8", seed, government="human")
    while not (session.reasons and session.state.actor == GOV):
        decision = ai_decision(session)
        session.play(decision.action, "" if session.state.actor == GOV else decision.reason)
    assert not session.state.over
    return session


def joined(table_text: str) -> str:
    return " ".join(table_text.split())


def test_a_continued_game_shows_the_reasons_given_before_it_was_saved(tmp_path: Path) -> None:
    session = running_until_a_reason(4)
    path = save(session, tmp_path, "said")
    told = [(session.records[k].text, reason) for k, reason in session.said.items()]

    async def body() -> None:
        app = make_app(load=path, saves_dir=tmp_path, speed=0)
        async with at_the_table(app, size=SIZE) as (_pilot, table):
            shown = joined(table.query_one("#transcript", WrappedText).plain)
            for text, reason in told:
                assert joined(f"{text} ({reason})") in shown, (text, reason)
            # the history (h) keeps them on the moves' lines too
            lines = {line.reason for line in table.chronicle.lines if line.reason}
            assert lines == {reason for _, reason in told}

    asyncio.run(body())


def test_the_table_keeps_each_reason_its_ai_seats_give_in_the_save(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=4, save_name="kept")
        async with at_the_table(app, size=SIZE) as (pilot, table):
            for _ in range(3):  # a few passes: the AI seats answer, refuse and state their case
                await press(pilot, "n")
                table = await settle(pilot)
            session = table.session
            assert session.reasons, "three rounds of astana-8 without a reason given"
            said = {line.reason for line in table.chronicle.lines if line.reason}
            assert said == set(session.said.values())
            for k in session.said:
                assert session.records[k].kind in REASONED
                assert session.records[k].actor != GOV  # the player's own moves give none
            await press(pilot, "ctrl+s")
            await press(pilot, "enter")
            await settle(pilot)
        saved = load(tmp_path / "kept.yaml")
        assert saved.reasons and saved.reasons.items() <= session.reasons.items()

    asyncio.run(body())
