"""One function per action: its changes on a Work, once checks.py has passed it.

A handler gets the action and what the check resolved it to (indices, the proposal answered,
the cost at home), so it never decides a rule itself and never has to undo anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine import actions as A
from game.engine.checks import ResolvedPackage as Package
from game.engine.records import in_sentence, listed
from game.engine.situation import agreement_concession, concession_trusters, leave_momentum, leave_trust_losers
from game.engine.state import ACCEPTED, PENDING, REJECTED, Agreement, Proposal, frozen
from game.engine.utility import crossed_red_lines
from game.engine.work import Work


def describe_package(w: Work, package: tuple[tuple[int, int], ...]) -> str:
    # A pure function of the scenario's issues and the package, and a long game tables the same
    # few packages again and again: written once per scenario (bounded there)
    texts = w.scenario.package_texts
    text = texts.get(package)
    if text is None:
        issues = w.scenario.issues
        text = "; ".join([f"{issues[i].name}: {issues[i].options[o].label}" for i, o in package])
        if len(texts) >= PACKAGE_TEXTS_KEPT:
            texts.clear()
        texts[package] = text
    return text


PACKAGE_TEXTS_KEPT = 4096  # packages whose text a scenario keeps


# --- the actions ------------------------------------------------------------------------------


def propose(w: Work, actor: int, action: A.Propose, checked: tuple[Package, tuple[int, ...]]) -> None:
    _table(w, actor, *checked, draft=False)


def draft(w: Work, actor: int, action: A.Draft, checked: tuple[Package, tuple[int, ...]]) -> None:
    _table(w, actor, *checked, draft=True)


def _table(w: Work, actor: int, package: tuple[tuple[int, int], ...], to: tuple[int, ...], draft: bool) -> None:
    superseded = [p for p in w.proposals if p.author == actor]
    if superseded:
        w.close_proposals(lambda p: p.author != actor)
        w.say(
            "withdrawn",
            f"{w.name(actor)} {w.verb(actor, 'withdraws')} proposal #{superseded[0].id} in favour of a new one.",
            actor,
        )
    # filled in directly (state.frozen), as the states are: the constructor of a frozen dataclass
    # sets each field through object.__setattr__
    p = frozen(
        Proposal,
        {
            "id": w.next_proposal,
            "author": actor,
            "package": package,
            "to": to,
            "responses": (PENDING,) * len(to),
            "round": w.round,
            "draft": draft,
        },
    )
    w.next_proposal += 1
    w.add_proposal(p)
    w.tally_offer(actor, package)
    names = ", ".join([in_sentence(w.name(d)) for d in to])
    what = w.verb(actor, "tables draft text" if draft else "proposes")
    w.say(
        "draft" if draft else "propose",
        f"{w.name(actor)} {what} #{p.id} to {names}: {describe_package(w, package)}.",
        actor,
    )


def respond(w: Work, actor: int, action: A.Respond, proposal: Proposal) -> None:
    verdict = ACCEPTED if action.accept else REJECTED
    # the actor's answer in its place: an addressee is named once (checks.check_propose refuses a
    # name given twice; a draft's recipients are each delegation once)
    k = proposal.to.index(actor)
    responses = (*proposal.responses[:k], verdict, *proposal.responses[k + 1 :])
    updated = frozen(Proposal, {**vars(proposal), "responses": responses})  # the proposal with this answer
    w.proposals = [updated if p.id == proposal.id else p for p in w.proposals]
    trust = w.scenario.rules.response_trust
    w.add_trust(proposal.author, actor, trust if action.accept else -trust)
    w.tally_answer(actor, proposal.package, action.accept)
    w.record_answer(actor, proposal, action.accept)
    word = "accepts" if action.accept else "rejects"
    w.say("respond", f"{w.name(actor)} {w.verb(actor, word)} proposal #{proposal.id}.", actor)
    if action.accept:
        w.moved = True
    _settle_if_done(w, updated)


def _settle_if_done(w: Work, p: Proposal) -> None:
    required = w.required_signatories()
    for d, r in zip(p.to, p.responses, strict=True):
        if r == REJECTED and d in required:  # the first signatory present to refuse it
            w.close_proposals(lambda q: q.id != p.id)
            w.say("failed", f"Proposal #{p.id} fails: {in_sentence(w.name(d))} rejected it.")
            return
    said_yes = {p.author} | {d for d, r in zip(p.to, p.responses, strict=True) if r == ACCEPTED}
    if said_yes.issuperset(required):  # every signatory present said yes
        w.close_proposals(lambda q: q.id != p.id)
        _agree(w, p, tuple(required))
        return
    if not any(r == PENDING and w.present[d] for d, r in zip(p.to, p.responses, strict=True)):
        w.close_proposals(lambda q: q.id != p.id)
        gone = [d for d, r in zip(p.to, p.responses, strict=True) if r == PENDING]
        if gone:  # its last answers left the table with those who owed them
            names = listed([in_sentence(w.name(d)) for d in gone])
            w.say("closed", f"Proposal #{p.id} closes: {names}, to whom it was put, left without answering.")
        else:
            w.say("closed", f"Proposal #{p.id} is accepted by all it was put to, but not every signatory was asked.")


def _agree(w: Work, p: Proposal, parties: tuple[int, ...]) -> None:
    sc = w.scenario
    rules = sc.rules
    lost, paid = [], False
    for d in parties:
        dl = sc.delegations[d]
        # Settling below one's public position is a concession too, seen at home; an agreement
        # also earns some credit, so it costs half what a unilateral concession would.
        before = w.support[d]
        w.add_support(d, -agreement_concession(rules, dl, w.positions[d], p.package))
        for i in crossed_red_lines(dl, p.package):
            w.add_support(d, -rules.redline_support)
            w.say(
                "red_line",
                f"The deal crosses {in_sentence(dl.name)}'s red line on {in_sentence(sc.issues[i].name)}: anger at home.",
                d,
            )
        # what it lost, support being held at 0 at the least; a signatory that lost none says 0
        # (left out, it read as one whose cost was not known; "A and B lose none" was ambiguous
        # where a name holds an "and": "the Moscow and Cairo platforms and independents")
        lost.append(f"{in_sentence(dl.name)} {before - w.support[d]}")
        paid = paid or before > w.support[d]
        for e in parties:
            w.add_trust(d, e, rules.agreement_trust)
    for i, o in p.package:
        w.set_settled(i, o)
        for d in range(len(w.positions)):
            if w.positions[d][i] >= 0:
                w.set_position(d, i, o)
    w.add_agreement(Agreement(p.id, w.venue, w.round, p.package, parties))
    w.add_momentum(rules.agreement_momentum)
    w.moved = True
    settled = {i for i, _ in p.package}
    overtaken = [q for q in w.proposals if q.id != p.id and any(i in settled for i, _ in q.package)]
    w.close_proposals(lambda q: all(i not in settled for i, _ in q.package))
    w.say("agreement", f"Agreement (proposal #{p.id}): {describe_package(w, p.package)}.", p.author)
    if paid:
        # said, not only done: a newcomer lost 21 of 43 support to a signature without a word
        w.say("signing_cost", f"What signing gave up costs support at home: {', '.join(lost)}.", p.author)
    for i, o in p.package:
        for effect in sc.issues[i].options[o].effects:
            w.apply_effect(effect)
    _say_overtaken(w, overtaken)


def _say_overtaken(w: Work, overtaken: list[Proposal]) -> None:
    """Name the open proposals an agreement closed (it settled issues they put on the table):
    a draft a side had just accepted left the transcript without a word (a scenario author's
    reading of `watch`). Not where the agenda is settled, the agreed options' effects applied
    (one may reopen an issue or take one off the agenda): the venue's end says it for all."""
    if not overtaken or all(w.settled[i] >= 0 for i in w.agenda):
        return
    named = [(f"{'draft text' if q.draft else 'proposal'} #{q.id}", in_sentence(w.name(q.author))) for q in overtaken]
    if len(named) == 1:
        what, who = named[0]
        text = f"{what} by {who} closes: the agreement settles issues it put on the table."
    else:  # each author in brackets: a name may hold an "and" of its own
        text = f"{listed([f'{what} ({who})' for what, who in named])} close: the agreement settles issues they put on the table."
    w.say("overtaken", text[:1].upper() + text[1:])


