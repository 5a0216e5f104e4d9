"""The transcript widget (WrappedText) as a log: lines appended past its height scroll into view,
and the scroll bar's thumb tracks the whole length, also when the screen is not laid out again."""

from __future__ import annotations

import asyncio
from itertools import pairwise

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


class Marked(App[None]):
    def compose(self) -> ComposeResult:
        yield WrappedText(id="log", more_marker=True)  # as the table's transcript is


def _seen(log: WrappedText) -> list[str]:
    """The lines a reader sees, the "more below" marker's row left out."""
    rows = [log.render_line(y).text.strip() for y in range(log.scrollable_content_region.height)]
    return [row for row in rows if row and "more below" not in row]


def test_paging_under_the_more_below_marker_shows_every_line() -> None:
    """The marker covers the view's last row, so PgDn by a full height stepped over the line under
    it (a newcomer paging a turn's summary at 80x24 never saw one line of it); PgUp likewise."""

    async def body() -> None:
        app = Marked()
        async with driven(app, size=(40, 6)) as pilot:
            log = app.query_one(WrappedText)
            total = 23  # not a multiple of any page, so the last page is clamped to the end
            log.show([Text(f"line {k}") for k in range(total)])
            log.focus()
            await pilot.pause()
            assert log.scroll_y == 0 < log.max_scroll_y

            async def page(key: str) -> list[str]:
                before = log.scroll_y
                await pilot.press(key)
                await until(
                    pilot,
                    lambda: log.scroll_y != before and not app.animator.is_being_animated(log, "scroll_y"),
                    f"the view moved by {key}",
                )
                return _seen(log)

            views = [_seen(log)]
            while log.scroll_y < log.max_scroll_y:
                views.append(await page("pagedown"))
            down = [line for view in views for line in view]
            assert set(down) == {f"line {k}" for k in range(total)}
            # each page starts where the one before left off, or overlaps it: nothing jumped
            for before, after in pairwise(views):
                last = int(before[-1].split()[1])
                assert int(after[0].split()[1]) <= last + 1, (before, after)

            views = [_seen(log)]
            while log.scroll_y > 0:
                views.append(await page("pageup"))
            for below, above in pairwise(views):
                first = int(below[0].split()[1])
                assert int(above[-1].split()[1]) >= first - 1, (below, above)

    asyncio.run(body())


def test_longer_forms_show_while_full_keep_the_readers_line_and_go_with_a_revision() -> None:
    """set_full shows each paragraph's longer form (the table's transcript filling the screen)
    and back its short one, the reader scrolled up kept on their paragraph; a revision brings
    its own longer forms, none kept from the text it replaces by their places (a reviewer's)."""

    async def body() -> None:
        app = Host()
        async with driven(app, size=(40, 10)) as pilot:
            log = app.query_one(WrappedText)
            short = [Text(f"para {k}") for k in range(30)]
            whole = [Text(f"para {k} " + "in full " * 8) if k % 3 == 0 else None for k in range(30)]
            log.show(short, end=True, whole=whole)
            await pilot.pause()
            log.scroll_to(y=12, animate=False, immediate=True)  # "para 12" at the top
            await pilot.pause()
            assert not log.following and log.plain.splitlines()[12] == "para 12"
            log.set_full(True)
            await pilot.pause()
            assert "in full" in log.plain and log.render_line(0).text.startswith("para 12 in full")
            log.set_full(False)
            await pilot.pause()
            assert "in full" not in log.plain and log.render_line(0).text.strip() == "para 12"
            log.set_full(True)
            log.revise([Text(f"revised {k}") for k in range(31)])
            await pilot.pause()
            assert "in full" not in log.plain, "a longer form of the text replaced was kept by its place"

    asyncio.run(body())
