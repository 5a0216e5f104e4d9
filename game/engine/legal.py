"""What a delegation may do now: the one source the handlers, the UI and every agent read.

Modelled on python-chess's `board.legal_moves`, with one difference forced by the game: a
proposal is a package (any non-empty set of open issues, an allowed option on each) put to any
non-empty set of delegations, far too many to list. So `Moves` gives, for every action kind,
whether it is open now, why not in the engine's own words, and what it costs; the domains the
parameters range over; the concrete actions of the finite kinds; an exact count of all legal
actions (perft-style, proposals included); and uniform draws, packages included.

    moves = legal_moves(state, actor)       # or moves_for(view), from an agent's or UI's seat
    moves.status("concede")                 # Status(kind, allowed, reason, ap)
    moves.concession_cost(issue, option)    # support at home, as the handler will take it
    list(moves.finite())                    # every legal respond, concede, statement, ...
    moves.count()                           # all legal actions, proposals and drafts included
    moves.draw(rng)                         # one legal action, uniformly over all of them
    is_legal(state, action)

Every "why not" comes from checks.py, which the engine's apply() runs on every action, so what
is offered here and what apply() accepts cannot drift apart (a test plays random games over
these moves and asserts the engine refuses none).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from game.engine import actions as A
from game.engine import checks as C
from game.engine.errors import GameError
from game.engine.records import in_sentence
from game.engine.rng import Rng
from game.engine.situation import (
    DRAFTERS,
    PROPOSERS,
    Situation,
    agreement_cost,
    concession_cost,
    from_state,
    from_view,
    may_draft,
    may_propose,
    pressed_step,
)
from game.engine.state import ACCEPTED, PENDING, Proposal, State
from game.engine.view import View

# Every action kind, in the order a player's menu lists them.
KINDS = ("respond", "propose", "draft", "concede", "statement", "pressure", "meet", "boycott", "walk_out", "pass")
FINITE_KINDS = tuple(k for k in KINDS if k not in ("propose", "draft"))

NOTHING_OPEN = "nothing is left to negotiate here"
NOBODY_HERE = "nobody else is at the table"
NOTHING_TO_ANSWER = "no proposal is waiting for your answer"
NO_CONCESSION = (
    "no concession is open to you: you hold no position you can give ground on without crossing your red line"
)
NO_CLIENT = "you have no client at the table"
NO_PRESS = "none of your clients can be pressed: they stand where you do, hold no position, or are at their red line"

__all__ = [
    "DRAFTERS",
    "FINITE_KINDS",
    "KINDS",
    "PROPOSERS",
    "Moves",
    "PressureTarget",
    "Status",
    "agreement_cost",
    "concession_cost",
    "is_legal",
    "legal_moves",
    "may_draft",
    "may_propose",
    "moves_for",
    "refusal",
]


class Status(NamedTuple):
    """Whether an action kind is open now; if not, why, in words a player reads."""

    kind: str
    allowed: bool
    reason: str  # "" when allowed
    ap: int  # action points it takes


@dataclass(frozen=True, slots=True)
class PressureTarget:
    """One possible press: the client moves one step, from `current` to `step`, on `issue`."""

    client: int
    issue: int
    current: int
    step: int


class Moves:
    """The legal moves of one delegation in one state; computed lazily and remembered."""

    def __init__(self, situation: Situation) -> None:
        self.s = situation
        self._status: dict[str, Status] = {}
        self._package_options: dict[int, tuple[int, ...]] = {}
        self._concession_options: dict[int, tuple[int, ...]] = {}

    # --- the kinds -----------------------------------------------------------------------

    def status(self, kind: str) -> Status:
        cached = self._status.get(kind)
        if cached is None:
            why = self._refusal(kind)
            cached = self._status[kind] = Status(kind, not why, why, C.ap_cost(self.s, kind))
        return cached

    def allowed(self, kind: str) -> bool:
        return self.status(kind).allowed

    def open_to_me(self, kind: str) -> bool:
        """Whether the kind's own rules allow it to the viewer now, whoever's turn it is and
        whatever it owes: what the brief tells a player they may do when the turn comes."""
        return not self._kind_refusal(kind)

    @property
    def statuses(self) -> dict[str, Status]:
        """Every kind's status, in KINDS order (the UI lists refused kinds with their reason)."""
        return {k: self.status(k) for k in KINDS}

    def _refusal(self, kind: str) -> str:
        """Why no action of this kind is legal now, checked in the engine's order."""
        s = self.s
        if s.not_my_turn:
            return s.not_my_turn
        if s.closing:
            return self._kind_refusal(kind) if kind in ("respond", "walk_out", "pass") else C.CLOSING_REFUSAL
        if kind not in ("respond", "walk_out") and self._draft_owed:
            return self._draft_owed
        why = self._kind_refusal(kind)
        return why or (C.NO_AP_REFUSAL if C.ap_cost(s, kind) > s.ap else "")

    @cached_property
    def _draft_owed(self) -> str:
        return C.draft_refusal(self.s)

    def _kind_refusal(self, kind: str) -> str:
        s = self.s
        if kind == "respond":
            return "" if self.awaiting else NOTHING_TO_ANSWER
        if kind == "propose":
            return (
                C.role_refusal(s, PROPOSERS, "make proposals")
                or ("" if self.package_issues else NOTHING_OPEN)
                or ("" if self.addressees else NOBODY_HERE)
            )
        if kind == "draft":
            return (
                C.role_refusal(s, DRAFTERS, "table a draft text")
                or ("" if self.package_issues else NOTHING_OPEN)
                or ("" if self.draft_recipients else C.NO_DRAFT_RECIPIENTS)
            )
        if kind == "concede":
            return C.role_refusal(s, PROPOSERS, "make concessions") or ("" if self.concedable_issues else NO_CONCESSION)
        if kind == "pressure":
            return ("" if self.clients else NO_CLIENT) or ("" if self.pressure_targets else NO_PRESS)
        if kind == "meet":
            return "" if self.others else NOBODY_HERE
        if kind == "boycott":
            return C.boycott_refusal(s)
        return ""  # a statement (to the room at least), walking out and passing are always open

    # --- the domains the parameters range over ----------------------------------------------

    @cached_property
    def open_issues(self) -> tuple[int, ...]:
        """Agenda issues still to be negotiated here, in agenda order."""
        settled = self.s.settled
        return tuple(i for i in self.s.agenda if settled[i] < 0)

    def package_options(self, issue: int) -> tuple[int, ...]:
        """Options the viewer may put in a package on an open issue: those not across its red line."""
        cached = self._package_options.get(issue)
        if cached is None:
            red = self.s.own.red_lines[issue]
            cached = self._package_options[issue] = tuple(
                o for o in range(len(self.s.issues[issue].options)) if o not in red
            )
        return cached

    @cached_property
    def package_issues(self) -> tuple[int, ...]:
        """Open issues a package may carry (those with an option the viewer may put in it)."""
        return tuple(i for i in self.open_issues if self.package_options(i))

    @cached_property
    def others(self) -> tuple[int, ...]:
        """Delegations at the table other than the viewer: who may be met, addressed, proposed to."""
        me = self.s.me
        return tuple(d for d, here in enumerate(self.s.present) if here and d != me)

    @property
    def addressees(self) -> tuple[int, ...]:
        return self.others

    @cached_property
    def signatories(self) -> tuple[int, ...]:
        """The venue's signatories at the table besides the viewer: the ones a deal needs."""
        present, me = self.s.present, self.s.me
        return tuple(d for d in self.s.venue.signatories if present[d] and d != me)

    def lacking(self, p: Proposal) -> tuple[int, ...]:
        """The signatories at the table besides the viewer whose yes `p` still lacks: neither its
        author nor among those who accepted it. None left and the viewer's yes makes it agreed."""
        yes = {p.author} | {d for d, r in zip(p.to, p.responses, strict=True) if r == ACCEPTED}
        return tuple(d for d in self.signatories if d not in yes)

    @cached_property
    def draft_recipients(self) -> tuple[int, ...]:
        """Who must answer a mediator's draft: every party and guarantor present."""
        return C.draft_recipients(self.s)

    @cached_property
    def awaiting(self) -> tuple[Proposal, ...]:
        """Open proposals waiting for the viewer's answer, drafts first (they must be answered
        before anything else), then oldest first."""
        me = self.s.me
        waiting = [p for p in self.s.proposals if p.response_of(me) == PENDING]
        return tuple(sorted(waiting, key=lambda p: (not p.draft, p.id)))

    def concession_options(self, issue: int) -> tuple[int, ...]:
        """Options the viewer may concede to on an open issue, by option index."""
        cached = self._concession_options.get(issue)
        if cached is None:
            n = len(self.s.issues[issue].options)
            cached = self._concession_options[issue] = tuple([o for o in range(n) if self._concedes(issue, o)])
        return cached

    def may_concede(self, issue: int, option: int) -> bool:
        """`option in concession_options(issue)`, by the one option's rules: an agent asks it of
        one step from its position, and the list asks the rules of every option of the issue,
        each refused one's sentence written (docs/lab/speed.md, "A twentieth pass")."""
        cached = self._concession_options.get(issue)
        if cached is not None:
            return option in cached
        return 0 <= option < len(self.s.issues[issue].options) and self._concedes(issue, option)

    def _concedes(self, issue: int, option: int) -> bool:
        """The one rule of both: the viewer's role may propose, it states a position on the issue,
        and the engine refuses no concession to `option` (conditions.concession_refusal)."""
        s = self.s
        return (
            may_propose(s.roles[s.me]) and s.positions[s.me][issue] >= 0 and not C.concession_refusal(s, issue, option)
        )

    @cached_property
    def concedable_issues(self) -> tuple[int, ...]:
        return tuple(i for i in self.open_issues if self.concession_options(i))

    def concession_cost(self, issue: int, option: int) -> int:
        """Support at home a concession to `option` costs, as the engine will take it."""
        s = self.s
        return concession_cost(s.rules, s.own, issue, s.positions[s.me][issue], option)

    def agreement_cost(self, package: tuple[tuple[int, int], ...]) -> int:
        """Support at home the viewer would lose if `package` (by index) were agreed now."""
        s = self.s
        return agreement_cost(s.rules, s.own, s.positions[s.me], package)

    @cached_property
    def clients(self) -> tuple[int, ...]:
        """Delegations at the table whose patrons include the viewer."""
        me, patrons = self.s.me, self.s.patrons
        return tuple(d for d in self.others if me in patrons[d])

    @cached_property
    def pressure_targets(self) -> tuple[PressureTarget, ...]:
        """Every press the engine allows, with the step the client would be moved to."""
        s = self.s
        mine = s.positions[s.me]
        return tuple(
            PressureTarget(client, i, s.positions[client][i], pressed_step(mine[i], s.positions[client][i]))
            for client in self.clients
            for i in self.open_issues
            if not C.pressure_refusal(s, client, i)
        )

    @cached_property
    def statement_targets(self) -> tuple[int, ...]:
        """-1 for the room, then every other delegation at the table."""
        return (-1, *self.others)

    # --- concrete actions ------------------------------------------------------------------

    def finite(self) -> Iterator[A.Action]:
        """Every legal action of the finite kinds (all but proposals and drafts), in KINDS order."""
        for kind in FINITE_KINDS:
            if self.allowed(kind):
                yield from self._of_kind(kind)

    def _of_kind(self, kind: str) -> Iterator[A.Action]:
        s = self.s
        me = s.own.id
        ids = [d.id for d in s.issues]
        if kind == "respond":
            for p in self.awaiting:
                yield A.Respond(me, p.id, True)
                yield A.Respond(me, p.id, False)
        elif kind == "concede":
            for i in self.concedable_issues:
                for o in self.concession_options(i):
                    yield A.Concede(me, ids[i], s.issues[i].options[o].id)
        elif kind == "statement":
            for tone in A.TONES:
                for d in self.statement_targets:
                    yield A.Statement(me, tone, self._id(d) if d >= 0 else "")
        elif kind == "pressure":
            for t in self.pressure_targets:
                yield A.Pressure(me, self._id(t.client), ids[t.issue])
        elif kind == "meet":
            for d in self.others:
                yield A.Meet(me, self._id(d))
        elif kind == "boycott":
            yield A.Boycott(me)
        elif kind == "walk_out":
            yield A.WalkOut(me)
        elif kind == "pass":
            yield A.Pass(me)

    def _id(self, d: int) -> str:
        return self.s.ids[d]

    def _count(self, kind: str) -> int:
        """How many legal actions of a finite kind, without listing them."""
        if not self.allowed(kind):
            return 0
        if kind == "respond":
            return 2 * len(self.awaiting)
        if kind == "concede":
            return sum(len(self.concession_options(i)) for i in self.concedable_issues)
        if kind == "statement":
            return len(A.TONES) * len(self.statement_targets)
        if kind == "pressure":
            return len(self.pressure_targets)
        if kind == "meet":
            return len(self.others)
        return 1

    @cached_property
    def packages(self) -> int:
        """How many packages the viewer may put forward: each open issue absent or at one allowed option."""
        n = 1
        for i in self.package_issues:
            n *= 1 + len(self.package_options(i))
        return n - 1

    def counts(self) -> dict[str, int]:
        """Legal actions of each kind; a proposal's addressees count as a set (their order is free)."""
        out = {k: self._count(k) for k in KINDS}
        if self.allowed("propose"):
            out["propose"] = self.packages * (2 ** len(self.addressees) - 1)
        if self.allowed("draft"):
            out["draft"] = self.packages
        return out

    def count(self) -> int:
        return sum(self.counts().values())

    def draw_package(self, rng: Rng) -> A.Package:
        """A package drawn uniformly from all the viewer may put forward (there must be one)."""
        s = self.s
        while True:
            out: list[tuple[str, str]] = []
            for i in self.package_issues:
                allowed = self.package_options(i)
                k = rng.below(len(allowed) + 1)
                if k < len(allowed):
                    out.append((s.issues[i].id, s.issues[i].options[allowed[k]].id))
            if out:
                return tuple(out)

    def draw_addressees(self, rng: Rng) -> tuple[str, ...]:
        """A non-empty set of addressees, drawn uniformly, in table order."""
        while True:
            to = tuple(self._id(d) for d in self.addressees if rng.below(2))
            if to:
                return to

    def draw(self, rng: Rng) -> A.Action:
        """One legal action, each of all the legal actions equally likely (there is always one
        when it is the viewer's turn: a pass, a walk-out or an answer)."""
        counts = self.counts()
        total = sum(counts.values())
        if not total:
            raise GameError(self.s.not_my_turn or "no legal action")
        pick = rng.below(total)
        for kind in KINDS:
            n = counts[kind]
            if pick < n:
                me = self.s.own.id
                if kind == "propose":
                    return A.Propose(me, self.draw_package(rng), self.draw_addressees(rng))
                if kind == "draft":
                    return A.Draft(me, self.draw_package(rng))
                for action in self._of_kind(kind):
                    if not pick:
                        return action
                    pick -= 1
            pick -= n
        raise AssertionError("unreachable: pick < total")

    # --- a single action -------------------------------------------------------------------

    def refusal(self, action: A.Action) -> str:
        """Why the engine would refuse `action` ("" if it would take it)."""
        if self.s.not_my_turn:
            return self.s.not_my_turn
        if action.actor != self.s.own.id:
            other = self.s.delegation_index.get(action.actor) if isinstance(action.actor, str) else None
            if other is None:
                return f"there is no delegation {action.actor!r} in this scenario"
            return f"it is {in_sentence(self.s.name)}'s turn, not {in_sentence(self.s.names[other])}'s"
        try:
            # the fields' types first, as apply() checks them: a move from outside the game (a
            # plug-in agent's) may hold anything, and the rules behind trust their input
            C.check_types(action)
            C.check(self.s, action)
        except GameError as e:
            return str(e)
        return ""

    def __contains__(self, action: object) -> bool:
        return isinstance(action, A.Action) and not self.refusal(action)


def legal_moves(state: State, actor: int | None = None) -> Moves:
    """The moves of `actor` (by default the delegation whose turn it is) in `state`."""
    return Moves(from_state(state, state.actor if actor is None else actor))


def moves_for(view: View) -> Moves:
    """The same, from a delegation's own View: what an agent or a player's screen may ask."""
    return Moves(from_view(view))


def refusal(state: State, action: A.Action) -> str:
    """Why apply() would refuse `action` now, in its words ("" if it would take it)."""
    if state.over:
        return "the game is over"
    if not isinstance(action, A.Action):
        return f"not an action: {action!r}"
    actor = state.scenario.delegation_index.get(action.actor) if isinstance(action.actor, str) else None
    if actor is None:
        return f"there is no delegation {action.actor!r} in this scenario"
    return legal_moves(state, actor).refusal(action)


def is_legal(state: State, action: A.Action) -> bool:
    return not refusal(state, action)
