"""What a delegation may choose from in each dialog, read from the engine's legal moves.

Thin, named questions over `game.engine.legal.moves_for(view)`, the same rules apply() checks,
so a dialog never offers what the engine would refuse, nor hides what it would take. Kept
apart from the dialogs (and from Textual) so they can be tested without a screen.
"""

from __future__ import annotations

from game.engine import clock
from game.engine.legal import Moves, PressureTarget, may_draft, may_propose, moves_for
from game.engine.state import ACCEPTED, Proposal
from game.engine.utility import worth_if_agreed as _worth
from game.engine.view import View

__all__ = [
    "PressureTarget",
    "can_draft",
    "can_propose",
    "clients",
    "concedable_issues",
    "concession_cost",
    "concession_options",
    "default_addressees",
    "draft_recipients",
    "learned_of",
    "moves",
    "open_issues",
    "pending_proposals",
    "present_others",
    "pressure_targets",
]


def moves(view: View) -> Moves:
    """The viewer's legal moves (statuses with reasons, costs, domains)."""
    return moves_for(view)


def open_issues(view: View) -> tuple[int, ...]:
    """Agenda issues still to be negotiated here, in agenda order."""
    return moves_for(view).open_issues


def present_others(view: View) -> tuple[int, ...]:
    """Delegations at the table other than the viewer."""
    return moves_for(view).others


def can_propose(view: View) -> bool:
    """The viewer's role may make proposals and concessions (whether or not it may right now)."""
    return may_propose(view.own.role)


def can_draft(view: View) -> bool:
    """The viewer's role tables drafts (the mediator's single text) rather than proposals."""
    return may_draft(view.own.role)


def draft_recipients(view: View) -> tuple[int, ...]:
    """Who must answer a mediator's draft: every party and guarantor present (as the engine does)."""
    return moves_for(view).draft_recipients


def default_addressees(view: View) -> frozenset[int]:
    """The venue's signatories: a deal needs all of them, so a proposal usually goes to them."""
    return frozenset(moves_for(view).signatories)


def pending_proposals(view: View) -> tuple[Proposal, ...]:
    """Open proposals still waiting for the viewer's answer, drafts first (they must be answered
    before anything else), then oldest first."""
    return moves_for(view).awaiting


def lapsing(view: View) -> tuple[Proposal, ...]:
    """The proposals waiting for the viewer's answer that lapse, unanswered, when this round
    ends (Proposal.on_last_round); none in the closing session, where every open one ends and
    the status line says so."""
    if view.closing:
        return ()
    return tuple(p for p in pending_proposals(view) if p.on_last_round(view.round))


def accepted_still_open(view: View, besides: int) -> tuple[int, ...]:
    """The ids of the open proposals the viewer has accepted, but `besides`: the first of them
    that every signatory accepts is the one agreed (RULES.md, "Agreements")."""
    return tuple(p.id for p in view.proposals if p.id != besides and p.response_of(view.me) == ACCEPTED)


def yes_binds(view: View, proposal: Proposal) -> bool:
    """Whether the viewer's yes can make `proposal` the agreement: the viewer signs at this venue,
    and every signatory present is its author or among those it was put to (else it can be
    answered, never agreed: RULES.md, "Agreements")."""
    signatories = view.venue.signatories
    return view.me in signatories and all(
        d == proposal.author or d in proposal.to or not view.present[d] for d in signatories
    )


def still_needs(view: View, proposal_id: int) -> tuple[int, ...]:
    """The signatories at the table, besides the viewer, whose yes an open proposal still lacks:
    neither its author nor among those who accepted it (the engine's list of the signatories a
    deal needs, game.engine.legal)."""
    return moves_for(view).lacking(next(q for q in view.proposals if q.id == proposal_id))


def concession_cost(view: View, issue: int, option: int) -> int:
    """Support lost at home for moving the public position on `issue` to `option` (RULES.md)."""
    return moves_for(view).concession_cost(issue, option)


