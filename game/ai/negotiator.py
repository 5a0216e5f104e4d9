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

from game.ai.deck import support_bound, threatening_card
from game.ai.estimate import acceptance_chance
from game.ai.levels import DEFAULT_LEVEL, LEVELS, Level
from game.ai.offers import aspiration, best_bet, held_share, proposal, still_to_win
from game.ai.opponent import Beliefs
from game.ai.planning import Plan, patient, plan, read_sides
from game.ai.politics import (
    SUPPORT_MARGIN,
    concession,
    mediate,
    meet_or_pass,
    meeting,
    pressure,
    should_boycott,
)
from game.ai.reading import (
    ULTIMATUM_SHARE,
    Decision,
    best_possible,
    bleed_rate,
    counterparts,
    deadline,
    fallback,
    next_round_chance,
    progress,
    stonewalled,
    value_with,
)
from game.ai.trend import offers_rising
from game.ai.words import band
from game.engine import actions as A
from game.engine.legal import agreement_cost, may_draft, may_propose
from game.engine.rng import Rng
from game.engine.state import PENDING, REJECTED, Proposal
from game.engine.utility import crossed_red_lines
from game.engine.view import View

_NOISE = 0.02  # how far an agent's aspiration wanders from game to game
_WALKOUT_TRUST = 15  # a hot-tempered delegation leaves when its mean trust in the others falls below this
_EDGE = 0.08  # how much more than its aspiration waiting must be worth before a planner holds out
_PROVOKED_TRUST = 30  # below this trust in someone, a hot temper answers with hardline statements
# Support this many times SUPPORT_MARGIN above collapse is more than a side needs at home (see
# secure_at_home): at astana-8 the government starts 62 above it, the opposition 35
_SECURE = 3
# the least chance, by the calibrated estimate, that a better offer before us passes for a side
# that time presses to refuse a worse one it would sign (better_alive)
_BETTER_CHANCE = 0.15
_PRESSED = 1.2  # ...and how much more than the others on average a round must cost it


def choose(view: View, rng: Rng, level: Level | str = DEFAULT_LEVEL) -> Decision:
    """The next action of the delegation the view belongs to; it must be its turn."""
    if isinstance(level, str):
        level = LEVELS[level]
    me = view.own
    beliefs = Beliefs(view, level.learns)
    noise = _NOISE * (2.0 * rng.random() - 1.0)
    # the aspiration (a pure function of the view) is worked out only where a move reads it:
    # answering and proposing, about half the moves
    for p in sorted(view.proposals, key=lambda p: (not p.draft, p.id)):
        if p.author != view.me and p.response_of(view.me) == PENDING:
            aim = aspiration(view, level, noise)
            held = None
            if level.plans and not p.draft:
                held = _wary(view, beliefs, level, plan(view, beliefs, level), aim)
                if _holds_out(held, aim):
                    return answer(view, p, held.waiting, level, beliefs, noise, planned=True)
            said = answer(view, p, aim, level, beliefs, noise, held=held)
            if level.picks_better and _signs(said) and better_alive(view, p, aim, level, beliefs, noise, held):
                return _no(me.id, p.id, "rejected: a better offer before us can still pass")
            return said
    if not view.ap:
        return Decision(A.Pass(me.id), "no action points left")
    guarded = support_bound(view) if level.guards_support else None
    if (level.heads_off and threatening_card(view) is not None) or _guard_now(view, guarded):
        # before the card can come up: a statement lifts our support towards what it needs
        return Decision(A.Statement(me.id, "hardline"), "we must show our own side we will not be taken for granted")
    if view.venue.attendance_optional and view.round == 1 and should_boycott(view, beliefs, level):
        return Decision(A.Boycott(me.id), "what this congress is likely to give us is worth less than staying away")
    support = view.support[view.me]
    temper = me.personality.temper
    if support <= view.collapse_support + 3 and temper >= 0.7:
        return Decision(A.WalkOut(me.id), "our support at home has all but collapsed: the hardliners have won")
    if may_propose(me.role) and temper >= 0.6 and _mean_trust(view) < _WALKOUT_TRUST:
        return Decision(A.WalkOut(me.id), "there is no one here we can trust to keep their word")
    if support <= view.collapse_support + SUPPORT_MARGIN and not may_draft(me.role):
        return Decision(A.Statement(me.id, "hardline"), "we must reassure our own side")
    provoked = None if level.keeps_temper and secure_at_home(view) else _provoked_by(view, rng)
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
    # a level that does not lead still opens: in a venue's first round it tables its own package
    leading = level.leads or (level.opens and view.round == 1) or not _offered_this_round(view)
    if to and (mine is None or mine.round < view.round) and leading:
        aim = aspiration(view, level, noise)  # a pure function of the view: worked out once
        planned = _planned_offer(view, beliefs, level, aim)
        if planned is not None:
            return planned
        if level.bets and view.rules.delay_cost > 0:
            # where waiting is free, a refusal costs nothing and every bet says ask more: in the
            # authoring guide's example (no cost of time) that halved the hard agent's deals
            package, partial = best_bet(view, beliefs, aim, level, noise, rng)
        else:
            package, partial = proposal(view, beliefs, aim, level, rng)
        ids = tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in package)
        if partial:
            left = [view.issues[i].name for i in open_issues if all(i != j for j, _ in package)]
            why = f"what we can settle now, leaving {', '.join(left)} for later"
        else:
            why = "a package we believe the others can live with"
        return Decision(A.Propose(me.id, ids, to), why)
    # a guard makes no gesture that would bring its support back down to the card's bound
    gesture = concession(view, mine.package if mine else (), guarded) if level.gestures else None
    if gesture is not None:
        return gesture
    if level.seeks_meetings:
        bilateral = meeting(view, rng)
        if bilateral is not None:
            return bilateral
    pressing = pressure(view) if level.presses else None
    if pressing is not None:
        return pressing
    return meet_or_pass(view, rng, level)


