"""The table's keys, in one table: its bindings, its key row, its command palette entries and
its help screen are all built from TABLE_KEYS (and README's key list is held to it by a test),
so a key cannot be added, renamed or moved in one of them and not the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class Key:
    keys: str  # Textual's names, comma-separated: "plus,equals_sign"
    action: str  # the table's action_* it runs ("" for a key the table does not bind itself)
    shows: str  # how the help and the README write the keys: "+ -"
    help: str  # its line in the help screen
    label: str = ""  # its word in the key row (and the binding's description)
    shown: bool = False  # in the key row under the table
    title: str = ""  # its command palette entry ("" for none)
    summary: str = ""  # the palette entry's second line
    turn: bool = False  # a move at the table (the help lists these first)


TABLE_KEYS: tuple[Key, ...] = (
    Key("p", "propose", "p", "propose a package, opened at your last one here (the mediator: table a draft text)", "Propose", True,
        "Propose a package", "Put options on open issues to delegations", turn=True),
    Key("r", "respond", "r", "answer the proposals put to you (answers do not use up your moves)", "Answer", True,
        "Answer a proposal", "Accept or reject what is put to you", turn=True),
    Key("c", "concede", "c", "concede: move your public position (costs support at home, wins trust)", "Concede",
        True, "Concede", "Move your public position (costs support)", turn=True),
    Key("s", "statement", "s", "make a statement, hardline or conciliatory", "Speak", True,
        "Make a statement", "Hardline or conciliatory", turn=True),
    Key("x", "pressure", "x", "press a client, if you are its patron", "Press", False,
        "Press a client", "As a patron, push a client on an issue", turn=True),
    Key("m", "meet", "m", "meet a delegation in private: both learn something true", "Meet", True,
        "Meet a delegation", "A bilateral: both learn something true", turn=True),
    Key("n", "pass_turn", "n", "pass: end your turn", "Pass", True, "Pass", "End your turn", turn=True),
    Key("o", "board", "o", "the proposals board: every open proposal, its worth to you, who has answered what "
        "(a accepts, r rejects after asking, e takes it into the builder as a counter-proposal)", "Board", True,
        "Proposals board", "Every open proposal: its worth to you, the answers so far"),
    Key("h", "history", "h", "the history: the whole game round by round, ▸ before your own moves (r, d, k filter it; a: answers to you)",
        "Log", True, "History", "The whole game so far, round by round, with filters"),
    Key("i", "brief", "i", "your brief: your weights, red lines and walk-away, what you know of the others",
        "Brief", True, "Your brief", "Your weights, red lines and walk-away; what you know of the others"),
    Key("w", "walk_out", "w", "walk out of the talks", "Walk out", False, "Walk out", "Leave the talks", turn=True),
    Key("b", "boycott", "b", "boycott (only where attendance is optional)", "Boycott", False,
        "Boycott", "Stay away (where attendance is optional)", turn=True),
    Key("t", "transcript", "t", "the transcript, filling the screen, to scroll with ↑ ↓ PgUp PgDn (t: the table; Esc: in place)",
        "Transcript", False, "Scroll the transcript", "Read back what was said at the table"),
    Key("up,down", "", "↑ ↓", "choose an issue on the agenda to see who stands where"),
    # at 80x24 the detail shows its description and a side or two: the rest of who
    # stands where was out of reach of the keys (a newcomer's)
    Key("shift+down", "detail_down", "shift+↓ ↑", "page through the issue's detail: who stands where, in their own words",
        "", False, "Page down the issue's detail", "Who stands where on the issue chosen"),
    Key("shift+up", "detail_up", "", "", "", False, "Page up the issue's detail",
        "Back up the issue's detail"),  # (the help writes it with shift+↓, above)
    Key("plus,equals_sign", "faster", "+", "the AI plays faster", "Faster", False,
        "The AI plays faster", "Less time between the AI's moves"),
    Key("minus", "slower", "-", "the AI plays slower", "Slower", False,
        "The AI plays slower", "More time between the AI's moves"),
    Key("f", "skip", "f", "skip to your next turn (a new round's news still shows)", "Skip AI", False,
        "Skip the AI's moves", "Jump to your next turn"),
    Key("ctrl+s", "save", "ctrl+s", "save the game under a name", "Save", False,
        "Save", "Save the game under a name"),
    Key("ctrl+p", "", "ctrl+p", "the command palette: every action by name"),
    Key("question_mark,f1", "help", "? F1", "this help", "Help", True, "Help", "Every key"),
    Key("ctrl+q", "", "ctrl+q", "quit (asks first if the game is not saved; ctrl+q again: save and quit)"),
)  # fmt: skip


def bindings(keys: tuple[Key, ...] = TABLE_KEYS) -> list[BindingType]:
    """The table screen's BINDINGS: every key with an action of its own."""
    return [Binding(k.keys, k.action, k.label, show=k.shown) for k in keys if k.action]


def palette(keys: tuple[Key, ...] = TABLE_KEYS) -> list[tuple[str, str, str]]:
    """(title, summary, action) of each command palette entry."""
    return [(k.title, k.summary, k.action) for k in keys if k.title]


def help_sections(keys: tuple[Key, ...] = TABLE_KEYS) -> list[tuple[str, list[Key]]]:
    """The help screen's keys: the moves at the table first, then the rest."""
    # a key written with another (shift+↑ with shift+↓) has no line of its own
    return [
        ("At the table, on your turn:", [k for k in keys if k.turn and k.shows]),
        ("Anytime:", [k for k in keys if not k.turn and k.shows]),
    ]


def help_grid(keys: tuple[Key, ...] = TABLE_KEYS) -> Group:
    """The help screen's list of keys: under each heading, a key, then what it does, wrapped
    under itself (as one line of text, a wrapped explanation went back to the left edge, under
    the keys). Both sections' keys take the same width, so their texts line up."""
    width = max(len(k.shows) for k in keys)
    parts: list[Text | Table] = []
    for n, (heading, listed) in enumerate(help_sections(keys)):
        parts.append(Text(("\n" if n else "") + heading))
        grid = Table.grid(padding=(0, 2), pad_edge=True)
        grid.add_column(no_wrap=True, style="bold", min_width=width + 2)  # Rich counts the padding
        grid.add_column()
        for k in listed:
            grid.add_row(Text(k.shows), Text(k.help))
        parts.append(grid)
    return Group(*parts)
