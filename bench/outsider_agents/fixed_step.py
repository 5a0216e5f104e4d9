"""The outside tester's FixedStep (session 45): see bench/outsider_agents/__init__.py."""

from __future__ import annotations

from game.ai.reading import fallback
from outsider_agents.common import Base, mine


class FixedStep(Base):
    """Concedes a fixed 0.05 of utility a round from its best package: tables, each round, the
    package worth at least that target that leaves the counterparts most; accepts anything worth
    the target (never below walking away)."""

    STEP = 0.05

    def target(self, view):
        return max(fallback(view) + 0.01, self.best_value(view) - self.STEP * (view.round - 1))

    def accepts(self, view, p):
        return mine(view, p.package) >= max(fallback(view), self.target(view)) - 1e-9

    def act(self, view, rng):
        return self.table(view, self.best_at_least(view, self.target(view)), "our offer for this round")
