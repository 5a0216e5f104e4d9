"""What one delegation can see: its own preferences, and only what is public of the others.

AI negotiators get a View, never the State, so a bot cannot read another side's utilities.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from game.engine.model import Delegation, EventCard, Issue, Rules, Scenario, Venue, Zone
from game.engine.state import RUNNING, Agreement, Answer, Proposal, State, frozen


@dataclass(frozen=True)
class PublicDelegation:
    id: str
    name: str
    leader: str
    role: str
    patrons: tuple[int, ...]
    description: str = ""
    stances: tuple[str, ...] = ()  # per issue, the side's own words: public by nature
    short_name: str = ""  # for narrow columns; "" where the file gives none


@dataclass(frozen=True)
class View:
    """What one delegation sees of the game: everything an agent is given (docs/AI.md, "Bring
    your own agent"). Delegations, issues, options and zones are by index: `delegations[d].id`,
    `issues[i].id` and `issues[i].options[o].id` are the ids actions name them by.

    me, own: the viewer's index, and its own Delegation (weights, values[issue][option], red
    lines, reservation: its walk-away value); nobody else's preferences are in the view.
    venue, venue_index, venues, venues_left: this venue (its rounds, agenda, signatories, turn
    order), its index, every venue of the file, how many are still to come.
    round, step, actor, my_turn, ap, closing, over: the round (from 1), the number of moves made,
    whose turn it is, whether it is the viewer's, the moves it has left this turn, whether this is
    the closing session (answers only), whether the game has ended.
    positions[d][i]: the option delegation d states on issue i; red_lines[d][i]: the options it
    has declared it will never accept.
    trust_in_me[d], my_trust[d]: how far d trusts the viewer, and the viewer d (0-100).
    support[d]: d's support at home (0-100); collapse_support: at or below it, hardliners pull a
    delegation out. stability[z]: each zone's (0-100); momentum: the venue's (0-100).
    agenda, settled[i], deal[i]: the issues on this venue's agenda (settled ones too; events may
    add or drop some); the option issue i was agreed on (-1 while open); the option in force on
    every issue (the agreed one, else the status quo).
    present[d], boycotted[d]: who is at the table, and who stayed away by boycott.
    proposals: the open proposals the viewer made or must answer; tabled: every open one. Each
    has id, author, round, package ((issue, option) pairs), to (addressees) and response_of(d).
    agreements: what has been agreed, by whom and where. answers: who accepted or refused which
    whole package, as the room saw it (each delegation's last few answers).
    concessions[d]: the concessions d has made; offered[d][i], accepted[d][i], rejected[d][i]:
    how often d put option o of issue i in its proposals, in packages it accepted, in packages it
    refused (indexed [i][o]).
    learned: (subject, issue, weight) triples the viewer learnt in meetings.
    toll: what the rounds without a deal have cost the viewer so far, in ten-thousandths of
    utility (1,890 is 0.189), taken off its score deal or none.
    rules: the scenario's rule numbers. events, fired: the public deck and how often each card
    has fired.
    """

    me: int
    own: Delegation  # the viewer's full preferences
    delegations: tuple[PublicDelegation, ...]
    issues: tuple[Issue, ...]
    zones: tuple[Zone, ...]
    venue: Venue
    venue_index: int
    round: int
    ap: int
    my_turn: bool
    positions: tuple[tuple[int, ...], ...]
    red_lines: tuple[tuple[frozenset[int], ...], ...]  # declared in public: each side states its own
    trust_in_me: tuple[int, ...]  # how far each delegation trusts the viewer
    my_trust: tuple[int, ...]  # how far the viewer trusts each delegation
    support: tuple[int, ...]  # domestic support is public: everyone reads the polls
    stability: tuple[int, ...]
    momentum: int
    agenda: tuple[int, ...]
    settled: tuple[int, ...]
    deal: tuple[int, ...]
    present: tuple[bool, ...]
    proposals: tuple[Proposal, ...]  # open proposals the viewer made or must answer
    agreements: tuple[Agreement, ...]
    learned: tuple[tuple[int, int, float], ...]  # (subject, issue, weight) learnt in meetings
    collapse_support: int
    rules: Rules  # the rule numbers are public
    step: int
    concessions: tuple[int, ...]  # concessions each delegation has made (public)
    offered: tuple[tuple[tuple[int, ...], ...], ...]  # what each put in its proposals (public)
    accepted: tuple[tuple[tuple[int, ...], ...], ...]  # ...and in packages it accepted
    rejected: tuple[tuple[tuple[int, ...], ...], ...]  # ...and in packages it rejected
    actor: int  # whose turn it is
    closing: bool  # the closing session: only answers to open proposals are taken (or a pass)
    over: bool
    toll: int = 0  # what the rounds without a deal have cost the viewer so far (ten-thousandths)
    venues_left: int = 0  # venues still to come after this one (a campaign): public
    # who accepted or refused which whole package, as the room saw it (the same for every viewer;
    # each delegation's last few answers, State.answers)
    answers: tuple[Answer, ...] = ()
    # The public event deck: the scenario file's cards, the same for every viewer (each player
    # has the file), how often each has fired (the log announces every event) and who stayed
    # away by boycott (announced too): what a card's conditions read besides the meters above.
    events: tuple[EventCard, ...] = ()
    fired: tuple[int, ...] = ()
    boycotted: tuple[bool, ...] = ()
    # every venue of the file, this one and those to come (public, like the deck): what a side
    # can read of the rounds and the draws still ahead of it in a campaign
    venues: tuple[Venue, ...] = ()
    # every open proposal at the table, whoever it was put to (public: the board lists them all);
    # `proposals` above holds those the viewer made or must answer, what the agents act on
    tabled: tuple[Proposal, ...] = ()


# id(the scenario's ids) -> (those ids, its delegations' public faces). A view is built for every
# move an agent makes, and these are the same for the whole game: built once per scenario, or
# rather per table of its ids (Scenario.ids), which a game's draw (types.UNDRAWN) and a moved
# walk-away value (Work.move_walk_away) hand on to the scenario they make, changing none of the
# public facts a face reads; any other scenario works its own out. So the faces, and what the
# agents and the engine keep by their identity, carry on past a moved walk-away value. Holding
# the tuple means an id can never be taken for another's after reuse; bounded by clearing.
_publics: dict[int, tuple[tuple[str, ...], tuple[PublicDelegation, ...]]] = {}
_PUBLICS_KEPT = 64


def public_delegations(sc: Scenario) -> tuple[PublicDelegation, ...]:
    ids = sc.ids
    hit = _publics.get(id(ids))
    if hit is not None and hit[0] is ids:
        return hit[1]
    publics = tuple(
        PublicDelegation(d.id, d.name, d.leader, d.role, d.patrons, d.description, d.stances, d.short_name)
        for d in sc.delegations
    )
    if len(_publics) >= _PUBLICS_KEPT:
        _publics.clear()
    _publics[id(ids)] = (ids, publics)
    return publics


# The deal of the last settled row a view was made for: (settled, issues, deal). The row changes
# only with an agreement, and a view is made for every move: the deal is worked out once per row.
_last_deal: tuple[object, object, tuple[int, ...]] = ((), (), ())


def _deal(state: State) -> tuple[int, ...]:
    global _last_deal
    settled, issues, deal = _last_deal
    if settled is state.settled and issues is state.scenario.issues:
        return deal
    deal = state.deal()
    _last_deal = (state.settled, state.scenario.issues, deal)
    return deal


# What the meetings revealed, per learner, for the last revealed row and delegations seen:
# (revealed, delegations, learner -> its facts). The row grows only with a meeting, and a view is
# made for every move: each learner's facts are picked out of it once per row.
_last_learned: tuple[object, object, dict[int, tuple[tuple[int, int, float], ...]]] = ((), (), {})


def _learned(sc: Scenario, revealed: tuple[tuple[int, int, int], ...], me: int) -> tuple[tuple[int, int, float], ...]:
    global _last_learned
    held, delegations, by_learner = _last_learned
    if held is not revealed or delegations is not sc.delegations:
        by_learner = {}
        _last_learned = (revealed, sc.delegations, by_learner)
    found = by_learner.get(me)
    if found is None:
        found = by_learner[me] = tuple(
            [
                (subject, issue, sc.delegations[subject].weights[issue])
                for learner, subject, issue in revealed
                if learner == me
            ]
        )
    return found


# The part of a view read from the scenario alone, per viewer and venue: the same for every move
# of a game at a venue, so made once for each and copied in whole (the last scenario held, with
# its parts by (viewer, venue)). A game's draw and a moved walk-away value make a new scenario,
# which makes its own.
_parts: tuple[object, dict[tuple[int, int], dict[str, Any]]] = (None, {})


def _scenario_part(sc: Scenario, me: int, venue: int) -> dict[str, Any]:
    global _parts
    held, parts = _parts
    if held is not sc:
        parts = {}
        _parts = (sc, parts)
    part = parts.get((me, venue))
    if part is None:
        part = parts[(me, venue)] = {
            "own": sc.delegations[me],
            "delegations": public_delegations(sc),
            "issues": sc.issues,
            "zones": sc.zones,
            "venue": sc.venues[venue],
            "red_lines": sc.red_lines,
            "collapse_support": sc.rules.collapse_support,
            "rules": sc.rules,
            "venues_left": len(sc.venues) - 1 - venue,
            "events": sc.events,
            "venues": sc.venues,
        }
    return part


def view_for(state: State, me: int) -> View:
    sc = state.scenario
    actor = sc.venues[state.venue].turn_order[state.turn]  # state.actor, read once
    revealed = state.revealed
    # filled in directly (state.frozen): a view is made for every move an agent makes
    return frozen(
        View,
        {
            **_scenario_part(sc, me, state.venue),
            "me": me,
            "venue_index": state.venue,
            "round": state.round,
            "ap": state.ap if actor == me else 0,
            "my_turn": state.outcome == RUNNING and actor == me,
            "positions": state.positions,
            "trust_in_me": tuple(map(itemgetter(me), state.trust)),
            "my_trust": state.trust[me],
            "support": state.support,
            "stability": state.stability,
            "momentum": state.momentum,
            "agenda": state.agenda,
            "settled": state.settled,
            "deal": _deal(state),
            "present": state.present,
            "proposals": tuple([p for p in state.proposals if p.author == me or me in p.to]),
            "agreements": state.agreements,
            "learned": _learned(sc, revealed, me) if revealed else (),
            "step": state.step,
            "concessions": state.concessions,
            "offered": state.offered,
            "accepted": state.accepted,
            "rejected": state.rejected,
            "actor": actor,
            "closing": state.closing,
            "over": state.outcome != RUNNING,
            "toll": state.toll[me] if state.toll else 0,
            "answers": state.answers,
            "fired": state.fired,
            "boycotted": state.boycotted,
            "tabled": state.proposals,
        },
    )
