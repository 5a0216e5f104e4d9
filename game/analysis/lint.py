"""Scenario warnings that need a venue's package space: no deal every signatory can accept, and
one signatory taking nearly all the gains of a deal.

`peacetalks validate` hands venue_checks to the scenario loader, which places each finding at the
line and column of its path in the file (this layer reads no files and knows no YAML).

A venue after the first of a campaign is judged with what its signatories care about from the
earlier venues' agendas left open, to any option: a warning there holds whatever was agreed
before. The search is exact while it stays small (it keeps only the packages that can still give
every signatory its reservation value, and of those the Pareto-optimal ones); past SEARCH_CAP it
falls back to the analysis' seeded sample, and the warning says so.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from game.analysis.pareto import BUDGET, Budget, FrontierTooLarge, nondominated
from game.analysis.solutions import analyze
from game.analysis.space import Floats, Space, build_space
from game.engine.model import Scenario
from game.figures import apart

LINT_EXACT_LIMIT = 200_000  # packages the Nash point is computed over exactly, well under a second
SEARCH_CAP = 20_000  # partial packages kept at one step of the exact search; past it, a sample
DOMINANT_SHARE = 0.9  # a signatory with this share of all the gains at the Nash point dominates
_EPS = 1e-9

Finding = tuple[tuple[str | int, ...], str]


class _TooLarge(Exception):
    pass


def venue_checks(sc: Scenario) -> list[Finding]:
    """The findings of every venue, each placed at the venue's `signatories` in the file."""
    out: list[Finding] = []
    for v, venue in enumerate(sc.venues):
        judged, earlier = _with_earlier_issues_open(sc, v)
        space = build_space(judged, v)
        if space.size == 0:
            continue  # red lines leave an agenda issue no option at all: build warns of it
        best = space.base_utilities()
        for contribution in space.contributions:
            best += contribution.max(axis=0)
        if (best < space.reservations - _EPS).any():
            continue  # some signatory can never reach its reservation value: build warns of it
        message = _empty_zopa(judged, v, space, earlier)
        if not message and not earlier:
            message = _dominance(sc, v)
        if message:
            out.append((("venues", v, "signatories"), f"at {venue.name}, {message}"))
    return out


def _with_earlier_issues_open(sc: Scenario, v: int) -> tuple[Scenario, list[int]]:
    """The scenario with venue v's agenda widened by the earlier venues' issues its signatories
    weigh, free of red lines (a deal may cross them, at a price), and those issues."""
    venue = sc.venues[v]
    earlier = [
        i
        for i in dict.fromkeys(i for u in sc.venues[:v] for i in u.agenda)
        if i not in venue.agenda and any(sc.delegations[d].weights[i] > 0 for d in venue.signatories)
    ]
    if not earlier:
        return sc, []
    delegations = tuple(
        replace(d, red_lines=tuple(frozenset() if i in earlier else r for i, r in enumerate(d.red_lines)))
        for d in sc.delegations
    )
    venues = (*sc.venues[:v], replace(venue, agenda=(*earlier, *venue.agenda)), *sc.venues[v + 1 :])
    return replace(sc, delegations=delegations, venues=venues), earlier


def _reachable(space: Space, bound: Floats, stop_early: bool = False) -> Floats:
    """Utility rows of the Pareto-optimal packages worth at least `bound` to every signatory (use
    -inf to leave one free), built issue by issue and keeping only partial packages that can still
    get there. With stop_early, returns one row as soon as some partial package is sure to get
    there whatever the other issues. _TooLarge past SEARCH_CAP partial packages."""
    k = len(space.parties)
    # the issues that separate the packages most first: the bound then prunes soonest
    parts = sorted(space.contributions, key=lambda c: -float((c.max(axis=0) - c.min(axis=0)).sum()))
    most, least = [np.zeros(k)], [np.zeros(k)]
    for c in reversed(parts):
        most.append(most[-1] + c.max(axis=0))
        least.append(least[-1] + c.min(axis=0))
    most.reverse()
    least.reverse()
    rows = space.base_utilities()[None, :]
    budget = Budget(BUDGET)  # the same bound on comparisons as the analysis' exact frontier
    for j, c in enumerate(parts):
        if stop_early:
            sure = (rows + least[j] >= bound).all(axis=1)
            if sure.any():
                return rows[sure][:1] + least[j]
        rows = (rows[:, None, :] + c[None, :, :]).reshape(-1, k)
        rows = rows[(rows + most[j + 1] >= bound).all(axis=1)]
        if len(rows) > SEARCH_CAP:
            raise _TooLarge
        try:
            rows = rows[nondominated(rows, budget)] if len(rows) else rows
        except FrontierTooLarge:
            raise _TooLarge from None
    return rows


