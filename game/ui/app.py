"""The Peace Talks application, made by `make_app` so tests can inject scenario, seed and paths."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import secrets
import signal
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import ModalScreen, Screen

from game.engine.seat import AGENT, Seat
from game.paths import is_autosave
from game.play.new_game import NewGame, played, refitted
from game.safetext import escape_controls
from game.saves import SaveError, SaveLoadError, Session, default_seats, load, save, save_text
from game.saves.read import kept_named_save
from game.saves.session import agent_seats_problem
from game.saves.timeline import Timeline, load_timeline
from game.scenario.load import check_source
from game.scenario.watch import Reload, ScenarioWatch
from game.ui.keys import palette
from game.ui.screens.notices import Notice
from game.ui.screens.problems import ScenarioProblems
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen

if TYPE_CHECKING:
    from game.ui.screens.replay import ReplayScreen


def _replay_screen() -> type[ReplayScreen]:
    # The viewer is imported when it is first opened, not at every launch of a game.
    from game.ui.screens.replay import ReplayScreen

    return ReplayScreen


_GC_THRESHOLDS = (20_000, 20, 20)  # young, middle and old generations (Python's: 700, 10, 10)


@contextmanager
def interface_gc() -> Iterator[None]:
    """The collector tuned for the interface while it runs, as it was afterwards.

    Drawing a frame makes thousands of short-lived objects; at Python's default thresholds the
    collector then runs so often that a pass over the whole heap lands on many key presses.
    Collecting less often took about 10 ms off opening a dialog (bench/ui_bench.py). It is set
    here, where the real interface runs, and not when an app is built: building one (as every UI
    test does) must not retune the whole process."""
    before = gc.get_threshold()
    gc.set_threshold(*_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def run_app(app: App[None]) -> None:
    """Run the interface in the terminal, as the `peacetalks` command does. Python's sys.stdin
    reads nothing meanwhile (the interface reads the terminal through its own descriptor): an
    outside agent that called input() took the keyboard from the game, and ctrl+q never came
    through; now its read ends at once, and the agent's error is said as any other's, as in the
    worker processes of `simulate`, whose stdin is /dev/null."""
    from game.ai.confine import nothing_on_stdin

    with interface_gc(), nothing_on_stdin():
        app.run()


@dataclass(frozen=True)
class Launch:
    """What to open straight away instead of the title screen: a new game, a save, or a save's
    replay (loaded and verified before the interface starts)."""

    new: NewGame | None = None
    load: Path | None = None
    loaded: Session | None = None  # with `load`: the save already loaded and verified, if it was
    replay: Timeline | None = None
    replay_name: str = ""
    watch: bool = False  # with `new`: restart the game whenever its scenario file changes
    save_name: str | None = None  # with `new`: save it under this name, kept up to date


# Every screen's style sheet, read when the app starts. A screen's CSS_PATH is read the first
# time a screen of its kind opens, and Textual then parses the whole sheet again (its widgets'
# defaults too) and restyles every widget on every screen: five or six times in a game, the first
# time each dialog or notice opens. Once loaded, a screen's rules apply everywhere anyway.
_SCREENS_CSS: list[str | PurePath] = sorted((Path(__file__).parent / "screens").glob("*.tcss"))


# The signals that end the command without a crash: `kill`'s default, and the terminal's hang-up
# (where there is one: Windows has no SIGHUP, and the module would not load there)
_ENDING_SIGNALS = tuple(s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None)


class Printed:
    """What is printed while the interface runs, kept for the command to write on stderr once
    the interface has closed. Textual takes both streams while it runs, and drops what no widget
    asks for: an outside agent's prints, which `simulate`, `watch` and `tournament` write on
    stderr, were lost in `play`. Registered with `App.begin_capture_print`, it is handed each
    write as it is made, in the thread that makes it (an agent thinks in a thread of its own)."""

    def __init__(self) -> None:
        self._parts: list[str] = []  # list.append is atomic: writes from two threads stay whole

    def post_message(self, message: Message) -> bool:
        if isinstance(message, events.Print):
            self._parts.append(message.text)
        return True

    async def _post_message(self, message: Message) -> bool:
        return self.post_message(message)

    @property
    def text(self) -> str:
        return "".join(self._parts)


class PeaceTalksApp(App[None]):
    TITLE = "Peace Talks"
    CSS_PATH = _SCREENS_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, launch: Launch | None, saves_dir: Path, seed: int, speed: int = 2) -> None:
        super().__init__()
        self.launch = launch
        self._game_file: Path | None = None  # the scenario file of the game begun last
        self.saves_dir = saves_dir
        self.seed = seed
        self.speed = speed
        self.failure = ""  # why the app stopped on an error (an outside agent's), for the command to print
        self.failure_error: Exception | None = None  # that error, whose traceback the command may print
        # where a game left with ctrl+q was saved, for the command to say once the terminal is back
        # (a tester's ctrl+q twice gave the shell back without a word)
        self.farewell = ""
        self.printed = Printed()  # what was printed meanwhile, for the command to write on stderr
        self._leaving: Screen[bool] | None = None  # ctrl+q's question while it is open
        self._held: list[Notification] = []  # notices raised while a dialog was open (_on_notify)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast, with every control character in it written out: most name a file (a save that
        does not load, a scenario reloaded), and a file named with `\\e]2;...` set the terminal's
        title from one (every screen's notify comes here)."""
        super().notify(
            escape_controls(message), title=escape_controls(title), severity=severity, timeout=timeout, markup=markup
        )

    def _on_notify(self, event: Notify) -> None:
        """A notice raised while a dialog is open is held, and shown when the dialog closes
        (_screen_changed): Textual draws toasts over the screen on top, and they hid a dialog's
        text (the replay's autoplay, ending under its help, said so over the help). Decided as the
        notice arrives, not as it is raised: one raised just before a dialog opens arrives after.
        No dialog raises one: each says what it refuses on a line of its own."""
        if self._dialog_open():
            event.prevent_default()  # (Textual's own handler, next in the class's line, shows it)
            self._held.append(event.notification)

    def _dialog_open(self) -> bool:
        try:
            return isinstance(self.screen, ModalScreen)
        except ScreenStackError:  # (no screen yet)
            return False

    def _screen_changed(self, screen: Screen[object]) -> None:
        """A dialog opened: the toasts up are held with the time they had left (else each was
        drawn again over the dialog); none open: the notices held are shown, each for its time.
        The size notice alone stays over everything (_check_size)."""
        if isinstance(screen, ModalScreen):
            for shown in list(self._notifications):
                if shown is not self._too_small:
                    self._unnotify(shown, refresh=False)
                    if shown.time_left > 0:
                        self._held.append(_again(shown, shown.time_left))
            self._refresh_notifications()
        elif self._held:
            held, self._held = self._held, []
            for notice in held:
                # added at once, not posted: a hot-seat cover that clears the toasts next (the
                # player whose turn ended said what is theirs) must find them there to clear
                self._notifications.add(_again(notice, notice.timeout))
            self._refresh_notifications()

    def clear_notifications(self) -> None:
        """Every notice, shown or held (a hot-seat cover: what was said to the last player is theirs)."""
        self._held.clear()
        super().clear_notifications()

    # --- the terminal's size --------------------------------------------------------------------

    MIN_SIZE = (80, 24)  # every screen is laid out to show all it must from this size up
    _too_small: Notification | None = None
    _too_small_at: tuple[int, int] = (0, 0)  # the size its text gives

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        """Below 80x24, a notice over whatever is shown says so, with the size the terminal has
        (a new notice at each new size: the old one went on naming the first); it goes when the
        terminal is large enough."""
        small = width < self.MIN_SIZE[0] or height < self.MIN_SIZE[1]
        shown = self._too_small
        if shown is not None and (not small or self._too_small_at != (width, height)):
            if shown in self._notifications:
                self._unnotify(shown)
                self._refresh_toasts_below()
            self._too_small = None
        if small and self._too_small is None:
            self._too_small = Notification(
                f"This terminal is {width}x{height}: Peace Talks needs at least "
                f"{self.MIN_SIZE[0]}x{self.MIN_SIZE[1]}, and some of the screen is cut off until it is larger.",
                "Terminal too small",
                "warning",
                timeout=365 * 24 * 3600,  # until the terminal grows
                markup=False,
            )
            self._too_small_at = (width, height)
            # shown at once, as Textual's handler of the Notify message shows it (over a dialog
            # too, where the app's own holds a notice): posted, the message could arrive after a
            # quick resize back to a large size had found nothing to take down, and the notice
            # then stayed over a terminal large enough
            self._notifications.add(self._too_small)
            self._refresh_notifications()

    def _refresh_toasts_below(self) -> None:
        """Textual redraws the notices of the screen on top only: a screen below a dialog, seen
        around it, kept the size notice after the terminal grew back, until the dialog closed."""
        from textual.css.query import NoMatches
        from textual.widgets._toast import ToastRack

        for screen in self.screen_stack[:-1]:
            with contextlib.suppress(NoMatches):
                rack = screen.get_child_by_type(ToastRack)
                self.call_later(rack.show, self._notifications)

    async def on_mount(self) -> None:
        self.begin_capture_print(self.printed)
        self.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)
        loop = asyncio.get_running_loop()
        for number in () if self._outside_agents() else _ENDING_SIGNALS:
            # (the loop runs them as callbacks, between the interface's own; a loop that takes no
            # handlers, in a thread say, leaves the signal as it was, and so does a signal ignored
            # on purpose: `nohup` ignores SIGHUP, a reviewer's)
            if signal.getsignal(number) is not signal.SIG_DFL:
                continue
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self._ended_by, number)
        self._check_size(self.size.width, self.size.height)
        if self.launch is not None and self.launch.new is not None and self.launch.watch:
            await self.watch_scenario(self.launch.new)
        elif self.launch is not None and self.launch.new is not None:
            self.new_game(self.launch.new, self.launch.save_name)
        elif self.launch is not None and self.launch.load is not None:
            self.load_game(self.launch.load, self.launch.loaded)
        elif self.launch is not None and self.launch.replay is not None:
            self.push_screen(_replay_screen()(self.launch.replay, self.launch.replay_name), lambda _: self.exit())
        else:
            self.push_screen(TitleScreen(self.saves_dir, self.seed))

    # --- starting games -------------------------------------------------------------------------

    def new_game(self, game: NewGame, save_name: str | None = None) -> None:
        scenario, diagnostics, source = check_source(game.scenario)  # read once: validated = embedded
        if scenario is None:
            self.notify(
                str(diagnostics[0]), title="The scenario has errors", severity="error", timeout=10, markup=False
            )
            return
        self._game_file = game.scenario  # offered again on the title screen after the game
        seats = default_seats(scenario, game.humans, game.difficulty)
        seats.update((ident, label) for ident, label in game.seats if ident in seats and ident not in game.humans)
        session = Session.new(scenario, source, game.seed, seats, game.scenario.stem)
        if save_name is not None:
            try:
                save(session, self.saves_dir, save_name)  # at once: the named file exists from the start
            except SaveError as exc:
                self.notify(str(exc), title="Could not save", severity="error", markup=False)
                save_name = None
        self.play(session, save_name=save_name)

    # a finished save whose debrief was opened from the save browser: leaving the debrief comes
    # back to the browser, its cursor on that save, as leaving a replay does (a tester found the
    # title screen)
    _debrief_from: Path | None = None

    def load_game(self, path: Path, loaded: Session | None = None, browsed: bool = False) -> bool:
        """Continue the save at `path`; False, after saying why, where it does not load.
        `browsed`: chosen in the save browser."""
        try:
            session = load(path) if loaded is None else loaded
            # `play --load` checked the save's outside agents against its --seat options
            # (`loaded`); a save opened from the title screen has none, so one naming code is refused
            problem = agent_seats_problem(session.seats, []) if loaded is None else ""
            if problem:
                raise SaveLoadError(f"{path}: {problem}")
        except SaveLoadError as exc:
            self.notify(str(exc), title="Cannot load", severity="error", timeout=10, markup=False)
            if not self.screen_stack or len(self.screen_stack) <= 1:
                self.push_screen(TitleScreen(self.saves_dir, self.seed))
            return False
        # a game continued from its autosave keeps writing there; one loaded from a named save
        # gets an autosave of its own, so the named save is changed only when the player says so
        # (ctrl+s offers its name, and saves over it without asking: it is this game)
        named = path.stem if path.parent.resolve() == self.saves_dir.resolve() else None
        self._debrief_from = path if browsed and session.state.over else None
        if is_autosave(path):
            kept = kept_named_save(session, self.saves_dir)
            if kept is not None:
                # the save the player named goes on being kept up to date, as before they left
                name, text, turns = kept
                self.play(session, autosave=path, save_name=name, named=(text, turns))
                return True
        self.play(session, autosave=path if is_autosave(path) else None, suggested=named)
        return True

    def play(
        self,
        session: Session,
        autosave: Path | None = None,
        save_name: str | None = None,
        suggested: str | None = None,
        named: tuple[str, int] | None = None,
    ) -> None:
        """Sit at the table of `session`. `save_name`: the save the game keeps up to date, just
        written with the session as it is, or else (`named`) holding that text and that number of
        turns of it."""
        humans = tuple(
            k for k, d in enumerate(session.scenario.delegations) if Seat.parse(session.seats[d.id]).is_human
        )
        table = TableScreen(session, humans, self.saves_dir, self.speed, autosave)
        table.save_name = save_name
        if named is not None:
            table.named_text, table.named_turns = named
        else:
            # new_game has just written it, and nothing has been played since: the text is the file's
            table.named_text = save_text(session) if save_name is not None else None
            table.named_turns = len(session.log) if save_name is not None else -1  # (written just now)
        table.suggested_name = suggested
        if isinstance(self.screen, TitleScreen):
            self.switch_screen(table)
        else:
            self.push_screen(table)

    @on(TitleScreen.Start)
    def _start(self, message: TitleScreen.Start) -> None:
        self.new_game(message.game)

    @on(TitleScreen.Load)
    def _load(self, message: TitleScreen.Load) -> None:
        if not self.load_game(message.path, browsed=message.browsed) and message.browsed:
            self._browse_again(message.path)

    @on(TitleScreen.Replay)
    def _replay(self, message: TitleScreen.Replay) -> None:
        self.open_replay(message.path, message.browsed)

    def _browse_again(self, path: Path) -> None:
        """A save chosen in the browser did not open: the browser comes back, under the reason,
        its cursor on that save, so the player picks another rather than finding the title screen."""
        if isinstance(self.screen, TitleScreen):
            self.screen.browse(select=path)

    @work(thread=True, exclusive=True, group="replay")
    def open_replay(self, path: Path, browsed: bool = False) -> None:
        """Load and verify a save for the viewer off the interface's thread: a save of ten
        thousand actions takes a second or two, and the title screen should not freeze."""
        try:
            timeline = load_timeline(path)
        except SaveLoadError as exc:
            self.call_from_thread(
                self.notify, str(exc), title="Cannot replay", severity="error", timeout=10, markup=False
            )
            if browsed:
                self.call_from_thread(self._browse_again, path)
            return
        self.call_from_thread(self._show_replay, timeline, path, browsed)

    def _show_replay(self, timeline: Timeline, path: Path, browsed: bool = False) -> None:
        """Leaving the viewer comes back to where the save was chosen: the browser, its cursor on
        that save (a newcomer found the title screen instead), else the title screen."""
        self.push_screen(
            _replay_screen()(timeline, path.name), (lambda _: self._browse_again(path)) if browsed else None
        )

    @on(TableScreen.GameOver)
    def _debrief(self, message: TableScreen.GameOver) -> None:
        from game.ui.screens.debrief import DebriefScreen

        # The table that ended, and what stands above it goes with it: a hot-seat table loaded
        # when its game had already ended is still under its hand-over cover.
        table = next(s for s in reversed(self.screen_stack) if isinstance(s, TableScreen))
        while self.screen is not table:
            self.pop_screen()
        back = "the title" if self._debrief_from is None else "the saved games"
        self.switch_screen(DebriefScreen(table.session, back=back))

    async def on_debrief_screen_closed(self) -> None:
        from game.ui.screens.debrief import DebriefScreen

        if self._watched is not None:
            await self._reload(self._watched.load(), now=True)  # the next game, with the file as it is now
            return
        debrief = self.screen
        last = played(debrief.session, self._game_file) if isinstance(debrief, DebriefScreen) else None
        title = TitleScreen(self.saves_dir, self.seed, last)
        await self.switch_screen(title)
        browsed, self._debrief_from = self._debrief_from, None
        if browsed is not None:
            title.browse(select=browsed)

    # --- watching a scenario file (play PATH --watch) -------------------------------------------

    _watched: ScenarioWatch | None = None
    _WATCH_POLL = 0.5  # seconds between looks at the file: quick enough to feel live

    async def watch_scenario(self, game: NewGame) -> None:
        """Play the game, and restart it with the new version whenever the file changes; a
        version that does not load shows its errors and leaves the running game as it is."""
        self._watched = ScenarioWatch(game.scenario)
        self._watched_game = game
        self.set_interval(self._WATCH_POLL, self._poll_scenario)
        await self._reload(self._watched.load())

    async def _poll_scenario(self) -> None:
        if self._watched is None:
            return
        change = self._watched.poll()
        if change is not None:
            await self._reload(change)

    async def _reload(self, change: Reload, now: bool = False) -> None:
        problems = next((s for s in self.screen_stack if isinstance(s, ScenarioProblems)), None)
        path = str(self._watched_game.scenario)
        if change.scenario is None:
            if problems is not None:
                problems.show(change.diagnostics)
            else:
                running = any(isinstance(s, TableScreen) for s in self.screen_stack)
                self._close_notices()
                self.push_screen(ScenarioProblems(path, change.diagnostics, running))
            return
        from game.ui.screens.debrief import DebriefScreen

        if isinstance(self.screen, DebriefScreen) and not now:
            # the player is reading how the last game went: the next one will use the new version
            self.notify(f"{path} changed: the next game uses it.", title="Scenario reloaded", markup=False)
            return
        # Back to the bottom of the stack, closing the old game, its dialogs and its AI worker.
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        self._watched_game, said = refitted(self._watched_game, change.scenario)
        for message in said:
            self.notify(message, severity="warning", markup=False)
        self.new_game(self._watched_game)
        if self._started_once:
            self.notify(
                f"{path} reloaded: a new game with seed {self._watched_game.seed}.",
                title="Scenario reloaded",
                markup=False,
            )
        self._started_once = True

    _started_once = False

    def _close_notices(self) -> None:
        """Close the notices over a game in progress, as Esc closes them, before the errors of
        the watched file are shown: drawn over a round's events, the two boxes stacked, and Esc
        on the errors led back to the notice, not to the game. What a notice says is in the
        transcript too, and play waits behind the errors (TableScreen._while_the_player_is_asked).
        The notice of the talks' end is left: closing it would bring the debrief, which takes
        every screen above the table with it, the errors too."""
        table = next((s for s in reversed(self.screen_stack) if isinstance(s, TableScreen)), None)
        if table is None or table.session.state.over:
            return
        # not awaited: the screen is popped at once, and the AI's moves (waiting on a round's
        # notice) go on only after the errors are up, which then hold them
        while isinstance(self.screen, Notice):
            self.screen.dismiss(None)

    # --- quitting -------------------------------------------------------------------------------

    def _outside_agents(self) -> bool:
        """Whether an outside agent sits at the game launched: its move runs in this process, and
        one stuck in C code holds the interpreter, so a handler on the event loop would never
        run, and SIGTERM, which ended the game at once by its default action, would end nothing
        (a reviewer's, of `watch`): there the signals keep their default action."""
        launch = self.launch
        if launch is None:
            return False
        labels = [label for _, label in launch.new.seats] if launch.new is not None else []
        if launch.loaded is not None:
            labels += list(launch.loaded.seats.values())
        return any(label.startswith(f"{AGENT}:") for label in labels)

    def _ended_by(self, number: int) -> None:
        """SIGTERM or SIGHUP (`kill`, a closed terminal window): the game at the table saved as
        ctrl+q saves it (what cannot be written is left: the autosave of the last move stands),
        and the interface closed the way it closes on ctrl+q, with the terminal given back as it
        was, and the status a signal gives (128 + its number). Before, the process died at once
        and left the terminal without echo, in the interface's screen and mouse mode."""
        for screen in self.screen_stack:
            if isinstance(screen, TableScreen) and not screen.session.state.over:
                with contextlib.suppress(Exception):
                    if screen.save_autosave(announce=False):
                        screen.save_named()
        self.exit(return_code=128 + number)

    def _handle_exception(self, error: Exception) -> None:
        """A crash: write the autosave of the game at the table first, where it can be written
        (the session only ever holds a state the rules reached), then exit with status 1."""
        for screen in self.screen_stack:
            if isinstance(screen, TableScreen):
                # the crash report matters more than a second failure while saving
                with contextlib.suppress(Exception):
                    screen.save_autosave(announce=False)
        super()._handle_exception(error)

    def _farewell(self, table: TableScreen) -> None:
        """Where the game left with ctrl+q is saved, said once the terminal is the shell's again."""
        if table.session.state.over:
            return  # its debrief says how it ended; the saved games list it
        # the named save only where it holds the game as it is: removed, taken by another game or
        # behind (nothing unsaved quits at once, before save_named could tell), it is not said
        named_file = table.named_path()
        kept = (
            named_file is not None
            and table.named_save_is_ours()
            and named_file.is_file()
            and table.named_turns == len(table.session.log)
        )
        named = f" and in {named_file}" if kept else ""
        self.farewell = (
            f"Your game is saved in the autosave {table.autosave_path}{named}: "
            '`peacetalks` and "Continue the autosave" go on with it.'
        )

    async def action_quit(self) -> None:
        # ctrl+q works over any dialog, notice or hand-over: find the table beneath them
        table = next((s for s in reversed(self.screen_stack) if isinstance(s, TableScreen)), None)
        if table is None or not (table.unsaved or table.named_behind):
            if table is not None and table.autosave_path.is_file():
                self._farewell(table)  # (saved at the round's start, say: nothing to ask)
            elif table is not None and not table.session.log:
                # a newcomer's ctrl+q at their first turn gave the shell back without a question
                # and without a save: there was nothing to keep, which is now said
                self.farewell = "The game was left before its first move: there was nothing to save."
            self.exit()
            return
        from game.ui.screens.actions import ConfirmDialog

        if self._leaving is not None and self.screen is self._leaving:
            # ctrl+q again over its own question is the answer, as the question says (a second
            # question stacked on the first would take two Escapes to get back to the table)
            self._leaving.dismiss(True)
            return

        def answer(ok: bool | None) -> None:
            self._leaving = None
            # quit only once the game is written; a save that fails says why and the game stays
            # (an autosave that holds every move already is not written again: its failure kept
            # a player whose named save was behind at the table, a reviewer's)
            if not ok or (table.unsaved and not table.save_autosave(announce=False)):
                return
            name = table.save_name
            if table.save_named():
                self._farewell(table)
                self.exit()
            elif name is not None:
                # the autosave holds the whole game: quitting loses nothing, and the command says
                # which save is behind and where the game is (exit status 1)
                self.failure = (
                    f"your save {name} could not be brought up to date ({table.named_error}); the autosave "
                    f"{table.autosave_path} holds the whole game: `peacetalks play --load {table.autosave_path}` goes on"
                )
                self.exit(return_code=1)

        # a named save another game has taken is not written to (TableCommands.save_named)
        where = "the autosave" + (f" and as {table.save_name}" if table.named_save_is_ours() else "")
        # (an error names a path, which may hold an escape sequence: shown as text, a reviewer's)
        if not table.unsaved and table.named_behind and table.named_error:
            # the autosave holds the game; only the named save is behind
            question = (
                f"Leave the table? The autosave holds your game, but your save {table.save_name} could not be "
                f"brought up to date ({escape_controls(table.named_error)}). Save and quit tries it again and "
                "quits either way. (ctrl+q again: save and quit)"
            )
        elif table.save_error:
            # a save failed since the last that worked: never claim the game is saved
            question = (
                f"Leave the table? The last save failed ({escape_controls(table.save_error)}). Save and quit tries "
                "again, and the game stays open if it fails. (ctrl+q again: save and quit)"
            )
        else:
            # a game continued from a named save goes on in an autosave of its own: a tester could
            # not tell whether quitting wrote over the named save (it does not)
            kept = (
                f" Your save {table.suggested_name} stays as it was (ctrl+s saves over it)."
                if table.suggested_name and table.save_name is None
                else ""
            )
            question = f"Leave the table? Your game will be saved as {where}.{kept} (ctrl+q again: save and quit)"
        self._leaving = ConfirmDialog(question, "Save and quit", "Stay")
        self.push_screen(self._leaving, answer)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, TableScreen):
            for title, summary, name in palette():  # game/ui/keys.py: the table's keys
                yield SystemCommand(title, summary, getattr(screen, f"action_{name}"))
        elif isinstance(screen, _replay_screen() | TitleScreen):
            for title, help_text, action in screen.commands():
                yield SystemCommand(title, help_text, action)


