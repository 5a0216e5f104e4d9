"""The replay viewer, driven as a player drives it: keys, the jump dialog, autoplay, whose view,
the title screen's entry, and `peacetalks replay SAVE` from the command line.

pytest-asyncio is not installed, so each test runs its async body with asyncio.run(). Every wait
is a loop on a condition with a deadline (driving.until), never a fixed sleep.
"""

from __future__ import annotations

import asyncio
import fcntl
import functools
import os
import pty
import shutil
import string
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import DataTable, RichLog, Static

from game.engine import state_hash, view_for
from game.saves import save
from game.saves.timeline import Timeline, load_timeline
from game.ui.app import PeaceTalksApp, make_app
from game.ui.format import action_phrase, named
from game.ui.screens.replay import SPEEDS, ReplayScreen
from game.ui.screens.replay_dialogs import JumpDialog, ReplayHelp
from game.ui.screens.saves import SaveBrowser
from game.ui.screens.title import TitleScreen
from game.ui.widgets.panels import AgendaTable, IssueDetail
from tests.cli_runner import Result, run_main
from tests.saves.helpers import ROOT, engine_hashes, finished, new_session, play_on
from tests.ui.driving import _key_event, click, driven, press, screen_of, until

SIZE = (100, 32)


@pytest.fixture(scope="module")
def saves(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a finished game of astana-8, a finished mini game and a running one."""
    folder = tmp_path_factory.mktemp("saves")
    save(finished("astana-8", 3), folder, "astana")  # 82 actions: the tests jump to 77
    save(finished("mini", 3), folder, "mini")
    save(play_on(new_session("mini", 3), 9), folder, "running")
    return folder


def viewer_app(path: Path) -> tuple[PeaceTalksApp, Timeline]:
    timeline = load_timeline(path)
    return make_app(replay=timeline, replay_name=path.name), timeline


def status(viewer: ReplayScreen) -> str:
    return str(viewer.query_one("#replay-status", Static).content)


def mode(viewer: ReplayScreen) -> str:
    return str(viewer.query_one("#replay-mode", Static).content)


def transcript(viewer: ReplayScreen) -> str:
    """The transcript's text, its wrapped lines joined again."""
    lines = viewer.query_one("#replay-transcript", RichLog).lines
    return " ".join(" ".join(line.text.split()) for line in lines)


def shows_records_to(viewer: ReplayScreen, step: int) -> bool:
    """The transcript ends with the last record told by `step`."""
    last = viewer.timeline.records_to(step)[-1].text
    return transcript(viewer).endswith(" ".join(last.split()))


def notified(app: PeaceTalksApp, words: str) -> bool:
    return any(words in n.message or words in n.title for n in app._notifications)


async def opened(pilot: Pilot[Any]) -> ReplayScreen:
    viewer = await screen_of(pilot, ReplayScreen)
    await until(pilot, lambda: bool(viewer.query_one("#replay-transcript", RichLog).lines), "the transcript")
    return viewer  # type: ignore[no-any-return]


def test_stepping_forward_and_back_moves_the_step_and_the_transcript(saves: Path) -> None:
    app, timeline = viewer_app(saves / "astana.yaml")

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            assert (
                viewer.step == 0
                and status(viewer) == f" round 1/6 · the talks open: turn 1 of {timeline.steps} is next"
            )
            assert shows_records_to(viewer, 0)
            before = transcript(viewer)
            await press(pilot, "right")
            assert viewer.step == 1 and status(viewer).startswith(f" turn 1 of {timeline.steps} · round 1/")
            first = timeline.session.log[0].action
            name = timeline.session.scenario.delegations[timeline.session.scenario.delegation_index[first.actor]]
            # the name labels the move ("Dockworkers: rejects #5"), a whole name as a short one
            assert f" · {named(name, 26)}: " in status(viewer) and status(viewer).count("turn") == 1
            assert transcript(viewer) != before and shows_records_to(viewer, 1)
            await press(pilot, "right")
            await press(pilot, "right")
            assert viewer.step == 3 and shows_records_to(viewer, 3)
            await press(pilot, "left")
            assert (
                viewer.step == 2
                and shows_records_to(viewer, 2)
                and status(viewer).startswith(f" turn 2 of {timeline.steps} · ")
            )
            await press(pilot, "left")
            await press(pilot, "left")
            assert viewer.step == 0 and transcript(viewer) == before
            await press(pilot, "left")  # at the opening: said, not silently ignored
            assert viewer.step == 0 and notified(app, "This is the opening")

    asyncio.run(body())


def test_page_keys_move_by_round_and_home_end_to_the_ends(saves: Path) -> None:
    app, timeline = viewer_app(saves / "astana.yaml")
    starts = timeline.round_starts
    assert len(starts) >= 4

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            await press(pilot, "pagedown")
            assert viewer.step == starts[1] and viewer.state.round == 2
            # the step's move was round 1's last: it is shown, then the round that begins after it
            assert status(viewer).endswith("then round 2/6 begins") and "round 1/6" not in status(viewer)
            assert shows_records_to(viewer, starts[1])
            await press(pilot, "pagedown")
            assert viewer.step == starts[2] and viewer.state.round == 3
            await press(pilot, "right")
            await press(pilot, "right")
            await press(pilot, "pageup")  # within a round: back to its start
            assert viewer.step == starts[2]
            await press(pilot, "pageup")  # at a start: the round before
            assert viewer.step == starts[1]
            await press(pilot, "end")
            assert viewer.step == timeline.steps and viewer.state.over
            assert "the game is over" in mode(viewer) and shows_records_to(viewer, timeline.steps)
            await press(pilot, "pagedown")
            assert viewer.step == timeline.steps
            await press(pilot, "right")
            assert viewer.step == timeline.steps and notified(app, "This is the end of the game")
            await press(pilot, "home")
            assert viewer.step == 0 and shows_records_to(viewer, 0)

    asyncio.run(body())


async def type_turn(pilot: Pilot[Any], text: str) -> JumpDialog:
    dialog: JumpDialog = await screen_of(pilot, JumpDialog)
    await press(pilot, "home")  # clear what is there (the step shown)
    await press(pilot, "ctrl+k")
    for key in text:
        await press(pilot, key)
    await press(pilot, "enter")
    return dialog


def test_jump_to_a_turn_and_invalid_turns_are_explained(saves: Path) -> None:
    app, timeline = viewer_app(saves / "astana.yaml")

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            await press(pilot, "g")
            await type_turn(pilot, "42")
            await screen_of(pilot, ReplayScreen)
            assert (
                viewer.step == 42
                and f" turn 42 of {timeline.steps} · " in status(viewer)
                and shows_records_to(viewer, 42)
            )
            for text, says in (
                ("abc", "'abc' is not a turn number"),
                ("-3", "'-3' is not a turn number"),
                (str(timeline.steps + 1), f"There is no turn {timeline.steps + 1}"),
                ("", "Type a turn number"),
            ):
                await press(pilot, "j")
                dialog = await type_turn(pilot, text)
                problem = str(dialog.query_one(".problem", Static).content)
                assert says in problem, problem
                assert app.screen is dialog, f"{text!r} was not refused"
                await press(pilot, "escape")
                await screen_of(pilot, ReplayScreen)
                assert viewer.step == 42
            await press(pilot, "g")
            await type_turn(pilot, "0")
            await screen_of(pilot, ReplayScreen)
            assert viewer.step == 0

    asyncio.run(body())


def test_the_state_shown_is_the_engines_state_after_that_many_actions(saves: Path) -> None:
    app, timeline = viewer_app(saves / "astana.yaml")
    hashes = engine_hashes(timeline.session)

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)

            def shown() -> str:
                return state_hash(viewer.state)

            assert shown() == hashes[0]
            for keys in (["right"], ["right", "right"], ["pagedown"], ["left"], ["end"], ["pageup"], ["home"]):
                for key in keys:
                    await press(pilot, key)
                assert shown() == hashes[viewer.step], f"step {viewer.step}"
                if viewer.step:
                    assert shown() == timeline.session.log[viewer.step - 1].hash
            await press(pilot, "g")
            await type_turn(pilot, "77")
            await screen_of(pilot, ReplayScreen)
            assert viewer.step == 77 and shown() == hashes[77]

    asyncio.run(body())


