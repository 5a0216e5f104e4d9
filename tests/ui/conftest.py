"""Settings for the interface's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game.ui.app import interface_gc


@pytest.fixture(autouse=True)
def _interface_gc() -> Iterator[None]:
    """The app runs here with the collector tuned as `peacetalks` runs it (game.ui.app.run_app),
    not at Python's defaults, which collect over the whole heap every few frames: the tests then
    see the interface as a player does, and take about a fifth less time. Put back after each
    test, so that nothing else in the process runs with it."""
    with interface_gc():
        yield