def _guard_now(view: View, bound: int | None) -> bool:
    """Whether a card that would take us from the table reads our support at or below `bound`
    (game.ai.deck.support_bound), our support is there now, and the statements this turn's
    action points allow would lift it above: one statement at a time, until it is."""
    if bound is None:
        return False
    support = view.support[view.me]
    return support <= bound < support + view.ap * view.rules.hardline_support


def _offered_this_round(view: View) -> bool:
    """Whether someone else has put an offer or a text on the table this round: a level that
    does not lead (easy) answers it and waits rather than tabling its own package."""
    return any(p.author != view.me and p.round == view.round for p in view.proposals)


def _planned_offer(view: View, beliefs: Beliefs, level: Level, aim: float) -> Decision | None:
    """A planner's offer where it holds out: what a later round would give it (else None, and
    it offers as the normal agent does, at its aspiration)."""
    if not level.plans:
        return None
    chosen = _wary(view, beliefs, level, plan(view, beliefs, level), aim)
    to = tuple(view.delegations[s].id for s in counterparts(view))
    if chosen.later is None or not _holds_out(chosen, aim):
        return None
    package, why = chosen.later, "what we hold out for: time is on our side"
    ids = tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in package)
    return Decision(A.Propose(view.own.id, ids, to), why)


def _wary(view: View, beliefs: Beliefs, level: Level, chosen: Plan, aim: float) -> Plan:
    """The plan to act on. Where the plan as it stands says hold out, the plan again counting
    the margin that sides distrusting us ask (planning.plan's `wary`): holding out is a
    commitment, made only where it holds with that margin too, and what waiting is worth is
    then read from that plan. Worked out only there, which is seldom."""
    return plan(view, beliefs, level, wary=True) if _holds_out(chosen, aim) else chosen


def _holds_out(chosen: Plan, aim: float) -> bool:
    """Whether the planner holds out: where time is on its side, and waiting is worth clearly
    more than what it would settle for now (our reading of the others is rough: a small edge
    is not worth a round's toll and the risk that the talks end)."""
    return chosen.patient and chosen.waiting > aim + _EDGE


# --- answering ----------------------------------------------------------------------------------


