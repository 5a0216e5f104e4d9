"""The rules of each action, checked against a Situation: the one place legality is decided.

`check(situation, action)` raises InvalidAction (malformed: unknown ids, wrong shapes) or
IllegalAction (the rules forbid it now) with a sentence a player can read, or returns what the
handler needs, resolved to indices. The engine's handlers apply only what passed here, and
legal.py asks the same questions to tell a player what it may do and why not.

Checks run in a fixed order: the closing session, a draft owed to the mediator, the action's
own rules in the order its fields are read, and last the action points.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine import actions as A
from game.engine.errors import IllegalAction, InvalidAction
from game.engine.records import in_sentence
from game.engine.situation import (
    DRAFTERS,
    PROPOSERS,
    Situation,
    concession_cost,
    pending_draft,
    pressed_step,
)
from game.engine.state import PENDING, Proposal

ResolvedPackage = tuple[tuple[int, int], ...]

# Actions still allowed to a delegation that owes the mediator an answer to its draft.
BEFORE_DRAFT = (A.Respond, A.WalkOut)
IN_CLOSING = (A.Respond, A.WalkOut, A.Pass)
CLOSING_REFUSAL = "this is the closing session: only answers to the open proposals are taken (or pass)"
NO_AP_REFUSAL = "you have no action points left this turn"
# Action points each kind takes; a pass gives up all that are left.
AP_COST = {"propose": 1, "draft": 1, "respond": 0, "concede": 1, "statement": 1, "pressure": 1, "meet": 1}


def ap_cost(s: Situation, kind: str) -> int:
    return AP_COST.get(kind, s.ap if kind == "pass" else 0)


def draft_refusal(s: Situation) -> str:
    owed = pending_draft(s.proposals, s.me, s.venue)
    return f"answer the mediator's draft #{owed.id} first" if owed is not None else ""


def check(s: Situation, action: A.Action) -> Any:
    """Everything the rules ask of this action after whose turn it is; see the module docstring."""
    checker = CHECKERS.get(type(action))
    if checker is None:
        raise InvalidAction(f"not an action: {action!r}")
    if s.closing:
        if not isinstance(action, IN_CLOSING):
            raise IllegalAction(CLOSING_REFUSAL)
        return checker(s, action)
    if not isinstance(action, BEFORE_DRAFT):
        refusal = draft_refusal(s)
        if refusal:
            raise IllegalAction(refusal)
    resolved = checker(s, action)
    if ap_cost(s, action.kind) > s.ap:
        raise IllegalAction(NO_AP_REFUSAL)
    return resolved


# --- ids to indices ------------------------------------------------------------------------------


def delegation(s: Situation, ident: str) -> int:
    index = s.delegation_index.get(ident)
    if index is None:
        raise InvalidAction(f"there is no delegation {ident!r} in this scenario")
    return index


def issue(s: Situation, ident: str) -> int:
    index = s.issue_index.get(ident)
    if index is None:
        raise InvalidAction(f"there is no issue {ident!r} in this scenario")
    return index


def option(s: Situation, issue_index: int, ident: str) -> int:
    the_issue = s.issues[issue_index]
    index = the_issue.option_index(ident)
    if index < 0:
        raise InvalidAction(f"{the_issue.name} has no option {ident!r}")
    return index


def open_issue_refusal(s: Situation, i: int) -> str:
    name = s.issues[i].name
    if s.settled[i] >= 0:
        return f"{name} is already settled"
    if i not in s.agenda:
        return f"{name} is not on the agenda of {in_sentence(s.venue.name)}"
    return ""


def open_issue(s: Situation, ident: str) -> int:
    """An issue that can still be negotiated here."""
    i = issue(s, ident)
    refusal = open_issue_refusal(s, i)
    if refusal:
        raise IllegalAction(refusal)
    return i


def present_other(s: Situation, ident: str) -> int:
    d = delegation(s, ident)
    if d == s.me:
        raise IllegalAction("you cannot do that with your own delegation")
    if not s.present[d]:
        raise IllegalAction(f"{s.names[d]} is not at the table")
    return d


def role_refusal(s: Situation, roles: tuple[str, ...], doing: str) -> str:
    role = s.roles[s.me]
    article = "an" if role[:1] in "aeiou" else "a"
    return "" if role in roles else f"{article} {role} cannot {doing}"


def _require_role(s: Situation, roles: tuple[str, ...], doing: str) -> None:
    refusal = role_refusal(s, roles, doing)
    if refusal:
        raise IllegalAction(refusal)


def resolve_package(s: Situation, package: A.Package) -> ResolvedPackage:
    pairs, resolved = _resolved(s, package)
    # what the state decides, in the package's order: every issue still open here, then none of
    # the actor's own red lines crossed (open_issue_refusal says why, where it would refuse)
    settled, agenda = s.settled, s.agenda
    for i, _ in pairs:
        if settled[i] >= 0 or i not in agenda:
            raise IllegalAction(open_issue_refusal(s, i))
    red = s.own.red_lines
    for i, o in pairs:
        if o in red[i]:
            raise IllegalAction(f"that package crosses your own red line on {in_sentence(s.issues[i].name)}")
    return resolved


def _resolved(s: Situation, package: A.Package) -> tuple[ResolvedPackage, ResolvedPackage]:
    """The package's (issue, option) indices in its own order, and sorted by issue (what the
    handlers take); InvalidAction for an unknown id, an issue named twice or an empty package.
    A pure function of the package and the scenario's issues: remembered for the package (a long
    game, and a save's log above all, tables the same few packages again and again)."""
    kept = _RESOLVED.get(id(s.issues))
    if kept is None or kept[0] is not s.issues or kept[1] is not s.issue_index:
        if len(_RESOLVED) >= _SCENARIOS_KEPT:
            _RESOLVED.clear()
        # the issues and their index are held, so that no other scenario's can take their ids
        kept = _RESOLVED[id(s.issues)] = (s.issues, s.issue_index, {})
    known = kept[2]
    try:
        found = known.get(package)
    except TypeError:  # not hashable, so no package of ids: read (and refused) below, never kept
        return _resolve(s, package)
    if found is None:
        found = _resolve(s, package)
        if len(known) >= _PACKAGES_KEPT:
            known.clear()
        known[package] = found
    return found


