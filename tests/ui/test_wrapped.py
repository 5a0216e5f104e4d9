"""The transcript widget (WrappedText) as a log: lines appended past its height scroll into view,
and the scroll bar's thumb tracks the whole length, also when the screen is not laid out again."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import App, ComposeResult

from game.ui.widgets.wrapped import WrappedText
from tests.ui.driving import driven, until


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield WrappedText(id="log")


def test_appended_lines_follow_at_the_end_and_the_bar_knows_the_length() -> None:
    async def body() -> None:
        app = Host()
        async with driven(app, size=(40, 10)) as pilot:
            log = app.query_one(WrappedText)
            log.show([Text(f"line {k}") for k in range(5)], end=True)
            await pilot.pause()
            assert not log.show_vertical_scrollbar  # 5 lines fit in 10
            for batch in range(3):  # past the height (the bar appears), then with the bar shown
                log.append([Text(f"more {batch}.{k}") for k in range(8)])
                # scrolled to the end after the next repaint: waited for, not a number of frames
                await until(pilot, lambda: log.scroll_offset.y == log.max_scroll_y > 0, "the newest line in view")
                lines = log.plain.splitlines()
                assert len(lines) == 5 + 8 * (batch + 1)
                assert log.show_vertical_scrollbar
                assert log.virtual_size.height == log.vertical_scrollbar.window_virtual_size == len(lines)
                assert log.scroll_offset.y == log.max_scroll_y > 0  # the newest line in view
                assert f"more {batch}.7" in log.plain.splitlines()[-1]

    asyncio.run(body())
