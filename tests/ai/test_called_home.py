"""A boycott the deck may make for us (Level.weighs_call_home; game.ai.called_home): a
boycotter by gain weighs attending by the chance that a card of the public deck calls it home
before it can sign, the venue then ending with nothing signed. In the random scenario timed-17
the deck calls d0 home in the first two rounds while its trust in d1 is at most 15 or in d2 at
most 34, where the file starts it at exactly 15 and 34 (docs/lab/agents.md, "The table's repeated
offer and a boycott the deck may make for us")."""

from __future__ import annotations

import dataclasses

from game.ai.called_home import called_home
from game.ai.levels import LEVELS
from game.engine import actions as A
from game.engine import new_game, view_for
from game.sim.simulate import game_seed
from tests.ai.seat_games import rule_decisions, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, weighs_call_home=False)


def test_the_chance_of_being_called_home_reads_the_deck_and_our_trust() -> None:
    sc, seat = timed_seat(17, "d0")
    view = view_for(new_game(sc, game_seed(0, 0))[0], seat)
    home = called_home(view)
    # two leave cards of weight 5 in a deck of 15, a draw at each later round with the venue's
    # chance, for the two rounds their round condition allows: a real risk, short of certain
    assert 0.05 < home < 0.5
    # trusting the others more than the cards' bounds, nothing calls us home
    trusting = dataclasses.replace(
        sc,
        delegations=tuple(
            dataclasses.replace(d, trust=tuple(max(t, 60) for t in d.trust)) if i == seat else d
            for i, d in enumerate(sc.delegations)
        ),
    )
    assert called_home(view_for(new_game(trusting, game_seed(0, 0))[0], seat)) == 0.0
    # and without random draws neither
    calm = dataclasses.replace(sc, venues=tuple(dataclasses.replace(v, random_events=0.0) for v in sc.venues))
    assert called_home(view_for(new_game(calm, game_seed(0, 0))[0], seat)) == 0.0


def test_a_hard_d0_boycotts_where_the_deck_may_call_it_home() -> None:
    """Along the tournament's games with hard in timed-17's d0 seat, where the rule decides,
    d0 boycotts where without it it attended, and only while a card may call it home (fails
    with the rule off)."""
    sc, seat = timed_seat(17, "d0")
    boycotts = 0
    for view, with_rule, without in rule_decisions(sc, seat, HARD, WITHOUT, 10):
        assert isinstance(with_rule.action, A.Boycott)
        assert not isinstance(without.action, A.Boycott)
        assert called_home(view) > 0.0
        boycotts += 1
    assert boycotts >= 3
