"""An example agent for Peace Talks: a patient negotiator that lowers its demands as time passes.

Play it in a seat with

    peacetalks simulate astana-8 --seat opposition=docs/examples/my_agent.py:Patient
    peacetalks watch astana-8 --seat opposition=docs/examples/my_agent.py:Patient
    peacetalks play astana-8 --seat opposition=docs/examples/my_agent.py:Patient

An agent is given, on each of its turns, its delegation's view of the game (its own preferences
in full; of the others only what is public) and a seeded random generator (its only source of
randomness, so a game replays exactly from its seed). It returns a Decision: an action and a
reason in words, which the table's transcript shows to everyone, so it names no private number
(a player beside it would read its walk-away value off it). See docs/AI.md, "Bring your own agent".
"""

from __future__ import annotations

from game.ai.reading import Decision
from game.engine import Pass, Propose, Respond, View
from game.engine.legal import may_propose
from game.engine.rng import Rng
from game.engine.state import PENDING
from game.engine.utility import utility, with_package


class Patient:
    """Asks for its best at first and settles for a little above its walk-away value at the end."""

    def choose(self, view: View, rng: Rng) -> Decision:
        me = view.own
        # what it holds out for: from its best towards its walk-away value, over the venue's rounds
        best = self.best(view)
        time_left = 1.0 - view.round / view.venue.rounds  # 0 in the last round
        aim = me.reservation + (utility(me, with_package(view.deal, best)) - me.reservation) * time_left

        # first answer every proposal put to it: yes to what meets its aim
        for proposal in view.proposals:
            if proposal.author != view.me and proposal.response_of(view.me) == PENDING:
                worth = utility(me, with_package(view.deal, proposal.package))
                accept = worth >= aim - 1e-9
                return Decision(Respond(me.id, proposal.id, accept), self.said(worth, aim))

        # then, once a round, put its best package to every other signatory present
        others = [view.delegations[s].id for s in view.venue.signatories if s != view.me and view.present[s]]
        proposed = any(p.author == view.me and p.round == view.round for p in view.proposals)
        if view.ap and best and others and may_propose(me.role) and not proposed:
            package = tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in best)
            return Decision(Propose(me.id, package, tuple(others)), "our position, for this round")
        return Decision(Pass(me.id), "we wait for answers")

    @staticmethod
    def said(worth: float, aim: float) -> str:
        """Its answer in words: how far the offer is from what it holds out for, in bands."""
        if worth >= aim - 1e-9:
            return "it gives us what we hold out for at this stage"
        if worth >= aim - 0.05:
            return "close to what we need, but not yet enough"
        return "far from what we need" if worth < aim - 0.2 else "short of what we need"

    @staticmethod
    def best(view: View) -> tuple[tuple[int, int], ...]:
        """Its best option on every open agenda issue, never across its own red line."""
        me = view.own
        package = []
        for i in view.agenda:
            if view.settled[i] < 0:
                allowed = [o for o in range(len(view.issues[i].options)) if o not in me.red_lines[i]]
                package.append((i, max(allowed, key=me.values[i].__getitem__)))
        return tuple(package)
