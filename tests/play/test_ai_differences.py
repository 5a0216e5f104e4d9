"""Where the AI's deal in the player's seat differs from the player's (game.play.headline.
ai_differences), shown in the debrief under the AI's score: three newcomers who played a seat
three ways read the AI's better score beside theirs and could not tell what it had got."""

from __future__ import annotations

import pytest

from game.ai.driver import agent_rng
from game.ai.seats import chooser
from game.engine import view_for
from game.play.headline import ai_differences, ai_game_ended, ai_in_seat, headlines
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
    weights = [d.weight for d in differences]
    assert weights == sorted(weights, reverse=True)  # the issues the seat weighs most first
    for d in differences:
        i = next(k for k, issue in enumerate(sc.issues) if issue.name == d.issue)
        assert d.weight == me.weights[i]
        yours = mine[i]
        assert (d.yours, d.your_worth) == (
            ("", None) if yours < 0 else (sc.issues[i].options[yours].label, me.values[i][yours])
        )
        assert d.ai != d.yours
        if d.ai_worth is not None:
            o = next(k for k, option in enumerate(sc.issues[i].options) if option.label == d.ai)
            assert d.ai_worth == me.values[i][o]
    # and the debrief writes each, under the AI's score
    text = _you(
        headlines(session, analysis_for(session)), ai_in_seat(session), "normal", ai_game_ended(session),
        {GOV: differences},
    ).plain  # fmt: skip
    assert "its deal, where it differs from yours (the worth to you in brackets):" in text
    for d in differences[:DIFFERENCES_SHOWN]:  # the heaviest, then a count of the rest
        theirs = "left open" if d.ai_worth is None else f"{d.ai} ({d.ai_worth:.2f})"
        yours = "left open" if d.your_worth is None else f"{d.yours} ({d.your_worth:.2f})"
        assert f"• {d.issue} ({d.weight:.0%} of what you want): {theirs}; yours: {yours}\n" in text
    more = len(differences) - DIFFERENCES_SHOWN
    assert (f"• and {more} more issue" in text) == (more > 0)
    for d in differences[DIFFERENCES_SHOWN:]:
        assert f"• {d.issue} (" not in text
