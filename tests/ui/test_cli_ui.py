"""What `peacetalks play` hands to the interface, without a pseudo-terminal: make_app resuming a
save at the right turn, and quitting, which asks first while progress is unsaved.

pytest-asyncio is not installed, so each test runs its async body with asyncio.run().
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.engine import Respond, Statement, state_hash, view_for
from game.paths import latest_autosave
from game.play import choices
from game.saves import Session, default_seats, load, save
from game.scenario import load_scenario
from game.ui.app import PeaceTalksApp, make_app
from game.ui.screens.actions import ConfirmDialog, ProposalBuilder, RespondDialog, StatementDialog
from game.ui.screens.table import TableScreen
from game.ui.widgets.wrapped import WrappedText
from tests.ui.driving import (
    ASTANA,
    GOV,
    autosave_file,
    click,
    driven,
    new_app,
    press,
    reject_answer,
    screen_of,
    settle,
    until,
)

SIZE = (120, 40)


def saved_mid_game(folder: Path) -> tuple[Path, Session]:
    """A save of astana-8 (seed 3) at the government's first turn of round 2, the government
    human: it opened round 1 with a statement and a pass, and the AI played the rest."""
    scenario = load_scenario(ASTANA)
    session = Session.new(scenario, ASTANA.read_bytes(), 3, default_seats(scenario, ("government",)), "astana-8")
    session.play(Statement("government", "conciliatory", ""))
    while not (session.state.round == 2 and session.state.actor == GOV):
        state = session.state
        if state.actor == GOV:
            session.play(Statement("government", "conciliatory", ""))
            continue
        session.play(chooser("normal")(view_for(state, state.actor), agent_rng(state)).action)
    return save(session, folder, "round-two"), session


def test_a_save_resumes_at_its_turn(tmp_path: Path) -> None:
    path, saved = saved_mid_game(tmp_path / "saves")

    async def body() -> None:
        app = make_app(load=path, saves_dir=tmp_path, speed=0)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            session = table.session
            assert len(session.log) == len(saved.log) and state_hash(session.state) == state_hash(saved.state)
            assert (session.state.round, session.state.actor) == (2, GOV)
            assert session.seats == saved.seats and session.seed == 3
            assert table.humans == (GOV,) and not table.unsaved
            status = str(table.query_one("#status", Static).content)
            assert "round 2/6" in status and "YOUR TURN" in status
            # The transcript is the game's so far, scrolled to its end, where the summary of
            # what happened since the player's last move says what waits for them (an outside
            # tester found a loaded game at the transcript's top, without the summary); and play
            # goes on from there: the UN's draft is waiting for the government's answer.
            transcript = table.query_one("#transcript", WrappedText)
            await until(pilot, lambda: transcript.max_scroll_y > 0, "the transcript laid out")
            await until(pilot, lambda: transcript.scroll_y == transcript.max_scroll_y, "the transcript at its end")
            assert "Your turn, round 2. Since your last move:" in transcript.plain
            assert "Waiting for your answer" in transcript.plain.split("Since your last move:")[-1]
            draft = choices.pending_proposals(view_for(session.state, GOV))[0]
            assert draft.draft
            before = len(session.log)
            await press(pilot, "r")
            await screen_of(pilot, RespondDialog)
            await reject_answer(pilot, click_it=True)
            await until(pilot, lambda: len(session.log) > before, "the answer")
            assert session.log[-1].action == Respond("government", draft.id, False)
            assert session.log[-1].turn == before + 1 and table.unsaved

    asyncio.run(body())


async def a_move_since_the_last_save(pilot: Pilot[None], table: TableScreen) -> None:
    """Play a statement: progress the autosave does not hold yet."""
    before = len(table.session.log)
    await press(pilot, "s")
    await screen_of(pilot, StatementDialog)
    await click(pilot, "#speak")
    await until(pilot, lambda: len(table.session.log) > before, "the statement")
    assert table.unsaved


@asynccontextmanager
async def unsaved_table(tmp_path: Path) -> AsyncIterator[tuple[Any, PeaceTalksApp, TableScreen]]:
    """At the table with a move the autosave does not hold yet: the pilot, the app, the table."""
    app = new_app(tmp_path, ("government",))
    async with driven(app, size=SIZE) as pilot:
        table = await settle(pilot)
        assert isinstance(table, TableScreen)
        await a_move_since_the_last_save(pilot, table)
        yield pilot, app, table


@asynccontextmanager
async def asked_to_leave(tmp_path: Path) -> AsyncIterator[tuple[Any, PeaceTalksApp, TableScreen, ConfirmDialog]]:
    """An unsaved table where ctrl+q was pressed: the pilot, the app, the table, and the
    question ctrl+q asks."""
    async with unsaved_table(tmp_path) as (pilot, app, table):
        await press(pilot, "ctrl+q")
        yield pilot, app, table, await screen_of(pilot, ConfirmDialog)


def test_quitting_with_nothing_unsaved_just_quits(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",))
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen) and not table.unsaved
            await press(pilot, "ctrl+q")
            await until(pilot, lambda: app._exit, "the app to quit")
            assert not isinstance(app.screen, ConfirmDialog)
            assert app.farewell == "The game was left before its first move: there was nothing to save."
        assert latest_autosave() is None

    asyncio.run(body())


def test_quitting_with_unsaved_progress_asks_and_can_stay(tmp_path: Path) -> None:
    async def body() -> None:
        async with asked_to_leave(tmp_path) as (pilot, app, table, confirm):
            assert "Leave the table?" in confirm.question
            assert str(confirm.query_one("#yes").label) == "Save and quit"
            await press(pilot, "enter")  # the focus is on Stay: Enter alone never quits
            await until(pilot, lambda: app.screen is table, "the table again")
            assert not app._exit and table.unsaved
            assert latest_autosave() is None

    asyncio.run(body())


def test_save_and_quit_writes_the_autosave(tmp_path: Path) -> None:
    async def body() -> Session:
        async with asked_to_leave(tmp_path) as (pilot, app, table, _):
            await click(pilot, "#yes")
            await until(pilot, lambda: app._exit, "the app to quit")
            return table.session

    session = asyncio.run(body())
    saved = load(autosave_file())
    assert len(saved.log) == len(session.log) == 1
    assert saved.log[-1].action == session.log[-1].action
    assert state_hash(saved.state) == state_hash(session.state)


def test_ctrl_q_twice_saves_and_quits(tmp_path: Path) -> None:
    """The question says so: a second ctrl+q over it answers it, where it used to stack a
    second question on the first."""

    async def body() -> Session:
        async with asked_to_leave(tmp_path) as (pilot, app, table, confirm):
            assert "ctrl+q again" in confirm.question
            await press(pilot, "ctrl+q")
            await until(pilot, lambda: app._exit, "the app to quit")
            assert sum(isinstance(s, ConfirmDialog) for s in app.screen_stack) <= 1
            # the command says where the game went once the shell has the terminal (a tester's
            # ctrl+q twice gave it back without a word)
            assert app.farewell.startswith(f"Your game is saved in the autosave {table.autosave_path}:")
            assert "Continue the autosave" in app.farewell
            return table.session

    session = asyncio.run(body())
    saved = load(autosave_file())
    assert state_hash(saved.state) == state_hash(session.state)


def test_quitting_from_a_dialog_with_unsaved_progress_asks_first(tmp_path: Path) -> None:
    async def body() -> None:
        async with unsaved_table(tmp_path) as (pilot, app, _):
            await press(pilot, "p")
            await screen_of(pilot, ProposalBuilder)
            await press(pilot, "ctrl+q")
            await until(pilot, lambda: app._exit or isinstance(app.screen, ConfirmDialog), "an answer to ctrl+q")
            assert not app._exit, "quit without asking, the last move unsaved"

    asyncio.run(body())
