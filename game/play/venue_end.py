"""What the screen between two venues of a campaign shows: how the venue ended, who was there,
and what carries over to the next one. Read from one delegation's view, so in hot-seat play
it shows nothing the others may not see (support, stability and positions are public; each side
knows only its own trust and how far the others trust it).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import view_for
from game.engine.flow import told
from game.engine.utility import delay_toll, outcome_utility
from game.play.attendance import departures, venue_status
from game.saves import Session


@dataclass(frozen=True)
class Seat:
    name: str
    status: str  # how it ended at the venue that closed
    next_venue: bool  # sits at the next venue
    signs_next: bool  # ...and signs there (its answers decide the next venue's deals)
    support: int
    trusts_me: int  # how far it trusts the viewer (the viewer's own row: -1)
    my_trust: int  # how far the viewer trusts it


@dataclass(frozen=True)
class VenueEnd:
    venue: str
    next_venue: str
    outcome: str  # agreement, partial, no_deal, collapse
    reason: str
    agreed: tuple[str, ...]  # "Issue: Option" settled at the venue that closed
    standing: tuple[str, ...]  # every issue settled so far, as it stands at the next venue
    next_agenda: tuple[str, ...]  # the next venue's open issues
    seats: tuple[Seat, ...]
    me: int
    momentum: int  # the next venue's momentum at its opening
    stability: tuple[tuple[str, int], ...]  # zone, stability
    # the titles of the events that opened the next venue: they moved the figures above already
    news: tuple[str, ...] = ()
    # "Issue (status quo: Option)" left open at the venue that closed and on no agenda to come:
    # the game is scored at its status quo (docs/RULES.md, "What each side sees")
    lapsed: tuple[str, ...] = ()
    # what the game gives the reader as it stands (its score now, the rounds' toll so far taken
    # off: the next venue's rounds will take more while issues stay open), and their walk-away
    # value: an agreement made between their turns went straight to this screen, and a newcomer
    # never learnt what it was worth
    worth_now: float = 0.0
    walk_away: float = 0.0
    # whether the reader signed at the venue that closed, and signs at the next: a newcomer who
    # signed at Astana learnt from the debrief that their answers at Sochi had decided nothing
    signed_here: bool = False
    signs_next: bool = False
    # the rounds' toll so far, taken off worth_now: set against the walk-away value, a score
    # below it read as a deal signed below it (a newcomer had accepted it at 0.39 against 0.34)
    toll: float = 0.0


def venue_end(session: Session, venue: int, me: int) -> VenueEnd:
    """The end of `venue` as `me` reads it, with the game now at the venue after it."""
    state = session.state
    sc = session.scenario
    nxt = min(venue + 1, len(sc.venues) - 1)
    view = view_for(state, me)
    gone = departures(session)
    left = gone[venue] if venue < len(gone) else {}

    def label(i: int, o: int) -> str:
        return f"{sc.issues[i].name}: {sc.issues[i].options[o].label}"

    agreed = tuple(label(i, o) for a in state.agreements if a.venue == venue for i, o in a.package)
    standing = tuple(label(i, o) for i, o in enumerate(state.settled) if o >= 0)
    open_next = tuple(sc.issues[i].name for i in sc.venues[nxt].agenda if state.settled[i] < 0)
    ahead = {i for v in sc.venues[venue + 1 :] for i in v.agenda}
    lapsed = tuple(
        f"{sc.issues[i].name} (status quo: {sc.issues[i].options[sc.issues[i].status_quo].label})"
        for i in sc.venues[venue].agenda
        if state.settled[i] < 0 and i not in ahead
    )
    outcome = state.venue_outcomes[venue] if venue < len(state.venue_outcomes) else ""
    seats = tuple(
        Seat(
            d.name,
            venue_status(session, venue, k, left),
            k in sc.venues[nxt].turn_order,
            k in sc.venues[nxt].signatories,
            view.support[k],
            -1 if k == me else view.trust_in_me[k],
            -1 if k == me else view.my_trust[k],
        )
        for k, d in enumerate(sc.delegations)
    )
    return VenueEnd(
        sc.venues[venue].name,
        sc.venues[nxt].name,
        outcome,
        _reason(session, venue),
        agreed,
        standing,
        open_next,
        seats,
        me,
        state.momentum,
        tuple((z.name, s) for z, s in zip(sc.zones, state.stability, strict=True)),
        _opening_news(session, venue),
        lapsed,
        outcome_utility(state, me),
        view.own.reservation,
        me in sc.venues[venue].signatories,
        me in sc.venues[nxt].signatories,
        delay_toll(state, me),
    )


def _opening_news(session: Session, venue: int) -> tuple[str, ...]:
    """The titles of the events fired as the venue after `venue` opened (its first round, before
    anyone acted), from the records: what moved the carried-over figures between the two."""
    sc = session.scenario
    titles = {told(card): card.title for card in sc.events}
    titles |= {told(card.otherwise): card.otherwise.title for card in sc.events if card.otherwise is not None}
    records = session.records
    ends = [k for k, r in enumerate(records) if r.kind == "venue_end"]
    if venue >= len(ends):
        return ()
    news = []
    for record in records[ends[venue] + 1 :]:
        if record.kind == "event":
            news.append(titles.get(record.text, record.text))
        elif record.kind not in ("venue", "round"):  # the first move of the new venue: the opening is over
            break
    return tuple(news)


def _reason(session: Session, venue: int) -> str:
    """Why the venue ended, from its "venue_end" record, without the record's "Astana 8 ends: ":
    under "Astana 8 ended in an agreement." it said the same twice (a newcomer's)."""
    ends = [r.text for r in session.records if r.kind == "venue_end"]
    said = ends[venue] if venue < len(ends) else ""
    return said.removeprefix(f"{session.scenario.venues[venue].name} ends: ")
