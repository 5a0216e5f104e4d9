"""`peacetalks play PATH --watch`: the game restarts when the scenario file changes, and a version
that does not load shows its errors in the interface, by line, instead of crashing."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Static

from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.engine import view_for
from game.ui.app import make_app
from game.ui.screens.notices import Notice
from game.ui.screens.problems import ScenarioProblems
from game.ui.screens.table import TableScreen
from game.ui.widgets.wrapped import WrappedText
from tests.ui.driving import (
    ASTANA,
    DEADLINE,
    Driver,
    ai_busy,
    driven,
    press,
    settle,
    table_of,
    table_ready,
    tick,
    until,
)

GOOD = ASTANA.read_text()
RENAMED = GOOD.replace('title: "', 'title: "Edited: ', 1)
BROKEN = GOOD.replace("rounds: 6", "rounds: six", 1)


def write(path: Path, text: str) -> None:
    """Write as an editor saves, the modification time moved on (file systems can be coarse)."""
    path.write_text(text)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def watched(tmp_path: Path, text: str = GOOD, seat: str = "government") -> tuple[Path, App[None]]:
    """A scenario file written with `text`, and `play PATH --watch` on it (seed 5, AI at once)."""
    path = tmp_path / "talks.yaml"
    write(path, text)
    return path, make_app(path, (seat,), "normal", 5, saves_dir=tmp_path, speed=0, watch=True)


def newest_table(app: App[None]) -> TableScreen | None:
    """The game on screen, under the notice of its first round's events if that is up."""
    return next((s for s in reversed(app.screen_stack) if isinstance(s, TableScreen)), None)


def table_seats(app: App[None]) -> dict[str, str]:
    table = newest_table(app)
    return dict(table.session.seats) if table is not None else {"jordan": "none yet"}


def table_title(app: App[None]) -> str:
    table = newest_table(app)
    return table.session.scenario.title if table is not None else ""


def problems_text(app: object) -> str:
    screen = getattr(app, "screen", None)
    if not isinstance(screen, ScenarioProblems) or not screen.query("#notice-body"):
        return ""
    return (
        str(screen.query_one("#notice-title", Static).content)
        + "\n"
        + str(screen.query_one("#notice-body", Static).content)
    )


def test_an_edit_restarts_the_game_and_a_broken_one_shows_its_errors(tmp_path: Path) -> None:
    assert "rounds: 6" in GOOD and RENAMED != GOOD
    path, app = watched(tmp_path)

    async def body() -> None:
        async with driven(app, size=(100, 32)) as pilot:
            first = await table_ready(pilot)
            write(path, BROKEN)
            # the heading and the errors are separate widgets: wait for both, not the first
            await until(pilot, lambda: "does not load" in problems_text(app), "the errors")
            text = problems_text(app)
            line = 1 + GOOD[: GOOD.index("rounds: 6")].count("\n")
            assert "does not load: 1 error" in text
            assert f"line {line}, column 13" in text and "'six'" in text
            # the game waits underneath, untouched; Esc goes back to it
            assert first in app.screen_stack
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is first, "the game again")
            write(path, RENAMED)
            await until(pilot, lambda: table_title(app).startswith("Edited: "), "the game restarted with the edit")
            assert first not in app.screen_stack
            table = newest_table(app)
            assert table is not None and table is not first
            assert table.session.seed == 5  # the same seed: only the edit differs
            # the new game comes up whole, alone (and the test does not end while it mounts)
            assert await table_ready(pilot) is newest_table(app)

    asyncio.run(body())


def test_a_file_broken_from_the_start_waits_for_a_fix(tmp_path: Path) -> None:
    path, app = watched(tmp_path, BROKEN)

    async def body() -> None:
        async with driven(app, size=(80, 24)) as pilot:
            await until(pilot, lambda: bool(problems_text(app)), "the errors")
            assert "the game starts as soon as the file loads" in str(
                app.screen.query_one("#problems-hint", Static).content
            )
            await pilot.press("escape")  # nothing to go back to: the errors stay
            assert isinstance(app.screen, ScenarioProblems)
            write(path, GOOD)
            await until(pilot, lambda: newest_table(app) is not None, "the game, once the file loads")
            assert not any(isinstance(s, ScenarioProblems) for s in app.screen_stack)
            # the new game comes up whole, alone (and the test does not end while it mounts)
            assert await table_ready(pilot) is newest_table(app)

    asyncio.run(body())


def test_a_seat_that_disappears_falls_back_to_the_default(tmp_path: Path) -> None:
    path, app = watched(tmp_path, seat="jordan")
    without_jordan_id = GOOD.replace("id: jordan", "id: hashemite_kingdom").replace("jordan", "hashemite_kingdom")

    async def body() -> None:
        async with driven(app, size=(100, 32)) as pilot:
            await table_ready(pilot)
            write(path, without_jordan_id)
            await until(pilot, lambda: "jordan" not in table_seats(app), "the new game")
            table = newest_table(app)
            assert table is not None
            seats = table.session.seats
            assert [d for d, seat in seats.items() if seat == "human"] == ["government"]
            # the new game comes up whole, alone (and the test does not end while it mounts)
            assert await table_ready(pilot) is newest_table(app)

    asyncio.run(body())


