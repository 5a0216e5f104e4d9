"""The hard agent's rehearsal (game.ai.rehearsal) runs off the screen's event loop, and the status
line says who is rehearsing while it does."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from game.ai import rehearsal as R
from game.ai.levels import LEVELS, Level
from game.ai.rehearsal import Rehearsed
from game.engine.model import Scenario
from game.scenario import load_scenario
from game.ui.format import named
from game.ui.screens import table as table_screen
from game.ui.screens.notices import Notice
from game.ui.screens.table import TableScreen
from tests.ui.driving import driven, new_app, settle, until

HARD = LEVELS["hard"]
# a table no book holds, whose signatories rehearse in a few hundredths of a second
MINI = Path(__file__).parents[1] / "fixtures" / "mini.yaml"


def test_the_status_line_says_who_rehearses_and_the_screen_keeps_answering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    prepared: list[int] = []
    original = Rehearsed.prepare

    def slow_prepare(self: Rehearsed, seat: int, given_up: object = None) -> Level:
        if self.style is None:  # the rehearsal itself (a chosen style is only read back)
            assert threading.current_thread() is not threading.main_thread()  # off the event loop
            release.wait(timeout=30)
            prepared.append(seat)
        return original(self, seat)

    monkeypatch.setattr(Rehearsed, "prepare", slow_prepare)

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=3, difficulty="hard")
        async with driven(app, size=(120, 40)) as pilot:
            for _ in range(10):  # the opening notices, closed as a player closes them
                await until(pilot, lambda: app.screen.is_mounted, "a screen")
                if isinstance(app.screen, TableScreen):
                    break
                await pilot.press("enter")
                await pilot.pause()
            table = app.screen
            assert isinstance(table, TableScreen)

            def status() -> str:
                return str(table.query_one("#status", Static).content)

            await until(
                pilot, lambda: "rehearses the talks before its first move" in status(), "the rehearsal's status"
            )
            actor = table.session.state.actor
            assert named(table.session.scenario.delegations[actor], 26) in status()
            steps = table.session.state.step
            await pilot.press("question_mark")  # the screen still answers while the seat rehearses
            await pilot.pause()
            assert app.screen is not table
            await pilot.press("escape")
            assert table.session.state.step == steps  # and nothing was played meanwhile
            release.set()
            await settle(pilot)
            assert actor in prepared
            assert "rehearses" not in status()

    asyncio.run(body())


def test_every_ai_seat_rehearses_ahead_while_the_player_reads_the_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table starts the rehearsals as it opens, in the order the seats will move, off the
    event loop: by the time the player has read the opening notice, the AI's first moves need
    not wait. Nothing is played before the notice is closed."""
    prepared: list[int] = []

    def quick_prepare(self: Rehearsed, seat: int, given_up: object = None) -> Level:
        if self.style is None:
            assert threading.current_thread() is not threading.main_thread()
            prepared.append(seat)
            self.style = HARD  # the choice itself is tests/ai/test_rehearsal.py's
        return HARD

    monkeypatch.setattr(Rehearsed, "prepare", quick_prepare)

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=3, difficulty="hard")
        async with driven(app, size=(120, 40)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, Notice), "the opening notice")
            table = next(s for s in app.screen_stack if isinstance(s, TableScreen))
            state = table.session.state
            seats = len(state.scenario.delegations)
            ai = [s for s in range(seats) if s not in table.humans]
            await until(pilot, lambda: sorted(prepared) == ai, "every AI seat rehearsed")
            assert prepared == sorted(ai, key=lambda s: (s - state.actor) % seats)  # who moves first, first
            assert isinstance(app.screen, Notice) and table.session.state.step == state.step

    asyncio.run(body())


def test_closing_the_game_stops_the_rehearsals_ahead_after_the_seat_under_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting waits for the seat being rehearsed at most (the process joins its threads as it
    exits), not for every seat left."""
    started = threading.Event()
    release = threading.Event()
    prepared: list[int] = []

    def held_prepare(self: Rehearsed, seat: int, given_up: object = None) -> Level:
        if self.style is None:
            started.set()
            release.wait(timeout=30)
            prepared.append(seat)
            self.style = HARD
        return HARD

    monkeypatch.setattr(Rehearsed, "prepare", held_prepare)
    # the worker's own function returning, not the worker's state: a cancelled worker counts as
    # finished at once, while its thread still runs the seat under way
    returned = threading.Event()
    prepare_ahead = table_screen._prepare

    def watched(pending: list[tuple[Rehearsed, int]]) -> None:
        try:
            prepare_ahead(pending)
        finally:
            returned.set()

    monkeypatch.setattr(table_screen, "_prepare", watched)

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=3, difficulty="hard")
        async with driven(app, size=(120, 40)) as pilot:
            await until(pilot, started.is_set, "the first rehearsal under way")
            workers = [w for w in app.workers if w.group == "rehearsal"]
            assert len(workers) == 1
            app.exit()
            await pilot.pause()
            assert workers[0].is_cancelled
            release.set()
        assert returned.wait(timeout=30)  # the thread ends after the seat under way
        assert len(prepared) == 1

    asyncio.run(body())


def test_seats_no_book_holds_rehearse_in_workers_and_their_first_moves_take_those_choices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a table no book holds, the hard signatories rehearse in worker processes, one a core,
    while the player reads (a table of six such seats took 38 s of one core before its first
    round, its thread holding the interpreter from the interface). The choices they bring back
    are those a rehearsal here makes, and the seats' first moves use them: nothing is rehearsed
    in this process (a worker is a new interpreter: only this process's rehearsals are counted)."""
    monkeypatch.setattr(table_screen, "cores", lambda: 2)
    here: list[int] = []
    original = R.rehearse

    def counted(scenario: Scenario, seat: int, kind: str = "hard", games: int = R.FURTHEST) -> R.Choice:
        here.append(seat)
        return original(scenario, seat, kind, games)

    monkeypatch.setattr(R, "rehearse", counted)
    monkeypatch.setattr(R, "_choices", type(R._choices)())
    sc = load_scenario(MINI)
    signatories = list(sc.venues[0].signatories)

    async def body() -> None:
        app = new_app(tmp_path, ("big",), seed=3, scenario=MINI, difficulty="hard")
        async with driven(app, size=(120, 40)) as pilot:
            keys = [(*R._key(sc), seat, "hard") for seat in signatories]
            await until(pilot, lambda: all(k in R._choices for k in keys), "both signatories rehearsed", timeout=60)
            for _ in range(10):  # the opening notices, then the game goes on to its AI moves
                if isinstance(app.screen, TableScreen):
                    break
                await pilot.press("enter")
                await pilot.pause()
            await settle(pilot)
            table = app.screen
            assert isinstance(table, TableScreen)
            assert any(r.actor in signatories for r in table.session.records if r.kind in ("propose", "respond"))
        assert here == []
        for seat in signatories:  # what a rehearsal here chooses, scores and all
            assert R._choices[(*R._key(sc), seat, "hard")][1] == original(sc, seat)

    asyncio.run(body())
