"""Linear additive utility: U_d(deal) = sum_i w_d,i * v_d,i(option_i), in 0..1."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine.model import Delegation
from game.engine.state import State


def utility(delegation: Delegation, deal: Sequence[int]) -> float:
    """Utility of a full deal (one option per scenario issue)."""
    return sum(w * vals[o] for w, vals, o in zip(delegation.weights, delegation.values, deal, strict=True))


def with_package(deal: Sequence[int], package: Sequence[tuple[int, int]]) -> tuple[int, ...]:
    """The deal after a package's options replace those of its issues."""
    out = list(deal)
    for issue, option in package:
        out[issue] = option
    return tuple(out)


def crossed_red_lines(delegation: Delegation, package: Sequence[tuple[int, int]]) -> list[int]:
    """Issues on which the package takes an option across this delegation's red line."""
    return [issue for issue, option in package if option in delegation.red_lines[issue]]


def outcome_utility(state: State, delegation: int) -> float:
    """What the game gave a delegation: the utility of the deal if anything was agreed, else its
    reservation value, which is by definition what no deal is worth to it."""
    d = state.scenario.delegations[delegation]
    return utility(d, state.deal()) if state.agreements else d.reservation
