"""The footer of the title screen, the saves and the record (game.ui.widgets.footer): built again
when the keys it shows change, and only then."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from game.ui.widgets.footer import ShownKeysFooter
from tests.ui.driving import driven, until


class Shouting(Button):
    """A button with a key of its own, shown in the footer while it has the focus."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("s", "shout", "Shout")]

    def action_shout(self) -> None:
        pass


class Counting(ShownKeysFooter):
    """The footer, counting how many times it is composed (built again)."""

    builds = 0

    def compose(self) -> ComposeResult:
        self.builds += 1
        yield from super().compose()


class Screenful(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "help_me", "Help"),
        Binding("x", "hidden", "Hidden", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield Button("two", id="two")
        yield Shouting("shout", id="shout")
        yield Counting()

    def action_help_me(self) -> None:
        pass


def labels(app: App[None]) -> list[str]:
    return [f"{key.key_display} {key.description}".strip() for key in app.screen.query(FooterKey)]


def test_the_footer_is_built_again_only_when_its_keys_change() -> None:
    async def body() -> None:
        app = Screenful()
        async with driven(app, size=(80, 10)) as pilot:
            footer = app.query_one(Counting)
            app.set_focus(app.query_one("#one"))
            # The footer is built when the screen's bindings are first published: wait for it
            # rather than for a fixed number of frames (a loaded machine takes longer).
            await until(pilot, lambda: labels(app)[:1] == ["h Help"], "the footer's keys")
            await settle(pilot)
            assert not any("Shout" in label for label in labels(app))
            keys, builds, shown = list(app.screen.query(FooterKey)), footer.builds, labels(app)
            # Another button with no key of its own: the same keys, the same widgets (not rebuilt).
            app.set_focus(app.query_one("#two"))
            await settle(pilot)
            assert list(app.screen.query(FooterKey)) == keys
            # A button with a key of its own: shown once it has the focus, by one build. The
            # bindings of #two's focus were published before these, so a build they had asked
            # for would have been made by now and counted.
            app.set_focus(app.query_one("#shout"))
            await until(pilot, lambda: "s Shout" in labels(app), "the focused button's key")
            assert footer.builds == builds + 1
            # ...and gone when it leaves it.
            app.set_focus(app.query_one("#one"))
            await until(pilot, lambda: labels(app) == shown, "the key to go")

    asyncio.run(body())


async def settle(pilot: Pilot[None]) -> None:
    """Let the app handle what it has queued, a few frames over."""
    for _ in range(5):
        await pilot.pause()
