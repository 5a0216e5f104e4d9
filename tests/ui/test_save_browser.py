"""The save browser, from the title screen: every save with its scenario, seat, round, result and
date, newest first or in another order; Enter continues a running game or replays a finished
one, r replays, and a file that is not a save says so without opening anything."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable

from game.engine import state_hash
from game.saves import Session, save
from game.ui.app import make_app
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.saves import SaveBrowser
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from tests.saves.helpers import finished, new_session, play_on
from tests.ui.driving import click, driven, footer_shows_keys, press, screen_of, screen_text, settle, table_of, until

SIZE = (100, 30)
DAY = 1_796_000_000  # a fixed date for the files, so the listing (and its snapshot) never moves


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three saves: a running astana-8 game played by the government, a finished one, and a
    file that is not a save; written an hour apart, the running game last."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    saves = tmp_path / "saves"
    running = save(play_on(new_session("astana-8", 5, government="human"), 12), saves, "my-game")
    done = save(finished("mini", 3), saves, "finished-mini")
    bad = saves / "broken.yaml"
    bad.write_text("format: 2\n")
    for k, path in enumerate((bad, done, running)):
        os.utime(path, (DAY + 3600 * k,) * 2)
    return saves


async def browser_of(pilot: Pilot[Any]) -> SaveBrowser:
    await screen_of(pilot, TitleScreen)
    await click(pilot, "#load")
    browser = await screen_of(pilot, SaveBrowser)
    await until(pilot, lambda: browser.loaded, "the list of saves")  # read in a worker
    await until(pilot, lambda: footer_shows_keys(browser), "the footer's keys")
    await pilot.pause()
    assert isinstance(browser, SaveBrowser)
    return browser


def cells(browser: SaveBrowser) -> list[list[str]]:
    table = browser.query_one(DataTable)
    return [[c.plain if isinstance(c, Text) else str(c) for c in table.get_row_at(k)] for k in range(table.row_count)]


async def choose(pilot: Pilot[Any], browser: SaveBrowser, name: str, key: str) -> None:
    browser.query_one(DataTable).move_cursor(row=[r.name for r in browser.rows].index(name))
    await press(pilot, key)


def test_the_browser_lists_scenario_seat_round_result_and_date_newest_first(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The status line names the folder before the order: a short name, so that the order is in
    # view however long the temporary folder's path is (pytest-xdist's workers nest it deeper).
    monkeypatch.chdir(folder.parent)

    async def body() -> None:
        app = make_app(saves_dir=Path(folder.name), seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            browser = await browser_of(pilot)
            rows = cells(browser)
            assert [r[0] for r in rows] == ["my-game", "finished-mini", "broken"]
            _, scenario, seat, where, result, saved = rows[0]
            assert scenario.startswith("Astana 8") and seat.startswith("Govern")
            assert where.startswith("R") and result == "running"
            assert saved == time.strftime("%Y-%m-%d %H:%M", time.localtime(DAY + 7200))
            assert rows[1][2] == "AI only" and rows[1][4] in ("agreement", "partial", "no deal", "collapse")
            assert "not a saved game" in rows[2][1] and rows[2][4] == "unreadable"
            assert "newest first" in screen_text(app)

    asyncio.run(body())


def test_o_and_the_column_headers_change_the_order(folder: Path) -> None:
    async def body() -> None:
        app = make_app(saves_dir=folder, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            browser = await browser_of(pilot)
            await press(pilot, "o")
            assert browser.order == "by name"
            assert [r[0] for r in cells(browser)] == ["broken", "finished-mini", "my-game"]
            await press(pilot, "o", "o", "o")
            assert browser.order == "newest first"
            assert await pilot.click("#save-table", offset=(3, 0))  # the Name header
            await until(pilot, lambda: browser.order == "by name", "the order by name")

    asyncio.run(body())


def test_enter_continues_a_running_game_where_it_stood(folder: Path) -> None:
    async def body() -> None:
        app = make_app(saves_dir=folder, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            browser = await browser_of(pilot)
            await choose(pilot, browser, "my-game", "enter")
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            assert len(table.session.log) >= 12
            assert table.suggested_name == "my-game"  # ctrl+s offers (and keeps) its own name

    asyncio.run(body())


def test_enter_on_a_finished_game_and_r_on_a_running_one_open_the_replay(folder: Path) -> None:
    async def body() -> None:
        app = make_app(saves_dir=folder, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            browser = await browser_of(pilot)
            await choose(pilot, browser, "finished-mini", "enter")
            viewer = await screen_of(pilot, ReplayScreen)
            assert viewer.timeline.state_at(viewer.timeline.steps).over
            await press(pilot, "escape")
            # back to the browser it was opened from, its cursor on that save (a newcomer found
            # the title screen)
            browser = await screen_of(pilot, SaveBrowser)
            await until(pilot, lambda: browser.loaded, "the list of saves")
            assert isinstance(app.screen_stack[-2], TitleScreen)
            current = browser._current()
            assert current is not None and current.name == "finished-mini"
            await choose(pilot, browser, "my-game", "r")
            viewer = await screen_of(pilot, ReplayScreen)
            assert viewer.timeline.steps == 12

    asyncio.run(body())


def test_d_opens_a_finished_games_debrief_again(folder: Path) -> None:
    """A newcomer who had closed the debrief found no way back to it."""

    async def body() -> None:
        save(finished("mini", 3, red="human"), folder, "played-mini")
        app = make_app(saves_dir=folder, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            browser = await browser_of(pilot)
            await choose(pilot, browser, "my-game", "d")  # running: no debrief yet, and it says so
            await until(pilot, lambda: any(n.title == "No debrief yet" for n in app._notifications), "the notice")
            assert app.screen is browser
            await choose(pilot, browser, "played-mini", "d")
            debrief = await screen_of(pilot, DebriefScreen)
            assert debrief.session.state.over and "Mini talks" in screen_text(app)
            # leaving it comes back to the saved games, the cursor on that save, as a replay's
            # leaving does (a tester found the title screen); the help line says where
            assert "q / Esc: back to the saved games" in screen_text(app)
            await press(pilot, "escape")
            again = await screen_of(pilot, SaveBrowser)
            await until(pilot, lambda: again.loaded, "the list again")
            current = again._current()
            assert current is not None and current.name == "played-mini"
            await press(pilot, "escape")  # and from there, the title screen
            await screen_of(pilot, TitleScreen)

    asyncio.run(body())


@pytest.mark.parametrize(
    ("name", "key", "title"), [("my-game", "enter", "Cannot load"), ("finished-mini", "enter", "Cannot replay")]
)
def test_a_save_that_fails_to_open_brings_the_browser_back(folder: Path, name: str, key: str, title: str) -> None:
    """A save the listing reads as sound but whose moves do not replay (a hash edited): opening it
    says why, and the browser comes back over the title screen, for another choice (before, the
    player was left at the title screen)."""
    path = folder / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    *lines, last = text.rstrip("\n").split("\n")  # the last move: '  - "TURN ROUND ... HASH"'
    edited = last[:-2] + ("0" if last[-2] != "0" else "1") + '"'  # the hash's last digit
    path.write_text("\n".join([*lines, edited]) + "\n", encoding="utf-8")
    os.utime(path, (DAY - 3600,) * 2)  # the oldest: listed last, newest first

    async def body() -> None:
        app = make_app(saves_dir=folder, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            browser = await browser_of(pilot)
            assert next(r for r in browser.rows if r.name == name).problem == ""
            await choose(pilot, browser, name, key)
            await until(pilot, lambda: any(n.title == title for n in app._notifications), "the reason")
            again = await screen_of(pilot, SaveBrowser)
            await until(pilot, lambda: again.loaded, "the list again")
            assert isinstance(app.screen_stack[-2], TitleScreen)
            # its cursor on the save that failed, not on the first row: a second Enter there
            # continued the autosave by mistake
            current = again._current()
            assert current is not None and current.path == path and again.rows[0].path != path

    asyncio.run(body())


def test_a_file_that_is_not_a_save_is_refused_and_the_browser_stays(folder: Path) -> None:
    async def body() -> None:
        app = make_app(saves_dir=folder, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            browser = await browser_of(pilot)
            await choose(pilot, browser, "broken", "enter")
            await until(pilot, lambda: any(n.title == "Cannot open" for n in app._notifications), "the refusal")
            assert app.screen is browser
            await press(pilot, "escape")
            await screen_of(pilot, TitleScreen)

    asyncio.run(body())


def test_an_empty_folder_says_how_to_save(tmp_path: Path) -> None:
    async def body() -> None:
        app = make_app(saves_dir=tmp_path / "none", seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            await browser_of(pilot)
            assert "ctrl+s saves the game" in screen_text(app)

    asyncio.run(body())


def test_a_game_saved_with_ctrl_s_is_in_the_browser_and_continues(tmp_path: Path) -> None:
    """The whole path a player takes: play, save under a name, leave, find it, continue it."""

    async def body() -> None:
        app = make_app(scenario=None, saves_dir=tmp_path, seed=4, speed=0)
        async with driven(app, size=SIZE) as pilot:
            await screen_of(pilot, TitleScreen)
            await press(pilot, "enter")  # the title's Start
            table = await settle(pilot)
            await press(pilot, "n")
            table = await settle(pilot)
            await press(pilot, "ctrl+s", "enter")
            await until(pilot, lambda: (tmp_path / "astana-8-government.yaml").exists(), "the save")
            want = state_hash(table.session.state)
        app = make_app(saves_dir=tmp_path, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            browser = await browser_of(pilot)
            assert cells(browser)[0][0] == "astana-8-government"
            await press(pilot, "enter")
            await until(pilot, lambda: any(isinstance(s, TableScreen) for s in app.screen_stack), "the table")
            assert state_hash(table_of(app).session.state) == want

    asyncio.run(body())


def test_names_from_files_are_shown_as_text_never_as_markup(folder: Path) -> None:
    (folder / "[b]loud[i].yaml").write_text("[red]not a save[/red]\n")

    async def body() -> None:
        app = make_app(saves_dir=folder, seed=1, speed=0)
        async with driven(app, size=(120, 30)) as pilot:
            browser = await browser_of(pilot)
            await choose(pilot, browser, "[b]loud[i]", "o")  # highlight it: the detail shows its path
            assert "[b]loud[i]" in [r[0] for r in cells(browser)]
            assert "[b]loud[i].yaml" in screen_text(app)

    asyncio.run(body())


def test_the_list_arriving_as_the_browser_is_taken_down_is_no_error(folder: Path) -> None:
    """The saves are read in a worker; the list can come back while the browser is being taken
    down (the app closing: attached, its table already gone). It is kept, and nothing fails for
    the table that is no longer there."""

    async def body() -> None:
        app = make_app(saves_dir=folder, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            browser = await browser_of(pilot)
            rows = list(browser.rows)
            await browser.query_one("#save-table").remove()
            browser._show(rows[:1])
            assert browser.rows == rows[:1] and browser.loaded

    asyncio.run(body())


def test_a_hot_seat_saves_players_read_by_their_short_names_where_the_whole_ones_do_not_fit(
    tmp_path: Path,
) -> None:
    """A playtester's two-seat save read "Governm…" in the "You play" column, even at 100
    columns: where the whole names do not fit, the short names the file gives are shown."""
    saves = tmp_path / "saves"
    saves.mkdir()
    save(play_on(new_session("astana-8", 5, government="human", opposition="human"), 6), saves, "two-seats")

    async def body() -> None:
        app = make_app(saves_dir=saves, seed=1, speed=0)
        async with driven(app, size=(100, 30)) as pilot:
            browser = await browser_of(pilot)
            seat = cells(browser)[0][2]
            assert seat.startswith("Government+Opp"), seat

    asyncio.run(body())


def _a_finished_game_and_its_autosave(tmp_path: Path) -> tuple[Path, Path, Session, Path]:
    """The saves folder, the autosaves' folder, a finished game (astana-8, seed 42), and its save
    by name, beside the autosave that kept it up to date (`named_save`)."""
    from game.paths import autosave_dir
    from game.saves import save_text

    saves = tmp_path / "saves"
    autosaves = autosave_dir()
    autosaves.mkdir(parents=True, exist_ok=True)
    done = finished("astana-8", 42, "hard", opposition="human")
    named = save(done, saves, "astana-done")
    (autosaves / "astana-8-same.yaml").write_text(save_text(done, named), encoding="utf-8")
    return saves, autosaves, done, named


def test_an_autosave_of_the_very_game_of_a_named_save_is_listed_once(tmp_path: Path) -> None:
    """A finished game saved by name was listed twice: by its name, and as an "(autosave)" row
    alike in every column (the autosave kept the named save up to date, `named_save`). Where the
    autosave holds the same game at the same turn, the named save's row alone is listed; an
    autosave a move further on, or of another game, keeps its row."""
    from game.saves import save_text
    from game.saves.catalog import list_saves

    saves, autosaves, _, named = _a_finished_game_and_its_autosave(tmp_path)
    # a running game saved by name at turn 12, its autosave a move further on: both listed
    running = play_on(new_session("astana-8", 5, government="human"), 12)
    kept = save(running, saves, "astana-running")
    (autosaves / "astana-8-later.yaml").write_text(save_text(play_on(running, 1), kept), encoding="utf-8")
    # an autosave that names a save holding another game: listed
    (autosaves / "astana-8-other.yaml").write_text(save_text(play_on(new_session("astana-8", 6), 3), named))
    rows = list_saves(saves, tuple(sorted(autosaves.iterdir())))
    assert sorted(r.name for r in rows) == ["astana-8-later", "astana-8-other", "astana-done", "astana-running"]

    async def body() -> None:
        app = make_app(saves_dir=saves, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            browser = await browser_of(pilot)
            names = sorted(row[0] for row in cells(browser))
            assert names == ["(autosave)", "(autosave)", "astana-done", "astana-running"]
            assert "4 saves in " in str(browser.query_one("#saves-status").content)

    asyncio.run(body())


def test_an_autosave_is_listed_beside_a_named_save_damaged_between_its_head_and_tail(tmp_path: Path) -> None:
    """The list reads a save's head and tail: a named save damaged in the middle of its log
    listed as sound, and the autosave of the same game, the one copy that loads, was left out
    as its copy (a reviewer's). It is left out only where the two files are the same but for
    the autosave's link."""
    from game.saves import SaveLoadError, load
    from game.saves.catalog import list_saves

    saves, autosaves, _, named = _a_finished_game_and_its_autosave(tmp_path)
    text = named.read_text(encoding="utf-8").splitlines(keepends=True)
    fifth = next(k for k, line in enumerate(text) if line.startswith("log:")) + 5  # the log's fifth entry
    assert " #" in text[fifth]
    text[fifth] = text[fifth].replace(" #", " ", 1)
    named.write_text("".join(text), encoding="utf-8")
    with pytest.raises(SaveLoadError):
        load(named)
    rows = list_saves(saves, tuple(sorted(autosaves.iterdir())))
    assert sorted(r.name for r in rows) == ["astana-8-same", "astana-done"]
