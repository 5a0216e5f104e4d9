"""One Seat value and one AI-turn driver, shared by simulate, watch and the interface."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.ai.agent import AgentError, guarded
from game.ai.driver import decide, take
from game.ai.reading import Decision
from game.ai.seats import SEAT_KINDS, chooser
from game.ai.selfplay import play
from game.engine import Concede, GameError, Pass, View, apply, new_game
from game.engine.rng import Rng
from game.engine.seat import HUMAN, Seat
from game.saves import default_seats, load, save
from game.saves.session import AI_SEATS, Session
from game.scenario import bundled, load_scenario
from game.sim.random_scenarios import random_scenario
from game.sim.seating import game_choosers, session_kinds


@given(st.sampled_from(SEAT_KINDS) | st.just("tests/x.py:Agent") | st.just("pkg.mod:Agent"))
def test_a_seat_reads_back_from_its_text(kind: str) -> None:
    seat = Seat.of(kind)
    assert Seat.parse(str(seat)) == seat
    assert seat.player == kind
    assert seat.kind == ("agent" if ":" in kind else "ai")


def test_the_human_seat_and_bad_seat_texts() -> None:
    assert Seat.parse(HUMAN).is_human and str(Seat.human()) == "human"
    for bad in ("", "ai", "ai:", "robot:x", "Human", "agent:"):
        with pytest.raises(ValueError, match="is not a seat"):
            Seat.parse(bad)


def test_every_seat_kind_is_one_a_save_accepts() -> None:
    assert {str(Seat.ai(k)) for k in SEAT_KINDS} == set(AI_SEATS)


def _bad_agent(view: View, rng: Rng) -> Decision:
    # conceding on an issue that does not exist: the rules refuse it
    return Decision(Concede(view.own.id, "no-such-issue", "x"), "a mistake")


def test_a_refused_move_passes_and_is_counted_unless_the_seat_is_an_outside_agent() -> None:
    sc = random_scenario(1)
    state, _ = new_game(sc, 1)
    move = decide(state, _bad_agent)
    assert move.action == Pass(sc.delegations[state.actor].id)
    assert move.refused == "there is no issue 'no-such-issue' in this scenario"
    assert move.decision.reason == "a mistake"
    with pytest.raises(AgentError, match=r"made a move the rules refuse \(concede\)"):
        decide(state, guarded(_bad_agent, "d0", 1))  # an outside agent's refused move is its error
    game = play(sc, 1, {d: _bad_agent for d in range(len(sc.delegations))})
    assert game.refused == len(game.actions) > 0
    assert all(a.kind == "pass" for a in game.actions)


@given(st.integers(0, 200), st.sampled_from(("easy", "normal", "hard", "random", "give-away")))
def test_take_checks_once_and_gives_what_decide_then_apply_give(seed: int, kind: str) -> None:
    """take() applies first and asks why only if the engine refuses: the same move, reason,
    state and records as deciding (checking) first, refused moves included."""
    sc = random_scenario(seed)
    state, _ = new_game(sc, seed)
    for agent in (chooser(kind), _bad_agent):
        for _ in range(6):
            if state.over:
                break
            expected = decide(state, agent)
            try:
                then = apply(state, expected.action)
            except GameError as refused:
                # a pass is refused too while a mediator's draft waits for an answer: both raise
                with pytest.raises(type(refused), match=re.escape(str(refused))):
                    take(state, agent)
                break
            move, after, records = take(state, agent)
            assert move == expected
            assert (after, records) == then
            state = after


def test_simulate_watch_and_the_table_play_the_same_moves() -> None:
    """The driver over a Session (watch, the table) and over states (simulate) agree, and the
    session's seats as a save writes them give the same players."""
    sc = load_scenario(bundled()["astana-8"])
    seats = {d: "hard" if d % 2 else "easy" for d in range(len(sc.delegations))}
    game = play(sc, 3, {d: chooser(k, scenario=sc) for d, k in seats.items()})  # as simulate seats them
    session = Session.new(sc, b"", 3, {sc.delegations[d].id: str(Seat.of(k)) for d, k in seats.items()})
    players = game_choosers(sc, session_kinds(sc, session.seats), 3)
    while not session.state.over:
        actor = session.state.actor
        session.play(decide(session.state, players[actor]).action)
    assert [e.action for e in session.log] == game.actions
    assert session.state == game.state


def test_outside_agent_seats_are_saved_as_agents(tmp_path: Path) -> None:
    sc = load_scenario(bundled()["astana-8"])
    seats = default_seats(sc, ("government",), "hard")
    assert seats["government"] == "human" and seats["opposition"] == "ai:hard"
    seats["opposition"] = str(Seat.agent("my_agents.py:Bold"))
    session = Session.new(sc, bundled()["astana-8"].read_bytes(), 5, seats)
    session.play(Pass(sc.delegations[session.state.actor].id))
    loaded = load(save(session, tmp_path, "with-agent"))
    assert loaded.seats["opposition"] == "agent:my_agents.py:Bold"
    assert loaded.state == session.state
