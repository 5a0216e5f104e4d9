"""The outside tester's LateAccept (session 45): see bench/outsider_agents/__init__.py."""

from __future__ import annotations

from game.ai.reading import fallback
from outsider_agents.common import Base, mine


class LateAccept(Base):
    """Never proposes; rejects everything in rounds 1 and 2, then accepts the first offer worth
    at least its walk-away value."""

    def accepts(self, view, p):
        return view.round >= 3 and mine(view, p.package) >= fallback(view) - 1e-9
