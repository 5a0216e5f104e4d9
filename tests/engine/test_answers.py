"""The public record of answers (State.answers, View.answers): who accepted or refused which whole
package, as the room saw it. Filled from the actions alone, holding only what the table's
records told everyone, the same in every delegation's view, and bounded."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Respond, Scenario, State, apply, view_for
from game.engine.state import ANSWERS_KEPT, Answer, Proposal
from tests.engine.conftest import start


def _expected(history: list[tuple[int, Proposal, int, int, bool]]) -> tuple[Answer, ...]:
    """Each delegation's last ANSWERS_KEPT answers, oldest first, from (who, proposal as it stood
    when answered, venue, round, yes) in the order given."""
    kept: list[Answer] = []
    for who, p, venue, round_, yes in history:
        kept.append(Answer(who, p.id, p.author, p.package, venue, round_, yes))
        mine = [k for k, a in enumerate(kept) if a.who == who]
        if len(mine) > ANSWERS_KEPT:
            del kept[mine[0]]
    return tuple(kept)


def test_an_answer_holds_only_what_the_room_saw() -> None:
    """Its fields are who answered, the proposal's id, author and package (all printed when it was
    tabled), where and when, and yes or no: nothing of anyone's preferences or utilities."""
    assert [f.name for f in dataclasses.fields(Answer)] == [
        "who",
        "proposal",
        "author",
        "package",
        "venue",
        "round",
        "accepted",
    ]


def _check_game(sc: Scenario, seed: int) -> list[tuple[int, Proposal, int, int, bool]]:
    """Plays the game at the normal level, checking the record after every action; returns every
    answer given."""
    from game.ai import play as ai_play

    state: State = start(sc, seed)
    history: list[tuple[int, Proposal, int, int, bool]] = []
    told: list[str] = []  # every record's text, as the table prints it to everyone
    for action in ai_play(sc, seed).actions:
        before = state
        state, records = apply(state, action)
        told.extend(r.text for r in records)
        if isinstance(action, Respond):
            who = next(d for d, dl in enumerate(sc.delegations) if dl.id == action.actor)
            p = next(q for q in before.proposals if q.id == action.proposal)
            history.append((who, p, before.venue, before.round, action.accept))
        assert state.answers == _expected(history)
        # every viewer sees the same record (it is public), and it is the state's
        assert all(view_for(state, d).answers == state.answers for d in range(len(sc.delegations)))
    assert all(sum(a.who == d for a in state.answers) <= ANSWERS_KEPT for d in range(len(sc.delegations)))
    # each answer was told to the whole room: the proposal tabled with its package, then the answer
    text = "\n".join(told)
    for a in state.answers:
        name = sc.delegations[a.who].name
        verb = "accept" if a.accepted else "reject"
        assert re.search(rf"{re.escape(name)} {verb}s? proposal #{a.proposal}\.", text), a
        tabled = [t for t in told if f"#{a.proposal} to " in t]
        assert tabled and tabled[0].startswith(sc.delegations[a.author].name)
        for i, o in a.package:
            assert f"{sc.issues[i].name}: {sc.issues[i].options[o].label}" in tabled[0]
    return history


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 10_000))
def test_the_record_is_filled_from_the_answers_and_is_public_on_random_scenarios(seed: int) -> None:
    from game.sim.random_scenarios import random_scenario

    _check_game(random_scenario(seed), seed)


def test_the_record_keeps_each_delegations_last_answers_in_a_long_campaign() -> None:
    """In the two-venue campaign most delegations answer more than ANSWERS_KEPT times: the record
    keeps the last of each, across venues."""
    from game.scenario import bundled
    from game.scenario.load import load_scenario

    sc = load_scenario(bundled()["astana-to-sochi"])
    history = _check_game(sc, 0)
    counts = Counter(who for who, *_ in history)
    assert max(counts.values()) > ANSWERS_KEPT
    assert {venue for *_, venue, _, _ in history} == {0, 1}


def test_the_record_is_the_same_when_games_are_applied_in_turn() -> None:
    """Two campaigns applied move by move in turn, and every answer applied twice to the state
    before it, give each game the record of answers it has alone: no game's record leaks into
    another's (a shortcut that reused the last record's list of who answered was tried twice in
    game.engine.work.record_answer and taken out; this holds any later one to each game's own)."""
    from game.ai import play as ai_play
    from game.scenario import bundled
    from game.scenario.load import load_scenario

    sc = load_scenario(bundled()["astana-to-sochi"])
    games = [ai_play(sc, seed).actions for seed in (0, 1)]
    alone = []
    for seed, actions in zip((0, 1), games, strict=True):
        state: State = start(sc, seed)
        records = []
        for action in actions:
            state, _ = apply(state, action)
            records.append(state.answers)
        alone.append(records)
    states = [start(sc, 0), start(sc, 1)]
    answered = 0
    for step in range(max(map(len, games))):
        for g in (0, 1):
            if step < len(games[g]):
                before = states[g]
                states[g], _ = apply(before, games[g][step])
                assert states[g].answers == alone[g][step]
                if isinstance(games[g][step], Respond):
                    answered += 1
                    again, _ = apply(before, games[g][step])
                    assert again.answers == states[g].answers
    assert answered > 2 * ANSWERS_KEPT
