"""The Pareto frontier of a package space, exactly.

Utilities are additive over issues, so a package can be Pareto-optimal only if each of its options
is Pareto-optimal among that issue's options (swapping a dominated option for its dominator would
improve the package). The frontier is therefore built issue by issue: prune each issue's options,
add them to the frontier so far, keep the non-dominated sums. The sets stay far smaller than the
space, which is what makes a million packages take well under a second.
"""

from __future__ import annotations

import numpy as np

from game.analysis.space import Floats, Ints, Space

_DECIMALS = 9  # utilities equal to 1e-9 are equal: float noise must not create false dominance
_BLOCK = 1024
# Pairwise comparisons allowed for one frontier (about a second on this machine); past it, the
# frontier is too large to compute exactly in time and the caller falls back to a sample.
BUDGET = 60_000_000


class FrontierTooLarge(Exception):
    pass


class _Budget:
    def __init__(self, limit: int | None) -> None:
        self.left = limit

    def spend(self, n: int) -> None:
        if self.left is not None:
            self.left -= n
            if self.left < 0:
                raise FrontierTooLarge


Budget = _Budget  # for callers that sweep with their own budget (analysis/lint.py)


def nondominated(points: Floats, budget: _Budget | None = None) -> Ints:
    """Indices of the rows of `points` that no other row dominates (>= everywhere, > somewhere)."""
    budget = budget or _Budget(None)
    n, k = points.shape
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    pts = np.round(points, _DECIMALS)
    if k == 1:
        return np.flatnonzero(pts[:, 0] == pts[:, 0].max())
    if k == 2:
        budget.spend(n * k)  # a sort and a sweep: linear, but a frontier can still grow past time
        return _sweep_2d(pts)
    # A row can only be dominated by a row with a larger or equal sum: visit by falling sum.
    order = np.argsort(-pts.sum(axis=1), kind="stable")
    front_rows: list[Floats] = []
    front_idx: list[Ints] = []
    front = np.zeros((0, k))
    for start in range(0, n, _BLOCK):
        idx = order[start : start + _BLOCK]
        block = pts[idx]
        budget.spend((len(front) + len(block)) * len(block) * k)
        alive = ~_dominated_by(front, block)
        block, idx = block[alive], idx[alive]
        alive = ~_dominated_by(block, block)
        block, idx = block[alive], idx[alive]
        if len(idx):
            front_rows.append(block)
            front_idx.append(idx)
            front = np.concatenate(front_rows)
    return np.sort(np.concatenate(front_idx)) if front_idx else np.zeros(0, dtype=np.int64)


def _dominated_by(front: Floats, block: Floats) -> npt_bool:
    """For each row of block: does some row of front dominate it?"""
    out = np.zeros(len(block), dtype=bool)
    for start in range(0, len(front), _BLOCK):
        f = front[start : start + _BLOCK][:, None, :]
        b = block[None, :, :]
        out |= ((f >= b).all(axis=2) & (f > b).any(axis=2)).any(axis=0)
    return out


npt_bool = np.ndarray  # a boolean mask; numpy's typing of masks is too loose to say more


def _sweep_2d(pts: Floats) -> Ints:
    order = np.lexsort((-pts[:, 1], -pts[:, 0]))  # by first falling, then second falling
    second = pts[order, 1]
    best_before = np.maximum.accumulate(np.concatenate(([-np.inf], second[:-1])))
    first = pts[order, 0]
    # a row is dominated if an earlier row has a strictly larger second, or an equal second
    # with a strictly larger first
    keep = second > best_before
    ties = (second == best_before) & ~keep
    if ties.any():
        # No earlier row has a larger second value; one with the same second value dominates
        # only if its first is larger. The earliest row of each second value has the largest
        # first of them (rows are in falling first order), so a tie survives only if it equals
        # that first. (Vectorised: a loop over ties was quadratic, minutes on many equal sums.)
        _, earliest, group = np.unique(second, return_index=True, return_inverse=True)
        keep |= ties & (first == first[earliest[group.reshape(-1)]])
    return np.sort(order[keep])


def frontier(space: Space, budget: int | None = -1) -> Ints:
    """Package indices of the whole Pareto frontier of the space; FrontierTooLarge past the budget
    (by default BUDGET; None for no limit)."""
    spend = _Budget(BUDGET if budget == -1 else budget)
    k = len(space.parties)
    sums = space.base_utilities()[None, :]
    indices = np.zeros(1, dtype=np.int64)
    for radix, contrib in zip(space.radix, space.contributions, strict=True):
        options = nondominated(contrib)
        combined = (sums[:, None, :] + contrib[options][None, :, :]).reshape(-1, k)
        combined_idx = (indices[:, None] * radix + options[None, :]).reshape(-1)
        keep = nondominated(combined, spend)
        sums, indices = combined[keep], combined_idx[keep]
    return np.sort(indices)
