"""view_for: a delegation sees its own preferences and only what is public of the others."""

from __future__ import annotations

import dataclasses

import pytest

from game.ai.selfplay import play as play_game
from game.engine import Meet, Pass, Propose, Respond, State, view_for
from game.engine.model import Delegation, EventCard, Venue
from game.engine.view import PublicDelegation
from game.scenario import load_scenario, resolve
from tests.engine.conftest import ALL, BIG, BLUE, ENVOY, PRISONERS, RED, TRUCE, pass_until, play

# What a side keeps to itself. (Its stances, its own words on each issue, are what it says in
# public; its red lines are declared in public too, and reach the view separately.)
PRIVATE = {"weights", "values", "red_lines", "reservation", "opening", "personality", "trust"}


def _delegations_in(value: object, path: str = "view") -> list[tuple[str, Delegation]]:
    """Every Delegation object reachable from value, with where it was found."""
    found: list[tuple[str, Delegation]] = []
    if isinstance(value, Delegation):
        found.append((path, value))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            found += _delegations_in(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, tuple | list | frozenset | set):
        for i, item in enumerate(value):
            found += _delegations_in(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for k, item in value.items():
            found += _delegations_in(item, f"{path}[{k!r}]")
    return found


@pytest.fixture
def busy(game: State) -> State:
    s = play(game, Meet("envoy", "red"), Pass("envoy"))
    s = play(s, Propose("red", (("prisoners", "some"),), ("big",)), Meet("red", "blue"))
    return s


@pytest.mark.parametrize("me", [RED, BLUE, BIG, ENVOY])
def test_a_view_holds_no_other_delegation(busy: State, game: State, me: int) -> None:
    for state in (game, busy):
        view = view_for(state, me)
        found = _delegations_in(view)
        assert found, "the viewer's own preferences should be there"
        for path, d in found:
            assert d is state.scenario.delegations[me], f"{path} holds {d.id}'s private data"


@pytest.mark.parametrize("me", [RED, BLUE, BIG, ENVOY])
def test_the_viewer_sees_its_own_preferences(game: State, me: int) -> None:
    view = view_for(game, me)
    own = game.scenario.delegations[me]
    assert view.me == me
    assert view.own == own
    assert view.own.weights == own.weights and view.own.values == own.values


def test_others_appear_only_by_their_public_face(game: State) -> None:
    view = view_for(game, RED)
    assert all(isinstance(d, PublicDelegation) for d in view.delegations)
    assert not PRIVATE & {f.name for f in dataclasses.fields(PublicDelegation)}
    assert [d.id for d in view.delegations] == ["red", "blue", "big", "envoy"]
    assert view.delegations[RED].patrons == (BIG,)


def test_no_other_delegations_weights_leak_as_numbers(game: State) -> None:
    """No float in a fresh view beyond the viewer's own, the venue's event chance and the public
    deck's card weights (the scenario file's cards themselves; nothing learnt yet)."""
    view = view_for(game, BLUE)
    own = view.own

    def floats(value: object) -> list[float]:
        if value is own or isinstance(value, Venue):
            return []
        if isinstance(value, EventCard) and any(value is card for card in game.scenario.events):
            return []
        if isinstance(value, float):
            return [value]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return [x for f in dataclasses.fields(value) for x in floats(getattr(value, f.name))]
        if isinstance(value, tuple | list | frozenset):
            return [x for item in value for x in floats(item)]
        return []

    assert floats(view) == []


def test_what_a_meeting_taught_is_in_the_learners_view_only(busy: State) -> None:
    assert view_for(busy, ENVOY).learned == ((RED, TRUCE, pytest.approx(0.75)),)
    red = view_for(busy, RED).learned
    assert sorted(red) == [(BLUE, PRISONERS, pytest.approx(0.75)), (ENVOY, PRISONERS, pytest.approx(0.5))]
    assert view_for(busy, BLUE).learned == ((RED, TRUCE, pytest.approx(0.75)),)
    assert view_for(busy, BIG).learned == ()


def test_the_view_shows_only_proposals_one_made_or_must_answer(busy: State) -> None:
    assert [p.id for p in view_for(busy, RED).proposals] == [1]
    assert [p.id for p in view_for(busy, BIG).proposals] == [1]
    assert view_for(busy, BLUE).proposals == ()


def test_public_information_is_in_every_view(busy: State) -> None:
    view = view_for(busy, BLUE)
    assert view.positions == busy.positions
    assert view.support == busy.support
    assert view.momentum == busy.momentum
    assert view.deal == busy.deal()
    assert view.trust_in_me == tuple(row[BLUE] for row in busy.trust)
    assert view.my_trust == busy.trust[BLUE]


def test_only_the_actor_sees_its_turn_and_action_points(game: State) -> None:
    s = pass_until(game, "red")
    assert view_for(s, RED).my_turn and view_for(s, RED).ap == 2
    assert not view_for(s, BLUE).my_turn and view_for(s, BLUE).ap == 0


def test_red_lines_are_public(game: State) -> None:
    """docs/RULES.md, 'Red lines are public': every side sees every side's red lines."""
    view = view_for(game, BLUE)
    assert view.red_lines == tuple(d.red_lines for d in game.scenario.delegations)
    assert ALL in view.red_lines[RED][PRISONERS]


def test_offers_and_answers_are_tallied_in_public(game: State) -> None:
    s = pass_until(game, "red")
    s = play(s, Propose("red", (("prisoners", "some"), ("truce", "pause")), ("blue", "big")), Pass("red"))
    s = play(s, Pass("blue"), Respond("big", 1, False), Pass("big"))
    s = play(pass_until(s, "blue"), Respond("blue", 1, True))  # the deal settles everything: game over
    assert s.over
    view = view_for(s, ENVOY)
    assert view.offered[RED][PRISONERS] == (0, 1, 0)
    assert view.offered[RED][TRUCE] == (0, 1, 0)
    assert view.accepted[BLUE][PRISONERS] == (0, 1, 0)
    assert view.rejected[BIG][TRUCE] == (0, 1, 0)
    assert view.rejected[BLUE] == ((0, 0, 0), (0, 0, 0))
    assert view.offered == s.offered and view.accepted == s.accepted and view.rejected == s.rejected


def test_a_view_reads_the_scenario_and_venue_of_its_own_state() -> None:
    """view_for keeps the part of a view read from the scenario alone per viewer and venue of the
    last scenario met (view._scenario_part): a view of another game's state (a game's draw makes a
    scenario of its own), of a later venue, or of a state whose walk-away value moved (a new
    scenario too) must still read its own state's scenario and venue."""
    sc = load_scenario(resolve("astana-to-sochi"))
    views = []
    for seed in (1, 2):
        game = play_game(sc, seed)
        state = game.state
        for me in range(len(state.scenario.delegations)):
            views.append((state, view_for(state, me)))
    for state, view in views:
        sc_now = state.scenario
        assert view.own is sc_now.delegations[view.me]
        assert view.venue is sc_now.venues[state.venue] and view.venue_index == state.venue
        assert view.issues is sc_now.issues and view.rules is sc_now.rules and view.events is sc_now.events
        assert view.venues_left == len(sc_now.venues) - 1 - state.venue
        assert view.red_lines is sc_now.red_lines and view.collapse_support == sc_now.rules.collapse_support
    # two games' draws differ, so their views' own preferences differ
    assert views[0][1].own != views[len(views) // 2][1].own