_RESOLVED: dict[int, tuple[object, object, dict[A.Package, tuple[ResolvedPackage, ResolvedPackage]]]] = {}
_SCENARIOS_KEPT = 16
_PACKAGES_KEPT = 4096


def _resolve(s: Situation, package: A.Package) -> tuple[ResolvedPackage, ResolvedPackage]:
    if not package:
        raise InvalidAction("a package needs at least one issue")
    out: dict[int, int] = {}
    # issue() and option() written out, with their messages
    issue_index, issues = s.issue_index, s.issues
    for issue_id, option_id in package:
        i = issue_index.get(issue_id)
        if i is None:
            raise InvalidAction(f"there is no issue {issue_id!r} in this scenario")
        if i in out:
            raise InvalidAction(f"{issues[i].name} appears twice in the package")
        o = issues[i].option_index(option_id)
        if o < 0:
            raise InvalidAction(f"{issues[i].name} has no option {option_id!r}")
        out[i] = o
    return tuple(out.items()), tuple(sorted(out.items()))


def draft_recipients(s: Situation) -> tuple[int, ...]:
    """Who must answer a mediator's draft: every party and guarantor present."""
    return tuple(d for d, here in enumerate(s.present) if here and d != s.me and s.roles[d] in PROPOSERS)


# --- the actions ------------------------------------------------------------------------------


def check_propose(s: Situation, action: A.Propose) -> tuple[ResolvedPackage, tuple[int, ...]]:
    _require_role(s, PROPOSERS, "make proposals")
    package = resolve_package(s, action.package)
    if not action.to:
        raise InvalidAction("a proposal needs at least one addressee")
    to = tuple([present_other(s, t) for t in action.to])
    if len(set(to)) != len(to):
        raise InvalidAction("an addressee appears twice")
    return package, to


NO_DRAFT_RECIPIENTS = "there is nobody at the table to answer a draft"


def check_draft(s: Situation, action: A.Draft) -> tuple[ResolvedPackage, tuple[int, ...]]:
    _require_role(s, DRAFTERS, "table a draft text")
    package = resolve_package(s, action.package)
    to = draft_recipients(s)
    if not to:
        raise IllegalAction(NO_DRAFT_RECIPIENTS)
    return package, to


def check_respond(s: Situation, action: A.Respond) -> Proposal:
    wanted = action.proposal
    for proposal in s.proposals:  # a loop, not next() over a generator: every answer asks
        if proposal.id == wanted:
            break
    else:
        raise IllegalAction(f"there is no open proposal #{action.proposal}")
    answer = proposal.response_of(s.me)
    if answer is None:
        raise IllegalAction(f"proposal #{proposal.id} is not addressed to you")
    if answer != PENDING:
        raise IllegalAction(f"you have already answered proposal #{proposal.id}")
    return proposal


def concession_refusal(s: Situation, i: int, o: int) -> str:
    """Why the viewer may not move its position on open issue i to option o ("" if it may)."""
    the_issue = s.issues[i]
    current = s.positions[s.me][i]
    if current < 0:
        return f"you have no public position on {in_sentence(the_issue.name)} to concede from"
    if o == current:
        return f"that is already your position on {in_sentence(the_issue.name)}"
    if o in s.own.red_lines[i]:
        return f"{the_issue.options[o].label} is across your red line"
    if s.own.values[i][current] - s.own.values[i][o] <= 0:
        return f"moving to {the_issue.options[o].label} is not a concession: you value it as much or more"
    return ""


