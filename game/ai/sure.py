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
from game.ai.planning import TRUSTED, needs, read_sides
from game.ai.reading import deadline, fallback, horizon, value_with
from game.engine.legal import moves_for
from game.engine.state import PENDING, REJECTED, Proposal
from game.engine.utility import with_package
from game.engine.view import View


def completes(view: View, p: Proposal) -> bool:
    """Whether our yes would make `p` an agreement now: every signatory the deal needs but us
    (the engine's list, game.engine.legal) is its author or has accepted it."""
    return view.me in p.to and not moves_for(view).lacking(p)


def deadline_needs(view: View, beliefs: Beliefs) -> dict[int, float]:
    """What the plan's model of each side it reads takes at this deadline (planning.needs: its
    floor as we read it, with the margin it asks of a partner it distrusts, and ours for a rough
    reading)."""
    return dict(needs(view, read_sides(view, beliefs), 0, horizon(view), wary=True))


def gamble_odds(
    view: View, q: Proposal, beliefs: Beliefs, need: dict[int, float] | None = None, early: bool = False
) -> float:
    """The chance that every signatory present still to answer `q` (but us) accepts it; zero
    where one has refused it. At the deadline a side signs what the plan's model of it takes
    there (`need`, deadline_needs): such a side counts as a yes; another by the calibrated
    estimate, which is fitted over whole games and does not know the deadline (it read the sides
    answering last at astana-8's closing sessions as one in two, and they signed in each of 12
    games of 300 in Turkey's seat). `early` (before the deadline, `need` unread): a side counts
    as a yes unless it holds out against `q`'s package (holds_out_against), and such a side by
    the calibrated estimate."""
    if need is None:
        need = {} if early else deadline_needs(view, beliefs)
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
        if early and not holds_out_against(view, who, q.package):
            continue
        if who in need and beliefs.utility(who, deal) >= need[who]:
            continue
        chance *= agent_chance(view, who, q.package)
    return chance


def holds_out_against(view: View, who: int, package: tuple[tuple[int, int], ...]) -> bool:
    """Whether `who` has refused this very package at this venue in two earlier rounds (the
    public record of answers, which keeps each side's last eight; a package is the same whatever
    order its issues came in) and trusts us less than a normal agent needs to sign without a
    margin over walking away (planning.TRUSTED). One refusal says the package fell short of the
    side's aim, which falls round by round; a distrustful side refusing it again falls short of
    its floor and that margin, and a normal agent's margin does not fall with the rounds."""
    wanted = sorted(package)
    rounds = {
        a.round
        for a in view.answers
        if a.who == who
        and a.venue == view.venue_index
        and a.round < view.round
        and not a.accepted
        and sorted(a.package) == wanted
    }
    return len(rounds) >= 2 and view.trust_in_me[who] < TRUSTED


def keeps_sure_deal(view: View, p: Proposal, beliefs: Beliefs, early: bool = False) -> bool:
    """Whether we sign `p` though a better offer before us can still pass: at the deadline our
    yes makes `p` the agreement, and no other open offer we have yet to answer is worth more,
    weighed by its chance of passing, with what we have without a deal where it fails. With
    `early` (Level.keeps_sure_over_refused) also before the deadline, at the game's last venue:
    there a side still to answer the better offer counts as a yes unless it holds out against
    its package (holds_out_against: refused in two earlier rounds here, by a side that distrusts
    us), and such a side by the calibrated estimate, which reads neither the record of its
    refusals nor its distrust. At the campaign's platforms seat (astana-to-sochi) Turkey refused,
    round after round, for want of trust, Iran's package that the hard platforms held out for,
    and the congress ended with nothing; weighing every side by the estimate alone cost
    sochi-congress's Russia the better offers the government went on to sign (docs/lab/agents.md,
    "A better offer already refused by the side it waits on")."""
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
        chance = gamble_odds(view, q, beliefs, need, early=not at_deadline)
        if chance * value_with(view, q.package) + (1.0 - chance) * without > sure:
            return False
    return True
