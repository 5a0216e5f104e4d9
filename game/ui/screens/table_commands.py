"""The table's session and the player's commands on it: who may do what now (the engine says,
through `moves_for`), the dialogs each key opens, and saving. `TableScreen` (table.py) adds the
widgets and the flow of turns; it alone applies moves (`_act`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

from game.ai.estimate_fit import LEVEL_CALIBRATION
from game.engine import Action, Pass, Respond, WalkOut, apply, view_for
from game.engine.actions import Boycott
from game.engine.legal import moves_for
from game.engine.records import in_sentence
from game.engine.situation import leave_trust_losers
from game.engine.state import State
from game.engine.utility import state_worth_if_agreed
from game.engine.view import View
from game.paths import new_autosave
from game.play import choices
from game.play.history import Chronicle
from game.saves import SaveError, Session, save_path, save_text, write_atomic
from game.sim.seating import session_kinds
from game.ui.format import opening
from game.ui.screens.board import BoardScreen, Counter
from game.ui.screens.filling import Filling
from game.ui.screens.notices import Help, Notice

if TYPE_CHECKING:
    from game.play.board import Entry

SPEEDS = (0.0, 0.15, 0.4, 0.8, 1.5)  # seconds between AI moves
# The table's actions and the rules' kinds they are (the builder's is "draft" for a mediator).
_KINDS = {
    "propose": "propose",
    "respond": "respond",
    "concede": "concede",
    "statement": "statement",
    "pressure": "pressure",
    "meet": "meet",
    "pass_turn": "pass",
    "walk_out": "walk_out",
    "boycott": "boycott",
}


class TableCommands(Filling):
    """What the player can do at the table, and the game they do it in."""

    # the transcript filling the screen (`t`) keeps the status line and the key row with it
    ALLOW_IN_MAXIMIZED_VIEW = "#status, #keys"

    def __init__(
        self, session: Session, humans: tuple[int, ...], saves_dir: Path, speed: int = 2, autosave: Path | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.humans = humans
        self.saves_dir = saves_dir
        self._warned: dict[str, float] = {}  # each warning toast shown, and when (`_warn`)
        # Each game has its own autosave in the user data folder (a game loaded from its
        # autosave keeps it), so two games never write over each other's.
        self.autosave_path = autosave if autosave is not None else new_autosave(session.name)
        self.speed = speed
        self.skipping = False
        # the notices of rounds begun while the player skipped (f), shown once the skip ends
        self.skipped_news: list[Notice] = []
        self.viewer = humans[0] if humans else 0
        self.saved_turns = len(session.log)
        self.save_error = ""  # why the last save failed ("" when it did not): ctrl+q says so
        self.save_name: str | None = None  # the name the player saved this game under, if any
        self.named_text: str | None = None  # what this game last wrote to that save
        self.named_turns = -1  # the moves that save holds (-1: none written yet)
        self.named_error = ""  # why that save's last update failed ("" when it did not)
        self.suggested_name: str | None = None  # the save it was loaded from: ctrl+s offers it

    @property
    def view(self) -> View:
        return view_for(self.session.state, self.viewer)

    def _refused_keys(self) -> dict[str, str]:
        """The table's actions the rules refuse now, each with the engine's reason: their keys are
        drawn struck through, and pressing one says why instead of opening a dialog."""
        state = self.session.state
        if state.over or state.actor not in self.humans or state.actor != self.viewer:
            return {}
        view = self.view
        moves = moves_for(view)
        refused = {}
        for action, kind in _KINDS.items():
            if kind == "propose" and choices.can_draft(view):
                kind = "draft"
            status = moves.status(kind)
            if not status.allowed:
                refused[action] = status.reason
        return refused

    def refusal(self, action: str) -> str:
        """Why the rules refuse this table action now ("" if they allow it)."""
        return self._refused_keys().get(action, "")

    _chronicle: Chronicle | None = None

    @property
    def chronicle(self) -> Chronicle:
        """The game's history, built from the save's log the first time a screen asks for it."""
        if self._chronicle is None:
            session = self.session
            self._chronicle = Chronicle.replay(
                session.scenario, session.seed, [e.action for e in session.log], session.reasons
            )
        return self._chronicle

    # --- actions ----------------------------------------------------------------------------------

    def action_detail_down(self) -> None:
        """A page of the issue's detail down, the cursor staying on the agenda."""
        self._page_detail(1)

    def action_detail_up(self) -> None:
        self._page_detail(-1)

    def _page_detail(self, step: int) -> None:
        box = self.query_one("#detail-box")
        box.scroll_relative(y=step * max(1, box.size.height - 1), animate=False)

    def _my_turn(self) -> bool:
        state = self.session.state
        if state.over or state.actor not in self.humans:
            # short-lived: left the usual five seconds it covered the summary of the turn that
            # came back meanwhile (an outside tester's report)
            if not state.over and not any(state.present[h] for h in self.humans):
                # no turn comes back to a side away from the table: "wait for your turn" after a
                # boycott had a newcomer waiting for one
                self._warn("You are away from this table: the others go on without you (f skips ahead).", timeout=3)
            else:
                self._warn("Wait for your turn: the others are speaking.", timeout=2)
            return False
        return True

    def _warn(self, message: str, title: str = "", timeout: float = 5) -> None:
        """A warning toast, once while it shows: a key pressed again and again stacked the same
        "Not now" over the answer dialog's figures and its Accept button (a playtester's report)."""
        now = time.monotonic()
        if self._warned.get(message, -timeout) > now - timeout:
            return
        self._warned[message] = now
        self.notify(message, title=title, severity="warning", timeout=timeout, markup=False)

    def _allowed(self, action: str) -> bool:
        """It is the player's turn and the rules allow the action; if not, the player is told why
        before building anything."""
        if not self._my_turn():
            return False
        if reason := self.refusal(action):
            self._warn(opening(reason) + ".", title="Not now")
            return False
        return True

    def _dialog(self, make: Callable[[View], Screen[Action | None]], action: str) -> None:
        if self._allowed(action):
            self.app.push_screen(make(self.view), self._chosen)

    def _chosen(self, action: Action | None) -> None:
        if action is not None:
            self._act(action)

    def action_propose(self) -> None:
        from game.ui.screens.actions import ProposalBuilder

        # from the player's last package at this venue, where there is one: two newcomers
        # adjusting their offer round by round entered all seven issues again each time
        last = self.chronicle.latest(self.viewer, self.view.venue_index)
        still = set(choices.open_issues(self.view))  # neither agreed since nor taken off the agenda
        start = () if last is None else tuple((i, o) for i, o in last.package if i in still)
        levels = self.seat_levels()
        players = self.other_players()
        if not start:  # none, or every issue of it settled since: from the player's positions
            self._dialog(lambda view: ProposalBuilder(view, levels=levels, players=players), "propose")
        else:
            since = last.id if last is not None else -1
            self._dialog(
                lambda view: ProposalBuilder(view, start=start, since=since, levels=levels, players=players), "propose"
            )

    def other_players(self) -> frozenset[int]:
        """The seats other people play at this table (hot-seat), besides the one at the keyboard."""
        return frozenset(self.humans) - {self.viewer}

    def seat_levels(self) -> dict[int, str]:
        """The built-in level (easy, normal, hard) of each AI seat that plays one, by delegation
        index: the player chose them, and the builder's estimate reads each through its own map
        (a hard side says yes less often than the estimate pooled over every level showed)."""
        kinds = session_kinds(self.session.scenario, self.session.seats)
        return {d: kind for d, kind in kinds.items() if kind in LEVEL_CALIBRATION}

    def action_respond(self) -> None:
        from game.ui.screens.actions import RespondDialog

        if not self._my_turn():
            return
        if not any(p.response_of(self.viewer) == 0 for p in self.view.proposals):
            self.notify("No proposal is waiting for your answer.", severity="warning")
            return
        self.app.push_screen(RespondDialog(self.view), self._answered)

    def _answered(self, action: Action | None) -> None:
        """An answer given in the dialog is played; the dialog comes back while others still wait
        for one, as the board does (two newcomers pressed r again for each of three offers)."""
        if action is None:
            return
        self._act(action)
        if self._more_to_answer():
            self.action_respond()

    def _more_to_answer(self) -> bool:
        """Whether, back at the table after an answer (no notice or venue's end shown over it), it
        is still the player's turn with proposals waiting for their answer: answers cost no moves."""
        return (
            self.app.screen is self
            and self.view.my_turn
            and any(p.response_of(self.viewer) == 0 for p in self.view.proposals)
        )

    def action_board(self) -> None:
        board = BoardScreen(self.session.state.scenario, self.viewer, *self.board_contents())
        self.app.push_screen(board, self._from_board)

    def board_contents(self) -> tuple[tuple[Entry, ...], bool, str, str]:
        """What the proposals board shows now: its entries, whether the player may answer, its
        heading, and why the rules refuse a proposal now ("" where they allow one)."""
        from game.play.board import entries

        state = self.session.state
        venue = state.scenario.venues[state.venue]
        heading = f" Proposals on the table · {venue.name}, round {state.round}/{venue.rounds}"
        mine = not state.over and state.actor in self.humans and state.actor == self.viewer
        return entries(state, self.viewer, self.chronicle), mine, heading, self.refusal("propose") if mine else ""

    def _from_board(self, choice: Respond | Counter | None) -> None:
        from game.ui.screens.actions import ProposalBuilder

        if isinstance(choice, Respond):
            self._act(choice)
            # answers cost no moves: the board comes back while others still wait for one
            if self._more_to_answer():
                self.action_board()
        elif isinstance(choice, Counter) and self._my_turn():
            self.app.push_screen(
                ProposalBuilder(
                    self.view, start=choice.package, levels=self.seat_levels(), players=self.other_players()
                ),
                self._from_counter,
            )

    def _from_counter(self, action: Action | None) -> None:
        """A counter-proposal sent is played; one given up goes back to the board it came from (a
        newcomer's Esc in it closed the board as well)."""
        if action is not None:
            self._act(action)
        elif not self.session.state.over:
            self.action_board()

    def action_transcript(self) -> None:
        """The cursor into the transcript, to scroll it with the keys, or back to the agenda: Tab
        reached it only after two other panes, and ↓ there scrolled the delegations (a newcomer
        followed the transcript's "more below" that way and lost three rows of the table). With
        the cursor in it, the transcript fills the screen but for the status line and the key
        row: at 80x24 it showed four lines of a summary running to twenty (a newcomer's)."""
        self.fill_with(self.query_one("#transcript"), self.query_one("#agenda"))

    def action_history(self) -> None:
        from game.ui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.session.scenario, self.viewer, self.chronicle))

    def action_brief(self) -> None:
        from game.ui.screens.brief import BriefScreen

        self.app.push_screen(BriefScreen(self.view))

    def action_concede(self) -> None:
        from game.ui.screens.actions import ConcedeDialog

        self._dialog(ConcedeDialog, "concede")

    def action_statement(self) -> None:
        from game.ui.screens.actions import StatementDialog

        self._dialog(StatementDialog, "statement")

    def action_pressure(self) -> None:
        from game.ui.screens.actions import PressureDialog

        self._dialog(PressureDialog, "pressure")

    def action_meet(self) -> None:
        from game.ui.screens.actions import MeetDialog

        self._dialog(MeetDialog, "meet")

    def action_pass_turn(self) -> None:
        if not self._allowed("pass_turn"):
            return
        action = Pass(self.session.scenario.delegations[self.viewer].id)
        lapsing = self._lapsing()
        if not lapsing:
            self._act(action)
            return
        from game.ui.screens.actions import ConfirmDialog

        # an author passed with an offer waiting that their yes would have made the agreement,
        # and it lapsed without a word: its last chance is said before the pass, and the safe
        # answer (Enter) opens the answers
        question = f"{lapsing} Pass anyway?"
        self.app.push_screen(
            ConfirmDialog(question, "Pass", "Answer first"),
            lambda ok: self._act(action) if ok else self.action_respond(),
        )

    def _lapsing(self) -> str:
        """The offers waiting for the player's answer that lapse when this round ends
        (choices.lapsing), in a sentence ("" if none)."""
        state, view = self.session.state, self.view
        last = choices.lapsing(view)
        if not last:
            return ""
        named = []
        for p in last:
            worth = f"worth {state_worth_if_agreed(state, self.viewer, p.package):.2f} to you"
            if not choices.still_needs(view, p.id):
                worth += "; your yes makes it the agreement"
            named.append(f"#{p.id} from {in_sentence(state.scenario.delegations[p.author].name)} ({worth})")
        offers = "Offer " if len(named) == 1 else "Offers "
        verb = "lapses" if len(named) == 1 else "lapse"
        return f"{offers}{'; '.join(named)} {verb} unanswered when this round ends."

    def _confirmed(self, question: Callable[[], str], yes: str, action: Action) -> None:
        """Ask `question()` (asked only where the rules allow the move: it may read what the move
        would do) before the move."""
        from game.ui.screens.actions import ConfirmDialog

        if self._allowed(action.kind):
            self.app.push_screen(ConfirmDialog(question(), yes, "Stay"), lambda ok: self._act(action) if ok else None)

    def action_walk_out(self) -> None:
        me = self.session.scenario.delegations[self.viewer]
        action = WalkOut(me.id)
        # what it costs, as the rules have it (RULES.md): a newcomer read only that they could
        # not come back
        self._confirmed(
            lambda: (
                f"Walk out of the talks as {in_sentence(me.name)}? You cannot come back to this venue. "
                f"{_after_leaving(self.session.state, action)} "
                f"Every side's trust in you falls by {self.view.rules.leave_trust}."
            ),
            "Walk out",
            action,
        )

    def action_boycott(self) -> None:
        me = self.session.scenario.delegations[self.viewer]
        action = Boycott(me.id)

        def question() -> str:
            view = self.view
            # whose trust falls, by the engine's rule (as the brief says it)
            losers = [d for d in leave_trust_losers(view.venue, len(view.delegations), True) if d != self.viewer]
            if not losers:
                trust = "you chair it, so no side's trust in you falls"
            elif len(losers) == 1:
                trust = (
                    f"the chair's trust in you ({view.delegations[losers[0]].name}) falls by {view.rules.leave_trust}"
                )
            else:
                trust = f"every side's trust in you falls by {view.rules.leave_trust}"
            return (
                f"Boycott this venue as {in_sentence(me.name)}? You stay away from it: your support at home rises by "
                f"{view.rules.hardline_support}, {trust}. {_after_leaving(self.session.state, action)}"
            )

        self._confirmed(question, "Boycott", action)

    def action_faster(self) -> None:
        self.speed = max(0, self.speed - 1)
        self.notify(f"AI pace: {SPEEDS[self.speed]:.2f} s a move")

    def action_slower(self) -> None:
        self.speed = min(len(SPEEDS) - 1, self.speed + 1)
        self.notify(f"AI pace: {SPEEDS[self.speed]:.2f} s a move")

    def action_skip(self) -> None:
        """Skip the AI seats' moves to the next human turn: only while they play. Pressed on a
        player's own turn it had nothing to skip, and in hot-seat play it then hurried the next
        stretch of AI moves and hid that round's events from the other player too."""
        state = self.session.state
        if state.over or state.actor in self.humans:
            self._warn("f skips the other sides' moves while they play: it is your turn now.", timeout=3)
            return
        self.skipping = True

    def action_help(self) -> None:
        self.app.push_screen(Help())

    def action_save(self) -> None:
        from game.ui.screens.saving import SaveDialog, default_name

        # a name whose file another game has taken is not this game's any more: offered as
        # such, it would be written over without the question the dialog asks of a taken name
        current = self.save_name if self.named_save_is_ours() else None
        current = current or self.suggested_name
        name = current or default_name(self.session, self.saves_dir, self.humans)
        self.app.push_screen(SaveDialog(self.saves_dir, name, current), self._save_named)

    def _save_named(self, name: str | None) -> None:
        # the autosave too, so that "Continue" resumes from here as well, naming the save: a game
        # continued from it keeps that save up to date (written first, so that the browser lists
        # the named save as the newest)
        if (
            name is not None
            and self.save_autosave(announce=False, named=self._named_path(name))
            and self.save_as(name, announce=True)
        ):
            self.save_name = name  # from now on the game keeps this save up to date

    # --- saving -----------------------------------------------------------------------------------

    @property
    def unsaved(self) -> bool:
        return len(self.session.log) != self.saved_turns

    @property
    def named_behind(self) -> bool:
        """The save the player named is this game's and holds fewer moves than the game: its last
        write failed (a full disk), while the autosave, written first, may hold them all. Quitting
        asked nothing then, and left the named save behind without a word (a QA tester's)."""
        return self.named_save_is_ours() and self.named_turns != len(self.session.log)

    def _autosave(self) -> None:
        self.save_autosave(announce=False)
        self.save_named()

    def save_autosave(self, announce: bool, named: Path | None = None) -> bool:
        """Write the game's autosave; say why not (and return False) when it cannot be written.
        It names the save the game keeps up to date (`named`, else the game's own, if any)."""
        if named is None and self.named_save_is_ours():
            named = self.named_path()

        def write() -> Path:
            write_atomic(self.autosave_path, save_text(self.session, named))
            return self.autosave_path

        return self._saved(write, announce)

    def save_named(self) -> bool:
        """Bring the save the player named up to date (True when there is none). A file that
        holds something else than this game last wrote there (another game was saved under the
        name meanwhile) is left as it is: the player is told, and the autosave keeps this game."""
        if self.save_name is None:
            return True
        if not self.named_save_is_ours():
            path, self.save_name = self._named_path(self.save_name), None
            self.notify(
                f"{path} now holds another game, so this one is no longer saved there: "
                "its autosave keeps it, and ctrl+s saves it under a name.",
                title="Not saved over another game",
                severity="warning",
                timeout=15,
                markup=False,
            )
            return True
        saved = self.save_as(self.save_name, announce=False)
        self.named_error = "" if saved else self.save_error  # its own: the autosave's may differ
        return saved

    def named_save_is_ours(self) -> bool:
        """The game has a named save, and its file is gone or holds what this game last wrote."""
        return self.save_name is not None and self._still_ours(self._named_path(self.save_name))

    def named_path(self) -> Path | None:
        """The file of the save the player named, while the game keeps it up to date."""
        return None if self.save_name is None else self._named_path(self.save_name)

    def _named_path(self, name: str) -> Path:
        """Where a name the game took is saved (names are checked first, so save_path's own), from
        the root: an autosave names it, and the game may be continued from another folder (a
        relative `saves/mine.yaml` was then another folder's file, a reviewer's)."""
        return self.saves_dir.absolute() / f"{name}.yaml"

    def _still_ours(self, path: Path) -> bool:
        """The named file is gone or holds what this game last wrote to it."""
        try:
            return path.read_text(encoding="utf-8") == self.named_text
        except FileNotFoundError:
            return True  # removed: writing it again loses nothing
        except UnicodeDecodeError:
            return False
        except OSError:
            return True  # unreadable: the write says why it fails

    def save_as(self, name: str, announce: bool) -> bool:
        text = save_text(self.session)

        def write() -> Path:
            path = save_path(self.saves_dir, name)
            write_atomic(path, text)
            return path

        if not self._saved(write, announce):
            return False
        self.named_text = text
        self.named_turns = len(self.session.log)
        return True

    def _saved(self, write: Callable[[], Path], announce: bool) -> bool:
        """Run one save's write: on success the game counts as saved (and says where, if asked);
        on failure the player is told why and nothing else changes."""
        try:
            path = write()
        except SaveError as exc:
            self.save_error = str(exc)
            self.notify(str(exc), title="Could not save", severity="error", markup=False)
            return False
        self.save_error = ""
        self.saved_turns = len(self.session.log)
        if announce:
            self.notify(f"Saved to {path}", markup=False)
        return True

    def _act(self, action: Action) -> None:
        """Apply the player's move (the table screen does, then runs the AI's turns)."""
        raise NotImplementedError


def _after_leaving(state: State, leaving: Action) -> str:
    """What becomes of the talks once the player leaves them, as the engine answers it: the move
    applied to the game (a state is never changed, so nothing is played), its collapse and its
    reason, or the momentum it costs, read from the state after it rather than worked out again."""
    after, _ = apply(state, leaving)
    if len(after.venue_outcomes) > len(state.venue_outcomes):
        ended = "collapse" if after.venue_outcomes[-1] == "collapse" else "end"
        return f"The talks here {ended}: {after.reason}"
    me = state.actor
    signature = (
        " and a deal no longer needs your signature" if me in state.scenario.venues[state.venue].signatories else ""
    )
    return f"The talks go on without you{signature}; their momentum falls by {state.momentum - after.momentum}."
