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


class Later(App[None]):
    """An app whose key asks, after the next repaint, for a change drawn and for a call after the
    repaint after that: the chain by which a footer shows the keys of a new focus (the screen
    publishes its bindings after a repaint, the footer builds its keys after the next)."""

    def __init__(self) -> None:
        super().__init__()
        self.after: list[str] = []

    def compose(self) -> ComposeResult:
        yield Button("ok", id="ok")

    def on_key(self, event: events.Key) -> None:
        self.call_after_refresh(self.later, event.key)

    def later(self, key: str) -> None:
        self.query_one(Button).label = key
        self.call_after_refresh(self.after.append, key)


def test_a_call_after_the_repaint_has_run_when_a_key_returns(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a handler asks to run after the next repaint (a footer built again for the focus, a
    log scrolled to its end) waits in the screen for its update timer. On a loaded machine that
    timer ran late, the driver looked until it gave up, and a test read the footer still empty
    (test_title_keys.py, 2 runs in 4 on a fresh machine). Here the timer never runs: the driver
    repaints as the timer would have, and the whole chain has run when the key returns."""

    async def body() -> None:
        app = Later()
        async with driven(app) as pilot:
            await pilot.pause()
            monkeypatch.setattr(app.screen._update_timer, "resume", lambda: None)
            await pilot.press("a")
            assert app.after == ["a"]
            await pilot.press("b")
            assert app.after == ["a", "b"]

    asyncio.run(body())
