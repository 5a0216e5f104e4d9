"""The AI negotiator.

Its aspiration falls over the venue's time from the best it can get towards its walk-away value,
along the curve of its personality (Boulware holds out, a conceder gives early) and a little
faster when the others concede (reciprocity). It proposes the package that gives the others the
most, as far as it can read them, without going below that aspiration (logrolling: giving on what
matters little to it and much to them), and accepts an offer that beats what it would propose
next, or, as time runs out, anything better than walking away. Around that sit the politics:
patrons press stalling clients, hardliners walk out when support collapses, and a delegation
stays away from a venue whose likely outcome is worth less to it than its walk-away value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.ai.levels import DEFAULT_LEVEL, LEVELS, Level
from game.ai.opponent import Beliefs
from game.engine import actions as A
from game.engine.rng import Rng
from game.engine.state import PENDING, Proposal
from game.engine.utility import crossed_red_lines, utility, with_package
from game.engine.view import View

_SUPPORT_MARGIN = 12  # how close to collapse an agent lets its support fall before it stops conceding
_NOISE = 0.02  # how far an agent's aspiration wanders from game to game
_STALLING = 45  # momentum below which a patron starts pressing its clients
_WALKOUT_TRUST = 15  # a hot-tempered delegation leaves when its mean trust in the others falls below this
_PROVOKED_TRUST = 30  # below this trust in someone, a hot temper answers with hardline statements


@dataclass(frozen=True)
class Decision:
    action: A.Action
    reason: str


def choose(view: View, rng: Rng, level: Level | str = DEFAULT_LEVEL) -> Decision:
    """The next action of the delegation the view belongs to; it must be its turn."""
    if isinstance(level, str):
        level = LEVELS[level]
    me = view.own
    beliefs = Beliefs(view, level.learns)
    aim = aspiration(view, level, rng)
    for p in sorted(view.proposals, key=lambda p: (not p.draft, p.id)):
        if p.author != view.me and p.response_of(view.me) == PENDING:
            return answer(view, p, aim, level)
    if not view.ap:
        return Decision(A.Pass(me.id), "no action points left")
    if view.venue.attendance_optional and view.round == 1 and _should_boycott(view, beliefs):
        return Decision(A.Boycott(me.id), "what this congress is likely to give us is worth less than staying away")
    support = view.support[view.me]
    temper = me.personality.temper
    if support <= view.collapse_support + 3 and temper >= 0.7:
        return Decision(A.WalkOut(me.id), "our support at home has all but collapsed: the hardliners have won")
    if me.role in ("party", "guarantor") and temper >= 0.6 and _mean_trust(view) < _WALKOUT_TRUST:
        return Decision(A.WalkOut(me.id), "there is no one here we can trust to keep their word")
    if support <= view.collapse_support + _SUPPORT_MARGIN and me.role != "mediator":
        return Decision(A.Statement(me.id, "hardline"), "we must reassure our own side")
    provoked = _provoked_by(view, rng)
    if provoked is not None:
        return Decision(
            A.Statement(me.id, "hardline", view.delegations[provoked].id),
            f"we will not stay silent while {view.delegations[provoked].name} acts in bad faith",
        )
    if me.role == "mediator":
        return _mediate(view, beliefs, level, rng)
    if me.role == "observer":
        return _meet_or_pass(view, rng, level)
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    if not open_issues:
        return Decision(A.Pass(me.id), "nothing left to negotiate here")
    mine = next((p for p in view.proposals if p.author == view.me), None)
    to = tuple(view.delegations[s].id for s in counterparts(view))
    if to and (mine is None or mine.round < view.round):
        package = search_package(view, beliefs, aim, level)
        u = utility(me, with_package(view.deal, package))
        return Decision(
            A.Propose(me.id, tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in package), to),
            f"a package worth {u:.2f} to us that we believe the others can live with",
        )
    concession = _concession(view, mine.package if mine else ())
    if concession is not None:
        return concession
    if level.seeks_meetings:
        meeting = _meeting(view, rng)
        if meeting is not None:
            return meeting
    pressure = _pressure(view)
    if pressure is not None:
        return pressure
    return _meet_or_pass(view, rng, level)


# --- time and aspiration -----------------------------------------------------------------------


def progress(view: View) -> float:
    """How far through the venue we are, 0..1, measured at the middle of the current round."""
    return min(1.0, (view.round - 0.5) / view.venue.rounds)


def deadline(view: View) -> bool:
    return view.round >= view.venue.rounds


def best_possible(view: View) -> float:
    deal = list(view.deal)
    me = view.own
    for i in view.agenda:
        if view.settled[i] < 0:
            deal[i] = max(_allowed(view, i), key=lambda o: me.values[i][o])
    return utility(me, deal)


def aspiration(view: View, level: Level, rng: Rng) -> float:
    """What the agent holds out for now: from the best possible towards its reservation value."""
    me = view.own
    top = best_possible(view)
    floor = min(me.reservation, top)
    curve: float = progress(view) ** (1.0 / me.personality.exponent)
    aim = floor + (top - floor) * (1.0 - curve)
    # tit for tat: concessions the others made are answered with some of our own
    seen = sum(view.concessions[s] for s in counterparts(view))
    aim -= min(0.1, level.reciprocity * seen)
    aim += _NOISE * (2.0 * rng.random() - 1.0)
    return max(floor, min(top, aim))


# --- reading the others and searching packages -----------------------------------------------


def counterparts(view: View) -> list[int]:
    """Who a proposal goes to: every present signatory but us."""
    return [s for s in view.venue.signatories if s != view.me and view.present[s]]


def _allowed(view: View, issue: int) -> list[int]:
    red = view.own.red_lines[issue]
    return [o for o in range(len(view.issues[issue].options)) if o not in red]


def _acceptable(view: View, issue: int, others: list[int] | None = None) -> list[int]:
    """Options outside our red line and, where that leaves any, outside every counterpart's."""
    mine = _allowed(view, issue)
    others = counterparts(view) if others is None else others
    theirs = [o for o in mine if all(o not in view.red_lines[s][issue] for s in others)]
    return theirs or mine


