"""The replay viewer: a saved game's table, read-only, at any step of its action log.

The screen owns the timeline (the states the loader's replay passed through) and the step shown;
the panels are the playing table's, given a View of the state at that step. Until the game in
the save is over only the public view is shown: a save of a game still being played must not
give away any side's priorities. Autoplay is a Textual timer that stops at the end.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import DataTable, RichLog, Static

from game.engine import State, view_for
from game.engine.records import in_sentence
from game.engine.view import View
from game.saves.timeline import Timeline
from game.ui.format import action_phrase, named, short
from game.ui.keys import TABLE_KEYS
from game.ui.screens.filling import Filling
from game.ui.screens.replay_dialogs import JumpDialog, ReplayHelp
from game.ui.shown import shown_path
from game.ui.transcript import said
from game.ui.widgets.keybar import KeyBar
from game.ui.widgets.panels import AgendaTable, DelegationsTable, IssueDetail, Meters

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)  # autoplay, in steps a second
DEFAULT_SPEED = 2
TRANSCRIPT = 50  # records the transcript shows after a jump (more would make a jump slower)

# The table's keys a player reaches for out of habit, which the viewer has no use for: each says so,
# and what the viewer has in its place, rather than nothing happening (a newcomer pressed o for the
# board, saw nothing, and took the viewer to have gone).
NOT_IN_A_REPLAY = {
    "o": "No proposals board in a replay: the transcript shows each proposal and its answers.",
    "h": "No history screen in a replay: the transcript is the game to this step (PgUp, PgDn: by round).",
    "i": "No brief in a replay: v shows each side's own view once the game is over.",
}
NO_MOVES = "No moves in a replay: it shows the game as it was played."
MOVE_KEYS = frozenset(key for k in TABLE_KEYS if k.turn for key in k.keys.split(","))


def once_up(action: Callable[[ReplayScreen], None]) -> Callable[[ReplayScreen], None]:
    """A key's action that waits until the viewer is up.

    Textual runs a screen's key bindings from the app's own task as soon as the screen is on top
    of the stack, before its widgets exist: a key pressed while a save loads (sent to the screen
    beneath, and back to the app unanswered) or a priority key in the app's queue can reach the
    viewer the moment it is pushed. Run then, Escape dismissed a viewer still being built and its
    on_mount found no widgets. Such an action goes to the end of the viewer's own queue instead,
    which is handled once it has mounted, so the key still does what the player meant."""

    @functools.wraps(action)
    def run(screen: ReplayScreen) -> None:
        if screen.is_mounted:
            action(screen)
        else:
            screen.call_later(action, screen)

    return run


class ReplayScreen(Filling):
    """A saved game's table at one step of its log; dismissed (None) when the player leaves."""

    CSS_PATH = "replay.tcss"
    # the transcript filling the screen (`t`) keeps the status lines and the key row with it
    ALLOW_IN_MAXIMIZED_VIEW = "#replay-status, #replay-mode, #replay-keys"
    # a short terminal (80x24) gets a shorter transcript, so the agenda and delegations fit
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012 (Textual's own annotation)
    # The keys that move through the game take priority over the agenda table's own cursor
    # keys, which would otherwise swallow them while it has the focus.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "back", "Back", key_display="←", priority=True),
        Binding("right", "forward", "Forward", key_display="→", priority=True),
        Binding("pageup", "previous_round", "Round back", show=False, priority=True),
        Binding("pagedown", "next_round", "Round on", show=False, priority=True),
        Binding("home", "start", "Start", show=False, priority=True),
        Binding("end", "end", "End", show=False, priority=True),
        Binding("space", "autoplay", "Play", priority=True),
        Binding("plus,equals_sign", "faster", "Faster", show=False),
        Binding("minus", "slower", "Slower", show=False),
        Binding("g,j", "jump", "Jump"),
        Binding("v", "switch_view", "View"),
        Binding("t", "transcript", "Transcript", show=False),
        Binding("question_mark,f1", "help", "Help"),
        Binding("escape,q", "leave", "Leave"),
    ]

    def __init__(self, timeline: Timeline, save_name: str = "", speed: int = DEFAULT_SPEED) -> None:
        super().__init__()
        self.timeline = timeline
        self.save_name = save_name
        self.step = 0
        self.viewer: int | None = None  # None: the public view
        # the view the reader chose with v: kept while a venue its delegation does not sit at shows
        # the public view, and given back at the next step where it sits again (a tester stepped
        # from Astana back to Sochi and found the SNC's view gone for good)
        self.chosen: int | None = None
        self.speed = speed
        self.timer: Timer | None = None
        self._state = timeline.state_at(0)
        self._transcript_at = -1  # the step the transcript widget shows

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="replay-status")
        yield Static(id="replay-mode")
        with Horizontal(id="replay-main"):
            with Vertical(id="replay-left"):
                yield AgendaTable(id="replay-agenda")
                yield DelegationsTable(id="replay-delegations")
            with Vertical(id="replay-right"):
                with VerticalScroll(id="replay-detail-box"):
                    yield IssueDetail(id="replay-detail")
                yield Meters(id="replay-meters")
        yield RichLog(id="replay-transcript", wrap=True, markup=False, highlight=False, max_lines=1000)
        yield KeyBar([b for b in self.BINDINGS if isinstance(b, Binding)], id="replay-keys")

    def on_mount(self) -> None:
        self.query_one("#replay-delegations", DelegationsTable).can_focus = False
        self.query_one("#replay-agenda", AgendaTable).focus()
        self.go(0)

    # --- what is shown --------------------------------------------------------------------------

    @property
    def state(self) -> State:
        """The state at the step shown."""
        return self._state

    @property
    def public(self) -> bool:
        return self.viewer is None

    def view(self) -> View:
        # The public view is drawn from the first delegation's View, of which the panels then
        # show only the public fields (positions, support, stability, settled issues).
        return view_for(self._state, self.viewer or 0)

    def go(self, step: int) -> None:
        """Show the table as it stood after `step` actions."""
        step = min(max(step, 0), self.timeline.steps)
        self.step = step
        self._state = self.timeline.state_at(step)
        venue = self._state.scenario.venues[self._state.venue]
        if self.viewer is not None and self.viewer not in venue.turn_order:
            # a delegation that does not sit at this step's venue has no view of its table: the
            # SNC's, kept from Sochi back to Astana, read "Idlib zone 0% (no stated position)"
            who = self._state.scenario.delegations[self.viewer].name
            self.viewer = None
            self.notify(f"{who} does not sit at {venue.name}: the public view.", timeout=4, markup=False)
        elif self.viewer is None and self.chosen is not None and self.chosen in venue.turn_order:
            self.viewer = self.chosen
            who = self._state.scenario.delegations[self.chosen].name
            self.notify(f"{who} sits at {venue.name}: its view again.", timeout=4, markup=False)
        self._show_transcript()
        self.refresh_table()
        if step == self.timeline.steps and self.timer is not None:
            self._stop()
            self.notify("The end of the game: autoplay stops.", timeout=3)

    def refresh_table(self) -> None:
        view, state, public = self.view(), self._state, self.public
        for table in (self.query_one(AgendaTable), self.query_one(DelegationsTable)):
            table.refit()  # the columns fit this step, not the widest one seen
        self.query_one(AgendaTable).show(view, public=public)
        self.query_one(DelegationsTable).show(view, -1 if state.over else state.actor, public=public)
        self.query_one(Meters).show(view)
        self._show_detail(view)
        self.query_one("#replay-status", Static).update(self.status())
        self.query_one("#replay-mode", Static).update(self.mode())

    def _show_detail(self, view: View | None = None) -> None:
        view = view or self.view()
        if not view.agenda:
            return
        row = min(max(self.query_one(AgendaTable).cursor_row, 0), len(view.agenda) - 1)
        self.query_one(IssueDetail).show(view, view.agenda[row], public=self.public, brief=True)

    @on(DataTable.RowHighlighted, "#replay-agenda")
    def _issue_chosen(self) -> None:
        self._show_detail()

    def status(self) -> Text:
        """turn T of M · round R · who did what (step T shows the table after turn T)."""
        state, step, timeline = self._state, self.step, self.timeline
        venue = state.scenario.venues[state.venue]
        begins = bool(step) and timeline.begins_round(step)
        # a step whose move ended a round shows the move, then the round that begins after it:
        # "round 2/6 begins · turn 15 · ... passes" read as round 2's first move, and was round 1's last
        here = "" if begins else f"round {state.round}/{venue.rounds} · "
        if step == 0:
            return Text(f" {here}the talks open: turn 1 of {timeline.steps} is next", style="bold")
        entry = timeline.session.log[step - 1]
        actor = state.scenario.delegations[state.scenario.delegation_index[entry.action.actor]]
        # one count, the turn's: "step 48 of 62 · turn 48" said the same number twice, and cut the
        # move's end at 80 columns
        text = Text(f" turn {entry.turn} of {timeline.steps} · {here}", style="bold")
        # the name labels the move, whole or short: a short name takes no verb of the whole name's
        # number ("Dockworkers rejects", of the Marenport Dockworkers' Union), and a whole name
        # that took the verb gave two forms at one table ("Government: passes" of the long-named
        # government a playtester held, "Russian Federation passes" of the AI seats beside it)
        text.append(f"{named(actor, 26)}: {action_phrase(state.scenario, entry.action)}")
        if begins:
            # at a campaign's next venue, which one: the mode line names it above a move made at
            # the venue before
            opened = any(r.kind == "venue" for r in timeline.records_of(step))
            at = f" of {in_sentence(venue.name)}" if opened else ""
            text.append(f" · then round {state.round}/{venue.rounds}{at} begins", style="bold")
        return text

    def mode(self) -> Text:
        """The venue, who speaks next, autoplay and its speed, whose view is shown."""
        state = self._state
        scenario = state.scenario
        text = Text(f" {short(scenario.venues[state.venue].name, 20)} · ")
        if state.over:
            text.append("the game is over")
        else:
            text.append(f"next: {named(scenario.delegations[state.actor], 22)}")
        speed = f"{SPEEDS[self.speed]:g}/s"
        text.append(" · ")
        text.append(f"▶ playing {speed}" if self.timer is not None else f"⏸ {speed}", style="bold")
        text.append(" · ")
        if self.viewer is None:
            text.append("public view")
        else:
            name = named(scenario.delegations[self.viewer], 22)
            whose = name + ("'" if name.endswith("s") else "'s")  # "United Nations' view" (a playtester)
            text.append(f"{whose} view", style="reverse")
        if self.save_name:
            # a file's name: an escape sequence in it set the terminal's title (`replay FILE`)
            text.append(f" · {shown_path(self.save_name)}", style="dim")  # last: the first to go on a narrow screen
        return text

    def _show_transcript(self) -> None:
        log = self.query_one("#replay-transcript", RichLog)
        step = self.step
        if step == self._transcript_at:
            return
        if step == self._transcript_at + 1 and self._transcript_at >= 0:
            told = self.timeline.told_of(step)  # one step on: add what it told
        else:
            log.clear()
            told = self.timeline.told_to(step, last=TRANSCRIPT)
        if told:
            # one write for them all: RichLog measures and wraps each write on its own, and a
            # write a record would make a jump several times slower
            log.write(Text("\n").join(said(record, reason) for record, reason in told))
        self._transcript_at = step

    # --- moving ---------------------------------------------------------------------------------

    @once_up
    def action_forward(self) -> None:
        if self.step == self.timeline.steps:
            self.notify("This is the end of the game: ← goes back, Home to the opening.", timeout=3)
            return
        self.go(self.step + 1)

    @once_up
    def action_back(self) -> None:
        if self.step == 0:
            self.notify("This is the opening: → goes forward, End to the end.", timeout=3)
            return
        self.go(self.step - 1)

    @once_up
    def action_next_round(self) -> None:
        self.go(self.timeline.round_after(self.step))

    @once_up
    def action_previous_round(self) -> None:
        self.go(self.timeline.round_before(self.step))

    @once_up
    def action_start(self) -> None:
        self.go(0)

    @once_up
    def action_end(self) -> None:
        self.go(self.timeline.steps)

    @once_up
    def action_jump(self) -> None:
        def jump(turn: int | None) -> None:
            if turn is not None:
                self.go(turn)

        self.app.push_screen(JumpDialog(self.timeline.steps, self.step), jump)

    # --- autoplay -------------------------------------------------------------------------------

    @once_up
    def action_autoplay(self) -> None:
        if self.timer is not None:
            self._stop()
        elif self.step == self.timeline.steps:
            self.notify("This is the end of the game: Home goes back to the opening.", timeout=3)
        else:
            self._start()
        self.query_one("#replay-mode", Static).update(self.mode())

    def _start(self) -> None:
        self.timer = self.set_interval(1 / SPEEDS[self.speed], self._tick)

    def _stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.query_one("#replay-mode", Static).update(self.mode())

    def _tick(self) -> None:
        if self.step < self.timeline.steps:
            self.go(self.step + 1)
        else:
            self._stop()

    def _set_speed(self, speed: int) -> None:
        self.speed = min(max(speed, 0), len(SPEEDS) - 1)
        if self.timer is not None:
            self._stop()
            self._start()
        self.query_one("#replay-mode", Static).update(self.mode())
        rate = SPEEDS[self.speed]
        self.notify(f"Autoplay: {rate:g} step{'' if rate == 1 else 's'} a second", timeout=2)

    @once_up
    def action_faster(self) -> None:
        self._set_speed(self.speed + 1)

    @once_up
    def action_slower(self) -> None:
        self._set_speed(self.speed - 1)

    # --- whose view -----------------------------------------------------------------------------

    @once_up
    def action_switch_view(self) -> None:
        if not self.timeline.over:
            self.notify(
                "The game in this save is still running, so the replay shows only the public view: "
                "no side's private priorities are given away. Each side's view opens once the game is over.",
                title="Public view only",
                severity="warning",
            )
            return
        # the delegations at the venue of the step shown: at a campaign's Astana, the SNC's view
        # and the platforms' (who sit only at Sochi) read "Idlib zone 0% (none stated)" to a tester
        state = self._state
        seated = sorted(state.scenario.venues[state.venue].turn_order)
        after = [d for d in seated if self.viewer is None or d > self.viewer]
        self.viewer = self.chosen = after[0] if after else None
        self.refresh_table()  # the second status line names whose view it is

    # --- the rest -------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """A table key the viewer does not bind: said to be the table's, and stopped here (none of
        these keys is bound in the viewer, so no binding of its own is kept from running)."""
        said = NOT_IN_A_REPLAY.get(event.key) or (NO_MOVES if event.key in MOVE_KEYS else "")
        if said:
            event.stop()
            self.notify(said, title="Not in a replay", timeout=4, markup=False)

    @once_up
    def action_transcript(self) -> None:
        """The cursor into the transcript, to scroll it with ↑ ↓, or back to the agenda, as `t`
        does at the table: at 80x24 the transcript shows four lines, and no key reached the rest
        (a tester read the end of a long agreement only with the mouse)."""
        self.fill_with(self.query_one("#replay-transcript", RichLog), self.query_one("#replay-agenda", AgendaTable))

    @once_up
    def action_help(self) -> None:
        self.app.push_screen(ReplayHelp())

    @once_up
    def action_leave(self) -> None:
        self._stop()
        self.dismiss(None)

    def commands(self) -> Iterable[tuple[str, str, Callable[[], None]]]:
        """The command palette's entries: one for every key."""
        return (
            ("Replay: one action forward", "→", self.action_forward),
            ("Replay: one action back", "←", self.action_back),
            ("Replay: next round", "Page Down: to the start of the next round", self.action_next_round),
            ("Replay: round back", "Page Up: to the start of this round, or the last", self.action_previous_round),
            ("Replay: to the opening", "Home", self.action_start),
            ("Replay: to the end", "End", self.action_end),
            ("Replay: jump to a turn", "g or j: the state after a numbered action", self.action_jump),
            ("Replay: play or pause", "space: step forward on its own, stopping at the end", self.action_autoplay),
            ("Replay: faster", "+: more steps a second", self.action_faster),
            ("Replay: slower", "-: fewer steps a second", self.action_slower),
            (
                "Replay: whose view",
                "v: the public view or a delegation's (once the game is over)",
                self.action_switch_view,
            ),
            (
                "Replay: the transcript",
                "t: the cursor into it, filling the screen, to scroll it with ↑ ↓ (t again: the table)",
                self.action_transcript,
            ),
            ("Replay: help", "? or F1: every key", self.action_help),
            ("Replay: leave", "q or Esc", self.action_leave),
        )
