"""What is wrong with a watched scenario file, shown in place of a crash while its author fixes it.

`peacetalks play PATH --watch` keeps this screen up, listing every error by line and column,
until the file loads again; the game that was running (if any) waits underneath, untouched but
for a notice that was over it (a round's events), closed as Esc closes it (the app's
_close_notices).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from game.scenario.diagnostics import Diagnostic
from game.ui.screens.backdrop import BackdropScreen
from game.ui.shown import shown_path


def problems_text(diagnostics: Sequence[Diagnostic]) -> Text:
    """Errors first, then warnings, one per line, each with where it is."""
    text = Text()
    ordered = sorted(diagnostics, key=lambda d: (d.severity != "error", d.line, d.column))
    for k, d in enumerate(ordered):
        if k:
            text.append("\n")
        text.append(f"{d.severity}: ", style="bold red" if d.severity == "error" else "bold yellow")
        if d.line:
            text.append(f"line {d.line}, column {d.column}: ", style="bold")
        # else the message is of the whole file, and says so itself ("the file is larger than
        # 2 MiB"): prefixed "the file:", it read "the file: the file is ..."
        text.append(d.message)
    return text


class ScenarioProblems(BackdropScreen[None]):
    """The watched file's errors; `show()` updates them, and the app dismisses the screen when the
    file loads again. Escape leaves the running game on screen (the errors come back on the next
    change that does not load)."""

    CSS_PATH = "notices.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "hide", "Back to the game")]

    def __init__(self, path: str, diagnostics: Sequence[Diagnostic], game_running: bool) -> None:
        super().__init__()
        self.path = path
        self.diagnostics = tuple(diagnostics)
        self.game_running = game_running

    def compose(self) -> ComposeResult:
        with Vertical(id="notice"):
            # the title is there from the first frame, not filled in a frame later on mount
            yield Static(self._title_text(), id="notice-title")
            with VerticalScroll():
                yield Static(problems_text(self.diagnostics), id="notice-body")
            yield Static(self._footer(), id="problems-hint")

    def _title_text(self) -> Text:
        errors = sum(1 for d in self.diagnostics if d.severity == "error")
        # a path is data: brackets in it are shown, never read as markup
        return Text(f"{shown_path(self.path)} does not load: {errors} error{'s' if errors != 1 else ''}")

    def _title(self) -> None:
        self.query_one("#notice-title", Static).update(self._title_text())

    def _footer(self) -> str:
        if self.game_running:
            return "Fix it and save: the game restarts with it. Esc goes back to the game as it was."
        return "Fix it and save: the game starts as soon as the file loads. Ctrl+Q quits."

    def show(self, diagnostics: Sequence[Diagnostic]) -> None:
        """The errors of the latest version of the file."""
        self.diagnostics = tuple(diagnostics)
        self.query_one("#notice-body", Static).update(problems_text(self.diagnostics))
        self._title()

    def action_hide(self) -> None:
        if self.game_running:
            self.dismiss(None)
