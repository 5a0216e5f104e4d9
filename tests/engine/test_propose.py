"""propose: malformed input is invalid, rule breaches are illegal, a new proposal supersedes."""

from __future__ import annotations

import pytest

from game.engine import (
    IllegalAction,
    InvalidAction,
    Propose,
    Scenario,
    State,
    WalkOut,
    apply,
    state_hash,
)
from game.engine.state import PENDING
from tests.engine.conftest import (
    BIG,
    BLUE,
    PAUSE,
    PRISONERS,
    RED,
    SOME,
    TRUCE,
    kinds,
    pass_until,
    play,
    play_records,
    prisoners_settled,
    start,
    with_delegation,
    with_venue,
)


@pytest.fixture
def red_turn(game: State) -> State:
    return pass_until(game, "red")


def test_a_proposal_is_tabled(red_turn: State) -> None:
    s, records = play_records(red_turn, Propose("red", (("truce", "pause"), ("prisoners", "some")), ("blue", "big")))
    (p,) = s.proposals
    assert p.id == 1 and s.next_proposal == 2
    assert p.author == RED
    assert p.package == ((PRISONERS, SOME), (TRUCE, PAUSE))  # sorted by issue
    assert p.to == (BLUE, BIG)
    assert p.responses == (PENDING, PENDING)
    assert p.round == 1 and not p.draft
    assert kinds(records) == ["propose"]


@pytest.mark.parametrize(
    ("package", "to", "message"),
    [
        ((("elections", "now"),), ("blue",), "no issue 'elections'"),
        ((("prisoners", "most"),), ("blue",), "no option 'most'"),
        ((("prisoners", "some"),), ("green",), "no delegation 'green'"),
        ((("prisoners", "some"), ("prisoners", "none")), ("blue",), "twice"),
        ((), ("blue",), "at least one issue"),
        ((("prisoners", "some"),), (), "at least one addressee"),
        ((("prisoners", "some"),), ("blue", "blue"), "twice"),
    ],
    ids=["unknown-issue", "unknown-option", "unknown-delegation", "duplicate-issue", "empty", "no-one", "dup-to"],
)
def test_malformed_proposals_are_invalid(red_turn: State, package: tuple, to: tuple, message: str) -> None:
    with pytest.raises(InvalidAction, match=message):
        apply(red_turn, Propose("red", package, to))


def test_proposing_on_a_settled_issue_is_illegal(game: State) -> None:
    s = prisoners_settled(game)
    assert s.settled[PRISONERS] == SOME and not s.over
    s = pass_until(s, "red")
    with pytest.raises(IllegalAction, match="already settled"):
        apply(s, Propose("red", (("prisoners", "none"),), ("blue",)))


def test_proposing_an_issue_off_the_agenda_is_illegal(mini: Scenario) -> None:
    sc = with_venue(mini, agenda=(PRISONERS,))
    s = pass_until(start(sc), "red")
    with pytest.raises(IllegalAction, match="not on the agenda"):
        apply(s, Propose("red", (("truce", "pause"),), ("blue",)))
    play(s, Propose("red", (("prisoners", "some"),), ("blue",)))  # the agenda issue is fine


def test_proposing_across_ones_own_red_line_is_illegal(red_turn: State) -> None:
    with pytest.raises(IllegalAction, match="red line"):
        apply(red_turn, Propose("red", (("prisoners", "all"),), ("blue",)))
    with pytest.raises(IllegalAction, match="red line"):
        apply(red_turn, Propose("red", (("truce", "pause"), ("prisoners", "all")), ("blue",)))


def test_addressing_oneself_is_illegal(red_turn: State) -> None:
    with pytest.raises(IllegalAction):
        apply(red_turn, Propose("red", (("prisoners", "some"),), ("red",)))
    with pytest.raises(IllegalAction):
        apply(red_turn, Propose("red", (("prisoners", "some"),), ("blue", "red")))


def test_addressing_an_absent_delegation_is_illegal(game: State) -> None:
    s = play(pass_until(game, "big"), WalkOut("big"))
    s = pass_until(s, "red")
    with pytest.raises(IllegalAction, match="not at the table"):
        apply(s, Propose("red", (("prisoners", "some"),), ("blue", "big")))


def test_the_mediator_cannot_propose(game: State) -> None:
    with pytest.raises(IllegalAction, match="mediator"):
        apply(game, Propose("envoy", (("prisoners", "some"),), ("red", "blue")))


def test_an_observer_cannot_propose(mini: Scenario) -> None:
    sc = with_delegation(mini, "big", role="observer")
    s = pass_until(start(sc), "big")
    with pytest.raises(IllegalAction, match=r"^an observer cannot make proposals$"):
        apply(s, Propose("big", (("truce", "pause"),), ("red", "blue")))


def test_a_guarantor_can_propose(game: State) -> None:
    s = pass_until(game, "big")
    s = play(s, Propose("big", (("truce", "pause"),), ("red", "blue")))
    assert [p.author for p in s.proposals] == [BIG]


def test_a_new_proposal_supersedes_the_authors_earlier_one(red_turn: State) -> None:
    s = play(red_turn, Propose("red", (("prisoners", "some"),), ("blue",)))
    s, records = play_records(s, Propose("red", (("truce", "pause"),), ("blue", "big")))
    assert [(p.id, p.author) for p in s.proposals] == [(2, RED)]
    assert s.proposals[0].package == ((TRUCE, PAUSE),)
    assert "withdrawn" in kinds(records)


def test_a_new_proposal_leaves_other_authors_proposals_open(red_turn: State) -> None:
    s = play(red_turn, Propose("red", (("prisoners", "some"),), ("blue",)))
    s = pass_until(s, "big")
    s = play(s, Propose("big", (("truce", "pause"),), ("red", "blue")))
    assert sorted((p.id, p.author) for p in s.proposals) == [(1, RED), (2, BIG)]


def test_a_refused_proposal_changes_nothing(red_turn: State) -> None:
    before = state_hash(red_turn)
    with pytest.raises(IllegalAction):
        apply(red_turn, Propose("red", (("prisoners", "all"),), ("blue",)))
    assert state_hash(red_turn) == before
    assert red_turn.proposals == () and red_turn.next_proposal == 1
