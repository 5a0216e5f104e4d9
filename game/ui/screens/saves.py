"""The save browser: every saved game with its scenario, seat, round, result and date; open
one to continue it or to replay it.

The rows come from `game.saves.catalog`, read in a worker thread (a folder of long games takes
a moment to list, and the screen never waits for it). Names and titles come from files, so
every cell is a rich `Text`, never markup.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from game.saves.catalog import SaveInfo, list_saves
from game.ui.format import short
from game.ui.shown import shown_path
from game.ui.widgets.footer import ShownKeysFooter
from game.ui.widgets.rows import RowTable

RESULTS = {
    "running": ("running", ""),
    "agreement": ("agreement", "green"),
    "partial": ("partial", "yellow"),
    "no_deal": ("no deal", "red"),
    "collapse": ("collapse", "red"),
}
# The orders `o` steps through, with the words the status line uses for them.
ORDERS = ("newest first", "by name", "by scenario", "by result")
_COLUMNS = ("Name", "Scenario", "You play", "Where", "Result", "Saved")


@dataclass(frozen=True)
class Opened:
    """What the player chose in the browser: a save, to continue or to replay."""

    path: Path
    replay: bool


def when(seconds: float, short: bool = False) -> str:
    """The date a save was written: "2026-12-01 14:05", or "12-01 14:05" when `short`."""
    return time.strftime("%m-%d %H:%M" if short else "%Y-%m-%d %H:%M", time.localtime(seconds)) if seconds else "?"


def cut(text: str, width: int) -> str:
    """Cut to `width` terminal columns (format.short): cut by characters, a title in Chinese ran
    past its column's edge, cropped there with no ellipsis."""
    return short(text, width)


def ordered(rows: list[SaveInfo], order: str) -> list[SaveInfo]:
    if order == "by name":
        return sorted(rows, key=lambda r: (r.autosave, r.name.lower(), -r.modified))
    if order == "by scenario":
        return sorted(rows, key=lambda r: (r.scenario.lower(), -r.modified))
    if order == "by result":
        return sorted(rows, key=lambda r: (r.problem != "", r.result, -r.modified))
    return sorted(rows, key=lambda r: (-r.modified, r.name))


