"""What every move of an agent starts from: the time left, the best it could get, who it
negotiates with, and which options are on the table at all."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import is_
from typing import Any

from game.engine import actions as A
from game.engine import clock
from game.engine.utility import open_value, settled_value, value_if_agreed
from game.engine.view import View

# best_possible's memory: key -> (the delegation, the issues, the value); bounded by clearing
_best: dict[tuple[int, int, tuple[int, ...], tuple[int, ...]], tuple[object, object, float]] = {}
_KEPT = 4096

# below this trust in someone, a hot temper answers it with hardline statements (at half of it, it
# walks out): what the negotiator's outbursts read, and what the ground's reading counts on
PROVOKED_TRUST = 30
# a hot-tempered delegation (WALKOUT_TEMPER or more) that may propose leaves the talks when its
# mean trust in the others (trust_mean) falls below WALKOUT_TRUST: the negotiator's walk-out, which
# a planner also counts on itself when it weighs holding out (game.ai.hazards)
WALKOUT_TRUST = 15
WALKOUT_TEMPER = 0.6

# acceptable's: key -> (our red lines, the declared red lines of all, the options)
_acceptable: dict[tuple[int, ...], tuple[object, object, tuple[int, ...]]] = {}
# An agent that refuses ultimatums refuses a stonewaller's offer giving it less than this share
# of what it could still gain over walking away (people refuse lopsided ultimatums: the offers
# refused in ultimatum games are mostly those under a fifth to a third of the pie)
ULTIMATUM_SHARE = 0.3


@dataclass(frozen=True)
class Decision:
    action: A.Action
    reason: str


def progress(view: View) -> float:
    """How far through the venue we are, 0..1, measured at the middle of the current round."""
    return min(1.0, (view.round - 0.5) / view.venue.rounds)


def deadline(view: View) -> bool:
    """Whether no round follows at this venue: its last round, or a closing session (which also
    closes a venue adjourned before its last round: reading only the round count, an agent there
    refused an offer for a next round that could not come)."""
    return view.round >= last_round(view)


def last_round(view: View) -> int:
    """The venue's last round as it now stands: the current one in a closing session (which also
    closes a venue adjourned early), else the venue's round count."""
    return view.round if view.closing else view.venue.rounds


def before_me(view: View) -> list[int]:
    """The counterparts that speak before us at this venue (its turn order): in a closing
    session they answer what we tabled in the round it closes, and no one else does."""
    order = view.venue.turn_order
    mine = order.index(view.me)
    return [s for s in counterparts(view) if order.index(s) < mine]


def closing_backs(view: View) -> bool:
    """Whether an adjournment after this round would put our standing offer to a closing session
    at which at least half our counterparts answer it, at the game's last venue: the talks can be
    adjourned (a breakdown risk), no venue follows (what is signed there ends the game), and at
    least half the counterparts speak before us. In that session no round follows and every level
    signs anything above walking away (deadline), so the risk that the talks end after this round
    is, for the half before us, a deadline at which they fold to our offer, not the loss of it."""
    if view.rules.breakdown_risk <= 0 or view.venues_left or deadline(view):
        return False
    others = counterparts(view)
    return bool(others) and 2 * len(before_me(view)) >= len(others)


def next_round_chance(view: View) -> float:
    """The chance that there is a next round at all (0 in the last): the public risk that the
    talks are adjourned after this one, at today's momentum."""
    v = view.venue
    if deadline(view):
        return 0.0
    return 1.0 - clock.breakdown_chance(view.rules, view.round, v.rounds, view.momentum)


def horizon(view: View) -> float:
    """The round the talks are expected to last to: this one plus the expected number of later
    rounds, given the chance that they are adjourned (the venue's rounds when there is none).
    Asked several times a decision, of the same view: remembered for the last view asked."""
    memo = view_memo(view)
    found: float | None = memo.get("horizon")
    if found is None:
        last = last_round(view)
        # two statements, not one chained `found = memo["horizon"] = ...`: compiled by mypyc
        # (bench/compiled_bench.py) the chained form raised TypeError (int expected, got float).
        # The expected later rounds are clock's, remembered by the numbers they read
        found = view.round + clock.rounds_expected(view.rules.breakdown_risk, view.round, last, view.momentum)
        memo["horizon"] = found
    return found


def pressed_progress(view: View, ahead: int = 0) -> float:
    """Like progress, against the expected end of the talks rather than the last round."""
    return min(1.0, (view.round + ahead - 0.5) / max(0.5, horizon(view)))


def bleed_rate(view: View, issues: list[int] | None = None) -> float:
    """What one more round without agreement on these open issues (all of them by default)
    costs us, in utility (engine/clock.py)."""
    if issues is None:
        # of every open issue: asked several times a decision, remembered for the last view asked
        memo = view_memo(view)
        found: float | None = memo.get("bleed_rate")
        if found is None:
            found = memo["bleed_rate"] = _bleed_of_open(view)
        return found
    return clock.bleed(view.own, view.rules, view.deal, issues) / 10000.0


