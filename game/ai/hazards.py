"""What else may end a venue while a planner holds out: the deck's cards and its own walk-out.

The plan (game.ai.planning) weighs each later round by the chance that the talks last that long,
and the clock's breakdown risk was all it counted. Two more hazards are in the public file and in
the agent's own rules, and holding out runs into both:

- a random card of the public deck that calls a signatory home (ours or a counterpart's) ends the
  venue with nothing signed (the engine's rule: a signatory gone). A card is counted where every
  condition on it can be read from our view (trust between two others cannot) and holds on the
  table as it will stand in that round; holding out means refusing the counterparts' offers, and
  each refusal lowers the author's trust in us by the rules' `response_trust` (one a round), and
  a statement to the room that reassures our own side costs each half the rules'
  `hardline_trust`: a card's bound on a counterpart's trust in us reads both;
- a hot-tempered side (our own temper is ours to read) walks out once its mean trust in the others
  falls below the walk-out line (game.ai.negotiator), and each refusal of our offer lowers our
  trust in the side that refused it by `response_trust`. Holding out is tabling the plan's package
  round after round while the model says the others refuse it until its round comes: where that
  many refusals take our trust below the line, we walk out before that round.

A hot temper's outburst at a distrusted side costs that side's trust in us too (provokes_card):
where it would bring such a card into play, a level that spares the cards makes none.

The same cards name whom to meet (card_meeting): where one that would call a signatory home holds
now on trust between us and a counterpart, and one meeting with that side would lift the trust
past its bound, a level that meets the card meets that side rather than a stranger, and, where
the round's last action point would go on a gesture nobody sees before the draw, before that
gesture (gesture_can_wait).

In the random scenario timed-5 (seat d0) both ended 42 of the 44 games in 100 that the plan's
hold-out left without a deal, where signing in the first round gave +0.35 (docs/lab/agents.md, "The plan's
misfires on the stated tables" and "The plan's hazards").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from game.ai.deck import _PublicTable, drawable, may_come_up, public_table, public_trust, readable, table_with_trust
from game.ai.ground import ground_keeps_us
from game.ai.levels import Level
from game.ai.reading import WALKOUT_TEMPER, WALKOUT_TRUST, counterparts, trust_mean, view_table
from game.engine.checks import AP_COST
from game.engine.conditions import all_hold
from game.engine.legal import may_propose
from game.engine.view import View


def hazards(view: View, level: Level, rounds: int) -> list[float]:
    """For each of the next `rounds` rounds of this venue (index 0: the next one), the chance
    that neither a card calling a signatory home nor our own walk-out has ended the venue by then
    while we hold out, the clock's breakdown risk aside (clock.survival counts that)."""
    out = [1.0] * rounds
    lost = _walks_out_after(view, level)
    for j in range(rounds):
        if lost is not None and j + 1 >= lost:
            out[j] = 0.0
    stays = 1.0
    for j in range(rounds):
        stays *= 1.0 - _called_home_at(view, view.round + j + 1, j + 1)
        out[j] *= stays
    return out


