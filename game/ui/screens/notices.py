"""Small screens around the table: round summaries and events, the hot-seat hand-over, help."""

from __future__ import annotations

import time
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from game.ui.keys import help_grid
from game.ui.screens.backdrop import BackdropScreen
from game.ui.widgets.panels import ROLE_SHORT


def role_words() -> str:
    """What the shortened roles of a narrow terminal stand for, from the engine's roles."""
    cut = [f"[b]{short}[/b] {role}" for role, short in ROLE_SHORT.items() if short != role]
    return f"In a narrow terminal the roles are shortened: {', '.join(cut)}. " if cut else ""


HELP = """\
A key the rules refuse at the moment is struck through in the row of keys at the bottom of the \
table; pressing it says why (the mediator's draft to answer first, no action points left, ...). \
Some keys are not in the row ([b]x[/b], [b]w[/b], [b]b[/b], [b]f[/b] and others below): they are \
listed here, and say why in the same way when the rules refuse them.

Reading the table: [b]Wt[/b] is how much an issue weighs for you, and your position is the \
option you stand by in public, with its worth to you (0 to 1). {roles}A role marked [b]*[/b] signs this \
venue's agreement: a package is agreed only when every signatory still at the table accepts it. \
[b]Trusts you[/b] (just [b]Trust[/b] in a narrow terminal) is how far each delegation trusts you, \
from 0 to 100 (hostile below 35, warm from 65); [b]Support[/b] is each side's backing at home; \
[b]◀[/b] marks who speaks and [b]away[/b] (or [b]absent[/b]) who is not at the table.

In a proposal, [b]*[/b] marks an issue its author has moved on: in the history and the transcript, since the author's previous proposal; on the board, since that proposal too, or, for an author's first proposal, off the position it states in public. On the board, [b]=[/b] marks an option that is your own stated position, and the [b]Issues[/b] column counts the issues a proposal settles, then those marked [b]*[/b] ("7, 5*": seven issues, five of them moved on).

In the proposal builder, [b]accepts ~N%[/b] beside each side you put the package to is an \
estimate from what you can see (its public positions and red lines, what it has proposed, \
accepted and refused, its trust and support, the time left), calibrated on AI games at the level \
you chose; a note says where that side already accepted or refused this very package. A side \
another player plays in a hot-seat game has no estimate ("a player: no estimate").

On the title screen, [b]Tab[/b] and [b]Shift+Tab[/b] move between the scenario, the delegations, the \
difficulty, the seed and the buttons (and the scenario's description, where it runs longer than its box: \
the arrows scroll it); on the scenario or the difficulty, [b]Enter[/b] opens its list \
and the arrows choose; on the delegations, [b]Space[/b] or [b]Enter[/b] ticks the one highlighted; \
elsewhere [b]Enter[/b] starts the talks as they are set. The focus starts on the Start button.

Hot-seat play (several delegations ticked, or [b]--as[/b] given more than once): the players \
share the keyboard. Between their turns a hand-over screen covers the table; the player named \
there presses [b]Enter[/b] when the others have looked away, and then reads, alone, what \
happened since their last move. What a seat is worth to its player, its walk-away value and what \
its meetings taught it are shown only to that seat's player; [b]f[/b] skips the AI's moves only \
while the AI plays.

Each delegation knows only its own priorities. Read the others from what they propose, \
accept and refuse; a meeting tells you how much one of their issues really matters to them. \
Every concession costs support at home: a side whose support falls to the collapse level \
is pulled out by its hardliners, and a signatory's exit ends the talks.
""".replace("{roles}", role_words())  # the prose under the keys (game/ui/keys.py: help_grid)
# Each paragraph of prose is one line (the backslashes), wrapped by the box at its own width: broken
# by hand at 96 columns, in the narrower box each break left a stub ("bottom of the", "propose,").


