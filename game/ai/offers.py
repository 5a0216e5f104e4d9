"""What an agent offers: its aspiration over the venue's time and the package it tables at that
aspiration (logrolling, partial packages, a misreading of the others for the weaker levels).
A level that bets chooses among such packages by expected value (game.ai.bets).
The negotiator (game.ai.negotiator) decides when to offer; this module decides what.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ai.estimate import agent_chance
from game.ai.heaviest import level_keeps_heaviest
from game.ai.levels import Level
from game.ai.opponent import Beliefs
from game.ai.reading import (
    allowed,
    best_possible,
    bleed_rate,
    counterparts,
    fallback,
    horizon,
    next_round_chance,
    open_worth,
    pressed_progress,
    value_with,
)
from game.ai.search import Prepared, search_package
from game.engine.rng import Rng
from game.engine.view import View

# --- time and aspiration -----------------------------------------------------------------------


def aspiration(view: View, level: Level, noise: float = 0.0, ahead: int = 0, everyone: bool = False) -> float:
    """What the agent holds out for now (or `ahead` rounds from now): from the best possible
    towards its walk-away value, against the last round or, for a level that reads the clock,
    against the expected end of the talks. With `everyone`, tit for tat answers every
    concession, its own camp's too (conceded_to_us)."""
    me = view.own
    top = best_possible(view)
    floor = min(fallback(view), top)
    t = pressed_progress(view, ahead) if level.reads_clock else min(1.0, (view.round + ahead - 0.5) / view.venue.rounds)
    exponent = level.temper_curve or me.personality.exponent
    curve: float = t ** (1.0 / exponent)
    aim = floor + (top - floor) * (1.0 - curve)
    if level.reads_clock:
        # holding out until the talks' expected end costs what the status quo takes meanwhile
        aim -= bleed_rate(view) * max(0.0, horizon(view) - view.round - ahead)
    # tit for tat: concessions the others made are answered with some of our own
    aim -= min(0.1, level.reciprocity * conceded_to_us(view, level, everyone))
    aim += noise
    if level.modesty < 1.0:  # a modest level asks only part of it (and the others' floats stay as they were)
        aim = floor + (aim - floor) * level.modesty
    return max(floor, min(top, aim))


def conceded_to_us(view: View, level: Level, everyone: bool = False) -> int:
    """The concessions our counterparts have made that tit for tat answers: all of them, or, for
    a level that spares its own camp, those of the other side only. A patron's client that
    concedes, or another patron of that client, gives ground on behalf of our own camp: at
    astana-8 a hard Iran lowered its aim for every step the government (its client) and Russia
    (the government's other patron) took, and tied the normal agent, which reciprocates less;
    sparing them, it beats it by 0.015 ± 0.003 (docs/lab/agents.md, "A patron does not answer its own
    camp"). A client still answers its patrons' concessions: sparing them cost astana-8's
    government."""
    givers = counterparts(view)
    if level.spares_own_camp and not everyone:
        clients = [d for d, public in enumerate(view.delegations) if view.me in public.patrons]
        camp = set(clients) | {p for c in clients for p in view.delegations[c].patrons}
        givers = [s for s in givers if s not in camp]
    return sum([view.concessions[s] for s in givers])


def held_share(view: View, aim: float) -> float:
    """The part of what is still to be won that we hold out for, 0..1."""
    top = best_possible(view)
    floor = min(fallback(view), top)
    return (aim - floor) / (top - floor) if top > floor + 1e-9 else 0.0


def still_to_win(view: View, left: list[int], from_open_worth: bool = False) -> float:
    """The most we could still gain on these open issues, over the walk-away value at which an
    open issue counts (engine.utility.settled_value). `from_open_worth` (`Level.hopes_from_status_quo`):
    over what each counts at if it stays open (open_worth), which before a campaign's last
    venue is its status quo, not the walk-away value."""
    me = view.own
    r = me.reservation
    # summed over a list (the same additions in the same order as over a generator)
    return sum(
        [
            me.weights[i]
            * max(
                0.0,
                max(map(me.values[i].__getitem__, allowed(view, i))) - (open_worth(view, i) if from_open_worth else r),
            )
            for i in left
        ]
    )


