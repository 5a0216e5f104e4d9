"""A delegation that picks among its legal moves at random: the floor any real agent must beat."""

from __future__ import annotations

from game.ai.reading import Decision, counterparts
from game.engine import actions as A
from game.engine.rng import Rng
from game.engine.state import PENDING
from game.engine.view import View


def choose_random(view: View, rng: Rng) -> Decision:
    me = view.own
    for p in view.proposals:
        if p.author != view.me and p.response_of(view.me) == PENDING:
            return Decision(A.Respond(me.id, p.id, rng.random() < 0.5), "a coin decided")
    if not view.ap:
        return Decision(A.Pass(me.id), "no action points left")
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    others = [d for d in range(len(view.delegations)) if d != view.me and view.present[d]]
    moves: list[A.Action] = [A.Pass(me.id), A.Statement(me.id, "hardline" if rng.random() < 0.5 else "conciliatory")]
    if others:
        moves.append(A.Meet(me.id, view.delegations[others[rng.below(len(others))]].id))
    package = tuple((view.issues[i].id, view.issues[i].options[_random_option(view, i, rng)].id) for i in open_issues)
    if open_issues and me.role == "mediator":
        moves.append(A.Draft(me.id, package))
    if open_issues and me.role in ("party", "guarantor"):
        to = tuple(view.delegations[s].id for s in counterparts(view))
        if to:
            moves.append(A.Propose(me.id, package, to))
        for i in open_issues:
            position = view.positions[view.me][i]
            if position < 0:
                continue
            lower = [
                o
                for o in range(len(view.issues[i].options))
                if me.values[i][o] < me.values[i][position] and o not in me.red_lines[i]
            ]
            if lower:
                o = lower[rng.below(len(lower))]
                moves.append(A.Concede(me.id, view.issues[i].id, view.issues[i].options[o].id))
                break
    return Decision(moves[rng.below(len(moves))], "chosen at random")


def _random_option(view: View, issue: int, rng: Rng) -> int:
    allowed = [o for o in range(len(view.issues[issue].options)) if o not in view.own.red_lines[issue]]
    return allowed[rng.below(len(allowed))]
