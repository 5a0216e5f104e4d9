"""Helpers to drive the whole app with Textual's Pilot, robustly under load.

Every wait is a loop on a condition with a deadline, never a fixed sleep: the AI plays in a
worker, and round notices pop up while it plays, so the tests wait for the screen they expect.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from game.paths import latest_autosave
from game.scenario import bundled
from game.ui.app import PeaceTalksApp, make_app
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.notices import HandOver, Notice
from game.ui.screens.table import TableScreen

DEADLINE = 60.0  # seconds: generous, so that a loaded machine is slow rather than red
ASTANA = bundled()["astana-8"]
SOCHI = bundled()["sochi-congress"]
GOV, OPP, RUSSIA, TURKEY = 0, 1, 2, 3  # astana-8's delegations, by index


def new_app(tmp: Path, humans: tuple[str, ...], seed: int = 1, scenario: Path = ASTANA, **kw: Any) -> PeaceTalksApp:
    return make_app(scenario=scenario, humans=humans, difficulty="normal", seed=seed, saves_dir=tmp, speed=0, **kw)


def autosave_file() -> Path:
    """The autosave written last in this test's user data folder (there must be one)."""
    found = latest_autosave()
    assert found is not None, "no autosave was written"
    return found


def ai_busy(app: App[Any]) -> bool:
    """The table's AI worker is still playing (or waiting on a notice it showed)."""
    return any(w.group == "ai" and not w.is_finished for w in app.workers)


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
    """Press keys one at a time, letting the app settle after each: Pilot.press waits until the
    app is idle after the key (twice) and the screen has handled what it queued; then the screen
    is painted. (`pilot.pause()` here would wait for idle a third time, 20 ms at least a key.)"""
    for key in keys:
        await pilot.press(key)
        await pilot.pause(0)


async def click(pilot: Pilot[Any], selector: str) -> None:
    """Click a widget of the current screen; fail if the click landed on something else
    (Pilot.click has already waited for the app to be idle after it)."""
    assert await pilot.click(selector), f"{selector} could not be clicked on {pilot.app.screen!r}"
    await pilot.pause(0)


async def screen_of(pilot: Pilot[Any], kind: type[Screen[Any]]) -> Any:
    """Wait for a screen of this kind to be the current one, and return it."""
    await until(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)
    return pilot.app.screen


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


def table_of(app: App[Any]) -> TableScreen:
    """The table screen, wherever it sits in the stack."""
    return next(s for s in app.screen_stack if isinstance(s, TableScreen))


async def settle(
    pilot: Pilot[Any], notices: list[str] | None = None, hand_over: bool = True
) -> TableScreen | DebriefScreen | HandOver:
    """Run the AI until a human may act on the table (or the debrief is up), closing every
    round notice met on the way (their titles go into `notices`). A hand-over screen is passed
    with Enter unless `hand_over` is False, when it is returned instead."""
    app = pilot.app
    deadline = time.monotonic() + DEADLINE
    while True:
        if time.monotonic() > deadline:
            raise AssertionError(f"the game did not come back to a human; the screen is {app.screen!r}")
        screen = app.screen
        if isinstance(screen, DebriefScreen):
            return screen
        if isinstance(screen, Notice):
            if notices is not None:
                notices.append(screen.title_text)
            await press(pilot, "enter")
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
