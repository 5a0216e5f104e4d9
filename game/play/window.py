"""When a deal was possible: the last venue's zone of agreement, round by round.

The debrief judges a result against the walk-away values as the game ended. Events move them
(the `walk_away` effect: the ground shifts under the talks), so a debrief that said "no package
is worth its walk-away value to every signatory" read to a newcomer as "there never was a deal",
where one had been there for the taking until an event closed it. This is the same count of the
same package space, with each signatory's walk-away value as it stood when each round of the
venue began, and what moved it: whose value, from what to what, on which news.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.analysis import Analysis
from game.analysis.solutions import SAMPLE
from game.engine import Record, State, apply, new_game
from game.engine.flow import told
from game.engine.model import Alternative, EventCard, Scenario
from game.engine.types import draw_types
from game.saves import Session


@dataclass(frozen=True)
class Move:
    who: str  # the signatory's name
    before: float
    after: float
    news: tuple[str, ...]  # the titles of the events that moved it


@dataclass(frozen=True)
class WindowRound:
    round: int  # 0: as the talks ended (moves within the last round, after it began)
    zone: int  # packages worth at least its walk-away value to every signatory as the round began
    moves: tuple[Move, ...]  # walk-away values moved since the round before began


@dataclass(frozen=True)
class Window:
    venue: str
    exact: bool  # every package counted (else a seeded sample, scaled to the space's size)
    packages: int
    rounds: tuple[WindowRound, ...]
    agreed: bool = False  # something was signed at the venue

    @property
    def closed(self) -> bool:
        """A deal was possible in some round and none was by the end of the last."""
        return any(r.zone for r in self.rounds) and self.rounds[-1].zone == 0

    @property
    def opened(self) -> bool:
        """No deal was possible as the first round began, and one became so."""
        return self.rounds[0].zone == 0 and any(r.zone for r in self.rounds if r.round)

    @property
    def moved(self) -> bool:
        return any(r.moves for r in self.rounds)


def window(session: Session, analysis: Analysis) -> Window:
    """The zone of agreement of the venue the game ended at, as each of its rounds began."""
    end = session.state
    sc = end.scenario
    space = analysis.space
    # a space too large to count whole: the sample analyze() drew (the same seed), scaled to its size
    sample = None if analysis.exact else space.sample(np.random.default_rng(0), SAMPLE)
    utilities = space.utilities(sample)
    # each event's record, by what it says: its title, and whose walk-away value it moves
    cards: list[EventCard | Alternative] = [*sc.events, *(c.otherwise for c in sc.events if c.otherwise is not None)]
    news_of = {told(c): (c.title, {e.a for e in c.effects if e.kind == "walk_away"}) for c in cards}
    parties = space.parties
    # the values the game drew, before any news: the first round's moves are counted from them
    # (a new game has already fired its opening's news)
    drawn = draw_types(session.scenario, session.seed)
    values = [drawn.delegations[d].reservation for d in parties]
    moved: dict[int, tuple[float, list[str]]] = {}  # party -> its value when the round before began, the news since
    rounds: list[WindowRound] = []
    state, opening = new_game(session.scenario, session.seed)
    steps: list[tuple[tuple[State, tuple[Record, ...]], State | None]] = [((state, tuple(opening)), None)]
    for entry in session.log:
        after, records = apply(state, entry.action)
        steps.append(((after, records), state))
        state = after
    for (now, records), before in steps:
        said = [news_of[r.text] for r in records if r.kind == "event" and r.text in news_of]
        for k, d in enumerate(parties):
            value = now.scenario.delegations[d].reservation
            if value != values[k]:
                first, news = moved.get(d, (values[k], []))
                news.extend(title for title, movers in said if d in movers and title not in news)
                moved[d] = (first, news)
                values[k] = value
        if now.venue == end.venue and (before is None or (before.venue, before.round) != (now.venue, now.round)):
            inside = int((utilities >= np.array(values) - 1e-12).all(axis=1).sum())
            zone = inside if analysis.exact else round(inside / len(utilities) * space.size)
            rounds.append(WindowRound(now.round, zone, _moves(now.scenario, moved)))
            moved = {}
    ended = _moves(sc, moved)
    if ended:  # moved within the last round, after it began: the zone the result is judged in
        rounds.append(WindowRound(0, analysis.zopa_size, ended))
    agreed = any(a.venue == end.venue for a in end.agreements)
    return Window(sc.venues[end.venue].name, analysis.exact, space.size, tuple(rounds), agreed)


def _moves(now: Scenario, moved: dict[int, tuple[float, list[str]]]) -> tuple[Move, ...]:
    """The walk-away values that moved, from where they stood to where `now` has them (those back
    where they were, to two places, left out), each with the news that moved it."""
    return tuple(
        Move(now.delegations[d].name, first, now.delegations[d].reservation, tuple(news))
        for d, (first, news) in moved.items()
        if round(first, 2) != round(now.delegations[d].reservation, 2)
    )
