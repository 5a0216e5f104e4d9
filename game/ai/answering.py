"""How an AI negotiator answers a proposal put to it: accept or reject, with its reason.

It refuses what crosses its red lines, leaves it worse off than no deal, or costs more support at
home than it can carry; accepts what reaches its aim (counting what a partial package leaves open),
what beats the value of waiting, or, as time runs out, anything above walking away with a margin
for partners it distrusts. game.ai.negotiator decides when to answer; this module decides how.
"""

from __future__ import annotations

from game.ai.deck import ground_ahead
from game.ai.estimate import agent_chance
from game.ai.ground import signing_loses
from game.ai.heaviest import level_keeps_heaviest
from game.ai.levels import Level
from game.ai.offers import aspiration, held_share, still_to_win
from game.ai.opponent import Beliefs, level_beliefs
from game.ai.planning import Plan, patient, read_sides
from game.ai.reading import (
    ULTIMATUM_SHARE,
    Decision,
    allowed,
    best_possible,
    bleed_rate,
    counterparts,
    deadline,
    fallback,
    floor_without_veto,
    last_round,
    left_open,
    next_round_chance,
    progress,
    stonewalled,
    trust_mean,
    value_with,
    view_memo,
)
from game.ai.repeats import came_our_way, repeated_in_part, repeated_offer, table_repeats
from game.ai.trend import offers_rising
from game.ai.words import band
from game.engine import actions as A
from game.engine.legal import agreement_cost, may_draft
from game.engine.records import in_sentence
from game.engine.state import PENDING, REJECTED, Proposal
from game.engine.utility import crossed_red_lines
from game.engine.view import View

