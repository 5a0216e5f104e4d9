"""The outside tester's ZopaSlow (session 45): see bench/outsider_agents/__init__.py."""

from __future__ import annotations

from game.ai.reading import deadline, fallback
from outsider_agents.common import Base, mine


class ZopaSlow(Base):
    """ZopaEdge's harder twin: the margin it leaves every counterpart over walking away (by the
    file's public numbers) starts at 0.15 and falls evenly to 0.0 in the last round, and before
    the deadline it accepts only what is worth at least its own current offer."""

    def margin(self, view):
        r, n = view.round, max(1, view.venue.rounds)
        return 0.15 - 0.15 * min(1.0, (r - 1) / max(1, n - 1))

    def accepts(self, view, p):
        v = mine(view, p.package)
        if v < fallback(view) - 1e-9:
            return False
        return deadline(view) or v >= mine(view, self.edge(view, self.margin(view))) - 1e-9

    def act(self, view, rng):
        return self.table(view, self.edge(view, self.margin(view)), "a deal each of us can sign")
