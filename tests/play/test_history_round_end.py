"""A round's header in the history ends on the momentum the round ended with, not the one after
the next round's news: the move that closed round 2 also opened round 3, whose events moved the
momentum, and round 2 read "33 → 41" where the table had shown 45 as it ended (a playtester's)."""

from __future__ import annotations

from typing import Any

import pytest

from game.engine import apply, flow, new_game
from game.play.history import Chronicle, summaries
from tests.saves.helpers import finished


@pytest.mark.parametrize("seed", [1, 2])
def test_a_rounds_header_ends_before_the_next_rounds_news(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    session = finished("astana-8", seed)
    actions = [e.action for e in session.log]
    # the momentum each round ended with, as the engine's start_round of the next one sees it
    # (before that round's events), and the one the next round's news left
    ended: dict[tuple[int, int], int] = {}
    start_round = flow.start_round

    def watched(w: Any) -> None:
        if w.round > 1:
            ended[(w.venue, w.round - 1)] = w.momentum
        start_round(w)

    monkeypatch.setattr(flow, "start_round", watched)
    state, _ = new_game(session.scenario, seed)
    news_moved = []
    for action in actions:
        before = state
        state, _ = apply(state, action)
        key = (before.venue, before.round)
        if state.round != before.round and state.venue == before.venue and ended.get(key) != state.momentum:
            news_moved.append(key)
    monkeypatch.undo()
    assert news_moved, "a round's opening events moved the momentum (else the test could not tell)"
    found = summaries(Chronicle.replay(session.scenario, seed, actions))
    for venue, round_ in ended:
        assert found[(venue, round_)].momentum_to == ended[(venue, round_)], f"round {round_}'s end"
        assert found[(venue, round_ + 1)].momentum_from == ended[(venue, round_)], f"round {round_ + 1}'s start"
    # the news's lines are the next round's, and end on the figure it left
    chronicle = Chronicle.replay(session.scenario, seed, actions)
    for venue, round_ in news_moved:
        events = [ln for ln in chronicle.lines if (ln.venue, ln.round) == (venue, round_ + 1)]
        assert events[0].record.kind == "round"
        assert events[0].momentum != ended[(venue, round_)]
