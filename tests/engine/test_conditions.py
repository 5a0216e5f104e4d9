"""Events that fire only when the table is as they tell it, and endings that say what happened."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine import Boycott, Draft, Pass, Respond, Scenario, State, WalkOut
from game.engine.conditions import holds
from game.engine.model import NO_LIMIT, Alternative, Condition, Effect
from tests.engine.conftest import (
    BIG,
    BLUE,
    CLASH,
    PRISONERS,
    RED,
    RUMOUR,
    SOME,
    TRUCE,
    kinds,
    pass_until,
    play,
    play_records,
    start,
    with_event,
    with_rules,
    with_venue,
)


def _clash_when(sc: Scenario, *when: Condition, otherwise: Alternative | None = None) -> Scenario:
    return with_event(with_venue(sc, random_events=0.0), CLASH, when=when, otherwise=otherwise)


def _to_round_2(s: State) -> tuple[State, list[str]]:
    """Pass to the end of round 1: the clash (round 2) comes up as round 2 opens."""
    s = pass_until(s, "big", 1)
    s, records = play_records(s, Pass("big"))
    assert s.round == 2
    return s, [r.text for r in records if r.kind == "event"]


def test_an_event_whose_condition_holds_fires(mini: Scenario) -> None:
    sc = _clash_when(mini, Condition("present", RED))
    s, texts = _to_round_2(start(sc))
    assert s.fired[CLASH] == 1
    assert any(t.startswith("A clash in the north") for t in texts)
    assert s.stability[0] == 40


def test_an_event_whose_condition_fails_does_not_fire_and_changes_nothing(mini: Scenario) -> None:
    sc = _clash_when(mini, Condition("walked_out", BIG))
    s, texts = _to_round_2(start(sc))
    assert s.fired[CLASH] == 0
    assert texts == []
    assert s.stability[0] == 50


def test_a_failed_condition_fires_the_alternative_instead(mini: Scenario) -> None:
    alt = Alternative("The north stays quiet", "Nobody fires.", (Effect("stability", 0, delta=5),))
    sc = _clash_when(mini, Condition("walked_out", BIG), otherwise=alt)
    s, texts = _to_round_2(start(sc))
    assert texts == ["The north stays quiet. Nobody fires."]
    assert s.stability[0] == 55
    assert s.fired[CLASH] == 0  # the alternative is not the event


def test_a_walk_out_makes_the_event_fire(mini: Scenario) -> None:
    sc = _clash_when(mini, Condition("walked_out", BIG), Condition("present", RED))
    s = pass_until(start(sc), "big", 1)
    s = play(s, WalkOut("big"))
    assert s.round == 2 and s.fired[CLASH] == 1


def test_a_boycott_is_not_a_walk_out(mini: Scenario) -> None:
    sc = with_venue(_clash_when(mini, Condition("walked_out", BIG)), attendance_optional=True)
    s = play(pass_until(start(sc), "big", 1), Boycott("big"))
    assert s.round == 2 and s.fired[CLASH] == 0
    sc = with_venue(_clash_when(mini, Condition("boycotted", BIG)), attendance_optional=True)
    s = play(pass_until(start(sc), "big", 1), Boycott("big"))
    assert s.fired[CLASH] == 1


def test_an_agreed_issue_is_seen_by_a_later_event(mini: Scenario) -> None:
    sc = _clash_when(mini, Condition("agreed", PRISONERS, SOME))
    s = play(start(sc), Draft("envoy", (("prisoners", "some"),)), Pass("envoy"), Respond("red", 1, True))
    s = play(s, Pass("red"), Respond("blue", 1, True))
    assert s.settled[PRISONERS] == SOME
    s, _ = _to_round_2(s)
    assert s.fired[CLASH] == 1
    # and an open issue fails the same condition
    s, _ = _to_round_2(start(sc))
    assert s.fired[CLASH] == 0


def test_a_random_card_whose_condition_fails_is_out_of_the_deck(mini: Scenario) -> None:
    # the rumour is the only card; with a condition that never holds it is never drawn
    sc = with_event(with_venue(mini, random_events=1.0), 1, when=(Condition("momentum", low=101),))
    s = start(sc)
    for _ in range(3):
        s = play(pass_until(s, "big"), Pass("big"))
    assert s.fired[1] == 0
    sc = with_event(with_venue(mini, random_events=1.0), 1, when=(Condition("momentum", low=0),))
    s = play(pass_until(start(sc), "big"), Pass("big"))
    assert s.fired[1] == 1


@given(
    value=st.integers(0, 100),
    low=st.one_of(st.just(NO_LIMIT), st.integers(0, 100)),
    high=st.one_of(st.just(NO_LIMIT), st.integers(0, 100)),
    kind=st.sampled_from(["momentum", "support", "trust", "stability"]),
)
def test_a_meter_condition_holds_exactly_within_its_bounds(
    mini: Scenario, value: int, low: int, high: int, kind: str
) -> None:
    s = start(mini)
    if kind == "momentum":
        s = dataclasses.replace(s, momentum=value)
    elif kind == "support":
        s = dataclasses.replace(s, support=(value, *s.support[1:]))
    elif kind == "trust":
        s = dataclasses.replace(s, trust=((s.trust[0][0], value, *s.trust[0][2:]), *s.trust[1:]))
    else:
        s = dataclasses.replace(s, stability=(value,))
    c = Condition(kind, RED, BLUE, low, high) if kind in ("support", "trust") else Condition(kind, 0, -1, low, high)
    if kind == "momentum":
        c = Condition(kind, low=low, high=high)
    expected = (low == NO_LIMIT or value >= low) and (high == NO_LIMIT or value <= high)
    assert holds(s, c, s.scenario.venues[0].turn_order) is expected


# --- endings that say what happened --------------------------------------------------------------


def test_an_agreement_stands_when_its_cost_then_pulls_a_signatory_out(mini: Scenario) -> None:
    # Red's red line on prisoners=all costs it 60 support: it signs, and is then pulled out.
    sc = with_rules(with_venue(mini, random_events=0.0), redline_support=60)
    package = (("prisoners", "all"), ("truce", "pause"))
    s = play(start(sc), Draft("envoy", package), Pass("envoy"), Respond("red", 1, True))
    s, records = play_records(s, Pass("red"), Respond("blue", 1, True))
    assert s.over and s.outcome == "agreement"
    assert s.settled[PRISONERS] >= 0 and s.settled[TRUCE] >= 0
    assert not s.present[RED]
    assert "pulled_out" in kinds(records)
    assert "settled" in s.reason and "pulled Red out" in s.reason


def test_a_signatory_pulled_out_before_the_agenda_is_settled_still_collapses_the_talks(mini: Scenario) -> None:
    sc = with_rules(with_venue(mini, random_events=0.0), redline_support=60)
    s = play(start(sc), Draft("envoy", (("prisoners", "all"),)), Pass("envoy"), Respond("red", 1, True))
    s = play(s, Pass("red"), Respond("blue", 1, True))
    assert s.over and s.outcome == "collapse"
    assert "pulled out" in s.reason


@pytest.mark.parametrize("kind", ["present", "absent", "boycotted", "walked_out"])
def test_every_seat_condition_reads_the_table(mini: Scenario, kind: str) -> None:
    s = start(mini)
    order = mini.venues[0].turn_order
    here = holds(s, Condition(kind, RED), order)
    assert here is (kind == "present")
    gone = dataclasses.replace(s, present=(False, *s.present[1:]))
    assert holds(gone, Condition(kind, RED), order) is (kind in ("absent", "walked_out"))
    stayed_away = dataclasses.replace(gone, boycotted=(True, *s.boycotted[1:]))
    assert holds(stayed_away, Condition(kind, RED), order) is (kind in ("absent", "boycotted"))


def test_an_event_that_takes_support_to_the_line_pulls_out_before_the_next_event(mini: Scenario) -> None:
    """Support at the collapse line is acted on at once, as the rules say: the next event of the
    round reads the table without that delegation, and one that lifts its support again comes
    too late (before, the round's events all fired first, and nobody was pulled out)."""
    sc = with_venue(mini, random_events=0.0)
    sc = with_event(sc, CLASH, effects=(Effect("support", BIG, delta=-65),))  # big: 70 -> 5
    sc = with_event(
        sc,
        RUMOUR,
        round=2,
        weight=0.0,
        when=(Condition("absent", BIG),),
        effects=(Effect("support", BIG, delta=30),),
    )
    s, _ = _to_round_2(start(sc))
    assert not s.present[BIG] and s.fired[RUMOUR] == 1  # it read big as gone, and fired
    assert not s.over  # big signs nothing here: the talks go on without it
    # a signatory: the talks collapse there and then, and no later event of the round is read
    sc = with_event(sc, CLASH, effects=(Effect("support", RED, delta=-55),))  # red: 60 -> 5
    sc = with_event(sc, RUMOUR, when=(), effects=(Effect("support", RED, delta=30),))
    s, _ = _to_round_2(start(sc))
    assert s.over and s.outcome == "collapse" and "pulled out" in s.reason
    assert s.fired[RUMOUR] == 0 and s.support[RED] == 5


def test_an_event_that_takes_momentum_to_zero_ends_the_talks_before_the_next_event(mini: Scenario) -> None:
    sc = with_venue(mini, random_events=0.0)
    sc = with_event(sc, CLASH, effects=(Effect("momentum", delta=-100),))
    sc = with_event(sc, RUMOUR, round=2, weight=0.0, effects=(Effect("momentum", delta=40),))
    s, _ = _to_round_2(start(sc))
    assert s.over and s.outcome == "collapse" and "momentum" in s.reason
    assert s.fired[RUMOUR] == 0
