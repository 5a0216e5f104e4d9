"""The screen between a campaign's venues takes no key for VenueEndScreen.GUARD seconds after it
opens: it comes up among the AI seats' moves, and an Enter meant for the screen before it (a
hot-seat cover, a round's notice) passed the campaign's turning point unread (a tester's)."""

from __future__ import annotations

import asyncio
import time

import pytest
from textual.app import App

from game.play.venue_end import venue_end
from game.ui.screens.venue_end import VenueEndScreen
from tests.results.test_venues import OPP, boycotting_sochi
from tests.ui.driving import driven, press, until


@pytest.mark.parametrize("key", ["enter", "escape", "space"])
def test_a_key_at_once_does_not_pass_the_venues_end_and_one_after_the_guard_does(
    key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(VenueEndScreen, "GUARD", 0.6)
    opening, _ = boycotting_sochi()
    screen = VenueEndScreen(venue_end(opening, 0, OPP))

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen)

    async def body() -> None:
        app = Host()
        async with driven(app, size=(100, 30)) as pilot:
            await until(pilot, lambda: app.screen is screen and screen.is_mounted, "the venue's end")
            await press(pilot, key)  # at once: meant for the screen before it
            await pilot.pause()
            assert app.screen is screen, "passed by a key pressed within the guard"
            time.sleep(max(0.0, VenueEndScreen.GUARD - (time.monotonic() - screen._opened_at)) + 0.05)
            await press(pilot, key)
            await until(pilot, lambda: app.screen is not screen, "the venue's end passed")

    asyncio.run(body())
