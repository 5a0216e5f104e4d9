"""What a round costs a side now and once a package is agreed (game.play.choices.toll_a_round) is
what the engine charges when the round ends: the board's refusal question quotes it."""

from __future__ import annotations

import pytest

from game.engine import view_for
from game.engine.state import State
from game.play.choices import toll_a_round
from tests.saves.helpers import ai_action, new_session
from tests.ui.test_brief_time import _round_passes


def _charged(state: State, d: int) -> float:
    """What the round under way charges `d` when it ends, nothing more being agreed."""
    return (_round_passes(state).toll[d] - state.toll[d]) / 10_000


# games in which a partial deal is made while the round goes on (a whole-agenda deal ends the game)
@pytest.mark.parametrize(
    ("name", "seed"), [("astana-8", 1), ("astana-8", 6), ("sochi-congress", 5), ("astana-to-sochi", 3)]
)
def test_the_toll_before_and_after_an_agreement_is_what_the_round_charges(name: str, seed: int) -> None:
    session = new_session(name, seed)
    checked = 0
    while not session.state.over:
        before = session.state
        session.play(ai_action(session))
        after = session.state
        made = len(after.agreements) > len(before.agreements)
        if not made or before.closing or after.over or after.round != before.round or after.venue != before.venue:
            continue
        package = after.agreements[-1].package
        for d in before.scenario.venues[before.venue].signatories:
            now, then = toll_a_round(view_for(before, d), package)
            assert now == pytest.approx(_charged(before, d), abs=1e-9)
            assert then == pytest.approx(_charged(after, d), abs=1e-9)
            assert then <= now
            checked += now > then  # the agreement stopped part of this side's toll
    assert checked, "no agreement in a round that goes on, or none that stopped a toll"


def test_nothing_where_time_costs_nothing() -> None:
    session = new_session("tutorial", 1)
    view = view_for(session.state, 0)
    package = tuple((i, 0) for i in view.agenda)
    assert toll_a_round(view, package) == (0.0, 0.0)
