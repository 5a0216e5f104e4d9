"""Holding out: where a planner (Level.plans) answers an offer by its plan's hold-out rather than
its aim, and where it tables what a later round would give it. The plan reads who can wait
(game.ai.planning); the gates here decide when its reading is acted on: an edge worth a round's
toll, the margin distrust asks, refusals of what it would ask, a counterpart that has come our
way or not yet spoken. Split from game/ai/negotiator.py (5 December 2026), which asks these two
questions and does everything else a turn does."""

from __future__ import annotations

from game.ai.answering import answer, better_alive, say_no, signs
from game.ai.early import first_round_hold
from game.ai.levels import Level
from game.ai.offers import aspiration
from game.ai.opponent import Beliefs
from game.ai.planning import Plan, plan
from game.ai.reading import Decision, before_me, closing_backs, counterparts, last_round
from game.ai.repeats import asks_past_refusal, came_our_way
from game.ai.sure import keeps_sure_deal
from game.ai.table_estimate import unanswered
from game.engine import actions as A
from game.engine.rng import Rng
from game.engine.state import Proposal
from game.engine.view import View

_NOISE = 0.02  # how far an agent's aspiration wanders from game to game
_EDGE = 0.08  # how much more than its aspiration waiting must be worth before a planner holds out


def answer_offer(view: View, p: Proposal, level: Level, beliefs: Beliefs, noise_rng: Rng) -> Decision:
    """Our answer to `p` by our aim, or our plan's hold-out, and the better offer before us."""
    me = view.own
    noise = aim_noise(noise_rng)
    aim = aspiration(view, level, noise)
    hold = first_round_hold(view, level)
    if hold > aim:
        # the others are read from the prior alone: we hold out as a plan does
        return answer(view, p, hold, level, beliefs, noise, planned=True)
    held = None
    if level.plans and not p.draft and not (level.answers_unread and _plan_unread(view)):
        held = plan(view, beliefs, level)
        # where time costs no toll late at a table of several, we answer by our aim, the plan's
        # value of waiting still read through `held` (Level.answers_free_time); a table of two,
        # where Level.holds_below_refusals reads, never is such a table
        # where the counterpart has come our way with this offer at the game's last venue, two
        # rounds or more before its end, we answer by our aim too (Level.answers_moved)
        if not (level.answers_free_time and _free_time_late(view)) and not (
            level.answers_moved and _moved_our_way(view, p)
        ):
            bar = hold_bar(view, level, noise, aim)
            held = _wary(view, beliefs, level, held, bar)
            if _holds_out(view, level, held, bar):
                if not _refused_hold_out(view, level, held):
                    return answer(view, p, held.waiting, level, beliefs, noise, planned=True)
                # the plan's package asks no less than packages the counterpart refused here in
                # two rounds (or, with holds_below_any_refusals, the counterpart refused here in any
                # two rounds): we answer by our own curve, the plan's value of waiting unread, as
                # without `plans` (docs/lab/agents.md, "A hold-out asking what was refused", "Any
                # two refusals")
                held = None
    said = answer(view, p, aim, level, beliefs, noise, held=held)
    if (
        level.picks_better
        and signs(said)
        and better_alive(view, p, aim, level, beliefs, noise, held)
        and not (level.keeps_sure_deal and keeps_sure_deal(view, p, beliefs, level.keeps_sure_over_refused))
    ):
        return say_no(me.id, p.id, "rejected: a better offer before us can still pass")
    return said


def _plan_unread(view: View) -> bool:
    """Whether we answer by our own curve, the plan unread (Level.answers_unread): at the game's
    last venue, at a table of two whose counterpart has answered nothing there yet (the side
    table_estimate.unanswered names: the plan reads its floor from the prior alone), with three
    rounds or more of the venue left after this one. Read until the counterpart's answers in two
    rounds, it cost timed-18 d0 0.026 (a venue of five rounds, we speaking first: the plan's
    round-2 hold-out pays there); at a venue of three rounds it cost timed-20 d1 0.022, and before
    a campaign's last venue timed-10 d0 0.163 (docs/lab/agents.md, "The plan's first answers at a
    long last venue"). The rounds left are read to the venue's last round as it now stands
    (reading.last_round): a closing session has none after it, as united_against reads them."""
    return not view.venues_left and bool(unanswered(view)) and last_round(view) - view.round >= 3


def _moved_our_way(view: View, p: Proposal) -> bool:
    """Whether we answer `p` by our aim, not by the plan's hold-out (Level.answers_moved): at the
    game's last venue, at a table of two, with two rounds or more of the venue left after this
    one (reading.last_round), `p`'s author, the one counterpart (not a mediator's or a
    guarantor's text), has come our way with it at this venue (repeats.came_our_way). The plan
    counts on the counterpart conceding along the model's curve over the rounds left; its offer,
    better than one it put to us before, is what it concedes by its own reading. In the venue's
    last two rounds the counterpart's deadline concession is a round away, and the plan's
    hold-out reads it (docs/lab/agents.md, "An offer that came our way")."""
    return (
        not view.venues_left
        and counterparts(view) == [p.author]
        and last_round(view) - view.round >= 2
        and came_our_way(view, p)
    )