def search_package(view: View, beliefs: Beliefs, aim: float, level: Level) -> tuple[tuple[int, int], ...]:
    """Hill-climb from our ideal towards what the others want, never below `aim` for us.

    Each step takes the one change of option that buys the others the most (estimated) value per
    unit of our own utility given up. An agent that does not logroll weighs every issue alike, for
    itself and for the others, and so trades less well.
    """
    me = view.own
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    others = counterparts(view)
    n_open = max(1, len(open_issues))
    deal = list(view.deal)
    # Per issue, computed once: the options to consider, and what the others together would
    # (we believe) gain from each.
    choices: dict[int, list[int]] = {}
    theirs: dict[int, list[float]] = {}
    for i in open_issues:
        choices[i] = options = _acceptable(view, i, others)
        mine = me.values[i]
        deal[i] = max(options, key=lambda o: (mine[o], -o))
        weights = [beliefs.weight(s, i) if level.logrolls else 1.0 / n_open for s in others]
        theirs[i] = [
            sum(w * beliefs.value(s, i, o) for s, w in zip(others, weights, strict=True))
            for o in range(len(view.issues[i].options))
        ]
    current = utility(me, deal)
    while True:
        best: tuple[float, int, int] | None = None
        for i in open_issues:
            values, weight, gains = me.values[i], me.weights[i], theirs[i]
            seen_weight = weight if level.logrolls else 1.0 / n_open
            here = deal[i]
            for o in choices[i]:
                drop = values[here] - values[o]
                if o == here or current - weight * drop < aim - 1e-12:
                    continue
                gain = gains[o] - gains[here]
                if gain <= 1e-12:
                    continue
                score = gain / max(seen_weight * drop, 1e-6)
                if best is None or score > best[0]:
                    best = (score, i, o)
        if best is None:
            break
        _, i, o = best
        current -= me.weights[i] * (me.values[i][deal[i]] - me.values[i][o])
        deal[i] = o
    return tuple((i, deal[i]) for i in open_issues)


