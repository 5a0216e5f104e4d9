"""The table's panels: agenda, delegations, meters, and the selected issue's details.

Each is refreshed with `show(view, ...)` from the screen that owns the session; none of them
keeps game state between refreshes.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from game.engine.model import ROLES
from game.engine.view import View
from game.ui.format import brief_issue, named, pad
from game.ui.format import short as short  # re-exported: the table imports it from here

SegmentLines = list[list[Segment]]  # a cell's lines, as DataTable draws them


def bar(value: int, width: int = 10) -> str:
    filled = round(value / 100 * width)
    return "█" * filled + "░" * (width - filled)


# Role names cut to fit the column (a guarantor shows as guarant.)
ROLE = {role: role if len(role) <= 8 else role[:7] + "." for role in ROLES}


def mood(trust: int) -> str:
    return "warm" if trust >= 65 else "wary" if trust >= 35 else "hostile"


class _ViewTable(DataTable[str | Text]):
    """A table with columns for a delegation's view and others for the public view, which a
    replay switches between.

    Its cells are drawn once for what they hold: DataTable draws every cell again after any one
    changes (a count of updates is part of its cache's key), and at the table a move changes a
    cell or two of the delegations (who speaks), so each AI move drew them all again. Here a
    cell's lines are kept by what decides them (its text and styles, its place, width, cursor and
    hover, the table's state); everything that clears DataTable's own cache clears this one."""

    COLUMNS: tuple[str, ...] = ()
    PUBLIC_COLUMNS: tuple[str, ...] = ()
    _public = False
    _headers: tuple[str, ...] = ()
    _column_keys: list[ColumnKey]
    _shown: list[tuple[str, tuple[object, ...]]]  # each row's key and its cells' signatures
    _cells: dict[tuple[object, ...], SegmentLines] | None = None
    _kept_row: int | None = None  # the cursor's row before the columns changed, for the next rows

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        if row_index < 0 or column_index < 0:  # the header row: as DataTable draws it
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:  # not a cell of the table's data: as DataTable does
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        key = (
            row_key,
            column_key,
            row_index,
            column_index,
            _signature(self._data[row_key][column_key]),
            self.rows[row_key].height,
            base_style,
            width,
            cursor,
            hover,
            self.show_cursor,
            self._show_hover_cursor,
            self._pseudo_class_state,
            self.cursor_foreground_priority,
            self.cursor_background_priority,
        )
        if self._cells is None or len(self._cells) > _CELLS_MAX:
            self._cells = {}
        lines = self._cells.get(key)
        if lines is None:
            lines = self._cells[key] = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        return lines

    def _clear_caches(self) -> None:
        super()._clear_caches()
        self._cells = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cells = None

    def set_columns(self, public: bool, headers: tuple[str, ...] = ()) -> None:
        """The columns of the delegation's view or the public one, under these headers (the
        class's own unless a narrower layout names others)."""
        headers = headers or (self.PUBLIC_COLUMNS if public else self.COLUMNS)
        if not self.columns or public != self._public or headers != self._headers:
            # the row the player picked outlives new headers (a resize to another layout put the
            # cursor back on the first row, and the side panel with it)
            if self.row_count:
                self._kept_row = self.cursor_row
            self.clear(columns=True)
            self._column_keys = self.add_columns(*headers)
            self._public, self._headers = public, headers
            self._shown = []

    def refit(self) -> None:
        """Fit the columns to the next rows shown, written afresh (a table only ever widens its
        columns): a replay stepping back from a long label does not keep a column too wide."""
        for column in self.columns.values():
            column.content_width = column.label.cell_len
        self._shown = []

    def fill(self, rows: list[tuple[str, tuple[str | Text, ...]]]) -> None:
        """Show these rows (key, cells). A move changes a cell or two: only those are written, and
        the whole table (cleared, measured and drawn again) only when its rows change."""
        shown = [(key, tuple(_signature(cell) for cell in cells)) for key, cells in rows]
        if shown == self._shown:
            return
        if [key for key, _ in shown] == [key for key, _ in self._shown]:
            for (key, cells), (_, new), (_, old) in zip(rows, shown, self._shown, strict=True):
                for column, cell, a, b in zip(self._column_keys, cells, new, old, strict=True):
                    if a != b:
                        self.update_cell(key, column, cell, update_width=True)
        else:
            row = self.cursor_row if self._kept_row is None else self._kept_row
            self._kept_row = None
            self.clear()
            for key, cells in rows:
                self.add_row(*cells, key=key)
            # The columns measured now, not when the table is next idle (DataTable's way): a
            # replay stepped through quickly refits at every step, and a table left as its
            # headers' widths showed names cut to five letters until the next step.
            for k, measured in enumerate(self.ordered_columns):
                widest = max((_width(cells[k]) for _, cells in rows if k < len(cells)), default=0)
                measured.content_width = max(measured.content_width, widest)
            if self.row_count:
                self.move_cursor(row=min(max(row, 0), self.row_count - 1))
        self._shown = shown


_CELLS_MAX = 2_000  # cells kept per table (a dozen rows of five, in a few states): then start again


def _width(cell: str | Text) -> int:
    """The columns a cell takes (a string cell is read as markup, as DataTable reads it)."""
    return (cell if isinstance(cell, Text) else Text.from_markup(cell)).cell_len


def _signature(cell: str | Text) -> object:
    # Text's own == compares the characters and spans only, not the style of the whole text
    # (the speaker's name is bold): what a cell looks like is all three.
    return (cell.plain, str(cell.style), tuple(cell.spans)) if isinstance(cell, Text) else cell


def spread(view: View, issue: int) -> str:
    """How many sides of this venue publicly hold each option of an issue, pole to pole: "1 · 3
    · 2" ("·": none). Only the venue's: at a campaign's first venue the sides waiting for the
    second were counted too (eleven sides at a table of nine)."""
    counts = [0] * len(view.issues[issue].options)
    for d in view.venue.turn_order:
        position = view.positions[d][issue]
        if position >= 0:
            counts[position] += 1
    return " ".join(str(n) if n else "·" for n in counts)


class AgendaTable(_ViewTable):
    """One row per issue on the agenda: where it stands and where you stand (or, in the public
    view of a replay, how many sides hold each option)."""

    COLUMNS = ("Issue", "Wt", "Your position (its worth to you)")
    NARROW_COLUMNS = ("Issue", "Wt", "Your position")  # 80 columns: the heading whole, not cut
    PUBLIC_COLUMNS = ("Issue", "Agreed", "Sides by option")
    NARROW_PUBLIC_COLUMNS = ("Issue", "Agreed", "Sides")  # 80 columns: the sides' counts whole

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.set_columns(False)

    def show(self, view: View, public: bool = False) -> None:
        width = self.size.width or 46
        rows: list[tuple[str, tuple[str | Text, ...]]] = []
        # Narrow, a short name leaves the width to the position (the detail panel has the full
        # one); wide, the name takes its share of the room.
        names = {
            i: brief_issue(view.issues[i].name, 20) if width < 70 else short(view.issues[i].name, width * 2 // 5)
            for i in view.agenda
        }
        # A position is cut to the room the name and weight columns leave (each column padded
        # one each side, and the scrollbar's two where the rows overflow), so that it ends in an
        # ellipsis rather than at the panel's edge, with a sideways scrollbar under the table (at
        # 80 columns the heading read "Your position (its"); narrow, the heading is the short one.
        tall = self.styles.max_height is not None and len(view.agenda) + 1 > self.styles.max_height.value
        if public:
            self._show_public(view, width - (2 if tall else 0) - 3 * 2)
            return
        room = width - (2 if tall else 0) - max([len(self.COLUMNS[0]), *map(cell_len, names.values())]) - 4 - 3 * 2
        headers = self.COLUMNS if room >= len(self.COLUMNS[2]) else self.NARROW_COLUMNS
        self.set_columns(public, headers)
        room = max(room, len(headers[2]))
        for i in view.agenda:
            issue = view.issues[i]
            settled = view.settled[i]
            mine = view.positions[view.me][i]
            name = names[i]
            # the share of the player's utility the issue carries: what to hold, what to trade
            weight = f"{view.own.weights[i]:>3.0%}"
            if settled >= 0:
                label = short(issue.options[settled].label, room - 7)
                yours = Text(f"{view.own.values[i][settled]:.2f} ✓ {label}", style="bold green")
            elif mine >= 0:
                label = short(issue.options[mine].label, room - 5)
                yours = Text(f"{view.own.values[i][mine]:.2f} {label}")
            else:
                # at 80 columns the column is "Your position" wide: the long wording ran off its edge
                yours = Text("(no stated position)" if room >= 20 else "(none stated)")
            rows.append((issue.id, (Text(name), weight, yours)))
        self.fill(rows)

    def _show_public(self, view: View, room: int) -> None:
        """The public view's rows in `room` columns (the panel's less the cells' padding): the
        sides by option whole, the agreed option and then the name cut to what is left (at 80
        columns the names and agreed options took it all, and the sides showed one character)."""
        spreads = {i: spread(view, i) for i in view.agenda}
        widest = max(map(len, spreads.values()), default=0)
        headers = self.PUBLIC_COLUMNS if room - widest >= 30 else self.NARROW_PUBLIC_COLUMNS
        self.set_columns(True, headers)
        room -= max(widest, len(headers[2]))
        # each column as wide as what it shows, up to 22 for a name and 18 for an option; short
        # of room, the agreed option gives way first, then the name
        names = max((cell_len(view.issues[i].name) for i in view.agenda), default=0)
        labels = [view.issues[i].options[view.settled[i]].label for i in view.agenda if view.settled[i] >= 0]
        agreed_width = min(18, max([len(headers[1]), *map(cell_len, labels)]))
        agreed_width = max(len(headers[1]), min(agreed_width, room - min(names, 16)))
        name_width = max(6, min(22, room - agreed_width))
        rows: list[tuple[str, tuple[str | Text, ...]]] = []
        for i in view.agenda:
            issue = view.issues[i]
            settled = view.settled[i]
            label = short(issue.options[settled].label, agreed_width) if settled >= 0 else "—"
            agreed = Text(label, style="bold green" if settled >= 0 else "")
            # a string cell is parsed as markup: names from the file go in as Text
            name = brief_issue(issue.name, name_width) if cell_len(issue.name) > name_width else issue.name
            rows.append((issue.id, (Text(name), agreed, Text(spreads[i]))))
        self.fill(rows)


# The status column's words, in the full layout and the compact one (indexed by `compact`)
STATUS_SPEAKS = ("◀ speaks", "◀")
STATUS_AWAY = ("absent", "away")

# The roles in the compact layout of the delegations, a narrow terminal's: cut as ROLE cuts them,
# to five columns (the engine's roles, never a list of them written again here)
ROLE_SHORT = {role: role if len(role) <= 5 else role[:3] + "." for role in ROLES}


class DelegationsTable(_ViewTable):
    """The delegations: role, patrons, how far each trusts you, support at home, status (in the
    public view of a replay: support, then the concessions each has made, instead of trust).

    Every column shows whatever the width: the names take the room the others leave (40
    characters at most: the Syrian government's whole name on a wide terminal), and where that is too little for a name (80 columns, the game's least)
    the compact layout shortens the roles, the headers and the status instead ("◀" for the
    speaker, "away" for an absent delegation), so support and who is away never scroll off."""

    COLUMNS = ("Delegation", "Role", "Trusts you", "Support", "")
    PUBLIC_COLUMNS = ("Delegation", "Role", "Support", "Conceded", "")
    COMPACT_COLUMNS = ("Delegation", "Role", "Trusts you", "Support", "")
    NARROW_COLUMNS = ("Delegation", "Role", "Trust", "Support", "")  # 80 columns (the help says whose)
    COMPACT_PUBLIC_COLUMNS = ("Delegation", "Role", "Support", "Conc.", "")
    NAME_MAX, NAME_MIN, NAME_FULL_MIN = 40, 10, 16
    _name_width = 0
    _last: tuple[View, int, bool] | None = None

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.set_columns(False)

    def on_resize(self) -> None:
        if self._last is not None:
            self.show(*self._last)

    def _other_cells(self, view: View, acting: int, public: bool, compact: bool) -> list[tuple[str, ...]]:
        """Each delegation's cells but its name, in the full layout or the compact one."""
        roles = ROLE_SHORT if compact else ROLE
        rows: list[tuple[str, ...]] = []
        for d, pub in enumerate(view.delegations):
            role = roles.get(pub.role, pub.role) + ("*" if d in view.venue.signatories else "")
            status = STATUS_SPEAKS[compact] if d == acting else "" if view.present[d] else STATUS_AWAY[compact]
            if public:
                rows.append((role, f"{view.support[d]:>4}", f"{view.concessions[d]:>5}", status))
            elif d == view.me:
                rows.append((role, "(you)", f"{view.support[d]:>3}", status))
            else:
                t = view.trust_in_me[d]
                rows.append((role, f"{t:>3}" if compact else f"{t:>3} {mood(t)}", f"{view.support[d]:>3}", status))
        return rows

    def _name_room(self, rows: list[tuple[str, ...]], headers: tuple[str, ...], compact: bool) -> int:
        """What the table's width leaves the names once the other columns are as wide as their
        cells and headers, with their padding (one column each side). The status column is kept
        wide enough for "away" whoever is away now: at 80 columns a side leaving took three
        columns from every name, and a newcomer saw all the names shorten at once."""
        room = (self.size.width or 80) - 2  # less the vertical scrollbar's, should the rows overflow
        widths = [max(len(h), *(len(r[k]) for r in rows)) for k, h in enumerate(headers[1:])]
        widths[-1] = max(widths[-1], len(STATUS_AWAY[compact]), len(STATUS_SPEAKS[compact]))
        return room - sum(widths) - 2 * len(headers)

    def show(self, view: View, acting: int, public: bool = False) -> None:
        self._last = (view, acting, public)
        rows = self._other_cells(view, acting, public, compact=False)
        room = self._name_room(rows, self.PUBLIC_COLUMNS if public else self.COLUMNS, compact=False)
        headers = self.PUBLIC_COLUMNS if public else self.COLUMNS
        if room < self.NAME_FULL_MIN:
            rows = self._other_cells(view, acting, public, compact=True)
            headers = self.COMPACT_PUBLIC_COLUMNS if public else self.COMPACT_COLUMNS
            room = self._name_room(rows, headers, compact=True)
            if room < self.NAME_FULL_MIN and not public:
                headers = self.NARROW_COLUMNS  # "Trust" gives the names five more columns
                room = self._name_room(rows, headers, compact=True)
        width = max(self.NAME_MIN, min(self.NAME_MAX, room))
        self.set_columns(public, headers)
        if width != self._name_width:
            self._name_width = width
            self.refit()  # a column only ever widens: narrower names need it measured afresh
        # those seated at this venue first, the ones not seated here after them, each in the
        # file's order: at 80x24 the panel shows six or seven rows, and the campaign's first venue,
        # listing the two delegations that wait for Sochi third and fourth, left Iran, a
        # signatory, out of sight. A side that leaves keeps its row, marked away: ordered by who
        # was present now, the rows reordered under a newcomer's eyes when a side walked out
        seated = set(view.venue.turn_order)
        order = sorted(range(len(view.delegations)), key=lambda d: d not in seated)
        self.fill(
            [
                (pub.id, (Text(named(pub, width), style="bold" if d == acting else ""), *rows[d]))
                for d, pub in ((d, view.delegations[d]) for d in order)
            ]
        )


class _TextPanel(Static):
    """A Static written with rich Text that is redrawn only when the text changes: the table
    refreshes every panel after every move, and most moves change neither the meters nor the
    selected issue (redrawing them anyway wrapped and painted the detail at every frame of an AI
    turn, about half the cost of a fast AI game on screen)."""

    _written: object = None

    def write(self, text: Text, layout: bool = True) -> None:
        signature = _signature(text)
        if signature != self._written:
            self._written = signature
            self.update(text, layout=layout)


class StatusLine(_TextPanel):
    """One line of text, its height fixed by its style: a change of text needs no new layout."""

    def show(self, text: Text) -> None:
        self.write(text, layout=False)


class Meters(_TextPanel):
    """Momentum of the talks and the stability of each zone."""

    _shape: list[int] | None = None  # the length of each line written last

    def show(self, view: View) -> None:
        lines = [f"{'Momentum':<12}{bar(view.momentum)} {view.momentum:>3}"]
        for zone, stability in zip(view.zones, view.stability, strict=True):
            lines.append(f"{pad(short(zone.name, 11), 12)}{bar(stability)} {stability:>3}")
        # (a table without zones has no stability to explain: an author's read as a missing one)
        lines.append(
            "(zones: stability; at 0 momentum the talks collapse)"
            if view.zones
            else "(at 0 momentum the talks collapse)"
        )
        # New figures in lines of the same lengths keep the panel's height: no new layout then
        shape = [len(line) for line in lines]
        self.write(Text("\n".join(lines)), layout=shape != self._shape)  # zone names: text, never markup
        self._shape = shape


class IssueDetail(_TextPanel):
    """Everything public about the selected issue: who stands where, in their own words."""

    def show(self, view: View, issue: int, public: bool = False, brief: bool = False) -> None:
        """`brief`: below the side's own worths, its walk-away value and what its meetings had
        taught it of the others' weight on the issue (the replay's private view, which has no
        brief of its own to hold them)."""
        the_issue = view.issues[issue]
        text = Text()
        text.append(the_issue.name + "\n", style="bold")
        if the_issue.description:
            text.append(the_issue.description.strip() + "\n")
        text.append(f"Status quo: {the_issue.options[the_issue.status_quo].label}\n", style="dim")
        for d, pub in enumerate(view.delegations):
            position = view.positions[d][issue]
            if position < 0:
                continue
            me = d == view.me and not public
            who = "You" if me else pub.name
            text.append(f"• {who}: ", style="bold" if me else "")
            text.append(the_issue.options[position].label)
            red = view.red_lines[d][issue]
            if red:
                text.append("  red line: " + ", ".join(the_issue.options[o].label for o in sorted(red)), style="red")
            text.append("\n")
            stance = pub.stances[issue] if pub.stances else ""
            if stance:
                text.append(f"    “{stance.strip()}”\n", style="italic")
        if not public:
            values = ", ".join(f"{o.label}: {view.own.values[issue][k]:.2f}" for k, o in enumerate(the_issue.options))
            text.append(
                f"What each option is worth to you (weight {view.own.weights[issue]:.2f}): {values}", style="dim"
            )
            if brief:
                text.append(f"\nYour walk-away value: {view.own.reservation:.2f}", style="dim")
                for subject, about, weight in view.learned:
                    if about == issue:
                        text.append(
                            f"\nLearnt in a meeting: {view.delegations[subject].name} weighs it at {weight:.0%}"
                        )
        if public:
            text.rstrip()
        self.write(text)