def test_autoplay_advances_and_stops_at_the_end(saves: Path) -> None:
    app, timeline = viewer_app(saves / "mini.yaml")

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            assert "⏸ 2/s" in mode(viewer)
            await press(pilot, "minus")
            assert viewer.speed == 1 and "⏸ 1/s" in mode(viewer)
            await press(pilot, "plus")
            # At 2 steps a second the app idles between steps, so each key returns at once (the
            # driver waits for the queues to drain; at the top speeds the timer keeps refilling them).
            await press(pilot, "space")
            assert viewer.timer is not None and "▶ playing 2/s" in mode(viewer)
            seen: set[int] = set()

            def moved(steps: int) -> bool:
                seen.add(viewer.step)
                return viewer.step >= steps

            await until(pilot, lambda: moved(2), "autoplay to move on")
            assert {0, 1, 2} <= seen, f"autoplay jumped rather than stepped: {sorted(seen)}"
            await press(pilot, "space")  # pause: it stays where it is
            stopped = viewer.step
            assert viewer.timer is None and "⏸ 2/s" in mode(viewer)
            for _ in range(5):
                await pilot.pause()
            assert viewer.step == stopped
            while viewer.speed < len(SPEEDS) - 1:
                await press(pilot, "plus")
            assert f"⏸ {SPEEDS[-1]:g}/s" in mode(viewer)
            await press(pilot, "space")  # at this speed the driver may return only after some steps
            await until(pilot, lambda: moved(timeline.steps), "autoplay to reach the end")
            await until(pilot, lambda: viewer.timer is None, "autoplay to stop at the end")
            assert viewer.step == timeline.steps
            assert "⏸" in mode(viewer) and shows_records_to(viewer, timeline.steps)
            await press(pilot, "space")  # at the end, play is refused with a word, not ignored
            assert viewer.timer is None and notified(app, "Home goes back")

    asyncio.run(body())


