"""The interface tests' driver (tests/ui/driving.py) sends what Textual's Pilot sends, the same
keys (name and character) and the same click, and returns only once the app has handled them."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.widgets import Button, Input

from tests.ui.driving import DEADLINE, driven

# Letters, a shifted one, punctuation, named keys, a chord, a digit and a letter outside ASCII.
KEYS = ("a", "A", "?", "enter", "escape", "ctrl+s", "space", "down", "tab", "1", "é")


class Recorder(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str | None]] = []

    def compose(self) -> ComposeResult:
        yield Input(id="text")
        yield Button("ok", id="ok")

    def on_key(self, event: events.Key) -> None:
        self.seen.append((event.key, event.character))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.seen.append(("pressed", event.button.id))


async def played(drive: bool) -> tuple[list[tuple[str, str | None]], str, list[tuple[str, str | None]]]:
    app = Recorder()
    async with driven(app) if drive else app.run_test() as pilot:
        await pilot.press(*KEYS)
        typed = app.query_one(Input).value  # read at once: the key handlers have run
        keys = list(app.seen)
        assert await pilot.click("#ok")
        clicked = app.seen[len(keys) :]
    return keys, typed, clicked


def test_the_driver_sends_the_keys_and_clicks_pilot_sends() -> None:
    driver, pilot = asyncio.run(played(True)), asyncio.run(played(False))
    assert driver == pilot
    keys, typed, clicked = driver
    # the Input took the printable keys and the space; the rest reached the app, focus moved on
    # from the Input with tab, and the click pressed the button
    assert typed == "aA? "
    assert keys == [
        ("enter", None),
        ("escape", "\x1b"),
        ("ctrl+s", None),
        ("down", None),
        ("tab", "\t"),
        ("1", "1"),
        ("é", "é"),
    ]
    assert clicked == [("pressed", "ok")]


def test_a_resize_reaches_the_screen_when_textuals_timer_drops_its_tick(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app passes a resize on from a one-shot timer of 1/120 s, which Textual drops when its
    task is preempted for longer than that between two readings of the clock (a loaded machine:
    test_resize.py then hung for half an hour). Here every reading of the clock is 20 ms after
    the one before; the driver still gets the size to the screen, or fails at its deadline."""
    from textual import _time

    real = _time.get_time
    readings = itertools.count()

    async def body() -> None:
        app = Recorder()
        async with driven(app, size=(80, 24)) as pilot:
            monkeypatch.setattr(_time, "get_time", lambda: real() + 0.02 * next(readings))
            await asyncio.wait_for(pilot.resize_terminal(100, 30), timeout=DEADLINE)
            monkeypatch.setattr(_time, "get_time", real)
            assert app.screen.size == Size(100, 30)

    asyncio.run(body())
