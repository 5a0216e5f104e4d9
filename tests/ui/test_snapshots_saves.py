"""Screenshots of the save browser and the save dialog, compared with the accepted SVGs in
__snapshots__. The saves are made in the test and dated by hand (in UTC), so every run draws
the same screen. After a deliberate change of layout, regenerate with
`pytest tests/ui/test_snapshots_saves.py --snapshot-update` and read the new SVGs first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from game.ui.app import make_app
from game.ui.screens.saving import SaveDialog
from game.ui.screens.title import TitleScreen
from tests.ui.driving import footer_shows_keys, press, screen_of, until
from tests.ui.test_save_browser import browser_of, folder  # noqa: F401 (the fixture)

Compare = Callable[..., bool]


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
def test_save_browser(
    snap_compare: Compare,
    folder: Path,  # noqa: F811
    size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def ready(pilot: Pilot[Any]) -> None:
        await browser_of(pilot)

    monkeypatch.chdir(folder.parent)  # the screen shows the folder's path: the same on every run
    app = make_app(saves_dir=Path(folder.name), seed=1, speed=0)
    assert snap_compare(app, terminal_size=size, run_before=ready)


def test_save_dialog(snap_compare: Compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The dialog on its own: over a live table, the transcript behind it finished scrolling at a
    # moment that depended on the machine's speed, and the picture with it.
    from textual.app import App

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(SaveDialog(Path("saves"), "astana-8-government"))

    async def steady(pilot: Pilot[Any]) -> None:
        # The name field's cursor blinks (shown, then hidden every 0.5 s): on a loaded machine the
        # picture was taken half a second or more after the field took the focus, and the cursor
        # was missing from it. Kept drawn, it no longer depends on when the picture is taken.
        dialog = await screen_of(pilot, SaveDialog)
        field = dialog.query_one("#save-name", Input)
        await until(pilot, lambda: field.has_focus, "the focus on the name")
        field.cursor_blink = False
        await pilot.pause()

    monkeypatch.chdir(tmp_path)  # the dialog names the saves folder: the same on every run
    assert snap_compare(Host(), terminal_size=(80, 24), run_before=steady)


def test_venue_end_screen(snap_compare: Compare) -> None:
    from textual.app import App

    from game.play.venue_end import venue_end
    from game.ui.screens.venue_end import VenueEndScreen
    from tests.results.test_venues import OPP, boycotting_sochi

    opening, _ = boycotting_sochi()

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(VenueEndScreen(venue_end(opening, 0, OPP)))

    assert snap_compare(Host(), terminal_size=(100, 30))


def test_record_screen(snap_compare: Compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from game.paths import DATA_DIR_ENV
    from game.results import Result, add_results
    from game.ui.screens.record import RecordScreen

    # the screen names the record's file and dates each game: the same path and zone every run
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(DATA_DIR_ENV, "data")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()

    add_results(
        Result(
            "astana-8",
            "Astana 8",
            "government",
            "Government",
            "normal",
            s,
            "partial",
            u,
            0.6,
            0.7,
            1_796_000_000 + s,
            f"g{s}",
        )
        for s, u in ((1, 0.72), (2, 0.55), (3, 0.66))
    )

    async def ready(pilot: Pilot[Any]) -> None:
        await screen_of(pilot, TitleScreen)
        await press(pilot, "ctrl+r")
        record = await screen_of(pilot, RecordScreen)
        await until(pilot, lambda: footer_shows_keys(record), "the footer's keys")

    app = make_app(saves_dir=Path("saves"), seed=1, speed=0)
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
