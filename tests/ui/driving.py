"""Helpers to drive the whole app with Textual's Pilot, robustly under load.

Every wait is a loop on a condition with a deadline, never a fixed sleep: the AI plays in a
worker, and round notices pop up while it plays, so the tests wait for the screen they expect.

`driven(app)` runs the app with `App.run_test()` as every interface test does, and hands back a
`Driver`: a Pilot that, after a key or a click, waits until the app and the screen have handled
every message the event queued (and every message those queued in turn), then paints the
screen. Textual's own Pilot waits instead until the process looks idle, by sleeping 20 ms at a
time and comparing CPU time with wall time: twice a key, three times a click and once more a
pause, a few seconds of sleep a test, and longer on a loaded machine. What the app does on its own
after the queues are empty (the AI's moves in its worker, a save written in a thread, a timer)
is awaited by the tests with `until` and the helpers below, on the condition they need.
"""

from __future__ import annotations

import asyncio
import time
import unicodedata
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from textual import events
from textual.app import REPLACED_KEYS, App
from textual.drivers.headless_driver import HeadlessDriver
from textual.geometry import Offset, Size
from textual.keys import _character_to_key, _get_unicode_name_from_key
from textual.pilot import OutOfBounds, Pilot, _get_mouse_message_arguments
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from game.paths import latest_autosave
from game.scenario import bundled
from game.ui.app import PeaceTalksApp, make_app
from game.ui.screens.actions import RespondDialog
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.notices import HandOver, Notice
from game.ui.screens.table import TableScreen

DEADLINE = 60.0  # seconds: generous, so that a loaded machine is slow rather than red
ASTANA = bundled()["astana-8"]
SOCHI = bundled()["sochi-congress"]
GOV, OPP, RUSSIA, TURKEY = 0, 1, 2, 3  # astana-8's delegations, by index


R = TypeVar("R")


