"""The mediator's single text (game.ai.politics.single_text) scores an issue again only where the
text has moved since it was last scored: it must give the very text of the plain coordinate
ascent that scores every issue in every sweep, on any table, level and set of signers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.levels import LEVELS
from game.ai.opponent import Beliefs
from game.ai.politics import best_option, single_text, text_score, text_start
from game.ai.reading import acceptable, counterparts
from game.ai.selfplay import play
from game.engine import apply, new_game, view_for
from game.engine.model import Scenario
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.random_scenarios import random_scenario
from tests.ai.seat_games import on_a_coarse_grid

_BUNDLED = {name: load_scenario(path) for name, path in bundled().items()}


def plain_ascent(
    view: View, beliefs: Beliefs, open_issues: list[int], signers: list[int] | None = None
) -> tuple[tuple[int, int], ...]:
    """The coordinate ascent as it was written before: every issue scored in every sweep (from the
    same start, by the same measure and the same step: politics.text_start, text_score and
    best_option)."""
    signers = counterparts(view) if signers is None else signers
    deal = text_start(view, open_issues, signers)
    score = text_score(view, beliefs, signers)
    known: float | None = None
    for _ in range(3):
        changed = False
        for i in open_issues:
            best, best_score = best_option(deal, i, acceptable(view, i), score, known)
            changed |= deal[i] != best
            deal[i] = best
            known = best_score
        if not changed:
            break
    return tuple((i, deal[i]) for i in open_issues)


def _check_game(sc: Scenario, seed: int, data: st.DataObject, every: int) -> None:
    state, _ = new_game(sc, seed)
    for step, action in enumerate(play(sc, seed).actions):
        if step % every == 0 and not state.over:
            view = view_for(state, state.actor)
            level = LEVELS[data.draw(st.sampled_from(sorted(LEVELS)))]
            open_issues = [i for i in view.agenda if view.settled[i] < 0]
            # as the envoy asks it, and as a boycotter asks it with itself among the signers
            signers = data.draw(st.sampled_from([None, [*counterparts(view), view.me]]))
            beliefs = Beliefs(view, level.learns)
            assert single_text(view, beliefs, open_issues, signers) == plain_ascent(
                view, Beliefs(view, level.learns), open_issues, signers
            )
        state, _ = apply(state, action)


@pytest.mark.parametrize("name", sorted(bundled()))
@settings(max_examples=4, deadline=None)
@given(seed=st.integers(0, 2**32), data=st.data())
def test_the_single_text_is_the_plain_ascents_on_the_bundled_tables(name: str, seed: int, data: st.DataObject) -> None:
    """The bundled tables are the larger ones, where a later sweep often moves the text."""
    _check_game(_BUNDLED[name], seed, data, 1)


@settings(max_examples=40, deadline=None)
@given(index=st.integers(0, 10_000), seed=st.integers(0, 2**32), data=st.data())
def test_the_single_text_is_the_plain_ascents_on_random_tables(index: int, seed: int, data: st.DataObject) -> None:
    sc = random_scenario(index)
    if data.draw(st.booleans()):
        # packages of equal score, where which option the ascent keeps is decided by the order
        # of the scan and the 1e-12 a move needs
        sc = on_a_coarse_grid(sc)
    _check_game(sc, seed, data, 2)
