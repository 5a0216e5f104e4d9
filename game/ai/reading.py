"""What every move of an agent starts from: the time left, the best it could get, who it
negotiates with, and which options are on the table at all."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import actions as A
from game.engine.utility import utility
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


def best_possible(view: View) -> float:
    deal = list(view.deal)
    me = view.own
    for i in view.agenda:
        if view.settled[i] < 0:
            deal[i] = max(allowed(view, i), key=lambda o: me.values[i][o])
    return utility(me, deal)


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
