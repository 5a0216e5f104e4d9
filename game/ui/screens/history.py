"""The history: the whole game so far on one screen, round by round, each round opened by a
summary line, filtered by round, by delegation and by kind of move, written to the width."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from game.engine.model import Scenario
from game.engine.records import in_sentence, verb_for
from game.play.history import KINDS, Chronicle, Filter, Line, picked, summaries
from game.ui.format import brief_issue, named, short
from game.ui.widgets.keybar import KeyBar
from game.ui.widgets.wrapped import WrappedText

_STYLE = {
    "event": "bold",
    "agreement": "bold",
    "walk_out": "bold",
    "pulled_out": "bold",
    "left": "bold",
    "venue_end": "bold",
    "game_over": "bold",
    "broken": "bold",
}


def compact_package(
    scenario: Scenario, package: tuple[tuple[int, int], ...], changed: frozenset[int], whole: bool = False
) -> Text:
    """ "Detainees: A working group… · Idlib zone: …", what changed marked with * and in bold;
    `whole`, every issue's name and option's label in full (the history screen's: cut to fit the
    table's few lines of transcript, two options of one issue could not be told apart there)."""
    text = Text()
    for k, (i, o) in enumerate(package):
        if k:
            text.append(" · ")
        new = i in changed
        issue = scenario.issues[i]
        name, label = (
            (issue.name, issue.options[o].label)
            if whole
            else (brief_issue(issue.name, 18), short(issue.options[o].label, 26))
        )
        text.append(f"{'*' if new else ''}{name}: {label}", style="bold" if new else "")
    return text


MINE = "▸ "  # before the viewer's own moves in the history (its header says so)


def narrate(scenario: Scenario, me: int, chronicle: Chronicle, line: Line, whole: bool = False) -> Text:
    """One line of the game for `me` (-1: for nobody in particular): a proposal with its package
    written compactly (what changed since its author's last one marked), anything else as the
    engine said it. Every delegation is named in the third person, the viewer's too, as the
    engine's own lines name it (the history said "You propose" and "asks you" beside "Government
    of the Syrian Arab Republic concedes"): the viewer's own moves are marked instead, and the
    answers to its proposals are in bold. `whole`: packages in full (compact_package)."""
    sc = scenario
    record = line.record
    if record.kind in ("propose", "draft") and line.tabled in chronicle.tabled:
        t = chronicle.tabled[line.tabled]
        author = sc.delegations[t.author]
        to = ", ".join(in_sentence(sc.delegations[d].name) for d in t.to)
        verb = verb_for(author.plural, "tables draft" if t.draft else "proposes")
        text = Text(f"{author.name} {verb} #{t.id} to {to}: ")
        before = dict(chronicle.tabled[t.previous].package) if t.previous >= 0 else None
        changed = frozenset(i for i, o in t.package if before is not None and before.get(i) != o)
        text.append_text(compact_package(sc, t.package, changed, whole))
    elif record.kind == "meet" and line.other >= 0 and line.actor >= 0:
        # the engine says that two delegations met; the line says which of them asked
        asker = sc.delegations[line.actor]
        other = in_sentence(sc.delegations[line.other].name)
        text = Text(f"{asker.name} {verb_for(asker.plural, 'asks')} {other} for a private meeting, and they meet.")
    else:
        style = _STYLE.get(record.kind, "")
        if me >= 0 and record.kind == "respond" and chronicle.author_of(line.answered) == me:
            style = "bold"  # an answer to one of the player's own proposals
        text = Text(record.text, style=style)
    reason = line.reason
    if reason:  # an AI's answer says why, in words, as the table's transcript said it
        text.append(f"  ({reason})", style="dim italic")
    if me >= 0 and line.actor == me and record.kind == line.kind:
        # the move itself, not what followed from it ("Proposal #1 fails: ..." after an answer)
        text = Text(MINE, style="bold").append_text(text)
    return text


class HistoryScreen(Screen[None]):
    """Everything that was said and done, newest at the bottom, with filters on keys."""

    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "round(1)", "Round"),
        Binding("R", "round(-1)", "Round back", show=False),
        Binding("d", "delegation(1)", "Delegation"),
        Binding("D", "delegation(-1)", "Delegation back", show=False),
        Binding("k", "kind(1)", "Kind"),
        Binding("K", "kind(-1)", "Kind back", show=False),
        Binding("a", "answers", "Answers to me"),
        Binding("x", "clear", "All"),
        Binding("escape,h,q", "close", "Back"),
    ]

    def __init__(self, scenario: Scenario, me: int, chronicle: Chronicle) -> None:
        super().__init__()
        self.scenario = scenario
        self.me = me
        self.chronicle = chronicle
        self.rounds = chronicle.rounds()
        self.filter = Filter()

    def compose(self) -> ComposeResult:
        yield Static(id="history-filters")
        yield WrappedText(id="history-text")
        yield KeyBar([b for b in self.BINDINGS if isinstance(b, Binding)], id="history-keys")

    def on_mount(self) -> None:
        self.query_one(WrappedText).focus()
        self.show()

    def show(self) -> None:
        self.query_one("#history-filters", Static).update(self._filters())
        self.query_one(WrappedText).show(self.paragraphs(), end=True)

    def grown(self) -> None:
        """The game went on under the history (the AI's moves): its new lines shown, and a reader
        at the end taken to them (a newcomer waited for an offer the turn's summary named, which
        the history showed only once opened again)."""
        self.rounds = self.chronicle.rounds()
        self.query_one(WrappedText).revise(self.paragraphs())
        self.query_one("#history-filters", Static).update(self._filters())

    def on_resize(self) -> None:
        # the filters' line is fitted to the width (_filters)
        self.query_one("#history-filters", Static).update(self._filters())

    def text(self) -> str:
        """What the history shows now, as plain wrapped lines."""
        return self.query_one(WrappedText).plain

    def _filters(self) -> Text:
        f = self.filter
        venues = self.scenario.venues
        if f.round is None:
            where = "every round"
        else:
            where = f"round {f.round[1]}" + (f" of {in_sentence(venues[f.round[0]].name)}" if len(venues) > 1 else "")
        who = "everyone" if f.delegation < 0 else named(self.scenario.delegations[f.delegation], 28)
        keys = "k, a" if f.kind == "answers to me" else "k"  # a, the shortcut to this one
        filters = f"{where} (r) · {short(who, 28)} (d) · {f.kind} ({keys})"
        legend = f"{MINE.strip()} = your moves · "
        # on one line: where the whole does not fit (80 columns with "answers to me (k, a)"), the
        # legend of the marks goes first (the help's line for h gives it too), then the title
        width = self.size.width or 80
        for head, mark in ((" History · ", legend), (" History · ", ""), (" ", "")):
            if cell_len(head + mark + filters) <= width - 1:
                break
        text = Text(head, style="bold")
        text.append(mark + filters)
        return text

    def paragraphs(self) -> list[Text]:
        sc = self.scenario
        sums = summaries(self.chronicle)
        out: list[Text] = []
        current: tuple[int, int] | None = None
        for line in picked(self.chronicle, self.me, self.filter):
            key = (line.venue, line.round)
            if key != current:
                current = key
                if out:
                    out.append(Text(""))
                venue = f"{sc.venues[key[0]].name}, " if len(sc.venues) > 1 else ""
                head = Text(f"— {venue}round {key[1]} —", style="bold reverse")
                if key in sums:
                    head.append(" " + sums[key].text(), style="italic")
                out.append(head)
            out.append(self._line(line))
        if not out:
            out.append(Text("Nothing here with these filters (x shows everything)."))
        return out

    def _line(self, line: Line) -> Text:
        return narrate(self.scenario, self.me, self.chronicle, line, whole=True)

    # --- the filters ----------------------------------------------------------------------------

    def action_round(self, step: int) -> None:
        choices: list[tuple[int, int] | None] = [None, *self.rounds]
        at = choices.index(self.filter.round) if self.filter.round in choices else 0
        self._set(Filter(choices[(at + step) % len(choices)], self.filter.delegation, self.filter.kind))

    def action_delegation(self, step: int) -> None:
        n = len(self.scenario.delegations)
        at = self.filter.delegation + 1  # -1 (everyone) first
        self._set(Filter(self.filter.round, (at + step) % (n + 1) - 1, self.filter.kind))

    def action_kind(self, step: int) -> None:
        at = KINDS.index(self.filter.kind)
        self._set(Filter(self.filter.round, self.filter.delegation, KINDS[(at + step) % len(KINDS)]))

    def action_answers(self) -> None:
        kind = "everything" if self.filter.kind == "answers to me" else "answers to me"
        self._set(Filter(self.filter.round, self.filter.delegation, kind))

    def action_clear(self) -> None:
        self._set(Filter())

    def _set(self, wanted: Filter) -> None:
        self.filter = wanted
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)