def _bleed_of_open(view: View) -> float:
    """bleed_rate of every open issue: a pure function of our preferences, the rules, the deal in
    force and which issues are open, none of which moves from one move to the next until an
    agreement (or an event on the agenda) does, while each move's fresh view worked it out again
    (about 80 views a game at astana-8). Remembered by delegation, with the objects it was read
    from (held, so an id is never taken for another's): the engine shares the settled row, the
    agenda and the deal between states while they stand (view._deal). The same expression, so the
    same float (docs/lab/speed.md, "A twenty-first pass")."""
    inputs = (view.own, view.rules, view.deal, view.settled, view.agenda)
    hit = _bleeds.get(id(view.own))
    if hit is not None and all(map(is_, hit[0], inputs)):
        return hit[1]
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    found = clock.bleed(view.own, view.rules, view.deal, open_issues) / 10000.0
    if len(_bleeds) >= _KEPT:
        _bleeds.clear()
    _bleeds[id(view.own)] = (inputs, found)
    return found


# _bleed_of_open's memory: id of the delegation -> (the objects read, the rate); bounded by clearing
_bleeds: dict[int, tuple[tuple[object, ...], float]] = {}


def fallback(view: View) -> float:
    """What we have if nothing more is agreed: the deal so far once something was signed
    (the game then scores the deal), else the walk-away value. Asked many times a decision, of
    the same view: remembered for the last view asked (see view_memo)."""
    memo = view_memo(view)
    found = memo.get("fallback")
    if found is None:
        found = memo["fallback"] = settled_value(view.own, view.settled, status_quos(view), scored_open(view))
    return found


def floor_without_veto(view: View) -> float:
    """What no deal at this venue leaves us where we sign at none of the venues to come (their
    agreements are made without our veto): once one of them signs, the game is scored on the
    agreements, and the issues left open here end at their status quo. So the walk-away value
    `fallback` reads while nothing is signed is not ours to keep: an open issue counts at its
    status quo unless it lies outside this venue's agenda (then at the walk-away value until a later
    venue settles it): the reading `value_with` gives the offers this floor is weighed against
    (`scored_open`), so the two compare like with like on any campaign's agendas
    (Level.floor_without_veto, asked by an answer in the venue's last round). At the game's last
    venue, where we sign at a later one, or where we do not sign here, `fallback` itself."""
    later = view.venues[view.venue_index + 1 :]
    if not later or view.me not in view.venue.signatories or any(view.me in v.signatories for v in later):
        return fallback(view)
    me = view.own
    status_quo = status_quos(view)
    ahead = set(scored_open(view))
    total = 0.0
    for i, (w, vals, o) in enumerate(zip(me.weights, me.values, view.settled)):  # noqa: B905
        total += w * (vals[o] if o >= 0 else me.reservation if i in ahead else vals[status_quo[i]])
    return total


