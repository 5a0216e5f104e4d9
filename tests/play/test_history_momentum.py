"""The history's round headers give each venue's own momentum: a move that closed Astana and opened
Sochi left Sochi's opening figure on Astana's last round ("momentum 99 → 48" of a round that ended
in an agreement; a newcomer's), and Sochi's first round started from Astana's end."""

from __future__ import annotations

import pytest

from game.engine import apply, new_game
from game.play.history import Chronicle, summaries
from tests.saves.helpers import finished


@pytest.mark.parametrize("seed", [3, 8])
def test_each_round_header_gives_its_own_venues_momentum(seed: int) -> None:
    session = finished("astana-to-sochi", seed)
    actions = [e.action for e in session.log]
    # the momentum Astana had as the move that closed it began, and Sochi's as it opened
    state, _ = new_game(session.scenario, seed)
    closing = opening = None
    for action in actions:
        before = state
        state, _ = apply(state, action)
        if state.venue != before.venue:
            closing, opening, last = before.momentum, state.momentum, (before.venue, before.round)
            break
    assert closing is not None and opening is not None, "the campaign reached Sochi"
    assert closing != opening  # (else the test could not tell them apart)
    found = summaries(Chronicle.replay(session.scenario, seed, actions))
    assert found[last].momentum_to == closing
    first_at_sochi = min(r for v, r in found if v == 1)
    assert found[(1, first_at_sochi)].momentum_from == opening
