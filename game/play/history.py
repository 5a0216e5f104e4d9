"""The game so far as a player reads it: every move, what it tabled or answered, round by round.

The engine narrates each move in records; this keeps them with what a screen needs to sort
them: the move's author, the proposal it tabled or answered (so "answers to my proposals" can be
picked out), the venue and round, and the momentum after it. Built as the game is played, or
once from a save by replaying its log. No Textual here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from game.engine import GameError, Record, apply, new_game
from game.engine.actions import Action, Draft, Meet, Pressure, Propose, Respond
from game.engine.flow import told
from game.engine.model import Effect, Scenario
from game.engine.records import REASONED
from game.engine.state import State

Package = tuple[tuple[int, int], ...]  # (issue, option) by position


@dataclass(frozen=True)
class Tabled:
    """A proposal or draft as it was tabled (it stays here after it closes)."""

    id: int
    author: int
    package: Package
    to: tuple[int, ...]
    draft: bool
    venue: int
    round: int
    previous: int = -1  # the same author's proposal before this one, if any


@dataclass(frozen=True)
class Line:
    """One record, with the move it belongs to."""

    record: Record
    venue: int
    round: int
    actor: int  # who moved (-1: the game itself: events, a new round)
    kind: str  # the move's kind ("propose", "respond", ...), or "events"
    tabled: int = -1  # the proposal this move tabled
    # the proposal this move answered (on an "expired" line: the one that lapsed; on an "agreement"
    # line: the one agreed; on a "withdrawn" line: the one withdrawn)
    answered: int = -1
    accept: bool = False  # ...and whether it accepted it
    momentum: int = 0  # after the move
    other: int = -1  # a meeting: the delegation the mover asked to meet; a press: the client
    # a meeting: what it revealed, (learner, subject, issue) as the state's `revealed` holds them
    learnt: tuple[tuple[int, int, int], ...] = ()
    # the reason an AI gave for the move, where it is one that says why (REASONED): said at the
    # table as it played, and kept by a save (game.saves.session.Session.reasons)
    reason: str = ""


@dataclass
class Chronicle:
    """Every line of the game so far, and every proposal ever tabled."""

    lines: list[Line] = field(default_factory=list)
    tabled: dict[int, Tabled] = field(default_factory=dict)
    _last_of: dict[int, int] = field(default_factory=dict)  # author -> id of its latest proposal
    _move_at: int = -1  # the index of the last move's first line

    def _previous(self, author: int, venue: int) -> int:
        """`author`'s last proposal at `venue`, what a new one is compared with (-1: none there).
        Not one of an earlier venue, with another agenda: at a campaign's second venue a newcomer
        read "#27 ... worth 0.85 (its #21 was worth 0.60)", #21 of the first venue's talks."""
        last = self.latest(author, venue)
        return last.id if last is not None else -1

    def latest(self, author: int, venue: int) -> Tabled | None:
        """`author`'s latest proposal or draft at `venue`, open or closed (None: it has tabled none
        there): where the builder starts the next one."""
        tabled = self.tabled.get(self._last_of.get(author, -1))
        return tabled if tabled is not None and tabled.venue == venue else None

    @classmethod
    def of(
        cls,
        state: State,
        opening: Iterable[Record],
        actions: Iterable[Action],
        reasons: Mapping[int, str] | None = None,
    ) -> Chronicle:
        """From a game's first state and opening records, replaying its actions; `reasons` are
        what the AI seats said of their moves, by turn (1: the first action), as a save keeps them."""
        chronicle = cls()
        chronicle.open(state, opening)
        for turn, action in enumerate(actions, 1):
            after, records = apply(state, action)
            chronicle.add(state, action, after, records)
            if reasons:
                chronicle.give_reason(reasons.get(turn, ""))
            state = after
        return chronicle

    @classmethod
    def replay(
        cls, scenario: Scenario, seed: int, actions: Iterable[Action], reasons: Mapping[int, str] | None = None
    ) -> Chronicle:
        """From the scenario file's new game with this seed, replaying the actions (with the
        reasons given for them, by turn). The scenario must be the file's, not a state's: a state
        holds the preferences already drawn for its game, and a new game would draw them again on
        top."""
        state, opening = new_game(scenario, seed)
        return cls.of(state, opening, actions, reasons)

    def open(self, state: State, records: Iterable[Record]) -> None:
        self._extend(records, state, state, actor=-1, kind="events")

    def add(self, before: State, action: Action, after: State, records: Iterable[Record]) -> None:
        actor = before.actor
        tabled = answered = -1
        accept = False
        if isinstance(action, Propose | Draft):
            tabled = before.next_proposal
            made = next((p for p in after.proposals if p.id == tabled), None)
            if made is not None:
                self.tabled[tabled] = Tabled(
                    tabled,
                    actor,
                    made.package,
                    made.to,
                    made.draft,
                    before.venue,
                    before.round,
                    self._previous(actor, before.venue),
                )
                self._last_of[actor] = tabled
        elif isinstance(action, Respond):
            answered, accept = action.proposal, action.accept
        other = -1
        self._move_at = len(self.lines)
        learnt: tuple[tuple[int, int, int], ...] = ()
        if isinstance(action, Meet):
            other = before.scenario.delegation_index.get(action.other, -1)
            learnt = tuple(sorted(set(after.revealed) - set(before.revealed)))
        elif isinstance(action, Pressure):
            other = before.scenario.delegation_index.get(action.client, -1)
        records = tuple(records)
        # a move that closes a venue and opens the next leaves the next one's momentum in `after`:
        # its records at the venue that closed keep the momentum that venue closed with (a round
        # that ended in an agreement read "momentum 99 → 48", the next venue's opening figure; a
        # newcomer's)
        closing = _closing_momentum(before, action) if any(r.kind == "venue" for r in records) else None
        # a move that ends a round and opens the next leaves the next round's news in `after`: its
        # records of the round it ended keep the momentum that round ended with (a round read
        # "33 → 41" where the table had shown 45 as it ended, 41 being after the next one's events)
        ended = _round_end_momentum(before, action) if _opens_a_round(records) else None
        self._extend(
            records, before, after, actor, action.kind, tabled, answered, accept, other, learnt, closing, ended
        )

    def _extend(
        self,
        records: Iterable[Record],
        before: State,
        after: State,
        actor: int,
        kind: str,
        tabled: int = -1,
        answered: int = -1,
        accept: bool = False,
        other: int = -1,
        learnt: tuple[tuple[int, int, int], ...] = (),
        closing: int | None = None,
        ended: int | None = None,
    ) -> None:
        """`closing`: the momentum the venue these records close closed with; `ended`: the one the
        round they end ended with, before the next round's events (Chronicle.add)."""
        venue = before.venue
        lapsed: list[int] | None = None
        # the agreements this move made, in the order their records come: a boycott can settle a
        # proposal nobody answered in this move (its line had no proposal, and a summary following
        # that proposal missed its end, a review found)
        agreed = [a.proposal for a in after.agreements[len(before.agreements) :]]
        # the proposal a tabling withdraws: its author's open one before it (one at most)
        superseded = [p.id for p in before.proposals if p.author == actor] if tabled >= 0 else []
        at_venue_end = after.momentum if closing is None else closing
        momentum = at_venue_end if ended is None else ended
        for record in records:
            if record.kind == "round" and venue == before.venue:
                momentum = at_venue_end  # the records from here on belong to the next round
            elif record.kind == "venue":
                venue = after.venue  # the records from here on belong to the next venue
                momentum = after.momentum
            about = answered
            if record.kind == "agreement" and agreed:
                about = agreed.pop(0)
            elif record.kind == "withdrawn" and superseded:
                about = superseded[0]
            elif record.kind == "expired":
                # the proposal that lapsed, kept on its line as an answer's is: the engine says
                # them in the order of the state's proposals, each record naming its author
                if lapsed is None:
                    still = {p.id for p in after.proposals}
                    lapsed = [p.id for p in before.proposals if p.id not in still]
                about = next((pid for pid in lapsed if self.author_of(pid) == record.actor), -1)
                if about >= 0:
                    lapsed.remove(about)
            self.lines.append(
                Line(record, venue, record.round, actor, kind, tabled, about, accept, momentum, other, learnt)
            )

    def give_reason(self, reason: str) -> None:
        """The reason the last move's mover gave for it, kept on the move's line where it is one
        that says why (REASONED)."""
        at = self._move_at
        if reason and 0 <= at < len(self.lines) and self.lines[at].record.kind in REASONED:
            self.lines[at] = replace(self.lines[at], reason=reason)

    def author_of(self, proposal: int) -> int:
        tabled = self.tabled.get(proposal)
        return tabled.author if tabled is not None else -1

    def rounds(self) -> list[tuple[int, int]]:
        """Every (venue, round) that has a line, in order."""
        seen: dict[tuple[int, int], None] = {}
        for line in self.lines:
            seen.setdefault((line.venue, line.round), None)
        return list(seen)


