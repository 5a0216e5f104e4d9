"""Small screens around the table: round summaries and events, the hot-seat hand-over, help."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Static

from game.ui.keys import help_text

HELP = """\
[b]Peace Talks: the keys[/b]

{keys}

Each delegation knows only its own priorities. Read the others from what they propose,
accept and refuse; a meeting tells you how much one of their issues really matters to them.
Every concession costs support at home: a side whose support falls to the collapse level
is pulled out by its hardliners, and a signatory's exit ends the talks.
""".replace("{keys}", help_text())  # the table's keys, from game/ui/keys.py


class Notice(ModalScreen[None]):
    """A message to read before play goes on: events of a new round, what a meeting revealed."""

    CSS_PATH = "notices.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,space", "close", "Continue")]

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="notice"):
            yield Static(self.title_text, id="notice-title", markup=False)
            with VerticalScroll():
                yield Static(self.body, id="notice-body", markup=False)
            yield Button("Continue", variant="primary", id="continue")

    @on(Button.Pressed, "#continue")
    def action_close(self) -> None:
        self.dismiss(None)


class HandOver(Screen[None]):
    """Hot-seat: the screen goes blank between two human delegations, so neither sees the
    other's private view (its priorities, its values, what it learnt)."""

    CSS_PATH = "notices.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "ready", "I am ready")]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.player = name

    def compose(self) -> ComposeResult:
        with Vertical(id="handover"):
            # the delegation's name comes from the file: text, never markup
            yield Static(Text.assemble("Pass the keyboard to\n\n", (self.player, "bold")), id="handover-name")
            yield Static("The other players should look away. Press Enter when ready.")
            yield Button("I am ready", variant="primary", id="ready")
        yield Footer()

    @on(Button.Pressed, "#ready")
    def action_ready(self) -> None:
        self.dismiss(None)


class Help(ModalScreen[None]):
    CSS_PATH = "notices.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,f1,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(HELP)
            yield Button("Close", id="close")

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
