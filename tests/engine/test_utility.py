"""Utility: linear additive, normalised weights, in 0..1, the status quo for unsettled issues."""

from __future__ import annotations

import itertools

import pytest

from game.engine import Scenario, State, utility
from game.engine.setup import new_game
from game.engine.utility import delay_toll, outcome_utility, state_worth_if_agreed, with_package
from game.scenario import check_bytes
from tests.engine.conftest import (
    ALL,
    BIG,
    BLUE,
    FIGHTING,
    MINI_PATH,
    MONITORED,
    NONE,
    PAUSE,
    PRISONERS,
    RED,
    SOME,
    TRUCE,
    settled_by_draft,
)


def test_weights_are_normalised_to_sum_one(mini: Scenario) -> None:
    # red writes weight 1 on prisoners and 3 on truce; big leaves prisoners out (weight 0).
    assert mini.delegations[RED].weights == pytest.approx((0.25, 0.75))
    assert mini.delegations[BLUE].weights == pytest.approx((0.75, 0.25))
    assert mini.delegations[BIG].weights == pytest.approx((0.0, 1.0))
    for d in mini.delegations:
        assert sum(d.weights) == pytest.approx(1.0)


def test_utility_is_linear_additive(mini: Scenario) -> None:
    red = mini.delegations[RED]
    # 1/4 * v(some) + 3/4 * v(pause) = 0.25 * 0.6 + 0.75 * 0.6
    assert utility(red, (SOME, PAUSE)) == pytest.approx(0.6)
    # 1/4 * 1.0 + 3/4 * 0.2
    assert utility(red, (NONE, FIGHTING)) == pytest.approx(0.4)
    blue = mini.delegations[BLUE]
    assert utility(blue, (ALL, FIGHTING)) == pytest.approx(1.0)
    assert utility(blue, (SOME, MONITORED)) == pytest.approx(0.45)
    for deal in itertools.product(range(3), range(3)):
        expected = sum(w * v[o] for w, v, o in zip(red.weights, red.values, deal, strict=True))
        assert utility(red, deal) == pytest.approx(expected)


def test_utility_is_separable_by_issue(mini: Scenario) -> None:
    """Changing one issue changes the utility by weight * value difference, whatever the rest is."""
    red = mini.delegations[RED]
    for other in range(3):
        delta = utility(red, (NONE, other)) - utility(red, (ALL, other))
        assert delta == pytest.approx(0.25 * (1.0 - 0.0))


def test_every_utility_lies_in_0_1(mini: Scenario) -> None:
    for d in mini.delegations:
        values = [utility(d, deal) for deal in itertools.product(range(3), range(3))]
        assert all(0.0 <= u <= 1.0 + 1e-12 for u in values)
        assert max(values) == pytest.approx(1.0)  # each side's ideal deal is worth exactly 1 here


def test_unsettled_issues_count_at_their_status_quo(game: State) -> None:
    assert game.deal() == (NONE, FIGHTING)
    red = game.scenario.delegations[RED]
    assert utility(red, game.deal()) == pytest.approx(0.25 * 1.0 + 0.75 * 0.2)


def test_a_settled_issue_counts_at_its_agreed_option(game: State) -> None:
    s = settled_by_draft(game, "truce", "monitored")
    assert s.settled == (-1, MONITORED)
    assert s.deal() == (NONE, MONITORED)  # prisoners still at its status quo
    blue = s.scenario.delegations[BLUE]
    assert utility(blue, s.deal()) == pytest.approx(0.75 * 0.0 + 0.25 * 0.0)
    red = s.scenario.delegations[RED]
    assert utility(red, s.deal()) == pytest.approx(0.25 * 1.0 + 0.75 * 1.0)


def test_with_package_replaces_only_the_package_issues() -> None:
    assert with_package((NONE, FIGHTING), ((TRUCE, MONITORED),)) == (NONE, MONITORED)
    assert with_package((NONE, FIGHTING), ((PRISONERS, SOME),)) == (SOME, FIGHTING)


def test_a_package_if_agreed_is_worth_what_the_game_would_give_leaving_open_issues_at_walk_away(game: State) -> None:
    """The figure a player is shown for a package (the builder, the board, the answer dialog) is
    what the game would give them once it is signed and nothing more: an agenda issue a partial
    package leaves open counts at the walk-away value, as the score counts it, not at its status
    quo (a newcomer read 0.81 "if agreed" for a package the score would make 0.69)."""
    red = game.scenario.delegations[RED]
    partial = ((TRUCE, MONITORED),)
    shown = state_worth_if_agreed(game, RED, partial)
    assert shown == pytest.approx(0.25 * red.reservation + 0.75 * 1.0)
    assert shown < utility(red, with_package(game.deal(), partial))  # prisoners' status quo is red's best
    # signed, and the game scored as it stands: the same figure (before the rounds' toll)
    s = settled_by_draft(game, "truce", "monitored")
    assert s.settled == (-1, MONITORED)
    assert outcome_utility(s, RED) + delay_toll(s, RED) == pytest.approx(shown)
    # a package that settles the whole agenda is worth the deal itself
    whole = ((PRISONERS, SOME), (TRUCE, PAUSE))
    assert state_worth_if_agreed(game, RED, whole) == pytest.approx(utility(red, (SOME, PAUSE)))


def test_in_a_campaign_what_is_left_open_counts_as_the_last_venue_scores_it() -> None:
    """'If agreed' mid-campaign is what the game gives if nothing more is agreed: an issue the
    last venue negotiates counts at the walk-away value, one it does not at its status quo. (An
    issue on both venues' agendas was shown at its status quo: 1.00 against a score of 0.825.)"""
    text = MINI_PATH.read_text(encoding="utf-8")
    annex = (
        "  - id: annex\n    name: Annex\n    agenda: [{agenda}]\n    signatories: [red, blue]\n"
        "    turn_order: [envoy, red, blue, big]\n    action_points: 2\n    rounds: 2\n    momentum: 50\nevents:\n"
    )
    truce = ((TRUCE, MONITORED),)
    for agenda, prisoners_at in (("prisoners, truce", "walk-away"), ("truce", "status quo")):
        scenario, problems = check_bytes(text.replace("events:\n", annex.format(agenda=agenda), 1).encode(), "campaign")
        assert scenario is not None, [str(p) for p in problems]
        state = new_game(scenario, 1)[0]
        assert state.venue == 0 and len(scenario.venues) == 2
        red = scenario.delegations[RED]
        left = red.reservation if prisoners_at == "walk-away" else red.values[PRISONERS][NONE]
        assert state_worth_if_agreed(state, RED, truce) == pytest.approx(0.25 * left + 0.75 * 1.0)
