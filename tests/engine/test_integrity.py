"""Refused actions change nothing; a finished game takes no more actions; state hashes."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import (
    Action,
    Boycott,
    Concede,
    Draft,
    GameError,
    IllegalAction,
    InvalidAction,
    Meet,
    Pass,
    Pressure,
    Propose,
    Respond,
    Scenario,
    State,
    Statement,
    WalkOut,
    apply,
    new_game,
    state_hash,
)
from game.engine.hashing import UNHASHED, StateHasher, canonical, canonical_text
from game.engine.state import Agreement, Proposal
from tests.engine.conftest import RUMOUR, pass_rounds, pass_until, play, start

REFUSED_AT_OPENING: list[Action] = [
    Pass("red"),  # not its turn
    Pass("nobody"),  # no such delegation
    Propose("envoy", (("prisoners", "some"),), ("red",)),  # a mediator cannot propose
    Concede("envoy", "truce", "pause"),  # nor concede
    Statement("envoy", "shouty"),
    Statement("envoy", "hardline", "envoy"),
    Meet("envoy", "envoy"),
    Meet("envoy", "green"),
    Respond("envoy", 1, True),
    Boycott("envoy"),  # attendance is required
    Pressure("envoy", "red", "truce"),  # not red's patron
    Draft("envoy", ()),
    Draft("envoy", (("prisoners", "plenty"),)),
]


@pytest.mark.parametrize("action", REFUSED_AT_OPENING, ids=lambda a: type(a).__name__)
def test_a_refused_action_leaves_the_state_unchanged(game: State, action: Action) -> None:
    before_hash, before = state_hash(game), canonical(game)
    with pytest.raises(GameError):
        apply(game, action)
    assert state_hash(game) == before_hash
    assert canonical(game) == before
    # and the game goes on from the very same state
    assert play(game, Pass("envoy")).step == 1


def test_a_refused_action_mid_game_leaves_the_state_unchanged(game: State) -> None:
    s = pass_until(game, "red")
    s = play(s, Propose("red", (("prisoners", "some"),), ("blue",)), Meet("red", "blue"))
    s = pass_until(s, "blue")
    before = state_hash(s)
    for action in (
        Respond("blue", 7, True),
        Propose("blue", (("truce", "pause"),), ("blue",)),
        Concede("blue", "truce", "fighting"),
        Pressure("blue", "red", "truce"),
        WalkOut("red"),
    ):
        with pytest.raises(GameError):
            apply(s, action)
        assert state_hash(s) == before


def test_the_checks_run_in_order(game: State) -> None:
    # an unknown actor is malformed
    with pytest.raises(InvalidAction, match="no delegation 'ghost'"):
        apply(game, Pass("ghost"))
    # the turn is checked before the action's own rules
    with pytest.raises(IllegalAction, match="the Envoy's turn"):
        apply(game, Propose("red", (("nowhere", "x"),), ("blue",)))


def test_nothing_can_be_applied_after_the_game_is_over(game: State) -> None:
    s = play(pass_until(game, "red"), WalkOut("red"))
    assert s.over
    for action in (Pass("envoy"), Pass("blue"), Pass("ghost"), Statement("blue", "hardline"), WalkOut("blue")):
        with pytest.raises(IllegalAction, match="game is over"):
            apply(s, action)


def test_nothing_can_be_applied_after_the_deadline(quiet_game: State) -> None:
    s = pass_rounds(quiet_game, 10)
    assert s.over and s.outcome == "no_deal"
    with pytest.raises(IllegalAction, match="game is over"):
        apply(s, Pass("envoy"))


def test_the_step_counter_counts_accepted_actions(game: State) -> None:
    s = play(game, Statement("envoy", "conciliatory"), Pass("envoy"))
    assert s.step == 2
    with pytest.raises(GameError):
        apply(s, Pass("blue"))
    s = play(s, Pass("red"))
    assert s.step == 3


# --- hashing -------------------------------------------------------------------------------------------

SCRIPT: list[Action] = [
    Draft("envoy", (("truce", "pause"),)),
    Pass("envoy"),
    Respond("red", 1, False),
    Propose("red", (("prisoners", "some"),), ("blue", "big")),
    Pass("red"),
    Meet("blue", "red"),
    Respond("blue", 2, False),
    Pass("blue"),
    Statement("big", "hardline", "blue"),
    Pass("big"),
    Pass("envoy"),
    Concede("red", "truce", "pause"),
    Pass("red"),
]


def _hashes(sc: Scenario, seed: int) -> list[str]:
    s = start(sc, seed)
    out = [state_hash(s)]
    for action in SCRIPT:
        s = play(s, action)
        out.append(state_hash(s))
    return out


def test_the_same_seed_and_actions_give_the_same_hashes(mini: Scenario) -> None:
    first = _hashes(mini, 11)
    again = _hashes(mini, 11)
    assert first == again
    assert len(set(first)) == len(first)  # every accepted action changed the state


def test_the_hash_is_sha256_hex_of_canonical_json(game: State) -> None:
    h = state_hash(game)
    assert len(h) == 64 and int(h, 16) >= 0
    data = canonical(game)
    assert data[0] == game.scenario.content_hash
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=True)
    assert h == hashlib.sha256(text.encode("ascii")).hexdigest()


def test_the_fast_canonical_text_is_the_canonical_json_of_every_state(mini: Scenario) -> None:
    from game.ai import play

    game = play(mini, 4)
    state = start(mini, 4)
    for action in game.actions:  # proposals, answers, agreements: every kind of content
        state, _ = apply(state, action)
        text = json.dumps(canonical(state), separators=(",", ":"), ensure_ascii=True)
        assert canonical_text(state) == text


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10_000))
def test_the_canonical_text_is_the_canonical_json_on_random_scenarios(seed: int) -> None:
    """canonical_text writes the array piece by piece and remembers pieces by object: still the
    encoder's text of the whole, at every state, with text outside ASCII too."""
    from game.ai import play as ai_play
    from game.sim.random_scenarios import random_scenario

    sc = random_scenario(seed)
    state = start(sc, seed)
    for action in ai_play(sc, seed).actions:
        state, _ = apply(state, action)
        for variant in (
            state,
            dataclasses.replace(state, reason='Dar\u2019a \u2013 \u0627\u0644\u0633\u0644\u0627\u0645 "\\'),
        ):
            text = json.dumps(canonical(variant), separators=(",", ":"), ensure_ascii=True)
            assert canonical_text(variant) == text


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_the_hash_of_games_hashed_in_turns_is_the_canonical_json(seed: int, other: int) -> None:
    """The hash writes again only what is not the very object of the last state it hashed: states
    of two games of different scenarios (other tables, other sizes) hashed in turn, and a state
    hashed again after a later one, still give the whole array's text, and the same hash."""
    from game.ai import play as ai_play
    from game.sim.random_scenarios import random_scenario

    games = []
    for s in (seed, other):
        sc = random_scenario(s)
        state = start(sc, s)
        states = [state]  # the opening too: some random scenarios' games end as they open
        for action in ai_play(sc, s).actions:
            state, _ = apply(state, action)
            states.append(state)
        games.append(states)
    first, second = games
    own = StateHasher()  # a save's replay hashes with its own pieces: the same values
    for k in range(max(len(first), len(second))):
        for states in (first, second, first[::-1]):
            state = states[min(k, len(states) - 1)]
            text = json.dumps(canonical(state), separators=(",", ":"), ensure_ascii=True)
            assert canonical_text(state) == text
            assert state_hash(state) == hashlib.sha256(text.encode("ascii")).hexdigest() == own(state)


