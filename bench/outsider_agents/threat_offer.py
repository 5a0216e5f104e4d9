"""The outside tester's ThreatThenOffer (session 45): see bench/outsider_agents/__init__.py."""

from __future__ import annotations

from game.ai.reading import Decision, deadline, fallback
from game.engine import actions as A
from game.engine.legal import moves_for
from outsider_agents.common import Base, mine


class ThreatThenOffer(Base):
    """Opens with a hardline statement to the room (support at home up, the others' trust down),
    then tables, every round, its best package that still leaves each counterpart 0.08 over its
    walk-away value by the file's public numbers. Accepts anything worth as much as its own offer
    less 0.03, and anything above walking away at the deadline."""

    MARGIN = 0.08

    def __init__(self, scenario):
        super().__init__(scenario)
        self.threatened = False

    def accepts(self, view, p):
        v = mine(view, p.package)
        if v < fallback(view) - 1e-9:
            return False
        return deadline(view) or v >= mine(view, self.edge(view, self.MARGIN)) - 0.03 - 1e-9

    def act(self, view, rng):
        if not self.threatened and view.round == 1 and moves_for(view).allowed("statement"):
            self.threatened = True
            return Decision(A.Statement(view.own.id, "hardline", ""), "we will not be pushed around")
        return self.table(view, self.edge(view, self.MARGIN), "this, or nothing")
