"""Reading one's own ground to the end of the talks: what the public deck is expected to do to our
walk-away value over every draw still to come, at this venue and at the venues that follow.

game.ai.deck.ground_ahead looks one round ahead: enough to weigh one more round of waiting, not
to see what a side that signs nothing keeps at the end. Where the deck lifts a side's walk-away
value card after card, over several rounds and venues, signing nothing is worth that side its
walk-away value as it will stand when the talks end, less the rounds' toll until then; a deal
worth less than that is worth less than refusing everything, and a walk-out that ends the venue
early throws the draws away (docs/lab/agents.md, "Reading the ground to the end"). Everything read here
is public: the scenario file's cards and venues, how often each card has fired, the rule
numbers; the value moved is the side's own.

The expectation is a rough one, by design: each later round is reached with the clock's chance
at today's momentum (a later venue's from its opening momentum), a card is drawn at it with the
venue's chance, and a card that fires once is counted as gone by the share of the draws before
that would have taken it (each card's expected presence, not every order of draws). A condition
on the table is read as it stands now, at that round and venue; one we cannot read (trust
between two others) counts as holding. Nothing is counted where a counterpart trusts us too
little for the talks to be counted on to go on (_trusted).

The same reading takes in the fine print of a package: what its options' own effects do once it
is agreed (the file prints them). An option may move our walk-away value, or break an agreement
(its own, in some random scenarios: signed, it settles nothing, and costs the side it blames
trust); a package is worth what it leaves once they have run (signing_loses).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.ai.deck import own_move, public_table, seems_to_hold
from game.ai.estimate import Package
from game.ai.reading import PROVOKED_TRUST, bleed_rate, counterparts, fallback, scored_open, status_quos, view_memo
from game.engine import clock
from game.engine.utility import settled_value
from game.engine.view import View


@dataclass(frozen=True)
class Ground:
    """What signing nothing is expected to bring us until the talks end (or this venue does)."""

    drift: float  # the expected move of our walk-away value, in utility (kept within 0..0.99)
    rounds: float  # the expected number of rounds still to pay the toll of, this one included


def rounds_ahead(view: View, this_venue_only: bool) -> list[tuple[int, int, float]]:
    """(venue, round, chance the round is reached) for every round still to come: this venue's
    later rounds, then every round of each venue after it."""
    out: list[tuple[int, int, float]] = []
    venue = view.venue
    if not view.closing:
        alive = clock.survival(view.rules, view.round, venue.rounds, view.momentum)
        out += [(view.venue_index, view.round + 1 + k, p) for k, p in enumerate(alive)]
    if this_venue_only:
        return out
    for index in range(view.venue_index + 1, len(view.venues)):
        later = view.venues[index]
        out.append((index, 1, 1.0))
        alive = clock.survival(view.rules, 1, later.rounds, later.momentum)
        out += [(index, 2 + k, p) for k, p in enumerate(alive)]
    return out


def _trusted(view: View) -> bool:
    """Whether every counterpart at the table trusts us enough that the talks can be counted on
    to go on while we sign nothing: each refusal costs us some of its trust, and a hot temper
    that distrusts us walks out, ending the draws we wait for (in timed-15 d0's seat the other
    side's trust stood at 15 to 19 from the start, and the hard agent, refusing for the ground
    to come, saw the talks end at once). The line is where a hot temper starts answering with
    hardline statements (reading.PROVOKED_TRUST), the one the negotiator's outbursts read."""
    return all(view.trust_in_me[s] >= PROVOKED_TRUST for s in counterparts(view))


def ground_to_end(view: View, this_venue_only: bool = False) -> Ground:
    """The expected move of our own walk-away value over the rounds still to come while nothing
    is signed (every venue's, or this venue's only), and how many rounds that is expected to
    take (this one included: its toll is paid unless the talks end in it). A pure function of
    the view, asked several times a decision (each offer answered, our own offer, a walk-out):
    remembered for the last view asked (reading.view_memo)."""
    memo = view_memo(view)
    key = "ground_here" if this_venue_only else "ground_to_end"
    found: Ground | None = memo.get(key)
    if found is None:
        found = memo[key] = _ground_to_end(view, this_venue_only)
    return found


