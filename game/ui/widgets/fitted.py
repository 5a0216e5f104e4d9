"""A note of a fixed height that says as much as fits: given its wordings from the fullest to the
shortest, it shows the first one whose wrapped lines fit its box at its width.

The proposal builder's note on an option names every delegation whose red line or stated position
it is; with the Syrian table's full names that ran past its three lines and was cut mid-name.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.content import Content
from textual.widgets import Static


def fits(text: str, width: int, height: int) -> bool:
    """Whether the text, wrapped as Textual wraps it at this width, takes at most `height` lines."""
    return len(Content(text).wrap(width)) <= height


class FittedNote(Static):
    """Plain text (never markup) in the first of its wordings that fits; the last one shown if none."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self._wordings: tuple[str, ...] = ("",)

    def say(self, wordings: Sequence[str]) -> None:
        self._wordings = tuple(wordings) or ("",)
        self._fit()

    def on_resize(self, _: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        width, height = self.content_size.width, self.content_size.height
        if width <= 0 or height <= 0:  # not laid out yet: the fullest, fitted again on the first resize
            self.update(self._wordings[0])
            return
        chosen = next((w for w in self._wordings if fits(w, width, height)), self._wordings[-1])
        self.update(chosen)
