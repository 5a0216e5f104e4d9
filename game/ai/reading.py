"""What every move of an agent starts from: the time left, the best it could get, who it
negotiates with, and which options are on the table at all."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import actions as A
from game.engine import clock
from game.engine.utility import settled_value, value_if_agreed
from game.engine.view import View


@dataclass(frozen=True)
class Decision:
    action: A.Action
    reason: str


def progress(view: View) -> float:
    """How far through the venue we are, 0..1, measured at the middle of the current round."""
    return min(1.0, (view.round - 0.5) / view.venue.rounds)


def deadline(view: View) -> bool:
    return view.round >= view.venue.rounds


def next_round_chance(view: View) -> float:
    """The chance that there is a next round at all (0 in the last): the public risk that the
    talks are adjourned after this one, at today's momentum."""
    v = view.venue
    if view.round >= v.rounds:
        return 0.0
    return 1.0 - clock.breakdown_chance(view.rules, view.round, v.rounds, view.momentum)


def horizon(view: View) -> float:
    """The round the talks are expected to last to: this one plus the expected number of later
    rounds, given the chance that they are adjourned (the venue's rounds when there is none)."""
    v = view.venue
    return view.round + sum(clock.survival(view.rules, view.round, v.rounds, view.momentum))


def pressed_progress(view: View, ahead: int = 0) -> float:
    """Like progress, against the expected end of the talks rather than the last round."""
    return min(1.0, (view.round + ahead - 0.5) / max(0.5, horizon(view)))


def bleed_rate(view: View, issues: list[int] | None = None) -> float:
    """What one more round without agreement on these open issues (all of them by default)
    costs us, in utility (engine/clock.py)."""
    open_issues = [i for i in view.agenda if view.settled[i] < 0] if issues is None else issues
    return clock.bleed(view.own, view.rules, view.deal, open_issues) / 10000.0


def fallback(view: View) -> float:
    """What we have if nothing more is agreed: the deal so far once something was signed
    (the game then scores the deal), else the walk-away value."""
    return settled_value(view.own, view.settled, _status_quo(view), view.agenda)


def value_with(view: View, package: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> float:
    """What we would have if this package were agreed now (engine.utility.settled_value)."""
    return value_if_agreed(view.own, view.settled, _status_quo(view), view.agenda, package)


def _status_quo(view: View) -> list[int]:
    return [issue.status_quo for issue in view.issues]


def best_possible(view: View) -> float:
    me = view.own
    best = [(i, max(allowed(view, i), key=lambda o: me.values[i][o])) for i in view.agenda if view.settled[i] < 0]
    return value_with(view, best)


def counterparts(view: View) -> list[int]:
    """Who a proposal goes to: every present signatory but us."""
    return [s for s in view.venue.signatories if s != view.me and view.present[s]]


def heeded(view: View) -> list[int]:
    """Those present whose views we weigh in our offers without needing their signature: the
    observers (or other non-signatories) the scenario says we heed."""
    return [d for d in view.own.heeds if view.present[d] and d not in view.venue.signatories]


def allowed(view: View, issue: int) -> list[int]:
    red = view.own.red_lines[issue]
    return [o for o in range(len(view.issues[issue].options)) if o not in red]


def acceptable(view: View, issue: int, others: list[int] | None = None) -> list[int]:
    """Options outside our red line and, where that leaves any, outside every counterpart's."""
    mine = allowed(view, issue)
    others = counterparts(view) if others is None else others
    theirs = [o for o in mine if all(o not in view.red_lines[s][issue] for s in others)]
    return theirs or mine
