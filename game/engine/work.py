"""A mutable working copy of a state, used while one action is applied.

Applying an action touches many meters at once; doing it on a working copy and freezing once
at the end is simpler and faster than a chain of dataclasses.replace calls. Nothing outside
the engine ever sees a Work: apply() returns only frozen States.

The copy is copy-on-write. An action writes a few cells of a state that holds hundreds (the
offered/accepted/rejected tallies alone hold delegations x issues x options), and copying all
of it into lists and back into tuples on every action was most of apply()'s time. So a Work
starts out holding the state's own tuples, and the one rule is:

    a tuple may be shared with the state (or with the next state) and is never written;
    a list belongs to this Work alone and may be written in place.

Sequence fields are typed as read-only Sequences, and every write goes through a method here
(set_position, add_trust, set_settled, tally_offer, ...) that first turns just the part it
writes into a list: the field for a flat one, then the one row of a table (positions[d],
trust[a], offered[d][i]). Assigning a whole new value to a field (any tuple, or a list made
for it, as in w.proposals = [...]) is fine too. freeze() turns back into tuples only what
became a list and reuses every tuple as it is, so consecutive states share whatever an action
left alone.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from itertools import compress, repeat
from operator import is_not, itemgetter
from typing import Any, TypeVar

from game.engine.model import Effect, Scenario
from game.engine.records import Record, in_sentence, verb_for
from game.engine.state import ANSWERS_KEPT, Agreement, Answer, Proposal, State, frozen
from game.engine.types import UNDRAWN

T = TypeVar("T")
Fact = tuple[int, int, int]  # a revealed weight: (learner, subject, issue)
Table2 = Sequence[Sequence[int]]
Table3 = Sequence[Sequence[Sequence[int]]]


def clamp(value: int, low: int = 0, high: int = 100) -> int:
    return low if value < low else high if value > high else value


# --- copy-on-write helpers: each returns the updated sequence, which the caller stores ----------


def _own(seq: Sequence[T]) -> list[T]:
    """seq itself if it is already ours (a list), else a list copy of it to write on."""
    return seq if isinstance(seq, list) else list(seq)


def _set(seq: Sequence[T], i: int, value: T) -> list[T]:
    out = seq if type(seq) is list else list(seq)  # _own(seq), without its call: written often
    out[i] = value
    return out


def _set2(table: Sequence[Sequence[T]], a: int, b: int, value: T) -> list[Sequence[T]]:
    """table with table[a][b] = value, copying only the outer sequence and row a (once)."""
    out = table if type(table) is list else list(table)
    row = out[a]
    row = row if type(row) is list else list(row)
    row[b] = value
    out[a] = row
    return out


def _tallied(table: Table3, d: int, package: tuple[tuple[int, int], ...]) -> tuple[Sequence[Sequence[int]], ...]:
    """table with table[d][i][o] counted once more for each (i, o) of the package: frozen
    already, all the way down (an action tallies a table once, for one delegation, so copying
    its few rows' references here costs less than freezing finds to undo: freeze() passes a
    tuple by)."""
    out = list(table)
    rows = list(out[d])
    for i, o in package:
        row = list(rows[i])  # a fresh row each time: an issue appears once in a package
        row[o] += 1
        rows[i] = tuple(row)
    out[d] = tuple(rows)
    return tuple(out)


def _freeze2(table: Table2) -> tuple[tuple[int, ...], ...]:
    if type(table) is tuple:
        # Never written, so it is still the state's own table: tuples all the way down.
        return table
    return tuple(map(tuple, table))  # tuple(row) of a tuple row is that same tuple


def _freeze3(table: Table3) -> tuple[tuple[tuple[int, ...], ...], ...]:
    if type(table) is tuple:
        return table  # never written, as above
    # only the rows written (lists now: one, for a tally) are frozen; found in C, as in freeze
    rows: list[Any] = list(table)
    for d in compress(range(len(rows)), map(is_not, map(type, rows), repeat(tuple))):
        rows[d] = _freeze2(rows[d])
    return tuple(rows)


# The State's sequence fields, by depth: a Work may hold any of them as a list (see above).
_FLAT = (
    "support",
    "stability",
    "agenda",
    "settled",
    "present",
    "boycotted",
    "proposals",
    "agreements",
    "revealed",
    "fired",
    "concessions",
    "venue_outcomes",
    "toll",
    "answers",
)
_TABLES2 = ("positions", "trust")
_TABLES3 = ("offered", "accepted", "rejected")
_SEQUENCES = (*_FLAT, *_TABLES2, *_TABLES3)
_sequences = itemgetter(*_SEQUENCES)
_FLAGS = ("opening_venues", "venue_waiting", "departed")  # a Work's own, not the state's
_N_FIELDS = len(fields(State))
_FREEZERS: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(_FLAT, tuple),
    **dict.fromkeys(_TABLES2, _freeze2),
    **dict.fromkeys(_TABLES3, _freeze3),
}


class Work:
    """Every State field as an attribute; see the module docstring for how sequences are written.
    __init__ copies the state's attributes in one go (a Work is made for every action)."""

    scenario: Scenario
    seed: int
    rng: int
    venue: int
    round: int
    turn: int
    ap: int
    closing: bool
    step: int
    positions: Table2
    trust: Table2
    support: Sequence[int]
    stability: Sequence[int]
    momentum: int
    agenda: Sequence[int]
    settled: Sequence[int]
    present: Sequence[bool]
    boycotted: Sequence[bool]
    proposals: Sequence[Proposal]
    next_proposal: int
    agreements: Sequence[Agreement]
    revealed: Sequence[Fact]  # kept sorted, so it can be searched
    fired: Sequence[int]
    concessions: Sequence[int]
    offered: Table3
    accepted: Table3
    rejected: Table3
    moved: bool
    stall: int
    outcome: str
    venue_outcomes: Sequence[str]
    reason: str
    toll: Sequence[int]
    answers: Sequence[Answer]
    # what applying the action says, in order
    records: list[Record]
    # The three below are read from the class until an action sets them (few do), so a Work's
    # dict holds only the state's fields and the records.
    # flow.end_venue opens the next venues in a loop, not by recursion (a campaign of hundreds
    # of venues that each end as they open must not overflow the stack)
    opening_venues: bool = False
    venue_waiting: bool = False
    # a signatory a `leave` effect took from the table while this action was applied:
    # flow.check_ends collapses the talks over it (-1: none)
    departed: int = -1

    def __init__(self, state: State) -> None:
        # the state's dict copied whole (in C, as one block) and made this Work's: inserting its
        # fields one by one into a fresh instance's dict cost twice as much
        self.__dict__ = state.__dict__.copy()
        self.records = []

    def freeze(self) -> State:
        # The State is made by filling its __dict__ (state.frozen): a frozen dataclass's
        # __init__ sets its 34 fields one by one through object.__setattr__, and that was most
        # of what freezing cost, once per action. The fields come over in one copy; only those
        # an action wrote (now lists) are turned back into tuples, so every tuple it left alone
        # is shared with the state before.
        # The Work's own dict becomes the state's (a Work is frozen once, and then only its
        # records are read): no copy of its 35 entries
        values = self.__dict__
        self.__dict__ = {"records": values.pop("records")}
        if len(values) > _N_FIELDS:  # an action set a flag of its own (seldom)
            for name in _FLAGS:
                values.pop(name, None)
        # The sequences an action wrote (lists now, the one or two of eighteen) are picked out in
        # one pass in C; each is frozen by its depth
        for name in compress(_SEQUENCES, map(is_not, map(type, _sequences(values)), repeat(tuple))):
            values[name] = _FREEZERS[name](values[name])
        return frozen(State, values)

    # --- writes: the only ways a sequence field changes in place ------------------------------

    def set_position(self, d: int, issue: int, option: int) -> None:
        self.positions = _set2(self.positions, d, issue, option)

    def set_settled(self, issue: int, option: int) -> None:
        self.settled = _set(self.settled, issue, option)

    def set_present(self, d: int, present: bool) -> None:
        self.present = _set(self.present, d, present)

    def set_boycotted(self, d: int, boycotted: bool) -> None:
        self.boycotted = _set(self.boycotted, d, boycotted)

    def count_fired(self, event: int) -> None:
        self.fired = _set(self.fired, event, self.fired[event] + 1)

    def count_concession(self, d: int) -> None:
        self.concessions = _set(self.concessions, d, self.concessions[d] + 1)

    def add_proposal(self, p: Proposal) -> None:
        self.proposals = [*self.proposals, p]

    def add_agreement(self, a: Agreement) -> None:
        self.agreements = [*self.agreements, a]

    def add_venue_outcome(self, outcome: str) -> None:
        self.venue_outcomes = [*self.venue_outcomes, outcome]

    def tally_offer(self, d: int, package: tuple[tuple[int, int], ...]) -> None:
        """d put this package in a proposal or draft: count each of its options as offered."""
        self.offered = _tallied(self.offered, d, package)

    def tally_answer(self, d: int, package: tuple[tuple[int, int], ...], accept: bool) -> None:
        """d accepted (or rejected) this package: count each of its options so."""
        if accept:
            self.accepted = _tallied(self.accepted, d, package)
        else:
            self.rejected = _tallied(self.rejected, d, package)

    def record_answer(self, d: int, p: Proposal, accept: bool) -> None:
        """d answered proposal p in public: kept whole in the record, which holds each
        delegation's last ANSWERS_KEPT answers (its oldest dropped first)."""
        answer = frozen(
            Answer,
            {
                "who": d,
                "proposal": p.id,
                "author": p.author,
                "package": p.package,
                "venue": self.venue,
                "round": self.round,
                "accepted": accept,
            },
        )
        answers = [*self.answers, answer]
        # who gave each answer (the record holds up to ANSWERS_KEPT a delegation, dozens), read
        # afresh at every answer: a shortcut that kept the last record's list of who saved 0.7% of
        # a load for state shared by every game of the scenario (docs/lab/speed.md,
        # "A twelfth pass").
        # A comprehension, whose specialised attribute read is about three times faster than
        # map(attrgetter("who")) over the same forty answers.
        who = [a.who for a in answers]
        if who.count(d) > ANSWERS_KEPT:
            del answers[who.index(d)]  # its oldest
        self.answers = answers

    def knows(self, learner: int, subject: int, issue: int) -> bool:
        """The learner has found out how much the subject cares about the issue."""
        fact = (learner, subject, issue)
        k = bisect_left(self.revealed, fact)
        return k < len(self.revealed) and self.revealed[k] == fact

    def reveal(self, learner: int, subject: int, issue: int) -> None:
        # Inserted in order, so revealed stays sorted as the state wants it, without a sort.
        if not self.knows(learner, subject, issue):
            revealed = _own(self.revealed)
            insort(revealed, (learner, subject, issue))
            self.revealed = revealed

    # --- small helpers shared by the rules -------------------------------------------------

    @property
    def over(self) -> bool:
        return self.outcome != ""

    @property
    def venue_over(self) -> bool:
        """The current venue has ended (its outcome is recorded) but the game may go on."""
        return len(self.venue_outcomes) > self.venue

    def name(self, d: int) -> str:
        return self.scenario.delegations[d].name

    def verb(self, d: int, verb: str) -> str:
        """The verb as delegation d's name takes it (see `verb_for`)."""
        return verb_for(self.scenario.delegations[d].plural, verb)

    def say(self, kind: str, text: str, actor: int = -1) -> None:
        # a record or two an action: filled in directly (state.frozen), like the states
        self.records.append(frozen(Record, {"kind": kind, "text": text, "actor": actor, "round": self.round}))

    def owes_answer(self, d: int) -> bool:
        return any(p.response_of(d) == 0 for p in self.proposals)

    def required_signatories(self) -> list[int]:
        """Signatories whose acceptance a deal needs now: those present."""
        venue = self.scenario.venues[self.venue]
        return [s for s in venue.signatories if self.present[s]]

    # The meters below are written only when their value moves: a meter held at its bound (trust
    # at 0 or 100: nine in ten of the trust rows a long save's answers wrote) is left the very row
    # of the state before, so the next state shares it and nothing downstream (freezing, the state
    # hash) meets a copy of it. The same values either way.

    def add_trust(self, truster: int, trusted: int, delta: int) -> None:
        if truster != trusted:
            before = self.trust[truster][trusted]
            after = clamp(before + delta)
            if after != before:
                self.trust = _set2(self.trust, truster, trusted, after)

    def add_support(self, d: int, delta: int) -> None:
        before = self.support[d]
        after = clamp(before + delta)
        if after != before:
            self.support = _set(self.support, d, after)

    def add_stability(self, zone: int, delta: int) -> None:
        before = self.stability[zone]
        after = clamp(before + delta)
        if after != before:
            self.stability = _set(self.stability, zone, after)

    def add_tolls(self, costs: Sequence[int]) -> None:
        """What each side pays for the round added to its toll (the row copied once, not once a side)."""
        if any(costs):
            self.toll = [t + c for t, c in zip(self.toll, costs, strict=True)]

    def add_momentum(self, delta: int) -> None:
        self.momentum = clamp(self.momentum + delta)

    def drop_leavers_proposals(self, d: int) -> None:
        """What a delegation's leaving the table does to the open proposals: those it made lapse,
        each announced (no one is left to hold to them); those put to it stay open for the others.
        Its answer goes with it: a deal needs the signatories present only, and a signatory that
        leaves collapses the talks unless it boycotted (then it is no longer needed). Before 6
        December 2026 they closed too, without a word: a mediator's draft every signatory but
        two had accepted vanished when a delegation that signs nothing walked out."""
        for p in self.proposals:
            if p.author == d:
                self.say(
                    "expired", f"Proposal #{p.id} lapses: {in_sentence(self.name(d))}, its author, left the table.", d
                )
        self.close_proposals(lambda p: p.author != d)

    def close_proposals(self, keep: object) -> None:
        """Drop the open proposals for which keep(proposal) is false."""
        kept = [p for p in self.proposals if keep(p)]  # type: ignore[operator]
        if len(kept) != len(self.proposals):  # all kept: the state's own tuple stays, as above
            self.proposals = kept

    def apply_effect(self, effect: Effect) -> None:
        sc = self.scenario
        kind = effect.kind
        if kind == "trust":
            self.add_trust(effect.a, effect.b, effect.delta)
        elif kind == "support":
            self.add_support(effect.a, effect.delta)
        elif kind == "stability":
            self.add_stability(effect.a, effect.delta)
        elif kind == "momentum":
            self.add_momentum(effect.delta)
        elif kind == "agenda_add":
            if effect.a not in self.agenda and self.settled[effect.a] < 0:
                self.agenda = [*self.agenda, effect.a]
                self.say("agenda", f"{sc.issues[effect.a].name} is now on the agenda.")
        elif kind == "agenda_remove":
            if effect.a in self.agenda:
                agenda = _own(self.agenda)
                agenda.remove(effect.a)
                self.agenda = agenda
                self.close_proposals(lambda p: all(i != effect.a for i, _ in p.package))
                self.say("agenda", f"{sc.issues[effect.a].name} is taken off the agenda.")
        elif kind == "break":
            self.break_agreement(effect.a, effect.b)
        elif kind == "walk_away":
            self.move_walk_away(effect.a, effect.delta)
        elif kind == "leave":
            self.leave_by_event(effect.a)

    def leave_by_event(self, d: int) -> None:
        """d leaves the venue because of what happened (an event, or an agreed option's effect):
        as a walk-out does, it is gone from the table until the venue ends and the proposals it
        made lapse (drop_leavers_proposals); unlike one, it costs nothing by itself (the event's own effects
        say what it costs, and to whom). A signatory that leaves collapses the talks, as one that
        walks out does (flow.check_ends, unless the agenda is all settled). Nothing happens to a
        delegation already away."""
        if not self.present[d]:
            return
        self.set_present(d, False)
        self.say(
            "left", f"{self.name(d)} {self.verb(d, 'leaves')} {in_sentence(self.scenario.venues[self.venue].name)}.", d
        )
        self.drop_leavers_proposals(d)
        if d in self.scenario.venues[self.venue].signatories and self.departed < 0:
            self.departed = d

    def move_walk_away(self, d: int, delta: int) -> None:
        """What no deal is worth to d moves by delta hundredths (within 0..0.99, as a drawn one):
        the ground shifts under the talks. The game's scenario holds each delegation's real
        numbers (types.draw_types), so everything that reads d's walk-away value (its view, its
        score) reads the moved one; the shift is a function of the events fired and the
        agreements made, which the state holds, so saves and hashes need nothing new. Silent,
        like the other private numbers: the event's text says what happened."""
        sc = self.scenario
        dl = sc.delegations[d]
        moved = round(min(0.99, max(0.0, dl.reservation + delta / 100.0)), 6)
        if moved != dl.reservation:
            delegations = list(sc.delegations)
            delegations[d] = replace(dl, reservation=moved)
            scenario = replace(sc, delegations=tuple(delegations))
            # the tables worked out from what the move leaves as it was (the public facts, as a
            # game's draw does: types.UNDRAWN; and the tolls and the packages' texts, which read
            # no walk-away value) are the old scenario's: an agent's memories keyed by them (the
            # red lines' acceptable options) and the engine's held per scenario carry on, where
            # they were all worked out again after every move of a walk-away value
            vars(scenario).update({name: getattr(sc, name) for name in _UNMOVED})
            self.scenario = scenario

    def break_agreement(self, issue: int, by: int) -> None:
        if self.settled[issue] < 0:
            return
        self.set_settled(issue, -1)
        if issue not in self.agenda and issue in self.scenario.venues[self.venue].agenda:
            self.agenda = [*self.agenda, issue]
        name = self.scenario.issues[issue].name
        if by >= 0:
            for d in range(len(self.present)):
                self.add_trust(d, by, -self.scenario.rules.break_trust)
            self.say(
                "broken",
                f"The agreement on {in_sentence(name)} is broken; the others blame {in_sentence(self.name(by))}.",
                by,
            )
        else:
            self.say("broken", f"The agreement on {name} no longer holds.")
        self.add_momentum(-self.scenario.rules.break_momentum)


# Scenario's cached properties that a moved walk-away value leaves as they were (see
# Work.move_walk_away): the public facts' tables, the tolls (clock.bleed reads weights and values)
# and the packages' texts (labels)
_UNMOVED = (*UNDRAWN, "tolls", "package_texts")