def _empty_zopa(sc: Scenario, v: int, space: Space, earlier: list[int]) -> str:
    """No package gives every signatory at least its reservation value. Say whose reservation
    value is closest to allowing one: the best it can get in a package all the others accept,
    counting the `earlier` venues' issues at whichever options serve that best (where the
    scenario's own check, game.scenario.build, counts them at their status quo: its best is
    lower, and says so)."""
    floor = space.reservations - 1e-12
    after = ", whatever was agreed at the venues before it" if earlier else ""
    text = f"no package gives every signatory at least its reservation value{after}, so no deal can be made there"
    try:
        if len(_reachable(space, floor, stop_early=True)):
            return ""
    except _TooLarge:
        sample = analyze(sc, v, exact_limit=0, with_frontier=False)  # the analysis' seeded sample of the space
        if sample.zopa_size:
            return ""
        return f"{text} (judged from a sample of its {space.size:,} packages: a rarer deal may exist)"
    closest: tuple[float, int, float] | None = None
    for k in range(len(space.parties)):
        bound = floor.copy()
        bound[k] = -np.inf
        try:
            rows = _reachable(space, bound)
        except _TooLarge:
            continue
        if len(rows):
            best = float(rows[:, k].max())
            gap = float(space.reservations[k]) - best
            if closest is None or gap < closest[0]:
                closest = (gap, k, best)
    if closest is None:
        return text + "; lower several reservation values, or give the sides more to trade"
    _, k, best = closest
    d = sc.delegations[space.parties[k]]
    worth, reservation = apart(best, d.reservation)
    worth = worth if worth != reservation else f"just under {reservation}"
    counted = ""
    if earlier:
        ids = [repr(sc.issues[i].id) for i in earlier]
        named = ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]
        counted = f", with {named} from the venues before at whichever options serve that best,"
    return (
        f"{text}; the nearest miss: the best {d.id!r} can get in a package all the others accept{counted} is worth "
        f"{worth} to it, below its reservation value {reservation}: lower that, or give the sides more to trade"
    )


def _dominance(sc: Scenario, v: int) -> str:
    """One signatory gets at least DOMINANT_SHARE of the sum of all signatories' gains over their
    reservation values at the Nash point, the package that maximises the product of those gains:
    the bargaining itself leaves the others almost nothing to win."""
    a = analyze(sc, v, exact_limit=LINT_EXACT_LIMIT, with_frontier=False)  # the Nash point is all it needs
    if a.nash is None or len(a.space.parties) < 2:
        return ""
    gains = np.clip(a.utilities_of(a.nash) - a.space.reservations, 0.0, None)
    total = float(gains.sum())
    k = int(np.argmax(gains))
    if total <= _EPS or gains[k] < DOMINANT_SHARE * total:
        return ""
    d = sc.delegations[a.space.parties[k]]
    sample = "" if a.exact else f" (judged from a sample of its {a.packages:,} packages)"
    return (
        f"the gains of a deal go almost all to {d.id!r}: at the Nash point (the package that maximises the "
        f"product of the signatories' gains over their reservation values) it gains {gains[k]:.2f} and the others "
        f"together {total - gains[k]:.2f}{sample}; lower the others' reservation values, or give them more at stake"
    )
