"""Random scenarios with the time rules on, for issue 10's figures on scenarios nobody wrote.

Built on `game.sim.random_scenarios.random_scenario` (the suite's generator of roles, patrons,
red lines, venues and events), then made into a game worth negotiating: private types drawn
with spreads, a delay cost, a growing breakdown risk, enough rounds that "the last round" means
something, random events that are drawn (some that move the ground under a side, some that take a
signatory from the table), and at least one package every signatory of every
venue prefers to walking away (otherwise no level can do better than another, and the figures
would measure nothing). Shared by the tests (tests/sim/test_random_figures.py) and
bench/random_figures.py, which imports it from here.
"""

from __future__ import annotations

import random
from dataclasses import replace

from game.analysis import analyze
from game.engine.model import NO_LIMIT, Condition, Effect, EventCard, Issue, Option, Scenario
from game.scenario.build import default_opening, normalised
from game.sim.random_scenarios import random_scenario
from tests.sim.scenario_file import author_weights

# The events added to every scenario, so that the venues' random draws have something to draw
# (random_scenario gives none in a third of its seeds). Their sizes are drawn per scenario.
_EVENT_KINDS = ("trust", "support", "momentum", "walk_away")


def timed_scenario(seed: int, silent: bool = False) -> Scenario:
    """The scenario of `seed` with the time rules on (whether or not it has a zone of
    agreement: `timed_scenarios` keeps only those that do).

    Every side takes a public position on every issue it weighs, as a scenario file gives it
    (docs/SCENARIOS.md, `opening`: a side with a weight on an issue and no opening named starts
    at its best option outside its red lines; a file cannot say "weighs it, states nothing").
    `silent` keeps the tables of before 4 December 2026, where no side stated a position on the
    two added issues and the base draw left some sides silent on issues they weigh: tables no
    file can write, kept for the tests of rules written against them."""
    base = random_scenario(seed)
    # a stream of its own, so random_scenario's draws (and every test pinned on them) stay put
    r = random.Random(1_000_003 * seed + 17)
    base = _at_the_table(_with_common_ground(base, r))
    if not silent:
        base = _as_a_file_gives(_as_a_file_states(base))
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
    ground = tuple(_ground_moves(r, k, base) for k in range(1 + r.randrange(2)))
    rules = replace(
        base.rules,
        weight_spread=10 + r.randrange(31),
        value_spread=5 + r.randrange(11),
        reservation_spread=2 + r.randrange(5),
        delay_cost=1 + r.randrange(5),
        breakdown_risk=5 + r.randrange(16),
    )
    base = _balanced(replace(base, venues=venues, rules=rules), r)
    departures = tuple(_departure(r, k, base) for k in range(1 + r.randrange(2)))
    return replace(
        base,
        id=f"timed-{seed}",
        title=f"Timed {seed}",
        # an event that takes an issue off the agenda can end a one-issue venue before anyone
        # speaks, and a scripted one that takes a signatory away with no condition ends every
        # game (`validate` warns of it): kept out, so that every game is a negotiation
        events=tuple(e for e in base.events if _negotiable(e, base)) + extra + ground + departures,
        content_hash=f"timed-{seed}",  # caches key on it (the Nash package of wait-nash)
    )


