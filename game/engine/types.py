"""Private types drawn per game: each delegation's real weights, values and walk-away value.

A scenario gives every delegation's preferences as the centre of a range; a game draws the real
ones from its seed when it opens (the rules' `weight_spread`, `value_spread` and
`reservation_spread` set how wide the ranges are). So no two games of a scenario share the same
numbers, and nothing outside the game (the file, `analyze`) tells a player the others' exact
priorities: they are read from how the others play, and revealed in the debrief.

The draw has its own stream, derived from the seed and never from the game's generator, so the
events and every later draw of a game are what they would be with the central values; the draw
is a pure function of the scenario and the seed, so saves and state hashes need nothing new.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from game.engine.model import Delegation, Scenario
from game.engine.rng import MASK, Rng, mix, seed_state
from game.engine.state import frozen

_STREAM = 0x7479706573  # "types": sets this stream apart from every other use of the seed


def types_drawn(scenario: Scenario) -> bool:
    """Whether each game draws its delegations' preferences around the file's central values."""
    rules = scenario.rules
    return bool(rules.weight_spread or rules.value_spread or rules.reservation_spread)


def draw_types(scenario: Scenario, seed: int) -> Scenario:
    """The scenario with every delegation's real preferences for the game with this seed."""
    if not types_drawn(scenario):
        return scenario
    rules = scenario.rules
    rng = Rng(mix(seed_state(seed) ^ _STREAM) & MASK)
    drawn = tuple(
        _draw(d, rng, rules.weight_spread, rules.value_spread, rules.reservation_spread) for d in scenario.delegations
    )
    game = replace(scenario, delegations=drawn)
    # The tables worked out from the delegations' public facts (ids, names, roles, patrons, red
    # lines: none of them drawn) are the file's: the game shares those already worked out, so
    # what is remembered by their identity (the agents' reading of red lines) carries from one
    # game to the next instead of being worked out again every game.
    vars(game).update({name: getattr(scenario, name) for name in UNDRAWN})
    return game


# Scenario's cached properties that read nothing a draw changes (see Delegation's fields).
UNDRAWN = (
    "delegation_index",
    "issue_index",
    "zone_index",
    "venue_index",
    "ids",
    "names",
    "roles",
    "patrons",
    "red_lines",
)


def _draw(d: Delegation, rng: Rng, weight_spread: int, value_spread: int, reservation_spread: int) -> Delegation:
    # a few hundred draws a game, and a game opens for every one simulated: so drawn in one go (a
    # weight's, each option's value, the reservation's), taken below in the order drawn
    draw = iter(rng.floats(len(d.weights) + sum([len(v) for v in d.values]) + 1)).__next__
    # Weights: each moves by up to weight_spread percent of itself, then they are normalised
    # again; an issue the delegation does not care about (weight 0) stays so.
    raw = [w * (1.0 + weight_spread / 100.0 * (2.0 * draw() - 1.0)) for w in d.weights]
    total = sum(raw)
    weights = tuple(w / total for w in raw) if total > 0 else d.weights
    # Values: each option's moves by up to value_spread hundredths, but the options keep their
    # order (what a side states in public about which option it prefers stays true); ties in the
    # file may come apart.
    spread = value_spread / 100.0
    values = tuple([_values(v, draw, spread) for v in d.values])
    shift = reservation_spread / 100.0 * (2.0 * draw() - 1.0)
    reservation = round(min(0.99, max(0.0, d.reservation + shift)), 6)
    # filled in directly (state.frozen) from the file's delegation's fields: replace() set its
    # eighteen fields one by one through object.__setattr__, nine times a game
    return frozen(Delegation, {**vars(d), "weights": weights, "values": values, "reservation": reservation})


def _values(values: tuple[float, ...], draw: Callable[[], float], spread: float) -> tuple[float, ...]:
    # Drawn for every option of every side each time a game opens (simulate opens one per game). So
    # lists rather than generators, and min(1.0, max(0.0, x)) written as a conditional: the same
    # float in every case (x is never NaN; max(0.0, -0.0) is the 0.0 written here)
    moved = [v + spread * (2.0 * draw() - 1.0) for v in values]
    moved = sorted([1.0 if x > 1.0 else x if x > 0.0 else 0.0 for x in moved])
    # the options from the worst to the best, ties in the file's order: a stable sort by value
    # alone keeps equal values in index order, as a key of (value, index) does
    ranked = _ranked(values)
    out = [0.0] * len(values)
    for o, x in zip(ranked, moved, strict=True):
        out[o] = round(x, 6)
    return tuple(out)


@lru_cache(maxsize=4096)
def _ranked(values: tuple[float, ...]) -> tuple[int, ...]:
    """The options from the worst to the best by the file's values, ties in the file's order (a
    stable sort by value alone): a pure function of the file's row, asked every game."""
    return tuple(sorted(range(len(values)), key=values.__getitem__))
