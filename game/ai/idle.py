"""A venue that can give us nothing: leave it before it costs another round.

Every round a venue goes on without settling its open issues costs each side its toll (the
rules' `delay_cost`, game.engine.clock.bleed). Where even our best allowed option on every
issue still open here would leave us no better off than we are (our own red lines can put the
status quo out of reach of any text), no agreement at this venue can pay for a single round of
it. At a table of two the talks need our signature: walking out ends the venue at once, and
what we have stays as it is. In timed-1 d1 (a random scenario) the hard agent sat through the
second venue's three rounds, meeting and passing, while the library's hardline strategy, whose
statements drain the talks' momentum, ended it sooner and beat it by +0.006 in nearly every game
(docs/lab/agents.md, "A venue that can give us nothing").
"""

from __future__ import annotations

from game.ai.ground import ground_keeps_us
from game.ai.reading import best_possible, bleed_rate, counterparts, fallback
from game.engine.legal import may_propose, moves_for
from game.engine.view import View


def nothing_to_win(view: View) -> bool:
    """Whether we leave this venue now: the game's last venue (a walk-out costs trust, which
    a later venue would read), our one counterpart there (with more signatories the others could
    still sign without us), issues open that cost us a toll each round, no package on them
    worth more to us than what we have, and no card of the public deck expected to lift what we
    have by more than the rounds left cost (game.ai.ground.ground_keeps_us)."""
    if view.venues_left or len(counterparts(view)) != 1 or not may_propose(view.own.role):
        return False
    if bleed_rate(view) <= 0.0:  # the rounds cost nothing here (no issue open, or no toll)
        return False
    if best_possible(view) > fallback(view) + 1e-9:
        return False
    return moves_for(view).allowed("walk_out") and not ground_keeps_us(view)