def _negotiable(card: EventCard, scenario: Scenario) -> bool:
    signatories = {d for v in scenario.venues for d in v.signatories}
    return all(
        x.kind != "agenda_remove"
        and not (x.kind == "leave" and x.a in signatories and card.round > 0 and not card.when)
        for x in card.effects
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


def _with_common_ground(base: Scenario, r: random.Random) -> Scenario:
    """Two issues added to every venue's agenda, as an author following docs/SCENARIOS.md would
    write them ("Partial deals"; "What makes a deal possible": opposed priorities leave room to
    trade):
    - common ground: one option (not the status quo) that every delegation values well, 0.6 to
      1.0, beside a status quo that each values little (so that the delay cost bites on it);
      a table can settle it alone and leave the sticking points open: a partial deal;
    - a contested issue: a ladder the signatories pull in opposite directions (alternately, so
      that each side has someone against it), with the status quo in the middle and a weight
      that differs from side to side, so that a whole deal must trade it against the rest."""
    signatories = sorted({d for v in base.venues for d in v.signatories})
    first = len(base.issues)
    common_size, contested_size = 3 + r.randrange(2), 4 + r.randrange(2)
    common = 1 + r.randrange(common_size - 1)
    issues = (
        *base.issues,
        Issue("common", "Common ground", tuple(Option(f"o{j}", f"Option {j}") for j in range(common_size)), 0),
        Issue(
            "contested",
            "Contested",
            tuple(Option(f"o{j}", f"Option {j}") for j in range(contested_size)),
            contested_size // 2,
        ),
    )
    delegations = []
    for k, d in enumerate(base.delegations):
        up = signatories.index(k) % 2 == 0 if k in signatories else r.randrange(2) == 0
        raw = (1 + r.randrange(3), 1 + r.randrange(5))
        share = sum(raw) / (sum(raw) + 2 + r.randrange(4))  # the new issues' share of what it weighs
        weights = tuple(w * (1 - share) for w in d.weights) + tuple(share * x / sum(raw) for x in raw)
        ladder = [j / (contested_size - 1) for j in range(contested_size)]
        values = (
            *d.values,
            tuple(
                (6 + r.randrange(5)) / 10 if j == common else r.randrange(3) / 10 if j == 0 else r.randrange(11) / 10
                for j in range(common_size)
            ),
            tuple(ladder if up else reversed(ladder)),
        )
        delegations.append(
            replace(
                d,
                weights=weights,
                values=values,
                red_lines=(*d.red_lines, frozenset(), frozenset()),
                opening=(*d.opening, -1, -1),
                stances=(*d.stances, "", "") if d.stances else d.stances,
            )
        )
    venues = tuple(replace(v, agenda=(*v.agenda, first, first + 1)) for v in base.venues)
    return replace(base, issues=issues, delegations=tuple(delegations), venues=venues)


def _as_a_file_states(scenario: Scenario) -> Scenario:
    """Each side's position on each issue it weighs where it has none, or where the draw put it
    across the side's own red line (a file that does so is refused): the position a scenario
    file gives it by default (game.scenario.build.default_opening). Other drawn positions are
    kept: a file can name any opening outside the side's red lines, even one apart from its
    values."""
    status_quo = [x.status_quo for x in scenario.issues]
    delegations = tuple(
        replace(
            d,
            opening=tuple(
                default_opening(d.values[i], d.red_lines[i], status_quo[i])
                if d.weights[i] > 0 and (o < 0 or o in d.red_lines[i])
                else o
                for i, o in enumerate(d.opening)
            ),
        )
        for d in scenario.delegations
    )
    return replace(scenario, delegations=delegations)


def _as_a_file_gives(scenario: Scenario) -> Scenario:
    """The rest of what the loader gives where the draw gives what no file can say
    (tests/sim/scenario_file.py refuses each):
    - trust of 100 in itself (the loader sets it; the draw gave any number, which nothing reads);
    - a stance of "" on each issue where the side has none (the loader's "no stance");
    - no event that has neither a round nor a weight: it never happens, and a file cannot hold it;
    - weights as the loader makes them of an author's whole numbers (each over their sum): the
      draw's arithmetic gave the same ratios a rounding or two apart, which no file can give
      back. A game does read these: where a tie or the walk-away value's rounding to hundredths
      (_balanced) turns on the last bit, the table moves (5 of the 692 walk-away values of seeds
      0-199 by 0.01);
    - a concession cost of at most 100, the most a file's `rules:` gives (every rule number runs
      0..100; game.sim.random_scenarios draws 20..169 for the engine's own tests): the dearest
      concessions an author can write."""
    delegations = []
    for k, d in enumerate(scenario.delegations):
        whole = author_weights(d.weights)
        delegations.append(
            replace(
                d,
                trust=tuple(100 if o == k else t for o, t in enumerate(d.trust)),
                weights=d.weights if whole is None else normalised(whole),
                stances=d.stances or ("",) * len(scenario.issues),
            )
        )
    events = tuple(e for e in scenario.events if e.round or e.weight > 0)
    rules = replace(scenario.rules, concession_cost=min(scenario.rules.concession_cost, 100))
    return replace(scenario, delegations=tuple(delegations), events=events, rules=rules)


def _at_the_table(scenario: Scenario) -> Scenario:
    """Signatories that came to negotiate, as an author writes them: support at least 15 above
    `collapse_support` (not one event away from being pulled out by their hardliners) and trust
    of at least 15 in each other signatory (a hot-tempered side that trusts no one at all walks
    out at its first turn, and nothing is negotiated: docs/SCENARIOS.md, "Temper")."""
    signatories = {d for v in scenario.venues for d in v.signatories}
    floor = scenario.rules.collapse_support + 15
    delegations = tuple(
        replace(
            d,
            support=max(d.support, floor),
            trust=tuple(max(t, 15) if o in signatories and o != k else t for o, t in enumerate(d.trust)),
        )
        if k in signatories
        else d
        for k, d in enumerate(scenario.delegations)
    )
    return replace(scenario, delegations=delegations)


def _balanced(scenario: Scenario, r: random.Random) -> Scenario:
    """Walk-away values set as docs/SCENARIOS.md's worked example sets them (stage 5, "balancing
    the walk-away values"): below what the Nash package of its venue gives each signatory by a
    modest gain, 0.08 to 0.20, plus what half the venue's rounds cost it in delay (docs/SCENARIOS.md,
    "The cost of time": a toll larger than a side's surplus leaves it nothing worth signing);
    at the lowest over the venues it signs at. A zone of agreement neither so wide that the
    first offer settles everything nor so narrow that nothing can."""
    target: dict[int, float] = {}
    for v, venue in enumerate(scenario.venues):
        result = analyze(scenario, v, with_frontier=False)
        if result.nash is None:
            continue
        for d, u in zip(result.space.parties, result.utilities_of(result.nash), strict=True):
            delegation = scenario.delegations[d]
            lack = sum(
                delegation.weights[i] * (1 - delegation.values[i][scenario.issues[i].status_quo]) for i in venue.agenda
            )
            toll = scenario.rules.delay_cost / 100 * lack * venue.rounds / 2
            gap = (8 + r.randrange(13)) / 100 + toll
            target[d] = min(target.get(d, 1.0), max(0.0, float(u) - gap))
    delegations = tuple(
        replace(d, reservation=round(target[k], 2)) if k in target else d for k, d in enumerate(scenario.delegations)
    )
    return replace(scenario, delegations=delegations)


def _ground_moves(r: random.Random, k: int, scenario: Scenario) -> EventCard:
    """An event that moves the ground, as docs/SCENARIOS.md ("Events that decide a deal") asks
    for: one signatory gains ground, so walking away is worth much more to it (0.15 to 0.35),
    and another loses, so walking away is worth a little less to it."""
    signatories = sorted({d for v in scenario.venues for d in v.signatories})
    gains = signatories[r.randrange(len(signatories))]
    loses = signatories[r.randrange(len(signatories))]
    effects = [Effect("walk_away", gains, delta=15 + r.randrange(21))]
    if loses != gains:
        effects.append(Effect("walk_away", loses, delta=-(3 + r.randrange(8))))
    return EventCard(
        f"g{k}",
        f"The ground moves {k}",
        f"{scenario.delegations[gains].name} gains ground outside the hall.",
        tuple(effects),
        weight=2.0 + r.randrange(2),
    )


def _departure(r: random.Random, k: int, scenario: Scenario) -> EventCard:
    """A card that decides whether anything is signed, as sochi-congress's deck has (docs/SCENARIOS.md,
    "Events that decide a deal"): a signatory is called home (the talks collapse if nothing is
    signed yet), but only while its trust in another signatory is no higher than it was at the
    start, so that a meeting or an answered proposal heads it off."""
    signatories = sorted({d for v in scenario.venues for d in v.signatories})
    d = signatories[r.randrange(len(signatories))]
    others = [s for s in signatories if s != d]
    other = others[r.randrange(len(others))]
    return EventCard(
        f"x{k}",
        f"A delegation is called home {k}",
        f"{scenario.delegations[d].name} is called home for consultations.",
        (Effect("leave", d),),
        weight=2.0 + r.randrange(2),
        when=(
            Condition("round", low=NO_LIMIT, high=2),
            Condition("trust", d, other, NO_LIMIT, scenario.delegations[d].trust[other]),
        ),
    )


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


def timed_scenarios(count: int, start: int = 0, silent: bool = False) -> list[Scenario]:
    """The first `count` sensible timed scenarios from seed `start` on (the same on any machine)."""
    out: list[Scenario] = []
    seed = start
    while len(out) < count:
        scenario = timed_scenario(seed, silent)
        if sensible(scenario):
            out.append(scenario)
        seed += 1
    return out


def signatory_seats(scenario: Scenario) -> list[int]:
    """The seats that sign at some venue: those issue 10's per-seat figures are about."""
    return sorted({d for v in scenario.venues for d in v.signatories})
