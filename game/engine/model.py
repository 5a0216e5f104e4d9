"""The scenario as the engine sees it: typed, validated, immutable.

Everything is referred to by position (issue 3, delegation 1) inside the engine, which keeps the
rules fast and the state small; the ids authors write are kept beside for messages and saves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

ROLES = ("party", "guarantor", "mediator", "observer")
PARTY, GUARANTOR, MEDIATOR, OBSERVER = ROLES
CONTROLLERS = ("ai", "human")
STYLES = ("boulware", "linear", "conceder")
EFFECT_KINDS = (
    "trust",
    "support",
    "stability",
    "momentum",
    "agenda_add",
    "agenda_remove",
    "break",
    "walk_away",
    "leave",
)


@dataclass(frozen=True)
class Effect:
    """One change an event or an agreed option makes. Unused operands are -1."""

    kind: str
    a: int = -1  # delegation (trust from, support, break by, walk_away, leave), zone, or issue (agenda, break)
    b: int = -1  # delegation (trust to)
    delta: int = 0


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    effects: tuple[Effect, ...] = ()


@dataclass(frozen=True)
class Issue:
    id: str
    name: str
    options: tuple[Option, ...]
    status_quo: int
    zone: int = -1
    description: str = ""

    def option_index(self, option_id: str) -> int:
        """The index of the option with this id, -1 if none (the first, were an id repeated)."""
        try:
            return self._option_indices.get(option_id, -1)
        except TypeError:  # not an id at all (unhashable): no option has it, as a scan would find
            return -1

    @cached_property
    def _option_indices(self) -> dict[str, int]:
        # every package checked resolves its options by id: a lookup, not a scan
        indices: dict[str, int] = {}
        for i, option in enumerate(self.options):
            indices.setdefault(option.id, i)
        return indices


@dataclass(frozen=True)
class Zone:
    id: str
    name: str
    stability: int
    description: str = ""


@dataclass(frozen=True)
class Personality:
    style: str = "linear"
    temper: float = 0.5

    @property
    def exponent(self) -> float:
        """The concession exponent e of the time-dependent tactic: target ~ t ** (1 / e)."""
        return {"boulware": 0.3, "linear": 1.0, "conceder": 3.0}[self.style]


@dataclass(frozen=True)
class Delegation:
    id: str
    name: str
    leader: str
    role: str
    patrons: tuple[int, ...]
    controller: str
    personality: Personality
    weights: tuple[float, ...]  # per scenario issue, normalised to sum 1
    values: tuple[tuple[float, ...], ...]  # per issue, per option, in 0..1
    red_lines: tuple[frozenset[int], ...]  # per issue, options never accepted willingly
    reservation: float
    support: int
    trust: tuple[int, ...]  # towards each delegation at the start
    opening: tuple[int, ...]  # public position per issue; -1 where it takes none
    description: str = ""
    stances: tuple[str, ...] = ()  # per issue, the side's own words ("" where none)
    heeds: tuple[int, ...] = ()  # non-signatories (observers) whose views it weighs in its offers
    plural: bool = False  # "The platforms reject", not "rejects"
    short_name: str = ""  # for the interface's narrow columns ("Russia"); "" where the file gives none


@dataclass(frozen=True)
class Venue:
    id: str
    name: str
    agenda: tuple[int, ...]
    signatories: tuple[int, ...]
    turn_order: tuple[int, ...]
    action_points: int
    rounds: int
    momentum: int
    attendance_optional: bool = False
    momentum_decay: int = 8
    random_events: float = 0.0
    chair: int = -1
    walkout_momentum: int = -1  # what a walk-out costs here; -1: the scenario's rule
    place: str = ""
    dates: str = ""
    description: str = ""


CONDITION_KINDS = (
    "present",
    "absent",
    "boycotted",
    "walked_out",
    "momentum",
    "support",
    "trust",
    "stability",
    "agreed",
    "open",
    "round",
)
NO_LIMIT = -1  # a Condition bound that is not set


@dataclass(frozen=True)
class Condition:
    """One fact about the table that an event needs before it fires.

    present / absent / boycotted / walked_out: delegation a; agreed: issue a, option b (-1: any);
    open: issue a; momentum, round: low..high; support: delegation a; trust: from a to b;
    stability: zone a. low and high are inclusive bounds on the number, NO_LIMIT where unset.
    """

    kind: str
    a: int = -1
    b: int = -1
    low: int = NO_LIMIT
    high: int = NO_LIMIT


@dataclass(frozen=True)
class Alternative:
    """What a scripted event says and does instead when its conditions do not hold."""

    title: str
    text: str
    effects: tuple[Effect, ...] = ()


@dataclass(frozen=True)
class EventCard:
    id: str
    title: str
    text: str
    effects: tuple[Effect, ...]
    venue: int = -1  # -1: any venue
    round: int = 0  # 0: not scripted
    weight: float = 0.0  # 0: never drawn at random
    repeat: bool = False
    when: tuple[Condition, ...] = ()  # every one must hold for the event to fire
    otherwise: Alternative | None = None  # fired in its place (when scripted) if they do not
    sources: tuple[str, ...] = ()  # where the facts it tells come from
    lesson: bool = False  # a tutorial's lesson: the interface shows it even if the game ends first

    @cached_property
    def leavers(self) -> frozenset[int]:
        """The delegations its effects take from the table (`leave`): an agent asks it of every
        card of the deck at many of its moves (ai.deck), so it is worked out once per card."""
        return frozenset(e.a for e in self.effects if e.kind == "leave")


UNCHANGED = -1  # history.outcome: the status quo stood on the issue
NOT_AGREED = -2  # history.outcome: nothing was agreed on the issue


@dataclass(frozen=True)
class History:
    summary: str = ""
    # (issue, what happened): an option index really agreed, UNCHANGED or NOT_AGREED
    outcome: tuple[tuple[int, int], ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rules:
    default_trust: int = 50
    collapse_support: int = 10
    concession_cost: int = 100
    hardline_support: int = 6
    hardline_trust: int = 8
    conciliatory_support: int = 2
    conciliatory_trust: int = 5
    meet_trust: int = 4
    pressure_trust: int = 6
    pressure_standing: int = 3
    redline_support: int = 25
    agreement_momentum: int = 10
    concession_momentum: int = 3
    walkout_momentum: int = 20
    stability_drag: int = 25
    drag_momentum: int = 1
    response_trust: int = 2
    agreement_trust: int = 3
    concession_trust: int = 3
    hardline_momentum: int = 2
    conciliatory_momentum: int = 1
    meet_momentum: int = 1
    pressure_support: int = 2
    pressure_momentum: int = 2
    leave_trust: int = 10
    break_trust: int = 15
    break_momentum: int = 10
    # Private types: each game draws every delegation's real numbers around the file's (types.py)
    weight_spread: int = 0  # percent of itself each weight may move before renormalising
    value_spread: int = 0  # hundredths each option's value may move (the options keep their order)
    reservation_spread: int = 0  # hundredths the walk-away value may move
    # The cost of time (clock.py): percent chance scale that talks end after a round before the last
    breakdown_risk: int = 0
    # ...and hundredths of utility a round costs a side for what it lacks on each open issue
    delay_cost: int = 0


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    summary: str
    zones: tuple[Zone, ...]
    issues: tuple[Issue, ...]
    delegations: tuple[Delegation, ...]
    venues: tuple[Venue, ...]
    events: tuple[EventCard, ...] = ()
    history: History = field(default_factory=History)
    rules: Rules = field(default_factory=Rules)
    date: str = ""
    content_hash: str = ""  # sha256 of the source file's bytes

    @property
    def signing(self) -> tuple[int, ...]:
        """Every delegation that signs at some venue, in scenario order (a venue's own are its
        `signatories`): the seats a tournament can measure, and the debrief's signatories."""
        return tuple(sorted({d for v in self.venues for d in v.signatories}))

    @cached_property
    def tolls(self) -> dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[int, ...]]:
        """What a round without a deal costs each delegation, by (the deal in force, the open
        issues of the agenda): filled in by flow.charge_delay, bounded there."""
        return {}

    @cached_property
    def package_texts(self) -> dict[tuple[tuple[int, int], ...], str]:
        """A package of (issue, option) indices as the records describe it: filled in by
        handlers.describe_package, bounded there."""
        return {}

    @cached_property
    def situation_fixed(self) -> dict[tuple[int, int], tuple[Any, ...]]:
        """The scenario's part of a Situation (situation.from_state), by (venue, delegation):
        filled in there; at most venues x delegations entries."""
        return {}

    @cached_property
    def delegation_index(self) -> dict[str, int]:
        return {d.id: i for i, d in enumerate(self.delegations)}

    @cached_property
    def issue_index(self) -> dict[str, int]:
        return {x.id: i for i, x in enumerate(self.issues)}

    @cached_property
    def zone_index(self) -> dict[str, int]:
        return {z.id: i for i, z in enumerate(self.zones)}

    @cached_property
    def venue_index(self) -> dict[str, int]:
        return {v.id: i for i, v in enumerate(self.venues)}

    # Public facts of every delegation, as tuples built once: the legality checks read them on
    # every action.
    @cached_property
    def ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.delegations)

    @cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.delegations)

    @cached_property
    def roles(self) -> tuple[str, ...]:
        return tuple(d.role for d in self.delegations)

    @cached_property
    def patrons(self) -> tuple[tuple[int, ...], ...]:
        return tuple(d.patrons for d in self.delegations)

    @cached_property
    def red_lines(self) -> tuple[tuple[frozenset[int], ...], ...]:
        return tuple(d.red_lines for d in self.delegations)