def concede(w: Work, actor: int, action: A.Concede, checked: tuple[int, int, int]) -> None:
    i, o, cost = checked
    sc = w.scenario
    me = sc.delegations[actor]
    the_issue = sc.issues[i]
    current = w.positions[actor][i]
    w.set_position(actor, i, o)
    w.add_support(actor, -cost)
    for d in concession_trusters(sc.delegations, w.present, actor, i, current, o):
        w.add_trust(d, actor, sc.rules.concession_trust)
    w.add_momentum(sc.rules.concession_momentum)
    w.count_concession(actor)
    w.moved = True
    w.say(
        "concede",
        f"{me.name} {w.verb(actor, 'moves its')} position on {in_sentence(the_issue.name)} to: {the_issue.options[o].label}.",
        actor,
    )


def statement(w: Work, actor: int, action: A.Statement, target: int) -> None:
    rules = w.scenario.rules
    hard = action.tone == "hardline"
    trust = -rules.hardline_trust if hard else rules.conciliatory_trust
    if target >= 0:
        w.add_trust(target, actor, trust)
    else:
        for d, present in enumerate(w.present):
            if present:
                w.add_trust(d, actor, int(trust / 2))
    w.add_support(actor, rules.hardline_support if hard else -rules.conciliatory_support)
    w.add_momentum(-rules.hardline_momentum if hard else rules.conciliatory_momentum)
    audience = in_sentence(w.name(target)) if target >= 0 else "the room"
    w.say("statement", f"{w.name(actor)} {w.verb(actor, 'makes')} a {action.tone} statement to {audience}.", actor)