def _walks_out_after(view: View, level: Level) -> int | None:
    """How many refusals of our offer would take our mean trust in the others below the walk-out
    line (the least trusted of them refusing each: the likeliest to), where our temper walks us
    out at all; None where no number would (a calm temper, a role that does not propose, trust
    that refusals do not move, or a seat our ground keeps us in, as negotiator._stays)."""
    if view.own.personality.temper < WALKOUT_TEMPER or not may_propose(view.own.role):
        return None
    cost = view.rules.response_trust
    others = counterparts(view)
    if not others or cost <= 0:
        return None
    if level.reads_ground_to_end and ground_keeps_us(view):
        return None
    trusts = [float(view.my_trust[s]) for s in others]
    worst = trusts.index(min(trusts))
    for k in range(0, 101 // cost + 2):
        moved = list(trusts)
        moved[worst] = max(0.0, trusts[worst] - k * cost)
        if trust_mean(moved) < WALKOUT_TRUST:
            return k
    return None


def _called_home_at(view: View, round_: int, refused: int) -> float:
    """The chance that a random card drawn at the start of round `round_` of this venue calls a
    present signatory home: the venue's chance of a draw, times the share of the weight of the
    cards that could be drawn then held by those that would (every condition readable and
    holding on the table as we read it then, each counterpart's trust in us lowered by
    `refused` of our refusals and one statement to the room)."""
    venue = view.venue
    if venue.random_events <= 0 or view.closing or round_ > venue.rounds or round_ < 2:
        return 0.0
    # a plan asks it of the same view more than once (a third of the asks, hard, astana-8): a
    # pure function of the view and the two numbers, so remembered for the view
    asked: dict[tuple[int, int], float] = view_table(view, "called_home_at")
    found = asked.get((round_, refused))
    if found is not None:
        return found
    seated = venue.turn_order
    signing = {view.me, *counterparts(view)}
    trust = public_trust(view)
    if refused:
        # a round of holding out costs a counterpart's trust in us a refusal of its offer, and
        # our side may have to be reassured on the way (a hardline statement to the room costs
        # every side present half the rules' hardline_trust): at timed-5 the card came into
        # play by the statement d0's support called for after it pressed its client
        drop = refused * view.rules.response_trust + view.rules.hardline_trust // 2
        # every other row's cell of our column moved (_with_trust's cells {(a, me): a != me}),
        # the rest as they were
        me = view.me
        trust = tuple(
            row if a == me else (*row[:me], _clamped(row[me] - drop), *row[me + 1 :]) for a, row in enumerate(trust)
        )
    table = table_with_trust(view, round_, trust)
    total = leaving = 0.0
    for card in drawable(view, table, seated):
        total += card.weight
        if card.leavers & signing and all(readable(view, c) for c in card.when) and all_hold(table, card.when, seated):
            leaving += card.weight
    chance = 0.0 if total <= 0 else venue.random_events * leaving / total
    asked[round_, refused] = chance
    return chance


def provokes_card(view: View, target: int) -> bool:
    """Whether a hardline statement at `target` (its trust in us lowered by the rules'
    `hardline_trust`) would leave its trust in us where a random card that may still come up at
    this venue calls a present signatory home: every condition on the card readable, and holding
    with that trust once a round that meets its round conditions comes. A hot temper's outburst
    buys support at home; the venue ended with nothing where it brought such a card into play.
    Where the card holds already the outburst is spared too: it would take that trust lower
    still, and sparing it only where it brings the card into play cost timed-5 d0 0.0026 ±
    0.0013 over 300 paired games (4 December 2026)."""
    venue = view.venue
    if venue.random_events <= 0 or view.closing:
        return False
    seated = venue.turn_order
    signing = {view.me, *counterparts(view)}
    me = view.me
    drop = view.rules.hardline_trust
    for index, card in enumerate(view.events):
        if not card.leavers & signing or not all(readable(view, c) for c in card.when):
            continue
        if not may_come_up(view, index, card):
            continue
        if not any(c.kind == "trust" and c.a == target and c.b == me for c in card.when):
            continue
        for round_ in range(view.round + 1, venue.rounds + 1):
            table = _with_trust(public_table(view, round_), {(target, me)}, -drop)
            if all_hold(table, card.when, seated):
                return True
    return False


def card_meeting(view: View) -> int | None:
    """The counterpart a meeting with whom would keep the most of the deck from calling a
    signatory home: over the cards of the public deck that may still come up at this venue, that
    would take a present signatory (us or a counterpart) from the table, every condition readable
    and holding now (round conditions aside: a card is drawn at a later round's start, as
    may_come_up reads), the side with the greatest weight of such cards that would not hold once
    a meeting lifted our trust in it and its trust in us by the rules' `meet_trust` (kept to
    0..100, as the engine keeps it) and the table's momentum by `meet_momentum` (the first
    counterpart on a tie); None where a meeting would keep none from firing. At timed-17 d0 two
    cards call d0 home, one read on its trust in d1 (weight 2), one in d2 (weight 3): the heavier
    is met first (docs/lab/agents.md, "A meeting that heads off a card")."""
    venue = view.venue
    if venue.random_events <= 0 or view.closing or view.round >= venue.rounds:
        return None
    seated = venue.turn_order
    others = counterparts(view)
    signing = {view.me, *others}
    me, lift = view.me, view.rules.meet_trust
    table = public_table(view, view.round)
    kept = dict.fromkeys(others, 0.0)
    for index, card in enumerate(view.events):
        if not card.leavers & signing or not all(readable(view, c) for c in card.when):
            continue
        if not may_come_up(view, index, card):
            continue
        rest = [c for c in card.when if c.kind != "round"]
        if not all_hold(table, rest, seated):
            continue
        for other in others:
            if not any(c.kind == "trust" and {c.a, c.b} == {me, other} for c in rest):
                continue
            met = _with_trust(table, {(me, other), (other, me)}, lift)
            met = replace(met, momentum=_clamped(met.momentum + view.rules.meet_momentum))
            if not all_hold(met, rest, seated):
                kept[other] += card.weight
    best = max(others, key=lambda s: kept[s], default=None)
    return best if best is not None and kept[best] > 0 else None


def gesture_can_wait(view: View) -> bool:
    """Whether a meeting that heads off a card comes before our gesture (Level.card_before_gesture):
    the two do not both fit in the action points left, at a table of several, and no side acts
    after us this round, so that nobody would see the gesture before the card is drawn at the
    next round's start."""
    if view.ap >= AP_COST["concede"] + AP_COST["meet"]:
        return False
    if len(counterparts(view)) < 2:
        # at a table of two the gesture is made to the one side a card can read, and may lift
        # its trust in us as a meeting would (the rules' concession_trust): at timed-19 d1 it took
        # d0's trust above the bound of the card that calls d0 home, and meeting first cost there
        return False
    order = [s for s in view.venue.turn_order if view.present[s]]
    return bool(order) and order[-1] == view.me


def _with_trust(table: _PublicTable, cells: Collection[tuple[int, int]], move: int) -> _PublicTable:
    """`table` with the trust of each (truster, trusted) cell of `cells` moved by `move`, kept to
    the engine's range (game.engine.work.Work.add_trust clamps it to 0..100)."""
    trust = tuple(
        tuple(_clamped(t + move) if (a, b) in cells else t for b, t in enumerate(row))
        for a, row in enumerate(table.trust)
    )
    return replace(table, trust=trust)


def _clamped(value: int) -> int:
    """`value` kept to the engine's range for trust and momentum, 0..100 (game.engine.work.clamp)."""
    return max(0, min(100, value))
