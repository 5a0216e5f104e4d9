"""What the legality of a move depends on, seen from one delegation's seat.

The same facts come from the full State (the engine checking an action) and from that
delegation's View (an agent or the UI asking what it may do), so the rules in legal.py are
written once, against this, and read the same numbers either way. Everything here is public
or the viewer's own: the roles, patrons and declared red lines of all, the viewer's values.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from game.engine.model import GUARANTOR, MEDIATOR, PARTY, Delegation, Issue, Rules, Venue
from game.engine.records import in_sentence
from game.engine.state import PENDING, RUNNING, Proposal, State
from game.engine.view import View

# Who may make proposals and concessions, and so is put a mediator's draft text.
PROPOSERS = (PARTY, GUARANTOR)
# Who may table a draft (the single negotiating text).
DRAFTERS = (MEDIATOR,)


def may_propose(role: str) -> bool:
    return role in PROPOSERS


def may_draft(role: str) -> bool:
    return role in DRAFTERS


class Situation(NamedTuple):
    """Built for every action apply() checks, so a NamedTuple: it is made in one C call, where a
    frozen dataclass sets its two dozen fields one by one."""

    me: int
    own: Delegation
    ids: tuple[str, ...]
    names: tuple[str, ...]
    delegation_index: Mapping[str, int]
    issue_index: Mapping[str, int]
    roles: tuple[str, ...]
    patrons: tuple[tuple[int, ...], ...]
    red_lines: tuple[tuple[frozenset[int], ...], ...]  # declared in public by each side
    issues: tuple[Issue, ...]
    venue: Venue
    rules: Rules
    round: int
    ap: int
    closing: bool
    not_my_turn: str  # "" when the viewer is to move, else why not, in the engine's words
    positions: tuple[tuple[int, ...], ...]
    agenda: tuple[int, ...]
    settled: tuple[int, ...]
    present: tuple[bool, ...]
    proposals: tuple[Proposal, ...]  # open proposals (at least those the viewer made or must answer)

    @property
    def name(self) -> str:
        return self.names[self.me]


def _turn_refusal(over: bool, actor: int, me: int, names: Sequence[str]) -> str:
    if over:
        return "the game is over"
    if actor != me:
        return f"it is {in_sentence(names[actor])}'s turn, not {in_sentence(names[me])}'s"
    return ""


def from_state(state: State, me: int) -> Situation:
    sc = state.scenario
    venue = state.venue
    actor = sc.venues[venue].turn_order[state.turn]  # state.actor, read once
    # Built for every action apply() checks: positionally in one C call (tuple.__new__, as
    # Situation._make does), in the order of Situation's fields, without the keywords' parsing.
    # Its first twelve fields are the scenario's, for this seat at this venue: read once per
    # scenario (held by it, at most venues x delegations of them), and joined to the state's.
    fixed = sc.situation_fixed.get((venue, me))
    if fixed is None:
        fixed = sc.situation_fixed[venue, me] = (
            me,
            sc.delegations[me],
            sc.ids,
            sc.names,
            sc.delegation_index,
            sc.issue_index,
            sc.roles,
            sc.patrons,
            sc.red_lines,
            sc.issues,
            sc.venues[venue],
            sc.rules,
        )
    return _new(
        Situation,
        (
            *fixed,
            state.round,
            state.ap if actor == me else 0,
            state.closing,
            _turn_refusal(state.outcome != RUNNING, actor, me, sc.names),
            state.positions,
            state.agenda,
            state.settled,
            state.present,
            state.proposals,
        ),
    )


_new = tuple.__new__


# id(delegations) -> (the delegations, their ids, names, index by id, roles, patrons): the public
# tables of a view, the same objects move after move (view_for shares them per scenario), so
# worked out once; holding the tuple means its id cannot be taken by another. Bounded by clearing.
_Public = tuple[tuple[str, ...], tuple[str, ...], dict[str, int], tuple[str, ...], tuple[tuple[int, ...], ...]]
_publics: dict[int, tuple[object, _Public]] = {}
_issue_indices: dict[int, tuple[object, dict[str, int]]] = {}
_KEPT = 64


def _public(view: View) -> _Public:
    hit = _publics.get(id(view.delegations))
    if hit is not None and hit[0] is view.delegations:
        return hit[1]
    ds = view.delegations
    found = (
        tuple(d.id for d in ds),
        tuple(d.name for d in ds),
        {d.id: i for i, d in enumerate(ds)},
        tuple(d.role for d in ds),
        tuple(d.patrons for d in ds),
    )
    if len(_publics) >= _KEPT:
        _publics.clear()
    _publics[id(ds)] = (ds, found)
    return found


def _issue_index(view: View) -> dict[str, int]:
    hit = _issue_indices.get(id(view.issues))
    if hit is not None and hit[0] is view.issues:
        return hit[1]
    found = {x.id: i for i, x in enumerate(view.issues)}
    if len(_issue_indices) >= _KEPT:
        _issue_indices.clear()
    _issue_indices[id(view.issues)] = (view.issues, found)
    return found


def from_view(view: View) -> Situation:
    ids, names, delegation_index, roles, patrons = _public(view)
    return Situation(
        me=view.me,
        own=view.own,
        ids=ids,
        names=names,
        delegation_index=delegation_index,
        issue_index=_issue_index(view),
        roles=roles,
        patrons=patrons,
        red_lines=view.red_lines,
        issues=view.issues,
        venue=view.venue,
        rules=view.rules,
        round=view.round,
        ap=view.ap,
        closing=view.closing,
        # my_turn decides, so a view made for a "what if it were my turn" question still works
        not_my_turn="" if view.my_turn else _turn_refusal(view.over, view.actor, view.me, names) or "not your turn",
        positions=view.positions,
        agenda=view.agenda,
        settled=view.settled,
        present=view.present,
        proposals=view.proposals,
    )


# --- costs at home: one formula each, used by the handlers and every agent ------------------


def concession_cost(rules: Rules, own: Delegation, issue: int, current: int, option: int) -> int:
    """Support lost at home for moving a public position on `issue` from `current` to `option`."""
    drop = own.values[issue][current] - own.values[issue][option]
    # The small tolerance keeps a float just over an integer from costing one point more.
    return max(1, math.ceil(rules.concession_cost * own.weights[issue] * drop - 1e-9))


def concession_trusters(
    delegations: Sequence[Delegation], present: Sequence[bool], actor: int, issue: int, current: int, option: int
) -> tuple[int, ...]:
    """Who gains `concession_trust` in `actor` for its concession on `issue` from `current` to
    `option`: every other delegation at the table that values the new option more than the old."""
    return tuple(
        d
        for d, other in enumerate(delegations)
        if d != actor and present[d] and other.values[issue][option] > other.values[issue][current]
    )


def agreement_concession(
    rules: Rules, own: Delegation, position: Sequence[int], package: Sequence[tuple[int, int]]
) -> int:
    """Support an agreement on `package` costs a signatory for settling below its public
    positions. An agreement also earns credit, so this is half what conceding would cost."""
    given_up = 0.0
    for i, o in package:
        p = position[i]
        if p >= 0:
            given_up += own.weights[i] * max(0.0, own.values[i][p] - own.values[i][o])
    return math.ceil(rules.concession_cost * given_up / 2 - 1e-9)


def agreement_cost(rules: Rules, own: Delegation, position: Sequence[int], package: Sequence[tuple[int, int]]) -> int:
    """All the support an agreement on `package` costs a signatory: the concession above, and
    the anger at home for every red line it crosses."""
    crossed = sum(1 for i, o in package if o in own.red_lines[i])
    return agreement_concession(rules, own, position, package) + crossed * rules.redline_support


def leave_momentum(rules: Rules, venue: Venue, boycott: bool) -> int:
    """Momentum a delegation leaving costs the talks: the venue's own figure, else the rules';
    half for a boycott (rounded down)."""
    cost = venue.walkout_momentum if venue.walkout_momentum >= 0 else rules.walkout_momentum
    return cost // (2 if boycott else 1)


def leave_trust_losers(venue: Venue, delegations: int, boycott: bool) -> Sequence[int]:
    """Whose trust in a delegation that leaves falls (by rules.leave_trust): the chair's for a
    boycott where the venue has one, else everyone's (a side's trust in itself never moves)."""
    return [venue.chair] if boycott and venue.chair >= 0 else range(delegations)


def pressed_step(patron_position: int, client_position: int) -> int:
    """Where a pressed client moves: one option towards its patron's public position."""
    return client_position + (1 if patron_position > client_position else -1)


def pending_draft(proposals: Sequence[Proposal], me: int, venue: Venue) -> Proposal | None:
    """The mediator's draft the delegation must answer before anything else, if any. Only a
    signatory of the venue owes it first: a draft is decided by the signatories' answers, so a
    party that signs nothing (the SNC at Sochi) may answer it when it likes, or not at all."""
    if me not in venue.signatories:
        return None
    for p in proposals:
        if p.draft and p.response_of(me) == PENDING:
            return p
    return None
