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
    """The walk-away values are this game's, drawn from its seed and moved by its events, as watch
    and the debrief give them: the table printed the file's central values (0.50 for a government
    whose game had drawn 0.49 and a card had raised to 0.87)."""
    session = finished("astana-8", 7)
    text = markdown(session)
    rows = _table_rows(text)
    assert rows[0] == "| delegation | utility | walk-away |"
    played = session.state.scenario.delegations
    for k, d in enumerate(played):
        assert f"| {d.name} | {outcome_utility(session.state, k):.2f} | {d.reservation:.2f} |" in rows
    central = session.scenario.delegations
    assert any(f"{a.reservation:.2f}" != f"{b.reservation:.2f}" for a, b in zip(played, central, strict=True))