# the least chance, by the agents' reading of the estimate, that a better offer before us passes
# for a side that time presses to refuse a worse one it would sign (better_alive)
_BETTER_CHANCE = 0.15
_PRESSED = 1.2  # ...and how much more than the others on average a round must cost it


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
    beliefs = beliefs or level_beliefs(view, level)
    crossed = crossed_red_lines(me, p.package)
    if crossed:
        return say_no(me.id, p.id, f"rejected: it crosses our red line on {in_sentence(view.issues[crossed[0]].name)}")
    after = value_with(view, p.package)
    floor = floor_without_veto(view) if level.floor_without_veto and deadline(view) else fallback(view)
    # what the deck is expected to do to our walk-away value by the next round, while nothing is
    # signed: waiting is worth that much more (or less). Only while nothing is agreed: once
    # something is, the deal so far, not the walk-away value, is what no more agreement leaves us
    ground = ground_ahead(view) if level.reads_ground and not view.agreements else 0.0
    if planned:
        aim += ground
    # Signing with people one does not trust needs a margin: they may not keep their word.
    margin = me.personality.temper * max(0.0, 40.0 - mean_trust(view)) / 200.0
    # ...and never more than the best this table could give it
    aim = min(aim + me.personality.temper * (50.0 - mean_trust(view)) / 400.0, best_possible(view))
    if after < floor - 1e-9:
        return say_no(me.id, p.id, "rejected: it would leave us worse off than no deal")
    if level.reads_ground_to_end and signing_loses(view, p.package):
        # signing nothing is expected to leave us more: our walk-away value as the deck's draws
        # still to come are expected to move it, less the toll until the talks end
        return say_no(me.id, p.id, "rejected: our ground is expected to give us more by the end of the talks")
    left = left_open(view, p.package)
    if level_keeps_heaviest(view, left, after, level, beliefs):
        return say_no(me.id, p.id, "rejected: it leaves open the issue we care most about")
    if not carries_at_home(view, p.package) and not _signs_at_any_cost(view, level, left):
        return say_no(me.id, p.id, "rejected: we could not carry it at home")
    # A partial package is judged with what we can still hope to win on the issues it leaves open.
    projected = after + held_share(view, aim) * still_to_win(view, left) if left else after
    words = band(projected, floor, aim)
    # checked before our aim, which falls to our walk-away value at the deadline: that is when a
    # stonewaller's ultimatum comes
    if level.refuses_ultimatums and _lopsided(view, p, beliefs, after, floor, level.credits_moves):
        return say_no(me.id, p.id, "rejected: a take-it-or-leave-it offer from a side that has refused everything")
    # a naive level takes the first offer that is good enough, without asking whether waiting pays
    if level.satisfices >= 0 and after >= floor + margin + level.satisfices * (best_possible(view) - floor):
        return say_yes(me.id, p.id, "accepted: good enough for us")
    if projected >= aim - 1e-9:
        return say_yes(me.id, p.id, f"accepted: {words}")
    if level.signs_united_table and after >= floor + margin and united_against(view, p.package, level.united_near_end):
        # waiting would win us only what some counterpart already asks for us: less than its toll
        return say_yes(me.id, p.id, "accepted: the whole table asks this of us, and waiting would only cost us")
    chance, bleeding = next_round_chance(view), bleed_rate(view)
    # where time is on our side (game.ai.planning), offers put to us that rise round on round
    # mean the others are conceding: waiting pays
    # (a part of a refused package of the same side, splitting it, rises only by the issues it
    # leaves open: it has not moved on any it keeps, Level.heeds_partial_repeats)
    rising = (
        level.reads_trend
        and offers_rising(view, p)
        and patient(view, read_sides(view, beliefs))
        and not (level.heeds_partial_repeats and repeated_in_part(view, p))
    )
    if level.weighs_waiting and not planned and not rising and (chance < 1.0 or bleeding > 0) and not deadline(view):
        # what waiting is worth: next round's aspiration if the talks go on, else what we have,
        # less what the status quo costs us meanwhile (where waiting is free, we wait)
        later = chance * aspiration(view, level, noise, ahead=1) + (1.0 - chance) * floor - bleeding + ground
        if held is not None and held.later is not None and not _not_moved(view, p, level):
            # a planner also reads what waiting is worth from the others: the best package its
            # model of them says they would all take in a later round, weighed by the risk and
            # the toll until then. Our own curve says what we would ask next round, not what
            # the table would give. The hard agent's curve falls faster than the normal one's
            # (it gives back more for the others' concessions): by it alone, it settled in games
            # where the normal agent held out, and lost by it (docs/AI.md, "What waiting is worth")
            later = max(later, held.waiting)
        if after >= floor + margin and projected - bleed_rate(view, left) >= later - 1e-9:
            return say_yes(me.id, p.id, "accepted: waiting for better is not worth the risk that the talks end")
    # the end is near: the last round, late in the venue, or (for a level that reads the clock)
    # so likely to come after this round that waiting is a gamble
    late = deadline(view) or progress(view) >= level.patience or next_round_chance(view) < level.gamble
    late = deadline(view) if planned else late
    if late and after >= floor + margin:
        return say_yes(me.id, p.id, "accepted: time is short, and it beats walking away")
    if margin > 0 and after < floor + margin:
        return say_no(me.id, p.id, "rejected: too little to sign with partners we do not trust")
    return say_no(me.id, p.id, f"rejected: {words}")


def united_against(view: View, package: tuple[tuple[int, int], ...], near_end: bool = False) -> bool:
    """Whether, at a table of several, a whole package (settling every open issue of the venue)
    is what the table, united against us, asks (Level.signs_united_table): every counterpart
    states a position on each of its issues; on the issue where the package falls furthest short
    of our best allowed option (by our weight), every counterpart states the option we value
    least, so that none of them asks for anything that would move it our way; and on every
    issue, the best for us of the counterparts' stated options gives us, summed, no more than a
    round's toll over the package. Waiting would then win only what the table does not ask for,
    and cost the toll (docs/lab/agents.md, "A table united against us"). With `near_end`
    (Level.united_near_end), where two rounds or fewer of the venue follow this one, the furthest
    issue's condition reads the table's reach: no counterpart states an option there better for
    us than the package's, and one states the option we value least (docs/lab/agents.md, "A
    table's reach near the end")."""
    others = counterparts(view)
    if len(others) < 2 or left_open(view, package):
        return False
    me = view.own
    asked = 0.0  # what the best for us of their stated options would add over the package
    shortfall: list[tuple[float, int]] = []
    for i, o in package:
        stated = [view.positions[s][i] for s in others]
        if min(stated) < 0:
            return False
        mine = me.values[i][o]
        asked += me.weights[i] * (max([mine, *(me.values[i][x] for x in stated)]) - mine)
        best = max(me.values[i][x] for x in allowed(view, i))
        shortfall.append((me.weights[i] * (best - mine), i))
    if asked > bleed_rate(view) + 1e-9:
        return False
    _, furthest = max(shortfall)
    least = min(me.values[furthest])
    if near_end and last_round(view) - view.round <= 2:
        asks = [me.values[furthest][view.positions[s][furthest]] for s in others]
        return max(asks) <= me.values[furthest][dict(package)[furthest]] + 1e-9 and min(asks) <= least + 1e-9
    return all(me.values[furthest][view.positions[s][furthest]] <= least + 1e-9 for s in others)


