"""The autosave: one per game, in the user data folder, found by "Continue" from any folder;
"Save and quit" quits only once the game is written."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
from textual.widgets import Button, Input

from game import paths
from game.saves import load, save
from game.ui.app import make_app
from game.ui.screens.actions import ConfirmDialog, RespondDialog
from game.ui.screens.saving import SaveDialog
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from tests.saves.helpers import finished
from tests.ui.driving import click, driven, new_app, press, reject_answer, screen_of, settle, until
from tests.ui.test_cli_ui import SIZE, a_move_since_the_last_save, asked_to_leave, saved_mid_game


def test_the_data_folder_follows_the_environment_then_the_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "mine"))
    assert paths.user_data_dir() == tmp_path / "mine"
    assert paths.autosave_dir() == tmp_path / "mine" / "autosaves"
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
        assert paths.user_data_dir() == tmp_path / "xdg" / "peacetalks"
    else:
        assert paths.user_data_dir().name == "peacetalks"
    # never the folder the game is started in
    assert paths.user_data_dir().resolve() != Path.cwd().resolve()


def test_every_new_game_gets_its_own_autosave_and_old_ones_are_pruned(_data_dir: Path) -> None:
    made = {paths.new_autosave("astana-8") for _ in range(50)}
    assert len(made) == 50, "two games never share an autosave, even started in the same second"
    assert all(p.parent == _data_dir / "autosaves" and p.name.startswith("astana-8-") for p in made)
    assert all(paths._AUTOSAVE_NAME.fullmatch(paths.new_autosave(n).name) for n in ("astana-8", "", "é" * 60, "../x"))
    folder = paths.autosave_dir()
    folder.mkdir()
    named = [folder / f"game-20190101-0000{k:02}-abc{k:03}.yaml" for k in range(30)]
    for k, path in enumerate(named):
        path.write_text("x")
        os.utime(path, (1_000_000 + k, 1_000_000 + k))
    (folder / ".game-99.yaml.abc.tmp").write_text("a temporary file is not an autosave")
    # a user's own files in the folder, older than every autosave: listed, never pruned
    mine = [folder / "notes.yaml", folder / "my-favourite-game.yaml", folder / "game-2019-x.yaml"]
    for path in mine:
        path.write_text("mine")
        os.utime(path, (1_000, 1_000))
    assert paths.latest_autosave() == named[29]
    paths.new_autosave("astana-8")
    kept = paths.autosaves()
    assert all(path.exists() for path in mine)
    pruned = [path for path in kept if path not in mine]
    assert len(pruned) == paths.KEEP_AUTOSAVES - 1, "room for the new game's own"
    assert pruned[0] == named[29] and pruned[-1] == named[11]
    # a file name from a hostile scenario name stays inside the folder
    assert paths.new_autosave("../../etc/[b]x\x1b").parent == folder


def test_two_games_in_one_folder_never_share_an_autosave(tmp_path: Path) -> None:
    """Two games played with the same saves folder (as two terminals in one folder would)."""

    async def one_game() -> Path:
        app = new_app(tmp_path, ("government",))
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await a_move_since_the_last_save(pilot, table)
            await press(pilot, "ctrl+s", "enter")  # saved under the name offered, and autosaved
            await until(pilot, lambda: not table.unsaved, "the save")
            return table.autosave_path

    first = asyncio.run(one_game())
    second = asyncio.run(one_game())
    assert first != second and first.exists() and second.exists()
    assert first.parent == second.parent == paths.autosave_dir()
    assert not (tmp_path / "autosave.yaml").exists(), "nothing lands in the saves folder"
    assert len(load(first).log) == len(load(second).log) == 1


def test_continue_finds_the_autosave_from_any_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, saved = saved_mid_game(tmp_path / "elsewhere")
    paths.autosave_dir().mkdir(parents=True)
    autosave = paths.autosave_dir() / "astana-8-game.yaml"
    autosave.write_bytes(path.read_bytes())
    monkeypatch.chdir(tmp_path / "elsewhere")  # a folder with no autosave of its own

    async def body() -> None:
        app = make_app(saves_dir=Path("saves"), speed=0, seed=1)
        async with driven(app, size=SIZE) as pilot:
            title = await screen_of(pilot, TitleScreen)
            assert not title.query_one("#continue", Button).disabled
            await click(pilot, "#continue")
            table = await screen_of(pilot, TableScreen)
            assert len(table.session.log) == len(saved.log)
            assert table.autosave_path == autosave, "a game continued from its autosave keeps it"

    asyncio.run(body())


def test_continue_is_disabled_without_an_autosave(tmp_path: Path) -> None:
    async def body() -> None:
        app = make_app(saves_dir=tmp_path, speed=0, seed=1)
        async with driven(app, size=SIZE) as pilot:
            title = await screen_of(pilot, TitleScreen)
            assert title.query_one("#continue", Button).disabled

    asyncio.run(body())


def test_a_loaded_named_save_autosaves_elsewhere(tmp_path: Path) -> None:
    path, _ = saved_mid_game(tmp_path)
    before = path.read_bytes()

    async def body() -> Path:
        app = make_app(load=path, saves_dir=tmp_path, speed=0)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            before = len(table.session.log)
            await press(pilot, "r")  # the mediator's draft waits for the government's answer
            await screen_of(pilot, RespondDialog)
            await reject_answer(pilot, click_it=True)
            await until(pilot, lambda: len(table.session.log) > before, "the answer")
            assert await settle(pilot) is table  # the answer dialog, back for another offer, closed
            await press(pilot, "ctrl+s")  # offers the save's own name: the player chooses another
            dialog = await screen_of(pilot, SaveDialog)
            dialog.query_one(Input).value = "another"
            await press(pilot, "enter")
            await until(pilot, lambda: not table.unsaved, "the save")
            return table.autosave_path

    autosave = asyncio.run(body())
    assert autosave.parent == paths.autosave_dir() and autosave.exists()
    assert path.read_bytes() == before, "the named save is changed only when the player says so"


def test_save_and_quit_stays_when_the_save_cannot_be_written(tmp_path: Path, _data_dir: Path) -> None:
    """A file where the autosave folder should be: the save fails, the app says why and stays."""
    (_data_dir / "autosaves").write_text("a file in the folder's place")

    async def body() -> None:
        async with asked_to_leave(tmp_path) as (pilot, app, table, _):
            await click(pilot, "#yes")
            await until(pilot, lambda: app.screen is table, "the table again")
            await pilot.pause()
            assert not app._exit, "the game was not saved, so the app must not quit"
            assert table.unsaved
            errors = [n for n in app._notifications if n.severity == "error"]
            assert errors and "cannot write" in errors[-1].message
            # asked again, the question never says the game is saved: the last save failed
            await press(pilot, "ctrl+q")
            confirm = await screen_of(pilot, ConfirmDialog)
            assert "The last save failed (" in confirm.question and "cannot write" in confirm.question
            assert "will be saved" not in confirm.question

    asyncio.run(body())


def test_a_crash_autosaves_the_game_and_exits_non_zero(tmp_path: Path) -> None:
    """Whatever goes wrong inside the interface, the game as it stood is written first."""
    app = new_app(tmp_path, ("government",))

    async def body() -> int:
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await a_move_since_the_last_save(pilot, table)
            turns = len(table.session.log)

            def boom() -> None:
                raise RuntimeError("a bug")

            app.call_later(boom)
            await until(pilot, lambda: app.return_code is not None, "the crash")
        return turns

    with pytest.raises(RuntimeError, match="a bug"):
        asyncio.run(body())
    assert app.return_code == 1
    found = paths.latest_autosave()
    assert found is not None and len(load(found).log) >= 1


def test_the_play_command_exits_with_the_interface_status(capsys: pytest.CaptureFixture[str]) -> None:
    from game.commands_ui import ran
    from game.ui.app import Printed

    class Crashed:
        return_code = 1
        failure = ""  # set when an outside agent failed (tests/cli/test_agent_seats.py)
        failure_error = None  # the AgentError itself, whose traceback `ran` may print
        printed = Printed()  # what was printed while it ran: nothing
        farewell = ""  # where ctrl+q saved the game

        def run(self) -> None:
            pass

    class Quit(Crashed):
        return_code = 0

    class AgentFailed(Crashed):
        failure = "the agent in seat opposition (game seed 3) raised ValueError: no"

    class Saved(Quit):
        farewell = "Your game is saved in the autosave /tmp/\x1b]2;x\x07.yaml"

    assert ran(Crashed()) == 1  # type: ignore[arg-type]
    assert ran(Quit()) == 0  # type: ignore[arg-type]
    assert ran(AgentFailed()) == 1  # type: ignore[arg-type]
    capsys.readouterr()
    assert ran(Saved()) == 0  # type: ignore[arg-type]
    # said on stdout once the terminal is back, the path's escape sequence shown as text
    out = capsys.readouterr().out
    assert out.startswith("Your game is saved in the autosave /tmp/") and "\x1b" not in out


def test_continue_takes_the_last_game_still_in_progress_not_one_played_to_its_end(tmp_path: Path) -> None:
    """A newcomer's: with the last game played to its end, "Continue the autosave" opened its
    debrief. It continues the newest game still in progress, and is off where every one is over."""
    running_path, running = saved_mid_game(tmp_path / "elsewhere")
    folder = paths.autosave_dir()
    folder.mkdir(parents=True)
    going = folder / "astana-8-going.yaml"
    going.write_bytes(running_path.read_bytes())
    over = save(finished("mini", 3), folder, "mini-over")
    os.utime(going, (1_000_000_000, 1_000_000_000))  # the finished game is the newer
    assert paths.latest_autosave() == over

    async def body() -> None:
        app = make_app(saves_dir=tmp_path / "saves", speed=0, seed=1)
        async with driven(app, size=SIZE) as pilot:
            title = await screen_of(pilot, TitleScreen)
            assert not title.query_one("#continue", Button).disabled
            await click(pilot, "#continue")
            table = await screen_of(pilot, TableScreen)
            assert table.autosave_path == going and len(table.session.log) == len(running.log)

    asyncio.run(body())
    going.unlink()

    async def only_over() -> None:
        app = make_app(saves_dir=tmp_path / "saves", speed=0, seed=1)
        async with driven(app, size=SIZE) as pilot:
            title = await screen_of(pilot, TitleScreen)
            assert title.query_one("#continue", Button).disabled

    asyncio.run(only_over())
