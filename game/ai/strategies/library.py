"""The strategy library: simple, fixed ways of playing a seat, each a yardstick for the agents.

None of them reads the others; most ignore time. They are here because a negotiating agent worth
beating must do better than each of them in the same seat over the same seeds (the tournament,
game.sim.tournament, measures it). Each is one small class; `summary` is its line in the tables.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.ai.levels import LEVELS
from game.ai.negotiator import choose as negotiate
from game.ai.random_agent import choose_random
from game.ai.reading import Decision
from game.ai.strategies.base import (
    Package,
    Strategy,
    generous,
    ideal,
    last_round,
    least_trusted,
    open_issues,
    propose,
    proposed_this_round,
    respond,
    worth,
)
from game.engine import actions as A
from game.engine.legal import moves_for
from game.engine.rng import Rng
from game.engine.state import Proposal
from game.engine.view import View


def _pass(view: View, reason: str) -> Decision:
    return Decision(A.Pass(view.own.id), reason)


def _table_once(view: View, package: Package, reason: str) -> Decision:
    """Table `package` once a round; pass for the rest of the turn."""
    if not proposed_this_round(view):
        decision = propose(view, package, reason)
        if decision is not None:
            return decision
    return _pass(view, "we wait for answers")


def _above_walkaway(view: View, proposal: Proposal) -> Decision:
    value = worth(view, proposal.package)
    if value >= view.own.reservation - 1e-9:
        return respond(view, proposal, True, "it beats walking away")
    return respond(view, proposal, False, "it is worth less than walking away")


class Stonewall(Strategy):
    """Tables its own ideal every round and rejects everything put to it."""

    name = "stonewall"
    summary = "own ideal every round, rejects everything"

    def act(self, view: View, rng: Rng) -> Decision:
        return _table_once(view, ideal(view), "our position is our position")


class IdealThenFold(Strategy):
    """Tables its ideal and rejects everything until the last round, then accepts anything
    worth more than walking away."""

    name = "ideal-then-fold"
    summary = "own ideal, rejects all until the last round, then takes anything above walk-away"

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        if last_round(view):
            return _above_walkaway(view, proposal)
        return respond(view, proposal, False, "not yet")

    def act(self, view: View, rng: Rng) -> Decision:
        return _table_once(view, ideal(view), "our position is our position")


class AcceptAboveWalkaway(Strategy):
    """Never proposes; accepts any offer worth at least its walk-away value."""

    name = "accept-above-walkaway"
    summary = "never proposes, accepts anything above walk-away"

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        return _above_walkaway(view, proposal)


class AcceptAll(Strategy):
    """Never proposes; accepts every offer, whatever it is worth."""

    name = "accept-all"
    summary = "never proposes, accepts everything"

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        return respond(view, proposal, True, "we take every offer")


class CopyLast(Strategy):
    """Tables again, once a round, the last package put to it (its ideal before any), on the
    issues still open, whatever that package is worth to it: one it refused as worth less than
    walking away is tabled all the same, and as its author it signs it if the others accept. It
    accepts an offer worth at least its walk-away value. It remembers that package for the game it
    plays, so one instance plays one game."""

    name = "copy-last"
    # "tables back the last offer" read to an author as a yardstick that never signs below its
    # walk-away value, and in the seat it scored worst of every row: the tabled package is signed
    summary = "tables back the last package put to it, even one below walk-away; accepts anything above walk-away"

    def __init__(self) -> None:
        self.last: dict[int, Package] = {}

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        self.last[view.venue_index] = proposal.package
        return _above_walkaway(view, proposal)

    def act(self, view: View, rng: Rng) -> Decision:
        still_open = set(open_issues(view))
        package = tuple((i, o) for i, o in self.last.get(view.venue_index, ()) if i in still_open)
        return _table_once(view, package or ideal(view), "what was offered to us, put to everyone")


class GiveAway(Strategy):
    """Tables what the others ask for on every issue, every round, and accepts everything."""

    name = "give-away"
    summary = "tables what the others ask for, accepts everything"

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        return respond(view, proposal, True, "we take every offer")

    def act(self, view: View, rng: Rng) -> Decision:
        return _table_once(view, generous(view), "whatever you ask")


class ConcedeAll(Strategy):
    """Uses every action point to concede a step on its public positions, until none is left;
    accepts any offer above its walk-away value."""

    name = "concede-all"
    # a move at a time, issue by issue (a newcomer read "on every position each turn" as something
    # no player could copy: a player concedes as it does, one step with each move)
    summary = "concedes a step with every move, issue by issue, accepts anything above walk-away"

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        return _above_walkaway(view, proposal)

    def act(self, view: View, rng: Rng) -> Decision:
        me = view.own
        moves = moves_for(view)
        for i in moves.concedable_issues:
            lower = moves.concession_options(i)
            if lower:
                # the smallest step down: a concession at a time, as far as it goes
                o = max(lower, key=lambda o: (me.values[i][o], -o))
                issue = view.issues[i]
                return Decision(A.Concede(me.id, issue.id, issue.options[o].id), "a concession")
        return _pass(view, "nothing left to concede")


class Hardline(Strategy):
    """Bargains as the hard agent does, but spends every other move on a hardline statement
    against the delegation it trusts least: threats instead of gestures, meetings and pressure."""

    name = "hardline"
    summary = "hard agent's offers and answers, hardline statements instead of every other move"

    def choose(self, view: View, rng: Rng) -> Decision:
        decision = negotiate(view, rng, LEVELS["hard"])
        if not view.ap or isinstance(decision.action, A.Respond | A.Propose | A.Draft | A.WalkOut | A.Boycott):
            return decision
        target = least_trusted(view)
        to = "" if target is None else view.delegations[target].id
        return Decision(A.Statement(view.own.id, "hardline", to), "we will not be pushed around")


class WalkOut(Strategy):
    """Leaves at once: boycotts a venue where attendance is optional, walks out of any other."""

    name = "walk-out"
    summary = "boycotts where it may, else walks out at its first turn"

    def act(self, view: View, rng: Rng) -> Decision:
        if moves_for(view).allowed("boycott"):
            return Decision(A.Boycott(view.own.id), "we will not lend this our name")
        return Decision(A.WalkOut(view.own.id), "we will not lend this our name")


class WaitThenNash(Strategy):
    """Rejects everything and waits until the last round, then tables the Nash package that
    `peacetalks analyze` prints for the venue (from the scenario's published numbers) and
    accepts any offer worth as much to it. Without a Nash package (no zone of agreement) it
    tables its ideal."""

    name = "wait-nash"
    summary = "waits, then in the last round tables the Nash package `peacetalks analyze` prints"

    def __init__(self, nash: Mapping[int, Package | None]) -> None:
        self.nash = nash  # per venue index, the analysis's Nash package

    def _package(self, view: View) -> Package:
        still_open = set(open_issues(view))
        package = tuple((i, o) for i, o in self.nash.get(view.venue_index) or () if i in still_open)
        return package or ideal(view)

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        if not last_round(view):
            return respond(view, proposal, False, "not yet")
        target = max(view.own.reservation, worth(view, self._package(view)))
        accept = worth(view, proposal.package) >= target - 1e-9
        return respond(view, proposal, accept, "as good as the fair deal" if accept else "less than the fair deal")

    def act(self, view: View, rng: Rng) -> Decision:
        if not last_round(view):
            return _pass(view, "we wait")
        return _table_once(view, self._package(view), "the fair deal, by the analysis")


class Random(Strategy):
    """Draws uniformly over every legal move (game.ai.random_agent): the floor to beat."""

    name = "random"
    summary = "draws uniformly over every legal move"

    def choose(self, view: View, rng: Rng) -> Decision:
        return choose_random(view, rng)
