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

from game.ai.levels import DEFAULT_LEVEL, LEVELS, Level
from game.ai.opponent import Beliefs
from game.ai.politics import (
    SUPPORT_MARGIN,
    concession,
    mediate,
    meet_or_pass,
    meeting,
    pressure,
    should_boycott,
)
from game.ai.reading import Decision, acceptable, best_possible, counterparts, deadline, heeded, progress
from game.engine import actions as A
from game.engine.legal import agreement_cost, may_draft, may_propose
from game.engine.rng import Rng
from game.engine.state import PENDING, Proposal
from game.engine.utility import crossed_red_lines, utility, with_package
from game.engine.view import View

_NOISE = 0.02  # how far an agent's aspiration wanders from game to game
_WALKOUT_TRUST = 15  # a hot-tempered delegation leaves when its mean trust in the others falls below this
_PROVOKED_TRUST = 30  # below this trust in someone, a hot temper answers with hardline statements


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
    if view.venue.attendance_optional and view.round == 1 and should_boycott(view, beliefs):
        return Decision(A.Boycott(me.id), "what this congress is likely to give us is worth less than staying away")
    support = view.support[view.me]
    temper = me.personality.temper
    if support <= view.collapse_support + 3 and temper >= 0.7:
        return Decision(A.WalkOut(me.id), "our support at home has all but collapsed: the hardliners have won")
    if may_propose(me.role) and temper >= 0.6 and _mean_trust(view) < _WALKOUT_TRUST:
        return Decision(A.WalkOut(me.id), "there is no one here we can trust to keep their word")
    if support <= view.collapse_support + SUPPORT_MARGIN and not may_draft(me.role):
        return Decision(A.Statement(me.id, "hardline"), "we must reassure our own side")
    provoked = _provoked_by(view, rng)
    if provoked is not None:
        return Decision(
            A.Statement(me.id, "hardline", view.delegations[provoked].id),
            f"we will not stay silent while {view.delegations[provoked].name} acts in bad faith",
        )
    if may_draft(me.role):
        return mediate(view, beliefs, level, rng)
    if not may_propose(me.role):  # an observer
        return meet_or_pass(view, rng, level)
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
    gesture = concession(view, mine.package if mine else ())
    if gesture is not None:
        return gesture
    if level.seeks_meetings:
        bilateral = meeting(view, rng)
        if bilateral is not None:
            return bilateral
    pressing = pressure(view)
    if pressing is not None:
        return pressing
    return meet_or_pass(view, rng, level)


# --- time and aspiration -----------------------------------------------------------------------


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


# --- searching packages ------------------------------------------------------------------------


def search_package(view: View, beliefs: Beliefs, aim: float, level: Level) -> tuple[tuple[int, int], ...]:
    """Hill-climb from our ideal towards what the others want, never below `aim` for us.

    Each step takes the one change of option that buys the others the most (estimated) value per
    unit of our own utility given up. An agent that does not logroll weighs every issue alike, for
    itself and for the others, and so trades less well.
    """
    me = view.own
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    others = counterparts(view)
    weighed = others + heeded(view)  # whose gains count: the signatories, and any observer we heed
    n_open = max(1, len(open_issues))
    deal = list(view.deal)
    # Per issue, computed once: the options to consider, and what the others together would
    # (we believe) gain from each.
    choices: dict[int, list[int]] = {}
    theirs: dict[int, list[float]] = {}
    for i in open_issues:
        choices[i] = options = acceptable(view, i, others)
        mine = me.values[i]
        deal[i] = max(options, key=lambda o: (mine[o], -o))
        weights = [beliefs.weight(s, i) if level.logrolls else 1.0 / n_open for s in weighed]
        theirs[i] = [
            sum(w * beliefs.value(s, i, o) for s, w in zip(weighed, weights, strict=True))
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
    return agreement_cost(view.rules, view.own, view.positions[view.me], package)


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
    if not may_propose(me.role) or me.personality.temper < 0.5:
        return None
    if view.ap < view.venue.action_points:
        return None  # one outburst a turn at most, before anything else is done with it
    others = counterparts(view)
    if not others:
        return None
    worst = min(others, key=lambda s: (view.my_trust[s], s))
    trust = view.my_trust[worst]
    if trust >= _PROVOKED_TRUST:
        return None
    return worst if rng.random() < me.personality.temper * (_PROVOKED_TRUST - trust) / _PROVOKED_TRUST else None


def _yes(actor: str, proposal: int, reason: str) -> Decision:
    return Decision(A.Respond(actor, proposal, True), reason)


def _no(actor: str, proposal: int, reason: str) -> Decision:
    return Decision(A.Respond(actor, proposal, False), reason)