# --- answering ----------------------------------------------------------------------------------


def answer(view: View, p: Proposal, aim: float, level: Level) -> Decision:
    me = view.own
    crossed = crossed_red_lines(me, p.package)
    if crossed:
        return _no(me.id, p.id, f"rejected: it crosses our red line on {view.issues[crossed[0]].name}")
    after = utility(me, with_package(view.deal, p.package))
    if level.reads_risk:
        # Holding out is worth less when the talks may collapse first: weigh the aspiration by
        # how much momentum is left.
        aim = me.reservation + (aim - me.reservation) * min(1.0, view.momentum / 60.0)
    # Signing with people one does not trust needs a margin: they may not keep their word.
    margin = me.personality.temper * max(0.0, 40.0 - _mean_trust(view)) / 200.0
    # ...and never more than the best this table could give it
    aim = min(aim + me.personality.temper * (50.0 - _mean_trust(view)) / 400.0, best_possible(view))
    if after < me.reservation - 1e-9:
        return _no(me.id, p.id, f"rejected: worth {after:.2f} to us, less than we would have by walking away")
    cost = home_cost(view, p.package)
    if view.support[view.me] - cost <= view.collapse_support + 2:
        return _no(me.id, p.id, f"rejected: we could not carry it at home (it would cost us {cost} support)")
    if after >= aim - 1e-9:
        return _yes(me.id, p.id, f"accepted: worth {after:.2f} to us, as good as anything we would propose now")
    if (deadline(view) or progress(view) >= level.patience) and after >= me.reservation + margin:
        return _yes(me.id, p.id, f"accepted: time is short, and {after:.2f} beats walking away")
    if margin > 0 and after < me.reservation + margin:
        return _no(me.id, p.id, f"rejected: worth {after:.2f} to us, too little to sign with partners we do not trust")
    return _no(me.id, p.id, f"rejected: worth {after:.2f} to us; we are holding out for {aim:.2f}")


def home_cost(view: View, package: tuple[tuple[int, int], ...]) -> int:
    """The support an agreement on this package would cost us, by the rules of the table."""
    me = view.own
    given_up = 0.0
    for i, o in package:
        position = view.positions[view.me][i]
        if position >= 0:
            given_up += me.weights[i] * max(0.0, me.values[i][position] - me.values[i][o])
    return math.ceil(view.rules.concession_cost * given_up / 2 - 1e-9)


def _mean_trust(view: View) -> float:
    """How far we trust the other signatories to keep a deal: half the average, half the least
    trusted of them, since one side that breaks its word can undo the whole agreement."""
    others = counterparts(view)
    if not others:
        return 50.0
    trusts = [view.my_trust[s] for s in others]
    return 0.5 * sum(trusts) / len(trusts) + 0.5 * min(trusts)


def _provoked_by(view: View, rng: Rng) -> int | None:
    """A hot temper answers bad faith in public, now and then: the least trusted counterpart."""
    me = view.own
    if me.role not in ("party", "guarantor") or me.personality.temper < 0.5:
        return None
    others = counterparts(view)
    if not others:
        return None
    worst = min(others, key=lambda s: (view.my_trust[s], s))
    trust = view.my_trust[worst]
    if trust >= _PROVOKED_TRUST:
        return None
    return worst if rng.random() < me.personality.temper * (_PROVOKED_TRUST - trust) / _PROVOKED_TRUST / 2 else None


def _yes(actor: str, proposal: int, reason: str) -> Decision:
    return Decision(A.Respond(actor, proposal, True), reason)


