"""Linear additive utility: U_d(deal) = sum_i w_d,i * v_d,i(option_i), in 0..1."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from game.engine.model import Delegation, Issue
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


def settled_value(
    delegation: Delegation, settled: Sequence[int], status_quo: Sequence[int], agenda: Collection[int]
) -> float:
    """What the agreements are worth to a delegation: each settled issue at its value of the
    agreed option; each issue of the venue's agenda left open at its walk-away value (no deal on
    an issue is worth to it what no deal at all is worth); an issue the venue does not negotiate
    (another venue's, in a campaign) at its status quo. With nothing settled that is the
    walk-away value; with the whole agenda settled, the utility of the deal; a partial deal lies
    in between, so settling some issues is worth it exactly when they are settled well."""
    reservation = delegation.reservation
    if not settled or max(settled) < 0:  # nothing settled
        return reservation
    # open_value written out (asked of every package an agent weighs): the same terms, added in
    # the same order. zip without strict=: the three are per issue of the scenario, and the
    # keyword would make zip parse its arguments at every call
    total = 0.0
    for i, (w, vals, o) in enumerate(zip(delegation.weights, delegation.values, settled)):  # noqa: B905
        total += w * (vals[o] if o >= 0 else reservation if i in agenda else vals[status_quo[i]])
    return total


def open_value(delegation: Delegation, issue: int, status_quo: Sequence[int], agenda: Collection[int]) -> float:
    """What an issue left open is worth to a delegation (settled_value's rule): its walk-away
    value if the venue negotiates it, else the value of its status quo."""
    return delegation.reservation if issue in agenda else delegation.values[issue][status_quo[issue]]


def value_if_agreed(
    delegation: Delegation,
    settled: Sequence[int],
    status_quo: Sequence[int],
    agenda: Collection[int],
    package: Sequence[tuple[int, int]],
) -> float:
    """settled_value once a package is agreed on top of what is settled."""
    return settled_value(delegation, with_package(settled, package), status_quo, agenda)


def worth_if_agreed(
    delegation: Delegation,
    issues: Sequence[Issue],
    settled: Sequence[int],
    last_agenda: Collection[int],
    package: Sequence[tuple[int, int]],
) -> float:
    """What a side would have if this package were agreed now and nothing more: what the game
    would give it at its end (settled_value on the last venue's agenda, as outcome_utility
    reads it, before the rounds' toll), not its utility of the deal in force, which counts the
    issues a partial package leaves open at their status quo. The figure a player is shown."""
    status_quo = [issue.status_quo for issue in issues]
    return value_if_agreed(delegation, settled, status_quo, last_agenda, package)


def state_worth_if_agreed(state: State, delegation: int, package: Sequence[tuple[int, int]]) -> float:
    """worth_if_agreed for a delegation, read from the whole state: at the last venue, on its
    agenda as it stands (an event may add or drop an issue), as outcome_utility scores the game."""
    sc = state.scenario
    last = state.agenda if state.venue == len(sc.venues) - 1 else sc.venues[-1].agenda
    return worth_if_agreed(sc.delegations[delegation], sc.issues, state.settled, last, package)


def outcome_utility(state: State, delegation: int) -> float:
    """What the game gave a delegation: what its agreements are worth to it (settled_value; its
    walk-away value if nothing was agreed), less what the rounds spent without a deal cost it
    (clock.bleed)."""
    d = state.scenario.delegations[delegation]
    status_quo = [issue.status_quo for issue in state.scenario.issues]
    return settled_value(d, state.settled, status_quo, state.agenda) - delay_toll(state, delegation)


def delay_toll(state: State, delegation: int) -> float:
    """What the rounds without a deal have cost a delegation, in utility."""
    return state.toll[delegation] / 10000.0 if state.toll else 0.0
