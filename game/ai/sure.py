"""A bird in the hand: at the venue's deadline, a yes that makes an agreement is not traded for a
long shot.

`better_alive` (game.ai.answering) lets a side that time presses refuse an offer it would sign
while a better one before it can still pass (a fair chance, by the agents' reading of the
estimate, that the sides still to answer it all say yes). Earlier in a venue a wrong bet costs
little: the talks go on and the offer refused is often put again. At the deadline (the venue's
last round or its closing session) nothing comes after, and where every other signatory present
has already signed the offer, our yes is the agreement itself. Refusing it then trades a sure
deal for the better offer's chance of passing, and what fails leaves us what we have without a
deal. A skilled negotiator counts that: it refuses only where the better offer's expected value
(its value if it passes, times the chance that it does, plus what we have without it otherwise)
beats the deal in hand. In the campaign's platforms seat (astana-to-sochi) the hard agent ended
a dozen Sochi congresses of 300 with nothing that way, each after refusing, in the last round,
packages every other signatory had signed (docs/lab/agents.md, "A bird in the hand").
"""

from __future__ import annotations

from game.ai.estimate import agent_chance
from game.ai.opponent import Beliefs
from game.ai.planning import needs, read_sides
from game.ai.reading import deadline, fallback, horizon, value_with
from game.engine.legal import moves_for
from game.engine.state import ACCEPTED, PENDING, REJECTED, Proposal
from game.engine.utility import with_package
from game.engine.view import View


def completes(view: View, p: Proposal) -> bool:
    """Whether our yes would make `p` an agreement now: every signatory the deal needs but us
    (the engine's list, game.engine.legal) is its author or has accepted it."""
    yes = {p.author} | {d for d, r in zip(p.to, p.responses, strict=True) if r == ACCEPTED}
    return view.me in p.to and all(s in yes for s in moves_for(view).signatories)


def deadline_needs(view: View, beliefs: Beliefs) -> dict[int, float]:
    """What the plan's model of each side it reads takes at this deadline (planning.needs: its
    floor as we read it, with the margin it asks of a partner it distrusts, and ours for a rough
    reading)."""
    return dict(needs(view, read_sides(view, beliefs), 0, horizon(view), wary=True))


def gamble_odds(view: View, q: Proposal, beliefs: Beliefs, need: dict[int, float] | None = None) -> float:
    """The chance that every signatory present still to answer `q` (but us) accepts it; zero
    where one has refused it. At the deadline a side signs what the plan's model of it takes
    there (`need`, deadline_needs): such a side counts as a yes; another by the calibrated
    estimate, which is fitted over whole games and does not know the deadline (it read the sides
    answering last at astana-8's closing sessions as one in two, and they signed in each of 12
    games of 300 in Turkey's seat)."""
    if need is None:
        need = deadline_needs(view, beliefs)
    required = set(moves_for(view).signatories)
    deal = with_package(list(view.deal), q.package)
    chance = 1.0
    for who, r in zip(q.to, q.responses, strict=True):
        if who not in required:
            continue
        if r == REJECTED:
            return 0.0
        if r != PENDING:
            continue
        if who in need and beliefs.utility(who, deal) >= need[who]:
            continue
        chance *= agent_chance(view, who, q.package)
    return chance


def keeps_sure_deal(view: View, p: Proposal, beliefs: Beliefs, early: bool = False) -> bool:
    """Whether we sign `p` though a better offer before us can still pass: at the deadline our
    yes makes `p` the agreement, and no other open offer we have yet to answer is worth more,
    weighed by its chance of passing, with what we have without a deal where it fails. With
    `early` (Level.keeps_sure_early) in any round: before the deadline the others' chances are
    the calibrated estimate's alone (the plan's model of a side's deadline floor does not hold
    yet)."""
    at_deadline = deadline(view)
    if not (at_deadline or (early and not view.venues_left)) or not completes(view, p):
        return False
    sure = value_with(view, p.package)
    without = fallback(view)
    # the same for every offer: read once
    need = deadline_needs(view, beliefs) if at_deadline else {}
    for q in view.proposals:
        if q.id == p.id or q.author == view.me or q.response_of(view.me) != PENDING:
            continue
        chance = gamble_odds(view, q, beliefs, need)
        if chance * value_with(view, q.package) + (1.0 - chance) * without > sure:
            return False
    return True
