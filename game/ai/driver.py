"""The one driver of AI turns: simulate, watch and the interface all take an AI seat's turn here.

`decide(state, chooser)` asks the seat's agent for a decision from its own view (with its own
generator, derived from the game's), checks it against the rules (game.engine.legal) and says
what to apply: the agent's action, or a pass if the rules refuse it. A built-in agent's refused
move is a bug in it, never a reason to stop a game, so it passes (and is counted); an outside
agent's (its chooser is `Guarded`) is reported as its error, naming the seat and the game's seed. The caller
applies the move (to a state, or to a Session that logs it) and shows what it likes of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.ai.agent import Chooser, Guarded
from game.ai.reading import Decision
from game.engine import Action, GameError, Pass, Record, State, apply, view_for
from game.engine.legal import refusal
from game.engine.rng import Rng, mix


@dataclass(frozen=True)
class Move:
    decision: Decision  # what the agent chose, with its reason
    action: Action  # what to apply: the decision's action, or a pass if the rules refused it
    refused: str  # why the rules refused the decision's action ("" if they take it)


def agent_rng(state: State) -> Rng:
    """The agent's own stream, derived from the game's generator without advancing it."""
    return Rng(mix(state.rng ^ (state.step * 0x9E3779B97F4A7C15 + state.actor)))


def decide(state: State, chooser: Chooser) -> Move:
    """The move of the delegation whose turn it is (it must be an AI seat's turn)."""
    decision = chooser(view_for(state, state.actor), agent_rng(state))
    why = refusal(state, decision.action)
    if not why:
        return Move(decision, decision.action, "")
    if isinstance(chooser, Guarded):
        raise chooser.illegal(decision.action, why)
    return Move(decision, Pass(state.scenario.delegations[state.actor].id), why)


def take(state: State, chooser: Chooser) -> tuple[Move, State, tuple[Record, ...]]:
    """decide() and apply() in one: the move, and the state and records it leads to.

    The same move as decide() gives, checked once: apply() decides legality by the very checks
    that refusal() asks (game.engine.checks), so a built-in agent's action is applied at once, and
    only one the engine refuses is asked why and replaced by a pass. An outside agent's goes
    through decide(), which checks before anything is applied."""
    if isinstance(chooser, Guarded):
        move = decide(state, chooser)
        return (move, *apply(state, move.action))
    decision = chooser(view_for(state, state.actor), agent_rng(state))
    action, why, after, records = applied(state, decision.action)
    return Move(decision, action, why), after, records


def applied(state: State, action: Action) -> tuple[Action, str, State, tuple[Record, ...]]:
    """A built-in agent's action applied: what was applied (the action, or a pass if the rules
    refuse it), why the rules refused it ("" if they took it), and the state and records after."""
    try:
        return (action, "", *apply(state, action))
    except GameError as exc:
        why = refusal(state, action) or str(exc)
    passed = Pass(state.scenario.delegations[state.actor].id)
    return (passed, why, *apply(state, passed))
