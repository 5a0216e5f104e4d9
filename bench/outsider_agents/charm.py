"""The outside tester's Charm (session 45): see bench/outsider_agents/__init__.py."""

from __future__ import annotations

from game.ai.reading import Decision, counterparts, deadline, fallback
from game.engine import actions as A
from game.engine.legal import moves_for
from outsider_agents.common import Base, mine


class Charm(Base):
    """Builds trust before it bargains: in rounds 1 and 2 its first action point goes to a
    meeting with the counterpart that trusts it least (round 1) or a conciliatory statement to
    the room (round 2); its other action point tables its best package that leaves every
    counterpart 0.05 over its walk-away value by the file's public numbers. Accepts anything
    worth that offer less 0.02, and anything above walking away at the deadline."""

    MARGIN = 0.05

    def __init__(self, scenario):
        super().__init__(scenario)
        self.charmed = set()

    def accepts(self, view, p):
        v = mine(view, p.package)
        if v < fallback(view) - 1e-9:
            return False
        return deadline(view) or v >= mine(view, self.edge(view, self.MARGIN)) - 0.02 - 1e-9

    def act(self, view, rng):
        if view.round <= 2 and view.round not in self.charmed and view.ap >= 2:
            self.charmed.add(view.round)
            moves = moves_for(view)
            others = counterparts(view)
            if view.round == 1 and others and moves.allowed("meet"):
                who = min(others, key=lambda d: (view.trust_in_me[d], d))
                return Decision(A.Meet(view.own.id, view.delegations[who].id), "let us talk")
            if moves.allowed("statement"):
                return Decision(A.Statement(view.own.id, "conciliatory", ""), "we come in good faith")
        return self.table(view, self.edge(view, self.MARGIN), "a deal each of us can sign")