# --- what a reader may ask for --------------------------------------------------------------------

KINDS = ("everything", "proposals and answers", "answers to me", "agreements and events")
_TABLE_TALK = frozenset(
    {
        "propose",
        "draft",
        "respond",
        "withdrawn",
        "failed",
        "closed",
        "expired",
        "overtaken",
        "agreement",
        "signing_cost",
    }
)
_EVENTS = frozenset(
    {"event", "agenda", "broken", "agreement", "signing_cost", "venue", "venue_end", "game_over", "closing"}
)


@dataclass(frozen=True)
class Filter:
    round: tuple[int, int] | None = None  # (venue, round); None: every round
    delegation: int = -1  # only this delegation's moves; -1: everyone's
    kind: str = "everything"


def picked(chronicle: Chronicle, me: int, wanted: Filter) -> Iterator[Line]:
    """The lines a filter keeps, in the order they happened."""
    for line in chronicle.lines:
        if wanted.round is not None and (line.venue, line.round) != wanted.round:
            continue
        if wanted.delegation >= 0 and line.actor != wanted.delegation and line.record.actor != wanted.delegation:
            continue
        kind = wanted.kind
        if kind == "proposals and answers" and line.record.kind not in _TABLE_TALK:
            continue
        if kind == "answers to me" and not (
            line.record.kind == "respond" and line.answered >= 0 and chronicle.author_of(line.answered) == me
        ):
            continue
        if kind == "agreements and events" and line.record.kind not in _EVENTS:
            continue
        yield line


