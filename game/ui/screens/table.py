"""The negotiating table: the screen that owns the game session and alone calls the engine.

Widgets get what they show as attributes (`show(view)`); dialogs return engine actions; AI turns
run in a worker, one at a time at a pace the player sets, so the interface never freezes.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable
from textual.worker import get_current_worker

from game.ai.agent import AgentError, Chooser, Guarded
from game.ai.driver import decide
from game.ai.rehearsal import Abandoned, Rehearsed
from game.engine import Action, GameError, Record, new_game
from game.engine.model import EventCard
from game.engine.records import verb_for
from game.play.choices import learned_of, pending_proposals
from game.play.history import Line
from game.play.moved import Then, last_moves
from game.saves import Session
from game.sim.pool import cores
from game.sim.rehearsers import rehearse_in_workers
from game.sim.seating import label_kind, seat_chooser
from game.ui.ending import ending_lines
from game.ui.format import named
from game.ui.keys import bindings
from game.ui.screens.board import BoardScreen
from game.ui.screens.history import HistoryScreen
from game.ui.screens.notices import HandOver, Notice
from game.ui.screens.table_commands import SPEEDS, TableCommands
from game.ui.since import since_last_move, since_when
from game.ui.transcript import has_whole_form, learnt, transcript_line
from game.ui.widgets.keybar import KeyBar
from game.ui.widgets.panels import AgendaTable, DelegationsTable, IssueDetail, Meters, StatusLine, short
from game.ui.widgets.wrapped import WrappedText

ASKED_POLL = 0.05  # seconds between looks at whether the player's dialog has closed
OUTSIDE_PATIENCE = 3  # seconds an outside agent chooses before the status line counts them
_T = TypeVar("_T")


class TableScreen(TableCommands):
    CSS_PATH = "table.tcss"
    BINDINGS: ClassVar[list[BindingType]] = bindings()  # game/ui/keys.py: one table of the keys

    class GameOver(Message):
        """The game has ended: the app shows the debrief."""

    def __init__(
        self, session: Session, humans: tuple[int, ...], saves_dir: Path, speed: int = 2, autosave: Path | None = None
    ) -> None:
        super().__init__(session, humans, saves_dir, speed, autosave)
        self._choosers: dict[int, Chooser] = {}  # per AI seat, made once (a strategy may remember the game)
        self._unmounted = threading.Event()  # read by the rehearsals' threads (`_game_closed`)
        self._rehearsing: int | None = None  # the AI seat rehearsing before its first move, if one is
        # when the outside agent now choosing began (time.monotonic()), while one is: a newcomer's
        # looping agent left only "speaks… (f: skip)" on the status line, for ever
        self._outside_since: float | None = None
        # Hot-seat: the hand-over screen covering the table, while one is up.
        self.cover: HandOver | None = None
        # Hot-seat: the player the cover was last lifted for, until the table is covered again.
        self._seated: int | None = None
        # Per human seat, the history's length and its walk-away value after its last move: what
        # came after is summed up when the turn comes back to it (game/ui/since.py).
        # (None: not known, for a game loaded from its save, which keeps the moves only)
        # per human seat, as it left the table at its last move: where the history stood, its
        # walk-away value and the table then (None for a game loaded part-way: not kept)
        self._last_move: dict[int, tuple[int, float | None, Then | None]] = {}

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield AgendaTable(id="agenda")
                yield DelegationsTable(id="delegations")
            with Vertical(id="right"):
                with VerticalScroll(id="detail-box"):
                    yield IssueDetail(id="detail")
                yield Meters(id="meters")
        yield WrappedText(id="transcript", more_marker=True)  # re-wrapped to the width after a resize
        yield KeyBar([b for b in self.BINDINGS if isinstance(b, Binding)], id="keys")

    @property
    def hot_seat(self) -> bool:
        return len(self.humans) > 1

    def on_mount(self) -> None:
        if self not in self.app.screen_stack:
            # closed before it finished mounting (play --watch restarting on a quick edit pops
            # every screen): its widgets are gone, and nothing is left to show
            return
        if self.hot_seat:
            # Covered before anything is drawn: a loaded game too waits for its player.
            self._cover_table()
        log = self.query_one("#transcript", WrappedText)
        lines = self.chronicle.lines
        log.show(
            [self._line(line.record, line.reason, line) for line in lines],
            end=True,
            whole=[self._whole(line.record, line.reason, line) for line in lines],
        )
        if self.session.log:
            # a game loaded part-way: what came after each player's last move in its log is
            # summed up at their turn, as it was live, from the table then (played again from
            # the log: a save does not keep it)
            tables = last_moves(
                new_game(self.session.scenario, self.session.seed)[0],
                [entry.action for entry in self.session.log],
                self.humans,
            )
            for seat in self.humans:
                last = max((k for k, line in enumerate(self.chronicle.lines) if line.actor == seat), default=-1)
                then = tables[seat]
                walk_away = then.state.scenario.delegations[seat].reservation
                self._last_move.setdefault(seat, (last + 1, walk_away, then))
        else:
            # a new game: a player's first turn sums up what came before it, as every later one
            # does; in hot-seat play the second player was never told of the meeting the first
            # had asked them to, nor what it taught them
            state = self.session.state
            for seat in self.humans:
                self._last_move.setdefault(
                    seat,
                    (len(self.chronicle.lines), state.scenario.delegations[seat].reservation, Then(state, 0)),
                )
        self.refresh_table()
        self.call_after_refresh(self._show_detail)  # in case the detail panel mounted late
        self._rehearse_ahead()
        opening = [r.text for r in self.session.records if r.kind in ("event", "agenda")]
        if opening and self.humans and not self.session.log:
            # a new game: the first round's events are read before play, as every later round's are
            first_round = next((r.text for r in self.session.records if r.kind == "round"), "The talks open")
            self.app.push_screen(Notice(first_round, "\n\n".join(opening)), lambda _: self.next_turn())
            return
        self.next_turn()

    def _rehearse_ahead(self) -> None:
        """Start the rehearsal of every AI seat that has one (the hard agent's: game.ai.rehearsal),
        in the order the seats move from here, off the event loop: the player reads the opening
        notice or makes a first move meanwhile, and an AI seat's first move waits only for what
        is left of its own rehearsal (the status line says so), not for all of it."""
        state = self.session.state
        if state.over:
            return
        seats = len(state.scenario.delegations)
        ahead = sorted((s for s in range(seats) if s not in self.humans), key=lambda s: (s - state.actor) % seats)
        pending = []
        for seat in ahead:
            try:
                chooser = self._chooser(seat)
            except AgentError:
                # an outside agent whose constructor fails here: left to its seat's move, which
                # meets the failure again and ends the game with it in one line (raised from
                # on_mount, it ended the interface in a traceback)
                continue
            if isinstance(chooser, Rehearsed):
                pending.append((chooser, seat))
        if any(chooser.style is None for chooser, _ in pending):
            # a failure here is left to the seat's own move, which meets it again and reports it
            self.run_worker(partial(_prepare, pending), thread=True, group="rehearsal", exit_on_error=False)

    # --- what the widgets show ------------------------------------------------------------------

    def _gone(self) -> bool:
        # Popped (play --watch restarting the game on an edit): a callback or an AI move already
        # under way finds the widgets being removed, and has nothing left to show.
        return self not in self.app.screen_stack

    def _game_closed(self) -> bool:
        """Asked from a thread (a seat's rehearsal): this game is over for the interface, popped
        or unmounted as the app quits."""
        return self._unmounted.is_set() or self._gone()

    def on_unmount(self) -> None:
        self._unmounted.set()

    def refresh_table(self) -> None:
        if self._gone():
            return
        view = self.view
        state = self.session.state
        self.query_one(AgendaTable).show(view)
        self.query_one(DelegationsTable).show(view, state.actor)
        self.query_one(Meters).show(view)
        self._show_detail()
        refused = self._refused_keys()
        bar = self.query_one(KeyBar)
        if refused != bar.refused:
            bar.refused = refused
            bar.refresh()
        self.query_one("#status", StatusLine).show(self._status(refused))
        for screen in self.app.screen_stack:  # an open proposals board follows the game
            if isinstance(screen, BoardScreen) and screen.is_mounted:
                screen.show_contents(*self.board_contents())

    def _show_status(self) -> None:
        """The status line alone, as it stands (a slow outside agent's seconds, once a second)."""
        if self.is_mounted:
            self.query_one("#status", StatusLine).show(self._status(self.query_one(KeyBar).refused))

    def on_resize(self) -> None:
        # the agenda gives issue names the room the new width has
        if self.is_mounted:
            self.call_after_refresh(self.refresh_table)  # once the panels have their new size

    def _status(self, refused: dict[str, str] | None = None) -> Text:
        state = self.session.state
        sc = state.scenario
        venue = sc.venues[state.venue]
        me = sc.delegations[self.viewer]
        refused = refused or {}
        tail = Text()
        if state.over:
            tail.append("the game is over", style="bold")
        elif state.actor in self.humans and state.actor != self.viewer:
            # hot-seat play, between one player's last move and the hand-over (a meeting's notice
            # up): it had read "YOUR TURN · 2 moves left", the next player's moves
            tail.append(f"your turn is over · next: {named(sc.delegations[state.actor], 26)}", style="bold")
        elif state.closing and state.actor in self.humans:
            closing = "CLOSING SESSION: answer the open proposals (r), or pass (n)"
            if (self.size.width or 80) < len(closing) + 32:  # the venue's shortest name and the round need 28
                closing = "CLOSING SESSION: answer (r) or pass (n)"  # the keys never cut off at 80 columns
            tail.append(closing, style="bold reverse")
        elif state.actor in self.humans:
            blocker = refused.get("statement", "")
            if blocker and "propose" in refused and "concede" in refused:
                # What blocks every move but an answer (the mediator's draft first), said before a key is pressed.
                tail.append(f"YOUR TURN: {blocker} (r)", style="bold reverse")
            else:
                tail.append(f"YOUR TURN · {state.ap} move{'s' if state.ap != 1 else ''} left", style="bold reverse")
                waiting = len(pending_proposals(self.view))
                if waiting:
                    # Answers cost no move, and an offer lapses at the end of the round after the one it
                    # was made in: a newcomer's first turn said nothing of the offers already made to them.
                    if self.view.me in self.view.venue.signatories:
                        tail.append(f" · {waiting} offer{'s' if waiting != 1 else ''} to answer (r)", style="bold")
                    else:  # put to a side that signs nothing here: its answer is its voice, not a vote
                        tail.append(f" · {waiting} put to you (r)", style="bold")
        elif self._rehearsing == state.actor:
            speaker = sc.delegations[state.actor]  # a plural name takes a plural verb ("Cuba and Norway speak")
            tail.append(
                f"{named(speaker, 26)} {verb_for(speaker.plural, 'rehearses')} the talks before {'their' if speaker.plural else 'its'} first move…"
            )
        elif self._outside_since is not None and time.monotonic() - self._outside_since >= OUTSIDE_PATIENCE:
            # an outside agent slow to choose: how long, and the way out (f skips the pauses
            # between moves, not a move's own thinking)
            waited = int(time.monotonic() - self._outside_since)
            speaker = sc.delegations[state.actor]
            slow = f"{named(speaker, 26)}: its agent has been choosing for {waited} s (ctrl+q: save and leave)"
            if (self.size.width or 80) < len(slow) + 32:  # as the closing session's: whole at 80 columns
                slow = f"{named(speaker, 14)}: agent choosing {waited} s (ctrl+q leaves)"
            tail.append(slow, style="bold")
        else:
            speaker = sc.delegations[state.actor]
            tail.append(f"{named(speaker, 26)} {verb_for(speaker.plural, 'speaks')}… (f: skip)")
        width = self.size.width or 80
        rounds = f" · round {state.round}/{venue.rounds} · "
        # the player's name gives way first, then the venue's (harbour-contract's "Talks at the
        # mediation service" pushed "draft #1 first (r)" off an 80-column line), so that the turn
        # and what blocks it always show
        place = short(venue.name, max(12, width - len(rounds) - tail.cell_len - 4))
        head = f" {place}{rounds}"
        room = width - cell_len(head) - tail.cell_len - 3
        if self.hot_seat and room < 8:
            # whose table it is matters more than where: the venue gives way to the seat's name
            # (at 80 columns a hot-seat table said only "(you)" of whose it was)
            head = f" R{state.round}/{venue.rounds} · "
            room = width - cell_len(head) - tail.cell_len - 3
        text = Text(head, style="bold")
        if room >= 8:
            text.append(f"{named(me, room)} · ")  # whole where the line has room (it was cut at 24 at any width)
        text.append_text(tail)
        return text

    def _show_detail(self) -> None:
        if self._gone():
            return
        table = self.query_one(AgendaTable)
        view = self.view
        if not view.agenda:
            return
        row = min(max(table.cursor_row, 0), len(view.agenda) - 1)
        # A widget nested in a container can mount after the screen does: it is shown then.
        for detail in self.query(IssueDetail).results(IssueDetail):
            detail.show(view, view.agenda[row])

    @on(DataTable.RowHighlighted, "#agenda")
    def _issue_chosen(self) -> None:
        self._show_detail()
        # another issue's detail opens at its top, not where shift+↓ had paged the last one (a
        # review found the next issue's name and description scrolled out of view)
        self.query_one("#detail-box").scroll_home(animate=False)

    def _line(self, record: Record, reason: str, line: Line | None = None, whole: bool = False) -> Text:
        return transcript_line(
            self.session.scenario, self.view, self.chronicle, record, reason, line, not self.hot_seat, whole
        )

    def _whole(self, record: Record, reason: str, line: Line | None) -> Text | None:
        """The record's line in full, where the transcript writes it shorter (a proposal's
        package): shown while the transcript fills the screen."""
        return self._line(record, reason, line, whole=True) if has_whole_form(record, line) else None

    def _log(self, records: tuple[Record, ...], reason: str = "", end: bool = False) -> None:
        """Append these records to the transcript; `end` takes the reader to them wherever they
        had scrolled (the player's own move: a newcomer who had scrolled up to read saw neither
        their move nor any after it, the transcript keeping the place they had left it at)."""
        if self._gone():
            return
        log = self.query_one("#transcript", WrappedText)
        # the history's lines for these records: the last ones, as _play has just added them
        lines = {id(line.record): line for line in self.chronicle.lines[-len(records) :]} if records else {}
        said = [reason if k == 0 else "" for k in range(len(records))]
        log.append(
            [self._line(record, why, lines.get(id(record))) for record, why in zip(records, said, strict=True)],
            end=end,
            whole=[self._whole(record, why, lines.get(id(record))) for record, why in zip(records, said, strict=True)],
        )

    # --- the flow of turns ----------------------------------------------------------------------

    def next_turn(self) -> None:
        state = self.session.state
        if state.over:
            if self.unsaved:  # a save loaded when its game had ended is that game's file already
                self._autosave()
            self.refresh_table()
            lessons = self._lessons_left()
            if lessons and self.humans:
                # A tutorial ended early (a deal made before the last round) still teaches every
                # lesson, in order, before the debrief.
                body = "\n\n".join(f"{card.title}\n\n{card.text.strip()}" for card in lessons)
                self.app.push_screen(
                    Notice("The deal came early: the lessons you have not yet seen", body), self._game_over
                )
                return
            self.post_message(self.GameOver())
            return
        if state.actor in self.humans:
            if self.hot_seat:
                # The table is redrawn for the next player beneath the cover, which then names them.
                self.viewer = state.actor
                self.refresh_table()
                if self.cover is None and self._seated == state.actor:
                    return  # the player at the keyboard goes on (answering in the closing session)
                (self.cover or self._cover_table()).ready(state.scenario.delegations[state.actor].name)
                return
            self.refresh_table()
            self._since_last_move()
            return
        self.refresh_table()
        self.ai_turns()

    def _since_last_move(self) -> None:
        """Say, under the transcript, how the player's proposals were answered and what waits
        for their answer since their last move (one player: in hot-seat play the transcript is
        shared, and what a proposal is worth is each player's own)."""
        if self.hot_seat or self._gone() or self.viewer not in self._last_move:
            return
        start, then, table = self._last_move.pop(self.viewer)
        if start >= len(self.chronicle.lines):
            # nobody has moved since the player did (an answer in the closing session keeps the
            # floor): the summary would only say again what the status line says
            return
        # with a meeting the player was asked to, and what it taught them: its own line scrolls
        # past while the others speak, and two newcomers never saw it
        summary = since_last_move(
            self.chronicle, start, self.session.state, self.viewer, then, meetings=True, trust_then=self._since(table)
        )
        if summary:
            # shown wherever the player had scrolled to while the others spoke: it is what their
            # turn starts from (an outside tester scrolled up found it off screen)
            self.query_one("#transcript", WrappedText).append(summary, top=True)

    def _since(self, table: Then | None) -> tuple[Then, list[Action]] | None:
        """The table at a player's last move and the moves since, for the turn's summary to say
        whose trust in them moved and why (None where the table then was not kept)."""
        return None if table is None else (table, [entry.action for entry in self.session.log])

    def _game_over(self, _: None = None) -> None:
        self.post_message(self.GameOver())

    def _lessons_left(self) -> list[EventCard]:
        """The scenario's lessons that never fired at this venue, in the order it lists them."""
        state = self.session.state
        return [
            card
            for k, card in enumerate(state.scenario.events)
            if card.lesson and state.fired[k] == 0 and card.venue in (-1, state.venue)
        ]

    @work(exclusive=True, group="ai")
    async def ai_turns(self) -> None:
        """Play the AI seats until a human's turn or the end, one visible move at a time."""
        session = self.session
        played: list[tuple[Record, ...]] = []  # what each move of the AI seats did in this stretch
        while not session.state.over and session.state.actor not in self.humans:
            if not self.skipping:
                await asyncio.sleep(SPEEDS[self.speed])
            await self._while_the_player_is_asked()
            if self._gone():
                return  # this game was closed while its AI was thinking
            try:
                chooser = self._chooser(session.state.actor)  # an outside agent's class is made here
            except AgentError as exc:
                self._agent_failed(exc)
                return
            if isinstance(chooser, Rehearsed) and chooser.style is None:
                # the hard agent's rehearsal takes a second or two of games in its head: off the
                # event loop, so the screen keeps answering, with the status line saying why
                self._rehearsing = session.state.actor
                self.refresh_table()
                try:
                    await asyncio.to_thread(chooser.prepare, session.state.actor, self._game_closed)
                except Abandoned:
                    return  # the game was closed while the workers rehearsed for it
                self._rehearsing = None
                if self._gone():
                    return
            try:
                # the one AI-turn driver (game.ai.driver): a built-in agent's refused move passes
                if isinstance(chooser, Guarded):
                    chooser.redirect = False  # the interface captures what it prints (Guarded.redirect)
                    self._outside_since = time.monotonic()
                    ticking = self.set_interval(1.0, self._show_status)
                    try:
                        move = await _in_a_thread_of_its_own(decide, session.state, chooser)
                    finally:
                        ticking.stop()
                        self._outside_since = None
                    if self._gone():
                        return
                else:
                    move = decide(session.state, chooser)
            except AgentError as exc:
                self._agent_failed(exc)
                return
            records = self._play(move.action, move.decision.reason)
            played.append(records)
            self._log(records, move.decision.reason)
            self.refresh_table()
            await self._after(records)
        self.skipping = False
        news, self.skipped_news = self.skipped_news, []
        if session.state.over and self.humans and played and not self._gone():
            # the talks ended on the AI seats' moves: how, said on the table before the debrief
            # takes it away (a newcomer who pressed f found the debrief with no word of the deal)
            ending = ending_lines(played)
            if ending:
                await self.app.push_screen_wait(Notice("The talks are over", "\n\n".join(ending)))
                if self._gone():
                    return
        elif self.humans and not session.state.over:
            # the news of the rounds begun while the player skipped: a skip hurries the moves, but
            # the news changes the table (a newcomer who pressed f never saw a round's events)
            for notice in news:
                await self.app.push_screen_wait(notice)
                if self._gone():
                    return
        self.next_turn()

    def _agent_failed(self, exc: AgentError) -> None:
        """An outside agent failed: stop here, leaving the autosave as it was (whole), and let
        the command say why in one line."""
        self.app.failure = str(exc)  # type: ignore[attr-defined]
        self.app.failure_error = exc  # type: ignore[attr-defined]
        self.app.exit(return_code=1)

    def _chooser(self, seat: int) -> Chooser:
        """The agent of an AI seat: its level, strategy or outside agent, as the session records it."""
        if seat not in self._choosers:
            session = self.session
            ident = session.scenario.delegations[seat].id
            kind = label_kind(session.seats[ident]) or "normal"
            self._choosers[seat] = seat_chooser(kind, session.scenario, session.seed, ident)
        return self._choosers[seat]

    async def _while_the_player_is_asked(self) -> None:
        """Wait while a dialog the player opened during the AI's moves is up ("Leave the
        table?", the help, the command palette): the AI seats do not move on behind a question,
        and no round notice covers it. The loop's own notices are awaited where it shows them,
        so a modal screen on top here is the player's."""
        while not self._gone() and isinstance(self.app.screen, ModalScreen):
            await asyncio.sleep(ASKED_POLL)

    async def _after(self, records: tuple[Record, ...]) -> None:
        """A new round: autosave, and show its events and what the last round brought."""
        if not any(r.kind == "round" for r in records):
            return
        self._autosave()
        await self._while_the_player_is_asked()
        if self._gone():
            return
        venue_end = self._venue_end(records)  # shown even when skipping: a campaign's turning point
        if venue_end is not None:
            await self.app.push_screen_wait(venue_end)
        if not self.humans:
            return
        notice = self._round_notice(records)
        if notice is not None and self.skipping:
            self.skipped_news.append(notice)  # shown once the skip is over (ai_turns)
        elif notice is not None:
            await self.app.push_screen_wait(notice)

    def _act(self, action: Action) -> None:
        """Apply a human's action; a refusal is explained, never silently ignored."""
        before = self.session.state.actor
        knew = set(self.view.learned) if action.kind == "meet" else set()
        try:
            records = self._play(action)
        except GameError as exc:
            self.notify(str(exc), title="Not allowed", severity="error", markup=False)
            return
        self._log(records, end=True)
        self._last_move[self.viewer] = (
            len(self.chronicle.lines),
            self.session.state.scenario.delegations[self.viewer].reservation,
            Then(self.session.state, len(self.session.log)),
        )
        self.refresh_table()
        if any(r.kind == "round" for r in records):
            self._autosave()
        state = self.session.state
        go_on = state.over or state.actor != before or state.closing
        then = self._turn_over if state.actor != before and not state.over else self.next_turn
        # what the new round brings, when the player's own move began it, read before play goes
        # on, as after an AI seat's move (_after): the campaign's turn between venues, then the
        # round's events (their notice was missing: only the transcript had them)
        screens = [s for s in (self._venue_end(records), self._round_notice(records)) if s is not None]
        if action.kind == "meet" and go_on:
            # play goes on only once the player has read what the meeting taught them
            self._show_learnt(then=partial(self._show_in_turn, screens, then))
        elif action.kind == "meet":
            # the turn goes on: said in a notice that takes no key (a dialog here took the keys a
            # newcomer typed next, p, ↓, 4, meant for the builder); the transcript says it too
            self._tell_learnt(knew)
            if screens:
                self._show_in_turn(screens, self.refresh_table)
        elif go_on:
            self._show_in_turn(screens, then)
        elif screens:
            # the turn is still the player's and the move began a venue or a round all the same:
            # Russia's yes ended Astana and Russia opens Sochi, and the screen between the venues
            # and the congress's first news never showed (a newcomer's)
            self._show_in_turn(screens, self.refresh_table)

    def _round_notice(self, records: tuple[Record, ...]) -> Notice | None:
        """The notice of a round's events, when these records began a round that brought some."""
        if not self.humans or not any(r.kind == "round" for r in records):
            return None
        state = self.session.state
        if not any(state.present[h] for h in self.humans) and not any(r.kind == "venue" for r in records):
            # away from this table (a boycott, a walk-out), the player does not stop the talks at
            # every round to read its news: the transcript has it (a newcomer dismissed one a
            # round, with nothing to do); a new venue's opening is still shown
            return None
        events = [r.text for r in records if r.kind in ("event", "agenda", "broken")]
        round_line = next(r.text for r in records if r.kind == "round")
        return Notice(round_line, "\n\n".join(events)) if events else None

    def _show_in_turn(self, screens: list[Screen[Any]], then: Callable[[], None]) -> None:
        """Each screen in turn, each once the one before is dismissed, then `then`."""
        if not screens:
            then()
            return
        self.app.push_screen(screens[0], lambda _: self._show_in_turn(screens[1:], then))

    def _turn_over(self) -> None:
        """A human's turn has ended: in hot-seat play the table is covered at once, before the
        AI seats speak or a round notice shows, and stays so until the next human is ready."""
        if self.hot_seat:
            self._cover_table()
        self.next_turn()

    def _cover_table(self) -> HandOver:
        self._seated = None
        if self.cover is None:
            # what was said to the player whose turn ends (a refusal, their walk-away value) is
            # theirs: the next player does not find it on the screen
            self.app.clear_notifications()
            # and the table as the next player will find it: not the transcript filling the
            # screen, scrolled where the last player left it
            self.minimize()
            self.cover = HandOver()
            self.app.push_screen(self.cover, self._uncovered)
        return self.cover

    def _uncovered(self, _: None) -> None:
        self.cover = None
        self._seated = self.viewer
        self.refresh_table()
        if self.viewer in self._last_move:
            # the transcript is shared, so what is this player's own (how their proposals were
            # answered, what waits for their answer and its worth to them, what moved their
            # walk-away value, a meeting they were asked to) is said to them alone, once the
            # others have looked away: the summary a lone player reads under the transcript
            start, then, table = self._last_move.pop(self.viewer)
            summary = since_last_move(
                self.chronicle,
                start,
                self.session.state,
                self.viewer,
                then,
                meetings=True,
                trust_then=self._since(table),
            )
            if summary:
                body = "\n".join(text.plain.rstrip() for text in summary)
                self.app.push_screen(Notice(since_when(self.chronicle, self.viewer), body))

    def _play(self, action: Action, reason: str = "") -> tuple[Record, ...]:
        """Play an action on the session (with the reason an AI seat gave for it, which the save
        keeps), and keep the history up to date with both."""
        before = self.session.state
        records = self.session.play(action, reason)
        if self._chronicle is not None:
            self._chronicle.add(before, action, self.session.state, records)
            self._chronicle.give_reason(reason)
            for screen in self.app.screen_stack:
                if isinstance(screen, HistoryScreen):  # open over the table while the AI moves
                    screen.grown()
        return records

    def _venue_end(self, records: tuple[Record, ...]) -> Screen[None] | None:
        """The screen between two venues of a campaign, when these records closed one."""
        if self.session.state.over or not self.humans or not any(r.kind == "venue_end" for r in records):
            return None
        from game.play.venue_end import venue_end
        from game.ui.screens.venue_end import VenueEndScreen

        # hot-seat: only what every player may see (trust is each side's own business)
        private = len(self.humans) == 1
        summary = venue_end(self.session, self.session.state.venue - 1, self.viewer)
        return VenueEndScreen(summary, private)

    def _tell_learnt(self, knew: set[tuple[int, int, float]]) -> None:
        """What the meeting just taught the player, in a notice that takes no key."""
        view = self.view
        facts = [
            # what lies on no agenda still to come said so, as in the notice of them all
            said if (issue, weight) in learned_of(view, subject) else f"{said} (on no agenda still to come)"
            for subject, issue, weight in view.learned
            if (subject, issue, weight) not in knew
            for said in (learnt(self.session.scenario, view, subject, issue, weight),)
        ]
        body = "; ".join(facts) + "." if facts else "Nothing new."
        self.notify(f"{body} (i: your brief)", title="What the meeting taught you", timeout=10, markup=False)

    def _show_learnt(self, then: Callable[[], None]) -> None:
        view = self.view
        lines = []
        # everything learnt (a meeting that has told every weight on the agenda tells one off it,
        # and left out, the notice said "Nothing yet." of a meeting that taught something: a
        # review's), what lies on no agenda still to come said so, as the brief leaves it out
        for subject, issue, weight in view.learned:
            ahead = (issue, weight) in learned_of(view, subject)
            said = learnt(self.session.scenario, view, subject, issue, weight)
            lines.append(f"{said}." if ahead else f"{said} (on no agenda still to come).")
        self.app.push_screen(
            Notice("What your meetings have taught you", "\n".join(lines) or "Nothing yet."),
            lambda _: then(),
        )


async def _in_a_thread_of_its_own(fn: Callable[..., _T], *args: object) -> _T:
    """fn(*args) off the event loop, in a thread that never holds the process up. An outside
    agent may take as long as it likes, or never return (nothing times it): on the event loop it
    froze the interface, no key answered, not even ctrl+q; in asyncio's pool of threads it would
    keep the process from ending. Here the table keeps answering while it thinks, and the
    player can save and quit."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[_T] = loop.create_future()

    def settle(result: _T | None, error: BaseException | None) -> None:
        if done.done():  # the table gave up waiting (the game closed)
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        result: _T | None = None
        error: BaseException | None = None
        try:
            result = fn(*args)
        except BaseException as exc:  # handed back to the table, which reports an agent's error
            error = exc
        with contextlib.suppress(RuntimeError):  # the interface has ended meanwhile
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, name="outside agent", daemon=True).start()
    return await done


def _prepare(pending: list[tuple[Rehearsed, int]]) -> None:
    """Rehearse these seats (a thread of the screen's: see `_rehearse_ahead`), in the order they
    move. Two seats or more that no book holds are rehearsed over worker processes, one a core
    (game.sim.rehearsers). The screen closed or the app quitting cancels the worker: the
    processes are killed at once; rehearsing here, it stops before the next seat, so quitting
    waits for one seat's rehearsal at most (the process joins its threads as it exits). What the
    processes could not do (one failed) is done here, seat by seat, where a failure is left to
    the seat's own move to report."""
    worker = get_current_worker()
    if pending:
        seats = {seat: chooser.kind for chooser, seat in pending}
        order = [seat for _, seat in pending]
        # a failure (no interpreter to start, a worker that died) leaves the seats to this thread
        with contextlib.suppress(Exception):
            if not rehearse_in_workers(pending[0][0].scenario, seats, cores(), order, lambda: worker.is_cancelled):
                return
    for chooser, seat in pending:
        if worker.is_cancelled:
            return
        try:
            chooser.prepare(seat, lambda: worker.is_cancelled)
        except Abandoned:
            return
