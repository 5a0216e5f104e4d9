"""Reading the public event deck: a random card that would take us from the table.

The scenario file is public, so every player can see which cards may come up and when. A card
that makes a delegation leave only while its support at home is at most some figure can be
headed off by a hardline statement, which lifts that support above the figure before the card
can be drawn (`threatening_card`: where one is enough; `support_bound`: the figure to keep above,
for an agent that makes as many as its turn allows and no concession that would bring it back
down). The conditions are judged by the engine's own code (game.engine.conditions), on
what the View shows; a condition on trust between two others is not public, and a card that
needs one is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from game.ai.reading import view_memo, view_table
from game.engine.conditions import all_hold, holds
from game.engine.model import NO_LIMIT, Condition, EventCard
from game.engine.view import View

_UNKNOWN = -1  # a trust figure between two others: not public


@dataclass(frozen=True)
class _PublicTable:
    """The table as a View shows it (game.engine.conditions.Table), at a given round."""

    round: int
    momentum: int
    present: Sequence[bool]
    boycotted: Sequence[bool]
    support: Sequence[int]
    trust: Sequence[Sequence[int]]
    stability: Sequence[int]
    settled: Sequence[int]
    venue: int


def public_table(view: View, round_: int) -> _PublicTable:
    """The table as the viewer reads it in round `round_`: what the public file and its own view
    show (its own trust row and column; the rest unknown), for the deck's conditions.

    A pure function of the view and the round, asked for every card of the deck and every round
    left at many moves (may_come_up, own_leave_cards): kept per round in the view's memory
    (reading.view_memo: one view at a time). A table is frozen, so one object serves every ask
    (docs/lab/speed.md, "A twentieth pass")."""
    tables: dict[int, _PublicTable] = view_table(view, "public_tables")
    table = tables.get(round_)
    if table is None:
        table = tables[round_] = table_with_trust(view, round_, public_trust(view))
    return table


def public_trust(view: View) -> tuple[tuple[int, ...], ...]:
    """The trust rows of the viewer's public table: its own row, and of every other row its own
    column, the rest unknown. The same for every round a decision reads, so worked out once per
    view (reading.view_memo; docs/lab/speed.md, "A nineteenth pass")."""
    memo = view_memo(view)
    trust: tuple[tuple[int, ...], ...] | None = memo.get("public_trust")
    if trust is None:
        n = len(view.delegations)
        # only the viewer's own row and column of trust are known to it
        trust = memo["public_trust"] = tuple(
            view.my_trust
            if a == view.me
            else tuple(view.trust_in_me[a] if b == view.me else _UNKNOWN for b in range(n))
            for a in range(n)
        )
    return trust


def table_with_trust(view: View, round_: int, trust: tuple[tuple[int, ...], ...]) -> _PublicTable:
    """The viewer's public table in round `round_` with these trust rows."""
    return _PublicTable(
        round_,
        view.momentum,
        view.present,
        view.boycotted,
        view.support,
        trust,
        view.stability,
        view.settled,
        view.venue_index,
    )


def readable(view: View, c: Condition) -> bool:
    """Whether we can read a card's condition from our view: all but trust between two others."""
    return c.kind != "trust" or view.me in (c.a, c.b)


def seems_to_hold(view: View, card: EventCard, table: _PublicTable, seated: Sequence[int]) -> bool:
    """Whether the card's conditions hold on `table` as far as we can read them: one we cannot
    read (trust between two others) counts as holding."""
    return all(holds(table, c, seated) for c in card.when if readable(view, c))


def own_move(view: View, card: EventCard) -> int:
    """What the card's `walk_away` effects move our own walk-away value by, in points."""
    return sum(e.delta for e in card.effects if e.kind == "walk_away" and e.a == view.me)


def may_come_up(view: View, index: int, card: EventCard) -> bool:
    """Whether the card may still be drawn at this venue: random cards come up at the start of
    a round after the first, so some later round of this venue must meet its round conditions."""
    if card.weight <= 0 or card.venue not in (-1, view.venue_index) or view.venue.random_events <= 0:
        return False
    if not card.repeat and view.fired and view.fired[index] > 0:
        return False
    rounds = [c for c in card.when if c.kind == "round"]
    if not rounds:
        # no condition on the round holds on every table: any round left at this venue will do
        return view.round < view.venue.rounds
    seated = view.venue.turn_order
    return any(all_hold(public_table(view, r), rounds, seated) for r in range(view.round + 1, view.venue.rounds + 1))


def may_yet_hold(view: View, c: Condition) -> bool:
    """A boycott not made yet that may still be, before the card can come up: in a venue's first
    round where attendance is optional, by a delegation still to speak this round (the campaign's
    platforms speak before the SNC at Sochi; by their next turn the card may have fired)."""
    if c.kind != "boycotted" or view.round != 1 or not view.venue.attendance_optional or not view.present[c.a]:
        return False
    order = view.venue.turn_order
    return c.a in order and view.actor in order and order.index(c.a) > order.index(view.actor)


