"""The hard agent decides a boycott by what it gains (Level.boycotts_by_gain): it stays away only
where the deal the others would make without it beats attending. Without it nobody at the table
weighs what it loses, so that deal is read as the worse for it of their compromise as it reads
them and every package they have tabled at the venue (game.ai.politics.should_boycott)."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.levels import LEVELS
from game.ai.opponent import Beliefs
from game.ai.politics import should_boycott, single_text, tabled_by_others
from game.ai.reading import counterparts, value_with
from game.ai.selfplay import play
from game.engine import Boycott, new_game, view_for
from game.engine.state import Answer
from game.engine.utility import outcome_utility
from game.engine.view import View
from game.sim.random_scenarios import random_scenario
from game.sim.simulate import game_seed
from tests.ai.seat_games import style_in_seat
from tests.sim.timed_scenarios import timed_scenario

HARD = LEVELS["hard"]
# random scenarios whose first venue makes attendance optional (random_scenario's seeds)
OPTIONAL = [i for i in range(120) if random_scenario(i).venues[0].attendance_optional]


def first_view(index: int, seed: int, seat_pick: int) -> View:
    sc = random_scenario(index)
    state, _ = new_game(sc, seed)
    signatories = sc.venues[0].signatories
    return view_for(state, signatories[seat_pick % len(signatories)])


def attending(view: View) -> float:
    """What attending is worth, as should_boycott reads it: the compromise reached with us, or
    our walk-away value (our veto) where that is worth more."""
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    with_us = value_with(view, single_text(view, Beliefs(view, True), open_issues, [*counterparts(view), view.me]))
    return max(with_us, view.own.reservation)


@settings(max_examples=30, deadline=None)
@given(
    pick=st.sampled_from(OPTIONAL),
    seed=st.integers(0, 2**31 - 1),
    seat=st.integers(0, 5),
    data=st.data(),
)
def test_a_boycott_needs_every_package_the_others_tabled_to_beat_attending(
    pick: int, seed: int, seat: int, data: st.DataObject
) -> None:
    """On random scenarios, with packages the others tabled at the venue in the record: the hard
    agent stays away only where each of them is worth more to it than attending, and a record
    can only keep it at the table, never send it away."""
    view = first_view(pick, seed, seat)
    others = [d for d in range(len(view.delegations)) if d != view.me]
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    packages = data.draw(
        st.lists(
            st.tuples(*(st.integers(0, len(view.issues[i].options) - 1) for i in open_issues)).map(
                lambda options: tuple(zip(open_issues, options, strict=True))
            ),
            max_size=3,
        )
    )
    record = tuple(
        Answer(
            who=view.me,
            proposal=100 + k,
            author=others[k % len(others)],
            package=p,
            venue=view.venue_index,
            round=1,
            accepted=False,
        )
        for k, p in enumerate(packages)
    )
    told = dataclasses.replace(view, answers=record)
    assert sorted(tabled_by_others(told)) == sorted(packages)
    stays_away = should_boycott(told, Beliefs(told, True), HARD)
    if stays_away:
        assert should_boycott(view, Beliefs(view, True), HARD)
        assert all(value_with(told, p) > attending(told) for p in packages)


def test_a_package_tabled_at_another_venue_or_on_a_settled_issue_does_not_count() -> None:
    view = first_view(OPTIONAL[0], 7, 0)
    other = next(d for d in range(len(view.delegations)) if d != view.me)
    i = view.agenda[0]
    elsewhere = Answer(view.me, 1, other, ((i, 0),), view.venue_index + 1, 1, False)
    settled = tuple(0 if j == i else s for j, s in enumerate(view.settled))
    mine = Answer(other, 2, view.me, ((i, 0),), view.venue_index, 1, False)
    assert tabled_by_others(dataclasses.replace(view, answers=(elsewhere, mine))) == []
    here = Answer(view.me, 3, other, ((i, 0),), view.venue_index, 1, True)
    assert tabled_by_others(dataclasses.replace(view, answers=(here,))) == [((i, 0),)]
    assert tabled_by_others(dataclasses.replace(view, answers=(here,), settled=settled)) == []


def test_the_hard_agent_no_longer_boycotts_into_a_deal_below_its_walk_away() -> None:
    """A random scenario where the Nash guess alone sent the hard agent away in round 1 after
    the others had tabled a package worth less to it than walking away, which they then signed
    (game 52 of timed-17's d1 seat: surplus -0.22); over its first 60 games no boycott of the
    hard agent there ends below its walk-away value."""
    sc = timed_scenario(17)
    seat = [d.id for d in sc.delegations].index("d1")
    for index in range(60):
        seed = game_seed(0, index)
        game = play(sc, seed, style_in_seat(sc, seat, "hard", seed))
        if Boycott("d1") in game.actions:
            assert outcome_utility(game.state, seat) >= game.state.scenario.delegations[seat].reservation - 1e-9


def test_no_level_boycotts_a_venue_its_absence_would_end() -> None:
    """A boycott that leaves fewer than two signatories collapses the venue at once: no level
    makes it (a signatory there holds a veto, so attending is never worth less), and where the
    others still have a table of their own without it, the gesture stays possible."""
    ended = kept = 0
    for pick in OPTIONAL:
        for seed in range(4):
            sc = random_scenario(pick)
            for seat in sc.venues[0].signatories:
                state, _ = new_game(sc, seed)
                view = view_for(state, seat)
                alone = len(counterparts(view)) < 2
                for level in LEVELS.values():
                    if alone:
                        ended += 1
                        assert not should_boycott(view, Beliefs(view, level.learns), level)
                    elif should_boycott(view, Beliefs(view, level.learns), level):
                        kept += 1
    assert ended and kept  # both kinds of table were met


def test_a_two_signatory_table_the_normal_agent_used_to_leave_now_negotiates() -> None:
    """timed-14 (tests/sim/timed_scenarios.py) has two signatories and optional attendance; the
    normal agent in d1 read the others' compromise as below its walk-away and boycotted in round 1
    of every game, which ended the venue with nothing for anyone. It now attends, and deals are made."""
    sc = timed_scenario(14)
    deals = 0
    for index in range(12):
        game = play(sc, game_seed(0, index))
        assert not any(isinstance(a, Boycott) for a in game.actions)
        deals += bool(game.state.agreements)
    assert deals >= 6
