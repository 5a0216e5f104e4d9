"""What a player can estimate of another side's answer, from its own view only.

The proposal builder shows it live. It reads nothing but the player's view: the other side's
public positions and declared red lines, what it has proposed, accepted and rejected (through the
same frequency model the AI uses, game.ai.opponent), how far it trusts the player, its support at
home, and the time left. From these, `features` describes a proposal as a few numbers, and a
logistic model turns them into a chance.

The model's coefficients are fitted, not guessed: `python bench/calibration.py --fit` plays
games in which one seat proposes with a mix of strategies (the levels, the library, random
moves) to AI agents at every level, fits the coefficients on some seeds and prints how well the
estimate is calibrated on others (in every tenth of the predicted range, how often the answer was
yes). Refit when the agents change: `--timed 20 --fit` fits on the bundled scenarios and the
random bench's tables together, as the builder's COEFFICIENTS were on 6 December 2026, held to
monotone constraints (RISING and FALLING, below). The agents read the same features by an older
fit of their own (AGENT_COEFFICIENTS). The fitted numbers are data, in game.ai.estimate_fit.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from operator import getitem, mul

from game.ai.estimate_fit import (
    AGENT_CALIBRATION,
    AGENT_COEFFICIENTS,
    CALIBRATION,
    COEFFICIENTS,
    LEVEL_CALIBRATION,
)
from game.ai.opponent import Beliefs
from game.ai.reading import view_table
from game.engine.model import GUARANTOR
from game.engine.state import Proposal
from game.engine.utility import with_package
from game.engine.view import View

Package = tuple[tuple[int, int], ...]

FEATURES = (
    "bias",
    "share",  # of what it asks for (its public positions), the share the package gives it
    "progress",  # how far through the venue
    "share_late",  # share x progress: a near miss counts for more as time runs out
    "last_round",
    "trust_in_me",  # how far it trusts the proposer
    "met",  # of the issues where it takes a position, those where the package gives exactly that
    "gain",  # its estimated gain over what is in force now
    "size",  # the package's share of the open issues (partial packages)
    "strain",  # what signing would cost it at home, against the support it has left
    "after",  # its estimated utility of the deal with the package
    "now",  # ...and of the deal in force
    "momentum",
    "headroom",  # its support above the collapse line
    "is_guarantor",  # the responder guarantees the talks
    "my_client",  # the proposer is its patron
    "my_patron",  # it is the proposer's patron
    "concessions",  # concessions it has made so far (up to 5)
    "my_trust",  # how far the proposer trusts it: trust runs both ways at a table
    "share_squared",
    "last_share",
    "gain_late",
)
# The builder reads two more, which the agents' fit predates: whether the side refused this very
# package at this venue, this round or an earlier one (View.answers: the room saw it). A package
# sent again unchanged was accepted about half as often as the features above said (calibration
# games of 6 December 2026: 10% of 720 answers against 22% predicted; 5% against 21% when it was
# refused in the same round), since nothing the features read had moved since the refusal.
REFUSALS = ("refused_now", "refused_before")
# ...and two for the other answer: whether it accepted this very package at this venue, this
# round or an earlier one. An author's "Edit as counter" of an offer the government had accepted,
# left unchanged, showed "accepts ~34%"; over 160 all-AI games a side that had accepted a package
# accepted it again 98% of the time in the same round (367 of 373) and 95% later (210 of 222).
ACCEPTANCES = ("accepted_now", "accepted_before")
BUILDER_FEATURES = FEATURES + REFUSALS + ACCEPTANCES
# How the features move when one issue of a package is set to the side's public position, all
# else equal: `met` rises; `strain` falls (nothing of that issue is given up any more); `share`,
# `gain` and `after` move with the side's estimated value of that option (game.ai.opponent), and
# the products with them. The builder's fit keeps its coefficients so that such a move can only
# raise the chance as far as those features go (bench/calibration.py, `monotone_constraints`):
# a non-negative weight on RISING, a non-positive one on FALLING, and share and share_squared
# together increasing in share over its range [-1, 1] (the weight of share at least twice that of
# share_squared, whatever its sign). AGENT_COEFFICIENTS were fitted without them.
RISING = ("share", "share_late", "met", "gain", "after", "last_share", "gain_late", *ACCEPTANCES)
FALLING = ("strain",)
# A refusal of the same package can only count against it: the fit weighs these at 0 or less.
# (Setting an issue to the side's stated position can land on a package it refused: then the
# estimate may fall, as it should.)
REFUSED = REFUSALS


def acceptance_chance(view: View, who: int, package: Package, level: str | None = None) -> float:
    """The estimated chance (0..1) that `who` accepts `package`, as `view`'s owner sees it: what
    the proposal builder shows the player, calibrated (bench/calibration.py).

    Zero across its declared red line (an agent never accepts that willingly); otherwise the
    fitted model's answer, through the map of `level` where `who` is a seat of that built-in
    level (the player chose it: LEVEL_CALIBRATION), else through the map of all of them.
    """
    if any(option in view.red_lines[who][issue] for issue, option in package):
        return 0.0
    points = LEVEL_CALIBRATION.get(level or "", CALIBRATION)
    return calibrated(raw_chance(COEFFICIENTS, builder_features(view, who, package)), points)


def builder_features(view: View, who: int, package: Package) -> tuple[float, ...]:
    """The features as the builder reads them: those of `features`, with the side's stated
    position on each issue valued at least as high as any other option of that issue (see
    _StatedFirst). The frequency model can rate an option a side offered, or stated before it
    conceded, above the one it states now; in 4,785 of the 4,909 single edits to a stated
    position where it did so (among 77,507, in states of tutorial, astana-8 and sochi-congress
    after 0 to 90 AI moves), the side's true utility rose, and the builder showed the side less
    likely to accept. The agents read `features` as it is. Then REFUSALS and ACCEPTANCES
    (`answered`)."""
    return (*features(view, who, package, stated_first=True), *answered(view, who, package))


def answered(view: View, who: int, package: Package) -> tuple[float, float, float, float]:
    """Whether `who` refused this very package (whoever tabled it) at this venue: in this round,
    and in an earlier one; then whether it accepted it, the same two ways. From the room's record
    of answers (View.answers), as every side saw them, and the open proposals at the table: a
    side's own proposal is its yes to that package (RULES.md: its author counts as accepting; a
    hot-seat player's "Edit as counter" of the other's unchanged proposal showed "accepts ~27%")."""
    wanted = tuple(sorted(package))
    said = [0.0, 0.0, 0.0, 0.0]
    for answer in view.answers:
        if answer.who == who and answer.venue == view.venue_index and answer.package == wanted:
            said[(2 if answer.accepted else 0) + (answer.round != view.round)] = 1.0
    own = own_proposal(view, who, package)
    if own is not None:
        said[2 + (own.round != view.round)] = 1.0
    return said[0], said[1], said[2], said[3]


def own_proposal(view: View, who: int, package: Package) -> Proposal | None:
    """`who`'s open proposal of this very package, whoever it was put to (the table's open
    proposals are public): an SNC player's "Edit as counter" of the government's #36, put to
    others, read "Government accepts ~27%" of the government's own package."""
    wanted = tuple(sorted(package))
    return next((p for p in view.tabled if p.author == who and tuple(sorted(p.package)) == wanted), None)


