"""draft: the mediator's single negotiating text, put to every party and guarantor present, which
every signatory present must answer before anything else."""

from __future__ import annotations

import pytest

from game.engine import (
    Concede,
    Draft,
    IllegalAction,
    Meet,
    Pass,
    Propose,
    Respond,
    Scenario,
    State,
    Statement,
    WalkOut,
    apply,
)
from game.engine.state import PENDING
from tests.engine.conftest import (
    BIG,
    BLUE,
    ENVOY,
    PRISONERS,
    RED,
    SOME,
    TRUCE,
    kinds,
    pass_until,
    play,
    play_records,
    start,
    with_delegation,
    with_venue,
)


@pytest.fixture
def drafted(game: State) -> State:
    """The envoy has tabled draft #1 (prisoners: some) and passed; red has the floor."""
    return play(game, Draft("envoy", (("prisoners", "some"),)), Pass("envoy"))


def test_a_draft_goes_to_every_other_delegation_present(game: State) -> None:
    s, records = play_records(game, Draft("envoy", (("prisoners", "some"), ("truce", "pause"))))
    (p,) = s.proposals
    assert p.draft
    assert p.author == ENVOY
    assert p.to == (RED, BLUE, BIG)
    assert p.responses == (PENDING, PENDING, PENDING)
    assert p.package == ((PRISONERS, SOME), (TRUCE, 1))
    assert kinds(records) == ["draft"]


def test_a_draft_skips_those_who_left(game: State) -> None:
    s = play(pass_until(game, "big"), WalkOut("big"))
    s = play(s, Draft("envoy", (("prisoners", "some"),)))
    assert s.proposals[0].to == (RED, BLUE)


def test_a_draft_goes_to_parties_and_guarantors_not_observers(mini: Scenario) -> None:
    """docs/RULES.md: 'a single text put to every party and guarantor present'. (SCENARIOS.md and the
    Draft docstring still say 'every delegation present': see the report.)"""
    sc = with_delegation(mini, "big", role="observer")
    s = play(start(sc), Draft("envoy", (("prisoners", "some"),)))
    assert s.proposals[0].to == (RED, BLUE)


@pytest.mark.parametrize("who", ["red", "blue", "big"])
def test_only_the_mediator_can_draft(game: State, who: str) -> None:
    s = pass_until(game, who)
    with pytest.raises(IllegalAction, match="draft"):
        apply(s, Draft(who, (("prisoners", "some"),)))


@pytest.mark.parametrize(
    "action",
    [
        Pass("red"),
        Statement("red", "conciliatory"),
        Propose("red", (("truce", "pause"),), ("blue",)),
        Concede("red", "truce", "pause"),
        Meet("red", "blue"),
    ],
    ids=["pass", "statement", "propose", "concede", "meet"],
)
def test_an_addressee_must_answer_the_draft_before_anything_else(drafted: State, action: object) -> None:
    with pytest.raises(IllegalAction, match="answer the mediator's draft #1"):
        apply(drafted, action)  # type: ignore[arg-type]


def test_a_delegation_that_signs_nothing_is_asked_but_need_not_answer_first(mini: Scenario) -> None:
    """big (a guarantor of mini that does not sign at the hall) is put the draft like the others,
    but its answer decides nothing, so nothing waits for it: here it speaks right after the envoy,
    moves before answering, and answers later; the signatories alone still owe it first."""
    sc = with_venue(mini, turn_order=(ENVOY, BIG, RED, BLUE))
    s = play(start(sc), Draft("envoy", (("prisoners", "some"),)), Pass("envoy"))
    assert BIG in s.proposals[0].to
    s = play(s, Statement("big", "conciliatory"))  # refused before: "answer the mediator's draft #1 first"
    s = play(s, Respond("big", 1, False))  # its answer is still taken, and fails nothing
    assert s.proposals[0].response_of(BIG) != PENDING
    s = play(s, Pass("big"))
    with pytest.raises(IllegalAction, match="answer the mediator's draft #1"):
        apply(s, Pass("red"))
    s = play(s, Respond("red", 1, True), Pass("red"), Respond("blue", 1, True))
    assert s.proposals == () and s.agreements  # agreed on the signatories' answers alone


def test_the_pending_draft_is_checked_before_the_actions_own_rules(drafted: State) -> None:
    # a malformed proposal would be InvalidAction, but the unanswered draft comes first
    with pytest.raises(IllegalAction, match="answer the mediator's draft"):
        apply(drafted, Propose("red", (("nowhere", "x"),), ("blue",)))


def test_once_answered_the_addressee_is_free(drafted: State) -> None:
    s = play(drafted, Respond("red", 1, True))
    s = play(s, Statement("red", "conciliatory"))
    assert s.actor == RED and s.ap == 1


def test_a_rejection_also_counts_as_an_answer(mini: Scenario) -> None:
    # blue rejects: the draft fails, and nobody owes an answer any more
    s = play(start(mini), Draft("envoy", (("prisoners", "some"),)), Pass("envoy"), Respond("red", 1, True))
    s = play(s, Pass("red"), Respond("blue", 1, False))
    assert s.proposals == ()
    s = play(s, Pass("blue"), Pass("big"))  # big is free to pass: the draft is gone
    assert s.round == 2


def test_an_addressee_may_answer_another_proposal_while_owing_the_draft(game: State) -> None:
    s = pass_until(game, "big")
    s = play(s, Propose("big", (("truce", "pause"),), ("red",)))
    s = pass_until(s, "envoy", round_=2)
    s = play(s, Draft("envoy", (("prisoners", "some"),)), Pass("envoy"))
    s = play(s, Respond("red", 1, False))  # big's proposal #1
    with pytest.raises(IllegalAction, match="answer the mediator's draft #2"):
        apply(s, Pass("red"))
    s = play(s, Respond("red", 2, True), Pass("red"))
    assert s.actor == BLUE


def test_an_addressee_may_walk_out_instead(drafted: State) -> None:
    s = play(drafted, WalkOut("red"))
    assert s.over and s.outcome == "collapse"


def test_the_mediator_itself_owes_nothing(game: State) -> None:
    s = play(game, Draft("envoy", (("prisoners", "some"),)), Statement("envoy", "conciliatory"))
    assert s.actor == RED


def test_a_draft_accepted_by_the_signatories_is_an_agreement(drafted: State) -> None:
    s = play(drafted, Respond("red", 1, True), Pass("red"))
    s, records = play_records(s, Respond("blue", 1, True))
    assert s.settled[PRISONERS] == SOME
    assert s.agreements[0].parties == (RED, BLUE)
    assert s.agreements[0].proposal == 1
    assert "agreement" in kinds(records)
    assert s.proposals == ()  # big's answer is no longer owed
    s = play(s, Pass("blue"), Pass("big"))
    assert s.round == 2


def test_a_new_draft_supersedes_the_old_one(game: State) -> None:
    s = play(game, Draft("envoy", (("prisoners", "some"),)), Draft("envoy", (("truce", "pause"),)))
    assert [(p.id, p.package) for p in s.proposals] == [(2, ((TRUCE, 1),))]
    with pytest.raises(IllegalAction, match="no open proposal #1"):
        apply(s, Respond("red", 1, True))
