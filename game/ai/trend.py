"""Where the table is going, from the public record of answers (View.answers).

A proposal is gone from the view once it is answered or withdrawn; the record keeps, for every
package put to us, what it was and when. From it an agent can tell whether the offers it is
given are coming its way: the best package put to it this round worth more to it than the best
of the round before. While they are, settling early for fear of what waiting costs gives away
what the others are conceding anyway.
"""

from __future__ import annotations

from game.ai.reading import value_with
from game.engine.state import Proposal
from game.engine.view import View


def offers_rising(view: View, pending: Proposal) -> bool:
    """Whether the best package put to us this round (the pending one among them) is worth more
    to us than the best put to us in the round before, at this venue, on issues still open.
    False where nothing was put to us the round before."""
    best = {view.round: value_with(view, pending.package)}
    for a in view.answers:
        if a.who != view.me or a.author == view.me or a.venue != view.venue_index:
            continue
        if a.round < view.round - 1 or any(view.settled[i] >= 0 for i, _ in a.package):
            continue
        worth = value_with(view, a.package)
        best[a.round] = max(best.get(a.round, worth), worth)
    before = best.get(view.round - 1)
    return before is not None and best[view.round] > before + 1e-9
