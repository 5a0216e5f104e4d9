"""A meter is written only when its value moves (game.engine.work: add_trust, add_support,
add_stability, close_proposals; flow.end_round with nothing expired): a move that leaves it
where it was keeps the state's own row, so the next state shares it (the state hash and freezing
meet no copy); a move that changes it writes it, clamped, as before."""

from __future__ import annotations

import dataclasses

from game.engine import Pass, Propose, State
from game.engine.work import Work
from tests.engine.conftest import BLUE, RED, pass_until, play


def _with_trust(state: State, value: int) -> State:
    trust = [list(row) for row in state.trust]
    trust[RED][BLUE] = value
    return dataclasses.replace(state, trust=tuple(map(tuple, trust)))


def test_trust_at_its_bound_is_shared_and_trust_that_moves_is_written(game: State) -> None:
    for value, delta in ((100, 5), (0, -5), (40, 0)):
        state = _with_trust(game, value)
        w = Work(state)
        w.add_trust(RED, BLUE, delta)
        after = w.freeze()
        assert after.trust is state.trust and after == dataclasses.replace(state)
    for value, delta, want in ((98, 5, 100), (3, -5, 0), (40, 7, 47)):
        state = _with_trust(game, value)
        w = Work(state)
        w.add_trust(RED, BLUE, delta)
        after = w.freeze()
        assert after.trust[RED][BLUE] == want
        assert after.trust[BLUE] is state.trust[BLUE]  # the other rows shared as ever


def test_support_and_stability_at_their_bounds_are_shared(game: State) -> None:
    support = dataclasses.replace(game, support=(100,) * len(game.support))
    w = Work(support)
    w.add_support(RED, 10)
    assert w.freeze().support is support.support
    w = Work(support)
    w.add_support(RED, -10)
    assert w.freeze().support[RED] == 90
    if game.stability:
        stable = dataclasses.replace(game, stability=(0,) * len(game.stability))
        w = Work(stable)
        w.add_stability(0, -10)
        assert w.freeze().stability is stable.stability
        w = Work(stable)
        w.add_stability(0, 10)
        assert w.freeze().stability[0] == 10


def test_closing_no_proposal_keeps_the_proposals(game: State) -> None:
    s = play(pass_until(game, "red"), Propose("red", (("prisoners", "some"),), ("blue",)), Pass("red"))
    assert len(s.proposals) == 1
    w = Work(s)
    w.close_proposals(lambda p: True)
    assert w.freeze().proposals is s.proposals
    w = Work(s)
    w.close_proposals(lambda p: False)
    assert w.freeze().proposals == ()


def test_a_round_that_ends_with_nothing_expired_keeps_the_proposals(game: State) -> None:
    s = play(pass_until(game, "red"), Propose("red", (("prisoners", "some"),), ("blue",)), Pass("red"))
    later = play(s, Pass("blue"), Pass("big"))
    assert later.round == s.round + 1
    assert later.proposals is s.proposals  # still open in the next round, and the same tuple
