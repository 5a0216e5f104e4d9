"""The first bet at a table of two (Level.first_bet_keeps_stated; game.ai.bets.best_bet): before
the counterpart has answered anything at the venue, the hard agent's bet asks no more of it than
the package at its aim on an issue where it states the option we value least. There our model's
weights for it are still the prior, and the estimate read the bet's taking back of that issue as
likely; the counterpart refused it in every game (docs/lab/agents.md, "The first bet at a table of two",
below28). These tests play the current random tables."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS
from game.ai.opponent import Beliefs
from game.ai.reading import counterparts
from game.engine import actions as A
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, package_indices, replayed, timed_rule_game

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, first_bet_keeps_stated=False)


def test_the_first_bet_keeps_to_what_the_side_stated() -> None:
    """In timed-5 d1's game 16 the first decision the rule changes is d1's opening offer: without
    it, the bet moves the contested ladder, where d0 states the option d1 values least, from the
    option its aim gives d0 to d1's own end, which d0 refuses (it weighs that issue 0.57; the
    model reads 0.2), and the talks end with no deal. With it, the offer asks no more than the aim
    there, d0 signs, and d1 ends better off by more than 0.05 (fails with the rule off)."""
    assert HARD.first_bet_keeps_stated and not LEVELS["normal"].first_bet_keeps_stated
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(5, "d1", 16, HARD, WITHOUT, silent=False)
    assert view.round == 1 and view.venue_index == 0
    assert not any(a.venue == view.venue_index for a in view.answers)
    assert isinstance(with_rule.action, A.Propose) and isinstance(without.action, A.Propose)
    (other,) = counterparts(view)
    beliefs = Beliefs(view, HARD.learns, HARD.reads_deeds, HARD.reads_refusals, HARD.reads_stakes)
    table = beliefs.tables_of(other)
    kept_package = dict(package_indices(view, with_rule.action.package))
    bet = dict(package_indices(view, without.action.package))
    # the bet without the rule asks more than the rule's offer on an issue where the side states
    # the option we value least
    values = view.own.values
    assert any(
        view.positions[other][i] >= 0
        and values[i][view.positions[other][i]] == min(values[i])
        and table[i][bet[i]] < table[i][kept_package[i]]
        for i in kept_package
    )
    assert kept.agreements
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert not lost.agreements
    reservation = draw_types(sc, seed).delegations[seat].reservation
    assert outcome_utility(kept, seat) - reservation > outcome_utility(lost, seat) - reservation + 0.05
