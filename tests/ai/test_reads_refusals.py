"""The hard agent's plan reads its one counterpart by what it refused (Level.reads_refusals;
game.ai.planning.read_sides). The plan models a counterpart's demand as falling from its best to
the status quo by the deadline; a side's walk-away value is private and may lie well above the
status quo, and then the side refuses, round after round, packages the model says it would take,
while the plan holds out for them to the end. Where that side is the only counterpart at the
venue and its demand shows it has not fallen (its offers never moved, or it refused one package
in two rounds), a refusal the model cannot explain in the round it was given lifts the modelled
floor to the least that explains it (docs/lab/agents.md, "Reading refusals")."""

from __future__ import annotations

import dataclasses
from functools import partial

from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.ai.opponent import Beliefs
from game.ai.planning import plan, read_sides
from game.ai.reading import counterparts
from game.ai.selfplay import play
from game.engine import apply, new_game, view_for
from game.engine.state import Agreement
from game.engine.utility import outcome_utility, with_package
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.simulate import game_seed
from tests.ai.seat_games import level_in_seat, replayed, style_in_seat, timed_scenario

HARD = LEVELS["hard"]
# timed-2 (the suite's random generator, time rules on), the hard agent in d0's seat, the
# tournament's game 53: d1 tables one package every round and refuses d0's, which the model of d1
# reads as worth nearly all d1 could want (game 3 until agents read an adjourned venue's closing
# session as its deadline: there the agent without the rule now signs in the closing session)
SCENARIO, SEAT, GAME = 2, 0, 53


def _views(reads_refusals: bool) -> list[View]:
    sc = timed_scenario(SCENARIO)
    seed = game_seed(0, GAME)
    choosers = level_in_seat(sc, seed, SEAT, dataclasses.replace(HARD, reads_refusals=reads_refusals))
    return [
        view_for(state, SEAT) for state, _ in replayed(sc, seed, choosers)[0] if not state.over and state.actor == SEAT
    ]


def _refused(view: View, beliefs: Beliefs, who: int) -> list[float]:
    return [
        beliefs.utility(who, with_package(view.deal, a.package))
        for a in view.answers
        if not a.accepted and a.who == who and a.venue == view.venue_index
    ]


def test_the_one_counterpart_is_read_no_lower_than_its_refusals_say() -> None:
    """The floor is lifted for the one counterpart, never above the best reading of a
    package it refused, and the lift takes away the plan the model held out for; without the
    flag the floor stays the model's (fails with reads_refusals off in read_sides)."""
    lifted = 0
    for view in _views(reads_refusals=False):
        reading = Beliefs(view, HARD.learns, HARD.reads_deeds, refusals=True)
        plain = Beliefs(view, HARD.learns, HARD.reads_deeds, refusals=False)
        for side, before in zip(read_sides(view, reading), read_sides(view, plain), strict=True):
            assert side.floor >= before.floor - 1e-12
            if side.floor > before.floor + 1e-9:
                lifted += 1
                assert counterparts(view) == [side.who]
                assert side.floor <= max(_refused(view, reading, side.who)) + 1e-9
                # the plain plan held out for a package the lifted reading says will not come
                # (in a closing session no plan holds out: no round follows)
                assert plan(view, plain, HARD).later is not None or view.closing
                assert plan(view, reading, HARD).later is None
    assert lifted > 0


def _hard_turns_read_as_before(scenario_name: str, seat: int, seed: int, several: bool) -> int:
    """Plays the game with the hard agent in `seat`; at each of its turns the plan's reading of
    the sides is the same with refusals read as without (and, where `several`, more than one
    counterpart sits at the table). Returns how many of those turns had a refusal in the record."""
    sc = load_scenario(bundled()[scenario_name])
    state, _ = new_game(sc, seed)
    seen = 0
    for action in play(sc, seed, style_in_seat(sc, seat, "hard", seed)).actions:
        if not state.over and state.actor == seat:
            view = view_for(state, seat)
            if several:
                assert len(counterparts(view)) > 1
            reading = Beliefs(view, HARD.learns, HARD.reads_deeds, refusals=True)
            plain = Beliefs(view, HARD.learns, HARD.reads_deeds, refusals=False)
            assert read_sides(view, reading) == read_sides(view, plain)
            seen += any(not a.accepted and a.who != seat for a in view.answers)
        state, _ = apply(state, action)
    return seen


def test_at_a_table_of_several_refusals_lift_nothing() -> None:
    """Sochi's government seat, hard, the tournament's game 159: several counterparts refuse
    packages the model says they would take, and the floors stay the model's (fails where any
    counterpart's refusals are read: Turkey's floor is lifted in round 2)."""
    assert _hard_turns_read_as_before("sochi-congress", 0, game_seed(0, 159), several=True) > 0


def test_a_side_whose_demand_falls_as_modelled_is_read_as_before() -> None:
    """The tutorial's government seat, hard (no toll, no risk of breakdown): the UN team, its one
    counterpart, refuses the government's opening package and moves its own offer; it never
    refuses one package in two rounds, so its refusals lift nothing, and the plan still holds out
    for the package the UN team takes at the deadline (fails where every refusal of a sole
    counterpart is read: the government then asks less and ends 0.1 worse off)."""
    assert _hard_turns_read_as_before("tutorial", 1, game_seed(0, 0), several=False) > 0


def test_reading_refusals_wins_the_game_holding_out_lost() -> None:
    """In that game the hard agent reading refusals signs d1's package and ends better off than
    the same agent without, which holds out for a package d1 never takes."""
    sc = timed_scenario(SCENARIO)
    seed = game_seed(0, GAME)

    def surplus(reads_refusals: bool) -> float:
        choosers = style_in_seat(sc, SEAT, "hard", seed)
        choosers[SEAT] = partial(choose, level=dataclasses.replace(HARD, reads_refusals=reads_refusals))
        state = play(sc, seed, choosers).state
        return outcome_utility(state, SEAT) - state.scenario.delegations[SEAT].reservation

    assert HARD.reads_refusals
    assert surplus(True) > surplus(False) + 0.1


def test_refusals_before_the_venues_last_agreement_lift_nothing() -> None:
    """A refused package is weighed with the deal as it stands; one refused before an agreement
    of the venue was refused while the issues it settled were still open, so it is not read. The
    same views that lift d1's floor lift nothing once an agreement of the venue, made in the
    round of the last refusal, is on the record (fails where every refusal of the venue is read)."""
    lifted = 0
    for view in _views(reads_refusals=False):
        reading = Beliefs(view, HARD.learns, HARD.reads_deeds, refusals=True)
        plain = Beliefs(view, HARD.learns, HARD.reads_deeds, refusals=False)
        if read_sides(view, reading) == read_sides(view, plain):
            continue
        lifted += 1
        last = max(a.round for a in view.answers if a.venue == view.venue_index)
        signed = Agreement(proposal=999, venue=view.venue_index, round=last, package=(), parties=())
        later = dataclasses.replace(view, agreements=(*view.agreements, signed))
        assert read_sides(later, Beliefs(later, HARD.learns, HARD.reads_deeds, refusals=True)) == read_sides(
            later, Beliefs(later, HARD.learns, HARD.reads_deeds, refusals=False)
        )
    assert lifted > 0
