"""The moves around the bargaining: concessions, a patron's pressure, the mediator's single
text, meetings, and the decision to stay away from a venue."""

from __future__ import annotations

from collections.abc import Callable
from math import log
from operator import getitem

from game.ai.called_home import called_home
from game.ai.levels import Level
from game.ai.opponent import Beliefs
from game.ai.reading import WALKOUT_TRUST, Decision, acceptable, counterparts, heeded, progress, value_with
from game.engine import actions as A
from game.engine.flow import fewer_than_two_present
from game.engine.legal import may_propose, moves_for
from game.engine.records import in_sentence
from game.engine.rng import Rng
from game.engine.view import View

SUPPORT_MARGIN = 12  # how close to collapse an agent lets its support fall before it stops conceding
_STALLING = 45  # momentum below which a patron starts pressing its clients


def concession(
    view: View, package: tuple[tuple[int, int], ...], keep_above: int | None = None, asked: int = 0
) -> Decision | None:
    """Bring a public position into line with what we already offered, if support allows (and,
    with `keep_above`, only if our support stays above that figure: game.ai.deck.support_bound).
    With `asked` (Level.gestures_when_asked), at a table of two only a step the counterpart has
    asked for in an offer of its own, unless it trusts us below `asked`."""
    me = view.own
    moves = moves_for(view)
    headroom = view.support[view.me] - view.collapse_support - SUPPORT_MARGIN
    if keep_above is not None:
        headroom = min(headroom, view.support[view.me] - keep_above)
    best: tuple[float, int, int] | None = None
    for i, o in package:
        position = view.positions[view.me][i]
        if position < 0 or position == o or o in me.red_lines[i]:
            continue
        # one step at a time: concessions are made visibly, not all at once
        step = position + (1 if o > position else -1)
        if asked and not _asked_for(view, i, position, step, asked):
            continue
        if not moves.may_concede(i, step):
            continue  # no concession (it is valued as much), or across our red line
        # what the engine will charge at home for it, by the scenario's rules
        cost = moves.concession_cost(i, step)
        if cost < headroom and (best is None or cost < best[0]):
            best = (cost, i, step)
    if best is None:
        return None
    _, i, step = best
    issue = view.issues[i]
    return Decision(
        A.Concede(me.id, issue.id, issue.options[step].id),
        f"a gesture on {in_sentence(issue.name)} that costs us little",
    )


def _asked_for(view: View, issue: int, position: int, step: int, trust: int) -> bool:
    """Whether a gesture from `position` to `step` on `issue` passes Level.gestures_when_asked: at
    a table of several always (a step towards the position the others share can be what brings
    the last signature: at astana-to-sochi Russia's first gesture at Sochi, asked by no offer,
    paid); at a table of two where the counterpart has asked for that side of the issue, or
    trusts us below `trust`."""
    others = counterparts(view)
    if len(others) != 1:
        return True
    return _asked_toward(view, issue, position, step) or _short_of_trust(view, trust)


def _asked_toward(view: View, issue: int, position: int, step: int) -> bool:
    """Whether a counterpart at the venue has offered, on `issue`, an option on `step`'s side of
    our `position` (the public record of what each side put in its proposals, over the game)."""
    side = step - position
    for who in counterparts(view):
        for option, times in enumerate(view.offered[who][issue]):
            if times and (option - position) * side > 0:
                return True
    return False


def _short_of_trust(view: View, below: int) -> bool:
    """Whether a counterpart at the venue trusts us below `below`: goodwill is short there, and a
    gesture, which raises the trust of each side that prefers the new option, may buy it."""
    return any(view.trust_in_me[s] < below for s in counterparts(view))


def pressure(view: View) -> Decision | None:
    """A patron presses a client that holds out far from the patron's own position once the
    talks stall; never, where we sign at the venue, one whose trust in us the press would take
    below the walk-out bound. Its temper is its own, but a hot-tempered client walks out once its
    trust in the signatories present falls low enough (its least trusted counts half), and a
    signatory's walk-out ends the talks for everyone; a patron that does not sign there is not
    among those its client weighs. At timed-15 (a random scenario) the patron
    pressed its client, which trusted it at 15, in round 1 of every game, and every game
    collapsed before anything was signed (docs/lab/agents.md, "Events on the random tables")."""
    if view.momentum > _STALLING:
        return None
    me = view.own
    signs = view.me in view.venue.signatories
    best: tuple[float, int, int] | None = None
    # the presses the rules allow (never across a client's red line), with each client's next step
    for t in moves_for(view).pressure_targets:
        if view.support[t.client] <= view.collapse_support + 6:
            continue
        if signs and view.trust_in_me[t.client] - view.rules.pressure_trust < WALKOUT_TRUST:
            continue
        gain = me.weights[t.issue] * (me.values[t.issue][t.step] - me.values[t.issue][t.current])
        if gain > 0 and (best is None or gain > best[0]):
            best = (gain, t.client, t.issue)
    if best is None:
        return None
    _, client, i = best
    return Decision(
        A.Pressure(me.id, view.delegations[client].id, view.issues[i].id),
        f"the talks are stalling; our client must move on {in_sentence(view.issues[i].name)}",
    )