def test_whose_view_is_refused_while_the_saved_game_runs(saves: Path) -> None:
    app, timeline = viewer_app(saves / "running.yaml")
    assert not timeline.over

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            await press(pilot, "end")
            await press(pilot, "v")
            assert viewer.viewer is None and "public view" in mode(viewer)
            assert notified(app, "still running")
            assert "worth to you" not in str(viewer.query_one(IssueDetail).content)
            agenda = viewer.query_one(AgendaTable)
            assert [str(c.label) for c in agenda.columns.values()][2] == "Sides by option"

    asyncio.run(body())


def test_whose_view_cycles_through_the_delegations_once_the_game_is_over(saves: Path) -> None:
    app, timeline = viewer_app(saves / "astana.yaml")
    delegations = timeline.session.scenario.delegations

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            await press(pilot, "pagedown")
            learnt = 0
            for k, d in enumerate(delegations):
                await press(pilot, "v")
                name = named(d, 22)
                # "United Nations' view": a playtester read "United Nations's view"
                assert viewer.viewer == k and name + ("'" if name.endswith("s") else "'s") + " view" in mode(viewer)
                agenda = viewer.query_one(AgendaTable)
                assert [str(c.label) for c in agenda.columns.values()][2].startswith("Your position")
                issue = viewer.state.agenda[0]
                held = viewer.state.positions[k][issue]
                mine = str(agenda.get_row_at(0)[2])
                real = viewer.state.scenario.delegations[k]  # its preferences as this game drew them
                want = f"{real.values[issue][held]:.2f}" if held >= 0 else "(no stated position)"
                assert mine.startswith(want), (d.id, mine)
                detail = str(viewer.query_one(IssueDetail).content)
                assert "worth to you" in detail
                # its brief's figures too, which the replay has no other place for: its walk-away
                # value, and what its meetings taught it of the others' weight on the issue shown
                assert f"Your walk-away value: {real.reservation:.2f}" in detail
                own_view = view_for(viewer.state, k)
                for subject, about, weight in own_view.learned:
                    if about == issue:
                        learnt += 1
                        assert f"{own_view.delegations[subject].name} weighs it at {weight:.0%}" in detail
            await press(pilot, "v")
            assert viewer.viewer is None and "public view" in mode(viewer)
            assert "worth to you" not in str(viewer.query_one(IssueDetail).content)
        assert any(named(d, 22).endswith("s") for d in delegations)  # the case is met
        assert learnt, "no side had learnt anything of the issue shown: the lines were not checked"

    asyncio.run(body())


