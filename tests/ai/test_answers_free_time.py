"""Holding out where time costs nothing (Level.answers_free_time, on in the hard level;
game.ai.holding.answer_offer; docs/lab/agents.md, "Holding out where time costs nothing"):
where a round costs no side a toll (the scenario's delay_cost 0), at a table of several, in the
venue's last three rounds, a planner answers an offer by its aim, not by its plan's hold-out. At
harbour-contract (one venue of six rounds, no delay_cost, the union, the operators and the
authority signing) the hard union refused in rounds 4 and 5 offers at its aim, holding out for a
package the operators would not sign, and in round 6 signed a partial package that left pensions
open."""

from __future__ import annotations

import dataclasses

from game.ai.holding import _free_time_late
from game.ai.levels import LEVELS
from game.ai.reading import counterparts
from game.engine import actions as A
from game.engine.state import State
from game.engine.utility import outcome_utility
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.simulate import game_seed
from tests.ai.seat_games import first_change, level_views, timed_seat, unruled

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, answers_free_time=False)
SCENARIO = load_scenario(bundled()["harbour-contract"])
UNION = [d.id for d in SCENARIO.delegations].index("union")


def _late_by_round(views: list[View]) -> dict[int, set[bool]]:
    """What _free_time_late reads at each round of `views`."""
    read: dict[int, set[bool]] = {}
    for view in views:
        read.setdefault(view.round, set()).add(_free_time_late(view))
    return read


def test_free_time_late_reads_the_last_three_rounds_of_a_free_table_of_several() -> None:
    """At harbour-contract (six rounds, delay_cost 0, three signatories) _free_time_late holds in
    rounds 4 to 6 and not before; not with a toll on rounds (the same views with delay_cost 1);
    not at a table of two (the tutorial, delay_cost 0, whose three rounds are all late); not at a
    timed table (a toll on every round)."""
    views = level_views(SCENARIO, game_seed(0, 3), "hard", lambda v: v.me == UNION)
    assert _late_by_round(views) == {1: {False}, 2: {False}, 3: {False}, 4: {True}, 5: {True}, 6: {True}}
    tolled = dataclasses.replace(SCENARIO.rules, delay_cost=1)
    assert not any(_free_time_late(dataclasses.replace(v, rules=tolled)) for v in views)
    tutorial = load_scenario(bundled()["tutorial"])
    assert tutorial.rules.delay_cost == 0 and tutorial.venues[0].rounds == 3
    pair = level_views(tutorial, game_seed(0, 0), "hard", lambda v: True)
    assert pair and not any(map(_free_time_late, pair))
    timed, _ = timed_seat(17, "d0", silent=False)
    assert timed.rules.delay_cost > 0
    views = level_views(timed, game_seed(0, 0), "hard", lambda v: len(counterparts(v)) >= 2)
    late = [dataclasses.replace(v, round=r) for v in views for r in range(v.venue.rounds - 2, v.venue.rounds + 1)]
    assert late and not any(map(_free_time_late, late))


def _first_change(game: int) -> tuple[State, A.Action, A.Action, float] | None:
    """The union's first action in the tournament's game `game` (the others normal) that the hard
    level without the rule would not take (the state, the two actions), and what the union ends
    with, with the rule less without it; None where the rule changes no action. Actions, not
    decisions (seat_games.first_difference): in round 4 the rule changes the reasons of answers
    it leaves as they were. Along the way, each of the union's actions is the hard level's
    (seat_games.first_change, which asks both levels of the view the union decided on)."""
    seed = game_seed(0, game)
    kept, changed = first_change(SCENARIO, seed, UNION, HARD, WITHOUT)
    if changed is None:
        return None
    state, _, said, unsaid = changed
    lost = unruled(state, SCENARIO, seed, UNION, WITHOUT)  # the same game up to `state`
    return state, said.action, unsaid.action, outcome_utility(kept, UNION) - outcome_utility(lost, UNION)


def test_the_union_signs_at_its_aim_late_in_the_talks() -> None:
    """harbour-contract's game 23: the union's first changed action is its round-4 answer (the
    first of the venue's last three rounds) to the authority's whole package (a small rise, the
    cranes in phases, no forced lay-offs, early retirement, a modest fund): signed with the rule,
    refused without it (the plan's hold-out). Without the rule the table signs that same package
    in round 5; with it, the union ends better off by more than 0.05 (fails with the rule off)."""
    assert HARD.answers_free_time and not LEVELS["normal"].answers_free_time
    assert SCENARIO.rules.delay_cost == 0
    changed = _first_change(23)
    assert changed is not None
    state, action, otherwise, gain = changed
    assert state.round == 4 == SCENARIO.venues[0].rounds - 2
    assert isinstance(action, A.Respond) and action.accept
    assert isinstance(otherwise, A.Respond) and not otherwise.accept and otherwise.proposal == action.proposal
    assert gain > 0.05


def test_the_rule_changes_only_late_answers_and_the_union_gains() -> None:
    """Over harbour-contract's first 60 games, every first action the rule changes is a yes in
    the venue's last three rounds to an offer the union without the rule refuses; it changes some
    (fails with the rule off); and the union ends with more, summed over the games it changes."""
    rounds = SCENARIO.venues[0].rounds
    changes = [c for c in map(_first_change, range(60)) if c is not None]
    assert changes
    for state, action, otherwise, _ in changes:
        assert state.round >= rounds - 2
        assert isinstance(action, A.Respond) and action.accept
        assert isinstance(otherwise, A.Respond) and not otherwise.accept
    assert sum(gain for *_, gain in changes) > 0
