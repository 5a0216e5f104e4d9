"""A package's ids are resolved once per package and scenario (checks._resolved), and what the
state decides about it (open issues, the actor's red lines) is asked at every move: a remembered
package is refused as a fresh one would be, once the state refuses it."""

from __future__ import annotations

import pytest

from game.engine import IllegalAction, InvalidAction, Propose, Scenario, State, apply
from game.engine.checks import _RESOLVED
from tests.engine.conftest import PAUSE, PRISONERS, SOME, TRUCE, pass_until, play, prisoners_settled, start, with_venue


def test_a_package_resolved_before_is_refused_once_its_issue_is_settled(game: State) -> None:
    package = (("prisoners", "none"),)
    red = pass_until(game, "red")
    apply(red, Propose("red", package, ("blue",)))  # resolved, and remembered
    settled = prisoners_settled(game)
    assert settled.settled[PRISONERS] == SOME
    with pytest.raises(IllegalAction, match="already settled"):
        apply(pass_until(settled, "red"), Propose("red", package, ("blue",)))


def test_the_same_package_resolves_against_each_scenarios_own_issues(mini: Scenario) -> None:
    # the same ids, another scenario whose agenda leaves one of them out
    package = (("truce", "pause"), ("prisoners", "some"))
    tabled = play(pass_until(start(mini), "red"), Propose("red", package, ("blue",)))
    assert tabled.proposals[-1].package == ((PRISONERS, SOME), (TRUCE, PAUSE))
    narrow = pass_until(start(with_venue(mini, agenda=(PRISONERS,))), "red")
    with pytest.raises(IllegalAction, match="not on the agenda"):
        apply(narrow, Propose("red", package, ("blue",)))


def test_the_first_refusal_in_the_packages_order_is_given_every_time(mini: Scenario) -> None:
    # off the agenda (truce) before across a red line (prisoners:all), whichever comes first
    red = pass_until(start(with_venue(mini, agenda=(PRISONERS,))), "red")
    for _ in range(2):  # the second time from what was remembered
        with pytest.raises(IllegalAction, match="not on the agenda"):
            apply(red, Propose("red", (("prisoners", "all"), ("truce", "pause")), ("blue",)))
        with pytest.raises(IllegalAction, match="not on the agenda"):
            apply(red, Propose("red", (("truce", "pause"), ("prisoners", "all")), ("blue",)))


@pytest.mark.parametrize(
    ("package", "message"),
    [
        ((("elections", "now"),), "no issue 'elections'"),
        ((("prisoners", "most"),), "no option 'most'"),
        ((("prisoners", "some"), ("prisoners", "none")), "twice"),
        ((), "at least one issue"),
    ],
)
def test_a_package_that_does_not_resolve_is_refused_every_time_and_never_kept(
    game: State, package: tuple, message: str
) -> None:
    red = pass_until(game, "red")
    for _ in range(2):
        with pytest.raises(InvalidAction, match=message):
            apply(red, Propose("red", package, ("blue",)))
    assert all(package not in kept[2] for kept in _RESOLVED.values())


def test_a_package_that_is_not_hashable_is_refused_as_before(game: State) -> None:
    red = pass_until(game, "red")
    with pytest.raises(InvalidAction, match="package must be a tuple"):
        apply(red, Propose("red", [("prisoners", "some")], ("blue",)))  # type: ignore[arg-type]