class Driver(Pilot[R]):
    """Textual's Pilot, waiting for the app's queues to drain rather than for an idle process.

    The events are the ones Pilot sends (a Key with the character Pilot gives it; MouseDown,
    MouseUp and Click at the widget's offset, forwarded by the screen as Pilot forwards them), in
    the same order; only the waits between them differ."""

    async def press(self, *keys: str) -> None:
        for key in keys:
            self.app.post_message(_key_event(self.app, key))
            await self.settle()

    async def click(
        self,
        widget: Widget | type[Widget] | str | None = None,
        offset: tuple[int, int] = (0, 0),
        shift: bool = False,
        meta: bool = False,
        control: bool = False,
        times: int = 1,
        button: int = 1,
    ) -> bool:
        app = self.app
        await self.settle()
        screen = app.screen
        if widget is None:
            target: Widget = screen
        elif isinstance(widget, Widget):
            target = widget
        else:
            target = screen.query_one(widget)
        arguments = _get_mouse_message_arguments(target, offset, button=button, shift=shift, meta=meta, control=control)
        at = (arguments["x"], arguments["y"])
        if at not in screen.size.region:
            raise OutOfBounds("Target offset is outside of currently-visible screen region.")
        # What is under the pointer before the first event decides whether the click landed on
        # the widget asked for (the click itself may move things), as in Pilot.
        widget_at, _ = app.get_widget_at(*at)
        # A button ignores clicks while its press effect lasts (0.2 s, "-active"): a person cannot
        # click it again that soon, but this driver can, say after leaving a screen it opened and
        # coming back at once. Wait for the effect to end, as Pilot's idle waits did by chance.
        deadline = time.monotonic() + DEADLINE
        while widget_at.has_class("-active") and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        for chain in range(1, times + 1):
            for kind in (events.MouseDown, events.MouseUp, events.Click):
                kwargs = {**arguments, "chain": chain} if kind is events.Click else arguments
                app.mouse_position = Offset(*at)
                screen._forward_event(kind(**kwargs))
                await self.settle()
        return widget is None or widget_at is target

    async def resize_terminal(self, width: int, height: int) -> None:
        """As Pilot: the headless terminal's size changes and the app hears of it. The app passes a
        new size on to its screens from a timer (1/120 s, so that a dragged window lays out once),
        not from its queue: that timer is awaited, then the queues.

        Textual's one-shot timer can end without calling back: when its task is preempted for
        longer than its interval between its first two readings of the clock, it counts the tick
        as skipped and stops (Timer._run with skip=True, repeat=0). On a loaded machine that
        happened, and the app then kept the resize pending for good (its idle handler waits for a
        timer that is gone): this loop waited forever, the suite with it. A timer that ended so is
        done here as it would have done, and the wait has a deadline."""
        app = self.app
        size = Size(width, height)
        driver = app._driver
        if isinstance(driver, HeadlessDriver):
            driver._size = size
        app.post_message(events.Resize(size, size))
        await self.settle()
        deadline = time.monotonic() + DEADLINE
        while app._resize_timer is not None or app._resize_event is not None:
            timer = app._resize_timer
            if timer is not None and timer._task is not None and timer._task.done():
                app._check_resize()  # the timer's own callback, which the lost tick never ran
            if time.monotonic() > deadline:
                raise AssertionError(f"the app never passed the size {width}x{height} on to its screens")
            await asyncio.sleep(1 / 120)
        await self.settle()

    async def pause(self, delay: float | None = None) -> None:
        """With a delay, as Pilot (sleep, then paint); without, until the queues are empty."""
        if delay is None:
            await self.settle()
        else:
            await super().pause(delay)

    async def settle(self) -> None:
        """Until a look finds nothing left to do: every message the app and the widgets of the
        current screen were sent handled to its end (and what those sent), the same screen on
        top, and nothing on it left to paint nor waiting for its next repaint (call_after_refresh:
        painted here, as Pilot.pause paints, rather than left to the screen's timer). While the AI
        plays in its worker the queues never stay empty for long: after a while the test goes
        on, and waits with `until` for what it needs."""
        app = self.app
        screen = app.screen
        confirmed = False
        for _ in range(LOOKS):
            await asyncio.sleep(0)  # each pump handles what it was sent; a task takes its step
            if app._animator._animations or app._animator._scheduled:
                await app._animator.wait_until_complete()
                continue
            if app.screen is not screen:
                screen, confirmed = app.screen, False
                continue
            if _queued(app, screen):
                # wait for those to be handled (Pilot's wait: a callback each pump runs once all
                # it had before is done), rather than look again at once and spin while the AI plays
                if not await self._wait_for_screen():
                    return
                confirmed = False
                continue
            # What was asked to run after the next repaint (call_after_refresh: a footer built
            # again for the focus, a log scrolled to its end) waits in the screen for its update
            # timer, which a loaded machine runs late: looking again meanwhile used up the looks,
            # and settle went on before it ran. The update is done here, as the timer would.
            if (
                screen._callbacks
                or screen._dirty_widgets
                or screen._layout_required
                or screen._repaint_required
                or screen._recompose_required
            ):
                screen._on_timer_update()
                confirmed = False
                continue
            if confirmed:
                return
            # The queues are empty, but a handler may still be running (awaiting a mount, say):
            # Pilot's own wait sends each pump a callback, run once all it had before is done.
            if not await self._wait_for_screen():
                return  # the app failed or closed: run_test raises its error on the way out
            confirmed = True
        app.screen._on_timer_update()


# How many times settle looks before going on regardless (the AI is playing, and its moves keep
# the queues busy); an idle app is settled in two or three.
LOOKS = 20


