"""The table has not moved (Level.heeds_table_repeats; game.ai.repeats): a package the hard agent
refused comes back to it from another side, and the plan's promise that the others will concede
is left out of what waiting is worth. In the random scenario timed-11 (three rounds) d4 puts a
package to d1 in the first round and d0 puts the same one in the second: the hard agent held
out by its plan, and in the last round only a partial deal was left (docs/lab/agents.md, "The table's
repeated offer and a boycott the deck may make for us")."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS
from game.ai.repeats import table_repeats
from game.engine import actions as A
from tests.ai.seat_games import rule_decisions, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, heeds_table_repeats=False)


def test_a_package_refused_from_one_side_and_put_again_by_another_is_signed() -> None:
    """Along the tournament's games with hard in timed-11's d1 seat, where the rule decides, d1
    signs a package it refused at this venue, now put to it by another side than the one it
    refused it from, where without the rule it refused it again (fails with the rule off)."""
    sc, seat = timed_seat(11, "d1")
    signed = 0
    for view, with_rule, without in rule_decisions(sc, seat, HARD, WITHOUT, 12):
        assert isinstance(with_rule.action, A.Respond) and with_rule.action.accept
        assert isinstance(without.action, A.Respond) and not without.action.accept
        p = next(p for p in view.proposals if p.id == with_rule.action.proposal)
        assert table_repeats(view, p)
        # not the same side repeating itself: heeds_repeats (on either way) already reads that
        refused_from = {a.author for a in view.answers if a.who == seat and sorted(a.package) == sorted(p.package)}
        assert p.author not in refused_from
        signed += 1
    assert signed >= 1