class Notice(BackdropScreen[None]):
    """A message to read before play goes on: events of a new round, what a meeting revealed."""

    CSS_PATH = "notices.tcss"
    # Enter and Space read on: a page down while the body has more below, then Continue. Esc
    # closes at once, read or not (every event is in the transcript and the log as well).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "read_on", "Continue"),
        Binding("escape", "close", "Close"),
    ]

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

    def on_mount(self) -> None:
        self._fit()
        scroll = self.query_one("#notice VerticalScroll", VerticalScroll)
        self.watch(scroll, "scroll_y", lambda _: self._label(), init=False)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        # The body scrolls in what the box (at most 90% of the screen) leaves once its frame, the
        # title and the button are drawn: with a fixed 16 lines, a round of several events at
        # 80x24 pushed the Continue button out of the box, and nothing on screen said how to go on.
        room = self.size.height * 9 // 10 - _NOTICE_FRAME
        self.query_one("#notice VerticalScroll", VerticalScroll).styles.max_height = max(3, min(16, room))
        self.call_after_refresh(self._label)

    def more_below(self) -> bool:
        """Whether the body has lines below what the box shows. At 80x24 a round's third event
        fell below the box, and players pressed Continue without knowing it was there."""
        scroll = self.query_one("#notice VerticalScroll", VerticalScroll)
        return scroll.max_scroll_y > 0 and not scroll.is_vertical_scroll_end

    def _label(self) -> None:
        if self.is_mounted:
            button = self.query_one("#continue", Button)
            button.label = "More below ▼" if self.more_below() else "Continue"

    @on(Button.Pressed, "#continue")
    def action_read_on(self) -> None:
        if self.more_below():
            self.query_one("#notice VerticalScroll", VerticalScroll).scroll_page_down(animate=False)
            self._label()
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


# A notice's rows besides its body (notices.tcss): the border (2), the padding (2), the title and
# its margin (2), the button (3) and its margin (1).
_NOTICE_FRAME = 10


class HandOver(Screen[None]):
    """Hot-seat: a full screen over the table from the moment one human's turn ends until the
    next human says they are ready, so that nobody sees another's private view (its values, its
    weights, what it learnt). While the AI seats play it only says that they are speaking; round
    notices show over it; Enter does nothing until it names the player whose turn it is."""

    CSS_PATH = "notices.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "ready", "I am ready")]
    # Seconds after it names the next player during which it takes no key: a player ending a
    # turn with Enter, pressed twice by reflex, went straight through it and saw the next
    # player's private table (an outside tester, 6 December 2026). The tests set it to 0.
    GUARD = 0.6

    def __init__(self, name: str = "") -> None:
        super().__init__()
        self.player = name
        self._named_at = 0.0  # when it named the player (time.monotonic)

    def compose(self) -> ComposeResult:
        with Vertical(id="handover"):
            yield Static(id="handover-name")
            yield Static(id="handover-hint")
            yield Button("I am ready", variant="primary", id="ready")

    def on_mount(self) -> None:
        self._show()

    def ready(self, name: str) -> None:
        """It is `name`'s turn: say so, and let Enter uncover the table."""
        self.player = name
        if self.is_mounted:
            self._show()

    def _show(self) -> None:
        button = self.query_one("#ready", Button)
        if self.player:
            self._named_at = time.monotonic()
            self.query_one("#handover-name", Static).update(
                Text.assemble("Pass the keyboard to\n\n", (self.player, "bold"))
            )
            self.query_one("#handover-hint", Static).update(
                "The other players should look away. Press Enter when ready."
            )
            button.display = True
            button.focus()
        else:
            self.query_one("#handover-name", Static).update("The other delegations are speaking…")
            self.query_one("#handover-hint", Static).update("The table stays covered until the next player is ready.")
            button.display = False

    @on(Button.Pressed, "#ready")
    def action_ready(self) -> None:
        if self.player and time.monotonic() - self._named_at >= self.GUARD:
            self.dismiss(None)


class Help(BackdropScreen[None]):
    CSS_PATH = "notices.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,f1,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("[b]Peace Talks: the keys[/b]\n", id="help-title")
            yield Static(help_grid(), id="help-keys")
            yield Static("\n" + HELP, id="help-prose")
            yield Button("Close", id="close")

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