def test_help_and_the_command_palette_cover_every_key(saves: Path) -> None:
    app, _ = viewer_app(saves / "mini.yaml")

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            await press(pilot, "question_mark")
            await screen_of(pilot, ReplayHelp)
            await press(pilot, "escape")
            await screen_of(pilot, ReplayScreen)
            actions = {b.action for b in ReplayScreen.BINDINGS if not isinstance(b, tuple)}  # type: ignore[union-attr]
            commands = {f.__name__.removeprefix("action_") for _, _, f in viewer.commands()}
            assert actions == commands, actions ^ commands
            titles = [c.title for c in app.get_system_commands(viewer)]
            assert "Replay: jump to a turn" in titles and "Replay: whose view" in titles

    asyncio.run(body())


def test_the_tables_keys_say_they_are_not_in_a_replay_and_never_leave_it(saves: Path, tmp_path: Path) -> None:
    """A newcomer pressed o in a replay opened from Saved games, for the proposals board: nothing
    said why nothing happened, and they took the viewer to have gone. The board, the history and
    the brief (o, h, i) and the table's moves each say they are not in a replay; and no key the
    viewer does not bind takes the player out of it, to the browser or the title screen."""
    shutil.copy(saves / "astana.yaml", tmp_path / "astana.yaml")
    app = make_app(saves_dir=tmp_path, seed=1)
    said = {
        "o": "No proposals board in a replay",
        "h": "No history screen in a replay",
        "i": "No brief in a replay",
        "p": "No moves in a replay",
        "n": "No moves in a replay",
    }
    bound = {key for b in ReplayScreen.BINDINGS if isinstance(b, Binding) for key in b.key.split(",")}

    async def body() -> None:
        async with driven(app, size=(80, 24)) as pilot:
            await screen_of(pilot, TitleScreen)
            await press(pilot, "ctrl+o")
            browser = await screen_of(pilot, SaveBrowser)
            await until(pilot, lambda: browser.loaded, "the list of saves")
            await press(pilot, "enter")  # the one save, a finished game: replayed
            viewer = await opened(pilot)
            stack = list(app.screen_stack)
            for key, words in said.items():
                app.clear_notifications()
                await press(pilot, key)
                assert app.screen_stack == stack, key
                assert notified(app, words) and notified(app, "Not in a replay"), key
            for key in string.ascii_lowercase:
                if key not in bound:
                    await press(pilot, key)
                    assert app.screen is viewer and app.screen_stack == stack, key
            assert not app._exit

    asyncio.run(body())


def test_leaving_a_replay_opened_from_the_command_line_quits(saves: Path) -> None:
    app, _ = viewer_app(saves / "mini.yaml")

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            await opened(pilot)
            await press(pilot, "q")
            await until(pilot, lambda: app._exit, "the app to quit")

    asyncio.run(body())


def test_the_title_screen_opens_a_replay_and_escape_comes_back(saves: Path, tmp_path: Path) -> None:
    shutil.copy(saves / "mini.yaml", tmp_path / "mini.yaml")
    (tmp_path / "broken.yaml").write_text("format: 2\n")
    app = make_app(saves_dir=tmp_path, seed=1)

    async def pick(pilot: Pilot[Any], name: str) -> None:
        await screen_of(pilot, TitleScreen)
        await click(pilot, "#load")
        browser = await screen_of(pilot, SaveBrowser)
        await until(pilot, lambda: browser.loaded, "the list of saves")
        browser.query_one(DataTable).move_cursor(row=[r.path.name for r in browser.rows].index(name))
        await press(pilot, "r")

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            await pick(pilot, "broken.yaml")
            await until(pilot, lambda: notified(app, "Cannot replay"), "the refusal")
            await press(pilot, "escape")
            assert isinstance(app.screen, TitleScreen)
            await pick(pilot, "mini.yaml")
            viewer = await opened(pilot)
            assert viewer.step == 0
            await press(pilot, "right")
            assert viewer.step == 1
            await press(pilot, "escape")
            await screen_of(pilot, SaveBrowser)  # back where it was chosen
            await press(pilot, "escape")
            await screen_of(pilot, TitleScreen)
            assert not app._exit

    asyncio.run(body())


