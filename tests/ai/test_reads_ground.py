"""The hard agent reads its own ground (Level.reads_ground; game.ai.deck.ground_ahead): the public
deck's cards that move its own walk-away value while nothing is signed make waiting worth more
(or less). At astana-8 the deck lifts the government's value (villages taken on a zone's rim, an
attack that makes force look better), so a hard government that signed an offer its aim already
met now waits for the ground it expects (docs/lab/agents.md, "Reading one's own ground")."""

from __future__ import annotations

import dataclasses

from game.ai.deck import ground_ahead
from game.ai.levels import LEVELS
from game.engine import actions as A
from game.engine import new_game, view_for
from game.engine.model import Scenario
from game.scenario import bundled, load_scenario
from game.sim.simulate import game_seed
from tests.ai.seat_games import rule_games

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, reads_ground=False)


def _astana() -> tuple[Scenario, int]:
    sc = load_scenario(bundled()["astana-8"])
    return sc, [d.id for d in sc.delegations].index("government")


def _scaled(sc: Scenario, factor: int) -> Scenario:
    """The scenario with every card's walk_away effect multiplied by `factor`."""
    events = tuple(
        dataclasses.replace(
            card,
            effects=tuple(
                dataclasses.replace(e, delta=e.delta * factor) if e.kind == "walk_away" else e for e in card.effects
            ),
        )
        for card in sc.events
    )
    return dataclasses.replace(sc, events=events)


def test_what_the_deck_is_expected_to_do_to_our_own_walk_away_value() -> None:
    sc, seat = _astana()
    state, _ = new_game(sc, game_seed(0, 0))
    government = ground_ahead(view_for(state, seat))
    assert 0.0 < government < 0.2  # the deck lifts Damascus's value, and only by a share of its cards
    # a delegation no card moves expects nothing, and neither does anyone where no card is drawn
    un = [d.id for d in sc.delegations].index("un")
    assert ground_ahead(view_for(state, un)) == 0.0
    calm = dataclasses.replace(sc, venues=tuple(dataclasses.replace(v, random_events=0.0) for v in sc.venues))
    assert ground_ahead(view_for(new_game(calm, game_seed(0, 0))[0], seat)) == 0.0
    # larger moves on the same cards: more expected, in proportion while within 0..0.99
    doubled = ground_ahead(view_for(new_game(_scaled(sc, 2), game_seed(0, 0))[0], seat))
    assert doubled > government * 1.5


def test_nothing_is_expected_in_the_last_round() -> None:
    sc, seat = _astana()
    last = dataclasses.replace(sc, venues=tuple(dataclasses.replace(v, rounds=1) for v in sc.venues))
    state, _ = new_game(last, game_seed(0, 0))
    assert ground_ahead(view_for(state, seat)) == 0.0


def test_a_hard_government_waits_for_its_ground_where_it_signed() -> None:
    """Along the tournament's games with hard in the government's seat, the first answer where the
    rule decides: without it the seat signs, with it the seat refuses and waits, while the deck is
    expected to lift its walk-away value (fails with reads_ground off in answering.answer)."""
    sc, seat = _astana()
    for _, differed in rule_games(sc, seat, HARD, WITHOUT, 30):
        if differed is not None:
            _, view, with_rule, without = differed
            assert isinstance(without.action, A.Respond) and without.action.accept
            assert isinstance(with_rule.action, A.Respond) and not with_rule.action.accept
            assert ground_ahead(view) > 0.0
            return
    raise AssertionError("the rule decided no answer in 30 games")
