"""One function per action: check that the rules allow it, then make its changes on a Work.

Each handler raises before it changes anything, so a refused action leaves no trace.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from game.engine import actions as A
from game.engine.errors import IllegalAction, InvalidAction
from game.engine.state import ACCEPTED, PENDING, REJECTED, Agreement, Proposal
from game.engine.utility import crossed_red_lines
from game.engine.work import Work

PROPOSERS = ("party", "guarantor")
_RESPONSE_TRUST = 2
_AGREEMENT_TRUST = 3
_MEET_MOMENTUM = 1


def delegation(w: Work, ident: str, what: str = "delegation") -> int:
    index = w.scenario.delegation_index.get(ident)
    if index is None:
        raise InvalidAction(f"there is no {what} {ident!r} in this scenario")
    return index


def issue(w: Work, ident: str) -> int:
    index = w.scenario.issue_index.get(ident)
    if index is None:
        raise InvalidAction(f"there is no issue {ident!r} in this scenario")
    return index


def option(w: Work, issue_index: int, ident: str) -> int:
    the_issue = w.scenario.issues[issue_index]
    index = the_issue.option_index(ident)
    if index < 0:
        raise InvalidAction(f"{the_issue.name} has no option {ident!r}")
    return index


def open_issue(w: Work, ident: str) -> int:
    """An issue that can still be negotiated here."""
    i = issue(w, ident)
    name = w.scenario.issues[i].name
    if w.settled[i] >= 0:
        raise IllegalAction(f"{name} is already settled")
    if i not in w.agenda:
        raise IllegalAction(f"{name} is not on the agenda of {w.scenario.venues[w.venue].name}")
    return i


def present_other(w: Work, actor: int, ident: str) -> int:
    d = delegation(w, ident)
    if d == actor:
        raise IllegalAction("you cannot do that with your own delegation")
    if not w.present[d]:
        raise IllegalAction(f"{w.name(d)} is not at the table")
    return d


def require_role(w: Work, actor: int, roles: tuple[str, ...], doing: str) -> None:
    role = w.scenario.delegations[actor].role
    if role not in roles:
        raise IllegalAction(f"a {role} cannot {doing}")


def resolve_package(w: Work, actor: int, package: A.Package) -> tuple[tuple[int, int], ...]:
    if not package:
        raise InvalidAction("a package needs at least one issue")
    out: dict[int, int] = {}
    for issue_id, option_id in package:
        i = issue(w, issue_id)
        if i in out:
            raise InvalidAction(f"{w.scenario.issues[i].name} appears twice in the package")
        out[i] = option(w, i, option_id)
    for i in out:
        open_issue(w, w.scenario.issues[i].id)
    crossed = crossed_red_lines(w.scenario.delegations[actor], list(out.items()))
    if crossed:
        raise IllegalAction(f"that package crosses your own red line on {w.scenario.issues[crossed[0]].name}")
    return tuple(sorted(out.items()))


def describe_package(w: Work, package: tuple[tuple[int, int], ...]) -> str:
    issues = w.scenario.issues
    return "; ".join(f"{issues[i].name}: {issues[i].options[o].label}" for i, o in package)


def pending_draft(w: Work, actor: int) -> Proposal | None:
    for p in w.proposals:
        if p.draft and p.response_of(actor) == PENDING:
            return p
    return None


# --- the actions ------------------------------------------------------------------------------


def propose(w: Work, actor: int, action: A.Propose) -> int:
    require_role(w, actor, PROPOSERS, "make proposals")
    package = resolve_package(w, actor, action.package)
    if not action.to:
        raise InvalidAction("a proposal needs at least one addressee")
    to = tuple(present_other(w, actor, t) for t in action.to)
    if len(set(to)) != len(to):
        raise InvalidAction("an addressee appears twice")
    _table(w, actor, package, to, draft=False)
    return 1


def draft(w: Work, actor: int, action: A.Draft) -> int:
    require_role(w, actor, ("mediator",), "table a draft text")
    package = resolve_package(w, actor, action.package)
    to = tuple(
        d
        for d, present in enumerate(w.present)
        if present and d != actor and w.scenario.delegations[d].role in PROPOSERS
    )
    if not to:
        raise IllegalAction("there is nobody at the table to answer a draft")
    _table(w, actor, package, to, draft=True)
    return 1


def _table(w: Work, actor: int, package: tuple[tuple[int, int], ...], to: tuple[int, ...], draft: bool) -> None:
    superseded = [p for p in w.proposals if p.author == actor]
    if superseded:
        w.close_proposals(lambda p: p.author != actor)
        w.say("withdrawn", f"{w.name(actor)} withdraws proposal #{superseded[0].id} in favour of a new one.", actor)
    p = Proposal(w.next_proposal, actor, package, to, (PENDING,) * len(to), w.round, draft)
    w.next_proposal += 1
    w.add_proposal(p)
    w.tally_offer(actor, package)
    names = ", ".join(w.name(d) for d in to)
    what = "tables draft text" if draft else "proposes"
    w.say(
        "draft" if draft else "propose",
        f"{w.name(actor)} {what} #{p.id} to {names}: {describe_package(w, package)}.",
        actor,
    )


def respond(w: Work, actor: int, action: A.Respond) -> int:
    proposal = next((p for p in w.proposals if p.id == action.proposal), None)
    if proposal is None:
        raise IllegalAction(f"there is no open proposal #{action.proposal}")
    answer = proposal.response_of(actor)
    if answer is None:
        raise IllegalAction(f"proposal #{proposal.id} is not addressed to you")
    if answer != PENDING:
        raise IllegalAction(f"you have already answered proposal #{proposal.id}")
    verdict = ACCEPTED if action.accept else REJECTED
    responses = tuple(verdict if d == actor else r for d, r in zip(proposal.to, proposal.responses, strict=True))
    updated = Proposal(
        proposal.id, proposal.author, proposal.package, proposal.to, responses, proposal.round, proposal.draft
    )
    w.proposals = [updated if p.id == proposal.id else p for p in w.proposals]
    w.add_trust(proposal.author, actor, _RESPONSE_TRUST if action.accept else -_RESPONSE_TRUST)
    w.tally_answer(actor, proposal.package, action.accept)
    word = "accepts" if action.accept else "rejects"
    w.say("respond", f"{w.name(actor)} {word} proposal #{proposal.id}.", actor)
    if action.accept:
        w.moved = True
    _settle_if_done(w, updated)
    return 0


def _settle_if_done(w: Work, p: Proposal) -> None:
    required = w.required_signatories()
    said_yes = {p.author} | {d for d, r in zip(p.to, p.responses, strict=True) if r == ACCEPTED}
    blockers = [d for d, r in zip(p.to, p.responses, strict=True) if r == REJECTED and d in required]
    if blockers:
        w.close_proposals(lambda q: q.id != p.id)
        w.say("failed", f"Proposal #{p.id} fails: {w.name(blockers[0])} rejected it.")
        return
    if all(d in said_yes for d in required):
        w.close_proposals(lambda q: q.id != p.id)
        _agree(w, p, tuple(required))
        return
    if PENDING not in p.responses:
        w.close_proposals(lambda q: q.id != p.id)
        w.say("closed", f"Proposal #{p.id} is accepted by all it was put to, but not every signatory was asked.")


def _agree(w: Work, p: Proposal, parties: tuple[int, ...]) -> None:
    sc = w.scenario
    rules = sc.rules
    for d in parties:
        dl = sc.delegations[d]
        # Settling below one's public position is a concession too, seen at home; an agreement
        # also earns some credit, so it costs half what a unilateral concession would.
        given_up = 0.0
        for i, o in p.package:
            position = w.positions[d][i]
            if position >= 0:
                given_up += dl.weights[i] * max(0.0, dl.values[i][position] - dl.values[i][o])
        w.add_support(d, -math.ceil(rules.concession_cost * given_up / 2 - 1e-9))
        for i in crossed_red_lines(dl, p.package):
            w.add_support(d, -rules.redline_support)
            w.say("red_line", f"The deal crosses {dl.name}'s red line on {sc.issues[i].name}: anger at home.", d)
        for e in parties:
            w.add_trust(d, e, _AGREEMENT_TRUST)
    for i, o in p.package:
        w.set_settled(i, o)
        for d in range(len(w.positions)):
            if w.positions[d][i] >= 0:
                w.set_position(d, i, o)
    w.add_agreement(Agreement(p.id, w.venue, w.round, p.package, parties))
    w.add_momentum(rules.agreement_momentum)
    w.moved = True
    settled = {i for i, _ in p.package}
    w.close_proposals(lambda q: all(i not in settled for i, _ in q.package))
    w.say("agreement", f"Agreement (proposal #{p.id}): {describe_package(w, p.package)}.", p.author)
    for i, o in p.package:
        for effect in sc.issues[i].options[o].effects:
            w.apply_effect(effect)


def concede(w: Work, actor: int, action: A.Concede) -> int:
    require_role(w, actor, PROPOSERS, "make concessions")
    i = open_issue(w, action.issue)
    o = option(w, i, action.option)
    sc = w.scenario
    me = sc.delegations[actor]
    the_issue = sc.issues[i]
    current = w.positions[actor][i]
    if current < 0:
        raise IllegalAction(f"you have no public position on {the_issue.name} to concede from")
    if o == current:
        raise IllegalAction(f"that is already your position on {the_issue.name}")
    if o in me.red_lines[i]:
        raise IllegalAction(f"{the_issue.options[o].label} is across your red line")
    drop = me.values[i][current] - me.values[i][o]
    if drop <= 0:
        raise IllegalAction(f"moving to {the_issue.options[o].label} is not a concession: you value it as much or more")
    cost = max(1, math.ceil(sc.rules.concession_cost * me.weights[i] * drop - 1e-9))
    w.set_position(actor, i, o)
    w.add_support(actor, -cost)
    for d, other in enumerate(sc.delegations):
        if d != actor and w.present[d] and other.values[i][o] > other.values[i][current]:
            w.add_trust(d, actor, 3)
    w.add_momentum(sc.rules.concession_momentum)
    w.count_concession(actor)
    w.moved = True
    w.say("concede", f"{me.name} moves its position on {the_issue.name} to: {the_issue.options[o].label}.", actor)
    return 1


def statement(w: Work, actor: int, action: A.Statement) -> int:
    if action.tone not in A.TONES:
        raise InvalidAction(f"tone must be hardline or conciliatory, not {action.tone!r}")
    rules = w.scenario.rules
    target = present_other(w, actor, action.to) if action.to else -1
    hard = action.tone == "hardline"
    trust = -rules.hardline_trust if hard else rules.conciliatory_trust
    if target >= 0:
        w.add_trust(target, actor, trust)
    else:
        for d, present in enumerate(w.present):
            if present:
                w.add_trust(d, actor, int(trust / 2))
    w.add_support(actor, rules.hardline_support if hard else -rules.conciliatory_support)
    w.add_momentum(-2 if hard else 1)
    audience = w.name(target) if target >= 0 else "the room"
    w.say("statement", f"{w.name(actor)} makes a {action.tone} statement to {audience}.", actor)
    return 1


def pressure(w: Work, actor: int, action: A.Pressure) -> int:
    client = present_other(w, actor, action.client)
    sc = w.scenario
    if actor not in sc.delegations[client].patrons:
        raise IllegalAction(f"{w.name(client)} is not your client")
    i = open_issue(w, action.issue)
    the_issue = sc.issues[i]
    target, current = w.positions[actor][i], w.positions[client][i]
    if target < 0:
        raise IllegalAction(f"you have no public position on {the_issue.name} to press towards")
    if current < 0:
        raise IllegalAction(f"{w.name(client)} has no public position on {the_issue.name}")
    if current == target:
        raise IllegalAction(f"{w.name(client)} already stands where you do on {the_issue.name}")
    step = current + (1 if target > current else -1)
    if step in sc.delegations[client].red_lines[i]:
        raise IllegalAction(f"{w.name(client)} will not move past its red line on {the_issue.name}")
    w.set_position(client, i, step)
    w.add_trust(client, actor, -sc.rules.pressure_trust)
    w.add_support(actor, -sc.rules.pressure_standing)
    w.add_support(client, -2)
    w.add_momentum(2)
    w.moved = True
    label = the_issue.options[step].label
    w.say("pressure", f"{w.name(actor)} presses {w.name(client)}, which moves on {the_issue.name} to: {label}.", actor)
    return 1


def meet(w: Work, actor: int, action: A.Meet) -> int:
    other = present_other(w, actor, action.other)
    for learner, subject in ((actor, other), (other, actor)):
        _reveal(w, learner, subject)
        w.add_trust(learner, subject, w.scenario.rules.meet_trust)
    w.add_momentum(_MEET_MOMENTUM)
    w.say("meet", f"{w.name(actor)} and {w.name(other)} meet in private.", actor)
    return 1


def _reveal(w: Work, learner: int, subject: int) -> None:
    """The learner finds out how much the subject cares about its weightiest unknown issue."""
    weights = w.scenario.delegations[subject].weights
    unknown = [i for i in range(len(weights)) if not w.knows(learner, subject, i) and weights[i] > 0]
    if unknown:
        # Issues on the table first: that is what a bilateral talks about.
        best = max(unknown, key=lambda i: (i in w.agenda, weights[i], -i))
        w.reveal(learner, subject, best)


def walk_out(w: Work, actor: int, action: A.WalkOut) -> int:
    _leave(w, actor)
    w.say("walk_out", f"{w.name(actor)} walks out of the talks.", actor)
    return 0


def boycott(w: Work, actor: int, action: A.Boycott) -> int:
    venue = w.scenario.venues[w.venue]
    if not venue.attendance_optional:
        raise IllegalAction(f"attendance at {venue.name} is not optional: walking out is the only way to leave")
    if w.round != 1:
        raise IllegalAction("a boycott must be declared in the first round")
    _leave(w, actor, boycott=True)
    w.add_support(actor, w.scenario.rules.hardline_support)
    w.say("boycott", f"{w.name(actor)} boycotts {venue.name}.", actor)
    return 0


def _leave(w: Work, actor: int, boycott: bool = False) -> None:
    venue = w.scenario.venues[w.venue]
    w.set_present(actor, False)
    w.set_boycotted(actor, boycott)
    w.close_proposals(lambda p: p.author != actor and actor not in p.to)
    hosts = [venue.chair] if boycott and venue.chair >= 0 else range(len(w.present))
    for d in hosts:
        w.add_trust(d, actor, -10)
    w.add_momentum(-(w.scenario.rules.walkout_momentum // (2 if boycott else 1)))


def pass_turn(w: Work, actor: int, action: A.Pass) -> int:
    w.say("pass", f"{w.name(actor)} passes.", actor)
    return w.ap


HANDLERS: dict[type, Callable[[Work, int, A.Action], int]] = {
    A.Propose: propose,  # type: ignore[dict-item]
    A.Draft: draft,  # type: ignore[dict-item]
    A.Respond: respond,  # type: ignore[dict-item]
    A.Concede: concede,  # type: ignore[dict-item]
    A.Statement: statement,  # type: ignore[dict-item]
    A.Pressure: pressure,  # type: ignore[dict-item]
    A.Meet: meet,  # type: ignore[dict-item]
    A.WalkOut: walk_out,  # type: ignore[dict-item]
    A.Boycott: boycott,  # type: ignore[dict-item]
    A.Pass: pass_turn,  # type: ignore[dict-item]
}
