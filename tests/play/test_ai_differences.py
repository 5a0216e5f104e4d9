"""Where the AI's deal in the player's seat differs from the player's (game.play.headline.
ai_differences), shown in the debrief under the AI's score: three newcomers who played a seat
three ways read the AI's better score beside theirs and could not tell what it had got."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from game.ai.driver import agent_rng
from game.ai.seats import chooser
from game.ai.selfplay import play
from game.engine import view_for
from game.engine.state import State
from game.engine.utility import outcome_utility
from game.play.headline import Difference, ai_differences, ai_game_ended, ai_in_seat, headlines, seat_choosers
from game.play.replays import replay_kinds
from game.saves import Session
from game.ui.screens.debrief import DIFFERENCES_SHOWN, _you, analysis_for
from tests.saves.helpers import ai_action, new_session

GOV = 0


def played(seed: int, kind: str) -> Session:
    """astana-8 with the government a human seat, played by `kind`; the others at normal."""
    session = new_session("astana-8", seed, "normal", government="human")
    mine = chooser(kind, scenario=session.scenario)
    while not session.state.over:
        state = session.state
        if state.actor == GOV:
            session.play(mine(view_for(state, GOV), agent_rng(state)).action)
        else:
            session.play(ai_action(session))
    return session


def test_the_seat_played_as_the_ai_plays_it_differs_nowhere() -> None:
    # the normal agent in the human seat: the AI's game is this very game
    session = played(5, "normal")
    assert ai_differences(session, GOV) == ()


@pytest.mark.parametrize("kind", ["stonewall", "walk-out"])  # a few issues apart; every one (past the cap)
def test_each_difference_is_the_two_games_options_with_their_worth_to_the_seat(kind: str) -> None:
    for seed in range(1, 12):
        session = played(seed, kind)
        differences = ai_differences(session, GOV)
        if differences and (kind != "walk-out" or len(differences) > DIFFERENCES_SHOWN):
            break
    else:
        raise AssertionError("the AI's deal never differed from a stonewaller's: nothing tested")
    sc = session.state.scenario
    me = sc.delegations[GOV]
    mine = session.state.settled
    left_open = []
    weights = [d.weight for d in differences]
    assert weights == sorted(weights, reverse=True)  # the issues the seat weighs most first
    for d in differences:
        i = next(k for k, issue in enumerate(sc.issues) if issue.name == d.issue)
        assert d.weight == me.weights[i]
        yours = mine[i]
        if yours >= 0:
            assert (d.yours, d.your_worth) == (sc.issues[i].options[yours].label, me.values[i][yours])
        else:
            assert d.yours == ""
            left_open.append(d)
        # an option apart, or an issue both left open whose worth the two games moved apart
        assert d.ai != d.yours or (not d.ai and abs(d.ai_worth - d.your_worth) >= 0.005)
        if d.ai:
            o = next(k for k, option in enumerate(sc.issues[i].options) if option.label == d.ai)
            assert d.ai_worth == me.values[i][o]
    if kind == "stonewall":  # nothing signed: an issue left open is worth the walk-away value
        assert not any(o >= 0 for o in mine) and left_open
        assert all(d.your_worth == me.reservation for d in left_open)
    _worth_as_scored(session.state, [d for d in differences if not d.yours], lambda d: d.your_worth)
    # and the debrief writes each, under the AI's score
    text = _you(
        headlines(session, analysis_for(session)), ai_in_seat(session), "normal", ai_game_ended(session),
        {GOV: differences},
    ).plain  # fmt: skip
    assert "its deal, where it differs from yours (the worth to you in brackets):" in text
    for d in differences[:DIFFERENCES_SHOWN]:  # the heaviest, then a count of the rest
        theirs = f"{d.ai} ({d.ai_worth:.2f})" if d.ai else f"left open (at its walk-away value, {d.ai_worth:.2f})"
        yours = (
            f"{d.yours} ({d.your_worth:.2f})" if d.yours else f"left open (at your walk-away value, {d.your_worth:.2f})"
        )
        assert f"• {d.issue} ({d.weight:.0%} of what you want): {theirs}; yours: {yours}\n" in text
    more = len(differences) - DIFFERENCES_SHOWN
    assert (f"• and {more} more issue" in text) == (more > 0)
    for d in differences[DIFFERENCES_SHOWN:]:
        assert f"• {d.issue} (" not in text


def _worth_as_scored(state: State, left_open: list[Difference], worth: Callable[[Difference], float]) -> None:
    """An issue left open is worth what the game's score counts it at, by the seat's preferences as
    that game left them: where the game signed something, settling the issue on each option in turn
    moves the score by its weight times the difference; where it signed nothing, the walk-away value
    the game ended with."""
    sc = state.scenario
    me = sc.delegations[GOV]
    for d in left_open:
        i = next(k for k, issue in enumerate(sc.issues) if issue.name == d.issue)
        if not any(o >= 0 for o in state.settled):
            assert worth(d) == me.reservation
            continue
        for o in range(len(sc.issues[i].options)):
            settled = tuple(o if k == i else s for k, s in enumerate(state.settled))
            moved = outcome_utility(replace(state, settled=settled), GOV) - outcome_utility(state, GOV)
            assert moved == pytest.approx(d.weight * (me.values[i][o] - worth(d)))


@pytest.mark.parametrize(
    ("kind", "seed", "case"),
    [
        ("copy-last", 1, "both games sign a partial deal, on other issues"),
        # a reviewer's: the two games' walk-away values end apart (0.49 and 0.87), and the AI's
        # open issue, valued at the player's, read as worse than the player's option
        ("concede-all", 1, "the AI's walk-away value moved elsewhere"),
        ("accept-all", 4, "the AI's game signed nothing"),
        ("walk-out", 1, "an issue left open in both, worth apart"),
    ],
)
def test_an_issue_either_game_left_open_is_worth_what_its_score_counts_it_at(kind: str, seed: int, case: str) -> None:
    # a newcomer read "left open" beside an option's worth and could not tell which was better
    session = played(seed, kind)
    differences = ai_differences(session, GOV)
    sc = session.scenario
    ai_game = play(sc, session.seed, seat_choosers(sc, replay_kinds(session, "normal"), session.seed))
    mine = [d for d in differences if not d.yours]
    theirs = [d for d in differences if not d.ai]
    both = [d for d in mine if not d.ai]
    assert theirs, case
    if case == "the AI's walk-away value moved elsewhere":
        me = (session.state.scenario.delegations[GOV], ai_game.state.scenario.delegations[GOV])
        assert abs(me[0].reservation - me[1].reservation) > 0.1
    if case == "the AI's game signed nothing":
        assert not any(o >= 0 for o in ai_game.state.settled) and any(o >= 0 for o in session.state.settled)
    if case == "an issue left open in both, worth apart":
        assert both and all(abs(d.ai_worth - d.your_worth) >= 0.005 for d in both)
    _worth_as_scored(session.state, mine, lambda d: d.your_worth)
    _worth_as_scored(ai_game.state, theirs, lambda d: d.ai_worth)
    text = _you(
        headlines(session, analysis_for(session)), ai_in_seat(session), "normal", ai_game_ended(session),
        {GOV: differences},
    ).plain  # fmt: skip
    for d in differences[:DIFFERENCES_SHOWN]:
        if not d.yours:
            assert f"yours: left open (at your walk-away value, {d.your_worth:.2f})" in text
        if not d.ai:
            assert f"want): left open (at its walk-away value, {d.ai_worth:.2f})" in text
    assert ("counts at your walk-away value" in text) == any(d in both for d in differences[:DIFFERENCES_SHOWN])


def test_an_issue_left_open_says_its_worth_is_the_walk_away_value() -> None:
    """A newcomer read "yours: left open (0.13)" as the issue's worth, where 0.13 was their
    walk-away value (an open issue counts at it): the words say so, for either game."""
    session = played(1, "stonewall")  # nothing signed: every issue left open, at the walk-away value
    differences = ai_differences(session, GOV)
    me = session.state.scenario.delegations[GOV]
    assert differences and all(not d.yours and d.your_at_walk_away for d in differences)
    text = _you(
        headlines(session, analysis_for(session)), ai_in_seat(session), "normal", ai_game_ended(session),
        {GOV: differences},
    ).plain  # fmt: skip
    assert f"yours: left open (at your walk-away value, {me.reservation:.2f})" in text
    assert "yours: left open (0." not in text
