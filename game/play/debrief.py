"""What the debrief shows, computed headlessly from a finished Session (no Textual here).

Everything may be revealed once the game is over: true utilities, reservation values, the
analysis of the package space. The screen only lays these figures out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from game.analysis import Analysis, analyze_result
from game.analysis.history import compare as compare_history
from game.analysis.history import describe_real
from game.engine import Concede, State, apply, new_game, utility
from game.engine.model import Scenario
from game.engine.records import in_sentence
from game.engine.seat import Seat
from game.engine.situation import concession_cost, concession_trusters
from game.engine.utility import delay_toll, outcome_utility
from game.engine.work import clamp
from game.play.attendance import statuses
from game.play.history import Chronicle, Tabled
from game.saves import HUMAN, Session

BLOCKS = " ▁▂▃▄▅▆▇█"  # nine heights: a blank for 0, a full block for 1

_HEADLINES = {
    "agreement": "an agreement",
    "partial": "a partial deal",
    "no_deal": "no deal",
    "collapse": "a collapse",
}

PARETO_HELP = (
    "The largest gain every signatory could have made at once over this result "
    "(0 means no package was better for all of them: nothing was left on the table)."
)
# Where events closed a zone of agreement that earlier rounds had, and nothing was signed: the gap
# is 0 against the walk-away values as the talks ended, and a newcomer read "nothing was left on
# the table" a few lines above "Round 1: 2,036" packages every signatory would have accepted.
PARETO_HELP_CLOSED = (
    "The largest gain every signatory could have made at once over this result, judged against the "
    "walk-away values as the talks ended (0: by then no package was better for all of them). Earlier "
    "rounds had packages every signatory would have accepted (below: when a deal was possible)."
)
NASH_HELP = (
    "How far the result lies, in utility space, from the Nash bargaining solution: the "
    "package with the largest product of gains over the walk-away values."
)


@dataclass(frozen=True)
class VenueResult:
    name: str
    outcome: str
    reason: str
    agreed: tuple[str, ...]  # "Issue: Option" lines agreed at this venue
    agenda_size: int
    sentence: str


@dataclass(frozen=True)
class DelegationResult:
    index: int
    name: str
    role: str
    utility: float  # what the game gave it (its reservation value if nothing was agreed)
    reservation: float
    signatory: bool
    signed: bool
    status: str  # a word or two: signed, boycotted, walked out / pulled out, ...

    @property
    def surplus(self) -> float:
        return self.utility - self.reservation


@dataclass(frozen=True)
class Quality:
    exact: bool
    packages: int
    zopa_size: int
    measured_from: str  # "the deal" or "the walk-away point" when nothing was agreed
    pareto_gap: float
    nash_distance: float | None
    nash_package: tuple[tuple[str, str, bool], ...]  # issue name, option label, same as agreed
    # signatory, at Nash, in the result (the packages alone), and what waiting cost it (clock)
    nash_utilities: tuple[tuple[str, float, float, float], ...]
    # in a campaign, the venue whose packages are judged (the last: earlier venues' agreements
    # count as settled); "" for a single venue. A newcomer read "every package of 432" of a
    # campaign that had agreed twelve issues, and the Nash point of a venue they signed nothing at
    venue: str = ""


@dataclass(frozen=True)
class ConcessionResult:
    step: int  # 1-based position in the log
    venue: int
    round: int
    who: str
    issue: str
    from_option: str
    to_option: str
    support_before: int
    support_after: int
    trust_before: int  # sum of the others' trust towards the conceder (each 0-100)
    trust_after: int
    others: int  # how many delegations that sum is over
    agreed_option: str | None  # the issue's agreed option at the end, None if never agreed
    held: bool | None  # agreed at least as well for those it was offered to; None: never agreed
    # Whom it moved towards (the venue's other signatories who preferred the new option, by short
    # name), and the old and the new option's worth to the one who conceded. A side conceding to
    # each camp in turn walks its position from one end of an issue to the other ("→ Release of
    # all", then "→ No commitment"): a newcomer read that as moves back and forth, not as
    # concessions, each further from its own best.
    towards: tuple[str, ...]
    worth_before: float
    worth_after: float

    @property
    def support_cost(self) -> int:
        return self.support_before - self.support_after

    @property
    def trust_gain(self) -> int:
        return self.trust_after - self.trust_before

    @property
    def mean_trust_before(self) -> float:
        """The others' trust towards the conceder, on average: on trust's own 0-100 scale."""
        return self.trust_before / max(1, self.others)

    @property
    def mean_trust_after(self) -> float:
        return self.trust_after / max(1, self.others)


@dataclass(frozen=True)
class HistoryLine:
    issue: str
    real: str | None  # what really happened, in words; None where the record is silent
    game: str | None  # option label agreed in this game, None if nothing was
    match: bool  # False where the record is silent


@dataclass(frozen=True)
class HistoryResult:
    summary: str
    notes: tuple[str, ...]
    lines: tuple[HistoryLine, ...]

    @property
    def matches(self) -> int:
        return sum(1 for line in self.lines if line.match)

    @property
    def recorded(self) -> int:
        """Lines on which the record says what happened: those a match is counted over."""
        return sum(1 for line in self.lines if line.real is not None)


@dataclass(frozen=True)
class Series:
    index: int
    name: str
    reservation: float
    values: tuple[float, ...]  # one per round played


@dataclass(frozen=True)
class Trajectory:
    labels: tuple[str, ...]  # one per round played: "R3", or "V2 R3" when there are venues
    series: tuple[Series, ...]  # one per signatory, and per human seat that signs nothing


@dataclass(frozen=True)
class Debrief:
    title: str
    headline: str
    venues: tuple[VenueResult, ...]
    delegations: tuple[DelegationResult, ...]
    quality: Quality
    concessions: tuple[ConcessionResult, ...]
    history: HistoryResult
    trajectory: Trajectory


def _option(scenario: Scenario, issue: int, option: int) -> str:
    return scenario.issues[issue].options[option].label


def replay(session: Session) -> list[State]:
    """Every state of the game: the opening, then one after each logged action."""
    state, _ = new_game(session.scenario, session.seed)
    states = [state]
    for entry in session.log:
        state, _ = apply(state, entry.action)
        states.append(state)
    return states


def venue_sentence(name: str, outcome: str, agreed: int, agenda: int, reason: str) -> str:
    """One sentence a player understands for the end of a venue."""
    if outcome == "agreement":
        return f"{name} ended in agreement: all {agenda} issues on the agenda were settled."
    elif outcome == "partial":
        text = f"{name} ended in a partial deal: {agreed} of {agenda} issues were agreed before time ran out."
    elif outcome == "no_deal":
        text = f"{name} ended without a deal: nothing was agreed."
    elif outcome == "collapse":
        text = f"The talks at {name} collapsed" + (
            f" after {agreed} of {agenda} issues were agreed." if agreed else " with nothing agreed."
        )
    else:
        text = f"{name} is still running."
    return f"{text} {reason}".strip()


def agreed_when(session: Session) -> dict[int, list[str]]:
    """Per venue, the round of each agreement and whose proposal carried it. An agreement made
    on an AI's turn closes the table at once: a newcomer met the debrief without having seen
    which proposal passed, or when."""
    sc = session.scenario
    humans = {k for k, d in enumerate(sc.delegations) if Seat.parse(session.seats[d.id]).is_human}
    tabled = Chronicle.replay(sc, session.seed, [e.action for e in session.log]).tabled
    out: dict[int, list[str]] = {}
    for a in session.state.agreements:
        made = tabled.get(a.proposal)
        kind = "draft" if made is not None and made.draft else "proposal"
        line = f"Agreed in round {a.round} of {sc.venues[a.venue].rounds}, on {kind} #{a.proposal}"
        if made is not None:
            you = len(humans) == 1 and made.author in humans
            line += f" from {'you' if you else in_sentence(sc.delegations[made.author].name)}"
            if len(humans) == 1 and not you:
                mine = [t for t in tabled.values() if t.author in humans]
                others = [t for t in tabled.values() if t.author not in humans]
                line += _yours_in_it(a.package, a.venue, a.proposal, mine, others)
        out.setdefault(a.venue, []).append(line + ".")
    return out


def _yours_in_it(
    package: tuple[tuple[int, int], ...],
    venue: int,
    agreed_on: int,
    mine: list[Tabled],
    others: Sequence[Tabled] = (),
) -> str:
    """What of the player's own proposals at the venue, tabled before the agreed text, that text
    took up: the whole of one, or its options on at least half the issues. A newcomer whose
    round-2 package a mediator tabled again as its draft, and had signed, read only "on draft #23
    from the United Nations": that what they did early had carried the deal was said nowhere.

    Only what the player tabled first is theirs: an option (or a whole package) another side
    (`others`) had tabled before them is not counted (a playtester was credited with "the options
    of your proposal #2" that another side had tabled in its proposal #1)."""
    agreed = set(package)
    at_venue = [t for t in [*mine, *others] if t.venue == venue and t.id < agreed_on]
    first: dict[tuple[int, int], int] = {}  # each option of the agreed text: the first proposal to table it
    for t in sorted(at_venue, key=lambda t: t.id):
        for option in agreed & set(t.package):
            first.setdefault(option, t.id)
    ids = {t.id for t in mine}
    before = sorted((t for t in mine if t.venue == venue and t.id < agreed_on), key=lambda t: t.id)
    # the one that is the agreed text itself first, wherever it stands (a broader earlier one,
    # sharing as many options, was named over it: a review's), else the one that shares the most;
    # not where another side had tabled that very package before it
    same = next((t for t in before if set(t.package) == agreed), None)
    if same is not None and not any(set(t.package) == agreed and t.id < same.id for t in at_venue if t.id not in ids):
        return f": your proposal #{same.id} of round {same.round}, word for word"
    best: tuple[int, Tabled] | None = None
    for t in before:
        shared = sum(1 for option in agreed & set(t.package) if first.get(option) in ids)
        if best is None or shared > best[0]:
            best = (shared, t)
    if best is None:
        return ""
    shared, t = best
    if 2 * shared >= len(agreed) and shared:
        return f", with the options of your proposal #{t.id} (round {t.round}) on {shared} of its {len(agreed)} issues"
    return ""


def venue_results(session: Session, states: list[State]) -> tuple[VenueResult, ...]:
    sc = session.state.scenario  # the real preferences drawn for this game, revealed now
    final = session.state
    reasons: dict[int, str] = {}
    for before, after in pairwise(states):
        # end_venue sets the reason and then opens the next venue (or ends the game)
        if after.venue != before.venue or (after.over and not before.over):
            reasons[before.venue] = after.reason
    out = []
    for v, outcome in enumerate(final.venue_outcomes):
        venue = sc.venues[v]
        agreed = [(i, o) for a in final.agreements if a.venue == v for i, o in a.package]
        lines = tuple(f"{sc.issues[i].name}: {_option(sc, i, o)}" for i, o in sorted(agreed))
        reason = reasons.get(v, final.reason if v == final.venue else "")
        sentence = venue_sentence(venue.name, outcome, len(agreed), len(venue.agenda), reason)
        out.append(VenueResult(venue.name, outcome, reason, lines, len(venue.agenda), sentence))
    return tuple(out)


def headline(session: Session) -> str:
    state = session.state
    if not state.over:
        return "The game is not over yet."
    kind = _HEADLINES.get(state.outcome, state.outcome.replace("_", " "))
    agreed = sum(1 for s in state.settled if s >= 0)
    tail = f" {agreed} issue{'s' if agreed != 1 else ''} agreed in all." if agreed else " Nothing was agreed."
    return f"The talks ended in {kind}.{tail}"


def delegation_results(session: Session) -> tuple[DelegationResult, ...]:
    """Each delegation's result, and how it ended at each venue (one table per venue in a
    campaign: a side may sign at one and boycott the next)."""
    state = session.state
    sc = session.state.scenario  # the real preferences drawn for this game, revealed now
    per_venue = statuses(session)
    many = len(sc.venues) > 1
    out = []
    for d, dl in enumerate(sc.delegations):
        signatory = any(d in v.signatories for v in sc.venues)
        signed = any(d in a.parties for a in state.agreements)
        at = per_venue[d]
        if many:
            shown = [(sc.venues[v].name, s) for v, s in enumerate(at) if s != "not at this venue"]
            status = "\n".join(f"{name}: {s}" for name, s in shown) or "at no venue"
        else:
            status = at[0] if at else ""
        out.append(
            DelegationResult(d, dl.name, dl.role, outcome_utility(state, d), dl.reservation, signatory, signed, status)
        )
    return tuple(out)


def analysis_for(session: Session) -> Analysis:
    """The package space the debrief judges a finished game against: its last venue, with what
    earlier venues settled as they left it, by the preferences drawn for this game (revealed
    now), so that the Nash point, the walk-away values and the utilities in every part of the
    debrief are the same numbers."""
    return analyze_result(session.state)


def quality(session: Session, analysis: Analysis | None = None) -> Quality:
    """How good the result is against the last venue's package space."""
    state = session.state
    sc = session.state.scenario  # the real preferences drawn for this game, revealed now
    analysis = analysis or analysis_for(session)
    space = analysis.space
    if state.agreements:
        # as the results table scores it: a partial deal's open issues at the walk-away value
        point = space.result_utilities(state.settled, state.agenda)
        measured_from = "the deal"
    else:
        point = space.reservations.copy()
        measured_from = "the walk-away point (nothing was agreed)"
    nash_package: tuple[tuple[str, str, bool], ...] = ()
    nash_utilities: tuple[tuple[str, float, float, float], ...] = ()
    if analysis.nash is not None:
        nash_package = tuple(
            (sc.issues[i].name, _option(sc, i, o), state.settled[i] == o) for i, o in space.package(analysis.nash)
        )
        at_nash = analysis.utilities_of(analysis.nash)
        nash_utilities = tuple(
            (sc.delegations[d].name, float(u), float(p), delay_toll(state, d))
            for d, u, p in zip(space.parties, at_nash, point, strict=True)
        )
    return Quality(
        analysis.exact,
        analysis.packages,
        analysis.zopa_size,
        measured_from,
        analysis.pareto_gap(point),
        analysis.nash_distance(point),
        nash_package,
        nash_utilities,
        sc.venues[-1].name if len(sc.venues) > 1 else "",
    )


def _trust_in(state: State, d: int) -> int:
    return sum(row[d] for e, row in enumerate(state.trust) if e != d)


def _won(state: State, d: int, trusters: tuple[int, ...], gain: int) -> int:
    """The trust in `d` that `gain` from each of `trusters` adds to the sum, each held at 100."""
    return sum(clamp(state.trust[e][d] + gain) - state.trust[e][d] for e in trusters)


def concessions(session: Session, states: list[State]) -> tuple[ConcessionResult, ...]:
    """Every Concede in the log, with what it cost at home and what it won at the table."""
    sc = session.state.scenario  # the real preferences drawn for this game, revealed now
    final = session.state
    out = []
    for n, entry in enumerate(session.log):
        action = entry.action
        if not isinstance(action, Concede):
            continue
        before = states[n]
        d = sc.delegation_index[action.actor]
        i = sc.issue_index[action.issue]
        issue = sc.issues[i]
        old, new = before.positions[d][i], issue.option_index(action.option)
        # those it was offered to: the others at the table who value the new position above the
        # old one, whose trust it won (the engine's rule)
        offered_to = concession_trusters(sc.delegations, before.present, d, i, old, new)
        agreed = final.settled[i]
        held = None
        if agreed >= 0:
            held = all(sc.delegations[e].values[i][agreed] >= sc.delegations[e].values[i][new] for e in offered_to)
        out.append(
            ConcessionResult(
                n + 1,
                before.venue,
                before.round,
                sc.delegations[d].name,
                issue.name,
                _option(sc, i, old) if old >= 0 else "no position",
                _option(sc, i, new),
                before.support[d],
                # what the concession itself did, not what the round's end brought with it where the
                # move closed the round (a newcomer read a card's -2 trust as the concession's own:
                # "+1.0" beside a rule of +3)
                clamp(before.support[d] - concession_cost(sc.rules, sc.delegations[d], i, old, new)),
                _trust_in(before, d),
                _trust_in(before, d) + _won(before, d, offered_to, sc.rules.concession_trust),
                len(before.trust) - 1,
                _option(sc, i, agreed) if agreed >= 0 else None,
                held,
                # the signatories only: every observer and the mediator prefer one option or
                # another, and named too they ran to four lines a row at 80 columns
                tuple(
                    sc.delegations[e].short_name or sc.delegations[e].name
                    for e in offered_to
                    if e in sc.venues[before.venue].signatories
                ),
                sc.delegations[d].values[i][old] if old >= 0 else 0.0,
                sc.delegations[d].values[i][new],
            )
        )
    return tuple(out)


def history(session: Session) -> HistoryResult:
    """The scenario's record of what really happened, issue by issue against this game; then
    any issue the game settled on which the record is silent."""
    sc = session.scenario
    settled = session.state.settled
    lines = [
        HistoryLine(
            sc.issues[m.issue].name,
            describe_real(sc, m.issue, m.real),
            None if m.game < 0 else _option(sc, m.issue, m.game),
            m.match,
        )
        for m in compare_history(sc, settled)
    ]
    recorded = dict(sc.history.outcome)
    lines += [
        HistoryLine(sc.issues[i].name, None, _option(sc, i, s), False)
        for i, s in enumerate(settled)
        if s >= 0 and i not in recorded
    ]
    return HistoryResult(sc.history.summary, sc.history.notes, tuple(lines))


def trajectory(session: Session, states: list[State]) -> Trajectory:
    """Each signatory's utility of the deal in force at the end of every round played, and each
    human seat's that signs nothing (the SNC at Sochi found every side's line but its own)."""
    sc = session.state.scenario  # the real preferences drawn for this game, revealed now
    # The closing session belongs to the last round; a state that opened a new venue still
    # carries the agreements of the venue it closed, so it stands for that venue's last round.
    ends: list[tuple[tuple[int, int], State]] = []
    for before, after in pairwise(states):
        if (after.venue, after.round) != (before.venue, before.round) or (after.over and not before.over):
            ends.append(((before.venue, before.round), after))
    if not states[-1].over:
        ends.append(((states[-1].venue, states[-1].round), states[-1]))  # the round in progress
    keys = [key for key, _ in ends]
    many = len(sc.venues) > 1
    labels = tuple(f"V{v + 1} R{r}" if many else f"R{r}" for v, r in keys)
    series = tuple(
        Series(
            d,
            sc.delegations[d].name,
            sc.delegations[d].reservation,
            tuple(utility(sc.delegations[d], s.deal()) for _, s in ends),
        )
        for d in sorted({*sc.signing, *(k for k, x in enumerate(sc.delegations) if session.seats.get(x.id) == HUMAN)})
    )
    return Trajectory(labels, series)


def block(value: float) -> str:
    """The block character for a value in 0..1."""
    return BLOCKS[round(min(1.0, max(0.0, value)) * (len(BLOCKS) - 1))]


def block_row(values: tuple[float, ...], cell: int = 1) -> str:
    """A row of block characters, `cell` wide per value."""
    return "".join(block(v) * cell for v in values)


def debrief(session: Session, analysis: Analysis | None = None) -> Debrief:
    """Everything the debrief screen shows."""
    states = replay(session)
    return Debrief(
        session.scenario.title,
        headline(session),
        venue_results(session, states),
        delegation_results(session),
        quality(session, analysis),
        concessions(session, states),
        history(session),
        trajectory(session, states),
    )
