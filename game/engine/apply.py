"""The one entry point of the rules: apply(state, action) -> (state, records)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine import actions as A
from game.engine import flow
from game.engine.checks import ap_cost, check
from game.engine.errors import IllegalAction, InvalidAction
from game.engine.handlers import HANDLERS
from game.engine.records import Record
from game.engine.situation import from_state
from game.engine.state import State
from game.engine.work import Work

Handler = Callable[[Work, int, Any, Any], None]


def apply(state: State, action: A.Action) -> tuple[State, tuple[Record, ...]]:
    """Apply one action. Raises InvalidAction or IllegalAction and changes nothing if refused.

    Checks run in a fixed order: game over, well-formed actor, whose turn, then the rules of
    the action itself (checks.py, the same rules legal.py offers the players).
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
    situation = from_state(state, actor)
    checked = check(situation, action)
    w = Work(state)
    if state.closing:
        return _closing(w, actor, action, handler, checked)
    handler(w, actor, action, checked)
    w.ap -= ap_cost(situation, action.kind)
    w.step += 1
    venue = state.scenario.venues[state.venue]
    if isinstance(action, A.WalkOut) and actor in venue.signatories:
        flow.end_venue(w, "collapse", f"{w.name(actor)}, a signatory, walked out.")
    flow.check_ends(w)
    if not (w.over or w.venue_over) and (w.ap == 0 or not w.present[actor]):
        flow.end_turn(w)
    return w.freeze(), tuple(w.records)


def _closing(w: Work, actor: int, action: A.Action, handler: Handler, checked: Any) -> tuple[State, tuple[Record, ...]]:
    """The closing session: each delegation owing answers gets one turn to give them."""
    handler(w, actor, action, checked)
    w.step += 1
    venue = w.scenario.venues[w.venue]
    if isinstance(action, A.WalkOut) and actor in venue.signatories:
        flow.end_venue(w, "collapse", f"{w.name(actor)}, a signatory, walked out.")
    flow.check_ends(w)
    if isinstance(action, A.Pass | A.WalkOut) or not w.owes_answer(actor):
        flow.next_closing_turn(w)
    return w.freeze(), tuple(w.records)
