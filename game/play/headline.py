"""The player's headline in the debrief: their result against walking away, against the Nash
point, and against the AI playing their seat in the same game (same scenario, same seed).

The AI's game is played headlessly by the same agents and driver `simulate` uses, and kept in a
small cache: the debrief computes it in a worker and shows it when it comes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from game.ai.agent import AgentError, Chooser, Guarded
from game.ai.selfplay import play
from game.analysis import Analysis
from game.engine import State, state_hash
from game.engine.model import Scenario
from game.engine.records import in_sentence, listed
from game.engine.seat import AI, Seat
from game.engine.state import Agreement
from game.engine.types import draw_types
from game.engine.utility import delay_toll, open_value, outcome_utility
from game.play.attendance import departures, venue_status
from game.play.replays import Kept, game_key, replay_kinds
from game.results import Result
from game.saves import HUMAN, Session
from game.sim.seating import game_choosers


@dataclass(frozen=True)
class Headline:
    seat: int
    name: str
    utility: float
    reservation: float  # the game's walk-away value at its end, moved by what events and agreements did
    nash: float | None  # the seat's utility at the Nash point (None: no Nash point, or not a signatory)
    drawn: float  # the walk-away value drawn for this game, before anything moved it
    toll: float = 0.0  # what the rounds without a deal cost the seat (in `utility` already)
    signed: bool = True  # whether the seat signed an agreement (one that did not is still moved by others')
    others_signed: bool = False  # whether agreements were made that the seat is not a party to
    # how the seat left each venue it left: (the venue's name in a campaign, else "", and
    # attendance's words: "signed, then pulled out by its hardliners"); a newcomer pulled out by
    # the support a signature cost read "Your result" and the record as a plain agreement
    left: tuple[tuple[str, str], ...] = ()
    # whether the deal's venue has a Nash point at all: where it has one and `nash` is None, the
    # seat signs nothing there (the debrief gave both reasons at once, then the point below)
    nash_exists: bool = False

    @property
    def surplus(self) -> float:
        return self.utility - self.reservation


def human_seats(session: Session) -> tuple[int, ...]:
    return tuple(k for k, d in enumerate(session.scenario.delegations) if session.seats.get(d.id) == HUMAN)


def ai_level(session: Session) -> str:
    """The level the AI played at in this game (the one the AI plays a human's seat at)."""
    seats = [Seat.parse(s) for s in session.seats.values()]
    levels = {s.name for s in seats if s.kind == AI}
    return levels.pop() if len(levels) == 1 else "normal"


def headlines(session: Session, analysis: Analysis) -> tuple[Headline, ...]:
    """One headline per human seat (none when every seat was AI)."""
    state = session.state
    nash: dict[int, float] = {}
    if analysis.nash is not None:
        at_nash = analysis.utilities_of(analysis.nash)
        nash = {d: float(u) for d, u in zip(analysis.space.parties, at_nash, strict=True)}
    drawn = draw_types(session.scenario, session.seed).delegations
    gone = departures(session)
    out = []
    for d in human_seats(session):
        # the game's own walk-away value, drawn for this seed around the file's (the debrief's
        # table and outcome_utility use the same draw), not the file's central number
        dl = state.scenario.delegations[d]
        out.append(
            Headline(
                d,
                dl.name,
                outcome_utility(state, d),
                dl.reservation,
                nash.get(d),
                drawn[d].reservation,
                delay_toll(state, d),
                any(d in a.parties for a in state.agreements),
                any(d not in a.parties for a in state.agreements),
                _left(session, d, gone),
                analysis.nash is not None,
            )
        )
    return tuple(out)


def _left(session: Session, d: int, gone: list[dict[int, str]]) -> tuple[tuple[str, str], ...]:
    """How seat `d` left each venue it left (Headline.left)."""
    venues = session.scenario.venues
    return tuple(
        (venues[v].name if len(venues) > 1 else "", venue_status(session, v, d, left))
        for v, left in enumerate(gone)
        if d in left
    )


# each human seat's result in the AI's game, how that game ended, and its last state
_KEPT: Kept[tuple[dict[int, float], str, State | None]] = Kept(32)


@dataclass(frozen=True)
class Difference:
    """An issue on which the AI's game in the player's seat settled otherwise than the player's:
    the issue's name and its weight to the player, then each game's option and its worth to the
    player (the label "" where that game left the issue open, and the worth then what the game
    scores an open issue at: engine.utility.open_value on that game's last agenda, or the
    walk-away value where the game signed nothing)."""

    issue: str
    weight: float
    ai: str
    ai_worth: float
    yours: str
    your_worth: float
    # where that game left the issue open, whether its worth is the walk-away value (the issue on
    # the last agenda, or nothing signed) rather than its status quo's value: a newcomer read
    # "left open (0.13)" as the issue's own worth, where 0.13 was their walk-away value
    ai_at_walk_away: bool = False
    your_at_walk_away: bool = False


def ai_in_seat(session: Session) -> dict[int, float]:
    """Each human seat's result had the AI played it (and every other seat as in this game),
    from the same seed: the game replayed from the start. Cached per scenario, seed and seats."""
    return _ai_game(session)[0]


def ai_game_ended(session: Session) -> str:
    """How that game of the AI's ended, in words ("an agreement, signed in round 4 of 6"): a newcomer
    read the AI's score in their seat and could not tell what it had done to get it."""
    return _ai_game(session)[1]


def ai_differences(session: Session, seat: int) -> tuple[Difference, ...]:
    """Where the AI's game in that seat (ai_in_seat) ended otherwise than the player's, issue by
    issue, the issues the seat weighs most first: an option apart, or an issue both left open
    whose worth the two games moved apart (it counts at the walk-away value, which events and
    agreements move); none where neither game signed anything. Three newcomers who played a seat
    three ways read the AI's better score beside theirs and could not tell what it had got."""
    ai_state = _ai_game(session)[2]
    state = session.state
    if ai_state is None or not any(o >= 0 for o in (*ai_state.settled, *state.settled)):
        return ()
    sc = state.scenario
    status_quo = [issue.status_quo for issue in sc.issues]

    def worth(game: State, i: int) -> tuple[float, bool]:
        # what the issue gives the seat as that game's score counts it (settled_value), by the
        # seat's preferences as that game left them (its walk-away value moves with the game's
        # events and agreements): an option at its value; an issue left open at the walk-away
        # value on the last venue's agenda, else at its status quo; with nothing signed the
        # whole game is worth the walk-away value, so each open issue is too. A newcomer read
        # "left open" and could not tell whether that was worse than the option beside it.
        # Beside it, whether that worth is the walk-away value (said so: "left open (0.13)" read
        # as the issue's own worth)
        me = game.scenario.delegations[seat]
        option = game.settled[i]
        if option >= 0:
            return me.values[i][option], False
        if not any(o >= 0 for o in game.settled):
            return me.reservation, True
        return open_value(me, i, status_quo, game.agenda), i in game.agenda

    out = []
    for i, (ai, yours) in enumerate(zip(ai_state.settled, state.settled, strict=True)):
        (theirs, ai_at_walk_away), (mine, your_at_walk_away) = worth(ai_state, i), worth(state, i)
        if ai == yours and (ai >= 0 or abs(theirs - mine) < 0.005):
            continue
        options = sc.issues[i].options
        out.append(
            Difference(
                sc.issues[i].name,
                sc.delegations[seat].weights[i],
                options[ai].label if ai >= 0 else "",
                theirs,
                options[yours].label if yours >= 0 else "",
                mine,
                ai_at_walk_away,
                your_at_walk_away,
            )
        )
    return tuple(sorted(out, key=lambda d: -d.weight))


def ended(state: State) -> str:
    """How a finished game ended, and when, in a few words."""
    sc = state.scenario
    if len(sc.venues) > 1:
        # venue by venue: "an agreement at the Congress, signed in round 1 of 5" hid what the
        # campaign's first venue had signed (a newcomer's debrief)
        return "; ".join(_at_venue(state, v) for v in range(min(state.venue + 1, len(sc.venues))))
    signed = ""
    if state.agreements:
        last = max(state.agreements, key=lambda a: (a.venue, a.round))
        venue = sc.venues[last.venue]
        where = f" at {in_sentence(venue.name)}" if len(sc.venues) > 1 else ""
        what = "an agreement" if state.outcome == "agreement" else _partial(state, state.agreements)
        # "the last signed" where there were several: a newcomer read it of a single agreement
        # as "there were others"
        when = "the last signed" if len(state.agreements) > 1 else "signed"
        signed = f"{what}{where}, {when} in round {last.round} of {venue.rounds}"
    if state.outcome == "collapse":
        # when: a walk-out in round 1 spares the rounds' toll, one in round 6 does not, and the
        # debrief's other ways of playing a seat set such games side by side; in a campaign, after
        # what an earlier venue signed (which read as the whole story: "a partial deal at Astana 8")
        venue = sc.venues[state.venue]
        where = f" at {in_sentence(venue.name)}" if len(sc.venues) > 1 else ""
        collapsed = f"the talks collapsed{where} in round {state.round} of {venue.rounds}"
        return f"{signed}, then {collapsed}" if signed else collapsed
    return signed or {"no_deal": "no deal"}.get(state.outcome, state.outcome.replace("_", " "))


def _partial(state: State, agreements: Sequence[Agreement]) -> str:
    """What a partial deal settled, or what it left open where that is shorter ("a partial deal
    leaving the northern Homs zone open"), in the agenda's order: the debrief's other ways set
    several partial deals side by side, and a newcomer could not tell which one a strategy got.
    At the venue the game ended at, as the game ended (an event may have broken an agreed issue
    or changed the agenda); at an earlier venue of a campaign, by what was signed there."""
    sc = state.scenario
    venue = agreements[0].venue if agreements else state.venue
    if venue == state.venue:
        agenda = state.agenda
        settled = {i for i in agenda if state.settled[i] >= 0}
    else:
        agenda = sc.venues[venue].agenda
        settled = {i for a in agreements for i, _ in a.package}
    on = [in_sentence(sc.issues[i].name) for i in agenda if i in settled]
    left = [in_sentence(sc.issues[i].name) for i in agenda if i not in settled]
    if not on:
        return "a partial deal"
    if left and len(left) < len(on):
        return f"a partial deal leaving {listed(left)} open"
    return f"a partial deal on {listed(on)}"


def _at_venue(state: State, v: int) -> str:
    """How venue `v` of a campaign ended, in a few words: what was signed there and when, and a
    collapse there (with its round at the venue the game ended at)."""
    venue = state.scenario.venues[v]
    at = in_sentence(venue.name)
    here = [a for a in state.agreements if a.venue == v]
    outcome = state.venue_outcomes[v] if v < len(state.venue_outcomes) else state.outcome
    signed = ""
    if here:
        last = max(here, key=lambda a: a.round)
        what = "an agreement" if outcome == "agreement" else _partial(state, here)
        when = "the last signed" if len(here) > 1 else "signed"
        signed = f"{what} at {at}, {when} in round {last.round} of {venue.rounds}"
    if outcome == "collapse":
        collapsed = f"the talks collapsed at {at}"
        if v == state.venue:
            collapsed += f" in round {state.round} of {venue.rounds}"
        return f"{signed}, then {collapsed}" if signed else collapsed
    return signed or f"nothing signed at {at}"


def seat_choosers(scenario: Scenario, kinds: dict[int, str], seed: int) -> dict[int, Chooser]:
    """The choosers of a game the debrief replays, by kind, as the game's own table seats them
    (game.sim.seating): an outside agent the game was played with plays its seat again (the
    command line named it, and it ran in this game), a level or a strategy by its name, and the
    wait-nash strategy with the analysis's Nash packages (without them it tabled nothing, and the
    debrief compared the player with a game the table never saw). The debrief plays them in the
    interface's worker thread, where the interface captures what an agent prints: like the
    table's, they leave the process's stdout alone (Guarded.redirect)."""
    chosen = game_choosers(scenario, kinds, seed)
    for chooser in chosen.values():
        if isinstance(chooser, Guarded):
            chooser.redirect = False
    return chosen


def _ai_game(session: Session) -> tuple[dict[int, float], str, State | None]:
    key = game_key(session)
    kept = _KEPT.get(key)
    if kept is not None:
        return kept
    sc = session.scenario
    try:
        game = play(sc, session.seed, seat_choosers(sc, replay_kinds(session, ai_level(session)), session.seed))
    except AgentError:
        # it failed here: no AI game to set beside the player's (the debrief says so)
        return {}, "", None
    utilities = {d: outcome_utility(game.state, d) for d in human_seats(session)}
    return _KEPT.put(key, (utilities, ended(game.state), game.state))


def results(session: Session, lines: tuple[Headline, ...], finished: float) -> list[Result]:
    """The record's entries for a finished game: one per human seat."""
    sc = session.scenario
    game = f"{sc.content_hash[:16]}-{session.seed}-{state_hash(session.state)[:16]}"
    # who sat where, apart from `game` (which entries written before it was kept identify games by)
    seats = hashlib.sha256(json.dumps(session.seats, sort_keys=True).encode()).hexdigest()[:16]
    level = ai_level(session) if any(Seat.parse(s).kind == AI for s in session.seats.values()) else "none"
    hot_seat = len(lines) > 1
    return [
        Result(
            sc.id,
            sc.title,
            sc.delegations[h.seat].id,
            h.name,
            level,
            session.seed,
            session.state.outcome,
            # as the debrief shows them, unrounded: stored to four places, 0.59503 became 0.595,
            # which the record wrote "0.59" under a debrief's "0.60" for the same game
            h.utility,
            h.reservation,
            h.nash,
            finished,
            game,
            hot_seat,
            seats,
        )
        for h in lines
    ]