def _again(notice: Notification, timeout: float) -> Notification:
    """A notice to show anew, from now, for `timeout` seconds (a toast of its own: Textual keeps
    one toast a notice's identity, and one drawn before would not be drawn again)."""
    return Notification(notice.message, notice.title, notice.severity, timeout, markup=notice.markup)


def make_app(
    scenario: Path | None = None,
    humans: tuple[str, ...] = (),
    difficulty: str = "normal",
    seed: int | None = None,
    load: Path | None = None,
    saves_dir: Path = Path("saves"),
    loaded: Session | None = None,
    speed: int = 2,
    replay: Timeline | None = None,
    replay_name: str = "",
    watch: bool = False,
    save_name: str | None = None,
    seats: tuple[tuple[str, str], ...] = (),
) -> PeaceTalksApp:
    """The app: the title screen, or straight to the table with a scenario or a save (`loaded`:
    the save at `load`, already loaded), or to the replay viewer of a save already loaded
    (`load_timeline`), which quits the app on leaving."""
    seed = secrets.randbelow(1_000_000) if seed is None else seed
    launch = None
    if replay is not None:
        launch = Launch(replay=replay, replay_name=replay_name)
    elif load is not None:
        launch = Launch(load=load, loaded=loaded)
    elif scenario is not None:
        launch = Launch(new=NewGame(scenario, humans, difficulty, seed, seats), watch=watch, save_name=save_name)
    return PeaceTalksApp(launch, saves_dir, seed, speed)
