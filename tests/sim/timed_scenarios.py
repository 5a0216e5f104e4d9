"""Random scenarios with the time rules on, for issue 10's figures on scenarios nobody wrote.

Built on `game.sim.random_scenarios.random_scenario` (the suite's generator of roles, patrons,
red lines, venues and events), then made into a game worth negotiating: private types drawn
with spreads, a delay cost, a growing breakdown risk, enough rounds that "the last round" means
something, random events that are drawn, and at least one package every signatory of every
venue prefers to walking away (otherwise no level can do better than another, and the figures
would measure nothing). Shared by the tests (tests/sim/test_random_figures.py) and
bench/random_figures.py, which imports it from here.
"""

from __future__ import annotations

import random
from dataclasses import replace

from game.analysis import analyze
from game.engine.model import Effect, EventCard, Scenario
from game.sim.random_scenarios import random_scenario

# The events added to every scenario, so that the venues' random draws have something to draw
# (random_scenario gives none in a third of its seeds). Their sizes are drawn per scenario.
_EVENT_KINDS = ("trust", "support", "momentum", "walk_away")


def timed_scenario(seed: int) -> Scenario:
    """The scenario of `seed` with the time rules on (whether or not it has a zone of
    agreement: `timed_scenarios` keeps only those that do)."""
    base = random_scenario(seed)
    # a stream of its own, so random_scenario's draws (and every test pinned on them) stay put
    r = random.Random(1_000_003 * seed + 17)
    n = len(base.delegations)
    venues = tuple(
        replace(v, rounds=3 + r.randrange(4), action_points=2 + r.randrange(2), random_events=0.25 + r.randrange(3) / 4)
        for v in base.venues
    )
    extra = tuple(
        EventCard(
            f"t{k}",
            f"Timed event {k}",
            "Something happens on the ground.",
            (_effect(r, n),),
            weight=1.0 + r.randrange(3),
            repeat=True,
        )
        for k in range(2 + r.randrange(2))
    )
    rules = replace(
        base.rules,
        weight_spread=10 + r.randrange(31),
        value_spread=5 + r.randrange(11),
        reservation_spread=2 + r.randrange(5),
        delay_cost=1 + r.randrange(5),
        breakdown_risk=5 + r.randrange(16),
    )
    return replace(
        base,
        id=f"timed-{seed}",
        title=f"Timed {seed}",
        venues=venues,
        # an event that takes an issue off the agenda can end a one-issue venue before anyone
        # speaks: kept out, so that every game is a negotiation
        events=tuple(e for e in base.events if all(x.kind != "agenda_remove" for x in e.effects)) + extra,
        rules=rules,
        content_hash=f"timed-{seed}",  # caches key on it (the Nash package of wait-nash)
    )


def _effect(r: random.Random, n: int) -> Effect:
    kind = _EVENT_KINDS[r.randrange(len(_EVENT_KINDS))]
    delta = r.choice((-1, 1)) * (3 + r.randrange(10))
    if kind == "trust":
        return Effect("trust", r.randrange(n), r.randrange(n), delta)
    if kind == "walk_away":
        return Effect("walk_away", r.randrange(n), delta=delta)
    if kind == "support":
        return Effect("support", r.randrange(n), delta=delta)
    return Effect("momentum", delta=delta)


# what the Nash package must give every signatory over its walk-away value, as the file states
# them: above the reservation spread, so that the game's own draw keeps a deal worth making
MARGIN = 0.08


def sensible(scenario: Scenario) -> bool:
    """Every venue has a package each of its signatories prefers to no deal by `MARGIN` at least,
    and something to bargain over: no package is every signatory's best (where one is, any agent
    that asks for its own ideal settles at once, and skill cannot show)."""
    for v in range(len(scenario.venues)):
        result = analyze(scenario, v, with_frontier=False)
        if result.nash is None:
            return False
        gains = result.utilities_of(result.nash) - result.space.reservations
        if float(gains.min()) < MARGIN:
            return False
        utils = result.space.utilities()
        if (utils >= utils.max(axis=0) - 1e-9).all(axis=1).any():
            return False
    return True


def timed_scenarios(count: int, start: int = 0) -> list[Scenario]:
    """The first `count` sensible timed scenarios from seed `start` on (the same on any machine)."""
    out: list[Scenario] = []
    seed = start
    while len(out) < count:
        scenario = timed_scenario(seed)
        if sensible(scenario):
            out.append(scenario)
        seed += 1
    return out


def signatory_seats(scenario: Scenario) -> list[int]:
    """The seats that sign at some venue: those issue 10's per-seat figures are about."""
    return sorted({d for v in scenario.venues for d in v.signatories})
