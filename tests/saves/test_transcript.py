"""The Markdown transcript (`replay SAVE --text`) tells no side's secrets while the game runs."""

from __future__ import annotations

import pytest

from game.engine.utility import outcome_utility
from game.saves.transcript import markdown
from tests.saves.helpers import finished, new_session, play_on


def _table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]


@pytest.mark.parametrize(("name", "seed", "turns"), [("astana-8", 11, 0), ("astana-8", 11, 23), ("mini", 3, 5)])
def test_a_running_game_prints_no_walk_away_and_no_utility(name: str, seed: int, turns: int) -> None:
    session = play_on(new_session(name, seed), turns)
    assert not session.state.over
    text = markdown(session)
    assert "walk-away" not in text.replace("walk-away value, stay private", "")
    assert _table_rows(text) == []
    for d in session.scenario.delegations:
        assert f"| {d.name} |" not in text
    assert "stay private until the game ends" in text


def test_a_finished_game_prints_every_side_s_figures() -> None:
    session = finished("astana-8", 7)
    text = markdown(session)
    rows = _table_rows(text)
    assert rows[0] == "| delegation | utility | walk-away |"
    for k, d in enumerate(session.scenario.delegations):
        assert f"| {d.name} | {outcome_utility(session.state, k):.2f} | {d.reservation:.2f} |" in rows
