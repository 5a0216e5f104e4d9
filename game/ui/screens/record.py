"""Your record: every finished game you played, per scenario and seat, from the local record
of results (game.results). Opened from the title screen and from the debrief.

A record file that cannot be read is never changed here: the screen says what is wrong and
where the file is, and shows nothing else.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from game.results import Record, RecordError, Standing, read_record, record_path, standings
from game.safetext import escape_controls
from game.scenario import bundled, check_file
from game.ui.format import against, gap, named, shown_gap
from game.ui.screens.saves import cut
from game.ui.shown import shown_path
from game.ui.widgets.footer import ShownKeysFooter
from game.ui.widgets.rows import RowTable

OUTCOMES = {"agreement": "agreement", "partial": "partial", "no_deal": "no deal", "collapse": "collapse"}
_RECENT = 6  # games listed under the table for the chosen scenario and seat


def _date(seconds: float, short: bool = False) -> str:
    """The day a game ended: "2026-12-01", or "12-01" when `short` (the save browser's short form)."""
    return time.strftime("%m-%d" if short else "%Y-%m-%d", time.localtime(seconds))


@dataclass(frozen=True)
class _Seat:
    """A seat as `named` reads a delegation: its name in the record, and its short name."""

    name: str
    short_name: str


@functools.cache
def _short_names() -> dict[tuple[str, str], str]:
    """The short name of every seat of the bundled scenarios, by scenario and delegation id: the
    record keeps only the whole name. (Read once; the title screen has read the files already.)"""
    names: dict[tuple[str, str], str] = {}
    for path in bundled().values():
        scenario = check_file(path)[0]
        if scenario is not None:
            names.update(((scenario.id, d.id), d.short_name) for d in scenario.delegations if d.short_name)
    return names


def seat_name(standing: Standing, width: int) -> str:
    """The seat in `width` columns: whole where it fits, else by the short name the table's columns
    use ("Opposition" for "The armed opposition delegation"), else cut."""
    if cell_len(standing.seat_name) <= width:
        return standing.seat_name
    return named(_Seat(standing.seat_name, _short_names().get((standing.scenario, standing.seat), "")), width)


def _signed(x: float) -> Text:
    """A surplus as the debrief writes it (`gap`): a game the debrief put at -0.0004 is not
    "-0.00" here, and a nil one is "±0.00", not "+0.00"."""
    return Text(gap(x), style="green" if x > 1e-9 else ("red" if x < -1e-9 else ""))


def _mean_shown_gap(s: Standing) -> Text:
    """The mean over a seat's games of each game's figure against its walk-away value as its
    debrief and the detail below show it (`shown_gap`), to the places of the finest of them: the
    exact mean rounded read +0.02 over one game the line below put at 0.54 against 0.53, +0.01;
    written to two places, one game's +0.015 read +0.01."""
    shown = [shown_gap(*against(g.utility, g.reservation)[:2]) for g in s.games]
    if not shown:
        return _signed(0.0)
    places = max(len(x.partition(".")[2]) for x in shown)
    mean = sum(float(x.lstrip("±")) for x in shown) / len(shown)
    said = f"{mean:+.{places}f}"
    if float(said) == 0:
        return Text(f"±{0:.{places}f}")
    return Text(said, style="green" if mean > 0 else "red")


class RecordScreen(Screen[None]):
    CSS_PATH = "record.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "back", "Back")]
    AUTO_FOCUS = "#record-table"

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Standing] = []
        self.record: Record | None = None
        self.problem = ""

    def compose(self) -> ComposeResult:
        yield Static(Text("Your record", style="bold"), id="record-title")
        table = RowTable(id="record-table")
        yield table
        yield Static(id="record-detail")
        yield Static(id="record-status")
        yield ShownKeysFooter()

    def on_mount(self) -> None:
        table = self.query_one("#record-table", DataTable)
        for label in ("Scenario", "Your seat", "Games", "Deals", "Mean", "vs walk-away", "Best", "Last"):
            table.add_column(Text(label, style="bold"), key=label)
        try:
            self.record = read_record()
        except RecordError as exc:
            self.problem = str(exc)
            table.display = False
            self.query_one("#record-detail", Static).update(
                Text.assemble(
                    ("Your record cannot be read. ", "bold red"),
                    f"{escape_controls(str(exc))}\n\nThe file is left exactly as it is. When your next game ends, it is set aside "
                    "under a new name (nothing is deleted) and a new record starts.",
                )
            )
            return
        self.rows = standings(self.record.results)
        # The detail below names them in full, with the year. At 80 columns every column, and the
        # scroll bar a long record brings, fits only with the seat's short name and a short date:
        # the last column was cut to "2026-12-0" and the seat to "The armed…".
        narrow = self.app.size.width < 110
        for s in self.rows:
            table.add_row(
                Text(cut(s.title, 14 if narrow else 40)),
                Text(seat_name(s, 12 if narrow else 30)),
                Text(str(len(s.games))),
                Text(str(s.deals)),
                Text(f"{s.mean:.2f}"),
                _mean_shown_gap(s),
                Text(f"{s.best:.2f}"),
                Text(_date(s.last, short=narrow)),
            )
        total = sum(len(s.games) for s in self.rows)
        # a hot-seat game is a result for each seat a person played: "2 games" after one read as
        # a miscount to a tester
        games = len({r.game for s in self.rows for r in s.games})
        status = f"{total} game{'s' if total != 1 else ''}"
        if games != total:
            status = f"{total} results (one a seat played) of {games} game{'s' if games != 1 else ''}"
        status += f" · kept in {shown_path(record_path())}"
        if self.record.unreadable:
            n = self.record.unreadable
            status += f" · {n} entr{'y' if n == 1 else 'ies'} this version cannot read, kept as {'it is' if n == 1 else 'they are'}"
        self.query_one("#record-status", Static).update(Text(status, style="dim"))
        if not self.rows:
            self.query_one("#record-detail", Static).update(
                Text("No finished games yet: each game you play to its end is recorded here.")
            )
        else:
            self._detail()

    @on(DataTable.RowHighlighted, "#record-table")
    def _detail(self) -> None:
        if not self.rows:
            return
        row = min(max(self.query_one("#record-table", DataTable).cursor_row, 0), len(self.rows) - 1)
        s = self.rows[row]
        text = Text(no_wrap=True, overflow="ellipsis")
        # the count on a line of its own: after a long title and seat it was cut off at 80 columns
        text.append(f"{s.title} as {s.seat_name}\n", style="bold")
        text.append(f"Above walking away in {s.above_walk_away} of {len(s.games)} games\n")
        for g in s.games[:_RECENT]:
            text.append(
                f"{_date(g.finished)}  seed {g.seed:<8} {g.difficulty:<7} {OUTCOMES.get(g.outcome, g.outcome):<10}"
            )
            # the game's figures and their difference as its debrief wrote them (`against`,
            # `shown_gap`): the difference of the two as shown, not the exact one rounded, which
            # read +0.10 here where the debrief said 0.45 against 0.36, +0.09
            shown, marked, _ = against(g.utility, g.reservation)
            text.append(f" {shown} ")
            text.append(shown_gap(shown, marked), style=_signed(g.surplus).style)
            if g.nash is not None:
                text.append(f"  Nash {g.nash:.2f}", style="dim")
            text.append("\n")
        self.query_one("#record-detail", Static).update(text)

    def action_back(self) -> None:
        self.dismiss(None)
