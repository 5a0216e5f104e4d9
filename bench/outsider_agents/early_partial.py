"""The outside tester's EarlyPartial (session 45): see bench/outsider_agents/__init__.py."""

from __future__ import annotations

from game.ai.reading import counterparts, deadline, fallback
from game.ai.strategies.base import ideal
from outsider_agents.common import Base, allowed_for_all, mine, open_issues, their_floor, theirs


class EarlyPartial(Base):
    """Round 1: tables a one-issue agreement, the issue and option that gain us most over
    walking away while every counterpart also gains by the file's public numbers. Then holds:
    tables its best package on what stays open and rejects everything until the last round,
    where it accepts anything worth walking away (or the deal so far)."""

    def partial(self, view):
        others = counterparts(view)
        base_me = fallback(view)
        best, best_gain = None, 0.0
        for i in open_issues(view):
            for o in allowed_for_all(view, i, others):
                pkg = ((i, o),)
                gain = mine(view, pkg) - base_me
                if gain <= best_gain:
                    continue
                if all(theirs(self.sc, view, d, pkg) - their_floor(self.sc, view, d) > 0.005 for d in others):
                    best, best_gain = pkg, gain
        return best

    def accepts(self, view, p):
        v = mine(view, p.package)
        if deadline(view):
            return v >= fallback(view) - 1e-9
        # before the deadline only the partial deal it asked for (or better)
        return not view.agreements and len(p.package) == 1 and v >= fallback(view) + 0.02

    def act(self, view, rng):
        if view.round <= 2 and not view.agreements:
            pkg = self.partial(view)
            if pkg:
                return self.table(view, pkg, "let us settle this one first")
        return self.table(view, ideal(view), "the rest, on our terms")