@dataclass(frozen=True)
class RoundSummary:
    venue: int
    round: int
    proposals: int
    accepted: int
    rejected: int
    agreements: int
    concessions: int
    momentum_from: int
    momentum_to: int

    def text(self) -> str:
        momentum = (
            f"momentum {self.momentum_from} → {self.momentum_to}"
            if self.momentum_from != self.momentum_to
            else f"momentum {self.momentum_to}"
        )
        return " · ".join(
            [
                _count(self.proposals, "proposal"),
                f"{self.accepted} accepted, {self.rejected} rejected",
                _count(self.agreements, "agreement"),
                _count(self.concessions, "concession"),
                momentum,
            ]
        )


def _closing_momentum(before: State, action: Action) -> int:
    """The momentum a venue closed with, the move that closed it included (an agreement's lift
    too): the engine's own apply of that move, at a table whose campaign ends at this venue, so
    that the next venue's opening figure does not take its place."""
    sc = before.scenario
    ending_here = replace(sc, venues=sc.venues[: before.venue + 1])
    try:
        closed, _ = apply(replace(before, scenario=ending_here), action)
    except GameError:  # (the move was played: it cannot be refused; the figure before it, then)
        return before.momentum
    return closed.momentum


def _opens_a_round(records: Iterable[Record]) -> bool:
    """Whether a move's records open a round of the venue it was played at (before any next venue)."""
    for record in records:
        if record.kind == "venue":
            return False
        if record.kind == "round":
            return True
    return False


def _round_end_momentum(before: State, action: Action) -> int:
    """The momentum the round a move ended closed with, before the next round's events: the
    engine's own apply of that move, at a table with no event cards (opening a round does nothing
    else to the momentum), so that the figure the news left does not take its place."""
    quiet = replace(before.scenario, events=())
    try:
        ended, _ = apply(replace(before, scenario=quiet), action)
    except GameError:  # (the move was played: it cannot be refused; the figure before it, then)
        return before.momentum
    return ended.momentum


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summaries(chronicle: Chronicle) -> dict[tuple[int, int], RoundSummary]:
    """One summary per (venue, round): what was tabled, answered, agreed and conceded."""
    out: dict[tuple[int, int], RoundSummary] = {}
    start = chronicle.lines[0].momentum if chronicle.lines else 0
    venue = chronicle.lines[0].venue if chronicle.lines else 0
    for key in chronicle.rounds():
        lines = [line for line in chronicle.lines if (line.venue, line.round) == key]
        if key[0] != venue:
            # a venue's first round starts from its own opening momentum, not the last one's end
            venue, start = key[0], lines[0].momentum
        kinds = [line.record for line in lines]
        answers = [line.accept for line in lines if line.record.kind == "respond"]
        out[key] = RoundSummary(
            key[0],
            key[1],
            sum(r.kind in ("propose", "draft") for r in kinds),
            sum(answers),
            len(answers) - sum(answers),
            sum(r.kind == "agreement" for r in kinds),
            sum(r.kind == "concede" for r in kinds),
            start,
            lines[-1].momentum,
        )
        start = lines[-1].momentum
    return out


def _moves_mine(effects: tuple[Effect, ...], me: int) -> bool:
    return any(e.kind == "walk_away" and e.a == me and e.delta for e in effects)


def walk_away_causes(chronicle: Chronicle, start: int, scenario: Scenario, me: int) -> list[str]:
    """What in the history's lines from `start` on carries a move of `me`'s walk-away value: the
    events (by title; an event's record is its card's or its alternative's title and text) and
    the agreements whose options do (by number). What the scenario file says, so public."""
    said: dict[str, str] = {}  # a record's text -> the title of the card or alternative it tells
    for card in scenario.events:
        for shown in (card, card.otherwise):
            if shown is not None and _moves_mine(shown.effects, me):
                said.setdefault(told(shown), shown.title)
    causes: list[str] = []
    for line in chronicle.lines[start:]:
        if line.record.kind == "event" and line.record.text in said:
            causes.append(said[line.record.text])
        elif line.record.kind == "agreement" and line.answered in chronicle.tabled:
            package = chronicle.tabled[line.answered].package
            if any(_moves_mine(scenario.issues[i].options[o].effects, me) for i, o in package):
                causes.append(f"the agreement on #{line.answered}")
    return list(dict.fromkeys(causes))