class SaveBrowser(Screen[Opened | None]):
    """Pick a save: Enter continues it (or replays it when the game is over), r replays it, d opens a
    finished game's debrief again."""

    CSS_PATH = "saves.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Continue", show=True),
        Binding("r", "replay", "Replay"),
        Binding("d", "debrief", "Debrief"),
        Binding("o", "order", "Order"),
        Binding("escape,q", "back", "Back"),
    ]
    AUTO_FOCUS = "#save-table"

    def __init__(self, folder: Path, autosaves: tuple[Path, ...] = (), select: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.autosaves = autosaves
        # the save to put the cursor on once the folder is read: the one that just failed to
        # open, when the browser comes back under the reason (it came back on the first row, and
        # a second Enter continued the autosave)
        self.select = select
        self.rows: list[SaveInfo] = []
        self.order = ORDERS[0]
        self.loaded = False
        self._filled: tuple[int, int, int] = (0, 0, 0)  # the widths the rows were cut to

    def compose(self) -> ComposeResult:
        yield Static(Text("Saved games", style="bold"), id="saves-title")
        table = RowTable(id="save-table")
        yield table
        yield Static(Text("Reading the saves…"), id="save-detail")
        yield Static(id="saves-status")
        yield ShownKeysFooter()

    def on_mount(self) -> None:
        self.read_saves()

    @work(thread=True, exclusive=True, group="saves")
    def read_saves(self) -> None:
        rows = list_saves(self.folder, self.autosaves)
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[SaveInfo]) -> None:
        self.rows = rows
        self.loaded = True
        # the folder may be read while the screen is taken down (the player left, or the app is
        # closing): attached, its table already gone; there is then nothing to fill
        if self.query("#save-table"):
            self._fill()

    def on_resize(self) -> None:
        # only when the columns' widths change: rebuilding the table costs a frame or two
        if self.loaded and self._widths() != self._filled:
            self._fill()

    def _narrow(self) -> bool:
        return self.app.size.width < 100

    def _widths(self) -> tuple[int, int, int]:
        """Name, scenario and seat widths: what is left beside the fixed columns, shared out
        (the name first: it is what the player typed, and what they look for)."""
        spare = max(24, self.app.size.width - 2 - 12 - (5 + 10 + (11 if self._narrow() else 16)))
        # the seats' share is enough for two short names' start ("Government+Oppo…"): at 18% a
        # hot-seat save read "Governme…" even at 100 columns
        return max(8, spare * 40 // 100), max(8, spare * 30 // 100), max(8, spare * 30 // 100)

    def _fill(self) -> None:
        table = self.query_one("#save-table", DataTable)
        chosen = self._current()
        if self.select is not None:
            chosen = next((row for row in self.rows if row.path == self.select), chosen)
            self.select = None
        widths = self._widths()
        if widths != self._filled or not table.columns:
            # fixed widths, cut to fit: measured columns would grow past the screen's width
            name_w, scenario_w, seat_w = self._filled = widths
            table.clear(columns=True)
            fixed = (name_w, scenario_w, seat_w, 5, 10, 11 if self._narrow() else 16)
            for label, width in zip(_COLUMNS, fixed, strict=True):
                table.add_column(Text(label, style="bold"), key=label, width=width)
        else:
            table.clear()
        name_w, scenario_w, seat_w = widths
        self.rows = ordered(self.rows, self.order)
        for row in self.rows:
            name = Text("(autosave)", style="italic") if row.autosave else Text(cut(row.name, name_w))
            if row.problem:
                cells = [name, Text(cut(row.problem, scenario_w), style="red"), Text(""), Text("")]
                cells += [Text("unreadable", style="red"), Text(when(row.modified, self._narrow()))]
            else:
                label, style = RESULTS.get(row.result, (row.result.replace("_", " "), ""))
                seats = ", ".join(row.seats) if row.seats else "AI only"
                if cell_len(seats) > seat_w and row.seats_short:
                    # short names where the whole ones do not fit: two seats' read "Governm…"
                    seats = "+".join(row.seats_short)
                cells = [
                    name,
                    Text(cut(row.scenario, scenario_w)),
                    Text(cut(seats, seat_w), style="dim" if not row.seats else ""),
                ]
                cells += [Text(row.where), Text(label, style=style), Text(when(row.modified, self._narrow()))]
            table.add_row(*cells, key=str(row.path))
        if chosen is not None:
            for k, row in enumerate(self.rows):
                if row.path == chosen.path:
                    table.move_cursor(row=k)
        count = len(self.rows)
        where = shown_path(self.folder) + (" and the autosaves" if self.autosaves else "")
        status = f"{count} save{'s' if count != 1 else ''} in {where} · {self.order} (o: change)"
        self.query_one("#saves-status", Static).update(Text(status, style="dim"))
        if not self.rows:
            self.query_one("#save-detail", Static).update(
                Text(
                    f"No saved games yet. At the table, ctrl+s saves the game under a name in {shown_path(self.folder)}."
                )
            )
        self._detail()

    def _current(self) -> SaveInfo | None:
        table = self.query_one("#save-table", DataTable)
        if not self.rows or table.row_count == 0:
            return None
        return self.rows[min(max(table.cursor_row, 0), len(self.rows) - 1)]

    @on(DataTable.RowHighlighted, "#save-table")
    def _detail(self) -> None:
        row = self._current()
        if row is None:
            return
        text = Text(no_wrap=True, overflow="ellipsis")  # four lines, each cut to the width
        # the path as the Name column shows the name: a `\e]2;...` in it set the terminal's title
        text.append(shown_path(row.path), style="bold")
        if row.problem:
            text.append(f"\nCannot be opened: {row.problem}", style="red")
        else:
            seats = ", ".join(row.seats) if row.seats else "every seat played by the AI"
            text.append(f"\n{row.scenario} · {seats}")
            label = RESULTS.get(row.result, (row.result, ""))[0]
            text.append(f"\n{row.turns} moves · {label} · saved {when(row.modified)}")
            # on a line of its own: after the rest, at 80 columns it was cut to "Enter: replay it (the game is …"
            text.append(
                "\nEnter: replay it · d: its debrief (the game is over)"
                if row.over
                else "\nEnter: continue · r: replay"
            )
        self.query_one("#save-detail", Static).update(text)

    @on(DataTable.HeaderSelected, "#save-table")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        by = {"Name": "by name", "Scenario": "by scenario", "Result": "by result", "Saved": "newest first"}
        self.order = by.get(str(event.column_key.value), self.order)
        self._fill()

    def action_order(self) -> None:
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self._fill()

    def _openable(self, title: str) -> SaveInfo | None:
        """The save under the cursor, if it can be opened; else None, after saying why (`title`)."""
        row = self._current()
        if row is not None and row.problem:
            self.notify(f"{shown_path(row.path)}: {row.problem}", title=title, severity="error", markup=False)
            return None
        return row

    @on(DataTable.RowSelected, "#save-table")
    def action_open(self) -> None:
        row = self._openable("Cannot open")
        if row is not None:
            self.dismiss(Opened(row.path, replay=row.over))

    def action_replay(self) -> None:
        row = self._openable("Cannot replay")
        if row is not None:
            self.dismiss(Opened(row.path, replay=True))

    def action_debrief(self) -> None:
        """A finished game's debrief again (opened, a finished save shows it, and records
        nothing twice): a newcomer who had closed it found no way back to it."""
        row = self._openable("Cannot open")
        if row is None:
            return
        if not row.over:
            self.notify("This game is not over: Enter continues it.", title="No debrief yet", markup=False)
            return
        self.dismiss(Opened(row.path, replay=False))

    def action_back(self) -> None:
        self.dismiss(None)