def _no(actor: str, proposal: int, reason: str) -> Decision:
    return Decision(A.Respond(actor, proposal, False), reason)


# --- the other moves ----------------------------------------------------------------------------


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
    if view.momentum > _STALLING:
        return None
    me = view.own
    best: tuple[float, int, int] | None = None
    for client, d in enumerate(view.delegations):
        if view.me not in d.patrons or not view.present[client] or view.support[client] <= view.collapse_support + 6:
            continue
        for i in view.agenda:
            mine, theirs = view.positions[view.me][i], view.positions[client][i]
            if view.settled[i] >= 0 or mine < 0 or theirs < 0 or mine == theirs:
                continue
            step = theirs + (1 if mine > theirs else -1)
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


def _mediate(view: View, beliefs: Beliefs, level: Level, rng: Rng) -> Decision:
    """The envoy tables one text a round: the package it believes the signatories can all bear."""
    me = view.own
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    mine = next((p for p in view.proposals if p.author == view.me), None)
    if open_issues and (mine is None or mine.round < view.round):
        package = _single_text(view, beliefs, open_issues)
        return Decision(
            A.Draft(me.id, tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in package)),
            "a single text that we believe every signatory can accept",
        )
    meeting = _meeting(view, rng)
    if meeting is not None:
        return meeting
    return Decision(A.Pass(me.id), "waiting for answers to the draft")


def _single_text(view: View, beliefs: Beliefs, open_issues: list[int]) -> tuple[tuple[int, int], ...]:
    """Coordinate ascent on the (estimated) Nash product of the signatories' utilities."""
    signers = counterparts(view)
    deal = list(view.deal)
    for i in open_issues:
        stated = sorted(view.positions[s][i] for s in signers if view.positions[s][i] >= 0)
        if stated:
            deal[i] = stated[len(stated) // 2]
        if deal[i] not in _acceptable(view, i):
            deal[i] = max(_acceptable(view, i), key=lambda o: view.own.values[i][o])

    def score(d: list[int]) -> float:
        return sum(math.log(0.05 + beliefs.utility(s, d)) for s in signers)

    for _ in range(3):
        changed = False
        for i in open_issues:
            best, best_score = deal[i], score(deal)
            for o in _acceptable(view, i):
                deal[i] = o
                value = score(deal)
                if value > best_score + 1e-12:
                    best, best_score = o, value
            changed |= deal[i] != best
            deal[i] = best
        if not changed:
            break
    return tuple((i, deal[i]) for i in open_issues)


def _meeting(view: View, rng: Rng) -> Decision | None:
    """A bilateral with a signatory whose priorities we have not yet learnt, early in the venue."""
    if progress(view) > 0.5:
        return None
    known = {subject for subject, _, _ in view.learned}
    strangers = [s for s in counterparts(view) if s not in known]
    if not strangers:
        return None
    other = strangers[rng.below(len(strangers))]
    return Decision(A.Meet(view.own.id, view.delegations[other].id), "to learn what they really want")


def _meet_or_pass(view: View, rng: Rng, level: Level) -> Decision:
    me = view.own
    known = {subject for subject, _, _ in view.learned}
    strangers = [d for d in range(len(view.delegations)) if d != view.me and view.present[d] and d not in known]
    if strangers and rng.random() < 0.5:
        other = strangers[rng.below(len(strangers))]
        return Decision(A.Meet(me.id, view.delegations[other].id), "to learn what they really want")
    return Decision(A.Pass(me.id), "nothing more to gain this turn")


def _should_boycott(view: View, beliefs: Beliefs) -> bool:
    """Stay away when the likely outcome (the envoy-style compromise) is worth less than walking away."""
    me = view.own
    if me.role in ("mediator", "observer") or me.personality.temper < 0.5:
        return False
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    likely = list(view.deal)
    for i, o in _single_text(view, beliefs, open_issues):
        likely[i] = o
    return utility(me, likely) < me.reservation
