"""The hard agent reads the closing session that follows an adjournment (Level.reads_closing;
game.ai.reading.closing_backs). Its plan holds out only where time is on its side, but where an
adjournment would leave its standing offer to a closing session in which at least half its
counterparts answer it at their deadline, the risk that the talks end is mostly a risk that they
sign what it holds out for: there it holds out where time is against it too (docs/lab/agents.md,
"Reading the closing session")."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS, Level
from game.ai.opponent import Beliefs
from game.ai.planning import plan
from game.ai.reading import before_me, closing_backs
from game.engine import actions as A
from game.engine import new_game, view_for
from game.engine.model import Scenario
from game.engine.state import State
from game.engine.utility import outcome_utility
from game.scenario import bundled, load_scenario
from game.sim.simulate import game_seed
from tests.ai.seat_games import first_difference, level_in_seat, replayed

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, reads_closing=False)
# sochi-congress, the hard agent in the platforms' seat, the tournament's game 24: in round 1 the
# seat is offered a package its conceder's curve already takes; its plan says waiting pays, but a
# round costs the platforms more than it costs the others, so without the rule it signs
GAME = 24


def _sochi() -> tuple[Scenario, int]:
    sc = load_scenario(bundled()["sochi-congress"])
    return sc, [d.id for d in sc.delegations].index("platforms")


def _game(level: Level) -> tuple[list[tuple[State, A.Action]], State]:
    sc, seat = _sochi()
    seed = game_seed(0, GAME)
    return replayed(sc, seed, level_in_seat(sc, seed, seat, level))


def test_who_answers_at_a_closing_session() -> None:
    """At Sochi (turn order russia, government, platforms, ..., turkey, iran) the platforms have
    two of their four counterparts before them, Russia none and the government one; without a
    risk of adjournment no closing session comes early, and none is read."""
    sc, seat = _sochi()
    state, _ = new_game(sc, game_seed(0, GAME))
    ids = [d.id for d in sc.delegations]
    platforms = view_for(state, seat)
    assert sorted(ids[s] for s in before_me(platforms)) == ["government", "russia"]
    assert closing_backs(platforms)
    assert not closing_backs(view_for(state, ids.index("russia")))
    assert not closing_backs(view_for(state, ids.index("government")))
    assert closing_backs(view_for(state, ids.index("iran")))  # every counterpart speaks before Iran
    calm = dataclasses.replace(sc, rules=dataclasses.replace(sc.rules, breakdown_risk=0))
    quiet, _ = new_game(calm, game_seed(0, GAME))
    assert not closing_backs(view_for(quiet, seat))


def test_the_platforms_hold_out_where_they_signed_and_gain() -> None:
    """The first answer where the rule decides: without it the seat signs (its aim is met), with
    it the seat holds out by its plan although the plan reads it as the impatient side, and the
    game ends better for it (fails with reads_closing off in holding._holds_out)."""
    steps, end = _game(HARD)
    _, end_without = _game(WITHOUT)
    _, seat = _sochi()
    differed = first_difference(steps, seat, HARD, WITHOUT)
    assert differed is not None
    _, view, with_rule, without = differed
    assert isinstance(without.action, A.Respond) and without.action.accept
    assert isinstance(with_rule.action, A.Respond) and not with_rule.action.accept
    held = plan(view, Beliefs(view, HARD.learns, HARD.reads_deeds, HARD.reads_refusals), HARD)
    assert not held.patient  # time is against the platforms: the plain plan would not hold out
    assert closing_backs(view)
    assert outcome_utility(end, seat) > outcome_utility(end_without, seat) + 0.1
