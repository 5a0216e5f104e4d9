"""The baseline negotiator: time-dependent concession plus a logrolling search over packages.

Its aspiration falls from the best it can get towards its reservation value along the curve of
its personality (Boulware holds out, a conceder gives early); it proposes the package that gives
the others the most, as far as it can read them from their public positions and what it learnt in
meetings, without going below that aspiration; and it accepts what beats its aspiration.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import actions as A
from game.engine.rng import Rng
from game.engine.state import PENDING
from game.engine.utility import crossed_red_lines, utility, with_package
from game.engine.view import View

_SUPPORT_MARGIN = 12  # how close to collapse an AI lets its support fall before it stops conceding


@dataclass(frozen=True)
class Decision:
    action: A.Action
    reason: str


def choose(view: View, rng: Rng) -> Decision:
    """The next action of the delegation the view belongs to. Must be its turn."""
    me = view.own
    for p in sorted(view.proposals, key=lambda p: (not p.draft, p.id)):
        if p.author != view.me and p.response_of(view.me) == PENDING:
            return _answer(view, p.id, p.package)
    if not view.ap:
        return Decision(A.Pass(me.id), "no action points left")
    if view.venue.attendance_optional and view.round == 1 and _should_boycott(view):
        return Decision(A.Boycott(me.id), "the likely outcome here is worth less to us than staying away")
    if view.support[view.me] <= view.collapse_support + 3 and me.personality.temper >= 0.7:
        return Decision(A.WalkOut(me.id), "our support at home has all but collapsed")
    if view.support[view.me] <= view.collapse_support + _SUPPORT_MARGIN and me.role != "mediator":
        return Decision(A.Statement(me.id, "hardline"), "we must reassure our own side")
    role = me.role
    if role == "mediator":
        return _mediate(view)
    if role == "observer":
        return _meet_or_pass(view, rng)
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    if not open_issues:
        return Decision(A.Pass(me.id), "nothing left to negotiate here")
    mine = [p for p in view.proposals if p.author == view.me]
    if not mine:
        package = search_package(view, target(view))
        to = tuple(view.delegations[s].id for s in _counterparts(view))
        if to:
            u = utility(me, with_package(view.deal, package))
            return Decision(
                A.Propose(me.id, tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in package), to),
                f"a package worth {u:.2f} to us that we believe the others can live with",
            )
    concession = _concession(view, mine[0].package if mine else ())
    if concession is not None:
        return concession
    pressure = _pressure(view)
    if pressure is not None:
        return pressure
    return _meet_or_pass(view, rng)


def progress(view: View) -> float:
    """How far through the venue's time we are, 0..1, as the concession curve reads it."""
    return min(1.0, view.round / view.venue.rounds)


def best_possible(view: View) -> float:
    deal = list(view.deal)
    me = view.own
    for i in view.agenda:
        if view.settled[i] < 0:
            deal[i] = max(_allowed(view, i), key=lambda o: me.values[i][o])
    return utility(me, deal)


def target(view: View) -> float:
    """The aspiration now: from the best possible towards the reservation value."""
    me = view.own
    top = best_possible(view)
    floor = min(me.reservation, top)
    t = progress(view)
    curve: float = t ** (1.0 / me.personality.exponent)
    return floor + (top - floor) * (1.0 - curve)


def _allowed(view: View, issue: int) -> list[int]:
    red = view.own.red_lines[issue]
    return [o for o in range(len(view.issues[issue].options)) if o not in red]


def _counterparts(view: View) -> list[int]:
    """Who a proposal goes to: every present signatory but us."""
    return [s for s in view.venue.signatories if s != view.me and view.present[s]]


def estimated_value(view: View, who: int, issue: int, option: int) -> float:
    """What we believe `who` thinks of an option: near its public position is good for it."""
    position = view.positions[who][issue]
    if position < 0:
        return 0.5
    span = max(1, len(view.issues[issue].options) - 1)
    return 1.0 - abs(option - position) / span


def estimated_weight(view: View, who: int, issue: int) -> float:
    for subject, i, weight in view.learned:
        if subject == who and i == issue:
            return weight
    stated = sum(1 for p in view.positions[who] if p >= 0)
    return 1.0 / stated if view.positions[who][issue] >= 0 and stated else 0.0


def search_package(view: View, aim: float) -> tuple[tuple[int, int], ...]:
    """Hill-climb from our ideal towards what the others want, never below `aim` for us.

    Each step takes the single change of option that buys the others the most estimated
    value per unit of our own utility given up: that is logrolling, giving on what matters
    little to us and much to them.
    """
    me = view.own
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    deal = list(view.deal)
    for i in open_issues:
        deal[i] = max(_allowed(view, i), key=lambda o: (me.values[i][o], -o))
    others = _counterparts(view)
    weights = {(s, i): estimated_weight(view, s, i) for s in others for i in open_issues}
    current = utility(me, deal)
    while True:
        best: tuple[float, int, int] | None = None
        for i in open_issues:
            for o in _allowed(view, i):
                if o == deal[i]:
                    continue
                loss = me.weights[i] * (me.values[i][deal[i]] - me.values[i][o])
                if current - loss < aim - 1e-12:
                    continue
                gain = sum(
                    weights[(s, i)] * (estimated_value(view, s, i, o) - estimated_value(view, s, i, deal[i]))
                    for s in others
                )
                if gain <= 1e-12:
                    continue
                score = gain / max(loss, 1e-6)
                if best is None or score > best[0]:
                    best = (score, i, o)
        if best is None:
            break
        _, i, o = best
        current -= me.weights[i] * (me.values[i][deal[i]] - me.values[i][o])
        deal[i] = o
    return tuple((i, deal[i]) for i in open_issues)