def mediate(view: View, beliefs: Beliefs, level: Level, rng: Rng) -> Decision:
    """The envoy tables one text a round: the package it believes the signatories can all bear."""
    me = view.own
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    mine = next((p for p in view.proposals if p.author == view.me), None)
    if open_issues and (mine is None or mine.round < view.round):
        package = single_text(view, beliefs, open_issues)
        return Decision(
            A.Draft(me.id, tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in package)),
            "a single text that we believe every signatory can accept",
        )
    bilateral = meeting(view, rng)
    if bilateral is not None:
        return bilateral
    return Decision(A.Pass(me.id), "waiting for answers to the draft")


def single_text(
    view: View, beliefs: Beliefs, open_issues: list[int], signers: list[int] | None = None
) -> tuple[tuple[int, int], ...]:
    """Coordinate ascent on the (estimated) Nash product of the signatories' utilities."""
    signers = counterparts(view) if signers is None else signers
    deal = text_start(view, open_issues, signers)
    score = text_score(view, beliefs, signers)

    # Each package is scored once: the text as it stands is not scored again when the loop comes
    # to its own option (it could never beat itself), and the best of one issue is where the next
    # starts, so its score carries over (score is a pure function of the deal: the same floats).
    #
    # An issue is not scored again where the text has moved on no other issue since it was last
    # scored (a later sweep over a text that has settled): every option of it would score the
    # very floats it scored then, against the same rest of the text, and none of them beat the
    # option it kept then by more than the 1e-12 a move needs (those scored after that option
    # did not beat it; those before were beaten by it or by one it beat), so the loop would keep
    # that option again. Only `changed` is worked out for it, as the loop leaves it: the loop
    # ends on the issue's last option, so it compares that one with the option kept. The same
    # text, with about half the scoring (tests/ai/test_single_text.py holds it to the plain
    # ascent; docs/lab/speed.md, "A fourteenth pass").
    known: float | None = None
    scored: dict[int, int] = {}  # issue -> the count of issues scored when it was last scored
    count = moved = 0  # issues scored so far; the count when the text last moved
    # each issue's acceptable options, a pure function of the view: read once, not once a sweep
    acceptable_options = {i: acceptable(view, i) for i in open_issues}
    for _ in range(3):
        changed = False
        for i in open_issues:
            start = deal[i]
            options = acceptable_options[i]
            if i in scored and moved <= scored[i]:
                changed |= bool(options) and options[-1] != start
                continue
            count += 1
            scored[i] = count
            best, best_score = best_option(deal, i, options, score, known)
            changed |= bool(options) and options[-1] != best
            deal[i] = best
            known = best_score
            if best != start:
                moved = count
        if not changed:
            break
    return tuple((i, deal[i]) for i in open_issues)


def best_option(
    deal: list[int], i: int, options: list[int], score: Callable[[list[int]], float], known: float | None
) -> tuple[int, float]:
    """One step of the ascent: the option of issue `i` whose text scores best, and its score,
    where another must beat the one the text holds by more than 1e-12 (`known`: the text's score
    as it stands, if already worked out). Leaves `deal[i]` at the last option scanned."""
    start = deal[i]
    best, best_score = start, score(deal) if known is None else known
    for o in options:
        deal[i] = o
        if o == start:
            continue
        value = score(deal)
        if value > best_score + 1e-12:
            best, best_score = o, value
    return best, best_score