def test_a_table_closed_by_a_restart_ignores_what_was_still_queued_for_it(tmp_path: Path) -> None:
    """An edit pops the running game; a redraw or a logged move already on its way to that table
    (queued callbacks, an AI move under way) finds its widgets gone and does nothing."""
    path, app = watched(tmp_path)

    async def body() -> None:
        async with driven(app, size=(100, 32)) as pilot:
            first = await table_ready(pilot)
            write(path, RENAMED)
            await until(pilot, lambda: table_title(app).startswith("Edited: "), "the game restarted with the edit")
            await until(pilot, lambda: not first.children, "the old table's widgets removed")
            first.refresh_table()
            first._show_detail()
            first._log(first.session.records)
            assert newest_table(app) is not first
            # the new game comes up whole, alone (and the test does not end while it mounts)
            assert await table_ready(pilot) is newest_table(app)

    asyncio.run(body())


def test_a_problem_of_the_whole_file_is_said_once_without_a_place() -> None:
    """Found from outside: a file over 2 MiB read "error: the file: the file is larger than 2 MiB";
    a problem with a place names its line and column."""
    from game.scenario.diagnostics import Diagnostic
    from game.ui.screens.problems import problems_text as shown

    whole = Diagnostic("big.yaml", 0, 0, "error", "the file is larger than 2 MiB; a scenario never needs that much")
    placed = Diagnostic("big.yaml", 3, 7, "warning", "a warning")
    text = shown([placed, whole]).plain
    assert text.splitlines() == [
        "error: the file is larger than 2 MiB; a scenario never needs that much",
        "warning: line 3, column 7: a warning",
    ]


async def _a_round_notice(pilot: Driver[None], mid_game: bool) -> Notice:
    """The notice of a round's events, up over the table: the first round's (on opening), or,
    `mid_game`, a later one the AI's moves brought (the human seat played as the AI plays it)."""
    app = pilot.app
    deadline = time.monotonic() + DEADLINE
    while True:
        assert time.monotonic() < deadline, f"no round's notice; the screen is {app.screen!r}"
        screen = app.screen
        if isinstance(screen, Notice) and not screen.is_mounted:
            pass  # read once it is up
        elif isinstance(screen, Notice):
            first = screen.title_text.startswith("Round 1 ")
            if screen.title_text.startswith("Round ") and first != mid_game:
                return screen
            await press(pilot, "enter")
        elif isinstance(screen, TableScreen) and not ai_busy(app):
            state = screen.session.state
            assert not state.over, "the game ended before a round's notice"
            if state.actor in screen.humans:
                screen._act(chooser("normal")(view_for(state, state.actor), agent_rng(state)).action)
        await tick()


@pytest.mark.parametrize("mid_game", [False, True], ids=["opening", "later-round"])
def test_the_errors_of_an_edit_show_over_the_game_not_over_a_rounds_notice(tmp_path: Path, mid_game: bool) -> None:
    """An edit that does not load, saved while a round's events were up: the errors were drawn
    over that notice, the two boxes stacked, and Esc led back to the notice rather than the
    game. The notice is closed first, as Esc closes it (its events are in the transcript), and
    the game holds still behind the errors until Esc goes back to it."""
    path, app = watched(tmp_path)

    async def body() -> None:
        async with driven(app, size=(100, 32)) as pilot:
            notice = await _a_round_notice(pilot, mid_game)
            table = table_of(app)
            moves = len(table.session.log)
            write(path, BROKEN)
            await until(pilot, lambda: "does not load" in problems_text(app), "the errors")
            assert not any(isinstance(s, Notice) for s in app.screen_stack), "the notice is closed"
            assert app.screen_stack[-2:] == [table, app.screen]
            said = " ".join(table.query_one("#transcript", WrappedText).plain.split())
            assert " ".join(notice.body.split()) in said, "what the notice said is in the transcript"
            for _ in range(20):
                await tick()
            assert len(table.session.log) == moves, "no AI move behind the errors"
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is table, "the game again")
            # and play goes on from where it was (the human's turn comes round again)
            assert await settle(pilot) is table


def test_the_seats_given_play_in_every_version_that_has_them(tmp_path: Path) -> None:
    """`play FILE --watch --seat ...` passed no seats to the interface, and the built-in agent
    played them. Each version of the file plays the seats given where it has their delegations,
    and says which it leaves out (a file broken at the start has had only their kinds checked)."""
    path = tmp_path / "talks.yaml"
    write(path, GOOD)
    seats = (("opposition", "ai:stonewall"), ("jordan", "ai:easy"), ("government", "ai:easy"))
    app = make_app(path, ("government",), "normal", 5, saves_dir=tmp_path, speed=0, watch=True, seats=seats)
    without_jordan_id = GOOD.replace("id: jordan", "id: hashemite_kingdom").replace("jordan", "hashemite_kingdom")

    def told() -> str:
        return " ".join(str(n.message) for n in app._notifications)

    async def body() -> None:
        async with driven(app, size=(100, 32)) as pilot:
            await table_ready(pilot)
            assert table_seats(app)["opposition"] == "ai:stonewall" and table_seats(app)["jordan"] == "ai:easy"
            assert table_seats(app)["government"] == "human"
            await until(pilot, lambda: "--seat government: you play that delegation yourself" in told(), "the notice")
            write(path, without_jordan_id)
            await until(pilot, lambda: "jordan" not in table_seats(app), "the new game")
            assert table_seats(app)["opposition"] == "ai:stonewall"
            unknown = "--seat jordan: no such delegation in this version of the file (known: government,"
            await until(pilot, lambda: unknown in told(), "the notice")
            write(path, GOOD)
            await until(pilot, lambda: table_seats(app).get("jordan") == "ai:easy", "the game with jordan again")
            # the new game comes up whole, alone (and the test does not end while it mounts)
            assert await table_ready(pilot) is newest_table(app)

    asyncio.run(body())
