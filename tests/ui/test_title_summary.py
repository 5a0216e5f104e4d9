"""The chosen scenario's summary on the title screen can be read to its end at any size: capped
at six lines, astana-8's stopped mid-sentence ("The UN envoy arrives from meetings in") on every
screen, with no way to see the rest."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Static

from game.scenario import bundled, load_scenario
from game.ui.app import make_app
from game.ui.screens.title import TitleScreen
from tests.ui.driving import driven, press, screen_of

ENDING = " ".join(load_scenario(bundled()["astana-8"]).summary.split()[-8:])


@pytest.mark.parametrize(("size", "room"), [((80, 24), False), ((100, 30), False), ((120, 40), True)])
def test_the_summary_is_read_to_its_end(tmp_path: Path, size: tuple[int, int], room: bool) -> None:
    """Where the screen has the rows, the whole summary shows at once and its box is no stop for
    Tab; where it has not, the box comes after the scenario's list in the Tab order and the arrows
    scroll the end of the summary into view."""

    async def body() -> None:
        app = make_app(saves_dir=tmp_path, speed=0, seed=1)
        async with driven(app, size=size) as pilot:
            title = await screen_of(pilot, TitleScreen)
            await pilot.pause()
            box = title.query_one("#summary-box", VerticalScroll)
            # all of it in view, or the rest below, to be scrolled to
            assert (box.max_scroll_y == 0) == room
            if room:
                # its lines as drawn (the buttons beside it share the screen's rows), all in view
                summary = title.query_one("#summary", Static)
                drawn = [summary.render_line(y).text for y in range(summary.size.height)]
                assert ENDING in " ".join(" ".join(drawn).split())
                assert box.region.contains_region(summary.region)
            assert box.can_focus == (not room)
            title.query_one("#scenario").focus()  # the focus starts on the Start button
            await pilot.pause()
            await press(pilot, "tab")  # the next stop after the scenario's list
            if room:
                assert app.focused is not box
                return
            assert app.focused is box
            for _ in range(20):
                await pilot.press("down")
            await pilot.pause()
            assert box.scroll_offset.y == box.max_scroll_y > 0  # to the summary's last line
            assert app.screen is title and app.focused is box  # the arrows scrolled; nothing else happened

    asyncio.run(body())
