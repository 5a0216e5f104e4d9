"""A notice's Continue button stays in its box on the smallest screen the game supports: at 80x24
a round of several events (Astana's third) filled the body's 16 lines and pushed the button out of
the box, so nothing on screen said how to go on."""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App
from textual.widgets import Button

from game.ui.screens.notices import Notice
from tests.ui.driving import driven, screen_of

LONG = "\n\n".join(f"Event {k}. " + "Something happened at the talks and on the ground. " * 3 for k in range(6))


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (80, 40)])
def test_the_continue_button_is_inside_the_box_and_the_screen(size: tuple[int, int]) -> None:
    async def body() -> None:
        app: App[None] = App()
        async with driven(app, size=size) as pilot:
            app.push_screen(Notice("Round 3 of 6 begins.", LONG))
            notice = await screen_of(pilot, Notice)
            await pilot.pause()
            box = notice.query_one("#notice").region
            button = notice.query_one("#continue", Button).region
            assert button.height == 3
            assert box.contains_region(button), (box, button)
            assert button.bottom <= size[1]
            # the body still scrolls: what does not fit is not cut off for good
            scroll = notice.query_one("#notice-body").parent
            assert scroll is not None and scroll.max_scroll_y > 0  # type: ignore[attr-defined]

    asyncio.run(body())


def test_enter_pages_down_a_long_notice_before_it_closes_and_escape_closes_at_once() -> None:
    """At 80x24 a round's third event fell below the box, and Continue closed the notice unread:
    now the button says there is more, and Enter reads on a page at a time before it continues."""

    async def body() -> None:
        app: App[None] = App()
        async with driven(app, size=(80, 24)) as pilot:
            app.push_screen(Notice("Round 3 of 6 begins.", LONG))
            notice = await screen_of(pilot, Notice)
            await pilot.pause()
            button = notice.query_one("#continue", Button)
            scroll = notice.query_one("#notice-body").parent
            assert str(button.label) == "More below ▼"
            pages = 0
            while str(button.label) != "Continue":
                await pilot.press("enter")
                await pilot.pause()
                assert app.screen is notice, "Enter closed the notice with more below"
                pages += 1
                assert pages < 10, "Enter never reached the end of the body"
            assert scroll is not None and scroll.scroll_y == scroll.max_scroll_y > 0  # type: ignore[attr-defined]
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is not notice

            app.push_screen(Notice("Round 4 of 6 begins.", LONG))
            again = await screen_of(pilot, Notice)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is not again

            app.push_screen(Notice("Round 5 of 6 begins.", "One event."))
            short = await screen_of(pilot, Notice)
            await pilot.pause()
            assert str(short.query_one("#continue", Button).label) == "Continue"
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is not short

    asyncio.run(body())
