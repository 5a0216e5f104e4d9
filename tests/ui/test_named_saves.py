"""Saves a player can find: ctrl+s asks for a name, `play --save NAME` keeps one up to date,
and no game is written over another without the player saying so."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from game.cli import main
from game.engine import state_hash
from game.saves import load, save
from game.ui.screens.dialog import ConfirmDialog
from game.ui.screens.saving import SaveDialog, default_name
from game.ui.screens.table import TableScreen
from tests.saves.helpers import new_session, play_on
from tests.ui.driving import driven, new_app, press, screen_of, settle, until
from tests.ui.test_cli_ui import a_move_since_the_last_save

SIZE = (100, 30)


async def _dialog(pilot: Pilot[Any]) -> SaveDialog:
    await press(pilot, "ctrl+s")
    dialog = await screen_of(pilot, SaveDialog)
    assert isinstance(dialog, SaveDialog)
    return dialog


async def _type(pilot: Pilot[Any], dialog: SaveDialog, name: str) -> None:
    dialog.query_one("#save-name", Input).value = name
    await press(pilot, "enter")


def _problem(dialog: SaveDialog) -> str:
    return str(dialog.query_one(".problem", Static).content)


def test_ctrl_s_asks_for_a_name_and_offers_the_scenario_and_seat(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",))
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await press(pilot, "n")  # a move, so there is something to save
            table = await settle(pilot)
            dialog = await _dialog(pilot)
            assert dialog.query_one("#save-name", Input).value == "astana-8-government"
            await press(pilot, "enter")
            await until(pilot, lambda: app.screen is table, "the table again")
            saved = load(tmp_path / "astana-8-government.yaml")
            assert state_hash(saved.state) == state_hash(table.session.state)
            assert table.save_name == "astana-8-government" and not table.unsaved
            # the second time, the same name is offered and saved over without a question
            dialog = await _dialog(pilot)
            assert dialog.query_one("#save-name", Input).value == "astana-8-government"
            await press(pilot, "enter")
            await until(pilot, lambda: app.screen is table, "the table again")

    asyncio.run(body())


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("", "A save needs a name."),
        ("   ", "A save needs a name."),
        ("my game", "not a space"),
        ("../outside", "not '.', '/'"),
        ("x" * 65, "at most 64 characters"),
        ("nul", "device name"),
    ],
)
def test_an_empty_or_unsafe_name_is_refused_with_the_reason(tmp_path: Path, name: str, says: str) -> None:
    async def body() -> None:
        app = new_app(tmp_path / "saves", ("government",))
        async with driven(app, size=SIZE) as pilot:
            await settle(pilot)
            dialog = await _dialog(pilot)
            await _type(pilot, dialog, name)
            assert app.screen is dialog, "the dialog stays open"
            assert says in _problem(dialog)
            assert not list(tmp_path.rglob("*.yaml")), "nothing was written"

    asyncio.run(body())


@pytest.mark.parametrize("held", ["a save", "notes"])
def test_a_name_holding_another_file_is_replaced_only_when_the_player_says_so(tmp_path: Path, held: str) -> None:
    """Asked first whatever the name holds, and told whether it is a saved game: a tester's notes
    under the name typed were offered for replacing as "a saved game"."""
    other = tmp_path / "keep-me.yaml"
    if held == "a save":
        save(play_on(new_session("mini", 3), 4), tmp_path, "keep-me")
    else:
        other.write_text("my notes\n")
    before = other.read_bytes()

    async def body() -> None:
        app = new_app(tmp_path, ("government",))
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            dialog = await _dialog(pilot)
            await _type(pilot, dialog, "keep-me")
            question = await screen_of(pilot, ConfirmDialog)
            if held == "a save":
                assert "keep-me.yaml already holds a saved game. Replace it with this one?" in question.question
            else:
                assert question.question.endswith(
                    "keep-me.yaml is not a saved game: saving replaces whatever it holds. Replace it?"
                )
            await press(pilot, "enter")  # the focus is on "Keep it"
            await until(pilot, lambda: app.screen is dialog, "the name dialog again")
            assert other.read_bytes() == before
            assert "another name" in _problem(dialog)
            await _type(pilot, dialog, "keep-me")
            await screen_of(pilot, ConfirmDialog)
            await press(pilot, "shift+tab", "enter")  # "Replace it"
            await until(pilot, lambda: app.screen is table, "the table again")
            assert state_hash(load(other).state) == state_hash(table.session.state)

    asyncio.run(body())


def test_the_default_name_never_names_another_games_file(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",))
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            (tmp_path / "astana-8-government.yaml").write_text("x")
            (tmp_path / "astana-8-government-2.yaml").write_text("x")
            assert default_name(table.session, tmp_path, table.humans) == "astana-8-government-3"
            # a hot-seat game is named by every seat played, not the first alone
            assert default_name(table.session, tmp_path, (0, 1)) == "astana-8-government-opposition"

    asyncio.run(body())


def test_play_save_name_writes_the_save_at_once_and_keeps_it_on_quitting(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), save_name="my-game")
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            assert len(load(tmp_path / "my-game.yaml").log) == len(table.session.log)
            await a_move_since_the_last_save(pilot, table)
            moves = len(table.session.log)
            await press(pilot, "ctrl+q")
            question = await screen_of(pilot, ConfirmDialog)
            assert "my-game" in question.question
            await press(pilot, "shift+tab", "enter")
            await until(pilot, lambda: app._exit, "the app to quit")
            assert f" and in {tmp_path / 'my-game.yaml'}: " in app.farewell
        assert len(load(tmp_path / "my-game.yaml").log) == moves

    asyncio.run(body())


def test_a_named_save_another_game_took_over_is_left_to_it(tmp_path: Path) -> None:
    """`play --save NAME` keeps NAME up to date; if another game is put in that file meanwhile
    (a `watch --save NAME` after the file was removed, a copy), it is never written over: the
    player is told once, and the game goes on in its autosave (before, the next round's update
    replaced the other game without a word)."""
    from game.saves import save
    from tests.saves.helpers import ai_action, finished

    async def body() -> None:
        app = new_app(tmp_path, ("government",), save_name="mine")
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            other = save(finished("mini", 3), tmp_path, "mine").read_bytes()  # another game takes the name
            await a_move_since_the_last_save(pilot, table)
            table._autosave()  # what the start of a round and the end of the game do
            assert (tmp_path / "mine.yaml").read_bytes() == other
            assert table.save_name is None
            await pilot.pause()
            told = [n.message for n in app._notifications]
            assert any("mine.yaml now holds another game" in m for m in told), told
            assert not table.unsaved  # the autosave has it
            table._autosave()
            assert (tmp_path / "mine.yaml").read_bytes() == other
            # a file the game's own writes left alone is still its own: ctrl+s names it again
            table.save_name = "mine2"
            table.save_as("mine2", announce=False)
            table.session.play(ai_action(table.session))
            table._autosave()
            assert len(load(tmp_path / "mine2.yaml").log) == len(table.session.log)

    asyncio.run(body())


def test_ctrl_s_and_quitting_do_not_treat_a_taken_name_as_the_games(tmp_path: Path) -> None:
    """Once another game is in the named file: ctrl+s no longer offers the name as this game's
    own (saved over without a question), and the question on leaving no longer says the game is
    saved under it (it was not written, and the warning went with the app)."""
    from game.saves import save
    from tests.saves.helpers import finished

    async def body() -> None:
        app = new_app(tmp_path, ("government",), save_name="mine")
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await a_move_since_the_last_save(pilot, table)
            await press(pilot, "ctrl+q")
            question = await screen_of(pilot, ConfirmDialog)
            assert "and as mine" in question.question  # still its own
            await press(pilot, "escape")
            await until(pilot, lambda: app.screen is table, "the table again")
            other = save(finished("mini", 3), tmp_path, "mine").read_bytes()
            dialog = await _dialog(pilot)
            assert dialog.current is None and dialog.query_one("#save-name", Input).value != "mine"
            await _type(pilot, dialog, "mine")
            await screen_of(pilot, ConfirmDialog)  # "Replace it?": the player is asked
            await press(pilot, "escape")
            assert (tmp_path / "mine.yaml").read_bytes() == other
            await until(pilot, lambda: isinstance(app.screen, SaveDialog), "the save dialog again")
            await press(pilot, "escape")
            await until(pilot, lambda: app.screen is table, "the table again")
            await press(pilot, "ctrl+q")
            question = await screen_of(pilot, ConfirmDialog)
            assert "and as mine" not in question.question, question.question
            assert (tmp_path / "mine.yaml").read_bytes() == other

    asyncio.run(body())


def test_ctrl_s_on_a_loaded_save_offers_its_name_and_saves_over_it(tmp_path: Path) -> None:
    from game.ui.app import make_app

    async def first() -> None:
        app = new_app(tmp_path, ("government",), save_name="mine")
        async with driven(app, size=SIZE) as pilot:
            await settle(pilot)

    async def second() -> None:
        app = make_app(load=tmp_path / "mine.yaml", saves_dir=tmp_path, speed=0)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            await press(pilot, "n")
            table = await settle(pilot)
            dialog = await _dialog(pilot)
            assert dialog.query_one("#save-name", Input).value == "mine"
            await press(pilot, "enter")
            await until(pilot, lambda: app.screen is table, "the table, no question asked")
            assert len(load(tmp_path / "mine.yaml").log) == len(table.session.log)

    asyncio.run(first())
    asyncio.run(second())


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--save", "my game"], "not a space"),
        (["--save", ""], "a save needs a name"),
        (["--save", "taken"], "already holds a file that does not open as a saved game: choose another name"),
        (["--save", "x", "--load", "taken.yaml"], "saved with ctrl+s"),
    ],
)
def test_play_save_refuses_a_bad_or_taken_name_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    (tmp_path / "taken.yaml").write_text("a game\n")
    assert main(["play", "astana-8", "--saves", str(tmp_path), *args]) == 1
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1
    assert (tmp_path / "taken.yaml").read_text() == "a game\n"


def test_play_save_refuses_a_folder_no_save_can_be_written_in_before_the_game(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As `watch --save` does: the game started, and a notice over the table said it could not
    be saved (the folder a file, /proc, a read-only mount)."""
    (tmp_path / "file").write_text("not a folder\n")
    folder = tmp_path / "file" / "saves"
    assert main(["play", "astana-8", "--saves", str(folder), "--save", "mine"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"peacetalks: error: --save mine: {folder}: cannot write there")
    assert len(err.strip().splitlines()) == 1


def test_a_name_taken_by_a_folder_is_refused_not_offered_for_replacing(tmp_path: Path) -> None:
    """A folder named like the save was "a saved game" to replace (and replacing it then failed);
    a pipe was quietly replaced. Neither is a save: the name is refused, nothing is touched."""
    folder = tmp_path / "taken.yaml"
    folder.mkdir()
    (folder / "inside.txt").write_text("kept\n")

    async def body() -> None:
        app = new_app(tmp_path, ("government",))
        async with driven(app, size=SIZE) as pilot:
            await settle(pilot)
            dialog = await _dialog(pilot)
            await _type(pilot, dialog, "taken")
            assert app.screen is dialog, "no question: the dialog stays open"
            assert f"{folder} is not a file: choose another name." in _problem(dialog)
            assert folder.is_dir() and (folder / "inside.txt").read_text() == "kept\n"

    asyncio.run(body())


def test_leaving_a_game_continued_from_a_named_save_says_that_save_stays_as_it_was(tmp_path: Path) -> None:
    """A game loaded from a named save goes on in an autosave of its own; "Your game will be saved
    as the autosave" left a tester unsure whether the named save was written over (it is not)."""
    from game.ui.app import make_app

    async def first() -> None:
        app = new_app(tmp_path, ("government",), save_name="mine")
        async with driven(app, size=SIZE) as pilot:
            await settle(pilot)

    async def second() -> None:
        before = (tmp_path / "mine.yaml").read_bytes()
        app = make_app(load=tmp_path / "mine.yaml", saves_dir=tmp_path, speed=0)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            await a_move_since_the_last_save(pilot, table)
            await press(pilot, "ctrl+q")
            question = await screen_of(pilot, ConfirmDialog)
            assert "Your game will be saved as the autosave. Your save mine stays as it was" in question.question
            assert "(ctrl+s saves over it)" in question.question
            await press(pilot, "escape")
            await until(pilot, lambda: app.screen is table, "the table again")
            assert (tmp_path / "mine.yaml").read_bytes() == before

    asyncio.run(first())
    asyncio.run(second())


def test_play_save_on_a_folder_or_a_newer_save_says_which(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Both were "a file that does not open as a saved game" (a review's)."""
    (tmp_path / "box.yaml").mkdir()
    newer = save(play_on(new_session("mini", 3), 2), tmp_path, "newer")
    newer.write_text(newer.read_text(encoding="utf-8").replace("\nformat: 2\n", "\nformat: 3\n", 1), encoding="utf-8")
    for name, says in (("box", "is a folder: choose another name"), ("newer", "a game saved by a newer version")):
        assert main(["play", "astana-8", "--saves", str(tmp_path), "--save", name]) == 1
        assert says in capsys.readouterr().err


def test_play_save_on_a_name_holding_a_save_offers_to_continue_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A save there can be continued; a file that is not one cannot (it was offered `--load`)."""
    path = save(play_on(new_session("mini", 3), 4), tmp_path, "taken")
    assert main(["play", "astana-8", "--saves", str(tmp_path), "--save", "taken"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"peacetalks: error: --save taken: {path} already holds a saved game: continue it with "
        f"`peacetalks play --load {path}`, or choose another name"
    )


@pytest.mark.parametrize(
    ("where", "says"),
    [
        ("new/saves", ""),  # makeable: the game would start (here, no terminal)
        ("file/saves", "file is a file, not a folder"),
        ("broken/saves", "broken is a link to nothing"),
        ("/proc/peacetalks/saves", "the system lets no folder be made in /proc"),
    ],
)
def test_play_save_checks_a_missing_folder_without_making_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, says: str
) -> None:
    """`play --save NAME --saves NEW/FOLDER` made the folder while checking it, and left it behind
    empty when the command then found no terminal to play in."""
    (tmp_path / "file").write_text("not a folder\n")
    (tmp_path / "broken").symlink_to(tmp_path / "nothing")
    before = sorted(p.name for p in tmp_path.iterdir())
    folder = tmp_path / where
    assert main(["play", "astana-8", "--saves", str(folder), "--save", "mine"]) == 1  # (no terminal here)
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1
    assert ("needs a terminal" in err) == (not says)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing made
    assert not Path("/proc/peacetalks").exists()


def test_quitting_with_the_named_save_behind_asks_and_says_where_the_game_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk failed the named save's update while the autosave, written first, held every
    move: ctrl+q then quit at once with status 0 and not a word, the named save left at the
    game's start (a QA tester's). Now it asks, tries again, and the command says which save is
    behind and where the game is, with status 1."""
    import game.ui.screens.table_commands as commands
    from game.saves import SaveError

    real = commands.write_atomic

    def full_disk(path: Path, text: str) -> None:
        if path.name == "mine.yaml" and path.exists():  # (its first write, at the start, goes)
            raise SaveError(f"{path}: cannot write there: No space left on device")
        real(path, text)

    monkeypatch.setattr(commands, "write_atomic", full_disk)
    app = new_app(tmp_path, ("government",), save_name="mine")

    async def body() -> Path:
        async with driven(app, size=(100, 32)) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await press(pilot, "n")
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            assert not table.unsaved and table.named_behind  # the autosave holds it; mine.yaml does not
            await press(pilot, "ctrl+q")
            ask = await screen_of(pilot, ConfirmDialog)
            assert "The autosave holds your game, but your save mine could not be brought up to date (" in ask.question
            assert "No space left on device" in ask.question
            await press(pilot, "ctrl+q")  # again: save and quit
            await until(pilot, lambda: app.return_code is not None, "the app to quit")
            return table.autosave_path

    autosave = asyncio.run(body())
    assert app.return_code == 1
    assert app.failure.startswith("your save mine could not be brought up to date (")
    assert f"the autosave {autosave} holds the whole game" in app.failure
    assert len(load(tmp_path / "mine.yaml").log) == 0  # left as it was: the autosave holds the moves
    assert len(load(autosave).log) > 0


def test_quitting_with_the_named_save_behind_needs_no_new_autosave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reviewer's: with the named save behind and the autosave holding every move, the disk then
    full for the autosave too, "Save and quit" wrote the autosave again, failed, and kept the
    player at the table for good; and the question blamed the autosave's error on the named save."""
    import game.ui.screens.table_commands as commands
    from game.saves import SaveError

    real = commands.write_atomic
    full = {"autosave": False}

    def failing(path: Path, text: str) -> None:
        if path.name == "mine.yaml" and path.exists():
            raise SaveError(f"{path}: cannot write there: No space left on device")
        if full["autosave"] and "autosaves" in path.parts:
            raise SaveError(f"{path}: cannot write there: the autosave's disk is full")
        real(path, text)

    monkeypatch.setattr(commands, "write_atomic", failing)
    app = new_app(tmp_path, ("government",), save_name="mine")

    async def body() -> None:
        async with driven(app, size=(100, 32)) as pilot:
            await settle(pilot)
            await press(pilot, "n")
            table = await settle(pilot)
            assert isinstance(table, TableScreen) and not table.unsaved and table.named_behind
            full["autosave"] = True
            await press(pilot, "ctrl+q")
            ask = await screen_of(pilot, ConfirmDialog)
            assert "mine.yaml: cannot write there: No space left on device" in ask.question
            assert "autosave's disk" not in ask.question
            await press(pilot, "ctrl+q")
            await until(pilot, lambda: app.return_code is not None, "the app to quit")

    asyncio.run(body())
    assert app.return_code == 1 and "No space left on device" in app.failure


def test_ctrl_q_at_the_start_of_a_named_game_claims_no_failure(tmp_path: Path) -> None:
    """A reviewer's: at the start of `play --save NAME`, before any move, the quit question said
    the named save "could not be brought up to date ()": its count of moves was not set when the
    game wrote it at the start."""
    app = new_app(tmp_path, ("government",), save_name="mine")

    async def body() -> None:
        async with driven(app, size=(100, 32)) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen) and not table.named_behind
            await press(pilot, "ctrl+q")
            if isinstance(app.screen, ConfirmDialog):
                assert "could not be brought up to date" not in app.screen.question

    asyncio.run(body())


def test_a_game_continued_from_its_autosave_keeps_its_named_save_up_to_date(tmp_path: Path) -> None:
    """A tester saved as `nc2-mid` in round 3, left with ctrl+q, took "Continue the autosave" and
    played to the end: the named save stayed at round 3. The autosave names the save the game
    keeps up to date, and the continued game goes on keeping it."""
    from game.ui.app import make_app
    from game.ui.screens.title import TitleScreen
    from tests.saves.helpers import ai_action
    from tests.ui.driving import autosave_file, click

    async def first() -> None:
        app = new_app(tmp_path, ("government",))
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await press(pilot, "ctrl+s")
            dialog = await _dialog(pilot)
            await _type(pilot, dialog, "mid")
            await press(pilot, "enter")
            await until(pilot, lambda: (tmp_path / "mid.yaml").exists(), "the named save")
            await a_move_since_the_last_save(pilot, table)
            await press(pilot, "ctrl+q", "ctrl+q")
            await until(pilot, lambda: app._exit, "the app to quit")

    asyncio.run(first())
    autosave = autosave_file()
    assert f"named_save: {tmp_path / 'mid.yaml'}" in autosave.read_text(encoding="utf-8")

    async def second() -> None:
        app = make_app(saves_dir=tmp_path, speed=0, seed=1)
        async with driven(app, size=SIZE) as pilot:
            await screen_of(pilot, TitleScreen)
            await click(pilot, "#continue")
            table = await screen_of(pilot, TableScreen)
            assert table.save_name == "mid"
            table.session.play(ai_action(table.session))
            table._autosave()  # what the start of a round and the end of the game do
            assert len(load(tmp_path / "mid.yaml").log) == len(table.session.log)

    asyncio.run(second())
    # a named save that holds another game by then is left to it, and not linked again
    other = save(play_on(new_session(seed=99), 3), tmp_path, "mid").read_bytes()

    async def third() -> None:
        app = make_app(saves_dir=tmp_path, speed=0, seed=1)
        async with driven(app, size=SIZE) as pilot:
            await screen_of(pilot, TitleScreen)
            await click(pilot, "#continue")
            table = await settle(pilot)
            assert isinstance(table, TableScreen) and table.save_name is None
            table._autosave()
            assert (tmp_path / "mid.yaml").read_bytes() == other

    asyncio.run(third())


@pytest.mark.parametrize("what", ["removed", "another game"])
def test_the_farewell_names_a_named_save_only_where_it_holds_the_game(tmp_path: Path, what: str) -> None:
    """With nothing unsaved ctrl+q quits at once: the farewell named mine.yaml though it had been
    removed, or held another game by then (a reviewer's)."""
    from tests.saves.helpers import finished

    async def body() -> None:
        app = new_app(tmp_path, ("government",), save_name="mine")
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await a_move_since_the_last_save(pilot, table)
            table._autosave()  # the round's start: the autosave and mine.yaml up to date
            if what == "removed":
                (tmp_path / "mine.yaml").unlink()
            else:
                save(finished("mini", 3), tmp_path, "mine")  # another game takes the name
            await press(pilot, "ctrl+q")  # nothing unsaved: quits at once
            await until(pilot, lambda: app._exit, "the app to quit")
            assert app.farewell.startswith("Your game is saved in the autosave ")
            assert "mine.yaml" not in app.farewell, app.farewell

    asyncio.run(body())


def test_the_named_save_an_autosave_names_is_where_it_was_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--saves` is relative by default (`saves`): the autosave named `saves/mine.yaml`, and a
    game continued from another folder took that folder's file for it (a reviewer's)."""
    from tests.ui.driving import autosave_file

    monkeypatch.chdir(tmp_path)

    async def body() -> None:
        app = new_app(Path("saves"), ("government",), save_name="mine")
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await a_move_since_the_last_save(pilot, table)
            table._autosave()

    asyncio.run(body())
    text = autosave_file().read_text(encoding="utf-8")
    assert f"named_save: {tmp_path / 'saves' / 'mine.yaml'}\n" in text
