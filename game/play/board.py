"""The proposals board: every open proposal and draft as one delegation reads it.

For each: its author, its package issue by issue (with what changed since the author's previous
proposal, or, for a first one, where it departs from the author's stated positions), what it is
worth to the reader against walking away, and each addressee's answer so far. Proposals are
public at the table (the engine reads each one out in full), so the board lists them all; only
the reader's own values are private, and only the reader's are used. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.state import PENDING, Proposal, State
from game.engine.utility import state_worth_if_agreed
from game.engine.view import view_for
from game.play.choices import (
    agreement_cost,
    pulled_out_then,
    pulls_out,
    signing_cost,
    still_needs,
    toll_to_stop,
    yes_binds,
)
from game.play.history import Chronicle


@dataclass(frozen=True)
class Item:
    """One issue of a package."""

    issue: int
    option: int
    worth: float  # what the option is worth to the reader, 0..1
    changed: bool  # new since the author's previous proposal (or off its stated position)
    mine: bool  # the reader's own stated position
    red_line: bool  # across the reader's red line


@dataclass(frozen=True)
class Entry:
    proposal: Proposal
    items: tuple[Item, ...]
    worth: float  # what the reader would have if it is agreed (and nothing more), as the game scores it
    walk_away: float  # the reader's utility of no deal
    previous: int  # the author's proposal it is compared with; -1: with its stated positions
    waiting_for_me: bool
    # addressees who left the table without answering: their answer went with them, and the
    # proposal stays open for the others (docs/RULES.md, "Agreements": leaving the table)
    left: frozenset[int] = frozenset()
    # for a proposal waiting for the reader's answer, what signing it would cost at home
    # (choices.signing_cost, "" where nothing) and whether that would pull the reader out: the
    # board's `a` signs at once, and a newcomer signed away 30 of 45 support from it unwarned
    signing: str = ""
    pulls_out: bool = False
    pulled_then: str = ""  # ...and what follows if it does (choices.pulled_out_then)
    # issues the author's previous proposal (`previous`) put in that this one leaves out: "nothing
    # changed on its issues" was read of a package that had dropped one, and was worth 0.08 less
    dropped: tuple[int, ...] = ()
    # what the reader has if nothing more is agreed, where something is agreed already (None
    # where nothing is): what a further package is measured against then, not the walk-away
    agreed: float | None = None
    # for a proposal waiting for the reader's answer, what a round that ends costs the reader now
    # and once it is agreed (choices.toll_to_stop; (0, 0) in the closing session, after the last
    # round's toll, and where agreeing ends the talks): refusing keeps the toll running on the issues it would settle
    toll: tuple[float, float] = (0.0, 0.0)
    # a later venue of a campaign follows: the toll said above is this venue's (the next charges
    # its own, on its own agenda)
    venues_follow: bool = False
    # whether the reader's yes can make it the deal: a side that signs nothing decides none, and
    # an offer not put to every signatory present can be answered, never agreed (the board asks
    # before a yes below the walk-away value only where it binds)
    signs: bool = True
    # waiting for the reader, whose yes alone it still lacks: a yes makes it the agreement now
    decides: bool = False

    @property
    def changed(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.changed)

    def answers(self) -> tuple[tuple[int, int], ...]:
        """(addressee, PENDING / ACCEPTED / REJECTED) in the order the proposal names them."""
        return tuple(zip(self.proposal.to, self.proposal.responses, strict=True))


def entries(state: State, me: int, chronicle: Chronicle) -> tuple[Entry, ...]:
    """The board: proposals waiting for the reader's answer first (drafts first, then oldest),
    then the reader's own, then the others, newest first."""
    own = state.scenario.delegations[me]
    view = view_for(state, me) if any(p.response_of(me) == PENDING for p in state.proposals) else None
    out = []
    agreed = state_worth_if_agreed(state, me, ()) if any(option >= 0 for option in state.settled) else None
    for p in state.proposals:
        tabled = chronicle.tabled.get(p.id)
        previous = tabled.previous if tabled is not None else -1
        before = dict(chronicle.tabled[previous].package) if previous >= 0 else None
        items = []
        for issue, option in p.package:
            was = before.get(issue) if before is not None else state.positions[p.author][issue]
            changed = was != option
            items.append(
                Item(
                    issue,
                    option,
                    own.values[issue][option],
                    changed,
                    state.positions[me][issue] == option,
                    option in own.red_lines[issue],
                )
            )
        kept = {issue for issue, _ in p.package}
        # (an issue agreed since, or taken off the agenda by an event, is not left out)
        dropped = (
            tuple(sorted(i for i in before if i not in kept and state.settled[i] < 0 and i in state.agenda))
            if before
            else ()
        )
        signing, pulled, then, toll = "", False, "", (0.0, 0.0)
        if view is not None and p.response_of(me) == PENDING:
            signing, pulled = signing_cost(view, p.package), pulls_out(view, agreement_cost(view, p.package))
            then = pulled_out_then(view, p.package) if pulled else ""
            toll = toll_to_stop(view, p.package)
        out.append(
            Entry(
                p,
                tuple(items),
                state_worth_if_agreed(state, me, p.package),
                own.reservation,
                previous,
                p.response_of(me) == PENDING,
                frozenset(d for d, r in zip(p.to, p.responses, strict=True) if r == PENDING and not state.present[d]),
                signing,
                pulled,
                then,
                dropped,
                agreed,
                toll,
                state.venue + 1 < len(state.scenario.venues),
                view is not None and yes_binds(view, p),
                view is not None
                and p.response_of(me) == PENDING
                and me in view.venue.signatories
                and not still_needs(view, p.id),
            )
        )

    def order(e: Entry) -> tuple[int, int, int]:
        if e.waiting_for_me:
            return (0, not e.proposal.draft, e.proposal.id)
        return (1 if e.proposal.author == me else 2, 0, -e.proposal.id)

    return tuple(sorted(out, key=order))
