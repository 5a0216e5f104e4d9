"""Textual's Footer, built again only when the keys it shows change.

Textual's Footer builds a widget per key and, whenever the screen's bindings are said to have
changed (each focus change, each time a widget is mounted or a screen resumes), removes them all
and builds them again, each styled afresh: on the title screen, where the focus moves between a
dozen fields and buttons that bind no shown key, that was most of what a focus change cost. This
one compares what the footer would show (each shown key, its label, its state and its tooltip,
and the palette's key) with what it last built, and builds again only when they differ, so the
row drawn is the same either way.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class ShownKeysFooter(Footer):
    """A Footer that is composed again only when the keys it would show have changed."""

    _composed: Hashable = None  # what the last composition showed

    def _shown(self, screen: Screen[object]) -> Hashable:
        """Everything of the screen's bindings that Footer.compose reads."""
        app = screen.app
        shown = tuple(
            (
                binding.key,
                binding.action,
                binding.description,
                binding.group,
                app.get_key_display(binding),
                enabled,
                tooltip,
            )
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )
        palette = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
        if palette is not None:
            _, binding, enabled, _ = palette
            palette_shown = (binding.key, app.get_key_display(binding), binding.description, enabled, binding.tooltip)
        else:
            palette_shown = None
        return shown, palette_shown, self.show_command_palette

    def compose(self) -> ComposeResult:
        self._composed = self._shown(self.screen) if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if (
            self._bindings_ready
            and self.is_attached
            and screen is self.screen
            and self._shown(screen) == self._composed
        ):
            return  # the same keys as shown: building them again would draw the same row
        super().bindings_changed(screen)
