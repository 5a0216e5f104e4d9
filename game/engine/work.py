"""A mutable working copy of a state, used while one action is applied.

Applying an action touches many meters at once; doing it on lists and freezing once at the end
is simpler and faster than a chain of dataclasses.replace calls. Nothing outside the engine
ever sees a Work: apply() returns only frozen States.
"""

from __future__ import annotations

from dataclasses import fields

from game.engine.model import Effect, Scenario
from game.engine.records import Record
from game.engine.state import Agreement, Proposal, State

_FIELDS = tuple(f.name for f in fields(State))


def clamp(value: int, low: int = 0, high: int = 100) -> int:
    return low if value < low else high if value > high else value


def _freeze3(table: list[list[list[int]]]) -> tuple[tuple[tuple[int, ...], ...], ...]:
    return tuple(tuple(tuple(x) for x in d) for d in table)


class Work:
    """Every State field as an attribute; sequences that change become lists."""

    scenario: Scenario
    seed: int
    rng: int
    venue: int
    round: int
    turn: int
    ap: int
    closing: bool
    step: int
    positions: list[list[int]]
    trust: list[list[int]]
    support: list[int]
    stability: list[int]
    momentum: int
    agenda: list[int]
    settled: list[int]
    present: list[bool]
    boycotted: list[bool]
    proposals: list[Proposal]
    next_proposal: int
    agreements: list[Agreement]
    revealed: set[tuple[int, int, int]]
    fired: list[int]
    concessions: list[int]
    offered: list[list[list[int]]]
    accepted: list[list[list[int]]]
    rejected: list[list[list[int]]]
    moved: bool
    stall: int
    outcome: str
    venue_outcomes: list[str]
    reason: str

    def __init__(self, state: State) -> None:
        for name in _FIELDS:
            setattr(self, name, getattr(state, name))
        self.positions = [list(p) for p in state.positions]
        self.trust = [list(t) for t in state.trust]
        self.support = list(state.support)
        self.stability = list(state.stability)
        self.agenda = list(state.agenda)
        self.settled = list(state.settled)
        self.present = list(state.present)
        self.boycotted = list(state.boycotted)
        self.proposals = list(state.proposals)
        self.agreements = list(state.agreements)
        self.revealed = set(state.revealed)
        self.fired = list(state.fired)
        self.concessions = list(state.concessions)
        self.offered = [[list(x) for x in d] for d in state.offered]
        self.accepted = [[list(x) for x in d] for d in state.accepted]
        self.rejected = [[list(x) for x in d] for d in state.rejected]
        self.venue_outcomes = list(state.venue_outcomes)
        self.records: list[Record] = []

    def freeze(self) -> State:
        return State(
            scenario=self.scenario,
            seed=self.seed,
            rng=self.rng,
            venue=self.venue,
            round=self.round,
            turn=self.turn,
            ap=self.ap,
            closing=self.closing,
            step=self.step,
            positions=tuple(tuple(p) for p in self.positions),
            trust=tuple(tuple(t) for t in self.trust),
            support=tuple(self.support),
            stability=tuple(self.stability),
            momentum=self.momentum,
            agenda=tuple(self.agenda),
            settled=tuple(self.settled),
            present=tuple(self.present),
            boycotted=tuple(self.boycotted),
            proposals=tuple(self.proposals),
            next_proposal=self.next_proposal,
            agreements=tuple(self.agreements),
            revealed=tuple(sorted(self.revealed)),
            fired=tuple(self.fired),
            concessions=tuple(self.concessions),
            offered=_freeze3(self.offered),
            accepted=_freeze3(self.accepted),
            rejected=_freeze3(self.rejected),
            moved=self.moved,
            stall=self.stall,
            outcome=self.outcome,
            venue_outcomes=tuple(self.venue_outcomes),
            reason=self.reason,
        )

    def tally(self, table: list[list[list[int]]], d: int, package: tuple[tuple[int, int], ...]) -> None:
        for i, o in package:
            table[d][i][o] += 1

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

    def say(self, kind: str, text: str, actor: int = -1) -> None:
        self.records.append(Record(kind, text, actor, self.round))

    def owes_answer(self, d: int) -> bool:
        return any(p.response_of(d) == 0 for p in self.proposals)

    def required_signatories(self) -> list[int]:
        """Signatories whose acceptance a deal needs now: those present."""
        venue = self.scenario.venues[self.venue]
        return [s for s in venue.signatories if self.present[s]]

    def add_trust(self, truster: int, trusted: int, delta: int) -> None:
        if truster != trusted:
            self.trust[truster][trusted] = clamp(self.trust[truster][trusted] + delta)

    def add_support(self, d: int, delta: int) -> None:
        self.support[d] = clamp(self.support[d] + delta)

    def add_momentum(self, delta: int) -> None:
        self.momentum = clamp(self.momentum + delta)

    def close_proposals(self, keep: object) -> None:
        """Drop the open proposals for which keep(proposal) is false."""
        self.proposals = [p for p in self.proposals if keep(p)]  # type: ignore[operator]

    def apply_effect(self, effect: Effect) -> None:
        sc = self.scenario
        kind = effect.kind
        if kind == "trust":
            self.add_trust(effect.a, effect.b, effect.delta)
        elif kind == "support":
            self.add_support(effect.a, effect.delta)
        elif kind == "stability":
            self.stability[effect.a] = clamp(self.stability[effect.a] + effect.delta)
        elif kind == "momentum":
            self.add_momentum(effect.delta)
        elif kind == "agenda_add":
            if effect.a not in self.agenda and self.settled[effect.a] < 0:
                self.agenda.append(effect.a)
                self.say("agenda", f"{sc.issues[effect.a].name} is now on the agenda.")
        elif kind == "agenda_remove":
            if effect.a in self.agenda:
                self.agenda.remove(effect.a)
                self.close_proposals(lambda p: all(i != effect.a for i, _ in p.package))
                self.say("agenda", f"{sc.issues[effect.a].name} is taken off the agenda.")
        elif kind == "break":
            self.break_agreement(effect.a, effect.b)

    def break_agreement(self, issue: int, by: int) -> None:
        if self.settled[issue] < 0:
            return
        self.settled[issue] = -1
        if issue not in self.agenda and issue in self.scenario.venues[self.venue].agenda:
            self.agenda.append(issue)
        name = self.scenario.issues[issue].name
        if by >= 0:
            for d in range(len(self.present)):
                self.add_trust(d, by, -15)
            self.say("broken", f"The agreement on {name} is broken; the others blame {self.name(by)}.", by)
        else:
            self.say("broken", f"The agreement on {name} no longer holds.")
        self.add_momentum(-10)
