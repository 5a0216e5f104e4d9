"""The row of keys under the table: one widget drawing the screen's shown bindings, clickable.

Textual's Footer builds a widget per key and rebuilds them all whenever the focus or the screen
changes, which at the table (a dozen keys) cost more than a dialog's whole budget for opening.
This draws the same row as one line of text and maps a click back to its binding.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget


def _key_label(key: str) -> str:
    """The first of a binding's keys, as a player would type it."""
    first = key.split(",")[0]
    names = {"question_mark": "?", "plus": "+", "minus": "-", "equals_sign": "=", "escape": "esc", "space": "␣"}
    if first.startswith("ctrl+"):
        return "^" + first.removeprefix("ctrl+")
    return names.get(first, first)


class KeyBar(Widget):
    """The screen's shown bindings, `key description` apart, and the palette at the right end."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def __init__(self, bindings: list[Binding], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bindings = [b for b in bindings if b.show]
        self._spans: list[tuple[int, int, str]] = []  # (start, end, action) on the line
        # action -> why the rules refuse it now: drawn struck through (visible without colour too)
        self.refused: dict[str, str] = {}

    def render(self) -> Content:
        width = self.size.width
        palette = Content.assemble(("^p", "bold $footer-key-foreground"), " palette ")
        if not width:
            return self._line(gap=2)
        # Every key first, the palette's hint if there is room: tighter gaps rather than a key cut.
        for gap in (2, 1):
            line = self._line(gap)
            if line.cell_length + 1 + palette.cell_length <= width:
                return Content.assemble(line, " " * (width - line.cell_length - palette.cell_length), palette)
        for gap in (2, 1):
            line = self._line(gap)
            if line.cell_length <= width:
                return line
        return line.truncate(width)

    def _line(self, gap: int) -> Content:
        """The keys with `gap` spaces between them; records where each lies, for clicks."""
        parts: list[Content | str] = []
        self._spans = []
        x = 1
        parts.append(" ")
        for binding in self.bindings:
            key = binding.key_display or _key_label(binding.key)
            if binding.action in self.refused:
                piece = Content.styled(f"{key} {binding.description}", "dim strike")
            else:
                piece = Content.assemble((key, "bold $footer-key-foreground"), " ", binding.description)
            self._spans.append((x, x + piece.cell_length, binding.action))
            parts += [piece, " " * gap]
            x += piece.cell_length + gap
        return Content.assemble(*parts[:-1])  # without the gap after the last key

    async def on_click(self, event: events.Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x < end:
                await self.screen.run_action(action)
                return
        if self.size.width - 11 <= event.x:
            self.app.action_command_palette()
