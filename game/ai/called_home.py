"""A boycott that the deck may make for us: the chance a card calls us home before we can sign.

A signatory called home leaves the table, and the venue ends with nothing signed (the engine's
rule: fewer than two signatories, or a signatory gone). Where attendance is optional, a side
that boycotts is no longer needed for the others' deal, and the deal they sign without it is
the one it lives with. A skilled negotiator who reads in the public file that a card may call
it home while it sits at the table (its own trust in a counterpart, which it cannot raise at
once, below the card's bound) weighs attending by that risk: attending gives the compromise
reached with it only if it is still there to sign it, and its walk-away value if it is called
home first. In the random scenario timed-17 the deck calls d0 home in the
first two rounds while its trust in d1 is at most 15 or in d2 at most 34, where the file starts
it at exactly 15 and 34: the hard agent attended, was called home in many games, and the venue
collapsed, where a boycott let d1 and d2 sign a text worth 0.15 over its walk-away value
(docs/lab/agents.md, "The table's repeated offer and a boycott the deck may make for us").
"""

from __future__ import annotations

from game.ai.deck import drawable, own_leave_cards, public_table
from game.ai.ground import rounds_ahead
from game.engine.conditions import holds
from game.engine.view import View


def called_home(view: View) -> float:
    """The chance that a random card takes us from the table at this venue in a round still to
    come (each reached with the clock's chance at today's momentum, a draw at it with the
    venue's chance, our leave cards by their share of the weight of the cards that could be
    drawn then): only cards whose conditions other than the round hold now, as far as we can
    read them (game.ai.deck). 0 where none may come up."""
    venue = view.venue
    if venue.random_events <= 0 or view.closing:
        return 0.0
    seated = venue.turn_order
    leaving = [
        (card, others) for card, others, now in own_leave_cards(view) if all(holds(now, c, seated) for c in others)
    ]
    if not leaving:
        return 0.0
    leaves = {id(card) for card, _ in leaving}
    stays = 1.0
    for _, round_, reached in rounds_ahead(view, this_venue_only=True):
        table = public_table(view, round_)
        total = mine = 0.0
        for card in drawable(view, table, seated):
            total += card.weight
            if id(card) in leaves:
                mine += card.weight
        if total > 0:
            stays *= 1.0 - reached * venue.random_events * mine / total
    return 1.0 - stays
