"""The state of a game: plain, immutable data. A new state comes from dataclasses.replace."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from game.engine.model import Scenario, Venue

T = TypeVar("T")

PENDING, ACCEPTED, REJECTED = 0, 1, -1
RUNNING = ""
# Venue outcomes: every agenda issue settled; rounds ran out with some or no agreements;
# the talks broke down (momentum at zero, a signatory left, too few signatories present).
OUTCOMES = ("agreement", "partial", "no_deal", "collapse")


@dataclass(frozen=True)
class Proposal:
    id: int
    author: int
    package: tuple[tuple[int, int], ...]  # (issue, option), sorted by issue
    to: tuple[int, ...]
    responses: tuple[int, ...]  # per addressee: PENDING, ACCEPTED or REJECTED
    round: int
    draft: bool = False

    def on_last_round(self, round: int) -> bool:
        """A proposal stays open for the rest of its round and all of the next, so every
        addressee gets a turn to answer it: in any later round than its own it lapses when
        that round ends (flow.end_round; the interface warns of it before a pass)."""
        return self.round < round

    def response_of(self, delegation: int) -> int | None:
        for who, answer in zip(self.to, self.responses, strict=True):
            if who == delegation:
                return answer
        return None


@dataclass(frozen=True)
class Agreement:
    proposal: int
    venue: int
    round: int
    package: tuple[tuple[int, int], ...]
    parties: tuple[int, ...]


@dataclass(frozen=True)
class Answer:
    """An answer given at the table, as the room saw it: who answered which proposal (and its
    author and package, as tabled in public), at which venue and round, yes or no."""

    who: int
    proposal: int
    author: int
    package: tuple[tuple[int, int], ...]
    venue: int
    round: int
    accepted: bool


ANSWERS_KEPT = 8  # the most recent answers the record keeps per delegation, so a state stays bounded


@dataclass(frozen=True)
class State:
    scenario: Scenario
    seed: int
    rng: int
    venue: int
    round: int
    turn: int  # position in the venue's turn order
    ap: int  # action points the current actor has left
    closing: bool  # the last round is over; those with open proposals before them answer them
    step: int  # actions applied so far
    positions: tuple[tuple[int, ...], ...]  # delegation -> issue -> public option (-1: none)
    trust: tuple[tuple[int, ...], ...]  # trust[a][b]: how far a trusts b, 0..100
    support: tuple[int, ...]
    stability: tuple[int, ...]
    momentum: int
    agenda: tuple[int, ...]
    settled: tuple[int, ...]  # issue -> agreed option, -1 while open
    present: tuple[bool, ...]
    boycotted: tuple[bool, ...]
    proposals: tuple[Proposal, ...]  # open proposals
    next_proposal: int
    agreements: tuple[Agreement, ...]
    revealed: tuple[tuple[int, int, int], ...]  # (learner, subject, issue), sorted
    fired: tuple[int, ...]  # event -> times fired
    concessions: tuple[int, ...]  # per delegation, concessions made
    # What the room has seen each delegation do, per issue and option: options it put in its
    # proposals, and options in packages it accepted or rejected. Fixed-size tallies rather
    # than a log, so the state (and its hash) does not grow with the length of the game.
    offered: tuple[tuple[tuple[int, ...], ...], ...]
    accepted: tuple[tuple[tuple[int, ...], ...], ...]
    rejected: tuple[tuple[tuple[int, ...], ...], ...]
    moved: bool  # something moved this round (agreement, concession, acceptance)
    stall: int  # rounds in a row where nothing moved
    outcome: str  # RUNNING, or the last venue's outcome once the game is over
    venue_outcomes: tuple[str, ...]
    reason: str  # why the game (or the last venue) ended
    # What the rounds without a deal have cost each delegation so far, in ten-thousandths of
    # utility (clock.bleed): the status quo on an open issue hurts the sides that want it changed.
    toll: tuple[int, ...] = ()
    # The packages each delegation accepted or refused, whole, as the room saw them (its last
    # ANSWERS_KEPT answers, oldest first): the tallies above count options and lose which options
    # went together, and a refused package bounds what its refuser holds out for. Public, and a
    # pure function of the actions: left out of the state hash (game.engine.hashing), so saves
    # written before it still verify.
    answers: tuple[Answer, ...] = ()

    @property
    def over(self) -> bool:
        return self.outcome != RUNNING

    @property
    def venue_def(self) -> Venue:
        return self.scenario.venues[self.venue]

    @property
    def actor(self) -> int:
        """The delegation whose turn it is."""
        return self.scenario.venues[self.venue].turn_order[self.turn]

    def deal(self) -> tuple[int, ...]:
        """The option in force on every issue: the agreed one, else the status quo."""
        issues = self.scenario.issues
        return tuple(s if s >= 0 else issues[i].status_quo for i, s in enumerate(self.settled))


def frozen(cls: type[T], values: dict[str, Any]) -> T:
    """An instance of the frozen dataclass `cls` with these field values, equal to cls(**values),
    made without its __init__: that sets every field through object.__setattr__ (the price of
    frozen), a cost paid once per action for a State and once per move for a View. Only for
    classes without __post_init__ or slots, with every field given: tests/engine/test_frozen.py
    holds State and View (and the code that fills them) to that.

    `values` becomes the instance's own __dict__, not copied: pass a dict made for it (every
    caller builds one) and keep no other hold on it. Copying it into the fresh instance's dict
    cost three times as much as the assignment, the keys inserted one by one."""
    made: T = _new(cls)
    _set(made, "__dict__", values)
    return made


_new = object.__new__
_set = object.__setattr__