def answer(
    view: View,
    p: Proposal,
    aim: float,
    level: Level,
    beliefs: Beliefs | None = None,
    noise: float = 0.0,
    planned: bool = False,
    held: Plan | None = None,
) -> Decision:
    """Accept or reject. `aim` is what we hold out for; `planned`, that it is a plan's value of
    waiting (game.ai.planning), which already weighs the risk and the toll of waiting; `held`, a
    planner's plan where it does not hold out, a second reading of what waiting is worth."""
    me = view.own
    beliefs = beliefs or Beliefs(view, level.learns)
    crossed = crossed_red_lines(me, p.package)
    if crossed:
        return _no(me.id, p.id, f"rejected: it crosses our red line on {view.issues[crossed[0]].name}")
    after = value_with(view, p.package)
    floor = fallback(view)
    # Signing with people one does not trust needs a margin: they may not keep their word.
    margin = me.personality.temper * max(0.0, 40.0 - _mean_trust(view)) / 200.0
    # ...and never more than the best this table could give it
    aim = min(aim + me.personality.temper * (50.0 - _mean_trust(view)) / 400.0, best_possible(view))
    if after < floor - 1e-9:
        return _no(me.id, p.id, "rejected: it would leave us worse off than no deal")
    cost = home_cost(view, p.package)
    if view.support[view.me] - cost <= view.collapse_support + 2 and not (
        level.signs_at_any_cost and _settles_the_game(view, p.package)
    ):
        return _no(me.id, p.id, "rejected: we could not carry it at home")
    # A partial package is judged with what we can still hope to win on the issues it leaves open.
    left = [i for i in view.agenda if view.settled[i] < 0 and all(i != j for j, _ in p.package)]
    projected = after + held_share(view, aim) * still_to_win(view, left) if left else after
    words = band(projected, floor, aim)
    # checked before our aim, which falls to our walk-away value at the deadline: that is when a
    # stonewaller's ultimatum comes
    if level.refuses_ultimatums and _lopsided(view, p, beliefs, after, floor):
        return _no(me.id, p.id, "rejected: a take-it-or-leave-it offer from a side that has refused everything")
    # a naive level takes the first offer that is good enough, without asking whether waiting pays
    if level.satisfices >= 0 and after >= floor + margin + level.satisfices * (best_possible(view) - floor):
        return _yes(me.id, p.id, "accepted: good enough for us")
    if projected >= aim - 1e-9:
        return _yes(me.id, p.id, f"accepted: {words}")
    chance, bleeding = next_round_chance(view), bleed_rate(view)
    # where time is on our side (game.ai.planning), offers put to us that rise round on round
    # mean the others are conceding: waiting pays
    rising = level.reads_trend and offers_rising(view, p) and patient(view, read_sides(view, beliefs))
    if level.weighs_waiting and not planned and not rising and (chance < 1.0 or bleeding > 0) and not deadline(view):
        # what waiting is worth: next round's aspiration if the talks go on, else what we have,
        # less what the status quo costs us meanwhile (where waiting is free, we wait)
        later = chance * aspiration(view, level, noise, ahead=1) + (1.0 - chance) * floor - bleeding
        if held is not None and held.later is not None:
            # a planner also reads what waiting is worth from the others: the best package its
            # model of them says they would all take in a later round, weighed by the risk and
            # the toll until then. Our own curve says what we would ask next round, not what
            # the table would give. The hard agent's curve falls faster than the normal one's
            # (it gives back more for the others' concessions): by it alone, it settled in games
            # where the normal agent held out, and lost by it (docs/AI.md, "What waiting is worth")
            later = max(later, held.waiting)
        if after >= floor + margin and projected - bleed_rate(view, left) >= later - 1e-9:
            return _yes(me.id, p.id, "accepted: waiting for better is not worth the risk that the talks end")
    # the end is near: the last round, late in the venue, or (for a level that reads the clock)
    # so likely to come after this round that waiting is a gamble
    late = deadline(view) or progress(view) >= level.patience or next_round_chance(view) < level.gamble
    late = deadline(view) if planned else late
    if late and after >= floor + margin:
        return _yes(me.id, p.id, "accepted: time is short, and it beats walking away")
    if margin > 0 and after < floor + margin:
        return _no(me.id, p.id, "rejected: too little to sign with partners we do not trust")
    return _no(me.id, p.id, f"rejected: {words}")