def _refused_hold_out(view: View, level: Level, chosen: Plan) -> bool:
    """Level.holds_below_refusals: where the plan reads time on our side, its package asks no
    less than packages the counterpart refused at this venue in two rounds, or, with
    Level.holds_below_any_refusals, any two rounds of the counterpart's refusals at this venue,
    whatever the packages refused (game.ai.repeats.asks_past_refusal), so that we neither table
    it nor hold out for it."""
    return (
        level.holds_below_refusals
        and chosen.patient
        and chosen.later is not None
        and asks_past_refusal(view, chosen.later, level.holds_below_any_refusals)
    )


def _free_time_late(view: View) -> bool:
    """Whether a round costs no side a toll here (the scenario's delay_cost 0), at a table of
    several, in the venue's last three rounds: where a planner answers by its aim, not its plan's
    hold-out (Level.answers_free_time; docs/lab/agents.md, "Holding out where time costs nothing")."""
    return view.rules.delay_cost <= 0 and len(counterparts(view)) >= 2 and view.round >= view.venue.rounds - 2


def aim_noise(held: Rng) -> float:
    """The noise on our aim this move, from the number the move's generator held for it: read
    from a copy, so that a move that asks twice (answering, then proposing) gets the same one."""
    return _NOISE * (2.0 * Rng(held.state).random() - 1.0)


def hold_bar(view: View, level: Level, noise: float, aim: float) -> float:
    """What a planner's plan must beat, by _EDGE, before it holds out: its aspiration with every
    concession of the table answered, even where it spares its own camp in what it asks and
    signs for (Level.spares_own_camp). Sparing the camp raises the aim; measured as the bar too,
    it kept Sochi's Iran from holding out where its plan paid (hard -0.046 ± 0.006, 300 paired
    games: docs/lab/agents.md, "A patron does not answer its own camp")."""
    return aspiration(view, level, noise, everyone=True) if level.spares_own_camp else aim


def planned_offer(view: View, beliefs: Beliefs, level: Level, aim: float) -> Decision | None:
    """A planner's offer where it holds out: what a later round would give it (else None, and
    it offers as the normal agent does, at its aspiration)."""
    if not level.plans:
        return None
    if level.opens_unplanned and _speaks_first(view):
        # the plan's package rests on the prior reading of a counterpart that has not spoken
        # (Level.opens_unplanned): we table what we would without it
        return None
    chosen = _wary(view, beliefs, level, plan(view, beliefs, level), aim)
    to = tuple([view.delegations[s].id for s in counterparts(view)])
    if chosen.later is None or not _holds_out(view, level, chosen, aim):
        return None
    package = chosen.later
    if _refused_hold_out(view, level, chosen):
        # time on our side, the plan counts on the counterpart conceding, and it has refused, in
        # two rounds, packages that ask no more of it than this one (or, with
        # holds_below_any_refusals, any two rounds of refusals): we table what we would without
        # the plan (docs/lab/agents.md, "A hold-out asking what was refused", "Any two refusals")
        return None
    # where time is against us, we hold out because an adjournment would leave this offer on the
    # table for those who speak before us (reading.closing_backs)
    why = "what we hold out for: " + (
        "time is on our side" if chosen.patient else "an adjournment would leave it on the table"
    )
    ids = tuple([(view.issues[i].id, view.issues[i].options[o].id) for i, o in package])
    return Decision(A.Propose(view.own.id, ids, to), why)


def _speaks_first(view: View) -> bool:
    """Whether we open the game's last venue at a table of two: its first round, the counterpart
    speaking after us, so that it has neither offered nor answered anything there yet."""
    return not view.venues_left and view.round == 1 and bool(unanswered(view)) and not before_me(view)


def _wary(view: View, beliefs: Beliefs, level: Level, chosen: Plan, aim: float) -> Plan:
    """The plan to act on. Where the plan as it stands says hold out, the plan again counting
    the margin that sides distrusting us ask (planning.plan's `wary`): holding out is a
    commitment, made only where it holds with that margin too, and what waiting is worth is
    then read from that plan. Worked out only there, which is seldom."""
    return plan(view, beliefs, level, wary=True) if _holds_out(view, level, chosen, aim) else chosen


def _holds_out(view: View, level: Level, chosen: Plan, aim: float) -> bool:
    """Whether the planner holds out: where time is on its side, and waiting is worth clearly
    more than what it would settle for now (our reading of the others is rough: a small edge
    is not worth a round's toll and the risk that the talks end). A level that reads the closing
    session holds out where time is against it too, if an adjournment would leave its standing
    offer to the counterparts speaking before it at their deadline (reading.closing_backs): at
    Sochi the platforms, who bleed most, settled early along their conceder's curve while
    ideal-then-fold, refusing everything, collected more (docs/lab/agents.md, "Reading the closing
    session")."""
    if chosen.waiting <= aim + _EDGE:
        return False
    if chosen.patient:
        return True
    if not (level.reads_closing and closing_backs(view)):
        return False
    # at a table of two whose counterpart has answered nothing here yet, the plan's package rests
    # on the prior reading of its floor (the deal in force), and the closing session signs only
    # what clears its walk-away value: at timed-13 d1 the round-1 hold-out asked the contested
    # ladder's far end, the counterpart refused it as worse than no deal, and its partial package
    # in round 2 left us less (docs/lab/agents.md, "The closing session at a table of two")
    return not (level.closing_needs_answer and unanswered(view))