def test_escape_pressed_while_a_replay_opens_from_the_saves_list_leaves_it(saves: Path, tmp_path: Path) -> None:
    """A key pressed while the save loads goes to the title screen, which does not bind it, and
    back up to the app; if the viewer was pushed meanwhile, the app runs the viewer's binding for
    it before the viewer has built its widgets. That moment is pinned here: the app's worker hands
    over the loaded save, the viewer is pushed, and the app handles the Escape at once. It crashed
    with NoMatches (its widgets not there yet: in leaving, and as reported in on_mount, for
    #replay-delegations, once the viewer had been taken down while being built); now it opens,
    then leaves."""
    shutil.copy(saves / "mini.yaml", tmp_path / "mini.yaml")
    app = make_app(saves_dir=tmp_path, seed=1)
    pushed: list[object] = []

    async def show_then_escape(timeline: Timeline, path: Path, browsed: bool = False) -> None:
        PeaceTalksApp._show_replay(app, timeline, path, browsed)
        pushed.append(app.screen)
        await app._check_bindings("escape")  # what App._on_key does with a key bubbled back to it

    app._show_replay = show_then_escape  # type: ignore[method-assign]

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            await screen_of(pilot, TitleScreen)
            await click(pilot, "#load")
            browser = await screen_of(pilot, SaveBrowser)
            await until(pilot, lambda: browser.loaded, "the list of saves")
            await press(pilot, "r")
            await until(pilot, lambda: bool(pushed), "the viewer to be pushed")
            assert isinstance(pushed[0], ReplayScreen)
            # the Escape left the viewer, once it was up, for the browser it was opened from
            browser = await screen_of(pilot, SaveBrowser)
            assert not app._exit and pushed[0] not in app.screen_stack
            await press(pilot, "escape")
            await screen_of(pilot, TitleScreen)
            await pick_and_replay(pilot)  # and the title screen still opens it
            await press(pilot, "right")
            assert isinstance(app.screen, ReplayScreen) and app.screen.step == 1

    async def pick_and_replay(pilot: Pilot[Any]) -> None:
        app._show_replay = functools.partial(PeaceTalksApp._show_replay, app)  # type: ignore[method-assign]
        await click(pilot, "#load")
        browser = await screen_of(pilot, SaveBrowser)
        await until(pilot, lambda: browser.loaded, "the list of saves")
        await press(pilot, "r")
        await opened(pilot)

    asyncio.run(body())


@pytest.mark.parametrize(("keys", "steps"), [(("escape",), None), (("q",), None), (("right", "right", "left"), 1)])
def test_keys_typed_while_a_replay_opens_from_the_command_line_are_kept(
    saves: Path, keys: tuple[str, ...], steps: int | None
) -> None:
    """Keys typed while `peacetalks replay SAVE` starts wait in the app's queue and reach the
    viewer the moment it is pushed: none is lost and none crashes it (Escape and q quit)."""
    app, _ = viewer_app(saves / "mini.yaml")
    for key in keys:  # in the queue before the app runs, as a terminal's buffered keys are
        app.post_message(_key_event(app, key))

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            if steps is None:
                await until(pilot, lambda: app._exit, "the app to quit")
            else:
                viewer = await opened(pilot)
                await until(pilot, lambda: viewer.step == steps, f"step {steps}")
        assert app.return_code in (0, None)

    asyncio.run(body())


# --- the command line ---------------------------------------------------------------------------


def run(*args: str | Path) -> Result:
    return run_main(*args, cwd=ROOT)


