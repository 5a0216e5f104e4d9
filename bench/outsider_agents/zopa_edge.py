"""The outside tester's ZopaEdge (session 45): see bench/outsider_agents/__init__.py."""

from __future__ import annotations

from game.ai.reading import deadline, fallback
from outsider_agents.common import Base, mine


class ZopaEdge(Base):
    """Reads the others' walk-away values off the scenario file (public) and tables, every round,
    its best package that still leaves every counterpart a margin over walking away: 0.12 in
    round 1, falling evenly to 0.02 in the last. Accepts anything worth its own current offer
    less 0.02, and anything above walking away at the deadline."""

    def margin(self, view):
        r, n = view.round, max(1, view.venue.rounds)
        return 0.12 - 0.10 * min(1.0, (r - 1) / max(1, n - 1))

    def accepts(self, view, p):
        v = mine(view, p.package)
        if v < fallback(view) - 1e-9:
            return False
        return deadline(view) or v >= mine(view, self.edge(view, self.margin(view))) - 0.02 - 1e-9

    def act(self, view, rng):
        return self.table(view, self.edge(view, self.margin(view)), "a deal each of us can sign")