def agreement_cost(view: View, package: tuple[tuple[int, int], ...]) -> int:
    """Support the viewer would lose at home if `package` were agreed now (RULES.md,
    "Agreements"): what signing gives up from its public positions, and its red lines. Nothing
    for a delegation that signs nothing at this venue: only the signatories pay."""
    if view.me not in view.venue.signatories:
        return 0
    return moves_for(view).agreement_cost(package)


def pulls_out(view: View, cost: int) -> bool:
    """Whether losing `cost` support would leave the viewer at or under the collapse line."""
    return cost > 0 and view.support[view.me] - cost <= view.collapse_support


def pulled_out_then(view: View, package: tuple[tuple[int, int], ...]) -> str:
    """What follows where signing `package` would get the viewer pulled out by its hardliners
    (RULES.md, "Two-level game"): a text that settles the venue's whole agenda was signed before
    they won, and stands; any other ends the talks in a collapse, what it settled standing. A
    newcomer signed through the warning, was pulled out, and found the deal stood: the warning
    had not said which. The agenda is the one the agreed options leave (their agenda effects
    apply before the end is judged), and in a campaign a side pulled out starts the next venue
    where it signs at the line, pulled out again as it opens: that venue collapses."""
    settled, agenda = _after_agreement(view, package)
    if not all(settled[i] >= 0 for i in agenda):
        # short, for the builder's one message line at 80 columns (what a partial deal settles
        # stands too: RULES.md)
        return "the talks collapse"
    later = view.venues[view.venue_index + 1 :]
    if later and view.me in later[0].signatories:
        return "the deal stands; the next venue collapses"
    return "the deal stands"


# What being pulled out does to the player, in a few words (RULES.md, "Leaving the table" and
# "Utility"): they leave the table for the rest of the venue, and the game gives them what is
# agreed, an open issue counting at their walk-away value; leaving takes nothing more off it. A
# newcomer read "your hardliners would pull you out (the deal stands)" and did not know what being
# pulled out would do to them.
# A predicate, for "you ..." or "you would ...".
PULLED_OUT_MEANS = "leave the table (no more moves) and score what is agreed"


def _after_agreement(view: View, package: tuple[tuple[int, int], ...]) -> tuple[list[int], list[int]]:
    """What is settled, and the venue's agenda, once `package` is agreed (the engine's reading)."""
    return clock.after_agreement(view.issues, view.venue.agenda, view.settled, view.agenda, package)


def ends_the_talks(view: View, package: tuple[tuple[int, int], ...]) -> bool:
    """Whether agreeing `package` would end the talks here in a collapse, as far as the reader
    can tell: its signature gets it pulled out with the agenda still open, or an agreed option
    takes a signatory from the table."""
    signatories = view.venue.signatories
    if any(
        effect.kind == "leave" and effect.a in signatories and view.present[effect.a]
        for i, o in package
        for effect in view.issues[i].options[o].effects
    ):
        return True
    return pulls_out(view, agreement_cost(view, package)) and pulled_out_then(view, package) == "the talks collapse"


def toll_a_round(view: View, package: tuple[tuple[int, int], ...] = ()) -> tuple[float, float]:
    """What a round that ends costs the reader now (RULES.md, "The cost of time"), and what it
    would cost once `package` is agreed: the toll runs on the issues still open, so an agreement
    stops it on those it settles. By the engine's rule (clock.bleed, as flow.charge_delay charges
    it); (0, 0) where time costs nothing. In a campaign, this venue's toll: the next has its own.
    An agreement that ends the talks in a collapse (ends_the_talks) ends the toll with them."""
    if not view.rules.delay_cost:
        return 0.0, 0.0
    now = _bleed(view, list(view.settled), list(view.agenda))
    return now, _bleed(view, *_after_agreement(view, package))


