"""Edge of the zone: a strategy that reads the scenario file's published numbers.

The file's central weights, values and walk-away values are public (`peacetalks analyze` prints
them; each game draws the real ones around them). This strategy tables, once a round, its own
best package that leaves every counterpart present a margin over its walk-away value by those
numbers, the margin falling evenly from START in the venue's first round to nothing in its last:
it offers the others a deal well worth their while early, and asks more for itself as the rounds
pass, up to the edge of their zone at the deadline (so waiting costs them). It accepts an offer
worth to it at least what its own package is worth now, or, once a side holds firm against it
(below), what the deadline is likely to bring it; and in the last round anything above walking
away.

What the deadline brings: at the last round it takes anything above walking away, and so, it
reckons, would the others; the package that passes then is one another proposer tables at the
edge of everyone's zone. So it works out, for each other signatory present that may propose, the
package that side would table in the last round reading the file as edge does (its best by the
file's numbers among those leaving every other signatory present nothing over its walk-away
value), and takes the mean of their worth to itself. A side holds firm against it when it has
refused edge's packages in two rounds and its own packages put to edge, as edge's record of
answers holds them (View.answers: each side's last few answers, grouped by the round of edge's
answer), got no better for edge: against such a side, holding out for its own package only ends
in another's at the deadline, less the rounds' toll and the risk that the talks end first. A side
that refuses and never offers, or whose offers die before edge answers them, is not read as firm.

What it changed (docs/lab/agents.md, "Edge anticipates the deadline"): at dayton-1995's all-hard
table the last-round share of agreements fell from 77% to 55%. Against normal agents it fires
too, where their offers by edge's own (drawn) numbers got no better, and there it costs edge
enough that the hard agent's rehearsal now keeps another style in three seats; at astana-8, where
Russia's seat moved from edge to concede-all, that is what took the all-hard table's last-round
share from 83% to 20%.

It was written from an outside tester's strategy that beat the hard agent by 0.10 in
sochi-congress's government seat (docs/lab/agents.md, "Edge of the zone"): a way of negotiating
the hard agent's rehearsal can now choose where it pays (game.ai.rehearsal), and a yardstick in
the tournament.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from itertools import product
from math import inf, prod
from typing import TYPE_CHECKING, ClassVar, TypeAlias

from game.ai.reading import Decision, allowed, counterparts, fallback, scored_open, status_quos, value_with
from game.ai.strategies.base import (
    Package,
    Strategy,
    ideal,
    last_round,
    open_issues,
    propose,
    proposed_this_round,
    respond,
)
from game.engine import actions as A
from game.engine.legal import may_propose
from game.engine.model import Delegation, Scenario
from game.engine.rng import Rng
from game.engine.state import Proposal
from game.engine.utility import settled_value
from game.engine.view import View

if TYPE_CHECKING:  # numpy loads when edge first reads a table: the game reaches its table without it
    import numpy as np
    import numpy.typing as npt

START = 0.15  # the margin left to the others in the first round, in utility
# the firm margin of the rehearsal's style "edge at 0.05": an outside tester's strategy that left
# the others 0.05 in every round beat the hard agent by +0.066 at astana-to-sochi's Turkey, where
# edge's falling margin, generous early, is behind it (docs/lab/agents.md, "A firm edge")
FIRM = 0.05
# Its reading of the zone is by enumeration: on an agenda with more open packages than this it
# asks its ideal (dayton-1995's largest venue has 78,732; a file may allow far more)
LIMIT = 100_000

_Key = tuple[int, tuple[int, ...], tuple[bool, ...], tuple[int, ...], tuple[tuple[frozenset[int], ...], ...]]
_Found: TypeAlias = "tuple[Scenario | None, npt.NDArray[np.intp], npt.NDArray[np.float64]]"
# what the others' side of a space comes to, by table and deal: the same in every game of a
# scenario (the file's numbers), so a rehearsal's games share it; a few kept, oldest out first
_SHARED: OrderedDict[tuple[object, ...], _Found] = OrderedDict()
_SHARED_MAX = 16
_LOCK = threading.Lock()


def _worth(
    delegation: Delegation, view: View, issues: list[int], picks: npt.NDArray[np.intp]
) -> npt.NDArray[np.float64]:
    """Each package's worth to a delegation as the game scores it if agreed now
    (engine.utility.settled_value, as `value_with` reads it): the issues it settles at their
    options, those settled before at theirs, the rest of what is scored open at the walk-away
    value, other issues at their status quo; a weighted sum, so one column per open issue."""
    import numpy as np

    status_quo, scored, taken = status_quos(view), set(scored_open(view)), set(issues)
    r = delegation.reservation
    base = sum(
        w * (vals[o] if o >= 0 else r if i in scored else vals[status_quo[i]])
        for i, (w, vals, o) in enumerate(zip(delegation.weights, delegation.values, view.settled, strict=True))
        if i not in taken
    )
    total = np.full(len(picks), float(base))
    for k, i in enumerate(issues):
        column = np.array([delegation.weights[i] * v for v in delegation.values[i]])
        total += column[picks[:, k]]
    return total


def _theirs(
    scenario: Scenario | None, view: View, others: list[int], issues: list[int], options: list[list[int]]
) -> _Found:
    """Every package of these options, and the least surplus each leaves a counterpart by the
    file's numbers over what it has if nothing more is agreed (+inf without them: no one to
    leave anything, or no numbers to read)."""
    import numpy as np

    key = (id(scenario), tuple(others), tuple(issues), tuple(map(tuple, options)), view.settled, scored_open(view))
    with _LOCK:  # the interface rehearses several seats at once, each in a thread
        found = _SHARED.get(key)
        if found is not None and found[0] is scenario:
            _SHARED.move_to_end(key)
            return found
    # the packages as rows of option numbers, not as tuples: dayton-1995's 78,732 took 58 MB so
    picks = np.array(list(product(*options)), dtype=np.intp).reshape(-1, len(issues))
    if scenario is None or not others or not issues:
        least = np.full(len(picks), np.inf)
    else:
        status_quo, scored = status_quos(view), scored_open(view)
        surpluses = [
            _worth(d, view, issues, picks) - settled_value(d, view.settled, status_quo, scored)
            for d in (scenario.delegations[s] for s in others)
        ]
        least = np.min(np.stack(surpluses), axis=0)
    found = (scenario, picks, least)
    with _LOCK:
        _SHARED[key] = found
        while len(_SHARED) > _SHARED_MAX:
            _SHARED.popitem(last=False)
    return found


def _deadline_rows(
    scenario: Scenario, view: View, seats: list[int], issues: list[int], picks: npt.NDArray[np.intp]
) -> list[int]:
    """For each of `seats` that may propose, the row of the package it would table at the
    deadline were it to read the table as edge does: its best by the file's numbers among those
    leaving every other signatory present (us too) at least its walk-away value by them."""
    import numpy as np

    status_quo, scored = status_quos(view), scored_open(view)
    surplus = {
        d: _worth(scenario.delegations[d], view, issues, picks)
        - settled_value(scenario.delegations[d], view.settled, status_quo, scored)
        for d in seats
    }
    rows = []
    for c in seats:
        if c == view.me or not may_propose(view.delegations[c].role):
            continue
        others = [surplus[d] for d in seats if d != c]
        fits = np.min(np.stack(others), axis=0) >= -1e-9 if others else np.ones(len(picks), dtype=bool)
        if fits.any():
            rows.append(int(np.argmax(np.where(fits, surplus[c], -np.inf))))
    return rows


class _Space:
    """Every package of the open issues, outside our red lines and, where we can, those the
    others have declared, with its worth to us (our real numbers, from the view) and the least
    surplus it leaves a counterpart (the file's numbers); none past LIMIT."""

    def __init__(self, view: View, scenario: Scenario | None) -> None:
        issues = open_issues(view)
        others = counterparts(view)
        # a package across a counterpart's declared red line is refused whatever it leaves it
        kept = [[o for o in allowed(view, i) if all(o not in view.red_lines[s][i] for s in others)] for i in issues]
        options = [ok or allowed(view, i) for ok, i in zip(kept, issues, strict=True)]
        self.issues = issues
        self.count = prod(len(o) for o in options) if issues else 0
        # what the deadline is likely to bring us (`deadline`), worked out on its first use: it
        # is asked only where a side holds firm against us, in few games
        self._view, self._scenario = view, scenario
        self._deadline: float | None = None
        self._worked_out = False
        if not self.count or self.count > LIMIT:
            self.count = 0
            return
        _, self.picks, self.least = _theirs(scenario, view, others, issues, options)
        self.mine = _worth(view.own, view, issues, self.picks)

    def deadline(self) -> float | None:
        """What the deadline is likely to bring us: the mean of our worth of the packages the
        other proposers would table then (`_deadline_rows`); None without the file's numbers, past
        LIMIT, or where no package leaves everyone its walk-away value."""
        if not self._worked_out:
            self._worked_out = True
            found = None
            view, scenario = self._view, self._scenario
            if self.count and scenario is not None:
                seats = [s for s in view.venue.signatories if view.present[s]]
                rows = _deadline_rows(scenario, view, seats, self.issues, self.picks)
                if rows:
                    # who tables the package that passes at the deadline is not known: the mean
                    # over them (the best of them for us kept two edges at a table refusing each
                    # other's packages to the last round: docs/lab/agents.md, "Edge anticipates
                    # the deadline")
                    found = sum([float(self.mine[r]) for r in rows]) / len(rows)
            self._deadline = found
        return self._deadline

    def package(self, row: int) -> Package:
        return tuple(zip(self.issues, (int(o) for o in self.picks[row]), strict=True))


def _held_against(view: View) -> bool:
    """Whether a counterpart holds firm against us at this venue: it refused our packages in two
    rounds or more, and its own packages put to us, round after round, got no better for us (the
    room's record of answers, View.answers, holds both). A side conceding along its curve, as the
    normal agent does, offers more each round: holding out against it pays."""
    refused: dict[int, set[int]] = {}
    offered: dict[int, dict[int, float]] = {}
    for a in view.answers:
        if a.venue != view.venue_index:
            continue
        if a.author == view.me and not a.accepted:
            refused.setdefault(a.who, set()).add(a.round)
        elif a.who == view.me:
            best = offered.setdefault(a.author, {})
            best[a.round] = max(best.get(a.round, -inf), value_with(view, a.package))
    for side, rounds in refused.items():
        offers = offered.get(side, {})
        if len(rounds) >= 2 and len(offers) >= 2:
            by_round = [offers[r] for r in sorted(offers)]
            if by_round[-1] <= by_round[0] + 1e-9:
                return True
    return False


class EdgeOfZone(Strategy):
    """Tables its best package leaving every counterpart a margin over its walk-away value by
    the file's numbers (START in the first round, nothing in the last); accepts an offer worth
    its own package or, against a side that holds firm, what the deadline is likely to bring it,
    and in the last round anything above walking away."""

    name: ClassVar[str] = "edge"
    summary: ClassVar[str] = "its best package leaving the others a shrinking margin by the file's numbers"

    def __init__(self, scenario: Scenario | None = None, firm: float | None = None) -> None:
        self.scenario = scenario  # the file's central numbers (never a game's draw); None: none known
        # a margin it leaves the others in every round, in place of the falling one (the hard
        # agent's rehearsal plays edge at FIRM as a style of its own: game.ai.rehearsal)
        self.firm = firm
        self._space: _Space | None = None
        self._key: _Key | None = None

    def margin(self, view: View) -> float:
        """What it leaves the others this round: START in the venue's first round, falling
        evenly to nothing in its last (or its firm margin in every round)."""
        if self.firm is not None:
            return self.firm
        rounds = view.venue.rounds
        return START * (1 - (view.round - 1) / (rounds - 1)) if rounds > 1 else 0.0

    def _package(self, view: View) -> Package:
        import numpy as np

        # what the space is made of: an event may take an issue off the agenda or put one on, and
        # a side may declare a red line, with nothing settled and no one leaving
        key = (view.venue_index, view.settled, view.present, view.agenda, view.red_lines)
        if self._space is None or key != self._key:
            self._space, self._key = _Space(view, self.scenario), key
        space = self._space
        if not space.count:
            return ideal(view)  # past LIMIT (or nothing open)
        margin = self.margin(view)
        fits = space.least >= margin - 1e-9
        # none leaves them the margin: the one nearest to it
        row = int(np.argmax(np.where(fits, space.mine, -np.inf) if fits.any() else space.least))
        package = space.package(row)
        # never a package we would not sign ourselves
        return package if value_with(view, package) >= fallback(view) - 1e-9 else ideal(view)

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        # what the game would score: a partial package leaves the rest open at the walk-away value
        value, floor = value_with(view, proposal.package), fallback(view)
        if last_round(view) or view.closing:
            ok = value >= floor - 1e-9
            return respond(view, proposal, ok, "it beats walking away" if ok else "it is worth less than walking away")
        asked = max(floor, value_with(view, self._package(view)))
        if value >= asked - 1e-9:
            return respond(view, proposal, True, "as good as what we ask")
        if self._space is not None and _held_against(view):
            expected = self._space.deadline()
            # (where the deadline is likely to bring less than walking away, we would walk away then)
            if expected is not None and value >= max(floor, expected) - 1e-9:
                # less than our own package, but better than what the deadline is likely to bring
                return respond(view, proposal, True, "better than what the deadline is likely to bring")
        return respond(view, proposal, False, "less than we ask")

    def act(self, view: View, rng: Rng) -> Decision:
        if not proposed_this_round(view):
            decision = propose(view, self._package(view), "what we can sign and you can live with")
            if decision is not None:
                return decision
        return Decision(A.Pass(view.own.id), "we wait for answers")
