"""The plan's hazards (Level.weighs_hazards, spares_cards, reads_table_refusals; game.ai.hazards),
rules of the hard agent.

On the random bench's stated table timed-5, seat d0 (temper 0.7, its trust in d1 at the walk-out
line of 15) holds out by its plan while a card of the deck may call d1 home (its trust in d0 at
most 43 in rounds 1 and 2, where the file starts it at 43), and each refusal of d0's offer takes
d0's trust below the line: the venue ended with nothing in 44 of 100 games where the plan's
survival counted only the clock (docs/lab/agents.md, "The plan's hazards")."""

from __future__ import annotations

import dataclasses

from game.ai.hazards import hazards, provokes_card
from game.ai.levels import LEVELS
from game.ai.opponent import Beliefs
from game.ai.planning import plan, read_sides
from game.engine import actions as A
from game.engine import new_game, view_for
from game.engine.model import Scenario
from game.engine.view import View
from game.sim.simulate import game_seed
from tests.ai.seat_games import rule_decisions
from tests.sim.timed_scenarios import timed_scenario

HARD = LEVELS["hard"]  # with the three flags (docs/lab/agents.md, "The plan's hazards")
# the walk-out hazard is read apart from the ground's reading, which may keep a seat (negotiator._stays)
PLAIN = dataclasses.replace(HARD, reads_ground_to_end=False)


def _with(sc: Scenario, who: int, trust: dict[int, int] | None = None, temper: float | None = None) -> Scenario:
    """The scenario with delegation `who`'s trust in some others, or its temper, changed."""
    d = sc.delegations[who]
    if trust:
        d = dataclasses.replace(d, trust=tuple(trust.get(i, t) for i, t in enumerate(d.trust)))
    if temper is not None:
        d = dataclasses.replace(d, personality=dataclasses.replace(d.personality, temper=temper))
    return dataclasses.replace(sc, delegations=tuple(d if i == who else x for i, x in enumerate(sc.delegations)))


def _first_view(sc: Scenario) -> View:
    return view_for(new_game(sc, game_seed(0, 0))[0], 0)


def test_a_card_that_calls_a_counterpart_home_is_a_hazard_of_waiting() -> None:
    sc = _with(timed_scenario(5), 0, temper=0.2)  # a calm d0: no walk-out
    view = _first_view(sc)
    rounds = view.venue.rounds - view.round
    out = hazards(view, PLAIN, rounds)
    leave = [c for c in sc.events if 1 in c.leavers]
    assert len(leave) == 1 and leave[0].weight > 0
    # the card is drawn at round 2 with the venue's chance, by its share of the deck's weight; its
    # round condition stops it after round 2, so later rounds add nothing
    share = leave[0].weight / sum(c.weight for c in sc.events)
    assert out[0] == 1.0 - sc.venues[0].random_events * share
    assert out[1:] == [out[0]] * (rounds - 1)
    # where d1 trusts d0 well above the card's bound, even after the refusals of a hold-out, and a
    # statement to the room, the card never holds
    trusting = _with(sc, 1, trust={0: 70})
    assert hazards(_first_view(trusting), PLAIN, rounds) == [1.0] * rounds


def test_our_own_walk_out_ends_the_wait() -> None:
    sc = _with(timed_scenario(5), 1, trust={0: 90})  # no card holds
    view = _first_view(sc)
    rounds = view.venue.rounds - view.round
    # d0's trust in d1 at the line: one refusal of its offer (2 points) walks it out
    assert view.my_trust[1] == 15 and view.rules.response_trust == 2
    assert hazards(view, PLAIN, rounds) == [0.0] * rounds
    # at 19, the third refusal does (19 - 6 < 15): the plan's third round and after are lost
    higher = _first_view(_with(sc, 0, trust={1: 19}))
    assert hazards(higher, PLAIN, rounds) == [1.0, 1.0] + [0.0] * (rounds - 2)
    # a calm temper never walks out
    assert hazards(_first_view(_with(sc, 0, temper=0.2)), PLAIN, rounds) == [1.0] * rounds


