"""The package search: from our ideal, climb towards what the others want.

Each step takes the one change of option that buys the others the most (estimated) value per unit
of our own utility given up (logrolling), and never goes below our aim; a planner may also stop the
climb as soon as the package is enough for the others (game.ai.planning), so as not to give away
more than they need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from game.ai.levels import Level
from game.ai.opponent import Beliefs
from game.ai.reading import acceptable, counterparts, heeded, value_with
from game.engine.view import View


def search_package(
    view: View,
    beliefs: Beliefs,
    aim: float,
    level: Level,
    issues: list[int] | None = None,
    guess: dict[int, list[float]] | None = None,
    enough: Callable[[list[int]], bool] | None = None,
    prepared: Prepared | None = None,
) -> tuple[tuple[int, int], ...]:
    """Hill-climb from our ideal towards what the others want, never below `aim` for us.

    Each step takes the one change of option that buys the others the most (estimated) value per
    unit of our own utility given up. An agent that does not logroll weighs every issue alike, for
    itself and for the others, and so trades less well. `issues` limits the package to some of
    the open issues (the others stay as they are). `enough`, given the deal on every issue, says
    when the package gives the others all they need: the climb stops there. `prepared` (see
    Prepared) carries each issue's start from one search of this view to another.
    """
    open_issues = [i for i in view.agenda if view.settled[i] < 0] if issues is None else issues
    deal: list[int] = []
    for deal in _climb(view, beliefs, aim, level, open_issues, guess, prepared):
        if enough is not None and enough(deal):
            break
    return tuple([(i, deal[i]) for i in open_issues])


def search_packages(
    view: View, beliefs: Beliefs, aim: float, level: Level, enoughs: list[Callable[[list[int]], bool]]
) -> list[tuple[tuple[int, int], ...]]:
    """[search_package(view, beliefs, aim, level, enough=e) for e in enoughs], from one climb:
    the climb's steps do not depend on where it stops, so each search's is a prefix of the
    longest one's. Each `enough` is asked of the same deals, in the same order, as its own search
    asked it (a plan's rounds: docs/lab/speed.md, "A nineteenth pass")."""
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    steps = _climb(view, beliefs, aim, level, open_issues, None)
    deals: list[list[int]] = []  # the climb's deals so far, copied
    packages = []
    for enough in enoughs:
        k = 0
        while True:
            if k == len(deals):
                deal = next(steps, None)
                if deal is None:  # the climb ended: its last deal
                    k -= 1
                    break
                deals.append(list(deal))
            if enough(deals[k]):
                break
            k += 1
        packages.append(tuple([(i, deals[k][i]) for i in open_issues]))
    return packages


# Per issue, where a climb starts on it: the options it considers, our best of them, what the
# others gain from each, and the moves away from that best, best first (see _climb's moves).
# None of it reads the aim, the other issues or (for a level that logrolls) how many issues are
# open, so a second search of the same view, beliefs, level and misreading over some of the same
# issues (offers._without: the package that leaves the sticking point open, after the whole
# agenda's) starts each of them where the first did. The caller makes one dict per such family
# of searches and hands it to each (docs/lab/speed.md, "A twentieth pass").
Prepared = dict[int, tuple[list[int], int, list[float], list[tuple[float, int, float, int]]]]


def _climb(
    view: View,
    beliefs: Beliefs,
    aim: float,
    level: Level,
    open_issues: list[int],
    guess: dict[int, list[float]] | None,
    prepared: Prepared | None = None,
) -> Iterator[list[int]]:
    """The climb of search_package, deal by deal: our ideal on the open issues first, then the
    deal after each step, until no step keeps us above `aim` (one list, changed in place).
    `prepared`, where given, is read and filled by issue (see Prepared): only a level that
    logrolls uses it, since the others' gains and moves read how many issues are open."""
    me = view.own
    others = counterparts(view)
    weighed = others + heeded(view)  # whose gains count: the signatories, and any observer we heed
    n_open = max(1, len(open_issues))
    deal = list(view.deal)
    # Per issue, computed once: the options to consider, and what the others together would
    # (we believe) gain from each.
    choices: dict[int, list[int]] = {}
    theirs: dict[int, list[float]] = {}
    rows = [beliefs.rows(s) for s in weighed] if level.logrolls else []
    if not level.logrolls:
        prepared = None
    ladders: dict[int, list[tuple[float, int, float, int]]] = {}
    for i in open_issues:
        hit = prepared.get(i) if prepared is not None else None
        if hit is not None:
            choices[i], deal[i], theirs[i], ladders[i] = hit
            continue
        choices[i] = options = acceptable(view, i, others)
        mine = me.values[i]
        # our best of them, the lowest on equal values: the options come in increasing order
        # (reading.acceptable), and max keeps the first of equal keys, as the key (value, -option) did.
        # A pure function of our values on the issue and the options, the same at every search
        # of a game until a red line or a counterpart's presence changes the options: remembered
        # by them (our values held, so their id is never taken for another's), where max called
        # a method-wrapper per option at each search (docs/lab/speed.md, "A twenty-first pass")
        key = (id(mine), *options)
        kept = _best_of.get(key)
        if kept is not None and kept[0] is mine:
            deal[i] = kept[1]
        else:
            deal[i] = max(options, key=mine.__getitem__)
            if len(_best_of) >= _BEST_KEPT:
                _best_of.clear()
            _best_of[key] = (mine, deal[i])
        # with this turn's misreading (guess) of what each option is worth to them
        if level.logrolls:
            theirs[i] = beliefs.weighed_gains(rows, i, None if guess is None else guess[i])
            continue
        if level.fixed_pie:
            theirs[i] = _fixed_pie_gains(view, beliefs, weighed, i, 1.0 / n_open)
        else:
            theirs[i] = beliefs.gains(weighed, [1.0 / n_open] * len(weighed), i)
        if guess is not None:
            theirs[i] = [g * f for g, f in zip(theirs[i], guess[i], strict=True)]
    current = value_with(view, [(i, deal[i]) for i in open_issues])

    def moves(i: int) -> list[tuple[float, int, float, int]]:
        """The moves on issue i away from where the climb stands on it that buy the others
        something, best first (by score, then in the order of its choices, as a scan keeps the
        first of equal scores): (-score, place, what it costs us, option). Worked out once per
        place the climb stands on an issue, where each step used to score every option of every
        issue again; only whether a move stays above our aim depends on the step."""
        values, weight, gains = me.values[i], me.weights[i], theirs[i]
        seen_weight = weight if level.logrolls else 1.0 / n_open
        here = deal[i]
        gain_here, value_here = gains[here], values[here]
        out = []
        for k, o in enumerate(choices[i]):
            if o == here:
                continue
            gain = gains[o] - gain_here
            if gain <= 1e-12:
                continue
            drop = value_here - values[o]
            seen = seen_weight * drop  # max(seen, 1e-6) without the call: max's own comparison
            out.append((-(gain / (1e-6 if seen < 1e-6 else seen)), k, weight * drop, o))
        out.sort()
        return out

    for i in open_issues:
        if i not in ladders:
            ladders[i] = moves(i)
            if prepared is not None:
                prepared[i] = (choices[i], deal[i], theirs[i], ladders[i])
    while True:
        yield deal
        # the best move of all: each issue's best that keeps us above our aim, the first issue
        # on equal scores (the same move, and the same floats, as scoring every option in turn)
        best: tuple[float, int, int] | None = None
        floor = aim - 1e-12
        for i in open_issues:
            for negative, _, cost, o in ladders[i]:
                if current - cost < floor:
                    continue
                if best is None or -negative > best[0]:
                    best = (-negative, i, o)
                break
        if best is None:
            break
        _, i, o = best
        current -= me.weights[i] * (me.values[i][deal[i]] - me.values[i][o])
        deal[i] = o
        ladders[i] = moves(i)


# _climb's memory of our best option of an issue: (id of our values there, *the options) ->
# (those values, the option); bounded by clearing
_best_of: dict[tuple[int, ...], tuple[tuple[float, ...], int]] = {}
_BEST_KEPT = 4096


def _fixed_pie_gains(view: View, beliefs: Beliefs, weighed: list[int], issue: int, weight: float) -> list[float]:
    """Per option of the issue, what the weighed delegations would together gain, each weighed
    alike, as a naive negotiator biased by the fixed pie reads them: a side that states a
    position on the issue by its position (as Beliefs reads it), a side that states none as
    wanting the mirror of our own values there. The unbiased flat reading gives such an issue no
    value to them at all, so a naive agent never moved on it but by its misreading's noise; the
    bias moves it, but on an issue both sides want the same way (the random scenarios' common
    ground) it gives away what the others never asked for: the lose-lose agreement of the
    negotiation literature (docs/AI.md, "Levels")."""
    mirror = [1.0 - v for v in view.own.values[issue]]
    gains = [0.0] * len(mirror)
    for s in weighed:
        table = mirror if view.positions[s][issue] < 0 else beliefs.tables_of(s)[issue]
        gains = [g + weight * v for g, v in zip(gains, table, strict=True)]
    return gains
