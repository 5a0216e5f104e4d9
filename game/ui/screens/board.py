"""The proposals board: every open proposal and draft, what each is worth to the player, who has
answered what; a proposal waiting for the player's answer can be answered here, and any can be
taken into the proposal builder as the start of a counter-proposal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from game.engine.actions import Respond
from game.engine.model import Scenario
from game.engine.records import in_sentence, listed
from game.engine.state import ACCEPTED, PENDING, REJECTED
from game.play.board import Entry
from game.play.choices import PULLED_OUT_MEANS
from game.ui.format import (
    BELOW_BY,
    accept_question,
    against,
    brief_issue,
    kept_yes,
    measured,
    named,
    opening,
    pad,
    reject_question,
    toll_stopped,
    wrap,
)
from game.ui.screens.dialog import dismiss_if_sure
from game.ui.widgets.keybar import KeyBar
from game.ui.widgets.rows import RowTable


@dataclass(frozen=True)
class Counter:
    """Open the proposal builder from this package."""

    package: tuple[tuple[int, int], ...]


BoardChoice = Respond | Counter | None
_ANSWER = {PENDING: "not yet", ACCEPTED: "accepted", REJECTED: "rejected"}


def _width(headers: tuple[str, ...], rows: list[tuple[str | Text, ...]]) -> int:
    """The cells' width of a table of these rows (padding aside), each column as wide as its
    header or its widest cell, in terminal cells."""
    widths = [len(h) for h in headers]
    for row in rows:
        for k, cell in enumerate(row):
            widths[k] = max(widths[k], (Text(cell) if isinstance(cell, str) else cell).cell_len)
    return sum(widths)


def answers_cell(entry: Entry, me: int, wide: bool = True) -> Text:
    """How the others have answered, in words: "1 accepted, 0 rejected, 2 waiting" ("1 yes 0 no
    2 wait" in a narrow terminal); the player's own answer first, or that it is theirs to give.
    (It was "ANSWER 0✓ 0✗ 4…", whose last figure read as a cell cut short.)"""
    said = [r for d, r in entry.answers() if d != me and d not in entry.left]
    mine = entry.proposal.response_of(me)
    text = Text()
    if entry.waiting_for_me:
        text.append("YOUR ANSWER" if wide else "ANSWER", style="bold reverse")
        text.append(" · ")
    elif mine in (ACCEPTED, REJECTED):
        if wide:
            text.append(f"you {'accepted' if mine == ACCEPTED else 'rejected'} · ")
        else:
            text.append(f"you: {'yes' if mine == ACCEPTED else 'no'} · ")
    yes, no, waiting = said.count(ACCEPTED), said.count(REJECTED), said.count(PENDING)
    if wide:
        text.append(f"{yes} accepted, {no} rejected, {waiting} waiting")
        if entry.left:
            text.append(f", {len(entry.left)} left")
    else:
        text.append(f"{yes} yes {no} no {waiting} wait")
    return text


def worth_cell(entry: Entry) -> Text:
    """The row's worth and where it stands: against the walk-away value, or against what is
    agreed already once something is (as the detail below measures it)."""
    base = entry.walk_away if entry.agreed is None else entry.agreed
    worth, _, where = against(entry.worth, base)
    return Text(f"{worth} {where}", style="bold" if where == "BELOW" else "")


def issues_cell(entry: Entry) -> str:
    """The list's Issues cell: how many issues the package settles, then how many of them its
    author moved on ("7, 5*"), each marked * in the detail below, whose legend says so ("4 new"
    read as four new issues)."""
    changed = len(entry.changed)
    return f"{len(entry.items)}, {changed}*" if changed else f"{len(entry.items)}"


_HEADERS = ("#", "From", "Issues", "Worth to you", "Answers from the others")
# the notes after an option's worth in the detail
RED_LINE, YOURS = "  ✗ red line", "  = yours"


class BoardScreen(Screen[BoardChoice]):
    """The proposals on the table, one row each; the highlighted one in full below."""

    CSS_PATH = "board.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "answer(True)", "Accept"),
        Binding("r", "answer(False)", "Reject"),
        Binding("e,p", "counter", "Edit as counter"),
        Binding("escape,o,q", "close", "Back"),
        # the detail scrolls from the list too (before the list's own paging, which the short list
        # does not need): a newcomer found its last lines out of reach until
        # a Tab put the focus in it, and nothing said so
        Binding("pagedown", "detail(1)", "Scroll the detail", show=False, priority=True),
        Binding("pageup", "detail(-1)", "Scroll the detail up", show=False, priority=True),
    ]

    def __init__(
        self,
        scenario: Scenario,
        me: int,
        entries: tuple[Entry, ...],
        my_turn: bool,
        heading: str,
        counter_refusal: str = "",
    ) -> None:
        """`counter_refusal`: why the rules refuse a proposal now, on the player's turn (the
        engine's reason: "answer the mediator's draft #1 first"), "" where they allow one."""
        super().__init__()
        self.scenario = scenario
        self.me = me
        self.entries = entries
        self.my_turn = my_turn
        self.heading = heading
        self.counter_refusal = counter_refusal

    def compose(self) -> ComposeResult:
        yield Static(Text(self.heading, style="bold"), id="board-head")
        table = RowTable(id="board-list")
        yield table
        with VerticalScroll(id="board-detail-box"):
            yield Static(id="board-detail")
        yield Static("", id="board-problem")
        yield KeyBar([b for b in self.BINDINGS if isinstance(b, Binding)], id="board-keys")

    def on_mount(self) -> None:
        table = self.query_one("#board-list", DataTable)
        table.add_columns(*_HEADERS)
        self._fill()
        table.focus()

    def show_contents(self, entries: tuple[Entry, ...], my_turn: bool, heading: str, counter_refusal: str = "") -> None:
        """The table beneath moved on while the board was open (the others' moves, a new round):
        show the proposals as they are now, the cursor kept on the proposal it was on where that
        is still open. Else a board opened during the others' moves kept their round's proposals
        and refused to answer once the turn had come back ("Wait for your turn")."""
        if (entries, my_turn, heading, counter_refusal) == (
            self.entries,
            self.my_turn,
            self.heading,
            self.counter_refusal,
        ):
            return
        current = self.current()
        self.entries, self.my_turn, self.heading = entries, my_turn, heading
        self.counter_refusal = counter_refusal
        self.query_one("#board-head", Static).update(Text(self.heading, style="bold"))
        self.query_one("#board-problem", Static).update("")
        table = self.query_one("#board-list", DataTable)
        table.clear(columns=True)  # the columns too: their widths would keep the old rows' widest cells
        table.add_columns(*_HEADERS)
        self._fill()
        ids = [e.proposal.id for e in entries]
        if current is not None and current.proposal.id in ids:
            table.move_cursor(row=ids.index(current.proposal.id))

    def _fill(self) -> None:
        table = self.query_one("#board-list", DataTable)
        # the answers in words where the whole row fits the screen in words (its cells, their
        # padding and the scroll bar), else in short: a fixed bound of 110 columns wrote them short
        # on boards whose authors' names left room
        wide = self.rows(True)
        fits = _width(_HEADERS, wide) + 2 * table.cell_padding * len(_HEADERS) + 2 <= self.app.size.width
        for row in wide if fits else self.rows(False):
            table.add_row(*row)
        detail = self.query_one("#board-detail", Static)
        if not self.entries:
            detail.update(
                "No proposal is open. Press p at the table (or e here) to make one; proposals lapse at the end of the round after the one they were made in."
            )
        self._show()

    def rows(self, wide: bool) -> list[tuple[str | Text, ...]]:
        """The board's rows, the answers and the authors' names written out (`wide`) or short."""
        names = self.scenario.delegations
        rows: list[tuple[str | Text, ...]] = []
        for e in self.entries:
            p = e.proposal
            author = "you" if p.author == self.me else named(names[p.author], 20 if wide else 14)
            rows.append(
                (
                    f"{p.id}{' draft' if p.draft else ''}",
                    Text(author),
                    issues_cell(e),
                    worth_cell(e),
                    answers_cell(e, self.me, wide),
                )
            )
        return rows

    @on(DataTable.RowHighlighted, "#board-list")
    def _show(self) -> None:
        entry = self.current()
        self._strike_keys(entry)
        if entry is None:
            return
        box = self.query_one("#board-detail", Static)
        # the detail's own width once laid out; before that, the screen's less padding and bar
        self.query_one("#board-detail", Static).update(
            self.detail(entry, box.size.width or (self.size.width or 80) - 4)
        )

    def on_resize(self) -> None:
        self._show()

    def current(self) -> Entry | None:
        if not self.entries:
            return None
        row = self.query_one("#board-list", DataTable).cursor_row
        return self.entries[min(max(row, 0), len(self.entries) - 1)]

    def detail(self, e: Entry, width: int) -> Text:
        sc, p = self.scenario, e.proposal
        name = in_sentence(sc.delegations[p.author].name)
        text = Text()
        kind = "Draft text" if p.draft else "Proposal"
        text.append(f"#{p.id} {kind} from ", style="bold")
        text.append("you" if p.author == self.me else name, style="bold")
        text.append(f", round {p.round}\n")
        worth, words, where = measured(e.worth, e.walk_away, e.agreed, your=True)
        text.append(
            f"If agreed: worth {worth} to you, {words}\n",
            style="bold reverse" if where == "BELOW" else "bold",
        )
        if e.signing:
            # what `a` would sign away at home, as the answer dialog says it
            text.append(opening(e.signing))
            if e.pulls_out:
                text.append(
                    f" · your hardliners would pull you out: {e.pulled_then}; you would {PULLED_OUT_MEANS}",
                    style="bold reverse",
                )
            text.append("\n")
        text.append("Answers: ")
        for k, (d, answer) in enumerate(e.answers()):
            if k:
                text.append(" · ")
            who = "you" if d == self.me else sc.delegations[d].name
            said = "left without answering" if d in e.left else _ANSWER[answer]
            text.append(f"{who} {said}", style="bold" if d == self.me and answer == PENDING else "")
        text.append("\n")
        if e.dropped:
            # whole names, as a sentence has them (the detail wraps): cut to a column's width, the
            # line ended "put on Automation of the north termi…" at 80 columns
            left = listed([in_sentence(sc.issues[i].name) for i in e.dropped])
            text.append(f"It leaves out what its proposal #{e.previous} put on {left}.\n", style="bold")
        # the list's Issues cell read: "7, 5*" had nothing to say what the 7 was (a newcomer's)
        count = len(e.items)
        legend = f"Issues {issues_cell(e)}: {count} issue{'s' if count != 1 else ''}"
        if e.previous >= 0 and not e.changed:
            # tabled again as it was: a legend for * over lines that carry none sent a newcomer
            # looking for what had moved
            kept = "the issues it keeps" if e.dropped else "its issues"
            legend += f"; nothing changed on {kept} since its proposal #{e.previous}"
        elif e.previous >= 0:
            legend += f", {len(e.changed)} marked * (new since its proposal #{e.previous})"
        elif e.changed:
            legend += f", {len(e.changed)} marked * (off its author's stated position)"
        else:
            legend += ", none off its author's stated position"
        if any(item.mine for item in e.items):  # (as for *: no legend for a mark no line carries)
            yours = "= yours: your stated position"
            # on the legend's line where both fit, else on its own: not cut mid-phrase by the wrap
            legend += f" · {yours}" if cell_len(f"{legend} · {yours}") <= width else f"\n{yours}"
        text.append(f"{legend}\n", style="dim")
        # mark, issue, gap, worth, and the widest note the package's lines carry (none: the labels
        # take its room), so that a line and its note always fit the width together
        notes = max(
            ((len(RED_LINE) if item.red_line else len(YOURS) if item.mine else 0) for item in e.items), default=0
        )
        label_width = max(12, width - 2 - 21 - 1 - 4 - notes)
        for item in e.items:
            issue = sc.issues[item.issue]
            mark = "*" if item.changed else " "
            line = Text(f"{mark} {pad(brief_issue(issue.name, 20), 20)} ", style="bold" if item.changed else "")
            # the option's whole label, wrapped under itself: cut with "…" at 80 columns, two
            # options of one issue could not be told apart ("The date, the preparatory mee…")
            label = wrap(issue.options[item.option].label, label_width) or [""]
            line.append(f"{pad(label[0], label_width)} ")
            line.append(f"{item.worth:.2f}")
            if item.red_line:
                line.append(RED_LINE, style="bold")
            elif item.mine:
                line.append(YOURS, style="dim")
            text.append_text(line)
            text.append("\n")
            for more in label[1:]:
                text.append(f"{'':23}{more}\n")
        text.rstrip()
        return text

    def _strike_keys(self, entry: Entry | None) -> None:
        """Accept and Reject struck through where they would be refused for the highlighted
        proposal (not put to the player, already answered, or not the player's turn), and Edit
        where the turn is another's: a newcomer playing a seat that signs nothing was offered
        both on every row, and each press only said no."""
        answer = self._answer_refusal(entry)
        refused = {"answer(True)": answer, "answer(False)": answer} if answer else {}
        if self._counter_refusal():
            refused["counter"] = self._counter_refusal()
        bar = self.query_one("#board-keys", KeyBar)
        if refused != bar.refused:
            bar.refused = refused
            bar.refresh()

    def _answer_refusal(self, entry: Entry | None) -> str:
        if entry is None:
            return "No proposal is open."
        if not entry.waiting_for_me:
            return "This proposal is not waiting for your answer."
        return "" if self.my_turn else "Wait for your turn to answer."

    def action_detail(self, pages: int) -> None:
        box = self.query_one("#board-detail-box", VerticalScroll)
        if pages > 0:
            box.scroll_page_down()
        else:
            box.scroll_page_up()

    def _problem(self, message: str) -> None:
        self.query_one("#board-problem", Static).update(message)

    def action_answer(self, accept: bool) -> None:
        entry = self.current()
        refusal = self._answer_refusal(entry)
        if entry is None or refusal:
            self._problem(refusal)
            return
        actor = self.scenario.delegations[self.me].id
        answer = Respond(actor=actor, proposal=entry.proposal.id, accept=accept)
        if accept:
            self._accept(entry, answer)
            return
        # `r` answers at the table (it opens the answer dialog) and rejects here: a newcomer
        # pressed it on the board to answer and had refused an offer with no word; a refusal
        # cannot be taken back, so it is asked about first, where the offer is worth having (below
        # the walk-away value, "Think again" as the safe answer read backwards to two newcomers)
        p = entry.proposal
        author = in_sentence(self.scenario.delegations[p.author].name)
        # (measured as the detail measures it: against what is agreed already, where there is some)
        worth, words, where = measured(entry.worth, entry.walk_away, entry.agreed, your=True)
        if where == "BELOW":
            self.dismiss(answer)
            return
        pulled = entry.pulled_then if entry.pulls_out else ""
        accepted = [
            (e.proposal.id, e.worth)
            for e in self.entries
            if e.proposal.id != p.id and e.proposal.response_of(self.me) == ACCEPTED
        ]
        kept = kept_yes(accepted, entry.worth)
        question = reject_question(p.id, author, worth, words, *entry.toll, entry.venues_follow, pulled, kept)

        dismiss_if_sure(self, question, "Reject", answer)

    def _counter_refusal(self) -> str:
        """Why Edit as counter is refused: not the player's turn, or the rules refuse a proposal
        now. A newcomer edited a package from the board with a mediator's draft unanswered, and
        lost the edits to "answer the mediator's draft #1 first" when sending it."""
        if not self.my_turn:
            return "Wait for your turn to propose."
        reason = self.counter_refusal
        return opening(reason) + "." if reason else ""

    def _accept(self, entry: Entry, answer: Respond) -> None:
        """`a` signs at once, but asks first where signing gets the player pulled out by its
        hardliners, or where another offer waiting for the player's answer is worth more: a
        newcomer, the cursor one row below where they thought it was, signed an offer worth
        0.37 over one worth 0.51, and was pulled out by the support it cost."""
        p = entry.proposal
        # (better by half a hundredth or more: both are then written to the places that tell them apart)
        better = max(
            (e for e in self.entries if e.waiting_for_me and e.proposal.id != p.id and e.worth >= entry.worth + 0.005),
            key=lambda e: e.worth,
            default=None,
        )
        worth, words, where = measured(entry.worth, entry.walk_away, entry.agreed, your=True)
        reference = entry.walk_away if entry.agreed is None else entry.agreed
        below = where == "BELOW" and entry.worth <= reference - BELOW_BY and entry.signs
        if not entry.pulls_out and better is None and not below:
            self.dismiss(answer)
            return
        author = in_sentence(self.scenario.delegations[p.author].name)
        pulled = f"{opening(entry.signing)}: your hardliners would pull you out ({entry.pulled_then}); you would {PULLED_OUT_MEANS}."
        question = accept_question(
            p.id,
            author,
            worth,
            entry.worth,
            None if better is None else (better.proposal.id, better.worth),
            pulled if entry.pulls_out else "",
            words if below else "",
            entry.decides,
            toll_stopped(*entry.toll, entry.venues_follow),
        )

        dismiss_if_sure(self, question, "Accept", answer)

    def action_counter(self) -> None:
        entry = self.current()
        if refusal := self._counter_refusal():
            self._problem(refusal)
            return
        self.dismiss(Counter(entry.proposal.package if entry is not None else ()))

    def action_close(self) -> None:
        self.dismiss(None)
