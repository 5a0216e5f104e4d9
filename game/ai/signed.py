"""What we have signed already: at a table of two, an offer put to us of a package we have said
yes to in another proposal that still stands (nobody has refused it) is signed (Level.signs_as_signed;
docs/lab/agents.md, "An offer of a package we have signed").

Drafts are answered before offers, and a draft's answer reads no plan (the mediator's text is
not a bet on the others' patience), so a planner can sign the mediator's draft and then, holding
out by its plan, refuse the counterpart's offer of the same package: its author has signed that
offer, and our yes would make the agreement at once, where the draft still waits for the author's
answer. Holding out can win nothing the draft's yes has not already given away (if the others
sign the draft, we have that package), and it gives the author a round to turn away from both.
A better offer than the one we signed is not covered: where the signed text cannot pass (at
timed-14 d0, d1 refuses a draft with issue 0 at o2), holding out against the better offer can
still pay, and signing it there cost 0.147 in one game. At a table of several it cost the
bundled sochi-congress's government 0.029 ± 0.004 (and astana-to-sochi's seats a little): there
another side's offer of the package is not the same agreement (who signs it, and who must)."""

from __future__ import annotations

from game.ai.answering import carries_at_home
from game.ai.reading import counterparts, fallback, value_with
from game.engine.state import ACCEPTED, REJECTED, Proposal
from game.engine.utility import crossed_red_lines
from game.engine.view import View


def signed_as_much(view: View, p: Proposal) -> bool:
    """Whether, at a table of two, a proposal of `p`'s package that we have accepted, and nobody
    has refused, stands; and `p` crosses none of our red lines, still leaves us above walking away
    and costs us no more support at home than we can carry."""
    if len(counterparts(view)) != 1:
        return False
    if not any(
        q.id != p.id and q.package == p.package and q.response_of(view.me) == ACCEPTED and REJECTED not in q.responses
        for q in view.proposals
    ):
        return False
    # the yes we gave went through every check of the answer; these are the ones the moves since
    # could have changed (our walk-away value and support), and the red lines, kept explicit
    if crossed_red_lines(view.own, p.package) or value_with(view, p.package) < fallback(view) - 1e-9:
        return False
    return carries_at_home(view, p.package)