def _not_moved(view: View, p: Proposal, level: Level) -> bool:
    """Whether the offer shows the others have not conceded as the plan's model of them says:
    its author repeats a package we refused (`heeds_repeats`), or, for a level that reads the
    table as one, any side does (`heeds_table_repeats`), or, at a table of two, it puts to us a
    part of a package of its own we refused (`heeds_partial_repeats`, game.ai.repeats)."""
    return (
        (level.heeds_repeats and repeated_offer(view, p))
        or (level.heeds_table_repeats and table_repeats(view, p))
        or (level.heeds_partial_repeats and repeated_in_part(view, p))
    )


def _signs_at_any_cost(view: View, level: Level, left: list[int]) -> bool:
    """Whether we sign a text whose cost at home we could not carry (Level.signs_at_any_cost):
    one that settles the game, and with Level.any_cost_at_deadline only at the venue's
    deadline, where refusing it for its cost can no longer bring a better offer."""
    if not (level.signs_at_any_cost and _settles_the_game(view, left)):
        return False
    return deadline(view) or not level.any_cost_at_deadline


def _settles_the_game(view: View, left: list[int]) -> bool:
    """Whether a package that leaves `left` open would settle every open issue of the game's last
    venue: by the rules such a text stands even where what it costs at home then pulls a
    signatory out."""
    return not view.venues_left and not left


def signs(said: Decision) -> bool:
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
    answer it accept it with a fair chance (the agents' reading of the estimate, `_BETTER_CHANCE`
    for all of them together).

    Several offers are often before a side at once, and a yes to each lets the table settle on
    whichever the last signatory completes first, not the best for us. At astana-8 most
    agreements carry another side's package, and the opposition, which bleeds most, gains by
    choosing among them (docs/AI.md, "Picking the better offer where time presses"). A side that
    is patient, or only just impatient, loses by it: measured in Iran's seat at astana-8, where
    the reading of who is patient turns in some games."""
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
                chance *= agent_chance(view, who, q.package)
        if chance >= _BETTER_CHANCE and signs(answer(view, q, aim, level, beliefs, noise, held=held)):
            return True
    return False


def _lopsided(
    view: View, p: Proposal, beliefs: Beliefs, after: float, floor: float, credits_moves: bool = False
) -> bool:
    """An ultimatum people refuse: from a side that has refused everything and conceded nothing,
    an offer that gives us little of what we could still gain while giving its author nearly
    all it could want on those issues. Refusing costs us a little now; it is what stops a
    stonewaller from collecting at the deadline what everyone else conceded. A level that
    credits moves (`Level.credits_moves`) takes no side for a stonewaller whose offers at this
    venue have come our way (game.ai.repeats.came_our_way)."""
    me, author = view.own, p.author
    if p.draft or author == view.me or not stonewalled(view, author):
        return False
    if credits_moves and came_our_way(view, p):
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


def carries_at_home(view: View, package: tuple[tuple[int, int], ...]) -> bool:
    """Whether our support at home stays clear of collapse after signing this package, with two
    points to spare: a card or a patron's pressure in the same round would otherwise end it."""
    return view.support[view.me] - home_cost(view, package) > view.collapse_support + 2


def mean_trust(view: View) -> float:
    """How far we trust the other signatories to keep a deal (reading.trust_mean). Asked twice
    an answer, of the same view: remembered for the last view asked (reading.view_memo)."""
    memo = view_memo(view)
    found: float | None = memo.get("mean_trust")
    if found is None:
        found = memo["mean_trust"] = trust_mean([float(view.my_trust[s]) for s in counterparts(view)])
    return found


def say_yes(actor: str, proposal: int, reason: str) -> Decision:
    return Decision(A.Respond(actor, proposal, True), reason)


def say_no(actor: str, proposal: int, reason: str) -> Decision:
    return Decision(A.Respond(actor, proposal, False), reason)
