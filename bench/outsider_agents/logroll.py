"""The outside tester's Logroll (session 45): see bench/outsider_agents/__init__.py."""

from __future__ import annotations

from game.ai.reading import deadline, fallback
from outsider_agents.common import Base, mine


class Logroll(Base):
    """Logrolling from round 1: gives each counterpart its best option on the issue it weighs
    most (by the scenario file's public numbers) and keeps our best option on the rest; if that
    leaves us too little, takes back the gifts that cost us most. Tables it every round; accepts
    anything worth as much as it (less 0.03 a round), and anything above walking away at the
    deadline."""

    def package(self, view):
        sp = self.space(view)
        me = view.own
        best = {i: max(opts, key=lambda o: me.values[i][o]) for i, opts in zip(sp.issues, sp.opts, strict=True)}
        gifts = {}
        for d in sp.others:
            dl = self.sc.delegations[d]
            top = max(sp.issues, key=lambda i: dl.weights[i]) if sp.issues else None
            if top is None:
                continue
            gifts.setdefault(top, []).append(d)
        pkg = dict(best)
        for i, ds in gifts.items():
            opts = sp.opts[sp.issues.index(i)]
            pkg[i] = max(opts, key=lambda o: sum(self.sc.delegations[d].values[i][o] for d in ds))
        # take back the costliest gifts while the package leaves us within 0.05 of walking away
        floor = fallback(view) + 0.05
        order = sorted(gifts, key=lambda i: -me.weights[i] * (me.values[i][best[i]] - me.values[i][pkg[i]]))
        for i in order:
            if mine(view, tuple(pkg.items())) >= floor:
                break
            pkg[i] = best[i]
        return tuple(sorted(pkg.items()))

    def accepts(self, view, p):
        v = mine(view, p.package)
        if v < fallback(view) - 1e-9:
            return False
        return deadline(view) or v >= mine(view, self.package(view)) - 0.03 * (view.round - 1) - 1e-9

    def act(self, view, rng):
        return self.table(view, self.package(view), "something for everyone")
