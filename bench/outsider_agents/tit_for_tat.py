"""The outside tester's TitForTat (session 45): see bench/outsider_agents/__init__.py."""

from __future__ import annotations

from game.ai.reading import Decision, counterparts, fallback
from game.engine import actions as A
from game.engine.legal import moves_for
from outsider_agents.common import Base, mine


class TitForTat(Base):
    """Mirrors the others' movement. Its demand starts at its best package; each round it gives
    up exactly as much (in its own utility) as the best offer put to it has improved since the
    round before, plus 0.01; each public concession a counterpart makes is answered with one
    public concession of ours (a step on the issue we weigh least). Tables the package at its
    demand that leaves the others most; accepts anything worth its demand."""

    def __init__(self, scenario):
        super().__init__(scenario)
        self.demand = None
        self.best_offer = None
        self.seen_round = 0
        self.last_offer_at_round = None
        self.their_concessions = None

    def update(self, view):
        if self.demand is None:
            self.demand = self.best_value(view)
        for p in view.proposals:
            if p.author != view.me:
                v = mine(view, p.package)
                self.best_offer = v if self.best_offer is None else max(self.best_offer, v)
        if view.round != self.seen_round:
            if self.seen_round:
                prev = self.last_offer_at_round
                gain = 0.0 if prev is None or self.best_offer is None else max(0.0, self.best_offer - prev)
                self.demand = max(fallback(view) + 0.01, self.demand - gain - 0.01)
            self.last_offer_at_round = self.best_offer
            self.seen_round = view.round

    def accepts(self, view, p):
        self.update(view)
        return mine(view, p.package) >= max(fallback(view), self.demand) - 1e-9

    def act(self, view, rng):
        self.update(view)
        total = sum(c for s, c in enumerate(view.concessions) if s in counterparts(view))
        if self.their_concessions is None:
            self.their_concessions = total
        if total > self.their_concessions:
            self.their_concessions += 1
            moves = moves_for(view)
            me = view.own
            for i in sorted(moves.concedable_issues, key=lambda i: me.weights[i]):
                lower = moves.concession_options(i)
                if lower:
                    o = max(lower, key=lambda o: (me.values[i][o], -o))
                    iss = view.issues[i]
                    return Decision(A.Concede(me.id, iss.id, iss.options[o].id), "you moved, so do we")
        return self.table(view, self.best_at_least(view, self.demand), "as far as you have come, we come")