_FIELD_NAMES = [f.name for f in dataclasses.fields(State) if f.name not in UNHASHED]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_FIELD_NAMES), st.sampled_from(["empty", "changed", "number", "back"])), max_size=25
    )
)
def test_the_hash_of_odd_states_in_turn_is_the_canonical_json(mini: Scenario, changes: list[tuple[str, str]]) -> None:
    """The pieces the hash keeps are laid out by the last state's fields (a piece per table row):
    a field emptied, changed, turned into something that is no tuple, or put back, in any order,
    still gives the whole array's text and its hash."""
    base = _busy_state(start(mini, 3))
    state = base
    own = StateHasher()
    own(base)
    for name, how in changes:
        value = getattr(base, name)
        odd = {"empty": (), "changed": _perturb(value), "number": 0, "back": value}[how]
        if how == "number" and name in ("proposals", "agreements"):
            continue  # the canonical form lists their fields: it takes only a sequence of them
        state = dataclasses.replace(state, **{name: odd})
        text = json.dumps(canonical(state), separators=(",", ":"), ensure_ascii=True)
        assert canonical_text(state) == text
        assert state_hash(state) == hashlib.sha256(text.encode("ascii")).hexdigest() == own(state)
    text = json.dumps(canonical(base), separators=(",", ":"), ensure_ascii=True)
    assert canonical_text(base) == text  # and back to the state the odd ones came from
    assert own(base) == hashlib.sha256(text.encode("ascii")).hexdigest()


