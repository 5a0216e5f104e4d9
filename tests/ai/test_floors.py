"""The hard agent reads the others' floors from the packages they refused (View.answers,
game.ai.floors): where time costs every round, it does not table a package that gives a side
no more than what that side refused lately, when one that clears every such refusal is still
worth more to it than going on."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.floors import RECENT, refused_above, worth_to
from game.ai.levels import LEVELS
from game.ai.offers import CLEAR, above_refusals, aspiration, clears, going_on_worth, proposal
from game.ai.opponent import Beliefs
from game.ai.reading import counterparts, fallback, value_with
from game.ai.selfplay import play
from game.engine import apply, new_game, view_for
from game.engine.legal import may_propose
from game.engine.model import Scenario
from game.engine.rng import Rng
from game.engine.utility import with_package
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.random_scenarios import random_scenario

HARD = LEVELS["hard"]


def proposers(sc: Scenario, seed: int) -> list[View]:
    """Views of delegations that may table a package, along one AI game."""
    state, _ = new_game(sc, seed)
    views = []
    for action in play(sc, seed).actions:
        if not state.over:
            view = view_for(state, state.actor)
            if may_propose(view.own.role) and counterparts(view) and any(s < 0 for s in view.settled):
                views.append(view)
        state, _ = apply(state, action)
    return views


def check(view: View, seed: int) -> bool:
    """The properties at one view; whether the package was replaced."""
    beliefs = Beliefs(view, HARD.learns)
    below = refused_above(view, beliefs)
    for s, bound in below.items():  # each bound is the most a recent refusal of that side gave it
        worths = [
            worth_to(view, beliefs, s, a.package)
            for a in view.answers
            if a.who == s
            and not a.accepted
            and a.venue == view.venue_index
            and a.round >= view.round - RECENT
            and all(view.settled[i] < 0 for i, _ in a.package)
        ]
        assert worths and max(worths) == bound
    package, partial = proposal(view, beliefs, aspiration(view, HARD), HARD, Rng(seed))
    out, out_partial = above_refusals(view, beliefs, HARD, package, partial)
    enough = clears(view, beliefs)
    if enough is None or enough(with_package(view.deal, package)):
        assert (out, out_partial) == (package, partial)
        return False
    if out == package:  # nothing clears every refusal above what going on is worth
        return False
    assert enough(with_package(view.deal, out)) and not out_partial
    for s, bound in below.items():
        assert worth_to(view, beliefs, s, out) >= bound + CLEAR - 1e-9
    assert value_with(view, out) >= max(fallback(view), going_on_worth(view, HARD)) - 1e-9
    return True


@settings(max_examples=15, deadline=None)
@given(index=st.integers(0, 10_000), seed=st.integers(0, 2**32))
def test_an_offer_clears_what_each_side_refused_lately_or_stays_as_it_was(index: int, seed: int) -> None:
    for view in proposers(random_scenario(index), seed)[::2]:
        check(view, seed)


def test_at_astana_refused_packages_change_offers() -> None:
    """Not vacuous: along astana-8 games some offers are replaced by one that clears the refusals."""
    sc = load_scenario(bundled()["astana-8"])
    replaced = sum(check(view, seed) for seed in range(3) for view in proposers(sc, seed))
    assert replaced > 0