def text_start(view: View, open_issues: list[int], signers: list[int]) -> list[int]:
    """Where the single text's ascent starts: on each open issue the signatories' median stated
    position, or our own best acceptable option where that is not acceptable to us."""
    deal = list(view.deal)
    for i in open_issues:
        stated = sorted([view.positions[s][i] for s in signers if view.positions[s][i] >= 0])
        if stated:
            deal[i] = stated[len(stated) // 2]
        options = acceptable(view, i)  # read once (a pure function of the view)
        if deal[i] not in options:
            deal[i] = max(options, key=lambda o: view.own.values[i][o])
    return deal


def text_score(view: View, beliefs: Beliefs, signers: list[int]) -> Callable[[list[int]], float]:
    """The single text's measure of a deal: the log of the estimated Nash product of the
    signatories' utilities and the heeded observers' (who count in the text, not in the vote),
    each summed as Beliefs.utility sums it."""
    rows = [beliefs.rows(s) for s in signers + heeded(view)]

    def score(d: list[int]) -> float:
        # summed over a list (in the same order as a generator would give them: the same float)
        return sum([log(0.05 + (sum(map(getitem, r, d)) if r else 0)) for r in rows])

    return score


def meeting(view: View, rng: Rng) -> Decision | None:
    """A bilateral with a signatory whose priorities we have not yet learnt, early in the venue."""
    if progress(view) > 0.5:
        return None
    known = {subject for subject, _, _ in view.learned}
    strangers = [s for s in counterparts(view) if s not in known]
    if not strangers:
        return None
    other = strangers[rng.below(len(strangers))]
    return Decision(A.Meet(view.own.id, view.delegations[other].id), "to learn what they really want")


def meet_or_pass(view: View, rng: Rng, level: Level) -> Decision:
    me = view.own
    known = {subject for subject, _, _ in view.learned}
    strangers = [d for d in range(len(view.delegations)) if d != view.me and view.present[d] and d not in known]
    if strangers and rng.random() < 0.5:
        other = strangers[rng.below(len(strangers))]
        return Decision(A.Meet(me.id, view.delegations[other].id), "to learn what they really want")
    return Decision(A.Pass(me.id), "nothing more to gain this turn")


def should_boycott(view: View, beliefs: Beliefs, level: Level | None = None) -> bool:
    """Stay away from a venue where attendance is optional.

    A side that weighs what a boycott gains compares the compromise the others are likely to
    reach without it (a boycotting signatory is no longer needed for a deal, and the deal they
    make is the one it will live with: the worse for it of their compromise as it reads them and
    every package they have tabled at this venue) with what attending is worth: the compromise
    reached with it, or, where that is worth less than walking away, its veto. Other sides stay away, as a
    gesture, when the likely compromise is worth less to them than walking away (as does a side
    that holds no veto there, where attending buys it nothing the others must heed).
    """
    me = view.own
    if not may_propose(me.role):
        return False
    if ends_the_venue(view):
        # Staying away would leave fewer than two signatories: the venue collapses at once and
        # nobody gets anything (the gesture has no one to be made to). A signatory there holds a
        # veto, so attending is never worth less than that; a side that wants the talks ended
        # can still walk out. (Random scenarios had tables where a normal agent boycotted every
        # game, so no level in any seat could negotiate at all: docs/AI.md.)
        return False
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    text = single_text(view, beliefs, open_issues)
    likely = value_with(view, text)
    if level is not None and level.boycotts_by_gain and view.me in view.venue.signatories:
        # `likely` leaves us out (the others' compromise); with us at the table, ours counts too
        with_us = value_with(view, single_text(view, beliefs, open_issues, [*counterparts(view), view.me]))
        # Our reading of their compromise is rough, and without us nobody at the table weighs
        # what we lose: they may as well sign one of the packages they have tabled here. Stay
        # away only where even the worst of those for us beats attending (on random scenarios
        # the Nash guess alone had the hard agent boycott and then live with a deal below its
        # walk-away value: docs/AI.md)
        likely = min([likely, *(value_with(view, package) for package in tabled_by_others(view))])
        split = pulled_apart(view, beliefs, open_issues) if level.attends_split_table else []
        if split:
            # without our veto they may settle the rest and leave open what they pull apart
            likely = min(likely, value_with(view, tuple((i, o) for i, o in text if i not in split)))
        attending = max(with_us, me.reservation)
        if level.weighs_call_home:
            # a card may call us home before we sign: then the venue ends with nothing signed
            # (game.ai.called_home)
            home = called_home(view)
            attending = (1.0 - home) * attending + home * me.reservation
        return likely > attending
    if me.personality.temper < 0.5:
        return False
    return likely < me.reservation


def pulled_apart(view: View, beliefs: Beliefs, open_issues: list[int]) -> list[int]:
    """The open issues two of our counterparts pull apart: each states the option the other
    values least (as we read it), so that without us, whose signature the rest of the agenda
    needs, they may settle the rest and leave the issue open (Level.attends_split_table;
    docs/lab/agents.md, "The heaviest issue at the last venue")."""
    others = counterparts(view)
    found = []
    for i in open_issues:
        stated = [(s, view.positions[s][i]) for s in others if view.positions[s][i] >= 0]
        tables = {s: beliefs.tables_of(s)[i] for s, _ in stated}
        if any(
            oa != ob and tables[b][oa] <= min(tables[b]) + 1e-9 and tables[a][ob] <= min(tables[a]) + 1e-9
            for a, oa in stated
            for b, ob in stated
            if a < b
        ):
            found.append(i)
    return found


def tabled_by_others(view: View) -> list[tuple[tuple[int, int], ...]]:
    """The packages others have tabled at this venue on issues still open, from the public
    record: the proposals and texts before us and every package an answer was given to."""
    found = [p.package for p in view.proposals if p.author != view.me]
    found += [
        a.package
        for a in view.answers
        if a.author != view.me and a.venue == view.venue_index and all(view.settled[i] < 0 for i, _ in a.package)
    ]
    return found


def ends_the_venue(view: View) -> bool:
    """True where our boycott would leave fewer than two signatories at the table, which ends
    the venue: the engine's own rule (game.engine.flow.check_ends), asked of the table without us."""
    without_us = list(view.present)
    without_us[view.me] = False
    return fewer_than_two_present(view.venue.signatories, without_us)