def check_concede(s: Situation, action: A.Concede) -> tuple[int, int, int]:
    """(issue, option, support it costs at home)."""
    _require_role(s, PROPOSERS, "make concessions")
    i = open_issue(s, action.issue)
    o = option(s, i, action.option)
    refusal = concession_refusal(s, i, o)
    if refusal:
        raise IllegalAction(refusal)
    return i, o, concession_cost(s.rules, s.own, i, s.positions[s.me][i], o)


TONES = A.TONES


def check_statement(s: Situation, action: A.Statement) -> int:
    """The delegation addressed, or -1 for the room."""
    if action.tone not in TONES:
        raise InvalidAction(f"tone must be hardline or conciliatory, not {action.tone!r}")
    return present_other(s, action.to) if action.to else -1


def pressure_refusal(s: Situation, client: int, i: int) -> str:
    """Why the viewer may not press `client` on open issue i ("" if it may)."""
    name, the_issue = s.names[client], s.issues[i]
    target, current = s.positions[s.me][i], s.positions[client][i]
    if target < 0:
        return f"you have no public position on {in_sentence(the_issue.name)} to press towards"
    if current < 0:
        return f"{name} has no public position on {in_sentence(the_issue.name)}"
    if current == target:
        return f"{name} already stands where you do on {in_sentence(the_issue.name)}"
    if pressed_step(target, current) in s.red_lines[client][i]:
        return f"{name} will not move past its red line on {in_sentence(the_issue.name)}"
    return ""


def check_pressure(s: Situation, action: A.Pressure) -> tuple[int, int, int]:
    """(client, issue, the option the client moves to)."""
    client = present_other(s, action.client)
    if s.me not in s.patrons[client]:
        raise IllegalAction(f"{s.names[client]} is not your client")
    i = open_issue(s, action.issue)
    refusal = pressure_refusal(s, client, i)
    if refusal:
        raise IllegalAction(refusal)
    return client, i, pressed_step(s.positions[s.me][i], s.positions[client][i])


def check_meet(s: Situation, action: A.Meet) -> int:
    return present_other(s, action.other)


def boycott_refusal(s: Situation) -> str:
    if not s.venue.attendance_optional:
        return f"attendance at {in_sentence(s.venue.name)} is not optional: walking out is the only way to leave"
    if s.round != 1:
        return "a boycott must be declared in the first round"
    return ""


def check_boycott(s: Situation, action: A.Boycott) -> None:
    refusal = boycott_refusal(s)
    if refusal:
        raise IllegalAction(refusal)


def _is_text(value: object) -> bool:
    return type(value) is str


def _is_pairs(value: object) -> bool:
    # a loop rather than all() over a generator: asked for every proposal and draft
    if type(value) is not tuple:
        return False
    for pair in value:
        if type(pair) is not tuple or len(pair) != 2 or type(pair[0]) is not str or type(pair[1]) is not str:
            return False
    return True


def check_types(action: A.Action) -> None:
    """InvalidAction unless every field has its declared type. Dataclasses do not check types,
    and an action may come from a plug-in agent or a test with anything in it: checked once here,
    at the edge, so the rules behind it can trust their input and keep their speed. (Respond's
    accept='no' would otherwise count as an acceptance, being a non-empty string.)"""
    if type(action.actor) is not str:
        raise InvalidAction(f"the actor must be a delegation id, not {action.actor!r}")
    # dispatched on the exact type: apply() takes no other (HANDLERS is keyed by type)
    kind = type(action)
    if kind is A.Propose or kind is A.Draft:
        if not _is_pairs(action.package):  # type: ignore[union-attr]
            raise InvalidAction("a package must be a tuple of (issue id, option id) pairs")
        if kind is A.Propose and not (type(action.to) is tuple and all(map(_is_text, action.to))):  # type: ignore[union-attr]
            raise InvalidAction("the addressees must be a tuple of delegation ids")
    elif kind is A.Respond:
        if not (type(action.proposal) is int and type(action.accept) is bool):  # type: ignore[union-attr]
            raise InvalidAction("an answer names a proposal by its number and accepts with true or false")
    else:
        names = _TEXT_FIELDS.get(kind, ())
        if not all(type(getattr(action, name)) is str for name in names):
            raise InvalidAction(f"a {action.kind} action names things by their ids (text)")


# the fields that name things by id, of the actions not checked one by one above
_TEXT_FIELDS: dict[type, tuple[str, ...]] = {
    A.Concede: ("issue", "option"),
    A.Statement: ("tone", "to"),
    A.Pressure: ("client", "issue"),
    A.Meet: ("other",),
}


def check_nothing(s: Situation, action: A.Action) -> None:
    """Walking out and passing are always open to the delegation whose turn it is."""


CHECKERS: dict[type, Callable[[Situation, Any], Any]] = {
    A.Propose: check_propose,
    A.Draft: check_draft,
    A.Respond: check_respond,
    A.Concede: check_concede,
    A.Statement: check_statement,
    A.Pressure: check_pressure,
    A.Meet: check_meet,
    A.WalkOut: check_nothing,
    A.Boycott: check_boycott,
    A.Pass: check_nothing,
}
