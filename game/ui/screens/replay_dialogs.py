"""The replay viewer's two small screens: the jump to a turn, and the help listing its keys."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Static

from game.ui.screens.dialog import Dialog
from game.ui.screens.notices import Help

# The keys and what each does, laid out as the table's help is (game.ui.keys.help_grid): written
# as lines of text, a wrapped explanation went back to the left edge at 80 columns (a newcomer's)
KEYS = (
    ("→ ←", "one action forward, one back"),
    ("PgDn PgUp", "the next round; the start of this round (or the last)"),
    ("Home End", "the opening; the end of the game"),
    ("g or j", "jump to a turn (the table after that action)"),
    ("space", "autoplay: play on by itself, or pause"),
    ("+ -", "autoplay faster or slower"),
    (
        "v",
        "whose view: the public one, then that of each delegation at the venue shown "
        "(its values and what it learnt), once the game is over",
    ),
    ("↑ ↓", "choose an issue: who stands where on it"),
    ("t", "the transcript, filling the screen, to scroll it with ↑ ↓ (t again: the table; Esc shrinks it in place)"),
    ("ctrl+p", "the command palette: every key by name"),
    ("? F1", "this help"),
    ("o h i", "the board, history and brief: at the table only; here the transcript and v show what they would"),
    ("q Esc", "leave the replay"),
)

PROSE = (
    "The top line: turn T of M (the table after the save's action T, of M), the round, who took the "
    "action, what it did. The second: the venue, who speaks next, autoplay "
    "(⏸ paused, ▶ playing) and its speed in steps a second, and whose view is shown.\n\n"
    'In the public view, "Sides by option" counts the delegations of the venue that hold each option of '
    'an issue, from one pole to the other (· for none): "2 · 4" is two sides at the first option, four '
    'at the third. "Conceded" ("Conc." on a narrow terminal) counts the concessions each delegation has made.'
)


def help_keys() -> Group:
    """The replay's keys under their heading, each explanation wrapped under itself."""
    grid = Table.grid(padding=(0, 2), pad_edge=True)
    grid.add_column(no_wrap=True, style="bold", min_width=max(len(k) for k, _ in KEYS) + 2)
    grid.add_column()
    for keys, does in KEYS:
        grid.add_row(Text(keys), Text(does))
    return Group(Text("Replaying a saved game: the keys\n", style="bold"), grid)


class JumpDialog(Dialog[int]):
    """Ask for a turn number; refuse (and say why) anything that is not one of the log's."""

    TITLE_TEXT = "Jump to a turn"
    HINT = "Enter jumps · Esc cancels"

    def __init__(self, last: int, current: int) -> None:
        super().__init__()
        self.last = last
        self.current = current

    def compose_body(self) -> ComposeResult:
        yield Static(
            f"A turn from 0 (the opening) to {self.last} (the last action): the table as it stood after it.",
            classes="question",
        )
        yield Input(str(self.current), id="turn", placeholder=f"0 to {self.last}")

    def compose_buttons(self) -> ComposeResult:
        yield Button("Jump", id="jump", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#turn", Input).focus()

    @on(Input.Submitted, "#turn")
    @on(Button.Pressed, "#jump")
    def _jump(self) -> None:
        text = self.query_one("#turn", Input).value.strip()
        if not text:
            self.refuse(f"Type a turn number, from 0 to {self.last}.")
            return
        if not text.isascii() or not text.isdigit():
            self.refuse(f"{text!r} is not a turn number: type a whole number from 0 to {self.last}.")
            return
        turn = int(text)
        if turn > self.last:
            self.refuse(f"There is no turn {turn}: this game has {self.last} turns (0 is the opening).")
            return
        self.dismiss(turn)


class ReplayHelp(Help):
    """The help for the replay viewer's keys."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(help_keys())
            yield Static("\n" + PROSE, markup=False)
            yield Button("Close", id="close")