def agent_chance(view: View, who: int, package: Package) -> float:
    """The same chance as the AI's rules read it (AGENT_COEFFICIENTS: the fit they were tuned
    with), from the same view and features."""
    return _chance(view, who, package, AGENT_COEFFICIENTS, AGENT_CALIBRATION)


def _chance(
    view: View,
    who: int,
    package: Package,
    coefficients: tuple[float, ...],
    points: tuple[tuple[float, float], ...],
) -> float:
    # a plain loop, not any() over a generator: asked for every package a bettor weighs, for
    # every counterpart (about 50,000 times in 100 hard games of astana-8)
    red = view.red_lines[who]
    for issue, option in package:
        if option in red[issue]:
            return 0.0
    return calibrated(raw_chance(coefficients, features(view, who, package)), points)


def raw_chance(coefficients: tuple[float, ...], x: tuple[float, ...]) -> float:
    """The logistic model's chance, before calibration."""
    # the products summed in order from 0, as a generator over zip gave them; map stops at the
    # shorter, so the lengths are held equal here
    if len(x) != len(coefficients):
        raise ValueError(f"{len(x)} features for {len(coefficients)} coefficients")
    z = sum(map(mul, coefficients, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def calibrated(p: float, points: tuple[tuple[float, float], ...]) -> float:
    """`p` mapped through the calibration points (increasing in both coordinates)."""
    # the segment a scan of the points in turn stopped at, its first x1 >= p, found by bisection
    # of their x (p is never NaN: raw_chance's logistic of a clamped sum): asked as often as
    # _chance, where the scan took up to eleven steps a call
    xs = _xs_of(points)
    k = bisect_left(xs, p, 1)
    if k == len(xs):
        return points[-1][1]
    (x0, y0), (x1, y1) = points[k - 1], points[k]
    return y0 + (y1 - y0) * (p - x0) / (x1 - x0) if x1 > x0 else y1


# calibrated's x of each point, by the points (module constants: a handful): id -> (points, xs)
_xs: dict[int, tuple[tuple[tuple[float, float], ...], tuple[float, ...]]] = {}


def _xs_of(points: tuple[tuple[float, float], ...]) -> tuple[float, ...]:
    hit = _xs.get(id(points))
    if hit is not None and hit[0] is points:
        return hit[1]
    xs = tuple([x for x, _ in points])
    if len(_xs) >= 64:
        _xs.clear()
    _xs[id(points)] = (points, xs)
    return xs


def features(view: View, who: int, package: Package, stated_first: bool = False) -> tuple[float, ...]:
    """A proposal as the model reads it (see FEATURES), from the view alone; with
    `stated_first`, as the builder reads it (builder_features)."""
    # a bettor or an answerer asks it of several packages for the same side and view: what
    # reads the view and the side alone is worked out once per view (see _Side)
    sides: dict[int, _Side] = view_table(view, "builder features" if stated_first else "features")
    side = sides.get(who)
    if side is None:
        side = sides[who] = _Side(view, who, stated_first)
    beliefs = side.beliefs
    after = beliefs.utility(who, with_package(view.deal, package))
    now = side.now
    wanted = list(view.deal)
    position = side.position
    asked = met = 0
    given_up = 0.0
    weights: tuple[float, ...] = ()
    tables: tuple[tuple[float, ...], ...] = ()
    for issue, option in package:
        stated = position[issue]
        if stated >= 0:
            wanted[issue] = stated
            asked += 1
            met += option == stated
            if not tables:  # its weights, then its tables, as weight() and value() looked them up
                weights = beliefs.weights_of(who)
                tables = beliefs.tables_of(who)
            table = tables[issue]
            # weights[issue] * max(0.0, drop) without the call (390,000 a hundred hard games): where
            # drop <= 0 that adds a zero (0.0, or -0.0), which leaves the sum (never -0.0) as it is
            drop = table[stated] - table[option]
            if drop > 0.0:
                given_up += weights[issue] * drop
    ideal = beliefs.utility(who, wanted)
    # the share of what it asks for that the package gives it; where it asks for nothing more
    # than it has, all that matters is that it loses nothing
    share = (after - now) / (ideal - now) if ideal > now + 1e-9 else float(after >= now - 1e-9)
    share = max(-1.0, min(1.0, share))
    progress = side.progress
    # what signing would cost it at home, as the rules charge it (handlers: half a concession's
    # price), against how much support it has left to spend
    strain = min(3.0, view.rules.concession_cost * given_up / 2 / side.headroom)
    last = side.last
    gain = after - now
    return (
        1.0,
        share,
        progress,
        share * progress,
        last,
        side.trust_in_me,
        met / asked if asked else 1.0,
        gain,
        len(package) / side.open_issues,
        strain,
        after,
        now,
        *side.fixed,
        share * share,
        last * share,
        gain * progress,
    )


class _Side:
    """What `features` reads of one side in one view, whatever the package: the same values,
    worked out in the same way, as each call worked them out before (docs/lab/speed.md, "A
    nineteenth pass")."""

    __slots__ = ("beliefs", "fixed", "headroom", "last", "now", "open_issues", "position", "progress", "trust_in_me")

    def __init__(self, view: View, who: int, stated_first: bool = False) -> None:
        beliefs = Beliefs(view, learns=True)
        self.beliefs: Beliefs | _StatedFirst = _StatedFirst(beliefs, view, who) if stated_first else beliefs
        self.now = self.beliefs.utility(who, view.deal)
        self.position = view.positions[who]
        self.progress = min(1.0, view.round / view.venue.rounds)
        self.open_issues = max(1, sum(1 for i in view.agenda if view.settled[i] < 0))
        self.headroom = max(1, view.support[who] - view.collapse_support)
        self.last = float(view.round >= view.venue.rounds)
        self.trust_in_me = view.trust_in_me[who] / 100.0
        them = view.delegations[who]
        self.fixed = (
            view.momentum / 100.0,
            (view.support[who] - view.collapse_support) / 100.0,
            float(them.role == GUARANTOR),
            float(view.me in them.patrons),
            float(who in view.own.patrons),
            min(5, view.concessions[who]) / 5.0,
            view.my_trust[who] / 100.0,
        )


class _StatedFirst:
    """The frequency model's reading of one side (game.ai.opponent.Beliefs), but on every issue
    where it states a position, that option valued at least as high as any other: lifted to the
    issue's best where the model rates another above it. What `features` asks of Beliefs, for
    that side only."""

    __slots__ = ("_rows", "_tables", "_weights")

    def __init__(self, beliefs: Beliefs, view: View, who: int) -> None:
        position = view.positions[who]
        self._weights = beliefs.weights_of(who)
        self._tables = tuple(
            _lifted(table, stated) for table, stated in zip(beliefs.tables_of(who), position, strict=True)
        )
        rows = [
            tuple(w * v for v in table) if w > 0 else (0.0,) * len(table)
            for w, table in zip(self._weights, self._tables, strict=True)
        ]
        self._rows = tuple(rows) if any(w > 0 for w in self._weights) else ()

    def utility(self, who: int, deal: list[int] | tuple[int, ...]) -> float:
        return sum(map(getitem, self._rows, deal)) if self._rows else 0

    def weights_of(self, who: int) -> tuple[float, ...]:
        return self._weights

    def tables_of(self, who: int) -> tuple[tuple[float, ...], ...]:
        return self._tables


def _lifted(table: tuple[float, ...], stated: int) -> tuple[float, ...]:
    if stated < 0:
        return table
    top = max(table)
    return table if table[stated] >= top else (*table[:stated], top, *table[stated + 1 :])
