"""The screen beneath a dialog, dimmed: drawn again only when what it shows has changed.

A modal screen's translucent background is the screen beneath it, every cell tinted. Textual
draws it afresh, as a Rich renderable, each time the modal screen is repainted as a whole: twice
when a dialog opens (once laid out, once refreshed), again on a resize or a toast, about 13 ms
each time at 100x32, and more than the dialog itself costs. Here the tinted lines are kept with
the lines of the screen beneath they were made from, and given again as long as those are the
same (a change beneath, an AI move under a notice say, draws them afresh, as Textual does).
The tinting itself is Textual's own, so the picture is the same to the cell.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, TypeVar

from textual.app import RenderResult
from textual.css.styles import RulesMap
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen
from textual.strip import Strip, StripRenderable
from textual.style import Style
from textual.visual import RenderOptions, RichVisual, Visual

ResultT = TypeVar("ResultT")


class _Kept:
    """What was drawn last: its key, the lines beneath it was made from, and the result."""

    __slots__ = ("beneath", "key", "strips")

    def __init__(self, key: tuple[object, ...], beneath: list[Strip], strips: list[Strip]) -> None:
        self.key = key
        self.beneath = beneath
        self.strips = strips


class _Backdrop(Visual):
    """Textual's BackgroundScreen as a Visual that reuses the lines it made last time."""

    def __init__(self, owner: BackdropScreen[Any], background: BackgroundScreen) -> None:
        self._owner = owner
        self._background = background

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        beneath = self._background.screen._compositor.render_strips()
        key = (id(self._background.screen), width, height, style, self._background.color)
        kept = self._owner._backdrop_kept
        if kept is not None and kept.key == key and kept.beneath == beneath:
            return kept.strips
        # Textual's own drawing (tint, the screen's style, cropping), fed the lines just made
        # rather than drawing the screen beneath a second time.
        tinted = BackgroundScreen(SimpleNamespace(_compositor=StripRenderable(beneath)), self._background.color)  # type: ignore[arg-type]
        strips = RichVisual(self._owner, tinted).render_strips(width, height, style, options)
        self._owner._backdrop_kept = _Kept(key, beneath, strips)
        return strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return RichVisual(self._owner, self._background).get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return RichVisual(self._owner, self._background).get_height(rules, width)


class BackdropScreen(ModalScreen[ResultT]):
    """A modal screen whose dimmed backdrop is drawn once for as long as it does not change."""

    _backdrop_kept: _Kept | None = None

    # A Visual is what widgets may return; Screen.render's annotation names Rich renderables only.
    def render(self) -> RenderResult:  # type: ignore[override]
        drawn = super().render()
        if isinstance(drawn, BackgroundScreen):
            return _Backdrop(self, drawn)
        return drawn