def in_a_terminal(*args: str | Path, keys: bytes = b"", wait_for: bytes = b"") -> tuple[int, str]:
    """Run `peacetalks ARGS` in a pseudo-terminal of 100x32, as a player would: type `keys` once
    the screen shows `wait_for`. Returns the exit status and all the terminal was sent (Textual
    draws on stderr, and errors go there too)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    child = subprocess.Popen(
        [sys.executable, "-m", "game", *map(str, args)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    os.close(slave)
    drawn = bytearray()

    def read() -> None:  # drain the terminal, or the child blocks on a full buffer
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            drawn.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if keys:
            deadline = time.monotonic() + 60
            while wait_for not in drawn and child.poll() is None:
                assert time.monotonic() < deadline, f"the screen never showed {wait_for!r}"
                time.sleep(0.05)
            os.write(master, keys)
        status = child.wait(timeout=60)
        reader.join(timeout=10)
        return status, drawn.decode(errors="replace").replace("\r\n", "\n")
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)


def test_a_bad_save_from_the_command_line_is_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 2\n")
    status, shown = in_a_terminal("replay", bad)  # in a terminal: refused before any interface
    assert status == 1 and len(shown.splitlines()) == 1 and shown.startswith(str(bad)), shown
    out = run("replay", bad)  # and without one: the same line, the same status
    assert out.returncode == 1 and out.stderr == shown and "Traceback" not in out.stderr


def test_without_a_terminal_the_viewer_points_to_text(saves: Path) -> None:
    out = run("replay", saves / "mini.yaml")
    assert out.returncode == 1 and out.stdout == ""
    assert len(out.stderr.splitlines()) == 1 and "--text" in out.stderr, out.stderr


def test_the_viewer_runs_in_a_terminal_and_q_quits(saves: Path) -> None:
    status, shown = in_a_terminal("replay", saves / "mini.yaml", keys=b"q", wait_for=b"the talks open")
    assert status == 0 and "public view" in shown and "Traceback" not in shown, shown[-2000:]


def test_every_step_measures_its_columns_at_once(saves: Path) -> None:
    """Each step fits the tables' columns to what it shows; they are measured as the rows are
    written, not when the table is next idle: stepped back forty times in a burst, the viewer
    showed names cut to their headers' widths, five letters, until the next step."""
    from game.ui.widgets.panels import DelegationsTable

    async def body() -> None:
        app, timeline = viewer_app(saves / "astana.yaml")
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            for step in (timeline.steps, 40, 3, 0):
                viewer.go(step)  # no pause after it: the table is not idle yet
                for table in (viewer.query_one(AgendaTable), viewer.query_one(DelegationsTable)):
                    for k, column in enumerate(table.ordered_columns):
                        cells = [table.get_row_at(r)[k] for r in range(table.row_count)]
                        widest = max(getattr(c, "cell_len", len(str(c))) for c in cells)
                        assert column.content_width >= widest, (step, str(column.label), widest)

    asyncio.run(body())


def test_at_80_columns_the_public_agenda_shows_the_sides_whole(saves: Path) -> None:
    """Found from outside: at 80x24 the public view's "Sides by option" column was cut to one
    character (the names and agreed options took the panel), with no sign that it scrolled."""
    from game.ui.widgets.panels import spread

    async def body() -> None:
        app, timeline = viewer_app(saves / "astana.yaml")
        async with driven(app, size=(80, 24)) as pilot:
            viewer = await opened(pilot)
            table = viewer.query_one(AgendaTable)
            for step in (0, 40, timeline.steps):
                viewer.go(step)
                await pilot.pause()
                assert viewer.public
                view = viewer.view()
                assert [str(table.get_row_at(r)[2]) for r in range(table.row_count)] == [
                    spread(view, i) for i in view.agenda
                ]
                used = sum(c.get_render_width(table) for c in table.ordered_columns)
                assert used <= table.scrollable_content_region.width, (step, used)

    asyncio.run(body())


def test_the_sides_by_option_count_only_the_venues_delegations() -> None:
    """A newcomer replaying the campaign read "1 1 2 · 7" at Astana, eleven sides at a table of
    nine: the two that wait for Sochi were counted too."""
    from game.engine import new_game, view_for
    from game.scenario import bundled, load_scenario
    from game.ui.widgets.panels import spread

    sc = load_scenario(bundled()["astana-to-sochi"])
    state, _ = new_game(sc, 3)
    view = view_for(state, 0)
    seated = set(view.venue.turn_order)
    assert len(seated) < len(sc.delegations)  # the case: sides that wait for the next venue
    for i in view.agenda:
        counts = [0 if n == "·" else int(n) for n in spread(view, i).split()]
        assert sum(counts) == sum(1 for d in seated if view.positions[d][i] >= 0)


def test_the_autoplay_speed_is_said_in_the_singular_at_one_step(saves: Path) -> None:
    """ "Autoplay: 1 steps a second" (a playtester)."""
    from game.ui.screens.replay import SPEEDS

    app, _ = viewer_app(saves / "astana.yaml")

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            viewer.speed = SPEEDS.index(1.0) - 1
            await press(pilot, "plus")
            assert notified(app, "Autoplay: 1 step a second")
            await press(pilot, "plus")
            assert notified(app, "Autoplay: 2 steps a second")

    asyncio.run(body())


