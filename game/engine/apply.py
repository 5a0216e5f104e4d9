"""The one entry point of the rules: apply(state, action) -> (state, records)."""

from __future__ import annotations

from collections.abc import Callable

from game.engine import actions as A
from game.engine import flow
from game.engine.errors import IllegalAction, InvalidAction
from game.engine.handlers import HANDLERS, pending_draft
from game.engine.records import Record
from game.engine.state import State
from game.engine.work import Work

# Actions still allowed to a delegation that owes the mediator an answer to its draft.
_BEFORE_DRAFT = (A.Respond, A.WalkOut)
_IN_CLOSING = (A.Respond, A.WalkOut, A.Pass)
Handler = Callable[[Work, int, A.Action], int]


def apply(state: State, action: A.Action) -> tuple[State, tuple[Record, ...]]:
    """Apply one action. Raises InvalidAction or IllegalAction and changes nothing if refused.

    Checks run in a fixed order: game over, well-formed actor, whose turn, then the rules of
    the action itself.
    """
    if state.over:
        raise IllegalAction("the game is over")
    handler = HANDLERS.get(type(action))
    if handler is None:
        raise InvalidAction(f"not an action: {action!r}")
    actor = state.scenario.delegation_index.get(action.actor)
    if actor is None:
        raise InvalidAction(f"there is no delegation {action.actor!r} in this scenario")
    if actor != state.actor:
        current = state.scenario.delegations[state.actor].name
        raise IllegalAction(f"it is {current}'s turn, not {state.scenario.delegations[actor].name}'s")
    w = Work(state)
    if state.closing:
        return _closing(w, actor, action, handler)
    if not isinstance(action, _BEFORE_DRAFT):
        owed = pending_draft(w, actor)
        if owed is not None:
            raise IllegalAction(f"answer the mediator's draft #{owed.id} first")
    cost = handler(w, actor, action)
    if cost > w.ap:
        raise IllegalAction("you have no action points left this turn")
    w.ap -= cost
    w.step += 1
    venue = state.scenario.venues[state.venue]
    if isinstance(action, A.WalkOut) and actor in venue.signatories:
        flow.end_venue(w, "collapse", f"{w.name(actor)}, a signatory, walked out.")
    flow.check_ends(w)
    if not (w.over or w.venue_over) and (w.ap == 0 or not w.present[actor]):
        flow.end_turn(w)
    return w.freeze(), tuple(w.records)


def _closing(w: Work, actor: int, action: A.Action, handler: Handler) -> tuple[State, tuple[Record, ...]]:
    """The closing session: each delegation owing answers gets one turn to give them."""
    if not isinstance(action, _IN_CLOSING):
        raise IllegalAction("this is the closing session: only answers to the open proposals are taken (or pass)")
    handler(w, actor, action)
    w.step += 1
    venue = w.scenario.venues[w.venue]
    if isinstance(action, A.WalkOut) and actor in venue.signatories:
        flow.end_venue(w, "collapse", f"{w.name(actor)}, a signatory, walked out.")
    flow.check_ends(w)
    if isinstance(action, A.Pass | A.WalkOut) or not w.owes_answer(actor):
        flow.next_closing_turn(w)
    return w.freeze(), tuple(w.records)
