"""The history's round headers give each venue's own momentum: a move that closed Astana and opened
Sochi left Sochi's opening figure on Astana's last round ("momentum 99 → 48" of a round that ended
in an agreement; a newcomer's), and Sochi's first round started from Astana's end."""

from __future__ import annotations

from typing import Any

import pytest

from game.engine import apply, flow, new_game
from game.play.history import Chronicle, summaries
from tests.saves.helpers import finished


@pytest.mark.parametrize("seed", [2, 3, 8, 10])
def test_each_round_header_gives_its_own_venues_momentum(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    session = finished("astana-to-sochi", seed)
    actions = [e.action for e in session.log]
    # the momentum Astana closed with, as the engine's end_venue sees it (the closing move's own
    # effect in it: an agreement's lift), and Sochi's as it opened
    closed: list[int] = []
    end_venue = flow.end_venue

    def watched(w: Any, *args: Any, **kwargs: Any) -> None:
        closed.append(w.momentum)
        end_venue(w, *args, **kwargs)

    monkeypatch.setattr(flow, "end_venue", watched)
    state, _ = new_game(session.scenario, seed)
    opening = last = None
    for action in actions:
        before = state
        state, _ = apply(state, action)
        if state.venue != before.venue:
            opening, last = state.momentum, (before.venue, before.round)
            break
    monkeypatch.undo()
    assert opening is not None and last is not None and closed, "the campaign reached Sochi"
    assert closed[0] != opening  # (else the test could not tell them apart)
    found = summaries(Chronicle.replay(session.scenario, seed, actions))
    assert found[last].momentum_to == closed[0]
    first_at_sochi = min(r for v, r in found if v == 1)
    assert found[(1, first_at_sochi)].momentum_from == opening
