"""A pane that fills the screen while the cursor is in it (the table's and the replay's
transcript, on `t`): at 80x24 the transcript shows four lines, and a turn's summary runs to
twenty (a newcomer's). The screen keeps what its ALLOW_IN_MAXIMIZED_VIEW names beside it."""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widget import Widget

from game.ui.widgets.wrapped import WrappedText


class Filling(Screen[None]):
    """A screen whose pane fills it while the cursor is in it, and goes back as the cursor
    leaves (a pane out of sight cannot hold the cursor)."""

    def fill_with(self, pane: Widget, back_to: Widget) -> None:
        """The cursor into `pane`, which then fills the screen; with the cursor already in it,
        back to its place and the cursor to `back_to`."""
        if pane.has_focus:
            self.minimize()
            back_to.focus()
        else:
            pane.focus()
            self.maximize(pane, container=False)
            if isinstance(pane, WrappedText):
                # in full where it writes a line shorter: the room is there now (a newcomer read
                # "Eastern Ghouta zo…: A recommitted truce with…" on the whole screen)
                pane.set_full(True)
        # the scroll's target as the new height allows it: kept past the end, the first ↑ after
        # the pane grew only brought the target back to the end, and moved nothing
        self.call_after_refresh(lambda: pane.scroll_to(y=pane.scroll_y, animate=False, immediate=True))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.maximized is not None and event.widget is not self.maximized:
            self.minimize()

    def minimize(self) -> None:
        """Back in place (t, Esc, the cursor leaving), and the table drawn again once the panes
        have their sizes: a resize while the pane filled the screen left the hidden agenda cut
        to the old width (a reviewer's)."""
        was = self.maximized
        super().minimize()
        if isinstance(was, WrappedText):
            was.set_full(False)
        if was is not None and self.is_mounted:
            self.call_after_refresh(self.refresh_table)

    def refresh_table(self) -> None:
        """Draw the table's panes again (the screens that fill override it)."""