def weighed_proposal(
    view: View,
    beliefs: Beliefs,
    aim: float,
    level: Level,
    rng: Rng | None,
    expected: Callable[[tuple[tuple[int, int], ...]], float],
) -> tuple[tuple[tuple[int, int], ...], bool]:
    """`proposal`, but where this turn allows a partial package, the issue it leaves open is the
    one (or none: the whole agenda) whose package is worth most in `expected` value, not always
    the sticking point. Asked before a campaign's last venue only (best_bet): there an issue this
    venue leaves open is not taken up again and ends at its status quo (reading.scored_open), so
    which issue the table leaves aside decides what each side keeps of it."""
    full, guess, may_part, prepared = _full_package(view, beliefs, aim, level, rng)
    if not may_part:
        return full, False
    best, best_worth, partial = full, expected(full), False
    for left in view.agenda:
        if view.settled[left] >= 0:
            continue
        package = _without(view, beliefs, aim, level, left, guess, prepared)
        if package is None:
            continue
        worth = expected(package)
        if worth > best_worth + 1e-6:
            best, best_worth, partial = package, worth, True
    return best, partial


_REFUSALS_SEEN = 2  # how many rounds back a refusal keeps a bettor from asking for the package again
# ...where the estimate still gives the side that refused it at least this chance of a yes
_CONTRADICTED = 0.4


def refused_lately(view: View) -> dict[frozenset[tuple[int, int]], frozenset[int]]:
    """The packages (as sets of issue and option) a counterpart refused at this venue in this
    round or the _REFUSALS_SEEN rounds before, by the public record of answers, each with the
    sides that refused it."""
    others = set(counterparts(view))
    found: dict[frozenset[tuple[int, int]], set[int]] = {}
    for a in view.answers:
        if (
            not a.accepted
            and a.who in others
            and a.venue == view.venue_index
            and a.round >= view.round - _REFUSALS_SEEN
        ):
            found.setdefault(frozenset(a.package), set()).add(a.who)
    return {package: frozenset(sides) for package, sides in found.items()}


def contradicted(view: View, refusers: frozenset[int], package: tuple[tuple[int, int], ...]) -> bool:
    """Whether the record contradicts the estimate on this package: a side that refused it
    lately is still given a fair chance (_CONTRADICTED) of accepting it. Where the estimate
    already expects the refusal, asking again is what a table whose demands fall over the
    rounds often accepts later (astana-8's Iran, docs/AI.md)."""
    return any(agent_chance(view, s, package) >= _CONTRADICTED for s in refusers)


def going_on_worth(view: View, level: Level, noise: float = 0.0) -> float:
    """What going on without a deal this round is worth: next round's aim if the talks go on,
    what we have if they end, less a round's toll."""
    chance = next_round_chance(view)
    return chance * aspiration(view, level, noise, ahead=1) + (1.0 - chance) * fallback(view) - bleed_rate(view)


# --- searching packages ------------------------------------------------------------------------


def proposal(
    view: View, beliefs: Beliefs, aim: float, level: Level, rng: Rng | None = None
) -> tuple[tuple[tuple[int, int], ...], bool]:
    """The package to table, and whether it leaves part of the agenda open.

    A level that makes partial deals, in every other round from the second, leaves out the
    issue on which the worst-off counterpart is furthest from us (the sticking point) and
    settles the rest, counting on winning its share of what it left open later."""
    full, guess, may_part, prepared = _full_package(view, beliefs, aim, level, rng)
    if not may_part:
        return full, False
    stuck = _sticking_point(view, beliefs, full)
    if level.keeps_granted and stuck in granted(view, full):
        return full, False  # the others already give us what we ask there: nothing is stuck
    package = _without(view, beliefs, aim, level, stuck, guess, prepared) if stuck >= 0 else None
    if package is None:
        return full, False
    return package, True


def granted(view: View, package: tuple[tuple[int, int], ...]) -> frozenset[int]:
    """At a table of two, the issues of `package` on which the counterpart's latest package
    tabled at this venue (the public record of answers, and the proposals open before us) puts
    an option worth at least as much to us as `package`'s own there. Such an issue is agreed in
    substance, as part of a trade: leaving it out of a partial package takes it out of the
    trade, and alone the other side will not give it again. In timed-9 d0's game 224 d1 offered
    the contested issue at our option in round 2; the hard agent left that issue out of a
    partial deal d1 signed, and it ended at its status quo (docs/lab/agents.md, "An issue the other
    side has granted"). At a larger table an issue every side grants is settled by consensus
    after the partial deal (Sochi's Russia, game 66): there the rule does not apply."""
    others = counterparts(view)
    if len(others) != 1:
        return frozenset()
    latest = latest_packages(view)
    if len(latest) < len(others):
        return frozenset()
    values = view.own.values
    found = set()
    for i, o in package:
        options = [dict(tabled).get(i) for tabled in latest.values()]
        if all(x is not None and values[i][x] >= values[i][o] - 1e-9 for x in options):
            found.add(i)
    return frozenset(found)


