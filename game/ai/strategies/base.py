"""What every simple strategy shares: answer what is pending, else act; and the few readings of
the view they are built from (our ideal package, what an offer is worth to us, who to address).

A strategy plays from its view alone, like every agent (see game.ai.agent): it reads its own
preferences and the public record, and draws randomness only from the generator it is given.
"""

from __future__ import annotations

from typing import ClassVar

from game.ai.reading import Decision, allowed, counterparts, deadline
from game.engine import actions as A
from game.engine.legal import may_propose
from game.engine.rng import Rng
from game.engine.state import PENDING, Proposal
from game.engine.utility import utility, with_package
from game.engine.view import View

Package = tuple[tuple[int, int], ...]  # (issue, option) by index, as the engine keeps them


class Strategy:
    """A fixed way of playing a seat. Subclasses say how they answer and what they do."""

    # read from the class itself (seats.chooser): ClassVar says so, which mypyc needs to compile them
    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""  # one line, for the tournament's table and the docs

    def choose(self, view: View, rng: Rng) -> Decision:
        pending = next_pending(view)
        if pending is not None:
            return self.answer(view, pending, rng)
        if not view.ap:
            return Decision(A.Pass(view.own.id), "no action points left")
        return self.act(view, rng)

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        return respond(view, proposal, False, "we refuse every offer")

    def act(self, view: View, rng: Rng) -> Decision:
        return Decision(A.Pass(view.own.id), "we wait")


def next_pending(view: View) -> Proposal | None:
    """The proposal we must answer first: the mediator's text, then the oldest."""
    waiting = [p for p in view.proposals if p.author != view.me and p.response_of(view.me) == PENDING]
    return min(waiting, key=lambda p: (not p.draft, p.id)) if waiting else None


def respond(view: View, proposal: Proposal, accept: bool, reason: str) -> Decision:
    """An answer, its reason opening as the negotiators' do ("accepted: ...", "rejected: ..."): a
    newcomer read Turkey's bare "(less than we ask)" beside everyone else's "(rejected: ...)"."""
    said = "accepted" if accept else "rejected"
    return Decision(
        A.Respond(view.own.id, proposal.id, accept), reason if reason.startswith(said) else f"{said}: {reason}"
    )


def worth(view: View, package: Package) -> float:
    """What a package would be worth to us if it were agreed now."""
    return utility(view.own, with_package(view.deal, package))


def open_issues(view: View) -> list[int]:
    return [i for i in view.agenda if view.settled[i] < 0]


def ideal(view: View) -> Package:
    """Our best option on every open issue, never across our own red line."""
    me = view.own
    return tuple((i, max(allowed(view, i), key=lambda o: (me.values[i][o], -o))) for i in open_issues(view))


def generous(view: View) -> Package:
    """What the others ask for on every open issue: the option nearest the middle of their
    public positions, outside our red line (we cannot table what crosses it)."""
    out = []
    others = counterparts(view)
    for i in open_issues(view):
        stated = sorted(view.positions[s][i] for s in others if view.positions[s][i] >= 0)
        options = allowed(view, i)
        if stated:
            middle = stated[len(stated) // 2]
            out.append((i, min(options, key=lambda o: (abs(o - middle), o))))
        else:
            # nobody asks anything here: give what is worst for us, the most we can give
            out.append((i, min(options, key=lambda o: (view.own.values[i][o], o))))
    return tuple(out)


def proposed_this_round(view: View) -> bool:
    return any(p.author == view.me and p.round == view.round for p in view.proposals)


def propose(view: View, package: Package, reason: str) -> Decision | None:
    """A proposal of `package` to every present signatory but us, if we may make one."""
    to = tuple(view.delegations[s].id for s in counterparts(view))
    if not may_propose(view.own.role) or not to or not package:
        return None
    ids = tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in package)
    return Decision(A.Propose(view.own.id, ids, to), reason)


def last_round(view: View) -> bool:
    return deadline(view)


def least_trusted(view: View) -> int | None:
    others = [d for d in range(len(view.delegations)) if d != view.me and view.present[d]]
    return min(others, key=lambda d: (view.my_trust[d], d)) if others else None