def value_with(view: View, package: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> float:
    """What we would have if this package were agreed now (engine.utility.settled_value)."""
    return value_if_agreed(view.own, view.settled, status_quos(view), scored_open(view), package)


def left_open(view: View, package: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> list[int]:
    """The open issues of the venue that `package` does not settle, in agenda order."""
    named = {i for i, _ in package}
    return [i for i in view.agenda if view.settled[i] < 0 and i not in named]


def open_worth(view: View, issue: int) -> float:
    """What an open issue of the venue counts at for us if it stays open (value_with): the
    walk-away value where the game is scored on this venue's agenda, else its status quo."""
    return open_value(view.own, issue, status_quos(view), scored_open(view))


def scored_open(view: View) -> tuple[int, ...]:
    """The issues that count at the walk-away value if they stay open: the agenda's. In a
    campaign, before its last venue, it is the other way round: the game is scored on the last
    venue's agenda, so an issue left open here ends at its status quo, while an issue of a later
    venue may still be settled there (counted at the walk-away value until then). (The agents'
    reading; what a player is shown, engine.utility.worth_if_agreed, reads the last venue's
    agenda itself.)"""
    if not view.venues_left:
        return view.agenda
    return tuple(i for i in range(len(view.issues)) if i not in view.agenda)


def status_quos(view: View) -> tuple[int, ...]:
    """Every issue's status quo option: the same for a whole game, asked at every value a
    decision weighs, so remembered for the last issues asked (held, so the id is never reused)."""
    global _last_status_quo
    issues, status_quo = _last_status_quo
    if issues is not view.issues:
        status_quo = tuple([issue.status_quo for issue in view.issues])
        _last_status_quo = (view.issues, status_quo)
    return status_quo


_last_status_quo: tuple[object, tuple[int, ...]] = ((), ())


def best_possible(view: View) -> float:
    """The most we could have: our best allowed option on every open issue of the agenda. A
    pure function of our own preferences and what is settled, asked several times a move:
    remembered per (delegation, issues, settled, agenda), holding the objects whose ids key it."""
    memo = view_memo(view)  # asked several times of the same view: its answer first
    found: float | None = memo.get("best_possible")
    if found is not None:
        return found
    key = (id(view.own), id(view.issues), view.settled, view.agenda)
    hit = _best.get(key)
    if hit is not None and hit[0] is view.own and hit[1] is view.issues:
        memo["best_possible"] = hit[2]
        return hit[2]
    me = view.own
    # the first of equal values, as a lambda key reading the same values kept
    best = [(i, max(allowed(view, i), key=me.values[i].__getitem__)) for i in view.agenda if view.settled[i] < 0]
    value = value_with(view, best)
    if len(_best) >= _KEPT:
        _best.clear()
    _best[key] = (view.own, view.issues, value)
    memo["best_possible"] = value
    return value


def trust_mean(trusts: list[float]) -> float:
    """How far we trust the other signatories to keep a deal, from our trust in each: half the
    average, half the least trusted of them, since one side that breaks its word can undo the
    whole agreement (50 where there is no one)."""
    if not trusts:
        return 50.0
    return 0.5 * sum(trusts) / len(trusts) + 0.5 * min(trusts)


def counterparts(view: View) -> list[int]:
    """Who a proposal goes to: every present signatory but us (a fresh list: remembered for the
    last view asked, see view_memo)."""
    memo = view_memo(view)
    found = memo.get("counterparts")
    if found is None:
        found = memo["counterparts"] = tuple([s for s in view.venue.signatories if s != view.me and view.present[s]])
    return list(found)


# What was worked out for the last view asked about: a decision asks the same pure questions of
# its view many times over (who we negotiate with, what we have without a deal). One view at a
# time, held, so its id is never taken for another's and nothing grows.
_memo_of: tuple[object, dict[str, Any]] = (None, {})


def view_memo(view: View) -> dict[str, Any]:
    global _memo_of
    held, memo = _memo_of
    if held is not view:
        memo = {}
        _memo_of = (view, memo)
    return memo


def view_table(view: View, name: str) -> dict[Any, Any]:
    """A table named `name` in the view's memory (view_memo), made empty the first time it is
    asked for the view: the answers of one pure question of the view, by its other arguments."""
    memo = view_memo(view)
    table: dict[Any, Any] | None = memo.get(name)
    if table is None:
        table = memo[name] = {}
    return table


def heeded(view: View) -> list[int]:
    """Those present whose views we weigh in our offers without needing their signature: the
    observers (or other non-signatories) the scenario says we heed."""
    return [d for d in view.own.heeds if view.present[d] and d not in view.venue.signatories]


def allowed(view: View, issue: int) -> list[int]:
    return list(options_outside(len(view.issues[issue].options), view.own.red_lines[issue]))


@lru_cache(maxsize=1024)
def options_outside(n: int, red: frozenset[int]) -> tuple[int, ...]:
    """The options of an issue of n options that are not in `red` (asked many times a move)."""
    return tuple(o for o in range(n) if o not in red)


def acceptable(view: View, issue: int, others: list[int] | None = None) -> list[int]:
    """Options outside our red line and, where that leaves any, outside every counterpart's."""
    others = counterparts(view) if others is None else others
    # asked for every issue many times a move, and a pure function of declared red lines:
    # remembered, holding the objects whose ids key it
    # (by our own red lines, not our whole delegation: a game's drawn preferences make a new
    # delegation every game, with the very red lines of the file's)
    own = view.own.red_lines
    key = (id(own), id(view.red_lines), issue, len(view.issues[issue].options), *others)
    hit = _acceptable.get(key)
    if hit is not None and hit[0] is own and hit[1] is view.red_lines:
        return list(hit[2])
    mine = allowed(view, issue)
    theirs = [o for o in mine if all(o not in view.red_lines[s][issue] for s in others)]
    found = theirs or mine
    if len(_acceptable) >= _KEPT:
        _acceptable.clear()
    _acceptable[key] = (own, view.red_lines, tuple(found))
    return found


def stonewalled(view: View, who: int) -> bool:
    """A side that has refused far more than it accepted, never conceded anything and never
    moved from the one package it tables (the public record shows all three). A side that
    bargains refuses much too, but its offers move; only one that waits for the others to fold
    keeps tabling the same package."""
    rejected = sum(map(sum, view.rejected[who]))
    accepted = sum(map(sum, view.accepted[who]))
    if view.concessions[who] or rejected < 2 * max(1, len(view.agenda)) or rejected <= 3 * accepted:
        return False
    offered = view.offered[who]
    # at most one option of each agenda issue offered: the counts are whole numbers, so those
    # not zero are all but those equal to 0, counted in C (where a generator counted them one by
    # one for every issue, at every answer to a side that refuses much; docs/lab/speed.md, "A
    # twenty-first pass")
    for i in view.agenda:
        row = offered[i]
        if len(row) - row.count(0) > 1:
            return False
    return True