def _key_event(app: App[Any], key: str) -> events.Key:
    """The Key event App._press_keys (under Pilot.press) sends for this key name or character."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    char: str | None
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    event = events.Key(key, char)
    event.set_sender(app)
    return event


def _queued(app: App[Any], screen: Screen[Any]) -> bool:
    """A message or callback is waiting in the app or on a widget of the current screen (those
    waiting for the screen's next repaint are not counted: settle repaints for them)."""
    return any(
        not pump._message_queue.empty() or pump._next_callbacks for pump in (app, *screen.walk_children(with_self=True))
    )


@asynccontextmanager
async def driven(app: App[R], **options: Any) -> AsyncIterator[Driver[R]]:
    """`app.run_test(**options)`, driven by a Driver."""
    async with app.run_test(**options) as pilot:
        yield Driver(pilot.app)


@asynccontextmanager
async def at_the_table(app: App[R], size: tuple[int, int] = (160, 50)) -> AsyncIterator[tuple[Driver[R], TableScreen]]:
    """The app driven to the first moment a human may act at the table: the driver and the table."""
    async with driven(app, size=size) as pilot:
        table = await settle(pilot)
        assert isinstance(table, TableScreen)
        yield pilot, table


def new_app(
    tmp: Path, humans: tuple[str, ...], seed: int = 1, scenario: Path = ASTANA, difficulty: str = "normal", **kw: Any
) -> PeaceTalksApp:
    return make_app(scenario=scenario, humans=humans, difficulty=difficulty, seed=seed, saves_dir=tmp, speed=0, **kw)


def autosave_file() -> Path:
    """The autosave written last in this test's user data folder (there must be one)."""
    found = latest_autosave()
    assert found is not None, "no autosave was written"
    return found


def ai_busy(app: App[Any]) -> bool:
    """The table's AI worker is still playing (or waiting on a notice it showed)."""
    return any(w.group == "ai" and not w.is_finished for w in app.workers)


def footer_shows_keys(screen: Screen[Any]) -> bool:
    """The screen has a footer, and each of its footers shows, mounted, the very keys its bindings
    call for now (each key, action, label and state). Textual builds a footer's keys only after
    the bindings are published (after a repaint) and again after the next repaint: a fixed number
    of frames finds it empty, or showing the keys of the focus before, on a loaded machine."""
    footers = list(screen.query(Footer))
    app = screen.app
    active = screen.active_bindings
    for footer in footers:
        if not footer._bindings_ready:
            return False
        wanted: dict[str, tuple[str, str, str, bool]] = {}
        for _, binding, enabled, _ in active.values():
            if binding.show:  # one key an action, the first bound, as Footer.compose shows it
                wanted.setdefault(binding.action, (binding.key, binding.action, binding.description, enabled))
        want = list(wanted.values())
        palette = active.get(app.COMMAND_PALETTE_BINDING)
        if footer.show_command_palette and app.ENABLE_COMMAND_PALETTE and palette is not None:
            _, binding, enabled, _ = palette
            want.append((binding.key, binding.action, binding.description, enabled))
        shown = [(k.key, k.action, k.description, not k._disabled) for k in footer.query(FooterKey) if k.is_mounted]
        if shown != want:
            return False
    return bool(footers)


async def until(pilot: Pilot[Any], condition: Callable[[], bool], what: str, timeout: float = DEADLINE) -> None:
    """Let the app run until `condition` holds; fail, saying what was awaited, at the deadline."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}; the screen is {pilot.app.screen!r}")
        await tick()


async def tick() -> None:
    """Give the app a moment to run, without forcing a repaint as `pilot.pause` does: the loops
    here poll often, and a repaint at each poll would make a whole game several times slower."""
    await asyncio.sleep(0.01)


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press keys one at a time, letting the app settle after each."""
    for key in keys:
        await pilot.press(key)


async def accept_answer(pilot: Pilot[Any]) -> None:
    """`a` in the answer dialog, as a player who means it: where another offer waiting for their
    answer is worth more, or the offer is worth less than walking away, the dialog asks first, and
    the answer is to accept (Tab, then Enter)."""
    from game.ui.screens.dialog import ConfirmDialog

    await pilot.press("a")
    await pilot.pause()
    screen = pilot.app.screen
    if isinstance(screen, ConfirmDialog) and screen.question.startswith("Accept #"):
        await pilot.press("tab", "enter")


async def reject_answer(pilot: Pilot[Any], click_it: bool = False) -> None:
    """`r` in the answer dialog (or its Reject button, with `click_it`), as a player who means it:
    where the offer is worth having the dialog asks first, and the answer is to reject (Tab, then
    Enter)."""
    from game.ui.screens.dialog import ConfirmDialog

    if click_it:
        await click(pilot, "#reject")
    else:
        await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    if isinstance(screen, ConfirmDialog) and screen.question.startswith("Reject #"):
        await pilot.press("tab", "enter")


async def pass_turn(pilot: Pilot[Any]) -> None:
    """Pass (n), as a player who means it: where an offer waiting for their answer is on its last
    round the game asks first, and the answer is to pass anyway (Tab, then Enter)."""
    from game.ui.screens.dialog import ConfirmDialog

    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    if isinstance(screen, ConfirmDialog) and "unanswered when this round ends" in screen.question:
        await pilot.press("tab", "enter")


async def click(pilot: Pilot[Any], selector: str) -> None:
    """Click a widget of the current screen; fail if the click landed on something else."""
    assert await pilot.click(selector), f"{selector} could not be clicked on {pilot.app.screen!r}"


async def screen_of(pilot: Pilot[Any], kind: type[Screen[Any]]) -> Any:
    """Wait for a screen of this kind to be the current one, mounted (as a player first sees
    it: a key sent while it is still being built would reach a screen no one has seen yet),
    and return it."""
    await until(pilot, lambda: isinstance(pilot.app.screen, kind) and pilot.app.screen.is_mounted, kind.__name__)
    screen = pilot.app.screen
    await pilot.pause()
    return screen


async def table_ready(pilot: Pilot[Any]) -> TableScreen:
    """Wait for the table of a new game, read past the first round's events (shown as a notice
    over it once it has mounted), and return it."""
    app = pilot.app

    def mounted() -> bool:
        return any(isinstance(s, TableScreen) and s.is_mounted for s in app.screen_stack)

    await until(pilot, mounted, "the table")
    table = table_of(app)
    while app.screen is not table:
        if isinstance(app.screen, Notice):
            await press(pilot, "enter")
        await tick()
    return table


def transcript_at_rest(log: Any) -> bool:
    """Whether the table's transcript is where it scrolls to after a move: its end, or the first
    line of the summary of what happened since the player's last move, where that summary is
    taller than the view (it is read from its start)."""
    y = log.scroll_offset.y
    lines = log._lines
    return bool(lines) and (
        y == log.max_scroll_y or (0 <= y < len(lines) and lines[y].text.startswith("Your turn, round"))
    )


def table_of(app: App[Any]) -> TableScreen:
    """The table screen, wherever it sits in the stack."""
    return next(s for s in app.screen_stack if isinstance(s, TableScreen))


async def settle(
    pilot: Pilot[Any],
    notices: list[str] | None = None,
    hand_over: bool = True,
    read: list[tuple[int, str, str]] | None = None,
) -> TableScreen | DebriefScreen | HandOver:
    """Run the AI until a human may act on the table (or the debrief is up), closing every
    round notice met on the way (their titles go into `notices`; into `read`, the delegation on
    the floor, the title and the body). A hand-over screen is passed with Enter unless
    `hand_over` is False, when it is returned instead."""
    app = pilot.app
    deadline = time.monotonic() + DEADLINE
    seen: set[int] = set()  # the notices already recorded: Enter pages down a long one before it closes
    while True:
        if time.monotonic() > deadline:
            raise AssertionError(f"the game did not come back to a human; the screen is {app.screen!r}")
        screen = app.screen
        if isinstance(screen, DebriefScreen):
            return screen
        if isinstance(screen, Notice) and id(screen) in seen:
            await press(pilot, "enter")
            continue
        if isinstance(screen, Notice):
            seen.add(id(screen))
            if notices is not None:
                notices.append(screen.title_text)
            if read is not None:
                table = next((s for s in app.screen_stack if isinstance(s, TableScreen)), None)
                actor = table.session.state.actor if table is not None else -1
                read.append((actor, screen.title_text, screen.body))
            await press(pilot, "enter")
            continue
        if isinstance(screen, RespondDialog) and screen.is_mounted:
            # the answer dialog, back after an answer while others still wait for one: closed,
            # as a player who has answered what they meant to
            await press(pilot, "escape")
            continue
        if isinstance(screen, HandOver) and screen.player:  # a hand-over naming the next player
            if not hand_over:
                return screen
            await press(pilot, "enter")
            continue
        if isinstance(screen, TableScreen) and not ai_busy(app):
            state = screen.session.state
            if not state.over and state.actor in screen.humans:
                return screen
        await tick()


def screen_text(app: App[Any]) -> str:
    """The plain text on the terminal now (what a player sees), from the app's screenshot."""
    import html
    import re

    svg = app.export_screenshot(simplify=True)
    lines: dict[str, list[str]] = {}
    # Rich's SVG: one <text> element per run of text, its clip path naming the line.
    for line, body in re.findall(r'<text[^>]*clip-path="url\(#terminal-\d+-line-(\d+)\)"[^>]*>([^<]*)</text>', svg):
        lines.setdefault(line, []).append(html.unescape(body).replace("\xa0", " "))
    return "\n".join("".join(parts) for _, parts in sorted(lines.items(), key=lambda kv: int(kv[0])))
