"""The hard agent's first rounds at a table of several, while its model of the others is still the
prior: the hold it answers and tables at (`first_round_hold`), where it keeps its whole package
(`early_whole`), and whether it has refused an offer worth its aim this round (`refused_at_aim`).
Apart from the negotiator, which asks them, as the bets and the plan are: each reads only the
view and the level.
"""

from __future__ import annotations

from game.ai.levels import Level
from game.ai.reading import best_possible, counterparts, deadline, fallback, left_open, value_with
from game.engine.legal import may_propose
from game.engine.view import View


def first_round_hold(view: View, level: Level) -> float:
    """What a level with a `first_round_share` holds out for while its model of the others is
    the prior alone: at a table of several, in a venue's first round (and, with
    `second_round_hold`, its second, where `early_whole` holds), where another side has put an
    offer to us this round (pending, or answered by us) and no counterpart has had a weight
    revealed to us in a meeting (nor, in the first round, answered at the venue), that share of
    what our best package gives us over walking away; else 0 (no hold). The best package is the
    best our own red lines allow, not the others' declared ones: where the share of it is above
    anything they allow, every offer and text of those rounds is refused. The hold is the aim
    every proposal of the round is answered at, the mediator's text included.

    The prior reads a side whose stated positions the deal in force meets as near content: the
    plan reads its floor high and its toll low, and so reads us as the side that cannot wait. At
    timed-0 d1 (a conceder, a round costing it 0.036) the hard agent signed d4's round-1 package,
    0.573 to it; d4, which in truth weighs the contested issue 0.08, and d0 sign by round 3 or 4
    the package with that issue at our end (0.67 to 0.75), which the outsiders' boulware asks
    from the first round (docs/lab/agents.md, "Holding out while the others are read from the prior")."""
    share = level.first_round_share
    if share <= 0 or view.round > 2 or (view.round == 2 and not (level.second_round_hold and early_whole(view))):
        return 0.0
    if level.hold_needs_full_table and any(not view.present[s] for s in view.venue.signatories):
        return 0.0
    others = counterparts(view)
    if len(others) < 2:
        return 0.0
    here = view.venue_index
    offered = any(
        p.author in others and not p.draft and p.round == view.round and view.me in p.to for p in view.proposals
    ) or any(
        a.who == view.me and a.author in others and a.round == view.round and a.venue == here for a in view.answers
    )
    if not offered:
        return 0.0
    if any(subject in others for subject, _, _ in view.learned):
        return 0.0
    if view.round == 1 and any(a.who in others and a.venue == here for a in view.answers):
        return 0.0
    top = best_possible(view)
    floor = min(fallback(view), top)
    return floor + share * (top - floor)


def early_whole(view: View) -> bool:
    """Where a level that `holds_whole_early` signs and tables no partial package: at a table of
    three, before the game's last venue, in a venue's first two rounds, while fewer than half of
    the counterparts' weights on the open issues have been revealed to us in meetings (our model
    of them is mostly the prior). A partial package there settles the common and cheap issues
    and leaves the contested one to be fought alone, as at timed-0 d1 (docs/lab/agents.md,
    "Holding the whole package through the second round"). Not in the venue's last round (a
    venue of two rounds, or one adjourned into a closing session): no whole package can follow
    there, and a partial one is what the table can still sign."""
    others = counterparts(view)
    if view.round > 2 or len(others) != 2 or not view.venues_left or deadline(view):
        return False
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    known = {(s, i) for s, i, _ in view.learned if s in others and i in open_issues}
    return 2 * len(known) < len(others) * len(open_issues)


def whole_to_deadline(view: View) -> bool:
    """Where a level that `holds_whole_to_deadline` signs and tables no partial package that
    leaves a single issue open (whole_signed_at_deadline): at the game's last venue, before the
    venue's last round, at a table of two that a third side able to table packages has left (a
    boycott, a walk-out, a call home). The rest of the agenda is then a trade between two sides
    that meet again at the deadline, where each signs what clears its walk-away; a partial
    package signed before it leaves the last issue, the contested one, to be fought alone, with
    nothing left to trade for it. At timed-17 (random scenarios), where the normal d0 boycotts
    in round 1, the hard d1 and d2 signed in round 2 a package of the four other issues and then
    got the contested one at the counterpart's end, or nothing (docs/lab/agents.md, "The hard
    agent at a table of two that a boycott leaves")."""
    others = counterparts(view)
    if len(others) != 1 or view.venues_left or deadline(view):
        return False
    # a side that could table packages has left the table (a boycott, a walk-out, a call home)
    return any(not view.present[d] and may_propose(view.delegations[d].role) for d in view.venue.turn_order)


def whole_signed_at_deadline(view: View, package: tuple[tuple[int, int], ...]) -> bool:
    """Whether a level that `holds_whole_to_deadline` keeps the whole package instead of
    `package`: a partial one that leaves a single issue open, where whole_to_deadline holds."""
    return len(left_open(view, package)) == 1 and whole_to_deadline(view)


def refused_at_aim(view: View, aim: float) -> bool:
    """Whether we refused, in this round at this venue, another side's package worth our aim (as
    a hold, first_round_hold, does)."""
    others = counterparts(view)
    return any(
        a.who == view.me
        and not a.accepted
        and a.author in others
        and a.round == view.round
        and a.venue == view.venue_index
        and value_with(view, a.package) >= aim - 1e-9
        for a in view.answers
    )
