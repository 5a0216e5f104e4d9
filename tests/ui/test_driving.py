"""The interface tests' driver (tests/ui/driving.py) sends what Textual's Pilot sends, the same
keys (name and character) and the same click, and returns only once the app has handled them."""

from __future__ import annotations

import asyncio

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Button, Input

from tests.ui.driving import driven

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