def latest_packages(view: View) -> dict[int, tuple[tuple[int, int], ...]]:
    """Each counterpart's latest package tabled at this venue, by delegation: the public record
    of answers, and the proposals open before us (the highest proposal number is the latest)."""
    others = set(counterparts(view))
    latest: dict[int, tuple[int, tuple[tuple[int, int], ...]]] = {}
    tabled = [(a.author, a.proposal, a.package) for a in view.answers if a.venue == view.venue_index]
    tabled += [(p.author, p.id, p.package) for p in view.proposals]
    for author, number, package in tabled:
        if author in others and (author not in latest or latest[author][0] < number):
            latest[author] = (number, package)
    return {author: package for author, (_, package) in latest.items()}


def _full_package(
    view: View, beliefs: Beliefs, aim: float, level: Level, rng: Rng | None
) -> tuple[tuple[tuple[int, int], ...], dict[int, list[float]] | None, bool, Prepared]:
    """The whole agenda's package at our aim, this turn's misreading, whether this level may
    table part of the agenda this turn, and where the search started on each issue (for the
    partial packages' searches of the same view, beliefs and misreading: search.Prepared)."""
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    guess = _misreading(view, level, rng)
    prepared: Prepared = {}
    full = search_package(view, beliefs, aim, level, guess=guess, prepared=prepared)
    # where time costs nothing, nothing is gained by settling part of the agenda early
    pressed = view.rules.delay_cost > 0 or view.rules.breakdown_risk > 0
    may_part = level.partial and pressed and len(open_issues) >= 2 and view.round >= 2 and view.round % 2 == 0
    return full, guess, may_part, prepared


def _without(
    view: View,
    beliefs: Beliefs,
    aim: float,
    level: Level,
    left: int,
    guess: dict[int, list[float]] | None,
    prepared: Prepared | None = None,
) -> tuple[tuple[int, int], ...] | None:
    """The package that settles every open issue but `left`, asking for less by the share of
    `left` we still hope to win; None where it would be worth less to us than no deal.
    `prepared`: where the whole agenda's search (of the same beliefs and misreading) started."""
    rest = [i for i in view.agenda if view.settled[i] < 0 and i != left]
    lower = aim - held_share(view, aim) * still_to_win(view, [left])
    package = search_package(view, beliefs, max(lower, fallback(view)), level, rest, guess, prepared=prepared)
    if value_with(view, package) < fallback(view) - 1e-9:
        return None
    if level_keeps_heaviest(view, [left], value_with(view, package), level, beliefs):
        return None
    return package


def _misreading(view: View, level: Level, rng: Rng | None) -> dict[int, list[float]] | None:
    """How far this turn's reading of what the others gain from each option is off: a factor per
    option, drawn from the turn's generator. No reading of people is exact; a weaker level
    misreads more, so its offers wander further from what the table would take. Where the
    scenario plays its file's numbers exactly (no spreads), every side's offers follow those
    numbers game after game and are read as such: no misreading is drawn there."""
    rules = view.rules
    drawn = rules.weight_spread or rules.value_spread or rules.reservation_spread
    if rng is None or level.misreads <= 0 or not drawn:
        return None
    # per open issue, a factor per option, drawn issue by issue and option by option: a list per
    # issue, which the search multiplies its gains by in one pass (no key per option)
    # (the numbers drawn in one go, in the order they were drawn one by one)
    misreads, issues, settled = level.misreads, view.issues, view.settled
    open_issues = [i for i in view.agenda if settled[i] < 0]
    numbers = rng.floats(sum([len(issues[i].options) for i in open_issues]))
    guess = {}
    start = 0
    for i in open_issues:
        end = start + len(issues[i].options)
        guess[i] = [1.0 + misreads * (2.0 * u - 1.0) for u in numbers[start:end]]
        start = end
    return guess


def _sticking_point(view: View, beliefs: Beliefs, package: tuple[tuple[int, int], ...]) -> int:
    """The issue where the counterpart that gains least from the package is furthest from it."""
    worst: tuple[float, int] | None = None
    deal = view.deal
    for s in counterparts(view):
        # each side's weights and value tables looked up once, not twice per issue (the same
        # products, summed in the same order from a list: the same float)
        weights, tables = beliefs.weights_of(s), beliefs.tables_of(s)
        gain = sum([weights[i] * (tables[i][o] - tables[i][deal[i]]) for i, o in package])
        if worst is None or gain < worst[0]:
            worst = (gain, s)
    if worst is None:
        return -1
    s = worst[1]
    weights, tables = beliefs.weights_of(s), beliefs.tables_of(s)
    losses = [(weights[i] * (1.0 - tables[i][o]), i) for i, o in package]
    loss, issue = max(losses)
    return issue if loss > 1e-9 else -1