def toll_to_stop(view: View, package: tuple[tuple[int, int], ...]) -> tuple[float, float]:
    """The toll a round costs the reader now and once `package` is agreed, as the questions and the
    board weigh agreeing it: none in the closing session (after the last round's toll), nor where
    agreeing it ends the talks in a collapse (no toll to stop, and no reason to agree)."""
    if view.closing or ends_the_talks(view, package):
        return 0.0, 0.0
    return toll_a_round(view, package)


def _bleed(view: View, settled: list[int], agenda: list[int]) -> float:
    return clock.bleed(view.own, view.rules, *clock.deal_and_open(view.issues, settled, agenda)) / 10_000


# What the builder, the answer dialog and the board say of a package to a side that signs nothing
# at the venue (RULES.md: only the signatories' answers decide a deal).
NOT_SIGNING = "you sign nothing here: your answer decides nothing"


def signing_cost(view: View, package: tuple[tuple[int, int], ...]) -> str:
    """What signing `package` would cost the viewer at home, in words the builder and the answer
    dialog both show after "if agreed" ("to sign: 23 support (43→20)": a newcomer read "costs 23 support"
    beside a proposal of theirs as the price of tabling it). Where it costs nothing, "to sign: no
    support lost" (a newcomer read the line's absence as a number missing), and "" only where the
    scenario's rules make every signature free. A side that signs nothing at this venue is told so:
    "to sign: no support lost" read to a newcomer as the SNC at Sochi as though its yes counted."""
    if view.me not in view.venue.signatories:
        # (a mediator never signs, nor answers its own draft: nothing to say to it)
        return NOT_SIGNING if may_propose(view.own.role) else ""
    cost = agreement_cost(view, package)
    if not cost:
        rules = view.rules
        return "to sign: no support lost" if rules.concession_cost or rules.redline_support else ""
    support = view.support[view.me]
    return f"to sign: {cost} support ({support}→{max(0, support - cost)})"


def concession_options(view: View, issue: int) -> tuple[int, ...]:
    """Options the viewer may concede to on `issue`: valued strictly less than its public
    position and not across its own red line. Empty where it holds no position."""
    return moves_for(view).concession_options(issue)


def concedable_issues(view: View) -> tuple[int, ...]:
    return moves_for(view).concedable_issues


def clients(view: View) -> tuple[int, ...]:
    """Present delegations whose patrons include the viewer."""
    return moves_for(view).clients


def pressure_targets(view: View) -> tuple[PressureTarget, ...]:
    """Every press the engine would allow: a present client, an open issue where both hold a
    position and they differ, and a next step that is not across the client's red line."""
    return moves_for(view).pressure_targets


def learned_of(view: View, delegation: int) -> tuple[tuple[int, float], ...]:
    """(issue, true weight) the viewer has learnt of `delegation` in meetings, on the issues of
    this venue's agenda and those of the venues to come: at Sochi, Astana's weights on the Idlib
    zone, on no agenda there, were still listed (a newcomer's)."""
    ahead = {i for v in (view.venue, *view.venues[view.venue_index + 1 :]) for i in v.agenda}
    ahead.update(view.agenda)  # (an event may have added one)
    return tuple((issue, weight) for subject, issue, weight in view.learned if subject == delegation and issue in ahead)


def agreed_so_far(view: View) -> float | None:
    """What the reader has if nothing more is agreed, where something is agreed already (before
    the rounds' toll, as worth_if_agreed); None where nothing is: no deal then leaves the
    walk-away value."""
    if all(option < 0 for option in view.settled):
        return None
    return worth_if_agreed(view, ())


def worth_if_agreed(view: View, package: tuple[tuple[int, int], ...]) -> float:
    """What the reader would have if this package were agreed now and nothing more, as the game
    scores it (engine.utility.worth_if_agreed): an issue of the last venue's agenda that stays
    open counts at the walk-away value, not at its status quo."""
    # at the last venue its agenda as it stands (an event may add or drop an issue), as the game
    # scores it at the end; before it, the last venue's agenda as the file gives it
    last = view.venues[-1].agenda if view.venues and view.venues_left else view.agenda
    return _worth(view.own, view.issues, view.settled, last, package)
