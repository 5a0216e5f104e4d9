"""The board's legend for a proposal tabled again unchanged: it said "* new since its proposal
#N" over a package with no * on any line, and a newcomer looked for what had moved."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.engine import apply, new_game, view_for
from game.play.board import entries
from game.play.history import Chronicle
from game.ui.screens.board import BoardScreen
from tests.saves.helpers import scenario_file

SAME = "nothing changed on its issues since its proposal #"


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["mini", "astana-8"]), st.integers(0, 10_000), st.integers(0, 4))
def test_the_legend_says_what_moved_since_the_authors_last_proposal(name: str, seed: int, seat: int) -> None:
    scenario, _ = scenario_file(name)
    me = seat % len(scenario.delegations)
    state, opening = new_game(scenario, seed)
    chronicle = Chronicle()
    chronicle.open(state, opening)
    board = BoardScreen(scenario, me, (), True, "")
    while not state.over:
        for e in entries(state, me, chronicle):
            text = board.detail(e, 100).plain
            if e.previous < 0:
                assert "off its author's stated position" in text
            elif e.changed:
                assert f"* new since its proposal #{e.previous} " in text and SAME not in text
            else:
                assert f"{SAME}{e.previous}" in text and "* new since" not in text
        action = chooser("normal")(view_for(state, state.actor), agent_rng(state)).action
        after, records = apply(state, action)
        chronicle.add(state, action, after, records)
        state = after
