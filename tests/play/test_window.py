"""When a deal was possible: the zone of agreement of the venue a game ended at, round by round,
is the count the analysis gives with each signatory's walk-away value as that round began, and
the moves it names are the game's own, with the news that made them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.analysis import analyze
from game.analysis.solutions import settled_at_opening
from game.engine import State, apply, new_game
from game.engine.model import Alternative, EventCard
from game.play.debrief import analysis_for
from game.play.window import window
from game.saves import Session
from tests.saves.helpers import new_session, play_on


def round_starts(session: Session) -> list[tuple[int, State]]:
    """(round, state as it began) for each round of the venue the game ended at."""
    end = session.state
    state, _ = new_game(session.scenario, session.seed)
    starts = [(state.round, state)] if state.venue == end.venue else []
    for entry in session.log:
        after, _ = apply(state, entry.action)
        if after.venue == end.venue and (after.venue, after.round) != (state.venue, state.round):
            starts.append((after.round, after))
        state = after
    return starts


def check(session: Session) -> None:
    analysis = analysis_for(session)
    w = window(session, analysis)
    end = session.state
    starts = round_starts(session)
    played = [r for r in w.rounds if r.round]
    assert [r.round for r in played] == [n for n, _ in starts]
    for r, (_, begun) in zip(played, starts, strict=True):
        # the same space, judged afresh with the walk-away values as the round began
        fresh = analyze(begun.scenario, end.venue, settled_at_opening(end), with_frontier=False)
        assert r.zone == fresh.zopa_size, (r.round, r.zone, fresh.zopa_size)
    # the last count is the one the result is judged in
    assert w.rounds[-1].zone == analysis.zopa_size
    names = {d.name: d for d in end.scenario.delegations}
    for r in w.rounds:
        for m in r.moves:
            assert m.before != m.after and m.who in names
            for title in m.news:
                cards: list[EventCard | Alternative] = [c for c in end.scenario.events if c.title == title]
                cards += [c.otherwise for c in end.scenario.events if c.otherwise and c.otherwise.title == title]
                d = end.scenario.delegations.index(names[m.who])
                assert any(e.kind == "walk_away" and e.a == d for c in cards for e in c.effects), title


def test_a_deal_closed_by_the_news_is_shown_closing() -> None:
    """astana-8, seed 11: a newcomer's three games all ended with 'no package suits every
    signatory', where 1,889 packages had been there in round 1 and the government's gains on the
    ground closed them by round 3."""
    session = play_on(new_session("astana-8", 11))
    check(session)
    w = window(session, analysis_for(session))
    assert w.closed and w.rounds[0].zone > 0 and w.rounds[-1].zone == 0
    government = session.state.scenario.delegations[0].name
    moved = [m for r in w.rounds for m in r.moves if m.who == government]
    assert moved and moved[0].before < 0.6 and moved[-1].after > 0.9 and all(m.news for m in moved)


@settings(max_examples=12, deadline=None, database=None)
@given(st.sampled_from(["astana-8", "sochi-congress", "astana-to-sochi", "dayton-1995"]), st.integers(0, 10_000))
def test_every_round_counts_what_the_analysis_counts(name: str, seed: int) -> None:
    check(play_on(new_session(name, seed)))
