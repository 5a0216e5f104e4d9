"""The closing session at a table of two (Level.closing_needs_answer; game.ai.holding._holds_out):
a hard planner that time is against holds out for its plan's package where an adjournment would
leave that offer to the counterparts speaking before it (reads_closing), but at a table of two only
once the counterpart has answered at the venue. Before that the plan reads the counterpart's floor
as the deal in force, the prior, while the closing session signs only what clears its walk-away
value: at timed-13 d1 the round-1 hold-out asked the contested ladder's far end, the counterpart
refused it as worse than no deal, and the talks settled less (docs/lab/agents.md, "The closing session at a table of two"). These
tests play the current random tables."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS
from game.ai.reading import closing_backs, counterparts
from game.ai.table_estimate import unanswered
from game.engine import actions as A
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, replayed, rule_decisions, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, closing_needs_answer=False)
HOLD_OUT = "what we hold out for: an adjournment would leave it on the table"


def test_no_closing_hold_out_before_the_counterpart_answers() -> None:
    """In timed-13 d1's game 18 the first decision the rule changes is d1's offer in round 1, where
    d0 has answered nothing yet: without the rule d1 holds out for the contested ladder's far end,
    d0 refuses it and the talks settle a partial package; with it, d1 offers what it believes d0
    can live with, d0 signs the whole agenda, and d1 ends better off by more than 0.05 (fails with
    the rule off)."""
    assert HARD.closing_needs_answer and HARD.reads_closing and not LEVELS["normal"].closing_needs_answer
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(13, "d1", 18, HARD, WITHOUT, silent=False)
    assert view.round == 1 and len(counterparts(view)) == 1 and unanswered(view)
    assert isinstance(with_rule.action, A.Propose) and isinstance(without.action, A.Propose)
    assert without.reason == HOLD_OUT and with_rule.reason != HOLD_OUT
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert len(kept.agreements) == 1 and not [i for i in kept.scenario.venues[0].agenda if kept.settled[i] < 0]
    reservation = draw_types(sc, seed).delegations[seat].reservation
    assert outcome_utility(kept, seat) - reservation > outcome_utility(lost, seat) - reservation + 0.05


def test_the_rule_acts_only_on_the_closing_hold_out_before_an_answer() -> None:
    """Over timed-13 d1's first 40 games, every decision the rule changes is one the level
    without it takes by holding out for the closing session (its hold-out offer, or an answer
    weighed against its plan's value of waiting), at a table of two whose counterpart has
    answered nothing at the venue; and it changes some (fails with the rule off, which changes
    none)."""
    sc, seat = timed_seat(13, "d1", silent=False)
    changed = list(rule_decisions(sc, seat, HARD, WITHOUT, 40))
    assert len(changed) >= 10
    assert any(otherwise.reason == HOLD_OUT for _, _, otherwise in changed)
    for view, chosen, otherwise in changed:
        assert len(counterparts(view)) == 1 and unanswered(view) and closing_backs(view)
        assert otherwise.reason == HOLD_OUT or isinstance(otherwise.action, A.Respond)
        assert chosen.reason != HOLD_OUT
