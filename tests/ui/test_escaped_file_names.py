"""File names are shown as text in the interface: an escape sequence in one never reaches the
terminal.

A tester named saves `\\e]2;TITLE\\a` (which sets a terminal's title) and `\\e[2J` (which clears
the screen): the save browser's Name column showed them escaped, but the line under the list
showed the path raw, and so did the replay viewer's status line (`peacetalks replay FILE`) and
the toasts that name a file. Each screen is rendered as the terminal would be sent it, and no
ESC or BEL from a name may be in it, nor in the app's title and sub-title.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable

from game.saves import save
from game.saves.timeline import load_timeline
from game.ui.app import make_app
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.saves import SaveBrowser
from game.ui.screens.title import TitleScreen
from tests.saves.helpers import finished, new_session, play_on
from tests.ui.driving import click, driven, footer_shows_keys, press, screen_of, until

SIZE = (140, 40)
TITLE = "title\x1b]2;PWNED\x07"  # sets the terminal's title
CLEAR = "clear\x1b[2J"  # clears the screen
NEWLINE = "two\nlines"


def drawn(app: App[Any]) -> str:
    """Every character of the screen as it is drawn for the terminal, toasts included."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def no_controls(app: App[Any]) -> str:
    text = drawn(app)
    for char in ("\x1b", "\x07", "\x9b", "\x9d"):
        assert char not in text, repr(text)
        assert char not in app.title and char not in app.sub_title
        assert char not in (app.screen.title or "") and char not in (app.screen.sub_title or "")
    for toast in app._notifications:
        assert "\x1b" not in toast.message and "\x1b" not in toast.title, toast
    return text


def saves(folder: Path) -> Path:
    """A running game, a finished one and a file that is not a save, each named with a control
    sequence; the saves folder's own name holds one too."""
    folder = folder / f"saves{CLEAR}"
    running = save(play_on(new_session("mini", 5, red="human"), 4), folder, "running")
    running.rename(folder / f"{TITLE}.yaml")
    done = save(finished("mini", 3), folder, "done")
    done.rename(folder / f"{CLEAR}{NEWLINE}.yaml")
    (folder / f"broken{TITLE}.yaml").write_text("format: 2\n")
    return folder


async def browser_of(pilot: Pilot[Any]) -> SaveBrowser:
    await screen_of(pilot, TitleScreen)
    await click(pilot, "#load")
    browser = await screen_of(pilot, SaveBrowser)
    await until(pilot, lambda: browser.loaded, "the list of saves")
    await until(pilot, lambda: footer_shows_keys(browser), "the footer's keys")
    await pilot.pause()
    assert isinstance(browser, SaveBrowser)
    return browser


def test_the_save_browser_shows_every_path_as_text(tmp_path: Path) -> None:
    folder = saves(tmp_path)

    async def body() -> None:
        app = make_app(saves_dir=folder, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            browser = await browser_of(pilot)
            assert len(browser.rows) == 3
            table = browser.query_one(DataTable)
            for k, row in enumerate(browser.rows):
                table.move_cursor(row=k)
                await pilot.pause()
                text = no_controls(app)
                assert row.name in text  # the Name column, escaped as before
                # the detail line: the whole path, escaped the same way (a line break too)
                shown = str(row.path).replace("\x1b", "\\x1b").replace("\x07", "\\x07").replace("\n", "\\n")
                assert shown[-40:] in text.replace("\n", ""), (shown, text)
            # the row that is not a save: Enter says why in a toast that names the file
            table.move_cursor(row=[r.problem != "" for r in browser.rows].index(True))
            await press(pilot, "enter")
            await until(pilot, lambda: any(n.title == "Cannot open" for n in app._notifications), "the refusal")
            await pilot.pause()
            no_controls(app)

    asyncio.run(body())


def test_the_replay_viewer_shows_the_file_name_as_text(tmp_path: Path) -> None:
    """`peacetalks replay FILE` with a file named with `\\e]2;...\\a`: its name is in the status line."""
    path = save(finished("mini", 3), tmp_path, "done")
    named = tmp_path / f"{TITLE}{CLEAR}.yaml"
    shutil.move(path, named)

    async def body() -> None:
        app = make_app(replay=load_timeline(named), replay_name=named.name)
        async with driven(app, size=SIZE) as pilot:
            viewer = await screen_of(pilot, ReplayScreen)
            await until(pilot, lambda: viewer.is_mounted, "the viewer")
            await pilot.pause()
            text = no_controls(app)
            assert "title\\x1b]2;PWNED\\x07clear\\x1b[2J.yaml" in text

    asyncio.run(body())


def test_the_problems_of_a_watched_file_name_it_as_text(tmp_path: Path) -> None:
    """`play FILE --watch`: the screen of a file that does not load names it in its title."""
    from game.scenario import check_file
    from game.ui.screens.problems import ScenarioProblems

    path = tmp_path / f"{TITLE}.yaml"
    path.write_text("title: [unclosed\n", encoding="utf-8")
    _, diagnostics = check_file(path)

    async def body() -> None:
        app = make_app(saves_dir=tmp_path, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            await screen_of(pilot, TitleScreen)
            app.push_screen(ScenarioProblems(str(path), diagnostics, False))
            await screen_of(pilot, ScenarioProblems)
            await until(pilot, lambda: "does not load" in drawn(app), "the problems drawn")
            assert "PWNED\\x07.yaml does not load" in no_controls(app)

    asyncio.run(body())
