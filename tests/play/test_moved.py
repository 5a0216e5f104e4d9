"""What moved the others' trust in a player, and the player's support, since their last move
(game.play.moved): the moves played again by the engine, each change put down to what did it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.driver import take
from game.engine import apply, new_game, state_hash
from game.play.moved import Cause, Then, last_moves, support_moved, trust_moved
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers

ASTANA = load_scenario(bundled()["astana-8"])


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 10_000), seat=st.integers(0, 8), start=st.integers(0, 40), length=st.integers(1, 60))
def test_the_figures_are_the_engines_and_every_change_has_a_cause(
    seed: int, seat: int, start: int, length: int
) -> None:
    """From any point of an AI game, over any stretch of moves: each value listed moved from what it
    was to what it is, none that moved is left out, and each names at least one cause."""
    state, _ = new_game(ASTANA, seed)
    choosers = game_choosers(ASTANA, dict.fromkeys(range(len(ASTANA.delegations)), "normal"), seed)
    log = []
    then = Then(state, 0)
    while not state.over and len(log) < start + length:
        move, state, _ = take(state, choosers[state.actor])
        log.append(move.action)
        if len(log) == start:
            then = Then(state, start)
    trust = {m.key: m for m in trust_moved(then, log, seat)}
    for d in range(len(ASTANA.delegations)):
        was, now = then.state.trust[d][seat], state.trust[d][seat]
        if d == seat or was == now:
            assert d not in trust
        else:
            assert (trust[d].before, trust[d].after) == (was, now) and trust[d].causes
    support = support_moved(then, log, seat)
    assert (support is None) == (then.state.support[seat] == state.support[seat])
    if support is not None:
        assert (support.before, support.after) == (then.state.support[seat], state.support[seat]) and support.causes


def test_a_meeting_asked_of_the_player_is_its_cause() -> None:
    state, _ = new_game(ASTANA, 3)
    actor = state.actor
    other = 1 if actor != 1 else 0
    from game.engine import Meet

    meeting = Meet(actor=ASTANA.delegations[actor].id, other=ASTANA.delegations[other].id)
    after = apply(state, meeting)[0]
    (moved,) = trust_moved(Then(state, 0), [meeting], other)
    assert moved.key == actor and moved.after == after.trust[actor][other]
    assert moved.causes == (Cause("met", actor=actor),)


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 10_000), seats=st.sets(st.integers(0, 8), min_size=1, max_size=3), length=st.integers(0, 80))
def test_the_tables_at_the_last_moves_are_those_the_game_passed_through(
    seed: int, seats: set[int], length: int
) -> None:
    """A game loaded part-way plays its log again to the table each player left at their last
    move: the very state the game was in then (by its hash), and the log's length at that point;
    the first table for a seat that has not moved."""
    start, _ = new_game(ASTANA, seed)
    choosers = game_choosers(ASTANA, dict.fromkeys(range(len(ASTANA.delegations)), "normal"), seed)
    state, log = start, []
    seen = {seat: (state_hash(start), 0) for seat in seats}
    while not state.over and len(log) < length:
        actor = state.actor
        move, state, _ = take(state, choosers[actor])
        log.append(move.action)
        if actor in seats:
            seen[actor] = (state_hash(state), len(log))
    tables = last_moves(start, log, sorted(seats))
    assert {seat: (state_hash(t.state), t.moves) for seat, t in tables.items()} == seen
