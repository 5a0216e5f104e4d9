"""An app that opens the debrief of a session over a stand-in title screen, as the game does at
the end of a game: for the debrief's tests."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from game.saves import Session
from game.ui.screens.debrief import DebriefScreen


class DebriefHost(App[None]):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static("title screen")

    def on_mount(self) -> None:
        self.push_screen(DebriefScreen(self.session))