def _headed_off(view: View, c: Condition) -> bool:
    """Whether c is our own support at most X, with our support at most X now and one hardline
    statement enough to lift it above X."""
    if c.kind != "support" or c.a != view.me or c.high == NO_LIMIT:
        return False
    support = view.support[view.me]
    return support <= c.high < support + view.rules.hardline_support


def drawable(view: View, table: _PublicTable, seated: Sequence[int]) -> Iterator[EventCard]:
    """The cards of the public deck that could be drawn at this venue with the table as `table`
    reads: with a weight, for this venue or any, not a one-off already fired, and whose conditions
    seem to hold (what we cannot read counts as holding), in deck order."""
    for index, card in enumerate(view.events):
        if card.weight <= 0 or card.venue not in (-1, view.venue_index):
            continue
        if not card.repeat and view.fired and view.fired[index] > 0:
            continue
        if seems_to_hold(view, card, table, seated):
            yield card


def own_leave_cards(view: View) -> Iterator[tuple[EventCard, list[Condition], _PublicTable]]:
    """The random cards that would take us from the table, whose conditions we can read and that
    may still come up at this venue, in deck order: each with its conditions other than the
    round, and the public table now (worked out once, at the first such card)."""
    now: _PublicTable | None = None
    for index, card, others in _own_readable_leave_cards(view):
        if not may_come_up(view, index, card):
            continue
        now = now or public_table(view, view.round)
        yield card, list(others), now


# (id of a deck, a delegation) -> (the deck, its cards that would take the delegation from the
# table and whose conditions it can read: (index, card, its conditions other than the round)).
# Which cards those are is a pure function of the deck and the delegation, and an agent asked it
# of every card of the deck at many of its moves: see _own_readable_leave_cards. Bounded.
_OWN_CARDS: dict[tuple[int, int], tuple[object, tuple[tuple[int, EventCard, tuple[Condition, ...]], ...]]] = {}


def _own_readable_leave_cards(view: View) -> tuple[tuple[int, EventCard, tuple[Condition, ...]], ...]:
    """own_leave_cards' cards before the checks that read the state (may_come_up): those whose
    effects take us from the table and whose conditions we can read, in deck order, each with
    its conditions other than the round. Kept per deck (held, so its id is not another's)."""
    events, me = view.events, view.me
    key = (id(events), me)
    hit = _OWN_CARDS.get(key)
    if hit is not None and hit[0] is events:
        return hit[1]
    found = tuple(
        (index, card, tuple([c for c in card.when if c.kind != "round"]))
        for index, card in enumerate(events)
        if me in card.leavers and all(readable(view, c) for c in card.when)
    )
    if len(_OWN_CARDS) >= 256:
        _OWN_CARDS.clear()
    _OWN_CARDS[key] = (events, found)
    return found


def threatening_card(view: View) -> EventCard | None:
    """A random card that would make us leave the table, that may still come up, whose other
    conditions hold now (or, for a boycott, may yet before the card can come up), and that one hardline statement (our support lifted above its bound)
    would keep from firing: the first such in the deck, else None."""
    seated = view.venue.turn_order
    for card, others, now in own_leave_cards(view):
        if all(holds(now, c, seated) or may_yet_hold(view, c) for c in others) and any(
            _headed_off(view, c) for c in others
        ):
            return card
    return None


def support_bound(view: View) -> int | None:
    """The highest bound on our own support of a random card that would take us from the table,
    may still come up at this venue, and whose other conditions hold now (or may yet, for a
    boycott, before it can come up): support at or below it lets the card fire. None if no such
    card."""
    seated = view.venue.turn_order
    bound: int | None = None
    for _card, others, now in own_leave_cards(view):
        mine = [c for c in others if c.kind == "support" and c.a == view.me and c.high != NO_LIMIT]
        rest = [c for c in others if c not in mine]
        if mine and all(holds(now, c, seated) or may_yet_hold(view, c) for c in rest):
            high = min(c.high for c in mine)
            bound = high if bound is None else max(bound, high)
    return bound


def ground_ahead(view: View) -> float:
    """What one more round is expected to add to our own walk-away value through the random deck,
    in utility: the venue's chance of a draw times, over the cards that could be drawn at the
    start of the next round (their readable conditions holding on the public table; a condition
    we cannot read counts as holding), each card's share of the deck's weight times what its
    `walk_away` effects move our value by. The file is public and the number moved is our own, so
    a side may count on its own ground improving or worsening while nothing is signed. 0 where no
    round follows at this venue."""
    venue = view.venue
    if venue.random_events <= 0 or view.closing or view.round >= venue.rounds:
        return 0.0
    nxt = public_table(view, view.round + 1)
    seated = venue.turn_order
    total = moved = 0.0
    for card in drawable(view, nxt, seated):
        total += card.weight
        moved += card.weight * own_move(view, card)
    if total <= 0 or moved == 0:
        return 0.0
    # within 0..0.99, as the engine keeps it (engine.work.move_walk_away): a rough bound is enough
    own = view.own.reservation
    gain = venue.random_events * moved / total / 100.0
    return max(-own, min(0.99 - own, gain))
