"""A scrolling text of many paragraphs, wrapped to its width once per width and drawn line by line.

A Static holding the whole history re-wrapped it several times on every opening (to measure its
height, then to draw it), which took most of a second on a long game. This wraps each paragraph
once when the text or the width changes, keeps the lines, and draws only those in view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from game.ui.widgets.hanging import hanging_lines

# Paragraphs wrapped before, by text, styles and width: a history opened again (or after a few
# more moves) wraps only what is new. Strips are immutable, so sharing them is safe.
_WRAPPED: dict[tuple[object, ...], list[Strip]] = {}
_WRAPPED_MAX = 20_000
_PLAIN = Style()
# The last line of a view with more text below it, where the widget is asked to say so
MORE_BELOW = " ▼ more below: t, then ↓ or PgDn (or scroll here with the mouse) "
# ...and where the reader is in it already ("t, then" told a newcomer in it to press t, which
# takes them out)
MORE_BELOW_HERE = " ▼ more below: ↓ or PgDn (t goes back to the agenda) "
_MORE = Style(bold=True, reverse=True)


class WrappedText(ScrollView, can_focus=True):
    """Paragraphs of rich Text (never markup), wrapped to the width, scrolled with the keys."""

    DEFAULT_CSS = """
    WrappedText {
        height: 1fr;
        scrollbar-gutter: stable;  /* the bar coming or going would change the width: wrap again */
    }
    """

    def __init__(self, *, id: str | None = None, more_marker: bool = False) -> None:
        super().__init__(id=id)
        # whether the last line in view says there is more below (the table's transcript)
        self.more_marker = more_marker
        self._paragraphs: list[Text] = []
        # a paragraph's longer form, by its place (a proposal's package with every name and label
        # whole), shown instead while the text fills the screen (`full`)
        self._whole: dict[int, Text] = {}
        self.full = False
        self._lines: list[Strip] = []
        self._width = 0
        self._at_end = False
        self._follow = True  # the reader is at the end (see watch_scroll_y)

    def show(self, paragraphs: Sequence[Text], end: bool = False, whole: Sequence[Text | None] = ()) -> None:
        """Replace the text; `end` scrolls to its last line. `whole`: each paragraph's longer form
        (None: it has none), shown while the text fills the screen (set_full)."""
        self._paragraphs = list(paragraphs)
        self._whole = {k: text for k, text in enumerate(whole) if text is not None}
        self._width = 0
        self._at_end = end  # kept until the text is wrapped: before layout there is no width yet
        self._wrap()

    @property
    def plain(self) -> str:
        """The text as a reader sees it, one wrapped line a line."""
        return "\n".join(strip.text.rstrip() for strip in self._lines)

    def append(
        self, paragraphs: Sequence[Text], end: bool = False, top: bool = False, whole: Sequence[Text | None] = ()
    ) -> None:
        """Add paragraphs at the end, as a log does: only they are wrapped, and a reader who was at
        the end (or had nothing yet) follows them; `end` takes any reader there (what they must
        read now); `top`, to their first line where they are taller than the view (what they
        must read from its start: at 80x24 the five-line transcript showed a summary of the
        round from its middle, "(its #7 was worth 0.81), and 1 more."); `whole` as `show` has it."""
        follow = end or top or not self._lines or self._follow
        first = len(self._lines)
        start = len(self._paragraphs)
        self._paragraphs.extend(paragraphs)
        self._whole.update({start + k: text for k, text in enumerate(whole) if text is not None})
        if self._width <= 0:  # not laid out yet: the first wrap takes everything
            self._at_end = self._at_end or follow
            self._wrap()
            return
        for k in range(start, len(self._paragraphs)):
            self._lines.extend(self._wrapped(self._shown(k), self._width))
        size = Size(self._width, len(self._lines))
        if self.show_vertical_scrollbar:
            # The text only grows, so a bar already shown stays and only its thumb changes: the
            # bar is told the new length, and the screen is not laid out again (as a new virtual
            # size would have it) after every move the table appends.
            self.set_reactive(WrappedText.virtual_size, size)
            self.vertical_scrollbar.window_virtual_size = size.height
        else:
            self.virtual_size = size
        if top:
            self.call_after_refresh(self._to_start_of, first)
        elif follow:
            self.call_after_refresh(self._to_end)
        self.refresh()

    def revise(self, paragraphs: Sequence[Text], whole: Sequence[Text | None] = ()) -> None:
        """Replace the text with a revision of it, the same paragraphs in the same places with
        some rewritten and more at the end: a reader at the end follows it, anyone else keeps the
        line they read at the top (a round's header growing a line moved every line under it
        down under a reader scrolled up in the history: a review's). `whole` as `show` has it."""
        if self._follow or self._width <= 0:
            self.show(paragraphs, end=True, whole=whole)
            return
        width = self._width
        top = round(self.scroll_y)
        at, seen = len(self._paragraphs), 0  # the paragraph at the top, and the lines above it
        for k in range(len(self._paragraphs)):
            lines = len(self._wrapped(self._shown(k), width))
            if seen + lines > top:
                at = k
                break
            seen += lines
        into = top - seen
        self._paragraphs = list(paragraphs)
        self._whole = {k: text for k, text in enumerate(whole) if text is not None}  # (by place: the revision's)
        self._lines = [line for k in range(len(self._paragraphs)) for line in self._wrapped(self._shown(k), width)]
        self.virtual_size = Size(width, len(self._lines))
        before = sum(len(self._wrapped(self._shown(k), width)) for k in range(at))
        self.scroll_to(y=before + into, animate=False, immediate=True, force=True)
        self.refresh()

    def _shown(self, k: int) -> Text:
        """Paragraph `k` as it is shown now: its longer form while the text fills the screen."""
        return self._whole.get(k, self._paragraphs[k]) if self.full else self._paragraphs[k]

    def set_full(self, full: bool) -> None:
        """Show the paragraphs' longer forms (`full`: the text fills the screen, a newcomer read
        "Eastern Ghouta zo…: A recommitted truce with…" there) or their short ones, keeping the
        reader's place: at the end, or on the paragraph at the top of the view."""
        if full == self.full:
            return
        if not self._whole or self._width <= 0:
            self.full = full  # (nothing to rewrite, or the first wrap is still to come)
            return
        width = self._width
        at, into = len(self._paragraphs), 0
        if not self._follow:
            top, seen = round(self.scroll_y), 0
            for k in range(len(self._paragraphs)):
                lines = len(self._wrapped(self._shown(k), width))
                if seen + lines > top:
                    at, into = k, top - seen
                    break
                seen += lines
        self.full = full
        self._lines = [line for k in range(len(self._paragraphs)) for line in self._wrapped(self._shown(k), width)]
        self.virtual_size = Size(width, len(self._lines))
        if self._follow:
            self.call_after_refresh(self._to_end)
        else:
            before = sum(len(self._wrapped(self._shown(k), width)) for k in range(at))
            if at < len(self._paragraphs):
                into = min(into, len(self._wrapped(self._shown(at), width)) - 1)
            self.scroll_to(y=before + into, animate=False, immediate=True, force=True)
        self.refresh()

    @property
    def following(self) -> bool:
        """Whether the reader is at the end, as of their last scroll."""
        return self._follow

    def _to_start_of(self, first: int) -> None:
        """The lines from `first` on into view: from their start where they are taller than the
        view, else to the end. The reader then follows the text again: the next line appended
        (their own move) is brought into view, as at the end."""
        if len(self._lines) - first > self.scrollable_content_region.height:
            self.scroll_to(y=first, animate=False, immediate=True, force=True)
            self._follow = True
        else:
            self._to_end()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        # Whether the reader is at the end, as of their last scroll: a resize changes the height
        # before this widget can look, so it cannot be worked out afterwards.
        self._follow = new_value >= self.max_scroll_y

    def _wrapped(self, paragraph: Text, width: int) -> list[Strip]:
        key = (paragraph.plain, str(paragraph.style), tuple(paragraph.spans), width)
        wrapped = _WRAPPED.get(key)
        if wrapped is None:
            console = self.app.console
            wrapped = []
            # each line of it wrapped as game.ui.widgets.hanging does: an indented line of the
            # turn's summary goes on under its own first word, not at the left edge
            for line in hanging_lines(paragraph, console, width):
                line.rstrip()
                # every segment styled (a null style at least): NO_COLOR's filter reads each one's colour
                segments = [Segment(text, style or _PLAIN) for text, style, _ in line.render(console)]
                wrapped.append(Strip([*segments, Segment("", _PLAIN)], line.cell_len))
            if len(_WRAPPED) >= _WRAPPED_MAX:
                _WRAPPED.clear()  # a long game at many widths: start again rather than grow
            _WRAPPED[key] = wrapped
        return wrapped

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        # a reader at the end stays there when the width changes (a log keeps showing its newest
        # lines); anywhere else keeps its offset
        follow = self._at_end or (self._width > 0 and self._follow)
        self._at_end = False
        self._width = width
        lines: list[Strip] = []
        for k in range(len(self._paragraphs)):
            lines.extend(self._wrapped(self._shown(k), width))
        self._lines = lines
        self.virtual_size = Size(width, len(lines))
        if follow:
            # once the new height is laid out: before that there is nowhere further to scroll
            self.call_after_refresh(self._to_end)
        self.refresh()

    def _page(self) -> int:
        """How far a page moves: the height less the row the "more below" marker covers. Its row
        hides the line under it, so a full page stepped over that line, which only ↓ showed (a
        newcomer at 80x24 paged past a whole line of a proposal's answers)."""
        height = self.scrollable_content_region.height
        return height - 1 if self.more_marker and height >= 2 else height

    def scroll_page_down(self, *, animate: bool = True, **options: Any) -> None:
        self.scroll_to(y=self.scroll_y + self._page(), animate=animate, **options)

    def scroll_page_up(self, *, animate: bool = True, **options: Any) -> None:
        # up as well: the line just above the top would go under the marker at the bottom
        self.scroll_to(y=self.scroll_y - self._page(), animate=animate, **options)

    def _to_end(self) -> None:
        # forced: until its scrollbars are first laid out a ScrollView allows no scrolling, and a
        # game loaded with a long transcript stayed at its top (an outside tester's report)
        self.scroll_end(animate=False, immediate=True, force=True)

    def on_resize(self) -> None:
        self._wrap()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        height = self.scrollable_content_region.height
        if self.more_marker and height >= 2 and y == height - 1 and scroll_y < self.max_scroll_y:
            # the text goes on below: at 80x24 the transcript shows five lines, and newcomers read
            # a summary to its fifth line without seeing the rest (or the scrollbar's thumb)
            said = MORE_BELOW_HERE if self.has_focus else MORE_BELOW
            return Strip([Segment(said, _MORE)]).crop_extend(0, width, self.rich_style)
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        return self._lines[index].crop_extend(scroll_x, scroll_x + width, self.rich_style)
