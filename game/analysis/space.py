"""The package space of a venue: every combination of options on its open agenda issues, and
each signatory's utility of every one of them, as numpy arrays.

numpy is a dependency for this: a million packages times several delegations is tens of millions
of additions, which numpy does in milliseconds and pure Python in tens of seconds.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from game.engine.model import Scenario
from game.engine.utility import settled_value

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
# Package indices fit numpy's int64 below this; a larger space (64 issues of two options, 40 of
# three) numbers its packages with Python ints, held in object arrays, and is only ever sampled.
INT64_PACKAGES = 2**63


@dataclass(frozen=True)
class Space:
    scenario: Scenario
    issues: tuple[int, ...]  # open agenda issues, most significant first in a package index
    radix: tuple[int, ...]  # options per issue outside every party's red lines
    allowed: tuple[tuple[int, ...], ...]  # per issue: those options, in ladder order
    parties: tuple[int, ...]  # delegations judged (the signatories)
    base: tuple[int, ...]  # the deal outside these issues: settled options, else status quo
    reservations: Floats  # (k,)
    contributions: tuple[Floats, ...]  # per issue: (options, k) weighted values

    @property
    def size(self) -> int:
        """The number of packages, exactly (a Python int: numpy's int64 would wrap past 2^63)."""
        return math.prod(self.radix)

    def base_utilities(self) -> Floats:
        """Each party's utility from the issues outside the space."""
        sc = self.scenario
        out = np.zeros(len(self.parties))
        for k, d in enumerate(self.parties):
            dl = sc.delegations[d]
            out[k] = sum(dl.weights[i] * dl.values[i][o] for i, o in enumerate(self.base) if i not in self.issues)
        return out

    def utilities(self, indices: npt.NDArray[Any] | None = None) -> Floats:
        """(n, k) utilities of the given packages (all of them when None)."""
        if indices is None:
            total = np.zeros((1, len(self.parties)))
            for c in self.contributions:
                total = (total[:, None, :] + c[None, :, :]).reshape(-1, len(self.parties))
            return total + self.base_utilities()
        options = self.decode_many(indices)
        total = np.tile(self.base_utilities(), (len(indices), 1))
        for j, c in enumerate(self.contributions):
            total += c[options[:, j]]
        return total

    def decode_many(self, indices: npt.NDArray[Any]) -> Ints:
        """(n, issues) option numbers of package indices."""
        out = np.zeros((len(indices), len(self.radix)), dtype=np.int64)
        if self.size >= INT64_PACKAGES:  # Python ints, one package at a time (only samples get here)
            for row, index in enumerate(indices):
                out[row] = self.decode(int(index))
            return out
        rest = np.asarray(indices, dtype=np.int64).copy()
        for j in range(len(self.radix) - 1, -1, -1):
            out[:, j] = rest % self.radix[j]
            rest //= self.radix[j]
        return out

    def decode(self, index: int) -> tuple[int, ...]:
        """The option numbers of one package index, in Python ints (any size of space)."""
        out = [0] * len(self.radix)
        for j in range(len(self.radix) - 1, -1, -1):
            index, out[j] = divmod(index, self.radix[j])
        return tuple(out)

    def encode(self, positions: Sequence[int]) -> int:
        """The package index of option numbers (the inverse of decode)."""
        index = 0
        for radix, p in zip(self.radix, positions, strict=True):
            index = index * radix + int(p)
        return index

    def sample(self, rng: np.random.Generator, n: int) -> npt.NDArray[Any]:
        """About n distinct package indices drawn uniformly, in increasing order: int64 where the
        space allows, else Python ints (each issue's option drawn on its own, which is the same
        uniform draw over packages)."""
        if self.size < INT64_PACKAGES:
            return np.unique(rng.integers(0, self.size, size=n, dtype=np.int64))
        positions = np.stack([rng.integers(0, r, size=n, dtype=np.int64) for r in self.radix], axis=1)
        return np.array(sorted({self.encode(row) for row in positions.tolist()}), dtype=object)

    def package(self, index: int) -> tuple[tuple[int, int], ...]:
        """(issue, option) pairs of a package index."""
        positions = self.decode(int(index))
        return tuple((i, self.allowed[j][p]) for j, (i, p) in enumerate(zip(self.issues, positions, strict=True)))

    def index_of(self, deal: Sequence[int]) -> int | None:
        """The package index of a full deal, or None if it crosses a party's red line."""
        index = 0
        for j, i in enumerate(self.issues):
            if deal[i] not in self.allowed[j]:
                return None
            index = index * self.radix[j] + self.allowed[j].index(deal[i])
        return index

    def result_utilities(self, settled: Sequence[int], agenda: Collection[int]) -> Floats:
        """Each party's utility of a game's result as the rules score it (RULES.md, "Utility";
        game.engine.utility.settled_value, before the rounds' toll): each settled issue at its
        agreed option, each issue of the last venue's `agenda` left open at the party's walk-away
        value, any other issue at its status quo. Of a whole-agenda deal, the same as
        deal_utilities; with the open issues at the status quo instead, a partial deal was judged
        on a point it did not reach (on the Nash point, say, when it was not)."""
        sc = self.scenario
        status_quo = [issue.status_quo for issue in sc.issues]
        return np.array([settled_value(sc.delegations[d], settled, status_quo, agenda) for d in self.parties])

    def deal_utilities(self, deal: Sequence[int]) -> Floats:
        """Each party's utility of a full deal, whether or not it lies in the space."""
        sc = self.scenario
        return np.array(
            [
                sum(w * v[o] for w, v, o in zip(sc.delegations[d].weights, sc.delegations[d].values, deal, strict=True))
                for d in self.parties
            ]
        )


def build_space(
    scenario: Scenario,
    venue: int = 0,
    settled: Sequence[int] | None = None,
    parties: Sequence[int] | None = None,
) -> Space:
    """The space of the venue's agenda issues still open, judged by its signatories."""
    v = scenario.venues[venue]
    settled = tuple(settled) if settled is not None else (-1,) * len(scenario.issues)
    base = tuple(s if s >= 0 else scenario.issues[i].status_quo for i, s in enumerate(settled))
    issues = tuple(i for i in v.agenda if settled[i] < 0)
    parties = tuple(parties) if parties is not None else v.signatories
    # A package across a signatory's red line is no deal it would sign willingly: it is left out.
    allowed = tuple(
        tuple(
            o
            for o in range(len(scenario.issues[i].options))
            if all(o not in scenario.delegations[d].red_lines[i] for d in parties)
        )
        for i in issues
    )
    contributions = tuple(
        np.array(
            [
                [scenario.delegations[d].weights[i] * scenario.delegations[d].values[i][o] for d in parties]
                for o in options
            ],
            dtype=np.float64,
        ).reshape(len(options), len(parties))
        for i, options in zip(issues, allowed, strict=True)
    )
    return Space(
        scenario=scenario,
        issues=issues,
        radix=tuple(len(options) for options in allowed),
        allowed=allowed,
        parties=parties,
        base=base,
        reservations=np.array([scenario.delegations[d].reservation for d in parties], dtype=np.float64),
        contributions=contributions,
    )