def test_the_transcript_gives_the_reasons_the_ai_seats_gave(saves: Path) -> None:
    """The save keeps what each AI seat said of its answers and statements; the viewer shows it
    beside the move, stepping on and after a jump alike."""
    app, timeline = viewer_app(saves / "astana.yaml")
    session = timeline.session
    assert session.said, "an AI game of astana-8 gives reasons"
    index, reason = next(iter(session.said.items()))
    step = next(n for n in range(1, timeline.steps + 1) if timeline.ends[n - 1] <= index < timeline.ends[n])
    line = " ".join(f"{session.records[index].text} ({reason})".split())

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            await press(pilot, "g")
            await type_turn(pilot, str(step - 1))
            await screen_of(pilot, ReplayScreen)
            assert viewer.step == step - 1 and line not in transcript(viewer)
            await press(pilot, "right")  # one step on: the step's own records, added
            assert viewer.step == step and line in transcript(viewer)
            await press(pilot, "end")
            await press(pilot, "g")
            await type_turn(pilot, str(step))  # a jump: the transcript written afresh
            await screen_of(pilot, ReplayScreen)
            assert viewer.step == step and line in transcript(viewer)

    asyncio.run(body())


def test_the_step_that_opens_a_campaigns_next_venue_names_it(tmp_path: Path) -> None:
    """The move that ended Astana was shown with "then round 1/5 begins", and the mode line above
    already named the Congress: the status says which venue's round begins."""
    import types

    from tests.saves.helpers import finished

    session = finished("astana-to-sochi", 3)
    timeline = load_timeline(save(session, tmp_path, "campaign"))

    def status_at(step: int) -> str:
        shown = types.SimpleNamespace(_state=timeline.state_at(step), step=step, timeline=timeline)
        return ReplayScreen.status(shown).plain  # type: ignore[arg-type]

    opened = [
        step
        for step in range(1, timeline.steps + 1)
        if timeline.state_at(step).venue != timeline.state_at(step - 1).venue
    ]
    assert len(opened) == 1
    congress = session.scenario.venues[1]
    assert status_at(opened[0]).endswith(f"then round 1/{congress.rounds} of {congress.name} begins")
    # a round that begins at the same venue is not given its name
    inside = next(
        step
        for step in range(1, opened[0])
        if timeline.begins_round(step) and timeline.state_at(step).venue == timeline.state_at(step - 1).venue
    )
    round_ = timeline.state_at(inside).round
    assert status_at(inside).endswith(f"then round {round_}/{session.scenario.venues[0].rounds} begins")


def test_t_puts_the_cursor_in_the_transcript_to_scroll_it_and_back(saves: Path) -> None:
    """At 80x24 the transcript shows four lines: `t` (as at the table) gives it the cursor, ↑ ↓
    scroll it, and `t` again goes back to the agenda, whose ↑ ↓ choose an issue. No key reached
    the lines above before (a tester read a long agreement's text only with the mouse)."""
    app, timeline = viewer_app(saves / "astana.yaml")

    async def body() -> None:
        async with driven(app, size=(80, 24)) as pilot:
            viewer = await opened(pilot)
            await press(pilot, "end")
            log = viewer.query_one("#replay-transcript", RichLog)
            agenda = viewer.query_one("#replay-agenda", AgendaTable)
            await until(pilot, lambda: log.max_scroll_y > 0 and log.scroll_y == log.max_scroll_y, "the end")
            await press(pilot, "t")
            assert log.has_focus
            # filling the screen but for the two status lines and the key row
            await pilot.pause()
            assert viewer.maximized is log and log.region.height == 24 - 3
            bottom = log.scroll_y
            assert bottom > 3, "the transcript fits: nothing to scroll"
            await press(pilot, "up", "up", "up")  # (the first moved nothing once the pane had grown)
            await until(pilot, lambda: log.scroll_y == bottom - 3, "three lines up")
            assert viewer.step == timeline.steps  # the step stays where it was
            await press(pilot, "t")
            assert agenda.has_focus
            await pilot.pause()
            assert viewer.maximized is None and log.region.height < 24 // 2
            row = agenda.cursor_row
            scrolled = log.scroll_y
            await press(pilot, "down")
            assert agenda.cursor_row == row + 1 and log.scroll_y == scrolled
            # Esc shrinks it in place before it leaves the replay
            await press(pilot, "t", "escape")
            assert viewer.maximized is None and log.has_focus and app.screen is viewer

    asyncio.run(body())