def _answer(view: View, proposal: int, package: tuple[tuple[int, int], ...]) -> Decision:
    me = view.own
    crossed = crossed_red_lines(me, package)
    if crossed:
        name = view.issues[crossed[0]].name
        return Decision(A.Respond(me.id, proposal, False), f"rejected: it crosses our red line on {name}")
    after = utility(me, with_package(view.deal, package))
    now = utility(me, view.deal)
    aim = target(view)
    if after < now:
        return Decision(A.Respond(me.id, proposal, False), "rejected: it leaves us worse off than no agreement")
    if after >= aim - 1e-9:
        return Decision(
            A.Respond(me.id, proposal, True), f"accepted: worth {after:.2f} to us, as much as we could hope for now"
        )
    if progress(view) >= 1.0 and after >= me.reservation:
        return Decision(A.Respond(me.id, proposal, True), "accepted: time is running out and it beats walking away")
    return Decision(
        A.Respond(me.id, proposal, False), f"rejected: worth {after:.2f} to us; we are holding out for {aim:.2f}"
    )


def _concession(view: View, package: tuple[tuple[int, int], ...]) -> Decision | None:
    """Bring a public position into line with what we already offered, if support allows."""
    me = view.own
    headroom = view.support[view.me] - view.collapse_support - _SUPPORT_MARGIN
    best: tuple[float, int, int] | None = None
    for i, o in package:
        position = view.positions[view.me][i]
        if position < 0 or position == o or o in me.red_lines[i]:
            continue
        # one step at a time: concessions are made visibly, not all at once
        step = position + (1 if o > position else -1)
        drop = me.values[i][position] - me.values[i][step]
        cost = me.weights[i] * drop * 100
        if drop > 0 and cost < headroom and (best is None or cost < best[0]):
            best = (cost, i, step)
    if best is None:
        return None
    _, i, step = best
    issue = view.issues[i]
    return Decision(
        A.Concede(me.id, issue.id, issue.options[step].id), f"a gesture on {issue.name} that costs us little"
    )


def _pressure(view: View) -> Decision | None:
    """A patron presses a client that holds out far from the patron's own position."""
    if view.momentum > 45:
        return None
    me = view.own
    best: tuple[float, int, int] | None = None
    for client, d in enumerate(view.delegations):
        if view.me not in d.patrons or not view.present[client]:
            continue
        for i in view.agenda:
            mine, theirs = view.positions[view.me][i], view.positions[client][i]
            if view.settled[i] >= 0 or mine < 0 or theirs < 0 or mine == theirs:
                continue
            step = theirs + (1 if mine > theirs else -1)
            if view.support[client] <= view.collapse_support + 6:
                continue
            gain = me.weights[i] * (me.values[i][step] - me.values[i][theirs])
            if gain > 0 and (best is None or gain > best[0]):
                best = (gain, client, i)
    if best is None:
        return None
    _, client, i = best
    return Decision(
        A.Pressure(me.id, view.delegations[client].id, view.issues[i].id),
        f"the talks are stalling; our client must move on {view.issues[i].name}",
    )


def _mediate(view: View) -> Decision:
    me = view.own
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    if not open_issues or any(p.author == view.me for p in view.proposals):
        return Decision(A.Pass(me.id), "waiting for answers to the draft")
    signers = [s for s in view.venue.signatories if view.present[s] and s != view.me]
    package = []
    for i in open_issues:
        stated = sorted(view.positions[s][i] for s in signers if view.positions[s][i] >= 0)
        if stated:
            # the median of the stated positions: the text the most delegations can stand nearest to
            option = stated[len(stated) // 2] if view.round % 2 else stated[(len(stated) - 1) // 2]
        else:
            option = max(_allowed(view, i), key=lambda o: me.values[i][o])
        if option in me.red_lines[i]:
            option = max(_allowed(view, i), key=lambda o: me.values[i][o])
        package.append((view.issues[i].id, view.issues[i].options[option].id))
    return Decision(A.Draft(me.id, tuple(package)), "a single text drawn from where the parties stand")


def _meet_or_pass(view: View, rng: Rng) -> Decision:
    me = view.own
    known = {subject for subject, _, _ in view.learned}
    strangers = [d for d in range(len(view.delegations)) if d != view.me and view.present[d] and d not in known]
    if strangers and view.ap >= 1 and rng.random() < 0.5:
        other = strangers[rng.below(len(strangers))]
        return Decision(A.Meet(me.id, view.delegations[other].id), "to learn what they really want")
    return Decision(A.Pass(me.id), "nothing more to gain this turn")


def _should_boycott(view: View) -> bool:
    me = view.own
    if me.role in ("mediator", "observer") or me.personality.temper < 0.5:
        return False
    # judge the table by the middle of everyone's opening positions
    deal = list(view.deal)
    for i in view.agenda:
        stated = sorted(view.positions[s][i] for s in view.venue.signatories if view.positions[s][i] >= 0)
        if stated:
            deal[i] = stated[len(stated) // 2]
    return utility(me, deal) < me.reservation
