"""The leave effect: an event (or an agreed option) takes a delegation from the table."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Pass, Propose, Respond, Scenario, WalkOut, apply, new_game, state_hash
from game.engine.conditions import all_hold
from game.engine.model import Condition, Effect
from game.engine.work import Work
from game.sim.random_scenarios import random_scenario
from tests.engine.conftest import (
    BIG,
    BLUE,
    PAUSE,
    RED,
    TRUCE,
    _rehash,
    actor_id,
    kinds,
    mini_with_rumour_effect,
    pass_rounds,
    pass_until,
    play,
    play_records,
    random_effect_kinds,
    rumour,
    start,
    with_event,
    with_venue,
)


def _clash_with(mini: Scenario, *effects: Effect) -> Scenario:
    """mini without random events, its round-2 clash carrying these effects."""
    quiet = with_venue(mini, random_events=0.0)
    index = next(i for i, e in enumerate(quiet.events) if e.id == "clash")
    return with_event(quiet, index, effects=effects)


def _with_option_effect(sc: Scenario, issue: int, option: int, *effects: Effect) -> Scenario:
    issues = list(sc.issues)
    options = list(issues[issue].options)
    options[option] = dataclasses.replace(options[option], effects=effects)
    issues[issue] = dataclasses.replace(issues[issue], options=tuple(options))
    return _rehash(dataclasses.replace(sc, issues=tuple(issues)))


def test_a_non_signatory_leaves_and_the_talks_go_on(mini: Scenario) -> None:
    sc = _clash_with(mini, Effect("leave", BIG))
    s = pass_until(start(sc), "red")
    # red's proposal to blue and big is still open when round 2 begins
    s = play(s, Propose("red", (("prisoners", "some"),), ("blue", "big")))
    before = s
    s, records = play_records(s, *(Pass(x) for x in ("red", "blue", "big")))
    assert s.round == 2 and not s.over
    assert not s.present[BIG]
    assert not s.boycotted[BIG]
    # red's proposal stays open for blue (big signs nothing; its answer left with it)
    assert [(p.author, p.to) for p in s.proposals] == [(RED, (BLUE, BIG))]
    left = [r for r in records if r.kind == "left"]
    assert [(r.actor, r.text) for r in left] == [(BIG, f"{sc.delegations[BIG].name} leaves the Hall.")]
    # leaving by itself costs nothing: the event's own effects say what it costs
    assert s.trust == before.trust
    assert s.support == before.support
    # a walked-out condition now holds for big, as for one who walked out
    assert all_hold(Work(s), (Condition("walked_out", BIG),), sc.venues[0].turn_order)
    assert all_hold(Work(s), (Condition("absent", BIG),), sc.venues[0].turn_order)


def test_a_signatory_that_leaves_collapses_the_talks(mini: Scenario) -> None:
    sc = _clash_with(mini, Effect("leave", RED))
    s, records = play_records(start(sc), *(Pass(x) for x in ("envoy", "red", "blue", "big")))
    assert s.over
    assert s.outcome == "collapse"
    assert s.reason.endswith("a signatory, left the talks.")
    assert not s.present[RED]
    assert s.agreements == ()
    assert kinds(records).index("left") < kinds(records).index("venue_end")


def test_leaving_does_nothing_to_a_delegation_already_away(mini: Scenario) -> None:
    sc = _clash_with(mini, Effect("leave", BIG), Effect("momentum", 1))
    s = play(pass_until(start(sc), "big"), WalkOut("big"))  # big is the last to speak: round 2 begins
    assert s.round == 2 and not s.over
    assert not s.present[BIG]
    after_walk_out = play(pass_until(start(_clash_with(mini, Effect("momentum", 1))), "big"), WalkOut("big"))
    assert state_hash(dataclasses.replace(s, scenario=after_walk_out.scenario)) == state_hash(after_walk_out)


def test_a_signatory_leaving_once_the_agenda_is_settled_leaves_the_agreement_standing(mini: Scenario) -> None:
    """An agreed option takes red from the table: the text was signed first, so it stands; and in
    a campaign, the next venue opens with red seated again and is not collapsed by it."""
    quiet = with_venue(mini, random_events=0.0)
    sc = _with_option_effect(quiet, TRUCE, PAUSE, Effect("leave", RED))
    s = pass_until(start(sc), "red")
    s = play(s, Propose("red", (("prisoners", "some"), ("truce", "pause")), ("blue",)))
    s = pass_until(s, "blue")
    s, records = play_records(s, Respond("blue", s.proposals[0].id, True))
    assert s.over
    assert s.outcome == "agreement"
    assert "left" in kinds(records)
    # the same in a campaign of two halls: the second opens with red at the table
    second = dataclasses.replace(sc.venues[0], id="annex", name="The Annex")
    campaign = _rehash(dataclasses.replace(sc, venues=(sc.venues[0], second)))
    c = pass_until(start(campaign), "red")
    c = play(c, Propose("red", (("prisoners", "some"), ("truce", "pause")), ("blue",)))
    c = pass_until(c, "blue")
    c = play(c, Respond("blue", c.proposals[0].id, True))
    assert c.venue_outcomes == ("agreement", "agreement")  # the annex's agenda was settled already
    assert c.present[RED]


def test_a_campaign_venue_after_a_departure_seats_the_delegation_again(mini: Scenario) -> None:
    quiet = with_venue(mini, random_events=0.0)
    second = dataclasses.replace(quiet.venues[0], id="annex", name="The Annex")
    sc = _rehash(dataclasses.replace(quiet, venues=(quiet.venues[0], second)))
    index = next(i for i, e in enumerate(sc.events) if e.id == "clash")
    sc = with_event(sc, index, effects=(Effect("leave", BIG),), venue=0)
    s = pass_rounds(start(sc), 1)
    assert not s.present[BIG] and s.venue == 0
    while s.venue == 0:  # the hall's rounds run out; the annex opens
        s = play(s, Pass(actor_id(s)))
    assert not s.over and s.round == 1
    assert s.present[BIG]


def test_the_effect_is_read_from_a_file_and_checked(tmp_path: Path) -> None:
    scenario, diagnostics = mini_with_rumour_effect(tmp_path, "- leave: {delegation: big}")
    assert scenario is not None, diagnostics
    assert rumour(scenario).effects == (Effect("leave", scenario.delegation_index["big"]),)
    for bad, message in (
        ("- leave: {delegation: bigg}", "unknown delegation 'bigg'"),
        ("- leave: {delegation: big, delta: 3}", "delta"),
        ("- leave: big", "expected a mapping"),
    ):
        scenario, diagnostics = mini_with_rumour_effect(tmp_path, bad)
        assert scenario is None, bad
        assert any(message in d.message and d.severity == "error" for d in diagnostics), (bad, diagnostics)


def test_random_scenarios_carry_the_effect() -> None:
    assert "leave" in random_effect_kinds(range(60))


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_on_random_scenarios_whoever_leaves_is_gone_and_a_signatory_ends_the_venue(seed: int) -> None:
    """In AI games of random scenarios (events with every kind of effect), a delegation a leave
    effect takes from the table is away in the state that follows; if it signs there, that venue
    ends at once (collapse, or agreement when its agenda was already settled); and a replay of the
    same actions gives the same state hashes."""
    from game.ai import play as ai_play

    sc = random_scenario(seed)
    game = ai_play(sc, seed)
    state = new_game(sc, seed)[0]
    replayed = state
    for action in game.actions:
        venue = state.venue
        state, records = apply(state, action)
        replayed = apply(replayed, action)[0]
        assert state_hash(replayed) == state_hash(state)
        left = [r.actor for r in records if r.kind == "left"]
        for d in left:
            ended = len(state.venue_outcomes) > venue
            if d in sc.venues[venue].signatories:
                assert ended
                assert state.venue_outcomes[venue] in ("collapse", "agreement")
            elif not ended:
                assert not state.present[d]
