"""The footer of the title screen, the saves and the record (game.ui.widgets.footer): built again
when the keys it shows change, and only then."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from game.ui.widgets.footer import ShownKeysFooter
from tests.ui.driving import driven


class Shouting(Button):
    """A button with a key of its own, shown in the footer while it has the focus."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("s", "shout", "Shout")]

    def action_shout(self) -> None:
        pass


class Screenful(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "help_me", "Help"),
        Binding("x", "hidden", "Hidden", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield Button("two", id="two")
        yield Shouting("shout", id="shout")
        yield ShownKeysFooter()

    def action_help_me(self) -> None:
        pass


def labels(app: App[None]) -> list[str]:
    return [f"{key.key_display} {key.description}".strip() for key in app.screen.query(FooterKey)]


def test_the_footer_is_built_again_only_when_its_keys_change() -> None:
    async def body() -> None:
        app = Screenful()
        async with driven(app, size=(80, 10)) as pilot:
            app.set_focus(app.query_one("#one"))
            await pilot.pause()
            assert labels(app)[:1] == ["h Help"] and not any("Shout" in label for label in labels(app))
            keys = list(app.screen.query(FooterKey))
            # Another button with no key of its own: the same keys, the same widgets (not rebuilt).
            app.set_focus(app.query_one("#two"))
            await pilot.pause()
            assert list(app.screen.query(FooterKey)) == keys
            # A button with a key of its own: shown as soon as it has the focus...
            app.set_focus(app.query_one("#shout"))
            await pilot.pause()
            assert "s Shout" in labels(app)
            # ...and gone when it leaves it.
            app.set_focus(app.query_one("#one"))
            await pilot.pause()
            assert not any("Shout" in label for label in labels(app)) and labels(app)[:1] == ["h Help"]

    asyncio.run(body())
