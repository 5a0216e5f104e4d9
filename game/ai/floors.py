"""Reading the others' floors from the whole packages they answered (View.answers).

A side that refused a package holds out for more than that package gives it; a side that accepted
one takes anything giving it as much (what it holds out for only falls as the talks go on). The
tallies of options (game.ai.opponent) lose which options went together; the public record of
answers keeps them, and so bounds each counterpart's demand in the units of our estimate of its
utility. Only answers at this venue on issues still open count: a package on a settled issue
says nothing of what is left.
"""

from __future__ import annotations

from game.ai.opponent import Beliefs
from game.ai.reading import counterparts
from game.engine.utility import with_package
from game.engine.view import View

Package = tuple[tuple[int, int], ...]

RECENT = 1  # how many rounds back a refusal still bounds a demand (demands fall as rounds pass)


def worth_to(view: View, beliefs: Beliefs, who: int, package: Package) -> float:
    """What the deal with this package is worth to `who`, by our estimate of its utility."""
    return beliefs.utility(who, with_package(view.deal, package))


def refused_above(view: View, beliefs: Beliefs) -> dict[int, float]:
    """Per counterpart that refused a package lately (this round or the RECENT before, at this
    venue, every issue of it still open): the most such a package gives it. Its demand is above."""
    out: dict[int, float] = {}
    others = set(counterparts(view))
    for a in view.answers:
        if (
            a.accepted
            or a.who not in others
            or a.venue != view.venue_index
            or a.round < view.round - RECENT
            or any(view.settled[i] >= 0 for i, _ in a.package)
        ):
            continue
        worth = worth_to(view, beliefs, a.who, a.package)
        out[a.who] = max(out.get(a.who, worth), worth)
    return out