def pressure(w: Work, actor: int, action: A.Pressure, checked: tuple[int, int, int]) -> None:
    client, i, step = checked
    sc = w.scenario
    the_issue = sc.issues[i]
    w.set_position(client, i, step)
    w.add_trust(client, actor, -sc.rules.pressure_trust)
    w.add_support(actor, -sc.rules.pressure_standing)
    w.add_support(client, -sc.rules.pressure_support)
    w.add_momentum(sc.rules.pressure_momentum)
    w.moved = True
    label = the_issue.options[step].label
    w.say(
        "pressure",
        f"{w.name(actor)} {w.verb(actor, 'presses')} {in_sentence(w.name(client))}, which {w.verb(client, 'moves')} on {in_sentence(the_issue.name)} to: {label}.",
        actor,
    )


def meet(w: Work, actor: int, action: A.Meet, other: int) -> None:
    for learner, subject in ((actor, other), (other, actor)):
        _reveal(w, learner, subject)
        w.add_trust(learner, subject, w.scenario.rules.meet_trust)
    w.add_momentum(w.scenario.rules.meet_momentum)
    w.say("meet", f"{w.name(actor)} and {in_sentence(w.name(other))} meet in private.", actor)


def _reveal(w: Work, learner: int, subject: int) -> None:
    """The learner finds out how much the subject cares about its weightiest unknown issue."""
    weights = w.scenario.delegations[subject].weights
    unknown = [i for i in range(len(weights)) if not w.knows(learner, subject, i) and weights[i] > 0]
    if unknown:
        # Issues on the table first: that is what a bilateral talks about.
        best = max(unknown, key=lambda i: (i in w.agenda, weights[i], -i))
        w.reveal(learner, subject, best)


def walk_out(w: Work, actor: int, action: A.WalkOut, checked: None) -> None:
    needed = actor in w.required_signatories()
    _leave(w, actor)
    w.say("walk_out", f"{w.name(actor)} {w.verb(actor, 'walks out')} of the talks.", actor)
    w.drop_leavers_proposals(actor)
    if not needed:  # (a needed signatory's walk-out collapses the talks: apply.full_apply)
        _settle_without(w, actor)


def boycott(w: Work, actor: int, action: A.Boycott, checked: None) -> None:
    venue = w.scenario.venues[w.venue]
    _leave(w, actor, boycott=True)
    w.add_support(actor, w.scenario.rules.hardline_support)
    w.say("boycott", f"{w.name(actor)} {w.verb(actor, 'boycotts')} {in_sentence(venue.name)}.", actor)
    w.drop_leavers_proposals(actor)
    _settle_without(w, actor)  # a boycotting signatory is no longer needed for a deal


def _settle_without(w: Work, gone: int) -> None:
    """The proposals put to a delegation that has left, settled again without its answer, as an
    answer settles them: one every signatory still needed has accepted is agreed (a boycotting
    signatory's yes is needed no longer), and one every addressee present has accepted closes."""
    if len(w.required_signatories()) < 2:
        return  # the talks collapse (flow.check_ends): nothing is signed by one side alone
    for p in [p for p in w.proposals if gone in p.to]:
        if any(q.id == p.id for q in w.proposals):  # not closed by an agreement settled before it
            _settle_if_done(w, p)


def _leave(w: Work, actor: int, boycott: bool = False) -> None:
    venue = w.scenario.venues[w.venue]
    w.set_present(actor, False)
    w.set_boycotted(actor, boycott)
    for d in leave_trust_losers(venue, len(w.present), boycott):
        w.add_trust(d, actor, -w.scenario.rules.leave_trust)
    w.add_momentum(-leave_momentum(w.scenario.rules, venue, boycott))


def pass_turn(w: Work, actor: int, action: A.Pass, checked: None) -> None:
    w.say("pass", f"{w.name(actor)} {w.verb(actor, 'passes')}.", actor)


HANDLERS: dict[type, Callable[[Work, int, Any, Any], None]] = {
    A.Propose: propose,
    A.Draft: draft,
    A.Respond: respond,
    A.Concede: concede,
    A.Statement: statement,
    A.Pressure: pressure,
    A.Meet: meet,
    A.WalkOut: walk_out,
    A.Boycott: boycott,
    A.Pass: pass_turn,
}
