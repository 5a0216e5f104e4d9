"""Settings for the interface's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game.ui.app import interface_gc


@pytest.fixture(autouse=True)
def _no_hand_over_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests press Enter on a hand-over as soon as it names the player; the guard against a key
    pressed twice by reflex (HandOver.GUARD) has a test of its own, which sets it back."""
    from game.ui.screens.notices import HandOver
    from game.ui.screens.venue_end import VenueEndScreen

    monkeypatch.setattr(HandOver, "GUARD", 0.0)
    monkeypatch.setattr(VenueEndScreen, "GUARD", 0.0)  # (and the venue's end, the same way)


@pytest.fixture(autouse=True)
def _interface_gc() -> Iterator[None]:
    """The app runs here with the collector tuned as `peacetalks` runs it (game.ui.app.run_app),
    not at Python's defaults, which collect over the whole heap every few frames: the tests then
    see the interface as a player does, and take about a fifth less time. Put back after each
    test, so that nothing else in the process runs with it."""
    with interface_gc():
        yield
