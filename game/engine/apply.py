"""The one entry point of the rules: apply(state, action) -> (state, records)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine import actions as A
from game.engine import flow
from game.engine.checks import ap_cost, check, check_types
from game.engine.errors import IllegalAction, InvalidAction
from game.engine.handlers import HANDLERS
from game.engine.records import Record, in_sentence, verb_for
from game.engine.situation import from_state, pending_draft
from game.engine.state import RUNNING, State, frozen
from game.engine.work import Work

Handler = Callable[[Work, int, Any, Any], None]


def apply(state: State, action: A.Action, typed: bool = False) -> tuple[State, tuple[Record, ...]]:
    """Apply one action. Raises InvalidAction or IllegalAction and changes nothing if refused.

    Checks run in a fixed order: game over, well-formed actor, whose turn, then the rules of
    the action itself (checks.py, the same rules legal.py offers the players).

    `typed` is for a caller whose actions cannot hold a field of another type than its declared
    one (the save codec's: every field it makes is text, a whole number or a flag by
    construction): the check of the fields' types, which could never refuse them, is skipped.
    Every rule is still checked. Anything else (an agent's move, a test's) leaves it False.
    """
    if type(action) is A.Pass:
        passed = quick_pass(state, action)
        if passed is not None:
            return passed
    return full_apply(state, action, typed)


def full_apply(state: State, action: A.Action, typed: bool = False) -> tuple[State, tuple[Record, ...]]:
    """apply() through every step: the checks, a working copy, the handler, the end conditions,
    the next turn. apply() takes a shortcut for the commonest action only (quick_pass)."""
    if state.outcome != RUNNING:  # state.over
        raise IllegalAction("the game is over")
    handler = HANDLERS.get(type(action))
    if handler is None:
        raise InvalidAction(f"not an action: {action!r}")
    if not typed:
        check_types(action)
    sc = state.scenario
    actor = sc.delegation_index.get(action.actor)
    if actor is None:
        raise InvalidAction(f"there is no delegation {action.actor!r} in this scenario")
    venue = sc.venues[state.venue]
    current = venue.turn_order[state.turn]  # state.actor
    if actor != current:
        raise IllegalAction(
            f"it is {in_sentence(sc.delegations[current].name)}'s turn, not {in_sentence(sc.delegations[actor].name)}'s"
        )
    situation = from_state(state, actor)
    checked = check(situation, action)
    w = Work(state)
    if state.closing:
        return _closing(w, actor, action, handler, checked)
    handler(w, actor, action, checked)
    w.ap -= ap_cost(situation, action.kind)
    w.step += 1
    if type(action) is A.WalkOut and actor in venue.signatories:
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


def quick_pass(state: State, action: A.Pass) -> tuple[State, tuple[Record, ...]] | None:
    """What full_apply gives for a pass that hands the floor to the next delegation of the same
    round, or None for any other pass (refused, in the closing session, ending the round, or where
    the end conditions could end the venue), which full_apply then takes.

    About two moves in five are passes, and a pass changes three numbers: the step, whose turn it
    is and the action points. full_apply makes a working copy and freezes it again for them, and
    checks every rule on the way; here the same checks come in the same order where they could
    refuse it (the game running, the actor's id, its turn, a draft it owes the mediator), and
    flow.quiet stands for check_ends. The same state, field for field (every other field the very
    object of the state before, as freezing the copy would share it), and the same record
    (tests/engine/test_quick_pass.py compares the two on random games)."""
    if state.outcome != RUNNING or state.closing or type(action.actor) is not str:
        return None
    sc = state.scenario
    actor = sc.delegation_index.get(action.actor)
    venue = sc.venues[state.venue]
    order = venue.turn_order
    if actor is None or actor != order[state.turn] or pending_draft(state.proposals, actor, venue) is not None:
        return None
    if not flow.quiet(state):
        return None
    # flow.end_turn: the next delegation present takes the floor with the venue's action points
    present = state.present
    for turn in range(state.turn + 1, len(order)):
        if present[order[turn]]:
            break
    else:
        return None  # the round ends: events, the clock, maybe the venue (full_apply)
    delegation = sc.delegations[actor]
    record = frozen(
        Record,
        {
            "kind": "pass",
            "text": f"{delegation.name} {verb_for(delegation.plural, 'passes')}.",
            "actor": actor,
            "round": state.round,
        },
    )
    values = vars(state).copy()
    values["ap"] = venue.action_points
    values["step"] = state.step + 1
    values["turn"] = turn
    return frozen(State, values), (record,)