def test_whose_view_offers_the_delegations_at_the_venue_shown(tmp_path: Path) -> None:
    """At a campaign's Astana, `v` offered the SNC's view and the platforms', who sit only at
    Sochi ("Idlib zone 0% (none stated)"): it cycles through those at the venue of the step shown."""
    session = finished("astana-to-sochi", 3)
    path = save(session, tmp_path, "campaign")
    app, timeline = viewer_app(path)
    venues = session.scenario.venues

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            for step, venue in ((0, venues[0]), (timeline.steps, venues[1])):
                viewer.go(step)
                seen = []
                for _ in range(len(session.scenario.delegations) + 1):
                    await press(pilot, "v")
                    if viewer.viewer is None:
                        break
                    seen.append(viewer.viewer)
                assert viewer.viewer is None  # back to the public view after the last
                assert seen == sorted(venue.turn_order)
            assert set(venues[1].turn_order) - set(venues[0].turn_order), "no one sits at Sochi only"
            # a view chosen at Sochi, of a delegation that sits only there, taken back to Astana:
            # the public view, and a word why (it read "Idlib zone 0% (no stated position)")
            only = min(set(venues[1].turn_order) - set(venues[0].turn_order))
            viewer.go(timeline.steps)
            while viewer.viewer != only:
                await press(pilot, "v")
            await press(pilot, "home")
            assert viewer.step == 0 and viewer.viewer is None
            assert notified(app, f"does not sit at {venues[0].name}: the public view")
            # and back at Sochi, the view chosen there is given back, with a word
            await press(pilot, "end")
            assert viewer.step == timeline.steps and viewer.viewer == only
            assert notified(app, f"sits at {venues[1].name}: its view again")
            # the public view chosen with v stays the public view wherever the reader goes
            while viewer.viewer is not None:
                await press(pilot, "v")
            await press(pilot, "home")
            await press(pilot, "end")
            assert viewer.viewer is None

    asyncio.run(body())


def test_the_replay_helps_explanations_wrap_under_themselves_at_80x24(saves: Path) -> None:
    """A newcomer's: written as lines of text broken at 76 columns, the help's explanations
    wrapped again in the narrower box, their ends back at its left edge ("delegation at", "the")."""
    app, _ = viewer_app(saves / "mini.yaml")

    async def body() -> None:
        async with driven(app, size=(80, 24)) as pilot:
            await opened(pilot)
            await press(pilot, "question_mark")
            helper = await screen_of(pilot, ReplayHelp)
            await pilot.pause()
            keys = helper.query(Static).first()
            lines = [keys.render_line(y).text.rstrip() for y in range(keys.size.height)]
            listed = [line for line in lines[1:] if line.strip()]
            at = {len(line) - len(line.lstrip()) for line in listed}
            # the keys at one indent, their texts' wrapped lines at another, nothing at the edge
            assert len(at) == 2 and min(at) >= 2, lines
            wrapped = " ".join(line.strip() for line in listed if len(line) - len(line.lstrip()) == max(at))
            assert "once the game is over" in " ".join(" ".join(listed).split()) and wrapped, lines

    asyncio.run(body())


def test_the_status_words_a_human_seats_moves_as_it_words_the_ai_seats(tmp_path: Path) -> None:
    """The status line labels every move with its mover's name the same way: in a save of astana-8
    played as the government, the human's moves read "Government: passes" and the AI seats'
    "Russian Federation passes" (a whole name took the verb, a short one labelled the move), and a
    playtester took the two forms for the human's moves and the AI's."""
    session = finished("astana-8", 3, government="human")
    app, _ = viewer_app(save(session, tmp_path, "as-government"))
    sc = session.scenario
    seats = session.seats
    log = session.log
    human = next(k for k, e in enumerate(log, 1) if seats[e.action.actor] == "human")

    # an AI seat whose whole name fits the line: the form it was given differed from the human's
    def mover(step: int) -> str:
        return named(sc.delegations[sc.delegation_index[log[step - 1].action.actor]], 26)

    ai = next(
        k
        for k, e in enumerate(log, 1)
        if seats[e.action.actor] != "human" and mover(k) == sc.delegations[sc.delegation_index[e.action.actor]].name
    )

    def wording(step: int) -> str:
        return f" · {mover(step)}: {action_phrase(sc, log[step - 1].action)}"

    async def body() -> None:
        async with driven(app, size=SIZE) as pilot:
            viewer = await opened(pilot)
            for _ in range(max(human, ai)):
                await press(pilot, "right")
                if viewer.step in (human, ai):
                    assert wording(viewer.step) in status(viewer), status(viewer)

    asyncio.run(body())
