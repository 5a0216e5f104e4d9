"""What the outside tester's strategies share (session 45): the package space of a venue read by
the scenario file's public numbers, and a base that answers what is pending, then acts."""

from __future__ import annotations

import numpy as np

from game.ai.reading import Decision, counterparts, fallback, value_with
from game.ai.strategies.base import next_pending, proposed_this_round
from game.engine import actions as A
from game.engine.legal import may_propose
from game.engine.utility import value_if_agreed


def _scored_open(view):
    if not view.venues_left:
        return view.agenda
    return tuple(i for i in range(len(view.issues)) if i not in view.agenda)


def _sq(view):
    return [iss.status_quo for iss in view.issues]


def open_issues(view):
    return [i for i in view.agenda if view.settled[i] < 0]


def mine(view, pkg):
    """What `pkg` agreed now would be worth to us (our drawn preferences)."""
    return value_with(view, pkg) if pkg else fallback(view)


def theirs(scenario, view, d, pkg):
    """What `pkg` would be worth to delegation d by the scenario file's central (public) numbers."""
    dl = scenario.delegations[d]
    return value_if_agreed(dl, view.settled, _sq(view), _scored_open(view), pkg)


def their_floor(scenario, view, d):
    dl = scenario.delegations[d]
    return value_if_agreed(dl, view.settled, _sq(view), _scored_open(view), ())


def allowed_for_all(view, i, others):
    opts = [o for o in range(len(view.issues[i].options)) if o not in view.own.red_lines[i]]
    ok = [o for o in opts if all(o not in view.red_lines[s][i] for s in others)]
    return ok or opts


class Space:
    """Every full package of the open agenda issues (outside all declared red lines), with its
    value to us and to each counterpart (central numbers): made once per venue and settled row."""

    def __init__(self, scenario, view):
        self.others = counterparts(view)
        self.issues = open_issues(view)
        self.opts = [allowed_for_all(view, i, self.others) for i in self.issues]
        grids = np.meshgrid(*[np.array(o) for o in self.opts], indexing="ij")
        self.choice = np.stack([g.ravel() for g in grids], axis=1) if self.issues else np.zeros((1, 0), int)
        self.mine = self._values(view, view.own, lambda pkg: mine(view, pkg))
        self.their = {}
        self.floor = {}
        for d in self.others:
            dl = scenario.delegations[d]
            self.their[d] = self._values(view, dl, lambda pkg, d=d: theirs(scenario, view, d, pkg))
            self.floor[d] = their_floor(scenario, view, d)

    def _values(self, view, dl, full):
        if not self.issues:
            return np.zeros(1)
        # additive over issues for a full package: a constant plus each issue's w*v
        base_pkg = tuple((i, o[0]) for i, o in zip(self.issues, self.opts, strict=True))
        base = full(base_pkg)
        total = np.full(len(self.choice), base)
        for k, i in enumerate(self.issues):
            col = np.array([dl.weights[i] * dl.values[i][o] for o in range(len(view.issues[i].options))])
            total += col[self.choice[:, k]] - col[self.opts[k][0]]
        return total

    def package(self, row):
        return tuple((i, int(o)) for i, o in zip(self.issues, self.choice[row], strict=True))

    def surplus_min(self):
        if not self.others:
            return np.full(len(self.choice), 1.0)
        return np.min(np.stack([self.their[d] - self.floor[d] for d in self.others]), axis=0)


class Base:
    """Answer what waits first, then act; a Space cached per venue and settled row."""

    def __init__(self, scenario):
        self.sc = scenario
        self._space = None
        self._key = None

    def space(self, view):
        key = (view.venue_index, view.settled, tuple(view.present))
        if key != self._key:
            self._space, self._key = Space(self.sc, view), key
        return self._space

    def choose(self, view, rng):
        p = next_pending(view)
        if p is not None:
            ok = self.accepts(view, p)
            return Decision(A.Respond(view.own.id, p.id, bool(ok)), "we accept" if ok else "we cannot accept this")
        if not view.ap:
            return self.passing(view)
        return self.act(view, rng) or self.passing(view)

    def passing(self, view):
        return Decision(A.Pass(view.own.id), "we wait for answers")

    def accepts(self, view, p):
        return mine(view, p.package) >= fallback(view) - 1e-9

    def act(self, view, rng):
        return None

    def table(self, view, pkg, reason="our proposal"):
        """Table pkg to every counterpart present, once a round."""
        if proposed_this_round(view) or not pkg or not may_propose(view.own.role):
            return None
        to = tuple(view.delegations[s].id for s in counterparts(view))
        if not to:
            return None
        ids = tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in pkg)
        return Decision(A.Propose(view.own.id, ids, to), reason)

    def best_at_least(self, view, target):
        """The package worth at least `target` to us that leaves the counterparts most (by the
        least central surplus among them); our best package if none reaches target."""
        sp = self.space(view)
        ok = sp.mine >= target - 1e-9
        if not ok.any():
            return sp.package(int(np.argmax(sp.mine)))
        score = np.where(ok, sp.surplus_min(), -np.inf)
        return sp.package(int(np.argmax(score)))

    def edge(self, view, margin):
        """Our best package that leaves every counterpart at least `margin` over its walk-away
        value by the file's numbers; the one that leaves them most if none does."""
        sp = self.space(view)
        smin = sp.surplus_min()
        ok = smin >= margin
        if not ok.any():
            return sp.package(int(np.argmax(smin)))
        return sp.package(int(np.argmax(np.where(ok, sp.mine, -np.inf))))

    def best_value(self, view):
        return float(np.max(self.space(view).mine))


# ---- end of the shared helpers ----