def test_a_state_that_cannot_be_hashed_leaves_no_piece_behind(game: State) -> None:
    """The pieces are written in place: a field JSON cannot write, met after another field was
    written again, must not leave that field's text to the next state that shares its value."""
    before = canonical_text(game)
    odd = dataclasses.replace(game, step=game.step + 7, reason=object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        state_hash(odd)
    assert canonical_text(game) == before == json.dumps(canonical(game), separators=(",", ":"), ensure_ascii=True)
    own = StateHasher()  # a replay's own pieces, likewise
    own(game)
    with pytest.raises(TypeError):
        own(odd)
    assert own(game) == state_hash(game)


def test_new_game_is_deterministic(mini: Scenario) -> None:
    a, ra = new_game(mini, 3)
    b, rb = new_game(mini, 3)
    assert a == b and ra == rb
    assert state_hash(a) == state_hash(b)


def _perturb(value: object) -> object:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, tuple):
        if not value:
            return (0,)
        return (_perturb(value[0]), *value[1:])
    if isinstance(value, Proposal | Agreement):
        return dataclasses.replace(value, round=value.round + 1)
    raise TypeError(type(value))


def _busy_state(game: State) -> State:
    """A state in which every sequence is non-empty."""
    s = play(game, Meet("envoy", "red"), Pass("envoy"))
    s = play(s, Propose("red", (("prisoners", "some"),), ("blue",)), Pass("red"))
    s = play(s, Respond("blue", 1, True))
    s = pass_until(s, "red", round_=2)
    s = play(s, Propose("red", (("truce", "pause"),), ("blue",)))
    return dataclasses.replace(s, venue_outcomes=("partial",), outcome="", reason="r")


@pytest.mark.parametrize("name", _FIELD_NAMES)
def test_the_hash_changes_when_any_field_changes(game: State, name: str) -> None:
    s = _busy_state(game)
    assert getattr(s, name) not in ((), None)
    changed = dataclasses.replace(s, **{name: _perturb(getattr(s, name))})
    assert state_hash(changed) != state_hash(s)


def test_the_hash_leaves_out_only_the_record_of_answers_which_the_actions_fix(game: State) -> None:
    """`answers` is left out (saves of format 2 hold hashes written before it); it is a function
    of the actions, so the same actions give the same record (tests/engine/test_answers.py)."""
    assert UNHASHED == ("scenario", "answers")
    s = _busy_state(game)
    assert s.answers
    assert state_hash(dataclasses.replace(s, answers=())) == state_hash(s)


def test_the_hash_depends_on_the_scenario_content_hash(game: State) -> None:
    other = dataclasses.replace(game.scenario, content_hash="something else")
    assert state_hash(dataclasses.replace(game, scenario=other)) != state_hash(game)


def test_the_hash_distinguishes_true_from_one(game: State) -> None:
    assert state_hash(dataclasses.replace(game, moved=True)) != state_hash(dataclasses.replace(game, moved=1))  # type: ignore[arg-type]


def test_different_seeds_give_different_states_and_can_give_different_events(mini: Scenario) -> None:
    assert state_hash(start(mini, 0)) != state_hash(start(mini, 2))
    fired = {seed: pass_rounds(start(mini, seed), 1).fired[RUMOUR] for seed in range(8)}
    assert set(fired.values()) == {0, 1}
    assert fired[0] == 0 and fired[2] == 1  # rolls 0.88 and 0.25 against a chance of 0.5