def _ground_to_end(view: View, this_venue_only: bool) -> Ground:
    rounds = rounds_ahead(view, this_venue_only)
    if not _trusted(view):
        rounds = []  # the talks are not counted on to go on: only this round's toll
    toll_rounds = (0.0 if view.closing else 1.0) + sum(p for _, _, p in rounds)
    # each card's expected presence in the deck: a card that fires once leaves it
    present = [0.0 if not c.repeat and view.fired and view.fired[i] > 0 else 1.0 for i, c in enumerate(view.events)]
    now = public_table(view, view.round)
    drift = 0.0
    for venue_index, round_, reached in rounds:
        table = replace(now, round=round_, venue=venue_index)
        seated = view.venues[venue_index].turn_order if view.venues else view.venue.turn_order
        chance = view.venues[venue_index].random_events if view.venues else view.venue.random_events

        for i, card in enumerate(view.events):  # scripted cards come up at their round
            if (
                card.round == round_
                and card.venue in (-1, venue_index)
                and present[i] > 0
                and seems_to_hold(view, card, table, seated)
            ):
                drift += reached * present[i] * (own_move(view, card) / 100.0)
                if not card.repeat:
                    present[i] *= 1.0 - reached
        if round_ == 1 or chance <= 0:
            continue  # no random draw at a venue's first round
        deck = [
            (i, card.weight * present[i])
            for i, card in enumerate(view.events)
            if card.weight > 0
            and card.venue in (-1, venue_index)
            and present[i] > 0
            and seems_to_hold(view, card, table, seated)
        ]
        total = sum(w for _, w in deck)
        if total <= 0:
            continue
        for i, w in deck:
            drawn = reached * chance * w / total
            drift += drawn * (own_move(view, view.events[i]) / 100.0)
            if not view.events[i].repeat:
                present[i] = max(0.0, present[i] - drawn)
    own = view.own.reservation
    return Ground(max(-own, min(0.99 - own, drift)), toll_rounds)


def exposed(view: View, package: Package = ()) -> float:
    """The share of what we have that moves with our walk-away value once `package` is agreed on
    top of what is settled (engine.utility.settled_value): all of it while nothing is, else the
    weight of the issues that would stay open and count at the walk-away value."""
    named = {i for i, _ in package}
    if not named and all(o < 0 for o in view.settled):
        return 1.0
    weights = view.own.weights
    return sum(weights[i] for i in scored_open(view) if view.settled[i] < 0 and i not in named)


def nothing_more(view: View, ground: Ground | None = None) -> float:
    """What signing nothing more is expected to leave us when the talks end: what we have (the
    walk-away value, or the deal so far with its open issues at it), moved by the ground the deck
    is expected to give us, less the toll of the rounds until then; no less than what we have
    now, which a walk-out keeps."""
    ground = ground or ground_to_end(view)
    have = fallback(view)
    return max(have, have + exposed(view) * ground.drift - bleed_rate(view) * ground.rounds)


def _after_effects(view: View, package: Package) -> tuple[float, list[int]]:
    """What agreeing `package` would leave us once its options' own effects have run (the file
    prints them: a walk-away value they move, an agreement they break), and the open issues it
    would leave: those it does not settle and those its effects break open again. An option that
    breaks its own issue settles nothing and may cost us ground each time it is signed."""
    moved = 0
    broken: set[int] = set()
    for i, o in package:
        for e in view.issues[i].options[o].effects:
            if e.kind == "walk_away" and e.a == view.me:
                moved += e.delta
            elif e.kind == "break" and 0 <= e.a < len(view.issues):
                broken.add(e.a)
    settled = list(view.settled)
    for i, o in package:
        settled[i] = o
    for i in broken:
        settled[i] = -1
    own = view.own
    if moved:
        own = replace(own, reservation=round(min(0.99, max(0.0, own.reservation + moved / 100.0)), 6))
    # an issue broken open again stays on the agenda, to be settled later or to end at the
    # walk-away value, as an open issue of the game's last venue does: not at its status quo,
    # where the campaign's convention (reading.scored_open) leaves this venue's open issues
    value = settled_value(own, settled, status_quos(view), (*scored_open(view), *sorted(broken)))
    left = [i for i in view.agenda if settled[i] < 0]
    return value, left


def signing_loses(view: View, package: Package) -> bool:
    """Whether agreeing `package` now is expected to leave us worse off at the end of the talks
    than signing nothing more (nothing_more): what it gives once its options' own effects have
    run, with the ground still to come on what it leaves open, less the toll of those issues
    until the end."""
    ground = ground_to_end(view)
    value, left = _after_effects(view, package)
    drift = max(0.0, ground.drift)  # a falling ground never makes refusing pay more than what we have now
    if drift > 0.0:
        named = tuple((i, o) for i, o in package if i not in left)
        value += exposed(view, named) * drift - bleed_rate(view, left) * ground.rounds
    return value < nothing_more(view, ground) - 1e-9


def ground_keeps_us(view: View) -> bool:
    """Whether staying at this venue is expected to be worth more than walking out of it: the
    ground its remaining rounds are expected to give what we have (on what is still open)
    exceeds their toll (a walk-out ends the venue, and its draws with it)."""
    ground = ground_to_end(view, this_venue_only=True)
    return exposed(view) * ground.drift - bleed_rate(view) * ground.rounds > 0.0