def _settles_the_game(view: View, package: tuple[tuple[int, int], ...]) -> bool:
    """Whether agreeing `package` would settle every open issue of the game's last venue: by the
    rules such a text stands even where what it costs at home then pulls a signatory out."""
    if view.venues_left:
        return False
    named = {i for i, _ in package}
    return all(i in named for i in view.agenda if view.settled[i] < 0)


def _signs(said: Decision) -> bool:
    return isinstance(said.action, A.Respond) and said.action.accept


def better_alive(
    view: View,
    p: Proposal,
    aim: float,
    level: Level,
    beliefs: Beliefs,
    noise: float = 0.0,
    held: Plan | None = None,
) -> bool:
    """Whether, where time is clearly against us (a round costs us over _PRESSED times what it
    costs the others on average), another offer before us is worth more to us than `p`,
    would be signed by us too, and can still pass: nobody has refused it, and the sides still to
    answer it accept it with a fair chance (the calibrated estimate, `_BETTER_CHANCE` for all of
    them together).

    Several offers are often before a side at once, and a yes to each lets the table settle on
    whichever the last signatory completes first, not the best for us. At astana-8 most
    agreements carry another side's package, and the opposition, which bleeds most, gains by
    choosing among them (docs/AI.md, "Picking the better offer"). A side that is patient, or
    only just impatient, loses by it: measured in Iran's seat at astana-8, where the reading of
    who is patient turns in some games."""
    sides = read_sides(view, beliefs)
    if not sides or bleed_rate(view) <= _PRESSED * sum(s.bleed for s in sides) / len(sides):
        return False
    worth = value_with(view, p.package)
    for q in view.proposals:
        if q.id == p.id or q.author == view.me or q.response_of(view.me) != PENDING:
            continue
        if any(r == REJECTED for r in q.responses) or value_with(view, q.package) <= worth + 1e-9:
            continue
        chance = 1.0
        for who, r in zip(q.to, q.responses, strict=True):
            if r == PENDING and who != view.me:
                chance *= acceptance_chance(view, who, q.package)
        if chance >= _BETTER_CHANCE and _signs(answer(view, q, aim, level, beliefs, noise, held=held)):
            return True
    return False


def _lopsided(view: View, p: Proposal, beliefs: Beliefs, after: float, floor: float) -> bool:
    """An ultimatum people refuse: from a side that has refused everything and conceded nothing,
    an offer that gives us little of what we could still gain while giving its author nearly
    all it could want on those issues. Refusing costs us a little now; it is what stops a
    stonewaller from collecting at the deadline what everyone else conceded."""
    me, author = view.own, p.author
    if p.draft or author == view.me or not stonewalled(view, author):
        return False
    top = best_possible(view)
    my_share = (after - floor) / (top - floor) if top > floor + 1e-9 else 1.0
    theirs = their_possible = 0.0
    for i, o in p.package:
        here = view.deal[i]
        w = beliefs.weight(author, i)
        theirs += w * (beliefs.value(author, i, o) - beliefs.value(author, i, here))
        their_possible += w * (1.0 - beliefs.value(author, i, here))
    their_share = theirs / their_possible if their_possible > 1e-9 else 0.0
    return my_share < ULTIMATUM_SHARE and their_share > 0.8 and not may_draft(me.role)


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


def secure_at_home(view: View) -> bool:
    """Whether our support stands so far above collapse that we need none of what an outburst
    buys. A hardline statement at the side we trust least buys support at home, at the price of
    that side's trust in us and of the talks' momentum; a side with support to spare pays that
    price for nothing, and the trust it costs raises the margin that side asks of every offer
    before it signs with us (answer's margin). At astana-8 the government's outbursts at the
    opposition cost the hard agent 0.027 a game (docs/AI.md, "Keeping one's temper")."""
    return view.support[view.me] - view.collapse_support > _SECURE * SUPPORT_MARGIN


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
