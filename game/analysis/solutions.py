"""Solution concepts over a package space: ZOPA, Nash, Kalai-Smorodinsky, welfare, and how far a
given deal lies from them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from game.analysis.pareto import BUDGET, Budget, FrontierTooLarge, frontier, nondominated
from game.analysis.space import INT64_PACKAGES, Floats, Space, build_space
from game.engine.model import Scenario
from game.engine.state import State

EXACT_LIMIT = 4_000_000  # packages; beyond this the analysis samples and says so
SAMPLE = 10_000  # packages in the sample that stands in for a space too large to analyse exactly


@dataclass(frozen=True)
class Analysis:
    space: Space
    exact: bool
    packages: int
    zopa_size: int
    pareto: np.ndarray  # package indices on the frontier
    nash: int | None  # package index
    kalai: int | None
    welfare: int

    def utilities_of(self, index: int) -> Floats:
        dtype = np.int64 if self.space.size < INT64_PACKAGES else object  # Python ints past 2^63
        row: Floats = self.space.utilities(np.array([index], dtype=dtype))[0]
        return row

    # The frontier's and the Nash point's utilities are pure functions of the analysis, and
    # `simulate` judges every game's deal against them: worked out once, not once per game (the
    # frontier's utilities were about 2% of an astana-8 AI game). Held by the analysis, so they go with it.
    @cached_property
    def _front(self) -> Floats:
        return self.space.utilities(self.pareto)

    @cached_property
    def _nash_utilities(self) -> Floats | None:
        return None if self.nash is None else self.utilities_of(self.nash)

    def pareto_gap(self, utilities: Floats) -> float:
        """How far a deal lies below the frontier: the largest gain every party could make at once."""
        front = self._front
        return float(max(0.0, (front - utilities[None, :]).min(axis=1).max())) if len(front) else 0.0

    def nash_distance(self, utilities: Floats) -> float | None:
        nash = self._nash_utilities
        if nash is None:
            return None
        return float(np.linalg.norm(nash - utilities))

    def to_json(self) -> dict[str, Any]:
        sc = self.space.scenario

        def point(index: int | None) -> dict[str, Any] | None:
            if index is None:
                return None
            u = self.utilities_of(index)
            return {
                "package": {sc.issues[i].id: sc.issues[i].options[o].id for i, o in self.space.package(index)},
                "utilities": {
                    sc.delegations[d].id: round(float(x), 4) for d, x in zip(self.space.parties, u, strict=True)
                },
            }

        return {
            "scenario": sc.id,
            "issues": [sc.issues[i].id for i in self.space.issues],
            "signatories": [sc.delegations[d].id for d in self.space.parties],
            "packages": self.packages,
            "exact": self.exact,
            "pareto_size": len(self.pareto),
            "zopa_size": self.zopa_size,
            "nash": point(self.nash),
            "kalai": point(self.kalai),
            "welfare": point(self.welfare),
        }


def _sample_frontier(indices: npt.NDArray[Any], utils: Floats) -> npt.NDArray[Any]:
    """The packages of the sample that no other one of it dominates. With many signatories nearly
    every package is on it, and comparing them all is quadratic: past the time budget, the
    frontier of a seeded half of the sample, then a quarter... (the figures say they are sampled)."""
    order = np.random.default_rng(1).permutation(len(indices))
    n = len(indices)
    while True:
        chosen = np.sort(order[:n])
        try:
            return indices[chosen[nondominated(utils[chosen], Budget(BUDGET))]]
        except FrontierTooLarge:
            n //= 2


def analyze(
    scenario: Scenario,
    venue: int = 0,
    settled: tuple[int, ...] | None = None,
    *,
    exact_limit: int = EXACT_LIMIT,
    with_frontier: bool = True,
) -> Analysis:
    """Everything about a venue's package space. Exact where it can be done in about a second;
    otherwise (a space of more than `exact_limit` packages, or a frontier too large to find in
    time) the figures come from a seeded sample of packages, and `exact` is False. Without
    `with_frontier` the Pareto frontier is left empty (a caller that needs only the Nash point)."""
    space = build_space(scenario, venue, settled)
    empty = np.zeros(0, dtype=np.int64)
    try:
        if space.size > exact_limit:
            raise FrontierTooLarge
        pareto = frontier(space) if with_frontier else empty
        indices: npt.NDArray[Any] = np.arange(space.size, dtype=np.int64)
        utils = space.utilities()
        exact = True
    except FrontierTooLarge:
        # a seeded sample: the same scenario always gets the same approximation
        rng = np.random.default_rng(0)
        indices = space.sample(rng, SAMPLE)
        utils = space.utilities(indices)
        pareto = _sample_frontier(indices, utils) if with_frontier else empty
        exact = False
    surplus = utils - space.reservations[None, :]
    zopa = (surplus >= -1e-12).all(axis=1)
    zopa_idx = np.flatnonzero(zopa)
    nash = kalai = None
    if len(zopa_idx):
        s = np.clip(surplus[zopa_idx], 0.0, None)
        # Nash: the largest product of gains over the walk-away values (as a sum of logs); where
        # every package leaves someone exactly at its walk-away value, the largest total gain
        positive: npt.NDArray[np.bool_] = np.asarray((s > 0).all(axis=1))
        if positive.any():
            logs = np.where(positive[:, None], np.log(np.where(s > 0, s, 1.0)), -np.inf).sum(axis=1)
            nash = int(indices[zopa_idx[np.argmax(logs)]])
        else:
            nash = int(indices[zopa_idx[np.argmax(s.sum(axis=1))]])
        # Kalai-Smorodinsky: the largest equal share of each side's best possible gain
        ideal = s.max(axis=0)
        ratio = np.divide(s, ideal, out=np.ones_like(s), where=ideal > 0)
        kalai = int(indices[zopa_idx[np.lexsort((-s.sum(axis=1), -ratio.min(axis=1)))[0]]])
    welfare = int(indices[np.argmax(utils.sum(axis=1))])
    zopa_size = int(zopa.sum()) if exact else round(float(zopa.mean()) * space.size)
    return Analysis(space, exact, space.size, zopa_size, pareto, nash, kalai, welfare)


def settled_at_opening(state: State) -> tuple[int, ...]:
    """Each issue's settled option as the venue `state` is at opened (-1: open), read from the
    game's end: an issue settled at an earlier venue and not agreed again here stayed as it was,
    and whatever this venue's agreements settled was open when it began (reopened by its opening
    news or never settled). Judged with those earlier issues at their status quo, the last
    venue of a campaign showed no package worth its walk-away value to every signatory beside a
    deal that was worth more than that to each of them."""
    # an issue an event put on this venue's agenda is in no package of its space (the file's
    # agenda): counted as it ended, as the result counts it, rather than at its status quo
    here = {i for a in state.agreements if a.venue == state.venue for i, _ in a.package}
    here &= set(state.scenario.venues[state.venue].agenda)
    return tuple(-1 if i in here else s for i, s in enumerate(state.settled))


def analyze_result(state: State, **options: Any) -> Analysis:
    """The package space a game's result is judged against: its last venue's, with every issue
    outside it as the game had left it when that venue opened."""
    return analyze(state.scenario, state.venue, settled_at_opening(state), **options)