def _odd_proposals(p: Proposal) -> list[Proposal]:
    """p with each field the proposals' writer reads put to something the engine never makes."""
    return [
        dataclasses.replace(p, id=True),  # type: ignore[arg-type]
        dataclasses.replace(p, author=1.0),  # type: ignore[arg-type]
        dataclasses.replace(p, round=False),  # type: ignore[arg-type]
        dataclasses.replace(p, draft=0),  # type: ignore[arg-type]
        dataclasses.replace(p, package=[list(pair) for pair in p.package]),  # type: ignore[arg-type]
        dataclasses.replace(p, package=tuple((i, o == 0) for i, o in p.package)),
        dataclasses.replace(p, to=list(p.to), responses=(True,) * len(p.to)),  # type: ignore[arg-type]
        dataclasses.replace(p, responses=(2,)),
    ]


def test_a_proposals_text_is_the_encoders_with_its_package_kept_or_not(game: State) -> None:
    """The hash keeps a package's text by the package's identity (hashing._proposal_kept): the
    same tuple in proposals of other numbers, answers and rounds, and proposals of odd fields (a
    bool for a number, a list for a tuple, true for an option) hashed in turn, each gives the
    whole array's text."""
    s = _busy_state(game)
    p = s.proposals[0]
    shared = [dataclasses.replace(p, id=p.id + k, round=p.round + k, responses=(k % 3 - 1,)) for k in range(4)]
    assert all(q.package is p.package for q in shared)
    own = StateHasher()
    for proposals in ((p,), tuple(shared), *((q, p) for q in _odd_proposals(p)), tuple(shared[::-1]), (p,)):
        state = dataclasses.replace(s, proposals=proposals, step=s.step + len(proposals))
        text = json.dumps(canonical(state), separators=(",", ":"), ensure_ascii=True)
        assert canonical_text(state) == text
        assert own(state) == state_hash(state) == hashlib.sha256(text.encode("ascii")).hexdigest()


@pytest.mark.parametrize("content_hash", ["", "ab", "x" * 63, "y" * 64, "\u00e9" * 70])
def test_a_replays_hash_goes_on_from_its_openings_block_or_hashes_it_whole(game: State, content_hash: str) -> None:
    """StateHasher keeps sha256's state after the text's first 64 bytes (its opening, the
    scenario's hash, holds them when it is a sha256 in hex): an opening shorter than a block, or
    of escaped characters, gives the same hash as the whole text's, state after state."""
    scenario = dataclasses.replace(game.scenario, content_hash=content_hash)
    own = StateHasher()
    state = dataclasses.replace(game, scenario=scenario)
    for step in range(3):
        state = dataclasses.replace(state, step=state.step + step)
        text = json.dumps(canonical(state), separators=(",", ":"), ensure_ascii=True)
        assert own(state) == state_hash(state) == hashlib.sha256(text.encode("ascii")).hexdigest()


def test_proposals_added_or_taken_out_hash_as_the_whole_array(game: State) -> None:
    """The hash tells an element added after the very ones before it, or one taken out of them,
    by identity (hashing._elements): a list that only looks so (an element before the one added or
    the one taken out replaced by another, equal or not) is written again, and every state of a
    run of such changes, hashed in turn, gives the whole array's text."""
    s = _busy_state(game)
    p = s.proposals[0]
    a, b, c, d = (dataclasses.replace(p, id=p.id + k, responses=(k % 3 - 1,)) for k in range(4))
    a2 = dataclasses.replace(a, responses=(1,))  # another a, with another answer
    same_a = dataclasses.replace(a)  # an equal a, another object
    runs = [
        (a, b),
        (a, b, c),  # added at the end
        (a, b, c, d),
        (a, c, d),  # taken out in the middle
        (a, c),  # taken out at the end
        (c,),  # taken out at the start
        (),
        (a,),  # added to nothing
        (a2, b),  # added, the one before it changed
        (a2, b, c),
        (same_a, b, c, d),  # added, the first (a2) replaced by another object, a copy of a
        (a, c, d),  # taken out, the one before it replaced by an equal object (a for same_a)
        (a2, d),  # taken out, the first changed
        (d, a2),  # the same length: changed in place
    ]
    own = StateHasher()
    for step, proposals in enumerate(runs):
        state = dataclasses.replace(s, proposals=proposals, step=s.step + step)
        text = json.dumps(canonical(state), separators=(",", ":"), ensure_ascii=True)
        assert canonical_text(state) == text, proposals
        assert own(state) == state_hash(state) == hashlib.sha256(text.encode("ascii")).hexdigest()