def test_the_plan_values_waiting_no_higher_with_its_hazards() -> None:
    view = _first_view(timed_scenario(5))
    beliefs = Beliefs(view, True)
    without = plan(view, beliefs, dataclasses.replace(HARD, weighs_hazards=False))
    with_hazards = plan(view, beliefs, HARD)
    # without them the plan holds out for a later package; with them, every later round is one
    # d0 may not see (a card may call d1 home, a refusal walks d0 out)
    assert without.later is not None
    assert with_hazards.waiting < without.waiting


def test_a_hard_d0_at_timed_5_holds_out_less() -> None:
    """Along the tournament's games with the rule in timed-5's d0 seat, where it decides, the
    plan values waiting lower than without it, and d0 signs or tables its own package in several
    games where without it it refused or held out (fails with the rule off: it decides nothing).
    Both sides of the comparison leave `answers_unread` off: with it, d0's round-1 answers, where
    the hazards first told, are by its own curve, the plan unread (docs/lab/agents.md, "The plan's
    first answers at a long last venue")."""
    sc = timed_scenario(5)
    with_plan = dataclasses.replace(HARD, answers_unread=False)
    without_rule = dataclasses.replace(with_plan, weighs_hazards=False)
    decided = settled = 0
    for view, with_rule, without in rule_decisions(sc, 0, with_plan, without_rule, 12):
        beliefs = Beliefs(view, True, True, True, True, True)
        assert plan(view, beliefs, with_plan).waiting < plan(view, beliefs, without_rule).waiting
        refused = isinstance(without.action, A.Respond) and not without.action.accept
        assert refused or without.reason.startswith("what we hold out for"), without
        signs = isinstance(with_rule.action, A.Respond) and with_rule.action.accept
        settled += signs or not with_rule.reason.startswith(("what we hold out for", "rejected"))
        decided += 1
    assert decided >= 5
    assert settled >= 4


def test_an_outburst_that_would_bring_a_card_into_play_is_spared() -> None:
    sc = timed_scenario(5)
    # d1 is called home while its trust in d0 is at most 43 in rounds 1 and 2; an outburst costs
    # it 8 (hardline_trust)
    assert sc.rules.hardline_trust == 8
    assert provokes_card(_first_view(_with(sc, 1, trust={0: 50})), 1)
    assert not provokes_card(_first_view(_with(sc, 1, trust={0: 60})), 1)
    # a counterpart no card reads, and a table with no draws, provoke nothing
    assert not provokes_card(_first_view(_with(sc, 1, trust={0: 50})), 2)
    calm = dataclasses.replace(sc, venues=tuple(dataclasses.replace(v, random_events=0.0) for v in sc.venues))
    assert not provokes_card(_first_view(calm), 1)


def test_a_table_of_several_reads_repeated_refusals_of_our_package() -> None:
    """At timed-8 (d1 with d0 and d2), where the rule decides, a side that refused one of d1's
    own packages in two rounds has its floor read higher than without the rule."""
    sc = timed_scenario(8)
    decided = 0
    for view, _with_rule, _without in rule_decisions(
        sc, 1, HARD, dataclasses.replace(HARD, reads_table_refusals=False), 20
    ):
        on = read_sides(view, Beliefs(view, True, True, True, True, True))
        off = read_sides(view, Beliefs(view, True, True, True, True, False))
        assert any(a.floor > b.floor for a, b in zip(on, off, strict=True))
        decided += 1
    assert decided >= 2


def test_a_hard_d0_at_timed_5_makes_no_outburst_that_a_card_reads() -> None:
    """Where spares_cards decides at timed-5's d0 seat, without it d0 makes an outburst at d1
    whose cost in trust a card calling d1 home reads, and with it d0 makes none (fails with the
    rule off: it decides nothing)."""
    sc = timed_scenario(5)
    decided = 0
    for view, with_rule, without in rule_decisions(sc, 0, HARD, dataclasses.replace(HARD, spares_cards=False), 30):
        assert isinstance(without.action, A.Statement) and without.action.to == "d1"
        assert provokes_card(view, 1)
        assert not isinstance(with_rule.action, A.Statement)
        decided += 1
    assert decided >= 3
