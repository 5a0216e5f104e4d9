"""The hard agent's plan: when to settle, and on what, from a model of the others' patience.

Time costs every side something each round (its toll) and risks the talks' end, but not the same
for all: a side the status quo suits can wait, a side it starves cannot, and the side that can
wait longest holds the power (Rubinstein). The hard agent reads each counterpart from the public
record (game.ai.opponent's estimates of its weights and values), takes what it has without a deal
to be the status quo (what a delegation can count on if the talks fail), and models how its
demands fall: along the time it has left, less what waiting costs it, down to that status quo at
the deadline. It then asks, for this round and every later one, what is the best package every
counterpart would accept by then, and what waiting for it is worth (the chance that the talks
last that long, less its own toll meanwhile). It settles now when that is best, holds out where
it is the patient one, and refuses an offer worth less than waiting.

Everything here is read from the view: the rule numbers, the momentum, the public record; never
another side's private numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.ai.hazards import hazards
from game.ai.levels import LEVELS, Level
from game.ai.opponent import Beliefs
from game.ai.reading import (
    ULTIMATUM_SHARE,
    bleed_rate,
    counterparts,
    fallback,
    horizon,
    last_round,
    options_outside,
    stonewalled,
    value_with,
    view_memo,
)
from game.ai.repeats import refused_twice
from game.ai.search import search_packages
from game.engine import clock
from game.engine.utility import with_package
from game.engine.view import View

Package = tuple[tuple[int, int], ...]

SAFETY = 0.04  # what we leave a counterpart above its modelled demand: our reading of it is rough
# We model a counterpart as the normal agent plays: this far through the venue it takes anything
# above walking away, and so it does once the chance of another round falls below its gamble.
# Read from its level, so that retuning the normal agent moves our model of it too.
_LATE = LEVELS["normal"].patience
_GAMBLE = LEVELS["normal"].gamble
_TEMPER = 0.5  # a counterpart's temper is private: we take the middle one
TRUSTED = 40.0  # below this trust a normal agent asks a margin over walking away (answering.answer)


@dataclass(frozen=True)
class Side:
    """A counterpart as we read it, in the units of our estimate of its utility."""

    who: int
    floor: float  # what it has without a deal: the status quo on the open issues
    top: float  # the most it could have: its best option on every open issue
    bleed: float  # what a round without a deal costs it


@dataclass(frozen=True)
class Plan:
    later: Package | None  # what to ask for while we hold out: the best a later round would give
    waiting: float  # what holding out is worth to us: the best later round, weighed by risk and toll
    patient: bool  # whether time is on our side


def read_sides(view: View, beliefs: Beliefs) -> list[Side]:
    """Each counterpart as we read it (a fresh list). A decision asks it more than once with the
    same beliefs (the plan, the wary plan, the answer's reading of a deadline: a third of the
    asks at astana-8, hard), and it is a pure function of the view and those beliefs: the last
    answer is kept for the view (reading.view_memo), holding the beliefs it was read with."""
    memo = view_memo(view)
    kept: tuple[Beliefs, list[Side]] | None = memo.get("read_sides")
    if kept is not None and kept[0] is beliefs:
        return list(kept[1])
    sides = _read_sides(view, beliefs)
    memo["read_sides"] = (beliefs, sides)
    return list(sides)


def _read_sides(view: View, beliefs: Beliefs) -> list[Side]:
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    deal = list(view.deal)
    rate = view.rules.delay_cost / 100.0
    sides = []
    others = counterparts(view)
    for s in others:
        best = list(deal)
        lack = 0.0
        if open_issues:
            # its tables and weights looked up once, not per option: the same values
            tables = beliefs.tables_of(s)
            weights = beliefs.weights_of(s)
            tops = _tops(tables, view.red_lines[s])
            for i in open_issues:
                option = tops[i]
                best[i] = deal[i] if option < 0 else option
                lack += weights[i] * (1.0 - tables[i][deal[i]])
        floor = beliefs.utility(s, deal)
        if beliefs.misread(s):
            # its offers contradict what it states, and our reading of its values leans on what it
            # states: a package it refused at this venue is worth no more to it than what it
            # holds out for, so we read its floor as no lower than what we read that package at
            for a in view.answers:
                if not a.accepted and a.who == s and a.venue == view.venue_index:
                    floor = max(floor, beliefs.utility(s, with_package(deal, a.package)))
        top = max(floor, beliefs.utility(s, best))
        side = Side(s, floor, top, rate * lack)
        if beliefs.refusals and len(others) == 1:  # the one counterpart: see _floor_by_refusals
            side = _floor_by_refusals(view, beliefs, side)
        elif beliefs.table_refusals and len(others) > 1:
            side = _floor_by_refusals(view, beliefs, side, ours=True)
        sides.append(side)
    return sides


def _tops(tables: tuple[tuple[float, ...], ...], reds: tuple[frozenset[int], ...]) -> tuple[int, ...]:
    """Per issue, the option of most value by `tables` outside the red line `reds` (the first of
    equal values, as max keeps it over the options in order; -1 where the red line leaves none).
    Every viewer of a side reads the same tables (opponent.Beliefs._tables hands the same objects
    on while the side's public rows stand), so remembered by their identity and the red lines'."""
    key = (id(tables), id(reds))
    hit = _tops_of.get(key)
    if hit is not None and hit[0] is tables and hit[1] is reds:
        return hit[2]
    tops = tuple(
        [
            max(options_outside(len(table), red), key=table.__getitem__, default=-1)
            for table, red in zip(tables, reds, strict=True)
        ]
    )
    if len(_tops_of) >= _TOPS_KEPT:
        _tops_of.clear()
    _tops_of[key] = (tables, reds, tops)
    return tops


# (ids of a side's value tables and red lines) -> (those two, its best options): see _tops
_tops_of: dict[tuple[int, int], tuple[tuple[tuple[float, ...], ...], tuple[frozenset[int], ...], tuple[int, ...]]] = {}
_TOPS_KEPT = 4096


def _floor_by_refusals(view: View, beliefs: Beliefs, side: Side, ours: bool = False) -> Side:
    """`side` with its floor lifted to the least that explains every refusal it gave at this
    venue by our model of its demand (see demand) in the round it refused.

    The model starts a side's demand from the status quo as we read it, and lets it fall there
    by the deadline. A side's walk-away value is private, and where it lies above the status quo
    (a side that gained ground, or one whose scenario balanced it near what a deal gives) the
    side refuses packages the model says it would take, round after round, while the plan holds
    out for them to the end. A refusal the modelled demand of its round explains lifts nothing;
    one it does not explain says the floor is higher, and by how much (docs/lab/agents.md, "Reading
    refusals").

    Read_sides asks it only where the side is our one counterpart at the venue: the plan then
    rests on that side alone, and every refusal it gives answers us or the mediator's text, a
    package it priced either way. At a table of several, a
    side refuses one text while it waits on another's, and the plan's package, refused early,
    is taken late as modelled: lifting floors there cost Sochi's government and Iran 0.037 and
    0.030 of the plan's gain (docs/lab/agents.md, "Reading refusals"). And it reads only a side whose demand shows it has
    not fallen as the model has it fall: its offers never moved, or it refused one package in
    two rounds. A side that moves and refuses each package once may be bargaining along the
    curve the model draws (the tutorial's UN team refuses the government's opening and takes
    its plan at the deadline).

    `ours` (Level.reads_table_refusals): at a table of several, only the
    side's refusals of our own packages, where it refused one of them in two rounds."""
    refused = [a for a in view.answers if not a.accepted and a.who == side.who and a.venue == view.venue_index]
    if ours:
        # at a table of several: only refusals of our own packages, and only where the side
        # refused one of them in two rounds (a refusal that waits for a later round of the
        # model's curve is given once: the next round's package is another)
        refused = [a for a in refused if a.author == view.me]
        if not refused_twice(refused):
            return side
    elif not (_unmoved(view, side.who) or refused_twice(refused)):
        return side
    end = horizon(view)
    deal = list(view.deal)
    floor = side.floor
    # A refused package is weighed with the deal as it stands now; one refused before the venue's
    # last agreement was weighed then against issues still at their status quo, so it says less
    # than it seems (and a round's order of refusal and signing is not in the record: the
    # agreement's own round is left out too)
    since = max((g.round for g in view.agreements if g.venue == view.venue_index), default=0)
    for a in refused:
        if a.round <= since:
            continue
        worth = beliefs.utility(side.who, with_package(deal, a.package))
        if worth <= floor or _demand_at(view, side, floor, a.round, end) >= worth:
            continue
        low, high = floor, worth
        for _ in range(12):  # demand rises with the floor: the least floor that explains it
            mid = 0.5 * (low + high)
            if _demand_at(view, side, mid, a.round, end) >= worth:
                high = mid
            else:
                low = mid
        floor = high
    if floor <= side.floor:
        return side
    return Side(side.who, floor, max(floor, side.top), side.bleed)


def _unmoved(view: View, who: int) -> bool:
    """Whether `who`'s proposals so far put one option at most on every issue of the agenda
    (the public record): its offers have not moved."""
    offered = view.offered[who]
    return all(sum(1 for n in offered[i] if n) <= 1 for i in view.agenda)


def _demand_at(view: View, side: Side, floor: float, at: int, end: float) -> float:
    """What our model says `side` demanded in round `at` of this venue, had its floor been `floor`."""
    return demand(view, Side(side.who, floor, max(floor, side.top), side.bleed), at - view.round, end)


def patient(view: View, sides: list[Side]) -> bool:
    """Whether time is on our side: a round without a deal costs us no more than it costs the
    others on average (the side that can wait longest holds the power)."""
    if not sides:
        return False
    return bleed_rate(view) <= sum(s.bleed for s in sides) / len(sides)


def _late(view: View, at: int) -> bool:
    """Whether, in round `at`, a normal agent takes anything above walking away."""
    rounds = view.venue.rounds
    if at >= rounds or (at - 0.5) / rounds >= _LATE:
        return True
    return 1.0 - clock.breakdown_chance(view.rules, at, rounds, view.momentum) < _GAMBLE


def _aim(view: View, side: Side, ahead: int, end: float) -> float:
    """A counterpart's demand `ahead` rounds from now: a linear curve against the talks' expected
    end (its temper is private: we take the middle one), less its toll until then."""
    t = min(1.0, (view.round + ahead - 0.5) / max(0.5, end))
    aim = side.floor + (side.top - side.floor) * (1.0 - t) - side.bleed * max(0.0, end - view.round - ahead)
    return max(side.floor, aim)


def demand(view: View, side: Side, ahead: int, end: float, wary: bool = False) -> float:
    """The least a counterpart takes `ahead` rounds from now, as we model it: its aim, or what
    waiting is worth to it if that is less (the risk that the talks end, and its toll); `wary`,
    never less than its floor plus the margin it asks from partners it distrusts (see plan)."""
    return _demand(view, side, ahead, end, wary, _round_reading(view, view.round + ahead))


def _round_reading(view: View, at: int) -> tuple[bool, bool, float]:
    """What demand reads of round `at` whatever the side: whether a normal agent then takes
    anything above walking away, and if so whether we look like a side that stonewalled, else
    the chance that the talks last past it (needs reads it once for every side)."""
    if _late(view, at):
        return True, stonewalled(view, view.me), 0.0
    return False, False, 1.0 - clock.breakdown_chance(view.rules, at, view.venue.rounds, view.momentum)


def _demand(view: View, side: Side, ahead: int, end: float, wary: bool, reading: tuple[bool, bool, float]) -> float:
    late, stonewall, chance = reading
    # a side that distrusts us asks a margin over walking away, as a normal agent does (its
    # temper is private: the middle one), and how far it trusts us is public
    distrust = _TEMPER * max(0.0, TRUSTED - view.trust_in_me[side.who]) / 200.0 if wary else 0.0
    if late:
        # a normal agent then takes anything above walking away, but not a lopsided
        # ultimatum from a side that stonewalled, and the record says whether we look like one
        if stonewall:
            return side.floor + max(distrust, ULTIMATUM_SHARE * (side.top - side.floor))
        return side.floor + distrust
    later = chance * _aim(view, side, ahead + 1, end) + (1.0 - chance) * side.floor - side.bleed
    return max(side.floor + distrust, min(_aim(view, side, ahead, end), later))


def needs(view: View, sides: list[Side], ahead: int, end: float, wary: bool = False) -> list[tuple[int, float]]:
    """What the model of each side takes `ahead` rounds from now: its demand then, with the
    margin we leave for a rough reading (SAFETY). A package is taken where it is worth at least
    that to every side (plan's search, and game.ai.sure's reading of a deadline)."""
    reading = _round_reading(view, view.round + ahead)  # the same for every side
    return [(s.who, _demand(view, s, ahead, end, wary, reading) + SAFETY) for s in sides]


def _enough(beliefs: Beliefs, need: list[tuple[int, float]]) -> Callable[[list[int]], bool]:
    """Whether a deal gives every side what `need` says it takes (plan's search stops there)."""

    def enough(deal: list[int]) -> bool:
        return all(beliefs.utility(s, deal) >= n for s, n in need)

    return enough


def plan(view: View, beliefs: Beliefs, level: Level, wary: bool = False) -> Plan:
    """What holding out is worth: for each later round, the best package every counterpart
    would accept by then (the climb from our ideal stops as soon as it gives each what we model
    it to demand, plus a safety margin), weighed by the chance that the talks last that long,
    less our toll until then.

    `wary`: each counterpart's demand also counts the margin a normal agent asks of partners it
    distrusts, read from how far it trusts us (public). The negotiator holds out only where the
    wary plan says so too: without it the plan held out, in the campaign's Turkey seat, for
    packages that sides distrusting Turkey refused to the end. Elsewhere, where an offer is
    weighed against what waiting is worth, it stays the plain plan's: counting the margin in
    every plan cost Astana's seats what reading the plan had won them (docs/AI.md)."""
    floor = fallback(view)
    sides = read_sides(view, beliefs)
    end = horizon(view)
    # no later round in a closing session, whatever the venue's round count says
    last = last_round(view)
    alive = clock.survival(view.rules, view.round, last, view.momentum)
    if level.weighs_hazards:
        # besides the clock: a card that calls a signatory home, and our own walk-out, each of
        # which the refusals of a hold-out bring nearer (game.ai.hazards)
        alive = [a * h for a, h in zip(alive, hazards(view, level, len(alive)), strict=True)]
    toll = bleed_rate(view)
    later: Package | None = None
    waiting = floor
    aheads = range(1, last - view.round + 1)
    enoughs = [_enough(beliefs, needs(view, sides, ahead, end, wary)) for ahead in aheads]
    # every round's search climbs the same way from our ideal and stops where its round's needs
    # are met: one climb serves them all (search_packages)
    packages = search_packages(view, beliefs, floor, level, enoughs)
    for ahead, enough, package in zip(aheads, enoughs, packages, strict=True):
        deal = list(view.deal)
        for i, o in package:
            deal[i] = o
        if not enough(deal):
            continue
        value = value_with(view, package)
        worth = alive[ahead - 1] * value + (1.0 - alive[ahead - 1]) * floor - toll * ahead
        if worth > waiting:
            later, waiting = package, worth
    return Plan(later, waiting, patient(view, sides))
