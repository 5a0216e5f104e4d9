"""A lead the other side has granted (Level.lead_keeps_granted; game.ai.bets.lead_granted): the
hard agent's lead on common ground (Level.leads_common) is not tabled where a counterpart's latest
package at the venue already gives us every issue of the lead at our option there or better. In
the random scenario timed-8 (as a file writes it) d1 opened with i0 and the common issue at d0's
best; the hard d0 tabled them apart as its lead, the table signed it, and the contested issue
then went to an option d0 values less than the one its whole package asked, which the table
signed where the lead was not tabled. Only at the game's last venue."""

from __future__ import annotations

import dataclasses

from game.ai.bets import common_lead, lead_granted
from game.ai.levels import LEVELS
from game.ai.opponent import level_beliefs
from game.ai.reading import left_open
from game.engine import actions as A
from game.engine.utility import outcome_utility
from tests.ai.seat_games import level_in_seat, package_indices, replayed, seat_gain, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, lead_keeps_granted=False)


def test_the_hard_agent_tables_no_lead_the_other_side_has_granted() -> None:
    """In timed-8 d0's game 65 the first decision the rule changes is d0's offer in round 1: the
    lead (i0 and the common issue, the contested issue left open) without the rule, the whole
    package with it. d1's package before it gives both of the lead's issues at our option; and d0
    ends the game with more (fails with the rule off)."""
    assert HARD.lead_keeps_granted and not LEVELS["normal"].lead_keeps_granted
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(8, "d0", 65, HARD, WITHOUT, silent=False)
    assert view.round == 1
    assert isinstance(said.action, A.Propose) and isinstance(unsaid.action, A.Propose)
    lead = package_indices(view, unsaid.action.package)
    assert lead == common_lead(view, level_beliefs(view, HARD))
    assert left_open(view, lead)
    assert not left_open(view, package_indices(view, said.action.package))
    assert lead_granted(view, lead)
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.1


def test_a_lead_no_one_has_offered_is_not_granted() -> None:
    """The same view with the counterparts' packages gone from the record and the table: nothing
    is granted, and the lead stands (what the lead won at timed-9 d1, timed-7 d0 and timed-8 d1,
    where the hard agent tables first, is left as it was)."""
    _, _, _, _, (_, view, _, unsaid) = timed_rule_game(8, "d0", 65, HARD, WITHOUT, silent=False)
    assert isinstance(unsaid.action, A.Propose)
    lead = package_indices(view, unsaid.action.package)
    bare = dataclasses.replace(view, proposals=(), answers=())
    assert not lead_granted(bare, lead)


def test_before_a_campaigns_last_venue_the_rule_keeps_out() -> None:
    """The same view with a venue to come: the rule does not fire (at timed-0 d1, a campaign's
    first venue, it lost)."""
    _, _, _, _, (_, view, _, unsaid) = timed_rule_game(8, "d0", 65, HARD, WITHOUT, silent=False)
    assert isinstance(unsaid.action, A.Propose)
    lead = package_indices(view, unsaid.action.package)
    assert not lead_granted(dataclasses.replace(view, venues_left=1), lead)


def test_the_tournament_seat_gains() -> None:
    """Over the tournament's first 70 games in timed-8 d0, the seat ends with more in total with
    the rule than without it."""
    sc, seat = timed_seat(8, "d0", silent=False)
    assert seat_gain(sc, seat, 70, HARD, WITHOUT) > 0
